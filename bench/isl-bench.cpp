// isl-bench: how long each stage's batch takes, against bare references on the same batch.
// Prints one JSON object per line. The stages are the trainer's own batch loop
// (Trainer::Impl::run_batches in core/run/trainer_stages.cpp), fed by its PrefetchLoader with
// augmentation, on the built-in MNIST digits (8000 training images); see bench/stage_bench.cpp.
//
//   isl-bench [--arch alexnet|resnet18] [--precision fp32|bf16|both] [--iters 10] [--warmup 2]
//             [--block 4] [--variants]
//
// Targets: backbone step <= 1.05 x bare_step; GAN and mining iterations <= 1.10 x
// (bare_forward_optimised + the two small networks: gan_nets_step for GAN, gan_nets_forward
// for mining). Each stage runs alternately with its reference on the fixed batch, and its
// ratio_to_bare is the ratio of the two medians (see measure_interleaved); the GAN and mining
// stages are timed over --block consecutive batches, as they overlap one batch's forward with
// the previous batch's work.
#include <CLI/CLI.hpp>

#include <iostream>
#include <vector>

#include "bench_timing.h"
#include "core/models/backbone.h"
#include "core/run/compute_device.h"
#include "stage_bench.h"

int main(int argc, char** argv) {
  using namespace isl::bench;
  CLI::App app{"isl-bench: time per batch of each training stage against bare references"};
  std::string arch_name, precision = "both";
  BenchSettings settings;
  settings.data_path = ISL_BUILT_IN_DATA;
  bool variants = false;
  app.add_option("--arch", arch_name, "only this backbone")->check(CLI::IsMember({"alexnet", "resnet18", "resnet50"}));
  app.add_option("--precision", precision, "fp32, bf16 or both")->check(CLI::IsMember({"fp32", "bf16", "both"}));
  app.add_option("--iters", settings.iters, "timed iterations per stage")->check(CLI::PositiveNumber);
  app.add_option("--warmup", settings.warmup, "untimed iterations before them")->check(CLI::NonNegativeNumber);
  app.add_option("--block", settings.block, "consecutive GAN or mining batches per timed iteration")
      ->check(CLI::PositiveNumber);
  app.add_option("--data", settings.data_path, "MNIST folder");
  app.add_flag("--variants", variants, "time FrozenBackbone's settings one at a time instead of the stages");
  CLI11_PARSE(app, argc, argv);

  try {
    const std::vector<std::string> archs =
        arch_name.empty() ? std::vector<std::string>{"alexnet", "resnet18"} : std::vector<std::string>{arch_name};
    std::vector<bool> precisions;
    if (precision != "bf16") precisions.push_back(false);
    if (precision != "fp32") precisions.push_back(true);
    if (precisions.back() && !isl::cpu_has_bf16_units())
      std::cerr << "isl-bench: this CPU has no bf16 units; bf16 runs emulated\n";

    for (const auto& arch : archs) {
      settings.arch = arch;
      std::map<bool, std::map<std::string, double>> ms;
      for (bool bf16 : precisions) {
        settings.bf16 = bf16;
        if (variants) bench_forward_variants(settings);
        else ms[bf16] = bench_stages(settings);
      }
      if (!variants && precisions.size() == 2) {
        json line;
        line["arch"] = arch;
        line["stage"] = "bf16_vs_fp32";
        line["precision"] = "bf16/fp32";
        for (const char* stage : {"backbone", "bare_step", "bare_forward", "bare_forward_optimised"})
          line[std::string(stage) + "_ms_ratio"] = round3(ms[true].at(stage) / ms[false].at(stage));
        std::cout << line.dump() << std::endl;
      }
    }
  } catch (const std::exception& error) {
    std::cerr << "isl-bench: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
