#pragma once
// Files for other programs from the window: figures (PNG, SVG, PDF), metrics as CSV, a
// checkpoint copy. The formats that need no Qt are in core/run (metrics_csv.h,
// tensorboard_events.h, projector_export.h). Every function throws InputError naming the
// file when it cannot be written.
#include <QImage>
#include <QString>

#include <memory>
#include <vector>

#include "core/run/training_events.h"

class QWidget;

namespace isl::gui {

// The format follows the suffix: .png, .svg (vector where the widget paints vectors) or .pdf.
void export_widget(QWidget* widget, const QString& path);
// A rendered image (the 3D view) in the same three formats.
void export_image(const QImage& image, const QString& path);

// isl::export_metrics_csv (core/run/metrics_csv.h) for a path from a file dialog.
void export_metrics_csv(const std::vector<MetricsRecord>& records, const QString& path);

// Copies the run's latest checkpoint to `path`.
void export_checkpoint(const QString& run_directory, const QString& path);

}  // namespace isl::gui
