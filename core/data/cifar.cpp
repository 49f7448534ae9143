#include "core/data/cifar.h"

#include <filesystem>

#include "core/data/file_bytes.h"
#include "core/data/resized_dataset.h"
#include "core/input_error.h"

namespace isl::data {
namespace {

constexpr int kSide = 32;
constexpr size_t kPlane = kSide * kSide;
constexpr size_t kImageBytes = 3 * kPlane;

struct Layout {
  size_t label_bytes;
  int num_classes;
  const char* subfolder;
  std::vector<std::string> train_files;
  std::string test_file;
};

Layout layout(CifarVariant variant) {
  if (variant == CifarVariant::Cifar10) {
    return {1, 10, "cifar-10-batches-bin",
            {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"},
            "test_batch.bin"};
  }
  return {2, 100, "cifar-100-binary", {"train.bin"}, "test.bin"};
}

void check_label(const std::string& name, size_t row, int label, int num_classes, const char* which) {
  if (label >= num_classes) {
    throw InputError(name, std::string(which) + "label " + std::to_string(label) + " of row " + std::to_string(row) +
                               " is out of range (0.." + std::to_string(num_classes - 1) + ")");
  }
}

}  // namespace

void append_cifar_rows(std::span<const uint8_t> bytes, const std::string& name, CifarVariant variant,
                       std::vector<uint8_t>& pixels, std::vector<int>& labels) {
  const Layout format = layout(variant);
  const size_t row_bytes = format.label_bytes + kImageBytes;
  if (bytes.empty()) throw InputError(name, "file is empty");
  if (bytes.size() % row_bytes != 0) {
    throw InputError(name, "truncated or not a CIFAR file: size " + std::to_string(bytes.size()) +
                               " is not a multiple of the row size " + std::to_string(row_bytes));
  }
  const size_t rows = bytes.size() / row_bytes;
  pixels.reserve(pixels.size() + rows * kImageBytes);
  for (size_t r = 0; r < rows; ++r) {
    const uint8_t* row = bytes.data() + r * row_bytes;
    if (variant == CifarVariant::Cifar100) check_label(name, r, row[0], 20, "coarse ");
    const int label = row[format.label_bytes - 1];
    check_label(name, r, label, format.num_classes, "");
    labels.push_back(label);
    const uint8_t* planes = row + format.label_bytes;
    for (size_t i = 0; i < kPlane; ++i) {
      for (size_t c = 0; c < 3; ++c) pixels.push_back(planes[c * kPlane + i]);
    }
  }
}

TrainTestSplit open_cifar(CifarVariant variant, const std::string& folder, int input_size) {
  const Layout format = layout(variant);
  std::filesystem::path dir(folder);
  if (!std::filesystem::exists(dir / format.test_file) && std::filesystem::exists(dir / format.subfolder)) {
    dir /= format.subfolder;
  }
  auto load = [&](const std::vector<std::string>& files) -> std::shared_ptr<const ImageDataset> {
    std::vector<uint8_t> pixels;
    std::vector<int> labels;
    for (const std::string& file : files) {
      const std::string path = (dir / file).string();
      append_cifar_rows(read_file_bytes(path), path, variant, pixels, labels);
    }
    const std::string source = files.size() == 1 ? (dir / files[0]).string() : dir.string();
    auto dataset = std::make_shared<InMemoryDataset>(source, ImageShape{kSide, kSide, 3}, std::move(pixels),
                                                     std::move(labels), format.num_classes);
    return at_input_size(std::move(dataset), input_size);
  };
  return {load(format.train_files), load({format.test_file})};
}

}  // namespace isl::data
