#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-proc-info against a running dpdk-testpmd: the numbers it reads from the secondary side
agree with what testpmd shows, its resets are seen by testpmd, and its errors are one line
with a non-zero exit. TAP output, one line per test.

Usage: test_proc_info.py <path to dpdk-proc-info> <path to dpdk-testpmd>
"""
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'testpmd'))
import test_testpmd as tt  # noqa: E402  (the Session class that drives testpmd)

PROC_INFO = sys.argv[1] if len(sys.argv) > 1 else 'dpdk-proc-info'
tt.TESTPMD = sys.argv[2] if len(sys.argv) > 2 else 'dpdk-testpmd'
TIMEOUT = 30
_seq = [0]

Skip = tt.Skip
check = tt.check
has = tt.has


def new_prefix():
    _seq[0] += 1
    return 'pinfo%d_%d' % (os.getpid(), _seq[0])


class Primary(tt.Session):
    """testpmd as the primary process, on its own --file-prefix."""

    def __init__(self, *vdevs, huge=False):
        self.prefix = new_prefix()
        eal = ['-l', '0-1', '--no-pci', '--file-prefix=' + self.prefix]
        eal += ['-m', '64'] if huge else ['--no-huge']
        for v in vdevs:
            eal += ['--vdev', v]
        self.p = subprocess.Popen([tt.TESTPMD] + eal + ['--', '-i'],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        self.log = ''
        self.startup = self._read_until_prompt()

    def info(self, *app, eal=()):
        return proc_info(['--no-pci', '--file-prefix=' + self.prefix] + list(eal), list(app))


def proc_info(eal, app):
    """(exit code, stdout, stderr) of one dpdk-proc-info run."""
    p = subprocess.run([PROC_INFO] + eal + ['--'] + app, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=TIMEOUT)
    return p.returncode, p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace')


def ok(res):
    rc, out, err = res
    check(rc == 0, 'exit code %d; stdout:\n%s\nstderr:\n%s' % (rc, out, err))
    return out


def one_line_error(res, *words):
    rc, out, err = res
    check(rc != 0, 'exit code 0; stdout:\n%s\nstderr:\n%s' % (out, err))
    lines = [line for line in err.splitlines() if line.strip()]
    check(len(lines) == 1, 'not one line on stderr:\n%s' % err)
    check(out == '', 'stdout not empty:\n%s' % out)
    for w in words:
        check(w in lines[0], 'missing %r in %r' % (w, lines[0]))


def info_stats(out):
    """{port: (rx packets, tx packets, rx bytes, tx bytes)} from --stats."""
    res = {}
    for m in re.finditer(r'NIC statistics for port (\d+)\s+#+\n'
                         r'\s+RX-packets: (\d+)\s+RX-errors:\s+\d+\s+RX-bytes:\s+(\d+)\s*\n'
                         r'\s+RX-nombuf:\s+\d+\s*\n'
                         r'\s+TX-packets: (\d+)\s+TX-errors:\s+\d+\s+TX-bytes:\s+(\d+)', out):
        res[int(m.group(1))] = (int(m.group(2)), int(m.group(4)), int(m.group(3)),
                                int(m.group(5)))
    check(res, 'no statistics in:\n' + out)
    return res


def testpmd_stats(out):
    """The same from testpmd's "show port stats all"."""
    res = {}
    for m in re.finditer(r'NIC statistics for port (\d+)\s+#+\n'
                         r'\s+RX-packets: (\d+)\s+RX-missed:\s+\d+\s+RX-bytes:\s+(\d+)\s*\n'
                         r'(?:.*\n)*?'
                         r'\s+TX-packets: (\d+)\s+TX-errors:\s+\d+\s+TX-bytes:\s+(\d+)', out):
        res[int(m.group(1))] = (int(m.group(2)), int(m.group(4)), int(m.group(3)),
                                int(m.group(5)))
    check(res, 'no statistics in:\n' + out)
    return res


def xstats(out):
    """{port: {name: value}} from --xstats."""
    res = {}
    port = None
    for line in out.splitlines():
        m = re.match(r'###### NIC extended statistics for port (\d+)', line)
        if m:
            port = int(m.group(1))
            res[port] = {}
            continue
        m = re.match(r'^(\w+): (\d+)$', line)
        if m and port is not None:
            res[port][m.group(1)] = int(m.group(2))
    return res


def forwarding(*vdevs, huge=False):
    """A primary that forwarded for a while and stopped."""
    s = Primary(*vdevs, huge=huge)
    s.cmd('start tx_first')
    time.sleep(0.5)
    s.cmd('stop')
    return s


