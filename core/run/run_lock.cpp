#include "core/run/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/input_error.h"

namespace isl {

RunLock::RunLock(const std::string& run_directory) {
  const std::string path = (std::filesystem::path(run_directory) / "run.lock").string();
  descriptor_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (descriptor_ < 0) throw InputError(path, std::string("cannot be opened (") + std::strerror(errno) + ")");
  if (::flock(descriptor_, LOCK_EX | LOCK_NB) != 0) {
    char holder[32] = {};
    const ssize_t length = ::pread(descriptor_, holder, sizeof holder - 1, 0);
    ::close(descriptor_);
    descriptor_ = -1;
    throw InputError(run_directory, std::string("is in use by another training process") +
                                        (length > 0 ? " (process " + std::string(holder, size_t(length)) + ")" : ""));
  }
  // The pid only makes the message above friendlier: failing to write it leaves the lock held.
  const std::string pid = std::to_string(::getpid());
  if (::ftruncate(descriptor_, 0) == 0) (void)!::pwrite(descriptor_, pid.data(), pid.size(), 0);
}

bool RunLock::held_elsewhere(const std::string& run_directory) {
  const std::string path = (std::filesystem::path(run_directory) / "run.lock").string();
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return false;  // never trained in, or not readable: nobody we can see
  const bool held = ::flock(descriptor, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(descriptor);
  return held;
}

RunLock::~RunLock() {
  if (descriptor_ >= 0) ::close(descriptor_);  // closing releases the flock
}

}  // namespace isl
