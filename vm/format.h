// Text formatting of objects: format() and __format__ for the numeric and
// string types, str.format, f-string conversions and the `%` operator.
// The number and padding rules themselves live in util/fmtnum.c.
#ifndef MINIPY_FORMAT_H
#define MINIPY_FORMAT_H

#include "object.h"

// format(value, spec) for each built-in type; spec is a str. New reference.
Object *int_format_spec(Object *value, Object *spec);
Object *float_format_spec(Object *value, Object *spec);
Object *str_format_spec(Object *value, Object *spec);
// format(value, spec): calls type(value).__format__(value, spec). spec may be NULL ('').
Object *obj_format(Object *value, Object *spec);
// str.format(*args, **kwargs) and fmt % args.
Object *str_format_method(Object *fmt, Object *const *args, ssize_t nargs, Object *kwnames);
// str.format_map(mapping).
Object *str_format_map(Object *fmt, Object *mapping);
Object *str_mod_format(Object *fmt, Object *args);
// bytes % args
Object *bytes_mod_format(Object *fmt, Object *args);

#endif
