// The assembler (the back half of CPython 3.11's compile.c): basic blocks ->
// code object.
//
// 1. A worklist pass over the control-flow graph computes the stack depth at
//    every block (and the maximum), and which exception handler covers each
//    instruction, from the SETUP_*/POP_BLOCK pseudo-instructions.
// 2. Unreachable blocks and code after a terminator are dropped, redundant
//    NOPs removed, and the prologue (COPY_FREE_VARS, MAKE_CELL,
//    RETURN_GENERATOR) inserted.
// 3. Jumps become relative FORWARD/BACKWARD opcodes; instruction sizes
//    (EXTENDED_ARG prefixes) are iterated to a fixed point.
// 4. Code units, the per-unit position table and the exception table are
//    written out.
#include "cinternal.h"

#include <stdlib.h>
#include <string.h>

bool is_jump_op(int op) {
    switch (op) {
    case JUMP: case JUMP_NO_INTERRUPT: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE: case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP: case FOR_ITER: case SEND:
    case SETUP_FINALLY: case SETUP_CLEANUP: case SETUP_WITH:
        return true;
    default:
        return false;
    }
}

static bool is_setup(int op) { return op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH; }

static bool is_terminator(int op) {
    return op == JUMP || op == JUMP_NO_INTERRUPT || op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE;
}

int stack_effect(int op, int arg, bool jump) {
    switch (op) {
    case NOP: case EXTENDED_ARG: case RESUME: case CACHE: return 0;
    case POP_TOP: return -1;
    case PUSH_NULL: return 1;
    case UNARY_POSITIVE: case UNARY_NEGATIVE: case UNARY_NOT: case UNARY_INVERT: return 0;
    case BINARY_SUBSCR: return -1;
    case PUSH_EXC_INFO: return 1;
    case CHECK_EXC_MATCH: return 0;
    case CHECK_EG_MATCH: return 0;
    case PREP_RERAISE_STAR: return -1;
    case WITH_EXCEPT_START: return 1;
    case GET_AITER: return 0;
    case GET_ANEXT: return 1;
    case BEFORE_ASYNC_WITH: return 1;
    case BEFORE_WITH: return 1;
    case END_ASYNC_FOR: return -2;
    case STORE_SUBSCR: return -3;
    case DELETE_SUBSCR: return -2;
    case GET_ITER: case GET_YIELD_FROM_ITER: return 0;
    case PRINT_EXPR: return -1;
    case LOAD_BUILD_CLASS: return 1;
    case LOAD_ASSERTION_ERROR: return 1;
    case RETURN_GENERATOR: return 0;
    case LIST_TO_TUPLE: return 0;
    case RETURN_VALUE: return -1;
    case IMPORT_STAR: return -1;
    case SETUP_ANNOTATIONS: return 0;
    case YIELD_VALUE: return 0;
    case ASYNC_GEN_WRAP: return 0;
    case POP_EXCEPT: return -1;
    case STORE_NAME: return -1;
    case DELETE_NAME: return 0;
    case UNPACK_SEQUENCE: return arg - 1;
    case FOR_ITER: return jump ? -1 : 1;
    case UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case STORE_ATTR: return -2;
    case DELETE_ATTR: return -1;
    case STORE_GLOBAL: return -1;
    case DELETE_GLOBAL: return 0;
    case SWAP: return 0;
    case LOAD_CONST: case LOAD_NAME: return 1;
    case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_STRING: return 1 - arg;
    case BUILD_MAP: return 1 - 2 * arg;
    case LOAD_ATTR: return 0;
    case COMPARE_OP: case IS_OP: case CONTAINS_OP: return -1;
    case IMPORT_NAME: return -1;
    case IMPORT_FROM: return 1;
    case JUMP_FORWARD: case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT: case JUMP: case JUMP_NO_INTERRUPT:
        return 0;
    case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE:
    case POP_JUMP_FORWARD_IF_FALSE: case POP_JUMP_FORWARD_IF_TRUE: case POP_JUMP_FORWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE: case POP_JUMP_BACKWARD_IF_FALSE: case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_BACKWARD_IF_NONE: case POP_JUMP_BACKWARD_IF_NOT_NONE:
        return -1;
    case LOAD_GLOBAL: return 1 + (arg & 1);
    case RERAISE: return -1;
    case COPY: return 1;
    case BINARY_OP: return -1;
    case SEND: return jump ? -1 : 0;
    case LOAD_FAST: return 1;
    case STORE_FAST: return -1;
    case DELETE_FAST: return 0;
    case RAISE_VARARGS: return -arg;
    case GET_AWAITABLE: return 0;
    case MAKE_FUNCTION: return -__builtin_popcount((unsigned)arg & 0xF);
    case BUILD_SLICE: return 1 - arg;
    case MAKE_CELL: case COPY_FREE_VARS: return 0;
    case LOAD_CLOSURE: case LOAD_DEREF: case LOAD_CLASSDEREF: return 1;
    case STORE_DEREF: return -1;
    case DELETE_DEREF: return 0;
    case CALL_FUNCTION_EX: return -2 - (arg & 1);
    case LIST_APPEND: case SET_ADD: return -1;
    case MAP_ADD: return -2;
    case FORMAT_VALUE: return (arg & FVS_HAVE_SPEC) ? -1 : 0;
    case BUILD_CONST_KEY_MAP: return -arg;
    case LOAD_METHOD: return 1;
    case LIST_EXTEND: case SET_UPDATE: case DICT_MERGE: case DICT_UPDATE: return -1;
    case CALL: return -1 - arg;
    case PRECALL: return 0;
    case KW_NAMES: return 0;
    case SETUP_FINALLY: return jump ? 1 : 0;
    case SETUP_CLEANUP: return jump ? 2 : 0;
    case SETUP_WITH: return jump ? 1 : 0;
    case POP_BLOCK: return 0;
    default: return 0;
    }
}

