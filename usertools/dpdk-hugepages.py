#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""Show, reserve and release hugepages, and mount hugetlbfs where EAL looks for it."""

import argparse
import glob
import os
import re
import subprocess
import sys

SIZE_RE = re.compile(r'^([0-9]+)([KMGT]?)B?$', re.IGNORECASE)
UNITS = {'': 1, 'K': 1 << 10, 'M': 1 << 20, 'G': 1 << 30, 'T': 1 << 40}


class UsageError(Exception):
    """Reported in one line with exit status 1."""


def parse_size(text):
    """'512M' -> bytes. A bare number counts bytes, as the K/M/G suffixes count binary units."""
    m = SIZE_RE.match(text.strip())
    if not m or int(m.group(1)) == 0:
        raise UsageError("'%s' is not a size (expected a number with an optional K, M or G "
                         "suffix, e.g. 512M or 2G)" % text)
    return int(m.group(1)) * UNITS[m.group(2).upper()]


def fmt_size(nbytes):
    for unit in ('T', 'G', 'M', 'K'):
        if nbytes >= UNITS[unit] and nbytes % UNITS[unit] == 0:
            return '%d%s' % (nbytes // UNITS[unit], unit)
    return '%dB' % nbytes


def read_int(path):
    try:
        with open(path) as f:
            return int(f.read().strip())
    except (OSError, ValueError) as e:
        raise UsageError('cannot read %s: %s' % (path, getattr(e, 'strerror', None) or e)) from e


def write_int(path, value):
    try:
        with open(path, 'w') as f:
            f.write('%d\n' % value)
    except PermissionError as e:
        raise UsageError('cannot write %s: %s (are you root?)' % (path, e.strerror)) from e
    except OSError as e:
        raise UsageError('cannot write %d to %s: %s' % (value, path, e.strerror)) from e


class Hugepages:
    """The hugepage pools under a sysfs root: global ones and one set per NUMA node."""

    def __init__(self, root):
        self.root = root
        self.global_dir = os.path.join(root, 'kernel', 'mm', 'hugepages')
        self.node_root = os.path.join(root, 'devices', 'system', 'node')

    def sizes(self):
        """Page sizes the kernel offers, in bytes, smallest first."""
        sizes = []
        for d in glob.glob(os.path.join(self.global_dir, 'hugepages-*kB')):
            m = re.search(r'hugepages-([0-9]+)kB$', d)
            if m:
                sizes.append(int(m.group(1)) * 1024)
        return sorted(sizes)

    def nodes(self):
        nodes = []
        for d in glob.glob(os.path.join(self.node_root, 'node[0-9]*')):
            if os.path.isdir(os.path.join(d, 'hugepages')):
                nodes.append(int(os.path.basename(d)[4:]))
        return sorted(nodes)

    def pool_dir(self, size, node=None):
        leaf = 'hugepages-%dkB' % (size // 1024)
        if node is None:
            return os.path.join(self.global_dir, leaf)
        return os.path.join(self.node_root, 'node%d' % node, 'hugepages', leaf)

    def default_size(self):
        sizes = self.sizes()
        if not sizes:
            raise UsageError('no hugepage sizes offered under %s (kernel without hugetlbfs?)'
                             % self.global_dir)
        try:
            with open('/proc/meminfo') as f:
                for line in f:
                    if line.startswith('Hugepagesize:'):
                        kb = int(line.split()[1])
                        if kb * 1024 in sizes:
                            return kb * 1024
        except (OSError, ValueError, IndexError):
            pass
        return sizes[0]

    def check_size(self, size):
        if size not in self.sizes():
            raise UsageError('page size %s is not offered here (available: %s)'
                             % (fmt_size(size), ', '.join(fmt_size(s) for s in self.sizes())
                                or 'none'))

    def check_node(self, node):
        if node not in self.nodes():
            raise UsageError('NUMA node %d has no hugepage pools under %s'
                             % (node, self.node_root))


def hugetlbfs_mounts(mounts_file='/proc/mounts'):
    found = []
    try:
        with open(mounts_file) as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 4 and fields[2] == 'hugetlbfs':
                    opts = dict(o.partition('=')[::2] for o in fields[3].split(','))
                    found.append((fields[1].replace('\\040', ' '), opts.get('pagesize', '')))
    except OSError:
        pass
    return found


def show(hp):
    nodes = hp.nodes()
    print('%-6s %-8s %10s %10s %10s' % ('Node', 'Pagesize', 'Total', 'Free', 'Reserved'))
    for size in hp.sizes():
        pools = [(str(n), hp.pool_dir(size, n)) for n in nodes] or [('-', hp.pool_dir(size))]
        for label, d in pools:
            total = read_int(os.path.join(d, 'nr_hugepages'))
            free = read_int(os.path.join(d, 'free_hugepages'))
            print('%-6s %-8s %10d %10d %10s' % (label, fmt_size(size), total, free,
                                                fmt_size(total * size) if total else '0'))
    mounts = hugetlbfs_mounts()
    print()
    if mounts:
        for path, psize in mounts:
            print('hugetlbfs mounted on %s%s' % (path, ' (pagesize=%s)' % psize if psize else ''))
    else:
        print('hugetlbfs is not mounted')


def reserve(hp, nbytes, size, node):
    if nbytes % size:
        raise UsageError('%s is not a multiple of the page size %s'
                         % (fmt_size(nbytes), fmt_size(size)))
    pages = nbytes // size
    path = os.path.join(hp.pool_dir(size, node), 'nr_hugepages')
    write_int(path, pages)
    got = read_int(path)
    where = 'node %d' % node if node is not None else 'all nodes'
    if got < pages:
        raise UsageError('asked for %d pages of %s on %s, the kernel gave %d (memory too '
                         'fragmented? try at boot or a smaller size)'
                         % (pages, fmt_size(size), where, got))
    print('reserved %d pages of %s (%s) on %s' % (got, fmt_size(size), fmt_size(got * size), where))


def clear(hp):
    for size in hp.sizes():
        for node in hp.nodes():
            write_int(os.path.join(hp.pool_dir(size, node), 'nr_hugepages'), 0)
        write_int(os.path.join(hp.pool_dir(size), 'nr_hugepages'), 0)
    print('released every hugepage')


def run(cmd):
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise UsageError('%s failed: %s' % (' '.join(cmd), res.stderr.strip() or res.returncode))


def mount(directory, size):
    for path, _ in hugetlbfs_mounts():
        if os.path.realpath(path) == os.path.realpath(directory):
            print('hugetlbfs already mounted on %s' % directory)
            return
    os.makedirs(directory, exist_ok=True)
    run(['mount', '-t', 'hugetlbfs', '-o', 'pagesize=%s' % fmt_size(size), 'nodev', directory])
    print('mounted hugetlbfs (pagesize=%s) on %s' % (fmt_size(size), directory))


def is_mounted(directory):
    return any(os.path.realpath(p) == os.path.realpath(directory) for p, _ in hugetlbfs_mounts())


def unmount(directory):
    if not is_mounted(directory):
        raise UsageError('hugetlbfs is not mounted on %s' % directory)
    run(['umount', directory])
    print('unmounted %s' % directory)


def parse_args(argv):
    p = argparse.ArgumentParser(
        description='Show, reserve and release hugepages; mount hugetlbfs for EAL.',
        epilog='Examples: %(prog)s -s;  %(prog)s -r 1G -m;  %(prog)s -p 1G -r 4G --node 1;  '
               '%(prog)s -c -u')
    p.add_argument('-s', '--show', action='store_true', help='show pools and mounts')
    p.add_argument('-r', '--reserve', metavar='SIZE',
                   help='set the pool to SIZE bytes of pages (e.g. 512M, 2G)')
    p.add_argument('-p', '--pagesize', metavar='SIZE', help='page size (default: the kernel\'s)')
    p.add_argument('-n', '--node', type=int, metavar='N', help='reserve on NUMA node N only')
    p.add_argument('-c', '--clear', action='store_true', help='release every reserved page')
    p.add_argument('-m', '--mount', action='store_true', help='mount hugetlbfs on --directory')
    p.add_argument('-u', '--unmount', action='store_true', help='unmount --directory')
    p.add_argument('--setup', metavar='SIZE',
                   help='start afresh: unmount, clear, reserve SIZE and mount (as -u -c -r SIZE -m)')
    p.add_argument('-d', '--directory', default='/dev/hugepages', metavar='DIR',
                   help='mount point (default /dev/hugepages)')
    p.add_argument('--sysfs-root', default='/sys', metavar='DIR',
                   help='where sysfs is mounted (default /sys; tests use a fake tree)')
    args = p.parse_args(argv)
    if args.setup is not None:
        if args.reserve is not None or args.unmount:
            p.error('--setup already reserves and remounts: drop -r and -u')
        args.reserve, args.clear, args.mount = args.setup, True, True
    if not (args.show or args.reserve is not None or args.clear or args.mount or args.unmount):
        p.error('nothing to do: give at least one of -s, -r, -c, -m, -u')
    if args.mount and args.unmount:
        p.error('-m and -u contradict each other')
    if args.node is not None and args.reserve is None:
        p.error('--node only applies to --reserve')
    return args


def main(argv=None):
    args = parse_args(argv)
    hp = Hugepages(args.sysfs_root)
    try:
        # Validate every input before changing anything
        size = parse_size(args.pagesize) if args.pagesize is not None else None
        nbytes = parse_size(args.reserve) if args.reserve is not None else None
        if size is not None:
            hp.check_size(size)
        elif nbytes is not None or args.mount:
            size = hp.default_size()
        if args.node is not None:
            hp.check_node(args.node)
        if args.unmount:
            unmount(args.directory)
        elif args.setup is not None and is_mounted(args.directory):
            unmount(args.directory)
        if args.clear:
            clear(hp)
        if nbytes is not None:
            reserve(hp, nbytes, size, args.node)
        if args.mount:
            mount(args.directory, size)
        if args.show:
            show(hp)
    except UsageError as e:
        print('Error: %s' % e, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
