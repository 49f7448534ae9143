#include "core/models/resnet.h"

#include <stdexcept>

namespace isl::models {

namespace nn = torch::nn;

namespace {

// All ResNet convolutions are bias-free: each is followed by a BatchNorm, whose shift makes a
// bias redundant.
nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding) {
  return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false));
}

torch::Tensor add_shortcut(nn::Sequential& shortcut, const torch::Tensor& x,
                           const torch::Tensor& residual) {
  // Out of place, so that no tensor autograd saved for the backward pass is overwritten.
  return torch::relu(residual + (shortcut->is_empty() ? x : shortcut->forward(x)));
}

}  // namespace

nn::Sequential make_shortcut(int64_t in_channels, int64_t out_channels, int64_t stride) {
  if (stride == 1 && in_channels == out_channels) return nn::Sequential();
  return nn::Sequential(conv(in_channels, out_channels, 1, stride, 0), batch_norm_2d(out_channels));
}

BasicBlockImpl::BasicBlockImpl(int64_t in_channels, int64_t planes, int64_t stride) {
  conv1 = register_module("conv1", conv(in_channels, planes, 3, stride, 1));
  bn1 = register_module("bn1", batch_norm_2d(planes));
  conv2 = register_module("conv2", conv(planes, planes, 3, 1, 1));
  bn2 = register_module("bn2", batch_norm_2d(planes));
  shortcut = register_module("shortcut", make_shortcut(in_channels, planes * expansion, stride));
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor& x) {
  auto out = torch::relu(bn1->forward(conv1->forward(x)));
  out = bn2->forward(conv2->forward(out));
  return add_shortcut(shortcut, x, out);
}

BottleneckImpl::BottleneckImpl(int64_t in_channels, int64_t planes, int64_t stride) {
  conv1 = register_module("conv1", conv(in_channels, planes, 1, 1, 0));
  bn1 = register_module("bn1", batch_norm_2d(planes));
  conv2 = register_module("conv2", conv(planes, planes, 3, stride, 1));
  bn2 = register_module("bn2", batch_norm_2d(planes));
  conv3 = register_module("conv3", conv(planes, planes * expansion, 1, 1, 0));
  bn3 = register_module("bn3", batch_norm_2d(planes * expansion));
  shortcut = register_module("shortcut", make_shortcut(in_channels, planes * expansion, stride));
}

torch::Tensor BottleneckImpl::forward(const torch::Tensor& x) {
  auto out = torch::relu(bn1->forward(conv1->forward(x)));
  out = torch::relu(bn2->forward(conv2->forward(out)));
  out = bn3->forward(conv3->forward(out));
  return add_shortcut(shortcut, x, out);
}

ResNetImpl::ResNetImpl(Block block, std::vector<int64_t> blocks_per_stage, bool imagenet_stem,
                       int64_t feature_dim) {
  if (blocks_per_stage.size() != 4) throw std::invalid_argument("ResNet needs four stages");
  const int64_t expansion =
      block == Block::Basic ? BasicBlockImpl::expansion : BottleneckImpl::expansion;

  stem = imagenet_stem
             ? nn::Sequential(conv(3, 64, 7, 2, 3), batch_norm_2d(64), nn::ReLU(),
                              nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2).padding(1)))
             : nn::Sequential(conv(3, 64, 3, 1, 1), batch_norm_2d(64), nn::ReLU());
  register_module("stem", stem);

  int64_t in_channels = 64;
  auto make_stage = [&](int64_t planes, int64_t blocks, int64_t stride) {
    nn::Sequential stage;
    for (int64_t i = 0; i < blocks; ++i) {
      const int64_t s = i == 0 ? stride : 1;
      if (block == Block::Basic)
        stage->push_back(BasicBlock(in_channels, planes, s));
      else
        stage->push_back(Bottleneck(in_channels, planes, s));
      in_channels = planes * expansion;
    }
    return stage;
  };
  layer1 = register_module("layer1", make_stage(64, blocks_per_stage[0], 1));
  layer2 = register_module("layer2", make_stage(128, blocks_per_stage[1], 2));
  layer3 = register_module("layer3", make_stage(256, blocks_per_stage[2], 2));
  layer4 = register_module("layer4", make_stage(512, blocks_per_stage[3], 2));

  conv5_dim_ = in_channels;  // 512 * expansion
  fc = register_module("fc", nn::Linear(conv5_dim_, feature_dim));
}

torch::Tensor ResNetImpl::conv5(const torch::Tensor& images) {
  auto x = stem->forward(images);
  x = layer4->forward(layer3->forward(layer2->forward(layer1->forward(x))));
  return x.mean({2, 3});  // global average pool -> [B, 512 * expansion]
}

torch::Tensor ResNetImpl::embed(const torch::Tensor& conv5_features) {
  return nn::functional::normalize(fc->forward(conv5_features),
                                   nn::functional::NormalizeFuncOptions().p(2).dim(1));
}

ResNet resnet18(bool imagenet_stem, int64_t feature_dim) {
  return ResNet(ResNetImpl::Block::Basic, std::vector<int64_t>{2, 2, 2, 2}, imagenet_stem,
                feature_dim);
}

ResNet resnet50(bool imagenet_stem, int64_t feature_dim) {
  return ResNet(ResNetImpl::Block::Bottleneck, std::vector<int64_t>{3, 4, 6, 3}, imagenet_stem,
                feature_dim);
}

}  // namespace isl::models
