// checkpoints/latest.pt: Trainer::resume on a prepared tiny run (8 MNIST images, AlexNet with
// D = 2, trained for its one epoch so the optimizer holds momentum buffers) whose checkpoint is
// the fuzz input. Three kinds of input:
//   - one starting with '{' is the checkpoint's JSON header: the target writes a checkpoint
//     with that header and the rest valid, so the header checks and the position are fuzzed
//     without LibTorch's zip reader in the way;
//   - one starting with 'T' replaces one tensor of a valid checkpoint (any tensor in it:
//     weights, optimizer state and counts, top-level tensors; input[1] picks it, input[2] the
//     type, input[3] the rank, then one byte per dimension, then the values), so the shape,
//     type and value checks are fuzzed;
//   - any other is written as the checkpoint file as it is (the zip container, the tensors).
// Slow per input (a model is built each time): keep its corpus small.
// With ISL_FUZZ_CHECKPOINT_SEEDS=<folder> set, the target writes its seed inputs there first.
#include <torch/script.h>
#include <torch/torch.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/isl/positive_sets.h"
#include "core/isl/proxy_gan.h"
#include "core/models/backbone.h"
#include "core/run/config.h"
#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "fuzz_target.h"

namespace fs = std::filesystem;

namespace {

constexpr int64_t kTrainImages = 8;
constexpr int64_t kTestImages = 4;
constexpr int64_t kFeatureDim = 2;

std::string run_directory;  // the prepared run; its latest.pt is replaced by each input
torch::jit::Module valid_checkpoint;          // the run's starting checkpoint, loaded as a module
std::vector<std::string> valid_tensor_names;  // its tensors, "backbone.features.0.weight" etc.
std::string valid_header;   // the header of the checkpoint the run starts with

// The rest of a valid checkpoint, as Trainer::Impl::save_checkpoint writes it.
struct CheckpointParts {
  std::shared_ptr<isl::models::BackboneImpl> backbone;
  std::unique_ptr<torch::optim::SGD> optimizer;
  std::unique_ptr<isl::ProxyGan> gan;
  std::unique_ptr<isl::PositiveSets> sets;
  torch::Tensor memory, last_proxies, last_confidence;
};
CheckpointParts* parts;

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) std::abort();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The first `count` items of a built-in MNIST IDX file.
void write_idx_prefix(const std::string& from, const std::string& to, int64_t count, size_t header, size_t item) {
  std::string bytes = read_file(from);
  if (bytes.size() < header + count * item) std::abort();
  bytes.resize(header + count * item);
  for (int i = 0; i < 4; ++i) bytes[4 + i] = char(uint8_t(uint32_t(count) >> (24 - 8 * i)));
  write_file(to, bytes);
}

torch::Tensor text_tensor(const std::string& text) {
  return torch::from_blob(const_cast<char*>(text.data()), {int64_t(text.size())}, torch::kUInt8).clone();
}

std::string checkpoint_with_header(const std::string& header, bool header_only) {
  torch::serialize::OutputArchive archive;
  archive.write("header", text_tensor(header));
  if (!header_only) {
    torch::serialize::OutputArchive backbone_archive, optimizer_archive, gan_archive;
    parts->backbone->save(backbone_archive);
    parts->optimizer->save(optimizer_archive);
    parts->gan->save(gan_archive);
    archive.write("backbone", backbone_archive);
    archive.write("optimizer", optimizer_archive);
    archive.write("gan", gan_archive);
    archive.write("memory", parts->memory);
    archive.write("mined_members", parts->sets->members());
    archive.write("mined_rounds", parts->sets->rounds());
    archive.write("mined_sizes", parts->sets->all_sizes());
    archive.write("last_proxies", parts->last_proxies);
    archive.write("last_confidence", parts->last_confidence);
  }
  std::ostringstream out;
  archive.save_to(out);
  return out.str();
}

