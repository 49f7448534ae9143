// checkpoints/latest.pt: everything a resumed run needs to continue exactly.
#include <nlohmann/json.hpp>

#include <filesystem>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "core/run/trainer_engine.h"

namespace isl {

namespace {
constexpr int kCheckpointFormat = 1;

torch::Tensor text_tensor(const std::string& text) {
  return torch::from_blob(const_cast<char*>(text.data()), {int64_t(text.size())}, torch::kUInt8).clone();
}

std::string tensor_text(const torch::Tensor& tensor) {
  auto bytes = tensor.contiguous();
  return std::string(reinterpret_cast<const char*>(bytes.data_ptr<uint8_t>()), size_t(bytes.numel()));
}

nlohmann::json position_json(const RunPosition& p) {
  return {{"round", p.round}, {"stage", to_string(p.stage)}, {"epoch", p.epoch}, {"iteration", p.iteration},
          {"global_epoch", p.global_epoch}, {"snapshot_sequence", p.snapshot_sequence},
          {"metrics_lines", p.metrics_lines}, {"seconds", p.seconds}, {"gan_losses", p.gan_losses},
          {"epoch_sums", p.epoch_sums}, {"epoch_images", p.epoch_images}, {"learning_rate", p.learning_rate},
          {"best_knn", p.best_knn}, {"evaluations_without_gain", p.evaluations_without_gain},
          {"last_evaluation", p.last_evaluation}};
}

RunPosition position_from_json(const nlohmann::json& j) {
  RunPosition p;
  p.round = j.at("round");
  p.stage = stage_from_string(j.at("stage"));
  p.epoch = j.at("epoch");
  p.iteration = j.at("iteration");
  p.global_epoch = j.at("global_epoch");
  p.snapshot_sequence = j.at("snapshot_sequence");
  p.metrics_lines = j.at("metrics_lines");
  p.seconds = j.at("seconds");
  p.gan_losses = j.at("gan_losses").get<std::vector<double>>();
  p.epoch_sums = j.at("epoch_sums").get<std::map<std::string, double>>();
  p.epoch_images = j.at("epoch_images");
  p.learning_rate = j.at("learning_rate");
  p.best_knn = j.at("best_knn");
  p.evaluations_without_gain = j.at("evaluations_without_gain");
  // NaN values (undefined precisions) were written as null.
  for (const auto& [key, value] : j.at("last_evaluation").items())
    p.last_evaluation[key] = value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>();
  return p;
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
  return std::make_unique<PositiveSets>(members.to(device), rounds.to(device), sizes.to(device));
}
}  // namespace

void Trainer::Impl::save_checkpoint() {
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

  const std::string path = run_files::latest_checkpoint_path(run_directory);
  const std::string temporary = path + ".tmp";
  try {
    archive.save_to(temporary);
  } catch (const c10::Error& error) {
    throw InputError(path, std::string("cannot be written (") + error.what_without_backtrace() + ")");
  }
  std::error_code failure;
  std::filesystem::rename(temporary, path, failure);
  if (failure) throw InputError(path, "cannot replace the checkpoint (" + failure.message() + ")");
}

void Trainer::Impl::load_checkpoint(const std::string& path) {
  if (!std::filesystem::exists(path)) throw InputError(path, "does not exist: the run has no checkpoint to resume from");
  try {
    torch::serialize::InputArchive archive;
    archive.load_from(path, device);
    torch::Tensor header_bytes;
    archive.read("header", header_bytes);
    auto header = nlohmann::json::parse(tensor_text(header_bytes));
    if (header.at("format") != kCheckpointFormat)
      throw InputError(path, "has checkpoint format " + header.at("format").dump() + "; this version reads " +
                                 std::to_string(kCheckpointFormat));
    if (header.at("arch") != config.arch || header.at("imagenet_stem") != config.imagenet_stem ||
        header.at("feature_dim") != config.feature_dim)
      throw InputError(path, "holds the " + header.at("arch").get<std::string>() + " backbone with D = " +
                                 header.at("feature_dim").dump() + ", but the run is set to " + config.arch +
                                 " with D = " + std::to_string(config.feature_dim));
    if (header.at("images") != train_images->size())
      throw InputError(path, "was trained on " + header.at("images").dump() + " images, but the data set has " +
                                 std::to_string(train_images->size()));
    torch::serialize::InputArchive backbone_archive, optimizer_archive, gan_archive;
    archive.read("backbone", backbone_archive);
    archive.read("optimizer", optimizer_archive);
    archive.read("gan", gan_archive);
    backbone->load(backbone_archive);
    optimizer->load(optimizer_archive);
    gan->load(gan_archive);
    torch::Tensor bank;
    archive.read("memory", bank);
    memory->assign(bank.to(device));
    mined_sets = read_sets(archive, "mined", train_images->size(), device, path);
    if (euclidean_sets) euclidean_sets = read_sets(archive, "euclidean", train_images->size(), device, path);
    archive.read("last_proxies", last_proxies);
    archive.read("last_confidence", last_confidence);
    position = position_from_json(header.at("position"));
  } catch (const c10::Error& error) {
    throw InputError(path, std::string("is not a readable checkpoint (") + error.what_without_backtrace() + ")");
  } catch (const nlohmann::json::exception& error) {
    throw InputError(path, std::string("has a damaged header (") + error.what() + ")");
  }
}

}  // namespace isl
