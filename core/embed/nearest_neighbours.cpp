#include "core/embed/nearest_neighbours.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>

#include "core/embed/parallel_ranges.h"
#include "core/embed/seeded_random.h"
#include "core/isl/row_top_k.h"

namespace isl::embed {

namespace {

constexpr float kInfinity = std::numeric_limits<float>::infinity();

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

// Eight partial sums, which the compiler keeps in vector registers without reassociating.
float dot(const float* a, const float* b, int64_t dim) {
  float partial[8] = {};
  int64_t d = 0;
  for (; d + 8 <= dim; d += 8)
    for (int lane = 0; lane < 8; ++lane) partial[lane] += a[d + lane] * b[d + lane];
  float sum = ((partial[0] + partial[4]) + (partial[1] + partial[5])) + ((partial[2] + partial[6]) + (partial[3] + partial[7]));
  for (; d < dim; ++d) sum += a[d] * b[d];
  return sum;
}

float cosine_distance(RowsView unit, int64_t i, int64_t j) {
  return std::max(0.f, 1.f - dot(unit.row(i), unit.row(j), unit.dim));
}

// Per point, the k best neighbours found so far as a max-heap on distance, each flagged new
// until nearest-neighbour descent has joined it once.
class NeighbourHeaps {
 public:
  NeighbourHeaps(int64_t count, int64_t k)
      : k_(k), indices_(size_t(count * k), -1), distances_(size_t(count * k), kInfinity), fresh_(size_t(count * k), 0) {}

  float worst(int64_t i) const { return distances_[size_t(i * k_)]; }
  int32_t index(int64_t i, int64_t slot) const { return indices_[size_t(i * k_ + slot)]; }
  bool fresh(int64_t i, int64_t slot) const { return fresh_[size_t(i * k_ + slot)]; }
  void mark_joined(int64_t i, int64_t slot) { fresh_[size_t(i * k_ + slot)] = 0; }

  bool push(int32_t i, int32_t j, float distance) {
    if (i == j || !(distance < worst(i))) return false;
    int32_t* ids = &indices_[size_t(i * k_)];
    float* dist = &distances_[size_t(i * k_)];
    uint8_t* fresh = &fresh_[size_t(i * k_)];
    for (int64_t s = 0; s < k_; ++s)
      if (ids[s] == j) return false;
    int64_t at = 0;
    for (;;) {  // sift the new entry down from the root
      const int64_t left = 2 * at + 1, right = left + 1;
      int64_t larger = at;
      float larger_distance = distance;
      if (left < k_ && dist[left] > larger_distance) larger = left, larger_distance = dist[left];
      if (right < k_ && dist[right] > larger_distance) larger = right;
      if (larger == at) break;
      ids[at] = ids[larger];
      dist[at] = dist[larger];
      fresh[at] = fresh[larger];
      at = larger;
    }
    ids[at] = j;
    dist[at] = distance;
    fresh[at] = 1;
    return true;
  }

  NeighbourGraph sorted_graph(int64_t count) const {
    NeighbourGraph graph{count, k_, indices_, distances_};
    std::vector<int64_t> order(static_cast<size_t>(k_));
    for (int64_t i = 0; i < count; ++i) {
      std::iota(order.begin(), order.end(), 0);
      const size_t base = size_t(i * k_);
      std::sort(order.begin(), order.end(), [&](int64_t x, int64_t y) {
        return std::pair(distances_[base + size_t(x)], indices_[base + size_t(x)]) <
               std::pair(distances_[base + size_t(y)], indices_[base + size_t(y)]);
      });
      for (int64_t s = 0; s < k_; ++s) {
        graph.indices[base + size_t(s)] = indices_[base + size_t(order[size_t(s)])];
        graph.distances[base + size_t(s)] = distances_[base + size_t(order[size_t(s)])];
      }
    }
    return graph;
  }

