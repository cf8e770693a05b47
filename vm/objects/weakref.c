// Weak references (CPython's Objects/weakrefobject.c): weakref.ref and the
// _weakref module (ref, getweakrefcount, getweakrefs); stdlib/lib/weakref.py
// builds WeakMethod, WeakValueDictionary, WeakKeyDictionary, WeakSet,
// finalize and proxy on top.
//
// As in CPython, a type whose instances can be weakly referenced has a
// pointer slot in them at TypeObject.weaklistoffset: the head of a doubly
// linked list of the weakrefs to the object. Classes get the slot unless a
// base has one (vm/type.c); of the built-in types function, type, set,
// frozenset, module, bound method, generator, coroutine and async generator
// have it. A weakref holds its referent borrowed. When the referent is
// deallocated (after its __del__, as CPython's subtype_dealloc does), every
// weakref to it is cleared (calling it returns None from then on) and the
// callbacks of those that are still alive are called with the weakref,
// most recently created first.
//
// A weakref without a callback made by `ref` itself is shared: ref(o) is
// ref(o). It sits at the head of the list, so it is found at once.
//
// Free threading: the lists are guarded by one mutex. Calling a weakref
// reads the referent under it and takes a reference only if the object is
// not already dying (count zero). An object gets the ob_ftshared mark when
// its first weakref is made, so its deallocation waits for every thread's
// quiescent point (vm/ft.c) and a weakref call racing with the last DECREF
// revives it instead of touching freed memory.
#include "../runtime.h"
#include "weakref.h"

#include <pthread.h>

static pthread_mutex_t wr_mutex = PTHREAD_MUTEX_INITIALIZER;

// The child of a fork has one thread: the lock starts afresh (the world
// was stopped, so no thread held it, but a reset costs nothing).
void weakref_after_fork_child(void) { wr_mutex = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER; }

static inline void wr_lock(void) {
    if (ft_mode) pthread_mutex_lock(&wr_mutex);
}
static inline void wr_unlock(void) {
    if (ft_mode) pthread_mutex_unlock(&wr_mutex);
}

static inline WeakrefObject **list_of(Object *o) {
    return (WeakrefObject **)((char *)o + TYPE(o)->weaklistoffset);
}

#define WEAKREF_EXACT(o) (TYPE(o) == &WeakrefType)

// Unlinks r from its referent's list (the lock is held).
static void unlink_ref(WeakrefObject *r) {
    if (!r->referent) return;
    WeakrefObject **head = list_of(r->referent);
    if (*head == r) *head = r->next;
    if (r->prev) r->prev->next = r->next;
    if (r->next) r->next->prev = r->prev;
    r->prev = r->next = NULL;
    r->referent = NULL;
}

bool weakref_supported(Object *o) { return TYPE(o)->weaklistoffset > 0; }

// The referent, a new reference, or NULL if it is gone.
Object *weakref_get(WeakrefObject *r) {
    wr_lock();
    Object *o = r->referent;
    if (o && REFCNT(o) > 0) INCREF(o);
    else o = NULL;
    wr_unlock();
    return o;
}

static Object *new_ref(TypeObject *type, Object *ob, Object *callback) {
    if (!weakref_supported(ob))
        return vm_raise(Exc_TypeError, "cannot create weak reference to '%s' object", type_name(TYPE(ob)));
    if (callback == None) callback = NULL;
    bool basic = type == &WeakrefType && !callback;
    wr_lock();
    WeakrefObject **head = list_of(ob);
    if (basic && *head && WEAKREF_EXACT(*head) && !(*head)->callback && REFCNT(*head) > 0) {
        WeakrefObject *r = *head;
        INCREF(r);
        wr_unlock();
        return (Object *)r;
    }
    wr_unlock();
    WeakrefObject *r = (WeakrefObject *)type_generic_alloc(type, 0);
    if (!r) return NULL;
    r->callback = XNEWREF(callback);
    r->hash = -1;
    ft_mark_shared(ob);
    ft_mark_shared((Object *)r);
    wr_lock();
    head = list_of(ob);
    r->referent = ob;
    r->prev = NULL;
    if (basic || !*head || !WEAKREF_EXACT(*head) || (*head)->callback) {
        // The shared basic ref goes first; the others after it.
        r->next = *head;
        if (*head) (*head)->prev = r;
        *head = r;
    } else {
        WeakrefObject *first = *head;
        r->next = first->next;
        r->prev = first;
        if (first->next) first->next->prev = r;
        first->next = r;
    }
    wr_unlock();
    return (Object *)r;
}

