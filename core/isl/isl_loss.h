#pragma once
#include <torch/torch.h>

namespace isl {

// Which member of P_i \ {i} is the hard positive. The authors' code takes the most similar
// memory entry; the paper's prose says the least similar.
enum class HardPositive { MostSimilar, LeastSimilar };

struct LossOptions {
  double temperature = 0.1;
  double hpe_weight = 0.5;  // lambda; 0 gives "ISL w/o HPE"
  HardPositive hard_positive = HardPositive::MostSimilar;
};

struct LossTerms {
  torch::Tensor total;       // scalar with gradient: (sum inst + sum set + lambda sum hpe) / B
  torch::Tensor instance;    // scalar, sum of -log p(i|i) over images whose set is {i}
  torch::Tensor set;         // scalar, sum of -log sum_{j in P_i} p(j|i) over the others
  torch::Tensor hpe;         // scalar, sum of KL(p_i || q) over the same images (unweighted)
  int64_t batch = 0;
};

// Paper eqs. 5-7 for a whole batch at once.
//   features:  [B, D] unit rows from the backbone (with gradient)
//   memory:    [N, D] memory bank (constant)
//   indices:   [B] image indices of the batch rows
//   positives: [B, W] members of each P_i, -1 padded (PositiveSets::rows)
LossTerms isl_loss(const torch::Tensor& features, const torch::Tensor& memory,
                   const torch::Tensor& indices, const torch::Tensor& positives,
                   const LossOptions& options);

}  // namespace isl
