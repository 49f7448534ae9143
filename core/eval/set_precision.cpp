#include "core/eval/set_precision.h"

#include <algorithm>
#include <limits>

#include "core/eval/similar_entries.h"

namespace isl::eval {

torch::Tensor euclidean_neighbours(const torch::Tensor& memory, const torch::Tensor& anchors,
                                   const torch::Tensor& counts, int64_t chunk) {
  torch::NoGradGuard no_grad;
  const int64_t n = memory.size(0);
  const int64_t a = anchors.size(0);
  const int64_t width = a == 0 ? 0 : std::min(counts.max().item<int64_t>(), n - 1);
  auto table = torch::full({a, width}, -1, anchors.options().dtype(torch::kInt64));
  if (width <= 0) return table;
  for (int64_t start = 0; start < a; start += chunk) {
    const int64_t rows = std::min(chunk, a - start);
    auto self = anchors.narrow(0, start, rows);
    auto chunk_counts = counts.narrow(0, start, rows);
    // A chunk without a hub needs only its own largest set, not the whole table's.
    const int64_t k = std::min(chunk_counts.max().item<int64_t>(), n - 1);
    if (k <= 0) continue;
    auto nearest = std::get<1>(most_similar_entries(memory.index_select(0, self), memory, k, self));
    auto used = torch::arange(k, table.options()).unsqueeze(0) < chunk_counts.unsqueeze(1);
    table.narrow(0, start, rows).narrow(1, 0, k).copy_(nearest.masked_fill(~used, -1));
  }
  return table;
}

namespace {
// Mean over rows with at least one counted entry of (same-label entries / counted entries).
std::optional<double> mean_precision(const torch::Tensor& anchors, const torch::Tensor& members,
                                     const torch::Tensor& counted, const torch::Tensor& labels) {
  auto same = labels.index_select(0, members.clamp_min(0).flatten()).view_as(members) ==
              labels.index_select(0, anchors).unsqueeze(1);
  auto totals = counted.sum(1);
  auto hits = (same & counted).sum(1);
  auto with_positives = totals > 0;
  if (!with_positives.any().item<bool>()) return std::nullopt;
  return (hits.masked_select(with_positives).to(torch::kFloat64) /
          totals.masked_select(with_positives).to(torch::kFloat64))
      .mean()
      .item<double>();
}

torch::Tensor others_mask(const torch::Tensor& anchors, const torch::Tensor& positives) {
  return (positives >= 0) & (positives != anchors.unsqueeze(1));
}
}  // namespace

std::optional<double> set_precision(const torch::Tensor& anchors, const torch::Tensor& positives,
                                    const torch::Tensor& labels) {
  torch::NoGradGuard no_grad;
  return mean_precision(anchors, positives, others_mask(anchors, positives), labels);
}

std::optional<double> set_precision_at(const torch::Tensor& anchors, const torch::Tensor& positives,
                                       const torch::Tensor& labels, int64_t size) {
  torch::NoGradGuard no_grad;
  auto counted = others_mask(anchors, positives);
  auto rank = counted.cumsum(1);  // 1-based position among the anchor's positives
  auto eligible = (counted.sum(1) >= size).unsqueeze(1);
  return mean_precision(anchors, positives, counted & (rank <= size) & eligible, labels);
}

}  // namespace isl::eval
