/*
** lib_process.c — the process module: process.start runs a program as a child process,
** with pipes to its standard streams if asked; process.run (in the prelude) runs one to
** its end and collects its output.
**
** No shell unless asked for: the program is found on PATH and gets argv as it is. The
** child is made with posix_spawn (its standard streams on the pipes, SIGPIPE back to its
** default, nothing blocked); every fd Mt opens is close-on-exec, so a child inherits only
** its three streams. The parent's ends of the pipes are non-blocking pipe objects
** (lib_net.c), read and written like connections. Waiting for the child's exit suspends
** only the waiting thread: the exit is an fd (pidfd_open, Linux 5.3) the poller watches;
** where there is none, wait() looks every 10 ms. The child is reaped by wait() or by
** reading returncode once it has ended.
*/
#include "stdlib/lib_process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stdlib/lib.h"
#include "stdlib/lib_net.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/object.h"
#include "vm/poll.h"

#define POLL_INTERVAL 0.01 /* how often wait() looks without a pidfd (seconds) */

/* A child process. */
typedef struct Proc {
    pid_t pid;
    int pidfd;      /* readable once the child ends; -1 without pidfd_open or once reaped */
    bool done;      /* reaped: code is its return code */
    int code;       /* the exit status, or -N if signal N ended it */
    Value pipes[3]; /* the pipe objects to its stdin, stdout and stderr, or nil */
} Proc;

static const char *const stream_names[3] = {"stdin", "stdout", "stderr"};

static void proc_mark(VM *vm, void *payload) {
    Proc *p = payload;
    for (int i = 0; i < 3; i++) mtgc_mark_value(vm, p->pipes[i]);
}

/* Takes the child's exit status if it has ended (never waits): true once it is reaped. */
static bool reap(Proc *p) {
    if (p->done) return true;
    int status;
    pid_t r;
    do r = waitpid(p->pid, &status, WNOHANG);
    while (r < 0 && errno == EINTR);
    if (r == 0) return false;
    p->done = true;
    /* r < 0 (ECHILD): someone else reaped it (a host's SIGCHLD handler); its status is lost. */
    p->code = r < 0 ? -1 : WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    if (p->pidfd >= 0) close(p->pidfd);
    p->pidfd = -1;
    return true;
}

/* A process object that becomes garbage reaps its child if it has ended; a child still
   running is left to run (and, if it ends before Mt does, stays a zombie until then: call
   wait()). Its pipes are objects of their own, closed when they are collected. */
static void proc_free(VM *vm, void *payload) {
    MT_UNUSED(vm);
    Proc *p = payload;
    reap(p);
    if (p->pidfd >= 0) close(p->pidfd);
    p->pidfd = -1;
}

static const ForeignOps proc_ops = {
    .name = "process", .size = sizeof(Proc), .mark = proc_mark, .free = proc_free};

#define SELF ((Proc *)mtfo_payload(args[0], &proc_ops))

/* {== Starting ==} */

/* A redirection argument: nil (inherit Mt's stream) or "pipe". */
static bool redirect_arg(VM *vm, Value *args, int argc, int i, const char *fn, bool *pipe) {
    *pipe = false;
    if (!ARG_GIVEN(args, argc, i) || IS_NIL(args[i])) return true;
    if (IS_STRING(args[i]) && strcmp(AS_STRING(args[i])->chars, "pipe") == 0) {
        *pipe = true;
        return true;
    }
    mte_throw(vm, ERR_VALUE, "%s(): %s must be nil or \"pipe\"", fn, stream_names[i - 2]);
    return false;
}

/* A NUL-free str for the child. */
static bool child_str(VM *vm, Value v, const char *fn, int64_t index, const char **out) {
    if (!IS_STRING(v)) {
        mte_throw(vm, ERR_TYPE, "%s(): argv[%lld] must be a str, not %s", fn, (long long)index,
                  mtv_type_name(v));
        return false;
    }
    String *s = AS_STRING(v);
    if (memchr(s->chars, 0, s->len)) {
        mte_throw(vm, ERR_VALUE, "%s(): argv[%lld] contains a NUL byte", fn, (long long)index);
        return false;
    }
    *out = s->chars;
    return true;
}

/* The child's argv as a NULL-ended temporary array (mtmem_tmp_*) pointing into the strs
   of args[1] (rooted on the caller's stack), or NULL with the error raised. */
static const char **child_argv(VM *vm, Value *args, const char *fn, bool shell) {
    Value a = args[1];
    if (shell) {
        if (!IS_STRING(a)) {
            mtlib_type_error(vm, fn, 1, "a str when shell is true", a);
            return NULL;
        }
        const char **v = mtmem_tmp_alloc(vm, 4 * sizeof *v);
        v[0] = "/bin/sh", v[1] = "-c", v[3] = NULL;
        if (!child_str(vm, a, fn, 0, &v[2])) {
            mtmem_tmp_free(vm, v);
            return NULL;
        }
        return v;
    }
    if (!IS_LIST(a)) {
        mtlib_type_error(vm, fn, 1, "a list of str", a);
        return NULL;
    }
    List *l = AS_LIST(a);
    if (l->count == 0) {
        mte_throw(vm, ERR_VALUE, "%s(): argv is empty", fn);
        return NULL;
    }
    const char **v = mtmem_tmp_alloc(vm, (l->count + 1) * sizeof *v);
    for (uint32_t i = 0; i < l->count; i++) {
        if (!child_str(vm, l->items[i], fn, i, &v[i])) {
            mtmem_tmp_free(vm, v);
            return NULL;
        }
    }
    v[l->count] = NULL;
    return v;
}

