#!/usr/bin/env bash
# CLI: a UTF-8 byte-order mark at the very start of a source is skipped (SPEC 2.1): in a file,
# on standard input, in -e code and in an imported module; positions are counted after it and
# it is never echoed. Anywhere else it is a compile error. Regression: a leading BOM was
# rejected as "unexpected character".
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL bom_source: $*"; exit 1; }
BOM=$'\xef\xbb\xbf'
printf '%sprint("file")\n' "$BOM" >"$T/f.mt"
out=$("$MT" "$T/f.mt" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "file" ] || fail "file: status $rc, <$out>"
out=$(printf '%sprint("stdin")\n' "$BOM" | "$MT" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "stdin" ] || fail "stdin: status $rc, <$out>"
out=$("$MT" -e "${BOM}print(\"dash e\")" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "dash e" ] || fail "-e: status $rc, <$out>"
printf '%slet x = 41\n' "$BOM" >"$T/bommod.mt"
printf '%simport bommod\nprint(bommod.x + 1)\n' "$BOM" >"$T/main.mt"
out=$(cd "$T" && "$MT" main.mt 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "42" ] || fail "module: status $rc, <$out>"
# a file holding only a BOM is an empty program
printf '%s' "$BOM" >"$T/empty.mt"
out=$("$MT" "$T/empty.mt" 2>&1); rc=$?
[ $rc -eq 0 ] && [ -z "$out" ] || fail "BOM-only file: status $rc, <$out>"
# columns on line 1 start after the BOM, and neither the compile error nor a traceback shows it
printf '%slet x = \n' "$BOM" >"$T/err.mt"
(cd "$T" && "$MT" err.mt) >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "compile error: status $rc"
[ "$(head -2 "$T/err")" = "$(printf 'err.mt:1:9: expected an expression, found end of line\n    let x = ')" ] ||
    fail "compile error: <$(cat "$T/err")>"
printf '%sraise ValueError("v")\n' "$BOM" >"$T/tb.mt"
(cd "$T" && "$MT" tb.mt) >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "traceback: status $rc"
grep -qxF '    raise ValueError("v")' "$T/err" || fail "traceback shows the BOM: <$(cat "$T/err")>"
# a BOM anywhere else is an error: a second one, one on a later line, one after code
msg='unexpected byte-order mark (U+FEFF): allowed only at the start of the source'
printf '%s%sprint(1)\n' "$BOM" "$BOM" >"$T/two.mt"
printf 'print(1)\n%sprint(2)\n' "$BOM" >"$T/later.mt"
printf 'print(1) %s\n' "$BOM" >"$T/after.mt"
for f in two:1:1 later:2:1 after:1:10; do
    name=${f%%:*}
    (cd "$T" && "$MT" "$name.mt") >"$T/out" 2>"$T/err"; rc=$?
    [ $rc -eq 2 ] || fail "$name: status $rc, expected 2"
    [ -s "$T/out" ] && fail "$name: the program ran"
    [ "$(head -1 "$T/err")" = "$name.mt:${f#*:}: $msg" ] || fail "$name: <$(cat "$T/err")>"
done
out=$(printf 'print(1)\n%sprint(2)\n' "$BOM" | "$MT" 2>&1); rc=$?
[ $rc -eq 2 ] || fail "stdin, later BOM: status $rc <$out>"
# inside a string literal U+FEFF is an ordinary character
printf 'print(len("a%sb"))\n' "$BOM" >"$T/str.mt"
out=$("$MT" "$T/str.mt" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "3" ] || fail "BOM in a string: status $rc, <$out>"
exit 0
