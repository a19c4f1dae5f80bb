#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Build app/test/concurrency with ThreadSanitizer (clang) and run it: lock-free hash readers
# and RCU-protected LPM lookups on one lcore while the other lcore writes.
#   devtools/test-tsan.sh [seconds per case, default 10]
# Environment: TSAN_BUILD (build folder, default build-tsan).
# Prints the program's TAP lines, then one more: whether ThreadSanitizer reported anything.
# Exits non-zero when a case failed, a report was made, or the program could not be built.
set -u
cd "$(dirname "$0")/.."
secs=${1:-10}
build=${TSAN_BUILD:-$PWD/build-tsan}
target=app/test/concurrency/test_concurrency

if ! command -v clang >/dev/null 2>&1; then
	echo "not ok 1 - clang not found (apt-get install clang)"
	exit 1
fi
# clang rather than gcc: gcc refuses atomic fences under -fsanitize=thread. Warnings are the
# release and sanitizer builds' business; this one looks for races only.
if [ ! -f "$build/build.ninja" ]; then
	CC=clang meson setup "$build" -Db_sanitize=thread -Dbuildtype=debugoptimized \
		-Db_lundef=false -Dwerror=false -Dcpu_instruction_set=generic \
		>"$build.setup.log" 2>&1 ||
		{ cat "$build.setup.log"; echo "not ok 1 - configure failed"; exit 1; }
fi
if ! ninja -C "$build" "$target" >"$build.build.log" 2>&1; then
	tail -30 "$build.build.log"
	echo "not ok 1 - build failed"
	exit 1
fi

log=$build/tsan.log
STRESS_SECONDS=$secs CMOCKA_MESSAGE_OUTPUT=TAP TSAN_OPTIONS="halt_on_error=0 exitcode=66" \
	"$build/$target" >"$log" 2>&1
rc=$?
grep -E '^(ok|not ok|#)' "$log" | grep -v '^# ok - \|^# not ok - '
reports=$(grep -c '^WARNING: ThreadSanitizer' "$log")
n=$(grep -c '^\(ok\|not ok\) ' "$log")
if [ "$reports" -eq 0 ]; then
	echo "ok $((n + 1)) - ThreadSanitizer: no report"
else
	grep -A 14 '^WARNING: ThreadSanitizer' "$log" | head -60
	echo "not ok $((n + 1)) - ThreadSanitizer: $reports reports (see $log)"
	rc=1
fi
exit $rc
