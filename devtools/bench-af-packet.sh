#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# net_af_packet on a veth pair (app/bench/bench_af_packet.c): attach/detach cycles with the
# descriptors, maps and heap bytes before and after, then frames per second with 1 and 2 queue
# pairs, this tree beside Debian's DPDK 22.11 (built from the same source when libdpdk-dev is
# installed). Each program runs as root in a network namespace of its own holding a fresh veth
# pair, so nothing outlives it, pinned to one CPU.
#   devtools/bench-af-packet.sh [build-dir] [cycles] [seconds] [runs]
# Defaults: build, 10000 cycles, 3 s per rate, 3 runs of each program taking turns (the rate
# lines of every run are printed, then the medians; the cycles run once per program). With
# the thread's CPU time split into user space (the driver and the program) and kernel (the
# socket rings and the veth) per frame: the kernel's share is most of it, and the same code
# for both sides.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
cycles=${2:-10000}
seconds=${3:-3}
runs=${4:-3}
sys_pc=/usr/lib/x86_64-linux-gnu/pkgconfig
cpu=${CPU:-1}

if [ "$(id -u)" != 0 ]; then
	echo "needs root (veth pair, network namespace)" >&2
	exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work" /var/run/dpdk/bench_afp_$$*' EXIT
ninja -C "$build" app/bench/bench_af_packet >/dev/null
progs="tree:$build/app/bench/bench_af_packet"
if PKG_CONFIG_PATH=$sys_pc pkg-config --exists libdpdk; then
	# shellcheck disable=SC2046
	cc -O2 -o "$work/bench_af_packet_sys" app/bench/bench_af_packet.c \
		$(PKG_CONFIG_PATH=$sys_pc pkg-config --cflags --libs libdpdk)
	progs="$progs debian:$work/bench_af_packet_sys"
fi

# run NAME BINARY CYCLES: the program in a namespace of its own with veth pair afa/afb up
run() {
	# shellcheck disable=SC2016 # expanded by the inner shell, from its arguments
	unshare -n sh -c '
		ip link add afa type veth peer name afb && ip link set afa up && ip link set afb up &&
		exec taskset -c "$1" "$2" --no-huge -m 512 -l "$1" --no-pci --file-prefix="$3" \
			--log-level=3 -- afa afb "$4" "$5"' sh "$cpu" "$2" "bench_afp_$$_$1" "$3" \
		"$seconds" 2>&1 | sed "s/^/$1 /"
}

for p in $progs; do
	echo "== ${p%%:*}: $cycles attach/detach cycles"
	run "${p%%:*}" "${p#*:}" "$cycles" | grep -v qpairs || true
done
echo "== frames per second, $seconds s per figure, $runs runs taking turns"
for _ in $(seq "$runs"); do
	for p in $progs; do
		run "${p%%:*}" "${p#*:}" 0 | grep qpairs || true
	done
done | tee "$work/rates"
echo "== medians"
python3 - "$work/rates" <<'PY'
import re, statistics, sys
vals = {}
for line in open(sys.argv[1]):
    # "<side> qpairs N: sent_pps S received_pps R (...), user_ns_per_frame U kernel_ns_per_frame K"
    m = re.match(r"(\S+) qpairs (\d+): sent_pps \S+ received_pps (\S+) .*"
                 r"user_ns_per_frame (\S+) kernel_ns_per_frame (\S+)", line)
    if m:
        side, q = m.group(1), m.group(2)
        vals.setdefault((side, q), []).append([float(m.group(i)) for i in (3, 4, 5)])
sides = sorted({s for s, _ in vals}, key=lambda s: s != "tree")
for q in sorted({q for _, q in vals}):
    med = {s: [statistics.median(r[i] for r in vals[(s, q)]) for i in range(3)]
           for s in sides if (s, q) in vals}
    line = "; ".join(f"{s} {v[0] / 1e6:.3f} Mpps received, {v[1]:.0f} ns user + {v[2]:.0f} ns"
                     " kernel per frame" for s, v in med.items())
    if "tree" in med and med.get("debian", [0])[0] > 0:
        line += f"; ratio {med['tree'][0] / med['debian'][0]:.2f}"
    print(f"qpairs {q}: {line}")
PY
