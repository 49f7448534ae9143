// What a run records and when: each stage's figures under their own names, probe results that
// survive a resume, a first round without backbone epochs.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <filesystem>

#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "short_runs.h"
#include "test_registry.h"

using namespace isl;

namespace {

// Two ISL rounds on 128 digits: a backbone epoch, two GAN epochs and a mining pass in round 0.
Config two_round_config() { return test::short_run("isl", 2, 128); }

std::vector<const MetricsRecord*> epochs_of(const std::vector<MetricsRecord>& records, Stage stage) {
  std::vector<const MetricsRecord*> found;
  for (const auto& r : records)
    if (r.kind == "epoch" && r.stage == stage) found.push_back(&r);
  return found;
}

}  // namespace

class TestRunRecords : public QObject {
  Q_OBJECT
 private slots:
  // The generator loss and the proxies' confidence are not the backbone loss: each stage's
  // epoch records name what they measure, and progress follows the stage's own figure.
  void each_stage_records_its_own_figures() {
    QTemporaryDir dir;
    Trainer trainer(two_round_config(), dir.filePath("run").toStdString());
    test::Recorder recorder;
    trainer.add_observer(&recorder);
    trainer.run();
    QCOMPARE(trainer.state(), RunState::Finished);
    const auto& records = recorder.records;
    const auto backbone = epochs_of(records, Stage::Backbone), gan = epochs_of(records, Stage::Gan),
               mining = epochs_of(records, Stage::Mining);
    QCOMPARE(int(backbone.size()), 2);
    QCOMPARE(int(gan.size()), 2);
    QCOMPARE(int(mining.size()), 1);
    for (const auto* r : backbone) {
      for (const char* key : {"loss", "loss_instance", "loss_set", "loss_hpe", "learning_rate"}) QVERIFY2(r->values.count(key), key);
      QCOMPARE(r->values.at("learning_rate"), 0.003);
    }
    for (const auto* r : gan) {
      QVERIFY(!r->values.count("loss"));
      for (const char* key : {"gan_generator", "gan_discriminator", "gan_real_confidence", "gan_fake_confidence"})
        QVERIFY2(r->values.count(key), key);
    }
    QVERIFY(!mining[0]->values.count("loss"));
    const double confidence = mining[0]->values.at("proxy_confidence");
    QVERIFY(confidence >= 0 && confidence <= 1);
    QVERIFY(mining[0]->values.count("proxy_nearest_similarity"));

    // At each epoch's end, progress carries the figure that the epoch's record holds.
    auto progress_at_end = [&](Stage stage, int epoch) {
      for (const auto& p : recorder.progress)
        if (p.round == 0 && p.stage == stage && p.epoch == epoch && p.iteration == p.iterations) return &p;
      return static_cast<const Progress*>(nullptr);
    };
    const Progress* gan_end = progress_at_end(Stage::Gan, 1);
    QVERIFY(gan_end);
    QVERIFY(std::abs(gan_end->stage_figure - gan[1]->values.at("gan_generator")) < 1e-9);
    const Progress* mining_end = progress_at_end(Stage::Mining, 0);
    QVERIFY(mining_end);
    QVERIFY(std::abs(mining_end->stage_figure - confidence) < 1e-9);
    const Progress* backbone_end = progress_at_end(Stage::Backbone, 0);
    QVERIFY(backbone_end);
    QVERIFY(std::abs(backbone_end->stage_figure - backbone[0]->values.at("loss")) < 1e-9);
    QCOMPARE(backbone_end->learning_rate, 0.003);
  }

  // isl-train's progress lines name the figure they show.
  void the_terminal_trainer_names_each_stage_figure() {
    QTemporaryDir dir;
    QProcess train;
    QStringList arguments = {"--out", dir.filePath("run"), "--max-train-images", "128", "--max-test-images", "100",
                             "--rounds", "2", "--backbone-epochs", "1", "--gan-epochs", "1",
                             "--gan-min-epochs-first-round", "1", "--mining-epochs", "1", "--batch", "32",
                             "--negative-candidates", "64", "--knn-k", "10", "--loader-workers", "1"};
    train.start(ISL_TRAIN_EXECUTABLE, arguments);
    QVERIFY(train.waitForFinished(300000));
    const QString output = QString::fromUtf8(train.readAllStandardError());
    QVERIFY2(train.exitCode() == 0, qPrintable(output));
    bool saw_backbone = false, saw_gan = false, saw_mining = false;
    // Not a terminal: one progress line per epoch, "round 1/2 gan      epoch 1/1 [...] ...".
    const QRegularExpression progress_line("^round \\d+/\\d+ (backbone|gan|mining) +epoch ");
    for (const QString& line : output.split('\n')) {
      const auto match = progress_line.match(line);
      if (!match.hasMatch()) continue;
      if (match.captured(1) == "backbone") {
        saw_backbone = true;
        QVERIFY2(line.contains("  loss ") && line.contains("  lr 0.03"), qPrintable(line));
      } else if (match.captured(1) == "gan") {
        saw_gan = true;
        QVERIFY2(line.contains("generator loss ") && !line.contains("  loss "), qPrintable(line));
      } else {
        saw_mining = true;
        QVERIFY2(line.contains("proxy confidence ") && !line.contains("loss"), qPrintable(line));
      }
    }
    QVERIFY2(saw_backbone && saw_gan && saw_mining, qPrintable(output));
  }

