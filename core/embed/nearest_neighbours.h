#pragma once
#include <atomic>
#include <cstdint>
#include <vector>

#include "core/embed/neighbour_graph.h"

namespace isl::embed {

// Copies of the rows scaled to unit length (a zero row stays zero), so that the cosine
// distance of two rows is 1 - their dot product.
std::vector<float> unit_rows(RowsView rows);

enum class Metric {
  Cosine,     // on unit rows: 1 - dot
  Euclidean,
};

// Each query's k nearest base rows, exactly: matmul of a tile of query rows with all base rows,
// then a top-k, so memory stays bounded (a tile holds at most kExactTileEntries scores).
// When `query_in_base` is given, query i is base row query_in_base[i] and is not its own
// neighbour. Returns early, with unfilled rows, when *cancel becomes true.
constexpr int64_t kExactTileEntries = int64_t(1) << 24;
NeighbourGraph exact_neighbours(RowsView queries, RowsView base, int64_t k, Metric metric,
                                const int64_t* query_in_base = nullptr, const std::atomic<bool>* cancel = nullptr);

// Approximate k nearest neighbours of unit rows by cosine distance: a few random-projection
// trees give each point the nearest of its leaf-mates, then nearest-neighbour descent (Dong,
// Charikar, Li 2011, as pynndescent does it) joins the neighbours of neighbours until fewer
// than 1/1000 of the entries change. Distances are computed in parallel and applied in a fixed
// order, so the graph depends on the seed alone, not on the thread count.
NeighbourGraph descent_neighbours(RowsView unit, int64_t k, uint64_t seed, const std::atomic<bool>* cancel = nullptr);

// Each unit query's k nearest unit base rows, searched on the base's neighbour graph (both
// directions of its edges) from the nearest of a few hundred seeded pivots, keeping the best
// max(k, 32) found: approximate, for queries that are not base rows.
NeighbourGraph search_neighbours(RowsView unit_queries, RowsView unit_base, const NeighbourGraph& base_graph,
                                 int64_t k, uint64_t seed);

}  // namespace isl::embed
