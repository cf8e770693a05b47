// int and bool (CPython's Objects/longobject.c and boolobject.c).
//
// Values that fit in a C long live unboxed in the object (is_big == 0) and
// every operation has a fast path on them using the compiler's overflow
// builtins; on overflow, or for values that are already big, the operation
// is done with GMP and the result normalized back to a small int when it
// fits. So `is_big` is set exactly when the value does not fit in a long,
// which equality and hashing rely on.
#include "../runtime.h"
#include "../../util/fmtnum.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

IntObject int_small[INT_SMALL_MAX - INT_SMALL_MIN + 1];
int int_max_str_digits = 4300;

// A per-thread freelist of int objects (the next pointer is kept in ob_type).
#define INT_FREELIST_MAX 256
static _Thread_local IntObject *int_freelist;
static _Thread_local int int_freelist_len;

void int_init(void) {
    for (long v = INT_SMALL_MIN; v <= INT_SMALL_MAX; v++) {
        IntObject *o = &int_small[v - INT_SMALL_MIN];
        obj_make_immortal((Object *)o);
        o->ob_base.ob_type = &IntType;
        o->is_big = 0;
        o->u.v = v;
    }
}

Object *int_from_long_slow(long v) {
    IntObject *o = int_freelist;
    if (o) {
        int_freelist = (IntObject *)o->ob_base.ob_type;
        int_freelist_len--;
        obj_init_refcnt((Object *)o);
        o->ob_base.ob_type = &IntType;
        obj_note_alloc();
    } else {
        o = (IntObject *)obj_alloc(&IntType, sizeof(IntObject));
        if (!o) return NULL;
    }
    o->is_big = 0;
    o->u.v = v;
    return (Object *)o;
}

static void int_dealloc(Object *self) {
    IntObject *o = (IntObject *)self;
    if (o->is_big) mpz_clear(o->u.z);
    if (TYPE(self) == &IntType && int_freelist_len < INT_FREELIST_MAX) {
        o->ob_base.ob_type = (TypeObject *)int_freelist;
        int_freelist = o;
        int_freelist_len++;
        obj_note_free();
        return;
    }
    obj_free(self);
}

void int_freelist_clear(void) {
    while (int_freelist) {
        IntObject *o = int_freelist;
        int_freelist = (IntObject *)o->ob_base.ob_type;
        free(o);
    }
    int_freelist_len = 0;
}

Object *int_from_ssize(ssize_t v) { return int_from_long((long)v); }

// Takes ownership of z (cleared or moved) and returns the normalized int.
static Object *int_from_mpz_steal(mpz_t z) {
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        mpz_clear(z);
        return int_from_long(v);
    }
    IntObject *o = (IntObject *)obj_alloc(&IntType, sizeof(IntObject));
    if (!o) {
        mpz_clear(z);
        return NULL;
    }
    o->is_big = 1;
    o->u.z[0] = z[0];   // moves the limbs
    return (Object *)o;
}

Object *int_from_mpz(const mpz_t z) {
    mpz_t c;
    mpz_init_set(c, z);
    return int_from_mpz_steal(c);
}

Object *int_from_mpz_obj(Object *o) {
    IntObject *i = (IntObject *)o;
    if (!i->is_big) return int_from_long(i->u.v);
    return int_from_mpz(i->u.z);
}

Object *int_from_ulong(unsigned long v) {
    if (v <= (unsigned long)LONG_MAX) return int_from_long((long)v);
    mpz_t z;
    mpz_init_set_ui(z, v);
    return int_from_mpz_steal(z);
}

