// tuple: an immutable array of references. The empty tuple is a singleton.
#ifndef MINIPY_TUPLE_H
#define MINIPY_TUPLE_H

#include "../object.h"

typedef struct {
    OBJ_HEAD;
    ssize_t size;
    Object *items[];
} TupleObject;

#define TUPLE_ITEMS(o) (((TupleObject *)(o))->items)
#define TUPLE_SIZE(o) (((TupleObject *)(o))->size)

Object *tuple_new(ssize_t size);              // items NULL; fill them (stealing)
Object *tuple_pack(ssize_t n, ...);           // borrows each
Object *tuple_from_array(Object *const *items, ssize_t n);  // borrows
Object *tuple_from_iter(Object *iterable);
Object *tuple_getslice(Object *t, ssize_t lo, ssize_t hi);

#endif
