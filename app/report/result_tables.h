#pragma once
// The report's tables: final accuracy per method (the paper's Table 1), paired differences
// against the first method, and the statistics of the mined positive sets.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/run/experiment.h"
#include "experiment_figures.h"
#include "report_table.h"

namespace isl::report {

// A final figure of a run, as the tables name it.
struct FinalFigure {
  std::string key;    // the metric: knn_top1_final, linear_top1
  std::string title;  // what a reader sees
  std::optional<double> RunFigures::*value;
};
const std::vector<FinalFigure>& final_figures();

// Whether a paired difference stands out of the seed-to-seed spread, by a rough guide:
// |mean| > 2 sd / sqrt(n) with n >= 2 seeds (about a 95% interval of the mean that excludes 0).
enum class PairedVerdict { NotEnoughSeeds, WithinSpread, BeyondSpread };
PairedVerdict paired_verdict(const std::optional<Spread>& differences);
std::string to_string(PairedVerdict verdict);

// A method minus the first method on one figure, seed by seed.
struct PairedDifference {
  std::string label;  // the method
  std::string first;  // the method it is compared with
  FinalFigure figure;
  std::vector<std::pair<uint64_t, double>> by_seed;  // seeds where both runs have the figure
  std::optional<Spread> spread;
  PairedVerdict verdict = PairedVerdict::NotEnoughSeeds;
};
std::vector<PairedDifference> paired_differences(const ExperimentFigures& figures);

Table final_accuracy_table(const ExperimentFigures& figures);            // table1.csv
Table paired_difference_table(const ExperimentFigures& figures);         // paired_differences.csv
Table paired_summary_table(const ExperimentFigures& figures);            // paired_summary.csv
Table set_statistics_run_table(const ExperimentFigures& figures);        // set_statistics_runs.csv
Table set_statistics_table(const ExperimentFigures& figures);            // set_statistics.csv

// "72.31 ± 1.20 (3)": a spread of fractions in percent, with the count; "–" without values.
std::string percent_spread_text(const std::optional<Spread>& spread);
// The same for a difference, signed: "+3.00 ± 1.20 (3)".
std::string paired_spread_text(const std::optional<Spread>& spread);

}  // namespace isl::report
