#pragma once
// The run directory (see README, "Run directory"):
//   config.json       every setting
//   metrics.jsonl     one MetricsRecord per line, appended (see MetricsLog)
//   checkpoints/      latest.pt (and round-N.pt at each round's end)
//   snapshots/        NNNNNN.snap, the compact snapshots a viewer replays, in order
//   run.lock          held while a process trains in the directory
// Every other file is written to a temporary name and renamed, so a reader never sees half a file.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/run/config.h"
#include "core/run/training_events.h"

namespace isl {

namespace run_files {
std::string config_path(const std::string& run_directory);
std::string metrics_path(const std::string& run_directory);
std::string checkpoint_directory(const std::string& run_directory);
std::string latest_checkpoint_path(const std::string& run_directory);
std::string snapshot_directory(const std::string& run_directory);
std::string snapshot_path(const std::string& run_directory, int sequence);
}  // namespace run_files

// Writes `bytes` to `path` through `path.tmp` and a rename. Throws InputError naming the
// path when it cannot be written (no permission, disk full).
void write_file_atomically(const std::string& path, const std::string& bytes);
// The same for bytes a producer writes in pieces: `produce` gets the open stream (its state
// tells whether the file took the bytes so far).
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce);
// Throws InputError naming the path when it is missing or unreadable.
std::string read_whole_file(const std::string& path);

Config read_config_file(const std::string& path);
// The records of metrics.jsonl text, each with the offset just past its line. A last line
// without its newline is one a writer has not finished, or a crash cut short: it is left out
// unless it already holds a whole record. Throws InputError naming `path` and the line for any
// other line that is not a record.
struct MetricsLine {
  MetricsRecord record;
  size_t end = 0;
};
std::vector<MetricsLine> parse_metrics_lines(const std::string& text, const std::string& path);
std::vector<MetricsRecord> read_metrics_file(const std::string& path);

// Snapshot files: "ISLSNAP1", a little-endian u64 header length, a JSON header (round, stage,
// epochs, counts, metrics), then the arrays in the order of the Snapshot fields.
void write_snapshot(std::ostream& out, const Snapshot& snapshot);
std::string encode_snapshot(const Snapshot& snapshot);
Snapshot decode_snapshot(const std::string& bytes, const std::string& subject);
void write_snapshot_file(const std::string& path, const Snapshot& snapshot);
Snapshot read_snapshot_file(const std::string& path);
// Snapshot files in the run directory, oldest first.
std::vector<std::string> list_snapshot_files(const std::string& run_directory);

}  // namespace isl
