// The frozen backbone's forward. Each setting was timed with `isl-bench --variants` (batch
// 128 of 32x32 images, eval-mode features, one LibTorch thread on a Xeon with AVX-512 BF16
// and AMX, LibTorch 1.13.1, oneDNN 2.6.3; the machine was shared, so +-10%). Time relative
// to the plain NoGradGuard module forward (AlexNet 365 ms fp32 / 130 ms bf16, ResNet18
// 1178 / 466 ms):
//
//                                           AlexNet fp32  bf16   ResNet18 fp32  bf16
//   module, InferenceMode                         1.00    1.02           ~1.0   0.94-1.01
//   module, channels-last input only              0.87    0.70           0.98   0.57-0.71
//   own copy, BN as separate affine, NCHW         1.00    1.59           1.01   1.13-1.31
//   own copy, BN folded, NCHW                     0.97    1.16           0.91   0.91-0.99
//   own copy, BN folded, channels-last            0.80    0.53           0.76   0.68-0.70
//     + InferenceMode                             0.82    0.50           0.77   0.58-0.64
//     + bf16 weights cast once per refresh          -     0.48             -    0.59-0.62
//   all of it (the defaults)                      0.80    0.46           0.76   0.55-0.62
//
// So: channels-last (input and weights) gives the most, above all in bf16 where oneDNN's
// AMX kernels want NHWC; BN folding adds 5-25% on top of it (and removes a bf16<->fp32 round
// trip per BatchNorm under autocast); InferenceMode is neutral in fp32 and a few percent in
// bf16 ResNet (many small ops); pre-cast bf16 weights save autocast's per-call weight casts
// (2-8%). All four are kept. (Folding without channels-last helps little, and BN as an
// explicit affine, the no-fold copy, is slower than native batch_norm: only for comparison.)
#include "core/run/frozen_forward.h"

#include <c10/core/InferenceMode.h>

#include <functional>
#include <optional>
#include <stdexcept>

#include "core/models/alexnet.h"
#include "core/models/batch_norm.h"
#include "core/models/resnet.h"
#include "core/run/compute_device.h"

namespace isl {

namespace nn = torch::nn;

namespace {

// A module the plan cannot express: the fallback (module forward) is used instead.
struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A layer of the folded network. Conv and Linear carry their (folded) weights; Affine is a
// BatchNorm that could not be folded (or folding is off): y = x * scale + shift per channel;
// Other is a stateless module (pooling, activation) called as is.
struct Layer {
  enum class Kind { Conv, Linear, Affine, Other };
  Kind kind = Kind::Other;
  torch::Tensor weight, bias;  // Conv, Linear: folded; Affine: scale, shift
  std::vector<int64_t> stride, padding, dilation;
  int64_t groups = 1;
  bool relu = false;  // a ReLU applied in place after the layer
  bool folded_once = false;  // a BatchNorm is already folded in
  std::function<torch::Tensor(const torch::Tensor&)> call;  // Other
};
using Chain = std::vector<Layer>;

struct Settings {
  bool fold = true;
  bool channels_last = true;
  torch::ScalarType dtype = torch::kFloat32;
  torch::Device device = torch::kCPU;
};

// BatchNorm (eval mode) as y = x * scale + shift, computed in double.
struct Affine {
  torch::Tensor scale, shift;
};
Affine batch_norm_affine(const models::BatchNormImpl& bn) {
  const auto& o = bn.options;
  if (!o.track_running_stats()) throw Unsupported("BatchNorm without running statistics");
  auto var = bn.running_var.detach().to(torch::kFloat64);
  auto mean = bn.running_mean.detach().to(torch::kFloat64);
  auto scale = (var + o.eps()).rsqrt();
  auto shift = -mean * scale;
  if (o.affine()) {
    auto gamma = bn.weight.detach().to(torch::kFloat64);
    scale = scale * gamma;
    shift = shift * gamma + bn.bias.detach().to(torch::kFloat64);
  }
  return {scale, shift};
}

// Folds y = BN(W x + b) into W' = W * scale (per output row/filter), b' = b * scale + shift.
void fold_into(Layer& layer, const Affine& a) {
  auto w = layer.weight.to(torch::kFloat64);
  std::vector<int64_t> shape(size_t(w.dim()), 1);
  shape[0] = -1;
  layer.weight = w * a.scale.view(shape);
  auto b = layer.bias.defined() ? layer.bias.to(torch::kFloat64) : torch::zeros_like(a.shift);
  layer.bias = b * a.scale + a.shift;
}

std::vector<int64_t> to_vector(const std::array<int64_t, 2>& a) { return {a[0], a[1]}; }

class Compiler {
 public:
  explicit Compiler(Settings s) : s_(s) {}

