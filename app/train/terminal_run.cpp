#include "terminal_run.h"

#include <atomic>

#include "core/input_error.h"
#include "core/run/trainer.h"
#include "progress_bar.h"
#include "stop_signal.h"

namespace isl::cli {

namespace {

class StopOnNumericalFault : public TrainingObserver {
 public:
  explicit StopOnNumericalFault(Trainer& trainer) : trainer_(trainer) {}
  void on_numerical_fault(const std::string&) override {
    happened = true;
    trainer_.stop();
  }
  std::atomic<bool> happened{false};

 private:
  Trainer& trainer_;
};

// A signal stops this trainer while it is in scope, and no other afterwards.
class Watching {
 public:
  explicit Watching(Trainer& trainer) : signal_(StopSignal::install()) { signal_.watch(&trainer); }
  ~Watching() { signal_.watch(nullptr); }

 private:
  StopSignal& signal_;
};

}  // namespace

ExitStatus train_in_terminal(Trainer& trainer, TrainingObserver& reporter) {
  trainer.add_observer(&reporter);
  StopOnNumericalFault fault(trainer);
  trainer.add_observer(&fault);
  {
    Watching watching(trainer);
    try {
      trainer.run();
    } catch (const InputError&) {
      return kBadInput;  // the trainer has reported it through the printer
    } catch (const std::exception&) {
      return kFailed;
    }
  }
  if (trainer.state() == RunState::Finished) return kFinished;
  return fault.happened ? kNumericalFault : kStopped;
}

}  // namespace isl::cli
