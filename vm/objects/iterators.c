// The builtin iterator types enumerate, zip, map, filter and reversed
// (CPython's Objects/enumobject.c and the map/filter/zip objects of
// Python/bltinmodule.c). Each is a type whose constructor builds the
// iterator; iter() of one returns itself.
//
// enumerate and zip reuse their result tuple when the caller has dropped it
// (refcount 1), as CPython does, so `for i, x in enumerate(xs)` allocates no
// tuple per step.
#include "../runtime.h"

#include <stdlib.h>
#include <string.h>

static Object *self_iter(Object *o) { return NEWREF(o); }

static inline ssize_t nkw(Object *kwnames) { return kwnames ? TUPLE_SIZE(kwnames) : 0; }

static Object *alloc_iter(TypeObject *type, size_t size) {
    if (type->flags & TPFLAGS_HEAPTYPE) return type_generic_alloc(type, 0);
    return obj_alloc(type, size);
}

// ---- enumerate -----------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    ssize_t index;          // next index while it fits
    Object *it;             // the underlying iterator
    Object *result;         // cached (index, item) tuple
    Object *long_index;     // next index once it no longer fits a ssize_t, else NULL
} EnumObject;

static bool check_keyword(Object *kwnames, ssize_t i, const char *name) {
    Object *key = TUPLE_ITEMS(kwnames)[i];
    if (strcmp(STR_DATA(key), name) == 0) return true;
    vm_raise(Exc_TypeError, "'%U' is an invalid keyword argument for enumerate()", key);
    return false;
}

// Argument handling exactly as CPython 3.11's enum_vectorcall.
static Object *enum_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    ssize_t nk = nkw(kwnames);
    Object *a[2] = {NULL, NULL};
    if (nargs + nk == 2) {
        a[0] = args[0];
        a[1] = args[1];
        if (nk == 1) {
            if (!check_keyword(kwnames, 0, "start")) return NULL;
        } else if (nk == 2) {
            if (strcmp(STR_DATA(TUPLE_ITEMS(kwnames)[0]), "start") == 0) {
                if (!check_keyword(kwnames, 1, "iterable")) return NULL;
                a[0] = args[1];
                a[1] = args[0];
            } else if (!check_keyword(kwnames, 0, "iterable") || !check_keyword(kwnames, 1, "start")) {
                return NULL;
            }
        }
    } else if (nargs + nk == 1) {
        if (nk == 1 && !check_keyword(kwnames, 0, "iterable")) return NULL;
        a[0] = args[0];
    } else if (nargs == 0) {
        return vm_raise(Exc_TypeError, "enumerate() missing required argument 'iterable'");
    } else {
        return vm_raise(Exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)", nargs + nk);
    }
    ssize_t index = 0;
    Object *long_index = NULL;
    if (a[1]) {
        Object *s = num_index(a[1]);
        if (s && !INT_CHECK_EXACT(s)) SETREF(s, int_from_mpz_obj(s));
        if (!s) return NULL;
        long v;
        if (int_as_long_fast(s, &v) == 0 && v != SSIZE_MAX) {
            index = v;
            DECREF(s);
        } else {
            long_index = s;
        }
    }
    Object *it = obj_getiter(a[0]);
    if (!it) {
        XDECREF(long_index);
        return NULL;
    }
    Object *result = tuple_pack(2, None, None);
    if (!result) {
        XDECREF(long_index);
        DECREF(it);
        return NULL;
    }
    EnumObject *en = (EnumObject *)alloc_iter(type, sizeof(EnumObject));
    if (!en) {
        XDECREF(long_index);
        DECREF(it);
        DECREF(result);
        return NULL;
    }
    en->index = index;
    en->it = it;
    en->result = result;
    en->long_index = long_index;
    return (Object *)en;
}

static void enum_dealloc(Object *o) {
    EnumObject *en = (EnumObject *)o;
    XDECREF(en->it);
    XDECREF(en->result);
    XDECREF(en->long_index);
    obj_free(o);
}

