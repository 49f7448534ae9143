// Random user actions while short runs train: start, pause, resume, stop, open runs, click
// points, change the colouring, export, open and close dialogs. The window must never stop
// answering (a watchdog thread aborts the process when the UI thread misses its heartbeat)
// nor crash; afterwards every run directory must be readable and the log must hold no errors
// but the ones the sequence provokes on purpose.
//
//   ISL_STRESS_SEED       the sequence's seed (default 1; printed at the start)
//   ISL_STRESS_ACTIONS    how many actions (default 300)
//   ISL_STRESS_WATCHDOG_S seconds without a heartbeat before the watchdog aborts (default 30)
//   ISL_STRESS_VERBOSE=1  print each action with its duration
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "dialog_catcher.h"
#include "main_window.h"
#include "test_registry.h"
#include "thread_spy.h"
#include "training_worker.h"
#include "widgets/curves_panel.h"
#include "widgets/embedding_view.h"
#include "widgets/log_panel.h"
#include "widgets/snapshot_timeline.h"
#include "widgets/vtk_gl_widget.h"

using namespace isl::gui;

namespace {

int env_int(const char* name, int fallback) {
  bool ok = false;
  const int value = qEnvironmentVariableIntValue(name, &ok);
  return ok ? value : fallback;
}

// Aborts the process when the UI thread has not run its heartbeat timer for `limit`: a
// deadlock (or a nested loop that never ends) would otherwise hang the test until ctest's
// timeout, without saying where. The message names the action in progress.
class Watchdog {
 public:
  explicit Watchdog(std::chrono::seconds limit) : limit_(limit) {
    QObject::connect(&heartbeat_, &QTimer::timeout, [this] { beats_.fetch_add(1, std::memory_order_relaxed); });
    heartbeat_.start(100);
    thread_ = std::thread([this] { watch(); });
  }
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  // `name` must be a string literal: the watchdog thread may print it at any time.
  void setAction(int number, const char* name) {
    action_name_.store(name);
    action_number_.store(number);
  }

 private:
  void watch() {
    using clock = std::chrono::steady_clock;
    uint64_t last = beats_.load();
    auto since = clock::now();
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(500), [this] { return done_; })) {
      const uint64_t beats = beats_.load();
      if (beats != last) {
        last = beats;
        since = clock::now();
      } else if (clock::now() - since > limit_) {
        std::fprintf(stderr, "\nwatchdog: the UI thread has not answered for %lld s; action %d (%s) was in progress\n",
                     static_cast<long long>(limit_.count()), action_number_.load(), action_name_.load());
        std::fflush(stderr);
        std::abort();
      }
    }
  }

  const std::chrono::seconds limit_;
  QTimer heartbeat_;
  std::atomic<uint64_t> beats_{0};
  std::atomic<int> action_number_{-1};
  std::atomic<const char*> action_name_{"none"};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

// Answers the dialogs a user would fill in: a file dialog gets the path set with answer()
// (or is cancelled when none is set); any other dialog except a message box (the
// DialogCatcher's) is cancelled. Polls like DialogCatcher, since each dialog runs its own loop.
class DialogAnswerer : public QObject {
 public:
  DialogAnswerer() {
    connect(&timer_, &QTimer::timeout, this, [this] {
      QWidget* modal = QApplication::activeModalWidget();
      if (!modal || qobject_cast<QMessageBox*>(modal)) return;
      if (auto* files = qobject_cast<QFileDialog*>(modal)) {
        if (answer_.isEmpty()) {
          files->reject();
          ++cancelled_;
          return;
        }
        // Typed into the name field, as a user would: selectFile() leaves the field alone
        // while it has the focus.
        auto* name = files->findChild<QLineEdit*>("fileNameEdit");
        if (name) name->setText(answer_);
        if (!name || files->selectedFiles().value(0) != answer_) {
          unanswered_ << answer_;
          files->reject();
        } else {
          static_cast<QDialog*>(files)->accept();  // QFileDialog::accept, protected there, checks the name
          ++answered_;
        }
        answer_.clear();
      } else if (auto* dialog = qobject_cast<QDialog*>(modal)) {
        dialog->reject();
        ++cancelled_;
      }
    });
    timer_.start(20);
  }
  void answer(const QString& path) { answer_ = path; }
  void forget() { answer_.clear(); }
  int answered() const { return answered_; }
  int cancelled() const { return cancelled_; }
  // Answers the file dialog did not take.
  const QStringList& unanswered() const { return unanswered_; }

