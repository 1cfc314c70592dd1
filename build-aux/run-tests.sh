#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/run-tests.sh [BUILD-DIR]
#
# Runs the whole suite under Xvfb with a private session bus, then the core
# and reliability tests once more in an address- and
# undefined-behaviour-sanitizer build, then the import fuzzer where clang
# has libFuzzer.
# Ends with the line "N passed, N failed".
set -uo pipefail

cd "$(dirname "$0")/.."
build="${1:-build}"
asan="$build-sanitize"

status=0

# Everything, translations included: `meson test` alone builds only what
# the test programs link.
meson compile -C "$build" >/dev/null || exit 1

# A full and a read-only file system for the export page's error tests and
# the reliability suite, where this machine lets us mount them (as root,
# outside most containers).  Elsewhere those tests are skipped.
scratch="$(mktemp -d)"
cleanup () {
  umount "$scratch/full" "$scratch/read-only" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -p "$scratch/full" "$scratch/read-only"
if mount -t tmpfs -o size=64k lotsen-full "$scratch/full" 2>/dev/null; then
  dd if=/dev/zero of="$scratch/full/filler" bs=4k 2>/dev/null
  export LOTSEN_TEST_FULL_FOLDER="$scratch/full"
fi
if mount -t tmpfs -o ro,size=64k lotsen-read-only "$scratch/read-only" 2>/dev/null; then
  export LOTSEN_TEST_READONLY_FOLDER="$scratch/read-only"
fi

# A screen as tall as a portrait kiosk's (1080×1920), so that every
# screen size is checked, and wide enough that Xvfb's pointer, which rests
# in the middle of the screen, is beside every test window (they open at
# the top left, at most 1920 wide): no test depends on what the pointer
# happens to be over.
dbus-run-session -- xvfb-run -a -s "-screen 0 3840x2160x24" \
  meson test -C "$build" --print-errorlogs || status=1

# The font library's process-lifetime state is not ours to free
# (tests/lsan.supp).
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"

if [ -f "$asan/build.ninja" ]; then
  meson setup --reconfigure "$asan" >/dev/null
else
  meson setup "$asan" -Db_sanitize=address,undefined -Db_lundef=false -Dui=false >/dev/null
fi
meson compile -C "$asan" >/dev/null || exit 1
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C "$asan" --suite core --print-errorlogs || status=1
cp "$asan/meson-logs/testlog.json" "$asan/meson-logs/testlog-core.json"
# After the core tests, not beside them: both start many processes.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C "$asan" --suite reliability --print-errorlogs || status=1

# The import fuzzer as a libFuzzer target, where clang has libFuzzer: a
# clang build with ASan and UBSan, the fuzzer alone built and run for a
# bounded time (tests/fuzz/).  Elsewhere the reliability suite above ran
# the import's mutation loop instead.
fuzz="$build-fuzz"
logs=("$build/meson-logs/testlog.json" "$asan/meson-logs/testlog-core.json" "$asan/meson-logs/testlog.json")
if command -v clang >/dev/null; then
  if [ -f "$fuzz/build.ninja" ]; then
    meson setup --reconfigure "$fuzz" >/dev/null
  else
    CC=clang meson setup "$fuzz" -Db_sanitize=address,undefined -Db_lundef=false -Dui=false >/dev/null
  fi
  if meson introspect --targets "$fuzz" | grep -q '"name": "fuzz-import"'; then
    meson compile -C "$fuzz" fuzz-import >/dev/null || exit 1
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      meson test -C "$fuzz" --no-rebuild --print-errorlogs fuzz-import || status=1
    grep -ho 'fuzz-import: [0-9]* executions[^"]*crashes' "$fuzz/meson-logs/testlog.txt" | tail -n 1
    logs+=("$fuzz/meson-logs/testlog.json")
  fi
fi

python3 build-aux/count-tests.py "${logs[@]}" || status=1

exit $status
