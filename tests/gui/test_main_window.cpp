// The whole window driven as a user would; links the trainer (see tests/gui/CMakeLists.txt).
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "core/run/run_files.h"
#include "main_window.h"
#include "synthetic_run.h"
#include "test_registry.h"
#include "training_worker.h"
#include "widgets/anchor_inspector.h"
#include "widgets/embedding_view.h"
#include "widgets/log_panel.h"
#include "widgets/snapshot_timeline.h"
#include "widgets/vtk_gl_widget.h"

using namespace isl::gui;

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
    isl::Config config;
    config.max_train_images = 300;
    config.max_test_images = 100;
    config.rounds = 2;
    config.backbone_epochs = 50;
    config.batch = 16;
    config.feature_dim = 32;
    config.knn_k = 20;
    config.device = "cpu";
    MainWindow window;
    window.resize(1500, 950);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy progress(window.worker(), &TrainingWorker::progress);
    QSignalSpy finished(window.worker(), &TrainingWorker::finished);
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
};

ISL_REGISTER_TEST(MainWindowTest);
#include "test_main_window.moc"
