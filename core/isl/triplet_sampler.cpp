#include "core/isl/triplet_sampler.h"

#include <cmath>
#include <limits>

#include "core/isl/memory_bank.h"
#include "core/isl/positive_sets.h"
#include "core/isl/row_top_k.h"

namespace isl {

namespace {
constexpr double kNegligibleRankTail = 1e-12;
}  // namespace

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

  // Similarities are computed once per anchor with its positives set to -inf, so a member is
  // never preferred to another entry. Padding slots point at the anchor itself, a member anyway.
  auto members = sets.rows(indices);
  auto masked = torch::where(members >= 0, members, indices.unsqueeze(1));
  auto similarity = torch::matmul(anchor_features.to(torch::kFloat32), bank.t())
                        .scatter_(1, masked, -std::numeric_limits<double>::infinity());  // [B, N]
  // The most similar of K entries drawn uniformly (with replacement) has rank r or worse in
  // the anchor's similarity order with probability (1 - r/N)^K, so its rank is drawn directly
  // by inverting that: the same distribution as drawing the K candidates, at the cost of one
  // uniform number per triplet instead of K. Ranks from `depth` on are together less likely
  // than 1e-12 and are cut off; only as many entries as the deepest drawn rank are ordered.
  const double k = double(options.negative_candidates);
  const int64_t depth =
      std::min(n, int64_t(std::ceil(double(n) * -std::expm1(std::log(kNegligibleRankTail) / k))) + 1);
  auto uniform = torch::rand({repeats * batch}, generator, torch::kFloat64).to(bank.device());
  auto rank = (double(n) * -torch::expm1(torch::log1p(-uniform) / k)).floor().to(torch::kInt64).clamp_max(depth - 1);
  auto nearest = std::get<1>(row_top_k(similarity, rank.max().item<int64_t>() + 1));  // most similar first
  auto negatives = nearest.repeat({repeats, 1}).gather(1, rank.unsqueeze(1)).squeeze(1);

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
