// The proxies of one anchor on request: what the window draws when a user selects an image.
#include <algorithm>

#include "core/input_error.h"
#include "core/run/trainer_engine.h"

namespace isl {

AnchorProxies Trainer::Impl::explore_anchor(int64_t anchor) {
  const std::string subject = "anchor " + std::to_string(anchor);
  if (config.method != "isl")
    throw InputError(subject, "has no proxies: the " + config.method + " method trains no proxy generator");
  if (anchor < 0 || anchor >= train_images->size())
    throw InputError(subject, "is not an image of this run (it has " + std::to_string(train_images->size()) + ")");
  // A stream of its own for each anchor and epoch: asking changes no draw of the training
  // (negative batch numbers are never a training batch's), and asking twice shows the same.
  auto generator = batch_generator(-2 - anchor);
  auto mined = mine_one_anchor(memory->features()[anchor], anchor, *memory, *mined_sets, *gan, miner_options(), generator);

  AnchorProxies result;
  result.anchor = anchor;
  result.round = position.round;
  result.stage = position.stage;
  result.global_epoch = position.global_epoch;
  // Round 0's GAN stage comes first in every run that has one; the last round has none.
  result.generator_trained = position.round > 0 || position.stage == Stage::Mining ||
                             (position.stage == Stage::Gan && position.epoch > 0);
  result.dim = config.feature_dim;
  result.proxies = host_values<float>(mined.proxies, torch::kFloat32);
  result.confidence = host_values<float>(mined.confidence, torch::kFloat32);
  result.best = int(mined.best);
  result.confidence_threshold = config.confidence_threshold;
  result.region = mined.region;
  result.candidates = host_values<int64_t>(mined.candidates, torch::kInt64);
  result.similarity = host_values<float>(mined.similarity, torch::kFloat32);
  auto joins = host_values<bool>(mined.joins, torch::kBool);
  for (size_t k = 0; k < joins.size(); ++k)
    if (joins[k]) result.joining.push_back(result.candidates[k]);
  return result;
}

// From now on the snapshots carry this anchor's proxy too, and the checkpoint keeps it in the
// tracked set, so that a replay of the run shows what the user looked at.
void Trainer::Impl::track_anchor(const AnchorProxies& proxies) {
  const int64_t anchor = proxies.anchor;
  if (!(tracked_anchors == anchor).any().item<bool>()) {
    auto added = torch::full({1}, anchor, tracked_anchors.options());
    tracked_anchors = std::get<0>(torch::cat({tracked_anchors, added}).sort());
  }
  // An untrained generator's proxies are noise: the snapshots show none before the first GAN epoch.
  if (!proxies.generator_trained) return;
  auto best = torch::from_blob(const_cast<float*>(proxies.proxies.data()) + proxies.best * proxies.dim,
                               {proxies.dim}, torch::kFloat32);
  last_proxies[anchor].copy_(best);
  last_confidence[anchor].fill_(double(proxies.confidence[size_t(proxies.best)]));
}

void Trainer::Impl::serve_anchor_requests() {
  for (int64_t anchor : control.take_anchor_requests()) {
    try {
      auto proxies = std::make_shared<const AnchorProxies>(explore_anchor(anchor));
      track_anchor(*proxies);
      for (auto* observer : observers) observer->on_anchor_proxies(proxies);
    } catch (const InputError& error) {
      log(LogLevel::Warning, error.what());
    }
  }
}

void Trainer::request_anchor_proxies(int64_t anchor) { impl_->control.request_anchor_proxies(anchor); }

AnchorProxies Trainer::anchor_proxies(int64_t anchor) {
  torch::NoGradGuard no_grad;
  return impl_->explore_anchor(anchor);
}

}  // namespace isl
