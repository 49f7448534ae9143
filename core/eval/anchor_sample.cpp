#include "core/eval/anchor_sample.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace isl::eval {

namespace {
// SplitMix64's finaliser: consecutive indices get unrelated priorities.
uint64_t priority(uint64_t seed, int64_t index) {
  uint64_t z = seed + 0x9E3779B97F4A7C15ull * (uint64_t(index) + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
}  // namespace

torch::Tensor compared_anchors(const torch::Tensor& anchors, uint64_t seed, int64_t most) {
  const int64_t count = anchors.numel();
  if (count <= most) return anchors;
  auto host = anchors.to(torch::kCPU, torch::kInt64).contiguous();
  const int64_t* index = host.data_ptr<int64_t>();
  std::vector<std::pair<uint64_t, int64_t>> ranked(static_cast<size_t>(count));
  for (int64_t r = 0; r < count; ++r) ranked[size_t(r)] = {priority(seed, index[r]), index[r]};
  std::nth_element(ranked.begin(), ranked.begin() + most, ranked.end());
  std::vector<int64_t> chosen(static_cast<size_t>(most));
  for (int64_t r = 0; r < most; ++r) chosen[size_t(r)] = ranked[size_t(r)].second;
  std::sort(chosen.begin(), chosen.end());
  return torch::tensor(chosen, torch::kInt64).to(anchors.device());
}

}  // namespace isl::eval
