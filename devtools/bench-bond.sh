#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Packets lost by net_bonding in modes 1, 2 and 4 while a member leaves under load and comes
# back (app/bench/bench_bond.c): two bonds over back-to-back net_ring members, one lcore.
#   devtools/bench-bond.sh [build-dir] [packets/s]      (defaults: build, 200000)
# The figures depend on the machine being otherwise idle: a process that does not run for a
# short timeout (600 ms with the quick timers) makes its LACP partner give up.
# The source uses DPDK 22.11's API only, but is not run against Debian's DPDK here: its
# net_ring cannot change a MAC address, which its bond needs at start.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
rate=${2:-200000}

trap 'rm -rf /var/run/dpdk/bench_bond_$$' EXIT
ninja -C "$build" app/bench/bench_bond >/dev/null
"$build/app/bench/bench_bond" --no-huge -m 512 -l 0 --no-pci --file-prefix=bench_bond_$$ \
	--log-level=3 -- "$rate"
