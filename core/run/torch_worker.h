#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace isl {

// A thread that runs LibTorch work beside the caller's, jobs in the order given. Its parallel
// regions use the process's intra-op thread count (at::set_num_threads): a new thread would
// otherwise start with OpenMP's default, every core, and oversubscribe them.
class TorchWorker {
 public:
  TorchWorker();
  ~TorchWorker();  // finishes the jobs already given, then joins
  TorchWorker(const TorchWorker&) = delete;
  TorchWorker& operator=(const TorchWorker&) = delete;

  // The job's result, or the exception it threw, arrives through the future.
  template <class Job>
  auto run(Job job) -> std::future<decltype(job())> {
    auto task = std::make_shared<std::packaged_task<decltype(job())()>>(std::move(job));
    auto result = task->get_future();
    post([task] { (*task)(); });
    return result;
  }

 private:
  void post(std::function<void()> job);
  void work();

  std::mutex mutex_;
  std::condition_variable job_given_;
  std::deque<std::function<void()>> jobs_;
  bool closing_ = false;
  std::thread thread_;
};

}  // namespace isl
