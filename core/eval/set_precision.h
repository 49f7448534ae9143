#pragma once
#include <torch/torch.h>

#include <optional>

namespace isl::eval {

// For each anchor a = anchors[r], the `counts[r]` memory entries most similar to M_a (a
// excluded), nearest first, left-aligned in an [A, max(counts)] table padded with -1: the
// Euclidean (cosine) neighbourhood with the same set sizes as a set of mined positives.
// Anchors are scored `chunk` at a time against tiles of the bank (most_similar_entries), so
// memory stays bounded for any N; the time is A x N x D.
torch::Tensor euclidean_neighbours(const torch::Tensor& memory, const torch::Tensor& anchors,
                                   const torch::Tensor& counts, int64_t chunk = 1024);

// Positive-set precision (paper Fig. 3): row r of `positives` holds the set of image
// anchors[r] (-1 padded; the anchor itself, if present, is not counted). Over rows with at
// least one positive, the mean fraction of positives sharing the anchor's label. Empty when
// no row has a positive.
std::optional<double> set_precision(const torch::Tensor& anchors, const torch::Tensor& positives,
                                    const torch::Tensor& labels);

// The same restricted to anchors with at least `size` positives, counting their first `size`
// (in the table's order: the order they were added, or nearest first).
std::optional<double> set_precision_at(const torch::Tensor& anchors, const torch::Tensor& positives,
                                       const torch::Tensor& labels, int64_t size);

}  // namespace isl::eval
