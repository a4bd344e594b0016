/*
** suspend.c (Lua 5.4) — a C function that waits for the host without blocking anything else.
**
** fetch(x) records a request and yields its coroutine (lua_yieldk); the host's loop
** answers each request when its "reply" is due by resuming the coroutine with a value, or
** with an error that the continuation raises. The host runs the script's coroutines
** itself (spawn, sleep), so the others go on meanwhile. kill(task) closes a coroutine
** (lua_resetthread runs its pending <close> variables) and cancels its request. The
** session ends at 400 ms with fetch(9) unanswered: the host kills what is left.
** Per-coroutine host state lives in the thread's extra space, the Host in an upvalue.
*/
#define _POSIX_C_SOURCE 200809L /* clock_gettime under -std=c11 */
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static const char script[] =
    "local t0 = now()\n"
    "local function at(ms) sleep(t0 + ms / 1000 - now()) end\n"
    "local function job(x)\n"
    "    local guard <close> = setmetatable({}, {__close = function(g)\n"
    "        if not g.done then print(\"job \" .. x .. \": killed while waiting\") end\n"
    "    end})\n"
    "    local ok, r = pcall(fetch, x)\n"
    "    guard.done = true\n"
    "    print(ok and (\"job %d: got %q\"):format(x, r) or (\"job %d: failed: %s\"):format(x, r))\n"
    "end\n"
    "local jobs = {spawn(job, 1), spawn(job, 2), spawn(job, 3), spawn(job, 4), spawn(job, 9)}\n"
    "spawn(function()\n"
    "    at(50)\n"
    "    print(\"other: running while the fetches wait\")\n"
    "    at(250)\n"
    "    print(\"other: killing job 4\")\n"
    "    kill(jobs[4])\n"
    "    at(350)\n"
    "    print(\"other: done\")\n"
    "end)\n";

#define MAX_TASKS  16
#define LATENCY_MS 100 /* fetch(x) is answered x * LATENCY_MS after it was asked */
#define FAILING_X  3   /* ... except fetch(3), which fails */
#define SESSION_MS 400 /* the host's loop ends then, whatever is still waiting */

enum { READY, SLEEPING, FETCHING, DONE };

/* One coroutine the host runs; while FETCHING, x and due describe its request. */
typedef struct {
    lua_State *co;
    int ref, state, nargs;
    lua_Integer x;
    double due;
} Task;

