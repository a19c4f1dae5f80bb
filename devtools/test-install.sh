#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Install a configured build into a temporary prefix (and again with DESTDIR), then build an
# application outside the tree with pkg-config, shared and static, and run it without and with
# hugepages. Prints TAP ("ok N - ..." / "not ok N - ...").
# usage: test-install.sh BUILD_DIR
set -u
build=$(realpath "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/dpdk-install-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
n=0
fails=0
result() { # $1 = 0 for success, rest = description
	local rc=$1; shift
	n=$((n + 1))
	if [ "$rc" -eq 0 ]; then echo "ok $n - $*"; else echo "not ok $n - $*"; fails=$((fails + 1)); fi
}
skip() { n=$((n + 1)); echo "ok $n - $* # SKIP"; }

prefix=$work/prefix
meson configure "$build" --prefix="$prefix" >/dev/null 2>&1 && \
	meson install -C "$build" --quiet >"$work/install.log" 2>&1
result $? "meson install to a temporary prefix"
pcfile=$(find "$prefix" -name libdpdk.pc 2>/dev/null | head -n 1)
[ -n "$pcfile" ]
result $? "libdpdk.pc installed"
if [ -z "$pcfile" ]; then
	sed 's/^/# /' "$work/install.log" | tail -n 20
	echo "1..$n"
	exit 1
fi
pcdir=$(dirname "$pcfile")

# Only this tree: never fall back to another libdpdk.pc installed on the machine.
export PKG_CONFIG_PATH=$pcdir PKG_CONFIG_LIBDIR=$pcdir
src=$top/app/test/install/external_app.c
cc -Wall -Wextra -Werror -o "$work/app-shared" "$src" $(pkg-config --cflags --libs libdpdk) \
	>"$work/cc-shared.log" 2>&1
result $? "external app builds with pkg-config --cflags --libs libdpdk"
cc -Wall -Wextra -Werror -o "$work/app-static" "$src" \
	$(pkg-config --cflags --libs --static libdpdk) >"$work/cc-static.log" 2>&1
result $? "external app builds with pkg-config --static"
! ldd "$work/app-static" 2>/dev/null | grep -q librte_
result $? "static app does not load librte shared objects"

for kind in shared static; do
	env -u LD_LIBRARY_PATH "$work/app-$kind" --no-huge -l 0-1 --file-prefix=inst-$kind \
		>"$work/run-$kind.log" 2>&1 && grep -q "external app OK" "$work/run-$kind.log"
	result $? "$kind app runs with --no-huge -l 0-1"
	free=$(awk '/HugePages_Free/ { print $2 }' /proc/meminfo)
	if [ "${free:-0}" -gt 8 ] && grep -q hugetlbfs /proc/mounts; then
		env -u LD_LIBRARY_PATH "$work/app-$kind" -l 0-1 --file-prefix=inst-$kind \
			>"$work/run-huge-$kind.log" 2>&1 && grep -q "hugepages on" "$work/run-huge-$kind.log"
		result $? "$kind app runs with 2 MB hugepages -l 0-1"
	else
		skip "$kind app with hugepages: no free hugepages or no hugetlbfs mount"
	fi
done

# Drivers are found without -d: from the pmds folder (shared) or linked whole (static).
# A --vdev that no loaded driver knows makes rte_eal_init fail.
for kind in shared static; do
	for drv in net_null net_ring; do
		[ -n "$(find "$prefix" -name "librte_${drv}.so*" | head -n 1)" ] || continue
		env -u LD_LIBRARY_PATH "$work/app-$kind" --no-huge -l 0-1 --file-prefix=inst-$kind \
			--vdev "${drv}0" >"$work/run-vdev-$kind-$drv.log" 2>&1 &&
			grep -q "external app OK" "$work/run-vdev-$kind-$drv.log"
		result $? "$kind app finds driver $drv for --vdev ${drv}0 without -d"
	done
done

# A staged install (as packagers do): the same tree under DESTDIR.
dest=$work/dest
DESTDIR=$dest meson install -C "$build" --quiet >"$work/destdir.log" 2>&1 && \
	[ -f "$dest$prefix/include/dpdk/rte_eal.h" ] && \
	[ -n "$(find "$dest$prefix" -name libdpdk.pc)" ]
result $? "meson install with DESTDIR stages headers and libdpdk.pc"
if ls "$prefix"/lib*/*/dpdk/pmds-* >/dev/null 2>&1 || ls "$prefix"/lib*/dpdk/pmds-* >/dev/null 2>&1; then
	pmds=$(find "$prefix" -path '*dpdk/pmds-*' -name 'librte_*.so*' | wc -l)
	[ "$pmds" -gt 0 ]
	result $? "drivers linked into the pmds folder ($pmds)"
fi
for f in "$work"/*.log; do
	if grep -qiE 'error|fail' "$f"; then sed 's/^/# /' "$f" | head -n 20; fi
done
echo "1..$n"
[ "$fails" -eq 0 ]
