// isl-train: trains ISL (or a baseline) without a window and writes the run directory that
// the desktop application opens. Every setting is a flag (see --help) or comes from --config.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <sstream>

#include "core/dist/rendezvous.h"
#include "core/input_error.h"
#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "experiment_command.h"
#include "progress_bar.h"
#include "rank_messages.h"
#include "run_commands.h"
#include "setting_flags.h"
#include "stop_signal.h"
#include "terminal_run.h"

using isl::Config;

int main(int argc, char** argv) {
  CLI::App app{"Train Instance Similarity Learning (or a baseline) and write a run directory.\n"
               "Without arguments: ISL with AlexNet on the built-in MNIST digits, into ./runs/<time>.\n"
               "The subcommands work on a run that is not training; each has its own --help."};
  app.set_help_flag("-h,--help", "Print this help and exit");
  app.require_subcommand(0, 1);
  Config flags;
  std::string config_file, out, resume;
  app.add_option("--config", config_file, "JSON file of settings (keys as in config.json); flags override it")
      ->check(CLI::ExistingFile);
  app.add_option("--out", out, "Run directory to create (default: runs/<date-time>)");
  app.add_option("--resume", resume,
                 "Continue the run in this directory from its last checkpoint; settings given with it (flags or "
                 "--config) change the run where its saved state allows")
      ->check(CLI::ExistingDirectory);
  bool linear_probe = false;
  app.add_flag("--linear-probe", linear_probe, "Also train a linear classifier on conv5 features at the end");
  auto setting_options = isl::cli::add_setting_flags(app, flags);
  isl::Rendezvous rendezvous;
  const char* const ranks_group = "Several processes (or torchrun's RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT)";
  auto* world_size = app.add_option("--world-size", rendezvous.world_size, "Processes training this run together")
                         ->check(CLI::Range(1, 65536))
                         ->group(ranks_group);
  auto* rank = app.add_option("--rank", rendezvous.rank, "This process's rank, 0 to world size - 1; rank 0 writes the run")
                   ->check(CLI::NonNegativeNumber)
                   ->needs(world_size)
                   ->group(ranks_group);
  world_size->needs(rank);
  auto* master_address = app.add_option("--master-addr", rendezvous.master_address, "Address of rank 0's machine")
                             ->capture_default_str()
                             ->needs(world_size)
                             ->group(ranks_group);
  auto* master_port = app.add_option("--master-port", rendezvous.master_port, "Port rank 0 listens on")
                          ->check(CLI::Range(1, 65535))
                          ->capture_default_str()
                          ->needs(world_size)
                          ->group(ranks_group);
  auto* local_rank = app.add_option("--local-rank", rendezvous.local_rank, "This process's GPU on its machine")
                         ->check(CLI::NonNegativeNumber)
                         ->needs(world_size)
                         ->group(ranks_group);
  double rank_timeout_s = 300;
  auto* rank_timeout = app.add_option("--rank-timeout", rank_timeout_s,
                                      "Seconds a rank waits for the others before it stops with an error")
                           ->check(CLI::Range(1.0, 86400.0))
                           ->capture_default_str()
                           ->group(ranks_group);

  std::string run;
  auto* evaluate = app.add_subcommand(
      "evaluate", "Evaluate a run where it stands: kNN top-1 of the memory bank and of features recomputed without "
                  "augmentation, positive-set precision, optionally a linear probe; appended to its metrics");
  evaluate->add_option("run", run, "Run directory")->required()->check(CLI::ExistingDirectory);
  bool evaluate_probe = false;
  evaluate->add_flag("--linear-probe", evaluate_probe, "Also train a linear classifier on conv5 features");
  auto* export_command = app.add_subcommand(
      "export", "Write a run's backbone weights, embeddings or metrics for other tools (give at least one part)");
  export_command->add_option("run", run, "Run directory")->required()->check(CLI::ExistingDirectory);
  isl::cli::ExportRequest request;
  export_command->add_option("--weights", request.weights,
                             "Backbone state dict for PyTorch (tools/isl_models.py, torchvision; see README)");
  export_command->add_option("--embeddings", request.embeddings,
                             "Folder for TensorBoard's projector: the D-dimensional memory bank with metadata and sprite");
  export_command->add_flag("--recomputed-features", request.recomputed_features,
                           "In --embeddings, features recomputed without augmentation instead of the memory bank");
  export_command->add_flag("--no-sprite", request.no_sprite,
                           "In --embeddings, leave out sprite.png (the thumbnails; needed where the build has no PNG writer)");
  export_command->add_option("--metrics", request.metrics_csv, "Metrics as a CSV file");
  export_command->add_option("--tensorboard", request.tensorboard, "Folder for a TensorBoard event file of the metrics");
  auto* info = app.add_subcommand("info", "Print a run's settings, where it stands and its latest figures");
  info->add_option("run", run, "Run directory")->required()->check(CLI::ExistingDirectory);
  auto* experiment = app.add_subcommand(
      "experiment", "Train every method of an experiment file with every seed, one run after another, into one folder; "
                    "the same command again continues an interrupted experiment (see README)");
  std::string experiment_file, experiment_folder;
  experiment->add_option("file", experiment_file, "JSON description: methods, seeds, settings, linear_probe")
      ->required()
      ->check(CLI::ExistingFile);
  experiment->add_option("--out", experiment_folder, "Folder of the experiment's runs and summary")->required();
  CLI11_PARSE(app, argc, argv);

  const bool rank_options = *world_size || *master_address || *master_port || *local_rank || *rank_timeout;
  const bool training_options = isl::cli::any_setting_given(setting_options) || !config_file.empty() || !out.empty() ||
                                !resume.empty() || linear_probe || rank_options;
  if (!app.get_subcommands().empty() && training_options) {
    std::fprintf(stderr, "error: training flags (settings, --config, --out, --resume, --linear-probe, ranks) do not go "
                         "with the subcommand '%s'\n", app.get_subcommands().front()->get_name().c_str());
    return 2;
  }
  if (*evaluate) return isl::cli::evaluate_run(run, evaluate_probe);
  if (*info) return isl::cli::print_run_info(run);
  if (*experiment) return isl::cli::run_experiment(experiment_file, experiment_folder);
  if (*export_command) {
    if (request.empty()) {
      std::fprintf(stderr, "error: export needs at least one of --weights, --embeddings, --metrics, --tensorboard\n");
      return 2;
    }
    if ((request.recomputed_features || request.no_sprite) && request.embeddings.empty()) {
      std::fprintf(stderr, "error: --recomputed-features and --no-sprite go with --embeddings\n");
      return 2;
    }
    return isl::cli::export_run(run, request);
  }
  if (!resume.empty() && !out.empty()) {
    std::fprintf(stderr, "error: --resume continues the run in its own directory; --out does not go with it\n");
    return 2;
  }

  isl::cli::StopSignal::install();

  std::unique_ptr<isl::Trainer> trainer;
  std::shared_ptr<isl::Distribution> distribution;
  try {
    if (*world_size) {
      if (rendezvous.rank >= rendezvous.world_size) {
        std::fprintf(stderr, "error: --rank %d is not below --world-size %d\n", rendezvous.rank, rendezvous.world_size);
        return 2;
      }
    } else if (auto from_environment = isl::rendezvous_from_environment()) {
      rendezvous = *from_environment;
    }
    rendezvous.timeout = std::chrono::milliseconds(int64_t(rank_timeout_s * 1000));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 2;
  }
  // Rank 0 reports the run; the others say only what goes wrong, naming their rank.
  isl::cli::ProgressPrinter printer(stderr);
  isl::cli::RankMessages rank_messages(stderr, rendezvous.rank);
  isl::TrainingObserver& reporter = rendezvous.rank == 0 ? static_cast<isl::TrainingObserver&>(printer) : rank_messages;
  try {
    if (!resume.empty()) {
      std::optional<Config> changed;
      Config saved = isl::read_config_file(isl::run_files::config_path(resume));
      if (isl::cli::any_setting_given(setting_options) || !config_file.empty()) {
        if (!config_file.empty()) saved = isl::config_from_json_text(isl::read_whole_file(config_file), config_file, saved);
        changed = isl::cli::merge_settings(saved, flags, setting_options);
      }
      distribution = isl::join_run(rendezvous, changed.value_or(saved).device);
      trainer = isl::Trainer::resume(resume, changed, distribution);
    } else {
      Config base = config_file.empty() ? Config{}
                                        : isl::config_from_json_text(isl::read_whole_file(config_file), config_file);
      Config config = isl::cli::merge_settings(base, flags, setting_options);
      isl::validate(config, "command line");
      if (out.empty()) {
        char stamp[32];
        std::time_t now = std::time(nullptr);
        std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
        out = std::string("runs/") + stamp;
      }
      distribution = isl::join_run(rendezvous, config.device);
      trainer = std::make_unique<isl::Trainer>(config, out, distribution);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 2;
  }
  const auto status = isl::cli::train_in_terminal(*trainer, reporter);
  if (status == isl::cli::kBadInput) return status;
  if (status == isl::cli::kFailed) {
    // A lost rank or a full disk: the last checkpoint is intact.
    if (rendezvous.rank == 0)
      std::fprintf(stderr, "Resume with: isl-train --resume %s\n", trainer->run_directory().c_str());
    return status;
  }
  const bool finished = status == isl::cli::kFinished;
  if (finished && linear_probe) trainer->run_linear_probe();
  if (rendezvous.rank != 0) return status;
  printer.print_summary(trainer->run_directory());
  if (!finished) std::fprintf(stderr, "Resume with: isl-train --resume %s\n", trainer->run_directory().c_str());
  return status;
}
