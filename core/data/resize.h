#pragma once
#include <cstdint>

namespace isl::data {

// Bilinear resize of an interleaved uint8 image, computed as PIL and torchvision's
// antialiased bilinear do: a triangle filter that widens with the shrink factor when
// downscaling (so small outputs do not alias) and is plain half-pixel-centre bilinear when
// upscaling. Values are accumulated in float and rounded once at the end.
// `src_stride` is the byte distance between source rows, so a crop can be passed in place.
void resize_bilinear(const uint8_t* src, int src_height, int src_width, int src_stride, int channels,
                     uint8_t* dst, int dst_height, int dst_width);

}  // namespace isl::data
