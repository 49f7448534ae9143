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

// LibTorch's CPU operations run on one thread unless told otherwise (Debian's build starts
// with one): this gives them every core but one, or OMP_NUM_THREADS when that is set. The
// core left free runs the loader's workers, the window and whatever else the machine does:
// OpenMP threads that share a core with other work wait for each other at every barrier,
// which made a 2-thread AlexNet step 2-3x slower than a 1-thread one on a 2-core machine with
// one other busy process. OpenBLAS, which LibTorch calls for float matrix products, runs its
// own threads, every core by default: it gets the same count, else its threads spin on the
// core left free, and products from two threads at once (the GAN and mining stages' overlap)
// queue on its lock, which made the overlap slower than none. Returns the thread count in use.
int use_cpu_cores();

// glibc gives a freed block of a few megabytes back to the kernel and maps a fresh one at the
// next allocation, so each [B, N] tensor of every step paid its page faults again: half the
// time of the loss over an 8000-entry memory bank. Blocks up to 32 MB (glibc's largest
// mmap threshold) now come from the heap, and up to 512 MB of freed heap is kept for reuse.
void keep_freed_memory_for_reuse();

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