// The valid checkpoint with one tensor replaced as the input describes.
std::string checkpoint_with_tensor(const uint8_t* data, size_t size) {
  auto byte = [&](size_t i) { return i < size ? data[i] : uint8_t(0); };
  const std::string& name = valid_tensor_names[byte(1) % valid_tensor_names.size()];
  const torch::ScalarType types[] = {torch::kFloat32, torch::kInt64, torch::kInt16, torch::kUInt8, torch::kFloat64,
                                     torch::kInt32, torch::kBool};
  const auto type = types[byte(2) % std::size(types)];
  std::vector<int64_t> sizes(byte(3) % 4);
  for (size_t d = 0; d < sizes.size(); ++d) sizes[d] = byte(4 + d) % 17;
  torch::Tensor tensor = torch::zeros(sizes, torch::kUInt8);
  const size_t header = 4 + sizes.size();
  auto flat = tensor.view(-1);
  for (int64_t i = 0; i < flat.numel() && header + size_t(i) < size; ++i) flat[i] = int64_t(data[header + i]);
  tensor = tensor.to(type);
  if (size > header && (data[header] & 1) && tensor.is_floating_point()) tensor = tensor * 1e30 - 3;

  torch::jit::Module owner = valid_checkpoint;
  std::string key = name;
  for (size_t dot; (dot = key.find('.')) != std::string::npos; key = key.substr(dot + 1))
    owner = owner.attr(key.substr(0, dot)).toModule();
  const auto original = owner.attr(key);
  owner.setattr(key, tensor);
  std::ostringstream out;
  valid_checkpoint.save(out);
  owner.setattr(key, original);
  return out.str();
}

