// float: an IEEE double.
#ifndef MINIPY_FLOAT_H
#define MINIPY_FLOAT_H

#include "../object.h"

typedef struct {
    OBJ_HEAD;
    double v;
} FloatObject;

Object *float_from_double(double v);

// The free list of float boxes (per thread), for the eval loop's inlined
// float arithmetic: a box off the list, or back onto it.
#define FLOAT_FREELIST_MAX 256
extern _Thread_local FloatObject *float_freelist;
extern _Thread_local int float_freelist_len;
static inline Object *float_from_double_inline(double v) {
    FloatObject *o = float_freelist;
    if (!o) return float_from_double(v);
    float_freelist = (FloatObject *)o->ob_base.ob_type;
    float_freelist_len--;
    obj_init_refcnt((Object *)o);
    o->ob_base.ob_type = &FloatType;
    obj_note_alloc();
    o->v = v;
    return (Object *)o;
}
#ifndef MINIPY_FT
// DECREF of an exact float: a box whose count reaches zero goes straight onto
// the free list (float_dealloc's work without the calls). Only in the GIL
// build; with biased counting DECREF has more to do.
static inline void float_decref(Object *o) {
    if (--o->ob_refcnt == 0) {
        if (float_freelist_len < FLOAT_FREELIST_MAX) {
            o->ob_type = (TypeObject *)float_freelist;
            float_freelist = (FloatObject *)o;
            float_freelist_len++;
            obj_note_free();
        } else {
            obj_dealloc(o);
        }
    }
}
#else
#define float_decref(o) DECREF(o)
#endif
static inline double float_value(Object *o) { return ((FloatObject *)o)->v; }
// Converts an int or float (or __float__/__index__ object) to a C double.
// Returns -1.0 with an exception set on failure (check err_occurred()).
double float_as_double(Object *o);
hash_t hash_double(double v);
Object *float_repr(Object *o);
Object *float_from_string(Object *s);       // float(str)

#endif
