#include "core/run/metrics_log.h"

#include <sstream>

#include "core/input_error.h"
#include "core/run/run_files.h"

namespace isl {

MetricsLog::MetricsLog(std::string path) : path_(std::move(path)) {}

void MetricsLog::restore(size_t lines) {
  lines_.clear();
  text_.clear();
  std::istringstream in(read_whole_file(path_));
  std::string line;
  while (lines_.size() < lines && std::getline(in, line)) {
    if (line.empty()) continue;
    MetricsRecord::from_json(line, path_ + ", line " + std::to_string(lines_.size() + 1));
    lines_.push_back(line);
    text_ += line + "\n";
  }
  if (lines_.size() < lines)
    throw InputError(path_, "has " + std::to_string(lines_.size()) + " lines, but the checkpoint expects " +
                                std::to_string(lines));
  write_file_atomically(path_, text_);
}

void MetricsLog::append(const MetricsRecord& record) {
  lines_.push_back(record.to_json());
  text_ += lines_.back() + "\n";
  write_file_atomically(path_, text_);
}

}  // namespace isl
