#pragma once
#include <cstdint>
#include <vector>

#include "core/embed/neighbour_graph.h"

// UMAP's fuzzy simplicial set (McInnes, Healy, Melville 2018, section 3.1), as umap-learn's
// smooth_knn_dist and compute_membership_strengths define it with local_connectivity 1 and
// bandwidth 1. The neighbour graph holds each point's n_neighbors - 1 nearest others: umap-learn
// counts the point itself as its first neighbour, at distance 0 and with membership 0.
namespace isl::embed {

// Per point: rho, the distance to its nearest other point at a distance above 0, and sigma,
// found by binary search so that the sum over its neighbours of exp(-max(0, d - rho) / sigma)
// is log2(n_neighbors), no smaller than 1/1000 of the mean neighbour distance.
struct SmoothDistances {
  std::vector<float> rho;
  std::vector<float> sigma;
};
SmoothDistances smooth_distances(const NeighbourGraph& graph);

// The directed memberships, count x k beside the graph's indices: exp(-(d - rho) / sigma),
// 1 for the nearest neighbour (and any at rho), 0 where a point has no neighbour.
std::vector<float> memberships(const NeighbourGraph& graph, const SmoothDistances& smooth);

// A symmetric sparse graph, rows in order, columns increasing within a row.
struct FuzzyGraph {
  int64_t count = 0;
  std::vector<int64_t> row_starts;  // count + 1
  std::vector<int32_t> columns;
  std::vector<float> weights;
};

// The fuzzy union A + A^T - A o A^T of the directed memberships A (set_op_mix_ratio 1); entries
// of weight 0 are left out.
FuzzyGraph fuzzy_union(const NeighbourGraph& graph, const std::vector<float>& memberships);

// All three steps.
FuzzyGraph fuzzy_simplicial_set(const NeighbourGraph& graph);

}  // namespace isl::embed
