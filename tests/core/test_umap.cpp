// UMAP of memory-bank rows (core/embed): the curve fit, the fuzzy simplicial set, the layout's
// quality against PCA on the built-in digits, warm starts, determinism, cancelling and the
// sampled path for many points.
#include <QTest>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <set>

#include "core/data/file_bytes.h"
#include "core/data/mnist.h"
#include "core/embed/fuzzy_set.h"
#include "core/embed/layout_measures.h"
#include "core/embed/nearest_neighbours.h"
#include "core/embed/umap.h"
#include "core/embed/umap_layout.h"
#include "core/input_error.h"
#include "core/run/projection.h"
#include "data_test_files.h"
#include "test_registry.h"

using namespace isl::embed;

namespace {

const std::string kDigitsFile = std::string(ISL_BUILT_IN_DATA) + "/train-images-idx3-ubyte";

// The first `count` training digits as rows of 784 raw pixel values.
std::vector<float> digit_rows(int64_t count) {
  const auto images = isl::data::parse_idx_images(isl::data::read_file_bytes(kDigitsFile), kDigitsFile);
  const int64_t dim = int64_t(images.rows) * images.cols;
  return {images.pixels.begin(), images.pixels.begin() + count * dim};
}
constexpr int64_t kDigitDim = 28 * 28;

// Clusters, each a random 4-dimensional plane through a random centre, with a little noise.
std::vector<float> clustered_rows(int64_t count, int64_t dim, uint64_t seed) {
  torch::manual_seed(seed);
  constexpr int64_t kClusters = 8;
  const auto which = torch::randint(kClusters, {count}, torch::kInt64);
  const auto centres = torch::randn({kClusters, dim}), planes = torch::randn({kClusters, 4, dim}) * 0.5;
  const auto rows = (centres.index_select(0, which) +
                     torch::bmm(torch::randn({count, 1, 4}), planes.index_select(0, which)).squeeze(1) +
                     0.05 * torch::randn({count, dim}))
                        .contiguous();
  return {rows.data_ptr<float>(), rows.data_ptr<float>() + count * dim};
}

// Unit vectors at the given angles in the plane.
std::vector<float> unit_angles(const std::vector<double>& degrees) {
  std::vector<float> rows;
  for (double d : degrees) rows.push_back(float(std::cos(d * M_PI / 180))), rows.push_back(float(std::sin(d * M_PI / 180)));
  return rows;
}

float graph_weight(const FuzzyGraph& graph, int64_t i, int32_t j) {
  for (int64_t e = graph.row_starts[size_t(i)]; e < graph.row_starts[size_t(i + 1)]; ++e)
    if (graph.columns[size_t(e)] == j) return graph.weights[size_t(e)];
  return 0.f;
}

NeighbourGraph exact_graph(RowsView rows, int64_t k) {
  const std::vector<float> unit = unit_rows(rows);
  std::vector<int64_t> self(size_t(rows.count));
  for (int64_t i = 0; i < rows.count; ++i) self[size_t(i)] = i;
  return exact_neighbours({unit.data(), rows.count, rows.dim}, {unit.data(), rows.count, rows.dim}, k, Metric::Cosine,
                          self.data());
}

}  // namespace

class TestUmap : public QObject {
  Q_OBJECT
 private slots:
  // umap-learn's find_ab_params(1.0, 0.1) gives a = 1.5769, b = 0.8951.
  void curve_fit_matches_umap_learn() {
    const CurveParameters curve = fit_curve(0.1, 1.0);
    QVERIFY2(std::abs(curve.a - 1.577) < 2e-3 && std::abs(curve.b - 0.895) < 2e-3,
             qPrintable(QString("a = %1, b = %2").arg(curve.a).arg(curve.b)));
    // A larger min_dist flattens the curve near 0: b grows, and 1/(1 + a x^2b) stays higher at min_dist.
    const CurveParameters wide = fit_curve(0.5, 1.0);
    QVERIFY(wide.b > curve.b);
    QVERIFY(1 / (1 + wide.a * std::pow(0.5, 2 * wide.b)) > 1 / (1 + curve.a * std::pow(0.5, 2 * curve.b)));
  }

