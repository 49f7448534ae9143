#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/embed/fuzzy_set.h"

namespace isl::embed {

// The low-dimensional similarity 1 / (1 + a d^(2b)) of UMAP.
struct CurveParameters {
  double a = 0;
  double b = 0;
};

// a and b fitted, by least squares at 300 points of [0, 3 spread] as umap-learn's find_ab_params
// does, to 1 below min_dist and exp(-(d - min_dist) / spread) above.
CurveParameters fit_curve(double min_dist, double spread);

struct SgdSettings {
  int n_epochs = 200;
  float learning_rate = 1.0f;       // decays linearly to 0 over the epochs
  float repulsion_strength = 1.0f;  // gamma
  int negative_sample_rate = 5;
  CurveParameters curve;
  uint64_t seed = 0;
};

struct SgdControl {
  const std::atomic<bool>* cancel = nullptr;                      // checked before each epoch
  std::function<void(int epochs_done, int n_epochs)> on_epoch;  // after each epoch
};

// umap-learn's optimize_layout_euclidean with move_other: each edge of the fuzzy graph of
// weight w is sampled every max_w / w epochs (edges below max_w / n_epochs never, and are
// dropped), pulls both ends together and pushes its head away from negative_sample_rate random
// points per sample; gradients are clipped to [-4, 4]. In parallel over four ranges of points
// such that the layout depends on the seed alone (see umap_layout.cpp). `positions` is count x
// n_components (2 or 3), the start, changed in place.
// Returns the number of epochs run (fewer than n_epochs when cancelled).
int optimise_layout(std::vector<float>& positions, int n_components, const FuzzyGraph& graph,
                    const SgdSettings& settings, const SgdControl& control = {});

}  // namespace isl::embed
