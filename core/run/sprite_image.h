#pragma once
#include <string>

#include "core/data/image_dataset.h"

namespace isl {

// Every image of `images` as a side x side thumbnail in a grid of per_row columns, row by
// row, written as a PNG file (RGB). Needs the image codecs: a build without them
// (ISL_ENGINE_ONLY) throws InputError naming the file.
void write_sprite_png(const std::string& path, const data::ImageDataset& images, int per_row, int side);
// Whether this build can write the PNG (false in an ISL_ENGINE_ONLY build).
bool png_writer_available();

}  // namespace isl
