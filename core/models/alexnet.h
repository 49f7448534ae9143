#pragma once
#include <torch/torch.h>

#include "core/models/backbone.h"

namespace isl::models {

// AlexNet in two sizes.
//
// CIFAR (32x32 input): five 3x3 convs with BatchNorm, three 2x2 max-pools, so conv5 is
// 256 x 4 x 4 = 4096 values; then Linear(4096,1024)-BN-ReLU, Linear(1024,1024)-BN-ReLU,
// Linear(1024,D), L2 normalisation.
//
// ImageNet (224x224 input): the torchvision AlexNet features (no BatchNorm, as in the
// original network) and a 6x6 adaptive average pool, so conv5 is 256 x 6 x 6 = 9216 values;
// then Linear(9216,4096)-ReLU, Linear(4096,4096)-ReLU, Linear(4096,D), L2 normalisation.
// No dropout: the embedding head is trained by the instance-similarity loss, not by a
// classifier, and leaving it out keeps train and eval features the same function.
struct AlexNetImpl : BackboneImpl {
  AlexNetImpl(bool imagenet_stem, int64_t feature_dim);

  torch::Tensor conv5(const torch::Tensor& images) override;
  torch::Tensor embed(const torch::Tensor& conv5_features) override;
  int64_t conv5_dim() const override { return conv5_dim_; }

  torch::nn::Sequential features{nullptr};  // images -> conv5 maps (pooled)
  torch::nn::Sequential head{nullptr};      // flattened conv5 -> D (before normalisation)

 private:
  int64_t conv5_dim_ = 0;
};
TORCH_MODULE(AlexNet);

}  // namespace isl::models
