// The whole window driven as a user would; links the trainer (see tests/gui/CMakeLists.txt).
#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "dialog_catcher.h"
#include "main_window.h"
#include "synthetic_run.h"
#include "test_registry.h"
#include "thread_spy.h"
#include "training_worker.h"
#include "widgets/anchor_inspector.h"
#include "widgets/embedding_view.h"
#include "widgets/log_panel.h"
#include "widgets/snapshot_timeline.h"
#include "widgets/vtk_gl_widget.h"

using namespace isl::gui;

namespace {
// A few hundred built-in digits, a small network head: seconds per epoch.
isl::Config small_config() {
  isl::Config config;
  config.max_train_images = 300;
  config.max_test_images = 100;
  config.rounds = 2;
  config.backbone_epochs = 50;
  config.batch = 16;
  config.feature_dim = 32;
  config.knn_k = 20;
  config.device = "cpu";
  return config;
}
}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT
 private slots:
  // Replay of a finished run shows its last epoch; clicking a point inspects that anchor.
  void replayAndInspect() {
    QTemporaryDir dir;
    isl::test::write_synthetic_run(dir.path().toStdString(), 300, 3);
    MainWindow window;
    window.resize(1500, 950);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openRun(dir.path());
    QTRY_VERIFY(window.timeline()->current() != nullptr);
    QCOMPARE(window.timeline()->current()->global_epoch, 3);
    auto* state = window.findChild<QLabel*>("runState");
    auto* position = window.findChild<QLabel*>("runPosition");
    QVERIFY(state && position);
    QVERIFY2(state->text().contains("Replay"), qPrintable(state->text()));
    QVERIFY2(position->text().contains("3 backbone epochs"), qPrintable(position->text()));
    // In replay the bar shows the place on the timeline, and the training-only bar is gone.
    auto* timeline_bar = window.findChild<QProgressBar*>("epochBar");
    auto* stage_bar = window.findChild<QProgressBar*>("stageBar");
    QVERIFY(timeline_bar && stage_bar);
    QVERIFY(timeline_bar->isVisible() && !stage_bar->isVisible());
    QCOMPARE(timeline_bar->text(), QString("snapshot 3 of 3"));
    window.timeline()->findChild<QSlider*>()->setValue(0);
    QTRY_COMPARE(timeline_bar->text(), QString("snapshot 1 of 3"));
    window.timeline()->findChild<QSlider*>()->setValue(2);
    QTRY_COMPARE(window.timeline()->current()->global_epoch, 3);
    QTRY_COMPARE(int(window.records().size()), 3);
    QTest::qWait(200);
    const QPoint at = window.embeddingView()->screenPosition(42);
    QTest::mouseClick(window.embeddingView()->canvas(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(window.selection()->anchor() >= 0);
    const qint64 anchor = window.selection()->anchor();
    const auto& snapshot = *window.timeline()->current();
    QCOMPARE(window.inspector()->positiveCount(), int(snapshot.positives.size(anchor) - 1));
    QCOMPARE(window.inspector()->neighbourCount(), int(snapshot.euclidean.size(anchor) - 1));
    QCOMPARE(window.log()->count(isl::LogLevel::Error), 0);
  }

  // A short run on a few hundred built-in digits: progress arrives, pause holds the
  // iteration, resume continues, stop writes a checkpoint.
  void trainPauseResumeStop() {
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    const isl::Config config = small_config();
    MainWindow window;
    window.resize(1500, 950);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    isl::test::ThreadSpy progress(window.worker(), &TrainingWorker::progress);
    isl::test::ThreadSpy finished(window.worker(), &TrainingWorker::finished);
    window.startRun(config, run);
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 3, 120000);
    QTRY_VERIFY_WITH_TIMEOUT(window.timeline()->current() != nullptr, 180000);
    window.grab().save(QString(ISL_TEST_ARTIFACTS) + "/main-window-training.png");

    window.pauseRun();
    QTRY_COMPARE_WITH_TIMEOUT(window.runState(), isl::RunState::Paused, 30000);
    QTest::qWait(300);  // events already queued before the pause
    const int at_pause = progress.count();
    QTest::qWait(1500);
    QCOMPARE(progress.count(), at_pause);
    window.resumeRun();
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > at_pause, 30000);
    window.stopRun();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(QFileInfo::exists(QString::fromStdString(isl::run_files::latest_checkpoint_path(run.toStdString()))));
  }

  // Stop and pause pressed while a run is still starting (its data read, its model built)
  // apply to that run instead of being lost, and the window counts it as busy meanwhile.
  void stopAndPauseWhileStarting() {
    QTemporaryDir dir;
    MainWindow window;
    window.resize(1500, 950);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    isl::test::ThreadSpy finished(window.worker(), &TrainingWorker::finished);
    isl::test::ThreadSpy progress(window.worker(), &TrainingWorker::progress);
    const auto epochs_of = [](const QString& run) {
      return isl::read_metrics_file(isl::run_files::metrics_path(run.toStdString())).size();
    };

    const QString stopped = dir.filePath("stopped");
    window.startRun(small_config(), stopped);
    QVERIFY(window.worker()->busy());
    window.stopRun();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(!window.worker()->busy());
    QCOMPARE(epochs_of(stopped), size_t(0));
    QVERIFY(QFileInfo::exists(QString::fromStdString(isl::run_files::latest_checkpoint_path(stopped.toStdString()))));

    const QString paused = dir.filePath("paused");
    window.startRun(small_config(), paused);
    window.pauseRun();
    QTRY_COMPARE_WITH_TIMEOUT(window.runState(), isl::RunState::Paused, 60000);
    QCOMPARE(progress.count(), 0);
    window.resumeRun();
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 60000);
    window.stopRun();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QVERIFY(finished.at(1).at(0).toBool());
  }

  // Bad input and numerical faults appear in a dialog and in the log, and the window stays
  // usable: after each, the next run starts or opens.
  void errorsAppearAsDialogsAndTheWindowStaysUsable() {
    isl::test::DialogCatcher dialogs;
    MainWindow window;
    window.resize(1500, 950);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* start = window.findChild<QAction*>("start");
    QVERIFY(start);
    isl::test::ThreadSpy finished(window.worker(), &TrainingWorker::finished);
    QTemporaryDir dir;
    isl::Config config = small_config();

    // A data set that is not there.
    config.data_kind = "cifar10";
    config.data_path = "/nonexistent/cifar";
    window.startRun(config, dir.filePath("cifar-run"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QTRY_COMPARE(dialogs.seen().size(), 1);
    QVERIFY2(dialogs.seen().last().contains("/nonexistent/cifar"), qPrintable(dialogs.seen().last()));
    QCOMPARE(window.log()->count(isl::LogLevel::Error), 1);
    QVERIFY(window.log()->text().contains("/nonexistent/cifar"));
    QVERIFY(start->isEnabled());

    // A run directory that cannot be created.
    config = small_config();
    window.startRun(config, "/dev/null/run");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QTRY_COMPARE(dialogs.seen().size(), 2);
    QVERIFY2(dialogs.seen().last().contains("/dev/null/run"), qPrintable(dialogs.seen().last()));
    QCOMPARE(window.log()->count(isl::LogLevel::Error), 2);

    // A run directory another trainer holds: continuing it from the window is refused.
    const std::string busy = dir.filePath("busy").toStdString();
    {
      isl::Trainer holder(config, busy);
      window.openRun(QString::fromStdString(busy));
      QTRY_VERIFY(start->isEnabled());
      start->trigger();
      QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
      QTRY_COMPARE(dialogs.seen().size(), 3);
      QVERIFY2(dialogs.seen().last().contains("in use by another training process"), qPrintable(dialogs.seen().last()));
    }

    // A loss that diverges: the run pauses at its last good checkpoint with a message.
    config = small_config();
    config.learning_rate = 100;  // with weight decay 1, weights grow 99-fold a step
    config.weight_decay = 1;
    config.sgd_momentum = 0;
    window.startRun(config, dir.filePath("diverging"));
    QTRY_COMPARE_WITH_TIMEOUT(window.runState(), isl::RunState::Paused, 120000);
    QTRY_COMPARE(dialogs.seen().size(), 4);
    QVERIFY2(dialogs.seen().last().contains("learning_rate"), qPrintable(dialogs.seen().last()));
    QVERIFY(window.log()->text().contains("paused at its last good checkpoint"));
    window.stopRun();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 60000);
    QVERIFY(finished.at(3).at(0).toBool());

    // Still usable: a finished run opens and replays.
    QTemporaryDir replay;
    isl::test::write_synthetic_run(replay.path().toStdString(), 200, 2);
    window.openRun(replay.path());
    QTRY_VERIFY(window.timeline()->current() != nullptr);
    QCOMPARE(window.timeline()->current()->global_epoch, 2);
    QCOMPARE(dialogs.seen().size(), 4);
  }
};

ISL_REGISTER_TEST(MainWindowTest);
#include "test_main_window.moc"