 private:
  QTimer timer_;
  QString answer_;
  int answered_ = 0;
  int cancelled_ = 0;
  QStringList unanswered_;
};

// Runs of a few seconds each, so that several finish and new ones start during the sequence.
// Mining is opened wide (as in the core tests) so that positive sets and proxies exist.
isl::Config run_config(QRandomGenerator& random) {
  isl::Config config;
  const char* methods[] = {"isl", "isl", "instance", "euclidean"};
  config.method = methods[random.bounded(4)];
  config.max_train_images = 200;
  config.max_test_images = 100;
  config.rounds = 1 + int(random.bounded(2));
  config.backbone_epochs = 1 + int(random.bounded(2));
  config.gan_epochs = 2;
  config.gan_min_epochs_first_round = 1;
  config.mining_epochs = 2;
  config.batch = 16;
  config.feature_dim = 32;
  config.learning_rate = 0.003;
  config.confidence_threshold = 0.0;
  config.region = -1.0;
  config.negative_candidates = 64;
  config.knn_k = 20;
  config.tracked_anchors = 16;
  config.loader_workers = 1;
  config.seed = random.bounded(1000u);
  config.device = "cpu";
  return config;
}

// The errors the sequence provokes on purpose; any other is a failure.
const QStringList kExpectedErrors = {
    "There is no run to export yet.",                // export the projector files before any run
    "This folder is not a readable run directory.",  // open a folder that holds no run
};

bool expected_error(const QString& message) {
  for (const QString& expected : kExpectedErrors)
    if (message.startsWith(expected)) return true;
  return false;
}

}  // namespace

class StressTest : public QObject {
  Q_OBJECT
 public:
  StressTest() {
    // QtTest's own per-function limit (5 minutes) would end a sanitizer build's run; the
    // watchdog below is the check for hangs.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT")) qputenv("QTEST_FUNCTION_TIMEOUT", "3600000");
  }

 private slots:
  void randomActionsWhileTraining();

 private:
  enum Action {
    kStartNew, kContinue, kPause, kResume, kStop, kOpenRun, kOpenNotARun, kClickPoint, kDrag, kColoring,
    kTimeline, kLive, kNextAnchor, kCurvesTab, kExportFigure, kExportView, kExportInspector, kExportMetrics,
    kExportProjector, kExportTensorBoard, kExportCheckpoint, kExportWeights, kProbe, kEvaluate, kContinueChanged,
    kResetView, kAbout, kPreferences, kNewRunDialog, kQuit, kWait, kActionCount
  };
  static const char* name(Action action);
  void perform(Action action);
  QAction* action(const char* name) const {
    auto* found = window_->findChild<QAction*>(name);
    if (!found) qFatal("no action named %s", name);
    return found;
  }
  // Triggers `act` as a click on its button would: nothing happens while it is disabled.
  // Returns whether it was enabled.
  bool trigger(QAction* act) {
    const bool enabled = act->isEnabled();
    act->trigger();
    return enabled;
  }
  bool triggerWithFile(QAction* act, const QString& path) {
    answerer_->answer(path);
    const bool enabled = trigger(act);
    answerer_->forget();
    if (enabled) expected_files_ << path;
    return enabled;
  }
  QString exportPath(const QString& stem, bool figure) {
    const char* suffixes[] = {"png", "svg", "pdf"};
    return QString("%1/%2-%3.%4").arg(exports_, QString::number(++export_count_), stem,
                                      figure ? suffixes[random_.bounded(3)] : "pt");
  }
  QStringList runDirectoriesWithConfig() const {
    QStringList found;
    for (const QString& run : runs_)
      if (QFileInfo::exists(QString::fromStdString(isl::run_files::config_path(run.toStdString())))) found << run;
    return found;
  }

