#include "core/dist/distribution.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <cstdlib>

#include "core/input_error.h"
#include "core/run/compute_device.h"

namespace isl {

namespace {

class SingleProcess final : public Distribution {
 public:
  int rank() const override { return 0; }
  int world_size() const override { return 1; }
  std::string backend() const override { return "single"; }
  int local_rank() const override { return 0; }
  void all_reduce_sum(std::vector<torch::Tensor>&) override {}
  torch::Tensor all_gather_rows(const torch::Tensor& rows) override { return rows; }
  void broadcast(torch::Tensor&, int) override {}
  void barrier() override {}
};

class ProcessGroupDistribution final : public Distribution {
 public:
  ProcessGroupDistribution(c10::intrusive_ptr<c10d::Store> store, c10::intrusive_ptr<c10d::ProcessGroup> group,
                           std::string backend, const Rendezvous& rendezvous)
      : store_(std::move(store)),
        group_(std::move(group)),
        backend_(std::move(backend)),
        local_rank_(rendezvous.local_rank),
        timeout_(rendezvous.timeout) {}

  int rank() const override { return group_->getRank(); }
  int world_size() const override { return group_->getSize(); }
  std::string backend() const override { return backend_; }
  int local_rank() const override { return local_rank_; }

  void all_reduce_sum(std::vector<torch::Tensor>& tensors) override {
    if (tensors.empty()) return;
    // One flat buffer per call: a single collective instead of one per tensor.
    std::vector<torch::Tensor> flat{torch::cat(flattened(tensors))};
    finish(group_->allreduce(flat), "an all-reduce");
    int64_t offset = 0;
    for (auto& tensor : tensors) {
      const int64_t count = tensor.numel();
      tensor.copy_(flat[0].narrow(0, offset, count).view_as(tensor));
      offset += count;
    }
  }

  torch::Tensor all_gather_rows(const torch::Tensor& rows) override {
    const int ranks = world_size();
    auto count = torch::tensor({rows.size(0)}, torch::TensorOptions().dtype(torch::kInt64).device(rows.device()));
    auto counts = gather_same_shape(count).cpu();
    int64_t most = 0;
    for (int r = 0; r < ranks; ++r) most = std::max(most, counts[r].item<int64_t>());
    auto shape = rows.sizes().vec();
    shape[0] = most;
    auto padded = torch::zeros(shape, rows.options());
    padded.narrow(0, 0, rows.size(0)).copy_(rows);
    auto all = gather_same_shape(padded);
    std::vector<torch::Tensor> parts;
    for (int r = 0; r < ranks; ++r) parts.push_back(all.narrow(0, r * most, counts[r].item<int64_t>()));
    return torch::cat(parts);
  }

  void broadcast(torch::Tensor& tensor, int root) override {
    std::vector<torch::Tensor> tensors{tensor};
    c10d::BroadcastOptions options;
    options.rootRank = root;
    finish(group_->broadcast(tensors, options), "a broadcast");
  }

  void barrier() override { finish(group_->barrier(), "a barrier"); }

 private:
  static std::vector<torch::Tensor> flattened(const std::vector<torch::Tensor>& tensors) {
    std::vector<torch::Tensor> flat;
    for (const auto& tensor : tensors) flat.push_back(tensor.reshape({-1}));
    return flat;
  }

  // Every rank's `tensor` (the same shape everywhere) stacked along dimension 0.
  torch::Tensor gather_same_shape(const torch::Tensor& tensor) {
    std::vector<torch::Tensor> input{tensor.contiguous()};
    std::vector<std::vector<torch::Tensor>> output(1);
    for (int r = 0; r < world_size(); ++r) output[0].push_back(torch::empty_like(input[0]));
    finish(group_->allgather(output, input), "an all-gather");
    return torch::cat(output[0]);
  }

  void finish(const c10::intrusive_ptr<c10d::Work>& work, const char* what) {
    try {
      work->wait(timeout_);
    } catch (const std::exception& error) {
      const std::string cause(error.what());
      throw RankLost("rank " + std::to_string(rank()) + " of " + std::to_string(world_size()) +
                     ": lost the other ranks in " + what + " (" + backend_ + "): " + cause.substr(0, cause.find('\n')));
    }
  }

