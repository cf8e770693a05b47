// The code generator (CPython's Python/compile.c): walks the AST with the
// symbol table and emits CPython 3.11 wordcode into basic blocks, one Unit
// per code object. Control flow that must run cleanup code on the way out
// (break/continue/return through try/finally, with, except handlers) is
// tracked by a stack of frame blocks, and exception handling uses 3.11's
// SETUP_*/POP_BLOCK pseudo-instructions, which the assembler turns into the
// exception table.
#include "compile.h"
#include "cinternal.h"
#include "../vm/traceback.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH, FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER, FB_ASYNC_COMPREHENSION_GENERATOR,
    FB_EXCEPTION_GROUP_HANDLER
} FBlockType;

typedef struct FBlock {
    FBlockType type;
    int block;          // loop start / handler block
    int exit;           // loop exit block, or -1
    const void *datum;  // FINALLY_TRY: StmtSeq*; HANDLER_CLEANUP: name
    Loc loc;
} FBlock;

// Source text for SyntaxError lines.
static _Thread_local const char *cur_src;
static _Thread_local size_t cur_src_len;
// The source came as bytes without a coding declaration: the parser's
// offsets stay in bytes (compile_source_bytes).
static _Thread_local bool byte_offsets;

// ---- Errors --------------------------------------------------------------------------------

// Converts a 0-based byte column in line `lineno` of src to a 1-based character offset.
static long char_offset(const char *src, size_t len, int lineno, int col) {
    if (!src || col < 0) return col + 1;
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) break;
        p = nl + 1;
    }
    long n = 0;
    for (int i = 0; i < col && p + i < end; i++)
        if (((unsigned char)p[i] & 0xC0) != 0x80) n++;
    return n + 1;
}

// The length of the UTF-8 sequence at s (1-4), 0 if it is not valid UTF-8
// (overlong forms and surrogates included).
static int utf8_seq_len(const unsigned char *s, const unsigned char *end) {
    unsigned c = s[0];
    int n;
    uint32_t min;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, min = 0x10000;
    else return 0;
    if (end - s < n) return 0;
    uint32_t cp = c & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

// The length of the maximal invalid subpart at s (a prefix of a sequence
// that cannot be completed), which decoding with errors="replace" turns
// into one U+FFFD, as CPython's decoder.
static int utf8_bad_len(const unsigned char *s, const unsigned char *end) {
    unsigned c = s[0];
    int n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 1;
    int k = 1;
    while (k < n && s + k < end && (s[k] & 0xC0) == 0x80) {
        unsigned c2 = s[1];
        if (k == 1 && ((c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 >= 0xA0) || (c == 0xF0 && c2 < 0x90) ||
                       (c == 0xF4 && c2 >= 0x90)))
            break;
        k++;
    }
    return k;
}

// src[0:n] decoded as UTF-8 with errors="replace". New reference.
static Object *str_from_utf8_replace(const char *src, size_t n) {
    const unsigned char *s = (const unsigned char *)src, *end = s + n;
    const unsigned char *p = s;
    while (p < end && utf8_seq_len(p, end)) p += utf8_seq_len(p, end);
    if (p == end) return str_from_utf8(src, (ssize_t)n);
    char *buf = malloc(n * 3 + 1), *q = buf;
    if (!buf) {
        err_no_memory();
        return NULL;
    }
    for (p = s; p < end;) {
        int k = utf8_seq_len(p, end);
        if (k) {
            memcpy(q, p, (size_t)k);
            q += k;
            p += k;
        } else {
            memcpy(q, "\xEF\xBF\xBD", 3);
            q += 3;
            p += utf8_bad_len(p, end);
        }
    }
    Object *r = str_from_utf8(buf, q - buf);
    free(buf);
    return r;
}

static Object *line_text(const char *src, size_t len, int lineno) {
    if (!src) return NULL;
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
    Object *s = str_from_utf8_replace(p, n);
    if (!s) err_clear();
    return s;
}

static void raise_syntax_error_ex(const char *kind, const char *msg, Object *filename, const char *src, size_t len,
                                  int lineno, int col, int end_lineno, int end_col, bool bytes);

void raise_syntax_error(const char *kind, const char *msg, Object *filename, const char *src, size_t len,
                        int lineno, int col, int end_lineno, int end_col) {
    raise_syntax_error_ex(kind, msg, filename, src, len, lineno, col, end_lineno, end_col, byte_offsets);
}

// With bytes, the offsets are byte columns + 1: CPython converts to
// characters only for the parser's errors on text it decoded itself; the
// symbol table's and the code generator's use the AST's byte columns.
static void raise_syntax_error_ex(const char *kind, const char *msg, Object *filename, const char *src, size_t len,
                                  int lineno, int col, int end_lineno, int end_col, bool bytes) {
    TypeObject *t = Exc_SyntaxError;
    if (strcmp(kind, "IndentationError") == 0) t = Exc_IndentationError;
    else if (strcmp(kind, "TabError") == 0) t = Exc_TabError;
    Object *text = lineno > 0 ? line_text(src, len, lineno) : NULL;
    if (!text && lineno > 0 && filename && STR_CHECK(filename)) {
        char *l = source_line(STR_DATA(filename), lineno);
        if (l) {
            text = str_from_format("%s\n", l);
            free(l);
        }
    }
    Object *m = str_from_cstr(msg);
    Object *ln = int_from_long(lineno);
    if (bytes) src = NULL;  // char_offset then counts bytes
    Object *off = col >= 0 ? int_from_long(char_offset(src, len, lineno, col)) : NEWREF(None);
    Object *eln = end_lineno > 0 ? int_from_long(end_lineno) : NEWREF(None);
    // The parser reports -2 where CPython's end offset is -1 (e.g. indentation errors).
    Object *eoff = end_col >= 0 && end_lineno > 0 ? int_from_long(char_offset(src, len, end_lineno, end_col))
                   : end_col == -2                ? int_from_long(-1)
                                                  : NEWREF(None);
    Object *info = tuple_pack(6, filename ? filename : None, ln, off, text ? text : None, eln, eoff);
    if (m && info) {
        Object *args[2] = {m, info};
        Object *exc = exc_new(t, args, 2);
        if (exc) {
            err_restore(exc);
        }
    }
    XDECREF(m);
    XDECREF(ln);
    XDECREF(off);
    XDECREF(eln);
    XDECREF(eoff);
    XDECREF(info);
    XDECREF(text);
}

static bool compiler_error(Compiler *c, Loc loc, const char *fmt, ...) {
    if (c->failed) return false;
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->failed = true;
    raise_syntax_error_ex("SyntaxError", msg, c->filename, cur_src, cur_src_len, loc.lineno, loc.col_offset,
                          loc.end_lineno, loc.end_col_offset, true);
    return false;
}

// ---- Units, blocks, instructions ---------------------------------------------------------

static int new_block(Compiler *c) {
    Unit *u = c->u;
    if (u->nblocks == u->blocks_cap) {
        int cap = u->blocks_cap ? u->blocks_cap * 2 : 16;
        Block *b = realloc(u->blocks, sizeof(Block) * (size_t)cap);
        if (!b) abort();
        u->blocks = b;
        u->blocks_cap = cap;
    }
    Block *b = &u->blocks[u->nblocks];
    memset(b, 0, sizeof *b);
    b->next = -1;
    b->depth = -1;
    b->handler = -1;
    return u->nblocks++;
}

// Makes b the current block, placed after the current one in layout order.
static void use_block(Compiler *c, int b) {
    Unit *u = c->u;
    u->blocks[u->cur].next = b;
    u->cur = b;
}

static Instr *emit(Compiler *c, int op, int arg) {
    Unit *u = c->u;
    Block *b = &u->blocks[u->cur];
    if (b->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 16;
        Instr *in = realloc(b->instrs, sizeof(Instr) * (size_t)cap);
        if (!in) abort();
        b->instrs = in;
        b->cap = cap;
    }
    Instr *i = &b->instrs[b->n++];
    i->op = op;
    i->arg = arg;
    i->target = -1;
    i->pos = u->loc;
    return i;
}

#define ADDOP(c, op) emit(c, op, 0)
#define ADDOP_I(c, op, arg) emit(c, op, arg)
// A call: PRECALL then CALL, as CPython 3.11 emits them.
#define ADDOP_CALL(c, n) (emit(c, PRECALL, n), emit(c, CALL, n))

static void emit_jump(Compiler *c, int op, int target) {
    Instr *i = emit(c, op, 0);
    i->target = target;
}

// Marks following instructions as artificial (no line of their own), as
// CPython's UNSET_LOC: the assembler gives them the previous location.
static void unset_loc(Compiler *c) {
    c->u->loc.lineno = c->u->loc.end_lineno = -1;
    c->u->loc.col = c->u->loc.end_col = -1;
}

static void set_loc(Compiler *c, Loc loc) {
    c->u->loc.lineno = loc.lineno;
    c->u->loc.end_lineno = loc.end_lineno;
    c->u->loc.col = loc.col_offset;
    c->u->loc.end_col = loc.end_col_offset;
}

// Adds o (stolen) to the constants, returning its index.
static int add_const(Compiler *c, Object *o) {
    Unit *u = c->u;
    Object *key = NULL;
    if (o == None || o == True || o == False || o == Ellipsis || INT_CHECK_EXACT(o) || STR_CHECK_EXACT(o) ||
        BYTES_CHECK(o)) {
        key = tuple_pack(2, (Object *)TYPE(o), o);
    } else if (FLOAT_CHECK_EXACT(o)) {
        double d = float_value(o);
        long bits;
        memcpy(&bits, &d, sizeof bits);
        Object *b = int_from_long(bits);
        key = tuple_pack(2, (Object *)TYPE(o), b);
        DECREF(b);
    }
    if (key) {
        Object *idx = dict_getitem(u->const_index, key);
        if (idx) {
            DECREF(key);
            DECREF(o);
            return (int)int_as_long(idx);
        }
    }
    int n = (int)LIST_SIZE(u->consts);
    list_append(u->consts, o);
    if (key) {
        Object *i = int_from_long(n);
        dict_setitem(u->const_index, key, i);
        DECREF(i);
        DECREF(key);
    }
    DECREF(o);
    return n;
}

static void load_const(Compiler *c, Object *o) { ADDOP_I(c, LOAD_CONST, add_const(c, o)); }

static int add_name(Compiler *c, const char *name) {
    Unit *u = c->u;
    Object *s = str_intern_cstr(name);
    Object *idx = dict_getitem(u->name_index, s);
    if (idx) {
        DECREF(s);
        return (int)int_as_long(idx);
    }
    int n = (int)LIST_SIZE(u->names);
    list_append(u->names, s);
    Object *i = int_from_long(n);
    dict_setitem(u->name_index, s, i);
    DECREF(i);
    DECREF(s);
    return n;
}

static int var_index(Unit *u, const char *name) {
    Object *s = str_from_cstr(name);
    Object *idx = dict_getitem(u->var_index, s);
    DECREF(s);
    return idx ? (int)int_as_long(idx) : -1;
}

static void add_var(Unit *u, const char *name, uint8_t kind) {
    Object *s = str_intern_cstr(name);
    Object *i = int_from_long(LIST_SIZE(u->varnames));
    list_append(u->varnames, s);
    dict_setitem(u->var_index, s, i);
    DECREF(i);
    DECREF(s);
    if (u->nkinds == u->kinds_cap) {
        u->kinds_cap = u->kinds_cap ? u->kinds_cap * 2 : 16;
        u->kinds = realloc(u->kinds, (size_t)u->kinds_cap);
        if (!u->kinds) abort();
    }
    u->kinds[u->nkinds++] = kind;
}

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

// Lays out localsplus: parameters, other locals, cells, frees (each of the
// last two sorted by name, as CPython does).
static void layout_locals(Unit *u) {
    Scope *s = u->scope;
    bool optimized = s->type == BLOCK_FUNCTION;
    if (optimized) {
        for (int i = 0; i < s->nparams; i++) {
            Symbol *sym = scope_lookup(s, s->params[i]);
            add_var(u, s->params[i], CO_FAST_LOCAL | (sym && sym->scope == SC_CELL ? CO_FAST_CELL : 0));
        }
        for (int i = 0; i < s->nsyms; i++) {
            Symbol *sym = &s->syms[i];
            if (sym->scope == SC_LOCAL && !(sym->flags & DEF_PARAM)) add_var(u, sym->name, CO_FAST_LOCAL);
        }
    }
    u->nlocals = (int)LIST_SIZE(u->varnames);
    const char **tmp = malloc(sizeof(char *) * (size_t)(s->nsyms + 1));
    int n = 0;
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == SC_CELL && !(s->syms[i].flags & DEF_PARAM)) tmp[n++] = s->syms[i].name;
    if (s->type == BLOCK_CLASS && s->needs_class_closure) tmp[n++] = "__class__";
    qsort(tmp, (size_t)n, sizeof(char *), cmp_cstr);
    for (int i = 0; i < n; i++) add_var(u, tmp[i], CO_FAST_CELL);
    u->ncells = n;
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == SC_CELL && (s->syms[i].flags & DEF_PARAM)) u->ncells++;
    n = 0;
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (sym->scope == SC_FREE || (s->type == BLOCK_CLASS && (sym->flags & DEF_FREE_CLASS) && sym->scope != SC_FREE))
            tmp[n++] = sym->name;
    }
    qsort(tmp, (size_t)n, sizeof(char *), cmp_cstr);
    for (int i = 0; i < n; i++) add_var(u, tmp[i], CO_FAST_FREE);
    u->nfrees = n;
    free(tmp);
}

