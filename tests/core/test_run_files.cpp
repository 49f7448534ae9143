// Settings, metrics lines, snapshot files and the 3D projection: the run directory's formats.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <initializer_list>
#include <type_traits>

#include "core/eval/anchor_sample.h"
#include "core/input_error.h"
#include "core/run/config.h"
#include "core/run/projection.h"
#include "core/run/run_files.h"
#include "core/run/snapshot_builder.h"
#include "test_registry.h"

using namespace isl;

namespace {
template <class F>
QString error_of(F&& action) {
  try {
    action();
  } catch (const InputError& error) {
    return QString::fromStdString(error.what());
  }
  return {};
}

Snapshot small_snapshot() {
  Snapshot s;
  s.round = 1;
  s.stage = Stage::Mining;
  s.epoch = 2;
  s.global_epoch = 7;
  s.images = 3;
  s.num_classes = 2;
  s.points = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  s.labels = {0, 1, 1};
  s.positives = SetRows{{0, 2, 4, 5}, {0, 1, 1, 0, 2}, {-1, 1, -1, 1, -1}};
  s.euclidean = SetRows{{0, 1, 2, 2}, {2, 2}, {1, 1}};
  s.proxy_anchors = {2};
  s.proxy_points = {0.5f, -0.5f, 1.5f};
  s.proxy_confidence = {0.75f};
  s.metrics = {{"knn_top1", 0.5}, {"precision_isl", 1.0}};
  s.projection = Projection3d{2, {0.25f, -0.5f}, {1, 0, 0, 1, 0.5f, 0.5f}};
  return s;
}

// `bytes` (a snapshot file) with `from` replaced by `to` in its JSON header.
std::string with_header_edit(const std::string& bytes, const std::string& from, const std::string& to) {
  uint64_t size = 0;
  std::memcpy(&size, bytes.data() + 8, sizeof size);
  std::string header = bytes.substr(16, size);
  const size_t at = header.find(from);
  if (at == std::string::npos) return bytes;
  header.replace(at, from.size(), to);
  const uint64_t new_size = header.size();
  return bytes.substr(0, 8) + std::string(reinterpret_cast<const char*>(&new_size), sizeof new_size) + header +
         bytes.substr(16 + size);
}

// Little-endian bytes of `value`, whatever the host's order, for files built by hand.
template <class T>
void put(std::string& out, T value) {
  using Bits = std::conditional_t<sizeof(T) == 8, uint64_t, std::conditional_t<sizeof(T) == 4, uint32_t, uint16_t>>;
  static_assert(sizeof(Bits) == sizeof(T));
  Bits bits;
  std::memcpy(&bits, &value, sizeof bits);
  for (size_t i = 0; i < sizeof bits; ++i) out.push_back(char((bits >> (8 * i)) & 0xff));
}

template <class T>
void put_all(std::string& out, std::initializer_list<T> values) {
  for (T value : values) put(out, value);
}
}  // namespace

