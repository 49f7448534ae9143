#pragma once
#include <torch/torch.h>

#include <string>

namespace isl::models {

enum class Arch { AlexNet, ResNet18, ResNet50 };
std::string to_string(Arch arch);               // alexnet, resnet18, resnet50
Arch arch_from_string(const std::string& name);  // throws isl::InputError

struct BackboneOptions {
  Arch arch = Arch::AlexNet;
  bool imagenet_stem = false;  // 224-pixel input stems instead of the CIFAR 32-pixel ones
  int64_t feature_dim = 128;   // D
};

// The network that maps images to L2-normalised D-dimensional features.
// forward(x) == embed(conv5(x)); conv5() gives the flattened features the linear probe uses.
struct BackboneImpl : torch::nn::Module {
  virtual torch::Tensor conv5(const torch::Tensor& images) = 0;  // [B, conv5_dim()]
  virtual torch::Tensor embed(const torch::Tensor& conv5_features) = 0;  // [B, D], unit rows
  virtual int64_t conv5_dim() const = 0;
  torch::Tensor forward(const torch::Tensor& images) { return embed(conv5(images)); }
};

std::shared_ptr<BackboneImpl> make_backbone(const BackboneOptions& options);

// Square side of the images a backbone expects: 32, or 224 with the ImageNet stem.
int input_size(const BackboneOptions& options);

}  // namespace isl::models
