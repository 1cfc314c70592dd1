#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a libFuzzer target for a bounded time on a copy of its seed corpus
# (the corpus in the source tree stays as it is) and prints how many
# inputs it ran and how many crashed.  Fails on a crash, which it shows.
#
#   run-fuzz.sh FUZZER SEED-CORPUS SECONDS
set -u

fuzzer=$1
seeds=$2
seconds=$3

work=$(mktemp -d "${TMPDIR:-/tmp}/lotsen-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus" "$work/findings"
cp "$seeds"/* "$work/corpus/"

"$fuzzer" -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 -timeout=20 \
  -rss_limit_mb=2048 -artifact_prefix="$work/findings/" "$work/corpus" >"$work/log" 2>&1
status=$?

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n 1)
crashes=$(find "$work/findings" -type f | wc -l)
echo "$(basename "$fuzzer"): ${executions:-0} executions in ${seconds} s, $crashes crashes"

if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
  tail -n 60 "$work/log"
  for finding in "$work/findings"/*; do
    [ -f "$finding" ] || continue
    echo "--- $(basename "$finding") (base64):"
    base64 "$finding" | head -n 40
  done
  exit 1
fi
