#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang in build-fuzz and runs each for
# SECONDS (default 60), as many at a time as there are cores, on a copy of its seed corpus in
# tests/fuzz/corpus/<target>, so the repository's corpus is left as it is. Exits non-zero
# when a target finds a crash; the crashing input is kept in build-fuzz/findings/<target>/.
# The mutations follow a fixed seed (ISL_FUZZ_SEED, default 1), so a run repeats what an
# earlier run of the same length tried; ISL_FUZZ_SEED=0 draws a new seed each time.
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

# Targets run side by side, one per core (ISL_FUZZ_PARALLEL), each logging to its findings folder.
fuzz_one() {
  local target=$1 work=$build/fuzz-work/$1 findings=$build/findings/$1
  rm -rf "$work"
  mkdir -p "$work" "$findings"
  cp -r "$root/tests/fuzz/corpus/$target/." "$work/"
  # libFuzzer's memory limits (2 GB, also for a single allocation) stay as they are, and one
  # input may take 60 s: a huge allocation or a hang is a finding too.
  (cd "$findings" && LSAN_OPTIONS=suppressions=$root/tests/fuzz/lsan.supp "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=60 \
     -seed="${ISL_FUZZ_SEED:-1}" \
     -print_final_stats=1 -artifact_prefix="$findings/" "$work" >"$findings/log.txt" 2>&1)
}

parallel=${ISL_FUZZ_PARALLEL:-$(nproc)}
declare -A running=()
failed=()
finish_one() {
  local pid=$1 target=${running[$1]}
  unset "running[$pid]"
  if wait "$pid"; then status="no crash"; else status="CRASH"; failed+=("$target"); fi
  echo "fuzz: $target: $status ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/findings/$target/log.txt" | grep -o '[0-9]*$' || echo '?') inputs)"
  [[ $status == "no crash" ]] || tail -n 60 "$build/findings/$target/log.txt"
}
for target in "${targets[@]}"; do
  while [[ ${#running[@]} -ge $parallel ]]; do
    wait -n || true
    for pid in "${!running[@]}"; do kill -0 "$pid" 2>/dev/null || finish_one "$pid"; done
  done
  echo "fuzz: $target for ${seconds}s"
  fuzz_one "$target" &
  running[$!]=$target
done
for pid in "${!running[@]}"; do finish_one "$pid"; done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: crashes in: ${failed[*]} (inputs and logs in $build/findings/)" >&2
  exit 1
fi
echo "fuzz: no crashes in ${targets[*]}"