def test_stats_agree_with_testpmd():
    s = forwarding('net_null0', 'net_null1')
    try:
        mine = info_stats(ok(s.info('--stats')))
        theirs = testpmd_stats(s.cmd('show port stats all'))
        check(sorted(mine) == [0, 1], 'ports %r' % sorted(mine))
        check(mine == theirs, 'proc-info %r, testpmd %r' % (mine, theirs))
        check(all(v[0] > 0 and v[1] > 0 for v in mine.values()), 'zero counts %r' % mine)
        # no option at all means --stats
        check(info_stats(ok(s.info())) == mine, 'default display')
        check(s.quit()[0] == 0, 'testpmd exit code')
    finally:
        s.kill()


def test_stats_while_forwarding():
    s = Primary('net_null0', 'net_null1')
    try:
        s.cmd('start tx_first')
        time.sleep(0.2)
        before = testpmd_stats(s.cmd('show port stats all'))
        mine = info_stats(ok(s.info('--stats')))
        after = testpmd_stats(s.cmd('show port stats all'))
        for p in (0, 1):
            for i in (0, 1):
                check(0 < before[p][i] <= mine[p][i] <= after[p][i],
                      'port %d: testpmd %r, proc-info %r, testpmd %r' %
                      (p, before[p], mine[p], after[p]))
        s.cmd('stop')
        check(s.quit()[0] == 0, 'testpmd exit code')
    finally:
        s.kill()


def test_ring_ports():
    s = forwarding('net_ring0', 'net_ring1')
    try:
        mine = info_stats(ok(s.info('--stats')))
        theirs = testpmd_stats(s.cmd('show port stats all'))
        check(mine == theirs and mine[0][0] > 0, 'proc-info %r, testpmd %r' % (mine, theirs))
        has(ok(s.info('--show-port')), 'driver net_ring device net_ring0',
            'driver net_ring device net_ring1')
        x = xstats(ok(s.info('--xstats')))
        check(x[1]['rx_good_packets'] == mine[1][0], 'xstats %r' % x)
        check(s.quit()[0] == 0, 'testpmd exit code')
    finally:
        s.kill()


def test_xstats():
    s = forwarding('net_null0', 'net_null1')
    try:
        st = info_stats(ok(s.info('--stats')))
        x = xstats(ok(s.info('--xstats')))
        for p in (0, 1):
            check(x[p]['rx_good_packets'] == st[p][0] > 0, 'port %d: %r vs %r' % (p, x[p], st))
            check(x[p]['tx_good_packets'] == st[p][1], 'port %d: %r vs %r' % (p, x[p], st))
        out = ok(s.info('--xstats-name', 'rx_good_packets', '-p', '0x2'))
        has(out, "statistic name 'rx_good_packets'", 'rx_good_packets: %d' % st[1][0])
        check('port 0' not in out, 'port 0 shown despite -p 0x2:\n' + out)
        byid = xstats(ok(s.info('--xstats-ids', '0,1')))
        check(byid == {p: {'rx_good_packets': st[p][0], 'tx_good_packets': st[p][1]}
                       for p in (0, 1)}, 'by id %r' % byid)
        out = ok(s.info('--xstats', '--collectd-format', '--host-id', 'hostA', '-p', '1'))
        has(out, 'PUTVAL hostA/dpdkstat-port.0/if_rx_packets-rx_good_packets N:%d' % st[0][0],
            'PUTVAL hostA/dpdkstat-port.0/if_tx_octets-tx_good_bytes N:%d' % st[0][3])
        check(all(line.startswith('PUTVAL hostA/dpdkstat-port.0/')
                  for line in out.splitlines()), 'collectd lines:\n' + out)
        rc, _, err = s.info('--xstats-name', 'no_such_counter')
        check(rc != 0, 'unknown counter name accepted')
        check(s.quit()[0] == 0, 'testpmd exit code')
    finally:
        s.kill()


def test_resets_seen_by_testpmd():
    s = forwarding('net_null0', 'net_null1')
    try:
        out = ok(s.info('--stats-reset', '-p', '0x1'))
        has(out, 'NIC statistics for port 0 cleared')
        theirs = testpmd_stats(s.cmd('show port stats all'))
        check(theirs[0] == (0, 0, 0, 0) and theirs[1][0] > 0, 'after reset %r' % theirs)
        has(ok(s.info('--xstats-reset')), 'NIC extended statistics for port 1 cleared')
        x = xstats(ok(s.info('--xstats')))
        check(x[1]['rx_good_packets'] == 0 and x[1]['tx_good_packets'] == 0, 'xstats %r' % x)
        theirs = testpmd_stats(s.cmd('show port stats all'))
        check(theirs[1] == (0, 0, 0, 0), 'after xstats reset %r' % theirs)
        check(s.quit()[0] == 0, 'testpmd exit code')
    finally:
        s.kill()


