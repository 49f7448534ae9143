#pragma once
#include <string>

#include "core/run/training_events.h"

namespace isl {

// metrics.jsonl, owned by the training thread. Each record is appended as one line; a crash
// can at worst leave the last line unfinished, which readers skip (parse_metrics_lines) and
// restore() drops. Resuming trims the lines written after the checkpoint it resumes from.
class MetricsLog {
 public:
  explicit MetricsLog(std::string path);
  // Reads the existing file and keeps its first `lines` lines (rewriting it through a
  // temporary name when anything after them must go). Throws InputError naming the file when
  // it holds fewer, or a line that is not a record.
  void restore(size_t lines);
  // Writes the record's line at the end of the file, leaving the bytes before it untouched.
  void append(const MetricsRecord& record);
  size_t lines() const { return lines_; }

 private:
  std::string path_;
  size_t lines_ = 0;
};

}  // namespace isl
