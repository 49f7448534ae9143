#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "core/run/projection.h"
#include "core/run/training_events.h"

namespace isl {

// What the training thread copies out of the engine for one snapshot; the builder does the
// rest (projection, Euclidean comparison sets, the file) on its own thread.
struct SnapshotJob {
  Snapshot snapshot;            // everything but points, proxy_points and euclidean
  std::vector<float> memory;    // images x dim, the memory bank
  std::vector<float> proxies;   // tracked anchors x dim
  int64_t dim = 0;
  uint64_t seed = 0;            // the run's: picks the anchors of the Euclidean comparison
  std::string path;             // where to write it; empty: do not write
};

class SnapshotBuilder {
 public:
  using Deliver = std::function<void(const SnapshotPtr&)>;
  using Fail = std::function<void(const std::string&)>;
  SnapshotBuilder(Deliver deliver, Fail fail);
  ~SnapshotBuilder();

  // Queues a job; waits first while an earlier job is still being built, so at most one
  // memory-bank copy waits at a time.
  void submit(SnapshotJob job);
  // Returns once every submitted job is built.
  void wait_idle();

  // Fills points, proxy_points and euclidean of the job's snapshot. `previous` keeps the
  // axes' signs steady between snapshots.
  static Snapshot build(SnapshotJob& job, Projection3d* previous);

 private:
  void work();

  Deliver deliver_;
  Fail fail_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<SnapshotJob> pending_;
  bool busy_ = false;
  bool stopping_ = false;
  Projection3d projection_;
  std::thread thread_;
};

}  // namespace isl
