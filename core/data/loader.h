#pragma once
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/data/augment.h"
#include "core/data/image_dataset.h"

namespace isl::data {

struct Batch {
  std::vector<int64_t> indices;  // data set indices of the images, in batch order
  std::vector<int> labels;
  std::vector<float> images;  // size() x 3 x image_size x image_size, normalised
  int image_size = 0;
  int64_t global_size = 0;  // images of the whole batch, of which this is one shard's part
  int64_t size() const { return int64_t(indices.size()); }
};

// The part of every batch one process of a distributed run trains on: shard `rank` of
// `count` holds rows [floor(B * rank / count), floor(B * (rank + 1) / count)) of each batch
// of B images, so that the shards together are the one-process batch, row for row.
struct Shard {
  int rank = 0;
  int count = 1;
};

struct LoaderOptions {
  int64_t batch_size = 128;
  bool shuffle = true;
  bool augment = true;     // augment_image, else evaluation_image
  bool drop_last = false;  // leave out a last, smaller batch
  int workers = 2;
  int prefetch_batches = 4;  // batches prepared ahead of the consumer, at most
  AugmentOptions augment_options;
  int out_size = 32;
  Shard shard;
};

// Prepares batches on worker threads while the consumer trains on earlier ones.
// Reproducible: an epoch's order depends only on epoch_seed, and the image in row i of batch
// b is augmented with a generator seeded from (epoch_seed, b, i), so a batch is bit-identical
// whatever the number of workers, their timing or the way the batch is sharded. Batches are
// delivered in order. start_epoch and next() are meant to be called from one thread.
class PrefetchLoader {
 public:
  // Throws InputError for options that cannot work (batch size, workers, ... below 1).
  PrefetchLoader(std::shared_ptr<const ImageDataset> dataset, LoaderOptions options);
  ~PrefetchLoader();
  PrefetchLoader(const PrefetchLoader&) = delete;
  PrefetchLoader& operator=(const PrefetchLoader&) = delete;

  // Starts an epoch, abandoning what is left of the previous one. Batches before
  // first_batch are skipped (a resumed run continues where it stopped).
  void start_epoch(uint64_t epoch_seed, int64_t first_batch = 0);
  // The next batch of the epoch, or nullopt when the epoch is over (or none was started).
  // Rethrows the error (e.g. InputError for an undecodable image) from preparing that batch;
  // the epoch then ends.
  std::optional<Batch> next();
  // Returns once the workers have prepared every batch the prefetch window holds (or the
  // epoch has left), so that nothing of theirs runs while the caller times other work.
  void wait_until_prefetched();
  int64_t batches_per_epoch() const;

 private:
  // A prepared batch, or what went wrong preparing it.
  struct Result {
    Batch batch;
    std::exception_ptr error;
  };
  void work();
  Batch prepare(uint64_t epoch_seed, int64_t batch_number, const std::vector<int64_t>& order) const;

  std::shared_ptr<const ImageDataset> dataset_;
  LoaderOptions options_;

  std::mutex mutex_;
  // Separate conditions, each signalled to one waiter: waking every thread at every batch
  // let idle workers take the consumer's core (2-3 ms of each batch on two cores).
  std::condition_variable batch_ready_;  // the consumer waits for its next batch, or a full window
  std::condition_variable work_ready_;   // workers wait for a batch to claim, or for stopping
  bool stopping_ = false;
  uint64_t generation_ = 0;  // bumped by start_epoch; results of older epochs are dropped
  uint64_t epoch_seed_ = 0;
  std::shared_ptr<const std::vector<int64_t>> order_;  // this epoch's permutation
  int64_t next_to_claim_ = 0;
  int64_t next_to_deliver_ = 0;
  int64_t end_batch_ = 0;  // no epoch running when next_to_deliver_ == end_batch_
  std::map<int64_t, Result> ready_;
  std::vector<std::thread> threads_;
};

}  // namespace isl::data
