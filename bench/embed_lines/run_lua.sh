#!/usr/bin/env bash
# Builds the four Lua 5.4 hosts and checks each one's output against lua/NAME.out, plus
# the Ctrl-C run of event_loop; then prints the line counts of all twelve programs.
set -uo pipefail
cd "$(dirname "$0")"
fail=0
for ex in minimal event_loop suspend game_loop; do
    cc -std=c11 -Wall -Wextra -Werror -I/usr/include/lua5.4 lua/$ex.c -llua5.4 -lm -o /tmp/lua_$ex || fail=1
    /tmp/lua_$ex | diff -u lua/$ex.out - && echo "lua/$ex: ok" || { echo "lua/$ex: DIFFERS"; fail=1; }
done
out=$(lua/sigint_test.sh /tmp/lua_event_loop)
[ "$(echo "$out" | head -1)" = "exit status 130" ] && echo "$out" | grep -q "worker done" &&
    echo "lua/event_loop (Ctrl-C): ok" || { echo "lua/event_loop (Ctrl-C): FAILED"; echo "$out"; fail=1; }
./count.py ../../examples/embed/{minimal,event_loop,suspend,game_loop}.c \
    lua/{minimal,event_loop,suspend,game_loop}.c wren/{minimal,event_loop,suspend,game_loop}.c
exit $fail
