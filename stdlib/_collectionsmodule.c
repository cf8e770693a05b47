// The _collections module (CPython's Modules/_collectionsmodule.c): the
// fast `deque` type and `_tuplegetter`, the field descriptor namedtuple
// classes use. The rest of `collections` is written in minipy
// (stdlib/lib/collections/__init__.py).
//
// CPython's deque is a doubly linked list of 64-item blocks. Ours is a ring
// buffer: one array whose capacity is a power of two, a head index and a
// length, so item i lives at items[(head + i) & (cap - 1)]. Appending and
// popping at either end are O(1) (amortized), indexing is O(1), and
// inserting or deleting in the middle moves the shorter side.
//
// Every operation is one C call, so under the GIL append() and popleft()
// are atomic, which queue.SimpleQueue and the threading tests rely on.
// Operations that call back into Python (comparisons in count, index,
// remove, `in`, ==) re-check the deque's `state`, which every structural
// change bumps, and raise RuntimeError "deque mutated during iteration" as
// CPython does; iterators check it too.
#include "../vm/runtime.h"
#include "modules.h"

#include <stdlib.h>
#include <string.h>

// ---- The deque object ------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object **items;     // ring buffer of cap slots (cap 0 or a power of two)
    ssize_t cap;
    ssize_t head;       // slot of item 0
    ssize_t size;
    ssize_t maxlen;     // -1: unbounded
    size_t state;       // bumped by every change of the structure
    FT_LOCK_FIELD       // free threading: every operation holds it (vm/ft.c)
} DequeObject;

TypeObject DequeType;
static TypeObject DequeIterType, DequeRevIterType;

#define DEQUE_CHECK(o) (TYPE(o) == &DequeType || type_is_subtype(TYPE(o), &DequeType))
#define MIN_CAP 8

static inline Object **slot(DequeObject *d, ssize_t i) {
    return &d->items[(d->head + i) & (d->cap - 1)];
}

// Re-lays the items out from slot 0 in a buffer of newcap slots.
static int deque_realloc(DequeObject *d, ssize_t newcap) {
    if (newcap > (ssize_t)(SSIZE_MAX / sizeof(Object *))) {
        err_no_memory();
        return -1;
    }
    Object **items = malloc((size_t)newcap * sizeof(Object *));
    if (!items) {
        err_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < d->size; i++) items[i] = *slot(d, i);
    free(d->items);
    d->items = items;
    d->cap = newcap;
    d->head = 0;
    return 0;
}

// Makes room for one more item.
static inline int deque_grow(DequeObject *d) {
    if (d->size < d->cap) return 0;
    return deque_realloc(d, d->cap ? d->cap * 2 : MIN_CAP);
}

// Gives memory back when a big buffer became mostly empty.
static inline void deque_maybe_shrink(DequeObject *d) {
    if (d->cap > 64 && d->size < d->cap / 8) {
        if (deque_realloc(d, d->cap / 2) < 0) err_clear();  // keeping the big buffer is fine
    }
}

// The four end operations. The push functions steal `x`; the pop functions
// return the item's reference (the deque must not be empty).
static int push_back(DequeObject *d, Object *x) {
    if (deque_grow(d) < 0) {
        DECREF(x);
        return -1;
    }
    *slot(d, d->size) = x;
    d->size++;
    d->state++;
    return 0;
}

static int push_front(DequeObject *d, Object *x) {
    if (deque_grow(d) < 0) {
        DECREF(x);
        return -1;
    }
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = x;
    d->size++;
    d->state++;
    return 0;
}

static Object *pop_back(DequeObject *d) {
    d->size--;
    Object *x = *slot(d, d->size);
    d->state++;
    ft_mark_shared(x);
    return x;
}

static Object *pop_front(DequeObject *d) {
    Object *x = d->items[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    d->size--;
    d->state++;
    ft_mark_shared(x);
    return x;
}

// append/appendleft with the maxlen rule: the item that falls off the other
// end is released after the deque is consistent again.
static int deque_append_item(DequeObject *d, Object *x) {
    if (push_back(d, NEWREF(x)) < 0) return -1;
    if (d->maxlen >= 0 && d->size > d->maxlen) DECREF(pop_front(d));
    return 0;
}

static int deque_appendleft_item(DequeObject *d, Object *x) {
    if (push_front(d, NEWREF(x)) < 0) return -1;
    if (d->maxlen >= 0 && d->size > d->maxlen) DECREF(pop_back(d));
    return 0;
}

// Empties the deque; the old items are released after it is consistent.
static void deque_clear_items(DequeObject *d) {
    Object **items = d->items;
    ssize_t cap = d->cap, head = d->head, n = d->size;
    d->items = NULL;
    d->cap = d->head = d->size = 0;
    d->state++;
    for (ssize_t i = 0; i < n; i++) DECREF_ITEM(items[(head + i) & (cap - 1)]);
    free(items);
}

static Object *deque_alloc(TypeObject *type) {
    DequeObject *d = (DequeObject *)type_generic_alloc(type, 0);
    if (!d) return NULL;
    d->maxlen = -1;
    return (Object *)d;
}

static Object *deque_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    return deque_alloc(type);
}

