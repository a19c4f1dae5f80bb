#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Start-up cost of EAL, this tree against Debian's DPDK 22.11, side by side: wall time of
# rte_eal_init + rte_eal_cleanup and the process's peak RSS (VmHWM), with --no-huge and with
# 2 MB hugepages. The same source, app/bench/bench_eal_init.c, is built by this tree's build
# system and with the pkg-config file of libdpdk-dev; every measurement is a fresh process and
# the table shows medians of RUNS runs (default 7) and the ratio DPDK 22.11 / this tree.
#
#   devtools/bench-eal-init.sh [build-dir]     (default: build-bench, configured if missing)
#
# Debian's DPDK loads every PMD of its pmds folder at start-up (as it is packaged); this tree's
# build folder has no pmds folder, so its EAL loads none. The "ours -d drivers" rows load this
# tree's drivers as plugins with -d, to show what that costs here.
set -u
cd "$(dirname "$0")/.."
top=$PWD
build=${1:-$top/build-bench}
runs=${RUNS:-7}
work=$(mktemp -d /tmp/bench-eal-init.XXXXXX)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3

if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" -Dbuildtype=release >"$work/setup.log" 2>&1 ||
		{ cat "$work/setup.log"; echo "cannot configure $build"; exit 1; }
fi
ninja -C "$build" app/bench/bench_eal_init >"$work/ninja.log" 2>&1 ||
	{ tail -n 30 "$work/ninja.log"; echo "cannot build bench_eal_init in $build"; exit 1; }
ours=$build/app/bench/bench_eal_init

dpdk=$work/bench_eal_init_dpdk2211
dpdk_pc=/usr/lib/x86_64-linux-gnu/pkgconfig
if PKG_CONFIG_PATH=$dpdk_pc pkg-config --exists libdpdk 2>/dev/null; then
	# shellcheck disable=SC2046
	cc -O2 -o "$dpdk" app/bench/bench_eal_init.c \
		$(PKG_CONFIG_PATH=$dpdk_pc pkg-config --cflags --libs libdpdk) 2>"$work/cc.log" ||
		{ cat "$work/cc.log"; echo "cannot build against DPDK 22.11"; dpdk=; }
	dpdk_version=$(PKG_CONFIG_PATH=$dpdk_pc pkg-config --modversion libdpdk)
else
	echo "libdpdk-dev not installed (apt-get install libdpdk-dev): only this tree is measured"
	dpdk=
	dpdk_version=none
fi

free_huge=$(cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages 2>/dev/null || echo 0)
variants=("no-huge|--no-huge -l 0")
if [ "$free_huge" -ge 64 ] && [ "$(id -u)" -eq 0 ]; then
	variants+=("hugepages|-l 0")
else
	echo "fewer than 64 free 2 MB hugepages (or not root): the hugepage variant is skipped"
fi
# The build folder also holds objects folders named like libraries: link the driver libraries
# alone into a folder for -d.
drivers_dir=$work/drivers
have_drivers=0
mkdir -p "$drivers_dir"
for so in "$build"/drivers/librte_*.so; do
	[ -f "$so" ] || continue
	ln -s "$(readlink -f "$so")" "$drivers_dir/$(basename "$so")"
	have_drivers=1
done

# run <label> <binary> <args...>: one line per run, "label key=value ..."
run() {
	local label=$1 bin=$2 line
	shift 2
	line=$("$bin" "$@" --file-prefix=bench_eal_init 2>/dev/null | grep '^bench_eal_init:')
	if [ -z "$line" ]; then
		echo "$label failed"
	else
		echo "$label ${line#bench_eal_init: }"
	fi
}

for v in "${variants[@]}"; do
	name=${v%%|*}
	read -r -a args <<<"${v#*|}"
	for ((i = 0; i < runs; i++)); do
		run "$name ours" "$ours" "${args[@]}"
		[ -n "$dpdk" ] && run "$name dpdk" "$dpdk" "${args[@]}"
		# Drivers need the tree's other libraries (ethdev, mbuf, ...) from the build folder.
		[ "$have_drivers" = 1 ] && LD_LIBRARY_PATH=$build/lib:$build/drivers \
			run "$name ours-d" "$ours" "${args[@]}" -d "$drivers_dir"
	done
done >"$work/results"

echo "EAL init + cleanup, medians of $runs fresh processes (DPDK $dpdk_version vs this tree)"
"$py" - "$work/results" <<'PYEOF'
import statistics
import sys

rows = {}
failed = set()
for line in open(sys.argv[1]):
    parts = line.split()
    key = (parts[0], parts[1])
    if parts[2] == "failed":
        failed.add(key)
        continue
    vals = dict(kv.split("=") for kv in parts[2:])
    rows.setdefault(key, []).append(vals)

def med(key, field):
    return statistics.median(float(r[field]) for r in rows[key])

metrics = [("init+cleanup ms", "total_ms", 1.0), ("init ms", "init_ms", 1.0),
           ("1st rte_get_tsc_hz ms", "tsc_hz_ms", 1.0), ("CPU time ms", "cpu_ms", 1.0),
           ("peak RSS MiB (VmHWM)", "vmhwm_kib", 1024.0),
           ("RSS before init MiB", "rss_before_kib", 1024.0)]
print("%-10s %-22s %12s %12s %9s %16s" % ("variant", "metric", "this tree", "DPDK 22.11",
      "ratio", "ours -d drivers"))
for variant in sorted({k[0] for k in rows} | {k[0] for k in failed}):
    for label, field, scale in metrics:
        cells = []
        for who in ("ours", "dpdk", "ours-d"):
            key = (variant, who)
            if key in rows:
                cells.append(med(key, field) / scale)
            else:
                cells.append(None)
        # No ratio of values too small to measure (a few microseconds).
        ratio = "-" if None in cells[:2] or min(cells[:2]) < 0.05 else \
            "%.1fx" % (cells[1] / cells[0])
        fmt = lambda c: ("%.2f" % c) if c is not None else "-"
        print("%-10s %-22s %12s %12s %9s %16s" % (variant, label, fmt(cells[0]), fmt(cells[1]),
              ratio, fmt(cells[2])))
for key in sorted(failed):
    print("note: %s %s failed at least once" % key)
PYEOF
