#include "stage_bench.h"

#include <ATen/Parallel.h>

#include <filesystem>
#include <functional>
#include <iostream>

#include "bench_timing.h"
#include "core/eval/knn.h"
#include "core/isl/isl_loss.h"
#include "core/isl/miner.h"
#include "core/isl/triplet_sampler.h"
#include "core/dist/distribution.h"
#include "core/run/compute_device.h"
#include "core/run/trainer_engine.h"

namespace isl::bench {

namespace {

// The trainer's engine with the default settings on the built-in digits, its sets holding
// about five mined positives per image (random symmetric pairs), as a run has them after its
// first rounds. The stages call the engine's own batch functions.
class StageBench {
 public:
  explicit StageBench(const BenchSettings& settings)
      : settings_(settings), run_directory_(make_run_directory()), engine_(make_config(settings), run_directory_, single_process()) {
    engine_.open_data();
    engine_.build_model();
    auto& sets = *engine_.mined_sets;
    const int64_t n = engine_.train_images->size();
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(engine_.config.seed + 1);
    for (int64_t missing = 5 * n; missing > n / 100; missing = 5 * n - sets.mined_pairs()) {
      const int64_t pairs = (missing + 1) / 2;  // each pair adds two directed entries
      sets.add_symmetric(torch::randint(n, {pairs}, generator, torch::kInt64),
                         torch::randint(n, {pairs}, generator, torch::kInt64), 0);
    }
    // The fixed batch of the references: the loader's first augmented batch.
    engine_.train_loader->start_epoch(12345);
    auto batch = *engine_.train_loader->next();
    fixed_images_ = engine_.images_of(batch).clone();
    fixed_indices_ = engine_.to_device_indices(batch.indices);
  }
  ~StageBench() {
    std::error_code ignored;
    std::filesystem::remove_all(run_directory_, ignored);
  }

  void run_all() {
    data_only();
    bare_step();
    bare_forward();
    gan_nets();
    parts();
    stage("backbone", Stage::Backbone, 1, {"bare_step", [&](Timing& t) { bare_step_once(t); }, 1.05});
    stage("gan", Stage::Gan, settings_.block,
          {"bare_forward_optimised+gan_nets_step",
           [&](Timing&) {
             engine_.frozen->features(fixed_images_);
             engine_.gan->train_step(fixed_triplets_);
           },
           1.10});
    const int64_t pairs_before = engine_.mined_sets->mined_pairs();
    stage("mining", Stage::Mining, settings_.block,
          {"bare_forward_optimised+gan_nets_forward",
           [&](Timing&) {
             engine_.frozen->features(fixed_images_);
             gan_nets_forward_once();
           },
           1.10});
    std::cerr << "isl-bench: mining added " << engine_.mined_sets->mined_pairs() - pairs_before << " pairs\n";
    evaluation();
  }

  void variants() {
    struct Variant {
      const char* name;
      FrozenOptions options;
    };
    std::vector<Variant> list = {
        {"module_nograd", {false, false, false, false, false}},
        {"module_inference_mode", {false, false, false, true, false}},
        {"module_channels_last_input", {false, false, true, false, false}},
        {"copy_unfolded_nchw", {true, false, false, false, false}},
        {"copy_unfolded_channels_last", {true, false, true, false, false}},
        {"copy_folded_nchw", {true, true, false, false, false}},
        {"copy_folded_channels_last", {true, true, true, false, false}},
        {"copy_folded_channels_last_inference_mode", {true, true, true, true, false}},
    };
    if (engine_.bf16) {
      list.push_back({"copy_folded_channels_last_bf16_weights", {true, true, true, false, true}});
      list.push_back({"copy_folded_nchw_bf16_weights", {true, true, false, false, true}});
      list.push_back({"default", FrozenOptions{}});
    }
    double base = 0;
    for (const auto& v : list) {
      FrozenBackbone frozen(engine_.backbone, engine_.device, engine_.bf16, v.options);
      auto timing = measure(settings_.warmup, settings_.iters, [&](Timing&) { frozen.features(fixed_images_); });
      if (base == 0) base = timing.median();
      emit("forward_variant", timing, {{"variant", v.name}, {"ratio_to_module_nograd", round3(timing.median() / base)}},
           false);
    }
  }

