// The single list of opcodes. It drives the opcode enum, the name table, the
// disassembler's argument decoding and the dispatch table, so nothing is kept
// in sync by hand. Numbers and names are CPython 3.11's (Lib/opcode.py), so
// `dis` output reads the same; each line says what the instruction does.
//
// OP(name, number, kind) where kind tells dis how to show the argument:
//   NOARG, ARG (plain number), CONST (co_consts index), NAME (co_names index),
//   LOCAL (localsplus index), FREE (cell/free: localsplus index),
//   JREL (forward jump: offset in units from the next instruction),
//   JBACK (backward jump), CMP (comparison op), BINOP (BINARY_OP arg),
//   GLOBAL (co_names index << 1 | push-null bit), CALL, FORMAT.
#ifndef MINIPY_OPCODES_H
#define MINIPY_OPCODES_H

#define OPCODE_LIST(OP) \
    /* Cache entry placeholder (unused until specialization). */ \
    OP(CACHE, 0, NOARG) \
    /* Pops TOS. */ \
    OP(POP_TOP, 1, NOARG) \
    /* Pushes NULL (the callable slot of a plain call). */ \
    OP(PUSH_NULL, 2, NOARG) \
    /* Does nothing. */ \
    OP(NOP, 9, NOARG) \
    /* TOS = +TOS, -TOS, not TOS, ~TOS. */ \
    OP(UNARY_POSITIVE, 10, NOARG) \
    OP(UNARY_NEGATIVE, 11, NOARG) \
    OP(UNARY_NOT, 12, NOARG) \
    OP(UNARY_INVERT, 15, NOARG) \
    /* TOS = TOS1[TOS]. */ \
    OP(BINARY_SUBSCR, 25, NOARG) \
    /* Pushes the exception being handled below the new one (TOS), making TOS handled. */ \
    OP(PUSH_EXC_INFO, 35, NOARG) \
    /* Pushes whether exception TOS1 matches class TOS (pops TOS). */ \
    OP(CHECK_EXC_MATCH, 36, NOARG) \
    /* except*: splits exception TOS1 by type TOS into [rest, match], or [exc, None] (pops TOS). */ \
    OP(CHECK_EG_MATCH, 37, NOARG) \
    /* Calls the __exit__ at stack[-4] with the exception at TOS. */ \
    OP(WITH_EXCEPT_START, 49, NOARG) \
    /* TOS = TOS.__aiter__() (async for). */ \
    OP(GET_AITER, 50, NOARG) \
    /* Pushes the awaitable of TOS.__anext__(), keeping TOS (async for). */ \
    OP(GET_ANEXT, 51, NOARG) \
    /* Replaces an async context manager by its bound __aexit__ and pushes __aenter__()'s result. */ \
    OP(BEFORE_ASYNC_WITH, 52, NOARG) \
    /* Replaces a context manager by its bound __exit__ and the result of __enter__(). */ \
    OP(BEFORE_WITH, 53, NOARG) \
    /* async for's handler: StopAsyncIteration (TOS) ends the loop, popping the iterator; else re-raises. */ \
    OP(END_ASYNC_FOR, 54, NOARG) \
    /* TOS1[TOS] = TOS2; del TOS1[TOS]. */ \
    OP(STORE_SUBSCR, 60, NOARG) \
    OP(DELETE_SUBSCR, 61, NOARG) \
    /* TOS = iter(TOS). */ \
    OP(GET_ITER, 68, NOARG) \
    OP(GET_YIELD_FROM_ITER, 69, NOARG) \
    /* REPL: prints repr(TOS) via sys.displayhook and pops it. */ \
    OP(PRINT_EXPR, 70, NOARG) \
    /* Pushes builtins.__build_class__. */ \
    OP(LOAD_BUILD_CLASS, 71, NOARG) \
    OP(LOAD_ASSERTION_ERROR, 74, NOARG) \
    /* Turns the current frame into a generator/coroutine and returns it. */ \
    OP(RETURN_GENERATOR, 75, NOARG) \
    OP(LIST_TO_TUPLE, 82, NOARG) \
    /* Returns TOS to the caller. */ \
    OP(RETURN_VALUE, 83, NOARG) \
    OP(IMPORT_STAR, 84, NOARG) \
    OP(SETUP_ANNOTATIONS, 85, NOARG) \
    /* Suspends the generator, yielding TOS. */ \
    OP(YIELD_VALUE, 86, NOARG) \
    /* Wraps TOS as an async generator's own yielded value (vs. a value an await passes up). */ \
    OP(ASYNC_GEN_WRAP, 87, NOARG) \
    /* except*: from the original exception TOS1 and the list TOS of raised and unhandled ones, */ \
    /* the exception to re-raise (or None). */ \
    OP(PREP_RERAISE_STAR, 88, NOARG) \
    /* Restores the previously handled exception from TOS (pops it). */ \
    OP(POP_EXCEPT, 89, NOARG) \
    /* ---- opcodes with an argument ---- */ \
    OP(STORE_NAME, 90, NAME) \
    OP(DELETE_NAME, 91, NAME) \
    /* Unpacks TOS into arg items, pushed right to left. */ \
    OP(UNPACK_SEQUENCE, 92, ARG) \
    /* Pushes next(TOS) or, when exhausted, pops TOS and jumps forward by arg. */ \
    OP(FOR_ITER, 93, JREL) \
    OP(UNPACK_EX, 94, ARG) \
    OP(STORE_ATTR, 95, NAME) \
    OP(DELETE_ATTR, 96, NAME) \
    OP(STORE_GLOBAL, 97, NAME) \
    OP(DELETE_GLOBAL, 98, NAME) \
    /* Swaps TOS with the item at position arg (1-based from the top). */ \
    OP(SWAP, 99, ARG) \
    OP(LOAD_CONST, 100, CONST) \
    OP(LOAD_NAME, 101, NAME) \
    OP(BUILD_TUPLE, 102, ARG) \
    OP(BUILD_LIST, 103, ARG) \
    OP(BUILD_SET, 104, ARG) \
    OP(BUILD_MAP, 105, ARG) \
    OP(LOAD_ATTR, 106, NAME) \
    OP(COMPARE_OP, 107, CMP) \
    OP(IMPORT_NAME, 108, NAME) \
    OP(IMPORT_FROM, 109, NAME) \
    OP(JUMP_FORWARD, 110, JREL) \
    OP(JUMP_IF_FALSE_OR_POP, 111, JREL) \
    OP(JUMP_IF_TRUE_OR_POP, 112, JREL) \
    OP(POP_JUMP_FORWARD_IF_FALSE, 114, JREL) \
    OP(POP_JUMP_FORWARD_IF_TRUE, 115, JREL) \
    OP(LOAD_GLOBAL, 116, GLOBAL) \
    /* TOS = TOS1 is TOS (arg 1: is not). */ \
    OP(IS_OP, 117, ARG) \
    /* TOS = TOS in TOS1... (arg 1: not in). */ \
    OP(CONTAINS_OP, 118, ARG) \
    /* Re-raises TOS; with arg set, restores f_lasti from the item below. */ \
    OP(RERAISE, 119, ARG) \
    /* Pushes a copy of the item at position arg. */ \
    OP(COPY, 120, ARG) \
    OP(BINARY_OP, 122, BINOP) \
    /* Sends TOS into the sub-iterator TOS1; on completion jumps forward. */ \
    OP(SEND, 123, JREL) \
    OP(LOAD_FAST, 124, LOCAL) \
    OP(STORE_FAST, 125, LOCAL) \
    OP(DELETE_FAST, 126, LOCAL) \
    OP(POP_JUMP_FORWARD_IF_NOT_NONE, 128, JREL) \
    OP(POP_JUMP_FORWARD_IF_NONE, 129, JREL) \
    OP(RAISE_VARARGS, 130, ARG) \
    /* TOS = the iterator `await TOS` drives (arg 1/2: from __aenter__/__aexit__, for the error message). */ \
    OP(GET_AWAITABLE, 131, ARG) \
    /* Makes a function from the code at TOS; arg flags say what lies below it. */ \
    OP(MAKE_FUNCTION, 132, ARG) \
    OP(BUILD_SLICE, 133, ARG) \
    OP(JUMP_BACKWARD_NO_INTERRUPT, 134, JBACK) \
    OP(MAKE_CELL, 135, FREE) \
    OP(LOAD_CLOSURE, 136, FREE) \
    OP(LOAD_DEREF, 137, FREE) \
    OP(STORE_DEREF, 138, FREE) \
    OP(DELETE_DEREF, 139, FREE) \
    /* Jumps back by arg units; checks the eval breaker (GIL drop, signals). */ \
    OP(JUMP_BACKWARD, 140, JBACK) \
    OP(CALL_FUNCTION_EX, 142, ARG) \
    OP(EXTENDED_ARG, 144, ARG) \
    OP(LIST_APPEND, 145, ARG) \
    OP(SET_ADD, 146, ARG) \
    OP(MAP_ADD, 147, ARG) \
    OP(LOAD_CLASSDEREF, 148, FREE) \
    OP(COPY_FREE_VARS, 149, ARG) \
    /* Start of a function or resumption point; checks the eval breaker. */ \
    OP(RESUME, 151, ARG) \
    OP(FORMAT_VALUE, 155, FORMAT) \
    OP(BUILD_CONST_KEY_MAP, 156, ARG) \
    OP(BUILD_STRING, 157, ARG) \
    /* Pushes (method, self) when TOS.name is a plain method, else (NULL, attr). */ \
    OP(LOAD_METHOD, 160, NAME) \
    OP(LIST_EXTEND, 162, ARG) \
    OP(SET_UPDATE, 163, ARG) \
    OP(DICT_MERGE, 164, ARG) \
    OP(DICT_UPDATE, 165, ARG) \
    /* Prepares a call: unpacks a bound method into (function, self). */ \
    OP(PRECALL, 166, ARG) \
    /* Calls with arg positional arguments (plus kwnames from KW_NAMES). */ \
    OP(CALL, 171, CALL) \
    /* Sets the keyword names (a const tuple) for the next CALL. */ \
    OP(KW_NAMES, 172, CONST) \
    OP(POP_JUMP_BACKWARD_IF_NOT_NONE, 173, JBACK) \
    OP(POP_JUMP_BACKWARD_IF_NONE, 174, JBACK) \
    OP(POP_JUMP_BACKWARD_IF_FALSE, 175, JBACK) \
    OP(POP_JUMP_BACKWARD_IF_TRUE, 176, JBACK)

