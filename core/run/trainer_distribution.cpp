// How the ranks of a distributed run share the work and keep one state: the trainer's side of
// core/dist. With a process alone every function here is the plain one-process computation.
#include "core/data/subset_dataset.h"
#include "core/dist/rank_agreement.h"
#include "core/eval/knn.h"
#include "core/run/trainer_engine.h"

namespace isl {

void Trainer::Impl::check_ranks_agree(const std::string& when) {
  if (distribution->world_size() == 1) return;
  std::vector<torch::Tensor> backbone_state;
  for (const auto& parameter : backbone->parameters()) backbone_state.push_back(parameter);
  for (const auto& buffer : backbone->buffers()) backbone_state.push_back(buffer);
  std::vector<torch::Tensor> gan_state;
  for (const auto& parameter : gan->generator->parameters()) gan_state.push_back(parameter);
  for (const auto& parameter : gan->discriminator->parameters()) gan_state.push_back(parameter);
  const auto& sets = training_sets();
  const std::string settings = to_json_text(config);
  isl::check_ranks_agree(*distribution,
                         {{"settings", fingerprint(torch::tensor(std::vector<uint8_t>(settings.begin(), settings.end())))},
                          {"memory bank", fingerprint(memory->features())},
                          {"positive sets", fingerprint({sets.members(), sets.all_sizes()})},
                          {"backbone", fingerprint(backbone_state)},
                          {"proxy GAN", fingerprint(gan_state)}},
                         when);
}

std::shared_ptr<const data::ImageDataset> Trainer::Impl::share_of(
    const std::shared_ptr<const data::ImageDataset>& images) const {
  const int ranks = distribution->world_size();
  if (ranks == 1) return images;
  const int rank = distribution->rank();
  const int64_t first = images->size() * rank / ranks;
  const int64_t end = images->size() * (rank + 1) / ranks;
  return std::make_shared<data::SubsetDataset>(images, first, end - first);
}

// One flat all-reduce of every gradient after the backward pass. The loss each rank
// differentiates is its share of the global batch's mean, so the sum is the gradient of
// that mean, as in one process.
void Trainer::Impl::all_reduce_gradients() {
  if (distribution->world_size() == 1) return;
  std::vector<torch::Tensor> gradients;
  for (auto& parameter : backbone->parameters())
    if (parameter.grad().defined()) gradients.push_back(parameter.mutable_grad());
  distribution->all_reduce_sum(gradients);
}

double Trainer::Impl::knn_top1(const torch::Tensor& bank, const torch::Tensor& bank_labels,
                               const torch::Tensor& test_features) {
  const int ranks = distribution->world_size();
  const int64_t n = test_features.size(0);
  const int64_t first = n * distribution->rank() / ranks;
  const int64_t count = n * (distribution->rank() + 1) / ranks - first;
  const double share = count == 0 ? 0.0
                                  : eval::weighted_knn_top1(bank, bank_labels, test_features.narrow(0, first, count),
                                                            test_labels.narrow(0, first, count),
                                                            train_images->num_classes(), {config.knn_k, config.knn_sigma});
  std::vector<torch::Tensor> correct{torch::tensor({share * double(count)}, torch::kFloat64)};
  distribution->all_reduce_sum(correct);
  return n == 0 ? 0.0 : correct[0].item<double>() / double(n);
}

}  // namespace isl
