#pragma once
#include <torch/torch.h>

namespace isl::eval {

struct LinearProbeOptions {
  int64_t epochs = 30;
  int64_t batch = 256;
  double learning_rate = 0.1;
  double momentum = 0.9;
  double weight_decay = 5e-4;
  uint64_t seed = 0;
};

// A linear classifier (one fully connected layer, cross-entropy) trained on frozen features,
// e.g. the backbone's conv5 output. Features are standardised with the training set's
// statistics first. Returns test top-1 accuracy in [0, 1].
double linear_probe_top1(const torch::Tensor& train_features, const torch::Tensor& train_labels,
                         const torch::Tensor& test_features, const torch::Tensor& test_labels,
                         int64_t num_classes, const LinearProbeOptions& options);

}  // namespace isl::eval
