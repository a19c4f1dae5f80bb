#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# DPDK 22.11's own sample applications (Debian package dpdk-doc, /usr/share/dpdk/examples),
# built unchanged with their own Makefiles against this tree installed into a scratch prefix,
# then run on virtual ports (net_null, net_pcap) with their output checked.
#   test-examples.sh BUILD_DIR [PKG_CONFIG_DIR]
# With PKG_CONFIG_DIR (the pkgconfig folder of an existing install of BUILD_DIR) nothing is
# installed. Prints TAP: one line per sample of EXPECTED (a sample that does not build is
# "not ok"), one per run, and a count of how many of all the samples build. When BUILD_DIR
# was built with -Db_sanitize, the samples are compiled with the same sanitizers and any
# sanitizer report fails the run.
# Environment: EXAMPLES_SRC (default /usr/share/dpdk/examples), JOBS (2) samples built at once,
# EXAMPLES_VMDQ_MEMORY (see below), KEEP=1 keeps the scratch folder.
set -u

# The samples that must build. The other samples are built too, only to count them.
EXPECTED="helloworld skeleton l2fwd link_status_interrupt flow_filtering rxtx_callbacks
	service_cores ptpclient vmdq vmdq_dcb cmdline ethtool timer l2fwd-keepalive l2fwd-jobstats
	ipv4_multicast ip_fragmentation ip_reassembly packet_ordering qos_meter distributor
	server_node_efd multi_process
	l3fwd-power qos_sched"
EXPECTED="$EXPECTED bond"