class TestRunFiles : public QObject {
  Q_OBJECT
 private slots:
  void config_round_trips_through_json() {
    Config config;
    config.arch = "resnet18";
    config.rounds = 3;
    config.region = 0.25;
    config.imagenet_stem = true;
    config.precision_set_sizes = {1, 4, 9};
    Config back = config_from_json_text(to_json_text(config), "config.json");
    QCOMPARE(to_json_text(back), to_json_text(config));
    QCOMPARE(back.arch, std::string("resnet18"));
    QCOMPARE(back.precision_set_sizes, std::vector<int64_t>({1, 4, 9}));
  }
  void config_errors_name_the_setting_and_problem() {
    auto message = error_of([] { config_from_json_text(R"({"rounds": 0})", "my.json"); });
    QVERIFY2(message.contains("my.json") && message.contains("'rounds'") && message.contains("out of range"), qPrintable(message));
    message = error_of([] { config_from_json_text(R"({"arch": "vgg"})", "my.json"); });
    QVERIFY2(message.contains("'arch'") && message.contains("alexnet, resnet18, resnet50"), qPrintable(message));
    message = error_of([] { config_from_json_text(R"({"learning_rate": "fast"})", "my.json"); });
    QVERIFY2(message.contains("'learning_rate'") && message.contains("must be a number"), qPrintable(message));
    message = error_of([] { config_from_json_text(R"({"batch": 12.5})", "my.json"); });
    QVERIFY2(message.contains("'batch'") && message.contains("whole number"), qPrintable(message));
    message = error_of([] { config_from_json_text(R"({"lerning_rate": 0.1})", "my.json"); });
    QVERIFY2(message.contains("'lerning_rate'") && message.contains("not a known setting"), qPrintable(message));
    message = error_of([] { config_from_json_text("{\"rounds\": ", "my.json"); });
    QVERIFY2(message.contains("my.json") && message.contains("not valid JSON"), qPrintable(message));
    // Found by fuzz_config: a number beyond a double is nlohmann's out_of_range, not a parse_error.
    message = error_of([] { config_from_json_text(R"({"temperature": 1e400})", "my.json"); });
    QVERIFY2(message.contains("my.json") && message.contains("not valid JSON"), qPrintable(message));
    QVERIFY(error_of([] { config_from_json_text(R"({"rounds": 2})", "my.json"); }).isEmpty());
  }
  void metrics_record_writes_undefined_values_as_null() {
    MetricsRecord r;
    r.kind = "eval";
    r.round = 2;
    r.stage = Stage::Backbone;
    r.epoch = 5;
    r.global_epoch = 12;
    r.seconds = 1.5;
    r.values = {{"knn_top1", 0.25}, {"precision_isl", std::nan("")}};
    const std::string line = r.to_json();
    QVERIFY(line.find("\"precision_isl\":null") != std::string::npos);
    auto back = MetricsRecord::from_json(line, "metrics.jsonl");
    QCOMPARE(back.global_epoch, 12);
    QCOMPARE(back.stage, Stage::Backbone);
    QCOMPARE(back.values.at("knn_top1"), 0.25);
    QVERIFY(std::isnan(back.values.at("precision_isl")));
    QVERIFY(error_of([] { MetricsRecord::from_json("{\"kind\":\"eval\"}", "m.jsonl, line 3"); }).contains("m.jsonl, line 3"));
  }
  void snapshot_round_trips_exactly() {
    Snapshot s = small_snapshot();
    Snapshot back = decode_snapshot(encode_snapshot(s), "x.snap");
    QCOMPARE(back.points, s.points);
    QCOMPARE(back.labels, s.labels);
    QCOMPARE(back.positives.offsets, s.positives.offsets);
    QCOMPARE(back.positives.members, s.positives.members);
    QCOMPARE(back.positives.rounds, s.positives.rounds);
    QCOMPARE(back.euclidean.members, s.euclidean.members);
    QCOMPARE(back.proxy_anchors, s.proxy_anchors);
    QCOMPARE(back.proxy_points, s.proxy_points);
    QCOMPARE(back.proxy_confidence, s.proxy_confidence);
    QCOMPARE(back.metrics, s.metrics);
    QCOMPARE(back.stage, Stage::Mining);
    QCOMPARE(back.global_epoch, 7);
    QCOMPARE(back.projection.dim, s.projection.dim);
    QCOMPARE(back.projection.mean, s.projection.mean);
    QCOMPARE(back.projection.axes, s.projection.axes);
  }
  // Files from before the projection was stored: the header has no projection_dim and the
  // data ends after the proxy confidences.
  void snapshot_without_projection_still_reads() {
    Snapshot s = small_snapshot();
    s.projection = {};
    std::string bytes = encode_snapshot(s);
    const std::string edited = with_header_edit(bytes, ",\"projection_dim\":0", "");
    QVERIFY(edited.size() < bytes.size());
    bytes = edited;
    Snapshot back = decode_snapshot(bytes, "old.snap");
    QCOMPARE(back.projection.dim, int64_t(0));
    QCOMPARE(back.proxy_confidence, s.proxy_confidence);
  }
  // A file built by hand from README's table ("Run directory", snapshots): N = 3 images,
  // P = 5, E = 2, A = 1, D = 2. The reader reads exactly that, and the writer writes those bytes.
  void snapshot_file_layout_is_the_documented_one() {
    const std::string header =
        R"({"epoch":2,"euclidean":2,"global_epoch":5,"images":3,"metrics":{"knn_top1":0.25,"precision_isl":null},)"
        R"("num_classes":4,"positives":5,"projection_dim":2,"proxies":1,"round":1,"stage":"gan"})";
    std::string file = "ISLSNAP1";
    put(file, uint64_t(header.size()));
    file += header;
    put_all<float>(file, {0.5f, -1.0f, 2.0f, 3.0f, 4.25f, -5.0f, 6.0f, 7.0f, 8.5f});  // points
    put_all<int32_t>(file, {3, 0, 2});                                                  // labels
    put_all<int64_t>(file, {0, 2, 3, 5});                                               // positives: offsets
    put_all<int64_t>(file, {0, 2, 1, 2, 0});                                            // members
    put_all<int16_t>(file, {-1, 0, -1, -1, 0});                                         // rounds
    put_all<int64_t>(file, {0, 1, 1, 2});                                               // euclidean: offsets
    put_all<int64_t>(file, {1, 1});                                                     // members
    put_all<int16_t>(file, {1, 1});                                                     // rounds
    put_all<int64_t>(file, {2});                                                        // tracked anchors
    put_all<float>(file, {-0.5f, 0.75f, 1.5f});                                         // proxy points
    put_all<float>(file, {0.625f});                                                     // confidences
    put_all<float>(file, {0.25f, -0.75f});                                              // projection mean
    put_all<float>(file, {1, 0, 0, 1, 0.5f, -0.5f});                                    // projection axes
    QCOMPARE(file.size(), size_t(16 + header.size() + 12 * 3 + 4 * 3 + (8 * 4 + 8 * 5 + 2 * 5) +
                                 (8 * 4 + 8 * 2 + 2 * 2) + 8 + 12 + 4 + 4 * 2 + 12 * 2));

    const Snapshot s = decode_snapshot(file, "hand-built.snap");
    QCOMPARE(s.round, 1);
    QCOMPARE(s.stage, Stage::Gan);
    QCOMPARE(s.epoch, 2);
    QCOMPARE(s.global_epoch, 5);
    QCOMPARE(s.images, int64_t(3));
    QCOMPARE(s.num_classes, 4);
    QCOMPARE(s.points, (std::vector<float>{0.5f, -1.0f, 2.0f, 3.0f, 4.25f, -5.0f, 6.0f, 7.0f, 8.5f}));
    QCOMPARE(s.labels, (std::vector<int>{3, 0, 2}));
    QCOMPARE(s.positives.offsets, (std::vector<int64_t>{0, 2, 3, 5}));
    QCOMPARE(s.positives.members, (std::vector<int64_t>{0, 2, 1, 2, 0}));
    QCOMPARE(s.positives.rounds, (std::vector<int16_t>{-1, 0, -1, -1, 0}));
    QCOMPARE(s.euclidean.offsets, (std::vector<int64_t>{0, 1, 1, 2}));
    QCOMPARE(s.euclidean.members, (std::vector<int64_t>{1, 1}));
    QCOMPARE(s.euclidean.rounds, (std::vector<int16_t>{1, 1}));
    QCOMPARE(s.proxy_anchors, std::vector<int64_t>{2});
    QCOMPARE(s.proxy_points, (std::vector<float>{-0.5f, 0.75f, 1.5f}));
    QCOMPARE(s.proxy_confidence, std::vector<float>{0.625f});
    QCOMPARE(s.projection.dim, int64_t(2));
    QCOMPARE(s.projection.mean, (std::vector<float>{0.25f, -0.75f}));
    QCOMPARE(s.projection.axes, (std::vector<float>{1, 0, 0, 1, 0.5f, -0.5f}));
    QCOMPARE(s.metrics.size(), size_t(2));
    QCOMPARE(s.metrics.at("knn_top1"), 0.25);
    QVERIFY(std::isnan(s.metrics.at("precision_isl")));

    QCOMPARE(encode_snapshot(s), file);
  }
  void damaged_snapshots_are_named_errors() {
    const std::string bytes = encode_snapshot(small_snapshot());
    for (size_t cut : {size_t(0), size_t(5), size_t(20), bytes.size() - 1}) {
      auto message = error_of([&] { decode_snapshot(bytes.substr(0, cut), "runs/a/snapshots/000003.snap"); });
      QVERIFY2(message.contains("000003.snap"), qPrintable(message));
    }
    std::string wrong = bytes;
    wrong[0] = 'X';
    QVERIFY(error_of([&] { decode_snapshot(wrong, "s.snap"); }).contains("not an ISL Studio snapshot"));
    Snapshot bad = small_snapshot();
    bad.positives.members[1] = 99;  // an image that does not exist
    QVERIFY(error_of([&] { decode_snapshot(encode_snapshot(bad), "s.snap"); }).contains("inconsistent positives"));
    QVERIFY(error_of([&] { decode_snapshot(bytes + "x", "s.snap"); }).contains("unexpected bytes"));
  }
  // Found by tests/fuzz (fuzz_metrics, fuzz_snapshot): nlohmann's get<int>() of 1e33 is undefined
  // behaviour, and 4294967297 silently became 1.
  void json_numbers_out_of_range_are_named_errors() {
    auto metrics_line = [](const std::string& round) {
      return R"({"kind":"eval","round":)" + round + R"(,"stage":"gan","epoch":0,"global_epoch":0,"seconds":0})";
    };
    QVERIFY(error_of([&] { MetricsRecord::from_json(metrics_line("3"), "m.jsonl, line 1"); }).isEmpty());
    for (const char* round : {"666666666666666666666666666666661", "4294967297", "-1e40", "1.5", "\"1\""}) {
      auto message = error_of([&] { MetricsRecord::from_json(metrics_line(round), "m.jsonl, line 1"); });
      QVERIFY2(message.contains("m.jsonl, line 1") && message.contains("'round'"), qPrintable(round + (": " + message)));
    }
    const std::string snapshot = encode_snapshot(small_snapshot());
    QVERIFY(snapshot.find("\"round\":1") != std::string::npos && snapshot.find("\"proxies\":1") != std::string::npos);
    for (auto [from, to] : {std::pair{"\"round\":1", "\"round\":1e40"}, std::pair{"\"round\":1", "\"round\":4294967297"},
                            std::pair{"\"proxies\":1", "\"proxies\":-1.0"}, std::pair{"\"proxies\":1", "\"proxies\":-1"}}) {
      auto message = error_of([&] { decode_snapshot(with_header_edit(snapshot, from, to), "s.snap"); });
      QVERIFY2(message.contains("s.snap"), qPrintable(QString(to) + ": " + message));
    }
    auto message = error_of([] { config_from_json_text(R"({"rounds": 4294967297})", "my.json"); });
    QVERIFY2(message.contains("'rounds'") && message.contains("out of range"), qPrintable(message));
    message = error_of([] { config_from_json_text(R"({"precision_set_sizes": [2, 18446744073709551615]})", "my.json"); });
    QVERIFY2(message.contains("'precision_set_sizes'") && message.contains("out of range"), qPrintable(message));
  }
  // Found by fuzz_snapshot: decoding empty arrays passed a null pointer to memcpy (an
  // UndefinedBehaviorSanitizer report in an ISL_SANITIZE=address build).
  void empty_snapshot_round_trips() {
    Snapshot empty;
    empty.positives.offsets = {0};
    empty.euclidean.offsets = {0};
    Snapshot back = decode_snapshot(encode_snapshot(empty), "empty.snap");
    QCOMPARE(back.images, int64_t(0));
    QVERIFY(back.points.empty() && back.positives.members.empty() && back.proxy_anchors.empty());
  }
  void files_are_replaced_whole() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("config.json").toStdString();
    write_file_atomically(path, "first");
    write_file_atomically(path, "second");
    QCOMPARE(read_whole_file(path), std::string("second"));
    QVERIFY(!QFile::exists(QString::fromStdString(path + ".tmp")));
    QVERIFY(error_of([&] { write_file_atomically(dir.filePath("missing/dir/f").toStdString(), "x"); }).contains("cannot be written"));
    QVERIFY(error_of([&] { read_whole_file(dir.filePath("nothing.json").toStdString()); }).contains("does not exist"));
  }
  void pca_finds_the_axes_of_largest_variance() {
    // Points in 5-D whose coordinates 3, 0, 4 have spreads 3 > 2 > 1 (others constant 1):
    // the axes are e3, e0, e4 in that order and the projection gives the centred coordinates.
    std::vector<float> rows;
    const float values[4][3] = {{3, 2, 1}, {-3, 2, -1}, {3, -2, -1}, {-3, -2, 1}};
    for (const auto& v : values) rows.insert(rows.end(), {v[1], 1.f, 1.f, v[0] + 5.f, v[2]});
    auto projection = fit_pca_3d(rows.data(), 4, 5);
    auto projected = projection.apply(rows.data(), 4);
    for (int i = 0; i < 4; ++i)
      for (int axis = 0; axis < 3; ++axis)
        QVERIFY(std::abs(std::abs(projected[size_t(i * 3 + axis)]) - std::abs(values[i][axis])) < 1e-4);
    // Fitting again with the opposite signs as history flips the axes to match them.
    Projection3d flipped = projection;
    for (auto& x : flipped.axes) x = -x;
    auto aligned = fit_pca_3d(rows.data(), 4, 5, &flipped);
    for (size_t k = 0; k < aligned.axes.size(); ++k) QVERIFY(std::abs(aligned.axes[k] - flipped.axes[k]) < 1e-5);
  }
  // More rows than the projection handles at once: the tiles add up to the whole.
  void pca_over_many_rows_finds_the_same_axes() {
    torch::manual_seed(5);
    const int64_t count = 20000;
    auto data = torch::randn({count, 6}) * torch::tensor({2.f, 0.01f, 0.01f, 3.f, 1.f, 0.01f}) + 0.5;
    data = data.contiguous();
    const auto projection = fit_pca_3d(data.data_ptr<float>(), count, 6);
    const int strongest[3] = {3, 0, 4};
    for (int axis = 0; axis < 3; ++axis)
      QVERIFY(std::abs(projection.axes[size_t(axis * 6 + strongest[axis])]) > 0.999f);
    const auto projected = projection.apply(data.data_ptr<float>(), count);
    auto centred = data - data.mean(0);
    for (int64_t i : {int64_t(0), int64_t(9000), count - 1})
      for (int axis = 0; axis < 3; ++axis)
        QVERIFY(std::abs(std::abs(projected[size_t(i * 3 + axis)]) - std::abs(centred[i][strongest[axis]].item<float>())) < 0.05f);
  }
  // A snapshot holds the Euclidean sets of the evaluation's sample of anchors, all of them in a
  // small run.
  void snapshot_compares_the_sampled_anchors() {
    for (int64_t n : {int64_t(300), int64_t(5000)}) {
      torch::manual_seed(6);
      auto bank = torch::randn({n, 4}).contiguous();
      SnapshotJob job;
      job.snapshot.images = n;
      job.snapshot.labels.assign(size_t(n), 0);
      SetRows& positives = job.snapshot.positives;
      positives.offsets.push_back(0);
      for (int64_t i = 0; i < n; ++i) {  // each image and one positive
        positives.members.insert(positives.members.end(), {i, (i + 1) % n});
        positives.rounds.insert(positives.rounds.end(), {-1, 0});
        positives.offsets.push_back(int64_t(positives.members.size()));
      }
      job.memory.assign(bank.data_ptr<float>(), bank.data_ptr<float>() + bank.numel());
      job.dim = 4;
      job.seed = 11;
      const Snapshot s = SnapshotBuilder::build(job, nullptr);
      auto expected = eval::compared_anchors(torch::arange(n, torch::kInt64), 11);
      std::vector<int64_t> compared;
      for (int64_t i = 0; i < n; ++i)
        if (s.euclidean.size(i) > 0) {
          QCOMPARE(s.euclidean.size(i), int64_t(1));
          QVERIFY(s.euclidean.members[size_t(s.euclidean.offsets[size_t(i)])] != i);
          compared.push_back(i);
        }
      QCOMPARE(int64_t(compared.size()), std::min(n, eval::kComparedAnchors));
      QVERIFY(torch::equal(torch::tensor(compared, torch::kInt64), expected));
    }
  }
};

ISL_REGISTER_TEST(TestRunFiles);
#include "test_run_files.moc"
