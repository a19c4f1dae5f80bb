#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-testpmd with two net_pcap ports attached at run time: io forwarding copies each
port's input capture to the other port's output capture, and the output files hold exactly
the input frames once the ports are stopped, closed and detached. TAP output.

Usage: test_testpmd_pcap.py <path to dpdk-testpmd>
"""
import os
import struct
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'testpmd'))
import test_testpmd as tp  # noqa: E402  (the shared testpmd session driver)

PCAP_MAGIC_US = 0xa1b2c3d4
PCAP_MAGIC_NS = 0xa1b23c4d


def write_pcap(path, frames):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', PCAP_MAGIC_US, 2, 4, 0, 0, 65535, 1))
        for i, data in enumerate(frames):
            f.write(struct.pack('<IIII', 1700000000 + i, 0, len(data), len(data)))
            f.write(data)


def read_pcap(path):
    with open(path, 'rb') as f:
        raw = f.read()
    magic = struct.unpack_from('<I', raw, 0)[0]
    tp.check(magic in (PCAP_MAGIC_US, PCAP_MAGIC_NS), '%s: not a capture file' % path)
    off, frames = 24, []
    while off + 16 <= len(raw):
        _, _, caplen, _ = struct.unpack_from('<IIII', raw, off)
        frames.append(raw[off + 16:off + 16 + caplen])
        off += 16 + caplen
    tp.check(off == len(raw), '%s: truncated record at %d' % (path, off))
    return frames


def count_frames(path):
    """Frames in a capture being written (0 while a record is half written)."""
    try:
        return len(read_pcap(path))
    except (AssertionError, OSError, struct.error):
        return 0


def make_frames(seed, count):
    frames = []
    for i in range(count):
        size = (60, 64, 128, 512, 1514, 3000)[i % 6]
        hdr = bytes([2, 0, 0, 0, 0, seed, 2, 0, 0, 0, 0, 1, 0x88, 0xb5])
        body = bytes((seed * 17 + i * 31 + j) & 0xff for j in range(size - len(hdr)))
        frames.append(hdr + body)
    return frames


def test_forward_between_two_pcap_ports():
    with tempfile.TemporaryDirectory() as d:
        in0, in1 = os.path.join(d, 'in0.pcap'), os.path.join(d, 'in1.pcap')
        out0, out1 = os.path.join(d, 'out0.pcap'), os.path.join(d, 'out1.pcap')
        f0, f1 = make_frames(1, 120), make_frames(2, 75)
        write_pcap(in0, f0)
        write_pcap(in1, f1)
        # --no-flush-rx: start must not drain the captures before forwarding them.
        s = tp.Session(app=('--no-flush-rx',))
        try:
            out = s.cmd('port attach net_pcap0,rx_pcap=%s,tx_pcap=%s' % (in0, out0))
            tp.has(out, 'Port 0 is attached. Now total ports is 1')
            out = s.cmd('port attach net_pcap1,rx_pcap=%s,tx_pcap=%s' % (in1, out1))
            tp.has(out, 'Port 1 is attached. Now total ports is 2')
            tp.has(s.cmd('port start all'), 'Done')
            s.cmd('set fwd io')
            tp.check('not started' not in s.cmd('start'), 'forwarding did not start')
            end = time.time() + 10
            while time.time() < end and not (count_frames(out1) >= len(f0) and
                                             count_frames(out0) >= len(f1)):
                time.sleep(0.1)
            out = s.cmd('stop')
            stats, totals = tp.fwd_stats(out)
            tp.check(totals[0] == len(f0) + len(f1), 'forwarded %r' % (totals,))
            tp.has(s.cmd('port stop all'), 'Done')
            tp.has(s.cmd('port close all'), 'Port 0 is closed', 'Port 1 is closed')
            tp.has(s.cmd('port detach 0'), 'Device is detached')
            tp.has(s.cmd('port detach 1'), 'Device is detached', 'Now total ports is 0')
            rc, _ = s.quit()
            tp.check(rc == 0, 'rc=%d' % rc)
        finally:
            s.kill()
        # paired topology: what port 0 received went out of port 1, and the other way round
        tp.check(read_pcap(out1) == f0, 'out1.pcap differs from in0.pcap')
        tp.check(read_pcap(out0) == f1, 'out0.pcap differs from in1.pcap')


def test_attach_bad_pcap_arguments():
    s = tp.Session()
    try:
        for devargs, word in (('net_pcap0,rx_pcap=/nonexistent.pcap', 'rx_pcap'),
                              ('net_pcap0,tx_pcap=/nonexistent-dir/x.pcap', 'tx_pcap'),
                              ('net_pcap0,rx_iface=nosuchif0', 'rx_iface'),
                              ('net_pcap0,bogus=1', 'bogus'),
                              ('net_pcap0,rx_pcap=', 'rx_pcap')):
            out = s.cmd('port attach ' + devargs)
            tp.has(out, 'Attaching a new port...', word)
            tp.check('is attached' not in out, 'attached with bad devargs: ' + out)
            tp.has(s.cmd('show port summary all'), 'Number of available ports: 0')
        rc, _ = s.quit()
        tp.check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


TESTS = [test_forward_between_two_pcap_ports, test_attach_bad_pcap_arguments]

if __name__ == '__main__':
    tp.TESTS = TESTS
    sys.exit(tp.main())
