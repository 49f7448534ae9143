#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang in build-fuzz and runs each for
# SECONDS (default 60), one after the other, on a copy of its seed corpus in
# tests/fuzz/corpus/<target>, so the repository's corpus is left as it is. Exits non-zero
# when a target finds a crash; the crashing input is kept in build-fuzz/findings/<target>/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: idx cifar svhn snapshot metrics config checkpoint)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${ISL_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(idx cifar svhn snapshot metrics config checkpoint)

# The checkpoint target links the GCC build's isl_core (tests/fuzz/CMakeLists.txt says why) and
# makes its tiny run from the built-in MNIST digits; scripts/setup.sh makes both in build/.
gcc_build=${ISL_BUILD_DIR:-$root/build}
data=${ISL_DATA_DIR:-$gcc_build/data/mnist}
if [[ " ${targets[*]} " == *" checkpoint "* ]]; then
  [[ -f $gcc_build/build.ninja ]] || cmake -S "$root" -B "$gcc_build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$gcc_build" -j "${ISL_FUZZ_JOBS:-1}" --target isl_core
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DISL_FUZZ=ON -DISL_BUILD_TESTS=OFF -DISL_BUILD_BENCH=OFF -DISL_DATA_DIR="$data" \
  -DISL_FUZZ_CORE_LIBRARY="$gcc_build/core/libisl_core.a" >/dev/null
cmake --build "$build" -j "${ISL_FUZZ_JOBS:-1}" --target "${targets[@]/#/fuzz_}"

failed=()
for target in "${targets[@]}"; do
  work=$build/fuzz-work/$target
  findings=$build/findings/$target
  rm -rf "$work"
  mkdir -p "$work" "$findings"
  cp -r "$root/tests/fuzz/corpus/$target/." "$work/"
  echo "fuzz: $target for ${seconds}s"
  # libFuzzer's memory limits (2 GB, also for a single allocation) stay as they are, and one
  # input may take 60 s: a huge allocation or a hang is a finding too.
  if ! (cd "$findings" && "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=60 \
          -print_final_stats=1 -artifact_prefix="$findings/" "$work" 2>&1 | tail -n 80); then
    failed+=("$target")
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: crashes in: ${failed[*]} (inputs in $build/findings/)" >&2
  exit 1
fi
echo "fuzz: no crashes in ${targets[*]}"