static int enum_traverse(Object *o, visitproc visit, void *arg) {
    EnumObject *en = (EnumObject *)o;
    if (en->it && visit(en->it, arg)) return -1;
    if (en->result && visit(en->result, arg)) return -1;
    if (en->long_index && visit(en->long_index, arg)) return -1;
    return 0;
}

// Returns (idx, item), reusing the cached tuple when nobody else holds it.
// Steals idx and item.
static Object *pair_result(Object **cache, Object *idx, Object *item) {
    Object *r = *cache;
    if (r && REFCNT(r) == 1) {
        INCREF(r);
        Object *old0 = TUPLE_ITEMS(r)[0], *old1 = TUPLE_ITEMS(r)[1];
        TUPLE_ITEMS(r)[0] = idx;
        TUPLE_ITEMS(r)[1] = item;
        DECREF(old0);
        DECREF(old1);
        return r;
    }
    r = tuple_new(2);
    if (!r) {
        DECREF(idx);
        DECREF(item);
        return NULL;
    }
    TUPLE_ITEMS(r)[0] = idx;
    TUPLE_ITEMS(r)[1] = item;
    return r;
}

static Object *enum_next(Object *o) {
    if (check_c_stack() < 0) return NULL;
    EnumObject *en = (EnumObject *)o;
    Object *it = en->it;
    iternextfunc next = TYPE(it)->iternext;
    Object *item = next(it);
    if (!item) return NULL;
    Object *idx;
    if (!en->long_index && en->index < SSIZE_MAX) {
        idx = int_from_ssize(en->index++);
    } else {
        if (!en->long_index) {
            en->long_index = int_from_ssize(en->index);
            if (!en->long_index) {
                DECREF(item);
                return NULL;
            }
        }
        Object *one = int_from_long(1);
        Object *nx = num_binop(en->long_index, one, OP_ADD);
        if (!nx) {
            DECREF(item);
            return NULL;
        }
        idx = en->long_index;
        en->long_index = nx;
    }
    if (!idx) {
        DECREF(item);
        return NULL;
    }
    return pair_result(&en->result, idx, item);
}

TypeObject EnumerateType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "enumerate",
    .basicsize = sizeof(EnumObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "Return an enumerate object.\n\n"
           "  iterable\n    an object supporting iteration\n\n"
           "The enumerate object yields pairs containing a count (from start, which\n"
           "defaults to zero) and a value yielded by the iterable argument.\n\n"
           "enumerate is useful for obtaining an indexed list:\n"
           "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .dealloc = enum_dealloc,
    .traverse = enum_traverse,
    .iter = self_iter,
    .iternext = enum_next,
    .tp_new = enum_tp_new,
};

// ---- zip ------------------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    ssize_t n;
    Object *iters;          // tuple of iterators
    Object *result;         // cached result tuple
    bool strict;
} ZipObject;

static Object *zip_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    int strict = 0;
    for (ssize_t k = 0; k < nkw(kwnames); k++) {
        Object *key = TUPLE_ITEMS(kwnames)[k];
        if (strcmp(STR_DATA(key), "strict") != 0)
            return vm_raise(Exc_TypeError, "'%U' is an invalid keyword argument for zip()", key);
        strict = obj_istrue(args[nargs + k]);
        if (strict < 0) return NULL;
    }
    Object *iters = tuple_new(nargs);
    if (!iters) return NULL;
    for (ssize_t i = 0; i < nargs; i++) {
        Object *it = obj_getiter(args[i]);
        if (!it) {
            DECREF(iters);
            return NULL;
        }
        TUPLE_ITEMS(iters)[i] = it;
    }
    Object *result = tuple_new(nargs);
    if (!result) {
        DECREF(iters);
        return NULL;
    }
    for (ssize_t i = 0; i < nargs; i++) TUPLE_ITEMS(result)[i] = NEWREF(None);
    ZipObject *z = (ZipObject *)alloc_iter(type, sizeof(ZipObject));
    if (!z) {
        DECREF(iters);
        DECREF(result);
        return NULL;
    }
    z->n = nargs;
    z->iters = iters;
    z->result = result;
    z->strict = strict != 0;
    return (Object *)z;
}