src=${EXAMPLES_SRC:-/usr/share/dpdk/examples}
build=$(realpath "${1:?usage: test-examples.sh BUILD_DIR [PKG_CONFIG_DIR]}")
pcdir=${2:-}
work=$(mktemp -d /tmp/dpdk-examples-test.XXXXXX)
cleanup() {
	if [ "${KEEP:-0}" = 1 ]; then echo "# scratch folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
n=0
fails=0
result() { # $1 = 0 for success, rest = description
	local rc=$1; shift
	n=$((n + 1))
	if [ "$rc" -eq 0 ]; then echo "ok $n - $*"; else echo "not ok $n - $*"; fails=$((fails + 1)); fi
}
skip_all() {
	echo "ok 1 - DPDK 22.11 sample applications # SKIP $*"
	echo "1..1"
	exit 0
}
start=$(date +%s)

# dpdk-doc: installed when missing, if this is root on a machine with apt; else skipped.
if [ ! -d "$src" ] && [ "$src" = /usr/share/dpdk/examples ]; then
	if [ "$(id -u)" -ne 0 ]; then
		skip_all "dpdk-doc is not installed and installing it needs root"
	elif ! command -v apt-get >/dev/null; then
		skip_all "dpdk-doc is not installed and there is no apt-get"
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends dpdk-doc \
		>"$work/apt.log" 2>&1 || { sed 's/^/# /' "$work/apt.log" | tail -n 5; }
	[ -d "$src" ] || skip_all "dpdk-doc could not be installed (apt-get failed)"
fi
[ -d "$src" ] || skip_all "no sample applications in $src"

if [ -z "$pcdir" ]; then
	prefix=$work/prefix
	if ! meson configure "$build" --prefix="$prefix" >"$work/install.log" 2>&1 ||
		! meson install -C "$build" --quiet >>"$work/install.log" 2>&1; then
		sed 's/^/# /' "$work/install.log" | tail -n 20
		result 1 "meson install of $build into a scratch prefix"
		echo "1..$n"
		exit 1
	fi
	pcdir=$(dirname "$(find "$prefix" -name libdpdk.pc | head -n 1)")
fi
[ -f "$pcdir/libdpdk.pc" ] || { result 1 "libdpdk.pc in $pcdir"; echo "1..$n"; exit 1; }
# Only this tree: never fall back to another libdpdk.pc installed on the machine.
export PKG_CONFIG_PATH=$pcdir PKG_CONFIG_LIBDIR=$pcdir
libdir=$(pkg-config --variable=libdir libdpdk)

# A sanitized tree: the samples get the same instrumentation (CFLAGS and LDFLAGS from the
# environment are added to the Makefiles' own, which stay unchanged).
san=$(meson introspect --buildoptions "$build" | /usr/bin/python3 -c '
import json, sys
print(next((o["value"] for o in json.load(sys.stdin) if o["name"] == "b_sanitize"), "none"))')
if [ "$san" != none ] && [ -n "$san" ]; then
	export CFLAGS="-fsanitize=$san -fno-omit-frame-pointer" LDFLAGS="-fsanitize=$san"
	# stdbuf preloads its library ahead of the ASan runtime, which is linked in all the same
	export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:verify_asan_link_order=0
	export UBSAN_OPTIONS=print_stacktrace=1
	echo "# samples built with -fsanitize=$san"
fi

# Build: a copy of each sample (the Makefiles write into their folder), ../common beside them.
mkdir -p "$work/src"
cp -r "$src/common" "$work/src/" 2>/dev/null
names=""
for dir in "$src"/*/; do
	name=$(basename "$dir")
	{ [ -f "$dir/Makefile" ] && [ "$name" != common ]; } || continue
	cp -r "$dir" "$work/src/$name"
	names="$names $name"
done
# JOBS samples at a time (2 by default), each with a plain make; a .ok file marks success.
# shellcheck disable=SC2086,SC2016
printf '%s\n' $names | xargs -P "${JOBS:-2}" -I{} sh -c \
	'make -C "$1/src/$2" >"$1/build-$2.log" 2>&1 && touch "$1/build-$2.ok"' sh "$work" {}
all=0
built=0
built_list=" "
for name in $names; do
	all=$((all + 1))
	[ -f "$work/build-$name.ok" ] || continue
	built=$((built + 1))
	built_list="$built_list$name "
done
for name in $EXPECTED; do
	if [ "${built_list#* "$name" }" != "$built_list" ]; then
		result 0 "build $name"
	else
		grep -m 3 -E 'error|undefined reference|No package' "$work/build-$name.log" 2>/dev/null |
			cut -c1-200 | sed 's/^/# /'
		result 1 "build $name"
	fi
done
extra=""
# shellcheck disable=SC2086
expected_words=" $(printf '%s ' $EXPECTED)"
for name in $built_list; do
	case "$expected_words" in *" $name "*) ;; *) extra="$extra $name";; esac
done
[ -n "$extra" ] && echo "# also building, not yet on the list:$extra"
echo "# examples: $built built of $all in $(($(date +%s) - start)) s"

# Runs. Each sample runs without hugepages on virtual ports, in its own file prefix.
bin() { # the program a sample's Makefile builds: APP, not always the folder's name
	case $1 in
	ethtool) echo "$work/src/ethtool/ethtool-app/build/ethtool" ;;
	*) echo "$work/src/$1/build/$(sed -n 's/^APP *= *//p' "$work/src/$1/Makefile")" ;;
	esac
}
built() { [ "${built_list#* "$1" }" != "$built_list" ]; }
eal() { # $1 = sample name, $2 = MB of memory (256): the EAL options every run shares
	echo "--no-huge -m ${2:-256} --no-pci --file-prefix=ex-$1-$$ --log-level=*:warning"
}

# run NAME PATTERN SECONDS ARGS...: run a sample until it exits, or, when it loops forever,
# (stdin from $run_stdin, default /dev/null; $run_libs added to the library path)
# until PATTERN (grep -E) is in its output and the command $run_until (if set) succeeds,
# then $run_after s more (1) and SIGINT. Not done in SECONDS:
# SIGINT, then SIGKILL 5 s later (a hang). Sets rc (exit status, 128+signal when killed) and
# hung; the output is in $work/run-NAME.log.
run() {
	local name=$1 pattern=$2 secs=$3 log=$work/run-$1.log t=0 pid
	shift 3
	hung=0
	: >"$log"
	# A background job of a script ignores SIGINT: give it back its default. stdout is a
	# file, line-buffered so that PATTERN shows as soon as it is printed.
	env --default-signal=INT LD_LIBRARY_PATH="$libdir${run_libs:+:$run_libs}" \
		stdbuf -oL "$(bin "$name")" "$@" >"$log" 2>&1 <"${run_stdin:-/dev/null}" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		if [ -n "$pattern" ] && grep -qE "$pattern" "$log" &&
			{ [ -z "${run_until:-}" ] || eval "$run_until"; }; then
			sleep "${run_after:-1}"
			kill -INT "$pid" 2>/dev/null
			break
		fi
		if [ $t -ge $((secs * 5)) ]; then
			hung=1
			kill -INT "$pid" 2>/dev/null
			break
		fi
		sleep 0.2
		t=$((t + 1))
	done
	t=0
	while kill -0 "$pid" 2>/dev/null && [ $t -lt 25 ]; do sleep 0.2; t=$((t + 1)); done
	if kill -0 "$pid" 2>/dev/null; then
		hung=1
		kill -KILL "$pid" 2>/dev/null
	fi
	wait "$pid"
	rc=$?
}

# No sanitizer report about the tree. UBSan reports located in the sample's own sources
# (main.c: shifts into the sign bit) are DPDK's and only shown; the tree's headers and
# libraries are named by their path.
sane() { # $1 = sample name
	local log=$work/run-$1.log own='^[A-Za-z0-9_.-]+\.c:[0-9]+:[0-9]+: runtime error'
	grep -E "$own" "$log" | sed "s/^/# $1's own code (DPDK's sample): /"
	! grep -qE 'AddressSanitizer|LeakSanitizer' "$log" &&
		! grep -E 'runtime error:' "$log" | grep -qvE "$own"
}
report() { # $1 = verdict, $2 = name, rest = description
	local v=$1 name=$2
	shift 2
	[ "$v" -eq 0 ] || { tr -d '\033' <"$work/run-$name.log" | tail -n 15 | sed 's/^/# /'; }
	result "$v" "run $name: $*"
}

# Packets counted in a pcap file (24-byte header, then records of 16 bytes + captured length).
pcap_count() {
	/usr/bin/python3 - "$1" <<'EOF'
import struct, sys
try:
    data = open(sys.argv[1], "rb").read()
except OSError:
    print(0)
    sys.exit()
off, n = 24, 0
while off + 16 <= len(data):
    off += 16 + struct.unpack_from("<I", data, off + 8)[0]
    n += 1
print(n)
EOF
}
# NB packets of 64 bytes (UDP over IPv4, broadcast) into a pcap file.
pcap_write() {
	/usr/bin/python3 - "$1" "$2" <<'EOF'
import struct, sys
frame = (b"\xff" * 6 + b"\x02\x00\x00\x00\x00\x01" + b"\x08\x00" +
         bytes.fromhex("4500002e000000004011f96cc0a80001c0a80002") +
         bytes.fromhex("0400040000120000") + bytes(18))
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i in range(int(sys.argv[2])):
        f.write(struct.pack("<IIII", 1, i, len(frame), len(frame)) + frame)
EOF
}
npkts=64
pcap_write "$work/in.pcap" $npkts
# Two pcap ports that read in.pcap once and write what they send to out0/out1.pcap.
pcap_ports() { # $1 = sample name
	echo "--vdev=net_pcap0,rx_pcap=$work/in.pcap,tx_pcap=$work/$1-out0.pcap" \
		"--vdev=net_pcap1,rx_pcap=$work/in.pcap,tx_pcap=$work/$1-out1.pcap"
}
# Both ports sent every packet the other received.
forwarded() { # $1 = sample name
	local a b
	a=$(pcap_count "$work/$1-out0.pcap")
	b=$(pcap_count "$work/$1-out1.pcap")
	echo "# $1: port 0 sent $a, port 1 sent $b of $npkts received by each"
	[ "$a" -eq $npkts ] && [ "$b" -eq $npkts ]
}

if built helloworld; then
	# shellcheck disable=SC2046
	run helloworld "" 30 $(eal helloworld) -l 0-1
	v=1
	[ $rc -eq 0 ] && grep -q "hello from core 0" "$work/run-helloworld.log" &&
		grep -q "hello from core 1" "$work/run-helloworld.log" && sane helloworld && v=0
	report $v helloworld "prints hello from lcores 0 and 1, exit status $rc"
fi

for name in skeleton rxtx_callbacks; do
	built $name || continue
	# shellcheck disable=SC2046
	run $name "forwarding packets" 30 $(eal $name) -l 0 $(pcap_ports $name)
	v=1
	# no signal handler: SIGINT ends them (status 130)
	[ $hung -eq 0 ] && [ $rc -eq 130 ] && forwarded $name && sane $name && v=0
	report $v $name "forwards pcap port 0 to port 1 and back, then stops on SIGINT"
done

if built l2fwd; then
	# shellcheck disable=SC2046
	run l2fwd "Total packets sent: +$((2 * npkts))\b" 60 $(eal l2fwd) -l 0-1 \
		$(pcap_ports l2fwd) -- -p 0x3 -T 1
	v=1
	[ $hung -eq 0 ] && [ $rc -eq 0 ] && grep -q "^Bye" "$work/run-l2fwd.log" &&
		forwarded l2fwd && sane l2fwd && v=0
	report $v l2fwd "forwards with statistics ($((2 * npkts)) sent), exits cleanly on SIGINT"
fi

if built service_cores; then
	# shellcheck disable=SC2046
	run service_cores "==> Profile: Scale down performance" 60 $(eal service_cores) -l 0-1
	v=1
	[ $hung -eq 0 ] && [ $rc -eq 130 ] &&
		grep -q "insufficent cores to run (High Performance)" "$work/run-service_cores.log" &&
		grep -qE "lcore 1: running, loops [1-9]" "$work/run-service_cores.log" &&
		sane service_cores && v=0
	report $v service_cores "runs its profiles on one service lcore, stops on SIGINT"
fi

if built timer; then
	# timer0 fires every second on lcore 0, timer1 every third of a second, moving from one
	# lcore to the other each time
	# shellcheck disable=SC2046
	run timer "timer0_cb\(\) on lcore 0" 30 $(eal timer) -l 0-1
	v=1
	log=$work/run-timer.log
	[ $hung -eq 0 ] && [ $rc -eq 130 ] && grep -q "timer1_cb() on lcore 0" "$log" &&
		grep -q "timer1_cb() on lcore 1" "$log" && sane timer && v=0
	report $v timer "periodic timer on lcore 0, single timer re-armed on the other lcore"
fi

# l2fwd with its statistics, and lcore 0's watchdog, on timers; both ports of lcore 1 (-q 2)
# A keepalive check a second apart (-K 1000): on a loaded machine with sanitizers, the forwarding
# lcore can be off the CPU for longer than a shorter period, and would be reported dead.
if built l2fwd-keepalive; then
	# shellcheck disable=SC2046
	run l2fwd-keepalive "Total packets sent: +[1-9]" 60 $(eal l2fwd-keepalive) -l 0-1 \
		--vdev=net_null0 --vdev=net_null1 -- -p 0x3 -q 2 -T 1 -K 1000
	v=1
	log=$work/run-l2fwd-keepalive.log
	[ $hung -eq 0 ] && [ $rc -eq 0 ] && ! grep -q "Dead core" "$log" &&
		sane l2fwd-keepalive && v=0
	report $v l2fwd-keepalive "forwards between net_null ports, no core reported dead"
fi
# l2fwd as jobs timed by jobstats, scheduled with timers; no signal handler (status 130)
if built l2fwd-jobstats; then
	# shellcheck disable=SC2046
	# Stopped once a job count is printed: the sample prints port statistics first, then
	# waits for the forwarding lcore's lock before the job statistics, which takes a while
	# on a loaded machine.
	run l2fwd-jobstats "Exec count: +[1-9]" 60 $(eal l2fwd-jobstats) -l 0-1 \
		--vdev=net_null0 --vdev=net_null1 -- -p 0x3 -T 1
	v=1
	log=$work/run-l2fwd-jobstats.log
	[ $hung -eq 0 ] && [ $rc -eq 130 ] && grep -q "Job 1: flush" "$log" &&
		grep -qE "^Exec count: +[1-9]" "$log" && sane l2fwd-jobstats && v=0
	report $v l2fwd-jobstats "forwards between net_null ports, prints job statistics"
fi

# Interactive samples, their commands on stdin; the end of input ends them.
if built cmdline; then
	printf 'add obj1 10.0.0.1\nshow obj1\ndel obj1\nshow obj1\n' >"$work/cmdline.in"
	# shellcheck disable=SC2046
	run_stdin=$work/cmdline.in run cmdline "" 30 $(eal cmdline 64) -l 0
	v=1
	log=$work/run-cmdline.log
	[ $hung -eq 0 ] && [ $rc -eq 0 ] && grep -q "Object obj1 added, ip=10.0.0.1" "$log" &&
		grep -q "Object obj1, ip=10.0.0.1" "$log" && grep -q "Object obj1 removed" "$log" &&
		[ "$(grep -c "Bad arguments" "$log")" -eq 1 ] && sane cmdline && v=0
	report $v cmdline "adds, shows and deletes an object; a deleted one is a bad argument"
fi
if built ethtool; then
	printf 'drvinfo\nlink\nportstats 0\nquit\n' >"$work/ethtool.in"
	# 2 ports x 2 x 64k mbufs of 2 KB: the sample's pools need about 600 MB.
	# shellcheck disable=SC2046
	run_stdin=$work/ethtool.in run_libs=$work/src/ethtool/lib/build run ethtool "" 60 \
		$(eal ethtool 1024) -l 0-1 --vdev=net_null0 --vdev=net_null1
	v=1
	log=$work/run-ethtool.log
	[ $hung -eq 0 ] && [ $rc -eq 0 ] && grep -q "Port 0 driver: net_null" "$log" &&
		grep -q "Port 1: Up" "$log" && grep -qE "^ +In: [0-9]+ \([0-9]+ bytes\)" "$log" &&
		grep -q "Closing port 1... Done" "$log" && sane ethtool && v=0
	# The counters depend on how long the forwarding lcore ran before portstats: not checked.
	report $v ethtool "driver info, link state and port statistics of two net_null ports"
fi

# bond: two net_ring ports (loopback) in a mode 6 bond it creates; the ARP requests it sends
# through the bond come back through it and are counted by its receiving lcore (each send
# waits 100 ms: the last one may not be counted yet on a loaded machine).
if built bond; then
	printf 'send 10.0.0.1\nsend 10.0.0.2\nsend 10.0.0.3\nshow\nquit\n' >"$work/bond.in"
	# shellcheck disable=SC2046
	run_stdin=$work/bond.in run bond "" 60 $(eal bond) -l 0-1 --vdev=net_ring0 \
		--vdev=net_ring1
	v=1
	log=$work/run-bond.log
	[ $hung -eq 0 ] && [ $rc -eq 0 ] &&
		grep -qE "Active_slaves:2 packets received:Tot:([23]) Arp:\1 IPv4:0" "$log" &&
		grep -q "lcore_main stopped on core:1" "$log" && sane bond && v=0
	report $v bond "a bond of two net_ring ports sends ARP requests and receives them back"
fi

# packet_ordering: RX on lcore 0 numbers the packets (rte_reorder_seqn), two workers pass them
# on through one ring in whatever order they finish, and the last lcore puts them back in order
# with the reorder library before sending. Its four lcores share the two CPUs (--lcores). The
# packets carry their index; the capture must hold all of them, in the order they were read.
# Output goes out in bursts of 32, so the count is a multiple of 32. The sample drains at most
# one burst of the reorder buffer per burst it receives from the workers, so packets that
# became ready together can stay in the buffer once input stops: a second half of trailing
# packets keeps the drains going, and the capture must start with the whole first half, every
# packet in order.
seq_write() { # FILE NB: UDP frames whose payload starts with their index
	/usr/bin/python3 - "$1" "$2" <<'EOF'
import struct, sys
head = (b"\x02\x00\x00\x00\x00\x02" + b"\x02\x00\x00\x00\x00\x01" + b"\x08\x00" +
        bytes.fromhex("4500002e000000004011f96cc0a80001c0a80002") +
        bytes.fromhex("0400040000120000"))
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i in range(int(sys.argv[2])):
        frame = head + struct.pack("!I", i) + bytes(14)
        f.write(struct.pack("<IIII", 1, i, len(frame), len(frame)) + frame)
EOF
}
seq_check() { # FILE NB: at least NB frames, every one in the order it was read
	/usr/bin/python3 - "$1" "$2" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
off, got = 24, []
while off + 16 <= len(data):
    n = struct.unpack_from("<I", data, off + 8)[0]
    got.append(struct.unpack_from("!I", data, off + 16 + 42)[0])
    off += 16 + n
nb = int(sys.argv[2])
want = list(range(len(got)))
diff = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), len(got))
ok = len(got) >= nb and got == want
print("# packet_ordering: %d packets sent (at least %d wanted), %s" % (len(got), nb,
      "in order" if got == want else "first difference at %d" % diff))
