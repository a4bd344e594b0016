/*
** line.c — the REPL's line editor: GNU readline driven through its callback interface
** (rl_callback_handler_install / rl_callback_read_char), so that the REPL's loop decides
** when to read a key and can run threads in between; or, without readline (built with
** MT_WITH_READLINE=OFF, or standard input is not a terminal), plain reads of standard
** input split into lines.
**
** Readline is told not to catch signals: the REPL's own SIGINT handler decides what
** Ctrl-C means (interrupt the running entry, or clear the line at the prompt), and
** SIGWINCH comes to mtline_resize. The history file holds one entry per line with
** newlines and backslashes escaped (\n, \\), so a multi-line entry stays one entry.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if MT_WITH_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

#include "line.h"

/* The editor's state: one per process (readline has one). */
static struct {
    bool editor;           /* readline is in use */
    bool prompts;          /* plain reader: show prompts */
    bool reading;          /* a line is being read */
    bool hidden;           /* the prompt is off the screen (mtline_hide) */
    mtline_LineFn on_line; /* where lines go */
    mtline_CompleteFn complete;
    char *prompt;       /* the prompt of the line being read (malloc'd) */
    char *buf;          /* plain reader: bytes read ahead */
    size_t len, cap;    /* ... their length and the buffer's size */
    bool eof;           /* plain reader: standard input ended */
    bool eof_sent;      /* ... and the callback was told */
    char *history_path; /* the history file, or NULL */
    int history_max;    /* entries kept */
} L;

static void set_prompt_text(const char *prompt) {
    char *p = strdup(prompt ? prompt : "");
    if (!p) return;
    free(L.prompt);
    L.prompt = p;
}

void mtline_write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

/* {== Readline ==} */

#if MT_WITH_READLINE

/* Readline's line handler: the line goes to the REPL; the next one starts with the
   prompt the REPL set meanwhile, unless it stopped reading. */
static void rl_line(char *line) { L.on_line(line); }

/* The REPL's candidates, handed out one by one to rl_completion_matches. */
static char **candidates;
static size_t next_candidate;

static char *candidate_generator(const char *text, int state) {
    (void)text;
    if (state == 0) next_candidate = 0;
    if (!candidates || !candidates[next_candidate]) return NULL;
    return strdup(candidates[next_candidate++]);
}

static void free_candidates(void) {
    if (!candidates) return;
    for (size_t i = 0; candidates[i]; i++) free(candidates[i]);
    free(candidates);
    candidates = NULL;
}

static char **rl_complete_hook(const char *text, int start, int end) {
    (void)end;
    rl_attempted_completion_over = 1; /* never file names */
    int append = '\0';
    free_candidates();
    candidates = L.complete ? L.complete(text, rl_line_buffer, start, &append) : NULL;
    if (!candidates) return NULL;
    char **matches = rl_completion_matches(text, candidate_generator);
    free_candidates();
    /* One match: what follows it (a space after a keyword, '(' after a function). */
    rl_completion_append_character = matches && !matches[1] ? append : '\0';
    return matches;
}

/* Lists the candidates of a member completion ("xs.append", "xs.clear" ...) by their
   names alone, as a shell lists file names without their directory. */
static void display_matches(char **matches, int num, int max_length) {
    const char *dot = strrchr(matches[1], '.');
    size_t skip = dot ? (size_t)(dot + 1 - matches[1]) : 0;
    char **names = skip ? malloc(((size_t)num + 2) * sizeof *names) : NULL;
    if (!names) {
        rl_display_match_list(matches, num, max_length);
    } else {
        int longest = 0;
        for (int i = 0; i <= num; i++) {
            size_t n = strlen(matches[i]);
            names[i] = matches[i] + (n >= skip ? skip : n);
            if (i > 0 && (int)strlen(names[i]) > longest) longest = (int)strlen(names[i]);
        }
        names[num + 1] = NULL;
        rl_display_match_list(names, num, longest);
        free(names);
    }
    rl_forced_update_display();
}

/* TAB: indents when only blanks precede the cursor (a block's body), else completes. A
   second TAB that finds the line as the first left it lists the candidates (what
   readline's own binding does, which it knows by rl_last_func being rl_complete). */
static char *tab_line; /* the line after the last completion (malloc'd) */
static int tab_point;  /* ... and the cursor */

static int tab_key(int count, int key) {
    bool blank = true;
    for (int i = 0; i < rl_point && blank; i++)
        blank = rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t';
    if (blank) {
        rl_insert_text("    ");
        return 0;
    }
    int r;
    if (rl_last_func == tab_key && tab_line && tab_point == rl_point &&
        strcmp(tab_line, rl_line_buffer) == 0)
        r = rl_possible_completions(count, key);
    else r = rl_complete(count, key);
    free(tab_line);
    tab_line = strdup(rl_line_buffer);
    tab_point = rl_point;
    return r;
}