typedef struct {
    int *stack;     // except stack: handler block indexes
    int n;
} ExcStack;

typedef struct {
    int *items;
    int n, cap;
} Worklist;

static void wl_push(Worklist *w, int b) {
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->items = realloc(w->items, sizeof(int) * (size_t)w->cap);
        if (!w->items) abort();
    }
    w->items[w->n++] = b;
}

// Per-block except stacks at entry, and per-handler-block table info.
typedef struct {
    ExcStack *entry;
    bool *have_entry;
    int *handler_depth;
    bool *handler_lasti;
} FlowInfo;

static bool set_depth(Compiler *c, Unit *u, Worklist *w, int b, int depth) {
    Block *blk = &u->blocks[b];
    if (blk->depth < 0) {
        blk->depth = depth;
        wl_push(w, b);
        return true;
    }
    if (blk->depth != depth) {
        vm_raise(Exc_SystemError, "compiler: inconsistent stack depth in %U (block %d: %d vs %d)", u->name, b,
                 blk->depth, depth);
        return false;
    }
    return true;
}

static void set_exc_entry(FlowInfo *fi, int b, const ExcStack *s) {
    if (fi->have_entry[b]) return;
    fi->have_entry[b] = true;
    fi->entry[b].n = s->n;
    fi->entry[b].stack = malloc(sizeof(int) * (size_t)(s->n + 1));
    if (!fi->entry[b].stack) abort();
    if (s->n) memcpy(fi->entry[b].stack, s->stack, sizeof(int) * (size_t)s->n);
}

