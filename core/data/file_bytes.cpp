#include "core/data/file_bytes.h"

#include <filesystem>
#include <fstream>

#include "core/input_error.h"

namespace isl::data {

std::vector<uint8_t> read_file_bytes(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw InputError(path, std::filesystem::exists(path, error) ? "is not a regular file" : "file not found");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot be opened for reading");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::vector<uint8_t> bytes(size_t(size > 0 ? size : 0));
  if (!bytes.empty() && !in.read(reinterpret_cast<char*>(bytes.data()), size)) {
    throw InputError(path, "read failed");
  }
  return bytes;
}

}  // namespace isl::data
