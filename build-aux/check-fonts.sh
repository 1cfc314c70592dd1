#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/check-fonts.sh SOURCE-DIR
#
# Every language the kiosk speaks has an installed font that covers it, so
# no screen shows empty boxes.
set -euo pipefail

status=0
while read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  # fontconfig knows some languages by another tag (Dari as fa-af):
  # po/languages.ini's FontLanguage key.
  tag=$(awk -v group="[$lang]" '
    /^\[/ { inside = ($0 == group) }
    inside && /^FontLanguage=/ { sub(/^FontLanguage=/, ""); print; exit }' "$1/po/languages.ini")
  tag="${tag:-$lang}"
  count=$(fc-list ":lang=$tag" family | wc -l)
  if [ "$count" -eq 0 ]; then
    echo "no installed font covers “$lang” (fontconfig: $tag): see the fonts in build-aux/setup.sh"
    status=1
  else
    echo "$lang: $count font families"
  fi
done < "$1/po/LINGUAS"
exit $status