Object *int_from_double(double d) {
    if (isinf(d)) return vm_raise(Exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return vm_raise(Exc_ValueError, "cannot convert float NaN to integer");
    if (d > -9.2e18 && d < 9.2e18) return int_from_long((long)d);
    mpz_t z;
    mpz_init_set_d(z, d);
    return int_from_mpz_steal(z);
}

// A read-only mpz view of any int: points at the big value or at a temporary.
typedef struct {
    mpz_t tmp;
    mpz_srcptr p;
    bool owned;
} MpzView;

static void view_init(MpzView *v, Object *o) {
    IntObject *i = (IntObject *)o;
    if (i->is_big) {
        v->p = i->u.z;
        v->owned = false;
    } else {
        mpz_init_set_si(v->tmp, i->u.v);
        v->p = v->tmp;
        v->owned = true;
    }
}

static void view_done(MpzView *v) {
    if (v->owned) mpz_clear(v->tmp);
}

void int_to_mpz(Object *o, mpz_t out) {
    IntObject *i = (IntObject *)o;
    if (i->is_big) mpz_set(out, i->u.z);
    else mpz_set_si(out, i->u.v);
}

int int_check_bits(double bits) {
    if (bits <= (double)mem_max_request * 8) return 0;  // bits in all of physical memory
    err_no_memory();
    return -1;
}

int int_sign(Object *o) {
    IntObject *i = (IntObject *)o;
    if (i->is_big) return mpz_sgn(i->u.z);
    return (i->u.v > 0) - (i->u.v < 0);
}

long int_as_long(Object *o) {
    if (!INT_CHECK(o)) {
        Object *i = num_index(o);
        if (!i) return -1;
        long r = int_as_long(i);
        DECREF(i);
        return r;
    }
    IntObject *i = (IntObject *)o;
    if (!i->is_big) return i->u.v;
    vm_raise(Exc_OverflowError, "Python int too large to convert to C long");
    return -1;
}

ssize_t int_as_ssize(Object *o) { return (ssize_t)int_as_long(o); }

int int_compare(Object *a, Object *b) {
    IntObject *x = (IntObject *)a, *y = (IntObject *)b;
    if (!x->is_big && !y->is_big) return (x->u.v > y->u.v) - (x->u.v < y->u.v);
    MpzView va, vb;
    view_init(&va, a);
    view_init(&vb, b);
    int c = mpz_cmp(va.p, vb.p);
    view_done(&va);
    view_done(&vb);
    return (c > 0) - (c < 0);
}

// ---- Conversion to double, correctly rounded -----------------------------------

// |z| (z != 0, with n = bit length > 64) as a 64-bit mantissa with a sticky
// bit, scaled: returns m and sets *shift so that |z| ~= m * 2**shift.
static double top_bits_sticky(mpz_srcptr z, size_t n, bool extra_sticky, long *shift) {
    mpz_t t;
    mpz_init(t);
    mpz_tdiv_q_2exp(t, z, n - 64);
    mpz_abs(t, t);
    uint64_t m = (uint64_t)mpz_getlimbn(t, 0);
    if (sizeof(mp_limb_t) < 8) m |= (uint64_t)mpz_getlimbn(t, 1) << 32;
    bool sticky = extra_sticky || mpz_scan1(z, 0) < n - 64;
    mpz_clear(t);
    *shift = (long)(n - 64);
    return (double)(m | (uint64_t)sticky);
}

static int mpz_to_double(mpz_srcptr z, double *out) {
    size_t n = mpz_sizeinbase(z, 2);
    if (n <= 63) {
        *out = (double)mpz_get_si(z);
        return 0;
    }
    long shift;
    double m = top_bits_sticky(z, n, false, &shift);
    if (shift > 2000) return -1;
    double d = ldexp(m, (int)shift);
    if (isinf(d)) return -1;
    *out = mpz_sgn(z) < 0 ? -d : d;
    return 0;
}

double int_as_double(Object *o) {
    IntObject *i = (IntObject *)o;
    if (!i->is_big) return (double)i->u.v;
    double d;
    if (mpz_to_double(i->u.z, &d) < 0) {
        vm_raise(Exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

// a / b as a correctly rounded double.
static Object *int_truediv_big(Object *a, Object *b) {
    MpzView va, vb;
    view_init(&va, a);
    view_init(&vb, b);
    Object *res = NULL;
    if (mpz_sgn(vb.p) == 0) {
        vm_raise(Exc_ZeroDivisionError, "division by zero");
        goto done;
    }
    if (mpz_sgn(va.p) == 0) {
        res = float_from_double(mpz_sgn(vb.p) < 0 ? -0.0 : 0.0);
        goto done;
    }
    {
        long na = (long)mpz_sizeinbase(va.p, 2), nb = (long)mpz_sizeinbase(vb.p, 2);
        if (na - nb > 1025) {
            vm_raise(Exc_OverflowError, "integer division result too large for a float");
            goto done;
        }
        // Scale so the quotient has at least 66 bits.
        long s = 66 - (na - nb);
        if (s < 0) s = 0;
        mpz_t num, q, r;
        mpz_init(num);
        mpz_init(q);
        mpz_init(r);
        mpz_abs(num, va.p);
        mpz_mul_2exp(num, num, (mp_bitcnt_t)s);
        mpz_t den;
        mpz_init(den);
        mpz_abs(den, vb.p);
        mpz_tdiv_qr(q, r, num, den);
        size_t nq = mpz_sizeinbase(q, 2);
        long shift;
        double m = top_bits_sticky(q, nq, mpz_sgn(r) != 0, &shift);
        double d = ldexp(m, (int)(shift - s));
        bool neg = (mpz_sgn(va.p) < 0) != (mpz_sgn(vb.p) < 0);
        mpz_clear(num);
        mpz_clear(q);
        mpz_clear(r);
        mpz_clear(den);
        if (isinf(d)) {
            vm_raise(Exc_OverflowError, "integer division result too large for a float");
            goto done;
        }
        res = float_from_double(neg ? -d : d);
    }
done:
    view_done(&va);
    view_done(&vb);
    return res;
}

// ---- Arithmetic ---------------------------------------------------------------------

#define CHECK_BINOP(v, w) \
    if (!INT_CHECK(v) || !INT_CHECK(w)) RETURN_NOTIMPL
#define SMALL(o) (!((IntObject *)(o))->is_big)
#define VAL(o) (((IntObject *)(o))->u.v)

typedef void (*mpz_binop)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static Object *big_binop(Object *v, Object *w, mpz_binop f) {
    MpzView a, b;
    view_init(&a, v);
    view_init(&b, w);
    mpz_t r;
    mpz_init(r);
    f(r, a.p, b.p);
    view_done(&a);
    view_done(&b);
    return int_from_mpz_steal(r);
}

static Object *int_add(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    long r;
    if (SMALL(v) && SMALL(w) && !__builtin_add_overflow(VAL(v), VAL(w), &r)) return int_from_long(r);
    return big_binop(v, w, mpz_add);
}

static Object *int_sub(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    long r;
    if (SMALL(v) && SMALL(w) && !__builtin_sub_overflow(VAL(v), VAL(w), &r)) return int_from_long(r);
    return big_binop(v, w, mpz_sub);
}

static Object *int_mul(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    long r;
    if (SMALL(v) && SMALL(w) && !__builtin_mul_overflow(VAL(v), VAL(w), &r)) return int_from_long(r);
    if (!SMALL(v) && !SMALL(w) &&
        int_check_bits((double)mpz_sizeinbase(((IntObject *)v)->u.z, 2) +
                       (double)mpz_sizeinbase(((IntObject *)w)->u.z, 2)) < 0)
        return NULL;
    return big_binop(v, w, mpz_mul);
}

static Object *int_floordiv(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    if (int_sign(w) == 0) return vm_raise(Exc_ZeroDivisionError, "integer division or modulo by zero");
    if (SMALL(v) && SMALL(w) && !(VAL(v) == LONG_MIN && VAL(w) == -1)) {
        long a = VAL(v), b = VAL(w), q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return int_from_long(q);
    }
    return big_binop(v, w, mpz_fdiv_q);
}

static Object *int_mod(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    if (int_sign(w) == 0) return vm_raise(Exc_ZeroDivisionError, "integer modulo by zero");
    if (SMALL(v) && SMALL(w)) {
        long a = VAL(v), b = VAL(w);
        if (b == -1) return int_from_long(0);
        long r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return int_from_long(r);
    }
    return big_binop(v, w, mpz_fdiv_r);
}

Object *int_divmod(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    if (int_sign(w) == 0) return vm_raise(Exc_ZeroDivisionError, "integer division or modulo by zero");
    Object *q = int_floordiv(v, w);
    if (!q) return NULL;
    Object *r = int_mod(v, w);
    if (!r) {
        DECREF(q);
        return NULL;
    }
    Object *t = tuple_pack(2, q, r);
    DECREF(q);
    DECREF(r);
    return t;
}

static Object *int_truediv(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    if (SMALL(v) && SMALL(w)) {
        long a = VAL(v), b = VAL(w);
        if (b == 0) return vm_raise(Exc_ZeroDivisionError, "division by zero");
        const long lim = 1L << 53;
        if (a <= lim && a >= -lim && b <= lim && b >= -lim) return float_from_double((double)a / (double)b);
    }
    return int_truediv_big(v, w);
}

static Object *int_pow(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    if (int_sign(w) < 0) {
        double a = int_as_double(v), b;
        if (a == -1.0 && err_occurred()) return NULL;
        b = int_as_double(w);
        if (b == -1.0 && err_occurred()) return NULL;
        if (a == 0.0) return vm_raise(Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_from_double(pow(a, b));
    }
    if (SMALL(v) && SMALL(w)) {
        long base = VAL(v), e = VAL(w), r = 1;
        bool ok = true;
        while (e > 0) {
            if (e & 1) {
                if (__builtin_mul_overflow(r, base, &r)) { ok = false; break; }
            }
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base)) { ok = false; break; }
        }
        if (ok) return int_from_long(r);
    }
    MpzView a;
    view_init(&a, v);
    if (!SMALL(w)) {
        // Only 0, 1 and -1 can be raised to such a power.
        int c = mpz_cmpabs_ui(a.p, 1);
        Object *r;
        if (mpz_sgn(a.p) == 0) r = int_from_long(0);
        else if (c == 0) r = int_from_long(mpz_sgn(a.p) > 0 || mpz_even_p(((IntObject *)w)->u.z) ? 1 : -1);
        else r = vm_raise(Exc_MemoryError, "");
        view_done(&a);
        return r;
    }
    unsigned long e = (unsigned long)VAL(w);
    size_t bits = mpz_sizeinbase(a.p, 2);
    if (mpz_cmpabs_ui(a.p, 1) > 0 && int_check_bits((double)bits * (double)e) < 0) {
        view_done(&a);
        return NULL;
    }
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, a.p, e);
    view_done(&a);
    return int_from_mpz_steal(r);
}

Object *int_pow3(Object *b, Object *e, Object *m) {
    if (!INT_CHECK(b) || !INT_CHECK(e) || !INT_CHECK(m))
        return vm_raise(Exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    if (int_sign(m) == 0) return vm_raise(Exc_ValueError, "pow() 3rd argument cannot be 0");
    MpzView vb, ve, vm;
    view_init(&vb, b);
    view_init(&ve, e);
    view_init(&vm, m);
    mpz_t r, base, mod;
    mpz_init(r);
    mpz_init_set(base, vb.p);
    mpz_init(mod);
    mpz_abs(mod, vm.p);
    Object *res = NULL;
    if (mpz_sgn(ve.p) < 0) {
        if (!mpz_invert(base, base, mod)) {
            vm_raise(Exc_ValueError, "base is not invertible for the given modulus");
            goto done;
        }
        mpz_t ne;
        mpz_init(ne);
        mpz_neg(ne, ve.p);
        mpz_powm(r, base, ne, mod);
        mpz_clear(ne);
    } else {
        mpz_powm(r, base, ve.p, mod);
    }
    // Python: the result has the sign of m.
    if (mpz_sgn(vm.p) < 0 && mpz_sgn(r) != 0) mpz_add(r, r, vm.p);
    res = int_from_mpz(r);
done:
    mpz_clear(r);
    mpz_clear(base);
    mpz_clear(mod);
    view_done(&vb);
    view_done(&ve);
    view_done(&vm);
    return res;
}

static Object *int_lshift(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    if (int_sign(w) < 0) return vm_raise(Exc_ValueError, "negative shift count");
    if (int_sign(v) == 0) return int_from_long(0);
    if (!SMALL(w)) return vm_raise(Exc_OverflowError, "too many digits in integer");
    long s = VAL(w);
    if (SMALL(v) && s < 63) {
        long a = VAL(v), r = (long)((unsigned long)a << s);
        if ((r >> s) == a) return int_from_long(r);
    }
    MpzView a;
    view_init(&a, v);
    if (int_check_bits((double)mpz_sizeinbase(a.p, 2) + (double)s) < 0) {
        view_done(&a);
        return NULL;
    }
    mpz_t r;
    mpz_init(r);
    mpz_mul_2exp(r, a.p, (mp_bitcnt_t)s);
    view_done(&a);
    return int_from_mpz_steal(r);
}

static Object *int_rshift(Object *v, Object *w) {
    CHECK_BINOP(v, w);
    if (int_sign(w) < 0) return vm_raise(Exc_ValueError, "negative shift count");
    if (!SMALL(w)) return int_from_long(int_sign(v) < 0 ? -1 : 0);
    long s = VAL(w);
    if (SMALL(v)) {
        long a = VAL(v);
        if (s >= 63) return int_from_long(a < 0 ? -1 : 0);
        return int_from_long(a >> s);
    }
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, ((IntObject *)v)->u.z, (mp_bitcnt_t)s);
    return int_from_mpz_steal(r);
}

#define BITOP(fname, cop, mpzf)                                   \
    static Object *fname(Object *v, Object *w) {                   \
        CHECK_BINOP(v, w);                                          \
        if (SMALL(v) && SMALL(w)) return int_from_long(VAL(v) cop VAL(w)); \
        return big_binop(v, w, mpzf);                               \
    }
BITOP(int_and, &, mpz_and)
BITOP(int_or, |, mpz_ior)
BITOP(int_xor, ^, mpz_xor)
#undef BITOP

static Object *int_neg(Object *v) {
    if (SMALL(v) && VAL(v) != LONG_MIN) return int_from_long(-VAL(v));
    mpz_t r;
    mpz_init(r);
    if (SMALL(v)) mpz_set_si(r, VAL(v));
    else mpz_set(r, ((IntObject *)v)->u.z);
    mpz_neg(r, r);
    return int_from_mpz_steal(r);
}

static Object *int_pos(Object *v) {
    if (INT_CHECK_EXACT(v)) return NEWREF(v);
    return int_from_mpz_obj(v);
}

static Object *int_abs(Object *v) {
    if (int_sign(v) < 0) return int_neg(v);
    return int_pos(v);
}

static Object *int_invert(Object *v) {
    if (SMALL(v)) return int_from_long(~VAL(v));
    mpz_t r;
    mpz_init(r);
    mpz_com(r, ((IntObject *)v)->u.z);
    return int_from_mpz_steal(r);
}

static int int_bool(Object *v) { return int_sign(v) != 0; }

static Object *int_float(Object *v) {
    double d = int_as_double(v);
    if (d == -1.0 && err_occurred()) return NULL;
    return float_from_double(d);
}

// ---- Comparison and hashing ---------------------------------------------------------

static Object *int_richcompare(Object *v, Object *w, int op) {
    if (!INT_CHECK(w)) RETURN_NOTIMPL;
    int c = int_compare(v, w);
    bool r;
    switch (op) {
    case CMP_LT_OP: r = c < 0; break;
    case CMP_LE_OP: r = c <= 0; break;
    case CMP_EQ_OP: r = c == 0; break;
    case CMP_NE_OP: r = c != 0; break;
    case CMP_GT_OP: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return NEWREF(bool_from(r));
}

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

hash_t int_hash_value(Object *o) {
    IntObject *i = (IntObject *)o;
    hash_t h;
    if (!i->is_big) {
        h = i->u.v % (long)HASH_MODULUS;
    } else {
        h = (hash_t)mpz_tdiv_ui(i->u.z, HASH_MODULUS);
        if (mpz_sgn(i->u.z) < 0) h = -h;
    }
    return h == -1 ? -2 : h;
}

static hash_t int_hash(Object *o) { return int_hash_value(o); }

// ---- Conversion to and from text ------------------------------------------------------

static Object *digits_limit_error(void) {
    return vm_raise(Exc_ValueError,
                    "Exceeds the limit (%d digits) for integer string conversion; use "
                    "sys.set_int_max_str_digits() to increase the limit",
                    int_max_str_digits);
}

Object *int_to_decimal(Object *o) {
    IntObject *i = (IntObject *)o;
    if (!i->is_big) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%ld", i->u.v);
        return str_from_utf8_len(buf, n, n);
    }
    size_t est = mpz_sizeinbase(i->u.z, 10);
    if (int_max_str_digits > 0 && est > (size_t)int_max_str_digits + 1) return digits_limit_error();
    char *s = mpz_get_str(NULL, 10, i->u.z);
    if (!s) {
        err_no_memory();
        return NULL;
    }
    size_t n = strlen(s);
    size_t ndig = n - (s[0] == '-');
    Object *r;
    if (int_max_str_digits > 0 && ndig > (size_t)int_max_str_digits) r = digits_limit_error();
    else r = str_from_utf8_len(s, (ssize_t)n, (ssize_t)n);
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    freefunc(s, n + 1);
    return r;
}

char *int_abs_digits(Object *o, int base) {
    IntObject *i = (IntObject *)o;
    mpz_t t;
    if (i->is_big) mpz_init_set(t, i->u.z);
    else mpz_init_set_si(t, i->u.v);
    mpz_abs(t, t);
    if (base == 10 && int_max_str_digits > 0 && mpz_sizeinbase(t, 10) > (size_t)int_max_str_digits + 1) {
        mpz_clear(t);
        digits_limit_error();
        return NULL;
    }
    size_t cap = mpz_sizeinbase(t, base) + 2;
    char *s = malloc(cap);
    if (!s) {
        mpz_clear(t);
        err_no_memory();
        return NULL;
    }
    mpz_get_str(s, base, t);
    mpz_clear(t);
    if (base == 10 && int_max_str_digits > 0 && strlen(s) > (size_t)int_max_str_digits) {
        free(s);
        digits_limit_error();
        return NULL;
    }
    return s;
}

Object *int_format_base(Object *o, int base) {
    char *d = int_abs_digits(o, base);
    if (!d) return NULL;
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
    Object *r = str_from_format("%s%s%s", int_sign(o) < 0 ? "-" : "", prefix, d);
    free(d);
    return r;
}

static Object *int_repr(Object *o) { return int_to_decimal(o); }

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static bool unicode_space(uint32_t c) {
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

Object *int_from_string(const char *s, size_t len, int base, Object *orig) {
    if (base != 0 && (base < 2 || base > 36))
        return vm_raise(Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    // Non-ASCII text: Unicode decimal digits and spaces count, as in CPython.
    if (orig && STR_CHECK(orig) && !STR_ASCII(orig)) {
        StrBuf sb;
        sb_init(&sb);
        bool ok = true;
        for (ssize_t i = 0; i < STR_LEN(orig) && ok; i++) {
            uint32_t c = str_char_at(orig, i);
            int d;
            if (c < 0x80) sb_putc(&sb, (char)c);
            else if (unicode_space(c)) sb_putc(&sb, ' ');
            else if ((d = fmt_unicode_decimal(c)) >= 0) sb_putc(&sb, (char)('0' + d));
            else ok = false;
        }
        Object *r = NULL;
        if (ok) r = int_from_string(sb.buf ? sb.buf : "", (size_t)sb.len, base, NULL);
        sb_free(&sb);
        if (r || (ok && !err_matches(Exc_ValueError))) return r;
        err_clear();
        return vm_raise(Exc_ValueError, "invalid literal for int() with base %d: %R", base, orig);
    }
    const char *p = s, *end = s + len;
    int orig_base = base;
    while (p < end && is_space(*p)) p++;
    while (end > p && is_space(end[-1])) end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            if (p < end && *p == '_') p++;
        }
    }
    if (base == 0) {
        // Decimal: a leading zero is only allowed for zero itself.
        base = 10;
        if (p < end && *p == '0') {
            for (const char *q = p; q < end; q++)
                if (*q != '0' && *q != '_') goto invalid;
        }
    }
    char small[64];
    size_t n = (size_t)(end - p);
    char *digits = n < sizeof small ? small : malloc(n + 1);
    if (!digits) {
        err_no_memory();
        return NULL;
    }
    size_t nd = 0;
    bool prev_us = true;  // no leading underscore
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {
            if (prev_us) goto invalid_free;
            prev_us = true;
            continue;
        }
        if (digit_value(*q) >= base) goto invalid_free;
        digits[nd++] = *q;
        prev_us = false;
    }
    if (nd == 0 || prev_us) goto invalid_free;
    digits[nd] = '\0';
    if ((base & (base - 1)) != 0 && int_max_str_digits > 0 && nd > (size_t)int_max_str_digits) {
        if (digits != small) free(digits);
        return vm_raise(Exc_ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; "
                        "use sys.set_int_max_str_digits() to increase the limit",
                        int_max_str_digits, (ssize_t)nd);
    }
    Object *r;
    if (nd <= 15 && base <= 16) {
        long v = strtol(digits, NULL, base);
        r = int_from_long(neg ? -v : v);
    } else {
        mpz_t z;
        mpz_init(z);
        mpz_set_str(z, digits, base);
        if (neg) mpz_neg(z, z);
        r = int_from_mpz_steal(z);
    }
    if (digits != small) free(digits);
    return r;
invalid_free:
    if (digits != small) free(digits);
invalid:
    if (orig) {
        if (BYTES_CHECK(orig)) {
            Object *rep = obj_repr(orig);
            if (!rep) return NULL;
            vm_raise(Exc_ValueError, "invalid literal for int() with base %d: %U", orig_base, rep);
            DECREF(rep);
            return NULL;
        }
        return vm_raise(Exc_ValueError, "invalid literal for int() with base %d: %R", orig_base, orig);
    }
    Object *tmp = str_from_utf8(s, (ssize_t)len);
    if (!tmp) return NULL;
    vm_raise(Exc_ValueError, "invalid literal for int() with base %d: %R", orig_base, tmp);
    DECREF(tmp);
    return NULL;
}

// ---- Constructor and methods ----------------------------------------------------------------

static Object *int_subtype_new(TypeObject *type, Object *value) {
    IntObject *o = (IntObject *)type_generic_alloc(type, 0);
    if (!o) return NULL;
    IntObject *v = (IntObject *)value;
    o->is_big = v->is_big;
    if (v->is_big) mpz_init_set(o->u.z, v->u.z);
    else o->u.v = v->u.v;
    return (Object *)o;
}

static Object *int_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"", "base"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("int", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    Object *r;
    if (!a[0]) {
        if (a[1]) return vm_raise(Exc_TypeError, "int() missing string argument");
        r = int_from_long(0);
    } else if (!a[1]) {
        r = num_to_int(a[0]);
    } else {
        long base = int_as_long(a[1]);
        if (base == -1 && err_occurred()) return NULL;
        if (STR_CHECK(a[0])) r = int_from_string(STR_DATA(a[0]), (size_t)STR_NBYTES(a[0]), (int)base, a[0]);
        else if (BYTES_CHECK(a[0]))
            r = int_from_string((char *)BYTES_DATA(a[0]), (size_t)BYTES_SIZE(a[0]), (int)base, a[0]);
        else return vm_raise(Exc_TypeError, "int() can't convert non-string with explicit base");
    }
    if (!r || type == &IntType) return r;
    Object *s = int_subtype_new(type, r);
    DECREF(r);
    return s;
}

static Object *int_bit_length(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    IntObject *i = (IntObject *)self;
    if (!i->is_big) {
        unsigned long a = i->u.v < 0 ? 0UL - (unsigned long)i->u.v : (unsigned long)i->u.v;
        return int_from_long(a ? 64 - __builtin_clzl(a) : 0);
    }
    return int_from_long((long)mpz_sizeinbase(i->u.z, 2));
}

static Object *int_bit_count(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    IntObject *i = (IntObject *)self;
    if (!i->is_big) {
        unsigned long a = i->u.v < 0 ? 0UL - (unsigned long)i->u.v : (unsigned long)i->u.v;
        return int_from_long(__builtin_popcountl(a));
    }
    mpz_t t;
    mpz_init(t);
    mpz_abs(t, i->u.z);
    long c = (long)mpz_popcount(t);
    mpz_clear(t);
    return int_from_long(c);
}

static Object *int_self_exact(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return int_pos(self);
}

static Object *int_round(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__round__", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0 || args[0] == None) return int_pos(self);
    Object *nd = num_index(args[0]);
    if (!nd) return NULL;
    if (int_sign(nd) >= 0) {
        DECREF(nd);
        return int_pos(self);
    }
    // Round to a multiple of 10**-ndigits, half to even.
    Object *r = NULL;
    mpz_t p, q, rem, x, half;
    mpz_inits(p, q, rem, x, half, NULL);
    MpzView vn;
    view_init(&vn, nd);
    mpz_t e;
    mpz_init(e);
    mpz_neg(e, vn.p);
    view_done(&vn);
    int_to_mpz(self, x);
    if (!mpz_fits_ulong_p(e) || mpz_get_ui(e) > mpz_sizeinbase(x, 10) + 1) {
        r = int_from_long(0);  // |self| < 10**ndigits / 2
    } else {
        mpz_ui_pow_ui(p, 10, mpz_get_ui(e));
        mpz_fdiv_qr(q, rem, x, p);
        mpz_mul_2exp(half, rem, 1);
        int c = mpz_cmp(half, p);
        if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
        mpz_mul(q, q, p);
        r = int_from_mpz(q);
    }
    mpz_clear(e);
    mpz_clears(p, q, rem, x, half, NULL);
    DECREF(nd);
    return r;
}

static Object *int_to_bytes(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"length", "byteorder", "$signed"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("to_bytes", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
    ssize_t len = 1;
    if (a[0]) {
        len = num_as_ssize(a[0], Exc_OverflowError);
        if (len < 0) {
            if (!err_occurred()) vm_raise(Exc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    bool little = false;
    if (a[1]) {
        if (!STR_CHECK(a[1])) return vm_raise(Exc_TypeError, "to_bytes() argument 'byteorder' must be str");
        if (strcmp(STR_DATA(a[1]), "little") == 0) little = true;
        else if (strcmp(STR_DATA(a[1]), "big") != 0)
            return vm_raise(Exc_ValueError, "byteorder must be either 'little' or 'big'");
    }
    bool sign = a[2] && obj_istrue(a[2]);
    if (!sign && int_sign(self) < 0)
        return vm_raise(Exc_OverflowError, "can't convert negative int to unsigned");
    mpz_t x, m;
    mpz_init(x);
    mpz_init(m);
    int_to_mpz(self, x);
    // Check the range, then take the two's complement modulo 256**len.
    mpz_ui_pow_ui(m, 256, (unsigned long)len);
    bool ok;
    if (sign) {
        mpz_t h;
        mpz_init(h);
        mpz_fdiv_q_2exp(h, m, 1);
        mpz_t nh;
        mpz_init(nh);
        mpz_neg(nh, h);
        ok = mpz_cmp(x, h) < 0 && mpz_cmp(x, nh) >= 0;
        mpz_clear(h);
        mpz_clear(nh);
    } else {
        ok = mpz_cmp(x, m) < 0;
    }
    if (!ok) {
        mpz_clear(x);
        mpz_clear(m);
        return vm_raise(Exc_OverflowError, "int too big to convert");
    }
    if (mpz_sgn(x) < 0) mpz_add(x, x, m);
    Object *b = bytes_new_raw(len);
    if (b) {
        unsigned char *d = BYTES_DATA(b);
        memset(d, 0, (size_t)len);
        size_t count = 0;
        if (mpz_sgn(x)) {
            unsigned char *tmp = mpz_export(NULL, &count, -1, 1, 0, 0, x);
            for (size_t i = 0; i < count && (ssize_t)i < len; i++) d[little ? i : (size_t)len - 1 - i] = tmp[i];
            void (*freefunc)(void *, size_t);
            mp_get_memory_functions(NULL, NULL, &freefunc);
            freefunc(tmp, count);
        }
    }
    mpz_clear(x);
    mpz_clear(m);
    return b;
}

static Object *int_from_bytes(Object *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"bytes", "byteorder", "$signed"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("from_bytes", args, nargs, kwnames, names, 3, 1, a) < 0) return NULL;
    Object *b = a[0];
    Object *owned = NULL;
    if (!BYTES_CHECK(b)) {
        Object *args1[1] = {b};
        owned = b = type_call((Object *)&BytesType, args1, 1, NULL);
        if (!b) return NULL;
    }
    bool little = false;
    if (a[1]) {
        if (!STR_CHECK(a[1])) {
            XDECREF(owned);
            return vm_raise(Exc_TypeError, "from_bytes() argument 'byteorder' must be str");
        }
        little = strcmp(STR_DATA(a[1]), "little") == 0;
        if (!little && strcmp(STR_DATA(a[1]), "big") != 0) {
            XDECREF(owned);
            return vm_raise(Exc_ValueError, "byteorder must be either 'little' or 'big'");
        }
    }
    mpz_t x;
    mpz_init(x);
    ssize_t n = BYTES_SIZE(b);
    if (n) mpz_import(x, (size_t)n, little ? -1 : 1, 1, 0, 0, BYTES_DATA(b));
    if (a[2] && obj_istrue(a[2]) && n && (BYTES_DATA(b)[little ? n - 1 : 0] & 0x80)) {
        mpz_t m;
        mpz_init(m);
        mpz_ui_pow_ui(m, 256, (unsigned long)n);
        mpz_sub(x, x, m);
        mpz_clear(m);
    }
    XDECREF(owned);
    Object *r = int_from_mpz_steal(x);
    if (r && (TypeObject *)type != &IntType) {
        Object *s = obj_call1(type, r);
        DECREF(r);
        return s;
    }
    return r;
}

static Object *int_as_integer_ratio(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *v = int_pos(self);
    if (!v) return NULL;
    Object *one = int_from_long(1);
    Object *t = tuple_pack(2, v, one);
    DECREF(v);
    DECREF(one);
    return t;
}

static Object *int___format__(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__format__", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return vm_raise(Exc_TypeError, "__format__() argument must be str, not %s", type_name(TYPE(args[0])));
    return int_format_spec(self, args[0]);
}

static Object *int_getnewargs(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *v = int_pos(self);
    if (!v) return NULL;
    Object *t = tuple_pack(1, v);
    DECREF(v);
    return t;
}

static Object *int_get_real(Object *self, void *c) { return int_pos(self); }
static Object *int_get_imag(Object *self, void *c) { return int_from_long(0); }
static Object *int_get_one(Object *self, void *c) { return int_from_long(1); }

static const MethodDef int_methods[] = {
    {"bit_length", int_bit_length, 0, NULL},
    {"bit_count", int_bit_count, 0, NULL},
    {"conjugate", int_self_exact, 0, NULL},
    {"__trunc__", int_self_exact, 0, NULL},
    {"__floor__", int_self_exact, 0, NULL},
    {"__ceil__", int_self_exact, 0, NULL},
    {"__round__", int_round, 0, NULL},
    {"to_bytes", int_to_bytes, 0, NULL},
    {"from_bytes", int_from_bytes, METH_CLASS, NULL},
    {"as_integer_ratio", int_as_integer_ratio, 0, NULL},
    {"__format__", int___format__, 0, NULL},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef int_getset[] = {
    {"real", int_get_real, NULL, NULL},
    {"imag", int_get_imag, NULL, NULL},
    {"numerator", int_get_real, NULL, NULL},
    {"denominator", int_get_one, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject IntType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "int",
    .basicsize = sizeof(IntObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_INT_SUBCLASS,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer",
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .getattro = obj_generic_getattr,
    .tp_new = int_new,
    .nb = {
        [OP_ADD] = int_add, [OP_SUB] = int_sub, [OP_MUL] = int_mul,
        [OP_FLOORDIV] = int_floordiv, [OP_MOD] = int_mod, [OP_TRUEDIV] = int_truediv,
        [OP_POW] = int_pow, [OP_LSHIFT] = int_lshift, [OP_RSHIFT] = int_rshift,
        [OP_BITAND] = int_and, [OP_BITOR] = int_or, [OP_BITXOR] = int_xor,
    },
    .nb_negative = int_neg,
    .nb_positive = int_pos,
    .nb_invert = int_invert,
    .nb_absolute = int_abs,
    .nb_bool = int_bool,
    .nb_int = int_pos,
    .nb_float = int_float,
    .nb_index = int_pos,
    .methods = int_methods,
    .getset = int_getset,
};

// ---- bool ------------------------------------------------------------------------------

IntObject FalseObj = {OBJ_HEAD_INIT(&BoolType), 0, {.v = 0}};
IntObject TrueObj = {OBJ_HEAD_INIT(&BoolType), 0, {.v = 1}};

static Object *bool_repr(Object *self) { return str_from_cstr(self == True ? "True" : "False"); }

static Object *bool_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("bool", kwnames) < 0 || args_count("bool", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return NEWREF(False);
    int t = obj_istrue(args[0]);
    if (t < 0) return NULL;
    return NEWREF(bool_from(t));
}

#define BOOL_BITOP(fname, cop, intf)                                                     \
    static Object *fname(Object *v, Object *w) {                                         \
        if (BOOL_CHECK(v) && BOOL_CHECK(w)) return NEWREF(bool_from((v == True) cop (w == True))); \
        return intf(v, w);                                                               \
    }
BOOL_BITOP(bool_and, &, int_and)
BOOL_BITOP(bool_or, |, int_or)
BOOL_BITOP(bool_xor, ^, int_xor)
#undef BOOL_BITOP

TypeObject BoolType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "bool",
    .basicsize = sizeof(IntObject),
    .base = &IntType,
    .flags = TPFLAGS_INT_SUBCLASS,
    .doc = "bool(x) -> bool",
    .repr = bool_repr,
    .tp_new = bool_new,
    .nb = {[OP_BITAND] = bool_and, [OP_BITOR] = bool_or, [OP_BITXOR] = bool_xor},
};
