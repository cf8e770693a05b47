// float: an IEEE-754 double (CPython's Objects/floatobject.c).
#include "../runtime.h"
#include "../format.h"
#include "../../util/fmtnum.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Thread_local FloatObject *float_freelist;
_Thread_local int float_freelist_len;

Object *float_from_double(double v) {
    FloatObject *o = float_freelist;
    if (o) {
        float_freelist = (FloatObject *)o->ob_base.ob_type;
        float_freelist_len--;
        obj_init_refcnt((Object *)o);
        o->ob_base.ob_type = &FloatType;
        obj_note_alloc();
    } else {
        o = (FloatObject *)obj_alloc(&FloatType, sizeof(FloatObject));
        if (!o) return NULL;
    }
    o->v = v;
    return (Object *)o;
}

void float_freelist_clear(void) {
    while (float_freelist) {
        FloatObject *o = float_freelist;
        float_freelist = (FloatObject *)o->ob_base.ob_type;
        free(o);
    }
    float_freelist_len = 0;
}

static void float_dealloc(Object *self) {
    if (TYPE(self) == &FloatType && float_freelist_len < FLOAT_FREELIST_MAX) {
        FloatObject *o = (FloatObject *)self;
        o->ob_base.ob_type = (TypeObject *)float_freelist;
        float_freelist = o;
        float_freelist_len++;
        obj_note_free();
        return;
    }
    obj_free(self);
}

double float_as_double(Object *o) {
    if (FLOAT_CHECK(o)) return float_value(o);
    if (INT_CHECK(o)) return int_as_double(o);
    TypeObject *t = TYPE(o);
    if (t->nb_float) {
        Object *r = t->nb_float(o);
        if (!r) return -1.0;
        if (!FLOAT_CHECK(r)) {
            vm_raise(Exc_TypeError, "%s.__float__ returned non-float (type %s)", type_name(t), type_name(TYPE(r)));
            DECREF(r);
            return -1.0;
        }
        double d = float_value(r);
        DECREF(r);
        return d;
    }
    if (t->nb_index) {
        Object *i = num_index(o);
        if (!i) return -1.0;
        double d = int_as_double(i);
        DECREF(i);
        return d;
    }
    vm_raise(Exc_TypeError, "must be real number, not %s", type_name(t));
    return -1.0;
}

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

hash_t hash_double(double v) {
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    hash_t h = (hash_t)x * sign;
    return h == -1 ? -2 : h;
}

static hash_t float_hash(Object *o) {
    double v = float_value(o);
    if (isnan(v)) {
        uintptr_t p = (uintptr_t)o;
        hash_t h = (hash_t)((p >> 4) | (p << (8 * sizeof(p) - 4)));
        return h == -1 ? -2 : h;
    }
    return hash_double(v);
}

Object *float_repr(Object *o) {
    char *s = fmt_float_repr(float_value(o));
    if (!s) {
        err_no_memory();
        return NULL;
    }
    Object *r = str_from_utf8_len(s, (ssize_t)strlen(s), (ssize_t)strlen(s));
    free(s);
    return r;
}

Object *float_from_string(Object *s) {
    const char *p;
    ssize_t n;
    if (STR_CHECK(s)) {
        p = STR_DATA(s);
        n = STR_NBYTES(s);
    } else if (BYTES_CHECK(s)) {
        p = (const char *)BYTES_DATA(s);
        n = BYTES_SIZE(s);
    } else {
        return vm_raise(Exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                        type_name(TYPE(s)));
    }
    double d;
    if (fmt_parse_float(p, (size_t)n, &d) < 0)
        return vm_raise(Exc_ValueError, "could not convert string to float: %R", s);
    return float_from_double(d);
}

// Converts both operands to doubles, or returns NotImplemented.
#define CONVERT_BINOP(v, w, a, b)                                         \
    double a, b;                                                          \
    do {                                                                  \
        if (FLOAT_CHECK(v)) a = float_value(v);                           \
        else if (INT_CHECK(v)) {                                          \
            a = int_as_double(v);                                         \
            if (a == -1.0 && err_occurred()) return NULL;                 \
        } else RETURN_NOTIMPL;                                            \
        if (FLOAT_CHECK(w)) b = float_value(w);                           \
        else if (INT_CHECK(w)) {                                          \
            b = int_as_double(w);                                         \
            if (b == -1.0 && err_occurred()) return NULL;                 \
        } else RETURN_NOTIMPL;                                            \
    } while (0)

