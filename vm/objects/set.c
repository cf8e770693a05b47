// set and frozenset (CPython's Objects/setobject.c). The probing sequence
// (a few linear probes, then perturbed jumps) and resize policy follow
// CPython's, so small-int sets iterate in the same order as CPython's.
#include "../runtime.h"

#include <stdlib.h>
#include <string.h>

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static Object set_dummy_obj = OBJ_HEAD_INIT(&NoneType);
#define DUMMY (&set_dummy_obj)

static SetObject *set_alloc(TypeObject *type) {
    SetObject *s = (SetObject *)(type == &SetType || type == &FrozenSetType
                                     ? obj_alloc(type, sizeof(SetObject))
                                     : type_generic_alloc(type, 0));
    if (!s) return NULL;
    s->table = calloc(SET_MINSIZE, sizeof(SetEntry));
    if (!s->table) {
        obj_free((Object *)s);
        err_no_memory();
        return NULL;
    }
    s->mask = SET_MINSIZE - 1;
    s->hash = -1;
    return s;
}

static void set_dealloc(Object *self) {
    SetObject *s = (SetObject *)self;
    obj_clear_weakrefs(self);
    SetEntry *t = s->table;
    ssize_t n = s->mask + 1;
    s->table = NULL;
    for (ssize_t i = 0; i < n; i++)
        if (t[i].key && t[i].key != DUMMY) DECREF_ITEM(t[i].key);  // (in-place ops swap live tables)
    free(t);
    obj_free(self);
}

static int set_traverse(Object *self, visitproc visit, void *arg) {
    SetObject *s = (SetObject *)self;
    for (ssize_t i = 0; i <= s->mask; i++)
        if (s->table[i].key && s->table[i].key != DUMMY && visit(s->table[i].key, arg)) return -1;
    return 0;
}

static inline hash_t key_hash(Object *key) {
    if (STR_CHECK_EXACT(key)) return str_hash(key);
    return obj_hash(key);
}

// Inserts into a table known to hold no equal key and no dummies.
static void insert_clean(SetEntry *table, size_t mask, Object *key, hash_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (!e->key) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!e->key) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static int set_resize(SetObject *s, ssize_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused) newsize <<= 1;
    SetEntry *nt = calloc(newsize, sizeof(SetEntry));
    if (!nt) {
        err_no_memory();
        return -1;
    }
    SetEntry *ot = s->table;
    ssize_t on = s->mask + 1;
    for (ssize_t i = 0; i < on; i++)
        if (ot[i].key && ot[i].key != DUMMY) insert_clean(nt, newsize - 1, ot[i].key, ot[i].hash);
    ft_free_mem(ot);  // with free threading, readers may still be in it
    s->table = nt;
    s->mask = (ssize_t)newsize - 1;
    s->fill = s->used;
    return 0;
}

