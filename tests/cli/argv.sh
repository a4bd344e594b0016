#!/usr/bin/env bash
# CLI: `mt FILE args...` runs the script; argv[0] is the script path as given, then the arguments verbatim.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL argv: $*"; exit 1; }
cat >"$T/show.mt" <<'MT'
print(len(argv))
for a in argv:
    print("[" + a + "]")
MT
out=$("$MT" "$T/show.mt" one "two words" "" -x --help 2>"$T/err"); rc=$?
[ $rc -eq 0 ] || fail "status $rc, stderr: $(cat "$T/err")"
exp=$(printf '%s\n' 6 "[$T/show.mt]" "[one]" "[two words]" "[]" "[-x]" "[--help]")
[ "$out" = "$exp" ] || fail "absolute path: got <$out> expected <$exp>"
# a relative path is passed through unchanged
out=$(cd "$T" && "$MT" show.mt 2>&1); rc=$?
[ $rc -eq 0 ] || fail "relative path: status $rc"
[ "$out" = "$(printf '1\n[show.mt]')" ] || fail "relative path: got <$out>"
# argv is a list: append works, and non-ASCII arguments arrive intact
out=$("$MT" -e 'print(type(argv), argv[1], len(argv[1]))' "héllo" 2>&1)
[ "$out" = "list héllo 5" ] || fail "argv type/unicode: got <$out>"
exit 0
