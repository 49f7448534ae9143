#!/usr/bin/env bash
# Sets up and builds ISL Studio (scripts/setup.sh), then runs the whole test suite. The GUI
# tests start their own X servers (xvfb-run), so no display is needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ISL_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
cd "$build"
ctest --output-on-failure -j2 --timeout 900
