/*
** utf8.c — validating UTF-8 text (sources, file contents, input lines).
**
** utf8proc decodes; the checks here add what Mt requires of text: a NUL byte is not text
** (a source with one is the invalid-UTF-8 compile error, SPEC 2.1), and the position of
** the first bad byte is reported as a line and a column in code points.
*/
#include <utf8proc.h>

#include "vm/utf8.h"

/* True if src[0..len) is valid UTF-8 without NUL bytes; else false with the line and
   column (1-based, in code points) of the first bad byte. */
bool mtu8_check(const char *src, size_t len, int *line, int *col) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)src;
    size_t i = 0;
    int ln = 1, c = 1;
    while (i < len) {
        if (p[i] < 0x80) {
            if (p[i] == 0) break;
            if (p[i] == '\n') {
                ln++;
                c = 1;
            } else {
                c++;
            }
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0) break;
        i += (size_t)n;
        c++;
    }
    if (i >= len) return true;
    *line = ln;
    *col = c;
    return false;
}
