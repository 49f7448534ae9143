#include "core/isl/memory_bank.h"

#include <cmath>

namespace isl {

MemoryBank::MemoryBank(int64_t size, int64_t dim, uint64_t seed) {
  auto generator = torch::make_generator<at::CPUGeneratorImpl>(seed);
  const double bound = 1.0 / std::sqrt(double(dim) / 3.0);
  features_ = torch::rand({size, dim}, generator, torch::kFloat32) * (2 * bound) - bound;
}

MemoryBank::MemoryBank(torch::Tensor features) : features_(std::move(features)) {}

void MemoryBank::update(const torch::Tensor& indices, const torch::Tensor& batch_features,
                        double momentum) {
  torch::NoGradGuard no_grad;
  auto previous = features_.index_select(0, indices);
  auto blended = previous * momentum + batch_features.detach().to(features_.dtype()) * (1.0 - momentum);
  features_.index_copy_(0, indices, torch::nn::functional::normalize(
                                        blended, torch::nn::functional::NormalizeFuncOptions().dim(1)));
}

void MemoryBank::assign(torch::Tensor features) { features_ = std::move(features); }

}  // namespace isl
