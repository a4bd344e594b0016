/*
** line.h — the line editor under the REPL (line.c): GNU readline's callback interface, so
** that the REPL's own loop can wait on the terminal together with the scheduler's timers
** and fds, or plain reads of standard input when readline is not built in
** (MT_WITH_READLINE=OFF) or standard input is not a terminal.
**
** The REPL starts reading a line with mtline_start(prompt); each line read goes to the
** callback given to mtline_init (NULL at the end of input) while reading continues,
** until the callback calls mtline_stop. Nothing is read while stopped: the terminal is
** in its normal mode then, so a running entry can use input() as any program does.
*/
#ifndef MT_REPL_LINE_H
#define MT_REPL_LINE_H

#include <stdbool.h>
#include <stddef.h>

/* Called with each line read, without its newline (the callee owns it, free() it), or
   with NULL at the end of input (Ctrl-D on an empty line). A line from the editor may
   hold newlines: a multi-line entry recalled from the history, or a paste. */
typedef void (*mtline_LineFn)(char *line);

/* Completion: the candidates for `text`, the word before the cursor, which starts at
   `start` in `line` (the whole line typed so far). Returns a malloc'd array of malloc'd
   strings ended by NULL (or NULL for none), and in *append what to add after a single
   match (a space, an open bracket, or '\0'). */
typedef char **(*mtline_CompleteFn)(const char *text, const char *line, int start, int *append);

/* Sets up the editor. `interactive`: standard input is a terminal and readline is used
   (when built in); else lines are read plainly, with the prompt shown only if `prompts`. */
void mtline_init(bool interactive, bool prompts, mtline_LineFn on_line, mtline_CompleteFn complete);

/* Shows the prompt and starts reading a line. */
void mtline_start(const char *prompt);

/* Changes the prompt of the line being read next (from inside the line callback: the
   editor shows it when the callback returns). */
void mtline_set_prompt(const char *prompt);

/* Stops reading: the prompt is gone (the cursor stays after the line), the terminal is
   back in its normal mode. */
void mtline_stop(void);

/* Whether a line is being read. */
bool mtline_reading(void);

/* Standard input is readable (fd_ready), or lines read ahead may be waiting: reads and
   hands complete lines to the callback while reading goes on. */
void mtline_read(bool fd_ready);

/* Whether lines read ahead are waiting for mtline_read (plain reader only). */
bool mtline_pending(void);

/* Around output that arrives while a line is being read (a thread printing): hide takes
   the prompt and the half-typed line off the screen, show draws them again below what was
   written. Cheap when nothing is shown. */
void mtline_hide(void);
void mtline_show(void);

/* Ctrl-C at the prompt: shows "^C" after the line, drops the line (and the entry in
   progress, which the REPL forgets), and starts a fresh line with `prompt`. */
void mtline_cancel(const char *prompt);

/* The terminal changed size (SIGWINCH). */
void mtline_resize(void);

/* Around a stop (Ctrl-Z): suspend gives the terminal back in its normal mode (the line
   stays on the screen); resume takes it again and draws the prompt and the line anew. */
void mtline_suspend(void);
void mtline_resume(void);

/* The history: loads up to `max` entries from `path` (a missing file is an empty
   history), and keeps the file at most `max` entries long. Entries may hold newlines. */
void mtline_history_open(const char *path, int max);
/* Adds an entry (unless it repeats the last one) and appends it to the file. */
void mtline_history_add(const char *entry);

/* Leaves the terminal as it was. */
void mtline_end(void);

/* Writes all n bytes to fd (retrying after EINTR; gives up on an error). */
void mtline_write_all(int fd, const char *s, size_t n);

#endif
