#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Guest side of the e1000 suite (run by run-e1000-guest.sh through devtools/vm/dpdk-vm.py):
# every scenario on one kernel driver, in one boot. Prints "TAP ok - ..." / "TAP not ok - ..."
# lines that the host side numbers; everything else is the transcript of what ran.
#   guest-e1000.sh DRIVER    (E1000_TESTPMD, E1000_HOTPLUG, E1000_VFIO: the tree's binaries)
set -u
DRV=$1
TESTPMD=$E1000_TESTPMD
HOTPLUG=$E1000_HOTPLUG
VFIO=${E1000_VFIO:-}
PROCINFO=${E1000_PROCINFO:-}
HPMP=${E1000_HOTPLUG_MP:-}
A=$VM_NIC0
B=$VM_NIC1
T0=$(date +%s)

TAG=$DRV TP_TMP=e1000tp SEC_PREFIX=e1000g
. "$(dirname "$0")/../common/guest-testpmd.sh"

hotplug() { # -> HP (the new device's address), bound to $DRV
	HP=$(vm-host hotplug 0) || { echo "hotplug failed"; return 1; }
	local i
	for i in $(seq 100); do [ -e "/sys/bus/pci/devices/$HP/driver" ] && break; sleep 0.05; done
	local d; d=$(basename "$(readlink "/sys/bus/pci/devices/$HP/driver")")
	echo "hot-added $HP, bound to $d"
	[ "$d" = "$DRV" ] || vm-bind "$HP" "$DRV"
}
# hotplug_mp: two interactive processes fed through fifos. mp_send p|s COMMAND types the
# command and waits for the next prompt; MP_OUT is what the process printed meanwhile.
mp_send() {
	local f=$MPD/$1.out size i
	size=$(stat -c %s "$f")
	echo "$2" >"$MPD/$1.in"
	for i in $(seq 200); do
		sleep 0.1
		[ "$(stat -c %s "$f")" -gt "$size" ] && [ "$(tail -c 9 "$f")" = "example> " ] &&
			break
	done
	MP_OUT=$(tail -c +"$((size + 1))" "$f")
	echo "[$1] $2"; echo "$MP_OUT" | sed "/^example> *$/d; s/^/[$1]   /"
}
mp_lists() { # yes|no: both processes list the hot-plug NIC, or neither does
	local who
	for who in p s; do
		mp_send "$who" list
		if echo "$MP_OUT" | grep -qP "^[0-9]+\t$HP\r?$"; then
			[ "$1" = yes ] || { echo "[$who] still lists $HP"; return 1; }
		else
			[ "$1" = no ] || { echo "[$who] does not list $HP"; return 1; }
		fi
	done
}
hotplug_mp_case() {
	local ok=1 p s
	MPD=$(mktemp -d /tmp/hpmp.XXXXXX)
	mkfifo "$MPD/p.in" "$MPD/s.in"
	# the NIC is on the kernel's driver while both start, so that neither probes it
	echo "$HP is bound to $(basename "$(readlink "/sys/bus/pci/devices/$HP/driver")")"
	sleep 1000 >"$MPD/p.in" & local hold_p=$!
	sleep 1000 >"$MPD/s.in" & local hold_s=$!
	stdbuf -oL "$HPMP" -l 0 --proc-type=auto --file-prefix hpmp --log-level=lib.eal:notice \
		<"$MPD/p.in" >"$MPD/p.out" 2>&1 & p=$!
	for i in $(seq 100); do grep -q 'example> ' "$MPD/p.out" && break; sleep 0.1; done
	stdbuf -oL "$HPMP" -l 1 --proc-type=auto --file-prefix hpmp --log-level=lib.eal:notice \
		<"$MPD/s.in" >"$MPD/s.out" 2>&1 & s=$!
	for i in $(seq 100); do grep -q 'example> ' "$MPD/s.out" && break; sleep 0.1; done
	sed 's/^/[p] /' "$MPD/p.out"; sed 's/^/[s] /' "$MPD/s.out"
	vm-bind "$HP" vfio-pci || ok=0
	mp_send p "attach $HP"; echo "$MP_OUT" | grep -q "^attached device $HP" || ok=0
	mp_lists yes || ok=0
	mp_send s "detach $HP"; echo "$MP_OUT" | grep -q "^detached device $HP" || ok=0
	mp_lists no || ok=0
	mp_send s "attach $HP"; echo "$MP_OUT" | grep -q "^attached device $HP" || ok=0
	mp_lists yes || ok=0
	mp_send p "attach $HP"; echo "$MP_OUT" | grep -q "^failed to attach" || ok=0
	mp_send s "attach $HP"; echo "$MP_OUT" | grep -q "^failed to attach" || ok=0
	mp_lists yes || ok=0
	mp_send p "detach $HP"; echo "$MP_OUT" | grep -q "^detached device $HP" || ok=0
	mp_lists no || ok=0
	mp_send s quit; mp_send p quit
	wait $s || { echo "the secondary exited with $?"; ok=0; }
	wait $p || { echo "the primary exited with $?"; ok=0; }
	kill $hold_p $hold_s 2>/dev/null
	rm -rf "$MPD"
	[ $ok = 1 ]
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
say "driver $DRV, NICs $A $B ($(basename "$(readlink /sys/bus/pci/devices/$A/driver)"))"
# forwarding is chained (0->1->2->0) so that a hot-added third port forwards too
if ! tp_start -l 0-1 -n 1 --file-prefix e1000g -a "$A" -a "$B" -- -i --rxd=256 --txd=256 \
		--total-num-mbufs=8192 --port-topology=chained; then
	for s in "two NICs forward with exact counts" "hot-added NIC attach/forward/detach" \
			"surprise removal" ; do tap fail "$s (testpmd did not start)"; done
	exit 1
fi

say "1. two boot NICs, rxonly, one tx_first burst each: each port receives the other's burst"
tp set fwd rxonly
tp start tx_first
sleep 1
tp stop
ok=1
exact 0 32 32 || ok=0
exact 1 32 32 || ok=0
tp set fwd io
tp clear port stats all
tp start tx_first
sleep 2
stats 0; r0=$RX
tp stop
echo "io forwarding ping-pong: port 0 received $r0 in 2 s"
[ "${r0:-0}" -gt 1000 ] || ok=0
check "two boot NICs forward with exact counts, io ping-pong keeps going" [ $ok = 1 ]

say "1b. a secondary process (dpdk-proc-info) maps the NICs and reads their counts"
ok=0
if [ -n "$PROCINFO" ]; then
	ok=1
	secondary_agrees 0 || ok=0
	secondary_agrees 1 || ok=0
	tp_alive || ok=0
fi
check "a secondary process maps both NICs and reads the counts testpmd shows" [ $ok = 1 ]

say "2. hot-add a NIC (QMP device_add), attach, forward, detach, unplug, attach again"
maps0=$(dev_maps); fds0=$(nfds)
ok=0
if hotplug && attach "$HP"; then
	tp port start "$P"
	mapsa=$(dev_maps); fdsa=$(nfds)
	echo "while attached: device maps $maps0 -> $mapsa, fds $fds0 -> $fdsa"
	tp clear port stats all
	tp set fwd rxonly
	tp start tx_first
	sleep 1
	tp stop
	# three NICs on the hub: every port receives the two other bursts
	ok=1
	exact 0 64 32 || ok=0
	exact "$P" 64 32 || ok=0
	# a secondary started now probes the hot-attached NIC too, and leaves it attached
	if [ -n "$PROCINFO" ]; then
		secondary_agrees "$P" || ok=0
		tp_alive || ok=0
		exact "$P" 64 32 || ok=0
	fi
	tp port stop "$P"
	tp port close "$P"
	tp port detach "$P"
	echo "$TP_LAST" | grep -q 'is detached\|Device is detached\|detached' || ok=0
	maps1=$(dev_maps); fds1=$(nfds)
	left=$(grep -cE "$HP" "/proc/$TP_PID/maps")
	echo "device maps $maps0 -> $maps1, fds $fds0 -> $fds1, maps naming $HP: $left"
	[ "$mapsa" -gt "$maps0" ] && [ "$maps0" = "$maps1" ] && [ "$fds0" = "$fds1" ] &&
		[ "$left" = 0 ] || ok=0
fi
check "hot-added NIC attached, forwards, seen by a secondary, detached with BARs and fds released" \
	[ $ok = 1 ]
ok=0
if vm-host unplug 0 >/dev/null && [ ! -e "/sys/bus/pci/devices/$HP" ]; then
	echo "$HP removed by the kernel"
	ok=1
fi
check "detached NIC removed cleanly by QMP device_del" [ $ok = 1 ]
ok=0
if hotplug && attach "$HP" && tp port start "$P"; then
	echo "$TP_LAST" | grep -qi 'fail\|error' || ok=1
fi
check "the same slot attaches again after unplug" [ $ok = 1 ]

say "3. surprise removal of port $P while it forwards (chained io: 0->1->2->0)"
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
tp_quit
echo "testpmd exit status $?"

say "4. 50 attach/detach cycles of a hot-added NIC; traffic on a pool allocated after attach"
EAL="-l 0 -n 1 --file-prefix e1000h -a 0000:00:00.0"
ok=0
if hotplug; then
	echo "+ $HOTPLUG $EAL -- cycles $HP 50"
	"$HOTPLUG" $EAL -- cycles "$HP" 50 && ok=1
fi
check "50 attach/detach cycles: maps, fds and rte_malloc bytes flat" [ $ok = 1 ]
echo "+ $HOTPLUG $EAL -- traffic $A $B"
check "two NICs exchange exact bursts from memory allocated after attach" \
	"$HOTPLUG" $EAL -- traffic "$A" "$B"

say "5. a NIC bound to the kernel's e1000 driver is refused"
ok=0
echo "+ modprobe e1000; vm-bind $HP e1000"
if [ -n "${HP:-}" ] && [ -e "/sys/bus/pci/devices/$HP" ] && modprobe e1000 &&
		vm-bind "$HP" e1000; then
	echo "+ $HOTPLUG $EAL -- refuse $HP"
	out=$("$HOTPLUG" $EAL -- refuse "$HP" 2>&1); rc=$?
	echo "$out"
	[ $rc = 0 ] && echo "$out" | grep -q "$HP.*e1000\|e1000.*$HP" && ok=1
fi
check "attach of a NIC bound to the kernel e1000 driver refused, naming the driver" [ $ok = 1 ]

if [ "$DRV" = vfio-pci ]; then
	say "6. rte_vfio.h on $A: a container of its own, then the default one"
	echo "+ $VFIO $EAL -- containers $A"
	check "rte_vfio.h: own container, group bind, device setup, DMA map/unmap, errors, no fd left" \
		"$VFIO" $EAL -- containers "$A"
	echo "+ $VFIO $EAL -- default $A"
	check "rte_vfio.h: default container maps DMA only while the NIC is attached, three times" \
		"$VFIO" $EAL -- default "$A"

	say "7. DPDK 22.11's hotplug_mp sample: a primary and a secondary attach and detach $HP"
	s_hpmp="hotplug_mp (DPDK 22.11's sample): attach, detach, list from either process; 2nd attach fails"
	if [ -n "${E1000_HOTPLUG_MP_SKIP:-}" ]; then
		tap ok "$s_hpmp # SKIP $E1000_HOTPLUG_MP_SKIP"
	elif [ -z "$HPMP" ]; then
		tap fail "$s_hpmp (the sample did not build, see the host's output)"
	else
		hotplug_mp_case && tap ok "$s_hpmp" || tap fail "$s_hpmp"
	fi
fi
say "done"