sys.exit(0 if ok else 1)
EOF
}
if built packet_ordering; then
	nseq=512
	seq_write "$work/seq.pcap" $((nseq * 2))
	# shellcheck disable=SC2046,SC2016
	run_until='[ "$(pcap_count "$work/ordered.pcap")" -ge $nseq ]' \
		run packet_ordering "send_thread\(\) started" 120 $(eal packet_ordering 512) \
		--log-level=user1:info --lcores='(0-3)@(0,1)' \
		"--vdev=net_pcap0,rx_pcap=$work/seq.pcap,tx_pcap=$work/ordered.pcap" -- -p 0x1
	v=1
	# its SIGINT handler prints the statistics, then the lcores stop and it returns 0
	[ $hung -eq 0 ] && [ $rc -eq 0 ] &&
		grep -qE "Pkts rxd:[[:space:]]+[0-9]+$" "$work/run-packet_ordering.log" &&
		seq_check "$work/ordered.pcap" $nseq && sane packet_ordering && v=0
	report $v packet_ordering "$nseq packets through two workers, sent in their order"
fi

# distributor: the RX, distributor and TX lcores share the first CPU with the stats lcore; the
# one worker has the second CPU to itself (--lcores). rte_distributor_process drops, as DPDK's
# does, the packets it gets before any worker has asked for some. The sample launches the
# worker first: on a CPU of its own it asks at once, where on a shared one it could wait for a
# time slice until after port 1's packets had gone by. The sample calls
# rte_distributor_process only when RX gives packets, so the last bursts would wait in the
# worker for ever: port 0 reads its file in a loop to keep the distributor going, port 1 reads
# 256 numbered packets once. Port 1's packets all go out of port 0 (the worker swaps ports 0
# and 1): exactly 256, in their order (one flow, one worker). On SIGINT the sample stops RX,
# flushes the distributor while the worker may already have stopped, and returns 0.
if built distributor && [ "$san" != none ] && [ -n "$san" ]; then
	# Its TX lcore prefetches bufs[i + 3] of a 32-entry array on the stack (main.c:508): with a
	# full burst that reads past the array, and AddressSanitizer stops the sample there.
	result 0 "run distributor # SKIP DPDK's sample reads past its own bufs array (main.c:508)"
