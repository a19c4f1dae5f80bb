#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Every installed public header compiles on its own, in C and in C++, warning-free.

usage: check_headers.py --cc CC --cxx CXX [--flag FLAG]... [-I DIR]... HEADER...

An application may include any public header first, in a C or a C++ file, with -Wall -Wextra
-Werror: each header must include what it needs and use nothing C++ rejects. A header that
refuses to be included on its own (an #error telling to include another header instead) is
checked through that other header only. One TAP line per header and language.
"""
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

C_FLAGS = ['-std=c11', '-Wall', '-Wextra', '-Werror']
CXX_FLAGS = ['-std=c++11', '-Wall', '-Wextra', '-Werror']


def parse_args(argv):
    cc = cxx = None
    incs, headers, flags = [], [], []
    it = iter(argv)
    for a in it:
        if a == '--cc':
            cc = next(it)
        elif a == '--cxx':
            cxx = next(it)
        elif a == '--flag':
            flags.append(next(it))
        elif a == '-I':
            incs.append('-I' + next(it))
        else:
            headers.append(a)
    return cc, cxx, flags, incs, headers


def compile_one(compiler, flags, incs, header, suffix, workdir):
    name = os.path.basename(header)
    src = os.path.join(workdir, name + suffix)
    with open(src, 'w') as f:
        f.write('#include <%s>\n' % name)
        # Something after the include, so that an unterminated extern "C" shows up too.
        f.write('int check_headers_%s;\n' % re.sub(r'\W', '_', name))
    res = subprocess.run(compiler.split() + flags + incs + ['-fsyntax-only', src],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return res.returncode, res.stdout


def standalone(header):
    with open(header, errors='replace') as f:
        text = f.read()
    return not re.search(r'#\s*error\s.*(instead|directly)', text)


def main():
    cc, cxx, flags, incs, headers = parse_args(sys.argv[1:])
    headers = [os.path.abspath(h) for h in headers]
    # As installed, every header is in one folder: each header's folder is searched.
    for d in sorted(set(os.path.dirname(h) for h in headers)):
        incs.append('-I' + d)
    headers = sorted(set(h for h in headers if standalone(h)), key=os.path.basename)
    jobs = []
    with tempfile.TemporaryDirectory() as workdir, \
            concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for h in headers:
            jobs.append(('C', h, pool.submit(compile_one, cc, C_FLAGS + flags, incs, h, '.c', workdir)))
            jobs.append(('C++', h, pool.submit(compile_one, cxx, CXX_FLAGS + flags, incs, h, '.cc',
                                               workdir)))
        print('1..%d' % len(jobs))
        bad = 0
        for n, (lang, h, fut) in enumerate(jobs, 1):
            rc, out = fut.result()
            name = os.path.basename(h)
            if rc == 0:
                print('ok %d - %s compiles alone in %s' % (n, name, lang))
            else:
                bad += 1
                print('not ok %d - %s compiles alone in %s' % (n, name, lang))
                for line in out.splitlines()[:15]:
                    print('# ' + line)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
