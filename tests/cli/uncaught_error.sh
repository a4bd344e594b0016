#!/usr/bin/env bash
# CLI: an uncaught error is exit status 1 with a traceback on stderr; stdout printed before it is kept.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL uncaught_error: $*"; exit 1; }
cat >"$T/u.mt" <<'MT'
print("before")
def inner():
    return {"a": 1}["b"]
def outer():
    inner()
outer()
print("after")
MT
(cd "$T" && "$MT" u.mt) >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "status $rc, expected 1"
[ "$(cat "$T/out")" = "before" ] || fail "stdout: $(cat "$T/out")"
grep -q 'Traceback' "$T/err" || fail "no traceback: $(cat "$T/err")"
grep -q 'KeyError' "$T/err" || fail "no KeyError: $(cat "$T/err")"
grep -qE 'u\.mt:3, in inner' "$T/err" || fail "no frame u.mt:3 in inner: $(cat "$T/err")"
grep -qE 'u\.mt:5, in outer' "$T/err" || fail "no frame u.mt:5 in outer: $(cat "$T/err")"
grep -qE 'u\.mt:6, in <module>' "$T/err" || fail "no frame u.mt:6: $(cat "$T/err")"
# innermost frame last (most recent call last)
a=$(grep -n 'in outer' "$T/err" | head -1 | cut -d: -f1); b=$(grep -n 'in inner' "$T/err" | head -1 | cut -d: -f1)
[ "$a" -lt "$b" ] || fail "frames not in most-recent-last order"
exit 0
