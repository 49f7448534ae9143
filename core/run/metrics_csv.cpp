#include "core/run/metrics_csv.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "core/run/run_files.h"

namespace isl {

namespace {

// RFC 4180, 2.6 and 2.7: such a field is enclosed in double quotes, and a double quote
// inside it is doubled.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

}  // namespace

void export_metrics_csv(const std::vector<MetricsRecord>& records, const std::string& path) {
  std::set<std::string> keys;
  for (const auto& record : records)
    for (const auto& [key, value] : record.values) keys.insert(key);
  std::string text = "kind,round,stage,epoch,global_epoch,seconds";
  for (const auto& key : keys) text += ',' + csv_field(key);
  text += '\n';
  for (const auto& r : records) {
    text += csv_field(r.kind) + ',' + std::to_string(r.round) + ',' + to_string(r.stage) + ',' +
            std::to_string(r.epoch) + ',' + std::to_string(r.global_epoch) + ',' + number(r.seconds);
    for (const auto& key : keys) {
      text += ',';
      const auto found = r.values.find(key);
      if (found != r.values.end() && std::isfinite(found->second)) text += number(found->second);
    }
    text += '\n';
  }
  write_file_atomically(path, text);
}

}  // namespace isl
