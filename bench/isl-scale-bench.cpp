// isl-scale-bench: how the engine's per-epoch pieces grow with the number of images N, on a
// synthetic memory bank (random unit rows, D = 128) and synthetic positive sets (N / 2 random
// pairs, so about 0.5 mined pairs per image, plus one hub per 10,000 images paired with 40
// others). Prints one JSON object per case and size,
//   {"case", "n", "seconds", "peak_mib"}
// where peak_mib is the case's own peak beyond what the process held when it began (the bank
// and the sets): the growth of the peak resident size, read from /proc/self/status's VmHWM
// after resetting it through /proc/self/clear_refs. Then one line per case with
// growth_exponent, the least-squares slope of log seconds over log N (1: linear).
//
//   isl-scale-bench [--sizes 50000,200000,1281167] [--cases loss_step,mining_batch,knn,snapshot,checkpoint]
//
// The cases:
//   loss_step     one backbone ISL loss forward and backward (isl_loss) for B = 256 against the bank
//   mining_batch  one mining batch (mine_batch) of B = 256 anchors with a fresh ProxyGan
//   knn           weighted kNN (k = 200) of 10,000 test features against the bank
//   snapshot      what a snapshot costs: the sets' rows (PositiveSets::to_rows, as the trainer
//                 takes them), SnapshotBuilder::build (projection, Euclidean comparison),
//                 write_snapshot_file, read_snapshot_file. The job's copy of the bank is made
//                 before the case: it is the bank the builder works on.
//   checkpoint    the bank-sized part of checkpoints/latest.pt as Trainer::Impl::save_checkpoint
//                 writes it and load_checkpoint reads it back (memory bank, mined sets with
//                 rounds and sizes, the latest proxy and confidence of every image, tracked
//                 anchors) through a LibTorch archive, write_file_atomically and the type-code
//                 check; the networks and optimiser states, whose size does not depend on N,
//                 are left out (the trainer's own functions need a whole Trainer).
// Goal: every case linear in N or better; a snapshot of 1,281,167 images under 10 s and 200 MiB.
#include <CLI/CLI.hpp>
#include <torch/torch.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bench_timing.h"
#include "core/eval/knn.h"
#include "core/isl/isl_loss.h"
#include "core/isl/memory_bank.h"
#include "core/isl/miner.h"
#include "core/isl/positive_sets.h"
#include "core/isl/proxy_gan.h"
#include "core/run/checkpoint_type_code.h"
#include "core/run/run_files.h"
#include "core/run/snapshot_builder.h"

namespace {

using isl::bench::json;
using isl::bench::round3;

constexpr int64_t kDim = 128;
constexpr int64_t kBatch = 256;
constexpr int64_t kTestImages = 10000;
constexpr int64_t kClasses = 1000;
constexpr int64_t kTrackedAnchors = 64;

// Kibibytes from a "Name:   1234 kB" line of /proc/self/status.
double status_mib(const std::string& name) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind(name + ":", 0) == 0) return std::stod(line.substr(name.size() + 1)) / 1024.0;
  return std::nan("");
}

// The peak resident size since the last reset, against the resident size at the reset.
class PeakMemory {
 public:
  PeakMemory() {
    std::ofstream("/proc/self/clear_refs") << "5";
    start_ = status_mib("VmRSS");
  }
  double growth_mib() const { return status_mib("VmHWM") - start_; }

 private:
  double start_ = 0;
};

struct Synthetic {
  int64_t n = 0;
  torch::Tensor bank;    // [N, D] unit rows
  torch::Tensor labels;  // [N] in 0..kClasses-1
  std::unique_ptr<isl::PositiveSets> sets;
};

