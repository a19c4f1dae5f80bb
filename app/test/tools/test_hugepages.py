#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""dpdk-hugepages.py against a fake /sys/kernel/mm/hugepages and per-node tree; mounting is
tried for real on a temporary folder when the test runs as root."""

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import taprunner  # noqa: E402

TOOL = taprunner.tool('usertools/dpdk-hugepages.py')
SIZES_KB = (2048, 1048576)


class HugepagesTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='hugepages-')
        self.root = os.path.join(self.tmp.name, 'sys')
        for kb in SIZES_KB:
            self.pool(None, kb, total=4 if kb == 2048 else 0, free=3 if kb == 2048 else 0)
            for node in (0, 1):
                self.pool(node, kb, total=2 if kb == 2048 else 0, free=1 if kb == 2048 else 0)

    def tearDown(self):
        self.tmp.cleanup()

    def pool_dir(self, node, kb):
        if node is None:
            return os.path.join(self.root, 'kernel', 'mm', 'hugepages', 'hugepages-%dkB' % kb)
        return os.path.join(self.root, 'devices', 'system', 'node', 'node%d' % node, 'hugepages',
                            'hugepages-%dkB' % kb)

    def pool(self, node, kb, total, free):
        d = self.pool_dir(node, kb)
        os.makedirs(d, exist_ok=True)
        for name, val in (('nr_hugepages', total), ('free_hugepages', free)):
            with open(os.path.join(d, name), 'w') as f:
                f.write('%d\n' % val)

    def nr(self, node, kb):
        with open(os.path.join(self.pool_dir(node, kb), 'nr_hugepages')) as f:
            return int(f.read())

    def all_nr(self):
        return {(n, kb): self.nr(n, kb) for kb in SIZES_KB for n in (None, 0, 1)}

    def run_tool(self, *args):
        cmd = ['/usr/bin/python3', TOOL, '--sysfs-root', self.root] + list(args)
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30, check=False)

    def assert_one_error(self, res, *words):
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        lines = res.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, res.stderr)
        self.assertTrue(lines[0].startswith('Error: '), lines[0])
        for w in words:
            self.assertIn(w, lines[0])

    def test_show(self):
        res = self.run_tool('-s')
        self.assertEqual(res.returncode, 0, res.stderr)
        rows = [line.split() for line in res.stdout.splitlines()[1:] if line.strip()]
        self.assertIn(['0', '2M', '2', '1', '4M'], rows)
        self.assertIn(['1', '2M', '2', '1', '4M'], rows)
        self.assertIn(['0', '1G', '0', '0', '0'], rows)
        self.assertEqual(len([r for r in rows if r[0] in ('0', '1')]), 4)

    def test_show_without_numa(self):
        import shutil
        shutil.rmtree(os.path.join(self.root, 'devices'))
        res = self.run_tool('--show')
        self.assertEqual(res.returncode, 0, res.stderr)
        rows = [line.split() for line in res.stdout.splitlines()[1:] if line.strip()]
        self.assertIn(['-', '2M', '4', '3', '8M'], rows)

    def test_reserve_default_size(self):
        # The tool takes the kernel's default size when the tree offers it, else the smallest
        kb = 2048
        with open('/proc/meminfo') as f:
            for line in f:
                if line.startswith('Hugepagesize:') and int(line.split()[1]) in SIZES_KB:
                    kb = int(line.split()[1])
        res = self.run_tool('-r', '2G')
        self.assertEqual(res.returncode, 0, res.stderr)
        pages = 2 * 1024 * 1024 // kb
        self.assertEqual(self.nr(None, kb), pages)
        self.assertIn('reserved %d pages of %s (2G) on all nodes'
                      % (pages, '2M' if kb == 2048 else '1G'), res.stdout)

    def test_reserve_on_node_with_pagesize(self):
        before = self.all_nr()
        res = self.run_tool('-p', '1G', '-r', '2G', '--node', '1')
        self.assertEqual(res.returncode, 0, res.stderr)
        before[(1, 1048576)] = 2
        self.assertEqual(self.all_nr(), before)

    def test_reserve_size_spellings(self):
        for text, pages in (('4096K', 2), ('2g', 1024), ('6MB', 3), ('2097152', 1)):
            res = self.run_tool('-p', '2M', '-r', text)
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertEqual(self.nr(None, 2048), pages, text)

    def test_reserve_not_multiple(self):
        before = self.all_nr()
        res = self.run_tool('-p', '1G', '-r', '1536M')
        self.assert_one_error(res, 'not a multiple of the page size 1G')
        self.assertEqual(self.all_nr(), before)

    def test_bad_sizes(self):
        before = self.all_nr()
        for bad in ('12X', 'M', '-2G', '0', '1.5G', ''):
            res = self.run_tool('--reserve=' + bad)
            self.assert_one_error(res, "'%s' is not a size" % bad)
        res = self.run_tool('-p', '4M', '-r', '8M')
        self.assert_one_error(res, 'page size 4M is not offered', '2M, 1G')
        self.assertEqual(self.all_nr(), before)

    def test_unknown_node(self):
        before = self.all_nr()
        res = self.run_tool('-r', '4M', '-n', '7')
        self.assert_one_error(res, 'NUMA node 7')
        self.assertEqual(self.all_nr(), before)

    def test_no_hugepage_support(self):
        import shutil
        shutil.rmtree(os.path.join(self.root, 'kernel'))
        res = self.run_tool('-r', '4M')
        self.assert_one_error(res, 'no hugepage sizes')

    def test_clear(self):
        res = self.run_tool('-c')
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(set(self.all_nr().values()), {0})

    def test_nothing_to_do(self):
        res = self.run_tool()
        self.assertEqual(res.returncode, 2)
        self.assertIn('nothing to do', res.stderr)

    def test_unmount_not_mounted(self):
        res = self.run_tool('-u', '-d', os.path.join(self.tmp.name, 'mnt'))
        self.assert_one_error(res, 'not mounted')

    def test_mount_and_unmount(self):
        if os.geteuid() != 0:
            self.skipTest('mounting hugetlbfs needs root')
        with open('/proc/filesystems') as f:
            if 'hugetlbfs' not in f.read():
                self.skipTest('kernel without hugetlbfs')
        mnt = os.path.join(self.tmp.name, 'mnt')
        res = self.run_tool('-m', '-p', '2M', '-d', mnt)
        self.assertEqual(res.returncode, 0, res.stderr)
        try:
            with open('/proc/mounts') as f:
                self.assertIn(' %s hugetlbfs ' % mnt, f.read())
            res = self.run_tool('-s')
            self.assertIn('hugetlbfs mounted on %s (pagesize=2M)' % mnt, res.stdout)
            res = self.run_tool('-m', '-p', '2M', '-d', mnt)
            self.assertIn('already mounted', res.stdout)
        finally:
            res = self.run_tool('-u', '-d', mnt)
        self.assertEqual(res.returncode, 0, res.stderr)
        with open('/proc/mounts') as f:
            self.assertNotIn(' %s ' % mnt, f.read())

    def test_setup(self):
        if os.geteuid() != 0:
            self.skipTest('mounting hugetlbfs needs root')
        with open('/proc/filesystems') as f:
            if 'hugetlbfs' not in f.read():
                self.skipTest('kernel without hugetlbfs')
        mnt = os.path.join(self.tmp.name, 'mnt')
        try:
            for size, pages in (('4M', 2), ('8M', 4)):
                res = self.run_tool('--setup', size, '-p', '2M', '-d', mnt)
                self.assertEqual(res.returncode, 0, res.stderr)
                expected = {k: 0 for k in self.all_nr()}
                expected[(None, 2048)] = pages
                self.assertEqual(self.all_nr(), expected)
                with open('/proc/mounts') as f:
                    self.assertEqual(f.read().count(' %s hugetlbfs ' % mnt), 1)
        finally:
            res = self.run_tool('-u', '-d', mnt)
        self.assertEqual(res.returncode, 0, res.stderr)

    def test_setup_conflicts(self):
        res = self.run_tool('--setup', '4M', '-r', '2M')
        self.assertEqual(res.returncode, 2)
        self.assertIn('--setup', res.stderr)


if __name__ == '__main__':
    taprunner.main()
