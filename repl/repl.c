/*
** repl.c — the interactive REPL of `mt`, a host of the public API (mt.h) only.
**
** One VM runs one chunk per entry (mt_exec) in its host module, so definitions persist
** from entry to entry, and threads spawned at the prompt stay alive between entries.
** While the prompt waits, the REPL's loop runs those threads in slices (mt_step) and
** waits with poll() on standard input, the fds the threads wait on, the VM's wake-up fd
** and a self-pipe for signals, for at most the time until the next timer; keys go to
** readline's callback interface (line.c). Output that threads write meanwhile is shown
** above the prompt: the prompt and the half-typed line are taken off the screen, the
** text written, and the line drawn again below it.
**
** An entry is read line by line. After each line the entry is compiled (mt_check): if
** it is complete it runs, unless it opened a block (a line ending in ':'), which an
** empty line ends; if the source ended too early (mt_incomplete: an open bracket, string
** or block) the next line is read with the "... " prompt; any other compile error is
** shown with its caret and the entry is dropped. The value of a trailing expression
** statement is printed with repr (nil prints nothing) and kept in `_`.
**
** Ctrl-C while an entry runs is forwarded to the VM (mt_signal): Interrupt in the
** entry's thread, whose finally blocks run; the other threads go on. At the prompt it
** only drops the line. Ctrl-D (or exit()) ends the session: every live thread is killed
** and its cleanup runs (mt_shutdown); a second Ctrl-C cuts that short.
*/
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "line.h"
#include "repl.h"

#define CHUNK_NAME   "<stdin>"
#define PROMPT       ">>> "
#define PROMPT_MORE  "... "
#define HISTORY_MAX  1000 /* entries kept in the history file */
#define STEP_SECONDS 0.02 /* the longest slice threads run between two looks at the keyboard */
#define MAX_POLL_FDS 256  /* fds threads wait on that the REPL's poll watches */

/* A growing text buffer. */
typedef struct {
    char *chars;
    size_t len, cap;
} Buf;

static bool buf_add(Buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->chars, cap);
        if (!p) return false;
        b->chars = p;
        b->cap = cap;
    }
    memcpy(b->chars + b->len, s, n);
    b->len += n;
    b->chars[b->len] = '\0';
    return true;
}

static void buf_clear(Buf *b) {
    b->len = 0;
    if (b->chars) b->chars[0] = '\0';
}

/* What the line just fed made of the entry. */
typedef enum {
    FEED_NOTHING, /* a blank line with no entry in progress */
    FEED_MORE,    /* the entry goes on: read another line */
    FEED_RUN,     /* the entry is complete: run it */
    FEED_ERROR,   /* the entry does not compile: show the error, drop it */
} Feed;

/* The session. One per process: the signal handlers reach it. */
static struct {
    mt_VM *vm;
    bool interactive;                  /* readline on a terminal (else plain lines, no prompts) */
    Buf entry;                         /* the entry being typed, each line ended by '\n' */
    bool block;                        /* the entry opened a block: an empty line ends it */
    Buf queue;                         /* lines the editor gave that wait their turn ('\n'-ended) */
    size_t queue_pos;                  /* the next of them */
    bool queue_paste;                  /* they came as one multi-line text (a recalled entry, a
                                          paste): its end also ends a block */
    Feed ready;                        /* FEED_RUN / FEED_ERROR: the entry waits for the loop */
    bool eof;                          /* Ctrl-D at the primary prompt: leave */
    Buf error;                         /* the last compile error's report (from error_fn) */
    bool at_bol;                       /* the cursor is at the start of a line */
    mt_Handle *repr;                   /* the builtin repr, whatever the user names repr */
    int status;                        /* the exit status once the session ends */
    bool ended;                        /* the VM ended the session (exit(), a signal) */
    volatile sig_atomic_t running;     /* an entry (or the final cleanup) runs: Ctrl-C is
                                          forwarded to the VM */
    volatile sig_atomic_t interrupted; /* Ctrl-C at the prompt, not handled yet */
    volatile sig_atomic_t resized;     /* SIGWINCH, not handled yet */
    volatile sig_atomic_t suspended;   /* Ctrl-Z at the prompt, not handled yet */
    volatile sig_atomic_t newline_due; /* the terminal echoed ^C: the next output starts on
                                          a new line */
    volatile sig_atomic_t finishing;   /* the cleanup after Ctrl-D runs */
    volatile sig_atomic_t cut_short;   /* ... and Ctrl-C cut it short */
    bool echoctl;                      /* the terminal echoes control characters (^C) */
    int wake[2];                       /* self-pipe: the signal handlers write to it */
} R;

