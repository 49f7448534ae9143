#include "core/run/snapshot_builder.h"

#include <torch/torch.h>

#include "core/eval/anchor_sample.h"
#include "core/eval/set_precision.h"
#include "core/run/run_files.h"

namespace isl {

SnapshotBuilder::SnapshotBuilder(Deliver deliver, Fail fail)
    : deliver_(std::move(deliver)), fail_(std::move(fail)), thread_([this] { work(); }) {}

SnapshotBuilder::~SnapshotBuilder() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void SnapshotBuilder::submit(SnapshotJob job) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !pending_; });
  pending_ = std::move(job);
  changed_.notify_all();
}

void SnapshotBuilder::wait_idle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !pending_ && !busy_; });
}

void SnapshotBuilder::work() {
  while (true) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return pending_ || stopping_; });
    if (!pending_) return;
    SnapshotJob job = std::move(*pending_);
    pending_.reset();
    busy_ = true;
    changed_.notify_all();
    lock.unlock();
    try {
      auto snapshot = std::make_shared<const Snapshot>(build(job, &projection_));
      if (!job.path.empty()) write_snapshot_file(job.path, *snapshot);
      deliver_(snapshot);
    } catch (const std::exception& error) {
      fail_(std::string("A snapshot could not be made: ") + error.what());
    }
    lock.lock();
    busy_ = false;
    changed_.notify_all();
  }
}

Snapshot SnapshotBuilder::build(SnapshotJob& job, Projection3d* previous) {
  Snapshot snapshot = std::move(job.snapshot);
  const int64_t n = snapshot.images;
  Projection3d projection = fit_pca_3d(job.memory.data(), n, job.dim, previous);
  if (previous) *previous = projection;
  snapshot.points = projection.apply(job.memory.data(), n);
  snapshot.proxy_points = projection.apply(job.proxies.data(), int64_t(snapshot.proxy_anchors.size()));
  snapshot.projection = std::move(projection);

  // The Euclidean comparison: for the sampled images with positives (compared_anchors, the
  // evaluation's sample), as many nearest memory entries; the other rows stay empty.
  torch::NoGradGuard no_grad;
  auto memory = torch::from_blob(job.memory.data(), {n, job.dim}, torch::kFloat32);
  std::vector<int64_t> counts(size_t(n), 0);
  for (int64_t i = 0; i < n; ++i) counts[size_t(i)] = std::max<int64_t>(snapshot.positives.size(i) - 1, 0);
  auto count_tensor = torch::from_blob(counts.data(), {n}, torch::kInt64);
  auto anchors = eval::compared_anchors(torch::nonzero(count_tensor > 0).squeeze(1), job.seed);
  auto table = eval::euclidean_neighbours(memory, anchors, count_tensor.index_select(0, anchors)).contiguous();

  SetRows& rows = snapshot.euclidean;
  rows.offsets.assign(size_t(n) + 1, 0);
  const int64_t width = table.size(1);
  const auto* anchor_ids = anchors.data_ptr<int64_t>();
  const auto* neighbours = table.data_ptr<int64_t>();
  for (int64_t r = 0, i = 0; i < n; ++i) {
    rows.offsets[size_t(i) + 1] = rows.offsets[size_t(i)];
    if (r < anchors.size(0) && anchor_ids[r] == i) {
      for (int64_t c = 0; c < counts[size_t(i)]; ++c) rows.members.push_back(neighbours[r * width + c]);
      rows.offsets[size_t(i) + 1] += counts[size_t(i)];
      ++r;
    }
  }
  rows.rounds.assign(rows.members.size(), int16_t(snapshot.round));
  return snapshot;
}

}  // namespace isl
