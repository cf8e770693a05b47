// set and frozenset: open-addressing hash tables of keys.
#ifndef MINIPY_SET_H
#define MINIPY_SET_H

#include "../object.h"
#include "../ft.h"

typedef struct {
    Object *key;            // NULL empty, &set_dummy deleted
    hash_t hash;
} SetEntry;

typedef struct {
    OBJ_HEAD;
    ssize_t fill;           // active + dummy
    ssize_t used;           // active
    ssize_t mask;           // table size - 1
    SetEntry *table;
    hash_t hash;            // frozenset hash cache, -1
    Object *weaklist;       // weakref list head (vm/objects/weakref.c)
    FT_LOCK_FIELD           // free threading: guards the table (vm/ft.c)
} SetObject;

Object *set_new(Object *iterable);            // iterable may be NULL
Object *frozenset_new(Object *iterable);
int set_add(Object *set, Object *key);
int set_contains(Object *set, Object *key);
int set_discard(Object *set, Object *key);    // 1 removed, 0 absent
int set_update(Object *set, Object *iterable);
bool set_next(Object *set, ssize_t *pos, Object **key);
#define SET_SIZE(o) (((SetObject *)(o))->used)

#endif
