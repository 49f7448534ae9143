// The command-line trainer killed with SIGKILL at random moments and resumed each time: the run
// completes, no file is torn, no epoch is logged twice or lost, and the result equals an
// uninterrupted run's.
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
  // Three rounds: long enough (about 14 s on two cores) that the kills below, 0.3-2.5 s after
  // each start, come ten times or more before the run can finish.
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
    QCOMPARE(run_to_end(run_arguments(reference)), 0);
    const auto expected = epoch_keys(reference.toStdString());

    std::mt19937 random(2021);
    std::uniform_int_distribution<int> delay_ms(300, 2500);
    int kills = 0;
    bool finished = false;
    QStringList arguments = run_arguments(killed);
    while (!finished) {
      QProcess process;
      process.start(ISL_TRAIN_EXECUTABLE, arguments);
      QVERIFY(process.waitForStarted());
      const bool exited = kills < 12 ? process.waitForFinished(delay_ms(random)) : process.waitForFinished(600000);
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
        QVERIFY(logged.size() - checkpointed_lines(run) <= 2);
        arguments = QStringList{"--resume", killed};
      } else {
        arguments = run_arguments(killed);  // killed before the run directory was complete
        std::filesystem::remove_all(killed.toStdString());
      }
    }
    qInfo("killed %d times", kills);
    QVERIFY(kills >= 10);
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
