#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/data/image_dataset.h"

// CIFAR-10 and CIFAR-100 "binary version" files: fixed-size rows of label byte(s) followed by
// 3072 bytes of 32x32 pixels stored as three planes (all red, all green, all blue).
namespace isl::data {

enum class CifarVariant {
  Cifar10,   // row: label (0..9), pixels
  Cifar100,  // row: coarse label (0..19), fine label (0..99), pixels; the fine label is used
};

// Appends the rows of one file: pixels converted to 32x32x3 HWC, labels as they are.
// Throws InputError(name, ...) for an empty file, a size that is not a whole number of rows
// or a label out of range.
void append_cifar_rows(std::span<const uint8_t> bytes, const std::string& name, CifarVariant variant,
                       std::vector<uint8_t>& pixels, std::vector<int>& labels);

// CIFAR-10: data_batch_1..5.bin and test_batch.bin; CIFAR-100: train.bin and test.bin; either
// directly in `folder` or in folder/cifar-10-batches-bin or folder/cifar-100-binary as the
// archives unpack. Resized to input_size when it is not 32.
TrainTestSplit open_cifar(CifarVariant variant, const std::string& folder, int input_size);

}  // namespace isl::data
