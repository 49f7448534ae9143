#pragma once
// Per-iteration timings for isl-bench: totals and named parts.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace isl::bench {

using json = nlohmann::ordered_json;

inline double round2(double x) { return std::round(x * 100) / 100; }
inline double round3(double x) { return std::round(x * 1000) / 1000; }

// Each part is the time since the previous mark.
class Timing {
 public:
  using Clock = std::chrono::steady_clock;
  void begin() { start_ = last_ = Clock::now(); }
  void mark(const std::string& part) {
    const auto now = Clock::now();
    parts_[part].push_back(std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }
  void end() { totals_.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start_).count()); }
  void clear() {
    totals_.clear();
    parts_.clear();
  }
  int iters() const { return int(totals_.size()); }
  // The timings of one of `parts` equal parts of each iteration (each iteration ran that many
  // batches).
  Timing per_part(int64_t parts) const {
    Timing each = *this;
    for (auto& total : each.totals_) total /= double(parts);
    for (auto& [name, values] : each.parts_)
      for (auto& value : values) value /= double(parts);
    return each;
  }
  double mean() const { return std::accumulate(totals_.begin(), totals_.end(), 0.0) / double(totals_.size()); }
  double median() const {
    auto v = totals_;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
  json parts() const {
    json out = json::object();
    for (const auto& [name, values] : parts_)
      out[name] = round2(std::accumulate(values.begin(), values.end(), 0.0) / double(values.size()));
    return out;
  }

 private:
  Clock::time_point start_, last_;
  std::vector<double> totals_;
  std::map<std::string, std::vector<double>> parts_;
};

// Runs body(timing) warmup + iters times and keeps the timings of the last iters.
template <typename Body>
Timing measure(int warmup, int iters, Body&& body) {
  Timing timing;
  for (int i = 0; i < warmup + iters; ++i) {
    if (i == warmup) timing.clear();
    timing.begin();
    body(timing);
    timing.end();
  }
  return timing;
}

// Runs reference(reference_timing) and body(body_timing) alternately, warmup + iters times
// each, and keeps the timings of the last iters: a slow spell of a shared machine then falls on
// both, and the ratio of their medians stays meaningful where timings taken minutes apart are not.
template <typename Reference, typename Body>
std::pair<Timing, Timing> measure_interleaved(int warmup, int iters, Reference&& reference, Body&& body) {
  Timing reference_timing, body_timing;
  for (int i = 0; i < warmup + iters; ++i) {
    if (i == warmup) {
      reference_timing.clear();
      body_timing.clear();
    }
    reference_timing.begin();
    reference(reference_timing);
    reference_timing.end();
    body_timing.begin();
    body(body_timing);
    body_timing.end();
  }
  return {reference_timing, body_timing};
}

}  // namespace isl::bench
