// list: a growable array of references.
#ifndef MINIPY_LIST_H
#define MINIPY_LIST_H

#include "../object.h"
#include "../ft.h"

typedef struct {
    OBJ_HEAD;
    ssize_t size;
    ssize_t allocated;
    Object **items;
    FT_LOCK_FIELD           // free threading: guards size, allocated, items (vm/ft.c)
} ListObject;

#define LIST_ITEMS(o) (((ListObject *)(o))->items)
#define LIST_SIZE(o) (((ListObject *)(o))->size)

Object *list_new(ssize_t size);               // items set to NULL; fill with LIST_ITEMS
int list_append(Object *list, Object *item);  // borrows item
int list_extend(Object *list, Object *iterable);
Object *list_from_iter(Object *iterable);
Object *list_as_tuple(Object *list);
int list_sort(Object *list, Object *key, bool reverse);
int list_insert(Object *list, ssize_t where, Object *item);

#endif