/* {== Output ==} */

void mtrepl_write(int fd, const char *text, size_t len) {
    if (len == 0) return;
    if (mtline_reading()) {
        mtline_hide();
        R.at_bol = true;
    }
    if (R.newline_due) {
        R.newline_due = 0;
        mtline_write_all(fd, "\n", 1);
    }
    mtline_write_all(fd, text, len);
    R.at_bol = text[len - 1] == '\n';
}

void mtrepl_print(const char *text) { mtrepl_write(1, text, strlen(text)); }

/* Makes sure the cursor is at the start of a line when the last output did not end one.
   Whether it is cannot be known from the output alone: the terminal itself echoed what
   input() read, Enter included. So, as zsh does, a line's width of spaces is written: from
   the start of a line they fill it and leave the cursor there (terminals wrap only at the
   next character), from anywhere else they wrap to a new line; then "\r" and clearing
   the line leave the cursor at the start of a clean line either way. */
static void fresh_line(void) {
    if (R.at_bol) return;
    R.at_bol = true;
    struct winsize ws;
    const char *term = getenv("TERM");
    if (!isatty(1) || ioctl(1, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0 || ws.ws_col > 1000 ||
        (term && strcmp(term, "dumb") == 0)) {
        mtline_write_all(1, "\n", 1);
        return;
    }
    char spaces[1008];
    memset(spaces, ' ', ws.ws_col);
    memcpy(spaces + ws.ws_col, "\r\x1b[K", 4);
    mtline_write_all(1, spaces, (size_t)ws.ws_col + 4);
}

/* After output: the next prompt starts on a line of its own, and a prompt that output
   took off the screen comes back. */
static void output_done(void) {
    fresh_line();
    mtline_show();
}

static void on_write_out(mt_VM *vm, const char *text, size_t len, void *ud) {
    (void)vm;
    (void)ud;
    mtrepl_write(1, text, len);
}

static void on_write_err(mt_VM *vm, const char *text, size_t len, void *ud) {
    (void)vm;
    (void)ud;
    mtrepl_write(2, text, len);
}

/* Errors: compile errors are kept (the REPL decides whether the entry is only
   incomplete); runtime errors are shown at once. */
static void on_error(mt_VM *vm, const mt_ErrorInfo *e, void *ud) {
    (void)vm;
    (void)ud;
    if (e->kind == MT_ERROR_COMPILE) {
        buf_clear(&R.error);
        buf_add(&R.error, e->text, strlen(e->text));
        return;
    }
    size_t n = strlen(e->text);
    mtrepl_write(2, e->text, n);
    if (n && e->text[n - 1] != '\n') mtrepl_write(2, "\n", 1);
}

/* {== Signals ==} */

static void wake_loop(void) {
    int saved = errno;
    ssize_t r = write(R.wake[1], "", 1);
    (void)r;
    errno = saved;
}

static void on_sigint(int signo) {
    if (R.finishing) R.cut_short = 1;
    if (R.running) {
        mt_signal(R.vm, signo);
        if (R.echoctl) R.newline_due = 1; /* the terminal shows ^C */
    } else {
        R.interrupted = 1;
        wake_loop();
    }
}

static void on_sigterm(int signo) { mt_signal(R.vm, signo); }

/* Stops the process as SIGTSTP's default action would, and takes the signal back when
   it continues. Async-signal-safe. */
static void stop_now(void) {
    int saved = errno;
    struct sigaction dfl, mine;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &mine);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGTSTP); /* stopped here until SIGCONT */
    sigaction(SIGTSTP, &mine, NULL);
    errno = saved;
}

/* Ctrl-Z: while an entry runs (the terminal in its normal mode) the process stops at
   once; at the prompt the loop first gives the terminal back (see handle_signals). */
