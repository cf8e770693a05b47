// dict: CPython's compact, insertion-ordered hash table (an index array into
// a dense entry array). With free threading, each operation holds the dict's
// lock (vm/ft.c).
#ifndef MINIPY_DICT_H
#define MINIPY_DICT_H

#include "../object.h"
#include "../ft.h"

typedef struct {
    hash_t hash;
    Object *key;            // NULL: deleted entry
    Object *value;
} DictEntry;

typedef struct {
    ssize_t size;           // number of index slots (power of two)
    ssize_t usable;         // entries that may still be appended
    ssize_t nentries;       // entries used, including deleted ones
    uint32_t version;       // keys version for caches; 0 = none (reset when keys change)
    int32_t *indices;       // -1 empty, -2 dummy, else entry index
    DictEntry entries[];
} DictKeys;

typedef struct {
    OBJ_HEAD;
    ssize_t used;
    DictKeys *keys;
    FT_LOCK_FIELD           // free threading: guards keys and used (vm/ft.c)
} DictObject;

#define DICT_SIZE(o) (((DictObject *)(o))->used)

Object *dict_new(void);
// Borrowed reference or NULL; NULL also when an error (from __eq__/__hash__)
// occurred: check err_occurred() if it matters.
Object *dict_getitem(Object *d, Object *key);
Object *dict_getitem_str(Object *d, const char *key);
// Like dict_getitem but with a precomputed hash.
Object *dict_getitem_hash(Object *d, Object *key, hash_t hash);
int dict_setitem(Object *d, Object *key, Object *value);   // borrows both
int dict_setitem_str(Object *d, const char *key, Object *value);
int dict_delitem(Object *d, Object *key);                  // KeyError if absent
// Removes key if present: 1 removed (*out gets the value, new ref, if out != NULL), 0 absent.
int dict_pop(Object *d, Object *key, Object **out);
int dict_contains(Object *d, Object *key);
void dict_clear(Object *d);
// Iterates: *pos starts at 0; returns false at the end. Borrowed key/value.
bool dict_next(Object *d, ssize_t *pos, Object **key, Object **value);
Object *dict_keys_list(Object *d);
Object *dict_values_list(Object *d);
Object *dict_items_list(Object *d);
Object *dict_copy(Object *d);
// The version of d's keys (assigned on demand; it changes when a key is added
// or removed, not when a value changes), or 0 if none can be given. Lets a
// cache remember an entry index (CPython's dk_version).
uint32_t dict_keys_version(Object *d);
// For LOAD_GLOBAL's inline cache: looks key up and returns its value
// (borrowed) or NULL (also on error: check err_occurred()), with its entry
// index in *ix and the keys version read at the same time in *version.
Object *dict_lookup_cached(Object *d, Object *key, hash_t hash, ssize_t *ix, uint32_t *version);
int dict_update(Object *d, Object *other);     // dict or mapping or iterable of pairs
int dict_merge(Object *d, Object *other, int override);  // other: mapping

#endif
