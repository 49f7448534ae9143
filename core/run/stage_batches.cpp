#include "core/run/stage_batches.h"

namespace isl {

StageBatches::StageBatches(data::PrefetchLoader& loader, Forward forward, int64_t limit)
    : loader_(loader), forward_(std::move(forward)), left_(limit) {
  if (forward_) worker_ = std::make_unique<TorchWorker>();
}

StageBatches::~StageBatches() = default;

std::optional<FeaturedBatch> StageBatches::next(bool overlap_following) {
  if (!forward_) {
    if (left_ == 0) return std::nullopt;
    auto batch = loader_.next();
    if (!batch) return std::nullopt;
    --left_;
    return FeaturedBatch{std::move(*batch), {}};
  }
  if (!started_) {
    started_ = true;
    take_following(false);
  }
  if (!following_) return std::nullopt;
  // The worker reads the batch until its forward ends: wait before moving the batch.
  const bool computed_ahead = following_->features.valid();
  if (computed_ahead) following_->features.wait();
  Following current = std::move(*following_);
  following_.reset();
  auto features = computed_ahead ? current.features.get() : forward_(current.batch);
  take_following(overlap_following);
  return FeaturedBatch{std::move(current.batch), std::move(features)};
}

void StageBatches::take_following(bool start_forward) {
  if (left_ == 0) return;
  auto batch = loader_.next();
  if (!batch) return;
  --left_;
  following_.emplace(Following{std::move(*batch), {}});
  if (start_forward)
    following_->features = worker_->run([this, &batch = following_->batch] { return forward_(batch); });
}

void StageBatches::wait_idle() {
  if (following_ && following_->features.valid()) following_->features.wait();
}

}  // namespace isl
