/*
** game_loop.c — a fixed-frame host: every frame the VM gets a bounded budget (ticks and
** time) through mt_step, so a script can never take the frame away from the host.
**
** The host spawns its entities as Mt threads (mt_spawn) and keeps their handles. Actors
** move once per frame: next_frame() suspends an actor until the host's next frame. One
** entity is a rogue that spins in `while true` without ever waiting. Threads switch only
** where they wait, so once the rogue runs it keeps the VM (the actors queue behind it),
** but each mt_step still returns when its budget is spent: the host gets every frame.
** Its watchdog sees the budget spent WATCHDOG_FRAMES frames in a row and kills the entity
** that has been away the longest (mt_kill): the rogue's cleanup runs, the actors go on.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mt.h"

static const char script[] = "let pos = {}\n"
                             "def actor(id, x, dx):\n"
                             "    while true:\n"
                             "        x += dx\n"
                             "        pos[id] = x\n"
                             "        next_frame(id)\n"
                             "def rogue(id):\n"
                             "    next_frame(id)\n"
                             "    let loops = 0\n"
                             "    try:\n"
                             "        while true:\n"
                             "            loops += 1\n"
                             "    finally:\n"
                             "        print(\"rogue: killed, cleanup runs\")\n";

#define FRAMES          10
#define FRAME_NS        16000000 /* 16 ms a frame ... */
#define STEP_TICKS      100000   /* ... of which the VM gets at most this many ticks */
#define STEP_SECONDS    0.004    /* and at most 4 ms */
#define WATCHDOG_FRAMES 3        /* the budget spent this many frames in a row: kill */
#define SLACK_SECONDS   0.030    /* how late a step may return (a busy machine) */

typedef struct {
    const char *name;
    mt_Handle *thread;         /* the entity's thread (mt_spawn), kept by the host */
    mt_Suspension *suspension; /* set while it waits in next_frame() */
    int away_since;            /* the frame it last went running from */
} Entity;

typedef struct {
    Entity entities[3];
    int count;
    int frame;
} Game;

/* next_frame(id): the entity is done with this frame; it runs again in the next one. */
static int next_frame(mt_VM *vm, int argc, void *user_data) {
    (void)argc;
    Game *game = user_data;
    int64_t id;
    if (!mt_arg_int(vm, 1, &id)) return MT_NATIVE_ERROR;
    if (id < 0 || id >= game->count)
        return mt_raise(vm, "ValueError", "no entity %lld", (long long)id);
    return mt_suspend(vm, &game->entities[id].suspension, NULL, NULL);
}

/* Spawns fn(id, args...) as the entity's thread: the callee and arguments go in slots
   0.., the thread replaces the callee and the host keeps it in a handle. */
static void spawn_entity(mt_VM *vm, Game *game, const char *name, const char *fn, int argc,
                         const int64_t *args) {
    Entity *e = &game->entities[game->count];
    e->name = name;
    mt_get_global(vm, NULL, fn, 0);
    mt_set_int(vm, 1, game->count);
    for (int i = 0; i < argc; i++) mt_set_int(vm, 2 + i, args[i]);
    mt_spawn(vm, 0, argc + 1);
    e->thread = mt_handle(vm, 0);
    game->count++;
}

/* The frame begins: every entity waiting in next_frame() goes on. */
static void wake_entities(mt_VM *vm, Game *game) {
    for (int i = 0; i < game->count; i++) {
        Entity *e = &game->entities[i];
        if (!e->suspension) continue;
        mt_set_int(vm, 0, game->frame);
        mt_resume(vm, e->suspension, 0); /* next_frame() returns the frame number */
        e->suspension = NULL;
        e->away_since = game->frame;
    }
}

/* The host's view of the world: pos[id] for each actor (read from the global map). */
static void show_frame(mt_VM *vm, const Game *game, const mt_StepInfo *info) {
    printf("frame %2d:", game->frame);
    mt_get_global(vm, NULL, "pos", 0);
    for (int i = 0; i < game->count; i++) {
        mt_set_int(vm, 1, i);
        if (mt_map_get(vm, 0, 1, 2) == MT_OK)
            printf("  %s %3lld", game->entities[i].name, (long long)mt_get_int(vm, 2));
    }
    printf("  | budget %s\n", info->budget_spent ? "spent" : "left over");
}

/* The entity that has been running (or queued) the longest without coming back to
   next_frame(): with the budget spent frame after frame, that is the one spinning. */
static void watchdog(mt_VM *vm, Game *game) {
    Entity *worst = NULL;
    for (int i = 0; i < game->count; i++) {
        Entity *e = &game->entities[i];
        mt_handle_get(vm, e->thread, 0);
        if (e->suspension || mt_thread_result(vm, 0, 1) != MT_WOULD_BLOCK) continue;
        if (!worst || e->away_since < worst->away_since) worst = e;
    }
    if (!worst) return;
    printf("host: %s has not yielded the frame since frame %d: killing it\n", worst->name,
           worst->away_since);
    mt_handle_get(vm, worst->thread, 0);
    mt_kill(vm, 0); /* ThreadExit at the point where the budget stopped it */
}

static double seconds_since(const struct timespec *t0) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
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

/* One frame: wake the entities, give the VM its budget, show the world, watch. Returns
   how long the step took. */
static double frame(mt_VM *vm, Game *game, int *spent_in_a_row) {
    wake_entities(vm, game);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    mt_StepInfo info;
    mt_step(vm, STEP_TICKS, STEP_SECONDS, &info);
    double took = seconds_since(&t0);
    show_frame(vm, game, &info);
    *spent_in_a_row = info.budget_spent ? *spent_in_a_row + 1 : 0;
    if (*spent_in_a_row == WATCHDOG_FRAMES) {
        watchdog(vm, game);
        *spent_in_a_row = 0;
    }
    return took;
}

/* Mt's print goes to the host's stdout, in order with the host's lines. */
static void write_out(mt_VM *vm, const char *text, size_t len, void *user_data) {
    (void)vm, (void)user_data;
    fwrite(text, 1, len, stdout);
}

int main(void) {
    Game game = {.count = 0};
    mt_Config config;
    mt_config_init(&config);
    config.write_out = write_out;
    mt_VM *vm = mt_new(&config);
    if (!vm) return 1;
    mt_ensure_slots(vm, 4);
    mt_Function fn = {"next_frame", next_frame, 1, 1};
    mt_def_function(vm, &fn, &game);
    if (mt_exec(vm, "game", script, strlen(script), -1) != MT_OK) return mt_free(vm), 1;
    spawn_entity(vm, &game, "ant", "actor", 2, (const int64_t[]){0, 1});
    spawn_entity(vm, &game, "bee", "actor", 2, (const int64_t[]){100, -5});
    spawn_entity(vm, &game, "rogue", "rogue", 0, NULL);

    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    double longest = 0;
    int spent_in_a_row = 0;
    for (game.frame = 1; game.frame <= FRAMES; game.frame++) {
        double took = frame(vm, &game, &spent_in_a_row);
        if (took > longest) longest = took;
        wait_for_frame(&deadline);
    }
    printf("host: %d frames, every step back within its budget: %s\n", FRAMES,
           longest <= STEP_SECONDS + SLACK_SECONDS ? "yes" : "NO");
    for (int i = 0; i < game.count; i++) mt_release(vm, game.entities[i].thread);
    return mt_free(vm); /* the actors still waiting in next_frame() are killed */
}
