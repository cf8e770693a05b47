// "Did you mean" suggestions for NameError and AttributeError (CPython 3.11's
// Python/suggestions.c).
#ifndef MINIPY_SUGGESTIONS_H
#define MINIPY_SUGGESTIONS_H

#include "object.h"

// The name to suggest for an exception about to be printed: for an exact
// AttributeError with `name` and `obj`, the closest entry of dir(obj); for an
// exact NameError with `name`, the closest local variable name of the
// innermost traceback entry's code, else global, else builtin. New reference
// to a str, or NULL (never leaves an exception set).
Object *suggest_for_exception(Object *exc);

// Call right after a failed attribute lookup of `name` on `obj` (CPython's
// set_attribute_error_context in PyObject_GetAttr): when the exception being
// raised is an AttributeError that has no `name` yet, sets its `name` and
// `obj` attributes so that printing it can offer a suggestion. Does nothing
// otherwise; the exception stays set.
void exc_set_attr_context(Object *obj, Object *name);

// Levenshtein distance with CPython's costs (2 per edit, 1 for a case change);
// a result above max_cost means "too far". Exposed for unit tests.
long suggestion_distance(const char *a, size_t a_size, const char *b, size_t b_size, size_t max_cost);

#endif
