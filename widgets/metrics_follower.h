#pragma once
#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <vector>

#include "widgets/metatypes.h"

namespace isl::gui {

// Reads a run directory's metrics.jsonl and reads it again whenever it grows, for replaying
// runs that another process (isl-train) is still writing.
class MetricsFollower : public QObject {
  Q_OBJECT
 public:
  explicit MetricsFollower(QObject* parent = nullptr);

 public slots:
  void follow(const QString& run_directory);
  void stop();
  void check();

 signals:
  void recordsChanged(const std::vector<isl::MetricsRecord>& records);
  void errorOccurred(const QString& message);

 private:
  QString path_;
  qint64 size_ = -1;
  QDateTime modified_;
  QTimer poll_;
};

}  // namespace isl::gui
