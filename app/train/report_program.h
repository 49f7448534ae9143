#pragma once
#include <string>

namespace isl::cli {

// Runs the report program isl-report on an experiment folder when it sits beside this
// executable (a build with Qt makes it; the engine-only build does not), else says how to
// make the report. Returns isl-report's exit status, or 0 when there is none to run.
int make_experiment_report(const std::string& folder);

}  // namespace isl::cli
