// Mined pairs and hubs of positive sets, on sets made by hand.
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include "core/run/run_files.h"
#include "core/run/set_statistics.h"
#include "test_registry.h"

using namespace isl;

namespace {

// Row i holds i itself (first, as the trainer writes it) and then positives[i] other images.
SetRows rows_with(const std::vector<int64_t>& positives) {
  SetRows rows;
  const int64_t images = int64_t(positives.size());
  rows.offsets.push_back(0);
  for (int64_t image = 0; image < images; ++image) {
    rows.members.push_back(image);
    for (int64_t k = 1; k <= positives[size_t(image)]; ++k) rows.members.push_back((image + k) % images);
    rows.offsets.push_back(int64_t(rows.members.size()));
  }
  rows.rounds.assign(rows.members.size(), 0);
  return rows;
}

Snapshot snapshot_with(const std::vector<int64_t>& positives, int global_epoch) {
  Snapshot s;
  s.global_epoch = global_epoch;
  s.images = int64_t(positives.size());
  s.num_classes = 1;
  s.points.assign(size_t(3 * s.images), 0.0f);
  s.labels.assign(size_t(s.images), 0);
  s.positives = rows_with(positives);
  s.euclidean = rows_with(std::vector<int64_t>(positives.size(), 0));
  return s;
}

}  // namespace

class SetStatisticsTest : public QObject {
  Q_OBJECT
 private slots:
  // 150 images: sets of 10, 5 and 3 positives, 47 of one and 100 empty ones. The 1% largest
  // sets are ceil(1.5) = 2 of them, holding 10 + 5 of the 65 pairs.
  void countsPairsAndTheShareOfTheLargestSets() {
    std::vector<int64_t> positives(150, 0);
    positives[7] = 10;
    positives[0] = 3;
    positives[149] = 5;
    for (size_t i = 50; i < 97; ++i) positives[i] = 1;
    const SetStatistics s = set_statistics(rows_with(positives));
    QCOMPARE(s.images, int64_t(150));
    QCOMPARE(s.pairs, int64_t(65));
    QCOMPARE(s.pairs_per_image, 65.0 / 150.0);
    QCOMPARE(s.largest_set, int64_t(10));
    QCOMPARE(s.hub_sets, int64_t(2));
    QVERIFY(s.hub_share.has_value());
    QCOMPARE(*s.hub_share, 15.0 / 65.0);
  }

  // The image itself is not its own positive wherever it stands in its row.
  void theImageItselfIsNoPair() {
    SetRows rows;
    rows.offsets = {0, 3, 4};
    rows.members = {1, 0, 1, 1};  // image 0: {1, 0, 1}; image 1: {1}
    rows.rounds = {0, -1, 0, -1};
    const SetStatistics s = set_statistics(rows);
    QCOMPARE(s.pairs, int64_t(2));
    QCOMPARE(s.largest_set, int64_t(2));
    QCOMPARE(s.hub_sets, int64_t(1));
    QCOMPARE(*s.hub_share, 1.0);
  }

  void setsWithoutPairsHaveNoHubShare() {
    const SetStatistics s = set_statistics(rows_with(std::vector<int64_t>(100, 0)));
    QCOMPARE(s.pairs, int64_t(0));
    QCOMPARE(s.hub_sets, int64_t(1));
    QVERIFY(!s.hub_share.has_value());
    QCOMPARE(set_statistics(SetRows{}).images, int64_t(0));
  }

  // The newest snapshot with a pair counts; a run that never had one reports its newest.
  void theNewestSnapshotWithPairsIsRead() {
    QTemporaryDir dir;
    const std::string run = dir.path().toStdString();
    QVERIFY(!latest_set_statistics(run).has_value());
    std::filesystem::create_directories(run_files::snapshot_directory(run));
    write_snapshot_file(run_files::snapshot_path(run, 0), snapshot_with({0, 0, 0}, 1));
    auto none = latest_set_statistics(run);
    QVERIFY(none.has_value());
    QCOMPARE(none->statistics.pairs, int64_t(0));
    write_snapshot_file(run_files::snapshot_path(run, 1), snapshot_with({2, 1, 0}, 2));
    write_snapshot_file(run_files::snapshot_path(run, 2), snapshot_with({1, 0, 0}, 3));
    write_snapshot_file(run_files::snapshot_path(run, 3), snapshot_with({0, 0, 0}, 4));
    auto found = latest_set_statistics(run);
    QCOMPARE(found->global_epoch, 3);
    QCOMPARE(found->statistics.pairs, int64_t(1));
    QCOMPARE(found->snapshot, run_files::snapshot_path(run, 2));
  }
};

ISL_REGISTER_TEST(SetStatisticsTest);
#include "test_set_statistics.moc"
