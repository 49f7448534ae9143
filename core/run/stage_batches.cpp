#include "core/run/stage_batches.h"

namespace isl {

StageBatches::StageBatches(data::PrefetchLoader& loader, Forward forward, int64_t limit)
    : loader_(loader), forward_(std::move(forward)), left_(limit) {
  if (forward_) worker_ = std::make_unique<TorchWorker>();
}

StageBatches::~StageBatches() = default;

std::optional<FeaturedBatch> StageBatches::next() {
  if (!forward_) {
    if (left_ == 0) return std::nullopt;
    auto batch = loader_.next();
    if (!batch) return std::nullopt;
    --left_;
    return FeaturedBatch{std::move(*batch), {}};
  }
  if (!started_) {
    started_ = true;
    fetch_ahead();
  }
  if (!ahead_) return std::nullopt;
  // The worker reads the batch until its forward ends: wait before moving the batch.
  ahead_->features.wait();
  Ahead done = std::move(*ahead_);
  ahead_.reset();
  FeaturedBatch current{std::move(done.batch), done.features.get()};
  fetch_ahead();
  return current;
}

void StageBatches::fetch_ahead() {
  if (left_ == 0) return;
  auto batch = loader_.next();
  if (!batch) return;
  --left_;
  ahead_.emplace(Ahead{std::move(*batch), {}});
  ahead_->features = worker_->run([this, &batch = ahead_->batch] { return forward_(batch); });
}

void StageBatches::wait_idle() {
  if (ahead_) ahead_->features.wait();
}

}  // namespace isl
