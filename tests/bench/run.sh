#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Lotsen and runs its benchmarks: bench-ticket (taking and calling
# tickets on a durable store), then bench-startup (kiosk start to first
# frame) on a virtual display from Xvfb.  Prints figures; it never fails on
# one, only when a benchmark itself cannot run.
#
# Usage: tests/bench/run.sh [BUILD_DIR]   (default: build)
#
# The environment is passed on, so e.g. GSK_RENDERER=cairo compares GTK's
# renderers (under Xvfb the default one draws with software OpenGL).
#
# bench-generate fills a database with five years of a busy centre and
# bench-export times the exports and the funder report on it, at
# LOTSEN_BENCH_SCALE of the full size (250 000 visitors, 1 000 000
# sign-ups, 2 000 000 tickets); default 0.1, LOTSEN_BENCH_SCALE=1 for all.
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  echo "Usage: $0 [BUILD_DIR]   (default: build)"
  exit 0
fi

build=${1:-build}
if [[ ! -d $build ]]; then
  echo "$0: no build directory $build (configure one with: meson setup $build)" >&2
  exit 2
fi
build=$(cd "$build" && pwd)
status=0

ninja -C "$build"

echo
echo "=== bench-ticket ==="
"$build/tests/bench/bench-ticket" || status=1

echo
scale=${LOTSEN_BENCH_SCALE:-0.1}
echo "=== bench-generate, bench-export (scale $scale) ==="
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/lotsen-bench-data-XXXXXX")
if "$build/tests/bench/bench-generate" --scale "$scale" --database "$data_dir/centre.db"; then
  echo
  "$build/tests/bench/bench-export" --database "$data_dir/centre.db" || status=1
else
  status=1
fi

echo
echo "=== bench-startup ==="
if [[ ! -x $build/tests/bench/bench-startup || ! -x $build/app/lotsen ]]; then
  echo "skipped: the kiosk is not built (meson option ui=false)"
elif ! command -v xvfb-run >/dev/null || ! command -v dbus-run-session >/dev/null; then
  echo "skipped: needs xvfb-run (xvfb) and dbus-run-session (dbus)"
else
  # WAYLAND_DISPLAY unset, so GTK draws on Xvfb even inside a Wayland session.
  env -u WAYLAND_DISPLAY \
    GSETTINGS_BACKEND=memory \
    GSETTINGS_SCHEMA_DIR="$build/ui" \
    LOTSEN_LOCALEDIR="$build/po" \
    NO_AT_BRIDGE=1 \
    dbus-run-session -- \
    xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$build/tests/bench/bench-startup" \
      ${data_dir:+--database "$data_dir/centre.db"} "$build/app/lotsen" || status=1
fi
rm -rf "$data_dir"

exit "$status"
