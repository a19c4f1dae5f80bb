#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# DPDK 22.11's skeleton sample (basicfwd.c, unchanged) forwarding between two net_ring ports.
# TAP output. Arguments: <skeleton test binary> <folder of the PMD .so>, or "missing" <path>.
if [ "$1" = missing ]; then
	echo "1..0 # SKIP $2 is not installed (Debian package dpdk-doc)"
	exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
timeout 60 "$1" --no-huge -l 0 --file-prefix=test_skeleton_$$ \
	-d "$2/librte_net_ring.so" --vdev net_ring0 --vdev net_ring1 \
	--log-level=lib.eal:error >"$out" 2>&1
rc=$?
echo "1..3"
if grep -q "^Port 0 MAC: " "$out" && grep -q "^Port 1 MAC: " "$out"; then
	echo "ok 1 - skeleton initialised both ports"
else
	echo "not ok 1 - skeleton initialised both ports"
fi
if grep -q "forwarding packets" "$out"; then
	echo "ok 2 - skeleton entered its forwarding loop"
else
	echo "not ok 2 - skeleton entered its forwarding loop"
fi
if [ $rc -eq 0 ]; then
	echo "ok 3 - packets forwarded both ways: $(grep skeleton_inject "$out")"
else
	echo "not ok 3 - forwarding check failed (status $rc)"
	sed 's/^/# /' "$out"
	exit 1
fi
