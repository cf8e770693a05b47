// list (CPython's Objects/listobject.c): a growable array of references,
// with a stable merge sort.
#include "../runtime.h"
#include "../gc.h"

#include <stdlib.h>
#include <string.h>

#define LIST_FREELIST_MAX 80
static _Thread_local ListObject *list_freelist[LIST_FREELIST_MAX];
static _Thread_local int list_freelist_len;

static int list_resize(ListObject *l, ssize_t newsize) {
    if (newsize <= l->allocated && newsize >= l->allocated / 2) {
        __atomic_store_n(&l->size, newsize, __ATOMIC_RELEASE);  // read unlocked (list_length)
        return 0;
    }
    // Over-allocate like CPython: ~1/8 extra, rounded to a multiple of 4.
    size_t cap = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize == 0) cap = 0;
    if (cap > mem_max_request / sizeof(Object *)) {
        err_no_memory();
        return -1;
    }
#ifdef MINIPY_FT
    if (ft_mode) {
        // Other threads may be reading the old array without the lock
        // (LIST_ITEMS outside this file): copy, and free it late. Publish
        // so that a reader never sees a size beyond the array it loads:
        // the new array before a larger size, a smaller size before the
        // new array.
        Object **items = cap ? calloc(cap, sizeof(Object *)) : NULL;
        if (!items && cap) {
            err_no_memory();
            return -1;
        }
        ssize_t keep = newsize < l->size ? newsize : l->size;
        if (keep > 0) memcpy(items, l->items, sizeof(Object *) * (size_t)keep);
        Object **old = l->items;
        if (newsize < l->size) __atomic_store_n(&l->size, newsize, __ATOMIC_RELEASE);
        __atomic_store_n(&l->items, items, __ATOMIC_RELEASE);
        l->allocated = (ssize_t)cap;
        __atomic_store_n(&l->size, newsize, __ATOMIC_RELEASE);
        ft_free_mem(old);
        return 0;
    }
#endif
    Object **items = realloc(l->items, cap * sizeof(Object *));
    if (!items && cap) {
        err_no_memory();
        return -1;
    }
    l->items = items;
    l->allocated = (ssize_t)cap;
    l->size = newsize;
    return 0;
}

// Item i as a new reference, or NULL past the end; for loops that call
// back into Python between items (the list may change meanwhile).
static inline __attribute__((always_inline)) Object *item_ref(ListObject *l, ssize_t i) {
    bool held = FT_LOCK(l);
    Object *x = i < l->size ? NEWREF(l->items[i]) : NULL;
    FT_UNLOCK(l, held);
    return x;
}

Object *list_new(ssize_t size) {
    ListObject *l;
    if (list_freelist_len) {
        l = list_freelist[--list_freelist_len];
        obj_init_refcnt((Object *)l);
        obj_note_alloc();
        gc_track((Object *)l);
    } else {
        l = (ListObject *)obj_alloc(&ListType, sizeof(ListObject));
        if (!l) return NULL;
    }
    l->size = 0;
    l->allocated = 0;
    l->items = NULL;
    if (size > 0) {
        l->items = (size_t)size <= mem_max_request / sizeof(Object *) ? calloc((size_t)size, sizeof(Object *)) : NULL;
        if (!l->items) {
            DECREF(l);
            err_no_memory();
            return NULL;
        }
        l->allocated = l->size = size;
    }
    return (Object *)l;
}

static void list_dealloc(Object *self) {
    ListObject *l = (ListObject *)self;
    ssize_t n = l->size;
    Object **items = l->items;
    l->items = NULL;
    l->size = 0;
    for (ssize_t i = n - 1; i >= 0; i--) XDECREF(items[i]);  // last first, as CPython
    free(items);
    if (TYPE(self) == &ListType && list_freelist_len < LIST_FREELIST_MAX) {
        list_freelist[list_freelist_len++] = l;
        obj_note_free();
        return;
    }
    obj_free(self);
}

void list_freelist_clear(void) {
    while (list_freelist_len) gc_free_memory((Object *)list_freelist[--list_freelist_len]);
}

static int list_traverse(Object *self, visitproc visit, void *arg) {
    ListObject *l = (ListObject *)self;
    for (ssize_t i = 0; i < l->size; i++)
        if (l->items[i] && visit(l->items[i], arg)) return -1;
    return 0;
}

int list_append(Object *self, Object *item) {
    ListObject *l = (ListObject *)self;
    bool held = FT_LOCK(l);
    ssize_t n = l->size;
    if (n < l->allocated) {
        l->items[n] = NEWREF(item);
        __atomic_store_n(&l->size, n + 1, __ATOMIC_RELEASE);
        FT_UNLOCK(l, held);
        return 0;
    }
    int r = list_resize(l, n + 1);
    if (r == 0) l->items[n] = NEWREF(item);
    FT_UNLOCK(l, held);
    return r;
}

static int list_insert_locked(ListObject *l, ssize_t where, Object *item);

