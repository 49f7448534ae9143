#pragma once
// Files for TensorBoard's embedding projector, which runs its own PCA, t-SNE and UMAP on the
// D-dimensional features (`tensorboard --logdir DIR`, Projector tab).
#include <cstdint>
#include <string>

namespace isl {

struct ProjectorOptions {
  // The backbone's features of the training images without augmentation, recomputed from the
  // checkpoint's weights, instead of the memory bank (a running average of augmented views).
  bool recomputed_features = false;
  bool sprite = true;  // sprite.png: every training image as a thumbnail
};

// Nearest memory entries counted for k_occurrence; an image is a hub when it is among the
// nearest of at least 2k others.
constexpr int kProjectorNeighbours = 10;

// The sprite's grid: per_row x per_row thumbnails of side x side pixels. The projector refuses
// sprites over 8192 pixels a side, so thumbnails shrink from 32 pixels as images grow, down
// to 4 (beyond 2048 x 2048 images the sprite is larger than the projector reads).
struct SpriteLayout {
  int per_row = 0;
  int side = 0;
};
SpriteLayout sprite_layout(int64_t images);

// Reads the run in `run_directory` (config.json, its data set, checkpoints/latest.pt) and
// writes into `directory` (created if missing):
//   tensors.tsv             N rows of D tab-separated features (memory bank or recomputed)
//   metadata.tsv            a header, then per image: index, label, set_size (|P_i|, i
//                           included), joined_round (the round that first gave it a positive
//                           other than itself; empty if none), hub (1/0), k_occurrence (how
//                           many other images have it among their kProjectorNeighbours nearest
//                           memory entries by cosine similarity)
//   sprite.png              thumbnails in a square grid, row by row (options.sprite)
//   projector_config.pbtxt  the projector's ProjectorConfig naming the files above
// The positive sets are those the run trains on: the Euclidean baseline's own sets for
// --method euclidean, else the mined sets. Throws InputError naming the file for a missing
// or damaged config, data set or checkpoint, and for files that cannot be written.
void export_projector(const std::string& run_directory, const std::string& directory, const ProjectorOptions& options);

}  // namespace isl
