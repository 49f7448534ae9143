#pragma once
// The trainer's inner state, shared by the files that implement the stages. Owned and used
// by the training thread only; other threads reach it through RunControl.
#include <torch/torch.h>

#include <chrono>
#include <optional>

#include "core/data/image_dataset.h"
#include "core/data/loader.h"
#include "core/dist/distribution.h"
#include "core/isl/isl_loss.h"
#include "core/isl/memory_bank.h"
#include "core/isl/miner.h"
#include "core/isl/positive_sets.h"
#include "core/isl/proxy_gan.h"
#include "core/models/backbone.h"
#include "core/run/frozen_forward.h"
#include "core/run/metrics_log.h"
#include "core/run/overlap_tuner.h"
#include "core/run/plateau_schedule.h"
#include "core/run/run_control.h"
#include "core/run/run_lock.h"
#include "core/run/snapshot_builder.h"
#include "core/run/trainer.h"

namespace isl {

// A tensor's values in host memory, as `type` (the tensor may live on a GPU).
template <class T>
std::vector<T> host_values(const torch::Tensor& tensor, torch::ScalarType type) {
  auto host = tensor.detach().to(torch::kCPU, type).contiguous();
  return std::vector<T>(host.data_ptr<T>(), host.data_ptr<T>() + host.numel());
}

// Where the run stands. Saved in every checkpoint; with the seed it fixes every random draw
// still to come, so a resumed run repeats the uninterrupted one.
struct RunPosition {
  int round = 0;
  Stage stage = Stage::Backbone;
  int epoch = 0;            // epochs finished in this stage
  int64_t iteration = 0;    // batches finished in the current epoch
  int global_epoch = 0;     // backbone epochs finished in all rounds
  int snapshot_sequence = 0;
  size_t metrics_lines = 0;
  double seconds = 0;       // training time before this process
  std::vector<double> gan_losses;  // generator loss of each GAN epoch of this round
  // The current epoch's running sums (kept across a mid-epoch stop).
  std::map<std::string, double> epoch_sums;
  int64_t epoch_images = 0;
  // Learning-rate schedule.
  double learning_rate = 0;
  PlateauState plateau;
  std::map<std::string, double> last_evaluation;
  // The run's final evaluation is in the metrics: resuming a finished run adds nothing.
  bool final_recorded = false;
};

// Training went numerically wrong (a loss that is not a number, a collapsed GAN): thrown
// within an epoch, caught by run(), which returns to the last good checkpoint and pauses.
class NumericalFault : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The position saved in the checkpoint at `path`, read without the rest of its state.
// Throws InputError naming the file.
RunPosition read_checkpoint_position(const std::string& path, const Config& config);

struct Trainer::Impl {
  Impl(Config config, std::string run_directory, std::shared_ptr<Distribution> distribution);

  // Building and restoring.
  void open_data();
  void build_model();
  void save_checkpoint();
  void load_checkpoint(const std::string& path);
  // Loads the latest checkpoint and drops the metrics lines and snapshots written after it.
  void return_to_last_checkpoint();
  void take_changed_settings(const Config& saved, const Config& changed);
  // The optimizers' settings from config: a loaded optimizer state brings its own.
  void use_optimizer_settings();

  // Distribution: the ranks of a run start from, and keep, the same state.
  bool writes_run_directory() const { return distribution->leads(); }
  void check_ranks_agree(const std::string& when);
  // This rank's share of `images` (contiguous), for work split across ranks.
  std::shared_ptr<const data::ImageDataset> share_of(const std::shared_ptr<const data::ImageDataset>& images) const;
  // The rows of every rank's shard of a batch, in the batch's order.
  torch::Tensor gathered(const torch::Tensor& rows) const { return distribution->all_gather_rows(rows); }
  void all_reduce_gradients();