 private:
  int64_t k_;
  std::vector<int32_t> indices_;
  std::vector<float> distances_;
  std::vector<uint8_t> fresh_;
};

struct Candidate {
  int32_t a, b;
  float distance;
};

// Runs find(item, out) for the items [0, count) in parallel, a block at a time, then offers the
// block's pairs to the heaps in item order: the heaps change only in the serial part, so the
// result does not depend on the thread count. While find runs, the heaps' worst distances
// only read; since they only ever decrease, a pair that find drops for being no better than
// both ends' worst could not have entered later either.
template <typename Find>
int64_t join_in_blocks(int64_t count, NeighbourHeaps& heaps, Find&& find) {
  constexpr int64_t kBlock = 1024;
  std::vector<std::vector<Candidate>> found(size_t(std::min(count, kBlock)));
  int64_t updates = 0;
  for (int64_t start = 0; start < count; start += kBlock) {
    const int64_t end = std::min(count, start + kBlock);
    parallel_ranges(end - start, [&](int64_t begin, int64_t stop) {
      for (int64_t item = start + begin; item < start + stop; ++item) {
        auto& out = found[size_t(item - start)];
        out.clear();
        find(item, out);
      }
    });
    for (int64_t item = start; item < end; ++item)
      for (const Candidate& c : found[size_t(item - start)])
        updates += heaps.push(c.a, c.b, c.distance) + heaps.push(c.b, c.a, c.distance);
  }
  return updates;
}

// Leaves of one random-projection tree: each split is the hyperplane through the origin
// halfway in angle between two random members (unit rows), until a node is small enough.
std::vector<std::vector<int32_t>> tree_leaves(RowsView unit, int64_t leaf_size, SeededRandom& random) {
  std::vector<std::vector<int32_t>> leaves;
  std::vector<std::vector<int32_t>> pending(1);
  pending[0].resize(size_t(unit.count));
  std::iota(pending[0].begin(), pending[0].end(), 0);
  std::vector<float> normal(size_t(unit.dim));
  while (!pending.empty()) {
    std::vector<int32_t> node = std::move(pending.back());
    pending.pop_back();
    if (int64_t(node.size()) <= leaf_size) {
      leaves.push_back(std::move(node));
      continue;
    }
    const int64_t n = int64_t(node.size());
    const int64_t first = int64_t(random.below(uint64_t(n)));
    const int64_t second = (first + 1 + int64_t(random.below(uint64_t(n - 1)))) % n;
    for (int64_t d = 0; d < unit.dim; ++d)
      normal[size_t(d)] = unit.row(node[size_t(first)])[d] - unit.row(node[size_t(second)])[d];
    auto middle = std::partition(node.begin(), node.end(),
                                 [&](int32_t i) { return dot(unit.row(i), normal.data(), unit.dim) > 0; });
    int64_t left = middle - node.begin();
    if (left == 0 || left == n) left = n / 2;  // equal rows: any halving will do
    pending.emplace_back(node.begin() + left, node.end());
    pending.emplace_back(node.begin(), node.begin() + left);
  }
  return leaves;
}

// Up to `capacity` neighbours per point, those of lowest seeded priority when there are more.
class CandidateLists {
 public:
  CandidateLists(int64_t count, int64_t capacity)
      : capacity_(capacity), ids_(size_t(count * capacity)), priorities_(size_t(count * capacity)), sizes_(size_t(count)) {}

  void offer(int64_t i, int32_t j, uint64_t priority) {
    int32_t* ids = &ids_[size_t(i * capacity_)];
    uint64_t* priorities = &priorities_[size_t(i * capacity_)];
    int64_t& size = sizes_[size_t(i)];
    int64_t highest = 0;
    for (int64_t s = 0; s < size; ++s) {
      if (ids[s] == j) return;
      if (priorities[s] > priorities[highest]) highest = s;
    }
    if (size < capacity_) {
      ids[size] = j;
      priorities[size++] = priority;
    } else if (priority < priorities[highest]) {
      ids[highest] = j;
      priorities[highest] = priority;
    }
  }
  const int32_t* ids(int64_t i) const { return &ids_[size_t(i * capacity_)]; }
  int64_t size(int64_t i) const { return sizes_[size_t(i)]; }
  bool holds(int64_t i, int32_t j) const {
    const int32_t* list = ids(i);
    return std::find(list, list + size(i), j) != list + size(i);
  }

 private:
  int64_t capacity_;
  std::vector<int32_t> ids_;
  std::vector<uint64_t> priorities_;
  std::vector<int64_t> sizes_;
};

}  // namespace

std::vector<float> unit_rows(RowsView rows) {
  std::vector<float> unit(rows.data, rows.data + rows.count * rows.dim);
  parallel_ranges(rows.count, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      float* row = unit.data() + i * rows.dim;
      const float norm = std::sqrt(dot(row, row, rows.dim));
      if (norm > 0)
        for (int64_t d = 0; d < rows.dim; ++d) row[d] /= norm;
    }
  });
  return unit;
}

