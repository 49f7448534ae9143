#pragma once
// How the processes of one run work together: a process alone, or one process per rank on
// PyTorch's own distributed engine (c10d: a TCPStore rendezvous, Gloo on the CPU, NCCL on CUDA).
// The trainer speaks only to this interface, so that the one-process run has no branches for
// the distributed one.
#include <torch/torch.h>

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/dist/rendezvous.h"

namespace isl {

// A collective that did not complete: another rank died, or did not answer within the timeout.
// Not bad input: the run resumes from its last checkpoint once every rank runs again.
class RankLost : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Distribution {
 public:
  virtual ~Distribution() = default;
  virtual int rank() const = 0;
  virtual int world_size() const = 0;
  virtual std::string backend() const = 0;  // "single", "gloo", "nccl"
  virtual int local_rank() const = 0;       // this rank's CUDA device on its machine
  bool leads() const { return rank() == 0; }  // rank 0 writes the run directory

  // Sums each tensor over the ranks, in place, in one call; every rank ends with the sums.
  virtual void all_reduce_sum(std::vector<torch::Tensor>& tensors) = 0;
  // The rows of every rank's `rows` in rank order; the row counts may differ between ranks,
  // the other dimensions and the type may not.
  virtual torch::Tensor all_gather_rows(const torch::Tensor& rows) = 0;
  // Rank `root`'s values in `tensor` on every rank.
  virtual void broadcast(torch::Tensor& tensor, int root) = 0;
  virtual void barrier() = 0;
};

std::unique_ptr<Distribution> single_process();

// Joins the run's process group: rank 0 serves the TCPStore at master_address:master_port,
// the others connect to it; Gloo on the CPU, NCCL where `device` is a CUDA device (in LibTorch
// builds that have it). Throws InputError when the rendezvous fails or times out.
std::unique_ptr<Distribution> join_process_group(const Rendezvous& rendezvous, const torch::Device& device);

}  // namespace isl
