#pragma once
// A table of the report twice over: as CSV for other programs (fractions at full precision)
// and as the text a reader sees in report.md and report.html (percent, "mean ± deviation").
#include <string>
#include <vector>

namespace isl::report {

struct Table {
  std::string file;  // the CSV's name in the report folder, e.g. table1.csv
  std::vector<std::string> csv_header;
  std::vector<std::vector<std::string>> csv_rows;
  std::vector<std::string> shown_header;
  std::vector<std::vector<std::string>> shown_rows;
};

// The CSV text: fields with commas, quotes or line breaks are quoted.
std::string csv_text(const Table& table);

// A number as CSV writes it (shortest text that reads back the same); empty for none.
std::string csv_number(double value);

}  // namespace isl::report