// Pass 1: stack depths and exception handler of every instruction.
// Instr.target of non-jumps is reused to hold the covering handler block (-1 none)
// via the `handlers` array.
static bool analyze_flow(Compiler *c, Unit *u, int **handlers_out, FlowInfo *fi, int *maxdepth) {
    int nb = u->nblocks;
    int **handlers = calloc((size_t)nb, sizeof(int *));
    fi->entry = calloc((size_t)nb, sizeof(ExcStack));
    fi->have_entry = calloc((size_t)nb, sizeof(bool));
    fi->handler_depth = calloc((size_t)nb, sizeof(int));
    fi->handler_lasti = calloc((size_t)nb, sizeof(bool));
    if (!handlers || !fi->entry || !fi->have_entry || !fi->handler_depth || !fi->handler_lasti) abort();
    for (int b = 0; b < nb; b++) {
        handlers[b] = malloc(sizeof(int) * (size_t)(u->blocks[b].n + 1));
        for (int i = 0; i < u->blocks[b].n; i++) handlers[b][i] = -1;
    }
    Worklist w = {0};
    int max = 0;
    bool ok = set_depth(c, u, &w, 0, 0);
    ExcStack empty = {NULL, 0};
    set_exc_entry(fi, 0, &empty);
    int *tmp = malloc(sizeof(int) * 64);
    int tmpcap = 64;
    while (ok && w.n) {
        int b = w.items[--w.n];
        Block *blk = &u->blocks[b];
        blk->visited = true;
        int depth = blk->depth;
        ExcStack es = {tmp, fi->entry[b].n};
        if (es.n > tmpcap) {
            tmpcap = es.n * 2;
            tmp = realloc(tmp, sizeof(int) * (size_t)tmpcap);
            es.stack = tmp;
        }
        if (es.n) memcpy(es.stack, fi->entry[b].stack, sizeof(int) * (size_t)es.n);
        bool fallthrough = true;
        for (int i = 0; i < blk->n; i++) {
            Instr *in = &blk->instrs[i];
            handlers[b][i] = es.n ? es.stack[es.n - 1] : -1;
            if (is_jump_op(in->op)) {
                int tdepth = depth + stack_effect(in->op, in->arg, true);
                if (is_setup(in->op)) {
                    int hd = in->op == SETUP_WITH ? depth - 1 : depth;
                    fi->handler_depth[in->target] = hd;
                    fi->handler_lasti[in->target] = in->op != SETUP_FINALLY;
                    u->blocks[in->target].is_handler = true;
                    tdepth = hd + (in->op != SETUP_FINALLY ? 2 : 1);
                    set_exc_entry(fi, in->target, &es);
                } else {
                    set_exc_entry(fi, in->target, &es);
                }
                if (tdepth > max) max = tdepth;
                if (!(ok = set_depth(c, u, &w, in->target, tdepth))) break;
                if (is_setup(in->op)) {
                    if (es.n == tmpcap) {
                        tmpcap *= 2;
                        tmp = realloc(tmp, sizeof(int) * (size_t)tmpcap);
                        es.stack = tmp;
                    }
                    es.stack[es.n++] = in->target;
                }
            } else if (in->op == POP_BLOCK) {
                if (es.n) es.n--;
            }
            depth += stack_effect(in->op, in->arg, false);
            if (depth < 0) {
                vm_raise(Exc_SystemError, "compiler: negative stack depth in %U", u->name);
                ok = false;
                break;
            }
            if (depth > max) max = depth;
            if (is_terminator(in->op)) {
                // Drop dead code after the terminator.
                blk->n = i + 1;
                fallthrough = false;
                break;
            }
        }
        if (ok && fallthrough && blk->next >= 0) {
            set_exc_entry(fi, blk->next, &es);
            ok = set_depth(c, u, &w, blk->next, depth);
        }
    }
    free(tmp);
    free(w.items);
    *handlers_out = NULL;
    // Flatten handlers into the instructions: stash in a side table per block.
    if (!ok) {
        for (int b = 0; b < nb; b++) free(handlers[b]);
        free(handlers);
        return false;
    }
    // Keep handlers via a single allocation of per-block arrays.
    *handlers_out = (int *)handlers;
    *maxdepth = max;
    return true;
}

// Code units of an instruction: EXTENDED_ARG prefixes, itself, its caches.
static int instr_size(int op, int arg) {
    int caches = op < 256 ? opcode_caches[op] : 0;
    if (arg < 0) arg = 0;
    if (arg <= 0xFF) return 1 + caches;
    if (arg <= 0xFFFF) return 2 + caches;
    if (arg <= 0xFFFFFF) return 3 + caches;
    return 4 + caches;
}

// A flattened instruction.
typedef struct {
    int op, arg;
    int target;     // block index for jumps
    int handler;    // handler block index or -1
    Position pos;
    int offset, size;
} Flat;

static int resolve_jump(int op, bool backward) {
    switch (op) {
    case JUMP: return backward ? JUMP_BACKWARD : JUMP_FORWARD;
    case JUMP_NO_INTERRUPT: return backward ? JUMP_BACKWARD_NO_INTERRUPT : JUMP_FORWARD;
    case POP_JUMP_IF_FALSE: return backward ? POP_JUMP_BACKWARD_IF_FALSE : POP_JUMP_FORWARD_IF_FALSE;
    case POP_JUMP_IF_TRUE: return backward ? POP_JUMP_BACKWARD_IF_TRUE : POP_JUMP_FORWARD_IF_TRUE;
    case POP_JUMP_IF_NONE: return backward ? POP_JUMP_BACKWARD_IF_NONE : POP_JUMP_FORWARD_IF_NONE;
    case POP_JUMP_IF_NOT_NONE: return backward ? POP_JUMP_BACKWARD_IF_NOT_NONE : POP_JUMP_FORWARD_IF_NOT_NONE;
    default: return op;
    }
}

