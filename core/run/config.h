#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace isl {

// Every setting of a run. Defaults are the method's (see ISL-METHOD.md, CIFAR values);
// nothing else in the engine hard-codes them. Stored as config.json in the run directory.
struct Config {
  // Data
  std::string data_kind = "mnist";
  std::string data_path;  // empty: the built-in MNIST digits
  int64_t max_train_images = 0;  // 0: all; otherwise the first n (for quick runs)
  int64_t max_test_images = 0;

  // Network and method
  std::string arch = "alexnet";
  bool imagenet_stem = false;
  int64_t feature_dim = 128;
  std::string method = "isl";  // isl, instance, euclidean

  // Schedule
  int rounds = 4;
  int backbone_epochs = 200;
  int gan_epochs = 200;     // cap; the early-stop rule usually ends sooner
  int mining_epochs = 200;  // cap; the pairs-per-image target usually ends sooner
  int gan_min_epochs_first_round = 10;
  int eval_every = 1;
  int snapshot_every = 1;
  int64_t batch = 128;
  uint64_t seed = 0;

  // Representation loss and memory bank
  double temperature = 0.1;
  double memory_momentum = 0.5;
  double hpe_weight = 0.5;
  std::string hard_positive = "most_similar";  // most_similar, least_similar

  // Backbone optimiser
  double learning_rate = 0.03;
  double sgd_momentum = 0.9;
  double weight_decay = 5e-4;
  std::string lr_schedule = "plateau";  // plateau, step
  double lr_factor = 0.8;
  int lr_patience = 1;

  // Proxy GAN
  double gan_learning_rate = 1e-4;
  double gan_hardness = 0.5;
  double gan_converged_loss = 1.0;
  int64_t negative_candidates = 4096;
  std::string triplet_positive = "memory_self";  // memory_self, random_member

  // Mining
  int64_t proxy_samples = 5;
  double confidence_threshold = 0.5;
  double region = 0.6;
  int64_t mining_top_k = 10;
  double mining_pairs_per_round = 0.5;

  // Evaluation
  int64_t knn_k = 200;
  double knn_sigma = 0.1;
  std::vector<int64_t> precision_set_sizes = {2, 10};
  int64_t tracked_anchors = 64;  // anchors whose proxies each snapshot carries

  // Execution
  std::string device = "auto";     // auto, cpu, cuda
  std::string precision = "auto";  // auto, fp32, bf16
  int loader_workers = 2;
  // Several ranks: BatchNorm normalises with the moments of the whole global batch instead of
  // each rank's shard.
  bool sync_batchnorm = false;
};

// What a setting is, for command-line flags, JSON validation and the settings dialog's
// tooltips. Numbers must lie in [minimum, maximum]; strings must be one of `choices` when
// that list is not empty.
struct ConfigField {
  const char* name;
  const char* help;
  double minimum;
  double maximum;
  std::vector<std::string> choices;
  // The saved state of a run depends on this setting (its data, its network, its random
  // draws): a resumed run keeps it.
  bool fixed_for_the_run = false;
};

// Calls visitor(member, field) for every setting, in a stable order. Members are
// std::string, bool, int, int64_t, uint64_t, double or std::vector<int64_t>.
template <class Config_, class Visitor>
void for_each_field(Config_& c, Visitor&& visit);

// Throws InputError("<subject>: '<setting>'", problem) for the first invalid setting.
void validate(const Config& config, const std::string& subject = "config");

// A run resumed with `changed` settings: throws InputError("<subject>: '<setting>'", ...) for
// the first fixed_for_the_run setting that differs from `saved`. Returns the settings that
// change, as "name: old -> new".
std::vector<std::string> check_resumable_change(const Config& saved, const Config& changed, const std::string& subject);

std::string to_json_text(const Config& config);
// Reads settings from JSON text; missing keys keep their defaults, unknown keys and wrong
// types are errors. `subject` (usually the file name) begins every error message.
Config config_from_json_text(const std::string& text, const std::string& subject, Config base = {});

}  // namespace isl

#include "core/run/config_fields.h"