/* Closes the fds of pairs[0..3) that are open. */
static void close_pairs(int pairs[3][2]) {
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++)
            if (pairs[i][j] >= 0) close(pairs[i][j]), pairs[i][j] = -1;
}

/* Makes the pipes asked for (close-on-exec both ends): pairs[i] = {read end, write end},
   or {-1, -1}; false with errno when the system has no more fds. */
static bool make_pipes(const bool want[3], int pairs[3][2]) {
    for (int i = 0; i < 3; i++) pairs[i][0] = pairs[i][1] = -1;
    for (int i = 0; i < 3; i++) {
        if (want[i] && pipe2(pairs[i], O_CLOEXEC) != 0) {
            int err = errno;
            close_pairs(pairs);
            errno = err;
            return false;
        }
    }
    return true;
}

/* Runs the child: its stream i on the child's end of pairs[i] where there is a pipe.
   0 or an errno. */
static int spawn_child(const char **argv, int pairs[3][2], pid_t *pid) {
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    sigset_t none, dfl;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
    for (int i = 0; i < 3; i++)
        if (pairs[i][0] >= 0) posix_spawn_file_actions_adddup2(&fa, pairs[i][i == 0 ? 0 : 1], i);
    sigemptyset(&none);
    sigemptyset(&dfl);
    sigaddset(&dfl, SIGPIPE); /* mt ignores SIGPIPE; the child gets the default back */
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &dfl);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    int r = posix_spawnp(pid, argv[0], &fa, &attr, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    return r;
}

/* The exit of pid as an fd, or -1 where pidfd_open is missing (then wait() polls). */
static int open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0); /* close-on-exec by definition */
#else
    MT_UNUSED(pid);
    return -1;
#endif
}

/* Makes the pipe objects asked for in p (before any fd exists: an allocation that fails
   leaves none open), named for messages after the program; conns[i] their payloads. */
static void make_pipe_objects(VM *vm, Proc *p, const bool want[3], const char *prog,
                              Conn *conns[3]) {
    for (int i = 0; i < 3; i++) {
        conns[i] = NULL;
        if (!want[i]) continue;
        String *name = mto_string_fmt(vm, "<%s of %s>", stream_names[i], prog);
        mtgc_push_temp(vm, OBJ_VAL(name));
        Value v;
        conns[i] = mtnet_pipe_new(vm, name, &v);
        p->pipes[i] = v; /* p is rooted: so is the pipe from here on */
        mtgc_pop_temp(vm, 1);
    }
}

/* Gives the parent's end of each pipe to its object, non-blocking (the child's end is
   another file description: it stays blocking), and closes the child's ends. */
static void attach_pipes(int pairs[3][2], Conn *conns[3]) {
    for (int i = 0; i < 3; i++) {
        if (pairs[i][0] < 0) continue;
        int mine = pairs[i][i == 0 ? 1 : 0], theirs = pairs[i][i == 0 ? 0 : 1];
        fcntl(mine, F_SETFL, fcntl(mine, F_GETFL) | O_NONBLOCK);
        close(theirs);
        mtnet_pipe_open(conns[i], mine, i == 0);
        pairs[i][0] = pairs[i][1] = -1;
    }
}

/* start(argv, stdin=nil, stdout=nil, stderr=nil, shell=false), for process.start and (as
   "run") the prelude's process.run: the new process object in args[0]. */
static int start_common(VM *vm, Value *args, int argc, const char *fn) {
    bool want[3], shell = ARG_GIVEN(args, argc, 5) && mtv_truthy(args[5]);
    for (int i = 0; i < 3; i++)
        if (!redirect_arg(vm, args, argc, i + 2, fn, &want[i])) return NATIVE_ERROR;
    const char **argv = child_argv(vm, args, fn, shell);
    if (!argv) return NATIVE_ERROR;
    Value v;
    Proc *p = mtfo_new(vm, &proc_ops, &v);
    mtgc_push_temp(vm, v);
    p->done = true; /* nothing to reap until a child runs */
    p->pidfd = -1;
    p->pipes[0] = p->pipes[1] = p->pipes[2] = NIL_VAL;
    Conn *conns[3];
    make_pipe_objects(vm, p, want, shell ? "sh" : argv[0], conns);
    /* From here on nothing allocates until the fds belong to objects. */
    int pairs[3][2];
    if (!make_pipes(want, pairs)) {
        int err = errno;
        mtmem_tmp_free(vm, argv);
        mtgc_pop_temp(vm, 1);
        return mte_throw(vm, ERR_IO, "%s(): cannot make a pipe: %s", fn, mte_errstr(err));
    }
    int r = spawn_child(argv, pairs, &p->pid);
    if (r != 0) {
        close_pairs(pairs);
        mtgc_pop_temp(vm, 1);
        int n = mte_throw(vm, ERR_IO, "cannot run '%s': %s", argv[0], mte_errstr(r));
        mtmem_tmp_free(vm, argv);
        return n;
    }
    p->done = false;
    p->pidfd = open_pidfd(p->pid);
    attach_pipes(pairs, conns);
    mtmem_tmp_free(vm, argv);
    mtgc_pop_temp(vm, 1);
    RETURN(v);
}