elif built distributor; then
	ndist=256
	seq_write "$work/dist-seq.pcap" $ndist
	# shellcheck disable=SC2046,SC2016
	run_until='[ "$(pcap_count "$work/dist-out0.pcap")" -ge $ndist ]' \
		run distributor "acting as worker core" 120 $(eal distributor 512) \
		--lcores='(0-3)@0,4@1' \
		"--vdev=net_pcap0,rx_pcap=$work/in.pcap,tx_pcap=$work/dist-out0.pcap,infinite_rx=1" \
		"--vdev=net_pcap1,rx_pcap=$work/dist-seq.pcap,tx_pcap=$work/dist-out1.pcap" -- -p 0x3
	v=1
	log=$work/run-distributor.log
	got=$(pcap_count "$work/dist-out0.pcap")
	# bursts the worker got, from its per-second statistics
	bursts=$(sed -n 's/^Worker 00 Pkts:.*Bursts(1-8):\(.*\)$/\1/p' "$log" |
		awk '{ for (i = 1; i <= NF; i++) n += $i } END { print n + 0 }')
	echo "# distributor: port 0 sent $got of the $ndist numbered packets; the worker got" \
		"$bursts bursts; port 1 sent $(pcap_count "$work/dist-out1.pcap")"
	[ $hung -eq 0 ] && [ $rc -eq 0 ] && [ "$got" -eq $ndist ] && [ "$bursts" -gt 0 ] &&
		seq_check "$work/dist-out0.pcap" $ndist >/dev/null && sane distributor && v=0
	rm -f "$work/dist-out1.pcap"
	report $v distributor "$ndist packets through the distributor and a worker, in order"
fi

# qos_meter (srTCM colour-blind, CIR 46 MB/s, CBS = EBS = 2048 bytes) reads 24 packets of two
# flows (flow id in byte 33, input colour in byte 5) in one burst, so all are coloured at the
# same instant on full buckets and the result does not depend on time. Flow 1: 12 packets of
# 1000 metered bytes, input yellow: meter G G Y Y R..., policed to drop, drop, yellow, yellow,
# then red. Flow 2: 12 of 500 bytes, input green: 4 G, 4 Y, 4 R, policed to green x4, red x8.
meter_write() { # FILE
	/usr/bin/python3 - "$1" <<'EOF'
import struct, sys
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i in range(24):
        flow, colour, size = (1, 1, 1000) if i % 2 == 0 else (2, 0, 500)
        frame = bytearray(14 + size)
        frame[0:14] = b"\x02\x00\x00\x00\x00\x00" + b"\x02\x00\x00\x00\x00\x01" + b"\x08\x00"
        frame[5] = colour
        frame[14:34] = struct.pack("!BBHHHBBH4s4s", 0x45, 0, size, i, 0, 64, 17, 0,
                                   bytes([192, 168, 0, 1]), bytes([192, 168, 0, flow]))
        frame[34:38] = struct.pack("!I", i)
        f.write(struct.pack("<IIII", 1, i, len(frame), len(frame)) + bytes(frame))
EOF
}
meter_check() { # FILE: what the policer let through, with its colours
	/usr/bin/python3 - "$1" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
off, got = 24, []
while off + 16 <= len(data):
    n = struct.unpack_from("<I", data, off + 8)[0]
    rec = data[off + 16:off + 16 + n]
    got.append((rec[33], struct.unpack_from("!I", rec, 34)[0], rec[5]))
    off += 16 + n
want = []
for i in range(24):
    k = i // 2
    if i % 2 == 0:
        if k >= 2:  # flow 1: its first two are dropped, two yellow, then red
            want.append((1, i, 1 if k < 4 else 2))
    else:  # flow 2: four green, then red
        want.append((2, i, 0 if k < 4 else 2))
print("# qos_meter: %d packets out of 24, colours %s" % (len(got),
      "as expected" if got == want else "differ: %s" % [c for _, _, c in got]))
sys.exit(0 if got == want else 1)
EOF
}
if built qos_meter; then
	meter_write "$work/meter.pcap"
	pcap_write "$work/empty.pcap" 0
	# shellcheck disable=SC2046,SC2016
	run_until='[ "$(pcap_count "$work/metered.pcap")" -ge 22 ]' \
		run qos_meter "port RX = 0, port TX = 1" 60 $(eal qos_meter) -l 0 \
		"--vdev=net_pcap0,rx_pcap=$work/meter.pcap,tx_pcap=$work/meter-unused.pcap" \
		"--vdev=net_pcap1,rx_pcap=$work/empty.pcap,tx_pcap=$work/metered.pcap" -- -p 0x3
	v=1
	# no handler for SIGINT: it ends the sample (status 130)
	[ $hung -eq 0 ] && [ $rc -eq 130 ] && meter_check "$work/metered.pcap" &&
		sane qos_meter && v=0
	report $v qos_meter "two flows coloured and policed as srTCM says, on full buckets"
fi

