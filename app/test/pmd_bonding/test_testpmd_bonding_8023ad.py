#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""Two dpdk-testpmd, each with a mode 4 bond over two net_af_packet members, facing each
other over two veth pairs (lx0 <-> rx0, lx1 <-> rx1) in a network namespace of the test's own.
Both bonds must reach DISTRIBUTING on both members (show bonding lacp info); when one pair
loses its link, both bonds go on distributing on the other member. TAP output; skipped when
not root.

Usage: test_testpmd_bonding_8023ad.py <path to dpdk-testpmd>
"""
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'testpmd'))
import test_testpmd as tp  # noqa: E402  (the shared testpmd session driver)

# Upper bounds only: each wait ends as soon as its state is reached. Sanitizer builds on a
# loaded machine run the bond's LACP tick late, so the bounds are generous.
LACP_TIMEOUT = 60


def sh(cmd):
    subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def side(prefix):
    """A testpmd whose port 2 is a mode 4 bond of af_packet ports 0 and 1 on prefix0/1."""
    key = 'slave' if prefix == 'lx' else 'member'
    vdevs = ['net_af_packet%s0,iface=%s0,qpairs=2' % (prefix, prefix),
             'net_af_packet%s1,iface=%s1,qpairs=2' % (prefix, prefix),
             # one side names its members as later DPDK releases do
             'net_bonding%s,mode=4,%s=net_af_packet%s0,%s=net_af_packet%s1' %
             (prefix, key, prefix, key, prefix)]
    # two rx queues: each af_packet queue pair is a fanout socket the kernel may feed
    return tp.Session(*vdevs, app=['--rxq=2', '--txq=1'])


def lacp_members(out):
    """{member port: (selection, actor state words, partner state words)}."""
    res = {}
    for block in out.split('Slave Port: ')[1:]:
        port = int(block.split('\n', 1)[0])
        sel = re.search(r'selection: (\w+)', block).group(1)
        states = re.findall(r'port state:([^\n]*)', block)
        res[port] = (sel, states[0].split(), states[1].split())
    return res


def distributing(s, bond=2):
    m = lacp_members(s.cmd('show bonding lacp info %d' % bond))
    return m, bool(m) and all('DISTRIBUTING' in a and 'DISTRIBUTING' in p
                              for _, a, p in m.values())


def wait_for(what, timeout=LACP_TIMEOUT, step=0.5):
    """Poll what() until it returns something true or timeout seconds pass; its last value."""
    end = time.time() + timeout
    while True:
        v = what()
        if v or time.time() > end:
            return v
        time.sleep(step)


def one_active(s):
    return 'Active Slaves (1): [1]' in s.cmd('show bonding config 2')


def back_detached(s):
    """The member without a link is out of the collection, the other distributes."""
    m, _ = distributing(s)
    return 'DISTRIBUTING' in m[1][1] and 'DISTRIBUTING' not in m[0][1]


def test_lacp_over_veth():
    a = b = None
    try:
        a, b = side('lx'), side('rx')
        for s in (a, b):
            tp.has(s.cmd('show bonding config 2'), 'Bonding mode: 4')
            # LACPDUs leave from the bond's alarm, on a queue of their own
            tp.has(s.cmd('port stop 2'), 'Done')
            tp.check(s.cmd('set bonding lacp dedicated_queues 2 enable') == '',
                     'dedicated queues refused')
            tp.has(s.cmd('port start 2'), 'Done')
            s.cmd('set fwd io')
            tp.check('not started' not in s.cmd('start'), 'forwarding did not start')
        end = time.time() + LACP_TIMEOUT
        start = time.time()
        ok = (False, False)
        while time.time() < end and not all(ok):
            time.sleep(0.5)
            ok = (distributing(a)[1], distributing(b)[1])
        took = time.time() - start
        ma, _ = distributing(a)
        tp.check(all(ok), 'not distributing after %ds: %r %r' % (LACP_TIMEOUT, ma,
                                                                 distributing(b)[0]))
        print('# both bonds distributing on 2 members after %.1f s' % took)
        tp.check(sorted(ma) == [0, 1] and all(v[0] == 'SELECTED' for v in ma.values()),
                 'members %r' % ma)
        tp.has(a.cmd('show bonding config 2'), 'Active Slaves (2): [0 1]')
        tp.has(b.cmd('show bonding config 2'), 'Active Slaves (2): [0 1]')
        # the first veth pair goes down: both bonds go on with the second member. Each side
        # sees the carrier go on its own clock, so both are awaited.
        sh('ip link set lx0 down')
        for name, s in (('A', a), ('B', b)):
            tp.check(wait_for(lambda: one_active(s)),
                     '%s: %s' % (name, s.cmd('show bonding config 2')))
        # the member without a link is taken back to DETACHED by a later LACP tick
        for name, s in (('A', a), ('B', b)):
            tp.check(wait_for(lambda: back_detached(s), step=0.2),
                     '%s %r' % (name, distributing(s)[0]))
        for s in (a, b):
            s.cmd('stop')
            rc, _ = s.quit()
            tp.check(rc == 0, 'rc=%d' % rc)
    finally:
        for s in (a, b):
            if s is not None:
                s.kill()


TESTS = [test_lacp_over_veth]


def main():
    if os.geteuid() != 0:
        print('1..0 # SKIP not root: cannot create a network namespace')
        return 0
    if shutil.which('ip') is None or shutil.which('unshare') is None:
        print('1..0 # SKIP iproute2 or unshare is not installed')
        return 0
    if 'create bonded device' not in tp.run(tp.eal_args(), ['-i'], 'help ports\nquit\n')[1]:
        print('1..0 # SKIP dpdk-testpmd built without the bonding driver')
        return 0
    if os.environ.get('BOND_TEST_NETNS') != '1':
        # Start again inside a network namespace of our own.
        os.environ['BOND_TEST_NETNS'] = '1'
        os.execvp('unshare', ['unshare', '-n', sys.executable] + sys.argv)
    try:
        sh('sysctl -qw net.ipv6.conf.all.disable_ipv6=1')
        sh('sysctl -qw net.ipv6.conf.default.disable_ipv6=1')
        for i in (0, 1):
            sh('ip link add lx%d type veth peer name rx%d' % (i, i))
            sh('ip link set lx%d up && ip link set rx%d up' % (i, i))
    except subprocess.CalledProcessError:
        print('1..0 # SKIP cannot create veth pairs in a network namespace')
        return 0
    tp.TESTS = TESTS
    return tp.main()


if __name__ == '__main__':
    sys.exit(main())
