#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""Build the API reference with Doxygen from the installed public headers and count the
documented and undocumented public symbols.

Usage: generate-api.py OUTDIR VERSION STRICT(true|false) HEADER...
Writes OUTDIR/Doxyfile, OUTDIR/html/, OUTDIR/undocumented.txt, OUTDIR/warnings.txt and
OUTDIR/summary.txt. With STRICT=true an undocumented symbol or any Doxygen warning (such as
a parameter without @param) fails the build."""

import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# Attribute macros that would otherwise hide a declaration from Doxygen's parser
PREDEFINED = [
    '__DOXYGEN__', 'RTE_STD_C11=', '__rte_always_inline=', '__rte_atomic=',
    '__rte_cache_aligned=', '__rte_cache_min_aligned=', '__rte_cold=', '__rte_deprecated=',
    '__rte_experimental=', '__rte_hot=', '__rte_internal=', '__rte_malloc=', '__rte_may_alias=',
    '__rte_noinline=', '__rte_noreturn=', '__rte_packed=', '__rte_restrict=', '__rte_unused=',
    '__rte_used=', '__rte_warn_unused_result=', '__rte_weak=', '__rte_pmd_info=',
    '"__rte_aligned(x)="', '"__rte_alloc_size(...)="', '"__rte_format_printf(a,b)="',
    '"__attribute__(x)="', '"RTE_DEFINE_PER_LCORE(type,name)=type per_lcore_##name"',
    '"RTE_DECLARE_PER_LCORE(type,name)=extern type per_lcore_##name"',
]

DOXYFILE = """PROJECT_NAME           = "dpdk-hotplug"
PROJECT_NUMBER         = {version}
PROJECT_BRIEF          = "API reference"
OUTPUT_DIRECTORY       = {outdir}
INPUT                  = {inputs}
FILE_PATTERNS          = *.h *.dox
OPTIMIZE_OUTPUT_FOR_C  = YES
EXTRACT_ALL            = YES
EXTRACT_STATIC         = YES
HIDE_UNDOC_MEMBERS     = NO
SORT_MEMBER_DOCS       = NO
FULL_PATH_NAMES        = NO
JAVADOC_AUTOBRIEF      = YES
TYPEDEF_HIDES_STRUCT   = NO
ENABLE_PREPROCESSING   = YES
MACRO_EXPANSION        = YES
EXPAND_ONLY_PREDEF     = YES
SEARCH_INCLUDES        = NO
PREDEFINED             = {predefined}
EXCLUDE_SYMBOLS        = _* __* *_H_ *_H RTE_*_H_ RTE_*_H
QUIET                  = YES
WARNINGS               = YES
WARN_IF_UNDOCUMENTED   = YES
WARN_IF_DOC_ERROR      = YES
WARN_NO_PARAMDOC       = YES
WARN_AS_ERROR          = NO
WARN_LOGFILE           = {outdir}/warnings.txt
GENERATE_HTML          = YES
HTML_OUTPUT            = html
HTML_TIMESTAMP         = NO
SEARCHENGINE           = NO
GENERATE_TREEVIEW      = NO
GENERATE_LATEX         = NO
GENERATE_XML           = YES
XML_OUTPUT             = xml
XML_PROGRAMLISTING     = NO
HAVE_DOT               = NO
"""


def has_text(node):
    return node is not None and ''.join(node.itertext()).strip() != ''


def is_documented(node):
    return has_text(node.find('briefdescription')) or has_text(node.find('detaileddescription'))


def where(node):
    loc = node.find('location')
    if loc is None:
        return '?'
    return '%s:%s' % (loc.get('file'), loc.get('line'))


def audit(xml_dir):
    """Every public symbol Doxygen saw (EXTRACT_ALL shows them all): header-level functions,
    macros, types, variables, enums and their values, structures and unions and their fields.
    Returns the number documented and a line per undocumented one."""
    documented, missing = 0, []

    def check(node, label):
        nonlocal documented
        if is_documented(node):
            documented += 1
        else:
            missing.append('%s: %s is not documented' % (where(node), label))

    for path in sorted(glob.glob(os.path.join(xml_dir, '*.xml'))):
        if os.path.basename(path) == 'index.xml':
            continue
        for comp in ET.parse(path).getroot().iter('compounddef'):
            kind = comp.get('kind')
            if kind not in ('file', 'struct', 'union'):
                continue
            cname = comp.findtext('compoundname', '')
            if kind != 'file' and '@' not in cname:
                check(comp, '%s %s' % (kind, cname))
            for m in comp.iter('memberdef'):
                name = m.findtext('name', '')
                if name.startswith('_') or (kind == 'file' and name.endswith(('_H', '_H_'))):
                    continue
                owner = '' if kind == 'file' else cname.split('::@')[0] + '.'
                check(m, '%s %s%s' % (m.get('kind'), owner, name))
                for ev in m.iter('enumvalue'):
                    check(ev, 'enumerator %s' % ev.findtext('name', ''))
    return documented, missing


def component(header):
    """'lib/eal/include/rte_eal.h' -> 'eal', 'drivers/bus/vdev/rte_bus_vdev.h' -> 'bus/vdev'."""
    parts = header.split(os.sep)
    for i, p in enumerate(parts[:-1]):
        if p == 'lib' and i + 2 < len(parts):
            return parts[i + 1]
        if p == 'drivers' and i + 3 < len(parts):
            return parts[i + 1] + '/' + parts[i + 2]
    return 'other'


def write_mainpage(path, version, headers):
    groups = {}
    for h in headers:
        groups.setdefault(component(h), []).append(os.path.basename(h))
    lines = ['/**', ' * @mainpage dpdk-hotplug %s API reference' % version, ' *',
             ' * The public headers, by library and driver. Applications include them after',
             ' * `pkg-config --cflags libdpdk`; the guides explain how the parts fit together.',
             ' *']
    for name in sorted(groups, key=lambda g: (g.count('/'), g)):
        lines.append(' * - **%s**: %s' % (name, ', '.join(sorted(groups[name]))))
    lines.append(' */')
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')


def main(argv):
    if len(argv) < 5:
        print('usage: %s OUTDIR VERSION STRICT HEADER...' % argv[0], file=sys.stderr)
        return 2
    outdir, version, strict = os.path.abspath(argv[1]), argv[2], argv[3] == 'true'
    headers = sorted(set(os.path.abspath(h) for h in argv[4:]))
    os.makedirs(outdir, exist_ok=True)
    doxyfile = os.path.join(outdir, 'Doxyfile')
    mainpage = os.path.join(outdir, 'mainpage.dox')
    write_mainpage(mainpage, version, headers)
    with open(doxyfile, 'w') as f:
        f.write(DOXYFILE.format(version=version, outdir=outdir,
                                inputs=' \\\n\t'.join(headers + [mainpage]),
                                predefined=' \\\n\t'.join(PREDEFINED)))
    res = subprocess.run(['doxygen', doxyfile], check=False)
    if res.returncode != 0:
        print('doxygen failed (exit status %d)' % res.returncode, file=sys.stderr)
        return 1
    with open(os.path.join(outdir, 'warnings.txt')) as f:
        # continuation lines (parameter lists) start with blanks
        warnings = [w for w in f.read().splitlines() if 'warning:' in w]
    documented, missing = audit(os.path.join(outdir, 'xml'))
    for h in headers:
        with open(h, errors='replace') as f:
            if not re.search(r'[@\\]file\b', f.read()):
                missing.append('%s:1: header is not documented (no @file comment)' % h)
    with open(os.path.join(outdir, 'undocumented.txt'), 'w') as f:
        f.write(''.join(m + '\n' for m in missing))
    summary = ('API reference: %d headers, %d documented public symbols, %d undocumented '
               '(%s), %d documentation warnings (%s)'
               % (len(headers), documented, len(missing),
                  os.path.join(outdir, 'undocumented.txt'), len(warnings),
                  os.path.join(outdir, 'warnings.txt')))
    with open(os.path.join(outdir, 'summary.txt'), 'w') as f:
        f.write(summary + '\n')
    print(summary)
    if strict and (missing or warnings):
        for w in (missing + warnings)[:50]:
            print(w, file=sys.stderr)
        print('docs_strict: %d undocumented symbols, %d warnings (first 50 above)'
              % (len(missing), len(warnings)), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
