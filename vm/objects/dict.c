// dict (CPython's Objects/dictobject.c): a compact, insertion-ordered hash
// table. Entries are appended to a dense array in insertion order; a sparse
// index array (open addressing, CPython's perturbed probing) maps hash slots
// to entry positions. Deleting leaves a hole in the entries (key NULL) and a
// DUMMY in the index; resizing compacts both.
#include "../runtime.h"
#include "../gc.h"

#include <stdlib.h>
#include <string.h>

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define PERTURB_SHIFT 5
#define DICT_MINSIZE 8

static inline ssize_t usable_for(ssize_t size) { return (size << 1) / 3; }

static DictKeys *keys_new(ssize_t size) {
    ssize_t usable = usable_for(size);
    size_t bytes = sizeof(DictKeys) + sizeof(DictEntry) * (size_t)usable + sizeof(int32_t) * (size_t)size;
    DictKeys *k = malloc(bytes);
    if (!k) {
        err_no_memory();
        return NULL;
    }
    k->size = size;
    k->usable = usable;
    k->nentries = 0;
    k->version = 0;
    k->indices = (int32_t *)(k->entries + usable);
    memset(k->indices, 0xff, sizeof(int32_t) * (size_t)size);  // IX_EMPTY
    return k;
}

#define DICT_FREELIST_MAX 80
static _Thread_local DictObject *dict_freelist[DICT_FREELIST_MAX];
static _Thread_local int dict_freelist_len;

Object *dict_new(void) {
    DictObject *d;
    if (dict_freelist_len) {
        d = dict_freelist[--dict_freelist_len];
        obj_init_refcnt((Object *)d);
        obj_note_alloc();
        gc_track((Object *)d);
    } else {
        d = (DictObject *)obj_alloc(&DictType, sizeof(DictObject));
        if (!d) return NULL;
    }
    d->used = 0;
    d->keys = NULL;
    return (Object *)d;
}

static void free_keys(DictKeys *k) {
    if (!k) return;
    for (ssize_t i = 0; i < k->nentries; i++) {
        DictEntry *e = &k->entries[i];
        if (e->key) {
            DECREF_ITEM(e->key);
            DECREF_ITEM(e->value);
        }
    }
    ft_free_mem(k);  // with free threading, readers may still be in it
}

static void dict_dealloc(Object *self) {
    DictObject *d = (DictObject *)self;
    DictKeys *k = d->keys;
    d->keys = NULL;
    d->used = 0;
    free_keys(k);
    if (TYPE(self) == &DictType && dict_freelist_len < DICT_FREELIST_MAX) {
        dict_freelist[dict_freelist_len++] = d;
        obj_note_free();
        return;
    }
    obj_free(self);
}

void dict_freelist_clear(void) {
    while (dict_freelist_len) gc_free_memory((Object *)dict_freelist[--dict_freelist_len]);
}

static int dict_traverse(Object *self, visitproc visit, void *arg) {
    DictKeys *k = ((DictObject *)self)->keys;
    if (!k) return 0;
    for (ssize_t i = 0; i < k->nentries; i++) {
        DictEntry *e = &k->entries[i];
        if (e->key && (visit(e->key, arg) || visit(e->value, arg))) return -1;
    }
    return 0;
}

static inline hash_t key_hash(Object *key) {
    if (STR_CHECK_EXACT(key)) {
        hash_t h = __atomic_load_n(&((StrObject *)key)->hash, __ATOMIC_RELAXED);
        return h != -1 ? h : str_hash(key);
    }
    return obj_hash(key);
}