static void deque_dealloc(Object *self) {
    DequeObject *d = (DequeObject *)self;
    ssize_t n = d->size;
    for (ssize_t i = 0; i < n; i++) DECREF(*slot(d, i));
    free(d->items);
    obj_free(self);
}

static int deque_traverse(Object *self, visitproc visit, void *arg) {
    DequeObject *d = (DequeObject *)self;
    for (ssize_t i = 0; i < d->size; i++)
        if (visit(*slot(d, i), arg)) return -1;
    return 0;
}

static int deque_tp_clear(Object *self) {
    deque_clear_items((DequeObject *)self);
    return 0;
}

// ---- extend ------------------------------------------------------------------------------

static int deque_extend_impl(DequeObject *d, Object *iterable, bool left) {
    if (iterable == (Object *)d) {
        // d.extend(d): iterate over a snapshot.
        Object *copy = list_new(d->size);
        if (!copy) return -1;
        for (ssize_t i = 0; i < d->size; i++) LIST_ITEMS(copy)[i] = NEWREF(*slot(d, i));
        int r = deque_extend_impl(d, copy, left);
        DECREF(copy);
        return r;
    }
    Object *it = obj_getiter(iterable);
    if (!it) return -1;
    Object *x;
    while ((x = iter_next(it))) {
        int r = left ? deque_appendleft_item(d, x) : deque_append_item(d, x);
        DECREF(x);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

// ---- __init__ ----------------------------------------------------------------------------

static int deque_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"iterable", "maxlen"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("deque", args, nargs, kwnames, names, 2, 0, a) < 0) return -1;
    DequeObject *d = (DequeObject *)self;
    ssize_t maxlen = -1;
    if (a[1] && a[1] != None) {
        maxlen = num_as_ssize(a[1], Exc_OverflowError);
        if (maxlen == -1 && err_occurred()) return -1;
        if (maxlen < 0) {
            vm_raise(Exc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->size > 0) deque_clear_items(d);
    if (a[0]) return deque_extend_impl(d, a[0], false);
    return 0;
}

// ---- Methods -----------------------------------------------------------------------------

static Object *deque_append(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("append", kwnames) < 0 || args_count("append", nargs, 1, 1) < 0) return NULL;
    if (deque_append_item((DequeObject *)self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Object *deque_appendleft(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("appendleft", kwnames) < 0 || args_count("appendleft", nargs, 1, 1) < 0) return NULL;
    if (deque_appendleft_item((DequeObject *)self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Object *deque_pop(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("pop", kwnames) < 0 || args_count("pop", nargs, 0, 0) < 0) return NULL;
    DequeObject *d = (DequeObject *)self;
    if (d->size == 0) return vm_raise(Exc_IndexError, "pop from an empty deque");
    Object *x = pop_back(d);
    deque_maybe_shrink(d);
    return x;
}

static Object *deque_popleft(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("popleft", kwnames) < 0 || args_count("popleft", nargs, 0, 0) < 0) return NULL;
    DequeObject *d = (DequeObject *)self;
    if (d->size == 0) return vm_raise(Exc_IndexError, "pop from an empty deque");
    Object *x = pop_front(d);
    deque_maybe_shrink(d);
    return x;
}

static Object *deque_extend(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("extend", kwnames) < 0 || args_count("extend", nargs, 1, 1) < 0) return NULL;
    if (deque_extend_impl((DequeObject *)self, args[0], false) < 0) return NULL;
    RETURN_NONE;
}

static Object *deque_extendleft(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("extendleft", kwnames) < 0 || args_count("extendleft", nargs, 1, 1) < 0) return NULL;
    if (deque_extend_impl((DequeObject *)self, args[0], true) < 0) return NULL;
    RETURN_NONE;
}

// Rotates n steps to the right (left if n is negative).
static void deque_rotate_impl(DequeObject *d, ssize_t n) {
    ssize_t len = d->size;
    if (len <= 1) return;
    n %= len;
    if (n < 0) n += len;
    if (n == 0) return;
    d->state++;
    if (len == d->cap) {
        // A full ring: moving the head is the whole rotation.
        d->head = (d->head - n) & (d->cap - 1);
        return;
    }
    ssize_t mask = d->cap - 1;
    if (n <= len / 2) {
        for (ssize_t k = 0; k < n; k++) {
            Object *x = d->items[(d->head + len - 1) & mask];
            d->head = (d->head - 1) & mask;
            d->items[d->head] = x;
        }
    } else {
        for (ssize_t k = 0; k < len - n; k++) {
            Object *x = d->items[d->head];
            d->head = (d->head + 1) & mask;
            d->items[(d->head + len - 1) & mask] = x;
        }
    }
}

static Object *deque_rotate(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("rotate", kwnames) < 0 || args_count("rotate", nargs, 0, 1) < 0) return NULL;
    ssize_t n = 1;
    if (nargs) {
        n = num_as_ssize(args[0], Exc_OverflowError);
        if (n == -1 && err_occurred()) return NULL;
    }
    deque_rotate_impl((DequeObject *)self, n);
    RETURN_NONE;
}

static Object *deque_clear(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("clear", nargs, 0, 0) < 0) return NULL;
    deque_clear_items((DequeObject *)self);
    RETURN_NONE;
}