static Object *make_qualname(Compiler *c, Scope *s, const char *name) {
    Unit *parent = c->u;
    if (!parent || parent->scope->type == BLOCK_MODULE) return str_from_cstr(name);
    // A name declared global in the enclosing function is not nested.
    if (parent->scope->type == BLOCK_FUNCTION || parent->scope->type == BLOCK_CLASS) {
        Symbol *sym = scope_lookup(parent->scope, name);
        if (sym && sym->scope == SC_GLOBAL_EXPLICIT && s->type != BLOCK_MODULE && !s->is_lambda &&
            !s->is_comprehension)
            return str_from_cstr(name);
    }
    if (parent->scope->type == BLOCK_FUNCTION)
        return str_from_format("%U.<locals>.%s", parent->qualname, name);
    return str_from_format("%U.%s", parent->qualname, name);
}

static void enter_unit(Compiler *c, Scope *s, const char *name, int firstlineno) {
    Unit *u = calloc(1, sizeof(Unit));
    if (!u) abort();
    u->scope = s;
    u->qualname = make_qualname(c, s, name);
    u->name = str_intern_cstr(name);
    u->parent = c->u;
    u->consts = list_new(0);
    u->const_index = dict_new();
    u->names = list_new(0);
    u->name_index = dict_new();
    u->varnames = list_new(0);
    u->var_index = dict_new();
    u->firstlineno = firstlineno;
    u->loc.lineno = u->loc.end_lineno = firstlineno;
    u->loc.col = u->loc.end_col = -1;
    c->u = u;
    u->cur = new_block(c);
    layout_locals(u);
    if (s->type == BLOCK_FUNCTION) {
        u->flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        if (s->is_generator && s->is_coroutine) u->flags |= CO_ASYNC_GENERATOR;
        else if (s->is_generator) u->flags |= CO_GENERATOR;
        else if (s->is_coroutine) u->flags |= CO_COROUTINE;
    }
    if (s->nested || s->parent) {
        if (s->type != BLOCK_MODULE && s->parent && s->parent->type == BLOCK_FUNCTION) u->flags |= CO_NESTED;
    }
}

static void free_unit(Unit *u) {
    for (int i = 0; i < u->nblocks; i++) free(u->blocks[i].instrs);
    free(u->blocks);
    XDECREF(u->consts);
    XDECREF(u->const_index);
    XDECREF(u->names);
    XDECREF(u->name_index);
    XDECREF(u->varnames);
    XDECREF(u->var_index);
    XDECREF(u->name);
    XDECREF(u->qualname);
    free(u->kinds);
    free(u->fblocks);
    free(u);
}

// Finishes the current unit: returns its code object and pops it.
static Object *leave_unit(Compiler *c) {
    Unit *u = c->u;
    Object *co = c->failed ? NULL : assemble(c, u);
    if (!co) c->failed = true;
    c->u = u->parent;
    free_unit(u);
    return co;
}

// ---- Frame blocks -------------------------------------------------------------------------

static bool push_fblock(Compiler *c, FBlockType t, int block, int exit, const void *datum, Loc loc) {
    Unit *u = c->u;
    if (u->nfblocks >= 20) return compiler_error(c, loc, "too many statically nested blocks");
    if (u->nfblocks == u->fblocks_cap) {
        u->fblocks_cap = u->fblocks_cap ? u->fblocks_cap * 2 : 8;
        u->fblocks = realloc(u->fblocks, sizeof(FBlock) * (size_t)u->fblocks_cap);
        if (!u->fblocks) abort();
    }
    FBlock *f = &u->fblocks[u->nfblocks++];
    f->type = t;
    f->block = block;
    f->exit = exit;
    f->datum = datum;
    f->loc = loc;
    return true;
}

static void pop_fblock(Compiler *c) { c->u->nfblocks--; }

// ---- Names ----------------------------------------------------------------------------------

// Private name mangling: __spam in class C becomes _C__spam.
static const char *mangle(Compiler *c, const char *name) {
    size_t n = strlen(name);
    if (n < 3 || name[0] != '_' || name[1] != '_') return name;
    if (name[n - 1] == '_' && name[n - 2] == '_') return name;
    if (strchr(name, '.')) return name;
    const char *cls = NULL;
    for (Unit *u = c->u; u; u = u->parent)
        if (u->scope->type == BLOCK_CLASS) {
            cls = u->scope->name;
            break;
        }
    if (!cls) return name;
    while (*cls == '_') cls++;
    if (!*cls) return name;
    size_t m = strlen(cls);
    char *r = arena_alloc(c->arena, n + m + 2);
    r[0] = '_';
    memcpy(r + 1, cls, m);
    memcpy(r + 1 + m, name, n + 1);
    return r;
}

typedef enum { NOP_FAST, NOP_DEREF, NOP_GLOBAL, NOP_NAME, NOP_CLASSDEREF } NameOpKind;

static NameOpKind name_kind(Compiler *c, const char *name) {
    Unit *u = c->u;
    Symbol *sym = scope_lookup(u->scope, name);
    SymScope sc = sym ? sym->scope : SC_NONE;
    bool optimized = u->scope->type == BLOCK_FUNCTION;
    switch (sc) {
    case SC_FREE: return u->scope->type == BLOCK_CLASS ? NOP_CLASSDEREF : NOP_DEREF;
    case SC_CELL: return NOP_DEREF;
    case SC_LOCAL: return optimized ? NOP_FAST : NOP_NAME;
    case SC_GLOBAL_IMPLICIT: return optimized ? NOP_GLOBAL : NOP_NAME;
    case SC_GLOBAL_EXPLICIT: return NOP_GLOBAL;
    default:
        if (strcmp(name, "__class__") == 0 && u->scope->type == BLOCK_CLASS && u->scope->needs_class_closure)
            return NOP_DEREF;
        return optimized ? NOP_GLOBAL : NOP_NAME;
    }
}

static void compile_nameop(Compiler *c, const char *raw, ExprContext ctx) {
    const char *name = mangle(c, raw);
    NameOpKind k = name_kind(c, name);
    switch (k) {
    case NOP_FAST: {
        int i = var_index(c->u, name);
        ADDOP_I(c, ctx == CTX_LOAD ? LOAD_FAST : ctx == CTX_STORE ? STORE_FAST : DELETE_FAST, i);
        return;
    }
    case NOP_DEREF:
    case NOP_CLASSDEREF: {
        int i = var_index(c->u, name);
        if (ctx == CTX_LOAD) ADDOP_I(c, k == NOP_CLASSDEREF ? LOAD_CLASSDEREF : LOAD_DEREF, i);
        else ADDOP_I(c, ctx == CTX_STORE ? STORE_DEREF : DELETE_DEREF, i);
        return;
    }
    case NOP_GLOBAL: {
        int i = add_name(c, name);
        ADDOP_I(c, ctx == CTX_LOAD ? LOAD_GLOBAL : ctx == CTX_STORE ? STORE_GLOBAL : DELETE_GLOBAL,
                ctx == CTX_LOAD ? i << 1 : i);
        return;
    }
    case NOP_NAME: {
        int i = add_name(c, name);
        ADDOP_I(c, ctx == CTX_LOAD ? LOAD_NAME : ctx == CTX_STORE ? STORE_NAME : DELETE_NAME, i);
        return;
    }
    }
}

static void store_name(Compiler *c, const char *name) { compile_nameop(c, name, CTX_STORE); }

// ---- Constants from the AST ----------------------------------------------------------------

static Object *constant_object(Compiler *c, const Constant *k) {
    switch (k->kind) {
    case CONST_NONE: return NEWREF(None);
    case CONST_TRUE: return NEWREF(True);
    case CONST_FALSE: return NEWREF(False);
    case CONST_ELLIPSIS: return NEWREF(Ellipsis);
    case CONST_INT: {
        int saved = int_max_str_digits;
        int_max_str_digits = 0;  // literals are not limited
        Object *o = int_from_string(k->s, k->len, 10, NULL);
        int_max_str_digits = saved;
        return o;
    }
    case CONST_FLOAT: return float_from_double(k->f);
    case CONST_IMAG: return float_from_double(k->f);  // complex numbers are not supported
    case CONST_STR: return str_from_utf8(k->s, (ssize_t)k->len);
    case CONST_BYTES: return bytes_from(k->s, (ssize_t)k->len);
    }
    return NULL;
}

// Size limits of constant folding, as CPython's ast_opt.c: results that
// would be large are computed at run time instead.
#define FOLD_MAX_INT_BITS 128
#define FOLD_MAX_COLLECTION 256
#define FOLD_MAX_STR 4096

static size_t int_bits(Object *o) {
    if (!INT_CHECK(o)) return 0;
    long v;
    if (int_as_long_fast(o, &v) == 0) {
        unsigned long a = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
        return a ? (size_t)(64 - __builtin_clzl(a)) : 0;
    }
    mpz_t z;
    mpz_init(z);
    int_to_mpz(o, z);
    size_t n = mpz_sizeinbase(z, 2);
    mpz_clear(z);
    return n;
}

static bool foldable(Object *o) {
    return INT_CHECK_EXACT(o) || BOOL_CHECK(o) || FLOAT_CHECK_EXACT(o) || STR_CHECK_EXACT(o) || BYTES_CHECK(o) ||
           TUPLE_CHECK_EXACT(o);
}

static ssize_t seq_size(Object *o) {
    if (STR_CHECK(o)) return STR_LEN(o);
    if (BYTES_CHECK(o)) return BYTES_SIZE(o);
    if (TUPLE_CHECK(o)) return TUPLE_SIZE(o);
    return -1;
}

// l op r computed at compile time, or NULL when it must wait for run time
// (too large, or it raises: the error then happens when the code runs).
static Object *fold_binop(Object *l, OperatorKind op, Object *r) {
    if (!foldable(l) || !foldable(r)) return NULL;
    bool li = INT_CHECK(l), ri = INT_CHECK(r);
    switch (op) {
    case OP_MUL: {
        ssize_t n = seq_size(l), m = seq_size(r);
        if (n >= 0 && ri) {
            long k;
            if (int_as_long_fast(r, &k) < 0 || k < 0 || (n && k > (TUPLE_CHECK(l) ? FOLD_MAX_COLLECTION : FOLD_MAX_STR) / n))
                return NULL;
        } else if (m >= 0 && li) {
            long k;
            if (int_as_long_fast(l, &k) < 0 || k < 0 || (m && k > (TUPLE_CHECK(r) ? FOLD_MAX_COLLECTION : FOLD_MAX_STR) / m))
                return NULL;
        } else if (li && ri && int_bits(l) + int_bits(r) > FOLD_MAX_INT_BITS) {
            return NULL;
        }
        break;
    }
    case OP_POW:
        if (li && ri) {
            long k;
            if (int_as_long_fast(r, &k) < 0 || k < 0) return NULL;
            if (int_bits(l) > 1 && (size_t)k * int_bits(l) > FOLD_MAX_INT_BITS) return NULL;
        }
        break;
    case OP_LSHIFT:
        if (li && ri) {
            long k;
            if (int_as_long_fast(r, &k) < 0 || k < 0 || (size_t)k + int_bits(l) > FOLD_MAX_INT_BITS) return NULL;
        }
        break;
    case OP_ADD:
        if (seq_size(l) >= 0 && seq_size(r) >= 0 &&
            seq_size(l) + seq_size(r) > (TUPLE_CHECK(l) ? FOLD_MAX_COLLECTION : FOLD_MAX_STR))
            return NULL;
        break;
    case OP_MOD:
        if (STR_CHECK(l) || BYTES_CHECK(l)) return NULL;  // %-formatting stays at run time
        break;
    case OP_MATMUL:
        return NULL;
    default:
        break;
    }
    Object *v = num_binop(l, r, op);
    if (!v) err_clear();
    else if (seq_size(v) > FOLD_MAX_STR) CLEAR(v);
    return v;
}

