#!/usr/bin/env bash
# Runs one golden test: tests/run_golden.sh path/to/mt path/to/test.mt
#
# A golden test is a .mt program whose leading comment block says what must happen:
#   #> text            one line of expected stdout (exact); "#>" alone is an empty line.
#                      No "#>" lines: stdout must be empty (unless STDOUT says otherwise).
#   # EXIT: n          expected exit status (default 0)
#   # STDERR: text     stderr must contain text (repeatable)
#   # STDERR_RE: re    stderr must match the extended regex (repeatable)
#   # NO_STDERR: yes   stderr must be empty
#   # STDIN: text      a line of standard input (repeatable; default: /dev/null)
#   # STDIN_CMD: cmd   standard input is a pipe from this shell command (e.g. to feed lines
#                      slowly: "sleep 0.3; echo one")
#   # ARGS: words      extra arguments after the script
#   # TIMEOUT: s       seconds before the test fails (default 10; scaled by TIMEOUT_SCALE)
#   # SIGNAL: INT|TERM delay   send the signal to mt after `delay` seconds
#   # UNORDERED: yes   compare stdout lines as a sorted multiset
#   # STDOUT: any      do not check stdout
#   # GC_STRESS: skip  the expected output depends on when the collector runs (it kills
#                      unreachable blocked threads), so the test is skipped (status 77)
#                      when MT_GC_STRESS collects at every allocation
# The test runs in its own directory. Exit status 0 = pass; the reason is printed on failure.
set -u
MT=$1
TEST=$2
DIR=$(cd "$(dirname "$TEST")" && pwd)
BASE=$(basename "$TEST")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mt-golden.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

exp_exit=0 timeout_s=10 sig="" sig_delay="" args="" unordered=0 check_stdout=1 no_stderr=0 stdin_cmd=""
err_subs=() err_res=()
: >"$WORK/exp"
: >"$WORK/stdin"
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        '#>'*) v=${line#'#>'}; v=${v#' '}; printf '%s\n' "$v" >>"$WORK/exp" ;;
        '# '[A-Z]*:*)
            key=${line#'# '}; key=${key%%:*}; val=${line#*:}; val=${val#' '}
            case "$key" in
                EXIT) exp_exit=$val ;;
                STDERR) err_subs+=("$val") ;;
                STDERR_RE) err_res+=("$val") ;;
                NO_STDERR) no_stderr=1 ;;
                STDIN) printf '%s\n' "$val" >>"$WORK/stdin" ;;
                STDIN_CMD) stdin_cmd=$val ;;
                ARGS) args=$val ;;
                TIMEOUT) timeout_s=$val ;;
                SIGNAL) sig=${val%% *}; sig_delay=${val#* } ;;
                UNORDERED) unordered=1 ;;
                STDOUT) [ "$val" = any ] && check_stdout=0 ;;
                GC_STRESS) [ "$val" = skip ] && [ -n "${MT_GC_STRESS:-}" ] && [ "${MT_GC_STRESS}" != 0 ] && exit 77 ;;
            esac ;;
        '#'*) ;;
        *) break ;;
    esac
done <"$TEST"

timeout_s=$(awk -v t="$timeout_s" -v s="${TIMEOUT_SCALE:-1}" 'BEGIN { printf "%g", t * s }')
eval "extra=($args)"
cd "$DIR" || exit 99
if [ -n "$stdin_cmd" ]; then
    mkfifo "$WORK/stdin.fifo"
    bash -c "$stdin_cmd" >"$WORK/stdin.fifo" 2>/dev/null </dev/null &
    feeder=$!
    trap 'kill $feeder 2>/dev/null; pkill -P $feeder 2>/dev/null; rm -rf "$WORK"' EXIT
    rm "$WORK/stdin" && ln -s "$WORK/stdin.fifo" "$WORK/stdin"
fi
if [ -n "$sig" ]; then
    timeout -k 3 "$timeout_s" "$MT" "$BASE" "${extra[@]}" <"$WORK/stdin" >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    sleep "$sig_delay"
    # timeout runs mt as its child: signal mt itself.
    child=$(pgrep -P "$pid" | head -1)
    kill -s "$sig" "${child:-$pid}" 2>/dev/null
    wait "$pid"
    rc=$?
else
    timeout -k 3 "$timeout_s" "$MT" "$BASE" "${extra[@]}" <"$WORK/stdin" >"$WORK/out" 2>"$WORK/err"
    rc=$?
fi

fail=()
if [ "$rc" != "$exp_exit" ]; then
    case $rc in
        124|137) fail+=("timed out after ${timeout_s}s") ;;
        134|136|139) fail+=("crashed (status $rc)") ;;
        *) fail+=("exit status $rc, expected $exp_exit") ;;
    esac
fi
if [ $check_stdout -eq 1 ]; then
    if [ $unordered -eq 1 ]; then
        sort "$WORK/exp" >"$WORK/exp.s"; sort "$WORK/out" >"$WORK/out.s"
        cmp -s "$WORK/exp.s" "$WORK/out.s" || fail+=("stdout differs (unordered)")
    else
        cmp -s "$WORK/exp" "$WORK/out" || fail+=("stdout differs")
    fi
fi
for s in "${err_subs[@]+"${err_subs[@]}"}"; do
    grep -qaF -- "$s" "$WORK/err" || fail+=("stderr lacks: $s")
done
for s in "${err_res[@]+"${err_res[@]}"}"; do
    grep -qaE -- "$s" "$WORK/err" || fail+=("stderr does not match: $s")
done
if [ $no_stderr -eq 1 ] && [ -s "$WORK/err" ]; then fail+=("stderr is not empty"); fi

if [ ${#fail[@]} -eq 0 ]; then exit 0; fi
echo "FAIL $TEST"
printf '  %s\n' "${fail[@]}"
if [ $check_stdout -eq 1 ]; then
    echo "--- expected stdout / +++ actual stdout"
    diff "$WORK/exp" "$WORK/out" | head -40
fi
echo "--- stderr"
head -c 3000 "$WORK/err"
exit 1
