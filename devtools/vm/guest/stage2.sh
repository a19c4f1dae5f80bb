#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Stage 2 of the dpdk-vm guest: runs in the chroot of the host's root with the run directory
# ($1) shared with the host. Loads the PCI userspace drivers, finds which PCI address each
# NIC and hot-plug slot has, binds the boot NICs, runs the command with its output in
# $RUN/output and leaves its exit status in $RUN/status. Every fork costs tens of
# milliseconds under software emulation, so this script keeps them few.
RUN=$1
. "$RUN/config" || exit 125
export PATH=$VM_GUEST_DIR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp VM_RUN=$RUN VM_IN_GUEST=1 VM_BIND VM_MODEL
say() { echo "dpdk-vm: $*"; }

# Nothing binds by itself from here on: every NIC, at boot or hot-added, is bound explicitly
# (vm-bind), so a hot-added virtio NIC is not taken by virtio-pci before the test sees it.
echo 0 > /sys/bus/pci/drivers_autoprobe

mods="uio uio_pci_generic vfio-pci"
kv=$(uname -r)
[ -n "$(find "/lib/modules/$kv" -name 'igb_uio.ko*' -print -quit)" ] && mods+=" igb_uio"
[ "$VM_BIND" = kernel ] && mods+=" $VM_NIC_KDRV"
# shellcheck disable=SC2086
modprobe -a $mods $VM_MODULES || say "modprobe -a $mods $VM_MODULES failed"

# root port address -> the address of the device behind it (its secondary bus, device 0)
: > "$RUN/slots"
while read -r name port; do
	[ -n "$name" ] || continue
	read -r sec < "/sys/bus/pci/devices/$port/secondary_bus_number" ||
		{ say "no root port $port for $name"; continue; }
	printf -v bdf '0000:%02x:00.0' "$sec"
	echo "$name $bdf" >> "$RUN/slots"
	export "VM_${name^^}=$bdf"
	[[ $name == nic* ]] && VM_NIC_BDFS+="${VM_NIC_BDFS:+ }$bdf"
	# the multi-queue NIC (dpdk-vm.py --mq-nic): bound like the boot NICs, not one of them
	[[ $name == mq0 ]] && export VM_MQ_NIC=$bdf
done < "$RUN/topology"
export VM_NIC_BDFS

if [ "$VM_BIND" != none ]; then
	drv=$VM_BIND
	[ "$drv" = kernel ] && drv=$VM_NIC_KDRV
	for bdf in $VM_NIC_BDFS ${VM_MQ_NIC:-}; do
		vm-bind "$bdf" "$drv" > /dev/null || say "binding $bdf to $drv failed"
	done
fi

# When the host's timeout ends a run, it asks for the kernel log before stopping the guest:
# a task blocked in the kernel shows there, with its stack (sysrq w)
(
	until [ -e "$RUN/dump" ]; do sleep 2; done
	echo w > /proc/sysrq-trigger 2>/dev/null
	dmesg > "$RUN/dmesg-at-timeout" 2>&1
	: > "$RUN/dumped"
) < /dev/null > /dev/null 2>&1 &
watcher=$!

for kv in "${VM_ENV[@]}"; do export "$kv"; done
cd "$VM_CWD" 2>/dev/null || cd /
: > "$RUN/started"
bash "$RUN/cmd" < /dev/null > "$RUN/output" 2>&1
status=$?
kill "$watcher" 2>/dev/null
echo "$status" > "$RUN/status"
dmesg > "$RUN/dmesg" 2>/dev/null
exit $status
