#include "core/isl/row_top_k.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace isl {

namespace {

// Keeps values[0..filled) in descending order, ties in the order they came.
void best_k_of_row(const float* row, int64_t n, int64_t k, float* values, int64_t* columns) {
  constexpr int64_t kBlock = 16;
  int64_t filled = 0;
  auto insert = [&](float value, int64_t column) {
    int64_t at = filled < k ? filled++ : k - 1;
    for (; at > 0 && values[at - 1] < value; --at) {
      values[at] = values[at - 1];
      columns[at] = columns[at - 1];
    }
    values[at] = value;
    columns[at] = column;
  };
  for (int64_t start = 0; start < n; start += kBlock) {
    const int64_t end = std::min(n, start + kBlock);
    if (filled == k && end - start == kBlock) {
      const float bar = values[k - 1];
      int above = 0;  // an integer OR, which the compiler vectorises, rather than an early exit
      for (int64_t j = start; j < end; ++j) above |= row[j] > bar;
      if (!above) continue;
    }
    for (int64_t j = start; j < end; ++j) {
      const float value = std::isnan(row[j]) ? -std::numeric_limits<float>::infinity() : row[j];
      if (filled < k || value > values[k - 1]) insert(value, j);
    }
  }
}

}  // namespace

std::tuple<torch::Tensor, torch::Tensor> row_top_k(const torch::Tensor& scores, int64_t k) {
  if (!scores.is_cpu() || scores.scalar_type() != torch::kFloat32 || scores.dim() != 2 || k > kRowTopKMaxPass ||
      k < 1 || k > scores.size(1))
    return scores.topk(k, 1);
  const auto rows = scores.contiguous();
  const int64_t count = rows.size(0), n = rows.size(1);
  auto values = torch::empty({count, k}, rows.options());
  auto columns = torch::empty({count, k}, rows.options().dtype(torch::kInt64));
  const float* row_data = rows.data_ptr<float>();
  float* value_data = values.data_ptr<float>();
  int64_t* column_data = columns.data_ptr<int64_t>();
  at::parallel_for(0, count, 1, [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r) best_k_of_row(row_data + r * n, n, k, value_data + r * k, column_data + r * k);
  });
  return {values, columns};
}

}  // namespace isl