  Chain chain(const nn::Sequential& sequence) {
    Chain out;
    for (const auto& child : sequence->children()) add(out, child);
    finish(out);
    return out;
  }

  // Conv/Linear/BN/ReLU/pool modules appended one at a time (for the ResNet blocks).
  void add(Chain& out, const std::shared_ptr<nn::Module>& module) {
    Layer* last = out.empty() ? nullptr : &out.back();
    if (auto conv = std::dynamic_pointer_cast<nn::Conv2dImpl>(module)) {
      const auto& o = conv->options;
      if (!c10::get_if<torch::enumtype::kZeros>(&o.padding_mode())) throw Unsupported("padding mode");
      auto padding = c10::get_if<torch::ExpandingArray<2>>(&o.padding());
      if (!padding) throw Unsupported("'same'/'valid' padding");
      Layer layer;
      layer.kind = Layer::Kind::Conv;
      layer.weight = conv->weight.detach();
      if (conv->bias.defined()) layer.bias = conv->bias.detach();
      layer.stride = to_vector(*o.stride());
      layer.padding = to_vector(**padding);
      layer.dilation = to_vector(*o.dilation());
      layer.groups = o.groups();
      out.push_back(std::move(layer));
    } else if (auto linear = std::dynamic_pointer_cast<nn::LinearImpl>(module)) {
      Layer layer;
      layer.kind = Layer::Kind::Linear;
      layer.weight = linear->weight.detach();
      if (linear->bias.defined()) layer.bias = linear->bias.detach();
      out.push_back(std::move(layer));
    } else if (auto bn = std::dynamic_pointer_cast<models::BatchNormImpl>(module)) {
      add_batch_norm(out, batch_norm_affine(*bn),
                     bn->follows == models::BatchNormImpl::Follows::Convolution ? Layer::Kind::Conv : Layer::Kind::Linear);
    } else if (std::dynamic_pointer_cast<nn::ReLUImpl>(module)) {
      if (last && last->kind != Layer::Kind::Other && !last->relu) {
        last->relu = true;
      } else {
        Layer layer;
        layer.call = [](const torch::Tensor& x) { return torch::relu(x); };
        out.push_back(std::move(layer));
      }
    } else if (auto pool = std::dynamic_pointer_cast<nn::MaxPool2dImpl>(module)) {
      Layer layer;
      layer.call = [pool](const torch::Tensor& x) { return pool->forward(x); };
      out.push_back(std::move(layer));
    } else if (auto adaptive = std::dynamic_pointer_cast<nn::AdaptiveAvgPool2dImpl>(module)) {
      Layer layer;
      layer.call = [adaptive](const torch::Tensor& x) { return adaptive->forward(x); };
      out.push_back(std::move(layer));
    } else {
      throw Unsupported("module " + module->name());
    }
  }

  // Casts and lays out the weights once every layer is known.
  void finish(Chain& chain) const {
    for (auto& layer : chain) {
      if (layer.kind == Layer::Kind::Other) continue;
      layer.weight = layer.weight.to(s_.device, s_.dtype);
      if (layer.bias.defined()) layer.bias = layer.bias.to(s_.device, s_.dtype);
      if (layer.kind == Layer::Kind::Conv && s_.channels_last)
        layer.weight = layer.weight.contiguous(torch::MemoryFormat::ChannelsLast);
      else
        layer.weight = layer.weight.contiguous();
    }
  }

 private:
  void add_batch_norm(Chain& out, const Affine& a, Layer::Kind foldable) {
    Layer* last = out.empty() ? nullptr : &out.back();
    if (s_.fold && last && last->kind == foldable && !last->relu && !last->folded_once) {
      fold_into(*last, a);
      last->folded_once = true;
      return;
    }
    Layer layer;
    layer.kind = Layer::Kind::Affine;
    layer.weight = a.scale;
    layer.bias = a.shift;
    out.push_back(std::move(layer));
  }

