#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Host side of the ports_guest suite: boots one guest (devtools/vm/dpdk-vm.py, two boot e1000
# NICs and one hot-plug slot, bound to each driver in turn) and runs guest-ports.sh there, which
# drives dpdk-testpmd with net_bonding (modes 1 and 2) and net_failsafe ports while QMP
# removes and adds the NIC of the slot. Prints TAP: one line per scenario.
#
# As in the e1000 suite, unless the build is generic or the guest runs on hardware KVM,
# testpmd is rebuilt for generic x86-64 in <build>/guest-generic (the same folder the e1000
# suite uses, with the same options): the guest's emulated CPU has no AVX-512.
#
# Environment (set by meson): PG_TESTPMD, PG_BUILD_ROOT, PG_SOURCE_ROOT, PG_CPU_SET,
# PG_BUILDTYPE, PG_SANITIZE. Optional: PG_DRIVERS (default uio_pci_generic and vfio-pci;
# uio_pci_generic alone under sanitizers), PG_CYCLES (remove/add cycles of the fail-safe,
# default 20), PG_GUEST_TIMEOUT (seconds), PG_ONLY
# (bond, bond1 or fs: only those scenarios, the others reported missing; for debugging),
# PG_HOTPLUG (acpi or pciehp: how the slot signals hotplug; default acpi, where a removal
# takes effect at once, while pciehp waits 5 s after the attention button).
set -u
src=$(cd "$(dirname "$0")" && pwd)
top=${PG_SOURCE_ROOT:-$(cd "$src/../../.." && pwd)}
. "$top/app/test/common/guest-tap.sh"
vm=$top/devtools/vm/dpdk-vm.py
sanitize=${PG_SANITIZE:-none}
# Under sanitizers one driver runs the bond's and the fail-safe's code through their checks;
# the release build also runs them on vfio-pci, the driver most machines give a NIC.
drivers=${PG_DRIVERS:-uio_pci_generic vfio-pci}
[ "$sanitize" != none ] && [ -z "${PG_DRIVERS:-}" ] && drivers=uio_pci_generic
cycles=${PG_CYCLES:-20}
# Under sanitizers every cycle takes twice as long; 3 cycles run the same paths for the
# sanitizers to check, and the 20-cycle figure comes from the release build.
[ "$sanitize" != none ] && [ -z "${PG_CYCLES:-}" ] && cycles=3
scenarios=(
	"bond mode 1 (active-backup): A + hot-plug NIC forward under flowgen load"
	"bond mode 1 (active-backup): QMP removes a member under load, testpmd lives, the bond keeps forwarding on the other"
	"bond mode 1 (active-backup): the NIC added again rejoins the bond and carries traffic"
	"bond mode 1 (active-backup): numbered packets at 20000/s while QMP removes a member: none lost after the removal is seen, the loss counted exactly"
	"bond mode 2 (balance): A + hot-plug NIC forward under flowgen load"
	"bond mode 2 (balance): QMP removes a member under load, testpmd lives, the bond keeps forwarding on the other"
	"bond mode 2 (balance): the NIC added again rejoins the bond and carries traffic"
	"bond mode 2 (balance): numbered packets at 20000/s while QMP removes a member: none lost after the removal is seen, the loss counted exactly"
	"fail-safe: traffic leaves through the PCI sub-device"
	"fail-safe: QMP removes the NIC under load, testpmd lives, the port forwards through the tap sub-device"
	"fail-safe: the NIC added again is re-probed with the port's configuration and carries traffic"
	"fail-safe: $cycles QMP remove/add cycles, each re-probed; maps and fds of testpmd flat"
	"fail-safe: created while the NIC is unplugged, it probes the NIC once QMP adds it"
)
n=0
all_scenarios() { # ok|fail DRIVER REASON: the same result for every scenario of DRIVER
	local s
	for s in "${scenarios[@]}"; do
		n=$((n + 1))
		if [ "$1" = ok ]; then echo "ok $n - $2: $s # SKIP $3"
		else echo "not ok $n - $2: $s ($3)"; fi
	done
}
finish() { echo "1..$n"; exit 0; }

reason=
if [ "$(id -u)" -ne 0 ]; then
	reason="not root: the guest harness needs root (devtools/vm/install-deps.sh)"
elif ! command -v qemu-system-x86_64 >/dev/null; then
	reason="qemu-system-x86_64 not installed (as root: devtools/vm/install-deps.sh)"
elif [ -z "${PG_TESTPMD:-}" ]; then
	reason="PG_TESTPMD not set (run through meson test)"
fi
if [ -n "$reason" ]; then
	for drv in $drivers; do all_scenarios ok "$drv" "$reason"; done
	finish
fi

testpmd=$PG_TESTPMD
bond_loss=${PG_BOND_LOSS:?}
if ! guest_binaries "${PG_BUILD_ROOT:?}" "${PG_CPU_SET:-native}" "${PG_BUILDTYPE:-release}" \
		"$sanitize" ports testpmd bond_loss; then
	for drv in $drivers; do all_scenarios fail "$drv" "the generic build failed, see $LOG"; done
	finish
fi

guest_sanitizer_env "$sanitize"
# a guest runs about 250 s (twice that under sanitizers)
timeout=${PG_GUEST_TIMEOUT:-900}
[ "$sanitize" != none ] && timeout=$((timeout * 2))

start=$SECONDS
for drv in $drivers; do
	echo "# ---- $drv: dpdk-vm.py --bind $drv --nics 2 --hotplug-slots 1"
	t=$SECONDS
	out=$(mktemp)
	run_guest "$out" --bind "$drv" --nics 2 --hotplug-slots 1 --hugepages 256 --mem 1536 \
		--hotplug "${PG_HOTPLUG:-acpi}" \
		--timeout "$timeout" \
		--env PG_TESTPMD="$testpmd" --env PG_BOND_LOSS="$bond_loss" --env PG_CYCLES="$cycles" \
		--env PG_ONLY="${PG_ONLY:-all}" "${env_args[@]}" \
		-- "$src/guest-ports.sh" "$drv"
	rc=$?
	relay_guest_tap "$out" $rc "${scenarios[@]/#/$drv: }"
	rm -f "$out"
	echo "# ---- $drv: guest exit status $rc, $((SECONDS - t)) s"
done
echo "# total $((SECONDS - start)) s"
finish
