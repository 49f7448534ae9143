#include <ATen/autocast_mode.h>
#include <QTest>
#include <torch/torch.h>

#include <sstream>

#include "core/input_error.h"
#include "core/models/alexnet.h"
#include "core/models/backbone.h"
#include "core/models/resnet.h"
#include "test_registry.h"

using isl::models::Arch;
using isl::models::BackboneOptions;

Q_DECLARE_METATYPE(Arch)

namespace {

int64_t parameter_count(const torch::nn::Module& module) {
  int64_t total = 0;
  for (const auto& p : module.parameters()) total += p.numel();
  return total;
}

// ---------------------------------------------------------------------------------------------
// Parameter counts by hand, D = 128. Conventions:
//   conv kxk (in,out)      = in*out*k*k      (+ out with bias)
//   BN(c)                  = 2*c             (gamma and beta; running mean/var are buffers)
//   Linear(in,out)         = in*out + out
// ---------------------------------------------------------------------------------------------

// CIFAR AlexNet (convs with bias, see core/models/alexnet.cpp):
//   conv3x3(3,64)+bias     = 3*64*9 + 64       =     1792;  BN(64)   =  128
//   conv3x3(64,192)+bias   = 64*192*9 + 192    =   110784;  BN(192)  =  384
//   conv3x3(192,384)+bias  = 192*384*9 + 384   =   663936;  BN(384)  =  768
//   conv3x3(384,256)+bias  = 384*256*9 + 256   =   884992;  BN(256)  =  512
//   conv3x3(256,256)+bias  = 256*256*9 + 256   =   590080;  BN(256)  =  512
//   Linear(4096,1024)      = 4096*1024 + 1024  =  4195328;  BN1d(1024) = 2048
//   Linear(1024,1024)      = 1024*1024 + 1024  =  1049600;  BN1d(1024) = 2048
//   Linear(1024,128)       = 1024*128 + 128    =   131200
//   total                                       =  7634112
constexpr int64_t kAlexNetCifar =
    (3 * 64 * 9 + 64) + 2 * 64 +
    (64 * 192 * 9 + 192) + 2 * 192 +
    (192 * 384 * 9 + 384) + 2 * 384 +
    (384 * 256 * 9 + 256) + 2 * 256 +
    (256 * 256 * 9 + 256) + 2 * 256 +
    (4096 * 1024 + 1024) + 2 * 1024 +
    (1024 * 1024 + 1024) + 2 * 1024 +
    (1024 * 128 + 128);
static_assert(kAlexNetCifar == 7634112);

// ImageNet AlexNet (torchvision features, no BN, no dropout):
//   conv11x11(3,64)+bias   = 3*64*121 + 64     =    23296
//   conv5x5(64,192)+bias   = 64*192*25 + 192   =   307392
//   conv3x3(192,384)+bias  = 192*384*9 + 384   =   663936
//   conv3x3(384,256)+bias  = 384*256*9 + 256   =   884992
//   conv3x3(256,256)+bias  = 256*256*9 + 256   =   590080
//   Linear(9216,4096)      = 9216*4096 + 4096  = 37752832
//   Linear(4096,4096)      = 4096*4096 + 4096  = 16781312
//   Linear(4096,128)       = 4096*128 + 128    =   524416
//   total                                       = 57528256
//   (cross-check: torchvision alexnet has 61100840 = 57003840 + Linear(4096,1000) 4097000)
constexpr int64_t kAlexNetImageNet =
    (3 * 64 * 121 + 64) +
    (64 * 192 * 25 + 192) +
    (192 * 384 * 9 + 384) +
    (384 * 256 * 9 + 256) +
    (256 * 256 * 9 + 256) +
    (9216 * 4096 + 4096) +
    (4096 * 4096 + 4096) +
    (4096 * 128 + 128);
static_assert(kAlexNetImageNet == 57528256);

// ResNet convs have no bias.
// Stems:
//   CIFAR    conv3x3(3,64) = 3*64*9  = 1728;  BN(64) = 128;  stem = 1856
//   ImageNet conv7x7(3,64) = 3*64*49 = 9408;  BN(64) = 128;  stem = 9536 (max-pool: none)
constexpr int64_t kStemCifar = 3 * 64 * 9 + 2 * 64;
constexpr int64_t kStemImageNet = 3 * 64 * 49 + 2 * 64;

// ResNet18 BasicBlocks: conv3x3(in,p) + BN(p) + conv3x3(p,p) + BN(p) [+ conv1x1(in,p) + BN(p)]
//   layer1, 2 x (64->64, identity)     : 64*64*9 + 128 + 64*64*9 + 128               =   73984 each
//   layer2 block1 (64->128, s2, 1x1)   : 64*128*9 + 256 + 128*128*9 + 256 + 64*128 + 256 = 230144
//   layer2 block2 (128->128)           : 128*128*9 + 256 + 128*128*9 + 256            =  295424
//   layer3 block1 (128->256, s2, 1x1)  : 128*256*9 + 512 + 256*256*9 + 512 + 128*256 + 512 = 919040
//   layer3 block2 (256->256)           : 256*256*9 + 512 + 256*256*9 + 512            = 1180672
//   layer4 block1 (256->512, s2, 1x1)  : 256*512*9 + 1024 + 512*512*9 + 1024 + 256*512 + 1024 = 3673088
//   layer4 block2 (512->512)           : 512*512*9 + 1024 + 512*512*9 + 1024          = 4720640
//   stages = 147968 + 525568 + 2099712 + 8393728 = 11166976
//   fc Linear(512,128) = 512*128 + 128 = 65664
//   CIFAR total    = 1856 + 11166976 + 65664 = 11234496
//   ImageNet total = 9536 + 11166976 + 65664 = 11242176
//   (cross-check: torchvision resnet18 has 11689512 = 11176512 + Linear(512,1000) 513000)
constexpr int64_t kResNet18Stages =
    2 * (64 * 64 * 9 + 2 * 64 + 64 * 64 * 9 + 2 * 64) +
    (64 * 128 * 9 + 2 * 128 + 128 * 128 * 9 + 2 * 128 + 64 * 128 + 2 * 128) +
    (128 * 128 * 9 + 2 * 128 + 128 * 128 * 9 + 2 * 128) +
    (128 * 256 * 9 + 2 * 256 + 256 * 256 * 9 + 2 * 256 + 128 * 256 + 2 * 256) +
    (256 * 256 * 9 + 2 * 256 + 256 * 256 * 9 + 2 * 256) +
    (256 * 512 * 9 + 2 * 512 + 512 * 512 * 9 + 2 * 512 + 256 * 512 + 2 * 512) +
    (512 * 512 * 9 + 2 * 512 + 512 * 512 * 9 + 2 * 512);
constexpr int64_t kResNet18Fc = 512 * 128 + 128;
constexpr int64_t kResNet18Cifar = kStemCifar + kResNet18Stages + kResNet18Fc;
constexpr int64_t kResNet18ImageNet = kStemImageNet + kResNet18Stages + kResNet18Fc;
static_assert(kResNet18Stages == 11166976);
static_assert(kResNet18Cifar == 11234496);
static_assert(kResNet18ImageNet == 11242176);

// ResNet50 Bottlenecks (width p, out 4p):
//   conv1x1(in,p) + BN(p) + conv3x3(p,p) + BN(p) + conv1x1(p,4p) + BN(4p) [+ conv1x1(in,4p) + BN(4p)]
//   layer1 block1 (64->256, s1, 1x1 shortcut: channels change)
//        64*64 + 128 + 64*64*9 + 128 + 64*256 + 512 + 64*256 + 512             =    75008
//   layer1 blocks2-3 (256->256): 256*64 + 128 + 64*64*9 + 128 + 64*256 + 512   =    70400 each
//   layer2 block1 (256->512, s2, 1x1)
//        256*128 + 256 + 128*128*9 + 256 + 128*512 + 1024 + 256*512 + 1024     =   379392
//   layer2 blocks2-4 (512->512): 512*128 + 256 + 128*128*9 + 256 + 128*512 + 1024 = 280064 each
//   layer3 block1 (512->1024, s2, 1x1)
//        512*256 + 512 + 256*256*9 + 512 + 256*1024 + 2048 + 512*1024 + 2048   =  1512448
//   layer3 blocks2-6 (1024->1024): 1024*256 + 512 + 256*256*9 + 512 + 256*1024 + 2048 = 1117184 each
//   layer4 block1 (1024->2048, s2, 1x1)
//        1024*512 + 1024 + 512*512*9 + 1024 + 512*2048 + 4096 + 1024*2048 + 4096 = 6039552
//   layer4 blocks2-3 (2048->2048): 2048*512 + 1024 + 512*512*9 + 1024 + 512*2048 + 4096 = 4462592 each
//   stages = 215808 + 1219584 + 7098368 + 14964736 = 23498496
//   fc Linear(2048,128) = 2048*128 + 128 = 262272
//   CIFAR total    = 1856 + 23498496 + 262272 = 23762624
//   ImageNet total = 9536 + 23498496 + 262272 = 23770304
//   (cross-check: torchvision resnet50 has 25557032 = 23508032 + Linear(2048,1000) 2049000)
constexpr int64_t kResNet50Stages =
    (64 * 64 + 2 * 64 + 64 * 64 * 9 + 2 * 64 + 64 * 256 + 2 * 256 + 64 * 256 + 2 * 256) +
    2 * (256 * 64 + 2 * 64 + 64 * 64 * 9 + 2 * 64 + 64 * 256 + 2 * 256) +
    (256 * 128 + 2 * 128 + 128 * 128 * 9 + 2 * 128 + 128 * 512 + 2 * 512 + 256 * 512 + 2 * 512) +
    3 * (512 * 128 + 2 * 128 + 128 * 128 * 9 + 2 * 128 + 128 * 512 + 2 * 512) +
    (512 * 256 + 2 * 256 + 256 * 256 * 9 + 2 * 256 + 256 * 1024 + 2 * 1024 + 512 * 1024 + 2 * 1024) +
    5 * (1024 * 256 + 2 * 256 + 256 * 256 * 9 + 2 * 256 + 256 * 1024 + 2 * 1024) +
    (1024 * 512 + 2 * 512 + 512 * 512 * 9 + 2 * 512 + 512 * 2048 + 2 * 2048 + 1024 * 2048 + 2 * 2048) +
    2 * (2048 * 512 + 2 * 512 + 512 * 512 * 9 + 2 * 512 + 512 * 2048 + 2 * 2048);
constexpr int64_t kResNet50Fc = 2048 * 128 + 128;
constexpr int64_t kResNet50Cifar = kStemCifar + kResNet50Stages + kResNet50Fc;
constexpr int64_t kResNet50ImageNet = kStemImageNet + kResNet50Stages + kResNet50Fc;
static_assert(kResNet50Stages == 23498496);
static_assert(kResNet50Cifar == 23762624);
static_assert(kResNet50ImageNet == 23770304);

// The six variants as QtTest rows: arch, imagenet_stem.
void add_variant_columns() {
  QTest::addColumn<Arch>("arch");
  QTest::addColumn<bool>("imagenet");
}

}  // namespace

