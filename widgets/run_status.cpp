#include "widgets/run_status.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <algorithm>
#include <cmath>

namespace isl::gui {

QString stage_name(Stage stage) {
  switch (stage) {
    case Stage::Backbone: return QCoreApplication::translate("isl::gui::RunStatus", "backbone");
    case Stage::Gan: return QCoreApplication::translate("isl::gui::RunStatus", "proxy GAN");
    case Stage::Mining: return QCoreApplication::translate("isl::gui::RunStatus", "mining");
    case Stage::Finished: return QCoreApplication::translate("isl::gui::RunStatus", "finished");
  }
  return {};
}

QString state_name(RunState state) {
  const char* names[] = {QT_TRANSLATE_NOOP("isl::gui::RunStatus", "Idle"), QT_TRANSLATE_NOOP("isl::gui::RunStatus", "Running"),
                         QT_TRANSLATE_NOOP("isl::gui::RunStatus", "Paused"), QT_TRANSLATE_NOOP("isl::gui::RunStatus", "Stopping"),
                         QT_TRANSLATE_NOOP("isl::gui::RunStatus", "Finished"), QT_TRANSLATE_NOOP("isl::gui::RunStatus", "Failed")};
  return QCoreApplication::translate("isl::gui::RunStatus", names[int(state)]);
}

QString duration_text(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("–");
  const qint64 s = qint64(std::llround(seconds));
  if (s >= 3600) return QString("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar('0')).arg(s % 60, 2, 10, QChar('0'));
  return QString("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar('0'));
}

QString stage_figure_text(const Progress& p) {
  switch (p.stage) {
    case Stage::Backbone:
      return QCoreApplication::translate("isl::gui::RunStatus", "loss %1 · learning rate %2")
          .arg(p.stage_figure, 0, 'f', 4)
          .arg(p.learning_rate, 0, 'g', 3);
    case Stage::Gan: return QCoreApplication::translate("isl::gui::RunStatus", "generator loss %1").arg(p.stage_figure, 0, 'f', 4);
    case Stage::Mining: return QCoreApplication::translate("isl::gui::RunStatus", "proxy confidence %1").arg(p.stage_figure, 0, 'f', 3);
    case Stage::Finished: break;
  }
  return {};
}

RunStatus::RunStatus(QWidget* parent)
    : QWidget(parent),
      state_(new QLabel(this)),
      position_(new QLabel(this)),
      figure_(new QLabel(this)),
      speed_(new QLabel(this)),
      device_(new QLabel(this)),
      epoch_bar_(new QProgressBar(this)),
      stage_bar_(new QProgressBar(this)) {
  state_->setObjectName("runState");
  position_->setObjectName("runPosition");
  figure_->setObjectName("stageFigure");
  epoch_bar_->setObjectName("epochBar");
  stage_bar_->setObjectName("stageBar");
  for (QProgressBar* bar : {epoch_bar_, stage_bar_}) {
    bar->setMaximumWidth(180);
    bar->setMaximumHeight(16);
    bar->setTextVisible(true);
  }
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 0, 4, 0);
  layout->addWidget(state_);
  layout->addWidget(position_);
  layout->addWidget(epoch_bar_);
  layout->addWidget(stage_bar_);
  layout->addWidget(figure_);
  layout->addWidget(speed_);
  layout->addWidget(device_);
  clear();
}

// Without a run in progress there is nothing for the bars to measure: they are hidden, not empty.
void RunStatus::clear() {
  state_->setText(state_name(RunState::Idle));
  position_->clear();
  figure_->clear();
  speed_->clear();
  device_->clear();
  epoch_bar_->hide();
  stage_bar_->hide();
}

void RunStatus::showSnapshotPosition(const Snapshot& snapshot, int index, int count) {
  state_->setText("<b>" + tr("Replay") + "</b>");
  position_->setText(tr("Round %1 · %2 · epoch %3 · %4 backbone epochs")
                         .arg(snapshot.round + 1)
                         .arg(stage_name(snapshot.stage))
                         .arg(snapshot.epoch)
                         .arg(snapshot.global_epoch));
  // The bar shows where on the timeline the shown snapshot lies.
  const int total = std::max(count, 1);
  epoch_bar_->setRange(0, total);
  epoch_bar_->setValue(std::clamp(index + 1, 0, total));
  epoch_bar_->setFormat(tr("snapshot %1 of %2").arg(std::clamp(index + 1, 0, total)).arg(total));
  epoch_bar_->show();
  stage_bar_->hide();
}

void RunStatus::showBusy(const QString& task) {
  state_->setText("<b>" + task.toHtmlEscaped() + "</b>");
  position_->clear();
  figure_->clear();
  speed_->clear();
  device_->clear();
  // A range of 0 to 0 makes a busy indicator.
  for (QProgressBar* bar : {epoch_bar_, stage_bar_}) {
    bar->setRange(0, 0);
    bar->setFormat(QString());
  }
  epoch_bar_->show();
  stage_bar_->hide();
}

void RunStatus::setState(RunState state) { state_->setText("<b>" + state_name(state) + "</b>"); }

void RunStatus::setProgress(const Progress& p) {
  epoch_bar_->show();
  stage_bar_->show();
  position_->setText(tr("Round %1/%2 · %3 · epoch %4").arg(p.round + 1).arg(p.rounds).arg(stage_name(p.stage)).arg(p.epoch + 1));
  epoch_bar_->setRange(0, int(std::max<int64_t>(p.iterations, 1)));
  epoch_bar_->setValue(int(p.iteration));
  epoch_bar_->setFormat(tr("epoch %p%"));
  stage_bar_->setRange(0, std::max(p.epoch_cap, 1));
  stage_bar_->setValue(p.epoch);
  stage_bar_->setFormat(tr("%1 %2/%3").arg(stage_name(p.stage)).arg(p.epoch).arg(p.epoch_cap));
  figure_->setText(stage_figure_text(p));
  speed_->setText(tr("%1 images/s · %2 left in stage").arg(p.images_per_second, 0, 'f', 0).arg(duration_text(p.stage_seconds_left)));
  device_->setText(QString("%1 · %2").arg(QString::fromStdString(p.device), QString::fromStdString(p.precision)));
}

QString RunStatus::summary() const {
  return QStringList{state_->text(), position_->text(), figure_->text(), speed_->text(), device_->text()}.join(" | ");
}

}  // namespace isl::gui
