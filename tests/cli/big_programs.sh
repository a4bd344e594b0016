#!/usr/bin/env bash
# CLI: generated programs with very long displays, f-strings and runs of string literals
# compile in linear time and without a size limit of their own (SPEC 14). Regressions:
# 200k adjacent string literals on one line took 10 s to compile (each string token's column
# was counted from the start of the line), an f-string's fields were located by rescanning
# it from its start (quadratic), and list and map displays past ~60k items, or f-strings
# past ~60k pieces, failed with "function needs too many stack slots".
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL big_programs: $*"; exit 1; }
if [ -n "${MT_GC_STRESS:-}" ] && [ "${MT_GC_STRESS}" != 0 ]; then
    exit 0 # sizes are the point here; the golden tests cover the chunk boundaries under stress
fi
LIMIT=$(awk -v s="${TIMEOUT_SCALE:-1}" 'BEGIN { printf "%d", 10 * s }')

# check NAME EXPECTED-OUTPUT: runs $T/NAME.mt within the time limit
check() {
    local out rc
    out=$(cd "$T" && timeout -k 2 "$LIMIT" "$MT" "$1.mt" 2>&1); rc=$?
    [ $rc -eq 124 ] || [ $rc -eq 137 ] && fail "$1: did not finish within ${LIMIT}s"
    [ $rc -eq 0 ] || fail "$1: status $rc: $(printf '%s' "$out" | head -c 300)"
    [ "$out" = "$2" ] || fail "$1: output <$(printf '%s' "$out" | head -c 300)>, expected <$2>"
}
N=200000
# adjacent literals on one line, and on many lines inside parentheses
awk -v n=$N 'BEGIN { printf "let s = "; for (i = 0; i < n; i++) printf "\"ab\" "; print ""; print "print(len(s), s[:4])" }' >"$T/adjacent.mt"
check adjacent "400000 abab"
awk -v n=$N 'BEGIN { print "let s = ("; for (i = 0; i < n; i++) print "    \"x\""; print ")"; print "print(len(s))" }' >"$T/adjacent_lines.mt"
check adjacent_lines "200000"
# many string tokens on one line (not adjacent): a list display of 200k strings
awk -v n=$N 'BEGIN { printf "let xs = ["; for (i = 0; i < n; i++) printf "\"s%d\", ", i; print "]"; print "print(len(xs), xs[0], xs[-1])" }' >"$T/strings_line.mt"
check strings_line "200000 s0 s199999"
# a compile error at the end of such a line still has the right column (counted in code points)
awk -v n=50000 'BEGIN { printf "let s = "; for (i = 0; i < n; i++) printf "\"é\" "; print "+ * 1" }' >"$T/late_error.mt"
err=$(cd "$T" && timeout -k 2 "$LIMIT" "$MT" late_error.mt 2>&1 | head -1); rc=$?
[ "$err" = "late_error.mt:1:200011: expected an expression, found '*'" ] || fail "late_error: <$err>"
# an f-string with 100k fields and literal text between them
awk -v n=100000 'BEGIN { print "let x = 7"; printf "let s = f\""; for (i = 0; i < n; i++) printf "{x}-"; print "\""; print "print(len(s), s[:6], s.count(\"7-\"))" }' >"$T/fstring.mt"
check fstring "200000 7-7-7- 100000"
# an f-string of 300k fields with no text between them, inside a function
awk -v n=300000 'BEGIN { print "def f(v):"; printf "    return f\""; for (i = 0; i < n; i++) printf "{v}"; print "\""; print "print(len(f(\"ab\")))" }' >"$T/fstring_fields.mt"
check fstring_fields "600000"
# list and map displays of 200k items, at the top level and inside a function
awk -v n=$N 'BEGIN { printf "let xs = ["; for (i = 0; i < n; i++) printf "%d,", i; print "]"; print "print(len(xs), xs[-1], sum(xs))" }' >"$T/list.mt"
check list "200000 199999 19999900000"
awk -v n=$N 'BEGIN { print "def make():"; printf "    return {"; for (i = 0; i < n; i++) printf "\"k%d\": %d, ", i, i; print "}"; print "let m = make()"; print "print(len(m), m[\"k0\"], m[\"k199999\"], list(m.keys())[123456])" }' >"$T/map.mt"
check map "200000 0 199999 k123456"
# nested: a list of 100 lists of 3000 items, a map of lists, a display inside an f-string
awk 'BEGIN { printf "let xs = ["; for (j = 0; j < 100; j++) { printf "["; for (i = 0; i < 3000; i++) printf "%d,", i; printf "],\n" } print "]"
             printf "let m = {"; for (j = 0; j < 3; j++) { printf "%d: [", j; for (i = 0; i < 70000; i++) printf "%d,", j; printf "], " } print "}"
             printf "let s = f\"{len(["; for (i = 0; i < 70000; i++) printf "%d,", i; print "])}\""
             print "print(len(xs), len(xs[99]), xs[99][2999], len(m), len(m[2]), m[2][69999], s)" }' >"$T/nested.mt"
check nested "100 3000 2999 3 70000 2 70000"
exit 0
