#pragma once
// Per-iteration timings for isl-bench: totals and named parts.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
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

}  // namespace isl::bench