# qos_sched: 64-byte packets of zeros from net_null0 (copy mode) all go to subport 0, pipe 0,
# class 0; the worker shapes them and sends them to net_null1. The sample's profile.cfg with
# the pipe's class period stretched from 40 ms to 1 s (a class's credits are renewed when the
# worker next looks, so short periods lose the worker's scheduling delays, and on a shared CPU
# those are large): the pipe's 305175 B/s is then the limit, 305175 / (64 + 24 bytes of
# framing) = 3467.9 packets per second, which the sample prints each second as "TX port 1".
# It wants three lcores numbered below the CPU count (main, RX, worker): with fewer CPUs (and
# root), it runs in a mount namespace whose /sys/devices/system/cpu shows three, lcore 2
# sharing CPU 1.
qos_run() { # the sample, in a private mount namespace when the machine has under 3 CPUs
	local ncpu fake
	ncpu=$(find /sys/devices/system/cpu -maxdepth 1 -name 'cpu[0-9]*' | wc -l)
	if [ "$ncpu" -ge 3 ]; then
		exec env --default-signal=INT LD_LIBRARY_PATH="$libdir" stdbuf -oL \
			"$(bin qos_sched)" "$@"
	fi
	fake=$work/qos-cpus
	mkdir -p "$fake"
	# shellcheck disable=SC2016
	exec env --default-signal=INT LD_LIBRARY_PATH="$libdir" unshare -m /bin/bash -c '
		set -e
		mount --make-rprivate /
		mount -t tmpfs qos-cpus "$1"
		for c in 0 1 2; do
			mkdir -p "$1/cpu$c/topology"
			echo $c >"$1/cpu$c/topology/core_id"
			echo 0 >"$1/cpu$c/topology/physical_package_id"
		done
		mount --bind "$1" /sys/devices/system/cpu
		shift
		exec stdbuf -oL "$@"' qos "$fake" "$(bin qos_sched)" "$@"
}
if built qos_sched; then
	ncpu=$(find /sys/devices/system/cpu -maxdepth 1 -name 'cpu[0-9]*' | wc -l)
	if [ "$ncpu" -lt 3 ] && { [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null; }; then
		echo "# qos_sched not run: it needs 3 CPUs, or root and unshare to show it 3"
	else
		awk '/^\[pipe profile 0\]/ { p = 1 }
			p && /^tc period/ { print "tc period = 1000"; next } { print }' \
			"$work/src/qos_sched/profile.cfg" >"$work/qos-1s.cfg"
		log=$work/run-qos_sched.log
		# shellcheck disable=SC2046
		(qos_run $(eal qos_sched 512) --lcores 0@0,1@1,2@1 --vdev=net_null0,copy=1 \
			--vdev=net_null1 -- --pfc 0,1,1,2 --mnc 0 --msz 16384 \
			--cfg "$work/qos-1s.cfg") >"$log" 2>&1 </dev/null &
		pid=$!
		t=0
		while kill -0 $pid 2>/dev/null && [ "$(grep -c '^TX port 1' "$log")" -lt 8 ] &&
			[ $t -lt 300 ]; do
			sleep 0.2
			t=$((t + 1))
		done
		kill -INT $pid 2>/dev/null
		t=0
		while kill -0 $pid 2>/dev/null && [ $t -lt 25 ]; do sleep 0.2; t=$((t + 1)); done
		kill -KILL $pid 2>/dev/null
		wait $pid
		rc=$?
		# the first seconds may carry the initial bucket; the last five must be the rate
		v=1
		if grep '^TX port 1' "$log" | tail -n +4 | head -n 5 | awk '
			{ n++; r = $5 / 3467.9
			  printf "# qos_sched: %d packets/s (%.3f of the rate)\n", $5, r
			  if (r < 0.95 || r > 1.05) bad = 1 }
			END { exit !(n == 5 && !bad) }'; then
			sane qos_sched && v=0
		fi
		report $v qos_sched "one pipe shaped to 305175 B/s within 5% (exit status $rc)"
	fi
fi

# Samples that need what the virtual ports lack: DPDK's message, exit status 1, no crash.
refused() { # NAME MESSAGE (grep -F) ARGS...
	local name=$1 msg=$2
	shift 2
	built "$name" || return 0
	run "$name" "" "${refused_secs:-30}" "$@"
	v=1
	[ $hung -eq 0 ] && [ $rc -eq 1 ] && grep -qF "$msg" "$work/run-$name.log" &&
		sane "$name" && v=0
	report $v "$name" "exits with \"$msg\" (status $rc)"
}
# shellcheck disable=SC2046
refused flow_filtering "Flow can't be created 1 message: Function not implemented" \
	$(eal flow_filtering) -l 0 --vdev=net_null0
# shellcheck disable=SC2046
refused link_status_interrupt "Driver net_null does not support lsc" \
	$(eal link_status_interrupt) -l 0-1 --vdev=net_null0 --vdev=net_null1 -- -p 0x3
# shellcheck disable=SC2046
refused ptpclient "Timesync enable failed: -95" $(eal ptpclient) -l 0 --vdev=net_null0 \
	-- -p 0x1 -T 0
# ip_fragmentation then ip_reassembly on net_pcap, which gives them in software what they ask
# of a NIC (Rx checksum and packet types, Tx IPv4 checksum, a jumbo MTU): IPv4/UDP frames of
# 3000, 5000 and 8000 bytes are cut into fragments of at most 1500 IP bytes with valid
# headers, and the fragments put back together are the original frames, byte for byte. The
# frames are addressed as the samples address what they send on port 0 (destination
# 02:00:00:00:00:00, source the first net_pcap port's MAC, IPv4 destination 100.10.0.0/16
# routed to port 0), so that only the samples' work can make a difference.
jumbo_write() { # FILE: the original frames
	/usr/bin/python3 - "$1" <<'EOF'
import struct, sys

def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

eth = bytes.fromhex("020000000000" "027063617000" "0800")
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, size in enumerate((3000, 5000, 8000)):
        iplen = size - len(eth)
        src, dst = bytes([10, 0, 0, 1]), bytes([100, 10, 0, 2 + i])
        payload = bytes((j * 7 + i) & 0xff for j in range(iplen - 28))
        udp = struct.pack("!HHHH", 1000 + i, 2000, iplen - 20, 0) + payload
        pseudo = src + dst + struct.pack("!BBH", 0, 17, len(udp))
        udp = udp[:6] + struct.pack("!H", cksum(pseudo + udp) or 0xffff) + udp[8:]
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, iplen, 0x100 + i, 0, 64, 17, 0, src, dst)
        ip = ip[:10] + struct.pack("!H", cksum(ip)) + ip[12:]
        frame = eth + ip + udp
        f.write(struct.pack("<IIII", 1, i, len(frame), len(frame)) + frame)
EOF
}
# jumbo_check frag|same FILE ORIGINAL. frag: every frame of FILE is a fragment of at most
# 1514 bytes with a right IPv4 header checksum, and the fragments of each original datagram
# cover it exactly; same: FILE holds the frames of ORIGINAL, byte for byte, in any order.
jumbo_check() {
	/usr/bin/python3 - "$@" <<'EOF'
import struct, sys

def frames(path):
    data, off, out = open(path, "rb").read(), 24, []
    while off + 16 <= len(data):
        n = struct.unpack_from("<I", data, off + 8)[0]
        out.append(data[off + 16:off + 16 + n])
        off += 16 + n
    return out

def cksum(b):
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

check, path, orig = sys.argv[1], sys.argv[2], frames(sys.argv[3])
got = frames(path)
if check == "same":
    print("# %s: %d frames, %d originals, %d identical" % (path.split("/")[-1], len(got),
          len(orig), sum(1 for g in got if g in orig)))
    sys.exit(0 if sorted(got) == sorted(orig) else 1)
pieces, bad = {}, 0
for g in got:
    ihl = (g[14] & 15) * 4
    tot, fo = struct.unpack_from("!H", g, 16)[0], struct.unpack_from("!H", g, 20)[0]
    if len(g) > 1514 or cksum(g[14:14 + ihl]) != 0 or len(g) != 14 + tot:
        bad += 1
    pieces.setdefault(g[18:20], []).append(((fo & 0x1fff) * 8, tot - ihl, fo & 0x2000))
whole = 0
for o in orig:
    ps = sorted(pieces.get(o[18:20], []))
    pos = 0
    for off, n, more in ps:
        pos = pos + n if off == pos else -1
    if ps and pos == len(o) - 34 and not ps[-1][2] and all(p[2] for p in ps[:-1]):
        whole += 1
print("# %s: %d fragments, %d bad, %d of %d datagrams covered" % (path.split("/")[-1],
      len(got), bad, whole, len(orig)))
sys.exit(0 if bad == 0 and whole == len(orig) and len(got) > len(orig) else 1)
EOF
}
jumbo_write "$work/jumbo.pcap"
if built ip_fragmentation; then
	# shellcheck disable=SC2046
	run_after=2 run ip_fragmentation "entering main loop" 60 $(eal ip_fragmentation) \
		--log-level=user1:info -l 0 \
		"--vdev=net_pcap0,rx_pcap=$work/jumbo.pcap,tx_pcap=$work/frag.pcap" -- -p 0x1
	v=1
	# no handler for SIGINT: it ends the sample (status 130)
	[ $hung -eq 0 ] && [ $rc -eq 130 ] &&
		jumbo_check frag "$work/frag.pcap" "$work/jumbo.pcap" &&
		sane ip_fragmentation && v=0
	report $v ip_fragmentation "jumbo IPv4 frames out as fragments of at most 1500 bytes"