// The constant value of e if it is a constant (or a tuple of constants), else NULL.
static Object *const_value(Compiler *c, const Expr *e) {
    if (e->kind == E_CONSTANT) {
        if (e->v.constant.kind == CONST_IMAG) return NULL;
        return constant_object(c, &e->v.constant);
    }
    if (e->kind == E_TUPLE && e->v.list.ctx == CTX_LOAD) {
        int n = e->v.list.elts.len;
        Object *t = tuple_new(n);
        for (int i = 0; i < n; i++) {
            Object *v = const_value(c, e->v.list.elts.items[i]);
            if (!v) {
                DECREF(t);
                return NULL;
            }
            TUPLE_ITEMS(t)[i] = v;
        }
        return t;
    }
    if (e->kind == E_UNARYOP && e->v.unaryop.op == UOP_USUB && e->v.unaryop.operand->kind == E_CONSTANT) {
        ConstKind k = e->v.unaryop.operand->v.constant.kind;
        if (k == CONST_INT || k == CONST_FLOAT) {
            Object *v = constant_object(c, &e->v.unaryop.operand->v.constant);
            if (!v) {
                err_clear();
                return NULL;
            }
            Object *r = num_negative(v);
            DECREF(v);
            if (!r) err_clear();
            return r;
        }
    }
    if (e->kind == E_BINOP) {
        Object *l = const_value(c, e->v.binop.left);
        if (!l) return NULL;
        Object *r = const_value(c, e->v.binop.right);
        if (!r) {
            DECREF(l);
            return NULL;
        }
        Object *v = fold_binop(l, e->v.binop.op, r);
        DECREF(l);
        DECREF(r);
        return v;
    }
    return NULL;
}

// ---- Expressions -----------------------------------------------------------------------------

static void visit_expr(Compiler *c, const Expr *e);
static void visit_stmts(Compiler *c, StmtSeq body);
static void compile_jump_if(Compiler *c, const Expr *e, int target, bool cond);

static void visit_exprs(Compiler *c, ExprSeq seq) {
    for (int i = 0; i < seq.len; i++) visit_expr(c, seq.items[i]);
}

static bool has_starred(ExprSeq seq) {
    for (int i = 0; i < seq.len; i++)
        if (seq.items[i]->kind == E_STARRED) return true;
    return false;
}

// Builds a list/tuple/set from elements that may contain *starred ones.
// kind: BUILD_LIST, BUILD_TUPLE or BUILD_SET.
static void starunpack(Compiler *c, ExprSeq elts, int build, int pushed) {
    int n = elts.len;
    // A run of three or more constants goes through a constant tuple.
    bool all_const = n > 2 && !has_starred(elts);
    Object *consts = NULL;
    if (all_const) {
        consts = tuple_new(n);
        for (int i = 0; i < n; i++) {
            Object *v = const_value(c, elts.items[i]);
            if (!v) {
                all_const = false;
                break;
            }
            TUPLE_ITEMS(consts)[i] = v;
        }
    }
    // A tuple of constants of any length is one constant (CPython's AST optimizer folds it).
    if (build == BUILD_TUPLE && pushed == 0 && n > 0 && n <= 2 && !has_starred(elts)) {
        Object *t = tuple_new(n);
        bool ok = true;
        for (int i = 0; i < n && ok; i++) {
            Object *v = const_value(c, elts.items[i]);
            if (!v) ok = false;
            else TUPLE_ITEMS(t)[i] = v;
        }
        if (ok) {
            XDECREF(consts);
            load_const(c, t);
            return;
        }
        DECREF(t);
    }
    if (all_const) {
        if (build == BUILD_SET && pushed == 0) {
            // frozenset constants are not emitted; use a tuple and SET_UPDATE.
            ADDOP_I(c, BUILD_SET, 0);
            load_const(c, consts);
            ADDOP_I(c, SET_UPDATE, 1);
            return;
        }
        if (build == BUILD_TUPLE && pushed == 0) {
            load_const(c, consts);
            return;
        }
        if (pushed == 0) {
            ADDOP_I(c, BUILD_LIST, 0);
            load_const(c, consts);
            ADDOP_I(c, LIST_EXTEND, 1);
            if (build == BUILD_TUPLE) ADDOP(c, LIST_TO_TUPLE);
            return;
        }
    }
    XDECREF(consts);
    if (!has_starred(elts)) {
        visit_exprs(c, elts);
        ADDOP_I(c, build, n + pushed);
        return;
    }
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        const Expr *el = elts.items[i];
        if (el->kind == E_STARRED) {
            if (!seen_star) {
                ADDOP_I(c, build == BUILD_SET ? BUILD_SET : BUILD_LIST, i + pushed);
                seen_star = true;
            }
            visit_expr(c, el->v.starred.value);
            ADDOP_I(c, build == BUILD_SET ? SET_UPDATE : LIST_EXTEND, 1);
        } else {
            visit_expr(c, el);
            if (seen_star) ADDOP_I(c, build == BUILD_SET ? SET_ADD : LIST_APPEND, 1);
        }
    }
    if (build == BUILD_TUPLE) ADDOP(c, LIST_TO_TUPLE);
}

static void compile_dict(Compiler *c, const Expr *e) {
    int n = e->v.dict.values.len;
    // All keys constant (and more than one): BUILD_CONST_KEY_MAP.
    if (n > 1 && n < 0xFFFF) {
        Object *keys = tuple_new(n);
        bool ok = true;
        for (int i = 0; i < n && ok; i++) {
            const Expr *k = e->v.dict.keys.items[i];
            Object *v = k ? const_value(c, k) : NULL;
            if (!v) ok = false;
            else TUPLE_ITEMS(keys)[i] = v;
        }
        if (ok) {
            for (int i = 0; i < n; i++) visit_expr(c, e->v.dict.values.items[i]);
            load_const(c, keys);
            ADDOP_I(c, BUILD_CONST_KEY_MAP, n);
            return;
        }
        DECREF(keys);
    }
    int elements = 0;
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        const Expr *k = e->v.dict.keys.items[i];
        if (!k) {
            // **mapping
            if (elements) {
                ADDOP_I(c, BUILD_MAP, elements);
                if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                ADDOP_I(c, BUILD_MAP, 0);
                have_dict = true;
            }
            visit_expr(c, e->v.dict.values.items[i]);
            ADDOP_I(c, DICT_UPDATE, 1);
            continue;
        }
        visit_expr(c, k);
        visit_expr(c, e->v.dict.values.items[i]);
        elements++;
        if (elements == 0xFFFF) {
            ADDOP_I(c, BUILD_MAP, elements);
            if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        }
    }
    if (elements || !have_dict) {
        ADDOP_I(c, BUILD_MAP, elements);
        if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
    }
}

static int cmp_arg(CmpOpKind op, int *opcode) {
    *opcode = COMPARE_OP;
    switch (op) {
    case CMP_EQ: *opcode = COMPARE_OP; return CMP_EQ_OP;
    case CMP_NOTEQ: *opcode = COMPARE_OP; return CMP_NE_OP;
    case CMP_LT: *opcode = COMPARE_OP; return CMP_LT_OP;
    case CMP_LTE: *opcode = COMPARE_OP; return CMP_LE_OP;
    case CMP_GT: *opcode = COMPARE_OP; return CMP_GT_OP;
    case CMP_GTE: *opcode = COMPARE_OP; return CMP_GE_OP;
    case CMP_IS: *opcode = IS_OP; return 0;
    case CMP_ISNOT: *opcode = IS_OP; return 1;
    case CMP_IN: *opcode = CONTAINS_OP; return 0;
    case CMP_NOTIN: *opcode = CONTAINS_OP; return 1;
    }
    return 0;
}

static void add_compare(Compiler *c, CmpOpKind op) {
    int opcode;
    int arg = cmp_arg(op, &opcode);
    ADDOP_I(c, opcode, arg);
}

static void compile_compare(Compiler *c, const Expr *e) {
    int n = e->v.compare.n;
    visit_expr(c, e->v.compare.left);
    if (n == 1) {
        visit_expr(c, e->v.compare.comparators.items[0]);
        add_compare(c, e->v.compare.ops[0]);
        return;
    }
    int cleanup = new_block(c);
    for (int i = 0; i < n - 1; i++) {
        visit_expr(c, e->v.compare.comparators.items[i]);
        ADDOP_I(c, SWAP, 2);
        ADDOP_I(c, COPY, 2);
        add_compare(c, e->v.compare.ops[i]);
        emit_jump(c, JUMP_IF_FALSE_OR_POP, cleanup);
    }
    visit_expr(c, e->v.compare.comparators.items[n - 1]);
    add_compare(c, e->v.compare.ops[n - 1]);
    int end = new_block(c);
    emit_jump(c, JUMP, end);
    use_block(c, cleanup);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_TOP);
    use_block(c, end);
}

// Keyword arguments: plain ones go as kwnames, ** ones force CALL_FUNCTION_EX.
static bool has_dstar(KeywordSeq kws) {
    for (int i = 0; i < kws.len; i++)
        if (!kws.items[i]->arg) return true;
    return false;
}

static bool check_keywords(Compiler *c, KeywordSeq kws) {
    for (int i = 0; i < kws.len; i++) {
        const char *a = kws.items[i]->arg;
        if (!a) continue;
        for (int j = i + 1; j < kws.len; j++)
            if (kws.items[j]->arg && strcmp(a, kws.items[j]->arg) == 0)
                return compiler_error(c, kws.items[j]->loc, "keyword argument repeated: %s", a);
    }
    return true;
}

// Emits the arguments and the call itself; the callable (and NULL/self)
// are already on the stack. `extra` positional args already pushed.
static void compile_call_args(Compiler *c, ExprSeq args, KeywordSeq kws, int extra) {
    if (!check_keywords(c, kws)) return;
    if (!has_starred(args) && !has_dstar(kws)) {
        visit_exprs(c, args);
        int nkw = kws.len;
        if (nkw) {
            Object *names = tuple_new(nkw);
            for (int i = 0; i < nkw; i++) {
                visit_expr(c, kws.items[i]->value);
                TUPLE_ITEMS(names)[i] = str_intern_cstr(kws.items[i]->arg);
            }
            ADDOP_I(c, KW_NAMES, add_const(c, names));
        }
        ADDOP_CALL(c, extra + args.len + nkw);
        return;
    }
    // General case: a tuple of positional args and a dict of keywords.
    if (extra) {
        // Only used by class creation with starred bases: already pushed items go first.
        ADDOP_I(c, BUILD_LIST, extra);
        for (int i = 0; i < args.len; i++) {
            const Expr *a = args.items[i];
            if (a->kind == E_STARRED) {
                visit_expr(c, a->v.starred.value);
                ADDOP_I(c, LIST_EXTEND, 1);
            } else {
                visit_expr(c, a);
                ADDOP_I(c, LIST_APPEND, 1);
            }
        }
        ADDOP(c, LIST_TO_TUPLE);
    } else if (args.len == 1 && args.items[0]->kind == E_STARRED) {
        // f(*args): the iterable goes straight to CALL_FUNCTION_EX.
        visit_expr(c, args.items[0]->v.starred.value);
    } else {
        starunpack(c, args, BUILD_TUPLE, 0);
    }
    if (kws.len) {
        int elements = 0;
        bool have_dict = false;
        for (int i = 0; i < kws.len; i++) {
            Keyword *k = kws.items[i];
            if (!k->arg) {
                if (elements) {
                    ADDOP_I(c, BUILD_MAP, elements);
                    if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
                    have_dict = true;
                    elements = 0;
                }
                if (!have_dict) {
                    ADDOP_I(c, BUILD_MAP, 0);
                    have_dict = true;
                }
                visit_expr(c, k->value);
                ADDOP_I(c, DICT_MERGE, 1);
            } else {
                load_const(c, str_intern_cstr(k->arg));
                visit_expr(c, k->value);
                elements++;
            }
        }
        if (elements) {
            ADDOP_I(c, BUILD_MAP, elements);
            if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
        }
        ADDOP_I(c, CALL_FUNCTION_EX, 1);
    } else {
        ADDOP_I(c, CALL_FUNCTION_EX, 0);
    }
}