// Compares item i with v, checking the deque did not change meanwhile.
// Returns 1 equal, 0 not, -1 with an exception.
static int item_eq_checked(DequeObject *d, ssize_t i, Object *v, TypeObject *exc, const char *msg) {
    size_t state = d->state;
    Object *x = NEWREF(*slot(d, i));
    int eq = obj_eq(x, v);
    DECREF(x);
    if (eq < 0) return -1;
    if (state != d->state) {
        vm_raise(exc, "%s", msg);
        return -1;
    }
    return eq;
}

static Object *deque_count(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("count", kwnames) < 0 || args_count("count", nargs, 1, 1) < 0) return NULL;
    DequeObject *d = (DequeObject *)self;
    ssize_t c = 0;
    for (ssize_t i = 0; i < d->size; i++) {
        int eq = item_eq_checked(d, i, args[0], Exc_RuntimeError, "deque mutated during iteration");
        if (eq < 0) return NULL;
        c += eq;
    }
    return int_from_ssize(c);
}

static int deque_contains(Object *self, Object *v) {
    DequeObject *d = (DequeObject *)self;
    for (ssize_t i = 0; i < d->size; i++) {
        int eq = item_eq_checked(d, i, v, Exc_RuntimeError, "deque mutated during iteration");
        if (eq) return eq;
    }
    return 0;
}

// Normalizes a start/stop argument of index() as slice indices are.
static int clamp_arg(Object *o, ssize_t n, ssize_t *out) {
    if (!o) return 0;
    ssize_t i = num_as_ssize(o, NULL);
    if (i == -1 && err_occurred()) return -1;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    *out = i;
    return 0;
}

static Object *deque_index(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("index", kwnames) < 0 || args_count("index", nargs, 1, 3) < 0) return NULL;
    DequeObject *d = (DequeObject *)self;
    ssize_t start = 0, stop = d->size;
    if (clamp_arg(nargs > 1 ? args[1] : NULL, d->size, &start) < 0) return NULL;
    if (clamp_arg(nargs > 2 ? args[2] : NULL, d->size, &stop) < 0) return NULL;
    if (stop > d->size) stop = d->size;
    for (ssize_t i = start; i < stop && i < d->size; i++) {
        int eq = item_eq_checked(d, i, args[0], Exc_RuntimeError, "deque mutated during iteration");
        if (eq < 0) return NULL;
        if (eq) return int_from_ssize(i);
    }
    return vm_raise(Exc_ValueError, "%R is not in deque", args[0]);
}

// Removes item i (0 <= i < size), moving the shorter side; returns its reference.
static Object *deque_take(DequeObject *d, ssize_t i) {
    Object *x = *slot(d, i);
    if (i < d->size / 2) {
        for (ssize_t k = i; k > 0; k--) *slot(d, k) = *slot(d, k - 1);
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        for (ssize_t k = i; k < d->size - 1; k++) *slot(d, k) = *slot(d, k + 1);
    }
    d->size--;
    d->state++;
    ft_mark_shared(x);
    return x;
}

static Object *deque_remove(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("remove", kwnames) < 0 || args_count("remove", nargs, 1, 1) < 0) return NULL;
    DequeObject *d = (DequeObject *)self;
    for (ssize_t i = 0; i < d->size; i++) {
        int eq = item_eq_checked(d, i, args[0], Exc_IndexError, "deque mutated during iteration");
        if (eq < 0) return NULL;
        if (eq) {
            DECREF(deque_take(d, i));
            RETURN_NONE;
        }
    }
    return vm_raise(Exc_ValueError, "%R is not in deque", args[0]);
}

static Object *deque_insert(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("insert", kwnames) < 0 || args_count("insert", nargs, 2, 2) < 0) return NULL;
    DequeObject *d = (DequeObject *)self;
    ssize_t i = num_as_ssize(args[0], NULL);
    if (i == -1 && err_occurred()) return NULL;
    if (d->maxlen >= 0 && d->size >= d->maxlen)
        return vm_raise(Exc_IndexError, "deque already at its maximum size");
    ssize_t n = d->size;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    if (i < n / 2) {
        if (push_front(d, NEWREF(args[1])) < 0) return NULL;
        // The new item sits at 0; bubble it to position i.
        for (ssize_t k = 0; k < i; k++) {
            Object *t = *slot(d, k);
            *slot(d, k) = *slot(d, k + 1);
            *slot(d, k + 1) = t;
        }
    } else {
        if (push_back(d, NEWREF(args[1])) < 0) return NULL;
        for (ssize_t k = n; k > i; k--) {
            Object *t = *slot(d, k);
            *slot(d, k) = *slot(d, k - 1);
            *slot(d, k - 1) = t;
        }
    }
    RETURN_NONE;
}

