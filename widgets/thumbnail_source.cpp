#include "widgets/thumbnail_source.h"

#include <QPainter>

namespace isl::gui {

void ThumbnailSource::setDataset(std::shared_ptr<const data::ImageDataset> dataset) {
  dataset_ = std::move(dataset);
  cache_.clear();
}

QImage ThumbnailSource::image(int64_t index) const {
  if (!dataset_ || index < 0 || index >= dataset_->size()) return {};
  const auto shape = dataset_->shape();
  QImage image(shape.width, shape.height, QImage::Format_RGB888);
  std::vector<uint8_t> pixels(size_t(shape.bytes()));
  dataset_->read(index, pixels.data());
  // Rows of a QImage are 4-byte aligned; the data set's HWC rows are packed.
  for (int y = 0; y < shape.height; ++y)
    std::copy_n(pixels.data() + size_t(y) * shape.width * 3, size_t(shape.width) * 3, image.scanLine(y));
  return image;
}

QPixmap ThumbnailSource::thumbnail(int64_t index, int side) {
  if (!cache_.contains(index)) {
    QImage stored = image(index);
    if (stored.isNull()) {
      stored = QImage(32, 32, QImage::Format_RGB888);
      stored.fill(QColor(58, 62, 70));
      QPainter painter(&stored);
      painter.setPen(QColor(200, 204, 210));
      QFont font = painter.font();
      font.setPixelSize(9);
      painter.setFont(font);
      painter.drawText(stored.rect(), Qt::AlignCenter, QString::number(index));
    }
    cache_.insert(index, new QImage(std::move(stored)));
  }
  return QPixmap::fromImage(cache_.object(index)->scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

}  // namespace isl::gui
