#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-devbind.py against a fake sysfs tree, with a fake kernel that performs the binds the
tool asks for through drivers_probe, a driver's bind file and unbind files."""

import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import taprunner  # noqa: E402

DEVBIND = taprunner.tool('usertools/dpdk-devbind.py')

PCI_IDS = """# fake pci.ids
8086  Intel Corporation
\t100e  82540EM Gigabit Ethernet Controller
\t\t8086 001e  PRO/1000 MT Desktop Adapter
1af4  Red Hat, Inc.
C 02  Network controller
"""
ALIASES = """alias pci:v00008086d0000100Esv*sd*bc*sc*i* e1000
alias pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e
"""
E1000_ALIAS = 'pci:v00008086d0000100Esv00008086sd0000001Ebc02sc00i00'


class FakeKernel:
    """Plays the kernel's part: acts on writes to drivers_probe and to bind/unbind files."""

    def __init__(self, root, refuse=(), keep=()):
        self.pci = os.path.join(root, 'bus', 'pci')
        self.refuse = set(refuse)
        self.keep = set(keep)  # drivers that ignore unbind
        self.events = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _take(self, path):
        try:
            with open(path) as f:
                text = f.read().strip()
        except OSError:
            return ''
        if text:
            open(path, 'w').close()
        return text

    def _link(self, bdf, drv):
        link = os.path.join(self.pci, 'devices', bdf, 'driver')
        if os.path.islink(link):
            os.unlink(link)
        if drv is not None:
            os.symlink(os.path.join('..', '..', 'drivers', drv), link)

    def step(self):
        with self.lock:
            drivers = sorted(os.listdir(os.path.join(self.pci, 'drivers')))
            for drv in drivers:
                bdf = self._take(os.path.join(self.pci, 'drivers', drv, 'unbind'))
                if bdf:
                    self.events.append(('unbind', drv, bdf))
                    if drv not in self.keep:
                        self._link(bdf, None)
                # bind is read before new_id: a tool writes new_id first, so a bind seen here
                # means its new_id is already in place, and the two keep the order of writing
                bdf = self._take(os.path.join(self.pci, 'drivers', drv, 'bind'))
                new_id = self._take(os.path.join(self.pci, 'drivers', drv, 'new_id'))
                if new_id:
                    self.events.append(('new_id', drv, new_id))
                if bdf:
                    self.events.append(('bind', drv, bdf))
                    if drv not in self.refuse:
                        self._link(bdf, drv)
            bdf = self._take(os.path.join(self.pci, 'drivers_probe'))
            if bdf:
                override = os.path.join(self.pci, 'devices', bdf, 'driver_override')
                with open(override) as f:
                    drv = f.read().strip()
                self.events.append(('probe', bdf, drv))
                if drv and drv not in self.refuse and drv in drivers:
                    self._link(bdf, drv)

    def _run(self):
        while not self.stop.is_set():
            self.step()
            time.sleep(0.002)

    def close(self):
        self.stop.set()
        self.thread.join()
        self.step()


class DevbindTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='devbind-')
        self.root = os.path.join(self.tmp.name, 'sys')
        self.pci = os.path.join(self.root, 'bus', 'pci')
        os.makedirs(os.path.join(self.pci, 'devices'))
        os.makedirs(os.path.join(self.pci, 'drivers'))
        open(os.path.join(self.pci, 'drivers_probe'), 'w').close()
        for drv in ('e1000', 'vfio-pci', 'uio_pci_generic', 'ahci', 'stubborn'):
            self.add_driver(drv)
        self.add_device('0000:01:00.0', '0x8086', '0x100e', '0x020000', 'e1000', ['eth1'],
                        modalias=E1000_ALIAS)
        self.add_device('0000:02:00.0', '0x8086', '0x100e', '0x020000', 'vfio-pci',
                        modalias=E1000_ALIAS)
        self.add_device('0000:03:00.0', '0x8086', '0x10d3', '0x020000', None)
        self.add_device('0000:04:00.0', '0x8086', '0x2922', '0x010601', 'ahci')
        self.pci_ids = self.write('pci.ids', PCI_IDS)
        self.aliases = self.write('modules.alias', ALIASES)
        self.routes = self.write('route', 'Iface\tDestination\tGateway\tFlags\n')
        self.kernel = FakeKernel(self.root, refuse=['stubborn'])

    def tearDown(self):
        self.kernel.close()
        self.tmp.cleanup()

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, 'w') as f:
            f.write(text)
        return path

    def add_driver(self, name):
        d = os.path.join(self.pci, 'drivers', name)
        os.makedirs(d)
        for f in ('bind', 'unbind', 'new_id'):
            open(os.path.join(d, f), 'w').close()

    def add_device(self, bdf, vendor, device, cls, drv, ifaces=(), modalias=None, override=True):
        d = os.path.join(self.pci, 'devices', bdf)
        os.makedirs(d)
        for name, val in (('vendor', vendor), ('device', device), ('class', cls)):
            with open(os.path.join(d, name), 'w') as f:
                f.write(val + '\n')
        if modalias:
            with open(os.path.join(d, 'modalias'), 'w') as f:
                f.write(modalias + '\n')
        if override:
            with open(os.path.join(d, 'driver_override'), 'w') as f:
                f.write('(null)\n')
        if drv:
            os.symlink(os.path.join('..', '..', 'drivers', drv), os.path.join(d, 'driver'))
        for i in ifaces:
            os.makedirs(os.path.join(d, 'net', i))

    def add_route(self, iface):
        with open(self.routes, 'a') as f:
            f.write('%s\t0000A8C0\t00000000\t0001\n' % iface)

    def run_tool(self, *args):
        cmd = ['/usr/bin/python3', DEVBIND, '--sysfs-root', self.root, '--pci-ids', self.pci_ids,
               '--modules-alias', self.aliases, '--route-table', self.routes] + list(args)
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=30, check=False)
        self.kernel.step()
        return res

    def driver_of(self, bdf):
        link = os.path.join(self.pci, 'devices', bdf, 'driver')
        return os.path.basename(os.readlink(link)) if os.path.islink(link) else None

    def override_of(self, bdf):
        with open(os.path.join(self.pci, 'devices', bdf, 'driver_override')) as f:
            return f.read().strip()

    def snapshot(self):
        bdfs = sorted(os.listdir(os.path.join(self.pci, 'devices')))
        return [(b, self.driver_of(b), self.override_of(b)) for b in bdfs], list(self.kernel.events)

    def assert_one_error(self, res, *words):
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        lines = res.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, res.stderr)
        self.assertTrue(lines[0].startswith('Error: '), lines[0])
        for w in words:
            self.assertIn(w, lines[0])

    def sections(self, out):
        """Output of --status as {section title: [device lines]}."""
        result, title = {}, None
        lines = out.splitlines()
        for i, line in enumerate(lines):
            if i + 1 < len(lines) and lines[i + 1].startswith('===='):
                title = line
                result[title] = []
            elif title and line and not line.startswith('====') and line != '<none>':
                result[title].append(line)
        return result

    def test_status_groups_devices(self):
        res = self.run_tool('--status')
        self.assertEqual(res.returncode, 0, res.stderr)
        s = self.sections(res.stdout)
        name = "'82540EM Gigabit Ethernet Controller 100e'"
        self.assertEqual(s['Network devices using DPDK-compatible driver'],
                         ['0000:02:00.0 %s drv=vfio-pci unused=e1000,uio_pci_generic' % name])
        self.assertEqual(s['Network devices using kernel driver'],
                         ['0000:01:00.0 %s if=eth1 drv=e1000 unused=vfio-pci,uio_pci_generic'
                          % name])
        self.assertEqual(s['Other network devices'],
                         ["0000:03:00.0 'Device 10d3' unused=vfio-pci,uio_pci_generic"])
        self.assertNotIn('0000:04:00.0', res.stdout)

    def test_status_dev_net_marks_active(self):
        self.add_route('eth1')
        res = self.run_tool('--status-dev', 'net')
        self.assertEqual(res.returncode, 0, res.stderr)
        s = self.sections(res.stdout)
        self.assertTrue(s['Network devices using kernel driver'][0].endswith(' *Active*'))

    def test_status_unused_lists_only_loaded_drivers(self):
        for f in ('bind', 'unbind', 'new_id'):
            os.unlink(os.path.join(self.pci, 'drivers', 'uio_pci_generic', f))
        os.rmdir(os.path.join(self.pci, 'drivers', 'uio_pci_generic'))
        res = self.run_tool('-s')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("0000:03:00.0 'Device 10d3' unused=vfio-pci\n", res.stdout)

    def test_bind_short_bdf(self):
        res = self.run_tool('-b', 'vfio-pci', '01:00.0')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(self.driver_of('0000:01:00.0'), 'vfio-pci')
        self.assertEqual(self.override_of('0000:01:00.0'), 'vfio-pci')
        self.assertEqual(self.kernel.events, [('unbind', 'e1000', '0000:01:00.0'),
                                              ('probe', '0000:01:00.0', 'vfio-pci')])
        self.assertIn('0000:01:00.0: e1000 -> vfio-pci', res.stdout)

    def test_bind_unbound_device_full_bdf(self):
        res = self.run_tool('--bind', 'uio_pci_generic', '0000:03:00.0')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(self.driver_of('0000:03:00.0'), 'uio_pci_generic')
        self.assertEqual(self.kernel.events, [('probe', '0000:03:00.0', 'uio_pci_generic')])

    def test_bind_without_driver_override_uses_new_id(self):
        self.add_device('0000:05:00.0', '0x8086', '0x100e', '0x020000', None, override=False)
        res = self.run_tool('-b', 'vfio-pci', '05:00.0')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(self.driver_of('0000:05:00.0'), 'vfio-pci')
        self.assertEqual(self.kernel.events, [('new_id', 'vfio-pci', '8086 100e'),
                                              ('bind', 'vfio-pci', '0000:05:00.0')])

    def test_bind_already_bound_changes_nothing(self):
        before = self.snapshot()
        res = self.run_tool('-b', 'vfio-pci', '02:00.0')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn('already bound to vfio-pci', res.stdout)
        self.assertEqual(self.snapshot(), before)

    def test_bind_refused_by_driver(self):
        res = self.run_tool('-b', 'stubborn', '03:00.0')
        self.assert_one_error(res, '0000:03:00.0', 'stubborn')
        self.assertIsNone(self.driver_of('0000:03:00.0'))

    def test_unbind_ignored_by_driver(self):
        self.kernel.close()
        self.kernel = FakeKernel(self.root, keep=['e1000'])
        res = self.run_tool('-b', 'vfio-pci', '01:00.0')
        self.assert_one_error(res, '0000:01:00.0', 'still bound to e1000')
        self.assertEqual(self.driver_of('0000:01:00.0'), 'e1000')
        self.assertEqual(self.kernel.events, [('unbind', 'e1000', '0000:01:00.0')])

    def test_bind_refuses_routed_interface(self):
        self.add_route('eth1')
        before = self.snapshot()
        res = self.run_tool('-b', 'vfio-pci', '01:00.0')
        self.assert_one_error(res, 'eth1', 'active route', '--force')
        self.assertEqual(self.snapshot(), before)

    def test_bind_routed_interface_with_force(self):
        self.add_route('eth1')
        res = self.run_tool('--force', '-b', 'vfio-pci', '01:00.0')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(self.driver_of('0000:01:00.0'), 'vfio-pci')

    def test_unbind(self):
        with open(os.path.join(self.pci, 'devices', '0000:02:00.0', 'driver_override'), 'w') as f:
            f.write('vfio-pci\n')
        res = self.run_tool('-u', '0000:02:00.0')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(self.kernel.events, [('unbind', 'vfio-pci', '0000:02:00.0')])
        self.assertIsNone(self.driver_of('0000:02:00.0'))
        self.assertEqual(self.override_of('0000:02:00.0'), '')

    def test_unbind_unbound_device(self):
        before = self.snapshot()
        res = self.run_tool('--unbind', '03:00.0')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn('not bound', res.stdout)
        self.assertEqual(self.snapshot(), before)

    def test_unbind_refuses_routed_interface(self):
        self.add_route('eth1')
        before = self.snapshot()
        res = self.run_tool('-u', '01:00.0', '02:00.0')
        self.assert_one_error(res, '0000:01:00.0', 'eth1')
        self.assertEqual(self.snapshot(), before)
        res = self.run_tool('-u', '--force', '01:00.0')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIsNone(self.driver_of('0000:01:00.0'))

    def test_bad_bdf(self):
        before = self.snapshot()
        for bad in ('01:00', '1:00.0', '0000:01:00.8', 'zz:00.0', '00000:01:00.0', ''):
            res = self.run_tool('-u', '02:00.0', bad)
            self.assert_one_error(res, "'%s' is not a PCI address" % bad)
        self.assertEqual(self.snapshot(), before)

    def test_missing_device(self):
        before = self.snapshot()
        res = self.run_tool('-b', 'vfio-pci', '03:00.0', '0000:09:00.0')
        self.assert_one_error(res, 'no PCI device 0000:09:00.0')
        self.assertEqual(self.snapshot(), before)

    def test_driver_not_loaded(self):
        before = self.snapshot()
        res = self.run_tool('-b', 'igb_uio', '03:00.0')
        self.assert_one_error(res, "driver 'igb_uio' is not loaded", 'modprobe igb_uio')
        self.assertEqual(self.snapshot(), before)

    def test_no_device_given(self):
        res = self.run_tool('-u')
        self.assert_one_error(res, 'no PCI address')

    def test_missing_sysfs(self):
        res = subprocess.run(['/usr/bin/python3', DEVBIND, '--sysfs-root',
                              os.path.join(self.tmp.name, 'nothing'), '--status'],
                             capture_output=True, text=True, timeout=30, check=False)
        self.assert_one_error(res, 'cannot list PCI devices')


if __name__ == '__main__':
    taprunner.main()
