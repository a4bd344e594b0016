/*
** helpers.c — builtins the REPL adds for the prompt: help() and threads(). They are
** natives of the host (mt_def_function) built on the public API: mt_signature, mt_doc
** and mt_member_names for help, mt_threads and mt_thread_info for threads.
*/
#include <stdio.h>
#include <string.h>

#include "repl.h"

static const char guide[] =
    "Mt " MT_VERSION " at the prompt:\n"
    "  help(x)      the signature of a function or class (and the comment above its\n"
    "               definition), the members of a module, or the methods of a value\n"
    "  threads()    the live threads: what each waits for and where\n"
    "  _            the last value shown\n"
    "  TAB          complete a keyword, a name, a module after import, a member after '.'\n"
    "  Ctrl-C       interrupt the running entry (its finally blocks run; other threads go\n"
    "               on); at the prompt, drop the line\n"
    "  Ctrl-D       leave (so does exit()): every thread is stopped and its cleanup runs;\n"
    "               a second Ctrl-C cuts the cleanup short\n"
    "Threads spawned here keep running while the prompt waits; what they print appears\n"
    "above it. A line ending in ':' opens a block, which an empty line ends.\n";

/* Prints the strs of the list in `slot` after `title`, comma-separated, wrapped under an
   indent of four spaces. */
static void print_names(mt_VM *vm, const char *title, int slot, int tmp) {
    int64_t n = mt_len(vm, slot);
    if (n <= 0) return;
    char line[100];
    int len = snprintf(line, sizeof line, "%s", title);
    mtrepl_print(line);
    int col = len;
    for (int64_t i = 0; i < n; i++) {
        if (mt_list_get(vm, slot, i, tmp) != MT_OK) continue;
        const char *name = mt_get_str(vm, tmp, NULL);
        if (!name || (name[0] == '_' && strcmp(name, "_") != 0)) continue;
        int w = (int)strlen(name) + (i + 1 < n ? 1 : 0);
        if (col > 4 && col + 1 + w > 78) {
            mtrepl_print("\n   ");
            col = 3;
        }
        mtrepl_print(" ");
        mtrepl_print(name);
        if (i + 1 < n) mtrepl_print(",");
        col += 1 + w;
    }
    mtrepl_print("\n");
}

/* help() / help(x). */
static int help(mt_VM *vm, int argc, void *ud) {
    (void)ud;
    if (mt_ensure_slots(vm, 6) != MT_OK) return MT_NATIVE_ERROR;
    if (argc == 0) {
        mtrepl_print(guide);
        return mt_set_nil(vm, 0) == MT_OK ? MT_NATIVE_OK : MT_NATIVE_ERROR;
    }
    mt_Type t = mt_type(vm, 1);
    const char *type = mt_type_name(vm, 1);
    if (t == MT_TFUNCTION && mt_signature(vm, 1, 2) == MT_OK) {
        mtrepl_print(mt_get_str(vm, 2, NULL));
        mtrepl_print("\n");
        if (mt_doc(vm, 1, 3) == MT_OK) {
            const char *doc = mt_get_str(vm, 3, NULL);
            for (const char *p = doc; p && *p;) {
                const char *nl = strchr(p, '\n');
                size_t n = nl ? (size_t)(nl - p) : strlen(p);
                mtrepl_print("    ");
                mtrepl_write(1, p, n);
                mtrepl_print("\n");
                p += n + (nl ? 1 : 0);
            }
        }
        if (strcmp(type, "class") == 0 && mt_member_names(vm, 1, 4) == MT_OK)
            print_names(vm, "  methods:", 4, 5);
    } else if (strcmp(type, "module") == 0) {
        /* "<module math>: its members" (repr names the module). */
        char title[160];
        const char *what = "module";
        if (mt_get_global(vm, NULL, "repr", 2) == MT_OK && mt_copy(vm, 3, 1) == MT_OK &&
            mt_call(vm, 2, 1) == MT_OK && mt_get_str(vm, 2, NULL))
            what = mt_get_str(vm, 2, NULL);
        snprintf(title, sizeof title, "%s:", what);
        if (mt_member_names(vm, 1, 4) == MT_OK) print_names(vm, title, 4, 5);
    } else {
        /* Any other value: its type, and what `value.name` finds on it. */
        char title[120];
        snprintf(title, sizeof title, "type %s:", type);
        if (mt_member_names(vm, 1, 4) == MT_OK && mt_len(vm, 4) > 0) print_names(vm, title, 4, 5);
        else {
            snprintf(title, sizeof title, "type %s (no methods or attributes)\n", type);
            mtrepl_print(title);
        }
    }
    return mt_set_nil(vm, 0) == MT_OK ? MT_NATIVE_OK : MT_NATIVE_ERROR;
}

/* threads(): one line per live thread. */
static int threads(mt_VM *vm, int argc, void *ud) {
    (void)ud;
    (void)argc;
    if (mt_ensure_slots(vm, 4) != MT_OK || mt_threads(vm, 1) != MT_OK) return MT_NATIVE_ERROR;
    int64_t n = mt_len(vm, 1);
    for (int64_t i = 0; i < n; i++) {
        mt_ThreadInfo info;
        if (mt_list_get(vm, 1, i, 2) != MT_OK || mt_thread_info(vm, 2, &info) != MT_OK) continue;
        char line[512];
        int len = snprintf(line, sizeof line, "thread %u", info.id);
        if (*info.entry && strcmp(info.entry, "<module>") != 0)
            len += snprintf(line + len, sizeof line - (size_t)len, " (%s)", info.entry);
        if (info.main) len += snprintf(line + len, sizeof line - (size_t)len, " (this entry)");
        len += snprintf(line + len, sizeof line - (size_t)len, ": %s", info.state);
        if (info.wakes_in >= 0)
            len += snprintf(line + len, sizeof line - (size_t)len, " (%.1f s left)", info.wakes_in);
        if (*info.file)
            len += snprintf(line + len, sizeof line - (size_t)len, " at %s:%d in %s", info.file,
                            info.line, info.function);
        snprintf(line + len, sizeof line - (size_t)len, "\n");
        mtrepl_print(line);
    }
    return mt_set_nil(vm, 0) == MT_OK ? MT_NATIVE_OK : MT_NATIVE_ERROR;
}

void mtrepl_def_helpers(mt_VM *vm) {
    static const mt_Function fns[] = {
        {"help", help, 0, 1},
        {"threads", threads, 0, 0},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) mt_def_function(vm, &fns[i], NULL);
}
