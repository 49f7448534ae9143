#include "core/data/mnist.h"

#include <cstdio>
#include <filesystem>

#include "core/data/file_bytes.h"
#include "core/data/resized_dataset.h"
#include "core/input_error.h"

namespace isl::data {
namespace {

constexpr uint32_t kImagesMagic = 0x00000803;
constexpr uint32_t kLabelsMagic = 0x00000801;
constexpr int kDigitSide = 28;
constexpr int kPadding = 2;
constexpr int kPaddedSide = kDigitSide + 2 * kPadding;

uint32_t big_endian_u32(std::span<const uint8_t> bytes, size_t offset) {
  return uint32_t(bytes[offset]) << 24 | uint32_t(bytes[offset + 1]) << 16 | uint32_t(bytes[offset + 2]) << 8 |
         uint32_t(bytes[offset + 3]);
}

std::string hex(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

// Checks the magic number and returns the dimensions; the payload starts after them.
std::vector<uint32_t> read_header(std::span<const uint8_t> bytes, const std::string& name, uint32_t magic,
                                  const char* what) {
  if (bytes.empty()) throw InputError(name, "file is empty");
  const size_t dims = magic & 0xff;
  const size_t header = 4 + 4 * dims;
  if (bytes.size() >= 4 && big_endian_u32(bytes, 0) != magic) {
    throw InputError(name, "wrong magic number " + hex(big_endian_u32(bytes, 0)) + ", expected " + hex(magic) +
                               " (IDX " + what + ")");
  }
  if (bytes.size() < header) {
    throw InputError(name, "truncated: the IDX header needs " + std::to_string(header) + " bytes, the file has " +
                               std::to_string(bytes.size()));
  }
  std::vector<uint32_t> result;
  for (size_t d = 0; d < dims; ++d) result.push_back(big_endian_u32(bytes, 4 + 4 * d));
  return result;
}

void check_payload(std::span<const uint8_t> bytes, const std::string& name, size_t header, uint64_t count,
                   uint64_t item_bytes, const char* items) {
  const uint64_t available = bytes.size() - header;
  if (count == 0) throw InputError(name, std::string("holds no ") + items);
  if (item_bytes == 0) throw InputError(name, "wrong dimensions: images of zero size");
  if (count > available / item_bytes) {
    throw InputError(name, "truncated: the header announces " + std::to_string(count) + " " + items + " but only " +
                               std::to_string(available / item_bytes) + " are present");
  }
  if (count * item_bytes != available) {
    throw InputError(name, "size does not match the header: " + std::to_string(available - count * item_bytes) +
                               " bytes after the last of " + std::to_string(count) + " " + items);
  }
}

}  // namespace

IdxImages parse_idx_images(std::span<const uint8_t> bytes, const std::string& name) {
  const std::vector<uint32_t> dims = read_header(bytes, name, kImagesMagic, "unsigned-byte images");
  const size_t header = 16;
  check_payload(bytes, name, header, dims[0], uint64_t(dims[1]) * dims[2], "images");
  if (dims[1] > 65535 || dims[2] > 65535) throw InputError(name, "wrong dimensions: images larger than 65535 pixels");
  IdxImages images;
  images.count = int64_t(dims[0]);
  images.rows = int(dims[1]);
  images.cols = int(dims[2]);
  images.pixels.assign(bytes.begin() + header, bytes.end());
  return images;
}

std::vector<int> parse_idx_labels(std::span<const uint8_t> bytes, const std::string& name, int num_classes) {
  const std::vector<uint32_t> dims = read_header(bytes, name, kLabelsMagic, "unsigned-byte labels");
  const size_t header = 8;
  check_payload(bytes, name, header, dims[0], 1, "labels");
  std::vector<int> labels(bytes.begin() + header, bytes.end());
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= num_classes) {
      throw InputError(name, "label " + std::to_string(labels[i]) + " of item " + std::to_string(i) +
                                 " is out of range (0.." + std::to_string(num_classes - 1) + ")");
    }
  }
  return labels;
}

std::shared_ptr<const InMemoryDataset> load_mnist_part(const std::string& images_path,
                                                       const std::string& labels_path) {
  const IdxImages digits = parse_idx_images(read_file_bytes(images_path), images_path);
  if (digits.rows != kDigitSide || digits.cols != kDigitSide) {
    throw InputError(images_path, "wrong dimensions: MNIST images are 28x28, this file has " +
                                      std::to_string(digits.rows) + "x" + std::to_string(digits.cols));
  }
  std::vector<int> labels = parse_idx_labels(read_file_bytes(labels_path), labels_path, 10);
  if (int64_t(labels.size()) != digits.count) {
    throw InputError(labels_path, "holds " + std::to_string(labels.size()) + " labels but " + images_path +
                                      " holds " + std::to_string(digits.count) + " images");
  }
  const ImageShape shape{kPaddedSide, kPaddedSide, 3};
  std::vector<uint8_t> pixels(size_t(digits.count * shape.bytes()), 0);
  for (int64_t n = 0; n < digits.count; ++n) {
    const uint8_t* digit = digits.pixels.data() + n * kDigitSide * kDigitSide;
    uint8_t* image = pixels.data() + n * shape.bytes();
    for (int y = 0; y < kDigitSide; ++y) {
      for (int x = 0; x < kDigitSide; ++x) {
        uint8_t* pixel = image + ((y + kPadding) * kPaddedSide + (x + kPadding)) * 3;
        pixel[0] = pixel[1] = pixel[2] = digit[y * kDigitSide + x];
      }
    }
  }
  return std::make_shared<InMemoryDataset>(images_path, shape, std::move(pixels), std::move(labels), 10);
}

TrainTestSplit open_mnist(const std::string& folder, int input_size) {
  const std::filesystem::path dir(folder);
  auto part = [&](const char* prefix) {
    return at_input_size(load_mnist_part((dir / (std::string(prefix) + "-images-idx3-ubyte")).string(),
                                         (dir / (std::string(prefix) + "-labels-idx1-ubyte")).string()),
                         input_size);
  };
  return {part("train"), part("t10k")};
}

}  // namespace isl::data
