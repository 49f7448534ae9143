#include "core/data/svhn.h"

#include <matio.h>

#include <cmath>
#include <filesystem>
#include <vector>

#include "core/data/resized_dataset.h"
#include "core/input_error.h"

namespace isl::data {
namespace {

constexpr int kSide = 32;

struct MatCloser {
  void operator()(mat_t* mat) const { Mat_Close(mat); }
};
struct VarFreer {
  void operator()(matvar_t* var) const { Mat_VarFree(var); }
};
using MatFile = std::unique_ptr<mat_t, MatCloser>;
using MatVar = std::unique_ptr<matvar_t, VarFreer>;

MatVar read_variable(mat_t* mat, const std::string& path, const char* name) {
  MatVar var(Mat_VarRead(mat, name));
  if (!var || !var->data) {
    throw InputError(path, std::string("variable ") + name + " is missing or unreadable (file truncated?)");
  }
  return var;
}

// The variable's name, class and dimensions without its data: matio allocates the data as the
// dimensions announce, so they are checked first.
MatVar read_variable_info(mat_t* mat, const std::string& path, const char* name) {
  MatVar var(Mat_VarReadInfo(mat, name));
  if (!var) throw InputError(path, std::string("variable ") + name + " is missing or unreadable (file truncated?)");
  return var;
}

std::string dims_text(const matvar_t& var) {
  std::string text;
  for (int d = 0; d < var.rank; ++d) text += (d ? "x" : "") + std::to_string(var.dims[d]);
  return text;
}

// SVHN stores y as double; other numeric classes are accepted as MATLAB would convert them.
double label_value(const matvar_t& y, size_t i) {
  switch (y.class_type) {
    case MAT_C_DOUBLE: return static_cast<const double*>(y.data)[i];
    case MAT_C_SINGLE: return static_cast<const float*>(y.data)[i];
    case MAT_C_UINT8: return static_cast<const uint8_t*>(y.data)[i];
    case MAT_C_INT32: return static_cast<const int32_t*>(y.data)[i];
    default: return NAN;
  }
}

}  // namespace

std::shared_ptr<const InMemoryDataset> load_svhn_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(path, "file not found");
  if (std::filesystem::file_size(path) == 0) throw InputError(path, "file is empty");
  MatFile mat(Mat_Open(path.c_str(), MAT_ACC_RDONLY));
  if (!mat) throw InputError(path, "not a readable MATLAB file (corrupt or truncated)");

  const size_t plane = kSide * kSide;
  auto check_x = [&](const matvar_t& x) {
    if (x.class_type != MAT_C_UINT8 || x.isComplex) {
      throw InputError(path, "variable X has the wrong type: expected uint8 pixels");
    }
    if (x.rank != 4 || x.dims[0] != kSide || x.dims[1] != kSide || x.dims[2] != 3 || x.dims[3] == 0) {
      throw InputError(path, "variable X has wrong dimensions " + dims_text(x) + ", expected 32x32x3xN");
    }
  };
  auto check_y = [&](const matvar_t& y, size_t count) {
    if (y.rank != 2 || (y.dims[0] != 1 && y.dims[1] != 1) || y.dims[0] * y.dims[1] != count || y.isComplex) {
      throw InputError(path, "variable y has wrong dimensions " + dims_text(y) + ", expected " +
                                 std::to_string(count) + " labels to match X");
    }
    if (y.class_type != MAT_C_DOUBLE && y.class_type != MAT_C_SINGLE && y.class_type != MAT_C_UINT8 &&
        y.class_type != MAT_C_INT32) {
      throw InputError(path, "variable y has the wrong type: expected numeric labels");
    }
  };
  // Deflate expands data at most about 1032 times: a variable that announces more than that
  // is damaged, and matio would allocate all of it before finding out (found by fuzz_svhn).
  const uint64_t most_data = uint64_t(std::filesystem::file_size(path)) * 1032;
  size_t count = 0;
  {
    const MatVar info = read_variable_info(mat.get(), path, "X");
    check_x(*info);
    count = info->dims[3];
    if (count > most_data / (3 * plane)) {
      throw InputError(path, "variable X announces " + std::to_string(count) + " images, more than the file can hold");
    }
    check_y(*read_variable_info(mat.get(), path, "y"), count);
  }

  const MatVar x = read_variable(mat.get(), path, "X");
  check_x(*x);
  if (x->data_type != MAT_T_UINT8 || x->dims[3] != count) {
    throw InputError(path, "variable X has the wrong type: expected uint8 pixels");
  }
  if (x->nbytes != count * 3 * plane) throw InputError(path, "variable X is truncated");

  const MatVar y = read_variable(mat.get(), path, "y");
  check_y(*y, count);
  std::vector<int> labels(count);
  for (size_t i = 0; i < count; ++i) {
    const double value = label_value(*y, i);
    if (std::isnan(value)) throw InputError(path, "variable y has the wrong type: expected numeric labels");
    if (value != std::floor(value) || value < 1 || value > 10) {
      throw InputError(path, "label " + std::to_string(value) + " of image " + std::to_string(i) +
                                 " is out of range (1..10)");
    }
    labels[i] = int(value) % 10;  // SVHN writes the digit 0 as label 10
  }

  // Column-major: element (row, col, channel, n) is at row + 32*col + 1024*channel + 3072*n.
  const auto* source = static_cast<const uint8_t*>(x->data);
  std::vector<uint8_t> pixels(count * 3 * plane);
  for (size_t n = 0; n < count; ++n) {
    for (size_t row = 0; row < kSide; ++row) {
      for (size_t col = 0; col < kSide; ++col) {
        for (size_t c = 0; c < 3; ++c) {
          pixels[((n * kSide + row) * kSide + col) * 3 + c] = source[row + kSide * col + plane * c + 3 * plane * n];
        }
      }
    }
  }
  return std::make_shared<InMemoryDataset>(path, ImageShape{kSide, kSide, 3}, std::move(pixels), std::move(labels),
                                           10);
}

TrainTestSplit open_svhn(const std::string& folder, int input_size) {
  const std::filesystem::path dir(folder);
  return {at_input_size(load_svhn_file((dir / "train_32x32.mat").string()), input_size),
          at_input_size(load_svhn_file((dir / "test_32x32.mat").string()), input_size)};
}

}  // namespace isl::data
