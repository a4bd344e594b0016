/*
** minimal.c (Lua 5.4) — make a state, run some Lua, read a global, call a Lua function
** with arguments, print the result, close the state.
*/
#include <stdio.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static const char script[] = "greeting = \"hello from Lua\"\n"
                             "function scale(xs, k)\n"
                             "    local s = 0\n"
                             "    for _, x in ipairs(xs) do s = s + x * k end\n"
                             "    return s\n"
                             "end\n";

int main(void) {
    lua_State *L = luaL_newstate();
    if (!L) return 1;
    luaL_openlibs(L);
    if (luaL_dostring(L, script) != LUA_OK) {
        fprintf(stderr, "setup: %s\n", lua_tostring(L, -1));
        return lua_close(L), 1;
    }

    lua_getglobal(L, "greeting");
    printf("%s\n", lua_tostring(L, -1));
    lua_pop(L, 1);

    /* A call: the function, then its arguments, on the stack; the result replaces them. */
    lua_getglobal(L, "scale");
    lua_createtable(L, 4, 0);
    for (int i = 1; i <= 4; i++) {
        lua_pushinteger(L, i);
        lua_rawseti(L, -2, i);
    }
    lua_pushinteger(L, 10);
    if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
        fprintf(stderr, "scale failed: %s\n", lua_tostring(L, -1));
        return lua_close(L), 1;
    }
    printf("scale({1, 2, 3, 4}, 10) = %lld\n", (long long)lua_tointeger(L, -1));

    lua_close(L);
    return 0;
}
