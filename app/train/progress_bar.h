#pragma once
#include <cstdio>
#include <mutex>
#include <string>
#include <tuple>

#include "core/run/training_events.h"

namespace isl::cli {

// Prints training progress to a terminal: one redrawn line with a bar, images/s and time
// left when the output is a terminal; one line per epoch otherwise (logs, CI). Metrics,
// messages and the final summary are printed as plain lines.
class ProgressPrinter : public TrainingObserver {
 public:
  explicit ProgressPrinter(std::FILE* out);
  void on_progress(const Progress& progress) override;
  void on_metrics(const MetricsRecord& record) override;
  void on_log(LogLevel level, const std::string& message) override;

  // The last evaluation, the final kNN and the mined pairs, as the run's summary.
  void print_summary(const std::string& run_directory);

 private:
  void end_line();

  std::FILE* out_;
  bool terminal_;
  bool line_open_ = false;
  std::tuple<int, int, int> last_printed_epoch_{-1, -1, -1};
  std::mutex mutex_;
  MetricsRecord last_eval_;
  double final_knn_ = -1;
};

// The stage's running figure with its name: "loss 1.2345  lr 0.03", "generator loss 0.6931",
// "proxy confidence 0.512".
std::string stage_figure_text(const Progress& progress);

// "1:02:03", "4:05" or "12s".
std::string format_duration(double seconds);

}  // namespace isl::cli
