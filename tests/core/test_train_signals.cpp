// The command-line trainer asked to stop by SIGTERM (a job scheduler, a benchmark) or SIGINT
// (Ctrl-C): it finishes the iteration, writes a checkpoint and exits with status 3, whichever
// of its threads the kernel hands the signal to.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>

#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "test_registry.h"

using namespace isl;

class TestTrainSignals : public QObject {
  Q_OBJECT
 private slots:
  void stop_signal_writes_a_checkpoint_data() {
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
  }

  void stop_signal_writes_a_checkpoint() {
    QFETCH(int, signal);
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // Far more epochs than the test waits for.
    process.start(ISL_TRAIN_EXECUTABLE, {"--max-train-images", "256", "--max-test-images", "100", "--rounds", "2",
                                         "--backbone-epochs", "500", "--batch", "64", "--knn-k", "20",
                                         "--loader-workers", "1", "--out", run});
    QVERIFY(process.waitForStarted());
    // Stop once training is under way: after the first epoch's checkpoint.
    const auto checkpoint = run_files::latest_checkpoint_path(run.toStdString());
    QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::exists(checkpoint) || process.state() != QProcess::Running, 300000);
    QCOMPARE(process.state(), QProcess::Running);
    ::kill(pid_t(process.processId()), signal);
    QVERIFY(process.waitForFinished(300000));
    const QString output = QString::fromLocal8Bit(process.readAll());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);  // a signal's default action would be a crash exit
    QCOMPARE(process.exitCode(), 3);
    QVERIFY2(output.contains("Stopping after this iteration"), qPrintable(output.right(2000)));
    QVERIFY2(output.contains("Resume with: isl-train --resume"), qPrintable(output.right(2000)));
    // The checkpoint written on stop is whole: the run resumes from it.
    auto resumed = Trainer::resume(run.toStdString());
    QVERIFY(resumed != nullptr);
  }
};

ISL_REGISTER_TEST(TestTrainSignals);
#include "test_train_signals.moc"
