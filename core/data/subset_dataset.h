#pragma once
#include <memory>

#include "core/data/image_dataset.h"

namespace isl::data {

// `count` consecutive images of another data set from `first` on: quick runs on part of the
// data, and each rank's share of a distributed evaluation.
class SubsetDataset final : public ImageDataset {
 public:
  SubsetDataset(std::shared_ptr<const ImageDataset> source, int64_t first, int64_t count)
      : source_(std::move(source)), first_(first), count_(count) {}
  int64_t size() const override { return count_; }
  int label(int64_t index) const override { return source_->label(first_ + index); }
  int num_classes() const override { return source_->num_classes(); }
  ImageShape shape() const override { return source_->shape(); }
  void read(int64_t index, uint8_t* out) const override { source_->read(first_ + index, out); }
  std::string source() const override { return source_->source(); }

 private:
  std::shared_ptr<const ImageDataset> source_;
  int64_t first_;
  int64_t count_;
};

// `dataset` itself when `count` is 0 or not smaller than it, else its first `count` images.
inline std::shared_ptr<const ImageDataset> first_images(std::shared_ptr<const ImageDataset> dataset, int64_t count) {
  if (count <= 0 || count >= dataset->size()) return dataset;
  return std::make_shared<SubsetDataset>(std::move(dataset), 0, count);
}

}  // namespace isl::data
