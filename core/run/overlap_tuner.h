#pragma once
#include <optional>

namespace isl {

// Whether a GAN or mining stage computes the next batch's features on a second thread while
// it works on the current batch (StageBatches). Which is faster depends on the machine and the
// precision: on a 2-core Xeon, overlapping made AlexNet's bf16 batches 10-15% faster, while
// its fp32 batches, whose forward loses to the work beside it about what the overlap saves,
// gained nothing (bench/isl-bench). So each stage starts with a trial: runs of consecutive
// batches, serial and overlapped in turn, and keeps the mode of the fastest run.
//
// An overlapped run starts with nothing computed ahead and leaves nothing computed ahead
// for the run after it, so each run pays its own filling and its time is its own.
class OverlapTuner {
 public:
  static constexpr int kRunLength = 4;  // batches
  static constexpr int kRunsPerMode = 3;
  static constexpr int kTrialBatches = 2 * kRunsPerMode * kRunLength;

  // Starts the trial again (a new stage).
  void restart();
  // Whether the batch after the one being handed out now is to have its features computed
  // while that one is worked on.
  bool overlap_following() const;
  // The seconds the batch just finished took, from asking for it to the end of its work.
  void record(double seconds);
  // Set once the trial is over: whether overlapping was chosen.
  std::optional<bool> chosen() const { return chosen_; }
  // The trial's fastest run in that mode, in seconds per batch; 0 before there is one.
  double best_seconds_per_batch(bool overlapped) const { return best_[overlapped]; }

 private:
  int recorded_ = 0;
  double run_seconds_ = 0;  // of the run in progress
  double best_[2] = {0, 0};  // [serial, overlapped]
  std::optional<bool> chosen_;
};

}  // namespace isl