static void editor_init(void) {
    rl_readline_name = "mt"; /* for $if mt in ~/.inputrc */
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_attempted_completion_function = rl_complete_hook;
    rl_completion_display_matches_hook = display_matches;
    /* Word breaks for completion: '.' is not one, so "obj.na" completes as a whole. */
    rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{([,)]}+-*/%~^!:#";
    rl_completer_word_break_characters = rl_basic_word_break_characters;
    rl_bind_key('\t', tab_key);
    using_history();
}

#endif

/* {== Starting and stopping ==} */

void mtline_init(bool interactive, bool prompts, mtline_LineFn on_line,
                 mtline_CompleteFn complete) {
    memset(&L, 0, sizeof L);
    L.on_line = on_line;
    L.complete = complete;
    L.prompts = prompts;
#if MT_WITH_READLINE
    L.editor = interactive;
    if (L.editor) editor_init();
#else
    (void)interactive;
#endif
}

bool mtline_reading(void) { return L.reading; }

void mtline_start(const char *prompt) {
    set_prompt_text(prompt);
    L.reading = true;
    L.hidden = false;
    L.eof_sent = false; /* at the end of input, each line asked for gets the end again */
#if MT_WITH_READLINE
    if (L.editor) {
        /* Readline keeps the flag of a Ctrl-D that ended a continuation, and would then
           write an extra newline at the end of every later line. */
        rl_eof_found = 0;
        rl_callback_handler_install(L.prompt, rl_line);
        return;
    }
#endif
    if (L.prompts) mtline_write_all(1, L.prompt, strlen(L.prompt));
}

void mtline_set_prompt(const char *prompt) {
    set_prompt_text(prompt);
#if MT_WITH_READLINE
    if (L.editor) {
        rl_set_prompt(L.prompt);
        return;
    }
#endif
    if (L.prompts && L.reading) mtline_write_all(1, L.prompt, strlen(L.prompt));
}

void mtline_stop(void) {
    if (!L.reading) return;
    L.reading = false;
    L.hidden = false;
#if MT_WITH_READLINE
    if (L.editor) rl_callback_handler_remove();
#endif
}

/* {== Reading ==} */

/* Plain reader: hands out the complete lines read ahead, then the end of input. */
static void plain_deliver(void) {
    while (L.reading) {
        char *nl = L.len ? memchr(L.buf, '\n', L.len) : NULL;
        size_t n;
        if (nl) n = (size_t)(nl - L.buf);
        else if (L.eof && L.len) n = L.len; /* a last line without its newline */
        else break;
        char *line = malloc(n + 1);
        if (!line) return;
        memcpy(line, L.buf, n);
        line[n] = '\0';
        if (n > 0 && line[n - 1] == '\r') line[n - 1] = '\0';
        size_t used = nl ? n + 1 : n;
        memmove(L.buf, L.buf + used, L.len - used);
        L.len -= used;
        L.on_line(line);
    }
    if (L.reading && L.eof && L.len == 0 && !L.eof_sent) {
        L.eof_sent = true;
        L.on_line(NULL);
    }
}

void mtline_read(bool fd_ready) {
#if MT_WITH_READLINE
    if (L.editor) {
        if (fd_ready && L.reading) rl_callback_read_char();
        return;
    }
#endif
    if (fd_ready && !L.eof) {
        if (L.cap - L.len < 4096) {
            size_t cap = L.cap ? L.cap * 2 : 8192;
            char *b = realloc(L.buf, cap);
            if (!b) return;
            L.buf = b;
            L.cap = cap;
        }
        ssize_t r = read(0, L.buf + L.len, L.cap - L.len);
        if (r > 0) L.len += (size_t)r;
        else if (r == 0 || (errno != EINTR && errno != EAGAIN)) L.eof = true;
    }
    plain_deliver();
}

bool mtline_pending(void) {
    if (L.editor || !L.reading) return false;
    return (L.len && memchr(L.buf, '\n', L.len)) || (L.eof && !L.eof_sent);
}

/* {== Output while a line is read ==} */

void mtline_hide(void) {
    if (!L.reading || L.hidden) return;
    L.hidden = true;
#if MT_WITH_READLINE
    if (L.editor) {
        rl_clear_visible_line();
        fflush(rl_outstream); /* before the output, which is written with write() */
        return;
    }
#endif
    if (L.prompts) mtline_write_all(1, "\n", 1); /* the output goes below the prompt */
}

void mtline_show(void) {
    if (!L.reading || !L.hidden) return;
    L.hidden = false;
#if MT_WITH_READLINE
    if (L.editor) {
        rl_on_new_line();
        rl_redisplay();
        return;
    }
#endif
    if (L.prompts) mtline_write_all(1, L.prompt, strlen(L.prompt));
}

