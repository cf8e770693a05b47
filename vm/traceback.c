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
#include "../compiler/parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void tb_dealloc(Object *o) {
    TracebackObject *tb = (TracebackObject *)o;
    XDECREF(tb->next);
    XDECREF(tb->code);
    XDECREF(tb->frame);
    XDECREF(tb->globals);
    XDECREF(tb->builtins);
    obj_free(o);
}

static int tb_traverse(Object *o, visitproc visit, void *arg) {
    TracebackObject *tb = (TracebackObject *)o;
    if (tb->next && visit((Object *)tb->next, arg)) return -1;
    if (tb->code && visit((Object *)tb->code, arg)) return -1;
    if (tb->frame && visit(tb->frame, arg)) return -1;
    if (tb->globals && visit(tb->globals, arg)) return -1;
    if (tb->builtins && visit(tb->builtins, arg)) return -1;
    return 0;
}

static int tb_clear(Object *o) {
    TracebackObject *tb = (TracebackObject *)o;
    CLEAR(tb->next);
    CLEAR(tb->frame);
    CLEAR(tb->globals);
    CLEAR(tb->builtins);
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
    .clear = tb_clear,
    .getset = tb_getset,
};

int traceback_here_ex(Object *exc, CodeObject *code, int lasti, Object *globals, Object *builtins) {
    TracebackObject *tb = (TracebackObject *)obj_alloc(&TracebackType, sizeof(TracebackObject));
    if (!tb) return -1;
    tb->code = (CodeObject *)NEWREF(code);
    tb->lasti = lasti;
    tb->lineno = code_addr2line(code, lasti);
    tb->globals = XNEWREF(globals);
    tb->builtins = XNEWREF(builtins);
    BaseExceptionObject *e = (BaseExceptionObject *)exc;
    tb->next = (TracebackObject *)e->traceback;  // steals the old head
    e->traceback = (Object *)tb;
    return 0;
}

