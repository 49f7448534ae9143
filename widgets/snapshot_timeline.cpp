#include "widgets/snapshot_timeline.h"

#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "widgets/thread_handoff.h"

namespace isl::gui {

SnapshotTimeline::SnapshotTimeline(QWidget* parent)
    : QWidget(parent), slider_(new QSlider(Qt::Horizontal, this)), label_(new QLabel(this)), live_(new QCheckBox(this)) {
  slider_->setObjectName("timelineSlider");
  slider_->setRange(0, 0);
  live_->setChecked(true);
  live_->setText(tr("Live"));
  live_->setToolTip(tr("Show each new snapshot as it arrives"));
  slider_->setToolTip(tr("Snapshots of the run, one per snapshot interval; drag to replay"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 2, 6, 2);
  layout->addWidget(new QLabel(tr("Timeline"), this));
  layout->addWidget(slider_, 1);
  layout->addWidget(label_);
  layout->addWidget(live_);
  connect(slider_, &QSlider::valueChanged, this, [this](int value) {
    live_->setChecked(value == slider_->maximum());
    showIndex(value);
  });
  connect(&loader_, &QFutureWatcher<Loaded>::finished, this, &SnapshotTimeline::onLoaded);
  connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, &SnapshotTimeline::rescan);
  poll_.setInterval(2000);
  connect(&poll_, &QTimer::timeout, this, &SnapshotTimeline::rescan);
  updateLabel();
}

SnapshotTimeline::~SnapshotTimeline() { loader_.waitForFinished(); }

bool SnapshotTimeline::following() const { return live_->isChecked(); }
int SnapshotTimeline::shownIndex() const { return slider_->value(); }

void SnapshotTimeline::clear() {
  live_source_ = false;
  if (!watcher_.directories().isEmpty()) watcher_.removePaths(watcher_.directories());
  poll_.stop();
  directory_.clear();
  files_.clear();
  current_.reset();
  const QSignalBlocker block(slider_);
  slider_->setRange(0, 0);
  live_->setChecked(true);
  updateLabel();
}

void SnapshotTimeline::setRunDirectory(const QString& directory) {
  clear();
  directory_ = directory;
  poll_.start();
  rescan();
}

void SnapshotTimeline::rescan() {
  if (directory_.isEmpty()) return;
  const QString folder = QString::fromStdString(run_files::snapshot_directory(directory_.toStdString()));
  if (watcher_.directories().isEmpty() && QDir(folder).exists()) watcher_.addPath(folder);
  QStringList files;
  for (const auto& path : list_snapshot_files(directory_.toStdString())) files << QString::fromStdString(path);
  if (files == files_) return;
  const bool grew = files.size() > files_.size();
  files_ = files;
  {
    const QSignalBlocker block(slider_);
    slider_->setRange(0, std::max(int(files_.size()) - 1, 0));
    if (following()) slider_->setValue(slider_->maximum());
  }
  updateLabel();
  // With a trainer in this process the newest snapshot is already on screen; reading its
  // file again would only repeat it. Runs written by another process are followed by file.
  if (following() && (grew || !current_) && !live_source_ && !files_.isEmpty()) showIndex(int(files_.size()) - 1);
}

void SnapshotTimeline::addLiveSnapshot(SnapshotPtr snapshot) {
  live_source_ = true;
  if (following()) show(std::move(snapshot));
}

void SnapshotTimeline::showIndex(int index) {
  if (index < 0 || index >= files_.size()) return;
  if (loader_.isRunning()) {
    pending_index_ = index;
    return;
  }
  const std::string path = files_[index].toStdString();
  // Errors come back as text in the result, for onLoaded() to report.
  loader_.setFuture(run_in_pool([path]() -> Loaded {
    try {
      return {std::make_shared<const Snapshot>(read_snapshot_file(path)), {}};
    } catch (const std::exception& error) {
      return {nullptr, QString::fromStdString(error.what())};
    }
  }));
}

void SnapshotTimeline::onLoaded() {
  const Loaded loaded = loader_.result();
  if (loaded.snapshot) show(loaded.snapshot);
  else emit errorOccurred(tr("Cannot show this snapshot: %1").arg(loaded.error));
  if (pending_index_ >= 0) {
    const int index = pending_index_;
    pending_index_ = -1;
    showIndex(index);
  }
}

void SnapshotTimeline::show(SnapshotPtr snapshot) {
  current_ = std::move(snapshot);
  updateLabel();
  emit snapshotShown(current_);
}

void SnapshotTimeline::updateLabel() {
  if (!current_) {
    label_->setText(tr("no snapshot"));
    return;
  }
  label_->setText(tr("epoch %1 · round %2 · %3 of %4").arg(current_->global_epoch).arg(current_->round + 1)
                      .arg(slider_->value() + 1).arg(std::max<qsizetype>(files_.size(), 1)));
}

}  // namespace isl::gui