int list_insert(Object *self, ssize_t where, Object *item) {
    ListObject *l = (ListObject *)self;
    bool held = FT_LOCK(l);
    int r = list_insert_locked(l, where, item);
    FT_UNLOCK(l, held);
    return r;
}

static int list_insert_locked(ListObject *l, ssize_t where, Object *item) {
    ssize_t n = l->size;
    if (list_resize(l, n + 1) < 0) return -1;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    memmove(l->items + where + 1, l->items + where, sizeof(Object *) * (size_t)(n - where));
    l->items[where] = NEWREF(item);
    return 0;
}

int list_extend(Object *self, Object *iterable) {
    ListObject *l = (ListObject *)self;
#ifdef MINIPY_FT
    if (ft_mode && LIST_CHECK(iterable)) {
        // Never hold two lists' locks: extend from a snapshot.
        Object *snap = list_as_tuple(iterable);
        if (!snap) return -1;
        int r = list_extend(self, snap);
        DECREF(snap);
        return r;
    }
#endif
    if (LIST_CHECK(iterable) || TUPLE_CHECK(iterable)) {
        bool held = FT_LOCK(l);
        ssize_t m = LIST_CHECK(iterable) ? LIST_SIZE(iterable) : TUPLE_SIZE(iterable);
        Object **src = LIST_CHECK(iterable) ? LIST_ITEMS(iterable) : TUPLE_ITEMS(iterable);
        ssize_t n = l->size;
        if (list_resize(l, n + m) < 0) {
            FT_UNLOCK(l, held);
            return -1;
        }
        // src may be l->items itself (l.extend(l)): it was reallocated, reload.
        if (iterable == self) src = l->items;
        for (ssize_t i = 0; i < m; i++) l->items[n + i] = NEWREF(src[i]);
        FT_UNLOCK(l, held);
        return 0;
    }
    Object *it = obj_getiter(iterable);
    if (!it) return -1;
    Object *x;
    while ((x = iter_next(it))) {
        int r = list_append(self, x);
        DECREF(x);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

Object *list_from_iter(Object *iterable) {
    Object *l = list_new(0);
    if (!l) return NULL;
    if (list_extend(l, iterable) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

Object *list_as_tuple(Object *list) {
    bool held = FT_LOCK((ListObject *)list);
    Object *t = tuple_from_array(LIST_ITEMS(list), LIST_SIZE(list));
    FT_UNLOCK((ListObject *)list, held);
    return t;
}

// ---- repr, compare --------------------------------------------------------------------

int repr_enter(Object *o);
void repr_leave(Object *o);

static Object *list_repr(Object *self) {
    ListObject *l = (ListObject *)self;
    if (l->size == 0) return str_from_cstr("[]");
    int rec = repr_enter(self);
    if (rec) return rec > 0 ? str_from_cstr("[...]") : NULL;
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, '[');
    Object *item;
    for (ssize_t i = 0; (item = item_ref(l, i)); i++) {
        if (i) sb_puts(&sb, ", ");
        int r = sb_put_obj_repr(&sb, item);
        DECREF(item);
        if (r < 0) {
            sb_free(&sb);
            repr_leave(self);
            return NULL;
        }
    }
    sb_putc(&sb, ']');
    repr_leave(self);
    return sb_finish(&sb);
}

// Compares two arrays lexicographically, as list and tuple comparison do.
Object *seq_richcompare(Object **a, ssize_t na, Object **b, ssize_t nb, int op) {
    if ((op == CMP_EQ_OP || op == CMP_NE_OP) && na != nb) return NEWREF(bool_from(op == CMP_NE_OP));
    ssize_t i;
    for (i = 0; i < na && i < nb; i++) {
        Object *x = a[i], *y = b[i];
        INCREF(x);
        INCREF(y);
        int eq = obj_eq(x, y);
        DECREF(x);
        DECREF(y);
        if (eq < 0) return NULL;
        if (!eq) break;
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case CMP_LT_OP: r = na < nb; break;
        case CMP_LE_OP: r = na <= nb; break;
        case CMP_EQ_OP: r = na == nb; break;
        case CMP_NE_OP: r = na != nb; break;
        case CMP_GT_OP: r = na > nb; break;
        default: r = na >= nb; break;
        }
        return NEWREF(bool_from(r));
    }
    if (op == CMP_EQ_OP) return NEWREF(False);
    if (op == CMP_NE_OP) return NEWREF(True);
    return obj_richcompare(a[i], b[i], op);
}

static Object *list_richcompare(Object *v, Object *w, int op) {
    if (!LIST_CHECK(w)) RETURN_NOTIMPL;
#ifdef MINIPY_FT
    if (ft_mode) {
        // Compare snapshots: the comparisons call back into Python.
        Object *a = list_as_tuple(v), *b = a ? list_as_tuple(w) : NULL;
        Object *r = b ? seq_richcompare(TUPLE_ITEMS(a), TUPLE_SIZE(a), TUPLE_ITEMS(b), TUPLE_SIZE(b), op) : NULL;
        XDECREF(a);
        XDECREF(b);
        return r;
    }
#endif
    return seq_richcompare(LIST_ITEMS(v), LIST_SIZE(v), LIST_ITEMS(w), LIST_SIZE(w), op);
}

// ---- Sequence protocol ----------------------------------------------------------------

// Unlocked: with free threading another thread may be resizing the list.
static ssize_t list_length(Object *self) { return __atomic_load_n(&((ListObject *)self)->size, __ATOMIC_ACQUIRE); }

static Object *list_slice(ListObject *l, ssize_t lo, ssize_t hi) {
    if (lo < 0) lo = 0;
    if (hi > l->size) hi = l->size;
    if (hi < lo) hi = lo;
    Object *r = list_new(hi - lo);
    if (!r) return NULL;
    for (ssize_t i = lo; i < hi; i++) LIST_ITEMS(r)[i - lo] = NEWREF(l->items[i]);
    return r;
}

static Object *list_subscript_unlocked(Object *self, Object *key);

static Object *list_subscript(Object *self, Object *key) {
    bool held = FT_LOCK((ListObject *)self);
    Object *r = list_subscript_unlocked(self, key);
    FT_UNLOCK((ListObject *)self, held);
    return r;
}

static Object *list_subscript_unlocked(Object *self, Object *key) {
    ListObject *l = (ListObject *)self;
    if (INT_CHECK(key)) {
        long i;
        if (int_as_long_fast(key, &i) == 0) {
            if (i < 0) i += l->size;
            if (i >= 0 && i < l->size) return NEWREF(l->items[i]);
            return vm_raise(Exc_IndexError, "list index out of range");
        }
    }
    if (TYPE(key) == &SliceType) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, l->size, &start, &stop, &step);
        if (n < 0) return NULL;
        if (step == 1) return list_slice(l, start, start + n);
        Object *r = list_new(n);
        if (!r) return NULL;
        for (ssize_t k = 0, i = start; k < n; k++, i += step) LIST_ITEMS(r)[k] = NEWREF(l->items[i]);
        return r;
    }
    if (TYPE(key)->nb_index) {
        ssize_t i = seq_index(key, l->size, "list index out of range");
        if (i < 0) return NULL;
        return NEWREF(l->items[i]);
    }
    return vm_raise(Exc_TypeError, "list indices must be integers or slices, not %s", type_name(TYPE(key)));
}

