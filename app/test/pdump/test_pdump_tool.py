#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-pdump run beside dpdk-testpmd (the primary): the pcap files it writes are read back
with Python's own reader and compared with what testpmd received and sent. TAP output.

Usage: test_pdump_tool.py <path to dpdk-testpmd> <path to dpdk-pdump> [pcap]
(pcap: the tree has net_pcap, whose ports replay a capture once)
"""
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'testpmd'))
import test_testpmd as tpmd  # noqa: E402  (Session, Skip, check, has, run_tap)

PDUMP = sys.argv[2] if len(sys.argv) > 2 else 'dpdk-pdump'
TIMEOUT = 60
STATS_RE = re.compile(r'##### PDUMP DEBUG STATS #####\n -packets dequeued:\t\t\t(\d+)\n'
                      r' -packets transmitted to vdev:\t\t(\d+)\n -packets freed:\t\t\t(\d+)\n')


def read_pcap(path):
    """Frames of a classic pcap file (little endian; micro- or nanosecond timestamps)."""
    with open(path, 'rb') as f:
        raw = f.read()
    tpmd.check(len(raw) >= 24, '%s: %d bytes, no pcap header' % (path, len(raw)))
    magic, major, minor, _, _, snaplen, linktype = struct.unpack_from('<IHHiIII', raw, 0)
    tpmd.check(magic in (0xa1b2c3d4, 0xa1b23c4d) and (major, minor) == (2, 4) and linktype == 1,
               '%s: not a classic Ethernet pcap (%x %d.%d %d)' % (path, magic, major, minor,
                                                                  linktype))
    off, frames = 24, []
    while off + 16 <= len(raw):
        _, _, caplen, length = struct.unpack_from('<IIII', raw, off)
        tpmd.check(caplen == length, 'frame cut: %d of %d bytes' % (caplen, length))
        frames.append(raw[off + 16:off + 16 + caplen])
        off += 16 + caplen
    tpmd.check(off == len(raw), '%s: %d trailing bytes' % (path, len(raw) - off))
    return frames


def write_pcap(path, frames):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, data in enumerate(frames):
            f.write(struct.pack('<IIII', 1700000000 + i, 0, len(data), len(data)))
            f.write(data)


def make_frames(n, tag):
    frames = []
    for i in range(n):
        size = (60, 64, 128, 512, 1000, 1514)[i % 6]
        hdr = bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x88, 0xb5, tag])
        frames.append(hdr + bytes((i * 31 + j) & 0xff for j in range(size - len(hdr))))
    return frames


def start_pdump(prefix, *pdumps):
    """dpdk-pdump running, its captures enabled (it printed its tuples)."""
    cmd = [PDUMP, '--file-prefix=' + prefix, '--', '--server-socket-path=/nonexistent']
    for p in pdumps:
        cmd += ['--pdump', p]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen = b''
    while seen.count(b' - port ') < len(pdumps):
        line = p.stdout.readline()
        if not line:
            err = p.communicate(timeout=TIMEOUT)[1]
            raise AssertionError('dpdk-pdump ended before capturing (rc %s):\n%s%s' %
                                 (p.returncode, seen.decode(), err.decode()))
        seen += line
    tpmd.has(seen.decode(), 'capture for (%d) tuples' % len(pdumps))
    return p, seen


def stop_pdump(p, seen):
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=TIMEOUT)
    out, err = (seen + out).decode(), err.decode()
    tpmd.check(p.returncode == 0, 'dpdk-pdump exit code %d:\n%s%s' % (p.returncode, out, err))
    # the deprecated option: one warning, nothing else on stderr
    tpmd.check(err.strip().splitlines() == [
        'dpdk-pdump: warning: --server-socket-path and --client-socket-path are deprecated '
        'and ignored'], 'stderr:\n' + err)
    return [tuple(int(x) for x in m) for m in STATS_RE.findall(out)], out


class Replay:
    """testpmd forwarding (io) between two net_pcap ports: port 0 replays `frames` once,
    port 1 nothing; what each sends goes to out0.pcap / out1.pcap."""

    def __init__(self, d, frames):
        if 'pcap' not in sys.argv[3:]:
            raise tpmd.Skip('the tree was built without net_pcap (libpcap-dev)')
        self.d = d
        inp, empty = os.path.join(d, 'in.pcap'), os.path.join(d, 'empty.pcap')
        write_pcap(inp, frames)
        write_pcap(empty, [])
        self.out0, self.out1 = os.path.join(d, 'out0.pcap'), os.path.join(d, 'out1.pcap')
        # --no-flush-rx: testpmd would otherwise drain the replay when forwarding starts
        self.s = tpmd.Session('net_pcap0,rx_pcap=%s,tx_pcap=%s' % (inp, self.out0),
                              'net_pcap1,rx_pcap=%s,tx_pcap=%s' % (empty, self.out1),
                              app=['--no-flush-rx'])
        self.prefix = 'tpmd%d_%d' % (os.getpid(), tpmd._seq[0])
        self.s.cmd('set fwd io')

    def forward(self, n):
        """Start forwarding and wait for port 1 to have sent n packets; testpmd's stats."""
        self.s.cmd('start')
        end = time.time() + TIMEOUT
        while True:
            st = self.port_stats()
            if st[1][1] >= n or time.time() > end:
                break
            time.sleep(0.2)
        self.s.cmd('stop')
        return st

    def port_stats(self):
        """{port: (RX-packets, TX-packets)}"""
        out = self.s.cmd('show port stats all')
        rx = [int(x) for x in re.findall(r'RX-packets:\s+(\d+)', out)]
        tx = [int(x) for x in re.findall(r'TX-packets:\s+(\d+)', out)]
        tpmd.check(len(rx) == 2 and len(tx) == 2, 'port stats:\n' + out)
        return {0: (rx[0], tx[0]), 1: (rx[1], tx[1])}

    def close(self):
        try:
            if self.s.p.poll() is None:
                rc, out = self.s.quit()
                tpmd.check(rc == 0, 'testpmd exit code %d:\n%s' % (rc, out))
        finally:
            self.s.kill()


