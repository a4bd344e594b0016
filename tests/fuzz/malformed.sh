#!/usr/bin/env bash
# Feeds the compiler a few hundred malformed programs: every golden test truncated at
# pseudo-random points, random bytes, random token soup, deeply nested brackets and blocks,
# and invalid UTF-8. Each must be compiled (mt --dis) to either bytecode (exit 0: a
# truncated program can still be valid) or a compile error (exit 2) within 5 s: never a
# crash, a hang or another status. Malformed programs are also run (they must exit 2).
#   tests/fuzz/malformed.sh MT [TESTS_DIR]
set -u
MT=$1
TESTS=${2:-$(dirname "$0")/../lang}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mt-fuzz.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
RANDOM=20261202
n=0
bad=0

check() { # file, allowed statuses ("0 2" or "2"), how to run ("dis" or "run")
    local f=$1 allowed=$2 how=$3 rc
    n=$((n + 1))
    if [ "$how" = dis ]; then timeout 5 "$MT" --dis "$f" >/dev/null 2>"$WORK/err"; rc=$?
    else timeout 5 "$MT" "$f" >/dev/null 2>"$WORK/err"; rc=$?; fi
    for a in $allowed; do [ "$rc" = "$a" ] && return; done
    bad=$((bad + 1))
    echo "FAIL ($how): status $rc (want one of: $allowed) for $f:"
    head -c 300 "$f" | od -c | head -5
    head -3 "$WORK/err"
    cp "$f" "$WORK/../mt-fuzz-fail-$n.mt" 2>/dev/null
}

# 1. Truncations of real programs.
i=0
for src in $(find "$TESTS" -name '*.mt' | sort); do
    i=$((i + 1))
    [ $((i % 3)) -eq 0 ] || continue
    size=$(wc -c <"$src")
    [ "$size" -gt 2 ] || continue
    cut=$(( (RANDOM * 32768 + RANDOM) % size ))
    head -c "$cut" "$src" >"$WORK/trunc.mt"
    check "$WORK/trunc.mt" "0 2" dis
done

# 2. Random bytes (valid UTF-8 is unlikely): compile errors, also when run.
for k in $(seq 1 60); do
    LC_ALL=C awk -v seed="$k" 'BEGIN { srand(seed); n = int(rand() * 200) + 1;
        for (i = 0; i < n; i++) printf "%c", int(rand() * 256) }' >"$WORK/rand.mt"
    check "$WORK/rand.mt" "0 2" dis
done

# 3. Token soup: keywords and punctuation in random order.
words=(let def fn class if elif else while for in return try except finally with as raise
       import yield spawn select case default pass break continue "(" ")" "[" "]" "{" "}"
       ":" "," "." "=" "+=" "==" "**" "//" "-" "not" "and" "or" x y 1 2.5 '"s"' 'f"{x}"'
       $'\n' $'\n    ' $'\t')
for k in $(seq 1 80); do
    : >"$WORK/soup.mt"
    for t in $(seq 1 $((RANDOM % 40 + 1))); do printf '%s ' "${words[RANDOM % ${#words[@]}]}" >>"$WORK/soup.mt"; done
    check "$WORK/soup.mt" "0 2" dis
done

# 4. Deep nesting: brackets, calls, blocks, f-strings, lambdas.
for depth in 150 201 300 1000 20000; do
    printf 'x = %s1%s\n' "$(printf '(%.0s' $(seq $depth))" "$(printf ')%.0s' $(seq $depth))" >"$WORK/deep.mt"
    check "$WORK/deep.mt" "0 2" dis
    printf 'x = %s%s\n' "$(printf '[%.0s' $(seq $depth))" "$(printf ']%.0s' $(seq $depth))" >"$WORK/deep.mt"
    check "$WORK/deep.mt" "0 2" dis
    printf 'x = %s' "$(printf '[%.0s' $(seq $depth))" >"$WORK/deep.mt"
    check "$WORK/deep.mt" "2" run
    printf 'x = %s1\n' "$(printf -- '-%.0s' $(seq $depth))" >"$WORK/deep.mt"
    check "$WORK/deep.mt" "0 2" dis
    printf 'x = %s1\n' "$(printf 'fn(): %.0s' $(seq $depth))" >"$WORK/deep.mt"
    check "$WORK/deep.mt" "0 2" dis
done
for depth in 50 99 100 101 150; do
    : >"$WORK/blocks.mt"
    for d in $(seq 0 $((depth - 1))); do printf '%*sif true:\n' $((d * 2)) '' >>"$WORK/blocks.mt"; done
    printf '%*spass\n' $((depth * 2)) '' >>"$WORK/blocks.mt"
    check "$WORK/blocks.mt" "0 2" dis
done

# 5. Invalid UTF-8 at the start, the middle and the end; NUL bytes.
for bytes in '\xff' '\xc3' '\xe2\x82' '\xed\xa0\x80' '\xf8\x88\x80\x80\x80' '\x00'; do
    printf "print(1)\nx = \"a${bytes}b\"\n" >"$WORK/utf.mt"
    check "$WORK/utf.mt" "2" run
    printf "${bytes}" >"$WORK/utf.mt"
    check "$WORK/utf.mt" "2" run
    printf "# comment ${bytes}\n" >"$WORK/utf.mt"
    check "$WORK/utf.mt" "2" run
done

echo "$((n - bad)) passed, $bad failed (of $n malformed programs)"
[ "$bad" -eq 0 ]
