// range, slice, and the iterators of the builtin sequences.
#ifndef MINIPY_RANGE_H
#define MINIPY_RANGE_H

#include "../object.h"

typedef struct {
    OBJ_HEAD;
    Object *start, *stop, *step, *length;   // ints
} RangeObject;

// Iterator over a range whose values fit in a long.
typedef struct {
    OBJ_HEAD;
    long next, step, remaining;
} RangeIterObject;

typedef struct {
    OBJ_HEAD;
    Object *start, *stop, *step;            // any objects (None when absent)
} SliceObject;

extern TypeObject RangeIterType, LongRangeIterType;

Object *slice_new(Object *start, Object *stop, Object *step);  // borrows; NULL -> None
// Resolves a slice against a sequence of the given length, as
// PySlice_GetIndicesEx: returns the number of items, -1 with an error.
ssize_t slice_indices(Object *slice, ssize_t length, ssize_t *start, ssize_t *stop, ssize_t *step);
// A generic sequence iterator over __getitem__ with 0, 1, 2, ...
Object *seqiter_new(Object *seq);
// Normalizes a possibly negative index; returns -1 with IndexError(msg) if out of range.
ssize_t seq_index(Object *index, ssize_t length, const char *msg);

#endif
