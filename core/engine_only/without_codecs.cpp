// The readers and writers of image and MATLAB files in a build with LibTorch and header-only
// libraries alone (ISL_ENGINE_ONLY, for GPU machines without Debian's packages): each names
// what this build lacks, so that a run asking for it stops with a clear message.
#include "core/data/folder_dataset.h"
#include "core/data/svhn.h"
#include "core/input_error.h"
#include "core/run/sprite_image.h"

namespace isl {

namespace data {

TrainTestSplit open_image_folders(const std::string& root, int) {
  throw InputError(root, "cannot be read as image folders: this build reads no PNG or JPEG files (built with "
                         "ISL_ENGINE_ONLY, without OpenCV); use a full build, or CIFAR or MNIST files");
}

TrainTestSplit open_svhn(const std::string& folder, int) {
  throw InputError(folder, "cannot be read as SVHN: this build reads no MATLAB files (built with ISL_ENGINE_ONLY, "
                           "without matio); use a full build, or CIFAR or MNIST files");
}

}  // namespace data

void write_sprite_png(const std::string& path, const data::ImageDataset&, int, int) {
  throw InputError(path, "cannot be written: this build writes no PNG files (built with ISL_ENGINE_ONLY, without OpenCV)");
}

bool png_writer_available() { return false; }

}  // namespace isl
