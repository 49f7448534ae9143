#pragma once
#include <string>

namespace isl::models {
struct BackboneImpl;
struct BackboneOptions;
}  // namespace isl::models

namespace isl {

// Writes a backbone as a state dict that Python opens with `torch.load(path)`: its parameters
// and BatchNorm buffers (running_mean, running_var as float, num_batches_tracked as int64, as
// PyTorch keeps them) as CPU tensors under torchvision's names ("conv1.weight",
// "layer1.0.downsample.0.weight", "classifier.1.bias", ...). It loads with
// load_state_dict(strict=True) into tools/isl_models.py's networks, and into torchvision's
// resnet18/resnet50 (with the CIFAR stem swapped in where the backbone has it) and alexnet
// (ImageNet stem) built with num_classes = feature_dim. Throws InputError naming the file.
void export_backbone_state(const models::BackboneImpl& backbone, const models::BackboneOptions& options,
                           const std::string& path);

// The same for the backbone of the run in `run_directory` (its latest checkpoint). Throws
// InputError naming the checkpoint or the output file.
void export_backbone_weights(const std::string& run_directory, const std::string& path);

}  // namespace isl