#define HAVE_ARGUMENT 90

// Specialized instructions (PEP 659, vm/specialize.c), with CPython 3.11's
// names and numbers so `dis.dis(f, adaptive=True)` reads the same:
// S(name, number, base). Quickening replaces a base instruction by its
// ADAPTIVE form, which counts executions in its first cache entry and then
// rewrites itself into a specialized form for the operand types it sees; a
// specialized form checks its guards and, on a miss, runs the base
// instruction (after enough misses it turns back into the adaptive form).
#define SPECIALIZED_LIST(S) \
    S(BINARY_OP_ADAPTIVE, 3, BINARY_OP) \
    S(BINARY_OP_ADD_FLOAT, 4, BINARY_OP) \
    S(BINARY_OP_ADD_INT, 5, BINARY_OP) \
    S(BINARY_OP_ADD_UNICODE, 6, BINARY_OP) \
    S(BINARY_OP_MULTIPLY_FLOAT, 8, BINARY_OP) \
    S(BINARY_OP_MULTIPLY_INT, 13, BINARY_OP) \
    S(BINARY_OP_SUBTRACT_FLOAT, 14, BINARY_OP) \
    S(BINARY_OP_SUBTRACT_INT, 16, BINARY_OP) \
    S(BINARY_SUBSCR_ADAPTIVE, 17, BINARY_SUBSCR) \
    S(BINARY_SUBSCR_DICT, 18, BINARY_SUBSCR) \
    S(BINARY_SUBSCR_LIST_INT, 20, BINARY_SUBSCR) \
    S(BINARY_SUBSCR_TUPLE_INT, 21, BINARY_SUBSCR) \
    S(CALL_ADAPTIVE, 22, CALL) \
    S(CALL_PY_EXACT_ARGS, 23, CALL) \
    S(COMPARE_OP_ADAPTIVE, 26, COMPARE_OP) \
    S(COMPARE_OP_FLOAT_JUMP, 27, COMPARE_OP) \
    S(COMPARE_OP_INT_JUMP, 28, COMPARE_OP) \
    S(COMPARE_OP_STR_JUMP, 29, COMPARE_OP) \
    S(LOAD_ATTR_ADAPTIVE, 39, LOAD_ATTR) \
    S(LOAD_ATTR_INSTANCE_VALUE, 40, LOAD_ATTR) \
    S(LOAD_ATTR_MODULE, 41, LOAD_ATTR) \
    S(LOAD_METHOD_ADAPTIVE, 56, LOAD_METHOD) \
    S(LOAD_METHOD_MODULE, 58, LOAD_METHOD) \
    S(LOAD_METHOD_NO_DICT, 59, LOAD_METHOD) \
    S(LOAD_METHOD_WITH_VALUES, 63, LOAD_METHOD) \
    S(STORE_ATTR_ADAPTIVE, 153, STORE_ATTR) \
    S(STORE_ATTR_INSTANCE_VALUE, 154, STORE_ATTR) \
    S(STORE_SUBSCR_ADAPTIVE, 168, STORE_SUBSCR) \
    S(STORE_SUBSCR_DICT, 169, STORE_SUBSCR) \
    S(STORE_SUBSCR_LIST_INT, 170, STORE_SUBSCR) \
    S(UNPACK_SEQUENCE_ADAPTIVE, 177, UNPACK_SEQUENCE) \
    S(UNPACK_SEQUENCE_LIST, 178, UNPACK_SEQUENCE) \
    S(UNPACK_SEQUENCE_TUPLE, 179, UNPACK_SEQUENCE) \
    S(UNPACK_SEQUENCE_TWO_TUPLE, 180, UNPACK_SEQUENCE)

