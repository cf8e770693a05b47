// The specializing adaptive interpreter (PEP 659; CPython 3.11's
// Python/specialize.c, mirrored for its mechanism).
//
// Notes on the design
// -------------------
// The compiler emits base instructions followed by their inline CACHE
// entries (vm/opcodes.h CACHE_LIST). The first time a code object runs
// (its first RESUME or backward jump), specialize_quicken() rewrites every
// base instruction that has an adaptive form (BINARY_OP -> BINARY_OP_ADAPTIVE
// ...) and puts a warm-up counter in its first cache entry. The adaptive
// instruction counts down; at zero it calls its specializer here, which looks
// at the operands and rewrites the instruction into a specialized form
// (BINARY_OP_ADD_INT, LOAD_ATTR_INSTANCE_VALUE ...) whose cache holds what its
// guards check (a type version tag, a dict keys version, an entry index). If
// nothing fits, the counter backs off exponentially (2**n - 1 executions
// before the next try, n growing to 12). A specialized instruction checks its
// guards on every execution; on a miss it runs the base instruction instead
// and counts the miss down from 53: at zero it turns back into the adaptive
// form, so a site whose types change re-specializes.
//
// The counter layout (12 bits of value, 4 of backoff exponent) and the
// numbers (the warm-up, 53 misses) are CPython 3.11's. Instead of 3.11's
// per-code-object warm-up of 8 calls, minipy quickens at the first execution
// and lets the adaptive counters do the warming up.
//
// Threads. Code objects are shared between threads. Bytecode and caches are
// written (quickening, specializing, counting) only while no other thread
// can run bytecode at the same time: with the GIL (the writer holds it), or
// without the GIL while free threading is not active (ft_mode false: a single
// thread). Once free threading is on, code is read-only: adaptive
// instructions run their base instruction without counting, specialized
// ones that miss run the base instruction without counting, and those whose
// fast path reads a mutable container unlocked (instance and module dicts,
// lists) take the base path. CPython 3.14 specializes with free threading
// too, with atomic rewrites and per-instruction guards; minipy keeps the
// simpler rule.
#include "specialize.h"
#include "runtime.h"

#include <string.h>

bool spec_enabled = true;

const unsigned char opcode_deopt[256] = {
#define DEOPT_BASE(name, num, kind) [num] = num,
    OPCODE_LIST(DEOPT_BASE)
#undef DEOPT_BASE
#define DEOPT_SPEC(name, num, base) [num] = base,
    SPECIALIZED_LIST(DEOPT_SPEC)
#undef DEOPT_SPEC
};

const unsigned char opcode_adaptive[256] = {
    [BINARY_OP] = BINARY_OP_ADAPTIVE,
    [BINARY_SUBSCR] = BINARY_SUBSCR_ADAPTIVE,
    [CALL] = CALL_ADAPTIVE,
    [COMPARE_OP] = COMPARE_OP_ADAPTIVE,
    [LOAD_ATTR] = LOAD_ATTR_ADAPTIVE,
    [LOAD_METHOD] = LOAD_METHOD_ADAPTIVE,
    [STORE_ATTR] = STORE_ATTR_ADAPTIVE,
    [STORE_SUBSCR] = STORE_SUBSCR_ADAPTIVE,
    [UNPACK_SEQUENCE] = UNPACK_SEQUENCE_ADAPTIVE,
};

const char *const opcode_all_names[256] = {
#define NAME_BASE(name, num, kind) [num] = #name,
    OPCODE_LIST(NAME_BASE)
#undef NAME_BASE
#define NAME_SPEC(name, num, base) [num] = #name,
    SPECIALIZED_LIST(NAME_SPEC)
#undef NAME_SPEC
};

// ---- Counters ------------------------------------------------------------------------------------

#define BACKOFF_START 4         // the first try after 2**4 - 1 = 15 executions
#define BACKOFF_MAX 12          // 16 - SPEC_BACKOFF_BITS
#define MISS_COUNTER_START 53

static CodeUnit counter_bits(unsigned value, unsigned backoff) {
    return (CodeUnit)((value << SPEC_BACKOFF_BITS) | (backoff & ((1u << SPEC_BACKOFF_BITS) - 1)));
}

