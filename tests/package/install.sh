#!/usr/bin/env bash
# Installs the build into a temporary prefix and builds examples/embed/minimal.c against
# the installed copy, the two ways a host would: with pkg-config, and with a CMake project
# that calls find_package(mt) (linking mt::mt and mt::mt_static). Each binary must print
# exactly minimal.out. Nothing of the source or build tree is on their include path.
#   install.sh CMAKE BUILD_DIR CC SOURCE_DIR      (CFLAGS: extra flags, e.g. sanitizers)
set -euo pipefail
cmake=$1 build=$2 cc=$3 src=$4
flags=${CFLAGS:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"
test -f "$prefix/include/mt.h"
ls "$prefix"/lib*/libmt.a "$prefix"/lib*/libmt.so >/dev/null

check() { # check BINARY: runs it and compares its output with minimal.out
    "$1" >"$work/out"
    diff -u "$src/examples/embed/minimal.out" "$work/out"
    echo "ok: $1"
}

# pkg-config: the .pc file finds its prefix from where it lies.
export PKG_CONFIG_PATH=$(dirname "$(ls "$prefix"/lib*/pkgconfig/mt.pc)")
cp "$src/examples/embed/minimal.c" "$work/"
libdir=$(pkg-config --variable=libdir mt)
# shellcheck disable=SC2046,SC2086
"$cc" $flags "$work/minimal.c" $(pkg-config --cflags --libs mt) -Wl,-rpath,"$libdir" \
    -o "$work/minimal_pc"
check "$work/minimal_pc"

# find_package(mt) from a separate CMake project.
"$cmake" -S "$src/tests/package/consumer" -B "$work/consumer" -DCMAKE_C_COMPILER="$cc" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_FLAGS="$flags" -DMINIMAL_C="$work/minimal.c" \
    >"$work/configure.log" || { cat "$work/configure.log"; exit 1; }
"$cmake" --build "$work/consumer" >"$work/build.log" || { cat "$work/build.log"; exit 1; }
check "$work/consumer/minimal_shared"
check "$work/consumer/minimal_static"