  QRandomGenerator random_;
  MainWindow* window_ = nullptr;
  DialogAnswerer* answerer_ = nullptr;
  QString root_, exports_, not_a_run_;
  QStringList runs_;            // directories given to startRun
  QStringList expected_files_;  // exports whose dialog was answered
  QStringList projector_folders_;
  QStringList tensorboard_folders_;
  int export_count_ = 0;
  int runs_requested_ = 0;  // startRun calls and continued runs: each ends with one `finished`
  int performed_[kActionCount] = {};
};

const char* StressTest::name(Action action) {
  static const char* names[] = {
      "start a new run", "continue the opened run", "pause", "resume", "stop", "open a run",
      "open a folder that is not a run", "click a point", "drag the view", "change the colouring",
      "move the timeline", "toggle live", "next anchor with positives", "switch curves tab", "export curves",
      "export 3D view", "export inspector", "export metrics", "export projector files",
      "export TensorBoard scalars", "export checkpoint", "export backbone weights", "linear probe",
      "evaluate the opened run", "continue with changed settings (cancelled)", "reset view", "about box", "preferences dialog",
      "new-run dialog (cancelled)", "quit", "wait"};
  static_assert(sizeof(names) / sizeof(names[0]) == kActionCount);
  return names[action];
}

void StressTest::perform(Action what) {
  MainWindow& window = *window_;
  isl::gui::EmbeddingView* view = window.embeddingView();
  switch (what) {
    case kStartNew:
      if (!action("start")->isEnabled()) return;  // a user cannot start while a run is active
      runs_ << QString("%1/run-%2").arg(root_).arg(runs_.size());
      ++runs_requested_;
      window.startRun(run_config(random_), runs_.last());
      break;
    case kContinue:
      // Without an opened run, Start opens the new-run dialog (cancelled by the answerer).
      if (action("start")->isEnabled() && !window.runDirectory().isEmpty()) ++runs_requested_;
      trigger(action("start"));
      break;
    case kPause:
      // Half the time through the action, half through the slot (which ignores the state).
      if (random_.bounded(2)) trigger(action("pause"));
      else window.pauseRun();
      break;
    case kResume:
      if (random_.bounded(2)) trigger(action("resume"));
      else window.resumeRun();
      break;
    case kStop:
      trigger(action("stop"));
      break;
    case kOpenRun: {
      const QStringList runs = runDirectoriesWithConfig();
      if (runs.isEmpty()) return;
      answerer_->answer(runs.at(int(random_.bounded(qsizetype(runs.size())))));
      trigger(action("open-run"));
      answerer_->forget();
      break;
    }
    case kOpenNotARun:
      if (!action("open-run")->isEnabled()) return;
      window.openRun(not_a_run_);  // a message box, closed by the DialogCatcher
      break;
    case kClickPoint: {
      const isl::SnapshotPtr snapshot = window.timeline()->current();
      if (!snapshot || snapshot->images == 0) return;
      const QPoint at = view->screenPosition(int64_t(random_.bounded(quint64(snapshot->images))));
      QTest::mouseClick(view->canvas(), Qt::LeftButton, {}, at);
      break;
    }
    case kDrag: {
      auto* canvas = view->canvas();
      const QPoint from(int(random_.bounded(canvas->width())), int(random_.bounded(canvas->height())));
      const QPoint to = from + QPoint(int(random_.bounded(81)) - 40, int(random_.bounded(81)) - 40);
      QTest::mousePress(canvas, Qt::LeftButton, {}, from);
      QTest::mouseMove(canvas, (from + to) / 2);
      QTest::mouseMove(canvas, to);
      QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
      break;
    }
    case kColoring: {
      auto* box = view->findChild<QComboBox*>("coloring");
      QVERIFY(box);
      // Keys on the closed box, as a user changes it from the keyboard, or a pick from the list.
      if (random_.bounded(2)) QTest::keyClick(box, random_.bounded(2) ? Qt::Key_Down : Qt::Key_Up);
      else box->setCurrentIndex(int(random_.bounded(box->count())));
      QCOMPARE(int(view->coloring()), box->currentIndex());
      break;
    }
    case kTimeline: {
      auto* slider = window.timeline()->findChild<QSlider*>("timelineSlider");
      QVERIFY(slider);
      slider->setValue(slider->minimum() + int(random_.bounded(slider->maximum() - slider->minimum() + 1)));
      break;
    }
    case kLive: {
      auto* live = window.timeline()->findChild<QCheckBox*>();
      QVERIFY(live);
      live->click();
      break;
    }
    case kNextAnchor: {
      auto* next = window.findChild<QToolButton*>("nextAnchor");
      QVERIFY(next);
      if (next->isEnabled()) next->click();
      break;
    }
    case kCurvesTab:
      window.curves()->setCurrentIndex(int(random_.bounded(window.curves()->count())));
      break;
    case kExportFigure:
      triggerWithFile(action("export-curves"), exportPath("curves", true));
      break;
    case kExportView:
      triggerWithFile(action("export-view"), exportPath("view", true));
      break;
    case kExportInspector:
      triggerWithFile(action("export-inspector"), exportPath("inspector", true));
      break;
    case kExportMetrics:
      triggerWithFile(action("export-metrics"), QString("%1/%2-metrics.csv").arg(exports_).arg(++export_count_));
      break;
    case kExportProjector: {
      // Without a run the window says so (an expected error); with one, the files are
      // written on a pool thread.
      const bool has_run = !window.runDirectory().isEmpty();
      const QString folder = QString("%1/%2-projector").arg(exports_).arg(++export_count_);
      QVERIFY(QDir().mkpath(folder));
      answerer_->answer(folder);
      trigger(action("export-projector"));
      answerer_->forget();
      if (has_run) projector_folders_ << folder;
      break;
    }
    case kExportTensorBoard: {
      const bool has_run = !window.runDirectory().isEmpty();
      const QString folder = QString("%1/%2-tensorboard").arg(exports_).arg(++export_count_);
      QVERIFY(QDir().mkpath(folder));
      answerer_->answer(folder);
      trigger(action("export-tensorboard"));
      answerer_->forget();
      if (has_run) tensorboard_folders_ << folder;
      break;
    }
    case kExportCheckpoint:
      triggerWithFile(action("export-checkpoint"), exportPath("checkpoint", false));
      break;
    case kExportWeights:
      triggerWithFile(action("export-weights"), exportPath("backbone", false));
      break;
    case kProbe:
      // While a run trains, at its next iteration; on an opened run at rest, on the worker.
      trigger(action("probe"));
      break;
    case kEvaluate:
      trigger(action("evaluate"));
      break;
    case kContinueChanged:
      trigger(action("continue-changed"));
      break;
    case kResetView:
      trigger(action("reset-view"));
      break;
    case kAbout:
      trigger(action("about"));
      break;
    case kPreferences:
      trigger(action("preferences"));
      break;
    case kNewRunDialog:
      trigger(action("new-run"));
      break;
    case kQuit:
      // While a run is active the window asks first (the DialogCatcher answers, which is not
      // "Yes"); otherwise it closes, and the user opens it again.
      trigger(action("quit"));
      if (!window.isVisible()) {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
      }
      break;
    case kWait:
      // Time for the run to move on: snapshots, metrics and state changes arrive meanwhile.
      QTest::qWait(200 + int(random_.bounded(800)));
      break;
    case kActionCount:
      break;
  }
  ++performed_[what];
}