static Object *deque_reverse(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("reverse", nargs, 0, 0) < 0) return NULL;
    DequeObject *d = (DequeObject *)self;
    for (ssize_t i = 0, j = d->size - 1; i < j; i++, j--) {
        Object *t = *slot(d, i);
        *slot(d, i) = *slot(d, j);
        *slot(d, j) = t;
    }
    RETURN_NONE;
}

// A copy: exact deques directly, subclasses through type(d)(d, maxlen) as CPython.
static Object *deque_copy_obj(Object *self) {
    DequeObject *d = (DequeObject *)self;
    if (TYPE(self) == &DequeType) {
        DequeObject *r = (DequeObject *)deque_alloc(&DequeType);
        if (!r) return NULL;
        r->maxlen = d->maxlen;
        if (d->size) {
            ssize_t cap = d->cap;
            r->items = malloc((size_t)cap * sizeof(Object *));
            if (!r->items) {
                DECREF(r);
                err_no_memory();
                return NULL;
            }
            r->cap = cap;
            for (ssize_t i = 0; i < d->size; i++) r->items[i] = NEWREF(*slot(d, i));
            r->size = d->size;
        }
        return (Object *)r;
    }
    if (d->maxlen < 0) return obj_call1((Object *)TYPE(self), self);
    Object *ml = int_from_ssize(d->maxlen);
    if (!ml) return NULL;
    Object *r = obj_call2((Object *)TYPE(self), self, ml);
    DECREF(ml);
    return r;
}

static Object *deque_copy(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("copy", nargs, 0, 0) < 0) return NULL;
    return deque_copy_obj(self);
}

static Object *deque_reduce(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    DequeObject *d = (DequeObject *)self;
    Object *l = list_new(d->size);
    if (!l) return NULL;
    for (ssize_t i = 0; i < d->size; i++) LIST_ITEMS(l)[i] = NEWREF(*slot(d, i));
    Object *a = d->maxlen < 0 ? tuple_pack(1, l) : NULL;
    if (d->maxlen >= 0) {
        Object *ml = int_from_ssize(d->maxlen);
        a = ml ? tuple_pack(2, l, ml) : NULL;
        XDECREF(ml);
    }
    DECREF(l);
    if (!a) return NULL;
    Object *state = NULL;
    Object **dp = obj_dict_ptr(self);
    state = dp && *dp ? *dp : None;
    Object *r = tuple_pack(3, (Object *)TYPE(self), a, state);
    DECREF(a);
    return r;
}

static Object *deque_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    DequeObject *d = (DequeObject *)self;
    return int_from_ssize(TYPE(self)->basicsize + d->cap * (ssize_t)sizeof(Object *));
}

static Object *deque_reversed(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);

// ---- Free threading: each operation holds the deque's lock ------------------------------
#ifdef MINIPY_FT
static Object *deque_subscript(Object *self, Object *key);
static int deque_ass_subscript(Object *self, Object *key, Object *value);
static Object *deque_repr(Object *self);

#define DEQUE_LOCKED_METHOD(fn)                                                                 \
    static Object *fn##_locked(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) { \
        bool held = FT_LOCK((DequeObject *)self);                                               \
        Object *r = fn(self, args, nargs, kwnames);                                             \
        FT_UNLOCK((DequeObject *)self, held);                                                   \
        return r;                                                                               \
    }
#define LOCKED(fn) fn##_locked
DEQUE_LOCKED_METHOD(deque_append)
DEQUE_LOCKED_METHOD(deque_appendleft)
DEQUE_LOCKED_METHOD(deque_pop)
DEQUE_LOCKED_METHOD(deque_popleft)
DEQUE_LOCKED_METHOD(deque_extend)
DEQUE_LOCKED_METHOD(deque_extendleft)
DEQUE_LOCKED_METHOD(deque_rotate)
DEQUE_LOCKED_METHOD(deque_clear)
DEQUE_LOCKED_METHOD(deque_count)
DEQUE_LOCKED_METHOD(deque_index)
DEQUE_LOCKED_METHOD(deque_remove)
DEQUE_LOCKED_METHOD(deque_insert)
DEQUE_LOCKED_METHOD(deque_reverse)
DEQUE_LOCKED_METHOD(deque_copy)
DEQUE_LOCKED_METHOD(deque_reduce)

