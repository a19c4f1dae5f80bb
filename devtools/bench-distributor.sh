#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Distributor round trip of this tree against an installed DPDK (Debian's 22.11 by default):
# app/bench/bench_distributor.c built against both sides at -O2 and -O3 through
# devtools/bench-buffers.sh, which installs the tree, builds the four variants and runs them in
# turn, pinned. Two CPUs: the distributor on the first lcore, the worker of the xcore_ figures
# on the second; the local_ figures run on the first alone.
#
# Usage: devtools/bench-distributor.sh [runs]   (default 7 runs)
# Environment: as devtools/bench-buffers.sh (BUILD, DPDK_PC_PATH, MARCH, CC, KEEP, EAL_ARGS,
# CPUS: two CPUs, default 0,1).
set -e

runs=${1:-7}
top=$(cd "$(dirname "$0")/.." && pwd)
cpus=${CPUS:-0,1}
eal=${EAL_ARGS:-"-l 0-1 --no-huge -m 256 --no-pci --log-level=lib.eal:error"}
PROGRAM=bench_distributor EAL_ARGS=$eal CPUS=$cpus sh "$top/devtools/bench-buffers.sh" "$runs"
