#pragma once
// The backbones' BatchNorm: LibTorch's computation, which normalises each process's batch on
// its own (as DistributedDataParallel does by default), and, once synchronised with a
// distributed run, one that normalises with the moments of the whole global batch (the
// sync_batchnorm setting). LibTorch's C++ API has no SyncBatchNorm, so this is one: an
// autograd function that all-reduces the batch sums in its forward pass and the gradient
// sums in its backward pass, as PyTorch's does. Parameters and buffers carry LibTorch's names
// and order, so checkpoints and exported weights are those of nn::BatchNorm1d/2d.
#include <torch/torch.h>

#include <ostream>

namespace isl {
class Distribution;
}

namespace isl::models {

class BatchNormImpl : public torch::nn::Cloneable<BatchNormImpl> {
 public:
  // What the layer normalises: a Linear's [B, C] output or a convolution's [B, C, H, W].
  enum class Follows { Linear, Convolution };
  BatchNormImpl(int64_t features, Follows follows);

  void reset() override;
  torch::Tensor forward(const torch::Tensor& input);
  void pretty_print(std::ostream& stream) const override;
  // Counts a training batch and returns the running statistics' update weight: the momentum,
  // or 1 / batches seen for a cumulative average (momentum unset), as LibTorch's BatchNorm.
  double running_average_factor();

  torch::nn::BatchNormOptions options;
  Follows follows;
  torch::Tensor weight, bias, running_mean, running_var, num_batches_tracked;
  // The run whose global batch is normalised over while training; none: this process's batch.
  Distribution* distribution = nullptr;
};
TORCH_MODULE(BatchNorm);

inline BatchNorm batch_norm_1d(int64_t features) { return BatchNorm(features, BatchNormImpl::Follows::Linear); }
inline BatchNorm batch_norm_2d(int64_t channels) { return BatchNorm(channels, BatchNormImpl::Follows::Convolution); }

// Makes every BatchNorm of `model` normalise over the ranks of `distribution` while training
// (nullptr: over each process's batch again).
void synchronise_batch_norm(torch::nn::Module& model, Distribution* distribution);

}  // namespace isl::models
