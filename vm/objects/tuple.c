// tuple (CPython's Objects/tupleobject.c). Small tuples are recycled
// through per-size freelists; the empty tuple is a singleton.
#include "../runtime.h"
#include "../gc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define TUPLE_FREELIST_SIZES 16
#define TUPLE_FREELIST_MAX 200
static _Thread_local TupleObject *tuple_freelist[TUPLE_FREELIST_SIZES];
static _Thread_local int tuple_freelist_len[TUPLE_FREELIST_SIZES];
static TupleObject *empty_tuple;

Object *tuple_new(ssize_t size) {
    if (size == 0 && empty_tuple) return NEWREF(empty_tuple);
    TupleObject *t;
    if (size < TUPLE_FREELIST_SIZES && (t = tuple_freelist[size])) {
        tuple_freelist[size] = (TupleObject *)t->items[0];
        tuple_freelist_len[size]--;
        obj_init_refcnt((Object *)t);
        t->ob_base.ob_type = &TupleType;
        obj_note_alloc();
        gc_track((Object *)t);
    } else {
        if ((size_t)size > ((size_t)SSIZE_MAX - sizeof(TupleObject)) / sizeof(Object *)) {
            err_no_memory();
            return NULL;
        }
        t = (TupleObject *)obj_alloc(&TupleType, sizeof(TupleObject) + sizeof(Object *) * (size_t)size);
        if (!t) return NULL;
    }
    t->size = size;
    memset(t->items, 0, sizeof(Object *) * (size_t)size);
    return (Object *)t;
}

void tuple_init(void) {
    empty_tuple = (TupleObject *)obj_alloc(&TupleType, sizeof(TupleObject));
    obj_make_immortal((Object *)empty_tuple);
}

static void tuple_dealloc(Object *self) {
    TupleObject *t = (TupleObject *)self;
    ssize_t n = t->size;
    for (ssize_t i = n - 1; i >= 0; i--) XDECREF(t->items[i]);  // last first, as CPython
    if (TYPE(self) == &TupleType && n > 0 && n < TUPLE_FREELIST_SIZES &&
        tuple_freelist_len[n] < TUPLE_FREELIST_MAX) {
        t->items[0] = (Object *)tuple_freelist[n];
        tuple_freelist[n] = t;
        tuple_freelist_len[n]++;
        obj_note_free();
        return;
    }
    obj_free(self);
}

void tuple_freelist_clear(void) {
    for (int n = 0; n < TUPLE_FREELIST_SIZES; n++) {
        while (tuple_freelist[n]) {
            TupleObject *t = tuple_freelist[n];
            tuple_freelist[n] = (TupleObject *)t->items[0];
            gc_free_memory((Object *)t);
        }
        tuple_freelist_len[n] = 0;
    }
}

static int tuple_traverse(Object *self, visitproc visit, void *arg) {
    TupleObject *t = (TupleObject *)self;
    for (ssize_t i = 0; i < t->size; i++)
        if (t->items[i] && visit(t->items[i], arg)) return -1;
    return 0;
}

