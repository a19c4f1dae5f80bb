#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""Sum the results of meson test logs (and TAP files of script steps) into a single "N passed, N failed" line.

Tests using the TAP protocol (every cmocka program) count each case; a TAP program that
crashed or timed out after its last reported case counts one extra failure. Other tests count
once. Prints the failing names, then the summary line last. Exit status 1 if anything failed.
"""
import json
import re
import sys

TAP_LINE = re.compile(r'^(not ok|ok)\b(.*)$')


def count_log(path, label):
    passed = failed = skipped = 0
    failures = []
    with open(path, encoding='utf-8', errors='replace') as log:
        for line in log:
            line = line.strip()
            if not line:
                continue
            entry = json.loads(line)
            name = entry.get('name', '?')
            result = entry.get('result', 'ERROR')
            out = entry.get('stdout') or ''
            tap = [TAP_LINE.match(x) for x in out.splitlines()]
            tap = [m for m in tap if m]
            if tap:
                bad_cases = 0
                for m in tap:
                    rest = m.group(2)
                    if '# SKIP' in rest.upper():
                        skipped += 1
                    elif m.group(1) == 'ok':
                        passed += 1
                    else:
                        failed += 1
                        bad_cases += 1
                        failures.append('%s: %s%s' % (label, name, rest))
                if result not in ('OK', 'SKIP', 'EXPECTEDFAIL') and bad_cases == 0:
                    failed += 1
                    failures.append('%s: %s ended with %s' % (label, name, result))
            elif result == 'OK':
                passed += 1
            elif result == 'SKIP':
                skipped += 1
            else:
                failed += 1
                failures.append('%s: %s ended with %s' % (label, name, result))
    return passed, failed, skipped, failures


def count_tap(path, label):
    """A plain TAP file written by a script step (e.g. the install test)."""
    passed = failed = skipped = 0
    failures = []
    with open(path, encoding='utf-8', errors='replace') as tap:
        for line in tap:
            m = TAP_LINE.match(line.strip())
            if not m:
                continue
            if '# SKIP' in m.group(2).upper():
                skipped += 1
            elif m.group(1) == 'ok':
                passed += 1
            else:
                failed += 1
                failures.append('%s:%s' % (label, m.group(2)))
    if passed + failed + skipped == 0:
        failed, failures = 1, ['%s: no result in %s' % (label, path)]
    return passed, failed, skipped, failures


def main(argv):
    total = [0, 0, 0]
    all_failures = []
    for arg in argv[1:]:
        label, _, path = arg.partition('=')
        try:
            if path.endswith('.tap'):
                p, f, s, fl = count_tap(path, label)
            else:
                p, f, s, fl = count_log(path, label)
        except OSError as err:
            p, f, s, fl = 0, 1, 0, ['%s: no test log (%s)' % (label, err)]
        print('%s: %d passed, %d failed, %d skipped' % (label, p, f, s))
        total[0] += p
        total[1] += f
        total[2] += s
        all_failures += fl
    for line in all_failures:
        print('FAILED ' + line)
    print('%d passed, %d failed, %d skipped' % tuple(total))
    return 1 if total[1] else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