static CodeUnit counter_start(void) { return counter_bits((1u << BACKOFF_START) - 1, BACKOFF_START); }

static CodeUnit counter_backoff(CodeUnit c) {
    unsigned backoff = (c & ((1u << SPEC_BACKOFF_BITS) - 1)) + 1;
    if (backoff > BACKOFF_MAX) backoff = BACKOFF_MAX;
    return counter_bits((1u << backoff) - 1, backoff);
}

static CodeUnit counter_miss_start(void) { return counter_bits(MISS_COUNTER_START, 0); }

static void set_opcode(CodeUnit *instr, int op) { *instr = (CodeUnit)(op | (CU_ARG(*instr) << 8)); }

// The specializer found a form: rewrite the instruction, arm the miss counter.
static void specialized(CodeUnit *instr, int op) {
    set_opcode(instr, op);
    instr[1] = counter_miss_start();
}

// Nothing fits these operands: wait longer before the next try.
static void unspecialized(CodeUnit *instr) { instr[1] = counter_backoff(instr[1]); }

void specialize_quicken(CodeObject *co) {
    if (co->quickened) return;
    co->quickened = true;
    if (!spec_enabled) return;
    for (int i = 0; i < co->ncode; i++) {
        int op = CU_OP(co->code[i]);
        int ad = opcode_adaptive[op];
        if (ad) {
            set_opcode(&co->code[i], ad);
            co->code[i + 1] = counter_start();
        }
        i += opcode_caches[op];
    }
}

void specialize_miss(CodeUnit *instr) {
    CodeUnit c = instr[1];
    if (c >= SPEC_VALUE_ONE) c -= SPEC_VALUE_ONE;
    if (spec_counter_is_zero(c)) {
        set_opcode(instr, opcode_adaptive[opcode_deopt[CU_OP(*instr)]]);
        c = counter_start();
    }
    instr[1] = c;
}

Object *specialize_deopt_code(CodeObject *co) {
    CodeUnit *copy = malloc(sizeof(CodeUnit) * (size_t)(co->ncode ? co->ncode : 1));
    if (!copy) {
        err_no_memory();
        return NULL;
    }
    for (int i = 0; i < co->ncode; i++) {
        int op = opcode_deopt[CU_OP(co->code[i])];
        copy[i] = (CodeUnit)(op | (CU_ARG(co->code[i]) << 8));
        for (int k = 0; k < opcode_caches[op] && i + 1 < co->ncode; k++) copy[++i] = CACHE;
    }
    Object *b = bytes_from(copy, (ssize_t)co->ncode * 2);
    free(copy);
    return b;
}

// ---- Specializers ------------------------------------------------------------------------------

static bool small_int(Object *o) {
    long v;
    return TYPE(o) == &IntType && int_as_long_fast(o, &v) == 0;
}

void specialize_binary_op(CodeUnit *instr, Object *lhs, Object *rhs, int oparg) {
    int op = oparg >= OP__COUNT ? oparg - OP__COUNT : oparg;
    int form = 0;
    if (TYPE(lhs) == &IntType && TYPE(rhs) == &IntType) {
        if (small_int(lhs) && small_int(rhs)) {
            if (op == OP_ADD) form = BINARY_OP_ADD_INT;
            else if (op == OP_SUB) form = BINARY_OP_SUBTRACT_INT;
            else if (op == OP_MUL) form = BINARY_OP_MULTIPLY_INT;
        }
    } else if (TYPE(lhs) == &FloatType && TYPE(rhs) == &FloatType) {
        if (op == OP_ADD) form = BINARY_OP_ADD_FLOAT;
        else if (op == OP_SUB) form = BINARY_OP_SUBTRACT_FLOAT;
        else if (op == OP_MUL) form = BINARY_OP_MULTIPLY_FLOAT;
    } else if (TYPE(lhs) == &StrType && TYPE(rhs) == &StrType && op == OP_ADD) {
        form = BINARY_OP_ADD_UNICODE;
    }
    if (form) specialized(instr, form);
    else unspecialized(instr);
}

void specialize_binary_subscr(CodeUnit *instr, Object *container, Object *sub) {
    int form = 0;
    if (TYPE(container) == &ListType && small_int(sub)) form = BINARY_SUBSCR_LIST_INT;
    else if (TYPE(container) == &TupleType && small_int(sub)) form = BINARY_SUBSCR_TUPLE_INT;
    else if (TYPE(container) == &DictType) form = BINARY_SUBSCR_DICT;
    if (form) specialized(instr, form);
    else unspecialized(instr);
}

