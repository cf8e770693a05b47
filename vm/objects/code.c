// Code objects (CPython's Objects/codeobject.c).
#include "../runtime.h"
#include "../specialize.h"

#include <stdlib.h>

int code_addr2line(CodeObject *co, int i) {
    if (i < 0 || i >= co->ncode) return co->firstlineno;
    return co->positions[i].lineno;
}

const ExcTableEntry *code_find_handler(CodeObject *co, int i) {
    // Entries are sorted by start and do not overlap.
    int lo = 0, hi = co->nexctable;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        const ExcTableEntry *e = &co->exctable[mid];
        if (i < e->start) hi = mid;
        else if (i >= e->end) lo = mid + 1;
        else return e;
    }
    return NULL;
}

static void code_dealloc(Object *o) {
    CodeObject *co = (CodeObject *)o;
    free(co->code);
    free(co->positions);
    free(co->exctable);
    free(co->localspluskinds);
    XDECREF(co->consts);
    XDECREF(co->names);
    XDECREF(co->localsplusnames);
    XDECREF(co->filename);
    XDECREF(co->name);
    XDECREF(co->qualname);
    obj_free(o);
}

static Object *code_repr(Object *o) {
    CodeObject *co = (CodeObject *)o;
    return str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name, (void *)o, co->filename,
                           co->firstlineno);
}

// A tuple of the localsplus names whose kind has any of the bits in mask
// (and, for CO_FAST_LOCAL, only plain locals).
static Object *names_of_kind(CodeObject *co, int kind) {
    Object *l = list_new(0);
    if (!l) return NULL;
    for (int i = 0; i < co->nlocalsplus; i++) {
        uint8_t k = co->localspluskinds[i];
        bool take = kind == CO_FAST_LOCAL ? (k & CO_FAST_LOCAL) != 0
                    : kind == CO_FAST_CELL ? (k & CO_FAST_CELL) != 0
                                           : (k & CO_FAST_FREE) != 0;
        if (take && list_append(l, TUPLE_ITEMS(co->localsplusnames)[i]) < 0) {
            DECREF(l);
            return NULL;
        }
    }
    Object *t = list_as_tuple(l);
    DECREF(l);
    return t;
}

#define CODE_INT(field) \
    static Object *code_get_##field(Object *o, void *c) { return int_from_long(((CodeObject *)o)->field); }
CODE_INT(argcount)
CODE_INT(posonlyargcount)
CODE_INT(kwonlyargcount)
CODE_INT(nlocals)
CODE_INT(stacksize)
CODE_INT(flags)
CODE_INT(firstlineno)
#undef CODE_INT
#define CODE_OBJ(field) \
    static Object *code_get_##field(Object *o, void *c) { return NEWREF(((CodeObject *)o)->field); }
CODE_OBJ(consts)
CODE_OBJ(names)
CODE_OBJ(filename)
CODE_OBJ(name)
CODE_OBJ(qualname)
#undef CODE_OBJ
static Object *code_get_varnames(Object *o, void *c) { return names_of_kind((CodeObject *)o, CO_FAST_LOCAL); }
static Object *code_get_cellvars(Object *o, void *c) { return names_of_kind((CodeObject *)o, CO_FAST_CELL); }
static Object *code_get_freevars(Object *o, void *c) { return names_of_kind((CodeObject *)o, CO_FAST_FREE); }
static Object *code_get_code(Object *o, void *c) {
    CodeObject *co = (CodeObject *)o;
    return specialize_deopt_code(co);
}

static const GetSetDef code_getset[] = {
    {"co_argcount", code_get_argcount, NULL, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, NULL, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, NULL, NULL},
    {"co_nlocals", code_get_nlocals, NULL, NULL},
    {"co_stacksize", code_get_stacksize, NULL, NULL},
    {"co_flags", code_get_flags, NULL, NULL},
    {"co_firstlineno", code_get_firstlineno, NULL, NULL},
    {"co_consts", code_get_consts, NULL, NULL},
    {"co_names", code_get_names, NULL, NULL},
    {"co_filename", code_get_filename, NULL, NULL},
    {"co_name", code_get_name, NULL, NULL},
    {"co_qualname", code_get_qualname, NULL, NULL},
    {"co_varnames", code_get_varnames, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject CodeType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "code",
    .basicsize = sizeof(CodeObject),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .getset = code_getset,
};
