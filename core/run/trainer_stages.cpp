// The three stages of a round, one batch at a time, and what happens at each epoch's end.
#include "core/dist/rank_agreement.h"
#include "core/eval/set_precision.h"
#include "core/isl/isl_loss.h"
#include "core/run/compute_device.h"
#include "core/run/run_files.h"
#include "core/run/stage_batches.h"
#include "core/run/trainer_engine.h"

namespace isl {

namespace {
// A well-mixed 64-bit hash, so nearby counters give unrelated seeds.
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
}  // namespace

uint64_t Trainer::Impl::epoch_seed() const {
  return mix(mix(mix(mix(config.seed) + uint64_t(position.round)) + uint64_t(position.stage)) +
             uint64_t(position.epoch));
}

torch::Generator Trainer::Impl::batch_generator(int64_t batch_number) const {
  return torch::make_generator<at::CPUGeneratorImpl>(mix(epoch_seed() + uint64_t(batch_number)));
}

torch::Tensor Trainer::Impl::to_device_indices(const std::vector<int64_t>& indices) const {
  return torch::tensor(indices, torch::kInt64).to(device);
}

torch::Tensor Trainer::Impl::images_of(const data::Batch& batch) const {
  return torch::from_blob(const_cast<float*>(batch.images.data()),
                          {batch.size(), 3, batch.image_size, batch.image_size}, torch::kFloat32)
      .to(device);
}

void Trainer::Impl::numerical_fault(const std::string& what) const {
  throw NumericalFault(what + " (round " + std::to_string(position.round + 1) + ", " + to_string(position.stage) +
                       " epoch " + std::to_string(position.epoch + 1) + ").");
}

bool Trainer::Impl::run_epoch() {
  if (position.iteration == 0) {
    position.epoch_sums.clear();
    position.epoch_images = 0;
  }
  if (position.stage == Stage::Backbone) {
    backbone->train();
    apply_learning_rate();
  }
  train_loader->start_epoch(epoch_seed(), position.iteration);
  last_progress = {};
  if (run_batches(std::numeric_limits<int64_t>::max()) == BatchesEnd::Stopped) return false;
  report_progress(true);
  return true;
}

Trainer::Impl::BatchesEnd Trainer::Impl::run_batches(int64_t limit) {
  StageBatches::Forward forward;
  if (position.stage != Stage::Backbone)
    forward = [this](const data::Batch& batch) { return frozen->features(images_of(batch)); };
  StageBatches batches(*train_loader, std::move(forward), limit);
  if (position.epoch == 0 && position.iteration == 0) overlap_tuner.restart();
  auto serve_requests = [&] {
    if (control.take_linear_probe_request()) {
      batches.wait_idle();
      record_linear_probe();
    }
    torch::NoGradGuard no_grad;
    serve_anchor_requests();
  };
  for (int64_t done = 0; done < limit; ++done) {
    // Every rank stops at the same batch, whichever was asked to.
    if (any_rank(*distribution, control.wait_if_paused([&] { set_state(RunState::Paused); },
                                                       [&] { set_state(RunState::Running); }, serve_requests)))
      return BatchesEnd::Stopped;
    serve_requests();
    const auto batch_started = std::chrono::steady_clock::now();
    auto next = batches.next(overlap_tuner.overlap_following());
    if (!next) return BatchesEnd::EpochDone;
    switch (position.stage) {
      case Stage::Backbone: train_backbone_batch(next->batch); break;
      case Stage::Gan: train_gan_batch(next->batch, next->features); break;
      case Stage::Mining: mine_batch(next->batch, next->features); break;
      case Stage::Finished: break;
    }
    ++position.iteration;
    position.epoch_images += next->batch.global_size;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - batch_started).count();
    seconds_per_batch = seconds_per_batch == 0 ? seconds : 0.9 * seconds_per_batch + 0.1 * seconds;
    if (next->features.defined()) note_frozen_batch_time(seconds);
    report_progress(false);
  }
  return BatchesEnd::LimitReached;
}

void Trainer::Impl::note_frozen_batch_time(double seconds) {
  const bool trying = !overlap_tuner.chosen();
  overlap_tuner.record(seconds);
  if (!trying || !overlap_tuner.chosen()) return;
  auto ms = [&](bool mode) {
    return std::to_string(int(std::lround(overlap_tuner.best_seconds_per_batch(mode) * 1000)));
  };
  log(LogLevel::Info, std::string(position.stage == Stage::Gan ? "GAN" : "Mining") + " stage: " +
                          (*overlap_tuner.chosen() ? "computing each batch's features while the batch before is worked on"
                                                   : "computing each batch's features when its turn comes") +
                          " (" + ms(true) + " ms a batch overlapped, " + ms(false) + " ms one after the other)");
}

