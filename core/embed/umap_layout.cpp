#include "core/embed/umap_layout.h"

#include <algorithm>
#include <cmath>

#include "core/embed/parallel_ranges.h"
#include "core/embed/seeded_random.h"

namespace isl::embed {

CurveParameters fit_curve(double min_dist, double spread) {
  constexpr int kPoints = 300;
  std::vector<double> x(kPoints), y(kPoints);
  for (int i = 0; i < kPoints; ++i) {
    x[size_t(i)] = 3 * spread * i / (kPoints - 1);
    y[size_t(i)] = x[size_t(i)] < min_dist ? 1.0 : std::exp(-(x[size_t(i)] - min_dist) / spread);
  }
  const auto cost = [&](double a, double b) {
    double sum = 0;
    for (int i = 0; i < kPoints; ++i) {
      const double r = 1 / (1 + a * std::pow(x[size_t(i)], 2 * b)) - y[size_t(i)];
      sum += r * r;
    }
    return sum;
  };
  // Levenberg-Marquardt from (1, 1), scipy's curve_fit start.
  double a = 1, b = 1, damping = 1e-3, current = cost(a, b);
  for (int iteration = 0; iteration < 1000; ++iteration) {
    double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
    for (int i = 0; i < kPoints; ++i) {
      const double xi = x[size_t(i)];
      const double u = xi > 0 ? std::pow(xi, 2 * b) : 0;
      const double f = 1 / (1 + a * u);
      const double r = f - y[size_t(i)];
      const double da = -u * f * f;
      const double db = xi > 0 ? -2 * a * u * std::log(xi) * f * f : 0;
      jaa += da * da, jab += da * db, jbb += db * db, ga += da * r, gb += db * r;
    }
    bool improved = false;
    double step_a = 0, step_b = 0;
    for (int attempt = 0; attempt < 30 && !improved; ++attempt) {
      const double p = jaa * (1 + damping), q = jab, s = jbb * (1 + damping);
      const double det = p * s - q * q;
      step_a = -(s * ga - q * gb) / det;
      step_b = -(p * gb - q * ga) / det;
      const double trial = cost(a + step_a, b + step_b);
      if (trial < current) {
        a += step_a, b += step_b, current = trial, damping /= 10, improved = true;
      } else {
        damping *= 10;
      }
    }
    if (!improved || std::fabs(step_a) + std::fabs(step_b) < 1e-12 * (std::fabs(a) + std::fabs(b))) break;
  }
  return {a, b};
}

namespace {

float clip(float gradient) { return std::clamp(gradient, -4.f, 4.f); }

// The points fall into kBlocks ranges, each laid out by one task per epoch: a task moves the
// points of its own range at once and reads the others as they were when the epoch began; its
// moves of other ranges' points wait until the end of the epoch, applied in range order. So
// the blocks run in parallel and the layout still depends on the seed alone, not on the
// thread count or the timing (umap-learn's parallel SGD races instead).
constexpr int kBlocks = 4;

template <int C>
struct DeferredMove {
  int32_t point;
  float delta[C];
};

template <int C>
int run_epochs(float* positions, int64_t count, const FuzzyGraph& graph, const SgdSettings& settings,
               const SgdControl& control) {
  const float a = float(settings.curve.a), b = float(settings.curve.b), gamma = settings.repulsion_strength;
  const int n_epochs = settings.n_epochs;
  float max_weight = 0;
  for (float w : graph.weights) max_weight = std::max(max_weight, w);
  // The edges sampled at least once, in head order, with umap-learn's schedule in double
  // precision.
  std::vector<int32_t> heads, tails;
  std::vector<double> every, every_negative;
  std::vector<size_t> block_edges(kBlocks + 1, 0);
  std::vector<int64_t> block_starts(kBlocks + 1);
  for (int block = 0; block <= kBlocks; ++block) block_starts[size_t(block)] = count * block / kBlocks;
  for (int block = 0; block < kBlocks; ++block) {
    for (int64_t i = block_starts[size_t(block)]; i < block_starts[size_t(block + 1)]; ++i)
      for (int64_t e = graph.row_starts[size_t(i)]; e < graph.row_starts[size_t(i + 1)]; ++e) {
        const float w = graph.weights[size_t(e)];
        if (w < max_weight / float(n_epochs)) continue;
        heads.push_back(int32_t(i));
        tails.push_back(graph.columns[size_t(e)]);
        every.push_back(double(max_weight) / double(w));
        every_negative.push_back(every.back() / settings.negative_sample_rate);
      }
    block_edges[size_t(block + 1)] = heads.size();
  }
  std::vector<double> next_sample = every, next_negative = every_negative;
  std::vector<float> at_epoch_start(positions, positions + count * C);
  std::vector<std::vector<DeferredMove<C>>> deferred(kBlocks);
  const uint64_t seed = mix(settings.seed);

  int epoch = 0;
  for (; epoch < n_epochs; ++epoch) {
    if (control.cancel && control.cancel->load(std::memory_order_relaxed)) break;
    const float alpha = settings.learning_rate * (1.f - float(epoch) / float(n_epochs));
    std::copy_n(positions, count * C, at_epoch_start.begin());
    parallel_ranges(kBlocks, [&](int64_t first_block, int64_t end_block) {
      for (int64_t block = first_block; block < end_block; ++block) {
        const int64_t own_start = block_starts[size_t(block)], own_size = block_starts[size_t(block + 1)] - own_start;
        const auto own = [&](int64_t point) { return uint64_t(point - own_start) < uint64_t(own_size); };
        auto& moves = deferred[size_t(block)];
        moves.clear();
        SeededRandom random(seed ^ mix(uint64_t(epoch) * kBlocks + uint64_t(block)));
        for (size_t e = block_edges[size_t(block)]; e < block_edges[size_t(block + 1)]; ++e) {
          if (next_sample[e] > epoch) continue;
          const int32_t head = heads[e], tail = tails[e];
          float* current = positions + int64_t(head) * C;
          const bool tail_own = own(tail);
          float* other = tail_own ? positions + int64_t(tail) * C : at_epoch_start.data() + int64_t(tail) * C;
          float d2 = 0;
          for (int d = 0; d < C; ++d) d2 += (current[d] - other[d]) * (current[d] - other[d]);
          if (d2 > 0) {
            const float power = std::pow(d2, b);  // d2^(b-1) = power / d2
            const float coefficient = -2.f * a * b * (power / d2) / (a * power + 1.f);
            DeferredMove<C> move{tail, {}};
            for (int d = 0; d < C; ++d) {
              const float g = clip(coefficient * (current[d] - other[d])) * alpha;
              current[d] += g;
              move.delta[d] = -g;
            }
            if (tail_own)
              for (int d = 0; d < C; ++d) other[d] += move.delta[d];
            else
              moves.push_back(move);
          }
          next_sample[e] += every[e];
          const int negatives = int((epoch - next_negative[e]) / every_negative[e]);
          for (int n = 0; n < negatives; ++n) {
            const int64_t sample = int64_t(random.below(uint64_t(count)));
            if (sample == head) continue;
            const float* away = (own(sample) ? positions : at_epoch_start.data()) + sample * C;
            d2 = 0;
            for (int d = 0; d < C; ++d) d2 += (current[d] - away[d]) * (current[d] - away[d]);
            if (!(d2 > 0)) continue;
            const float coefficient = 2.f * gamma * b / ((0.001f + d2) * (a * std::pow(d2, b) + 1.f));
            for (int d = 0; d < C; ++d) current[d] += clip(coefficient * (current[d] - away[d])) * alpha;
          }
          next_negative[e] += negatives * every_negative[e];
        }
      }
    });
    for (const auto& moves : deferred)
      for (const auto& move : moves)
        for (int d = 0; d < C; ++d) positions[int64_t(move.point) * C + d] += move.delta[d];
    if (control.on_epoch) control.on_epoch(epoch + 1, n_epochs);
  }
  return epoch;
}

}  // namespace

int optimise_layout(std::vector<float>& positions, int n_components, const FuzzyGraph& graph,
                    const SgdSettings& settings, const SgdControl& control) {
  if (graph.columns.empty() || settings.n_epochs < 1) return 0;
  return n_components == 3 ? run_epochs<3>(positions.data(), graph.count, graph, settings, control)
                           : run_epochs<2>(positions.data(), graph.count, graph, settings, control);
}

}  // namespace isl::embed
