#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Guest side of the ports_guest suite (run by run-ports-guest.sh through devtools/vm/dpdk-vm.py):
# net_bonding and net_failsafe over real (emulated) e1000 NICs while QMP removes and adds one
# of them under traffic. Prints "TAP ok - ..." / "TAP not ok - ..." lines that the host side
# numbers; everything else is the transcript.
#   guest-ports.sh DRIVER    (PG_TESTPMD: the tree's testpmd; PG_CYCLES: remove/add cycles)
#
# Every NIC of the guest sits on one QEMU hub: what one sends, all the others receive. The
# load is testpmd's flowgen (each forwarding port sends without pause and drops what it
# receives), so a port that loses its NIC does not starve the others of packets.
set -u
DRV=$1
TESTPMD=$PG_TESTPMD
CYCLES=${PG_CYCLES:-20}
A=$VM_NIC0
B=$VM_NIC1
T0=$(date +%s)
HP= HP_BAR0=0 HP_NODE=

TAG=$DRV TP_TMP=portsg
. "$(dirname "$0")/../common/guest-testpmd.sh"
# PORT: the port id of the device NAME, from testpmd's port summary
port_of() {
	tp_q show port summary all
	PORT=$(echo "$TP_LAST" | awk -v n="$1" '$1 ~ /^[0-9]+$/ && $3 == n { print $1; exit }')
	[ -n "$PORT" ] || { echo "no port for $1"; return 1; }
}
# rising PORT rx|tx SECONDS: the counter grows within SECONDS (sets GAIN)
rising() {
	local f=${2^^} a b
	stats "$1"; a=${!f}
	sleep "$3"
	stats "$1"; b=${!f}
	GAIN=$((b - a))
	echo "port $1 $f: $a -> $b in $3 s"
	[ "$b" -gt "$a" ]
}
# watch_rx PORT SECONDS: samples the RX counter of PORT every 0.25 s for SECONDS; sets
# DELIVERED (packets received meanwhile), SPAN (ms) and GAP (longest time without progress,
# ms). The samples cost the guest's CPUs as much as testpmd's forwarding does: a rate is only
# compared with a rate sampled the same way.
watch_rx() {
	local p=$1 end t0 last lastt now first
	stats "$p"; first=$RX; last=$RX; t0=$(date +%s%N); lastt=$t0; GAP=0
	now=$t0 end=$((t0 + $2 * 1000000000))
	while [ "$now" -lt "$end" ]; do
		sleep 0.25
		stats "$p"; now=$(date +%s%N)
		if [ "$RX" -gt "$last" ]; then
			last=$RX; lastt=$now
		elif [ $(( (now - lastt) / 1000000 )) -gt "$GAP" ]; then
			GAP=$(( (now - lastt) / 1000000 ))
		fi
	done
	DELIVERED=$((last - first))
	SPAN=$(( (now - t0) / 1000000 ))
	[ "$SPAN" -gt 0 ] || SPAN=1
}