class TestBackbones : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { torch::manual_seed(0); }

  void parameterCount_data() {
    add_variant_columns();
    QTest::addColumn<qint64>("expected");
    QTest::newRow("alexnet-cifar") << Arch::AlexNet << false << qint64(kAlexNetCifar);
    QTest::newRow("alexnet-imagenet") << Arch::AlexNet << true << qint64(kAlexNetImageNet);
    QTest::newRow("resnet18-cifar") << Arch::ResNet18 << false << qint64(kResNet18Cifar);
    QTest::newRow("resnet18-imagenet") << Arch::ResNet18 << true << qint64(kResNet18ImageNet);
    QTest::newRow("resnet50-cifar") << Arch::ResNet50 << false << qint64(kResNet50Cifar);
    QTest::newRow("resnet50-imagenet") << Arch::ResNet50 << true << qint64(kResNet50ImageNet);
  }
  void parameterCount() {
    QFETCH(Arch, arch);
    QFETCH(bool, imagenet);
    QFETCH(qint64, expected);
    auto net = isl::models::make_backbone({arch, imagenet, 128});
    QCOMPARE(qint64(parameter_count(*net)), expected);
  }

  // Output [2, D] with unit rows, conv5 [2, conv5_dim()], forward == embed(conv5).
  // CIFAR variants run in training mode (batch statistics, as in training), ImageNet ones in
  // eval mode.
  void forwardShapes_data() {
    add_variant_columns();
    QTest::addColumn<qint64>("conv5Dim");
    QTest::newRow("alexnet-cifar") << Arch::AlexNet << false << qint64(256 * 4 * 4);
    QTest::newRow("alexnet-imagenet") << Arch::AlexNet << true << qint64(256 * 6 * 6);
    QTest::newRow("resnet18-cifar") << Arch::ResNet18 << false << qint64(512);
    QTest::newRow("resnet18-imagenet") << Arch::ResNet18 << true << qint64(512);
    QTest::newRow("resnet50-cifar") << Arch::ResNet50 << false << qint64(2048);
    QTest::newRow("resnet50-imagenet") << Arch::ResNet50 << true << qint64(2048);
  }
  void forwardShapes() {
    QFETCH(Arch, arch);
    QFETCH(bool, imagenet);
    QFETCH(qint64, conv5Dim);
    const BackboneOptions options{arch, imagenet, 128};
    auto net = isl::models::make_backbone(options);
    net->train(!imagenet);
    torch::NoGradGuard no_grad;
    const int side = isl::models::input_size(options);
    QCOMPARE(side, imagenet ? 224 : 32);
    auto images = torch::randn({2, 3, side, side});

    QCOMPARE(net->conv5_dim(), int64_t(conv5Dim));
    auto conv5 = net->conv5(images);
    QCOMPARE(conv5.sizes().vec(), (std::vector<int64_t>{2, conv5Dim}));

    auto features = net->embed(conv5);
    QCOMPARE(features.sizes().vec(), (std::vector<int64_t>{2, 128}));
    QVERIFY((features.norm(2, 1) - 1).abs().max().item<double>() < 1e-5);

    auto direct = net->forward(images);
    QVERIFY(torch::allclose(direct, features, 1e-5, 1e-6));
  }

  void featureDimIsHonoured() {
    auto net = isl::models::make_backbone({Arch::ResNet18, false, 64});
    net->eval();
    torch::NoGradGuard no_grad;
    auto features = net->forward(torch::randn({2, 3, 32, 32}));
    QCOMPARE(features.sizes().vec(), (std::vector<int64_t>{2, 64}));
    QVERIFY_THROWS_EXCEPTION(isl::InputError, isl::models::make_backbone({Arch::ResNet18, false, 0}));
  }

  // Every parameter and buffer (BN running statistics included) goes through save/load.
  void saveLoadRoundTrip() {
    auto net = isl::models::make_backbone({Arch::AlexNet, false, 128});
    {
      torch::NoGradGuard no_grad;
      net->train();
      net->forward(torch::randn({4, 3, 32, 32}));  // moves the running statistics
    }
    std::stringstream stream;
    {
      torch::serialize::OutputArchive archive;
      net->save(archive);
      archive.save_to(stream);
    }
    auto copy = isl::models::make_backbone({Arch::AlexNet, false, 128});
    {
      torch::serialize::InputArchive archive;
      archive.load_from(stream);
      copy->load(archive);
    }
    auto a = net->named_parameters(), b = copy->named_parameters();
    QCOMPARE(a.size(), b.size());
    for (const auto& item : a) QVERIFY2(torch::equal(item.value(), b[item.key()]), item.key().c_str());
    auto abuf = net->named_buffers(), bbuf = copy->named_buffers();
    QCOMPARE(abuf.size(), size_t(5 * 3 + 2 * 3));  // 7 BatchNorms x (mean, var, batches seen)
    QCOMPARE(abuf.size(), bbuf.size());
    for (const auto& item : abuf) QVERIFY2(torch::equal(item.value(), bbuf[item.key()]), item.key().c_str());
  }

  // Training may wrap forward in CPU bf16 autocast: the modules must not force a dtype.
  void runsUnderBf16Autocast() {
    auto net = isl::models::make_backbone({Arch::ResNet18, false, 128});
    net->train();
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    at::autocast::set_cpu_enabled(true);
    torch::Tensor features;
    try {
      features = net->forward(torch::randn({2, 3, 32, 32}));
    } catch (...) {
      at::autocast::set_cpu_enabled(false);
      throw;
    }
    at::autocast::set_cpu_enabled(false);
    at::autocast::clear_cache();
    QCOMPARE(features.sizes().vec(), (std::vector<int64_t>{2, 128}));
    QVERIFY((features.to(torch::kFloat).norm(2, 1) - 1).abs().max().item<double>() < 2e-2);
    features.to(torch::kFloat).sum().backward();
    for (const auto& p : net->parameters()) QVERIFY(p.grad().defined());
  }

  void archNames() {
    for (Arch arch : {Arch::AlexNet, Arch::ResNet18, Arch::ResNet50})
      QCOMPARE(isl::models::arch_from_string(isl::models::to_string(arch)), arch);
    QCOMPARE(isl::models::to_string(Arch::ResNet50), std::string("resnet50"));
    QCOMPARE(isl::models::arch_from_string("ResNet18"), Arch::ResNet18);
  }

  void unknownArchIsRejected() {
    try {
      isl::models::arch_from_string("vgg");
      QFAIL("arch_from_string accepted 'vgg'");
    } catch (const isl::InputError& e) {
      QCOMPARE(e.subject(), std::string("--arch"));
      const std::string message = e.what();
      QVERIFY2(message.find("'vgg'") != std::string::npos, message.c_str());
      QVERIFY2(message.find("allowed: alexnet, resnet18, resnet50") != std::string::npos,
               message.c_str());
    }
  }

  void inputSize() {
    QCOMPARE(isl::models::input_size({Arch::AlexNet, false, 128}), 32);
    QCOMPARE(isl::models::input_size({Arch::ResNet50, true, 128}), 224);
  }
};

ISL_REGISTER_TEST(TestBackbones);
#include "test_backbones.moc"
