#pragma once
#include <string>
#include <vector>

#include "core/data/image_dataset.h"

// Image folders in ImageNet layout: root/train/<class>/<image> and root/val/<class>/<image>
// (or root/test/...), PNG or JPEG, grey or colour.
namespace isl::data {

// Keeps only the file paths; each read() decodes its image, converts it to RGB and resizes it
// (bilinear, see resize.h) to side x side. read() throws InputError naming a file that does
// not decode.
class FolderDataset final : public ImageDataset {
 public:
  // Lists split_root/<class>/* for the given classes (index = position in class_names).
  // Throws InputError when split_root holds no images or a class folder not in class_names.
  FolderDataset(const std::string& split_root, const std::vector<std::string>& class_names, int side);
  int64_t size() const override { return int64_t(paths_.size()); }
  int label(int64_t index) const override { return labels_[size_t(index)]; }
  int num_classes() const override { return num_classes_; }
  ImageShape shape() const override { return {side_, side_, 3}; }
  void read(int64_t index, uint8_t* out) const override;
  std::string source() const override { return root_; }
  const std::string& path(int64_t index) const { return paths_[size_t(index)]; }

 private:
  std::string root_;
  std::vector<std::string> paths_;
  std::vector<int> labels_;
  int num_classes_;
  int side_;
};

// Sorted names of the class folders in `split_root`; throws InputError when there are none.
std::vector<std::string> class_folders(const std::string& split_root);

// root/train and root/val (or root/test); class indices follow the sorted train folders.
TrainTestSplit open_image_folders(const std::string& root, int input_size);

}  // namespace isl::data
