#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the language file the kiosk reads from its resources:

  gen-languages.py PO-DIR OUTPUT

Every language of po/languages.ini that po/LINGUAS builds, in the order of
languages.ini, with two keys added: Coverage (per cent of the template
translated) and Offered (true from the threshold on).  A LINGUAS code without
a group in languages.ini, or without a .po, stops the build with a message.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lotsen_languages as L  # noqa: E402

po_dir, output = sys.argv[1], sys.argv[2]
try:
    order, groups = L.read_languages(po_dir)
except (OSError, ValueError) as e:
    sys.exit(f'po/languages.ini: {e}')
linguas = L.read_linguas(po_dir)

errors = [f'po/LINGUAS lists {code}, but po/languages.ini has no [{code}] group'
          for code in linguas if code not in groups]
errors += [f'po/LINGUAS lists {code}, but po/{code}.po does not exist'
           for code in linguas if not os.path.exists(os.path.join(po_dir, f'{code}.po'))]
if errors:
    sys.exit('\n'.join(errors))

out = ['# Generated from po/languages.ini, po/LINGUAS and the catalogues: do not edit.']
for code in order:
    if code not in linguas:
        continue
    done, total = L.coverage(os.path.join(po_dir, f'{code}.po'), os.path.join(po_dir, 'lotsen.pot'))
    share = L.percent(done, total)
    out.append('')
    out.append(f'[{code}]')
    out += [f'{key}={value}' for key, value in groups[code].items()]
    out.append(f'Coverage={share}')
    # Swedish is the fallback of every other language: always offered.
    out.append('Offered=' + ('true' if share >= L.THRESHOLD or code == 'sv' else 'false'))

tmp = output + '.tmp'
with open(tmp, 'w', encoding='utf-8') as f:
    f.write('\n'.join(out) + '\n')
os.replace(tmp, output)