def test_rx_and_tx_files():
    """Port 0 receives the replay, port 1 sends it: the rx file of port 0 and the tx file of
    port 1 hold every frame byte for byte, as many as testpmd counted."""
    frames = make_frames(300, 1)
    with tempfile.TemporaryDirectory() as d:
        r = Replay(d, frames)
        p = None
        try:
            rx0, tx0 = os.path.join(d, 'rx0.pcap'), os.path.join(d, 'tx0.pcap')
            tx1 = os.path.join(d, 'tx1.pcap')
            p, seen = start_pdump(r.prefix, 'port=0,queue=*,rx-dev=%s,tx-dev=%s' % (rx0, tx0),
                                  'device_id=net_pcap1,queue=0,tx-dev=%s,ring-size=1024,'
                                  'mbuf-size=2176,total-num-mbufs=4096' % tx1)
            st = r.forward(len(frames))
            stats, out = stop_pdump(p, seen)
            p = None
        finally:
            if p is not None:
                p.kill()
                p.wait()
            r.close()
        tpmd.check(st == {0: (300, 0), 1: (0, 300)}, 'testpmd port stats: %s' % st)
        tpmd.check(read_pcap(r.out1) == frames, 'testpmd did not forward the 300 frames')
        got = read_pcap(rx0)
        tpmd.check(got == frames, 'rx file of port 0: %d frames, %d differ' %
                   (len(got), sum(a != b for a, b in zip(got, frames))))
        tpmd.check(read_pcap(tx0) == [], 'port 0 sent nothing, its tx file has frames')
        got = read_pcap(tx1)
        tpmd.check(got == frames, 'tx file of port 1: %d frames, %d differ' %
                   (len(got), sum(a != b for a, b in zip(got, frames))))
        tpmd.check(stats == [(300, 300, 0), (300, 300, 0)], 'exit statistics %s:\n%s' %
                   (stats, out))


