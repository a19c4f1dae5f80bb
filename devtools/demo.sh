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
echo "== EAL up on two lcores, without hugepages"
./build/examples/helloworld/dpdk-helloworld --no-huge -l 0-1