  // Six directions; each point's three nearest others (n_neighbors 4).
  void fuzzy_set_on_a_hand_made_case() {
    const std::vector<float> rows = unit_angles({0, 10, 25, 90, 100, 130});
    const NeighbourGraph graph = exact_graph({rows.data(), 6, 2}, 3);
    QCOMPARE(graph.indices[0], 1);  // 10 degrees is nearest to 0 degrees
    QCOMPARE(graph.indices[3 * 3], 4);
    const SmoothDistances smooth = smooth_distances(graph);
    const std::vector<float> weights = memberships(graph, smooth);
    for (int64_t i = 0; i < 6; ++i) {
      QCOMPARE(smooth.rho[size_t(i)], graph.distances[size_t(i * 3)]);
      QCOMPARE(weights[size_t(i * 3)], 1.f);  // the nearest neighbour, before the union
      double sum = 0;
      for (int64_t s = 0; s < 3; ++s) {
        const float w = weights[size_t(i * 3 + s)];
        QVERIFY(w > 0 && w <= 1);
        if (s > 0) QVERIFY(w < weights[size_t(i * 3 + s - 1)]);  // farther, weaker
        sum += w;
      }
      QVERIFY2(std::abs(sum - std::log2(4.0)) < 1e-4, qPrintable(QString("point %1: sum %2").arg(i).arg(sum)));
    }
    const FuzzyGraph fuzzy = fuzzy_union(graph, weights);
    for (int64_t i = 0; i < 6; ++i)
      for (int64_t e = fuzzy.row_starts[size_t(i)]; e < fuzzy.row_starts[size_t(i + 1)]; ++e) {
        const int32_t j = fuzzy.columns[size_t(e)];
        const float w = fuzzy.weights[size_t(e)];
        QVERIFY(w > 0 && w <= 1);
        QCOMPARE(graph_weight(fuzzy, j, int32_t(i)), w);
        // A + A^T - A o A^T, from the directed memberships.
        float forward = 0, backward = 0;
        for (int64_t s = 0; s < 3; ++s) {
          if (graph.indices[size_t(i * 3 + s)] == j) forward = weights[size_t(i * 3 + s)];
          if (graph.indices[size_t(j * 3 + s)] == i) backward = weights[size_t(j * 3 + s)];
        }
        QVERIFY(std::abs(w - (forward + backward - forward * backward)) < 1e-6);
      }
    // 0 degrees and 130 degrees are in no neighbour list of each other: no edge.
    QCOMPARE(graph_weight(fuzzy, 0, 5), 0.f);
  }

  void nearest_neighbour_descent_finds_the_exact_neighbours() {
    const std::vector<float> rows = clustered_rows(3000, 32, 1);
    const RowsView view{rows.data(), 3000, 32};
    const NeighbourGraph exact = exact_graph(view, 14);
    const std::vector<float> unit = unit_rows(view);
    const NeighbourGraph found = descent_neighbours({unit.data(), 3000, 32}, 14, 0);
    int64_t shared = 0;
    for (int64_t i = 0; i < 3000; ++i) {
      const std::set<int32_t> truth(exact.indices.begin() + i * 14, exact.indices.begin() + (i + 1) * 14);
      for (int64_t s = 0; s < 14; ++s) shared += truth.count(found.indices[size_t(i * 14 + s)]);
    }
    const double recall = double(shared) / (3000.0 * 14);
    qInfo("descent recall %.4f", recall);
    QVERIFY(recall > 0.97);
  }

  // Raw pixels of 3000 digits: UMAP keeps each digit's 15 nearest neighbours together far
  // better than the best linear 2D view does.
  void keeps_digit_neighbourhoods_better_than_pca() {
    if (!std::filesystem::exists(kDigitsFile)) QSKIP("built-in MNIST not fetched (scripts/fetch-mnist.sh)");
    constexpr int64_t kCount = 3000;
    const std::vector<float> rows = digit_rows(kCount);
    const RowsView view{rows.data(), kCount, kDigitDim};
    const UmapResult umap = compute_umap(view, UmapSettings{});
    QVERIFY(!umap.cancelled);
    const std::vector<float> unit = unit_rows(view);
    const isl::Projection3d pca = isl::fit_pca_3d(unit.data(), kCount, kDigitDim);
    const std::vector<float> in_3d = pca.apply(unit.data(), kCount);
    std::vector<float> pca_2d;
    for (int64_t i = 0; i < kCount; ++i) pca_2d.push_back(in_3d[size_t(i * 3)]), pca_2d.push_back(in_3d[size_t(i * 3 + 1)]);
    const double umap_kept = knn_preservation(view, umap.layout(), 15);
    const double pca_kept = knn_preservation(view, {pca_2d.data(), kCount, 2}, 15);
    qInfo("15-NN preservation on %lld digits: UMAP %.3f, PCA %.3f", (long long)kCount, umap_kept, pca_kept);
    QVERIFY(umap_kept > pca_kept + 0.15);
    QVERIFY(umap_kept > 2 * pca_kept);
  }

