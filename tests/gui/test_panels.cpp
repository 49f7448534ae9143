#include <QChartView>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>
#include <QXmlStreamReader>

#include <ctime>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "core/run/trainer.h"
#include "synthetic_run.h"
#include "test_registry.h"
#include "widgets/anchor_inspector.h"
#include "widgets/curves_panel.h"
#include "widgets/exporters.h"
#include "widgets/settings_dialog.h"
#include "widgets/snapshot_timeline.h"
#include "widgets/thumbnail_source.h"

using namespace isl::gui;

class AnchorInspectorTest : public QObject {
  Q_OBJECT
 private slots:
  // Four positives per image, the first one with another label: one red and three green
  // frames, and as many Euclidean neighbours.
  void showsPositivesAndNeighbours() {
    ThumbnailSource thumbnails;
    thumbnails.setDataset(isl::test::synthetic_dataset(200, 10));
    AnchorInspector inspector(&thumbnails);
    inspector.resize(600, 700);
    inspector.show();
    inspector.setSnapshot(std::make_shared<const isl::Snapshot>(isl::test::synthetic_snapshot(200, 10, 4, 1, 4)));
    inspector.setAnchor(17);
    QCOMPARE(inspector.positiveCount(), 4);
    QCOMPARE(inspector.neighbourCount(), 4);
    const auto tiles = inspector.findChildren<QToolButton*>("thumbnail");
    QCOMPARE(tiles.size(), 8);
    QSignalSpy requested(&inspector, &AnchorInspector::anchorRequested);
    QTest::mouseClick(tiles.front(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), tiles.front()->property("imageIndex").toLongLong());
    inspector.grab().save(QString(ISL_TEST_ARTIFACTS) + "/inspector.png");
  }

  void searchAndNextAnchor() {
    ThumbnailSource thumbnails;
    AnchorInspector inspector(&thumbnails);
    inspector.setSnapshot(std::make_shared<const isl::Snapshot>(isl::test::synthetic_snapshot(50, 5, 0, 0, 0)));
    QSignalSpy requested(&inspector, &AnchorInspector::anchorRequested);
    inspector.findChild<QSpinBox*>("anchorIndex")->setValue(12);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), 12);
    // No image has positives beyond itself: "next" finds nothing and asks for nothing.
    QTest::mouseClick(inspector.findChild<QToolButton*>("nextAnchor"), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
  }
};

class CurvesTest : public QObject {
  Q_OBJECT
 private slots:
  void drawsEachMetricAgainstGlobalEpoch() {
    CurvesPanel curves;
    isl::MetricsRecord record;
    record.kind = "eval";
    for (int e = 1; e <= 5; ++e) {
      record.global_epoch = e;
      record.values = {{"precision_isl_at_2", 0.5 + 0.01 * e}, {"precision_euclidean_at_2", 0.4}, {"knn_top1", 0.3},
                       {"loss", std::nan("")}, {"unrelated", 1.0}};
      curves.addRecord(record);
    }
    QCOMPARE(curves.pointCount("precision_isl_at_2"), 5);
    QCOMPARE(curves.pointCount("precision_euclidean_at_2"), 5);
    QCOMPARE(curves.pointCount("knn_top1"), 5);
    QCOMPARE(curves.pointCount("loss"), 0);  // non-finite values are gaps, not points
    QCOMPARE(curves.pointCount("unrelated"), 0);
    curves.clear();
    QCOMPARE(curves.pointCount("knn_top1"), 0);
  }

