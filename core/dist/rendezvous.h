#pragma once
// Where the ranks of a run meet, without LibTorch's headers (isl-train reads it from its
// flags or torchrun's environment).
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace isl {

class Distribution;

struct Rendezvous {
  std::string master_address = "127.0.0.1";
  int master_port = 29500;
  int rank = 0;
  int world_size = 1;
  int local_rank = 0;  // the CUDA device of this rank on its machine
  // How long a rank waits for the others, at the rendezvous and in every collective, before
  // it stops with an error naming what it waited for.
  std::chrono::milliseconds timeout{std::chrono::minutes(5)};
};

// RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT as torchrun sets them; nullopt when
// WORLD_SIZE is unset. Throws InputError naming a variable that is set but not valid.
std::optional<Rendezvous> rendezvous_from_environment();

// Joins the process group of a run whose device setting is `device_setting` (config.device:
// auto, cpu, cuda): Gloo on the CPU, NCCL on this rank's GPU (local_rank). A world of one is
// the process alone. Throws InputError when the rendezvous fails or times out.
std::shared_ptr<Distribution> join_run(const Rendezvous& rendezvous, const std::string& device_setting);

}  // namespace isl