  // The rows move a little (noise of 2% of the pixel range): a warm start keeps the points whose
  // neighbours did not change where they were. Bound: a tenth of the RMS radius is less than
  // the spread of one digit's cluster in the layout, so such points stay visibly in place
  // (measured: about 0.05). A cold layout of the same rows with another seed starts from the
  // same PCA and so already moves them only about 0.2; the warm one must do better than half.
  void warm_start_keeps_stable_points_in_place() {
    if (!std::filesystem::exists(kDigitsFile)) QSKIP("built-in MNIST not fetched (scripts/fetch-mnist.sh)");
    constexpr int64_t kCount = 2000;
    const std::vector<float> rows = digit_rows(kCount);
    const RowsView view{rows.data(), kCount, kDigitDim};
    const UmapResult before = compute_umap(view, UmapSettings{});
    torch::manual_seed(5);
    const auto noise = (torch::randn({kCount * kDigitDim}) * (0.02 * 255)).contiguous();
    std::vector<float> moved = rows;
    for (size_t e = 0; e < moved.size(); ++e) moved[e] += noise.data_ptr<float>()[e];
    const RowsView moved_view{moved.data(), kCount, kDigitDim};
    const PreviousLayout previous{before.positions, {}};
    const UmapResult warm = compute_umap(moved_view, UmapSettings{}, &previous);
    UmapSettings other_seed;
    other_seed.seed = 1;
    const UmapResult cold = compute_umap(moved_view, other_seed);
    const double warm_moved = stable_displacement(before.layout(), warm.layout(), before.neighbours, warm.neighbours);
    const double cold_moved = stable_displacement(before.layout(), cold.layout(), before.neighbours, cold.neighbours);
    const double warm_kept = knn_preservation(moved_view, warm.layout(), 15);
    const double cold_kept = knn_preservation(moved_view, cold.layout(), 15);
    qInfo("stable displacement warm %.4f, cold %.4f; 15-NN preservation warm %.3f, cold %.3f", warm_moved, cold_moved,
          warm_kept, cold_kept);
    QVERIFY(warm_moved < 0.1);
    QVERIFY(warm_moved < cold_moved / 2);
    QVERIFY(warm_kept > cold_kept - 0.02);

    // A fifth of the points new: they start beside their present neighbours and the layout
    // keeps neighbourhoods as well as a cold one.
    std::vector<uint8_t> present(size_t(kCount), 1);
    for (int64_t i = 0; i < kCount; i += 5) present[size_t(i)] = 0;
    const PreviousLayout partly{before.positions, present};
    const UmapResult grown = compute_umap(moved_view, UmapSettings{}, &partly);
    const double grown_kept = knn_preservation(moved_view, grown.layout(), 15);
    qInfo("15-NN preservation with a fifth new %.3f", grown_kept);
    QVERIFY(grown_kept > cold_kept - 0.02);
  }

  // The same seed gives the same layout, on one thread or two; another seed another layout.
  void repeats_for_a_seed() {
    const std::vector<float> rows = clustered_rows(1500, 16, 2);
    const RowsView view{rows.data(), 1500, 16};
    UmapSettings settings;
    settings.seed = 3;
    settings.n_epochs = 100;
    const int threads = at::get_num_threads();
    for (NeighbourSearch search : {NeighbourSearch::Exact, NeighbourSearch::Descent}) {
      settings.neighbour_search = search;
      at::set_num_threads(1);
      const UmapResult one_thread = compute_umap(view, settings);
      at::set_num_threads(2);
      const UmapResult two_threads = compute_umap(view, settings);
      at::set_num_threads(threads);
      QVERIFY(one_thread.positions == two_threads.positions);
      QVERIFY(one_thread.neighbours.indices == two_threads.neighbours.indices);
    }
    const UmapResult first = compute_umap(view, settings);
    settings.seed = 4;
    QVERIFY(compute_umap(view, settings).positions != first.positions);
  }

