#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-dumpcap run beside dpdk-testpmd (the primary, forwarding between net_null ports):
the pcapng file it writes is read back with tshark. TAP output, one line per test.

Usage: test_dumpcap.py <path to dpdk-testpmd> <path to dpdk-dumpcap> [pcap]
(pcap: the tree has net_pcap, whose ports replay a capture once: every forwarded packet is
checked byte for byte in the pcapng)
"""
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'testpmd'))
import test_testpmd as tpmd  # noqa: E402  (Session, Skip, check, has)

DUMPCAP = sys.argv[2] if len(sys.argv) > 2 else 'dpdk-dumpcap'
TSHARK = shutil.which('tshark') or '/usr/bin/tshark'
TIMEOUT = 60
STATS_RE = re.compile(r"Packets received/dropped on interface '([^']+)': (\d+)/(\d+)")


class Forwarding:
    """dpdk-testpmd forwarding (io) between two net_null ports; its file prefix."""

    def __enter__(self):
        self.s = tpmd.Session('net_null0', 'net_null1')
        self.prefix = 'tpmd%d_%d' % (os.getpid(), tpmd._seq[0])
        self.s.cmd('set fwd io')
        self.s.cmd('start tx_first')
        return self

    def __exit__(self, *exc):
        try:
            self.s.cmd('stop')
            rc, out = self.s.quit()
            tpmd.check(rc == 0, 'testpmd exit code %d:\n%s' % (rc, out))
        finally:
            self.s.kill()


def dumpcap(*args, prefix=None, timeout=TIMEOUT):
    cmd = [DUMPCAP] + (['--file-prefix=' + prefix] if prefix else []) + list(args)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    return p.returncode, p.stdout.decode(errors='replace')


def tshark_fields(path, *fields):
    cmd = [TSHARK, '-r', path, '-T', 'fields']
    for f in fields:
        cmd += ['-e', f]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=3 * TIMEOUT)
    tpmd.check(p.returncode == 0, 'tshark failed: %s' % p.stderr.decode(errors='replace'))
    return [line.split('\t') for line in p.stdout.decode().splitlines() if line]


def stats(out):
    m = STATS_RE.findall(out)
    tpmd.check(m, 'no stats line in:\n' + out)
    return {name: (int(r), int(d)) for name, r, d in m}


def test_count_read_by_tshark():
    n = 500
    with Forwarding() as f, tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'cap.pcapng')
        rc, out = dumpcap('-i', '0', '-c', str(n), '-w', path, prefix=f.prefix)
        tpmd.check(rc == 0, 'dumpcap exit code %d:\n%s' % (rc, out))
        tpmd.has(out, 'File: ' + path, "Capturing on 'net_null0'", 'Packets captured: %d' % n)
        frames = tshark_fields(path, 'frame.number', 'frame.interface_name', 'frame.len')
        tpmd.check(len(frames) == n, 'tshark reads %d packets, not %d' % (len(frames), n))
        tpmd.check(all(fr[1] == 'net_null0' and fr[2] == '64' for fr in frames),
                   'unexpected frames: %s' % frames[:3])
        recv, drop = stats(out)['net_null0']
        # the primary copies until the capture is disabled: at least what was written
        tpmd.check(recv >= n, 'received %d < captured %d' % (recv, n))
        tpmd.check(recv + drop > 0, out)


def test_after_killed_dumpcap():
    """A dumpcap killed (-9) without disabling its capture does not block the next one."""
    with Forwarding() as f, tempfile.TemporaryDirectory() as d:
        p = subprocess.Popen([DUMPCAP, '--file-prefix=' + f.prefix, '-i', '0', '-q', '-w',
                              os.path.join(d, 'killed.pcapng')],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        time.sleep(1)
        p.kill()
        p.communicate(timeout=TIMEOUT)
        path = os.path.join(d, 'cap.pcapng')
        rc, out = dumpcap('-i', '0', '-c', '100', '-w', path, prefix=f.prefix)
        tpmd.check(rc == 0, 'dumpcap exit code %d:\n%s' % (rc, out))
        tpmd.has(out, 'Packets captured: 100')
        tpmd.check(len(tshark_fields(path, 'frame.number')) == 100, 'not 100 packets')
        # testpmd logged the removal between two prompts: read it with the next command
        f.s.p.stdin.write(b'show port stats 0\n')
        f.s.p.stdin.flush()
        log = f.s._read_until_prompt()
        tpmd.has(log, 'removing the capture of exited process %d' % p.pid, 'RX-packets')


def test_two_interfaces_snaplen():
    # the ring (4096) fills with the first port's packets while the second is enabled
    with Forwarding() as f, tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'cap.pcapng')
        rc, out = dumpcap('-i', 'net_null0', '-i', '1', '-a', 'packets:20000', '-s', '40', '-q',
                          '-w', path, prefix=f.prefix)
        tpmd.check(rc == 0, 'dumpcap exit code %d:\n%s' % (rc, out))
        tpmd.check('Packets captured' not in out, '-q still reports:\n' + out)
        frames = tshark_fields(path, 'frame.interface_name', 'frame.cap_len', 'frame.len')
        tpmd.check(len(frames) == 20000, 'tshark reads %d packets' % len(frames))
        names = {fr[0] for fr in frames}
        tpmd.check(names == {'net_null0', 'net_null1'}, 'interfaces seen: %s' % names)
        tpmd.check(all(fr[1] == '40' and fr[2] == '64' for fr in frames),
                   'snap length not applied: %s' % frames[:3])


def test_duration_idle_ports():
    """Ports not forwarding: duration:1 stops after a second with an empty capture."""
    s = tpmd.Session('net_null0')
    try:
        prefix = 'tpmd%d_%d' % (os.getpid(), tpmd._seq[0])
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'cap.pcapng')
            t0 = time.time()
            rc, out = dumpcap('-a', 'duration:1', '-w', path, prefix=prefix)
            took = time.time() - t0
            tpmd.check(rc == 0, 'dumpcap exit code %d:\n%s' % (rc, out))
            tpmd.check(1 <= took < 30, 'duration:1 took %.1fs' % took)
            tpmd.has(out, "Capturing on 'net_null0'", 'Packets captured: 0')
            tpmd.check(stats(out)['net_null0'] == (0, 0), out)
            tpmd.check(tshark_fields(path, 'frame.number') == [], 'packets in idle capture')
        rc, out = s.quit()
        tpmd.check(rc == 0, out)
    finally:
        s.kill()


def test_sigint_stops():
    with Forwarding() as f, tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'cap.pcapng')
        p = subprocess.Popen([DUMPCAP, '--file-prefix=' + f.prefix, '-i', '0', '-w', path],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        time.sleep(1)
        p.send_signal(signal.SIGINT)
        out = p.communicate(timeout=TIMEOUT)[0].decode(errors='replace')
        tpmd.check(p.returncode == 0, 'dumpcap exit code %d:\n%s' % (p.returncode, out))
        m = re.search(r'Packets captured: (\d+)', out)
        tpmd.check(m, 'no count in:\n' + out)
        frames = tshark_fields(path, 'frame.number')
        tpmd.check(len(frames) == int(m.group(1)),
                   'tshark reads %d, dumpcap says %s' % (len(frames), m.group(1)))
        recv, _ = stats(out)['net_null0']
        tpmd.check(recv >= len(frames), 'received %d < captured %d' % (recv, len(frames)))


def read_classic_pcap(path):
    with open(path, 'rb') as f:
        raw = f.read()
    off, frames = 24, []
    while off + 16 <= len(raw):
        caplen = struct.unpack_from('<IIII', raw, off)[2]
        frames.append(raw[off + 16:off + 16 + caplen])
        off += 16 + caplen
    return frames


def test_every_forwarded_packet():
    """net_pcap0 replays 300 frames once; io forwarding sends them out of net_pcap1. The capture
    of port 0, enabled before forwarding starts, holds every one of them, byte for byte
    (--no-flush-rx: testpmd would otherwise drain the replay when forwarding starts)."""
    if 'pcap' not in sys.argv[3:]:
        raise tpmd.Skip('the tree was built without net_pcap (libpcap-dev)')
    frames = []
    for i in range(300):
        size = (60, 64, 128, 512, 1000, 1514)[i % 6]
        hdr = bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x88, 0xb5])
        frames.append(hdr + bytes((i * 31 + j) & 0xff for j in range(size - len(hdr))))
    with tempfile.TemporaryDirectory() as d:
        inp, empty = os.path.join(d, 'in.pcap'), os.path.join(d, 'empty.pcap')
        out0, out1 = os.path.join(d, 'out0.pcap'), os.path.join(d, 'out1.pcap')
        for path, content in ((inp, frames), (empty, [])):
            with open(path, 'wb') as f:
                f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
                for i, data in enumerate(content):
                    f.write(struct.pack('<IIII', 1700000000 + i, 0, len(data), len(data)))
                    f.write(data)
        s = tpmd.Session('net_pcap0,rx_pcap=%s,tx_pcap=%s' % (inp, out0),
                         'net_pcap1,rx_pcap=%s,tx_pcap=%s' % (empty, out1),
                         app=['--no-flush-rx'])
        prefix = 'tpmd%d_%d' % (os.getpid(), tpmd._seq[0])
        p = None
        try:
            s.cmd('set fwd io')
            cap = os.path.join(d, 'cap.pcapng')
            p = subprocess.Popen([DUMPCAP, '--file-prefix=' + prefix, '-i', '0', '-c', '300',
                                  '-w', cap], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            seen = b''
            while b'Capturing on' not in seen:
                line = p.stdout.readline()
                tpmd.check(line, 'dumpcap ended before capturing:\n%s' % seen.decode())
                seen += line
            s.cmd('start')
            out = seen + p.communicate(timeout=TIMEOUT)[0]
            out = out.decode(errors='replace')
            tpmd.check(p.returncode == 0, 'dumpcap exit code %d:\n%s' % (p.returncode, out))
            tpmd.has(out, 'Packets captured: 300')
            s.cmd('stop')
            rc, _ = s.quit()
            tpmd.check(rc == 0, 'testpmd exit code %d' % rc)
        finally:
            if p is not None and p.poll() is None:
                p.kill()
            s.kill()
        forwarded = read_classic_pcap(out1)
        tpmd.check(forwarded == frames, 'testpmd forwarded %d frames, not the 300 given'
                   % len(forwarded))
        # tshark reads the pcapng and writes the same packets as a classic capture
        conv = os.path.join(d, 'cap.pcap')
        r = subprocess.run([TSHARK, '-r', cap, '-F', 'pcap', '-w', conv],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=3 * TIMEOUT)
        tpmd.check(r.returncode == 0, 'tshark failed: %s' % r.stdout.decode(errors='replace'))
        captured = read_classic_pcap(conv)
        tpmd.check(captured == forwarded, 'captured %d frames, %d differ from the forwarded'
                   % (len(captured), sum(a != b for a, b in zip(captured, forwarded))))


def test_port_without_secondary_path():
    """net_bonding has no secondary path: dumpcap still starts, without the bond's port, and
    captures the others."""
    s = tpmd.Session('net_null0', 'net_null1', 'net_null2',
                     'net_bonding0,mode=0,slave=net_null2')
    prefix = 'tpmd%d_%d' % (os.getpid(), tpmd._seq[0])
    try:
        tpmd.has(s.cmd('show port summary all'), 'net_bonding0')
        s.cmd('set fwd io')
        s.cmd('start tx_first')
        rc, out = dumpcap('-D', prefix=prefix)
        tpmd.check(rc == 0, 'dumpcap -D exit code %d:\n%s' % (rc, out))
        # the bond's member is owned by the bond, so not listed either (as in DPDK)
        tpmd.has(out, '0. net_null0', '1. net_null1')
        listed = out.split('not visible in this one')[-1]
        tpmd.check('net_bonding0' not in listed and 'net_null2' not in listed,
                   'the bond or its member listed in:\n' + out)
        rc, out = dumpcap('-i', 'net_bonding0', '-c', '1', prefix=prefix)
        tpmd.check(rc != 0, 'a capture of the invisible bond exited 0:\n' + out)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'cap.pcapng')
            rc, out = dumpcap('-i', '1', '-c', '50', '-w', path, prefix=prefix)
            tpmd.check(rc == 0, 'dumpcap exit code %d:\n%s' % (rc, out))
            tpmd.check(len(tshark_fields(path, 'frame.number')) == 50, 'not 50 frames')
        s.cmd('stop')
        rc, _ = s.quit()
        tpmd.check(rc == 0, 'testpmd exit code %d' % rc)
    finally:
        s.kill()


def test_list_and_bad_interfaces():
    with Forwarding() as f:
        rc, out = dumpcap('-D', prefix=f.prefix)
        tpmd.check(rc == 0, out)
        tpmd.has(out, '0. net_null0', '1. net_null1')
        rc, out = dumpcap('-i', 'net_bogus0', '-c', '1', prefix=f.prefix)
        tpmd.check(rc != 0, 'bad name accepted:\n' + out)
        tpmd.has(out, "no interface named 'net_bogus0'")
        rc, out = dumpcap('-i', '7', '-c', '1', prefix=f.prefix)
        tpmd.check(rc != 0, 'bad port accepted:\n' + out)
        tpmd.has(out, 'no interface with port number 7')


def test_refusals_without_primary():
    rc, out = dumpcap('-i', '0', '-c', '1', prefix='no_such_primary_%d' % os.getpid())
    tpmd.check(rc != 0, out)
    tpmd.has(out, 'cannot attach to the primary process')
    rc, out = dumpcap('-i', '0', '-f', 'tcp port 80')
    tpmd.check(rc != 0, out)
    tpmd.has(out, 'capture filters (-f) are not supported')
    tpmd.check(len(out.strip().splitlines()) == 1, 'more than one line:\n' + out)


TESTS = [v for k, v in sorted(globals().items()) if k.startswith('test_')]


def main():
    skip = None
    if os.geteuid() != 0:
        skip = 'needs root'
    elif not os.access(TSHARK, os.X_OK):
        skip = 'tshark not installed (devtools/install-deps.sh installs it)'
    elif not (os.access(tpmd.TESTPMD, os.X_OK) and os.access(DUMPCAP, os.X_OK)):
        skip = 'dpdk-testpmd or dpdk-dumpcap not built'
    if skip:
        print('1..0 # SKIP ' + skip)
        return 0
    return tpmd.run_tap(TESTS)


if __name__ == '__main__':
    sys.exit(main())
