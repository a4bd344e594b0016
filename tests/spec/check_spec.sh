#!/usr/bin/env bash
# Runs every example in SPEC.md and checks it prints what SPEC.md says.
#   tests/spec/check_spec.sh MT [SPEC.md]
# In SPEC.md, a ```mt block is run as example.mt in a fresh directory (stdout and stderr
# merged); the ```output block after it (only blank lines between) is the expected text,
# whose optional last line "[exit status N]" gives the status (default 0).
# ```mt file=NAME blocks are written as NAME beside the next example; ```mt norun is skipped.
set -u
MT=$1
SPEC=${2:-$(dirname "$0")/../../SPEC.md}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mt-spec.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Split SPEC.md into cases: $WORK/N/{example.mt,expected,status,line} and helper files.
awk -v dir="$WORK" '
function flush_pending(n,   f) { for (f in pending) { print pending[f] > (dir "/" n "/" f); close(dir "/" n "/" f) } delete pending }
BEGIN { n = 0; inblock = 0; want_output = 0 }
{
  if (!inblock && match($0, /^```[^ ]+/)) {
    info = substr($0, 4); lang = info; sub(/ .*/, "", lang); extra = info; sub(/^[^ ]+ ?/, "", extra)
    if (lang == "mt" && extra ~ /^file=/) { kind = "file"; fname = substr(extra, 6); body = "" }
    else if (lang == "mt" && extra == "norun") { kind = "skip" }
    else if (lang == "mt") { kind = "example"; body = ""; start = NR }
    else if (lang == "output" && want_output) { kind = "output"; body = "" }
    else { kind = "skip" }
    if (kind != "output") want_output = 0
    inblock = 1; next
  }
  if (inblock && $0 ~ /^```/) {
    inblock = 0
    if (kind == "file") pending[fname] = body
    else if (kind == "example") {
      n++; system("mkdir -p " dir "/" n)
      printf "%s", body > (dir "/" n "/example.mt"); close(dir "/" n "/example.mt")
      print start > (dir "/" n "/line"); close(dir "/" n "/line")
      printf "" > (dir "/" n "/expected"); close(dir "/" n "/expected")
      flush_pending(n); want_output = 1
    } else if (kind == "output") {
      printf "%s", body > (dir "/" n "/expected"); close(dir "/" n "/expected"); want_output = 0
    }
    next
  }
  if (inblock) { body = body $0 "\n"; next }
  if (want_output && $0 !~ /^[[:space:]]*$/ && $0 !~ /^[[:space:]]*Output/) want_output = 0
}' "$SPEC"

count=0
fails=0
for d in $(ls "$WORK" | sort -n); do
    case_dir=$WORK/$d
    [ -f "$case_dir/example.mt" ] || continue
    count=$((count + 1))
    want_status=0
    last=$(tail -n 1 "$case_dir/expected")
    if [[ "$last" =~ ^\[exit\ status\ ([0-9]+)\]$ ]]; then
        want_status=${BASH_REMATCH[1]}
        head -n -1 "$case_dir/expected" >"$case_dir/expected.tmp" && mv "$case_dir/expected.tmp" "$case_dir/expected"
    fi
    (cd "$case_dir" && timeout 20 "$MT" example.mt >out 2>&1)
    rc=$?
    if [ "$rc" != "$want_status" ] || ! cmp -s "$case_dir/out" "$case_dir/expected"; then
        fails=$((fails + 1))
        echo "=== FAIL: the example at SPEC.md:$(cat "$case_dir/line") (status $rc, want $want_status)"
        diff "$case_dir/expected" "$case_dir/out" | head -20
    fi
done
echo "$count examples, $fails failed"
[ "$fails" -eq 0 ] && [ "$count" -gt 0 ]
