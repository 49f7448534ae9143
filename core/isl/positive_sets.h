#pragma once
#include <torch/torch.h>

#include <vector>

namespace isl {

// Compressed rows of every image's positive set, in host memory, for snapshots and files.
// Row i is members[offsets[i] .. offsets[i+1]); rounds[] says which round added each member
// (kSelfRound for the image itself).
struct PositiveSetRows {
  std::vector<int64_t> offsets;
  std::vector<int64_t> members;
  std::vector<int16_t> rounds;
};

// The positive set P_i of every image, stored as a padded [N, capacity] index tensor so a
// batch's sets are gathered with one index_select. Column 0 of row i is i itself; unused
// slots hold -1. Rows are filled from the left, in the order members were added.
class PositiveSets {
 public:
  static constexpr int16_t kSelfRound = -1;

  explicit PositiveSets(int64_t size, torch::Device device = torch::kCPU);
  PositiveSets(torch::Tensor members, torch::Tensor rounds, torch::Tensor sizes);

  int64_t size() const { return sizes_.size(0); }
  // Sum over i of (|P_i| - 1).
  int64_t mined_pairs() const;

  // [B, width] rows of the given images, -1 padded; width = the largest set in the batch.
  torch::Tensor rows(const torch::Tensor& indices) const;
  // [B] set sizes |P_i|.
  torch::Tensor sizes(const torch::Tensor& indices) const { return sizes_.index_select(0, indices); }

  // Adds j to P_i and i to P_j for every pair, recording `round`. Pairs already present, and
  // i == j, are ignored. Returns how many directed entries were added.
  int64_t add_symmetric(const torch::Tensor& first, const torch::Tensor& second, int16_t round);

  // Replaces every row with {i} followed by neighbours[i, 0 .. counts[i]) (not symmetric:
  // used for the Euclidean-neighbourhood baseline).
  void assign_rows(const torch::Tensor& neighbours, const torch::Tensor& counts, int16_t round);

  PositiveSetRows to_rows() const;

  const torch::Tensor& members() const { return members_; }
  const torch::Tensor& rounds() const { return rounds_; }
  const torch::Tensor& all_sizes() const { return sizes_; }

 private:
  void reserve(int64_t capacity);

  torch::Tensor members_;  // [N, capacity] int64
  torch::Tensor rounds_;   // [N, capacity] int16
  torch::Tensor sizes_;    // [N] int64
};

}  // namespace isl
