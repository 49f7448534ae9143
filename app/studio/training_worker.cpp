#include "training_worker.h"

#include "core/input_error.h"

namespace isl::gui {

bool TrainingWorker::busy() const {
  std::lock_guard lock(mutex_);
  return trainer_ != nullptr;
}

void TrainingWorker::pause() {
  std::lock_guard lock(mutex_);
  if (trainer_) trainer_->pause();
}

void TrainingWorker::resume() {
  std::lock_guard lock(mutex_);
  if (trainer_) trainer_->resume();
}

void TrainingWorker::stop() {
  std::lock_guard lock(mutex_);
  if (trainer_) trainer_->stop();
}

void TrainingWorker::requestLinearProbe() {
  std::lock_guard lock(mutex_);
  if (trainer_) trainer_->request_linear_probe();
}

template <class Make>
void TrainingWorker::execute(Make make_trainer) {
  Trainer* trainer = nullptr;
  try {
    auto made = make_trainer();
    made->add_observer(this);
    trainer = made.get();
    {
      std::lock_guard lock(mutex_);
      trainer_ = std::move(made);
    }
    handoff_release();
    emit started(QString::fromStdString(trainer->run_directory()), trainer->config());
    trainer->run();
    handoff_release();
    emit finished(true, {});
  } catch (const InputError& error) {
    handoff_release();
    emit finished(false, QString::fromStdString(error.what()));
  } catch (const std::exception& error) {
    handoff_release();
    emit finished(false, tr("Training failed: %1").arg(QString::fromStdString(error.what())));
  }
  std::lock_guard lock(mutex_);
  trainer_.reset();
}

void TrainingWorker::startNew(const Config& config, const QString& run_directory) {
  execute([&] { return std::make_unique<Trainer>(config, run_directory.toStdString()); });
}

void TrainingWorker::continueRun(const QString& run_directory) {
  execute([&] { return Trainer::resume(run_directory.toStdString()); });
}

}  // namespace isl::gui