  // The records a real two-round run writes: each quantity in its own chart, read from the
  // stage that measures it. The backbone loss curve holds the backbone epochs' losses only,
  // not the generator loss or the proxies' confidence that GAN and mining epochs record.
  void eachQuantityOfARealRunHasItsOwnChart() {
    QTemporaryDir dir;
    isl::Config c;
    c.max_train_images = 128;
    c.max_test_images = 100;
    c.rounds = 2;
    c.backbone_epochs = 2;
    c.gan_epochs = 2;
    c.gan_min_epochs_first_round = 2;
    c.mining_epochs = 1;
    c.batch = 32;
    c.negative_candidates = 64;
    c.knn_k = 10;
    c.loader_workers = 1;
    isl::Trainer trainer(c, dir.filePath("run").toStdString());
    trainer.run();
    auto records = isl::read_metrics_file(isl::run_files::metrics_path(dir.filePath("run").toStdString()));
    // A GAN and a mining epoch as runs before the stages had names of their own wrote them.
    for (isl::Stage stage : {isl::Stage::Gan, isl::Stage::Mining}) {
      isl::MetricsRecord old;
      old.kind = "epoch";
      old.stage = stage;
      old.values = {{"loss", 0.6}};
      records.push_back(old);
    }
    std::map<std::string, std::vector<double>> expected;
    int gan_epochs = 0, mining_epochs = 0;
    for (const auto& r : records) {
      if (r.kind != "epoch") continue;
      if (r.stage == isl::Stage::Backbone) {
        expected["loss"].push_back(r.values.at("loss"));
        expected["learning_rate"].push_back(r.values.at("learning_rate"));
      } else if (r.stage == isl::Stage::Gan && r.values.count("gan_generator")) {
        ++gan_epochs;
        expected["gan_generator"].push_back(r.values.at("gan_generator"));
      } else if (r.stage == isl::Stage::Mining && r.values.count("proxy_confidence")) {
        ++mining_epochs;
        expected["proxy_confidence"].push_back(r.values.at("proxy_confidence"));
      }
    }
    QCOMPARE(int(expected["loss"].size()), 4);
    QCOMPARE(gan_epochs, 2);
    QCOMPARE(mining_epochs, 1);
    CurvesPanel curves;
    curves.setRecords(records);
    for (const auto& [key, values] : expected) {
      const QList<QPointF> points = curves.points(key);
      QCOMPARE(points.size(), int(values.size()));
      for (size_t i = 0; i < values.size(); ++i) QCOMPARE(points[int(i)].y(), values[i]);
    }
    QCOMPARE(curves.pointCount("gan_discriminator"), 2);
    QCOMPARE(curves.pointCount("mined_pairs"), 1);  // per mining pass, not from every record
    QCOMPARE(curves.pointCount("knn_top1_final"), 1);
    // The tabs say what each chart holds.
    QStringList tabs;
    for (int i = 0; i < curves.count(); ++i) tabs << curves.tabText(i);
    QVERIFY2(tabs.contains("Backbone loss") && tabs.contains("Learning rate") && tabs.contains("Proxy GAN") &&
                 tabs.contains("Proxies"),
             qPrintable(tabs.join(", ")));
  }

  // A run directory's records drawn at once (setRecords) look exactly like the same records
  // added one by one as a live run reports them: the same points in every series, GAN epochs
  // counted across rounds, the same axis ranges.
  void settingRecordsDrawsWhatAddingThemDraws() {
    const auto records = synthetic_records(30);
    CurvesPanel added, set;
    for (const auto& record : records) added.addRecord(record);
    set.setRecords(std::vector<isl::MetricsRecord>(records.begin(), records.begin() + 7));
    set.setRecords(records);  // replaces what was drawn
    const auto expected = drawn(added), actual = drawn(set);
    QCOMPARE(actual.size(), expected.size());
    QVERIFY(expected.size() > 10);
    for (const auto& [name, points] : expected) {
      QVERIFY2(actual.count(name), qPrintable(name));
      QCOMPARE(actual.at(name), points);
    }
    QCOMPARE(added.pointCount("gan_generator"), 60);  // two GAN epochs in each of 30 rounds
    QCOMPARE(set.pointCount("gan_generator"), 60);
  }

  // Following a long run rebuilds the curves from its whole metrics file whenever it grows,
  // so that must not grow with the square of the run's length: point-by-point appends took
  // about 15 s for 4,000 records on a 2-core machine.
  void settingALongRunIsQuick() {
    const auto records = synthetic_records(800);  // 4,000 records
    CurvesPanel curves;
    curves.resize(640, 400);
    curves.show();
    QVERIFY(QTest::qWaitForWindowExposed(&curves));
    // CPU time of this thread, so that other programs on a busy machine do not count.
    const double before = thread_cpu_ms();
    curves.setRecords(records);
    const double elapsed = thread_cpu_ms() - before;
    QCOMPARE(curves.pointCount("loss"), 800);
    qInfo("setRecords of %zu records: %.0f ms of CPU time", records.size(), elapsed);
    QVERIFY2(elapsed < 3000, qPrintable(QString("setRecords took %1 ms").arg(elapsed)));
  }

