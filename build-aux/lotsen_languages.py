# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk's languages as the files in po/ describe them.

Shared by the build (gen-languages.py) and the translation check (check-po.py):
po/LINGUAS says which catalogues are built, po/languages.ini describes each
language, and a catalogue's coverage is the share of the template's entries
it translates.
"""

import os
import re

# A language is offered at the kiosk from this share of translated entries.
THRESHOLD = 90
KEYS = ('Name', 'EnglishName', 'Direction', 'Keyboard', 'ListSeparator', 'Plurals')


def read_linguas(po_dir):
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f if not line.lstrip().startswith('#') for w in line.split()]


def read_languages(po_dir):
    """Returns ([code…] in file order, {code: {key: raw value}}), and raises
    ValueError on a malformed file.  Values stay as written (GKeyFile escapes)."""
    order, groups, current = [], {}, None
    with open(os.path.join(po_dir, 'languages.ini'), encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            m = re.match(r'^\[([A-Za-z0-9_@]+)\]$', line.strip())
            if m:
                current = m.group(1)
                if current in groups:
                    raise ValueError(f'languages.ini:{number}: [{current}] comes twice')
                order.append(current)
                groups[current] = {}
                continue
            m = re.match(r'^([A-Za-z]+)=(.*)$', line)
            if not m or current is None:
                raise ValueError(f'languages.ini:{number}: not “[code]” or “Key=value”: {line}')
            groups[current][m.group(1)] = m.group(2)
    for code in order:
        missing = [k for k in KEYS if k not in groups[code]]
        if missing:
            raise ValueError(f'languages.ini: [{code}] lacks {", ".join(missing)}')
        if groups[code]['Direction'] not in ('ltr', 'rtl'):
            raise ValueError(f'languages.ini: [{code}] Direction is ltr or rtl')
        if not groups[code]['Plurals'].isdigit():
            raise ValueError(f'languages.ini: [{code}] Plurals is a number')
    return order, groups


def po_entries(path):
    """Yields (msgctxt, msgid, msgid_plural, [msgstr…], flags, comments) of a
    .po file, header and obsolete entries excluded."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for block in re.split(r'\n\s*\n', text):
        lines = [l for l in block.splitlines() if not l.startswith('#~')]
        if not any(l.startswith('msgid') for l in lines):
            continue
        flags = ' '.join(re.findall(r'^#,(.*)$', block, re.M))
        comments = ' '.join(re.findall(r'^#\.(.*)$', block, re.M))
        fields = {}
        key = None
        for line in lines:
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                key = m.group(1)
                fields[key] = m.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if fields.get('msgid', '') == '':
            continue
        strs = [v for k, v in sorted(fields.items()) if k.startswith('msgstr')]
        yield fields.get('msgctxt'), fields['msgid'], fields.get('msgid_plural'), strs, flags, comments


def po_header(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    m = re.search(r'^msgid ""\nmsgstr ""\n((?:".*"\n?)*)', text, re.M)
    return ''.join(l[1:-1] for l in m.group(1).splitlines()).replace('\\n', '\n') if m else ''


def translated_keys(path):
    return {(ctx, msgid) for ctx, msgid, _, strs, flags, _ in po_entries(path)
            if strs and all(strs) and 'fuzzy' not in flags}


def coverage(po_path, pot_path):
    """(translated, total) counted against the template's entries."""
    done = translated_keys(po_path)
    if pot_path and os.path.exists(pot_path):
        wanted = {(ctx, msgid) for ctx, msgid, *_ in po_entries(pot_path)}
    else:
        wanted = {(ctx, msgid) for ctx, msgid, *_ in po_entries(po_path)}
    return len(done & wanted), len(wanted)


def percent(translated, total):
    return 100 if total == 0 else translated * 100 // total
