#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-testpmd --bitrate-stats and --latencystats: forwarding over net_null ports, the
bit rates and latencies read back with dpdk-telemetry.py; a disabled lcore is refused.
TAP output, one line per test.

Usage: test_testpmd_stats.py <dpdk-testpmd> <dpdk-telemetry.py>
"""
import json
import os
import subprocess
import sys
import time
import traceback

TESTPMD = sys.argv[1]
SCRIPT = sys.argv[2]
TIMEOUT = 30


def eal_args(prefix):
    return [TESTPMD, '--no-huge', '-l', '0-1', '--no-pci', '--file-prefix=' + prefix,
            '--vdev', 'net_null0', '--vdev', 'net_null1']


def query(prefix, *commands):
    """JSON reply of each command, through dpdk-telemetry.py."""
    p = subprocess.run([sys.executable, SCRIPT, '-f', prefix],
                       input=''.join(c + '\n' for c in commands).encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT)
    replies = [json.loads(l) for l in p.stdout.decode().splitlines() if l.startswith('{')]
    if p.returncode != 0 or len(replies) != len(commands):
        raise AssertionError('dpdk-telemetry.py failed:\n' + p.stdout.decode())
    return [r[c.split(',')[0]] for r, c in zip(replies, commands)]


def test_stats_published():
    prefix = 'tpmdstats%d' % os.getpid()
    p = subprocess.Popen(eal_args(prefix) + ['--', '-i', '--bitrate-stats=1',
                                             '--latencystats=1'],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    try:
        p.stdin.write(b'start\n')
        p.stdin.flush()
        # the lcore refreshes the statistics once per second
        deadline = time.time() + TIMEOUT
        while True:
            time.sleep(0.5)
            port, lat, glob = query(prefix, '/metrics/port,0', '/latencystats', '/metrics')
            if (port and port['ewma_bits_in'] > 0 and lat and lat['max_latency_ns'] > 0 and
                    glob['max_latency_ns'] > 0):
                break
            if time.time() > deadline:
                raise AssertionError('no statistics: %r %r %r' % (port, lat, glob))
        for k in ('mean_bits_in', 'peak_bits_in', 'ewma_bits_out', 'peak_bits_out'):
            if port[k] <= 0:
                raise AssertionError('%s %r' % (k, port))
        if not lat['min_latency_ns'] <= lat['avg_latency_ns'] <= lat['max_latency_ns']:
            raise AssertionError('latency %r' % lat)
    finally:
        out, _ = p.communicate(b'stop\nquit\n', timeout=TIMEOUT)
    if p.returncode != 0:
        raise AssertionError('testpmd exit %d:\n%s' % (p.returncode, out.decode()))


def test_bad_lcore():
    for opt in ('--bitrate-stats=5', '--latencystats=x'):
        p = subprocess.run(eal_args('tpmdbad%d' % os.getpid()) + ['--', opt],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=TIMEOUT)
        if p.returncode == 0:
            raise AssertionError('%s accepted:\n%s' % (opt, p.stdout.decode()))


TESTS = [test_stats_published, test_bad_lcore]

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
sys.exit(1 if failed else 0)
