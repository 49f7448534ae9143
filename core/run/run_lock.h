#pragma once
#include <string>

namespace isl {

// An exclusive lock on a run directory (RUN_DIR/run.lock) held while a process trains in it,
// so two trainers never write the same run. The operating system drops the lock when the
// process ends, even when it is killed, so a crashed run can be resumed at once.
class RunLock {
 public:
  // Throws InputError naming the directory when another process holds the lock.
  explicit RunLock(const std::string& run_directory);
  ~RunLock();
  // Whether another process holds the lock of `run_directory` now; takes nothing and writes
  // nothing, so it works in a directory this process may not write.
  static bool held_elsewhere(const std::string& run_directory);
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  int descriptor_ = -1;
};

}  // namespace isl
