#pragma once
#include <QString>

namespace isl::gui {
// Installs the translations for `language` ("de", "zh_CN"; "" follows the system locale)
// and removes the previous ones; open windows retranslate on QEvent::LanguageChange.
void apply_language(const QString& language);
}  // namespace isl::gui
