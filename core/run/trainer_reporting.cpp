// Evaluation, snapshots, progress and metrics of a running trainer.
#include <cmath>
#include <limits>

#include "core/eval/anchor_sample.h"
#include "core/eval/knn.h"
#include "core/eval/linear_probe.h"
#include "core/eval/set_precision.h"
#include "core/run/compute_device.h"
#include "core/run/run_files.h"
#include "core/run/trainer_engine.h"

namespace isl {

namespace {
double or_nan(const std::optional<double>& value) {
  return value.value_or(std::numeric_limits<double>::quiet_NaN());
}
}  // namespace

// Features of every image without augmentation: the L2-normalised embedding, or the conv5
// features the linear probe reads.
torch::Tensor Trainer::Impl::features_of(const std::shared_ptr<const data::ImageDataset>& images, bool conv5) {
  data::LoaderOptions options;
  options.batch_size = config.batch;
  options.shuffle = false;
  options.augment = false;
  options.workers = config.loader_workers;
  options.augment_options = augment_options;
  options.out_size = images->shape().height;
  data::PrefetchLoader loader(share_of(images), options);
  loader.start_epoch(0);
  std::vector<torch::Tensor> parts;
  while (auto batch = loader.next()) {
    auto pixels = images_of(*batch);
    parts.push_back(conv5 ? frozen->conv5(pixels) : frozen->features(pixels));
  }
  auto features = parts.empty() ? torch::zeros({0, conv5 ? backbone->conv5_dim() : config.feature_dim},
                                               torch::TensorOptions().device(device))
                                : torch::cat(parts);
  return gathered(features);
}

std::map<std::string, double> Trainer::Impl::evaluate() {
  torch::NoGradGuard no_grad;
  std::map<std::string, double> values;
  const auto& bank = memory->features();
  values["knn_top1"] = knn_top1(bank, train_labels, features_of(test_images, false));
  values["mined_pairs"] = double(mined_sets->mined_pairs());

  // Precision of the mined sets against as many nearest memory entries (paper Fig. 3), the
  // Euclidean side on a sample of the anchors (compared_anchors: bounded cost at any N).
  const auto& members = mined_sets->members();
  auto everyone = torch::arange(mined_sets->size(), members.options());
  auto counts = mined_sets->all_sizes() - 1;
  auto euclidean_precision = [&](const torch::Tensor& eligible, std::optional<int64_t> size) {
    auto anchors = eval::compared_anchors(eligible, config.seed);
    auto anchor_counts = size ? torch::full_like(anchors, *size) : counts.index_select(0, anchors);
    auto neighbours = eval::euclidean_neighbours(bank, anchors, anchor_counts);
    return or_nan(size ? eval::set_precision_at(anchors, neighbours, train_labels, *size)
                       : eval::set_precision(anchors, neighbours, train_labels));
  };
  values["precision_isl"] = or_nan(eval::set_precision(everyone, members, train_labels));
  values["precision_euclidean"] = euclidean_precision(torch::nonzero(counts > 0).squeeze(1), std::nullopt);
  for (int64_t size : config.precision_set_sizes) {
    const std::string suffix = "_at_" + std::to_string(size);
    values["precision_isl" + suffix] = or_nan(eval::set_precision_at(everyone, members, train_labels, size));
    values["precision_euclidean" + suffix] = euclidean_precision(torch::nonzero(counts >= size).squeeze(1), size);
  }
  return values;
}

// The weighted kNN with the training images' features recomputed without augmentation, in
// place of the memory bank's running averages.
double Trainer::Impl::recomputed_knn_top1() {
  torch::NoGradGuard no_grad;
  auto train_features = features_of(train_images, false);
  return knn_top1(train_features, train_labels, features_of(test_images, false));
}

double Trainer::Impl::linear_probe() {
  log(LogLevel::Info, "Linear probe on conv5 features...");
  auto train = features_of(train_images, true);
  auto test = features_of(test_images, true);
  eval::LinearProbeOptions options;
  options.seed = config.seed;
  const double accuracy = eval::linear_probe_top1(train, train_labels, test, test_labels, train_images->num_classes(), options);
  log(LogLevel::Info, "Linear probe top-1: " + std::to_string(accuracy * 100) + "%");
  return accuracy;
}

// The tracked anchors' proxies as the generator makes them now, from their memory entries.
void Trainer::Impl::refresh_tracked_proxies() {
  if (tracked_anchors.numel() == 0) return;
  torch::NoGradGuard no_grad;
  auto generator = batch_generator(-1);
  auto anchors = memory->features().index_select(0, tracked_anchors);
  auto found = isl::mine_batch(anchors, tracked_anchors, *memory, *mined_sets, *gan, miner_options(), generator);
  last_proxies.index_copy_(0, tracked_anchors, found.proxies);
  last_confidence.index_copy_(0, tracked_anchors, found.confidence);
}

void Trainer::Impl::submit_snapshot(const RunPosition& at) {
  if (!writes_run_directory()) return;
  SnapshotJob job;
  Snapshot& s = job.snapshot;
  s.round = at.round;
  s.stage = at.stage;
  s.epoch = at.epoch;
  s.global_epoch = at.global_epoch;
  s.images = train_images->size();
  s.num_classes = train_images->num_classes();
  auto labels = train_labels.cpu();
  s.labels.assign(labels.data_ptr<int64_t>(), labels.data_ptr<int64_t>() + labels.numel());
  auto rows = training_sets().to_rows();
  s.positives = SetRows{std::move(rows.offsets), std::move(rows.members), std::move(rows.rounds)};
  // Only anchors that already have a proxy are drawn.
  auto have_proxy = last_confidence.index_select(0, tracked_anchors) >= 0;
  auto anchors = tracked_anchors.masked_select(have_proxy).cpu();
  s.proxy_anchors.assign(anchors.data_ptr<int64_t>(), anchors.data_ptr<int64_t>() + anchors.numel());
  s.proxy_confidence = host_values<float>(last_confidence.index_select(0, anchors.to(device)), torch::kFloat32);
  job.proxies = host_values<float>(last_proxies.index_select(0, anchors.to(device)), torch::kFloat32);
  s.metrics = position.last_evaluation;
  job.memory = host_values<float>(memory->features(), torch::kFloat32);
  job.dim = config.feature_dim;
  job.seed = config.seed;
  job.path = run_files::snapshot_path(run_directory, position.snapshot_sequence++);
  snapshots->submit(std::move(job));
}

void Trainer::Impl::report_progress(bool force) {
  const auto now = std::chrono::steady_clock::now();
  // Observers hear at most ten times a second, plus each epoch's end.
  if (!force && now - last_progress < std::chrono::milliseconds(100)) return;
  last_progress = now;
  Progress p;
  p.round = position.round;
  p.rounds = config.rounds;
  p.stage = position.stage;
  p.epoch = position.epoch;
  p.epoch_cap = epoch_cap();
  p.iteration = position.iteration;
  p.iterations = train_loader->batches_per_epoch();
  p.images_per_second = seconds_per_batch > 0 ? double(config.batch) / seconds_per_batch : 0;
  p.epoch_seconds_left = double(p.iterations - p.iteration) * seconds_per_batch;
  p.stage_seconds_left = p.epoch_seconds_left + double(std::max(p.epoch_cap - p.epoch - 1, 0)) * double(p.iterations) * seconds_per_batch;
  const auto figure = position.epoch_sums.find(stage_figure_key(position.stage));
  p.stage_figure = figure == position.epoch_sums.end() ? 0 : figure->second / double(std::max<int64_t>(position.epoch_images, 1));
  p.learning_rate = position.learning_rate;
  p.device = device.str();
  p.precision = bf16 ? "bf16" : "fp32";
  for (auto* observer : observers) observer->on_progress(p);
}

void Trainer::Impl::record(const std::string& kind, std::map<std::string, double> values, const RunPosition& at) {
  MetricsRecord r;
  r.kind = kind;
  r.round = at.round;
  r.stage = at.stage;
  r.epoch = at.epoch;
  r.global_epoch = at.global_epoch;
  r.seconds = position.seconds + std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  r.values = std::move(values);
  if (!writes_run_directory()) return;
  metrics.append(r);
  position.metrics_lines = metrics.lines();
  for (auto* observer : observers) observer->on_metrics(r);
}

}  // namespace isl