  Settings s_;
};

torch::Tensor run_layers(const Layer& layer, torch::Tensor x) {
  switch (layer.kind) {
    case Layer::Kind::Conv:
      x = torch::conv2d(x, layer.weight, layer.bias, layer.stride, layer.padding, layer.dilation, layer.groups);
      break;
    case Layer::Kind::Linear:
      x = torch::linear(x, layer.weight, layer.bias);
      break;
    case Layer::Kind::Affine: {
      std::vector<int64_t> shape(size_t(x.dim()), 1);
      shape[1] = -1;
      x = torch::addcmul(layer.bias.view(shape), x, layer.weight.view(shape));
      break;
    }
    case Layer::Kind::Other:
      return layer.call(x);
  }
  if (layer.relu) x.relu_();
  return x;
}

torch::Tensor run_layers(const Chain& chain, torch::Tensor x) {
  for (const auto& layer : chain) x = run_layers(layer, std::move(x));
  return x;
}

}  // namespace

// The folded network: AlexNet = features chain, flatten, head chain; ResNet = stem chain,
// residual blocks (relu(main(x) + shortcut(x))), global mean, fc.
struct FrozenBackbone::Plan {
  struct Block {
    Chain main, shortcut;  // shortcut empty: identity
  };
  Chain stem;
  std::vector<Block> blocks;
  bool global_mean = false;  // ResNet: mean over H, W; AlexNet: flatten
  Chain head;
  torch::ScalarType dtype = torch::kFloat32;
  bool channels_last = true;

