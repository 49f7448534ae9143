#pragma once
#include <torch/torch.h>

#include <functional>
#include <future>
#include <memory>
#include <optional>

#include "core/data/loader.h"
#include "core/run/torch_worker.h"

namespace isl {

struct FeaturedBatch {
  data::Batch batch;
  torch::Tensor features;  // undefined for a stage that computes none
};

// A stage's batches from the loader's current epoch, each with the frozen backbone's features
// where the stage needs them. The GAN and mining stages never change the backbone, so the
// features of the next batch can be computed on a worker thread while the caller samples
// triplets, steps the GAN or mines for the current one; with a core to spare, a batch then
// takes about as long as its forward alone. Whether that pays depends on the machine
// (OverlapTuner), so the caller chooses batch by batch.
class StageBatches {
 public:
  using Forward = std::function<torch::Tensor(const data::Batch&)>;
  // Hands out at most `limit` batches. An empty `forward`: batches without features, no worker.
  StageBatches(data::PrefetchLoader& loader, Forward forward, int64_t limit);
  ~StageBatches();  // waits for a forward still running; its batch is dropped
  StageBatches(const StageBatches&) = delete;
  StageBatches& operator=(const StageBatches&) = delete;

  // The next batch with its features, or nullopt at the epoch's end or the limit. With
  // `overlap_following`, the batch after it has its features computed on the worker from now
  // on; otherwise they are computed when it is asked for. Rethrows what the loader or the
  // forward threw.
  std::optional<FeaturedBatch> next(bool overlap_following = true);
  // Returns once no forward runs: before other work uses the backbone meanwhile.
  void wait_idle();

 private:
  struct Following {
    data::Batch batch;
    std::future<torch::Tensor> features;  // not valid: not started
  };
  void take_following(bool start_forward);

  data::PrefetchLoader& loader_;
  Forward forward_;
  int64_t left_;
  bool started_ = false;
  std::optional<Following> following_;
  std::unique_ptr<TorchWorker> worker_;  // declared last: joined before following_'s batch is freed
};

}  // namespace isl
