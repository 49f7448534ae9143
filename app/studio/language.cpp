#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace isl::gui {

void apply_language(const QString& language) {
  static std::unique_ptr<QTranslator> own, qt;
  for (auto* translator : {own.get(), qt.get()})
    if (translator) QCoreApplication::removeTranslator(translator);
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  own = std::make_unique<QTranslator>();
  qt = std::make_unique<QTranslator>();
  // Compiled into the program by qt_add_translations (resource prefix /i18n).
  if (own->load(locale, "isl-studio", "_", ":/i18n")) QCoreApplication::installTranslator(own.get());
  // Qt's own strings (standard buttons, file dialogs).
  if (qt->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt.get());
}

}  // namespace isl::gui
