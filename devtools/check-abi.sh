#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Compare the ABI of every shared library and driver of a build with the last release:
#   check-abi.sh BUILD_DIR            one TAP line per librte_*.so.<abi> (see below)
#   check-abi.sh --dump-ref TAG       write the ABI dumps of TAG to devtools/abi/TAG/
#
# The reference is the newest tag v* reachable from HEAD: its sources (git archive) are built
# into a scratch folder, libraries and drivers only, with the limits (max_lcores, ...) of
# BUILD_DIR, and dumped with abidw. A clone without tags uses the dumps committed under
# devtools/abi/<tag>/ instead. With neither, the check is skipped and says why.
#
# Only types declared in the installed public headers count (abidw --headers-dir on each
# side's headers, private types dropped). For each library present in the reference:
#   ok      ABI unchanged, or only functions/variables added (the additions are listed);
#   not ok  a symbol removed or a public type or signature changed (abidiff's report
#           follows as "# " lines), a library missing from BUILD_DIR, or abidiff failed.
# Reviewed exceptions go to devtools/libabigail.abignore (abidiff suppression syntax).
# BUILD_DIR needs debug information (any build with -g: debug, debugoptimized, -Ddebug=true);
# without it the sources of BUILD_DIR are built once more in the scratch folder.
#
# Environment: ABI_REF=dumps uses the committed dumps even when the tag is there;
# KEEP=1 keeps the scratch folder; JOBS (default 2) for ninja.
set -u
cd "$(dirname "$0")/.." || exit 1
top=$PWD
jobs=${JOBS:-2}
python=/usr/bin/python3
suppr=$top/devtools/libabigail.abignore
dump_root=$top/devtools/abi
# abidw options shared by every dump: public types only, no host paths in the output
abidw_opts="--drop-private-types --no-corpus-path --no-comp-dir-path --short-locs
	--no-elf-needed --no-architecture --type-id-style hash --exported-interfaces-only"
# Options that change types or table sizes: the reference is built with the same values
abi_options="max_lcores max_numa_nodes max_ethports"

n=0
bad=0
work=""
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); bad=$((bad + 1)); echo "not ok $n - $*"; }
note() { echo "# $*"; }
cleanup() {
	if [ -n "$work" ]; then
		if [ "${KEEP:-0}" = 1 ]; then note "scratch folder kept: $work"; else rm -rf "$work"; fi
	fi
}
trap cleanup EXIT
skip_all() {
	echo "ok 1 - abidiff against the last release # SKIP $*"
	echo "1..1"
	echo "SKIPPED: $*" >&2
	exit 0
}

# Values of the ABI-relevant options of a configured build, as meson -D arguments
build_options() {
	meson introspect --buildoptions "$1" | $python -c '
import json, sys
wanted = sys.argv[1].split()
for o in json.load(sys.stdin):
    if o["name"] in wanted:
        print("-D%s=%s" % (o["name"], o["value"]))' "$abi_options"
}

