#pragma once
#include <QObject>
#include <QString>

#include <deque>
#include <memory>
#include <mutex>
#include <optional>

#include "core/run/trainer.h"
#include "widgets/metatypes.h"
#include "widgets/thread_handoff.h"

namespace isl::gui {

// What an opened run that is not training can be asked for, on its last checkpoint, as
// `isl-train evaluate` does: the kNN of the memory bank and of recomputed features with the
// positive-set precision, or a linear probe. Each is recorded in the run's metrics.
enum class Evaluation { KnnAndPrecision, LinearProbe };

// Owns the isl::Trainer and lives on its own QThread (Qt's worker-object pattern). Start
// requests travel as queued calls; results leave as queued signals carrying plain values.
// Pause, resume and stop are direct calls instead: run() blocks this object's thread, so a
// queued request would wait until the run ended; the trainer's controls are thread-safe.
class TrainingWorker : public QObject, public TrainingObserver {
  Q_OBJECT
 public:
  using QObject::QObject;
  // Queue a new run or the continuation of one, with `changed` settings if given (refused
  // changes fail the request with core's message); call from the thread that owns the window.
  void requestNew(const isl::Config& config, const QString& run_directory);
  void requestContinue(const QString& run_directory, const std::optional<isl::Config>& changed = {});
  // Queue an evaluation of the run in `run_directory`, which must not be training; its record
  // arrives through metrics(), its end through evaluationFinished().
  void requestEvaluation(const QString& run_directory, Evaluation what);
  // A run or an evaluation is requested, starting (its data read, its model built) or working.
  bool busy() const;
  // These act on the training run and on a requested run that has not begun training yet, so
  // that a stop or pause pressed while a run starts is not lost.
  void pause();
  void resume();
  void stop();
  // A linear probe at the next iteration boundary of the training run.
  void requestLinearProbe();
  // The proxies the generator makes now for `anchor` of the run in `run_directory`: from the
  // run that trains, or else from the run's checkpoint, opened on this object's thread for
  // the answer. Of idle requests that wait, only the newest is answered.
  void requestAnchorProxies(qint64 anchor, const QString& run_directory);

 signals:
  void started(const QString& run_directory, const isl::Config& config);
  void progress(const isl::Progress& progress);
  void metrics(const isl::MetricsRecord& record);
  void snapshot(const isl::SnapshotPtr& snapshot);
  void message(isl::LogLevel level, const QString& text);
  void stateChanged(isl::RunState state);
  // Training went numerically wrong; the run is paused at its last good checkpoint.
  void numericalFault(const QString& message);
  void anchorProxies(const isl::AnchorProxiesPtr& proxies);
  // The run ended: finished, stopped (with a checkpoint written) or failed.
  void finished(bool ok, const QString& error);
  // A requested evaluation ended: recorded, or failed with `error`.
  void evaluationFinished(bool ok, const QString& error);

 private:
  // Makes the request's trainer, holds it in trainer_ while `work` uses it and closes it;
  // returns the failure's message, or nothing. `failed` words a failure that is not an
  // InputError ("... failed: %1").
  template <class Make, class Work>
  std::optional<QString> execute(Make make_trainer, Work work, const QString& failed);
  // TrainingObserver, called on the trainer's threads; every signal goes to the UI thread.
  void on_progress(const Progress& p) override {
    handoff_release();
    emit progress(p);
  }
  void on_metrics(const MetricsRecord& r) override {
    handoff_release();
    emit metrics(r);
  }
  void on_snapshot(const SnapshotPtr& s) override {
    handoff_release();
    emit snapshot(s);
  }
  void on_log(LogLevel level, const std::string& text) override {
    handoff_release();
    emit message(level, QString::fromStdString(text));
  }
  void on_state(RunState state) override {
    handoff_release();
    emit stateChanged(state);
  }
  void on_numerical_fault(const std::string& text) override {
    handoff_release();
    emit numericalFault(QString::fromStdString(text));
  }

  void on_anchor_proxies(const AnchorProxiesPtr& proxies) override {
    handoff_release();
    emit anchorProxies(proxies);
  }

  struct Request {
    enum class Kind { NewRun, Continue, Evaluate } kind = Kind::NewRun;
    QString run_directory;
    std::optional<Config> config;  // a new run's settings, or a continued run's changed ones
    Evaluation evaluation = Evaluation::KnnAndPrecision;
  };
  void queue(Request request);
  // Runs the oldest request, on the worker's thread; queue() invokes it once per request.
  Q_INVOKABLE void startNext();
  Q_INVOKABLE void answerIdleAnchorRequest();

  // Guards what follows: the UI thread makes requests and calls the controls. Requests travel
  // in requests_ rather than as arguments of the queued call, so that the hand-over is a lock
  // that ThreadSanitizer sees.
  mutable std::mutex mutex_;
  std::deque<Request> requests_;
  std::unique_ptr<Trainer> trainer_;
  int pending_ = 0;            // requested runs whose trainer is not in trainer_ yet
  bool stop_pending_ = false;  // stop every pending run as soon as it begins; skip evaluations
  bool pause_pending_ = false; // pause the next pending run as soon as it begins
  struct AnchorRequest {
    int64_t anchor = -1;
    QString run_directory;
  };
  std::optional<AnchorRequest> idle_anchor_request_;  // asked while no run trains
};

}  // namespace isl::gui
