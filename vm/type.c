// Types: `type`, `object`, classes created by `class`, and the bridge
// between C slots and dunder methods (CPython's Objects/typeobject.c).
//
// Notes on the design
// -------------------
// Every type has C slots (repr, richcompare, nb[...], mp_subscript, ...).
// Built-in types fill them in C; type_ready() then publishes each slot in the
// type's dict as a "wrapper descriptor" (so `int.__add__` and
// `object.__init__` exist and `super().__init__()` works).
//
// A class created by `class` (a heap type) resolves each slot from its MRO:
// if the dunder found is a wrapper descriptor of a C type, the slot is that
// type's C function (no Python-level call); if it is anything else (a Python
// function), the slot is a generic `slot_*` function that calls the dunder.
// Assigning a dunder on a class later re-resolves the slot for the class and
// its subclasses.
//
// Attribute lookup along the MRO goes through a global method cache keyed by
// (type version tag, name). A type's tag changes when it or any base is
// modified, so stale entries simply miss.
#include "runtime.h"
#include "objects/weakref.h"
#include "gc.h"
#include "eval.h"
#include "import.h"

#include <stdlib.h>
#include <string.h>
#include <pthread.h>

static unsigned int next_version_tag = 1;

// ---- Method cache -----------------------------------------------------------

#ifdef MINIPY_FT
#define MCACHE_BITS 10  // per thread: 24 KB, touched by a thread's first lookups
#else
#define MCACHE_BITS 12
#endif
#define MCACHE_SIZE (1 << MCACHE_BITS)
typedef struct {
    unsigned int version;
    Object *name;       // borrowed: interned names are immortal
    Object *value;      // borrowed: the type's dict holds it
} MCacheEntry;
#ifdef MINIPY_FT
// Free threading: one cache per thread, allocated on the thread's first
// lookup, smaller than the shared one of the default build. Not a
// _Thread_local array: the C library zero-fills a thread's static
// thread-local block when the thread starts, so that was 96 KB of resident
// memory per thread, in both VM builds (they share the binary), GIL on or
// off.
static _Thread_local MCacheEntry *mcache_tls;

static inline MCacheEntry *mcache_get(void) {
    MCacheEntry *c = mcache_tls;
    if (__builtin_expect(c == NULL, 0)) c = mcache_tls = calloc(MCACHE_SIZE, sizeof(MCacheEntry));
    return c;
}

void type_mcache_thread_fini(void) {
    free(mcache_tls);
    mcache_tls = NULL;
}
#else
static MCacheEntry mcache[MCACHE_SIZE];
static inline MCacheEntry *mcache_get(void) { return mcache; }
void type_mcache_thread_fini(void) {}
#endif

static inline unsigned mcache_hash(unsigned version, Object *name) {
    return ((version ^ (unsigned)((uintptr_t)name >> 3)) * 2654435761u) >> (32 - MCACHE_BITS);
}

static Object *find_name_in_mro(TypeObject *t, Object *name) {
    Object *mro = t->mro;
    if (!mro) {
        for (TypeObject *b = t; b; b = b->base) {
            Object *v = b->dict ? dict_getitem(b->dict, name) : NULL;
            if (v) return v;
        }
        return NULL;
    }
    ssize_t n = TUPLE_SIZE(mro);
    for (ssize_t i = 0; i < n; i++) {
        TypeObject *b = (TypeObject *)TUPLE_ITEMS(mro)[i];
        Object *v = dict_getitem(b->dict, name);
        if (v) return v;
    }
    return NULL;
}

Object *type_lookup(TypeObject *t, Object *name) {
    StrObject *s = (StrObject *)name;
    MCacheEntry *cache;
    if (s->interned && t->version_tag && (cache = mcache_get()) != NULL) {
        unsigned h = mcache_hash(t->version_tag, name);
        MCacheEntry *e = &cache[h];
        if (e->version == t->version_tag && e->name == name) return e->value;
        Object *v = find_name_in_mro(t, name);
        e->version = t->version_tag;
        e->name = name;
        e->value = v;
        return v;
    }
    Object *v = find_name_in_mro(t, name);
    if (!v && err_occurred()) err_clear();
    return v;
}

Object *type_lookup_str(TypeObject *t, const char *name) {
    Object *n = str_intern_cstr(name);
    return n ? type_lookup(t, n) : NULL;
}

static void assign_version_tag(TypeObject *t) {
    t->version_tag = __atomic_fetch_add(&next_version_tag, 1, __ATOMIC_RELAXED);
}

#ifndef MINIPY_FT
// The method cache entries of t and its subclasses for name, refreshed after
// a plain value of name in a dict along their MRO was replaced.
static void mcache_refresh(TypeObject *t, Object *name) {
    if (t->version_tag) {
        MCacheEntry *e = &mcache[mcache_hash(t->version_tag, name)];
        if (e->version == t->version_tag && e->name == name) {
            e->value = find_name_in_mro(t, name);
            if (!e->value && err_occurred()) err_clear();
        }
    }
    for (int i = 0; i < t->nsubclasses; i++) mcache_refresh(t->subclasses[i], name);
}
#endif

void type_modified(TypeObject *t) {
    assign_version_tag(t);
    for (int i = 0; i < t->nsubclasses; i++) type_modified(t->subclasses[i]);
}

static void add_subclass(TypeObject *base, TypeObject *sub) {
    if (base->nsubclasses == base->subclasses_cap) {
        int cap = base->subclasses_cap ? base->subclasses_cap * 2 : 4;
        TypeObject **p = realloc(base->subclasses, sizeof(TypeObject *) * (size_t)cap);
        if (!p) return;  // only cache invalidation is lost; tags still change on the type itself
        base->subclasses = p;
        base->subclasses_cap = cap;
    }
    base->subclasses[base->nsubclasses++] = sub;
}

static void remove_subclass(TypeObject *base, TypeObject *sub) {
    for (int i = 0; i < base->nsubclasses; i++) {
        if (base->subclasses[i] == sub) {
            base->subclasses[i] = base->subclasses[--base->nsubclasses];
            return;
        }
    }
}

// ---- Subtype checks -----------------------------------------------------------

bool type_is_subtype(TypeObject *a, TypeObject *b) {
    if (a == b) return true;
    Object *mro = a->mro;
    if (mro) {
        ssize_t n = TUPLE_SIZE(mro);
        for (ssize_t i = 1; i < n; i++)
            if (TUPLE_ITEMS(mro)[i] == (Object *)b) return true;
        return false;
    }
    for (a = a->base; a; a = a->base)
        if (a == b) return true;
    return b == &BaseObjectType;
}

const char *type_name(TypeObject *t) { return t->name; }

Object *type_qualname(TypeObject *t) {
    if (t->ht_qualname) return NEWREF(t->ht_qualname);
    return str_from_cstr(t->name);
}

// The __instancecheck__ / __subclasscheck__ of cls's metaclass when it
// overrides type's (ABCMeta's): 1 or 0 from calling it, -1 on error, -2 when
// there is none and the plain subtype check applies.
static int call_check_hook(Object *cls, const char *name, Object *arg) {
    if (TYPE(cls) == &TypeType) return -2;
    Object *n = str_intern_cstr(name);
    Object *hook = type_lookup(TYPE(cls), n);
    if (!hook || hook == type_lookup(&TypeType, n)) return -2;
    if (enter_recursive_call(" in __instancecheck__") < 0) return -1;
    Object *res = obj_call_method_obj(cls, n, &arg, 1);
    leave_recursive_call();
    if (!res) return -1;
    int t = obj_istrue(res);
    DECREF(res);
    return t;
}