fi
if built ip_reassembly; then
	# shellcheck disable=SC2046
	run_after=2 run ip_reassembly "entering main loop" 60 $(eal ip_reassembly) \
		--log-level=user1:info -l 0 \
		"--vdev=net_pcap0,rx_pcap=$work/frag.pcap,tx_pcap=$work/reassembled.pcap" \
		-- -p 0x1 --maxflows=256
	v=1
	# its SIGINT handler prints the fragment table's statistics and exits with status 0
	[ $hung -eq 0 ] && [ $rc -eq 0 ] &&
		grep -q "received signal: 2, exiting" "$work/run-ip_reassembly.log" &&
		jumbo_check same "$work/reassembled.pcap" "$work/jumbo.pcap" &&
		sane ip_reassembly && v=0
	report $v ip_reassembly "the fragments put back together are the original frames"
fi
# ipv4_multicast on three net_pcap ports (all read by lcore 0, -q 3): port 0 reads packets to
# several groups of the sample's table (224.0.0.101 to ports 0x1, .102 0x2, .103 0x3, .104
# 0x4, .106 0x6, .107 0x7), to a group it does not know and to a unicast address. Each port's
# capture must hold exactly the packets of the groups that include it, in order, each with the
# group's Ethernet address and the port's own as source: the 2-port groups are sent as
# clones, the 3-port one as the same packet behind three headers.
mcast_groups="101 102 103 104 106 107 120 0"
mcast_write() { # FILE
	/usr/bin/python3 - "$1" "$mcast_groups" <<'EOF'
import struct, sys
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, g in enumerate(int(a) for a in sys.argv[2].split()):
        dst = bytes([224, 0, 0, g]) if g else bytes([10, 0, 0, 2])
        udp = struct.pack("!HHHH", 1000 + i, 2000, 8 + 100, 0) + bytes([i]) * 100
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), i, 0, 1, 17, 0,
                         bytes([10, 0, 0, 1]), dst)
        frame = bytes.fromhex("01005e000000 020000000001 0800") + ip + udp
        f.write(struct.pack("<IIII", 1, i, len(frame), len(frame)) + frame)
EOF
}
mcast_check() { # INPUT OUT0 OUT1 OUT2
	/usr/bin/python3 - "$@" <<'EOF'
import struct, sys

def frames(path):
    data, off, out = open(path, "rb").read(), 24, []
    while off + 16 <= len(data):
        n = struct.unpack_from("<I", data, off + 8)[0]
        out.append(data[off + 16:off + 16 + n])
        off += 16 + n
    return out

masks = {101: 1, 102: 2, 103: 3, 104: 4, 106: 6, 107: 7}
sent = frames(sys.argv[1])
ok = True
for port, path in enumerate(sys.argv[2:]):
    want = [s for s in sent if s[30] == 224 and masks.get(s[33], 0) >> port & 1]
    got = frames(path)
    good = len(got) == len(want) and all(
        g[14:] == w[14:] and g[:6] == bytes([1, 0, 0x5e, 0, 0, w[33]]) and
        g[6:12] == bytes([2, 0x70, 0x63, 0x61, 0x70, port]) and g[12:14] == b"\x08\x00"
        for g, w in zip(got, want))
    print("# ipv4_multicast: port %d sent %d packets, %d expected%s" %
          (port, len(got), len(want), "" if good else ", not the expected ones"))
    ok = ok and good
sys.exit(0 if ok else 1)
EOF
}
if built ipv4_multicast; then
	mcast_write "$work/mcast.pcap"
	mcast_ports="--vdev=net_pcap0,rx_pcap=$work/mcast.pcap,tx_pcap=$work/mcast-out0.pcap"
	mcast_ports="$mcast_ports --vdev=net_pcap1,tx_pcap=$work/mcast-out1.pcap"
	mcast_ports="$mcast_ports --vdev=net_pcap2,tx_pcap=$work/mcast-out2.pcap"
	# shellcheck disable=SC2046,SC2086
	run_after=2 run ipv4_multicast "entering main loop" 60 $(eal ipv4_multicast) \
		--log-level=user1:info -l 0 $mcast_ports -- -p 0x7 -q 3
	v=1
	[ $hung -eq 0 ] && [ $rc -eq 130 ] &&
		mcast_check "$work/mcast.pcap" "$work/mcast-out0.pcap" "$work/mcast-out1.pcap" \
			"$work/mcast-out2.pcap" && sane ipv4_multicast && v=0
	report $v ipv4_multicast "each of 3 pcap ports sends the packets of its groups"
fi
# vmdq and vmdq_dcb create their mbuf pool before looking at the ports: 1024 queues x 1024
# descriptors per port, about 5 GB for two ports. In 256 MB they stop there, as DPDK's build
# does; EXAMPLES_VMDQ_MEMORY=<MB> (5200 or more) lets them reach the VMDq check, which net_null
# fails (max_vmdq_pools 0). rte_eth_dev_configure's own VMDq checks are unit-tested (ethdev).
vmdq_mem=${EXAMPLES_VMDQ_MEMORY:-}
if [ -n "$vmdq_mem" ]; then
	refused_secs=600
	vmdq_msg="num_pools 8 >max_nb_pools 0"
	vmdq_dcb_msg="num_pools 32 >max_nb_pools 0"
else
	vmdq_msg="Cannot create mbuf pool"
	vmdq_dcb_msg=$vmdq_msg
fi
# shellcheck disable=SC2046
refused vmdq "$vmdq_msg" $(eal vmdq "$vmdq_mem") -l 0 --vdev=net_null0 --vdev=net_null1 \
	-- -p 0x3 --nb-pools 8
# shellcheck disable=SC2046
refused vmdq_dcb "$vmdq_dcb_msg" $(eal vmdq_dcb "$vmdq_mem") -l 0 --vdev=net_null0 \
	--vdev=net_null1 -- -p 0x3

