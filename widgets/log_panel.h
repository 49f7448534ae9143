#pragma once
#include <QWidget>

#include "widgets/metatypes.h"

class QTextEdit;

namespace isl::gui {

// What happened, in words: the engine's messages and the application's own errors, newest
// last, warnings in amber and errors in red.
class LogPanel : public QWidget {
  Q_OBJECT
 public:
  explicit LogPanel(QWidget* parent = nullptr);
  int count(isl::LogLevel level) const { return counts_[int(level)]; }
  QString text() const;

 public slots:
  void addMessage(isl::LogLevel level, const QString& message);
  void clear();

 private:
  QTextEdit* view_;
  int counts_[3] = {0, 0, 0};
};

}  // namespace isl::gui
