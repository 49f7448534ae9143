// CIFAR-10 and CIFAR-100 binary files: append_cifar_rows in both variants over the same bytes.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/data/cifar.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> bytes(data, size);
  for (const auto& [variant_, classes_] : {std::pair{isl::data::CifarVariant::Cifar10, 10},
                                          std::pair{isl::data::CifarVariant::Cifar100, 100}}) {
    const auto variant = variant_;  // clang 14 lambdas cannot capture structured bindings
    const int classes = classes_;
    isl::fuzz::expect_only_input_errors([&] {
      std::vector<uint8_t> pixels;
      std::vector<int> labels;
      isl::data::append_cifar_rows(bytes, "fuzz.bin", variant, pixels, labels);
      isl::fuzz::require(!labels.empty(), "at least one row");
      isl::fuzz::require(pixels.size() == labels.size() * 3072, "3072 pixel bytes per row");
      for (int label : labels) isl::fuzz::require(label >= 0 && label < classes, "labels in range");
    });
  }
  return 0;
}
