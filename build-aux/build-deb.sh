#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/build-deb.sh [OUTPUT-DIR]
#
# Builds the Debian package lotsen_<version>_<arch>.deb from this tree
# (default OUTPUT-DIR: the tree's top folder), then checks it with lintian
# when that is installed.  Needs: dpkg-dev, debhelper and the build
# dependencies in build-aux/debian/control (apt-get build-dep can read
# them: see README).
set -euo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
out="$(cd "${1:-$top}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A clean copy with debian/ at its top, as dpkg-buildpackage wants it;
# build folders (any folder with a build.ninja) and version control stay behind.
mkdir "$work/lotsen"
tar -C "$top" --exclude-tag-all=build.ninja --exclude='./.git' --exclude='./*.deb' -cf - . | tar -C "$work/lotsen" -xf -
rm -rf "$work/lotsen/debian"
cp -r "$top/build-aux/debian" "$work/lotsen/debian"

(cd "$work/lotsen" && dpkg-buildpackage -us -uc -b -j2)

cp "$work"/lotsen_*.deb "$out"/
deb="$(ls "$out"/lotsen_*.deb | tail -n 1)"
echo "Built $deb"

if command -v lintian >/dev/null; then
  lintian --fail-on error "$work"/lotsen_*.changes
fi
