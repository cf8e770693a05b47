// Weak references (vm/objects/weakref.c).
#ifndef MINIPY_WEAKREF_H
#define MINIPY_WEAKREF_H

#include "../object.h"

typedef struct WeakrefObject {
    OBJ_HEAD;
    Object *referent;           // borrowed; NULL once it is gone
    Object *callback;           // strong, or NULL
    hash_t hash;                // hash(referent), cached; -1 until asked
    struct WeakrefObject *prev, *next;  // the referent's list
} WeakrefObject;

extern TypeObject WeakrefType;

bool weakref_supported(Object *o);
Object *weakref_get(WeakrefObject *r);  // the referent (new reference) or NULL
ssize_t weakref_count(Object *o);
Object *weakref_list(Object *o);        // list of the weakrefs to o
Object *weakref_first(Object *o);       // __weakref__: the first weakref or None
void weakref_after_fork_child(void);

#endif
