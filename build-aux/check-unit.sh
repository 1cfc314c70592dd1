#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/check-unit.sh UNIT
#
# Checks the kiosk's systemd unit, as configured by meson: the settings
# that bring the kiosk back (restart within seconds, watchdog, cage on
# tty1 as the lotsen user), then `systemd-analyze verify`.  Exit 77
# (skipped) where systemd-analyze or cage, which the unit runs, is missing.
set -uo pipefail

unit="$1"
status=0

expect () {
  if ! grep -qx -- "$1" "$unit"; then
    echo "$unit: no line “$1”" >&2
    status=1
  fi
}

expect 'Type=notify'
expect 'NotifyAccess=all'
expect 'User=lotsen'
expect 'PAMName=login'
expect 'TTYPath=/dev/tty1'
expect 'Restart=always'
expect 'RestartSec=2'
expect 'RestartPreventExitStatus=10'
expect 'WatchdogSec=30'
expect 'StartLimitIntervalSec=0'
expect 'Conflicts=getty@tty1.service'
expect 'WantedBy=graphical.target'
grep -Eq '^ExecStart=/[^ ]*/cage -- /[^ ]*/lotsen$' "$unit" || { echo "$unit: ExecStart is not cage -- lotsen" >&2; status=1; }

[ $status -eq 0 ] || exit $status

if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: systemd-analyze is not installed"
  exit 77
fi
cage="$(sed -n 's/^ExecStart=\([^ ]*\) .*/\1/p' "$unit")"
if [ ! -x "$cage" ]; then
  echo "SKIP: $cage, which the unit runs, is not installed (Debian: cage)"
  exit 77
fi

# The man pages the unit names are installed with the kiosk, not here.
systemd-analyze verify --man=no "$unit"
