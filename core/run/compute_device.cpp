#include "core/run/compute_device.h"

#include <ATen/Parallel.h>
#include <ATen/autocast_mode.h>
#include <dlfcn.h>
#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/input_error.h"

namespace isl {

torch::Device choose_device(const std::string& setting) {
  if (setting == "cpu") return torch::kCPU;
  const bool cuda = torch::cuda::is_available();
  if (setting == "cuda" && !cuda)
    throw InputError("device", "cuda was asked for, but this LibTorch build has no CUDA or no GPU is present");
  return cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
}

bool cpu_has_bf16_units() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("flags", 0) != 0) continue;
    std::istringstream flags(line);
    std::string flag;
    while (flags >> flag)
      if (flag == "avx512_bf16" || flag == "amx_bf16") return true;
    return false;
  }
  return false;
}

bool use_bf16(const std::string& setting, const torch::Device& device) {
  if (setting == "bf16") return true;
  if (setting == "fp32") return false;
  return device.is_cuda() || cpu_has_bf16_units();
}

AutocastScope::AutocastScope(bool enabled, const torch::Device& device)
    : enabled_(enabled), cuda_(device.is_cuda()) {
  if (!enabled_) return;
  if (cuda_) {
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    at::autocast::set_enabled(true);
  } else {
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    at::autocast::set_cpu_enabled(true);
  }
}

AutocastScope::~AutocastScope() {
  if (!enabled_) return;
  if (cuda_) at::autocast::set_enabled(false);
  else at::autocast::set_cpu_enabled(false);
  at::autocast::clear_cache();
}

int use_cpu_cores() {
  const char* requested = std::getenv("OMP_NUM_THREADS");
  const int threads = requested ? std::atoi(requested) : int(std::thread::hardware_concurrency()) - 1;
  at::set_num_threads(std::max(1, threads));
  // Looked up at run time: Debian's alternatives may select another BLAS, which has no such call.
  using SetThreads = void (*)(int);
  if (auto set_blas_threads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
    set_blas_threads(at::get_num_threads());
  return at::get_num_threads();
}

void keep_freed_memory_for_reuse() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
}

}  // namespace isl