// Replaces l[lo:hi] with the items of v (a sequence, or NULL to delete).
static int list_ass_slice(ListObject *l, ssize_t lo, ssize_t hi, Object *v) {
    Object *seq = NULL;
    Object **src = NULL;
    ssize_t m = 0;
    if (v) {
        if ((Object *)l == v || !(LIST_CHECK(v) || TUPLE_CHECK(v))) {
            seq = list_from_iter(v);
            if (!seq) {
                if (err_matches(Exc_TypeError)) {
                    err_clear();
                    vm_raise(Exc_TypeError, "can only assign an iterable");
                }
                return -1;
            }
            v = seq;
        }
        m = LIST_CHECK(v) ? LIST_SIZE(v) : TUPLE_SIZE(v);
        src = LIST_CHECK(v) ? LIST_ITEMS(v) : TUPLE_ITEMS(v);
    }
    if (lo < 0) lo = 0;
    if (lo > l->size) lo = l->size;
    if (hi < lo) hi = lo;
    if (hi > l->size) hi = l->size;
    ssize_t d = hi - lo;
    Object *small[8];
    Object **old = d <= 8 ? small : malloc(sizeof(Object *) * (size_t)d);
    if (!old) {
        XDECREF(seq);
        err_no_memory();
        return -1;
    }
    if (d) memcpy(old, l->items + lo, sizeof(Object *) * (size_t)d);
    ssize_t n = l->size, delta = m - d;
    if (delta < 0) {
        memmove(l->items + hi + delta, l->items + hi, sizeof(Object *) * (size_t)(n - hi));
        list_resize(l, n + delta);
    } else if (delta > 0) {
        if (list_resize(l, n + delta) < 0) {
            if (old != small) free(old);
            XDECREF(seq);
            return -1;
        }
        memmove(l->items + hi + delta, l->items + hi, sizeof(Object *) * (size_t)(n - hi));
    }
    for (ssize_t k = 0; k < m; k++) l->items[lo + k] = NEWREF(src[k]);
    for (ssize_t k = d - 1; k >= 0; k--) XDECREF_ITEM(old[k]);
    if (old != small) free(old);
    XDECREF(seq);
    return 0;
}

static int list_ass_subscript_unlocked(Object *self, Object *key, Object *value);

static int list_ass_subscript(Object *self, Object *key, Object *value) {
    bool held = FT_LOCK((ListObject *)self);
    int r = list_ass_subscript_unlocked(self, key, value);
    FT_UNLOCK((ListObject *)self, held);
    return r;
}