void weakref_clear_refs(Object *o) {
    wr_lock();
    WeakrefObject **head = list_of(o);
    ssize_t n = 0;
    for (WeakrefObject *r = *head; r; r = r->next)
        if (r->callback) n++;
    // The weakrefs whose callbacks run, kept alive until they have.
    WeakrefObject *stack_refs[16];
    WeakrefObject **refs = n <= 16 ? stack_refs : malloc(sizeof(WeakrefObject *) * (size_t)n);
    ssize_t k = 0;
    while (*head) {
        WeakrefObject *r = *head;
        if (r->callback && refs && REFCNT(r) > 0) {
            INCREF(r);
            refs[k++] = r;
        }
        unlink_ref(r);
    }
    wr_unlock();
    if (!k) {
        if (refs != stack_refs) free(refs);
        return;
    }
    Object *saved = err_fetch();
    for (ssize_t i = 0; i < k; i++) {
        WeakrefObject *r = refs[i];
        Object *cb = r->callback ? NEWREF(r->callback) : NULL;
        if (cb) {
            Object *res = obj_call(cb, (Object *const *)&r, 1, NULL);
            if (res) DECREF(res);
            else err_write_unraisable(NULL, cb, err_fetch());
            DECREF(cb);
        }
        DECREF(r);
    }
    if (refs != stack_refs) free(refs);
    err_restore(saved);
}

ssize_t weakref_count(Object *o) {
    if (!weakref_supported(o)) return 0;
    wr_lock();
    ssize_t n = 0;
    for (WeakrefObject *r = *list_of(o); r; r = r->next) n++;
    wr_unlock();
    return n;
}

Object *weakref_list(Object *o) {
    Object *l = list_new(0);
    if (!l || !weakref_supported(o)) return l;
    wr_lock();
    ssize_t n = 0;
    for (WeakrefObject *r = *list_of(o); r; r = r->next) n++;
    Object *items = tuple_new(n);
    if (items) {
        ssize_t i = 0;
        for (WeakrefObject *r = *list_of(o); r; r = r->next) TUPLE_ITEMS(items)[i++] = NEWREF(r);
    }
    wr_unlock();
    if (!items) {
        DECREF(l);
        return NULL;
    }
    for (ssize_t i = 0; i < TUPLE_SIZE(items); i++)
        if (list_append(l, TUPLE_ITEMS(items)[i]) < 0) {
            DECREF(items);
            DECREF(l);
            return NULL;
        }
    DECREF(items);
    return l;
}

Object *weakref_first(Object *o) {
    if (!weakref_supported(o)) RETURN_NONE;
    wr_lock();
    WeakrefObject *r = *list_of(o);
    Object *v = r ? NEWREF(r) : NEWREF(None);
    wr_unlock();
    return v;
}

// ---- The ref type ---------------------------------------------------------------------------

static Object *weakref_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames))
        return vm_raise(Exc_TypeError, "%s() takes no keyword arguments", type == &WeakrefType ? "ref" : type->name);
    if (nargs < 1 || nargs > 2)
        return vm_raise(Exc_TypeError, "__new__ expected at most 2 arguments, got %zd", nargs);
    return new_ref(type, args[0], nargs > 1 ? args[1] : NULL);
}

