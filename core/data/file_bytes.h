#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace isl::data {

// The whole content of a data set file. Throws InputError(path, ...) when it is missing or
// cannot be read; an empty file is returned as is and left to the format's parser to reject.
std::vector<uint8_t> read_file_bytes(const std::string& path);

}  // namespace isl::data