static int list_ass_subscript_unlocked(Object *self, Object *key, Object *value) {
    ListObject *l = (ListObject *)self;
    if (INT_CHECK(key) || (TYPE(key)->nb_index && TYPE(key) != &SliceType)) {
        ssize_t i = seq_index(key, l->size, "list assignment index out of range");
        if (i < 0) return -1;
        if (value) {
            Object *old = l->items[i];
            l->items[i] = NEWREF(value);
            DECREF_ITEM(old);
            return 0;
        }
        return list_ass_slice(l, i, i + 1, NULL);
    }
    if (TYPE(key) == &SliceType) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, l->size, &start, &stop, &step);
        if (n < 0) return -1;
        if (step == 1) return list_ass_slice(l, start, stop < start ? start : stop, value);
        if (!value) {
            // Delete an extended slice: compact the survivors.
            if (n == 0) return 0;
            if (step < 0) {
                start = start + step * (n - 1);
                step = -step;
            }
            Object **del = malloc(sizeof(Object *) * (size_t)n);
            if (!del) {
                err_no_memory();
                return -1;
            }
            ssize_t w = start, k = 0;
            for (ssize_t i = start; i < l->size; i++) {
                if (k < n && i == start + k * step) del[k++] = l->items[i];
                else l->items[w++] = l->items[i];
            }
            list_resize(l, l->size - n);
            for (ssize_t j = 0; j < n; j++) DECREF_ITEM(del[j]);
            free(del);
            return 0;
        }
        Object *seq = list_from_iter(value);
        if (!seq) return -1;
        if (LIST_SIZE(seq) != n) {
            vm_raise(Exc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd",
                     LIST_SIZE(seq), n);
            DECREF(seq);
            return -1;
        }
        for (ssize_t k = 0, i = start; k < n; k++, i += step) {
            Object *old = l->items[i];
            l->items[i] = NEWREF(LIST_ITEMS(seq)[k]);
            DECREF_ITEM(old);
        }
        DECREF(seq);
        return 0;
    }
    vm_raise(Exc_TypeError, "list indices must be integers or slices, not %s", type_name(TYPE(key)));
    return -1;
}

static int list_contains(Object *self, Object *item) {
    ListObject *l = (ListObject *)self;
    Object *x;
    long want, have;
    if (!ft_mode && TYPE(item) == &IntType && int_as_long_fast(item, &want) == 0) {
        // A small int: other small ints compare in place, with no references
        // taken (nothing here runs Python code that could change the list).
        ssize_t i = 0;
        for (; i < l->size; i++) {
            x = l->items[i];
            if (x == item) return 1;
            if (TYPE(x) != &IntType || int_as_long_fast(x, &have) != 0) break;
            if (have == want) return 1;
        }
        for (; (x = item_ref(l, i)); i++) {
            int eq = obj_eq(x, item);
            DECREF(x);
            if (eq) return eq;
        }
        return 0;
    }
    for (ssize_t i = 0; (x = item_ref(l, i)); i++) {
        int eq = obj_eq(x, item);
        DECREF(x);
        if (eq) return eq;
    }
    return 0;
}

static Object *list_add(Object *v, Object *w) {
    if (!LIST_CHECK(v) || !LIST_CHECK(w)) RETURN_NOTIMPL;
#ifdef MINIPY_FT
    if (ft_mode) {
        Object *ta = list_as_tuple(v), *tb = ta ? list_as_tuple(w) : NULL;
        Object *r = tb ? list_new(TUPLE_SIZE(ta) + TUPLE_SIZE(tb)) : NULL;
        if (r) {
            for (ssize_t i = 0; i < TUPLE_SIZE(ta); i++) LIST_ITEMS(r)[i] = NEWREF(TUPLE_ITEMS(ta)[i]);
            for (ssize_t i = 0; i < TUPLE_SIZE(tb); i++) LIST_ITEMS(r)[TUPLE_SIZE(ta) + i] = NEWREF(TUPLE_ITEMS(tb)[i]);
        }
        XDECREF(ta);
        XDECREF(tb);
        return r;
    }
#endif
    ssize_t a = LIST_SIZE(v), b = LIST_SIZE(w);
    Object *r = list_new(a + b);
    if (!r) return NULL;
    for (ssize_t i = 0; i < a; i++) LIST_ITEMS(r)[i] = NEWREF(LIST_ITEMS(v)[i]);
    for (ssize_t i = 0; i < b; i++) LIST_ITEMS(r)[a + i] = NEWREF(LIST_ITEMS(w)[i]);
    return r;
}

static Object *list_iadd(Object *v, Object *w) {
    if (list_extend(v, w) < 0) return NULL;
    return NEWREF(v);
}

static Object *list_mul(Object *v, Object *w) {
    Object *l, *n;
    if (LIST_CHECK(v)) l = v, n = w;
    else l = w, n = v;
    if (!LIST_CHECK(l) || FLOAT_CHECK(n) || !(INT_CHECK(n) || TYPE(n)->nb_index)) RETURN_NOTIMPL;
    ssize_t k = num_as_ssize(n, Exc_OverflowError);
    if (k == -1 && err_occurred()) return NULL;
    bool held = FT_LOCK((ListObject *)l);
    ssize_t m = LIST_SIZE(l);
    Object *r;
    if (k <= 0 || m == 0) {
        r = list_new(0);
    } else if (m > SSIZE_MAX / k / (ssize_t)sizeof(Object *)) {
        err_no_memory();
        r = NULL;
    } else if ((r = list_new(m * k))) {
        Object **dst = LIST_ITEMS(r);
        for (ssize_t j = 0; j < k; j++)
            for (ssize_t i = 0; i < m; i++) *dst++ = NEWREF(LIST_ITEMS(l)[i]);
    }
    FT_UNLOCK((ListObject *)l, held);
    return r;
}

