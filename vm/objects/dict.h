// dict: CPython's compact, insertion-ordered hash table (an index array into
// a dense entry array). `version` changes on every mutation, for caches.
#ifndef MINIPY_DICT_H
#define MINIPY_DICT_H

#include "../object.h"

typedef struct {
    hash_t hash;
    Object *key;            // NULL: deleted entry
    Object *value;
} DictEntry;

typedef struct {
    ssize_t size;           // number of index slots (power of two)
    ssize_t usable;         // entries that may still be appended
    ssize_t nentries;       // entries used, including deleted ones
    int32_t *indices;       // -1 empty, -2 dummy, else entry index
    DictEntry entries[];
} DictKeys;

typedef struct {
    OBJ_HEAD;
    ssize_t used;
    uint64_t version;
    DictKeys *keys;
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
int dict_update(Object *d, Object *other);     // dict or mapping or iterable of pairs
int dict_merge(Object *d, Object *other, int override);  // other: mapping

#endif
