#include "core/models/backbone.h"

#include <algorithm>
#include <cctype>

#include "core/input_error.h"
#include "core/models/alexnet.h"
#include "core/models/resnet.h"

namespace isl::models {

std::string to_string(Arch arch) {
  switch (arch) {
    case Arch::AlexNet: return "alexnet";
    case Arch::ResNet18: return "resnet18";
    case Arch::ResNet50: return "resnet50";
  }
  throw std::logic_error("to_string: invalid Arch value");
}

// Names are matched without regard to case ("ResNet18" is accepted).
Arch arch_from_string(const std::string& name) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  for (Arch arch : {Arch::AlexNet, Arch::ResNet18, Arch::ResNet50})
    if (lower == to_string(arch)) return arch;
  throw InputError("--arch", "unknown architecture '" + name + "'; allowed: alexnet, resnet18, resnet50");
}

std::shared_ptr<BackboneImpl> make_backbone(const BackboneOptions& options) {
  if (options.feature_dim < 1)
    throw InputError("--feature-dim", "must be at least 1, got " + std::to_string(options.feature_dim));
  switch (options.arch) {
    case Arch::AlexNet: return AlexNet(options.imagenet_stem, options.feature_dim).ptr();
    case Arch::ResNet18: return resnet18(options.imagenet_stem, options.feature_dim).ptr();
    case Arch::ResNet50: return resnet50(options.imagenet_stem, options.feature_dim).ptr();
  }
  throw std::logic_error("make_backbone: invalid Arch value");
}

int input_size(const BackboneOptions& options) { return options.imagenet_stem ? 224 : 32; }

}  // namespace isl::models
