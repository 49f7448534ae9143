#include "core/models/batch_norm.h"

#include <cstdint>

#include "core/dist/distribution.h"

namespace isl::models {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// The channel axis is 1; the moments run over every other axis.
std::vector<int64_t> reduced_axes(const torch::Tensor& input) {
  std::vector<int64_t> axes{0};
  for (int64_t axis = 2; axis < input.dim(); ++axis) axes.push_back(axis);
  return axes;
}

std::vector<int64_t> channel_shape(const torch::Tensor& input) {
  std::vector<int64_t> shape(size_t(input.dim()), 1);
  shape[1] = -1;
  return shape;
}

// y = (x - mean) / sqrt(var + eps) * weight + bias with the mean and the biased variance of
// the global batch. Backward, with x^ the normalised input, g the output gradient and sums
// over the global batch (n values per channel):
//   dL/dx = weight / sqrt(var + eps) * (g - sum(g) / n - x^ * sum(g x^) / n)
// and the parameters' gradients are this rank's sums, which the gradient all-reduce adds up.
struct GlobalBatchNorm : torch::autograd::Function<GlobalBatchNorm> {
  static variable_list forward(AutogradContext* context, torch::Tensor input, torch::Tensor weight,
                               torch::Tensor bias, torch::Tensor mean, torch::Tensor invstd, int64_t count,
                               Distribution* distribution) {
    const auto shape = channel_shape(input);
    auto normalised = (input - mean.view(shape)) * invstd.view(shape);
    auto output = weight.defined() ? normalised * weight.view(shape) + bias.view(shape) : normalised;
    context->save_for_backward({normalised, weight, invstd});
    context->saved_data["count"] = count;
    // The autograd context holds values, not pointers; the distribution outlives the step.
    context->saved_data["distribution"] = int64_t(reinterpret_cast<intptr_t>(distribution));
    return {output};
  }

  static variable_list backward(AutogradContext* context, variable_list gradients) {
    const auto saved = context->get_saved_variables();
    const auto& normalised = saved[0];
    const auto& weight = saved[1];
    const auto& invstd = saved[2];
    const double count = double(context->saved_data["count"].toInt());
    auto* distribution = reinterpret_cast<Distribution*>(intptr_t(context->saved_data["distribution"].toInt()));
    const auto& gradient = gradients[0];
    const auto axes = reduced_axes(gradient);
    const auto shape = channel_shape(gradient);
    auto local_sum = gradient.sum(axes);
    auto local_dot = (gradient * normalised).sum(axes);
    std::vector<torch::Tensor> sums{local_sum.clone(), local_dot.clone()};
    distribution->all_reduce_sum(sums);
    auto scale = weight.defined() ? invstd * weight : invstd;
    auto input_gradient =
        (gradient - sums[0].view(shape) / count - normalised * (sums[1].view(shape) / count)) * scale.view(shape);
    if (!weight.defined()) return {input_gradient, {}, {}, {}, {}, {}, {}};
    return {input_gradient, local_dot, local_sum, {}, {}, {}, {}};
  }
};

torch::Tensor synchronised_forward(BatchNormImpl& bn, Distribution& distribution, const torch::Tensor& input) {
  const auto& options = bn.options;
  const auto axes = reduced_axes(input);
  auto x = input.to(torch::kFloat32);
  const int64_t channels = x.size(1);
  const int64_t local_count = x.numel() / std::max<int64_t>(channels, 1);
  auto [local_var, local_mean] = torch::var_mean(x.detach(), axes, /*unbiased=*/false);
  // Sums of x and x^2 in double, from each rank's moments: exact enough for the variance of
  // float32 activations, in one all-reduce of 2C + 1 values.
  auto mean_d = local_mean.to(torch::kFloat64);
  std::vector<torch::Tensor> sums{torch::cat({mean_d * double(local_count),
                                              (local_var.to(torch::kFloat64) + mean_d * mean_d) * double(local_count),
                                              torch::full({1}, double(local_count), mean_d.options())})};
  distribution.all_reduce_sum(sums);
  const double count = sums[0][2 * channels].item<double>();
  auto mean = sums[0].narrow(0, 0, channels) / count;
  auto var = (sums[0].narrow(0, channels, channels) / count - mean * mean).clamp_min(0);
  auto invstd = (var + options.eps()).rsqrt();
  if (options.track_running_stats()) {
    torch::NoGradGuard no_grad;
    const double momentum = bn.running_average_factor();
    bn.running_mean.mul_(1 - momentum).add_(mean.to(bn.running_mean.scalar_type()) * momentum);
    bn.running_var.mul_(1 - momentum).add_((var * (count / std::max(count - 1, 1.0))).to(bn.running_var.scalar_type()) * momentum);
  }
  auto output = GlobalBatchNorm::apply(x, options.affine() ? bn.weight : torch::Tensor(),
                                       options.affine() ? bn.bias : torch::Tensor(), mean.to(torch::kFloat32),
                                       invstd.to(torch::kFloat32), int64_t(count), &distribution)[0];
  return output.to(input.scalar_type());
}

}  // namespace

BatchNormImpl::BatchNormImpl(int64_t features, Follows follows_) : options(features), follows(follows_) { reset(); }

void BatchNormImpl::reset() {
  const int64_t n = options.num_features();
  weight = register_parameter("weight", torch::ones({n}));
  bias = register_parameter("bias", torch::zeros({n}));
  running_mean = register_buffer("running_mean", torch::zeros({n}));
  running_var = register_buffer("running_var", torch::ones({n}));
  num_batches_tracked = register_buffer("num_batches_tracked", torch::tensor(0, torch::kLong));
}

torch::Tensor BatchNormImpl::forward(const torch::Tensor& input) {
  const int64_t dims = follows == Follows::Linear ? 2 : 4;
  TORCH_CHECK(input.dim() == dims, "BatchNorm after a ", follows == Follows::Linear ? "Linear" : "convolution",
              " expects ", dims, "D input, got ", input.dim(), "D");
  if (is_training() && distribution && distribution->world_size() > 1)
    return synchronised_forward(*this, *distribution, input);
  const double momentum = is_training() ? running_average_factor() : 0.0;
  return torch::batch_norm(input, weight, bias, running_mean, running_var, is_training(), momentum, options.eps(),
                           at::globalContext().userEnabledCuDNN());
}

double BatchNormImpl::running_average_factor() {
  num_batches_tracked.add_(1);
  return options.momentum() ? *options.momentum() : 1.0 / num_batches_tracked.item<double>();
}

void BatchNormImpl::pretty_print(std::ostream& stream) const {
  stream << "isl::models::BatchNorm(" << options.num_features() << ", "
         << (follows == Follows::Linear ? "after Linear" : "after convolution") << ")";
}

void synchronise_batch_norm(torch::nn::Module& model, Distribution* distribution) {
  for (const auto& module : model.modules(/*include_self=*/true))
    if (auto* bn = dynamic_cast<BatchNormImpl*>(module.get())) bn->distribution = distribution;
}

}  // namespace isl::models