# testpmd shows no port that the fail-safe or a bond owns: the NIC of the hot-plug slot is
# seen from outside. testpmd holds it while it maps its BAR through the sysfs resource file
# (uio_pci_generic) or keeps its uio node (igb_uio) or its VFIO group (vfio-pci) open; the
# node is noted by hotplug(), while the device is still in sysfs
sub_mapped() {
	grep -q "/$HP/resource" "/proc/$TP_PID/maps" && return 0
	[ -n "$HP_NODE" ] && ls -l "/proc/$TP_PID/fd" 2>/dev/null | grep -q " $HP_NODE\$"
}
fs_wait_sub() { # present|absent SECONDS: the PCI sub-device is probed, or gone
	local end=$(( $(date +%s) + $2 ))
	while [ "$(date +%s)" -lt "$end" ]; do
		if sub_mapped; then
			[ "$1" = present ] && return 0
		else
			[ "$1" = absent ] && return 0
		fi
		sleep 0.1
	done
	return 1
}
# nic_reg OFFSET: a 32-bit register of the hot-plug slot's e1000 NIC, read by QEMU at the
# guest-physical address of its BAR 0 (noted by hotplug()). The guest itself cannot map the
# BAR while vfio-pci owns the device, and QEMU's read has no side effect on these registers.
nic_reg() {
	local out cmd
	cmd=$(printf '"command-line": "xp /1wx 0x%x"' $((HP_BAR0 + $1)))
	out=$(vm-host qmp "{\"execute\": \"human-monitor-command\", \"arguments\": {$cmd}}") ||
		return 1
	out=${out##*: 0x}
	[[ ${out:0:8} =~ ^[0-9a-f]{8}$ ]] || { echo "unexpected answer to xp: $out"; return 1; }
	echo $((16#${out:0:8}))
}
# the NIC's state as the fail-safe's replay left it: receiving (RCTL.EN), promiscuous
# (RCTL.UPE and MPE) and answering to the fail-safe's MAC address (RAL0/RAH0)
sub_configured() { # MAC (aa:bb:cc:dd:ee:ff)
	local rctl ral rah m
	rctl=$(nic_reg 0x100) && ral=$(nic_reg 0x5400) && rah=$(nic_reg 0x5404) ||
		return 1
	m=$(printf '%02x:%02x:%02x:%02x:%02x:%02x' $((ral & 255)) $(((ral >> 8) & 255)) \
		$(((ral >> 16) & 255)) $(((ral >> 24) & 255)) $((rah & 255)) $(((rah >> 8) & 255)))
	printf 'NIC %s: RCTL 0x%08x (EN %d UPE %d MPE %d), RAR0 %s (valid %d), fail-safe MAC %s\n' \
		"$HP" "$rctl" $(((rctl >> 1) & 1)) $(((rctl >> 3) & 1)) $(((rctl >> 4) & 1)) "$m" \
		$(((rah >> 31) & 1)) "$1"
	[ $(((rctl >> 1) & 1)) = 1 ] && [ $(((rctl >> 3) & 1)) = 1 ] && [ $(((rah >> 31) & 1)) = 1 ] &&
		[ "$m" = "${1,,}" ]
}
# the NIC of the hot-plug slot transmits: its transmit head (TDH) moves within 1.5 s
nic_tx_moving() {
	local h0 h i
	h0=$(nic_reg 0x3810) || return 1
	for i in 1 2 3; do
		sleep 0.5
		h=$(nic_reg 0x3810) || return 1
		[ "$h" != "$h0" ] && { echo "NIC $HP transmits: TDH $h0 -> $h"; return 0; }
	done
	echo "NIC $HP does not transmit: TDH stays $h0"
	return 1
}

# -> HP (the new device's address), bound to $DRV; HP_BAR0 (its BAR 0's address) and HP_NODE
# (the uio or VFIO node a process holding it keeps open)
hotplug() {
	HP=$(vm-host hotplug 0) || { echo "hotplug failed"; return 1; }
	local i d u
	for i in $(seq 100); do [ -e "/sys/bus/pci/devices/$HP/driver" ] && break; sleep 0.05; done
	d=$(basename "$(readlink "/sys/bus/pci/devices/$HP/driver")")
	echo "hot-added $HP, bound to $d"
	[ "$d" = "$DRV" ] || vm-bind "$HP" "$DRV" || return 1
	read -r HP_BAR0 _ < "/sys/bus/pci/devices/$HP/resource"
	HP_BAR0=$((HP_BAR0))
	HP_NODE=
	case $DRV in
	vfio-pci) HP_NODE=/dev/vfio/$(basename "$(readlink "/sys/bus/pci/devices/$HP/iommu_group")") ;;
	igb_uio) u=$(ls "/sys/bus/pci/devices/$HP/uio" 2>/dev/null) && HP_NODE=/dev/$u ;;
	esac
}

for n in "$A" "$B"; do
	d=$(basename "$(readlink "/sys/bus/pci/devices/$n/driver")")
	[ "$d" = "$DRV" ] || { echo "+ vm-bind $n $DRV (was $d)"; vm-bind "$n" "$DRV"; }
done
say "driver $DRV, boot NICs $A $B"
hotplug || echo "no hot-plug NIC"
modprobe tun && modprobe bridge || echo "no tun or bridge module: the fail-safe scenarios need both"

# --- 1. bonding: members A (boot) and HP (hot-plug slot), the peer is B --------------------
# bond_case MODE NAME: one testpmd with the bond; HP is the member QMP removes
bond_case() {
	local mode=$1 name=$2 ok=1 bond pb pa php rate
	local s_run="bond mode $mode ($name): A + hot-plug NIC forward under flowgen load"
	local s_rmv="bond mode $mode ($name): QMP removes a member under load, testpmd lives, the bond keeps forwarding on the other"
	local s_add="bond mode $mode ($name): the NIC added again rejoins the bond and carries traffic"
	say "1.$mode bond mode $mode ($name) of $A and $HP, peer $B"
	if ! tp_start -l 0-1 -n 1 --file-prefix pgb$mode -a "$A" -a "$B" -a "$HP" \
			--vdev "net_bonding$mode,mode=$mode,slave=$A,slave=$HP,primary=$HP,xmit_policy=l34,lsc_poll_period_ms=100" \
			-- -i --hot-plug --rxd=256 --txd=256 --total-num-mbufs=16384; then
		tap fail "$s_run (testpmd did not start)"; tap fail "$s_rmv"; tap fail "$s_add"
		return
	fi
	port_of "net_bonding$mode" && bond=$PORT || ok=0
	port_of "$B" && pb=$PORT || ok=0
	port_of "$A" && pa=$PORT || ok=0
	port_of "$HP" && php=$PORT || ok=0
	echo "ports: bond $bond, peer $pb, members $pa ($A) and $php ($HP)"
	tp set portlist "$bond,$pb"
	tp set fwd flowgen
	tp show bonding config "$bond"
	tp start
	sleep 1
	# the bond sends through HP (mode 1: primary; mode 2: the flows hashed to it)
	rising "$php" tx 1 || ok=0
	[ "$mode" = 2 ] && { rising "$pa" tx 1 || ok=0; }
	watch_rx "$pb" 4
	rate=$((DELIVERED * 1000 / SPAN))
	echo "peer $pb receives $rate packets/s from the bond (sampled every 0.25 s)"
	[ "$rate" -gt 0 ] || ok=0
	check "$s_run" [ $ok = 1 ]

	ok=1
	maps0=$(dev_maps)
	# the 12 s window holds the removal (under pciehp it comes 5 s after device_del)
	vm-host unplug 0 nowait || ok=0
	watch_rx "$pb" 12
	got=$DELIVERED span=$SPAN gap=$GAP
	vm-host wait-deleted 0 40 >/dev/null || { echo "$HP still present"; ok=0; }
	watch_rx "$pb" 4
	rate2=$((DELIVERED * 1000 / SPAN))
	# the rate under TCG moves with the guest's load: the loss is estimated against the mean
	# of the rates before and after the removal (sampled the same way)
	expected=$(( (rate + rate2) / 2 * span / 1000 ))
	lost=$((expected - got))
	echo "LOSS bond mode $mode: the peer received $got packets in the $span ms after" \
		"device_del; at the mean rate before ($rate/s) and after ($rate2/s) it would have" \
		"received $expected: about $lost lost (negative: within the rate's noise);" \
		"longest stall ${gap} ms (sampled every 0.25 s)"
	tp show bonding config "$bond"
	tp show port summary all
	tp_alive || ok=0
	rising "$pb" rx 1 || ok=0
	rising "$pa" tx 1 || ok=0
	echo "device maps $maps0 -> $(dev_maps)"
	check "$s_rmv" [ $ok = 1 ]

	ok=0
	if tp_alive && hotplug; then
		tp stop
		tp port attach "$HP"
		p=$(echo "$TP_LAST" | sed -n 's/^Port \([0-9]*\) is attached.*/\1/p')
		if [ -n "$p" ]; then
			tp add bonding slave "$p" "$bond"
			[ "$mode" = 1 ] && tp set bonding primary "$p" "$bond"
			tp show bonding config "$bond"
			tp set portlist "$bond,$pb"
			tp start
			sleep 1
			# testpmd no longer shows a port the bond took: the NIC itself is watched
			nic_tx_moving && rising "$pb" rx 1 && ok=1
		fi
	fi
	tp stop
	check "$s_add" [ $ok = 1 ]
	tp_quit
	echo "testpmd exit status $?"
}
# bond_exact MODE NAME: bond_loss sends numbered packets at a fixed rate through a bond of A
# and HP to B while QMP removes HP; every number B misses is a packet lost
LOSS_RATE=20000
bond_exact() {
	local mode=$1 name=$2 out pid i ok=1 r acc lost dup seen first last before
	out=/tmp/pgloss$mode.out
	local s="bond mode $mode ($name): numbered packets at $LOSS_RATE/s while QMP removes a member: none lost after the removal is seen, the loss counted exactly"
	say "1.$mode exact loss of bond mode $mode ($name) of $A and $HP, peer $B"
	if [ -z "$HP" ] || [ ! -e "/sys/bus/pci/devices/$HP" ]; then
		hotplug || { tap fail "$s (no hot-plug NIC)"; return; }
	fi
	echo "+ bond_loss ... net_bonding$mode $B $LOSS_RATE 8 3"
	"$PG_BOND_LOSS" -l 1 -n 1 --file-prefix "pgloss$mode" -a "$A" -a "$B" -a "$HP" \
		--vdev "net_bonding$mode,mode=$mode,slave=$A,slave=$HP,primary=$HP,xmit_policy=l34,lsc_poll_period_ms=100" \
		-- "net_bonding$mode" "$B" "$LOSS_RATE" 8 3 > "$out" 2>&1 &
	pid=$!
	for i in $(seq 300); do grep -q '^READY' "$out" && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done
	if grep -q '^READY' "$out"; then
		vm-host unplug 0 nowait || ok=0
	else
		echo "bond_loss did not get ready"; ok=0
	fi
	for i in $(seq 300); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
	kill -0 $pid 2>/dev/null && { echo "bond_loss did not end, killing it"; kill -9 $pid; ok=0; }
	wait $pid || { echo "bond_loss exit status $?"; ok=0; }
	vm-host wait-deleted 0 40 >/dev/null || { echo "$HP still present"; ok=0; }
	cat "$out"
	r=$(grep '^RESULT' "$out")
	field() { echo "$r" | sed -n "s/.* $1 \([0-9]*\).*/\1/p"; }
	acc=$(field accepted) lost=$(field lost) dup=$(field duplicates) seen=$(field removal_ms)
	before=$(field lost_before_ready)
	first=$(field first_lost_ms) last=$(field last_lost_ms)
	if [ -n "$r" ] && [ -n "$lost" ]; then
		echo "LOSS bond mode $mode (exact): $lost of $acc packets the bond accepted never" \
			"reached the peer (${first:-none}..${last:-none} ms, the removal seen at $seen ms," \
			"$((lost * 1000 / LOSS_RATE)) ms of traffic at $LOSS_RATE/s); $dup duplicates;" \
			"$before lost in the 3 s before the removal"
		[ "$dup" = 0 ] && [ "$before" = 0 ] && [ "$seen" -gt 0 ] || ok=0
		# the bond stops using the member once the removal is seen: nothing is lost later
		# than 1 s after it, and the loss is less than a second's worth
		[ "$lost" = 0 ] || { [ "$last" -le $((seen + 1000)) ] && [ "$lost" -lt $LOSS_RATE ]; } ||
			ok=0
	else
		echo "no RESULT from bond_loss"; ok=0
	fi
	rm -f "$out"
	check "$s" [ $ok = 1 ]
	hotplug >/dev/null || echo "the NIC did not come back"
}
case ${PG_ONLY:-all} in
all|bond)
	bond_case 1 active-backup; bond_exact 1 active-backup
	bond_case 2 balance; bond_exact 2 balance ;;
