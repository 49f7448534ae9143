// The settings dialog's labels and help come from widgets/setting_texts, in the interface
// language, for every setting of the engine.
#include <QFormLayout>
#include <QLabel>
#include <QTest>

#include "core/run/config.h"
#include "language.h"
#include "test_registry.h"
#include "widgets/setting_texts.h"
#include "widgets/settings_dialog.h"

using namespace isl::gui;

class SettingTextsTest : public QObject {
  Q_OBJECT
 private slots:
  void init() { apply_language("en"); }
  void cleanup() { apply_language("en"); }

  // A setting added to core/run/config_fields.h needs its line in setting_texts.cpp, and a
  // help text changed there needs the same change (and its translations) here.
  void everySettingHasALabelAndCoresHelp() {
    isl::Config config;
    int fields = 0;
    isl::for_each_field(config, [&](auto&, const isl::ConfigField& field) {
      ++fields;
      const auto text = setting_text(field.name);
      QVERIFY2(text, qPrintable(QString("no entry for %1 in widgets/setting_texts.cpp").arg(field.name)));
      QVERIFY2(!text->label.isEmpty(), field.name);
      QCOMPARE(text->help, QString::fromUtf8(field.help));
    });
    QVERIFY(fields > 40);
    QVERIFY(!setting_text("no_such_setting"));
  }

  void theDialogShowsThemInTheChosenLanguage() {
    const SettingText english = *setting_text("learning_rate");
    apply_language("de");
    const SettingText german = *setting_text("learning_rate");
    QVERIFY(german.label != english.label);
    QVERIFY(german.help != english.help);
    isl::Config config;
    SettingsDialog dialog(config);
    isl::for_each_field(config, [&](auto&, const isl::ConfigField& field) {
      QWidget* editor = dialog.editor(field.name);
      QVERIFY2(editor, field.name);
      auto* form = qobject_cast<QFormLayout*>(editor->parentWidget()->layout());
      QVERIFY2(form, field.name);
      auto* label = qobject_cast<QLabel*>(form->labelForField(editor));
      QVERIFY2(label, field.name);
      const auto text = setting_text(field.name);
      QVERIFY2(text, field.name);
      QCOMPARE(label->text(), text->label);
      QVERIFY2(editor->toolTip().contains(text->help.toHtmlEscaped()), qPrintable(editor->toolTip()));
      QVERIFY2(editor->toolTip().contains(field.name), qPrintable(editor->toolTip()));
    });
  }
};

ISL_REGISTER_TEST(SettingTextsTest);
#include "test_setting_texts.moc"
