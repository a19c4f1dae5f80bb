#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# examples/hotplug_fwd end to end: attach and detach ports through its stdin while its
# forwarding lcore runs. TAP output. Arguments: <dpdk-hotplug_fwd> <folder of the PMD .so>
app=$1
pmds=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT

{
	sleep 1
	echo "attach net_null9"
	echo "attach net_ring_hx,nodeaction=hx_a:0:CREATE,nodeaction=hx_b:0:CREATE"
	echo "list"
	sleep 0.5
	echo "detach 3"
	echo "detach 2"
	echo "list"
	echo "attach net_null9"
	echo "detach 77"
	echo "quit"
} | timeout 60 "$app" --no-huge -l 0-1 --file-prefix=test_hotplug_fwd_$$ \
	-d "$pmds/librte_net_null.so" -d "$pmds/librte_net_ring.so" \
	--vdev net_ring0 --vdev net_ring1 --log-level=lib.eal:error >"$out" 2>&1
rc=$?

n=0
fail=0
check() {
	n=$((n + 1))
	if grep -q -- "$1" "$out"; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2 (no \"$1\" in the output)"
		fail=1
	fi
}
check "^2 port(s) at start" "two net_ring ports at start"
check "forwarding" "forwarding lcore running"
check "^attached net_null9: port 2 started" "attach gives port 2"
check "^attached net_ring_hx.*: port 3 started" "two-port device: port 3"
check "^attached net_ring_hx.*: port 4 started" "two-port device: port 4"
check "^5 port(s)" "five ports listed"
check "^detached port 3 (device net_ring_hx)" "detach of the two-port device"
check "^detached port 2 (device net_null9)" "detach of net_null9"
check "^2 port(s)" "two ports left"
check "^detach 77: no such port" "detach of an invalid port refused"
check "^bye" "clean exit"
n=$((n + 1))
if [ $rc -eq 0 ]; then
	echo "ok $n - exit status 0"
else
	echo "not ok $n - exit status $rc"
	fail=1
fi
# The second attach of net_null9 reuses port 2.
n=$((n + 1))
if [ "$(grep -c '^attached net_null9: port 2 started' "$out")" = 2 ]; then
	echo "ok $n - port id 2 reused on re-attach"
else
	echo "not ok $n - port id 2 reused on re-attach"; fail=1
fi
echo "1..$n"
[ $fail = 0 ] || { sed 's/^/# /' "$out"; exit 1; }