static Object *list_imul(Object *v, Object *w) {
    if (FLOAT_CHECK(w) || !(INT_CHECK(w) || TYPE(w)->nb_index)) RETURN_NOTIMPL;
    ssize_t k = num_as_ssize(w, Exc_OverflowError);
    if (k == -1 && err_occurred()) return NULL;
    ListObject *l = (ListObject *)v;
    bool held = FT_LOCK(l);
    ssize_t m = l->size;
    if (k <= 0) {
        list_ass_slice(l, 0, m, NULL);
    } else if (m > 0 && k > SSIZE_MAX / m) {
        err_no_memory();
        v = NULL;
    } else if (list_resize(l, m * k) < 0) {
        v = NULL;
    } else {
        for (ssize_t j = 1; j < k; j++)
            for (ssize_t i = 0; i < m; i++) l->items[j * m + i] = NEWREF(l->items[i]);
    }
    FT_UNLOCK(l, held);
    return XNEWREF(v);
}

// ---- Iteration ---------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *seq;
    ssize_t index;
} ListIterObject;

static void listiter_dealloc(Object *o) {
    XDECREF(((ListIterObject *)o)->seq);
    obj_free(o);
}

static Object *listiter_next(Object *o) {
    ListIterObject *it = (ListIterObject *)o;
    if (!it->seq) return NULL;
    Object *x = item_ref((ListObject *)it->seq, it->index);
    if (x) {
        it->index++;
        return x;
    }
    CLEAR(it->seq);
    return NULL;
}

static Object *listiter_length_hint(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    ListIterObject *it = (ListIterObject *)o;
    return int_from_ssize(it->seq ? LIST_SIZE(it->seq) - it->index : 0);
}

