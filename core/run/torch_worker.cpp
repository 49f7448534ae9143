#include "core/run/torch_worker.h"

#include <ATen/Parallel.h>

namespace isl {

TorchWorker::TorchWorker() : thread_([this] { work(); }) {}

TorchWorker::~TorchWorker() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  job_given_.notify_one();
  thread_.join();
}

void TorchWorker::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  job_given_.notify_one();
}

void TorchWorker::work() {
  at::init_num_threads();
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      job_given_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace isl
