#pragma once
#include <QString>

#include <optional>

namespace isl::gui {

// What the settings dialog says about a setting, in the interface language. core's settings
// table (core/run/config_fields.h) knows no Qt, so its help is English only; these are its
// translatable counterparts, keyed by the setting's name, with the same English help.
struct SettingText {
  QString label;
  QString help;
};

// The label and help of setting `name`; nothing for a name the table does not know.
std::optional<SettingText> setting_text(const QString& name);

}  // namespace isl::gui
