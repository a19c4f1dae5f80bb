#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Build the Debian packages of the tree and check them the way a user would meet them:
#   1. dpkg-buildpackage -b -us -uc on a copy of the tree (the tree itself stays clean);
#   2. lintian: no error;
#   3. unpack every package into a fresh prefix with dpkg -x (the -dev package conflicts with
#      Debian's libdpdk-dev, which may be installed here, so nothing is installed system-wide);
#   4. build examples/helloworld against the unpacked -dev package with pkg-config, shared and
#      static, check it uses the packaged libraries, and run it with --no-huge -l 0-1;
#   5. run the packaged tools;
#   6. as root: install them with apt into a fresh Debian 12 chroot and use them there, then
#      remove them (devtools/test-packages-chroot.sh; CHROOT=0 leaves this out).
# Prints one PASS/FAIL line per check and "N passed, N failed" at the end; exit status 1 when
# anything failed.
#
# Environment: NODOC=1 builds without the documentation package (build profile nodoc);
# PKG_SRC=HEAD packages the last commit instead of the working tree; KEEP=1 keeps the work
# folder (printed at the start); INSTALL_DEPS=0 skips installing the build dependencies.
set -u
cd "$(dirname "$0")/.."
top=$PWD
work=$(mktemp -d /tmp/test-packages.XXXXXX)
passed=0
failed=0
start=$(date +%s)

skipped=0

pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
skip() { echo "SKIP: $*"; skipped=$((skipped + 1)); }
finish() {
	echo "packages checked in $(($(date +%s) - start)) s (work folder $work)"
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "${KEEP:-0}" = 1 ] || rm -rf "$work"
	[ "$failed" -eq 0 ]
	exit $?
}

echo "work folder: $work"
profile=""
extra="debhelper dpkg-dev lintian mmdebstrap"
if [ "${NODOC:-0}" = 1 ]; then
	profile="-Pnodoc"
else
	extra="$extra python3-sphinx sphinx-common doxygen"
fi
if [ "${INSTALL_DEPS:-1}" = 1 ]; then
	if ! EXTRA_PACKAGES="$extra" sh devtools/install-deps.sh; then
		fail "installing the packaging tools ($extra)"
		finish
	fi
fi

# A copy of the sources: dpkg-buildpackage writes into the tree and beside it
mkdir -p "$work/src"
if [ "${PKG_SRC:-}" = HEAD ]; then
	git archive HEAD | tar -x -C "$work/src"
else
	git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
		tar --null -T - -cf - | tar -x -C "$work/src"
fi

