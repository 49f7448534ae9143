// The whole engine on the built-in MNIST digits: short runs that finish, stop and resume,
// and the command-line trainer's handling of bad arguments.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <dlfcn.h>
#include <omp.h>

#include <nlohmann/json.hpp>
#include <caffe2/serialize/inline_container.h>
#include <torch/script.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/input_error.h"
#include "core/isl/proxy_gan.h"
#include "core/models/backbone.h"
#include "core/run/compute_device.h"
#include "core/run/run_files.h"
#include "core/run/run_info.h"
#include "core/run/trainer.h"
#include "core/run/weights_export.h"
#include "test_registry.h"

using namespace isl;

namespace {

// A run small enough for a test: 512 digits, two rounds. The proxy GAN gets only a few
// dozen steps here, far too few for its proxies to reach the data, so the mining region is
// opened wide (r = 1 - 2c) to exercise mining end to end.
Config quick_config() {
  Config c;
  c.max_train_images = 512;
  c.max_test_images = 500;
  c.rounds = 2;
  c.backbone_epochs = 4;
  c.gan_epochs = 3;
  c.gan_min_epochs_first_round = 2;
  c.mining_epochs = 2;
  c.batch = 64;
  c.learning_rate = 0.003;
  c.confidence_threshold = 0.0;
  c.region = -1.0;
  c.negative_candidates = 256;
  c.knn_k = 20;
  c.tracked_anchors = 16;
  c.loader_workers = 1;
  return c;
}

// One round of instance discrimination: the quickest complete run.
Config instance_config(int64_t images, int epochs) {
  Config c = quick_config();
  c.method = "instance";
  c.rounds = 1;
  c.backbone_epochs = epochs;
  c.max_train_images = images;
  return c;
}

// Trains `config` to the end in `run` (the run lock is released on return).
void train(const Config& config, const std::string& run) {
  Trainer trainer(config, run);
  trainer.run();
}

struct Recorder : TrainingObserver {
  std::vector<MetricsRecord> records;
  std::vector<Progress> progress;
  std::function<void(const Progress&)> on_each_progress;
  void on_progress(const Progress& p) override {
    progress.push_back(p);
    if (on_each_progress) on_each_progress(p);
  }
  void on_metrics(const MetricsRecord& r) override { records.push_back(r); }
};

struct FinalState {
  torch::Tensor memory, members, sizes, backbone_weight;
};

FinalState read_checkpoint(const std::string& run) {
  torch::serialize::InputArchive archive, backbone;
  archive.load_from(run_files::latest_checkpoint_path(run));
  FinalState state;
  archive.read("memory", state.memory);
  archive.read("mined_members", state.members);
  archive.read("mined_sizes", state.sizes);
  archive.read("backbone", backbone);
  auto network = models::make_backbone({models::Arch::AlexNet, false, 128});
  network->load(backbone);
  std::vector<torch::Tensor> flat;
  for (const auto& parameter : network->parameters()) flat.push_back(parameter.detach().flatten());
  state.backbone_weight = torch::cat(flat);
  return state;
}

// A checkpoint's proxy GAN as named tensors in a fixed order: the generator's and the
// discriminator's parameters, each with its Adam state (step, first and second moments) and
// rate. LibTorch keys an optimiser's state by tensor address, which differs between processes,
// so the states are matched to parameters by loading them into a fresh optimiser.
std::vector<std::pair<std::string, torch::Tensor>> gan_state(const std::string& run, int64_t dim) {
  torch::serialize::InputArchive archive, gan;
  archive.load_from(run_files::latest_checkpoint_path(run));
  archive.read("gan", gan);
  std::vector<std::pair<std::string, torch::Tensor>> state;
  for (const std::string part : {"generator", "discriminator"}) {
    std::shared_ptr<torch::nn::Module> network;
    if (part == "generator") network = ProxyGenerator(dim).ptr();
    else network = ProxyDiscriminator(dim).ptr();
    torch::serialize::InputArchive weights, optimizer_archive;
    gan.read(part, weights);
    gan.read(part + "_optimizer", optimizer_archive);
    network->load(weights);
    torch::optim::Adam adam(network->parameters());
    adam.load(optimizer_archive);
    state.push_back({part + " learning rate", torch::tensor(adam.param_groups().at(0).options().get_lr())});
    for (const auto& item : network->named_parameters()) {
      const std::string name = part + "." + item.key();
      state.push_back({name, item.value()});
      const auto found = adam.state().find(c10::guts::to_string(item.value().unsafeGetTensorImpl()));
      if (found == adam.state().end()) {
        state.push_back({name + " has no Adam state", torch::Tensor()});
        continue;
      }
      const auto& moments = static_cast<const torch::optim::AdamParamState&>(*found->second);
      state.push_back({name + " Adam step", torch::tensor(moments.step())});
      state.push_back({name + " Adam exp_avg", moments.exp_avg()});
      state.push_back({name + " Adam exp_avg_sq", moments.exp_avg_sq()});
    }
  }
  return state;
}

// Equal values, NaN (an undefined precision) equal to NaN.
bool same_values(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [key, value] : a) {
    const auto other = b.find(key);
    if (other == b.end() || !(other->second == value || (std::isnan(other->second) && std::isnan(value)))) return false;
  }
  return true;
}

}  // namespace