Object *tuple_pack(ssize_t n, ...) {
    Object *t = tuple_new(n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (ssize_t i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = NEWREF(va_arg(ap, Object *));
    va_end(ap);
    return t;
}

Object *tuple_from_array(Object *const *items, ssize_t n) {
    Object *t = tuple_new(n);
    if (!t) return NULL;
    for (ssize_t i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = NEWREF(items[i]);
    return t;
}

Object *tuple_from_iter(Object *iterable) {
    if (TUPLE_CHECK_EXACT(iterable)) return NEWREF(iterable);
    if (LIST_CHECK(iterable)) return list_as_tuple(iterable);
    Object *l = list_from_iter(iterable);
    if (!l) return NULL;
    Object *t = list_as_tuple(l);
    DECREF(l);
    return t;
}

Object *tuple_getslice(Object *t, ssize_t lo, ssize_t hi) {
    ssize_t n = TUPLE_SIZE(t);
    if (lo < 0) lo = 0;
    if (hi > n) hi = n;
    if (hi < lo) hi = lo;
    if (lo == 0 && hi == n && TUPLE_CHECK_EXACT(t)) return NEWREF(t);
    return tuple_from_array(TUPLE_ITEMS(t) + lo, hi - lo);
}

int repr_enter(Object *o);
void repr_leave(Object *o);

static Object *tuple_repr(Object *self) {
    ssize_t n = TUPLE_SIZE(self);
    if (n == 0) return str_from_cstr("()");
    int rec = repr_enter(self);
    if (rec) return rec > 0 ? str_from_cstr("(...)") : NULL;
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, '(');
    for (ssize_t i = 0; i < n; i++) {
        if (i) sb_puts(&sb, ", ");
        if (sb_put_obj_repr(&sb, TUPLE_ITEMS(self)[i]) < 0) {
            sb_free(&sb);
            repr_leave(self);
            return NULL;
        }
    }
    if (n == 1) sb_putc(&sb, ',');
    sb_putc(&sb, ')');
    repr_leave(self);
    return sb_finish(&sb);
}

// CPython's tuple hash (xxHash-based, 3.8+), so hash((1, 2)) matches.
static hash_t tuple_hash(Object *self) {
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
    ssize_t n = TUPLE_SIZE(self);
    uint64_t acc = P5;
    for (ssize_t i = 0; i < n; i++) {
        hash_t h = obj_hash(TUPLE_ITEMS(self)[i]);
        if (h == -1) return -1;
        acc += (uint64_t)h * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += (uint64_t)n ^ (P5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (hash_t)acc;
}

Object *seq_richcompare(Object **a, ssize_t na, Object **b, ssize_t nb, int op);

static Object *tuple_richcompare(Object *v, Object *w, int op) {
    if (!TUPLE_CHECK(w)) RETURN_NOTIMPL;
    return seq_richcompare(TUPLE_ITEMS(v), TUPLE_SIZE(v), TUPLE_ITEMS(w), TUPLE_SIZE(w), op);
}

static ssize_t tuple_length(Object *self) { return TUPLE_SIZE(self); }

static Object *tuple_subscript(Object *self, Object *key) {
    ssize_t n = TUPLE_SIZE(self);
    if (INT_CHECK(key)) {
        long i;
        if (int_as_long_fast(key, &i) == 0) {
            if (i < 0) i += n;
            if (i >= 0 && i < n) return NEWREF(TUPLE_ITEMS(self)[i]);
            return vm_raise(Exc_IndexError, "tuple index out of range");
        }
    }
    if (TYPE(key) == &SliceType) {
        ssize_t start, stop, step;
        ssize_t m = slice_indices(key, n, &start, &stop, &step);
        if (m < 0) return NULL;
        if (step == 1) return tuple_getslice(self, start, start + m);
        Object *r = tuple_new(m);
        if (!r) return NULL;
        for (ssize_t k = 0, i = start; k < m; k++, i += step) TUPLE_ITEMS(r)[k] = NEWREF(TUPLE_ITEMS(self)[i]);
        return r;
    }
    if (TYPE(key)->nb_index) {
        ssize_t i = seq_index(key, n, "tuple index out of range");
        if (i < 0) return NULL;
        return NEWREF(TUPLE_ITEMS(self)[i]);
    }
    return vm_raise(Exc_TypeError, "tuple indices must be integers or slices, not %s", type_name(TYPE(key)));
}

static int tuple_contains(Object *self, Object *item) {
    for (ssize_t i = 0; i < TUPLE_SIZE(self); i++) {
        int eq = obj_eq(TUPLE_ITEMS(self)[i], item);
        if (eq) return eq;
    }
    return 0;
}

static Object *tuple_add(Object *v, Object *w) {
    if (!TUPLE_CHECK(v) || !TUPLE_CHECK(w)) RETURN_NOTIMPL;
    ssize_t a = TUPLE_SIZE(v), b = TUPLE_SIZE(w);
    if (b == 0 && TUPLE_CHECK_EXACT(v)) return NEWREF(v);
    if (a == 0 && TUPLE_CHECK_EXACT(w)) return NEWREF(w);
    Object *r = tuple_new(a + b);
    if (!r) return NULL;
    for (ssize_t i = 0; i < a; i++) TUPLE_ITEMS(r)[i] = NEWREF(TUPLE_ITEMS(v)[i]);
    for (ssize_t i = 0; i < b; i++) TUPLE_ITEMS(r)[a + i] = NEWREF(TUPLE_ITEMS(w)[i]);
    return r;
}

static Object *tuple_mul(Object *v, Object *w) {
    Object *t, *n;
    if (TUPLE_CHECK(v)) t = v, n = w;
    else t = w, n = v;
    if (!TUPLE_CHECK(t) || FLOAT_CHECK(n) || !(INT_CHECK(n) || TYPE(n)->nb_index)) RETURN_NOTIMPL;
    ssize_t k = num_as_ssize(n, Exc_OverflowError);
    if (k == -1 && err_occurred()) return NULL;
    ssize_t m = TUPLE_SIZE(t);
    if (k <= 0 || m == 0) return tuple_new(0);
    if (k == 1 && TUPLE_CHECK_EXACT(t)) return NEWREF(t);
    if (m > SSIZE_MAX / k / (ssize_t)sizeof(Object *)) {
        err_no_memory();
        return NULL;
    }
    Object *r = tuple_new(m * k);
    if (!r) return NULL;
    Object **dst = TUPLE_ITEMS(r);
    for (ssize_t j = 0; j < k; j++)
        for (ssize_t i = 0; i < m; i++) *dst++ = NEWREF(TUPLE_ITEMS(t)[i]);
    return r;
}

// ---- Iteration ------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *seq;
    ssize_t index;
} TupleIterObject;

static void tupleiter_dealloc(Object *o) {
    XDECREF(((TupleIterObject *)o)->seq);
    obj_free(o);
}

static Object *tupleiter_next(Object *o) {
    TupleIterObject *it = (TupleIterObject *)o;
    if (!it->seq) return NULL;
    if (it->index < TUPLE_SIZE(it->seq)) return NEWREF(TUPLE_ITEMS(it->seq)[it->index++]);
    CLEAR(it->seq);
    return NULL;
}

static int tupleiter_traverse(Object *o, visitproc visit, void *arg) {
    TupleIterObject *it = (TupleIterObject *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static Object *self_iter(Object *o) { return NEWREF(o); }

TypeObject TupleIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = tupleiter_dealloc,
    .traverse = tupleiter_traverse,
    .iter = self_iter,
    .iternext = tupleiter_next,
};

static Object *tuple_iter(Object *self) {
    TupleIterObject *it = (TupleIterObject *)obj_alloc(&TupleIterType, sizeof(TupleIterObject));
    if (!it) return NULL;
    it->seq = NEWREF(self);
    return (Object *)it;
}

// ---- Methods -------------------------------------------------------------------------

static Object *tuple_index_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("index", kwnames) < 0 || args_count("index", nargs, 1, 3) < 0) return NULL;
    ssize_t n = TUPLE_SIZE(self), start = 0, stop = n;
    if (nargs > 1) {
        start = num_as_ssize(args[1], NULL);
        if (start == -1 && err_occurred()) return NULL;
        if (start < 0 && (start += n) < 0) start = 0;
    }
    if (nargs > 2) {
        stop = num_as_ssize(args[2], NULL);
        if (stop == -1 && err_occurred()) return NULL;
        if (stop < 0 && (stop += n) < 0) stop = 0;
    }
    for (ssize_t i = start; i < stop && i < n; i++) {
        int eq = obj_eq(TUPLE_ITEMS(self)[i], args[0]);
        if (eq < 0) return NULL;
        if (eq) return int_from_ssize(i);
    }
    return vm_raise(Exc_ValueError, "tuple.index(x): x not in tuple");
}

static Object *tuple_count_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("count", kwnames) < 0 || args_count("tuple.count", nargs, 1, 1) < 0) return NULL;
    ssize_t c = 0;
    for (ssize_t i = 0; i < TUPLE_SIZE(self); i++) {
        int eq = obj_eq(TUPLE_ITEMS(self)[i], args[0]);
        if (eq < 0) return NULL;
        c += eq;
    }
    return int_from_ssize(c);
}