static void zip_dealloc(Object *o) {
    ZipObject *z = (ZipObject *)o;
    XDECREF(z->iters);
    XDECREF(z->result);
    obj_free(o);
}

static int zip_traverse(Object *o, visitproc visit, void *arg) {
    ZipObject *z = (ZipObject *)o;
    if (z->iters && visit(z->iters, arg)) return -1;
    if (z->result && visit(z->result, arg)) return -1;
    return 0;
}

// Iterator i ran out: with strict=True, raise unless all ran out together.
static Object *zip_exhausted(ZipObject *z, ssize_t i) {
    if (err_occurred()) {
        if (!err_matches(Exc_StopIteration)) return NULL;
        err_clear();
    }
    if (!z->strict) return NULL;
    if (i) {
        if (i == 1) return vm_raise(Exc_ValueError, "zip() argument 2 is shorter than argument 1");
        return vm_raise(Exc_ValueError, "zip() argument %zd is shorter than arguments 1-%zd", i + 1, i);
    }
    for (i = 1; i < z->n; i++) {
        Object *it = TUPLE_ITEMS(z->iters)[i];
        Object *item = TYPE(it)->iternext(it);
        if (item) {
            DECREF(item);
            if (i == 1) return vm_raise(Exc_ValueError, "zip() argument 2 is longer than argument 1");
            return vm_raise(Exc_ValueError, "zip() argument %zd is longer than arguments 1-%zd", i + 1, i);
        }
        if (err_occurred()) {
            if (!err_matches(Exc_StopIteration)) return NULL;
            err_clear();
        }
    }
    return NULL;
}

static Object *zip_next(Object *o) {
    if (check_c_stack() < 0) return NULL;
    ZipObject *z = (ZipObject *)o;
    ssize_t n = z->n;
    if (n == 0) return NULL;
    Object *r = z->result;
    if (REFCNT(r) == 1) {
        INCREF(r);
        for (ssize_t i = 0; i < n; i++) {
            Object *it = TUPLE_ITEMS(z->iters)[i];
            Object *item = TYPE(it)->iternext(it);
            if (!item) {
                DECREF(r);
                return zip_exhausted(z, i);
            }
            Object *old = TUPLE_ITEMS(r)[i];
            TUPLE_ITEMS(r)[i] = item;
            DECREF(old);
        }
        return r;
    }
    r = tuple_new(n);
    if (!r) return NULL;
    for (ssize_t i = 0; i < n; i++) {
        Object *it = TUPLE_ITEMS(z->iters)[i];
        Object *item = TYPE(it)->iternext(it);
        if (!item) {
            // Fill the rest so the tuple can be released safely.
            for (ssize_t j = i; j < n; j++) TUPLE_ITEMS(r)[j] = NEWREF(None);
            DECREF(r);
            return zip_exhausted(z, i);
        }
        TUPLE_ITEMS(r)[i] = item;
    }
    return r;
}

TypeObject ZipType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "zip",
    .basicsize = sizeof(ZipObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
           "   >>> list(zip('abcdefg', range(3), range(4)))\n"
           "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
           "The zip object yields n-length tuples, where n is the number of iterables\n"
           "passed as positional arguments to zip().  The i-th element in every tuple\n"
           "comes from the i-th iterable argument to zip().  This continues until the\n"
           "shortest argument is exhausted.\n\n"
           "If strict is true and one of the arguments is exhausted before the others,\n"
           "raise a ValueError.",
    .dealloc = zip_dealloc,
    .traverse = zip_traverse,
    .iter = self_iter,
    .iternext = zip_next,
    .tp_new = zip_tp_new,
};

