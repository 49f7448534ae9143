#pragma once
// What the report shows of an experiment folder, read once: the description, each run's
// final figures, its precision evaluations and the statistics of its positive sets.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/run/experiment.h"
#include "core/run/set_statistics.h"

namespace isl::report {

struct RunFigures {
  ExperimentRun run;
  bool present = false;   // the run's folder has metrics
  bool finished = false;
  std::optional<double> knn_final;    // weighted kNN on recomputed features
  std::optional<double> linear_top1;  // linear probe
  // The finite values of the newest evaluation record (precision_isl_at_10, ...).
  std::map<std::string, double> last_evaluation;
  // Each precision metric per backbone epoch: the newest finite value recorded at that epoch.
  std::map<std::string, std::map<int, double>> precision_by_epoch;
  std::optional<SnapshotSetStatistics> sets;
};

struct ExperimentFigures {
  std::string folder;
  Experiment experiment;
  std::vector<RunFigures> runs;  // in the experiment's order, label-major
};

// Throws InputError naming the folder when it is not an experiment folder (no
// experiment.json, or none of its runs there) and naming any file that cannot be read.
ExperimentFigures read_experiment_figures(const std::string& folder);

// The runs of `label`, in seed order.
std::vector<const RunFigures*> runs_of(const ExperimentFigures& figures, const std::string& label);
// The run of `label` with `seed`; null when the experiment has none.
const RunFigures* run_of(const ExperimentFigures& figures, const std::string& label, uint64_t seed);

}  // namespace isl::report
