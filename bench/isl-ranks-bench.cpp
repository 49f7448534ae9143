// isl-ranks-bench: the backbone stage on one process and on two ranks of this machine (c10d,
// Gloo over the loopback), each rank with its share of the cores, and the time its
// collectives take per step. Prints one JSON object per line:
//   {"case":"backbone","processes":P,"threads_per_process":T,"global_batch":B,"ms_per_step":..,
//    "images_per_s":..,"all_reduce_ms_per_step":..,"all_gather_ms_per_step":..}
// and a last line {"case":"backbone_speedup","processes":2,"ratio_to_one_process":..} (images/s
// of two processes over one).
//
//   isl-ranks-bench [--arch alexnet|resnet18] [--precision fp32|bf16] [--steps 10] [--warmup 2]
//
// Each measurement runs in processes of its own, started by this program from its own file
// (/proc/self/exe) with --rank and --world-size; rank 0 prints the line. The steps are the
// trainer's own backbone batches (Trainer::Impl::run_batches) on the built-in digits with its
// default settings: all-reduce covers the gradients and the loss figures, all-gather the
// features and indices for the memory bank.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "core/dist/distribution.h"
#include "core/run/trainer_engine.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A Distribution that adds up the time spent in each kind of collective.
class TimedDistribution : public isl::Distribution {
 public:
  explicit TimedDistribution(std::unique_ptr<isl::Distribution> inner) : inner_(std::move(inner)) {}
  int rank() const override { return inner_->rank(); }
  int world_size() const override { return inner_->world_size(); }
  std::string backend() const override { return inner_->backend(); }
  int local_rank() const override { return inner_->local_rank(); }
  void all_reduce_sum(std::vector<torch::Tensor>& tensors) override {
    const auto start = Clock::now();
    inner_->all_reduce_sum(tensors);
    all_reduce_seconds += seconds_since(start);
  }
  torch::Tensor all_gather_rows(const torch::Tensor& rows) override {
    const auto start = Clock::now();
    auto gathered = inner_->all_gather_rows(rows);
    all_gather_seconds += seconds_since(start);
    return gathered;
  }
  void broadcast(torch::Tensor& tensor, int root) override { inner_->broadcast(tensor, root); }
  void barrier() override { inner_->barrier(); }

  double all_reduce_seconds = 0, all_gather_seconds = 0;

 private:
  std::unique_ptr<isl::Distribution> inner_;
};

struct Settings {
  std::string arch = "alexnet", precision = "fp32";
  int steps = 10, warmup = 2;
};

// One rank's part: the backbone stage's batches, timed after the warm-up.
int run_rank(const Settings& settings, int rank, int world_size, int port) {
  std::shared_ptr<TimedDistribution> distribution;
  if (world_size == 1) {
    distribution = std::make_shared<TimedDistribution>(isl::single_process());
  } else {
    isl::Rendezvous rendezvous;
    rendezvous.rank = rank;
    rendezvous.world_size = world_size;
    rendezvous.master_port = port;
    rendezvous.timeout = std::chrono::seconds(120);
    distribution = std::make_shared<TimedDistribution>(isl::join_process_group(rendezvous, torch::kCPU));
  }
  isl::Config config;
  config.data_path = ISL_BUILT_IN_DATA;
  config.arch = settings.arch;
  config.precision = settings.precision;
  config.device = "cpu";
  const auto directory = std::filesystem::temp_directory_path() / ("isl-ranks-bench-" + std::to_string(::getpid()));
  isl::Trainer::Impl engine(config, directory.string(), distribution);
  engine.open_data();
  engine.build_model();
  engine.position.stage = isl::Stage::Backbone;
  engine.backbone->train();
  engine.apply_learning_rate();
  engine.train_loader->start_epoch(engine.epoch_seed());
  engine.run_batches(settings.warmup);
  distribution->all_reduce_seconds = distribution->all_gather_seconds = 0;
  const auto start = Clock::now();
  engine.run_batches(settings.steps);
  const double seconds = seconds_since(start);
  if (rank != 0) return 0;
  const double steps = double(settings.steps);
  json line{{"case", "backbone"},
            {"arch", settings.arch},
            {"precision", settings.precision},
            {"processes", world_size},
            {"threads_per_process", at::get_num_threads()},
            {"global_batch", config.batch},
            {"steps", settings.steps},
            {"ms_per_step", seconds / steps * 1000},
            {"images_per_s", double(config.batch) * steps / seconds},
            {"all_reduce_ms_per_step", distribution->all_reduce_seconds / steps * 1000},
            {"all_gather_ms_per_step", distribution->all_gather_seconds / steps * 1000}};
  std::cout << line.dump() << std::endl;
  return 0;
}

