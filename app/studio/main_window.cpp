#include "main_window.h"

#include <QApplication>
#include <QChartView>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "language.h"
#include "training_worker.h"
#include "widgets/anchor_inspector.h"
#include "widgets/curves_panel.h"
#include "widgets/embedding_view.h"
#include "widgets/exporters.h"
#include "widgets/log_panel.h"
#include "widgets/metrics_follower.h"
#include "widgets/preferences_dialog.h"
#include "widgets/run_status.h"
#include "widgets/settings_dialog.h"
#include "widgets/snapshot_timeline.h"
#include "widgets/thread_handoff.h"

namespace isl::gui {

namespace {
constexpr int kMostRecent = 8;

// `name` is the action's object name (tests find actions by it) and names its icon, if any.
QAction* make_action(QObject* parent, const char* name, QKeySequence shortcut) {
  auto* action = new QAction(parent);
  action->setObjectName(name);
  const QString icon = QString(":/icons/%1.svg").arg(name);
  if (QFile::exists(icon)) action->setIcon(QIcon(icon));
  action->setShortcut(shortcut);
  return action;
}
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowIcon(QIcon(":/icons/app.svg"));
  track_qt_handoffs();
  worker_ = new TrainingWorker;
  worker_->moveToThread(&thread_);
  // The worker's last steps on its thread come before the destructor deletes it.
  connect(&thread_, &QThread::finished, this, [] { handoff_release(); }, Qt::DirectConnection);
  thread_.start();
  createPanels();
  createActions();
  retranslate();

  connect(worker_, &TrainingWorker::started, this, &MainWindow::onStarted);
  connect(worker_, &TrainingWorker::progress, status_, &RunStatus::setProgress);
  connect(worker_, &TrainingWorker::metrics, this, [this](const MetricsRecord& record) {
    records_.push_back(record);
    curves_->addRecord(record);
  });
  connect(worker_, &TrainingWorker::snapshot, timeline_, &SnapshotTimeline::addLiveSnapshot);
  connect(worker_, &TrainingWorker::anchorProxies, view_, &EmbeddingView::setAnchorProxies);
  connect(worker_, &TrainingWorker::message, log_, &LogPanel::addMessage);
  connect(worker_, &TrainingWorker::stateChanged, this, &MainWindow::onState);
  connect(worker_, &TrainingWorker::finished, this, &MainWindow::onFinished);
  connect(worker_, &TrainingWorker::evaluationFinished, this, &MainWindow::onEvaluationFinished);
  connect(worker_, &TrainingWorker::numericalFault, this, &MainWindow::onNumericalFault);
  connect(follower_, &MetricsFollower::recordsChanged, this, [this](const std::vector<MetricsRecord>& records) {
    records_ = records;
    curves_->setRecords(records);
  });
  connect(follower_, &MetricsFollower::errorOccurred, this, [this](const QString& m) { reportError(m, true); });
  connect(&dataset_loader_, &QFutureWatcher<std::shared_ptr<const data::ImageDataset>>::finished, this, [this] {
    try {
      thumbnails_.setDataset(dataset_loader_.result());
      inspector_->refreshImages();
    } catch (const std::exception& error) {
      log_->addMessage(LogLevel::Warning, tr("Thumbnails are not available: %1").arg(QString::fromStdString(error.what())));
    }
  });

  QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
  rebuildRecentMenu();
  updateActions();
}

MainWindow::~MainWindow() {
  worker_->stop();
  thread_.quit();
  thread_.wait();
  // Deleted here, after its thread ended, rather than by deleteLater at the thread's end, where
  // the deletion raced (for ThreadSanitizer) with the window's last uses of the worker.
  handoff_acquire();
  delete worker_;
}

void MainWindow::createPanels() {
  view_ = new EmbeddingView;
  timeline_ = new SnapshotTimeline;
  auto* center = new QWidget;
  auto* layout = new QVBoxLayout(center);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(view_, 1);
  layout->addWidget(timeline_);
  setCentralWidget(center);

  inspector_ = new AnchorInspector(&thumbnails_);
  curves_ = new CurvesPanel;
  log_ = new LogPanel;
  status_ = new RunStatus;
  follower_ = new MetricsFollower(this);
  statusBar()->addPermanentWidget(status_, 1);
  auto dock = [this](QWidget* panel, const char* name, Qt::DockWidgetArea area) {
    auto* widget = new QDockWidget(this);
    widget->setObjectName(name);  // restoreState finds docks by name
    widget->setWidget(panel);
    addDockWidget(area, widget);
    docks_.push_back(widget);
    return widget;
  };
  auto* inspector_dock = dock(inspector_, "inspectorDock", Qt::RightDockWidgetArea);
  auto* curves_dock = dock(curves_, "curvesDock", Qt::BottomDockWidgetArea);
  auto* log_dock = dock(log_, "logDock", Qt::BottomDockWidgetArea);
  splitDockWidget(curves_dock, log_dock, Qt::Horizontal);
  resizeDocks({curves_dock, log_dock}, {3, 1}, Qt::Horizontal);
  resizeDocks({curves_dock}, {300}, Qt::Vertical);
  // A dock opens at its minimum width; the inspector needs room for two thumbnail columns.
  resizeDocks({inspector_dock}, {inspector_->sizeHint().width()}, Qt::Horizontal);

  connect(timeline_, &SnapshotTimeline::snapshotShown, view_, &EmbeddingView::setSnapshot);
  connect(timeline_, &SnapshotTimeline::snapshotShown, inspector_, &AnchorInspector::setSnapshot);
  connect(timeline_, &SnapshotTimeline::snapshotShown, this, [this](const SnapshotPtr& snapshot) {
    if (!worker_->busy() && snapshot)
      status_->showSnapshotPosition(*snapshot, timeline_->shownIndex(), timeline_->snapshotCount());
  });
  connect(timeline_, &SnapshotTimeline::errorOccurred, this, [this](const QString& m) { reportError(m, true); });
  connect(view_, &EmbeddingView::anchorPicked, &selection_, &AnchorSelection::setAnchor);
  connect(inspector_, &AnchorInspector::anchorRequested, &selection_, &AnchorSelection::setAnchor);
  connect(&selection_, &AnchorSelection::anchorChanged, view_, &EmbeddingView::setAnchor);
  connect(&selection_, &AnchorSelection::anchorChanged, inspector_, &AnchorInspector::setAnchor);
  connect(&selection_, &AnchorSelection::anchorChanged, this, &MainWindow::askForAnchorProxies);
  // Proxies are made by the generator as it is now: they belong with the newest snapshot, and
  // while a run trains each new one calls for fresh proxies.
  connect(timeline_, &SnapshotTimeline::snapshotShown, this, [this] {
    if (!timeline_->following()) view_->setAnchorProxies(nullptr);
    else if (worker_->busy() || !view_->anchorProxies() || view_->anchorProxies()->anchor != selection_.anchor())
      askForAnchorProxies();
  });
}

void MainWindow::askForAnchorProxies() {
  const int64_t anchor = selection_.anchor();
  if (anchor < 0 || run_directory_.isEmpty() || !timeline_->following()) return;
  worker_->requestAnchorProxies(anchor, run_directory_);
}

void MainWindow::createActions() {
  new_ = make_action(this, "new-run", QKeySequence::New);
  open_ = make_action(this, "open-run", QKeySequence::Open);
  start_ = make_action(this, "start", QKeySequence(Qt::CTRL | Qt::Key_R));
  continue_changed_ = make_action(this, "continue-changed", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
  pause_ = make_action(this, "pause", QKeySequence(Qt::CTRL | Qt::Key_P));
  resume_ = make_action(this, "resume", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
  stop_ = make_action(this, "stop", QKeySequence(Qt::CTRL | Qt::Key_Period));
  probe_ = make_action(this, "probe", QKeySequence(Qt::CTRL | Qt::Key_L));
  evaluate_ = make_action(this, "evaluate", {});
  preferences_ = make_action(this, "preferences", QKeySequence::Preferences);
  quit_ = make_action(this, "quit", QKeySequence::Quit);
  export_curves_ = make_action(this, "export-curves", QKeySequence(Qt::CTRL | Qt::Key_E));
  export_view_ = make_action(this, "export-view", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  export_inspector_ = make_action(this, "export-inspector", {});
  export_metrics_ = make_action(this, "export-metrics", {});
  export_projector_ = make_action(this, "export-projector", {});
  export_tensorboard_ = make_action(this, "export-tensorboard", {});
  export_checkpoint_ = make_action(this, "export-checkpoint", {});
  export_weights_ = make_action(this, "export-weights", {});
  reset_view_ = make_action(this, "reset-view", QKeySequence(Qt::Key_Home));
  about_ = make_action(this, "about", {});
  connect(new_, &QAction::triggered, this, &MainWindow::newRun);
  connect(open_, &QAction::triggered, this, &MainWindow::chooseRunDirectory);
  connect(start_, &QAction::triggered, this, &MainWindow::continueOrStart);
  connect(continue_changed_, &QAction::triggered, this, &MainWindow::continueWithChangedSettings);
  connect(pause_, &QAction::triggered, this, &MainWindow::pauseRun);
  connect(resume_, &QAction::triggered, this, &MainWindow::resumeRun);
  connect(stop_, &QAction::triggered, this, &MainWindow::stopRun);
  connect(probe_, &QAction::triggered, this, [this] {
    if (state_ == RunState::Running) worker_->requestLinearProbe();
    else evaluateRun(Evaluation::LinearProbe);
  });
  connect(evaluate_, &QAction::triggered, this, [this] { evaluateRun(Evaluation::KnnAndPrecision); });
  connect(preferences_, &QAction::triggered, this, &MainWindow::showPreferences);
  connect(quit_, &QAction::triggered, this, &QWidget::close);
  connect(export_curves_, &QAction::triggered, this, [this] { exportFigure(curves_->currentChartView(), "curves"); });
  connect(export_view_, &QAction::triggered, this, &MainWindow::exportViewImage);
  connect(export_inspector_, &QAction::triggered, this, [this] { exportFigure(inspector_, "inspector"); });
  connect(export_metrics_, &QAction::triggered, this, &MainWindow::exportMetrics);
  connect(export_projector_, &QAction::triggered, this, &MainWindow::exportProjector);
  connect(export_tensorboard_, &QAction::triggered, this, &MainWindow::exportTensorBoard);
  connect(export_checkpoint_, &QAction::triggered, this, &MainWindow::exportCheckpoint);
  connect(export_weights_, &QAction::triggered, this, &MainWindow::exportBackboneWeights);
  connect(reset_view_, &QAction::triggered, view_, &EmbeddingView::resetCamera);
  connect(about_, &QAction::triggered, this, [this] {
    QMessageBox::about(this, tr("About ISL Studio"),
                       tr("<b>ISL Studio</b><br>Watch and steer Instance Similarity Learning training live."));
  });

  file_menu_ = menuBar()->addMenu(QString());
  file_menu_->addActions({new_, open_});
  recent_menu_ = file_menu_->addMenu(QString());
  export_menu_ = file_menu_->addMenu(QIcon(":/icons/export.svg"), QString());
  export_menu_->addActions({export_curves_, export_view_, export_inspector_, export_metrics_, export_projector_,
                            export_tensorboard_, export_checkpoint_, export_weights_});
  file_menu_->addSeparator();
  file_menu_->addActions({preferences_, quit_});
  run_menu_ = menuBar()->addMenu(QString());
  run_menu_->addActions({start_, continue_changed_, pause_, resume_, stop_});
  run_menu_->addSeparator();
  run_menu_->addActions({probe_, evaluate_});
  view_menu_ = menuBar()->addMenu(QString());
  view_menu_->addAction(reset_view_);
  view_menu_->addSeparator();
  for (auto* dock : docks_) view_menu_->addAction(dock->toggleViewAction());
  help_menu_ = menuBar()->addMenu(QString());
  help_menu_->addAction(about_);

  toolbar_ = addToolBar(QString());
  toolbar_->setObjectName("mainToolbar");
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  toolbar_->addActions({new_, open_});
  toolbar_->addSeparator();
  toolbar_->addActions({start_, pause_, resume_, stop_});
  toolbar_->addSeparator();
  toolbar_->addAction(probe_);
  toolbar_->addAction(export_menu_->menuAction());
}

void MainWindow::retranslate() {
  setWindowTitle(run_directory_.isEmpty() ? tr("ISL Studio") : tr("ISL Studio — %1").arg(run_directory_));
  new_->setText(tr("&New run…"));
  new_->setToolTip(tr("Choose a data set, backbone and hyperparameters and start training"));
  open_->setText(tr("&Open run directory…"));
  open_->setToolTip(tr("Replay a finished run or follow one that isl-train is writing"));
  start_->setText(tr("&Start"));
  start_->setToolTip(tr("Continue the opened run from its last checkpoint, or start a new one"));
  continue_changed_->setText(tr("&Continue with changed settings…"));
  continue_changed_->setToolTip(tr("Change the settings that the run's saved state allows (more rounds or epochs, "
                                   "learning rates, device, …) and continue it from its last checkpoint"));
  pause_->setText(tr("&Pause"));
  pause_->setToolTip(tr("Pause training after the current iteration"));
  resume_->setText(tr("&Resume"));
  stop_->setText(tr("S&top"));
  stop_->setToolTip(tr("Finish the current iteration, write a checkpoint and end the run"));
  probe_->setText(tr("&Linear probe"));
  probe_->setToolTip(tr("Train a linear classifier on the conv5 features and record its accuracy in the run's metrics: "
                        "at the next iteration boundary while training, or on the opened run's last checkpoint"));
  evaluate_->setText(tr("E&valuate"));
  evaluate_->setToolTip(tr("Evaluate the opened run's last checkpoint: kNN on the memory bank and on features "
                           "recomputed without augmentation, and positive-set precision; recorded in its metrics"));
  preferences_->setText(tr("Pre&ferences…"));
  quit_->setText(tr("&Quit"));
  export_curves_->setText(tr("Curves figure…"));
  export_view_->setText(tr("3D view image…"));
  export_inspector_->setText(tr("Inspector montage…"));
  export_metrics_->setText(tr("Metrics as CSV…"));
  export_projector_->setText(tr("Embeddings for TensorBoard…"));
  export_tensorboard_->setText(tr("TensorBoard scalars…"));
  export_tensorboard_->setToolTip(tr("Write the shown run's metrics as a TensorBoard event file, to view with tensorboard --logdir"));
  export_checkpoint_->setText(tr("Copy of the checkpoint…"));
  export_weights_->setText(tr("Backbone weights for Python…"));
  reset_view_->setText(tr("Reset 3D &view"));
  about_->setText(tr("&About ISL Studio"));
  file_menu_->setTitle(tr("&File"));
  recent_menu_->setTitle(tr("Recent runs"));
  export_menu_->setTitle(tr("&Export"));
  run_menu_->setTitle(tr("&Run"));
  view_menu_->setTitle(tr("&View"));
  help_menu_->setTitle(tr("&Help"));
  toolbar_->setWindowTitle(tr("Run controls"));
  const QString titles[] = {tr("Anchor inspector"), tr("Curves"), tr("Log")};
  for (size_t i = 0; i < docks_.size(); ++i) docks_[i]->setWindowTitle(titles[i]);
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::updateActions() {
  // An evaluation, or a run requested behind the one that ends, keeps the worker busy.
  const bool active = state_ == RunState::Running || state_ == RunState::Paused || state_ == RunState::Stopping ||
                      worker_->busy();
  const bool idle_run = !active && !run_directory_.isEmpty();
  start_->setEnabled(!active);
  // A paused run ends with a checkpoint and continues under the new settings.
  continue_changed_->setEnabled(idle_run || (state_ == RunState::Paused && !run_directory_.isEmpty()));
  new_->setEnabled(!active);
  open_->setEnabled(!active);
  recent_menu_->setEnabled(!active);
  pause_->setEnabled(state_ == RunState::Running);
  resume_->setEnabled(state_ == RunState::Paused);
  stop_->setEnabled(state_ == RunState::Running || state_ == RunState::Paused);
  probe_->setEnabled(state_ == RunState::Running || idle_run);
  evaluate_->setEnabled(idle_run);
  export_checkpoint_->setEnabled(!run_directory_.isEmpty());
  export_weights_->setEnabled(!run_directory_.isEmpty());
}

void MainWindow::newRun() {
  QSettings settings;
  Config initial;
  try {
    const QString saved = settings.value("run/lastConfig").toString();
    if (!saved.isEmpty()) initial = config_from_json_text(saved.toStdString(), tr("saved settings").toStdString());
  } catch (const InputError& error) {
    log_->addMessage(LogLevel::Warning, tr("The last settings could not be restored (%1); using defaults.").arg(error.what()));
  }
  SettingsDialog dialog(initial, this);
  const QString base = settings.value("run/parent", QDir::homePath() + "/isl-runs").toString();
  dialog.setRunDirectory(base + "/" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss"));
  if (dialog.exec() != QDialog::Accepted) return;
  settings.setValue("run/lastConfig", QString::fromStdString(to_json_text(dialog.config())));
  settings.setValue("run/parent", QFileInfo(dialog.runDirectory()).absolutePath());
  startRun(dialog.config(), dialog.runDirectory());
}

void MainWindow::startRun(const Config& config, const QString& directory) {
  records_.clear();
  curves_->clear();
  log_->addMessage(LogLevel::Info, tr("Starting a new run in %1").arg(directory));
  worker_->requestNew(config, directory);
  state_ = RunState::Running;
  updateActions();
}

void MainWindow::continueOrStart() {
  if (run_directory_.isEmpty()) return newRun();
  continueRun(std::nullopt);
}

void MainWindow::onStarted(const QString& directory, const Config& config) {
  run_directory_ = directory;
  rememberRecent(directory);
  timeline_->setRunDirectory(directory);
  // A continued run's earlier metrics are only in its file; the worker reports new ones.
  try {
    if (QFileInfo::exists(QString::fromStdString(run_files::metrics_path(directory.toStdString())))) {
      records_ = read_metrics_file(run_files::metrics_path(directory.toStdString()));
      curves_->setRecords(records_);
    }
  } catch (const InputError& error) {
    reportError(QString::fromStdString(error.what()), true);
  }
  openDataset(config);
  retranslate();
  updateActions();
}

void MainWindow::openRun(const QString& directory) {
  try {
    const Config config = read_config_file(run_files::config_path(directory.toStdString()));
    run_directory_ = directory;
    records_.clear();
    curves_->clear();
    selection_.clear();
    view_->setAnchorProxies(nullptr);
    timeline_->setRunDirectory(directory);
    follower_->follow(directory);
    openDataset(config);
    rememberRecent(directory);
    state_ = RunState::Idle;
    status_->clear();
    log_->addMessage(LogLevel::Info, tr("Opened %1").arg(directory));
    retranslate();
    updateActions();
  } catch (const InputError& error) {
    reportError(tr("This folder is not a readable run directory.\n%1").arg(QString::fromStdString(error.what())));
  }
}

void MainWindow::openDataset(const Config& config) {
  const std::string path = config.data_path.empty() ? std::string(ISL_BUILT_IN_DATA) : config.data_path;
  const std::string kind = config.data_kind;
  // Thumbnails need no more than 32 pixels, except that ImageNet-style folders look better larger.
  const int side = config.imagenet_stem ? 96 : 32;
  dataset_loader_.setFuture(run_in_pool([kind, path, side] {
    return data::open_dataset(data::dataset_kind_from_string(kind), path, side).train;
  }));
}

void MainWindow::chooseRunDirectory() {
  const QString directory = QFileDialog::getExistingDirectory(this, tr("Open run directory"),
                                                              QSettings().value("run/parent").toString());
  if (!directory.isEmpty()) openRun(directory);
}

void MainWindow::pauseRun() { worker_->pause(); }
void MainWindow::resumeRun() { worker_->resume(); }
void MainWindow::stopRun() {
  log_->addMessage(LogLevel::Info, tr("Stopping after the current iteration; a checkpoint will be written."));
  worker_->stop();
}

void MainWindow::onState(RunState state) {
  state_ = state;
  status_->setState(state);
  updateActions();
}

void MainWindow::onFinished(bool ok, const QString& error) {
  if (ok) log_->addMessage(LogLevel::Info, tr("The run ended; its checkpoint is in %1").arg(run_directory_));
  else reportError(error, close_when_stopped_);
  if (state_ != RunState::Failed && !ok) onState(RunState::Failed);
  else if (state_ == RunState::Running || state_ == RunState::Paused || state_ == RunState::Stopping) onState(RunState::Finished);
  updateActions();
  timeline_->rescan();
  if (close_when_stopped_) close();
}

void MainWindow::reportError(const QString& message, bool quiet) {
  log_->addMessage(LogLevel::Error, message);
  if (!quiet) QMessageBox::warning(this, tr("ISL Studio"), message);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (worker_->busy()) {
    if (!close_when_stopped_ &&
        QMessageBox::question(this, tr("Training is running"),
                              tr("Stop the run, write a checkpoint and quit?")) != QMessageBox::Yes) {
      event->ignore();
      return;
    }
    // Closes again when the worker reports the end of the run.
    close_when_stopped_ = true;
    stopRun();
    event->ignore();
    return;
  }
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  event->accept();
}

void MainWindow::showPreferences() {
  QSettings settings;
  PreferencesDialog dialog(settings.value("ui/language").toString(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  settings.setValue("ui/language", dialog.language());
  apply_language(dialog.language());
}

void MainWindow::rememberRecent(const QString& directory) {
  QSettings settings;
  QStringList recent = settings.value("run/recent").toStringList();
  recent.removeAll(directory);
  recent.prepend(directory);
  while (recent.size() > kMostRecent) recent.removeLast();
  settings.setValue("run/recent", recent);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recent_menu_->clear();
  for (const QString& directory : QSettings().value("run/recent").toStringList())
    recent_menu_->addAction(directory, this, [this, directory] { openRun(directory); });
}

}  // namespace isl::gui
