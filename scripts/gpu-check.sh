#!/usr/bin/env bash
# For a GPU machine that has PyTorch but none of Debian's packages: builds the engine alone
# (ISL_ENGINE_ONLY) against PyTorch's LibTorch and runs isl-device-check on the GPU.
#   scripts/gpu-check.sh HEADERS DATA [BUILD]
# HEADERS: a folder holding the headers of Eigen (Eigen/), nlohmann-json (nlohmann/), CLI11
# (CLI/) and, where PyTorch does not ship them, Gloo (gloo/), copied from a Debian machine;
# DATA: the built-in digits' IDX folder (build/data/mnist there); BUILD: default build-gpu/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
headers=${1:?usage: scripts/gpu-check.sh HEADERS DATA [BUILD]}
data=${2:?usage: scripts/gpu-check.sh HEADERS DATA [BUILD]}
build=${3:-$root/build-gpu}
prefix=$(python3 -c 'import torch.utils; print(torch.utils.cmake_prefix_path)')
echo "gpu-check: LibTorch of PyTorch $(python3 -c 'import torch; print(torch.__version__, "cxx11 abi", torch.compiled_with_cxx11_abi())')"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DISL_ENGINE_ONLY=ON \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_INCLUDE_PATH="$headers" -DISL_DATA_DIR="$data"
cmake --build "$build" --target isl-device-check isl-train isl-bench
"$build/app/isl-device-check" --device cuda --data "$data" --work "$build/device-check-runs"
