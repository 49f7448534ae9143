#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>

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
  // when the run should stop.
  template <class OnPause, class OnResume>
  bool wait_if_paused(OnPause&& on_pause, OnResume&& on_resume) {
    std::unique_lock lock(mutex_);
    if (paused_ && !stop_) {
      lock.unlock();
      on_pause();
      lock.lock();
      changed_.wait(lock, [&] { return !paused_ || stop_; });
      lock.unlock();
      if (!stop_requested()) on_resume();
      lock.lock();
    }
    return stop_;
  }
  std::atomic<bool> linear_probe_requested{false};

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool paused_ = false;
  bool stop_ = false;
};

}  // namespace isl