static Object *deque_subscript_locked(Object *self, Object *key) {
    bool held = FT_LOCK((DequeObject *)self);
    Object *r = deque_subscript(self, key);
    FT_UNLOCK((DequeObject *)self, held);
    return r;
}
static int deque_ass_subscript_locked(Object *self, Object *key, Object *value) {
    bool held = FT_LOCK((DequeObject *)self);
    int r = deque_ass_subscript(self, key, value);
    FT_UNLOCK((DequeObject *)self, held);
    return r;
}
static int deque_contains_locked(Object *self, Object *v) {
    bool held = FT_LOCK((DequeObject *)self);
    int r = deque_contains(self, v);
    FT_UNLOCK((DequeObject *)self, held);
    return r;
}
static Object *deque_repr_locked(Object *self) {
    bool held = FT_LOCK((DequeObject *)self);
    Object *r = deque_repr(self);
    FT_UNLOCK((DequeObject *)self, held);
    return r;
}
#else
#define LOCKED(fn) fn
#endif

static const MethodDef deque_methods[] = {
    {"append", LOCKED(deque_append), 0, "Add an element to the right side of the deque."},
    {"appendleft", LOCKED(deque_appendleft), 0, "Add an element to the left side of the deque."},
    {"pop", LOCKED(deque_pop), 0, "Remove and return the rightmost element."},
    {"popleft", LOCKED(deque_popleft), 0, "Remove and return the leftmost element."},
    {"extend", LOCKED(deque_extend), 0, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", LOCKED(deque_extendleft), 0, "Extend the left side of the deque with elements from the iterable"},
    {"rotate", LOCKED(deque_rotate), 0, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"clear", LOCKED(deque_clear), 0, "Remove all elements from the deque."},
    {"count", LOCKED(deque_count), 0, "D.count(value) -- return number of occurrences of value"},
    {"index", LOCKED(deque_index), 0, "D.index(value, [start, [stop]]) -- return first index of value."},
    {"remove", LOCKED(deque_remove), 0, "D.remove(value) -- remove first occurrence of value."},
    {"insert", LOCKED(deque_insert), 0, "D.insert(index, object) -- insert object before index"},
    {"reverse", LOCKED(deque_reverse), 0, "D.reverse() -- reverse *IN PLACE*"},
    {"copy", LOCKED(deque_copy), 0, "Return a shallow copy of a deque."},
    {"__copy__", LOCKED(deque_copy), 0, "Return a shallow copy of a deque."},
    {"__reduce__", LOCKED(deque_reduce), 0, "Return state information for pickling."},
    {"__reversed__", deque_reversed, 0, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__sizeof__", deque_sizeof, 0, "D.__sizeof__() -- size of D in memory, in bytes"},
    {NULL, NULL, 0, NULL}};

static Object *deque_get_maxlen(Object *self, void *closure) {
    DequeObject *d = (DequeObject *)self;
    if (d->maxlen < 0) RETURN_NONE;
    return int_from_ssize(d->maxlen);
}

static const GetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

// ---- Sequence protocol -------------------------------------------------------------------

static ssize_t deque_length(Object *self) { return ((DequeObject *)self)->size; }

// The index argument of d[i]: an integer (or __index__), never a slice.
static int deque_index_arg(DequeObject *d, Object *key, ssize_t *out) {
    if (!INT_CHECK(key) && (!TYPE(key)->nb_index || TYPE(key) == &SliceType)) {
        vm_raise(Exc_TypeError, "sequence index must be integer, not '%s'", type_name(TYPE(key)));
        return -1;
    }
    ssize_t i = seq_index(key, d->size, "deque index out of range");
    if (i < 0) return -1;
    *out = i;
    return 0;
}

static Object *deque_subscript(Object *self, Object *key) {
    DequeObject *d = (DequeObject *)self;
    ssize_t i;
    if (deque_index_arg(d, key, &i) < 0) return NULL;
    return NEWREF(*slot(d, i));
}

static int deque_ass_subscript(Object *self, Object *key, Object *value) {
    DequeObject *d = (DequeObject *)self;
    ssize_t i;
    if (deque_index_arg(d, key, &i) < 0) return -1;
    if (!value) {
        DECREF(deque_take(d, i));
        return 0;
    }
    Object *old = *slot(d, i);
    *slot(d, i) = NEWREF(value);
    DECREF_ITEM(old);
    return 0;
}

// ---- repr, comparison, arithmetic --------------------------------------------------------

int repr_enter(Object *o);
void repr_leave(Object *o);

static Object *deque_repr(Object *self) {
    DequeObject *d = (DequeObject *)self;
    int rec = repr_enter(self);
    if (rec) return rec > 0 ? str_from_cstr("[...]") : NULL;
    Object *l = list_new(d->size);
    if (!l) {
        repr_leave(self);
        return NULL;
    }
    for (ssize_t i = 0; i < d->size; i++) LIST_ITEMS(l)[i] = NEWREF(*slot(d, i));
    Object *lr = obj_repr(l);
    DECREF(l);
    repr_leave(self);
    if (!lr) return NULL;
    // The type's short name: "deque" for collections.deque and its subclasses' own names.
    const char *name = type_name(TYPE(self));
    const char *dot = strrchr(name, '.');
    if (dot && !(TYPE(self)->flags & TPFLAGS_HEAPTYPE)) name = dot + 1;
    Object *r;
    if (d->maxlen >= 0) r = str_from_format("%s(%U, maxlen=%zd)", name, lr, d->maxlen);
    else r = str_from_format("%s(%U)", name, lr);
    DECREF(lr);
    return r;
}

static Object *deque_richcompare(Object *v, Object *w, int op) {
    if (!DEQUE_CHECK(v) || !DEQUE_CHECK(w)) RETURN_NOTIMPL;
    DequeObject *a = (DequeObject *)v, *b = (DequeObject *)w;
    ssize_t na = a->size, nb = b->size;
    if ((op == CMP_EQ_OP || op == CMP_NE_OP) && na != nb) return NEWREF(bool_from(op == CMP_NE_OP));
    size_t sa = a->state, sb = b->state;
    ssize_t i;
    for (i = 0; i < na && i < nb; i++) {
        Object *x = NEWREF(*slot(a, i)), *y = NEWREF(*slot(b, i));
        int eq = obj_eq(x, y);
        if (eq == 0) {
            // First difference decides (ordering ops compare these two items).
            Object *r;
            if (op == CMP_EQ_OP) r = NEWREF(False);
            else if (op == CMP_NE_OP) r = NEWREF(True);
            else r = obj_richcompare(x, y, op);
            DECREF(x);
            DECREF(y);
            return r;
        }
        DECREF(x);
        DECREF(y);
        if (eq < 0) return NULL;
        if (a->state != sa || b->state != sb)
            return vm_raise(Exc_RuntimeError, "deque mutated during iteration");
        na = a->size;
        nb = b->size;
    }
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

static Object *deque_add(Object *v, Object *w) {
    if (!DEQUE_CHECK(v)) RETURN_NOTIMPL;
    if (!DEQUE_CHECK(w))
        return vm_raise(Exc_TypeError, "can only concatenate deque (not \"%s\") to deque", type_name(TYPE(w)));
    Object *r = deque_copy_obj(v);
    if (!r) return NULL;
    if (deque_extend_impl((DequeObject *)r, w, false) < 0) {
        DECREF(r);
        return NULL;
    }
    return r;
}

static Object *deque_iadd(Object *v, Object *w) {
    if (deque_extend_impl((DequeObject *)v, w, false) < 0) return NULL;
    return NEWREF(v);
}

// d *= n in place: with a maxlen, only the tail of the repetition survives.
static int deque_repeat_inplace(DequeObject *d, ssize_t n) {
    ssize_t m = d->size;
    if (n <= 0) {
        deque_clear_items(d);
        return 0;
    }
    if (m == 0 || n == 1) return 0;
    bool capped = d->maxlen >= 0 && (n > SSIZE_MAX / m || m * n > d->maxlen);
    if (!capped && n > SSIZE_MAX / m) {
        err_no_memory();
        return -1;
    }
    Object **orig = malloc((size_t)m * sizeof(Object *));
    if (!orig) {
        err_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < m; i++) orig[i] = NEWREF(*slot(d, i));
    int r = 0;
    if (capped) {
        // The last maxlen items of orig * n; the repetition's length is a
        // multiple of m, so they start at (-maxlen) mod m.
        ssize_t keep = d->maxlen, first = (m - keep % m) % m;
        deque_clear_items(d);
        for (ssize_t j = 0; j < keep && r == 0; j++) r = deque_append_item(d, orig[(first + j) % m]);
    } else {
        for (ssize_t k = m; k < m * n && r == 0; k++) r = deque_append_item(d, orig[k % m]);
    }
    for (ssize_t i = 0; i < m; i++) DECREF(orig[i]);
    free(orig);
    return r;
}

static Object *deque_mul(Object *v, Object *w) {
    Object *dq = DEQUE_CHECK(v) ? v : w, *n = dq == v ? w : v;
    if (!DEQUE_CHECK(dq) || FLOAT_CHECK(n) || !(INT_CHECK(n) || TYPE(n)->nb_index)) RETURN_NOTIMPL;
    ssize_t k = num_as_ssize(n, Exc_OverflowError);
    if (k == -1 && err_occurred()) return NULL;
    Object *r = deque_copy_obj(dq);
    if (!r) return NULL;
    if (deque_repeat_inplace((DequeObject *)r, k) < 0) {
        DECREF(r);
        return NULL;
    }
    return r;
}

static Object *deque_imul(Object *v, Object *w) {
    if (FLOAT_CHECK(w) || !(INT_CHECK(w) || TYPE(w)->nb_index)) RETURN_NOTIMPL;
    ssize_t k = num_as_ssize(w, Exc_OverflowError);
    if (k == -1 && err_occurred()) return NULL;
    if (deque_repeat_inplace((DequeObject *)v, k) < 0) return NULL;
    return NEWREF(v);
}

// ---- Iterators ---------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    DequeObject *deque;     // NULL once exhausted
    ssize_t index;          // next position (counting from the iteration's start side)
    size_t state;           // the deque's state when the iterator was made
} DequeIterObject;

static Object *make_iter(TypeObject *type, Object *self) {
    DequeIterObject *it = (DequeIterObject *)obj_alloc(type, sizeof(DequeIterObject));
    if (!it) return NULL;
    it->deque = (DequeObject *)NEWREF(self);
    it->index = 0;
    it->state = ((DequeObject *)self)->state;
    return (Object *)it;
}

static Object *deque_iter(Object *self) { return make_iter(&DequeIterType, self); }

static Object *deque_reversed(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return make_iter(&DequeRevIterType, self);
}

static void dequeiter_dealloc(Object *o) {
    XDECREF(((DequeIterObject *)o)->deque);
    obj_free(o);
}

static int dequeiter_traverse(Object *o, visitproc visit, void *arg) {
    DequeIterObject *it = (DequeIterObject *)o;
    return it->deque ? visit((Object *)it->deque, arg) : 0;
}

static Object *dequeiter_next_impl(Object *o, bool reverse) {
    DequeIterObject *it = (DequeIterObject *)o;
    DequeObject *d = it->deque;
    if (!d) return NULL;
    if (d->state != it->state) {
        it->index = d->size;  // stays broken, as CPython's
        return vm_raise(Exc_RuntimeError, "deque mutated during iteration");
    }
    if (it->index >= d->size) {
        CLEAR(it->deque);
        return NULL;
    }
    ssize_t i = reverse ? d->size - 1 - it->index : it->index;
    it->index++;
    return NEWREF(*slot(d, i));
}

static Object *dequeiter_next_locked(Object *o, bool reverse) {
    DequeObject *d = ((DequeIterObject *)o)->deque;
    if (!d) return NULL;
    INCREF(d);  // the iterator may drop it
    bool held = FT_LOCK(d);
    Object *r = dequeiter_next_impl(o, reverse);
    FT_UNLOCK(d, held);
    DECREF(d);
    return r;
}

static Object *dequeiter_next(Object *o) { return dequeiter_next_locked(o, false); }
static Object *dequereviter_next(Object *o) { return dequeiter_next_locked(o, true); }

static Object *dequeiter_length_hint(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    DequeIterObject *it = (DequeIterObject *)o;
    ssize_t n = it->deque ? it->deque->size - it->index : 0;
    return int_from_ssize(n < 0 ? 0 : n);
}

static Object *self_iter(Object *o) { return NEWREF(o); }

static const MethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL}};