def test_rx_tx_same_file_both_directions():
    """rx-dev == tx-dev: one file gets what port 0 received (the replay) and what it sent
    (the same frames, io forwarding on a single port sends each back out of it)."""
    frames = make_frames(60, 3)
    with tempfile.TemporaryDirectory() as d:
        inp = os.path.join(d, 'in.pcap')
        write_pcap(inp, frames)
        if 'pcap' not in sys.argv[3:]:
            raise tpmd.Skip('the tree was built without net_pcap (libpcap-dev)')
        out = os.path.join(d, 'out.pcap')
        # one port, io forwarding to itself: every frame received is sent back out of it
        s = tpmd.Session('net_pcap0,rx_pcap=%s,tx_pcap=%s' % (inp, out), app=['--no-flush-rx'])
        prefix = 'tpmd%d_%d' % (os.getpid(), tpmd._seq[0])
        p = None
        try:
            s.cmd('set fwd io')
            both = os.path.join(d, 'both.pcap')
            p, seen = start_pdump(prefix, 'port=0,queue=*,rx-dev=%s,tx-dev=%s' % (both, both))
            s.cmd('start')
            end = time.time() + TIMEOUT
            while time.time() < end:
                if re.search(r'TX-packets:\s+60\b', s.cmd('show port stats 0')):
                    break
                time.sleep(0.2)
            s.cmd('stop')
            stats, log = stop_pdump(p, seen)
            p = None
            rc, _ = s.quit()
            tpmd.check(rc == 0, 'testpmd exit code %d' % rc)
        finally:
            if p is not None:
                p.kill()
                p.wait()
            s.kill()
        got = read_pcap(both)
        tpmd.check(len(got) == 120, 'one file of both directions: %d frames, not 120' % len(got))
        # each frame twice (received, then sent), in the order the primary saw them
        tpmd.check(sorted(got) == sorted(frames + frames), 'frames differ from the replay')
        tpmd.check(got[0] == frames[0], 'first frame is not the first received')
        tpmd.check(stats == [(120, 120, 0)], 'exit statistics %s:\n%s' % (stats, log))


def test_rx_dev_interface():
    """rx-dev naming a network interface: the received packets are sent out of it (one end of
    a veth pair, read at the other end with a packet socket), tx-dev a file still."""
    frames = make_frames(60, 4)
    a, b = 'pdp%da' % os.getpid(), 'pdp%db' % os.getpid()
    r = subprocess.run(['ip', 'link', 'add', a, 'type', 'veth', 'peer', 'name', b],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        raise tpmd.Skip('no veth pair: %s' % r.stdout.decode(errors='replace').strip())
    sock = None
    try:
        for dev in (a, b):
            subprocess.run(['ip', 'link', 'set', dev, 'up'], check=True)
        sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x88b5))
        sock.bind((b, 0))
        sock.settimeout(0.5)
        with tempfile.TemporaryDirectory() as d:
            inp, out = os.path.join(d, 'in.pcap'), os.path.join(d, 'out.pcap')
            write_pcap(inp, frames)
            if 'pcap' not in sys.argv[3:]:
                raise tpmd.Skip('the tree was built without net_pcap (libpcap-dev)')
            s = tpmd.Session('net_pcap0,rx_pcap=%s,tx_pcap=%s' % (inp, out),
                             app=['--no-flush-rx'])
            prefix = 'tpmd%d_%d' % (os.getpid(), tpmd._seq[0])
            p = None
            try:
                s.cmd('set fwd io')
                tx = os.path.join(d, 'tx.pcap')
                p, seen = start_pdump(prefix, 'port=0,queue=*,rx-dev=%s,tx-dev=%s' % (a, tx))
                s.cmd('start')
                got, end = [], time.time() + TIMEOUT
                while len(got) < len(frames) and time.time() < end:
                    try:
                        got.append(sock.recv(65536))
                    except socket.timeout:
                        pass
                s.cmd('stop')
                stats, log = stop_pdump(p, seen)
                p = None
                rc, _ = s.quit()
                tpmd.check(rc == 0, 'testpmd exit code %d' % rc)
            finally:
                if p is not None:
                    p.kill()
                    p.wait()
                s.kill()
            tpmd.check(got == frames, 'interface %s got %d frames, %d differ' %
                       (b, len(got), sum(x != y for x, y in zip(got, frames))))
            tpmd.check(read_pcap(tx) == frames, 'tx file differs from the replay')
            tpmd.check(stats == [(120, 120, 0)], 'exit statistics %s:\n%s' % (stats, log))
    finally:
        if sock is not None:
            sock.close()
        subprocess.run(['ip', 'link', 'del', a], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)