// Finds key: returns its entry index (>= 0), -1 when absent (*slot is then
// the index slot where it would go), or -2 on error.
static ssize_t lookup(DictObject *d, Object *key, hash_t hash, ssize_t *slot) {
restart:;
    DictKeys *k = d->keys;
    if (!k) {
        if (slot) *slot = -1;
        return -1;
    }
    size_t mask = (size_t)k->size - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    ssize_t first_dummy = -1;
    bool str_key = STR_CHECK_EXACT(key);
    for (;;) {
        int32_t ix = k->indices[i];
        if (ix == IX_EMPTY) {
            if (slot) *slot = first_dummy >= 0 ? first_dummy : (ssize_t)i;
            return -1;
        }
        if (ix == IX_DUMMY) {
            if (first_dummy < 0) first_dummy = (ssize_t)i;
        } else {
            DictEntry *e = &k->entries[ix];
            if (e->key == key) return ix;
            if (e->hash == hash) {
                if (str_key && STR_CHECK_EXACT(e->key)) {
                    if (str_eq(e->key, key)) return ix;
                } else {
                    Object *startkey = e->key;
                    INCREF(startkey);
                    int eq = obj_eq(startkey, key);
                    DECREF(startkey);
                    if (eq < 0) return -2;
                    if (d->keys != k || k->entries[ix].key != startkey) goto restart;
                    if (eq) return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Index slot for a new entry with this hash (no equal key is present).
static size_t find_empty_slot(DictKeys *k, hash_t hash) {
    size_t mask = (size_t)k->size - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (k->indices[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static int dict_resize(DictObject *d, ssize_t minused) {
    ssize_t size = DICT_MINSIZE;
    while (usable_for(size) < minused) size <<= 1;
    DictKeys *nk = keys_new(size);
    if (!nk) return -1;
    DictKeys *ok = d->keys;
    if (ok) {
        ssize_t j = 0;
        for (ssize_t i = 0; i < ok->nentries; i++) {
            DictEntry *e = &ok->entries[i];
            if (!e->key) continue;
            nk->entries[j] = *e;
            nk->indices[find_empty_slot(nk, e->hash)] = (int32_t)j;
            j++;
        }
        nk->nentries = j;
        nk->usable -= j;
        ft_free_mem(ok);
    }
    __atomic_store_n(&d->keys, nk, __ATOMIC_RELEASE);  // LOAD_GLOBAL reads it unlocked
    return 0;
}

static uint32_t next_keys_version = 1;

uint32_t dict_keys_version(Object *self) {
    DictKeys *k = ((DictObject *)self)->keys;
    if (!k) return 0;
    if (k->version == 0) {
        uint32_t v = __atomic_load_n(&next_keys_version, __ATOMIC_RELAXED);
        while (v != 0 && !__atomic_compare_exchange_n(&next_keys_version, &v, v + 1, true, __ATOMIC_RELAXED,
                                                      __ATOMIC_RELAXED)) {
        }
        __atomic_store_n(&k->version, v, __ATOMIC_RELAXED);  // 0 once versions run out
    }
    return k->version;
}

Object *dict_lookup_cached(Object *self, Object *key, hash_t hash, ssize_t *ixp, uint32_t *version) {
    DictObject *d = (DictObject *)self;
    bool held = FT_LOCK(d);
    *version = dict_keys_version(self);
    ssize_t ix = lookup(d, key, hash, NULL);
    *ixp = ix;
    Object *v = ix >= 0 ? d->keys->entries[ix].value : NULL;
    FT_UNLOCK(d, held);
    return v;
}

// Inlined into both callers (the free-threading build would otherwise call
// it out of line from dict_getitem, ~10 instructions a lookup).
static inline __attribute__((always_inline)) Object *getitem_hash(Object *self, Object *key, hash_t hash) {
    DictObject *d = (DictObject *)self;
    bool held = FT_LOCK(d);
    ssize_t ix = lookup(d, key, hash, NULL);
    Object *v = ix >= 0 ? d->keys->entries[ix].value : NULL;
    FT_UNLOCK(d, held);
    return v;
}

Object *dict_getitem_hash(Object *self, Object *key, hash_t hash) { return getitem_hash(self, key, hash); }

Object *dict_getitem(Object *self, Object *key) {
    hash_t h = key_hash(key);
    if (h == -1) return NULL;
    return getitem_hash(self, key, h);
}

Object *dict_getitem_str(Object *self, const char *key) {
    Object *k = str_from_cstr(key);
    if (!k) return NULL;
    Object *v = dict_getitem(self, k);
    DECREF(k);
    return v;
}

static int insert(DictObject *d, Object *key, hash_t hash, Object *value) {
    ssize_t slot;
    ssize_t ix = lookup(d, key, hash, &slot);
    if (ix == -2) return -1;
    INCREF(value);
    if (ix >= 0) {
        DictEntry *e = &d->keys->entries[ix];
        Object *old = e->value;
        __atomic_store_n(&e->value, value, __ATOMIC_RELEASE);  // LOAD_GLOBAL reads it unlocked
        DECREF_ITEM(old);
        return 0;
    }
    if (!d->keys || d->keys->usable <= 0) {
        if (dict_resize(d, (d->used + 1) * 3) < 0) {
            DECREF(value);
            return -1;
        }
        slot = (ssize_t)find_empty_slot(d->keys, hash);
    }
    DictKeys *k = d->keys;
    ssize_t n = k->nentries;
    k->entries[n].hash = hash;
    __atomic_store_n(&k->entries[n].key, NEWREF(key), __ATOMIC_RELAXED);
    __atomic_store_n(&k->entries[n].value, value, __ATOMIC_RELAXED);
    k->indices[slot] = (int32_t)n;
    __atomic_store_n(&k->nentries, n + 1, __ATOMIC_RELEASE);  // LOAD_GLOBAL reads it unlocked
    k->usable--;
    __atomic_store_n(&k->version, 0, __ATOMIC_RELAXED);
    d->used++;
    return 0;
}

int dict_setitem(Object *self, Object *key, Object *value) {
    hash_t h = key_hash(key);
    if (h == -1) return -1;
    DictObject *d = (DictObject *)self;
    bool held = FT_LOCK(d);
    int r = insert(d, key, h, value);
    FT_UNLOCK(d, held);
    return r;
}

int dict_setitem_str(Object *self, const char *key, Object *value) {
    Object *k = str_intern_cstr(key);
    if (!k) return -1;
    int r = dict_setitem(self, k, value);
    DECREF(k);
    return r;
}

// Removes the entry at ix found via key/hash.
static void delete_entry(DictObject *d, ssize_t ix, hash_t hash, Object **out) {
    DictKeys *k = d->keys;
    size_t mask = (size_t)k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (k->indices[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    k->indices[i] = IX_DUMMY;
    __atomic_store_n(&k->version, 0, __ATOMIC_RELAXED);
    DictEntry *e = &k->entries[ix];
    Object *key = e->key, *value = e->value;
    __atomic_store_n(&e->key, NULL, __ATOMIC_RELAXED);
    __atomic_store_n(&e->value, NULL, __ATOMIC_RELAXED);
    d->used--;
    DECREF_ITEM(key);
    ft_mark_shared(value);
    if (out) *out = value;
    else DECREF(value);
}

int dict_pop(Object *self, Object *key, Object **out) {
    DictObject *d = (DictObject *)self;
    hash_t h = key_hash(key);
    if (h == -1) return -1;
    bool held = FT_LOCK(d);
    ssize_t ix = lookup(d, key, h, NULL);
    if (ix >= 0) delete_entry(d, ix, h, out);
    FT_UNLOCK(d, held);
    return ix == -2 ? -1 : ix >= 0;
}

int dict_delitem(Object *self, Object *key) {
    int r = dict_pop(self, key, NULL);
    if (r == 0) {
        err_set_value(Exc_KeyError, key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

int dict_contains(Object *self, Object *key) {
    hash_t h = key_hash(key);
    if (h == -1) return -1;
    bool held = FT_LOCK((DictObject *)self);
    ssize_t ix = lookup((DictObject *)self, key, h, NULL);
    FT_UNLOCK((DictObject *)self, held);
    return ix == -2 ? -1 : ix >= 0;
}

void dict_clear(Object *self) {
    DictObject *d = (DictObject *)self;
    bool held = FT_LOCK(d);
    DictKeys *k = d->keys;
    __atomic_store_n(&d->keys, NULL, __ATOMIC_RELEASE);
    d->used = 0;
    FT_UNLOCK(d, held);
    free_keys(k);
}

// dict_next with the entry's hash; the caller holds the lock.
static bool next_entry(DictObject *d, ssize_t *pos, Object **key, Object **value, hash_t *hash) {
    DictKeys *k = d->keys;
    if (!k) return false;
    ssize_t i = *pos;
    while (i < k->nentries && !k->entries[i].key) i++;
    if (i >= k->nentries) return false;
    if (key) *key = k->entries[i].key;
    if (value) *value = k->entries[i].value;
    if (hash) *hash = k->entries[i].hash;
    *pos = i + 1;
    return true;
}

bool dict_next(Object *self, ssize_t *pos, Object **key, Object **value) {
    DictObject *d = (DictObject *)self;
    bool held = FT_LOCK(d);
    bool r = next_entry(d, pos, key, value, NULL);
    FT_UNLOCK(d, held);
    return r;
}

static Object *collect(Object *self, int what) {
    DictObject *d = (DictObject *)self;
    bool held = FT_LOCK(d);
    Object *l = list_new(DICT_SIZE(self));
    if (!l) {
        FT_UNLOCK(d, held);
        return NULL;
    }
    ssize_t pos = 0, i = 0;
    Object *k, *v;
    while (next_entry(d, &pos, &k, &v, NULL)) {
        Object *item;
        if (what == 0) item = NEWREF(k);
        else if (what == 1) item = NEWREF(v);
        else if (!(item = tuple_pack(2, k, v))) {
            FT_UNLOCK(d, held);
            DECREF(l);
            return NULL;
        }
        LIST_ITEMS(l)[i++] = item;
    }
    FT_UNLOCK(d, held);
    return l;
}

Object *dict_keys_list(Object *d) { return collect(d, 0); }
Object *dict_values_list(Object *d) { return collect(d, 1); }
Object *dict_items_list(Object *d) { return collect(d, 2); }

Object *dict_copy(Object *self) {
    Object *c = dict_new();
    if (!c) return NULL;
    if (DICT_SIZE(self) && dict_resize((DictObject *)c, DICT_SIZE(self)) < 0) {
        DECREF(c);
        return NULL;
    }
    ssize_t pos = 0;
    Object *k, *v;
    hash_t h;
    // c is new and private: only self's lock is needed.
    bool held = FT_LOCK((DictObject *)self);
    while (next_entry((DictObject *)self, &pos, &k, &v, &h)) {
        if (insert((DictObject *)c, k, h, v) < 0) {
            FT_UNLOCK((DictObject *)self, held);
            DECREF(c);
            return NULL;
        }
    }
    FT_UNLOCK((DictObject *)self, held);
    return c;
}

// Merges a dict whose items this thread alone can reach or that it may
// lock (other's lock is taken per entry, then self's).
static int dict_merge_exact(Object *self, Object *other, int override) {
    ssize_t pos = 0;
    Object *k, *v;
    hash_t h;
    for (;;) {
        bool oh = FT_LOCK((DictObject *)other);
        bool more = next_entry((DictObject *)other, &pos, &k, &v, &h);
        if (more) {
            INCREF(k);
            INCREF(v);
        }
        FT_UNLOCK((DictObject *)other, oh);
        if (!more) return 0;
        DictObject *d = (DictObject *)self;
        bool held = FT_LOCK(d);
        int r = 0;
        if (!override) r = lookup(d, k, h, NULL);
        if (r == -1) r = 0;
        else if (r >= 0 && !override) r = 1;
        if (r == 0) r = insert(d, k, h, v);
        else if (r == 1) r = 0;
        FT_UNLOCK(d, held);
        DECREF(k);
        DECREF(v);
        if (r < 0) return -1;
    }
}

int dict_merge(Object *self, Object *other, int override) {
    if (DICT_CHECK(other) && (TYPE(other) == &DictType || type_lookup(TYPE(other), S_keys) ==
                                                             type_lookup(&DictType, S_keys))) {
        if (other == self || DICT_SIZE(other) == 0) return 0;
#ifdef MINIPY_FT
        if (ft_mode) {
            // Never hold two dicts' locks at once (two threads merging
            // a into b and b into a would deadlock): merge from a copy.
            Object *snap = dict_copy(other);
            if (!snap) return -1;
            int r = dict_merge_exact(self, snap, override);
            DECREF(snap);
            return r;
        }
#endif
        return dict_merge_exact(self, other, override);
    }
    // A mapping: keys() then [k].
    Object *keys = obj_call_method_obj(other, S_keys, NULL, 0);
    if (!keys) return -1;
    Object *it = obj_getiter(keys);
    DECREF(keys);
    if (!it) return -1;
    Object *k;
    while ((k = iter_next(it))) {
        if (!override) {
            int c = dict_contains(self, k);
            if (c) {
                DECREF(k);
                if (c < 0) {
                    DECREF(it);
                    return -1;
                }
                continue;
            }
        }
        Object *v = obj_getitem(other, k);
        int r = v ? dict_setitem(self, k, v) : -1;
        XDECREF(v);
        DECREF(k);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

static int merge_from_seq2(Object *self, Object *seq) {
    Object *it = obj_getiter(seq);
    if (!it) return -1;
    Object *item;
    ssize_t i = 0;
    while ((item = iter_next(it))) {
        Object *fast = NULL;
        if (TUPLE_CHECK(item) || LIST_CHECK(item)) {
            fast = NEWREF(item);
        } else {
            fast = tuple_from_iter(item);
            if (!fast) {
                if (err_matches(Exc_TypeError)) {
                    err_clear();
                    vm_raise(Exc_TypeError,
                             "cannot convert dictionary update sequence element #%zd to a sequence", i);
                }
                DECREF(item);
                DECREF(it);
                return -1;
            }
        }
        ssize_t n = TUPLE_CHECK(fast) ? TUPLE_SIZE(fast) : LIST_SIZE(fast);
        if (n != 2) {
            vm_raise(Exc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
            DECREF(fast);
            DECREF(item);
            DECREF(it);
            return -1;
        }
        Object **p = TUPLE_CHECK(fast) ? TUPLE_ITEMS(fast) : LIST_ITEMS(fast);
        int r = dict_setitem(self, p[0], p[1]);
        DECREF(fast);
        DECREF(item);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
        i++;
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

int dict_update(Object *self, Object *other) {
    if (DICT_CHECK(other)) return dict_merge(self, other, 1);
    int err;
    Object *keys = obj_lookup_attr(other, S_keys, &err);
    if (err) return -1;
    if (keys) {
        DECREF(keys);
        return dict_merge(self, other, 1);
    }
    return merge_from_seq2(self, other);
}

// ---- Slots ---------------------------------------------------------------------------------

int repr_enter(Object *o);
void repr_leave(Object *o);

static Object *dict_repr(Object *self) {
    if (DICT_SIZE(self) == 0) return str_from_cstr("{}");
    int rec = repr_enter(self);
    if (rec) return rec > 0 ? str_from_cstr("{...}") : NULL;
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, '{');
    ssize_t pos = 0;
    Object *k, *v;
    bool first = true;
    while (dict_next(self, &pos, &k, &v)) {
        if (!first) sb_puts(&sb, ", ");
        first = false;
        INCREF(k);
        INCREF(v);
        int r = sb_put_obj_repr(&sb, k);
        if (r == 0) r = sb_puts(&sb, ": ");
        if (r == 0) r = sb_put_obj_repr(&sb, v);
        DECREF(k);
        DECREF(v);
        if (r < 0) {
            sb_free(&sb);
            repr_leave(self);
            return NULL;
        }
    }
    sb_putc(&sb, '}');
    repr_leave(self);
    return sb_finish(&sb);
}

static ssize_t dict_length(Object *self) { return DICT_SIZE(self); }

static Object *dict_subscript(Object *self, Object *key) {
    hash_t h = key_hash(key);
    if (h == -1) return NULL;
    DictObject *d = (DictObject *)self;
    bool held = FT_LOCK(d);
    ssize_t ix = lookup(d, key, h, NULL);
    Object *v = ix >= 0 ? NEWREF(d->keys->entries[ix].value) : NULL;
    FT_UNLOCK(d, held);
    if (ix == -2) return NULL;
    if (v) return v;
    if (!DICT_CHECK_EXACT(self)) {
        Object *missing = type_lookup(TYPE(self), S___missing__);
        if (missing) {
            Object *args[1] = {key};
            return obj_call_method_obj(self, S___missing__, args, 1);
        }
    }
    err_set_value(Exc_KeyError, key);
    return NULL;
}

static int dict_ass_subscript(Object *self, Object *key, Object *value) {
    if (value) return dict_setitem(self, key, value);
    return dict_delitem(self, key);
}

static int dict_contains_slot(Object *self, Object *key) { return dict_contains(self, key); }

static int dict_equal(Object *a, Object *b) {
    if (DICT_SIZE(a) != DICT_SIZE(b)) return 0;
    ssize_t pos = 0;
    Object *k, *v;
    while (dict_next(a, &pos, &k, &v)) {
        INCREF(k);
        INCREF(v);
        Object *w = dict_getitem(b, k);
        int r;
        if (!w) r = err_occurred() ? -1 : 0;
        else {
            INCREF(w);
            r = obj_eq(v, w);
            DECREF(w);
        }
        DECREF(k);
        DECREF(v);
        if (r <= 0) return r;
    }
    return 1;
}

static Object *dict_richcompare(Object *v, Object *w, int op) {
    if (!DICT_CHECK(w) || (op != CMP_EQ_OP && op != CMP_NE_OP)) RETURN_NOTIMPL;
    int eq = dict_equal(v, w);
    if (eq < 0) return NULL;
    return NEWREF(bool_from((op == CMP_EQ_OP) == (eq == 1)));
}

static Object *dict_or(Object *v, Object *w) {
    if (!DICT_CHECK(v) || !DICT_CHECK(w)) RETURN_NOTIMPL;
    Object *r = dict_copy(v);
    if (r && dict_update(r, w) < 0) CLEAR(r);
    return r;
}

static Object *dict_ior(Object *v, Object *w) {
    if (dict_update(v, w) < 0) return NULL;
    return NEWREF(v);
}

// ---- Iterators and views ---------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *dict;
    ssize_t pos;
    ssize_t used;       // size when created, to detect changes
    ssize_t remaining;
    int kind;           // 0 keys, 1 values, 2 items
    bool reversed;
} DictIterObject;

static void dictiter_dealloc(Object *o) {
    XDECREF(((DictIterObject *)o)->dict);
    obj_free(o);
}

static int dictiter_traverse(Object *o, visitproc visit, void *arg) {
    DictIterObject *it = (DictIterObject *)o;
    return it->dict ? visit(it->dict, arg) : 0;
}

static Object *dictiter_next(Object *o) {
    DictIterObject *it = (DictIterObject *)o;
    if (!it->dict) return NULL;
    DictObject *d = (DictObject *)it->dict;
    bool held = FT_LOCK(d);
    if (d->used != it->used) {
        FT_UNLOCK(d, held);
        it->used = -1;
        return vm_raise(Exc_RuntimeError, "dictionary changed size during iteration");
    }
    DictKeys *k = d->keys;
    DictEntry *e = NULL;
    if (k) {
        if (it->reversed) {
            while (it->pos >= 0 && !k->entries[it->pos].key) it->pos--;
            if (it->pos >= 0) e = &k->entries[it->pos--];
        } else {
            while (it->pos < k->nentries && !k->entries[it->pos].key) it->pos++;
            if (it->pos < k->nentries) e = &k->entries[it->pos++];
        }
    }
    if (!e || it->remaining <= 0) {
        FT_UNLOCK(d, held);
        CLEAR(it->dict);
        return NULL;
    }
    it->remaining--;
    Object *r = it->kind == 0 ? NEWREF(e->key) : it->kind == 1 ? NEWREF(e->value) : tuple_pack(2, e->key, e->value);
    FT_UNLOCK(d, held);
    return r;
}

static Object *dictiter_length_hint(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    DictIterObject *it = (DictIterObject *)o;
    return int_from_ssize(it->dict && it->used == DICT_SIZE(it->dict) ? it->remaining : 0);
}

static Object *self_iter(Object *o) { return NEWREF(o); }

static const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject DictIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "dict_keyiterator",
    .basicsize = sizeof(DictIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = dictiter_dealloc,
    .traverse = dictiter_traverse,
    .iter = self_iter,
    .iternext = dictiter_next,
    .methods = dictiter_methods,
};

static Object *dictiter_new(Object *dict, int kind, bool reversed) {
    DictIterObject *it = (DictIterObject *)obj_alloc(&DictIterType, sizeof(DictIterObject));
    if (!it) return NULL;
    it->dict = NEWREF(dict);
    it->used = DICT_SIZE(dict);
    it->remaining = it->used;
    it->kind = kind;
    it->reversed = reversed;
    bool held = FT_LOCK((DictObject *)dict);
    DictKeys *k = ((DictObject *)dict)->keys;
    it->pos = reversed ? (k ? k->nentries - 1 : -1) : 0;
    FT_UNLOCK((DictObject *)dict, held);
    return (Object *)it;
}

static Object *dict_iter(Object *self) { return dictiter_new(self, 0, false); }

typedef struct {
    OBJ_HEAD;
    Object *dict;
} DictViewObject;

static void dictview_dealloc(Object *o) {
    XDECREF(((DictViewObject *)o)->dict);
    obj_free(o);
}

static int dictview_traverse(Object *o, visitproc visit, void *arg) {
    Object *d = ((DictViewObject *)o)->dict;
    return d ? visit(d, arg) : 0;
}

static ssize_t dictview_len(Object *o) { return DICT_SIZE(((DictViewObject *)o)->dict); }

static int view_kind(Object *o) {
    return TYPE(o) == &DictKeysType ? 0 : TYPE(o) == &DictValuesType ? 1 : 2;
}

static Object *dictview_iter(Object *o) { return dictiter_new(((DictViewObject *)o)->dict, view_kind(o), false); }

static Object *dictview_reversed(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    return dictiter_new(((DictViewObject *)o)->dict, view_kind(o), true);
}

static Object *dictview_repr(Object *o) {
    int rec = repr_enter(o);
    if (rec) return rec > 0 ? str_from_cstr("...") : NULL;
    Object *l = collect(((DictViewObject *)o)->dict, view_kind(o));
    Object *r = NULL;
    if (l) {
        r = str_from_format("%s(%R)", type_name(TYPE(o)), l);
        DECREF(l);
    }
    repr_leave(o);
    return r;
}

static int dictkeys_contains(Object *o, Object *key) { return dict_contains(((DictViewObject *)o)->dict, key); }

static int dictitems_contains(Object *o, Object *item) {
    if (!TUPLE_CHECK(item) || TUPLE_SIZE(item) != 2) return 0;
    Object *v = dict_getitem(((DictViewObject *)o)->dict, TUPLE_ITEMS(item)[0]);
    if (!v) return err_occurred() ? -1 : 0;
    INCREF(v);
    int r = obj_eq(v, TUPLE_ITEMS(item)[1]);
    DECREF(v);
    return r;
}

// Set operations on keys/items views produce sets. Either operand may be
// the view (the reflected case: `{1} - d.keys()`); both become plain sets
// first, so the set operation never dispatches back here.
static Object *to_set(Object *o) {
    return ANYSET_CHECK(o) ? NEWREF(o) : set_new(o);
}

static Object *view_setop(Object *v, Object *w, int op) {
    Object *a = set_new(v);
    if (!a) return NULL;
    Object *b = to_set(w);
    if (!b) {
        DECREF(a);
        return NULL;
    }
    Object *r = num_binop(a, b, op);
    DECREF(a);
    DECREF(b);
    return r;
}

static Object *dictview_and(Object *v, Object *w) { return view_setop(v, w, OP_BITAND); }
static Object *dictview_or(Object *v, Object *w) { return view_setop(v, w, OP_BITOR); }
static Object *dictview_sub(Object *v, Object *w) { return view_setop(v, w, OP_SUB); }
static Object *dictview_xor(Object *v, Object *w) { return view_setop(v, w, OP_BITXOR); }

static Object *dictview_richcompare(Object *v, Object *w, int op) {
    if (TYPE(v) == &DictValuesType) RETURN_NOTIMPL;
    if (!ANYSET_CHECK(w) && TYPE(w) != &DictKeysType && TYPE(w) != &DictItemsType) RETURN_NOTIMPL;
    Object *a = set_new(v);
    if (!a) return NULL;
    Object *r = obj_richcompare(a, w, op);
    DECREF(a);
    return r;
}

static Object *dictview_isdisjoint(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("isdisjoint", nargs, 1, 1) < 0) return NULL;
    Object *it = obj_getiter(args[0]);
    if (!it) return NULL;
    Object *x;
    while ((x = iter_next(it))) {
        int c = obj_contains(o, x);
        DECREF(x);
        if (c != 0) {
            DECREF(it);
            return c < 0 ? NULL : NEWREF(False);
        }
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    return NEWREF(True);
}

static const MethodDef dictview_methods[] = {
    {"isdisjoint", dictview_isdisjoint, 0, NULL},
    {"__reversed__", dictview_reversed, 0, NULL},
    {NULL, NULL, 0, NULL}};

#define DICTVIEW_TYPE(var, tname, contains, setops)                                                \
    TypeObject var = {                                                                             \
        .ob_base = OBJ_HEAD_INIT(&TypeType),                                                   \
        .name = tname,                                                                             \
        .basicsize = sizeof(DictViewObject),                                                       \
        .flags = TPFLAGS_HAVE_GC,                                                                  \
        .dealloc = dictview_dealloc,                                                               \
        .traverse = dictview_traverse,                                                             \
        .repr = dictview_repr,                                                                     \
        .richcompare = dictview_richcompare,                                                       \
        .iter = dictview_iter,                                                                     \
        .sq_length = dictview_len,                                                                 \
        .sq_contains = contains,                                                                   \
        .nb = {[OP_BITAND] = setops ? dictview_and : NULL, [OP_BITOR] = setops ? dictview_or : NULL, \
               [OP_SUB] = setops ? dictview_sub : NULL, [OP_BITXOR] = setops ? dictview_xor : NULL}, \
        .methods = dictview_methods,                                                               \
    };
DICTVIEW_TYPE(DictKeysType, "dict_keys", dictkeys_contains, 1)
DICTVIEW_TYPE(DictValuesType, "dict_values", NULL, 0)
DICTVIEW_TYPE(DictItemsType, "dict_items", dictitems_contains, 1)

static Object *view_new(Object *dict, TypeObject *t) {
    DictViewObject *v = (DictViewObject *)obj_alloc(t, sizeof(DictViewObject));
    if (!v) return NULL;
    v->dict = NEWREF(dict);
    return (Object *)v;
}

// ---- Methods ---------------------------------------------------------------------------------

static Object *dict_keys_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return view_new(self, &DictKeysType);
}
static Object *dict_values_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return view_new(self, &DictValuesType);
}
static Object *dict_items_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return view_new(self, &DictItemsType);
}

static Object *dict_get_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("get", kwnames) < 0 || args_count("get", nargs, 1, 2) < 0) return NULL;
    Object *v = dict_getitem(self, args[0]);
    if (v) return NEWREF(v);
    if (err_occurred()) return NULL;
    return NEWREF(nargs > 1 ? args[1] : None);
}

static Object *dict_setdefault_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("setdefault", kwnames) < 0 || args_count("setdefault", nargs, 1, 2) < 0) return NULL;
    Object *v = dict_getitem(self, args[0]);
    if (v) return NEWREF(v);
    if (err_occurred()) return NULL;
    Object *d = nargs > 1 ? args[1] : None;
    if (dict_setitem(self, args[0], d) < 0) return NULL;
    return NEWREF(d);
}

static Object *dict_pop_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("pop", kwnames) < 0 || args_count("pop", nargs, 1, 2) < 0) return NULL;
    Object *v;
    int r = dict_pop(self, args[0], &v);
    if (r < 0) return NULL;
    if (r) return v;
    if (nargs > 1) return NEWREF(args[1]);
    err_set_value(Exc_KeyError, args[0]);
    return NULL;
}

static Object *dict_popitem_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("popitem", nargs, 0, 0) < 0) return NULL;
    DictObject *d = (DictObject *)self;
    bool held = FT_LOCK(d);
    if (d->used == 0) {
        FT_UNLOCK(d, held);
        return vm_raise(Exc_KeyError, "popitem(): dictionary is empty");
    }
    DictKeys *k = d->keys;
    ssize_t i = k->nentries - 1;
    while (!k->entries[i].key) i--;
    DictEntry *e = &k->entries[i];
    Object *key = NEWREF(e->key), *value;
    delete_entry(d, i, e->hash, &value);
    k->nentries = i;  // the tail is free again
    FT_UNLOCK(d, held);
    Object *t = tuple_pack(2, key, value);
    DECREF(key);
    DECREF(value);
    return t;
}

static Object *dict_update_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("update", nargs, 0, 1) < 0) return NULL;
    if (nargs && dict_update(self, args[0]) < 0) return NULL;
    if (kwnames)
        for (ssize_t i = 0; i < TUPLE_SIZE(kwnames); i++)
            if (dict_setitem(self, TUPLE_ITEMS(kwnames)[i], args[nargs + i]) < 0) return NULL;
    RETURN_NONE;
}

static Object *dict_copy_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("copy", nargs, 0, 0) < 0) return NULL;
    return dict_copy(self);
}

static Object *dict_clear_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("clear", nargs, 0, 0) < 0) return NULL;
    dict_clear(self);
    RETURN_NONE;
}

