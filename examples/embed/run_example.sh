#!/usr/bin/env bash
# Runs an embedding example and checks its exact output:
#   run_example.sh BINARY EXPECTED_STDOUT
# The example must exit 0, print exactly EXPECTED_STDOUT on stdout, and print nothing on
# stderr unless EXPECTED_STDOUT's sibling NAME.err exists (then stderr must match it).
set -uo pipefail
bin=$1
expected=$2
err_expected=${expected%.out}.err
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$bin" >"$out" 2>"$err"
status=$?
fail=0
if [ $status -ne 0 ]; then
    echo "exit status $status (expected 0)"
    fail=1
fi
if ! diff -u "$expected" "$out"; then
    echo "stdout differs from $expected"
    fail=1
fi
if [ -f "$err_expected" ]; then
    diff -u "$err_expected" "$err" || { echo "stderr differs from $err_expected"; fail=1; }
elif [ -s "$err" ]; then
    echo "unexpected stderr:"
    cat "$err"
    fail=1
fi
exit $fail
