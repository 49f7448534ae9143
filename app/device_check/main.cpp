// isl-device-check: the engine's computations on a device (a GPU) against the same ones on the
// CPU, on fixed inputs, then a short run on the device that is stopped and resumed. Needs no Qt,
// so it runs where only LibTorch is (an ISL_ENGINE_ONLY build); prints a line per check and
// exits 0 when every check passes, 1 when one fails, 2 for bad arguments.
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>

#include "core/eval/knn.h"
#include "core/isl/isl_loss.h"
#include "core/isl/memory_bank.h"
#include "core/isl/miner.h"
#include "core/isl/positive_sets.h"
#include "core/isl/proxy_gan.h"
#include "core/isl/triplet_sampler.h"
#include "core/run/compute_device.h"
#include "core/run/trainer.h"

namespace {

using namespace isl;

constexpr int64_t kImages = 512, kDim = 32, kBatch = 64;

double max_difference(const torch::Tensor& device_result, const torch::Tensor& cpu_result) {
  return (device_result.detach().cpu().to(torch::kFloat64) - cpu_result.detach().to(torch::kFloat64))
      .abs()
      .max()
      .item<double>();
}

// The fixed inputs every check starts from, on the CPU.
struct Inputs {
  torch::Tensor memory = torch::nn::functional::normalize(torch::randn({kImages, kDim}),
                                                          torch::nn::functional::NormalizeFuncOptions().dim(1));
  torch::Tensor indices = torch::randperm(kImages, torch::kInt64).narrow(0, 0, kBatch);
  torch::Tensor features = torch::nn::functional::normalize(torch::randn({kBatch, kDim}),
                                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
  torch::Tensor labels = torch::randint(10, {kImages}, torch::kInt64);
};

PositiveSets sets_on(const torch::Device& device, const Inputs& in) {
  PositiveSets sets(kImages, device);
  auto first = in.indices.narrow(0, 0, 16).to(device);
  auto second = torch::randperm(kImages, torch::TensorOptions().dtype(torch::kInt64)).narrow(0, 0, 16).to(device);
  sets.add_symmetric(first, second, 0);
  return sets;
}

struct Check {
  std::string name;
  std::function<double(const torch::Device&)> difference;  // largest |device - cpu|
  double tolerance;
};

std::vector<Check> checks() {
  torch::manual_seed(7);
  auto in = std::make_shared<Inputs>();
  // The same draws of the second endpoints on both sides: a fixed seed before each set-up.
  auto sets = [in](const torch::Device& device) {
    torch::manual_seed(11);
    return sets_on(device, *in);
  };
  std::vector<Check> list;
  list.push_back({"ISL loss and its gradient", [in, sets](const torch::Device& device) {
                    auto run = [&](const torch::Device& on) {
                      auto features = in->features.to(on).requires_grad_(true);
                      auto positives = sets(on).rows(in->indices.to(on));
                      auto terms = isl_loss(features, in->memory.to(on), in->indices.to(on), positives, LossOptions{});
                      terms.total.backward();
                      return std::make_pair(terms.total.detach().cpu(), features.grad().cpu());
                    };
                    auto [cpu_loss, cpu_grad] = run(torch::kCPU);
                    auto [loss, grad] = run(device);
                    return std::max(max_difference(loss, cpu_loss) / std::max(1.0, cpu_loss.abs().item<double>()),
                                    max_difference(grad, cpu_grad));
                  },
                  1e-4});
  list.push_back({"memory-bank update", [in](const torch::Device& device) {
                    MemoryBank cpu(in->memory.clone()), on(in->memory.to(device));
                    cpu.update(in->indices, in->features, 0.5);
                    on.update(in->indices.to(device), in->features.to(device), 0.5);
                    return max_difference(on.features(), cpu.features());
                  },
                  1e-5});
  list.push_back({"triplet sampling", [in, sets](const torch::Device& device) {
                    auto run = [&](const torch::Device& on) {
                      MemoryBank memory(in->memory.to(on));
                      auto generator = torch::make_generator<at::CPUGeneratorImpl>(3);
                      TripletOptions options;
                      options.negative_candidates = 128;
                      return sample_triplets(in->features.to(on), in->indices.to(on), memory, sets(on), options, generator);
                    };
                    auto cpu = run(torch::kCPU);
                    auto on = run(device);
                    return std::max({max_difference(on.anchor, cpu.anchor), max_difference(on.positive, cpu.positive),
                                     max_difference(on.negative, cpu.negative)});
                  },
                  1e-5});
  list.push_back({"mining (proxies and pairs)", [in, sets](const torch::Device& device) {
                    torch::manual_seed(5);
                    ProxyGan gan(kDim, GanOptions{});
                    MinerOptions options;
                    options.threshold = 0.0;
                    options.region = -1.0;  // every candidate joins: the pairs are the top-k
                    options.triplets.negative_candidates = 128;
                    auto run = [&](const torch::Device& on) {
                      gan.to(on);
                      MemoryBank memory(in->memory.to(on));
                      auto generator = torch::make_generator<at::CPUGeneratorImpl>(4);
                      return mine_batch(in->features.to(on), in->indices.to(on), memory, sets(on), gan, options, generator);
                    };
                    auto cpu = run(torch::kCPU);
                    auto on = run(device);
                    const bool same_pairs = torch::equal(on.anchors.cpu(), cpu.anchors) && torch::equal(on.others.cpu(), cpu.others);
                    return same_pairs ? std::max(max_difference(on.proxies, cpu.proxies),
                                                 max_difference(on.confidence, cpu.confidence))
                                      : INFINITY;
                  },
                  1e-4});
  list.push_back({"weighted kNN", [in](const torch::Device& device) {
                    eval::KnnOptions options;
                    options.k = 20;
                    auto test = in->memory.narrow(0, 0, 100) + 0.1 * torch::randn({100, kDim});
                    auto test_labels = in->labels.narrow(0, 0, 100);
                    const double cpu = eval::weighted_knn_top1(in->memory, in->labels, test, test_labels, 10, options);
                    const double on = eval::weighted_knn_top1(in->memory.to(device), in->labels.to(device), test.to(device),
                                                              test_labels.to(device), 10, options);
                    return std::abs(on - cpu);
                  },
                  1e-9});
  return list;
}

// Stops the run at its `after`-th progress report.
struct StopAfter : TrainingObserver {
  Trainer* trainer = nullptr;
  int after = 0;
  int seen = 0;
  void on_progress(const Progress&) override {
    if (++seen == after) trainer->stop();
  }
};

// A short ISL run on the device, stopped within its first epoch and resumed there to its end:
// returns its final kNN.
double stopped_and_resumed_run(const std::string& device, const std::string& data, const std::string& directory) {
  Config config;
  config.device = device;
  config.data_path = data;
  config.max_train_images = 512;
  config.max_test_images = 200;
  config.rounds = 2;
  config.backbone_epochs = 2;
  config.gan_epochs = 2;
  config.gan_min_epochs_first_round = 2;
  config.mining_epochs = 1;
  config.batch = 64;
  config.knn_k = 20;
  config.negative_candidates = 256;
  std::filesystem::remove_all(directory);
  {
    Trainer trainer(config, directory);
    StopAfter stop;
    stop.trainer = &trainer;
    stop.after = 3;
    trainer.add_observer(&stop);
    trainer.run();
    if (trainer.state() == RunState::Finished) throw std::runtime_error("the run finished before it could be stopped");
  }
  auto resumed = Trainer::resume(directory);
  resumed->run();
  if (resumed->state() != RunState::Finished) throw std::runtime_error("the resumed run did not finish");
  return resumed->evaluate_now().at("knn_top1_recomputed");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Check the engine on a device (a GPU) against the CPU: loss and gradient, memory update, triplet "
               "sampling, mining and kNN on fixed inputs, then a short run on the device, stopped and resumed."};
  std::string device_setting = "auto", data = ISL_BUILT_IN_DATA, work = "isl-device-check-runs";
  bool skip_run = false;
  app.add_option("--device", device_setting, "Device to check: auto (CUDA where present), cuda or cpu");
  app.add_option("--data", data, "MNIST IDX folder for the short run (default: the built-in digits)");
  app.add_option("--work", work, "Folder for the short runs (replaced)");
  app.add_flag("--skip-run", skip_run, "Check the computations only, not the short run");
  CLI11_PARSE(app, argc, argv);