  c10::intrusive_ptr<c10d::Store> store_;  // kept alive for as long as the group
  c10::intrusive_ptr<c10d::ProcessGroup> group_;
  std::string backend_;
  int local_rank_;
  std::chrono::milliseconds timeout_;
};

int environment_number(const char* name, int lowest, int highest) {
  const char* text = std::getenv(name);
  if (!text) throw InputError(name, "is not set, but WORLD_SIZE is");
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (*text == '\0' || *end != '\0' || value < lowest || value > highest)
    throw InputError(name, "must be a whole number from " + std::to_string(lowest) + " to " + std::to_string(highest) +
                               ", got '" + text + "'");
  return int(value);
}

}  // namespace

std::unique_ptr<Distribution> single_process() { return std::make_unique<SingleProcess>(); }

std::optional<Rendezvous> rendezvous_from_environment() {
  if (!std::getenv("WORLD_SIZE")) return std::nullopt;
  Rendezvous r;
  r.world_size = environment_number("WORLD_SIZE", 1, 65536);
  r.rank = environment_number("RANK", 0, r.world_size - 1);
  r.local_rank = std::getenv("LOCAL_RANK") ? environment_number("LOCAL_RANK", 0, 65535) : 0;
  r.master_port = environment_number("MASTER_PORT", 1, 65535);
  const char* address = std::getenv("MASTER_ADDR");
  if (!address || !*address) throw InputError("MASTER_ADDR", "is not set, but WORLD_SIZE is");
  r.master_address = address;
  return r;
}

std::unique_ptr<Distribution> join_process_group(const Rendezvous& rendezvous, const torch::Device& device) {
  if (rendezvous.world_size == 1) return single_process();
  const std::string where = rendezvous.master_address + ":" + std::to_string(rendezvous.master_port);
  try {
    c10d::TCPStoreOptions options;
    options.port = uint16_t(rendezvous.master_port);
    options.isServer = rendezvous.rank == 0;
    options.numWorkers = size_t(rendezvous.world_size);
    options.waitWorkers = false;  // the process group's own rendezvous waits for every rank
    options.timeout = rendezvous.timeout;
    auto store = c10::make_intrusive<c10d::TCPStore>(rendezvous.master_address, options);
#ifdef USE_C10D_NCCL
    if (device.is_cuda()) {
      auto nccl = c10d::ProcessGroupNCCL::Options::create();
      nccl->timeout = rendezvous.timeout;
      auto group = c10::make_intrusive<c10d::ProcessGroupNCCL>(store, rendezvous.rank, rendezvous.world_size, nccl);
      return std::make_unique<ProcessGroupDistribution>(store, group, "nccl", rendezvous);
    }
#endif
    if (device.is_cuda())
      throw InputError("--device " + device.str(), "needs NCCL for several processes, which this LibTorch lacks");
    auto gloo = c10d::ProcessGroupGloo::Options::create(rendezvous.timeout);
    // Ranks that meet on the loopback stay on it; across machines each binds the address its
    // host name resolves to.
    const bool loopback = rendezvous.master_address == "localhost" || rendezvous.master_address.rfind("127.", 0) == 0;
    gloo->devices.push_back(loopback ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                     : c10d::ProcessGroupGloo::createDefaultDevice());
    gloo->threads = 2;
    auto group = c10::make_intrusive<c10d::ProcessGroupGloo>(store, rendezvous.rank, rendezvous.world_size, gloo);
    return std::make_unique<ProcessGroupDistribution>(store, group, "gloo", rendezvous);
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& error) {
    const std::string what = error.what();
    throw InputError("rank " + std::to_string(rendezvous.rank) + " of " + std::to_string(rendezvous.world_size),
                     "could not join the run's process group at " + where + ": " + what.substr(0, what.find('\n')));
  }
}

std::shared_ptr<Distribution> join_run(const Rendezvous& rendezvous, const std::string& device_setting) {
  torch::Device device = choose_device(device_setting);
  if (device.is_cuda()) device = torch::Device(torch::kCUDA, c10::DeviceIndex(rendezvous.local_rank));
  return join_process_group(rendezvous, device);
}

}  // namespace isl
