#pragma once
// Small data for the loader's tests and those built on it (tests/core/test_augment_loader.cpp,
// test_stage_batches.cpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/data/image_dataset.h"
#include "core/data/loader.h"

namespace isl::test {

using data::Batch;
using data::ImageDataset;
using data::ImageShape;
using data::InMemoryDataset;
using data::LoaderOptions;
using data::PrefetchLoader;

// side x side RGB with every byte different, so that any crop or channel mix-up shows.
inline std::vector<uint8_t> pattern(int side, int seed) {
  std::vector<uint8_t> image(size_t(side) * side * 3);
  for (size_t i = 0; i < image.size(); ++i) image[i] = uint8_t((seed * 37 + i * 11) % 256);
  return image;
}

// 10 images of 4x4 (pattern(4, index)), label index % 3.
inline std::shared_ptr<const ImageDataset> ten_images() {
  std::vector<uint8_t> pixels;
  std::vector<int> labels;
  for (int i = 0; i < 10; ++i) {
    const std::vector<uint8_t> image = pattern(4, i);
    pixels.insert(pixels.end(), image.begin(), image.end());
    labels.push_back(i % 3);
  }
  return std::make_shared<InMemoryDataset>("ten", ImageShape{4, 4, 3}, pixels, labels, 3);
}

inline std::vector<Batch> drain(PrefetchLoader& loader) {
  std::vector<Batch> batches;
  while (std::optional<Batch> batch = loader.next()) batches.push_back(std::move(*batch));
  return batches;
}

inline LoaderOptions loader_options(int workers) {
  LoaderOptions o;
  o.batch_size = 3;
  o.shuffle = true;
  o.augment = true;
  o.workers = workers;
  o.prefetch_batches = 2;
  o.out_size = 4;
  return o;
}

}  // namespace isl::test
