#include "core/eval/linear_probe.h"

namespace isl::eval {

double linear_probe_top1(const torch::Tensor& train_features, const torch::Tensor& train_labels,
                         const torch::Tensor& test_features, const torch::Tensor& test_labels,
                         int64_t num_classes, const LinearProbeOptions& options) {
  auto mean = train_features.mean(0, true);
  auto scale = train_features.std(0, true, true).clamp_min(1e-6);
  auto train = ((train_features - mean) / scale).detach();
  auto test = ((test_features - mean) / scale).detach();

  torch::manual_seed(options.seed);
  torch::nn::Linear classifier(train.size(1), num_classes);
  classifier->to(train.device());
  torch::optim::SGD optimizer(classifier->parameters(), torch::optim::SGDOptions(options.learning_rate)
                                                            .momentum(options.momentum)
                                                            .weight_decay(options.weight_decay));
  auto generator = torch::make_generator<at::CPUGeneratorImpl>(options.seed);
  const int64_t n = train.size(0);
  for (int64_t epoch = 0; epoch < options.epochs; ++epoch) {
    // Cosine decay keeps the probe stable without a tuned schedule.
    const double lr = 0.5 * options.learning_rate * (1 + std::cos(M_PI * double(epoch) / double(options.epochs)));
    for (auto& group : optimizer.param_groups())
      static_cast<torch::optim::SGDOptions&>(group.options()).lr(lr);
    auto order = torch::randperm(n, generator, torch::kInt64).to(train.device());
    for (int64_t start = 0; start < n; start += options.batch) {
      auto batch = order.narrow(0, start, std::min(options.batch, n - start));
      auto loss = torch::cross_entropy_loss(classifier->forward(train.index_select(0, batch)),
                                            train_labels.index_select(0, batch));
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
    }
  }
  torch::NoGradGuard no_grad;
  if (test.size(0) == 0) return 0.0;
  return classifier->forward(test).argmax(1).eq(test_labels).to(torch::kFloat64).mean().item<double>();
}

}  // namespace isl::eval