static int proc_start(VM *vm, Value *args, int argc) {
    return start_common(vm, args, argc, "start");
}

static int proc_start_for_run(VM *vm, Value *args, int argc) {
    return start_common(vm, args, argc, "run");
}

/* {== Waiting and signalling ==} */

/* p.wait(): the return code once the child has ended; waits (only this thread) until then. */
static int proc_wait(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Proc *p = SELF;
    if (!reap(p)) {
        Step st = p->pidfd >= 0 ? mtpoll_park(vm, vm->current, p->pidfd, MT_POLL_IN)
                                : mtpoll_park_until(vm, vm->current, -1, MT_POLL_IN,
                                                    mts_now() + POLL_INTERVAL);
        return st == STEP_ERROR ? NATIVE_ERROR : NATIVE_RETRY;
    }
    RETURN(SMALLINT_VAL(p->code));
}

/* p.kill(signo=15): sends the signal (nothing once the child has been reaped). */
static int proc_kill(VM *vm, Value *args, int argc) {
    Proc *p = SELF;
    int64_t signo = SIGTERM;
    if (ARG_GIVEN(args, argc, 1) && !mtlib_int_arg(vm, args, 1, "kill", &signo))
        return NATIVE_ERROR;
    if (signo < 0 || signo > 64)
        return mte_throw(vm, ERR_VALUE, "kill(): invalid signal number %lld", (long long)signo);
    /* Not reaped yet, the pid is still this child's (a zombie at worst): never another's. */
    if (!p->done && kill(p->pid, (int)signo) != 0 && errno != ESRCH) {
        if (errno == EINVAL)
            return mte_throw(vm, ERR_VALUE, "kill(): invalid signal number %lld", (long long)signo);
        return mte_throw(vm, ERR_IO, "kill(): %s", mte_errstr(errno));
    }
    RETURN(NIL_VAL);
}

static int proc_pid(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SMALLINT_VAL(SELF->pid));
}

/* p.returncode: nil while the child runs (reaps it if it has ended). */
static int proc_returncode(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    Proc *p = SELF;
    RETURN(reap(p) ? SMALLINT_VAL(p->code) : NIL_VAL);
}

static int proc_stdin(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SELF->pipes[0]);
}

static int proc_stdout(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SELF->pipes[1]);
}

static int proc_stderr(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SELF->pipes[2]);
}

/* {== Registration ==} */

static const char *const p_start[] = {"argv", "stdin", "stdout", "stderr", "shell", NULL};
static const char *const p_kill[] = {"signo", NULL};

static const LibReg process_lib[] = {
    {"start", proc_start, 1, 5, p_start, false},
    {NULL, NULL, 0, 0, NULL, false},
};

/* What the prelude's process.run is written over. */
static const LibReg prelude_natives[] = {
    {"_process_start", proc_start_for_run, 1, 5, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg proc_methods[] = {
    {"wait", proc_wait, 0, 0, NULL, false},    {"kill", proc_kill, 0, 1, p_kill, false},
    {"pid", proc_pid, 0, 0, NULL, true},       {"returncode", proc_returncode, 0, 0, NULL, true},
    {"stdin", proc_stdin, 0, 0, NULL, true},   {"stdout", proc_stdout, 0, 0, NULL, true},
    {"stderr", proc_stderr, 0, 0, NULL, true}, {NULL, NULL, 0, 0, NULL, false},
};

/* Makes the process module on its first import. */
static int open_process(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Module *m = mtlib_native_module(vm, "process", process_lib, NIL_VAL);
    mtgc_push_temp(vm, OBJ_VAL(m));
    mtlib_module_set(vm, m, "run", mtlib_prelude(vm, "run"));
    mtlib_module_set(vm, m, "CompletedProcess", mtlib_prelude(vm, "CompletedProcess"));
    mtgc_pop_temp(vm, 1);
    return mtlib_module_ready(vm, args, m);
}

void mtproc_open(VM *vm) {
    mtlib_register_class_methods(vm, mtfo_new_class(vm, &proc_ops), proc_methods);
    mtlib_define_in_module(vm, vm->prelude, prelude_natives);
    mtlib_lazy_module(vm, "process", open_process);
}
