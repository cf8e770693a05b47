// Code objects: the compiler's output, CPython 3.11's PyCodeObject.
//
// Bytecode is wordcode: each unit is a uint16 with the opcode in the low byte
// and the argument in the high byte (EXTENDED_ARG prefixes widen it).
// Locals, cell and free variables share one array ("localsplus") as in 3.11;
// localspluskinds tells which is which. Exceptions use 3.11's zero-cost
// exception table: a sorted list of [start, end) ranges with a handler
// target, the stack depth to unwind to, and whether to push the offset.
#ifndef MINIPY_CODE_H
#define MINIPY_CODE_H

#include "../object.h"

typedef uint16_t CodeUnit;
#define CU_OP(u) ((u) & 0xff)
#define CU_ARG(u) ((u) >> 8)

// co_flags (CPython's values).
#define CO_OPTIMIZED 0x1
#define CO_NEWLOCALS 0x2
#define CO_VARARGS 0x4
#define CO_VARKEYWORDS 0x8
#define CO_NESTED 0x10
#define CO_GENERATOR 0x20
#define CO_NOFREE 0x40
#define CO_COROUTINE 0x80
#define CO_ITERABLE_COROUTINE 0x100
#define CO_ASYNC_GENERATOR 0x200

// localspluskinds
#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL 0x40
#define CO_FAST_FREE 0x80

typedef struct {
    int32_t lineno, end_lineno;
    int32_t col, end_col;       // 0-based UTF-8 byte columns; -1 unknown
} Position;

typedef struct {
    int32_t start, end;         // code unit indexes, end exclusive
    int32_t target;             // code unit index of the handler
    int16_t depth;              // stack depth to unwind to
    int16_t lasti;              // push the offset of the raising instruction
} ExcTableEntry;

typedef struct CodeObject {
    OBJ_HEAD;
    int argcount, posonlyargcount, kwonlyargcount;
    int nlocalsplus, nlocals, ncellvars, nfreevars;
    int stacksize, flags, firstlineno;
    int framesize;              // nlocalsplus + stacksize
    int ncode;                  // code units
    CodeUnit *code;
    Position *positions;        // one per code unit
    ExcTableEntry *exctable;
    int nexctable;
    Object *consts;             // tuple
    Object *names;              // tuple of str
    Object *localsplusnames;    // tuple of str
    uint8_t *localspluskinds;   // nlocalsplus entries
    Object *filename, *name, *qualname;
    // For the cell that holds __class__ in methods using super(): index into localsplus or -1.
    int classcell_index;
    bool has_docstring;         // co_consts[0] is the function's docstring
    bool quickened;             // adaptive instructions in place (vm/specialize.c)
} CodeObject;

int code_addr2line(CodeObject *co, int unit_index);
const ExcTableEntry *code_find_handler(CodeObject *co, int unit_index);

#endif
