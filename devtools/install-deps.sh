#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Install the Debian 12 packages needed to build and test the tree (run as root).
# Does nothing when everything is already installed, so repeated runs are fast.
set -e
# ENABLE_DOCS=1: also what -Denable_docs=true needs
[ "${ENABLE_DOCS:-0}" = 1 ] && EXTRA_PACKAGES="${EXTRA_PACKAGES:-} python3-sphinx sphinx-common doxygen"
PACKAGES="build-essential meson ninja-build pkg-config python3 python3-pyelftools
	libcmocka-dev libpcap-dev libedit-dev libnuma-dev clang llvm libclang-rt-14-dev
	iproute2 tcpdump tshark valgrind dpdk-doc abigail-tools $EXTRA_PACKAGES"
missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "missing packages:$missing (run as root to install them)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $missing
