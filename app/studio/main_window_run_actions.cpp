// The window's actions on a run as a whole: continuing it (with changed settings, also after a
// numerical fault), and evaluating or probing it at rest.
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

#include <cmath>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "main_window.h"
#include "training_worker.h"
#include "widgets/curves_panel.h"
#include "widgets/log_panel.h"
#include "widgets/metrics_follower.h"
#include "widgets/run_status.h"
#include "widgets/settings_dialog.h"
#include "widgets/snapshot_timeline.h"

namespace isl::gui {

void MainWindow::continueRun(const std::optional<Config>& changed) {
  records_.clear();
  curves_->clear();
  follower_->stop();
  log_->addMessage(LogLevel::Info, changed ? tr("Continuing %1 from its last checkpoint with changed settings").arg(run_directory_)
                                           : tr("Continuing %1 from its last checkpoint").arg(run_directory_));
  // A paused run (after a numerical fault, or by the user) writes its checkpoint and closes
  // before the continued one opens.
  if (worker_->busy()) worker_->stop();
  worker_->requestContinue(run_directory_, changed);
  state_ = RunState::Running;
  updateActions();
}

void MainWindow::continueWithChangedSettings() {
  if (run_directory_.isEmpty()) return;
  Config saved;
  try {
    saved = read_config_file(run_files::config_path(run_directory_.toStdString()));
  } catch (const InputError& error) {
    return reportError(QString::fromStdString(error.what()));
  }
  SettingsDialog dialog(saved, this, SettingsDialog::Purpose::ContinueRun);
  dialog.setRunDirectory(run_directory_);
  if (dialog.exec() != QDialog::Accepted) return;
  QSettings().setValue("run/lastConfig", QString::fromStdString(to_json_text(dialog.config())));
  continueRun(dialog.config());
}

void MainWindow::onNumericalFault(const QString& message) {
  // The message is in the log already (the trainer logs it as an error).
  QMessageBox box(QMessageBox::Warning, tr("Training paused"), message, QMessageBox::NoButton, this);
  QPushButton* change = box.addButton(tr("Change settings and continue…"), QMessageBox::AcceptRole);
  box.addButton(tr("Keep it paused"), QMessageBox::RejectRole);
  box.setDefaultButton(change);
  box.exec();
  if (box.clickedButton() == change) continueWithChangedSettings();
}

void MainWindow::evaluateRun(Evaluation what) {
  if (run_directory_.isEmpty() || worker_->busy()) return;
  // The worker reports the record; the file is followed again once it is written.
  follower_->stop();
  const bool probe = what == Evaluation::LinearProbe;
  log_->addMessage(LogLevel::Info, probe ? tr("Linear probe on the last checkpoint of %1…").arg(run_directory_)
                                         : tr("Evaluating the last checkpoint of %1…").arg(run_directory_));
  status_->showBusy(probe ? tr("Linear probe…") : tr("Evaluating…"));
  worker_->requestEvaluation(run_directory_, what);
  updateActions();
}

void MainWindow::onEvaluationFinished(bool ok, const QString& error) {
  if (!ok) {
    reportError(error, close_when_stopped_);
  } else if (!records_.empty() && records_.back().kind == "eval") {
    // The record the evaluation appended (a probe's figure is in the log already).
    const MetricsRecord* eval = &records_.back();
    const auto percent = [eval](const char* key) {
      const auto found = eval->values.find(key);
      return found == eval->values.end() || !std::isfinite(found->second)
                 ? QStringLiteral("–")
                 : QString("%1%").arg(100 * found->second, 0, 'f', 1);
    };
    log_->addMessage(LogLevel::Info, tr("Evaluated: kNN top-1 %1 on the memory bank, %2 on recomputed features; "
                                        "positive-set precision %3 (ISL) vs %4 (Euclidean)")
                                         .arg(percent("knn_top1"), percent("knn_top1_recomputed"),
                                              percent("precision_isl"), percent("precision_euclidean")));
  }
  follower_->follow(run_directory_);
  status_->clear();
  if (const SnapshotPtr shown = timeline_->current())
    status_->showSnapshotPosition(*shown, timeline_->shownIndex(), timeline_->snapshotCount());
  updateActions();
  if (close_when_stopped_) close();
}

}  // namespace isl::gui
