#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Build the libFuzzer targets of app/fuzz with clang and run each one for a while.
#   devtools/fuzz-short.sh [seconds per target, default 20]
# Environment: FUZZ_BUILD (build folder, default build-fuzz), FUZZ_RUNS (stop after that many
# executions instead of a time), FUZZ_TARGETS (default: every target).
# Prints one line per target:
#   fuzz <target>: executions=<n> crashes=<n> seconds=<n>
# and exits non-zero if a target crashed (the crashing input is kept in the build folder) or
# could not be built.
set -u
cd "$(dirname "$0")/.."
top=$PWD
secs=${1:-20}
build=${FUZZ_BUILD:-$top/build-fuzz}
targets=${FUZZ_TARGETS:-kvargs devargs pci_parse cmdline ip_frag gro gso}

if ! command -v clang >/dev/null 2>&1; then
	echo "fuzz: clang not found (apt-get install clang libclang-rt-14-dev)"
	exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
	CC=clang meson setup "$build" -Denable_fuzzers=true -Db_lundef=false \
		-Dtests=false -Dexamples=false >"$build.setup.log" 2>&1 ||
		{ cat "$build.setup.log"; echo "fuzz: configure failed"; exit 1; }
fi
for t in $targets; do
	ninja -C "$build" "app/fuzz/fuzz_$t" >/dev/null ||
		{ echo "fuzz: building fuzz_$t failed"; exit 1; }
done

status=0
for t in $targets; do
	work=$build/fuzz-$t
	mkdir -p "$work/corpus" "$work/artifacts"
	if [ -n "${FUZZ_RUNS:-}" ]; then
		limit="-runs=$FUZZ_RUNS"
	else
		limit="-max_total_time=$secs"
	fi
	touch "$work/stamp"
	start=$(date +%s)
	"$build/app/fuzz/fuzz_$t" $limit -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
		"$work/corpus" "$top/app/fuzz/corpus/$t" >"$work/log" 2>&1
	rc=$?
	end=$(date +%s)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
	crashes=$(find "$work/artifacts" -type f -newer "$work/stamp" 2>/dev/null | wc -l)
	if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then
		crashes=1
	fi
	echo "fuzz $t: executions=${execs:-0} crashes=$crashes seconds=$((end - start))"
	if [ "$crashes" -ne 0 ]; then
		status=1
		tail -40 "$work/log"
	fi
done
exit $status