  torch::Tensor conv5(torch::Tensor x) const {
    x = run_layers(stem, std::move(x));
    for (const auto& block : blocks) {
      auto skip = block.shortcut.empty() ? x : run_layers(block.shortcut, x);
      x = run_layers(block.main, x);
      x.add_(skip).relu_();
    }
    return global_mean ? x.mean({2, 3}) : x.flatten(1);
  }
};

namespace {

std::unique_ptr<FrozenBackbone::Plan> make_plan(models::BackboneImpl& backbone, const Settings& s) {
  Compiler compile(s);
  auto plan = std::make_unique<FrozenBackbone::Plan>();
  plan->dtype = s.dtype;
  plan->channels_last = s.channels_last;
  if (auto* alexnet = dynamic_cast<models::AlexNetImpl*>(&backbone)) {
    plan->stem = compile.chain(alexnet->features);
    plan->head = compile.chain(alexnet->head);
    return plan;
  }
  if (auto* resnet = dynamic_cast<models::ResNetImpl*>(&backbone)) {
    plan->stem = compile.chain(resnet->stem);
    for (const auto& layer : {resnet->layer1, resnet->layer2, resnet->layer3, resnet->layer4}) {
      for (const auto& child : layer->children()) {
        FrozenBackbone::Plan::Block block;
        if (auto basic = std::dynamic_pointer_cast<models::BasicBlockImpl>(child)) {
          for (const std::shared_ptr<nn::Module>& m : std::vector<std::shared_ptr<nn::Module>>{basic->conv1.ptr(), basic->bn1.ptr(), nn::ReLU().ptr(), basic->conv2.ptr(), basic->bn2.ptr()})
            compile.add(block.main, m);
          compile.finish(block.main);
          block.shortcut = compile.chain(basic->shortcut);
        } else if (auto bottleneck = std::dynamic_pointer_cast<models::BottleneckImpl>(child)) {
          for (const std::shared_ptr<nn::Module>& m : std::vector<std::shared_ptr<nn::Module>>{bottleneck->conv1.ptr(), bottleneck->bn1.ptr(), nn::ReLU().ptr(), bottleneck->conv2.ptr(),
                bottleneck->bn2.ptr(), nn::ReLU().ptr(), bottleneck->conv3.ptr(), bottleneck->bn3.ptr()})
            compile.add(block.main, m);
          compile.finish(block.main);
          block.shortcut = compile.chain(bottleneck->shortcut);
        } else {
          throw Unsupported("ResNet block " + child->name());
        }
        plan->blocks.push_back(std::move(block));
      }
    }
    plan->global_mean = true;
    Chain fc;
    compile.add(fc, resnet->fc.ptr());
    compile.finish(fc);
    plan->head = std::move(fc);
    return plan;
  }
  throw Unsupported("backbone type");
}

}  // namespace

FrozenBackbone::FrozenBackbone(std::shared_ptr<models::BackboneImpl> backbone, torch::Device device, bool bf16,
                               FrozenOptions options)
    : backbone_(std::move(backbone)), device_(device), bf16_(bf16), options_(options) {
  refresh();
}

FrozenBackbone::~FrozenBackbone() = default;

namespace {
template <typename F>
void for_each_state(nn::Module& module, F&& f) {
  for (const auto& p : module.parameters()) f(p);
  for (const auto& b : module.buffers()) f(b);
}
}  // namespace

void FrozenBackbone::refresh() {
  stamps_.clear();
  plan_.reset();
  if (!options_.own_copy) return;
  Settings s;
  s.fold = options_.fold_batch_norm;
  s.channels_last = options_.channels_last;
  s.dtype = bf16_ && options_.bf16_weights ? torch::kBFloat16 : torch::kFloat32;
  s.device = device_;
  {
    torch::NoGradGuard no_grad;
    try {
      plan_ = make_plan(*backbone_, s);
    } catch (const Unsupported&) {
      plan_.reset();
    }
  }
  for_each_state(*backbone_, [&](const torch::Tensor& t) {
    stamps_.push_back({t.unsafeGetTensorImpl(), t.defined() ? t.data_ptr() : nullptr, uint32_t(t._version())});
  });
}

bool FrozenBackbone::stale() const {
  if (!options_.own_copy) return false;
  size_t i = 0;
  bool changed = false;
  for_each_state(*backbone_, [&](const torch::Tensor& t) {
    if (changed) return;
    if (i >= stamps_.size()) {
      changed = true;
      return;
    }
    const Stamp& s = stamps_[i++];
    changed = s.impl != t.unsafeGetTensorImpl() || s.data != (t.defined() ? t.data_ptr() : nullptr) ||
              s.version != uint32_t(t._version());
  });
  return changed || i != stamps_.size();
}

torch::Tensor FrozenBackbone::features(const torch::Tensor& images) { return run(images, true); }
torch::Tensor FrozenBackbone::conv5(const torch::Tensor& images) { return run(images, false); }

torch::Tensor FrozenBackbone::run(const torch::Tensor& images, bool embed) {
  if (stale()) refresh();
  torch::Tensor out;
  {
    // InferenceMode skips version counting and view tracking; NoGradGuard otherwise.
    std::optional<c10::InferenceMode> inference;
    std::optional<torch::NoGradGuard> no_grad;
    if (options_.inference_mode) inference.emplace();
    else no_grad.emplace();
    if (plan_) {
      auto x = images.to(device_, plan_->dtype);
      if (plan_->channels_last) x = x.contiguous(torch::MemoryFormat::ChannelsLast);
      // bf16 with fp32 weights: autocast casts them on each call.
      AutocastScope autocast(bf16_ && plan_->dtype == torch::kFloat32, device_);
      auto c5 = plan_->conv5(std::move(x));
      if (embed) out = nn::functional::normalize(run_layers(plan_->head, c5).to(torch::kFloat32),
                                                 nn::functional::NormalizeFuncOptions().dim(1));
      else out = c5.to(torch::kFloat32);
    } else {
      const bool was_training = backbone_->is_training();
      backbone_->eval();
      auto x = images.to(device_);
      if (options_.channels_last) x = x.contiguous(torch::MemoryFormat::ChannelsLast);
      {
        AutocastScope autocast(bf16_, device_);
        out = (embed ? backbone_->forward(x) : backbone_->conv5(x)).to(torch::kFloat32);
      }
      backbone_->train(was_training);
    }
  }
  // Inference tensors may not be saved for backward or changed in place outside
  // InferenceMode; the caller gets an ordinary tensor.
  if (out.is_inference()) out = out.clone();
  return out;
}

}  // namespace isl
