#pragma once
// The settings of core/run/config_fields.h as command-line flags (--learning-rate, ...).
#include <CLI/CLI.hpp>

#include <vector>

#include "core/run/config.h"

namespace isl::cli {

// Binds one flag per setting to `flags`; returns the options in field order.
std::vector<CLI::Option*> add_setting_flags(CLI::App& app, Config& flags);

// `base` with every setting that was given on the command line taken from `flags`.
Config merge_settings(Config base, Config& flags, const std::vector<CLI::Option*>& options);

bool any_setting_given(const std::vector<CLI::Option*>& options);

}  // namespace isl::cli
