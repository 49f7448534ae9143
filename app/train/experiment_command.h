#pragma once
#include <string>

namespace isl::cli {

// isl-train experiment FILE --out FOLDER: the runs of the experiment one after another (a
// finished run is kept, a begun one continues from its checkpoint), then FOLDER/summary.csv
// and a table of the means and deviations over the seeds, then the report (isl-report) where
// it is built. FOLDER/experiment.json keeps a copy of the description. Returns the exit status.
int run_experiment(const std::string& description, const std::string& folder);

}  // namespace isl::cli