bond1) bond_case 1 active-backup; bond_exact 1 active-backup ;;
esac

# --- 2. fail-safe: dev(HP) preferred, dev(net_tap) as the fallback -------------------------
# Ports, chained under flowgen: fail-safe -> B -> tap peer -> fail-safe. The fail-safe's PCI
# sub-device shares the hub with B; its tap sub-device shares a kernel bridge with the tap peer,
# so whichever sub-device carries it, the fail-safe's traffic reaches a port of testpmd.
case ${PG_ONLY:-all} in all|fs) ;; *) say "done (PG_ONLY=$PG_ONLY)"; exit 0 ;; esac
S_FS_RUN="fail-safe: traffic leaves through the PCI sub-device"
S_FS_RMV="fail-safe: QMP removes the NIC under load, testpmd lives, the port forwards through the tap sub-device"
S_FS_ADD="fail-safe: the NIC added again is re-probed with the port's configuration and carries traffic"
S_FS_CYC="fail-safe: $CYCLES QMP remove/add cycles, each re-probed; maps and fds of testpmd flat"
S_FS_LATE="fail-safe: created while the NIC is unplugged, it probes the NIC once QMP adds it"
fsmac=02:00:00:00:FA:FE
FS_ARGS="net_failsafe0,dev(${HP:-none}),dev(net_tap0,iface=pgfs0),hotplug_poll=200,mac=02:00:00:00:fa:fe"
# the fail-safe's tap sub-device and the tap peer on one kernel bridge
bridge_taps() {
	{ [ -e /sys/class/net/pgbr0 ] || ip link add pgbr0 type bridge; } &&
		ip link set pgfs0 master pgbr0 && ip link set pgpeer0 master pgbr0 &&
		ip link set pgbr0 up && ip link set pgfs0 up && ip link set pgpeer0 up
}
say "2. fail-safe of $HP and a tap, peers $B and a tap on a bridge"
ok=0
if [ -n "${HP:-}" ] && [ -e "/sys/bus/pci/devices/$HP" ] &&
		tp_start -l 0-1 -n 1 --file-prefix pgfs -a "$B" \
		--vdev "$FS_ARGS" \
		--vdev "net_tap1,iface=pgpeer0" \
		-- -i --hot-plug --rxd=256 --txd=256 --total-num-mbufs=16384 --port-topology=chained; then
	ok=1
