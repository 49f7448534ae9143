#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/embed/neighbour_graph.h"

// UMAP (McInnes, Healy, Melville 2018) of the memory bank's rows by cosine distance, as
// umap-learn computes it, except that a cold start is PCA, not a spectral embedding.
namespace isl::embed {

enum class NeighbourSearch {
  Automatic,  // exact up to kExactSearchUpTo points, else descent
  Exact,      // tiled matmul: O(N^2 D)
  Descent,    // random-projection trees and nearest-neighbour descent: approximate
};
constexpr int64_t kExactSearchUpTo = 20'000;

struct UmapSettings {
  int n_neighbors = 15;  // the point itself counted, as in umap-learn
  float min_dist = 0.1f;
  float spread = 1.0f;
  int n_components = 2;  // 2 or 3
  // 0: as umap-learn chooses: 500 epochs up to 10,000 points, else 200; from a previous layout,
  // as its transform does, 100 up to 10,000 points, else 30.
  int n_epochs = 0;
  int negative_sample_rate = 5;
  // From a previous layout a quarter of it, as umap-learn's transform: the layout is refined,
  // not rebuilt.
  float learning_rate = 1.0f;
  float repulsion_strength = 1.0f;
  uint64_t seed = 0;
  // Above this many points a seeded sample of this many is laid out and every other point is
  // placed at its nearest sampled neighbour.
  int64_t sample_above = 200'000;
  NeighbourSearch neighbour_search = NeighbourSearch::Automatic;
};

// A layout computed before for the same points in the same order: points present keep their
// positions as the start; new ones start at the mean of their present neighbours (in the rows'
// neighbour graph), or, with none present, at the rows' PCA scaled to the present extent.
struct PreviousLayout {
  std::span<const float> positions;  // count x n_components
  std::span<const uint8_t> present;  // count; empty: all present
};

struct UmapControl {
  const std::atomic<bool>* cancel = nullptr;                      // checked per epoch and per search step
  std::function<void(int epochs_done, int n_epochs)> on_epoch;  // from the calling thread
};

struct UmapTimings {
  double neighbours_s = 0;
  double fuzzy_set_s = 0;
  double layout_s = 0;     // start and SGD
  double placement_s = 0;  // points outside the sample
  double total_s = 0;
};

struct UmapResult {
  int64_t count = 0;
  int n_components = 0;
  std::vector<float> positions;  // count x n_components; unfinished when cancelled
  // Each point's n_neighbors - 1 nearest (cosine) among the laid-out points, for
  // stable_displacement when the next layout is compared with this one.
  NeighbourGraph neighbours;
  std::vector<uint8_t> sampled;  // count, 1 for the laid-out sample; empty when all were laid out
  int n_epochs = 0;
  int epochs_run = 0;
  bool cancelled = false;
  UmapTimings timings;

  RowsView layout() const { return {positions.data(), count, n_components}; }
};

// Throws isl::InputError for settings out of range or a previous layout of another shape.
UmapResult compute_umap(RowsView rows, const UmapSettings& settings, const PreviousLayout* previous = nullptr,
                        const UmapControl& control = {});

}  // namespace isl::embed