int traceback_here(Object *exc, CodeObject *code, int lasti) {
    return traceback_here_ex(exc, code, lasti, NULL, NULL);
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

// Line `lineno` (1-based) of text, without its end of line, malloc'd; NULL past
// the end. Lines end at "\n", "\r\n" or "\r" (the universal newlines of the
// TextIOWrapper that CPython reads source lines with).
static char *line_of(const char *text, size_t len, int lineno) {
    const char *p = text, *end = text + len;
    for (int l = 1; l < lineno; l++) {
        while (p < end && *p != '\n' && *p != '\r') p++;
        if (p >= end) return NULL;
        if (*p == '\r' && p + 1 < end && p[1] == '\n') p++;
        p++;
    }
    if (p >= end) return NULL;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') e++;
    size_t n = (size_t)(e - p);
    char *s = malloc(n + 1);
    if (!s) return NULL;
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

static char *read_whole_file(const char *filename, size_t *len) {
    FILE *fp = fopen(filename, "rb");
    if (!fp) return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (n < cap) break;
        char *nb = realloc(buf, cap *= 2);
        if (!nb) {
            free(buf);
            buf = NULL;
        } else {
            buf = nb;
        }
    }
    fclose(fp);
    *len = n;
    return buf;
}

char *source_line(const char *filename, int lineno) {
    if (lineno <= 0) return NULL;
    // The REPL registers each input under one name; the latest wins.
    for (SourceFile *f = registered; f; f = f->next)
        if (strcmp(f->name, filename) == 0) return line_of(f->text, f->len, lineno);
    if (filename[0] == '<') return NULL;
    size_t len;
    char *text = read_whole_file(filename, &len);
    if (!text) return NULL;
    char *line = line_of(text, len, lineno);
    free(text);
    return line;
}

// ---- Formatting --------------------------------------------------------------------------
//
// tb_displayline in CPython 3.11's Python/traceback.c: "  File ...", the source
// line without its indentation, and under it the PEP 657 position carets:
//
//     x = d["a"]["b"] + f(y)
//         ~~~~~~^^^^^
//
// Columns are character offsets into the source line (the code object keeps
// UTF-8 byte offsets). The carets are left out when they would cover the whole
// stripped line, unless the segment has "anchors": CPython re-parses the
// segment and, for a binary operation, marks the operator with '^' and the
// operands with '~'; for a subscript, the brackets with '^' and the value with '~'.

#define IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\f')

// CPython's _PyPegen_byte_offset_to_character_offset: the number of characters
// that the first `col` bytes of s (len bytes, NUL-terminated) decode to, with
// errors replaced; col is clamped to len + 1 (so it may count the NUL).
static long byte_to_char(const char *s, long len, long col) {
    if (col > len + 1) col = len + 1;
    const unsigned char *u = (const unsigned char *)s;
    long i = 0, n = 0;
    while (i < col) {
        unsigned char c = u[i];
        int need = c < 0x80 ? 0 : (c >= 0xC2 && c <= 0xDF) ? 1 : (c >= 0xE0 && c <= 0xEF) ? 2
                 : (c >= 0xF0 && c <= 0xF4) ? 3 : -1;
        i++;
        n++;
        if (need <= 0) continue;
        // A maximal valid prefix of a sequence decodes to one character (or one U+FFFD).
        for (int k = 0; k < need && i < col && (u[i] & 0xC0) == 0x80; k++) i++;
    }
    return n;
}

static bool same_str(Object *a, Object *b) {
    return a == b || (STR_NBYTES(a) == STR_NBYTES(b) && memcmp(STR_DATA(a), STR_DATA(b), (size_t)STR_NBYTES(a)) == 0);
}

// Byte offset of character i (0 <= i <= number of characters) in UTF-8 text.
static long utf8_offset(const char *s, long len, long i) {
    long b = 0;
    for (; i > 0 && b < len; i--) {
        b++;
        while (b < len && ((unsigned char)s[b] & 0xC0) == 0x80) b++;
    }
    return b;
}

// A one-file cache while formatting one traceback (deep recursion repeats the
// same file); CPython re-reads the file for every entry, with the same result.
typedef struct {
    char *name;
    char *text;
    size_t len;
    bool missing;
} SourceCache;

static char *cached_line(SourceCache *c, const char *filename, int lineno) {
    if (lineno <= 0) return NULL;
    for (SourceFile *f = registered; f; f = f->next)
        if (strcmp(f->name, filename) == 0) return line_of(f->text, f->len, lineno);
    if (filename[0] == '<') return NULL;
    if (!c->name || strcmp(c->name, filename) != 0) {
        free(c->name);
        free(c->text);
        c->name = strdup(filename);
        c->text = read_whole_file(filename, &c->len);
        c->missing = c->text == NULL;
    }
    if (c->missing) return NULL;
    return line_of(c->text, c->len, lineno);
}

// extract_anchors_from_line: parses the segment as a module; for a single
// expression statement that is a binary operation or a subscript, sets the
// byte offsets [*left, *right) of the operator / the bracketed part within the
// segment and the characters to draw. Returns 1 when anchors were found.
static int find_anchors(const char *seg, long seglen, long *left, long *right, char *primary, char *secondary) {
    Arena arena;
    arena_init(&arena);
    ParseError perr;
    int res = 0;
    Module *m = parse_source(&arena, seg, (size_t)seglen, PARSE_FILE, &perr);
    if (m && m->body.len == 1 && m->body.items[0]->kind == S_EXPR) {
        Expr *e = m->body.items[0]->v.expr.value;
        if (e->kind == E_BINOP) {
            long from = e->v.binop.left->loc.end_col_offset, to = e->v.binop.right->loc.col_offset;
            for (long i = from; i < to && i < seglen; i++) {
                if (IS_WS(seg[i])) continue;
                *left = i;
                *right = i + 1;
                // A two-character operator (//, **, <<, ...).
                if (i + 1 < to && !IS_WS(seg[i + 1])) ++*right;
                // A closing parenthesis of the left operand is not the operator.
                if (i + 1 < to && seg[i] == ')') continue;
                *primary = '~';
                *secondary = '^';
                break;
            }
            res = 1;
        } else if (e->kind == E_SUBSCRIPT) {
            *left = e->v.subscript.value->loc.end_col_offset;
            *right = e->v.subscript.slice->loc.end_col_offset + 1;
            while (*left < seglen && seg[*left] != '[') ++*left;
            while (*right < seglen && seg[*right] != ']') ++*right;
            if (*right < seglen) ++*right;
            *primary = '~';
            *secondary = '^';
            res = 1;
        }
    }
    arena_free(&arena);
    return res;
}

// The caret line under the source line of one entry, when CPython prints one.
static void put_carets(StrBuf *sb, const char *line, const Position *pos) {
    if (pos->lineno < 0 || pos->end_lineno < 0 || pos->col < 0 || pos->end_col < 0) return;
    long len = (long)strlen(line);
    long line_chars = (long)utf8_count(line, len);
    long lead = 0;  // leading whitespace: ASCII, so bytes and characters agree
    while (IS_WS(line[lead])) lead++;
    long truncation = lead - 4;
    long start = byte_to_char(line, len, pos->col);
    long end = byte_to_char(line, len, pos->end_col);
    long left_end = -1, right_start = -1;
    char primary = '^', secondary = '^';
    if (pos->lineno == pos->end_lineno) {
        // The segment [start, end) in characters, as UTF-8.
        long sb_start = start < line_chars ? (long)(utf8_offset(line, len, start)) : len;
        long sb_end = end < line_chars ? (long)(utf8_offset(line, len, end)) : len;
        if (sb_end > sb_start) {
            long l = -1, r = -1;
            const char *seg = line + sb_start;
            long seglen = sb_end - sb_start;
            char *copy = malloc((size_t)seglen + 1);
            if (copy) {
                memcpy(copy, seg, (size_t)seglen);
                copy[seglen] = '\0';
                if (find_anchors(copy, seglen, &l, &r, &primary, &secondary) > 0 && l >= 0 && r >= 0) {
                    left_end = byte_to_char(copy, seglen, l) + start;
                    right_start = byte_to_char(copy, seglen, r) + start;
                }
                free(copy);
            }
        }
    } else {
        // A range over several lines: up to the last non-blank character of
        // this one. (CPython scans the UTF-8 bytes from the character length
        // backwards; for non-ASCII lines that is what it prints.)
        long i = line_chars;
        while (--i >= 0)
            if (!IS_WS(line[i])) break;
        end = i + 1;
    }
    bool secondary_ranges = left_end != -1 || right_start != -1;
    if (end - start == line_chars - lead && !secondary_ranges) return;
    for (long off = truncation + 1; off <= end; off++) {
        if (off <= start) sb_putc(sb, ' ');
        else if (secondary_ranges && left_end < off && off <= right_start) sb_putc(sb, secondary);
        else sb_putc(sb, primary);
    }
    sb_putc(sb, '\n');
}

static void put_entry(StrBuf *sb, TracebackObject *tb, SourceCache *cache) {
    CodeObject *co = tb->code;
    sb_puts(sb, "  File \"");
    sb_putn(sb, STR_DATA(co->filename), STR_NBYTES(co->filename));
    sb_printf(sb, "\", line %d, in ", tb->lineno);
    sb_putn(sb, STR_DATA(co->name), STR_NBYTES(co->name));
    sb_putc(sb, '\n');
    const char *fn = STR_DATA(co->filename);
    size_t fnlen = (size_t)STR_NBYTES(co->filename);
    // As CPython, no source for "<string>", "<stdin>"...; minipy's embedded
    // stdlib ("<frozen NAME>") has its source registered and shows it.
    if (fnlen == 0) return;
    if (fn[0] == '<' && fn[fnlen - 1] == '>' && strncmp(fn, "<frozen ", 8) != 0) return;
    char *line = cached_line(cache, fn, tb->lineno);
    if (!line) return;
    if (!utf8_valid(line, (ssize_t)strlen(line))) {
        free(line);
        return;
    }
    long lead = 0;
    while (IS_WS(line[lead])) lead++;
    sb_puts(sb, "    ");
    sb_puts(sb, line + lead);
    sb_putc(sb, '\n');
    if (tb->lasti >= 0 && tb->lasti < co->ncode) put_carets(sb, line, &co->positions[tb->lasti]);
    free(line);
}

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

static void put_repeated(StrBuf *sb, long cnt) {
    cnt -= TB_RECURSIVE_CUTOFF;
    sb_printf(sb, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

void traceback_format_limit(StrBuf *sb, Object *head, long limit) {
    long depth = 0;
    for (TracebackObject *t = (TracebackObject *)head; t; t = t->next) depth++;
    TracebackObject *tb = (TracebackObject *)head;
    while (tb && depth > limit) {
        tb = tb->next;
        depth--;
    }
    SourceCache cache = {NULL, NULL, 0, false};
    Object *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = tb->next) {
        CodeObject *co = tb->code;
        // CPython compares the filename and name objects by identity; they are
        // shared there (one filename per module, interned names), so compare values.
        if (!last_file || !same_str(co->filename, last_file) || last_line == -1 || tb->lineno != last_line ||
            !last_name || !same_str(co->name, last_name)) {
            if (cnt > TB_RECURSIVE_CUTOFF) put_repeated(sb, cnt);
            last_file = co->filename;
            last_line = tb->lineno;
            last_name = co->name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) put_entry(sb, tb, &cache);
    }
    if (cnt > TB_RECURSIVE_CUTOFF) put_repeated(sb, cnt);
    free(cache.name);
    free(cache.text);
}

void traceback_format(StrBuf *sb, Object *head) { traceback_format_limit(sb, head, TB_LIMIT); }
