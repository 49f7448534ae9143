#pragma once
// isl-bench's measurements for one backbone at one precision.
#include <map>
#include <string>

namespace isl::bench {

struct BenchSettings {
  std::string data_path;  // the MNIST IDX folder
  std::string arch;       // alexnet, resnet18, ...
  bool bf16 = false;
  int iters = 10;
  int warmup = 2;
  int block = 4;  // consecutive batches per timed iteration of the GAN and mining stages
};

// Prints one JSON line per measurement: the bare references, the parts, and the stages as the
// trainer runs them. Returns the mean milliseconds of each stored stage by name.
std::map<std::string, double> bench_stages(const BenchSettings& settings);

// Prints one JSON line per FrozenBackbone setting, each on the same fixed batch.
void bench_forward_variants(const BenchSettings& settings);

}  // namespace isl::bench