  // The precision legend names what each series is, and ISL and its Euclidean comparison of
  // one set size share a colour and differ by line style.
  void precisionSeriesSayWhatTheyAre() {
    CurvesPanel curves;
    isl::MetricsRecord record;
    record.kind = "eval";
    record.global_epoch = 2;
    record.values = {{"precision_isl", 0.3}, {"precision_euclidean", 0.5},
                     {"precision_isl_at_10", 0.25}, {"precision_euclidean_at_10", 0.45}};
    curves.addRecord(record);
    std::map<QString, QPen> pens;
    for (QAbstractSeries* series : curves.chartViews().front()->chart()->series())
      if (auto* line = qobject_cast<QLineSeries*>(series)) pens[line->name()] = line->pen();
    const QString isl = "ISL sets, all sizes", euclidean = "Euclidean sets, all sizes";
    const QString isl_10 = "ISL sets, first 10 members", euclidean_10 = "Euclidean sets, 10 nearest members";
    for (const QString& name : {isl, euclidean, isl_10, euclidean_10}) QVERIFY2(pens.count(name), qPrintable(name));
    QCOMPARE(pens[isl_10].color(), pens[euclidean_10].color());
    QVERIFY(pens[isl_10].style() != pens[euclidean_10].style());
    QCOMPARE(pens[isl].color(), pens[euclidean].color());
    QVERIFY(pens[isl].color() != pens[isl_10].color());
    QVERIFY(curves.chartViews().front()->chart()->axes(Qt::Vertical).value(0)->titleText().contains("anchor's label"));
  }
 private:
  // Per round: a backbone epoch, its evaluation, two GAN epochs and a mining epoch.
  static std::vector<isl::MetricsRecord> synthetic_records(int rounds) {
    std::vector<isl::MetricsRecord> records;
    for (int r = 0; r < rounds; ++r) {
      isl::MetricsRecord record;
      record.round = r;
      record.global_epoch = r + 1;
      record.kind = "epoch";
      record.stage = isl::Stage::Backbone;
      record.values = {{"loss", 5.0 / (r + 1)}, {"loss_instance", 4.0 / (r + 1)}, {"loss_set", 0.5}, {"loss_hpe", 0.1}};
      records.push_back(record);
      record.kind = "eval";
      record.values = {{"knn_top1", 0.1 + 0.001 * r}, {"mined_pairs", 10.0 * r}, {"precision_isl", r ? 0.6 : std::nan("")},
                       {"precision_euclidean", 0.5}, {"precision_isl_at_2", 0.7}, {"precision_euclidean_at_2", 0.55}};
      records.push_back(record);
      record.kind = "epoch";
      record.stage = isl::Stage::Gan;
      for (int e = 1; e <= 2; ++e) {
        record.epoch = e;
        record.values = {{"gan_generator", 0.69 + 0.01 * e}, {"gan_discriminator", 0.7 - 0.001 * r}};
        records.push_back(record);
      }
      record.stage = isl::Stage::Mining;
      record.epoch = 1;
      record.values = {{"mined_pairs", 10.0 * r + 5}};
      records.push_back(record);
    }
    return records;
  }

  static double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
  }

  // Every series' points by name, and each chart's axis ranges as two more entries.
  static std::map<QString, QList<QPointF>> drawn(const CurvesPanel& curves) {
    std::map<QString, QList<QPointF>> result;
    int index = 0;
    for (QChartView* view : curves.chartViews()) {
      for (QAbstractSeries* series : view->chart()->series())
        if (auto* line = qobject_cast<QLineSeries*>(series)) result[line->name()] = line->points();
      for (Qt::Orientation orientation : {Qt::Horizontal, Qt::Vertical}) {
        auto* axis = qobject_cast<QValueAxis*>(view->chart()->axes(orientation).value(0));
        result[QString("axis %1 %2").arg(index).arg(int(orientation))] = {QPointF(axis->min(), axis->max())};
      }
      ++index;
    }
    return result;
  }
};