static void compile_call(Compiler *c, const Expr *e) {
    const Expr *f = e->v.call.func;
    ExprSeq args = e->v.call.args;
    KeywordSeq kws = e->v.call.keywords;
    if (f->kind == E_ATTRIBUTE && !has_starred(args) && !has_dstar(kws)) {
        visit_expr(c, f->v.attribute.value);
        Loc save = {c->u->loc.lineno, c->u->loc.col, c->u->loc.end_lineno, c->u->loc.end_col};
        set_loc(c, f->loc);
        ADDOP_I(c, LOAD_METHOD, add_name(c, mangle(c, f->v.attribute.attr)));
        set_loc(c, save);
        compile_call_args(c, args, kws, 0);
        return;
    }
    if (f->kind == E_NAME && name_kind(c, mangle(c, f->v.name.id)) == NOP_GLOBAL) {
        ADDOP_I(c, LOAD_GLOBAL, (add_name(c, mangle(c, f->v.name.id)) << 1) | 1);
    } else {
        ADDOP(c, PUSH_NULL);
        visit_expr(c, f);
    }
    compile_call_args(c, args, kws, 0);
}

static void compile_formatted_value(Compiler *c, const Expr *e) {
    visit_expr(c, e->v.formattedvalue.value);
    int conv = e->v.formattedvalue.conversion;
    int flags = conv == 's' ? FVC_STR : conv == 'r' ? FVC_REPR : conv == 'a' ? FVC_ASCII : FVC_NONE;
    if (e->v.formattedvalue.format_spec) {
        visit_expr(c, e->v.formattedvalue.format_spec);
        flags |= FVS_HAVE_SPEC;
    }
    ADDOP_I(c, FORMAT_VALUE, flags);
}

static void compile_joined_str(Compiler *c, const Expr *e) {
    ExprSeq v = e->v.joinedstr.values;
    if (v.len == 0) {
        load_const(c, str_empty());
        return;
    }
    visit_exprs(c, v);
    if (v.len > 1) ADDOP_I(c, BUILD_STRING, v.len);
    else if (v.items[0]->kind != E_FORMATTEDVALUE && v.items[0]->kind != E_CONSTANT) ADDOP_I(c, BUILD_STRING, 1);
}

static void compile_slice_part(Compiler *c, const Expr *p) {
    if (p) visit_expr(c, p);
    else load_const(c, NEWREF(None));
}

static void compile_slice(Compiler *c, const Expr *e) {
    compile_slice_part(c, e->v.slice.lower);
    compile_slice_part(c, e->v.slice.upper);
    if (e->v.slice.step) {
        visit_expr(c, e->v.slice.step);
        ADDOP_I(c, BUILD_SLICE, 3);
    } else {
        ADDOP_I(c, BUILD_SLICE, 2);
    }
}

// True inside the body of an `async def` (CPython's
// COMPILER_SCOPE_ASYNC_FUNCTION): not a lambda or comprehension in it.
static bool in_async_function(Compiler *c) {
    Scope *s = c->u->scope;
    return s->type == BLOCK_FUNCTION && s->is_coroutine && !s->is_comprehension && !s->is_lambda;
}

// Emits the `yield from`/`await` send loop; the awaitable is on the stack.
static void compile_send_loop(Compiler *c, int resume_arg) {
    load_const(c, NEWREF(None));
    int send = new_block(c), exit = new_block(c);
    use_block(c, send);
    emit_jump(c, SEND, exit);
    ADDOP(c, YIELD_VALUE);
    ADDOP_I(c, RESUME, resume_arg);
    emit_jump(c, JUMP_NO_INTERRUPT, send);
    use_block(c, exit);
}

// `await` of the awaitable on the stack: GET_AWAITABLE [where] (0: await,
// 1: __aenter__'s result, 2: __aexit__'s), then the send loop.
static void compile_await(Compiler *c, int where) {
    ADDOP_I(c, GET_AWAITABLE, where);
    compile_send_loop(c, 3);
}

static Object *compile_function_body(Compiler *c, Scope *s, const char *name, const Arguments *args,
                                     StmtSeq body, const Expr *lambda_body, int firstlineno);
static void make_closure(Compiler *c, Object *code, int flags);
static void compile_comprehension(Compiler *c, const Expr *e);
static void compile_yield(Compiler *c);

static void compile_defaults(Compiler *c, const Arguments *a, int *flags) {
    if (a->defaults.len) {
        starunpack(c, a->defaults, BUILD_TUPLE, 0);
        *flags |= MKFN_DEFAULTS;
    }
    // Keyword-only defaults: the values, then a constant tuple of the names.
    int nkw = 0;
    for (int i = 0; i < a->kwonlyargs.len; i++) {
        Expr *d = a->kw_defaults.items[i];
        if (!d) continue;
        visit_expr(c, d);
        nkw++;
    }
    if (nkw) {
        Object *keys = tuple_new(nkw);
        for (int i = 0, k = 0; i < a->kwonlyargs.len; i++)
            if (a->kw_defaults.items[i]) TUPLE_ITEMS(keys)[k++] = str_intern_cstr(mangle(c, a->kwonlyargs.items[i]->name));
        load_const(c, keys);
        ADDOP_I(c, BUILD_CONST_KEY_MAP, nkw);
        *flags |= MKFN_KWDEFAULTS;
    }
}

static void visit_expr(Compiler *c, const Expr *e) {
    if (c->failed) return;
    Position saved = c->u->loc;
    set_loc(c, e->loc);
    switch (e->kind) {
    case E_BOOLOP: {
        int end = new_block(c);
        int op = e->v.boolop.op == BOOL_AND ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
        ExprSeq vals = e->v.boolop.values;
        for (int i = 0; i < vals.len - 1; i++) {
            visit_expr(c, vals.items[i]);
            emit_jump(c, op, end);
        }
        visit_expr(c, vals.items[vals.len - 1]);
        use_block(c, end);
        break;
    }
    case E_NAMEDEXPR:
        visit_expr(c, e->v.namedexpr.value);
        ADDOP_I(c, COPY, 1);
        set_loc(c, e->v.namedexpr.target->loc);
        store_name(c, e->v.namedexpr.target->v.name.id);
        break;
    case E_BINOP: {
        Object *k = const_value(c, e);
        if (k) {
            load_const(c, k);
            break;
        }
        visit_expr(c, e->v.binop.left);
        visit_expr(c, e->v.binop.right);
        set_loc(c, e->loc);
        ADDOP_I(c, BINARY_OP, e->v.binop.op);
        break;
    }
    case E_UNARYOP: {
        Object *k = const_value(c, e);
        if (k) {
            load_const(c, k);
            break;
        }
        visit_expr(c, e->v.unaryop.operand);
        set_loc(c, e->loc);
        static const int ops[] = {UNARY_INVERT, UNARY_NOT, UNARY_POSITIVE, UNARY_NEGATIVE};
        ADDOP(c, ops[e->v.unaryop.op]);
        break;
    }
    case E_LAMBDA: {
        int flags = 0;
        compile_defaults(c, e->v.lambda.args, &flags);
        Scope *s = symtable_lookup_child(c->u->scope, e);
        StmtSeq none = {NULL, 0};
        Object *code = compile_function_body(c, s, "<lambda>", e->v.lambda.args, none, e->v.lambda.body,
                                             e->loc.lineno);
        if (!code) break;
        set_loc(c, e->loc);
        make_closure(c, code, flags);
        break;
    }
    case E_IFEXP: {
        int orelse = new_block(c), end = new_block(c);
        compile_jump_if(c, e->v.ifexp.test, orelse, false);
        visit_expr(c, e->v.ifexp.body);
        emit_jump(c, JUMP, end);
        use_block(c, orelse);
        visit_expr(c, e->v.ifexp.orelse);
        use_block(c, end);
        break;
    }
    case E_DICT: compile_dict(c, e); break;
    case E_SET: starunpack(c, e->v.set.elts, BUILD_SET, 0); break;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENEXP: compile_comprehension(c, e); break;
    case E_AWAIT: {
        Scope *s = c->u->scope;
        if (s->type != BLOCK_FUNCTION) {
            compiler_error(c, e->loc, "'await' outside function");
            break;
        }
        if (!(c->u->flags & (CO_COROUTINE | CO_ASYNC_GENERATOR)) && !s->is_comprehension) {
            compiler_error(c, e->loc, "'await' outside async function");
            break;
        }
        visit_expr(c, e->v.await_.value);
        set_loc(c, e->loc);
        compile_await(c, 0);
        break;
    }
    case E_YIELD:
        if (e->v.yield.value) visit_expr(c, e->v.yield.value);
        else load_const(c, NEWREF(None));
        set_loc(c, e->loc);
        compile_yield(c);
        break;
    case E_YIELDFROM:
        if (c->u->flags & CO_ASYNC_GENERATOR) {
            compiler_error(c, e->loc, "'yield from' inside async function");
            break;
        }
        visit_expr(c, e->v.yieldfrom.value);
        set_loc(c, e->loc);
        ADDOP(c, GET_YIELD_FROM_ITER);
        compile_send_loop(c, 2);
        break;
    case E_COMPARE: compile_compare(c, e); break;
    case E_CALL: compile_call(c, e); break;
    case E_FORMATTEDVALUE: compile_formatted_value(c, e); break;
    case E_JOINEDSTR: compile_joined_str(c, e); break;
    case E_CONSTANT: {
        Object *k = constant_object(c, &e->v.constant);
        if (!k) {
            c->failed = true;
            break;
        }
        load_const(c, k);
        break;
    }
    case E_ATTRIBUTE: {
        visit_expr(c, e->v.attribute.value);
        set_loc(c, e->loc);
        int n = add_name(c, mangle(c, e->v.attribute.attr));
        switch (e->v.attribute.ctx) {
        case CTX_LOAD: ADDOP_I(c, LOAD_ATTR, n); break;
        case CTX_STORE: ADDOP_I(c, STORE_ATTR, n); break;
        case CTX_DEL: ADDOP_I(c, DELETE_ATTR, n); break;
        }
        break;
    }
    case E_SUBSCRIPT:
        visit_expr(c, e->v.subscript.value);
        visit_expr(c, e->v.subscript.slice);
        set_loc(c, e->loc);
        switch (e->v.subscript.ctx) {
        case CTX_LOAD: ADDOP(c, BINARY_SUBSCR); break;
        case CTX_STORE: ADDOP(c, STORE_SUBSCR); break;
        case CTX_DEL: ADDOP(c, DELETE_SUBSCR); break;
        }
        break;
    case E_STARRED:
        if (e->v.starred.ctx == CTX_STORE)
            compiler_error(c, e->loc, "starred assignment target must be in a list or tuple");
        else
            compiler_error(c, e->loc, "can't use starred expression here");
        break;
    case E_NAME: compile_nameop(c, e->v.name.id, e->v.name.ctx); break;
    case E_LIST:
    case E_TUPLE: {
        ExprContext ctx = e->v.list.ctx;
        if (ctx == CTX_LOAD) {
            starunpack(c, e->v.list.elts, e->kind == E_LIST ? BUILD_LIST : BUILD_TUPLE, 0);
        } else if (ctx == CTX_DEL) {
            for (int i = 0; i < e->v.list.elts.len; i++) visit_expr(c, e->v.list.elts.items[i]);
        }
        // CTX_STORE is handled by compile_store().
        break;
    }
    case E_SLICE: compile_slice(c, e); break;
    }
    c->u->loc = saved;
}

