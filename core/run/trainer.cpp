#include "core/run/trainer.h"

#include <filesystem>

#include "core/data/subset_dataset.h"
#include "core/dist/rank_agreement.h"
#include "core/eval/knn.h"
#include "core/input_error.h"
#include "core/models/batch_norm.h"
#include "core/run/compute_device.h"
#include "core/run/run_files.h"
#include "core/run/trainer_engine.h"

namespace fs = std::filesystem;

namespace isl {

namespace {
std::string resolved_data_path(const Config& config) {
  return config.data_path.empty() ? std::string(ISL_BUILT_IN_DATA) : config.data_path;
}

void make_directory(const std::string& path) {
  std::error_code error;
  fs::create_directories(path, error);
  if (error) throw InputError(path, "cannot be created (" + error.message() + ")");
}
}  // namespace

Trainer::Impl::Impl(Config config_, std::string run_directory_, std::shared_ptr<Distribution> distribution_)
    : config(std::move(config_)),
      run_directory(std::move(run_directory_)),
      distribution(distribution_ ? std::move(distribution_) : std::shared_ptr<Distribution>(single_process())),
      metrics(run_files::metrics_path(run_directory)),
      started(std::chrono::steady_clock::now()) {
  validate(config, "settings");
  const int ranks = distribution->world_size();
  if (config.batch < 2 * ranks)
    throw InputError("settings: 'batch'", std::to_string(config.batch) + " is too small for " + std::to_string(ranks) +
                                              " ranks: each rank's share of a batch needs at least 2 images");
  use_cpu_cores();
  keep_freed_memory_for_reuse();
  device = choose_device(config.device);
  if (device.is_cuda()) device = torch::Device(torch::kCUDA, c10::DeviceIndex(distribution->local_rank()));
  bf16 = use_bf16(config.precision, device);
  snapshots = std::make_unique<SnapshotBuilder>(
      [this](const SnapshotPtr& snapshot) {
        for (auto* observer : observers) observer->on_snapshot(snapshot);
      },
      [this](const std::string& message) { log(LogLevel::Warning, message); });
}

void Trainer::Impl::open_data() {
  const auto kind = data::dataset_kind_from_string(config.data_kind);
  const int side = models::input_size({models::arch_from_string(config.arch), config.imagenet_stem, config.feature_dim});
  auto split = data::open_dataset(kind, resolved_data_path(config), side);
  train_images = data::first_images(split.train, config.max_train_images);
  test_images = data::first_images(split.test, config.max_test_images);
  if (train_images->size() < 2) throw InputError(train_images->source(), "holds fewer than two training images");
  augment_options = data::augment_options_for(kind);

  auto labels_of = [&](const data::ImageDataset& images) {
    std::vector<int64_t> labels(size_t(images.size()));
    for (int64_t i = 0; i < images.size(); ++i) labels[size_t(i)] = images.label(i);
    return torch::tensor(labels, torch::kInt64).to(device);
  };
  train_labels = labels_of(*train_images);
  test_labels = labels_of(*test_images);

  data::LoaderOptions options;
  options.batch_size = std::min(config.batch, train_images->size());
  options.shuffle = true;
  options.augment = true;
  options.shard = {distribution->rank(), distribution->world_size()};
  // A last batch that leaves a rank one image would break batch normalisation; the epoch's
  // order changes, so every image is still seen.
  const int64_t last_batch = train_images->size() % options.batch_size;
  options.drop_last = last_batch > 0 && last_batch / distribution->world_size() < 2;
  options.workers = config.loader_workers;
  options.augment_options = augment_options;
  options.out_size = side;
  train_loader = std::make_unique<data::PrefetchLoader>(train_images, options);
}

void Trainer::Impl::build_model() {
  torch::manual_seed(config.seed);
  backbone = models::make_backbone({models::arch_from_string(config.arch), config.imagenet_stem, config.feature_dim});
  backbone->to(device);
  if (config.sync_batchnorm) models::synchronise_batch_norm(*backbone, distribution.get());
  frozen = std::make_unique<FrozenBackbone>(backbone, device, bf16);
  position.learning_rate = config.learning_rate;
  optimizer = std::make_unique<torch::optim::SGD>(
      backbone->parameters(), torch::optim::SGDOptions(config.learning_rate)
                                  .momentum(config.sgd_momentum)
                                  .weight_decay(config.weight_decay));
  const int64_t n = train_images->size();
  // A seed of its own: a generator seeded like the network's initialisation would draw the same stream.
  memory = std::make_unique<MemoryBank>(n, config.feature_dim, config.seed ^ 0x6d656d6f7279ull);
  memory->assign(memory->features().to(device));
  mined_sets = std::make_unique<PositiveSets>(n, device);
  if (config.method == "euclidean") euclidean_sets = std::make_unique<PositiveSets>(n, device);
  gan = std::make_unique<ProxyGan>(config.feature_dim, GanOptions{config.gan_learning_rate, config.gan_hardness});
  gan->to(device);
  last_proxies = torch::zeros({n, config.feature_dim}, torch::TensorOptions().device(device));
  last_confidence = torch::full({n}, -1.0, torch::TensorOptions().device(device));
  auto generator = torch::make_generator<at::CPUGeneratorImpl>(config.seed + 17);
  tracked_anchors = std::get<0>(torch::randperm(n, generator, torch::kInt64)
                                    .narrow(0, 0, std::min<int64_t>(config.tracked_anchors, n))
                                    .sort())
                        .to(device);
}

Trainer::Trainer(Config config, std::string run_directory, std::shared_ptr<Distribution> distribution)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(run_directory), std::move(distribution))) {
  const auto& dir = impl_->run_directory;
  const bool writes = impl_->writes_run_directory();
  if (writes && fs::exists(run_files::config_path(dir)))
    throw InputError(dir, "already holds a run; resume it, or choose another directory");
  impl_->open_data();
  impl_->build_model();
  impl_->check_ranks_agree("at the start");
  if (!writes) return;
  make_directory(dir);
  impl_->lock = std::make_unique<RunLock>(dir);
  make_directory(run_files::checkpoint_directory(dir));
  make_directory(run_files::snapshot_directory(dir));
  write_file_atomically(run_files::metrics_path(dir), "");
  // A checkpoint of the starting point, so that even a run killed in its first epoch resumes.
  impl_->save_checkpoint();
  write_file_atomically(run_files::config_path(dir), to_json_text(impl_->config));
}

