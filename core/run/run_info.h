#pragma once
// A run directory as `isl-train info` shows it: read without training, and without taking
// the run's lock, so that a run being trained can be looked at.
#include <string>
#include <vector>

#include "core/run/config.h"
#include "core/run/training_events.h"

namespace isl {

struct RunInfo {
  Config config;
  // Where the latest checkpoint stands.
  int round = 0;
  Stage stage = Stage::Backbone;
  int epoch = 0;          // epochs finished in the stage
  int64_t iteration = 0;  // batches finished in the current epoch
  int global_epoch = 0;
  double seconds = 0;     // training time so far
  double learning_rate = 0;
  bool final_recorded = false;
  std::vector<MetricsRecord> records;  // metrics.jsonl
  size_t snapshots = 0;
  bool in_use = false;  // a process trains in the directory now
};

// Throws InputError naming the file that is missing or damaged.
RunInfo read_run_info(const std::string& run_directory);

// The newest record of `kind` ("eval", "probe", "final"), or nullptr.
const MetricsRecord* latest_record(const std::vector<MetricsRecord>& records, const std::string& kind);

}  // namespace isl