// ref.__init__(ob, callback=None): the work is done by __new__; subclasses
// call it with the same arguments.
static int weakref_tp_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs < 1 || nargs > 2) {
        vm_raise(Exc_TypeError, "__init__ expected at most 2 arguments, got %zd", nargs);
        return -1;
    }
    return 0;
}

static void weakref_dealloc(Object *self) {
    WeakrefObject *r = (WeakrefObject *)self;
    wr_lock();
    unlink_ref(r);
    wr_unlock();
    XDECREF(r->callback);
    obj_free(self);
}

static int weakref_traverse(Object *self, visitproc visit, void *arg) {
    WeakrefObject *r = (WeakrefObject *)self;
    return r->callback && visit(r->callback, arg) ? -1 : 0;
}

static int weakref_clear(Object *self) {
    WeakrefObject *r = (WeakrefObject *)self;
    wr_lock();
    unlink_ref(r);
    wr_unlock();
    CLEAR(r->callback);
    return 0;
}

static Object *weakref_call(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
        return vm_raise(Exc_TypeError, "weakref() takes no arguments (%zd given)",
                        nargs + (kwnames ? TUPLE_SIZE(kwnames) : 0));
    Object *o = weakref_get((WeakrefObject *)self);
    return o ? o : NEWREF(None);
}

static hash_t weakref_hash(Object *self) {
    WeakrefObject *r = (WeakrefObject *)self;
    if (r->hash != -1) return r->hash;
    Object *o = weakref_get(r);
    if (!o) {
        vm_raise(Exc_TypeError, "weak object has gone away");
        return -1;
    }
    hash_t h = obj_hash(o);
    DECREF(o);
    r->hash = h;
    return h;
}

static Object *weakref_repr(Object *self) {
    Object *o = weakref_get((WeakrefObject *)self);
    if (!o) return str_from_format("<weakref at %p; dead>", (void *)self);
    int error = 0;
    Object *name = obj_lookup_attr(o, S___name__, &error);
    Object *r;
    if (error) {
        r = NULL;
    } else if (name && STR_CHECK(name)) {
        r = str_from_format("<weakref at %p; to '%s' at %p (%U)>", (void *)self, type_name(TYPE(o)), (void *)o, name);
    } else {
        r = str_from_format("<weakref at %p; to '%s' at %p>", (void *)self, type_name(TYPE(o)), (void *)o);
    }
    XDECREF(name);
    DECREF(o);
    return r;
}

// Two live weakrefs compare as their referents; otherwise by identity.
static Object *weakref_richcompare(Object *a, Object *b, int op) {
    if ((op != CMP_EQ_OP && op != CMP_NE_OP) || !type_is_subtype(TYPE(b), &WeakrefType))
        return NEWREF(NotImplemented);
    Object *x = weakref_get((WeakrefObject *)a), *y = weakref_get((WeakrefObject *)b);
    Object *r;
    if (x && y) {
        r = obj_richcompare(x, y, op);
    } else {
        bool same = a == b;
        r = NEWREF(bool_from(op == CMP_EQ_OP ? same : !same));
    }
    XDECREF(x);
    XDECREF(y);
    return r;
}

static Object *weakref_get_callback(Object *self, void *c) {
    Object *cb = ((WeakrefObject *)self)->callback;
    return NEWREF(cb ? cb : None);
}

static const GetSetDef weakref_getset[] = {
    {"__callback__", weakref_get_callback, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject WeakrefType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "weakref.ReferenceType",
    .basicsize = sizeof(WeakrefObject),
    .flags = TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE,
    .dealloc = weakref_dealloc,
    .traverse = weakref_traverse,
    .clear = weakref_clear,
    .repr = weakref_repr,
    .hash = weakref_hash,
    .richcompare = weakref_richcompare,
    .getattro = obj_generic_getattr,
    .call = weakref_call,
    .tp_new = weakref_tp_new,
    .init = weakref_tp_init,
    .getset = weakref_getset,
};
