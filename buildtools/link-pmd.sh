#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Install step: make an installed driver visible in the folder EAL loads drivers from.
# $1 libdir (relative to the prefix, or absolute), $2 driver subfolder, $3 driver file name.
set -e
libdir=$1
case "$libdir" in
/*) dest_libdir="${DESTDIR}${libdir}" ;;
*) dest_libdir="${MESON_INSTALL_DESTDIR_PREFIX}/${libdir}" ;;
esac
mkdir -p "${dest_libdir}/$2"
depth=$(echo "$2" | awk -F/ '{ print NF }')
up=""
i=0
while [ "$i" -lt "$depth" ]; do up="../$up"; i=$((i + 1)); done
ln -sfn "${up}$3" "${dest_libdir}/$2/$3"
