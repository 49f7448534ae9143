#include "widgets/exporters.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTextStream>
#include <QWidget>

#include <cmath>
#include <set>

#include "core/input_error.h"
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
  std::set<std::string> keys;
  for (const auto& record : records)
    for (const auto& [key, value] : record.values) keys.insert(key);
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) cannot_write(path, file.errorString());
  QTextStream out(&file);
  out << "kind,round,stage,epoch,global_epoch,seconds";
  for (const auto& key : keys) out << ',' << QString::fromStdString(key);
  out << '\n';
  for (const auto& r : records) {
    out << QString::fromStdString(r.kind) << ',' << r.round << ',' << QString::fromStdString(to_string(r.stage)) << ','
        << r.epoch << ',' << r.global_epoch << ',' << QString::number(r.seconds, 'g', 10);
    for (const auto& key : keys) {
      out << ',';
      auto found = r.values.find(key);
      if (found != r.values.end() && std::isfinite(found->second)) out << QString::number(found->second, 'g', 10);
    }
    out << '\n';
  }
  out.flush();
  if (file.error() != QFile::NoError) cannot_write(path, file.errorString());
}

void export_projector(const Snapshot& s, const data::ImageDataset* dataset, const QString& directory) {
  if (!QDir().mkpath(directory)) cannot_write(directory, "cannot be created");
  const QDir dir(directory);
  auto open = [&dir](QFile& file, const QString& name) {
    file.setFileName(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) cannot_write(file.fileName(), file.errorString());
  };
  QFile vectors, metadata, config;
  open(vectors, "vectors.tsv");
  open(metadata, "metadata.tsv");
  QTextStream v(&vectors), m(&metadata);
  m << "index\tlabel\tpositives\n";
  for (int64_t i = 0; i < s.images; ++i) {
    v << s.points[size_t(3 * i)] << '\t' << s.points[size_t(3 * i + 1)] << '\t' << s.points[size_t(3 * i + 2)] << '\n';
    m << i << '\t' << s.labels[size_t(i)] << '\t' << s.positives.size(i) << '\n';
  }
  v.flush();
  m.flush();
  QString sprite_entry;
  if (dataset && dataset->size() >= s.images && s.images > 0) {
    // The projector reads sprites up to 8192 pixels a side.
    const int per_row = int(std::ceil(std::sqrt(double(s.images))));
    const int side = std::clamp(8192 / per_row, 4, 32);
    QImage sprite(per_row * side, per_row * side, QImage::Format_RGB888);
    sprite.fill(Qt::black);
    const auto shape = dataset->shape();
    std::vector<uint8_t> pixels(size_t(shape.bytes()));
    QPainter painter(&sprite);
    for (int64_t i = 0; i < s.images; ++i) {
      dataset->read(i, pixels.data());
      const QImage thumb(pixels.data(), shape.width, shape.height, shape.width * 3, QImage::Format_RGB888);
      painter.drawImage(QRect(int(i % per_row) * side, int(i / per_row) * side, side, side), thumb);
    }
    painter.end();
    if (!sprite.save(dir.filePath("sprite.png"), "PNG")) cannot_write(dir.filePath("sprite.png"), "cannot be written");
    sprite_entry = QString("  sprite {\n    image_path: \"sprite.png\"\n    single_image_dim: %1\n    single_image_dim: %1\n  }\n").arg(side);
  }
  open(config, "projector_config.pbtxt");
  QTextStream c(&config);
  c << "embeddings {\n  tensor_name: \"isl_memory_bank_3d\"\n  tensor_path: \"vectors.tsv\"\n"
    << "  metadata_path: \"metadata.tsv\"\n" << sprite_entry << "}\n";
}

void export_checkpoint(const QString& run_directory, const QString& path) {
  const QString source = QString::fromStdString(run_files::latest_checkpoint_path(run_directory.toStdString()));
  if (!QFileInfo::exists(source)) throw InputError(source.toStdString(), "does not exist; the run has no checkpoint yet");
  QFile::remove(path);
  if (!QFile::copy(source, path)) cannot_write(path, "cannot be written");
}

}  // namespace isl::gui
