#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# PCI NICs in a guest of devtools/vm/dpdk-vm.py (e1000 by default, or virtio-net), per kernel
# driver: PCI attach and detach latency (p50/p99 over N cycles of rte_dev_probe/rte_dev_remove
# of a boot NIC, app/test/e1000/e1000_hotplug, which is driver-neutral) and io-forwarding
# packets per second between two NICs (testpmd "start tx_first", D seconds, port stats), the
# tree's side by side with Debian's DPDK 22.11 in the same guest: /usr/bin/dpdk-testpmd, and
# e1000_hotplug.c built against the installed libdpdk.
# Root, devtools/vm/install-deps.sh, and a build whose binaries run on QEMU's CPU: configured
# with -Dcpu_instruction_set=generic, unless the guest runs on hardware KVM.
#   devtools/bench-guest-nics.sh [BUILD_DIR] [DRIVERS...]   (default: build-ci, all three)
# Environment: BENCH_MODEL (e1000, e1000e, virtio-net or virtio-net-transitional, which both
# drivers run through its modern interface, or virtio-net-legacy: transitional NICs with the
# modern interface switched off, driven through the I/O port BAR; default e1000), BENCH_CYCLES
# (20), BENCH_SECONDS (10), BENCH_REPEAT (forwarding rounds, 1), BENCH_BUILD2 (a second generic
# build of the tree, e.g. -Doptimization=2, measured as a third column "tree2" in the same guest).
set -u
if [ "${VM_IN_GUEST:-0}" = 1 ]; then
	# ---- guest side: BENCH_BUILD, BENCH_DRV ----
	# a testpmd that dies early must not take this script with it through its fifo
	trap '' PIPE
	A=$VM_NIC0; B=$VM_NIC1; D=${BENCH_SECONDS:-10}
	EAL="-l 0 -n 1 --file-prefix bench -a 0000:00:00.0"
	# with no device at start-up DPDK 22.11 picks IOVA as VA, which uio devices cannot use
	# nor transitional virtio devices under vfio-pci: they do not translate DMA through the
	# vIOMMU (no VIRTIO_F_ACCESS_PLATFORM), so IOVAs must be physical addresses there too
	iova=""
	case $BENCH_DRV/${BENCH_MODEL:-e1000} in
	*uio*|vfio-pci/virtio-net-transitional|vfio-pci/virtio-net-legacy) iova=--iova-mode=pa;;
	esac
	EAL="$EAL $iova"
	# which virtio interface each side probes (the tree, 22.11) shows in the virtio log lines
	logs=""
	case ${BENCH_MODEL:-e1000} in
	virtio*) logs="--log-level=pmd.net.virtio:info --log-level=pmd.net.virtio.init:info";;
	esac
	sides="tree ${BENCH_BUILD2:+tree2} debian"
	# Debian's EAL loads every PMD of its plugin directory at start-up, seconds over 9p under
	# emulation: in this guest only, cover the directory with one holding what the NIC needs
	pmds=$(ls -d /usr/lib/x86_64-linux-gnu/dpdk/pmds-* 2>/dev/null | tail -1)
	if [ -n "$pmds" ]; then
		few=$(mktemp -d)
		case ${BENCH_MODEL:-e1000} in virtio*) pmd=net_virtio;; *) pmd=net_e1000;; esac
		for p in bus_pci bus_vdev mempool_ring $pmd; do cp -a "$pmds"/librte_$p.so* "$few"/; done
		# and what dpdk-testpmd links from that directory itself (crypto_scheduler, bonding...)
		ldd /usr/bin/dpdk-testpmd 2>/dev/null | awk -v d="$pmds/" 'index($3, d) == 1 {print $3}' |
			while read -r lib; do cp -a "${lib%.so*}".so* "$few"/; done
		mount --bind "$few" "$pmds"
	fi
	for which in $sides; do
		case $which in
		tree) hp=$BENCH_BUILD/app/test/e1000/e1000_hotplug;;
		tree2) hp=$BENCH_BUILD2/app/test/e1000/e1000_hotplug;;
		*) hp=${BENCH_DPDK_HOTPLUG:-};;
		esac
		[ -x "$hp" ] || { echo "RESULT $BENCH_DRV $which: no e1000_hotplug build"; continue; }
		echo "+ $hp $EAL $logs -- cycles $A ${BENCH_CYCLES:-20}"
		"$hp" $EAL $logs -- cycles "$A" "${BENCH_CYCLES:-20}" 2>&1 |
			grep -E '_us|maps|fds|bytes|fail|(legacy|modern) (interface|virtio)|(legacy|modern), MAC' |
			sed 's/port [0-9]*, //' | awk '!seen[$0]++' | sed "s/^/RESULT $BENCH_DRV $which /"
	done
	# BENCH_REPEAT rounds, the two sides taking turns: the emulation's speed drifts
	for which in $(for r in $(seq "${BENCH_REPEAT:-1}"); do echo $sides; done); do
		case $which in
		tree) tpbin=$BENCH_BUILD/app/test-pmd/dpdk-testpmd;;
		tree2) tpbin=$BENCH_BUILD2/app/test-pmd/dpdk-testpmd;;
		*) tpbin=/usr/bin/dpdk-testpmd;;
		esac
		[ -x "$tpbin" ] || { echo "RESULT $BENCH_DRV $which testpmd missing"; continue; }
		dir=$(mktemp -d)
		mkfifo "$dir/in"
		args="-l 0-1 -n 1 --file-prefix bench$which $iova -a $A -a $B -- -i --rxd=256 --txd=256"
		args="$args --total-num-mbufs=8192"
		echo "+ $tpbin $args"
		stdbuf -oL "$tpbin" $args <"$dir/in" >"$dir/out" 2>&1 &
		pid=$!
		exec 9>"$dir/in"
		# each command gets time to complete; testpmd echoes nothing we need before stop
		for cmd in "set fwd io" "clear port stats all" "start tx_first"; do
			sleep 3; echo "$cmd" >&9
		done
		sleep "$D"
		echo "show port stats all" >&9
		sleep 2
		echo "stop" >&9
		sleep 2
		echo quit >&9
		exec 9>&-
		for i in $(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.2; done
		kill -9 $pid 2>/dev/null
		# RX-packets of ports 0 and 1 in "show port stats all", taken D s after the start
		rx=$(sed -n 's/.*RX-packets: *\([0-9]*\).*/\1/p' "$dir/out" | head -2 |
			awk '{s += $1} END {print s + 0}')
		grep -E 'Error|error|fail' "$dir/out" | head -5
		grep -q 'RX-packets' "$dir/out" || { echo "$which testpmd printed no stats:"; tail -30 "$dir/out"; }
		echo "RESULT $BENCH_DRV $which io-fwd $rx packets in $D s:" \
			"$(( rx / D )) pps (both ports)"
	done
	exit 0
fi

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build-ci}
[ $# -gt 0 ] && shift
drivers=${*:-uio_pci_generic igb_uio vfio-pci}
vm=$top/devtools/vm/dpdk-vm.py
[ -x "$build/app/test/e1000/e1000_hotplug" ] || { echo "build $build first"; exit 1; }
build=$(cd "$build" && pwd)
build2=${BENCH_BUILD2:-}
if [ -n "$build2" ]; then
	[ -x "$build2/app/test-pmd/dpdk-testpmd" ] || { echo "build $build2 first"; exit 1; }
	build2=$(cd "$build2" && pwd)
fi
for b in $build $build2; do
	cpu_set=$(python3 -c 'import json, sys
print(next(o["value"] for o in json.load(open(sys.argv[1])) if o["name"] == "cpu_instruction_set"))' \
		"$b/meson-info/intro-buildoptions.json")
	if [ "$cpu_set" != generic ] && [ "$(python3 "$vm" --print-accel)" != kvm ]; then
		echo "$b targets '$cpu_set': under emulation the guest's CPU may lack its instructions;"
		echo "use a build configured with -Dcpu_instruction_set=generic"
		exit 1
	fi
done
model=(--nic-model "${BENCH_MODEL:-e1000}")
[ "${BENCH_MODEL:-e1000}" = virtio-net-legacy ] && model=(--nic-model virtio-net-transitional
	--qemu-arg=-global --qemu-arg=virtio-net-pci.disable-modern=on)
work=$(mktemp -d /var/tmp/bench-guest-nics.XXXXXX)
trap 'rm -rf "$work"' EXIT
dpdk_hp=""
pc=/usr/lib/x86_64-linux-gnu/pkgconfig
if PKG_CONFIG_PATH=$pc pkg-config --exists libdpdk; then
	# shellcheck disable=SC2046
	cc -O2 -o "$work/e1000_hotplug_dpdk" "$top/app/test/e1000/e1000_hotplug.c" \
		$(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs libdpdk) && dpdk_hp=$work/e1000_hotplug_dpdk
fi
for drv in $drivers; do
	echo "==== $drv (${BENCH_MODEL:-e1000})"
	python3 "$vm" "${model[@]}" --bind "$drv" --nics 2 --hotplug-slots 0 --hugepages 256 \
		--mem 1536 --timeout $((400 + 60 * ${BENCH_REPEAT:-1} * (${build2:+1} + 1))) \
		--env BENCH_BUILD="$build" --env BENCH_DRV="$drv" --env BENCH_DPDK_HOTPLUG="$dpdk_hp" \
		--env BENCH_BUILD2="$build2" \
		--env BENCH_MODEL="${BENCH_MODEL:-e1000}" --env BENCH_REPEAT="${BENCH_REPEAT:-1}" \
		--env BENCH_CYCLES="${BENCH_CYCLES:-20}" --env BENCH_SECONDS="${BENCH_SECONDS:-10}" \
		-- "$top/devtools/bench-guest-nics.sh" | tee "$work/out"
	grep '^RESULT' "$work/out" >>"$work/results"
done
echo "==== summary"
sed 's/^RESULT //' "$work/results"
