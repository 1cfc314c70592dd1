#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations, as a test, and prints how much of each is done:

  check-po.py SOURCE-DIR

Fails on what is broken, not on what is missing:
- po/POTFILES.in lists every file with translatable strings, and only files that exist;
- every language in po/LINGUAS has a .po and a group in po/languages.ini;
- msgfmt --check accepts the .po (header, format specifiers match the msgid,
  plural entries), its Plural-Forms has the nplurals languages.ini gives;
- a translation keeps the msgid's markup tags;
- no entry of a language other than English is a copy of the English source;
- a language marked Complete in languages.ini is translated at or above the
  threshold (90 %), counted after merging it with a template made afresh
  from the sources, so a string added to the code but never merged into the
  .po files counts as untranslated.
An untranslated or fuzzy entry is not an error: the kiosk shows Swedish for it,
and offers the language only from the threshold on.
"""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lotsen_languages as L  # noqa: E402

SOURCE = sys.argv[1] if len(sys.argv) > 1 else '.'
PO = os.path.join(SOURCE, 'po')
# The kiosk's own name, and strings that are the same in every language.
SAME_EVERYWHERE = {'Lotsen'}

MARKERS = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(|translatable="yes"|'
                     r'^(?:Name|GenericName|Comment|Keywords)=|<(?:summary|description|name|p)>',
                     re.M)

problems = []


def listed_files():
    with open(os.path.join(PO, 'POTFILES.in'), encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]


def files_with_strings():
    found = set()
    for top in ('app', 'ui'):
        for root, _, names in os.walk(os.path.join(SOURCE, top)):
            for name in names:
                if not name.endswith(('.c', '.h', '.ui', '.in', '.gschema.xml')):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding='utf-8') as f:
                    text = f.read()
                if name.endswith('.c') or name.endswith('.h'):
                    # Only real gettext calls, not the word "_(" in a comment.
                    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
                    hit = re.search(r'\b(?:_|N_|C_|NC_|ngettext)\s*\(\s*"', text)
                else:
                    hit = MARKERS.search(text)
                if hit:
                    found.add(os.path.relpath(path, SOURCE))
    return found


listed = listed_files()
for path in listed:
    if not os.path.exists(os.path.join(SOURCE, path)):
        problems.append(f'POTFILES.in lists {path}, which does not exist')
for path in sorted(files_with_strings() - set(listed)):
    problems.append(f'POTFILES.in misses {path}, which has translatable strings')


linguas = L.read_linguas(PO)
try:
    order, described = L.read_languages(PO)
except (OSError, ValueError) as e:
    problems.append(f'po/languages.ini: {e}')
    order, described = [], {}
TAG = re.compile(r'</?[a-z]+(?:\s[^<>]*)?>')

# The template as the sources make it now (the keywords of meson's glib preset).
workdir = tempfile.TemporaryDirectory()
pot = os.path.join(workdir.name, 'lotsen.pot')
xgettext = subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments=Translators',
                           '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                           '--keyword=ngettext:1,2', '--directory', SOURCE,
                           '--files-from', os.path.join(PO, 'POTFILES.in'), '--output', pot],
                          capture_output=True, text=True)
if xgettext.returncode != 0:
    problems.append('xgettext failed:\n  ' + xgettext.stderr.strip())

report = []
for lang in linguas:
    source_po = os.path.join(PO, f'{lang}.po')
    if lang not in described:
        problems.append(f'{lang}: po/languages.ini has no [{lang}] group (its name, direction, keyboard …)')
    if not os.path.exists(source_po):
        problems.append(f'{lang}: po/{lang}.po is missing')
        continue
    po = os.path.join(workdir.name, f'{lang}.po')
    if os.path.exists(pot):
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file', po, source_po, pot],
                       check=True)
    else:
        po = source_po
    check = subprocess.run(['msgfmt', '--check', '-o', os.devnull, po],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    if check.returncode != 0:
        problems.append(f'{lang}: msgfmt --check failed:\n  ' + '\n  '.join(check.stderr.strip().splitlines()))

    header = L.po_header(source_po)
    m = re.search(r'^Plural-Forms:\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;\n]+);?', header, re.M)
    if not m:
        problems.append(f'{lang}: the header has no valid “Plural-Forms: nplurals=N; plural=…;” line')
    elif lang in described and m.group(1) != described[lang]['Plurals']:
        problems.append(f'{lang}: the header says nplurals={m.group(1)}, '
                        f'po/languages.ini says Plurals={described[lang]["Plurals"]}')
    if not re.search(r'^Content-Type: text/plain; charset=UTF-8', header, re.M):
        problems.append(f'{lang}: the header must say “Content-Type: text/plain; charset=UTF-8”')

    copies = 0
    for ctx, msgid, plural, strs, flags, _ in L.po_entries(po):
        if not strs or not all(strs) or 'fuzzy' in flags:
            continue
        if TAG.search(msgid) or (plural and TAG.search(plural)):
            want = sorted(TAG.findall(msgid))
            for s_ in strs:
                if sorted(TAG.findall(s_)) != want:
                    problems.append(f'{lang}: the markup of “{msgid}” is not kept: “{s_}”')
        if lang != 'en' and msgid not in SAME_EVERYWHERE and re.search('[A-Za-z]{3}', msgid):
            if strs[0] == msgid:
                problems.append(f'{lang}: an English copy, not a translation: “{msgid}”')

    done, total = L.coverage(po, pot if os.path.exists(pot) else None)
    share = L.percent(done, total)
    complete = described.get(lang, {}).get('Complete', 'false') == 'true'
    status = 'offered' if share >= L.THRESHOLD or lang == 'sv' else 'not offered'
    report.append(f'  {lang:5} {share:3d} %  {done}/{total}  {status}{", complete" if complete else ""}')
    if complete and share < L.THRESHOLD:
        problems.append(f'{lang}: {share} % translated, below the {L.THRESHOLD} % a complete language keeps '
                        f'(run: meson compile -C build lotsen-update-po, then translate the empty entries)')

# A word or two out of context is ambiguous ("May", "Present"): each needs a
# translator comment (or a msgctxt) in the template.
if os.path.exists(pot):
    for ctx, msgid, _, _, _, comments in L.po_entries(pot):
        if ctx is None and not comments.strip() and len(msgid.split()) <= 2:
            problems.append(f'“{msgid}” is one or two words with no /* Translators: */ comment in the source')

print(f'Translated (a language is offered from {L.THRESHOLD} %):')
print('\n'.join(report))
for problem in problems:
    print(problem)
print(f'{len(linguas)} languages checked, {len(problems)} problems')
sys.exit(1 if problems else 0)
