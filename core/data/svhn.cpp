#include "core/data/svhn.h"

#include <matio.h>
#include <zlib.h>

#include <cmath>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
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

// matio (1.5.23) allocates what a variable's header announces before checking it against the
// variable: rank = the dimensions tag's byte count / 4, cells and structs one pointer per
// element. A damaged header of a few bytes asks for gigabytes (found by fuzz_svhn). So the
// headers of a MAT 5 file's variables are checked here first: numeric or char arrays (all
// SVHN holds) with at most 32 dimensions and names of at most 63 characters, as MATLAB writes.
constexpr uint32_t kMiInt8 = 1, kMiInt32 = 5, kMiUint32 = 6, kMiMatrix = 14, kMiCompressed = 15;
constexpr uint32_t kMaxDimensionBytes = 32 * 4;
constexpr uint32_t kMaxNameBytes = 63;

struct Mat5Reader {
  const uint8_t* data;
  size_t size;
  bool swap;
  size_t position = 0;
  bool has(size_t bytes) const { return position <= size && bytes <= size - position; }  // position may skip past
  uint32_t u32() {
    uint32_t value;
    std::memcpy(&value, data + position, 4);
    position += 4;
    return swap ? __builtin_bswap32(value) : value;
  }
  // A data element's tag: type and byte count, either 8 bytes or the 4-byte small format.
  bool tag(uint32_t& type, uint32_t& bytes, bool& small) {
    if (!has(8)) return false;
    const uint32_t first = u32();
    small = (first >> 16) != 0;
    if (small) {
      type = first & 0xffff;
      bytes = first >> 16;
      return bytes <= 4;
    }
    type = first;
    bytes = u32();
    return true;
  }
};

// Checks the start of one variable (a miMATRIX element's content, `available` bytes of it here).
void check_mat5_variable(const uint8_t* data, size_t available, size_t element_bytes, bool swap,
                         const std::string& path) {
  Mat5Reader in{data, available, swap};
  auto damaged = [&](const std::string& what) { throw InputError(path, "has a damaged variable header (" + what + ")"); };
  uint32_t type, bytes;
  bool small;
  if (!in.tag(type, bytes, small) || small || type != kMiUint32 || bytes != 8 || !in.has(8)) damaged("array flags");
  const uint32_t array_class = in.u32() & 0xff;
  in.position += 4;
  if (array_class == MAT_C_EMPTY || array_class == MAT_C_CELL || array_class == MAT_C_STRUCT ||
      array_class == MAT_C_OBJECT || array_class == MAT_C_SPARSE || array_class > MAT_C_UINT64)
    throw InputError(path, "holds a variable that is not a numeric array (class " + std::to_string(array_class) + ")");
  if (!in.tag(type, bytes, small) || type != kMiInt32 || bytes < 8 || bytes % 4 || bytes > kMaxDimensionBytes ||
      bytes > element_bytes)
    damaged("dimensions");
  in.position += small ? 4 : (bytes + 7) / 8 * 8;
  if (!in.tag(type, bytes, small) || type != kMiInt8 || bytes > kMaxNameBytes || bytes > element_bytes) damaged("name");
}

void check_mat5_headers(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::array<uint8_t, 128> header{};
  // MAT 5 and 7.3 files start with a 128-byte header ending in the version and byte order.
  // matio also reads the old MAT 4 format, which has none, from any other bytes, and allocates
  // what those announce (found by fuzz_svhn): SVHN was never published as MAT 4.
  const bool read = bool(file.read(reinterpret_cast<char*>(header.data()), header.size()));
  const bool swap = header[126] == 'M' && header[127] == 'I';
  const uint16_t version = swap ? uint16_t(header[124] << 8 | header[125]) : uint16_t(header[125] << 8 | header[124]);
  if (!read || !(swap || (header[126] == 'I' && header[127] == 'M')) || (version != 0x0100 && version != 0x0200))
    throw InputError(path, "not a readable MATLAB file (no MAT 5 or 7.3 header)");
  if (version == 0x0200) return;  // MAT 7.3: an HDF5 file, read by the HDF5 library
  const uint64_t file_size = std::filesystem::file_size(path);
  uint64_t offset = 128;
  constexpr size_t kStart = 8 + 16 + 8 + kMaxDimensionBytes + 8;  // tag, flags, dimensions, name tag
  while (offset + 8 <= file_size) {
    std::array<uint8_t, 8> tag_bytes;
    file.seekg(std::streamoff(offset));
    if (!file.read(reinterpret_cast<char*>(tag_bytes.data()), 8)) break;
    Mat5Reader tag{tag_bytes.data(), 8, swap};
    uint32_t type, bytes;
    bool small;
    // A MAT 5 file holds only variables, uncompressed ones padded to 8 bytes. Anything else is
    // damaged, and where matio would look for the next variable is not certain.
    if (!tag.tag(type, bytes, small) || small || (type != kMiMatrix && type != kMiCompressed) ||
        (type == kMiMatrix && bytes % 8 != 0))
      throw InputError(path, "has a damaged variable header (element " + std::to_string(type) + ", " +
                                 std::to_string(bytes) + " bytes)");
    const uint64_t content = std::min<uint64_t>(bytes, file_size - offset - 8);
    const uint64_t next = offset + 8 + uint64_t(bytes);
    if (type == kMiMatrix) {
      std::vector<uint8_t> start(std::min<uint64_t>(content, kStart));
      file.read(reinterpret_cast<char*>(start.data()), std::streamsize(start.size()));
      check_mat5_variable(start.data(), start.size(), bytes, swap, path);
    } else if (type == kMiCompressed) {
      // The variable is a zlib stream holding a miMATRIX element: inflate its start.
      std::vector<uint8_t> compressed(std::min<uint64_t>(content, 4096));
      file.read(reinterpret_cast<char*>(compressed.data()), std::streamsize(compressed.size()));
      std::vector<uint8_t> start(8 + kStart);
      z_stream z{};
      if (inflateInit(&z) != Z_OK) throw std::bad_alloc();
      z.next_in = compressed.data();
      z.avail_in = uInt(compressed.size());
      z.next_out = start.data();
      z.avail_out = uInt(start.size());
      const int status = inflate(&z, Z_SYNC_FLUSH);
      const size_t produced = start.size() - z.avail_out;
      inflateEnd(&z);
      if ((status != Z_OK && status != Z_STREAM_END) || produced < 8)
        throw InputError(path, "has a damaged compressed variable");
      Mat5Reader inner{start.data(), produced, swap};
      if (!inner.tag(type, bytes, small) || small || type != kMiMatrix) throw InputError(path, "has a damaged compressed variable");
      check_mat5_variable(start.data() + 8, produced - 8, bytes, swap, path);
    }
    offset = next;
  }
}

}  // namespace

std::shared_ptr<const InMemoryDataset> load_svhn_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(path, "file not found");
  if (std::filesystem::file_size(path) == 0) throw InputError(path, "file is empty");
  check_mat5_headers(path);
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