void StressTest::randomActionsWhileTraining() {
  const int seed = env_int("ISL_STRESS_SEED", 1);
  const int actions = env_int("ISL_STRESS_ACTIONS", 300);
  const int watchdog_seconds = env_int("ISL_STRESS_WATCHDOG_S", 30);
  const bool verbose = env_int("ISL_STRESS_VERBOSE", 0) != 0;
  qInfo("stress: seed %d (ISL_STRESS_SEED), %d actions (ISL_STRESS_ACTIONS), watchdog %d s", seed, actions,
        watchdog_seconds);
  random_.seed(quint32(seed));
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  root_ = dir.path();
  exports_ = root_ + "/exports";
  not_a_run_ = root_ + "/not-a-run";
  QVERIFY(QDir().mkpath(exports_));
  QVERIFY(QDir().mkpath(not_a_run_));
  // File dialogs must be Qt's own, which the answerer can fill in, not a platform dialog.
  QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
  // Quit closes the only window; the application must not end with it.
  const bool quit_on_close = QApplication::quitOnLastWindowClosed();
  QApplication::setQuitOnLastWindowClosed(false);

  isl::test::DialogCatcher message_boxes;
  DialogAnswerer answerer;
  answerer_ = &answerer;
  Watchdog watchdog{std::chrono::seconds(watchdog_seconds)};
  MainWindow window;
  window_ = &window;
  window.resize(1500, 950);
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  isl::test::ThreadSpy started(window.worker(), &TrainingWorker::started);
  isl::test::ThreadSpy finished(window.worker(), &TrainingWorker::finished);

  // Weights: mostly what a user does while watching a run; a run starts soon after the last
  // one ends, and stops are rare enough that some runs finish.
  struct Weighted {
    Action action;
    int weight;
  };
  const Weighted table[] = {
      {kStartNew, 8},           {kContinue, 3},           {kPause, 3},              {kResume, 6},             {kStop, 1},
      {kOpenRun, 3},            {kOpenNotARun, 1},        {kClickPoint, 8},         {kDrag, 3},               {kColoring, 5},
      {kTimeline, 3},           {kLive, 2},               {kNextAnchor, 3},         {kCurvesTab, 2},          {kExportFigure, 2},
      {kExportView, 2},         {kExportInspector, 1},    {kExportMetrics, 2},      {kExportProjector, 1},    {kExportTensorBoard, 1},
      {kExportCheckpoint, 1},   {kExportWeights, 1},      {kProbe, 1},              {kEvaluate, 1},           {kContinueChanged, 1},
      {kResetView, 2},          {kAbout, 1},              {kPreferences, 1},        {kNewRunDialog, 1},       {kQuit, 1},
      {kWait, 12},
  };
  int total_weight = 0;
  for (const auto& entry : table) total_weight += entry.weight;

  const auto began = std::chrono::steady_clock::now();
  for (int i = 0; i < actions; ++i) {
    int pick = int(random_.bounded(total_weight));
    Action what = kWait;
    for (const auto& entry : table) {
      if (pick < entry.weight) {
        what = entry.action;
        break;
      }
      pick -= entry.weight;
    }
    watchdog.setAction(i, name(what));
    const auto action_began = std::chrono::steady_clock::now();
    perform(what);
    if (verbose)
      qInfo("stress: %3d %-32s %6.0f ms  state %s", i, name(what),
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - action_began).count(),
            isl::to_string(window.runState()).c_str());
    if (QTest::currentTestFailed()) {
      qWarning("stress: action %d (%s) failed", i, name(what));
      return;
    }
    // A short pause between actions, as a user's; events flow meanwhile.
    QTest::qWait(int(random_.bounded(60)));
  }
  const double sequence_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  watchdog.setAction(actions, "stopping the last run");

  // Stop whatever still trains (a queued start may begin after an earlier stop) until every
  // requested run has ended.
  int stopped_at = -1;
  auto settled = [&] {
    if (window.worker()->busy() && stopped_at != started.count()) {
      window.stopRun();
      stopped_at = started.count();
    }
    return finished.count() == runs_requested_ && !window.worker()->busy();
  };
  QTRY_VERIFY_WITH_TIMEOUT(settled(), 600000);
  // Projector files are written on a pool thread.
  for (const QString& folder : projector_folders_) {
    QTRY_VERIFY_WITH_TIMEOUT(window.log()->text().contains("Saved the projector files in " + folder), 60000);
    for (const char* name : {"tensors.tsv", "metadata.tsv", "sprite.png", "projector_config.pbtxt"})
      QVERIFY2(QFileInfo(folder + "/" + name).size() > 0, qPrintable(folder + "/" + name + " was not written"));
  }
  for (const QString& folder : tensorboard_folders_) {
    QTRY_VERIFY_WITH_TIMEOUT(window.log()->text().contains("Saved the TensorBoard event file " + folder), 60000);
    QVERIFY2(!QDir(folder).entryList({"events.out.tfevents.*"}, QDir::Files).isEmpty(),
             qPrintable(folder + " holds no event file"));
  }
  QTest::qWait(200);  // the last queued state changes and snapshots

  QString summary;
  for (int a = 0; a < kActionCount; ++a) summary += QString("%1 %2, ").arg(name(Action(a))).arg(performed_[a]);
  qInfo("stress: %d actions in %.0f s, %d runs requested, %d started, %d file dialogs answered, %d dialogs "
        "cancelled, %d message boxes",
        actions, sequence_seconds, runs_requested_, started.count(), answerer.answered(), answerer.cancelled(),
        int(message_boxes.seen().size()));
  qInfo("stress: drawn: %s", qPrintable(summary));

  // The window is at rest, and every run ended without an error.
  QVERIFY2(window.runState() == isl::RunState::Idle || window.runState() == isl::RunState::Finished,
           isl::to_string(window.runState()).c_str());
  for (int i = 0; i < finished.count(); ++i)
    QVERIFY2(finished.at(i).at(0).toBool(), qPrintable("a run failed: " + finished.at(i).at(1).toString()));

  // Only the errors provoked on purpose, in the log and in message boxes.
  const QRegularExpression error_line("^\\d\\d:\\d\\d:\\d\\d Error: (.*)$", QRegularExpression::MultilineOption);
  int errors = 0;
  for (auto match = error_line.globalMatch(window.log()->text()); match.hasNext(); ++errors) {
    const QString message = match.next().captured(1);
    QVERIFY2(expected_error(message), qPrintable("unexpected error in the log: " + message));
  }
  QCOMPARE(errors, window.log()->count(isl::LogLevel::Error));
  for (const QString& seen : message_boxes.seen()) {
    const bool expected = seen.startsWith("About ISL Studio") || seen.startsWith("Training is running") ||
                          expected_error(seen.section(": ", 1));
    QVERIFY2(expected, qPrintable("unexpected message box: " + seen));
  }

  if (verbose) qInfo("%s", qPrintable(window.log()->text()));
  // Every answered export wrote its file.
  QVERIFY2(answerer.unanswered().isEmpty(), qPrintable("file dialogs refused " + answerer.unanswered().join(", ")));
  for (const QString& path : expected_files_)
    QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path + " was not written"));

  // Every run directory reads back: settings, metrics, snapshots, and a checkpoint that a
  // resumed run loads. Events keep flowing between runs: each takes a second or more, and the
  // watchdog still listens.
  watchdog.setAction(actions, "reading the run directories back");
  for (const QString& run : runDirectoriesWithConfig()) {
    QCoreApplication::processEvents();
    const std::string directory = run.toStdString();
    try {
      isl::read_config_file(isl::run_files::config_path(directory));
      isl::read_metrics_file(isl::run_files::metrics_path(directory));
      for (const auto& file : isl::list_snapshot_files(directory)) isl::read_snapshot_file(file);
      isl::Trainer::resume(directory);
    } catch (const std::exception& error) {
      QFAIL(qPrintable(run + ": " + QString::fromStdString(error.what())));
    }
  }
  QVERIFY2(started.count() > 0, "no run started; the sequence is too short");
  QApplication::setQuitOnLastWindowClosed(quit_on_close);
  window_ = nullptr;
  answerer_ = nullptr;
}

ISL_REGISTER_TEST(StressTest);
#include "test_stress.moc"
