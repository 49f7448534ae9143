#include "core/run/overlap_tuner.h"

namespace isl {

namespace {
// Runs alternate from the stage's first batch, serial first.
bool run_overlapped(int batch) { return (batch / OverlapTuner::kRunLength) % 2 == 1; }
}  // namespace

void OverlapTuner::restart() { *this = OverlapTuner(); }

bool OverlapTuner::overlap_following() const {
  if (chosen_) return *chosen_;
  const int handed_out = recorded_;
  return run_overlapped(handed_out) && (handed_out + 1) % kRunLength != 0;
}

void OverlapTuner::record(double seconds) {
  if (chosen_) return;
  run_seconds_ += seconds;
  if (++recorded_ % kRunLength == 0) {
    // The fastest run of each mode: noise on a shared machine only ever adds time.
    double& best = best_[run_overlapped(recorded_ - 1)];
    const double per_batch = run_seconds_ / kRunLength;
    if (best == 0 || per_batch < best) best = per_batch;
    run_seconds_ = 0;
  }
  if (recorded_ == kTrialBatches) chosen_ = best_[1] < best_[0];
}

}  // namespace isl
