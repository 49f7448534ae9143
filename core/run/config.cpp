#include "core/run/config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <type_traits>

#include "core/input_error.h"
#include "core/run/json_numbers.h"

namespace isl {

namespace {

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : ", ") + word;
  return out;
}

std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

template <class T>
void check_value(const T& value, const ConfigField& field, const std::string& subject) {
  const std::string where = subject + ": '" + field.name + "'";
  if constexpr (std::is_same_v<T, std::string>) {
    if (!field.choices.empty() &&
        std::find(field.choices.begin(), field.choices.end(), value) == field.choices.end())
      throw InputError(where, "'" + value + "' is not allowed; allowed: " + join(field.choices));
  } else if constexpr (std::is_same_v<T, std::vector<int64_t>>) {
    for (auto element : value) check_value(element, field, subject);
  } else if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
    const double number = double(value);
    if (!(number >= field.minimum && number <= field.maximum))
      throw InputError(where, number_text(number) + " is out of range; allowed: " +
                                  number_text(field.minimum) + " to " + number_text(field.maximum));
  }
}

const char* type_name(const std::string&) { return "a string"; }
const char* type_name(bool) { return "true or false"; }
const char* type_name(double) { return "a number"; }
const char* type_name(const std::vector<int64_t>&) { return "a list of whole numbers"; }
template <class T>
const char* type_name(const T&) { return "a whole number"; }

template <class T>
bool json_has_type(const nlohmann::json& value) {
  if constexpr (std::is_same_v<T, std::string>) return value.is_string();
  else if constexpr (std::is_same_v<T, bool>) return value.is_boolean();
  else if constexpr (std::is_same_v<T, double>) return value.is_number();
  else if constexpr (std::is_same_v<T, std::vector<int64_t>>) {
    return value.is_array() && std::all_of(value.begin(), value.end(),
                                           [](const auto& e) { return e.is_number_integer(); });
  } else if constexpr (std::is_unsigned_v<T>) return value.is_number_unsigned();
  else return value.is_number_integer();
}

// Whether a JSON whole number fits T; get<T>() would silently wrap one that does not.
template <class T>
bool json_fits(const nlohmann::json& value) {
  if constexpr (std::is_same_v<T, std::vector<int64_t>>) {
    return std::all_of(value.begin(), value.end(), [](const auto& e) { return json_fits<int64_t>(e); });
  } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    return value.is_number_unsigned() ? fits_in<T>(value.get<uint64_t>()) : fits_in<T>(value.get<int64_t>());
  } else {
    return true;
  }
}

}  // namespace

void validate(const Config& config, const std::string& subject) {
  for_each_field(config, [&](const auto& value, const ConfigField& field) { check_value(value, field, subject); });
  if (config.precision_set_sizes.empty())
    throw InputError(subject + ": 'precision_set_sizes'", "needs at least one size");
}

std::vector<std::string> check_resumable_change(const Config& saved, const Config& changed, const std::string& subject) {
  std::vector<nlohmann::json> old_values;
  for_each_field(saved, [&](const auto& value, const ConfigField&) { old_values.emplace_back(value); });
  std::vector<std::string> changes;
  size_t index = 0;
  for_each_field(changed, [&](const auto& value, const ConfigField& field) {
    const nlohmann::json& before = old_values[index++];
    const nlohmann::json after(value);
    if (before == after) return;
    if (field.fixed_for_the_run)
      throw InputError(subject + ": '" + field.name + "'",
                       "cannot change when the run is resumed: its saved state depends on it (the run has " +
                           before.dump() + ", asked for " + after.dump() + "); start a new run instead");
    changes.push_back(std::string(field.name) + ": " + before.dump() + " -> " + after.dump());
  });
  return changes;
}

std::string to_json_text(const Config& config) {
  nlohmann::ordered_json document;
  for_each_field(config, [&](const auto& value, const ConfigField& field) { document[field.name] = value; });
  return document.dump(2) + "\n";
}

Config config_from_json_text(const std::string& text, const std::string& subject, Config base) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {  // parse_error, or out_of_range: a number beyond a double
    throw InputError(subject, std::string("is not valid JSON (") + error.what() + ")");
  }
  if (!document.is_object()) throw InputError(subject, "must hold a JSON object of settings");
  std::set<std::string> known;
  for_each_field(base, [&](auto& value, const ConfigField& field) {
    known.insert(field.name);
    auto found = document.find(field.name);
    if (found == document.end()) return;
    using T = std::decay_t<decltype(value)>;
    const std::string where = subject + ": '" + field.name + "'";
    if (!json_has_type<T>(*found))
      throw InputError(where, std::string("must be ") + type_name(value) + ", not " + json_brief(*found));
    if (!json_fits<T>(*found))
      throw InputError(where, json_brief(*found) + " is out of range; allowed: " + number_text(field.minimum) +
                                  " to " + number_text(field.maximum));
    value = found->template get<T>();
  });
  for (const auto& [key, unused] : document.items())
    if (!known.count(key)) throw InputError(subject + ": '" + key + "'", "is not a known setting");
  validate(base, subject);
  return base;
}

}  // namespace isl
