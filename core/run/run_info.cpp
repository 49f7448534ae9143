#include "core/run/run_info.h"

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "core/run/run_lock.h"
#include "core/run/trainer_engine.h"

namespace isl {

RunInfo read_run_info(const std::string& run_directory) {
  RunInfo info;
  info.config = read_config_file(run_files::config_path(run_directory));
  const RunPosition p = read_checkpoint_position(run_files::latest_checkpoint_path(run_directory), info.config);
  info.round = p.round;
  info.stage = p.stage;
  info.epoch = p.epoch;
  info.iteration = p.iteration;
  info.global_epoch = p.global_epoch;
  info.seconds = p.seconds;
  info.learning_rate = p.learning_rate;
  info.final_recorded = p.final_recorded;
  info.records = read_metrics_file(run_files::metrics_path(run_directory));
  info.snapshots = list_snapshot_files(run_directory).size();
  info.in_use = RunLock::held_elsewhere(run_directory);
  return info;
}

const MetricsRecord* latest_record(const std::vector<MetricsRecord>& records, const std::string& kind) {
  for (auto it = records.rbegin(); it != records.rend(); ++it)
    if (it->kind == kind) return &*it;
  return nullptr;
}

}  // namespace isl
