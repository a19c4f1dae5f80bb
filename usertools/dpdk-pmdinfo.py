#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""List the drivers an executable, shared object, object file or static archive carries,
with their PCI ids, kernel module dependencies and device arguments.

The information comes from the ELF section .rte_pmd_info (see
doc/guides/contributing/pmdinfo.rst): "PMD_INFO_STRING= {json}" strings written at build
time by buildtools/gen-pmdinfo.py, or, for objects built without that step, the raw
"RTE_PMD_<KIND>=..." markers of rte_pmd_info.h (the PCI table is then read through the
symbol table, so it needs an unstripped file). buildtools/gen-pmdinfo.py imports this
file for the marker reader.
"""

import argparse
import glob
import io
import json
import os
import struct
import subprocess
import sys

try:
    from elftools.common.exceptions import ELFError
    from elftools.elf.elffile import ELFFile
    from elftools.elf.sections import SymbolTableSection
except ImportError:
    sys.exit('Error: pyelftools is missing (Debian: apt-get install python3-pyelftools)')

SECTION = '.rte_pmd_info'
INFO_PREFIX = 'PMD_INFO_STRING='
MARKER_PREFIX = 'RTE_PMD_'
LAYOUT_PREFIX = 'rte_pmd_info_pci_layout_'
PMD_SUBDIR = 'dpdk/pmds-1'
PCI_IDS_FILES = ['/usr/share/misc/pci.ids', '/usr/share/hwdata/pci.ids']


class PmdInfoError(Exception):
    """A file that cannot be read or parsed: reported in one line."""


def new_driver(name):
    return {'name': name, 'pci_ids': [], 'kmod': '', 'params': '', 'aliases': []}


def section_strings(elf):
    sec = elf.get_section_by_name(SECTION)
    if sec is None or sec['sh_type'] == 'SHT_NOBITS':
        return []
    return [s.decode('utf-8', 'replace') for s in sec.data().split(b'\0') if s]


def symbols_named(elf, name):
    found = []
    for sec in elf.iter_sections():
        if isinstance(sec, SymbolTableSection):
            found += sec.get_symbol_by_name(name) or []
    return found


def symbol_bytes(elf, sym):
    """Contents of a data symbol, from the section it is defined in."""
    shndx = sym['st_shndx']
    if not isinstance(shndx, int):
        raise PmdInfoError('symbol %s is not defined in a section' % sym.name)
    sec = elf.get_section(shndx)
    if sec['sh_type'] == 'SHT_NOBITS':
        raise PmdInfoError('symbol %s has no contents (in %s)' % (sym.name, sec.name))
    start = sym['st_value'] - sec['sh_addr']
    data = sec.data()[start:start + sym['st_size']]
    if len(data) != sym['st_size']:
        raise PmdInfoError('symbol %s runs past its section %s' % (sym.name, sec.name))
    return data


def unique_symbol(elf, name):
    syms = [s for s in symbols_named(elf, name) if s['st_shndx'] != 'SHN_UNDEF']
    if len(syms) != 1:
        raise PmdInfoError('%s symbol %s' % ('no' if not syms else 'ambiguous', name))
    return syms[0]


def read_pci_table(elf, driver, table_name):
    """PCI ids as [vendor, device, subsystem vendor, subsystem device], from the table's
    bytes and the layout the compiler recorded next to the marker."""
    order = '<' if elf.little_endian else '>'
    layout_raw = symbol_bytes(elf, unique_symbol(elf, LAYOUT_PREFIX + driver))
    if len(layout_raw) != 12:
        raise PmdInfoError('layout of %s has %d bytes, expected 12' % (driver, len(layout_raw)))
    esize, o_ven, o_dev, o_sven, o_sdev, count = struct.unpack(order + '6H', layout_raw)
    data = symbol_bytes(elf, unique_symbol(elf, table_name))
    if esize == 0 or len(data) < esize * count or max(o_ven, o_dev, o_sven, o_sdev) + 2 > esize:
        raise PmdInfoError('table %s of %s does not match its recorded layout'
                           % (table_name, driver))
    ids = []
    for i in range(count):
        entry = data[i * esize:(i + 1) * esize]
        fields = [struct.unpack_from(order + 'H', entry, o)[0] for o in (o_ven, o_dev, o_sven,
                                                                        o_sdev)]
        if fields[0] == 0:
            break  # end-of-table entry
        ids.append(fields)
    return ids


def drivers_from_markers(elf, strings, known, strict=True):
    """Drivers described by raw markers, except those in known (already described by a
    build-time string, whose PCI table need not be looked up). When not strict, a PCI table
    that cannot be read (stripped file) gives a warning and pci_ids None."""
    drivers = {}

    def drv(name):
        return drivers.setdefault(name, new_driver(name))

    for s in strings:
        if not s.startswith(MARKER_PREFIX):
            continue
        kind, _, rest = s[len(MARKER_PREFIX):].partition('=')
        name, sep, value = rest.partition(':')
        if kind == 'NAME':
            name, sep = rest, ':'
        if not sep or not name:
            raise PmdInfoError('malformed marker %r' % s)
        if name in known:
            continue
        if kind == 'NAME':
            drv(name)
        elif kind == 'PCI_TABLE':
            try:
                drv(name)['pci_ids'] = read_pci_table(elf, name, value)
            except PmdInfoError as e:
                if strict:
                    raise
                drv(name)['pci_ids'] = None
                print('Warning: %s: PCI ids of %s not readable (%s; the file was stripped and '
                      'built without gen-pmdinfo)' % (elf.stream.name, name, e), file=sys.stderr)
        elif kind == 'KMOD_DEP':
            drv(name)['kmod'] = value
        elif kind == 'PARAM_STRING':
            drv(name)['params'] = value
        elif kind == 'ALIAS':
            if value not in drv(name)['aliases']:
                drv(name)['aliases'].append(value)
        else:
            raise PmdInfoError('unknown marker %r' % s)
    return drivers


def drivers_from_info_strings(strings):
    drivers = {}
    for s in strings:
        if not s.startswith(INFO_PREFIX):
            continue
        try:
            info = json.loads(s[len(INFO_PREFIX):])
        except ValueError as e:
            raise PmdInfoError('malformed PMD_INFO_STRING: %s' % e) from e
        d = new_driver(info.get('name', ''))
        d.update(info)
        drivers[d['name']] = d
    return drivers


def scan_elf(elf, use_markers=True, strict=True):
    """Drivers of one ELF file, by name. Built-time strings win over raw markers."""
    strings = section_strings(elf)
    drivers = drivers_from_info_strings(strings)
    if use_markers:
        drivers.update(drivers_from_markers(elf, strings, set(drivers), strict))
    return drivers


def archive_members(data, path):
    """(member name, bytes) of a System V / GNU archive, including thin archives."""
    thin = data.startswith(b'!<thin>\n')
    if not thin and not data.startswith(b'!<arch>\n'):
        raise PmdInfoError('%s is not an ar archive' % path)
    pos, longnames = 8, b''
    while pos < len(data):
        hdr = data[pos:pos + 60]
        try:
            if len(hdr) != 60 or hdr[58:60] != b'`\n':
                raise ValueError('bad member header')
            name = hdr[:16].decode().strip()
            size = int(hdr[48:58].decode().strip())
        except ValueError as e:
            raise PmdInfoError('%s: malformed archive at offset %d' % (path, pos)) from e
        body = pos + 60
        if not thin and body + size > len(data):
            raise PmdInfoError('%s: archive truncated at offset %d' % (path, pos))
        pos = body + size + (size & 1)
        if name == '//':
            longnames = data[body:body + size]
            continue
        if name in ('/', '/SYM64/'):
            continue
        if name.startswith('/'):
            off = int(name[1:])
            name = longnames[off:longnames.index(b'\n', off)].decode()
        name = name.rstrip('/')
        if thin:
            pos = body  # members of a thin archive live in their own files
            member_path = os.path.join(os.path.dirname(path), name)
            with open(member_path, 'rb') as f:
                yield name, f.read()
        else:
            yield name, data[body:body + size]


def scan_file(path, use_markers=True, strict=True):
    """Drivers found in an ELF file or in each ELF member of an archive."""
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        raise PmdInfoError('cannot read %s: %s' % (path, e.strerror)) from e
    if data.startswith(b'!<arch>\n') or data.startswith(b'!<thin>\n'):
        blobs = list(archive_members(data, path))
    else:
        blobs = [(path, data)]
    drivers = {}
    for name, blob in blobs:
        if not blob.startswith(b'\x7fELF'):
            if len(blobs) == 1:
                raise PmdInfoError('%s is not an ELF file' % path)
            continue
        try:
            stream = io.BytesIO(blob)
            stream.name = name
            drivers.update(scan_elf(ELFFile(stream), use_markers, strict))
        except ELFError as e:
            raise PmdInfoError('%s: %s' % (name, e)) from e
        except PmdInfoError as e:
            raise PmdInfoError('%s: %s' % (name, e)) from e
    return drivers


def pmd_folders(path):
    """The driver folder of the EAL library a binary loads (or is)."""
    libs = []
    if os.path.basename(path).startswith('librte_eal.so'):
        libs.append(path)
    else:
        try:
            out = subprocess.run(['ldd', path], capture_output=True, text=True,
                                 check=False).stdout
        except OSError:
            out = ''
        for line in out.splitlines():
            parts = line.split()
            if parts and parts[0].startswith('librte_eal.so') and len(parts) >= 3:
                libs.append(parts[2])
    return [os.path.join(os.path.dirname(os.path.realpath(lib)), PMD_SUBDIR) for lib in libs]


def expand_paths(paths, with_pmd_folder):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(glob.glob(os.path.join(p, '*.so*')))
            continue
        files.append(p)
        if with_pmd_folder:
            for d in pmd_folders(p):
                files += sorted(glob.glob(os.path.join(d, '*.so*')))
    return files


def load_pci_names(path):
    vendors, devices = {}, {}
    if not path:
        return vendors, devices
    try:
        f = open(path, encoding='utf-8', errors='replace')
    except OSError:
        return vendors, devices
    with f:
        vendor = None
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            if line.startswith('C '):
                break
            if not line[0].isspace():
                vid, _, name = line.strip().partition(' ')
                vendor = int(vid, 16)
                vendors[vendor] = name.strip()
            elif line.startswith('\t') and not line.startswith('\t\t') and vendor is not None:
                did, _, name = line.strip().partition(' ')
                devices[(vendor, int(did, 16))] = name.strip()
    return vendors, devices


def print_text(drivers, pci_ids_file):
    vendors, devices = load_pci_names(pci_ids_file) if any(d['pci_ids'] for d in drivers) \
        else ({}, {})
    for d in drivers:
        print('Driver: %s' % d['name'])
        if d['aliases']:
            print('  aliases: %s' % ', '.join(d['aliases']))
        if d['kmod']:
            print('  kernel modules: %s' % d['kmod'])
        if d['params']:
            print('  parameters: %s' % d['params'])
        if d['pci_ids'] is None:
            print('  PCI ids: not readable')
        elif d['pci_ids']:
            print('  PCI ids (vendor:device subsystem vendor:device):')
            for ven, dev, sven, sdev in d['pci_ids']:
                sub = 'any' if sven == 0xffff and sdev == 0xffff else '%04x:%04x' % (sven, sdev)
                name = '%s %s' % (vendors.get(ven, ''), devices.get((ven, dev), ''))
                print('    %04x:%04x %-9s %s' % (ven, dev, sub, name.strip()))
        print()


def parse_args(argv):
    p = argparse.ArgumentParser(
        description='List the drivers (PMDs) built into executables and shared objects.')
    p.add_argument('files', nargs='+', metavar='FILE',
                   help='executable, shared object, object file, archive or folder of .so files')
    p.add_argument('-p', '--plugindir', action='store_true',
                   help='also scan the driver folder of the EAL the file is linked with')
    p.add_argument('-j', '--json', action='store_true', help='print a JSON list')
    p.add_argument('--pci-ids', metavar='FILE',
                   default=next((f for f in PCI_IDS_FILES if os.path.exists(f)), None),
                   help='pci.ids database for vendor and device names')
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    drivers = []
    try:
        for path in expand_paths(args.files, args.plugindir):
            for d in scan_file(path, strict=False).values():
                if all(d['name'] != x['name'] for x in drivers):
                    drivers.append(d)
    except PmdInfoError as e:
        print('Error: %s' % e, file=sys.stderr)
        return 1
    if args.json:
        # one driver per line: readable, and still a JSON document
        print('[' + ','.join('\n  ' + json.dumps(d) for d in drivers) + '\n]')
    else:
        print_text(drivers, args.pci_ids)
    return 0


if __name__ == '__main__':
    sys.exit(main())
