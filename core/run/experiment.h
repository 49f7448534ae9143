#pragma once
// An experiment: methods x seeds on one schedule, each an ordinary run directory, described by
// one JSON file:
//   {"methods": ["isl", "instance", {"name": "isl_no_hpe", "settings": {"hpe_weight": 0}}],
//    "seeds": [1, 2, 3], "settings": {any config.json keys}, "linear_probe": true}
// A method given by name alone is that method; an object's name labels its runs, and its
// settings apply over the experiment's (the method itself comes from them, from the
// experiment's settings, or is the name where the name is a method).
#include <optional>
#include <string>
#include <vector>

#include "core/run/config.h"

namespace isl {

struct ExperimentRun {
  std::string label;      // the method's name in the experiment, e.g. isl_no_hpe
  uint64_t seed = 0;
  Config config;
  std::string directory;  // <experiment folder>/<label>-seed<seed>
};

struct Experiment {
  std::vector<std::string> labels;  // in the description's order
  std::vector<uint64_t> seeds;
  std::vector<ExperimentRun> runs;  // every label with every seed, label-major
  bool linear_probe = false;        // each run ends with a linear probe
};

// Throws InputError naming the file and the problem (a key, a method, a setting).
Experiment read_experiment(const std::string& description_path, const std::string& folder);

// <folder>/experiment.json: the copy of its description that an experiment folder keeps.
std::string experiment_description_path(const std::string& folder);

// What a run of an experiment has reached, read from its folder.
struct ExperimentResult {
  const ExperimentRun* run = nullptr;
  bool finished = false;
  std::optional<double> knn_final;  // weighted kNN on features recomputed without augmentation
  std::optional<double> linear_top1;
  std::optional<double> precision_isl;        // the latest evaluation's, ISL sets
  std::optional<double> precision_euclidean;  // Euclidean sets of the same sizes
};
std::vector<ExperimentResult> read_experiment_results(const Experiment& experiment);

// Mean and sample standard deviation over the seeds of one method; nullopt without values.
struct Spread {
  double mean = 0;
  double deviation = 0;  // 0 with a single value
  int count = 0;
};
std::optional<Spread> spread(const std::vector<double>& values);

// summary.csv: a row per run, then a row per method with mean and deviation, then the paired
// differences (each method minus the first, seed by seed) with their mean and deviation.
void write_experiment_summary(const Experiment& experiment, const std::vector<ExperimentResult>& results,
                              const std::string& path);

}  // namespace isl