class ExportTest : public QObject {
  Q_OBJECT
 private slots:
  void figuresParse() {
    QTemporaryDir dir;
    CurvesPanel curves;
    curves.resize(640, 400);
    isl::MetricsRecord record;
    record.kind = "eval";
    for (int e = 1; e <= 4; ++e) {
      record.global_epoch = e;
      record.values = {{"precision_isl", 0.5 + 0.1 * e}};
      curves.addRecord(record);
    }
    curves.show();
    QVERIFY(QTest::qWaitForWindowExposed(&curves));
    export_widget(curves.currentChartView(), dir.filePath("curves.png"));
    export_widget(curves.currentChartView(), dir.filePath("curves.svg"));
    export_widget(curves.currentChartView(), dir.filePath("curves.pdf"));
    QImage png(dir.filePath("curves.png"));
    QVERIFY(!png.isNull());
    QVERIFY(png.width() > 100);
    QFile svg(dir.filePath("curves.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svg);
    int paths = 0;
    while (!xml.atEnd())
      if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("path")) ++paths;
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(paths > 0);
    QFile pdf(dir.filePath("curves.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY_THROWS_EXCEPTION(isl::InputError, export_widget(&curves, dir.filePath("curves.bmpx")));
  }

  void metricsCsvMatchesRecords() {
    QTemporaryDir dir;
    std::vector<isl::MetricsRecord> records(3);
    for (int i = 0; i < 3; ++i) {
      records[size_t(i)].kind = "eval";
      records[size_t(i)].global_epoch = i + 1;
      records[size_t(i)].values = {{"knn_top1", 0.1 * i}};
    }
    records[2].values["loss"] = 2.5;
    export_metrics_csv(records, dir.filePath("m.csv"));
    QFile file(dir.filePath("m.csv"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QString("kind,round,stage,epoch,global_epoch,seconds,knn_top1,loss"));
    QCOMPARE(lines[1].split(',').size(), 8);
    QCOMPARE(lines[1].split(',')[7], QString());  // missing value: an empty cell
    QCOMPARE(lines[3].split(',')[7].toDouble(), 2.5);
    QCOMPARE(lines[2].split(',')[4].toInt(), 2);
  }

  void checkpointCopy() {
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(isl::InputError, export_checkpoint(dir.path(), dir.filePath("copy.pt")));
    QDir().mkpath(QString::fromStdString(isl::run_files::checkpoint_directory(dir.path().toStdString())));
    isl::write_file_atomically(isl::run_files::latest_checkpoint_path(dir.path().toStdString()), "weights");
    export_checkpoint(dir.path(), dir.filePath("copy.pt"));
    QCOMPARE(QString::fromStdString(isl::read_whole_file(dir.filePath("copy.pt").toStdString())), QString("weights"));
  }
};

class ReplayTest : public QObject {
  Q_OBJECT
 private slots:
  // A finished run shows its last snapshot; a snapshot written later is followed.
  void showsLastEpochAndFollowsNewSnapshots() {
    QTemporaryDir dir;
    isl::test::write_synthetic_run(dir.path().toStdString(), 120, 4);
    SnapshotTimeline timeline;
    QSignalSpy shown(&timeline, &SnapshotTimeline::snapshotShown);
    timeline.setRunDirectory(dir.path());
    QTRY_VERIFY(timeline.current() != nullptr);
    QCOMPARE(timeline.snapshotCount(), 4);
    QCOMPARE(timeline.current()->global_epoch, 4);
    isl::write_snapshot_file(isl::run_files::snapshot_path(dir.path().toStdString(), 4),
                             isl::test::synthetic_snapshot(120, 10, 4, 1, 8, 5));
    QTRY_COMPARE_WITH_TIMEOUT(timeline.current()->global_epoch, 5, 5000);
    timeline.showIndex(1);
    QTRY_COMPARE(timeline.current()->global_epoch, 2);
  }

  void damagedSnapshotIsReported() {
    QTemporaryDir dir;
    isl::test::write_synthetic_run(dir.path().toStdString(), 50, 1);
    isl::write_file_atomically(isl::run_files::snapshot_path(dir.path().toStdString(), 1), "ISLSNAP1 truncated");
    SnapshotTimeline timeline;
    QSignalSpy errors(&timeline, &SnapshotTimeline::errorOccurred);
    timeline.setRunDirectory(dir.path());
    QTRY_COMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains("000001.snap"), qPrintable(errors.at(0).at(0).toString()));
  }
};

class SettingsDialogTest : public QObject {
  Q_OBJECT
 private slots:
  void everySettingHasAnEditorWithHelp() {
    isl::Config config;
    SettingsDialog dialog(config);
    int fields = 0;
    isl::for_each_field(config, [&](auto&, const isl::ConfigField& field) {
      ++fields;
      QWidget* editor = dialog.editor(field.name);
      QVERIFY2(editor, field.name);
      QVERIFY(editor->toolTip().contains(QString::fromUtf8(field.help).left(20)));
    });
    QVERIFY(fields > 40);
    QCOMPARE(isl::to_json_text(dialog.config()), isl::to_json_text(config));
  }

  void invalidInputIsExplainedAndKeepsTheDialogOpen() {
    SettingsDialog dialog(isl::Config{});
    dialog.setRunDirectory("/tmp/isl-settings-test");
    qobject_cast<QLineEdit*>(dialog.editor("precision_set_sizes"))->setText("2, ten");
    dialog.show();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.findChild<QLabel*>("settingsProblem")->text().contains("ten"));
    qobject_cast<QLineEdit*>(dialog.editor("precision_set_sizes"))->setText("2, 10");
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
  }
};

ISL_REGISTER_TEST(AnchorInspectorTest);
ISL_REGISTER_TEST(CurvesTest);
ISL_REGISTER_TEST(ExportTest);
ISL_REGISTER_TEST(ReplayTest);
ISL_REGISTER_TEST(SettingsDialogTest);
#include "test_panels.moc"