int obj_isinstance(Object *inst, Object *cls) {
    if (TYPE(inst) == (TypeObject *)cls) return 1;
    if (TUPLE_CHECK(cls)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(cls); i++) {
            int r = obj_isinstance(inst, TUPLE_ITEMS(cls)[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!TYPE_CHECK(cls)) {
        vm_raise(Exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    int r = call_check_hook(cls, "__instancecheck__", inst);
    if (r != -2) return r;
    return type_is_subtype(TYPE(inst), (TypeObject *)cls);
}

int obj_issubclass(Object *derived, Object *cls) {
    if (!TYPE_CHECK(derived)) {
        vm_raise(Exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (TUPLE_CHECK(cls)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(cls); i++) {
            int r = obj_issubclass(derived, TUPLE_ITEMS(cls)[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!TYPE_CHECK(cls)) {
        vm_raise(Exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    int r = call_check_hook(cls, "__subclasscheck__", derived);
    if (r != -2) return r;
    return type_is_subtype((TypeObject *)derived, (TypeObject *)cls);
}

// ---- Slot table -----------------------------------------------------------------
//
// One entry per dunder that maps to a C slot. `kind` selects both the
// wrapper (calling the C slot from Python) and the heap-type resolution.

enum {
    W_REPR, W_STR, W_HASH, W_CALL, W_ITER, W_NEXT, W_GETATTRIBUTE, W_GETATTR, W_SETATTR,
    W_DELATTR, W_LT, W_LE, W_EQ, W_NE, W_GT, W_GE, W_GET, W_SET, W_DELETE, W_INIT,
    W_LEN, W_GETITEM, W_SETITEM, W_DELITEM, W_CONTAINS, W_BOOL, W_NEG, W_POS, W_INVERT,
    W_ABS, W_INT, W_FLOAT, W_INDEX,
    W_BINOP,                        // + op
    W_RBINOP = W_BINOP + OP__COUNT, // + op
    W_IBINOP = W_RBINOP + OP__COUNT,
    W__COUNT = W_IBINOP + OP__COUNT
};

static const char *const binop_names[OP__COUNT] = {
    "add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub",
    "truediv", "xor"};

static Object *slot_names[W__COUNT];   // interned dunder names, by kind

static void init_slot_names(void) {
    static const char *const fixed[W_BINOP] = {
        "__repr__", "__str__", "__hash__", "__call__", "__iter__", "__next__",
        "__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__lt__", "__le__",
        "__eq__", "__ne__", "__gt__", "__ge__", "__get__", "__set__", "__delete__", "__init__",
        "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__bool__",
        "__neg__", "__pos__", "__invert__", "__abs__", "__int__", "__float__", "__index__"};
    char buf[32];
    for (int i = 0; i < W_BINOP; i++) slot_names[i] = str_intern_cstr(fixed[i]);
    for (int op = 0; op < OP__COUNT; op++) {
        snprintf(buf, sizeof buf, "__%s__", binop_names[op]);
        slot_names[W_BINOP + op] = str_intern_cstr(buf);
        snprintf(buf, sizeof buf, "__r%s__", binop_names[op]);
        slot_names[W_RBINOP + op] = str_intern_cstr(buf);
        snprintf(buf, sizeof buf, "__i%s__", binop_names[op]);
        slot_names[W_IBINOP + op] = str_intern_cstr(buf);
    }
}

// Does type t provide the C slot for wrapper kind k?
static bool type_has_slot(TypeObject *t, int k) {
    switch (k) {
    case W_REPR: return t->repr != NULL;
    case W_STR: return t->str != NULL;
    case W_HASH: return t->hash != NULL;
    case W_CALL: return t->call != NULL;
    case W_ITER: return t->iter != NULL;
    case W_NEXT: return t->iternext != NULL;
    case W_GETATTRIBUTE: return t->getattro != NULL;
    case W_GETATTR: return false;
    case W_SETATTR: case W_DELATTR: return t->setattro != NULL;
    case W_LT: case W_LE: case W_EQ: case W_NE: case W_GT: case W_GE: return t->richcompare != NULL;
    case W_GET: return t->descr_get != NULL;
    case W_SET: case W_DELETE: return t->descr_set != NULL;
    case W_INIT: return t->init != NULL;
    case W_LEN: return t->sq_length != NULL;
    case W_GETITEM: return t->mp_subscript != NULL;
    case W_SETITEM: case W_DELITEM: return t->mp_ass_subscript != NULL;
    case W_CONTAINS: return t->sq_contains != NULL;
    case W_BOOL: return t->nb_bool != NULL;
    case W_NEG: return t->nb_negative != NULL;
    case W_POS: return t->nb_positive != NULL;
    case W_INVERT: return t->nb_invert != NULL;
    case W_ABS: return t->nb_absolute != NULL;
    case W_INT: return t->nb_int != NULL;
    case W_FLOAT: return t->nb_float != NULL;
    case W_INDEX: return t->nb_index != NULL;
    default:
        if (k < W_RBINOP) return t->nb[k - W_BINOP] != NULL;
        if (k < W_IBINOP) return t->nb[k - W_RBINOP] != NULL;
        return t->nb_inplace[k - W_IBINOP] != NULL;
    }
}

// ---- Wrapper descriptors: calling a C slot from Python --------------------------------

static Object *wrapper_new(TypeObject *type, int kind) {
    WrapperDescrObject *w = (WrapperDescrObject *)obj_alloc(&WrapperDescrType, sizeof(WrapperDescrObject));
    if (!w) return NULL;
    w->name = STR_DATA(slot_names[kind]);
    w->type = type;
    w->kind = kind;
    return (Object *)w;
}

static int wrap_check_args(WrapperDescrObject *w, ssize_t nargs, ssize_t want, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "wrapper %s() takes no keyword arguments", w->name);
        return -1;
    }
    if (nargs != want) {
        vm_raise(Exc_TypeError, "expected %zd argument%s, got %zd", want - 1, want == 2 ? "" : "s", nargs - 1);
        return -1;
    }
    return 0;
}

static Object *int_result(int r) {
    if (r < 0) return NULL;
    return bool_from(r);
}

static Object *wrapper_call(Object *callable, Object *const *args, ssize_t nargs, Object *kwnames) {
    WrapperDescrObject *w = (WrapperDescrObject *)callable;
    TypeObject *t = w->type;
    if (nargs < 1)
        return vm_raise(Exc_TypeError, "descriptor '%s' of '%s' object needs an argument", w->name, t->name);
    Object *self = args[0];
    if (!type_is_subtype(TYPE(self), t))
        return vm_raise(Exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", w->name,
                        t->name, type_name(TYPE(self)));
    int k = w->kind;
    if (k == W_INIT) {
        if (t->init(self, args + 1, nargs - 1, kwnames) < 0) return NULL;
        RETURN_NONE;
    }
    if (k == W_CALL) return t->call(self, args + 1, nargs - 1, kwnames);
    ssize_t want;
    switch (k) {
    case W_REPR: case W_STR: case W_HASH: case W_ITER: case W_NEXT: case W_LEN: case W_BOOL:
    case W_NEG: case W_POS: case W_INVERT: case W_ABS: case W_INT: case W_FLOAT: case W_INDEX:
        want = 1; break;
    case W_SETATTR: case W_SETITEM: case W_SET: want = 3; break;
    case W_GET:
        if (nargs == 2) {
            if (args[1] == None) return vm_raise(Exc_TypeError, "__get__(None, None) is invalid");
            return t->descr_get(self, args[1], (Object *)TYPE(args[1]));
        }
        want = 3; break;
    default: want = 2; break;
    }
    if (wrap_check_args(w, nargs, want, kwnames) < 0) return NULL;
    Object *a = nargs > 1 ? args[1] : NULL, *b = nargs > 2 ? args[2] : NULL;
    switch (k) {
    case W_REPR: return t->repr(self);
    case W_STR: return t->str(self);
    case W_HASH: {
        hash_t h = t->hash(self);
        return h == -1 && err_occurred() ? NULL : int_from_long((long)h);
    }
    case W_ITER: return t->iter(self);
    case W_NEXT: {
        Object *r = t->iternext(self);
        if (!r && !err_occurred()) err_set_value(Exc_StopIteration, NULL);
        return r;
    }
    case W_GETATTRIBUTE: return t->getattro(self, a);
    case W_SETATTR: return t->setattro(self, a, b) < 0 ? NULL : NEWREF(None);
    case W_DELATTR: return t->setattro(self, a, NULL) < 0 ? NULL : NEWREF(None);
    case W_LT: case W_LE: case W_EQ: case W_NE: case W_GT: case W_GE:
        return t->richcompare(self, a, k - W_LT);
    case W_GET: return t->descr_get(self, a == None ? NULL : a, b);
    case W_SET: return t->descr_set(self, a, b) < 0 ? NULL : NEWREF(None);
    case W_DELETE: return t->descr_set(self, a, NULL) < 0 ? NULL : NEWREF(None);
    case W_LEN: {
        ssize_t n = t->sq_length(self);
        return n < 0 ? NULL : int_from_ssize(n);
    }
    case W_GETITEM: return t->mp_subscript(self, a);
    case W_SETITEM: return t->mp_ass_subscript(self, a, b) < 0 ? NULL : NEWREF(None);
    case W_DELITEM: return t->mp_ass_subscript(self, a, NULL) < 0 ? NULL : NEWREF(None);
    case W_CONTAINS: return int_result(t->sq_contains(self, a));
    case W_BOOL: return int_result(t->nb_bool(self));
    case W_NEG: return t->nb_negative(self);
    case W_POS: return t->nb_positive(self);
    case W_INVERT: return t->nb_invert(self);
    case W_ABS: return t->nb_absolute(self);
    case W_INT: return t->nb_int(self);
    case W_FLOAT: return t->nb_float(self);
    case W_INDEX: return t->nb_index(self);
    default:
        if (k < W_RBINOP) return t->nb[k - W_BINOP](self, a);
        if (k < W_IBINOP) return t->nb[k - W_RBINOP](a, self);
        return t->nb_inplace[k - W_IBINOP](self, a);
    }
}

static Object *wrapper_get(Object *descr, Object *obj, Object *type) {
    if (!obj) return NEWREF(descr);
    return method_new(descr, obj);
}

static Object *wrapper_repr(Object *o) {
    WrapperDescrObject *w = (WrapperDescrObject *)o;
    return str_from_format("<slot wrapper '%s' of '%s' objects>", w->name, w->type->name);
}

static void simple_dealloc(Object *o) { obj_free(o); }

TypeObject WrapperDescrType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "wrapper_descriptor",
    .basicsize = sizeof(WrapperDescrObject),
    .dealloc = simple_dealloc,
    .repr = wrapper_repr,
    .call = wrapper_call,
    .descr_get = wrapper_get,
    .flags = TPFLAGS_METHOD_DESCRIPTOR,
};

// ---- Generic slot functions for heap types: call the dunder ------------------------------

// Calls the dunder `name` found on type(self) with self prepended. If the
// type does not have it, sets *missing (when given) and returns NULL without
// an exception.
static Object *call_dunder(Object *self, Object *name, Object *const *args, ssize_t nargs, bool *missing) {
    Object *f = type_lookup(TYPE(self), name);
    if (!f) {
        if (missing) *missing = true;
        else vm_raise(Exc_AttributeError, "'%s' object has no attribute '%U'", type_name(TYPE(self)), name);
        return NULL;
    }
    return obj_call_method_obj(self, name, args, nargs);
}

static Object *slot_tp_repr(Object *self) { return call_dunder(self, slot_names[W_REPR], NULL, 0, NULL); }
static Object *slot_tp_str(Object *self) { return call_dunder(self, slot_names[W_STR], NULL, 0, NULL); }

static hash_t slot_tp_hash(Object *self) {
    Object *f = type_lookup(TYPE(self), slot_names[W_HASH]);
    if (!f || f == None) {
        vm_raise(Exc_TypeError, "unhashable type: '%s'", type_name(TYPE(self)));
        return -1;
    }
    Object *r = obj_call_method_obj(self, slot_names[W_HASH], NULL, 0);
    if (!r) return -1;
    if (!INT_CHECK(r)) {
        DECREF(r);
        vm_raise(Exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    hash_t h = int_hash_value(r);
    DECREF(r);
    return h == -1 ? -2 : h;
}

static Object *slot_tp_call(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *f = type_lookup(TYPE(self), slot_names[W_CALL]);
    if (!f) return vm_raise(Exc_TypeError, "'%s' object is not callable", type_name(TYPE(self)));
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    Object *small[9];
    Object **stack = nargs + nkw < 8 ? small : malloc(sizeof(Object *) * (size_t)(nargs + nkw + 1));
    if (!stack) {
        err_no_memory();
        return NULL;
    }
    stack[0] = self;
    if (nargs + nkw) memcpy(stack + 1, args, sizeof(Object *) * (size_t)(nargs + nkw));
    INCREF(f);
    Object *r;
    if (TYPE(f) == &FunctionType) {
        r = obj_call(f, stack, nargs + 1, kwnames);
    } else {
        Object *bound = TYPE(f)->descr_get ? TYPE(f)->descr_get(f, self, (Object *)TYPE(self)) : NEWREF(f);
        r = bound ? obj_call(bound, args, nargs, kwnames) : NULL;
        XDECREF(bound);
    }
    DECREF(f);
    if (stack != small) free(stack);
    return r;
}

static Object *slot_tp_iter(Object *self) {
    Object *f = type_lookup(TYPE(self), slot_names[W_ITER]);
    if (f == None) return vm_raise(Exc_TypeError, "'%s' object is not iterable", type_name(TYPE(self)));
    return call_dunder(self, slot_names[W_ITER], NULL, 0, NULL);
}

static Object *slot_tp_iternext(Object *self) { return call_dunder(self, slot_names[W_NEXT], NULL, 0, NULL); }

static Object *slot_tp_getattr_hook(Object *self, Object *name) {
    TypeObject *t = TYPE(self);
    Object *getattribute = type_lookup(t, slot_names[W_GETATTRIBUTE]);
    Object *r;
    if (!getattribute || (TYPE(getattribute) == &WrapperDescrType &&
                          ((WrapperDescrObject *)getattribute)->type->getattro == obj_generic_getattr)) {
        r = obj_generic_getattr(self, name);
    } else {
        Object *args[1] = {name};
        r = obj_call_method_obj(self, slot_names[W_GETATTRIBUTE], args, 1);
    }
    if (r || !err_matches(Exc_AttributeError)) return r;
    Object *getattr = type_lookup(t, slot_names[W_GETATTR]);
    if (!getattr) return NULL;
    err_clear();
    Object *args[1] = {name};
    return obj_call_method_obj(self, slot_names[W_GETATTR], args, 1);
}

static int slot_tp_setattro(Object *self, Object *name, Object *value) {
    Object *r;
    if (value) {
        Object *args[2] = {name, value};
        r = obj_call_method_obj(self, slot_names[W_SETATTR], args, 2);
    } else {
        Object *args[1] = {name};
        r = obj_call_method_obj(self, slot_names[W_DELATTR], args, 1);
    }
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Object *slot_tp_richcompare(Object *self, Object *other, int op) {
    Object *name = slot_names[W_LT + op];
    Object *f = type_lookup(TYPE(self), name);
    if (!f || f == None) RETURN_NOTIMPL;
    Object *args[1] = {other};
    return obj_call_method_obj(self, name, args, 1);
}

static Object *slot_tp_descr_get(Object *self, Object *obj, Object *type) {
    Object *args[2] = {obj ? obj : None, type ? type : None};
    return obj_call_method_obj(self, slot_names[W_GET], args, 2);
}

static int slot_tp_descr_set(Object *self, Object *obj, Object *value) {
    Object *r;
    if (value) {
        Object *args[2] = {obj, value};
        r = obj_call_method_obj(self, slot_names[W_SET], args, 2);
    } else {
        Object *args[1] = {obj};
        r = obj_call_method_obj(self, slot_names[W_DELETE], args, 1);
    }
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int slot_tp_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *f = type_lookup(TYPE(self), S___init__);
    if (!f) return 0;
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    Object *small[9];
    Object **stack = nargs + nkw < 8 ? small : malloc(sizeof(Object *) * (size_t)(nargs + nkw + 1));
    if (!stack) {
        err_no_memory();
        return -1;
    }
    stack[0] = self;
    if (nargs + nkw) memcpy(stack + 1, args, sizeof(Object *) * (size_t)(nargs + nkw));
    INCREF(f);
    Object *r;
    if (TYPE(f) == &FunctionType || TYPE(f) == &WrapperDescrType) {
        r = obj_call(f, stack, nargs + 1, kwnames);
    } else {
        Object *bound = TYPE(f)->descr_get ? TYPE(f)->descr_get(f, self, (Object *)TYPE(self)) : NEWREF(f);
        r = bound ? obj_call(bound, args, nargs, kwnames) : NULL;
        XDECREF(bound);
    }
    DECREF(f);
    if (stack != small) free(stack);
    if (!r) return -1;
    if (r != None) {
        vm_raise(Exc_TypeError, "__init__() should return None, not '%s'", type_name(TYPE(r)));
        DECREF(r);
        return -1;
    }
    DECREF(r);
    return 0;
}

static Object *slot_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *f = type_lookup(type, S___new__);
    if (!f) return vm_raise(Exc_TypeError, "cannot create '%s' instances", type->name);
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    Object *small[9];
    Object **stack = nargs + nkw < 8 ? small : malloc(sizeof(Object *) * (size_t)(nargs + nkw + 1));
    if (!stack) {
        err_no_memory();
        return NULL;
    }
    stack[0] = (Object *)type;
    if (nargs + nkw) memcpy(stack + 1, args, sizeof(Object *) * (size_t)(nargs + nkw));
    INCREF(f);
    Object *callee = f;
    if (TYPE(f) == &StaticMethodType) callee = ((StaticMethodObject *)f)->callable;
    Object *r = obj_call(callee, stack, nargs + 1, kwnames);
    DECREF(f);
    if (stack != small) free(stack);
    return r;
}

static ssize_t slot_sq_length(Object *self) {
    Object *r = call_dunder(self, slot_names[W_LEN], NULL, 0, NULL);
    if (!r) return -1;
    if (!INT_CHECK(r)) {
        vm_raise(Exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(r)));
        DECREF(r);
        return -1;
    }
    if (int_sign(r) < 0) {
        DECREF(r);
        vm_raise(Exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    ssize_t n = num_as_ssize(r, Exc_OverflowError);
    DECREF(r);
    return n;
}

static Object *slot_mp_subscript(Object *self, Object *key) {
    Object *args[1] = {key};
    return call_dunder(self, slot_names[W_GETITEM], args, 1, NULL);
}

static int slot_mp_ass_subscript(Object *self, Object *key, Object *value) {
    Object *r;
    if (value) {
        Object *args[2] = {key, value};
        r = call_dunder(self, slot_names[W_SETITEM], args, 2, NULL);
    } else {
        Object *args[1] = {key};
        r = call_dunder(self, slot_names[W_DELITEM], args, 1, NULL);
    }
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int slot_sq_contains(Object *self, Object *item) {
    Object *f = type_lookup(TYPE(self), slot_names[W_CONTAINS]);
    if (!f || f == None) {
        // Fall back to iteration, as CPython's _PySequence_IterSearch.
        Object *it = obj_getiter(self);
        if (!it) return -1;
        Object *x;
        while ((x = iter_next(it))) {
            int eq = obj_eq(x, item);
            DECREF(x);
            if (eq != 0) {
                DECREF(it);
                return eq;
            }
        }
        DECREF(it);
        return err_occurred() ? -1 : 0;
    }
    Object *args[1] = {item};
    Object *r = obj_call_method_obj(self, slot_names[W_CONTAINS], args, 1);
    if (!r) return -1;
    int t = obj_istrue(r);
    DECREF(r);
    return t;
}

static int slot_nb_bool(Object *self) {
    bool missing = false;
    Object *r = call_dunder(self, slot_names[W_BOOL], NULL, 0, &missing);
    if (missing) {
        Object *lf = type_lookup(TYPE(self), slot_names[W_LEN]);
        if (!lf) return 1;
        ssize_t n = slot_sq_length(self);
        return n < 0 ? -1 : n > 0;
    }
    if (!r) return -1;
    if (r != True && r != False) {
        vm_raise(Exc_TypeError, "__bool__ should return bool, returned %s", type_name(TYPE(r)));
        DECREF(r);
        return -1;
    }
    int b = r == True;
    DECREF(r);
    return b;
}

#define SLOT_UNARY(fname, kind) \
    static Object *fname(Object *self) { return call_dunder(self, slot_names[kind], NULL, 0, NULL); }
SLOT_UNARY(slot_nb_negative, W_NEG)
SLOT_UNARY(slot_nb_positive, W_POS)
SLOT_UNARY(slot_nb_invert, W_INVERT)
SLOT_UNARY(slot_nb_absolute, W_ABS)
SLOT_UNARY(slot_nb_int, W_INT)
SLOT_UNARY(slot_nb_float, W_FLOAT)
SLOT_UNARY(slot_nb_index, W_INDEX)
#undef SLOT_UNARY

// Calls name on self with other; NotImplemented when self's type lacks it.
static Object *call_binop_dunder(Object *self, Object *name, Object *other) {
    Object *f = type_lookup(TYPE(self), name);
    if (!f || f == None) RETURN_NOTIMPL;
    Object *args[1] = {other};
    return obj_call_method_obj(self, name, args, 1);
}

// Binary operator slot for heap types (CPython's SLOT1BINFULL): v.__op__(w),
// then w.__rop__(v), trying the reflected one first when w's type is a
// subclass of v's type that overrides it.
static Object *slot_binop(Object *v, Object *w, int op, binaryfunc self_slot) {
    Object *name = slot_names[W_BINOP + op], *rname = slot_names[W_RBINOP + op];
    bool do_other = TYPE(v) != TYPE(w) && TYPE(w)->nb[op] == self_slot &&
                    type_lookup(TYPE(w), rname) != NULL;
    if (TYPE(v)->nb[op] == self_slot) {
        if (do_other && type_is_subtype(TYPE(w), TYPE(v)) &&
            type_lookup(TYPE(w), rname) != type_lookup(TYPE(v), rname)) {
            Object *r = call_binop_dunder(w, rname, v);
            if (r != NotImplemented) return r;
            DECREF(r);
            do_other = false;
        }
        Object *r = call_binop_dunder(v, name, w);
        if (r != NotImplemented || TYPE(w) == TYPE(v)) return r;
        DECREF(r);
    }
    if (do_other) return call_binop_dunder(w, rname, v);
    RETURN_NOTIMPL;
}

#define BINOP_SLOTS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12)
#define DEF_SLOT_BINOP(n)                                                         \
    static Object *slot_nb_##n(Object *v, Object *w);                            \
    static Object *slot_nb_##n(Object *v, Object *w) { return slot_binop(v, w, n, slot_nb_##n); } \
    static Object *slot_nbi_##n(Object *v, Object *w) {                          \
        return call_binop_dunder(v, slot_names[W_IBINOP + n], w);                \
    }
BINOP_SLOTS(DEF_SLOT_BINOP)
#undef DEF_SLOT_BINOP
#define REF_SLOT_BINOP(n) slot_nb_##n,
static const binaryfunc slot_nb_funcs[OP__COUNT] = {BINOP_SLOTS(REF_SLOT_BINOP)};
#undef REF_SLOT_BINOP
#define REF_SLOT_IBINOP(n) slot_nbi_##n,
static const binaryfunc slot_nbi_funcs[OP__COUNT] = {BINOP_SLOTS(REF_SLOT_IBINOP)};
#undef REF_SLOT_IBINOP

// ---- Resolving a heap type's slots from its MRO ---------------------------------------

// Looks up the dunder for kind k on t. Returns 0 when absent, 1 when it is a
// wrapper of C type *owner, 2 when it is a Python-level object, 3 when None.
static int resolve_kind(TypeObject *t, int k, TypeObject **owner) {
    Object *v = find_name_in_mro(t, slot_names[k]);
    if (!v) return 0;
    if (v == None) return 3;
    if (TYPE(v) == &WrapperDescrType && ((WrapperDescrObject *)v)->kind == k) {
        *owner = ((WrapperDescrObject *)v)->type;
        return 1;
    }
    return 2;
}

// Chooses the slot value for a group of dunders sharing one C slot: if any
// resolves to Python code, the generic function; else the C slot of the
// owner of the first wrapper; else NULL.
#define RESOLVE(field, generic, ...)                                               \
    do {                                                                           \
        static const int kinds_[] = {__VA_ARGS__};                                 \
        void *val_ = NULL;                                                         \
        bool py_ = false;                                                          \
        for (size_t i_ = 0; i_ < sizeof kinds_ / sizeof kinds_[0]; i_++) {         \
            TypeObject *own_ = NULL;                                               \
            int r_ = resolve_kind(t, kinds_[i_], &own_);                           \
            if (r_ == 2) py_ = true;                                               \
            else if (r_ == 1 && !val_) val_ = (void *)own_->field;                 \
        }                                                                          \
        if (py_) t->field = generic;                                               \
        else t->field = val_;                                                      \
    } while (0)

static void heap_type_resolve_slots(TypeObject *t) {
    RESOLVE(repr, slot_tp_repr, W_REPR);
    RESOLVE(str, slot_tp_str, W_STR);
    {
        TypeObject *own = NULL;
        int r = resolve_kind(t, W_HASH, &own);
        t->hash = r == 1 ? own->hash : r == 2 ? slot_tp_hash : NULL;
    }
    RESOLVE(call, slot_tp_call, W_CALL);
    RESOLVE(iter, slot_tp_iter, W_ITER);
    RESOLVE(iternext, slot_tp_iternext, W_NEXT);
    RESOLVE(getattro, slot_tp_getattr_hook, W_GETATTRIBUTE, W_GETATTR);
    RESOLVE(setattro, slot_tp_setattro, W_SETATTR, W_DELATTR);
    RESOLVE(richcompare, slot_tp_richcompare, W_LT, W_LE, W_EQ, W_NE, W_GT, W_GE);
    RESOLVE(descr_get, slot_tp_descr_get, W_GET);
    RESOLVE(descr_set, slot_tp_descr_set, W_SET, W_DELETE);
    RESOLVE(init, slot_tp_init, W_INIT);
    RESOLVE(sq_length, slot_sq_length, W_LEN);
    RESOLVE(mp_subscript, slot_mp_subscript, W_GETITEM);
    RESOLVE(mp_ass_subscript, slot_mp_ass_subscript, W_SETITEM, W_DELITEM);
    RESOLVE(sq_contains, slot_sq_contains, W_CONTAINS);
    RESOLVE(nb_bool, slot_nb_bool, W_BOOL);
    RESOLVE(nb_negative, slot_nb_negative, W_NEG);
    RESOLVE(nb_positive, slot_nb_positive, W_POS);
    RESOLVE(nb_invert, slot_nb_invert, W_INVERT);
    RESOLVE(nb_absolute, slot_nb_absolute, W_ABS);
    RESOLVE(nb_int, slot_nb_int, W_INT);
    RESOLVE(nb_float, slot_nb_float, W_FLOAT);
    RESOLVE(nb_index, slot_nb_index, W_INDEX);
    for (int op = 0; op < OP__COUNT; op++) {
        TypeObject *own1 = NULL, *own2 = NULL, *own3 = NULL;
        int r1 = resolve_kind(t, W_BINOP + op, &own1);
        int r2 = resolve_kind(t, W_RBINOP + op, &own2);
        if (r1 == 2 || r2 == 2) t->nb[op] = slot_nb_funcs[op];
        else if (r1 == 1) t->nb[op] = own1->nb[op];
        else if (r2 == 1) t->nb[op] = own2->nb[op];
        else t->nb[op] = NULL;
        int r3 = resolve_kind(t, W_IBINOP + op, &own3);
        t->nb_inplace[op] = r3 == 2 ? slot_nbi_funcs[op] : r3 == 1 ? own3->nb_inplace[op] : NULL;
    }
    // __new__: a Python __new__ anywhere before the C owner's wins.
    Object *nw = find_name_in_mro(t, S___new__);
    if (nw && (TYPE(nw) == &StaticMethodType || TYPE(nw) == &FunctionType)) t->tp_new = slot_tp_new;
    else if (t->base) t->tp_new = t->base->tp_new;
}

static void update_slots_recursive(TypeObject *t) {
    if (t->flags & TPFLAGS_HEAPTYPE) heap_type_resolve_slots(t);
    for (int i = 0; i < t->nsubclasses; i++) update_slots_recursive(t->subclasses[i]);
}

// ---- Static type initialisation -------------------------------------------------------

static Object *tp_new_wrapper(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);
static const MethodDef tp_new_def = {"__new__", tp_new_wrapper, 0, NULL};

static void add_wrappers(TypeObject *t) {
    for (int k = 0; k < W__COUNT; k++) {
        if (!type_has_slot(t, k)) continue;
        // Only where the slot is the type's own (not inherited unchanged).
        if (t->base && type_has_slot(t->base, k)) {
            bool same;
            switch (k) {
            case W_REPR: same = t->repr == t->base->repr; break;
            case W_STR: same = t->str == t->base->str; break;
            case W_HASH: same = t->hash == t->base->hash; break;
            case W_CALL: same = t->call == t->base->call; break;
            case W_ITER: same = t->iter == t->base->iter; break;
            case W_NEXT: same = t->iternext == t->base->iternext; break;
            case W_GETATTRIBUTE: same = t->getattro == t->base->getattro; break;
            case W_SETATTR: case W_DELATTR: same = t->setattro == t->base->setattro; break;
            case W_LT: case W_LE: case W_EQ: case W_NE: case W_GT: case W_GE:
                same = t->richcompare == t->base->richcompare; break;
            case W_INIT: same = t->init == t->base->init; break;
            case W_LEN: same = t->sq_length == t->base->sq_length; break;
            case W_GETITEM: same = t->mp_subscript == t->base->mp_subscript; break;
            case W_SETITEM: case W_DELITEM: same = t->mp_ass_subscript == t->base->mp_ass_subscript; break;
            case W_CONTAINS: same = t->sq_contains == t->base->sq_contains; break;
            case W_BOOL: same = t->nb_bool == t->base->nb_bool; break;
            default: same = false; break;
            }
            if (same) continue;
        }
        if (dict_getitem(t->dict, slot_names[k])) continue;
        Object *w = wrapper_new(t, k);
        if (!w || dict_setitem(t->dict, slot_names[k], w) < 0) abort();
        DECREF(w);
    }
    if (t->tp_new && (!t->base || t->tp_new != t->base->tp_new) && !dict_getitem(t->dict, S___new__)) {
        Object *f = cfunc_new(&tp_new_def, (Object *)t);
        if (!f || dict_setitem(t->dict, S___new__, f) < 0) abort();
        DECREF(f);
    }
}

static void inherit_slots(TypeObject *t, TypeObject *b) {
#define INHERIT(f) if (!t->f) t->f = b->f
    INHERIT(dealloc);
    INHERIT(repr);
    INHERIT(str);
    INHERIT(getattro);
    INHERIT(setattro);
    INHERIT(call);
    INHERIT(iter);
    INHERIT(iternext);
    INHERIT(descr_get);
    INHERIT(descr_set);
    INHERIT(init);
    INHERIT(traverse);
    INHERIT(clear);
    INHERIT(finalize);
    INHERIT(nb_negative);
    INHERIT(nb_positive);
    INHERIT(nb_invert);
    INHERIT(nb_absolute);
    INHERIT(nb_int);
    INHERIT(nb_float);
    INHERIT(nb_index);
    INHERIT(nb_bool);
    INHERIT(sq_length);
    INHERIT(mp_subscript);
    INHERIT(mp_ass_subscript);
    INHERIT(sq_contains);
#undef INHERIT
    for (int i = 0; i < OP__COUNT; i++) {
        if (!t->nb[i]) t->nb[i] = b->nb[i];
        if (!t->nb_inplace[i]) t->nb_inplace[i] = b->nb_inplace[i];
    }
    if (!t->richcompare && !t->hash) {
        t->richcompare = b->richcompare;
        t->hash = b->hash;
    }
    if (!t->tp_new && b != &BaseObjectType) t->tp_new = b->tp_new;
    if (!t->basicsize) t->basicsize = b->basicsize;
    if (!t->itemsize) t->itemsize = b->itemsize;
    if (!t->dictoffset) t->dictoffset = b->dictoffset;
    if (!t->weaklistoffset) t->weaklistoffset = b->weaklistoffset;
    t->flags |= b->flags & (TPFLAGS_INT_SUBCLASS | TPFLAGS_LIST_SUBCLASS | TPFLAGS_TUPLE_SUBCLASS |
                            TPFLAGS_BYTES_SUBCLASS | TPFLAGS_STR_SUBCLASS | TPFLAGS_DICT_SUBCLASS |
                            TPFLAGS_BASE_EXC_SUBCLASS | TPFLAGS_TYPE_SUBCLASS | TPFLAGS_HAVE_GC);
}

static void add_methods(TypeObject *t) {
    if (t->methods) {
        for (const MethodDef *m = t->methods; m->name; m++) {
            Object *d;
            if (m->flags & METH_STATIC) {
                Object *f = cfunc_new(m, NULL);
                d = f ? staticmethod_new(f) : NULL;
                XDECREF(f);
            } else if (m->flags & METH_CLASS) {
                d = descr_new_classmethod(t, m);
            } else {
                d = descr_new_method(t, m);
            }
            if (!d || dict_setitem_str(t->dict, m->name, d) < 0) abort();
            DECREF(d);
        }
    }
    if (t->getset) {
        for (const GetSetDef *g = t->getset; g->name; g++) {
            Object *d = descr_new_getset(t, g);
            if (!d || dict_setitem_str(t->dict, g->name, d) < 0) abort();
            DECREF(d);
        }
    }
}

void type_ready(TypeObject *t) {
    if (t->mro) return;
    if (!TYPE(t)) t->ob_base.ob_type = &TypeType;
    obj_make_immortal((Object *)t);
    if (!slot_names[0]) init_slot_names();
    if (!t->base && t != &BaseObjectType) t->base = &BaseObjectType;
    if (t->base) {
        type_ready(t->base);
        inherit_slots(t, t->base);
    }
    if (!t->dict) t->dict = dict_new();
    if (!t->dict) abort();
    ssize_t n = 0;
    for (TypeObject *b = t; b; b = b->base) n++;
    Object *mro = tuple_new(n);
    n = 0;
    for (TypeObject *b = t; b; b = b->base) TUPLE_ITEMS(mro)[n++] = NEWREF(b);
    t->mro = mro;
    t->bases = t->base ? tuple_pack(1, (Object *)t->base) : tuple_new(0);
    add_methods(t);
    add_wrappers(t);
    if (!dict_getitem(t->dict, S___doc__)) {
        Object *doc = t->doc ? str_from_cstr(t->doc) : NEWREF(None);
        dict_setitem(t->dict, S___doc__, doc);
        DECREF(doc);
    }
    if (t->richcompare && !t->hash && !dict_getitem(t->dict, S___hash__))
        dict_setitem(t->dict, S___hash__, None);
    assign_version_tag(t);
}

// ---- `object` ---------------------------------------------------------------------

static int object_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);

static Object *object_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames))) {
        if (type->tp_new != object_new)
            return vm_raise(Exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->init == object_init)
            return vm_raise(Exc_TypeError, "%s() takes no arguments", type->name);
    }
    if (type->flags & TPFLAGS_IS_ABSTRACT)
        return vm_raise(Exc_TypeError, "Can't instantiate abstract class %s", type->name);
    return type_generic_alloc(type, 0);
}

static int object_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames))) {
        TypeObject *type = TYPE(self);
        if (type->init != object_init) {
            vm_raise(Exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            vm_raise(Exc_TypeError, "%s() takes no arguments", type->name);
            return -1;
        }
    }
    return 0;
}

// object.__str__ is repr(self): the type's own __repr__.
static Object *object_str(Object *self) { return obj_repr(self); }

static Object *object_repr(Object *self) {
    TypeObject *t = TYPE(self);
    Object *mod = t->flags & TPFLAGS_HEAPTYPE ? dict_getitem(t->dict, S___module__) : NULL;
    Object *qn = type_qualname(t);
    if (!qn) return NULL;
    Object *r;
    if (mod && STR_CHECK(mod) && strcmp(STR_DATA(mod), "builtins") != 0)
        r = str_from_format("<%U.%U object at %p>", mod, qn, (void *)self);
    else
        r = str_from_format("<%U object at %p>", qn, (void *)self);
    DECREF(qn);
    return r;
}

static hash_t object_hash(Object *self) {
    uintptr_t p = (uintptr_t)self;
    hash_t h = (hash_t)((p >> 4) | (p << (8 * sizeof(p) - 4)));
    return h == -1 ? -2 : h;
}

static Object *object_richcompare(Object *self, Object *other, int op) {
    switch (op) {
    case CMP_EQ_OP:
        if (self == other) return NEWREF(True);
        RETURN_NOTIMPL;
    case CMP_NE_OP: {
        // By default __ne__ delegates to __eq__ and inverts the result.
        Object *eqf = type_lookup(TYPE(self), S___eq__);
        if (!eqf) RETURN_NOTIMPL;
        Object *r;
        if (TYPE(eqf) == &WrapperDescrType && ((WrapperDescrObject *)eqf)->type == &BaseObjectType) {
            r = self == other ? NEWREF(True) : NEWREF(NotImplemented);
        } else {
            Object *args[1] = {other};
            r = obj_call_method_obj(self, S___eq__, args, 1);
        }
        if (!r || r == NotImplemented) return r;
        int t = obj_istrue(r);
        DECREF(r);
        if (t < 0) return NULL;
        return NEWREF(bool_from(!t));
    }
    default:
        RETURN_NOTIMPL;
    }
}

static void object_dealloc(Object *self) { obj_free(self); }

static Object *object_get_class(Object *self, void *c) { return NEWREF(TYPE(self)); }

static int object_set_class(Object *self, Object *value, void *c) {
    if (!value || !TYPE_CHECK(value)) {
        vm_raise(Exc_TypeError, "__class__ must be set to a class, not '%s' object",
                 value ? type_name(TYPE(value)) : "NULL");
        return -1;
    }
    TypeObject *nt = (TypeObject *)value, *ot = TYPE(self);
    if (!(nt->flags & TPFLAGS_HEAPTYPE) || !(ot->flags & TPFLAGS_HEAPTYPE) ||
        nt->basicsize != ot->basicsize || nt->dictoffset != ot->dictoffset ||
        nt->weaklistoffset != ot->weaklistoffset) {
        vm_raise(Exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    INCREF(nt);
    self->ob_type = nt;
    DECREF(ot);
    return 0;
}

static Object *object_format(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__format__", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return vm_raise(Exc_TypeError, "__format__() argument must be str, not %s", type_name(TYPE(args[0])));
    if (STR_LEN(args[0]) > 0)
        return vm_raise(Exc_TypeError, "unsupported format string passed to %s.__format__", type_name(TYPE(self)));
    return obj_str(self);
}

static Object *object_dir_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *names = set_new(NULL);
    if (!names) return NULL;
    Object **dp = obj_dict_ptr(self);
    if (dp && *dp && set_update(names, *dp) < 0) goto fail;
    Object *mro = TYPE(self)->mro;
    for (ssize_t i = 0; i < TUPLE_SIZE(mro); i++)
        if (set_update(names, ((TypeObject *)TUPLE_ITEMS(mro)[i])->dict) < 0) goto fail;
    Object *l = list_from_iter(names);
    DECREF(names);
    return l;
fail:
    DECREF(names);
    return NULL;
}

static Object *object_init_subclass(Object *cls, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
        return vm_raise(Exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                        type_name((TypeObject *)cls));
    RETURN_NONE;
}

static Object *object_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return int_from_ssize(TYPE(self)->basicsize);
}

// ---- Pickling support (CPython's object.__reduce_ex__, __reduce__ and
// __getstate__; the callables they name live in stdlib/lib/copyreg.py) ------------

// The first built-in type among t's bases: it fixes what an instance holds
// besides its __dict__.
static TypeObject *native_base(TypeObject *t) {
    while (t->flags & TPFLAGS_HEAPTYPE) t = t->base;
    return t;
}

// Immutable built-in types whose value an instance of a subclass carries:
// __newobj__ passes it back to the constructor.
static bool is_value_base(TypeObject *b) {
    return b == &IntType || b == &FloatType || b == &StrType || b == &BytesType || b == &TupleType ||
           b == &FrozenSetType;
}

static Object *copyreg_attr(const char *name) {
    Object *m = import_cstr("copyreg");
    if (!m) return NULL;
    Object *a = obj_getattr_str(m, name);
    DECREF(m);
    return a;
}

// The default state: the instance __dict__ (None when empty or absent),
// paired with a dict of the __slots__ values if there are any. `required`:
// the object is rebuilt from nothing but its class, so a built-in base
// with hidden state (a generator, a lock) cannot be pickled.
static Object *object_getstate_default(Object *self, bool required) {
    TypeObject *t = TYPE(self);
    if (required) {
        TypeObject *nb = native_base(t);
        if (nb != &BaseObjectType && nb != &ListType && nb != &DictType && !is_value_base(nb))
            return vm_raise(Exc_TypeError, "cannot pickle '%s' object", type_name(t));
    }
    Object **dp = obj_dict_ptr(self);
    Object *state = dp && *dp && DICT_SIZE(*dp) > 0 ? NEWREF(*dp) : NEWREF(None);
    Object *slotnames_fn = copyreg_attr("_slotnames");
    Object *names = slotnames_fn ? obj_call1(slotnames_fn, (Object *)t) : NULL;
    XDECREF(slotnames_fn);
    if (!names) {
        DECREF(state);
        return NULL;
    }
    if (LIST_CHECK(names) && LIST_SIZE(names) > 0) {
        Object *slots = dict_new();
        if (!slots) goto fail;
        for (ssize_t i = 0; i < LIST_SIZE(names); i++) {
            Object *v = obj_getattr(self, LIST_ITEMS(names)[i]);
            if (!v) {
                if (!err_matches(Exc_AttributeError)) {
                    DECREF(slots);
                    goto fail;
                }
                err_clear();
                continue;
            }
            int r = dict_setitem(slots, LIST_ITEMS(names)[i], v);
            DECREF(v);
            if (r < 0) {
                DECREF(slots);
                goto fail;
            }
        }
        if (DICT_SIZE(slots) > 0) {
            Object *pair = tuple_pack(2, state, slots);
            DECREF(slots);
            if (!pair) goto fail;
            SETREF(state, pair);
        } else {
            DECREF(slots);
        }
    }
    DECREF(names);
    return state;
fail:
    DECREF(names);
    DECREF(state);
    return NULL;
}

static Object *object_getstate_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__getstate__", nargs, 0, 0) < 0) return NULL;
    return object_getstate_default(self, false);
}

// self.__getstate__(), or the default when object's is not overridden.
static Object *object_getstate(Object *self, bool required) {
    Object *gs = type_lookup_str(TYPE(self), "__getstate__");
    Object *base_gs = type_lookup_str(&BaseObjectType, "__getstate__");
    if (!gs || gs == base_gs) return object_getstate_default(self, required);
    return obj_call_method(self, "__getstate__", NULL, 0);
}

// (args, kwargs) for __newobj__: __getnewargs_ex__, __getnewargs__, the
// value of an immutable built-in base, or neither (*args = NULL).
static int object_newargs(Object *self, Object **args, Object **kwargs) {
    *args = *kwargs = NULL;
    if (type_lookup_str(TYPE(self), "__getnewargs_ex__")) {
        Object *r = obj_call_method(self, "__getnewargs_ex__", NULL, 0);
        if (!r) return -1;
        if (!TUPLE_CHECK(r) || TUPLE_SIZE(r) != 2) {
            vm_raise(Exc_TypeError, "__getnewargs_ex__ should return a tuple of length 2, not '%s'", type_name(TYPE(r)));
            DECREF(r);
            return -1;
        }
        Object *a = TUPLE_ITEMS(r)[0], *k = TUPLE_ITEMS(r)[1];
        if (!TUPLE_CHECK(a) || !DICT_CHECK(k)) {
            vm_raise(Exc_TypeError, !TUPLE_CHECK(a) ? "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'"
                                                    : "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                     type_name(TYPE(!TUPLE_CHECK(a) ? a : k)));
            DECREF(r);
            return -1;
        }
        *args = NEWREF(a);
        *kwargs = NEWREF(k);
        DECREF(r);
        return 0;
    }
    if (type_lookup_str(TYPE(self), "__getnewargs__")) {
        Object *r = obj_call_method(self, "__getnewargs__", NULL, 0);
        if (!r) return -1;
        if (!TUPLE_CHECK(r)) {
            vm_raise(Exc_TypeError, "__getnewargs__ should return a tuple, not '%s'", type_name(TYPE(r)));
            DECREF(r);
            return -1;
        }
        *args = r;
        return 0;
    }
    TypeObject *nb = native_base(TYPE(self));
    if (is_value_base(nb) && TYPE(self) != nb) {
        Object *v = obj_call1((Object *)nb, self);
        if (!v) return -1;
        *args = tuple_pack(1, v);
        DECREF(v);
        return *args ? 0 : -1;
    }
    return 0;
}

static Object *iter_or_none(Object *self, bool items) {
    if (items) return obj_call_method(self, "items", NULL, 0);
    return obj_getiter(self);
}

// Protocol 2 and up: (copyreg.__newobj__, (cls, *args), state, listitems,
// dictitems), or __newobj_ex__ with keyword arguments.
static Object *reduce_newobj(Object *self) {
    TypeObject *t = TYPE(self);
    if (!t->tp_new) return vm_raise(Exc_TypeError, "cannot pickle '%s' object", type_name(t));
    Object *args, *kwargs;
    if (object_newargs(self, &args, &kwargs) < 0) return NULL;
    bool hasargs = args != NULL;
    Object *newobj, *newargs;
    if (!kwargs || DICT_SIZE(kwargs) == 0) {
        newobj = copyreg_attr("__newobj__");
        ssize_t n = args ? TUPLE_SIZE(args) : 0;
        newargs = tuple_new(n + 1);
        if (newargs) {
            TUPLE_ITEMS(newargs)[0] = NEWREF(t);
            for (ssize_t i = 0; i < n; i++) TUPLE_ITEMS(newargs)[i + 1] = NEWREF(TUPLE_ITEMS(args)[i]);
        }
    } else {
        newobj = copyreg_attr("__newobj_ex__");
        newargs = tuple_pack(3, (Object *)t, args, kwargs);
    }
    XDECREF(args);
    XDECREF(kwargs);
    if (!newobj || !newargs) {
        XDECREF(newobj);
        XDECREF(newargs);
        return NULL;
    }
    bool is_list = type_is_subtype(t, &ListType), is_dict = type_is_subtype(t, &DictType);
    Object *state = object_getstate(self, !hasargs && !is_list && !is_dict);
    Object *li = state && is_list ? iter_or_none(self, false) : NEWREF(None);
    Object *di = state && li && is_dict ? iter_or_none(self, true) : NEWREF(None);
    Object *r = state && li && di ? tuple_pack(5, newobj, newargs, state, li, di) : NULL;
    DECREF(newobj);
    DECREF(newargs);
    XDECREF(state);
    XDECREF(li);
    XDECREF(di);
    return r;
}

// Protocols 0 and 1: (copyreg._reconstructor, (cls, base, base_value), state).
static Object *reduce_reconstructor(Object *self) {
    TypeObject *t = TYPE(self), *nb = native_base(t);
    Object *base_state;
    if (nb == &BaseObjectType) {
        base_state = NEWREF(None);
    } else {
        if (nb == t) return vm_raise(Exc_TypeError, "cannot pickle '%s' object", type_name(t));
        base_state = obj_call1((Object *)nb, self);
        if (!base_state) return NULL;
    }
    Object *state = object_getstate(self, false);
    Object *recon = state ? copyreg_attr("_reconstructor") : NULL;
    Object *args = recon ? tuple_pack(3, (Object *)t, (Object *)nb, base_state) : NULL;
    DECREF(base_state);
    Object *r = NULL;
    if (args) {
        int truth = obj_istrue(state);
        if (truth >= 0) r = truth ? tuple_pack(3, recon, args, state) : tuple_pack(2, recon, args);
    }
    XDECREF(state);
    XDECREF(recon);
    XDECREF(args);
    return r;
}

static Object *object_reduce_common(Object *self, long proto) {
    return proto >= 2 ? reduce_newobj(self) : reduce_reconstructor(self);
}

static Object *object_reduce(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__reduce__", nargs, 0, 0) < 0) return NULL;
    return object_reduce_common(self, 0);
}

static Object *object_reduce_ex(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__reduce_ex__", nargs, 1, 1) < 0) return NULL;
    ssize_t proto = num_as_ssize(args[0], Exc_OverflowError);
    if (proto == -1 && err_occurred()) return NULL;
    // A class that overrides __reduce__ decides for itself.
    Object *red = type_lookup_str(TYPE(self), "__reduce__");
    Object *base_red = type_lookup_str(&BaseObjectType, "__reduce__");
    if (red && red != base_red) return obj_call_method(self, "__reduce__", NULL, 0);
    return object_reduce_common(self, (long)proto);
}

static const MethodDef object_methods[] = {
    {"__format__", object_format, 0, NULL},
    {"__dir__", object_dir_method, 0, NULL},
    {"__init_subclass__", object_init_subclass, METH_CLASS, NULL},
    {"__sizeof__", object_sizeof, 0, NULL},
    {"__reduce_ex__", object_reduce_ex, 0, "Helper for pickle."},
    {"__reduce__", object_reduce, 0, "Helper for pickle."},
    {"__getstate__", object_getstate_method, 0, "Helper for pickle."},
    {NULL, NULL, 0, NULL}};

static const GetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject BaseObjectType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "object",
    .basicsize = sizeof(Object),
    .flags = TPFLAGS_BASETYPE,
    .doc = "The base class of the class hierarchy.",
    .dealloc = object_dealloc,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .tp_new = object_new,
    .init = object_init,
    .methods = object_methods,
    .getset = object_getset,
};

static Object *tp_new_wrapper(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    TypeObject *type = (TypeObject *)self;
    if (nargs < 1) return vm_raise(Exc_TypeError, "%s.__new__(): not enough arguments", type->name);
    Object *sub = args[0];
    if (!TYPE_CHECK(sub))
        return vm_raise(Exc_TypeError, "%s.__new__(X): X is not a type object (%s)", type->name,
                        type_name(TYPE(sub)));
    TypeObject *subtype = (TypeObject *)sub;
    if (!type_is_subtype(subtype, type))
        return vm_raise(Exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->name, subtype->name,
                        subtype->name, type->name);
    // object.__new__(cls, *args) from a Python __new__ ignores extra args.
    if (type == &BaseObjectType) return type_generic_alloc(subtype, 0);
    return type->tp_new(subtype, args + 1, nargs - 1, kwnames);
}

// ---- `type` -----------------------------------------------------------------------

Object *type_call(Object *callable, Object *const *args, ssize_t nargs, Object *kwnames) {
    TypeObject *type = (TypeObject *)callable;
    if (type == &TypeType && nargs == 1 && !kwnames) return NEWREF(TYPE(args[0]));
    if (!type->tp_new) return vm_raise(Exc_TypeError, "cannot create '%s' instances", type->name);
    Object *obj = type->tp_new(type, args, nargs, kwnames);
    if (!obj) return NULL;
    if (!type_is_subtype(TYPE(obj), type)) return obj;
    TypeObject *t = TYPE(obj);
    if (t->init) {
        if (t->init(obj, args, nargs, kwnames) < 0) {
            DECREF(obj);
            return NULL;
        }
    }
    return obj;
}

static Object *type_repr(Object *self) {
    TypeObject *t = (TypeObject *)self;
    Object *mod = t->flags & TPFLAGS_HEAPTYPE ? dict_getitem(t->dict, S___module__) : NULL;
    Object *qn = type_qualname(t);
    if (!qn) return NULL;
    Object *r;
    if (mod && STR_CHECK(mod) && strcmp(STR_DATA(mod), "builtins") != 0)
        r = str_from_format("<class '%U.%U'>", mod, qn);
    else
        r = str_from_format("<class '%s'>", t->name);
    DECREF(qn);
    return r;
}

static Object *type_getattro(Object *self, Object *name) {
    TypeObject *type = (TypeObject *)self, *meta = TYPE(self);
    Object *meta_attr = type_lookup(meta, name);
    descrgetfunc meta_get = NULL;
    if (meta_attr) {
        meta_get = TYPE(meta_attr)->descr_get;
        if (meta_get && TYPE(meta_attr)->descr_set) return meta_get(meta_attr, self, (Object *)meta);
    }
    Object *attr = type_lookup(type, name);
    if (attr) {
        descrgetfunc get = TYPE(attr)->descr_get;
        if (get) return get(attr, NULL, self);
        return NEWREF(attr);
    }
    if (meta_get) return meta_get(meta_attr, self, (Object *)meta);
    if (meta_attr) return NEWREF(meta_attr);
    return vm_raise(Exc_AttributeError, "type object '%s' has no attribute '%U'", type->name, name);
}

static bool is_dunder(Object *name) {
    const char *s = STR_DATA(name);
    ssize_t n = STR_NBYTES(name);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static int type_setattro(Object *self, Object *name, Object *value) {
    TypeObject *type = (TypeObject *)self;
    if (!(type->flags & TPFLAGS_HEAPTYPE)) {
        vm_raise(Exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, type->name);
        return -1;
    }
    Object *meta_attr = type_lookup(TYPE(self), name);
    if (meta_attr && TYPE(meta_attr)->descr_set) return TYPE(meta_attr)->descr_set(meta_attr, self, value);
    Object *key = str_intern(NEWREF(name));
    int r;
#ifndef MINIPY_FT
    // A plain class attribute (a counter, a constant) replaced by another
    // plain value: no lookup changes its outcome's kind, so the version tags
    // stay and specialized instructions keep hitting (CPython would bump
    // them); only the borrowed values in the method cache are refreshed.
    // Not with free threading, whose method caches are per thread.
    Object *old = value ? dict_getitem(type->dict, key) : NULL;
    if (old && !TYPE(old)->descr_get && !TYPE(old)->descr_set && !TYPE(value)->descr_get &&
        !TYPE(value)->descr_set && !is_dunder(key)) {
        INCREF(old);
        r = dict_setitem(type->dict, key, value);
        if (r == 0) mcache_refresh(type, key);
        else type_modified(type);
        DECREF(key);
        DECREF(old);
        return r;
    }
    if (!old && err_occurred()) err_clear();
#endif
    if (value) {
        r = dict_setitem(type->dict, key, value);
    } else {
        r = dict_pop(type->dict, key, NULL);
        if (r == 0) {
            vm_raise(Exc_AttributeError, "type object '%s' has no attribute '%U'", type->name, name);
            r = -1;
        } else if (r > 0) {
            r = 0;
        }
    }
    DECREF(key);
    if (r < 0) return -1;
    type_modified(type);
    if (is_dunder(name)) update_slots_recursive(type);
    return 0;
}

static void type_dealloc(Object *self) {
    TypeObject *t = (TypeObject *)self;
    obj_clear_weakrefs(self);
    // Only heap types are ever freed.
    if (t->bases)
        for (ssize_t i = 0; i < TUPLE_SIZE(t->bases); i++)
            remove_subclass((TypeObject *)TUPLE_ITEMS(t->bases)[i], t);
    XDECREF(t->dict);
    if (t->mro && TUPLE_SIZE(t->mro) && TUPLE_ITEMS(t->mro)[0] == self) TUPLE_ITEMS(t->mro)[0] = NULL;
    XDECREF(t->mro);
    XDECREF(t->bases);
    XDECREF(t->base);
    XDECREF(t->ht_name);
    XDECREF(t->ht_qualname);
    XDECREF(t->ht_module);
    free(t->subclasses);
    obj_free(self);
}

// Only heap types are tracked (gc_is_gc). The MRO tuple's first item is the
// class itself, a borrowed reference, so the tuple is untracked and its
// other items are visited from here.
static int type_traverse(Object *self, visitproc visit, void *arg) {
    TypeObject *t = (TypeObject *)self;
    if (t->dict && visit(t->dict, arg)) return -1;
    if (t->mro)
        for (ssize_t i = 1; i < TUPLE_SIZE(t->mro); i++)
            if (visit(TUPLE_ITEMS(t->mro)[i], arg)) return -1;
    if (t->bases && visit(t->bases, arg)) return -1;
    if (t->base && visit((Object *)t->base, arg)) return -1;
    if (t->ht_module && visit(t->ht_module, arg)) return -1;
    return 0;
}

// Breaks cycles through a class (its methods' globals hold it, its
// __dict__ holds them): empties the class dict (CPython's type_clear).
static int type_clear(Object *self) {
    TypeObject *t = (TypeObject *)self;
    if (!(t->flags & TPFLAGS_HEAPTYPE)) return 0;
    type_modified(t);
    if (t->dict) dict_clear(t->dict);
    CLEAR(t->ht_module);
    return 0;
}

static Object *type_get_name(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (t->ht_name) return NEWREF(t->ht_name);
    const char *dot = strrchr(t->name, '.');
    return str_from_cstr(dot ? dot + 1 : t->name);
}

static int type_set_name(Object *self, Object *value, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (!(t->flags & TPFLAGS_HEAPTYPE) || !value || !STR_CHECK(value)) {
        vm_raise(Exc_TypeError, "can only assign string to %s.__name__", t->name);
        return -1;
    }
    SETREF(t->ht_name, NEWREF(value));
    t->name = STR_DATA(value);
    return 0;
}

static Object *type_get_qualname(Object *self, void *c) { return type_qualname((TypeObject *)self); }

static int type_set_qualname(Object *self, Object *value, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (!(t->flags & TPFLAGS_HEAPTYPE) || !value || !STR_CHECK(value)) {
        vm_raise(Exc_TypeError, "can only assign string to %s.__qualname__", t->name);
        return -1;
    }
    SETREF(t->ht_qualname, NEWREF(value));
    return 0;
}

static Object *type_get_module(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (t->flags & TPFLAGS_HEAPTYPE) {
        Object *m = dict_getitem(t->dict, S___module__);
        if (m) return NEWREF(m);
    }
    const char *dot = strrchr(t->name, '.');
    if (dot) return str_from_utf8(t->name, dot - t->name);
    return str_from_cstr("builtins");
}

static int type_set_module(Object *self, Object *value, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (!(t->flags & TPFLAGS_HEAPTYPE)) {
        vm_raise(Exc_TypeError, "cannot set '__module__' attribute of immutable type '%s'", t->name);
        return -1;
    }
    if (!value) {
        vm_raise(Exc_TypeError, "cannot delete '__module__' attribute of immutable type '%s'", t->name);
        return -1;
    }
    type_modified(t);
    return dict_setitem(t->dict, S___module__, value);
}

static Object *type_get_dict(Object *self, void *c) { return NEWREF(((TypeObject *)self)->dict); }
static Object *type_get_mro(Object *self, void *c) { return NEWREF(((TypeObject *)self)->mro); }
static Object *type_get_bases(Object *self, void *c) { return NEWREF(((TypeObject *)self)->bases); }
static Object *type_get_base(Object *self, void *c) {
    TypeObject *b = ((TypeObject *)self)->base;
    return NEWREF(b ? (Object *)b : None);
}
static Object *type_get_doc(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    Object *d = dict_getitem(t->dict, S___doc__);
    if (d) {
        if (TYPE(d)->descr_get) return TYPE(d)->descr_get(d, NULL, self);
        return NEWREF(d);
    }
    if (t->doc) return str_from_cstr(t->doc);
    RETURN_NONE;
}

static Object *type_mro_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return list_from_iter(((TypeObject *)self)->mro);
}

static Object *type_subclasses_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    TypeObject *t = (TypeObject *)self;
    Object *l = list_new(0);
    if (!l) return NULL;
    for (int i = 0; i < t->nsubclasses; i++)
        if (list_append(l, (Object *)t->subclasses[i]) < 0) {
            DECREF(l);
            return NULL;
        }
    return l;
}