# multi_process/simple_mp: a primary and a secondary of one --file-prefix, each typing "send"
# on its command line; each one's receiving lcore prints what the other sent through the rings
# and mempool the primary created and the secondary looked up.
if built multi_process; then
	mp_bin=$work/src/multi_process/simple_mp/build/simple_mp
	mp_eal="--no-huge -m 64 --no-pci --file-prefix=ex-simple_mp-$$ --log-level=*:warning -l 0-1"
	mp_pri=$work/run-simple_mp.log
	mp_sec=$work/run-simple_mp_secondary.log
	# shellcheck disable=SC2086
	{ printf 'send from_primary\n'; sleep 8; printf 'quit\n'; } |
		LD_LIBRARY_PATH=$libdir stdbuf -oL "$mp_bin" $mp_eal --proc-type=primary \
		>"$mp_pri" 2>&1 &
	mp_pid=$!
	t=0
	while ! grep -q 'Starting core 1' "$mp_pri" && [ $t -lt 50 ]; do sleep 0.2; t=$((t + 1)); done
	# shellcheck disable=SC2086
	{ sleep 1; printf 'send from_secondary\n'; sleep 2; printf 'quit\n'; } |
		LD_LIBRARY_PATH=$libdir timeout 30 stdbuf -oL "$mp_bin" $mp_eal \
		--proc-type=secondary >"$mp_sec" 2>&1
	mp_rc=$?
	t=0
	while kill -0 "$mp_pid" 2>/dev/null && [ $t -lt 100 ]; do sleep 0.2; t=$((t + 1)); done
	kill -KILL "$mp_pid" 2>/dev/null
	wait "$mp_pid"
	mp_prc=$?
	v=1
	[ $mp_rc -eq 0 ] && [ $mp_prc -eq 0 ] &&
		grep -q "Received 'from_secondary'" "$mp_pri" &&
		grep -q "Received 'from_primary'" "$mp_sec" &&
		sane simple_mp && sane simple_mp_secondary && v=0
	[ $v -eq 0 ] || sed 's/^/# secondary: /' "$mp_sec" | tail -n 15
	report $v simple_mp "primary and secondary exchange messages (exit status $mp_prc, $mp_rc)"
fi

