#include "core/isl/triplet_sampler.h"

#include <limits>

#include "core/isl/memory_bank.h"
#include "core/isl/positive_sets.h"

namespace isl {

Triplets sample_triplets(const torch::Tensor& anchor_features, const torch::Tensor& indices,
                         const MemoryBank& memory, const PositiveSets& sets,
                         const TripletOptions& options, torch::Generator& generator,
                         int64_t repeats) {
  torch::NoGradGuard no_grad;
  const auto& bank = memory.features();
  const int64_t batch = indices.size(0);
  const int64_t n = memory.size();
  auto anchors = anchor_features.to(torch::kFloat32).repeat({repeats, 1});
  auto anchor_indices = indices.repeat({repeats});
  auto index_options = indices.options();

  // Similarities are computed once per anchor with its positives set to -inf, then read for
  // each repeat's candidates: a member can never be the most similar candidate. Padding
  // slots point at the anchor itself, which is a member anyway.
  auto members = sets.rows(indices);
  auto masked = torch::where(members >= 0, members, indices.unsqueeze(1));
  auto similarity = torch::matmul(anchor_features.to(torch::kFloat32), bank.t())
                        .scatter_(1, masked, -std::numeric_limits<double>::infinity());  // [B, N]
  auto candidates = torch::randint(n, {repeats * batch, options.negative_candidates}, generator,
                                   index_options.device(torch::kCPU)).to(bank.device());
  auto candidate_similarity = similarity.unsqueeze(0)
                                  .expand({repeats, batch, n})
                                  .gather(2, candidates.view({repeats, batch, -1}))
                                  .view({repeats * batch, -1});
  auto negatives = candidates.gather(1, candidate_similarity.argmax(1, true)).squeeze(1);

  torch::Tensor positives;
  if (options.positive == TripletPositive::MemorySelf) {
    positives = anchor_indices;
  } else {
    auto set_sizes = sets.sizes(anchor_indices);
    auto column = (torch::rand({repeats * batch}, generator, torch::kFloat32).to(bank.device()) *
                   set_sizes.to(torch::kFloat32)).to(torch::kInt64).clamp_max(set_sizes - 1);
    positives = members.repeat({repeats, 1}).gather(1, column.unsqueeze(1)).squeeze(1);
  }
  return Triplets{anchors, bank.index_select(0, positives), bank.index_select(0, negatives)};
}

}  // namespace isl
