#pragma once
#include <memory>
#include <string>

#include "core/data/image_dataset.h"

// SVHN's cropped-digit files (train_32x32.mat, test_32x32.mat), MATLAB files read with matio:
// X is 32x32x3xN uint8 in MATLAB's column-major order, y holds N labels 1..10 where 10 is
// the digit 0.
namespace isl::data {

// One file as 32x32 RGB with labels 0..9. Throws InputError(path, ...) when the file is not a
// readable MATLAB file or X / y are missing or have the wrong type, shape or values.
std::shared_ptr<const InMemoryDataset> load_svhn_file(const std::string& path);

// train_32x32.mat and test_32x32.mat in `folder`, resized to input_size when it is not 32.
TrainTestSplit open_svhn(const std::string& folder, int input_size);

}  // namespace isl::data
