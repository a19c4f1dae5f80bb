#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Guest side of the harness self-test (run by run-vm-selftest.sh): two e1000e NICs bound to
# vfio-pci at boot, one empty slot. Prints "TAP ok - ..." lines and exits 3, which the host
# side expects back as dpdk-vm.py's exit status.
set -u
tap() { if [ "$1" = ok ]; then echo "TAP ok - $2"; else echo "TAP not ok - $2"; fi; }
check() { local d=$1; shift; if "$@"; then tap ok "$d"; else tap fail "$d"; fi; }
driver() { local l; l=$(readlink "/sys/bus/pci/devices/$1/driver"); echo "${l##*/}"; }
ids() { echo "$(<"/sys/bus/pci/devices/$1/vendor"):$(<"/sys/bus/pci/devices/$1/device")"; }
is() { # BDF DRIVER VENDOR:DEVICE
	echo "$1: $(driver "$1") $(ids "$1")"
	[ "$(driver "$1")" = "$2" ] && [ "$(ids "$1")" = "$3" ]
}

boot_ok() {
	[ -n "${VM_NIC0:-}" ] && [ -n "${VM_NIC1:-}" ] && [ "$VM_NIC0" != "$VM_NIC1" ] &&
		is "$VM_NIC0" vfio-pci 0x8086:0x10d3 && is "$VM_NIC1" vfio-pci 0x8086:0x10d3 &&
		[ -e "/dev/vfio/$(basename "$(readlink "/sys/bus/pci/devices/$VM_NIC0/iommu_group")")" ]
}
check "boot NICs bound to vfio-pci, e1000e ids, PCI addresses in VM_NIC0/1" boot_ok

bdf=$(vm-host hotplug 0 e1000)
check "hot-added e1000 bound to vfio-pci at VM_HP0" \
	eval '[ "$bdf" = "$VM_HP0" ] && is "$bdf" vfio-pci 0x8086:0x100e'
check "hot-added NIC removed by unplug" \
	eval 'vm-host unplug 0 >/dev/null && [ ! -e "/sys/bus/pci/devices/$VM_HP0" ]'

bdf=$(vm-host hotplug 0 virtio-net)
check "hot-added modern virtio-net (1af4:1041) behind the IOMMU, bound to vfio-pci" \
	eval '[ "$bdf" = "$VM_HP0" ] && is "$bdf" vfio-pci 0x1af4:0x1041'
# vfio-pci lets a device go only once no process holds it; here none does
check "unplug nowait, then wait-deleted" \
	eval 'vm-host unplug 0 nowait && vm-host wait-deleted 0 30 >/dev/null &&
		[ ! -e "/sys/bus/pci/devices/$VM_HP0" ]'

bdf=$(vm-host hotplug 0 virtio-net-transitional)
check "hot-added transitional virtio-net (1af4:1000) rebound to uio_pci_generic" \
	eval '[ -n "$bdf" ] && vm-bind "$bdf" uio_pci_generic >/dev/null &&
		is "$bdf" uio_pci_generic 0x1af4:0x1000 && vm-host unplug 0 >/dev/null'

check "hotplug into a slot that does not exist refused" eval '! vm-host hotplug 4'
check "hotplug of an unknown model refused" eval '! vm-host hotplug 0 rtl8139'
check "unplug of an empty slot refused" eval '! vm-host unplug 0'
check "a QMP command answered" eval 'vm-host qmp "{\"execute\": \"query-status\"}" |
	grep -q "\"running\": true"'
check "the host's /tmp is seen in the guest, and guest writes stay there" \
	eval '[ "$(<"$VM_SELFTEST_TMP/mark")" = "$VM_SELFTEST_MARK" ] &&
		echo x > "$VM_SELFTEST_TMP/guest-wrote"'
# diagnostic: the CPU binaries run on here (QEMU's under emulation: no AVX-512)
grep -m1 '^flags' /proc/cpuinfo | grep -o 'avx[0-9a-z_]*' | sort -u | tr '\n' ' ' |
	sed 's/^/guest CPU extensions: /; s/$/\n/'
exit 3