// Starts `world_size` copies of this program as the ranks of one measurement, each with its
// share of the cores, waits for them and returns rank 0's line (empty where a rank failed).
std::string run_ranks(const Settings& settings, int world_size, int port) {
  const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
  const std::string threads = std::to_string(std::max(1, cores / world_size));
  std::vector<std::string> environment{"OMP_NUM_THREADS=" + threads};
  for (char** variable = environ; *variable; ++variable)
    if (std::string(*variable).rfind("OMP_NUM_THREADS=", 0) != 0) environment.emplace_back(*variable);
  std::vector<char*> envp;
  for (auto& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  int rank_zero_output[2];
  if (pipe(rank_zero_output) != 0) throw std::runtime_error("cannot make a pipe for rank 0's output");
  std::vector<pid_t> children;
  for (int rank = 0; rank < world_size; ++rank) {
    std::vector<std::string> arguments{"isl-ranks-bench", "--arch", settings.arch, "--precision", settings.precision,
                                       "--steps", std::to_string(settings.steps), "--warmup",
                                       std::to_string(settings.warmup), "--rank", std::to_string(rank),
                                       "--world-size", std::to_string(world_size), "--master-port",
                                       std::to_string(port)};
    std::vector<char*> argv;
    for (auto& a : arguments) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (rank == 0) posix_spawn_file_actions_adddup2(&actions, rank_zero_output[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, rank_zero_output[0]);
    pid_t child = 0;
    const int failed = posix_spawn(&child, "/proc/self/exe", &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) throw std::runtime_error("cannot start rank " + std::to_string(rank));
    children.push_back(child);
  }
  close(rank_zero_output[1]);
  std::string output;
  char buffer[4096];
  for (ssize_t got; (got = read(rank_zero_output[0], buffer, sizeof buffer)) > 0;) output.append(buffer, size_t(got));
  close(rank_zero_output[0]);
  bool all_succeeded = true;
  for (pid_t child : children) {
    int status = 0;
    waitpid(child, &status, 0);
    all_succeeded = all_succeeded && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  return all_succeeded ? output : std::string();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"isl-ranks-bench: the backbone stage on one process and on two ranks of this machine"};
  Settings settings;
  int rank = -1, world_size = 0, port = 29700;
  app.add_option("--arch", settings.arch, "backbone")->check(CLI::IsMember({"alexnet", "resnet18", "resnet50"}));
  app.add_option("--precision", settings.precision, "fp32 or bf16")->check(CLI::IsMember({"fp32", "bf16"}));
  app.add_option("--steps", settings.steps, "timed backbone steps")->check(CLI::PositiveNumber);
  app.add_option("--warmup", settings.warmup, "untimed steps before them")->check(CLI::NonNegativeNumber);
  app.add_option("--master-port", port, "loopback port of the ranks' rendezvous")->check(CLI::Range(1, 65535));
  // Set by this program for the processes it starts.
  app.add_option("--rank", rank)->group("");
  app.add_option("--world-size", world_size)->group("");
  CLI11_PARSE(app, argc, argv);
  try {
    if (rank >= 0) return run_rank(settings, rank, world_size, port);
    std::vector<json> lines;
    for (int processes : {1, 2}) {
      const std::string line = run_ranks(settings, processes, port + processes);
      if (line.empty()) {
        std::cerr << "isl-ranks-bench: a rank of the " << processes << "-process measurement failed\n";
        return 1;
      }
      std::cout << line << std::flush;
      lines.push_back(json::parse(line));
    }
    const double ratio = lines[1].at("images_per_s").get<double>() / lines[0].at("images_per_s").get<double>();
    std::cout << json{{"case", "backbone_speedup"}, {"processes", 2}, {"ratio_to_one_process", ratio}}.dump() << std::endl;
  } catch (const std::exception& error) {
    std::cerr << "isl-ranks-bench: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
