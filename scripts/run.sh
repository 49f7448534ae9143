#!/usr/bin/env bash
# Sets up and builds ISL Studio (scripts/setup.sh), then opens the desktop application on the
# built-in MNIST digits, ready to press Start. Without a display it trains the same run with
# the headless trainer instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ISL_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
  exec "$build/app/studio/isl-studio" "$@"
fi
echo "run: no display found; training with the headless trainer (isl-train) instead"
exec "$build/app/isl-train" "$@"
