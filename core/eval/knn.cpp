#include "core/eval/knn.h"

#include <algorithm>

#include "core/eval/similar_entries.h"

namespace isl::eval {

torch::Tensor weighted_knn_predict(const torch::Tensor& train, const torch::Tensor& train_labels,
                                   const torch::Tensor& test, int64_t num_classes,
                                   const KnnOptions& options) {
  torch::NoGradGuard no_grad;
  const int64_t k = std::min(options.k, train.size(0));
  std::vector<torch::Tensor> predictions;
  for (int64_t start = 0; start < test.size(0); start += options.chunk) {
    auto rows = test.narrow(0, start, std::min(options.chunk, test.size(0) - start));
    auto [similarity, neighbour] = most_similar_entries(rows, train, k);
    auto votes = torch::zeros({rows.size(0), num_classes}, similarity.options());
    votes.scatter_add_(1, train_labels.index_select(0, neighbour.flatten()).view_as(neighbour),
                       (similarity / options.sigma).exp());
    predictions.push_back(votes.argmax(1));
  }
  return torch::cat(predictions);
}

double weighted_knn_top1(const torch::Tensor& train, const torch::Tensor& train_labels,
                         const torch::Tensor& test, const torch::Tensor& test_labels,
                         int64_t num_classes, const KnnOptions& options) {
  if (test.size(0) == 0) return 0.0;
  auto predicted = weighted_knn_predict(train, train_labels, test, num_classes, options);
  return predicted.eq(test_labels).to(torch::kFloat64).mean().item<double>();
}

}  // namespace isl::eval
