#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-telemetry.py against a running dpdk-testpmd: the port list, port stats after
forwarding, and the hotplug counters across attach and detach; -l and -i.
TAP output, one line per test.

Usage: test_telemetry_testpmd.py <dpdk-testpmd> <dpdk-telemetry.py>
"""
import json
import os
import select
import subprocess
import sys
import time
import traceback

TESTPMD = sys.argv[1]
SCRIPT = sys.argv[2]
PROMPT = 'testpmd> '
TIMEOUT = 30
_seq = [0]


def new_prefix():
    _seq[0] += 1
    return 'teltpmd%d_%d' % (os.getpid(), _seq[0])


class Testpmd:
    """An interactive testpmd on a pipe."""

    def __init__(self, prefix, *vdevs, extra=()):
        args = [TESTPMD, '--no-huge', '-l', '0-1', '--no-pci', '--file-prefix=' + prefix]
        args += list(extra)
        for v in vdevs:
            args += ['--vdev', v]
        self.p = subprocess.Popen(args + ['--', '-i'], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.log = ''
        self._read_until_prompt()

    def _read_until_prompt(self):
        buf = ''
        end = time.time() + TIMEOUT
        fd = self.p.stdout.fileno()
        while not buf.endswith(PROMPT):
            left = end - time.time()
            if left <= 0:
                raise AssertionError('no prompt; got:\n' + buf)
            r, _, _ = select.select([fd], [], [], left)
            if not r:
                continue
            data = os.read(fd, 65536)
            if not data:
                raise AssertionError('testpmd exited (rc=%s):\n%s' % (self.p.wait(), buf))
            buf += data.decode(errors='replace')
        self.log += buf
        return buf

    def cmd(self, line):
        self.p.stdin.write((line + '\n').encode())
        self.p.stdin.flush()
        return self._read_until_prompt()

    def quit(self):
        try:
            self.p.stdin.write(b'quit\n')
            self.p.stdin.flush()
            self.p.wait(timeout=TIMEOUT)
        except Exception:
            self.p.kill()
            self.p.wait()
        return self.p.returncode


def telemetry(args, commands):
    """Run dpdk-telemetry.py with commands on stdin; (exit code, JSON replies, all output)."""
    p = subprocess.run([sys.executable, SCRIPT] + args,
                       input=''.join(c + '\n' for c in commands).encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    out = p.stdout.decode()
    replies = []
    for line in out.splitlines():
        if line.startswith('{'):
            replies.append(json.loads(line))
    return p.returncode, replies, out + p.stderr.decode()


def query(prefix, *commands, instance=0):
    args = ['-f', prefix]
    if instance:
        args += ['-i', str(instance)]
    rc, replies, out = telemetry(args, commands)
    if rc != 0 or len(replies) != len(commands):
        raise AssertionError('dpdk-telemetry.py failed (rc=%d):\n%s' % (rc, out))
    return [r[c.split(',')[0]] for r, c in zip(replies, commands)]


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def test_port_list_and_stats():
    prefix = new_prefix()
    t = Testpmd(prefix, 'net_ring0', 'net_ring1')
    try:
        ports, info, stats = query(prefix, '/ethdev/list', '/ethdev/info,1', '/ethdev/stats,0')
        check(ports == [0, 1], 'port list %r' % ports)
        check(info['name'] == 'net_ring1' and info['port_id'] == 1, 'info %r' % info)
        check(stats['opackets'] == 0, 'stats before forwarding %r' % stats)
        t.cmd('set fwd txonly')
        t.cmd('start')
        time.sleep(0.5)
        t.cmd('stop')
        stats, xstats, link = query(prefix, '/ethdev/stats,0', '/ethdev/xstats,0',
                                    '/ethdev/link_status,0')
        check(stats['opackets'] > 0, 'no packets counted: %r' % stats)
        check(xstats['tx_good_packets'] == stats['opackets'], 'xstats %r' % xstats)
        check(link['status'] in ('UP', 'DOWN'), 'link %r' % link)
        check(query(prefix, '/ethdev/stats,5') == [None], 'no such port')
        params, app = query(prefix, '/eal/params', '/eal/app_params')
        check('--file-prefix=' + prefix in params and app == ['-i'], '%r %r' % (params, app))
    finally:
        t.quit()


def test_hotplug_counters():
    prefix = new_prefix()
    t = Testpmd(prefix, 'net_null0')
    try:
        st0 = query(prefix, '/hotplug/stats')[0]
        check(st0['attached'] == 0 and st0['detached'] == 0 and st0['last_error'] == 0,
              'fresh counters %r' % st0)
        out = t.cmd('port attach net_null1')
        check('Port 1 is attached' in out, out)
        out = t.cmd('port attach net_nosuch0')
        ports, st = query(prefix, '/ethdev/list', '/hotplug/stats')
        check(ports == [0, 1], 'ports after attach %r' % ports)
        check(st['attached'] == 1 and st['attach_failed'] == 1, 'after attach %r' % st)
        check(st['last_error_op'] == 'attach' and st['last_error_device'] == 'net_nosuch0'
              and st['last_error'] < 0, 'last error %r' % st)
        t.cmd('port stop 1')
        t.cmd('port close 1')
        out = t.cmd('port detach 1')
        check('Device is detached' in out, out)
        ports, st = query(prefix, '/ethdev/list', '/hotplug/stats')
        check(ports == [0], 'ports after detach %r' % ports)
        check(st['detached'] == 1 and st['attached'] == 1, 'after detach %r' % st)
        out = t.cmd('port attach net_null1')
        check('is attached' in out, out)
        ports, st = query(prefix, '/ethdev/list', '/hotplug/stats')
        check(ports == [0, 1] and st['attached'] == 2, '%r %r' % (ports, st))
    finally:
        t.quit()


def test_list_and_instances():
    prefix = new_prefix()
    a = Testpmd(prefix, 'net_null0', extra=['--in-memory'])
    b = None
    try:
        b = Testpmd(prefix, 'net_null0', 'net_null1', extra=['--in-memory'])
        rc, _, out = telemetry(['-l'], [])
        check(rc == 0 and prefix in out.split(), '-l output:\n' + out)
        first = query(prefix, '/ethdev/list')[0]
        second = query(prefix, '/ethdev/list', instance=1)[0]
        check(first == [0] and second == [0, 1], '%r %r' % (first, second))
    finally:
        if b:
            b.quit()
        a.quit()
    rc, _, out = telemetry(['-f', prefix], ['/'])
    check(rc != 0 and 'Error connecting' in out, 'after exit:\n' + out)
    rc, _, out = telemetry(['-l'], [])
    check(prefix not in out.split(), 'still listed:\n' + out)


def test_bad_input():
    prefix = new_prefix()
    t = Testpmd(prefix, 'net_null0')
    try:
        rc, replies, out = telemetry(['-f', prefix], ['/nope', 'junk', '/ethdev/stats,x',
                                                       '/ethdev/list'])
        check(rc == 0 and replies == [{'/nope': None}, {'/ethdev/stats': None},
                                      {'/ethdev/list': [0]}], out)
        rc, _, out = telemetry(['-f', prefix, '-i', '-1'], [])
        check(rc != 0, out)
    finally:
        t.quit()


TESTS = [test_port_list_and_stats, test_hotplug_counters, test_list_and_instances,
         test_bad_input]


def main():
    print('1..%d' % len(TESTS))
    failed = 0
    for i, t in enumerate(TESTS, 1):
        try:
            t()
            print('ok %d - %s' % (i, t.__name__))
        except Exception:
            failed += 1
            print('not ok %d - %s' % (i, t.__name__))
            for line in traceback.format_exc().splitlines():
                print('# ' + line)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