  if (device_setting != "auto" && device_setting != "cuda" && device_setting != "cpu") {
    std::fprintf(stderr, "error: --device: '%s' is not a device; allowed: auto, cuda, cpu\n", device_setting.c_str());
    return 2;
  }
  torch::Device device(torch::kCPU);
  try {
    device = choose_device(device_setting);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 2;
  }
  std::printf("checking %s against the CPU\n", device.str().c_str());
  int failed = 0;
  for (const auto& check : checks()) {
    try {
      const double difference = check.difference(device);
      const bool passed = difference <= check.tolerance;
      failed += !passed;
      std::printf("%s %-28s max |device - cpu| %.3g (tolerance %.0e)\n", passed ? "PASS" : "FAIL", check.name.c_str(),
                  difference, check.tolerance);
    } catch (const std::exception& error) {
      ++failed;
      std::printf("FAIL %-28s %s\n", check.name.c_str(), error.what());
    }
  }
  if (!skip_run) {
    try {
      const double on_cpu = stopped_and_resumed_run("cpu", data, work + "/cpu");
      const double on_device = stopped_and_resumed_run(device.str(), data, work + "/device");
      // Different kernels round differently and the runs drift apart; they must not diverge.
      const bool passed = std::abs(on_device - on_cpu) <= 0.1;
      failed += !passed;
      std::printf("%s %-28s kNN %.3f on the device, %.3f on the CPU (tolerance 0.1)\n", passed ? "PASS" : "FAIL",
                  "stopped and resumed run", on_device, on_cpu);
    } catch (const std::exception& error) {
      ++failed;
      std::printf("FAIL %-28s %s\n", "stopped and resumed run", error.what());
    }
  }
  std::printf("%s\n", failed == 0 ? "all checks passed" : (std::to_string(failed) + " check(s) failed").c_str());
  return failed == 0 ? 0 : 1;
}
