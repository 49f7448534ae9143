// Files other programs open: metrics as CSV, TensorBoard scalars, the projector's files. Each is
// read back by a reader that does not share this program's code (Python's csv module, a
// protobuf-based event file reader, TensorBoard's text format for the projector config).
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/data/augment.h"
#include "core/data/image_dataset.h"
#include "core/data/subset_dataset.h"
#include "core/input_error.h"
#include "core/models/backbone.h"
#include "core/run/metrics_csv.h"
#include "core/run/projector_export.h"
#include "core/run/run_files.h"
#include "core/run/tensorboard_events.h"
#include "core/run/trainer.h"
#include "python_script.h"
#include "short_runs.h"
#include "test_registry.h"

using namespace isl;
namespace fs = std::filesystem;

namespace {

// Three rounds of the Euclidean baseline on 96 digits: backbone, GAN and mining epochs in two
// rounds (the baseline mines as ISL does, to size its sets), evaluations before anything is
// mined (null precision) and after, and the final evaluation. Mining is opened wide, as in
// the trainer's tests, so that sets grow in the first round already.
Config tiny_config() {
  Config c = test::short_run("euclidean", 3, 96);
  c.max_test_images = 50;
  c.gan_min_epochs_first_round = 1;
  c.feature_dim = 16;
  c.negative_candidates = 32;
  c.tracked_anchors = 4;
  c.device = "cpu";
  c.precision = "fp32";
  return c;
}

bool read_with_script(const char* script, const std::string& file, nlohmann::json& result, QString& problem) {
  std::string output;
  if (!test::run_python({test::python_script(script), QString::fromStdString(file)}, output, problem))
    return false;
  result = nlohmann::json::parse(output);
  return true;
}

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, separator)) fields.push_back(field);
  if (!line.empty() && line.back() == separator) fields.push_back("");
  return fields;
}

struct Checkpoint {
  torch::Tensor memory, sizes, rounds;
};

Checkpoint read_checkpoint(const std::string& run, const std::string& prefix) {
  torch::serialize::InputArchive archive;
  archive.load_from(run_files::latest_checkpoint_path(run));
  Checkpoint c;
  archive.read("memory", c.memory);
  archive.read(prefix + "_sizes", c.sizes);
  archive.read(prefix + "_rounds", c.rounds);
  return c;
}

std::shared_ptr<const data::ImageDataset> training_images(const Config& config) {
  return data::first_images(data::open_dataset(data::DatasetKind::Mnist, ISL_BUILT_IN_DATA, 32).train,
                            config.max_train_images);
}

