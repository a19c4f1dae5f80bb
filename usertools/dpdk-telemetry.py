#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Query the telemetry socket of a running DPDK application.

Commands are read one per line (with an interactive prompt, history and tab completion
when standard input is a terminal); each reply is printed as one line of JSON. "quit" or
end of input ends the session.

    dpdk-telemetry.py [-f FILE_PREFIX] [-i INSTANCE] [-l]
"""

import argparse
import errno
import glob
import json
import os
import socket
import sys

SOCKET_NAME = 'dpdk_telemetry.v2'
COMMANDS = []


def runtime_dir(prefix):
    """The runtime directory EAL uses for this file prefix and this user."""
    if os.getuid() == 0:
        base = '/var/run'
    else:
        base = os.environ.get('XDG_RUNTIME_DIR') or '/tmp'
    return os.path.join(base, 'dpdk', prefix)


def socket_path(prefix, instance):
    path = os.path.join(runtime_dir(prefix), SOCKET_NAME)
    if instance > 0:
        path += ':%d' % instance
    return path


def receive(sock, size):
    """One message from the socket, decoded as JSON."""
    data = sock.recv(size)
    if not data:
        raise ConnectionError('the application closed the connection')
    try:
        return json.loads(data.decode())
    except ValueError:
        raise ConnectionError('not a JSON reply: %r' % data[:200])


def program_name(pid):
    try:
        with open('/proc/%d/cmdline' % pid, 'rb') as f:
            return os.path.basename(f.read().split(b'\0')[0].decode(errors='replace'))
    except OSError as e:
        if e.errno not in (errno.ENOENT, errno.EACCES):
            raise
    return None


def complete(text, state):
    matches = [c for c in ['quit'] + COMMANDS if c.startswith(text)]
    return matches[state] if state < len(matches) else None


def session(path):
    """Connect, then answer commands until quit or end of input. Exit status."""
    interactive = os.isatty(sys.stdin.fileno())
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        sock.connect(path)
    except OSError as e:
        print('Error connecting to %s: %s' % (path, e.strerror), file=sys.stderr)
        sock.close()
        return 1
    with sock:
        try:
            info = receive(sock, 1024)
            size = int(info.get('max_output_len', 16384))
            if interactive:
                print('Connecting to ' + path)
                print(json.dumps(info))
                name = program_name(int(info.get('pid', 0)))
                if name:
                    print('Connected to application: "%s"' % name)
                sock.send(b'/')
                COMMANDS[:] = receive(sock, size).get('/', [])
                try:
                    import readline
                    readline.parse_and_bind('tab: complete')
                    readline.set_completer(complete)
                    readline.set_completer_delims(
                        readline.get_completer_delims().replace('/', ''))
                except ImportError:
                    pass
            prompt = '--> ' if interactive else ''
            while True:
                try:
                    line = input(prompt).strip()
                except EOFError:
                    break
                if line == 'quit':
                    break
                if not line.startswith('/'):
                    if line:
                        print('Commands start with "/"; "/" lists them, "quit" ends',
                              file=sys.stderr)
                    continue
                sock.send(line.encode())
                print(json.dumps(receive(sock, size)))
                sys.stdout.flush()
        except (ConnectionError, OSError) as e:
            print('Error: %s' % e, file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print()
    return 0


def list_prefixes():
    """Print each file prefix that has a telemetry socket, with its instances."""
    base = os.path.dirname(runtime_dir('x'))
    for d in sorted(glob.glob(os.path.join(base, '*'))):
        socks = sorted(glob.glob(os.path.join(d, SOCKET_NAME)) +
                       glob.glob(os.path.join(d, SOCKET_NAME + ':*')))
        if socks:
            print(os.path.basename(d))
    return 0


def main():
    parser = argparse.ArgumentParser(
        description='Query the telemetry socket of a running DPDK application.')
    parser.add_argument('-f', '--file-prefix', default='rte',
                        help='the --file-prefix of the application (default: rte)')
    parser.add_argument('-i', '--instance', default=0, type=int,
                        help='instance of the socket when several processes share the '
                        'file prefix (default: 0)')
    parser.add_argument('-l', '--list', action='store_true',
                        help='list the file prefixes that have a telemetry socket and exit')
    args = parser.parse_args()
    if args.list:
        return list_prefixes()
    if args.instance < 0:
        parser.error('the instance must be 0 or more')
    return session(socket_path(args.file_prefix, args.instance))


if __name__ == '__main__':
    sys.exit(main())
