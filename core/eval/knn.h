#pragma once
#include <torch/torch.h>

namespace isl::eval {

struct KnnOptions {
  int64_t k = 200;
  double sigma = 0.1;
  int64_t chunk = 1024;  // test rows scored at once (against tiles of the bank: most_similar_entries)
};

// Weighted kNN (paper section 4.1): each of the k most similar training features votes for its
// label with weight exp(s / sigma). Returns top-1 accuracy in [0, 1].
//   train: [N, D] unit rows, train_labels: [N] int64, test: [Q, D], test_labels: [Q]
double weighted_knn_top1(const torch::Tensor& train, const torch::Tensor& train_labels,
                         const torch::Tensor& test, const torch::Tensor& test_labels,
                         int64_t num_classes, const KnnOptions& options);

// Predicted labels of the same vote, for callers that need more than the accuracy.
torch::Tensor weighted_knn_predict(const torch::Tensor& train, const torch::Tensor& train_labels,
                                   const torch::Tensor& test, int64_t num_classes,
                                   const KnnOptions& options);

}  // namespace isl::eval
