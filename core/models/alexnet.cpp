#include "core/models/alexnet.h"

#include "core/models/batch_norm.h"

namespace isl::models {

namespace nn = torch::nn;

namespace {

// Convolutions keep their bias in both variants (as in torchvision's AlexNet), also where a
// BatchNorm follows in the CIFAR variant: the bias is redundant there but harmless, and the
// parameter counts in tests/core/test_backbones.cpp include it.
nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding) {
  return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(true));
}

nn::Sequential cifar_features() {
  return nn::Sequential(
      conv(3, 64, 3, 1, 1), batch_norm_2d(64), nn::ReLU(nn::ReLUOptions(true)),
      nn::MaxPool2d(nn::MaxPool2dOptions(2)),  // 32 -> 16
      conv(64, 192, 3, 1, 1), batch_norm_2d(192), nn::ReLU(nn::ReLUOptions(true)),
      nn::MaxPool2d(nn::MaxPool2dOptions(2)),  // 16 -> 8
      conv(192, 384, 3, 1, 1), batch_norm_2d(384), nn::ReLU(nn::ReLUOptions(true)),
      conv(384, 256, 3, 1, 1), batch_norm_2d(256), nn::ReLU(nn::ReLUOptions(true)),
      conv(256, 256, 3, 1, 1), batch_norm_2d(256), nn::ReLU(nn::ReLUOptions(true)),
      nn::MaxPool2d(nn::MaxPool2dOptions(2)));  // 8 -> 4: 256 x 4 x 4
}

nn::Sequential cifar_head(int64_t feature_dim) {
  return nn::Sequential(
      nn::Linear(256 * 4 * 4, 1024), batch_norm_1d(1024), nn::ReLU(nn::ReLUOptions(true)),
      nn::Linear(1024, 1024), batch_norm_1d(1024), nn::ReLU(nn::ReLUOptions(true)),
      nn::Linear(1024, feature_dim));
}

nn::Sequential imagenet_features() {
  return nn::Sequential(
      conv(3, 64, 11, 4, 2), nn::ReLU(nn::ReLUOptions(true)),
      nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2)),  // 224 -> 55 -> 27
      conv(64, 192, 5, 1, 2), nn::ReLU(nn::ReLUOptions(true)),
      nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2)),  // 27 -> 13
      conv(192, 384, 3, 1, 1), nn::ReLU(nn::ReLUOptions(true)),
      conv(384, 256, 3, 1, 1), nn::ReLU(nn::ReLUOptions(true)),
      conv(256, 256, 3, 1, 1), nn::ReLU(nn::ReLUOptions(true)),
      nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2)),  // 13 -> 6
      nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions({6, 6})));  // 256 x 6 x 6
}

nn::Sequential imagenet_head(int64_t feature_dim) {
  return nn::Sequential(
      nn::Linear(256 * 6 * 6, 4096), nn::ReLU(nn::ReLUOptions(true)),
      nn::Linear(4096, 4096), nn::ReLU(nn::ReLUOptions(true)),
      nn::Linear(4096, feature_dim));
}

}  // namespace

AlexNetImpl::AlexNetImpl(bool imagenet_stem, int64_t feature_dim)
    : conv5_dim_(imagenet_stem ? 256 * 6 * 6 : 256 * 4 * 4) {
  features = register_module("features", imagenet_stem ? imagenet_features() : cifar_features());
  head = register_module("head", imagenet_stem ? imagenet_head(feature_dim) : cifar_head(feature_dim));
}

torch::Tensor AlexNetImpl::conv5(const torch::Tensor& images) {
  return features->forward(images).flatten(1);
}

torch::Tensor AlexNetImpl::embed(const torch::Tensor& conv5_features) {
  return nn::functional::normalize(head->forward(conv5_features),
                                   nn::functional::NormalizeFuncOptions().p(2).dim(1));
}

}  // namespace isl::models
