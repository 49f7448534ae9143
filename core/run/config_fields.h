#pragma once
// The table of settings: one line per field of Config. Included by config.h.
#include <limits>

namespace isl {

template <class Config_, class Visitor>
void for_each_field(Config_& c, Visitor&& visit) {
  constexpr double kBig = 1e12;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  visit(c.data_kind, ConfigField{"data_kind", "Data set format: the built-in MNIST digits, CIFAR-10/100 binary, SVHN .mat, or an image folder in ImageNet layout.", 0, 0, {"mnist", "cifar10", "cifar100", "svhn", "folder"}, true});
  visit(c.data_path, ConfigField{"data_path", "Folder holding the data set files; empty uses the built-in MNIST digits.", 0, 0, {}, true});
  visit(c.max_train_images, ConfigField{"max_train_images", "Train on only the first N training images (0 = all), for quick runs.", 0, kBig, {}, true});
  visit(c.max_test_images, ConfigField{"max_test_images", "Evaluate on only the first N test images (0 = all).", 0, kBig, {}});
  visit(c.arch, ConfigField{"arch", "Backbone network.", 0, 0, {"alexnet", "resnet18", "resnet50"}, true});
  visit(c.imagenet_stem, ConfigField{"imagenet_stem", "Use the 224-pixel ImageNet stem instead of the 32-pixel CIFAR one.", 0, 1, {}, true});
  visit(c.feature_dim, ConfigField{"feature_dim", "Dimension D of the L2-normalised features and the memory bank.", 2, 4096, {}, true});
  visit(c.method, ConfigField{"method", "isl: mine positives with the proxy GAN; instance: no mining (instance discrimination); euclidean: nearest memory entries with the same set sizes as ISL.", 0, 0, {"isl", "instance", "euclidean"}, true});
  visit(c.rounds, ConfigField{"rounds", "Rounds of backbone training, GAN training and mining.", 1, 1000, {}});
  visit(c.backbone_epochs, ConfigField{"backbone_epochs", "Backbone epochs per round.", 0, 100000, {}});
  visit(c.gan_epochs, ConfigField{"gan_epochs", "Most GAN epochs per round; the early-stop rule usually ends sooner.", 1, 100000, {}});
  visit(c.mining_epochs, ConfigField{"mining_epochs", "Most mining passes per round; the pairs-per-image target usually ends sooner.", 1, 100000, {}});
  visit(c.gan_min_epochs_first_round, ConfigField{"gan_min_epochs_first_round", "Least GAN epochs in the first round.", 0, 100000, {}});
  visit(c.eval_every, ConfigField{"eval_every", "Evaluate (kNN, set precision) every E backbone epochs.", 1, 100000, {}});
  visit(c.snapshot_every, ConfigField{"snapshot_every", "Write a snapshot for the viewer every S epochs.", 1, 100000, {}});
  visit(c.batch, ConfigField{"batch", "Images per batch.", 2, 65536, {}, true});
  visit(c.seed, ConfigField{"seed", "Seed of every random draw; the same seed on CPU repeats a run exactly.", 0, kBig, {}, true});
  visit(c.temperature, ConfigField{"temperature", "Softmax temperature T over the memory bank.", 1e-4, 100, {}});
  visit(c.memory_momentum, ConfigField{"memory_momentum", "Memory update momentum eta: M_i <- normalise(eta M_i + (1 - eta) f_i).", 0, 1, {}});
  visit(c.hpe_weight, ConfigField{"hpe_weight", "Weight lambda of the hard-positive enhancement term; 0 is ISL without HPE.", 0, 100, {}});
  visit(c.hard_positive, ConfigField{"hard_positive", "Which positive is the hard one: the most similar (authors' code) or the least similar (paper text).", 0, 0, {"most_similar", "least_similar"}});
  visit(c.learning_rate, ConfigField{"learning_rate", "Backbone SGD learning rate.", 1e-8, 100, {}});
  visit(c.sgd_momentum, ConfigField{"sgd_momentum", "Backbone SGD momentum.", 0, 0.9999, {}});
  visit(c.weight_decay, ConfigField{"weight_decay", "Backbone SGD weight decay.", 0, 1, {}});
  visit(c.lr_schedule, ConfigField{"lr_schedule", "plateau: multiply the rate by lr_factor once kNN accuracy has not gained for more than lr_patience evaluations in a row (PyTorch's ReduceLROnPlateau); step: x0.1 at 50% and 75% of each round's epochs.", 0, 0, {"plateau", "step"}});
  visit(c.lr_factor, ConfigField{"lr_factor", "Factor of the plateau schedule.", 1e-6, 1, {}});
  visit(c.lr_patience, ConfigField{"lr_patience", "Evaluations in a row without a gain that the plateau schedule tolerates; the next one lowers the rate.", 1, 100000, {}});
  visit(c.gan_learning_rate, ConfigField{"gan_learning_rate", "Adam learning rate of the proxy generator and discriminator.", 1e-8, 1, {}});
  visit(c.gan_hardness, ConfigField{"gan_hardness", "Hardness balance lambda_g: larger pushes proxies towards negatives (bolder exploration).", 0, 1, {}});
  visit(c.gan_converged_loss, ConfigField{"gan_converged_loss", "Generator loss under which GAN training counts as converged.", 0, kInf, {}});
  visit(c.negative_candidates, ConfigField{"negative_candidates", "K: random non-positives drawn per anchor; the most similar is the triplet's negative.", 1, 1e9, {}});
  visit(c.triplet_positive, ConfigField{"triplet_positive", "The triplet's positive: the anchor's own memory entry (authors' code) or a random member of its positive set.", 0, 0, {"memory_self", "random_member"}});
  visit(c.proxy_samples, ConfigField{"proxy_samples", "S: triplets (and proxies) sampled per anchor when mining; the most confident proxy is used.", 1, 1000, {}});
  visit(c.confidence_threshold, ConfigField{"confidence_threshold", "theta: a proxy mines only if the discriminator's confidence exceeds this.", 0, 1, {}});
  visit(c.region, ConfigField{"region", "R: cosine-similarity threshold around a fully confident proxy; lower confidence narrows the region.", -1, 1, {}});
  visit(c.mining_top_k, ConfigField{"mining_top_k", "k: nearest memory entries to a proxy that may join the positive set.", 1, 100000, {}});
  visit(c.mining_pairs_per_round, ConfigField{"mining_pairs_per_round", "Mining in round r stops once mined pairs per image exceed (r + 1) times this.", 1e-6, 1e6, {}});
  visit(c.knn_k, ConfigField{"knn_k", "Neighbours of the weighted kNN classifier.", 1, 1e9, {}});
  visit(c.knn_sigma, ConfigField{"knn_sigma", "Temperature sigma of the kNN vote weights exp(s / sigma).", 1e-6, 100, {}});
  visit(c.precision_set_sizes, ConfigField{"precision_set_sizes", "Set sizes at which positive-set precision is compared with Euclidean neighbours (paper Fig. 3).", 1, 1e6, {}});
  visit(c.tracked_anchors, ConfigField{"tracked_anchors", "Anchors whose proxies each snapshot records for the viewer.", 0, 100000, {}, true});
  visit(c.device, ConfigField{"device", "Where to train: cuda when LibTorch has it and a GPU is present (auto), or force cpu / cuda.", 0, 0, {"auto", "cpu", "cuda"}});
  visit(c.precision, ConfigField{"precision", "Backbone arithmetic: bf16 autocast where the CPU has bf16 units (auto), or force fp32 / bf16. Memory bank, softmax and losses stay fp32.", 0, 0, {"auto", "fp32", "bf16"}});
  visit(c.loader_workers, ConfigField{"loader_workers", "Threads preparing batches ahead of the network.", 1, 64, {}});
  visit(c.sync_batchnorm, ConfigField{"sync_batchnorm", "With several processes, BatchNorm normalises over the whole global batch (all ranks' shards) instead of each process's shard.", 0, 1, {}});
}

}  // namespace isl
