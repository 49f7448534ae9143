// SVHN's MATLAB files. matio reads files only, so each input is written to a temporary file
// first (one per process: libFuzzer runs one input at a time).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/data/svhn.h"
#include "fuzz_target.h"

namespace {

std::string temporary_path() {
  static const std::string path = [] {
    const char* directory = std::getenv("TMPDIR");
    std::string pattern = std::string(directory && *directory ? directory : "/tmp") + "/isl-fuzz-svhn-XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd < 0) std::abort();
    close(fd);
    return pattern;
  }();
  return path;
}

void remove_temporary() { std::remove(temporary_path().c_str()); }

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  temporary_path();
  std::atexit(remove_temporary);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = temporary_path();
  {
    FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) std::abort();
    if (size && std::fwrite(data, 1, size, file) != size) std::abort();
    std::fclose(file);
  }
  isl::fuzz::expect_only_input_errors([&] {
    const auto images = isl::data::load_svhn_file(path);
    isl::fuzz::require(images->size() > 0, "at least one image");
    std::vector<uint8_t> pixels(size_t(images->shape().bytes()));
    for (int64_t i = 0; i < images->size(); ++i) {
      images->read(i, pixels.data());
      isl::fuzz::require(images->label(i) >= 0 && images->label(i) < 10, "labels in 0..9");
    }
  });
  return 0;
}
