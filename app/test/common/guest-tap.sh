# SPDX-License-Identifier: BSD-3-Clause
#
# Sourced by the host side of the guest suites. The guest prints "TAP ok - NAME" or
# "TAP not ok - NAME" per check; relay_guest_tap numbers them into TAP lines (counter: n),
# turns every other line into a TAP comment, and fails each expected check the guest never
# reported (it crashed or timed out).
#   relay_guest_tap OUTPUT_FILE GUEST_EXIT_STATUS EXPECTED_NAME...
relay_guest_tap() {
	local out=$1 rc=$2 line res name found r
	shift 2
	local reported=()
	while IFS= read -r line; do
		case $line in
		"TAP ok - "*|"TAP not ok - "*)
			res=${line#TAP }
			n=$((n + 1))
			echo "${res%% - *} $n - ${res#* - }"
			reported+=("${res#* - }")
			;;
		*)
			echo "# $line"
			;;
		esac
	done <"$out"
	for name in "$@"; do
		found=0
		for r in "${reported[@]}"; do [ "$r" = "$name" ] && found=1; done
		if [ $found = 0 ]; then
			n=$((n + 1))
			echo "not ok $n - $name (not reported, guest exit status $rc)"
		fi
	done
}