  const std::map<std::string, double>& results() const { return results_; }

 private:
  static std::string make_run_directory() {
    auto path = std::filesystem::temp_directory_path() / ("isl-bench-" + std::to_string(::getpid()));
    return path.string();
  }

  static Config make_config(const BenchSettings& settings) {
    Config config;  // the trainer's defaults: learning rates, K, S, theta, R, top-k, kNN
    config.data_path = settings.data_path;
    config.arch = settings.arch;
    config.precision = settings.bf16 ? "bf16" : "fp32";
    config.device = "cpu";
    return config;
  }

  int64_t batch_size() const { return engine_.config.batch; }

  void emit(const std::string& stage, const Timing& t, json extra = json::object(), bool store = true,
            int64_t images = -1) {
    const double ms = t.mean();
    if (images < 0) images = batch_size();
    if (store) results_[stage] = ms;
    json line;
    line["arch"] = settings_.arch;
    line["stage"] = stage;
    line["precision"] = engine_.bf16 ? "bf16" : "fp32";
    line["batch"] = batch_size();
    line["iters"] = t.iters();
    line["ms_per_iter"] = round2(ms);
    line["median_ms"] = round2(t.median());
    line["images_per_s"] = round2(double(images) / ms * 1000);
    for (auto& [key, value] : extra.items()) line[key] = value;
    auto parts = t.parts();
    if (!parts.empty()) line["parts_ms"] = parts;
    line["threads"] = at::get_num_threads();
    std::cout << line.dump() << std::endl;
  }

  // What a stage is measured against: one iteration of the bare work on the fixed batch, run
  // alternately with the stage's iterations (measure_interleaved), and the target ratio.
  struct Reference {
    std::string name;
    std::function<void(Timing&)> run;
    double target;
  };

  // The loader's next epoch, as the trainer starts it when one ends.
  void start_next_epoch() {
    ++engine_.position.epoch;
    engine_.position.iteration = 0;
    engine_.train_loader->start_epoch(engine_.epoch_seed());
  }

  // The next training batch, into the next epoch when one ends.
  data::Batch next_batch() {
    auto batch = engine_.train_loader->next();
    if (!batch) {
      start_next_epoch();
      batch = engine_.train_loader->next();
    }
    return std::move(*batch);
  }

  // The loader alone (augmentation on its worker threads, nothing else running): the time
  // per batch the stages must hide.
  void data_only() {
    engine_.train_loader->start_epoch(engine_.epoch_seed());
    auto t = measure(settings_.warmup, settings_.iters, [&](Timing&) { next_batch(); });
    emit("data_only", t, {{"workers", engine_.config.loader_workers}}, false);
  }

  // ---- references on the fixed batch ----

  void bare_step_once(Timing& timing) {
    torch::Tensor features;
    {
      AutocastScope autocast(engine_.bf16, engine_.device);
      features = engine_.backbone->forward(fixed_images_).to(torch::kFloat32);
    }
    auto loss = features.sum();
    timing.mark("forward");
    engine_.optimizer->zero_grad();
    loss.backward();
    timing.mark("backward");
    engine_.optimizer->step();
    timing.mark("step");
  }

  void bare_step() {
    engine_.backbone->train();
    emit("bare_step", measure(settings_.warmup, settings_.iters, [&](Timing& t) { bare_step_once(t); }));
  }

