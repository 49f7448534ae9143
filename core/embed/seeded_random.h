#pragma once
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace isl::embed {

// SplitMix64's finaliser: a well-mixed 64-bit hash of a 64-bit value.
inline uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// A small, fast generator whose sequence depends on the seed alone (the layouts must repeat for
// a seed on every machine, which std::uniform_int_distribution does not promise).
class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : state_(mix(seed)) {}
  uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ull;
    return mix(state_);
  }
  // Uniform in [0, n), by the high word of a 128-bit product rather than a division (Lemire
  // 2019; the bias is below n / 2^64).
  uint64_t below(uint64_t n) { return uint64_t((unsigned __int128)next() * n >> 64); }
  // Uniform in [-1, 1).
  float symmetric() { return float(double(next() >> 11) * 0x1.0p-52 - 1.0); }
  // `m` distinct values of [0, n), increasing.
  std::vector<int64_t> distinct(int64_t n, int64_t m) {
    std::vector<int64_t> values(static_cast<size_t>(n));
    std::iota(values.begin(), values.end(), 0);
    for (int64_t i = 0; i < m; ++i) std::swap(values[size_t(i)], values[size_t(i + int64_t(below(uint64_t(n - i))))]);
    values.resize(size_t(m));
    std::sort(values.begin(), values.end());
    return values;
  }

 private:
  uint64_t state_;
};

}  // namespace isl::embed
