#include "widgets/setting_texts.h"

#include <QCoreApplication>

#include <cstring>

namespace isl::gui {

namespace {

struct Entry {
  const char* name;
  const char* label;
  const char* help;
};

// One line per setting of core/run/config_fields.h, in its order; the English help is core's
// (a test keeps the two alike and the table complete).
const Entry kEntries[] = {
    {"data_kind", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Data set"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Data set format: the built-in MNIST digits, CIFAR-10/100 binary, SVHN .mat, or an image folder in ImageNet layout.")},
    {"data_path", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Data folder"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Folder holding the data set files; empty uses the built-in MNIST digits.")},
    {"max_train_images", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Training images"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Train on only the first N training images (0 = all), for quick runs.")},
    {"max_test_images", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Test images"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Evaluate on only the first N test images (0 = all).")},
    {"arch", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Backbone"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Backbone network.")},
    {"imagenet_stem", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "ImageNet stem"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Use the 224-pixel ImageNet stem instead of the 32-pixel CIFAR one.")},
    {"feature_dim", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Feature dimension"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Dimension D of the L2-normalised features and the memory bank.")},
    {"method", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Method"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "isl: mine positives with the proxy GAN; instance: no mining (instance discrimination); euclidean: nearest memory entries with the same set sizes as ISL.")},
    {"rounds", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Rounds"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Rounds of backbone training, GAN training and mining.")},
    {"backbone_epochs", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Backbone epochs"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Backbone epochs per round.")},
    {"gan_epochs", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "GAN epochs"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Most GAN epochs per round; the early-stop rule usually ends sooner.")},
    {"mining_epochs", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Mining passes"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Most mining passes per round; the pairs-per-image target usually ends sooner.")},
    {"gan_min_epochs_first_round", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Least GAN epochs in round 1"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Least GAN epochs in the first round.")},
    {"eval_every", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Evaluate every"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Evaluate (kNN, set precision) every E backbone epochs.")},
    {"snapshot_every", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Snapshot every"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Write a snapshot for the viewer every S epochs.")},
    {"batch", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Batch size"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Images per batch.")},
    {"seed", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Random seed"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Seed of every random draw; the same seed on CPU repeats a run exactly.")},
    {"temperature", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Temperature"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Softmax temperature T over the memory bank.")},
    {"memory_momentum", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Memory momentum"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Memory update momentum eta: M_i <- normalise(eta M_i + (1 - eta) f_i).")},
    {"hpe_weight", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Hard-positive weight"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Weight lambda of the hard-positive enhancement term; 0 is ISL without HPE.")},
    {"hard_positive", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Hard positive"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Which positive is the hard one: the most similar (authors' code) or the least similar (paper text).")},
    {"learning_rate", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Learning rate"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Backbone SGD learning rate.")},
    {"sgd_momentum", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Momentum"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Backbone SGD momentum.")},
    {"weight_decay", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Weight decay"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Backbone SGD weight decay.")},
    {"lr_schedule", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Learning-rate schedule"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "plateau: multiply the rate by lr_factor once kNN accuracy has not gained for more than lr_patience evaluations in a row (PyTorch's ReduceLROnPlateau); step: x0.1 at 50% and 75% of each round's epochs.")},
    {"lr_factor", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Plateau factor"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Factor of the plateau schedule.")},
    {"lr_patience", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Plateau patience"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Evaluations in a row without a gain that the plateau schedule tolerates; the next one lowers the rate.")},
    {"gan_learning_rate", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "GAN learning rate"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Adam learning rate of the proxy generator and discriminator.")},
    {"gan_hardness", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Hardness balance"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Hardness balance lambda_g: larger pushes proxies towards negatives (bolder exploration).")},
    {"gan_converged_loss", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Converged generator loss"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Generator loss under which GAN training counts as converged.")},
    {"negative_candidates", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Negative candidates"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "K: random non-positives drawn per anchor; the most similar is the triplet's negative.")},
    {"triplet_positive", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Triplet positive"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "The triplet's positive: the anchor's own memory entry (authors' code) or a random member of its positive set.")},
    {"proxy_samples", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Proxies per anchor"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "S: triplets (and proxies) sampled per anchor when mining; the most confident proxy is used.")},
    {"confidence_threshold", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Confidence threshold"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "theta: a proxy mines only if the discriminator's confidence exceeds this.")},
    {"region", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Region"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "R: cosine-similarity threshold around a fully confident proxy; lower confidence narrows the region.")},
    {"mining_top_k", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Mining candidates"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "k: nearest memory entries to a proxy that may join the positive set.")},
    {"mining_pairs_per_round", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Pairs per image per round"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Mining in round r stops once mined pairs per image exceed (r + 1) times this.")},
    {"knn_k", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "kNN neighbours"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Neighbours of the weighted kNN classifier.")},
    {"knn_sigma", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "kNN temperature"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Temperature sigma of the kNN vote weights exp(s / sigma).")},
    {"precision_set_sizes", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Precision set sizes"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Set sizes at which positive-set precision is compared with Euclidean neighbours (paper Fig. 3).")},
    {"tracked_anchors", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Tracked anchors"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Anchors whose proxies each snapshot records for the viewer.")},
    {"device", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Device"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Where to train: cuda when LibTorch has it and a GPU is present (auto), or force cpu / cuda.")},
    {"precision", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Arithmetic precision"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Backbone arithmetic: bf16 autocast where the CPU has bf16 units (auto), or force fp32 / bf16. Memory bank, softmax and losses stay fp32.")},
    {"loader_workers", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Loader threads"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "Threads preparing batches ahead of the network.")},
    {"sync_batchnorm", QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "BatchNorm over all processes"),
     QT_TRANSLATE_NOOP("isl::gui::SettingTexts", "With several processes, BatchNorm normalises over the whole global batch (all ranks' shards) instead of each process's shard.")},
};

}  // namespace

std::optional<SettingText> setting_text(const QString& name) {
  const QByteArray key = name.toLatin1();
  for (const Entry& entry : kEntries)
    if (std::strcmp(entry.name, key.constData()) == 0)
      return SettingText{QCoreApplication::translate("isl::gui::SettingTexts", entry.label),
                         QCoreApplication::translate("isl::gui::SettingTexts", entry.help)};
  return std::nullopt;
}

}  // namespace isl::gui
