/*
** complete.c — tab completion at the REPL's prompt: keywords and global names, module
** names after `import`, and the members of a live value after a dot ("xs.app" -> the
** methods of the list in xs, "math.fl" -> the module's globals).
**
** Completion never runs Mt code: the value before the dot must be a chain of names
** (`a.b.c`), looked up with mt_get_global and mt_get_attr, and the names come from
** mt_global_names, mt_member_names and mt_module_names.
*/
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "repl.h"

/* Slots the completer uses (the host's own, above what the REPL keeps in 0..3). */
#define SLOT_VALUE 8
#define SLOT_NAMES 9
#define SLOT_NAME  10
#define SLOT_TMP   11

/* The language's keywords (`case`, `default` and `after` only inside select). */
static const char *const keywords[] = {
    "and",   "as",     "break", "case",    "class", "continue", "def",   "default", "elif",
    "else",  "except", "false", "finally", "fn",    "for",      "from",  "if",      "import",
    "in",    "let",    "nil",   "not",     "or",    "pass",     "raise", "return",  "select",
    "spawn", "super",  "true",  "try",     "while", "with",     "yield", "after",   NULL,
};

/* The candidates found so far (malloc'd strings, ended by NULL when handed out). */
typedef struct {
    char **items;
    size_t count, cap;
} Cands;

static void cand_add(Cands *c, const char *prefix, size_t plen, const char *name) {
    if (c->count + 2 > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        char **p = realloc(c->items, cap * sizeof *p);
        if (!p) return;
        c->items = p;
        c->cap = cap;
    }
    size_t n = strlen(name);
    char *s = malloc(plen + n + 1);
    if (!s) return;
    memcpy(s, prefix, plen);
    memcpy(s + plen, name, n + 1);
    c->items[c->count++] = s;
    c->items[c->count] = NULL;
}

static bool is_ident_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || (unsigned char)ch >= 0x80;
}

/* Whether a name is offered for what was typed: it must start with it, and names that
   start with '_' only when that was typed too. */
static bool offered(const char *name, const char *typed, size_t tlen) {
    if (strncmp(name, typed, tlen) != 0) return false;
    return name[0] != '_' || (tlen > 0 && typed[0] == '_') || strcmp(name, "_") == 0;
}

/* Adds the strs of the list in SLOT_NAMES that match. */
static void add_names(mt_VM *vm, Cands *c, const char *prefix, size_t plen, const char *typed,
                      size_t tlen) {
    int64_t n = mt_len(vm, SLOT_NAMES);
    for (int64_t i = 0; i < n; i++) {
        if (mt_list_get(vm, SLOT_NAMES, i, SLOT_NAME) != MT_OK) continue;
        const char *name = mt_get_str(vm, SLOT_NAME, NULL);
        if (name && offered(name, typed, tlen)) cand_add(c, prefix, plen, name);
    }
}

/* The value a chain of names (`a.b.c`, len bytes) names, into SLOT_VALUE; false if it is
   not such a chain or a name is not found. */
static bool resolve(mt_VM *vm, const char *chain, size_t len) {
    size_t i = 0;
    bool first = true;
    char name[256];
    while (i < len) {
        size_t j = i;
        while (j < len && chain[j] != '.') j++;
        size_t n = j - i;
        if (n == 0 || n >= sizeof name || (chain[i] >= '0' && chain[i] <= '9')) return false;
        for (size_t k = i; k < j; k++)
            if (!is_ident_char(chain[k])) return false;
        memcpy(name, chain + i, n);
        name[n] = '\0';
        mt_Status st = first ? mt_get_global(vm, NULL, name, SLOT_VALUE)
                             : mt_get_attr(vm, SLOT_VALUE, name, SLOT_VALUE);
        if (st != MT_OK) return false;
        first = false;
        i = j + 1;
    }
    return !first;
}

