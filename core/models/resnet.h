#pragma once
#include <torch/torch.h>

#include <vector>

#include "core/models/backbone.h"
#include "core/models/batch_norm.h"

namespace isl::models {

// The 1x1 convolution + BatchNorm on the skip path of a block whose output shape differs from
// its input (stride 2, or a channel count change). Empty where the identity is used.
torch::nn::Sequential make_shortcut(int64_t in_channels, int64_t out_channels, int64_t stride);

// Two 3x3 convolutions (ResNet18/34). Output channels = planes.
struct BasicBlockImpl : torch::nn::Module {
  static constexpr int64_t expansion = 1;
  BasicBlockImpl(int64_t in_channels, int64_t planes, int64_t stride);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
  BatchNorm bn1{nullptr}, bn2{nullptr};
  torch::nn::Sequential shortcut{nullptr};  // empty: identity
};
TORCH_MODULE(BasicBlock);

// 1x1 reduce, 3x3 (carries the stride, as in torchvision's "ResNet v1.5"), 1x1 expand
// (ResNet50 and up). Output channels = 4 * planes.
struct BottleneckImpl : torch::nn::Module {
  static constexpr int64_t expansion = 4;
  BottleneckImpl(int64_t in_channels, int64_t planes, int64_t stride);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
  BatchNorm bn1{nullptr}, bn2{nullptr}, bn3{nullptr};
  torch::nn::Sequential shortcut{nullptr};  // empty: identity
};
TORCH_MODULE(Bottleneck);

// ResNet with stages of widths 64/128/256/512 and strides 1/2/2/2, global average pooling
// ("conv5", 512 or 2048 values), Linear to D and L2 normalisation.
// CIFAR stem: 3x3 stride-1 conv + BN + ReLU, no max-pool (32x32 input, 4x4 maps at the end).
// ImageNet stem: 7x7 stride-2 conv + BN + ReLU + 3x3 stride-2 max-pool (224 input, 7x7 maps).
struct ResNetImpl : BackboneImpl {
  enum class Block { Basic, Bottleneck };
  ResNetImpl(Block block, std::vector<int64_t> blocks_per_stage, bool imagenet_stem,
             int64_t feature_dim);

  torch::Tensor conv5(const torch::Tensor& images) override;
  torch::Tensor embed(const torch::Tensor& conv5_features) override;
  int64_t conv5_dim() const override { return conv5_dim_; }

  torch::nn::Sequential stem{nullptr};
  torch::nn::Sequential layer1{nullptr}, layer2{nullptr}, layer3{nullptr}, layer4{nullptr};
  torch::nn::Linear fc{nullptr};

 private:
  int64_t conv5_dim_ = 0;
};
TORCH_MODULE(ResNet);

ResNet resnet18(bool imagenet_stem, int64_t feature_dim);  // BasicBlock [2,2,2,2]
ResNet resnet50(bool imagenet_stem, int64_t feature_dim);  // Bottleneck [3,4,6,3]

}  // namespace isl::models
