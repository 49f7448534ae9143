#include <cstring>

#include "core/data/image_dataset.h"

namespace isl::data {

InMemoryDataset::InMemoryDataset(std::string source, ImageShape shape, std::vector<uint8_t> pixels,
                                 std::vector<int> labels, int num_classes)
    : source_(std::move(source)),
      shape_(shape),
      pixels_(std::move(pixels)),
      labels_(std::move(labels)),
      num_classes_(num_classes) {}

void InMemoryDataset::read(int64_t index, uint8_t* out) const {
  const int64_t bytes = shape_.bytes();
  std::memcpy(out, pixels_.data() + index * bytes, size_t(bytes));
}

}  // namespace isl::data
