// The window's work on runs that are not training: the linear probe and the evaluation of an
// opened run, continuing with changed settings (also from a numerical fault's message) and the
// TensorBoard scalar export. Links the trainer (see tests/gui/CMakeLists.txt).
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "core/short_runs.h"
#include "dialog_catcher.h"
#include "main_window.h"
#include "synthetic_run.h"
#include "test_registry.h"
#include "thread_spy.h"
#include "training_worker.h"
#include "widgets/log_panel.h"
#include "widgets/settings_dialog.h"

using namespace isl::gui;

namespace {

// One round on 200 built-in digits, on the CPU: a few seconds.
isl::Config tiny_run() {
  isl::Config config = isl::test::short_run("isl", 1, 200);
  config.feature_dim = 32;
  config.device = "cpu";
  return config;
}

void train(const isl::Config& config, const QString& directory) {
  isl::Trainer trainer(config, directory.toStdString());
  trainer.run();
}

std::vector<isl::MetricsRecord> metrics_of(const QString& run) {
  return isl::read_metrics_file(isl::run_files::metrics_path(run.toStdString()));
}

int count_kind(const std::vector<isl::MetricsRecord>& records, const std::string& kind) {
  int found = 0;
  for (const auto& record : records) found += record.kind == kind;
  return found;
}

// Each modal dialog runs its own event loop inside the call that opened it; this hands every
// modal dialog on screen to `answer` (which closes it) while that loop runs.
class ModalAnswerer : public QObject {
 public:
  explicit ModalAnswerer(std::function<void(QWidget*)> answer) : answer_(std::move(answer)) {
    connect(&timer_, &QTimer::timeout, this, [this] {
      QWidget* modal = QApplication::activeModalWidget();
      if (modal && modal->isVisible()) answer_(modal);
    });
    timer_.start(20);
  }

 private:
  std::function<void(QWidget*)> answer_;
  QTimer timer_;
};

void press_ok(QDialog* dialog) {
  dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
}

struct ShownWindow {
  MainWindow window;
  ShownWindow() {
    window.resize(1500, 950);
    window.show();
  }
  QAction* action(const char* name) { return window.findChild<QAction*>(name); }
};

}  // namespace

class RunActionsTest : public QObject {
  Q_OBJECT
 private slots:
  // The probe and the evaluation of a finished run, from the Run menu: the window is busy
  // meanwhile, each appends its record to the run's metrics and shows it, and the run
  // resumes with both records.
  void probeAndEvaluateAFinishedRun() {
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    train(tiny_run(), run);
    const size_t trained_records = metrics_of(run).size();
    QCOMPARE(count_kind(metrics_of(run), "probe"), 0);

    ShownWindow shown;
    MainWindow& window = shown.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    isl::test::ThreadSpy evaluated(window.worker(), &TrainingWorker::evaluationFinished);
    isl::test::ThreadSpy finished(window.worker(), &TrainingWorker::finished);
    QVERIFY(!shown.action("probe")->isEnabled());  // nothing to probe yet
    window.openRun(run);
    QTRY_COMPARE(window.records().size(), trained_records);
    QVERIFY(shown.action("probe")->isEnabled());
    QVERIFY(shown.action("evaluate")->isEnabled());

    shown.action("probe")->trigger();
    QVERIFY(window.worker()->busy());
    for (const char* name : {"probe", "evaluate", "start", "continue-changed", "open-run", "new-run"})
      QVERIFY2(!shown.action(name)->isEnabled(), name);
    auto* state = window.findChild<QLabel*>("runState");
    QVERIFY2(state->text().contains("Linear probe"), qPrintable(state->text()));
    window.grab().save(QString(ISL_TEST_ARTIFACTS) + "/main-window-probe.png");
    QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 120000);
    QVERIFY2(evaluated.at(0).at(0).toBool(), qPrintable(evaluated.at(0).at(1).toString()));
    QCOMPARE(finished.count(), 0);  // no run was trained
    QCOMPARE(count_kind(metrics_of(run), "probe"), 1);
    QTRY_COMPARE(window.records().size(), trained_records + 1);
    QCOMPARE(window.records().back().kind, std::string("probe"));
    const double accuracy = window.records().back().values.at("linear_top1");
    QVERIFY2(accuracy > 0 && accuracy <= 1, qPrintable(QString::number(accuracy)));
    QVERIFY(window.log()->text().contains("Linear probe top-1"));
    QVERIFY2(!state->text().contains("Linear probe"), qPrintable(state->text()));
    QVERIFY(shown.action("start")->isEnabled());
    QVERIFY(shown.action("evaluate")->isEnabled());