fi
if [ $ok = 1 ]; then
	port_of net_failsafe0 && pfs=$PORT || ok=0
	port_of "$B" && pb=$PORT || ok=0
	port_of net_tap1 && ppeer=$PORT || ok=0
	sub_mapped || { echo "the fail-safe did not probe $HP"; ok=0; }
	echo "ports: fail-safe $pfs, B $pb, tap peer $ppeer"
	bridge_taps || ok=0
	tp set portlist "$pfs,$pb,$ppeer"
	tp set fwd flowgen
	tp show port info "$pfs"
	fsmac=$(echo "$TP_LAST" | sed -n 's/^MAC address: *//p' | head -1)
	tp start
	sleep 1
	# B hears the fail-safe only through the NIC (the tap side is on the bridge)
	rising "$pb" rx 1 || ok=0
	rising "$pfs" rx 1 || ok=0
	sub_configured "$fsmac" || ok=0
fi
check "$S_FS_RUN" [ $ok = 1 ]

ok=0
if tp_alive && sub_mapped; then
	ok=1
	stats "$pfs"; tx0=$TX
	vm-host unplug 0 nowait || ok=0
	watch_rx "$ppeer" 10
	echo "the tap peer received $DELIVERED packets from the fail-safe in the $SPAN ms after" \
		"device_del (longest stall $GAP ms)"
	vm-host wait-deleted 0 40 >/dev/null || { echo "$HP still present"; ok=0; }
	fs_wait_sub absent 10 || { echo "the fail-safe still has its PCI sub-device"; ok=0; }
	tp_alive || ok=0
	rising "$pfs" tx 1 || ok=0
	rising "$pfs" rx 1 || ok=0
	rising "$ppeer" rx 1 || ok=0
	stats "$pfs"
	echo "fail-safe sent $((TX - tx0)) packets since the removal"
