// range, slice, and the generic sequence iterators (CPython's
// rangeobject.c, sliceobject.c, iterobject.c).
#include "../runtime.h"

#include <limits.h>
#include <string.h>

static Object *self_iter(Object *o) { return NEWREF(o); }

// ---- Index helpers -----------------------------------------------------------------

ssize_t seq_index(Object *index, ssize_t length, const char *msg) {
    ssize_t i;
    long v;
    if (INT_CHECK(index) && int_as_long_fast(index, &v) == 0) {
        i = v;
    } else {
        i = num_as_ssize(index, Exc_IndexError);
        if (i == -1 && err_occurred()) return -1;
    }
    if (i < 0) i += length;
    if (i < 0 || i >= length) {
        vm_raise(Exc_IndexError, "%s", msg);
        return -1;
    }
    return i;
}

// ---- slice --------------------------------------------------------------------------

Object *slice_new(Object *start, Object *stop, Object *step) {
    SliceObject *s = (SliceObject *)obj_alloc(&SliceType, sizeof(SliceObject));
    if (!s) return NULL;
    s->start = NEWREF(start ? start : None);
    s->stop = NEWREF(stop ? stop : None);
    s->step = NEWREF(step ? step : None);
    return (Object *)s;
}

static void slice_dealloc(Object *o) {
    SliceObject *s = (SliceObject *)o;
    DECREF(s->start);
    DECREF(s->stop);
    DECREF(s->step);
    obj_free(o);
}

static int slice_traverse(Object *o, visitproc visit, void *arg) {
    SliceObject *s = (SliceObject *)o;
    if (s->start && visit(s->start, arg)) return -1;
    if (s->stop && visit(s->stop, arg)) return -1;
    if (s->step && visit(s->step, arg)) return -1;
    return 0;
}

