// isl-bench: how long each stage's batch takes, against bare references on the same batch.
// Prints one JSON object per line. Each stage runs the operations of the trainer's batch
// functions (core/run/trainer_stages.cpp, trainer_reporting.cpp) in the same order, with the
// real PrefetchLoader and augmentation, on the built-in MNIST digits (8000 training images).
//
//   isl-bench [--arch alexnet|resnet18] [--precision fp32|bf16] [--iters 10] [--warmup 2]
//             [--variants]
//
// Targets (the issue): backbone step <= 1.05 x bare_step; GAN and mining iterations <=
// 1.10 x (bare_forward_optimised + the two small networks: gan_nets_step for GAN,
// gan_nets_forward for mining).
#include <ATen/Parallel.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <map>
#include <numeric>

#include "core/data/augment.h"
#include "core/data/image_dataset.h"
#include "core/data/loader.h"
#include "core/eval/knn.h"
#include "core/isl/isl_loss.h"
#include "core/isl/memory_bank.h"
#include "core/isl/miner.h"
#include "core/isl/positive_sets.h"
#include "core/isl/proxy_gan.h"
#include "core/isl/triplet_sampler.h"
#include "core/models/backbone.h"
#include "core/run/compute_device.h"
#include "core/run/config.h"
#include "core/run/frozen_forward.h"

using json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;
using isl::Triplets;

namespace {

double round2(double x) { return std::round(x * 100) / 100; }
double round3(double x) { return std::round(x * 1000) / 1000; }

// Per-iteration totals and named parts (each part: the time since the previous mark).
class Timing {
 public:
  void begin() { start_ = last_ = Clock::now(); }
  void mark(const std::string& part) {
    const auto now = Clock::now();
    parts_[part].push_back(std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }
  void end() { totals_.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start_).count()); }
  void clear() {
    totals_.clear();
    parts_.clear();
  }
  int iters() const { return int(totals_.size()); }
  double mean() const { return std::accumulate(totals_.begin(), totals_.end(), 0.0) / double(totals_.size()); }
  double median() const {
    auto v = totals_;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
  json parts() const {
    json out = json::object();
    for (const auto& [name, values] : parts_)
      out[name] = round2(std::accumulate(values.begin(), values.end(), 0.0) / double(values.size()));
    return out;
  }

 private:
  Clock::time_point start_, last_;
  std::vector<double> totals_;
  std::map<std::string, std::vector<double>> parts_;
};

// Runs body(timing) warmup + iters times and keeps the timings of the last iters.
template <typename Body>
Timing measure(int warmup, int iters, Body&& body) {
  Timing timing;
  for (int i = 0; i < warmup + iters; ++i) {
    if (i == warmup) timing.clear();
    timing.begin();
    body(timing);
    timing.end();
  }
  return timing;
}

// A copy that does not share storage (add_symmetric writes rows in place).
isl::PositiveSets deep_copy(const isl::PositiveSets& sets) {
  return isl::PositiveSets(sets.members().clone(), sets.rounds().clone(), sets.all_sizes().clone());
}

struct Setup {
  isl::Config config;  // the trainer's defaults: learning rates, K, S, theta, R, top-k, kNN
  std::shared_ptr<const isl::data::ImageDataset> train, test;
  isl::data::AugmentOptions augment;
  torch::Tensor train_labels, test_labels;
  int iters = 10;
  int warmup = 2;
};

class ArchBench {
 public:
  ArchBench(const Setup& setup, isl::models::Arch arch, bool bf16)
      : s_(setup), arch_(arch), bf16_(bf16), device_(torch::kCPU) {
    const auto& c = s_.config;
    torch::manual_seed(c.seed);
    backbone_ = isl::models::make_backbone({arch, false, c.feature_dim});
    backbone_->to(device_);
    optimizer_ = std::make_unique<torch::optim::SGD>(
        backbone_->parameters(),
        torch::optim::SGDOptions(c.learning_rate).momentum(c.sgd_momentum).weight_decay(c.weight_decay));
    n_ = s_.train->size();
    memory_ = std::make_unique<isl::MemoryBank>(n_, c.feature_dim, c.seed ^ 0x6d656d6f7279ull);
    // About five mined positives per image: random symmetric pairs, N/2 at a time.
    sets_ = std::make_unique<isl::PositiveSets>(n_, device_);
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(c.seed + 1);
    for (int64_t missing = 5 * n_; missing > n_ / 100; missing = 5 * n_ - sets_->mined_pairs()) {
      const int64_t pairs = (missing + 1) / 2;  // each pair adds two directed entries
      sets_->add_symmetric(torch::randint(n_, {pairs}, generator, torch::kInt64),
                           torch::randint(n_, {pairs}, generator, torch::kInt64), 0);
    }
    gan_ = std::make_unique<isl::ProxyGan>(c.feature_dim, isl::GanOptions{c.gan_learning_rate, c.gan_hardness});
    last_proxies_ = torch::zeros({n_, c.feature_dim});
    last_confidence_ = torch::full({n_}, -1.0);
    frozen_ = std::make_unique<isl::FrozenBackbone>(backbone_, device_, bf16_);

    // The fixed batch of the bare references: the loader's first augmented batch.
    auto loader = make_loader(true);
    loader->start_epoch(12345);
    auto batch = *loader->next();
    fixed_images_ = images_of(batch).clone();
    fixed_indices_ = torch::tensor(batch.indices, torch::kInt64);
  }

