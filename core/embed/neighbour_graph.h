#pragma once
#include <cstdint>
#include <vector>

namespace isl::embed {

// Each point's k nearest other points, nearest first, with their distances (cosine distance,
// 1 - cos, for the rows of a memory bank).
struct NeighbourGraph {
  int64_t count = 0;
  int64_t k = 0;
  std::vector<int32_t> indices;  // count x k; -1 where a point has fewer than k others
  std::vector<float> distances;  // count x k
};

// Rows of `dim` floats, row-major, as the memory bank holds them.
struct RowsView {
  const float* data = nullptr;
  int64_t count = 0;
  int64_t dim = 0;
  const float* row(int64_t i) const { return data + i * dim; }
};

}  // namespace isl::embed
