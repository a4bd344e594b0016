#!/usr/bin/env bash
# CLI: a compile error is exit 2 with `file:line:col: message`, the source line and a caret; nothing runs.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL compile_error: $*"; exit 1; }
cat >"$T/ce.mt" <<'MT'
print("this must not run")
let ok = 1
let x = ok + * 2
MT
(cd "$T" && "$MT" ce.mt) >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "status $rc, expected 2"
[ -s "$T/out" ] && fail "the program ran: $(cat "$T/out")"
head -1 "$T/err" | grep -qE '^ce\.mt:3:[0-9]+: .+' || fail "first line is not ce.mt:3:col: message: $(cat "$T/err")"
grep -qF 'let x = ok + * 2' "$T/err" || fail "source line not shown: $(cat "$T/err")"
grep -qE '^ *\^' "$T/err" || fail "no caret line: $(cat "$T/err")"
# the caret points at the column named in the message
col=$(head -1 "$T/err" | sed -E 's/^ce\.mt:3:([0-9]+):.*/\1/')
src=$(grep -F 'let x = ok + * 2' "$T/err" | head -1)
car=$(grep -E '^ *\^' "$T/err" | head -1)
pre=${src%%let x*}                      # indentation before the shown source text
pos=$(( ${#car} - ${#pre} ))            # 1-based column of the caret
[ "$pos" -eq "$col" ] || fail "caret at column $pos, message says $col"
# an indentation error
printf 'if true:\nprint(1)\n' >"$T/ind.mt"
"$MT" "$T/ind.mt" >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "indentation error gave $rc"
grep -qE 'ind\.mt:2:[0-9]+: ' "$T/err" || fail "indentation error lacks ind.mt:2:col: $(cat "$T/err")"
exit 0