class TestTrainer : public QObject {
  Q_OBJECT
 private slots:
  void short_isl_run_writes_a_valid_run_directory() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Trainer trainer(quick_config(), run);
    Recorder recorder;
    trainer.add_observer(&recorder);
    trainer.run();
    QCOMPARE(trainer.state(), RunState::Finished);

    // config.json reads back as the same settings.
    QCOMPARE(to_json_text(read_config_file(run_files::config_path(run))), to_json_text(quick_config()));
    // metrics.jsonl: every line parses; evaluations carry the documented keys.
    auto records = read_metrics_file(run_files::metrics_path(run));
    QCOMPARE(records.size(), recorder.records.size());
    int evaluations = 0;
    for (const auto& r : records) {
      if (r.kind != "eval") continue;
      ++evaluations;
      for (const char* key : {"knn_top1", "mined_pairs", "precision_isl", "precision_euclidean"})
        QVERIFY2(r.values.count(key), key);
      QVERIFY(r.values.at("knn_top1") >= 0 && r.values.at("knn_top1") <= 1);
    }
    QCOMPARE(evaluations, 4 + 1 + 4);  // every backbone epoch, and once after mining
    // Mining found pairs, and the evaluation after it measured their precision.
    const MetricsRecord* after_mining = nullptr;
    for (const auto& r : records)
      if (r.kind == "eval" && r.stage == Stage::Mining) after_mining = &r;
    QVERIFY(after_mining);
    QVERIFY(after_mining->values.at("mined_pairs") > 0);
    const double precision = after_mining->values.at("precision_isl");
    QVERIFY(precision >= 0 && precision <= 1);
    QVERIFY(after_mining->values.at("precision_euclidean") >= 0);
    // Learning happened: kNN top-1 well above the 10% of chance. The best memory-bank figure
    // counts: the region opened wide here mines about 20 mostly wrong pairs per image, which
    // pull round 1's memory bank together (its kNN falls to 0.15-0.3) until the final
    // evaluation recomputes the features.
    double best_knn = 0;
    for (const auto& r : records)
      if (r.kind == "eval") best_knn = std::max(best_knn, r.values.at("knn_top1"));
    QVERIFY2(best_knn > 0.3, "memory-bank kNN near chance");
    QVERIFY(latest_record(records, "final")->values.at("knn_top1_final") > 0.4);

    // Snapshots decode and the last one shows the mined sets.
    auto files = list_snapshot_files(run);
    QVERIFY(files.size() >= 10);
    Snapshot last = read_snapshot_file(files.back());
    QCOMPARE(last.images, int64_t(512));
    QCOMPARE(last.points.size(), size_t(512 * 3));
    QCOMPARE(int64_t(last.positives.members.size()) - 512, int64_t(after_mining->values.at("mined_pairs")));
    QCOMPARE(last.euclidean.members.size() + 512, last.positives.members.size());
    QVERIFY(!last.proxy_anchors.empty());
    QVERIFY(std::filesystem::exists(run_files::latest_checkpoint_path(run)));

