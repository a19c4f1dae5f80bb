#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Builds DPDK 22.11's multi_process/hotplug_mp sample (Debian's dpdk-doc, unchanged) against a
# build folder of this tree, for the CPU that folder targets, so that it runs in the guest:
#   build-hotplug-mp.sh ROOT OUT      -> OUT/hotplug_mp, linked to ROOT's libraries (rpath)
# The sample's own Makefile wants an installed tree; this compiles its sources with the
# folder's configuration and headers instead, which is the same code for the same CPU.
# Exit status 0 when built; 2 with the reason on stdout when dpdk-doc cannot be installed;
# 1 when the build failed (its output on stdout).
set -u
root=$1
out=$2
src=/usr/share/dpdk/examples/multi_process/hotplug_mp
top=$(cd "$(dirname "$0")/../../.." && pwd)
if [ ! -d "$src" ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y dpdk-doc >/dev/null 2>&1
	[ -d "$src" ] || { echo "dpdk-doc (DPDK 22.11's samples) cannot be installed"; exit 2; }
fi
mkdir -p "$out"
libs="eal kvargs telemetry ring mempool mbuf net ethdev cmdline rcu"
drivers="bus_pci bus_vdev mempool_stack net_e1000 net_null"
targets=()
for l in $libs; do targets+=("lib/librte_$l.so"); done
for d in $drivers; do targets+=("drivers/librte_$d.so"); done
# the shared objects behind those links (a partial build may have the links only)
mapfile -t real < <(ninja -C "$root" -t targets all 2>/dev/null |
	sed -n 's/^\(\(lib\|drivers\)\/librte_[a-z_0-9]*\.so\.[0-9.]*\): c_LINKER$/\1/p' |
	grep -E "/librte_($(echo $libs $drivers | tr ' ' '|'))\.so\.")
ninja -C "$root" "${real[@]}" >"$out/build.log" 2>&1 || { tail -20 "$out/build.log"; exit 1; }
# the CPU and sanitizer flags and forced include of the folder's own compilations
cflags=$(python3 - "$root" <<'EOF'
import json, shlex, sys
for e in json.load(open(sys.argv[1] + "/compile_commands.json")):
    if e["file"].endswith("eal_common_dev.c"):
        a = shlex.split(e["command"])
        keep = [x for x in a if x.startswith(("-march", "-mtune", "-fsanitize", "-fno-omit"))]
        for i, x in enumerate(a):
            if x == "-include":
                keep += ["-include", a[i + 1]]
        print(" ".join(keep))
        break
EOF
)
incs=(-I"$root" -I"$root/config" -I"$top/config")
for d in "$top"/lib/*/ "$top"/lib/eal/include "$top"/lib/eal/linux/include \
		"$top"/lib/eal/x86/include "$top"/drivers/bus/*/; do
	incs+=(-I"$d")
	[ -d "$root/${d#"$top"/}" ] && incs+=(-I"$root/${d#"$top"/}")
done
links=()
for l in $libs; do links+=(-lrte_"$l"); done
for d in $drivers; do links+=(-lrte_"$d"); done
# shellcheck disable=SC2086
if ! gcc -O2 $cflags "${incs[@]}" -o "$out/hotplug_mp" "$src/main.c" "$src/commands.c" \
		-L"$root/lib" -L"$root/drivers" -Wl,--no-as-needed "${links[@]}" \
		-Wl,-rpath,"$root/lib:$root/drivers" >>"$out/build.log" 2>&1; then
	tail -20 "$out/build.log"
	exit 1
fi
# only this tree's libraries: a name of Debian's DPDK would mean a wrong -L
if ldd "$out/hotplug_mp" | grep -q 'librte_.*\.so\.23'; then
	echo "hotplug_mp links to Debian's DPDK:"; ldd "$out/hotplug_mp" | grep '\.so\.23'
	exit 1
fi
exit 0
