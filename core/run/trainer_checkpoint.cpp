// checkpoints/latest.pt: everything a resumed run needs to continue exactly.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <limits>
#include <vector>

#include "core/input_error.h"
#include "core/run/checkpoint_type_code.h"
#include "core/run/json_numbers.h"
#include "core/run/run_files.h"
#include "core/run/trainer_engine.h"

namespace isl {

namespace {
constexpr int kCheckpointFormat = 1;

// LibTorch's messages go on with a backtrace or the code they failed on.
std::string first_line(std::string text) {
  text.erase(0, text.find_first_not_of("\n "));
  text = text.substr(0, text.find('\n'));
  return text.empty() ? "damaged" : text;
}

torch::Tensor text_tensor(const std::string& text) {
  return torch::from_blob(const_cast<char*>(text.data()), {int64_t(text.size())}, torch::kUInt8).clone();
}

// The header is read through the host's memory: a checkpoint loaded onto a GPU holds it there.
std::string tensor_text(const torch::Tensor& tensor) {
  auto bytes = tensor.to(torch::kCPU).contiguous();
  return std::string(reinterpret_cast<const char*>(bytes.data_ptr<uint8_t>()), size_t(bytes.numel()));
}

nlohmann::json position_json(const RunPosition& p) {
  return {{"round", p.round}, {"stage", to_string(p.stage)}, {"epoch", p.epoch}, {"iteration", p.iteration},
          {"global_epoch", p.global_epoch}, {"snapshot_sequence", p.snapshot_sequence},
          {"metrics_lines", p.metrics_lines}, {"seconds", p.seconds}, {"gan_losses", p.gan_losses},
          {"epoch_sums", p.epoch_sums}, {"epoch_images", p.epoch_images}, {"learning_rate", p.learning_rate},
          {"best_knn", p.plateau.best}, {"evaluations_without_gain", p.plateau.evaluations_without_gain},
          {"last_evaluation", p.last_evaluation}, {"final_recorded", p.final_recorded}};
}

// Throws InputError(path, ...) for a value of the wrong type or out of range.
RunPosition position_from_json(const nlohmann::json& j, const Config& config, const std::string& path) {
  auto whole = [&](const char* key, int64_t minimum, int64_t maximum) {
    const auto value = json_whole_number<int64_t>(j.at(key), path, std::string("position.") + key);
    if (value < minimum || value > maximum)
      throw InputError(path, std::string("has position.") + key + " = " + std::to_string(value) +
                                 ", outside " + std::to_string(minimum) + ".." + std::to_string(maximum));
    return value;
  };
  auto number = [&](const char* key) { return json_number(j.at(key), path, std::string("position.") + key); };
  constexpr int64_t kIntMax = std::numeric_limits<int>::max();
  RunPosition p;
  p.round = int(whole("round", 0, config.rounds));
  try {
    p.stage = stage_from_string(j.at("stage"));
  } catch (const InputError& error) {
    throw InputError(path, "has an " + error.problem());
  }
  p.epoch = int(whole("epoch", 0, kIntMax));
  p.iteration = whole("iteration", 0, std::numeric_limits<int64_t>::max());
  p.global_epoch = int(whole("global_epoch", 0, kIntMax));
  p.snapshot_sequence = int(whole("snapshot_sequence", 0, kIntMax));
  p.metrics_lines = size_t(whole("metrics_lines", 0, std::numeric_limits<int64_t>::max()));
  p.seconds = number("seconds");
  p.gan_losses = j.at("gan_losses").get<std::vector<double>>();
  p.epoch_sums = j.at("epoch_sums").get<std::map<std::string, double>>();
  p.epoch_images = whole("epoch_images", 0, std::numeric_limits<int64_t>::max());
  p.learning_rate = number("learning_rate");
  p.plateau.best = number("best_knn");
  p.plateau.evaluations_without_gain = int(whole("evaluations_without_gain", 0, kIntMax));
  if (j.contains("final_recorded")) {  // absent from checkpoints written before it existed
    if (!j.at("final_recorded").is_boolean())
      throw InputError(path, "has a position.final_recorded that is not true or false");
    p.final_recorded = j.at("final_recorded").get<bool>();
  }
  // NaN values (undefined precisions) were written as null.
  for (const auto& [key, value] : j.at("last_evaluation").items())
    p.last_evaluation[key] = value.is_null() ? std::numeric_limits<double>::quiet_NaN() : json_number(value, path, key);
  return p;
}

// A tensor read from a checkpoint must have the shape and type the run expects: LibTorch
// loads whatever the file holds, and the trainer indexes these tensors directly.
void check_tensor(const torch::Tensor& tensor, at::IntArrayRef sizes, torch::ScalarType type, const std::string& path,
                  const std::string& what) {
  if (!tensor.defined() || tensor.sizes() != sizes || tensor.scalar_type() != type)
    throw InputError(path, "holds " + what + " of the wrong shape or type");
}

// Module::load and InputArchive::read into a defined tensor keep its type and take the file's
// shape unchecked (the bytes of a tensor of another type are reinterpreted), so a module's
// archive is compared with the module before it is loaded.
void check_archived_tensor(torch::serialize::InputArchive& archive, const std::string& key,
                           const torch::Tensor& expected, bool is_buffer, const std::string& path,
                           const std::string& what) {
  torch::Tensor stored;
  archive.read(key, stored, is_buffer);
  check_tensor(stored, expected.sizes(), expected.scalar_type(), path, what + " '" + key + "'");
}

void check_module_archive(torch::serialize::InputArchive& archive, const torch::nn::Module& module,
                          const std::string& path, const std::string& what) {
  for (const auto& item : module.named_parameters(false))
    check_archived_tensor(archive, item.key(), item.value(), false, path, what);
  for (const auto& item : module.named_buffers(false))
    check_archived_tensor(archive, item.key(), item.value(), true, path, what);
  for (const auto& child : module.named_children()) {
    if (!child.value()->is_serializable()) continue;
    torch::serialize::InputArchive child_archive;
    archive.read(child.key(), child_archive);
    check_module_archive(child_archive, *child.value(), path, what);
  }
}

// SGD::load takes the momentum buffers as they are; one of another shape or type would only
// fail (or broadcast silently) at the next optimizer step.
void check_momentum_buffers(const torch::optim::SGD& optimizer, const std::string& path) {
  for (const auto& group : optimizer.param_groups())
    for (const auto& parameter : group.params()) {
      const auto state = optimizer.state().find(c10::guts::to_string(parameter.unsafeGetTensorImpl()));
      if (state == optimizer.state().end()) continue;
      const auto& buffer = static_cast<const torch::optim::SGDParamState&>(*state->second).momentum_buffer();
      if (buffer.defined())
        check_tensor(buffer, parameter.sizes(), parameter.scalar_type(), path, "an optimizer momentum buffer");
    }
}

void write_sets(torch::serialize::OutputArchive& archive, const std::string& prefix, const PositiveSets& sets) {
  archive.write(prefix + "_members", sets.members());
  archive.write(prefix + "_rounds", sets.rounds());
  archive.write(prefix + "_sizes", sets.all_sizes());
}

std::unique_ptr<PositiveSets> read_sets(torch::serialize::InputArchive& archive, const std::string& prefix,
                                        int64_t images, const torch::Device& device, const std::string& path) {
  torch::Tensor members, rounds, sizes;
  archive.read(prefix + "_members", members);
  archive.read(prefix + "_rounds", rounds);
  archive.read(prefix + "_sizes", sizes);
  if (members.dim() != 2 || members.size(0) != images || rounds.sizes() != members.sizes() || sizes.numel() != images)
    throw InputError(path, "holds positive sets for a different number of images");
  check_tensor(members, members.sizes(), torch::kInt64, path, prefix + " positive sets");
  check_tensor(rounds, members.sizes(), torch::kInt16, path, prefix + " positive set rounds");
  check_tensor(sizes, {images}, torch::kInt64, path, prefix + " positive set sizes");
  // Row i holds sizes[i] members, i itself first, each an image of the data set.
  const int64_t width = members.size(1);
  if (width < 1 || images == 0 || sizes.min().item<int64_t>() < 1 || sizes.max().item<int64_t>() > width ||
      members.min().item<int64_t>() < -1 || members.max().item<int64_t>() >= images ||
      !members.select(1, 0).equal(torch::arange(images, members.options())))
    throw InputError(path, "holds damaged " + prefix + " positive sets");
  // Members of a row are the first sizes[i] entries; the rest is -1 (PositiveSets::to_rows
  // relies on both).
  const auto used = torch::arange(width, sizes.options()).unsqueeze(0) < sizes.unsqueeze(1);
  if (!members.ge(0).equal(used)) throw InputError(path, "holds damaged " + prefix + " positive sets");
  return std::make_unique<PositiveSets>(members.to(device), rounds.to(device), sizes.to(device));
}
}  // namespace

void Trainer::Impl::save_checkpoint() {
  if (!writes_run_directory()) return;
  const double seconds = position.seconds + std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  RunPosition saved = position;
  saved.seconds = seconds;
  torch::serialize::OutputArchive archive;
  nlohmann::json header = {{"format", kCheckpointFormat}, {"arch", config.arch},
                           {"imagenet_stem", config.imagenet_stem}, {"feature_dim", config.feature_dim},
                           {"images", train_images->size()}, {"method", config.method},
                           {"position", position_json(saved)}};
  archive.write("header", text_tensor(header.dump()));
  torch::serialize::OutputArchive backbone_archive, optimizer_archive, gan_archive;
  backbone->save(backbone_archive);
  optimizer->save(optimizer_archive);
  gan->save(gan_archive);
  archive.write("backbone", backbone_archive);
  archive.write("optimizer", optimizer_archive);
  archive.write("gan", gan_archive);
  archive.write("memory", memory->features());
  write_sets(archive, "mined", *mined_sets);
  if (euclidean_sets) write_sets(archive, "euclidean", *euclidean_sets);
  archive.write("last_proxies", last_proxies);
  archive.write("last_confidence", last_confidence);
  archive.write("tracked_anchors", tracked_anchors);

  // LibTorch's zip writer, given a file name, aborts the process when a write fails (its
  // destructor throws again while the first error unwinds), so the bytes go through a writer
  // that never fails towards LibTorch; the stream's state remembers whether the file took them.
  write_file_atomically(run_files::latest_checkpoint_path(run_directory), [&archive](std::ostream& out) {
    archive.save_to([&out](const void* data, size_t size) {
      if (out) out.write(static_cast<const char*>(data), std::streamsize(size));
      return size;
    });
  });
}

namespace {

// Runs `read` and turns whatever LibTorch's or the JSON reader's exceptions say about the file
// at `path` into an InputError naming it.
template <class Read>
auto reading_checkpoint(const std::string& path, Read&& read) {
  try {
    return read();
  } catch (const InputError&) {
    throw;
  } catch (const c10::Error& error) {
    throw InputError(path, std::string("is not a readable checkpoint (") + error.what_without_backtrace() + ")");
  } catch (const nlohmann::json::exception& error) {
    throw InputError(path, std::string("has a damaged header (") + error.what() + ")");
  } catch (const std::exception& error) {
    // LibTorch's archive reader also throws torch::jit::ObjectAttributeError and other
    // std::runtime_errors for a missing or retyped entry (found by fuzz_checkpoint).
    throw InputError(path, std::string("is not a readable checkpoint (") + first_line(error.what()) + ")");
  }
}

// Opens the archive at `path` and returns its header, of this program's format.
nlohmann::json open_checkpoint(torch::serialize::InputArchive& archive, const std::string& path, torch::Device device) {
  if (!std::filesystem::exists(path)) throw InputError(path, "does not exist: the run has no checkpoint to resume from");
  // torch::jit::load compiles the TorchScript that describes the archive's types; damaged
  // code can crash it, so the code is checked first. What still fails there does so with
  // c10::Error, torch::jit::ErrorReport or std::runtime_error from its lexer (found by
  // fuzz_checkpoint), none of which a checkpoint reader can tell apart.
  check_checkpoint_type_code(path);
  try {
    archive.load_from(path, device);
  } catch (const std::exception& error) {
    throw InputError(path, std::string("is not a readable checkpoint (") + first_line(error.what()) + ")");
  }
  torch::Tensor header_bytes;
  archive.read("header", header_bytes);
  auto header = nlohmann::json::parse(tensor_text(header_bytes));
  if (header.at("format") != kCheckpointFormat)
    throw InputError(path, "has checkpoint format " + header.at("format").dump() + "; this version reads " +
                               std::to_string(kCheckpointFormat));
  return header;
}

}  // namespace

RunPosition read_checkpoint_position(const std::string& path, const Config& config) {
  return reading_checkpoint(path, [&] {
    torch::serialize::InputArchive archive;
    return position_from_json(open_checkpoint(archive, path, torch::kCPU).at("position"), config, path);
  });
}

void Trainer::Impl::load_checkpoint(const std::string& path) {
  reading_checkpoint(path, [&] {
    torch::serialize::InputArchive archive;
    const auto header = open_checkpoint(archive, path, device);
    if (header.at("arch") != config.arch || header.at("imagenet_stem") != config.imagenet_stem ||
        header.at("feature_dim") != config.feature_dim)
      throw InputError(path, "holds the " + header.at("arch").get<std::string>() + " backbone with D = " +
                                 header.at("feature_dim").dump() + ", but the run is set to " + config.arch +
                                 " with D = " + std::to_string(config.feature_dim));
    if (header.at("images") != train_images->size())
      throw InputError(path, "was trained on " + header.at("images").dump() + " images, but the data set has " +
                                 std::to_string(train_images->size()));
    const RunPosition loaded_position = position_from_json(header.at("position"), config, path);
    torch::serialize::InputArchive backbone_archive, optimizer_archive, gan_archive;
    archive.read("backbone", backbone_archive);
    archive.read("optimizer", optimizer_archive);
    archive.read("gan", gan_archive);
    check_module_archive(backbone_archive, *backbone, path, "a backbone weight");
    torch::serialize::InputArchive generator_archive, discriminator_archive;
    gan_archive.read("generator", generator_archive);
    gan_archive.read("discriminator", discriminator_archive);
    check_module_archive(generator_archive, *gan->generator, path, "a generator weight");
    check_module_archive(discriminator_archive, *gan->discriminator, path, "a discriminator weight");
    backbone->load(backbone_archive);
    optimizer->load(optimizer_archive);
    check_momentum_buffers(*optimizer, path);
    gan->load(gan_archive);
    const int64_t n = train_images->size();
    torch::Tensor bank;
    archive.read("memory", bank);
    check_tensor(bank, {n, config.feature_dim}, torch::kFloat32, path, "a memory bank");
    memory->assign(bank.to(device));
    mined_sets = read_sets(archive, "mined", n, device, path);
    if (euclidean_sets) euclidean_sets = read_sets(archive, "euclidean", n, device, path);
    torch::Tensor proxies, confidence;  // read into undefined tensors: see check_module_archive
    archive.read("last_proxies", proxies);
    archive.read("last_confidence", confidence);
    check_tensor(proxies, {n, config.feature_dim}, torch::kFloat32, path, "proxies");
    check_tensor(confidence, {n}, torch::kFloat32, path, "proxy confidences");
    last_proxies = proxies;
    last_confidence = confidence;
    // Checkpoints written before anchors could join the tracked set keep the seed's choice.
    torch::Tensor tracked;
    if (archive.try_read("tracked_anchors", tracked)) {
      if (!tracked.defined() || tracked.dim() != 1 || tracked.scalar_type() != torch::kInt64 ||
          (tracked.numel() > 0 && (tracked.min().item<int64_t>() < 0 || tracked.max().item<int64_t>() >= n)))
        throw InputError(path, "holds tracked anchors of the wrong shape, type or range");
      tracked_anchors = tracked.to(device);
    }
    position = loaded_position;
  });
}

}  // namespace isl