static void on_sigtstp(int signo) {
    (void)signo;
    if (R.running) {
        stop_now();
        return;
    }
    R.suspended = 1;
    wake_loop();
}

static void on_sigwinch(int signo) {
    (void)signo;
    R.resized = 1;
    wake_loop();
}

static void install_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_sigterm; /* SystemExit(128 + n): the threads' cleanup runs */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL); /* the terminal went away */
    sa.sa_handler = on_sigtstp;
    sigaction(SIGTSTP, &sa, NULL);
    sa.sa_handler = on_sigwinch;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

static void drain_wake(void) {
    char buf[64];
    while (read(R.wake[0], buf, sizeof buf) > 0) {
    }
}

/* {== Reading an entry ==} */

/* Where the source of an entry stands at its end, as far as the REPL needs to know:
   brackets still open, a string still open, and whether its last line ends in ':'
   outside brackets (it opened a block). The compiler decides everything else. */
typedef struct {
    int depth;
    bool in_string;
    bool opens_block;
    bool has_code; /* something besides comments and blanks */
} Scan;

static Scan scan_entry(const char *s, size_t n) {
    Scan sc = {0, false, false, false};
    char quote = 0, last = 0;
    bool triple = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (quote) {
            if (c == '\\') i++;
            else if (triple && c == quote && i + 2 < n && s[i + 1] == quote && s[i + 2] == quote) {
                quote = 0;
                i += 2;
                last = c;
            } else if (!triple && (c == quote || c == '\n')) {
                quote = 0;
                last = c;
            }
            continue;
        }
        if (c == '#') {
            while (i + 1 < n && s[i + 1] != '\n') i++;
        } else if (c == '\n') {
            last = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
            sc.has_code = true;
            triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            if (triple) i += 2;
        } else if (c == '(' || c == '[' || c == '{') {
            sc.depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (sc.depth > 0) sc.depth--;
        }
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '#') {
            last = c;
            sc.has_code = true;
        }
    }
    sc.in_string = quote != 0;
    sc.opens_block = last == ':' && sc.depth == 0 && !sc.in_string;
    return sc;
}

static bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static bool is_blank(const char *s) {
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r') return false;
    return true;
}

static void reset_entry(void) {
    buf_clear(&R.entry);
    R.block = false;
}

/* Adds a line to the entry and decides what comes next. `paste_end`: the line ends a
   multi-line text given at once, which ends a block as an empty line would. */
static Feed feed_line(const char *line, bool paste_end) {
    bool blank = is_blank(line);
    if (R.entry.len == 0 && blank) return FEED_NOTHING;
    if (!buf_add(&R.entry, line, strlen(line)) || !buf_add(&R.entry, "\n", 1)) {
        buf_clear(&R.error);
        buf_add(&R.error, "mt: out of memory", 17);
        return FEED_ERROR;
    }
    Scan sc = scan_entry(R.entry.chars, R.entry.len - 1);
    if (sc.opens_block) R.block = true;
    /* Only comments so far: they may belong to a definition that follows (help() shows
       the comment above a def), so the entry goes on until code or an empty line. */
    if (!sc.has_code) return blank || paste_end ? FEED_RUN : FEED_MORE;
    buf_clear(&R.error);
    mt_Status st = mt_check(R.vm, CHUNK_NAME, R.entry.chars, R.entry.len);
    if (st == MT_OK) return R.block && !blank && !paste_end ? FEED_MORE : FEED_RUN;
    if (st == MT_COMPILE_ERROR && mt_incomplete(R.vm)) {
        /* An empty line ends a block even when it is still missing something (a body):
           that is the error to show. Inside brackets or strings it is just a line. */
        if (blank && R.block && sc.depth == 0 && !sc.in_string) {
            /* The error as the entry stands without its empty lines: the caret then
               points at what is missing (after "def f():"), not at an empty line. */
            size_t n = R.entry.len;
            while (n > 0 && is_blank_char(R.entry.chars[n - 1])) n--;
            buf_clear(&R.error);
            if (mt_check(R.vm, CHUNK_NAME, R.entry.chars, n) == MT_OK) {
                /* Should not happen (it was incomplete with them): report as is. */
                mt_check(R.vm, CHUNK_NAME, R.entry.chars, R.entry.len);
            }
            return FEED_ERROR;
        }
        return FEED_MORE;
    }
    if (R.error.len == 0) {
        const char *msg = mt_last_error(R.vm);
        buf_add(&R.error, msg, strlen(msg));
    }
    return FEED_ERROR;
}

