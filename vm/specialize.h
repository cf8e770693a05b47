// The specializing adaptive interpreter (PEP 659; CPython 3.11's
// Python/specialize.c). See the notes at the top of vm/specialize.c.
#ifndef MINIPY_SPECIALIZE_H
#define MINIPY_SPECIALIZE_H

#include "runtime.h"
#include "opcodes.h"

// False with -X nospecialize or MINIPY_SPECIALIZE=0: code is never quickened
// and runs the base instructions only.
extern bool spec_enabled;

// The base instruction of every opcode (itself for a base instruction).
extern const unsigned char opcode_deopt[256];
// The adaptive form of a base instruction, 0 if it has none.
extern const unsigned char opcode_adaptive[256];
// Names of base and specialized instructions (CPython's dis._all_opname).
extern const char *const opcode_all_names[256];

// The counter in an adaptive or specialized instruction's first cache entry:
// 12 bits of value and 4 bits of backoff exponent (CPython 3.11's layout).
#define SPEC_BACKOFF_BITS 4
#define SPEC_VALUE_ONE (1 << SPEC_BACKOFF_BITS)
static inline bool spec_counter_is_zero(CodeUnit c) { return c < SPEC_VALUE_ONE; }

// Rewrites co's base instructions into their adaptive forms (once; only
// while no other thread can run bytecode at the same time: see the notes).
void specialize_quicken(CodeObject *co);

// A specialized instruction at instr missed its guards: counts the miss and,
// after enough of them, turns instr back into its adaptive form.
void specialize_miss(CodeUnit *instr);

// Specializers, called by the adaptive instructions when their counter is
// zero: each rewrites the instruction at instr (and its cache) into a
// specialized form for these operands, or backs the counter off.
void specialize_binary_op(CodeUnit *instr, Object *lhs, Object *rhs, int oparg);
void specialize_binary_subscr(CodeUnit *instr, Object *container, Object *sub);
void specialize_store_subscr(CodeUnit *instr, Object *container, Object *sub);
void specialize_call(CodeUnit *instr, Object *callable, int nargs, Object *kwnames);
void specialize_compare_op(CodeUnit *instr, Object *lhs, Object *rhs, int oparg);
void specialize_load_attr(CodeUnit *instr, Object *owner, Object *name);
void specialize_load_method(CodeUnit *instr, Object *owner, Object *name);
void specialize_store_attr(CodeUnit *instr, Object *owner, Object *name);
void specialize_unpack_sequence(CodeUnit *instr, Object *seq, int oparg);

// co's bytecode as the compiler emitted it: base instructions, zeroed
// caches (co_code, as CPython's _PyCode_GetCode). A new bytes object.
Object *specialize_deopt_code(CodeObject *co);

// COMPARE_OP_*_JUMP's mask (cache entry 1): which outcomes jump, and the
// direction. Outcome bits: 1 unordered (NaN), 2 less, 4 greater, 8 equal.
#define SPEC_CMP_UNORDERED 1
#define SPEC_CMP_LT 2
#define SPEC_CMP_GT 4
#define SPEC_CMP_EQ 8
#define SPEC_CMP_BACKWARD 16
// The outcome bit of comparing a and b (no NaN: ints, ordered floats).
#define SPEC_CMP_OUTCOME(a, b) ((a) < (b) ? SPEC_CMP_LT : (a) > (b) ? SPEC_CMP_GT : (a) == (b) ? SPEC_CMP_EQ : SPEC_CMP_UNORDERED)

// Cache layouts (code units after the instruction; [0] is the counter):
//   LOAD_ATTR / STORE_ATTR: [1..2] type version tag, [3] dict entry index hint;
//     the _MODULE forms: [1..2] module dict keys version, [3] entry index.
//   LOAD_METHOD: [1..2] type version tag (or module keys version), [3] entry
//     index (module), [6..9] the method descriptor (borrowed: the type's dict
//     holds it while the version tag is unchanged).
//   COMPARE_OP: [1] jump mask.
static inline uint32_t spec_read_u32(const CodeUnit *p) { return (uint32_t)p[0] | ((uint32_t)p[1] << 16); }
static inline void spec_write_u32(CodeUnit *p, uint32_t v) {
    p[0] = (CodeUnit)(v & 0xFFFF);
    p[1] = (CodeUnit)(v >> 16);
}
static inline void *spec_read_ptr(const CodeUnit *p) {
    uint64_t v = (uint64_t)p[0] | ((uint64_t)p[1] << 16) | ((uint64_t)p[2] << 32) | ((uint64_t)p[3] << 48);
    return (void *)(uintptr_t)v;
}
static inline void spec_write_ptr(CodeUnit *p, void *ptr) {
    uint64_t v = (uint64_t)(uintptr_t)ptr;
    for (int i = 0; i < 4; i++) p[i] = (CodeUnit)(v >> (16 * i));
}

#endif
