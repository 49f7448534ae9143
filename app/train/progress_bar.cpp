#include "progress_bar.h"

#include <unistd.h>

#include <cmath>
#include <tuple>

namespace isl::cli {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long total = std::lround(seconds);
  char text[32];
  if (total >= 3600) std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  else if (total >= 60) std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  else std::snprintf(text, sizeof text, "%lds", total);
  return text;
}

std::string stage_figure_text(const Progress& p) {
  char text[64];
  switch (p.stage) {
    case Stage::Backbone: std::snprintf(text, sizeof text, "loss %.4f  lr %.3g", p.stage_figure, p.learning_rate); break;
    case Stage::Gan: std::snprintf(text, sizeof text, "generator loss %.4f", p.stage_figure); break;
    case Stage::Mining: std::snprintf(text, sizeof text, "proxy confidence %.3f", p.stage_figure); break;
    case Stage::Finished: return {};
  }
  return text;
}

ProgressPrinter::ProgressPrinter(std::FILE* out) : out_(out), terminal_(isatty(fileno(out))) {}

void ProgressPrinter::end_line() {
  if (line_open_) std::fputc('\n', out_);
  line_open_ = false;
}

void ProgressPrinter::on_progress(const Progress& p) {
  std::lock_guard lock(mutex_);
  const bool epoch_done = p.iterations > 0 && p.iteration >= p.iterations;
  const auto epoch_key = std::make_tuple(p.round, int(p.stage), p.epoch);
  if (!terminal_ && (!epoch_done || epoch_key == last_printed_epoch_)) return;
  last_printed_epoch_ = epoch_key;
  constexpr int kWidth = 24;
  const int filled = p.iterations > 0 ? int(kWidth * p.iteration / p.iterations) : 0;
  std::string bar = std::string(size_t(filled), '#') + std::string(size_t(kWidth - filled), '.');
  std::fprintf(out_, "%sround %d/%d %-8s epoch %d/%d [%s] %lld/%lld  %.0f img/s  epoch %s, stage %s%s left  %s",
               terminal_ ? "\r\033[K" : "", p.round + 1, p.rounds, to_string(p.stage).c_str(), p.epoch + 1,
               p.epoch_cap, bar.c_str(), (long long)p.iteration, (long long)p.iterations, p.images_per_second,
               format_duration(p.epoch_seconds_left).c_str(), p.stage == Stage::Backbone ? "" : "<= ",
               format_duration(p.stage_seconds_left).c_str(), stage_figure_text(p).c_str());
  if (terminal_) {
    line_open_ = true;
  } else {
    std::fputc('\n', out_);
  }
  std::fflush(out_);
}

void ProgressPrinter::on_metrics(const MetricsRecord& r) {
  std::lock_guard lock(mutex_);
  if (r.kind == "final") final_knn_ = r.values.at("knn_top1_final");
  if (r.kind != "eval" && r.kind != "probe") return;
  if (r.kind == "eval") last_eval_ = r;
  end_line();
  std::fprintf(out_, "  %s after round %d, %s epoch %d:", r.kind == "eval" ? "evaluation" : "linear probe",
               r.round + 1, to_string(r.stage).c_str(), r.epoch);
  for (const char* key : {"knn_top1", "linear_top1", "precision_isl", "precision_euclidean"}) {
    auto found = r.values.find(key);
    if (found == r.values.end()) continue;
    if (std::isfinite(found->second)) std::fprintf(out_, "  %s %.1f%%", key, 100 * found->second);
    else std::fprintf(out_, "  %s -", key);
  }
  if (auto pairs = r.values.find("mined_pairs"); pairs != r.values.end())
    std::fprintf(out_, "  mined_pairs %.0f", pairs->second);
  std::fputc('\n', out_);
  std::fflush(out_);
}

void ProgressPrinter::on_log(LogLevel level, const std::string& message) {
  std::lock_guard lock(mutex_);
  end_line();
  const char* prefix = level == LogLevel::Error ? "error: " : level == LogLevel::Warning ? "warning: " : "";
  std::fprintf(out_, "%s%s\n", prefix, message.c_str());
  std::fflush(out_);
}

void ProgressPrinter::print_summary(const std::string& run_directory) {
  std::lock_guard lock(mutex_);
  end_line();
  auto value = [&](const char* key) {
    auto found = last_eval_.values.find(key);
    return found == last_eval_.values.end() ? NAN : found->second;
  };
  auto percent = [](double v) { return std::isfinite(v) ? std::to_string(100 * v).substr(0, 5) + "%" : std::string("-"); };
  std::fprintf(out_, "\nSummary (%s)\n", run_directory.c_str());
  std::fprintf(out_, "  kNN top-1 (memory bank)         %s\n", percent(value("knn_top1")).c_str());
  if (final_knn_ >= 0) std::fprintf(out_, "  kNN top-1 (recomputed features) %s\n", percent(final_knn_).c_str());
  std::fprintf(out_, "  mined pairs                     %.0f\n", value("mined_pairs"));
  std::fprintf(out_, "  positive-set precision          ISL %s vs Euclidean %s\n", percent(value("precision_isl")).c_str(),
               percent(value("precision_euclidean")).c_str());
  std::fflush(out_);
}

}  // namespace isl::cli