fi
check "$S_FS_RMV" [ $ok = 1 ]

ok=0
if tp_alive && hotplug; then
	t=$(date +%s%N)
	if fs_wait_sub present 20; then
		echo "re-probed $(( ($(date +%s%N) - t) / 1000000 )) ms after the NIC was bound"
		ok=1
		sleep 1
		rising "$pb" rx 1 || ok=0
		sub_configured "$fsmac" || ok=0
	fi
fi
check "$S_FS_ADD" [ $ok = 1 ]

ok=0
if tp_alive && sub_mapped; then
	maps0=$(dev_maps); fds0=$(nfds)
	ok=1
	tc=$(date +%s)
	for c in $(seq "$CYCLES"); do
		if ! vm-host unplug 0 >/dev/null || ! fs_wait_sub absent 10 || ! hotplug >/dev/null ||
				! fs_wait_sub present 20; then
			echo "cycle $c failed"; ok=0; break
		fi
		tp_alive || { ok=0; break; }
	done
	echo "$c cycles in $(( $(date +%s) - tc )) s"
	sleep 1
	maps1=$(dev_maps); fds1=$(nfds)
	echo "device maps $maps0 -> $maps1, fds $fds0 -> $fds1"
	[ "$maps0" = "$maps1" ] && [ "$fds0" = "$fds1" ] || ok=0
	rising "$pb" rx 1 || ok=0
	sub_configured "$fsmac" || ok=0
	tp stop
