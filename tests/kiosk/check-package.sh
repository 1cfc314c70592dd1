#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/kiosk/check-package.sh SOURCE-DIR
#
# From the tree to a kiosk, as README's "Install on a kiosk computer" says:
# build the Debian package (build-aux/build-deb.sh, lintian without
# errors), install it with apt, check what the package set up (the system
# user "lotsen", its private data folder, the unit enabled for the next
# boot), then start the installed kiosk under cage as "lotsen" with nothing
# set up by hand (check-cage.sh --installed).
#
# Afterwards the package is purged again, with the user and the data folder
# the installation made, so the machine is as it was.
#
# Skipped (exit 77) when not root, without dpkg-buildpackage or apt, or on
# a machine where Lotsen is already installed (a real kiosk is left alone).
set -uo pipefail

top="$1"
here="$(cd "$(dirname "$0")" && pwd)"

skip () {
  echo "SKIP: $*"
  exit 77
}

[ "$(id -u)" -eq 0 ] || skip "installing a package needs root"
command -v dpkg-buildpackage >/dev/null || skip "dpkg-buildpackage is not installed (Debian: dpkg-dev, debhelper)"
command -v apt-get >/dev/null || skip "apt-get is not there"
if dpkg-query -W -f='${Status}' lotsen 2>/dev/null | grep -q 'installed'; then
  skip "Lotsen is installed on this machine already; it is not replaced by a test"
fi

had_user=false
getent passwd lotsen >/dev/null && had_user=true
had_data=false
[ -e /var/lib/lotsen ] && had_data=true

scratch="$(mktemp -d)"
chmod 755 "$scratch"
cleanup () {
  DEBIAN_FRONTEND=noninteractive dpkg --purge lotsen >/dev/null 2>&1
  $had_data || rm -rf /var/lib/lotsen
  $had_user || { deluser --system --quiet lotsen 2>/dev/null; delgroup --system --quiet lotsen 2>/dev/null; }
  rm -rf "$scratch"
}
trap cleanup EXIT

echo "building the package"
if ! "$top/build-aux/build-deb.sh" "$scratch" >"$scratch/build.log" 2>&1; then
  tail -n 60 "$scratch/build.log" >&2
  echo "build-aux/build-deb.sh failed (above: the end of its output)" >&2
  exit 1
fi
deb="$(ls "$scratch"/lotsen_*.deb 2>/dev/null | head -n 1)"
[ -n "$deb" ] || { echo "build-aux/build-deb.sh made no package" >&2; exit 1; }
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) kB), lintian: no errors"

echo "installing it"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" >"$scratch/install.log" 2>&1; then
  cat "$scratch/install.log" >&2
  exit 1
fi

status=0
problem () { echo "$*" >&2; status=1; }

getent passwd lotsen >/dev/null || problem "the package made no user \"lotsen\""
[ "$(stat -c '%a %U:%G' /var/lib/lotsen 2>/dev/null)" = "700 lotsen:lotsen" ] ||
  problem "/var/lib/lotsen is not the lotsen user's private folder: $(stat -c '%a %U:%G' /var/lib/lotsen 2>&1)"
[ -L /etc/systemd/system/graphical.target.wants/lotsen-kiosk.service ] ||
  problem "the package did not enable lotsen-kiosk.service for the next boot"
for file in /usr/bin/lotsen /usr/bin/lotsen-admin /usr/share/man/man1/lotsen.1.gz /usr/share/man/man1/lotsen-admin.1.gz \
            /usr/share/glib-2.0/schemas/gschemas.compiled; do
  [ -e "$file" ] || problem "the package installed no $file"
done
/usr/bin/lotsen-admin --help >/dev/null 2>&1 || problem "the installed lotsen-admin does not run"
[ $status -eq 0 ] || exit $status

echo "starting the installed kiosk under cage as lotsen"
"$here/check-cage.sh" --installed || exit $?

# Its database is in the lotsen user's data folder, the user's own.
db=/var/lib/lotsen/.local/share/lotsen/lotsen.db
[ "$(stat -c '%U' "$db" 2>/dev/null)" = "lotsen" ] || problem "no database of the lotsen user's at $db"

exit $status
