#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Host side of the e1000 suite: boots one guest per kernel driver with the tree's harness
# (devtools/vm/dpdk-vm.py) and runs guest-e1000.sh there, which drives dpdk-testpmd and
# e1000_hotplug on real (emulated) 82540EM NICs. Prints TAP: one line per scenario and driver.
#
# The guest's CPU is QEMU's, not the host's: under software emulation it has no AVX-512, so
# binaries built for the host's CPU (-march=native) may stop on an illegal instruction there.
# Unless the build is generic or the guest runs on hardware KVM (which gives it the host's
# CPU), testpmd, dpdk-proc-info, e1000_hotplug and e1000_vfio are rebuilt for generic x86-64
# in <build>/guest-generic.
#
# Environment (set by meson): E1000_TESTPMD, E1000_PROCINFO, E1000_HOTPLUG, E1000_VFIO,
# E1000_BUILD_ROOT,
# E1000_SOURCE_ROOT, E1000_CPU_SET, E1000_BUILDTYPE, E1000_SANITIZE. Optional: E1000_DRIVERS
# (default: all three), E1000_GUEST_TIMEOUT (seconds per guest).
set -u
src=$(cd "$(dirname "$0")" && pwd)
top=${E1000_SOURCE_ROOT:-$(cd "$src/../../.." && pwd)}
. "$top/app/test/common/guest-tap.sh"
vm=$top/devtools/vm/dpdk-vm.py
drivers=${E1000_DRIVERS:-uio_pci_generic igb_uio vfio-pci}
sanitize=${E1000_SANITIZE:-none}
scenarios=(
	"two boot NICs forward with exact counts, io ping-pong keeps going"
	"a secondary process maps both NICs and reads the counts testpmd shows"
	"hot-added NIC attached, forwards, seen by a secondary, detached with BARs and fds released"
	"detached NIC removed cleanly by QMP device_del"
	"the same slot attaches again after unplug"
	"surprise removal: testpmd survives, other ports keep forwarding, port detaches"
	"50 attach/detach cycles: maps, fds and rte_malloc bytes flat"
	"two NICs exchange exact bursts from memory allocated after attach"
	"attach of a NIC bound to the kernel e1000 driver refused, naming the driver"
)
# rte_vfio.h on a real group: only under vfio-pci
vfio_scenarios=(
	"rte_vfio.h: own container, group bind, device setup, DMA map/unmap, errors, no fd left"
	"rte_vfio.h: default container maps DMA only while the NIC is attached, three times"
	"hotplug_mp (DPDK 22.11's sample): attach, detach, list from either process; 2nd attach fails"
)
expected() { # DRIVER: the names of its scenarios, one per line
	printf '%s\n' "${scenarios[@]}"
	[ "$1" = vfio-pci ] && printf '%s\n' "${vfio_scenarios[@]}"
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
elif [ -z "${E1000_TESTPMD:-}" ] || [ -z "${E1000_HOTPLUG:-}" ] || [ -z "${E1000_VFIO:-}" ] ||
		[ -z "${E1000_PROCINFO:-}" ]; then
	reason="E1000_TESTPMD, _PROCINFO, _HOTPLUG or _VFIO not set (run through meson test)"
fi
if [ -n "$reason" ]; then
	for drv in $drivers; do all_scenarios ok "$drv" "$reason"; done
	finish
fi

testpmd=$E1000_TESTPMD
hotplug=$E1000_HOTPLUG
vfio=$E1000_VFIO
procinfo=$E1000_PROCINFO
if ! guest_binaries "${E1000_BUILD_ROOT:?}" "${E1000_CPU_SET:-native}" \
		"${E1000_BUILDTYPE:-release}" "$sanitize" e1000 testpmd hotplug vfio procinfo; then
	for drv in $drivers; do all_scenarios fail "$drv" "the generic build failed, see $LOG"; done
	finish
fi

# The vIOMMU's address width: 39 bits (as many client VT-d units have) tests EAL's placement
# of memory low enough for it. A sanitizer build cannot place it there: ASan's shadow memory
# covers 2 GiB to 16 TiB, so its mappings land near 2^47, which a 48-bit vIOMMU accepts.
bits=39
# DPDK 22.11's hotplug_mp sample, built against the same folder as testpmd, for vfio-pci
hpmp= hpmp_skip=
if [[ " $drivers " == *" vfio-pci "* ]]; then
	hpmp_root=${testpmd%/app/test-pmd/dpdk-testpmd}
	hpmp_msg=$(bash "$src/build-hotplug-mp.sh" "$hpmp_root" "$hpmp_root/hotplug_mp")
	case $? in
	0) hpmp=$hpmp_root/hotplug_mp/hotplug_mp ;;
	2) hpmp_skip=$hpmp_msg ;;
	*) echo "$hpmp_msg" | sed 's/^/# /'; echo "# hotplug_mp did not build" ;;
	esac
fi

guest_sanitizer_env "$sanitize"
[ "$sanitize" != none ] && bits=48
timeout=${E1000_GUEST_TIMEOUT:-360}
[ "$sanitize" != none ] && timeout=$((timeout * 2))

start=$SECONDS
for drv in $drivers; do
	if [ "$drv" = igb_uio ] &&
			[ -z "$(find /lib/modules -name 'igb_uio.ko*' 2>/dev/null | head -1)" ]; then
		all_scenarios ok "$drv" "igb_uio.ko not built for the guest kernel (devtools/vm/install-deps.sh)"
		continue
	fi
	echo "# ---- $drv: dpdk-vm.py --bind $drv --nics 2 --hotplug-slots 1 --iommu-bits $bits"
	t=$SECONDS
	out=$(mktemp)
	run_guest "$out" --bind "$drv" --nics 2 --hotplug-slots 1 --iommu-bits $bits \
		--hugepages 256 --mem 1536 --timeout "$timeout" \
		--env E1000_TESTPMD="$testpmd" --env E1000_HOTPLUG="$hotplug" \
		--env E1000_VFIO="$vfio" --env E1000_PROCINFO="$procinfo" \
		--env E1000_HOTPLUG_MP="$hpmp" --env E1000_HOTPLUG_MP_SKIP="$hpmp_skip" \
		"${env_args[@]}" \
		-- "$src/guest-e1000.sh" "$drv"
	rc=$?
	mapfile -t names < <(expected "$drv")
	relay_guest_tap "$out" $rc "${names[@]/#/$drv: }"
	rm -f "$out"
	echo "# ---- $drv: guest exit status $rc, $((SECONDS - t)) s"
done
echo "# total $((SECONDS - start)) s"
finish
