#include "core/dist/rank_agreement.h"

#include <cstring>

namespace isl {

namespace {
uint64_t mix(uint64_t hash, uint64_t value) {
  hash ^= value + 0x9e3779b97f4a7c15ull + (hash << 6) + (hash >> 2);
  hash = (hash ^ (hash >> 30)) * 0xbf58476d1ce4e5b9ull;
  return hash ^ (hash >> 27);
}
}  // namespace

uint64_t fingerprint(const torch::Tensor& tensor) {
  uint64_t hash = mix(0, uint64_t(tensor.scalar_type()));
  for (int64_t size : tensor.sizes()) hash = mix(hash, uint64_t(size));
  auto host = tensor.detach().to(torch::kCPU).contiguous();
  const auto* bytes = static_cast<const unsigned char*>(host.data_ptr());
  const size_t count = size_t(host.numel()) * host.element_size();
  size_t offset = 0;
  for (; offset + 8 <= count; offset += 8) {
    uint64_t word;
    std::memcpy(&word, bytes + offset, 8);
    hash = mix(hash, word);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, bytes + offset, count - offset);
  return mix(hash, tail);
}

uint64_t fingerprint(const std::vector<torch::Tensor>& tensors) {
  uint64_t hash = mix(0, tensors.size());
  for (const auto& tensor : tensors) hash = mix(hash, fingerprint(tensor));
  return hash;
}

void check_ranks_agree(Distribution& distribution, const std::vector<StatePart>& parts, const std::string& when) {
  if (distribution.world_size() == 1 || parts.empty()) return;
  std::vector<int64_t> mine;
  for (const auto& part : parts) mine.push_back(int64_t(part.fingerprint));
  auto all = distribution.all_gather_rows(torch::tensor(mine, torch::kInt64).view({1, -1})).contiguous();
  const auto* values = all.data_ptr<int64_t>();
  const size_t count = parts.size();
  for (int rank = 1; rank < distribution.world_size(); ++rank)
    for (size_t k = 0; k < count; ++k)
      if (values[size_t(rank) * count + k] != values[k])
        throw RanksDiverged("rank " + std::to_string(rank) + " of " + std::to_string(distribution.world_size()) +
                            " holds another " + parts[k].name + " than rank 0 " + when +
                            ": the ranks diverged (they must run the same build with the same settings, data and "
                            "thread count)");
}

bool any_rank(Distribution& distribution, bool value) {
  if (distribution.world_size() == 1) return value;
  std::vector<torch::Tensor> flag{torch::tensor({value ? 1.0f : 0.0f})};
  distribution.all_reduce_sum(flag);
  return flag[0].item<float>() > 0;
}

}  // namespace isl
