#!/usr/bin/env bash
# CLI: the REPL without a terminal. `mt -i` reads entries from standard input without
# prompts or a banner: values are shown with repr, a block ends at an empty line (or at the
# end of input), errors go to stderr and the session goes on; with a FILE, the file runs
# first. End of input leaves after the threads' cleanup; exit(n) gives status n.
# (`echo ... | mt` without -i runs standard input as a program: stdin_program.sh.)
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL repl_pipe: $*"; exit 1; }

out=$(printf '1 + 1\nlet x = [1,\n  2]\nx\nnil\ndef f(v):\n    return v * 3\n\nf(x[1])\n_\nlet = 1\nx[5]\n"after errors"\nif x:\n    print("in block")\n' |
      "$MT" -i 2>"$T/err"); rc=$?
[ $rc -eq 0 ] || fail "status $rc"
[ "$out" = "$(printf '2\n[1, 2]\n6\n6\n"after errors"\nin block')" ] || fail "output: <$out>"
err=$(cat "$T/err")
case $err in "<stdin>:1:5: expected variable name after 'let', found '='"*"IndexError"*) ;;
    *) fail "errors: <$err>" ;; esac

cat >"$T/lib.mt" <<'MT'
let base = 100
def cleanup_thread():
    try:
        sleep(1000)
    finally:
        print("thread cleanup")
spawn cleanup_thread()
MT
out=$(printf 'base + 1\nargv\n' | "$MT" -i "$T/lib.mt" extra 2>&1); rc=$?
[ $rc -eq 0 ] || fail "-i FILE status $rc: $out"
[ "$out" = "$(printf '101\n["%s", "extra"]\nthread cleanup' "$T/lib.mt")" ] || fail "-i FILE output: <$out>"

out=$(printf 'print("bye")\nexit(4)\nprint("never")\n' | "$MT" -i 2>&1); rc=$?
[ $rc -eq 4 ] || fail "exit(4) gave $rc"
[ "$out" = "bye" ] || fail "exit(4) output: <$out>"
exit 0