// Finds key: returns the entry holding it, or NULL (not found). *err on error.
static SetEntry *set_lookup(SetObject *s, Object *key, hash_t hash, int *err) {
    *err = 0;
restart:;
    SetEntry *table = s->table;
    size_t mask = (size_t)s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (!e->key) return NULL;
            if (e->key == key) return e;
            if (e->hash == hash && e->key != DUMMY) {
                Object *startkey = e->key;
                if (STR_CHECK_EXACT(startkey) && STR_CHECK_EXACT(key)) {
                    if (str_eq(startkey, key)) return e;
                } else {
                    INCREF(startkey);
                    int eq = obj_eq(startkey, key);
                    DECREF(startkey);
                    if (eq < 0) {
                        *err = 1;
                        return NULL;
                    }
                    if (table != s->table || e->key != startkey) goto restart;
                    if (eq) return e;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_add_hash(SetObject *s, Object *key, hash_t hash) {
    int err;
    if (set_lookup(s, key, hash, &err)) return 0;
    if (err) return -1;
    // Not present: take the first dummy or the empty slot on the probe path.
    SetEntry *table = s->table;
    size_t mask = (size_t)s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *freeslot = NULL, *e;
    for (;;) {
        e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (!e->key) goto found;
            if (e->key == DUMMY && !freeslot) freeslot = e;
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    INCREF(key);
    if (freeslot) {
        freeslot->key = key;
        freeslot->hash = hash;
        s->used++;
        return 0;
    }
    e->key = key;
    e->hash = hash;
    s->fill++;
    s->used++;
    if ((size_t)s->fill * 5 < mask * 3) return 0;
    return set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

int set_add(Object *self, Object *key) {
    hash_t h = key_hash(key);
    if (h == -1) return -1;
    bool held = FT_LOCK((SetObject *)self);
    int r = set_add_hash((SetObject *)self, key, h);
    FT_UNLOCK((SetObject *)self, held);
    return r;
}

int set_contains(Object *self, Object *key) {
    hash_t h = key_hash(key);
    if (h == -1) {
        // An unhashable set is looked up as a frozenset, as CPython does.
        if (ANYSET_CHECK(key) && err_matches(Exc_TypeError)) {
            err_clear();
            Object *f = frozenset_new(key);
            if (!f) return -1;
            int r = set_contains(self, f);
            DECREF(f);
            return r;
        }
        return -1;
    }
    int err;
    bool held = FT_LOCK((SetObject *)self);
    SetEntry *e = set_lookup((SetObject *)self, key, h, &err);
    FT_UNLOCK((SetObject *)self, held);
    return err ? -1 : e != NULL;
}

int set_discard(Object *self, Object *key) {
    hash_t h = key_hash(key);
    if (h == -1) return -1;
    int err;
    bool held = FT_LOCK((SetObject *)self);
    SetEntry *e = set_lookup((SetObject *)self, key, h, &err);
    Object *old = NULL;
    if (e) {
        old = e->key;
        e->key = DUMMY;
        e->hash = -1;
        ((SetObject *)self)->used--;
    }
    FT_UNLOCK((SetObject *)self, held);
    if (err) return -1;
    if (!old) return 0;
    DECREF_ITEM(old);
    return 1;
}

bool set_next(Object *self, ssize_t *pos, Object **key) {
    SetObject *s = (SetObject *)self;
    bool held = FT_LOCK(s);
    ssize_t i = *pos;
    while (i <= s->mask && (!s->table[i].key || s->table[i].key == DUMMY)) i++;
    bool found = i <= s->mask;
    if (found) {
        *key = s->table[i].key;
        *pos = i + 1;
    }
    FT_UNLOCK(s, held);
    return found;
}

int set_update(Object *self, Object *iterable) {
    // With free threading, another set is read through its iterator (one
    // lock at a time).
    if (ANYSET_CHECK(iterable) && !ft_mode) {
        SetObject *o = (SetObject *)iterable;
        SetObject *s = (SetObject *)self;
        if ((s->fill + o->used) * 5 >= s->mask * 3 && set_resize(s, (s->used + o->used) * 2) < 0) return -1;
        for (ssize_t i = 0; i <= o->mask; i++) {
            SetEntry *e = &o->table[i];
            if (e->key && e->key != DUMMY && set_add_hash(s, e->key, e->hash) < 0) return -1;
        }
        return 0;
    }
    if (DICT_CHECK(iterable)) {
        ssize_t pos = 0;
        Object *k;
        while (dict_next(iterable, &pos, &k, NULL))
            if (set_add(self, k) < 0) return -1;
        return 0;
    }
    Object *it = obj_getiter(iterable);
    if (!it) return -1;
    Object *x;
    while ((x = iter_next(it))) {
        int r = set_add(self, x);
        DECREF(x);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

static Object *make_set(TypeObject *type, Object *iterable) {
    SetObject *s = set_alloc(type);
    if (!s) return NULL;
    if (iterable && set_update((Object *)s, iterable) < 0) {
        DECREF(s);
        return NULL;
    }
    return (Object *)s;
}

Object *set_new(Object *iterable) { return make_set(&SetType, iterable); }
Object *frozenset_new(Object *iterable) { return make_set(&FrozenSetType, iterable); }

// A new set of the same exact kind (set or frozenset) as so.
static Object *same_kind(Object *so, Object *iterable) {
    return make_set(type_is_subtype(TYPE(so), &FrozenSetType) ? &FrozenSetType : &SetType, iterable);
}

// ---- repr, hash, compare --------------------------------------------------------------

int repr_enter(Object *o);
void repr_leave(Object *o);

static Object *set_repr(Object *self) {
    SetObject *s = (SetObject *)self;
    bool exact_set = TYPE(self) == &SetType;
    if (s->used == 0) return str_from_format("%s()", type_name(TYPE(self)));
    int rec = repr_enter(self);
    if (rec) return rec > 0 ? str_from_format("%s(...)", type_name(TYPE(self))) : NULL;
    StrBuf sb;
    sb_init(&sb);
    if (!exact_set) sb_printf(&sb, "%s(", type_name(TYPE(self)));
    sb_putc(&sb, '{');
    ssize_t pos = 0;
    Object *k;
    bool first = true;
    while (set_next(self, &pos, &k)) {
        if (!first) sb_puts(&sb, ", ");
        first = false;
        if (sb_put_obj_repr(&sb, k) < 0) {
            sb_free(&sb);
            repr_leave(self);
            return NULL;
        }
    }
    sb_putc(&sb, '}');
    if (!exact_set) sb_putc(&sb, ')');
    repr_leave(self);
    return sb_finish(&sb);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

static hash_t frozenset_hash(Object *self) {
    SetObject *s = (SetObject *)self;
    if (s->hash != -1) return s->hash;
    uint64_t h = 0;
    for (ssize_t i = 0; i <= s->mask; i++) h ^= shuffle_bits((uint64_t)s->table[i].hash);
    if ((s->mask + 1 - s->fill) & 1) h ^= shuffle_bits(0);
    if ((s->fill - s->used) & 1) h ^= shuffle_bits((uint64_t)-1);
    h ^= ((uint64_t)s->used + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    hash_t r = (hash_t)h;
    if (r == -1) r = 590923713;
    s->hash = r;
    return r;
}

static int is_subset(Object *a, Object *b) {
    if (SET_SIZE(a) > SET_SIZE(b)) return 0;
    ssize_t pos = 0;
    Object *k;
    while (set_next(a, &pos, &k)) {
        int c = set_contains(b, k);
        if (c <= 0) return c;
    }
    return 1;
}

static Object *set_richcompare(Object *v, Object *w, int op) {
    if (!ANYSET_CHECK(w)) RETURN_NOTIMPL;
    int r;
    switch (op) {
    case CMP_EQ_OP:
    case CMP_NE_OP:
        r = SET_SIZE(v) == SET_SIZE(w) ? is_subset(v, w) : 0;
        if (r < 0) return NULL;
        return NEWREF(bool_from((op == CMP_EQ_OP) == (r == 1)));
    case CMP_LE_OP: r = is_subset(v, w); break;
    case CMP_GE_OP: r = is_subset(w, v); break;
    case CMP_LT_OP: r = SET_SIZE(v) < SET_SIZE(w) ? is_subset(v, w) : 0; break;
    default: r = SET_SIZE(v) > SET_SIZE(w) ? is_subset(w, v) : 0; break;
    }
    if (r < 0) return NULL;
    return NEWREF(bool_from(r));
}

static ssize_t set_length(Object *self) { return SET_SIZE(self); }
static int set_contains_slot(Object *self, Object *key) { return set_contains(self, key); }

// ---- Algebra ------------------------------------------------------------------------------

static Object *set_intersection2(Object *so, Object *other) {
    Object *result = same_kind(so, NULL);
    if (!result) return NULL;
    if (ANYSET_CHECK(other)) {
        Object *a = so, *b = other;
        if (SET_SIZE(a) > SET_SIZE(b)) a = other, b = so;
        ssize_t pos = 0;
        Object *k;
        while (set_next(a, &pos, &k)) {
            int c = set_contains(b, k);
            if (c < 0 || (c && set_add(result, k) < 0)) {
                DECREF(result);
                return NULL;
            }
        }
        return result;
    }
    Object *it = obj_getiter(other);
    if (!it) {
        DECREF(result);
        return NULL;
    }
    Object *x;
    while ((x = iter_next(it))) {
        int c = set_contains(so, x);
        if (c < 0 || (c && set_add(result, x) < 0)) {
            DECREF(x);
            DECREF(it);
            DECREF(result);
            return NULL;
        }
        DECREF(x);
    }
    DECREF(it);
    if (err_occurred()) {
        DECREF(result);
        return NULL;
    }
    return result;
}

static Object *set_difference2(Object *so, Object *other) {
    Object *o = other, *owned = NULL;
    if (!ANYSET_CHECK(other) && !DICT_CHECK(other)) {
        owned = o = set_new(other);
        if (!o) return NULL;
    }
    Object *result = same_kind(so, NULL);
    if (!result) {
        XDECREF(owned);
        return NULL;
    }
    ssize_t pos = 0;
    Object *k;
    while (set_next(so, &pos, &k)) {
        int c = DICT_CHECK(o) ? dict_contains(o, k) : set_contains(o, k);
        if (c < 0 || (!c && set_add(result, k) < 0)) {
            DECREF(result);
            XDECREF(owned);
            return NULL;
        }
    }
    XDECREF(owned);
    return result;
}

static Object *set_symdiff2(Object *so, Object *other) {
    Object *o = ANYSET_CHECK(other) ? NEWREF(other) : set_new(other);
    if (!o) return NULL;
    Object *result = same_kind(so, so);
    if (!result) {
        DECREF(o);
        return NULL;
    }
    ssize_t pos = 0;
    Object *k;
    while (set_next(o, &pos, &k)) {
        int r = set_discard(result, k);
        if (r < 0 || (r == 0 && set_add(result, k) < 0)) {
            DECREF(result);
            DECREF(o);
            return NULL;
        }
    }
    DECREF(o);
    return result;
}

static Object *set_or(Object *v, Object *w) {
    if (!ANYSET_CHECK(v) || !ANYSET_CHECK(w)) RETURN_NOTIMPL;
    Object *r = same_kind(v, v);
    if (r && set_update(r, w) < 0) CLEAR(r);
    return r;
}

static Object *set_and(Object *v, Object *w) {
    if (!ANYSET_CHECK(v) || !ANYSET_CHECK(w)) RETURN_NOTIMPL;
    return set_intersection2(v, w);
}

static Object *set_sub(Object *v, Object *w) {
    if (!ANYSET_CHECK(v) || !ANYSET_CHECK(w)) RETURN_NOTIMPL;
    return set_difference2(v, w);
}

static Object *set_xor(Object *v, Object *w) {
    if (!ANYSET_CHECK(v) || !ANYSET_CHECK(w)) RETURN_NOTIMPL;
    return set_symdiff2(v, w);
}

// Replaces the contents of so with those of other (a set), in place.
static void set_swap_bodies(SetObject *a, SetObject *b) {
    SetEntry *t = a->table;
    ssize_t fill = a->fill, used = a->used, mask = a->mask;
    a->table = b->table;
    a->fill = b->fill;
    a->used = b->used;
    a->mask = b->mask;
    b->table = t;
    b->fill = fill;
    b->used = used;
    b->mask = mask;
    a->hash = b->hash = -1;
}

static Object *set_ior(Object *v, Object *w) {
    if (!ANYSET_CHECK(w)) RETURN_NOTIMPL;
    if (set_update(v, w) < 0) return NULL;
    return NEWREF(v);
}

static Object *inplace_from(Object *v, Object *r) {
    if (!r) return NULL;
    bool held = FT_LOCK((SetObject *)v);  // r is new and private
    set_swap_bodies((SetObject *)v, (SetObject *)r);
    FT_UNLOCK((SetObject *)v, held);
    DECREF(r);
    return NEWREF(v);
}

static Object *set_iand(Object *v, Object *w) {
    if (!ANYSET_CHECK(w)) RETURN_NOTIMPL;
    return inplace_from(v, set_intersection2(v, w));
}

static Object *set_isub(Object *v, Object *w) {
    if (!ANYSET_CHECK(w)) RETURN_NOTIMPL;
    return inplace_from(v, set_difference2(v, w));
}

static Object *set_ixor(Object *v, Object *w) {
    if (!ANYSET_CHECK(w)) RETURN_NOTIMPL;
    return inplace_from(v, set_symdiff2(v, w));
}

// ---- Iteration ------------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *set;
    ssize_t pos;
    ssize_t used;
    ssize_t remaining;
} SetIterObject;

static void setiter_dealloc(Object *o) {
    XDECREF(((SetIterObject *)o)->set);
    obj_free(o);
}

static int setiter_traverse(Object *o, visitproc visit, void *arg) {
    SetIterObject *it = (SetIterObject *)o;
    return it->set ? visit(it->set, arg) : 0;
}

static Object *setiter_next(Object *o) {
    SetIterObject *it = (SetIterObject *)o;
    if (!it->set) return NULL;
    if (SET_SIZE(it->set) != it->used) {
        it->used = -1;
        return vm_raise(Exc_RuntimeError, "Set changed size during iteration");
    }
    Object *k;
    if (it->remaining <= 0 || !set_next(it->set, &it->pos, &k)) {
        CLEAR(it->set);
        return NULL;
    }
    it->remaining--;
    return NEWREF(k);
}

static Object *self_iter(Object *o) { return NEWREF(o); }

TypeObject SetIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "set_iterator",
    .basicsize = sizeof(SetIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = setiter_dealloc,
    .traverse = setiter_traverse,
    .iter = self_iter,
    .iternext = setiter_next,
};

static Object *set_iter(Object *self) {
    SetIterObject *it = (SetIterObject *)obj_alloc(&SetIterType, sizeof(SetIterObject));
    if (!it) return NULL;
    it->set = NEWREF(self);
    it->used = it->remaining = SET_SIZE(self);
    return (Object *)it;
}

// ---- Methods -----------------------------------------------------------------------------------

#define METHOD(name) static Object *name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

METHOD(set_add_m) {
    if (args_count("set.add", nargs, 1, 1) < 0 || set_add(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

METHOD(set_remove_m) {
    if (args_count("set.remove", nargs, 1, 1) < 0) return NULL;
    int r = set_discard(self, args[0]);
    if (r < 0) return NULL;
    if (r == 0) {
        err_set_value(Exc_KeyError, args[0]);
        return NULL;
    }
    RETURN_NONE;
}

METHOD(set_discard_m) {
    if (args_count("set.discard", nargs, 1, 1) < 0 || set_discard(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

METHOD(set_pop_m) {
    SetObject *s = (SetObject *)self;
    bool held = FT_LOCK(s);
    if (s->used == 0) {
        FT_UNLOCK(s, held);
        return vm_raise(Exc_KeyError, "pop from an empty set");
    }
    ssize_t pos = 0;
    Object *k;
    set_next(self, &pos, &k);
    SetEntry *e = &s->table[pos - 1];
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    FT_UNLOCK(s, held);
    ft_mark_shared(k);
    return k;
}

METHOD(set_clear_m) {
    SetObject *s = (SetObject *)self;
    SetEntry *nt = calloc(SET_MINSIZE, sizeof(SetEntry));
    if (!nt) {
        err_no_memory();
        return NULL;
    }
    bool held = FT_LOCK(s);
    SetEntry *ot = s->table;
    ssize_t n = s->mask + 1;
    s->table = nt;
    s->mask = SET_MINSIZE - 1;
    s->fill = s->used = 0;
    FT_UNLOCK(s, held);
    for (ssize_t i = 0; i < n; i++)
        if (ot[i].key && ot[i].key != DUMMY) DECREF_ITEM(ot[i].key);
    ft_free_mem(ot);
    RETURN_NONE;
}

METHOD(set_copy_m) {
    if (TYPE(self) == &FrozenSetType) return NEWREF(self);
    return same_kind(self, self);
}

METHOD(set_union_m) {
    Object *r = same_kind(self, self);
    for (ssize_t i = 0; r && i < nargs; i++)
        if (set_update(r, args[i]) < 0) CLEAR(r);
    return r;
}

METHOD(set_update_m) {
    for (ssize_t i = 0; i < nargs; i++)
        if (set_update(self, args[i]) < 0) return NULL;
    RETURN_NONE;
}

METHOD(set_intersection_m) {
    Object *r = same_kind(self, self);
    for (ssize_t i = 0; r && i < nargs; i++) {
        Object *n = set_intersection2(r, args[i]);
        DECREF(r);
        r = n;
    }
    return r;
}

METHOD(set_intersection_update_m) {
    Object *r = set_intersection_m(self, args, nargs, kwnames);
    if (!r) return NULL;
    set_swap_bodies((SetObject *)self, (SetObject *)r);
    DECREF(r);
    RETURN_NONE;
}

METHOD(set_difference_m) {
    Object *r = same_kind(self, self);
    for (ssize_t i = 0; r && i < nargs; i++) {
        Object *n = set_difference2(r, args[i]);
        DECREF(r);
        r = n;
    }
    return r;
}

METHOD(set_difference_update_m) {
    Object *r = set_difference_m(self, args, nargs, kwnames);
    if (!r) return NULL;
    set_swap_bodies((SetObject *)self, (SetObject *)r);
    DECREF(r);
    RETURN_NONE;
}

METHOD(set_symdiff_m) {
    if (args_count("symmetric_difference", nargs, 1, 1) < 0) return NULL;
    return set_symdiff2(self, args[0]);
}

METHOD(set_symdiff_update_m) {
    if (args_count("symmetric_difference_update", nargs, 1, 1) < 0) return NULL;
    Object *r = set_symdiff2(self, args[0]);
    if (!r) return NULL;
    set_swap_bodies((SetObject *)self, (SetObject *)r);
    DECREF(r);
    RETURN_NONE;
}

static Object *as_set(Object *o) { return ANYSET_CHECK(o) ? NEWREF(o) : set_new(o); }

METHOD(set_issubset_m) {
    if (args_count("issubset", nargs, 1, 1) < 0) return NULL;
    Object *o = as_set(args[0]);
    if (!o) return NULL;
    int r = is_subset(self, o);
    DECREF(o);
    return r < 0 ? NULL : NEWREF(bool_from(r));
}

METHOD(set_issuperset_m) {
    if (args_count("issuperset", nargs, 1, 1) < 0) return NULL;
    Object *o = as_set(args[0]);
    if (!o) return NULL;
    int r = is_subset(o, self);
    DECREF(o);
    return r < 0 ? NULL : NEWREF(bool_from(r));
}

METHOD(set_isdisjoint_m) {
    if (args_count("isdisjoint", nargs, 1, 1) < 0) return NULL;
    Object *it = obj_getiter(args[0]);
    if (!it) return NULL;
    Object *x;
    while ((x = iter_next(it))) {
        int c = set_contains(self, x);
        DECREF(x);
        if (c) {
            DECREF(it);
            return c < 0 ? NULL : NEWREF(False);
        }
    }
    DECREF(it);
    return err_occurred() ? NULL : NEWREF(True);
}

METHOD(set_contains_m) {
    if (args_count("__contains__", nargs, 1, 1) < 0) return NULL;
    int r = set_contains(self, args[0]);
    return r < 0 ? NULL : NEWREF(bool_from(r));
}

static const MethodDef set_methods[] = {
    {"add", set_add_m, 0, NULL},
    {"remove", set_remove_m, 0, NULL},
    {"discard", set_discard_m, 0, NULL},
    {"pop", set_pop_m, 0, NULL},
    {"clear", set_clear_m, 0, NULL},
    {"copy", set_copy_m, 0, NULL},
    {"union", set_union_m, 0, NULL},
    {"update", set_update_m, 0, NULL},
    {"intersection", set_intersection_m, 0, NULL},
    {"intersection_update", set_intersection_update_m, 0, NULL},
    {"difference", set_difference_m, 0, NULL},
    {"difference_update", set_difference_update_m, 0, NULL},
    {"symmetric_difference", set_symdiff_m, 0, NULL},
    {"symmetric_difference_update", set_symdiff_update_m, 0, NULL},
    {"issubset", set_issubset_m, 0, NULL},
    {"issuperset", set_issuperset_m, 0, NULL},
    {"isdisjoint", set_isdisjoint_m, 0, NULL},
    {"__contains__", set_contains_m, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const MethodDef frozenset_methods[] = {
    {"copy", set_copy_m, 0, NULL},
    {"union", set_union_m, 0, NULL},
    {"intersection", set_intersection_m, 0, NULL},
    {"difference", set_difference_m, 0, NULL},
    {"symmetric_difference", set_symdiff_m, 0, NULL},
    {"issubset", set_issubset_m, 0, NULL},
    {"issuperset", set_issuperset_m, 0, NULL},
    {"isdisjoint", set_isdisjoint_m, 0, NULL},
    {"__contains__", set_contains_m, 0, NULL},
    {NULL, NULL, 0, NULL}};

static Object *set_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    return (Object *)set_alloc(type);
}

static int set_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("set", kwnames) < 0 || args_count("set", nargs, 0, 1) < 0) return -1;
    if (SET_SIZE(self)) {
        Object *r = set_clear_m(self, NULL, 0, NULL);
        if (!r) return -1;
        DECREF(r);
    }
    return nargs ? set_update(self, args[0]) : 0;
}

static Object *frozenset_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("frozenset", kwnames) < 0 || args_count("frozenset", nargs, 0, 1) < 0) return NULL;
    if (nargs && TYPE(args[0]) == &FrozenSetType && type == &FrozenSetType) return NEWREF(args[0]);
    return make_set(type, nargs ? args[0] : NULL);
}

static int set_clear_slot(Object *self) {
    Object *r = set_clear_m(self, NULL, 0, NULL);
    XDECREF(r);
    return r ? 0 : -1;
}

TypeObject SetType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "set",
    .basicsize = sizeof(SetObject),
    .weaklistoffset = offsetof(SetObject, weaklist),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "set() -> new empty set object",
    .dealloc = set_dealloc,
    .repr = set_repr,
    .richcompare = set_richcompare,
    .getattro = obj_generic_getattr,
    .iter = set_iter,
    .tp_new = set_tp_new,
    .init = set_init,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .nb = {[OP_BITOR] = set_or, [OP_BITAND] = set_and, [OP_SUB] = set_sub, [OP_BITXOR] = set_xor},
    .nb_inplace = {[OP_BITOR] = set_ior, [OP_BITAND] = set_iand, [OP_SUB] = set_isub, [OP_BITXOR] = set_ixor},
    .sq_length = set_length,
    .sq_contains = set_contains_slot,
    .methods = set_methods,
};

TypeObject FrozenSetType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "frozenset",
    .basicsize = sizeof(SetObject),
    .weaklistoffset = offsetof(SetObject, weaklist),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "frozenset() -> empty frozenset object",
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .getattro = obj_generic_getattr,
    .iter = set_iter,
    .tp_new = frozenset_tp_new,
    .traverse = set_traverse,
    .nb = {[OP_BITOR] = set_or, [OP_BITAND] = set_and, [OP_SUB] = set_sub, [OP_BITXOR] = set_xor},
    .sq_length = set_length,
    .sq_contains = set_contains_slot,
    .methods = frozenset_methods,
};
