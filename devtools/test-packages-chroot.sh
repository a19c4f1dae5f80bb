#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Install the Debian packages of the tree into a fresh Debian 12 (bookworm) chroot with apt,
# the way a user gets them, and use them there:
#   1. a minimal chroot from mmdebstrap (build-essential and pkg-config added) with the host's
#      Debian apt sources, cached for a week in CHROOT_CACHE and used read-only under an
#      overlay, so a rerun starts from the same pristine tree in no time;
#   2. apt-get install of the .deb files: their dependencies come from the Debian mirror;
#   3. examples/helloworld (shared and static, cc with pkg-config) and examples/hotplug_fwd
#      (its Makefile) built in the chroot and run with --no-huge; the packaged dpdk-testpmd
#      forwards on a net_null port; the packaged Python tools run;
#   4. dpkg -L lists only files that exist; apt-get purge leaves none of them behind, and
#      autoremove brings the chroot back to its base packages.
# usage: test-packages-chroot.sh DEB...   (run as root)
# Prints one PASS/FAIL/SKIP line per check; exit status 1 if anything failed. A chroot that
# cannot be made because the mirror is unreachable is a SKIP with the reason, never a PASS.
# Environment: CHROOT_CACHE (default /var/cache/dpdk-hotplug-ci), CHROOT_MIRROR (an apt
# sources file or mirror URL for mmdebstrap), NODOC=1 (no documentation package: no manual
# pages expected), KEEP=1 (keep the chroot folder).
set -u
cd "$(dirname "$0")/.." || exit 1
top=$PWD
suite=bookworm
base_packages=build-essential,pkg-config
failed=0
start=$(date +%s)

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
skip() { echo "SKIP: $*"; }

