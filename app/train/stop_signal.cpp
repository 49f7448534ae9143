#include "stop_signal.h"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <thread>

#include "core/run/trainer.h"

namespace isl::cli {

namespace {

// The handler only writes a byte to a pipe (stop() may not be called in a handler); a thread
// of its own reads it. A handler rather than blocking the signals and waiting in sigwait:
// threads that shared libraries start before main (OpenBLAS's workers) would not block them,
// and a signal the kernel hands to one of those would kill the process.
int stop_pipe[2] = {-1, -1};

void on_stop_signal(int) {
  const char byte = 1;
  [[maybe_unused]] const ssize_t written = ::write(stop_pipe[1], &byte, 1);
}

}  // namespace

StopSignal& StopSignal::install() {
  static StopSignal* signal = [] {
    auto* made = new StopSignal;  // lives as long as the process, as its listening thread does
    if (::pipe2(stop_pipe, O_CLOEXEC) != 0) return made;  // no clean stop; the signals keep their default
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    std::thread([made] { made->listen(); }).detach();
    return made;
  }();
  return *signal;
}

void StopSignal::watch(Trainer* trainer) {
  std::lock_guard lock(mutex_);
  trainer_ = trainer;
  if (trainer_ && requested_) trainer_->stop();
}

void StopSignal::listen() {
  char byte = 0;
  while (::read(stop_pipe[0], &byte, 1) == 1) {
    std::fprintf(stderr, "\nStopping after this iteration (a checkpoint will be written)...\n");
    std::lock_guard lock(mutex_);
    requested_ = true;
    if (trainer_) trainer_->stop();
  }
}

}  // namespace isl::cli
