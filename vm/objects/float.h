// float: an IEEE double.
#ifndef MINIPY_FLOAT_H
#define MINIPY_FLOAT_H

#include "../object.h"

typedef struct {
    OBJ_HEAD;
    double v;
} FloatObject;

Object *float_from_double(double v);
static inline double float_value(Object *o) { return ((FloatObject *)o)->v; }
// Converts an int or float (or __float__/__index__ object) to a C double.
// Returns -1.0 with an exception set on failure (check err_occurred()).
double float_as_double(Object *o);
hash_t hash_double(double v);
Object *float_repr(Object *o);
Object *float_from_string(Object *s);       // float(str)

#endif
