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
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  int descriptor_ = -1;
};

}  // namespace isl
