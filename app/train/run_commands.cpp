#include "run_commands.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/input_error.h"
#include "core/run/metrics_csv.h"
#include "core/run/projector_export.h"
#include "core/run/run_files.h"
#include "core/run/run_info.h"
#include "core/run/tensorboard_events.h"
#include "core/run/trainer.h"
#include "core/run/weights_export.h"
#include "progress_bar.h"

namespace isl::cli {

namespace {

std::string percent(const std::map<std::string, double>& values, const std::string& key) {
  auto found = values.find(key);
  if (found == values.end() || !std::isfinite(found->second)) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", 100 * found->second);
  return text;
}

// Runs `command`, turning an InputError into its message and exit status 2.
template <class Command>
int reporting_input_errors(Command&& command) {
  try {
    return command();
  } catch (const InputError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 2;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 1;
  }
}

std::string position_text(const RunInfo& info) {
  char text[160];
  if (info.stage == Stage::Finished) return "finished";
  const int cap = info.stage == Stage::Backbone ? info.config.backbone_epochs
                  : info.stage == Stage::Gan    ? info.config.gan_epochs
                                                : info.config.mining_epochs;
  std::snprintf(text, sizeof text, "round %d of %d, %s epoch %d of %s%d%s", info.round + 1, info.config.rounds,
                to_string(info.stage).c_str(), info.epoch + 1, info.stage == Stage::Backbone ? "" : "at most ", cap,
                info.iteration > 0 ? (", after batch " + std::to_string(info.iteration)).c_str() : "");
  return text;
}

// The folder a file is to be written in, made when missing, as the folder parts already are.
void make_parent_directory(const std::string& file) {
  const auto parent = std::filesystem::path(file).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error) throw InputError(parent.string(), "cannot be created (" + error.message() + ")");
}

}  // namespace

int evaluate_run(const std::string& run_directory, bool linear_probe) {
  return reporting_input_errors([&] {
    ProgressPrinter printer(stderr);
    auto trainer = Trainer::resume(run_directory);
    trainer->add_observer(&printer);
    const auto values = trainer->evaluate_now();
    std::printf("kNN top-1, memory bank          %s\n", percent(values, "knn_top1").c_str());
    std::printf("kNN top-1, recomputed features  %s\n", percent(values, "knn_top1_recomputed").c_str());
    std::printf("positive-set precision          ISL %s vs Euclidean %s\n", percent(values, "precision_isl").c_str(),
                percent(values, "precision_euclidean").c_str());
    std::printf("mined pairs                     %.0f\n", values.at("mined_pairs"));
    if (linear_probe) std::printf("linear probe top-1              %.1f%%\n", 100 * trainer->run_linear_probe());
    return 0;
  });
}

int export_run(const std::string& run_directory, const ExportRequest& request) {
  return reporting_input_errors([&] {
    for (const auto* file : {&request.weights, &request.metrics_csv})
      if (!file->empty()) make_parent_directory(*file);
    if (!request.weights.empty()) {
      export_backbone_weights(run_directory, request.weights);
      std::printf("backbone weights: %s\n", request.weights.c_str());
    }
    if (!request.embeddings.empty()) {
      ProjectorOptions options;
      options.recomputed_features = request.recomputed_features;
      options.sprite = !request.no_sprite;
      export_projector(run_directory, request.embeddings, options);
      std::printf("projector files (%s): %s\n", request.recomputed_features ? "recomputed features" : "memory bank",
                  request.embeddings.c_str());
    }
    if (!request.metrics_csv.empty() || !request.tensorboard.empty()) {
      const auto records = read_metrics_file(run_files::metrics_path(run_directory));
      if (!request.metrics_csv.empty()) {
        export_metrics_csv(records, request.metrics_csv);
        std::printf("metrics as CSV: %s\n", request.metrics_csv.c_str());
      }
      if (!request.tensorboard.empty())
        std::printf("TensorBoard event file: %s\n", export_tensorboard_scalars(records, request.tensorboard).c_str());
    }
    return 0;
  });
}

int print_run_info(const std::string& run_directory) {
  return reporting_input_errors([&] {
    const RunInfo info = read_run_info(run_directory);
    const Config& c = info.config;
    std::printf("Run %s\n", run_directory.c_str());
    std::printf("  %s with %s (D = %lld) on %s%s\n", c.method.c_str(), c.arch.c_str(), (long long)c.feature_dim,
                c.data_kind.c_str(), c.data_path.empty() ? " (built-in digits)" : (" in " + c.data_path).c_str());
    std::printf("  %s%s\n", position_text(info).c_str(), info.in_use ? "; training now in another process" : "");
    std::printf("  trained for %s; %d backbone epochs in all; learning rate %.3g; %zu snapshots\n",
                format_duration(info.seconds).c_str(), info.global_epoch, info.learning_rate, info.snapshots);
    if (const auto* eval = latest_record(info.records, "eval"))
      std::printf("  latest evaluation (round %d, %s epoch %d): kNN top-1 %s, positive-set precision ISL %s vs "
                  "Euclidean %s, mined pairs %.0f\n",
                  eval->round + 1, to_string(eval->stage).c_str(), eval->epoch, percent(eval->values, "knn_top1").c_str(),
                  percent(eval->values, "precision_isl").c_str(), percent(eval->values, "precision_euclidean").c_str(),
                  eval->values.count("mined_pairs") ? eval->values.at("mined_pairs") : NAN);
    if (const auto* final_record = latest_record(info.records, "final"))
      std::printf("  final kNN top-1 (recomputed features): %s\n", percent(final_record->values, "knn_top1_final").c_str());
    if (const auto* probe = latest_record(info.records, "probe"))
      std::printf("  linear probe top-1: %s\n", percent(probe->values, "linear_top1").c_str());
    std::printf("Settings (* differs from the default):\n");
    std::vector<nlohmann::json> defaults;
    const Config default_settings;
    for_each_field(default_settings, [&](const auto& value, const ConfigField&) { defaults.emplace_back(value); });
    size_t index = 0;
    for_each_field(c, [&](const auto& value, const ConfigField& field) {
      const nlohmann::json shown(value);
      std::printf("  %c %-28s %s\n", shown == defaults[index++] ? ' ' : '*', field.name, shown.dump().c_str());
    });
    return 0;
  });
}

}  // namespace isl::cli
