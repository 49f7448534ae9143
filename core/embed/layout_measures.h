#pragma once
#include <cstdint>

#include "core/embed/neighbour_graph.h"

// How well a layout (count x n_components) shows the rows, and how much it moved.
namespace isl::embed {

// The mean fraction of each point's k nearest neighbours among the rows by cosine distance
// that are also among its k nearest in the layout by Euclidean distance; for more than 2,000
// points over a seeded sample of 2,000 (each against all points). 1 is perfect.
double knn_preservation(RowsView rows, RowsView layout, int64_t k, uint64_t seed = 0);

// The root of the mean squared distance of the layout's points from their mean.
double rms_radius(RowsView layout);

// The mean displacement between two layouts of the points whose neighbour sets (in the rows,
// as the layouts' results give them) are the same in both, divided by the later layout's RMS
// radius: how far a layout moved what had no reason to move. NaN when no point kept its set.
double stable_displacement(RowsView previous_layout, RowsView layout, const NeighbourGraph& previous_neighbours,
                           const NeighbourGraph& neighbours);

}  // namespace isl::embed
