#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-testpmd with net_af_packet ports on veth pairs in a network namespace of the test's
own: one port from --vdev, one from 'port attach'; io forwarding carries frames written to
one veth peer out of the other port, checked on the second peer with raw sockets. TAP output.

Usage: test_testpmd_af_packet.py <path to dpdk-testpmd>
"""
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'testpmd'))
import test_testpmd as tp  # noqa: E402  (the shared testpmd session driver)

ETH_P_ALL = 3


def sh(cmd):
    subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def make_frames(count):
    frames = []
    for i in range(count):
        size = (60, 128, 1000, 1514)[i % 4]
        hdr = bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x88, 0xb5])
        frames.append(hdr + bytes((i * 31 + j) & 0xff for j in range(size - len(hdr))))
    return frames


def raw_socket(iface):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    # Room for every frame of the test: the default buffer holds only about a hundred.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    s.bind((iface, 0))
    s.settimeout(0.2)
    return s


def test_vdev_and_attach_forward():
    # afp0 <-> afp1 and afp2 <-> afp3: testpmd owns afp0 and afp2, the test the peers.
    s = tp.Session('net_af_packet0,iface=afp0')
    try:
        tp.has(s.startup, 'Port 0:')
        out = s.cmd('port attach net_af_packet1,iface=afp2,qpairs=2')
        tp.has(out, 'Port 1 is attached. Now total ports is 2')
        tp.has(s.cmd('port start 1'), 'Done')
        s.cmd('set fwd io')
        tp.check('not started' not in s.cmd('start'), 'forwarding did not start')
        frames = make_frames(1000)
        src, dst = raw_socket('afp1'), raw_socket('afp3')
        for i, f in enumerate(frames):
            src.send(f)
            # in steps of 100, well within the 512 frames of the port's receive ring
            if i % 100 == 99:
                time.sleep(0.02)
        got = []
        end = time.time() + 10
        while time.time() < end and len(got) < len(frames):
            try:
                data = dst.recv(65535)
            except socket.timeout:
                continue
            if data[12:14] == b'\x88\xb5':
                got.append(data)
        tp.check(sorted(got) == sorted(frames),
                 'received %d of %d frames, or different bytes' % (len(got), len(frames)))
        out = s.cmd('stop')
        stats, totals = tp.fwd_stats(out)
        tp.check(stats[0][0] >= len(frames), 'port 0 received %r' % (stats[0],))
        tp.check(stats[1][2] >= len(frames), 'port 1 sent %r' % (stats[1],))
        tp.has(s.cmd('port stop all'), 'Done')
        tp.has(s.cmd('port close 1'), 'Port 1 is closed')
        tp.has(s.cmd('port detach 1'), 'Device is detached', 'Now total ports is 1')
        rc, _ = s.quit()
        tp.check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


def test_attach_bad_af_packet_arguments():
    s = tp.Session()
    try:
        for devargs, word in (('net_af_packet0,iface=afpnosuch', 'afpnosuch'),
                              ('net_af_packet0', 'iface'),
                              ('net_af_packet0,iface=afp0,qpairs=17', 'qpairs'),
                              ('net_af_packet0,iface=afp0,framesz=100', 'framesz'),
                              ('net_af_packet0,iface=afp0,bogus=1', 'bogus')):
            out = s.cmd('port attach ' + devargs)
            tp.has(out, 'Attaching a new port...', word)
            tp.check('is attached' not in out, 'attached with bad devargs: ' + out)
            tp.has(s.cmd('show port summary all'), 'Number of available ports: 0')
        rc, _ = s.quit()
        tp.check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


def test_without_cap_net_raw():
    """Without CAP_NET_RAW the port is refused with a line that says what is missing."""
    if shutil.which('capsh') is None:
        raise tp.Skip('capsh (libcap2-bin) is not installed')
    cmd = [tp.TESTPMD] + tp.eal_args('net_af_packet0,iface=afp0') + ['--', '-i']
    p = subprocess.run(['capsh', '--drop=cap_net_raw', '--', '-c',
                        ' '.join(shlex.quote(a) for a in cmd)],
                       input=b'show port summary all\nquit\n', stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=tp.TIMEOUT)
    out = p.stdout.decode(errors='replace')
    tp.has(out, 'net_af_packet0: cannot open an AF_PACKET socket: Operation not permitted '
           '(needs root or CAP_NET_RAW)')
    tp.check('Port 0:' not in out, 'a port was created:\n' + out)


TESTS = [test_vdev_and_attach_forward, test_attach_bad_af_packet_arguments,
         test_without_cap_net_raw]


def main():
    if os.geteuid() != 0:
        print('1..0 # SKIP not root: cannot create a network namespace')
        return 0
    if shutil.which('ip') is None or shutil.which('unshare') is None:
        print('1..0 # SKIP iproute2 or unshare is not installed')
        return 0
    if os.environ.get('AFP_TEST_NETNS') != '1':
        # Start again inside a network namespace of our own.
        os.environ['AFP_TEST_NETNS'] = '1'
        os.execvp('unshare', ['unshare', '-n', sys.executable] + sys.argv)
    try:
        sh('sysctl -qw net.ipv6.conf.all.disable_ipv6=1')
        sh('sysctl -qw net.ipv6.conf.default.disable_ipv6=1')
        for a, b in (('afp0', 'afp1'), ('afp2', 'afp3')):
            sh('ip link add %s type veth peer name %s' % (a, b))
            sh('ip link set %s up && ip link set %s up' % (a, b))
    except subprocess.CalledProcessError:
        print('1..0 # SKIP cannot create veth pairs in a network namespace')
        return 0
    tp.TESTS = TESTS
    return tp.main()


if __name__ == '__main__':
    sys.exit(main())
