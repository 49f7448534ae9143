// isl-report on an experiment trained here by the engine: two methods, two seeds, 200 digits.
// Every figure of the report is checked against the runs' own files.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

#include "core/input_error.h"
#include "core/run/experiment.h"
#include "core/run/run_files.h"
#include "core/run/run_info.h"
#include "core/run/trainer.h"
#include "core/short_runs.h"
#include "report_document.h"
#include "test_registry.h"

using namespace isl;

namespace {

using CsvRow = std::map<std::string, std::string>;

// The rows of a CSV without quoted fields, each as column -> text.
std::vector<CsvRow> read_csv(const QString& path) {
  std::istringstream in(read_whole_file(path.toStdString()));
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string field; std::getline(cells, field, ',');) fields.push_back(field);
    if (line.back() == ',') fields.push_back("");
    if (header.empty()) {
      header = fields;
      continue;
    }
    CsvRow row;
    for (size_t k = 0; k < header.size(); ++k) row[header[k]] = k < fields.size() ? fields[k] : "";
    rows.push_back(row);
  }
  return rows;
}

const CsvRow& row_where(const std::vector<CsvRow>& rows, const std::map<std::string, std::string>& match) {
  for (const auto& row : rows)
    if (std::all_of(match.begin(), match.end(), [&](const auto& m) { return row.at(m.first) == m.second; })) return row;
  static const CsvRow none;
  QTest::qFail("no CSV row matches", __FILE__, __LINE__);
  return none;
}

double number(const CsvRow& row, const std::string& column) { return std::stod(row.at(column)); }

bool close(double a, double b) { return std::abs(a - b) < 1e-9; }

double mean_of(const std::vector<double>& v) { return (v[0] + v[1]) / 2; }
// The sample standard deviation of two values.
double deviation_of(const std::vector<double>& v) { return std::abs(v[0] - v[1]) / std::sqrt(2.0); }

std::string value_of(const std::string& run, const char* kind, const char* key, double* out) {
  const auto records = read_metrics_file(run_files::metrics_path(run));
  const MetricsRecord* record = latest_record(records, kind);
  if (!record || !record->values.count(key)) return std::string("no ") + key + " in " + run;
  *out = record->values.at(key);
  return {};
}

}  // namespace

class ReportTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString folder_, report_;
  Experiment experiment_;

  double metric(const std::string& label, uint64_t seed, const char* kind, const char* key) {
    for (const auto& run : experiment_.runs)
      if (run.label == label && run.seed == seed) {
        double value = NAN;
        const std::string problem = value_of(run.directory, kind, key, &value);
        if (!problem.empty()) QTest::qFail(problem.c_str(), __FILE__, __LINE__);
        return value;
      }
    QTest::qFail("no such run", __FILE__, __LINE__);
    return NAN;
  }
  std::vector<double> metric_by_seed(const std::string& label, const char* kind, const char* key) {
    return {metric(label, 1, kind, key), metric(label, 2, kind, key)};
  }

 private slots:
  // The experiment as `isl-train experiment` leaves it: experiment.json beside the runs, each
  // trained to its end with a linear probe; then the report by the program itself.
  void initTestCase() {
    QVERIFY(dir_.isValid());
    folder_ = dir_.filePath("experiment");
    QVERIFY(QDir().mkpath(folder_));
    Config settings = test::short_run("isl", 2, 200);
    settings.precision_set_sizes = {1, 2, 5};
    const std::string description = experiment_description_path(folder_.toStdString());
    std::ofstream(description) << R"({"methods": ["instance", "isl"], "seeds": [1, 2], "linear_probe": true, "settings": )"
                               << to_json_text(settings) << "}";
    experiment_ = read_experiment(description, folder_.toStdString());
    for (const auto& run : experiment_.runs) {
      Trainer trainer(run.config, run.directory);
      trainer.run();
      QCOMPARE(trainer.state(), RunState::Finished);
      trainer.run_linear_probe();
    }
    QProcess program;
    program.start(ISL_REPORT_EXECUTABLE, {folder_});
    QVERIFY(program.waitForFinished(120000));
    const QString err = program.readAllStandardError();
    QVERIFY2(program.exitCode() == 0, qPrintable(err));
    report_ = folder_ + "/report";
    QVERIFY(QString(program.readAllStandardOutput()).contains(report_ + "/report.md"));
  }

  // Table 1: mean and sample deviation over the two seeds of each method's final figures.
  void tableOneHoldsMeanAndDeviationOverSeeds() {
    const auto rows = read_csv(report_ + "/table1.csv");
    QCOMPARE(rows.size(), size_t(2));
    for (const std::string label : {"instance", "isl"}) {
      const CsvRow& row = row_where(rows, {{"method", label}});
      const auto knn = metric_by_seed(label, "final", "knn_top1_final");
      const auto linear = metric_by_seed(label, "probe", "linear_top1");
      QVERIFY(close(number(row, "knn_top1_final_mean"), mean_of(knn)));
      QVERIFY(close(number(row, "knn_top1_final_deviation"), deviation_of(knn)));
      QCOMPARE(row.at("knn_top1_final_count"), std::string("2"));
      QVERIFY(close(number(row, "linear_top1_mean"), mean_of(linear)));
      QVERIFY(close(number(row, "linear_top1_deviation"), deviation_of(linear)));
    }
    const QString markdown = QString::fromStdString(read_whole_file((report_ + "/report.md").toStdString()));
    const auto knn = metric_by_seed("isl", "final", "knn_top1_final");
    const QString shown = QString::asprintf("| isl | %.2f ± %.2f (2) |", 100 * mean_of(knn), 100 * deviation_of(knn));
    QVERIFY2(markdown.contains(shown), qPrintable(shown));
  }

  // isl minus instance seed by seed, the mean and deviation of the differences, and the verdict
  // of the stated rule |mean| > 2 sd / sqrt(n).
  void pairedDifferencesAreTakenSeedBySeed() {
    const auto by_seed = read_csv(report_ + "/paired_differences.csv");
    const auto summary = read_csv(report_ + "/paired_summary.csv");
    for (const auto& [key, kind] : {std::pair{"knn_top1_final", "final"}, std::pair{"linear_top1", "probe"}}) {
      const auto isl = metric_by_seed("isl", kind, key), instance = metric_by_seed("instance", kind, key);
      const std::vector<double> differences = {isl[0] - instance[0], isl[1] - instance[1]};
      for (int seed : {1, 2})
        QVERIFY(close(number(row_where(by_seed, {{"figure", key}, {"seed", std::to_string(seed)}}), "difference"),
                      differences[size_t(seed - 1)]));
      const CsvRow& row = row_where(summary, {{"method", "isl"}, {"minus", "instance"}, {"figure", key}});
      QVERIFY(close(number(row, "mean"), mean_of(differences)));
      QVERIFY(close(number(row, "deviation"), deviation_of(differences)));
      const double threshold = 2 * deviation_of(differences) / std::sqrt(2.0);
      QVERIFY(close(number(row, "threshold"), threshold));
      QCOMPARE(row.at("verdict"),
               std::string(std::abs(mean_of(differences)) > threshold ? "beyond the spread" : "within the spread"));
    }
    const QString markdown = QString::fromStdString(read_whole_file((report_ + "/report.md").toStdString()));
    QVERIFY(markdown.contains("2·sd/√n") && markdown.contains("rough guide") && markdown.contains("not enough seeds"));
  }

  // Fig. 3: the newest evaluation's precision at each set size, and every evaluation's
  // precision against epochs, averaged over the seeds.
  void precisionCurvesAverageTheRunsEvaluations() {
    const auto by_size = read_csv(report_ + "/precision_by_set_size.csv");
    QCOMPARE(by_size.size(), size_t(2 * 3));  // isl's ISL and Euclidean sets at 1, 2, 5; instance mines none
    for (const char* kind : {"isl", "euclidean"})
      for (int size : {1, 2, 5}) {
        const std::string key = std::string("precision_") + kind + "_at_" + std::to_string(size);
        const auto values = metric_by_seed("isl", "eval", key.c_str());
        const CsvRow& row = row_where(by_size, {{"method", "isl"}, {"series", kind}, {"set_size", std::to_string(size)}});
        QVERIFY(close(number(row, "mean"), mean_of(values)));
        QVERIFY(close(number(row, "deviation"), deviation_of(values)));
      }
    const auto by_epoch = read_csv(report_ + "/precision_by_epoch_isl.csv");
    // Both rounds end in an evaluation with mined sets: after mining (epoch 1) and at the end (epoch 2).
    const CsvRow& last = row_where(by_epoch, {{"series", "precision_isl"}, {"global_epoch", "2"}});
    QVERIFY(close(number(last, "mean"), mean_of(metric_by_seed("isl", "eval", "precision_isl"))));
    QCOMPARE(last.at("count"), std::string("2"));
    QVERIFY(!QFileInfo::exists(report_ + "/precision_by_epoch_instance.png"));
  }

  // Pairs and hubs from the newest snapshot, counted here from its rows.
  void setStatisticsCountTheSnapshotsPairs() {
    const auto per_run = read_csv(report_ + "/set_statistics_runs.csv");
    QCOMPARE(per_run.size(), size_t(4));
    for (const auto& run : experiment_.runs) {
      const auto files = list_snapshot_files(run.directory);
      QVERIFY(!files.empty());
      const Snapshot snapshot = read_snapshot_file(files.back());
      std::vector<int64_t> positives;
      for (int64_t i = 0; i < snapshot.images; ++i) positives.push_back(snapshot.positives.size(i) - 1);
      std::sort(positives.rbegin(), positives.rend());
      const int64_t pairs = std::accumulate(positives.begin(), positives.end(), int64_t(0));
      const CsvRow& row = row_where(per_run, {{"method", run.label}, {"seed", std::to_string(run.seed)}});
      QCOMPARE(row.at("pairs"), std::to_string(pairs));
      QCOMPARE(double(pairs), metric(run.label, run.seed, "eval", "mined_pairs"));
      QCOMPARE(row.at("largest_set"), std::to_string(positives.front()));
      QCOMPARE(row.at("hub_sets"), std::string("2"));  // ceil(200 / 100)
      if (run.label == "instance") {
        QCOMPARE(pairs, int64_t(0));
        QCOMPARE(row.at("hub_share"), std::string());
      } else {
        QVERIFY(pairs > 0);
        QVERIFY(close(number(row, "hub_share"), double(positives[0] + positives[1]) / double(pairs)));
      }
      QVERIFY(close(number(row, "pairs_per_image"), double(pairs) / 200));
    }
    const auto per_method = read_csv(report_ + "/set_statistics.csv");
    const CsvRow& isl = row_where(per_method, {{"method", "isl"}});
    const double pairs[] = {number(row_where(per_run, {{"method", "isl"}, {"seed", "1"}}), "pairs"),
                            number(row_where(per_run, {{"method", "isl"}, {"seed", "2"}}), "pairs")};
    QVERIFY(close(number(isl, "pairs_mean"), (pairs[0] + pairs[1]) / 2));
    QVERIFY(close(number(isl, "pairs_deviation"), std::abs(pairs[0] - pairs[1]) / std::sqrt(2.0)));
  }

  // Every plot is a real picture and a valid SVG, and the documents link only what is there.
  void plotsDecodeAndLinksResolve() {
    const QStringList pngs = QDir(report_).entryList({"*.png"});
    QCOMPARE(pngs.size(), 2);  // over set sizes, and isl over epochs
    for (const QString& png : pngs) {
      const QImage image(report_ + "/" + png);
      QVERIFY2(image.width() >= 600 && image.height() >= 400, qPrintable(png));
      int coloured = 0;  // the curves' pixels: neither grey nor white
      for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
          const QColor c = image.pixelColor(x, y);
          coloured += std::max({c.red(), c.green(), c.blue()}) - std::min({c.red(), c.green(), c.blue()}) > 60;
        }
      QVERIFY2(coloured > 200, qPrintable(png));
      const QString svg = report_ + "/" + QFileInfo(png).completeBaseName() + ".svg";
      QSvgRenderer renderer(svg);
      QVERIFY2(renderer.isValid(), qPrintable(svg));
    }
    const QString markdown = QString::fromStdString(read_whole_file((report_ + "/report.md").toStdString()));
    QStringList linked;
    static const QRegularExpression link("\\]\\(([^)]+)\\)");
    for (auto match = link.globalMatch(markdown); match.hasNext();) linked << match.next().captured(1);
    for (const QString& target : linked) QVERIFY2(QFileInfo::exists(report_ + "/" + target), qPrintable(target));
    for (const QString& file : QDir(report_).entryList({"*.png", "*.svg", "*.csv"}))
      QVERIFY2(linked.contains(file), qPrintable(file));
    QVERIFY(linked.contains("../experiment.json"));
    const QString html = QString::fromStdString(read_whole_file((report_ + "/report.html").toStdString()));
    static const QRegularExpression image_source("<img src=\"([^\"]+)\"");
    int images = 0;
    for (auto match = image_source.globalMatch(html); match.hasNext(); ++images)
      QVERIFY(QFileInfo::exists(report_ + "/" + match.next().captured(1)));
    QCOMPARE(images, 2);
    QVERIFY(html.contains("<table>") && html.contains("<td>isl</td>"));
  }

  void htmlTextIsEscaped() {
    report::ReportDocument document;
    document.paragraph({{"a < b & \"c\"", {}}});
    report::Table table;
    table.shown_header = {"<th>"};
    table.shown_rows = {{"x|y"}};
    document.table(table);
    const std::string html = document.html("T & <T>");
    QVERIFY(html.find("a &lt; b &amp; &quot;c&quot;") != std::string::npos);
    QVERIFY(html.find("<title>T &amp; &lt;T&gt;</title>") != std::string::npos);
    QVERIFY(html.find("<th>&lt;th&gt;</th>") != std::string::npos);
    QVERIFY(document.markdown().find("x\\|y") != std::string::npos);
  }

  // A folder that is not an experiment is named with the reason.
  void aFolderThatIsNoExperimentIsNamed() {
    QTemporaryDir empty;
    QProcess program;
    program.start(ISL_REPORT_EXECUTABLE, {empty.path()});
    QVERIFY(program.waitForFinished(60000));
    QCOMPARE(program.exitCode(), 2);
    const QString err = program.readAllStandardError();
    QVERIFY2(err.contains(empty.path()) && err.contains("no experiment.json"), qPrintable(err));
    QFile::copy(folder_ + "/experiment.json", empty.filePath("experiment.json"));
    program.start(ISL_REPORT_EXECUTABLE, {empty.path()});
    QVERIFY(program.waitForFinished(60000));
    QCOMPARE(program.exitCode(), 2);
    const QString no_runs = program.readAllStandardError();
    QVERIFY2(no_runs.contains(empty.path()) && no_runs.contains("none of its experiment's runs"), qPrintable(no_runs));
  }
};

ISL_REGISTER_TEST(ReportTest);
#include "test_report.moc"
