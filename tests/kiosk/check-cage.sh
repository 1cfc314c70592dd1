#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/kiosk/check-cage.sh BUILD-DIR
#   tests/kiosk/check-cage.sh --installed
#
# The installed kiosk starts under cage the way its systemd unit starts it.
#
# With BUILD-DIR: `meson install` into a scratch folder, then cage (on its
# headless backend, drawing in software) runs the installed lotsen as an
# unprivileged user, with the environment the unit gives and no other,
# except what a DESTDIR install needs to be found at all: XDG_DATA_DIRS for
# the settings schema and icons, LOTSEN_LOCALEDIR for the translations.
#
# With --installed: the kiosk the Debian package installed (/usr/bin/lotsen
# and its unit), run as the package's user "lotsen" with its groups, its
# home and the unit's environment alone: nothing set up by hand.
#
# Passes when the first frame is on screen within 30 s.
#
# Skipped (exit 77) without cage, Xwayland or an unprivileged user to run
# it as (cage refuses to run as root): as root, the user "nobody" through
# setpriv or runuser.
set -uo pipefail

build="$1"
installed=false
[ "$build" = "--installed" ] && installed=true
deadline_ms=30000

skip () {
  echo "SKIP: $*"
  exit 77
}

cage="$(command -v cage)" || skip "cage is not installed (Debian: cage)"
command -v Xwayland >/dev/null || skip "Xwayland, which cage starts, is not installed (Debian: xwayland)"

as_user=()
if $installed; then
  [ "$(id -u)" -eq 0 ] || skip "running the package's user \"lotsen\" needs root"
  getent passwd lotsen >/dev/null || { echo "the package made no user \"lotsen\"" >&2; exit 1; }
  user=lotsen
  group="$(id -gn lotsen)"
  command -v setpriv >/dev/null || skip "setpriv is not there to leave root (Debian: util-linux)"
  # As systemd starts the unit's User=: with the user's groups (video,
  # render, input from the postinst).
  as_user=(setpriv --reuid="$user" --regid="$group" --init-groups)
elif [ "$(id -u)" -eq 0 ]; then
  getent passwd nobody >/dev/null || skip "there is no unprivileged user \"nobody\" to run cage as"
  user=nobody
  group="$(id -gn nobody)"
  if command -v setpriv >/dev/null; then
    as_user=(setpriv --reuid="$user" --regid="$group" --clear-groups)
  elif command -v runuser >/dev/null; then
    as_user=(runuser -u "$user" --)
  else
    skip "neither setpriv nor runuser is there to leave root (Debian: util-linux)"
  fi
else
  user="$(id -un)"
  group="$(id -gn)"
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
chmod 755 "$scratch"
dest="$scratch/dest"

if $installed; then
  lotsen=/usr/bin/lotsen
  unit="$(find /lib/systemd/system /usr/lib/systemd/system -name lotsen-kiosk.service 2>/dev/null | head -n 1)"
  [ -x "$lotsen" ] && [ -n "$unit" ] || { echo "the package installed no /usr/bin/lotsen or no lotsen-kiosk.service" >&2; exit 1; }
else
  if ! meson install -C "$build" --no-rebuild --destdir "$dest" >"$scratch/install.log" 2>&1; then
    cat "$scratch/install.log" >&2
    exit 1
  fi

  lotsen="$(find "$dest" -path '*/bin/lotsen' -type f | head -n 1)"
  unit="$(find "$dest" -name lotsen-kiosk.service | head -n 1)"
  schemas="$(find "$dest" -name se.lotsen.Kiosk.gschema.xml | head -n 1)"
  catalogue="$(find "$dest" -path '*/LC_MESSAGES/lotsen.mo' | head -n 1)"
  for file in "$lotsen" "$unit" "$schemas" "$catalogue"; do
    [ -n "$file" ] || { echo "the kiosk, its unit, schema or translations were not installed" >&2; exit 1; }
  done
  datadir="${schemas%/glib-2.0/schemas/*}"
  localedir="${catalogue%/*/LC_MESSAGES/*}"

  # What the package's trigger does on the kiosk (meson leaves it out when
  # installing into a DESTDIR).
  glib-compile-schemas --strict "$(dirname "$schemas")" || exit 1
fi

# The user's own runtime folder (logind makes it for the unit's PAM
# session) and a home it can write the database to.
runtime="$scratch/runtime"
mkdir -m 0700 "$runtime"
chown "$user:$group" "$runtime"
if $installed; then
  # The home the package gave its user (its data folder, 0700).
  home="$(getent passwd lotsen | cut -d: -f6)"
  [ "$(stat -c '%a %U' "$home")" = "700 lotsen" ] || { echo "$home is not the lotsen user's private folder" >&2; exit 1; }
else
  home="$scratch/home"
  mkdir -m 0700 "$home"
  chown "$user:$group" "$home"
fi

# The unit's Environment= lines, what systemd gives every service, cage's
# headless backend, and where the DESTDIR put the data.
environment=(
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  HOME="$home" USER="$user" LOGNAME="$user" SHELL=/bin/sh
  XDG_RUNTIME_DIR="$runtime"
  WLR_BACKENDS=headless WLR_RENDERER=pixman
)
$installed || environment+=(
  XDG_DATA_DIRS="$datadir:/usr/local/share:/usr/share"
  LOTSEN_LOCALEDIR="$localedir"
)
while read -r assignment; do
  environment+=("$assignment")
done < <(sed -n 's/^Environment=//p' "$unit" | tr ' ' '\n')

# The schema is found from the installed data alone.
if command -v gsettings >/dev/null && ! env -i "${environment[@]}" gsettings list-keys se.lotsen.Kiosk >/dev/null; then
  echo "the installed settings schema is not found" >&2
  exit 1
fi

now_ms () {
  local t="${EPOCHREALTIME/[.,]/}"
  echo $(( t / 1000 ))
}

started="$(now_ms)"
"${as_user[@]}" env -i "${environment[@]}" \
  timeout 60 "$cage" -- "$lotsen" --print-first-frame --exit-after-first-frame \
  >"$scratch/out" 2>"$scratch/err"
status=$?
took=$(( $(now_ms) - started ))

if ! grep -q '^first-frame .* page=welcome language=sv$' "$scratch/out"; then
  echo "the kiosk under cage showed no welcome screen (exit $status after $took ms); its output:" >&2
  cat "$scratch/out" "$scratch/err" >&2
  exit 1
fi
echo "$(grep '^first-frame ' "$scratch/out") after $took ms, as $user"

if [ "$took" -gt "$deadline_ms" ]; then
  echo "the first frame came after $took ms, not within $deadline_ms" >&2
  exit 1
fi

# It made its database in the user's home, as on the kiosk.
[ -f "$home/.local/share/lotsen/lotsen.db" ] || { echo "no database in $home/.local/share/lotsen" >&2; exit 1; }

exit 0
