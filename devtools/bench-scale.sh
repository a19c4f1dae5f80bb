#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# How port attach and detach costs grow with the number of ports (app/bench/bench_scale.c).
# Builds this tree with -Dmax_ethports=1024 in build-scale (configured on first use), runs the
# benchmark with 1000 ports and prints the mean and median latency of the ten ports ending at
# 10, 100, 500 and 1000 ports, with the ratios last ten / first ten.
#   devtools/bench-scale.sh [build-dir] [ports]
# The same source is then built against Debian's DPDK 22.11 when libdpdk-dev is installed.
# Debian builds it with RTE_MAX_ETHPORTS=32, so it runs there with RTE_MAX_ETHPORTS - 1 ports
# only (the 10-port figures and ratios over that count); this is said in the output.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-scale}
ports=${2:-1000}
dpdk_pc=/usr/lib/x86_64-linux-gnu/pkgconfig
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$build/build.ninja" ]; then
	nice -n 19 meson setup "$build" -Dmax_ethports=1024 -Dbuildtype=release >"$work/setup.log" ||
		{ cat "$work/setup.log" >&2; exit 1; }
fi
nice -n 19 ninja -C "$build" >"$work/build.log" ||
	{ cat "$work/build.log" >&2; exit 1; }

ours=$(nice -n 19 "$build/app/bench/bench_scale" --no-huge -l 0 --file-prefix=bench_sc_ours_$$ \
	-d "$build/drivers/librte_net_null.so" --log-level=lib.eal:error -- "$ports" 2>/dev/null)

dpdk=""
dpdk_ports=0
if PKG_CONFIG_PATH=$dpdk_pc pkg-config --exists libdpdk 2>/dev/null; then
	cflags=$(PKG_CONFIG_PATH=$dpdk_pc pkg-config --cflags libdpdk)
	# shellcheck disable=SC2086
	max=$(printf '#include <rte_config.h>\nRTE_MAX_ETHPORTS\n' | cc -E -P $cflags - |
		tail -n 1)
	dpdk_ports=$((max - 1 < ports ? max - 1 : ports))
	# shellcheck disable=SC2046
	if cc -O3 -march=native -o "$work/bench_dpdk" app/bench/bench_scale.c \
		$(PKG_CONFIG_PATH=$dpdk_pc pkg-config --cflags --libs libdpdk) \
		2>"$work/cc.log"; then
		# -a 0000:00:00.0: probe no real PCI device, as this tree's run does not either.
		dpdk=$(nice -n 19 "$work/bench_dpdk" --no-huge -l 0 \
			--file-prefix=bench_sc_dpdk_$$ -a 0000:00:00.0 -- "$dpdk_ports" 2>/dev/null) ||
			dpdk=""
	else
		cat "$work/cc.log" >&2
	fi
else
	echo "Debian's DPDK 22.11 (libdpdk-dev) not found: printing this tree only" >&2
fi

get() { printf '%s\n' "$1" | awk -v k="$2" '$1 == k { print $2 }'; }

printf '%-8s %12s %12s %12s %12s   %12s %12s\n' ports attach_us attach_med detach_us \
	detach_med dpdk_attach dpdk_detach
for k in 10 100 500 1000 2000 4000; do
	a=$(get "$ours" "attach_at_${k}_us")
	[ -n "$a" ] || continue
	printf '%-8s %12s %12s %12s %12s   %12s %12s\n' "$k" "$a" \
		"$(get "$ours" "attach_med_at_${k}_us")" "$(get "$ours" "detach_at_${k}_us")" \
		"$(get "$ours" "detach_med_at_${k}_us")" "$(get "$dpdk" "attach_at_${k}_us")" \
		"$(get "$dpdk" "detach_at_${k}_us")"
done
printf '%-8s %12s %12s %12s %12s   %12s %12s\n' last/1st \
	"$(get "$ours" attach_last_over_first)" "$(get "$ours" attach_med_last_over_first)" \
	"$(get "$ours" detach_last_over_first)" "$(get "$ours" detach_med_last_over_first)" \
	"$(get "$dpdk" attach_last_over_first)" "$(get "$dpdk" detach_last_over_first)"
echo "this tree: $ports ports ($build, max_ethports=1024); times are thread CPU time, mean and"
echo "median of the ten ports ending at each count; last/1st: last ten over first ten."
if [ -n "$dpdk" ]; then
	echo "DPDK 22.11 (Debian): RTE_MAX_ETHPORTS=$max, so run with $dpdk_ports ports only;"
	echo "its last/1st compares ports $((dpdk_ports - 9))..$dpdk_ports with 1..10."
fi
