/*
** game_loop.c (Lua 5.4) — a fixed-frame host: every frame the script gets a bounded
** budget (instructions and time), enforced by a count hook that yields the running
** coroutine, so a script can never take the frame away from the host.
**
** The host runs its entities as coroutines from a run queue. Actors move once per frame:
** next_frame() yields until the host's next frame. The rogue spins in `while true`; the
** hook preempts it where the budget ran out, and it stays at the head of the queue (the
** actors queue behind it), so only the host's frames go on. The watchdog sees the budget
** spent WATCHDOG_FRAMES frames in a row and closes the entity away the longest
** (lua_resetthread): the rogue's <close> cleanup runs, the actors go on.
*/
#define _POSIX_C_SOURCE 200809L /* clock_gettime, clock_nanosleep under -std=c11 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static const char script[] = "pos = {}\n"
                             "function actor(id, x, dx)\n"
                             "    while true do\n"
                             "        x = x + dx\n"
                             "        pos[id] = x\n"
                             "        next_frame()\n"
                             "    end\n"
                             "end\n"
                             "function rogue(id)\n"
                             "    next_frame()\n"
                             "    local loops = 0\n"
                             "    local cleanup <close> = setmetatable({}, {__close = function()\n"
                             "        print(\"rogue: killed, cleanup runs\")\n"
                             "    end})\n"
                             "    while true do loops = loops + 1 end\n"
                             "end\n";

#define FRAMES          10
#define FRAME_NS        16000000 /* 16 ms a frame ... */
#define STEP_INSNS      100000 /* ... of which the script gets at most this many VM instructions */
#define STEP_SECONDS    0.004  /* and at most 4 ms */
#define HOOK_EVERY      1000   /* the hook checks the budget every this many instructions */
#define WATCHDOG_FRAMES 3      /* the budget spent this many frames in a row: kill */
#define SLACK_SECONDS   0.030  /* how late a frame's run may return (a busy machine) */

typedef struct {
    const char *name;
    lua_State *co;  /* the entity's coroutine, kept alive in the registry */
    int nargs;      /* what the next lua_resume passes */
    bool waiting;   /* set while it waits in next_frame() */
    bool dead;      /* closed or ended */
    int away_since; /* the frame it last went running from */
} Entity;

typedef struct {
    Entity entities[3];
    Entity *queue[3]; /* the run queue: the head runs, a preempted entity stays there */
    int count, queued, frame;
    long used; /* instructions run this frame (in HOOK_EVERY steps) */
    struct timespec t0;
} Game;

static double seconds_since(const struct timespec *t0) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Every HOOK_EVERY instructions: once the frame's budget is spent, yield the coroutine
   where it is (count hooks may yield; lua_resume returns LUA_YIELD to the host). */
static void budget_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    Game *game = *(Game **)lua_getextraspace(L);
    game->used += HOOK_EVERY;
    if (game->used >= STEP_INSNS || seconds_since(&game->t0) >= STEP_SECONDS) lua_yield(L, 0);
}

/* next_frame(): the running entity (the queue's head) is done with this frame. */
static int next_frame(lua_State *L) {
    Game *game = *(Game **)lua_getextraspace(L);
    if (!lua_isyieldable(L)) return luaL_error(L, "next_frame: not called from an entity");
    game->queue[0]->waiting = true;
    return lua_yield(L, 0); /* returns what the host resumes it with: the frame number */
}

static void dequeue(Game *game, Entity *e) {
    for (int i = 0; i < game->queued; i++)
        if (game->queue[i] == e) {
            memmove(&game->queue[i], &game->queue[i + 1], (size_t)(--game->queued - i) * sizeof e);
            return;
        }
}

