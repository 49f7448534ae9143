#include "core/isl/isl_loss.h"

#include <limits>

namespace isl {

namespace {

// Picks, for each row, the member of P_i \ {i} whose memory entry is most (or least) similar
// to M_i. Rows without such a member get an arbitrary valid index; callers mask them out.
torch::Tensor hard_positives(const torch::Tensor& memory, const torch::Tensor& indices,
                             const torch::Tensor& positives, HardPositive which) {
  auto valid = (positives >= 0) & (positives != indices.unsqueeze(1));
  auto members = positives.clamp_min(0);
  auto anchors = memory.index_select(0, indices);                           // [B, D]
  auto candidates = memory.index_select(0, members.flatten()).view({members.size(0), members.size(1), -1});
  auto similarity = torch::bmm(candidates, anchors.unsqueeze(2)).squeeze(2);  // [B, W]
  const double infinity = std::numeric_limits<double>::infinity();
  if (which == HardPositive::MostSimilar) {
    similarity = similarity.masked_fill(~valid, -infinity);
    return members.gather(1, similarity.argmax(1, true)).squeeze(1);
  }
  similarity = similarity.masked_fill(~valid, infinity);
  return members.gather(1, similarity.argmin(1, true)).squeeze(1);
}

}  // namespace

LossTerms isl_loss(const torch::Tensor& features, const torch::Tensor& memory,
                   const torch::Tensor& indices, const torch::Tensor& positives,
                   const LossOptions& options) {
  const double infinity = std::numeric_limits<double>::infinity();
  const auto constant_memory = memory.detach();
  auto log_p = torch::log_softmax(
      torch::matmul(features.to(torch::kFloat32), constant_memory.t()) / options.temperature, 1);  // [B, N]

  auto in_set = positives >= 0;
  auto set_log_p = log_p.gather(1, positives.clamp_min(0)).masked_fill(~in_set, -infinity);
  auto per_image = -torch::logsumexp(set_log_p, 1);  // L_inst where |P_i| = 1, L_set otherwise
  auto has_positives = in_set.sum(1) > 1;

  LossTerms terms;
  terms.batch = features.size(0);
  terms.instance = per_image.masked_select(~has_positives).sum();
  terms.set = per_image.masked_select(has_positives).sum();
  terms.hpe = torch::zeros({}, log_p.options());
  if (has_positives.any().item<bool>()) {
    torch::Tensor log_q;
    {
      torch::NoGradGuard no_grad;
      auto hard = hard_positives(constant_memory, indices, positives, options.hard_positive);
      log_q = torch::log_softmax(
          torch::matmul(constant_memory.index_select(0, hard), constant_memory.t()) / options.temperature, 1);
    }
    auto kl = (log_p.exp() * (log_p - log_q)).sum(1);
    terms.hpe = kl.masked_select(has_positives).sum();
  }
  terms.total = (terms.instance + terms.set + options.hpe_weight * terms.hpe) / double(terms.batch);
  return terms;
}

}  // namespace isl