static Object *float_add(Object *v, Object *w) { CONVERT_BINOP(v, w, a, b); return float_from_double(a + b); }
static Object *float_sub(Object *v, Object *w) { CONVERT_BINOP(v, w, a, b); return float_from_double(a - b); }
static Object *float_mul(Object *v, Object *w) { CONVERT_BINOP(v, w, a, b); return float_from_double(a * b); }

static Object *float_div(Object *v, Object *w) {
    CONVERT_BINOP(v, w, a, b);
    if (b == 0.0) return vm_raise(Exc_ZeroDivisionError, "float division by zero");
    return float_from_double(a / b);
}

// CPython's _float_div_mod: floor division and modulo with Python's signs.
static void float_div_mod(double vx, double wx, double *floordiv, double *mod) {
    double div;
    *mod = fmod(vx, wx);
    div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

static Object *float_floordiv(Object *v, Object *w) {
    CONVERT_BINOP(v, w, a, b);
    if (b == 0.0) return vm_raise(Exc_ZeroDivisionError, "float floor division by zero");
    double q, m;
    float_div_mod(a, b, &q, &m);
    return float_from_double(q);
}

static Object *float_mod(Object *v, Object *w) {
    CONVERT_BINOP(v, w, a, b);
    if (b == 0.0) return vm_raise(Exc_ZeroDivisionError, "float modulo");
    double q, m;
    float_div_mod(a, b, &q, &m);
    return float_from_double(m);
}

Object *float_divmod(Object *v, Object *w) {
    CONVERT_BINOP(v, w, a, b);
    if (b == 0.0) return vm_raise(Exc_ZeroDivisionError, "float divmod()");
    double q, m;
    float_div_mod(a, b, &q, &m);
    Object *x = float_from_double(q), *y = float_from_double(m);
    Object *t = x && y ? tuple_pack(2, x, y) : NULL;
    XDECREF(x);
    XDECREF(y);
    return t;
}

static Object *float_pow(Object *v, Object *w) {
    CONVERT_BINOP(v, w, a, b);
    if (b == 0.0) return float_from_double(1.0);
    if (isnan(a)) return float_from_double(a);
    if (a == 0.0 && b < 0.0 && isfinite(b))
        return vm_raise(Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (a < 0.0 && isfinite(a) && isfinite(b) && floor(b) != b)
        return vm_raise(Exc_ValueError, "negative number cannot be raised to a fractional power");
    errno = 0;
    double r = pow(a, b);
    if (isinf(r) && isfinite(a) && isfinite(b))
        return vm_raise(Exc_OverflowError, "(34, 'Numerical result out of range')");
    return float_from_double(r);
}

static Object *float_neg(Object *v) { return float_from_double(-float_value(v)); }
static Object *float_pos(Object *v) { return float_from_double(float_value(v)); }
static Object *float_abs(Object *v) { return float_from_double(fabs(float_value(v))); }
static int float_bool(Object *v) { return float_value(v) != 0.0; }
static Object *float_int(Object *v) { return int_from_double(float_value(v)); }
static Object *float_float(Object *v) {
    if (FLOAT_CHECK_EXACT(v)) return NEWREF(v);
    return float_from_double(float_value(v));
}

static Object *float_richcompare(Object *v, Object *w, int op) {
    double a = float_value(v), b;
    int c;  // -1, 0, 1, or 2 for unordered (NaN)
    if (FLOAT_CHECK(w)) {
        b = float_value(w);
        c = isnan(a) || isnan(b) ? 2 : (a > b) - (a < b);
    } else if (INT_CHECK(w)) {
        IntObject *i = (IntObject *)w;
        if (isnan(a)) c = 2;
        else if (isinf(a)) c = a > 0 ? 1 : -1;
        else if (!i->is_big && i->u.v <= (1L << 53) && i->u.v >= -(1L << 53)) {
            b = (double)i->u.v;
            c = (a > b) - (a < b);
        } else {
            mpz_t z;
            mpz_init(z);
            int_to_mpz(w, z);
            int k = mpz_cmp_d(z, a);
            mpz_clear(z);
            c = (k < 0) - (k > 0);
        }
    } else {
        RETURN_NOTIMPL;
    }
    bool r;
    if (c == 2) r = op == CMP_NE_OP;
    else switch (op) {
        case CMP_LT_OP: r = c < 0; break;
        case CMP_LE_OP: r = c <= 0; break;
        case CMP_EQ_OP: r = c == 0; break;
        case CMP_NE_OP: r = c != 0; break;
        case CMP_GT_OP: r = c > 0; break;
        default: r = c >= 0; break;
        }
    return NEWREF(bool_from(r));
}

static Object *float_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("float", kwnames) < 0 || args_count("float", nargs, 0, 1) < 0) return NULL;
    Object *r = nargs == 0 ? float_from_double(0.0) : num_to_float(args[0]);
    if (!r || type == &FloatType) return r;
    FloatObject *o = (FloatObject *)type_generic_alloc(type, 0);
    if (o) o->v = float_value(r);
    DECREF(r);
    return (Object *)o;
}

