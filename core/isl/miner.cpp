#include "core/isl/miner.h"

#include <limits>

#include "core/isl/memory_bank.h"
#include "core/isl/positive_sets.h"
#include "core/isl/proxy_gan.h"
#include "core/isl/row_top_k.h"

namespace isl {

namespace {

// S proxies per anchor and their confidences: rows of `proxies` run sample-major
// (sample s of anchor b is row s * B + b), `confidence` is [S, B].
struct ProxySamples {
  torch::Tensor proxies;
  torch::Tensor confidence;
};

ProxySamples generate_proxies(const torch::Tensor& anchor_features, const torch::Tensor& indices,
                              const MemoryBank& memory, const PositiveSets& sets, ProxyGan& gan,
                              const MinerOptions& options, torch::Generator& generator) {
  const int64_t samples = options.proxy_samples;
  auto triplets = sample_triplets(anchor_features, indices, memory, sets, options.triplets, generator, samples);
  auto proxies = gan.generate(triplets);
  auto confidence = gan.confidence(triplets, proxies).view({samples, indices.size(0)});
  return {proxies, confidence};
}

// Eq. 3's region around each proxy p*: its top-k memory entries (the anchor excluded),
// nearest first, and which of them lie inside r(c) = R + (1 - c)(1 - R) while c > theta.
struct Region {
  torch::Tensor similarity;  // [B, k]
  torch::Tensor members;     // [B, k]
  torch::Tensor threshold;   // [B]
  torch::Tensor accepted;    // [B, k] bool
};

Region region_around(const torch::Tensor& proxies, const torch::Tensor& confidence,
                     const torch::Tensor& indices, const MemoryBank& memory, const MinerOptions& options) {
  const auto& bank = memory.features();
  auto similarity = torch::matmul(proxies, bank.t());
  similarity.scatter_(1, indices.unsqueeze(1), -std::numeric_limits<double>::infinity());
  auto [top_similarity, top_index] = row_top_k(similarity, std::min(options.top_k, bank.size(0) - 1));
  auto threshold = options.region + (1 - confidence) * (1 - options.region);
  auto accepted = (top_similarity > threshold.unsqueeze(1)) & (confidence > options.threshold).unsqueeze(1);
  return {top_similarity, top_index, threshold, accepted};
}

}  // namespace

MiningBatch mine_batch(const torch::Tensor& anchor_features, const torch::Tensor& indices,
                       const MemoryBank& memory, const PositiveSets& sets, ProxyGan& gan,
                       const MinerOptions& options, torch::Generator& generator) {
  torch::NoGradGuard no_grad;
  const int64_t batch = indices.size(0);
  auto [proxies, confidence] = generate_proxies(anchor_features, indices, memory, sets, gan, options, generator);
  auto [best_confidence, best_sample] = confidence.max(0);
  auto row = best_sample * batch + torch::arange(batch, best_sample.options());
  return mine_region(proxies.index_select(0, row), best_confidence, indices, memory, options);
}

MiningBatch mine_region(const torch::Tensor& proxies, const torch::Tensor& confidence,
                        const torch::Tensor& indices, const MemoryBank& memory,
                        const MinerOptions& options) {
  torch::NoGradGuard no_grad;
  auto region = region_around(proxies, confidence, indices, memory, options);
  MiningBatch result;
  result.proxies = proxies;
  result.confidence = confidence;
  result.nearest = region.similarity.select(1, 0);
  result.anchors = indices.unsqueeze(1).expand_as(region.members).masked_select(region.accepted);
  result.others = region.members.masked_select(region.accepted);
  return result;
}

AnchorMining mine_one_anchor(const torch::Tensor& anchor_feature, int64_t index, const MemoryBank& memory,
                             const PositiveSets& sets, ProxyGan& gan, const MinerOptions& options,
                             torch::Generator& generator) {
  torch::NoGradGuard no_grad;
  auto indices = torch::full({1}, index, torch::TensorOptions().dtype(torch::kInt64).device(anchor_feature.device()));
  auto samples = generate_proxies(anchor_feature.unsqueeze(0), indices, memory, sets, gan, options, generator);
  AnchorMining result;
  result.proxies = samples.proxies;
  result.confidence = samples.confidence.select(1, 0);
  result.best = result.confidence.argmax().item<int64_t>();
  auto best = result.proxies.narrow(0, result.best, 1);
  auto region = region_around(best, result.confidence.narrow(0, result.best, 1), indices, memory, options);
  result.region = region.threshold.item<double>();
  result.candidates = region.members.squeeze(0);
  result.similarity = region.similarity.squeeze(0);
  result.joins = region.accepted.squeeze(0);
  return result;
}

bool mining_target_reached(int64_t mined_pairs, int64_t images, int round, double ratio) {
  return double(mined_pairs) / double(images) > (round + 1) * ratio;
}

}  // namespace isl
