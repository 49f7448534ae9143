#pragma once
#include <cstdint>
#include <random>
#include <vector>

// Random draws built only on std::mt19937_64's raw output. The standard distributions are
// implementation-defined, so using them would let results change with the C++ library; these
// helpers keep runs reproducible across compilers and machines.
namespace isl::data {

// SplitMix64 finaliser: turns structured seeds (epoch, batch number) into well-spread ones.
inline uint64_t mix_seed(uint64_t a, uint64_t b) {
  uint64_t z = a + 0x9e3779b97f4a7c15ULL * (b + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Uniform in [0, 1) with 53 random bits.
inline double uniform01(std::mt19937_64& rng) { return double(rng() >> 11) * 0x1.0p-53; }

inline double uniform(std::mt19937_64& rng, double low, double high) {
  return low + (high - low) * uniform01(rng);
}

// Uniform integer in [0, n), n > 0, without modulo bias (rejection of the short last range).
inline uint64_t uniform_below(std::mt19937_64& rng, uint64_t n) {
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t draw = rng();
  while (draw >= limit) draw = rng();
  return draw % n;
}

// Fisher-Yates from the last element down.
template <typename T>
void shuffle(std::vector<T>& items, std::mt19937_64& rng) {
  for (size_t i = items.size(); i > 1; --i) {
    const size_t j = size_t(uniform_below(rng, i));
    std::swap(items[i - 1], items[j]);
  }
}

}  // namespace isl::data