// Stores the value on top of the stack into target.
static void compile_store(Compiler *c, const Expr *t) {
    if (c->failed) return;
    Position saved = c->u->loc;
    set_loc(c, t->loc);
    switch (t->kind) {
    case E_NAME: store_name(c, t->v.name.id); break;
    case E_ATTRIBUTE:
        visit_expr(c, t->v.attribute.value);
        set_loc(c, t->loc);
        ADDOP_I(c, STORE_ATTR, add_name(c, mangle(c, t->v.attribute.attr)));
        break;
    case E_SUBSCRIPT:
        visit_expr(c, t->v.subscript.value);
        visit_expr(c, t->v.subscript.slice);
        set_loc(c, t->loc);
        ADDOP(c, STORE_SUBSCR);
        break;
    case E_LIST:
    case E_TUPLE: {
        ExprSeq elts = t->v.list.elts;
        int star = -1;
        for (int i = 0; i < elts.len; i++) {
            if (elts.items[i]->kind == E_STARRED) {
                if (star >= 0) {
                    compiler_error(c, t->loc, "multiple starred expressions in assignment");
                    return;
                }
                star = i;
            }
        }
        if (star >= 0) {
            int after = elts.len - star - 1;
            if (star >= 256 || after >= (1 << 24)) {
                compiler_error(c, t->loc, "too many expressions in star-unpacking assignment");
                return;
            }
            ADDOP_I(c, UNPACK_EX, star | (after << 8));
        } else {
            ADDOP_I(c, UNPACK_SEQUENCE, elts.len);
        }
        for (int i = 0; i < elts.len; i++) {
            const Expr *el = elts.items[i];
            compile_store(c, el->kind == E_STARRED ? el->v.starred.value : el);
        }
        break;
    }
    case E_STARRED: compiler_error(c, t->loc, "starred assignment target must be in a list or tuple"); break;
    default: compiler_error(c, t->loc, "cannot assign to expression"); break;
    }
    c->u->loc = saved;
}

// Jumps to target when bool(e) == cond, with short-circuit evaluation.
static void compile_jump_if(Compiler *c, const Expr *e, int target, bool cond) {
    if (c->failed) return;
    // A constant test: an unconditional jump, or nothing (CPython's optimizer
    // turns LOAD_CONST + POP_JUMP_IF into JUMP or NOP the same way).
    if (e->kind == E_CONSTANT && e->v.constant.kind != CONST_IMAG) {
        Object *k = constant_object(c, &e->v.constant);
        int t = k ? obj_istrue(k) : -1;
        // The constant stays in co_consts, as after CPython's peephole pass.
        if (k && t >= 0) add_const(c, k);
        else XDECREF(k);
        if (t >= 0) {
            Position saved = c->u->loc;
            set_loc(c, e->loc);
            if ((bool)t == cond) emit_jump(c, JUMP, target);
            else ADDOP(c, NOP);
            c->u->loc = saved;
            return;
        }
        err_clear();
    }
    switch (e->kind) {
    case E_UNARYOP:
        if (e->v.unaryop.op == UOP_NOT) {
            compile_jump_if(c, e->v.unaryop.operand, target, !cond);
            return;
        }
        break;
    case E_BOOLOP: {
        ExprSeq vals = e->v.boolop.values;
        bool cond2 = e->v.boolop.op == BOOL_OR;
        int next2 = target;
        if (cond2 != cond) next2 = new_block(c);
        for (int i = 0; i < vals.len - 1; i++) compile_jump_if(c, vals.items[i], next2, cond2);
        compile_jump_if(c, vals.items[vals.len - 1], target, cond);
        if (next2 != target) use_block(c, next2);
        return;
    }
    case E_IFEXP: {
        int end = new_block(c), next2 = new_block(c);
        compile_jump_if(c, e->v.ifexp.test, next2, false);
        compile_jump_if(c, e->v.ifexp.body, target, cond);
        emit_jump(c, JUMP_NO_INTERRUPT, end);
        use_block(c, next2);
        compile_jump_if(c, e->v.ifexp.orelse, target, cond);
        use_block(c, end);
        return;
    }
    case E_COMPARE:
        if (e->v.compare.n > 1) {
            Position saved = c->u->loc;
            set_loc(c, e->loc);
            int n = e->v.compare.n;
            visit_expr(c, e->v.compare.left);
            int cleanup = new_block(c);
            for (int i = 0; i < n - 1; i++) {
                visit_expr(c, e->v.compare.comparators.items[i]);
                ADDOP_I(c, SWAP, 2);
                ADDOP_I(c, COPY, 2);
                add_compare(c, e->v.compare.ops[i]);
                emit_jump(c, POP_JUMP_IF_FALSE, cleanup);
            }
            visit_expr(c, e->v.compare.comparators.items[n - 1]);
            add_compare(c, e->v.compare.ops[n - 1]);
            emit_jump(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, target);
            int end = new_block(c);
            emit_jump(c, JUMP_NO_INTERRUPT, end);
            use_block(c, cleanup);
            ADDOP(c, POP_TOP);
            if (!cond) emit_jump(c, JUMP_NO_INTERRUPT, target);
            use_block(c, end);
            c->u->loc = saved;
            return;
        }
        // `x is None` / `x is not None` jump directly.
        if ((e->v.compare.ops[0] == CMP_IS || e->v.compare.ops[0] == CMP_ISNOT) &&
            e->v.compare.comparators.items[0]->kind == E_CONSTANT &&
            e->v.compare.comparators.items[0]->v.constant.kind == CONST_NONE) {
            Position saved = c->u->loc;
            visit_expr(c, e->v.compare.left);
            set_loc(c, e->loc);
            bool is = e->v.compare.ops[0] == CMP_IS;
            emit_jump(c, is == cond ? POP_JUMP_IF_NONE : POP_JUMP_IF_NOT_NONE, target);
            c->u->loc = saved;
            return;
        }
        break;
    default: break;
    }
    visit_expr(c, e);
    emit_jump(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, target);
}

// ---- Functions, classes, comprehensions ----------------------------------------------------

// Loads the closure cells for child code and emits MAKE_FUNCTION.
static void make_closure(Compiler *c, Object *code, int flags) {
    CodeObject *co = (CodeObject *)code;
    if (co->nfreevars) {
        for (int i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus; i++) {
            Object *name = TUPLE_ITEMS(co->localsplusnames)[i];
            int idx = var_index(c->u, STR_DATA(name));
            if (idx < 0) {
                compiler_error(c, (Loc){co->firstlineno, 0, co->firstlineno, 0},
                               "internal error: closure variable '%s' not found", STR_DATA(name));
                DECREF(code);
                return;
            }
            ADDOP_I(c, LOAD_CLOSURE, idx);
        }
        ADDOP_I(c, BUILD_TUPLE, co->nfreevars);
        flags |= MKFN_CLOSURE;
    }
    load_const(c, code);
    ADDOP_I(c, MAKE_FUNCTION, flags);
}

static bool is_docstring(const Stmt *s) {
    return s->kind == S_EXPR && s->v.expr.value->kind == E_CONSTANT && s->v.expr.value->v.constant.kind == CONST_STR;
}

static Object *compile_function_body(Compiler *c, Scope *s, const char *name, const Arguments *args,
                                     StmtSeq body, const Expr *lambda_body, int firstlineno) {
    if (!s) {
        compiler_error(c, (Loc){firstlineno, 0, firstlineno, 0}, "internal error: no scope for %s", name);
        return NULL;
    }
    enter_unit(c, s, name, firstlineno);
    Unit *u = c->u;
    u->argcount = args->posonlyargs.len + args->args.len;
    u->posonlyargcount = args->posonlyargs.len;
    u->kwonlyargcount = args->kwonlyargs.len;
    if (args->vararg) u->flags |= CO_VARARGS;
    if (args->kwarg) u->flags |= CO_VARKEYWORDS;
    ADDOP_I(c, RESUME, 0);
    if (lambda_body) {
        // A lambda's body is one expression; its value is returned.
        if (u->flags & CO_GENERATOR) {
            visit_expr(c, lambda_body);
            ADDOP(c, POP_TOP);
            load_const(c, NEWREF(None));
        } else {
            visit_expr(c, lambda_body);
        }
        ADDOP(c, RETURN_VALUE);
    } else {
        int start = 0;
        if (body.len && is_docstring(body.items[0])) {
            add_const(c, constant_object(c, &body.items[0]->v.expr.value->v.constant));
            u->has_docstring = true;
            start = 1;
        } else {
            add_const(c, NEWREF(None));
        }
        StmtSeq rest = {body.items + start, body.len - start};
        visit_stmts(c, rest);
        // Falling off the end returns None.
        Position p = u->loc;
        load_const(c, NEWREF(None));
        u->blocks[u->cur].instrs[u->blocks[u->cur].n - 1].pos = p;
        ADDOP(c, RETURN_VALUE);
    }
    return leave_unit(c);
}

static void compile_funcdef(Compiler *c, const Stmt *st) {
    const Arguments *a = st->v.funcdef.args;
    visit_exprs(c, st->v.funcdef.decorator_list);
    int flags = 0;
    int firstlineno = st->loc.lineno;
    if (st->v.funcdef.decorator_list.len) firstlineno = st->v.funcdef.decorator_list.items[0]->loc.lineno;
    compile_defaults(c, a, &flags);
    Scope *s = symtable_lookup_child(c->u->scope, st);
    Object *code = compile_function_body(c, s, st->v.funcdef.name, a, st->v.funcdef.body, NULL, firstlineno);
    if (!code) return;
    set_loc(c, st->loc);
    make_closure(c, code, flags);
    for (int i = st->v.funcdef.decorator_list.len - 1; i >= 0; i--) {
        set_loc(c, st->v.funcdef.decorator_list.items[i]->loc);
        ADDOP_CALL(c, 0);
    }
    set_loc(c, st->loc);
    store_name(c, st->v.funcdef.name);
}

static void compile_classdef(Compiler *c, const Stmt *st) {
    visit_exprs(c, st->v.classdef.decorator_list);
    int firstlineno = st->loc.lineno;
    if (st->v.classdef.decorator_list.len) firstlineno = st->v.classdef.decorator_list.items[0]->loc.lineno;
    Scope *s = symtable_lookup_child(c->u->scope, st);
    if (!s) {
        compiler_error(c, st->loc, "internal error: no class scope");
        return;
    }
    // The class body: a function that fills the namespace.
    enter_unit(c, s, st->v.classdef.name, firstlineno);
    Unit *u = c->u;
    set_loc(c, st->loc);
    ADDOP_I(c, RESUME, 0);
    ADDOP_I(c, LOAD_NAME, add_name(c, "__name__"));
    ADDOP_I(c, STORE_NAME, add_name(c, "__module__"));
    load_const(c, NEWREF(u->qualname));
    ADDOP_I(c, STORE_NAME, add_name(c, "__qualname__"));
    StmtSeq body = st->v.classdef.body;
    int start = 0;
    if (body.len && is_docstring(body.items[0])) {
        set_loc(c, body.items[0]->loc);
        load_const(c, constant_object(c, &body.items[0]->v.expr.value->v.constant));
        ADDOP_I(c, STORE_NAME, add_name(c, "__doc__"));
        start = 1;
    }
    StmtSeq rest = {body.items + start, body.len - start};
    visit_stmts(c, rest);
    if (s->needs_class_closure) {
        int i = var_index(u, "__class__");
        ADDOP_I(c, LOAD_CLOSURE, i);
        ADDOP_I(c, COPY, 1);
        ADDOP_I(c, STORE_NAME, add_name(c, "__classcell__"));
    } else {
        load_const(c, NEWREF(None));
    }
    ADDOP(c, RETURN_VALUE);
    Object *code = leave_unit(c);
    if (!code) return;
    set_loc(c, st->loc);
    ADDOP(c, PUSH_NULL);
    ADDOP(c, LOAD_BUILD_CLASS);
    make_closure(c, code, 0);
    load_const(c, str_intern_cstr(st->v.classdef.name));
    compile_call_args(c, st->v.classdef.bases, st->v.classdef.keywords, 2);
    for (int i = st->v.classdef.decorator_list.len - 1; i >= 0; i--) {
        set_loc(c, st->v.classdef.decorator_list.items[i]->loc);
        ADDOP_CALL(c, 0);
    }
    set_loc(c, st->loc);
    store_name(c, st->v.classdef.name);
}

// Emits `yield` of TOS (wrapped first in an async generator).
static void compile_yield(Compiler *c) {
    if (c->u->flags & CO_ASYNC_GENERATOR) ADDOP(c, ASYNC_GEN_WRAP);
    ADDOP(c, YIELD_VALUE);
    ADDOP_I(c, RESUME, 1);
}