// Inline cache entries (CACHE code units) that follow an instruction, as in
// CPython 3.11 (Lib/opcode.py _inline_cache_entries). The specializing
// interpreter keeps its per-instruction state there; the dispatch loop skips
// them.
#define CACHE_LIST(C) \
    C(BINARY_SUBSCR, 4) C(STORE_SUBSCR, 1) C(UNPACK_SEQUENCE, 1) C(STORE_ATTR, 4) C(LOAD_ATTR, 4) \
    C(COMPARE_OP, 2) C(LOAD_GLOBAL, 5) C(BINARY_OP, 1) C(LOAD_METHOD, 10) C(PRECALL, 1) C(CALL, 4)

#define CACHE_ENUM(name, n) INLINE_CACHE_ENTRIES_##name = n,
enum { CACHE_LIST(CACHE_ENUM) };
#undef CACHE_ENUM

extern const unsigned char opcode_caches[256];

typedef enum {
#define OP_ENUM(name, num, kind) name = num,
    OPCODE_LIST(OP_ENUM)
#undef OP_ENUM
#define SPEC_ENUM(name, num, base) name = num,
    SPECIALIZED_LIST(SPEC_ENUM)
#undef SPEC_ENUM
} Opcode;

typedef enum { OPK_NOARG, OPK_ARG, OPK_CONST, OPK_NAME, OPK_LOCAL, OPK_FREE, OPK_JREL,
               OPK_JBACK, OPK_CMP, OPK_BINOP, OPK_GLOBAL, OPK_CALL, OPK_FORMAT } OpKind;

extern const char *const opcode_names[256];   // NULL for unused numbers
extern const unsigned char opcode_kinds[256];

// MAKE_FUNCTION flags
#define MKFN_DEFAULTS 0x01
#define MKFN_KWDEFAULTS 0x02
#define MKFN_ANNOTATIONS 0x04
#define MKFN_CLOSURE 0x08

// FORMAT_VALUE flags
#define FVC_MASK 0x3
#define FVC_NONE 0x0
#define FVC_STR 0x1
#define FVC_REPR 0x2
#define FVC_ASCII 0x3
#define FVS_HAVE_SPEC 0x4

#endif