NeighbourGraph exact_neighbours(RowsView queries, RowsView base, int64_t k, Metric metric, const int64_t* query_in_base,
                                const std::atomic<bool>* cancel) {
  NeighbourGraph graph{queries.count, k, std::vector<int32_t>(size_t(queries.count * k), -1),
                       std::vector<float>(size_t(queries.count * k), kInfinity)};
  const int64_t take = std::min(k, base.count - (query_in_base ? 1 : 0));
  if (take <= 0 || queries.count == 0) return graph;
  torch::NoGradGuard no_grad;
  const auto base_rows = torch::from_blob(const_cast<float*>(base.data), {base.count, base.dim}, torch::kFloat32);
  torch::Tensor base_squares;
  if (metric == Metric::Euclidean) base_squares = base_rows.square().sum(1).unsqueeze(0);
  const int64_t tile = std::clamp<int64_t>(kExactTileEntries / base.count, 1, 4096);
  for (int64_t start = 0; start < queries.count; start += tile) {
    if (cancelled(cancel)) return graph;
    const int64_t rows = std::min(tile, queries.count - start);
    const auto query_rows =
        torch::from_blob(const_cast<float*>(queries.row(start)), {rows, queries.dim}, torch::kFloat32);
    // Cosine: the dot product; Euclidean: 2 q.b - |b|^2 = |q|^2 - |q - b|^2, largest nearest.
    auto scores = torch::mm(query_rows, base_rows.t());
    if (metric == Metric::Euclidean) scores.mul_(2).sub_(base_squares);
    float* score_data = scores.data_ptr<float>();
    if (query_in_base)
      for (int64_t r = 0; r < rows; ++r) score_data[r * base.count + query_in_base[start + r]] = -kInfinity;
    const auto [values, columns] = row_top_k(scores, take);
    const float* value_data = values.data_ptr<float>();
    const int64_t* column_data = columns.data_ptr<int64_t>();
    for (int64_t r = 0; r < rows; ++r) {
      const float* q = queries.row(start + r);
      const float query_square = metric == Metric::Euclidean ? dot(q, q, queries.dim) : 0.f;
      for (int64_t s = 0; s < take; ++s) {
        const float value = value_data[r * take + s];
        const size_t at = size_t((start + r) * k + s);
        graph.indices[at] = int32_t(column_data[r * take + s]);
        graph.distances[at] = metric == Metric::Cosine ? std::max(0.f, 1.f - value)
                                                       : std::sqrt(std::max(0.f, query_square - value));
      }
    }
  }
  return graph;
}

NeighbourGraph descent_neighbours(RowsView unit, int64_t k, uint64_t seed, const std::atomic<bool>* cancel) {
  const int64_t count = unit.count;
  k = std::min(k, count - 1);
  NeighbourHeaps heaps(count, std::max<int64_t>(k, 1));
  if (k < 1) return heaps.sorted_graph(count);
  SeededRandom random(seed);

  // Start: each point's nearest leaf-mates over a few trees.
  constexpr int kTrees = 4;
  const int64_t leaf_size = std::max<int64_t>(64, 3 * k);
  for (int tree = 0; tree < kTrees && !cancelled(cancel); ++tree) {
    const auto leaves = tree_leaves(unit, leaf_size, random);
    join_in_blocks(int64_t(leaves.size()), heaps, [&](int64_t leaf, std::vector<Candidate>& out) {
      const auto& members = leaves[size_t(leaf)];
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size(); ++y) {
          const float distance = cosine_distance(unit, members[x], members[y]);
          if (distance < heaps.worst(members[x]) || distance < heaps.worst(members[y]))
            out.push_back({members[x], members[y], distance});
        }
    });
  }

  // Descent: neighbours of a point are likely neighbours of each other. Each round joins the
  // new entries with each other and with the old ones, in both directions of the graph.
  const int rounds = std::max(5, int(std::round(std::log2(double(count)))));
  const uint64_t round_seed = random.next();
  for (int round = 0; round < rounds && !cancelled(cancel); ++round) {
    CandidateLists fresh(count, k), joined(count, k);
    for (int64_t i = 0; i < count; ++i)
      for (int64_t s = 0; s < k; ++s) {
        const int32_t j = heaps.index(i, s);
        if (j < 0) continue;
        const uint64_t priority = mix(round_seed ^ mix(uint64_t(round) << 40 ^ uint64_t(i) << 20 ^ uint64_t(j)));
        CandidateLists& lists = heaps.fresh(i, s) ? fresh : joined;
        lists.offer(i, j, priority);
        lists.offer(j, int32_t(i), priority);
      }
    for (int64_t i = 0; i < count; ++i)
      for (int64_t s = 0; s < k; ++s)
        if (heaps.fresh(i, s) && fresh.holds(i, heaps.index(i, s))) heaps.mark_joined(i, s);
    const int64_t updates = join_in_blocks(count, heaps, [&](int64_t i, std::vector<Candidate>& out) {
      const int32_t* news = fresh.ids(i);
      const int32_t* olds = joined.ids(i);
      const auto consider = [&](int32_t a, int32_t b) {
        const float distance = cosine_distance(unit, a, b);
        if (distance < heaps.worst(a) || distance < heaps.worst(b)) out.push_back({a, b, distance});
      };
      for (int64_t x = 0; x < fresh.size(i); ++x) {
        for (int64_t y = x + 1; y < fresh.size(i); ++y) consider(news[x], news[y]);
        for (int64_t y = 0; y < joined.size(i); ++y)
          if (news[x] != olds[y]) consider(news[x], olds[y]);
      }
    });
    if (double(updates) < 0.001 * double(count * k)) break;
  }
  return heaps.sorted_graph(count);
}