static TypeObject DequeIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_collections._deque_iterator",
    .basicsize = sizeof(DequeIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = dequeiter_dealloc,
    .traverse = dequeiter_traverse,
    .getattro = obj_generic_getattr,
    .iter = self_iter,
    .iternext = dequeiter_next,
    .methods = dequeiter_methods,
};

static TypeObject DequeRevIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_collections._deque_reverse_iterator",
    .basicsize = sizeof(DequeIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = dequeiter_dealloc,
    .traverse = dequeiter_traverse,
    .getattro = obj_generic_getattr,
    .iter = self_iter,
    .iternext = dequereviter_next,
    .methods = dequeiter_methods,
};

TypeObject DequeType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "collections.deque",
    .basicsize = sizeof(DequeObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints.",
    .dealloc = deque_dealloc,
    .repr = LOCKED(deque_repr),
    .richcompare = deque_richcompare,
    .getattro = obj_generic_getattr,
    .iter = deque_iter,
    .tp_new = deque_tp_new,
    .init = deque_init,
    .traverse = deque_traverse,
    .clear = deque_tp_clear,
    .nb = {[OP_ADD] = deque_add, [OP_MUL] = deque_mul},
    .nb_inplace = {[OP_ADD] = deque_iadd, [OP_MUL] = deque_imul},
    .sq_length = deque_length,
    .mp_subscript = LOCKED(deque_subscript),
    .mp_ass_subscript = LOCKED(deque_ass_subscript),
    .sq_contains = LOCKED(deque_contains),
    .methods = deque_methods,
    .getset = deque_getset,
};

