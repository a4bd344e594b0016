/*
** event_loop.c (Lua 5.4) — a host that owns the event loop: one poll() call waits for
** everything, the host's own timer and the fds the script's coroutines wait on, and the
** host resumes its coroutines in between.
**
** The script spawns three tasks: a ticker that sleeps, a worker that receives jobs from
** the inbox the host feeds (recv, a queue in the host), and a reader waiting for a child
** process's output (io.popen; wait_readable yields until the host's poll() sees the pipe
** readable). The host's timer fires between the ticks, so the output shows host events
** and Lua tasks interleaved in time. Ctrl-C (SIGINT) ends the loop: the host closes every
** task (the worker's <close> cleanup runs) and exits with 130.
*/
#define _POSIX_C_SOURCE 200809L /* clock_gettime, fileno under -std=c11 */
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static const char script[] =
    "local t0 = now()\n"
    "local function at(ms)  -- sleep until ms after the start, so the ticks do not drift\n"
    "    sleep(t0 + ms / 1000 - now())\n"
    "end\n"
    "spawn(function()\n"
    "    for i = 1, 4 do\n"
    "        at(i * 200)\n"
    "        print(\"lua: tick \" .. i)\n"
    "    end\n"
    "end)\n"
    "spawn(function()\n"
    "    local cleanup <close> = setmetatable({}, {__close = function()\n"
    "        print(\"lua: worker done\")\n"
    "    end})\n"
    "    for job in recv do  -- the host closes the inbox at the end: recv() gives nil\n"
    "        print(\"lua: worker got \" .. job)\n"
    "    end\n"
    "end)\n"
    "spawn(function()\n"
    "    local p = io.popen(\"sleep 0.1; echo hello from a child\")\n"
    "    wait_readable(p)  -- the host's poll() watches the pipe\n"
    "    print(\"lua: \" .. p:read(\"l\"))\n"
    "    p:close()\n"
    "end)\n";

#define HOST_PERIOD_MS 200 /* the host's timer: at 300, 500, 700 ms it sends, at 900 closes */
#define HOST_FIRST_MS  300
#define HOST_EVENTS    4
#define INBOX_SIZE     4
#define MAX_TASKS      16

enum { READY, SLEEPING, RECEIVING, READING, DONE };

typedef struct {
    lua_State *co;
    int ref, state, nargs, fd; /* fd: while READING */
    double due;                /* while SLEEPING */
} Task;

typedef struct {
    Task tasks[MAX_TASKS];
    int count;
    int inbox[INBOX_SIZE], head, queued; /* the jobs sent and not yet received */
    bool closed;
} Host;

static volatile sig_atomic_t interrupted;

static void on_sigint(int signo) { interrupted = signo; }

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

/* Runs the task until it waits (the C function it called set its state) or ends. */
static void resume(Task *t, int nargs) {
    int nres;
    t->state = READY;
    t->nargs = 0;
    int st = lua_resume(t->co, NULL, nargs, &nres);
    if (st == LUA_YIELD) {
        lua_pop(t->co, nres);
        return;
    }
    if (st != LUA_OK) fprintf(stderr, "task failed: %s\n", lua_tostring(t->co, -1));
    t->state = DONE;
    luaL_unref(t->co, LUA_REGISTRYINDEX, t->ref);
}

