// The abstract syntax tree: the parser's output and the compiler's input.
//
// It mirrors CPython's `ast` module node for node (Python/Python.asdl), so
// `ast_dump()` prints exactly what `ast.dump(ast.parse(src))` prints in
// CPython 3.11 and the parser can be tested differentially against it.
//
// Every node lives in an Arena and is freed with it; nothing here refers to
// VM objects. Literals keep their source form where converting them needs the
// VM (integers of any size are kept as digit strings).
#ifndef MINIPY_AST_H
#define MINIPY_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "../util/arena.h"

typedef struct Expr Expr;
typedef struct Stmt Stmt;

// A counted array of node pointers, allocated in the arena.
typedef struct { Expr **items; int len; } ExprSeq;
typedef struct { Stmt **items; int len; } StmtSeq;

// Source location of a node: 1-based lines, 0-based UTF-8 byte columns, as in
// CPython's lineno/col_offset/end_lineno/end_col_offset.
typedef struct {
    int lineno, col_offset, end_lineno, end_col_offset;
} Loc;

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprContext;

typedef enum { BOOL_AND, BOOL_OR } BoolOpKind;

// Binary operators; the order is CPython's NB_* order used by BINARY_OP
// (Include/opcode.h), so the compiler can pass them straight through.
typedef enum {
    OP_ADD, OP_BITAND, OP_FLOORDIV, OP_LSHIFT, OP_MATMUL, OP_MUL, OP_MOD,
    OP_BITOR, OP_POW, OP_RSHIFT, OP_SUB, OP_TRUEDIV, OP_BITXOR,
    OP__COUNT
} OperatorKind;

typedef enum { UOP_INVERT, UOP_NOT, UOP_UADD, UOP_USUB } UnaryOpKind;

typedef enum {
    CMP_EQ, CMP_NOTEQ, CMP_LT, CMP_LTE, CMP_GT, CMP_GTE,
    CMP_IS, CMP_ISNOT, CMP_IN, CMP_NOTIN
} CmpOpKind;

typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT,      // s/len: decimal digits, no sign, no underscores (any size)
    CONST_FLOAT,    // f
    CONST_IMAG,     // f: the imaginary part (parsed; the compiler may reject)
    CONST_STR,      // s/len: UTF-8 text, escapes already decoded
    CONST_BYTES     // s/len: raw bytes, escapes already decoded
} ConstKind;

typedef struct {
    ConstKind kind;
    const char *s;      // CONST_INT, CONST_STR, CONST_BYTES (NUL-terminated too)
    size_t len;         // byte length of s
    double f;           // CONST_FLOAT, CONST_IMAG
    // Added by the parser: the string literal began with a lowercase 'u'
    // prefix; CPython records it as Constant.kind == 'u' and ast.dump shows it.
    bool is_u;
} Constant;

typedef struct {
    const char *name;   // identifier
    Expr *annotation;   // or NULL
    Loc loc;
} Arg;

typedef struct { Arg **items; int len; } ArgSeq;

typedef struct {
    ArgSeq posonlyargs;
    ArgSeq args;
    Arg *vararg;        // *args, or NULL
    ArgSeq kwonlyargs;
    ExprSeq kw_defaults; // same length as kwonlyargs; NULL item = no default
    Arg *kwarg;         // **kwargs, or NULL
    ExprSeq defaults;   // for the last len(defaults) of posonlyargs+args
} Arguments;

typedef struct {
    const char *arg;    // NULL for **mapping
    Expr *value;
    Loc loc;
} Keyword;

typedef struct { Keyword **items; int len; } KeywordSeq;

typedef struct {
    const char *name;   // dotted name, or "*"
    const char *asname; // or NULL
    Loc loc;
} Alias;

typedef struct { Alias **items; int len; } AliasSeq;

typedef struct {
    Expr *context_expr;
    Expr *optional_vars; // or NULL
} WithItem;

typedef struct { WithItem **items; int len; } WithItemSeq;

typedef struct {
    Expr *type;         // or NULL for a bare except
    const char *name;   // or NULL
    StmtSeq body;
    Loc loc;
} ExceptHandler;

typedef struct { ExceptHandler **items; int len; } ExceptHandlerSeq;

typedef struct {
    Expr *target;
    Expr *iter;
    ExprSeq ifs;
    bool is_async;
} Comprehension;

typedef struct { Comprehension **items; int len; } ComprehensionSeq;

typedef enum {
    E_BOOLOP, E_NAMEDEXPR, E_BINOP, E_UNARYOP, E_LAMBDA, E_IFEXP, E_DICT,
    E_SET, E_LISTCOMP, E_SETCOMP, E_DICTCOMP, E_GENEXP, E_AWAIT, E_YIELD,
    E_YIELDFROM, E_COMPARE, E_CALL, E_FORMATTEDVALUE, E_JOINEDSTR,
    E_CONSTANT, E_ATTRIBUTE, E_SUBSCRIPT, E_STARRED, E_NAME, E_LIST,
    E_TUPLE, E_SLICE
} ExprKind;

