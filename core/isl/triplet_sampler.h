#pragma once
#include <torch/torch.h>

#include "core/isl/proxy_gan.h"

namespace isl {

class MemoryBank;
class PositiveSets;

// Where a real triplet's positive comes from: the anchor's own memory entry M_i (the
// authors' code), or a random member of P_i.
enum class TripletPositive { MemorySelf, RandomMember };

struct TripletOptions {
  int64_t negative_candidates = 4096;  // K
  TripletPositive positive = TripletPositive::MemorySelf;
};

// Real triplets for a batch of anchors: a = the anchor's feature, p from P_i, n = of K
// indices drawn uniformly from the memory, the one whose entry is most similar to a, where
// members of P_i count as least similar (so n is in P_i only if all K draws were).
// `repeats` draws that many independent triplets per anchor, stacked repeat-major
// ([repeats * B, D]), for the miner's S samples.
Triplets sample_triplets(const torch::Tensor& anchor_features, const torch::Tensor& indices,
                         const MemoryBank& memory, const PositiveSets& sets,
                         const TripletOptions& options, torch::Generator& generator,
                         int64_t repeats = 1);

}  // namespace isl