// Emits the loops of a comprehension, innermost element last. An `async
// for` awaits __anext__() under a handler that ends the loop on
// StopAsyncIteration (END_ASYNC_FOR), as CPython's
// compiler_async_comprehension_generator.
static void comprehension_generator(Compiler *c, const Expr *e, int gen_index, int depth) {
    ComprehensionSeq gens = e->v.comp.generators;
    Comprehension *g = gens.items[gen_index];
    int start = new_block(c), anchor = new_block(c), if_cleanup = new_block(c);
    if (gen_index == 0) {
        ADDOP_I(c, LOAD_FAST, 0);  // .0
    } else {
        visit_expr(c, g->iter);
        ADDOP(c, g->is_async ? GET_AITER : GET_ITER);
    }
    depth++;
    use_block(c, start);
    if (g->is_async) {
        push_fblock(c, FB_ASYNC_COMPREHENSION_GENERATOR, start, -1, NULL, e->loc);
        emit_jump(c, SETUP_FINALLY, anchor);
        ADDOP(c, GET_ANEXT);
        compile_send_loop(c, 3);
        ADDOP(c, POP_BLOCK);
    } else {
        emit_jump(c, FOR_ITER, anchor);
    }
    compile_store(c, g->target);
    for (int i = 0; i < g->ifs.len; i++) compile_jump_if(c, g->ifs.items[i], if_cleanup, false);
    if (gen_index + 1 < gens.len) {
        comprehension_generator(c, e, gen_index + 1, depth);
    } else {
        switch (e->kind) {
        case E_GENEXP:
            visit_expr(c, e->v.comp.elt);
            compile_yield(c);
            ADDOP(c, POP_TOP);
            break;
        case E_LISTCOMP:
            visit_expr(c, e->v.comp.elt);
            ADDOP_I(c, LIST_APPEND, depth + 1);
            break;
        case E_SETCOMP:
            visit_expr(c, e->v.comp.elt);
            ADDOP_I(c, SET_ADD, depth + 1);
            break;
        default:
            visit_expr(c, e->v.comp.key);
            visit_expr(c, e->v.comp.value);
            ADDOP_I(c, MAP_ADD, depth + 1);
            break;
        }
    }
    use_block(c, if_cleanup);
    emit_jump(c, JUMP, start);
    if (g->is_async) {
        pop_fblock(c);
        use_block(c, anchor);
        ADDOP(c, END_ASYNC_FOR);
    } else {
        use_block(c, anchor);
    }
}

static void compile_comprehension(Compiler *c, const Expr *e) {
    Scope *s = symtable_lookup_child(c->u->scope, e);
    const char *name = s ? s->name : "<genexpr>";
    ComprehensionSeq gens = e->v.comp.generators;
    // The outermost iterable is evaluated here, in the enclosing scope.
    bool outer_async = in_async_function(c) || c->u->scope->is_comprehension;
    enter_unit(c, s, name, e->loc.lineno);
    Unit *u = c->u;
    u->argcount = 1;
    set_loc(c, e->loc);
    // A list/set/dict comprehension with `async for` or `await` is a
    // coroutine the enclosing code awaits: only inside an async function.
    bool is_async = s && s->is_coroutine && e->kind != E_GENEXP;
    if (is_async && !outer_async) {
        compiler_error(c, e->loc, "asynchronous comprehension outside of an asynchronous function");
        leave_unit(c);
        return;
    }
    ADDOP_I(c, RESUME, 0);
    if (e->kind != E_GENEXP) {
        ADDOP_I(c, e->kind == E_LISTCOMP ? BUILD_LIST : e->kind == E_SETCOMP ? BUILD_SET : BUILD_MAP, 0);
    }
    comprehension_generator(c, e, 0, 0);
    if (e->kind == E_GENEXP) load_const(c, NEWREF(None));
    ADDOP(c, RETURN_VALUE);
    Object *code = leave_unit(c);
    if (!code) return;
    set_loc(c, e->loc);
    make_closure(c, code, 0);
    visit_expr(c, gens.items[0]->iter);
    set_loc(c, e->loc);
    ADDOP(c, gens.items[0]->is_async ? GET_AITER : GET_ITER);
    ADDOP_CALL(c, 0);
    if (is_async) compile_await(c, 0);
}

// ---- Statements ------------------------------------------------------------------------------

static void unwind_fblock(Compiler *c, FBlock *fb, bool preserve_tos);

// Unwinds frame blocks from the top; stops at a loop when loop_out is given.
static void unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop_out) {
    Unit *u = c->u;
    if (u->nfblocks == 0 || c->failed) return;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop_out && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop_out = top;
        return;
    }
    FBlock copy = *top;
    u->nfblocks--;
    unwind_fblock(c, &copy, preserve_tos);
    unwind_fblock_stack(c, preserve_tos, loop_out);
    u->fblocks[u->nfblocks++] = copy;
    if (loop_out && *loop_out == top) *loop_out = &u->fblocks[u->nfblocks - 1];
}

static void call_exit_with_nones(Compiler *c) {
    load_const(c, NEWREF(None));
    load_const(c, NEWREF(None));
    load_const(c, NEWREF(None));
    ADDOP_CALL(c, 2);
}

static void unwind_fblock(Compiler *c, FBlock *fb, bool preserve_tos) {
    switch (fb->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR:
        return;
    case FB_FOR_LOOP:
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        return;
    case FB_TRY_EXCEPT:
        ADDOP(c, POP_BLOCK);
        return;
    case FB_FINALLY_TRY:
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) push_fblock(c, FB_POP_VALUE, -1, -1, NULL, fb->loc);
        visit_stmts(c, *(const StmtSeq *)fb->datum);
        if (preserve_tos) pop_fblock(c);
        return;
    case FB_FINALLY_END:
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        return;
    case FB_WITH:
    case FB_ASYNC_WITH:
        // The exit call is on the line of the with statement; what follows
        // (the return or jump that unwinds) is artificial and takes that
        // line too, as in CPython.
        set_loc(c, fb->loc);
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        call_exit_with_nones(c);
        if (fb->type == FB_ASYNC_WITH) compile_await(c, 2);
        ADDOP(c, POP_TOP);
        unset_loc(c);
        return;
    case FB_HANDLER_CLEANUP:
        if (fb->datum) ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        if (fb->datum) {
            load_const(c, NEWREF(None));
            compile_nameop(c, fb->datum, CTX_STORE);
            compile_nameop(c, fb->datum, CTX_DEL);
        }
        return;
    case FB_POP_VALUE:
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        return;
    }
}

// break/continue/return may not leave an except* block: unwinding from the
// top of the frame blocks (to the innermost loop for break/continue) must not
// reach one. Reports the error at loc and returns true when it would.
static bool leaves_except_star(Compiler *c, Loc loc, bool to_loop) {
    for (int i = c->u->nfblocks - 1; i >= 0; i--) {
        FBlockType t = c->u->fblocks[i].type;
        if (t == FB_EXCEPTION_GROUP_HANDLER) {
            compiler_error(c, loc, "'break', 'continue' and 'return' cannot appear in an except* block");
            return true;
        }
        if (to_loop && (t == FB_WHILE_LOOP || t == FB_FOR_LOOP)) return false;
    }
    return false;
}

static void compile_return(Compiler *c, const Stmt *st) {
    Unit *u = c->u;
    if (u->scope->type != BLOCK_FUNCTION || u->scope->is_comprehension) {
        compiler_error(c, st->loc, "'return' outside function");
        return;
    }
    const Expr *v = st->v.return_.value;
    if (v && (u->flags & CO_ASYNC_GENERATOR)) {
        compiler_error(c, st->loc, "'return' with value in async generator");
        return;
    }
    Object *k = v ? const_value(c, v) : NULL;
    bool preserve_tos = v && !k;
    if (preserve_tos) visit_expr(c, v);
    if (leaves_except_star(c, k ? v->loc : st->loc, false)) {
        XDECREF(k);
        return;
    }
    unwind_fblock_stack(c, preserve_tos, NULL);
    if (!v) load_const(c, NEWREF(None));
    else if (k) load_const(c, k);
    ADDOP(c, RETURN_VALUE);
}

static void compile_break_continue(Compiler *c, const Stmt *st, bool is_break) {
    FBlock *loop = NULL;
    if (leaves_except_star(c, st->loc, true)) return;
    unwind_fblock_stack(c, false, &loop);
    if (c->failed) return;
    if (!loop) {
        compiler_error(c, st->loc, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    if (is_break) {
        unwind_fblock(c, loop, false);
        emit_jump(c, JUMP, loop->exit);
    } else {
        emit_jump(c, JUMP, loop->block);
    }
}

static void compile_if(Compiler *c, const Stmt *st) {
    int end = new_block(c);
    int next = st->v.if_.orelse.len ? new_block(c) : end;
    compile_jump_if(c, st->v.if_.test, next, false);
    visit_stmts(c, st->v.if_.body);
    if (st->v.if_.orelse.len) {
        emit_jump(c, JUMP_NO_INTERRUPT, end);
        use_block(c, next);
        visit_stmts(c, st->v.if_.orelse);
    }
    use_block(c, end);
}

// while: the test at the top, and again at the bottom jumping back into the
// body (CPython 3.11's layout: one jump per iteration).
static void compile_while(Compiler *c, const Stmt *st) {
    int loop = new_block(c), body = new_block(c), anchor = new_block(c), exit = new_block(c);
    use_block(c, loop);
    push_fblock(c, FB_WHILE_LOOP, loop, exit, NULL, st->loc);
    compile_jump_if(c, st->v.while_.test, anchor, false);
    use_block(c, body);
    visit_stmts(c, st->v.while_.body);
    set_loc(c, st->loc);
    compile_jump_if(c, st->v.while_.test, body, true);
    pop_fblock(c);
    use_block(c, anchor);
    visit_stmts(c, st->v.while_.orelse);
    use_block(c, exit);
}

// async for (CPython's compiler_async_for): each step awaits
// __anext__() under a handler; StopAsyncIteration lands on END_ASYNC_FOR,
// which ends the loop and falls into the else block.
static void compile_async_for(Compiler *c, const Stmt *st) {
    if (!in_async_function(c)) {
        compiler_error(c, st->loc, "'async for' outside async function");
        return;
    }
    int start = new_block(c), except = new_block(c), end = new_block(c);
    visit_expr(c, st->v.for_.iter);
    set_loc(c, st->loc);
    ADDOP(c, GET_AITER);
    use_block(c, start);
    push_fblock(c, FB_FOR_LOOP, start, end, NULL, st->loc);
    emit_jump(c, SETUP_FINALLY, except);
    ADDOP(c, GET_ANEXT);
    compile_send_loop(c, 3);
    ADDOP(c, POP_BLOCK);
    compile_store(c, st->v.for_.target);
    visit_stmts(c, st->v.for_.body);
    unset_loc(c);
    emit_jump(c, JUMP, start);
    pop_fblock(c);
    use_block(c, except);
    // END_ASYNC_FOR is on the line of the iterable, as in CPython.
    set_loc(c, st->v.for_.iter->loc);
    ADDOP(c, END_ASYNC_FOR);
    visit_stmts(c, st->v.for_.orelse);
    use_block(c, end);
}

static void compile_for(Compiler *c, const Stmt *st) {
    if (st->v.for_.is_async) {
        compile_async_for(c, st);
        return;
    }
    int start = new_block(c), body = new_block(c), cleanup = new_block(c), end = new_block(c);
    visit_expr(c, st->v.for_.iter);
    set_loc(c, st->loc);
    ADDOP(c, GET_ITER);
    use_block(c, start);
    push_fblock(c, FB_FOR_LOOP, start, end, NULL, st->loc);
    set_loc(c, st->loc);
    emit_jump(c, FOR_ITER, cleanup);
    use_block(c, body);
    compile_store(c, st->v.for_.target);
    visit_stmts(c, st->v.for_.body);
    unset_loc(c);
    emit_jump(c, JUMP, start);
    pop_fblock(c);
    use_block(c, cleanup);
    visit_stmts(c, st->v.for_.orelse);
    use_block(c, end);
}

// try/except (CPython 3.11's compiler_try_except).
static void compile_try_except(Compiler *c, const Stmt *st) {
    int body = new_block(c), except = new_block(c), orelse = new_block(c), end = new_block(c),
        cleanup = new_block(c);
    emit_jump(c, SETUP_FINALLY, except);
    use_block(c, body);
    push_fblock(c, FB_TRY_EXCEPT, body, -1, NULL, st->loc);
    visit_stmts(c, st->v.try_.body);
    pop_fblock(c);
    ADDOP(c, POP_BLOCK);
    if (st->v.try_.orelse.len) {
        use_block(c, orelse);
        visit_stmts(c, st->v.try_.orelse);
    }
    emit_jump(c, JUMP_NO_INTERRUPT, end);
    int n = st->v.try_.handlers.len;
    use_block(c, except);
    emit_jump(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL, st->loc);
    for (int i = 0; i < n && !c->failed; i++) {
        ExceptHandler *h = st->v.try_.handlers.items[i];
        set_loc(c, h->loc);
        if (!h->type && i < n - 1) {
            compiler_error(c, h->loc, "default 'except:' must be last");
            return;
        }
        int next = new_block(c);
        if (h->type) {
            visit_expr(c, h->type);
            ADDOP(c, CHECK_EXC_MATCH);
            emit_jump(c, POP_JUMP_IF_FALSE, next);
        }
        if (h->name) {
            int cleanup_end = new_block(c), cleanup_body = new_block(c);
            store_name(c, h->name);
            emit_jump(c, SETUP_CLEANUP, cleanup_end);
            use_block(c, cleanup_body);
            push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, h->name, h->loc);
            visit_stmts(c, h->body);
            pop_fblock(c);
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_EXCEPT);
            load_const(c, NEWREF(None));
            store_name(c, h->name);
            compile_nameop(c, h->name, CTX_DEL);
            emit_jump(c, JUMP, end);
            // An exception inside the handler body: clear the name, re-raise.
            use_block(c, cleanup_end);
            load_const(c, NEWREF(None));
            store_name(c, h->name);
            compile_nameop(c, h->name, CTX_DEL);
            ADDOP_I(c, RERAISE, 1);
        } else {
            int cleanup_body = new_block(c);
            ADDOP(c, POP_TOP);
            use_block(c, cleanup_body);
            push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, NULL, h->loc);
            visit_stmts(c, h->body);
            pop_fblock(c);
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_EXCEPT);
            emit_jump(c, JUMP, end);
        }
        use_block(c, next);
    }
    pop_fblock(c);
    // No handler matched: re-raise (on the line of the last handler).
    if (n) set_loc(c, st->v.try_.handlers.items[n - 1]->loc);
    ADDOP_I(c, RERAISE, 0);
    use_block(c, cleanup);
    ADDOP_I(c, COPY, 3);
    ADDOP(c, POP_EXCEPT);
    ADDOP_I(c, RERAISE, 1);
    use_block(c, end);
}

