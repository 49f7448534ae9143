#pragma once
// isl-train's subcommands on a run directory that is not training: evaluate, export, info.
// Each returns the process's exit status and prints what went wrong on stderr.
#include <string>

namespace isl::cli {

// kNN of the memory bank and of recomputed features, set precision and, optionally, a
// linear probe, appended to the run's metrics.
int evaluate_run(const std::string& run_directory, bool linear_probe);

struct ExportRequest {
  std::string weights;      // backbone state dict for Python
  std::string embeddings;   // TensorBoard projector folder
  bool recomputed_features = false;  // in the projector: features without augmentation, not the memory bank
  bool no_sprite = false;            // in the projector: no sprite.png
  std::string metrics_csv;  // metrics as CSV
  std::string tensorboard;  // folder of a TensorBoard event file of the metrics
  bool empty() const { return weights.empty() && embeddings.empty() && metrics_csv.empty() && tensorboard.empty(); }
};
int export_run(const std::string& run_directory, const ExportRequest& request);

// Settings, where the run stands and its latest figures.
int print_run_info(const std::string& run_directory);

}  // namespace isl::cli
