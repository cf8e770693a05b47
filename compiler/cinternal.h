// Shared between the code generator (compile.c) and the assembler
// (assemble.c): the instruction sequence of one code object as basic blocks.
#ifndef MINIPY_CINTERNAL_H
#define MINIPY_CINTERNAL_H

#include "../vm/runtime.h"
#include "../vm/opcodes.h"
#include "ast.h"
#include "symtable.h"
#include "parser.h"

// Pseudo-instructions (CPython's compile.c has the same ones): removed or
// resolved by the assembler.
enum {
    PSEUDO_BASE = 256,
    SETUP_FINALLY = PSEUDO_BASE, // handler gets [exc]
    SETUP_CLEANUP,               // handler gets [lasti, exc]
    SETUP_WITH,                  // like SETUP_CLEANUP, one item (the __enter__ result) lower
    POP_BLOCK,
    JUMP,                        // -> JUMP_FORWARD / JUMP_BACKWARD
    JUMP_NO_INTERRUPT,           // -> JUMP_FORWARD / JUMP_BACKWARD_NO_INTERRUPT
    POP_JUMP_IF_FALSE,           // -> POP_JUMP_{FORWARD,BACKWARD}_IF_FALSE
    POP_JUMP_IF_TRUE,
    POP_JUMP_IF_NONE,
    POP_JUMP_IF_NOT_NONE,
};

typedef struct {
    int op;
    int arg;
    int target;     // block index for jumps and SETUP_*, else -1
    Position pos;
} Instr;

typedef struct {
    Instr *instrs;
    int n, cap;
    int next;       // fall-through block, or -1
    // Assembler state.
    int depth;      // stack depth at entry, -1 when not yet reached
    int offset;     // in code units
    int handler;    // exception handler active at entry (block index), for labelling
    bool visited;
    bool is_handler;
} Block;

// One code object being compiled.
typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    Block *blocks;
    int nblocks, blocks_cap;
    int cur;                    // block being appended to
    Object *consts;             // list
    Object *const_index;        // dict: (type, value) key -> index
    Object *names;              // list of str
    Object *name_index;         // dict
    Object *varnames;           // list of str: localsplus order
    Object *var_index;          // dict name -> localsplus index
    uint8_t *kinds;             // per localsplus
    int nkinds, kinds_cap;
    int argcount, posonlyargcount, kwonlyargcount;
    int nlocals;                // count of fast locals (locals + args), i.e. before cells/frees
    int ncells, nfrees;
    int flags;
    int firstlineno;
    Object *name, *qualname;
    Position loc;               // location for new instructions
    // Frame blocks for break/continue/return unwinding.
    struct FBlock *fblocks;
    int nfblocks, fblocks_cap;
    bool in_interactive_top;
    bool has_docstring;         // co_consts[0] is the docstring
} Unit;

typedef struct {
    Object *filename;
    Arena *arena;
    SymTable st;
    Unit *u;
    ParseMode mode;
    bool failed;                // a SyntaxError (or other) was raised
    int nested_functions;
} Compiler;

// Stack effect of an instruction; jump selects the branch effect.
int stack_effect(int op, int arg, bool jump);
// Turns the finished unit into a code object (new reference) or NULL.
Object *assemble(Compiler *c, Unit *u);
bool is_jump_op(int op);

#endif
