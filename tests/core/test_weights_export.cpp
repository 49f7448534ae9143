// The exported backbone weights in the Python networks they are meant for: the C++ backbone's
// eval-mode forward on a fixed batch is compared with tools/isl_models.py's and torchvision's
// after a strict load of the exported file (tests/python/check_exported_weights.py).
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include "core/models/backbone.h"
#include "core/models/batch_norm.h"
#include "core/run/run_files.h"
#include "core/run/weights_export.h"
#include "python_script.h"
#include "test_registry.h"

using namespace isl;

namespace {

c10::Dict<c10::IValue, c10::IValue> read_state(const std::string& path) {
  const std::string bytes = read_whole_file(path);
  return torch::pickle_load(std::vector<char>(bytes.begin(), bytes.end())).toGenericDict();
}

void write_tensor(const std::string& path, const torch::Tensor& tensor) {
  const std::vector<char> bytes = torch::pickle_save(tensor);
  write_file_atomically(path, std::string(bytes.begin(), bytes.end()));
}

// Scale and shift away from 1 and 0, and running statistics that average every batch (no
// momentum), so that eval mode after a few batches normalises about as train mode does.
void prepare_norm(const std::shared_ptr<torch::nn::Module>& module) {
  if (auto* norm = dynamic_cast<models::BatchNormImpl*>(module.get())) {
    norm->weight.uniform_(0.5, 1.5);
    norm->bias.normal_(0.0, 0.2);
    norm->options.momentum(c10::nullopt);
  }
}

// Seeded weights, BatchNorm scales and shifts that make a swapped weight and bias change the
// output, and running statistics of a few train-mode batches (so that lost or misnamed buffers
// change it too); left in eval mode. Deep networks with BatchNorm's default momentum keep
// statistics so far from their activations after three batches that every image's embedding
// came out the same.
std::shared_ptr<models::BackboneImpl> prepared_backbone(const models::BackboneOptions& options) {
  torch::manual_seed(9);
  auto backbone = models::make_backbone(options);
  const int64_t side = models::input_size(options);
  torch::NoGradGuard no_grad;
  for (const auto& module : backbone->modules()) {
    prepare_norm(module);
  }
  backbone->train();
  for (int step = 0; step < 3; ++step) backbone->forward(torch::randn({4, 3, side, side}) + 0.3);
  backbone->eval();
  return backbone;
}

// Exports `options`' prepared backbone and has the Python check load it; `compared` gets the
// names of the networks it compared, each within its tolerance.
void compare_in_python(const models::BackboneOptions& options, int64_t batch, std::vector<std::string>& compared) {
  QTemporaryDir dir;
  const std::string weights = dir.filePath("backbone.pt").toStdString();
  const std::string input = dir.filePath("input.pt").toStdString();
  const std::string expected = dir.filePath("expected.pt").toStdString();
  auto backbone = prepared_backbone(options);
  const int64_t side = models::input_size(options);
  const torch::Tensor images = torch::randn({batch, 3, side, side});
  torch::Tensor embeddings;
  {
    torch::NoGradGuard no_grad;
    embeddings = backbone->forward(images);
  }
  // Distinct images give distinct embeddings, so that agreeing outputs mean something.
  QVERIFY2((embeddings[0] - embeddings[1]).abs().max().item<float>() > 0.01,
           "the prepared backbone maps different images to the same embedding");
  export_backbone_state(*backbone, options, weights);
  write_tensor(input, images);
  write_tensor(expected, embeddings);

  std::string output;
  QString problem;
  const QStringList arguments{test::python_script("check_exported_weights.py"),
                              QString::fromStdString(models::to_string(options.arch)),
                              options.imagenet_stem ? "imagenet" : "cifar",
                              QString::number(options.feature_dim),
                              QString::fromStdString(weights),
                              QString::fromStdString(input),
                              QString::fromStdString(expected)};
  QVERIFY2(test::run_python(arguments, output, problem), qPrintable(problem));
  const nlohmann::json differences = nlohmann::json::parse(output);
  for (const auto& [name, difference] : differences.items()) {
    qInfo("%s %s: max |python - c++| %.2g", models::to_string(options.arch).c_str(), name.c_str(),
          difference.get<double>());
    compared.push_back(name);
  }
}

}  // namespace

class TestWeightsExport : public QObject {
  Q_OBJECT
 private slots:
  void cifar_alexnet_loads_into_isl_models() {
    std::vector<std::string> compared;
    compare_in_python({models::Arch::AlexNet, false, 32}, 4, compared);
    if (QTest::currentTestFailed()) return;
    QCOMPARE(compared, std::vector<std::string>{"isl_models.alexnet_cifar"});
  }

  void cifar_resnets_load_into_isl_models_and_torchvision() {
    for (auto arch : {models::Arch::ResNet18, models::Arch::ResNet50}) {
      const std::string name = models::to_string(arch);
      std::vector<std::string> compared;
      compare_in_python({arch, false, 32}, 3, compared);
      if (QTest::currentTestFailed()) return;
      QCOMPARE(compared.size(), size_t(2));
      QCOMPARE(compared[0], "isl_models." + name + "_cifar");
      QCOMPARE(compared[1], "torchvision." + name + " with the CIFAR stem");
    }
  }

  // The ImageNet stems are torchvision's own networks, AlexNet's classifier without dropout.
  void imagenet_stems_load_into_torchvision() {
    for (auto arch : {models::Arch::AlexNet, models::Arch::ResNet18}) {
      std::vector<std::string> compared;
      compare_in_python({arch, true, 32}, 2, compared);
      if (QTest::currentTestFailed()) return;
      QCOMPARE(compared, std::vector<std::string>{"torchvision." + models::to_string(arch)});
    }
  }

  // The names Python code looks for, with the dtypes PyTorch keeps: float parameters and
  // running statistics, an int64 batch count.
  void names_and_dtypes_are_torchvisions() {
    const models::BackboneOptions options{models::Arch::ResNet18, false, 16};
    QTemporaryDir dir;
    const std::string path = dir.filePath("backbone.pt").toStdString();
    export_backbone_state(*models::make_backbone(options), options, path);
    const auto state = read_state(path);
    for (const char* key : {"conv1.weight", "bn1.running_var", "layer2.0.downsample.0.weight",
                            "layer2.0.downsample.1.running_mean", "layer4.1.bn2.bias", "fc.weight"})
      QVERIFY2(state.contains(key), key);
    QCOMPARE(state.at("bn1.num_batches_tracked").toTensor().scalar_type(), torch::kLong);
    QCOMPARE(state.at("bn1.running_mean").toTensor().scalar_type(), torch::kFloat);
    for (const auto& item : state) {
      const std::string key = item.key().toStringRef();
      QVERIFY2(key.find("stem") == std::string::npos && key.find("shortcut") == std::string::npos, key.c_str());
    }
  }
};

ISL_REGISTER_TEST(TestWeightsExport);
#include "test_weights_export.moc"
