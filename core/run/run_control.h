#pragma once
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

namespace isl {

// The requests other threads make of a running trainer. The training thread calls
// wait_if_paused() between iterations: it blocks while paused and says whether to stop.
class RunControl {
 public:
  void pause() {
    std::lock_guard lock(mutex_);
    paused_ = true;
  }
  void resume() {
    {
      std::lock_guard lock(mutex_);
      paused_ = false;
    }
    changed_.notify_all();
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
  }
  bool paused() const {
    std::lock_guard lock(mutex_);
    return paused_;
  }
  bool stop_requested() const {
    std::lock_guard lock(mutex_);
    return stop_;
  }
  // Waits while paused (calling on_pause once first, on the training thread); returns true
  // when the run should stop. A paused run still answers requests: serve() runs, on the
  // training thread, whenever one arrives.
  template <class OnPause, class OnResume, class Serve>
  bool wait_if_paused(OnPause&& on_pause, OnResume&& on_resume, Serve&& serve) {
    std::unique_lock lock(mutex_);
    if (paused_ && !stop_) {
      lock.unlock();
      on_pause();
      lock.lock();
      while (true) {
        changed_.wait(lock, [&] { return !paused_ || stop_ || has_requests(); });
        if (!paused_ || stop_) break;
        lock.unlock();
        serve();
        lock.lock();
      }
      lock.unlock();
      if (!stop_requested()) on_resume();
      lock.lock();
    }
    return stop_;
  }

  void request_linear_probe() {
    {
      std::lock_guard lock(mutex_);
      linear_probe_requested_ = true;
    }
    changed_.notify_all();
  }
  bool take_linear_probe_request() {
    std::lock_guard lock(mutex_);
    return std::exchange(linear_probe_requested_, false);
  }
  void request_anchor_proxies(int64_t anchor) {
    {
      std::lock_guard lock(mutex_);
      anchor_requests_.push_back(anchor);
    }
    changed_.notify_all();
  }
  std::vector<int64_t> take_anchor_requests() {
    std::lock_guard lock(mutex_);
    return std::exchange(anchor_requests_, {});
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool paused_ = false;
  bool stop_ = false;
  bool linear_probe_requested_ = false;
  std::vector<int64_t> anchor_requests_;  // in the order asked

  bool has_requests() const { return linear_probe_requested_ || !anchor_requests_.empty(); }
};

}  // namespace isl
