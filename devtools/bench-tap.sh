#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# net_tap attach/detach cycles (app/bench/bench_tap.c), run as root in a network namespace of
# its own so that no interface can outlive it. Prints the descriptors open before and after the
# cycles, whether the interface is left, and the mean time per cycle and per step. With
# Debian's DPDK installed (libdpdk-dev), the same source is also built and run against it.
#   devtools/bench-tap.sh [build-dir] [cycles]      (defaults: build, 10000)
# Most of a cycle is the kernel's: registering and unregistering a network device.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
cycles=${2:-10000}
sys_pc=/usr/lib/x86_64-linux-gnu/pkgconfig

if [ "$(id -u)" != 0 ]; then
	echo "needs root (tap interfaces, network namespace)" >&2
	exit 1
fi
# EAL's run-time folders of the two runs: Debian's DPDK leaves its own behind.
trap 'rm -rf /var/run/dpdk/bench_tap_$$ /var/run/dpdk/bench_tap_sys_$$' EXIT
ninja -C "$build" app/bench/bench_tap >/dev/null
echo "== this tree"
unshare -n "$build/app/bench/bench_tap" --no-huge -m 256 -l 0 --no-pci \
	--file-prefix=bench_tap_$$ --log-level=3 -- "$cycles"
if PKG_CONFIG_PATH=$sys_pc pkg-config --exists libdpdk; then
	work=$(mktemp -d)
	trap 'rm -rf "$work" /var/run/dpdk/bench_tap_$$ /var/run/dpdk/bench_tap_sys_$$' EXIT
	# shellcheck disable=SC2046
	cc -O2 -o "$work/bench_tap_sys" app/bench/bench_tap.c \
		$(PKG_CONFIG_PATH=$sys_pc pkg-config --cflags --libs libdpdk)
	echo "== Debian's DPDK"
	unshare -n "$work/bench_tap_sys" --no-huge -m 256 -l 0 --no-pci \
		--file-prefix=bench_tap_sys_$$ --log-level=3 -- "$cycles" || true
fi