    shown.action("evaluate")->trigger();
    QVERIFY2(state->text().contains("Evaluating"), qPrintable(state->text()));
    QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 2, 120000);
    QVERIFY2(evaluated.at(1).at(0).toBool(), qPrintable(evaluated.at(1).at(1).toString()));
    QTRY_COMPARE(window.records().size(), trained_records + 2);
    QCOMPARE(window.records().back().kind, std::string("eval"));
    QVERIFY(window.records().back().values.count("knn_top1_recomputed"));
    QVERIFY2(window.log()->text().contains("on recomputed features"), qPrintable(window.log()->text()));
    QCOMPARE(window.log()->count(isl::LogLevel::Error), 0);

    // Resuming keeps what a checkpoint covers: both records.
    {
      auto resumed = isl::Trainer::resume(run.toStdString());
      const auto records = metrics_of(run);
      QCOMPARE(records.size(), trained_records + 2);
      QCOMPARE(count_kind(records, "probe"), 1);
      QCOMPARE(records.back().kind, std::string("eval"));
    }
  }

  // A probe of a run that another process trains is refused with the lock's message, and the
  // window is usable afterwards.
  void probeOfARunInUseIsRefused() {
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    isl::test::DialogCatcher dialogs;
    ShownWindow shown;
    MainWindow& window = shown.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    isl::test::ThreadSpy evaluated(window.worker(), &TrainingWorker::evaluationFinished);
    {
      isl::Trainer holder(tiny_run(), run.toStdString());
      window.openRun(run);
      QTRY_VERIFY(shown.action("probe")->isEnabled());
      shown.action("probe")->trigger();
      QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 60000);
    }
    QVERIFY(!evaluated.at(0).at(0).toBool());
    QTRY_COMPARE(dialogs.seen().size(), 1);
    QVERIFY2(dialogs.seen().last().contains("in use by another training process"), qPrintable(dialogs.seen().last()));
    QVERIFY(shown.action("probe")->isEnabled());
    QVERIFY(shown.action("start")->isEnabled());
  }

  // Continue with changed settings: the settings the saved state depends on cannot be
  // changed, more rounds can and the continued run trains them; fewer rounds than the run
  // has begun are refused with core's message naming the setting.
  void continueWithChangedSettings() {
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    train(tiny_run(), run);
    ShownWindow shown;
    MainWindow& window = shown.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    isl::test::ThreadSpy finished(window.worker(), &TrainingWorker::finished);
    window.openRun(run);
    QTRY_VERIFY(shown.action("continue-changed")->isEnabled());

    int dialogs = 0;
    bool fixed_disabled = false, fixed_explained = false, rounds_enabled = false, directory_read_only = false;
    int rounds_asked = 2;
    QString problem_shown;
    ModalAnswerer answerer([&](QWidget* modal) {
      if (auto* box = qobject_cast<QMessageBox*>(modal)) {
        problem_shown = box->text();
        box->done(QMessageBox::Ok);
        return;
      }
      auto* dialog = qobject_cast<SettingsDialog*>(modal);
      if (!dialog) return;
      ++dialogs;
      fixed_disabled = !dialog->editor("arch")->isEnabled() && !dialog->editor("feature_dim")->isEnabled() &&
                       !dialog->editor("seed")->isEnabled();
      fixed_explained = dialog->editor("arch")->toolTip().contains("Fixed for this run");
      rounds_enabled = dialog->editor("rounds")->isEnabled() && dialog->editor("learning_rate")->isEnabled();
      directory_read_only = dialog->findChild<QLineEdit*>("runDirectory")->isReadOnly() &&
                            dialog->findChild<QLineEdit*>("runDirectory")->text() == run;
      qobject_cast<QSpinBox*>(dialog->editor("rounds"))->setValue(rounds_asked);
      press_ok(dialog);
    });
    shown.action("continue-changed")->trigger();
    QCOMPARE(dialogs, 1);
    QVERIFY(fixed_disabled);
    QVERIFY(fixed_explained);
    QVERIFY(rounds_enabled);
    QVERIFY(directory_read_only);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 180000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(isl::read_config_file(isl::run_files::config_path(run.toStdString())).rounds, 2);
    bool second_round = false;
    for (const auto& record : metrics_of(run)) second_round |= record.kind == "epoch" && record.round == 1;
    QVERIFY(second_round);
    QVERIFY(window.log()->text().contains("rounds: 1 -> 2"));
    QCOMPARE(window.runState(), isl::RunState::Finished);

    rounds_asked = 1;
    shown.action("continue-changed")->trigger();
    QCOMPARE(dialogs, 2);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
    QVERIFY(!finished.at(1).at(0).toBool());
    QTRY_VERIFY(!problem_shown.isEmpty());
    QVERIFY2(problem_shown.contains("'rounds'") && problem_shown.contains("too few"), qPrintable(problem_shown));
    QCOMPARE(isl::read_config_file(isl::run_files::config_path(run.toStdString())).rounds, 2);
    QVERIFY(shown.action("continue-changed")->isEnabled());
  }

  // A numerical fault's message offers to change the settings (cancelled here: the run stays
  // paused); Continue with changed settings on the paused run then stops it and, with a sound
  // learning rate, continues from its last good checkpoint to the end.
  void numericalFaultOffersChangedSettings() {
    QTemporaryDir dir;
    const QString run = dir.filePath("diverging");
    isl::Config config = tiny_run();
    config.learning_rate = 100;  // with weight decay 1, weights grow 99-fold a step
    config.weight_decay = 1;
    config.sgd_momentum = 0;
    ShownWindow shown;
    MainWindow& window = shown.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    isl::test::ThreadSpy finished(window.worker(), &TrainingWorker::finished);
    QString fault;
    int dialogs = 0;
    bool continue_mode = false;
    ModalAnswerer answerer([&](QWidget* modal) {
      if (auto* box = qobject_cast<QMessageBox*>(modal)) {
        fault = box->text();
        for (QAbstractButton* button : box->buttons())
          if (button->text().startsWith("Change settings and continue")) return button->click();
        return box->done(QMessageBox::Ok);
      }
      auto* dialog = qobject_cast<SettingsDialog*>(modal);
      if (!dialog) return;
      if (++dialogs == 1) {
        continue_mode = !dialog->editor("arch")->isEnabled();
        return dialog->reject();
      }
      qobject_cast<QDoubleSpinBox*>(dialog->editor("learning_rate"))->setValue(0.003);
      qobject_cast<QDoubleSpinBox*>(dialog->editor("weight_decay"))->setValue(0);
      press_ok(dialog);
    });
    window.startRun(config, run);
    QTRY_COMPARE_WITH_TIMEOUT(dialogs, 1, 120000);
    QVERIFY2(fault.contains("paused at its last good checkpoint"), qPrintable(fault));
    QVERIFY(continue_mode);
    QTRY_COMPARE_WITH_TIMEOUT(window.runState(), isl::RunState::Paused, 30000);
    QCOMPARE(finished.count(), 0);
    QVERIFY(shown.action("continue-changed")->isEnabled());
    shown.action("continue-changed")->trigger();
    QCOMPARE(dialogs, 2);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 240000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(1).toString()));
    const isl::Config saved = isl::read_config_file(isl::run_files::config_path(run.toStdString()));
    QCOMPARE(saved.learning_rate, 0.003);
    QCOMPARE(saved.weight_decay, 0.0);
    QCOMPARE(window.runState(), isl::RunState::Finished);
    QCOMPARE(count_kind(metrics_of(run), "final"), 1);
  }

  // File > Export > TensorBoard scalars writes an event file in the chosen folder, holding
  // the run's tags.
  void tensorBoardScalarsExport() {
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    isl::test::write_synthetic_run(run.toStdString(), 200, 3);
    const QString folder = dir.filePath("tensorboard");
    QVERIFY(QDir().mkpath(folder));
    const bool native = QCoreApplication::testAttribute(Qt::AA_DontUseNativeDialogs);
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);  // Qt's own dialog, which this test fills in
    ShownWindow shown;
    MainWindow& window = shown.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openRun(run);
    QTRY_COMPARE(int(window.records().size()), 3);
    bool answered = false;
    ModalAnswerer answerer([&](QWidget* modal) {
      auto* files = qobject_cast<QFileDialog*>(modal);
      if (!files) return;
      files->findChild<QLineEdit*>("fileNameEdit")->setText(folder);
      answered = true;
      static_cast<QDialog*>(files)->accept();
    });
    shown.action("export-tensorboard")->trigger();
    QVERIFY(answered);
    QTRY_VERIFY_WITH_TIMEOUT(window.log()->text().contains("Saved the TensorBoard event file"), 30000);
    const QStringList written = QDir(folder).entryList({"events.out.tfevents.*"}, QDir::Files);
    QCOMPARE(written.size(), 1);
    QFile file(folder + "/" + written.first());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("brain.Event:2"));
    QVERIFY(bytes.contains("eval/knn_top1"));
    QVERIFY(window.log()->text().contains(folder + "/" + written.first()));
    QCOMPARE(window.log()->count(isl::LogLevel::Error), 0);
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs, native);
  }

  // The dialog's continue mode alone: fixed settings read-only with the reason, the rest
  // editable, and OK named for what it does.
  void settingsDialogContinueMode() {
    isl::Config config;
    SettingsDialog dialog(config, nullptr, SettingsDialog::Purpose::ContinueRun);
    int fixed = 0;
    isl::for_each_field(config, [&](auto&, const isl::ConfigField& field) {
      QWidget* editor = dialog.editor(field.name);
      QCOMPARE(editor->isEnabled(), !field.fixed_for_the_run);
      QCOMPARE(editor->toolTip().contains("Fixed for this run"), field.fixed_for_the_run);
      fixed += field.fixed_for_the_run;
    });
    QVERIFY(fixed > 5);
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->text(), QString("Continue run"));
    dialog.setRunDirectory("/home/user/isl-runs/20261202-061500");
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* tabs = dialog.findChild<QTabWidget*>();
    for (int tab : {0, 1, 2}) {
      tabs->setCurrentIndex(tab);
      dialog.grab().save(QString("%1/settings-continue-%2.png").arg(ISL_TEST_ARTIFACTS).arg(tab));
    }
    SettingsDialog new_run(config);
    for (const char* name : {"arch", "feature_dim", "data_kind", "seed"}) QVERIFY(new_run.editor(name)->isEnabled());
  }
};

ISL_REGISTER_TEST(RunActionsTest);
#include "test_run_actions.moc"
