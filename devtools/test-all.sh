#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Build the tree and run the whole test suite, the way CI does, on a fresh Debian 12 machine:
#   1. install the Debian packages the build and the tests need;
#   2. reserve 2 MB hugepages (as root) so the hugepage paths are tested too;
#   3. release build with -Werror, run every test;
#   4. debug build with AddressSanitizer and UBSan, run every test again;
# and print one line "N passed, N failed, N skipped" summing both runs. Exit status non-zero when
# anything failed. Build folders: build-ci and build-asan (override with BUILD_PREFIX).
set -u
cd "$(dirname "$0")/.."
top=$PWD
prefix=${BUILD_PREFIX:-$top/build}
jobs=$(nproc)

step() { printf '\n==== %s\n' "$*"; }

step "installing build dependencies"
if ! ENABLE_DOCS=1 sh devtools/install-deps.sh; then
	echo "dependency installation failed"
	echo "0 passed, 1 failed"
	exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
	step "installing the guest harness's packages (QEMU, guest kernel, igb_uio) for the PCI suite"
	sh devtools/vm/install-deps.sh ||
		echo "the guest harness's packages failed to install: the e1000 guest suite will fail"
fi

step "hugepages"
if [ "$(id -u)" -eq 0 ]; then
	sh devtools/setup-hugepages.sh 256 || echo "hugepages unavailable: hugepage tests will be skipped"
else
	echo "not root: hugepage tests will be skipped"
fi

logs=()
status=0

run_build() {
	local name=$1; shift
	local dir=${prefix}-$name
	step "configure $name: $*"
	rm -rf "$dir"
	if ! meson setup "$dir" "$@" >"$dir.setup.log" 2>&1; then
		cat "$dir.setup.log"
		echo "configure $name failed"
		status=1
		return 1
	fi
	step "build $name"
	if ! ninja -C "$dir" -j "$jobs"; then
		echo "build $name failed"
		status=1
		return 1
	fi
	step "test $name"
	meson test -C "$dir" --num-processes 1 --print-errorlogs --timeout-multiplier "${TIMEOUT_MULT:-1}" ||
		status=1
	logs+=("$name=$dir/meson-logs/testlog.json")
}

run_build ci -Dbuildtype=release -Dwerror=true -Denable_docs=true
if [ -f "${prefix}-ci/build.ninja" ]; then
	step "install test: external application with pkg-config"
	bash devtools/test-install.sh "${prefix}-ci" | tee "${prefix}-ci/install-test.tap" || status=1
	logs+=("install=${prefix}-ci/install-test.tap")
	step "DPDK 22.11 sample applications (dpdk-doc): build with their Makefiles, run on vdevs"
	bash devtools/test-examples.sh "${prefix}-ci" | tee "${prefix}-examples.tap"
	grep -q '^not ok' "${prefix}-examples.tap" && status=1
	logs+=("examples=${prefix}-examples.tap")
	step "ABI check: abidiff of every library against the last release"
	bash devtools/check-abi.sh "${prefix}-ci" | tee "${prefix}-abi.tap"
	grep -q '^not ok' "${prefix}-abi.tap" && status=1
	logs+=("abi=${prefix}-abi.tap")
fi
if [ "${SKIP_SANITIZERS:-0}" != 1 ]; then
	TIMEOUT_MULT=3 run_build asan -Dbuildtype=debug -Dwerror=true -Db_sanitize=address,undefined \
		-Db_lundef=false -Dcpu_instruction_set=generic
	if [ -f "${prefix}-asan/build.ninja" ]; then
		step "DPDK 22.11 sample applications again, built and run with the sanitizers"
		bash devtools/test-examples.sh "${prefix}-asan" | tee "${prefix}-examples-asan.tap"
		grep -q '^not ok' "${prefix}-examples-asan.tap" && status=1
		logs+=("examples-asan=${prefix}-examples-asan.tap")
	fi
fi

if [ "${SKIP_PACKAGES:-0}" != 1 ]; then
	step "Debian packages: build, lintian, install into a scratch root, build and run an example"
	INSTALL_DEPS=1 bash devtools/test-packages.sh 2>&1 | tee "${prefix}-packages.log"
	awk '/^(PASS|FAIL|SKIP): / { n++; kind = $1; sub(/^[A-Z]+: /, "");
		if (kind == "PASS:") printf "ok %d - %s\n", n, $0;
		else if (kind == "SKIP:") printf "ok %d - %s # SKIP\n", n, $0;
		else printf "not ok %d - %s\n", n, $0 }
		END { if (n == 0) print "not ok 1 - the package test printed no result" }' \
		"${prefix}-packages.log" > "${prefix}-packages.tap"
	grep -q '^not ok' "${prefix}-packages.tap" && status=1
	logs+=("packages=${prefix}-packages.tap")
fi

if [ "${SKIP_FUZZ:-0}" != 1 ]; then
	step "short fuzz run (libFuzzer, clang)"
	fuzz_tap=${prefix}-fuzz.tap
	FUZZ_BUILD=${prefix}-fuzz FUZZ_TARGETS="kvargs devargs pci_parse cmdline ip_frag" \
		sh devtools/fuzz-short.sh "${FUZZ_SECONDS:-15}" 2>&1 | tee "${prefix}-fuzz.log"
	awk '/^fuzz [a-z_]+: executions=/ { n++; ok = ($0 ~ /crashes=0 /) ? "ok" : "not ok";
		printf "%s %d - %s\n", ok, n, $0 }
		END { if (n == 0) print "not ok 1 - no fuzz target ran" }' \
		"${prefix}-fuzz.log" > "$fuzz_tap"
	grep -q '^not ok' "$fuzz_tap" && status=1
	logs+=("fuzz=$fuzz_tap")
fi

if [ "${SKIP_TSAN:-0}" != 1 ]; then
	step "readers and writers on two lcores under ThreadSanitizer (clang)"
	tsan_tap=${prefix}-tsan.tap
	TSAN_BUILD=${prefix}-tsan sh devtools/test-tsan.sh "${TSAN_SECONDS:-10}" 2>&1 |
		tee "${prefix}-tsan.log"
	awk '/^ok / { n++; $2 = n; print } /^not ok / { n++; $3 = n; print }
		END { if (n == 0) print "not ok 1 - the ThreadSanitizer run printed no result" }' \
		"${prefix}-tsan.log" > "$tsan_tap"
	grep -q '^not ok' "$tsan_tap" && status=1
	logs+=("tsan=$tsan_tap")
fi

step "summary"
if [ ${#logs[@]} -eq 0 ]; then
	echo "0 passed, 1 failed"
	exit 1
fi
/usr/bin/python3 devtools/ci-summary.py "${logs[@]}" || status=1
exit $status
