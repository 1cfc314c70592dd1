#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/check-debian.sh SOURCE-DIR
#
# A quick check of the Debian packaging (building the package is too slow
# for every test run; build-aux/build-deb.sh does that): the control file
# parses and names what the kiosk needs at run time, the postinst makes
# the lotsen user and its private data folder, the unit is enabled.
set -uo pipefail

debian="$1/build-aux/debian"
status=0
problem () { echo "$*" >&2; status=1; }

for file in control rules changelog copyright postinst source/format; do
  [ -f "$debian/$file" ] || problem "build-aux/debian/$file is missing"
done
[ $status -eq 0 ] || exit $status
[ -x "$debian/rules" ] || problem "debian/rules is not executable"
[ -x "$debian/postinst" ] || problem "debian/postinst is not executable"

# The binary package's Depends, one name a line.
depends="$(python3 - "$debian/control" <<'PY'
import re, sys
paragraphs = [p for p in re.split(r'\n\s*\n', open(sys.argv[1], encoding='utf-8').read()) if p.strip()]
fields = {}
for p in paragraphs:
    current = {}
    key = None
    for line in p.splitlines():
        if line[:1] in (' ', '\t') and key:
            current[key] += ' ' + line.strip()
        else:
            key, _, value = line.partition(':')
            current[key] = value.strip()
    if 'Package' in current:
        fields = current
if fields.get('Package') != 'lotsen':
    sys.exit('no binary package "lotsen" in debian/control')
for dep in fields.get('Depends', '').split(','):
    print(re.split(r'[\s(|]', dep.strip())[0])
PY
)" || problem "debian/control: cannot read the lotsen package's Depends"

for need in cage xwayland fonts-noto-core adduser '${shlibs:Depends}' '${misc:Depends}'; do
  grep -qxF -- "$need" <<<"$depends" || problem "debian/control: lotsen does not depend on $need"
done

grep -q '^Build-Depends:.*debhelper-compat' "$debian/control" || problem "debian/control: no debhelper-compat"
grep -q 'scdoc' "$debian/control" || problem "debian/control: the man pages need scdoc to build"
grep -q -- '--buildsystem=meson' "$debian/rules" || problem "debian/rules: not built with meson"
grep -q 'dh_installsystemd.*--name=lotsen-kiosk' "$debian/rules" || problem "debian/rules: the unit is not installed and enabled"
grep -q 'adduser --system.*lotsen' "$debian/postinst" || problem "debian/postinst: does not make the lotsen user"
grep -q 'install -d -m 0700 -o lotsen -g lotsen /var/lib/lotsen' "$debian/postinst" || problem "debian/postinst: /var/lib/lotsen is not made 0700"
grep -q '^#DEBHELPER#$' "$debian/postinst" || problem "debian/postinst: no #DEBHELPER#"
sh -n "$debian/postinst" || problem "debian/postinst: not valid sh"

if command -v dpkg-parsechangelog >/dev/null; then
  dpkg-parsechangelog -l "$debian/changelog" -S Version >/dev/null || problem "debian/changelog does not parse"
fi

exit $status
