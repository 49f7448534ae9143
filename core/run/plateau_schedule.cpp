#include "core/run/plateau_schedule.h"

namespace isl {

double plateau_step(PlateauState& state, double accuracy, double learning_rate, const PlateauOptions& options) {
  if (accuracy > state.best * (1 + options.threshold)) {
    state.best = accuracy;
    state.evaluations_without_gain = 0;
    return learning_rate;
  }
  if (++state.evaluations_without_gain <= options.patience) return learning_rate;
  state.evaluations_without_gain = 0;
  const double lowered = learning_rate * options.factor;
  return learning_rate - lowered > options.min_change ? lowered : learning_rate;
}

}  // namespace isl
