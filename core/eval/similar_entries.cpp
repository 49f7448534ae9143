#include "core/eval/similar_entries.h"

#include <algorithm>
#include <limits>

#include "core/isl/row_top_k.h"

namespace isl::eval {

std::tuple<torch::Tensor, torch::Tensor> most_similar_entries(const torch::Tensor& queries, const torch::Tensor& memory,
                                                              int64_t k, const torch::Tensor& excluded,
                                                              int64_t tile_values) {
  torch::NoGradGuard no_grad;
  const int64_t n = memory.size(0);
  const int64_t rows = std::max<int64_t>(queries.size(0), 1);
  const int64_t tile = std::max({tile_values / rows, k, int64_t(1)});
  torch::Tensor best_similarity, best_entries;
  for (int64_t start = 0; start < n; start += tile) {
    const int64_t columns = std::min(tile, n - start);
    auto similarity = torch::matmul(queries, memory.narrow(0, start, columns).t());
    if (excluded.defined()) {
      auto local = excluded - start;
      auto inside = (local >= 0) & (local < columns);
      auto at = local.clamp(0, columns - 1).unsqueeze(1);
      auto kept = similarity.gather(1, at);
      similarity.scatter_(1, at, kept.masked_fill(inside.unsqueeze(1), -std::numeric_limits<double>::infinity()));
    }
    auto [values, entries] = row_top_k(similarity, std::min(k, columns));
    if (start > 0) entries += start;
    if (!best_similarity.defined()) {
      best_similarity = values;
      best_entries = entries;
      continue;
    }
    auto candidates = torch::cat({best_similarity, values}, 1);
    auto [merged, position] = candidates.topk(std::min(k, candidates.size(1)), 1);
    best_entries = torch::cat({best_entries, entries}, 1).gather(1, position);
    best_similarity = merged;
  }
  return {best_similarity, best_entries};
}

}  // namespace isl::eval