  // --backbone-epochs 0: round 0 goes straight to the GAN, and no backbone epoch runs at all.
  void no_backbone_epochs_means_none_in_any_round() {
    QTemporaryDir dir;
    Config c = two_round_config();
    c.backbone_epochs = 0;
    c.gan_epochs = 1;
    c.gan_min_epochs_first_round = 1;
    Trainer trainer(c, dir.filePath("run").toStdString());
    test::Recorder recorder;
    trainer.add_observer(&recorder);
    trainer.run();
    QCOMPARE(trainer.state(), RunState::Finished);
    QVERIFY(epochs_of(recorder.records, Stage::Backbone).empty());
    QCOMPARE(int(epochs_of(recorder.records, Stage::Gan).size()), 1);
    QCOMPARE(int(epochs_of(recorder.records, Stage::Mining).size()), 1);
    for (const auto& p : recorder.progress) QVERIFY(p.stage != Stage::Backbone);
    QCOMPARE(recorder.records.back().kind, std::string("final"));
  }

  // A probe's result is a record like any other: the checkpoint covers it, so resuming the
  // run (which trims the lines no checkpoint covers) keeps it.
  void a_probe_result_survives_resume() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Config c = two_round_config();
    c.method = "instance";
    c.rounds = 1;
    double accuracy = 0;
    {
      Trainer trainer(c, run);
      trainer.run();
      accuracy = trainer.run_linear_probe();
    }
    auto probes = [&] {
      std::vector<double> found;
      for (const auto& r : read_metrics_file(run_files::metrics_path(run)))
        if (r.kind == "probe") found.push_back(r.values.at("linear_top1"));
      return found;
    };
    QCOMPARE(probes(), std::vector<double>{accuracy});
    {
      auto resumed = Trainer::resume(run);
      resumed->run();  // finished already: records nothing new
    }
    QCOMPARE(probes(), std::vector<double>{accuracy});
  }

  // A probe asked for while the run trains is recorded at the next batch boundary. A run
  // killed one batch later (its files copied at that moment) still has it when resumed.
  void a_probe_during_training_survives_a_crash() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    const std::string crashed = dir.filePath("crashed").toStdString();
    Config c = two_round_config();
    c.method = "instance";
    c.rounds = 1;
    c.backbone_epochs = 2;
    {
      Trainer trainer(c, run);
      struct CopyAfterProbe : TrainingObserver {
        Trainer* trainer = nullptr;
        std::string run, copy;
        bool asked = false, probed = false, copied = false;
        void on_progress(const Progress& p) override {
          if (!asked && p.iteration == 1) {
            asked = true;
            trainer->request_linear_probe();
          } else if (probed && !copied) {
            copied = true;
            std::filesystem::copy(run, copy, std::filesystem::copy_options::recursive);
          }
        }
        void on_metrics(const MetricsRecord& r) override { probed = probed || r.kind == "probe"; }
      } observer;
      observer.trainer = &trainer;
      observer.run = run;
      observer.copy = crashed;
      trainer.add_observer(&observer);
      trainer.run();
      QVERIFY(observer.copied);
    }
    auto resumed = Trainer::resume(crashed);
    resumed->run();
    QCOMPARE(resumed->state(), RunState::Finished);
    const auto records = read_metrics_file(run_files::metrics_path(crashed));
    const auto probes = std::count_if(records.begin(), records.end(), [](const MetricsRecord& r) { return r.kind == "probe"; });
    QCOMPARE(int(probes), 1);
    QCOMPARE(records.back().kind, std::string("final"));
  }
};

ISL_REGISTER_TEST(TestRunRecords);
#include "test_run_records.moc"
