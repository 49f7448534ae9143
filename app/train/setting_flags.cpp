#include "setting_flags.h"

#include <algorithm>
#include <sstream>

namespace isl::cli {

namespace {

std::string flag_name(const char* field) {
  std::string name = std::string("--") + field;
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
}

std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// The same words as the config file's check ("allowed: 1 to 1000"), not CLI11's "%f" form.
CLI::Validator range_check(const ConfigField& field) {
  const double minimum = field.minimum, maximum = field.maximum;
  const std::string allowed = "allowed: " + number_text(minimum) + " to " + number_text(maximum);
  return CLI::Validator(
      [minimum, maximum, allowed](std::string& input) -> std::string {
        std::istringstream in(input);
        double value = 0;
        if (!(in >> value)) return "'" + input + "' is not a number";
        if (value < minimum || value > maximum) return input + " is out of range; " + allowed;
        return {};
      },
      "in [" + number_text(minimum) + ", " + number_text(maximum) + "]");
}

}  // namespace

std::vector<CLI::Option*> add_setting_flags(CLI::App& app, Config& flags) {
  std::vector<CLI::Option*> options;
  for_each_field(flags, [&](auto& value, const ConfigField& field) {
    using T = std::decay_t<decltype(value)>;
    std::string names = flag_name(field.name);
    if (std::string(field.name) == "data_path") names = "--data," + names;
    const std::string help = std::string(field.help) + (field.fixed_for_the_run ? " Fixed once the run has begun." : "");
    CLI::Option* option;
    if constexpr (std::is_same_v<T, bool>) {
      option = app.add_flag(names + "{true}", value, help);
    } else {
      option = app.add_option(names, value, help);
      if constexpr (std::is_same_v<T, std::string>) {
        if (!field.choices.empty()) option->check(CLI::IsMember(field.choices));
      } else {
        option->check(range_check(field));
      }
      option->capture_default_str();
    }
    option->group("Settings");
    options.push_back(option);
  });
  return options;
}

Config merge_settings(Config base, Config& flags, const std::vector<CLI::Option*>& options) {
  std::vector<void*> given;
  size_t index = 0;
  for_each_field(flags, [&](auto& value, const ConfigField&) {
    given.push_back(options[index++]->count() > 0 ? static_cast<void*>(&value) : nullptr);
  });
  index = 0;
  for_each_field(base, [&](auto& value, const ConfigField&) {
    if (void* from = given[index++]) value = *static_cast<std::decay_t<decltype(value)>*>(from);
  });
  return base;
}

bool any_setting_given(const std::vector<CLI::Option*>& options) {
  return std::any_of(options.begin(), options.end(), [](const CLI::Option* option) { return option->count() > 0; });
}

}  // namespace isl::cli
