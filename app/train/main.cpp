// isl-train: trains ISL (or a baseline) without a window and writes the run directory that
// the desktop application opens. Every setting is a flag (see --help) or comes from --config.
#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <sstream>
#include <thread>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "progress_bar.h"

namespace {

using isl::Config;
using isl::ConfigField;

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

// Binds one flag per setting to `flags`; returns the options in field order.
std::vector<CLI::Option*> add_setting_flags(CLI::App& app, Config& flags) {
  std::vector<CLI::Option*> options;
  isl::for_each_field(flags, [&](auto& value, const ConfigField& field) {
    using T = std::decay_t<decltype(value)>;
    std::string names = flag_name(field.name);
    if (std::string(field.name) == "data_path") names = "--data," + names;
    CLI::Option* option;
    if constexpr (std::is_same_v<T, bool>) {
      option = app.add_flag(names + "{true}", value, field.help);
    } else {
      option = app.add_option(names, value, field.help);
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

// Settings given on the command line override the config file, which overrides the defaults.
Config merge_settings(Config base, Config& flags, const std::vector<CLI::Option*>& options) {
  std::vector<void*> given;
  size_t index = 0;
  isl::for_each_field(flags, [&](auto& value, const ConfigField&) {
    given.push_back(options[index++]->count() > 0 ? static_cast<void*>(&value) : nullptr);
  });
  index = 0;
  isl::for_each_field(base, [&](auto& value, const ConfigField&) {
    if (void* from = given[index++]) value = *static_cast<std::decay_t<decltype(value)>*>(from);
  });
  return base;
}

// Ctrl-C or SIGTERM asks the trainer to stop cleanly (it writes a checkpoint first). The
// handler only writes a byte to a pipe (stop() may not be called in a handler); a thread of
// its own reads it and stops the trainer. A handler rather than blocking the signals and
// waiting in sigwait: threads that shared libraries start before main (OpenBLAS's workers)
// would not block them, and a signal the kernel hands to one of those would kill the process.
int stop_pipe[2] = {-1, -1};

void on_stop_signal(int) {
  const char byte = 1;
  [[maybe_unused]] const ssize_t written = ::write(stop_pipe[1], &byte, 1);
}

void catch_stop_signals() {
  if (::pipe2(stop_pipe, O_CLOEXEC) != 0) return;  // no clean stop; the signals keep their default
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// Signals caught before the trainer existed wait in the pipe and stop it as soon as it does.
void stop_on_signals(isl::Trainer& trainer) {
  if (stop_pipe[0] < 0) return;
  std::thread([&trainer] {
    char byte = 0;
    while (::read(stop_pipe[0], &byte, 1) == 1) {
      std::fprintf(stderr, "\nStopping after this iteration (a checkpoint will be written)...\n");
      trainer.stop();
    }
  }).detach();
}

// Nobody can resume a paused run from a terminal trainer: a numerical fault (already printed
// as an error) ends it, with the last good checkpoint as the one to resume.
class StopOnNumericalFault : public isl::TrainingObserver {
 public:
  explicit StopOnNumericalFault(isl::Trainer& trainer) : trainer_(trainer) {}
  void on_numerical_fault(const std::string&) override {
    happened = true;
    trainer_.stop();
  }
  std::atomic<bool> happened{false};

 private:
  isl::Trainer& trainer_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train Instance Similarity Learning (or a baseline) and write a run directory.\n"
               "Without arguments: ISL with AlexNet on the built-in MNIST digits, into ./runs/<time>."};
  app.set_help_flag("-h,--help", "Print this help and exit");
  Config flags;
  std::string config_file, out, resume;
  app.add_option("--config", config_file, "JSON file of settings (keys as in config.json); flags override it")
      ->check(CLI::ExistingFile);
  app.add_option("--out", out, "Run directory to create (default: runs/<date-time>)");
  app.add_option("--resume", resume, "Continue the run in this directory from its last checkpoint")
      ->check(CLI::ExistingDirectory);
  bool linear_probe = false;
  app.add_flag("--linear-probe", linear_probe, "Also train a linear classifier on conv5 features at the end");
  auto setting_options = add_setting_flags(app, flags);
  CLI11_PARSE(app, argc, argv);
  if (!resume.empty()) {
    for (auto* option : setting_options)
      if (option->count() > 0 || !config_file.empty() || !out.empty()) {
        std::fprintf(stderr, "error: --resume takes no settings, --config or --out: the run's config.json holds them\n");
        return 2;
      }
  }

  catch_stop_signals();

  isl::cli::ProgressPrinter printer(stderr);
  std::unique_ptr<isl::Trainer> trainer;
  try {
    if (!resume.empty()) {
      trainer = isl::Trainer::resume(resume);
    } else {
      Config base = config_file.empty() ? Config{}
                                        : isl::config_from_json_text(isl::read_whole_file(config_file), config_file);
      Config config = merge_settings(base, flags, setting_options);
      isl::validate(config, "command line");
      if (out.empty()) {
        char stamp[32];
        std::time_t now = std::time(nullptr);
        std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
        out = std::string("runs/") + stamp;
      }
      trainer = std::make_unique<isl::Trainer>(config, out);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 2;
  }
  trainer->add_observer(&printer);
  StopOnNumericalFault fault(*trainer);
  trainer->add_observer(&fault);
  stop_on_signals(*trainer);
  try {
    trainer->run();
  } catch (const isl::InputError&) {
    return 2;  // the trainer has reported it through the printer
  } catch (const std::exception&) {
    return 1;
  }
  const bool finished = trainer->state() == isl::RunState::Finished;
  if (finished && linear_probe) trainer->run_linear_probe();
  printer.print_summary(trainer->run_directory());
  if (!finished) std::fprintf(stderr, "Resume with: isl-train --resume %s\n", trainer->run_directory().c_str());
  return finished ? 0 : fault.happened ? 4 : 3;
}
