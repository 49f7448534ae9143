#pragma once
#include <string>

namespace isl {

// Writes the backbone of the run in `run_directory` (its latest checkpoint) as a state dict
// that Python opens with `torch.load(path)`: a dict from parameter and buffer names
// ("features.0.weight", "layer1.0.bn1.running_mean", ...) to CPU float tensors. Throws
// InputError naming the checkpoint or the output file.
void export_backbone_weights(const std::string& run_directory, const std::string& path);

}  // namespace isl
