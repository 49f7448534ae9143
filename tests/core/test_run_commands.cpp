// Everyday work on a run that is not training: resuming it under changed settings, and
// isl-train's evaluate, export and info subcommands.
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "short_runs.h"
#include "test_registry.h"

using namespace isl;

namespace {

// One round of instance discrimination on 128 digits: the quickest complete run.
Config short_config() { return test::short_run("instance", 1, 128); }

int count_kind(const std::vector<MetricsRecord>& records, const std::string& kind, Stage stage = Stage::Finished) {
  return int(std::count_if(records.begin(), records.end(), [&](const MetricsRecord& r) {
    return r.kind == kind && (stage == Stage::Finished || r.stage == stage);
  }));
}

struct Finished {
  int code;
  QString out, err;
};

Finished isl_train(const QStringList& arguments) {
  QProcess process;
  process.start(ISL_TRAIN_EXECUTABLE, arguments);
  process.waitForFinished(300000);
  return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
          QString::fromUtf8(process.readAllStandardError())};
}

}  // namespace

class TestRunCommands : public QObject {
  Q_OBJECT
 private slots:
  // On a machine without a GPU the device check compares the CPU with itself: every check must
  // pass exactly, and a device that is not there is a named error.
  void the_device_check_passes_on_the_cpu() {
    const QString program = QFileInfo(ISL_TRAIN_EXECUTABLE).dir().filePath("isl-device-check");
    QProcess process;
    process.start(program, {"--device", "cpu", "--skip-run"});
    QVERIFY(process.waitForFinished(120000));
    const QString out = process.readAllStandardOutput();
    QVERIFY2(process.exitCode() == 0, qPrintable(out + process.readAllStandardError()));
    QCOMPARE(out.count("PASS"), 5);
    QVERIFY(out.contains("max |device - cpu| 0 "));
    QVERIFY(out.contains("all checks passed"));
    process.start(program, {"--device", "vulkan"});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
  }

  // Two methods with two seeds each, then the same command again: every run is kept.
  void an_experiment_runs_every_method_with_every_seed_and_continues() {
    QTemporaryDir dir;
    const QString description = dir.filePath("experiment.json");
    QFile file(description);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"methods": ["instance", {"name": "isl_no_hpe", "settings": {"method": "isl", "hpe_weight": 0}}],
                  "seeds": [1, 2],
                  "settings": {"rounds": 1, "backbone_epochs": 1, "max_train_images": 96, "max_test_images": 64,
                               "batch": 32, "knn_k": 5, "loader_workers": 1}})");
    file.close();
    const QString out = dir.filePath("out");
    auto first = isl_train({"experiment", description, "--out", out});
    QVERIFY2(first.code == 0, qPrintable(first.err));
    for (const char* run : {"instance-seed1", "instance-seed2", "isl_no_hpe-seed1", "isl_no_hpe-seed2"})
      QVERIFY2(QFileInfo::exists(out + "/" + run + "/checkpoints/latest.pt"), run);
    QVERIFY2(first.out.contains("isl_no_hpe") && first.out.contains("+-"), qPrintable(first.out));
    QVERIFY(QFileInfo::exists(out + "/summary.csv"));
    // The folder keeps the description (isl-report reads it there) ...
    QFile kept(out + "/experiment.json");
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), file.readAll());
    file.close();
#ifdef ISL_REPORT_BUILT
    // ... and the report made by isl-report beside isl-train.
    QVERIFY2(QFileInfo::exists(out + "/report/report.md"), qPrintable(first.err));
    QVERIFY2(first.out.contains("report: " + out + "/report/report.md"), qPrintable(first.out));
#else
    QVERIFY2(first.out.contains("build isl-report"), qPrintable(first.out));