/* Feeds the queued lines until one completes the entry (or is an error), or the queue
   is empty. */
static void feed_queue(void) {
    while (R.ready == FEED_NOTHING && R.queue_pos < R.queue.len) {
        char *line = R.queue.chars + R.queue_pos;
        char *nl = strchr(line, '\n');
        *nl = '\0';
        R.queue_pos = (size_t)(nl + 1 - R.queue.chars);
        bool last = R.queue_pos >= R.queue.len;
        Feed f = feed_line(line, last && R.queue_paste);
        if (f == FEED_RUN || f == FEED_ERROR) R.ready = f;
    }
    if (R.queue_pos >= R.queue.len || R.ready == FEED_ERROR) {
        /* After an error, the rest of a paste would only make more errors. */
        buf_clear(&R.queue);
        R.queue_pos = 0;
    }
}

/* The editor's line callback. */
static void on_line(char *line) {
    if (!line) {
        /* Ctrl-D: at the primary prompt the session ends; in a continuation the entry
           ends (and runs if it is complete). */
        if (R.entry.len == 0) {
            R.eof = true;
        } else {
            Feed f = feed_line("", true);
            R.ready = f == FEED_MORE ? FEED_ERROR : f == FEED_NOTHING ? FEED_NOTHING : f;
            if (f == FEED_MORE && R.error.len == 0) {
                const char *msg = mt_last_error(R.vm);
                buf_add(&R.error, msg, strlen(msg));
            }
        }
        mtline_stop();
        R.at_bol = true;
        return;
    }
    R.at_bol = true; /* the editor moved to the next line */
    R.queue_paste = strchr(line, '\n') != NULL;
    buf_add(&R.queue, line, strlen(line));
    buf_add(&R.queue, "\n", 1);
    free(line);
    feed_queue();
    if (R.ready != FEED_NOTHING) mtline_stop();
    else mtline_set_prompt(R.entry.len ? PROMPT_MORE : PROMPT);
}

/* The entry as the history keeps it: without the empty lines at its end. */
static void remember_entry(void) {
    size_t n = R.entry.len;
    while (n > 0 && (R.entry.chars[n - 1] == '\n' || R.entry.chars[n - 1] == ' ' ||
                     R.entry.chars[n - 1] == '\t' || R.entry.chars[n - 1] == '\r'))
        n--;
    if (n == 0) return;
    char saved = R.entry.chars[n];
    R.entry.chars[n] = '\0';
    mtline_history_add(R.entry.chars);
    R.entry.chars[n] = saved;
}

/* {== Running an entry ==} */

/* Prints the value in slot 0 with repr, and keeps it in `_` (nil: neither). */
static void show_value(void) {
    mt_VM *vm = R.vm;
    if (mt_type(vm, 0) == MT_TNIL) return;
    mt_set_global(vm, NULL, "_", 0);
    if (mt_ensure_slots(vm, 3) != MT_OK) return;
    mt_handle_get(vm, R.repr, 1);
    mt_copy(vm, 2, 0);
    if (mt_call(vm, 1, 1) != MT_OK) {
        mt_report(vm, 1); /* repr raised: its report */
        return;
    }
    size_t len;
    const char *text = mt_get_str(vm, 1, &len);
    if (!text) return;
    fresh_line(); /* after stdout.write("abc") or input(): the value on its own line */
    mtrepl_write(1, text, len);
    mtrepl_write(1, "\n", 1);
}

/* The thread of the entry that is running (the chunk): a handle, or NULL. */
static mt_Handle *entry_thread(void) {
    mt_VM *vm = R.vm;
    if (mt_ensure_slots(vm, 3) != MT_OK || mt_threads(vm, 1) != MT_OK) return NULL;
    int64_t n = mt_len(vm, 1);
    for (int64_t i = 0; i < n; i++) {
        mt_ThreadInfo info;
        if (mt_list_get(vm, 1, i, 2) == MT_OK && mt_thread_info(vm, 2, &info) == MT_OK && info.main)
            return mt_handle(vm, 2);
    }
    return NULL;
}