Synthetic make_synthetic(int64_t n) {
  torch::manual_seed(uint64_t(n));
  Synthetic s;
  s.n = n;
  s.bank = torch::nn::functional::normalize(torch::randn({n, kDim}),
                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
  s.labels = torch::randint(kClasses, {n}, torch::kInt64);
  s.sets = std::make_unique<isl::PositiveSets>(n);
  s.sets->add_symmetric(torch::randint(n, {n / 2}, torch::kInt64), torch::randint(n, {n / 2}, torch::kInt64), 0);
  const int64_t hubs = std::max<int64_t>(1, n / 10000);
  constexpr int64_t kHubPartners = 40;
  auto hub = torch::randint(n, {hubs, 1}, torch::kInt64).expand({hubs, kHubPartners}).flatten();
  s.sets->add_symmetric(hub, torch::randint(n, {hubs * kHubPartners}, torch::kInt64), 1);
  return s;
}

torch::Tensor unit_rows(int64_t rows) {
  return torch::nn::functional::normalize(torch::randn({rows, kDim}),
                                          torch::nn::functional::NormalizeFuncOptions().dim(1));
}

void loss_step(const Synthetic& s) {
  auto raw = torch::randn({kBatch, kDim}, torch::requires_grad());
  auto features = torch::nn::functional::normalize(raw, torch::nn::functional::NormalizeFuncOptions().dim(1));
  auto indices = torch::randint(s.n, {kBatch}, torch::kInt64);
  auto terms = isl::isl_loss(features, s.bank, indices, s.sets->rows(indices), isl::LossOptions{});
  terms.total.backward();
}

void mining_batch(const Synthetic& s, isl::MemoryBank& memory, isl::ProxyGan& gan) {
  auto indices = torch::randint(s.n, {kBatch}, torch::kInt64);
  auto generator = torch::make_generator<at::CPUGeneratorImpl>(uint64_t(s.n));
  auto found = isl::mine_batch(s.bank.index_select(0, indices), indices, memory, *s.sets, gan,
                               isl::MinerOptions{}, generator);
  s.sets->add_symmetric(found.anchors, found.others, 2);
}

void knn(const Synthetic& s, const torch::Tensor& test, const torch::Tensor& test_labels) {
  isl::eval::weighted_knn_top1(s.bank, s.labels, test, test_labels, kClasses, isl::eval::KnnOptions{});
}

void snapshot(const Synthetic& s, isl::SnapshotJob job, const std::string& path) {
  auto rows = s.sets->to_rows();
  job.snapshot.positives = isl::SetRows{std::move(rows.offsets), std::move(rows.members), std::move(rows.rounds)};
  const isl::Snapshot built = isl::SnapshotBuilder::build(job, nullptr);
  isl::write_snapshot_file(path, built);
  const isl::Snapshot back = isl::read_snapshot_file(path);
  if (back.images != s.n) throw std::runtime_error("the snapshot did not read back");
}

isl::SnapshotJob snapshot_job(const Synthetic& s) {
  isl::SnapshotJob job;
  isl::Snapshot& snap = job.snapshot;
  snap.round = 1;
  snap.stage = isl::Stage::Backbone;
  snap.images = s.n;
  snap.num_classes = int(kClasses);
  auto labels = s.labels.to(torch::kInt32).contiguous();
  snap.labels.assign(labels.data_ptr<int>(), labels.data_ptr<int>() + s.n);
  for (int64_t a = 0; a < kTrackedAnchors; ++a) snap.proxy_anchors.push_back(a * (s.n / kTrackedAnchors));
  snap.proxy_confidence.assign(size_t(kTrackedAnchors), 0.5f);
  auto proxies = unit_rows(kTrackedAnchors).contiguous();
  job.proxies.assign(proxies.data_ptr<float>(), proxies.data_ptr<float>() + proxies.numel());
  auto bank = s.bank.contiguous();
  job.memory.assign(bank.data_ptr<float>(), bank.data_ptr<float>() + bank.numel());
  job.dim = kDim;
  job.seed = 7;
  return job;
}

void checkpoint(const Synthetic& s, const torch::Tensor& last_proxies, const torch::Tensor& last_confidence,
                const std::string& path) {
  {
    torch::serialize::OutputArchive archive;
    archive.write("memory", s.bank);
    archive.write("mined_members", s.sets->members());
    archive.write("mined_rounds", s.sets->rounds());
    archive.write("mined_sizes", s.sets->all_sizes());
    archive.write("last_proxies", last_proxies);
    archive.write("last_confidence", last_confidence);
    archive.write("tracked_anchors", torch::arange(kTrackedAnchors, torch::kInt64));
    isl::write_file_atomically(path, [&archive](std::ostream& out) {
      archive.save_to([&out](const void* data, size_t size) {
        if (out) out.write(static_cast<const char*>(data), std::streamsize(size));
        return size;
      });
    });
  }
  isl::check_checkpoint_type_code(path);
  torch::serialize::InputArchive archive;
  archive.load_from(path, torch::kCPU);
  torch::Tensor bank, members, rounds, sizes, proxies, confidence, tracked;
  archive.read("memory", bank);
  archive.read("mined_members", members);
  archive.read("mined_rounds", rounds);
  archive.read("mined_sizes", sizes);
  archive.read("last_proxies", proxies);
  archive.read("last_confidence", confidence);
  archive.read("tracked_anchors", tracked);
  // The checks load_checkpoint makes on the sets (read_sets in trainer_checkpoint.cpp).
  const int64_t width = members.size(1);
  const auto used = torch::arange(width, sizes.options()).unsqueeze(0) < sizes.unsqueeze(1);
  if (bank.size(0) != s.n || !members.select(1, 0).equal(torch::arange(s.n, members.options())) ||
      !members.ge(0).equal(used))
    throw std::runtime_error("the checkpoint did not read back");
}

double seconds_of(const std::function<void()>& body) {
  const auto start = std::chrono::steady_clock::now();
  body();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ','))
    if (!part.empty()) parts.push_back(part);
  return parts;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"isl-scale-bench: time and memory of the engine's per-epoch pieces as N grows"};
  std::string sizes_text = "50000,200000,1281167";
  std::string cases_text = "loss_step,mining_batch,knn,snapshot,checkpoint";
  app.add_option("--sizes", sizes_text, "numbers of images, comma separated");
  app.add_option("--cases", cases_text, "loss_step, mining_batch, knn, snapshot, checkpoint; comma separated");
  CLI11_PARSE(app, argc, argv);

  try {
    std::vector<int64_t> sizes;
    for (const auto& part : split(sizes_text)) {
      const int64_t n = std::stoll(part);
      if (n < 2 * kBatch) throw std::invalid_argument("a size below " + std::to_string(2 * kBatch) + ": " + part);
      sizes.push_back(n);
    }
    const std::vector<std::string> known = {"loss_step", "mining_batch", "knn", "snapshot", "checkpoint"};
    const auto cases = split(cases_text);
    for (const auto& name : cases)
      if (std::find(known.begin(), known.end(), name) == known.end())
        throw std::invalid_argument("an unknown case: " + name);

    const auto folder = std::filesystem::temp_directory_path() / ("isl-scale-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    std::map<std::string, std::vector<std::pair<double, double>>> timings;  // case -> (n, seconds)
    for (int64_t n : sizes) {
      Synthetic s = make_synthetic(n);
      for (const auto& name : cases) {
        double seconds = 0, peak = 0;
        auto measure = [&](const std::function<void()>& body) {
          PeakMemory memory;
          seconds = seconds_of(body);
          peak = memory.growth_mib();
        };
        if (name == "loss_step") {
          loss_step(s);  // warm-up: LibTorch's first call sets up its kernels
          measure([&] { loss_step(s); });
        } else if (name == "mining_batch") {
          isl::MemoryBank memory(s.bank);
          isl::ProxyGan gan(kDim, isl::GanOptions{});
          mining_batch(s, memory, gan);
          measure([&] { mining_batch(s, memory, gan); });
        } else if (name == "knn") {
          auto test = unit_rows(kTestImages);
          auto test_labels = torch::randint(kClasses, {kTestImages}, torch::kInt64);
          measure([&] { knn(s, test, test_labels); });
        } else if (name == "snapshot") {
          auto job = snapshot_job(s);
          const std::string path = (folder / "bench.snap").string();
          measure([&] { snapshot(s, std::move(job), path); });
        } else {
          auto proxies = unit_rows(n);
          auto confidence = torch::rand({n});
          const std::string path = (folder / "latest.pt").string();
          measure([&] { checkpoint(s, proxies, confidence, path); });
        }
        timings[name].push_back({double(n), seconds});
        json line;
        line["case"] = name;
        line["n"] = n;
        line["seconds"] = round3(seconds);
        line["peak_mib"] = std::round(peak * 10) / 10;
        std::cout << line.dump() << std::endl;
      }
    }
    std::filesystem::remove_all(folder);
    for (const auto& name : cases) {
      const auto& points = timings[name];
      if (points.size() < 2) continue;
      double mx = 0, my = 0;
      for (const auto& [n, t] : points) {
        mx += std::log(n);
        my += std::log(t);
      }
      mx /= double(points.size());
      my /= double(points.size());
      double sxy = 0, sxx = 0;
      for (const auto& [n, t] : points) {
        sxy += (std::log(n) - mx) * (std::log(t) - my);
        sxx += (std::log(n) - mx) * (std::log(n) - mx);
      }
      json line;
      line["case"] = name;
      line["growth_exponent"] = round3(sxx > 0 ? sxy / sxx : std::nan(""));
      std::cout << line.dump() << std::endl;
    }
  } catch (const std::exception& error) {
    std::cerr << "isl-scale-bench: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
