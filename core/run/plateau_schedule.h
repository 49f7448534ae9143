#pragma once
// The plateau learning-rate schedule, as PyTorch's ReduceLROnPlateau(mode="max",
// threshold_mode="rel", cooldown=0) runs it in the authors' code: an evaluation gains when it
// beats the best so far by the relative threshold; after more than `patience` evaluations in a
// row without a gain the rate is multiplied by `factor` and the count starts again.

namespace isl {

struct PlateauOptions {
  double factor = 0.8;
  int patience = 1;
  double threshold = 1e-4;  // relative: a gain must exceed best * (1 + threshold)
  double min_change = 1e-8;  // PyTorch's eps: smaller reductions are skipped
};

// What the schedule remembers between evaluations (saved in every checkpoint).
struct PlateauState {
  double best = -1;  // below every accuracy, so the first evaluation always gains
  int evaluations_without_gain = 0;
};

// Takes one evaluation of the monitored accuracy; returns the learning rate to use from now on.
double plateau_step(PlateauState& state, double accuracy, double learning_rate, const PlateauOptions& options);

}  // namespace isl