static int listiter_traverse(Object *o, visitproc visit, void *arg) {
    ListIterObject *it = (ListIterObject *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static Object *self_iter(Object *o) { return NEWREF(o); }

static const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject ListIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "list_iterator",
    .basicsize = sizeof(ListIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = self_iter,
    .iternext = listiter_next,
    .methods = listiter_methods,
};

static Object *list_iter(Object *self) {
    ListIterObject *it = (ListIterObject *)obj_alloc(&ListIterType, sizeof(ListIterObject));
    if (!it) return NULL;
    it->seq = NEWREF(self);
    return (Object *)it;
}

typedef struct {
    OBJ_HEAD;
    Object *seq;
    ssize_t index;
} ListRevIterObject;

static Object *listreviter_next(Object *o) {
    ListRevIterObject *it = (ListRevIterObject *)o;
    if (!it->seq) return NULL;
    Object *x = it->index >= 0 ? item_ref((ListObject *)it->seq, it->index) : NULL;
    if (x) {
        it->index--;
        return x;
    }
    CLEAR(it->seq);
    return NULL;
}

TypeObject ListRevIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListRevIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = self_iter,
    .iternext = listreviter_next,
};

static Object *list_reversed(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ListRevIterObject *it = (ListRevIterObject *)obj_alloc(&ListRevIterType, sizeof(ListRevIterObject));
    if (!it) return NULL;
    it->seq = NEWREF(self);
    it->index = LIST_SIZE(self) - 1;
    return (Object *)it;
}

// ---- Sorting ------------------------------------------------------------------------------

static int lt(Object *a, Object *b);

// Whether two items of tuple keys are equal (1, 0, -1 on error): identical,
// or same-type ints, floats and strs compared in place, else __eq__.
static int items_eq(Object *x, Object *y) {
    if (x == y) return 1;
    TypeObject *t = TYPE(x);
    if (t == TYPE(y)) {
        if (t == &IntType) {
            long a, b;
            if (int_as_long_fast(x, &a) == 0 && int_as_long_fast(y, &b) == 0) return a == b;
        } else if (t == &FloatType) {
            return float_value(x) == float_value(y);
        } else if (t == &StrType) {
            return str_eq(x, y);
        }
    }
    INCREF(x);
    INCREF(y);
    int r = obj_eq(x, y);
    DECREF(x);
    DECREF(y);
    return r;
}

// Tuples compare as tuple.__lt__ does: the first items that differ decide
// (sort keys such as (v % 1000, v) without building result objects).
static int tuple_lt(Object *a, Object *b) {
    ssize_t na = TUPLE_SIZE(a), nb = TUPLE_SIZE(b);
    for (ssize_t i = 0; i < na && i < nb; i++) {
        Object *x = TUPLE_ITEMS(a)[i], *y = TUPLE_ITEMS(b)[i];
        int eq = items_eq(x, y);
        if (eq < 0) return -1;
        if (!eq) {
            INCREF(x);
            INCREF(y);
            int r = lt(x, y);
            DECREF(x);
            DECREF(y);
            return r;
        }
    }
    return na < nb;
}

// Returns 1 if a < b, 0 if not, -1 on error; fast paths for same-type items.
static int lt(Object *a, Object *b) {
    TypeObject *ta = TYPE(a);
    if (ta == TYPE(b)) {
        if (ta == &TupleType) return tuple_lt(a, b);
        if (ta == &IntType) {
            long x, y;
            if (int_as_long_fast(a, &x) == 0 && int_as_long_fast(b, &y) == 0) return x < y;
            return int_compare(a, b) < 0;
        }
        if (ta == &FloatType) return float_value(a) < float_value(b);
        if (ta == &StrType) return str_compare(a, b) < 0;
    }
    return obj_richcompare_bool(a, b, CMP_LT_OP);
}

typedef struct {
    Object **keys;
    Object **vals;      // the items, permuted with keys (may equal keys)
} SortSlice;

static int binary_insertion(Object **keys, Object **vals, ssize_t lo, ssize_t hi, ssize_t start) {
    for (ssize_t i = start; i < hi; i++) {
        Object *k = keys[i], *v = vals[i];
        ssize_t l = lo, r = i;
        while (l < r) {
            ssize_t m = l + (r - l) / 2;
            int c = lt(k, keys[m]);
            if (c < 0) return -1;
            if (c) r = m;
            else l = m + 1;
        }
        memmove(keys + l + 1, keys + l, sizeof(Object *) * (size_t)(i - l));
        keys[l] = k;
        if (vals != keys) {
            memmove(vals + l + 1, vals + l, sizeof(Object *) * (size_t)(i - l));
            vals[l] = v;
        }
    }
    return 0;
}

// Merges sorted [lo, mid) and [mid, hi) using tmp buffers.
static int merge(Object **keys, Object **vals, ssize_t lo, ssize_t mid, ssize_t hi, Object **tk, Object **tv) {
    // Already in order?
    int c = lt(keys[mid], keys[mid - 1]);
    if (c <= 0) return c;
    ssize_t n1 = mid - lo;
    memcpy(tk, keys + lo, sizeof(Object *) * (size_t)n1);
    if (vals != keys) memcpy(tv, vals + lo, sizeof(Object *) * (size_t)n1);
    ssize_t i = 0, j = mid, k = lo;
    while (i < n1 && j < hi) {
        c = lt(keys[j], tk[i]);
        if (c < 0) {
            // Restore a consistent state: copy the rest of the left run back.
            while (i < n1) {
                keys[k] = tk[i];
                if (vals != keys) vals[k] = tv[i];
                k++, i++;
            }
            return -1;
        }
        if (c) {
            keys[k] = keys[j];
            if (vals != keys) vals[k] = vals[j];
            j++;
        } else {
            keys[k] = tk[i];
            if (vals != keys) vals[k] = tv[i];
            i++;
        }
        k++;
    }
    while (i < n1) {
        keys[k] = tk[i];
        if (vals != keys) vals[k] = tv[i];
        k++, i++;
    }
    return 0;
}

// A stable bottom-up merge sort over runs of 32 sorted by binary insertion.
static int merge_sort(Object **keys, Object **vals, ssize_t n) {
    const ssize_t RUN = 32;
    for (ssize_t lo = 0; lo < n; lo += RUN) {
        ssize_t hi = lo + RUN < n ? lo + RUN : n;
        if (binary_insertion(keys, vals, lo, hi, lo + 1) < 0) return -1;
    }
    if (n <= RUN) return 0;
    Object **tk = malloc(sizeof(Object *) * (size_t)n);
    Object **tv = vals != keys ? malloc(sizeof(Object *) * (size_t)n) : NULL;
    if (!tk || (vals != keys && !tv)) {
        free(tk);
        free(tv);
        err_no_memory();
        return -1;
    }
    int r = 0;
    for (ssize_t width = RUN; width < n && r == 0; width *= 2) {
        for (ssize_t lo = 0; lo + width < n; lo += 2 * width) {
            ssize_t mid = lo + width, hi = lo + 2 * width < n ? lo + 2 * width : n;
            if ((r = merge(keys, vals, lo, mid, hi, tk, tv)) < 0) break;
        }
    }
    free(tk);
    free(tv);
    return r;
}

static void reverse_array(Object **a, ssize_t n) {
    for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        Object *t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

int list_sort(Object *self, Object *key, bool reverse) {
    ListObject *l = (ListObject *)self;
    bool held = FT_LOCK(l);
    ssize_t n = l->size;
    Object **items = l->items;
    ssize_t allocated = l->allocated;
    // Empty the list while sorting so mutation can be detected
    // (allocated == -1 marks "sorting", as CPython does). The lock is not
    // held while keys and comparisons call back into Python.
    __atomic_store_n(&l->size, 0, __ATOMIC_RELEASE);
    l->items = NULL;
    l->allocated = -1;
    FT_UNLOCK(l, held);
    Object **keys = items;
    int r = 0;
    if (key && key != None && n > 0) {
        keys = malloc(sizeof(Object *) * (size_t)n);
        if (!keys) {
            err_no_memory();
            r = -1;
            keys = items;
            goto restore;
        }
        for (ssize_t i = 0; i < n; i++) {
            keys[i] = obj_call1(key, items[i]);
            if (!keys[i]) {
                for (ssize_t j = 0; j < i; j++) DECREF(keys[j]);
                free(keys);
                keys = items;
                r = -1;
                goto restore;
            }
        }
    }
    // Reversing before and after keeps the sort stable for reverse=True.
    if (reverse) {
        reverse_array(keys, n);
        if (keys != items) reverse_array(items, n);
    }
    r = merge_sort(keys, items, n);
    if (reverse) {
        reverse_array(keys, n);
        if (keys != items) reverse_array(items, n);
    }
    if (keys != items) {
        for (ssize_t i = 0; i < n; i++) DECREF(keys[i]);
        free(keys);
    }
restore:;
    held = FT_LOCK(l);
    bool modified = l->items != NULL || l->size != 0 || l->allocated != -1;
    Object **extra = l->items;
    ssize_t nextra = l->size;
    l->items = items;
    __atomic_store_n(&l->size, n, __ATOMIC_RELEASE);
    l->allocated = allocated;
    FT_UNLOCK(l, held);
    if (modified) {
        for (ssize_t i = 0; i < nextra; i++) DECREF_ITEM(extra[i]);
        ft_free_mem(extra);
        if (r == 0) {
            vm_raise(Exc_ValueError, "list modified during sort");
            r = -1;
        }
    }
    return r;
}

// ---- Methods ----------------------------------------------------------------------------------

static Object *list_append_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("append", kwnames) < 0 || args_count("list.append", nargs, 1, 1) < 0) return NULL;
    if (list_append(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Object *list_extend_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("extend", kwnames) < 0 || args_count("list.extend", nargs, 1, 1) < 0) return NULL;
    if (list_extend(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Object *list_insert_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("insert", kwnames) < 0 || args_count("insert", nargs, 2, 2) < 0) return NULL;
    ssize_t i = num_as_ssize(args[0], NULL);
    if (i == -1 && err_occurred()) return NULL;
    if (list_insert(self, i, args[1]) < 0) return NULL;
    RETURN_NONE;
}

static Object *list_pop_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("pop", kwnames) < 0 || args_count("pop", nargs, 0, 1) < 0) return NULL;
    ListObject *l = (ListObject *)self;
    ssize_t i = -1;
    if (nargs) {
        i = num_as_ssize(args[0], Exc_IndexError);
        if (i == -1 && err_occurred()) return NULL;
    }
    bool held = FT_LOCK(l);
    if (l->size == 0) {
        FT_UNLOCK(l, held);
        return vm_raise(Exc_IndexError, "pop from empty list");
    }
    if (i < 0) i += l->size;
    if (i < 0 || i >= l->size) {
        FT_UNLOCK(l, held);
        return vm_raise(Exc_IndexError, "pop index out of range");
    }
    Object *v = l->items[i];
    memmove(l->items + i, l->items + i + 1, sizeof(Object *) * (size_t)(l->size - i - 1));
    list_resize(l, l->size - 1);
    FT_UNLOCK(l, held);
    ft_mark_shared(v);
    return v;
}

