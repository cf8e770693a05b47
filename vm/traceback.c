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
#include <stdint.h>
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
    .ob_base = OBJ_HEAD_INIT(&TypeType),
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

// Code points that a terminal shows two columns wide: East Asian Width W or F
// in the Unicode 14.0 database of CPython 3.11 (whose unicodedata also gives F
// for unassigned code points). Generated with
//   [cp for cp in range(0x110000) if unicodedata.east_asian_width(chr(cp)) in "WF"]
// merged into ranges.
static const uint32_t wide_ranges[][2] = {
    {0x378,0x379}, {0x380,0x383}, {0x38B,0x38B}, {0x38D,0x38D}, {0x3A2,0x3A2}, {0x530,0x530}, {0x557,0x558},
    {0x58B,0x58C}, {0x590,0x590}, {0x5C8,0x5CF}, {0x5EB,0x5EE}, {0x5F5,0x5FF}, {0x70E,0x70E}, {0x74B,0x74C},
    {0x7B2,0x7BF}, {0x7FB,0x7FC}, {0x82E,0x82F}, {0x83F,0x83F}, {0x85C,0x85D}, {0x85F,0x85F}, {0x86B,0x86F},
    {0x88F,0x88F}, {0x892,0x897}, {0x984,0x984}, {0x98D,0x98E}, {0x991,0x992}, {0x9A9,0x9A9}, {0x9B1,0x9B1},
    {0x9B3,0x9B5}, {0x9BA,0x9BB}, {0x9C5,0x9C6}, {0x9C9,0x9CA}, {0x9CF,0x9D6}, {0x9D8,0x9DB}, {0x9DE,0x9DE},
    {0x9E4,0x9E5}, {0x9FF,0xA00}, {0xA04,0xA04}, {0xA0B,0xA0E}, {0xA11,0xA12}, {0xA29,0xA29}, {0xA31,0xA31},
    {0xA34,0xA34}, {0xA37,0xA37}, {0xA3A,0xA3B}, {0xA3D,0xA3D}, {0xA43,0xA46}, {0xA49,0xA4A}, {0xA4E,0xA50},
    {0xA52,0xA58}, {0xA5D,0xA5D}, {0xA5F,0xA65}, {0xA77,0xA80}, {0xA84,0xA84}, {0xA8E,0xA8E}, {0xA92,0xA92},
    {0xAA9,0xAA9}, {0xAB1,0xAB1}, {0xAB4,0xAB4}, {0xABA,0xABB}, {0xAC6,0xAC6}, {0xACA,0xACA}, {0xACE,0xACF},
    {0xAD1,0xADF}, {0xAE4,0xAE5}, {0xAF2,0xAF8}, {0xB00,0xB00}, {0xB04,0xB04}, {0xB0D,0xB0E}, {0xB11,0xB12},
    {0xB29,0xB29}, {0xB31,0xB31}, {0xB34,0xB34}, {0xB3A,0xB3B}, {0xB45,0xB46}, {0xB49,0xB4A}, {0xB4E,0xB54},
    {0xB58,0xB5B}, {0xB5E,0xB5E}, {0xB64,0xB65}, {0xB78,0xB81}, {0xB84,0xB84}, {0xB8B,0xB8D}, {0xB91,0xB91},
    {0xB96,0xB98}, {0xB9B,0xB9B}, {0xB9D,0xB9D}, {0xBA0,0xBA2}, {0xBA5,0xBA7}, {0xBAB,0xBAD}, {0xBBA,0xBBD},
    {0xBC3,0xBC5}, {0xBC9,0xBC9}, {0xBCE,0xBCF}, {0xBD1,0xBD6}, {0xBD8,0xBE5}, {0xBFB,0xBFF}, {0xC0D,0xC0D},
    {0xC11,0xC11}, {0xC29,0xC29}, {0xC3A,0xC3B}, {0xC45,0xC45}, {0xC49,0xC49}, {0xC4E,0xC54}, {0xC57,0xC57},
    {0xC5B,0xC5C}, {0xC5E,0xC5F}, {0xC64,0xC65}, {0xC70,0xC76}, {0xC8D,0xC8D}, {0xC91,0xC91}, {0xCA9,0xCA9},
    {0xCB4,0xCB4}, {0xCBA,0xCBB}, {0xCC5,0xCC5}, {0xCC9,0xCC9}, {0xCCE,0xCD4}, {0xCD7,0xCDC}, {0xCDF,0xCDF},
    {0xCE4,0xCE5}, {0xCF0,0xCF0}, {0xCF3,0xCFF}, {0xD0D,0xD0D}, {0xD11,0xD11}, {0xD45,0xD45}, {0xD49,0xD49},
    {0xD50,0xD53}, {0xD64,0xD65}, {0xD80,0xD80}, {0xD84,0xD84}, {0xD97,0xD99}, {0xDB2,0xDB2}, {0xDBC,0xDBC},
    {0xDBE,0xDBF}, {0xDC7,0xDC9}, {0xDCB,0xDCE}, {0xDD5,0xDD5}, {0xDD7,0xDD7}, {0xDE0,0xDE5}, {0xDF0,0xDF1},
    {0xDF5,0xE00}, {0xE3B,0xE3E}, {0xE5C,0xE80}, {0xE83,0xE83}, {0xE85,0xE85}, {0xE8B,0xE8B}, {0xEA4,0xEA4},
    {0xEA6,0xEA6}, {0xEBE,0xEBF}, {0xEC5,0xEC5}, {0xEC7,0xEC7}, {0xECE,0xECF}, {0xEDA,0xEDB}, {0xEE0,0xEFF},
    {0xF48,0xF48}, {0xF6D,0xF70}, {0xF98,0xF98}, {0xFBD,0xFBD}, {0xFCD,0xFCD}, {0xFDB,0xFFF}, {0x10C6,0x10C6},
    {0x10C8,0x10CC}, {0x10CE,0x10CF}, {0x1100,0x115F}, {0x1249,0x1249}, {0x124E,0x124F}, {0x1257,0x1257},
    {0x1259,0x1259}, {0x125E,0x125F}, {0x1289,0x1289}, {0x128E,0x128F}, {0x12B1,0x12B1}, {0x12B6,0x12B7},
    {0x12BF,0x12BF}, {0x12C1,0x12C1}, {0x12C6,0x12C7}, {0x12D7,0x12D7}, {0x1311,0x1311}, {0x1316,0x1317},
    {0x135B,0x135C}, {0x137D,0x137F}, {0x139A,0x139F}, {0x13F6,0x13F7}, {0x13FE,0x13FF}, {0x169D,0x169F},
    {0x16F9,0x16FF}, {0x1716,0x171E}, {0x1737,0x173F}, {0x1754,0x175F}, {0x176D,0x176D}, {0x1771,0x1771},
    {0x1774,0x177F}, {0x17DE,0x17DF}, {0x17EA,0x17EF}, {0x17FA,0x17FF}, {0x181A,0x181F}, {0x1879,0x187F},
    {0x18AB,0x18AF}, {0x18F6,0x18FF}, {0x191F,0x191F}, {0x192C,0x192F}, {0x193C,0x193F}, {0x1941,0x1943},
    {0x196E,0x196F}, {0x1975,0x197F}, {0x19AC,0x19AF}, {0x19CA,0x19CF}, {0x19DB,0x19DD}, {0x1A1C,0x1A1D},
    {0x1A5F,0x1A5F}, {0x1A7D,0x1A7E}, {0x1A8A,0x1A8F}, {0x1A9A,0x1A9F}, {0x1AAE,0x1AAF}, {0x1ACF,0x1AFF},
    {0x1B4D,0x1B4F}, {0x1B7F,0x1B7F}, {0x1BF4,0x1BFB}, {0x1C38,0x1C3A}, {0x1C4A,0x1C4C}, {0x1C89,0x1C8F},
    {0x1CBB,0x1CBC}, {0x1CC8,0x1CCF}, {0x1CFB,0x1CFF}, {0x1F16,0x1F17}, {0x1F1E,0x1F1F}, {0x1F46,0x1F47},
    {0x1F4E,0x1F4F}, {0x1F58,0x1F58}, {0x1F5A,0x1F5A}, {0x1F5C,0x1F5C}, {0x1F5E,0x1F5E}, {0x1F7E,0x1F7F},
    {0x1FB5,0x1FB5}, {0x1FC5,0x1FC5}, {0x1FD4,0x1FD5}, {0x1FDC,0x1FDC}, {0x1FF0,0x1FF1}, {0x1FF5,0x1FF5},
    {0x1FFF,0x1FFF}, {0x2065,0x2065}, {0x2072,0x2073}, {0x208F,0x208F}, {0x209D,0x209F}, {0x20C1,0x20CF},
    {0x20F1,0x20FF}, {0x218C,0x218F}, {0x231A,0x231B}, {0x2329,0x232A}, {0x23E9,0x23EC}, {0x23F0,0x23F0},
    {0x23F3,0x23F3}, {0x2427,0x243F}, {0x244B,0x245F}, {0x25FD,0x25FE}, {0x2614,0x2615}, {0x2648,0x2653},
    {0x267F,0x267F}, {0x2693,0x2693}, {0x26A1,0x26A1}, {0x26AA,0x26AB}, {0x26BD,0x26BE}, {0x26C4,0x26C5},
    {0x26CE,0x26CE}, {0x26D4,0x26D4}, {0x26EA,0x26EA}, {0x26F2,0x26F3}, {0x26F5,0x26F5}, {0x26FA,0x26FA},
    {0x26FD,0x26FD}, {0x2705,0x2705}, {0x270A,0x270B}, {0x2728,0x2728}, {0x274C,0x274C}, {0x274E,0x274E},
    {0x2753,0x2755}, {0x2757,0x2757}, {0x2795,0x2797}, {0x27B0,0x27B0}, {0x27BF,0x27BF}, {0x2B1B,0x2B1C},
    {0x2B50,0x2B50}, {0x2B55,0x2B55}, {0x2B74,0x2B75}, {0x2B96,0x2B96}, {0x2CF4,0x2CF8}, {0x2D26,0x2D26},
    {0x2D28,0x2D2C}, {0x2D2E,0x2D2F}, {0x2D68,0x2D6E}, {0x2D71,0x2D7E}, {0x2D97,0x2D9F}, {0x2DA7,0x2DA7},
    {0x2DAF,0x2DAF}, {0x2DB7,0x2DB7}, {0x2DBF,0x2DBF}, {0x2DC7,0x2DC7}, {0x2DCF,0x2DCF}, {0x2DD7,0x2DD7},
    {0x2DDF,0x2DDF}, {0x2E5E,0x303E}, {0x3040,0x3247}, {0x3250,0x4DBF}, {0x4E00,0xA4CF}, {0xA62C,0xA63F},
    {0xA6F8,0xA6FF}, {0xA7CB,0xA7CF}, {0xA7D2,0xA7D2}, {0xA7D4,0xA7D4}, {0xA7DA,0xA7F1}, {0xA82D,0xA82F},
    {0xA83A,0xA83F}, {0xA878,0xA87F}, {0xA8C6,0xA8CD}, {0xA8DA,0xA8DF}, {0xA954,0xA95E}, {0xA960,0xA97F},
    {0xA9CE,0xA9CE}, {0xA9DA,0xA9DD}, {0xA9FF,0xA9FF}, {0xAA37,0xAA3F}, {0xAA4E,0xAA4F}, {0xAA5A,0xAA5B},
    {0xAAC3,0xAADA}, {0xAAF7,0xAB00}, {0xAB07,0xAB08}, {0xAB0F,0xAB10}, {0xAB17,0xAB1F}, {0xAB27,0xAB27},
    {0xAB2F,0xAB2F}, {0xAB6C,0xAB6F}, {0xABEE,0xABEF}, {0xABFA,0xD7AF}, {0xD7C7,0xD7CA}, {0xD7FC,0xD7FF},
    {0xF900,0xFAFF}, {0xFB07,0xFB12}, {0xFB18,0xFB1C}, {0xFB37,0xFB37}, {0xFB3D,0xFB3D}, {0xFB3F,0xFB3F},
    {0xFB42,0xFB42}, {0xFB45,0xFB45}, {0xFBC3,0xFBD2}, {0xFD90,0xFD91}, {0xFDC8,0xFDCE}, {0xFDD0,0xFDEF},
    {0xFE10,0xFE1F}, {0xFE30,0xFE6F}, {0xFE75,0xFE75}, {0xFEFD,0xFEFE}, {0xFF00,0xFF60}, {0xFFBF,0xFFC1},
    {0xFFC8,0xFFC9}, {0xFFD0,0xFFD1}, {0xFFD8,0xFFD9}, {0xFFDD,0xFFE7}, {0xFFEF,0xFFF8}, {0xFFFE,0xFFFF},
    {0x1000C,0x1000C}, {0x10027,0x10027}, {0x1003B,0x1003B}, {0x1003E,0x1003E}, {0x1004E,0x1004F},
    {0x1005E,0x1007F}, {0x100FB,0x100FF}, {0x10103,0x10106}, {0x10134,0x10136}, {0x1018F,0x1018F},
    {0x1019D,0x1019F}, {0x101A1,0x101CF}, {0x101FE,0x1027F}, {0x1029D,0x1029F}, {0x102D1,0x102DF},
    {0x102FC,0x102FF}, {0x10324,0x1032C}, {0x1034B,0x1034F}, {0x1037B,0x1037F}, {0x1039E,0x1039E},
    {0x103C4,0x103C7}, {0x103D6,0x103FF}, {0x1049E,0x1049F}, {0x104AA,0x104AF}, {0x104D4,0x104D7},
    {0x104FC,0x104FF}, {0x10528,0x1052F}, {0x10564,0x1056E}, {0x1057B,0x1057B}, {0x1058B,0x1058B},
    {0x10593,0x10593}, {0x10596,0x10596}, {0x105A2,0x105A2}, {0x105B2,0x105B2}, {0x105BA,0x105BA},
    {0x105BD,0x105FF}, {0x10737,0x1073F}, {0x10756,0x1075F}, {0x10768,0x1077F}, {0x10786,0x10786},
    {0x107B1,0x107B1}, {0x107BB,0x107FF}, {0x10806,0x10807}, {0x10809,0x10809}, {0x10836,0x10836},
    {0x10839,0x1083B}, {0x1083D,0x1083E}, {0x10856,0x10856}, {0x1089F,0x108A6}, {0x108B0,0x108DF},
    {0x108F3,0x108F3}, {0x108F6,0x108FA}, {0x1091C,0x1091E}, {0x1093A,0x1093E}, {0x10940,0x1097F},
    {0x109B8,0x109BB}, {0x109D0,0x109D1}, {0x10A04,0x10A04}, {0x10A07,0x10A0B}, {0x10A14,0x10A14},
    {0x10A18,0x10A18}, {0x10A36,0x10A37}, {0x10A3B,0x10A3E}, {0x10A49,0x10A4F}, {0x10A59,0x10A5F},
    {0x10AA0,0x10ABF}, {0x10AE7,0x10AEA}, {0x10AF7,0x10AFF}, {0x10B36,0x10B38}, {0x10B56,0x10B57},
    {0x10B73,0x10B77}, {0x10B92,0x10B98}, {0x10B9D,0x10BA8}, {0x10BB0,0x10BFF}, {0x10C49,0x10C7F},
    {0x10CB3,0x10CBF}, {0x10CF3,0x10CF9}, {0x10D28,0x10D2F}, {0x10D3A,0x10E5F}, {0x10E7F,0x10E7F},
    {0x10EAA,0x10EAA}, {0x10EAE,0x10EAF}, {0x10EB2,0x10EFF}, {0x10F28,0x10F2F}, {0x10F5A,0x10F6F},
    {0x10F8A,0x10FAF}, {0x10FCC,0x10FDF}, {0x10FF7,0x10FFF}, {0x1104E,0x11051}, {0x11076,0x1107E},
    {0x110C3,0x110CC}, {0x110CE,0x110CF}, {0x110E9,0x110EF}, {0x110FA,0x110FF}, {0x11135,0x11135},
    {0x11148,0x1114F}, {0x11177,0x1117F}, {0x111E0,0x111E0}, {0x111F5,0x111FF}, {0x11212,0x11212},
    {0x1123F,0x1127F}, {0x11287,0x11287}, {0x11289,0x11289}, {0x1128E,0x1128E}, {0x1129E,0x1129E},
    {0x112AA,0x112AF}, {0x112EB,0x112EF}, {0x112FA,0x112FF}, {0x11304,0x11304}, {0x1130D,0x1130E},
    {0x11311,0x11312}, {0x11329,0x11329}, {0x11331,0x11331}, {0x11334,0x11334}, {0x1133A,0x1133A},
    {0x11345,0x11346}, {0x11349,0x1134A}, {0x1134E,0x1134F}, {0x11351,0x11356}, {0x11358,0x1135C},
    {0x11364,0x11365}, {0x1136D,0x1136F}, {0x11375,0x113FF}, {0x1145C,0x1145C}, {0x11462,0x1147F},
    {0x114C8,0x114CF}, {0x114DA,0x1157F}, {0x115B6,0x115B7}, {0x115DE,0x115FF}, {0x11645,0x1164F},
    {0x1165A,0x1165F}, {0x1166D,0x1167F}, {0x116BA,0x116BF}, {0x116CA,0x116FF}, {0x1171B,0x1171C},
    {0x1172C,0x1172F}, {0x11747,0x117FF}, {0x1183C,0x1189F}, {0x118F3,0x118FE}, {0x11907,0x11908},
    {0x1190A,0x1190B}, {0x11914,0x11914}, {0x11917,0x11917}, {0x11936,0x11936}, {0x11939,0x1193A},
    {0x11947,0x1194F}, {0x1195A,0x1199F}, {0x119A8,0x119A9}, {0x119D8,0x119D9}, {0x119E5,0x119FF},
    {0x11A48,0x11A4F}, {0x11AA3,0x11AAF}, {0x11AF9,0x11BFF}, {0x11C09,0x11C09}, {0x11C37,0x11C37},
    {0x11C46,0x11C4F}, {0x11C6D,0x11C6F}, {0x11C90,0x11C91}, {0x11CA8,0x11CA8}, {0x11CB7,0x11CFF},
    {0x11D07,0x11D07}, {0x11D0A,0x11D0A}, {0x11D37,0x11D39}, {0x11D3B,0x11D3B}, {0x11D3E,0x11D3E},
    {0x11D48,0x11D4F}, {0x11D5A,0x11D5F}, {0x11D66,0x11D66}, {0x11D69,0x11D69}, {0x11D8F,0x11D8F},
    {0x11D92,0x11D92}, {0x11D99,0x11D9F}, {0x11DAA,0x11EDF}, {0x11EF9,0x11FAF}, {0x11FB1,0x11FBF},
    {0x11FF2,0x11FFE}, {0x1239A,0x123FF}, {0x1246F,0x1246F}, {0x12475,0x1247F}, {0x12544,0x12F8F},
    {0x12FF3,0x12FFF}, {0x1342F,0x1342F}, {0x13439,0x143FF}, {0x14647,0x167FF}, {0x16A39,0x16A3F},
    {0x16A5F,0x16A5F}, {0x16A6A,0x16A6D}, {0x16ABF,0x16ABF}, {0x16ACA,0x16ACF}, {0x16AEE,0x16AEF},
    {0x16AF6,0x16AFF}, {0x16B46,0x16B4F}, {0x16B5A,0x16B5A}, {0x16B62,0x16B62}, {0x16B78,0x16B7C},
    {0x16B90,0x16E3F}, {0x16E9B,0x16EFF}, {0x16F4B,0x16F4E}, {0x16F88,0x16F8E}, {0x16FA0,0x1BBFF},
    {0x1BC6B,0x1BC6F}, {0x1BC7D,0x1BC7F}, {0x1BC89,0x1BC8F}, {0x1BC9A,0x1BC9B}, {0x1BCA4,0x1CEFF},
    {0x1CF2E,0x1CF2F}, {0x1CF47,0x1CF4F}, {0x1CFC4,0x1CFFF}, {0x1D0F6,0x1D0FF}, {0x1D127,0x1D128},
    {0x1D1EB,0x1D1FF}, {0x1D246,0x1D2DF}, {0x1D2F4,0x1D2FF}, {0x1D357,0x1D35F}, {0x1D379,0x1D3FF},
    {0x1D455,0x1D455}, {0x1D49D,0x1D49D}, {0x1D4A0,0x1D4A1}, {0x1D4A3,0x1D4A4}, {0x1D4A7,0x1D4A8},
    {0x1D4AD,0x1D4AD}, {0x1D4BA,0x1D4BA}, {0x1D4BC,0x1D4BC}, {0x1D4C4,0x1D4C4}, {0x1D506,0x1D506},
    {0x1D50B,0x1D50C}, {0x1D515,0x1D515}, {0x1D51D,0x1D51D}, {0x1D53A,0x1D53A}, {0x1D53F,0x1D53F},
    {0x1D545,0x1D545}, {0x1D547,0x1D549}, {0x1D551,0x1D551}, {0x1D6A6,0x1D6A7}, {0x1D7CC,0x1D7CD},
    {0x1DA8C,0x1DA9A}, {0x1DAA0,0x1DAA0}, {0x1DAB0,0x1DEFF}, {0x1DF1F,0x1DFFF}, {0x1E007,0x1E007},
    {0x1E019,0x1E01A}, {0x1E022,0x1E022}, {0x1E025,0x1E025}, {0x1E02B,0x1E0FF}, {0x1E12D,0x1E12F},
    {0x1E13E,0x1E13F}, {0x1E14A,0x1E14D}, {0x1E150,0x1E28F}, {0x1E2AF,0x1E2BF}, {0x1E2FA,0x1E2FE},
    {0x1E300,0x1E7DF}, {0x1E7E7,0x1E7E7}, {0x1E7EC,0x1E7EC}, {0x1E7EF,0x1E7EF}, {0x1E7FF,0x1E7FF},
    {0x1E8C5,0x1E8C6}, {0x1E8D7,0x1E8FF}, {0x1E94C,0x1E94F}, {0x1E95A,0x1E95D}, {0x1E960,0x1EC70},
    {0x1ECB5,0x1ED00}, {0x1ED3E,0x1EDFF}, {0x1EE04,0x1EE04}, {0x1EE20,0x1EE20}, {0x1EE23,0x1EE23},
    {0x1EE25,0x1EE26}, {0x1EE28,0x1EE28}, {0x1EE33,0x1EE33}, {0x1EE38,0x1EE38}, {0x1EE3A,0x1EE3A},
    {0x1EE3C,0x1EE41}, {0x1EE43,0x1EE46}, {0x1EE48,0x1EE48}, {0x1EE4A,0x1EE4A}, {0x1EE4C,0x1EE4C},
    {0x1EE50,0x1EE50}, {0x1EE53,0x1EE53}, {0x1EE55,0x1EE56}, {0x1EE58,0x1EE58}, {0x1EE5A,0x1EE5A},
    {0x1EE5C,0x1EE5C}, {0x1EE5E,0x1EE5E}, {0x1EE60,0x1EE60}, {0x1EE63,0x1EE63}, {0x1EE65,0x1EE66},
    {0x1EE6B,0x1EE6B}, {0x1EE73,0x1EE73}, {0x1EE78,0x1EE78}, {0x1EE7D,0x1EE7D}, {0x1EE7F,0x1EE7F},
    {0x1EE8A,0x1EE8A}, {0x1EE9C,0x1EEA0}, {0x1EEA4,0x1EEA4}, {0x1EEAA,0x1EEAA}, {0x1EEBC,0x1EEEF},
    {0x1EEF2,0x1EFFF}, {0x1F004,0x1F004}, {0x1F02C,0x1F02F}, {0x1F094,0x1F09F}, {0x1F0AF,0x1F0B0},
    {0x1F0C0,0x1F0C0}, {0x1F0CF,0x1F0D0}, {0x1F0F6,0x1F0FF}, {0x1F18E,0x1F18E}, {0x1F191,0x1F19A},
    {0x1F1AE,0x1F1E5}, {0x1F200,0x1F320}, {0x1F32D,0x1F335}, {0x1F337,0x1F37C}, {0x1F37E,0x1F393},
    {0x1F3A0,0x1F3CA}, {0x1F3CF,0x1F3D3}, {0x1F3E0,0x1F3F0}, {0x1F3F4,0x1F3F4}, {0x1F3F8,0x1F43E},
    {0x1F440,0x1F440}, {0x1F442,0x1F4FC}, {0x1F4FF,0x1F53D}, {0x1F54B,0x1F54E}, {0x1F550,0x1F567},
    {0x1F57A,0x1F57A}, {0x1F595,0x1F596}, {0x1F5A4,0x1F5A4}, {0x1F5FB,0x1F64F}, {0x1F680,0x1F6C5},
    {0x1F6CC,0x1F6CC}, {0x1F6D0,0x1F6D2}, {0x1F6D5,0x1F6DF}, {0x1F6EB,0x1F6EF}, {0x1F6F4,0x1F6FF},
    {0x1F774,0x1F77F}, {0x1F7D9,0x1F7FF}, {0x1F80C,0x1F80F}, {0x1F848,0x1F84F}, {0x1F85A,0x1F85F},
    {0x1F888,0x1F88F}, {0x1F8AE,0x1F8AF}, {0x1F8B2,0x1F8FF}, {0x1F90C,0x1F93A}, {0x1F93C,0x1F945},
    {0x1F947,0x1F9FF}, {0x1FA54,0x1FA5F}, {0x1FA6E,0x1FAFF}, {0x1FB93,0x1FB93}, {0x1FBCB,0x1FBEF},
    {0x1FBFA,0xE0000}, {0xE0002,0xE001F}, {0xE0080,0xE00FF}, {0xE01F0,0xEFFFF}, {0xFFFFE,0xFFFFF}
};

