#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Lookup and timer figures of this tree against an installed DPDK (Debian's 22.11 by default),
# the same source built against both at -O2 and -O3: rte_hash_lookup_bulk on 1M keys (hits and
# misses), rte_jhash and rte_hash_crc of 4..64-byte keys (app/bench/bench_hash.c),
# rte_lpm_lookup_bulk and rte_lpm_lookupx4 on 500k random routes (bench_lpm.c),
# rte_fib_lookup_bulk and rte_fib6_lookup_bulk (bench_fib.c), and the timer library with 100k
# timers (bench_timer.c). Each program goes through devtools/bench-buffers.sh, which installs
# the tree, builds the four variants and runs them in turn, pinned.
#
# Usage: devtools/bench-lookup.sh [runs] [program...]   (default 5 runs, all four programs)
# Environment: as devtools/bench-buffers.sh (BUILD, DPDK_PC_PATH, MARCH, CC, KEEP, EAL_ARGS);
# CPUS is one CPU here (default 1), the lcore the programs run on.
set -e

runs=${1:-5}
[ $# -gt 0 ] && shift
top=$(cd "$(dirname "$0")/.." && pwd)
programs=${*:-bench_hash bench_lpm bench_fib bench_timer}
for program in $programs; do
	# the tables need more memory than the buffers benchmark; one lcore is enough
	case $program in
	bench_hash|bench_lpm|bench_fib) mem=1024 ;;
	*) mem=256 ;;
	esac
	cpu=${CPUS:-1}
	eal=${EAL_ARGS:-"-l $cpu --no-huge -m $mem --no-pci --log-level=lib.eal:error"}
	PROGRAM=$program EAL_ARGS=$eal CPUS=$cpu sh "$top/devtools/bench-buffers.sh" "$runs"
	echo
done