Object *assemble(Compiler *c, Unit *u) {
    int **handlers = NULL;
    FlowInfo fi = {0};
    int maxdepth = 0;
    Object *result = NULL;
    if (!analyze_flow(c, u, (int **)&handlers, &fi, &maxdepth)) goto done_flow;

    // Layout order; unreachable blocks are dropped.
    int nb = u->nblocks;
    int *order = malloc(sizeof(int) * (size_t)nb);
    int norder = 0;
    for (int b = 0; b >= 0; b = u->blocks[b].next)
        if (u->blocks[b].visited) order[norder++] = b;

    // Flatten, dropping pseudo-instructions and redundant NOPs.
    int total = 0;
    for (int k = 0; k < norder; k++) total += u->blocks[order[k]].n;
    int nprefix = 1 + u->ncells + 2;
    Flat *fl = calloc((size_t)(total + nprefix + 1), sizeof(Flat));
    int *block_start = malloc(sizeof(int) * (size_t)nb);  // index into fl of a block's first instr
    for (int b = 0; b < nb; b++) block_start[b] = -1;
    int nf = 0;
    Position prologue = {-1, -1, -1, -1};  // no line, as in CPython
    if (u->nfrees) fl[nf++] = (Flat){COPY_FREE_VARS, u->nfrees, -1, -1, prologue, 0, 0};
    for (int i = 0; i < u->nkinds; i++)
        if (u->kinds[i] & CO_FAST_CELL) fl[nf++] = (Flat){MAKE_CELL, i, -1, -1, prologue, 0, 0};
    if (u->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        // RETURN_GENERATOR carries the def line (a throw() into a generator
        // that has not started reports it), POP_TOP none, as in CPython.
        Position genpos = {u->firstlineno, u->firstlineno, -1, -1};
        fl[nf++] = (Flat){RETURN_GENERATOR, 0, -1, -1, genpos, 0, 0};
        fl[nf++] = (Flat){POP_TOP, 0, -1, -1, prologue, 0, 0};
    }
    int prev_line = -1;
    for (int k = 0; k < norder; k++) {
        int b = order[k];
        Block *blk = &u->blocks[b];
        block_start[b] = nf;
        for (int i = 0; i < blk->n; i++) {
            Instr *in = &blk->instrs[i];
            // SETUP_*/POP_BLOCK become NOPs: kept only where they carry a line.
            bool pseudo = is_setup(in->op) || in->op == POP_BLOCK;
            if (in->op == NOP || pseudo) {
                int line = in->pos.lineno;
                if (line < 0 || line == prev_line) continue;
                // The next real instruction on the same line makes it
                // redundant; so does one without a line, which takes the
                // NOP's (CPython's remove_redundant_nops).
                int next_line = -2, next = -1;
                for (int j = i + 1; j < blk->n; j++) {
                    next_line = blk->instrs[j].pos.lineno;
                    next = j;
                    break;
                }
                if (next < 0 && !pseudo) {
                    // Last in its block: the first instruction of the next
                    // block with any decides.
                    for (int k2 = k + 1; k2 < norder; k2++) {
                        Block *nb2 = &u->blocks[order[k2]];
                        if (nb2->n == 0) continue;
                        next_line = nb2->instrs[0].pos.lineno;
                        break;
                    }
                }
                if (next_line == line) continue;
                if (next >= 0 && next_line < 0) {
                    blk->instrs[next].pos = in->pos;
                    continue;
                }
            }
            Flat *f = &fl[nf++];
            f->op = pseudo ? NOP : in->op;
            f->arg = pseudo ? 0 : in->arg;
            f->target = !pseudo && is_jump_op(in->op) ? in->target : -1;
            // SETUP_*/POP_BLOCK leave no handler on their NOP, as in CPython.
            f->handler = pseudo ? -1 : handlers[b][i];
            f->pos = in->pos;
            // Artificial instructions take the location before them.
            if (f->pos.lineno < 0 && nf > 1) f->pos = fl[nf - 2].pos;
            prev_line = f->pos.lineno;
        }
    }
    // A jump to a block whose instructions were all removed goes to the next block with any.
    for (int k = norder - 1, next_start = nf; k >= 0; k--) {
        int b = order[k];
        int end = k + 1 < norder ? block_start[order[k + 1]] : nf;
        if (block_start[b] == end) block_start[b] = next_start;
        next_start = block_start[b];
    }

    // Offsets, to a fixed point.
    for (int i = 0; i < nf; i++) fl[i].size = instr_size(fl[i].op, fl[i].arg);
    for (int iter = 0; iter < 10; iter++) {
        int off = 0;
        for (int i = 0; i < nf; i++) {
            fl[i].offset = off;
            off += fl[i].size;
        }
        bool changed = false;
        for (int i = 0; i < nf; i++) {
            Flat *f = &fl[i];
            if (f->target < 0) continue;
            int ti = block_start[f->target];
            int toff = ti < nf ? fl[ti].offset : off;
            int end = f->offset + f->size;
            bool backward = toff < end;
            int arg = backward ? end - toff : toff - end;
            int op = resolve_jump(f->op, backward);
            if (backward && (op == FOR_ITER || op == SEND || op == JUMP_IF_FALSE_OR_POP || op == JUMP_IF_TRUE_OR_POP)) {
                vm_raise(Exc_SystemError, "compiler: backward %s", opcode_names[op]);
                goto done;
            }
            f->arg = arg;
            int sz = instr_size(f->op, arg);
            if (sz != f->size) {
                f->size = sz;
                changed = true;
            }
        }
        if (!changed) break;
    }
    int ncode = 0;
    for (int i = 0; i < nf; i++) ncode += fl[i].size;

    CodeObject *co = (CodeObject *)obj_alloc(&CodeType, sizeof(CodeObject));
    if (!co) goto done;
    co->code = malloc(sizeof(CodeUnit) * (size_t)(ncode + 1));
    co->positions = malloc(sizeof(Position) * (size_t)(ncode + 1));
    if (!co->code || !co->positions) {
        DECREF(co);
        err_no_memory();
        goto done;
    }
    co->ncode = ncode;
    int pc = 0;
    for (int i = 0; i < nf; i++) {
        Flat *f = &fl[i];
        int op = f->target >= 0 ? resolve_jump(f->op, fl[i].offset + f->size >
                                                        (block_start[f->target] < nf ? fl[block_start[f->target]].offset : ncode))
                                : f->op;
        int caches = opcode_caches[op];
        for (int s = f->size - 1 - caches; s >= 1; s--) {
            co->code[pc] = (CodeUnit)(EXTENDED_ARG | (((f->arg >> (8 * s)) & 0xFF) << 8));
            co->positions[pc] = f->pos;
            pc++;
        }
        co->code[pc] = (CodeUnit)(op | ((f->arg & 0xFF) << 8));
        co->positions[pc] = f->pos;
        pc++;
        for (int k = 0; k < caches; k++) {
            co->code[pc] = CACHE;
            co->positions[pc] = f->pos;
            pc++;
        }
    }
    // Exception table: runs of units covered by the same handler.
    co->exctable = malloc(sizeof(ExcTableEntry) * (size_t)(nf + 1));
    co->nexctable = 0;
    for (int i = 0; i < nf;) {
        int h = fl[i].handler;
        int j = i;
        while (j < nf && fl[j].handler == h) j++;
        if (h >= 0) {
            ExcTableEntry *e = &co->exctable[co->nexctable++];
            e->start = fl[i].offset;
            e->end = j < nf ? fl[j].offset : ncode;
            int ti = block_start[h];
            e->target = ti < nf ? fl[ti].offset : ncode;
            e->depth = (int16_t)fi.handler_depth[h];
            e->lasti = fi.handler_lasti[h];
        }
        i = j;
    }
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->nlocalsplus = u->nkinds;
    co->nlocals = u->nlocals;
    co->ncellvars = u->ncells;
    co->nfreevars = u->nfrees;
    // A generator's first resume pushes the sent value at depth 0: one slot is enough.
    co->stacksize = maxdepth;
    if ((u->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) && co->stacksize < 1) co->stacksize = 1;
    co->has_docstring = u->has_docstring;
    co->flags = u->flags;
    co->firstlineno = u->firstlineno;
    co->framesize = co->nlocalsplus + co->stacksize;
    co->consts = list_as_tuple(u->consts);
    co->names = list_as_tuple(u->names);
    co->localsplusnames = list_as_tuple(u->varnames);
    co->localspluskinds = malloc((size_t)u->nkinds + 1);
    if (u->nkinds) memcpy(co->localspluskinds, u->kinds, (size_t)u->nkinds);
    co->filename = NEWREF(c->filename);
    co->name = NEWREF(u->name);
    co->qualname = NEWREF(u->qualname);
    co->classcell_index = -1;
    if (!co->consts || !co->names || !co->localsplusnames) {
        DECREF(co);
        goto done;
    }
    result = (Object *)co;
done:
    free(fl);
    free(block_start);
    free(order);
done_flow:
    if (handlers) {
        for (int b = 0; b < u->nblocks; b++) free(handlers[b]);
        free(handlers);
    }
    if (fi.entry) {
        for (int b = 0; b < u->nblocks; b++) free(fi.entry[b].stack);
        free(fi.entry);
    }
    free(fi.have_entry);
    free(fi.handler_depth);
    free(fi.handler_lasti);
    return result;
}
