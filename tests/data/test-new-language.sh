#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-new-language.sh SOURCE-DIR LOTSEN-ADMIN
#
# A translator adds a language with no C: in a copy of the source tree, a
# throw-away language "xx" gets a .po, its group in po/languages.ini and its
# code in po/LINGUAS.  The copy's build, configured before the language
# existed, builds its catalogue on the next compile (no reconfigure); while
# partial it is built but not offered, and the translation check passes
# without failing on it; once 90 % translated it is offered, and its missing
# strings show in Swedish.  Marked Complete while partial, the check fails.
set -euo pipefail

src="$(realpath "$1")"
admin="$(realpath "$2")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$tmp/src"
for entry in meson.build meson_options.txt po app ui icons build-aux; do
  cp -a "$src/$entry" "$tmp/src/"
done
rm -f "$tmp/src/po/"*.mo
cd "$tmp/src"

meson setup "$tmp/build" -Dui=false -Dtests=false -Dman=disabled >/dev/null
ninja -C "$tmp/build" po/languages.ini >/dev/null

# The translator's work: a catalogue with a few strings translated ("yes"
# and "no" of lotsen-admin languages, among them), and a line each in
# languages.ini and LINGUAS.  "X " before the English marks a translation.
make_po() {   # make_po SHARE-IN-PER-CENT
  python3 - "$1" po/lotsen.pot po/xx.po <<'PY'
import re, sys
share, pot, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
blocks = re.split(r'\n\s*\n', open(pot, encoding='utf-8').read())
entries = [b for b in blocks[1:] if 'msgid "' in b]
keep = len(entries) * share // 100
head = ('msgid ""\nmsgstr ""\n"Project-Id-Version: lotsen\\n"\n"Language: xx\\n"\n'
        '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n')
result = [head]
done = 0
# "yes"/"no" first, then others; the column headings stay untranslated.
entries.sort(key=lambda b: 0 if 'msgctxt "offered"' in b else 1)
for b in entries:
    if 'Code\\tTranslated' in b or done >= keep:
        continue
    done += 1
    msgid = re.search(r'^msgid (".*"(?:\n".*")*)', b, re.M).group(1)
    text = ''.join(s[1:-1] for s in msgid.split('\n'))
    ctx = re.search(r'^msgctxt .*$', b, re.M)
    lines = [ctx.group(0)] if ctx else []
    lines.append('msgid ' + msgid)
    if 'msgid_plural' in b:
        lines.append(re.search(r'^msgid_plural (".*"(?:\n".*")*)', b, re.M).group(0))
        lines += [f'msgstr[{i}] "X {text}"' for i in range(2)]
    else:
        lines.append(f'msgstr "X {text}"')
    result.append('\n'.join(lines) + '\n')
open(out, 'w', encoding='utf-8').write('\n'.join(result))
PY
}

make_po 3
printf '\n[xx]\nName=Xx-språk\nEnglishName=Throw-away\nDirection=ltr\nKeyboard=sv\nListSeparator=,\\s\nPlurals=2\n' >> po/languages.ini
echo xx >> po/LINGUAS

# The next compile notices LINGUAS: no meson setup --reconfigure.
ninja -C "$tmp/build" po/languages.ini po/xx/LC_MESSAGES/lotsen.mo po/sv/LC_MESSAGES/lotsen.mo >/dev/null
[ -s "$tmp/build/po/xx/LC_MESSAGES/lotsen.mo" ] || fail "xx's catalogue was not built"

run_admin() {
  LOTSEN_LANGUAGES_FILE="$tmp/build/po/languages.ini" LOTSEN_LOCALEDIR="$tmp/build/po" "$admin" languages "$@"
}

# Whole outputs first: a grep that stops reading early must not fail the run.
listing="$(run_admin)"
listing_xx="$(run_admin --lang xx)"
grep -qP '^xx\t' <<<"$listing" || fail "the partial language is not built: $listing"
no="$(grep -P '^sv\t' <<<"$listing_xx" | cut -f3)"
[ "$no" = "X yes" ] || fail "xx's own translation is not used: “$no”"
grep -qP '^xx\t[0-9]+ %\tX no\tXx-språk$' <<<"$listing_xx" \
  || fail "a 3 % translation is offered: $listing_xx"

# Partial translations pass the check; it prints their coverage.
out="$(python3 build-aux/check-po.py . 2>&1)" || fail "check-po fails on a partial language: $out"
grep -qP '^  xx +[0-9] %' <<<"$out" || fail "check-po does not print xx's coverage: $out"

# Marked complete while partial: the check fails.
echo 'Complete=true' >> po/languages.ini
if python3 build-aux/check-po.py . >/dev/null 2>&1; then fail "a partial complete language passes check-po"; fi
sed -i '$d' po/languages.ini

# A broken plural header fails the check.
sed -i 's/nplurals=2; plural=(n != 1)/nplurals=3; plural=(n != 1)/' po/xx.po
if python3 build-aux/check-po.py . >/dev/null 2>&1; then fail "a wrong Plural-Forms passes check-po"; fi

# Translated to 95 %: offered; the untranslated headings show in Swedish.
make_po 95
ninja -C "$tmp/build" po/languages.ini po/xx/LC_MESSAGES/lotsen.mo >/dev/null
listing="$(run_admin)"
grep -qP '^xx\t9[0-9] %\tyes\tXx-språk$' <<<"$listing" || fail "a 95 % translation is not offered: $listing"
swedish="$(run_admin --lang sv)"
swedish="${swedish%%$'\n'*}"
heading="$(run_admin --lang xx)"
heading="${heading%%$'\n'*}"
[ "$heading" = "$swedish" ] || fail "a missing string is not Swedish: “$heading” ≠ “$swedish”"
[ "$swedish" != "$(printf 'Code\tTranslated\tOffered\tName')" ] || fail "the Swedish headings are not translated"

echo "ok: xx is built after a LINGUAS change, hidden at 3 %, offered at 95 %, falls back to Swedish"
