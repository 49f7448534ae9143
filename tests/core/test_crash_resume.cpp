// The command-line trainer killed with SIGKILL at random moments and resumed each time: the run
// completes, no file is torn, no epoch is logged twice or lost, and the result equals an
// uninterrupted run's.
#include <QElapsedTimer>
#include <QProcess>
#include <nlohmann/json.hpp>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>
#include <random>

#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "test_registry.h"

using namespace isl;

namespace {

QStringList run_arguments(const QString& out) {
  // Three rounds (about 14 s on two cores): every stage is killed in some round.
  return {"--max-train-images", "256", "--max-test-images", "200", "--rounds", "3", "--backbone-epochs", "3",
          "--gan-epochs", "3", "--gan-min-epochs-first-round", "2", "--mining-epochs", "2", "--batch", "64",
          "--learning-rate", "0.003", "--confidence-threshold", "0", "--region", "-1", "--negative-candidates",
          "256", "--knn-k", "20", "--tracked-anchors", "8", "--loader-workers", "1", "--out", out};
}

int run_to_end(const QStringList& arguments) {
  QProcess process;
  process.start(ISL_TRAIN_EXECUTABLE, arguments);
  process.waitForFinished(600000);
  return process.exitCode();
}

// Every file in the run directory that a reader might open parses.
void check_nothing_is_torn(const std::string& run) {
  read_config_file(run_files::config_path(run));
  read_metrics_file(run_files::metrics_path(run));
  for (const auto& file : list_snapshot_files(run)) read_snapshot_file(file);
  torch::serialize::InputArchive archive;
  archive.load_from(run_files::latest_checkpoint_path(run));
}

// Metrics lines the checkpoint accounts for; lines after them are work that will be redone.
size_t checkpointed_lines(const std::string& run) {
  torch::serialize::InputArchive archive;
  archive.load_from(run_files::latest_checkpoint_path(run));
  torch::Tensor header;
  archive.read("header", header);
  const std::string text(reinterpret_cast<const char*>(header.data_ptr<uint8_t>()), size_t(header.numel()));
  return nlohmann::json::parse(text).at("position").at("metrics_lines").get<size_t>();
}

std::vector<std::string> epoch_keys(const std::string& run) {
  std::vector<std::string> keys;
  for (const auto& r : read_metrics_file(run_files::metrics_path(run)))
    keys.push_back(r.kind + "/" + std::to_string(r.round) + "/" + to_string(r.stage) + "/" + std::to_string(r.epoch));
  return keys;
}

}  // namespace

class TestCrashResume : public QObject {
  Q_OBJECT
 private slots:
  void killed_runs_resume_to_the_same_result() {
    QTemporaryDir dir;
    const QString reference = dir.filePath("reference");
    const QString killed = dir.filePath("killed");
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(run_to_end(run_arguments(reference)), 0);
    const qint64 run_ms = clock.elapsed();
    const auto expected = epoch_keys(reference.toStdString());

    // Kills come 5-20% of the uninterrupted run's time after each start, so a faster machine
    // gets as many as a slower one; a start that ends without a new checkpoint doubles the next
    // wait, so every few starts add training. Once the checkpoints cover three quarters of the
    // run's metrics lines, the last start runs to the end.
    std::mt19937 random(2021);
    std::uniform_real_distribution<double> fraction(0.05, 0.2);
    const size_t kill_until = expected.size() * 3 / 4;
    size_t covered = 0;
    double stretch = 1;
    int kills = 0;
    bool finished = false;
    QStringList arguments = run_arguments(killed);
    while (!finished) {
      QProcess process;
      process.start(ISL_TRAIN_EXECUTABLE, arguments);
      QVERIFY(process.waitForStarted());
      const int delay_ms = int(fraction(random) * double(run_ms) * stretch);
      const bool exited = covered < kill_until ? process.waitForFinished(delay_ms) : process.waitForFinished(600000);
      if (!exited) {
        ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished();
        ++kills;
      } else {
        QCOMPARE(process.exitCode(), 0);
        finished = true;
      }
      if (std::filesystem::exists(killed.toStdString() + "/config.json")) {
        const std::string run = killed.toStdString();
        check_nothing_is_torn(run);
        // What is logged is a prefix of the uninterrupted run's log: nothing doubled or skipped.
        const auto logged = epoch_keys(run);
        QVERIFY(logged.size() <= expected.size());
        QVERIFY(std::equal(logged.begin(), logged.end(), expected.begin()));
        // At most one epoch is lost: its "epoch" line and its evaluation.
        const size_t now_covered = checkpointed_lines(run);
        QVERIFY(logged.size() - now_covered <= 2);
        stretch = now_covered > covered ? 1 : stretch * 2;
        covered = now_covered;
        arguments = QStringList{"--resume", killed};
      } else {
        arguments = run_arguments(killed);  // killed before the run directory was complete
        std::filesystem::remove_all(killed.toStdString());
        stretch *= 2;
      }
    }
    qInfo("killed %d times; the uninterrupted run took %lld ms", kills, run_ms);
    // Training was interrupted more than once.
    QVERIFY(kills >= 2);
    QVERIFY(epoch_keys(killed.toStdString()) == expected);

    // The same memory bank and positive sets as the run that was never interrupted.
    auto read = [](const QString& run, const char* key) {
      torch::serialize::InputArchive archive;
      archive.load_from(run_files::latest_checkpoint_path(run.toStdString()));
      torch::Tensor value;
      archive.read(key, value);
      return value;
    };
    for (const char* key : {"memory", "mined_members", "mined_sizes"})
      QVERIFY2(torch::equal(read(reference, key), read(killed, key)), key);
  }
};

ISL_REGISTER_TEST(TestCrashResume);
#include "test_crash_resume.moc"
