#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/models/backbone.h"

namespace isl {

// How FrozenBackbone runs the network; the defaults are what measured fastest (the table at
// the top of frozen_forward.cpp). The other settings exist for bench/isl-bench --variants and the tests.
struct FrozenOptions {
  // Run an own functional copy of the weights (needed for the three settings below it);
  // false runs backbone->forward in eval mode (channels_last then converts the input only).
  bool own_copy = true;
  bool fold_batch_norm = true;  // BatchNorm folded into the conv / linear before it
  bool channels_last = true;    // NHWC input and conv weights (oneDNN's native layout)
  bool inference_mode = true;   // c10::InferenceMode instead of NoGradGuard
  // bf16 only: weights cast to bf16 once per refresh instead of by autocast on every call.
  bool bf16_weights = true;
};

// The backbone as the stages that do not train it (GAN, mining, evaluation) use it: eval-mode
// features without gradient, computed faster than backbone->forward.
//
// With fold_batch_norm it runs its own copy of the weights (each BatchNorm folded into the
// layer before it, cast to bf16 when bf16 is on) through functional ops; it never changes
// the backbone or its train/eval flag. That copy is refreshed automatically: features() and
// conv5() compare the identity, data pointer and version counter of every parameter and
// buffer of the backbone with those the copy was made from, so an optimiser step, a
// train-mode forward (it bumps num_batches_tracked), a checkpoint load (copy_/set_) or a
// move to another device makes the next call rebuild it. Call refresh() yourself only after
// writing weights in a way that bypasses the version counter (through data_ptr()).
//
// Architectures it cannot fold (none of the built-in ones) run backbone->forward in eval mode.
class FrozenBackbone {
 public:
  FrozenBackbone(std::shared_ptr<models::BackboneImpl> backbone, torch::Device device, bool bf16,
                 FrozenOptions options = {});
  ~FrozenBackbone();
  FrozenBackbone(const FrozenBackbone&) = delete;
  FrozenBackbone& operator=(const FrozenBackbone&) = delete;

  // images: [B, 3, H, W] float32 (any device; moved to the backbone's). Returns [B, D] unit rows
  // and [B, conv5_dim] respectively, float32, no gradient; ordinary (not inference) tensors.
  torch::Tensor features(const torch::Tensor& images);
  torch::Tensor conv5(const torch::Tensor& images);

  // Rebuilds the folded copy from the backbone's current weights.
  void refresh();
  bool folded() const { return plan_ != nullptr; }
  const FrozenOptions& options() const { return options_; }

  struct Plan;  // the folded network (frozen_forward.cpp)

 private:
  torch::Tensor run(const torch::Tensor& images, bool embed);
  bool stale() const;

  std::shared_ptr<models::BackboneImpl> backbone_;
  torch::Device device_;
  bool bf16_;
  FrozenOptions options_;
  std::unique_ptr<Plan> plan_;
  struct Stamp {
    const void* impl;
    const void* data;
    uint32_t version;
  };
  std::vector<Stamp> stamps_;  // of every parameter and buffer when plan_ was built
};

}  // namespace isl
