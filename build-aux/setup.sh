#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/setup.sh run    install what is missing, build, run the kiosk
#   build-aux/setup.sh test   install what is missing, build, run every test
#
# For a Debian bookworm machine, as root (or with sudo).  Installing is
# skipped, quietly, when every package is already there.
set -euo pipefail

cd "$(dirname "$0")/.."

packages=(
  # build
  gcc libc6-dev meson ninja-build pkg-config gettext scdoc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libqrencode-dev libxlsxwriter-dev libsodium-dev libcairo2-dev libpango1.0-dev libjson-glib-dev
  libcups2-dev
  # the call display's chime and voice, reading aloud and recording: the
  # synthetic voice and its data, sound through GStreamer (and GTK's media
  # backend)
  libespeak-ng-dev espeak-ng-data libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good libgtk-4-media-gstreamer
  # run: time zones, SVG pictograms, fonts for every script the kiosk speaks;
  # the kiosk compositor its unit starts (the unit test verifies against it)
  tzdata librsvg2-common hicolor-icon-theme adwaita-icon-theme cage xwayland
  fonts-cantarell fonts-noto-core fonts-noto-ui-core fonts-dejavu-core
  # tests: a display, a session bus and the accessibility bus for the UI
  # tests (a screen reader needs the last one on the kiosk too), data checks,
  # reading exported workbooks and calendars back, leaving root to start the
  # installed kiosk under cage (setpriv)
  xvfb xauth dbus-daemon at-spi2-core desktop-file-utils appstream sqlite3 python3 unzip poppler-utils libical-dev
  util-linux libglib2.0-bin
  # the printed-ticket test: its own CUPS daemon with a printer writing to a file
  cups cups-client cups-daemon
  # building the Debian package and installing it (tests/kiosk/check-package.sh)
  dpkg-dev debhelper lintian systemd adduser dbus
  # the import fuzzer: clang with libFuzzer (build-aux/run-tests.sh)
  clang libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f build/build.ninja ]; then
  meson setup --reconfigure build >/dev/null
else
  meson setup build >/dev/null
fi
meson compile -C build >/dev/null

case "${1:-run}" in
  run)
    shift || true
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "There is no display to show the kiosk on. On a machine without one, try:" >&2
      echo "  dbus-run-session -- xvfb-run -a build-aux/setup.sh run --windowed" >&2
      exit 1
    fi
    export GSETTINGS_SCHEMA_DIR="$PWD/build/ui" LOTSEN_LOCALEDIR="$PWD/build/po"
    exec build/app/lotsen --demo "$@"
    ;;
  test)
    exec build-aux/run-tests.sh build
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