static Object *dict_fromkeys_m(Object *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("fromkeys", kwnames) < 0 || args_count("fromkeys", nargs, 1, 2) < 0) return NULL;
    Object *d = obj_call0(type);
    if (!d) return NULL;
    Object *value = nargs > 1 ? args[1] : None;
    Object *it = obj_getiter(args[0]);
    if (!it) {
        DECREF(d);
        return NULL;
    }
    Object *k;
    while ((k = iter_next(it))) {
        int r = obj_setitem(d, k, value);
        DECREF(k);
        if (r < 0) {
            DECREF(it);
            DECREF(d);
            return NULL;
        }
    }
    DECREF(it);
    if (err_occurred()) {
        DECREF(d);
        return NULL;
    }
    return d;
}

static Object *dict_getitem_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__getitem__", nargs, 1, 1) < 0) return NULL;
    return dict_subscript(self, args[0]);
}

static Object *dict_reversed_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return dictiter_new(self, 0, true);
}

static Object *dict_sizeof_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    bool held = FT_LOCK((DictObject *)self);
    DictKeys *k = ((DictObject *)self)->keys;
    ssize_t n = (ssize_t)sizeof(DictObject);
    if (k) n += (ssize_t)(sizeof(DictKeys) + sizeof(DictEntry) * (size_t)usable_for(k->size) + 4 * (size_t)k->size);
    FT_UNLOCK((DictObject *)self, held);
    return int_from_ssize(n);
}

