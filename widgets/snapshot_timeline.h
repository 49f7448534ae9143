#pragma once
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include "widgets/metatypes.h"

class QCheckBox;
class QLabel;
class QSlider;

namespace isl::gui {

// The one owner of "which snapshot is shown". It lists the run directory's snapshot files
// and follows new ones (written by this app's trainer or by isl-train in another process);
// while "live" is on it shows the newest, otherwise the one under the slider. Files are
// decoded on a pool thread, never on the UI thread.
class SnapshotTimeline : public QWidget {
  Q_OBJECT
 public:
  explicit SnapshotTimeline(QWidget* parent = nullptr);
  ~SnapshotTimeline() override;
  int snapshotCount() const { return int(files_.size()); }
  isl::SnapshotPtr current() const { return current_; }
  bool following() const;
  int shownIndex() const;  // on the slider, from 0

 public slots:
  void setRunDirectory(const QString& directory);
  void clear();
  // A snapshot straight from the trainer: shown at once when following, without a file read.
  void addLiveSnapshot(isl::SnapshotPtr snapshot);
  void showIndex(int index);
  void rescan();

 signals:
  void snapshotShown(isl::SnapshotPtr snapshot);
  void errorOccurred(const QString& message);

 private:
  void show(isl::SnapshotPtr snapshot);
  void onLoaded();
  void updateLabel();

  QString directory_;
  QStringList files_;
  isl::SnapshotPtr current_;
  int pending_index_ = -1;  // a file requested while another was loading
  QSlider* slider_;
  QLabel* label_;
  QCheckBox* live_;
  QFileSystemWatcher watcher_;
  QTimer poll_;  // the snapshots folder may not exist yet when the run starts
  struct Loaded {
    isl::SnapshotPtr snapshot;
    QString error;
  };
  QFutureWatcher<Loaded> loader_;
  bool live_source_ = false;  // snapshots arrive from a trainer in this process
};

}  // namespace isl::gui