static Object *type_instancecheck(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__instancecheck__", nargs, 1, 1) < 0) return NULL;
    return int_result(obj_isinstance(args[0], self));
}

static Object *type_subclasscheck(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__subclasscheck__", nargs, 1, 1) < 0) return NULL;
    return int_result(obj_issubclass(args[0], self));
}

static Object *type_new_impl(TypeObject *meta, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs == 1 && !kwnames) return NEWREF(TYPE(args[0]));
    if (nargs != 3) return vm_raise(Exc_TypeError, "type() takes 1 or 3 arguments");
    if (!STR_CHECK(args[0]))
        return vm_raise(Exc_TypeError, "type.__new__() argument 1 must be str, not %s", type_name(TYPE(args[0])));
    if (!TUPLE_CHECK(args[1]))
        return vm_raise(Exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(TYPE(args[1])));
    if (!DICT_CHECK(args[2]))
        return vm_raise(Exc_TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(TYPE(args[2])));
    Object *cls = type_new_class(meta, args[0], args[1], args[2]);
    if (!cls) return NULL;
    // Keyword arguments of the class statement go to the parent's __init_subclass__.
    Object *kwargs = dict_new();
    if (!kwargs) {
        DECREF(cls);
        return NULL;
    }
    for (ssize_t i = 0; kwnames && i < TUPLE_SIZE(kwnames); i++) dict_setitem(kwargs, TUPLE_ITEMS(kwnames)[i], args[nargs + i]);
    int r = type_call_init_subclass((TypeObject *)cls, kwargs);
    DECREF(kwargs);
    if (r < 0) {
        DECREF(cls);
        return NULL;
    }
    return cls;
}

