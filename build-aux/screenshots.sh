#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/screenshots.sh OUTPUT-DIR [WIDTHxHEIGHT] [BUILD-DIR]
#
# Renders every kiosk screen in every language the kiosk offers (po/LINGUAS and
# po/languages.ini, from 90 % translated) to OUTPUT-DIR/<lang>-<screen>.png, and
# the staff panel's screens to OUTPUT-DIR/staff-*.png and export-*.png.
# LOTSEN_SCREENSHOT_LANGUAGES="sv ar ti" limits the kiosk screens to those.
set -euo pipefail

cd "$(dirname "$0")/.."
out="$(realpath -m "${1:?usage: $0 OUTPUT-DIR [WIDTHxHEIGHT] [BUILD-DIR]}")"
size="${2:-1920x1080}"
build="${3:-build}"

meson compile -C "$build" >/dev/null   # translations too, not only the program
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/$build/ui" \
       LOTSEN_LOCALEDIR="$PWD/$build/po" NO_AT_BRIDGE=1
dbus-run-session -- xvfb-run -a -s "-screen 0 ${size}x24" \
  "$build/tests/ui/screenshots" "$out" "$size"

# The staff panel: activities, the editor, a cancelled session, attendance
# and the export page, in Swedish and Arabic, landscape and portrait.
export LOTSEN_STAFF_SCREENSHOTS="$out"
dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1920x24" \
  "$build/tests/ui/test-staff" -p /staff/screenshots >/dev/null
dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1920x24" \
  "$build/tests/ui/test-export-page" >/dev/null

# The now-serving display (landscape, portrait) and the call banner.
LOTSEN_CALL_SCREENSHOTS="$out" dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1920x24" \
  "$build/tests/ui/test-call-display" "$build/app/admin/lotsen-admin" -p /call-display/screenshots >/dev/null

# Printed tickets in Swedish, Arabic and Tigrinya (80 mm, and 58 mm for
# Tigrinya), rendered to PNG: ticket-<lang>.png.
tickets=$(mktemp -d)
trap 'rm -rf "$tickets"' EXIT
admin="$build/app/admin/lotsen-admin"
"$admin" --database "$tickets/db" ticket take A >/dev/null
for lang in sv ar ti; do
  label=$("$admin" --database "$tickets/db" ticket take A --lang "$lang")
  paper=80mm
  [ "$lang" = ti ] && paper=58mm
  "$admin" --database "$tickets/db" ticket print "$label" --paper "$paper" --output "$tickets/$lang.pdf"
  pdftoppm -png -r 200 -singlefile "$tickets/$lang.pdf" "$out/ticket-$lang"
  echo "$out/ticket-$lang.png"
done
# A new visitor's printed personal code, with its QR code: code-<lang>.png.
LOTSEN_PRINT_OUTPUT="$tickets" "$build/tests/core/test-print" >/dev/null
for lang in sv ar ti; do
  pdftoppm -png -r 200 -singlefile "$tickets/code-$lang.pdf" "$out/code-$lang"
  echo "$out/code-$lang.png"
done

# Larger text and high contrast: every visitor screen at 200 % and in high
# contrast, in Swedish, Arabic and Tigrinya, at 1280×800 and 1080×1920
# (OUTPUT-DIR/1280x800-ar-200-hc-ticket.png and so on).
LOTSEN_SEEING_SCREENSHOTS="$out" dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1920x24" \
  "$build/tests/ui/test-seeing" -p /seeing/screenshots -p /seeing/text-size >/dev/null
