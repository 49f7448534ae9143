#pragma once
#include <torch/torch.h>

namespace isl {

// One stored feature per training image (paper eq. 8). The loss reads it as a constant;
// only update() changes it, after each backbone step.
class MemoryBank {
 public:
  // Entries uniform in [-s, s], s = 1 / sqrt(dim / 3), so each row starts with about unit norm.
  MemoryBank(int64_t size, int64_t dim, uint64_t seed);
  explicit MemoryBank(torch::Tensor features);

  const torch::Tensor& features() const { return features_; }
  int64_t size() const { return features_.size(0); }
  int64_t dim() const { return features_.size(1); }

  // M_i <- normalise(momentum * M_i + (1 - momentum) * f_i) for each i in `indices`.
  void update(const torch::Tensor& indices, const torch::Tensor& batch_features, double momentum);

  // For checkpoints and device moves.
  void assign(torch::Tensor features);

 private:
  torch::Tensor features_;  // [N, D] float32, no grad
};

}  // namespace isl