scratch=""
root=""
mounts=()
# Unmount in reverse order, then delete the scratch folder only if nothing is mounted in it
# any more (rm --one-file-system as a second guard: never walk into the host's /dev or /sys)
# shellcheck disable=SC2317
cleanup() {
	local i
	for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
		umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null ||
			echo "warning: could not unmount ${mounts[i]}"
	done
	mounts=()
	[ -n "$scratch" ] && [ -d "$scratch" ] || return 0
	if grep -q " ${scratch}/" /proc/mounts; then
		echo "warning: mounts left under $scratch, not deleting it"
	elif [ "${KEEP:-0}" = 1 ]; then
		echo "chroot kept: $scratch"
	else
		rm -rf --one-file-system "$scratch"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
finish() {
	echo "chroot checks took $(($(date +%s) - start)) s"
	exit $((failed > 0))
}

if [ $# -eq 0 ]; then
	fail "test-packages-chroot.sh: no .deb given"
	finish
fi
if [ "$(id -u)" -ne 0 ]; then
	skip "install into a Debian 12 chroot: needs root (chroot, mount)"
	finish
fi
if ! command -v mmdebstrap >/dev/null; then
	skip "install into a Debian 12 chroot: mmdebstrap is not installed"
	finish
fi

# The host's Debian sources (same mirror, same snapshot), else Debian's default mirror
cache=${CHROOT_CACHE:-/var/cache/dpdk-hotplug-ci}
mkdir -p "$cache"
mirror=${CHROOT_MIRROR:-}
if [ -z "$mirror" ]; then
	if [ -f /etc/apt/sources.list.d/debian.sources ]; then
		mirror=/etc/apt/sources.list.d/debian.sources
	elif grep -qs "^deb .* $suite" /etc/apt/sources.list; then
		mirror=$cache/host-sources.list
		grep "^deb .* $suite" /etc/apt/sources.list >"$mirror"
	else
		mirror=http://deb.debian.org/debian
	fi
fi
key=$({ echo "$suite $base_packages"; [ -f "$mirror" ] && cat "$mirror" || echo "$mirror"; } |
	sha256sum | cut -c1-12)
base=$cache/$suite-$key
if [ -f "$base.done" ] && [ -n "$(find "$base.done" -mtime -7)" ]; then
	made="cached in $base"
else
	t0=$(date +%s)
	rm -rf --one-file-system "$base" "$base.done"
	if ! mmdebstrap --variant=apt --include="$base_packages" --skip=cleanup/apt/lists \
		"$suite" "$base" "$mirror" >"$cache/mmdebstrap.log" 2>&1; then
		rm -rf --one-file-system "$base"
		why=$(grep -m1 -E 'Failed to fetch|Could not resolve|Temporary failure|Unable to connect|Connection (failed|timed out)|Network is unreachable|No route to host' \
			"$cache/mmdebstrap.log" | sed "s/^ *//")
		if [ -n "$why" ]; then
			skip "install into a Debian 12 chroot: mmdebstrap cannot reach the mirror ($why)"
		else
			tail -20 "$cache/mmdebstrap.log"
			fail "mmdebstrap $suite (log $cache/mmdebstrap.log)"
		fi
		finish
	fi
	touch "$base.done"
	made="made by mmdebstrap in $(($(date +%s) - t0)) s"
fi

# The cached tree stays untouched: the chroot's changes go to an overlay's upper folder (a
# copy where overlayfs is not available)
scratch=$(mktemp -d /tmp/test-packages-chroot.XXXXXX)
root=$scratch/root
mkdir -p "$root" "$scratch/upper" "$scratch/work"
if mount -t overlay overlay -o "lowerdir=$base,upperdir=$scratch/upper,workdir=$scratch/work" \
	"$root" 2>/dev/null; then
	mounts+=("$root")
elif ! cp -a "$base/." "$root/"; then
	fail "copying the chroot $base"
	finish
fi
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null
apt-config dump | grep -i '^Acquire::[a-z]*::Proxy' >"$root/etc/apt/apt.conf.d/99host-proxy"
# /dev read-only: device nodes work, but nothing inside can create or delete the host's nodes
if ! { mount --bind /dev "$root/dev" && mounts+=("$root/dev") &&
	mount -o remount,bind,ro "$root/dev" &&
	mount -t proc proc "$root/proc" && mounts+=("$root/proc") &&
	mount -t sysfs -o ro sysfs "$root/sys" && mounts+=("$root/sys") &&
	mount -t tmpfs tmpfs "$root/tmp" && mounts+=("$root/tmp"); }; then
	fail "mounting /dev, /proc, /sys and /tmp in the chroot"
	finish
fi

# Run a shell command in the chroot, as root, with a plain environment
in_root() {
	chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
		DEBIAN_FRONTEND=noninteractive /bin/sh -c "$1"
}

mkdir -p "$root/tmp/debs" "$root/tmp/src"
names=""
for d in "$@"; do
	cp "$d" "$root/tmp/debs/"
	names="$names $(dpkg-deb -f "$d" Package)"
done
cp -r "$top/examples/helloworld/main.c" "$root/tmp/src/helloworld.c"
mkdir -p "$root/tmp/src/hotplug_fwd"
cp "$top/examples/hotplug_fwd/main.c" "$top/examples/hotplug_fwd/Makefile" \
	"$root/tmp/src/hotplug_fwd/"

in_root "dpkg-query -W -f '\${Package}\n'" | sort >"$scratch/base"
t0=$(date +%s)
if in_root "apt-get update -q && apt-get install -y -q --no-install-recommends /tmp/debs/*.deb" \
	>"$scratch/apt.log" 2>&1; then
	in_root "dpkg-query -W -f '\${Package}\n'" | sort >"$scratch/installed"
	deps=$(comm -13 "$scratch/base" "$scratch/installed" | grep -vxF -f <(echo "$names" | tr ' ' '\n' |
		sed '/^$/d') | tr '\n' ' ')
	pass "apt-get installed$names in a fresh $suite chroot ($made) in" \
		"$(($(date +%s) - t0)) s, with $(echo "$deps" | wc -w) dependencies from Debian: $deps"
else
	if grep -qE 'Failed to fetch|Temporary failure|Could not resolve|Unable to connect' \
		"$scratch/apt.log"; then
		skip "apt-get install in the chroot: mirror unreachable ($(grep -m1 -E \
			'Failed to fetch|Temporary failure|Could not resolve|Unable to connect' "$scratch/apt.log"))"
	else
		tail -20 "$scratch/apt.log"
		fail "apt-get install of the packages in the $suite chroot"
	fi
	finish
fi

for kind in shared static; do
	flags="--libs"
	[ $kind = static ] && flags="--static --libs"
	if in_root "cd /tmp/src && cc -O2 -o helloworld-$kind helloworld.c \
		\$(pkg-config --cflags libdpdk) \$(pkg-config $flags libdpdk)" >"$scratch/cc-$kind.log" 2>&1
	then
		pass "helloworld ($kind) built in the chroot with pkg-config libdpdk"
	else
		cat "$scratch/cc-$kind.log"
		fail "helloworld ($kind) built in the chroot with pkg-config libdpdk"
		continue
	fi
	if [ $kind = shared ]; then
		eal=$(in_root "ldd /tmp/src/helloworld-shared" | awk '/librte_eal.so/ { print $3 }')
		case "$eal" in
		/usr/lib/*/librte_eal.so.1 | /lib/*/librte_eal.so.1)
			pass "helloworld uses the installed $eal" ;;
		*) fail "helloworld uses librte_eal from '${eal:-nowhere}'" ;;
		esac
	fi
	out=$(in_root "timeout 60 /tmp/src/helloworld-$kind --no-huge -l 0-1 --in-memory" 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && echo "$out" | grep -q '^hello from lcore 0$' &&
			echo "$out" | grep -q '^hello from lcore 1$'; then
		pass "helloworld ($kind) ran in the chroot: both lcores said hello"
	else
		echo "$out" | tail -20
		fail "helloworld ($kind) in the chroot (exit status $rc)"
	fi
done

# The second example through its own Makefile; attach, list and detach ports while it runs
if in_root "make -C /tmp/src/hotplug_fwd" >"$scratch/make.log" 2>&1; then
	out=$(in_root "printf 'attach net_null2\nattach net_null3\nlist\ndetach 2\nlist\nquit\n' |
		timeout 60 /tmp/src/hotplug_fwd/build/hotplug_fwd --no-huge -l 0-1 --in-memory \
		--vdev net_null0 --vdev net_null1" 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && echo "$out" | grep -q '^attached net_null3: port 3 started' &&
			echo "$out" | grep -q '^detached port 2 (device net_null2)' &&
			echo "$out" | grep -q '^3 port(s)$' && echo "$out" | grep -q '^bye$'; then
		pass "hotplug_fwd built with make in the chroot: attached two net_null ports and" \
			"detached one while forwarding"
	else
		echo "$out" | tail -20
		fail "hotplug_fwd in the chroot (exit status $rc)"
	fi
else
	tail -20 "$scratch/make.log"
	fail "hotplug_fwd built with its Makefile in the chroot"
fi

# testpmd from the tools package, non-interactive: forwards until its input ends
out=$(in_root "sleep 1 | timeout 60 dpdk-testpmd --no-huge -l 0-1 --in-memory \
	--vdev net_null0 --" 2>&1)
rc=$?
rx=$(echo "$out" | awk '/Accumulated forward statistics/ { getline; print $2; exit }')
if [ $rc -eq 0 ] && [ "${rx:-0}" -gt 0 ] 2>/dev/null && echo "$out" | grep -q '^Bye\.\.\.$'; then
	pass "installed dpdk-testpmd forwarded $rx packets on net_null0 (found in pmds-1) and" \
		"exited cleanly"
else
	echo "$out" | tail -20
	fail "installed dpdk-testpmd --vdev net_null0 (exit status $rc)"
fi

if in_root "dpdk-pmdinfo.py /usr/lib/*/dpdk/pmds-1 && dpdk-hugepages.py --show &&
		dpdk-devbind.py --status" >"$scratch/tools.log" 2>&1; then
	pass "installed tools run with Debian's python3-pyelftools ($(grep -c '^Driver:' \
		"$scratch/tools.log") drivers listed by dpdk-pmdinfo.py)"
else
	tail -20 "$scratch/tools.log"
	fail "installed dpdk-pmdinfo.py, dpdk-hugepages.py, dpdk-devbind.py"
fi

if [ "${NODOC:-0}" != 1 ]; then
	missing=""
	for b in dpdk-testpmd dpdk-devbind.py dpdk-hugepages.py dpdk-pmdinfo.py; do
		[ -e "$root/usr/share/man/man1/$b.1.gz" ] || missing="$missing $b"
	done
	if [ -z "$missing" ]; then
		pass "manual pages installed for dpdk-testpmd and the three tools"
	else
		fail "no manual page for:$missing"
	fi
fi

# Every file dpkg lists exists, and none is left after a purge
in_root "dpkg -L$names" | sort -u >"$scratch/files"
absent=$(while read -r f; do [ -e "$root$f" ] || [ -L "$root$f" ] || echo "$f"; done \
	<"$scratch/files")
if [ -z "$absent" ]; then
	pass "dpkg -L: the $(wc -l <"$scratch/files") paths of$names all exist"
else
	fail "dpkg -L lists paths that do not exist: $(echo "$absent" | head -5 | tr '\n' ' ')"
fi
if in_root "apt-get purge -y -q$names && apt-get autoremove --purge -y -q" \
	>"$scratch/remove.log" 2>&1; then
	left=$(while read -r f; do
		if [ -L "$root$f" ] || [ -f "$root$f" ]; then echo "$f"; fi
	done <"$scratch/files")
	# Folders of the packages' own (not shared with the base system) must go too
	for d in /usr/include/dpdk /usr/share/doc/dpdk-hotplug-doc; do
		[ -e "$root$d" ] && left="$left $d"
	done
	ls -d "$root"/usr/lib/*/dpdk >/dev/null 2>&1 && left="$left /usr/lib/<triplet>/dpdk"
	in_root "dpkg-query -W -f '\${Package}\n'" | sort >"$scratch/after"
	extra=$(comm -3 "$scratch/base" "$scratch/after" | tr -d '\t' | tr '\n' ' ')
	if [ -z "$left" ] && [ -z "$extra" ]; then
		pass "apt-get purge and autoremove: no file of the packages left, the chroot is back" \
			"to its $(wc -l <"$scratch/base") base packages"
	else
		fail "removal left files:${left:- none}; packages differing from the base: ${extra:-none}"
	fi
else
	tail -20 "$scratch/remove.log"
	fail "apt-get purge$names in the chroot"
fi
finish
