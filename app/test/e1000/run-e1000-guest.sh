#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Host side of the e1000 suite: boots one guest per kernel driver through the qemu-pci harness
# (../shared/qemu-pci next to the repository) and runs guest-e1000.sh there, which drives the
# tree's dpdk-testpmd and e1000_hotplug on real (emulated) 82540EM NICs. Prints TAP: one line
# per scenario and driver, skipped with the reason when something needed is missing.
# Environment: E1000_TESTPMD, E1000_HOTPLUG (set by meson), E1000_DRIVERS (default: all three),
# QPCI_DIR (harness location).
set -u
src=$(cd "$(dirname "$0")" && pwd)
top=$(git -C "$src" rev-parse --show-toplevel 2>/dev/null || (cd "$src/../../.." && pwd))
harness=${QPCI_DIR:-$top/../shared/qemu-pci}
drivers=${E1000_DRIVERS:-uio_pci_generic igb_uio vfio-pci}
scenarios=(
	"two boot NICs forward with exact counts, io ping-pong keeps going"
	"hot-added NIC attached, forwards exact counts, detached with BARs unmapped and fds closed"
	"detached NIC removed cleanly by QMP device_del"
	"the same slot attaches again after unplug"
	"surprise removal: testpmd survives, other ports keep forwarding, port detaches"
	"50 attach/detach cycles: maps, fds and rte_malloc bytes flat"
	"two NICs exchange exact bursts from memory allocated after attach"
	"attach of a NIC bound to the kernel e1000 driver refused, naming the driver"
)
n=0
skip_all() { # DRIVER REASON
	local s
	for s in "${scenarios[@]}"; do
		n=$((n + 1))
		echo "ok $n - $1: $s # SKIP $2"
	done
}

reason=${E1000_SKIP:-}
if [ -n "$reason" ]; then
	:
elif [ "$(id -u)" -ne 0 ]; then
	reason="not root"
elif [ ! -x "$harness/run-guest.sh" ]; then
	reason="qemu-pci harness not found at $harness"
elif ! command -v qemu-system-x86_64 >/dev/null; then
	reason="qemu-system-x86_64 not installed (run $harness/install-deps.sh)"
elif [ -z "${E1000_TESTPMD:-}" ] || [ -z "${E1000_HOTPLUG:-}" ]; then
	reason="E1000_TESTPMD / E1000_HOTPLUG not set (run through meson test)"
fi

start=$(date +%s)
for drv in $drivers; do
	if [ -n "$reason" ]; then
		skip_all "$drv" "$reason"
		continue
	fi
	if [ "$drv" = igb_uio ] &&
			[ -z "$(find /lib/modules -name 'igb_uio.ko*' 2>/dev/null | head -1)" ]; then
		skip_all "$drv" "igb_uio.ko not built for the guest kernel ($harness/install-deps.sh --igb-uio)"
		continue
	fi
	echo "# ---- $drv: $harness/run-guest.sh --bind $drv --nics 2 --hotplug-slots 1"
	t=$(date +%s)
	out=$(mktemp)
	(cd "$harness" && ./run-guest.sh --bind "$drv" --nics 2 --hotplug-slots 1 \
		--hugepages 256 --mem 1536 --kernel-arg no_timer_check --timeout "${E1000_GUEST_TIMEOUT:-360}" \
		--env E1000_TESTPMD="$E1000_TESTPMD" --env E1000_HOTPLUG="$E1000_HOTPLUG" \
		-- "$src/guest-e1000.sh" "$drv") >"$out" 2>&1
	rc=$?
	done_names=()
	while IFS= read -r line; do
		case $line in
		"TAP ok - "*|"TAP not ok - "*)
			n=$((n + 1))
			res=${line#TAP }
			echo "${res%% - *} $n - ${res#* - }"
			done_names+=("${res#* - }")
			;;
		*)
			echo "# $line"
			;;
		esac
	done <"$out"
	rm -f "$out"
	# a scenario the guest never reported (crash, timeout) fails
	for s in "${scenarios[@]}"; do
		found=0
		for d in "${done_names[@]}"; do [ "$d" = "$drv: $s" ] && found=1; done
		if [ $found = 0 ]; then
			n=$((n + 1))
			echo "not ok $n - $drv: $s (not reported, guest exit status $rc)"
		fi
	done
	echo "# ---- $drv: guest exit status $rc, $(( $(date +%s) - t )) s"
done
echo "# total $(( $(date +%s) - start )) s"
echo "1..$n"