void mtline_cancel(const char *prompt) {
#if MT_WITH_READLINE
    if (L.editor && L.reading) {
        rl_callback_sigcleanup(); /* a search or a key sequence in progress is dropped */
        rl_free_line_state();
        rl_point = rl_end;
        rl_redisplay();
        mtline_write_all(1, "^C\n", 3);
        rl_replace_line("", 1);
        rl_point = rl_end = rl_mark = 0;
        set_prompt_text(prompt);
        rl_set_prompt(L.prompt);
        rl_on_new_line();
        rl_redisplay();
        return;
    }
#endif
    mtline_write_all(1, "\n", 1);
    L.len = 0; /* what was read ahead belongs to the dropped entry */
    if (L.reading) {
        set_prompt_text(prompt);
        if (L.prompts) mtline_write_all(1, L.prompt, strlen(L.prompt));
    }
}

void mtline_resize(void) {
#if MT_WITH_READLINE
    if (L.editor) rl_resize_terminal();
#endif
}

void mtline_suspend(void) {
#if MT_WITH_READLINE
    if (L.editor && L.reading) rl_deprep_terminal();
#endif
}

void mtline_resume(void) {
#if MT_WITH_READLINE
    if (L.editor && L.reading) {
        rl_prep_terminal(1);
        rl_on_new_line();
        rl_forced_update_display();
        return;
    }
#endif
    if (L.reading && L.prompts) mtline_write_all(1, L.prompt, strlen(L.prompt));
}

/* {== History ==} */

#if MT_WITH_READLINE

/* An entry as one line of the file: backslash and newline escaped. */
static char *escape_entry(const char *entry) {
    size_t n = 0;
    for (const char *p = entry; *p; p++) n += (*p == '\\' || *p == '\n') ? 2 : 1;
    char *out = malloc(n + 2), *o = out;
    if (!out) return NULL;
    for (const char *p = entry; *p; p++) {
        if (*p == '\\') *o++ = '\\', *o++ = '\\';
        else if (*p == '\n') *o++ = '\\', *o++ = 'n';
        else *o++ = *p;
    }
    *o++ = '\n';
    *o = '\0';
    return out;
}

/* The entry a line of the file holds (in place). */
static void unescape_entry(char *s) {
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '\\' && p[1] == 'n') *o++ = '\n', p++;
        else if (*p == '\\' && p[1] == '\\') *o++ = '\\', p++;
        else *o++ = *p;
    }
    *o = '\0';
}

/* Rewrites the file with the entries in memory (the last history_max), atomically. */
static void history_rewrite(void) {
    size_t n = strlen(L.history_path);
    char *tmp = malloc(n + 8);
    if (!tmp) return;
    snprintf(tmp, n + 8, "%s.new", L.history_path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        free(tmp);
        return;
    }
    HIST_ENTRY **list = history_list();
    for (int i = 0; list && list[i]; i++) {
        char *e = escape_entry(list[i]->line);
        if (e) mtline_write_all(fd, e, strlen(e));
        free(e);
    }
    if (close(fd) == 0) rename(tmp, L.history_path);
    else unlink(tmp);
    free(tmp);
}

void mtline_history_open(const char *path, int max) {
    if (!L.editor || !path) return;
    L.history_path = strdup(path);
    L.history_max = max > 0 ? max : 1000;
    stifle_history(L.history_max);
    FILE *f = fopen(path, "r");
    if (!f) return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int entries = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        if (got > 0 && line[got - 1] == '\n') line[got - 1] = '\0';
        unescape_entry(line);
        if (*line) {
            add_history(line);
            entries++;
        }
    }
    free(line);
    fclose(f);
    /* Appending keeps the file growing: cut it back once it holds twice what is kept. */
    if (entries > 2 * L.history_max) history_rewrite();
}

void mtline_history_add(const char *entry) {
    if (!L.editor || !entry || !*entry) return;
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (last && strcmp(last->line, entry) == 0) return;
    add_history(entry);
    if (!L.history_path) return;
    char *e = escape_entry(entry);
    if (!e) return;
    int fd = open(L.history_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) {
        mtline_write_all(fd, e, strlen(e)); /* one write: sessions side by side do not interleave */
        close(fd);
    }
    free(e);
}

#else

void mtline_history_open(const char *path, int max) {
    (void)path;
    (void)max;
}

void mtline_history_add(const char *entry) { (void)entry; }

#endif

void mtline_end(void) {
    mtline_stop();
#if MT_WITH_READLINE
    free(L.history_path);
    L.history_path = NULL;
    free(tab_line);
    tab_line = NULL;
#endif
    free(L.prompt);
    free(L.buf);
    L.prompt = L.buf = NULL;
}
