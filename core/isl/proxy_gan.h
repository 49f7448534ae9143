#pragma once
#include <torch/torch.h>

#include <vector>

namespace isl {

// G: [a, p, n] (3D) -> proxy p' (D, unit norm).
struct ProxyGeneratorImpl : torch::nn::Module {
  explicit ProxyGeneratorImpl(int64_t dim);
  torch::Tensor forward(const torch::Tensor& triplets);
  torch::nn::Sequential layers{nullptr};
};
TORCH_MODULE(ProxyGenerator);

// Dis: [a, p, n] (3D) -> confidence in (0, 1) that the triplet is real. Returns [B].
struct ProxyDiscriminatorImpl : torch::nn::Module {
  explicit ProxyDiscriminatorImpl(int64_t dim);
  torch::Tensor forward(const torch::Tensor& triplets);
  torch::nn::Sequential layers{nullptr};
};
TORCH_MODULE(ProxyDiscriminator);

struct Triplets {
  torch::Tensor anchor;    // [B, D]
  torch::Tensor positive;  // [B, D]
  torch::Tensor negative;  // [B, D]
};

struct GanOptions {
  double learning_rate = 1e-4;
  double hardness = 0.5;  // lambda_g: weight of the [a, p', n] terms
};

struct GanStepLosses {
  double discriminator = 0;
  double generator = 0;
  double real_confidence = 0;  // mean Dis([a, p, n])
  double fake_confidence = 0;  // mean Dis([a, p', n])
};

// The proxy generator and discriminator with their optimisers (paper eq. 1).
class ProxyGan {
 public:
  ProxyGan(int64_t dim, GanOptions options);

  // One discriminator step, then one generator step, on a batch of real triplets.
  GanStepLosses train_step(const Triplets& real);

  // Proxies and their confidence Dis([a, p', n]) without gradient.
  torch::Tensor generate(const Triplets& real);
  torch::Tensor confidence(const Triplets& real, const torch::Tensor& proxies);

  // Both Adam optimizers' rate; a loaded optimizer state brings the rate it was saved with.
  void set_learning_rate(double learning_rate);
  void to(torch::Device device);
  void save(torch::serialize::OutputArchive& archive) const;
  void load(torch::serialize::InputArchive& archive);

  ProxyGenerator generator{nullptr};
  ProxyDiscriminator discriminator{nullptr};

 private:
  GanOptions options_;
  std::unique_ptr<torch::optim::Adam> generator_optimizer_;
  std::unique_ptr<torch::optim::Adam> discriminator_optimizer_;
};

// A discriminator stuck at 0 or 1 (mean confidences of an epoch on real triplets and on
// triplets holding a proxy): the GAN has collapsed and its proxies mean nothing.
bool gan_collapsed(double real_confidence, double fake_confidence);

struct GanStopOptions {
  int first_round_min_epochs = 10;
  double converged_loss = 1.0;
};

// The early-stop rule for GAN epochs, given the generator loss of every epoch so far in this
// round, decided in the method notes' order: (1) round 0 with fewer than
// `first_round_min_epochs` epochs: continue; (2) the best loss above `converged_loss`, or in
// round 0 the newest above it: continue; (3) the newest loss is the least of the last three
// (still decreasing): continue; (4) the best loss is not among the last three: stop;
// (5) otherwise continue.
bool gan_should_continue(const std::vector<double>& generator_losses, int round,
                         const GanStopOptions& options);

}  // namespace isl
