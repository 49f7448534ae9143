#pragma once
// Shared by the libFuzzer targets: the only exception a parser may throw for bad input is
// isl::InputError. Any other exception is reported and aborts, so libFuzzer records the input
// as a crash (as it does for sanitizer reports and out-of-memory). ISL_FUZZ_VERBOSE=1 prints
// each input's outcome.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <typeinfo>

#include "core/input_error.h"

namespace isl::fuzz {

template <class Parse>
int expect_only_input_errors(Parse&& parse) {
  static const bool verbose = std::getenv("ISL_FUZZ_VERBOSE") != nullptr;
  try {
    parse();
    if (verbose) std::fprintf(stderr, "fuzz: accepted\n");
  } catch (const InputError& error) {
    if (verbose) std::fprintf(stderr, "fuzz: InputError: %s\n", error.what());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "fuzz: unexpected exception %s: %s\n", typeid(error).name(), error.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "fuzz: unexpected exception of a non-standard type\n");
    std::abort();
  }
  return 0;
}

// A property that must hold for every input the parser accepts.
inline void require(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "fuzz: broken invariant: %s\n", what);
    std::abort();
  }
}

}  // namespace isl::fuzz