def test_show_port_mempool_ring_memory():
    s = Primary('net_null0', 'net_null1')
    try:
        out = ok(s.info('--show-port'))
        has(out, '===== Port 0 =====', '===== Port 1 =====', 'driver net_null device net_null0',
            'driver net_null device net_null1', 'mempool mb_pool_0')
        has(ok(s.info('--show-mempool')), 'mempool <mb_pool_0>')
        has(ok(s.info('--show-mempool=mb_pool_0')), '- Name: mb_pool_0', 'Count: avail (')
        has(ok(s.info('--show-ring')), '========== show - RING ==========')
        one_line_error(s.info('--show-mempool=no_such_pool'), 'no_such_pool')
        one_line_error(s.info('--show-ring=no_such_ring'), 'no_such_ring')
        one_line_error(s.info('--iter-mempool=no_such_pool'), 'no_such_pool')
        rings = re.findall(r'^ring <(\S+)>', ok(s.info('--show-ring')), re.M)
        check(rings, 'no ring listed')
        has(ok(s.info('--show-ring=' + rings[0])), '- Name (%s)' % rings[0])
        out = ok(s.info('-m'))
        has(out, 'MEMORY_SEGMENTS', 'MEMORY_ZONES', 'TAIL_QUEUES', 'RTE_MEMPOOL', 'HEAPS')
        out = ok(s.info('--iter-mempool=mb_pool_0'))
        check(out.count('- obj_idx ') > 0, 'no object:\n' + out[:2000])
        has(ok(s.info('--version')), 'DPDK version: ')
        # what the driver lacks is said on stdout, and is no failure
        has(ok(s.info('--show-rx-descriptor', '0:0:1', '-p', '1')), 'Rx descriptor')
        has(ok(s.info('--show-tm', '-p', '1')), 'Generic for port (0)')
        rc, out, err = s.info('--metrics')
        check(rc == 0 and err == '' and 'metrics' in out, 'metrics: %d %r %r' % (rc, out, err))
        check(s.quit()[0] == 0, 'testpmd exit code')
    finally:
        s.kill()


def test_hugepage_primary():
    """The same reads with the primary in hugepages, as in production."""
    if os.geteuid() != 0:
        raise Skip('hugepages need root')
    free = 0
    with open('/proc/meminfo') as f:
        for line in f:
            if line.startswith('HugePages_Free:'):
                free = int(line.split()[1])
    if free < 40:
        raise Skip('%d free hugepages, 40 needed' % free)
    try:
        s = forwarding('net_null0', 'net_null1', huge=True)
    except AssertionError as e:
        if 'hugepage' in str(e).lower():
            raise Skip('hugepages cannot be had: ' + str(e).splitlines()[-1])
        raise
    try:
        mine = info_stats(ok(s.info('--stats')))
        theirs = testpmd_stats(s.cmd('show port stats all'))
        check(mine == theirs and mine[0][0] > 0, 'proc-info %r, testpmd %r' % (mine, theirs))
        check(s.quit()[0] == 0, 'testpmd exit code')
    finally:
        s.kill()


def test_errors():
    s = Primary('net_null0', 'net_null1')
    try:
        one_line_error(s.info('-p', 'zz', '--stats'), "invalid portmask 'zz'")
        one_line_error(s.info('-p', '0', '--stats'), 'invalid portmask')
        one_line_error(s.info('-p', '0x10', '--stats'), 'portmask 0x10')
        one_line_error(s.info('--no-such-option'), "unknown option '--no-such-option'")
        one_line_error(s.info('--show-crypto'), 'not supported')
        one_line_error(s.info('--xstats-ids', '1,x'), 'xstats id')
        check(s.quit()[0] == 0, 'testpmd exit code')
    finally:
        s.kill()
    # the prefix of a primary that is gone
    one_line_error(proc_info(['--no-pci', '--file-prefix=' + s.prefix], ['--stats']),
                   'no primary process')
    one_line_error(proc_info(['--no-pci', '--file-prefix=' + new_prefix()], []),
                   'no primary process')


TESTS = [v for k, v in sorted(globals().items()) if k.startswith('test_')]


def remove_runtime_dirs():
    """The runtime folders of this run's prefixes, once their processes are gone."""
    if os.geteuid() == 0:
        base = '/var/run/dpdk'
    else:
        base = os.path.join(os.environ.get('XDG_RUNTIME_DIR', '/tmp'), 'dpdk')
    for i in range(1, _seq[0] + 1):
        shutil.rmtree(os.path.join(base, 'pinfo%d_%d' % (os.getpid(), i)), ignore_errors=True)


def main():
    try:
        return run_tests()
    finally:
        remove_runtime_dirs()


def run_tests():
    for exe in (PROC_INFO, tt.TESTPMD):
        if not os.access(exe, os.X_OK):
            print('1..0 # SKIP not found: %s' % exe)
            return 0
    return tt.run_tap(TESTS)


if __name__ == '__main__':
    sys.exit(main())
