// Weighted kNN, positive-set precision, the bank scored in tiles, the sample of compared
// anchors and the linear probe, on small sets with known answers.
#include <QTest>

#include <cmath>
#include <limits>

#include "core/eval/anchor_sample.h"
#include "core/eval/knn.h"
#include "core/eval/linear_probe.h"
#include "core/eval/set_precision.h"
#include "core/eval/similar_entries.h"
#include "test_registry.h"

using namespace isl::eval;

namespace {
torch::Tensor ids(std::vector<int64_t> values) { return torch::tensor(values, torch::kInt64); }

torch::Tensor unit_angles(std::vector<double> degrees) {
  std::vector<float> flat;
  for (double d : degrees) {
    flat.push_back(float(std::cos(d * M_PI / 180)));
    flat.push_back(float(std::sin(d * M_PI / 180)));
  }
  return torch::tensor(flat).view({int64_t(degrees.size()), 2});
}
}  // namespace

class TestEvaluation : public QObject {
  Q_OBJECT
 private slots:
  void knn_separable_set_is_perfect() {
    // Class 0 near 0 degrees, class 1 near 180 degrees.
    auto train = unit_angles({-10, 0, 10, 170, 180, 190});
    auto labels = ids({0, 0, 0, 1, 1, 1});
    auto test = unit_angles({5, 175, -5, 185});
    KnnOptions options;
    options.k = 3;
    QCOMPARE(weighted_knn_top1(train, labels, test, ids({0, 1, 0, 1}), 2, options), 1.0);
    QCOMPARE(weighted_knn_top1(train, labels, test, ids({1, 1, 0, 1}), 2, options), 0.75);
  }
  void knn_weights_votes_by_similarity() {
    // Test point at 0 degrees. Neighbours: one of class 0 at 0 deg (s = 1), two of class 1 at
    // 60 deg (s = 0.5). With sigma = 0.1: class 0 gets e^10, class 1 gets 2 e^5: class 0 wins,
    // although it has fewer votes. With sigma = 10: e^0.1 = 1.105 < 2 e^0.05 = 2.10: class 1.
    auto train = unit_angles({0, 60, -60});
    auto labels = ids({0, 1, 1});
    auto test = unit_angles({0});
    KnnOptions options;
    options.k = 3;
    options.sigma = 0.1;
    QCOMPARE(weighted_knn_predict(train, labels, test, 2, options).item<int64_t>(), int64_t(0));
    options.sigma = 10;
    QCOMPARE(weighted_knn_predict(train, labels, test, 2, options).item<int64_t>(), int64_t(1));
  }
  void precision_counts_same_label_positives() {
    // Anchor 0 (label 0): positives 1 (label 0) and 2 (label 1) -> 1/2.
    // Anchor 1 (label 0): positive 0 -> 1. Anchor 2 (label 1): positive 0 -> 0. Anchor 3: none.
    auto positives = ids({0, 1, 2, 1, 0, -1, 2, 0, -1, 3, -1, -1}).view({4, 3});
    auto labels = ids({0, 0, 1, 1});
    auto all = ids({0, 1, 2, 3});
    QVERIFY(std::abs(*set_precision(all, positives, labels) - (0.5 + 1.0 + 0.0) / 3) < 1e-12);
    // At size 2 only anchor 0 has two positives: 1/2. At size 1 each anchor's first: 1, 1, 0.
    QCOMPARE(*set_precision_at(all, positives, labels, 2), 0.5);
    QVERIFY(std::abs(*set_precision_at(all, positives, labels, 1) - 2.0 / 3) < 1e-12);
    QVERIFY(!set_precision_at(all, positives, labels, 3).has_value());
    QVERIFY(!set_precision(ids({0, 1}), ids({0, 1}).view({2, 1}), labels).has_value());
    // A subset of anchors: rows 1 and 2 only -> (1 + 0) / 2.
    QCOMPARE(*set_precision(ids({1, 2}), positives.narrow(0, 1, 2), labels), 0.5);
  }
  void euclidean_neighbours_have_requested_sizes() {
    auto memory = unit_angles({0, 10, 30, 180});
    auto table = euclidean_neighbours(memory, ids({0, 1, 2, 3}), ids({2, 1, 0, 1}));
    QCOMPARE(table.sizes().vec(), std::vector<int64_t>({4, 2}));
    QVERIFY(torch::equal(table, ids({1, 2, 0, -1, -1, -1, 2, -1}).view({4, 2})));
    // Only some anchors: image 3 (180 deg) nearest first: 30 deg, then 10 deg.
    QVERIFY(torch::equal(euclidean_neighbours(memory, ids({3}), ids({2})), ids({2, 1}).view({1, 2})));
  }
  void tiles_of_the_bank_give_the_whole_matrixs_best() {
    torch::manual_seed(3);
    auto memory = torch::randn({2500, 16});
    auto queries = memory.index_select(0, ids({0, 7, 299, 300, 301, 1800, 2499, 42}));
    auto [expected_values, expected_entries] = torch::matmul(queries, memory.t()).topk(12, 1);
    // 8 rows x 300 columns a tile: nine tiles, the last one narrower.
    auto [values, entries] = most_similar_entries(queries, memory, 12, {}, 8 * 300);
    QVERIFY(torch::equal(entries, expected_entries));
    QVERIFY(torch::allclose(values, expected_values));
    // Each query's own entry left out, wherever its tile.
    auto self = ids({0, 7, 299, 300, 301, 1800, 2499, 42});
    auto scores = torch::matmul(queries, memory.t());
    scores.scatter_(1, self.unsqueeze(1), -std::numeric_limits<float>::infinity());
    auto others = std::get<1>(scores.topk(12, 1));
    QVERIFY(torch::equal(std::get<1>(most_similar_entries(queries, memory, 12, self, 8 * 300)), others));
    QVERIFY(!(std::get<1>(most_similar_entries(queries, memory, 12, self, 8 * 300)) == self.unsqueeze(1)).any().item<bool>());
  }
  void euclidean_neighbours_over_many_tiles_match_the_whole_matrix() {
    torch::manual_seed(4);
    auto memory = torch::nn::functional::normalize(torch::randn({20000, 8}),
                                                   torch::nn::functional::NormalizeFuncOptions().dim(1));
    auto anchors = std::get<0>(torch::sort(torch::randperm(20000, torch::kInt64).narrow(0, 0, 1100)));
    auto counts = torch::randint(0, 6, {1100}, torch::kInt64);
    // A chunk of 1,024 anchors scores the 20,000 entries in two tiles (kSimilarityTileValues).
    auto table = euclidean_neighbours(memory, anchors, counts);
    auto scores = torch::matmul(memory.index_select(0, anchors), memory.t());
    scores.scatter_(1, anchors.unsqueeze(1), -2.0);
    auto nearest = std::get<1>(scores.topk(5, 1));
    auto used = torch::arange(5).unsqueeze(0) < counts.unsqueeze(1);
    QCOMPARE(table.sizes().vec(), std::vector<int64_t>({1100, 5}));
    QVERIFY(torch::equal(table, nearest.masked_fill(~used, -1)));
  }
  void compared_anchors_are_a_steady_sample() {
    std::vector<int64_t> even;
    for (int64_t i = 0; i < 20000; i += 2) even.push_back(i);
    const auto all = ids(even);
    // Few enough: every anchor, as given.
    QVERIFY(torch::equal(compared_anchors(all.narrow(0, 0, 4096), 1), all.narrow(0, 0, 4096)));
    const auto sample = compared_anchors(all, 1);
    QCOMPARE(sample.numel(), kComparedAnchors);
    QVERIFY(torch::equal(sample, std::get<0>(torch::sort(sample))));               // increasing
    QCOMPARE(std::get<0>(torch::_unique(sample)).numel(), kComparedAnchors);       // no repeats
    QVERIFY(torch::isin(sample, all).all().item<bool>());                           // anchors only
    QVERIFY(torch::equal(compared_anchors(all, 1), sample));                        // deterministic
    QVERIFY(!torch::equal(compared_anchors(all, 2), sample));                       // seeded
    // Spread over the anchors rather than their first 4,096: about half in each half.
    const double low = (sample < 10000).sum().item<double>() / double(kComparedAnchors);
    QVERIFY2(low > 0.45 && low < 0.55, qPrintable(QString::number(low)));
    // Fewer eligible anchors (a set size K): those sampled among all stay sampled.
    const auto eligible = all.narrow(0, 0, 7000);
    const auto eligible_sample = compared_anchors(eligible, 1);
    QCOMPARE(eligible_sample.numel(), kComparedAnchors);
    auto kept = sample.masked_select(torch::isin(sample, eligible));
    QVERIFY(torch::isin(kept, eligible_sample).all().item<bool>());
  }
  void linear_probe_learns_a_linearly_separable_task() {
    torch::manual_seed(0);
    auto train = torch::randn({400, 6});
    auto train_labels = (train.select(1, 2) - train.select(1, 4) > 0).to(torch::kInt64);
    auto test = torch::randn({200, 6});
    auto test_labels = (test.select(1, 2) - test.select(1, 4) > 0).to(torch::kInt64);
    LinearProbeOptions options;
    options.epochs = 20;
    QVERIFY(linear_probe_top1(train, train_labels, test, test_labels, 2, options) > 0.95);
    // Labels unrelated to the features stay near chance.
    auto noise = torch::randint(2, {200}, torch::kInt64);
    QVERIFY(linear_probe_top1(train, train_labels, test, noise, 2, options) < 0.7);
  }
};

ISL_REGISTER_TEST(TestEvaluation);
#include "test_evaluation.moc"
