#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Host side of the virtio suite: boots one guest per kernel driver with modern virtio-net NICs
# (devtools/vm/dpdk-vm.py --nic-model virtio-net, behind the vIOMMU with iommu_platform=on), and
# one per driver with legacy ones (the transitional model with disable-modern=on, named
# legacy-DRIVER; not for igb_uio), and runs guest-virtio.sh there, which drives dpdk-testpmd,
# the e1000 suite's hotplug tool (a driver-neutral ethdev client) and virtio_lsc on them.
# Every guest also gets a NIC of its kind (modern or legacy) with two queue pairs on a
# two-queue host tap (--mq-nic 2).
# Prints TAP: one line per scenario and driver.
#
# As in the e1000 suite, binaries built for the host's CPU are rebuilt for generic x86-64 in
# <build>/guest-generic unless the build is generic or the guest runs on hardware KVM.
#
# Environment (set by meson): VIRTIO_TESTPMD, VIRTIO_PROCINFO, VIRTIO_HOTPLUG, VIRTIO_LSC,
# VIRTIO_BUILD_ROOT,
# VIRTIO_SOURCE_ROOT, VIRTIO_CPU_SET, VIRTIO_BUILDTYPE, VIRTIO_SANITIZE. Optional:
# VIRTIO_DRIVERS (default: uio_pci_generic and vfio-pci, uio_pci_generic alone in a sanitizer
# build; igb_uio may be named too, the e1000 suite
# covers its bus side), VIRTIO_GUEST_TIMEOUT (seconds per guest), VIRTIO_RUNS (which guests,
# e.g. "legacy-uio_pci_generic": default every driver, modern then legacy).
set -u
src=$(cd "$(dirname "$0")" && pwd)
top=${VIRTIO_SOURCE_ROOT:-$(cd "$src/../../.." && pwd)}
. "$top/app/test/common/guest-tap.sh"
vm=$top/devtools/vm/dpdk-vm.py
sanitize=${VIRTIO_SANITIZE:-none}
# A sanitizer build runs the driver under uio_pci_generic only: the driver's code is the same
# under both kernel drivers, vfio-pci's mapping is the bus's (covered by the e1000 suite under
# sanitizers), and each guest costs minutes of emulation.
if [ "$sanitize" != none ]; then
	drivers=${VIRTIO_DRIVERS:-uio_pci_generic}
else
	drivers=${VIRTIO_DRIVERS:-uio_pci_generic vfio-pci}
fi
# the multi-queue NIC's checks come first in every guest (guest-virtio.sh)
mq_scenarios=(
	"multi-queue NIC: max_rx_queues >= 2, started with 2 rx/tx queues (VQ_PAIRS_SET 2 accepted)"
	"multi-queue NIC: 2000 frames over 64 flows from the host received exactly, on both rx queues"
	"multi-queue NIC: txonly sends from both tx queues and the host receives it all"
	"multi-queue NIC: detached and attached again, 2 queue pairs, both rx queues receive again"
)
scenarios=(
	"both NICs probed by net_virtio, MACs read from the device"
	"link up on both started ports"
	"link follows QMP set_link, read from the device status"
	"two NICs exchange exact bursts both ways"
	"io forwarding ping-pong keeps going"
	"promiscuous mode off filters the peer's burst, on receives it"
	"hot-added NIC attached, forwards exact counts, detached with BARs unmapped and fds closed"
	"detached NIC removed cleanly by QMP device_del"
	"link state change interrupt: RTE_ETH_EVENT_INTR_LSC on QMP set_link down, then up"
)
# the rest of the hotplug scenarios: under vfio-pci only (the guest's "full" mode)
full_scenarios=(
	"the same slot attaches again after unplug"
	"surprise removal: testpmd survives, other ports keep forwarding, port detaches"
	"10 attach/detach cycles: maps, fds and rte_malloc bytes flat"
	"force_legacy=1 refused on a modern-only NIC"
	"two NICs exchange exact bursts from memory allocated after attach"
)
# a secondary process beside testpmd: modern ports are its too, legacy ones are left out
modern_secondary="a secondary process maps both NICs and reads the counts testpmd shows"
legacy_secondary="a secondary process leaves the legacy ports out, testpmd's counts unchanged"
# legacy virtio-net (1af4:1000, QEMU's disable-modern=on): one more guest per kernel driver
legacy_scenarios=(
	"legacy NICs (1af4:1000, no modern capabilities) probed on their I/O port BAR, MACs read\
 from the device"
	"${scenarios[@]:1}"
	"$legacy_secondary"
	"the same slot attaches again after unplug and forwards exact counts"
	"50 attach/detach cycles: maps, fds and rte_malloc bytes flat"
	"two NICs exchange exact bursts from memory allocated after attach"
)
mode() { if [ "$1" = vfio-pci ]; then echo full; else echo short; fi; }
expected() { # DRIVER|legacy-DRIVER: the names of its scenarios, one per line
	printf '%s\n' "${mq_scenarios[@]}"
	case $1 in
	legacy-*) printf '%s\n' "${legacy_scenarios[@]}"; return 0 ;;
	esac
	printf '%s\n' "${scenarios[@]}" "$modern_secondary"
	[ "$(mode "$1")" = full ] && printf '%s\n' "${full_scenarios[@]}"
	return 0
}
n=0
all_scenarios() { # ok|fail DRIVER REASON: the same result for every scenario of DRIVER
	local s
	while IFS= read -r s; do
		n=$((n + 1))
		if [ "$1" = ok ]; then echo "ok $n - $2: $s # SKIP $3"
		else echo "not ok $n - $2: $s ($3)"; fi
	done < <(expected "$2")
}
finish() { echo "1..$n"; exit 0; }