  // The module's own no-grad forward against FrozenBackbone's (frozen, folded, channels-last).
  void bare_forward() {
    auto& backbone = *engine_.backbone;
    backbone.eval();
    auto [bare, optimised] = measure_interleaved(
        settings_.warmup, settings_.iters,
        [&](Timing&) {
          torch::NoGradGuard no_grad;
          AutocastScope autocast(engine_.bf16, engine_.device);
          backbone.forward(fixed_images_).to(torch::kFloat32);
        },
        [&](Timing&) { engine_.frozen->features(fixed_images_); });
    emit("bare_forward", bare);
    emit("bare_forward_optimised", optimised,
         {{"reference", "bare_forward"}, {"ratio_to_bare", round3(optimised.median() / bare.median())}});
  }

  // The two small networks alone, on triplets of the fixed batch: a ProxyGan::train_step
  // (GAN stage) and the generator + discriminator forwards over S triplets per anchor (mining).
  void gan_nets_forward_once() {
    torch::NoGradGuard no_grad;
    engine_.gan->confidence(fixed_triplet_samples_, engine_.gan->generate(fixed_triplet_samples_));
  }

  void gan_nets() {
    auto features = engine_.frozen->features(fixed_images_);
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(7);
    const auto options = engine_.miner_options();
    fixed_triplets_ = sample_triplets(features, fixed_indices_, *engine_.memory, *engine_.mined_sets, options.triplets,
                                      generator);
    fixed_triplet_samples_ = sample_triplets(features, fixed_indices_, *engine_.memory, *engine_.mined_sets,
                                             options.triplets, generator, options.proxy_samples);
    emit("gan_nets_step",
         measure(settings_.warmup, settings_.iters, [&](Timing&) { engine_.gan->train_step(fixed_triplets_); }));
    emit("gan_nets_forward", measure(settings_.warmup, settings_.iters, [&](Timing&) { gan_nets_forward_once(); }),
         {{"triplets", fixed_triplet_samples_.anchor.size(0)}});
  }

  // What the GAN and mining stages do besides the networks, one library call at a time.
  void parts() {
    auto features = engine_.frozen->features(fixed_images_);
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(11);
    const auto options = engine_.miner_options();
    for (int64_t repeats : {int64_t(1), options.proxy_samples}) {
      auto t = measure(settings_.warmup, settings_.iters, [&](Timing&) {
        sample_triplets(features, fixed_indices_, *engine_.memory, *engine_.mined_sets, options.triplets, generator,
                        repeats);
      });
      emit("part_sample_triplets", t, {{"repeats", repeats}, {"candidates", options.triplets.negative_candidates}},
           false);
    }
    auto proxies = torch::nn::functional::normalize(features, torch::nn::functional::NormalizeFuncOptions().dim(1));
    auto confidence = torch::full({features.size(0)}, 0.9);
    auto t = measure(settings_.warmup, settings_.iters, [&](Timing&) {
      mine_region(proxies, confidence, fixed_indices_, *engine_.memory, options);
    });
    emit("part_mine_region", t, {{"top_k", options.top_k}}, false);
    // The backbone loss over the memory bank, forward and backward, on the fixed batch's features.
    const auto sets = engine_.training_sets().rows(fixed_indices_);
    auto loss = measure(settings_.warmup, settings_.iters, [&](Timing&) {
      auto batch_features = features.detach().requires_grad_(true);
      isl_loss(batch_features, engine_.memory->features(), fixed_indices_, sets, engine_.loss_options()).total.backward();
    });
    emit("part_isl_loss", loss, {{"memory_entries", engine_.memory->size()}}, false);
  }

  // ---- the stages: the trainer's own batch loop on the loader's batches ----

  // `count` batches of the current stage through Trainer::Impl::run_batches, into the next
  // epoch when one ends, as the trainer's next epoch would.
  void run_stage_batches(int64_t count) {
    while (count > 0) {
      const int64_t before = engine_.position.iteration;
      const auto end = engine_.run_batches(count);
      count -= engine_.position.iteration - before;
      if (end == Trainer::Impl::BatchesEnd::EpochDone) start_next_epoch();
    }
  }

