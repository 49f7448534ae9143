#pragma once
// Files for other programs: figures (PNG, SVG, PDF), metrics as CSV, embeddings for
// TensorBoard's projector, a checkpoint copy. Every function throws InputError naming the
// file when it cannot be written.
#include <QImage>
#include <QString>

#include <memory>
#include <vector>

#include "core/data/image_dataset.h"
#include "core/run/training_events.h"

class QWidget;

namespace isl::gui {

// The format follows the suffix: .png, .svg (vector where the widget paints vectors) or .pdf.
void export_widget(QWidget* widget, const QString& path);
// A rendered image (the 3D view) in the same three formats.
void export_image(const QImage& image, const QString& path);

// One row per record: kind, round, stage, epoch, global_epoch, seconds, then every metric
// that occurs in any record, in name order; a missing or non-finite value is an empty cell.
void export_metrics_csv(const std::vector<MetricsRecord>& records, const QString& path);

// TensorBoard projector files in `directory`: vectors.tsv (the snapshot's 3D points, one row
// per image), metadata.tsv (a header, then index, label, positive-set size), sprite.png (the
// thumbnails in a square grid, when `dataset` is given) and projector_config.pbtxt.
void export_projector(const Snapshot& snapshot, const data::ImageDataset* dataset, const QString& directory);

// Copies the run's latest checkpoint to `path`.
void export_checkpoint(const QString& run_directory, const QString& path);

}  // namespace isl::gui
