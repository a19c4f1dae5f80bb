#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# app/bench/bench_failsafe of this tree, then the same source built against Debian's DPDK 22.11
# (package dpdk-dev) with its net_null and net_failsafe loaded by -d: nanoseconds per packet of
# bursts on net_null directly and through a fail-safe over one and two net_null ports.
#
# Usage: devtools/bench-failsafe.sh [build folder] [bursts per round]   (defaults: build 1000000)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-1000000}
ours=$build/app/bench/bench_failsafe
pmds=$(pkg-config --variable=pmddir libdpdk 2>/dev/null || true)
[ -n "$pmds" ] || pmds=/usr/lib/x86_64-linux-gnu/dpdk/pmds-23.0
eal="--no-huge -m 512 -l 0 --no-pci --log-level=pmd.*:error"
tmp=$(mktemp -d)
# DPDK 22.11 leaves its runtime folder behind; ours cleans up in rte_eal_cleanup.
trap 'rm -rf "$tmp" "/var/run/dpdk/bench-fs-ref-$$"' EXIT

if [ ! -x "$ours" ]; then
	echo "no $ours: build the tree first" >&2
	exit 1
fi
echo "== this tree"
"$ours" $eal --file-prefix="bench-fs-ours-$$" -- "$n"
if pkg-config --exists libdpdk; then
	gcc -O3 -march=native -o "$tmp/bench_failsafe" app/bench/bench_failsafe.c \
		$(pkg-config --cflags --libs libdpdk) -lrte_bus_vdev
	echo "== DPDK $(pkg-config --modversion libdpdk)"
	"$tmp/bench_failsafe" $eal --file-prefix="bench-fs-ref-$$" -d "$pmds/librte_net_null.so" \
		-d "$pmds/librte_net_failsafe.so" -- "$n"
else
	echo "no libdpdk.pc: install Debian's dpdk-dev for the side-by-side figures"
fi
