#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Port hotplug and burst benchmark, this tree against Debian's DPDK 22.11, same source
# (app/bench/bench_hotplug.c), same machine, same session. Prints both side by side with
# ratio = this tree / DPDK (lower is better for every figure).
#   devtools/bench-hotplug.sh [build-dir] [cycles] [burst-packets]
# DPDK is run twice: with its default options, and with --no-shconf (multi-process channel
# off), since that channel dominates its hotplug latency.
# Then both are run with --no-pool (no mempool created before the hotplug loop, so nothing else
# holds EAL's heap), with default options (hugepages) and with --no-huge, and the system calls
# of one attach+detach cycle are counted with strace -c -f (needs strace; skipped without it).
# Last, both are run with one secondary process of the same prefix (the same program, idle),
# so that every attach and detach is also done in the secondary (hotplug across processes).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
cycles=${2:-1000}
packets=${3:-20000000}
dpdk_pc=/usr/lib/x86_64-linux-gnu/pkgconfig
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x "$build/app/bench/bench_hotplug" ]; then
	echo "no $build/app/bench/bench_hotplug: build the tree first (ninja -C $build)" >&2
	exit 1
fi
ours=$("$build/app/bench/bench_hotplug" --no-huge -l 0 --file-prefix=bench_hp_ours_$$ \
	-d "$build/drivers/librte_net_null.so" -d "$build/drivers/librte_net_ring.so" \
	--log-level=lib.eal:error -- "$cycles" "$packets" 2>/dev/null)

have_dpdk=0
if PKG_CONFIG_PATH=$dpdk_pc pkg-config --exists libdpdk 2>/dev/null; then
	# shellcheck disable=SC2046
	if cc -O3 -march=native -o "$work/bench_dpdk" app/bench/bench_hotplug.c \
		$(PKG_CONFIG_PATH=$dpdk_pc pkg-config --cflags --libs libdpdk) \
		2>"$work/cc.log"; then
		have_dpdk=1
	else
		cat "$work/cc.log" >&2
	fi
fi
if [ $have_dpdk = 1 ]; then
	# -a 0000:00:00.0: probe no real PCI device, as this tree's bench does not either.
	dpdk=$("$work/bench_dpdk" --no-huge -l 0 --file-prefix=bench_hp_dpdk_$$ \
		-a 0000:00:00.0 -- "$cycles" "$packets" 2>/dev/null)
	dpdk_ns=$("$work/bench_dpdk" --no-huge -l 0 --file-prefix=bench_hp_dpdk2_$$ --no-shconf \
		-a 0000:00:00.0 -- "$cycles" "$packets" 2>/dev/null)
else
	echo "Debian's DPDK 22.11 (libdpdk-dev) not found: printing this tree only" >&2
	dpdk=""
	dpdk_ns=""
fi

get() { printf '%s\n' "$1" | awk -v k="$2" '$1 == k { print $2 }'; }

printf '%-28s %12s %12s %8s %14s %8s\n' figure this-tree dpdk-22.11 ratio dpdk-no-shconf ratio
for k in attach_null_p50_us attach_null_p99_us detach_null_p50_us detach_null_p99_us \
	attach_null_p50_all_us detach_null_p50_all_us \
	attach_ring_p50_us attach_ring_p99_us detach_ring_p50_us detach_ring_p99_us \
	attach_ring_p50_all_us detach_ring_p50_all_us burst_null_cycles_per_pkt; do
	a=$(get "$ours" "$k")
	b=$(get "$dpdk" "$k")
	c=$(get "$dpdk_ns" "$k")
	awk -v k="$k" -v a="${a:-nan}" -v b="${b:-nan}" -v c="${c:-nan}" 'BEGIN {
		r1 = (b + 0 > 0) ? sprintf("%.2f", a / b) : "-";
		r2 = (c + 0 > 0) ? sprintf("%.2f", a / c) : "-";
		printf "%-28s %12s %12s %8s %14s %8s\n", k, a, b, r1, c, r2 }'
done
echo "cycles=$cycles burst_packets=$packets"
echo "hotplug figures: p50/p99 of the best of 5 rounds of $cycles cycles, 100 ms apart (by p50); _all: p50"
echo "over every cycle of the 5 rounds. Burst figure: best of 3 rounds, one lcore."

# System calls per attach+detach cycle: two runs of different lengths under strace -c -f, the
# difference divided by the extra cycles (5 rounds of net_null and net_ring each), so that
# start-up and clean-up cancel out. Prints "mmap+munmap total".
per_cycle() {
	local n1=50 n2=150
	strace -f -c -o "$work/st1" "$@" -- --no-pool $n1 >/dev/null 2>&1 || return 0
	strace -f -c -o "$work/st2" "$@" -- --no-pool $n2 >/dev/null 2>&1 || return 0
	awk -v cyc=$(((n2 - n1) * 5 * 2)) '
		FNR == 1 { f++ }
		$NF == "mmap" || $NF == "munmap" { m[f] += $4 }
		$NF == "total" { t[f] = $4 }
		function per(x) { x /= cyc; return x < 0.005 && x > -0.005 ? 0 : x }
		END { printf "%.2f %.2f\n", per(m[2] - m[1]), per(t[2] - t[1]) }' \
		"$work/st1" "$work/st2"
}