static int type_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs != 1 && nargs != 3) {
        vm_raise(Exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_method, 0, NULL},
    {"__subclasses__", type_subclasses_method, 0, NULL},
    {"__instancecheck__", type_instancecheck, 0, NULL},
    {"__subclasscheck__", type_subclasscheck, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__doc__", type_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject TypeType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "type",
    .basicsize = sizeof(TypeObject),
    .weaklistoffset = offsetof(TypeObject, weaklist),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_TYPE_SUBCLASS | TPFLAGS_HAVE_GC,
    .dealloc = type_dealloc,
    .repr = type_repr,
    .hash = object_hash,
    .call = type_call,
    .getattro = type_getattro,
    .setattro = type_setattro,
    .traverse = type_traverse,
    .clear = type_clear,
    .tp_new = type_new_impl,
    .init = type_init,
    .methods = type_methods,
    .getset = type_getset,
};

// ---- Creating classes ------------------------------------------------------------

// ---- __del__ ----------------------------------------------------------------------
//
// A class's __del__ runs when the last reference to an instance goes, or
// when the cycle collector finds the instance unreachable, once per object
// (PEP 442): the GC_FINALIZED bit of the instance's GC header (every
// instance of a class has one) remembers that it ran, so an object that
// __del__ resurrected does not get __del__ again when it dies for good.

// Calls type(self).__del__(self); errors are reported as unraisable.
static void call_del(Object *self, Object *del) {
    INCREF(del);
    Object *saved = err_fetch();
    Object *r;
    if (TYPE(del)->descr_get) {
        Object *bound = TYPE(del)->descr_get(del, self, (Object *)TYPE(self));
        r = bound ? obj_call0(bound) : NULL;
        XDECREF(bound);
    } else {
        r = obj_call(del, &self, 1, NULL);
    }
    if (r) DECREF(r);
    else err_write_unraisable(NULL, del, err_fetch());
    err_restore(saved);
    DECREF(del);
}

// Records that o's finalizer has run (free threading runs it when the count
// reaches zero, and deallocates later).
void obj_mark_finalized(Object *o) { GC_HEAD(o)->bits |= GC_FINALIZED; }

// The finalize slot of classes, called by the collector on a live object
// (it sets GC_FINALIZED itself).
static void subtype_finalize(Object *self) {
    Object *del = type_lookup(TYPE(self), S___del__);
    if (del) call_del(self, del);
}

// Calls type(self).__del__(self) if there is one and it has not run yet.
// Returns true when self was resurrected during its deallocation (a new
// reference was stored somewhere) and must live on.
bool obj_call_finalizer(Object *self) {
    GCHead *h = GC_HEAD(self);
    if (h->bits & GC_FINALIZED) return false;
    Object *del = type_lookup(TYPE(self), S___del__);
    if (!del) return false;
    h->bits |= GC_FINALIZED;
    // With the GIL off another thread may take or drop a reference while
    // __del__ runs (finalize_value at exit calls this at a count of 1).
    bool was_dead = REFCNT(self) == 0;
    obj_resurrect_begin(self);  // alive while __del__ runs
#ifdef MINIPY_FT
    ThreadState *ts = tstate_get();
    if (ts) ts->ft.in_finalizer++;
    call_del(self, del);
    if (ts) ts->ft.in_finalizer--;
#else
    call_del(self, del);
#endif
    bool alive = obj_resurrect_end(self);
    // Resurrected by __del__: alive again, and tracked again.
    if (was_dead && alive) {
        gc_track(self);
        return true;
    }
    return false;
}

static void subtype_dealloc(Object *self) {
    TypeObject *type = TYPE(self);
    if (obj_call_finalizer(self)) return;
    // After __del__, before the instance is torn down (CPython's order).
    obj_clear_weakrefs(self);
    // Find the nearest built-in base: it owns the memory layout.
    TypeObject *base = type;
    while (base->flags & TPFLAGS_HEAPTYPE) base = base->base;
    if (type->dictoffset && !base->dictoffset) {
        Object **dp = obj_dict_ptr(self);
        if (dp) CLEAR(*dp);
    }
    base->dealloc(self);
    DECREF(type);
}

// Drops the instance __dict__, then what the built-in base holds.
static int subtype_clear(Object *self) {
    TypeObject *type = TYPE(self);
    TypeObject *base = type;
    while (base->flags & TPFLAGS_HEAPTYPE) base = base->base;
    if (type->dictoffset && !base->dictoffset) {
        Object **dp = obj_dict_ptr(self);
        if (dp) CLEAR(*dp);
    }
    return base->clear ? base->clear(self) : 0;
}

static int subtype_traverse(Object *self, visitproc visit, void *arg) {
    TypeObject *type = TYPE(self);
    TypeObject *base = type;
    while (base->flags & TPFLAGS_HEAPTYPE) base = base->base;
    if (type->dictoffset && !base->dictoffset) {
        Object **dp = obj_dict_ptr(self);
        if (dp && *dp && visit(*dp, arg)) return -1;
    }
    if (visit((Object *)type, arg)) return -1;
    return base->traverse ? base->traverse(self, visit, arg) : 0;
}

static Object *subtype_get_dict(Object *self, void *c) { return obj_get_dict(self); }

static int subtype_set_dict(Object *self, Object *value, void *c) {
    Object **dp = obj_dict_ptr(self);
    if (!dp) {
        vm_raise(Exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value && !DICT_CHECK(value)) {
        vm_raise(Exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(TYPE(value)));
        return -1;
    }
    SETREF(*dp, XNEWREF(value));
    return 0;
}

static const GetSetDef subtype_dict_getset = {"__dict__", subtype_get_dict, subtype_set_dict, NULL};

static Object *subtype_get_weakref(Object *self, void *c) { return weakref_first(self); }

static const GetSetDef subtype_weakref_getset = {"__weakref__", subtype_get_weakref, NULL, NULL};

// The built-in type that fixes the instance layout of t.
static TypeObject *solid_base(TypeObject *t) {
    while (t->flags & TPFLAGS_HEAPTYPE) t = t->base;
    while (t->base && t->basicsize == t->base->basicsize) t = t->base;
    return t;
}

// C3 linearization of bases (a tuple). Returns a new list, or NULL with TypeError.
static Object *c3_mro(TypeObject *t, Object *bases) {
    ssize_t nb = TUPLE_SIZE(bases);
    // Sequences to merge: each base's MRO, then the list of bases.
    Object *seqs = list_new(0);
    if (!seqs) return NULL;
    for (ssize_t i = 0; i < nb; i++) {
        Object *l = list_from_iter(((TypeObject *)TUPLE_ITEMS(bases)[i])->mro);
        if (!l || list_append(seqs, l) < 0) {
            XDECREF(l);
            DECREF(seqs);
            return NULL;
        }
        DECREF(l);
    }
    Object *bl = list_from_iter(bases);
    if (!bl || list_append(seqs, bl) < 0) {
        XDECREF(bl);
        DECREF(seqs);
        return NULL;
    }
    DECREF(bl);
    Object *result = list_new(0);
    if (!result || list_append(result, (Object *)t) < 0) goto fail;
    for (;;) {
        bool empty = true;
        Object *cand = NULL;
        for (ssize_t i = 0; i < LIST_SIZE(seqs); i++) {
            Object *s = LIST_ITEMS(seqs)[i];
            if (LIST_SIZE(s) == 0) continue;
            empty = false;
            Object *head = LIST_ITEMS(s)[0];
            bool in_tail = false;
            for (ssize_t j = 0; j < LIST_SIZE(seqs) && !in_tail; j++) {
                Object *s2 = LIST_ITEMS(seqs)[j];
                for (ssize_t k = 1; k < LIST_SIZE(s2); k++)
                    if (LIST_ITEMS(s2)[k] == head) {
                        in_tail = true;
                        break;
                    }
            }
            if (!in_tail) {
                cand = head;
                break;
            }
        }
        if (empty) break;
        if (!cand) {
            vm_raise(Exc_TypeError, "Cannot create a consistent method resolution order (MRO) for bases");
            goto fail;
        }
        if (list_append(result, cand) < 0) goto fail;
        for (ssize_t i = 0; i < LIST_SIZE(seqs); i++) {
            ListObject *s = (ListObject *)LIST_ITEMS(seqs)[i];
            if (s->size && s->items[0] == cand) {
                DECREF(s->items[0]);
                memmove(s->items, s->items + 1, sizeof(Object *) * (size_t)(s->size - 1));
                s->size--;
            }
        }
    }
    DECREF(seqs);
    return result;
fail:
    XDECREF(result);
    DECREF(seqs);
    return NULL;
}

Object *type_new_class(TypeObject *meta, Object *name, Object *bases, Object *dict) {
    ssize_t nb = TUPLE_SIZE(bases);
    Object *bases_owned = NULL;
    if (nb == 0) {
        bases_owned = tuple_pack(1, (Object *)&BaseObjectType);
        if (!bases_owned) return NULL;
        bases = bases_owned;
        nb = 1;
    } else {
        INCREF(bases);
        bases_owned = bases;
    }
    TypeObject *best = NULL;
    for (ssize_t i = 0; i < nb; i++) {
        Object *b = TUPLE_ITEMS(bases)[i];
        if (!TYPE_CHECK(b)) {
            DECREF(bases_owned);
            return vm_raise(Exc_TypeError, "bases must be types");
        }
        TypeObject *bt = (TypeObject *)b;
        if (!(bt->flags & TPFLAGS_BASETYPE)) {
            DECREF(bases_owned);
            return vm_raise(Exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
        }
        for (ssize_t j = 0; j < i; j++)
            if (TUPLE_ITEMS(bases)[j] == b) {
                DECREF(bases_owned);
                return vm_raise(Exc_TypeError, "duplicate base class %s", bt->name);
            }
        if (!best) {
            best = bt;
        } else {
            TypeObject *s1 = solid_base(best), *s2 = solid_base(bt);
            if (type_is_subtype(s2, s1) && s2 != s1) best = bt;
            else if (!type_is_subtype(s1, s2)) {
                DECREF(bases_owned);
                return vm_raise(Exc_TypeError, "multiple bases have instance lay-out conflict");
            }
        }
    }
    // A metaclass defined in Python gives its instances (classes) a
    // __dict__ slot after the TypeObject: allocate its basicsize.
    size_t tsize = (size_t)meta->basicsize > sizeof(TypeObject) ? (size_t)meta->basicsize : sizeof(TypeObject);
    TypeObject *t = (TypeObject *)obj_alloc(meta, tsize);
    if (!t) {
        DECREF(bases_owned);
        return NULL;
    }
    // Start from the base's slots, then fix up what differs.
    memcpy((char *)t + sizeof(Object), (char *)best + sizeof(Object), sizeof(TypeObject) - sizeof(Object));
    t->methods = NULL;
    t->getset = NULL;
    t->subclasses = NULL;
    t->nsubclasses = t->subclasses_cap = 0;
    t->weaklist = NULL;
    t->ht_module = NULL;
    t->doc = NULL;
    t->flags = (best->flags & ~(TPFLAGS_IS_ABSTRACT)) | TPFLAGS_HEAPTYPE | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
    t->base = (TypeObject *)NEWREF(best);
    t->bases = bases_owned;
    t->ht_name = NEWREF(name);
    t->name = STR_DATA(name);
    t->dict = dict_copy(dict);
    t->mro = NULL;
    t->dealloc = subtype_dealloc;
    t->traverse = subtype_traverse;
    t->clear = subtype_clear;
    t->finalize = subtype_finalize;
    t->version_tag = 0;
    if (!t->dict) goto fail;
    // Instances of a metaclass are classes, allocated as a TypeObject
    // (above): their attributes live in t->dict, as CPython's type keeps
    // its __dict__ in tp_dict, so a subclass of type gets no dict slot.
    if (!best->dictoffset && !type_has_flag(best, TPFLAGS_TYPE_SUBCLASS)) {
        if (best->itemsize) {
            // Variable-size base (tuple, str, bytes): the dict pointer goes
            // after the items; obj_dict_ptr() finds it (dictoffset < 0).
            t->dictoffset = -1;
            t->basicsize += 2 * (ssize_t)sizeof(Object *);
        } else {
            t->dictoffset = t->basicsize;
            t->basicsize += (ssize_t)sizeof(Object *);
        }
        if (!dict_getitem(t->dict, S___dict__)) {
            Object *d = descr_new_getset(t, &subtype_dict_getset);
            if (!d || dict_setitem(t->dict, S___dict__, d) < 0) {
                XDECREF(d);
                goto fail;
            }
            DECREF(d);
        }
    }
    // Instances can be weakly referenced: a list head slot after the dict
    // (variable-size bases excepted), and the __weakref__ attribute.
    if (!best->weaklistoffset && !best->itemsize) {
        t->weaklistoffset = t->basicsize;
        t->basicsize += (ssize_t)sizeof(Object *);
        if (!dict_getitem(t->dict, S___weakref__)) {
            Object *d = descr_new_getset(t, &subtype_weakref_getset);
            if (!d || dict_setitem(t->dict, S___weakref__, d) < 0) {
                XDECREF(d);
                goto fail;
            }
            DECREF(d);
        }
    }
    Object *qn = dict_getitem(t->dict, S___qualname__);
    if (qn) {
        if (!STR_CHECK(qn)) {
            vm_raise(Exc_TypeError, "type __qualname__ must be a str, not %s", type_name(TYPE(qn)));
            goto fail;
        }
        t->ht_qualname = NEWREF(qn);
        if (dict_pop(t->dict, S___qualname__, NULL) < 0) goto fail;
    } else {
        t->ht_qualname = NEWREF(name);
    }
    if (!dict_getitem(t->dict, S___module__)) {
        Object *g = eval_globals();
        Object *mn = g ? dict_getitem(g, S___name__) : NULL;
        if (mn && dict_setitem(t->dict, S___module__, mn) < 0) goto fail;
    }
    if (!dict_getitem(t->dict, S___doc__) && dict_setitem(t->dict, S___doc__, None) < 0) goto fail;
    // __new__ is an implicit staticmethod; __init_subclass__ and
    // __class_getitem__ are implicit classmethods.
    Object *nw = dict_getitem(t->dict, S___new__);
    if (nw && TYPE(nw) == &FunctionType) {
        Object *sm = staticmethod_new(nw);
        if (!sm || dict_setitem(t->dict, S___new__, sm) < 0) goto fail;
        DECREF(sm);
    }
    Object *implicit_cm[2] = {S___init_subclass__, S___class_getitem__};
    for (int i = 0; i < 2; i++) {
        Object *f = dict_getitem(t->dict, implicit_cm[i]);
        if (f && TYPE(f) == &FunctionType) {
            Object *cm = classmethod_new(f);
            if (!cm || dict_setitem(t->dict, implicit_cm[i], cm) < 0) goto fail;
            DECREF(cm);
        }
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if (dict_getitem(t->dict, S___eq__) && !dict_getitem(t->dict, S___hash__) &&
        dict_setitem(t->dict, S___hash__, None) < 0)
        goto fail;
    // Interning the keys lets the method cache hit on them.
    {
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(t->dict, &pos, &k, &v))
            if (STR_CHECK_EXACT(k) && !((StrObject *)k)->interned) {
                Object *ik = str_intern(NEWREF(k));
                INCREF(v);
                dict_pop(t->dict, k, NULL);
                dict_setitem(t->dict, ik, v);
                DECREF(v);
                DECREF(ik);
                pos = 0;
            }
    }
    if (nb == 1) {
        ssize_t n = TUPLE_SIZE(best->mro) + 1;
        t->mro = tuple_new(n);
        if (!t->mro) goto fail;
        TUPLE_ITEMS(t->mro)[0] = NEWREF(t);
        for (ssize_t i = 1; i < n; i++) TUPLE_ITEMS(t->mro)[i] = NEWREF(TUPLE_ITEMS(best->mro)[i - 1]);
    } else {
        Object *l = c3_mro(t, bases);
        if (!l) goto fail;
        t->mro = list_as_tuple(l);
        DECREF(l);
        if (!t->mro) goto fail;
    }
    // The MRO's first item is t itself: that reference is borrowed (it is
    // dropped here and cleared in type_dealloc) so a class can be freed.
    // The cycle collector must not see the tuple (type_traverse).
    DECREF(t);
    gc_untrack(t->mro);
    heap_type_resolve_slots(t);
    assign_version_tag(t);
    for (ssize_t i = 0; i < nb; i++) add_subclass((TypeObject *)TUPLE_ITEMS(bases)[i], t);
    // __classcell__ gets the new class, for zero-argument super().
    Object *cell = dict_getitem(t->dict, S___classcell__);
    if (cell) {
        if (TYPE(cell) == &CellType) SETREF(((CellObject *)cell)->ref, NEWREF(t));
        dict_pop(t->dict, S___classcell__, NULL);
    }
    // __set_name__ on descriptors, then the parent's __init_subclass__.
    {
        Object *items = dict_items_list(t->dict);
        if (!items) goto fail_live;
        for (ssize_t i = 0; i < LIST_SIZE(items); i++) {
            Object *kv = LIST_ITEMS(items)[i];
            Object *v = TUPLE_ITEMS(kv)[1];
            if (type_lookup(TYPE(v), S___set_name__)) {
                Object *args[2] = {(Object *)t, TUPLE_ITEMS(kv)[0]};
                Object *r = obj_call_method_obj(v, S___set_name__, args, 2);
                if (!r) {
                    // 3.11 wraps the error, with it as the cause.
                    Object *cause = err_fetch();
                    vm_raise(Exc_RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%s'",
                             type_name(TYPE(v)), TUPLE_ITEMS(kv)[0], type_name(t));
                    Object *wrapped = err_fetch();
                    if (wrapped && cause) {
                        exc_set_context(wrapped, NEWREF(cause));
                        exc_set_cause(wrapped, NEWREF(cause));
                    }
                    XDECREF(cause);
                    err_restore(wrapped);
                    DECREF(items);
                    goto fail_live;
                }
                DECREF(r);
            }
        }
        DECREF(items);
    }
    return (Object *)t;
fail:
    DECREF(t);
    return NULL;
fail_live:
    DECREF(t);
    return NULL;
}

// Calls super(t, t).__init_subclass__(**kwargs); used by __build_class__.
int type_call_init_subclass(TypeObject *t, Object *kwargs) {
    Object *mro = t->mro;
    for (ssize_t i = 1; i < TUPLE_SIZE(mro); i++) {
        TypeObject *b = (TypeObject *)TUPLE_ITEMS(mro)[i];
        Object *f = dict_getitem(b->dict, S___init_subclass__);
        if (!f) continue;
        Object *bound = TYPE(f)->descr_get ? TYPE(f)->descr_get(f, NULL, (Object *)t) : NEWREF(f);
        if (!bound) return -1;
        Object *r = obj_call_tuple_dict(bound, NULL, kwargs);
        DECREF(bound);
        if (!r) return -1;
        DECREF(r);
        return 0;
    }
    return 0;
}
