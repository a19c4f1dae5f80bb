#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Reserve N 2 MB hugepages (default 256) and mount hugetlbfs on /dev/hugepages if it is not
# mounted anywhere. Needs root. Exit 1 if no page could be reserved.
set -u
want=${1:-256}
nr=/proc/sys/vm/nr_hugepages
have=$(cat $nr 2>/dev/null || echo 0)
if [ "$have" -lt "$want" ]; then
	echo "$want" > $nr 2>/dev/null || true
fi
have=$(cat $nr 2>/dev/null || echo 0)
if ! grep -q '^[^ ]* [^ ]* hugetlbfs ' /proc/mounts; then
	mkdir -p /dev/hugepages
	mount -t hugetlbfs nodev /dev/hugepages 2>/dev/null || true
fi
free=$(awk '/HugePages_Free/ { print $2 }' /proc/meminfo)
echo "2 MB hugepages: $have reserved, $free free; mounts: $(awk '$3 == "hugetlbfs" { printf "%s ", $2 }' /proc/mounts)"
[ "$have" -gt 0 ]
