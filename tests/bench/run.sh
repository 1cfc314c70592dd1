#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Lotsen and runs its benchmarks: bench-ticket (taking and calling
# tickets on a durable store), bench-import-ticket (taking tickets while a
# large file is imported), bench-call-latency (a call in another process
# to the now-serving display's signal), then bench-startup (kiosk start to first frame)
# and bench-frames (a tap to the next frame drawn, through the visitor's
# journeys) on a virtual display from Xvfb.  Prints figures; it never fails
# on one, only when a benchmark itself cannot run.
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
#
# bench-frames goes through every journey LOTSEN_BENCH_ROUNDS times
# (default 20).
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

# Runs a command on a virtual display from Xvfb, with its own session bus
# and the uninstalled kiosk's settings and translations.  WAYLAND_DISPLAY
# unset, so GTK draws on Xvfb even inside a Wayland session.
on_xvfb () {
  env -u WAYLAND_DISPLAY \
    GSETTINGS_BACKEND=memory \
    GSETTINGS_SCHEMA_DIR="$build/ui" \
    LOTSEN_LOCALEDIR="$build/po" \
    NO_AT_BRIDGE=1 \
    dbus-run-session -- \
    xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$@"
}

ninja -C "$build"

echo
echo "=== bench-ticket ==="
"$build/tests/bench/bench-ticket" || status=1

echo
echo "=== bench-import-ticket ==="
"$build/tests/bench/bench-import-ticket" || status=1

echo
echo "=== bench-call-latency ==="
"$build/tests/bench/bench-call-latency" "$build/app/admin/lotsen-admin" || status=1

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
  on_xvfb "$build/tests/bench/bench-startup" \
    ${data_dir:+--database "$data_dir/centre.db"} "$build/app/lotsen" || status=1
fi

echo
echo "=== bench-frames ==="
if [[ ! -x $build/tests/bench/bench-frames ]]; then
  echo "skipped: the kiosk is not built (meson option ui=false)"
elif ! command -v xvfb-run >/dev/null || ! command -v dbus-run-session >/dev/null; then
  echo "skipped: needs xvfb-run (xvfb) and dbus-run-session (dbus)"
else
  # The window in-process, as in the UI tests, with GTK's test
  # accessibility backend.
  GTK_A11Y=test on_xvfb "$build/tests/bench/bench-frames" --rounds "${LOTSEN_BENCH_ROUNDS:-20}" || status=1
fi
rm -rf "$data_dir"

exit "$status"