static Object *list_remove_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("remove", kwnames) < 0 || args_count("list.remove", nargs, 1, 1) < 0) return NULL;
    ListObject *l = (ListObject *)self;
    Object *x;
    for (ssize_t i = 0; (x = item_ref(l, i)); i++) {
        int eq = obj_eq(x, args[0]);
        if (eq > 0) {
            bool held = FT_LOCK(l);
            // Remove this very item, wherever another thread moved it.
            ssize_t j = i < l->size && l->items[i] == x ? i : -1;
            for (ssize_t k = 0; j < 0 && k < l->size; k++)
                if (l->items[k] == x) j = k;
            int r = j >= 0 ? list_ass_slice(l, j, j + 1, NULL) : 0;
            FT_UNLOCK(l, held);
            DECREF(x);
            if (r < 0) return NULL;
            RETURN_NONE;
        }
        DECREF(x);
        if (eq < 0) return NULL;
    }
    return vm_raise(Exc_ValueError, "list.remove(x): x not in list");
}

// Clamps a start/stop argument like slice indices.
static ssize_t clamp_index(Object *o, ssize_t n, ssize_t dflt) {
    if (!o || o == None) return dflt;
    ssize_t i = num_as_ssize(o, NULL);
    if (i == -1 && err_occurred()) return -2;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    return i > n ? n : i;
}

