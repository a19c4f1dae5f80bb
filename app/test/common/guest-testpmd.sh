# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash
#
# Sourced by the guest-side scripts (devtools/vm/dpdk-vm.py runs them in a QEMU guest): TAP
# lines for the host side to number, and an interactive dpdk-testpmd driven through a fifo.
# The sourcing script sets TESTPMD (the binary tp_start runs) and TAG (the prefix of its TAP
# descriptions), and may set TP_TMP (the prefix of the scratch folder's name).
#   tp_start ARGS...   start "$TESTPMD" ARGS and wait for its first prompt
#   tp CMD             type CMD and wait for the next prompt; TP_LAST holds what it printed
#   tp_q CMD           the same without the transcript (for polling)
#   tp_quit            quit, killing it after 20 s; the status is testpmd's
# Never call tp in $(...): TP_LAST would be lost with the subshell.

T0=${T0:-$(date +%s)}
say() { echo "### [+$(( $(date +%s) - T0 ))s] $*"; }
tap() { # ok|fail DESCRIPTION
	if [ "$1" = ok ]; then echo "TAP ok - $TAG: $2"; else echo "TAP not ok - $TAG: $2"; fi
}
check() { # DESCRIPTION COMMAND...: one TAP line from the command's status
	local d=$1; shift
	if "$@"; then tap ok "$d"; else tap fail "$d"; fi
}

# scratch for the fifo and output; the guest's /tmp goes away with the guest
TPD=$(mktemp -d "/tmp/${TP_TMP:-guesttp}.XXXXXX")
TP_OUT=$TPD/out
# wait_prompt OFFSET TIMEOUT: testpmd printed its prompt after byte OFFSET of its output
wait_prompt() {
	local end=$(( $(date +%s) + $2 ))
	until tail -c +$(($1 + 1)) "$TP_OUT" | grep -q 'testpmd> '; do
		kill -0 "$TP_PID" 2>/dev/null || { echo "testpmd died"; return 1; }
		[ "$(date +%s)" -lt "$end" ] || { echo "timeout waiting for testpmd"; return 1; }
		sleep 0.05
	done
}
# where a testpmd that does not answer is: each thread's kernel wait channel and stack
tp_where() {
	local t
	for t in /proc/"$TP_PID"/task/*; do
		echo "thread $(cat "$t/comm" 2>/dev/null): $(grep State "$t/status" 2>/dev/null)," \
			"waiting in $(cat "$t/wchan" 2>/dev/null)"
		sed 's/^/    /' "$t/stack" 2>/dev/null
	done
}
tp_start() {
	rm -f "$TPD/in" "$TP_OUT"
	mkfifo "$TPD/in"
	echo "+ $TESTPMD $*"
	stdbuf -oL -eL "$TESTPMD" "$@" < "$TPD/in" > "$TP_OUT" 2>&1 &
	TP_PID=$!
	exec 9> "$TPD/in"
	wait_prompt 0 120; local rc=$?
	cat "$TP_OUT"
	[ $rc -eq 0 ] || tp_where
	return $rc
}
tp() {
	local off rc
	off=$(stat -c %s "$TP_OUT")
	echo "testpmd> $*"
	echo "$*" >&9
	wait_prompt "$off" 90; rc=$?
	TP_LAST=$(tail -c +$((off + 1)) "$TP_OUT" | sed 's/testpmd> $//')
	echo "$TP_LAST"
	return $rc
}
tp_q() {
	tp "$@" >/dev/null
}
tp_alive() { kill -0 "$TP_PID" 2>/dev/null; }
tp_quit() {
	echo quit >&9
	exec 9>&-
	local i
	for i in $(seq 200); do tp_alive || break; sleep 0.1; done
	tp_alive && { echo "testpmd did not quit, killing it"; kill -9 "$TP_PID"; }
	wait "$TP_PID"
}
# RX, TX: packet counters of port P from "show port stats P"
stats() {
	tp_q show port stats "$1"
	RX=$(echo "$TP_LAST" | sed -n 's/.*RX-packets: *\([0-9]*\).*/\1/p' | head -1)
	TX=$(echo "$TP_LAST" | sed -n 's/.*TX-packets: *\([0-9]*\).*/\1/p' | head -1)
	RX=${RX:-0}; TX=${TX:-0}
}
# port P received exactly N and sent exactly M packets
exact() { stats "$1"; echo "port $1: rx $RX (want $2) tx $TX (want $3)"
	case $TP_LAST in *RX-packets*) ;; *) return 1 ;; esac
	[ "$RX" = "$2" ] && [ "$TX" = "$3" ]; }
# device mappings (BAR files, uio, vfio) and fds of testpmd
dev_maps() { grep -cE '/resource[0-9]|/dev/uio|\[vfio-device\]|/dev/vfio/' "/proc/$TP_PID/maps"; }
nfds() { ls "/proc/$TP_PID/fd" | wc -l; }
# secondary_stats P: PRX and PTX, the counts of port P as dpdk-proc-info ($PROCINFO), a
# secondary process of the testpmd started with --file-prefix $SEC_PREFIX, reads them (with the
# NIC's registers mapped where testpmd has them); SEC_OUT is all it printed
secondary_stats() {
	local out
	PRX=; PTX=
	out=$("$PROCINFO" --file-prefix "$SEC_PREFIX" --log-level=lib.eal:notice -- --stats 2>&1)
	SEC_OUT=$out
	echo "$out" | grep -v 'Stats reg' |
		grep -E 'PCI|EAL|error|cannot|NIC statistics for port|RX-packets: |TX-packets: '
	out=$(echo "$out" | sed -n "/NIC statistics for port $1 /,/######/p")
	PRX=$(echo "$out" | sed -n 's/^  RX-packets: *\([0-9]*\).*/\1/p')
	PTX=$(echo "$out" | sed -n 's/^  TX-packets: *\([0-9]*\).*/\1/p')
	[ -n "$PRX" ] && [ -n "$PTX" ]
}
# the secondary reads for port P what testpmd shows
secondary_agrees() {
	stats "$1"
	secondary_stats "$1" || { echo "proc-info shows no port $1"; return 1; }
	echo "port $1: testpmd rx $RX tx $TX, proc-info rx $PRX tx $PTX"
	[ "$RX" = "$PRX" ] && [ "$TX" = "$PTX" ]
}
