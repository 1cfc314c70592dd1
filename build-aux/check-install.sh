#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/check-install.sh BUILD-DIR
#
# `meson install` into a scratch folder, then checks that everything the
# kiosk needs to run from its prefix is there: the programs, the settings
# schema (and that it compiles), translations for every language, icons,
# desktop file, metainfo, the systemd unit and both man pages.
set -uo pipefail

build="$1"
source="$(dirname "$0")/.."
dest="$(mktemp -d)"
trap 'rm -rf "$dest"' EXIT

if ! meson install -C "$build" --no-rebuild --destdir "$dest" >"$dest.log" 2>&1; then
  cat "$dest.log" >&2
  rm -f "$dest.log"
  exit 1
fi
rm -f "$dest.log"

status=0
need () {
  local found
  found="$(cd "$dest" && find . -path "*/$1" -type f | head -n 1)"
  if [ -z "$found" ]; then
    echo "not installed: */$1" >&2
    status=1
  fi
}

need bin/lotsen
need bin/lotsen-admin
need share/glib-2.0/schemas/se.lotsen.Kiosk.gschema.xml
need share/applications/se.lotsen.Kiosk.desktop
need share/metainfo/se.lotsen.Kiosk.metainfo.xml
need share/icons/hicolor/scalable/apps/se.lotsen.Kiosk.svg
need share/icons/hicolor/symbolic/apps/se.lotsen.Kiosk-symbolic.svg
need lib/systemd/system/lotsen-kiosk.service
need share/man/man1/lotsen.1
need share/man/man1/lotsen-admin.1
while read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  need "share/locale/$lang/LC_MESSAGES/lotsen.mo"
done <"$source/po/LINGUAS"

# The man pages are roff, with their own names.
for page in lotsen lotsen-admin; do
  file="$(find "$dest" -path "*/man1/$page.1" | head -n 1)"
  if [ -n "$file" ] && ! grep -q "^\.TH \"$page\" \"1\"" "$file"; then
    echo "$file: not a man page for $page(1)" >&2
    status=1
  fi
done

# The package's trigger (or meson's post-install step) compiles the schemas.
schemas="$(dirname "$(find "$dest" -name se.lotsen.Kiosk.gschema.xml | head -n 1)")"
glib-compile-schemas --strict --targetdir "$dest" "$schemas" || status=1

# The unit runs the installed kiosk.
unit="$(find "$dest" -name lotsen-kiosk.service | head -n 1)"
bin="$(cd "$dest" && find . -path '*/bin/lotsen' | head -n 1)"
grep -q "^ExecStart=.* -- ${bin#.}\$" "$unit" || { echo "$unit does not run ${bin#.}" >&2; status=1; }

exit $status
