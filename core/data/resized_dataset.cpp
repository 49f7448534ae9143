#include "core/data/resized_dataset.h"

#include <vector>

#include "core/data/resize.h"

namespace isl::data {

ResizedDataset::ResizedDataset(std::shared_ptr<const ImageDataset> source, int side)
    : source_(std::move(source)), side_(side) {}

void ResizedDataset::read(int64_t index, uint8_t* out) const {
  const ImageShape in = source_->shape();
  std::vector<uint8_t> original(size_t(in.bytes()));
  source_->read(index, original.data());
  resize_bilinear(original.data(), in.height, in.width, in.width * in.channels, in.channels, out, side_, side_);
}

std::shared_ptr<const ImageDataset> at_input_size(std::shared_ptr<const ImageDataset> dataset, int side) {
  const ImageShape shape = dataset->shape();
  if (shape.height == side && shape.width == side) return dataset;
  return std::make_shared<ResizedDataset>(std::move(dataset), side);
}

}  // namespace isl::data
