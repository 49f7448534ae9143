#pragma once
#include <cstdio>

#include "core/run/training_events.h"

namespace isl::cli {

// What a rank other than 0 prints: its warnings and errors, each naming the rank, since rank 0
// reports the run's progress and figures for all.
class RankMessages : public TrainingObserver {
 public:
  RankMessages(std::FILE* out, int rank) : out_(out), rank_(rank) {}
  void on_log(LogLevel level, const std::string& message) override;

 private:
  std::FILE* out_;
  int rank_;
};

}  // namespace isl::cli