def pdump(*args, prefix):
    p = subprocess.run([PDUMP, '--file-prefix=' + prefix, '--'] + list(args),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    return p.returncode, p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace')


def test_refusals():
    s = tpmd.Session('net_null0', 'net_null1')
    prefix = 'tpmd%d_%d' % (os.getpid(), tpmd._seq[0])
    try:
        with tempfile.TemporaryDirectory() as d:
            f = os.path.join(d, 'cap.pcap')
            cases = [
                ([], 'no --pdump option'),
                (['--pdump', 'port=0,queue=*,rx-dev=%s,color=red' % f], "unknown key 'color'"),
                (['--pdump', 'port=0,device_id=net_null0,queue=*,rx-dev=' + f],
                 'either port or device_id'),
                (['--pdump', 'queue=*,rx-dev=' + f], 'either port or device_id'),
                (['--pdump', 'port=0,queue=x,rx-dev=' + f], "invalid queue 'x'"),
                (['--pdump', 'port=0,rx-dev=' + f], 'must have queue'),
                (['--pdump', 'port=0,queue=*'], 'must have rx-dev or tx-dev'),
                (['--pdump', 'port=0,queue=*,rx-dev=%s,ring-size=1000' % f],
                 "ring-size '1000' is not a power of 2"),
                (['--pdump', 'port=0,queue=*,rx-dev=%s,mbuf-size=70000' % f],
                 "invalid mbuf-size '70000'"),
                (['--pdump', 'port=0,queue=*,rx-dev=%s,total-num-mbufs=10' % f],
                 "invalid total-num-mbufs '10'"),
                (['--pdump', 'port=99999,queue=*,rx-dev=' + f], "invalid port '99999'"),
                (['--pdump', 'port=7,queue=*,rx-dev=' + f], 'no port 7 in the primary'),
                (['--pdump', 'device_id=net_bogus0,queue=*,rx-dev=' + f],
                 "no device 'net_bogus0' in the primary"),
                (['--pdump', 'port=0,queue=*,rx-dev=' + f] * 17, 'at most 16 --pdump'),
            ]
            for args, line in cases:
                rc, out, err = pdump(*args, prefix=prefix)
                tpmd.check(rc != 0, '%s: exit code 0' % args)
                tpmd.check(len(err.strip().splitlines()) == 1 and line in err,
                           '%s: stderr is not the one line "%s":\n%s' % (args, line, err))
                tpmd.check(out == '', '%s: printed on stdout:\n%s' % (args, out))
                tpmd.check(os.listdir(d) == [], '%s: created %s' % (args, os.listdir(d)))
        # the primary still serves a capture
        tpmd.has(s.cmd('show port summary all'), 'net_null0', 'net_null1')
        rc, out = s.quit()
        tpmd.check(rc == 0, out)
    finally:
        s.kill()


def test_help():
    p = subprocess.run([PDUMP, '--', '--help'], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=TIMEOUT)
    tpmd.check(p.returncode == 0, 'exit code %d' % p.returncode)
    tpmd.has(p.stdout.decode(), "--pdump '(port=<port id> | device_id=<pci id or vdev name>)",
             'ring-size=<ring size>default:16384', 'total-num-mbufs=<number of mbufs>default:65535')


def test_no_primary():
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, 'cap.pcap')
        t0 = time.time()
        rc, out, err = pdump('--pdump', 'port=0,queue=*,rx-dev=' + f,
                             prefix='no_such_primary_%d' % os.getpid())
        took = time.time() - t0
        tpmd.check(rc != 0, 'exit code 0 without a primary')
        tpmd.check(took < 10, 'took %.1fs' % took)
        lines = (out + err).strip().splitlines()
        tpmd.check(len(lines) == 1 and 'no primary process is running' in lines[0],
                   'not one clear line:\n' + out + err)
        tpmd.check(os.listdir(d) == [], 'created %s' % os.listdir(d))


TESTS = [test_rx_and_tx_files, test_rx_tx_same_file_both_directions, test_rx_dev_interface,
         test_refusals, test_help, test_no_primary]


def main():
    skip = None
    if os.geteuid() != 0:
        skip = 'needs root'
    elif not (os.access(tpmd.TESTPMD, os.X_OK) and os.access(PDUMP, os.X_OK)):
        skip = 'dpdk-testpmd or dpdk-pdump not built'
    if skip:
        print('1..0 # SKIP ' + skip)
        return 0
    return tpmd.run_tap(TESTS)


if __name__ == '__main__':
    sys.exit(main())