# Configure and build only the shared libraries and drivers of the sources in $1 into $2
build_libs() {
	local src=$1 dir=$2 log=$2.log
	shift 2
	if ! meson setup "$dir" "$src" -Dbuildtype=debug -Dtests=false -Dexamples=false \
		-Denable_docs=false -Denable_fuzzers=false -Dcpu_instruction_set=generic "$@" \
		>"$log" 2>&1; then
		tail -20 "$log" | sed 's/^/# /'
		return 1
	fi
	local targets
	targets=$(meson introspect --targets "$dir" | $python -c '
import json, os, sys
top = sys.argv[1]
for t in json.load(sys.stdin):
    if t["type"] == "shared library" and t["name"].startswith("rte_"):
        for f in t["filename"]:
            print(os.path.relpath(f, top))' "$dir")
	# shellcheck disable=SC2086
	if ! ninja -C "$dir" -j "$jobs" $targets >>"$log" 2>&1; then
		tail -20 "$log" | sed 's/^/# /'
		return 1
	fi
}

# The shared libraries (real files, not links) and the public headers meson installs for a
# build: "lib <path>" and "hdr <path>" lines
installed_files() {
	meson introspect --installed "$1" | $python -c '
import json, re, sys
for built, dest in sorted(json.load(sys.stdin).items()):
    if re.search(r"/librte_[a-z0-9_]+\.so\.[0-9]+\.[0-9]+$", dest):
        print("lib", built)
    elif "/include/dpdk/" in dest and dest.endswith(".h"):
        print("hdr", built)'
}

# Dump every library of build $1 to $2/<soname-less name>.abi, headers collected in $2.hdr
dump_build() {
	local build=$1 out=$2 kind path lib base
	mkdir -p "$out" "$out.hdr"
	installed_files "$build" >"$out.files"
	while read -r kind path; do
		[ "$kind" = hdr ] && ln -sf "$path" "$out.hdr/$(basename "$path")"
	done <"$out.files"
	while read -r kind lib; do
		[ "$kind" = lib ] || continue
		base=$(basename "$lib")
		base=${base%%.so.*}
		# shellcheck disable=SC2086
		if ! abidw $abidw_opts --headers-dir "$out.hdr" --out-file "$out/$base.abi" \
			"$lib" >"$out/$base.abidw.log" 2>&1; then
			sed 's/^/# /' "$out/$base.abidw.log"
			notok "$base: abidw failed on $lib"
		fi
	done <"$out.files"
}

has_debug_info() {
	local lib
	# awk reads to the end: leaving early would break the pipe under the listing's writer
	lib=$(installed_files "$1" | awk '$1 == "lib" && !found { print $2; found = 1 }')
	[ -n "$lib" ] && [ -e "$lib" ] && readelf -S "$lib" 2>/dev/null | grep -q '\.debug_info'
}

if ! command -v abidw >/dev/null || ! command -v abidiff >/dev/null; then
	skip_all "abidw/abidiff not installed (Debian package abigail-tools)"
fi
work=$(mktemp -d /tmp/check-abi.XXXXXX)

if [ "${1:-}" = --dump-ref ]; then
	tag=${2:?usage: check-abi.sh --dump-ref TAG}
	dest=$dump_root/$tag
	mkdir -p "$work/src"
	git archive "$tag" | tar -x -C "$work/src" || exit 1
	build_libs "$work/src" "$work/build" || exit 1
	dump_build "$work/build" "$work/dump"
	[ "$bad" -eq 0 ] || exit 1
	rm -rf "$dest"
	mkdir -p "$dest"
	cp "$work"/dump/*.abi "$dest/"
	build_options "$work/build" >"$dest/build-options"
	echo "$(find "$dest" -name "*.abi" | wc -l) dumps of $tag ($(git rev-parse "$tag^{commit}")) in $dest"
	exit 0
fi

build=${1:?usage: check-abi.sh BUILD_DIR | --dump-ref TAG}
build=$(cd "$build" 2>/dev/null && pwd) || { notok "no build folder $1"; exit 1; }
if [ ! -f "$build/meson-info/intro-buildoptions.json" ]; then
	notok "$build is not a configured meson build"
	exit 1
fi
start=$(date +%s)
opts=$(build_options "$build")

# The reference: the last release tag, else its committed dumps
tag=$(git describe --tags --abbrev=0 --match 'v*' HEAD 2>/dev/null)
ref_dir=""
if [ -n "$tag" ] && [ "${ABI_REF:-}" != dumps ]; then
	note "reference: tag $tag ($(git rev-parse --short "$tag^{commit}")), built from git archive"
	mkdir -p "$work/ref-src"
	if ! git archive "$tag" | tar -x -C "$work/ref-src"; then
		notok "git archive $tag failed"
		exit 1
	fi
	# shellcheck disable=SC2086
	if ! build_libs "$work/ref-src" "$work/ref-build" $opts; then
		notok "building the libraries of $tag failed (log $work/ref-build.log)"
		KEEP=1
		exit 1
	fi
	dump_build "$work/ref-build" "$work/ref"
	ref_dir=$work/ref
	ref_name=$tag
else
	if [ -n "$tag" ]; then
		pick=$tag
	else
		pick=$(find "$dump_root" -mindepth 1 -maxdepth 1 -name 'v*' -printf '%f\n' 2>/dev/null |
			sort -V | tail -1)
	fi
	if [ -z "$pick" ] || ! ls "$dump_root/$pick"/*.abi >/dev/null 2>&1; then
		if [ -n "$tag" ]; then
			skip_all "ABI_REF=dumps but no dumps of $tag under devtools/abi/$tag/"
		fi
		skip_all "no release tag reachable from HEAD and no ABI dumps under devtools/abi/"
	fi
	ref_dir=$dump_root/$pick
	ref_name="$pick (committed dumps)"
	if [ -z "$tag" ]; then
		why="no tag v* in this clone"
	else
		why="ABI_REF=dumps"
	fi
	note "reference: dumps of $pick in devtools/abi/$pick/ ($why)"
	if [ "$(cat "$ref_dir/build-options")" != "$opts" ]; then
		note "the dumps were made with $(tr '\n' ' ' <"$ref_dir/build-options")but" \
			"$build has $(echo "$opts" | tr '\n' ' ')so array sizes may differ"
	fi
fi

# The build under test: its own libraries if they carry DWARF, else its sources built again
if has_debug_info "$build"; then
	head_build=$build
	note "build under test: $build"
else
	src=$($python -c 'import json, sys; print(json.load(open(sys.argv[1]))["directories"]["source"])' \
		"$build/meson-info/meson-info.json")
	note "build under test: $build has no debug information; its sources ($src) are built" \
		"with -g in the scratch folder"
	# shellcheck disable=SC2086
	if ! build_libs "$src" "$work/head-build" $opts; then
		notok "building the libraries of $src failed (log $work/head-build.log)"
		KEEP=1
		exit 1
	fi
	head_build=$work/head-build
fi
dump_build "$head_build" "$work/head"

suppr_opt=()
[ -f "$suppr" ] && suppr_opt=(--suppr "$suppr")
for ref in "$ref_dir"/*.abi; do
	lib=$(basename "$ref" .abi)
	new=$work/head/$lib.abi
	if [ ! -f "$new" ]; then
		notok "$lib: in $ref_name, missing from the build (a removed library breaks its users)"
		continue
	fi
	# Additions are compatible: judge on everything else first
	abidiff --no-added-syms "${suppr_opt[@]}" "$ref" "$new" >"$work/$lib.diff" 2>&1
	rc=$?
	if [ $((rc & 3)) -ne 0 ]; then
		sed 's/^/# /' "$work/$lib.diff"
		notok "$lib: abidiff failed (exit status $rc)"
	elif [ $((rc & 8)) -ne 0 ]; then
		sed 's/^/# /' "$work/$lib.diff"
		notok "$lib: ABI-incompatible change against $ref_name (abidiff exit status $rc)"
	elif [ $((rc & 4)) -ne 0 ]; then
		sed 's/^/# /' "$work/$lib.diff"
		notok "$lib: public types or functions changed against $ref_name (abidiff exit" \
			"status $rc; suppress in devtools/libabigail.abignore only if reviewed compatible)"
	else
		abidiff "${suppr_opt[@]}" "$ref" "$new" >"$work/$lib.full" 2>&1
		added=$(sed -n 's/.*Changed, \([0-9]*\) Added functions\{0,1\}.*/\1/p;
			s/.*Changed, \([0-9]*\) Added variables\{0,1\}.*/\1/p' "$work/$lib.full" |
			awk '{ s += $1 } END { print s + 0 }')
		if [ "$added" -gt 0 ]; then
			grep -E "^  \[A\] '" "$work/$lib.full" | sed 's/^  \[A\]/# added:/'
			ok "$lib: compatible, $added symbols added since $ref_name"
		else
			ok "$lib: ABI unchanged since $ref_name"
		fi
	fi
done
for new in "$work"/head/*.abi; do
	lib=$(basename "$new" .abi)
	[ -f "$ref_dir/$lib.abi" ] || ok "$lib: new library since $ref_name, nothing to compare"
done
echo "1..$n"
note "ABI checked in $(($(date +%s) - start)) s: $((n - bad)) ok, $bad not ok"
[ "$bad" -eq 0 ]
