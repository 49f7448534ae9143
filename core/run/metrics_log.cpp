#include "core/run/metrics_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/input_error.h"
#include "core/run/run_files.h"

namespace isl {

MetricsLog::MetricsLog(std::string path) : path_(std::move(path)) {}

void MetricsLog::restore(size_t lines) {
  const std::string text = read_whole_file(path_);
  const auto records = parse_metrics_lines(text, path_);
  if (records.size() < lines)
    throw InputError(path_, "has " + std::to_string(records.size()) + " lines, but the checkpoint expects " +
                                std::to_string(lines));
  const size_t kept = lines == 0 ? 0 : records[lines - 1].end;
  std::string kept_text = text.substr(0, kept);
  // A kept last line that lost its newline gets it back, so the next line starts a line of its own.
  if (!kept_text.empty() && kept_text.back() != '\n') kept_text += '\n';
  if (kept_text != text) write_file_atomically(path_, kept_text);
  lines_ = lines;
}

void MetricsLog::append(const MetricsRecord& record) {
  const std::string line = record.to_json() + "\n";
  const int file = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (file < 0) throw InputError(path_, std::string("cannot be written (") + std::strerror(errno) + ")");
  // One write for the whole line: a reader sees the line complete or not yet finished, never
  // two records interleaved. A regular file takes it whole unless the disk fills; a write
  // that fails part way is cut off again, so that the next line does not continue a torn one.
  const off_t before = ::lseek(file, 0, SEEK_END);
  size_t written = 0;
  while (written < line.size()) {
    const ssize_t count = ::write(file, line.data() + written, line.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) {
      const std::string problem = count < 0 ? std::strerror(errno) : "no space left";
      const bool cut = before >= 0 && ::ftruncate(file, before) == 0;
      ::close(file);
      throw InputError(path_, "could not be written completely (" + problem +
                                  (cut ? ")" : "; its torn last line is dropped when the run resumes)"));
    }
    written += size_t(count);
  }
  // fdatasync: the checkpoint that follows counts this line, and replacing a file by rename
  // (as checkpoints are written) makes ext4 flush it, so without a sync a power cut could keep
  // a checkpoint whose lines were lost and the run would not resume. One sync per record (a
  // few per epoch) costs nothing next to an epoch.
  const bool synced = ::fdatasync(file) == 0;
  const std::string sync_problem = synced ? "" : std::strerror(errno);
  ::close(file);
  if (!synced) throw InputError(path_, "could not be saved to disk (" + sync_problem + ")");
  ++lines_;
}

}  // namespace isl
