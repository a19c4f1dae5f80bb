#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-pmdinfo.py and buildtools/gen-pmdinfo.py on a driver built by this suite's meson.build
from pmdinfo_fake_driver.c.

Arguments: the shared object with generated PMD_INFO_STRING strings, the one with markers
only, the static archive of the objects, and the generated C file."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import taprunner  # noqa: E402

TOOL = taprunner.tool('usertools/dpdk-pmdinfo.py')
GEN = taprunner.tool('buildtools/gen-pmdinfo.py')
INFO_SO, RAW_SO, ARCHIVE, GEN_C = (os.path.abspath(p) for p in sys.argv[1:5])

EXPECTED = [
    {'name': 'net_fake_dpdk_style', 'pci_ids': [], 'kmod': '', 'params': '', 'aliases': []},
    {'name': 'net_fake_odd', 'pci_ids': [[0x1af4, 0x1041, 0x1af4, 0x0001]], 'kmod': '',
     'params': '', 'aliases': []},
    {'name': 'net_fake_pci',
     'pci_ids': [[0x8086, 0x100e, 0xffff, 0xffff], [0x8086, 0x10d3, 0x1af4, 0x1100]],
     'kmod': '* igb_uio | uio_pci_generic | vfio-pci', 'params': '', 'aliases': []},
    {'name': 'net_fake_vdev', 'pci_ids': [], 'kmod': '', 'params': 'size=<int> mode="fast|slow"',
     'aliases': ['eth_fake']},
]


class PmdinfoTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='pmdinfo-')

    def tearDown(self):
        self.tmp.cleanup()

    def run_tool(self, *args, tool=TOOL):
        return subprocess.run(['/usr/bin/python3', tool] + list(args), capture_output=True,
                              text=True, timeout=60, check=False)

    def json_of(self, *args):
        res = self.run_tool('--json', *args)
        self.assertEqual(res.returncode, 0, res.stderr)
        return sorted(json.loads(res.stdout), key=lambda d: d['name'])

    def stripped(self, path):
        out = os.path.join(self.tmp.name, 'stripped-' + os.path.basename(path))
        subprocess.run(['strip', '--strip-all', '-o', out, path], check=True)
        return out

    def assert_one_error(self, res, *words):
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        lines = res.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, res.stderr)
        for w in words:
            self.assertIn(w, lines[0])

    def test_generated_strings(self):
        self.assertEqual(self.json_of(INFO_SO), EXPECTED)

    def test_generated_strings_survive_strip(self):
        if not shutil.which('strip'):
            self.skipTest('strip (binutils) is not installed')
        self.assertEqual(self.json_of(self.stripped(INFO_SO)), EXPECTED)

    def test_markers_through_symbol_table(self):
        self.assertEqual(self.json_of(RAW_SO), EXPECTED)

    def test_markers_of_archive(self):
        self.assertEqual(self.json_of(ARCHIVE), EXPECTED)

    def test_stripped_markers_without_pci_ids(self):
        if not shutil.which('strip'):
            self.skipTest('strip (binutils) is not installed')
        res = self.run_tool('--json', self.stripped(RAW_SO))
        self.assertEqual(res.returncode, 0, res.stderr)
        warnings = res.stderr.strip().splitlines()
        self.assertEqual(len(warnings), 2, res.stderr)
        for w, drv in zip(sorted(warnings), ('net_fake_odd', 'net_fake_pci')):
            self.assertTrue(w.startswith('Warning: '), w)
            self.assertIn('PCI ids of %s not readable' % drv, w)
            self.assertIn('no symbol rte_pmd_info_pci_layout_' + drv, w)
        expected = [dict(d) for d in EXPECTED]
        for d in expected:
            if d['pci_ids']:
                d['pci_ids'] = None
        self.assertEqual(sorted(json.loads(res.stdout), key=lambda d: d['name']), expected)
        res = self.run_tool(self.stripped(RAW_SO))
        self.assertIn('Driver: net_fake_pci\n  kernel modules: * igb_uio | uio_pci_generic | '
                      'vfio-pci\n  PCI ids: not readable\n', res.stdout)

    def test_gen_needs_pci_tables(self):
        if not shutil.which('strip'):
            self.skipTest('strip (binutils) is not installed')
        out = os.path.join(self.tmp.name, 'out.c')
        res = self.run_tool(out, self.stripped(RAW_SO), tool=GEN)
        self.assertEqual(res.returncode, 1)
        self.assertIn('no symbol rte_pmd_info_pci_layout_', res.stderr)

    def test_generated_c_file(self):
        with open(GEN_C) as f:
            text = f.read()
        self.assertEqual(text.count('PMD_INFO_STRING= '), 4)
        self.assertIn(r'\"size=<int> mode=\\\"fast|slow\\\"\"', text)

    def test_text_output(self):
        ids = os.path.join(self.tmp.name, 'pci.ids')
        with open(ids, 'w') as f:
            f.write('8086  Intel Corporation\n\t100e  82540EM Gigabit Ethernet Controller\n')
        res = self.run_tool('--pci-ids', ids, INFO_SO)
        self.assertEqual(res.returncode, 0, res.stderr)
        out = res.stdout
        self.assertIn('Driver: net_fake_pci\n  kernel modules: * igb_uio | uio_pci_generic | '
                      'vfio-pci\n', out)
        self.assertIn('8086:100e any       Intel Corporation 82540EM Gigabit Ethernet Controller',
                      out)
        self.assertIn('8086:10d3 1af4:1100 Intel Corporation', out)
        self.assertIn('Driver: net_fake_vdev\n  aliases: eth_fake\n'
                      '  parameters: size=<int> mode="fast|slow"\n', out)
        self.assertNotIn('1234:5678', out)

    def test_plugin_folder(self):
        lib = os.path.join(self.tmp.name, 'lib')
        pmds = os.path.join(lib, 'dpdk', 'pmds-1')
        os.makedirs(pmds)
        eal = os.path.join(lib, 'librte_eal.so.1')
        shutil.copy(sys.executable, eal)  # an ELF file without drivers
        shutil.copy(INFO_SO, os.path.join(pmds, 'librte_net_fake.so.1'))
        self.assertEqual(self.json_of(eal), [])
        self.assertEqual(self.json_of('-p', eal), EXPECTED)
        self.assertEqual(self.json_of(pmds), EXPECTED)

    def test_not_elf(self):
        bad = os.path.join(self.tmp.name, 'notes.txt')
        with open(bad, 'w') as f:
            f.write('hello\n')
        self.assert_one_error(self.run_tool(bad), 'not an ELF file')
        self.assert_one_error(self.run_tool(os.path.join(self.tmp.name, 'missing.so')),
                              'cannot read', 'missing.so')

    def test_truncated_elf(self):
        bad = os.path.join(self.tmp.name, 'cut.so')
        with open(INFO_SO, 'rb') as f, open(bad, 'wb') as out:
            out.write(f.read()[:100])
        res = self.run_tool(bad)
        self.assertEqual(res.returncode, 1, res.stdout)
        self.assertIn('cut.so', res.stderr)

    def test_gen_rejects_bad_input(self):
        bad = os.path.join(self.tmp.name, 'junk.a')
        with open(bad, 'w') as f:
            f.write('!<arch>\nnot really\n')
        out = os.path.join(self.tmp.name, 'out.c')
        res = self.run_tool(out, bad, tool=GEN)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn('gen-pmdinfo', res.stderr)
        self.assertEqual(self.run_tool(tool=GEN).returncode, 2)


if __name__ == '__main__':
    taprunner.main()