static void poll_threads(const mt_StepInfo *info, bool with_stdin);

/* The entry waits for something only the host could do, and nothing else can run: it
   stays blocked until Ctrl-C (or a thread it waits for wakes it after all). */
static mt_Status wait_entry(void) {
    mt_VM *vm = R.vm;
    mt_Handle *t = entry_thread();
    if (!t) return MT_OK;
    mtrepl_print("mt: the entry waits and no thread can wake it (Ctrl-C interrupts it)\n");
    mt_Status st = MT_OK;
    for (;;) {
        mt_StepInfo info;
        st = mt_step(vm, 0, STEP_SECONDS, &info);
        if (st != MT_OK) break;
        mt_handle_get(vm, t, 1);
        if (mt_thread_result(vm, 1, 2) != MT_WOULD_BLOCK) break;
        poll_threads(&info, false);
    }
    mt_release(vm, t);
    return st;
}

/* Runs the entry that is ready. */
static void run_entry(void) {
    mt_VM *vm = R.vm;
    remember_entry();
    R.running = 1;
    mt_Status st = mt_exec(vm, CHUNK_NAME, R.entry.chars, R.entry.len, 0);
    if (st == MT_WOULD_BLOCK) {
        st = wait_entry();
        mt_set_nil(vm, 0); /* its value is not known: nothing to show */
    }
    R.running = 0;
    mt_signal_cancel(vm); /* a Ctrl-C that came as the entry ended is not for the next turn */
    reset_entry();
    switch (st) {
    case MT_OK: show_value(); break;
    case MT_COMPILE_ERROR: /* compiled by mt_check just before: only if memory ran short */
        mtrepl_write(2, R.error.chars ? R.error.chars : "", R.error.len);
        mtrepl_write(2, "\n", 1);
        break;
    case MT_EXIT:
        R.ended = true;
        R.status = mt_exit_status(vm);
        break;
    case MT_MEMORY_ERROR: {
        const char *msg = mt_last_error(vm);
        if (*msg) {
            mtrepl_print("mt: ");
            mtrepl_print(msg);
            mtrepl_print("\n");
        }
        break;
    }
    default: break; /* a runtime error: on_error showed it */
    }
    R.newline_due = 0;
}

/* Shows the compile error of the entry that is ready, and drops the entry. */
static void reject_entry(void) {
    remember_entry();
    reset_entry();
    if (R.error.len) {
        mtrepl_write(2, R.error.chars, R.error.len);
        if (R.error.chars[R.error.len - 1] != '\n') mtrepl_write(2, "\n", 1);
    }
}

/* {== The loop ==} */

/* Waits until standard input (if with_stdin), an fd a thread waits on, the VM's wake-up
   fd or a signal is ready, or the next timer is due; no wait if threads can run. */
static void poll_threads(const mt_StepInfo *info, bool with_stdin) {
    struct pollfd fds[MAX_POLL_FDS + 3];
    nfds_t n = 0;
    fds[n++] = (struct pollfd){R.wake[0], POLLIN, 0};
    int stdin_at = -1;
    if (with_stdin) {
        stdin_at = (int)n;
        fds[n++] = (struct pollfd){0, POLLIN, 0};
    }
    if (info->wake_fd >= 0) fds[n++] = (struct pollfd){info->wake_fd, POLLIN, 0};
    for (uint32_t i = 0; i < info->nfds && n < MAX_POLL_FDS + 3; i++) {
        short ev = (short)((info->fds[i].events & MT_POLL_READ ? POLLIN : 0) |
                           (info->fds[i].events & MT_POLL_WRITE ? POLLOUT : 0));
        fds[n++] = (struct pollfd){info->fds[i].fd, ev, 0};
    }
    int timeout = -1;
    if (info->runnable > 0) timeout = 0;
    else if (info->next_timer >= 0) timeout = (int)ceil(info->next_timer * 1000.0);
    int r = poll(fds, n, timeout);
    if (r < 0) return; /* EINTR: a signal, looked at by the caller */
    if (fds[0].revents) drain_wake();
    if (stdin_at >= 0 && fds[stdin_at].revents) mtline_read(true);
}