// try/except* (CPython 3.11's compiler_try_star_except). The handler keeps
// [orig, raised, rest] on the stack: the exception caught, a list of what the
// clauses raise, and what no clause has matched yet. Each clause splits rest
// by its type (CHECK_EG_MATCH) and runs on the matching part; an exception
// raised in its body is appended to the list. At the end the unmatched rest
// joins the list, and PREP_RERAISE_STAR makes the one exception to re-raise.
static void compile_try_star_except(Compiler *c, const Stmt *st) {
    int body = new_block(c), except = new_block(c), orelse = new_block(c), end = new_block(c),
        cleanup = new_block(c), reraise_star = new_block(c);
    emit_jump(c, SETUP_FINALLY, except);
    use_block(c, body);
    push_fblock(c, FB_TRY_EXCEPT, body, -1, NULL, st->loc);
    visit_stmts(c, st->v.try_.body);
    pop_fblock(c);
    unset_loc(c);
    ADDOP(c, POP_BLOCK);
    emit_jump(c, JUMP, orelse);
    int n = st->v.try_.handlers.len;
    use_block(c, except);
    emit_jump(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    push_fblock(c, FB_EXCEPTION_GROUP_HANDLER, -1, -1, NULL, st->loc);
    for (int i = 0; i < n && !c->failed; i++) {
        ExceptHandler *h = st->v.try_.handlers.items[i];
        set_loc(c, h->loc);
        int next = new_block(c), with_error = new_block(c), no_match = new_block(c);
        if (i == 0) {
            // [exc] -> [orig, [], exc]
            ADDOP_I(c, COPY, 1);
            ADDOP_I(c, BUILD_LIST, 0);
            ADDOP_I(c, SWAP, 2);
        }
        visit_expr(c, h->type);
        ADDOP(c, CHECK_EG_MATCH);
        ADDOP_I(c, COPY, 1);
        emit_jump(c, POP_JUMP_IF_NONE, no_match);
        int cleanup_end = new_block(c), cleanup_body = new_block(c);
        if (h->name) store_name(c, h->name);
        else ADDOP(c, POP_TOP);
        emit_jump(c, SETUP_CLEANUP, cleanup_end);
        use_block(c, cleanup_body);
        push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, h->name, h->loc);
        visit_stmts(c, h->body);
        pop_fblock(c);
        ADDOP(c, POP_BLOCK);
        if (h->name) {
            load_const(c, NEWREF(None));
            store_name(c, h->name);
            compile_nameop(c, h->name, CTX_DEL);
        }
        emit_jump(c, JUMP, next);
        // An exception raised in the clause: clear the name, add it to the list.
        use_block(c, cleanup_end);
        if (h->name) {
            load_const(c, NEWREF(None));
            store_name(c, h->name);
            compile_nameop(c, h->name, CTX_DEL);
        }
        ADDOP_I(c, LIST_APPEND, 3);
        ADDOP(c, POP_TOP);
        emit_jump(c, JUMP, with_error);
        use_block(c, next);
        ADDOP(c, NOP);
        emit_jump(c, JUMP, with_error);
        use_block(c, no_match);
        set_loc(c, h->loc);
        ADDOP(c, POP_TOP);
        use_block(c, with_error);
        // The unmatched rest (or None) joins the list after the last clause
        // and falls into reraise_star.
        if (i == n - 1) ADDOP_I(c, LIST_APPEND, 1);
    }
    unset_loc(c);
    pop_fblock(c);
    int reraise = new_block(c);
    use_block(c, reraise_star);
    ADDOP(c, PREP_RERAISE_STAR);
    ADDOP_I(c, COPY, 1);
    emit_jump(c, POP_JUMP_IF_NOT_NONE, reraise);
    // Nothing to re-raise.
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_BLOCK);
    ADDOP(c, POP_EXCEPT);
    emit_jump(c, JUMP, end);
    use_block(c, reraise);
    ADDOP(c, POP_BLOCK);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_EXCEPT);
    ADDOP_I(c, RERAISE, 0);
    use_block(c, cleanup);
    ADDOP_I(c, COPY, 3);
    ADDOP(c, POP_EXCEPT);
    ADDOP_I(c, RERAISE, 1);
    use_block(c, orelse);
    visit_stmts(c, st->v.try_.orelse);
    use_block(c, end);
}

static void compile_try_finally(Compiler *c, const Stmt *st) {
    int body = new_block(c), end = new_block(c), exit = new_block(c), cleanup = new_block(c);
    const StmtSeq *final = &st->v.try_.finalbody;
    emit_jump(c, SETUP_FINALLY, end);
    use_block(c, body);
    push_fblock(c, FB_FINALLY_TRY, body, end, final, st->loc);
    if (st->v.try_.handlers.len && st->v.try_.is_star) compile_try_star_except(c, st);
    else if (st->v.try_.handlers.len) compile_try_except(c, st);
    else visit_stmts(c, st->v.try_.body);
    ADDOP(c, POP_BLOCK);
    pop_fblock(c);
    visit_stmts(c, *final);
    emit_jump(c, JUMP_NO_INTERRUPT, exit);
    // The exceptional path.
    use_block(c, end);
    emit_jump(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    push_fblock(c, FB_FINALLY_END, end, -1, NULL, st->loc);
    visit_stmts(c, *final);
    pop_fblock(c);
    ADDOP_I(c, RERAISE, 0);
    use_block(c, cleanup);
    ADDOP_I(c, COPY, 3);
    ADDOP(c, POP_EXCEPT);
    ADDOP_I(c, RERAISE, 1);
    use_block(c, exit);
}

// The end of a with statement's exceptional path: the exit function's
// result is on the stack; a true result suppresses the exception
// (CPython's compiler_with_except_finish).
static void with_except_finish(Compiler *c, int cleanup) {
    int suppress = new_block(c);
    emit_jump(c, POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(c, RERAISE, 2);
    use_block(c, cleanup);
    ADDOP_I(c, COPY, 3);
    ADDOP(c, POP_EXCEPT);
    ADDOP_I(c, RERAISE, 1);
    use_block(c, suppress);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_BLOCK);
    ADDOP(c, POP_EXCEPT);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_TOP);
}

// with / async with (CPython's compiler_with and compiler_async_with): the
// async form awaits the results of __aenter__() and __aexit__().
static void compile_with(Compiler *c, const Stmt *st, int pos) {
    bool is_async = st->v.with.is_async;
    if (is_async && !in_async_function(c)) {
        compiler_error(c, st->loc, "'async with' outside async function");
        return;
    }
    WithItem *item = st->v.with.items.items[pos];
    int block = new_block(c), final = new_block(c), exit = new_block(c), cleanup = new_block(c);
    visit_expr(c, item->context_expr);
    set_loc(c, st->loc);
    if (is_async) {
        ADDOP(c, BEFORE_ASYNC_WITH);
        compile_await(c, 1);
    } else {
        ADDOP(c, BEFORE_WITH);
    }
    emit_jump(c, SETUP_WITH, final);
    use_block(c, block);
    push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, block, final, NULL, st->loc);
    if (item->optional_vars) compile_store(c, item->optional_vars);
    else ADDOP(c, POP_TOP);
    if (pos + 1 < st->v.with.items.len) compile_with(c, st, pos + 1);
    else visit_stmts(c, st->v.with.body);
    pop_fblock(c);
    ADDOP(c, POP_BLOCK);
    set_loc(c, st->loc);
    call_exit_with_nones(c);
    if (is_async) compile_await(c, 2);
    ADDOP(c, POP_TOP);
    emit_jump(c, JUMP, exit);
    // The exceptional path: call __exit__ with the exception.
    use_block(c, final);
    emit_jump(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    ADDOP(c, WITH_EXCEPT_START);
    if (is_async) compile_await(c, 2);
    with_except_finish(c, cleanup);
    use_block(c, exit);
}

static void compile_augassign(Compiler *c, const Stmt *st) {
    const Expr *t = st->v.augassign.target;
    int op = st->v.augassign.op + OP__COUNT;  // NB_INPLACE_*
    switch (t->kind) {
    case E_NAME:
        set_loc(c, t->loc);
        compile_nameop(c, t->v.name.id, CTX_LOAD);
        visit_expr(c, st->v.augassign.value);
        set_loc(c, st->loc);
        ADDOP_I(c, BINARY_OP, op);
        set_loc(c, t->loc);
        store_name(c, t->v.name.id);
        break;
    case E_ATTRIBUTE: {
        int n = add_name(c, mangle(c, t->v.attribute.attr));
        visit_expr(c, t->v.attribute.value);
        set_loc(c, t->loc);
        ADDOP_I(c, COPY, 1);
        ADDOP_I(c, LOAD_ATTR, n);
        visit_expr(c, st->v.augassign.value);
        set_loc(c, st->loc);
        ADDOP_I(c, BINARY_OP, op);
        set_loc(c, t->loc);
        ADDOP_I(c, SWAP, 2);
        ADDOP_I(c, STORE_ATTR, n);
        break;
    }
    case E_SUBSCRIPT:
        visit_expr(c, t->v.subscript.value);
        visit_expr(c, t->v.subscript.slice);
        set_loc(c, t->loc);
        ADDOP_I(c, COPY, 2);
        ADDOP_I(c, COPY, 2);
        ADDOP(c, BINARY_SUBSCR);
        visit_expr(c, st->v.augassign.value);
        set_loc(c, st->loc);
        ADDOP_I(c, BINARY_OP, op);
        set_loc(c, t->loc);
        ADDOP_I(c, SWAP, 3);
        ADDOP_I(c, SWAP, 2);
        ADDOP(c, STORE_SUBSCR);
        break;
    default: compiler_error(c, t->loc, "'%s' is an illegal expression for augmented assignment", "expression");
    }
}

static void compile_import(Compiler *c, const Stmt *st) {
    for (int i = 0; i < st->v.import.names.len; i++) {
        Alias *a = st->v.import.names.items[i];
        load_const(c, int_from_long(0));
        load_const(c, NEWREF(None));
        ADDOP_I(c, IMPORT_NAME, add_name(c, a->name));
        if (a->asname) {
            // import a.b.c as d: walk down the attributes.
            const char *dot = strchr(a->name, '.');
            while (dot) {
                const char *next = strchr(dot + 1, '.');
                size_t len = next ? (size_t)(next - dot - 1) : strlen(dot + 1);
                char *part = arena_strndup(c->arena, dot + 1, len);
                ADDOP_I(c, IMPORT_FROM, add_name(c, part));
                ADDOP_I(c, SWAP, 2);
                ADDOP(c, POP_TOP);
                dot = next;
            }
            store_name(c, a->asname);
        } else {
            const char *dot = strchr(a->name, '.');
            store_name(c, dot ? arena_strndup(c->arena, a->name, (size_t)(dot - a->name)) : a->name);
        }
    }
}

