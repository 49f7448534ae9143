#pragma once
// Numbers read from the JSON in run files (config.json, metrics.jsonl, snapshot and checkpoint
// headers). nlohmann's get<int>() converts without checks: 1e40 is undefined behaviour,
// 4294967297 silently becomes 1 and -1 as an unsigned count becomes 2^64 - 1. These throw
// InputError instead. Internal to core's .cpp files (it includes nlohmann/json.hpp).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "core/input_error.h"

namespace isl {

// A short text of `value` for messages; arrays and objects (possibly deeply nested, where
// dump() recurses once per level) are only named.
inline std::string json_brief(const nlohmann::json& value) {
  if (value.is_structured()) return std::string("an ") + value.type_name();
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

// Whether `number` lies in T's range (std::in_range, which C++17 code including this lacks).
template <class T, class N>
bool fits_in(N number) {
  static_assert(std::is_integral_v<T> && std::is_integral_v<N>);
  if constexpr (std::is_signed_v<N>) {
    if (number < 0) return std::is_signed_v<T> && int64_t(number) >= int64_t(std::numeric_limits<T>::min());
  }
  return uint64_t(number) <= uint64_t(std::numeric_limits<T>::max());
}

// `value` as T when it is a whole number (written without fraction or exponent) that T holds;
// otherwise throws InputError(subject, "'<key>' ...").
template <class T>
T json_whole_number(const nlohmann::json& value, const std::string& subject, const std::string& key) {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
  if (value.is_number_unsigned()) {
    const auto number = value.get<uint64_t>();
    if (fits_in<T>(number)) return T(number);
  } else if (value.is_number_integer()) {
    const auto number = value.get<int64_t>();
    if (fits_in<T>(number)) return T(number);
  } else {
    throw InputError(subject, "'" + key + "' must be a whole number, not " + json_brief(value));
  }
  throw InputError(subject, "'" + key + "' is out of range: " + json_brief(value));
}

// `value` as a double (whole numbers are converted); otherwise throws InputError.
inline double json_number(const nlohmann::json& value, const std::string& subject, const std::string& key) {
  if (!value.is_number()) throw InputError(subject, "'" + key + "' must be a number, not " + json_brief(value));
  return value.get<double>();
}

}  // namespace isl