  // Each timed iteration runs `block` consecutive batches, alternately with `block` runs of the
  // reference: the GAN and mining stages compute a batch's features while the previous batch
  // is worked on (StageBatches), which one batch at a time would not show. A block pays for
  // filling that pipeline once, so its figures are slightly worse than a whole epoch's.
  void stage(const std::string& name, Stage which, int64_t block, const Reference& reference) {
    engine_.position.stage = which;
    engine_.position.epoch = 0;
    engine_.position.iteration = 0;
    if (which == Stage::Backbone) {
      engine_.backbone->train();
      engine_.apply_learning_rate();
    }
    engine_.train_loader->start_epoch(engine_.epoch_seed());
    // The warm-up covers the trial in which the engine chooses whether to overlap (OverlapTuner).
    const int trial_blocks = which == Stage::Backbone ? 0 : int((OverlapTuner::kTrialBatches + block - 1) / block);
    auto [bare, t] = measure_interleaved(
        std::max(settings_.warmup, trial_blocks), settings_.iters,
        [&](Timing& timing) {
          // The loader refills what the stage took while the reference runs: let it finish first,
          // so the reference is the bare work alone.
          engine_.train_loader->wait_until_prefetched();
          timing.begin();
          for (int64_t i = 0; i < block; ++i) reference.run(timing);
        },
        [&](Timing&) { run_stage_batches(block); });
    const double ratio = t.median() / bare.median();
    emit(name, t.per_part(block),
         {{"batches_per_iter", block},
          {"reference", reference.name},
          {"reference_median_ms", round2(bare.median() / double(block))},
          {"ratio_to_bare", round3(ratio)},
          {"target", reference.target},
          {"meets_target", ratio <= reference.target},
          {"mined_per_image", round2(double(engine_.mined_sets->mined_pairs()) / double(engine_.train_images->size()))},
          {"overlap", overlap_summary(which)}});
  }

  // What the engine's trial chose for a GAN or mining stage, with its medians per batch.
  json overlap_summary(Stage which) const {
    const auto& tuner = engine_.overlap_tuner;
    if (which == Stage::Backbone || !tuner.chosen()) return nullptr;
    return {{"chosen", *tuner.chosen()},
            {"trial_overlapped_ms", round2(tuner.best_seconds_per_batch(true) * 1000)},
            {"trial_serial_ms", round2(tuner.best_seconds_per_batch(false) * 1000)}};
  }

  // The kNN accuracy as the engine evaluates it (features of the test images without
  // augmentation, weighted vote against the memory bank), and the whole evaluation.
  void evaluation() {
    const auto& c = engine_.config;
    auto knn = measure(1, std::min(settings_.iters, 2), [&](Timing& timing) {
      torch::NoGradGuard no_grad;
      auto test = engine_.features_of(engine_.test_images, false);
      timing.mark("features");
      eval::weighted_knn_top1(engine_.memory->features(), engine_.train_labels, test, engine_.test_labels,
                              engine_.train_images->num_classes(), {c.knn_k, c.knn_sigma});
      timing.mark("vote");
    });
    json extra;
    extra["test_images"] = engine_.test_images->size();
    extra["memory_entries"] = engine_.memory->size();
    emit("knn", knn, extra, true, engine_.test_images->size());
    auto whole = measure(0, 1, [&](Timing&) { engine_.evaluate(); });
    emit("evaluation", whole, extra, true, engine_.test_images->size());
  }

  const BenchSettings& settings_;
  std::string run_directory_;
  Trainer::Impl engine_;
  torch::Tensor fixed_images_, fixed_indices_;
  Triplets fixed_triplets_, fixed_triplet_samples_;  // one per anchor (GAN step), S per anchor (mining)
  std::map<std::string, double> results_;
};

}  // namespace

std::map<std::string, double> bench_stages(const BenchSettings& settings) {
  StageBench bench(settings);
  bench.run_all();
  return bench.results();
}

void bench_forward_variants(const BenchSettings& settings) { StageBench(settings).variants(); }

}  // namespace isl::bench
