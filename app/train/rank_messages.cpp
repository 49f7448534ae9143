#include "rank_messages.h"

namespace isl::cli {

void RankMessages::on_log(LogLevel level, const std::string& message) {
  if (level == LogLevel::Info) return;
  std::fprintf(out_, "rank %d: %s: %s\n", rank_, level == LogLevel::Error ? "error" : "warning", message.c_str());
  std::fflush(out_);
}

}  // namespace isl::cli