/* Signals that came while the prompt waited. */
static void handle_signals(void) {
    if (R.suspended) {
        R.suspended = 0;
        mtline_suspend();
        stop_now();
        mtline_resume();
    }
    if (R.resized) {
        R.resized = 0;
        mtline_resize();
    }
    if (R.interrupted && R.ready == FEED_RUN) {
        /* Ctrl-C right after Enter, before the entry started: it interrupts the entry. */
        R.interrupted = 0;
        mt_signal(R.vm, SIGINT);
        if (R.echoctl) R.newline_due = 1;
    } else if (R.interrupted && R.ready == FEED_ERROR) {
        R.interrupted = 0; /* the entry is only shown as wrong */
    } else if (R.interrupted) {
        R.interrupted = 0;
        reset_entry();
        buf_clear(&R.queue);
        R.queue_pos = 0;
        mtline_cancel(PROMPT);
        R.at_bol = true;
    }
}

/* The program ended while the prompt waited (exit() in a thread, SIGTERM): the prompt and
   the line being typed go away (whether or not output took them off the screen already),
   and the threads' cleanup runs to its end without a prompt; Ctrl-C now cuts it short. */
static void ended_at_prompt(mt_Status st) {
    mt_VM *vm = R.vm;
    mtline_hide();
    mtline_stop();
    R.at_bol = true;
    if (st == MT_OK) {
        R.running = 1;
        st = mt_run(vm);
        R.running = 0;
    }
    output_done();
    R.ended = true;
    R.status = st == MT_EXIT ? mt_exit_status(vm) : 1;
}

/* Reads and runs entries until the session ends. After an entry the threads get a turn
   before the prompt shows again, so that those it spawned have started (and what they
   print at once comes before the prompt). */
static void session(void) {
    mt_VM *vm = R.vm;
    const char *prompt_due = PROMPT;
    while (!R.ended) {
        handle_signals();
        if (R.ready == FEED_RUN || R.ready == FEED_ERROR) {
            if (R.ready == FEED_RUN) run_entry();
            else reject_entry();
            R.ready = FEED_NOTHING;
            if (R.ended) break;
            feed_queue(); /* lines of a paste that came after the entry */
            if (R.ready != FEED_NOTHING) continue;
            prompt_due = R.entry.len ? PROMPT_MORE : PROMPT;
        }
        if (R.eof) break;
        mt_StepInfo info;
        mt_Status st = mt_step(vm, 0, STEP_SECONDS, &info);
        if (st != MT_OK || mt_ending(vm)) {
            ended_at_prompt(st);
            break;
        }
        output_done();
        if (prompt_due) {
            mtline_start(prompt_due);
            prompt_due = NULL;
        }
        if (mtline_pending()) {
            mtline_read(false);
            continue;
        }
        poll_threads(&info, true);
    }
    mtline_stop();
}

/* The end of the session: every live thread is killed and its cleanup runs (as at the
   end of a program); a second Ctrl-C cuts it short. */
static void finish(void) {
    mt_VM *vm = R.vm;
    if (R.ended) return;
    R.status = 0;
    R.finishing = 1;
    R.running = 1; /* Ctrl-C now goes to the VM: it cuts the cleanup short */
    mt_Status st = mt_shutdown(vm, 0);
    if (st == MT_OK) st = mt_run(vm);
    if (st == MT_EXIT) R.status = mt_exit_status(vm);
    R.running = 0;
    if (R.cut_short) R.status = 130; /* as a program whose cleanup Ctrl-C ended */
    output_done();
}

/* {== Starting ==} */

/* The history file: $MT_HISTORY, else ~/.mt_history; none if there is no home. */
static char *history_path(void) {
    const char *p = getenv("MT_HISTORY");
    if (p && *p) return strdup(p);
    const char *home = getenv("HOME");
    if (!home || !*home) return NULL;
    size_t n = strlen(home) + 16;
    char *path = malloc(n);
    if (path) snprintf(path, n, "%s/.mt_history", home);
    return path;
}

static char **complete(const char *text, const char *line, int start, int *append) {
    return mtrepl_complete(R.vm, text, line, start, append);
}

/* Runs the file of `mt -i FILE` in the session's host module. False: it could not be
   read (reported; the exit status is set). */
