#pragma once
#include <string>
#include <vector>

#include "core/run/training_events.h"

namespace isl {

// metrics.jsonl, owned by the training thread. Each append rewrites the file through a
// temporary name, so a crash never leaves half a line; resuming trims the lines written
// after the checkpoint it resumes from.
class MetricsLog {
 public:
  explicit MetricsLog(std::string path);
  // Reads the existing file and keeps its first `lines` lines.
  void restore(size_t lines);
  void append(const MetricsRecord& record);
  size_t lines() const { return lines_.size(); }

 private:
  std::string path_;
  std::vector<std::string> lines_;
  std::string text_;
};

}  // namespace isl