NeighbourGraph search_neighbours(RowsView unit_queries, RowsView unit_base, const NeighbourGraph& base_graph,
                                 int64_t k, uint64_t seed) {
  NeighbourGraph graph{unit_queries.count, k, std::vector<int32_t>(size_t(unit_queries.count * k), -1),
                       std::vector<float>(size_t(unit_queries.count * k), kInfinity)};
  const int64_t base_count = unit_base.count;
  if (base_count == 0 || k < 1) return graph;
  // Both directions of the base graph's edges, so that every base row can be reached.
  std::vector<int64_t> starts(size_t(base_count + 1), 0);
  for (int64_t i = 0; i < base_count; ++i)
    for (int64_t s = 0; s < base_graph.k; ++s)
      if (const int32_t j = base_graph.indices[size_t(i * base_graph.k + s)]; j >= 0) ++starts[size_t(i + 1)], ++starts[size_t(j + 1)];
  std::partial_sum(starts.begin(), starts.end(), starts.begin());
  std::vector<int32_t> adjacent(size_t(starts.back()));
  std::vector<int64_t> filled(starts.begin(), starts.end() - 1);
  for (int64_t i = 0; i < base_count; ++i)
    for (int64_t s = 0; s < base_graph.k; ++s)
      if (const int32_t j = base_graph.indices[size_t(i * base_graph.k + s)]; j >= 0) {
        adjacent[size_t(filled[size_t(i)]++)] = j;
        adjacent[size_t(filled[size_t(j)]++)] = int32_t(i);
      }
  SeededRandom random(seed);
  const int64_t pivot_count = std::min<int64_t>(base_count, 256);
  const std::vector<int64_t> pivots = random.distinct(base_count, pivot_count);
  const int64_t beam = std::max<int64_t>(k, 32);

  parallel_ranges(unit_queries.count, [&](int64_t begin, int64_t end) {
    std::vector<int64_t> visited_by(size_t(base_count), -1);
    using Entry = std::pair<float, int32_t>;
    for (int64_t q = begin; q < end; ++q) {
      const float* query = unit_queries.row(q);
      const auto distance_to = [&](int32_t i) { return std::max(0.f, 1.f - dot(query, unit_base.row(i), unit_base.dim)); };
      std::priority_queue<Entry, std::vector<Entry>, std::greater<>> frontier;  // nearest first
      std::priority_queue<Entry> best;                                           // farthest first
      const auto visit = [&](int32_t i) {
        if (visited_by[size_t(i)] == q) return;
        visited_by[size_t(i)] = q;
        const float distance = distance_to(i);
        if (int64_t(best.size()) < beam || distance < best.top().first) {
          frontier.push({distance, i});
          best.push({distance, i});
          if (int64_t(best.size()) > beam) best.pop();
        }
      };
      std::vector<Entry> nearest_pivots;
      for (int64_t p : pivots) nearest_pivots.push_back({distance_to(int32_t(p)), int32_t(p)});
      const size_t starts_used = std::min<size_t>(4, nearest_pivots.size());
      std::partial_sort(nearest_pivots.begin(), nearest_pivots.begin() + long(starts_used), nearest_pivots.end());
      for (size_t s = 0; s < starts_used; ++s) visit(nearest_pivots[s].second);
      while (!frontier.empty()) {
        const auto [distance, i] = frontier.top();
        frontier.pop();
        if (int64_t(best.size()) >= beam && distance > best.top().first) break;
        for (int64_t e = starts[size_t(i)]; e < starts[size_t(i + 1)]; ++e) visit(adjacent[size_t(e)]);
      }
      std::vector<Entry> found;
      for (; !best.empty(); best.pop()) found.push_back(best.top());
      std::sort(found.begin(), found.end());
      for (size_t s = 0; s < found.size() && int64_t(s) < k; ++s) {
        graph.indices[size_t(q * k) + s] = found[s].second;
        graph.distances[size_t(q * k) + s] = found[s].first;
      }
    }
  });
  return graph;
}

}  // namespace isl::embed
