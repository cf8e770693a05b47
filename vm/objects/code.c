// Code objects (CPython's Objects/codeobject.c).
#include "../runtime.h"
#include "../specialize.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

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

// ---- code.replace -----------------------------------------------------------------------
//
// A copy with some fields changed (CPython's code.replace). minipy changes
// the fields that cannot break the bytecode's assumptions: co_flags (the
// kind of function must stay: generator, coroutine, async generator),
// co_consts and co_names (same length), co_filename, co_name,
// co_qualname, co_firstlineno. The others may be passed with their
// current value; a different one is a ValueError, not a crash.

static Object *code_copy(CodeObject *co) {
    Object *bytes = specialize_deopt_code(co);  // the base instructions
    if (!bytes) return NULL;
    CodeObject *n = (CodeObject *)obj_alloc(&CodeType, sizeof(CodeObject));
    if (!n) {
        DECREF(bytes);
        return NULL;
    }
    memcpy((char *)n + sizeof(Object), (char *)co + sizeof(Object), sizeof(CodeObject) - sizeof(Object));
    n->quickened = false;
    n->code = malloc(sizeof(CodeUnit) * (size_t)(co->ncode + 1));
    n->positions = malloc(sizeof(Position) * (size_t)(co->ncode + 1));
    n->exctable = malloc(sizeof(ExcTableEntry) * (size_t)(co->nexctable + 1));
    n->localspluskinds = malloc((size_t)co->nlocalsplus + 1);
    if (!n->code || !n->positions || !n->exctable || !n->localspluskinds) {
        free(n->code);
        free(n->positions);
        free(n->exctable);
        free(n->localspluskinds);
        n->code = NULL;
        n->positions = NULL;
        n->exctable = NULL;
        n->localspluskinds = NULL;
        n->consts = n->names = n->localsplusnames = n->filename = n->name = n->qualname = NULL;
        DECREF(n);
        DECREF(bytes);
        err_no_memory();
        return NULL;
    }
    memcpy(n->code, BYTES_DATA(bytes), sizeof(CodeUnit) * (size_t)co->ncode);
    DECREF(bytes);
    memcpy(n->positions, co->positions, sizeof(Position) * (size_t)co->ncode);
    memcpy(n->exctable, co->exctable, sizeof(ExcTableEntry) * (size_t)co->nexctable);
    memcpy(n->localspluskinds, co->localspluskinds, (size_t)co->nlocalsplus);
    INCREF(n->consts);
    INCREF(n->names);
    INCREF(n->localsplusnames);
    INCREF(n->filename);
    INCREF(n->name);
    INCREF(n->qualname);
    return (Object *)n;
}

static int replace_str(Object *v, const char *key, Object **slot) {
    if (!STR_CHECK(v)) {
        vm_raise(Exc_TypeError, "replace() argument '%s' must be str, not %s", key, type_name(TYPE(v)));
        return -1;
    }
    SETREF(*slot, NEWREF(v));
    return 0;
}

static int replace_tuple(Object *v, const char *key, Object **slot, bool strs) {
    if (!TUPLE_CHECK_EXACT(v)) {
        vm_raise(Exc_TypeError, "replace() argument '%s' must be tuple, not %s", key, type_name(TYPE(v)));
        return -1;
    }
    if (TUPLE_SIZE(v) != TUPLE_SIZE(*slot)) {
        vm_raise(Exc_ValueError, "code.replace(): minipy cannot change the length of %s", key);
        return -1;
    }
    for (ssize_t i = 0; strs && i < TUPLE_SIZE(v); i++)
        if (!STR_CHECK(TUPLE_ITEMS(v)[i])) {
            vm_raise(Exc_TypeError, "name tuples must contain only strings, not '%s'",
                     type_name(TYPE(TUPLE_ITEMS(v)[i])));
            return -1;
        }
    SETREF(*slot, NEWREF(v));
    return 0;
}

static Object *code_replace(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs) return vm_raise(Exc_TypeError, "replace() takes no positional arguments");
    CodeObject *co = (CodeObject *)self;
    CodeObject *n = (CodeObject *)code_copy(co);
    if (!n) return NULL;
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        Object *k = TUPLE_ITEMS(kwnames)[i], *v = args[i];
        const char *key = STR_DATA(k);
        int r = 0;
        if (!strcmp(key, "co_flags") || !strcmp(key, "co_firstlineno")) {
            long x = int_as_long(v);
            if (x == -1 && err_occurred()) goto fail;
            if (key[3] == 'f' && key[4] == 'l') {
                const long kind = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
                if ((x & kind) != (co->flags & kind) || x < 0 || x > INT_MAX) {
                    vm_raise(Exc_ValueError, "code.replace(): minipy cannot change whether co_flags makes a "
                                             "generator, coroutine or async generator");
                    goto fail;
                }
                n->flags = (int)x;
            } else {
                if (x < 0 || x > INT_MAX) {
                    vm_raise(Exc_ValueError, "co_firstlineno must be a positive integer");
                    goto fail;
                }
                n->firstlineno = (int)x;
            }
        } else if (!strcmp(key, "co_consts")) {
            r = replace_tuple(v, key, &n->consts, false);
        } else if (!strcmp(key, "co_names")) {
            r = replace_tuple(v, key, &n->names, true);
        } else if (!strcmp(key, "co_filename")) {
            r = replace_str(v, key, &n->filename);
        } else if (!strcmp(key, "co_name")) {
            r = replace_str(v, key, &n->name);
        } else if (!strcmp(key, "co_qualname")) {
            r = replace_str(v, key, &n->qualname);
        } else {
            static const char *const fixed[] = {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
                                                "co_nlocals", "co_stacksize", "co_code", "co_varnames",
                                                "co_freevars", "co_cellvars", "co_linetable",
                                                "co_exceptiontable", NULL};
            int j = 0;
            while (fixed[j] && strcmp(fixed[j], key)) j++;
            if (!fixed[j]) {
                vm_raise(Exc_TypeError, "'%s' is an invalid keyword argument for replace()", key);
                goto fail;
            }
            Object *cur = obj_getattr(self, k);
            if (!cur) goto fail;
            int same = obj_richcompare_bool(cur, v, CMP_EQ_OP);
            DECREF(cur);
            if (same < 0) goto fail;
            if (!same) {
                vm_raise(Exc_ValueError, "code.replace(): minipy cannot change %s", key);
                goto fail;
            }
        }
        if (r < 0) goto fail;
    }
    return (Object *)n;
fail:
    DECREF(n);
    return NULL;
}

static const MethodDef code_methods[] = {
    {"replace", code_replace, 0, "Return a copy of the code object with new values for the specified fields."},
    {NULL, NULL, 0, NULL}};

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
    .methods = code_methods,
    .getset = code_getset,
};
