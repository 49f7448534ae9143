#include <QTest>
#include <torch/torch.h>

#include "core/models/backbone.h"
#include "core/models/batch_norm.h"
#include "core/run/compute_device.h"
#include "core/run/frozen_forward.h"
#include "test_registry.h"

using isl::models::Arch;

Q_DECLARE_METATYPE(Arch)

namespace {

// BatchNorm with statistics and affine parameters far from the initial ones, so that folding
// is really exercised (fresh layers have mean 0, var 1, gamma 1, beta 0).
void scramble_batch_norms(torch::nn::Module& network) {
  torch::NoGradGuard no_grad;
  auto scramble = [](auto& bn) {
    bn.running_mean.normal_(0, 0.2);
    bn.running_var.uniform_(0.5, 2.0);
    bn.weight.uniform_(0.5, 1.5);
    bn.bias.normal_(0, 0.2);
  };
  for (const auto& m : network.modules()) {
    if (auto bn = std::dynamic_pointer_cast<isl::models::BatchNormImpl>(m)) scramble(*bn);
  }
}

std::shared_ptr<isl::models::BackboneImpl> make(Arch arch, bool imagenet) {
  auto backbone = isl::models::make_backbone({arch, imagenet, 128});
  scramble_batch_norms(*backbone);
  return backbone;
}

// The eval-mode forward of the trainer (NoGradGuard, autocast when bf16), leaving the
// backbone's mode as it was.
torch::Tensor reference(isl::models::BackboneImpl& backbone, const torch::Tensor& images, bool conv5, bool bf16) {
  const bool training = backbone.is_training();
  backbone.eval();
  torch::NoGradGuard no_grad;
  isl::AutocastScope autocast(bf16, torch::kCPU);
  auto out = (conv5 ? backbone.conv5(images) : backbone.forward(images)).to(torch::kFloat32);
  backbone.train(training);
  return out;
}

double max_abs(const torch::Tensor& t) { return t.abs().max().item<double>(); }
// Largest difference relative to the largest reference value (conv5 values are not unit-sized).
double relative_error(const torch::Tensor& got, const torch::Tensor& want) {
  return max_abs(got - want) / std::max(max_abs(want), 1e-12);
}

void add_network_rows() {
  QTest::addColumn<Arch>("arch");
  QTest::addColumn<bool>("imagenet");
  QTest::addColumn<int>("batch");
  QTest::newRow("alexnet-cifar") << Arch::AlexNet << false << 16;
  QTest::newRow("resnet18-cifar") << Arch::ResNet18 << false << 16;
  QTest::newRow("resnet50-cifar") << Arch::ResNet50 << false << 4;
  QTest::newRow("alexnet-imagenet") << Arch::AlexNet << true << 2;
  QTest::newRow("resnet18-imagenet") << Arch::ResNet18 << true << 2;
}

torch::Tensor images_for(Arch, bool imagenet, int batch) {
  const int64_t side = imagenet ? 224 : 32;
  return torch::randn({batch, 3, side, side});
}

}  // namespace

