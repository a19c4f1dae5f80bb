#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""End-to-end tests of dpdk-testpmd: drive it through stdin and --cmdline-file,
check what it prints and how it exits. TAP output, one line per test.

Usage: test_testpmd.py <path to dpdk-testpmd>
"""
import os
import pty
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
import traceback

TESTPMD = sys.argv[1] if len(sys.argv) > 1 else 'dpdk-testpmd'
PROMPT = 'testpmd> '
TIMEOUT = 30
_seq = [0]


def eal_args(*vdevs, lcores='0-1'):
    _seq[0] += 1
    args = ['--no-huge', '-l', lcores, '--no-pci',
            '--file-prefix=tpmd%d_%d' % (os.getpid(), _seq[0])]
    for v in vdevs:
        args += ['--vdev', v]
    return args


def run(eal, app, stdin_data='', timeout=TIMEOUT):
    """Run to completion; returns (exit code, output with stderr merged)."""
    p = subprocess.run([TESTPMD] + eal + ['--'] + app, input=stdin_data.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    return p.returncode, p.stdout.decode(errors='replace')


class Session:
    """An interactive testpmd on a pipe: send one command, get its output."""

    def __init__(self, *vdevs, app=(), lcores='0-1'):
        self.p = subprocess.Popen([TESTPMD] + eal_args(*vdevs, lcores=lcores) +
                                  ['--', '-i'] + list(app),
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        self.log = ''
        self.startup = self._read_until_prompt()

    def _read_until_prompt(self, timeout=TIMEOUT):
        buf = ''
        end = time.time() + timeout
        fd = self.p.stdout.fileno()
        while not buf.endswith(PROMPT):
            left = end - time.time()
            if left <= 0:
                raise AssertionError('no prompt after %ds; got:\n%s' % (timeout, buf))
            r, _, _ = select.select([fd], [], [], left)
            if not r:
                continue
            data = os.read(fd, 65536)
            if not data:
                raise AssertionError('testpmd exited (rc=%s); output:\n%s' %
                                     (self.p.wait(), buf))
            buf += data.decode(errors='replace')
        self.log += buf
        return buf[:-len(PROMPT)]

    def cmd(self, line):
        """Output of one command, without its echo and the next prompt."""
        self.p.stdin.write((line + '\n').encode())
        self.p.stdin.flush()
        out = self._read_until_prompt()
        first, _, rest = out.partition('\n')
        if first.strip() != line.strip():
            raise AssertionError('expected echo of %r, got %r' % (line, first))
        return rest

    def quit(self, line='quit'):
        if line is None:
            self.p.stdin.close()
        else:
            self.p.stdin.write((line + '\n').encode())
            self.p.stdin.flush()
            self.p.stdin.close()
        out = self.p.stdout.read().decode(errors='replace')
        self.log += out
        return self.p.wait(timeout=TIMEOUT), out

    def kill(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()


def read_until(p, done, timeout=TIMEOUT):
    """Output of a running process, read until done(output) or the timeout."""
    out = ''
    end = time.time() + timeout
    fd = p.stdout.fileno()
    while not done(out) and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            data = os.read(fd, 65536)
            if not data:
                break
            out += data.decode(errors='replace')
    return out


class Skip(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def has(out, *lines):
    for line in lines:
        check(line in out, 'missing %r in:\n%s' % (line, out))


def summary_ports(out):
    m = re.search(r'Number of available ports: (\d+)', out)
    check(m is not None, 'no summary in:\n' + out)
    rows = re.findall(r'^(\d+)\s+([0-9A-F:]{17}) (\S+)\s+(\S+)\s+(\S+)\s+(.*)$', out, re.M)
    check(int(m.group(1)) == len(rows), 'summary count %s vs %d rows' % (m.group(1), len(rows)))
    return {int(r[0]): (r[2], r[3], r[4]) for r in rows}


def fwd_stats(out):
    """{port: (rx, rx_dropped, tx, tx_dropped)} and the accumulated totals."""
    res = {}
    for m in re.finditer(r'Forward statistics for port (\d+)\s+-+\n'
                         r'\s+RX-packets: (\d+)\s+RX-dropped: (\d+)\s+RX-total: \d+\n'
                         r'(?:.*\n)*?\s+TX-packets: (\d+)\s+TX-dropped: (\d+)\s+TX-total', out):
        res[int(m.group(1))] = (int(m.group(2)), int(m.group(3)), int(m.group(4)),
                                int(m.group(5)))
    m = re.search(r'Accumulated forward statistics for all ports\+*\n'
                  r'\s+RX-packets: (\d+)\s+RX-dropped: (\d+)\s+RX-total: \d+\n'
                  r'\s+TX-packets: (\d+)\s+TX-dropped: (\d+)', out)
    check(m is not None, 'no accumulated stats in:\n' + out)
    return res, tuple(int(x) for x in m.groups())


def nic_stats(out):
    m = re.search(r'NIC statistics for port (\d+)\s+#+\n\s+RX-packets: (\d+)\s+RX-missed: (\d+)'
                  r'\s+RX-bytes:\s+(\d+)\n\s+RX-errors: (\d+)\n\s+RX-nombuf:\s+(\d+)\s*\n'
                  r'\s+TX-packets: (\d+)\s+TX-errors: (\d+)\s+TX-bytes:\s+(\d+)\n\n'
                  r'\s+Throughput \(since last show\)\n\s+Rx-pps:\s+\d+\s+Rx-bps:\s+\d+\n'
                  r'\s+Tx-pps:\s+\d+\s+Tx-bps:\s+\d+\n\s+#+', out)
    check(m is not None, 'no NIC statistics block in:\n' + out)
    return int(m.group(1)), int(m.group(2)), int(m.group(7))


# ---------------------------------------------------------------- tests

def test_help_option():
    rc, out = run(eal_args(), ['--help'])
    check(rc == 0, 'rc=%d' % rc)
    has(out, '--forward-mode=io|mac|macswap|rxonly|txonly|flowgen', '--cmdline-file')


def test_bad_options():
    for app, msg in ((['--burst=0'], 'Invalid value "0" for --burst'),
                     (['--rxq=abc'], 'Invalid value "abc" for --rxq'),
                     (['--forward-mode=bogus'], 'Invalid value "bogus" for --forward-mode'),
                     (['--port-topology=ring'], 'Invalid value "ring" for --port-topology'),
                     (['--eth-peer=0,zz'], 'Invalid value "0,zz" for --eth-peer'),
                     (['--no-such-option'], 'Unknown option --no-such-option'),
                     (['-i', 'extra'], 'Unexpected argument "extra"')):
        rc, out = run(eal_args('net_null0'), app)
        check(rc == 1, '%s: rc=%d' % (app, rc))
        has(out, msg)
        check('Bye...' not in out and 'Configuring Port' not in out,
              '%s: went on after the bad option:\n%s' % (app, out))


def test_startup_summary():
    s = Session('net_null0', 'net_null1')
    try:
        has(s.startup, 'Configuring Port 0 (socket', 'Configuring Port 1 (socket',
            'Checking link statuses...', 'Done')
        out = s.cmd('show port summary all')
        has(out, 'Port MAC Address       Name         Driver         Status   Link')
        ports = summary_ports(out)
        check(ports == {0: ('net_null0', 'net_null', 'up'), 1: ('net_null1', 'net_null', 'up')},
              'ports %r' % ports)
        rc, out = s.quit()
        check(rc == 0, 'rc=%d' % rc)
        has(out, 'Port 0 is closed', 'Port 1 is closed', 'Now total ports is 0', 'Bye...')
    finally:
        s.kill()


def test_prompt_after_each_command_on_pipe():
    cmds = ['show port summary all', 'foo', 'set fwd io', 'show config fwd']
    rc, out = run(eal_args('net_null0', 'net_null1'), ['-i'], '\n'.join(cmds) + '\n')
    check(rc == 0, 'rc=%d' % rc)
    for c in cmds:
        has(out, PROMPT + c + '\n')
    check(out.count(PROMPT) == len(cmds) + 1, 'prompts: %d' % out.count(PROMPT))


def test_attach_null_and_ring():
    s = Session('net_null0')
    try:
        out = s.cmd('port attach net_ring0')
        check(out == 'Attaching a new port...\nPort 1 is attached. Now total ports is 2\nDone\n',
              'attach output:\n' + out)
        out = s.cmd('port attach net_null1')
        has(out, 'Port 2 is attached. Now total ports is 3', 'Done')
        ports = summary_ports(s.cmd('show port summary all'))
        check(sorted(ports) == [0, 1, 2] and ports[1][1] == 'net_ring' and
              ports[1][2] == 'down', 'ports %r' % ports)
        out = s.cmd('port start all')
        has(out, 'Configuring Port 1', 'Configuring Port 2', 'Done')
        ports = summary_ports(s.cmd('show port summary all'))
        check(all(p[2] == 'up' for p in ports.values()), 'ports %r' % ports)
        check(s.quit()[0] == 0, 'exit code')
    finally:
        s.kill()


def test_attach_bad_devargs():
    s = Session('net_null0')
    try:
        before = s.cmd('show port summary all')
        for devargs in ('net_bogus0', 'no_such_driver_at_all', '0000:99:99.9'):
            out = s.cmd('port attach ' + devargs)
            has(out, 'Attaching a new port...', 'Failed to attach port ' + devargs)
            check('is attached' not in out, out)
        check(s.cmd('show port summary all') == before, 'ports changed')
        out = s.cmd('port attach')
        has(out, 'Bad arguments', 'Usage: port attach <identifier>')
        check(s.quit()[0] == 0, 'exit code')
    finally:
        s.kill()


def test_bad_commands_keep_shell():
    s = Session('net_null0', 'net_null1')
    try:
        cases = [
            ('foo', 'Command not found'),
            ('porta start 0', 'Command not found'),
            ('port stop', 'Bad arguments'),
            ('port', 'Bad arguments'),
            ('stop now', 'Bad arguments'),
            ('port detach 1 2', 'Bad arguments'),
            ('port stop 70000', 'Bad arguments'),
            ('port stop -1', 'Bad arguments'),
            ('set fwd bogus', 'Bad arguments'),
            ('set burst x', 'Bad arguments'),
            ('start tx_first many', 'Bad arguments'),
            ('show port stats', 'Bad arguments'),
            ('port stop 9', 'Invalid port 9'),
            ('port start 31', 'Invalid port 31'),
            ('port close 5', 'Invalid port 5'),
            ('show port info 7', 'Invalid port 7\nThe valid ports array is [ 0 1 ]'),
            ('show port stats 99', 'Invalid port 99'),
            ('port detach 9', 'Invalid port_id=9'),
            ('set promisc 8 on', 'Invalid port 8'),
            ('set portlist 5', 'Invalid port 5'),
            ('set portlist 1-x', 'Invalid port list'),
            ('set nbport 9', 'nb fwd ports 9 > 2'),
            ('set nbcore 5', 'nb fwd cores 5 > 1'),
            ('set burst 0', 'Invalid burst size 0'),
            ('set burst 513', 'Invalid burst size 513'),
            ('start tx_first 0', 'Invalid number of bursts 0'),
            ('port config all rxq 0', 'Invalid rxq 0'),
            ('stop', 'Packet forwarding not started'),
            ('device detach net_nothing0', 'No device net_nothing0'),
            ('show device info net_nothing0', 'No device matches net_nothing0'),
        ]
        before = s.cmd('show port summary all')
        for line, msg in cases:
            out = s.cmd(line)
            has(out, msg)
        check(s.cmd('show port summary all') == before, 'ports changed')
        out = s.cmd('show config fwd')
        has(out, 'io packet forwarding - ports=2 - cores=1 - streams=2')
        rc, out = s.quit()
        check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


def test_detach_started_port_refused():
    s = Session('net_null0', 'net_null1')
    try:
        out = s.cmd('port detach 1')
        check(out == 'Port not stopped\n', out)
        out = s.cmd('device detach net_null1')
        has(out, 'Port 1 not stopped')
        check(sorted(summary_ports(s.cmd('show port summary all'))) == [0, 1], 'ports')
        check(s.quit()[0] == 0, 'exit code')
    finally:
        s.kill()


def test_stop_close_detach_reattach():
    s = Session('net_null0', 'net_ring0')
    try:
        out = s.cmd('port stop 1')
        check(out == 'Stopping ports...\nChecking link statuses...\nDone\n', out)
        out = s.cmd('port close 1')
        check(out == 'Closing ports...\nPort 1 is closed\nDone\n', out)
        ports = summary_ports(s.cmd('show port summary all'))
        check(1 in ports, 'closed port 1 must stay listed until detached: %r' % ports)
        out = s.cmd('port close 1')
        has(out, 'Port 1 is already closed')
        out = s.cmd('port start 1')
        has(out, 'Port 1 is closed')
        out = s.cmd('port detach 1')
        check(out == 'Removing a device...\nDevice is detached\nNow total ports is 1\nDone\n',
              out)
        check(sorted(summary_ports(s.cmd('show port summary all'))) == [0], 'ports')
        out = s.cmd('port attach net_ring0')
        check(out == 'Attaching a new port...\nPort 1 is attached. Now total ports is 2\n'
              'Done\n', out)
        out = s.cmd('port start 1')
        has(out, 'Configuring Port 1', 'Port 1: ', 'Done')
        # stopped but not closed: detach closes it, as DPDK's testpmd says
        s.cmd('port stop 1')
        out = s.cmd('port detach 1')
        check(out == 'Port was not closed\nRemoving a device...\nPort 1 is closed\n'
              'Device is detached\nNow total ports is 1\nDone\n', out)
        out = s.cmd('port attach net_ring0')
        has(out, 'Port 1 is attached. Now total ports is 2')
        out = s.cmd('device detach net_ring0')
        check(out == 'Removing a device...\nPort 1 is closed\nDevice net_ring0 is detached\n'
              'Now total ports is 1\nDone\n', out)
        rc, out = s.quit()
        check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


def test_exact_counts_ring_tx_first():
    s = Session('net_ring0', 'net_ring1')
    try:
        s.cmd('set fwd rxonly')
        out = s.cmd('start tx_first 4')
        has(out, 'rxonly packet forwarding - ports=2 - cores=1 - streams=2')
        # wait until the lcore has received what was sent (a loaded machine may be slow)
        end = time.time() + TIMEOUT
        while time.time() < end and (nic_stats(s.cmd('show port stats 0'))[1] < 128 or
                                     nic_stats(s.cmd('show port stats 1'))[1] < 128):
            time.sleep(0.1)
        out = s.cmd('stop')
        res, tot = fwd_stats(out)
        check(res == {0: (128, 0, 128, 0), 1: (128, 0, 128, 0)}, 'rxonly stats %r' % res)
        check(tot == (256, 0, 256, 0), 'totals %r' % (tot,))
        check(fwd_stats(s.cmd('show fwd stats all'))[1] == tot, 'show fwd stats differs')
        port, rx, tx = nic_stats(s.cmd('show port stats 0'))
        check((port, rx, tx) == (0, 128, 128), 'NIC stats %r' % ((port, rx, tx),))
        s.cmd('clear port stats all')
        check(nic_stats(s.cmd('show port stats 1'))[1:] == (0, 0), 'stats not cleared')
        # io: what was sent first keeps circulating; in flight = sent - received, exactly
        s.cmd('set fwd io')
        s.cmd('start tx_first 2')
        time.sleep(0.3)
        res, tot = fwd_stats(s.cmd('stop'))
        check(tot[2] - tot[0] == 2 * 2 * 32 and tot[1] == 0 and tot[3] == 0,
              'io totals %r' % (tot,))
        check(tot[0] > 2 * 2 * 32, 'io forwarded only %d packets' % tot[0])
        check(s.quit()[0] == 0, 'exit code')
    finally:
        s.kill()


def test_forward_null_all_engines():
    s = Session('net_null0', 'net_null1')
    try:
        for mode in ('io', 'mac', 'macswap', 'rxonly', 'txonly', 'flowgen'):
            out = s.cmd('set fwd ' + mode)
            check(out == 'Set %s packet forwarding mode\n' % mode, out)
            out = s.cmd('start')
            has(out, '%s packet forwarding - ports=2 - cores=1 - streams=2' % mode,
                'RX P=0/Q=0 (socket 0) -> TX P=1/Q=0')
            has(s.cmd('start'), 'Packet forwarding already started')
            has(s.cmd('set fwd io'), 'Please stop forwarding first')
            has(s.cmd('port stop 0'), 'Please remove port 0 from forwarding configuration.')
            has(s.cmd('port detach 0'), 'Port not stopped')
            has(s.cmd('port config all rxq 2'), 'Please stop all ports first')
            time.sleep(0.2)
            out = s.cmd('stop')
            has(out, 'Telling cores to stop...', 'Waiting for lcores to finish...', 'Done.')
            res, tot = fwd_stats(out)
            if mode != 'txonly':
                check(res[0][0] > 0 and res[1][0] > 0, '%s: nothing received %r' % (mode, res))
            if mode != 'rxonly':
                check(res[0][2] > 0 and res[1][2] > 0, '%s: nothing sent %r' % (mode, res))
        rc, out = s.quit()
        check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


def test_queues_and_topology():
    s = Session('net_null0', 'net_null1', 'net_null2', app=['--port-topology=chained'])
    try:
        has(s.cmd('port config all rxq 2'), 'Please stop all ports first')
        s.cmd('port stop all')
        s.cmd('port config all rxq 2')
        s.cmd('port config all txq 2')
        has(s.cmd('port start all'), 'Configuring Port 0', 'Configuring Port 2')
        out = s.cmd('show config fwd')
        has(out, 'io packet forwarding - ports=3 - cores=1 - streams=6',
            'RX P=0/Q=1 (socket 0) -> TX P=1/Q=1', 'RX P=2/Q=0 (socket 0) -> TX P=0/Q=0')
        s.cmd('set portlist 2,0')
        has(s.cmd('show config fwd'), 'ports=2 - cores=1 - streams=4',
            'RX P=2/Q=0 (socket 0) -> TX P=0/Q=0', 'RX P=0/Q=1 (socket 0) -> TX P=2/Q=1')
        has(s.cmd('set nbport 1'), 'Number of forwarding ports set to 1')
        has(s.cmd('show config fwd'), 'ports=1 - cores=1 - streams=2',
            'RX P=2/Q=1 (socket 0) -> TX P=2/Q=1')
        has(s.cmd('show port info 1'), 'Current number of RX queues: 2', 'Device name: net_null1')
        check(s.quit()[0] == 0, 'exit code')
    finally:
        s.kill()


def test_detach_idle_port_while_forwarding():
    s = Session('net_null0', 'net_null1')
    try:
        s.cmd('port attach net_null2')
        s.cmd('set portlist 0,1')
        s.cmd('set nbport 2')
        out = s.cmd('start')
        has(out, 'ports=2 - cores=1 - streams=2')
        time.sleep(0.1)
        out = s.cmd('port detach 2')
        has(out, 'Device is detached', 'Now total ports is 2')
        out = s.cmd('port attach net_null2')
        has(out, 'Port 2 is attached. Now total ports is 3')
        out = s.cmd('port start 2')
        has(out, 'Configuring Port 2')
        time.sleep(0.1)
        res, tot = fwd_stats(s.cmd('stop'))
        check(res[0][0] > 0 and res[1][0] > 0, 'forwarding stalled %r' % res)
        # the attached port joins the streams at the next start
        s.cmd('set portlist 0-2')
        has(s.cmd('start'), 'ports=3 - cores=1 - streams=3')
        s.cmd('stop')
        check(s.quit()[0] == 0, 'exit code')
    finally:
        s.kill()


def test_device_info_and_xstats():
    s = Session('net_null0', 'net_ring0')
    try:
        out = s.cmd('show device info all')
        has(out, 'Infos for device net_null0', 'Infos for device net_ring0', 'Bus name: vdev',
            'Driver name: net_ring', 'Port id: 1')
        out = s.cmd('show device info net_ring0')
        check('net_null0' not in out and 'Infos for device net_ring0' in out, out)
        has(s.cmd('show port xstats 0'), 'NIC extended statistics for port 0')
        has(s.cmd('help'), 'help all', 'help ports')
        has(s.cmd('help all'), 'port attach <identifier>', 'device detach <identifier>',
            'set fwd io|mac|macswap|rxonly|txonly|flowgen')
        has(s.cmd('show config cores'), 'List of forwarding lcores:  1')
        has(s.cmd('show config rxtx'), 'io packet forwarding packets/burst=32')
        out = s.cmd('set promisc all off')
        if 'Error during disabling promiscuous mode' not in out:
            has(s.cmd('show port info 0'), 'Promiscuous mode: disabled')
        check(s.quit()[0] == 0, 'exit code')
    finally:
        s.kill()


def test_cmdline_file():
    with tempfile.NamedTemporaryFile('w', suffix='.cmds', delete=False) as f:
        f.write('# hotplug through a command file\n'
                'port attach net_ring0\nport attach net_ring1\nport start all\n'
                'set fwd rxonly\nstart tx_first 2\nstop\n'
                'port stop 1\nport close 1\nport detach 1\nport attach net_ring0\n'
                'show port summary all\nfoo\nquit\n')
        path = f.name
    try:
        rc, out = run(eal_args(), ['-i', '--cmdline-file=' + path], stdin_data='')
        check(rc == 0, 'rc=%d\n%s' % (rc, out))
        has(out, 'CLI commands to be read from ' + path,
            'Port 0 is attached. Now total ports is 1',
            'Port 1 is attached. Now total ports is 2',
            'Port 1 is closed', 'Device is detached', 'Now total ports is 1',
            'Port 1 is attached. Now total ports is 2', 'Command not found', 'Bye...')
        check(PROMPT not in out, 'quit in the file must end testpmd before the shell')
        # the shell runs after the file when the file does not quit
        with open(path, 'w') as f:
            f.write('port attach net_null0\n')
        rc, out = run(eal_args(), ['-i', '--cmdline-file=' + path],
                      stdin_data='show port summary all\n')
        check(rc == 0, 'rc=%d' % rc)
        has(out, 'Read CLI commands from ' + path, PROMPT + 'show port summary all',
            'Number of available ports: 1')
        rc, out = run(eal_args(), ['-i', '--cmdline-file=/nonexistent/x.cmds'], '')
        check(rc == 0, 'rc=%d' % rc)
        has(out, 'Failed to open file /nonexistent/x.cmds')
    finally:
        os.unlink(path)


def test_eof_interactive():
    s = Session('net_null0')
    try:
        rc, out = s.quit(None)
        check(rc == 0, 'rc=%d' % rc)
        has(out, 'Port 0 is closed', 'Bye...')
    finally:
        s.kill()


def test_sigterm_interactive():
    s = Session('net_null0', 'net_null1')
    try:
        s.cmd('start')
        time.sleep(0.2)
        s.p.send_signal(signal.SIGTERM)
        out = s.p.stdout.read().decode(errors='replace')
        rc = s.p.wait(timeout=TIMEOUT)
        check(rc == 0, 'rc=%d\n%s' % (rc, out))
        has(out, 'Signal 15 received, preparing to exit...', 'Telling cores to stop...',
            'Accumulated forward statistics', 'Port 1 is closed', 'Now total ports is 0',
            'Bye...')
    finally:
        s.kill()


def test_non_interactive_stdin_closed():
    rc, out = run(eal_args('net_null0', 'net_null1'), [], stdin_data='')
    check(rc == 0, 'rc=%d\n%s' % (rc, out))
    has(out, 'No commandline core given, start packet forwarding',
        'io packet forwarding - ports=2', 'Telling cores to stop...',
        'Accumulated forward statistics', 'Stopping port 0...', 'Port 1 is closed',
        'Device is detached', 'Now total ports is 0', 'Bye...')
    # stdin a pipe that stays open: only a signal ends it
    p = subprocess.Popen([TESTPMD] + eal_args('net_null0', 'net_null1') + ['--'],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    try:
        time.sleep(1.0)
        check(p.poll() is None, 'exited without a signal')
        p.send_signal(signal.SIGINT)
        out = p.communicate(timeout=TIMEOUT)[0].decode(errors='replace')
        check(p.returncode == 0, 'rc=%d' % p.returncode)
        has(out, 'Signal 2 received', 'Bye...')
        res, tot = fwd_stats(out)
        check(tot[0] > 0, 'nothing forwarded %r' % (tot,))
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


def test_non_interactive_stats_period_sigterm():
    p = subprocess.Popen([TESTPMD] + eal_args('net_ring0', 'net_ring1') +
                         ['--', '--stats-period=1', '--tx-first', '--forward-mode=io'],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    try:
        out = read_until(p, lambda o: o.count('NIC statistics for port 0') >= 2)
        check(p.poll() is None, 'exited early')
        p.send_signal(signal.SIGTERM)
        out += p.communicate(timeout=TIMEOUT)[0].decode(errors='replace')
        check(p.returncode == 0, 'rc=%d' % p.returncode)
        check(out.count('NIC statistics for port 0') >= 2, 'periodic stats missing:\n' + out)
        has(out, 'Signal 15 received, preparing to exit...', 'Now total ports is 0', 'Bye...')
        res, tot = fwd_stats(out)
        check(tot[2] - tot[0] == 2 * 32, 'tx_first in flight: %r' % (tot,))
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


def test_auto_start():
    rc, out = run(eal_args('net_null0', 'net_null1'), ['-i', '-a'], 'stop\n')
    check(rc == 0, 'rc=%d' % rc)
    has(out, 'Auto-start selected', PROMPT + 'stop\nTelling cores to stop...')


def test_nb_ports_and_burst_options():
    rc, out = run(eal_args('net_null0', 'net_null1', 'net_null2'),
                  ['-i', '--nb-ports=1', '--burst=16', '--forward-mode=macswap',
                   '--port-topology=loop', '--rxq=2', '--txq=2'], 'show config fwd\n'
                  'show config rxtx\n')
    check(rc == 0, 'rc=%d' % rc)
    has(out, 'macswap packet forwarding - ports=1 - cores=1 - streams=2',
        'RX P=0/Q=1 (socket 0) -> TX P=0/Q=1', 'macswap packet forwarding packets/burst=16')


def test_flush_rx_at_start():
    # packets left in the rings by one run are drained by the next start, unless
    # --no-flush-rx: then the next run receives exactly them
    for app, expect in (([], 0), (['--no-flush-rx'], 2 * 32)):
        s = Session('net_ring0', 'net_ring1', app=app)
        try:
            s.cmd('start tx_first')
            time.sleep(0.2)
            left = fwd_stats(s.cmd('stop'))[1]
            check(left[2] - left[0] == 2 * 32, 'in flight after io run %r' % (left,))
            s.cmd('set fwd rxonly')
            s.cmd('start')
            end = time.time() + (TIMEOUT if expect else 0.3)
            while time.time() < end and fwd_stats(s.cmd('show fwd stats all'))[1][0] < expect:
                time.sleep(0.1)
            time.sleep(0.1)
            tot = fwd_stats(s.cmd('stop'))[1]
            check(tot[0] == expect and tot[2] == 0, '%s: rxonly got %r' % (app, tot))
            check(s.quit()[0] == 0, 'exit code')
        finally:
            s.kill()


def test_device_with_two_ports():
    s = Session('net_null0')
    try:
        out = s.cmd('port attach net_ring5,nodeaction=ra:0:CREATE,nodeaction=rb:0:CREATE')
        check(out == 'Attaching a new port...\nPort 1 is attached. Now total ports is 2\n'
              'Port 2 is attached. Now total ports is 3\nDone\n', out)
        s.cmd('port start 2')
        check(s.cmd('port detach 1') == 'Port 2 not stopped\n', 'sibling must be stopped')
        check(sorted(summary_ports(s.cmd('show port summary all'))) == [0, 1, 2], 'ports')
        s.cmd('port stop 2')
        out = s.cmd('port detach 1')
        check(out == 'Port was not closed\nRemoving a device...\nPort 1 is closed\n'
              'Port 2 is closed\nDevice is detached\nNow total ports is 1\nDone\n', out)
        check(sorted(summary_ports(s.cmd('show port summary all'))) == [0], 'ports')
        has(s.cmd('port detach 2'), 'Invalid port_id=2')
        check(s.quit()[0] == 0, 'exit code')
    finally:
        s.kill()


def test_hot_plug_device_events():
    pci = '/sys/bus/pci/devices'
    devs = sorted(os.listdir(pci)) if os.path.isdir(pci) else []
    if not devs or not os.access(os.path.join(pci, devs[0], 'uevent'), os.W_OK):
        raise Skip('needs a PCI device whose uevent file is writable (root) to replay an event')
    s = Session('net_null0', app=['--hot-plug'])
    try:
        if 'Device event monitoring started' not in s.startup:
            raise Skip('kernel uevents cannot be monitored here: ' +
                       s.startup.strip().splitlines()[-1])
        # replay an "add" event of an existing device: testpmd reports it, attaches nothing
        with open(os.path.join(pci, devs[0], 'uevent'), 'w') as f:
            f.write('add')
        out = read_until(s.p, lambda o: 'has been added' in o, timeout=10)
        has(out, 'The device: %s has been added!' % devs[0])
        check(sorted(summary_ports(s.cmd('show port summary all'))) == [0], 'ports changed')
        rc, out = s.quit()
        check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


def test_single_lcore():
    rc, out = run(eal_args('net_null0', lcores='0'), ['-i'], 'start\n')
    check(rc == 0, 'rc=%d' % rc)
    has(out, 'No worker lcore to forward on')


def test_terminal_editing_completion_history():
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(TESTPMD, [TESTPMD] + eal_args('net_null0') + ['--', '-i'])

    def read_for(seconds, until=None):
        out, end = '', time.time() + seconds
        while time.time() < end and (until is None or until not in out):
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                try:
                    out += os.read(fd, 65536).decode(errors='replace')
                except OSError:
                    break
        return out

    try:
        check(PROMPT in read_for(TIMEOUT, PROMPT), 'no prompt on the terminal')
        os.write(fd, b'sh\t')
        check('ow ' in read_for(1.5, 'ow '), 'tab did not complete "show"')
        os.write(fd, b'port su\t all\r')
        out = read_for(5, 'Number of available ports')
        has(out, 'Number of available ports: 1')
        read_for(1, PROMPT)
        os.write(fd, b'port \t\t')
        out = read_for(1.5, 'detach')
        has(out, 'attach', 'detach', 'start')
        os.write(fd, b'\x15')          # kill the line
        read_for(0.3)
        os.write(fd, b'\x1b[A\r')      # history: the previous command again
        has(read_for(5, 'Number of available ports'), 'Number of available ports: 1')
        os.kill(pid, signal.SIGTERM)
        out = read_for(TIMEOUT, 'Bye...')
        has(out, 'Signal 15 received', 'Bye...')
        _, status = os.waitpid(pid, 0)
        check(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, 'status %d' % status)
        pid = 0
    finally:
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)



def test_bonding_commands():
    if 'create bonded device' not in run(eal_args(), ['-i'], 'help ports\nquit\n')[1]:
        raise Skip('built without the bonding driver')
    s = Session('net_ring0', 'net_ring1')
    try:
        out = s.cmd('create bonded device 0 0')
        check(out == 'Created new bonded device net_bonding_testpmd_0 on (port 2).\n',
              'create output:\n' + out)
        check(s.cmd('add bonding slave 0 2') == '', 'add 0')
        check(s.cmd('add bonding slave 1 2') == '', 'add 1')
        has(s.cmd('add bonding slave 1 2'), 'Failed to add slave 1 to master port = 2.')
        has(s.cmd('add bonding slave 2 2'), 'Failed to add slave 2 to master port = 2.')
        has(s.cmd('create bonded device 7 0'), 'Failed to create bonded device')
        has(s.cmd('set bonding mode 7 2'), 'Failed to set bonding mode for port = 2.')
        # the members are the bond's: testpmd shows and forwards the bond only
        ports = summary_ports(s.cmd('show port summary all'))
        check(sorted(ports) == [2] and ports[2][1] == 'net_bonding', 'ports %r' % ports)
        has(s.cmd('port start 2'), 'Configuring Port 2', 'Done')
        has(s.cmd('show bonding config 2'), 'Bonding mode: 0', 'Slaves (2): [0 1]',
            'Active Slaves (2): [0 1]', 'Primary: [0]')
        # round-robin over two loopback rings: the burst comes back whole
        s.cmd('set fwd rxonly')
        s.cmd('start tx_first 1')
        end = time.time() + TIMEOUT
        while time.time() < end and nic_stats(s.cmd('show port stats 2'))[1] < 32:
            time.sleep(0.1)
        res, tot = fwd_stats(s.cmd('stop'))
        check(res == {2: (32, 0, 32, 0)}, 'bond forward stats %r' % res)
        check(s.cmd('set bonding primary 1 2') == '', 'primary')
        # a started bond takes its new mode at its next start
        s.cmd('set bonding mode 1 2')
        has(s.cmd('show bonding config 2'), 'Bonding mode: 1', 'Primary: [1]')
        check(s.cmd('remove bonding slave 0 2') == '', 'remove')
        has(s.cmd('remove bonding slave 0 2'), 'Failed to remove slave 0 from master port = 2.')
        has(s.cmd('show bonding config 2'), 'Slaves (1): [1]')
        ports = summary_ports(s.cmd('show port summary all'))
        check(sorted(ports) == [0, 2], 'ports after removal %r' % ports)
        has(s.cmd('show bonding config 0'), 'Failed to get bonding mode for port = 0')
        check(s.quit()[0] == 0, 'exit code')
    finally:
        s.kill()

TESTS = [v for k, v in sorted(globals().items()) if k.startswith('test_')]


def run_tap(tests):
    """Run the test functions in order, as TAP; 1 when one failed. Skip skips one."""
    print('1..%d' % len(tests))
    failed = 0
    for i, t in enumerate(tests, 1):
        try:
            t()
            print('ok %d - %s' % (i, t.__name__))
        except Skip as e:
            print('ok %d - %s # SKIP %s' % (i, t.__name__, e))
        except Exception as e:  # report and go on with the next test
            failed += 1
            print('not ok %d - %s' % (i, t.__name__))
            for line in (str(e) if isinstance(e, AssertionError) else
                         traceback.format_exc()).splitlines():
                print('# ' + line)
        sys.stdout.flush()
    return 1 if failed else 0


def main():
    if not os.access(TESTPMD, os.X_OK):
        print('1..0 # SKIP dpdk-testpmd not found at %s' % TESTPMD)
        return 0
    return run_tap(TESTS)


if __name__ == '__main__':
    sys.exit(main())