  void cancel_stops_between_epochs() {
    const std::vector<float> rows = clustered_rows(800, 16, 3);
    std::atomic<bool> cancel{false};
    int last_epoch = 0;
    UmapControl control;
    control.cancel = &cancel;
    control.on_epoch = [&](int done, int) {
      last_epoch = done;
      if (done == 10) cancel = true;
    };
    const UmapResult result = compute_umap({rows.data(), 800, 16}, UmapSettings{}, nullptr, control);
    QVERIFY(result.cancelled);
    QCOMPARE(result.epochs_run, 10);
    QCOMPARE(last_epoch, 10);
    QCOMPARE(result.n_epochs, 500);
  }

  // Above sample_above points a sample is laid out; every other point sits at its nearest
  // sampled neighbour (exactly found for a sample this small, searched on the graph otherwise).
  void places_every_point_beside_its_nearest_sampled_neighbour() {
    constexpr int64_t kCount = 1200;
    const std::vector<float> rows = clustered_rows(kCount, 16, 4);
    const RowsView view{rows.data(), kCount, 16};
    for (NeighbourSearch search : {NeighbourSearch::Exact, NeighbourSearch::Descent}) {
      UmapSettings settings;
      settings.sample_above = 400;
      settings.n_components = 3;
      settings.neighbour_search = search;
      const UmapResult result = compute_umap(view, settings);
      QCOMPARE(int64_t(result.positions.size()), kCount * 3);
      QCOMPARE(int64_t(std::count(result.sampled.begin(), result.sampled.end(), 1)), int64_t(400));
      for (float x : result.positions) QVERIFY(std::isfinite(x));
      // The exact nearest sampled neighbour of each other point.
      std::vector<int64_t> sample_ids;
      std::vector<float> sample_rows;
      for (int64_t i = 0; i < kCount; ++i)
        if (result.sampled[size_t(i)]) sample_ids.push_back(i), sample_rows.insert(sample_rows.end(), view.row(i), view.row(i) + 16);
      const std::vector<float> unit_sample = unit_rows({sample_rows.data(), 400, 16});
      const std::vector<float> unit_all = unit_rows(view);
      const NeighbourGraph truth = exact_neighbours({unit_all.data(), kCount, 16}, {unit_sample.data(), 400, 16}, 1, Metric::Cosine);
      const double jitter = 1e-3 * rms_radius(result.layout()) * std::sqrt(3.0) * 1.01;
      int64_t agreeing = 0, others = 0;
      for (int64_t i = 0; i < kCount; ++i) {
        if (result.sampled[size_t(i)]) continue;
        ++others;
        const int32_t nearest = result.neighbours.indices[size_t(i * result.neighbours.k)];
        QVERIFY(result.sampled[size_t(nearest)]);
        double squares = 0;
        for (int c = 0; c < 3; ++c) squares += std::pow(result.positions[size_t(i * 3 + c)] - result.positions[size_t(nearest * 3 + c)], 2);
        QVERIFY(std::sqrt(squares) <= jitter);
        QVERIFY(squares > 0);
        agreeing += nearest == sample_ids[size_t(truth.indices[size_t(i)])];
      }
      qInfo("nearest sampled neighbour as the exact search finds it: %lld of %lld", (long long)agreeing, (long long)others);
      if (search == NeighbourSearch::Exact)
        QCOMPARE(agreeing, others);
      else
        QVERIFY(agreeing >= others * 95 / 100);
    }
  }

  void rejects_settings_out_of_range() {
    const std::vector<float> rows = clustered_rows(50, 4, 5);
    UmapSettings settings;
    settings.n_components = 4;
    isl::test::expect_input_error([&] { compute_umap({rows.data(), 50, 4}, settings); }, "n_components", "2 or 3");
    const std::vector<float> short_layout(10, 0.f);
    const PreviousLayout previous{short_layout, {}};
    isl::test::expect_input_error([&] { compute_umap({rows.data(), 50, 4}, UmapSettings{}, &previous); },
                                  "previous layout", "50 points");
  }
};

ISL_REGISTER_TEST(TestUmap);
#include "test_umap.moc"
