#include "core/run/sprite_image.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

#include "core/input_error.h"
#include "core/run/run_files.h"

namespace isl {

void write_sprite_png(const std::string& path, const data::ImageDataset& images, int per_row, int side) {
  const auto shape = images.shape();
  cv::Mat sprite = cv::Mat::zeros(per_row * side, per_row * side, CV_8UC3);
  std::vector<uint8_t> pixels(size_t(shape.bytes()));
  cv::Mat thumbnail;
  for (int64_t i = 0; i < images.size(); ++i) {
    images.read(i, pixels.data());
    const cv::Mat rgb(shape.height, shape.width, CV_8UC3, pixels.data());
    cv::resize(rgb, thumbnail, cv::Size(side, side), 0, 0, cv::INTER_AREA);
    const cv::Rect cell(int(i % per_row) * side, int(i / per_row) * side, side, side);
    cv::Mat cell_pixels = sprite(cell);
    cv::cvtColor(thumbnail, cell_pixels, cv::COLOR_RGB2BGR);  // OpenCV writes BGR
  }
  std::vector<uchar> png;
  if (!cv::imencode(".png", sprite, png)) throw InputError(path, "cannot be encoded as PNG");
  write_file_atomically(path, std::string(png.begin(), png.end()));
}

bool png_writer_available() { return true; }

}  // namespace isl