void specialize_store_subscr(CodeUnit *instr, Object *container, Object *sub) {
    int form = 0;
    if (TYPE(container) == &ListType && small_int(sub)) form = STORE_SUBSCR_LIST_INT;
    else if (TYPE(container) == &DictType) form = STORE_SUBSCR_DICT;
    if (form) specialized(instr, form);
    else unspecialized(instr);
}

void specialize_call(CodeUnit *instr, Object *callable, int nargs, Object *kwnames) {
    if (!kwnames && TYPE(callable) == &FunctionType) {
        CodeObject *co = ((FunctionObject *)callable)->code;
        if (co->argcount == nargs && co->kwonlyargcount == 0 &&
            !(co->flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
            specialized(instr, CALL_PY_EXACT_ARGS);
            return;
        }
    }
    unspecialized(instr);
}

void specialize_compare_op(CodeUnit *instr, Object *lhs, Object *rhs, int oparg) {
    // Only a comparison whose result a conditional jump consumes at once.
    CodeUnit *next = instr + 1 + INLINE_CACHE_ENTRIES_COMPARE_OP;
    int next_op = CU_OP(*next);
    bool if_true, backward;
    switch (next_op) {
    case POP_JUMP_FORWARD_IF_TRUE: if_true = true, backward = false; break;
    case POP_JUMP_FORWARD_IF_FALSE: if_true = false, backward = false; break;
    case POP_JUMP_BACKWARD_IF_TRUE: if_true = true, backward = true; break;
    case POP_JUMP_BACKWARD_IF_FALSE: if_true = false, backward = true; break;
    default: unspecialized(instr); return;
    }
    int form = 0;
    if (small_int(lhs) && small_int(rhs)) form = COMPARE_OP_INT_JUMP;
    else if (TYPE(lhs) == &FloatType && TYPE(rhs) == &FloatType) form = COMPARE_OP_FLOAT_JUMP;
    else if (TYPE(lhs) == &StrType && TYPE(rhs) == &StrType && (oparg == CMP_EQ_OP || oparg == CMP_NE_OP))
        form = COMPARE_OP_STR_JUMP;
    if (!form) {
        unspecialized(instr);
        return;
    }
    int mask;
    switch (oparg) {
    case CMP_LT_OP: mask = SPEC_CMP_LT; break;
    case CMP_LE_OP: mask = SPEC_CMP_LT | SPEC_CMP_EQ; break;
    case CMP_EQ_OP: mask = SPEC_CMP_EQ; break;
    case CMP_NE_OP: mask = SPEC_CMP_LT | SPEC_CMP_GT | SPEC_CMP_UNORDERED; break;
    case CMP_GT_OP: mask = SPEC_CMP_GT; break;
    default: mask = SPEC_CMP_GT | SPEC_CMP_EQ; break;
    }
    if (!if_true) mask = ~mask & (SPEC_CMP_LT | SPEC_CMP_GT | SPEC_CMP_EQ | SPEC_CMP_UNORDERED);
    if (backward) mask |= SPEC_CMP_BACKWARD;
    instr[2] = (CodeUnit)mask;
    specialized(instr, form);
}

// The index of name in d's entries, or -1.
static ssize_t dict_index_of(Object *d, Object *name) {
    StrObject *s = (StrObject *)name;
    hash_t h = s->hash != -1 ? s->hash : str_hash(name);
    ssize_t ix;
    uint32_t version;
    Object *v = dict_lookup_cached(d, name, h, &ix, &version);
    if (!v) {
        err_clear();
        return -1;
    }
    return ix;
}

// An instance of t whose attributes live in its dict, with no data
// descriptor for name on the type.
static bool plain_instance_attr(TypeObject *t, Object *name) {
    if (t->getattro != obj_generic_getattr || t->dictoffset <= 0 || t->version_tag == 0) return false;
    Object *descr = type_lookup(t, name);
    return !descr || !TYPE(descr)->descr_set;
}

// Module attribute: the module's dict keys version and the entry index.
static bool module_attr(CodeUnit *instr, Object *owner, Object *name) {
    if (TYPE(owner) != &ModuleType) return false;
    Object *d = module_dict(owner);
    if (!d || !DICT_CHECK_EXACT(d)) return false;
    StrObject *s = (StrObject *)name;
    hash_t h = s->hash != -1 ? s->hash : str_hash(name);
    ssize_t ix;
    uint32_t version;
    Object *v = dict_lookup_cached(d, name, h, &ix, &version);
    if (!v) {
        err_clear();
        return false;
    }
    if (!version || ix < 0 || ix > 0xFFFF) return false;
    spec_write_u32(instr + 2, version);
    instr[4] = (CodeUnit)ix;
    return true;
}

void specialize_load_attr(CodeUnit *instr, Object *owner, Object *name) {
    if (module_attr(instr, owner, name)) {
        specialized(instr, LOAD_ATTR_MODULE);
        return;
    }
    TypeObject *t = TYPE(owner);
    if (plain_instance_attr(t, name)) {
        Object *d = *(Object **)((char *)owner + t->dictoffset);
        ssize_t ix = d && DICT_CHECK_EXACT(d) ? dict_index_of(d, name) : -1;
        if (ix >= 0 && ix <= 0xFFFF) {
            spec_write_u32(instr + 2, t->version_tag);
            instr[4] = (CodeUnit)ix;
            specialized(instr, LOAD_ATTR_INSTANCE_VALUE);
            return;
        }
    }
    unspecialized(instr);
}

void specialize_load_method(CodeUnit *instr, Object *owner, Object *name) {
    if (module_attr(instr, owner, name)) {
        specialized(instr, LOAD_METHOD_MODULE);
        return;
    }
    TypeObject *t = TYPE(owner);
    if (t->getattro != obj_generic_getattr || t->version_tag == 0 || t->dictoffset < 0) goto fail;
    Object *descr = type_lookup(t, name);
    if (!descr || !type_has_flag(TYPE(descr), TPFLAGS_METHOD_DESCRIPTOR)) goto fail;
    int form = LOAD_METHOD_NO_DICT;
    if (t->dictoffset > 0) {
        // The instance dict must not shadow the method (checked on every run).
        Object *d = *(Object **)((char *)owner + t->dictoffset);
        if (d && (!DICT_CHECK_EXACT(d) || dict_index_of(d, name) >= 0)) goto fail;
        form = LOAD_METHOD_WITH_VALUES;
    }
    spec_write_u32(instr + 2, t->version_tag);
    spec_write_ptr(instr + 7, descr);
    specialized(instr, form);
    return;
fail:
    unspecialized(instr);
}

void specialize_store_attr(CodeUnit *instr, Object *owner, Object *name) {
    TypeObject *t = TYPE(owner);
    if (t->setattro != obj_generic_setattr || t->dictoffset <= 0 || t->version_tag == 0) goto fail;
    Object *descr = type_lookup(t, name);
    if (descr && TYPE(descr)->descr_set) goto fail;
    Object *d = *(Object **)((char *)owner + t->dictoffset);
    if (d && !DICT_CHECK_EXACT(d)) goto fail;
    // The index the name has (or will get: the next entry) in this dict.
    ssize_t ix = d ? dict_index_of(d, name) : 0;
    if (ix < 0) ix = ((DictObject *)d)->keys ? ((DictObject *)d)->keys->nentries : 0;
    if (ix > 0xFFFF) goto fail;
    spec_write_u32(instr + 2, t->version_tag);
    instr[4] = (CodeUnit)ix;
    specialized(instr, STORE_ATTR_INSTANCE_VALUE);
    return;
fail:
    unspecialized(instr);
}

void specialize_unpack_sequence(CodeUnit *instr, Object *seq, int oparg) {
    int form = 0;
    if (TYPE(seq) == &TupleType && TUPLE_SIZE(seq) == oparg)
        form = oparg == 2 ? UNPACK_SEQUENCE_TWO_TUPLE : UNPACK_SEQUENCE_TUPLE;
    else if (TYPE(seq) == &ListType && LIST_SIZE(seq) == oparg)
        form = UNPACK_SEQUENCE_LIST;
    if (form) specialized(instr, form);
    else unspecialized(instr);
}
