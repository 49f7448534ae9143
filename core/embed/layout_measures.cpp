#include "core/embed/layout_measures.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/embed/nearest_neighbours.h"
#include "core/embed/seeded_random.h"

namespace isl::embed {

namespace {
constexpr int64_t kMaxQueries = 2'000;

std::vector<float> gather(RowsView rows, const std::vector<int64_t>& ids) {
  std::vector<float> out;
  out.reserve(ids.size() * size_t(rows.dim));
  for (int64_t i : ids) out.insert(out.end(), rows.row(i), rows.row(i) + rows.dim);
  return out;
}
}  // namespace

double knn_preservation(RowsView rows, RowsView layout, int64_t k, uint64_t seed) {
  const int64_t count = rows.count;
  k = std::min(k, count - 1);
  if (k < 1) return 1.0;
  std::vector<int64_t> queries(size_t(std::min(count, kMaxQueries)));
  if (count > kMaxQueries)
    queries = SeededRandom(seed).distinct(count, kMaxQueries);
  else
    for (int64_t i = 0; i < count; ++i) queries[size_t(i)] = i;
  const std::vector<float> unit = unit_rows(rows);
  const RowsView unit_view{unit.data(), count, rows.dim};
  const std::vector<float> unit_queries = gather(unit_view, queries);
  const std::vector<float> layout_queries = gather(layout, queries);
  const int64_t q = int64_t(queries.size());
  const NeighbourGraph high = exact_neighbours({unit_queries.data(), q, rows.dim}, unit_view, k, Metric::Cosine, queries.data());
  const NeighbourGraph low = exact_neighbours({layout_queries.data(), q, layout.dim}, layout, k, Metric::Euclidean, queries.data());
  double kept = 0;
  for (int64_t r = 0; r < q; ++r) {
    std::vector<int32_t> near_high(high.indices.begin() + r * k, high.indices.begin() + (r + 1) * k);
    std::vector<int32_t> near_low(low.indices.begin() + r * k, low.indices.begin() + (r + 1) * k);
    std::sort(near_high.begin(), near_high.end());
    std::sort(near_low.begin(), near_low.end());
    std::vector<int32_t> common;
    std::set_intersection(near_high.begin(), near_high.end(), near_low.begin(), near_low.end(), std::back_inserter(common));
    kept += double(common.size()) / double(k);
  }
  return kept / double(q);
}

double rms_radius(RowsView layout) {
  if (layout.count == 0) return 0;
  std::vector<double> mean(size_t(layout.dim), 0.0);
  for (int64_t i = 0; i < layout.count; ++i)
    for (int64_t c = 0; c < layout.dim; ++c) mean[size_t(c)] += layout.row(i)[c];
  for (double& m : mean) m /= double(layout.count);
  double squares = 0;
  for (int64_t i = 0; i < layout.count; ++i)
    for (int64_t c = 0; c < layout.dim; ++c) squares += std::pow(layout.row(i)[c] - mean[size_t(c)], 2);
  return std::sqrt(squares / double(layout.count));
}

double stable_displacement(RowsView previous_layout, RowsView layout, const NeighbourGraph& previous_neighbours,
                           const NeighbourGraph& neighbours) {
  const int64_t k = neighbours.k;
  if (previous_layout.count != layout.count || previous_layout.dim != layout.dim || previous_neighbours.k != k ||
      previous_neighbours.count != layout.count || neighbours.count != layout.count)
    return std::numeric_limits<double>::quiet_NaN();
  double moved = 0;
  int64_t stable = 0;
  std::vector<int32_t> before(static_cast<size_t>(k)), after(static_cast<size_t>(k));
  for (int64_t i = 0; i < layout.count; ++i) {
    std::copy_n(previous_neighbours.indices.begin() + i * k, k, before.begin());
    std::copy_n(neighbours.indices.begin() + i * k, k, after.begin());
    std::sort(before.begin(), before.end());
    std::sort(after.begin(), after.end());
    if (before != after) continue;
    double squares = 0;
    for (int64_t c = 0; c < layout.dim; ++c) squares += std::pow(layout.row(i)[c] - previous_layout.row(i)[c], 2);
    moved += std::sqrt(squares);
    ++stable;
  }
  if (stable == 0) return std::numeric_limits<double>::quiet_NaN();
  return moved / double(stable) / rms_radius(layout);
}

}  // namespace isl::embed