void write_seeds(const std::string& folder) {
  fs::create_directories(folder);
  write_file(folder + "/header-valid.json", valid_header);
  auto changed = [&](const char* name, auto&& change) {
    auto header = nlohmann::json::parse(valid_header);
    change(header);
    write_file(folder + "/" + name, header.dump());
  };
  changed("header-format-2.json", [](auto& h) { h["format"] = 2; });
  changed("header-images-9.json", [](auto& h) { h["images"] = 9; });
  changed("header-arch-resnet18.json", [](auto& h) { h["arch"] = "resnet18"; });
  changed("header-stage-unknown.json", [](auto& h) { h["position"]["stage"] = "warmup"; });
  changed("header-round-float.json", [](auto& h) { h["position"]["round"] = 1.5; });
  changed("header-no-position.json", [](auto& h) { h.erase("position"); });
  write_file(folder + "/raw-header-only.pt", checkpoint_with_header(valid_header, true));
  write_file(folder + "/raw-not-a-zip.pt", "PK\x03\x04 not a zip archive");
  // 'T', the tensor's index, its type, rank and dimensions, then the values.
  auto tensor_seed = [&](const std::string& tensor, std::vector<uint8_t> bytes) {
    const auto at = std::find(valid_tensor_names.begin(), valid_tensor_names.end(), tensor);
    if (at == valid_tensor_names.end()) std::abort();
    bytes.insert(bytes.begin(), {uint8_t('T'), uint8_t(at - valid_tensor_names.begin())});
    return std::string(bytes.begin(), bytes.end());
  };
  auto repeated = [](std::vector<uint8_t> bytes, size_t count, uint8_t value) {
    bytes.insert(bytes.end(), count, value);
    return bytes;
  };
  // memory as float [8, 2] and [8, 3]; mined sizes as int64 [8] of 1 and of 9; proxies as int64.
  write_file(folder + "/tensor-memory-8x2", tensor_seed("memory", repeated({0, 2, 8, 2}, 16, 1)));
  write_file(folder + "/tensor-memory-8x3", tensor_seed("memory", {0, 2, 8, 3}));
  write_file(folder + "/tensor-sizes-1", tensor_seed("mined_sizes", repeated({1, 1, 8}, 8, 1)));
  write_file(folder + "/tensor-sizes-9", tensor_seed("mined_sizes", repeated({1, 1, 8}, 8, 9)));
  write_file(folder + "/tensor-proxies-int", tensor_seed("last_proxies", {1, 2, 8, 2}));
  auto first_named = [&](const char* part) {
    const auto at = std::find_if(valid_tensor_names.begin(), valid_tensor_names.end(),
                                 [&](const std::string& name) { return name.find(part) != std::string::npos; });
    if (at == valid_tensor_names.end()) std::abort();
    return *at;
  };
  // a backbone weight as float [3]; a momentum buffer as float [2, 2]; the optimizer's
  // parameter count as int64 9.
  write_file(folder + "/tensor-backbone-weight", tensor_seed(first_named("backbone."), {0, 1, 3}));
  write_file(folder + "/tensor-momentum-2x2", tensor_seed(first_named("momentum_buffer"), {0, 2, 2, 2}));
  write_file(folder + "/tensor-optimizer-count", tensor_seed(first_named("params/size"), {1, 0, 9}));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  torch::set_num_threads(1);
  char pattern[] = "/tmp/isl-fuzz-checkpoint-XXXXXX";
  if (!mkdtemp(pattern)) std::abort();
  const std::string base = pattern;
  std::atexit([] { std::error_code e; fs::remove_all(fs::path(run_directory).parent_path(), e); });

  const std::string data = base + "/mnist";
  fs::create_directories(data);
  const std::string built_in = ISL_BUILT_IN_DATA;
  write_idx_prefix(built_in + "/train-images-idx3-ubyte", data + "/train-images-idx3-ubyte", kTrainImages, 16, 784);
  write_idx_prefix(built_in + "/train-labels-idx1-ubyte", data + "/train-labels-idx1-ubyte", kTrainImages, 8, 1);
  write_idx_prefix(built_in + "/t10k-images-idx3-ubyte", data + "/t10k-images-idx3-ubyte", kTestImages, 16, 784);
  write_idx_prefix(built_in + "/t10k-labels-idx1-ubyte", data + "/t10k-labels-idx1-ubyte", kTestImages, 8, 1);

  isl::Config config;
  config.data_kind = "mnist";
  config.data_path = data;
  config.arch = "alexnet";
  config.feature_dim = kFeatureDim;
  config.rounds = 1;
  config.backbone_epochs = 1;
  config.batch = 4;
  config.tracked_anchors = 4;
  config.negative_candidates = 4;
  config.device = "cpu";
  config.precision = "fp32";
  config.loader_workers = 1;
  run_directory = base + "/run";
  isl::Trainer(config, run_directory).run();  // writes config.json and a trained checkpoint

  const std::string latest = isl::run_files::latest_checkpoint_path(run_directory);
  torch::serialize::InputArchive archive;
  archive.load_from(latest);
  torch::Tensor header;
  archive.read("header", header);
  valid_header.assign(reinterpret_cast<const char*>(header.data_ptr<uint8_t>()), size_t(header.numel()));

  valid_checkpoint = torch::jit::load(latest);
  for (const auto& item : valid_checkpoint.named_attributes(true))
    if (item.value.isTensor()) valid_tensor_names.push_back(item.name);
  if (valid_tensor_names.size() < 2 || valid_tensor_names.size() > 255) std::abort();

  parts = new CheckpointParts;
  parts->backbone = isl::models::make_backbone({isl::models::Arch::AlexNet, false, kFeatureDim});
  parts->optimizer = std::make_unique<torch::optim::SGD>(
      parts->backbone->parameters(), torch::optim::SGDOptions(config.learning_rate).momentum(config.sgd_momentum));
  parts->gan = std::make_unique<isl::ProxyGan>(kFeatureDim, isl::GanOptions{});
  parts->sets = std::make_unique<isl::PositiveSets>(kTrainImages, torch::kCPU);
  parts->memory = torch::zeros({kTrainImages, kFeatureDim});
  parts->last_proxies = torch::zeros({kTrainImages, kFeatureDim});
  parts->last_confidence = torch::full({kTrainImages}, -1.0);

  if (const char* seeds = std::getenv("ISL_FUZZ_CHECKPOINT_SEEDS")) write_seeds(seeds);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const char mode = size > 0 ? char(data[0]) : 0;
  write_file(isl::run_files::latest_checkpoint_path(run_directory),
             mode == '{'   ? checkpoint_with_header(input, false)
             : mode == 'T' ? checkpoint_with_tensor(data, size)
                           : input);
  isl::fuzz::expect_only_input_errors([&] { isl::Trainer::resume(run_directory); });
  return 0;
}
