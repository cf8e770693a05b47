// Traceback objects and their formatting (CPython's Python/traceback.c).
//
// Each frame an exception passes through prepends an entry (code object and
// failing instruction). Printing shows, oldest call first, the file, line and
// function of every entry, the source line, and under it CPython 3.11's
// position carets when the failing expression is only part of the line.
// Runs of an identical entry (deep recursion) collapse into
// "[Previous line repeated N more times]".
#include "runtime.h"
#include "traceback.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void tb_dealloc(Object *o) {
    TracebackObject *tb = (TracebackObject *)o;
    XDECREF(tb->next);
    XDECREF(tb->code);
    XDECREF(tb->frame);
    obj_free(o);
}

static int tb_traverse(Object *o, visitproc visit, void *arg) {
    TracebackObject *tb = (TracebackObject *)o;
    if (tb->next && visit((Object *)tb->next, arg)) return -1;
    if (tb->code && visit((Object *)tb->code, arg)) return -1;
    if (tb->frame && visit(tb->frame, arg)) return -1;
    return 0;
}

static Object *tb_get_next(Object *o, void *c) {
    Object *n = (Object *)((TracebackObject *)o)->next;
    return NEWREF(n ? n : None);
}
static int tb_set_next(Object *o, Object *v, void *c) {
    if (v && v != None && TYPE(v) != &TracebackType) {
        vm_raise(Exc_TypeError, "expected traceback object or None, got '%s'", type_name(TYPE(v)));
        return -1;
    }
    TracebackObject *tb = (TracebackObject *)o;
    SETREF(tb->next, v && v != None ? (TracebackObject *)NEWREF(v) : NULL);
    return 0;
}
static Object *tb_get_lineno(Object *o, void *c) { return int_from_long(((TracebackObject *)o)->lineno); }
static Object *tb_get_lasti(Object *o, void *c) { return int_from_long(((TracebackObject *)o)->lasti * 2); }
static Object *tb_get_frame(Object *o, void *c) {
    Object *f = ((TracebackObject *)o)->frame;
    return NEWREF(f ? f : None);
}
static Object *tb_get_code(Object *o, void *c) { return NEWREF(((TracebackObject *)o)->code); }

