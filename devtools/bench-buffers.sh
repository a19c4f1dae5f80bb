#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Build app/bench/bench_buffers.c against this tree and against an installed DPDK (Debian's
# 22.11 by default), run both several times, alternating, and print the median of every
# figure side by side with the ratio ours / theirs (lower is better for us), and the same for
# the best run of each side.
#
# Usage: devtools/bench-buffers.sh [runs]
# Environment: BUILD (our build directory, default build-bench, configured as release if
#   missing), DPDK_PC_PATH (directory of the other libdpdk.pc), EAL_ARGS (default two lcores
#   without hugepages), CC.
set -e

runs=${1:-5}
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build-bench}
pc_path=${DPDK_PC_PATH:-/usr/lib/x86_64-linux-gnu/pkgconfig}
eal_args=${EAL_ARGS:-"-l 0-1 --no-huge -m 512 --no-pci"}
cc=${CC:-cc}
work=$(mktemp -d /tmp/bench-buffers.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" "$top" -Dbuildtype=release >"$work/setup.log" 2>&1 ||
		{ cat "$work/setup.log"; exit 1; }
fi
ninja -C "$build" app/bench/bench_buffers >"$work/build.log" 2>&1 ||
	{ cat "$work/build.log"; exit 1; }
ours=$build/app/bench/bench_buffers

# Same optimisation and target as our release build, so only the libraries differ.
theirs=$work/bench_buffers_dpdk
cflags=$(PKG_CONFIG_PATH=$pc_path pkg-config --cflags libdpdk)
libs=$(PKG_CONFIG_PATH=$pc_path pkg-config --libs libdpdk)
theirs_version=$(PKG_CONFIG_PATH=$pc_path pkg-config --modversion libdpdk)
# shellcheck disable=SC2086
$cc -O3 $cflags -march=native "$top/app/bench/bench_buffers.c" -o "$theirs" $libs

i=1
while [ "$i" -le "$runs" ]; do
	# shellcheck disable=SC2086
	"$ours" $eal_args --file-prefix=bench_buffers_ours 2>/dev/null |
		grep -E '^[a-z0-9_]+ [0-9.]+$' >"$work/ours.$i"
	# shellcheck disable=SC2086
	"$theirs" $eal_args --file-prefix=bench_buffers_theirs 2>/dev/null |
		grep -E '^[a-z0-9_]+ [0-9.]+$' >"$work/theirs.$i"
	i=$((i + 1))
done

echo "cycles per object over $runs alternating runs (ours: $top, theirs: DPDK $theirs_version)"
echo "median: the middle run; best: the fastest run of each side. Both matter on a shared"
echo "machine: a run of either side can be up to twice slower when another guest or the host"
echo "uses the sibling CPU thread, so the best run is the cost of the code itself."
/usr/bin/python3 - "$work" "$runs" <<'PY'
import sys, statistics
work, runs = sys.argv[1], int(sys.argv[2])
def load(side):
    vals = {}
    order = []
    for i in range(1, runs + 1):
        for line in open(f"{work}/{side}.{i}"):
            name, v = line.split()
            if name not in vals:
                vals[name] = []
                order.append(name)
            vals[name].append(float(v))
    return order, vals
order, ours = load("ours")
_, theirs = load("theirs")
print(f"{'figure':28} {'ours':>8} {'22.11':>8} {'ratio':>6}   {'best':>6} {'best':>6} {'ratio':>6}")
worst_med = worst_best = 0.0
for name in order:
    t_all = theirs.get(name, [float('nan')])
    o, t = statistics.median(ours[name]), statistics.median(t_all)
    ob, tb = min(ours[name]), min(t_all)
    r = o / t if t else float('nan')
    rb = ob / tb if tb else float('nan')
    worst_med, worst_best = max(worst_med, r), max(worst_best, rb)
    print(f"{name:28} {o:8.2f} {t:8.2f} {r:6.2f}   {ob:6.2f} {tb:6.2f} {rb:6.2f}")
print(f"worst ratio: {worst_med:.2f} (medians), {worst_best:.2f} (best runs)")
PY