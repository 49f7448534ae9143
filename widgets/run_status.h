#pragma once
#include <QWidget>

#include "widgets/metatypes.h"

class QLabel;
class QProgressBar;

namespace isl::gui {

// The status bar's account of a run: stage, round, epoch, the stage's running figure (loss and
// learning rate, generator loss or proxy confidence), speed, time left, device, and a progress
// bar for the epoch and one for the stage.
class RunStatus : public QWidget {
  Q_OBJECT
 public:
  explicit RunStatus(QWidget* parent = nullptr);
  QString summary() const;

 public slots:
  void setProgress(const isl::Progress& progress);
  void setState(isl::RunState state);
  void clear();
  // Without a run in progress: where the shown snapshot of an opened run directory stands,
  // the index-th of `count` on the timeline.
  void showSnapshotPosition(const isl::Snapshot& snapshot, int index, int count);
  // Work on a run that is not training (an evaluation), named by `task`, whose length is
  // not known: the bars show that it goes on; clear() ends it.
  void showBusy(const QString& task);

 private:
  QLabel* state_;
  QLabel* position_;
  QLabel* figure_;
  QLabel* speed_;
  QLabel* device_;
  QProgressBar* epoch_bar_;
  QProgressBar* stage_bar_;
};

QString stage_name(isl::Stage stage);
QString state_name(isl::RunState state);
QString duration_text(double seconds);
// "loss 4.2100 · learning rate 0.03", "generator loss 0.6931", "proxy confidence 0.512".
QString stage_figure_text(const isl::Progress& progress);

}  // namespace isl::gui
