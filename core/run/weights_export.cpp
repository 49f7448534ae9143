#include "core/run/weights_export.h"

#include <torch/torch.h>

#include "core/input_error.h"
#include "core/models/backbone.h"
#include "core/run/config.h"
#include "core/run/run_files.h"

namespace isl {

namespace {

// The C++ modules keep their own names (stem, shortcut, head), because every checkpoint
// stores the backbone under them; the export speaks torchvision's, which is what Python code
// expects. The ImageNet AlexNet has no dropout, so its head's Linear layers 0, 2, 4 go where
// torchvision's classifier has them: 1, 4, 6 (Dropout, Linear, ReLU, Dropout, Linear, ReLU, Linear).
std::string torchvision_name(const std::string& name, const models::BackboneOptions& options) {
  using Prefixes = std::vector<std::pair<std::string, std::string>>;
  static const Prefixes cifar_alexnet{{"head.", "classifier."}};
  static const Prefixes imagenet_alexnet{{"head.0.", "classifier.1."}, {"head.2.", "classifier.4."},
                                         {"head.4.", "classifier.6."}};
  static const Prefixes resnet{{"stem.0.", "conv1."}, {"stem.1.", "bn1."}};
  const bool alexnet = options.arch == models::Arch::AlexNet;
  const Prefixes& prefixes = alexnet ? (options.imagenet_stem ? imagenet_alexnet : cifar_alexnet) : resnet;
  std::string renamed = name;
  for (const auto& [from, to] : prefixes)
    if (name.compare(0, from.size(), from) == 0) {
      renamed = to + name.substr(from.size());
      break;
    }
  const std::string shortcut = ".shortcut.";
  if (const size_t at = renamed.find(shortcut); !alexnet && at != std::string::npos)
    renamed.replace(at, shortcut.size(), ".downsample.");
  return renamed;
}

c10::Dict<std::string, torch::Tensor> backbone_state(const models::BackboneImpl& backbone,
                                                     const models::BackboneOptions& options) {
  c10::Dict<std::string, torch::Tensor> state;
  for (const auto& item : backbone.named_parameters())
    state.insert(torchvision_name(item.key(), options), item.value().detach().cpu());
  for (const auto& item : backbone.named_buffers())
    state.insert(torchvision_name(item.key(), options), item.value().detach().cpu());
  return state;
}

}  // namespace

void export_backbone_state(const models::BackboneImpl& backbone, const models::BackboneOptions& options,
                           const std::string& path) {
  const std::vector<char> bytes = torch::pickle_save(backbone_state(backbone, options));
  write_file_atomically(path, std::string(bytes.begin(), bytes.end()));
}

void export_backbone_weights(const std::string& run_directory, const std::string& path) {
  const Config config = read_config_file(run_files::config_path(run_directory));
  const models::BackboneOptions options{models::arch_from_string(config.arch), config.imagenet_stem,
                                        config.feature_dim};
  auto backbone = models::make_backbone(options);
  const std::string checkpoint = run_files::latest_checkpoint_path(run_directory);
  try {
    torch::serialize::InputArchive archive, weights;
    archive.load_from(checkpoint, torch::kCPU);
    archive.read("backbone", weights);
    backbone->load(weights);
  } catch (const c10::Error& error) {
    throw InputError(checkpoint, std::string("holds no readable backbone (") + error.what_without_backtrace() + ")");
  }
  export_backbone_state(*backbone, options, path);
}

}  // namespace isl
