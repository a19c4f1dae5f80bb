#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Per-packet cost of the packet-processing libraries of this tree against an installed DPDK
# (Debian's 22.11 by default), the same source built against both at -O2 and -O3: meter colour
# checks (app/bench/bench_meter.c), reorder insert and drain (bench_reorder.c), GRO and GSO of a
# TCP stream (bench_gro.c), scheduler enqueue and dequeue (bench_sched.c) on one lcore through
# devtools/bench-lookup.sh, then the distributor round trip (bench_distributor.c, two lcores)
# through devtools/bench-distributor.sh.
#
# Usage: devtools/bench-packet-libs.sh [runs]   (default 5 runs)
# Environment: as devtools/bench-buffers.sh (BUILD, DPDK_PC_PATH, MARCH, CC, KEEP); CPUS is left
# to each script (one CPU for the first four programs, two for the distributor).
set -e

runs=${1:-5}
top=$(cd "$(dirname "$0")/.." && pwd)
sh "$top/devtools/bench-lookup.sh" "$runs" bench_meter bench_reorder bench_gro bench_sched
sh "$top/devtools/bench-distributor.sh" "$runs"
