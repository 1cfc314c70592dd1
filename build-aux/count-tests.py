#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts the results of meson test logs: each TAP subtest counts once,
each other test once.  Prints "N passed, N failed" and exits 1 on a failure."""

import json
import re
import sys

passed = failed = skipped = 0

for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as log:
        for line in log:
            test = json.loads(line)
            result = test['result']
            output = test.get('stdout') or ''
            # "ok 4 /staff/screenshots # SKIP why": a skip, not a pass.
            skips = len(re.findall(r'^ok \d+\b.*# SKIP', output, re.M))
            oks = len(re.findall(r'^ok \d+\b', output, re.M)) - skips
            not_oks = len(re.findall(r'^not ok \d+', output, re.M))
            if test.get('protocol') == 'tap' or oks + not_oks + skips > 0:
                passed += oks
                skipped += skips
                failed += not_oks
                # A crash before any "not ok" still fails.
                if result not in ('OK', 'SKIP', 'EXPECTEDFAIL') and not_oks == 0:
                    failed += 1
            elif result == 'SKIP':
                skipped += 1
            elif result in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            else:
                failed += 1

line = f'{passed} passed, {failed} failed'
if skipped:
    line += f', {skipped} skipped'
print(line)
sys.exit(1 if failed else 0)
