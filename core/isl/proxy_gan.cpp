#include "core/isl/proxy_gan.h"

#include <algorithm>

namespace isl {

namespace nn = torch::nn;

namespace {
constexpr double kLeakySlope = 0.2;

nn::LeakyReLU leaky() { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(kLeakySlope)); }

torch::Tensor join(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& c) {
  return torch::cat({a, b, c}, 1);
}

torch::Tensor weighted_bce(const torch::Tensor& confidence, double target) {
  return torch::binary_cross_entropy(confidence, torch::full_like(confidence, target));
}
}  // namespace

ProxyGeneratorImpl::ProxyGeneratorImpl(int64_t dim) {
  layers = register_module("layers", nn::Sequential(nn::Linear(3 * dim, 2 * dim), leaky(),
                                                    nn::Linear(2 * dim, dim), leaky(),
                                                    nn::Linear(dim, dim)));
}

torch::Tensor ProxyGeneratorImpl::forward(const torch::Tensor& triplets) {
  return nn::functional::normalize(layers->forward(triplets), nn::functional::NormalizeFuncOptions().dim(1));
}

ProxyDiscriminatorImpl::ProxyDiscriminatorImpl(int64_t dim) {
  layers = register_module("layers", nn::Sequential(nn::Linear(3 * dim, dim), leaky(),
                                                    nn::Linear(dim, dim / 2), leaky(),
                                                    nn::Linear(dim / 2, 1), nn::Sigmoid()));
}

torch::Tensor ProxyDiscriminatorImpl::forward(const torch::Tensor& triplets) {
  return layers->forward(triplets).squeeze(1);
}

ProxyGan::ProxyGan(int64_t dim, GanOptions options)
    : generator(dim), discriminator(dim), options_(options) {
  generator_optimizer_ = std::make_unique<torch::optim::Adam>(
      generator->parameters(), torch::optim::AdamOptions(options.learning_rate));
  discriminator_optimizer_ = std::make_unique<torch::optim::Adam>(
      discriminator->parameters(), torch::optim::AdamOptions(options.learning_rate));
}

GanStepLosses ProxyGan::train_step(const Triplets& real) {
  const double hardness = options_.hardness;
  const auto& a = real.anchor;
  const auto& p = real.positive;
  const auto& n = real.negative;
  GanStepLosses losses;

  // Discriminator: real triplets -> 1, triplets holding a proxy -> 0.
  auto proxies = generator->forward(join(a, p, n)).detach();
  auto real_confidence = discriminator->forward(join(a, p, n));
  auto fake_as_negative = discriminator->forward(join(a, p, proxies));
  auto fake_as_positive = discriminator->forward(join(a, proxies, n));
  auto discriminator_loss =
      (weighted_bce(real_confidence, 1.0) + (1 - hardness) * weighted_bce(fake_as_negative, 0.0) +
       hardness * weighted_bce(fake_as_positive, 0.0)) / 2;
  discriminator_optimizer_->zero_grad();
  discriminator_loss.backward();
  discriminator_optimizer_->step();

  // Generator: make both proxy triplets pass as real.
  proxies = generator->forward(join(a, p, n));
  auto generated_as_positive = discriminator->forward(join(a, proxies, n));
  auto generator_loss = (1 - hardness) * weighted_bce(discriminator->forward(join(a, p, proxies)), 1.0) +
                        hardness * weighted_bce(generated_as_positive, 1.0);
  generator_optimizer_->zero_grad();
  generator_loss.backward();
  generator_optimizer_->step();

  losses.discriminator = discriminator_loss.item<double>();
  losses.generator = generator_loss.item<double>();
  losses.real_confidence = real_confidence.mean().item<double>();
  losses.fake_confidence = generated_as_positive.mean().item<double>();
  return losses;
}

torch::Tensor ProxyGan::generate(const Triplets& real) {
  torch::NoGradGuard no_grad;
  return generator->forward(join(real.anchor, real.positive, real.negative));
}

torch::Tensor ProxyGan::confidence(const Triplets& real, const torch::Tensor& proxies) {
  torch::NoGradGuard no_grad;
  return discriminator->forward(join(real.anchor, proxies, real.negative));
}

void ProxyGan::set_learning_rate(double learning_rate) {
  options_.learning_rate = learning_rate;
  for (auto* optimizer : {generator_optimizer_.get(), discriminator_optimizer_.get()})
    for (auto& group : optimizer->param_groups())
      static_cast<torch::optim::AdamOptions&>(group.options()).lr(learning_rate);
}

void ProxyGan::to(torch::Device device) {
  generator->to(device);
  discriminator->to(device);
}

void ProxyGan::save(torch::serialize::OutputArchive& archive) const {
  auto part = [&](const char* key, auto&& saver) {
    torch::serialize::OutputArchive child;
    saver(child);
    archive.write(key, child);
  };
  part("generator", [&](auto& child) { generator->save(child); });
  part("discriminator", [&](auto& child) { discriminator->save(child); });
  part("generator_optimizer", [&](auto& child) { generator_optimizer_->save(child); });
  part("discriminator_optimizer", [&](auto& child) { discriminator_optimizer_->save(child); });
}

void ProxyGan::load(torch::serialize::InputArchive& archive) {
  auto part = [&](const char* key, auto&& loader) {
    torch::serialize::InputArchive child;
    archive.read(key, child);
    loader(child);
  };
  part("generator", [&](auto& child) { generator->load(child); });
  part("discriminator", [&](auto& child) { discriminator->load(child); });
  part("generator_optimizer", [&](auto& child) { generator_optimizer_->load(child); });
  part("discriminator_optimizer", [&](auto& child) { discriminator_optimizer_->load(child); });
}

bool gan_collapsed(double real_confidence, double fake_confidence) {
  constexpr double kSaturated = 1e-3;
  auto at_zero = [](double c) { return c < kSaturated; };
  auto at_one = [](double c) { return c > 1 - kSaturated; };
  return (at_zero(real_confidence) || at_one(real_confidence)) && (at_zero(fake_confidence) || at_one(fake_confidence));
}

bool gan_should_continue(const std::vector<double>& losses, int round, const GanStopOptions& options) {
  if (losses.empty()) return true;
  const size_t count = losses.size();
  const double newest = losses.back();
  if (round == 0 && count < size_t(options.first_round_min_epochs)) return true;
  const double least = *std::min_element(losses.begin(), losses.end());
  if (least > options.converged_loss || (round == 0 && newest > options.converged_loss)) return true;
  const auto last_three = losses.end() - std::ptrdiff_t(std::min<size_t>(count, 3));
  // Still decreasing: the newest loss is below the (up to) two before it; a tie is no decrease.
  if (std::all_of(last_three, losses.end() - 1, [&](double earlier) { return newest < earlier; })) return true;
  return std::find(last_three, losses.end(), least) != losses.end();
}

}  // namespace isl