have_strace=0
command -v strace >/dev/null 2>&1 && have_strace=1
for mode in default --no-huge; do
	opt=""
	[ "$mode" = default ] || opt=$mode
	# shellcheck disable=SC2086
	set -- "$build/app/bench/bench_hotplug" $opt -l 0 --file-prefix=bench_hp_np_$$ \
		-d "$build/drivers/librte_net_null.so" -d "$build/drivers/librte_net_ring.so" \
		--log-level=lib.eal:error
	ours=$("$@" -- --no-pool "$cycles" 2>/dev/null)
	ours_sc=""
	[ $have_strace = 0 ] || ours_sc=$(per_cycle "$@")
	dpdk=""
	dpdk_sc=""
	if [ $have_dpdk = 1 ]; then
		# shellcheck disable=SC2086
		set -- "$work/bench_dpdk" $opt -l 0 --file-prefix=bench_hp_npd_$$ -a 0000:00:00.0
		dpdk=$("$@" -- --no-pool "$cycles" 2>/dev/null)
		[ $have_strace = 0 ] || dpdk_sc=$(per_cycle "$@")
	fi
	echo
	echo "no mempool before the loop (--no-pool), EAL options: $mode"
	printf '%-28s %12s %12s %8s\n' figure this-tree dpdk-22.11 ratio
	for k in attach_null_p50_us attach_null_p99_us detach_null_p50_us detach_null_p99_us \
		attach_ring_p50_us detach_ring_p50_us mmap+munmap_per_cycle syscalls_per_cycle; do
		case $k in
		mmap+munmap_per_cycle) a=${ours_sc% *}; b=${dpdk_sc% *} ;;
		syscalls_per_cycle) a=${ours_sc#* }; b=${dpdk_sc#* } ;;
		*) a=$(get "$ours" "$k"); b=$(get "$dpdk" "$k") ;;
		esac
		awk -v k="$k" -v a="${a:-nan}" -v b="${b:-nan}" 'BEGIN {
			r = (b + 0 > 0) ? sprintf("%.2f", a / b) : "-";
			printf "%-28s %12s %12s %8s\n", k, a, b, r }'
	done
done
echo "syscalls: per attach+detach cycle (net_null and net_ring alike), strace -c -f, all threads"

# One idle secondary beside the primary: every attach and detach happens in both processes.
# with_secondary BIN PREFIX EAL-ARGS...: the primary's figures (the secondary on lcore 1).
with_secondary() {
	local bin=$1 prefix=$2 out=$work/ws_$2 pid i
	shift 2
	"$bin" -l 0 "$@" --file-prefix="$prefix" --proc-type=primary -- --no-pool --with-secondary \
		"$cycles" >"$out" 2>/dev/null &
	pid=$!
	# the secondary stays until the primary is done; it fails while the primary starts
	for i in $(seq 100); do
		sleep 0.2
		"$bin" -l 1 "$@" --file-prefix="$prefix" --proc-type=secondary -- --secondary-idle \
			>/dev/null 2>&1 && break
		kill -0 "$pid" 2>/dev/null || break
	done
	wait "$pid" || true
	cat "$out"
}
ours=$(with_secondary "$build/app/bench/bench_hotplug" bench_hp_ws_$$ \
	-d "$build/drivers/librte_net_null.so" -d "$build/drivers/librte_net_ring.so" \
	--log-level=lib.eal:error)
dpdk=""
if [ $have_dpdk = 1 ]; then
	# DPDK's secondaries need a hugepage primary
	dpdk=$(with_secondary "$work/bench_dpdk" bench_hp_wsd_$$ -a 0000:00:00.0)
fi
echo
echo "one secondary process beside the primary (--no-pool, hugepages): attach and detach in both"
printf '%-28s %12s %12s %8s\n' figure this-tree dpdk-22.11 ratio
for k in attach_null_p50_us attach_null_p99_us detach_null_p50_us detach_null_p99_us \
	attach_ring_p50_us detach_ring_p50_us; do
	a=$(get "$ours" "$k")
	b=$(get "$dpdk" "$k")
	awk -v k="$k" -v a="${a:-nan}" -v b="${b:-nan}" 'BEGIN {
		r = (b + 0 > 0) ? sprintf("%.2f", a / b) : "-";
		printf "%-28s %12s %12s %8s\n", k, a, b, r }'
done
