#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# net_pcap side by side: app/bench/bench_pcap.c built against this tree (BUILD_DIR, default
# build) and against the system's DPDK (Debian's libdpdk.pc), run in the same session.
# Prints both outputs and the ratios (this tree / system DPDK).
#   devtools/bench-pcap.sh [build-dir] [capture-parent-dir]
# The captures go to a fresh directory under capture-parent-dir (default /tmp). The file system
# matters: re-creating the tx capture truncates the previous one, which on ext4 waits for its
# data to be written out (milliseconds), on tmpfs (/dev/shm) it does not.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
parent=${2:-/tmp}
work=$(mktemp -d "$parent/bench-pcap.XXXXXX")
trap 'rm -rf "$work"' EXIT
sys_pc=/usr/lib/x86_64-linux-gnu/pkgconfig

ninja -C "$build" app/bench/bench_pcap >/dev/null
ours=$build/app/bench/bench_pcap
if ! PKG_CONFIG_PATH=$sys_pc pkg-config --exists libdpdk; then
	echo "system DPDK not installed (apt-get install libdpdk-dev): only this tree is measured"
	"$ours" --no-huge -l 0 --file-prefix=bp-ours --log-level=3 -- "$work"
	exit 0
fi
# shellcheck disable=SC2046
cc -O3 -o "$work/bench_pcap_sys" app/bench/bench_pcap.c \
	$(PKG_CONFIG_PATH=$sys_pc pkg-config --cflags --libs libdpdk) -lpcap
run() { "$@" --no-huge -l 0 --no-pci --log-level=3 -- "$work"; }
echo "captures in $work ($(df -T "$work" | awk 'NR == 2 { print $2 }'))"
echo "== this tree"
run "$ours" --file-prefix=bp-ours | tee "$work/ours.txt"
echo "== system DPDK $(PKG_CONFIG_PATH=$sys_pc pkg-config --modversion libdpdk)"
run "$work/bench_pcap_sys" --file-prefix=bp-sys | tee "$work/sys.txt"
echo "== ratios (this tree / system DPDK)"
paste "$work/ours.txt" "$work/sys.txt" | awk -F'\t' '
	{ n = split($1, a, " "); split($2, b, " ");
	  if ($1 ~ /p50/) printf "%s %s p50 ratio %.3f (lower is better)\n", a[1], a[2],
		a[5] / b[5];
	  else printf "rx Mpps ratio %.3f (higher is better)\n", a[n] / b[n]; }'
