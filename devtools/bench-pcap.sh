#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# net_pcap side by side: app/bench/bench_pcap.c built against this tree (BUILD_DIR, default
# build) and against the system's DPDK (Debian's libdpdk.pc), run in the same session.
# Prints both outputs and the ratios (this tree / system DPDK).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d /tmp/bench-pcap.XXXXXX)
trap 'rm -rf "$work"' EXIT
sys_pc=/usr/lib/x86_64-linux-gnu/pkgconfig

ninja -C "$build" app/bench/bench_pcap >/dev/null
ours=$build/app/bench/bench_pcap
if ! PKG_CONFIG_PATH=$sys_pc pkg-config --exists libdpdk; then
	echo "system DPDK not installed (apt-get install libdpdk-dev): only this tree is measured"
	"$ours" --no-huge -l 0 --file-prefix=bp-ours --log-level=3 -- "$work"
	exit 0
fi
cc -O3 -o "$work/bench_pcap_sys" app/bench/bench_pcap.c \
	$(PKG_CONFIG_PATH=$sys_pc pkg-config --cflags --libs libdpdk) -lpcap
run() { "$@" --no-huge -l 0 --no-pci --log-level=3 -- "$work"; }
echo "== this tree"
run "$ours" --file-prefix=bp-ours | tee "$work/ours.txt"
echo "== system DPDK $(PKG_CONFIG_PATH=$sys_pc pkg-config --modversion libdpdk)"
run "$work/bench_pcap_sys" --file-prefix=bp-sys | tee "$work/sys.txt"
echo "== ratios (this tree / system DPDK)"
paste "$work/ours.txt" "$work/sys.txt" | awk -F'\t' '
	{ n = split($1, a, " "); split($2, b, " ");
	  if ($1 ~ /attach|detach/) printf "%s p50 ratio %.3f (lower is better)\n", a[2], a[5] / b[5];
	  else printf "rx Mpps ratio %.3f (higher is better)\n", a[n] / b[n]; }'