  // The loop.
  void run();
  bool run_epoch();      // false when stopped before the epoch's end
  // Runs the current epoch's next batches (after train_loader->start_epoch) until the epoch
  // ends, a stop is requested or `limit` batches ran.
  enum class BatchesEnd { EpochDone, Stopped, LimitReached };
  BatchesEnd run_batches(int64_t limit);
  void finish_epoch();   // metrics, evaluation, snapshot, next position, checkpoint
  void train_backbone_batch(const data::Batch& batch);
  // shard_features: the frozen backbone's, of the shard's images.
  void train_gan_batch(const data::Batch& shard, const torch::Tensor& shard_features);
  void mine_batch(const data::Batch& shard, const torch::Tensor& shard_features);
  void note_frozen_batch_time(double seconds);  // GAN and mining: the overlap trial
  void end_mining_stage();
  void advance_position();
  void next_stage();
  [[noreturn]] void numerical_fault(const std::string& what) const;
  void pause_after_fault(const std::string& message);
  void follow_learning_rate_schedule(double knn_top1);
  // Step schedule: x0.1 at 50% and 75% of each round's backbone epochs.
  void apply_learning_rate();

  // Evaluation and reporting.
  std::map<std::string, double> evaluate();
  double recomputed_knn_top1();
  double linear_probe();
  double record_linear_probe();  // probes, records the result and saves a checkpoint
  // Every rank computes its share; every rank receives all rows.
  torch::Tensor features_of(const std::shared_ptr<const data::ImageDataset>& images, bool conv5);
  // Weighted kNN top-1 of all test features against `bank`, each rank voting for its share.
  double knn_top1(const torch::Tensor& bank, const torch::Tensor& bank_labels, const torch::Tensor& test_features);
  torch::Tensor images_of(const data::Batch& batch) const;
  void refresh_tracked_proxies();
  AnchorProxies explore_anchor(int64_t anchor);  // throws InputError
  void track_anchor(const AnchorProxies& proxies);
  void serve_anchor_requests();                   // the requests of other threads, in order
  void submit_snapshot(const RunPosition& at);
  void report_progress(bool force);
  void record(const std::string& kind, std::map<std::string, double> values, const RunPosition& at);
  void log(LogLevel level, const std::string& message);
  void set_state(RunState state);

  int epoch_cap() const;
  MinerOptions miner_options() const;  // the mining settings, also the GAN's triplet settings
  LossOptions loss_options() const;    // the backbone loss settings
  const PositiveSets& training_sets() const;
  uint64_t epoch_seed() const;
  torch::Generator batch_generator(int64_t batch_number) const;
  torch::Tensor to_device_indices(const std::vector<int64_t>& indices) const;

  Config config;
  std::string run_directory;
  std::shared_ptr<Distribution> distribution;  // a process alone, or this rank of several
  std::unique_ptr<RunLock> lock;               // rank 0's
  std::vector<TrainingObserver*> observers;
  RunControl control;
  std::vector<std::string> notices;  // logged when run() begins
  std::atomic<RunState> state{RunState::Idle};

  torch::Device device{torch::kCPU};
  bool bf16 = false;
  std::shared_ptr<const data::ImageDataset> train_images;
  std::shared_ptr<const data::ImageDataset> test_images;
  torch::Tensor train_labels;  // [N] int64 on device, for evaluation only
  torch::Tensor test_labels;
  std::unique_ptr<data::PrefetchLoader> train_loader;  // augmented
  data::AugmentOptions augment_options;

  std::shared_ptr<models::BackboneImpl> backbone;
  std::unique_ptr<FrozenBackbone> frozen;  // the backbone as the GAN, mining and evaluation use it
  std::unique_ptr<torch::optim::SGD> optimizer;
  std::unique_ptr<MemoryBank> memory;
  std::unique_ptr<PositiveSets> mined_sets;       // ISL's sets, symmetric
  std::unique_ptr<PositiveSets> euclidean_sets;   // the training sets of the euclidean baseline
  std::unique_ptr<ProxyGan> gan;
  torch::Tensor last_proxies;      // [N, D] the latest proxy generated for each image
  torch::Tensor last_confidence;   // [N], -1 before any
  torch::Tensor tracked_anchors;   // [A] int64, sorted: the seed's choice and the anchors asked for since

  RunPosition position;
  MetricsLog metrics;
  std::unique_ptr<SnapshotBuilder> snapshots;

  std::chrono::steady_clock::time_point started;
  std::chrono::steady_clock::time_point last_progress;
  double seconds_per_batch = 0;  // moving average, for the time left
  OverlapTuner overlap_tuner;    // GAN and mining: whether to compute features a batch ahead
};

}  // namespace isl