fi
check "$S_FS_CYC" [ $ok = 1 ]
tp_alive && { tp_quit; echo "testpmd exit status $?"; }

say "3. a fail-safe created while its NIC is not plugged in probes it once QMP adds it"
ok=0
if [ -n "${HP:-}" ] && vm-host unplug 0 >/dev/null && [ ! -e "/sys/bus/pci/devices/$HP" ] &&
		tp_start -l 0-1 -n 1 --file-prefix pgfs -a "$B" --vdev "$FS_ARGS" \
		--vdev "net_tap1,iface=pgpeer0" -- -i --hot-plug --rxd=256 --txd=256 \
		--total-num-mbufs=16384 --port-topology=chained; then
	ok=1
	port_of net_failsafe0 && pfs=$PORT || ok=0
	port_of "$B" && pb=$PORT || ok=0
	port_of net_tap1 && ppeer=$PORT || ok=0
	bridge_taps || ok=0
	tp set portlist "$pfs,$pb,$ppeer"
	tp set fwd flowgen
	tp start
	sleep 1
	# the tap sub-device alone carries the port
	rising "$pfs" tx 1 || ok=0
	rising "$ppeer" rx 1 || ok=0
	if hotplug && fs_wait_sub present 20; then
		sleep 1
		rising "$pb" rx 1 || ok=0
		sub_configured "$fsmac" || ok=0
	else
		echo "the fail-safe did not probe $HP"; ok=0
	fi
	tp stop
	tp_quit; echo "testpmd exit status $?"
fi
check "$S_FS_LATE" [ $ok = 1 ]
ip link del pgbr0 2>/dev/null
say "done"
