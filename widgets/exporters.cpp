#include "widgets/exporters.h"

#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>

#include "core/input_error.h"
#include "core/run/metrics_csv.h"
#include "core/run/run_files.h"

namespace isl::gui {

namespace {

[[noreturn]] void cannot_write(const QString& path, const QString& why) {
  throw InputError(path.toStdString(), why.toStdString());
}

QString suffix_of(const QString& path) { return QFileInfo(path).suffix().toLower(); }

// Paints with `paint` into an SVG or PDF page of `size`, or returns false for other suffixes.
template <class Paint>
bool paint_vector(const QString& path, QSize size, const QString& title, Paint paint) {
  const QString suffix = suffix_of(path);
  if (suffix == "svg") {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title);
    QPainter painter;
    if (!painter.begin(&svg)) cannot_write(path, "cannot be written");
    paint(painter);
    painter.end();
    return true;
  }
  if (suffix == "pdf") {
    QPdfWriter pdf(path);
    pdf.setTitle(title);
    pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(72);
    QPainter painter;
    if (!painter.begin(&pdf)) cannot_write(path, "cannot be written");
    paint(painter);
    painter.end();
    return true;
  }
  return false;
}

}  // namespace

void export_widget(QWidget* widget, const QString& path) {
  if (suffix_of(path) == "png") {
    if (!widget->grab().save(path, "PNG")) cannot_write(path, "cannot be written as PNG");
    return;
  }
  const bool done = paint_vector(path, widget->size(), widget->windowTitle(), [widget](QPainter& painter) {
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
  });
  if (!done) cannot_write(path, "has an unknown suffix; use .png, .svg or .pdf");
  if (!QFileInfo(path).exists()) cannot_write(path, "was not written");
}

void export_image(const QImage& image, const QString& path) {
  if (suffix_of(path) == "png") {
    if (!image.save(path, "PNG")) cannot_write(path, "cannot be written as PNG");
    return;
  }
  const bool done = paint_vector(path, image.size(), "ISL Studio", [&image](QPainter& painter) {
    painter.drawImage(QPoint(0, 0), image);
  });
  if (!done) cannot_write(path, "has an unknown suffix; use .png, .svg or .pdf");
}

void export_metrics_csv(const std::vector<MetricsRecord>& records, const QString& path) {
  isl::export_metrics_csv(records, path.toStdString());
}

void export_checkpoint(const QString& run_directory, const QString& path) {
  const QString source = QString::fromStdString(run_files::latest_checkpoint_path(run_directory.toStdString()));
  if (!QFileInfo::exists(source)) throw InputError(source.toStdString(), "does not exist; the run has no checkpoint yet");
  QFile::remove(path);
  if (!QFile::copy(source, path)) cannot_write(path, "cannot be written");
}

}  // namespace isl::gui
