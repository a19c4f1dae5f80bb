#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Install what devtools/vm/dpdk-vm.py needs on Debian 12 (as root), and build igb_uio for the
# guest kernel. Does nothing when everything is there already.
#   qemu-system-x86      the emulator
#   linux-image-amd64    the guest's kernel and modules (installed, never booted on the host)
#   busybox-static       the guest's first stage
#   dkms, dpdk-kmods-dkms, linux-headers-amd64
#                        igb_uio.ko, built by DKMS for the guest kernel
set -eu
PACKAGES="qemu-system-x86 linux-image-amd64 busybox-static python3 kmod xz-utils
	dkms dpdk-kmods-dkms linux-headers-amd64"
missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing packages:$missing (run as root to install them)" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o DPkg::Lock::Timeout=600 update -q
	apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing
fi

# The guest kernel is the newest one with modules installed; DKMS builds automatically only
# for kernels whose headers it saw at install time, so build for it explicitly when needed.
kver=$(python3 "$(dirname "$0")/dpdk-vm.py" --print-kernel)
[ -n "$kver" ] || { echo "no kernel with 9p modules under /lib/modules for the guest" >&2; exit 1; }
if ! modinfo -k "$kver" -n igb_uio >/dev/null 2>&1; then
	ver=$(dkms status dpdk-kmods 2>/dev/null | sed -n '1s|^dpdk-kmods/\([^,:]*\).*|\1|p')
	[ -n "$ver" ] || { echo "dpdk-kmods is not registered with dkms" >&2; exit 1; }
	dkms install "dpdk-kmods/$ver" -k "$kver"
fi
echo "guest kernel $kver, igb_uio: $(modinfo -k "$kver" -n igb_uio)"
