# SPDX-License-Identifier: BSD-3-Clause
#
# Sourced by the host side of the guest suites. The guest prints "TAP ok - NAME" or
# "TAP not ok - NAME" per check; relay_guest_tap numbers them into TAP lines (counter: n),
# turns every other line into a TAP comment, and fails each expected check the guest never
# reported (it crashed or timed out).
#   relay_guest_tap OUTPUT_FILE GUEST_EXIT_STATUS EXPECTED_NAME...
relay_guest_tap() {
	local out=$1 rc=$2 line res name found r why
	shift 2
	local reported=()
	while IFS= read -r line; do
		case $line in
		"TAP ok - "*|"TAP not ok - "*)
			res=${line#TAP }
			n=$((n + 1))
			echo "${res%% - *} $n - ${res#* - }"
			# a skipped check is reported under its name, without the reason
			reported+=("${res#* - }")
			reported[-1]=${reported[-1]%% # SKIP*}
			;;
		*)
			echo "# $line"
			;;
		esac
	done <"$out"
	# why the guest stopped early, for the summary: QEMU's end, or the last console line
	why=$(sed -n '/^  qemu: /d; s/^dpdk-vm: \(QMP closed.*QEMU exit status.*\)/\1/p; s/^  //p' "$out" |
		tail -n 1 | cut -c1-100)
	for name in "$@"; do
		found=0
		for r in "${reported[@]}"; do [ "$r" = "$name" ] && found=1; done
		if [ $found = 0 ]; then
			n=$((n + 1))
			echo "not ok $n - $name (not reported, guest exit status $rc${why:+; last: $why})"
		fi
	done
}

# run_guest OUTPUT_FILE DPDK_VM_ARG...: dpdk-vm.py with its output in OUTPUT_FILE; returns its
# exit status. A guest that ends without an exit status (125: its kernel or QEMU died under
# it) is booted once more, after the first attempt's output as TAP comments: one crash of the
# emulated machine does not fail every check it had not reached, a second one does.
run_guest() {
	local out=$1 rc
	shift
	python3 "$vm" "$@" >"$out" 2>&1
	rc=$?
	[ $rc = 125 ] || return $rc
	echo "# the guest ended without an exit status; what it printed, then its console:"
	sed 's/^/#   /' "$out"
	echo "# booting the guest once more"
	python3 "$vm" "$@" >"$out" 2>&1
}

# guest_binaries ROOT CPU_SET BUILDTYPE SANITIZE NAME VAR...: a build for the host's CPU does
# not run on QEMU's emulated one, so unless the build is generic or the guest runs on KVM, the
# binaries the variables VAR name (paths under the build folder ROOT) are built again for
# generic x86-64 in ROOT/guest-generic and the variables point there. Uses $vm and $top; the
# build's output goes to ROOT/guest-generic.NAME.log (LOG). Returns 1 when that build failed.
guest_binaries() {
	local root=$1 cpu_set=$2 buildtype=$3 san=$4 name=$5 accel gb v targets=()
	shift 5
	accel=$(python3 "$vm" --print-accel)
	if [ "$cpu_set" = generic ] || [ "$accel" = kvm ]; then
		return 0
	fi
	gb=$root/guest-generic
	LOG=$gb.$name.log
	echo "# the build targets '$cpu_set' and the guest runs on QEMU's CPU ($accel):" \
		"building the guest's binaries for generic x86-64 in $gb"
	for v in "$@"; do targets+=("${!v#"$root"/}"); done
	if { [ -f "$gb/build.ninja" ] ||
			meson setup "$gb" "$top" -Dcpu_instruction_set=generic \
				-Dbuildtype="$buildtype" -Db_sanitize="$san" \
				-Db_lundef=false -Dexamples=false -Denable_docs=false; } >"$LOG" 2>&1 &&
			ninja -C "$gb" "${targets[@]}" >>"$LOG" 2>&1; then
		for v in "$@"; do printf -v "$v" '%s' "$gb/${!v#"$root"/}"; done
		return 0
	fi
	sed 's/^/# /' "$LOG" | tail -20
	return 1
}

# guest_sanitizer_env SANITIZE: env_args, the dpdk-vm.py --env options that carry the
# sanitizers' settings into the guest. testpmd runs under stdbuf, whose LD_PRELOAD library comes
# before ASan's runtime: harmless (it only sets stdio buffering), but ASan refuses to start
# unless told so.
guest_sanitizer_env() {
	local v
	env_args=()
	[ "$1" != none ] || return 0
	env_args+=(--env "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0")
	for v in UBSAN_OPTIONS LSAN_OPTIONS; do
		[ -n "${!v:-}" ] && env_args+=(--env "$v=${!v}")
	done
	return 0
}