static void compile_importfrom(Compiler *c, const Stmt *st) {
    AliasSeq names = st->v.importfrom.names;
    Object *fromlist = tuple_new(names.len);
    for (int i = 0; i < names.len; i++) TUPLE_ITEMS(fromlist)[i] = str_intern_cstr(names.items[i]->name);
    load_const(c, int_from_long(st->v.importfrom.level));
    load_const(c, fromlist);
    const char *mod = st->v.importfrom.module ? st->v.importfrom.module : "";
    ADDOP_I(c, IMPORT_NAME, add_name(c, mod));
    if (names.len == 1 && strcmp(names.items[0]->name, "*") == 0) {
        ADDOP(c, IMPORT_STAR);
        return;
    }
    for (int i = 0; i < names.len; i++) {
        Alias *a = names.items[i];
        ADDOP_I(c, IMPORT_FROM, add_name(c, a->name));
        store_name(c, a->asname ? a->asname : a->name);
    }
    ADDOP(c, POP_TOP);
}

static void compile_assert(Compiler *c, const Stmt *st) {
    if (st->v.assert_.test->kind == E_TUPLE && st->v.assert_.test->v.list.elts.len > 0) {
        // CPython only warns here; the assertion is always true.
    }
    int end = new_block(c);
    compile_jump_if(c, st->v.assert_.test, end, true);
    set_loc(c, st->v.assert_.test->loc);
    ADDOP(c, LOAD_ASSERTION_ERROR);
    if (st->v.assert_.msg) {
        visit_expr(c, st->v.assert_.msg);
        ADDOP_CALL(c, 0);
    }
    ADDOP_I(c, RAISE_VARARGS, 1);
    use_block(c, end);
}

static void compile_delete_target(Compiler *c, const Expr *t) {
    switch (t->kind) {
    case E_NAME: set_loc(c, t->loc); compile_nameop(c, t->v.name.id, CTX_DEL); break;
    case E_ATTRIBUTE:
    case E_SUBSCRIPT: visit_expr(c, t); break;
    case E_LIST:
    case E_TUPLE:
        for (int i = 0; i < t->v.list.elts.len; i++) compile_delete_target(c, t->v.list.elts.items[i]);
        break;
    default: compiler_error(c, t->loc, "cannot delete expression"); break;
    }
}

static void visit_stmt(Compiler *c, const Stmt *st) {
    if (c->failed) return;
    set_loc(c, st->loc);
    switch (st->kind) {
    case S_FUNCTIONDEF: compile_funcdef(c, st); break;
    case S_CLASSDEF: compile_classdef(c, st); break;
    case S_RETURN: compile_return(c, st); break;
    case S_DELETE:
        for (int i = 0; i < st->v.delete_.targets.len; i++) compile_delete_target(c, st->v.delete_.targets.items[i]);
        break;
    case S_ASSIGN: {
        ExprSeq targets = st->v.assign.targets;
        visit_expr(c, st->v.assign.value);
        for (int i = 0; i < targets.len; i++) {
            if (i < targets.len - 1) ADDOP_I(c, COPY, 1);
            compile_store(c, targets.items[i]);
        }
        break;
    }
    case S_AUGASSIGN: compile_augassign(c, st); break;
    case S_ANNASSIGN: {
        const Expr *t = st->v.annassign.target;
        if (st->v.annassign.value) {
            visit_expr(c, st->v.annassign.value);
            compile_store(c, t);
        } else if (t->kind == E_ATTRIBUTE) {
            visit_expr(c, t->v.attribute.value);
            ADDOP(c, POP_TOP);
        } else if (t->kind == E_SUBSCRIPT) {
            visit_expr(c, t->v.subscript.value);
            ADDOP(c, POP_TOP);
            visit_expr(c, t->v.subscript.slice);
            ADDOP(c, POP_TOP);
        }
        break;
    }
    case S_FOR: compile_for(c, st); break;
    case S_WHILE: compile_while(c, st); break;
    case S_IF: compile_if(c, st); break;
    case S_WITH: compile_with(c, st, 0); break;
    case S_RAISE: {
        int n = 0;
        if (st->v.raise.exc) {
            visit_expr(c, st->v.raise.exc);
            n++;
            if (st->v.raise.cause) {
                visit_expr(c, st->v.raise.cause);
                n++;
            }
        }
        set_loc(c, st->loc);
        ADDOP_I(c, RAISE_VARARGS, n);
        break;
    }
    case S_TRY:
        if (st->v.try_.finalbody.len) compile_try_finally(c, st);
        else if (st->v.try_.is_star) compile_try_star_except(c, st);
        else compile_try_except(c, st);
        break;
    case S_ASSERT: compile_assert(c, st); break;
    case S_IMPORT: compile_import(c, st); break;
    case S_IMPORTFROM: compile_importfrom(c, st); break;
    case S_GLOBAL:
    case S_NONLOCAL: break;
    case S_EXPR: {
        const Expr *v = st->v.expr.value;
        // The REPL echoes expression statements anywhere in top-level code
        // (not in function or class bodies), as CPython does.
        if (c->u->in_interactive_top) {
            visit_expr(c, v);
            ADDOP(c, PRINT_EXPR);
            break;
        }
        if (v->kind == E_CONSTANT) {
            ADDOP(c, NOP);  // keeps the line for tracebacks; no effect
            break;
        }
        visit_expr(c, v);
        ADDOP(c, POP_TOP);
        break;
    }
    case S_PASS: ADDOP(c, NOP); break;
    case S_BREAK: compile_break_continue(c, st, true); break;
    case S_CONTINUE: compile_break_continue(c, st, false); break;
    }
}

static void visit_stmts(Compiler *c, StmtSeq body) {
    for (int i = 0; i < body.len && !c->failed; i++) visit_stmt(c, body.items[i]);
}

// ---- Entry points ------------------------------------------------------------------------------

static Object *compile_module_ast(Compiler *c, const Module *m) {
    if (!symtable_build(&c->st, c->arena, m)) {
        raise_syntax_error_ex("SyntaxError", c->st.msg, c->filename, cur_src, cur_src_len, c->st.err_loc.lineno,
                              c->st.err_loc.col_offset, c->st.err_loc.end_lineno, c->st.err_loc.end_col_offset, true);
        return NULL;
    }
    enter_unit(c, c->st.top, "<module>", 1);
    Unit *u = c->u;
    u->loc.lineno = u->loc.end_lineno = 0;
    ADDOP_I(c, RESUME, 0);
    if (c->mode == PARSE_EVAL) {
        visit_expr(c, m->body.items[0]->v.expr.value);
        ADDOP(c, RETURN_VALUE);
        return leave_unit(c);
    }
    u->in_interactive_top = c->mode == PARSE_SINGLE;
    int start = 0;
    if (c->mode == PARSE_FILE && m->body.len && is_docstring(m->body.items[0])) {
        set_loc(c, m->body.items[0]->loc);
        load_const(c, constant_object(c, &m->body.items[0]->v.expr.value->v.constant));
        ADDOP_I(c, STORE_NAME, add_name(c, "__doc__"));
        start = 1;
    }
    StmtSeq rest = {m->body.len ? m->body.items + start : NULL, m->body.len - start};
    visit_stmts(c, rest);
    load_const(c, NEWREF(None));
    ADDOP(c, RETURN_VALUE);
    return leave_unit(c);
}

static Object *compile_parsed(Module *m, Arena *a, Object *filename, ParseMode mode) {
    Compiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.arena = a;
    c.mode = mode;
    Object *co = compile_module_ast(&c, m);
    while (c.u) {
        Unit *u = c.u;
        c.u = u->parent;
        free_unit(u);
    }
    if (!co && !err_occurred()) vm_raise(Exc_SystemError, "compiler failed without an error");
    return co;
}

static Object *compile_impl(const char *src, size_t len, Object *filename, ParseMode mode, bool *incomplete) {
    Arena a;
    arena_init(&a);
    ParseError pe;
    memset(&pe, 0, sizeof pe);
    const char *saved_src = cur_src;
    size_t saved_len = cur_src_len;
    cur_src = src;
    cur_src_len = len;
    Object *co = NULL;
    // CPython's compiler allows 3 AST levels per Python frame still free
    // under the recursion limit (COMPILER_STACK_FRAME_SCALE), here at most
    // what compile.c and symtable.c can recurse through on any C stack.
    ThreadState *ts = tstate_get();
    long room = 3L * (the_interp.recursion_limit - (ts ? ts->py_depth : 0));
    parse_max_ast_depth = room < 100 ? 100 : room > PARSE_DEFAULT_MAX_AST_DEPTH ? PARSE_DEFAULT_MAX_AST_DEPTH : (int)room;
    parse_stack_limit = ts ? ts->stack_limit : NULL;
    parse_int_max_str_digits = int_max_str_digits;
    Module *m = parse_source(&a, src, len, mode, &pe);
    if (!m) {
        if (incomplete && pe.incomplete) {
            *incomplete = true;
        } else if (pe.kind && strcmp(pe.kind, "MemoryError") == 0) {
            err_no_memory();
        } else if (pe.kind && strcmp(pe.kind, "RecursionError") == 0) {
            vm_raise(Exc_RecursionError, "%s", pe.msg);
        } else {
            raise_syntax_error(pe.kind ? pe.kind : "SyntaxError", pe.msg, filename, src, len, pe.lineno,
                               pe.col_offset, pe.end_lineno, pe.end_col_offset);
        }
    } else {
        co = compile_parsed(m, &a, filename, mode);
    }
    cur_src = saved_src;
    cur_src_len = saved_len;
    arena_free(&a);
    return co;
}

Object *compile_source(const char *src, size_t len, Object *filename, ParseMode mode) {
    return compile_impl(src, len, filename, mode, NULL);
}

// PEP 263: a comment on line 1 or 2 matching coding[:=]NAME.
static bool has_coding_decl(const char *src, size_t len) {
    const char *p = src, *end = src + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    for (int line = 0; line < 2 && p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *q = p;
        while (q < e && (*q == ' ' || *q == '\t' || *q == '\f')) q++;
        if (q < e && *q == '#') {
            for (const char *c = q; c + 6 < e; c++) {
                if (memcmp(c, "coding", 6) == 0 && (c[6] == ':' || c[6] == '=')) {
                    const char *n = c + 7;
                    while (n < e && (*n == ' ' || *n == '\t')) n++;
                    if (n < e && (isalnum((unsigned char)*n) || *n == '-' || *n == '_' || *n == '.')) return true;
                }
            }
        } else if (q < e && *q != '\r') {
            return false;   // a line of code ends the search
        }
        if (!nl) break;
        p = nl + 1;
    }
    return false;
}

Object *compile_source_bytes(const char *src, size_t len, Object *filename, ParseMode mode) {
    bool saved = byte_offsets;
    byte_offsets = !has_coding_decl(src, len);
    Object *co = compile_impl(src, len, filename, mode, NULL);
    byte_offsets = saved;
    return co;
}

Object *compile_script(const char *src, size_t len, Object *filename) {
    if (!has_coding_decl(src, len)) {
        const unsigned char *s = (const unsigned char *)src, *end = s + len;
        int lineno = 1;
        if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) s += 3;
        while (s < end) {
            if (*s == '\n') lineno++;
            int n = utf8_seq_len(s, end);
            if (n == 0) {
                Object *msg = str_from_format("Non-UTF-8 code starting with '\\x%02x' in file %U on line %d, "
                                              "but no encoding declared; see https://peps.python.org/pep-0263/ "
                                              "for details", *s, filename, lineno);
                if (msg) {
                    Object *exc = exc_new(Exc_SyntaxError, &msg, 1);
                    if (exc) err_restore(exc);
                    DECREF(msg);
                }
                return NULL;
            }
            s += n;
        }
    }
    return compile_source_bytes(src, len, filename, PARSE_FILE);
}

Object *compile_interactive(const char *src, size_t len, Object *filename, bool *incomplete) {
    *incomplete = false;
    return compile_impl(src, len, filename, PARSE_SINGLE, incomplete);
}