static Object *tuple_getnewargs(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *t = tuple_from_array(TUPLE_ITEMS(self), TUPLE_SIZE(self));
    if (!t) return NULL;
    Object *r = tuple_pack(1, t);
    DECREF(t);
    return r;
}

static const MethodDef tuple_methods[] = {
    {"index", tuple_index_m, 0, NULL},
    {"count", tuple_count_m, 0, NULL},
    {"__getnewargs__", tuple_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL}};

static Object *tuple_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("tuple", kwnames) < 0 || args_count("tuple", nargs, 0, 1) < 0) return NULL;
    Object *t = nargs ? tuple_from_iter(args[0]) : tuple_new(0);
    if (!t || type == &TupleType) return t;
    ssize_t n = TUPLE_SIZE(t);
    TupleObject *r = (TupleObject *)type_generic_alloc(type, n);
    if (r) {
        r->size = n;
        for (ssize_t i = 0; i < n; i++) r->items[i] = NEWREF(TUPLE_ITEMS(t)[i]);
    }
    DECREF(t);
    return (Object *)r;
}

TypeObject TupleType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "tuple",
    .basicsize = sizeof(TupleObject),
    .itemsize = sizeof(Object *),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_HAVE_GC,
    .doc = "Built-in immutable sequence.",
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .getattro = obj_generic_getattr,
    .iter = tuple_iter,
    .tp_new = tuple_tp_new,
    .traverse = tuple_traverse,
    .nb = {[OP_ADD] = tuple_add, [OP_MUL] = tuple_mul},
    .sq_length = tuple_length,
    .mp_subscript = tuple_subscript,
    .sq_contains = tuple_contains,
    .methods = tuple_methods,
};
