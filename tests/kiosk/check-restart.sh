#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/kiosk/check-restart.sh LOTSEN LOTSEN-ADMIN UNIT
#
# The kiosk comes back after a crash: killed with SIGKILL, it shows the
# welcome screen again in the default language, on the same database,
# within 5 seconds.
#
# systemd cannot run in the test environment, so a small supervisor below
# stands in for it and restarts the kiosk the way the configured unit says:
# it reads Restart=, RestartSec= and RestartPreventExitStatus= from UNIT.  A
# unit that would not restart a killed kiosk, or not soon enough, fails
# the test.  The kiosk runs in a window on the test's display (Xvfb).
set -uo pipefail

lotsen="$1"
admin="$2"
unit="$3"
deadline_ms=5000

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "SKIP: no display to run the kiosk on"
  exit 77
fi

setting () {
  sed -n "s/^$1=//p" "$unit" | tail -n 1
}

restart="$(setting Restart)"
restart_sec="$(setting RestartSec)"
prevent="$(setting RestartPreventExitStatus)"

# RestartSec= as milliseconds: "2", "2s", "500ms", "1min" (systemd's
# default, 100ms, when unset).
case "${restart_sec:-100ms}" in
  *ms)         delay_ms="${restart_sec%ms}" ;;
  *min)        delay_ms="$(( ${restart_sec%min} * 60000 ))" ;;
  *s)          delay_ms="$(( ${restart_sec%s} * 1000 ))" ;;
  *[!0-9]*|'') echo "$unit: RestartSec=$restart_sec is not understood here" >&2; exit 1 ;;
  *)           delay_ms="$(( restart_sec * 1000 ))" ;;
esac
delay="$(printf '%d.%03d' $(( delay_ms / 1000 )) $(( delay_ms % 1000 )))"

scratch="$(mktemp -d)"
database="$scratch/lotsen.db"
log="$scratch/kiosk.log"
supervisor=""
cleanup () {
  if [ -n "$supervisor" ]; then
    kill "$supervisor" 2>/dev/null
    wait "$supervisor" 2>/dev/null
  fi
  [ -s "$scratch/kiosk.pid" ] && kill "$(cat "$scratch/kiosk.pid")" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
: >"$log"

# Whether systemd restarts a service that ended with bash's status $1 (a
# signal is 128 + its number), as systemd.service(5) describes Restart=.
should_restart () {
  local status="$1" code
  for code in $prevent; do
    [ "$status" = "$code" ] && return 1
  done
  case "$restart" in
    always) return 0 ;;
    on-failure) [ "$status" -ne 0 ] ;;
    on-abnormal|on-abort) [ "$status" -gt 128 ] ;;
    *) return 1 ;;
  esac
}

supervise () {
  local status
  trap 'kill "$(cat "$scratch/kiosk.pid")" 2>/dev/null; exit 0' TERM
  while true; do
    "$lotsen" --windowed --database "$database" --print-first-frame >>"$log" 2>>"$scratch/kiosk.err" &
    echo $! >"$scratch/kiosk.pid"
    wait $!
    status=$?
    echo "exit $status" >>"$log"
    should_restart "$status" || return 0
    sleep "$delay"
  done
}

now_ms () {
  local t="${EPOCHREALTIME/[.,]/}"
  echo $(( t / 1000 ))
}

# Waits up to $2 ms for the $1th first frame; prints that line.
wait_for_frame () {
  local count="$1" until=$(( $(now_ms) + $2 )) line
  while [ "$(now_ms)" -lt "$until" ]; do
    line="$(grep '^first-frame ' "$log" | sed -n "${count}p")"
    if [ -n "$line" ]; then
      echo "$line"
      return 0
    fi
    sleep 0.05
  done
  return 1
}

fail () {
  echo "$*" >&2
  echo "--- the kiosk's output:" >&2
  cat "$log" "$scratch/kiosk.err" >&2
  exit 1
}

supervise &
supervisor=$!

# The first start makes the database; that may take longer.
first="$(wait_for_frame 1 30000)" || fail "the kiosk showed no first frame within 30 s"
echo "started: $first"

label="$("$admin" --database "$database" ticket take A)" || fail "lotsen-admin could not take a ticket"
echo "ticket $label taken"

pid="$(cat "$scratch/kiosk.pid")"
killed_at="$(now_ms)"
kill -KILL "$pid"

# Waits longer than the deadline, to say how late it was.
second="$(wait_for_frame 2 30000)" ||
  fail "Restart=$restart RestartSec=$restart_sec: the kiosk was not back within 30 s of SIGKILL"
back_after=$(( $(now_ms) - killed_at ))
echo "back after $back_after ms: $second"
[ "$back_after" -le "$deadline_ms" ] ||
  fail "Restart=$restart RestartSec=$restart_sec: the kiosk was back only after $back_after ms, not within $deadline_ms"

grep -q '^exit 137$' "$log" || fail "the killed kiosk did not end with SIGKILL"
case "$second" in
  *" page=welcome language=sv") ;;
  *) fail "after the restart the kiosk does not show the welcome screen in Swedish: $second" ;;
esac

# The same database, nothing lost and nothing kept aside as damaged.
"$admin" --database "$database" queue | grep -q "$label" || fail "ticket $label is gone after the restart"
ls "$scratch" | grep -q damaged && fail "the database was kept aside as damaged: $(ls "$scratch")"

new_pid="$(cat "$scratch/kiosk.pid")"
[ "$new_pid" != "$pid" ] && kill -0 "$new_pid" 2>/dev/null || fail "no new kiosk process runs"

exit 0
