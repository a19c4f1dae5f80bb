#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""Show network devices and the drivers they use, and move them between kernel and
userspace-I/O drivers through sysfs (driver_override, drivers_probe)."""

import argparse
import fnmatch
import glob
import os
import re
import sys
import time

# Drivers that give a PCI device to a userspace process
DPDK_DRIVERS = ['igb_uio', 'vfio-pci', 'uio_pci_generic']
NET_CLASS = 0x02
BDF_RE = re.compile(r'^(?:([0-9a-fA-F]{4}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\.([0-7])$')
PCI_IDS_FILES = ['/usr/share/misc/pci.ids', '/usr/share/hwdata/pci.ids']
# How long to wait for the kernel to finish a probe started through drivers_probe
BIND_WAIT_S = 1.0


class UsageError(Exception):
    """A bad argument or state: reported in one line, exit status 1, nothing changed."""


def normalize_bdf(text):
    m = BDF_RE.match(text.strip())
    if not m:
        raise UsageError("'%s' is not a PCI address (expected [DDDD:]BB:DD.F, e.g. 0000:01:00.0)"
                         % text)
    dom, bus, dev, fn = m.groups()
    return '%s:%s:%s.%s' % ((dom or '0000').lower(), bus.lower(), dev.lower(), fn)


def read_text(path, default=None):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


def write_text(path, text):
    try:
        with open(path, 'w') as f:
            f.write(text)
    except PermissionError as e:
        raise UsageError('cannot write %s: %s (are you root?)' % (path, e.strerror)) from e
    except OSError as e:
        raise UsageError('cannot write %r to %s: %s' % (text, path, e.strerror)) from e


class PciIds:
    """Vendor and device names from a pci.ids database, loaded only when needed."""

    def __init__(self, path):
        self.path = path
        self.vendors = None
        self.devices = None

    def _load(self):
        self.vendors, self.devices = {}, {}
        if not self.path:
            return
        try:
            f = open(self.path, encoding='utf-8', errors='replace')
        except OSError:
            return
        with f:
            vendor = None
            for line in f:
                if line.startswith('#') or not line.strip():
                    continue
                if line.startswith('C '):
                    break  # class section follows the vendor list
                if not line[0].isspace():
                    vid, _, name = line.strip().partition(' ')
                    vendor = vid.lower()
                    self.vendors[vendor] = name.strip()
                elif line.startswith('\t') and not line.startswith('\t\t') and vendor:
                    did, _, name = line.strip().partition(' ')
                    self.devices[(vendor, did.lower())] = name.strip()

    def device_name(self, vendor, device):
        if self.devices is None:
            self._load()
        return self.devices.get((vendor, device), 'Device')


class Sysfs:
    def __init__(self, root):
        self.root = root
        self.devices_dir = os.path.join(root, 'bus', 'pci', 'devices')
        self.drivers_dir = os.path.join(root, 'bus', 'pci', 'drivers')
        self.probe_file = os.path.join(root, 'bus', 'pci', 'drivers_probe')

    def dev_path(self, bdf):
        return os.path.join(self.devices_dir, bdf)

    def driver_loaded(self, name):
        return os.path.isdir(os.path.join(self.drivers_dir, name))

    def loaded_dpdk_drivers(self):
        return [d for d in DPDK_DRIVERS if self.driver_loaded(d)]

    def list_bdfs(self):
        try:
            return sorted(os.listdir(self.devices_dir))
        except OSError as e:
            raise UsageError('cannot list PCI devices in %s: %s'
                             % (self.devices_dir, e.strerror)) from e

    def device(self, bdf):
        path = self.dev_path(bdf)
        if not os.path.isdir(path):
            raise UsageError('no PCI device %s (looked in %s)' % (bdf, self.devices_dir))
        return Device(self, bdf)


def _hex_id(text):
    """'0x8086' -> '8086'; anything unparsable -> None."""
    try:
        return '%04x' % int(text, 16)
    except (TypeError, ValueError):
        return None


class Device:
    def __init__(self, sysfs, bdf):
        self.sysfs = sysfs
        self.bdf = bdf
        self.path = sysfs.dev_path(bdf)
        self.vendor = _hex_id(read_text(os.path.join(self.path, 'vendor')))
        self.device = _hex_id(read_text(os.path.join(self.path, 'device')))
        try:
            self.pci_class = int(read_text(os.path.join(self.path, 'class'), ''), 16)
        except ValueError:
            self.pci_class = None
        self.modalias = read_text(os.path.join(self.path, 'modalias'))

    @property
    def driver(self):
        link = os.path.join(self.path, 'driver')
        if os.path.islink(link):
            return os.path.basename(os.readlink(link))
        return None

    @property
    def is_network(self):
        return self.pci_class is not None and (self.pci_class >> 16) == NET_CLASS

    @property
    def interfaces(self):
        # virtio NICs hang their netdev off a child virtio device: <bdf>/virtioN/net/<if>
        dirs = [os.path.join(self.path, 'net')]
        dirs += sorted(glob.glob(os.path.join(self.path, 'virtio*', 'net')))
        names = []
        for d in dirs:
            try:
                names += sorted(os.listdir(d))
            except OSError:
                pass
        return names


def load_module_aliases(path):
    aliases = []
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and parts[0] == 'alias' and parts[1].startswith('pci:'):
                    aliases.append((parts[1], parts[2]))
    except OSError:
        pass
    return aliases


def kernel_modules_for(dev, aliases):
    """Kernel modules whose alias pattern matches the device's modalias."""
    if not dev.modalias:
        return []
    found = []
    for pattern, module in aliases:
        if module not in found and fnmatch.fnmatchcase(dev.modalias, pattern):
            found.append(module)
    return found


