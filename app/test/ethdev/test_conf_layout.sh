#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# usage: test_conf_layout.sh OURS DPDK: both print the layout of rte_eth_conf; one TAP line
# per program run, one for the comparison.
ours=$("$1") ; rc_ours=$?
ref=$("$2") ; rc_ref=$?
echo "1..3"
[ $rc_ours -eq 0 ] && echo "ok 1 - layout printed with this tree's headers" ||
	echo "not ok 1 - layout printed with this tree's headers"
[ $rc_ref -eq 0 ] && echo "ok 2 - layout printed with DPDK 22.11's headers" ||
	echo "not ok 2 - layout printed with DPDK 22.11's headers"
if [ "$ours" = "$ref" ] && [ -n "$ours" ]; then
	echo "ok 3 - rte_eth_conf and the VMDq/DCB structures match DPDK 22.11 member by member"
else
	echo "not ok 3 - layouts differ (< this tree, > DPDK 22.11):"
	printf '%s\n' "$ours" > "${TMPDIR:-/tmp}/layout-ours.$$"
	printf '%s\n' "$ref" > "${TMPDIR:-/tmp}/layout-ref.$$"
	diff "${TMPDIR:-/tmp}/layout-ours.$$" "${TMPDIR:-/tmp}/layout-ref.$$" | sed 's/^/# /'
	rm -f "${TMPDIR:-/tmp}/layout-ours.$$" "${TMPDIR:-/tmp}/layout-ref.$$"
fi
