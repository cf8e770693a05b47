// The parser: tokens -> AST, following CPython 3.11's Grammar/python.gram.
//
// Notes on the implementation
// ---------------------------
// CPython's parser is a PEG parser that runs twice: a fast first pass, and on
// failure a second pass with extra `invalid_*` rules whose only job is to
// produce a better message. This file is a hand-written recursive-descent
// parser (precedence climbing for binary operators) that parses in one pass
// and emulates the second pass at the point of failure: where the first pass
// would fail, it checks what CPython's invalid rules would have matched there,
// in CPython's order, and raises their message. When none applies, the error
// is CPython's generic "invalid syntax" at the furthest token read, which is
// where a PEG parser's failure points too.
//
// Tokens are read lazily into an array, so any rule can look ahead or
// backtrack ("speculate"). Speculation is used in a few places where the
// grammar needs it (the parenthesized `with` form) and to try the invalid
// rules; errors raised while speculating are kept aside, not reported.
//
// Error precedence follows _PyPegen_set_syntax_error: an error raised by the
// tokenizer anywhere in the file beats a parser error, so after a parser error
// the rest of the input is tokenized to look for one (and for brackets that
// are never closed).
//
// f-strings are parsed as CPython 3.11 does (Parser/string_parser.c): the
// literal parts are decoded here, and each replacement field's expression is
// parsed by a sub-parser over the text "(" expr ")", whose token positions are
// shifted to where the expression sits in the file.
//
// Nesting is bounded, so neither the parser nor a recursive consumer of the
// tree (symtable, code generator) can overflow the C stack, and the errors
// are CPython 3.11's: parse recursion deeper than MAX_PARSE_DEPTH (CPython's
// MAXSTACK), or closer to the C stack's end than parse_stack_limit, is a
// MemoryError, as CPython's parser stack overflow; an AST deeper than
// parse_max_ast_depth is "RecursionError: maximum recursion depth exceeded
// during compilation", as CPython's AST validator and symtable raise. Both
// stop the parse at once (no speculation or second pass hides them).
//
// REPL input (PARSE_SINGLE) follows the interactive tokenizer: an empty line
// ends a compound statement, so `if x:\n    pass\n` is incomplete until one
// follows; input that ends inside brackets, a triple-quoted string, after a
// backslash or a block header is incomplete too (err->incomplete).
//
// Known differences from CPython 3.11:
// - `match` statements are not supported ("invalid syntax").
// - \N{name} knows only a few names (lexer.c); others are "unknown Unicode
//   character name". Identifiers are not NFKC-normalized.
// - Source must be UTF-8 (coding declarations are ignored). Bad UTF-8 is
//   reported in the words of CPython's codec, NUL bytes as `python3 file.py`
//   reports them; both without a column.
// - On unusual invalid input the message can differ: CPython's second pass
//   depends on its PEG memoization. Common mistakes get CPython's messages and
//   positions (tests/parser/errors/ has ~400 of them).
#include "parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

// Limit on parse recursion: CPython's parser stops at MAXSTACK (6000) rule
// levels, about 30 of which are spent above the first expression.
#define MAX_PARSE_DEPTH 5970

_Thread_local int parse_max_ast_depth = PARSE_DEFAULT_MAX_AST_DEPTH;
_Thread_local const char *parse_stack_limit;
_Thread_local int parse_int_max_str_digits = PARSE_DEFAULT_INT_MAX_STR_DIGITS;
// The C stack address below which this thread's parse stops.
static _Thread_local const char *stack_floor;

// ---------------------------------------------------------------------------
// Parser state

// Error state shared by a parser and its f-string sub-parsers.
typedef struct {
    ParseError *err;    // where the error goes
    bool set;           // *err holds an error
    bool from_lexer;    // ...raised by the tokenizer
    int spec;           // > 0 while speculating
    bool spec_set;      // an error was raised while speculating
    ParseError spec_err;
    bool oom;
    const char *fatal;  // "MemoryError" or "RecursionError": too deep, stop at once
    bool lexer_in_hint; // the tokenizer error was met while trying a message rule
} Errors;

typedef struct Parser Parser;
struct Parser {
    Arena *arena;
    Lexer lx;
    Token **chunks;     // tokens read so far, in malloc'd chunks that never move
    int nchunks;
    int ntoks;
    int pos;            // index of the next token
    int fill;           // tokens read by the "first pass" (see nofill)
    int quiet;          // > 0: the message rules are off (CPython's *_without_invalid)
    int nofill;         // > 0: reading for a message rule (CPython's second pass),
                        // which does not move the generic error position
    Errors *errs;
    ParseMode mode;
    int depth;          // recursion depth
    bool hit_eof;       // the lexer reached the end of input for the parser
    // An f-string replacement field: tokens on shift_line move right by shift_col.
    bool fstring;
    int shift_line, shift_col;
};

typedef struct { Expr e; int depth; } ExprBox;
typedef struct { Stmt s; int depth; } StmtBox;

// ---------------------------------------------------------------------------
// Growable arrays in the arena (old buffers are simply abandoned)

#define DEFINE_VEC(Name, T)                                                 \
    typedef struct { T *items; int len, cap; } Name;                        \
    static bool Name##_push(Parser *p, Name *v, T x) {                      \
        if (v->len == v->cap) {                                             \
            int cap = v->cap ? v->cap * 2 : 4;                              \
            T *items = arena_alloc(p->arena, sizeof(T) * (size_t)cap);      \
            if (!items) { p->errs->oom = true; return false; }              \
            if (v->len) memcpy(items, v->items, sizeof(T) * (size_t)v->len); \
            v->items = items;                                               \
            v->cap = cap;                                                   \
        }                                                                   \
        v->items[v->len++] = x;                                             \
        return true;                                                        \
    }

DEFINE_VEC(ExprVec, Expr *)
DEFINE_VEC(StmtVec, Stmt *)
DEFINE_VEC(ArgVec, Arg *)
DEFINE_VEC(KeywordVec, Keyword *)
DEFINE_VEC(AliasVec, Alias *)
DEFINE_VEC(WithItemVec, WithItem *)
DEFINE_VEC(HandlerVec, ExceptHandler *)
DEFINE_VEC(CompVec, Comprehension *)
DEFINE_VEC(CmpVec, CmpOpKind)
DEFINE_VEC(NameVec, const char *)

static ExprSeq expr_seq(ExprVec v) { return (ExprSeq){v.items, v.len}; }
static StmtSeq stmt_seq(StmtVec v) { return (StmtSeq){v.items, v.len}; }

static void *alloc(Parser *p, size_t size) {
    void *m = arena_alloc(p->arena, size);
    if (!m) p->errs->oom = true;
    return m;
}

static const char *str_dup(Parser *p, const char *s, size_t len) {
    char *m = arena_strndup(p->arena, s, len);
    if (!m) p->errs->oom = true;
    return m;
}

// ---------------------------------------------------------------------------
// Tokens

static void record_lexer_error(Parser *p);

#define CHUNK_BITS 10
#define CHUNK_SIZE (1 << CHUNK_BITS)
#define TOK(p, i) (&(p)->chunks[(i) >> CHUNK_BITS][(i) & (CHUNK_SIZE - 1)])

static bool grow_tokens(Parser *p) {
    if ((p->ntoks & (CHUNK_SIZE - 1)) != 0 || (p->ntoks >> CHUNK_BITS) < p->nchunks) return true;
    Token **chunks = realloc(p->chunks, sizeof *chunks * (size_t)(p->nchunks + 1));
    if (!chunks) return false;
    p->chunks = chunks;
    Token *c = malloc(sizeof(Token) * CHUNK_SIZE);
    if (!c) return false;
    p->chunks[p->nchunks++] = c;
    return true;
}

static void free_tokens(Parser *p) {
    for (int i = 0; i < p->nchunks; i++) free(p->chunks[i]);
    free(p->chunks);
    p->chunks = NULL;
    p->nchunks = 0;
}

// Returns token i, reading from the lexer as needed. Past an ENDMARKER or an
// error the last token repeats. Token pointers stay valid until the end.
static Token *tok_at(Parser *p, int i) {
    while (p->ntoks <= i) {
        if (p->ntoks > 0) {
            TokenKind k = TOK(p, p->ntoks - 1)->kind;
            if (k == TOK_ENDMARKER || k == TOK_ERRORTOKEN) { i = p->ntoks - 1; break; }
        }
        if (!grow_tokens(p)) {
            // Out of memory: every later token is an error token.
            static const Token oom_token = {.kind = TOK_ERRORTOKEN, .col_offset = -1,
                                            .end_col_offset = -1};
            p->errs->oom = true;
            return (Token *)&oom_token;
        }
        Token t = lexer_next(&p->lx);
        if (t.kind == TOK_ERRORTOKEN && p->nofill > 0 && p->mode == PARSE_SINGLE &&
            p->lx.error.incomplete) {
            // At the REPL the second pass does not read more lines: running
            // out of input there is just the end (CPython's IUNDERFLOW_STOP).
            t.kind = TOK_ENDMARKER;
            t.col_offset = t.end_col_offset = -1;
        }
        if (p->fstring && t.lineno == p->shift_line) {
            if (t.col_offset >= 0) t.col_offset += p->shift_col;
            if (t.end_col_offset >= 0 && t.end_lineno == p->shift_line) t.end_col_offset += p->shift_col;
        }
        *TOK(p, p->ntoks) = t;
        p->ntoks++;
        if (p->nofill == 0 && p->lx.eof) p->hit_eof = true;
        if (t.kind == TOK_ERRORTOKEN) {
            if (p->nofill == 0 && p->lx.error.incomplete) p->hit_eof = true;
            if (!p->errs->set) p->errs->lexer_in_hint = p->nofill > 0;
            record_lexer_error(p);
        }
    }
    if (p->nofill == 0 && i + 1 > p->fill) p->fill = i + 1;
    return TOK(p, i);
}

static Token *peek(Parser *p) { return tok_at(p, p->pos); }
static Token *peek_n(Parser *p, int n) { return tok_at(p, p->pos + n); }
static TokenKind peek_kind(Parser *p) { return peek(p)->kind; }
static bool check(Parser *p, TokenKind k) { return peek(p)->kind == k; }

static Token *advance(Parser *p) {
    Token *t = peek(p);
    if (t->kind != TOK_ENDMARKER && t->kind != TOK_ERRORTOKEN) p->pos++;
    return t;
}

static Token *accept(Parser *p, TokenKind k) {
    return check(p, k) ? advance(p) : NULL;
}

// The text of a token (NAME) as an arena string.
static const char *tok_str(Parser *p, const Token *t) {
    return str_dup(p, t->start, (size_t)t->len);
}

static bool is_soft_keyword(const Token *t) {
    return t->kind == TOK_NAME &&
           ((t->len == 5 && memcmp(t->start, "match", 5) == 0) ||
            (t->len == 4 && memcmp(t->start, "case", 4) == 0) ||
            (t->len == 1 && t->start[0] == '_'));
}

static bool tok_is_name(const Token *t, const char *s) {
    return t->kind == TOK_NAME && (size_t)t->len == strlen(s) && memcmp(t->start, s, (size_t)t->len) == 0;
}

// The last token consumed that is not NEWLINE/INDENT/DEDENT/ENDMARKER
// (CPython's _PyPegen_get_last_nonnwhitespace_token).
static Token *last_token(Parser *p) {
    for (int i = p->pos - 1; i >= 0; i--) {
        TokenKind k = TOK(p, i)->kind;
        if (k != TOK_NEWLINE && k != TOK_INDENT && k != TOK_DEDENT && k != TOK_ENDMARKER)
            return TOK(p, i);
    }
    return TOK(p, 0);
}

// The location from token `start` to the last token consumed (CPython's EXTRA).
static Loc loc_from(Parser *p, int start) {
    Token *a = tok_at(p, start), *b = last_token(p);
    return (Loc){a->lineno, a->col_offset, b->end_lineno, b->end_col_offset};
}

static Loc tok_loc(const Token *t) {
    return (Loc){t->lineno, t->col_offset, t->end_lineno, t->end_col_offset};
}

typedef struct { int pos; } Mark;
static Mark mark(Parser *p) { return (Mark){p->pos}; }
static void reset(Parser *p, Mark m) { p->pos = m.pos; }

// ---------------------------------------------------------------------------
// Errors

static bool failed_hard(Parser *p) {
    Errors *e = p->errs;
    return e->set || e->oom || e->fatal || (e->spec > 0 && e->spec_set);
}

// Records an error unless one is already recorded. Columns are ours (0-based
// bytes); inside an f-string field they are adjusted as CPython does.
static void *raise_vloc(Parser *p, const char *exc, int lineno, int col, int end_lineno, int end_col,
                        const char *fmt, va_list ap) {
    Errors *e = p->errs;
    ParseError *dst;
    if (e->spec > 0) {
        if (e->spec_set) return NULL;
        e->spec_set = true;
        dst = &e->spec_err;
    } else {
        if (e->set) return NULL;
        e->set = true;
        e->from_lexer = false;
        dst = e->err;
    }
    char msg[sizeof dst->msg - 16];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (p->fstring) {
        snprintf(dst->msg, sizeof dst->msg, "f-string: %s", msg);
        col -= p->shift_col;
        end_col -= p->shift_col;
    } else {
        snprintf(dst->msg, sizeof dst->msg, "%s", msg);
    }
    dst->kind = exc;
    dst->lineno = lineno;
    dst->col_offset = col;
    dst->end_lineno = end_lineno;
    dst->end_col_offset = end_col;
    dst->incomplete = false;
    return NULL;
}