t0=$(date +%s)
if (cd "$work/src" && dpkg-buildpackage -b -us -uc $profile) >"$work/build.log" 2>&1; then
	debs=$(ls "$work"/*.deb | grep -v -- -dbgsym_)
	pass "dpkg-buildpackage -b -us -uc $profile: $(echo "$debs" | wc -l) packages in" \
		"$(($(date +%s) - t0)) s"
else
	tail -40 "$work/build.log"
	fail "dpkg-buildpackage -b -us -uc $profile (log: $work/build.log)"
	finish
fi

lintian "$work"/*.changes >"$work/lintian.log" 2>&1
errors=$(grep -c '^E:' "$work/lintian.log")
warnings=$(grep -c '^W:' "$work/lintian.log")
if [ "$errors" -eq 0 ]; then
	pass "lintian: $errors errors, $warnings warnings"
else
	grep '^E:' "$work/lintian.log"
	fail "lintian: $errors errors, $warnings warnings"
fi

root="$work/root"
mkdir -p "$root"
for d in $debs; do
	dpkg -x "$d" "$root" || fail "dpkg -x $(basename "$d")"
done
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
libdir="$root/usr/lib/$multiarch"
missing=""
for f in "$libdir/librte_eal.so.1" "$libdir/librte_eal.so" "$libdir/librte_eal.a" \
	"$libdir/pkgconfig/libdpdk.pc" "$root/usr/include/dpdk/rte_eal.h" \
	"$libdir/dpdk/pmds-1" "$root/usr/bin/dpdk-devbind.py" "$root/usr/bin/dpdk-pmdinfo.py" \
	"$root/usr/bin/dpdk-hugepages.py"; do
	[ -e "$f" ] || missing="$missing ${f#"$root"}"
done
if [ -z "$missing" ]; then
	pass "packages unpacked with the expected files"
else
	fail "files missing from the packages:$missing"
fi

# pkg-config of the unpacked prefix only: the sysroot rewrites /usr/... into the prefix, and
# the prefix's .pc files come before any installed Debian DPDK
export PKG_CONFIG_PATH="$libdir/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$root"
app="$work/helloworld"
src="$top/examples/helloworld/main.c"
for kind in shared static; do
	flags="--libs"
	[ $kind = static ] && flags="--static --libs"
	# shellcheck disable=SC2046,SC2086
	if cc -O2 -o "$app-$kind" "$src" $(pkg-config --cflags libdpdk) \
		$(pkg-config $flags libdpdk) >"$work/cc-$kind.log" 2>&1; then
		pass "helloworld built against the -dev package ($kind)"
	else
		cat "$work/cc-$kind.log"
		fail "helloworld built against the -dev package ($kind)"
		continue
	fi
	if [ $kind = shared ]; then
		eal=$(LD_LIBRARY_PATH="$libdir" ldd "$app-$kind" | awk '/librte_eal.so/ { print $3 }')
		if [ "$eal" = "$libdir/librte_eal.so.1" ]; then
			pass "helloworld uses the packaged librte_eal.so.1"
		else
			fail "helloworld uses librte_eal from '${eal:-nowhere}', not $libdir"
		fi
	fi
	out=$(LD_LIBRARY_PATH="$libdir" timeout 60 "$app-$kind" --no-huge -l 0-1 \
		--file-prefix "test-packages-$$-$kind" 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && echo "$out" | grep -q '^hello from lcore 0$' &&
			echo "$out" | grep -q '^hello from lcore 1$'; then
		pass "helloworld ($kind) --no-huge -l 0-1: both lcores said hello"
	else
		echo "$out" | tail -20
		fail "helloworld ($kind) --no-huge -l 0-1 (exit status $rc)"
	fi
done

if /usr/bin/python3 "$root/usr/bin/dpdk-pmdinfo.py" "$libdir/dpdk/pmds-1" >"$work/pmdinfo.log" 2>&1 &&
		/usr/bin/python3 "$root/usr/bin/dpdk-hugepages.py" --show >/dev/null 2>&1 &&
		/usr/bin/python3 "$root/usr/bin/dpdk-devbind.py" --status >/dev/null 2>&1; then
	pass "packaged tools run ($(grep -c '^Driver:' "$work/pmdinfo.log") drivers listed by" \
		"dpdk-pmdinfo.py in pmds-1)"
else
	cat "$work/pmdinfo.log"
	fail "packaged tools run"
fi

# The packaged testpmd must find the packaged drivers through the pmds folder by itself
testpmd="$root/usr/bin/dpdk-testpmd"
if [ ! -x "$testpmd" ] || [ ! -e "$libdir/dpdk/pmds-1/librte_net_null.so.1" ]; then
	skip "packaged dpdk-testpmd with net_null ports (testpmd or net_null not packaged)"
else
	out=$(printf 'show port summary all\nquit\n' | LD_LIBRARY_PATH="$libdir" timeout 60 \
		"$testpmd" --no-huge -l 0-1 --in-memory --vdev net_null0 --vdev net_null1 -- -i 2>&1)
	if echo "$out" | grep -q '^Number of available ports: 2$'; then
		pass "packaged dpdk-testpmd loaded net_null from pmds-1 and showed 2 ports"
	else
		echo "$out" | tail -20
		fail "packaged dpdk-testpmd with two net_null ports"
	fi
fi

if [ "${NODOC:-0}" != 1 ]; then
	docdir="$root/usr/share/doc/dpdk-hotplug-doc"
	if [ -f "$docdir/guides/html/index.html" ] && [ -f "$docdir/api/html/index.html" ]; then
		pass "doc package: $(find "$docdir/guides/html" -name '*.html' | wc -l) guide pages" \
			"and the API reference"
	else
		fail "doc package lacks the guides or the API reference"
	fi
fi

if [ "${CHROOT:-1}" = 1 ]; then
	# shellcheck disable=SC2086
	while IFS= read -r line; do
		echo "$line"
		case "$line" in
		PASS:*) passed=$((passed + 1)) ;;
		FAIL:*) failed=$((failed + 1)) ;;
		SKIP:*) skipped=$((skipped + 1)) ;;
		esac
	done < <(NODOC=${NODOC:-0} bash devtools/test-packages-chroot.sh $debs 2>&1)
fi
finish