    // Progress reported stages in order with sensible counts.
    QVERIFY(!recorder.progress.empty());
    for (const auto& p : recorder.progress) {
      QVERIFY(p.iteration >= 0 && p.iteration <= p.iterations);
      QVERIFY(p.stage_seconds_left >= 0);
    }
  }

  void stopped_and_resumed_run_equals_uninterrupted_run() {
    Config config = quick_config();
    config.max_train_images = 256;
    config.backbone_epochs = 2;
    QTemporaryDir dir;
    const std::string whole = dir.filePath("whole").toStdString();
    const std::string parts = dir.filePath("parts").toStdString();
    train(config, whole);
    {
      // Stop in the middle of the first GAN epoch.
      Trainer trainer(config, parts);
      Recorder recorder;
      recorder.on_each_progress = [&](const Progress& p) {
        if (p.stage == Stage::Gan && p.iteration >= 1 && p.iteration < p.iterations) trainer.stop();
      };
      trainer.add_observer(&recorder);
      trainer.run();
      QCOMPARE(trainer.state(), RunState::Idle);
    }
    {
      auto resumed = Trainer::resume(parts);
      resumed->run();
      QCOMPARE(resumed->state(), RunState::Finished);
    }
    auto a = read_checkpoint(whole);
    auto b = read_checkpoint(parts);
    QVERIFY(torch::equal(a.memory, b.memory));
    QVERIFY(torch::equal(a.members, b.members));
    QVERIFY(torch::equal(a.sizes, b.sizes));
    QVERIFY(a.backbone_weight.defined() && torch::equal(a.backbone_weight, b.backbone_weight));
    // The proxy GAN and its optimisers went on from where the stop left them.
    const auto gan_whole = gan_state(whole, config.feature_dim);
    const auto gan_parts = gan_state(parts, config.feature_dim);
    QCOMPARE(gan_parts.size(), gan_whole.size());
    for (size_t i = 0; i < gan_whole.size(); ++i) {
      QCOMPARE(gan_parts[i].first, gan_whole[i].first);
      QVERIFY2(gan_whole[i].second.defined() && torch::equal(gan_parts[i].second, gan_whole[i].second),
               gan_whole[i].first.c_str());
    }
    // No epoch is logged twice or lost, and each has the figures of the uninterrupted run.
    auto whole_records = read_metrics_file(run_files::metrics_path(whole));
    auto part_records = read_metrics_file(run_files::metrics_path(parts));
    QCOMPARE(part_records.size(), whole_records.size());
    for (size_t i = 0; i < whole_records.size(); ++i) {
      QCOMPARE(part_records[i].kind, whole_records[i].kind);
      QCOMPARE(part_records[i].epoch, whole_records[i].epoch);
      QCOMPARE(part_records[i].stage, whole_records[i].stage);
      QVERIFY2(same_values(part_records[i].values, whole_records[i].values),
               qPrintable(QString::fromStdString(whole_records[i].to_json() + " resumed: " + part_records[i].to_json())));
    }
    QCOMPARE(list_snapshot_files(parts).size(), list_snapshot_files(whole).size());
    // Resumed once more, as after a kill between its last checkpoint and its exit, the finished
    // run adds nothing.
    {
      auto again = Trainer::resume(parts);
      again->run();
      QCOMPARE(again->state(), RunState::Finished);
    }
    QCOMPARE(read_metrics_file(run_files::metrics_path(parts)).size(), whole_records.size());
  }

  void bf16_keeps_knn_accuracy() {
    Config config = instance_config(512, 6);
    std::map<std::string, double> knn;
    QTemporaryDir dir;
    for (const std::string precision : {"fp32", "bf16"}) {
      config.precision = precision;
      Trainer trainer(config, dir.filePath(QString::fromStdString(precision)).toStdString());
      Recorder recorder;
      trainer.add_observer(&recorder);
      trainer.run();
      knn[precision] = latest_record(recorder.records, "final")->values.at("knn_top1_final");
    }
    qInfo("kNN top-1: fp32 %.3f, bf16 %.3f", knn["fp32"], knn["bf16"]);
    QVERIFY(knn["fp32"] > 0.4);
    QVERIFY(std::abs(knn["fp32"] - knn["bf16"]) < 0.08);
  }

  void baselines_follow_their_rules() {
    QTemporaryDir dir;
    Config config = quick_config();
    config.max_train_images = 256;
    config.backbone_epochs = 1;
    // Instance discrimination mines nothing and never trains the GAN.
    config.method = "instance";
    {
      Trainer trainer(config, dir.filePath("instance").toStdString());
      Recorder recorder;
      trainer.add_observer(&recorder);
      trainer.run();
      for (const auto& r : recorder.records) QVERIFY(r.stage == Stage::Backbone || r.kind == "final");
      QCOMPARE(latest_record(recorder.records, "eval")->values.at("mined_pairs"), 0.0);
    }
    // The Euclidean baseline trains on nearest memory entries, as many as ISL mined per image.
    config.method = "euclidean";
    const std::string run = dir.filePath("euclidean").toStdString();
    train(config, run);
    torch::serialize::InputArchive archive;
    archive.load_from(run_files::latest_checkpoint_path(run));
    torch::Tensor mined_sizes, euclidean_sizes;
    archive.read("mined_sizes", mined_sizes);
    archive.read("euclidean_sizes", euclidean_sizes);
    QVERIFY(mined_sizes.sum().item<int64_t>() > 256);
    QVERIFY(torch::equal(mined_sizes, euclidean_sizes));
  }

  void pause_holds_iterations_until_resume() {
    Config config = instance_config(256, 2);
    QTemporaryDir dir;
    Trainer trainer(config, dir.filePath("run").toStdString());
    std::atomic<int64_t> iterations{0};
    struct Counter : TrainingObserver {
      std::atomic<int64_t>& count;
      std::atomic<bool> paused{false};
      explicit Counter(std::atomic<int64_t>& c) : count(c) {}
      void on_progress(const Progress& p) override { count = p.iteration + 100 * p.epoch; }
      void on_state(RunState s) override { paused = s == RunState::Paused; }
    } counter(iterations);
    trainer.add_observer(&counter);
    trainer.pause();  // takes effect before the first iteration
    std::thread worker([&] { trainer.run(); });
    QTRY_VERIFY(counter.paused.load());
    const int64_t held = iterations;
    QTest::qWait(300);
    QCOMPARE(iterations.load(), held);
    trainer.resume();
    worker.join();
    QCOMPARE(trainer.state(), RunState::Finished);
    QVERIFY(iterations.load() > held);
  }

  void resume_rejects_a_checkpoint_of_another_run() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Config config = instance_config(128, 1);
    train(config, run);
    // The same directory with the data set size changed in config.json.
    config.max_train_images = 100;
    write_file_atomically(run_files::config_path(run), to_json_text(config));
    try {
      Trainer::resume(run);
      QFAIL("resume accepted a checkpoint of another data set size");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("latest.pt") && QString(error.what()).contains("128 images"), error.what());
    }
    // The same run set to another backbone.
    config.max_train_images = 128;
    config.arch = "resnet18";
    write_file_atomically(run_files::config_path(run), to_json_text(config));
    try {
      Trainer::resume(run);
      QFAIL("resume accepted a checkpoint of another backbone");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("alexnet backbone") && QString(error.what()).contains("resnet18"), error.what());
    }
    config.arch = "alexnet";
    // A truncated checkpoint is a named error too.
    const auto path = run_files::latest_checkpoint_path(run);
    std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
    config.max_train_images = 128;
    write_file_atomically(run_files::config_path(run), to_json_text(config));
    try {
      Trainer::resume(run);
      QFAIL("resume accepted a truncated checkpoint");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("latest.pt"), error.what());
    }
  }

  // Found while fuzzing the checkpoint reader (tests/fuzz/fuzz_checkpoint.cpp): LibTorch loads a
  // tensor of another type or shape into a defined tensor without a word (reinterpreting its
  // bytes), positive sets were taken as they were, and position numbers converted unchecked.
  void resume_rejects_damaged_checkpoint_contents() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    const Config config = instance_config(64, 1);
    train(config, run);  // trained, so the checkpoint holds momentum buffers too
    const auto path = run_files::latest_checkpoint_path(run);
    const std::string valid = read_whole_file(path);
    // A tensor of the checkpoint (its name is a dotted path) replaced by `value(old)`.
    auto replace_tensor = [](torch::jit::Module& c, const std::string& name,
                             const std::function<torch::Tensor(const torch::Tensor&)>& value) {
      auto owner = c;
      std::string key = name;
      for (size_t dot; (dot = key.find('.')) != std::string::npos; key = key.substr(dot + 1))
        owner = owner.attr(key.substr(0, dot)).toModule();
      owner.setattr(key, value(owner.attr(key).toTensor()));
    };
    auto first_tensor_named = [](torch::jit::Module& c, const std::function<bool(const std::string&)>& wanted) {
      for (const auto& item : c.named_attributes(true))
        if (item.value.isTensor() && wanted(item.name)) return item.name;
      throw std::logic_error("the checkpoint has no such tensor");
    };
    auto expect_rejected = [&](const std::function<void(torch::jit::Module&)>& damage, const QString& problem) {
      std::istringstream in(valid);
      torch::jit::Module checkpoint = torch::jit::load(in);
      damage(checkpoint);
      checkpoint.save(path);
      try {
        Trainer::resume(run);
        QFAIL(qPrintable("resume accepted a checkpoint with " + problem));
      } catch (const InputError& error) {
        QVERIFY2(QString(error.what()).contains("latest.pt") && QString(error.what()).contains(problem), error.what());
      }
    };
    expect_rejected([](auto& c) { c.setattr("last_proxies", c.attr("last_proxies").toTensor().to(torch::kUInt8)); },
                    "proxies of the wrong shape or type");
    expect_rejected(
        [&](auto& c) {
          const auto weight = first_tensor_named(c, [](const std::string& n) { return n.rfind("backbone.", 0) == 0; });
          replace_tensor(c, weight, [](const torch::Tensor& t) { return t.to(torch::kFloat64); });
        },
        "backbone weight");
    expect_rejected(
        [&](auto& c) {
          const auto buffer = first_tensor_named(c, [](const std::string& n) {
            return n.rfind("optimizer.", 0) == 0 && n.find("momentum_buffer") != std::string::npos;
          });
          replace_tensor(c, buffer, [](const torch::Tensor& t) { return t.unsqueeze(0); });
        },
        "optimizer momentum buffer");
    // LibTorch's optimizer reader throws its own exception type for an entry it cannot find.
    expect_rejected(
        [&](auto& c) {
          const auto count = first_tensor_named(c, [](const std::string& n) {
            return n.rfind("optimizer.", 0) == 0 && n.find("params/size") != std::string::npos;
          });
          replace_tensor(c, count, [](const torch::Tensor& t) { return t + 1; });
        },
        "not a readable checkpoint");
    expect_rejected(
        [](auto& c) {
          auto members = c.attr("mined_members").toTensor().clone();
          members[0][members.size(1) - 1] = 1;  // beyond row 0's size, where -1 belongs
          c.setattr("mined_members", members);
        },
        "damaged mined positive sets");
    for (const char* round : {"1e40", "-1", "2"}) {
      expect_rejected(
          [&](auto& c) {
            auto bytes = c.attr("header").toTensor().contiguous();
            auto header = nlohmann::json::parse(
                std::string(reinterpret_cast<const char*>(bytes.template data_ptr<uint8_t>()), size_t(bytes.numel())));
            header["position"]["round"] = nlohmann::json::parse(round);
            const std::string text = header.dump();
            c.setattr("header", torch::from_blob(const_cast<char*>(text.data()), {int64_t(text.size())}, torch::kUInt8).clone());
          },
          "position.round");
    }
    write_file_atomically(path, valid);
    Trainer::resume(run);  // the undamaged checkpoint still resumes
  }

  // LibTorch's TorchScript importer crashes on some damaged type code (a misspelt
  // __parameters__ became a class constant; found by fuzz_checkpoint), so the reader checks the
  // code records before handing the file to it.
  void resume_rejects_damaged_type_code_before_libtorch_reads_it() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    { Trainer starting(instance_config(64, 1), run); }
    const auto path = run_files::latest_checkpoint_path(run);
    const std::string valid = read_whole_file(path);
    auto rewrite_code = [&](const std::function<void(std::string&)>& damage) {
      std::istringstream in(valid);
      caffe2::serialize::PyTorchStreamReader reader(&in);
      std::filesystem::remove(path);
      caffe2::serialize::PyTorchStreamWriter writer(path);
      for (const auto& record : reader.getAllRecords()) {
        const auto [data, size] = reader.getRecord(record);
        std::string bytes(static_cast<const char*>(data.get()), size);
        if (record == "code/__torch__.py") damage(bytes);
        writer.writeRecord(record, bytes.data(), bytes.size());
      }
      writer.writeEndOfFile();
    };
    auto expect_rejected = [&](const QString& problem) {
      try {
        Trainer::resume(run);
        QFAIL(qPrintable("resume accepted a checkpoint with " + problem));
      } catch (const InputError& error) {
        QVERIFY2(QString(error.what()).contains("latest.pt") && QString(error.what()).contains(problem), error.what());
      }
    };
    rewrite_code([](std::string& code) { code.replace(code.find("__parameters__"), 3, "__g"); });
    expect_rejected("damaged type code (code/__torch__.py, line 2)");
    rewrite_code([](std::string& code) { code.replace(0, 5, "def  "); });
    expect_rejected("damaged type code (code/__torch__.py, line 1)");
    rewrite_code([](std::string&) {});
    Trainer::resume(run);  // rewritten unchanged, it still resumes
  }

  void a_diverging_loss_pauses_at_the_last_good_checkpoint() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Config config = instance_config(128, 4);
    // Weight decay 1 at rate 100 multiplies every weight by -99 a step: infinite within an epoch.
    config.batch = 16;
    config.learning_rate = 100;
    config.weight_decay = 1;
    config.sgd_momentum = 0;
    struct FaultWatcher : TrainingObserver {
      std::mutex mutex;
      std::vector<std::string> faults;
      std::atomic<bool> paused{false};
      void on_numerical_fault(const std::string& message) override {
        std::lock_guard lock(mutex);
        faults.push_back(message);
      }
      void on_state(RunState state) override { paused = state == RunState::Paused; }
      size_t fault_count() {
        std::lock_guard lock(mutex);
        return faults.size();
      }
    } watcher;
    const auto checkpoint = run_files::latest_checkpoint_path(run);
    Trainer trainer(config, run);
    const std::string before = read_whole_file(checkpoint);
    trainer.add_observer(&watcher);
    std::thread worker([&] { trainer.run(); });
    QTRY_VERIFY_WITH_TIMEOUT(watcher.paused.load(), 120000);
    QCOMPARE(watcher.fault_count(), size_t(1));
    QVERIFY2(QString::fromStdString(watcher.faults[0]).contains("learning_rate") &&
                 QString::fromStdString(watcher.faults[0]).contains("paused at its last good checkpoint"),
             watcher.faults[0].c_str());
    QCOMPARE(trainer.state(), RunState::Paused);
    QVERIFY(read_whole_file(checkpoint) == before);
    QCOMPARE(read_whole_file(run_files::metrics_path(run)), std::string());  // the faulty epoch left no line
    // Resuming retries from the checkpoint with the same settings, so the same fault returns.
    trainer.resume();
    QTRY_VERIFY_WITH_TIMEOUT(watcher.fault_count() == 2 && watcher.paused.load(), 120000);
    trainer.stop();
    worker.join();
    QCOMPARE(trainer.state(), RunState::Idle);
    torch::serialize::InputArchive saved, kept;
    saved.load_from(checkpoint);
    std::istringstream before_stream(before);
    kept.load_from(before_stream);
    torch::Tensor saved_memory, kept_memory, saved_header, kept_header;
    saved.read("memory", saved_memory);
    kept.read("memory", kept_memory);
    QVERIFY(torch::equal(saved_memory, kept_memory));
    // The same position; only the training time differs.
    auto position_of = [](const torch::Tensor& header) {
      auto json = nlohmann::json::parse(std::string(reinterpret_cast<const char*>(header.data_ptr<uint8_t>()),
                                                    size_t(header.numel())))["position"];
      json.erase("seconds");
      return json;
    };
    saved.read("header", saved_header);
    kept.read("header", kept_header);
    QCOMPARE(position_of(saved_header).dump(), position_of(kept_header).dump());
  }

  void an_unusable_run_directory_is_a_named_error() {
    Config config = instance_config(128, 1);
    try {
      Trainer trainer(config, "/dev/null/run");  // a directory cannot be made inside a device file
      QFAIL("a run directory was created inside a file");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("/dev/null/run") && QString(error.what()).contains("cannot be created"), error.what());
    }
  }

  // A full disk, imitated by a file size limit (ulimit -f, with SIGXFSZ ignored so that writes
  // fail with EFBIG instead of killing the process): the checkpoint cannot be written, the
  // trainer says so by name, and the last checkpoint stays whole.
  void a_full_disk_is_a_named_error_and_keeps_the_last_checkpoint() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    { Trainer starting(instance_config(128, 2), run); }
    const auto checkpoint = run_files::latest_checkpoint_path(run);
    const std::string before = read_whole_file(checkpoint);
    const QString command = QString("trap '' XFSZ; ulimit -f %1; exec '%2' --resume '%3'")
                                .arg(before.size() / 2048)
                                .arg(ISL_TRAIN_EXECUTABLE, QString::fromStdString(run));
    QProcess process;
    process.start("bash", {"-c", command});
    QVERIFY(process.waitForFinished(300000));
    const QString output = process.readAllStandardError() + process.readAllStandardOutput();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(output.contains("latest.pt") && output.contains("disk full"), qPrintable(output));
    QVERIFY(read_whole_file(checkpoint) == before);
    QVERIFY(!std::filesystem::exists(checkpoint + ".tmp"));
    auto resumed = Trainer::resume(run);
    resumed->run();
    QCOMPARE(resumed->state(), RunState::Finished);
  }

  // Debian's LibTorch starts with one CPU thread; a trainer takes every core but one (or what
  // OMP_NUM_THREADS says), and so does OpenBLAS, where it is the BLAS selected.
  void the_engine_computes_on_all_cores_but_one() {
    using GetThreads = int (*)();
    auto blas_threads = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    QTemporaryDir dir;
    const QByteArray before = qgetenv("OMP_NUM_THREADS");
    qunsetenv("OMP_NUM_THREADS");
    at::set_num_threads(1);
    { Trainer trainer(instance_config(64, 1), dir.filePath("every").toStdString()); }
    QCOMPARE(at::get_num_threads(), std::max(1, int(std::thread::hardware_concurrency()) - 1));
    if (blas_threads) QCOMPARE(blas_threads(), at::get_num_threads());
    qputenv("OMP_NUM_THREADS", "3");
    { Trainer trainer(instance_config(64, 1), dir.filePath("three").toStdString()); }
    QCOMPARE(at::get_num_threads(), 3);
    if (blas_threads) QCOMPARE(blas_threads(), 3);
    // Back to what the test run asked for.
    if (before.isNull()) qunsetenv("OMP_NUM_THREADS");
    else qputenv("OMP_NUM_THREADS", before);
    isl::use_cpu_cores();
  }

  // The other tests compute on one thread (ctest sets OMP_NUM_THREADS=1, so that two test
  // classes can share the cores); users get every core but one. A short ISL run at that count,
  // at least two threads so that the parallel paths run on a two-core machine too, computes on
  // that many threads and ends about where the same run on one thread ends.
  void a_run_at_the_users_thread_count_ends_as_one_thread_does() {
    Config config = quick_config();
    config.max_train_images = 256;
    config.backbone_epochs = 2;
    QTemporaryDir dir;
    struct Result {
      std::vector<MetricsRecord> records;
      int fewest_threads = 1 << 20, most_threads = 0;
    };
    auto train_on = [&](int threads) {
      const QByteArray before = qgetenv("OMP_NUM_THREADS");
      qputenv("OMP_NUM_THREADS", QByteArray::number(threads));
      Trainer trainer(config, dir.filePath(QString("threads-%1").arg(threads)).toStdString());
      if (before.isNull()) qunsetenv("OMP_NUM_THREADS");
      else qputenv("OMP_NUM_THREADS", before);
      Result result;
      std::mutex mutex;
      Recorder recorder;
      recorder.on_each_progress = [&](const Progress&) {
        std::lock_guard lock(mutex);
        result.fewest_threads = std::min(result.fewest_threads, omp_get_max_threads());
        result.most_threads = std::max(result.most_threads, omp_get_max_threads());
      };
      trainer.add_observer(&recorder);
      trainer.run();
      isl::use_cpu_cores();  // back to what the test run asked for
      result.records = recorder.records;
      return result;
    };
    const int users = std::max(2, int(std::thread::hardware_concurrency()) - 1);
    const Result parallel = train_on(users);
    const Result serial = train_on(1);
    QCOMPARE(parallel.fewest_threads, users);
    QCOMPARE(parallel.most_threads, users);
    QCOMPARE(serial.most_threads, 1);
    QCOMPARE(parallel.records.size(), serial.records.size());
    const MetricsRecord* parallel_final = latest_record(parallel.records, "final");
    const MetricsRecord* serial_final = latest_record(serial.records, "final");
    QVERIFY(parallel_final && serial_final);
    const double a = parallel_final->values.at("knn_top1_final"), b = serial_final->values.at("knn_top1_final");
    qInfo("final kNN top-1: %.3f on %d threads, %.3f on one", a, users, b);
    // Sums in another order move the training path a little: 0.634 against 0.598 on a 2-core
    // Xeon, over 500 test images.
    QVERIFY2(std::abs(a - b) <= 0.1, "the final kNN accuracy depends on the thread count");
    QVERIFY(a > 0.3);
    QVERIFY(latest_record(parallel.records, "eval")->values.at("mined_pairs") > 0);
  }

  void a_run_directory_is_used_by_one_trainer_at_a_time() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    Config config = quick_config();
    config.max_train_images = 128;
    Trainer first(config, run);
    try {
      Trainer::resume(run);
      QFAIL("a second trainer opened a run directory in use");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("in use by another training process"), error.what());
    }
  }

  // The run's export is its latest checkpoint's backbone, every parameter and buffer, under
  // the names TestWeightsExport loads into the Python networks.
  void backbone_weights_export_as_a_state_dict() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    train(instance_config(128, 1), run);
    const std::string path = dir.filePath("backbone.pt").toStdString();
    export_backbone_weights(run, path);
    const models::BackboneOptions options{models::Arch::AlexNet, false, 128};
    auto network = models::make_backbone(options);
    torch::serialize::InputArchive archive, weights;
    archive.load_from(run_files::latest_checkpoint_path(run));
    archive.read("backbone", weights);
    network->load(weights);
    const std::string expected_path = dir.filePath("expected.pt").toStdString();
    export_backbone_state(*network, options, expected_path);

    auto read_state = [](const std::string& file) {
      const std::string bytes = read_whole_file(file);
      return torch::pickle_load(std::vector<char>(bytes.begin(), bytes.end())).toGenericDict();
    };
    const auto state = read_state(path);
    const auto expected = read_state(expected_path);
    QCOMPARE(state.size(), expected.size());
    for (const auto& item : expected)
      QVERIFY2(state.contains(item.key()) && torch::equal(state.at(item.key()).toTensor(), item.value().toTensor()),
               item.key().toStringRef().c_str());
    // Every parameter and buffer of the network.
    QCOMPARE(int64_t(state.size()), int64_t(network->named_parameters().size() + network->named_buffers().size()));
    for (const char* key : {"features.1.running_mean", "classifier.0.weight", "classifier.6.bias"})
      QVERIFY2(state.contains(key), key);
  }

  void command_line_exit_status_and_message_name_the_problem() {
    auto run = [](QStringList arguments) {
      QProcess process;
      process.start(ISL_TRAIN_EXECUTABLE, arguments);
      process.waitForFinished(60000);
      return std::make_pair(process.exitCode(), QString(process.readAllStandardError() + process.readAllStandardOutput()));
    };
    auto [code, text] = run({"--arch", "vgg"});
    QVERIFY(code != 0);
    QVERIFY2(text.contains("--arch") && text.contains("alexnet") && text.contains("resnet50"), qPrintable(text));
    std::tie(code, text) = run({"--rounds", "0"});
    QVERIFY(code != 0);
    QVERIFY2(text.contains("--rounds") && text.contains("allowed: 1 to 1000"), qPrintable(text));
    std::tie(code, text) = run({"--data-kind", "cifar10", "--data", "/nonexistent/cifar", "--out", "/tmp/isl-never"});
    QCOMPARE(code, 2);
    QVERIFY2(text.contains("/nonexistent/cifar"), qPrintable(text));
    QVERIFY(!std::filesystem::exists("/tmp/isl-never"));
    // A numerical fault ends a terminal run (nobody is there to resume it) with status 4.
    QTemporaryDir dir;
    std::tie(code, text) = run({"--method", "instance", "--rounds", "1", "--backbone-epochs", "2", "--max-train-images",
                                "128", "--max-test-images", "64", "--batch", "16", "--learning-rate", "100",
                                "--weight-decay", "1", "--sgd-momentum", "0", "--device", "cpu", "--out",
                                dir.filePath("run")});
    QCOMPARE(code, 4);
    QVERIFY2(text.contains("learning_rate") && text.contains("paused at its last good checkpoint"), qPrintable(text));
  }
};

ISL_REGISTER_TEST(TestTrainer);
#include "test_trainer.moc"