/* A coroutine that will run fn(id, args...); the host queues it to start. */
static void spawn_entity(lua_State *L, Game *game, const char *name, const char *fn, int argc,
                         const lua_Integer *args) {
    Entity *e = &game->entities[game->count];
    *e = (Entity){.name = name, .co = lua_newthread(L), .nargs = argc + 1};
    lua_rawsetp(L, LUA_REGISTRYINDEX, e); /* keeps the coroutine alive */
    lua_sethook(e->co, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
    lua_getglobal(e->co, fn);
    lua_pushinteger(e->co, game->count);
    for (int i = 0; i < argc; i++) lua_pushinteger(e->co, args[i]);
    game->queue[game->queued++] = e;
    game->count++;
}

/* The frame begins: every entity waiting in next_frame() is queued to go on. */
static void wake_entities(Game *game) {
    for (int i = 0; i < game->count; i++) {
        Entity *e = &game->entities[i];
        if (!e->waiting) continue;
        lua_pushinteger(e->co, game->frame);
        e->nargs = 1;
        e->waiting = false;
        e->away_since = game->frame;
        game->queue[game->queued++] = e;
    }
}

/* Runs the queue until it is empty (budget left over) or the hook stops an entity (spent). */
static bool run_queue(Game *game) {
    clock_gettime(CLOCK_MONOTONIC, &game->t0);
    game->used = 0;
    while (game->queued > 0) {
        Entity *e = game->queue[0];
        int nres, st = lua_resume(e->co, NULL, e->nargs, &nres);
        e->nargs = 0;
        if (st == LUA_YIELD) {
            lua_pop(e->co, nres);
            if (!e->waiting) return true; /* the hook yielded it: it stays at the head */
        } else {
            if (st != LUA_OK) fprintf(stderr, "%s failed: %s\n", e->name, lua_tostring(e->co, -1));
            e->dead = true;
        }
        dequeue(game, e);
    }
    return false;
}

/* The host's view of the world: pos[id] for each actor (read from the global table). */
static void show_frame(lua_State *L, const Game *game, bool spent) {
    printf("frame %2d:", game->frame);
    lua_getglobal(L, "pos");
    for (int i = 0; i < game->count; i++) {
        if (lua_geti(L, -1, i) != LUA_TNIL)
            printf("  %s %3lld", game->entities[i].name, (long long)lua_tointeger(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    printf("  | budget %s\n", spent ? "spent" : "left over");
}

/* The entity that has been running (or queued) the longest without coming back to
   next_frame(): with the budget spent frame after frame, that is the one spinning. */
static void watchdog(Game *game) {
    Entity *worst = NULL;
    for (int i = 0; i < game->count; i++) {
        Entity *e = &game->entities[i];
        if (e->waiting || e->dead) continue;
        if (!worst || e->away_since < worst->away_since) worst = e;
    }
    if (!worst) return;
    printf("host: %s has not yielded the frame since frame %d: killing it\n", worst->name,
           worst->away_since);
    lua_sethook(worst->co, NULL, 0, 0); /* else the hook fires (and fails) inside <close> */
    lua_resetthread(worst->co);         /* its pending <close> variables run */
    worst->dead = true;
    dequeue(game, worst);
}

/* Sleeps until the frame's deadline (absolute, so frames do not drift). */
static void wait_for_frame(struct timespec *deadline) {
    deadline->tv_nsec += FRAME_NS;
    if (deadline->tv_nsec >= 1000000000) {
        deadline->tv_nsec -= 1000000000;
        deadline->tv_sec++;
    }
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, deadline, NULL) != 0) {
    }
}

/* One frame: wake the entities, run the queue on a budget, show the world, watch.
   Returns how long the run took. */
static double frame(lua_State *L, Game *game, int *spent_in_a_row) {
    wake_entities(game);
    bool spent = run_queue(game);
    double took = seconds_since(&game->t0);
    show_frame(L, game, spent);
    *spent_in_a_row = spent ? *spent_in_a_row + 1 : 0;
    if (*spent_in_a_row == WATCHDOG_FRAMES) {
        watchdog(game);
        *spent_in_a_row = 0;
    }
    return took;
}

int main(void) {
    Game game = {.count = 0};
    lua_State *L = luaL_newstate();
    if (!L) return 1;
    luaL_openlibs(L);
    *(Game **)lua_getextraspace(L) = &game; /* every coroutine made later inherits it */
    lua_register(L, "next_frame", next_frame);
    if (luaL_dostring(L, script) != LUA_OK) {
        fprintf(stderr, "game: %s\n", lua_tostring(L, -1));
        return lua_close(L), 1;
    }
    spawn_entity(L, &game, "ant", "actor", 2, (const lua_Integer[]){0, 1});
    spawn_entity(L, &game, "bee", "actor", 2, (const lua_Integer[]){100, -5});
    spawn_entity(L, &game, "rogue", "rogue", 0, NULL);

    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    double longest = 0;
    int spent_in_a_row = 0;
    for (game.frame = 1; game.frame <= FRAMES; game.frame++) {
        double took = frame(L, &game, &spent_in_a_row);
        if (took > longest) longest = took;
        wait_for_frame(&deadline);
    }
    printf("host: %d frames, every step back within its budget: %s\n", FRAMES,
           longest <= STEP_SECONDS + SLACK_SECONDS ? "yes" : "NO");
    lua_close(L); /* the actors still waiting in next_frame() are simply collected */
    return 0;
}
