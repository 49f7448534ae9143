#pragma once
// Message boxes open their own event loop, which would hold a test inside QTRY_* until someone
// closes them; this closes each one as it appears and keeps its title and text.
#include <QApplication>
#include <QMessageBox>
#include <QStringList>
#include <QTimer>

namespace isl::test {

class DialogCatcher : public QObject {
 public:
  DialogCatcher() {
    connect(&timer_, &QTimer::timeout, this, [this] {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        seen_ << box->windowTitle() + ": " + box->text();
        box->done(QMessageBox::Ok);
      }
    });
    timer_.start(20);
  }
  const QStringList& seen() const { return seen_; }

 private:
  QTimer timer_;
  QStringList seen_;
};

}  // namespace isl::test
