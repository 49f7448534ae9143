#include "core/run/weights_export.h"

#include <torch/torch.h>

#include "core/input_error.h"
#include "core/models/backbone.h"
#include "core/run/config.h"
#include "core/run/run_files.h"

namespace isl {

void export_backbone_weights(const std::string& run_directory, const std::string& path) {
  const Config config = read_config_file(run_files::config_path(run_directory));
  auto backbone = models::make_backbone({models::arch_from_string(config.arch), config.imagenet_stem, config.feature_dim});
  const std::string checkpoint = run_files::latest_checkpoint_path(run_directory);
  try {
    torch::serialize::InputArchive archive, weights;
    archive.load_from(checkpoint, torch::kCPU);
    archive.read("backbone", weights);
    backbone->load(weights);
  } catch (const c10::Error& error) {
    throw InputError(checkpoint, std::string("holds no readable backbone (") + error.what_without_backtrace() + ")");
  }
  c10::Dict<std::string, torch::Tensor> state;
  for (const auto& item : backbone->named_parameters()) state.insert(item.key(), item.value().detach().cpu());
  for (const auto& item : backbone->named_buffers()) state.insert(item.key(), item.value().detach().cpu());
  const std::vector<char> bytes = torch::pickle_save(state);
  write_file_atomically(path, std::string(bytes.begin(), bytes.end()));
}

}  // namespace isl