static Object *list_index_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("index", kwnames) < 0 || args_count("index", nargs, 1, 3) < 0) return NULL;
    ListObject *l = (ListObject *)self;
    ssize_t start = clamp_index(nargs > 1 ? args[1] : NULL, l->size, 0);
    ssize_t stop = clamp_index(nargs > 2 ? args[2] : NULL, l->size, l->size);
    if ((start == -2 || stop == -2) && err_occurred()) return NULL;
    Object *x;
    for (ssize_t i = start; i < stop && (x = item_ref(l, i)); i++) {
        int eq = obj_eq(x, args[0]);
        DECREF(x);
        if (eq < 0) return NULL;
        if (eq) return int_from_ssize(i);
    }
    Object *rep = obj_repr(args[0]);
    if (!rep) return NULL;
    vm_raise(Exc_ValueError, "%U is not in list", rep);
    DECREF(rep);
    return NULL;
}

static Object *list_count_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("count", kwnames) < 0 || args_count("list.count", nargs, 1, 1) < 0) return NULL;
    ListObject *l = (ListObject *)self;
    ssize_t c = 0;
    Object *x;
    for (ssize_t i = 0; (x = item_ref(l, i)); i++) {
        int eq = obj_eq(x, args[0]);
        DECREF(x);
        if (eq < 0) return NULL;
        c += eq;
    }
    return int_from_ssize(c);
}

static Object *list_reverse_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("reverse", nargs, 0, 0) < 0) return NULL;
    bool held = FT_LOCK((ListObject *)self);
    reverse_array(LIST_ITEMS(self), LIST_SIZE(self));
    FT_UNLOCK((ListObject *)self, held);
    RETURN_NONE;
}

static Object *list_sort_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"$key", "$reverse"};
    Object *a[2] = {NULL, NULL};
    if (nargs) return vm_raise(Exc_TypeError, "sort() takes no positional arguments");
    if (args_parse("sort", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    ssize_t rev = a[1] ? num_as_ssize(a[1], Exc_OverflowError) : 0;
    if (rev == -1 && err_occurred()) return NULL;
    if (list_sort(self, a[0], rev != 0) < 0) return NULL;
    RETURN_NONE;
}

static Object *list_copy_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("copy", nargs, 0, 0) < 0) return NULL;
    bool held = FT_LOCK((ListObject *)self);
    Object *r = list_slice((ListObject *)self, 0, LIST_SIZE(self));
    FT_UNLOCK((ListObject *)self, held);
    return r;
}

static Object *list_clear_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("clear", nargs, 0, 0) < 0) return NULL;
    bool held = FT_LOCK((ListObject *)self);
    int r = list_ass_slice((ListObject *)self, 0, LIST_SIZE(self), NULL);
    FT_UNLOCK((ListObject *)self, held);
    if (r < 0) return NULL;
    RETURN_NONE;
}

static Object *list_sizeof_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return int_from_ssize((ssize_t)sizeof(ListObject) + ((ListObject *)self)->allocated * (ssize_t)sizeof(Object *));
}

static const MethodDef list_methods[] = {
    {"append", list_append_m, 0, NULL},
    {"extend", list_extend_m, 0, NULL},
    {"insert", list_insert_m, 0, NULL},
    {"pop", list_pop_m, 0, NULL},
    {"remove", list_remove_m, 0, NULL},
    {"index", list_index_m, 0, NULL},
    {"count", list_count_m, 0, NULL},
    {"reverse", list_reverse_m, 0, NULL},
    {"sort", list_sort_m, 0, NULL},
    {"copy", list_copy_m, 0, NULL},
    {"clear", list_clear_m, 0, NULL},
    {"__reversed__", list_reversed, 0, NULL},
    {"__sizeof__", list_sizeof_m, 0, NULL},
    {NULL, NULL, 0, NULL}};

static Object *list_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (type == &ListType) return list_new(0);
    Object *l = type_generic_alloc(type, 0);
    return l;
}

static int list_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("list", kwnames) < 0 || args_count("list", nargs, 0, 1) < 0) return -1;
    ListObject *l = (ListObject *)self;
    if (l->size) list_ass_slice(l, 0, l->size, NULL);
    if (nargs) return list_extend(self, args[0]);
    return 0;
}

static int list_clear_slot(Object *self) {
    ListObject *l = (ListObject *)self;
    bool held = FT_LOCK(l);
    int r = list_ass_slice(l, 0, l->size, NULL);
    FT_UNLOCK(l, held);
    return r;
}

TypeObject ListType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "list",
    .basicsize = sizeof(ListObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_LIST_SUBCLASS | TPFLAGS_HAVE_GC,
    .doc = "Built-in mutable sequence.",
    .dealloc = list_dealloc,
    .repr = list_repr,
    .richcompare = list_richcompare,
    .getattro = obj_generic_getattr,
    .iter = list_iter,
    .tp_new = list_tp_new,
    .init = list_init,
    .traverse = list_traverse,
    .clear = list_clear_slot,
    .nb = {[OP_ADD] = list_add, [OP_MUL] = list_mul},
    .nb_inplace = {[OP_ADD] = list_iadd, [OP_MUL] = list_imul},
    .sq_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
    .sq_contains = list_contains,
    .methods = list_methods,
};