static Object *float_is_integer(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    double v = float_value(self);
    return NEWREF(bool_from(isfinite(v) && floor(v) == v));
}

static Object *float_trunc(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return int_from_double(trunc(float_value(self)));
}
static Object *float_floor(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return int_from_double(floor(float_value(self)));
}
static Object *float_ceil(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return int_from_double(ceil(float_value(self)));
}

// Rounds x to ndigits decimal places, correctly (round-half-even on the exact value).
static double round_digits(double x, long ndigits) {
    if (!isfinite(x) || x == 0.0) return x;
    if (ndigits > 323) return x;
    if (ndigits >= 0) {
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
        return strtod(buf, NULL);
    }
    if (ndigits < -308) return copysign(0.0, x);
    double p = pow(10.0, (double)-ndigits);
    double y = x / p, z = nearbyint(y);
    if (fabs(y - z) == 0.5) z = 2.0 * nearbyint(y / 2.0);
    double r = z * p;
    return isfinite(r) ? r : copysign(0.0, x);
}

static Object *float_round(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__round__", nargs, 0, 1) < 0) return NULL;
    double x = float_value(self);
    if (nargs == 0 || args[0] == None) {
        double r = nearbyint(x);   // default rounding mode: half to even
        return int_from_double(r);
    }
    Object *nd = num_index(args[0]);
    if (!nd) return NULL;
    long n;
    if (int_as_long_fast(nd, &n) < 0) n = int_sign(nd) > 0 ? 1000 : -1000;
    DECREF(nd);
    return float_from_double(round_digits(x, n));
}

static Object *float_as_integer_ratio(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    double x = float_value(self);
    if (isinf(x)) return vm_raise(Exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return vm_raise(Exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    Object *a = int_from_mpz(num), *b = int_from_mpz(den);
    mpz_clear(num);
    mpz_clear(den);
    Object *t = a && b ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return t;
}

static Object *float_hex(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    double x = float_value(self);
    if (isnan(x) || isinf(x)) return float_repr(self);
    if (x == 0.0) return str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    char buf[64];
    snprintf(buf, sizeof buf, "%a", x);
    // glibc prints 0x1.8p+1; CPython prints 0x1.8000000000000p+1 (13 hex digits).
    char *p = strchr(buf, 'x');
    char mant[32] = "", *dot = strchr(buf, '.'), *pe = strchr(buf, 'p');
    size_t nd = dot ? (size_t)(pe - dot - 1) : 0;
    if (dot) memcpy(mant, dot + 1, nd);
    while (nd < 13) mant[nd++] = '0';
    mant[nd] = '\0';
    return str_from_format("%s0x%c.%sp%s", x < 0 ? "-" : "", p[1], mant, pe + 1);
}

static Object *float___format__(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__format__", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return vm_raise(Exc_TypeError, "__format__() argument must be str, not %s", type_name(TYPE(args[0])));
    return float_format_spec(self, args[0]);
}

static Object *float_conjugate(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return float_float(self);
}

static Object *float_get_real(Object *self, void *c) { return float_float(self); }
static Object *float_get_imag(Object *self, void *c) { return float_from_double(0.0); }

static const MethodDef float_methods[] = {
    {"is_integer", float_is_integer, 0, NULL},
    {"__trunc__", float_trunc, 0, NULL},
    {"__floor__", float_floor, 0, NULL},
    {"__ceil__", float_ceil, 0, NULL},
    {"__round__", float_round, 0, NULL},
    {"as_integer_ratio", float_as_integer_ratio, 0, NULL},
    {"hex", float_hex, 0, NULL},
    {"conjugate", float_conjugate, 0, NULL},
    {"__format__", float___format__, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef float_getset[] = {
    {"real", float_get_real, NULL, NULL},
    {"imag", float_get_imag, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject FloatType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "float",
    .basicsize = sizeof(FloatObject),
    .flags = TPFLAGS_BASETYPE,
    .doc = "Convert a string or number to a floating point number, if possible.",
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .getattro = obj_generic_getattr,
    .tp_new = float_new,
    .nb = {
        [OP_ADD] = float_add, [OP_SUB] = float_sub, [OP_MUL] = float_mul,
        [OP_TRUEDIV] = float_div, [OP_FLOORDIV] = float_floordiv, [OP_MOD] = float_mod,
        [OP_POW] = float_pow,
    },
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .methods = float_methods,
    .getset = float_getset,
};