# multi_process/symmetric_mp: a primary and a secondary forward between the same two net_null
# ports, each on its own queue (--proc-id); on SIGINT each prints its own counts.
if built multi_process; then
	sym_bin=$work/src/multi_process/symmetric_mp/build/symmetric_mp
	sym_eal="--no-huge -m 512 --no-pci --file-prefix=ex-symmetric_mp-$$ --log-level=*:warning"
	sym_pri=$work/run-symmetric_mp.log
	sym_sec=$work/run-symmetric_mp_secondary.log
	# shellcheck disable=SC2086
	env --default-signal=INT LD_LIBRARY_PATH=$libdir stdbuf -oL "$sym_bin" -l 0 $sym_eal \
		--vdev=net_null0 --vdev=net_null1 --proc-type=primary -- -p 3 --num-procs=2 \
		--proc-id=0 >"$sym_pri" 2>&1 &
	sym_pid=$!
	t=0
	while ! grep -q 'using queue 0' "$sym_pri" && [ $t -lt 100 ]; do sleep 0.2; t=$((t + 1)); done
	# shellcheck disable=SC2086
	env --default-signal=INT LD_LIBRARY_PATH=$libdir stdbuf -oL "$sym_bin" -l 1 $sym_eal \
		--proc-type=secondary -- -p 3 --num-procs=2 --proc-id=1 >"$sym_sec" 2>&1 &
	sym_spid=$!
	t=0
	while ! grep -q 'using queue 1' "$sym_sec" && [ $t -lt 100 ]; do sleep 0.2; t=$((t + 1)); done
	sleep 2
	kill -INT "$sym_spid" 2>/dev/null
	wait "$sym_spid"
	sym_src=$?
	kill -INT "$sym_pid" 2>/dev/null
	wait "$sym_pid"
	sym_prc=$?
	# Every "Port N: RX - r, TX - t" line of both: two each, all counts above zero.
	sym_ok() { awk '/^Port [01]: RX - /{ n++; if ($5 + 0 > 0 && $8 + 0 > 0) ok++ }
		END { exit !(n == 2 && ok == 2) }' "$1"; }
	v=1
	[ $sym_src -eq 0 ] && [ $sym_prc -eq 0 ] && sym_ok "$sym_pri" && sym_ok "$sym_sec" &&
		sane symmetric_mp && sane symmetric_mp_secondary && v=0
	grep -h '^Port' "$sym_pri" "$sym_sec" | sed 's/^/# symmetric_mp: /'
	[ $v -eq 0 ] || sed 's/^/# secondary: /' "$sym_sec" | tail -n 15
	report $v symmetric_mp "primary and secondary both forward on queues 0 and 1 of two" \
		"net_null ports (exit status $sym_prc, $sym_src)"
fi

# multi_process/client_server_mp: the server (primary) spreads what two net_null ports receive
# over its clients' rings; a client (secondary) takes from its ring and transmits on the
# server's ports. The server's statistics screen shows the client's rx and tx and the ports' tx.
if built multi_process; then
	cs_dir=$work/src/multi_process/client_server_mp
	cs_eal="--no-huge -m 512 --no-pci --file-prefix=ex-client_server_mp-$$ --log-level=*:warning"
	cs_srv=$work/run-client_server_mp.log
	cs_cli=$work/run-client_server_mp_client.log
	# shellcheck disable=SC2086
	env --default-signal=INT LD_LIBRARY_PATH=$libdir stdbuf -oL \
		"$cs_dir/mp_server/build/mp_server" -l 0-1 $cs_eal --vdev=net_null0 \
		--vdev=net_null1 -- -p 3 -n 1 >"$cs_srv" 2>&1 &
	cs_pid=$!
	t=0
	while ! grep -q 'CLIENTS' "$cs_srv" && [ $t -lt 100 ]; do sleep 0.2; t=$((t + 1)); done
	# shellcheck disable=SC2086
	env --default-signal=INT LD_LIBRARY_PATH=$libdir stdbuf -oL \
		"$cs_dir/mp_client/build/mp_client" -l 1 $cs_eal --proc-type=secondary -- -n 0 \
		>"$cs_cli" 2>&1 &
	cs_cpid=$!
	sleep 4
	kill -INT "$cs_cpid" 2>/dev/null
	wait "$cs_cpid"
	sleep 1.5
	kill -INT "$cs_pid" 2>/dev/null
	t=0
	while kill -0 "$cs_pid" 2>/dev/null && [ $t -lt 25 ]; do sleep 0.2; t=$((t + 1)); done
	kill -KILL "$cs_pid" 2>/dev/null
	wait "$cs_pid"
	# The last screen: client 0's rx and tx, and both ports' tx, above zero.
	cs_counts=$(tr -d '\033' <"$cs_srv" | awk '
		/^Port [01] - rx:/ { ptx[$2] = $7 }
		/^Client  0 - rx:/ { crx = $5 + 0 }
		/^ +tx: .*tx_drop/ { ctx = $2 + 0 }
		END { printf "%d %d %d %d", crx, ctx, ptx[0], ptx[1] }')
	echo "# client_server_mp: client 0 rx, client 0 tx, port 0 tx, port 1 tx: $cs_counts"
	v=1
	# shellcheck disable=SC2086
	set -- $cs_counts
	[ "${1:-0}" -gt 0 ] && [ "${2:-0}" -gt 0 ] && [ "${3:-0}" -gt 0 ] && [ "${4:-0}" -gt 0 ] &&
		grep -q 'handling packets' "$cs_cli" && sane client_server_mp &&
		sane client_server_mp_client && v=0
	[ $v -eq 0 ] || sed 's/^/# client: /' "$cs_cli" | tail -n 15
	report $v client_server_mp "a client (secondary) forwards what the server's ring gives it"
fi

# server_node_efd: the server (primary) looks each flow up in its EFD table and hands the
# packets to the node that owns it; a node (secondary) checks them against its own hash table and
# transmits them on the server's ports. The server's screen shows the node's counts.
if built server_node_efd; then
	efd_dir=$work/src/server_node_efd
	efd_eal="--no-huge -m 512 --no-pci --file-prefix=ex-server_node_efd-$$ --log-level=*:warning"
	efd_srv=$work/run-server_node_efd.log
	efd_node=$work/run-server_node_efd_node.log
	# shellcheck disable=SC2086
	env --default-signal=INT LD_LIBRARY_PATH=$libdir stdbuf -oL "$efd_dir/server/build/server" \
		-l 0-1 $efd_eal --vdev=net_null0 --vdev=net_null1 -- -p 3 -n 1 -f 1000 \
		>"$efd_srv" 2>&1 &
	efd_pid=$!
	t=0
	while ! grep -q 'NODES' "$efd_srv" && [ $t -lt 100 ]; do sleep 0.2; t=$((t + 1)); done
	# shellcheck disable=SC2086
	env --default-signal=INT LD_LIBRARY_PATH=$libdir stdbuf -oL "$efd_dir/node/build/node" \
		-l 1 $efd_eal --proc-type=secondary -- -n 0 >"$efd_node" 2>&1 &
	efd_npid=$!
	sleep 4
	kill -INT "$efd_npid" 2>/dev/null
	wait "$efd_npid"
	sleep 1.5
	kill -INT "$efd_pid" 2>/dev/null
	t=0
	while kill -0 "$efd_pid" 2>/dev/null && [ $t -lt 25 ]; do sleep 0.2; t=$((t + 1)); done
	kill -KILL "$efd_pid" 2>/dev/null
	wait "$efd_pid"
	# The last screen: node 0's rx, tx and packets passing its filter, above zero.
	efd_counts=$(tr -d '\033' <"$efd_srv" | awk '
		/^Node  0 - rx:/ { rx = $5 + 0 }
		/^ +tx: .*tx_drop/ { tx = $2 + 0 }
		/filter_passed:/ { ok = $2 + 0 }
		END { printf "%d %d %d", rx, tx, ok }')
	echo "# server_node_efd: node 0 rx, tx, filter passed: $efd_counts"
	v=1
	# shellcheck disable=SC2086
	set -- $efd_counts
	[ "${1:-0}" -gt 0 ] && [ "${2:-0}" -gt 0 ] && [ "${3:-0}" -gt 0 ] &&
		grep -q 'handling packets' "$efd_node" && sane server_node_efd &&
		sane server_node_efd_node && v=0
	[ $v -eq 0 ] || sed 's/^/# node: /' "$efd_node" | tail -n 15
	report $v server_node_efd "a node (secondary) filters and forwards the flows the server gives it"
fi

# multi_process/hotplug_mp: a primary and a secondary, each on its own command line (fifos).
# attach and detach typed in either process happen in both, as "list" in the other shows; a
# second attach of a device fails in both; at the end neither has a port.
if built multi_process; then
	hp_bin=$work/src/multi_process/hotplug_mp/build/hotplug_mp
	hp_eal="--no-huge -m 64 --no-pci --file-prefix=ex-hotplug_mp-$$ --log-level=*:warning -l 0"
	mkfifo "$work/hp.in" "$work/hp_secondary.in"
	hp_prompts() { grep -o 'example> ' "$work/run-hotplug_mp$1.log" 2>/dev/null | wc -l; }
	hp_wait() { # SUFFIX N: wait until that log shows N prompts (30 s at most)
		local t=0
		while [ "$(hp_prompts "$1")" -lt "$2" ] && [ $t -lt 150 ]; do
			sleep 0.2
			t=$((t + 1))
		done
		[ "$(hp_prompts "$1")" -ge "$2" ]
	}
	hp_start() { # SUFFIX TYPE FD
		# shellcheck disable=SC2086
		LD_LIBRARY_PATH=$libdir timeout 120 stdbuf -oL "$hp_bin" $hp_eal --proc-type="$2" \
			<"$work/hp$1.in" >"$work/run-hotplug_mp$1.log" 2>&1 &
	}
	hp_p=0
	hp_s=0
	hp_out=""
	hp() { # p|s COMMAND...: type it in that process; hp_out is what it printed
		local log=$work/run-hotplug_mp$([ "$1" = s ] && echo _secondary).log size n
		size=$(stat -c %s "$log")
		if [ "$1" = p ]; then
			shift
			echo "$*" >&7
			hp_p=$((hp_p + 1))
			n=$hp_p
			hp_wait "" $n
		else
			shift
			echo "$*" >&8
			hp_s=$((hp_s + 1))
			n=$hp_s
			hp_wait _secondary $n
		fi
		hp_out=$(tail -c +$((size + 1)) "$log")
	}
	hp_step=""
	hp_fail() { [ -n "$hp_step" ] || hp_step=$1; }
	hp_start "" primary
	hp_ppid=$!
	exec 7>"$work/hp.in"
	hp_p=1
	if hp_wait "" 1; then
		hp_start _secondary secondary
		hp_spid=$!
		exec 8>"$work/hp_secondary.in"
		hp_s=1
		hp_wait _secondary 1 || hp_fail "the secondary did not start"
	else
		hp_fail "the primary did not start"
		hp_spid=""
	fi
	if [ -z "$hp_step" ]; then
		hp p attach net_null0
		echo "$hp_out" | grep -q 'attached device net_null0' || hp_fail "primary: attach"
		hp s list
		echo "$hp_out" | grep -qE '^0[[:space:]]+net_null0' || hp_fail "secondary: no net_null0"
		hp s attach net_null1,size=128
		echo "$hp_out" | grep -q 'attached device net_null1' || hp_fail "secondary: attach"
		hp p list
		echo "$hp_out" | grep -qE '^1[[:space:]]+net_null1' || hp_fail "primary: no net_null1"
		hp s attach net_null0
		echo "$hp_out" | grep -q 'failed to attached device net_null0' ||
			hp_fail "secondary: second attach"
		hp p attach net_null1
		echo "$hp_out" | grep -q 'failed to attached device net_null1' ||
			hp_fail "primary: second attach"
		hp p detach net_null1
		echo "$hp_out" | grep -q 'detached device net_null1' || hp_fail "primary: detach"
		hp s list
		echo "$hp_out" | grep -q 'net_null1' && hp_fail "secondary: net_null1 still listed"
		hp s detach net_null0
		echo "$hp_out" | grep -q 'detached device net_null0' || hp_fail "secondary: detach"
		hp p list
		echo "$hp_out" | grep -q 'net_null' && hp_fail "primary: ports left"
		hp s list
		echo "$hp_out" | grep -q 'net_null' && hp_fail "secondary: ports left"
	fi
	echo quit >&8 2>/dev/null
	exec 8>&-
	[ -n "$hp_spid" ] && wait "$hp_spid"
	hp_src=$?
	echo quit >&7 2>/dev/null
	exec 7>&-
	wait "$hp_ppid"
	hp_prc=$?
	v=1
	[ -z "$hp_step" ] && [ $hp_prc -eq 0 ] && [ $hp_src -eq 0 ] && sane hotplug_mp &&
		sane hotplug_mp_secondary && v=0
	[ $v -eq 0 ] || { echo "# failed step: $hp_step"
		sed 's/^/# secondary: /' "$work/run-hotplug_mp_secondary.log" | tail -n 15; }
	report $v hotplug_mp "attach/detach from either process seen by both, second attach" \
		"refused in both (exit status $hp_prc, $hp_src)"
fi

echo "# examples: built and ran in $(($(date +%s) - start)) s"
echo "1..$n"
[ "$fails" -eq 0 ]
