#include "report_table.h"

#include <charconv>
#include <sstream>

namespace isl::report {

namespace {

std::string csv_field(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string quoted = "\"";
  for (char c : field) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void append_row(std::ostringstream& out, const std::vector<std::string>& row) {
  for (size_t k = 0; k < row.size(); ++k) out << (k ? "," : "") << csv_field(row[k]);
  out << '\n';
}

}  // namespace

std::string csv_text(const Table& table) {
  std::ostringstream out;
  append_row(out, table.csv_header);
  for (const auto& row : table.csv_rows) append_row(out, row);
  return out.str();
}

std::string csv_number(double value) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return std::string(text, end);
}

}  // namespace isl::report
