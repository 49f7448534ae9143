// The Export menu of MainWindow: asks for a file name, calls the exporter, reports the result.
#include <QCheckBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QSettings>

#include "core/input_error.h"
#include "core/run/projector_export.h"
#include "core/run/tensorboard_events.h"
#include "core/run/weights_export.h"
#include "main_window.h"
#include "widgets/embedding_view.h"
#include "widgets/exporters.h"
#include "widgets/log_panel.h"
#include "widgets/thread_handoff.h"

namespace isl::gui {

namespace {

QString ask_figure_path(QWidget* parent, const QString& name) {
  QSettings settings;
  const QString folder = settings.value("export/folder", QDir::homePath()).toString();
  const QString path = QFileDialog::getSaveFileName(
      parent, QObject::tr("Export figure"), folder + "/" + name + ".png",
      QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
  if (!path.isEmpty()) settings.setValue("export/folder", QFileInfo(path).absolutePath());
  return path;
}

}  // namespace

void MainWindow::exportFigure(QWidget* figure, const QString& name) {
  const QString path = ask_figure_path(this, name);
  if (path.isEmpty()) return;
  try {
    export_widget(figure, path);
    log_->addMessage(LogLevel::Info, tr("Saved %1").arg(path));
  } catch (const InputError& error) {
    reportError(QString::fromStdString(error.what()));
  }
}

void MainWindow::exportViewImage() {
  const QString path = ask_figure_path(this, "embedding");
  if (path.isEmpty()) return;
  try {
    export_image(view_->image(), path);
    log_->addMessage(LogLevel::Info, tr("Saved %1").arg(path));
  } catch (const InputError& error) {
    reportError(QString::fromStdString(error.what()));
  }
}

void MainWindow::exportMetrics() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export metrics"), QDir::homePath() + "/metrics.csv",
                                                    tr("CSV table (*.csv)"));
  if (path.isEmpty()) return;
  try {
    export_metrics_csv(records_, path);
    log_->addMessage(LogLevel::Info, tr("Saved %n metrics rows to %1", nullptr, int(records_.size())).arg(path));
  } catch (const InputError& error) {
    reportError(QString::fromStdString(error.what()));
  }
}

void MainWindow::exportProjector() {
  if (run_directory_.isEmpty()) return reportError(tr("There is no run to export yet."));
  // The folder dialog with one choice added: Qt's own dialog, since a native one takes no
  // extra widgets.
  QFileDialog dialog(this, tr("Folder for the TensorBoard projector files"));
  dialog.setFileMode(QFileDialog::Directory);
  dialog.setOptions(QFileDialog::ShowDirsOnly | QFileDialog::DontUseNativeDialog);
  QSettings settings;
  auto* recompute = new QCheckBox(tr("Recompute the features without augmentation (slower)"), &dialog);
  recompute->setToolTip(tr("Run the checkpoint's backbone over the training images instead of exporting the memory "
                           "bank, which averages augmented views"));
  recompute->setChecked(settings.value("export/recomputedFeatures", false).toBool());
  if (auto* grid = qobject_cast<QGridLayout*>(dialog.layout()))
    grid->addWidget(recompute, grid->rowCount(), 0, 1, grid->columnCount());
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
  settings.setValue("export/recomputedFeatures", recompute->isChecked());
  const QString directory = dialog.selectedFiles().first();
  ProjectorOptions options;
  options.recomputed_features = recompute->isChecked();
  // Reading the checkpoint, the neighbours and the sprite take a while: a pool thread does it.
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, directory] {
    const QString error = watcher->result();
    if (error.isEmpty()) log_->addMessage(LogLevel::Info, tr("Saved the projector files in %1").arg(directory));
    else reportError(error);
    watcher->deleteLater();
  });
  const std::string run = run_directory_.toStdString();
  watcher->setFuture(run_in_pool([run, directory, options]() -> QString {
    try {
      export_projector(run, directory.toStdString(), options);
      return {};
    } catch (const std::exception& error) {
      return QString::fromStdString(error.what());
    }
  }));
}

void MainWindow::exportTensorBoard() {
  if (run_directory_.isEmpty()) return reportError(tr("There is no run to export yet."));
  QSettings settings;
  const QString directory = QFileDialog::getExistingDirectory(this, tr("Folder for the TensorBoard event file"),
                                                              settings.value("export/folder", QDir::homePath()).toString());
  if (directory.isEmpty()) return;
  settings.setValue("export/folder", directory);
  // The written file's path, or the error.
  struct Written {
    QString path, error;
  };
  auto* watcher = new QFutureWatcher<Written>(this);
  connect(watcher, &QFutureWatcher<Written>::finished, this, [this, watcher, directory] {
    const Written written = watcher->result();
    if (written.error.isEmpty())
      log_->addMessage(LogLevel::Info, tr("Saved the TensorBoard event file %1; view it with tensorboard --logdir %2")
                                           .arg(written.path, directory));
    else reportError(tr("The TensorBoard event file could not be written.\n%1").arg(written.error));
    watcher->deleteLater();
  });
  watcher->setFuture(run_in_pool([records = records_, directory]() -> Written {
    try {
      return {QString::fromStdString(export_tensorboard_scalars(records, directory.toStdString())), {}};
    } catch (const std::exception& error) {
      return {{}, QString::fromStdString(error.what())};
    }
  }));
}

void MainWindow::exportCheckpoint() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Copy the checkpoint"), QDir::homePath() + "/isl-checkpoint.pt",
                                                    tr("LibTorch checkpoint (*.pt)"));
  if (path.isEmpty()) return;
  try {
    export_checkpoint(run_directory_, path);
    log_->addMessage(LogLevel::Info, tr("Saved %1").arg(path));
  } catch (const InputError& error) {
    reportError(QString::fromStdString(error.what()));
  }
}

void MainWindow::exportBackboneWeights() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Backbone weights for Python"), QDir::homePath() + "/backbone.pt",
                                                    tr("PyTorch state dict (*.pt)"));
  if (path.isEmpty()) return;
  try {
    export_backbone_weights(run_directory_.toStdString(), path.toStdString());
    log_->addMessage(LogLevel::Info, tr("Saved %1; open it in Python with torch.load").arg(path));
  } catch (const InputError& error) {
    reportError(QString::fromStdString(error.what()));
  }
}

}  // namespace isl::gui