  void run_all() {
    data_only();
    bare_step();
    bare_forward();
    bare_forward_optimised();
    gan_nets();
    backbone_stage();
    gan_stage(true);
    gan_stage(false);
    mining_stage(true);
    mining_stage(false);
    knn_stage(true);
    knn_stage(false);
  }

  // FrozenBackbone's settings one at a time, on the fixed batch.
  void variants() {
    struct Variant {
      const char* name;
      isl::FrozenOptions options;
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
    if (bf16_) {
      list.push_back({"copy_folded_channels_last_bf16_weights", {true, true, true, false, true}});
      list.push_back({"copy_folded_nchw_bf16_weights", {true, true, false, false, true}});
      list.push_back({"default", isl::FrozenOptions{}});
    }
    double base = 0;
    for (const auto& v : list) {
      isl::FrozenBackbone frozen(backbone_, device_, bf16_, v.options);
      auto timing = measure(s_.warmup, s_.iters, [&](Timing&) { frozen.features(fixed_images_); });
      if (base == 0) base = timing.median();
      emit("forward_variant", timing, {{"variant", v.name}, {"ratio_to_module_nograd", round3(timing.median() / base)}},
           false);
    }
  }

  double ms(const std::string& stage) const { return results_.at(stage); }

 private:
  std::unique_ptr<isl::data::PrefetchLoader> make_loader(bool augment, std::shared_ptr<const isl::data::ImageDataset> data = nullptr) const {
    isl::data::LoaderOptions options;
    options.batch_size = s_.config.batch;
    options.shuffle = augment;
    options.augment = augment;
    options.workers = s_.config.loader_workers;
    options.augment_options = s_.augment;
    options.out_size = 32;
    return std::make_unique<isl::data::PrefetchLoader>(data ? data : s_.train, options);
  }

  static torch::Tensor images_of(const isl::data::Batch& batch) {
    return torch::from_blob(const_cast<float*>(batch.images.data()),
                            {batch.size(), 3, batch.image_size, batch.image_size}, torch::kFloat32);
  }

  // The next training batch; a new epoch when one ends (as the trainer's next epoch would).
  isl::data::Batch next_batch(isl::data::PrefetchLoader& loader) {
    auto batch = loader.next();
    if (!batch) {
      loader.start_epoch(++epoch_seed_);
      batch = loader.next();
    }
    return std::move(*batch);
  }

  // Trainer::Impl::backbone_features.
  torch::Tensor backbone_features(const isl::data::Batch& batch) {
    auto images = images_of(batch).to(device_);
    isl::AutocastScope autocast(bf16_, device_);
    return backbone_->forward(images).to(torch::kFloat32);
  }

  void emit(const std::string& stage, const Timing& t, json extra = json::object(), bool store = true,
            int64_t images = -1) {
    const double ms = t.mean();
    if (images < 0) images = s_.config.batch;
    if (store) results_[stage] = ms;
    json line;
    line["arch"] = isl::models::to_string(arch_);
    line["stage"] = stage;
    line["precision"] = bf16_ ? "bf16" : "fp32";
    line["batch"] = s_.config.batch;
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

  json against(const std::string& reference, double ms, double target = 0) const {
    json out;
    const double ratio = ms / reference_ms(reference);
    out["reference"] = reference;
    out["ratio_to_bare"] = round3(ratio);
    if (target > 0) {
      out["target"] = target;
      out["meets_target"] = ratio <= target;
    }
    return out;
  }
  double reference_ms(const std::string& reference) const {
    if (reference == "bare_forward_optimised+gan_nets_step") return ms("bare_forward_optimised") + ms("gan_nets_step");
    if (reference == "bare_forward_optimised+gan_nets_forward")
      return ms("bare_forward_optimised") + ms("gan_nets_forward");
    return ms(reference);
  }

  // The loader alone (augmentation on its worker threads, nothing else running): the time
  // per batch the stages must hide.
  void data_only() {
    auto loader = make_loader(true);
    loader->start_epoch(++epoch_seed_);
    auto t = measure(s_.warmup, s_.iters, [&](Timing&) { next_batch(*loader); });
    emit("data_only", t, {{"workers", s_.config.loader_workers}}, false);
  }

  // ---- references on the fixed batch --------------------------------------------------------

  void bare_step() {
    backbone_->train();
    auto t = measure(s_.warmup, s_.iters, [&](Timing& timing) {
      torch::Tensor features;
      {
        isl::AutocastScope autocast(bf16_, device_);
        features = backbone_->forward(fixed_images_).to(torch::kFloat32);
      }
      auto loss = features.sum();
      timing.mark("forward");
      optimizer_->zero_grad();
      loss.backward();
      timing.mark("backward");
      optimizer_->step();
      timing.mark("step");
    });
    emit("bare_step", t);
  }

  void bare_forward() {
    backbone_->eval();
    auto t = measure(s_.warmup, s_.iters, [&](Timing&) {
      torch::NoGradGuard no_grad;
      isl::AutocastScope autocast(bf16_, device_);
      backbone_->forward(fixed_images_).to(torch::kFloat32);
    });
    emit("bare_forward", t);
  }

  void bare_forward_optimised() {
    auto t = measure(s_.warmup, s_.iters, [&](Timing&) { frozen_->features(fixed_images_); });
    emit("bare_forward_optimised", t, against("bare_forward", t.mean()));
  }

  // The two small networks alone, on triplets of the fixed batch: a ProxyGan::train_step
  // (GAN stage) and the generator + discriminator forwards over S triplets per anchor (mining).
  void gan_nets() {
    auto features = frozen_->features(fixed_images_);
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(7);
    auto options = triplet_options();
    auto triplets = isl::sample_triplets(features, fixed_indices_, *memory_, *sets_, options, generator);
    auto step = measure(s_.warmup, s_.iters, [&](Timing&) { gan_->train_step(triplets); });
    emit("gan_nets_step", step);
    auto many = isl::sample_triplets(features, fixed_indices_, *memory_, *sets_, options, generator,
                                     s_.config.proxy_samples);
    auto forward = measure(s_.warmup, s_.iters, [&](Timing&) {
      auto proxies = gan_->generate(many);
      gan_->confidence(many, proxies);
    });
    emit("gan_nets_forward", forward, {{"triplets", many.anchor.size(0)}});
    // The sampling alone, for the breakdown of the stages.
    auto one = measure(s_.warmup, s_.iters, [&](Timing&) {
      isl::sample_triplets(features, fixed_indices_, *memory_, *sets_, options, generator);
    });
    emit("part_sample_triplets", one, json::object(), true);
    auto s5 = measure(s_.warmup, s_.iters, [&](Timing&) {
      isl::sample_triplets(features, fixed_indices_, *memory_, *sets_, options, generator, s_.config.proxy_samples);
    });
    emit("part_sample_triplets_S", s5, {{"repeats", s_.config.proxy_samples}}, true);
    sample_triplets_breakdown(features, s_.config.proxy_samples);
    for (int64_t repeats : {int64_t(1), s_.config.proxy_samples}) masked_sampler_what_if(features, repeats);
  }

  // What sample_triplets would cost if the set members were masked out of the [B, N]
  // similarity once (scatter of -inf) instead of looked up per candidate with searchsorted:
  // the same random draws and the same negatives (checked), without the [R*B, K] search.
  void masked_sampler_what_if(const torch::Tensor& anchor_features, int64_t repeats) {
    const auto& bank = memory_->features();
    const auto& indices = fixed_indices_;
    const int64_t batch = indices.size(0), n = memory_->size(), k = s_.config.negative_candidates;
    auto negatives_of = [&](torch::Generator& generator) {
      torch::NoGradGuard no_grad;
      auto members = sets_->rows(indices);  // [B, W]; column 0 is the image itself
      auto filled = torch::where(members >= 0, members, members.select(1, 0).unsqueeze(1));
      auto similarity = torch::matmul(anchor_features.to(torch::kFloat32), bank.t());
      similarity.scatter_(1, filled, -std::numeric_limits<double>::infinity());
      auto candidates = torch::randint(n, {repeats * batch, k}, generator, indices.options());
      auto chosen = similarity.unsqueeze(0)
                        .expand({repeats, batch, n})
                        .gather(2, candidates.view({repeats, batch, -1}))
                        .view({repeats * batch, -1})
                        .argmax(1, true);
      return candidates.gather(1, chosen).squeeze(1);
    };
    auto g1 = torch::make_generator<at::CPUGeneratorImpl>(99), g2 = torch::make_generator<at::CPUGeneratorImpl>(99);
    auto want = isl::sample_triplets(anchor_features, indices, *memory_, *sets_, triplet_options(), g1, repeats);
    const bool identical = bank.index_select(0, negatives_of(g2)).equal(want.negative);
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(5);
    auto t = measure(s_.warmup, s_.iters, [&](Timing&) { negatives_of(generator); });
    emit("part_sample_triplets_masked_what_if", t, {{"repeats", repeats}, {"same_negatives", identical}}, false);
  }

  // The statements of isl::sample_triplets (core/isl/triplet_sampler.cpp, MemorySelf
  // positives) one by one with a timer after each, to show where its time goes.
  void sample_triplets_breakdown(const torch::Tensor& anchor_features, int64_t repeats) {
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(11);
    const auto& bank = memory_->features();
    const auto& indices = fixed_indices_;
    const int64_t batch = indices.size(0), n = memory_->size(), k = s_.config.negative_candidates;
    auto t = measure(s_.warmup, s_.iters, [&](Timing& timing) {
      torch::NoGradGuard no_grad;
      auto anchors = anchor_features.to(torch::kFloat32).repeat({repeats, 1});
      auto anchor_indices = indices.repeat({repeats});
      auto members = sets_->rows(anchor_indices);
      auto sorted_members = std::get<0>(members.sort(1));
      timing.mark("repeat_rows_sort");
      auto candidates = torch::randint(n, {repeats * batch, k}, generator, indices.options().device(torch::kCPU))
                            .to(bank.device());
      timing.mark("randint");
      auto position = torch::searchsorted(sorted_members, candidates).clamp_max(members.size(1) - 1);
      timing.mark("searchsorted");
      auto is_member = sorted_members.gather(1, position) == candidates;
      timing.mark("is_member_gather_eq");
      auto product = torch::matmul(anchor_features.to(torch::kFloat32), bank.t());
      timing.mark("matmul_BxN");
      auto similarity = product.unsqueeze(0)
                            .expand({repeats, batch, n})
                            .gather(2, candidates.view({repeats, batch, -1}))
                            .view({repeats * batch, -1});
      timing.mark("gather_candidates");
      similarity = similarity.masked_fill(is_member, -std::numeric_limits<double>::infinity());
      timing.mark("masked_fill");
      auto negatives = candidates.gather(1, similarity.argmax(1, true)).squeeze(1);
      timing.mark("argmax");
      Triplets out{anchors, bank.index_select(0, anchor_indices), bank.index_select(0, negatives)};
      timing.mark("index_select");
    });
    emit("part_sample_triplets_breakdown", t, {{"repeats", repeats}, {"candidates", k}}, false);
  }

  isl::TripletOptions triplet_options() const {
    return {s_.config.negative_candidates, isl::TripletPositive::MemorySelf};
  }

  // ---- the stages, one loader batch per iteration -------------------------------------------

  // Trainer::Impl::train_backbone_batch.
  void backbone_stage() {
    const auto& c = s_.config;
    backbone_->train(true);
    auto loader = make_loader(true);
    loader->start_epoch(++epoch_seed_);
    std::map<std::string, double> sums;
    auto t = measure(s_.warmup, s_.iters, [&](Timing& timing) {
      auto batch = next_batch(*loader);
      timing.mark("data_wait");
      auto indices = torch::tensor(batch.indices, torch::kInt64).to(device_);
      auto features = backbone_features(batch);
      timing.mark("forward");
      isl::LossOptions options{c.temperature, c.hpe_weight, isl::HardPositive::MostSimilar};
      auto terms = isl::isl_loss(features, memory_->features(), indices, sets_->rows(indices), options);
      if (!std::isfinite(terms.total.item<double>())) throw std::runtime_error("loss not finite");
      timing.mark("isl_loss");
      optimizer_->zero_grad();
      terms.total.backward();
      timing.mark("backward");
      optimizer_->step();
      timing.mark("step");
      memory_->update(indices, features, c.memory_momentum);
      sums["loss"] += terms.total.item<double>() * double(batch.size());
      sums["loss_instance"] += terms.instance.item<double>();
      sums["loss_set"] += terms.set.item<double>();
      sums["loss_hpe"] += terms.hpe.item<double>();
      timing.mark("memory_update");
    });
    json extra = against("bare_step", t.mean(), 1.05);
    extra["mined_per_image"] = round2(double(sets_->mined_pairs()) / double(n_));
    emit("backbone", t, extra);
  }

  // Trainer::Impl::train_gan_batch; `frozen`: the forward through FrozenBackbone, else the
  // trainer's present backbone_features under NoGradGuard in eval mode.
  void gan_stage(bool frozen) {
    backbone_->train(false);
    auto loader = make_loader(true);
    loader->start_epoch(++epoch_seed_);
    std::map<std::string, double> sums;
    int64_t iteration = 0;
    auto t = measure(s_.warmup, s_.iters, [&](Timing& timing) {
      auto batch = next_batch(*loader);
      timing.mark("data_wait");
      torch::Tensor features;
      if (frozen) {
        features = frozen_->features(images_of(batch));
      } else {
        torch::NoGradGuard no_grad;
        features = backbone_features(batch);
      }
      timing.mark("forward");
      auto indices = torch::tensor(batch.indices, torch::kInt64).to(device_);
      auto generator = torch::make_generator<at::CPUGeneratorImpl>(uint64_t(++iteration));
      auto triplets = isl::sample_triplets(features, indices, *memory_, *sets_, triplet_options(), generator);
      timing.mark("sample_triplets");
      auto losses = gan_->train_step(triplets);
      const double b = double(batch.size());
      sums["loss"] += losses.generator * b;
      sums["gan_generator"] += losses.generator * b;
      sums["gan_discriminator"] += losses.discriminator * b;
      timing.mark("gan_train_step");
    });
    emit(frozen ? "gan" : "gan_module_forward", t,
         against("bare_forward_optimised+gan_nets_step", t.mean(), frozen ? 1.10 : 0));
  }

  // Trainer::Impl::mine_batch, on a copy of the sets (it adds the pairs it finds).
  void mining_stage(bool frozen) {
    const auto& c = s_.config;
    backbone_->train(false);
    auto sets = deep_copy(*sets_);
    auto loader = make_loader(true);
    loader->start_epoch(++epoch_seed_);
    std::map<std::string, double> sums;
    int64_t iteration = 0, added = 0;
    auto t = measure(s_.warmup, s_.iters, [&](Timing& timing) {
      auto batch = next_batch(*loader);
      timing.mark("data_wait");
      torch::NoGradGuard no_grad;
      auto features = frozen ? frozen_->features(images_of(batch)) : backbone_features(batch);
      timing.mark("forward");
      auto indices = torch::tensor(batch.indices, torch::kInt64).to(device_);
      auto generator = torch::make_generator<at::CPUGeneratorImpl>(uint64_t(++iteration));
      isl::MinerOptions options;
      options.proxy_samples = c.proxy_samples;
      options.threshold = c.confidence_threshold;
      options.region = c.region;
      options.top_k = c.mining_top_k;
      options.triplets = triplet_options();
      auto found = isl::mine_batch(features, indices, *memory_, sets, *gan_, options, generator);
      timing.mark("mine_batch");
      last_proxies_.index_copy_(0, indices, found.proxies);
      last_confidence_.index_copy_(0, indices, found.confidence);
      added += sets.add_symmetric(found.anchors, found.others, 0);
      timing.mark("add_symmetric");
      sums["loss"] += found.confidence.sum().item<double>();
      sums["proxy_confidence"] += found.confidence.sum().item<double>();
      sums["proxy_nearest_similarity"] += found.nearest.sum().item<double>();
      timing.mark("sums");
    });
    json extra = against("bare_forward_optimised+gan_nets_forward", t.mean(), frozen ? 1.10 : 0);
    extra["pairs_added"] = added;
    emit(frozen ? "mining" : "mining_module_forward", t, extra);
  }

  // The kNN part of Trainer::Impl::evaluate: features of the 2000 test images (unaugmented
  // loader), then the weighted kNN vote against the memory bank. One iteration = the whole
  // evaluation.
  void knn_stage(bool frozen) {
    const auto& c = s_.config;
    auto t = measure(1, std::min(s_.iters, 2), [&](Timing& timing) {
      torch::NoGradGuard no_grad;
      backbone_->eval();
      auto loader = make_loader(false, s_.test);
      loader->start_epoch(0);
      std::vector<torch::Tensor> parts;
      while (auto batch = loader->next()) {
        if (frozen) {
          parts.push_back(frozen_->features(images_of(*batch)));
        } else {
          auto pixels = images_of(*batch).to(device_);
          isl::AutocastScope autocast(bf16_, device_);
          parts.push_back(backbone_->forward(pixels).to(torch::kFloat32));
        }
      }
      auto test = torch::cat(parts);
      timing.mark("features");
      isl::eval::weighted_knn_top1(memory_->features(), s_.train_labels, test, s_.test_labels,
                                   s_.train->num_classes(), {c.knn_k, c.knn_sigma});
      timing.mark("vote");
    });
    json extra;
    extra["test_images"] = s_.test->size();
    extra["memory_entries"] = memory_->size();
    emit(frozen ? "knn" : "knn_module_forward", t, extra, true, s_.test->size());
  }

  const Setup& s_;
  isl::models::Arch arch_;
  bool bf16_;
  torch::Device device_;
  int64_t n_ = 0;
  uint64_t epoch_seed_ = 100;
  std::shared_ptr<isl::models::BackboneImpl> backbone_;
  std::unique_ptr<torch::optim::SGD> optimizer_;
  std::unique_ptr<isl::MemoryBank> memory_;
  std::unique_ptr<isl::PositiveSets> sets_;
  std::unique_ptr<isl::ProxyGan> gan_;
  std::unique_ptr<isl::FrozenBackbone> frozen_;
  torch::Tensor last_proxies_, last_confidence_;
  torch::Tensor fixed_images_, fixed_indices_;
  std::map<std::string, double> results_;
};

torch::Tensor labels_of(const isl::data::ImageDataset& images) {
  std::vector<int64_t> labels(size_t(images.size()));
  for (int64_t i = 0; i < images.size(); ++i) labels[size_t(i)] = images.label(i);
  return torch::tensor(labels, torch::kInt64);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"isl-bench: time per batch of each training stage against bare references"};
  std::string arch_name, precision = "both", data_path = ISL_BUILT_IN_DATA;
  Setup setup;
  bool variants = false;
  app.add_option("--arch", arch_name, "only this backbone: alexnet, resnet18");
  app.add_option("--precision", precision, "fp32, bf16 or both")->check(CLI::IsMember({"fp32", "bf16", "both"}));
  app.add_option("--iters", setup.iters, "timed iterations per stage")->check(CLI::PositiveNumber);
  app.add_option("--warmup", setup.warmup, "untimed iterations before them")->check(CLI::NonNegativeNumber);
  app.add_option("--data", data_path, "MNIST folder");
  app.add_flag("--variants", variants, "time FrozenBackbone's settings one at a time instead of the stages");
  CLI11_PARSE(app, argc, argv);

  try {
    std::vector<isl::models::Arch> archs = {isl::models::Arch::AlexNet, isl::models::Arch::ResNet18};
    if (!arch_name.empty()) archs = {isl::models::arch_from_string(arch_name)};
    auto split = isl::data::open_dataset(isl::data::DatasetKind::Mnist, data_path, 32);
    setup.train = split.train;
    setup.test = split.test;
    setup.augment = isl::data::augment_options_for(isl::data::DatasetKind::Mnist);
    setup.train_labels = labels_of(*setup.train);
    setup.test_labels = labels_of(*setup.test);
    std::vector<bool> precisions;
    if (precision != "bf16") precisions.push_back(false);
    if (precision != "fp32") precisions.push_back(true);
    if (precisions.back() && !isl::cpu_has_bf16_units())
      std::cerr << "isl-bench: this CPU has no bf16 units; bf16 runs emulated\n";

    for (auto arch : archs) {
      std::map<bool, std::map<std::string, double>> ms;
      for (bool bf16 : precisions) {
        ArchBench bench(setup, arch, bf16);
        if (variants) {
          bench.variants();
          continue;
        }
        bench.run_all();
        for (const char* stage : {"backbone", "bare_step", "bare_forward", "bare_forward_optimised"})
          ms[bf16][stage] = bench.ms(stage);
      }
      if (!variants && precisions.size() == 2) {
        json line;
        line["arch"] = isl::models::to_string(arch);
        line["stage"] = "bf16_vs_fp32";
        line["precision"] = "bf16/fp32";
        for (const char* stage : {"backbone", "bare_step", "bare_forward", "bare_forward_optimised"})
          line[std::string(stage) + "_ms_ratio"] = round3(ms[true][stage] / ms[false][stage]);
        std::cout << line.dump() << std::endl;
      }
    }
  } catch (const std::exception& error) {
    std::cerr << "isl-bench: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