/* Whether the word being completed follows `import` or `from` (a module name). */
static bool after_import(const char *line, int start) {
    int i = start;
    while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) i--;
    int end = i;
    while (i > 0 && is_ident_char(line[i - 1])) i--;
    int n = end - i;
    if (!((n == 6 && strncmp(line + i, "import", 6) == 0) ||
          (n == 4 && strncmp(line + i, "from", 4) == 0)))
        return false;
    while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) i--;
    return i == 0; /* the statement starts with it */
}

/* Modules in files: every NAME.mt in `dir`. */
static void add_module_files(Cands *c, const char *dir, const char *typed, size_t tlen) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n <= 3 || strcmp(e->d_name + n - 3, ".mt") != 0) continue;
        char name[256];
        if (n - 3 >= sizeof name) continue;
        memcpy(name, e->d_name, n - 3);
        name[n - 3] = '\0';
        bool ident = true;
        for (size_t i = 0; name[i]; i++) ident = ident && is_ident_char(name[i]);
        if (ident && offered(name, typed, tlen)) cand_add(c, "", 0, name);
    }
    closedir(d);
}

static int compare_cands(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted, each once. */
static void sort_unique(Cands *c) {
    if (c->count < 2) return;
    qsort(c->items, c->count, sizeof *c->items, compare_cands);
    size_t out = 1;
    for (size_t i = 1; i < c->count; i++) {
        if (strcmp(c->items[i], c->items[out - 1]) == 0) free(c->items[i]);
        else c->items[out++] = c->items[i];
    }
    c->count = out;
    c->items[out] = NULL;
}

/* What follows a single match: a space after a keyword, '(' after a function or class. */
static int append_for(mt_VM *vm, const char *match, bool member, bool names) {
    if (!names) return '\0';
    if (!member) {
        for (int i = 0; keywords[i]; i++)
            if (strcmp(keywords[i], match) == 0) return ' ';
        if (mt_get_global(vm, NULL, match, SLOT_TMP) != MT_OK) return '\0';
    } else {
        const char *dot = strrchr(match, '.');
        if (mt_get_attr(vm, SLOT_VALUE, dot + 1, SLOT_TMP) != MT_OK) return '\0';
    }
    return mt_type(vm, SLOT_TMP) == MT_TFUNCTION ? '(' : '\0';
}

char **mtrepl_complete(mt_VM *vm, const char *text, const char *line, int start, int *append) {
    Cands c = {0};
    *append = '\0';
    if (mt_ensure_slots(vm, SLOT_TMP + 1) != MT_OK) return NULL;
    const char *dot = strrchr(text, '.');
    bool member = dot != NULL, names = true;
    if (member) {
        /* obj.partial: the members of the live value. */
        size_t blen = (size_t)(dot - text);
        const char *typed = dot + 1;
        if (resolve(vm, text, blen) && mt_member_names(vm, SLOT_VALUE, SLOT_NAMES) == MT_OK)
            add_names(vm, &c, text, blen + 1, typed, strlen(typed));
    } else if (after_import(line, start)) {
        names = false;
        size_t tlen = strlen(text);
        if (mt_module_names(vm, SLOT_NAMES) == MT_OK) add_names(vm, &c, "", 0, text, tlen);
        add_module_files(&c, ".", text, tlen);
        const char *path = getenv("MT_PATH");
        while (path && *path) {
            const char *colon = strchr(path, ':');
            size_t n = colon ? (size_t)(colon - path) : strlen(path);
            if (n > 0 && n < 4096) {
                char dir[4096];
                memcpy(dir, path, n);
                dir[n] = '\0';
                add_module_files(&c, dir, text, tlen);
            }
            if (!colon) break;
            path = colon + 1;
        }
    } else {
        size_t tlen = strlen(text);
        for (int i = 0; keywords[i]; i++)
            if (offered(keywords[i], text, tlen)) cand_add(&c, "", 0, keywords[i]);
        if (mt_global_names(vm, NULL, SLOT_NAMES) == MT_OK) add_names(vm, &c, "", 0, text, tlen);
    }
    if (c.count == 0) {
        free(c.items);
        return NULL;
    }
    sort_unique(&c);
    if (c.count == 1) *append = append_for(vm, c.items[0], member, names);
    return c.items;
}
