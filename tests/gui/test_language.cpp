#include <QCoreApplication>
#include <QTest>

#include "language.h"
#include "test_registry.h"
#include "widgets/preferences_dialog.h"
#include "widgets/run_status.h"

class LanguageTest : public QObject {
  Q_OBJECT
 private slots:
  // The compiled translations are in the program and switch at run time.
  void switchesBetweenLanguages() {
    isl::gui::apply_language("de");
    QCOMPARE(isl::gui::state_name(isl::RunState::Paused), QString("Pausiert"));
    isl::gui::apply_language("zh_CN");
    QCOMPARE(isl::gui::state_name(isl::RunState::Paused), QString::fromUtf8("已暂停"));
    isl::gui::apply_language("en");
    QCOMPARE(isl::gui::state_name(isl::RunState::Paused), QString("Paused"));
  }

  void preferencesOfferEachLanguage() {
    isl::gui::PreferencesDialog dialog("zh_CN");
    QCOMPARE(dialog.language(), QString("zh_CN"));
  }
};

ISL_REGISTER_TEST(LanguageTest);
#include "test_language.moc"
