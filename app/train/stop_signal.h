#pragma once
// Ctrl-C or SIGTERM asks the trainer that is running to stop cleanly (it writes a checkpoint
// first), and a sequence of runs (an experiment) not to start the next one.
#include <atomic>
#include <mutex>

namespace isl {
class Trainer;
}

namespace isl::cli {

class StopSignal {
 public:
  // Installs the handlers; signals that arrive before a trainer runs are kept.
  static StopSignal& install();
  // The trainer that a signal stops from now on (nullptr: none runs).
  void watch(Trainer* trainer);
  bool requested() const { return requested_; }

 private:
  StopSignal() = default;
  void listen();

  std::mutex mutex_;
  Trainer* trainer_ = nullptr;
  std::atomic<bool> requested_{false};
};

}  // namespace isl::cli
