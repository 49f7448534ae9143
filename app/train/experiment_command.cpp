#include "experiment_command.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/input_error.h"
#include "core/run/experiment.h"
#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "progress_bar.h"
#include "report_program.h"
#include "stop_signal.h"
#include "terminal_run.h"

namespace isl::cli {

namespace {

std::string spread_text(const std::vector<ExperimentResult>& results, const std::string& label,
                        std::optional<double> ExperimentResult::*figure) {
  std::vector<double> values;
  for (const auto& result : results)
    if (result.run->label == label && result.*figure) values.push_back(100 * *(result.*figure));
  const auto s = spread(values);
  if (!s) return "-";
  char text[48];
  std::snprintf(text, sizeof text, "%.1f +- %.1f (%d)", s->mean, s->deviation, s->count);
  return text;
}

bool is_done(const ExperimentResult& result, bool linear_probe) {
  return result.finished && (!linear_probe || result.linear_top1);
}

void print_table(const Experiment& experiment, const std::vector<ExperimentResult>& results) {
  std::printf("%-16s %-22s %-22s %-22s %-22s\n", "method", "kNN top-1 (final) %", "linear probe %",
              "precision ISL %", "precision Euclidean %");
  for (const auto& label : experiment.labels)
    std::printf("%-16s %-22s %-22s %-22s %-22s\n", label.c_str(),
                spread_text(results, label, &ExperimentResult::knn_final).c_str(),
                spread_text(results, label, &ExperimentResult::linear_top1).c_str(),
                spread_text(results, label, &ExperimentResult::precision_isl).c_str(),
                spread_text(results, label, &ExperimentResult::precision_euclidean).c_str());
  std::printf("(mean +- standard deviation over the seeds, with their count)\n");
}

}  // namespace

int run_experiment(const std::string& description, const std::string& folder) {
  try {
    const Experiment experiment = read_experiment(description, folder);
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw InputError(folder, "cannot be created (" + error.message() + ")");
    // The folder keeps the description its runs follow, for isl-report and for a later look.
    write_file_atomically(experiment_description_path(folder), read_whole_file(description));
    auto results = read_experiment_results(experiment);
    for (size_t k = 0; k < experiment.runs.size(); ++k) {
      const ExperimentRun& run = experiment.runs[k];
      std::fprintf(stderr, "\n== run %zu of %zu: %s, seed %llu -> %s\n", k + 1, experiment.runs.size(),
                   run.label.c_str(), static_cast<unsigned long long>(run.seed), run.directory.c_str());
      if (is_done(results[k], experiment.linear_probe)) {
        std::fprintf(stderr, "finished before; kept\n");
        continue;
      }
      if (StopSignal::install().requested()) return kStopped;
      // A begun run continues under the description's settings where its saved state allows.
      auto trainer = std::filesystem::exists(run_files::config_path(run.directory))
                         ? Trainer::resume(run.directory, run.config)
                         : std::make_unique<Trainer>(run.config, run.directory);
      ProgressPrinter printer(stderr);
      const ExitStatus status = train_in_terminal(*trainer, printer);
      if (status != kFinished) {
        std::fprintf(stderr, "The experiment stopped at %s; the same command continues it.\n", run.directory.c_str());
        return status;
      }
      if (experiment.linear_probe && !results[k].linear_top1) trainer->run_linear_probe();
    }
    results = read_experiment_results(experiment);
    const std::string summary = (std::filesystem::path(folder) / "summary.csv").string();
    write_experiment_summary(experiment, results, summary);
    print_table(experiment, results);
    std::printf("summary: %s\n", summary.c_str());
    return make_experiment_report(folder) == 0 ? kFinished : kFailed;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return dynamic_cast<const InputError*>(&error) ? kBadInput : kFailed;
  }
}

}  // namespace isl::cli
