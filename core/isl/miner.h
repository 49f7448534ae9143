#pragma once
#include <torch/torch.h>

#include "core/isl/triplet_sampler.h"

namespace isl {

class MemoryBank;
class PositiveSets;
class ProxyGan;

struct MinerOptions {
  int64_t proxy_samples = 5;  // S triplets per anchor; the most confident proxy is kept
  double threshold = 0.5;     // theta: a proxy below this confidence mines nothing
  double region = 0.6;        // R: cosine threshold at confidence 1
  int64_t top_k = 10;         // candidates per proxy
  TripletOptions triplets;
};

struct MiningBatch {
  torch::Tensor proxies;     // [B, D] the most confident proxy p* of each anchor
  torch::Tensor confidence;  // [B] its confidence c
  torch::Tensor nearest;     // [B] cosine similarity of p* to its nearest memory entry
  torch::Tensor anchors;     // [P] pair ends: anchors[k] gained others[k]
  torch::Tensor others;      // [P]
};

// Paper eqs. 2-3 for a batch of anchors: the best of S proxies; if c > theta, every one of the
// top-k memory entries nearest p* (the anchor excluded) with M_j . p* > R + (1 - c)(1 - R).
// Finds the pairs; the caller adds them to the sets.
MiningBatch mine_batch(const torch::Tensor& anchor_features, const torch::Tensor& indices,
                       const MemoryBank& memory, const PositiveSets& sets, ProxyGan& gan,
                       const MinerOptions& options, torch::Generator& generator);

// The region step alone, for given proxies p* and confidences c: the pairs (anchor, j) for
// every j among the top-k entries nearest p* (anchor excluded) with M_j . p* > r(c), where c > theta.
MiningBatch mine_region(const torch::Tensor& proxies, const torch::Tensor& confidence,
                        const torch::Tensor& indices, const MemoryBank& memory,
                        const MinerOptions& options);

// One anchor's mining step with everything it weighed, for showing it: all S proxies and
// their confidences, the most confident p*, and p*'s candidates with its region threshold.
struct AnchorMining {
  torch::Tensor proxies;     // [S, D]
  torch::Tensor confidence;  // [S]
  int64_t best = 0;          // row of p*
  double region = 0;         // r(c*): the cosine to p* a candidate must exceed
  torch::Tensor candidates;  // [k] the memory entries nearest p* (the anchor excluded), nearest first
  torch::Tensor similarity;  // [k] their cosine to p*
  torch::Tensor joins;       // [k] bool: the candidate would join the anchor's set
};
AnchorMining mine_one_anchor(const torch::Tensor& anchor_feature, int64_t index, const MemoryBank& memory,
                             const PositiveSets& sets, ProxyGan& gan, const MinerOptions& options,
                             torch::Generator& generator);

// The mining passes of round `round` stop once mined pairs / N exceeds (round + 1) * ratio.
bool mining_target_reached(int64_t mined_pairs, int64_t images, int round, double ratio);

}  // namespace isl
