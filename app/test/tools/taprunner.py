# SPDX-License-Identifier: BSD-3-Clause
"""Run a module's unittest cases and report each one as a TAP line, so meson shows them
one by one. Exit status 0 only when nothing failed."""

import os
import sys
import traceback
import unittest

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))


def tool(name):
    """Path of a script of the tree, e.g. tool('usertools/dpdk-devbind.py')."""
    return os.path.join(TOP, name)


class _TapResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.n = 0

    def _line(self, ok, test, note=''):
        self.n += 1
        print('%s %d - %s%s' % ('ok' if ok else 'not ok', self.n, test.id().split('.', 1)[-1],
                                note), flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._line(True, test)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._line(True, test, ' # SKIP ' + reason)

    def _fail(self, test, err):
        self._line(False, test)
        for line in ''.join(traceback.format_exception(*err)).splitlines():
            print('# ' + line)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._fail(test, err)

    def addError(self, test, err):
        super().addError(test, err)
        self._fail(test, err)


def main(module_name='__main__'):
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[module_name])
    print('1..%d' % suite.countTestCases(), flush=True)
    result = _TapResult()
    suite.run(result)
    sys.exit(0 if result.wasSuccessful() else 1)
