#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-testpmd with net_tap ports, in a network namespace of the test's own: one port from
--vdev, one from 'port attach'; io forwarding carries frames written to the first tap
interface out of the second, checked there with raw sockets; detach removes the interface.
TAP output.

Usage: test_testpmd_tap.py <path to dpdk-testpmd>
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


def if_exists(name):
    return os.path.exists('/sys/class/net/' + name)


def make_frames(count):
    frames = []
    for i in range(count):
        size = (60, 128, 1000, 1514)[i % 4]
        hdr = bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x88, 0xb5])
        frames.append(hdr + bytes((i * 31 + j) & 0xff for j in range(size - len(hdr))))
    return frames


def raw_socket(iface):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    s.bind((iface, 0))
    s.settimeout(0.2)
    return s


def test_vdev_and_attach_forward():
    s = tp.Session('net_tap0,iface=htapt0')
    try:
        tp.has(s.startup, 'Port 0:')
        tp.check(if_exists('htapt0'), 'no interface htapt0')
        out = s.cmd('port attach net_tap1,iface=htapt1,mac=fixed')
        tp.has(out, 'Port 1 is attached. Now total ports is 2')
        tp.check(if_exists('htapt1'), 'no interface htapt1 after attach')
        tp.has(s.cmd('port start 1'), 'Done')
        s.cmd('set fwd io')
        tp.check('not started' not in s.cmd('start'), 'forwarding did not start')
        frames = make_frames(200)
        src, dst = raw_socket('htapt0'), raw_socket('htapt1')
        for f in frames:
            src.send(f)
        got = []
        end = time.time() + 10
        while time.time() < end and len(got) < len(frames):
            try:
                data = dst.recv(65535)
            except socket.timeout:
                continue
            if data[12:14] == b'\x88\xb5':
                got.append(data)
        src.close()
        dst.close()
        tp.check(sorted(got) == sorted(frames),
                 'received %d of %d frames, or different bytes' % (len(got), len(frames)))
        out = s.cmd('stop')
        stats, _ = tp.fwd_stats(out)
        tp.check(stats[0][0] >= len(frames), 'port 0 received %r' % (stats[0],))
        tp.check(stats[1][2] >= len(frames), 'port 1 sent %r' % (stats[1],))
        tp.has(s.cmd('port stop all'), 'Done')
        tp.has(s.cmd('port close 1'), 'Port 1 is closed')
        tp.has(s.cmd('port detach 1'), 'Device is detached', 'Now total ports is 1')
        tp.check(not if_exists('htapt1'), 'htapt1 is still there after detach')
        rc, _ = s.quit()
        tp.check(rc == 0, 'rc=%d' % rc)
        tp.check(not if_exists('htapt0'), 'htapt0 is still there after quit')
    finally:
        s.kill()


def test_attach_detach_tun():
    s = tp.Session()
    try:
        for _ in range(3):
            tp.has(s.cmd('port attach net_tun0,iface=htaptun0'), 'Port 0 is attached')
            flags = open('/sys/class/net/htaptun0/tun_flags').read()
            tp.check(int(flags, 16) & 1 == 1, 'not a tun interface: ' + flags)
            tp.has(s.cmd('port start 0'), 'Done')
            tp.has(s.cmd('port stop 0'), 'Done')
            tp.has(s.cmd('port close 0'), 'Port 0 is closed')
            tp.has(s.cmd('port detach 0'), 'Device is detached')
            tp.check(not if_exists('htaptun0'), 'htaptun0 is still there after detach')
        rc, _ = s.quit()
        tp.check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


def test_attach_bad_tap_arguments():
    s = tp.Session()
    try:
        for devargs, word in (('net_tap0,iface=htap0123456789abc', 'too long'),
                              ('net_tap0,mac=01:02:03', 'invalid MAC address'),
                              ('net_tap0,remote=lo', 'remote=lo is not supported'),
                              ('net_tap0,iface=lo', 'not a tap interface'),
                              ('net_tap0,bogus=1', 'bogus')):
            out = s.cmd('port attach ' + devargs)
            tp.has(out, 'Attaching a new port...', word)
            tp.check('is attached' not in out, 'attached with bad devargs: ' + out)
            tp.has(s.cmd('show port summary all'), 'Number of available ports: 0')
        rc, _ = s.quit()
        tp.check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


def test_without_cap_net_admin():
    """Without CAP_NET_ADMIN the port is refused with a line that says what is missing."""
    if shutil.which('capsh') is None:
        raise tp.Skip('capsh (libcap2-bin) is not installed')
    cmd = [tp.TESTPMD] + tp.eal_args('net_tap0,iface=htapt0') + ['--', '-i']
    p = subprocess.run(['capsh', '--drop=cap_net_admin', '--', '-c',
                        ' '.join(shlex.quote(a) for a in cmd)],
                       input=b'show port summary all\nquit\n', stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=tp.TIMEOUT)
    out = p.stdout.decode(errors='replace')
    tp.has(out, 'net_tap0: cannot create tap interface htapt0: Operation not permitted '
           '(needs root or CAP_NET_ADMIN)')
    tp.check('Port 0:' not in out, 'a port was created:\n' + out)
    tp.check(not if_exists('htapt0'), 'htapt0 was created')


TESTS = [test_vdev_and_attach_forward, test_attach_detach_tun, test_attach_bad_tap_arguments,
         test_without_cap_net_admin]


def main():
    if os.geteuid() != 0:
        print('1..0 # SKIP not root: cannot create tap interfaces')
        return 0
    if not os.path.exists('/dev/net/tun'):
        print('1..0 # SKIP /dev/net/tun is missing')
        return 0
    if shutil.which('unshare') is None:
        print('1..0 # SKIP unshare is not installed')
        return 0
    if os.environ.get('TAP_TEST_NETNS') != '1':
        # Start again in network and mount namespaces of our own, with their own /sys.
        os.environ['TAP_TEST_NETNS'] = '1'
        os.execvp('unshare', ['unshare', '-n', '-m', '--propagation', 'private', 'sh', '-c',
                              'mount -t sysfs sysfs /sys && exec "$0" "$@"',
                              sys.executable] + sys.argv)
    try:
        sh('sysctl -qw net.ipv6.conf.all.disable_ipv6=1')
        sh('sysctl -qw net.ipv6.conf.default.disable_ipv6=1')
    except subprocess.CalledProcessError:
        pass
    tp.TESTS = TESTS
    return tp.main()


if __name__ == '__main__':
    sys.exit(main())