Trainer::Trainer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

std::unique_ptr<Trainer> Trainer::resume(const std::string& run_directory, const std::optional<Config>& changed,
                                         std::shared_ptr<Distribution> distribution) {
  const std::string config_path = run_files::config_path(run_directory);
  const Config saved = read_config_file(config_path);
  std::vector<std::string> changes;
  if (changed) {
    validate(*changed, "settings");
    changes = check_resumable_change(saved, *changed, "settings");
  }
  Config config = changed.value_or(saved);
  // The checkpoint is read against the rounds it was written for; the new count is checked
  // against its position below.
  config.rounds = std::max(config.rounds, saved.rounds);
  auto impl = std::make_unique<Impl>(std::move(config), run_directory, std::move(distribution));
  if (impl->writes_run_directory()) impl->lock = std::make_unique<RunLock>(run_directory);
  impl->open_data();
  impl->build_model();
  impl->return_to_last_checkpoint();
  if (!changes.empty()) {
    impl->take_changed_settings(saved, *changed);
    if (impl->writes_run_directory()) write_file_atomically(config_path, to_json_text(impl->config));
    std::string text;
    for (const auto& change : changes) text += (text.empty() ? "" : "; ") + change;
    impl->notices.push_back("Resumed with changed settings: " + text);
  }
  return std::unique_ptr<Trainer>(new Trainer(std::move(impl)));
}

