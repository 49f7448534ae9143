#include "core/data/augment.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/data/random.h"
#include "core/data/resize.h"

namespace isl::data {
namespace {

using Image = std::vector<uint8_t>;  // HWC, 3 channels

// torchvision casts float results back to uint8 with .to(uint8), which truncates.
uint8_t to_byte(float value) { return uint8_t(std::clamp(value, 0.0f, 255.0f)); }

// rgb_to_grayscale: ITU-R 601-2 luma, truncated to uint8.
uint8_t grey(const uint8_t* p) { return to_byte(0.2989f * p[0] + 0.587f * p[1] + 0.114f * p[2]); }

// _blend(img, other, ratio) = ratio * img + (1 - ratio) * other, clamped and truncated.
uint8_t blend(uint8_t value, float other, float ratio) { return to_byte(ratio * value + (1.0f - ratio) * other); }

void adjust_brightness(Image& image, float factor) {
  for (uint8_t& v : image) v = blend(v, 0.0f, factor);
}

// Blends towards the mean grey level of the whole image.
void adjust_contrast(Image& image, float factor) {
  double sum = 0;
  for (size_t i = 0; i < image.size(); i += 3) sum += grey(&image[i]);
  const float mean = float(sum / double(image.size() / 3));
  for (uint8_t& v : image) v = blend(v, mean, factor);
}

// Blends each pixel towards its own grey level.
void adjust_saturation(Image& image, float factor) {
  for (size_t i = 0; i < image.size(); i += 3) {
    const float g = grey(&image[i]);
    for (int c = 0; c < 3; ++c) image[i + c] = blend(image[i + c], g, factor);
  }
}

// torchvision's _rgb2hsv / _hsv2rgb on values in [0, 1], hue shifted modulo 1.
void adjust_hue(Image& image, float shift) {
  for (size_t i = 0; i < image.size(); i += 3) {
    const float r = image[i] / 255.0f, g = image[i + 1] / 255.0f, b = image[i + 2] / 255.0f;
    const float maxc = std::max({r, g, b}), minc = std::min({r, g, b});
    const bool equal = maxc == minc;
    const float range = maxc - minc;
    const float s = range / (equal ? 1.0f : maxc);
    const float divisor = equal ? 1.0f : range;
    const float rc = (maxc - r) / divisor, gc = (maxc - g) / divisor, bc = (maxc - b) / divisor;
    float h;
    if (maxc == r) h = bc - gc;
    else if (maxc == g) h = 2.0f + rc - bc;
    else h = 4.0f + gc - rc;
    h = std::fmod(h / 6.0f + 1.0f, 1.0f);
    h = h + shift;
    h -= std::floor(h);  // Python's % 1.0: result in [0, 1)

    const float v = maxc;
    const float sector = std::floor(h * 6.0f);
    const float f = h * 6.0f - sector;
    const float p = std::clamp(v * (1.0f - s), 0.0f, 1.0f);
    const float q = std::clamp(v * (1.0f - s * f), 0.0f, 1.0f);
    const float t = std::clamp(v * (1.0f - s * (1.0f - f)), 0.0f, 1.0f);
    float rgb[3];
    switch (int(sector) % 6) {
      case 0: rgb[0] = v, rgb[1] = t, rgb[2] = p; break;
      case 1: rgb[0] = q, rgb[1] = v, rgb[2] = p; break;
      case 2: rgb[0] = p, rgb[1] = v, rgb[2] = t; break;
      case 3: rgb[0] = p, rgb[1] = q, rgb[2] = v; break;
      case 4: rgb[0] = t, rgb[1] = p, rgb[2] = v; break;
      default: rgb[0] = v, rgb[1] = p, rgb[2] = q; break;
    }
    for (int c = 0; c < 3; ++c) image[i + c] = to_byte(rgb[c] * 255.0f);
  }
}

// ColorJitter: the order of the four adjustments is a random permutation, drawn before the
// factors, as in ColorJitter.get_params.
void color_jitter(Image& image, const AugmentOptions& o, std::mt19937_64& rng) {
  std::vector<int> order{0, 1, 2, 3};
  shuffle(order, rng);
  auto factor = [&](double strength) { return float(uniform(rng, std::max(0.0, 1.0 - strength), 1.0 + strength)); };
  const float brightness = o.brightness > 0 ? factor(o.brightness) : 1.0f;
  const float contrast = o.contrast > 0 ? factor(o.contrast) : 1.0f;
  const float saturation = o.saturation > 0 ? factor(o.saturation) : 1.0f;
  const float hue = o.hue > 0 ? float(uniform(rng, -o.hue, o.hue)) : 0.0f;
  for (int step : order) {
    if (step == 0 && o.brightness > 0) adjust_brightness(image, brightness);
    if (step == 1 && o.contrast > 0) adjust_contrast(image, contrast);
    if (step == 2 && o.saturation > 0) adjust_saturation(image, saturation);
    if (step == 3 && o.hue > 0) adjust_hue(image, hue);
  }
}

void to_grayscale(Image& image) {
  for (size_t i = 0; i < image.size(); i += 3) image[i] = image[i + 1] = image[i + 2] = grey(&image[i]);
}

void normalise(const Image& image, int side, const AugmentOptions& o, float* out) {
  const size_t plane = size_t(side) * side;
  for (size_t i = 0; i < plane; ++i) {
    for (size_t c = 0; c < 3; ++c) out[c * plane + i] = (image[3 * i + c] / 255.0f - o.mean[c]) / o.std_dev[c];
  }
}

}  // namespace

AugmentOptions augment_options_for(DatasetKind kind) {
  AugmentOptions options;
  switch (kind) {
    case DatasetKind::Cifar10: break;
    case DatasetKind::Cifar100:
      options.mean = {0.5071f, 0.4865f, 0.4409f};
      options.std_dev = {0.2673f, 0.2564f, 0.2762f};
      break;
    case DatasetKind::Svhn:
      options.mean = {0.4377f, 0.4438f, 0.4728f};
      options.std_dev = {0.1980f, 0.2010f, 0.1970f};
      break;
    case DatasetKind::Mnist:
      // MNIST's 0.1307 / 0.3081 carried over to the 28x28 digit zero-padded to 32x32:
      // mean * 784/1024, and sqrt((std^2 + mean^2) * 784/1024 - padded mean^2).
      options.mean = {0.1001f, 0.1001f, 0.1001f};
      options.std_dev = {0.2752f, 0.2752f, 0.2752f};
      break;
    case DatasetKind::Folder:
      options.mean = {0.485f, 0.456f, 0.406f};
      options.std_dev = {0.229f, 0.224f, 0.225f};
      break;
  }
  return options;
}

CropBox random_resized_crop_box(int height, int width, const AugmentOptions& o, std::mt19937_64& rng) {
  const double area = double(height) * width;
  const double log_min = std::log(o.min_ratio), log_max = std::log(o.max_ratio);
  for (int attempt = 0; attempt < o.crop_attempts; ++attempt) {
    const double target_area = area * uniform(rng, o.min_scale, o.max_scale);
    const double aspect = std::exp(uniform(rng, log_min, log_max));
    // nearbyint rounds half to even under the default rounding mode, like Python's round.
    const int w = int(std::nearbyint(std::sqrt(target_area * aspect)));
    const int h = int(std::nearbyint(std::sqrt(target_area / aspect)));
    if (0 < w && w <= width && 0 < h && h <= height) {
      const int top = int(uniform_below(rng, uint64_t(height - h + 1)));
      const int left = int(uniform_below(rng, uint64_t(width - w + 1)));
      return {top, left, h, w};
    }
  }
  const double in_ratio = double(width) / height;
  int w = width, h = height;
  if (in_ratio < o.min_ratio) {
    h = int(std::nearbyint(w / o.min_ratio));
  } else if (in_ratio > o.max_ratio) {
    w = int(std::nearbyint(h * o.max_ratio));
  }
  return {(height - h) / 2, (width - w) / 2, h, w};
}

void augment_image(const uint8_t* hwc, int height, int width, int out_size, const AugmentOptions& options,
                   std::mt19937_64& rng, float* out) {
  const CropBox box = random_resized_crop_box(height, width, options, rng);
  Image image(size_t(out_size) * out_size * 3);
  const uint8_t* corner = hwc + (size_t(box.top) * width + box.left) * 3;
  resize_bilinear(corner, box.height, box.width, width * 3, 3, image.data(), out_size, out_size);
  color_jitter(image, options, rng);
  if (uniform01(rng) < options.grayscale_probability) to_grayscale(image);
  normalise(image, out_size, options, out);
}

void evaluation_image(const uint8_t* hwc, int height, int width, int out_size, const AugmentOptions& options,
                      float* out) {
  Image image(size_t(out_size) * out_size * 3);
  resize_bilinear(hwc, height, width, width * 3, 3, image.data(), out_size, out_size);
  normalise(image, out_size, options, out);
}

}  // namespace isl::data
