#include "core/data/loader.h"

#include <algorithm>
#include <numeric>

#include <sys/resource.h>
#include <unistd.h>

#include "core/data/random.h"
#include "core/input_error.h"

namespace isl::data {

namespace {
constexpr int kWorkerNiceness = 10;
}  // namespace

PrefetchLoader::PrefetchLoader(std::shared_ptr<const ImageDataset> dataset, LoaderOptions options)
    : dataset_(std::move(dataset)), options_(std::move(options)) {
  auto require_positive = [](int64_t value, const char* name) {
    if (value < 1) throw InputError(name, std::to_string(value) + " is not allowed, it must be at least 1");
  };
  require_positive(options_.batch_size, "batch size");
  require_positive(options_.workers, "loader workers");
  require_positive(options_.prefetch_batches, "prefetch batches");
  require_positive(options_.out_size, "image size");
  require_positive(options_.shard.count, "shard count");
  if (options_.shard.rank < 0 || options_.shard.rank >= options_.shard.count)
    throw InputError("shard", std::to_string(options_.shard.rank) + " is not one of 0.." +
                                  std::to_string(options_.shard.count - 1));
  for (int i = 0; i < options_.workers; ++i) threads_.emplace_back([this] { work(); });
}

PrefetchLoader::~PrefetchLoader() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

int64_t PrefetchLoader::batches_per_epoch() const {
  const int64_t n = dataset_->size();
  return options_.drop_last ? n / options_.batch_size : (n + options_.batch_size - 1) / options_.batch_size;
}

void PrefetchLoader::start_epoch(uint64_t epoch_seed, int64_t first_batch) {
  auto order = std::make_shared<std::vector<int64_t>>(size_t(dataset_->size()));
  std::iota(order->begin(), order->end(), int64_t(0));
  if (options_.shuffle) {
    std::mt19937_64 rng(mix_seed(epoch_seed, UINT64_MAX));
    shuffle(*order, rng);
  }
  const int64_t first = std::clamp<int64_t>(first_batch, 0, batches_per_epoch());
  {
    std::lock_guard lock(mutex_);
    ++generation_;
    epoch_seed_ = epoch_seed;
    order_ = std::move(order);
    next_to_claim_ = next_to_deliver_ = first;
    end_batch_ = batches_per_epoch();
    ready_.clear();
  }
  work_ready_.notify_all();
}

std::optional<Batch> PrefetchLoader::next() {
  std::unique_lock lock(mutex_);
  if (next_to_deliver_ >= end_batch_) return std::nullopt;
  batch_ready_.wait(lock, [&] { return ready_.count(next_to_deliver_) > 0; });
  Result result = std::move(ready_.at(next_to_deliver_));
  ready_.erase(next_to_deliver_);
  ++next_to_deliver_;
  if (result.error) {
    // Abandon the epoch: later batches are not wanted after a failure.
    ++generation_;
    next_to_deliver_ = next_to_claim_ = end_batch_;
    ready_.clear();
  }
  lock.unlock();
  work_ready_.notify_one();  // a slot in the prefetch window is free again
  if (result.error) std::rethrow_exception(result.error);
  return std::move(result.batch);
}

void PrefetchLoader::wait_until_prefetched() {
  std::unique_lock lock(mutex_);
  batch_ready_.wait(lock, [&] {
    const int64_t window_end = std::min(end_batch_, next_to_deliver_ + options_.prefetch_batches);
    return next_to_claim_ >= window_end && int64_t(ready_.size()) >= next_to_claim_ - next_to_deliver_;
  });
}

void PrefetchLoader::work() {
  // Preparing batches is background work: at the default priority a worker woken for the next
  // batch took the training thread's core for a few milliseconds of every batch (bench:
  // data_wait). A lower priority (Linux sets it per thread) leaves it the idle core.
  setpriority(PRIO_PROCESS, id_t(gettid()), kWorkerNiceness);
  std::unique_lock lock(mutex_);
  while (true) {
    work_ready_.wait(lock, [&] {
      return stopping_ ||
             (next_to_claim_ < end_batch_ && next_to_claim_ < next_to_deliver_ + options_.prefetch_batches);
    });
    if (stopping_) return;
    const int64_t batch_number = next_to_claim_++;
    const uint64_t generation = generation_;
    const uint64_t seed = epoch_seed_;
    const std::shared_ptr<const std::vector<int64_t>> order = order_;
    lock.unlock();
    Result result;
    try {
      result.batch = prepare(seed, batch_number, *order);
    } catch (...) {
      result.error = std::current_exception();
    }
    lock.lock();
    if (generation == generation_) {
      ready_.emplace(batch_number, std::move(result));
      batch_ready_.notify_one();
    }
  }
}

Batch PrefetchLoader::prepare(uint64_t epoch_seed, int64_t batch_number, const std::vector<int64_t>& order) const {
  const int64_t begin = batch_number * options_.batch_size;
  const int64_t global_size = std::min<int64_t>(begin + options_.batch_size, int64_t(order.size())) - begin;
  const Shard& shard = options_.shard;
  const int64_t first_row = global_size * shard.rank / shard.count;
  const int64_t end_row = global_size * (shard.rank + 1) / shard.count;
  const ImageShape shape = dataset_->shape();
  const int side = options_.out_size;
  const size_t image_floats = size_t(3) * side * side;

  Batch batch;
  batch.image_size = side;
  batch.global_size = global_size;
  batch.indices.assign(order.begin() + begin + first_row, order.begin() + begin + end_row);
  batch.images.resize(batch.indices.size() * image_floats);
  std::vector<uint8_t> pixels(size_t(shape.bytes()));
  const uint64_t batch_seed = mix_seed(epoch_seed, uint64_t(batch_number));
  for (size_t i = 0; i < batch.indices.size(); ++i) {
    const int64_t index = batch.indices[i];
    batch.labels.push_back(dataset_->label(index));
    dataset_->read(index, pixels.data());
    float* out = batch.images.data() + i * image_floats;
    if (options_.augment) {
      std::mt19937_64 rng(mix_seed(batch_seed, uint64_t(first_row) + i));
      augment_image(pixels.data(), shape.height, shape.width, side, options_.augment_options, rng, out);
    } else {
      evaluation_image(pixels.data(), shape.height, shape.width, side, options_.augment_options, out);
    }
  }
  return batch;
}

}  // namespace isl::data
