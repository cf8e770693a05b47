// The symbol table (CPython's Python/symtable.c): one Scope per module,
// class, function, lambda and comprehension, telling for every name whether
// it is local, global, a cell (local captured by an inner function) or free
// (captured from an outer function).
#ifndef MINIPY_SYMTABLE_H
#define MINIPY_SYMTABLE_H

#include <stdbool.h>

#include "ast.h"

// Flags recorded while walking the AST.
#define DEF_GLOBAL 0x1
#define DEF_LOCAL 0x2
#define DEF_PARAM 0x4
#define DEF_NONLOCAL 0x8
#define DEF_USE 0x10
#define DEF_FREE_CLASS 0x20     // free in a method, passing through the class
#define DEF_IMPORT 0x40
#define DEF_COMP_ITER 0x80
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

// Resolved scope of a name.
typedef enum { SC_NONE = 0, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL } SymScope;

typedef enum { BLOCK_MODULE, BLOCK_CLASS, BLOCK_FUNCTION } BlockType;

typedef struct {
    const char *name;
    int flags;
    SymScope scope;
    Loc decl_loc;               // where `global`/`nonlocal` declared it
} Symbol;

typedef struct Scope Scope;
struct Scope {
    BlockType type;
    const char *name;           // function/class name, "<lambda>", "<listcomp>", ...
    const void *key;            // the AST node that opened the scope
    Loc loc;
    Scope *parent;
    Scope **children;
    int nchildren, children_cap;
    Symbol *syms;               // in order of first appearance
    int nsyms, syms_cap;
    int *index;                 // open-addressing hash of syms (indexes + 1)
    int index_cap;
    const char **params;        // parameter names in order (functions)
    int nparams, params_cap;
    bool is_generator, is_coroutine, is_comprehension, is_lambda;
    bool has_free, child_free, needs_class_closure, nested;
    bool returns_value;         // `return x` seen (for async generator checks)
    int comp_inlined;           // unused: 3.11 does not inline comprehensions
};

typedef struct {
    Arena *arena;
    Scope *top;
    // Error (SyntaxError) if any.
    bool failed;
    char msg[256];
    Loc err_loc;
} SymTable;

// Builds the symbol table of m. Returns false with st->msg/err_loc set on a
// SyntaxError.
bool symtable_build(SymTable *st, Arena *a, const Module *m);
Scope *symtable_lookup_child(Scope *parent, const void *key);
Symbol *scope_lookup(Scope *s, const char *name);
SymScope scope_of(Scope *s, const char *name);   // SC_NONE when unknown

#endif