// Each rank trains on its shard of the batch; the gradients and the new memory entries of all
// shards are combined, so every rank takes the same step and makes the same memory update.
void Trainer::Impl::train_backbone_batch(const data::Batch& batch) {
  auto indices = to_device_indices(batch.indices);
  torch::Tensor features;
  {
    AutocastScope autocast(bf16, device);
    features = backbone->forward(images_of(batch)).to(torch::kFloat32);
  }
  auto terms = isl_loss(features, memory->features(), indices, training_sets().rows(indices), loss_options());
  // The batch's figures summed over the ranks, read from the device in one copy.
  std::vector<torch::Tensor> figures{torch::stack({terms.total.detach() * double(batch.size()), terms.instance.detach(),
                                                   terms.set.detach(), terms.hpe.detach()})
                                         .to(torch::kCPU, torch::kFloat64)};
  distribution->all_reduce_sum(figures);
  const auto* figure = figures[0].data_ptr<double>();
  const double loss = figure[0] / double(batch.global_size);
  if (!std::isfinite(loss))
    numerical_fault("The backbone loss became " + std::to_string(loss) + "; try a lower learning_rate or a higher temperature");
  optimizer->zero_grad();
  (terms.total * (double(batch.size()) / double(batch.global_size))).backward();
  all_reduce_gradients();
  optimizer->step();
  if (distribution->world_size() > 1 && !config.sync_batchnorm) {
    // Each rank's running statistics saw only its shard: rank 0's are everyone's, as
    // DistributedDataParallel's buffer broadcast has it.
    for (auto& buffer : backbone->buffers()) distribution->broadcast(buffer, 0);
  }
  memory->update(gathered(indices), gathered(features.detach()), config.memory_momentum);
  auto& sums = position.epoch_sums;
  sums["loss"] += figure[0];
  sums["loss_instance"] += figure[1];
  sums["loss_set"] += figure[2];
  sums["loss_hpe"] += figure[3];
}

// The GAN and mining stages work on the whole batch on every rank: each rank computes the
// frozen features of its shard, and all ranks then take the same step on the gathered batch,
// with the same random draws, as one process would. The GAN is small next to the backbone,
// so training it on gathered triplets costs little and keeps it identical everywhere.
void Trainer::Impl::train_gan_batch(const data::Batch& shard, const torch::Tensor& shard_features) {
  auto indices = gathered(to_device_indices(shard.indices));
  auto features = gathered(shard_features);
  auto generator = batch_generator(position.iteration);
  auto losses = gan->train_step(sample_triplets(features, indices, *memory, *mined_sets, miner_options().triplets, generator));
  if (!std::isfinite(losses.generator) || !std::isfinite(losses.discriminator))
    numerical_fault("The proxy GAN's loss became not a number; try a lower gan_learning_rate");
  const double b = double(indices.size(0));
  auto& sums = position.epoch_sums;
  sums["gan_generator"] += losses.generator * b;
  sums["gan_discriminator"] += losses.discriminator * b;
  sums["gan_real_confidence"] += losses.real_confidence * b;
  sums["gan_fake_confidence"] += losses.fake_confidence * b;
}

LossOptions Trainer::Impl::loss_options() const {
  return {config.temperature, config.hpe_weight,
          config.hard_positive == "least_similar" ? HardPositive::LeastSimilar : HardPositive::MostSimilar};
}

MinerOptions Trainer::Impl::miner_options() const {
  MinerOptions options;
  options.proxy_samples = config.proxy_samples;
  options.threshold = config.confidence_threshold;
  options.region = config.region;
  options.top_k = config.mining_top_k;
  options.triplets = {config.negative_candidates,
                      config.triplet_positive == "random_member" ? TripletPositive::RandomMember : TripletPositive::MemorySelf};
  return options;
}

void Trainer::Impl::mine_batch(const data::Batch& shard, const torch::Tensor& shard_features) {
  torch::NoGradGuard no_grad;
  auto indices = gathered(to_device_indices(shard.indices));
  auto features = gathered(shard_features);
  auto generator = batch_generator(position.iteration);
  auto found = isl::mine_batch(features, indices, *memory, *mined_sets, *gan, miner_options(), generator);
  last_proxies.index_copy_(0, indices, found.proxies);
  last_confidence.index_copy_(0, indices, found.confidence);
  const int64_t added = mined_sets->add_symmetric(found.anchors, found.others, int16_t(position.round));
  auto& sums = position.epoch_sums;
  sums["mined_this_epoch"] += double(added);
  sums["proxy_confidence"] += found.confidence.sum().item<double>();
  sums["proxy_nearest_similarity"] += found.nearest.sum().item<double>();
}