// ---- map --------------------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *func;
    Object *iters;          // tuple of iterators
} MapObject;

static Object *map_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nkw(kwnames)) return vm_raise(Exc_TypeError, "map() takes no keyword arguments");
    if (nargs < 2) return vm_raise(Exc_TypeError, "map() must have at least two arguments.");
    Object *iters = tuple_new(nargs - 1);
    if (!iters) return NULL;
    for (ssize_t i = 1; i < nargs; i++) {
        Object *it = obj_getiter(args[i]);
        if (!it) {
            DECREF(iters);
            return NULL;
        }
        TUPLE_ITEMS(iters)[i - 1] = it;
    }
    MapObject *m = (MapObject *)alloc_iter(type, sizeof(MapObject));
    if (!m) {
        DECREF(iters);
        return NULL;
    }
    m->func = NEWREF(args[0]);
    m->iters = iters;
    return (Object *)m;
}

static void map_dealloc(Object *o) {
    MapObject *m = (MapObject *)o;
    XDECREF(m->func);
    XDECREF(m->iters);
    obj_free(o);
}

static int map_traverse(Object *o, visitproc visit, void *arg) {
    MapObject *m = (MapObject *)o;
    if (m->func && visit(m->func, arg)) return -1;
    if (m->iters && visit(m->iters, arg)) return -1;
    return 0;
}

static Object *map_next(Object *o) {
    if (check_c_stack() < 0) return NULL;
    MapObject *m = (MapObject *)o;
    ssize_t n = TUPLE_SIZE(m->iters);
    Object *small[8];
    Object **stack = n <= 8 ? small : malloc(sizeof(Object *) * (size_t)n);
    if (!stack) {
        err_no_memory();
        return NULL;
    }
    ssize_t got = 0;
    Object *r = NULL;
    for (; got < n; got++) {
        Object *it = TUPLE_ITEMS(m->iters)[got];
        Object *item = TYPE(it)->iternext(it);
        if (!item) goto out;
        stack[got] = item;
    }
    r = obj_call(m->func, stack, n, NULL);
out:
    for (ssize_t i = 0; i < got; i++) DECREF(stack[i]);
    if (stack != small) free(stack);
    return r;
}

TypeObject MapType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "map",
    .basicsize = sizeof(MapObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "map(func, *iterables) --> map object\n\n"
           "Make an iterator that computes the function using arguments from\n"
           "each of the iterables.  Stops when the shortest iterable is exhausted.",
    .dealloc = map_dealloc,
    .traverse = map_traverse,
    .iter = self_iter,
    .iternext = map_next,
    .tp_new = map_tp_new,
};

// ---- filter ------------------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *func;           // None: truthiness
    Object *it;
} FilterObject;

static Object *filter_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nkw(kwnames)) return vm_raise(Exc_TypeError, "filter() takes no keyword arguments");
    if (nargs != 2) return vm_raise(Exc_TypeError, "filter expected 2 arguments, got %zd", nargs);
    Object *it = obj_getiter(args[1]);
    if (!it) return NULL;
    FilterObject *f = (FilterObject *)alloc_iter(type, sizeof(FilterObject));
    if (!f) {
        DECREF(it);
        return NULL;
    }
    f->func = NEWREF(args[0]);
    f->it = it;
    return (Object *)f;
}

static void filter_dealloc(Object *o) {
    FilterObject *f = (FilterObject *)o;
    XDECREF(f->func);
    XDECREF(f->it);
    obj_free(o);
}

static int filter_traverse(Object *o, visitproc visit, void *arg) {
    FilterObject *f = (FilterObject *)o;
    if (f->func && visit(f->func, arg)) return -1;
    if (f->it && visit(f->it, arg)) return -1;
    return 0;
}

