#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations, as a test:

  check-po.py SOURCE-DIR

- po/POTFILES.in lists every file with translatable strings, and only files that exist;
- every language in po/LINGUAS has a .po that msgfmt --check accepts (format
  specifiers match the msgid), with no fuzzy and no untranslated entry — counted
  after merging it with a template made afresh from the sources, so a string
  added to the code but never merged into the .po files counts as untranslated;
- no entry of a language other than English is a copy of the English source.
"""

import os
import re
import subprocess
import sys
import tempfile

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


def entries(path):
    """Yields (msgid, [msgstr…], flags) of a .po file, header excluded."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for block in re.split(r'\n\s*\n', text):
        if block.lstrip().startswith('#~'):
            continue
        flags = ' '.join(re.findall(r'^#,(.*)$', block, re.M))
        fields = {}
        key = None
        for line in block.splitlines():
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                key = m.group(1)
                fields[key] = m.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if 'msgid' not in fields or fields['msgid'] == '':
            continue
        strs = [v for k, v in sorted(fields.items()) if k.startswith('msgstr')]
        yield fields['msgid'], fields.get('msgid_plural'), strs, flags


with open(os.path.join(PO, 'LINGUAS'), encoding='utf-8') as f:
    linguas = [l.strip() for l in f if l.strip() and not l.startswith('#')]

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

for lang in linguas:
    source_po = os.path.join(PO, f'{lang}.po')
    if not os.path.exists(source_po):
        problems.append(f'{lang}: po/{lang}.po is missing')
        continue
    po = os.path.join(workdir.name, f'{lang}.po')
    if os.path.exists(pot):
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file', po, source_po, pot],
                       check=True)
    else:
        po = source_po
    check = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    stats = check.stderr.strip().splitlines()
    if check.returncode != 0:
        problems.append(f'{lang}: msgfmt --check failed:\n  ' + '\n  '.join(stats))
    elif 'fuzzy' in stats[-1] or 'untranslated' in stats[-1]:
        problems.append(f'{lang}: {stats[-1]} (run: meson compile -C build lotsen-update-po)')
    for msgid, plural, strs, flags in entries(po):
        if 'fuzzy' in flags:
            problems.append(f'{lang}: fuzzy: “{msgid}”')
        if any(s == '' for s in strs):
            problems.append(f'{lang}: untranslated: “{msgid}”')
        elif lang != 'en' and msgid not in SAME_EVERYWHERE and re.search('[A-Za-z]{3}', msgid):
            if strs[0] == msgid:
                problems.append(f'{lang}: an English copy, not a translation: “{msgid}”')

for problem in problems:
    print(problem)
print(f'{len(linguas)} languages checked, {len(problems)} problems')
sys.exit(1 if problems else 0)