static const GetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL},
    {"tb_code", tb_get_code, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject TracebackType = {
    .ob_base = {IMMORTAL_REFCNT, &TypeType},
    .name = "traceback",
    .basicsize = sizeof(TracebackObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .getset = tb_getset,
};

int traceback_here(Object *exc, CodeObject *code, int lasti) {
    TracebackObject *tb = (TracebackObject *)obj_alloc(&TracebackType, sizeof(TracebackObject));
    if (!tb) return -1;
    tb->code = (CodeObject *)NEWREF(code);
    tb->lasti = lasti;
    tb->lineno = code_addr2line(code, lasti);
    BaseExceptionObject *e = (BaseExceptionObject *)exc;
    tb->next = (TracebackObject *)e->traceback;  // steals the old head
    e->traceback = (Object *)tb;
    return 0;
}

// ---- Source lines --------------------------------------------------------------------

typedef struct SourceFile {
    char *name;
    char *text;
    size_t len;
    struct SourceFile *next;
} SourceFile;

static SourceFile *registered;

void source_register(const char *filename, const char *text, size_t len) {
    SourceFile *f = calloc(1, sizeof *f);
    if (!f) return;
    f->name = strdup(filename);
    f->text = malloc(len + 1);
    if (!f->name || !f->text) {
        free(f->name);
        free(f->text);
        free(f);
        return;
    }
    memcpy(f->text, text, len);
    f->text[len] = '\0';
    f->len = len;
    f->next = registered;
    registered = f;
}

static char *line_of(const char *text, size_t len, int lineno) {
    const char *p = text, *end = text + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    if (p >= end) return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    char *s = malloc(n + 1);
    if (!s) return NULL;
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

char *source_line(const char *filename, int lineno) {
    if (lineno <= 0) return NULL;
    // The REPL registers each input under a unique name; the latest wins.
    for (SourceFile *f = registered; f; f = f->next)
        if (strcmp(f->name, filename) == 0) return line_of(f->text, f->len, lineno);
    if (filename[0] == '<') return NULL;
    FILE *fp = fopen(filename, "rb");
    if (!fp) return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    for (int l = 1; l <= lineno; l++) {
        n = getline(&line, &cap, fp);
        if (n < 0) {
            free(line);
            fclose(fp);
            return NULL;
        }
    }
    fclose(fp);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
    return line;
}

// ---- Formatting --------------------------------------------------------------------------

// Number of code points in the first n bytes of s.
static long cp_count(const char *s, long n) { return (long)utf8_count(s, n); }

// Prints the 3.11 position carets for one entry, when useful.
static void put_carets(StrBuf *sb, const char *line, long lead, const Position *pos) {
    if (pos->col < 0 || pos->end_col < 0 || pos->end_lineno != pos->lineno) return;
    long len = (long)strlen(line);
    long start = pos->col, end = pos->end_col;
    if (start < lead || end > len || end <= start) return;
    // Trailing whitespace does not count when deciding whether the whole line is covered.
    long tail = len;
    while (tail > lead && (line[tail - 1] == ' ' || line[tail - 1] == '\t')) tail--;
    if (start == lead && end >= tail) return;
    sb_puts(sb, "    ");
    long pad = cp_count(line + lead, start - lead);
    for (long i = 0; i < pad; i++) sb_putc(sb, ' ');
    long width = cp_count(line + start, end - start);
    for (long i = 0; i < width; i++) sb_putc(sb, '^');
    sb_putc(sb, '\n');
}

static void put_entry(StrBuf *sb, TracebackObject *tb) {
    CodeObject *co = tb->code;
    sb_printf(sb, "  File \"%s\", line %d, in %s\n", STR_DATA(co->filename), tb->lineno, STR_DATA(co->name));
    char *line = source_line(STR_DATA(co->filename), tb->lineno);
    if (!line) return;
    long lead = 0;
    while (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f') lead++;
    if (line[lead]) {
        sb_puts(sb, "    ");
        sb_puts(sb, line + lead);
        sb_putc(sb, '\n');
        if (tb->lasti >= 0 && tb->lasti < co->ncode) put_carets(sb, line, lead, &co->positions[tb->lasti]);
    }
    free(line);
}

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

void traceback_format(StrBuf *sb, Object *head) {
    long depth = 0;
    for (TracebackObject *t = (TracebackObject *)head; t; t = t->next) depth++;
    TracebackObject *tb = (TracebackObject *)head;
    while (depth > TB_LIMIT) {
        tb = tb->next;
        depth--;
    }
    const char *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = tb->next) {
        const char *file = STR_DATA(tb->code->filename), *name = STR_DATA(tb->code->name);
        if (last_file && strcmp(file, last_file) == 0 && tb->lineno == last_line && strcmp(name, last_name) == 0) {
            cnt++;
            if (cnt > TB_RECURSIVE_CUTOFF) continue;
        } else {
            if (cnt > TB_RECURSIVE_CUTOFF) {
                long more = cnt - TB_RECURSIVE_CUTOFF;
                sb_printf(sb, "  [Previous line repeated %ld more time%s]\n", more, more > 1 ? "s" : "");
            }
            last_file = file;
            last_name = name;
            last_line = tb->lineno;
            cnt = 1;
        }
        put_entry(sb, tb);
    }
    if (cnt > TB_RECURSIVE_CUTOFF) {
        long more = cnt - TB_RECURSIVE_CUTOFF;
        sb_printf(sb, "  [Previous line repeated %ld more time%s]\n", more, more > 1 ? "s" : "");
    }
}
