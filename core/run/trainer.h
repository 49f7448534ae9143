#pragma once
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/run/config.h"
#include "core/run/training_events.h"

namespace isl {

class Distribution;

// Runs ISL (or a baseline) round by round and writes the run directory. run() blocks the
// calling thread until the run finishes or is stopped; pause(), resume() and stop() may be
// called from any other thread and take effect within one iteration.
class Trainer {
 public:
  // Starts a new run in `run_directory` (created; must not hold another run). With a
  // distribution of several ranks (core/dist/distribution.h), this process trains its shard of
  // every batch and keeps the rest of the state identical to the other ranks'; rank 0 alone
  // writes the run directory and tells its observers about snapshots.
  Trainer(Config config, std::string run_directory, std::shared_ptr<Distribution> distribution = nullptr);
  // Continues the run stored in `run_directory` from its last checkpoint. With `changed`,
  // under new settings where the saved state allows it (more rounds or epochs, another device
  // or precision, loader workers, evaluation and snapshot intervals, learning rates, mining
  // and evaluation settings): a setting the state depends on (data set, network, method,
  // batch, seed) is refused with an InputError naming it, and so are fewer rounds than the
  // run has begun. The new settings replace config.json; a finished run given more rounds
  // or backbone epochs goes on. Every rank of a distributed run reads the run directory (it must
  // be on a file system they share); the number of ranks may differ from the run's before.
  static std::unique_ptr<Trainer> resume(const std::string& run_directory, const std::optional<Config>& changed = {},
                                         std::shared_ptr<Distribution> distribution = nullptr);
  ~Trainer();

  const Config& config() const;
  const std::string& run_directory() const;

  // Observers must outlive run(). Add them before run().
  void add_observer(TrainingObserver* observer);

  // Trains to the end, or until stop(); throws InputError for bad data or files and
  // std::runtime_error for other failures of the computation. A numerical fault (a loss that
  // is not a number, a collapsed GAN) does not end the run: it returns to the last good
  // checkpoint, tells the observers (on_numerical_fault) and pauses.
  void run();

  void pause();
  void resume();
  void stop();  // finish the current iteration, write a checkpoint, return from run()
  // Runs a linear probe on conv5 features at the next iteration boundary and reports it
  // as a metrics record ("linear_top1").
  void request_linear_probe();
  // The same, at once, on the calling thread; only while run() is not running.
  double run_linear_probe();
  // Has the current generator make the S proxies of image `anchor`, with the mining region of
  // the most confident (AnchorProxies), at the next iteration boundary (also while paused),
  // and reports them to the observers (on_anchor_proxies). The anchor joins the tracked set,
  // so the snapshots from then on carry its proxy. A request the run cannot answer (another
  // method, an index out of range) is logged as a warning.
  void request_anchor_proxies(int64_t anchor);
  // The same at once, on the calling thread, while run() is not running; the run is left as
  // it is. Throws InputError where there are no proxies to make.
  AnchorProxies anchor_proxies(int64_t anchor);
  // Evaluates the run where it stands, on the calling thread, while run() is not running:
  // the kNN of the memory bank and of features recomputed without augmentation
  // (knn_top1_recomputed), and the positive-set precision; recorded as an "eval" record,
  // which a checkpoint then covers. Returns the record's values.
  std::map<std::string, double> evaluate_now();

  RunState state() const;

  // The engine itself (core/run/trainer_engine.h, which needs LibTorch); named here so that
  // the stage benchmark can time its batch functions.
  struct Impl;

 private:
  explicit Trainer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace isl
