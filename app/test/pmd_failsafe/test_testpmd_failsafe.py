#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-testpmd with net_failsafe ports: one from --vdev, one from 'port attach'; the
application sees the fail-safe ports only, forwards through them, and detaches one with its
sub-devices; devargs the fail-safe refuses leave no port and no sub-device. TAP output.

Usage: test_testpmd_failsafe.py <path to dpdk-testpmd>
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'testpmd'))
import test_testpmd as tp  # noqa: E402  (the shared testpmd session driver)


def test_vdev_and_attach_forward():
    s = tp.Session('net_failsafe0,dev(net_ring0),dev(net_null0),hotplug_poll=100')
    try:
        ports = tp.summary_ports(s.cmd('show port summary all'))
        # the sub-devices are owned by the fail-safe: not listed
        tp.check([p[0] for p in ports.values()] == ['net_failsafe0'], 'ports %r' % ports)
        fs0 = list(ports)[0]
        out = s.cmd('port attach net_failsafe1,dev(net_ring1),mac=02:00:00:00:fe:01')
        tp.has(out, 'is attached. Now total ports is 2', 'Done')
        ports = tp.summary_ports(s.cmd('show port summary all'))
        fs1 = [p for p in ports if ports[p][0] == 'net_failsafe1']
        tp.check(len(fs1) == 1 and ports[fs1[0]][1] == 'net_failsafe', 'ports %r' % ports)
        fs1 = fs1[0]
        tp.has(s.cmd('show port summary %d' % fs1), '02:00:00:00:FE:01')
        tp.has(s.cmd('port start %d' % fs1), 'Done')
        s.cmd('set fwd io')
        tp.check('not started' not in s.cmd('start tx_first'), 'forwarding did not start')
        out = s.cmd('stop')
        stats, _ = tp.fwd_stats(out)
        tp.check(stats[fs0][2] > 0 and stats[fs1][2] > 0, 'stats %r' % stats)
        tp.has(s.cmd('port stop %d' % fs1), 'Done')
        tp.has(s.cmd('port close %d' % fs1), 'Port %d is closed' % fs1)
        tp.has(s.cmd('port detach %d' % fs1), 'Device is detached', 'Now total ports is 1')
        # its sub-device went with it: the name is free again
        tp.has(s.cmd('port attach net_ring1'), 'is attached', 'Done')
        rc, _ = s.quit()
        tp.check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


def test_attach_bad_failsafe_devargs():
    s = tp.Session('net_null9')
    try:
        before = s.cmd('show port summary all')
        for devargs in ('net_failsafe1,dev(net_ring1', 'net_failsafe1,dev(net_ring1),bogus=1',
                        'net_failsafe1,dev()', 'net_failsafe1,dev(nosuchdev0)',
                        'net_failsafe1,dev(net_ring1),dev(net_ring2),dev(net_ring3)',
                        'net_failsafe1,exec(false)'):
            out = s.cmd('port attach ' + devargs)
            tp.has(out, 'Attaching a new port...', 'Failed to attach port')
            tp.check('is attached' not in out, 'attached with bad devargs: ' + out)
        tp.check(s.cmd('show port summary all') == before, 'ports changed')
        # nothing left probed behind the refused fail-safes
        tp.has(s.cmd('port attach net_ring1'), 'is attached')
        rc, _ = s.quit()
        tp.check(rc == 0, 'rc=%d' % rc)
    finally:
        s.kill()


TESTS = [test_vdev_and_attach_forward, test_attach_bad_failsafe_devargs]


def main():
    tp.TESTPMD = sys.argv[1] if len(sys.argv) > 1 else tp.TESTPMD
    tp.TESTS = TESTS
    return tp.main()


if __name__ == '__main__':
    sys.exit(main())