#endif
    auto again = isl_train({"experiment", description, "--out", out});
    QVERIFY2(again.code == 0, qPrintable(again.err));
    QCOMPARE(again.err.count("finished before; kept"), 4);
  }
  // A finished run given more backbone epochs goes on from where it ended, records a new final
  // evaluation, and keeps the new settings in config.json.
  void a_finished_run_resumed_with_more_epochs_goes_on() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    {
      Trainer trainer(short_config(), run);
      trainer.run();
    }
    Config more = short_config();
    more.backbone_epochs = 2;
    more.loader_workers = 2;  // an execution setting changes too
    auto resumed = Trainer::resume(run, more);
    test::Recorder log;
    resumed->add_observer(&log);
    resumed->run();
    QCOMPARE(resumed->state(), RunState::Finished);
    const auto records = read_metrics_file(run_files::metrics_path(run));
    QCOMPARE(count_kind(records, "epoch", Stage::Backbone), 2);
    QCOMPARE(count_kind(records, "final"), 2);
    QCOMPARE(records.back().global_epoch, 2);
    QCOMPARE(read_config_file(run_files::config_path(run)).backbone_epochs, 2);
    const bool told = std::any_of(log.log.begin(), log.log.end(), [](const std::string& line) {
      return line.find("changed settings") != std::string::npos && line.find("backbone_epochs: 1 -> 2") != std::string::npos &&
             line.find("loader_workers: 1 -> 2") != std::string::npos;
    });
    QVERIFY(told);
  }

  // Settings the saved state depends on are refused by name, and config.json stays as it was.
  void resume_refuses_settings_the_saved_state_depends_on() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    {
      Trainer trainer(short_config(), run);
      trainer.run();
    }
    const std::string before = read_whole_file(run_files::config_path(run));
    auto refused = [&](auto change, const char* name) {
      Config c = short_config();
      change(c);
      try {
        Trainer::resume(run, c);
        QFAIL(qPrintable(QString("resumed with a new '%1'").arg(name)));
      } catch (const InputError& error) {
        QVERIFY2(std::string(error.what()).find(std::string("'") + name + "'") != std::string::npos, error.what());
      }
      QCOMPARE(read_whole_file(run_files::config_path(run)), before);
    };
    refused([](Config& c) { c.arch = "resnet18"; }, "arch");
    refused([](Config& c) { c.feature_dim = 64; }, "feature_dim");
    refused([](Config& c) { c.max_train_images = 64; }, "max_train_images");
    refused([](Config& c) { c.method = "isl"; }, "method");
    refused([](Config& c) { c.batch = 16; }, "batch");
    refused([](Config& c) { c.data_kind = "cifar10"; }, "data_kind");
  }

  void resume_refuses_fewer_rounds_than_the_run_has_begun() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Config c = short_config();
    c.rounds = 2;
    {
      Trainer trainer(c, run);
      trainer.run();
    }
    c.rounds = 1;
    try {
      Trainer::resume(run, c);
      QFAIL("resumed a two-round run with one round");
    } catch (const InputError& error) {
      QVERIFY2(std::string(error.what()).find("'rounds'") != std::string::npos, error.what());
    }
  }

  // A run stopped after its first epoch, resumed with a lower learning rate: the next epoch
  // trains with it (the checkpoint's own rate would otherwise come back).
  void a_new_learning_rate_takes_effect_at_once() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Config c = short_config();
    c.backbone_epochs = 2;
    {
      Trainer trainer(c, run);
      struct StopAfterFirstEpoch : TrainingObserver {
        Trainer* trainer = nullptr;
        void on_metrics(const MetricsRecord& r) override {
          if (r.kind == "epoch") trainer->stop();
        }
      } stopper;
      stopper.trainer = &trainer;
      trainer.add_observer(&stopper);
      trainer.run();
    }
    c.learning_rate = 0.001;
    auto resumed = Trainer::resume(run, c);
    resumed->run();
    const auto records = read_metrics_file(run_files::metrics_path(run));
    std::vector<double> rates;
    for (const auto& r : records)
      if (r.kind == "epoch") rates.push_back(r.values.at("learning_rate"));
    QCOMPARE(rates, (std::vector<double>{0.003, 0.001}));
  }

  // isl-train on an existing run: info, evaluate, resume with a changed setting, and the
  // errors that name what is wrong.
  void the_terminal_trainer_works_on_an_existing_run() {
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    {
      Trainer trainer(short_config(), run.toStdString());
      trainer.run();
    }
    auto info = isl_train({"info", run});
    QVERIFY2(info.code == 0, qPrintable(info.err));
    QVERIFY2(info.out.contains("instance with alexnet") && info.out.contains("finished") &&
                 info.out.contains("final kNN top-1") && info.out.contains("* backbone_epochs") &&
                 info.out.contains("  seed "),
             qPrintable(info.out));

    auto evaluated = isl_train({"evaluate", run, "--linear-probe"});
    QVERIFY2(evaluated.code == 0, qPrintable(evaluated.err));
    QVERIFY2(evaluated.out.contains("recomputed features") && evaluated.out.contains("linear probe"), qPrintable(evaluated.out));
    auto records = read_metrics_file(run_files::metrics_path(run.toStdString()));
    QCOMPARE(records[records.size() - 2].kind, std::string("eval"));
    QVERIFY(records[records.size() - 2].values.count("knn_top1_recomputed"));
    QCOMPARE(records.back().kind, std::string("probe"));

    auto more = isl_train({"--resume", run, "--backbone-epochs", "2"});
    QVERIFY2(more.code == 0, qPrintable(more.err));
    QVERIFY2(more.err.contains("backbone_epochs: 1 -> 2"), qPrintable(more.err));
    records = read_metrics_file(run_files::metrics_path(run.toStdString()));
    QCOMPARE(count_kind(records, "epoch", Stage::Backbone), 2);
    QCOMPARE(count_kind(records, "probe"), 1);  // kept through the resume

    const QString exported = dir.filePath("exported");
    auto exports = isl_train({"export", run, "--weights", exported + "/backbone.pt", "--embeddings", exported + "/projector",
                              "--metrics", exported + "/metrics.csv", "--tensorboard", exported + "/tensorboard"});
    QVERIFY2(exports.code == 0, qPrintable(exports.err));
    for (const char* file : {"backbone.pt", "projector/tensors.tsv", "projector/metadata.tsv", "projector/sprite.png",
                             "projector/projector_config.pbtxt", "metrics.csv"})
      QVERIFY2(QFileInfo::exists(exported + "/" + file), file);
    QCOMPARE(QDir(exported + "/tensorboard").entryList({"events.out.tfevents.*"}, QDir::Files).size(), 1);
    auto recomputed_alone = isl_train({"export", run, "--recomputed-features"});
    QCOMPARE(recomputed_alone.code, 2);
    auto without_sprite = isl_train({"export", run, "--embeddings", exported + "/plain", "--no-sprite"});
    QVERIFY2(without_sprite.code == 0, qPrintable(without_sprite.err));
    QVERIFY(QFileInfo::exists(exported + "/plain/tensors.tsv"));
    QVERIFY(!QFileInfo::exists(exported + "/plain/sprite.png"));

    auto refused = isl_train({"--resume", run, "--arch", "resnet18"});
    QCOMPARE(refused.code, 2);
    QVERIFY2(refused.err.contains("'arch'") && refused.err.contains("start a new run"), qPrintable(refused.err));
    auto mixed = isl_train({"--rounds", "3", "info", run});
    QCOMPARE(mixed.code, 2);
    QVERIFY2(mixed.err.contains("info"), qPrintable(mixed.err));
    auto nothing = isl_train({"export", run});
    QCOMPARE(nothing.code, 2);
    QVERIFY2(nothing.err.contains("--weights"), qPrintable(nothing.err));
    auto help = isl_train({"evaluate", "--help"});
    QCOMPARE(help.code, 0);
    QVERIFY2(help.out.contains("--linear-probe") && !help.out.contains("--learning-rate"), qPrintable(help.out));
  }
};

ISL_REGISTER_TEST(TestRunCommands);
#include "test_run_commands.moc"
