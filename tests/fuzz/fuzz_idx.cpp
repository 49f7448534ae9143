// MNIST's IDX files: parse_idx_images and parse_idx_labels over the same bytes.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/data/mnist.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> bytes(data, size);
  isl::fuzz::expect_only_input_errors([&] {
    const auto images = isl::data::parse_idx_images(bytes, "fuzz-images");
    isl::fuzz::require(images.count > 0 && images.rows > 0 && images.cols > 0, "positive image dimensions");
    isl::fuzz::require(images.pixels.size() == uint64_t(images.count) * uint64_t(images.rows) * uint64_t(images.cols),
                       "pixels match count x rows x cols");
  });
  isl::fuzz::expect_only_input_errors([&] {
    const auto labels = isl::data::parse_idx_labels(bytes, "fuzz-labels", 10);
    isl::fuzz::require(!labels.empty(), "at least one label");
    for (int label : labels) isl::fuzz::require(label >= 0 && label < 10, "labels in 0..9");
  });
  return 0;
}
