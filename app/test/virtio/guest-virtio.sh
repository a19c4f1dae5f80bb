#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Guest side of the virtio suite (run by run-virtio-guest.sh through devtools/vm/dpdk-vm.py):
# every scenario on one kernel driver, in one boot, on modern virtio-net NICs sharing a QEMU
# hub. Prints "TAP ok - ..." / "TAP not ok - ..." lines that the host side numbers; everything
# else is the transcript of what ran.
#   guest-virtio.sh DRIVER [full|short|legacy]  (VIRTIO_TESTPMD, VIRTIO_HOTPLUG: the tree's
#   binaries)
# short stops after the first hot-add/detach/unplug cycle: surprise removal and the repeated
# attach/detach cycles exercise the bus more than the driver, and cost minutes under TCG.
# legacy: the NICs are legacy virtio-net (1af4:1000 without modern capabilities, driven
# through the I/O port BAR); after the first cycle the slot is attached again, then 50
# attach/detach cycles and traffic from memory allocated after attach, no surprise removal.
# First, in every guest: the multi-queue NIC (VM_MQ_NIC, dpdk-vm.py --mq-nic 2, modern or
# legacy as the guest's NICs are) in a testpmd of its own, fed by the host's tap (vm-host
# tap-send).
set -u
DRV=$1
MODE=${2:-full}
TESTPMD=$VIRTIO_TESTPMD
HOTPLUG=$VIRTIO_HOTPLUG
LSC=${VIRTIO_LSC:-}
A=$VM_NIC0
B=$VM_NIC1
T0=$(date +%s)

# the host names the legacy guest's checks legacy-DRIVER
TAG=$DRV
[ "$MODE" = legacy ] && TAG=legacy-$DRV
TP_TMP=virtiotp
SEC_PREFIX=virtiog
PROCINFO=${VIRTIO_PROCINFO:-}
. "$(dirname "$0")/../common/guest-testpmd.sh"
# one burst of 32 from every started port, counted by rxonly
burst() {
	tp clear port stats all
	tp set fwd rxonly
	tp start tx_first
	sleep 1
	tp stop
}

hotplug() { # -> HP (the new device's address), bound to $DRV
	HP=$(vm-host hotplug 0) || { echo "hotplug failed"; return 1; }
	local i
	for i in $(seq 100); do [ -e "/sys/bus/pci/devices/$HP/driver" ] && break; sleep 0.05; done
	local d; d=$(basename "$(readlink "/sys/bus/pci/devices/$HP/driver")")
	echo "hot-added $HP, bound to $d"
	[ "$d" = "$DRV" ] || vm-bind "$HP" "$DRV"
}
attach() { # BDF -> P
	tp port attach "$1" || return 1
	P=$(echo "$TP_LAST" | sed -n 's/^Port \([0-9]*\) is attached.*/\1/p')
	[ -n "$P" ]
}

for n in "$A" "$B"; do
	d=$(basename "$(readlink "/sys/bus/pci/devices/$n/driver")")
	[ "$d" = "$DRV" ] || { echo "+ vm-bind $n $DRV (was $d)"; vm-bind "$n" "$DRV"; }
done
say "driver $DRV, NICs $A $B ($(cat "/sys/bus/pci/devices/$A/vendor"):$(cat \
	"/sys/bus/pci/devices/$A/device"))"