static const MethodDef dict_methods[] = {
    {"keys", dict_keys_m, 0, NULL},
    {"values", dict_values_m, 0, NULL},
    {"items", dict_items_m, 0, NULL},
    {"get", dict_get_m, 0, NULL},
    {"setdefault", dict_setdefault_m, 0, NULL},
    {"pop", dict_pop_m, 0, NULL},
    {"popitem", dict_popitem_m, 0, NULL},
    {"update", dict_update_m, 0, NULL},
    {"copy", dict_copy_m, 0, NULL},
    {"clear", dict_clear_m, 0, NULL},
    {"fromkeys", dict_fromkeys_m, METH_CLASS, NULL},
    {"__getitem__", dict_getitem_m, 0, NULL},
    {"__reversed__", dict_reversed_m, 0, NULL},
    {"__sizeof__", dict_sizeof_m, 0, NULL},
    {NULL, NULL, 0, NULL}};

static Object *dict_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (type == &DictType) return dict_new();
    return type_generic_alloc(type, 0);
}

static int dict_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("dict", nargs, 0, 1) < 0) return -1;
    if (nargs && dict_update(self, args[0]) < 0) return -1;
    if (kwnames)
        for (ssize_t i = 0; i < TUPLE_SIZE(kwnames); i++)
            if (dict_setitem(self, TUPLE_ITEMS(kwnames)[i], args[nargs + i]) < 0) return -1;
    return 0;
}

static int dict_clear_slot(Object *self) {
    dict_clear(self);
    return 0;
}

TypeObject DictType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "dict",
    .basicsize = sizeof(DictObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_DICT_SUBCLASS | TPFLAGS_HAVE_GC,
    .doc = "dict() -> new empty dictionary",
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .richcompare = dict_richcompare,
    .getattro = obj_generic_getattr,
    .iter = dict_iter,
    .tp_new = dict_tp_new,
    .init = dict_init,
    .traverse = dict_traverse,
    .clear = dict_clear_slot,
    .nb = {[OP_BITOR] = dict_or},
    .nb_inplace = {[OP_BITOR] = dict_ior},
    .sq_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
    .sq_contains = dict_contains_slot,
    .methods = dict_methods,
};
