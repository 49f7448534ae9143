#include "core/isl/miner.h"

#include <limits>

#include "core/isl/memory_bank.h"
#include "core/isl/positive_sets.h"
#include "core/isl/proxy_gan.h"
#include "core/isl/row_top_k.h"

namespace isl {

MiningBatch mine_batch(const torch::Tensor& anchor_features, const torch::Tensor& indices,
                       const MemoryBank& memory, const PositiveSets& sets, ProxyGan& gan,
                       const MinerOptions& options, torch::Generator& generator) {
  torch::NoGradGuard no_grad;
  const int64_t batch = indices.size(0);
  const int64_t samples = options.proxy_samples;
  auto triplets = sample_triplets(anchor_features, indices, memory, sets, options.triplets, generator, samples);
  auto proxies = gan.generate(triplets);
  auto confidence = gan.confidence(triplets, proxies).view({samples, batch});
  auto [best_confidence, best_sample] = confidence.max(0);
  auto row = best_sample * batch + torch::arange(batch, best_sample.options());

  return mine_region(proxies.index_select(0, row), best_confidence, indices, memory, options);
}

MiningBatch mine_region(const torch::Tensor& proxies, const torch::Tensor& confidence,
                        const torch::Tensor& indices, const MemoryBank& memory,
                        const MinerOptions& options) {
  torch::NoGradGuard no_grad;
  const auto& bank = memory.features();
  auto similarity = torch::matmul(proxies, bank.t());
  similarity.scatter_(1, indices.unsqueeze(1), -std::numeric_limits<double>::infinity());
  auto [top_similarity, top_index] = row_top_k(similarity, std::min(options.top_k, bank.size(0) - 1));
  auto region = options.region + (1 - confidence) * (1 - options.region);
  auto accepted = (top_similarity > region.unsqueeze(1)) & (confidence > options.threshold).unsqueeze(1);
  MiningBatch result;
  result.proxies = proxies;
  result.confidence = confidence;
  result.nearest = top_similarity.select(1, 0);
  result.anchors = indices.unsqueeze(1).expand_as(top_index).masked_select(accepted);
  result.others = top_index.masked_select(accepted);
  return result;
}

bool mining_target_reached(int64_t mined_pairs, int64_t images, int round, double ratio) {
  return double(mined_pairs) / double(images) > (round + 1) * ratio;
}

}  // namespace isl