static int slice_arg(Object *o, ssize_t *out) {
    if (o == None) return 0;
    if (!INT_CHECK(o) && !TYPE(o)->nb_index) {
        vm_raise(Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t v = num_as_ssize(o, NULL);  // clamps huge values
    if (v == -1 && err_occurred()) return -1;
    *out = v;
    return 1;
}

ssize_t slice_indices(Object *slice, ssize_t length, ssize_t *start, ssize_t *stop, ssize_t *step) {
    SliceObject *s = (SliceObject *)slice;
    ssize_t st = 1;
    int r = slice_arg(s->step, &st);
    if (r < 0) return -1;
    if (r && st == 0) {
        vm_raise(Exc_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (st < -SSIZE_MAX) st = -SSIZE_MAX;
    ssize_t a, b;
    r = slice_arg(s->start, &a);
    if (r < 0) return -1;
    if (!r) a = st < 0 ? SSIZE_MAX : 0;
    r = slice_arg(s->stop, &b);
    if (r < 0) return -1;
    if (!r) b = st < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    // PySlice_AdjustIndices
    if (a < 0) {
        a += length;
        if (a < 0) a = st < 0 ? -1 : 0;
    } else if (a >= length) {
        a = st < 0 ? length - 1 : length;
    }
    if (b < 0) {
        b += length;
        if (b < 0) b = st < 0 ? -1 : 0;
    } else if (b >= length) {
        b = st < 0 ? length - 1 : length;
    }
    *start = a;
    *stop = b;
    *step = st;
    if (st < 0) {
        if (b < a) return (a - b - 1) / (-st) + 1;
    } else if (a < b) {
        return (b - a - 1) / st + 1;
    }
    return 0;
}

static Object *slice_repr(Object *o) {
    SliceObject *s = (SliceObject *)o;
    return str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Object *slice_richcompare(Object *v, Object *w, int op) {
    if (TYPE(w) != &SliceType) RETURN_NOTIMPL;
    SliceObject *a = (SliceObject *)v, *b = (SliceObject *)w;
    Object *ta = tuple_pack(3, a->start, a->stop, a->step);
    Object *tb = tuple_pack(3, b->start, b->stop, b->step);
    Object *r = ta && tb ? obj_richcompare(ta, tb, op) : NULL;
    XDECREF(ta);
    XDECREF(tb);
    return r;
}

static Object *slice_indices_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("indices", nargs, 1, 1) < 0) return NULL;
    ssize_t len = num_as_ssize(args[0], Exc_OverflowError);
    if (len == -1 && err_occurred()) return NULL;
    if (len < 0) return vm_raise(Exc_ValueError, "length should not be negative");
    ssize_t a, b, c;
    if (slice_indices(self, len, &a, &b, &c) < 0) return NULL;
    Object *x = int_from_ssize(a), *y = int_from_ssize(b), *z = int_from_ssize(c);
    Object *t = tuple_pack(3, x, y, z);
    DECREF(x);
    DECREF(y);
    DECREF(z);
    return t;
}

static Object *slice_new_tp(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("slice", kwnames) < 0 || args_count("slice", nargs, 1, 3) < 0) return NULL;
    if (nargs == 1) return slice_new(None, args[0], None);
    return slice_new(args[0], args[1], nargs > 2 ? args[2] : None);
}

static Object *slice_get_start(Object *o, void *c) { return NEWREF(((SliceObject *)o)->start); }
static Object *slice_get_stop(Object *o, void *c) { return NEWREF(((SliceObject *)o)->stop); }
static Object *slice_get_step(Object *o, void *c) { return NEWREF(((SliceObject *)o)->step); }

static const MethodDef slice_methods[] = {{"indices", slice_indices_m, 0, NULL}, {NULL, NULL, 0, NULL}};
static const GetSetDef slice_getset[] = {
    {"start", slice_get_start, NULL, NULL},
    {"stop", slice_get_stop, NULL, NULL},
    {"step", slice_get_step, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject SliceType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "slice",
    .basicsize = sizeof(SliceObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = slice_dealloc,
    .traverse = slice_traverse,
    .repr = slice_repr,
    .richcompare = slice_richcompare,
    .tp_new = slice_new_tp,
    .methods = slice_methods,
    .getset = slice_getset,
};

// ---- range ---------------------------------------------------------------------------

// len(range(start, stop, step)) as an int object.
static Object *range_compute_length(Object *start, Object *stop, Object *step) {
    long a, b, c;
    if (int_as_long_fast(start, &a) == 0 && int_as_long_fast(stop, &b) == 0 && int_as_long_fast(step, &c) == 0 &&
        a > LONG_MIN / 2 && a < LONG_MAX / 2 && b > LONG_MIN / 2 && b < LONG_MAX / 2) {
        long n = 0;
        if (c > 0 && a < b) n = (b - a - 1) / c + 1;
        else if (c < 0 && a > b) n = (a - b - 1) / (-c) + 1;
        return int_from_long(n);
    }
    mpz_t za, zb, zc, n;
    mpz_inits(za, zb, zc, n, NULL);
    int_to_mpz(start, za);
    int_to_mpz(stop, zb);
    int_to_mpz(step, zc);
    if (mpz_sgn(zc) > 0 && mpz_cmp(za, zb) < 0) {
        mpz_sub(n, zb, za);
        mpz_sub_ui(n, n, 1);
        mpz_fdiv_q(n, n, zc);
        mpz_add_ui(n, n, 1);
    } else if (mpz_sgn(zc) < 0 && mpz_cmp(za, zb) > 0) {
        mpz_sub(n, za, zb);
        mpz_sub_ui(n, n, 1);
        mpz_neg(zc, zc);
        mpz_fdiv_q(n, n, zc);
        mpz_add_ui(n, n, 1);
    }
    Object *r = int_from_mpz(n);
    mpz_clears(za, zb, zc, n, NULL);
    return r;
}

static Object *range_make(Object *start, Object *stop, Object *step) {
    RangeObject *r = (RangeObject *)obj_alloc(&RangeType, sizeof(RangeObject));
    if (!r) return NULL;
    r->start = NEWREF(start);
    r->stop = NEWREF(stop);
    r->step = NEWREF(step);
    r->length = range_compute_length(start, stop, step);
    if (!r->length) {
        DECREF(r);
        return NULL;
    }
    return (Object *)r;
}

static Object *range_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("range", kwnames) < 0) return NULL;
    if (nargs == 0) return vm_raise(Exc_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3) return vm_raise(Exc_TypeError, "range expected at most 3 arguments, got %zd", nargs);
    Object *a[3];
    for (ssize_t i = 0; i < nargs; i++) {
        a[i] = num_index(args[i]);
        if (!a[i]) {
            for (ssize_t j = 0; j < i; j++) DECREF(a[j]);
            return NULL;
        }
    }
    Object *r;
    if (nargs == 1) {
        r = range_make(int_from_long(0), a[0], int_from_long(1));
    } else {
        Object *step = nargs == 3 ? a[2] : int_from_long(1);
        if (int_sign(step) == 0) r = vm_raise(Exc_ValueError, "range() arg 3 must not be zero");
        else r = range_make(a[0], a[1], step);
    }
    for (ssize_t i = 0; i < nargs; i++) DECREF(a[i]);
    return r;
}

static void range_dealloc(Object *o) {
    RangeObject *r = (RangeObject *)o;
    DECREF(r->start);
    DECREF(r->stop);
    DECREF(r->step);
    XDECREF(r->length);
    obj_free(o);
}

static Object *range_repr(Object *o) {
    RangeObject *r = (RangeObject *)o;
    long s;
    if (int_as_long_fast(r->step, &s) == 0 && s == 1) return str_from_format("range(%R, %R)", r->start, r->stop);
    return str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static ssize_t range_len(Object *o) {
    RangeObject *r = (RangeObject *)o;
    long n;
    if (int_as_long_fast(r->length, &n) == 0) return n;
    vm_raise(Exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int range_bool(Object *o) { return int_sign(((RangeObject *)o)->length) != 0; }

// start + i * step for an int i (new reference).
static Object *range_item(RangeObject *r, Object *i) {
    Object *m = num_binop(i, r->step, OP_MUL);
    if (!m) return NULL;
    Object *v = num_binop(r->start, m, OP_ADD);
    DECREF(m);
    return v;
}

static Object *range_subscript(Object *o, Object *key) {
    RangeObject *r = (RangeObject *)o;
    if (TYPE(key) == &SliceType) {
        // The slice of a range is a range: compute with Python ints.
        ssize_t len = range_len(o);
        if (len < 0) return NULL;
        ssize_t a, b, c;
        ssize_t n = slice_indices(key, len, &a, &b, &c);
        if (n < 0) return NULL;
        Object *ia = int_from_ssize(a), *ic = int_from_ssize(c), *in = int_from_ssize(n);
        Object *start = range_item(r, ia);
        Object *step = num_binop(r->step, ic, OP_MUL);
        Object *span = step ? num_binop(step, in, OP_MUL) : NULL;
        Object *stop = span && start ? num_binop(start, span, OP_ADD) : NULL;
        Object *res = stop ? range_make(start, stop, step) : NULL;
        XDECREF(ia);
        XDECREF(ic);
        XDECREF(in);
        XDECREF(start);
        XDECREF(step);
        XDECREF(span);
        XDECREF(stop);
        return res;
    }
    if (!INT_CHECK(key) && !TYPE(key)->nb_index)
        return vm_raise(Exc_TypeError, "range indices must be integers or slices, not %s", type_name(TYPE(key)));
    Object *i = num_index(key);
    if (!i) return NULL;
    if (int_sign(i) < 0) {
        Object *j = num_binop(i, r->length, OP_ADD);
        DECREF(i);
        if (!j) return NULL;
        i = j;
    }
    if (int_sign(i) < 0 || int_compare(i, r->length) >= 0) {
        DECREF(i);
        return vm_raise(Exc_IndexError, "range object index out of range");
    }
    Object *v = range_item(r, i);
    DECREF(i);
    return v;
}

static int range_contains_int(RangeObject *r, Object *v) {
    // start <= v < stop (or reversed), and (v - start) % step == 0
    int sgn = int_sign(r->step);
    int c1 = int_compare(r->start, v), c2 = int_compare(v, r->stop);
    if (sgn > 0 ? !(c1 <= 0 && c2 < 0) : !(c1 >= 0 && c2 > 0)) return 0;
    Object *d = num_binop(v, r->start, OP_SUB);
    if (!d) return -1;
    Object *m = num_binop(d, r->step, OP_MOD);
    DECREF(d);
    if (!m) return -1;
    int res = int_sign(m) == 0;
    DECREF(m);
    return res;
}

static int range_contains(Object *o, Object *v) {
    if (INT_CHECK_EXACT(v) || BOOL_CHECK(v)) return range_contains_int((RangeObject *)o, v);
    Object *it = obj_getiter(o);
    if (!it) return -1;
    Object *x;
    while ((x = iter_next(it))) {
        int eq = obj_eq(x, v);
        DECREF(x);
        if (eq) {
            DECREF(it);
            return eq;
        }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

static Object *range_richcompare(Object *v, Object *w, int op) {
    if (TYPE(w) != &RangeType || (op != CMP_EQ_OP && op != CMP_NE_OP)) RETURN_NOTIMPL;
    RangeObject *a = (RangeObject *)v, *b = (RangeObject *)w;
    bool eq;
    if (int_compare(a->length, b->length) != 0) eq = false;
    else if (int_sign(a->length) == 0) eq = true;
    else if (int_compare(a->start, b->start) != 0) eq = false;
    else if (int_compare(a->length, int_from_long(1)) == 0) eq = true;
    else eq = int_compare(a->step, b->step) == 0;
    return NEWREF(bool_from(eq == (op == CMP_EQ_OP)));
}

static hash_t range_hash(Object *o) {
    RangeObject *r = (RangeObject *)o;
    Object *t;
    if (int_sign(r->length) == 0) t = tuple_pack(3, r->length, None, None);
    else if (int_compare(r->length, int_from_long(1)) == 0) t = tuple_pack(3, r->length, r->start, None);
    else t = tuple_pack(3, r->length, r->start, r->step);
    if (!t) return -1;
    hash_t h = obj_hash(t);
    DECREF(t);
    return h;
}

// Iterator over a range whose values fit in a long.
static void rangeiter_dealloc(Object *o) { obj_free(o); }

static Object *rangeiter_next(Object *o) {
    RangeIterObject *it = (RangeIterObject *)o;
    if (it->remaining <= 0) return NULL;
    long v = it->next;
    it->next += it->step;
    it->remaining--;
    return int_from_long(v);
}

static Object *rangeiter_length_hint(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    return int_from_long(((RangeIterObject *)o)->remaining);
}

static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject RangeIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "range_iterator",
    .basicsize = sizeof(RangeIterObject),
    .dealloc = rangeiter_dealloc,
    .iter = self_iter,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
};

// Iterator over any range, with Python ints.
typedef struct {
    OBJ_HEAD;
    Object *next, *step, *remaining;
} LongRangeIterObject;

static void longrangeiter_dealloc(Object *o) {
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    DECREF(it->next);
    DECREF(it->step);
    DECREF(it->remaining);
    obj_free(o);
}

static Object *longrangeiter_next(Object *o) {
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    if (int_sign(it->remaining) <= 0) return NULL;
    Object *one = int_from_long(1);
    Object *rem = num_binop(it->remaining, one, OP_SUB);
    if (!rem) return NULL;
    SETREF(it->remaining, rem);
    Object *nx = num_binop(it->next, it->step, OP_ADD);
    if (!nx) return NULL;
    Object *v = it->next;
    it->next = nx;
    return v;
}

TypeObject LongRangeIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIterObject),
    .dealloc = longrangeiter_dealloc,
    .iter = self_iter,
    .iternext = longrangeiter_next,
};

static Object *make_range_iter(Object *start, Object *step, Object *length) {
    long a, s, n;
    if (int_as_long_fast(start, &a) == 0 && int_as_long_fast(step, &s) == 0 && int_as_long_fast(length, &n) == 0) {
        // The last value start + (n-1)*step must fit too.
        long last;
        if (n == 0 || (!__builtin_mul_overflow(n - 1, s, &last) && !__builtin_add_overflow(a, last, &last))) {
            RangeIterObject *it = (RangeIterObject *)obj_alloc(&RangeIterType, sizeof(RangeIterObject));
            if (!it) return NULL;
            it->next = a;
            it->step = s;
            it->remaining = n;
            return (Object *)it;
        }
    }
    LongRangeIterObject *it = (LongRangeIterObject *)obj_alloc(&LongRangeIterType, sizeof(LongRangeIterObject));
    if (!it) return NULL;
    it->next = NEWREF(start);
    it->step = NEWREF(step);
    it->remaining = NEWREF(length);
    return (Object *)it;
}

static Object *range_iter(Object *o) {
    RangeObject *r = (RangeObject *)o;
    return make_range_iter(r->start, r->step, r->length);
}

static Object *range_reversed(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    RangeObject *r = (RangeObject *)o;
    if (int_sign(r->length) == 0) return make_range_iter(r->start, r->step, r->length);
    Object *one = int_from_long(1);
    Object *nm1 = num_binop(r->length, one, OP_SUB);
    Object *last = nm1 ? range_item(r, nm1) : NULL;
    Object *neg = num_negative(r->step);
    Object *it = last && neg ? make_range_iter(last, neg, r->length) : NULL;
    XDECREF(nm1);
    XDECREF(last);
    XDECREF(neg);
    return it;
}

static Object *range_count_m(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("count", nargs, 1, 1) < 0) return NULL;
    if (INT_CHECK_EXACT(args[0]) || BOOL_CHECK(args[0])) {
        int c = range_contains_int((RangeObject *)o, args[0]);
        return c < 0 ? NULL : int_from_long(c);
    }
    Object *it = obj_getiter(o);
    if (!it) return NULL;
    long n = 0;
    Object *x;
    while ((x = iter_next(it))) {
        int eq = obj_eq(x, args[0]);
        DECREF(x);
        if (eq < 0) {
            DECREF(it);
            return NULL;
        }
        n += eq;
    }
    DECREF(it);
    return err_occurred() ? NULL : int_from_long(n);
}

static Object *range_index_m(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("index", nargs, 1, 1) < 0) return NULL;
    RangeObject *r = (RangeObject *)o;
    if (INT_CHECK_EXACT(args[0]) || BOOL_CHECK(args[0])) {
        int c = range_contains_int(r, args[0]);
        if (c < 0) return NULL;
        if (c) {
            Object *d = num_binop(args[0], r->start, OP_SUB);
            if (!d) return NULL;
            Object *q = num_binop(d, r->step, OP_FLOORDIV);
            DECREF(d);
            return q;
        }
    }
    Object *rep = obj_repr(args[0]);
    if (!rep) return NULL;
    vm_raise(Exc_ValueError, "%U is not in range", rep);
    DECREF(rep);
    return NULL;
}

static Object *range_get_start(Object *o, void *c) { return NEWREF(((RangeObject *)o)->start); }
static Object *range_get_stop(Object *o, void *c) { return NEWREF(((RangeObject *)o)->stop); }
static Object *range_get_step(Object *o, void *c) { return NEWREF(((RangeObject *)o)->step); }

static const MethodDef range_methods[] = {
    {"count", range_count_m, 0, NULL},
    {"index", range_index_m, 0, NULL},
    {"__reversed__", range_reversed, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const GetSetDef range_getset[] = {
    {"start", range_get_start, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL},
    {"step", range_get_step, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject RangeType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "range",
    .basicsize = sizeof(RangeObject),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .tp_new = range_tp_new,
    .nb_bool = range_bool,
    .sq_length = range_len,
    .mp_subscript = range_subscript,
    .sq_contains = range_contains,
    .methods = range_methods,
    .getset = range_getset,
};

// ---- Sequence iterator over __getitem__ ---------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *seq;
    ssize_t index;
} SeqIterObject;

static void seqiter_dealloc(Object *o) {
    XDECREF(((SeqIterObject *)o)->seq);
    obj_free(o);
}

static int seqiter_traverse(Object *o, visitproc visit, void *arg) {
    SeqIterObject *it = (SeqIterObject *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static Object *seqiter_next(Object *o) {
    if (check_c_stack() < 0) return NULL;
    SeqIterObject *it = (SeqIterObject *)o;
    if (!it->seq) return NULL;
    Object *i = int_from_ssize(it->index);
    Object *v = obj_getitem(it->seq, i);
    DECREF(i);
    if (v) {
        it->index++;
        return v;
    }
    if (err_matches(Exc_IndexError) || err_matches(Exc_StopIteration)) {
        err_clear();
        CLEAR(it->seq);
    }
    return NULL;
}

TypeObject SeqIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "iterator",
    .basicsize = sizeof(SeqIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = seqiter_dealloc,
    .traverse = seqiter_traverse,
    .iter = self_iter,
    .iternext = seqiter_next,
};

Object *seqiter_new(Object *seq) {
    SeqIterObject *it = (SeqIterObject *)obj_alloc(&SeqIterType, sizeof(SeqIterObject));
    if (!it) return NULL;
    it->seq = NEWREF(seq);
    return (Object *)it;
}

// ---- iter(callable, sentinel) ----------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *func, *sentinel;
} CallIterObject;

static void calliter_dealloc(Object *o) {
    CallIterObject *it = (CallIterObject *)o;
    XDECREF(it->func);
    XDECREF(it->sentinel);
    obj_free(o);
}

static int calliter_traverse(Object *o, visitproc visit, void *arg) {
    CallIterObject *it = (CallIterObject *)o;
    if (it->func && visit(it->func, arg)) return -1;
    if (it->sentinel && visit(it->sentinel, arg)) return -1;
    return 0;
}

static Object *calliter_next(Object *o) {
    if (check_c_stack() < 0) return NULL;
    CallIterObject *it = (CallIterObject *)o;
    if (!it->func) return NULL;
    Object *v = obj_call0(it->func);
    if (!v) {
        if (err_matches(Exc_StopIteration)) {
            err_clear();
            CLEAR(it->func);
            CLEAR(it->sentinel);
        }
        return NULL;
    }
    int eq = obj_eq(v, it->sentinel);
    if (eq == 0) return v;
    DECREF(v);
    if (eq > 0) {
        CLEAR(it->func);
        CLEAR(it->sentinel);
    }
    return NULL;
}

TypeObject CallIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "callable_iterator",
    .basicsize = sizeof(CallIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = calliter_dealloc,
    .traverse = calliter_traverse,
    .iter = self_iter,
    .iternext = calliter_next,
};

Object *calliter_new(Object *func, Object *sentinel) {
    CallIterObject *it = (CallIterObject *)obj_alloc(&CallIterType, sizeof(CallIterObject));
    if (!it) return NULL;
    it->func = NEWREF(func);
    it->sentinel = NEWREF(sentinel);
    return (Object *)it;
}