// After the checkpoint is loaded: the settings that its position or optimizer states carry
// take their new values, and a finished run that now has more to do is reopened.
void Trainer::Impl::take_changed_settings(const Config& before, const Config& changed) {
  auto& p = position;
  const bool finished = p.stage == Stage::Finished;
  if (p.round >= changed.rounds)
    throw InputError("settings: 'rounds'", std::to_string(changed.rounds) + " is too few: the run is in round " +
                                               std::to_string(p.round + 1) + " already");
  config = changed;
  if (config.learning_rate != before.learning_rate) p.learning_rate = config.learning_rate;
  use_optimizer_settings();
  if (finished && (config.rounds > before.rounds || config.backbone_epochs > before.backbone_epochs)) {
    // The last round ended with its backbone stage: go on from there.
    p.stage = Stage::Backbone;
    p.round = before.rounds - 1;
    p.epoch = before.backbone_epochs;
    p.iteration = 0;
    p.final_recorded = false;
    if (p.epoch >= epoch_cap()) next_stage();
  }
}

void Trainer::Impl::return_to_last_checkpoint() {
  load_checkpoint(run_files::latest_checkpoint_path(run_directory));
  use_optimizer_settings();
  check_ranks_agree("after loading " + run_files::latest_checkpoint_path(run_directory));
  if (!writes_run_directory()) return;
  metrics.restore(position.metrics_lines);
  // Snapshots written after the checkpoint belong to work that is about to be redone.
  for (const auto& file : list_snapshot_files(run_directory))
    if (file >= run_files::snapshot_path(run_directory, position.snapshot_sequence)) fs::remove(file);
}

void Trainer::Impl::pause_after_fault(const std::string& what) {
  snapshots->wait_idle();
  return_to_last_checkpoint();
  started = std::chrono::steady_clock::now();  // the checkpoint's time already counts this process's
  const std::string message =
      what + " The run is paused at its last good checkpoint (round " + std::to_string(position.round + 1) + ", " +
      to_string(position.stage) + " epoch " + std::to_string(position.epoch + 1) +
      "). Resuming retries from there with the same settings; to retry with others, resume it with them (isl-train "
      "--resume " + run_directory + " --learning-rate ..., or Continue with changed settings in the window).";
  log(LogLevel::Error, message);
  for (auto* observer : observers) observer->on_numerical_fault(message);
  control.pause();
}

Trainer::~Trainer() = default;

const Config& Trainer::config() const { return impl_->config; }
const std::string& Trainer::run_directory() const { return impl_->run_directory; }
void Trainer::add_observer(TrainingObserver* observer) { impl_->observers.push_back(observer); }
void Trainer::pause() { impl_->control.pause(); }
void Trainer::resume() { impl_->control.resume(); }
void Trainer::stop() { impl_->control.stop(); }
void Trainer::request_linear_probe() { impl_->control.request_linear_probe(); }
double Trainer::run_linear_probe() { return impl_->record_linear_probe(); }

std::map<std::string, double> Trainer::evaluate_now() {
  auto& impl = *impl_;
  torch::NoGradGuard no_grad;
  auto values = impl.evaluate();
  values["knn_top1_recomputed"] = impl.recomputed_knn_top1();
  impl.record("eval", values, impl.position);
  impl.save_checkpoint();
  return values;
}

// A checkpoint right after the record covers it, so that a resumed run keeps it: resuming
// trims the metrics lines that no checkpoint covers.
double Trainer::Impl::record_linear_probe() {
  const double accuracy = linear_probe();
  record("probe", {{"linear_top1", accuracy}}, position);
  save_checkpoint();
  return accuracy;
}

RunState Trainer::state() const { return impl_->state.load(); }

void Trainer::run() {
  try {
    impl_->run();
  } catch (const std::exception& error) {
    impl_->snapshots->wait_idle();
    impl_->log(LogLevel::Error, error.what());
    impl_->set_state(RunState::Failed);
    throw;
  }
}

void Trainer::Impl::set_state(RunState next) {
  state = next;
  for (auto* observer : observers) observer->on_state(next);
}

void Trainer::Impl::log(LogLevel level, const std::string& message) {
  for (auto* observer : observers) observer->on_log(level, message);
}

