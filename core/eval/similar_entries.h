#pragma once
#include <torch/torch.h>

#include <tuple>

namespace isl::eval {

// Scores of query rows against memory entries held at once by most_similar_entries: 16 Mi
// floats (64 MiB), however large the memory bank.
constexpr int64_t kSimilarityTileValues = int64_t(1) << 24;

// For each row of `queries` [Q, D], the k entries of `memory` [N, D] with the highest dot
// product, highest first: {similarity [Q, k], entry indices [Q, k]}, k <= N. `excluded`, when
// defined ([Q] int64), names one entry per query to leave out (the anchor itself; then
// k <= N - 1). The bank is scored a tile of columns at a time and each tile's best k merged
// with the best so far, so memory stays at Q x tile scores for any N; a bank that fits one
// tile gives exactly row_top_k's answer on the whole score matrix.
// `tile_values` bounds the scores held at once (tiles are never narrower than k).
std::tuple<torch::Tensor, torch::Tensor> most_similar_entries(const torch::Tensor& queries, const torch::Tensor& memory,
                                                              int64_t k, const torch::Tensor& excluded = {},
                                                              int64_t tile_values = kSimilarityTileValues);

}  // namespace isl::eval
