#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# dpdk-testpmd of this tree against Debian's DPDK 22.11 dpdk-testpmd (package dpdk-dev),
# same options, same session:
#   1. io forwarding rate, two net_null ports, one forwarding lcore;
#   2. io forwarding rate, a net_ring pair after "start tx_first";
#   3. one hotplug command script through both, the hotplug lines side by side.
# Each case runs RUNS times (default 3), alternating the two programs; the median is kept.
#
# Usage: devtools/bench-testpmd.sh [build folder]   (default: build)
# Environment: RUNS, SECONDS_PER_RUN (default 4), REF (default /usr/bin/dpdk-testpmd).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
ours=$build/app/test-pmd/dpdk-testpmd
ref=${REF:-/usr/bin/dpdk-testpmd}
runs=${RUNS:-3}
window=${SECONDS_PER_RUN:-4}

if [ ! -x "$ours" ]; then
	echo "no $ours: build the tree first (meson setup $build && ninja -C $build)" >&2
	exit 1
fi
if [ ! -x "$ref" ] && [ "$(id -u)" -eq 0 ]; then
	EXTRA_PACKAGES=dpdk-dev sh devtools/install-deps.sh >/dev/null
fi
if [ ! -x "$ref" ]; then
	echo "no $ref: install Debian's dpdk-dev package" >&2
	exit 1
fi

# Both testpmds get exactly these options. DPDK 22.11's default pool (155456 mbufs) does
# not fit the 64 MB that --no-huge gives it, hence -m and --total-num-mbufs.
eal_common="--no-huge -m 1024 -l 0,1 --no-pci"
app_common="-i --total-num-mbufs=16384"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# rate <binary> <start command> <vdevs...>: forwarded packets per second, in Mpps: the
# growth of RX-packets summed over both ports between two "show port stats all" sent
# SECONDS_PER_RUN apart, each sent once the previous command has finished (the prompt
# is back), the window timed here (in io mode every packet received is sent on).
rate() {
	local bin=$1 startcmd=$2 tag=ref
	shift 2
	[ "$bin" = "$ours" ] && tag=ours
	/usr/bin/python3 - "$window" "$startcmd" "$bin" $eal_common \
		--file-prefix="bench-tpmd-$tag-$$" $(printf -- '--vdev %s ' "$@") -- $app_common <<'PY'
import os, re, select, subprocess, sys, time
window, start, cmd = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
p = subprocess.Popen(['stdbuf', '-oL'] + cmd, stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
def until_prompt():
    buf, end = b'', time.time() + 120
    while not buf.rstrip().endswith(b'testpmd>'):
        r, _, _ = select.select([p.stdout], [], [], max(0, end - time.time()))
        data = os.read(p.stdout.fileno(), 65536) if r else b''
        if not data:
            return None
        buf += data
    return buf.decode(errors='replace')
def send(line):
    p.stdin.write((line + '\n').encode())
    p.stdin.flush()
    return until_prompt()
def rx(out):
    return sum(int(x) for x in re.findall(r'RX-packets: *(\d+)', out or ''))
try:
    if until_prompt() is None:
        raise SystemExit
    send(start)
    time.sleep(1)
    a = send('show port stats all')
    t0 = time.monotonic()
    time.sleep(window)
    b = send('show port stats all')
    t1 = time.monotonic()
    send('stop')
    if a is None or b is None or 'RX-packets' not in b:
        raise SystemExit
    print('%.2f' % ((rx(b) - rx(a)) / (t1 - t0) / 1e6))
finally:
    try:
        p.stdin.write(b'quit\n')
        p.stdin.close()
    except OSError:
        pass
    p.stdout.read()
    p.wait()
PY
	[ $? -eq 0 ] || echo fail
}

median() {
	sort -n | awk '{v[NR] = $1}
		END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

bench_case() {
	local name=$1 startcmd=$2
	shift 2
	local i a b
	: >"$tmp/ours.txt"
	: >"$tmp/ref.txt"
	for i in $(seq "$runs"); do
		rate "$ours" "$startcmd" "$@" >>"$tmp/ours.txt"
		rate "$ref" "$startcmd" "$@" >>"$tmp/ref.txt"
	done
	a=$(grep -v fail "$tmp/ours.txt" | median)
	b=$(grep -v fail "$tmp/ref.txt" | median)
	printf '%-34s %10s %10s %7s   (runs: this tree %s | 22.11 %s)\n' "$name" "$a" "$b" \
		"$(awk -v a="$a" -v b="$b" \
			'BEGIN {if (a != "" && b > 0) printf "%.2f", a / b; else print "n/a"}')" \
		"$(tr '\n' ' ' <"$tmp/ours.txt" | sed 's/ $//')" \
		"$(tr '\n' ' ' <"$tmp/ref.txt" | sed 's/ $//')"
}

echo "== io forwarding, one forwarding lcore (-l 0,1), --no-huge; Mpps forwarded"
echo "   $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %10s %10s %7s\n' "case" "this tree" "DPDK 22.11" "ratio"
bench_case "net_null pair, start" "start" net_null0 net_null1
bench_case "net_ring pair, start tx_first" "start tx_first" net_ring0 net_ring1

# ---- the same hotplug script through both
cat >"$tmp/hotplug.cmds" <<'CMDS'
port attach net_ring0
port attach net_ring1
port attach net_bogus0
port start all
show port summary all
port detach 1
port stop 1
port close 1
port detach 1
port attach net_ring1
show port summary all
port stop all
port detach 0
show port summary all
port stop 9
foo
quit
CMDS

# Keep what the commands print, with the random MAC addresses and EAL's own log lines
# (whose wording differs between the two EALs) left out.
hotplug_lines() {
	stdbuf -oL "$1" $eal_common --file-prefix=bench-tpmd-hp-$$ -- $app_common \
		<"$tmp/hotplug.cmds" 2>&1 |
		sed -n '/^testpmd> /,$p' | grep -v '^EAL:' |
		sed -e 's/[0-9A-F][0-9A-F]\(:[0-9A-F][0-9A-F]\)\{5\}/XX:XX:XX:XX:XX:XX/g' \
		    -e 's/^\(testpmd: Failed to attach port [^:]*\).*/\1/' |
		sed -e 's/[[:cntrl:]]\[[0-9;]*[A-Za-z]//g' -e 's/[[:space:]]*$//' |
		sed '/^testpmd> quit/q'
}
hotplug_lines "$ours" >"$tmp/hp-ours.txt"
hotplug_lines "$ref" >"$tmp/hp-ref.txt"
echo
echo "== the same hotplug command script through both (left: this tree, right: DPDK 22.11)"
echo "   '|' marks a line that differs, '<' or '>' a line only one side printed"
diff -y -W 130 "$tmp/hp-ours.txt" "$tmp/hp-ref.txt" || true
