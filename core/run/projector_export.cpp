#include "core/run/projector_export.h"

#include <torch/torch.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>

#include "core/data/augment.h"
#include "core/data/loader.h"
#include "core/data/subset_dataset.h"
#include "core/input_error.h"
#include "core/models/backbone.h"
#include "core/run/checkpoint_type_code.h"
#include "core/run/run_files.h"
#include "core/run/sprite_image.h"

namespace isl {

namespace {

namespace fs = std::filesystem;

constexpr int kMaxSpriteSide = 8192;  // the projector's limit (MAX_SPRITE_IMAGE_SIZE_PX)

// The positive sets as the checkpoint stores them: row i holds sizes[i] members, i itself
// first, then -1 padding; rounds[i][j] is the round that added member j.
struct StoredSets {
  torch::Tensor members, rounds, sizes;
};

// The checks of the trainer's own reader: the files are read back by index.
StoredSets read_sets(torch::serialize::InputArchive& archive, const std::string& prefix, int64_t images,
                     const std::string& path) {
  StoredSets sets;
  archive.read(prefix + "_members", sets.members);
  archive.read(prefix + "_rounds", sets.rounds);
  archive.read(prefix + "_sizes", sets.sizes);
  const auto& m = sets.members;
  if (m.dim() != 2 || m.size(0) != images || m.size(1) < 1 || m.scalar_type() != torch::kInt64 ||
      sets.rounds.sizes() != m.sizes() || sets.rounds.scalar_type() != torch::kInt16 ||
      sets.sizes.sizes() != at::IntArrayRef{images} || sets.sizes.scalar_type() != torch::kInt64)
    throw InputError(path, "holds " + prefix + " positive sets of the wrong shape or type");
  const auto used = torch::arange(m.size(1), torch::kInt64).unsqueeze(0) < sets.sizes.unsqueeze(1);
  if (sets.sizes.min().item<int64_t>() < 1 || sets.sizes.max().item<int64_t>() > m.size(1) ||
      m.min().item<int64_t>() < -1 || m.max().item<int64_t>() >= images ||
      !m.select(1, 0).equal(torch::arange(images, torch::kInt64)) || !m.ge(0).equal(used))
    throw InputError(path, "holds damaged " + prefix + " positive sets");
  return sets;
}

// How often each entry is among the k nearest of another, by cosine similarity; a block of
// rows at a time keeps the similarities to a few tens of megabytes.
std::vector<int64_t> k_occurrence(const torch::Tensor& bank, int64_t k) {
  const int64_t n = bank.size(0);
  const auto unit = torch::nn::functional::normalize(bank, torch::nn::functional::NormalizeFuncOptions().dim(1));
  const int64_t block = std::max<int64_t>(1, (int64_t(1) << 24) / n);
  auto counts = torch::zeros({n}, torch::kInt64);
  for (int64_t start = 0; start < n; start += block) {
    const int64_t rows = std::min(block, n - start);
    auto similarity = unit.narrow(0, start, rows).mm(unit.t());
    similarity.diagonal(start).fill_(-std::numeric_limits<float>::infinity());  // not its own neighbour
    counts += torch::bincount(std::get<1>(similarity.topk(k, 1)).flatten(), {}, n);
  }
  return std::vector<int64_t>(counts.data_ptr<int64_t>(), counts.data_ptr<int64_t>() + n);
}

// The backbone of the checkpoint in evaluation mode over the training images, unaugmented.
torch::Tensor recomputed_features(torch::serialize::InputArchive& archive, const Config& config,
                                  const std::shared_ptr<const data::ImageDataset>& images, int side) {
  auto backbone = models::make_backbone({models::arch_from_string(config.arch), config.imagenet_stem, config.feature_dim});
  torch::serialize::InputArchive weights;
  archive.read("backbone", weights);
  backbone->load(weights);
  backbone->eval();
  torch::NoGradGuard no_grad;
  data::LoaderOptions options;
  options.batch_size = config.batch;
  options.shuffle = false;
  options.augment = false;
  options.workers = config.loader_workers;
  options.augment_options = data::augment_options_for(data::dataset_kind_from_string(config.data_kind));
  options.out_size = side;
  data::PrefetchLoader loader(images, options);
  loader.start_epoch(0);
  auto features = torch::empty({images->size(), config.feature_dim});
  while (auto batch = loader.next()) {
    auto pixels = torch::from_blob(batch->images.data(), {batch->size(), 3, batch->image_size, batch->image_size},
                                   torch::kFloat32);
    features.index_copy_(0, torch::tensor(batch->indices, torch::kInt64), backbone->forward(pixels));
  }
  return features;
}

void append_number(std::string& line, float value) {
  char text[32];
  // Shortest text that reads back as the same float.
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  line.append(text, end);
}

void write_tensors(const std::string& path, const torch::Tensor& tensors) {
  const auto values = tensors.contiguous();
  const int64_t rows = values.size(0), columns = values.size(1);
  const float* data = values.data_ptr<float>();
  write_file_atomically(path, [&](std::ostream& out) {
    std::string line;
    for (int64_t i = 0; i < rows && out; ++i) {
      line.clear();
      for (int64_t j = 0; j < columns; ++j) {
        if (j > 0) line += '\t';
        append_number(line, data[i * columns + j]);
      }
      line += '\n';
      out << line;
    }
  });
}

void write_metadata(const std::string& path, const data::ImageDataset& images, const StoredSets& sets,
                    const std::vector<int64_t>& occurrence, int64_t k) {
  const int64_t n = images.size(), width = sets.members.size(1);
  const int64_t* sizes = sets.sizes.data_ptr<int64_t>();
  const int16_t* rounds = sets.rounds.contiguous().data_ptr<int16_t>();
  write_file_atomically(path, [&](std::ostream& out) {
    out << "index\tlabel\tset_size\tjoined_round\thub\tk_occurrence\n";
    for (int64_t i = 0; i < n && out; ++i) {
      std::string joined;
      if (sizes[i] > 1) {
        const int16_t* row = rounds + i * width;
        joined = std::to_string(*std::min_element(row + 1, row + sizes[i]));
      }
      out << i << '\t' << images.label(i) << '\t' << sizes[i] << '\t' << joined << '\t'
          << (occurrence[size_t(i)] >= 2 * k ? 1 : 0) << '\t' << occurrence[size_t(i)] << '\n';
    }
  });
}

void write_config(const std::string& path, const std::string& tensor_name, int64_t rows, int64_t columns,
                  const SpriteLayout* sprite) {
  std::string text = "embeddings {\n  tensor_name: \"" + tensor_name + "\"\n  tensor_shape: " + std::to_string(rows) +
                     "\n  tensor_shape: " + std::to_string(columns) +
                     "\n  tensor_path: \"tensors.tsv\"\n  metadata_path: \"metadata.tsv\"\n";
  if (sprite)
    text += "  sprite {\n    image_path: \"sprite.png\"\n    single_image_dim: " + std::to_string(sprite->side) +
            "\n    single_image_dim: " + std::to_string(sprite->side) + "\n  }\n";
  write_file_atomically(path, text + "}\n");
}

}  // namespace

SpriteLayout sprite_layout(int64_t images) {
  SpriteLayout layout;
  layout.per_row = int(std::ceil(std::sqrt(double(std::max<int64_t>(images, 1)))));
  layout.side = std::clamp(kMaxSpriteSide / layout.per_row, 4, 32);
  return layout;
}

void export_projector(const std::string& run_directory, const std::string& directory, const ProjectorOptions& options) {
  if (options.sprite && !png_writer_available())
    throw InputError(directory, "cannot hold a sprite: this build writes no PNG files (built with ISL_ENGINE_ONLY, "
                                "without OpenCV); export without the sprite (isl-train export --no-sprite)");
  const Config config = read_config_file(run_files::config_path(run_directory));
  const std::string checkpoint = run_files::latest_checkpoint_path(run_directory);
  if (!fs::exists(checkpoint)) throw InputError(checkpoint, "does not exist; the run has no checkpoint yet");
  const auto kind = data::dataset_kind_from_string(config.data_kind);
  const int side = models::input_size({models::arch_from_string(config.arch), config.imagenet_stem, config.feature_dim});
  const std::string data_path = config.data_path.empty() ? std::string(ISL_BUILT_IN_DATA) : config.data_path;
  const auto images = data::first_images(data::open_dataset(kind, data_path, side).train, config.max_train_images);
  const int64_t n = images->size();
  torch::Tensor bank, tensors;
  StoredSets sets;
  try {
    check_checkpoint_type_code(checkpoint);
    torch::serialize::InputArchive archive;
    archive.load_from(checkpoint, torch::kCPU);
    archive.read("memory", bank);
    if (bank.dim() != 2 || bank.size(1) != config.feature_dim || bank.scalar_type() != torch::kFloat32)
      throw InputError(checkpoint, "holds a memory bank of the wrong shape or type");
    if (bank.size(0) != n)
      throw InputError(checkpoint, "was trained on " + std::to_string(bank.size(0)) + " images, but the data set has " +
                                       std::to_string(n));
    torch::Tensor probe;
    const bool euclidean = config.method == "euclidean" && archive.try_read("euclidean_members", probe);
    sets = read_sets(archive, euclidean ? "euclidean" : "mined", n, checkpoint);
    tensors = options.recomputed_features ? recomputed_features(archive, config, images, side) : bank;
  } catch (const InputError&) {
    throw;
  } catch (const c10::Error& error) {
    throw InputError(checkpoint, std::string("is not a readable checkpoint (") + error.what_without_backtrace() + ")");
  } catch (const std::exception& error) {
    // LibTorch's archive reader also throws std::runtime_errors for a missing or retyped entry.
    std::string what = error.what();
    throw InputError(checkpoint, "is not a readable checkpoint (" + what.substr(0, what.find('\n')) + ")");
  }

  std::error_code error;
  fs::create_directories(directory, error);
  if (error) throw InputError(directory, "cannot be created (" + error.message() + ")");
  const fs::path out(directory);
  const int64_t k = std::min<int64_t>(kProjectorNeighbours, n - 1);
  write_tensors((out / "tensors.tsv").string(), tensors);
  write_metadata((out / "metadata.tsv").string(), *images, sets, k_occurrence(bank, k), k);
  const SpriteLayout layout = sprite_layout(n);
  if (options.sprite) write_sprite_png((out / "sprite.png").string(), *images, layout.per_row, layout.side);
  write_config((out / "projector_config.pbtxt").string(),
               options.recomputed_features ? "features_without_augmentation" : "memory_bank", n, tensors.size(1),
               options.sprite ? &layout : nullptr);
}

}  // namespace isl
