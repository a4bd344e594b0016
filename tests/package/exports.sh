#!/usr/bin/env bash
# The shared libmt exports exactly the functions include/mt.h declares with MT_API: no
# internal symbol leaks (they are built -fvisibility=hidden), and no public one is missing.
#   exports.sh LIBMT_SO MT_H
set -euo pipefail
lib=$1 header=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Function names after MT_API ... (the declaration may wrap over lines, so join them first).
grep -v '^ *#' "$header" | tr '\n' ' ' | grep -oE 'MT_API [^;(]*\(' | grep -oE '[A-Za-z_][A-Za-z0-9_]*\($' |
    tr -d '(' | sort -u >"$work/declared"
# Defined dynamic symbols, without the sanitizer runtimes' hooks (those come with -fsanitize).
nm -D --defined-only "$lib" | awk '{print $3}' | grep -vE '^(__(asan|ubsan|tsan|sanitizer|lsan)_|_init$|_fini$)' |
    sed 's/@.*//' | sort -u >"$work/exported"
if [ ! -s "$work/declared" ]; then
    echo "no MT_API declarations found in $header"
    exit 1
fi
status=0
if grep -v '^mt_' "$work/exported" >"$work/foreign"; then
    echo "exported symbols without the mt_ prefix:"
    cat "$work/foreign"
    status=1
fi
if ! diff -u "$work/declared" "$work/exported"; then
    echo "the exports differ from mt.h's MT_API functions (- declared only, + exported only)"
    status=1
fi
[ $status -eq 0 ] && echo "ok: $(wc -l <"$work/exported") symbols, all mt_ and all in mt.h"
exit $status
