#include "core/data/folder_dataset.h"

#include <algorithm>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>

#include "core/data/resize.h"
#include "core/input_error.h"

namespace fs = std::filesystem;

namespace isl::data {
namespace {

bool is_image_file(const fs::directory_entry& entry) {
  if (!entry.is_regular_file() || entry.path().filename().string().starts_with('.')) return false;
  std::string extension = entry.path().extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return extension == ".png" || extension == ".jpg" || extension == ".jpeg";
}

std::vector<fs::path> sorted_entries(const fs::path& dir) {
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(dir)) entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  return entries;
}

}  // namespace

std::vector<std::string> class_folders(const std::string& split_root) {
  if (!fs::is_directory(split_root)) throw InputError(split_root, "folder not found");
  std::vector<std::string> names;
  for (const fs::path& entry : sorted_entries(split_root)) {
    if (fs::is_directory(entry) && !entry.filename().string().starts_with('.')) {
      names.push_back(entry.filename().string());
    }
  }
  if (names.empty()) throw InputError(split_root, "holds no class folders (expected <class>/<image> files)");
  return names;
}

FolderDataset::FolderDataset(const std::string& split_root, const std::vector<std::string>& class_names, int side)
    : root_(split_root), num_classes_(int(class_names.size())), side_(side) {
  for (const std::string& name : class_folders(split_root)) {
    const auto known = std::find(class_names.begin(), class_names.end(), name);
    if (known == class_names.end()) {
      throw InputError((fs::path(split_root) / name).string(), "class folder not present in the training set");
    }
    for (const fs::path& file : sorted_entries(fs::path(split_root) / name)) {
      if (!is_image_file(fs::directory_entry(file))) continue;
      paths_.push_back(file.string());
      labels_.push_back(int(known - class_names.begin()));
    }
  }
  if (paths_.empty()) throw InputError(split_root, "holds no images (.png, .jpg or .jpeg) in its class folders");
}

void FolderDataset::read(int64_t index, uint8_t* out) const {
  const std::string& file = paths_[size_t(index)];
  // IMREAD_COLOR gives 8-bit BGR whatever the file holds (grey, alpha, 16-bit).
  const cv::Mat image = cv::imread(file, cv::IMREAD_COLOR);
  if (image.empty()) throw InputError(file, "cannot be decoded as an image (corrupt, or not PNG/JPEG)");
  resize_bilinear(image.data, image.rows, image.cols, int(image.step[0]), 3, out, side_, side_);
  for (int64_t i = 0; i < int64_t(side_) * side_; ++i) std::swap(out[3 * i], out[3 * i + 2]);
}

TrainTestSplit open_image_folders(const std::string& root, int input_size) {
  const fs::path dir(root);
  const std::string train = (dir / "train").string();
  const std::vector<std::string> classes = class_folders(train);
  auto train_set = std::make_shared<FolderDataset>(train, classes, input_size);
  fs::path test = dir / "val";
  if (!fs::is_directory(test)) test = dir / "test";
  if (!fs::is_directory(test)) throw InputError((dir / "val").string(), "folder not found (nor " + test.string() + ")");
  return {std::move(train_set), std::make_shared<FolderDataset>(test.string(), classes, input_size)};
}

}  // namespace isl::data
