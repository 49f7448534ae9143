// isl-umap-bench: how long one UMAP layout of a memory bank takes (core/embed/umap.h), from
// scratch (cold) and from the previous layout after the rows moved a little (warm), as ISL
// Studio computes one per snapshot. Prints one JSON object per line.
//
//   isl-umap-bench [--n 8000,200000] [--dim 128] [--components 2] [--clusters 20] [--seed 0]
//                  [--threads CORES]
//
// The rows are a memory bank's kind of data: clusters, each a random 6-dimensional plane
// through a random centre, with a little noise (the engine compares them by cosine distance).
// The warm start's rows are the cold start's plus noise of 1/100 of its size. Targets on two
// cores: 8,000 points <= 2 s, 200,000 points <= 60 s (each, cold and warm). Above
// kExactSearchUpTo points the neighbours come from nearest-neighbour descent; its recall
// against the exact neighbours of 1,000 points is printed with it.
#include <CLI/CLI.hpp>
#include <torch/torch.h>

#include <iostream>
#include <numeric>
#include <set>
#include <thread>
#include <vector>

#include "bench_timing.h"
#include "core/embed/layout_measures.h"
#include "core/embed/nearest_neighbours.h"
#include "core/embed/seeded_random.h"
#include "core/embed/umap.h"

namespace {

using isl::bench::json;
using isl::bench::round3;
using namespace isl::embed;

std::vector<float> clustered_rows(int64_t count, int64_t dim, int64_t clusters, uint64_t seed) {
  constexpr int64_t kPlaneDim = 6;
  torch::manual_seed(seed);
  const auto centres = torch::randn({clusters, dim});
  const auto planes = torch::randn({clusters, kPlaneDim, dim}) * 0.5;
  const auto which = torch::randint(clusters, {count}, torch::kInt64);
  const auto along = torch::randn({count, 1, kPlaneDim});
  const auto rows = centres.index_select(0, which) + torch::bmm(along, planes.index_select(0, which)).squeeze(1) +
                    0.05 * torch::randn({count, dim});
  const auto contiguous = rows.contiguous();
  return {contiguous.data_ptr<float>(), contiguous.data_ptr<float>() + count * dim};
}

// The fraction of the exact k nearest neighbours of 1,000 seeded points that the graph holds.
double neighbour_recall(RowsView rows, const NeighbourGraph& graph, uint64_t seed) {
  const std::vector<float> unit = unit_rows(rows);
  const RowsView all{unit.data(), rows.count, rows.dim};
  const std::vector<int64_t> queries = SeededRandom(seed).distinct(rows.count, std::min<int64_t>(rows.count, 1000));
  std::vector<float> query_rows;
  for (int64_t i : queries) query_rows.insert(query_rows.end(), all.row(i), all.row(i) + rows.dim);
  const NeighbourGraph exact = exact_neighbours({query_rows.data(), int64_t(queries.size()), rows.dim}, all, graph.k,
                                                Metric::Cosine, queries.data());
  int64_t found = 0;
  for (size_t q = 0; q < queries.size(); ++q) {
    const auto begin = graph.indices.begin() + queries[q] * graph.k;
    const std::set<int32_t> held(begin, begin + graph.k);
    for (int64_t s = 0; s < graph.k; ++s) found += held.count(exact.indices[q * size_t(graph.k) + size_t(s)]);
  }
  return double(found) / double(queries.size() * size_t(graph.k));
}

json line_of(const char* start, const UmapResult& result, RowsView rows) {
  json line;
  line["n"] = result.count;
  line["start"] = start;
  line["search"] = result.count > kExactSearchUpTo ? "descent" : "exact";
  line["epochs"] = result.epochs_run;
  line["neighbours_s"] = round3(result.timings.neighbours_s);
  line["fuzzy_set_s"] = round3(result.timings.fuzzy_set_s);
  line["layout_s"] = round3(result.timings.layout_s);
  line["placement_s"] = round3(result.timings.placement_s);
  line["total_s"] = round3(result.timings.total_s);
  line["knn_preservation_15"] = round3(knn_preservation(rows, result.layout(), 15));
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"isl-umap-bench: time of one UMAP layout, cold and warm"};
  std::vector<int64_t> sizes{8000, 200000};
  int64_t dim = 128, clusters = 20;
  int components = 2;
  uint64_t seed = 0;
  int threads = int(std::thread::hardware_concurrency());
  app.add_option("--n", sizes, "numbers of points")->delimiter(',');
  app.add_option("--dim", dim, "row dimension")->check(CLI::PositiveNumber);
  app.add_option("--components", components, "2 or 3")->check(CLI::IsMember({2, 3}));
  app.add_option("--clusters", clusters, "clusters of the rows")->check(CLI::PositiveNumber);
  app.add_option("--seed", seed, "seed of the rows and of UMAP");
  app.add_option("--threads", threads, "LibTorch intra-op threads, which the layout's tasks use too")
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);
  at::set_num_threads(threads);

  for (int64_t n : sizes) {
    const std::vector<float> rows = clustered_rows(n, dim, clusters, seed);
    const RowsView view{rows.data(), n, dim};
    UmapSettings settings;
    settings.n_components = components;
    settings.seed = seed;
    const UmapResult cold = compute_umap(view, settings);
    json cold_line = line_of("cold", cold, view);
    if (n > kExactSearchUpTo) cold_line["neighbour_recall"] = round3(neighbour_recall(view, cold.neighbours, seed));
    std::cout << cold_line.dump() << std::endl;

    torch::manual_seed(seed + 1);
    std::vector<float> moved = rows;
    const auto noise = (0.01 * torch::randn({n * dim})).contiguous();
    for (int64_t e = 0; e < n * dim; ++e) moved[size_t(e)] += noise.data_ptr<float>()[e];
    const RowsView moved_view{moved.data(), n, dim};
    const PreviousLayout previous{cold.positions, {}};
    const UmapResult warm = compute_umap(moved_view, settings, &previous);
    json warm_line = line_of("warm", warm, moved_view);
    warm_line["stable_displacement"] =
        round3(stable_displacement(cold.layout(), warm.layout(), cold.neighbours, warm.neighbours));
    std::cout << warm_line.dump() << std::endl;
  }
  return 0;
}