static bool run_file(const char *file) {
    FILE *f = fopen(file, "rb");
    if (!f) {
        fprintf(stderr, "mt: cannot open '%s': %s\n", file, strerror(errno));
        R.status = 2;
        return false;
    }
    Buf src = {0};
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&src, chunk, got);
    fclose(f);
    R.running = 1;
    mt_Status st = mt_exec(R.vm, file, src.chars ? src.chars : "", src.len, -1);
    R.running = 0;
    mt_signal_cancel(R.vm);
    free(src.chars);
    if (st == MT_COMPILE_ERROR) {
        const char *msg = R.error.len ? R.error.chars : mt_last_error(R.vm);
        mtrepl_write(2, msg, strlen(msg));
        mtrepl_write(2, "\n", 1);
    } else if (st == MT_EXIT) {
        R.ended = true;
        R.status = mt_exit_status(R.vm);
    }
    R.newline_due = 0;
    return true;
}

int mtrepl_main(const char *file, int argc, const char *const *argv, bool gc_stress) {
    memset(&R, 0, sizeof R);
    R.at_bol = true;
    mt_Config cfg;
    mt_config_init(&cfg);
    cfg.write_out = on_write_out;
    cfg.write_err = on_write_err;
    cfg.error_fn = on_error;
    cfg.gc_stress = gc_stress;
    R.vm = mt_new(&cfg);
    if (!R.vm) {
        fprintf(stderr, "mt: out of memory\n");
        return 1;
    }
    mt_VM *vm = R.vm;
    if (pipe(R.wake) != 0) {
        perror("mt: pipe");
        return 1;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(R.wake[i], F_SETFL, fcntl(R.wake[i], F_GETFL) | O_NONBLOCK);
        fcntl(R.wake[i], F_SETFD, FD_CLOEXEC);
    }
    install_signals();
    struct termios tio;
    R.echoctl = tcgetattr(0, &tio) == 0 && (tio.c_lflag & ECHO) && (tio.c_lflag & ECHOCTL);
    R.interactive = isatty(0) != 0;
    mt_ensure_slots(vm, 4);
    mt_get_global(vm, NULL, "repr", 0);
    R.repr = mt_handle(vm, 0);
    mt_set_argv(vm, argc, argv);
    mtrepl_def_helpers(vm);
    mtline_init(R.interactive, R.interactive, on_line, complete);
    char *hist = history_path();
    mtline_history_open(hist, HISTORY_MAX);
    free(hist);
    bool ok = true;
    if (file) ok = run_file(file);
    else if (R.interactive)
        printf("mt %s  |  help() for help  |  Ctrl-D or exit() to leave\n", MT_VERSION);
    fflush(stdout);
    if (ok && !R.ended) {
        session();
        finish();
    }
    mtline_end();
    if (R.newline_due) mtline_write_all(1, "\n", 1); /* after the ^C of a cut-short cleanup */
    mt_release(vm, R.repr);
    mt_free(vm);
    close(R.wake[0]);
    close(R.wake[1]);
    free(R.entry.chars);
    free(R.queue.chars);
    free(R.error.chars);
    return R.status;
}

/* {== Standard input as a program ==} */

int mtrepl_run_stdin(mt_VM *vm) {
    size_t cap = 4096, n = 0;
    char *src = malloc(cap);
    if (!src) return 1;
    for (;;) {
        size_t r = fread(src + n, 1, cap - n - 1, stdin);
        n += r;
        if (r == 0) break;
        if (n + 1 == cap) {
            char *p = realloc(src, cap * 2);
            if (!p) {
                free(src);
                return 1;
            }
            src = p;
            cap *= 2;
        }
    }
    src[n] = '\0';
    /* All n bytes: a NUL among them is invalid source, reported, not the end of it. */
    mt_Status st = mt_run_buffer(vm, "<stdin>", src, n);
    free(src);
    if (st == MT_COMPILE_ERROR || st == MT_IO_ERROR) {
        fprintf(stderr, "%s\n", mt_last_error(vm));
        return 2;
    }
    if (st == MT_MEMORY_ERROR && *mt_last_error(vm)) fprintf(stderr, "mt: %s\n", mt_last_error(vm));
    return mt_exit_status(vm);
}
