#include "training_worker.h"

#include "core/input_error.h"

namespace isl::gui {

void TrainingWorker::requestNew(const Config& config, const QString& run_directory) {
  queue({Request::Kind::NewRun, run_directory, config});
}

void TrainingWorker::requestContinue(const QString& run_directory, const std::optional<Config>& changed) {
  queue({Request::Kind::Continue, run_directory, changed});
}

void TrainingWorker::requestEvaluation(const QString& run_directory, Evaluation what) {
  queue({Request::Kind::Evaluate, run_directory, std::nullopt, what});
}

void TrainingWorker::queue(Request request) {
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(std::move(request));
    ++pending_;
  }
  QMetaObject::invokeMethod(this, "startNext", Qt::QueuedConnection);
}

bool TrainingWorker::busy() const {
  std::lock_guard lock(mutex_);
  return trainer_ != nullptr || pending_ > 0;
}

void TrainingWorker::pause() {
  std::lock_guard lock(mutex_);
  if (trainer_) trainer_->pause();
  else if (pending_ > 0) pause_pending_ = true;
}

void TrainingWorker::resume() {
  std::lock_guard lock(mutex_);
  if (trainer_) trainer_->resume();
  pause_pending_ = false;
}

void TrainingWorker::stop() {
  std::lock_guard lock(mutex_);
  if (trainer_) trainer_->stop();
  if (pending_ > 0) stop_pending_ = true;
}

void TrainingWorker::requestLinearProbe() {
  std::lock_guard lock(mutex_);
  if (trainer_) trainer_->request_linear_probe();
}

void TrainingWorker::requestAnchorProxies(qint64 anchor, const QString& run_directory) {
  std::lock_guard lock(mutex_);
  // A trainer that evaluates a run at rest never reaches an iteration boundary: its request
  // waits for the worker's thread like any other at rest.
  const RunState state = trainer_ ? trainer_->state() : RunState::Idle;
  if (state == RunState::Running || state == RunState::Paused) {
    trainer_->request_anchor_proxies(anchor);
    return;
  }
  const bool queued = idle_anchor_request_.has_value();
  idle_anchor_request_ = AnchorRequest{anchor, run_directory};
  if (!queued) QMetaObject::invokeMethod(this, "answerIdleAnchorRequest", Qt::QueuedConnection);
}

void TrainingWorker::answerIdleAnchorRequest() {
  AnchorRequest request;
  {
    std::lock_guard lock(mutex_);
    if (!idle_anchor_request_) return;
    request = std::move(*idle_anchor_request_);
    idle_anchor_request_.reset();
  }
  try {
    auto trainer = Trainer::resume(request.run_directory.toStdString());
    auto proxies = std::make_shared<const AnchorProxies>(trainer->anchor_proxies(request.anchor));
    trainer.reset();  // the run directory is unlocked before anyone hears of the answer
    handoff_release();
    emit anchorProxies(proxies);
  } catch (const std::exception& failure) {
    handoff_release();
    emit message(LogLevel::Warning, TrainingWorker::tr("No proxies for image %1: %2")
                                        .arg(request.anchor).arg(QString::fromStdString(failure.what())));
  }
}

template <class Make, class Work>
std::optional<QString> TrainingWorker::execute(Make make_trainer, Work work, const QString& failed) {
  std::optional<QString> error;
  bool begun = false;  // the trainer took this request's place in trainer_
  try {
    auto made = make_trainer();
    made->add_observer(this);
    Trainer* trainer = made.get();
    bool stopped = false;
    {
      std::lock_guard lock(mutex_);
      trainer_ = std::move(made);
      begun = true;
      --pending_;
      stopped = stop_pending_;
      if (stop_pending_) trainer->stop();
      else if (pause_pending_) trainer->pause();
      pause_pending_ = false;
      if (pending_ == 0) stop_pending_ = false;
    }
    work(*trainer, stopped);
  } catch (const InputError& failure) {
    error = QString::fromStdString(failure.what());
  } catch (const std::exception& failure) {
    error = failed.arg(QString::fromStdString(failure.what()));
  }
  std::unique_ptr<Trainer> done;
  {
    std::lock_guard lock(mutex_);
    done = std::move(trainer_);
    if (!begun && --pending_ == 0) stop_pending_ = pause_pending_ = false;
  }
  // Closed (threads joined, run directory unlocked) before the window hears that the request
  // ended, so that it may start or continue a run at once; outside the lock, which the UI
  // thread takes for every control.
  done.reset();
  handoff_release();
  return error;
}

void TrainingWorker::startNext() {
  Request request;
  {
    std::lock_guard lock(mutex_);
    request = std::move(requests_.front());
    requests_.pop_front();
  }
  const std::string directory = request.run_directory.toStdString();
  if (request.kind == Request::Kind::Evaluate) {
    const Evaluation what = request.evaluation;
    // A stop pressed while the evaluation waited (the window closing) skips it; once begun, it
    // runs to its end, which is not long.
    const auto error = execute([&] { return Trainer::resume(directory); },
                               [&](Trainer& trainer, bool stopped) {
                                 if (stopped) return;
                                 if (what == Evaluation::LinearProbe) trainer.run_linear_probe();
                                 else trainer.evaluate_now();
                               },
                               tr("Evaluation failed: %1"));
    emit evaluationFinished(!error, error.value_or(QString()));
    return;
  }
  auto train = [this](Trainer& trainer, bool) {
    handoff_release();
    emit started(QString::fromStdString(trainer.run_directory()), trainer.config());
    trainer.run();
  };
  const auto error =
      request.kind == Request::Kind::NewRun
          ? execute([&] { return std::make_unique<Trainer>(*request.config, directory); }, train, tr("Training failed: %1"))
          : execute([&] { return Trainer::resume(directory, request.config); }, train, tr("Training failed: %1"));
  emit finished(!error, error.value_or(QString()));
}

}  // namespace isl::gui