static void *raise_loc(Parser *p, const char *exc, int lineno, int col, int end_lineno, int end_col,
                       const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_vloc(p, exc, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

// RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b): from the start of a to the end of b.
static void *raise_range(Parser *p, Loc a, Loc b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_vloc(p, "SyntaxError", a.lineno, a.col_offset, b.end_lineno, b.end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a).
static void *raise_at(Parser *p, Loc a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_vloc(p, "SyntaxError", a.lineno, a.col_offset, a.end_lineno, a.end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

// The last token read (the tokenizer's position), as CPython's p->tokens[p->fill-1].
static const Token *last_read(Parser *p) {
    static const Token none = {.kind = TOK_ENDMARKER, .lineno = 1, .end_lineno = 1,
                               .col_offset = -1, .end_col_offset = -1, .cur_col = 0};
    return p->ntoks > 0 ? TOK(p, p->ntoks - 1) : &none;
}

// RAISE_SYNTAX_ERROR_STARTING_FROM(a): from a to the tokenizer's position.
static void *raise_from(Parser *p, Loc a, const char *fmt, ...) {
    const Token *t = last_read(p);
    va_list ap;
    va_start(ap, fmt);
    raise_vloc(p, "SyntaxError", a.lineno, a.col_offset, p->lx.lineno, t->cur_col - 1, fmt, ap);
    va_end(ap);
    return NULL;
}

// CPython's _PyPegen_raise_error(p, type, 0, msg): at the last token read.
static void *raise_last(Parser *p, const char *exc, const char *fmt, ...) {
    const Token *t = last_read(p);
    int col = t->col_offset >= 0 ? t->col_offset : t->cur_col - 1;
    int end_col = t->end_col_offset >= 0 ? t->end_col_offset : -2;
    va_list ap;
    va_start(ap, fmt);
    raise_vloc(p, exc, t->lineno, col, t->end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

// A tokenizer error always wins and is never discarded by speculation.
static void record_lexer_error(Parser *p) {
    Errors *e = p->errs;
    if (e->set && e->from_lexer) return;
    const LexError *le = &p->lx.error;
    ParseError *d = e->err;
    d->kind = le->exc;
    snprintf(d->msg, sizeof d->msg, "%s", le->msg);
    d->lineno = le->lineno;
    d->col_offset = le->col_offset;
    d->end_lineno = le->end_lineno;
    d->end_col_offset = le->end_col_offset;
    d->incomplete = false;
    e->set = true;
    e->from_lexer = true;
}

// Speculation: errors raised until spec_end() are kept aside.
typedef struct { Mark m; bool prev_set; ParseError prev; } Spec;

static Spec spec_begin(Parser *p) {
    Errors *e = p->errs;
    Spec s = {mark(p), e->spec_set, {0}};
    if (e->spec_set) s.prev = e->spec_err;
    e->spec++;
    e->spec_set = false;
    return s;
}

// Ends a speculation; returns true when an error was raised in it, copying it
// to *out when out is not NULL. Restores the position when `restore`.
static bool spec_end(Parser *p, Spec *s, bool restore, ParseError *out) {
    Errors *e = p->errs;
    bool raised = e->spec_set;
    if (raised && out) *out = e->spec_err;
    e->spec--;
    e->spec_set = s->prev_set;
    if (s->prev_set) e->spec_err = s->prev;
    if (restore) reset(p, s->m);
    return raised;
}

// Reports an error kept from a speculation.
static void *raise_saved(Parser *p, const ParseError *saved) {
    Errors *e = p->errs;
    if (e->spec > 0) {
        if (!e->spec_set) { e->spec_set = true; e->spec_err = *saved; }
        return NULL;
    }
    if (e->set) return NULL;
    *e->err = *saved;
    e->set = true;
    e->from_lexer = false;
    return NULL;
}

static bool enter(Parser *p) {
    char here;
    if (++p->depth > MAX_PARSE_DEPTH || &here < stack_floor) {
        p->errs->fatal = "MemoryError";
        return false;
    }
    return true;
}

// An AST node deeper than the compiler may recurse: fatal RecursionError.
static void *too_deep(Parser *p) {
    p->errs->fatal = "RecursionError";
    return NULL;
}

static void leave(Parser *p) { p->depth--; }

// ---------------------------------------------------------------------------
// Node construction

static int expr_depth(const Expr *e) { return e ? ((const ExprBox *)e)->depth : 0; }
static int stmt_depth(const Stmt *s) { return s ? ((const StmtBox *)s)->depth : 0; }

static Expr *new_expr(Parser *p, ExprKind kind, Loc loc) {
    ExprBox *b = alloc(p, sizeof *b);
    if (!b) return NULL;
    b->e.kind = kind;
    b->e.loc = loc;
    b->depth = 1;
    return &b->e;
}

static Stmt *new_stmt(Parser *p, StmtKind kind, Loc loc) {
    StmtBox *b = alloc(p, sizeof *b);
    if (!b) return NULL;
    b->s.kind = kind;
    b->s.loc = loc;
    b->depth = 1;
    return &b->s;
}

static int max_i(int a, int b) { return a > b ? a : b; }

static int seq_depth(ExprSeq s) {
    int d = 0;
    for (int i = 0; i < s.len; i++) d = max_i(d, expr_depth(s.items[i]));
    return d;
}

static int body_depth(StmtSeq s) {
    int d = 0;
    for (int i = 0; i < s.len; i++) d = max_i(d, stmt_depth(s.items[i]));
    return d;
}

static int args_depth(const Arguments *a) {
    if (!a) return 0;
    int d = max_i(seq_depth(a->defaults), seq_depth(a->kw_defaults));
    const ArgSeq *seqs[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < seqs[k]->len; i++) d = max_i(d, expr_depth(seqs[k]->items[i]->annotation));
    if (a->vararg) d = max_i(d, expr_depth(a->vararg->annotation));
    if (a->kwarg) d = max_i(d, expr_depth(a->kwarg->annotation));
    return d;
}

static int keywords_depth(KeywordSeq k) {
    int d = 0;
    for (int i = 0; i < k.len; i++) d = max_i(d, expr_depth(k.items[i]->value));
    return d;
}

static int comps_depth(ComprehensionSeq c) {
    int d = 0;
    for (int i = 0; i < c.len; i++) {
        d = max_i(d, expr_depth(c.items[i]->target));
        d = max_i(d, expr_depth(c.items[i]->iter));
        d = max_i(d, seq_depth(c.items[i]->ifs));
    }
    return d;
}

// Computes the depth of a finished node from its children and enforces the
// limit. Returns e, or NULL after raising "too complex".
static Expr *done_expr(Parser *p, Expr *e) {
    if (!e) return NULL;
    int d = 0;
    switch (e->kind) {
    case E_BOOLOP: d = seq_depth(e->v.boolop.values); break;
    case E_NAMEDEXPR: d = max_i(expr_depth(e->v.namedexpr.target), expr_depth(e->v.namedexpr.value)); break;
    case E_BINOP: d = max_i(expr_depth(e->v.binop.left), expr_depth(e->v.binop.right)); break;
    case E_UNARYOP: d = expr_depth(e->v.unaryop.operand); break;
    case E_LAMBDA: d = max_i(args_depth(e->v.lambda.args), expr_depth(e->v.lambda.body)); break;
    case E_IFEXP:
        d = max_i(expr_depth(e->v.ifexp.test),
                  max_i(expr_depth(e->v.ifexp.body), expr_depth(e->v.ifexp.orelse)));
        break;
    case E_DICT: d = max_i(seq_depth(e->v.dict.keys), seq_depth(e->v.dict.values)); break;
    case E_SET: d = seq_depth(e->v.set.elts); break;
    case E_LISTCOMP: case E_SETCOMP: case E_GENEXP: case E_DICTCOMP:
        d = max_i(max_i(expr_depth(e->v.comp.elt), expr_depth(e->v.comp.key)),
                  max_i(expr_depth(e->v.comp.value), comps_depth(e->v.comp.generators)));
        break;
    case E_AWAIT: d = expr_depth(e->v.await_.value); break;
    case E_YIELD: d = expr_depth(e->v.yield.value); break;
    case E_YIELDFROM: d = expr_depth(e->v.yieldfrom.value); break;
    case E_COMPARE: d = max_i(expr_depth(e->v.compare.left), seq_depth(e->v.compare.comparators)); break;
    case E_CALL:
        d = max_i(expr_depth(e->v.call.func),
                  max_i(seq_depth(e->v.call.args), keywords_depth(e->v.call.keywords)));
        break;
    case E_FORMATTEDVALUE:
        d = max_i(expr_depth(e->v.formattedvalue.value), expr_depth(e->v.formattedvalue.format_spec));
        break;
    case E_JOINEDSTR: d = seq_depth(e->v.joinedstr.values); break;
    case E_CONSTANT: case E_NAME: d = 0; break;
    case E_ATTRIBUTE: d = expr_depth(e->v.attribute.value); break;
    case E_SUBSCRIPT: d = max_i(expr_depth(e->v.subscript.value), expr_depth(e->v.subscript.slice)); break;
    case E_STARRED: d = expr_depth(e->v.starred.value); break;
    case E_LIST: case E_TUPLE: d = seq_depth(e->v.list.elts); break;
    case E_SLICE:
        d = max_i(expr_depth(e->v.slice.lower),
                  max_i(expr_depth(e->v.slice.upper), expr_depth(e->v.slice.step)));
        break;
    }
    ((ExprBox *)e)->depth = d + 1;
    if (d + 1 > parse_max_ast_depth) return too_deep(p);
    return e;
}

static Stmt *done_stmt(Parser *p, Stmt *s) {
    if (!s) return NULL;
    int d = 0;
    switch (s->kind) {
    case S_FUNCTIONDEF:
        d = max_i(max_i(args_depth(s->v.funcdef.args), body_depth(s->v.funcdef.body)),
                  max_i(seq_depth(s->v.funcdef.decorator_list), expr_depth(s->v.funcdef.returns)));
        break;
    case S_CLASSDEF:
        d = max_i(max_i(seq_depth(s->v.classdef.bases), keywords_depth(s->v.classdef.keywords)),
                  max_i(body_depth(s->v.classdef.body), seq_depth(s->v.classdef.decorator_list)));
        break;
    case S_RETURN: d = expr_depth(s->v.return_.value); break;
    case S_DELETE: d = seq_depth(s->v.delete_.targets); break;
    case S_ASSIGN: d = max_i(seq_depth(s->v.assign.targets), expr_depth(s->v.assign.value)); break;
    case S_AUGASSIGN: d = max_i(expr_depth(s->v.augassign.target), expr_depth(s->v.augassign.value)); break;
    case S_ANNASSIGN:
        d = max_i(expr_depth(s->v.annassign.target),
                  max_i(expr_depth(s->v.annassign.annotation), expr_depth(s->v.annassign.value)));
        break;
    case S_FOR:
        d = max_i(max_i(expr_depth(s->v.for_.target), expr_depth(s->v.for_.iter)),
                  max_i(body_depth(s->v.for_.body), body_depth(s->v.for_.orelse)));
        break;
    case S_WHILE: case S_IF:
        d = max_i(expr_depth(s->v.while_.test),
                  max_i(body_depth(s->v.while_.body), body_depth(s->v.while_.orelse)));
        break;
    case S_WITH:
        d = body_depth(s->v.with.body);
        for (int i = 0; i < s->v.with.items.len; i++) {
            d = max_i(d, expr_depth(s->v.with.items.items[i]->context_expr));
            d = max_i(d, expr_depth(s->v.with.items.items[i]->optional_vars));
        }
        break;
    case S_RAISE: d = max_i(expr_depth(s->v.raise.exc), expr_depth(s->v.raise.cause)); break;
    case S_TRY:
        d = max_i(max_i(body_depth(s->v.try_.body), body_depth(s->v.try_.orelse)),
                  body_depth(s->v.try_.finalbody));
        for (int i = 0; i < s->v.try_.handlers.len; i++) {
            d = max_i(d, expr_depth(s->v.try_.handlers.items[i]->type));
            d = max_i(d, body_depth(s->v.try_.handlers.items[i]->body));
        }
        break;
    case S_ASSERT: d = max_i(expr_depth(s->v.assert_.test), expr_depth(s->v.assert_.msg)); break;
    case S_EXPR: d = expr_depth(s->v.expr.value); break;
    default: d = 0; break;
    }
    ((StmtBox *)s)->depth = d + 1;
    if (d + 1 > parse_max_ast_depth) return too_deep(p);
    return s;
}

static Expr *mk_name(Parser *p, const Token *t, ExprContext ctx) {
    Expr *e = new_expr(p, E_NAME, tok_loc(t));
    if (!e) return NULL;
    e->v.name.id = tok_str(p, t);
    e->v.name.ctx = ctx;
    return e->v.name.id ? e : NULL;
}

static Expr *mk_const(Parser *p, ConstKind kind, Loc loc) {
    Expr *e = new_expr(p, E_CONSTANT, loc);
    if (e) e->v.constant.kind = kind;
    return e;
}

static Expr *mk_binop(Parser *p, Expr *l, OperatorKind op, Expr *r, Loc loc) {
    Expr *e = new_expr(p, E_BINOP, loc);
    if (!e) return NULL;
    e->v.binop.left = l;
    e->v.binop.op = op;
    e->v.binop.right = r;
    return done_expr(p, e);
}

static Expr *mk_unary(Parser *p, UnaryOpKind op, Expr *operand, Loc loc) {
    Expr *e = new_expr(p, E_UNARYOP, loc);
    if (!e) return NULL;
    e->v.unaryop.op = op;
    e->v.unaryop.operand = operand;
    return done_expr(p, e);
}

static Expr *mk_seq(Parser *p, ExprKind kind, ExprVec elts, ExprContext ctx, Loc loc) {
    Expr *e = new_expr(p, kind, loc);
    if (!e) return NULL;
    e->v.list.elts = expr_seq(elts);
    e->v.list.ctx = ctx;
    return done_expr(p, e);
}

static Expr *mk_starred(Parser *p, Expr *value, Loc loc) {
    Expr *e = new_expr(p, E_STARRED, loc);
    if (!e) return NULL;
    e->v.starred.value = value;
    e->v.starred.ctx = CTX_LOAD;
    return done_expr(p, e);
}

// CPython's _PyPegen_get_expr_name(): how error messages name an expression.
static const char *expr_name(const Expr *e) {
    switch (e->kind) {
    case E_ATTRIBUTE: return "attribute";
    case E_SUBSCRIPT: return "subscript";
    case E_STARRED: return "starred";
    case E_NAME: return "name";
    case E_LIST: return "list";
    case E_TUPLE: return "tuple";
    case E_LAMBDA: return "lambda";
    case E_CALL: return "function call";
    case E_BOOLOP: case E_BINOP: case E_UNARYOP: return "expression";
    case E_GENEXP: return "generator expression";
    case E_YIELD: case E_YIELDFROM: return "yield expression";
    case E_AWAIT: return "await expression";
    case E_LISTCOMP: return "list comprehension";
    case E_SETCOMP: return "set comprehension";
    case E_DICTCOMP: return "dict comprehension";
    case E_DICT: return "dict literal";
    case E_SET: return "set display";
    case E_JOINEDSTR: case E_FORMATTEDVALUE: return "f-string expression";
    case E_CONSTANT:
        switch (e->v.constant.kind) {
        case CONST_NONE: return "None";
        case CONST_FALSE: return "False";
        case CONST_TRUE: return "True";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case E_COMPARE: return "comparison";
    case E_IFEXP: return "conditional expression";
    case E_NAMEDEXPR: return "named expression";
    case E_SLICE: return "slice";
    }
    return "expression";
}

// ---------------------------------------------------------------------------
// Targets (assignment, del, for): validation and context

typedef enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TargetsType;

// CPython's _PyPegen_get_invalid_target(): the first sub-expression that
// cannot be a target, or NULL.
static Expr *invalid_target(Expr *e, TargetsType type) {
    if (!e) return NULL;
    switch (e->kind) {
    case E_LIST:
    case E_TUPLE:
        for (int i = 0; i < e->v.list.elts.len; i++) {
            Expr *c = invalid_target(e->v.list.elts.items[i], type);
            if (c) return c;
        }
        return NULL;
    case E_STARRED:
        if (type == DEL_TARGETS) return e;
        return invalid_target(e->v.starred.value, type);
    case E_COMPARE:
        if (type == FOR_TARGETS) {
            if (e->v.compare.ops[0] == CMP_IN) return invalid_target(e->v.compare.left, type);
            return NULL;
        }
        return e;
    case E_NAME:
    case E_SUBSCRIPT:
    case E_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

// Whether e is syntactically a target (star_targets / del_targets).
static bool valid_target(const Expr *e, bool allow_star) {
    switch (e->kind) {
    case E_NAME: case E_ATTRIBUTE: case E_SUBSCRIPT: return true;
    case E_STARRED: return allow_star && e->v.starred.value->kind != E_STARRED &&
                           valid_target(e->v.starred.value, allow_star);
    case E_LIST: case E_TUPLE:
        for (int i = 0; i < e->v.list.elts.len; i++)
            if (!valid_target(e->v.list.elts.items[i], allow_star)) return false;
        return true;
    default: return false;
    }
}

// Sets the context of a target tree (CPython's _PyPegen_set_expr_context).
static void set_context(Expr *e, ExprContext ctx) {
    switch (e->kind) {
    case E_NAME: e->v.name.ctx = ctx; break;
    case E_ATTRIBUTE: e->v.attribute.ctx = ctx; break;
    case E_SUBSCRIPT: e->v.subscript.ctx = ctx; break;
    case E_STARRED: e->v.starred.ctx = ctx; set_context(e->v.starred.value, ctx); break;
    case E_LIST: case E_TUPLE:
        e->v.list.ctx = ctx;
        for (int i = 0; i < e->v.list.elts.len; i++) set_context(e->v.list.elts.items[i], ctx);
        break;
    default: break;
    }
}

// RAISE_SYNTAX_ERROR_INVALID_TARGET: returns true when it raised.
static bool raise_invalid_target(Parser *p, TargetsType type, Expr *e) {
    Expr *bad = invalid_target(e, type);
    if (!bad) return false;
    raise_at(p, bad->loc, type == DEL_TARGETS ? "cannot delete %s" : "cannot assign to %s",
             expr_name(bad));
    return true;
}

// ---------------------------------------------------------------------------
// Expressions

static Expr *parse_expression(Parser *p);
static Expr *parse_named_expression(Parser *p);
static Expr *parse_star_expressions(Parser *p);
static Expr *parse_star_named_expression(Parser *p);
static Expr *parse_disjunction(Parser *p);
static Expr *parse_bitwise_or(Parser *p);
static Expr *parse_yield_expr(Parser *p);
static Expr *parse_atom(Parser *p);
static Expr *parse_strings(Parser *p);
static Arguments *parse_params(Parser *p, bool lambda);
static bool parse_for_if_clauses(Parser *p, CompVec *out);
static Expr *parse_target_list(Parser *p, bool *tuple);
static void for_target_error(Parser *p, int tstart);

// Tokens that can start an expression (for the "forgot a comma" hint).
static bool starts_expression(TokenKind k) {
    switch (k) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_LPAR: case TOK_LSQB:
    case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_ELLIPSIS:
    case TOK_KW_NONE: case TOK_KW_TRUE: case TOK_KW_FALSE: case TOK_KW_NOT:
    case TOK_KW_LAMBDA: case TOK_KW_AWAIT:
        return true;
    default:
        return false;
    }
}

// Tokens that can start an atom (and so a target).
static bool starts_atom(TokenKind k) {
    switch (k) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_LPAR: case TOK_LSQB:
    case TOK_LBRACE: case TOK_ELLIPSIS: case TOK_KW_NONE: case TOK_KW_TRUE: case TOK_KW_FALSE:
        return true;
    default:
        return false;
    }
}

static bool starts_star_expression(TokenKind k) {
    return k == TOK_STAR || starts_expression(k);
}

// Reading for a message rule, as CPython's second pass: errors are real,
// but the tokens read do not move the generic error position.
typedef struct { Mark m; } Second;

static Second second_begin(Parser *p) {
    p->nofill++;
    return (Second){mark(p)};
}

static void second_end(Parser *p, Second *s) {
    p->nofill--;
    reset(p, s->m);
}

// Trying an expression_without_invalid: message rules off, errors discarded.
typedef struct { Spec s; } Hint;

static Hint hint_begin(Parser *p) {
    p->quiet++;
    p->nofill++;
    return (Hint){spec_begin(p)};
}

static void hint_end(Parser *p, Hint *h) {
    spec_end(p, &h->s, true, NULL);
    p->quiet--;
    p->nofill--;
}

// invalid_expression and invalid_legacy_expression: `a` (a disjunction that
// started at token `start`) is followed by the start of another expression.
//
// invalid_expression: `a b` inside brackets is "Perhaps you forgot a comma?".
// invalid_legacy_expression: `print x` and `exec x`, where the rest is read
// as star_expressions with the message rules on.
static void check_juxtaposed(Parser *p, int start, Expr *a) {
    Token *t0 = tok_at(p, start);
    bool legacy = a->kind == E_NAME && p->pos == start + 1 &&
                  (tok_is_name(t0, "print") || tok_is_name(t0, "exec"));
    bool guarded = (t0->kind == TOK_NAME && tok_at(p, start + 1)->kind == TOK_STRING) ||
                   is_soft_keyword(t0);
    int after_a = p->pos;
    if (!guarded && !legacy) {
        Hint h = hint_begin(p);
        Expr *b = parse_expression(p);
        bool hit = b && last_token(p)->level > 0;
        Loc bloc = b ? b->loc : a->loc;
        hint_end(p, &h);
        if (failed_hard(p)) return;
        if (hit) {
            raise_range(p, a->loc, bloc, "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
    }
    if (legacy) {
        Second sec = second_begin(p);
        p->pos = start + 1;
        Expr *b = parse_star_expressions(p);
        Loc bloc = b ? b->loc : a->loc;
        second_end(p, &sec);
        if (failed_hard(p)) return;
        if (b) {
            const char *name = a->v.name.id;
            raise_range(p, a->loc, bloc, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                        name, name);
            return;
        }
    }
    p->pos = after_a;
}

static Expr *parse_lambdef(Parser *p) {
    int start = p->pos;
    advance(p);     // 'lambda'
    Arguments *args = NULL;
    if (!check(p, TOK_COLON)) {
        args = parse_params(p, true);
        if (!args) return NULL;
    } else {
        args = alloc(p, sizeof *args);
        if (!args) return NULL;
    }
    if (!accept(p, TOK_COLON)) return NULL;
    // Two levels, as CPython's parser spends on each nested lambda.
    if (!enter(p)) return NULL;
    Expr *body = parse_expression(p);
    leave(p);
    if (!body) return NULL;
    Expr *e = new_expr(p, E_LAMBDA, loc_from(p, start));
    if (!e) return NULL;
    e->v.lambda.args = args;
    e->v.lambda.body = body;
    return done_expr(p, e);
}

// expression: disjunction ['if' disjunction 'else' expression] | lambdef
static Expr *expression_body(Parser *p) {
    int start = p->pos;
    if (check(p, TOK_KW_LAMBDA)) return parse_lambdef(p);
    Expr *a = parse_disjunction(p);
    if (!a) return NULL;
    if (check(p, TOK_KW_IF)) {
        Mark m = mark(p);
        advance(p);
        Expr *b = parse_disjunction(p);
        if (!b) {
            if (failed_hard(p) || !p->quiet) return NULL;
            reset(p, m);
            return a;
        }
        if (!accept(p, TOK_KW_ELSE)) {
            if (p->quiet) { reset(p, m); return a; }
            if (!check(p, TOK_COLON))
                return raise_range(p, a->loc, b->loc, "expected 'else' after 'if' expression");
            return NULL;
        }
        Expr *c = parse_expression(p);
        if (!c) return NULL;
        Expr *e = new_expr(p, E_IFEXP, loc_from(p, start));
        if (!e) return NULL;
        e->v.ifexp.test = b;
        e->v.ifexp.body = a;
        e->v.ifexp.orelse = c;
        return done_expr(p, e);
    }
    if (!p->quiet && starts_expression(peek_kind(p))) {
        check_juxtaposed(p, start, a);
        if (failed_hard(p)) return NULL;
    }
    return a;
}

static Expr *parse_expression(Parser *p) {
    if (!enter(p)) return NULL;
    Expr *e = expression_body(p);
    leave(p);
    return e;
}

// The first token of e is a list or tuple display, a generator expression or
// True/None/False (the negative lookahead of invalid_named_expression).
static bool starts_with_display(Parser *p, int start) {
    Token *t = tok_at(p, start);
    if (t->kind == TOK_KW_TRUE || t->kind == TOK_KW_NONE || t->kind == TOK_KW_FALSE) return true;
    if (t->kind != TOK_LSQB && t->kind != TOK_LPAR) return false;
    Second sec = second_begin(p);
    p->pos = start;
    Expr *a = parse_atom(p);
    bool display = a && (a->kind == E_LIST || a->kind == E_GENEXP ||
                         (a->kind == E_TUPLE && a->loc.lineno == t->lineno &&
                          a->loc.col_offset == t->col_offset));
    second_end(p, &sec);
    return display;
}

// invalid_named_expression's '=' alternatives for the expression e that
// started at token `start` and is followed by '='. Raises or does nothing.
static void check_named_eq(Parser *p, int start, Expr *e) {
    int saved = p->pos;
    Token *t0 = tok_at(p, start);
    // NAME '=' bitwise_or !('='|':=')
    if (t0->kind == TOK_NAME && tok_at(p, start + 1)->kind == TOK_EQUAL) {
        Second sec = second_begin(p);
        p->pos = start + 2;
        Expr *b = parse_bitwise_or(p);
        bool hit = b && !check(p, TOK_EQUAL) && !check(p, TOK_COLONEQUAL);
        Loc bloc = b ? b->loc : e->loc;
        second_end(p, &sec);
        if (failed_hard(p)) return;
        if (hit) {
            raise_range(p, tok_loc(t0), bloc,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return;
        }
    }
    // !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
    if (!starts_with_display(p, start) && !failed_hard(p)) {
        Second sec = second_begin(p);
        p->pos = start;
        Expr *a = parse_bitwise_or(p);
        bool hit = false;
        if (a && accept(p, TOK_EQUAL)) {
            Expr *b = parse_bitwise_or(p);
            hit = b && !check(p, TOK_EQUAL) && !check(p, TOK_COLONEQUAL);
        }
        Loc aloc = a ? a->loc : e->loc;
        const char *what = a ? expr_name(a) : "";
        second_end(p, &sec);
        if (failed_hard(p)) return;
        if (hit) {
            raise_at(p, aloc, "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
            return;
        }
    }
    p->pos = saved;
}

// named_expression: NAME ':=' expression | expression !':='
static Expr *parse_named_expression(Parser *p) {
    int start = p->pos;
    if (check(p, TOK_NAME) && peek_n(p, 1)->kind == TOK_COLONEQUAL) {
        Token *n = advance(p);
        advance(p);
        Expr *value = parse_expression(p);
        if (!value) return NULL;
        Expr *target = mk_name(p, n, CTX_STORE);
        Expr *e = new_expr(p, E_NAMEDEXPR, loc_from(p, start));
        if (!e || !target) return NULL;
        e->v.namedexpr.target = target;
        e->v.namedexpr.value = value;
        return done_expr(p, e);
    }
    Expr *e = parse_expression(p);
    if (!e) return NULL;
    if (check(p, TOK_COLONEQUAL)) {
        if (!p->quiet) {
            // invalid_named_expression: expression ':=' expression
            Second sec = second_begin(p);
            advance(p);
            Expr *v = parse_expression(p);
            second_end(p, &sec);
            if (v && !failed_hard(p))
                return raise_at(p, e->loc, "cannot use assignment expressions with %s", expr_name(e));
        }
        return NULL;
    }
    if (check(p, TOK_EQUAL) && !p->quiet) {
        check_named_eq(p, start, e);
        if (failed_hard(p)) return NULL;
    }
    return e;
}

// star_named_expression: '*' bitwise_or | named_expression
static Expr *parse_star_named_expression(Parser *p) {
    if (check(p, TOK_STAR)) {
        int start = p->pos;
        advance(p);
        Expr *v = parse_bitwise_or(p);
        if (!v) return NULL;
        return mk_starred(p, v, loc_from(p, start));
    }
    return parse_named_expression(p);
}

// star_expression: '*' bitwise_or | expression
static Expr *parse_star_expression(Parser *p) {
    if (check(p, TOK_STAR)) {
        int start = p->pos;
        advance(p);
        Expr *v = parse_bitwise_or(p);
        if (!v) return NULL;
        return mk_starred(p, v, loc_from(p, start));
    }
    return parse_expression(p);
}

// Parses `item (',' item)* [',']`; a single item without a comma is returned
// as is, else a Tuple. *had_comma tells which.
static Expr *parse_comma_list(Parser *p, Expr *(*item)(Parser *), bool *had_comma) {
    int start = p->pos;
    Expr *first = item(p);
    if (had_comma) *had_comma = false;
    if (!first) return NULL;
    if (!check(p, TOK_COMMA)) return first;
    if (had_comma) *had_comma = true;
    ExprVec elts = {0};
    if (!ExprVec_push(p, &elts, first)) return NULL;
    while (accept(p, TOK_COMMA)) {
        if (!starts_star_expression(peek_kind(p))) break;
        Mark m = mark(p);
        Expr *e = item(p);
        if (!e) {
            if (failed_hard(p)) return NULL;
            reset(p, m);
            break;
        }
        if (!ExprVec_push(p, &elts, e)) return NULL;
    }
    return mk_seq(p, E_TUPLE, elts, CTX_LOAD, loc_from(p, start));
}

static Expr *parse_star_expressions(Parser *p) {
    return parse_comma_list(p, parse_star_expression, NULL);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
static Expr *parse_yield_expr(Parser *p) {
    int start = p->pos;
    advance(p);     // 'yield'
    if (accept(p, TOK_KW_FROM)) {
        Expr *v = parse_expression(p);
        if (!v) return NULL;
        Expr *e = new_expr(p, E_YIELDFROM, loc_from(p, start));
        if (!e) return NULL;
        e->v.yieldfrom.value = v;
        return done_expr(p, e);
    }
    Expr *v = NULL;
    if (starts_star_expression(peek_kind(p))) {
        Mark m = mark(p);
        v = parse_star_expressions(p);
        if (!v) {
            if (failed_hard(p)) return NULL;
            reset(p, m);
        }
    }
    Expr *e = new_expr(p, E_YIELD, loc_from(p, start));
    if (!e) return NULL;
    e->v.yield.value = v;
    return done_expr(p, e);
}

// disjunction: conjunction ('or' conjunction)*; conjunction likewise with 'and'.
static Expr *parse_boolop(Parser *p, TokenKind kw, Expr *(*operand)(Parser *)) {
    int start = p->pos;
    Expr *a = operand(p);
    if (!a || !check(p, kw)) return a;
    ExprVec values = {0};
    if (!ExprVec_push(p, &values, a)) return NULL;
    while (check(p, kw)) {
        Mark m = mark(p);
        advance(p);
        Expr *b = operand(p);
        if (!b) {
            if (failed_hard(p)) return NULL;
            reset(p, m);
            break;
        }
        if (!ExprVec_push(p, &values, b)) return NULL;
    }
    if (values.len == 1) return a;
    Expr *e = new_expr(p, E_BOOLOP, loc_from(p, start));
    if (!e) return NULL;
    e->v.boolop.op = kw == TOK_KW_OR ? BOOL_OR : BOOL_AND;
    e->v.boolop.values = expr_seq(values);
    return done_expr(p, e);
}

static Expr *parse_comparison(Parser *p);

// inversion: 'not' inversion | comparison
static Expr *parse_inversion(Parser *p) {
    if (!check(p, TOK_KW_NOT)) return parse_comparison(p);
    int start = p->pos;
    if (!enter(p)) return NULL;
    advance(p);
    Expr *operand = parse_inversion(p);
    leave(p);
    if (!operand) return NULL;
    return mk_unary(p, UOP_NOT, operand, loc_from(p, start));
}

static Expr *parse_conjunction(Parser *p) { return parse_boolop(p, TOK_KW_AND, parse_inversion); }
static Expr *parse_disjunction(Parser *p) { return parse_boolop(p, TOK_KW_OR, parse_conjunction); }

// Reads a comparison operator (one or two tokens); false when there is none.
static bool comparison_op(Parser *p, CmpOpKind *op) {
    switch (peek_kind(p)) {
    case TOK_EQEQUAL: *op = CMP_EQ; break;
    case TOK_NOTEQUAL: *op = CMP_NOTEQ; break;
    case TOK_LESS: *op = CMP_LT; break;
    case TOK_LESSEQUAL: *op = CMP_LTE; break;
    case TOK_GREATER: *op = CMP_GT; break;
    case TOK_GREATEREQUAL: *op = CMP_GTE; break;
    case TOK_KW_IN: *op = CMP_IN; break;
    case TOK_KW_NOT:
        if (peek_n(p, 1)->kind != TOK_KW_IN) return false;
        advance(p);
        *op = CMP_NOTIN;
        break;
    case TOK_KW_IS:
        if (peek_n(p, 1)->kind == TOK_KW_NOT) {
            advance(p);
            *op = CMP_ISNOT;
        } else {
            *op = CMP_IS;
        }
        break;
    default:
        return false;
    }
    advance(p);
    return true;
}

// comparison: bitwise_or (compare_op bitwise_or)*
static Expr *parse_comparison(Parser *p) {
    int start = p->pos;
    Expr *left = parse_bitwise_or(p);
    if (!left) return NULL;
    CmpVec ops = {0};
    ExprVec comparators = {0};
    for (;;) {
        Mark m = mark(p);
        CmpOpKind op;
        if (!comparison_op(p, &op)) break;
        Expr *right = parse_bitwise_or(p);
        if (!right) {
            if (failed_hard(p)) return NULL;
            reset(p, m);
            break;
        }
        if (!CmpVec_push(p, &ops, op) || !ExprVec_push(p, &comparators, right)) return NULL;
    }
    if (ops.len == 0) return left;
    Expr *e = new_expr(p, E_COMPARE, loc_from(p, start));
    if (!e) return NULL;
    e->v.compare.left = left;
    e->v.compare.n = ops.len;
    e->v.compare.ops = ops.items;
    e->v.compare.comparators = expr_seq(comparators);
    return done_expr(p, e);
}

// Binary operator precedence: | ^ & (<< >>) (+ -) (* / // % @); 0 = not one.
static int binop_prec(TokenKind k, OperatorKind *op) {
    switch (k) {
    case TOK_VBAR: *op = OP_BITOR; return 1;
    case TOK_CIRCUMFLEX: *op = OP_BITXOR; return 2;
    case TOK_AMPER: *op = OP_BITAND; return 3;
    case TOK_LEFTSHIFT: *op = OP_LSHIFT; return 4;
    case TOK_RIGHTSHIFT: *op = OP_RSHIFT; return 4;
    case TOK_PLUS: *op = OP_ADD; return 5;
    case TOK_MINUS: *op = OP_SUB; return 5;
    case TOK_STAR: *op = OP_MUL; return 6;
    case TOK_SLASH: *op = OP_TRUEDIV; return 6;
    case TOK_DOUBLESLASH: *op = OP_FLOORDIV; return 6;
    case TOK_PERCENT: *op = OP_MOD; return 6;
    case TOK_AT: *op = OP_MATMUL; return 6;
    default: return 0;
    }
}

static Expr *parse_factor(Parser *p);

// Precedence climbing: extends `left` (which started at token `start`) with
// operators of precedence >= min_prec, all left-associative. When a right
// operand is missing the operator is left unread, as a PEG parser would.
static Expr *binary_rest(Parser *p, int start, Expr *left, int min_prec) {
    for (;;) {
        OperatorKind op;
        int prec = binop_prec(peek_kind(p), &op);
        if (prec == 0 || prec < min_prec) return left;
        Mark m = mark(p);
        advance(p);
        int rstart = p->pos;
        Expr *right = parse_factor(p);
        OperatorKind op2;
        if (right && binop_prec(peek_kind(p), &op2) > prec) right = binary_rest(p, rstart, right, prec + 1);
        if (!right) {
            if (failed_hard(p)) return NULL;
            reset(p, m);
            return left;
        }
        left = mk_binop(p, left, op, right, loc_from(p, start));
        if (!left) return NULL;
    }
}

static Expr *parse_bitwise_or(Parser *p) {
    int start = p->pos;
    Expr *left = parse_factor(p);
    if (!left) return NULL;
    return binary_rest(p, start, left, 1);
}

static Expr *parse_power(Parser *p);

// factor: ('+' | '-' | '~') factor | power
static Expr *parse_factor(Parser *p) {
    UnaryOpKind op;
    switch (peek_kind(p)) {
    case TOK_PLUS: op = UOP_UADD; break;
    case TOK_MINUS: op = UOP_USUB; break;
    case TOK_TILDE: op = UOP_INVERT; break;
    default: return parse_power(p);
    }
    int start = p->pos;
    if (!enter(p)) return NULL;
    advance(p);
    Expr *operand = parse_factor(p);
    leave(p);
    if (!operand) return NULL;
    return mk_unary(p, op, operand, loc_from(p, start));
}

static Expr *parse_primary(Parser *p);

// power: await_primary ['**' factor]; await_primary: 'await' primary | primary
static Expr *parse_power(Parser *p) {
    int start = p->pos;
    Expr *base;
    if (check(p, TOK_KW_AWAIT)) {
        advance(p);
        Expr *v = parse_primary(p);
        if (!v) return NULL;
        base = new_expr(p, E_AWAIT, loc_from(p, start));
        if (!base) return NULL;
        base->v.await_.value = v;
        base = done_expr(p, base);
    } else {
        base = parse_primary(p);
    }
    if (!base || !check(p, TOK_DOUBLESTAR)) return base;
    Mark m = mark(p);
    // Two levels, as CPython's parser spends on each nested '**'.
    if (!enter(p) || !enter(p)) return NULL;
    advance(p);
    Expr *exp = parse_factor(p);
    leave(p);
    leave(p);
    if (!exp) {
        if (failed_hard(p)) return NULL;
        reset(p, m);
        return base;
    }
    return mk_binop(p, base, OP_POW, exp, loc_from(p, start));
}

static Expr *parse_slices(Parser *p);
static Expr *parse_call(Parser *p, int start, Expr *func);

// primary: atom followed by any number of .NAME, (args) and [slices]
static Expr *parse_primary(Parser *p) {
    int start = p->pos;
    Expr *e = parse_atom(p);
    while (e) {
        Mark m = mark(p);
        Expr *next = NULL;
        if (accept(p, TOK_DOT)) {
            Token *name = accept(p, TOK_NAME);
            if (name) {
                next = new_expr(p, E_ATTRIBUTE, loc_from(p, start));
                if (!next) return NULL;
                next->v.attribute.value = e;
                next->v.attribute.attr = tok_str(p, name);
                next->v.attribute.ctx = CTX_LOAD;
                next = done_expr(p, next);
            }
        } else if (check(p, TOK_LPAR)) {
            next = parse_call(p, start, e);
        } else if (accept(p, TOK_LSQB)) {
            Expr *slice = parse_slices(p);
            if (slice && accept(p, TOK_RSQB)) {
                next = new_expr(p, E_SUBSCRIPT, loc_from(p, start));
                if (!next) return NULL;
                next->v.subscript.value = e;
                next->v.subscript.slice = slice;
                next->v.subscript.ctx = CTX_LOAD;
                next = done_expr(p, next);
            }
        } else {
            break;
        }
        if (!next) {
            if (failed_hard(p)) return NULL;
            reset(p, m);
            break;
        }
        e = next;
    }
    return e;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
static Expr *parse_slice(Parser *p) {
    int start = p->pos;
    Expr *lower = NULL;
    if (!check(p, TOK_COLON)) {
        if (check(p, TOK_STAR)) {   // starred_expression in a subscript tuple (3.11)
            advance(p);
            Expr *v = parse_expression(p);
            if (!v) return NULL;
            return mk_starred(p, v, loc_from(p, start));
        }
        lower = parse_named_expression(p);
        if (!lower || !check(p, TOK_COLON)) return lower;
        Token *t0 = tok_at(p, start);
        if (lower->kind == E_NAMEDEXPR && lower->loc.lineno == t0->lineno &&
            lower->loc.col_offset == t0->col_offset)
            return NULL;    // an unparenthesized walrus cannot start a slice
    }
    advance(p);     // ':'
    Expr *upper = NULL, *step = NULL;
    if (starts_expression(peek_kind(p))) {
        upper = parse_expression(p);
        if (!upper) return NULL;
    }
    if (accept(p, TOK_COLON) && starts_expression(peek_kind(p))) {
        step = parse_expression(p);
        if (!step) return NULL;
    }
    Expr *e = new_expr(p, E_SLICE, loc_from(p, start));
    if (!e) return NULL;
    e->v.slice.lower = lower;
    e->v.slice.upper = upper;
    e->v.slice.step = step;
    return done_expr(p, e);
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
static Expr *parse_slices(Parser *p) {
    int start = p->pos;
    Expr *first = parse_slice(p);
    if (!first) return NULL;
    // `a[*b]` is a one-element tuple.
    if (!check(p, TOK_COMMA) && first->kind != E_STARRED) return first;
    ExprVec elts = {0};
    if (!ExprVec_push(p, &elts, first)) return NULL;
    while (accept(p, TOK_COMMA)) {
        if (check(p, TOK_RSQB)) break;
        Expr *e = parse_slice(p);
        if (!e) return NULL;
        if (!ExprVec_push(p, &elts, e)) return NULL;
    }
    return mk_seq(p, E_TUPLE, elts, CTX_LOAD, loc_from(p, start));
}

// The last item of a comprehension, for error ranges
// (CPython's _PyPegen_get_last_comprehension_item).
static Loc last_comprehension_item(CompVec gens) {
    Comprehension *c = gens.items[gens.len - 1];
    if (c->ifs.len) return c->ifs.items[c->ifs.len - 1]->loc;
    return c->iter->loc;
}

static Expr *mk_comp(Parser *p, ExprKind kind, Expr *elt, Expr *value, CompVec gens, Loc loc) {
    Expr *e = new_expr(p, kind, loc);
    if (!e) return NULL;
    if (kind == E_DICTCOMP) {
        e->v.comp.key = elt;
        e->v.comp.value = value;
    } else {
        e->v.comp.elt = elt;
    }
    e->v.comp.generators = (ComprehensionSeq){gens.items, gens.len};
    return done_expr(p, e);
}

static bool at_comprehension(Parser *p) {
    return check(p, TOK_KW_FOR) || (check(p, TOK_KW_ASYNC) && peek_n(p, 1)->kind == TOK_KW_FOR);
}

// Call arguments: '(' [args] ')'. Also used for class bases.
typedef struct {
    ExprVec args;
    KeywordVec keywords;
    int lpar;                       // the '(' token
    bool seen_keyword, seen_dstar;  // `name=value` or `**mapping` seen
    bool positional_after_keyword;
} CallArgs;

// Reads for_if_clauses as a message rule does (without moving); *comma
// tells whether a ',' follows them.
static bool peek_for_if_clauses(Parser *p, CompVec *gens, bool *comma) {
    Second sec = second_begin(p);
    bool ok = parse_for_if_clauses(p, gens);
    if (comma) *comma = check(p, TOK_COMMA);
    second_end(p, &sec);
    return ok && !failed_hard(p);
}

static Keyword *mk_keyword(Parser *p, const char *arg, Expr *value, int start) {
    Keyword *k = alloc(p, sizeof *k);
    if (!k) return NULL;
    k->arg = arg;
    k->value = value;
    k->loc = loc_from(p, start);
    return k;
}

// '*' expression
static bool call_starred(Parser *p, CallArgs *c) {
    int start = p->pos;
    Token *star = peek(p);
    if (c->seen_dstar && !p->quiet) {
        raise_at(p, tok_loc(star), "iterable argument unpacking follows keyword argument unpacking");
        return false;
    }
    advance(p);
    Expr *v = parse_expression(p);
    if (!v) return false;
    Expr *s = mk_starred(p, v, loc_from(p, start));
    if (!s) return false;
    if (at_comprehension(p) && start == c->lpar + 1) {
        // invalid_comprehension: '(' starred_expression for_if_clauses
        CompVec gens = {0};
        if (!p->quiet && peek_for_if_clauses(p, &gens, NULL))
            raise_at(p, s->loc, "iterable unpacking cannot be used in comprehension");
        return false;
    }
    return ExprVec_push(p, &c->args, s);
}

// '**' expression
static bool call_dstar(Parser *p, CallArgs *c) {
    int start = p->pos;
    advance(p);
    Expr *v = parse_expression(p);
    if (!v) return false;
    Keyword *k = mk_keyword(p, NULL, v, start);
    c->seen_dstar = true;
    return k && KeywordVec_push(p, &c->keywords, k);
}

// NAME '=' expression (also True/None/False '=', which is an error)
static bool call_keyword(Parser *p, CallArgs *c) {
    int start = p->pos;
    Token *name = advance(p), *eq = advance(p);
    if (name->kind != TOK_NAME) {
        raise_range(p, tok_loc(name), tok_loc(eq), "cannot assign to %.*s", name->len, name->start);
        return false;
    }
    Expr *v = parse_expression(p);
    if (!v) return false;
    if (at_comprehension(p)) {
        // invalid_kwarg: NAME '=' expression for_if_clauses
        CompVec gens = {0};
        if (!p->quiet && peek_for_if_clauses(p, &gens, NULL))
            raise_range(p, tok_loc(name), tok_loc(eq),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return false;
    }
    Keyword *k = mk_keyword(p, tok_str(p, name), v, start);
    c->seen_keyword = true;
    return k && KeywordVec_push(p, &c->keywords, k);
}

// A positional argument, or the generator expression of `f(x for x in y)`.
// Sets *closed when that generator expression also read the ')'.
static bool call_positional(Parser *p, CallArgs *c, bool allow_genexp, bool *closed) {
    Expr *e;
    if (check(p, TOK_NAME) && peek_n(p, 1)->kind == TOK_COLONEQUAL) {
        e = parse_named_expression(p);
    } else {
        e = parse_expression(p);
        if (e && check(p, TOK_COLONEQUAL)) return false;
    }
    if (!e) return false;
    if (check(p, TOK_EQUAL) && !p->quiet) {
        raise_range(p, e->loc, tok_loc(peek(p)), "expression cannot contain assignment, perhaps you meant \"==\"?");
        return false;
    }
    if (!at_comprehension(p)) {
        if (c->seen_keyword || c->seen_dstar) c->positional_after_keyword = true;
        return ExprVec_push(p, &c->args, e);
    }
    bool first = c->args.len == 0 && c->keywords.len == 0;
    CompVec gens = {0};
    if (first && allow_genexp) {
        // primary genexp: '(' expression for_if_clauses ')'
        if (!parse_for_if_clauses(p, &gens)) return false;
        if (accept(p, TOK_RPAR)) {
            *closed = true;
            Expr *g = mk_comp(p, E_GENEXP, e, NULL, gens, loc_from(p, c->lpar));
            return g && ExprVec_push(p, &c->args, g);
        }
        if (check(p, TOK_COMMA) && !p->quiet)
            raise_range(p, e->loc, last_comprehension_item(gens), "Generator expression must be parenthesized");
        return false;
    }
    // invalid_arguments; CPython's first pass stops at the 'for'.
    bool comma;
    if (!p->quiet && peek_for_if_clauses(p, &gens, &comma) && (!first || comma))
        raise_range(p, e->loc, last_comprehension_item(gens), "Generator expression must be parenthesized");
    return false;
}

static bool parse_call_args(Parser *p, CallArgs *c, bool allow_genexp) {
    c->lpar = p->pos;
    advance(p);     // '('
    while (!check(p, TOK_RPAR)) {
        Token *t = peek(p);
        bool ok, closed = false;
        if (t->kind == TOK_STAR) {
            ok = call_starred(p, c);
        } else if (t->kind == TOK_DOUBLESTAR) {
            ok = call_dstar(p, c);
        } else if ((t->kind == TOK_NAME || t->kind == TOK_KW_TRUE || t->kind == TOK_KW_FALSE ||
                    t->kind == TOK_KW_NONE) && peek_n(p, 1)->kind == TOK_EQUAL) {
            ok = call_keyword(p, c);
        } else {
            ok = call_positional(p, c, allow_genexp, &closed);
        }
        if (!ok) return false;
        if (closed) return true;
        if (!accept(p, TOK_COMMA)) break;
    }
    if (c->positional_after_keyword && !p->quiet) {
        // invalid_arguments: args ',' args
        raise_last(p, "SyntaxError", c->seen_dstar ? "positional argument follows keyword argument unpacking"
                                                   : "positional argument follows keyword argument");
        return false;
    }
    return accept(p, TOK_RPAR) != NULL;
}

static Expr *parse_call(Parser *p, int start, Expr *func) {
    CallArgs a;
    memset(&a, 0, sizeof a);
    if (!parse_call_args(p, &a, true)) return NULL;
    Expr *e = new_expr(p, E_CALL, loc_from(p, start));
    if (!e) return NULL;
    e->v.call.func = func;
    e->v.call.args = expr_seq(a.args);
    e->v.call.keywords = (KeywordSeq){a.keywords.items, a.keywords.len};
    return done_expr(p, e);
}

// for_if_clause+: ['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*
static bool parse_for_if_clauses(Parser *p, CompVec *out) {
    while (at_comprehension(p)) {
        bool is_async = accept(p, TOK_KW_ASYNC) != NULL;
        advance(p);     // 'for'
        bool tuple;
        int tstart = p->pos;
        Expr *target = parse_target_list(p, &tuple);
        if (!target || !valid_target(target, true) || !check(p, TOK_KW_IN)) {
            if (!failed_hard(p)) for_target_error(p, tstart);
            return false;
        }
        advance(p);     // 'in'

        set_context(target, CTX_STORE);
        Expr *iter = parse_disjunction(p);
        if (!iter) return false;
        ExprVec ifs = {0};
        while (check(p, TOK_KW_IF)) {
            Mark m = mark(p);
            advance(p);
            Expr *cond = parse_disjunction(p);
            if (!cond) {
                if (failed_hard(p)) return false;
                reset(p, m);
                break;
            }
            if (!ExprVec_push(p, &ifs, cond)) return false;
        }
        Comprehension *c = alloc(p, sizeof *c);
        if (!c) return false;
        c->target = target;
        c->iter = iter;
        c->ifs = expr_seq(ifs);
        c->is_async = is_async;
        if (!CompVec_push(p, out, c)) return false;
    }
    return true;
}

// invalid_comprehension: `[*a for ...]` and `[a, b for ...]`.
// invalid_comprehension's first alternative re-reads a leading starred element
// of a display as '*' expression, with the message rules on.
static void starred_display_check(Parser *p, Expr *first, int star) {
    if (p->quiet || failed_hard(p) || first->kind != E_STARRED) return;
    TokenKind k = peek_kind(p);
    if (k == TOK_COMMA || k == TOK_RPAR || k == TOK_RSQB || k == TOK_RBRACE || at_comprehension(p)) return;
    Second sec = second_begin(p);
    p->pos = star + 1;
    parse_expression(p);
    second_end(p, &sec);
}

static void *comprehension_error(Parser *p, ExprVec elts, bool trailing_comma, Token *comma) {
    if (p->quiet) return NULL;
    Second sec = second_begin(p);
    CompVec gens = {0};
    bool ok = parse_for_if_clauses(p, &gens) && gens.len > 0;
    second_end(p, &sec);
    if (!ok || failed_hard(p)) return NULL;
    if (elts.len == 1 && !trailing_comma && elts.items[0]->kind == E_STARRED)
        return raise_at(p, elts.items[0]->loc, "iterable unpacking cannot be used in comprehension");
    if (elts.len == 1)
        return raise_range(p, elts.items[0]->loc, tok_loc(comma),
                           "did you forget parentheses around the comprehension target?");
    return raise_range(p, elts.items[0]->loc, elts.items[elts.len - 1]->loc,
                       "did you forget parentheses around the comprehension target?");
}

// Elements of a list, set or tuple display after the first, up to `close`.
// Returns false on failure. *comma_before_for is the comma preceding a stray
// `for`, for the error message.
static bool parse_display_rest(Parser *p, ExprVec *elts, TokenKind close, bool *trailing, Token **last_comma) {
    *trailing = false;
    while (check(p, TOK_COMMA)) {
        *last_comma = advance(p);
        *trailing = true;
        if (check(p, close) || at_comprehension(p)) break;
        Expr *e = parse_star_named_expression(p);
        if (!e) return false;
        if (!ExprVec_push(p, elts, e)) return false;
        *trailing = false;
    }
    return true;
}

// '(' ... ')': tuple, group, generator expression or yield group.
static Expr *parse_paren(Parser *p) {
    int start = p->pos;
    advance(p);     // '('
    if (accept(p, TOK_RPAR)) return mk_seq(p, E_TUPLE, (ExprVec){0}, CTX_LOAD, loc_from(p, start));
    if (check(p, TOK_KW_YIELD)) {
        Expr *y = parse_yield_expr(p);
        if (!y || !accept(p, TOK_RPAR)) return NULL;
        return y;
    }
    if (check(p, TOK_DOUBLESTAR)) {
        // invalid_group: '(' '**' expression ')'
        Token *ds = peek(p);
        if (!p->quiet) {
            Second sec = second_begin(p);
            advance(p);
            bool hit = parse_expression(p) && check(p, TOK_RPAR);
            second_end(p, &sec);
            if (hit && !failed_hard(p))
                return raise_at(p, tok_loc(ds), "cannot use double starred expression here");
        }
        return NULL;
    }
    int fstart = p->pos;
    Expr *first = parse_star_named_expression(p);
    if (!first) return NULL;
    starred_display_check(p, first, fstart);
    if (failed_hard(p)) return NULL;
    if (at_comprehension(p)) {
        ExprVec one = {0};
        if (first->kind == E_STARRED) {
            if (!ExprVec_push(p, &one, first)) return NULL;
            return comprehension_error(p, one, false, NULL);
        }
        CompVec gens = {0};
        if (!parse_for_if_clauses(p, &gens)) return NULL;
        if (!accept(p, TOK_RPAR)) return NULL;
        return mk_comp(p, E_GENEXP, first, NULL, gens, loc_from(p, start));
    }
    if (check(p, TOK_RPAR)) {
        if (first->kind == E_STARRED) {
            if (p->quiet) return NULL;
            return raise_at(p, first->loc, "cannot use starred expression here");
        }
        advance(p);
        return first;
    }
    if (!check(p, TOK_COMMA)) return NULL;
    ExprVec elts = {0};
    if (!ExprVec_push(p, &elts, first)) return NULL;
    bool trailing;
    Token *comma = NULL;
    if (!parse_display_rest(p, &elts, TOK_RPAR, &trailing, &comma)) return NULL;
    if (!accept(p, TOK_RPAR)) return NULL;
    return mk_seq(p, E_TUPLE, elts, CTX_LOAD, loc_from(p, start));
}

// '[' ... ']': list display or list comprehension.
static Expr *parse_bracket(Parser *p) {
    int start = p->pos;
    advance(p);     // '['
    ExprVec elts = {0};
    if (!check(p, TOK_RSQB)) {
        int fstart = p->pos;
        Expr *first = parse_star_named_expression(p);
        if (!first) return NULL;
        starred_display_check(p, first, fstart);
        if (failed_hard(p)) return NULL;
        if (at_comprehension(p)) {
            if (first->kind == E_STARRED) {
                if (!ExprVec_push(p, &elts, first)) return NULL;
                return comprehension_error(p, elts, false, NULL);
            }
            CompVec gens = {0};
            if (!parse_for_if_clauses(p, &gens)) return NULL;
            if (!accept(p, TOK_RSQB)) return NULL;
            return mk_comp(p, E_LISTCOMP, first, NULL, gens, loc_from(p, start));
        }
        if (!ExprVec_push(p, &elts, first)) return NULL;
        bool trailing;
        Token *comma = NULL;
        if (!parse_display_rest(p, &elts, TOK_RSQB, &trailing, &comma)) return NULL;
        if (at_comprehension(p)) return comprehension_error(p, elts, trailing, comma);
    }
    if (!accept(p, TOK_RSQB)) return NULL;
    return mk_seq(p, E_LIST, elts, CTX_LOAD, loc_from(p, start));
}

// The value after `key ':'` in a dict display, with CPython's messages.
static Expr *parse_dict_value(Parser *p, Token *colon) {
    if (!p->quiet) {
        if (check(p, TOK_STAR)) {
            Token *star = peek(p);
            Second sec = second_begin(p);
            advance(p);
            bool hit = parse_bitwise_or(p) != NULL;
            const Token *t = last_read(p);
            int end_line = p->lx.lineno, end_col = t->cur_col - 1;
            second_end(p, &sec);
            if (failed_hard(p)) return NULL;
            // RAISE_SYNTAX_ERROR_STARTING_FROM: up to where the tokenizer is.
            if (hit)
                return raise_loc(p, "SyntaxError", star->lineno, star->col_offset, end_line, end_col,
                                 "cannot use a starred expression in a dictionary value");
        }
        if (check(p, TOK_RBRACE) || check(p, TOK_COMMA))
            return raise_at(p, tok_loc(colon), "expression expected after dictionary key and ':'");
    }
    return parse_expression(p);
}

// '{' ... '}': dict, set, dict comprehension or set comprehension.
static Expr *parse_brace(Parser *p) {
    int start = p->pos;
    advance(p);     // '{'
    ExprVec keys = {0}, values = {0};
    if (accept(p, TOK_RBRACE)) {
        Expr *e = new_expr(p, E_DICT, loc_from(p, start));
        return e ? done_expr(p, e) : NULL;
    }
    Expr *first_key = NULL, *first_value = NULL;
    if (check(p, TOK_DOUBLESTAR)) {
        Token *ds = advance(p);
        first_value = parse_bitwise_or(p);
        if (!first_value) return NULL;
        if (at_comprehension(p)) {
            if (p->quiet) return NULL;
            Second sec = second_begin(p);
            CompVec gens = {0};
            bool hit = parse_for_if_clauses(p, &gens) && check(p, TOK_RBRACE);
            second_end(p, &sec);
            if (hit && !failed_hard(p)) return raise_at(p, tok_loc(ds), "dict unpacking cannot be used in dict comprehension");
            return NULL;
        }
    } else {
        int kstart = p->pos;
        Expr *first = parse_star_named_expression(p);
        if (!first) return NULL;
        starred_display_check(p, first, kstart);
        if (failed_hard(p)) return NULL;
        if (!check(p, TOK_COLON)) {
            // A set display or comprehension.
            ExprVec elts = {0};
            if (!ExprVec_push(p, &elts, first)) return NULL;
            if (at_comprehension(p)) {
                if (first->kind == E_STARRED) return comprehension_error(p, elts, false, NULL);
                CompVec gens = {0};
                if (!parse_for_if_clauses(p, &gens)) return NULL;
                if (!accept(p, TOK_RBRACE)) return NULL;
                return mk_comp(p, E_SETCOMP, first, NULL, gens, loc_from(p, start));
            }
            bool trailing;
            Token *comma = NULL;
            if (!parse_display_rest(p, &elts, TOK_RBRACE, &trailing, &comma)) return NULL;
            if (at_comprehension(p)) return comprehension_error(p, elts, trailing, comma);
            if (!accept(p, TOK_RBRACE)) return NULL;
            Expr *e = new_expr(p, E_SET, loc_from(p, start));
            if (!e) return NULL;
            e->v.set.elts = expr_seq(elts);
            return done_expr(p, e);
        }
        Token *t0 = tok_at(p, kstart);
        if (first->kind == E_STARRED ||
            (first->kind == E_NAMEDEXPR && first->loc.col_offset == t0->col_offset &&
             first->loc.lineno == t0->lineno))
            return NULL;
        Token *colon = advance(p);
        first_key = first;
        first_value = parse_dict_value(p, colon);
        if (!first_value) return NULL;
        if (at_comprehension(p)) {
            CompVec gens = {0};
            if (!parse_for_if_clauses(p, &gens)) return NULL;
            if (!accept(p, TOK_RBRACE)) return NULL;
            return mk_comp(p, E_DICTCOMP, first_key, first_value, gens, loc_from(p, start));
        }
    }
    if (!ExprVec_push(p, &keys, first_key) || !ExprVec_push(p, &values, first_value)) return NULL;
    while (accept(p, TOK_COMMA)) {
        if (check(p, TOK_RBRACE)) break;
        Expr *k = NULL, *v;
        if (accept(p, TOK_DOUBLESTAR)) {
            v = parse_bitwise_or(p);
            if (!v) return NULL;
        } else {
            k = parse_expression(p);
            if (!k) return NULL;
            Token *colon = accept(p, TOK_COLON);
            if (!colon) {
                if (p->quiet) return NULL;
                // invalid_kvpair: the caret goes on the last character of the key.
                return raise_loc(p, "SyntaxError", k->loc.lineno, k->loc.end_col_offset - 1,
                                 k->loc.end_lineno, -1, "':' expected after dictionary key");
            }
            v = parse_dict_value(p, colon);
            if (!v) return NULL;
        }
        if (!ExprVec_push(p, &keys, k) || !ExprVec_push(p, &values, v)) return NULL;
    }
    if (!accept(p, TOK_RBRACE)) return NULL;
    Expr *e = new_expr(p, E_DICT, loc_from(p, start));
    if (!e) return NULL;
    e->v.dict.keys = expr_seq(keys);
    e->v.dict.values = expr_seq(values);
    return done_expr(p, e);
}

static Expr *parse_number(Parser *p) {
    Token *t = advance(p);
    const char *digits = NULL;
    size_t n = 0;
    double f = 0;
    int kind = lexer_number_value(p->arena, t->start, t->len, &digits, &n, &f);
    if (!kind) { p->errs->oom = true; return NULL; }
    // Decimal literals obey the int/str conversion limit (_PyPegen_number_token:
    // the ValueError becomes a SyntaxError without a column). Not those that
    // start with 0: prefixed ones, and zeros only, which CPython reads with
    // strtoul.
    if (kind == 'i' && t->start[0] != '0' && parse_int_max_str_digits > 0) {
        size_t nd = 0;
        for (int i = 0; i < t->len; i++) nd += t->start[i] != '_';
        if (nd > (size_t)parse_int_max_str_digits)
            return raise_loc(p, "SyntaxError", t->lineno, -1, t->end_lineno, -1,
                             "Exceeds the limit (%d digits) for integer string conversion: value has %zu "
                             "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                             "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                             parse_int_max_str_digits, nd);
    }
    Expr *e = mk_const(p, kind == 'i' ? CONST_INT : kind == 'f' ? CONST_FLOAT : CONST_IMAG, tok_loc(t));
    if (!e) return NULL;
    e->v.constant.s = digits;
    e->v.constant.len = n;
    e->v.constant.f = f;
    return e;
}

// atom: NAME | True | False | None | strings | NUMBER | '(' | '[' | '{' | '...'
static Expr *parse_atom(Parser *p) {
    Token *t = peek(p);
    switch (t->kind) {
    case TOK_NAME:
        advance(p);
        return mk_name(p, t, CTX_LOAD);
    case TOK_KW_TRUE: advance(p); return mk_const(p, CONST_TRUE, tok_loc(t));
    case TOK_KW_FALSE: advance(p); return mk_const(p, CONST_FALSE, tok_loc(t));
    case TOK_KW_NONE: advance(p); return mk_const(p, CONST_NONE, tok_loc(t));
    case TOK_ELLIPSIS: advance(p); return mk_const(p, CONST_ELLIPSIS, tok_loc(t));
    case TOK_NUMBER: return parse_number(p);
    case TOK_STRING: return parse_strings(p);
    case TOK_LPAR: return parse_paren(p);
    case TOK_LSQB: return parse_bracket(p);
    case TOK_LBRACE: return parse_brace(p);
    default: return NULL;
    }
}

// Targets of `for` (statement and comprehension): star_targets, parsed as
// `['*'] bitwise_or (',' ['*'] bitwise_or)* [',']` and validated by the caller.
static Expr *target_item(Parser *p) {
    if (check(p, TOK_STAR)) {
        int start = p->pos;
        advance(p);
        Expr *v = parse_bitwise_or(p);
        if (!v) return NULL;
        return mk_starred(p, v, loc_from(p, start));
    }
    return parse_bitwise_or(p);
}

static Expr *parse_target_list(Parser *p, bool *tuple) {
    return parse_comma_list(p, target_item, tuple);
}

// ---------------------------------------------------------------------------
// Strings and f-strings (CPython 3.11's Parser/string_parser.c)

static Expr *parse_expression_list_fstring(Parser *p);

// The state of one JoinedStr being built (CPython's FstringParser).
typedef struct {
    ExprVec values;     // finished parts
    char *text;         // the pending literal text (never empty when len > 0)
    size_t len, cap;
    bool fmode;         // an f-string was seen: the result is a JoinedStr
} FState;

static bool fs_append(Parser *p, FState *st, const char *s, size_t n) {
    if (n == 0) return true;
    if (st->len + n + 1 > st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 64;
        while (cap < st->len + n + 1) cap *= 2;
        char *t = alloc(p, cap);
        if (!t) return false;
        if (st->len) memcpy(t, st->text, st->len);
        st->text = t;
        st->cap = cap;
    }
    memcpy(st->text + st->len, s, n);
    st->len += n;
    return true;
}

static Loc tokens_loc(const Token *first, const Token *last) {
    return (Loc){first->lineno, first->col_offset, last->end_lineno, last->end_col_offset};
}

// CPython's make_str_node_and_del: kind 'u' comes from the first token.
static Expr *make_str(Parser *p, const char *s, size_t n, const Token *first, const Token *last) {
    Expr *e = mk_const(p, CONST_STR, tokens_loc(first, last));
    if (!e) return NULL;
    e->v.constant.s = str_dup(p, s ? s : "", n);
    e->v.constant.len = n;
    e->v.constant.is_u = first->start[0] == 'u';
    return e->v.constant.s ? e : NULL;
}

// Turns the pending literal into a Constant part.
static bool fs_flush(Parser *p, FState *st, const Token *first, const Token *last) {
    if (st->len == 0) return true;
    Expr *e = make_str(p, st->text, st->len, first, last);
    st->len = 0;
    st->cap = 0;
    st->text = NULL;
    return e && ExprVec_push(p, &st->values, e);
}

static Expr *fs_finish(Parser *p, FState *st, const Token *first, const Token *last) {
    if (!st->fmode) return make_str(p, st->text, st->len, first, last);
    if (!fs_flush(p, st, first, last)) return NULL;
    Expr *e = new_expr(p, E_JOINEDSTR, tokens_loc(first, last));
    if (!e) return NULL;
    e->v.joinedstr.values = expr_seq(st->values);
    return done_expr(p, e);
}

// Appends decoded literal text [s, s+n) (escapes processed unless raw).
static bool fs_append_literal(Parser *p, FState *st, const char *s, size_t n, bool raw) {
    if (raw || !memchr(s, '\\', n)) return fs_append(p, st, s, n);
    char *out;
    size_t out_len;
    char msg[256];
    if (!lexer_decode_string(p->arena, s, n, false, &out, &out_len, msg, sizeof msg)) {
        if (!msg[0]) { p->errs->oom = true; return false; }
        raise_last(p, "SyntaxError", "%s", msg);
        return false;
    }
    return fs_append(p, st, out, out_len);
}

// Reads literal text up to an expression or the end. Returns -1 on error, 1
// after a doubled brace (scanning continues), else 0.
static int fstring_find_literal(Parser *p, const char **str, const char *end, bool raw,
                                int recurse_lvl, FState *st) {
    const char *s = *str, *literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                // Skip "\N{name}" so its brace does not start an expression.
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    raise_last(p, "SyntaxError", "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (literal_start != s && !fs_append_literal(p, st, literal_start, (size_t)(s - literal_start), raw))
        return -1;
    return result;
}

// Parses the expression text [expr_start, expr_end) of a replacement field
// in token t, as CPython's fstring_compile_expr: "(" text ")" in a sub-parser.
static Expr *fstring_compile_expr(Parser *p, const char *expr_start, const char *expr_end, const Token *t) {
    const char *s = expr_start;
    while (s != expr_end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) s++;
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
            return raise_last(p, "SyntaxError", "f-string: expression required before '%c'", *expr_end);
        return raise_last(p, "SyntaxError", "f-string: empty expression not allowed");
    }
    // Where the expression is: lines and columns from the token's start
    // (CPython's fstring_find_expr_location).
    const char *brace = expr_start - 1, *tend = t->start + t->len;
    int lines = 0, cols = 0;
    bool newline_after_brace = true;
    for (const char *q = expr_start; q < tend && *q != '}' && *q != '\n'; q++) {
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    if (!newline_after_brace) {
        const char *q = brace;
        while (q > t->start && *q != '\n') q--;
        cols = (int)(brace - q);
        if (*q == '\n') cols -= 1;
    }
    for (const char *q = t->start; q < brace; q++)
        if (*q == '\n') lines++;

    size_t len = (size_t)(expr_end - expr_start);
    char *buf = alloc(p, len + 4);
    if (!buf) return NULL;
    buf[0] = '(';
    memcpy(buf + 1, expr_start, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\n';
    buf[len + 3] = '\0';

    Parser sub;
    memset(&sub, 0, sizeof sub);
    sub.arena = p->arena;
    sub.errs = p->errs;
    sub.mode = PARSE_FILE;  // CPython parses fields from a string, not interactively
    sub.depth = p->depth;
    sub.fstring = true;
    sub.shift_line = t->lineno + lines;
    sub.shift_col = lines ? cols : t->col_offset + cols;
    lexer_init_buffer(&sub.lx, buf, len + 3, t->lineno + lines);
    Expr *e = parse_expression_list_fstring(&sub);
    free_tokens(&sub);
    return e;
}

static int concat_fstring(Parser *p, FState *st, const char **str, const char *end, bool raw,
                          int recurse_lvl, const Token *first, const Token *t, const Token *last);

static Expr *fstring_parse_format_spec(Parser *p, const char **str, const char *end, bool raw,
                                       int recurse_lvl, const Token *first, const Token *t,
                                       const Token *last) {
    FState st;
    memset(&st, 0, sizeof st);
    if (concat_fstring(p, &st, str, end, raw, recurse_lvl, first, t, last) < 0) return NULL;
    return fs_finish(p, &st, t, t);
}

static bool py_isspace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Reads one replacement field starting at '{'; stores a FormattedValue in
// *expression and appends the `x=` text of a debugging field to st.
static int fstring_find_expr(Parser *p, const char **str, const char *end, bool raw, int recurse_lvl,
                             FState *st, Expr **expression, const Token *first, const Token *t,
                             const Token *last) {
    const char *expr_start, *expr_end, *text_end = NULL;
    Expr *format_spec = NULL;
    int conversion = -1;
    char quote_char = 0;
    int string_type = 0, nested_depth = 0;
    char parenstack[LEXER_MAXLEVEL];

    if (recurse_lvl >= 2) {
        raise_last(p, "SyntaxError", "f-string: expressions nested too deeply");
        return -1;
    }
    *str += 1;      // the '{'
    expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            raise_last(p, "SyntaxError", "f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                    }
                } else {
                    string_type = 0;
                    quote_char = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (nested_depth >= LEXER_MAXLEVEL) {
                raise_last(p, "SyntaxError", "f-string: too many nested parenthesis");
                return -1;
            }
            parenstack[nested_depth++] = ch;
        } else if (ch == '#') {
            raise_last(p, "SyntaxError", "f-string expression part cannot include '#'");
            return -1;
        } else if (nested_depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                    (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!nested_depth) {
                raise_last(p, "SyntaxError", "f-string: unmatched '%c'", ch);
                return -1;
            }
            nested_depth--;
            int opening = (unsigned char)parenstack[nested_depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                raise_last(p, "SyntaxError",
                           "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                           ch, opening);
                return -1;
            }
        }
    }
    expr_end = *str;
    if (quote_char) {
        raise_last(p, "SyntaxError", "f-string: unterminated string");
        return -1;
    }
    if (nested_depth) {
        raise_last(p, "SyntaxError", "f-string: unmatched '%c'", parenstack[nested_depth - 1]);
        return -1;
    }
    if (*str >= end) goto unexpected_end;

    Expr *value = fstring_compile_expr(p, expr_start, expr_end, t);
    if (!value) return -1;

    if (**str == '=') {
        *str += 1;
        while (*str < end && py_isspace(**str)) *str += 1;
        if (*str >= end) goto unexpected_end;
        text_end = *str;
    }
    if (**str == '!') {
        *str += 1;
        if (*str >= end) goto unexpected_end;
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            raise_last(p, "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
    }
    if (*str < end && **str == ':') {
        *str += 1;
        if (*str >= end) goto unexpected_end;
        format_spec = fstring_parse_format_spec(p, str, end, raw, recurse_lvl + 1, first, t, last);
        if (!format_spec) return -1;
    }
    if (*str >= end || **str != '}') goto unexpected_end;
    *str += 1;
    if (text_end) {
        if (!fs_append(p, st, expr_start, (size_t)(text_end - expr_start))) return -1;
        if (!format_spec && conversion == -1) conversion = 'r';
    }
    Expr *fv = new_expr(p, E_FORMATTEDVALUE, tokens_loc(first, last));
    if (!fv) return -1;
    fv->v.formattedvalue.value = value;
    fv->v.formattedvalue.conversion = conversion;
    fv->v.formattedvalue.format_spec = format_spec;
    *expression = done_expr(p, fv);
    return *expression ? 0 : -1;

unexpected_end:
    raise_last(p, "SyntaxError", "f-string: expecting '}'");
    return -1;
}

// Adds the parts of one f-string body (or format spec, when recurse_lvl > 0).
static int concat_fstring(Parser *p, FState *st, const char **str, const char *end, bool raw,
                          int recurse_lvl, const Token *first, const Token *t, const Token *last) {
    st->fmode = true;
    for (;;) {
        int result = fstring_find_literal(p, str, end, raw, recurse_lvl, st);
        if (result < 0) return -1;
        if (result == 1) continue;
        if (*str >= end || **str == '}') break;
        Expr *expression = NULL;
        if (fstring_find_expr(p, str, end, raw, recurse_lvl, st, &expression, first, t, last) < 0)
            return -1;
        if (!fs_flush(p, st, first, last) || !ExprVec_push(p, &st->values, expression)) return -1;
    }
    if (recurse_lvl == 0 && *str < end - 1) {
        raise_last(p, "SyntaxError", "f-string: unexpected end of string");
        return -1;
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        raise_last(p, "SyntaxError", "f-string: expecting '}'");
        return -1;
    }
    return 0;
}

static Expr *concat_strings(Parser *p);

// strings: STRING+ (CPython's _PyPegen_concatenate_strings). Errors here come
// from CPython's actions, not from rules: they are raised even while the
// parser is only trying something, so speculation is suspended.
static Expr *parse_strings(Parser *p) {
    int spec = p->errs->spec;
    bool spec_set = p->errs->spec_set;
    p->errs->spec = 0;
    Expr *e = concat_strings(p);
    p->errs->spec = spec;
    p->errs->spec_set = spec_set;
    return e;
}

static Expr *concat_strings(Parser *p) {
    int first_i = p->pos;
    while (check(p, TOK_STRING)) advance(p);
    int last_i = p->pos - 1;
    const Token *first = tok_at(p, first_i), *last = tok_at(p, last_i);
    FState st;
    memset(&st, 0, sizeof st);
    bool bytesmode = false;
    FState bytes;
    memset(&bytes, 0, sizeof bytes);
    for (int i = first_i; i <= last_i; i++) {
        const Token *t = tok_at(p, i);
        StringParts sp;
        lexer_string_parts(t, &sp);
        const char *text = sp.body;
        size_t text_len = sp.body_len;
        if (!sp.fstring) {
            if (sp.bytes) {
                for (size_t k = 0; k < sp.body_len; k++) {
                    if ((unsigned char)sp.body[k] >= 0x80)
                        return raise_at(p, tok_loc(t), "bytes can only contain ASCII literal characters");
                }
            }
            if (!sp.raw && memchr(sp.body, '\\', sp.body_len)) {
                char *out;
                char msg[256];
                if (!lexer_decode_string(p->arena, sp.body, sp.body_len, sp.bytes, &out, &text_len,
                                         msg, sizeof msg)) {
                    if (!msg[0]) { p->errs->oom = true; return NULL; }
                    return raise_last(p, "SyntaxError", "%s", msg);
                }
                text = out;
            }
        }
        if (i != first_i && bytesmode != sp.bytes)
            return raise_last(p, "SyntaxError", "cannot mix bytes and nonbytes literals");
        bytesmode = sp.bytes;
        if (sp.fstring) {
            const char *s = sp.body;
            if (concat_fstring(p, &st, &s, sp.body + sp.body_len, sp.raw, 0, first, t, last) < 0)
                return NULL;
        } else if (!fs_append(p, bytesmode ? &bytes : &st, text, text_len)) {
            return NULL;
        }
    }
    if (bytesmode) {
        Expr *e = mk_const(p, CONST_BYTES, tokens_loc(first, last));
        if (!e) return NULL;
        e->v.constant.s = str_dup(p, bytes.text ? bytes.text : "", bytes.len);
        e->v.constant.len = bytes.len;
        return e->v.constant.s ? e : NULL;
    }
    return fs_finish(p, &st, first, last);
}

// ---------------------------------------------------------------------------
// Function and lambda parameters

// param: NAME [':' expression] (no annotation for lambda; `*args` may be
// annotated with a starred expression).
static Arg *parse_param(Parser *p, bool lambda, bool star) {
    int start = p->pos;
    Token *name = accept(p, TOK_NAME);
    if (!name) return NULL;
    Expr *annotation = NULL;
    if (!lambda && accept(p, TOK_COLON)) {
        annotation = star && check(p, TOK_STAR) ? parse_star_expression(p) : parse_expression(p);
        if (!annotation) return NULL;
    }
    Arg *a = alloc(p, sizeof *a);
    if (!a) return NULL;
    a->name = tok_str(p, name);
    a->annotation = annotation;
    a->loc = loc_from(p, start);
    return a;
}

static bool params_end(Parser *p, bool lambda) {
    return check(p, lambda ? TOK_COLON : TOK_RPAR);
}

// The parameters read so far.
typedef struct {
    Arguments *args;
    bool lambda;            // lambda parameters: no annotations, ':' ends them
    ArgVec plain, kwonly;   // before and after the '*'
    ExprVec defaults, kw_defaults;
    bool seen_slash, seen_star, seen_default;
} Params;

// '/': the parameters so far are positional-only.
static bool params_slash(Parser *p, Params *ps) {
    Token *t = peek(p);
    if (p->quiet) return false;
    if (ps->plain.len == 0 && !ps->seen_star && !ps->seen_slash) {
        p->nofill++;    // only CPython's second pass looks past the '/'
        bool comma = peek_n(p, 1)->kind == TOK_COMMA;
        p->nofill--;
        if (comma) raise_at(p, tok_loc(t), "at least one argument must precede /");
        return false;
    }
    if (ps->seen_slash) return raise_at(p, tok_loc(t), "/ may appear only once"), false;
    if (ps->seen_star) return raise_at(p, tok_loc(t), "/ must be ahead of *"), false;
    advance(p);
    ps->seen_slash = true;
    ps->args->posonlyargs = (ArgSeq){ps->plain.items, ps->plain.len};
    ps->plain = (ArgVec){0};
    if (check(p, TOK_STAR)) return raise_at(p, tok_loc(peek(p)), "expected comma between / and *"), false;
    return true;
}

// '*' [param]: the var-positional parameter, or a bare '*'.
static bool params_star(Parser *p, Params *ps) {
    Token *t = peek(p);
    if (ps->seen_star) {
        // invalid_star_etc: ... '*' (param_no_default | ',')
        if (p->quiet) return false;
        Second sec = second_begin(p);
        advance(p);
        bool hit = check(p, TOK_COMMA);
        if (!hit && parse_param(p, ps->lambda, true)) hit = check(p, TOK_COMMA) || params_end(p, ps->lambda);
        second_end(p, &sec);
        if (hit && !failed_hard(p)) raise_at(p, tok_loc(t), "* argument may appear only once");
        return false;
    }
    advance(p);
    ps->seen_star = true;
    if (check(p, TOK_COMMA) || params_end(p, ps->lambda)) {
        // A bare '*' must be followed by a named parameter; CPython's rule is
        // '*' (')' | ',' (')' | '**')), with ':' for lambda.
        Token *after = check(p, TOK_COMMA) ? peek_n(p, 1) : peek(p);
        if (after->kind == TOK_NAME || after->kind == TOK_STAR) return true;
        if (p->quiet) return false;
        if (params_end(p, ps->lambda) || after->kind == TOK_DOUBLESTAR ||
            after->kind == (ps->lambda ? TOK_COLON : TOK_RPAR)) {
            if (ps->lambda) raise_last(p, "SyntaxError", "named arguments must follow bare *");
            else raise_at(p, tok_loc(t), "named arguments must follow bare *");
        }
        return false;
    }
    Arg *a = parse_param(p, ps->lambda, true);
    if (!a) return false;
    ps->args->vararg = a;
    if (check(p, TOK_EQUAL) && !p->quiet)
        raise_at(p, tok_loc(peek(p)), "var-positional argument cannot have default value");
    return !check(p, TOK_EQUAL);
}

// '**' param, which must be the last parameter.
static bool params_dstar(Parser *p, Params *ps) {
    advance(p);
    Arg *a = parse_param(p, ps->lambda, false);
    if (!a) return false;
    ps->args->kwarg = a;
    if (check(p, TOK_EQUAL)) {
        if (!p->quiet) raise_at(p, tok_loc(peek(p)), "var-keyword argument cannot have default value");
        return false;
    }
    if (!check(p, TOK_COMMA) || params_end(p, ps->lambda) || peek_n(p, 1)->kind == TOK_RPAR ||
        peek_n(p, 1)->kind == TOK_COLON)
        return true;
    if (p->quiet) return false;
    advance(p);
    Token *n = peek(p);
    if (n->kind == TOK_NAME) {
        Second sec = second_begin(p);
        Arg *bad = parse_param(p, ps->lambda, false);
        Loc bl = bad ? bad->loc : tok_loc(n);
        second_end(p, &sec);
        if (!failed_hard(p)) raise_at(p, bl, "arguments cannot follow var-keyword argument");
    } else if (n->kind == TOK_STAR || n->kind == TOK_DOUBLESTAR || n->kind == TOK_SLASH) {
        raise_at(p, tok_loc(n), "arguments cannot follow var-keyword argument");
    }
    return false;
}

// NAME [annotation] ['=' default]
static bool params_named(Parser *p, Params *ps) {
    Arg *a = parse_param(p, ps->lambda, false);
    if (!a) return false;
    Expr *def = NULL;
    if (check(p, TOK_EQUAL)) {
        Token *eq = advance(p);
        if ((check(p, TOK_COMMA) || check(p, TOK_RPAR)) && !p->quiet) {
            raise_at(p, tok_loc(eq), "expected default value expression");
            return false;
        }
        def = parse_expression(p);
        if (!def) return false;
    }
    if (ps->seen_star) return ArgVec_push(p, &ps->kwonly, a) && ExprVec_push(p, &ps->kw_defaults, def);
    if (def) {
        ps->seen_default = true;
        if (!ExprVec_push(p, &ps->defaults, def)) return false;
    } else if (ps->seen_default) {
        // invalid_parameters: ... param_no_default (a param followed by ',' or the end)
        if (!p->quiet && (check(p, TOK_COMMA) || params_end(p, ps->lambda)))
            raise_at(p, a->loc, "non-default argument follows default argument");
        return false;
    }
    return ArgVec_push(p, &ps->plain, a);
}

// invalid_parameters: '(' param_no_default+ ','? ')' -- `def f((a, b))`.
static void params_parenthesized(Parser *p, Params *ps) {
    Token *t = peek(p);
    if (p->quiet || ps->seen_star) return;
    Hint h = hint_begin(p);
    advance(p);
    int n = 0;
    while (check(p, TOK_NAME)) {
        advance(p);
        n++;
        if (!accept(p, TOK_COMMA)) break;
    }
    Token *close = check(p, TOK_RPAR) ? peek(p) : NULL;
    hint_end(p, &h);
    if (n > 0 && close)
        raise_range(p, tok_loc(t), tok_loc(close), "%s cannot be parenthesized",
                    ps->lambda ? "Lambda expression parameters" : "Function parameters");
}

// Parses parameters up to ')' (def) or ':' (lambda), with CPython's messages
// for misplaced '/', '*', '**' and defaults.
static Arguments *parse_params(Parser *p, bool lambda) {
    Params ps;
    memset(&ps, 0, sizeof ps);
    ps.lambda = lambda;
    ps.args = alloc(p, sizeof *ps.args);
    if (!ps.args) return NULL;
    while (!params_end(p, lambda)) {
        bool ok;
        switch (peek_kind(p)) {
        case TOK_SLASH: ok = params_slash(p, &ps); break;
        case TOK_STAR: ok = params_star(p, &ps); break;
        case TOK_DOUBLESTAR: ok = params_dstar(p, &ps); break;
        case TOK_NAME: ok = params_named(p, &ps); break;
        case TOK_LPAR: params_parenthesized(p, &ps); ok = false; break;
        default: ok = false; break;
        }
        if (!ok) return NULL;
        if (ps.args->kwarg) {
            accept(p, TOK_COMMA);
            break;
        }
        if (!accept(p, TOK_COMMA)) break;
    }
    ps.args->args = (ArgSeq){ps.plain.items, ps.plain.len};
    ps.args->kwonlyargs = (ArgSeq){ps.kwonly.items, ps.kwonly.len};
    ps.args->kw_defaults = expr_seq(ps.kw_defaults);
    ps.args->defaults = expr_seq(ps.defaults);
    return ps.args;
}

// ---------------------------------------------------------------------------
// Statements

static bool parse_statement(Parser *p, StmtVec *out);
static bool parse_simple_stmts(Parser *p, StmtVec *out);

// block: NEWLINE INDENT statements DEDENT | simple_stmts. `what` names the
// header for "expected an indented block after ... on line N".
static bool parse_block(Parser *p, StmtVec *body, const char *what, int lineno) {
    if (!check(p, TOK_NEWLINE)) return parse_simple_stmts(p, body);
    advance(p);
    if (!check(p, TOK_INDENT)) {
        if (p->quiet || failed_hard(p)) return false;
        raise_last(p, "IndentationError", "expected an indented block after %s on line %d", what, lineno);
        return false;
    }
    advance(p);
    while (!check(p, TOK_DEDENT)) {
        if (!parse_statement(p, body)) return false;
    }
    advance(p);
    return true;
}

// "expected ':'" where CPython's invalid_*_stmt rules see a NEWLINE instead.
static bool expect_colon(Parser *p) {
    if (accept(p, TOK_COLON)) return true;
    if (check(p, TOK_NEWLINE) && !p->quiet) raise_last(p, "SyntaxError", "expected ':'");
    return false;
}

// A forced token (&&':' in the grammar): "expected 'X'" at the current token.
static bool expect_forced(Parser *p, TokenKind k) {
    if (accept(p, k)) return true;
    raise_at(p, tok_loc(peek(p)), "expected '%s'", token_kind_spelling(k));
    return false;
}

// ['else' ':' block]
static bool parse_else(Parser *p, StmtVec *orelse) {
    if (!check(p, TOK_KW_ELSE)) return true;
    Token *kw = advance(p);
    if (!expect_forced(p, TOK_COLON)) return false;
    return parse_block(p, orelse, "'else' statement", kw->lineno);
}

static Stmt *parse_if_stmt(Parser *p) {
    // if/elif chains are collected, then built inside out: each If spans
    // from its keyword to the end of the whole chain.
    typedef struct { int start; Expr *test; StmtVec body; } Clause;
    Clause *clauses = NULL;
    int n = 0, cap = 0;
    StmtVec orelse = {0};
    for (;;) {
        int start = p->pos;
        Token *kw = advance(p);     // 'if' or 'elif'
        bool is_elif = kw->kind == TOK_KW_ELIF;
        Expr *test = parse_named_expression(p);
        if (!test || !expect_colon(p)) return NULL;
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            Clause *c = alloc(p, sizeof *c * (size_t)cap);
            if (!c) return NULL;
            if (n) memcpy(c, clauses, sizeof *c * (size_t)n);
            clauses = c;
        }
        clauses[n] = (Clause){start, test, {0}};
        if (!parse_block(p, &clauses[n].body, is_elif ? "'elif' statement" : "'if' statement",
                         is_elif ? kw->lineno : test->loc.lineno))
            return NULL;
        n++;
        if (!check(p, TOK_KW_ELIF)) break;
        // CPython's grammar recurses once per elif: a long chain overflows
        // its parser stack (MemoryError) before the AST depth matters.
        if (p->depth + n > MAX_PARSE_DEPTH) {
            p->errs->fatal = "MemoryError";
            return NULL;
        }
    }
    if (!parse_else(p, &orelse)) return NULL;
    Stmt *s = NULL;
    for (int i = n - 1; i >= 0; i--) {
        s = new_stmt(p, S_IF, loc_from(p, clauses[i].start));
        if (!s) return NULL;
        s->v.if_.test = clauses[i].test;
        s->v.if_.body = stmt_seq(clauses[i].body);
        s->v.if_.orelse = stmt_seq(orelse);
        s = done_stmt(p, s);
        if (!s) return NULL;
        orelse = (StmtVec){0};
        if (!StmtVec_push(p, &orelse, s)) return NULL;
    }
    return s;
}

static Stmt *parse_while_stmt(Parser *p) {
    int start = p->pos;
    Token *kw = advance(p);
    Expr *test = parse_named_expression(p);
    if (!test || !expect_colon(p)) return NULL;
    StmtVec body = {0}, orelse = {0};
    if (!parse_block(p, &body, "'while' statement", kw->lineno) || !parse_else(p, &orelse)) return NULL;
    Stmt *s = new_stmt(p, S_WHILE, loc_from(p, start));
    if (!s) return NULL;
    s->v.while_.test = test;
    s->v.while_.body = stmt_seq(body);
    s->v.while_.orelse = stmt_seq(orelse);
    return done_stmt(p, s);
}

// Raises CPython's message for an invalid `for` target (invalid_for_target),
// re-reading the target as star_expressions from token tstart.
static void for_target_error(Parser *p, int tstart) {
    if (p->quiet) return;
    Second sec = second_begin(p);
    p->pos = tstart;
    Expr *all = parse_star_expressions(p);
    second_end(p, &sec);
    if (all && !failed_hard(p)) raise_invalid_target(p, FOR_TARGETS, all);
}

static Stmt *parse_for_stmt(Parser *p, int start, bool is_async) {
    Token *kw = advance(p);     // 'for'
    int tstart = p->pos;
    bool tuple;
    Expr *target = parse_target_list(p, &tuple);
    if (!target) {
        if (!failed_hard(p)) for_target_error(p, tstart);
        return NULL;
    }
    if (!valid_target(target, true)) {
        for_target_error(p, tstart);
        return NULL;
    }
    if (!accept(p, TOK_KW_IN)) {
        for_target_error(p, tstart);
        return NULL;
    }
    set_context(target, CTX_STORE);
    Expr *iter = parse_star_expressions(p);
    if (!iter || !expect_colon(p)) return NULL;
    StmtVec body = {0}, orelse = {0};
    if (!parse_block(p, &body, "'for' statement", kw->lineno) || !parse_else(p, &orelse)) return NULL;
    Stmt *s = new_stmt(p, S_FOR, loc_from(p, start));
    if (!s) return NULL;
    s->v.for_.target = target;
    s->v.for_.iter = iter;
    s->v.for_.body = stmt_seq(body);
    s->v.for_.orelse = stmt_seq(orelse);
    s->v.for_.is_async = is_async;
    return done_stmt(p, s);
}

// with_item: expression ['as' star_target &(',' | ')' | ':')]
static WithItem *parse_with_item(Parser *p) {
    Expr *ctx = parse_expression(p);
    if (!ctx) return NULL;
    Expr *vars = NULL;
    if (accept(p, TOK_KW_AS)) {
        int tstart = p->pos;
        vars = target_item(p);
        // A NEWLINE here is left to expect_colon(): "expected ':'" (invalid_with_stmt).
        bool follow = check(p, TOK_COMMA) || check(p, TOK_RPAR) || check(p, TOK_COLON) ||
                      check(p, TOK_NEWLINE);
        if (!vars || !valid_target(vars, true) || !follow) {
            if (failed_hard(p) || p->quiet) return NULL;
            // invalid_with_item: expression 'as' expression &(',' | ')' | ':')
            Second sec = second_begin(p);
            p->pos = tstart;
            Expr *e = parse_expression(p);
            bool hit = e && (check(p, TOK_COMMA) || check(p, TOK_RPAR) || check(p, TOK_COLON));
            second_end(p, &sec);
            if (hit && !failed_hard(p)) raise_invalid_target(p, STAR_TARGETS, e);
            return NULL;
        }
        set_context(vars, CTX_STORE);
    }
    WithItem *w = alloc(p, sizeof *w);
    if (!w) return NULL;
    w->context_expr = ctx;
    w->optional_vars = vars;
    return w;
}

static bool parse_with_items(Parser *p, WithItemVec *items, bool parenthesized) {
    for (;;) {
        WithItem *w = parse_with_item(p);
        if (!w || !WithItemVec_push(p, items, w)) return false;
        if (!accept(p, TOK_COMMA)) return true;
        if (parenthesized && check(p, TOK_RPAR)) return true;
    }
}

static Stmt *parse_with_stmt(Parser *p, int start, bool is_async) {
    Token *kw = advance(p);     // 'with'
    WithItemVec items = {0};
    bool ok = false;
    ParseError saved;
    bool have_saved = false;
    if (check(p, TOK_LPAR)) {
        // 'with' '(' ','.with_item+ ','? ')' ':' -- else the '(' starts an expression.
        Spec sp = spec_begin(p);
        advance(p);
        ok = parse_with_items(p, &items, true) && accept(p, TOK_RPAR) && check(p, TOK_COLON);
        have_saved = spec_end(p, &sp, !ok, &saved);
        if (!ok) items = (WithItemVec){0};
        if (!ok && failed_hard(p)) return NULL;
    }
    if (!ok) {
        if (!parse_with_items(p, &items, false)) {
            if (have_saved && !failed_hard(p)) raise_saved(p, &saved);
            return NULL;
        }
    }
    if (!expect_colon(p)) {
        if (have_saved && !failed_hard(p)) raise_saved(p, &saved);
        return NULL;
    }
    StmtVec body = {0};
    if (!parse_block(p, &body, "'with' statement", kw->lineno)) return NULL;
    Stmt *s = new_stmt(p, S_WITH, loc_from(p, start));
    if (!s) return NULL;
    s->v.with.items = (WithItemSeq){items.items, items.len};
    s->v.with.body = stmt_seq(body);
    s->v.with.is_async = is_async;
    return done_stmt(p, s);
}

// except_block / except_star_block. *star tells which one it was.
static ExceptHandler *parse_except_block(Parser *p, bool *star) {
    int start = p->pos;
    Token *kw = advance(p);     // 'except'
    *star = accept(p, TOK_STAR) != NULL;
    ExceptHandler *h = alloc(p, sizeof *h);
    if (!h) return NULL;
    if (*star && (check(p, TOK_COLON) || check(p, TOK_NEWLINE))) {
        // invalid_except_star_stmt: 'except' '*' (NEWLINE | ':')
        if (!p->quiet) raise_last(p, "SyntaxError", "expected one or more exception types");
        return NULL;
    }
    if (!check(p, TOK_COLON)) {
        if (check(p, TOK_NEWLINE)) {
            if (!p->quiet) raise_last(p, "SyntaxError", "expected ':'");
            return NULL;
        }
        h->type = parse_expression(p);
        if (!h->type) return NULL;
        if (check(p, TOK_COMMA) && !p->quiet) {
            // invalid_except_stmt: 'except' '*'? expression ',' expressions ['as' NAME] ':'
            Second sec = second_begin(p);
            advance(p);
            bool hit = parse_comma_list(p, parse_expression, NULL) != NULL;
            if (hit && accept(p, TOK_KW_AS)) hit = accept(p, TOK_NAME) != NULL;
            hit = hit && check(p, TOK_COLON);
            second_end(p, &sec);
            if (failed_hard(p)) return NULL;
            if (hit) return raise_from(p, h->type->loc, "multiple exception types must be parenthesized");
        }
        if (accept(p, TOK_KW_AS)) {
            Token *name = accept(p, TOK_NAME);
            if (!name) return NULL;
            h->name = tok_str(p, name);
        }
    }
    if (!expect_colon(p)) return NULL;
    StmtVec body = {0};
    if (!parse_block(p, &body, *star ? "'except*' statement" : "'except' statement", kw->lineno)) return NULL;
    h->body = stmt_seq(body);
    h->loc = loc_from(p, start);
    return h;
}

static Stmt *parse_try_stmt(Parser *p) {
    int start = p->pos;
    Token *kw = advance(p);
    if (!expect_forced(p, TOK_COLON)) return NULL;
    StmtVec body = {0}, orelse = {0}, finalbody = {0};
    HandlerVec handlers = {0};
    bool is_star = false;
    if (!parse_block(p, &body, "'try' statement", kw->lineno)) return NULL;
    while (check(p, TOK_KW_EXCEPT)) {
        Token *ek = peek(p), *star = peek_n(p, 1);
        bool this_star = star->kind == TOK_STAR;
        if (handlers.len > 0 && this_star != is_star) {
            // invalid_try_stmt: except and except* on one try.
            if (p->quiet) return NULL;
            if (this_star)
                return raise_range(p, tok_loc(ek), tok_loc(star),
                                   "cannot have both 'except' and 'except*' on the same 'try'");
            return raise_at(p, tok_loc(ek), "cannot have both 'except' and 'except*' on the same 'try'");
        }
        ExceptHandler *h = parse_except_block(p, &is_star);
        if (!h || !HandlerVec_push(p, &handlers, h)) return NULL;
    }
    if (handlers.len > 0 && !parse_else(p, &orelse)) return NULL;
    if (check(p, TOK_KW_FINALLY)) {
        Token *fk = advance(p);
        if (!expect_forced(p, TOK_COLON)) return NULL;
        if (!parse_block(p, &finalbody, "'finally' statement", fk->lineno)) return NULL;
    } else if (handlers.len == 0) {
        if (!p->quiet) raise_last(p, "SyntaxError", "expected 'except' or 'finally' block");
        return NULL;
    }
    Stmt *s = new_stmt(p, S_TRY, loc_from(p, start));
    if (!s) return NULL;
    s->v.try_.body = stmt_seq(body);
    s->v.try_.handlers = (ExceptHandlerSeq){handlers.items, handlers.len};
    s->v.try_.orelse = stmt_seq(orelse);
    s->v.try_.finalbody = stmt_seq(finalbody);
    s->v.try_.is_star = is_star;
    return done_stmt(p, s);
}

static Stmt *parse_funcdef(Parser *p, int start, ExprVec decorators, bool is_async) {
    Token *kw = advance(p);     // 'def'
    Token *name = accept(p, TOK_NAME);
    if (!name || !expect_forced(p, TOK_LPAR)) return NULL;
    Arguments *args;
    if (check(p, TOK_RPAR)) {
        args = alloc(p, sizeof *args);
    } else {
        args = parse_params(p, false);
    }
    if (!args || !accept(p, TOK_RPAR)) return NULL;
    Expr *returns = NULL;
    if (check(p, TOK_RARROW)) {
        Mark m = mark(p);
        advance(p);
        returns = parse_expression(p);
        if (!returns) {
            if (failed_hard(p)) return NULL;
            reset(p, m);
        }
    }
    if (!expect_forced(p, TOK_COLON)) return NULL;
    StmtVec body = {0};
    if (!parse_block(p, &body, "function definition", kw->lineno)) return NULL;
    Stmt *s = new_stmt(p, S_FUNCTIONDEF, loc_from(p, start));
    if (!s) return NULL;
    s->v.funcdef.name = tok_str(p, name);
    s->v.funcdef.args = args;
    s->v.funcdef.body = stmt_seq(body);
    s->v.funcdef.decorator_list = expr_seq(decorators);
    s->v.funcdef.returns = returns;
    s->v.funcdef.is_async = is_async;
    return done_stmt(p, s);
}

static Stmt *parse_classdef(Parser *p, int start, ExprVec decorators) {
    Token *kw = advance(p);     // 'class'
    Token *name = accept(p, TOK_NAME);
    if (!name) return NULL;
    CallArgs a;
    memset(&a, 0, sizeof a);
    if (check(p, TOK_LPAR) && !parse_call_args(p, &a, false)) return NULL;
    if (!expect_colon(p)) return NULL;
    StmtVec body = {0};
    if (!parse_block(p, &body, "class definition", kw->lineno)) return NULL;
    Stmt *s = new_stmt(p, S_CLASSDEF, loc_from(p, start));
    if (!s) return NULL;
    s->v.classdef.name = tok_str(p, name);
    s->v.classdef.bases = expr_seq(a.args);
    s->v.classdef.keywords = (KeywordSeq){a.keywords.items, a.keywords.len};
    s->v.classdef.body = stmt_seq(body);
    s->v.classdef.decorator_list = expr_seq(decorators);
    return done_stmt(p, s);
}

// decorators: ('@' named_expression NEWLINE)+, then a def or class.
static Stmt *parse_decorated(Parser *p) {
    ExprVec decorators = {0};
    while (accept(p, TOK_AT)) {
        Expr *d = parse_named_expression(p);
        if (!d || !accept(p, TOK_NEWLINE) || !ExprVec_push(p, &decorators, d)) return NULL;
    }
    int start = p->pos;
    if (check(p, TOK_KW_DEF)) return parse_funcdef(p, start, decorators, false);
    if (check(p, TOK_KW_CLASS)) return parse_classdef(p, start, decorators);
    if (check(p, TOK_KW_ASYNC) && peek_n(p, 1)->kind == TOK_KW_DEF) {
        advance(p);
        return parse_funcdef(p, start, decorators, true);
    }
    return NULL;
}

static bool is_compound_start(Parser *p) {
    switch (peek_kind(p)) {
    case TOK_KW_DEF: case TOK_AT: case TOK_KW_CLASS: case TOK_KW_IF: case TOK_KW_WHILE:
    case TOK_KW_FOR: case TOK_KW_TRY: case TOK_KW_WITH: case TOK_KW_ASYNC:
        return true;
    default:
        return false;
    }
}

static Stmt *parse_compound(Parser *p) {
    int start = p->pos;
    switch (peek_kind(p)) {
    case TOK_KW_DEF: return parse_funcdef(p, start, (ExprVec){0}, false);
    case TOK_AT: return parse_decorated(p);
    case TOK_KW_CLASS: return parse_classdef(p, start, (ExprVec){0});
    case TOK_KW_IF: return parse_if_stmt(p);
    case TOK_KW_WHILE: return parse_while_stmt(p);
    case TOK_KW_FOR: return parse_for_stmt(p, start, false);
    case TOK_KW_TRY: return parse_try_stmt(p);
    case TOK_KW_WITH: return parse_with_stmt(p, start, false);
    case TOK_KW_ASYNC: {
        TokenKind next = peek_n(p, 1)->kind;
        if (next == TOK_KW_DEF) { advance(p); return parse_funcdef(p, start, (ExprVec){0}, true); }
        if (next == TOK_KW_FOR) { advance(p); return parse_for_stmt(p, start, true); }
        if (next == TOK_KW_WITH) { advance(p); return parse_with_stmt(p, start, true); }
        return NULL;
    }
    default:
        return NULL;
    }
}

// ---------------------------------------------------------------------------
// Simple statements

static bool augassign_op(TokenKind k, OperatorKind *op) {
    switch (k) {
    case TOK_PLUSEQUAL: *op = OP_ADD; return true;
    case TOK_MINEQUAL: *op = OP_SUB; return true;
    case TOK_STAREQUAL: *op = OP_MUL; return true;
    case TOK_ATEQUAL: *op = OP_MATMUL; return true;
    case TOK_SLASHEQUAL: *op = OP_TRUEDIV; return true;
    case TOK_PERCENTEQUAL: *op = OP_MOD; return true;
    case TOK_AMPEREQUAL: *op = OP_BITAND; return true;
    case TOK_VBAREQUAL: *op = OP_BITOR; return true;
    case TOK_CIRCUMFLEXEQUAL: *op = OP_BITXOR; return true;
    case TOK_LEFTSHIFTEQUAL: *op = OP_LSHIFT; return true;
    case TOK_RIGHTSHIFTEQUAL: *op = OP_RSHIFT; return true;
    case TOK_DOUBLESTAREQUAL: *op = OP_POW; return true;
    case TOK_DOUBLESLASHEQUAL: *op = OP_FLOORDIV; return true;
    default: return false;
    }
}

// Whether e (which started at token start) is written inside parentheses
// of its own, like `(x)`.
static bool is_parenthesized(Parser *p, Expr *e, int start) {
    Token *t = tok_at(p, start);
    return t->kind == TOK_LPAR && !(e->loc.lineno == t->lineno && e->loc.col_offset == t->col_offset);
}

static Expr *parse_annotated_rhs(Parser *p) {
    return check(p, TOK_KW_YIELD) ? parse_yield_expr(p) : parse_star_expressions(p);
}

// Annotated assignment: target (started at token start) is followed by ':'.
static Stmt *parse_annassign(Parser *p, int start, Expr *target) {
    bool single = target->kind == E_NAME || target->kind == E_ATTRIBUTE || target->kind == E_SUBSCRIPT;
    if (!single) {
        // CPython's first pass stops at the ':'; the message rules need an annotation.
        if (p->quiet || target->kind == E_STARRED) return NULL;
        Second sec = second_begin(p);
        advance(p);
        bool hit = parse_expression(p) != NULL;
        second_end(p, &sec);
        if (!hit || failed_hard(p)) return NULL;
        if (target->kind == E_TUPLE && !is_parenthesized(p, target, start) &&
            tok_at(p, start)->kind != TOK_LPAR)
            return raise_at(p, target->v.list.elts.items[0]->loc,
                            "only single target (not tuple) can be annotated");
        if (target->kind == E_LIST || target->kind == E_TUPLE)
            return raise_at(p, target->loc, "only single target (not %s) can be annotated",
                            expr_name(target));
        return raise_at(p, target->loc, "illegal target for annotation");
    }
    advance(p);     // ':'
    Expr *annotation = parse_expression(p);
    if (!annotation) return NULL;
    Expr *value = NULL;
    if (accept(p, TOK_EQUAL)) {
        value = parse_annotated_rhs(p);
        if (!value) return NULL;
    }
    set_context(target, CTX_STORE);
    Stmt *s = new_stmt(p, S_ANNASSIGN, loc_from(p, start));
    if (!s) return NULL;
    s->v.annassign.target = target;
    s->v.annassign.annotation = annotation;
    s->v.annassign.value = value;
    s->v.annassign.simple = target->kind == E_NAME && !is_parenthesized(p, target, start);
    return done_stmt(p, s);
}

DEFINE_VEC(IntVec, int)

// CPython's invalid_assignment, in its order, for a chain of `items` (which
// started at tokens `starts`), each followed by '='.
// `first_single` tells whether the first item is one expression, not a bare tuple.
static void assignment_error(Parser *p, ExprVec items, IntVec starts, bool first_single, int eq) {
    if (p->quiet || failed_hard(p)) return;
    Expr *first = items.items[0];
    if (first_single && first->kind != E_STARRED && tok_at(p, starts.items[0])->kind != TOK_KW_YIELD) {
        check_named_eq(p, starts.items[0], first);
        if (failed_hard(p)) return;
    } else if (!first_single && first->kind == E_TUPLE) {
        // star_named_expression ',' star_named_expressions: the element
        // before the '=' goes through invalid_named_expression.
        ExprSeq elts = first->v.list.elts;
        Expr *last = elts.items[elts.len - 1];
        int level = tok_at(p, eq)->level, i = eq - 1;
        while (i > starts.items[0] && !(tok_at(p, i)->kind == TOK_COMMA && tok_at(p, i)->level == level)) i--;
        if (i < eq - 1 && tok_at(p, i)->kind == TOK_COMMA && last->kind != E_STARRED) {
            check_named_eq(p, i + 1, last);
            if (failed_hard(p)) return;
        }
    }
    for (int i = 0; i < items.len; i++) {
        Expr *e = items.items[i];
        if (valid_target(e, true)) continue;
        if (tok_at(p, starts.items[i])->kind == TOK_KW_YIELD) {
            raise_at(p, e->loc, "assignment to yield expression not possible");
            return;
        }
        raise_invalid_target(p, STAR_TARGETS, e);
        return;
    }
}

// Assignment, augmented or annotated assignment, or an expression statement.
static Stmt *parse_expr_stmt(Parser *p) {
    int start = p->pos;
    if (check(p, TOK_NAME) && peek_n(p, 1)->kind == TOK_COLON) {
        Token *n = advance(p);
        Expr *target = mk_name(p, n, CTX_STORE);
        if (!target) return NULL;
        return parse_annassign(p, start, target);
    }
    bool first_tuple = false;
    Expr *first;
    if (check(p, TOK_KW_YIELD)) first = parse_yield_expr(p);
    else first = parse_comma_list(p, parse_star_expression, &first_tuple);
    if (!first) return NULL;

    OperatorKind op;
    if (check(p, TOK_COLON)) return parse_annassign(p, start, first);
    if (check(p, TOK_COLONEQUAL) && !first_tuple && first->kind != E_NAME &&
        first->kind != E_STARRED && !p->quiet) {
        // invalid_named_expression via invalid_assignment: expression ':=' expression
        Second sec = second_begin(p);
        advance(p);
        bool hit = parse_expression(p) != NULL;
        second_end(p, &sec);
        if (hit && !failed_hard(p))
            return raise_at(p, first->loc, "cannot use assignment expressions with %s", expr_name(first));
        return NULL;
    }
    if (augassign_op(peek_kind(p), &op)) {
        bool single = !first_tuple && (first->kind == E_NAME || first->kind == E_ATTRIBUTE ||
                                       first->kind == E_SUBSCRIPT);
        if (!single) {
            // CPython's first pass stops at the operator; the message rule
            // (invalid_assignment) also needs the right-hand side.
            if (p->quiet) return NULL;
            Second sec = second_begin(p);
            advance(p);
            bool hit = parse_annotated_rhs(p) != NULL;
            second_end(p, &sec);
            if (hit && !failed_hard(p))
                raise_at(p, first->loc, "'%s' is an illegal expression for augmented assignment",
                         expr_name(first));
            return NULL;
        }
        advance(p);
        Expr *value = parse_annotated_rhs(p);
        if (!value) return NULL;
        set_context(first, CTX_STORE);
        Stmt *s = new_stmt(p, S_AUGASSIGN, loc_from(p, start));
        if (!s) return NULL;
        s->v.augassign.target = first;
        s->v.augassign.op = op;
        s->v.augassign.value = value;
        return done_stmt(p, s);
    }
    if (!check(p, TOK_EQUAL)) {
        Stmt *s = new_stmt(p, S_EXPR, loc_from(p, start));
        if (!s) return NULL;
        s->v.expr.value = first;
        return done_stmt(p, s);
    }
    // The chain `t1 = t2 = ... = value`. CPython's message rules report an
    // invalid target as soon as they have read the '=' after it.
    int eq = p->pos;    // the first '='
    ExprVec items = {0};
    IntVec starts = {0};
    if (!ExprVec_push(p, &items, first) || !IntVec_push(p, &starts, start)) return NULL;
    if (!valid_target(first, true)) {
        assignment_error(p, items, starts, !first_tuple, eq);
        return NULL;
    }
    while (accept(p, TOK_EQUAL)) {
        int istart = p->pos;
        Expr *e = parse_annotated_rhs(p);
        // Without a value, a PEG parser has matched `targets = <shorter
        // value>` and fails later, generically.
        if (!e) return NULL;
        if (!ExprVec_push(p, &items, e) || !IntVec_push(p, &starts, istart)) return NULL;
        if (check(p, TOK_EQUAL) && !valid_target(e, true)) {
            assignment_error(p, items, starts, !first_tuple, eq);
            return NULL;
        }
    }
    ExprVec targets = {items.items, items.len - 1, items.cap};
    for (int i = 0; i < targets.len; i++) set_context(targets.items[i], CTX_STORE);
    Stmt *s = new_stmt(p, S_ASSIGN, loc_from(p, start));
    if (!s) return NULL;
    s->v.assign.targets = expr_seq(targets);
    s->v.assign.value = items.items[items.len - 1];
    return done_stmt(p, s);
}

static Stmt *parse_return_stmt(Parser *p) {
    int start = p->pos;
    advance(p);
    Expr *value = NULL;
    if (starts_star_expression(peek_kind(p))) {
        value = parse_star_expressions(p);
        if (!value) return NULL;
    }
    Stmt *s = new_stmt(p, S_RETURN, loc_from(p, start));
    if (!s) return NULL;
    s->v.return_.value = value;
    return done_stmt(p, s);
}

static Stmt *parse_raise_stmt(Parser *p) {
    int start = p->pos;
    advance(p);
    Expr *exc = NULL, *cause = NULL;
    if (starts_expression(peek_kind(p))) {
        exc = parse_expression(p);
        if (!exc) return NULL;
        if (accept(p, TOK_KW_FROM)) {
            cause = parse_expression(p);
            if (!cause) return NULL;
        }
    }
    Stmt *s = new_stmt(p, S_RAISE, loc_from(p, start));
    if (!s) return NULL;
    s->v.raise.exc = exc;
    s->v.raise.cause = cause;
    return done_stmt(p, s);
}

static Stmt *parse_global_stmt(Parser *p) {
    int start = p->pos;
    bool nonlocal = advance(p)->kind == TOK_KW_NONLOCAL;
    NameVec names = {0};
    do {
        Token *n = accept(p, TOK_NAME);
        if (!n) return NULL;
        if (!NameVec_push(p, &names, tok_str(p, n))) return NULL;
    } while (accept(p, TOK_COMMA));
    Stmt *s = new_stmt(p, nonlocal ? S_NONLOCAL : S_GLOBAL, loc_from(p, start));
    if (!s) return NULL;
    s->v.global.n = names.len;
    s->v.global.names = names.items;
    return done_stmt(p, s);
}

static Stmt *parse_assert_stmt(Parser *p) {
    int start = p->pos;
    advance(p);
    Expr *test = parse_expression(p), *msg = NULL;
    if (!test) return NULL;
    if (accept(p, TOK_COMMA)) {
        msg = parse_expression(p);
        if (!msg) return NULL;
    }
    Stmt *s = new_stmt(p, S_ASSERT, loc_from(p, start));
    if (!s) return NULL;
    s->v.assert_.test = test;
    s->v.assert_.msg = msg;
    return done_stmt(p, s);
}

// del_stmt: 'del' del_targets &(';' | NEWLINE)
static Stmt *parse_del_stmt(Parser *p) {
    int start = p->pos;
    advance(p);
    int tstart = p->pos;
    ExprVec targets = {0};
    bool ok = true;
    for (;;) {
        if (!starts_atom(peek_kind(p))) { ok = targets.len > 0; break; }
        Mark m = mark(p);
        Expr *e = parse_bitwise_or(p);
        if (!e) {
            if (failed_hard(p)) return NULL;
            reset(p, m);
            ok = false;
            break;
        }
        if (!valid_target(e, false)) { ok = false; break; }
        if (!ExprVec_push(p, &targets, e)) return NULL;
        if (!accept(p, TOK_COMMA)) break;
    }
    if (!ok || !(check(p, TOK_SEMI) || check(p, TOK_NEWLINE))) {
        // invalid_del_stmt: 'del' star_expressions
        if (p->quiet || failed_hard(p)) return NULL;
        Second sec = second_begin(p);
        p->pos = tstart;
        Expr *all = parse_star_expressions(p);
        second_end(p, &sec);
        if (all && !failed_hard(p)) raise_invalid_target(p, DEL_TARGETS, all);
        return NULL;
    }
    for (int i = 0; i < targets.len; i++) set_context(targets.items[i], CTX_DEL);
    Stmt *s = new_stmt(p, S_DELETE, loc_from(p, start));
    if (!s) return NULL;
    s->v.delete_.targets = expr_seq(targets);
    return done_stmt(p, s);
}

// dotted_name: NAME ('.' NAME)*
static const char *parse_dotted_name(Parser *p) {
    Token *first = accept(p, TOK_NAME);
    if (!first) return NULL;
    const char *s = first->start, *e = first->start + first->len;
    bool simple = true;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    while (check(p, TOK_DOT) && peek_n(p, 1)->kind == TOK_NAME) {
        advance(p);
        Token *n = advance(p);
        if (simple) {
            cap = (size_t)(e - s) + (size_t)n->len + 64;
            buf = alloc(p, cap);
            if (!buf) return NULL;
            memcpy(buf, s, (size_t)(e - s));
            len = (size_t)(e - s);
            simple = false;
        }
        if (len + (size_t)n->len + 2 > cap) {
            cap = (len + (size_t)n->len + 2) * 2;
            char *nb = alloc(p, cap);
            if (!nb) return NULL;
            memcpy(nb, buf, len);
            buf = nb;
        }
        buf[len++] = '.';
        memcpy(buf + len, n->start, (size_t)n->len);
        len += (size_t)n->len;
    }
    if (simple) return str_dup(p, s, (size_t)(e - s));
    buf[len] = '\0';
    return buf;
}

static Alias *parse_alias(Parser *p, bool dotted) {
    int start = p->pos;
    const char *name;
    if (dotted) {
        name = parse_dotted_name(p);
    } else {
        Token *n = accept(p, TOK_NAME);
        name = n ? tok_str(p, n) : NULL;
    }
    if (!name) return NULL;
    const char *asname = NULL;
    if (accept(p, TOK_KW_AS)) {
        Token *n = accept(p, TOK_NAME);
        if (!n) return NULL;
        asname = tok_str(p, n);
    }
    Alias *a = alloc(p, sizeof *a);
    if (!a) return NULL;
    a->name = name;
    a->asname = asname;
    a->loc = loc_from(p, start);
    return a;
}

static Stmt *parse_import_name(Parser *p) {
    int start = p->pos;
    advance(p);
    AliasVec names = {0};
    do {
        Alias *a = parse_alias(p, true);
        if (!a || !AliasVec_push(p, &names, a)) return NULL;
    } while (accept(p, TOK_COMMA));
    Stmt *s = new_stmt(p, S_IMPORT, loc_from(p, start));
    if (!s) return NULL;
    s->v.import.names = (AliasSeq){names.items, names.len};
    return done_stmt(p, s);
}

static Stmt *parse_import_from(Parser *p) {
    int start = p->pos;
    advance(p);     // 'from'
    int level = 0;
    for (;;) {
        if (accept(p, TOK_DOT)) level += 1;
        else if (accept(p, TOK_ELLIPSIS)) level += 3;
        else break;
    }
    const char *module = NULL;
    if (check(p, TOK_NAME)) {
        module = parse_dotted_name(p);
        if (!module) return NULL;
    } else if (level == 0) {
        return NULL;
    }
    if (!accept(p, TOK_KW_IMPORT)) return NULL;
    AliasVec names = {0};
    if (check(p, TOK_STAR)) {
        Token *star = advance(p);
        Alias *a = alloc(p, sizeof *a);
        if (!a) return NULL;
        a->name = "*";
        a->loc = tok_loc(star);
        if (!AliasVec_push(p, &names, a)) return NULL;
    } else if (accept(p, TOK_LPAR)) {
        do {
            if (names.len > 0 && check(p, TOK_RPAR)) break;
            Alias *a = parse_alias(p, false);
            if (!a || !AliasVec_push(p, &names, a)) return NULL;
        } while (accept(p, TOK_COMMA));
        if (!accept(p, TOK_RPAR)) return NULL;
    } else {
        for (;;) {
            Alias *a = parse_alias(p, false);
            if (!a || !AliasVec_push(p, &names, a)) return NULL;
            if (!check(p, TOK_COMMA)) break;
            advance(p);
            if (check(p, TOK_NEWLINE)) {
                if (!p->quiet)
                    raise_last(p, "SyntaxError", "trailing comma not allowed without surrounding parentheses");
                return NULL;
            }
        }
    }
    Stmt *s = new_stmt(p, S_IMPORTFROM, loc_from(p, start));
    if (!s) return NULL;
    s->v.importfrom.module = module;
    s->v.importfrom.names = (AliasSeq){names.items, names.len};
    s->v.importfrom.level = level;
    return done_stmt(p, s);
}

static Stmt *parse_simple_stmt(Parser *p) {
    int start = p->pos;
    StmtKind kind;
    switch (peek_kind(p)) {
    case TOK_KW_RETURN: return parse_return_stmt(p);
    case TOK_KW_IMPORT: return parse_import_name(p);
    case TOK_KW_FROM: return parse_import_from(p);
    case TOK_KW_RAISE: return parse_raise_stmt(p);
    case TOK_KW_DEL: return parse_del_stmt(p);
    case TOK_KW_ASSERT: return parse_assert_stmt(p);
    case TOK_KW_GLOBAL: case TOK_KW_NONLOCAL: return parse_global_stmt(p);
    case TOK_KW_PASS: kind = S_PASS; break;
    case TOK_KW_BREAK: kind = S_BREAK; break;
    case TOK_KW_CONTINUE: kind = S_CONTINUE; break;
    default: return parse_expr_stmt(p);
    }
    advance(p);
    return done_stmt(p, new_stmt(p, kind, loc_from(p, start)));
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
static bool parse_simple_stmts(Parser *p, StmtVec *out) {
    for (;;) {
        Stmt *s = parse_simple_stmt(p);
        if (!s || !StmtVec_push(p, out, s)) return false;
        if (!accept(p, TOK_SEMI) || check(p, TOK_NEWLINE)) break;
    }
    return accept(p, TOK_NEWLINE) != NULL;
}

static bool parse_statement(Parser *p, StmtVec *out) {
    if (is_compound_start(p)) {
        Stmt *s = parse_compound(p);
        return s && StmtVec_push(p, out, s);
    }
    return parse_simple_stmts(p, out);
}

// ---------------------------------------------------------------------------
// Finishing errors (CPython's _PyPegen_set_syntax_error)

// After a parser error, reads the rest of the input: a tokenizer error there
// replaces it, and so does a bracket never closed when the error is on a
// later line than the bracket (_PyPegen_tokenize_full_source_to_check_for_errors).
static void tokenize_rest(Parser *p) {
    Errors *e = p->errs;
    // Not for REPL input, which CPython does not read ahead either.
    if (e->from_lexer || e->oom || e->spec > 0 || p->lx.done || p->mode == PARSE_SINGLE) return;
    int err_line = last_read(p)->lineno;
    for (;;) {
        Token t = lexer_next(&p->lx);
        if (t.kind == TOK_ENDMARKER) return;
        if (t.kind != TOK_ERRORTOKEN) continue;
        const LexError *le = &p->lx.error;
        if (le->kind == LEXERR_RAISE) {
            record_lexer_error(p);
        } else if (p->lx.level > 0) {
            int lvl = p->lx.level - 1;
            if (err_line > p->lx.parenlinenostack[lvl]) {
                ParseError *d = e->err;
                d->kind = "SyntaxError";
                snprintf(d->msg, sizeof d->msg, "'%c' was never closed", p->lx.parenstack[lvl]);
                d->lineno = d->end_lineno = p->lx.parenlinenostack[lvl];
                d->col_offset = p->lx.parencolstack[lvl];
                d->end_col_offset = -1;
                e->from_lexer = true;
            }
        }
        return;
    }
}

// Called when a parse failed: words a generic error if none was raised.
static void set_syntax_error(Parser *p) {
    Errors *e = p->errs;
    if (e->oom || (e->set && e->from_lexer)) return;
    if (!failed_hard(p)) {
        const Token *last = p->fill > 0 ? TOK(p, p->fill - 1) : last_read(p);
        if (last->kind == TOK_INDENT || last->kind == TOK_DEDENT) {
            raise_last(p, "IndentationError",
                       last->kind == TOK_INDENT ? "unexpected indent" : "unexpected unindent");
            return;
        }
        raise_loc(p, "SyntaxError", last->lineno, last->col_offset, last->end_lineno,
                  last->end_col_offset, "invalid syntax");
    }
    tokenize_rest(p);
}

// The start rule of an f-string replacement field: star_expressions.
static Expr *parse_expression_list_fstring(Parser *p) {
    Expr *e = parse_star_expressions(p);
    if (!e) set_syntax_error(p);
    return e;
}

// ---------------------------------------------------------------------------
// Start rules

// file: [statements] ENDMARKER
static Module *parse_file_input(Parser *p) {
    StmtVec body = {0};
    while (!check(p, TOK_ENDMARKER)) {
        if (!parse_statement(p, &body)) return NULL;
    }
    Module *m = alloc(p, sizeof *m);
    if (m) m->body = stmt_seq(body);
    return m;
}

// CPython's bad_single_statement: anything but blanks and comments left.
static bool more_input(Parser *p) {
    const char *s = p->lx.cur, *end = p->lx.end;
    while (s < end) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f') { s++; continue; }
        if (*s != '#') return true;
        while (s < end && *s != '\n') s++;
    }
    return false;
}

// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
static Module *parse_single_input(Parser *p) {
    StmtVec body = {0};
    if (accept(p, TOK_NEWLINE) || check(p, TOK_ENDMARKER)) {
        // Nothing to run.
    } else if (is_compound_start(p)) {
        // At the REPL a compound statement ends with an empty line.
        Stmt *s = parse_compound(p);
        if (!s || !StmtVec_push(p, &body, s) || !accept(p, TOK_NEWLINE)) return NULL;
    } else if (!parse_simple_stmts(p, &body)) {
        return NULL;
    }
    if (more_input(p)) {
        raise_last(p, "SyntaxError", "multiple statements found while compiling a single statement");
        return NULL;
    }
    Module *m = alloc(p, sizeof *m);
    if (m) m->body = stmt_seq(body);
    return m;
}

// eval: expressions NEWLINE* ENDMARKER
static Module *parse_eval_input(Parser *p) {
    Expr *e = parse_comma_list(p, parse_expression, NULL);
    if (!e) return NULL;
    while (accept(p, TOK_NEWLINE)) {
    }
    if (!check(p, TOK_ENDMARKER)) return NULL;
    Stmt *s = new_stmt(p, S_EXPR, e->loc);
    Module *m = alloc(p, sizeof *m);
    StmtVec body = {0};
    if (!s || !m || !StmtVec_push(p, &body, s)) return NULL;
    s->v.expr.value = e;
    m->body = stmt_seq(body);
    return m;
}

// Checks that the input is UTF-8 without NUL bytes; fills err otherwise.
static bool check_encoding(const char *src, size_t len, ParseError *err) {
    const unsigned char *s = (const unsigned char *)src, *end = s + len;
    int lineno = 1;
    const unsigned char *line = s;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) s += 3;
    while (s < end) {
        if (*s == '\n') { lineno++; line = ++s; continue; }
        if (*s == 0) {
            err->kind = "SyntaxError";
            snprintf(err->msg, sizeof err->msg, "source code cannot contain null bytes");
            err->lineno = err->end_lineno = lineno;
            err->col_offset = err->end_col_offset = -1;
            return false;
        }
        if (*s < 0x80) { s++; continue; }
        uint32_t cp;
        int n = lexer_utf8_decode(s, (size_t)(end - s), &cp);
        if (n == 0) {
            // CPython's message when the file is read as UTF-8.
            const char *why = "invalid start byte";
            if (*s >= 0xC2 && *s <= 0xF4)
                why = (end - s < 2 || (s[1] & 0xC0) == 0x80) ? "unexpected end of data"
                                                              : "invalid continuation byte";
            err->kind = "SyntaxError";
            snprintf(err->msg, sizeof err->msg,
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s",
                     *s, (int)(s - line), why);
            err->lineno = err->end_lineno = lineno;
            err->col_offset = err->end_col_offset = -1;
            return false;
        }
        s += n;
    }
    return true;
}

Module *parse_source(Arena *a, const char *src, size_t len, ParseMode mode, ParseError *err) {
    memset(err, 0, sizeof *err);
    err->kind = "SyntaxError";
    if (!check_encoding(src, len, err)) return NULL;
    char base;
    stack_floor = parse_stack_limit ? parse_stack_limit : &base - 1024 * 1024;

    Errors errs;
    memset(&errs, 0, sizeof errs);
    errs.err = err;
    Parser p;
    memset(&p, 0, sizeof p);
    p.arena = a;
    p.errs = &errs;
    p.mode = mode;
    if (!lexer_init(&p.lx, a, src, len)) {
        err->kind = "MemoryError";
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    p.lx.interactive = mode == PARSE_SINGLE;

    Module *m;
    switch (mode) {
    case PARSE_SINGLE: m = parse_single_input(&p); break;
    case PARSE_EVAL: m = parse_eval_input(&p); break;
    default: m = parse_file_input(&p); break;
    }
    if (errs.oom || errs.fatal) {
        m = NULL;
        memset(err, 0, sizeof *err);
        err->kind = errs.oom ? "MemoryError" : errs.fatal;
        if (strcmp(err->kind, "RecursionError") == 0)
            snprintf(err->msg, sizeof err->msg, "maximum recursion depth exceeded during compilation");
    } else if (!m) {
        bool lexer_first = errs.set && errs.from_lexer;
        set_syntax_error(&p);
        // The input ended too early when the parser (not the error check
        // after it) reached the end of input (CPython's _is_end_of_source).
        if (lexer_first) err->incomplete = p.lx.error.incomplete && !errs.lexer_in_hint;
        else err->incomplete = p.hit_eof && !errs.from_lexer;
    }
    free_tokens(&p);
    return m;
}
