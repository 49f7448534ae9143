#pragma once
#include <array>
#include <cstdint>
#include <random>

#include "core/data/image_dataset.h"

// The training augmentation of Instance Discrimination / ISL, computed as torchvision's
// tensor transforms compute it on a uint8 image:
//   RandomResizedCrop -> ColorJitter -> RandomGrayscale -> ToTensor + Normalize.
// Inputs are height x width x 3 uint8 (HWC, RGB); outputs 3 x out_size x out_size float
// (CHW), normalised per channel as (x/255 - mean) / std_dev.
// All randomness comes from the generator passed in, so a seed fixes the result.
namespace isl::data {

struct AugmentOptions {
  // RandomResizedCrop: area fraction and log-uniform aspect ratio (width / height) of the crop.
  double min_scale = 0.2;
  double max_scale = 1.0;
  double min_ratio = 3.0 / 4.0;
  double max_ratio = 4.0 / 3.0;
  int crop_attempts = 10;  // then a centre crop
  // ColorJitter strengths; 0 leaves that property alone (as torchvision's None).
  double brightness = 0.4;  // factor uniform in [max(0, 1 - b), 1 + b]
  double contrast = 0.4;
  double saturation = 0.4;
  double hue = 0.4;  // shift uniform in [-h, h] turns; at most 0.5
  double grayscale_probability = 0.2;
  // Per-channel normalisation; the defaults are CIFAR-10's (see normalization_for).
  std::array<float, 3> mean{0.4914f, 0.4822f, 0.4465f};
  std::array<float, 3> std_dev{0.2470f, 0.2435f, 0.2616f};
};

// Default options with the mean and standard deviation of the given data set's training
// images (ImageNet's for image folders).
AugmentOptions augment_options_for(DatasetKind kind);

// Crop rectangle in pixels of the input image.
struct CropBox {
  int top = 0;
  int left = 0;
  int height = 0;
  int width = 0;
};

// torchvision's RandomResizedCrop.get_params, with Python's round-half-to-even.
CropBox random_resized_crop_box(int height, int width, const AugmentOptions& options, std::mt19937_64& rng);

// The full random pipeline; writes 3 * out_size * out_size floats to `out`.
void augment_image(const uint8_t* hwc, int height, int width, int out_size, const AugmentOptions& options,
                   std::mt19937_64& rng, float* out);

// For evaluation: no augmentation, only a bilinear resize when the size differs, then the
// same normalisation as augment_image.
void evaluation_image(const uint8_t* hwc, int height, int width, int out_size, const AugmentOptions& options,
                      float* out);

}  // namespace isl::data