typedef struct {
    Task tasks[MAX_TASKS];
    int count;
} Host;

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The task a C function was called from (its thread's extra space points to it). */
static Task *self(lua_State *L) {
    Task *t = *(Task **)lua_getextraspace(L);
    if (!t) luaL_error(L, "only a spawned task can wait");
    return t;
}

static void finish(Task *t) {
    t->state = DONE;
    luaL_unref(t->co, LUA_REGISTRYINDEX, t->ref); /* the coroutine may be collected now */
}

/* Runs the task until it waits (the C function it called set its state) or ends. */
static void resume(Task *t, int nargs) {
    int nres;
    t->state = READY;
    int st = lua_resume(t->co, NULL, nargs, &nres);
    if (st == LUA_YIELD) {
        lua_pop(t->co, nres);
        return;
    }
    if (st != LUA_OK) fprintf(stderr, "task failed: %s\n", lua_tostring(t->co, -1));
    finish(t);
}

/* Closes the task's coroutine: its pending <close> variables run; a request is dropped. */
static void kill_task(Task *t) {
    if (t->state == FETCHING) printf("host: fetch(%lld) cancelled\n", (long long)t->x);
    lua_resetthread(t->co);
    finish(t);
}

/* spawn(f, ...): a new task that runs f(...) from the host's loop; returns its thread. */
static int l_spawn(lua_State *L) {
    Host *h = lua_touserdata(L, lua_upvalueindex(1));
    luaL_checktype(L, 1, LUA_TFUNCTION);
    if (h->count == MAX_TASKS) return luaL_error(L, "too many tasks");
    Task *t = &h->tasks[h->count++];
    *t = (Task){.co = lua_newthread(L), .state = READY, .nargs = lua_gettop(L) - 2};
    *(Task **)lua_getextraspace(t->co) = t;
    lua_pushvalue(L, -1);
    t->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_rotate(L, 1, 1);                    /* thread, f, args... */
    lua_xmove(L, t->co, lua_gettop(L) - 1); /* f and args go to the new thread */
    return 1;
}

static int l_kill(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    Task *t = co ? *(Task **)lua_getextraspace(co) : NULL;
    luaL_argcheck(L, t != NULL, 1, "not a task");
    if (t->state != DONE) kill_task(t);
    return 0;
}

static int l_now(lua_State *L) {
    lua_pushnumber(L, now_ms() / 1e3);
    return 1;
}

static int l_sleep(lua_State *L) {
    Task *t = self(L);
    t->due = now_ms() + luaL_checknumber(L, 1) * 1e3;
    t->state = SLEEPING;
    return lua_yield(L, 0);
}

/* The continuation of fetch: the host resumed it with (true, value) or (false, message). */
static int fetch_k(lua_State *L, int status, lua_KContext ctx) {
    (void)status, (void)ctx;
    if (lua_toboolean(L, -2)) return 1;
    return lua_error(L);
}

/* fetch(x): records the request and yields; the host answers later. */
static int l_fetch(lua_State *L) {
    Task *t = self(L);
    t->x = luaL_checkinteger(L, 1);
    t->due = now_ms() + (double)t->x * LATENCY_MS;
    t->state = FETCHING;
    printf("host: fetch(%lld) requested\n", (long long)t->x);
    return lua_yieldk(L, 0, 0, fetch_k);
}

/* Answers the request: a value for fetch() to return, or an error for it to raise. */
static void complete(Task *t) {
    int ok = t->x != FAILING_X;
    printf("host: fetch(%lld) %s\n", (long long)t->x, ok ? "answers" : "fails");
    lua_pushboolean(t->co, ok);
    if (ok) lua_pushfstring(t->co, "payload %I", t->x);
    else lua_pushliteral(t->co, "host unreachable");
    resume(t, 2);
}

/* Runs what is due (new tasks, sleepers, answers) until every task has ended or the
   session is over; sleeps until the next due time in between. */
static void run_loop(Host *h) {
    double end = now_ms() + SESSION_MS;
    for (;;) {
        double now = now_ms(), next = end;
        int live = 0;
        for (int i = 0; i < h->count; i++) {
            Task *t = &h->tasks[i];
            if (t->state == READY) resume(t, t->nargs);
            else if (t->state == SLEEPING && t->due <= now) resume(t, 0);
            else if (t->state == FETCHING && t->due <= now) complete(t);
            if ((t->state == SLEEPING || t->state == FETCHING) && t->due < next) next = t->due;
            live += t->state != DONE;
        }
        now = now_ms();
        if (!live || now >= end) return;
        poll(NULL, 0, (int)ceil(next - now));
    }
}

int main(void) {
    Host host = {.count = 0};
    lua_State *L = luaL_newstate();
    if (!L) return 1;
    luaL_openlibs(L);
    *(Task **)lua_getextraspace(L) = NULL; /* the main thread is no task */
    static const luaL_Reg funcs[] = {{"spawn", l_spawn}, {"kill", l_kill},   {"now", l_now},
                                     {"sleep", l_sleep}, {"fetch", l_fetch}, {NULL, NULL}};
    lua_pushglobaltable(L);
    lua_pushlightuserdata(L, &host);
    luaL_setfuncs(L, funcs, 1); /* every function gets the Host as upvalue 1 */
    lua_pop(L, 1);
    if (luaL_dostring(L, script) != LUA_OK) {
        fprintf(stderr, "suspend: %s\n", lua_tostring(L, -1));
        return lua_close(L), 1;
    }
    run_loop(&host);
    int pending = 0;
    for (int i = 0; i < host.count; i++) pending += host.tasks[i].state == FETCHING;
    printf("host: loop ended, %d request(s) pending; closing the state\n", pending);
    /* lua_close does not close suspended coroutines' <close> variables: kill them first. */
    for (int i = 0; i < host.count; i++)
        if (host.tasks[i].state != DONE) kill_task(&host.tasks[i]);
    lua_close(L);
    return 0;
}