void Trainer::Impl::end_mining_stage() {
  if (!euclidean_sets) return;
  // The baseline trains on each image's nearest memory entries, as many as ISL mined for it.
  auto counts = mined_sets->all_sizes() - 1;
  auto anchors = torch::arange(train_images->size(), counts.options());
  euclidean_sets->assign_rows(eval::euclidean_neighbours(memory->features(), anchors, counts), counts,
                              int16_t(position.round));
}

void Trainer::Impl::finish_epoch() {
  const Stage stage = position.stage;
  const double images = double(std::max<int64_t>(position.epoch_images, 1));
  std::map<std::string, double> values;
  for (const auto& [key, sum] : position.epoch_sums)
    values[key] = (key == "mined_this_epoch") ? sum : sum / images;
  values["mined_pairs"] = double(mined_sets->mined_pairs());
  if (stage == Stage::Backbone) {
    values["learning_rate"] = position.learning_rate;
    ++position.global_epoch;
  }
  if (stage == Stage::Gan) {
    if (gan_collapsed(values["gan_real_confidence"], values["gan_fake_confidence"]))
      numerical_fault("The proxy GAN collapsed: its discriminator answered " +
                      std::to_string(values["gan_real_confidence"]) + " for real triplets and " +
                      std::to_string(values["gan_fake_confidence"]) + " for proxies over a whole epoch; try a lower "
                      "gan_learning_rate or another gan_hardness");
    position.gan_losses.push_back(values["gan_generator"]);
    refresh_tracked_proxies();
  }
  RunPosition finished = position;  // records and snapshots name the epoch just done, from 1
  ++finished.epoch;
  check_ranks_agree("after round " + std::to_string(finished.round + 1) + ", " + to_string(stage) + " epoch " +
                    std::to_string(finished.epoch));
  record("epoch", values, finished);

  const bool evaluate_now = stage == Stage::Backbone &&
                            (position.global_epoch % config.eval_every == 0 || position.epoch + 1 >= epoch_cap());
  advance_position();
  // A mining stage that just ended changed the sets: evaluate their precision right away.
  const bool mining_ended = stage == Stage::Mining && position.stage != Stage::Mining;
  if (evaluate_now || mining_ended) {
    auto evaluation = evaluate();
    record("eval", evaluation, finished);
    position.last_evaluation = evaluation;
    if (evaluate_now) follow_learning_rate_schedule(evaluation.at("knn_top1"));
  }
  const bool snapshot_now = stage != Stage::Backbone || position.global_epoch % config.snapshot_every == 0 ||
                            position.stage == Stage::Finished;
  if (snapshot_now) submit_snapshot(finished);
  save_checkpoint();
}

void Trainer::Impl::follow_learning_rate_schedule(double knn_top1) {
  auto& p = position;
  if (config.lr_schedule != "plateau") return;
  PlateauOptions options;
  options.factor = config.lr_factor;
  options.patience = config.lr_patience;
  const double rate = plateau_step(p.plateau, knn_top1, p.learning_rate, options);
  if (rate == p.learning_rate) return;
  p.learning_rate = rate;
  apply_learning_rate();
  log(LogLevel::Info, "kNN accuracy stalled: learning rate lowered to " + std::to_string(p.learning_rate));
}

void Trainer::Impl::use_optimizer_settings() {
  for (auto& group : optimizer->param_groups())
    static_cast<torch::optim::SGDOptions&>(group.options()).momentum(config.sgd_momentum).weight_decay(config.weight_decay);
  apply_learning_rate();
  gan->set_learning_rate(config.gan_learning_rate);
}

void Trainer::Impl::apply_learning_rate() {
  auto& p = position;
  if (config.lr_schedule == "step") {
    const double done = double(p.epoch) / double(std::max(config.backbone_epochs, 1));
    p.learning_rate = config.learning_rate * (done >= 0.5 ? 0.1 : 1.0) * (done >= 0.75 ? 0.1 : 1.0);
  }
  for (auto& group : optimizer->param_groups())
    static_cast<torch::optim::SGDOptions&>(group.options()).lr(p.learning_rate);
}

}  // namespace isl
