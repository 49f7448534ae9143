#pragma once
#include <torch/torch.h>

#include <string>

namespace isl {

// Resolves the "device" setting: auto picks CUDA when LibTorch has it and a GPU is present.
// Throws InputError when cuda is asked for and cannot be had.
torch::Device choose_device(const std::string& setting);

// Resolves the "precision" setting: auto means bf16 where the CPU has bf16 units (AVX-512
// BF16 or AMX) or on CUDA, else fp32.
bool use_bf16(const std::string& setting, const torch::Device& device);
bool cpu_has_bf16_units();

// Turns on bf16 autocast for this thread while it lives (the backbone forward); memory bank,
// softmax over it and the losses run outside it in fp32.
class AutocastScope {
 public:
  AutocastScope(bool enabled, const torch::Device& device);
  ~AutocastScope();
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  bool enabled_;
  bool cuda_;
};

}  // namespace isl
