#pragma once
#include <memory>

#include "core/data/image_dataset.h"

namespace isl::data {

// A data set whose images are resized (bilinear, see resize.h) to side x side as they are
// read. In-memory sets stay at their stored size so that, for example, CIFAR at 224 pixels
// does not take 7.5 GB.
class ResizedDataset final : public ImageDataset {
 public:
  ResizedDataset(std::shared_ptr<const ImageDataset> source, int side);
  int64_t size() const override { return source_->size(); }
  int label(int64_t index) const override { return source_->label(index); }
  int num_classes() const override { return source_->num_classes(); }
  ImageShape shape() const override { return {side_, side_, 3}; }
  void read(int64_t index, uint8_t* out) const override;
  std::string source() const override { return source_->source(); }

 private:
  std::shared_ptr<const ImageDataset> source_;
  int side_;
};

// `dataset` itself when its images are already side x side, else a ResizedDataset over it.
std::shared_ptr<const ImageDataset> at_input_size(std::shared_ptr<const ImageDataset> dataset, int side);

}  // namespace isl::data