// The projector files of `run` in `out` agree with its checkpoint's sets `prefix`.
void check_projector_files(const std::string& run, const std::string& out, const std::string& prefix) {
  const Config config = read_config_file(run_files::config_path(run));
  const Checkpoint checkpoint = read_checkpoint(run, prefix);
  const auto images = training_images(config);
  const int64_t n = checkpoint.memory.size(0), d = checkpoint.memory.size(1);

  // tensors.tsv: the memory bank, every float as stored.
  const auto tensor_rows = lines_of(out + "/tensors.tsv");
  QCOMPARE(int64_t(tensor_rows.size()), n);
  for (int64_t i = 0; i < n; ++i) {
    const auto fields = split(tensor_rows[size_t(i)], '\t');
    QCOMPARE(int64_t(fields.size()), d);
    for (int64_t j = 0; j < d; ++j) QCOMPARE(std::stof(fields[size_t(j)]), checkpoint.memory[i][j].item<float>());
  }

  // k_occurrence by brute force: every pair's cosine similarity.
  const int64_t k = kProjectorNeighbours;
  std::vector<int64_t> occurrence(size_t(n), 0);
  const auto unit = checkpoint.memory / checkpoint.memory.norm(2, 1, true);
  for (int64_t i = 0; i < n; ++i) {
    std::vector<std::pair<float, int64_t>> others;
    for (int64_t j = 0; j < n; ++j)
      if (j != i) others.push_back({unit[i].dot(unit[j]).item<float>(), j});
    std::sort(others.begin(), others.end(), std::greater<>());
    for (int64_t r = 0; r < k; ++r) ++occurrence[size_t(others[size_t(r)].second)];
  }
  int64_t total = 0;
  for (auto count : occurrence) total += count;
  QCOMPARE(total, n * k);

  const auto metadata = lines_of(out + "/metadata.tsv");
  QCOMPARE(int64_t(metadata.size()), n + 1);
  QCOMPARE(metadata[0], std::string("index\tlabel\tset_size\tjoined_round\thub\tk_occurrence"));
  int with_positives = 0;
  for (int64_t i = 0; i < n; ++i) {
    const auto fields = split(metadata[size_t(i + 1)], '\t');
    QCOMPARE(fields.size(), size_t(6));
    QCOMPARE(std::stoll(fields[0]), i);
    QCOMPARE(std::stoi(fields[1]), images->label(i));
    const int64_t size = checkpoint.sizes[i].item<int64_t>();
    QCOMPARE(std::stoll(fields[2]), size);
    if (size > 1) {
      ++with_positives;
      QCOMPARE(std::stoi(fields[3]), int(checkpoint.rounds[i].narrow(0, 1, size - 1).min().item<int16_t>()));
    } else {
      QCOMPARE(fields[3], std::string());
    }
    QCOMPARE(std::stoll(fields[5]), occurrence[size_t(i)]);
    QCOMPARE(fields[4], std::string(occurrence[size_t(i)] >= 2 * k ? "1" : "0"));
  }
  QVERIFY2(with_positives > 0, "nothing was mined: the set columns were not exercised");

  // projector_config.pbtxt as TensorBoard parses it (projector_config.proto).
  nlohmann::json config_file;
  QString problem;
  QVERIFY2(read_with_script("read_projector_config.py", out + "/projector_config.pbtxt", config_file, problem),
           qPrintable(problem));
  QCOMPARE(config_file["embeddings"].size(), size_t(1));
  const auto& embedding = config_file["embeddings"][0];
  QCOMPARE(embedding["tensor_name"].get<std::string>(), std::string("memory_bank"));
  QCOMPARE(embedding["tensor_shape"].get<std::vector<int64_t>>(), (std::vector<int64_t>{n, d}));
  QCOMPARE(embedding["tensor_path"].get<std::string>(), std::string("tensors.tsv"));
  QCOMPARE(embedding["metadata_path"].get<std::string>(), std::string("metadata.tsv"));
  QCOMPARE(embedding["sprite"]["image_path"].get<std::string>(), std::string("sprite.png"));
  QCOMPARE(embedding["sprite"]["single_image_dim"].get<std::vector<int>>(), (std::vector<int>{32, 32}));

  // The sprite: ceil(sqrt(96)) = 10 thumbnails of 32 pixels a row, image i in cell i.
  const cv::Mat sprite = cv::imread(out + "/sprite.png", cv::IMREAD_COLOR);
  QVERIFY(!sprite.empty());
  QCOMPARE(sprite.cols, 10 * 32);
  QCOMPARE(sprite.rows, 10 * 32);
  std::vector<uint8_t> pixels(size_t(images->shape().bytes()));
  for (int64_t i : {int64_t(0), int64_t(37), n - 1}) {
    images->read(i, pixels.data());
    const int x = int(i % 10) * 32, y = int(i / 10) * 32;
    for (int row : {5, 16, 27})
      for (int column : {5, 16, 27}) {
        const auto bgr = sprite.at<cv::Vec3b>(y + row, x + column);
        const uint8_t* rgb = &pixels[size_t((row * 32 + column) * 3)];
        QCOMPARE(int(bgr[2]), int(rgb[0]));
        QCOMPARE(int(bgr[1]), int(rgb[1]));
        QCOMPARE(int(bgr[0]), int(rgb[2]));
      }
  }
}

}  // namespace