struct Expr {
    ExprKind kind;
    Loc loc;
    union {
        struct { BoolOpKind op; ExprSeq values; } boolop;
        struct { Expr *target; Expr *value; } namedexpr;
        struct { Expr *left; OperatorKind op; Expr *right; } binop;
        struct { UnaryOpKind op; Expr *operand; } unaryop;
        struct { Arguments *args; Expr *body; } lambda;
        struct { Expr *test; Expr *body; Expr *orelse; } ifexp;
        // keys[i] == NULL means `**values[i]`
        struct { ExprSeq keys; ExprSeq values; } dict;
        struct { ExprSeq elts; } set;
        // listcomp, setcomp, genexp use elt; dictcomp uses key/value
        struct { Expr *elt; Expr *key; Expr *value; ComprehensionSeq generators; } comp;
        struct { Expr *value; } await_;
        struct { Expr *value; } yield;      // value may be NULL
        struct { Expr *value; } yieldfrom;
        struct { Expr *left; int n; CmpOpKind *ops; ExprSeq comparators; } compare;
        struct { Expr *func; ExprSeq args; KeywordSeq keywords; } call;
        // conversion: -1 none, 's', 'r', 'a'; format_spec is a JoinedStr or NULL
        struct { Expr *value; int conversion; Expr *format_spec; } formattedvalue;
        struct { ExprSeq values; } joinedstr;
        Constant constant;
        struct { Expr *value; const char *attr; ExprContext ctx; } attribute;
        struct { Expr *value; Expr *slice; ExprContext ctx; } subscript;
        struct { Expr *value; ExprContext ctx; } starred;
        struct { const char *id; ExprContext ctx; } name;
        struct { ExprSeq elts; ExprContext ctx; } list;   // also used for E_TUPLE
        struct { Expr *lower; Expr *upper; Expr *step; } slice; // each may be NULL
    } v;
};

typedef enum {
    S_FUNCTIONDEF, S_CLASSDEF, S_RETURN, S_DELETE, S_ASSIGN, S_AUGASSIGN,
    S_ANNASSIGN, S_FOR, S_WHILE, S_IF, S_WITH, S_RAISE, S_TRY, S_ASSERT,
    S_IMPORT, S_IMPORTFROM, S_GLOBAL, S_NONLOCAL, S_EXPR, S_PASS, S_BREAK,
    S_CONTINUE
} StmtKind;

struct Stmt {
    StmtKind kind;
    Loc loc;
    union {
        struct {
            const char *name; Arguments *args; StmtSeq body;
            ExprSeq decorator_list; Expr *returns; bool is_async;
        } funcdef;
        struct {
            const char *name; ExprSeq bases; KeywordSeq keywords;
            StmtSeq body; ExprSeq decorator_list;
        } classdef;
        struct { Expr *value; } return_;            // value may be NULL
        struct { ExprSeq targets; } delete_;
        struct { ExprSeq targets; Expr *value; } assign;
        struct { Expr *target; OperatorKind op; Expr *value; } augassign;
        struct { Expr *target; Expr *annotation; Expr *value; bool simple; } annassign;
        struct { Expr *target; Expr *iter; StmtSeq body; StmtSeq orelse; bool is_async; } for_;
        struct { Expr *test; StmtSeq body; StmtSeq orelse; } while_;
        struct { Expr *test; StmtSeq body; StmtSeq orelse; } if_;
        struct { WithItemSeq items; StmtSeq body; bool is_async; } with;
        struct { Expr *exc; Expr *cause; } raise;   // both may be NULL
        struct { StmtSeq body; ExceptHandlerSeq handlers; StmtSeq orelse; StmtSeq finalbody; bool is_star; } try_;  // is_star: TryStar
        struct { Expr *test; Expr *msg; } assert_;
        struct { AliasSeq names; } import;
        struct { const char *module; AliasSeq names; int level; } importfrom; // module may be NULL
        struct { int n; const char **names; } global;  // also S_NONLOCAL
        struct { Expr *value; } expr;
    } v;
};

// A parsed module: the statements of a file, or of one REPL input.
typedef struct {
    StmtSeq body;
} Module;

// Returns a new string in the arena: the node printed exactly as CPython
// 3.11's `ast.dump(node)` prints it (no attributes, no indent).
const char *ast_dump_module(Arena *a, const Module *m);
const char *ast_dump_expr(Arena *a, const Expr *e);
// Added for testing locations: as ast_dump_module, and with
// include_attributes as `ast.dump(node, include_attributes=True)`.
const char *ast_dump_module_ex(Arena *a, const Module *m, bool include_attributes);

#endif
