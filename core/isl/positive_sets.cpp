#include "core/isl/positive_sets.h"

#include <algorithm>

namespace isl {

namespace {
constexpr int64_t kInitialCapacity = 8;
}

PositiveSets::PositiveSets(int64_t size, torch::Device device) {
  auto index_options = torch::TensorOptions().dtype(torch::kInt64).device(device);
  members_ = torch::full({size, kInitialCapacity}, -1, index_options);
  members_.select(1, 0).copy_(torch::arange(size, index_options));
  rounds_ = torch::full({size, kInitialCapacity}, -1, index_options.dtype(torch::kInt16));
  sizes_ = torch::ones({size}, index_options);
}

PositiveSets::PositiveSets(torch::Tensor members, torch::Tensor rounds, torch::Tensor sizes)
    : members_(std::move(members)), rounds_(std::move(rounds)), sizes_(std::move(sizes)) {}

int64_t PositiveSets::mined_pairs() const { return sizes_.sum().item<int64_t>() - size(); }

torch::Tensor PositiveSets::rows(const torch::Tensor& indices) const {
  auto batch_sizes = sizes(indices);
  const int64_t width = indices.numel() == 0 ? 1 : batch_sizes.max().item<int64_t>();
  return members_.index_select(0, indices).narrow(1, 0, width);
}

void PositiveSets::reserve(int64_t capacity) {
  const int64_t current = members_.size(1);
  if (capacity <= current) return;
  const int64_t grown = std::max(capacity, current * 2);
  auto pad = [&](const torch::Tensor& table) {
    return torch::cat({table, torch::full({table.size(0), grown - current}, -1, table.options())}, 1);
  };
  members_ = pad(members_);
  rounds_ = pad(rounds_);
}

int64_t PositiveSets::add_symmetric(const torch::Tensor& first, const torch::Tensor& second,
                                    int16_t round) {
  torch::NoGradGuard no_grad;
  const int64_t n = size();
  auto from = torch::cat({first, second}).to(members_.device(), torch::kInt64);
  auto to = torch::cat({second, first}).to(members_.device(), torch::kInt64);
  // Sorting the keys groups each row's additions together and drops repeats.
  auto keys = std::get<0>(torch::_unique(from * n + to, /*sorted=*/true));
  from = keys.div(n, "floor");
  to = keys.remainder(n);
  auto fresh = from != to;
  if (fresh.any().item<bool>()) {
    auto existing = members_.index_select(0, from);
    fresh &= ~(existing == to.unsqueeze(1)).any(1);
  }
  from = from.masked_select(fresh);
  to = to.masked_select(fresh);
  if (from.numel() == 0) return 0;

  auto [rows, inverse, counts] = torch::unique_consecutive(from, /*return_inverse=*/true,
                                                           /*return_counts=*/true);
  auto group_start = counts.cumsum(0) - counts;
  auto rank_in_row = torch::arange(from.numel(), from.options()) - group_start.index_select(0, inverse);
  auto column = sizes_.index_select(0, from) + rank_in_row;
  reserve(column.max().item<int64_t>() + 1);
  members_.index_put_({from, column}, to);
  rounds_.index_put_({from, column}, torch::full_like(to, round, rounds_.options()));
  sizes_.index_add_(0, rows, counts);
  return from.numel();
}

void PositiveSets::assign_rows(const torch::Tensor& neighbours, const torch::Tensor& counts,
                               int16_t round) {
  torch::NoGradGuard no_grad;
  const int64_t n = size();
  const int64_t width = neighbours.size(1) + 1;
  auto device_counts = counts.to(members_.device(), torch::kInt64);
  auto used = torch::arange(width - 1, device_counts.options()).unsqueeze(0) < device_counts.unsqueeze(1);
  auto self = torch::arange(n, device_counts.options()).unsqueeze(1);
  auto body = neighbours.to(members_.device(), torch::kInt64).masked_fill(~used, -1);
  members_ = torch::cat({self, body}, 1);
  rounds_ = torch::cat({torch::full({n, 1}, kSelfRound, rounds_.options()),
                        torch::full({n, width - 1}, round, rounds_.options()).masked_fill(~used, -1)},
                       1);
  sizes_ = device_counts + 1;
  reserve(width);
}

PositiveSetRows PositiveSets::to_rows() const {
  auto cpu_sizes = sizes_.cpu();
  auto used = (members_ >= 0).cpu();
  auto members = members_.cpu().masked_select(used).contiguous();
  auto rounds = rounds_.cpu().masked_select(used).contiguous();
  PositiveSetRows rows;
  rows.offsets.resize(size_t(size()) + 1, 0);
  auto cumulative = cpu_sizes.cumsum(0).contiguous();
  std::copy_n(cumulative.data_ptr<int64_t>(), size(), rows.offsets.begin() + 1);
  rows.members.assign(members.data_ptr<int64_t>(), members.data_ptr<int64_t>() + members.numel());
  rows.rounds.assign(rounds.data_ptr<int16_t>(), rounds.data_ptr<int16_t>() + rounds.numel());
  return rows;
}

}  // namespace isl