// ---- _tuplegetter: the descriptor behind namedtuple fields -------------------------------

typedef struct {
    OBJ_HEAD;
    ssize_t index;
    Object *doc;
} TupleGetterObject;

static TypeObject TupleGetterType;

static Object *tuplegetter_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_tuplegetter", kwnames) < 0 || args_count("_tuplegetter", nargs, 2, 2) < 0) return NULL;
    ssize_t index = num_as_ssize(args[0], Exc_OverflowError);
    if (index == -1 && err_occurred()) return NULL;
    TupleGetterObject *g = (TupleGetterObject *)type_generic_alloc(type, 0);
    if (!g) return NULL;
    g->index = index;
    g->doc = NEWREF(args[1]);
    return (Object *)g;
}

static void tuplegetter_dealloc(Object *o) {
    XDECREF(((TupleGetterObject *)o)->doc);
    obj_free(o);
}

static int tuplegetter_traverse(Object *o, visitproc visit, void *arg) {
    TupleGetterObject *g = (TupleGetterObject *)o;
    return g->doc ? visit(g->doc, arg) : 0;
}

static Object *tuplegetter_get(Object *self, Object *obj, Object *type) {
    TupleGetterObject *g = (TupleGetterObject *)self;
    if (!obj || obj == None) return NEWREF(self);
    if (!TUPLE_CHECK(obj))
        return vm_raise(Exc_TypeError, "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                        g->index, type_name(TYPE(obj)));
    if (g->index < 0 || g->index >= TUPLE_SIZE(obj)) return vm_raise(Exc_IndexError, "tuple index out of range");
    return NEWREF(TUPLE_ITEMS(obj)[g->index]);
}

static int tuplegetter_set(Object *self, Object *obj, Object *value) {
    if (value) vm_raise(Exc_AttributeError, "can't set attribute");
    else vm_raise(Exc_AttributeError, "can't delete attribute");
    return -1;
}

static Object *tuplegetter_get_doc(Object *self, void *closure) {
    TupleGetterObject *g = (TupleGetterObject *)self;
    return NEWREF(g->doc ? g->doc : None);
}

static int tuplegetter_set_doc(Object *self, Object *value, void *closure) {
    TupleGetterObject *g = (TupleGetterObject *)self;
    SETREF(g->doc, XNEWREF(value ? value : None));
    return 0;
}

static Object *tuplegetter_reduce(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    TupleGetterObject *g = (TupleGetterObject *)self;
    Object *i = int_from_ssize(g->index);
    if (!i) return NULL;
    Object *a = tuple_pack(2, i, g->doc ? g->doc : None);
    DECREF(i);
    if (!a) return NULL;
    Object *r = tuple_pack(2, (Object *)TYPE(self), a);
    DECREF(a);
    return r;
}

static const MethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef tuplegetter_getset[] = {
    {"__doc__", tuplegetter_get_doc, tuplegetter_set_doc, NULL},
    {NULL, NULL, NULL, NULL}};

static TypeObject TupleGetterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_collections._tuplegetter",
    .basicsize = sizeof(TupleGetterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = tuplegetter_dealloc,
    .traverse = tuplegetter_traverse,
    .getattro = obj_generic_getattr,
    .descr_get = tuplegetter_get,
    .descr_set = tuplegetter_set,
    .tp_new = tuplegetter_new,
    .methods = tuplegetter_methods,
    .getset = tuplegetter_getset,
};

// ---- _count_elements: Counter's inner loop -----------------------------------------------

static Object *count_elements(Object *module, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_count_elements", kwnames) < 0 || args_count("_count_elements", nargs, 2, 2) < 0) return NULL;
    Object *mapping = args[0];
    Object *it = obj_getiter(args[1]);
    if (!it) return NULL;
    Object *one = int_from_long(1), *zero = int_from_long(0);
    // A dict whose get and __setitem__ are dict's own can be updated directly.
    Object *get = DICT_CHECK(mapping) ? type_lookup_str(TYPE(mapping), "get") : NULL;
    Object *dict_get = type_lookup_str(&DictType, "get");
    Object *set = DICT_CHECK(mapping) ? type_lookup_str(TYPE(mapping), "__setitem__") : NULL;
    Object *dict_set = type_lookup_str(&DictType, "__setitem__");
    bool fast = get && get == dict_get && set && set == dict_set;
    Object *x;
    while ((x = iter_next(it))) {
        Object *old, *nw;
        if (fast) {
            old = dict_getitem(mapping, x);
            if (!old && err_occurred()) goto fail;
            nw = num_binop(old ? old : zero, one, OP_ADD);
            if (!nw) goto fail;
            int r = dict_setitem(mapping, x, nw);
            DECREF(nw);
            if (r < 0) goto fail;
        } else {
            Object *a[2] = {x, zero};
            old = obj_call_method(mapping, "get", a, 2);
            if (!old) goto fail;
            nw = num_binop(old, one, OP_ADD);
            DECREF(old);
            if (!nw) goto fail;
            int r = obj_setitem(mapping, x, nw);
            DECREF(nw);
            if (r < 0) goto fail;
        }
        DECREF(x);
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    RETURN_NONE;
fail:
    DECREF(x);
    DECREF(it);
    return NULL;
}

static const MethodDef collections_functions[] = {
    {"_count_elements", count_elements, 0, "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL}};

Object *module_init__collections(void) {
    type_ready(&DequeType);
    type_ready(&DequeIterType);
    type_ready(&DequeRevIterType);
    type_ready(&TupleGetterType);
    Object *m = module_new_cstr("_collections");
    if (!m) return NULL;
    if (module_add_functions(m, collections_functions) < 0 ||
        module_add_object(m, "deque", (Object *)&DequeType) < 0 ||
        module_add_object(m, "_deque_iterator", (Object *)&DequeIterType) < 0 ||
        module_add_object(m, "_deque_reverse_iterator", (Object *)&DequeRevIterType) < 0 ||
        module_add_object(m, "_tuplegetter", (Object *)&TupleGetterType) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
