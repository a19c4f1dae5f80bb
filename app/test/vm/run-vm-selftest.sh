#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Host side of the harness self-test: option errors, then one guest running
# guest-vm-selftest.sh (bindings, hotplug of each NIC model, refused requests, its exit status
# passed back), then two guests stopped by --timeout: one before its command starts, one whose
# command runs on and which must report its kernel log first. Prints TAP.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=${VM_SOURCE_ROOT:-$(cd "$here/../../.." && pwd)}
vm=$top/devtools/vm/dpdk-vm.py
. "$top/app/test/common/guest-tap.sh"
n=0
tap() { # ok|fail DESCRIPTION
	n=$((n + 1))
	if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
check() { local d=$1; shift; if "$@"; then tap ok "$d"; else tap fail "$d"; fi; }
# refused: exit status 2 and one line naming the problem
refused() { # PATTERN ARGS...
	local pat=$1 out rc; shift
	out=$(python3 "$vm" "$@" 2>&1); rc=$?
	echo "$out" | sed 's/^/# /' | tail -2
	[ $rc = 2 ] && echo "$out" | grep -q -- "$pat"
}

check "no command: refused" refused "no COMMAND" --nics 1
check "11 NICs: refused" refused "nics must be" --nics 11 -- true
check "vfio-pci without the IOMMU: refused" refused "needs --iommu on" --bind vfio-pci \
	--iommu off -- true
check "unknown NIC model: refused" refused "invalid choice" --nic-model rtl8139 -- true
check "--env without a value: refused" refused "K=V" --env FOO -- true

skip=
if [ "$(id -u)" -ne 0 ]; then
	skip="not root"
elif ! command -v qemu-system-x86_64 >/dev/null; then
	skip="qemu-system-x86_64 not installed (as root: devtools/vm/install-deps.sh)"
fi
guest_checks=(
	"boot NICs bound to vfio-pci, e1000e ids, PCI addresses in VM_NIC0/1"
	"hot-added e1000 bound to vfio-pci at VM_HP0"
	"hot-added NIC removed by unplug"
	"hot-added modern virtio-net (1af4:1041) behind the IOMMU, bound to vfio-pci"
	"unplug nowait, then wait-deleted"
	"hot-added transitional virtio-net (1af4:1000) rebound to uio_pci_generic"
	"hotplug into a slot that does not exist refused"
	"hotplug of an unknown model refused"
	"unplug of an empty slot refused"
	"a QMP command answered"
	"the host's /tmp is seen in the guest, and guest writes stay there"
)
if [ -n "$skip" ]; then
	for d in "${guest_checks[@]}" "the command's exit status comes back" \
			"a guest past its --timeout is stopped, exit status 124" \
			"a command past its --timeout: the guest's kernel log and the QMP log printed"; do
		n=$((n + 1)); echo "ok $n - $d # SKIP $skip"
	done
	echo "1..$n"
	exit 0
fi

out=$(mktemp)
host_tmp=$(mktemp -d /tmp/vm-selftest.XXXXXX)
echo "host-$$" > "$host_tmp/mark"
python3 "$vm" --nics 2 --hotplug-slots 1 --nic-model e1000e --bind vfio-pci --timeout 300 \
	--env VM_SELFTEST_TMP="$host_tmp" --env VM_SELFTEST_MARK="host-$$" \
	-- "$here/guest-vm-selftest.sh" >"$out" 2>&1
rc=$?
[ -e "$host_tmp/guest-wrote" ] && echo "TAP not ok - a guest write reached the host's /tmp" >>"$out"
rm -rf "$host_tmp"
relay_guest_tap "$out" $rc "${guest_checks[@]}"
rm -f "$out"
check "the command's exit status comes back (got $rc, want 3)" [ "$rc" = 3 ]

t=$SECONDS
python3 "$vm" --nics 0 --hotplug-slots 0 --timeout 5 -- sleep 600 2>&1 | sed 's/^/# /'
rc=${PIPESTATUS[0]}
check "a guest past its --timeout is stopped, exit status 124 (got $rc after $((SECONDS - t)) s)" \
	[ "$rc" = 124 ] && [ $((SECONDS - t)) -lt 30 ]

# a command still running at the timeout: before stopping the guest, the harness asks it for
# its kernel log (blocked tasks included) and prints it with the end of its QMP log
t=$SECONDS
out=$(python3 "$vm" --nics 0 --hotplug-slots 0 --timeout 45 -- sleep 600 2>&1)
rc=$?
echo "$out" | grep -v '^  guest kernel: ' | sed 's/^/# /'
echo "$out" | grep -m1 'sysrq: Show Blocked State' | sed 's/^/# /'
check "a command past its --timeout: the guest's kernel log and the QMP log printed (got $rc \
after $((SECONDS - t)) s)" eval '[ "$rc" = 124 ] && [ $((SECONDS - t)) -lt 75 ] &&
	echo "$out" | grep -q "^  guest kernel: .*sysrq: Show Blocked State" &&
	echo "$out" | grep -q "^  host: .*timeout: the guest wrote its kernel log"'
echo "1..$n"
