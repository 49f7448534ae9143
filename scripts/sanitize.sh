#!/usr/bin/env bash
# Builds the engine, the terminal trainer and the core tests with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-asan and runs the core tests there. Expects
# scripts/setup.sh to have run (packages, the built-in digits in build/data/mnist).
#   scripts/sanitize.sh [CTEST_REGEX]   (default: every core test)
# Leak checking is off: LibTorch keeps allocations alive until exit on purpose.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${ISL_SANITIZE_BUILD_DIR:-$root/build-asan}
data=${ISL_DATA_DIR:-${ISL_BUILD_DIR:-$root/build}/data/mnist}
tests=${1:-^core\\.}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DISL_SANITIZE=address \
  -DISL_BUILD_BENCH=OFF -DISL_DATA_DIR="$data" >/dev/null
cmake --build "$build" --target isl-core-tests isl-train
cd "$build"
ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j2 --timeout 1800 -R "$tests"