void Trainer::Impl::run() {
  started = std::chrono::steady_clock::now();
  set_state(RunState::Running);
  log(LogLevel::Info, "Training " + config.method + " with " + config.arch + " on " +
                          std::to_string(train_images->size()) + " images (" + train_images->source() + "), " +
                          (device.is_cuda() ? "cuda" : "cpu") + (bf16 ? ", bf16" : ", fp32") + ", CPU threads: " +
                          std::to_string(at::get_num_threads()) + ", rank " + std::to_string(distribution->rank()) +
                          " of " + std::to_string(distribution->world_size()) + " (" + distribution->backend() +
                          (config.sync_batchnorm && distribution->world_size() > 1 ? ", BatchNorm over all ranks" : "") +
                          ")");
  for (const auto& notice : notices) log(LogLevel::Info, notice);
  notices.clear();
  if (position.snapshot_sequence == 0) submit_snapshot(position);
  // A stage with no epochs (--backbone-epochs 0) is left before anything of it runs.
  if (position.stage != Stage::Finished && position.epoch == 0 && position.iteration == 0 && epoch_cap() == 0)
    next_stage();
  while (position.stage != Stage::Finished) {
    bool epoch_done = false;
    try {
      epoch_done = run_epoch();
      if (epoch_done) finish_epoch();
    } catch (const NumericalFault& fault) {
      pause_after_fault(fault.what());
      continue;
    }
    if (!epoch_done) {
      set_state(RunState::Stopping);
      save_checkpoint();
      snapshots->wait_idle();
      log(LogLevel::Info, "Stopped; the run can be resumed from " + run_files::latest_checkpoint_path(run_directory));
      set_state(RunState::Idle);
      return;
    }
  }
  // A run stopped between its final checkpoint and its exit has its final record already.
  if (!position.final_recorded) {
    record("final", {{"knn_top1_final", recomputed_knn_top1()}}, position);
    position.final_recorded = true;
    save_checkpoint();
  }
  snapshots->wait_idle();
  set_state(RunState::Finished);
}

int Trainer::Impl::epoch_cap() const {
  switch (position.stage) {
    case Stage::Backbone: return config.backbone_epochs;
    case Stage::Gan: return config.gan_epochs;
    case Stage::Mining: return config.mining_epochs;
    case Stage::Finished: break;
  }
  return 0;
}

const PositiveSets& Trainer::Impl::training_sets() const {
  return euclidean_sets ? *euclidean_sets : *mined_sets;
}

// Moves to the next epoch, or the next stage when this one is done. ISL rounds run backbone,
// GAN and mining stages; the last round (and every round of the instance baseline) trains
// the backbone only, since sets mined after it would never be used.
void Trainer::Impl::advance_position() {
  auto& p = position;
  ++p.epoch;
  p.iteration = 0;
  bool stage_done = p.epoch >= epoch_cap();
  if (p.stage == Stage::Gan && !stage_done)
    stage_done = !gan_should_continue(p.gan_losses, p.round, {config.gan_min_epochs_first_round, config.gan_converged_loss});
  if (p.stage == Stage::Mining && !stage_done)
    stage_done = mining_target_reached(mined_sets->mined_pairs(), train_images->size(), p.round, config.mining_pairs_per_round);
  if (stage_done) next_stage();
}

// Leaves the current stage, and every following one whose epoch cap is 0.
void Trainer::Impl::next_stage() {
  auto& p = position;
  bool stage_done = true;
  while (stage_done && p.stage != Stage::Finished) {
    p.epoch = 0;
    const bool last_round = p.round + 1 >= config.rounds;
    if (p.stage == Stage::Backbone) {
      if (config.method == "instance" || last_round) {
        if (last_round) p.stage = Stage::Finished;
        else ++p.round;
      } else {
        p.stage = Stage::Gan;
        p.gan_losses.clear();
      }
    } else if (p.stage == Stage::Gan) {
      p.stage = Stage::Mining;
    } else {
      end_mining_stage();
      p.stage = Stage::Backbone;
      ++p.round;
    }
    stage_done = p.stage != Stage::Finished && epoch_cap() == 0;
  }
}

}  // namespace isl
