#pragma once
// Every rank of a distributed run holds the same memory bank, positive sets, GAN and backbone
// after each batch, because each applies the same gathered values in the same order. These
// checks make that a tested fact instead of an assumption: ranks compare fingerprints of
// their state, and a rank that drifted (another build, another CPU's rounding) stops the run
// with an error naming the part, instead of training on silently.
#include <torch/torch.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dist/distribution.h"

namespace isl {

// A 64-bit hash of a tensor's shape, type and bytes (as they are in host memory).
uint64_t fingerprint(const torch::Tensor& tensor);
uint64_t fingerprint(const std::vector<torch::Tensor>& tensors);

struct StatePart {
  std::string name;  // "memory bank", "positive sets", ...
  uint64_t fingerprint = 0;
};

class RanksDiverged : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Gathers every rank's fingerprints and throws RanksDiverged on every rank when a rank's
// differ from rank 0's, naming the first such rank and part and `when` ("after round 1,
// backbone epoch 2"). The parts must be the same list, in the same order, on every rank.
void check_ranks_agree(Distribution& distribution, const std::vector<StatePart>& parts, const std::string& when);

// True on every rank when `value` is true on any rank: a stop asked of one rank is taken by
// all at the same batch.
bool any_rank(Distribution& distribution, bool value);

}  // namespace isl
