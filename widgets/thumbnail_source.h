#pragma once
#include <QCache>
#include <QPixmap>

#include <memory>

#include "core/data/image_dataset.h"

namespace isl::gui {

// Thumbnails of the training images, read through the data set on demand and cached. Without
// a data set (files moved, not yet opened) it draws a numbered tile, so panels still work.
class ThumbnailSource {
 public:
  void setDataset(std::shared_ptr<const data::ImageDataset> dataset);
  bool hasImages() const { return dataset_ != nullptr; }
  std::shared_ptr<const data::ImageDataset> dataset() const { return dataset_; }
  int64_t size() const { return dataset_ ? dataset_->size() : 0; }
  // Image `index` scaled to `side` x `side` pixels.
  QPixmap thumbnail(int64_t index, int side);
  // The image at its stored size, as RGB; null without a data set.
  QImage image(int64_t index) const;

 private:
  std::shared_ptr<const data::ImageDataset> dataset_;
  QCache<qint64, QImage> cache_{4000};
};

}  // namespace isl::gui
