#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The README's demo: build the tree and show it running without any hardware.
set -eu
cd "$(dirname "$0")/.."
sh devtools/install-deps.sh
if [ ! -f build/build.ninja ]; then
	meson setup build >/dev/null
fi
ninja -C build >/dev/null
testpmd=./build/app/test-pmd/dpdk-testpmd

# dpdk-testpmd on two lcores without hugepages, driven through a pipe: it echoes
# each command after its "testpmd> " prompt, so the output reads like a session.
# Two ring ports are attached at run time, forward packets between them, then one
# is stopped, closed, detached and attached again, and forwarding resumes.
echo "== dpdk-testpmd: port hotplug on virtual devices (net_ring)"
{
	echo "port attach net_ring0"
	echo "port attach net_ring1"
	echo "port start all"
	echo "show port summary all"
	echo "start tx_first"
	sleep 1
	echo "stop"
	echo "port stop 1"
	echo "port close 1"
	echo "port detach 1"
	echo "show port summary all"
	echo "port attach net_ring1"
	echo "port start 1"
	echo "set fwd rxonly"
	echo "start tx_first 4"
	sleep 0.5
	echo "stop"
	echo "show port stats 1"
	echo "quit"
} | $testpmd --no-huge -l 0-1 --no-pci --file-prefix=demo -- -i
