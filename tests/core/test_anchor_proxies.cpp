// The proxies of an anchor a user selects: made on request by a running or a stopped trainer.
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "short_runs.h"
#include "test_registry.h"

using namespace isl;

namespace {

// Pauses the run at its first progress report, asks for an anchor's proxies while paused and
// resumes once they arrive: the request must be answered by a paused run.
struct AskWhilePaused : TrainingObserver {
  Trainer* trainer = nullptr;
  int64_t anchor = 0;
  bool paused_once = false;
  std::vector<AnchorProxiesPtr> answers;
  std::vector<RunState> states_at_answer;
  RunState state = RunState::Idle;
  void on_progress(const Progress&) override {
    if (!paused_once) {
      paused_once = true;
      trainer->pause();
    }
  }
  void on_state(RunState s) override {
    state = s;
    if (s == RunState::Paused && answers.empty()) trainer->request_anchor_proxies(anchor);
  }
  void on_anchor_proxies(const AnchorProxiesPtr& proxies) override {
    answers.push_back(proxies);
    states_at_answer.push_back(state);
    trainer->resume();
  }
};

double norm(const float* row, int64_t dim) {
  double sum = 0;
  for (int64_t k = 0; k < dim; ++k) sum += double(row[k]) * row[k];
  return std::sqrt(sum);
}

}  // namespace

class TestAnchorProxies : public QObject {
  Q_OBJECT
 private slots:
  void a_paused_run_answers_and_tracks_the_anchor_for_replay() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Config config = test::short_run("isl", 2, 256);
    config.tracked_anchors = 0;  // the requested anchor is the only tracked one
    config.proxy_samples = 3;
    Trainer trainer(config, run);
    AskWhilePaused observer;
    observer.trainer = &trainer;
    observer.anchor = 37;
    trainer.add_observer(&observer);
    trainer.run();

    QCOMPARE(int(observer.answers.size()), 1);
    QCOMPARE(observer.states_at_answer.front(), RunState::Paused);
    const AnchorProxies& a = *observer.answers.front();
    QCOMPARE(a.anchor, int64_t(37));
    QCOMPARE(a.samples(), int64_t(3));
    QVERIFY(!a.generator_trained);  // asked during round 0's backbone epoch
    QCOMPARE(int64_t(a.proxies.size()), 3 * config.feature_dim);
    for (int64_t s = 0; s < a.samples(); ++s) QVERIFY(std::abs(norm(&a.proxies[size_t(s * a.dim)], a.dim) - 1) < 1e-4);
    QCOMPARE(a.confidence[size_t(a.best)], *std::max_element(a.confidence.begin(), a.confidence.end()));

    // Tracked from then on: the GAN and mining epochs refresh its proxy and the snapshots carry it.
    const auto files = list_snapshot_files(run);
    const Snapshot last = read_snapshot_file(files.back());
    QCOMPARE(last.proxy_anchors, std::vector<int64_t>{37});
    const Snapshot first = read_snapshot_file(files.front());
    QVERIFY(first.proxy_anchors.empty());
    QCOMPARE(last.projection.dim, config.feature_dim);
  }

  void a_stopped_run_answers_without_changing() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Config config = test::short_run("isl", 2, 256);
    config.backbone_epochs = 0;  // round 0's GAN and mining, then round 1, which has neither
    {
      Trainer trainer(config, run);
      trainer.run();
    }
    const std::string checkpoint = read_whole_file(run_files::latest_checkpoint_path(run));
    const std::string metrics = read_whole_file(run_files::metrics_path(run));
    auto trainer = Trainer::resume(run);
    const AnchorProxies a = trainer->anchor_proxies(5);
    const AnchorProxies again = trainer->anchor_proxies(5);
    QVERIFY(a.generator_trained);
    QCOMPARE(a.samples(), config.proxy_samples);
    QCOMPARE(again.proxies, a.proxies);  // the same stream for the same anchor where the run stands
    QCOMPARE(again.joining, a.joining);
    // The short runs open the region wide (r = R + (1 - c)(1 - R) with R = -1) and mine at any confidence.
    const double c = a.confidence[size_t(a.best)];
    QVERIFY(std::abs(a.region - (config.region + (1 - c) * (1 - config.region))) < 1e-6);
    QCOMPARE(a.joining.size(), a.candidates.size());
    QVERIFY(std::find(a.candidates.begin(), a.candidates.end(), 5) == a.candidates.end());
    trainer.reset();
    QCOMPARE(read_whole_file(run_files::latest_checkpoint_path(run)), checkpoint);
    QCOMPARE(read_whole_file(run_files::metrics_path(run)), metrics);
  }

  void requests_without_proxies_are_named_errors() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Config config = test::short_run("instance", 1, 128);
    config.backbone_epochs = 0;
    Trainer trainer(config, run);
    trainer.run();
    try {
      trainer.anchor_proxies(3);
      QFAIL("the instance method made proxies");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("instance method trains no proxy generator"), error.what());
    }
    auto isl_run = dir.filePath("isl").toStdString();
    Config isl_config = test::short_run("isl", 1, 128);
    isl_config.backbone_epochs = 0;
    Trainer isl_trainer(isl_config, isl_run);
    try {
      isl_trainer.anchor_proxies(128);
      QFAIL("an anchor out of range had proxies");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("anchor 128") && QString(error.what()).contains("has 128"), error.what());
    }
  }
};

ISL_REGISTER_TEST(TestAnchorProxies);
#include "test_anchor_proxies.moc"
