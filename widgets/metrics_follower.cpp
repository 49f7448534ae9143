#include "widgets/metrics_follower.h"

#include <QFileInfo>

#include "core/run/run_files.h"

namespace isl::gui {

MetricsFollower::MetricsFollower(QObject* parent) : QObject(parent) {
  // A timer rather than a file watcher: a resumed run trims the file by replacing it, which
  // many file watchers report once and then stop watching. A line the run is still appending
  // is left for the next check (parse_metrics_lines).
  poll_.setInterval(1000);
  connect(&poll_, &QTimer::timeout, this, &MetricsFollower::check);
}

void MetricsFollower::follow(const QString& run_directory) {
  path_ = QString::fromStdString(run_files::metrics_path(run_directory.toStdString()));
  size_ = -1;
  modified_ = {};
  poll_.start();
  check();
}

void MetricsFollower::stop() {
  poll_.stop();
  path_.clear();
}

void MetricsFollower::check() {
  const QFileInfo info(path_);
  if (path_.isEmpty() || !info.exists()) return;
  if (info.size() == size_ && info.lastModified() == modified_) return;
  size_ = info.size();
  modified_ = info.lastModified();
  try {
    emit recordsChanged(read_metrics_file(path_.toStdString()));
  } catch (const std::exception& error) {
    emit errorOccurred(QString::fromStdString(error.what()));
  }
}

}  // namespace isl::gui
