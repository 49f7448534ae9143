#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace isl::data {

// Every data set hands out images as height x width x 3 uint8 (RGB, grey replicated),
// already at the network's input size. Labels are for evaluation only.
struct ImageShape {
  int height = 0;
  int width = 0;
  int channels = 3;
  int64_t bytes() const { return int64_t(height) * width * channels; }
};

class ImageDataset {
 public:
  virtual ~ImageDataset() = default;
  virtual int64_t size() const = 0;
  virtual int label(int64_t index) const = 0;
  virtual int num_classes() const = 0;
  virtual ImageShape shape() const = 0;
  // Copies image `index` (shape().bytes() bytes, HWC) to `out`. Safe to call from several
  // threads at once.
  virtual void read(int64_t index, uint8_t* out) const = 0;
  // Where the images came from, for messages and the run directory's config.
  virtual std::string source() const = 0;
};

// Images held in memory: MNIST, CIFAR, SVHN.
class InMemoryDataset final : public ImageDataset {
 public:
  InMemoryDataset(std::string source, ImageShape shape, std::vector<uint8_t> pixels,
                  std::vector<int> labels, int num_classes);
  int64_t size() const override { return int64_t(labels_.size()); }
  int label(int64_t index) const override { return labels_[size_t(index)]; }
  int num_classes() const override { return num_classes_; }
  ImageShape shape() const override { return shape_; }
  void read(int64_t index, uint8_t* out) const override;
  std::string source() const override { return source_; }
  const std::vector<int>& labels() const { return labels_; }

 private:
  std::string source_;
  ImageShape shape_;
  std::vector<uint8_t> pixels_;
  std::vector<int> labels_;
  int num_classes_;
};

struct TrainTestSplit {
  std::shared_ptr<const ImageDataset> train;
  std::shared_ptr<const ImageDataset> test;
};

enum class DatasetKind { Mnist, Cifar10, Cifar100, Svhn, Folder };

// Names as used on the command line and in config.json: mnist, cifar10, cifar100, svhn, folder.
std::string to_string(DatasetKind kind);
DatasetKind dataset_kind_from_string(const std::string& name);  // throws InputError

// Opens the train and test parts of a data set stored at `path` (a folder; see README for
// the files each kind expects). `input_size` is the network's square input side: 32 for the
// CIFAR-style backbones, 224 for the ImageNet stems. Throws InputError naming the file.
TrainTestSplit open_dataset(DatasetKind kind, const std::string& path, int input_size);

}  // namespace isl::data