def routed_interfaces(route_file):
    """Interfaces that carry at least one IPv4 route, from a /proc/net/route-format table."""
    ifaces = set()
    try:
        with open(route_file) as f:
            next(f, None)  # header line
            for line in f:
                fields = line.split()
                if fields:
                    ifaces.add(fields[0])
    except OSError:
        pass
    return ifaces


def describe(dev, ids, aliases, loaded_dpdk, routed):
    name = ids.device_name(dev.vendor, dev.device)
    text = "%s '%s %s'" % (dev.bdf, name, dev.device or '????')
    ifaces = dev.interfaces
    if ifaces:
        text += ' if=' + ','.join(ifaces)
    drv = dev.driver
    if drv:
        text += ' drv=' + drv
    # Module names spell '_' where driver names may spell '-' (virtio_pci vs virtio-pci)
    taken = {(drv or '').replace('-', '_')}
    unused = []
    for c in kernel_modules_for(dev, aliases) + loaded_dpdk:
        key = c.replace('-', '_')
        if key not in taken:
            taken.add(key)
            unused.append(c)
    if unused:
        text += ' unused=' + ','.join(unused)
    if any(i in routed for i in ifaces):
        text += ' *Active*'
    return text


def print_section(title, lines):
    print(title)
    print('=' * len(title))
    if lines:
        for line in lines:
            print(line)
    else:
        print('<none>')
    print()


def show_status(args, sysfs):
    ids = PciIds(args.pci_ids)
    aliases = load_module_aliases(args.modules_alias)
    loaded_dpdk = sysfs.loaded_dpdk_drivers()
    routed = routed_interfaces(args.route_table)
    dpdk, kernel, other = [], [], []
    for bdf in sysfs.list_bdfs():
        dev = Device(sysfs, bdf)
        if not dev.is_network:
            continue
        line = describe(dev, ids, aliases, loaded_dpdk, routed)
        drv = dev.driver
        if drv in DPDK_DRIVERS:
            dpdk.append(line)
        elif drv:
            kernel.append(line)
        else:
            other.append(line)
    print_section('Network devices using DPDK-compatible driver', dpdk)
    print_section('Network devices using kernel driver', kernel)
    print_section('Other network devices', other)


def check_not_routed(dev, routed, force, action):
    busy = [i for i in dev.interfaces if i in routed]
    if busy and not force:
        raise UsageError('%s: interface %s has an active route; not %s it (use --force to do it '
                         'anyway and lose that connectivity)' % (dev.bdf, ','.join(busy), action))


def unbind(dev):
    drv = dev.driver
    if drv is None:
        return False
    write_text(os.path.join(dev.path, 'driver', 'unbind'), dev.bdf)
    # The kernel unbinds before the write returns; wait anyway, so that a probe written next
    # can never be taken for the old driver's (and the check costs nothing then).
    if not wait_for_driver(dev, None):
        raise UsageError('%s is still bound to %s after unbind' % (dev.bdf, drv))
    return True


def wait_for_driver(dev, driver):
    deadline = time.monotonic() + BIND_WAIT_S
    while True:
        if dev.driver == driver:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)