class TestFrozenForward : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { torch::manual_seed(0); }

  // fp32: every setting gives the eval-mode forward within 1e-4 (features are unit rows;
  // conv5 relative to its largest value).
  void matchesEvalForwardFp32_data() { add_network_rows(); }
  void matchesEvalForwardFp32() {
    QFETCH(Arch, arch);
    QFETCH(bool, imagenet);
    QFETCH(int, batch);
    auto backbone = make(arch, imagenet);
    auto images = images_for(arch, imagenet, batch);
    auto want = reference(*backbone, images, false, false);
    auto want_conv5 = reference(*backbone, images, true, false);
    for (bool own_copy : {true, false})
      for (bool fold : {true, false})
        for (bool channels_last : {true, false})
          for (bool inference : {true, false}) {
            if (!own_copy && fold) continue;
            isl::FrozenOptions options{own_copy, fold, channels_last, inference, true};
            isl::FrozenBackbone frozen(backbone, torch::kCPU, false, options);
            QCOMPARE(frozen.folded(), own_copy);
            auto got = frozen.features(images);
            QVERIFY(!got.is_inference());
            QCOMPARE(got.scalar_type(), torch::kFloat32);
            QCOMPARE(got.sizes(), want.sizes());
            const double e = max_abs(got - want);
            const double e5 = relative_error(frozen.conv5(images), want_conv5);
            if (e > 1e-4 || e5 > 1e-4)
              QFAIL(qPrintable(QString("own_copy %1 fold %2 channels_last %3: features %4, conv5 %5")
                                   .arg(own_copy).arg(fold).arg(channels_last).arg(e).arg(e5)));
          }
  }

  // bf16: an 8-bit significand rounds each stored value by up to 2^-9 (0.2%); the errors of
  // the network's 5 to 50 layers partly average out. Measured on these random networks (16
  // images): the trainer's eval-mode autocast forward is 0.0010-0.0016 away from fp32 per
  // entry of a unit feature row, FrozenBackbone 0.0008-0.0013, cosine to fp32 >= 0.99999 for
  // both. FrozenBackbone rounds differently (folded weights rounded once, activations kept
  // in bf16 between layers where autocast returns to fp32 for BatchNorm), so it must be as
  // close to fp32 as autocast is up to a factor of 3 (+1e-3 for small samples), and at
  // cosine >= 0.999 per row. A wrong fold or layout gives errors of order 0.1-1.
  void matchesEvalForwardBf16_data() { add_network_rows(); }
  void matchesEvalForwardBf16() {
    QFETCH(Arch, arch);
    QFETCH(bool, imagenet);
    QFETCH(int, batch);
    auto backbone = make(arch, imagenet);
    auto images = images_for(arch, imagenet, batch);
    auto fp32 = reference(*backbone, images, false, false);
    auto autocast = reference(*backbone, images, false, true);
    const double autocast_error = max_abs(autocast - fp32);
    for (bool bf16_weights : {true, false}) {
      isl::FrozenOptions options;
      options.bf16_weights = bf16_weights;
      isl::FrozenBackbone frozen(backbone, torch::kCPU, true, options);
      auto got = frozen.features(images);
      QCOMPARE(got.scalar_type(), torch::kFloat32);
      const double error = max_abs(got - fp32);
      const double cosine = (got * fp32).sum(1).min().item<double>();
      qInfo("bf16_weights %d: max |bf16 - fp32| %.4f (autocast %.4f), min cosine %.5f", int(bf16_weights), error,
            autocast_error, cosine);
      QVERIFY2(error <= 3 * autocast_error + 1e-3, qPrintable(QString::number(error)));
      QVERIFY(cosine >= 0.999);
    }
  }

  // The trainer alternates: a backbone step (train mode, optimiser) between frozen uses must
  // show in the next frozen forward without a manual refresh(); the backbone's mode is kept.
  void followsWeightChanges_data() {
    QTest::addColumn<Arch>("arch");
    QTest::newRow("alexnet") << Arch::AlexNet;
    QTest::newRow("resnet18") << Arch::ResNet18;
  }
  void followsWeightChanges() {
    QFETCH(Arch, arch);
    auto backbone = make(arch, false);
    auto images = torch::randn({8, 3, 32, 32});
    isl::FrozenBackbone frozen(backbone, torch::kCPU, false);
    backbone->train();
    auto before = frozen.features(images);
    QVERIFY(backbone->is_training());
    QVERIFY(max_abs(before - reference(*backbone, images, false, false)) < 1e-4);

    torch::optim::SGD optimizer(backbone->parameters(), torch::optim::SGDOptions(0.5).momentum(0.9));
    backbone->forward(torch::randn({8, 3, 32, 32})).sum().backward();  // also moves BN statistics
    optimizer.step();
    auto after = frozen.features(images);
    auto want = reference(*backbone, images, false, false);
    QVERIFY(max_abs(after - before) > 1e-3);  // the step changed something
    QVERIFY(max_abs(after - want) < 1e-4);

    // Statistics alone (a train-mode forward without a step) are followed too.
    { torch::NoGradGuard no_grad; backbone->forward(torch::randn({8, 3, 32, 32}) * 3 + 1); }
    QVERIFY(max_abs(frozen.features(images) - reference(*backbone, images, false, false)) < 1e-4);

    // A checkpoint load writes the tensors in place.
    auto other = make(arch, false);
    {
      torch::NoGradGuard no_grad;
      auto source = other->parameters();
      auto target = backbone->parameters();
      for (size_t i = 0; i < source.size(); ++i) target[i].copy_(source[i]);
    }
    QVERIFY(max_abs(frozen.features(images) - reference(*backbone, images, false, false)) < 1e-4);
  }

  // Its features feed autograd code (the GAN step builds triplets from them).
  void outputUsableWithAutograd() {
    auto backbone = make(Arch::AlexNet, false);
    isl::FrozenBackbone frozen(backbone, torch::kCPU, false);
    auto features = frozen.features(torch::randn({4, 3, 32, 32}));
    QVERIFY(!features.requires_grad());
    auto weight = torch::randn({128, 3}, torch::requires_grad());
    torch::matmul(features, weight).sum().backward();
    QVERIFY(weight.grad().defined());
    features.mul_(2);  // in place outside InferenceMode: allowed on an ordinary tensor
  }
};

ISL_REGISTER_TEST(TestFrozenForward);
#include "test_frozen_forward.moc"
