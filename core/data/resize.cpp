#include "core/data/resize.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace isl::data {
namespace {

// Source samples and weights contributing to one output coordinate.
struct Taps {
  int first = 0;
  std::vector<float> weights;
};

// Mirrors PIL's precompute_coeffs for the bilinear (triangle) filter, including its
// truncating int casts, so the sample windows match torchvision's exactly.
std::vector<Taps> compute_taps(int in_size, int out_size) {
  const double scale = double(in_size) / out_size;
  const double filter_scale = std::max(scale, 1.0);
  const double support = filter_scale;
  std::vector<Taps> taps(static_cast<size_t>(out_size));
  for (int x = 0; x < out_size; ++x) {
    const double center = (x + 0.5) * scale;
    const int first = std::max(int(center - support + 0.5), 0);
    const int last = std::min(int(center + support + 0.5), in_size);
    Taps& t = taps[size_t(x)];
    t.first = first;
    double total = 0;
    std::vector<double> weights;
    for (int j = first; j < last; ++j) {
      const double w = std::max(0.0, 1.0 - std::abs((j - center + 0.5) / filter_scale));
      weights.push_back(w);
      total += w;
    }
    for (double w : weights) t.weights.push_back(float(total > 0 ? w / total : 0));
  }
  return taps;
}

}  // namespace

void resize_bilinear(const uint8_t* src, int src_height, int src_width, int src_stride, int channels,
                     uint8_t* dst, int dst_height, int dst_width) {
  const size_t dst_row = size_t(dst_width) * channels;
  if (src_height == dst_height && src_width == dst_width) {
    for (int y = 0; y < src_height; ++y) std::memcpy(dst + y * dst_row, src + size_t(y) * src_stride, dst_row);
    return;
  }
  const std::vector<Taps> columns = compute_taps(src_width, dst_width);
  const std::vector<Taps> rows = compute_taps(src_height, dst_height);

  // Horizontal pass into float rows, then vertical pass; each source row is filtered once.
  std::vector<float> horizontal(size_t(src_height) * dst_row);
  for (int y = 0; y < src_height; ++y) {
    const uint8_t* in = src + size_t(y) * src_stride;
    float* out = horizontal.data() + y * dst_row;
    for (int x = 0; x < dst_width; ++x) {
      const Taps& t = columns[size_t(x)];
      for (int c = 0; c < channels; ++c) {
        float sum = 0;
        for (size_t k = 0; k < t.weights.size(); ++k) sum += t.weights[k] * in[(t.first + int(k)) * channels + c];
        out[x * channels + c] = sum;
      }
    }
  }
  for (int y = 0; y < dst_height; ++y) {
    const Taps& t = rows[size_t(y)];
    uint8_t* out = dst + y * dst_row;
    for (size_t i = 0; i < dst_row; ++i) {
      float sum = 0;
      for (size_t k = 0; k < t.weights.size(); ++k) sum += t.weights[k] * horizontal[(t.first + k) * dst_row + i];
      out[i] = uint8_t(std::clamp(std::nearbyint(sum), 0.0f, 255.0f));
    }
  }
}

}  // namespace isl::data
