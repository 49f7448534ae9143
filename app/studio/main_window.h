#pragma once
#include <QFutureWatcher>
#include <QMainWindow>
#include <QThread>

#include <optional>
#include <vector>

#include "widgets/metatypes.h"
#include "widgets/anchor_selection.h"
#include "widgets/thumbnail_source.h"

class QAction;
class QMenu;

namespace isl::gui {

class AnchorInspector;
class CurvesPanel;
class EmbeddingView;
class LogPanel;
class MetricsFollower;
class RunStatus;
class SnapshotTimeline;
class TrainingWorker;
enum class Evaluation;

// Wires the panels to the training worker and to run directories; holds no panel logic.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Panels and state, for tests and the benchmark.
  EmbeddingView* embeddingView() const { return view_; }
  AnchorInspector* inspector() const { return inspector_; }
  CurvesPanel* curves() const { return curves_; }
  LogPanel* log() const { return log_; }
  SnapshotTimeline* timeline() const { return timeline_; }
  RunStatus* runStatus() const { return status_; }
  TrainingWorker* worker() const { return worker_; }
  AnchorSelection* selection() { return &selection_; }
  const std::vector<MetricsRecord>& records() const { return records_; }
  QString runDirectory() const { return run_directory_; }
  RunState runState() const { return state_; }

 public slots:
  void startRun(const isl::Config& config, const QString& run_directory);
  void openRun(const QString& run_directory);
  void pauseRun();
  void resumeRun();
  void stopRun();
  // Shows `message` in the log and, unless `quiet`, in a dialog; the window stays usable.
  void reportError(const QString& message, bool quiet = false);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void createPanels();
  void createActions();
  void retranslate();
  void updateActions();
  void newRun();
  void chooseRunDirectory();
  void continueOrStart();
  // Continues the shown run from its last checkpoint, under `changed` settings if given; a
  // paused run is stopped first.
  void continueRun(const std::optional<Config>& changed);
  // The settings dialog in its continue mode on the shown run's settings, then continueRun.
  void continueWithChangedSettings();
  void evaluateRun(Evaluation what);
  void onEvaluationFinished(bool ok, const QString& error);
  void onNumericalFault(const QString& message);
  void showPreferences();
  void exportFigure(QWidget* figure, const QString& name);
  void exportViewImage();
  void exportMetrics();
  void exportProjector();
  void exportTensorBoard();
  void exportCheckpoint();
  void exportBackboneWeights();
  void askForAnchorProxies();
  void rememberRecent(const QString& directory);
  void rebuildRecentMenu();
  void openDataset(const Config& config);
  void onStarted(const QString& directory, const isl::Config& config);
  void onFinished(bool ok, const QString& error);
  void onState(isl::RunState state);

  AnchorSelection selection_;
  ThumbnailSource thumbnails_;
  QThread thread_;
  TrainingWorker* worker_ = nullptr;
  EmbeddingView* view_ = nullptr;
  AnchorInspector* inspector_ = nullptr;
  CurvesPanel* curves_ = nullptr;
  LogPanel* log_ = nullptr;
  SnapshotTimeline* timeline_ = nullptr;
  RunStatus* status_ = nullptr;
  MetricsFollower* follower_ = nullptr;
  QFutureWatcher<std::shared_ptr<const data::ImageDataset>> dataset_loader_;

  QString run_directory_;
  std::vector<MetricsRecord> records_;  // the shown run's metrics, from the worker or the file
  RunState state_ = RunState::Idle;
  bool close_when_stopped_ = false;

  QMenu *file_menu_, *recent_menu_, *export_menu_, *run_menu_, *view_menu_, *help_menu_;
  QAction *new_, *open_, *start_, *continue_changed_, *pause_, *resume_, *stop_, *probe_, *evaluate_, *preferences_,
      *quit_;
  QAction *export_curves_, *export_view_, *export_inspector_, *export_metrics_, *export_projector_, *export_tensorboard_,
      *export_checkpoint_, *export_weights_;
  QAction *reset_view_, *about_;
  class QToolBar* toolbar_ = nullptr;
  std::vector<class QDockWidget*> docks_;
};

}  // namespace isl::gui