static int char_width(uint32_t cp) {
    if (cp < 0x378) return 1;
    size_t lo = 0, hi = sizeof wide_ranges / sizeof wide_ranges[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < wide_ranges[mid][0]) hi = mid;
        else if (cp > wide_ranges[mid][1]) lo = mid + 1;
        else return 2;
    }
    return 1;
}

// The display width of the first nchars characters of a UTF-8 line (len
// bytes); characters past its end count one column each. 3.11.7 places the
// carets by display width, so that they line up under wide characters.
static long display_width(const char *s, long len, long nchars) {
    long w = 0, i = 0;
    for (long k = 0; k < nchars; k++) {
        if (i >= len) {
            w++;
            continue;
        }
        int n = 1;
        uint32_t cp = (unsigned char)s[i] < 0x80 ? (unsigned char)s[i] : utf8_decode(s + i, &n);
        i += n;
        w += char_width(cp);
    }
    return w;
}

// A one-file cache while formatting one traceback (deep recursion repeats the
// same file); CPython re-reads the file for every entry, with the same result.
typedef struct {
    char *name;
    char *text;
    size_t len;
    bool missing;
} SourceCache;

// _Py_FindSourceFile: a file that cannot be opened by its name is looked for
// by its last path component in the directories of sys.path.
static char *find_on_sys_path(const char *filename, size_t *len) {
    const char *tail = strrchr(filename, '/');
    tail = tail ? tail + 1 : filename;
    Object *path = the_interp.sysdict ? dict_getitem_str(the_interp.sysdict, "path") : NULL;
    if (!path || !LIST_CHECK(path)) return NULL;
    for (ssize_t i = 0; i < LIST_SIZE(path); i++) {
        Object *dir = LIST_ITEMS(path)[i];
        if (!STR_CHECK(dir)) continue;
        size_t dlen = (size_t)STR_NBYTES(dir), tlen = strlen(tail);
        if (memchr(STR_DATA(dir), '\0', dlen)) continue;
        char *full = malloc(dlen + tlen + 2);
        if (!full) return NULL;
        memcpy(full, STR_DATA(dir), dlen);
        size_t n = dlen;
        if (n > 0 && full[n - 1] != '/') full[n++] = '/';
        memcpy(full + n, tail, tlen + 1);
        char *text = read_whole_file(full, len);
        free(full);
        if (text) return text;
    }
    return NULL;
}

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
        if (!c->text) c->text = find_on_sys_path(filename, &c->len);
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
    // From characters to display columns (the indentation is ASCII).
    start = display_width(line, len, start);
    end = display_width(line, len, end);
    if (left_end >= 0) left_end = display_width(line, len, left_end);
    if (right_start >= 0) right_start = display_width(line, len, right_start);
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
