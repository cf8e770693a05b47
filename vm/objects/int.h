// int and bool: arbitrary precision, with a machine-word fast path.
// A value that fits in a long is always stored unboxed in u.v (is_big == 0);
// larger ones use GMP. Small values (-5..1024) are cached and immortal.
#ifndef MINIPY_INT_H
#define MINIPY_INT_H

#include <gmp.h>
#include "../object.h"

typedef struct IntObject {
    OBJ_HEAD;
    int is_big;
    union { long v; mpz_t z; } u;
} IntObject;

#define INT_SMALL_MIN (-5)
#define INT_SMALL_MAX 1024
extern IntObject int_small[INT_SMALL_MAX - INT_SMALL_MIN + 1];

void int_init(void);
static inline Object *int_from_long(long v) {
    extern Object *int_from_long_slow(long v);
    if (v >= INT_SMALL_MIN && v <= INT_SMALL_MAX) {
        Object *o = (Object *)&int_small[v - INT_SMALL_MIN];
        return o; // immortal: no incref needed for correctness, but keep counts honest
    }
    return int_from_long_slow(v);
}
Object *int_from_ssize(ssize_t v);
Object *int_from_ulong(unsigned long v);
Object *int_from_double(double d);          // truncates; errors for inf/nan
Object *int_from_mpz(const mpz_t z);        // copies z, normalizes
Object *int_from_mpz_obj(Object *o);        // exact int with the value of an int (subclass) instance
// Parses s (len bytes) as int() does in the given base (0, or 2..36).
// On failure raises ValueError with CPython's message (quoting orig).
Object *int_from_string(const char *s, size_t len, int base, Object *orig);
// Sets *out to the value if it fits in a long; returns -1 (no exception) if not.
static inline int int_as_long_fast(Object *o, long *out) {
    IntObject *i = (IntObject *)o;
    if (i->is_big) return -1;
    *out = i->u.v;
    return 0;
}
long int_as_long(Object *o);                // OverflowError if too big; -1 w/ error
ssize_t int_as_ssize(Object *o);
double int_as_double(Object *o);            // OverflowError if too big (then -1.0 w/ error)
void int_to_mpz(Object *o, mpz_t out);      // out must be initialized
int int_sign(Object *o);
// GMP aborts the process when an allocation fails, so every operation that
// can make a huge integer asks first: -1 with MemoryError set when an integer
// of `bits` bits could not fit in this machine's memory.
int int_check_bits(double bits);
Object *int_to_decimal(Object *o);          // str(int), with the 4300-digit limit
// Absolute value in base 2/8/10/16 as a malloc'd string; NULL + error on failure.
char *int_abs_digits(Object *o, int base);
Object *int_format_base(Object *o, int base); // bin()/oct()/hex() with prefix
Object *int_pow3(Object *b, Object *e, Object *m);
int int_compare(Object *a, Object *b);      // -1, 0, 1
hash_t int_hash_value(Object *o);
extern int int_max_str_digits;

#endif