static Object *filter_next(Object *o) {
    if (check_c_stack() < 0) return NULL;
    FilterObject *f = (FilterObject *)o;
    Object *it = f->it;
    iternextfunc next = TYPE(it)->iternext;
    bool truth = f->func == None || f->func == (Object *)&BoolType;
    for (;;) {
        Object *item = next(it);
        if (!item) return NULL;
        int ok;
        if (truth) {
            ok = obj_istrue(item);
        } else {
            Object *r = obj_call1(f->func, item);
            if (!r) {
                DECREF(item);
                return NULL;
            }
            ok = obj_istrue(r);
            DECREF(r);
        }
        if (ok > 0) return item;
        DECREF(item);
        if (ok < 0) return NULL;
    }
}

TypeObject FilterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "filter",
    .basicsize = sizeof(FilterObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "filter(function or None, iterable) --> filter object\n\n"
           "Return an iterator yielding those items of iterable for which function(item)\n"
           "is true. If function is None, return the items that are true.",
    .dealloc = filter_dealloc,
    .traverse = filter_traverse,
    .iter = self_iter,
    .iternext = filter_next,
    .tp_new = filter_tp_new,
};

// ---- reversed -----------------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    ssize_t index;          // next index to fetch; -1 when done
    Object *seq;            // NULL when exhausted
} ReversedObject;

static Object *reversed_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nkw(kwnames) && type == &ReversedType)
        return vm_raise(Exc_TypeError, "reversed() takes no keyword arguments");
    if (nargs != 1) return vm_raise(Exc_TypeError, "reversed expected 1 argument, got %zd", nargs);
    Object *seq = args[0];
    TypeObject *t = TYPE(seq);
    Object *meth = type_lookup(t, S___reversed__);
    if (meth == None) return vm_raise(Exc_TypeError, "'%s' object is not reversible", type_name(t));
    if (meth) return obj_call_method_obj(seq, S___reversed__, NULL, 0);
    // PySequence_Check: item access, and not a mapping.
    if (!t->mp_subscript || DICT_CHECK(seq) || TYPE_CHECK(seq))
        return vm_raise(Exc_TypeError, "'%s' object is not reversible", type_name(t));
    ssize_t n = obj_len(seq);
    if (n < 0) return NULL;
    ReversedObject *r = (ReversedObject *)alloc_iter(type, sizeof(ReversedObject));
    if (!r) return NULL;
    r->index = n - 1;
    r->seq = NEWREF(seq);
    return (Object *)r;
}

static void reversed_dealloc(Object *o) {
    XDECREF(((ReversedObject *)o)->seq);
    obj_free(o);
}

static int reversed_traverse(Object *o, visitproc visit, void *arg) {
    ReversedObject *r = (ReversedObject *)o;
    return r->seq ? visit(r->seq, arg) : 0;
}

static Object *reversed_next(Object *o) {
    ReversedObject *r = (ReversedObject *)o;
    if (r->index >= 0 && r->seq) {
        Object *i = int_from_ssize(r->index);
        if (!i) return NULL;
        Object *item = obj_getitem(r->seq, i);
        DECREF(i);
        if (item) {
            r->index--;
            return item;
        }
        if (!err_matches(Exc_IndexError) && !err_matches(Exc_StopIteration)) return NULL;
        err_clear();
    }
    r->index = -1;
    CLEAR(r->seq);
    return NULL;
}

static Object *reversed_length_hint(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    ReversedObject *r = (ReversedObject *)o;
    if (!r->seq) return int_from_long(0);
    ssize_t n = obj_len(r->seq);
    if (n < 0) return NULL;
    ssize_t pos = r->index + 1;
    return int_from_ssize(n < pos ? 0 : pos);
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject ReversedType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "reversed",
    .basicsize = sizeof(ReversedObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "Return a reverse iterator over the values of the given sequence.",
    .dealloc = reversed_dealloc,
    .traverse = reversed_traverse,
    .iter = self_iter,
    .iternext = reversed_next,
    .tp_new = reversed_tp_new,
    .methods = reversed_methods,
};