# The multi-queue NIC (dpdk-vm.py --mq-nic 2): virtio-net with 2 queue pairs on a host tap of 2
# queues, which steers each flow the host sends to one queue, so to one queue pair of the NIC.
MQ=${VM_MQ_NIC:-}
MQ_NAMES=(
	"multi-queue NIC: max_rx_queues >= 2, started with 2 rx/tx queues (VQ_PAIRS_SET 2 accepted)"
	"multi-queue NIC: 2000 frames over 64 flows from the host received exactly, on both rx queues"
	"multi-queue NIC: txonly sends from both tx queues and the host receives it all"
	"multi-queue NIC: detached and attached again, 2 queue pairs, both rx queues receive again"
)
# qstat FIELD QUEUE: FIELD (RX-packets, TX-packets) of the stream of rx queue QUEUE in the
# forwarding statistics that "stop" printed (TP_LAST); streams that moved nothing are not shown
qstat() {
	local v
	v=$(echo "$TP_LAST" | awk -v f="$1:" -v q="q$2" '
		/Forward Stats for RX Port=/ {
			s = $0; sub(/.*RX Port= *[0-9]+\/Queue= */, "", s); sub(/ .*/, "", s)
			cur = "q" s; next
		}
		cur == q { for (i = 1; i < NF; i++) if ($i == f) { print $(i + 1); exit } }')
	echo "${v:-0}"
}
# portrx: the port's RX-packets in the forwarding statistics in TP_LAST (since "start")
portrx() {
	local v
	v=$(echo "$TP_LAST" | awk '/Forward statistics for port/ { p = 1; next }
		p && $1 == "RX-packets:" { print $2; exit }')
	echo "${v:-0}"
}
# mq_rx: the host sends 2000 frames over 64 flows; the port receives them all, on both queues.
# Every testpmd command costs seconds under emulation: the counts come from the forwarding
# statistics alone.
mq_rx() {
	local i q0 q1 rx
	tp set fwd rxonly
	tp start
	vm-host tap-send 2000 64 || { tp stop; return 1; }
	for i in $(seq 60); do
		tp_q show fwd stats all
		[ "$(portrx)" -ge 2000 ] && break
		sleep 0.25
	done
	# anything beyond the 2000 would show up now
	sleep 0.5
	tp stop
	rx=$(portrx); q0=$(qstat RX-packets 0); q1=$(qstat RX-packets 1)
	echo "multi-queue port: rx $rx (want 2000), rx queue 0: $q0, rx queue 1: $q1"
	[ "$rx" = 2000 ] && [ "$q0" -gt 0 ] && [ "$q1" -gt 0 ] && [ $((q0 + q1)) = 2000 ]
}
# mq_pairs PORT: started, with 2 rx and 2 tx queues, out of at least 2
mq_pairs() {
	tp show port info "$1"
	local max
	max=$(echo "$TP_LAST" | sed -n 's/^Max possible RX queues: *\([0-9]*\).*/\1/p')
	echo "$TP_LAST" | grep -q "Port status: *started" &&
		echo "$TP_LAST" | grep -q "Current number of RX queues: *2$" &&
		echo "$TP_LAST" | grep -q "Current number of TX queues: *2$" && [ "${max:-0}" -ge 2 ]
}
mq_checks() {
	local s ok h0 h1 t0 t1 d
	if [ -z "$MQ" ]; then
		for s in "${MQ_NAMES[@]}"; do
			echo "TAP not ok - $TAG: $s (no multi-queue NIC: dpdk-vm.py --mq-nic)"
		done
		return 0
	fi
	say "0. multi-queue NIC $MQ: 2 queue pairs on a 2-queue host tap"
	d=$(basename "$(readlink "/sys/bus/pci/devices/$MQ/driver")")
	[ "$d" = "$DRV" ] || { echo "+ vm-bind $MQ $DRV (was $d)"; vm-bind "$MQ" "$DRV"; }
	# in the legacy guest the NIC must be legacy too: 1af4:1000, probed on its I/O port BAR
	if { [ "$MODE" = legacy ] &&
			[ "$(cat "/sys/bus/pci/devices/$MQ/device")" != 0x1000 ]; } ||
			! tp_start -l 0-1 -n 1 --file-prefix virtiomq "${EXTRA[@]}" -a "$MQ" -- -i \
			--rxq=2 --txq=2 --total-num-mbufs=8192 --port-topology=loop ||
			{ [ "$MODE" = legacy ] &&
			! grep -q "$MQ: legacy interface on I/O BAR0" "$TP_OUT"; }; then
		for s in "${MQ_NAMES[@]}"; do tap fail "$s"; done
		tp_alive && tp_quit
		return 0
	fi
	say "0a. the multi-queue port started"
	check "${MQ_NAMES[0]}" mq_pairs 0
	# only the frames sent to the NIC's own address count
	tp set promisc 0 off
	check "${MQ_NAMES[1]}" mq_rx
	say "0b. txonly on both queues"
	h0=$(vm-host tap-stats)
	tp set fwd txonly
	tp start
	sleep 1
	tp stop
	t0=$(qstat TX-packets 0); t1=$(qstat TX-packets 1)
	# the device may still be taking the last ones off the rings
	sleep 1
	h1=$(vm-host tap-stats)
	# what the host got: received, or dropped by its stack once received from QEMU
	d=$(( $(echo "$h1" | awk '{print $2 + $6}') - $(echo "$h0" | awk '{print $2 + $6}') ))
	echo "txonly: tx queue 0 sent $t0, tx queue 1 sent $t1; host tap before: $h0, after: $h1;" \
		"host received $d"
	ok=0
	[ "$t0" -gt 0 ] && [ "$t1" -gt 0 ] && [ "$d" -ge $((t0 + t1)) ] && ok=1
	check "${MQ_NAMES[2]}" [ $ok = 1 ]
	say "0c. detach and attach again"
	ok=0
	tp port stop 0
	tp port close 0
	tp port detach 0
	if echo "$TP_LAST" | grep -q 'detached' && attach "$MQ"; then
		tp port start "$P"
		tp set promisc "$P" off
		mq_pairs "$P" && mq_rx && ok=1
	fi
	check "${MQ_NAMES[3]}" [ $ok = 1 ]
	tp_quit
	echo "testpmd exit status $?"
}

# A legacy device does not translate its DMA through the vIOMMU: under vfio-pci it must be
# given physical addresses, which is what uio drivers get anyway.
EXTRA=()
if [ "$MODE" = legacy ]; then
	EXTRA+=(--log-level=pmd.net.virtio:info)
	[ "$DRV" = vfio-pci ] && EXTRA+=(--iova-mode=pa)
fi
mq_checks
if ! tp_start -l 0-1 -n 1 --file-prefix virtiog "${EXTRA[@]}" -a "$A" -a "$B" -- -i \
		--total-num-mbufs=8192 --port-topology=chained; then
	exit 1
fi

say "1. probe: driver, MAC from the device configuration, link"
ok=1
for p in 0 1; do
	tp show port info $p
	echo "$TP_LAST" | grep -q "Driver name: *net_virtio" || ok=0
	echo "$TP_LAST" | grep -qi "MAC address: *52:54:00:00:10:0$p" || ok=0
done
if [ "$MODE" = legacy ]; then
	for n in "$A" "$B"; do
		[ "$(cat "/sys/bus/pci/devices/$n/device")" = 0x1000 ] || ok=0
		grep -q "$n: legacy interface on I/O BAR0" "$TP_OUT" || ok=0
	done
	check "legacy NICs (1af4:1000, no modern capabilities) probed on their I/O port BAR,\
 MACs read from the device" [ $ok = 1 ]
else
	check "both NICs probed by net_virtio, MACs read from the device" [ $ok = 1 ]
fi
ok=1
for p in 0 1; do
	tp show port info $p
	echo "$TP_LAST" | grep -q "Link status: *up" || ok=0
done
check "link up on both started ports" [ $ok = 1 ]
# QEMU flips VIRTIO_NET_S_LINK_UP in the device configuration; the driver reads it on demand
setlink() {
	vm-host qmp "{\"execute\": \"set_link\", \"arguments\": {\"name\": \"nic0\", \"up\": $1}}"
}
# virtio_lsc starts port A with intr_conf.lsc and waits for the events of a link flip
lsc_check() {
	local out=$TPD/lsc ok=0 i pid
	if [ -n "$LSC" ]; then
		echo "+ $LSC -l 0 -n 1 --file-prefix virtiol ${EXTRA[*]} -a $A -- $A 30"
		"$LSC" -l 0 -n 1 --file-prefix virtiol "${EXTRA[@]}" -a "$A" -- "$A" 30 \
			>"$out" 2>&1 &
		pid=$!
		for i in $(seq 600); do
			grep -q '^ready' "$out" && break
			kill -0 $pid 2>/dev/null || break
			sleep 0.1
		done
		if grep -q '^ready' "$out"; then
			setlink false >/dev/null
			sleep 1
			setlink true >/dev/null
		fi
		wait $pid && ok=1
		cat "$out"
	else
		echo "VIRTIO_LSC not set"
	fi
	check "link state change interrupt: RTE_ETH_EVENT_INTR_LSC on QMP set_link down, then up" \
		[ $ok = 1 ]
}
ok=0
if setlink false; then
	tp show port info 0
	if echo "$TP_LAST" | grep -q "Link status: *down" && setlink true; then
		tp show port info 0
		echo "$TP_LAST" | grep -q "Link status: *up" && ok=1
	fi
fi
check "link follows QMP set_link, read from the device status" [ $ok = 1 ]

say "2. receive filtering through the control queue, then traffic both ways"
# testpmd sends to 02:00:00:00:00:xx, not to the NICs' own addresses: with promiscuous mode
# off port 1 must drop port 0's burst, and once it is on again both bursts arrive whole.
tp set promisc 1 off
burst
ok=1
exact 1 0 32 || ok=0
tp set promisc 1 on
burst
ok2=1
exact 0 32 32 || ok2=0
exact 1 32 32 || ok2=0
[ $ok2 = 1 ] || ok=0
check "promiscuous mode off filters the peer's burst, on receives it" [ $ok = 1 ]
check "two NICs exchange exact bursts both ways" [ $ok2 = 1 ]

say "2b. a secondary process (dpdk-proc-info) beside testpmd"
ok=0
if [ -n "$PROCINFO" ] && [ "$MODE" = legacy ]; then
	# the legacy transport's port registers are per process: the ports stay testpmd's
	if ! secondary_stats 0 && echo "$SEC_OUT" | grep -q "legacy virtio port has no secondary"
	then
		ok=1
	fi
	exact 0 32 32 || ok=0
	exact 1 32 32 || ok=0
	tp_alive || ok=0
	check "a secondary process leaves the legacy ports out, testpmd's counts unchanged" [ $ok = 1 ]
elif [ -n "$PROCINFO" ]; then
	ok=1
	secondary_agrees 0 || ok=0
	secondary_agrees 1 || ok=0
	tp_alive || ok=0
	check "a secondary process maps both NICs and reads the counts testpmd shows" [ $ok = 1 ]
fi
tp set fwd io
tp clear port stats all
tp start tx_first
sleep 2
stats 0; r0=$RX
tp stop
echo "io forwarding ping-pong: port 0 received $r0 in 2 s"
check "io forwarding ping-pong keeps going" [ "${r0:-0}" -gt 500 ]
# what the ping-pong left in the rings is counted by the next start: take it in now
burst

say "3. hot-add a NIC (QMP device_add), attach, forward, detach, unplug"
maps0=$(dev_maps); fds0=$(nfds)
ok=0
if hotplug && attach "$HP"; then
	tp port start "$P"
	mapsa=$(dev_maps); fdsa=$(nfds)
	echo "while attached: device maps $maps0 -> $mapsa, fds $fds0 -> $fdsa"
	burst
	# three NICs on the hub: every port receives the two other bursts
	ok=1
	exact 0 64 32 || ok=0
	exact "$P" 64 32 || ok=0
	tp port stop "$P"
	tp port close "$P"
	tp port detach "$P"
	echo "$TP_LAST" | grep -q 'detached' || ok=0
	maps1=$(dev_maps); fds1=$(nfds)
	left=$(grep -cE "$HP" "/proc/$TP_PID/maps")
	echo "device maps $maps0 -> $maps1, fds $fds0 -> $fds1, maps naming $HP: $left"
	[ "$mapsa" -gt "$maps0" ] && [ "$maps0" = "$maps1" ] && [ "$fds0" = "$fds1" ] &&
		[ "$left" = 0 ] || ok=0
fi
check "hot-added NIC attached, forwards exact counts, detached with BARs unmapped and fds closed" \
	[ $ok = 1 ]
ok=0
if vm-host unplug 0 >/dev/null && [ ! -e "/sys/bus/pci/devices/$HP" ]; then
	echo "$HP removed by the kernel"
	ok=1
fi
check "detached NIC removed cleanly by QMP device_del" [ $ok = 1 ]
if [ "$MODE" = short ]; then
	tp_quit
	echo "testpmd exit status $?"
	lsc_check
	say "done (short)"
	exit 0
fi
if [ "$MODE" = legacy ]; then
	ok=0
	if hotplug && attach "$HP" && tp port start "$P"; then
		echo "$TP_LAST" | grep -qi 'fail\|error' || ok=1
		burst
		exact 0 64 32 || ok=0
		exact "$P" 64 32 || ok=0
		tp port stop "$P"
		tp port close "$P"
		tp port detach "$P"
		echo "$TP_LAST" | grep -q 'detached' || ok=0
		vm-host unplug 0 >/dev/null || ok=0
	fi
	check "the same slot attaches again after unplug and forwards exact counts" [ $ok = 1 ]
	tp_quit
	echo "testpmd exit status $?"
	lsc_check
	say "5. attach/detach cycles of a hot-added legacy NIC; traffic on late memory"
	EAL="-l 0 -n 1 --file-prefix virtioh ${EXTRA[*]} -a 0000:00:00.0"
	ok=0
	if hotplug; then
		echo "+ $HOTPLUG $EAL -- cycles $HP 50"
		"$HOTPLUG" $EAL -- cycles "$HP" 50 && ok=1
		vm-host unplug 0 >/dev/null
	fi
	check "50 attach/detach cycles: maps, fds and rte_malloc bytes flat" [ $ok = 1 ]
	echo "+ $HOTPLUG $EAL -- traffic $A $B"
	check "two NICs exchange exact bursts from memory allocated after attach" \
		"$HOTPLUG" $EAL -- traffic "$A" "$B"
	say "done (legacy)"
	exit 0
fi
ok=0
if hotplug && attach "$HP" && tp port start "$P"; then
	echo "$TP_LAST" | grep -qi 'fail\|error' || ok=1
fi
check "the same slot attaches again after unplug" [ $ok = 1 ]

say "4. surprise removal of port $P while it forwards (chained io: 0->1->2->0)"
ok=0
if tp_alive; then
	tp set fwd io
	tp start tx_first
	sleep 1
	vm-host unplug 0 nowait
	sleep 8
	# chained: port 0 receives what port 1 sends, and forwards it to port 1
	stats 0; a=$RX; stats 1; c=$TX
	sleep 1
	stats 0; b=$RX; stats 1; d=$TX
	echo "after removal: port 0 rx $a -> $b, port 1 tx $c -> $d"
	tp stop
	if tp_alive && [ "${b:-0}" -gt "${a:-0}" ] && [ "${d:-0}" -gt "${c:-0}" ]; then ok=1; fi
	tp port stop "$P"
	tp port close "$P"
	tp port detach "$P"
	echo "$TP_LAST" | grep -q 'detached' || ok=0
	if vm-host wait-deleted 0 40 >/dev/null && [ ! -e "/sys/bus/pci/devices/$HP" ]; then
		echo "$HP gone after detach"
	else
		echo "$HP still present"; ok=0
	fi
	tp show port summary all
	tp_alive || ok=0
fi
check "surprise removal: testpmd survives, other ports keep forwarding, port detaches" [ $ok = 1 ]
tp_alive || echo "testpmd is gone"
tp_quit
echo "testpmd exit status $?"
lsc_check

say "5. attach/detach cycles of a hot-added NIC; traffic on a pool allocated after attach"
EAL="-l 0 -n 1 --file-prefix virtioh -a 0000:00:00.0"
ok=0
if hotplug; then
	echo "+ $HOTPLUG $EAL -- cycles $HP 10"
	"$HOTPLUG" $EAL -- cycles "$HP" 10 && ok=1
	# a modern-only device has no legacy interface to force
	echo "+ $HOTPLUG $EAL -- refuse $HP,force_legacy=1"
	"$HOTPLUG" $EAL -- refuse "$HP,force_legacy=1" >"$TPD/refuse" 2>&1 &&
		grep -q "force_legacy: device 1af4:1041 has no legacy interface" "$TPD/refuse" &&
		ok2=1 || ok2=0
	cat "$TPD/refuse"
	vm-host unplug 0 >/dev/null
fi
check "10 attach/detach cycles: maps, fds and rte_malloc bytes flat" [ $ok = 1 ]
check "force_legacy=1 refused on a modern-only NIC" [ "${ok2:-0}" = 1 ]
echo "+ $HOTPLUG $EAL -- traffic $A $B"
check "two NICs exchange exact bursts from memory allocated after attach" \
	"$HOTPLUG" $EAL -- traffic "$A" "$B"
say "done"
