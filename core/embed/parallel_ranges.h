#pragma once
#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

namespace isl::embed {

// Runs body(begin, end) over [0, count) split into as many contiguous ranges as LibTorch has
// intra-op threads (OMP_NUM_THREADS), one std::thread each. at::parallel_for would run
// serially here: its OpenMP backend lives in the header and this library is not built with
// OpenMP.
template <typename Body>
void parallel_ranges(int64_t count, const Body& body) {
  const int64_t threads = std::clamp<int64_t>(at::get_num_threads(), 1, std::max<int64_t>(count, 1));
  if (threads == 1) {
    body(int64_t(0), count);
    return;
  }
  std::vector<std::thread> workers;
  for (int64_t t = 1; t < threads; ++t) workers.emplace_back([&, t] { body(count * t / threads, count * (t + 1) / threads); });
  body(int64_t(0), count / threads);
  for (auto& worker : workers) worker.join();
}

}  // namespace isl::embed
