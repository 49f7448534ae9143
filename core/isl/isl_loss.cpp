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
  auto similarity = (candidates * anchors.unsqueeze(1)).sum(2);  // [B, W]; a bmm of [B, D, 1] is far slower
  const double infinity = std::numeric_limits<double>::infinity();
  if (which == HardPositive::MostSimilar) {
    similarity = similarity.masked_fill(~valid, -infinity);
    return members.gather(1, similarity.argmax(1, true)).squeeze(1);
  }
  similarity = similarity.masked_fill(~valid, infinity);
  return members.gather(1, similarity.argmin(1, true)).squeeze(1);
}

// log softmax over the memory entries of rows . M^T / T (eq. 5's p, and the HPE target q). The
// rows are scaled rather than the [B, N] product.
torch::Tensor log_softmax_over_memory(const torch::Tensor& rows, const torch::Tensor& memory, double temperature) {
  return torch::log_softmax(torch::matmul(rows * (1.0 / temperature), memory.t()), 1);
}

// The per-image set term (-log sum_{j in P_i} p(j|i), which is L_inst where P_i = {i}) and
// KL(p_i || q_i), with a backward pass written out: autograd through the [B, N] softmax
// kept about twenty tensors of that size alive and spent most of a backbone step's loss time
// on them. With z = f M^T / T, p = softmax(z), s_i = sum_{j in P_i} p_j and d = log p - log q:
//   d(-log s_i)/dz_j = p_j - [j in P_i] p_j / s_i,    dKL_i/dz_j = p_j (d_j - KL_i).
class SetAndHpeTerms : public torch::autograd::Function<SetAndHpeTerms> {
 public:
  // features [B, D], memory [N, D], members [B, W] (-1 padded), log_q [B, N] or none (no
  // HPE term). Returns {per-image set term [B], KL [B] (zeros without log_q)}.
  static torch::autograd::variable_list forward(torch::autograd::AutogradContext* context, const torch::Tensor& features,
                                                const torch::Tensor& memory, const torch::Tensor& members,
                                                const c10::optional<torch::Tensor>& log_q, double temperature) {
    auto log_p = log_softmax_over_memory(features, memory, temperature);  // [B, N]
    auto in_set = members >= 0;
    auto safe_members = members.clamp_min(0);
    auto set_log_p = log_p.gather(1, safe_members).masked_fill_(~in_set, -std::numeric_limits<double>::infinity());
    auto per_image = -torch::logsumexp(set_log_p, 1);
    auto p = log_p.exp();
    torch::Tensor kl, difference;
    if (log_q) {
      difference = log_p.sub_(*log_q);  // log_p is not needed any more
      kl = (p * difference).sum(1);
    } else {
      kl = torch::zeros_like(per_image);
    }
    context->save_for_backward({p, difference, kl, memory, safe_members, set_log_p, per_image});
    context->saved_data["temperature"] = temperature;
    return {per_image, kl};
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* context,
                                                 torch::autograd::variable_list grads) {
    const auto saved = context->get_saved_variables();
    const auto &p = saved[0], &difference = saved[1], &kl = saved[2], &memory = saved[3], &members = saved[4],
               &set_log_p = saved[5], &per_image = saved[6];
    auto grad_set = grads[0].defined() ? grads[0].unsqueeze(1) : torch::zeros_like(per_image).unsqueeze(1);
    // p_j times the row's coefficient, then each member's p_j / s_i share taken off.
    torch::Tensor grad_z;
    if (difference.defined() && grads[1].defined()) {
      const auto grad_kl = grads[1].unsqueeze(1);
      grad_z = (difference - kl.unsqueeze(1)).mul_(grad_kl).add_(grad_set).mul_(p);
    } else {
      grad_z = p * grad_set;
    }
    grad_z.scatter_add_(1, members, -(set_log_p + per_image.unsqueeze(1)).exp() * grad_set);
    auto grad_features = torch::matmul(grad_z, memory) * (1.0 / context->saved_data["temperature"].toDouble());
    return {grad_features, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
  }
};

}  // namespace

LossTerms isl_loss(const torch::Tensor& features, const torch::Tensor& memory,
                   const torch::Tensor& indices, const torch::Tensor& positives,
                   const LossOptions& options) {
  const auto constant_memory = memory.detach();
  auto has_positives = (positives >= 0).sum(1) > 1;
  c10::optional<torch::Tensor> log_q;
  if (has_positives.any().item<bool>()) {
    torch::NoGradGuard no_grad;
    auto hard = hard_positives(constant_memory, indices, positives, options.hard_positive);
    log_q = log_softmax_over_memory(constant_memory.index_select(0, hard), constant_memory, options.temperature);
  }
  auto terms_per_image =
      SetAndHpeTerms::apply(features.to(torch::kFloat32), constant_memory, positives, log_q, options.temperature);
  const auto& per_image = terms_per_image[0];  // L_inst where |P_i| = 1, L_set otherwise
  const auto& kl = terms_per_image[1];

  LossTerms terms;
  terms.batch = features.size(0);
  terms.instance = per_image.masked_select(~has_positives).sum();
  terms.set = per_image.masked_select(has_positives).sum();
  terms.hpe = kl.masked_select(has_positives).sum();
  terms.total = (terms.instance + terms.set + options.hpe_weight * terms.hpe) / double(terms.batch);
  return terms;
}

}  // namespace isl
