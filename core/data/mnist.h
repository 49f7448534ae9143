#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/data/image_dataset.h"

// MNIST in the IDX format: big-endian header (magic 0x000008NN where NN is the number of
// dimensions, then one uint32 per dimension) followed by unsigned bytes.
namespace isl::data {

struct IdxImages {
  int64_t count = 0;
  int rows = 0;
  int cols = 0;
  std::vector<uint8_t> pixels;  // count x rows x cols, row-major
};

// Parsers over the file's bytes; `name` is the file name used in errors (InputError).
IdxImages parse_idx_images(std::span<const uint8_t> bytes, const std::string& name);
// Labels must be below num_classes.
std::vector<int> parse_idx_labels(std::span<const uint8_t> bytes, const std::string& name, int num_classes);

// One part (train or t10k) as 32x32 RGB: the 28x28 digits zero-padded by 2 pixels on each
// side, grey replicated to 3 channels.
std::shared_ptr<const InMemoryDataset> load_mnist_part(const std::string& images_path,
                                                       const std::string& labels_path);

// The four standard IDX files directly in `folder`, resized to input_size when it is not 32.
TrainTestSplit open_mnist(const std::string& folder, int input_size);

}  // namespace isl::data