/* spawn(f, ...): a new task that runs f(...) from the host's loop. */
static int l_spawn(lua_State *L) {
    Host *h = lua_touserdata(L, lua_upvalueindex(1));
    luaL_checktype(L, 1, LUA_TFUNCTION);
    if (h->count == MAX_TASKS) return luaL_error(L, "too many tasks");
    Task *t = &h->tasks[h->count++];
    *t = (Task){.co = lua_newthread(L), .state = READY, .nargs = lua_gettop(L) - 2};
    *(Task **)lua_getextraspace(t->co) = t;
    t->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_xmove(L, t->co, lua_gettop(L)); /* f and args go to the new thread */
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

/* Pushes the next job from the inbox, or nil once it is empty and closed. */
static int push_job(lua_State *L, Host *h) {
    if (h->queued == 0) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushfstring(L, "job %d", h->inbox[h->head]);
    h->head = (h->head + 1) % INBOX_SIZE;
    h->queued--;
    return 1;
}

/* recv(): the next job; waits while the inbox is empty and open. */
static int l_recv(lua_State *L) {
    Host *h = lua_touserdata(L, lua_upvalueindex(1));
    if (h->queued > 0 || h->closed) return push_job(L, h);
    self(L)->state = RECEIVING;
    return lua_yield(L, 0); /* the host resumes it with the job, or nil */
}

/* wait_readable(file): waits until the host's poll() finds the file readable. */
static int l_wait_readable(lua_State *L) {
    luaL_Stream *s = luaL_checkudata(L, 1, LUA_FILEHANDLE);
    Task *t = self(L);
    t->fd = fileno(s->f);
    t->state = READING;
    return lua_yield(L, 0);
}

/* The host's timer went off for the n-th time: send a job, or close the inbox. */
static void host_event(Host *h, int n) {
    if (n == HOST_EVENTS) {
        printf("host: timer %d, closing the inbox\n", n);
        h->closed = true;
    } else if (h->queued == INBOX_SIZE) {
        printf("host: inbox full, job %d dropped\n", n);
    } else {
        printf("host: timer %d, sending job %d\n", n, n);
        h->inbox[(h->head + h->queued++) % INBOX_SIZE] = n;
    }
}

/* The loop: fire the host's timer when due, resume the tasks that can go on, sleep in
   poll() until the next timer or a watched fd. Returns the exit status. */
static int run_loop(Host *h) {
    double start = now_ms();
    int fired = 0;
    for (;;) {
        double now = now_ms();
        double next =
            fired < HOST_EVENTS ? start + HOST_FIRST_MS + fired * HOST_PERIOD_MS : INFINITY;
        if (next <= now) {
            host_event(h, ++fired);
            continue; /* resume at once: the worker has a job */
        }
        struct pollfd pfds[MAX_TASKS];
        Task *readers[MAX_TASKS];
        nfds_t n = 0;
        int live = 0;
        for (int i = 0; i < h->count; i++) {
            Task *t = &h->tasks[i];
            if (t->state == READY) resume(t, t->nargs);
            else if (t->state == SLEEPING && t->due <= now) resume(t, 0);
            else if (t->state == RECEIVING && (h->queued > 0 || h->closed))
                resume(t, push_job(t->co, h));
            if (t->state == SLEEPING && t->due < next) next = t->due;
            if (t->state == READING) {
                pfds[n] = (struct pollfd){.fd = t->fd, .events = POLLIN};
                readers[n++] = t;
            }
            live += t->state != DONE;
        }
        if (fired == HOST_EVENTS && live == 0) return 0;
        double ms = next - now_ms();
        poll(pfds, n, next == INFINITY ? -1 : ms <= 0 ? 0 : (int)ceil(ms)); /* EINTR: Ctrl-C */
        if (interrupted) {
            for (int i = 0; i < h->count; i++) /* pending <close> variables run */
                if (h->tasks[i].state != DONE) lua_resetthread(h->tasks[i].co);
            return 128 + interrupted;
        }
        for (nfds_t j = 0; j < n; j++)
            if (pfds[j].revents) readers[j]->state = READY;
    }
}

int main(void) {
    Host host = {.count = 0};
    lua_State *L = luaL_newstate();
    if (!L) return 1;
    luaL_openlibs(L);
    setvbuf(stdout, NULL, _IOLBF, 0); /* a pipe sees each line when it happens */
    signal(SIGINT, on_sigint);
    *(Task **)lua_getextraspace(L) = NULL; /* the main thread is no task */
    static const luaL_Reg funcs[] = {{"wait_readable", l_wait_readable},
                                     {"recv", l_recv},
                                     {"spawn", l_spawn},
                                     {"now", l_now},
                                     {"sleep", l_sleep},
                                     {NULL, NULL}};
    lua_pushglobaltable(L);
    lua_pushlightuserdata(L, &host);
    luaL_setfuncs(L, funcs, 1); /* every function gets the Host as upvalue 1 */
    lua_pop(L, 1);
    int status = 1;
    if (luaL_dostring(L, script) == LUA_OK) status = run_loop(&host);
    else fprintf(stderr, "event_loop: %s\n", lua_tostring(L, -1));
    if (status != 1) printf("host: loop ended with %s\n", status ? "SIGINT" : "OK");
    lua_close(L);
    return status;
}
