#pragma once
// Settings of short runs on the built-in digits for the tests: small enough to train in
// seconds, and with the mining region opened wide (r = 1 - 2c, every proxy confident enough):
// the proxy GAN gets a few dozen steps here, far too few for its proxies to reach the data.
#include <string>

#include "core/run/config.h"
#include "core/run/training_events.h"

namespace isl::test {

inline Config short_run(const std::string& method, int rounds, int64_t images) {
  Config c;
  c.method = method;
  c.rounds = rounds;
  c.backbone_epochs = 1;
  c.gan_epochs = 2;
  c.gan_min_epochs_first_round = 2;
  c.mining_epochs = 1;
  c.max_train_images = images;
  c.max_test_images = 100;
  c.batch = 32;
  c.learning_rate = 0.003;
  c.confidence_threshold = 0.0;
  c.region = -1.0;
  c.negative_candidates = 64;
  c.knn_k = 10;
  c.tracked_anchors = 8;
  c.loader_workers = 1;
  return c;
}

// What a trainer reports, kept for the test to read after run().
struct Recorder : TrainingObserver {
  std::vector<MetricsRecord> records;
  std::vector<Progress> progress;
  std::vector<std::string> log;
  void on_progress(const Progress& p) override { progress.push_back(p); }
  void on_metrics(const MetricsRecord& r) override { records.push_back(r); }
  void on_log(LogLevel, const std::string& text) override { log.push_back(text); }
};

}  // namespace isl::test