class TestExports : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    run_ = dir_.filePath("run").toStdString();
    Trainer trainer(tiny_config(), run_);
    trainer.run();
    QCOMPARE(trainer.state(), RunState::Finished);
    trainer.run_linear_probe();
    // The same run as ISL would read it: the mined sets instead of the baseline's.
    isl_run_ = dir_.filePath("as-isl").toStdString();
    fs::create_directories(run_files::checkpoint_directory(isl_run_));
    fs::copy_file(run_files::latest_checkpoint_path(run_), run_files::latest_checkpoint_path(isl_run_));
    Config as_isl = tiny_config();
    as_isl.method = "isl";
    write_file_atomically(run_files::config_path(isl_run_), to_json_text(as_isl));
  }

  void metricsCsvReadsBackWithPythonsCsvModule() {
    std::vector<MetricsRecord> records = read_metrics_file(run_files::metrics_path(run_));
    // Fields that need RFC 4180 quoting: a comma, a double quote, a line break.
    MetricsRecord odd;
    odd.kind = "note, \"quoted\"\nsecond line";
    odd.values = {{"a,b", 1.5}, {"knn_top1", std::numeric_limits<double>::quiet_NaN()}};
    records.push_back(odd);
    const std::string path = dir_.filePath("metrics.csv").toStdString();
    export_metrics_csv(records, path);

    std::string output;
    QString problem;
    QVERIFY2(test::run_python({"-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))",
                         QString::fromStdString(path)},
                        output, problem),
             qPrintable(problem));
    const auto rows = nlohmann::json::parse(output);
    QCOMPARE(rows.size(), records.size() + 1);
    std::set<std::string> keys;
    for (const auto& r : records)
      for (const auto& [key, value] : r.values) keys.insert(key);
    std::vector<std::string> header = {"kind", "round", "stage", "epoch", "global_epoch", "seconds"};
    header.insert(header.end(), keys.begin(), keys.end());
    QVERIFY(rows[0].get<std::vector<std::string>>() == header);
    for (size_t i = 0; i < records.size(); ++i) {
      const auto row = rows[i + 1].get<std::vector<std::string>>();
      const auto& r = records[i];
      QCOMPARE(row.size(), header.size());
      QCOMPARE(row[0], r.kind);
      QCOMPARE(std::stoi(row[1]), r.round);
      QCOMPARE(row[2], to_string(r.stage));
      QCOMPARE(std::stoi(row[3]), r.epoch);
      QCOMPARE(std::stoi(row[4]), r.global_epoch);
      QVERIFY(std::abs(std::stod(row[5]) - r.seconds) <= 1e-9 * std::max(1.0, r.seconds));
      for (size_t c = 6; c < header.size(); ++c) {
        const auto found = r.values.find(header[c]);
        if (found == r.values.end() || !std::isfinite(found->second)) {
          QCOMPARE(row[c], std::string());  // missing or undefined: an empty cell
        } else {
          QVERIFY2(std::abs(std::stod(row[c]) - found->second) <= 1e-9 * std::max(1.0, std::abs(found->second)),
                   (header[c] + " = " + row[c]).c_str());
        }
      }
    }
    try {
      export_metrics_csv(records, dir_.filePath("missing/folder/metrics.csv").toStdString());
      QFAIL("an unwritable path was accepted");
    } catch (const InputError& error) {
      QCOMPARE(error.subject(), dir_.filePath("missing/folder/metrics.csv").toStdString());
    }
  }

  void tensorboardScalarsReadBackWithAnIndependentReader() {
    const std::vector<MetricsRecord> records = read_metrics_file(run_files::metrics_path(run_));
    // The run holds every kind of record the trainer writes.
    std::set<std::string> kinds;
    std::set<int> gan_rounds;
    bool undefined_value = false;
    for (const auto& r : records) {
      kinds.insert(r.kind == "epoch" ? to_string(r.stage) : r.kind);
      if (r.kind == "epoch" && r.stage == Stage::Gan) gan_rounds.insert(r.round);
      for (const auto& [key, value] : r.values) undefined_value |= !std::isfinite(value);
    }
    QVERIFY(kinds == (std::set<std::string>{"backbone", "gan", "mining", "eval", "probe", "final"}));
    QVERIFY2(gan_rounds.size() >= 2, "GAN epochs in two rounds are needed to check their steps");
    QVERIFY2(undefined_value, "no null precision among the records");

    const std::string directory = dir_.filePath("tensorboard/nested").toStdString();
    const std::time_t before = std::time(nullptr);
    const std::string path = export_tensorboard_scalars(records, directory);
    const std::time_t after = std::time(nullptr);
    QCOMPARE(fs::path(path).parent_path().string(), directory);
    const std::string name = fs::path(path).filename().string();
    const std::string prefix = "events.out.tfevents.";
    QVERIFY2(name.rfind(prefix, 0) == 0, name.c_str());
    const std::string rest = name.substr(prefix.size());
    const std::time_t stamp = std::stoll(rest.substr(0, rest.find('.')));
    QVERIFY(stamp >= before && stamp <= after);
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    QCOMPARE(rest.substr(rest.find('.') + 1), std::string(host));

    nlohmann::json events;
    QString problem;
    QVERIFY2(read_with_script("read_tfevents.py", path, events, problem), qPrintable(problem));
    QCOMPARE(events["file_version"].get<std::string>(), std::string("brain.Event:2"));

    // What the records should give: tags by stage (epochs) or kind, steps by global_epoch
    // except GAN and mining epochs, which count their stage's epochs across rounds.
    struct Scalar {
      std::string tag;
      int64_t step;
      double value, seconds;
    };
    std::vector<Scalar> expected;
    std::map<Stage, int64_t> stage_epochs;
    for (const auto& r : records) {
      const bool frozen_stage = r.kind == "epoch" && (r.stage == Stage::Gan || r.stage == Stage::Mining);
      const int64_t step = frozen_stage ? ++stage_epochs[r.stage] : r.global_epoch;
      for (const auto& [key, value] : r.values)
        if (std::isfinite(value))
          expected.push_back({(r.kind == "epoch" ? to_string(r.stage) : r.kind) + "/" + key, step, value, r.seconds});
    }
    const auto& scalars = events["scalars"];
    QCOMPARE(scalars.size(), expected.size());
    const double start = events["file_version_wall_time"].get<double>();
    double last_seconds = 0;
    for (const auto& r : records) last_seconds = std::max(last_seconds, r.seconds);
    QVERIFY(start >= double(before) - last_seconds - 1e-6 && start <= double(after) - last_seconds + 1e-6);
    std::set<std::string> tags;
    for (size_t i = 0; i < expected.size(); ++i) {
      const auto& got = scalars[i];
      QCOMPARE(got["tag"].get<std::string>(), expected[i].tag);
      QCOMPARE(got["step"].get<int64_t>(), expected[i].step);
      QCOMPARE(got["value"].get<double>(), double(float(expected[i].value)));
      QVERIFY(std::abs(got["wall_time"].get<double>() - (start + expected[i].seconds)) < 1e-6);
      tags.insert(expected[i].tag);
    }
    for (const char* tag : {"backbone/loss", "backbone/learning_rate", "gan/gan_generator", "mining/proxy_confidence",
                            "eval/knn_top1", "eval/precision_isl", "probe/linear_top1", "final/knn_top1_final"})
      QVERIFY2(tags.count(tag), tag);
    QCOMPARE(stage_epochs[Stage::Mining], int64_t(2));

    try {
      export_tensorboard_scalars(records, run_files::config_path(run_) + "/below-a-file");
      QFAIL("a directory below a file was accepted");
    } catch (const InputError& error) {
      QCOMPARE(error.subject(), run_files::config_path(run_) + "/below-a-file");
    }
  }

  void projectorFilesOfTheTrainedSets() {
    // The baseline trains on its Euclidean sets (re-assigned each round: every member from the
    // last mining round); as ISL, the same checkpoint gives the mined sets (first round 0).
    const std::string out = dir_.filePath("projector-euclidean").toStdString();
    export_projector(run_, out, {});
    check_projector_files(run_, out, "euclidean");
    if (QTest::currentTestFailed()) return;
    const std::string isl_out = dir_.filePath("projector-isl").toStdString();
    export_projector(isl_run_, isl_out, {});
    check_projector_files(isl_run_, isl_out, "mined");
    if (QTest::currentTestFailed()) return;
    QVERIFY2(lines_of(out + "/metadata.tsv") != lines_of(isl_out + "/metadata.tsv"),
             "the Euclidean and mined sets gave the same metadata");
  }

  void projectorRecomputesFeaturesWithoutAugmentation() {
    const std::string out = dir_.filePath("projector-features").toStdString();
    ProjectorOptions options;
    options.recomputed_features = true;
    options.sprite = false;
    export_projector(run_, out, options);

    // The checkpoint's backbone in evaluation mode, image by image.
    const Config config = tiny_config();
    torch::serialize::InputArchive archive, weights;
    archive.load_from(run_files::latest_checkpoint_path(run_));
    archive.read("backbone", weights);
    auto backbone = models::make_backbone({models::Arch::AlexNet, false, config.feature_dim});
    backbone->load(weights);
    backbone->eval();
    torch::NoGradGuard no_grad;
    const auto images = training_images(config);
    const auto normalisation = data::augment_options_for(data::DatasetKind::Mnist);
    std::vector<uint8_t> pixels(size_t(images->shape().bytes()));
    auto inputs = torch::empty({images->size(), 3, 32, 32});
    for (int64_t i = 0; i < images->size(); ++i) {
      images->read(i, pixels.data());
      data::evaluation_image(pixels.data(), 32, 32, 32, normalisation, inputs[i].data_ptr<float>());
    }
    const auto expected = backbone->forward(inputs);

    const auto rows = lines_of(out + "/tensors.tsv");
    QCOMPARE(int64_t(rows.size()), images->size());
    auto written = torch::empty_like(expected);
    for (int64_t i = 0; i < images->size(); ++i) {
      const auto fields = split(rows[size_t(i)], '\t');
      QCOMPARE(int64_t(fields.size()), config.feature_dim);
      for (int64_t j = 0; j < config.feature_dim; ++j) written[i][j] = std::stof(fields[size_t(j)]);
    }
    QVERIFY2(torch::allclose(written, expected, 1e-4, 1e-5), "the features differ from the backbone's");
    QVERIFY(!torch::allclose(written, read_checkpoint(run_, "euclidean").memory, 1e-3, 1e-3));
    QVERIFY(!fs::exists(out + "/sprite.png"));
    nlohmann::json config_file;
    QString problem;
    QVERIFY2(read_with_script("read_projector_config.py", out + "/projector_config.pbtxt", config_file, problem),
             qPrintable(problem));
    QCOMPARE(config_file["embeddings"][0]["tensor_name"].get<std::string>(), std::string("features_without_augmentation"));
    QVERIFY(!config_file["embeddings"][0].contains("sprite"));
  }

  void spriteStaysWithinTheProjectorsLimit() {
    QCOMPARE(sprite_layout(96).per_row, 10);
    QCOMPARE(sprite_layout(96).side, 32);
    QCOMPARE(sprite_layout(256 * 256).side, 32);  // 256 x 32 = 8192: the largest at full size
    QCOMPARE(sprite_layout(256 * 256 + 1).per_row, 257);
    QCOMPARE(sprite_layout(256 * 256 + 1).side, 31);
    for (int64_t images : {int64_t(2), int64_t(1000), int64_t(50000), int64_t(60001), int64_t(1) << 20,
                           int64_t(2048) * 2048}) {
      const auto layout = sprite_layout(images);
      QVERIFY(int64_t(layout.per_row) * layout.per_row >= images);
      QVERIFY(int64_t(layout.per_row - 1) * (layout.per_row - 1) < images);
      QVERIFY2(layout.per_row * layout.side <= 8192, qPrintable(QString::number(images)));
    }
    QCOMPARE(sprite_layout(int64_t(2048) * 2048).side, 4);
  }

  void projectorNamesTheMissingOrDamagedFile() {
    auto subject_of = [](const std::string& run, const std::string& out) {
      try {
        export_projector(run, out, {});
      } catch (const InputError& error) {
        return error.subject();
      }
      return std::string("no error");
    };
    const std::string out = dir_.filePath("projector-errors").toStdString();
    const std::string empty = dir_.filePath("empty").toStdString();
    fs::create_directories(empty);
    QCOMPARE(subject_of(empty, out), run_files::config_path(empty));
    const std::string damaged = dir_.filePath("damaged").toStdString();
    fs::create_directories(run_files::checkpoint_directory(damaged));
    fs::copy_file(run_files::config_path(run_), run_files::config_path(damaged));
    QCOMPARE(subject_of(damaged, out), run_files::latest_checkpoint_path(damaged));  // no checkpoint
    write_file_atomically(run_files::latest_checkpoint_path(damaged), "not a checkpoint");
    QCOMPARE(subject_of(damaged, out), run_files::latest_checkpoint_path(damaged));
    // A checkpoint of another run: 96 images in its memory bank, 64 in the data set.
    Config fewer = tiny_config();
    fewer.max_train_images = 64;
    write_file_atomically(run_files::config_path(damaged), to_json_text(fewer));
    fs::copy_file(run_files::latest_checkpoint_path(run_), run_files::latest_checkpoint_path(damaged),
                  fs::copy_options::overwrite_existing);
    QCOMPARE(subject_of(damaged, out), run_files::latest_checkpoint_path(damaged));
    QVERIFY(!fs::exists(out + "/tensors.tsv"));
  }

 private:
  QTemporaryDir dir_;
  std::string run_, isl_run_;
};

ISL_REGISTER_TEST(TestExports);
#include "test_exports.moc"
