#pragma once
// What a running trainer reports. Plain values only (no LibTorch), so the desktop
// application and the terminal trainer can hold them on any thread.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/run/projection.h"

namespace isl {

enum class Stage { Backbone, Gan, Mining, Finished };
std::string to_string(Stage stage);            // backbone, gan, mining, finished
Stage stage_from_string(const std::string& name);  // throws InputError

// The epoch metric that Progress::stage_figure follows in each stage: loss, gan_generator,
// proxy_confidence; empty for Finished.
std::string stage_figure_key(Stage stage);

enum class RunState { Idle, Running, Paused, Stopping, Finished, Failed };
std::string to_string(RunState state);

struct Progress {
  int round = 0;
  int rounds = 0;
  Stage stage = Stage::Backbone;
  int epoch = 0;             // within the stage, from 0
  int epoch_cap = 0;         // most epochs the stage can run
  int64_t iteration = 0;     // batches done in this epoch
  int64_t iterations = 0;    // batches per epoch
  double images_per_second = 0;
  double epoch_seconds_left = 0;
  double stage_seconds_left = 0;  // at the cap for GAN and mining, which usually stop earlier
  // Running mean this epoch of the stage's main figure, the metric stage_figure_key(stage):
  // the backbone loss, the generator loss or the proxies' confidence.
  double stage_figure = 0;
  double learning_rate = 0;       // the backbone's, as the schedule has set it
  std::string device;             // "cpu", "cuda:0"
  std::string precision;          // "fp32", "bf16"
};

// One line of metrics.jsonl: an evaluation or an epoch summary. Missing values stay empty.
struct MetricsRecord {
  std::string kind;  // "epoch" or "eval"
  int round = 0;
  Stage stage = Stage::Backbone;
  int epoch = 0;          // within the stage
  int global_epoch = 0;   // backbone epochs so far across rounds (the x axis of the curves)
  double seconds = 0;     // wall time since the run started
  std::map<std::string, double> values;  // knn_top1, mined_pairs, precision_isl, loss_*, ...
  std::string to_json() const;
  static MetricsRecord from_json(const std::string& line, const std::string& subject);
};

// The positive sets as compressed rows: row i is members[offsets[i] .. offsets[i+1]).
struct SetRows {
  std::vector<int64_t> offsets;
  std::vector<int64_t> members;
  std::vector<int16_t> rounds;  // round that added each member; -1 for the image itself
  int64_t size(int64_t i) const { return offsets[size_t(i) + 1] - offsets[size_t(i)]; }
};

// A compact, immutable view of the run at one moment: the memory bank projected to 3D,
// labels (for colouring only), the positive sets, the proxies of some anchors, metrics.
struct Snapshot {
  int round = 0;
  Stage stage = Stage::Backbone;
  int epoch = 0;
  int global_epoch = 0;
  int64_t images = 0;
  int num_classes = 0;
  std::vector<float> points;  // images x 3, the memory bank's first three principal components
  std::vector<int> labels;
  SetRows positives;  // row i starts with i itself, then its positives in the order mined
  // The Euclidean comparison: for each image of the evaluation's sample of anchors
  // (eval::compared_anchors, at most 4,096 with positives), its |P_i| - 1 nearest memory
  // entries (not i), nearest first; empty rows for the other images.
  SetRows euclidean;
  std::vector<int64_t> proxy_anchors;    // tracked anchors
  std::vector<float> proxy_points;       // anchors x 3, their latest proxy in the same projection
  std::vector<float> proxy_confidence;   // anchors
  std::map<std::string, double> metrics; // the latest evaluation
  // The map from features to `points`, so that other D-dimensional vectors (an anchor's
  // proxies made later) land in the same picture; dim 0 in files written without it.
  Projection3d projection;
};
using SnapshotPtr = std::shared_ptr<const Snapshot>;

// What the generator makes of one anchor at the moment it was asked (paper eqs. 2-3): its S
// proxies, their confidences, and the mining region of the most confident one, p*.
struct AnchorProxies {
  int64_t anchor = -1;
  int round = 0;  // where the run stood
  Stage stage = Stage::Backbone;
  int global_epoch = 0;
  // False before the first GAN epoch: the generator is still its random initialisation.
  bool generator_trained = false;
  int64_t dim = 0;
  std::vector<float> proxies;       // S x dim, unit rows
  std::vector<float> confidence;    // S, Dis([a, p', n])
  int best = 0;                     // the row of p*
  double confidence_threshold = 0;  // theta: p* mines nothing at or below it
  double region = 0;                // r = R + (1 - c)(1 - R): the cosine to p* a member must exceed
  std::vector<int64_t> candidates;  // the top-k memory entries nearest p* (the anchor excluded), nearest first
  std::vector<float> similarity;    // their cosine to p*
  std::vector<int64_t> joining;     // the candidates that mining would add to the anchor's set now
  int64_t samples() const { return int64_t(confidence.size()); }
};
using AnchorProxiesPtr = std::shared_ptr<const AnchorProxies>;

enum class LogLevel { Info, Warning, Error };

// Called on the trainer's threads: implementations hand the values on (a queued signal, a
// terminal line) and return quickly.
class TrainingObserver {
 public:
  virtual ~TrainingObserver() = default;
  virtual void on_progress(const Progress&) {}
  virtual void on_metrics(const MetricsRecord&) {}
  virtual void on_snapshot(const SnapshotPtr&) {}
  virtual void on_log(LogLevel, const std::string&) {}
  virtual void on_state(RunState) {}
  // Training went numerically wrong; the run is back at its last good checkpoint and pauses
  // until resume() (which retries from there) or stop().
  virtual void on_numerical_fault(const std::string& /*message*/) {}
  // The answer to Trainer::request_anchor_proxies.
  virtual void on_anchor_proxies(const AnchorProxiesPtr&) {}
};

}  // namespace isl
