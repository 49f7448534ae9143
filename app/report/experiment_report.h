#pragma once
// isl-report: the report of an experiment folder in <folder>/report/ (report.md, report.html,
// the tables as CSV, the precision plots as PNG, SVG and CSV).
#include <string>

namespace isl::report {

// Returns the path of report.md. Throws InputError naming the folder when it is not an
// experiment folder, or naming a file that cannot be read or written.
std::string write_experiment_report(const std::string& folder);

}  // namespace isl::report
