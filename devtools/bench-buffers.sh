#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Packet-buffer fast paths of this tree against an installed DPDK (Debian's 22.11 by default),
# the way an application sees them: the tree is installed into a private prefix, and the same
# source, app/bench/bench_buffers.c, is compiled against each side's libdpdk.pc, at -O2 and at
# -O3, with the flags each pkg-config gives (the tree is configured for the same -march as the
# other side's Cflags, so both sides get the same target). The four programs run in turn,
# pinned with taskset, several times; the script prints, per figure, the median over the runs
# and the best run of each side, with the ratio tree / DPDK (lower is better for the tree).
#
# Usage: devtools/bench-buffers.sh [runs]        (default 7 runs)
# Environment:
#   PROGRAM       the app/bench source to compare, without .c (default bench_buffers); it must
#                 print its figures as "name value" lines (devtools/bench-lookup.sh uses this)
#   BUILD         build directory for the tree (default build-bench); configured as release
#                 with --prefix=$BUILD/install when missing, then built and installed there
#   DPDK_PC_PATH  directory of the other side's libdpdk.pc (/usr/lib/x86_64-linux-gnu/pkgconfig)
#   MARCH         -march of the tree's build (default: the one in the other side's Cflags)
#   CPUS          taskset CPU list (default 0,1); EAL_ARGS (default two lcores, no hugepages)
#   CC            compiler for the bench programs (default cc)
#   KEEP          a directory to keep the raw per-run figures in
# Builds run at nice 19 so as not to disturb other work; the measurements are not niced.
set -e

runs=${1:-7}
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build-bench}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
pc_path=${DPDK_PC_PATH:-/usr/lib/x86_64-linux-gnu/pkgconfig}
eal_args=${EAL_ARGS:-"-l 0-1 --no-huge -m 512 --no-pci --log-level=lib.eal:error"}
cpus=${CPUS:-0,1}
cc=${CC:-cc}
program=${PROGRAM:-bench_buffers}
[ -f "$top/app/bench/$program.c" ] || { echo "no such program: app/bench/$program.c" >&2; exit 1; }
work=$(mktemp -d /tmp/bench-buffers.XXXXXX)
trap 'rm -rf "$work"' EXIT

theirs_cflags=$(PKG_CONFIG_PATH=$pc_path pkg-config --cflags libdpdk)
theirs_libs=$(PKG_CONFIG_PATH=$pc_path pkg-config --libs libdpdk)
theirs_version=$(PKG_CONFIG_PATH=$pc_path pkg-config --modversion libdpdk)
# shellcheck disable=SC2086 # split the flags, one per line
march=${MARCH:-$(printf '%s\n' $theirs_cflags | sed -n 's/^-march=//p' | head -n 1)}
march=${march:-generic}

if [ ! -f "$build/build.ninja" ]; then
	nice -n 19 meson setup "$build" "$top" -Dbuildtype=release -Dcpu_instruction_set="$march" \
		-Dtests=false -Dexamples=false --prefix="$build/install" \
		>"$work/setup.log" 2>&1 || { cat "$work/setup.log"; exit 1; }
fi
{ nice -n 19 ninja -C "$build" && nice -n 19 meson install -C "$build" --quiet; } \
	>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
ours_pc=$(dirname "$(find "$build/install" -name libdpdk.pc | head -n 1)")
ours_cflags=$(PKG_CONFIG_PATH=$ours_pc pkg-config --cflags libdpdk)
ours_libs=$(PKG_CONFIG_PATH=$ours_pc pkg-config --libs libdpdk)
# shellcheck disable=SC2086
ours_march=$(printf '%s\n' $ours_cflags | sed -n 's/^-march=//p' | head -n 1)
if [ "$ours_march" != "$march" ]; then
	echo "warning: $build targets -march=$ours_march, the other side $march;" \
		"remove $build to reconfigure" >&2
fi

for opt in O2 O3; do
	# shellcheck disable=SC2086
	nice -n 19 $cc -$opt $ours_cflags "$top/app/bench/$program.c" -o "$work/tree-$opt" \
		$ours_libs
	# shellcheck disable=SC2086
	nice -n 19 $cc -$opt $theirs_cflags "$top/app/bench/$program.c" -o "$work/dpdk-$opt" \
		$theirs_libs
done

i=1
while [ "$i" -le "$runs" ]; do
	for prog in tree-O2 dpdk-O2 tree-O3 dpdk-O3; do
		# shellcheck disable=SC2086
		taskset -c "$cpus" "$work/$prog" $eal_args --file-prefix="${program}_$prog" \
			2>/dev/null | grep -E '^[a-z0-9_]+ [0-9.]+$' >"$work/$prog.$i" || true
	done
	i=$((i + 1))
done
if [ -n "$KEEP" ]; then
	mkdir -p "$KEEP"
	cp "$work"/*-O?.* "$KEEP"/
fi

echo "$program: cycles per object or lookup over $runs alternating runs, -march=$march"
echo "tree: $top; DPDK: $theirs_version ($pc_path)"
echo "median: the middle run; best: the fastest run of each side. Both matter on a shared"
echo "machine: a run of either side can be up to twice slower when another guest or the host"
echo "uses the sibling CPU thread, so the best run is the cost of the code itself."
/usr/bin/python3 - "$work" "$runs" <<'PY'
import math, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
progs = ["tree-O2", "dpdk-O2", "tree-O3", "dpdk-O3"]
order, vals = [], {p: {} for p in progs}
for p in progs:
    for i in range(1, runs + 1):
        for line in open(f"{work}/{p}.{i}"):
            name, v = line.split()
            if name not in order:
                order.append(name)
            vals[p].setdefault(name, []).append(float(v))
def pick(p, name, how):
    v = vals[p].get(name)
    if not v:
        return math.nan
    return statistics.median(v) if how == "median" else min(v)
for how in ("median", "best"):
    print()
    print(f"{how:28} {'tree-O2':>8} {'DPDK-O2':>8} {'ratio':>6}"
          f" {'tree-O3':>8} {'DPDK-O3':>8} {'ratio':>6}")
    worst = 0.0
    for name in order:
        row = [pick(p, name, how) for p in progs]
        r2 = row[0] / row[1] if row[1] else math.nan
        r3 = row[2] / row[3] if row[3] else math.nan
        worst = max(worst, r2 if r2 == r2 else 0, r3 if r3 == r3 else 0)
        print(f"{name:28} {row[0]:8.2f} {row[1]:8.2f} {r2:6.2f}"
              f" {row[2]:8.2f} {row[3]:8.2f} {r3:6.2f}")
    print(f"worst ratio ({how}): {worst:.2f}")
PY
