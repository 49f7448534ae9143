// Experiments: the description file and the summary over seeds.
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/input_error.h"
#include "core/run/experiment.h"
#include "core/run/run_files.h"
#include "test_registry.h"

using namespace isl;

namespace {

std::string write_text(const QTemporaryDir& dir, const char* name, const std::string& text) {
  const std::string path = dir.filePath(name).toStdString();
  std::ofstream(path) << text;
  return path;
}

QString error_of(const std::string& description_path) {
  try {
    read_experiment(description_path, "/tmp/never");
  } catch (const InputError& error) {
    return error.what();
  }
  return {};
}

// A run folder whose metrics hold what a finished run writes: an eval record, a probe and the final one.
void write_finished_run(const std::string& directory, double knn_final, double probe) {
  std::filesystem::create_directories(directory);
  std::string lines;
  MetricsRecord eval;
  eval.kind = "eval";
  eval.values = {{"knn_top1", knn_final - 0.01}, {"precision_isl", 0.25}, {"precision_euclidean", 0.5}};
  MetricsRecord probe_record;
  probe_record.kind = "probe";
  probe_record.values = {{"linear_top1", probe}};
  MetricsRecord final_record;
  final_record.kind = "final";
  final_record.stage = Stage::Finished;
  final_record.values = {{"knn_top1_final", knn_final}};
  for (const auto* record : {&eval, &final_record, &probe_record}) lines += record->to_json() + "\n";
  std::ofstream(run_files::metrics_path(directory)) << lines;
}

std::vector<std::string> csv_rows(const std::string& path) {
  std::vector<std::string> rows;
  std::istringstream in(read_whole_file(path));
  for (std::string line; std::getline(in, line);) rows.push_back(line);
  return rows;
}

std::vector<std::string> fields(const std::string& row) {
  std::vector<std::string> out;
  std::istringstream in(row);
  for (std::string field; std::getline(in, field, ',');) out.push_back(field);
  if (!row.empty() && row.back() == ',') out.push_back("");
  return out;
}

}  // namespace

class TestExperiment : public QObject {
  Q_OBJECT
 private slots:
  void methods_and_variants_become_runs() {
    QTemporaryDir dir;
    const auto path = write_text(dir, "e.json", R"({
      "methods": ["isl", "instance", {"name": "isl_no_hpe", "settings": {"hpe_weight": 0}}],
      "seeds": [4, 9], "settings": {"rounds": 2, "max_train_images": 500}, "linear_probe": true})");
    const Experiment e = read_experiment(path, "out");
    QCOMPARE(e.runs.size(), size_t(6));
    QCOMPARE(e.labels, (std::vector<std::string>{"isl", "instance", "isl_no_hpe"}));
    QVERIFY(e.linear_probe);
    const ExperimentRun& variant = e.runs[4];
    QCOMPARE(variant.label, std::string("isl_no_hpe"));
    QCOMPARE(variant.config.method, std::string("isl"));
    QCOMPARE(variant.config.hpe_weight, 0.0);
    QCOMPARE(variant.config.seed, uint64_t(4));
    QCOMPARE(variant.config.rounds, 2);
    QCOMPARE(variant.config.max_train_images, int64_t(500));
    QCOMPARE(variant.directory, std::string("out/isl_no_hpe-seed4"));
    QCOMPARE(e.runs[3].config.method, std::string("instance"));
    QCOMPARE(e.runs[3].config.seed, uint64_t(9));
  }

  void mistakes_are_named() {
    QTemporaryDir dir;
    QVERIFY(error_of(write_text(dir, "a.json", R"({"methods": ["isl"], "seeds": [1], "epochs": 3})")).contains("unknown key 'epochs'"));
    QVERIFY(error_of(write_text(dir, "b.json", R"({"methods": ["simclr"], "seeds": [1]})")).contains("'simclr', which does not exist"));
    QVERIFY(error_of(write_text(dir, "c.json", R"({"methods": ["isl"], "seeds": [1, 1]})")).contains("seed 1 twice"));
    QVERIFY(error_of(write_text(dir, "d.json", R"({"methods": ["isl"]})")).contains("needs 'seeds'"));
    const QString setting = error_of(write_text(dir, "e.json", R"({"methods": ["isl"], "seeds": [1], "settings": {"rounds": 0}})"));
    QVERIFY2(setting.contains("e.json") && setting.contains("rounds"), qPrintable(setting));
    QVERIFY(error_of(write_text(dir, "f.json", R"({"methods": ["isl", "isl"], "seeds": [1]})")).contains("'isl' twice"));
    QVERIFY(error_of(write_text(dir, "g.json", "{")).contains("not valid JSON"));
  }

  // Means, sample deviations and paired differences, worked out by hand for these numbers.
  void summary_gives_spread_and_paired_differences() {
    QTemporaryDir dir;
    const auto path = write_text(dir, "e.json", R"({"methods": ["isl", "instance"], "seeds": [1, 2, 3]})");
    const std::string folder = dir.filePath("out").toStdString();
    const Experiment e = read_experiment(path, folder);
    const double isl_knn[] = {0.5, 0.6, 0.7}, instance_knn[] = {0.4, 0.6, 0.5};
    for (int s = 0; s < 3; ++s) {
      write_finished_run(e.runs[size_t(s)].directory, isl_knn[s], 0.8);
      if (s < 2) write_finished_run(e.runs[size_t(3 + s)].directory, instance_knn[s], 0.7);
    }
    // instance's third seed has not finished: it has no final record yet.
    std::filesystem::create_directories(e.runs[5].directory);
    const auto results = read_experiment_results(e);
    QVERIFY(results[0].finished && !results[5].finished);
    QCOMPARE(*results[4].knn_final, 0.6);

    const std::string csv = dir.filePath("summary.csv").toStdString();
    write_experiment_summary(e, results, csv);
    const auto rows = csv_rows(csv);
    QCOMPARE(fields(rows[0]), (std::vector<std::string>{"row", "method", "seed", "finished", "knn_top1_final",
                                                         "linear_top1", "precision_isl", "precision_euclidean"}));
    QCOMPARE(rows.size(), size_t(1 + 6 + 4 + 2));
    QCOMPARE(fields(rows[6])[3], std::string("0"));
    QCOMPARE(fields(rows[6])[4], std::string(""));
    auto number = [&](size_t row, size_t column) { return std::stod(fields(rows[row])[column]); };
    QCOMPARE(fields(rows[7])[0] + fields(rows[7])[1], std::string("meanisl"));
    QVERIFY(std::abs(number(7, 4) - 0.6) < 1e-9);   // (0.5 + 0.6 + 0.7) / 3
    QVERIFY(std::abs(number(9, 4) - 0.1) < 1e-9);   // sqrt((0.01 + 0 + 0.01) / 2)
    QVERIFY(std::abs(number(8, 4) - 0.5) < 1e-9);   // instance: (0.4 + 0.6) / 2, its two finished seeds
    QVERIFY(std::abs(number(10, 4) - std::sqrt(0.02)) < 1e-6);
    QCOMPARE(fields(rows[11])[1], std::string("instance - isl"));
    QVERIFY(std::abs(number(11, 4) - (-0.05)) < 1e-9);  // differences -0.1 and 0 on seeds 1, 2
    QVERIFY(std::abs(number(12, 4) - std::sqrt(0.005)) < 1e-6);
    QVERIFY(std::abs(number(11, 5) - (-0.1)) < 1e-9);  // probes 0.7 - 0.8
  }
};

ISL_REGISTER_TEST(TestExperiment);
#include "test_experiment.moc"
