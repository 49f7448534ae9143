#include "experiment_figures.h"

#include <cmath>
#include <filesystem>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "core/run/run_info.h"

namespace isl::report {

namespace {

bool is_precision(const std::string& key) { return key.rfind("precision_", 0) == 0; }

}  // namespace

ExperimentFigures read_experiment_figures(const std::string& folder) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(folder)) throw InputError(folder, "is not a folder");
  const std::string description = experiment_description_path(folder);
  if (!fs::exists(description))
    throw InputError(folder, "is not an experiment folder: it has no experiment.json (`isl-train experiment FILE --out " +
                                 folder + "` writes it)");
  ExperimentFigures figures;
  figures.folder = folder;
  figures.experiment = read_experiment(description, folder);
  const auto results = read_experiment_results(figures.experiment);
  for (size_t k = 0; k < results.size(); ++k) {
    RunFigures run;
    run.run = figures.experiment.runs[k];
    const std::string metrics = run_files::metrics_path(run.run.directory);
    run.present = fs::exists(metrics);
    run.finished = results[k].finished;
    run.knn_final = results[k].knn_final;
    run.linear_top1 = results[k].linear_top1;
    if (run.present) {
      const auto records = read_metrics_file(metrics);
      if (const MetricsRecord* newest = latest_record(records, "eval"))
        for (const auto& [key, value] : newest->values)
          if (std::isfinite(value)) run.last_evaluation[key] = value;
      for (const auto& record : records)
        if (record.kind == "eval")
          for (const auto& [key, value] : record.values)
            if (is_precision(key) && std::isfinite(value)) run.precision_by_epoch[key][record.global_epoch] = value;
      run.sets = latest_set_statistics(run.run.directory);
    }
    figures.runs.push_back(std::move(run));
  }
  bool any = false;
  for (const auto& run : figures.runs) any = any || run.present;
  if (!any)
    throw InputError(folder, "holds none of its experiment's runs (no " +
                                 run_files::metrics_path(figures.experiment.runs.front().directory) +
                                 "); `isl-train experiment FILE --out " + folder + "` trains them");
  return figures;
}

std::vector<const RunFigures*> runs_of(const ExperimentFigures& figures, const std::string& label) {
  std::vector<const RunFigures*> runs;
  for (uint64_t seed : figures.experiment.seeds)
    if (const RunFigures* run = run_of(figures, label, seed)) runs.push_back(run);
  return runs;
}

const RunFigures* run_of(const ExperimentFigures& figures, const std::string& label, uint64_t seed) {
  for (const auto& run : figures.runs)
    if (run.run.label == label && run.run.seed == seed) return &run;
  return nullptr;
}

}  // namespace isl::report
