// config.json: config_from_json_text. An accepted config must hold every setting exactly as
// written (no silent narrowing) and survive to_json_text and config_from_json_text again.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/run/config.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  isl::fuzz::expect_only_input_errors([&] {
    const isl::Config config = isl::config_from_json_text(text, "fuzz.json");
    const std::string written = isl::to_json_text(config);
    const auto input = nlohmann::json::parse(text);
    const auto output = nlohmann::json::parse(written);
    for (const auto& [key, value] : input.items())
      isl::fuzz::require(output.contains(key) && output[key] == value, "every setting kept as written");
    isl::fuzz::require(isl::to_json_text(isl::config_from_json_text(written, "fuzz-again.json")) == written,
                       "to_json_text and config_from_json_text round trip");
  });
  return 0;
}
