#include "core/embed/umap.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <string>

#include "core/embed/fuzzy_set.h"
#include "core/embed/layout_measures.h"
#include "core/embed/nearest_neighbours.h"
#include "core/embed/seeded_random.h"
#include "core/embed/umap_layout.h"
#include "core/input_error.h"
#include "core/run/projection.h"

namespace isl::embed {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

constexpr float kBoxSide = 10.f;            // umap-learn scales its start to [0, 10] per axis
constexpr int64_t kPcaFitRows = 20'000;     // evenly spaced rows suffice for three axes
constexpr float kPlacementJitter = 1e-3f;   // of the layout's RMS radius
constexpr uint64_t kSampleStream = 0x5a3d;  // seeds of the sample and the jitter, apart from the SGD's

void check(bool valid, const std::string& setting, const std::string& problem) {
  if (!valid) throw InputError("UMAP setting " + setting, problem);
}

void validate(RowsView rows, const UmapSettings& settings, const PreviousLayout* previous) {
  check(settings.n_neighbors >= 2, "n_neighbors", "must be at least 2");
  check(settings.n_components == 2 || settings.n_components == 3, "n_components", "must be 2 or 3");
  check(settings.spread > 0, "spread", "must be above 0");
  check(settings.min_dist >= 0 && settings.min_dist <= settings.spread, "min_dist", "must be in [0, spread]");
  check(settings.n_epochs >= 0, "n_epochs", "must not be negative");
  check(settings.negative_sample_rate >= 0, "negative_sample_rate", "must not be negative");
  check(settings.learning_rate > 0, "learning_rate", "must be above 0");
  check(settings.repulsion_strength >= 0, "repulsion_strength", "must not be negative");
  check(settings.sample_above >= 1, "sample_above", "must be at least 1");
  if (!previous) return;
  check(int64_t(previous->positions.size()) == rows.count * settings.n_components, "previous layout",
        "must hold n_components coordinates for each of the " + std::to_string(rows.count) + " points");
  check(previous->present.empty() || int64_t(previous->present.size()) == rows.count, "previous layout",
        "must flag each of the " + std::to_string(rows.count) + " points present or not");
}

bool is_present(const PreviousLayout& previous, int64_t i) { return previous.present.empty() || previous.present[size_t(i)]; }

// The first n_components principal components of the unit rows.
std::vector<float> pca_positions(RowsView unit, int n_components) {
  const int64_t stride = std::max<int64_t>(1, unit.count / kPcaFitRows);
  std::vector<float> fit_rows;
  for (int64_t i = 0; i < unit.count; i += stride) fit_rows.insert(fit_rows.end(), unit.row(i), unit.row(i) + unit.dim);
  const Projection3d pca = fit_pca_3d(fit_rows.data(), int64_t(fit_rows.size()) / unit.dim, unit.dim);
  const std::vector<float> in_3d = pca.apply(unit.data, unit.count);
  std::vector<float> positions(size_t(unit.count * n_components));
  for (int64_t i = 0; i < unit.count; ++i)
    for (int c = 0; c < n_components; ++c) positions[size_t(i * n_components + c)] = in_3d[size_t(i * 3 + c)];
  return positions;
}

// Each axis of the chosen points mapped linearly onto [low, high] of that axis.
void fit_to_box(std::vector<float>& positions, int n_components, const std::vector<int64_t>& points,
                const std::vector<float>& low, const std::vector<float>& high) {
  for (int c = 0; c < n_components; ++c) {
    float least = std::numeric_limits<float>::infinity(), most = -least;
    for (int64_t i : points) least = std::min(least, positions[size_t(i * n_components + c)]), most = std::max(most, positions[size_t(i * n_components + c)]);
    const float scale = most > least ? (high[size_t(c)] - low[size_t(c)]) / (most - least) : 0.f;
    for (int64_t i : points) {
      float& x = positions[size_t(i * n_components + c)];
      x = scale > 0 ? low[size_t(c)] + (x - least) * scale : (low[size_t(c)] + high[size_t(c)]) / 2;
    }
  }
}

std::vector<float> cold_start(RowsView unit, int n_components) {
  std::vector<float> positions = pca_positions(unit, n_components);
  std::vector<int64_t> all(size_t(unit.count));
  std::iota(all.begin(), all.end(), 0);
  fit_to_box(positions, n_components, all, std::vector<float>(size_t(n_components), 0.f),
             std::vector<float>(size_t(n_components), kBoxSide));
  return positions;
}

std::vector<float> warm_start(RowsView unit, int n_components, const PreviousLayout& previous, const NeighbourGraph& graph) {
  std::vector<float> positions(previous.positions.begin(), previous.positions.end());
  std::vector<int64_t> without_neighbours;
  for (int64_t i = 0; i < unit.count; ++i) {
    if (is_present(previous, i)) continue;
    std::vector<double> sum(size_t(n_components), 0.0);
    int found = 0;
    for (int64_t s = 0; s < graph.k; ++s) {
      const int32_t j = graph.indices[size_t(i * graph.k + s)];
      if (j < 0 || !is_present(previous, j)) continue;
      for (int c = 0; c < n_components; ++c) sum[size_t(c)] += previous.positions[size_t(j * n_components + c)];
      ++found;
    }
    if (found == 0) without_neighbours.push_back(i);
    for (int c = 0; c < n_components; ++c) positions[size_t(i * n_components + c)] = float(sum[size_t(c)] / std::max(found, 1));
  }
  if (without_neighbours.empty()) return positions;
  std::vector<float> low(size_t(n_components), std::numeric_limits<float>::infinity());
  std::vector<float> high(size_t(n_components), -std::numeric_limits<float>::infinity());
  for (int64_t i = 0; i < unit.count; ++i)
    for (int c = 0; c < n_components && is_present(previous, i); ++c) {
      low[size_t(c)] = std::min(low[size_t(c)], positions[size_t(i * n_components + c)]);
      high[size_t(c)] = std::max(high[size_t(c)], positions[size_t(i * n_components + c)]);
    }
  if (!std::isfinite(low[0])) low.assign(size_t(n_components), 0.f), high.assign(size_t(n_components), kBoxSide);
  std::vector<float> pca = pca_positions(unit, n_components);
  fit_to_box(pca, n_components, without_neighbours, low, high);
  for (int64_t i : without_neighbours)
    for (int c = 0; c < n_components; ++c) positions[size_t(i * n_components + c)] = pca[size_t(i * n_components + c)];
  return positions;
}

int default_epochs(int64_t count, bool warm) {
  if (warm) return count <= 10'000 ? 100 : 30;
  return count <= 10'000 ? 500 : 200;
}

bool is_exact(NeighbourSearch search, int64_t count) {
  return search == NeighbourSearch::Exact || (search == NeighbourSearch::Automatic && count <= kExactSearchUpTo);
}

// UMAP of all the unit rows.
UmapResult layout_all(RowsView unit, const UmapSettings& settings, const PreviousLayout* previous,
                      const UmapControl& control) {
  UmapResult result;
  result.count = unit.count;
  result.n_components = settings.n_components;
  const int64_t k = std::min<int64_t>(settings.n_neighbors - 1, unit.count - 1);
  auto start = Clock::now();
  if (is_exact(settings.neighbour_search, unit.count)) {
    std::vector<int64_t> self(size_t(unit.count));
    std::iota(self.begin(), self.end(), 0);
    result.neighbours = exact_neighbours(unit, unit, k, Metric::Cosine, self.data(), control.cancel);
  } else {
    result.neighbours = descent_neighbours(unit, k, settings.seed, control.cancel);
  }
  result.timings.neighbours_s = seconds_since(start);
  if (control.cancel && control.cancel->load()) {
    result.cancelled = true;
    return result;
  }
  start = Clock::now();
  const FuzzyGraph graph = fuzzy_simplicial_set(result.neighbours);
  result.timings.fuzzy_set_s = seconds_since(start);

  start = Clock::now();
  result.positions = previous ? warm_start(unit, settings.n_components, *previous, result.neighbours)
                              : cold_start(unit, settings.n_components);
  SgdSettings sgd;
  sgd.n_epochs = settings.n_epochs > 0 ? settings.n_epochs : default_epochs(unit.count, previous != nullptr);
  sgd.learning_rate = previous ? settings.learning_rate / 4 : settings.learning_rate;
  sgd.repulsion_strength = settings.repulsion_strength;
  sgd.negative_sample_rate = settings.negative_sample_rate;
  sgd.curve = fit_curve(settings.min_dist, settings.spread);
  sgd.seed = settings.seed;
  result.n_epochs = sgd.n_epochs;
  result.epochs_run = optimise_layout(result.positions, settings.n_components, graph, sgd, {control.cancel, control.on_epoch});
  result.cancelled = result.epochs_run < result.n_epochs;
  result.timings.layout_s = seconds_since(start);
  return result;
}

// UMAP of a seeded sample; every other point goes to its nearest sampled neighbour, jittered.
UmapResult layout_sample(RowsView unit, const UmapSettings& settings, const PreviousLayout* previous,
                         const UmapControl& control) {
  const int C = settings.n_components;
  const std::vector<int64_t> chosen = SeededRandom(settings.seed ^ kSampleStream).distinct(unit.count, settings.sample_above);
  std::vector<uint8_t> sampled(size_t(unit.count), 0);
  for (int64_t i : chosen) sampled[size_t(i)] = 1;
  std::vector<int64_t> rest;
  for (int64_t i = 0; i < unit.count; ++i)
    if (!sampled[size_t(i)]) rest.push_back(i);
  const auto gather = [&](const std::vector<int64_t>& ids, const float* data, int64_t width) {
    std::vector<float> out(ids.size() * size_t(width));
    for (size_t r = 0; r < ids.size(); ++r) std::copy_n(data + ids[r] * width, width, out.begin() + long(r * size_t(width)));
    return out;
  };
  const std::vector<float> sample_rows = gather(chosen, unit.data, unit.dim);
  const RowsView sample{sample_rows.data(), int64_t(chosen.size()), unit.dim};
  std::vector<float> sample_previous;
  std::vector<uint8_t> sample_present;
  PreviousLayout previous_of_sample;
  if (previous) {
    sample_previous = gather(chosen, previous->positions.data(), C);
    for (int64_t i : chosen) sample_present.push_back(is_present(*previous, i));
    previous_of_sample = {sample_previous, sample_present};
  }
  const UmapResult inner = layout_all(sample, settings, previous ? &previous_of_sample : nullptr, control);

  UmapResult result;
  result.count = unit.count;
  result.n_components = C;
  result.n_epochs = inner.n_epochs;
  result.epochs_run = inner.epochs_run;
  result.cancelled = inner.cancelled;
  result.timings = inner.timings;
  result.sampled = sampled;
  if (result.cancelled) return result;

  const auto start = Clock::now();
  const std::vector<float> rest_rows = gather(rest, unit.data, unit.dim);
  const RowsView queries{rest_rows.data(), int64_t(rest.size()), unit.dim};
  const int64_t k = inner.neighbours.k;
  const NeighbourGraph nearest_sampled =
      is_exact(settings.neighbour_search, sample.count)
          ? exact_neighbours(queries, sample, k, Metric::Cosine, nullptr, control.cancel)
          : search_neighbours(queries, sample, inner.neighbours, k, settings.seed);
  const double jitter = kPlacementJitter * rms_radius(inner.layout());

  result.positions.resize(size_t(unit.count * C));
  result.neighbours = {unit.count, k, std::vector<int32_t>(size_t(unit.count * k), -1),
                       std::vector<float>(size_t(unit.count * k), std::numeric_limits<float>::infinity())};
  const auto keep = [&](int64_t point, const NeighbourGraph& from, int64_t row) {
    for (int64_t s = 0; s < k; ++s) {
      const int32_t j = from.indices[size_t(row * k + s)];
      result.neighbours.indices[size_t(point * k + s)] = j < 0 ? -1 : int32_t(chosen[size_t(j)]);
      result.neighbours.distances[size_t(point * k + s)] = from.distances[size_t(row * k + s)];
    }
  };
  for (size_t r = 0; r < chosen.size(); ++r) {
    std::copy_n(inner.positions.begin() + long(r * size_t(C)), C, result.positions.begin() + long(chosen[r] * C));
    keep(chosen[r], inner.neighbours, int64_t(r));
  }
  for (size_t r = 0; r < rest.size(); ++r) {
    const int32_t nearest = k > 0 ? std::max(nearest_sampled.indices[r * size_t(k)], 0) : 0;
    SeededRandom random(settings.seed ^ kSampleStream ^ mix(uint64_t(rest[r])));
    for (int c = 0; c < C; ++c)
      result.positions[size_t(rest[r] * C + c)] = inner.positions[size_t(nearest * C + c)] + float(jitter) * random.symmetric();
    keep(rest[r], nearest_sampled, int64_t(r));
  }
  result.timings.placement_s = seconds_since(start);
  return result;
}

}  // namespace

UmapResult compute_umap(RowsView rows, const UmapSettings& settings, const PreviousLayout* previous,
                        const UmapControl& control) {
  validate(rows, settings, previous);
  const auto start = Clock::now();
  const std::vector<float> unit_data = unit_rows(rows);
  const RowsView unit{unit_data.data(), rows.count, rows.dim};
  UmapResult result = rows.count > settings.sample_above ? layout_sample(unit, settings, previous, control)
                                                         : layout_all(unit, settings, previous, control);
  result.timings.total_s = seconds_since(start);
  return result;
}

}  // namespace isl::embed