reason=
if [ "$(id -u)" -ne 0 ]; then
	reason="not root: the guest harness needs root (devtools/vm/install-deps.sh)"
elif ! command -v qemu-system-x86_64 >/dev/null; then
	reason="qemu-system-x86_64 not installed (as root: devtools/vm/install-deps.sh)"
elif [ -z "${VIRTIO_TESTPMD:-}" ] || [ -z "${VIRTIO_HOTPLUG:-}" ] || [ -z "${VIRTIO_LSC:-}" ] ||
		[ -z "${VIRTIO_PROCINFO:-}" ]; then
	reason="VIRTIO_TESTPMD, _PROCINFO, _HOTPLUG or _LSC not set (run through meson test)"
fi
runs=$drivers
for drv in $drivers; do
	[ "$drv" = igb_uio ] || runs+=" legacy-$drv"
done
runs=${VIRTIO_RUNS:-$runs}
if [ -n "$reason" ]; then
	for drv in $runs; do all_scenarios ok "$drv" "$reason"; done
	finish
fi

testpmd=$VIRTIO_TESTPMD
hotplug=$VIRTIO_HOTPLUG
lsc=$VIRTIO_LSC
procinfo=$VIRTIO_PROCINFO
if ! guest_binaries "${VIRTIO_BUILD_ROOT:?}" "${VIRTIO_CPU_SET:-native}" \
		"${VIRTIO_BUILDTYPE:-release}" "$sanitize" virtio testpmd hotplug lsc procinfo; then
	for drv in $runs; do all_scenarios fail "$drv" "the generic build failed, see $LOG"; done
	finish
fi

# 39-bit vIOMMU as in the e1000 suite; a sanitizer build's mappings need 48 bits.
bits=39
guest_sanitizer_env "$sanitize"
[ "$sanitize" != none ] && bits=48
timeout=${VIRTIO_GUEST_TIMEOUT:-480}
[ "$sanitize" != none ] && timeout=$((timeout * 2))

start=$SECONDS
for run in $runs; do
	drv=${run#legacy-}
	if [ "$drv" = igb_uio ] &&
			[ -z "$(find /lib/modules -name 'igb_uio.ko*' 2>/dev/null | head -1)" ]; then
		all_scenarios ok "$drv" "igb_uio.ko not built for the guest kernel (devtools/vm/install-deps.sh)"
		continue
	fi
	# the legacy guest: transitional NICs with their modern interface switched off
	model=(--nic-model virtio-net --mq-nic 2)
	gmode=$(mode "$drv")
	if [ "$run" != "$drv" ]; then
		model=(--nic-model virtio-net-transitional --mq-nic 2
			--qemu-arg=-global --qemu-arg=virtio-net-pci.disable-modern=on)
		gmode=legacy
	fi
	echo "# ---- $run: dpdk-vm.py ${model[*]} --bind $drv --nics 2 --hotplug-slots 1"
	t=$SECONDS
	out=$(mktemp)
	run_guest "$out" "${model[@]}" --bind "$drv" --nics 2 --hotplug-slots 1 \
		--iommu-bits $bits --hugepages 256 --mem 1536 --timeout "$timeout" \
		--env VIRTIO_TESTPMD="$testpmd" --env VIRTIO_HOTPLUG="$hotplug" \
		--env VIRTIO_LSC="$lsc" --env VIRTIO_PROCINFO="$procinfo" "${env_args[@]}" \
		-- "$src/guest-virtio.sh" "$drv" "$gmode"
	rc=$?
	mapfile -t names < <(expected "$run")
	relay_guest_tap "$out" $rc "${names[@]/#/$run: }"
	rm -f "$out"
	echo "# ---- $run: guest exit status $rc, $((SECONDS - t)) s"
done
echo "# total $((SECONDS - start)) s"
finish
