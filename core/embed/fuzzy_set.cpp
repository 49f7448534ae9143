#include "core/embed/fuzzy_set.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace isl::embed {

namespace {
constexpr double kMinDistanceScale = 1e-3;  // umap-learn's MIN_K_DIST_SCALE
constexpr double kTolerance = 1e-5;         // umap-learn's SMOOTH_K_TOLERANCE
constexpr int kSearchSteps = 64;
}  // namespace

SmoothDistances smooth_distances(const NeighbourGraph& graph) {
  const int64_t count = graph.count, k = graph.k;
  const double target = std::log2(double(k + 1));
  SmoothDistances smooth{std::vector<float>(size_t(count), 0.f), std::vector<float>(size_t(count), 0.f)};
  // umap-learn's means include the point itself, at distance 0, as the first of k + 1.
  double all_distances = 0;
  int64_t all_entries = 0;
  for (int64_t e = 0; e < count * k; ++e)
    if (graph.indices[size_t(e)] >= 0) all_distances += graph.distances[size_t(e)], ++all_entries;
  const double mean_distance = all_distances / double(std::max<int64_t>(all_entries + count, 1));

  for (int64_t i = 0; i < count; ++i) {
    const int32_t* ids = &graph.indices[size_t(i * k)];
    const float* distances = &graph.distances[size_t(i * k)];
    double rho = 0, own_sum = 0;
    int64_t own_entries = 0;
    for (int64_t s = 0; s < k; ++s) {
      if (ids[s] < 0) continue;
      if (rho == 0 && distances[s] > 0) rho = distances[s];
      own_sum += distances[s];
      ++own_entries;
    }
    double low = 0, high = std::numeric_limits<double>::infinity(), sigma = 1;
    for (int step = 0; step < kSearchSteps; ++step) {
      double sum = 0;
      for (int64_t s = 0; s < k; ++s) {
        if (ids[s] < 0) continue;
        const double beyond = double(distances[s]) - rho;
        sum += beyond > 0 ? std::exp(-beyond / sigma) : 1.0;
      }
      if (std::fabs(sum - target) < kTolerance) break;
      if (sum > target) {
        high = sigma;
        sigma = (low + high) / 2;
      } else {
        low = sigma;
        sigma = std::isinf(high) ? sigma * 2 : (low + high) / 2;
      }
    }
    const double floor = kMinDistanceScale * (rho > 0 ? own_sum / double(own_entries + 1) : mean_distance);
    smooth.rho[size_t(i)] = float(rho);
    smooth.sigma[size_t(i)] = float(std::max(sigma, floor));
  }
  return smooth;
}

std::vector<float> memberships(const NeighbourGraph& graph, const SmoothDistances& smooth) {
  std::vector<float> weights(size_t(graph.count * graph.k), 0.f);
  for (int64_t i = 0; i < graph.count; ++i)
    for (int64_t s = 0; s < graph.k; ++s) {
      const size_t at = size_t(i * graph.k + s);
      if (graph.indices[at] < 0 || graph.indices[at] == i) continue;
      const float beyond = graph.distances[at] - smooth.rho[size_t(i)];
      const float sigma = smooth.sigma[size_t(i)];
      weights[at] = beyond <= 0 || sigma == 0 ? 1.f : std::exp(-beyond / sigma);
    }
  return weights;
}

FuzzyGraph fuzzy_union(const NeighbourGraph& graph, const std::vector<float>& memberships) {
  const int64_t count = graph.count, k = graph.k;
  // Every membership a_ij enters row i as a forward entry and row j as a transposed one.
  struct Entry {
    int32_t column;
    float forward, transposed;
  };
  std::vector<int64_t> starts(size_t(count + 1), 0);
  for (int64_t e = 0; e < count * k; ++e)
    if (memberships[size_t(e)] > 0) ++starts[size_t(e / k + 1)], ++starts[size_t(graph.indices[size_t(e)] + 1)];
  for (int64_t i = 0; i < count; ++i) starts[size_t(i + 1)] += starts[size_t(i)];
  std::vector<Entry> entries(size_t(starts.back()));
  std::vector<int64_t> filled(starts.begin(), starts.end() - 1);
  for (int64_t e = 0; e < count * k; ++e) {
    const float weight = memberships[size_t(e)];
    if (!(weight > 0)) continue;
    const int32_t i = int32_t(e / k), j = graph.indices[size_t(e)];
    entries[size_t(filled[size_t(i)]++)] = {j, weight, 0.f};
    entries[size_t(filled[size_t(j)]++)] = {i, 0.f, weight};
  }
  FuzzyGraph fuzzy;
  fuzzy.count = count;
  fuzzy.row_starts.assign(1, 0);
  fuzzy.columns.reserve(entries.size());
  fuzzy.weights.reserve(entries.size());
  for (int64_t i = 0; i < count; ++i) {
    const auto first = entries.begin() + starts[size_t(i)], last = entries.begin() + starts[size_t(i + 1)];
    std::sort(first, last, [](const Entry& x, const Entry& y) { return x.column < y.column; });
    for (auto entry = first; entry != last;) {
      float forward = 0, transposed = 0;
      const int32_t column = entry->column;
      for (; entry != last && entry->column == column; ++entry) forward += entry->forward, transposed += entry->transposed;
      fuzzy.columns.push_back(column);
      fuzzy.weights.push_back(forward + transposed - forward * transposed);
    }
    fuzzy.row_starts.push_back(int64_t(fuzzy.columns.size()));
  }
  return fuzzy;
}

FuzzyGraph fuzzy_simplicial_set(const NeighbourGraph& graph) {
  return fuzzy_union(graph, memberships(graph, smooth_distances(graph)));
}

}  // namespace isl::embed