def bind(dev, driver, sysfs):
    override = os.path.join(dev.path, 'driver_override')
    if os.path.exists(override):
        write_text(override, driver)
        write_text(sysfs.probe_file, dev.bdf)
    else:
        # Kernels without driver_override: teach the driver the id, then bind by hand
        drv_dir = os.path.join(sysfs.drivers_dir, driver)
        write_text(os.path.join(drv_dir, 'new_id'), '%s %s' % (dev.vendor, dev.device))
        if dev.driver != driver:
            write_text(os.path.join(drv_dir, 'bind'), dev.bdf)
    if not wait_for_driver(dev, driver):
        raise UsageError('%s was not taken by %s (the driver refused it; see dmesg)'
                         % (dev.bdf, driver))


def clear_override(dev):
    override = os.path.join(dev.path, 'driver_override')
    if os.path.exists(override):
        # An empty override lets any matching driver claim the device again
        write_text(override, '\n')


def do_bind(args, sysfs):
    if not sysfs.driver_loaded(args.bind):
        raise UsageError("driver '%s' is not loaded (%s does not exist); load it first, e.g. "
                         "'modprobe %s'" % (args.bind, os.path.join(sysfs.drivers_dir, args.bind),
                                            args.bind))
    devs = resolve_devices(args, sysfs)
    routed = routed_interfaces(args.route_table)
    for dev in devs:
        if dev.driver != args.bind:
            check_not_routed(dev, routed, args.force, 'rebinding')
    for dev in devs:
        if dev.driver == args.bind:
            print('%s already bound to %s' % (dev.bdf, args.bind))
            continue
        old = dev.driver
        unbind(dev)
        bind(dev, args.bind, sysfs)
        print('%s: %s -> %s' % (dev.bdf, old or 'no driver', args.bind))


def do_unbind(args, sysfs):
    devs = resolve_devices(args, sysfs)
    routed = routed_interfaces(args.route_table)
    for dev in devs:
        check_not_routed(dev, routed, args.force, 'unbinding')
    for dev in devs:
        old = dev.driver
        if old is None:
            print('%s is not bound to any driver' % dev.bdf)
            continue
        unbind(dev)
        clear_override(dev)
        print('%s: unbound from %s' % (dev.bdf, old))


def resolve_devices(args, sysfs):
    if not args.devices:
        raise UsageError('no PCI address given')
    seen = []
    for text in args.devices:
        bdf = normalize_bdf(text)
        if bdf not in seen:
            seen.append(bdf)
    return [sysfs.device(bdf) for bdf in seen]


def parse_args(argv):
    p = argparse.ArgumentParser(
        description='Show network devices and bind them to kernel or userspace-I/O drivers.',
        epilog='Examples: %(prog)s --status;  %(prog)s -b vfio-pci 01:00.0;  '
               '%(prog)s -u 0000:01:00.0;  %(prog)s -b e1000 01:00.0')
    act = p.add_mutually_exclusive_group(required=True)
    act.add_argument('-s', '--status', action='store_true', help='show network devices and drivers')
    act.add_argument('--status-dev', choices=['net'], help='show devices of one class')
    act.add_argument('-b', '--bind', metavar='DRIVER', help='bind the devices to DRIVER')
    act.add_argument('-u', '--unbind', action='store_true', help='unbind the devices')
    p.add_argument('devices', nargs='*', metavar='BDF', help='PCI addresses, e.g. 01:00.0')
    p.add_argument('--force', action='store_true',
                   help='also act on devices whose interface carries an active route')
    p.add_argument('--sysfs-root', default='/sys', metavar='DIR',
                   help='where sysfs is mounted (default /sys; tests use a fake tree)')
    p.add_argument('--route-table', default='/proc/net/route', metavar='FILE',
                   help='IPv4 route table in /proc/net/route format (default /proc/net/route)')
    p.add_argument('--pci-ids', metavar='FILE',
                   default=next((f for f in PCI_IDS_FILES if os.path.exists(f)), None),
                   help='pci.ids database for device names')
    p.add_argument('--modules-alias', metavar='FILE',
                   default='/lib/modules/%s/modules.alias' % os.uname().release,
                   help='kernel module aliases, to name the kernel driver of a device')
    args = p.parse_args(argv)
    if (args.status or args.status_dev) and args.devices:
        p.error('--status takes no PCI address')
    return args


def main(argv=None):
    args = parse_args(argv)
    sysfs = Sysfs(args.sysfs_root)
    try:
        if args.status or args.status_dev:
            show_status(args, sysfs)
        elif args.bind:
            do_bind(args, sysfs)
        else:
            do_unbind(args, sysfs)
    except UsageError as e:
        print('Error: %s' % e, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
