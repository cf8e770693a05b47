// The math module (CPython's Modules/mathmodule.c).
//
// Error conventions follow CPython: an invalid argument (NaN from a non-NaN
// input, or a singularity) raises ValueError("math domain error"); overflow
// raises OverflowError("math range error"); underflow quietly returns a
// zero. Integer functions (factorial, gcd, comb, isqrt, ...) work on
// arbitrary-precision ints through GMP. log() of an int too large for a
// double is computed from its mantissa and exponent, as CPython does.
//
// The algorithms whose results are observable bit for bit follow CPython's:
// fsum (Shewchuk/Neumaier exact partials with half-even fix-up), hypot/dist
// (scaled compensated vector norm), gamma/lgamma (Lanczos, N=13), pow,
// atan2, remainder and the special-value rules.
#include "../vm/runtime.h"
#include "modules.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const double PI = 3.141592653589793238462643383279502884197;
static const double LOGPI = 1.144729885849400174143427351353058711647;

// ---- Argument helpers -------------------------------------------------------------

static int no_kw(const char *name, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "math.%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

// METH_O functions.
static int check_one(const char *name, ssize_t nargs, Object *kwnames) {
    if (no_kw(name, kwnames) < 0) return -1;
    if (nargs != 1) {
        vm_raise(Exc_TypeError, "math.%s() takes exactly one argument (%zd given)", name, nargs);
        return -1;
    }
    return 0;
}

// Positional-only functions of a fixed or bounded arity.
static int check_n(const char *name, ssize_t nargs, Object *kwnames, ssize_t min, ssize_t max) {
    if (no_kw(name, kwnames) < 0) return -1;
    if (nargs >= min && nargs <= max) return 0;
    if (min == max)
        vm_raise(Exc_TypeError, "%s expected %zd argument%s, got %zd", name, min, min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        vm_raise(Exc_TypeError, "%s expected at least %zd argument%s, got %zd", name, min, min == 1 ? "" : "s",
                 nargs);
    else
        vm_raise(Exc_TypeError, "%s expected at most %zd argument%s, got %zd", name, max, max == 1 ? "" : "s",
                 nargs);
    return -1;
}

// A real number argument as a double; -1 with TypeError/OverflowError.
static int as_double(Object *o, double *out) {
    if (FLOAT_CHECK_EXACT(o)) {
        *out = float_value(o);
        return 0;
    }
    double d = float_as_double(o);
    if (d == -1.0 && err_occurred()) return -1;
    *out = d;
    return 0;
}

static Object *fret(double d) { return float_from_double(d); }

// Called when errno is set after a libm call: raises (returns 1), or
// returns 0 for a harmless underflow (CPython's is_error).
static int is_error(double x) {
    if (errno == EDOM) {
        vm_raise(Exc_ValueError, "math domain error");
        return 1;
    }
    if (errno == ERANGE) {
        if (fabs(x) < 1.5) return 0;
        vm_raise(Exc_OverflowError, "math range error");
        return 1;
    }
    vm_raise(Exc_ValueError, "math domain error");
    return 1;
}

// Wraps a libm function of one double (CPython's math_1).
static Object *math_1(Object *arg, double (*func)(double), int can_overflow) {
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    errno = 0;
    double r = func(x);
    if (isnan(r) && !isnan(x)) return vm_raise(Exc_ValueError, "math domain error");
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) return vm_raise(Exc_OverflowError, "math range error");
        return vm_raise(Exc_ValueError, "math domain error");
    }
    if (isfinite(r) && errno && is_error(r)) return NULL;
    return fret(r);
}

// For functions known to set errno properly (math_1a).
static Object *math_1a(Object *arg, double (*func)(double)) {
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    errno = 0;
    double r = func(x);
    if (errno && is_error(r)) return NULL;
    return fret(r);
}

// Wraps a libm function of two doubles (math_2).
static Object *math_2(const char *name, Object *const *args, ssize_t nargs, Object *kwnames,
                      double (*func)(double, double)) {
    if (check_n(name, nargs, kwnames, 2, 2) < 0) return NULL;
    double x, y;
    if (as_double(args[0], &x) < 0 || as_double(args[1], &y) < 0) return NULL;
    errno = 0;
    double r = func(x, y);
    if (isnan(r)) errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    else if (isinf(r)) errno = isfinite(x) && isfinite(y) ? ERANGE : 0;
    if (errno && is_error(r)) return NULL;
    return fret(r);
}

#define FUNC1(name, func, can_overflow)                                                          \
    static Object *math_##name(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) { \
        if (check_one(#name, nargs, kwnames) < 0) return NULL;                                   \
        return math_1(args[0], func, can_overflow);                                              \
    }

#define FUNC1A(name, func)                                                                       \
    static Object *math_##name(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) { \
        if (check_one(#name, nargs, kwnames) < 0) return NULL;                                   \
        return math_1a(args[0], func);                                                           \
    }

#define FUNC2(name, func)                                                                        \
    static Object *math_##name(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) { \
        return math_2(#name, args, nargs, kwnames, func);                                        \
    }

// ---- Special functions ---------------------------------------------------------------

// sin(pi*x), accurate for x near integers (for the reflection formula).
static double m_sinpi(double x) {
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
    case 0: r = sin(PI * y); break;
    case 1: r = cos(PI * (y - 0.5)); break;
    case 2: r = sin(PI * (1.0 - y)); break;
    case 3: r = -cos(PI * (y - 1.5)); break;
    default: r = sin(PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

// Lanczos approximation, N = 13, g = 6.024680040776729583740234375 (the
// Boost parameters CPython uses), as a rational function.
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};

#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0};

static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    // For large x, evaluate as a rational function of 1/x to avoid overflow.
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

static double m_tgamma(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL) return gamma_integral[(int)x - 1];
    }
    double absx = fabs(x), r;
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r)) errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    // Correct for the rounding error in y = absx + g - 0.5.
    volatile double y = absx + lanczos_g_minus_half;
    volatile double q, z;
    if (absx > lanczos_g_minus_half) {
        q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -PI / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r)) errno = ERANGE;
    return r;
}

static double m_lgamma(double x) {
    if (!isfinite(x)) return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20) return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) r = LOGPI - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r)) errno = ERANGE;
    return r;
}

static double m_atan2(double y, double x) {
    if (isnan(x) || isnan(y)) return NAN;
    if (isinf(y)) {
        if (isinf(x)) return copysign(copysign(1., x) == 1. ? 0.25 * PI : 0.75 * PI, y);
        return copysign(0.5 * PI, y);
    }
    if (isinf(x) || y == 0.) return copysign(copysign(1., x) == 1. ? 0. : PI, y);
    return atan2(y, x);
}

// IEEE 754 remainder: x - n*y with n the nearest integer to x/y, ties to even.
static double m_remainder(double x, double y) {
    if (isfinite(x) && isfinite(y)) {
        if (y == 0.0) return NAN;
        double absx = fabs(x), absy = fabs(y);
        double m = fmod(absx, absy);
        double c = absy - m, r;
        if (m < c) r = m;
        else if (m > c) r = -c;
        else r = m - 2.0 * fmod(0.5 * (absx - m), absy);  // halfway: the even multiple
        return copysign(1.0, x) * r;
    }
    if (isnan(x)) return x;
    if (isnan(y)) return y;
    if (isinf(x)) return NAN;
    return x;
}

static double m_log(double x) {
    if (isfinite(x)) {
        if (x > 0.0) return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

static double m_log2(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0) return log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

static double m_log10(double x) {
    if (isfinite(x)) {
        if (x > 0.0) return log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

static double m_log1p(double x) {
    if (x == 0.0) return x;  // keeps the sign of -0.0
    return log1p(x);
}

FUNC1(acos, acos, 0)
FUNC1(acosh, acosh, 0)
FUNC1(asin, asin, 0)
FUNC1(asinh, asinh, 0)
FUNC1(atan, atan, 0)
FUNC2(atan2, m_atan2)
FUNC1(atanh, atanh, 0)
FUNC1(cbrt, cbrt, 0)
FUNC2(copysign, copysign)
FUNC1(cos, cos, 0)
FUNC1(cosh, cosh, 1)
FUNC1A(erf, erf)
FUNC1A(erfc, erfc)
FUNC1(exp, exp, 1)
FUNC1(exp2, exp2, 1)
FUNC1(expm1, expm1, 1)
FUNC1(fabs, fabs, 0)
FUNC1A(gamma, m_tgamma)
FUNC1A(lgamma, m_lgamma)
FUNC1(log1p, m_log1p, 0)
FUNC2(remainder, m_remainder)
FUNC1(sin, sin, 0)
FUNC1(sinh, sinh, 1)
FUNC1(sqrt, sqrt, 0)
FUNC1(tan, tan, 0)
FUNC1(tanh, tanh, 0)

// ---- Rounding to int ---------------------------------------------------------------------

static Object *round_to_int(const char *name, Object *x, Object *dunder, double (*func)(double)) {
    double d;
    if (FLOAT_CHECK_EXACT(x)) return int_from_double(func(float_value(x)));
    if (INT_CHECK_EXACT(x)) return NEWREF(x);
    if (type_lookup(TYPE(x), dunder)) return obj_call_method_obj(x, dunder, NULL, 0);
    if (as_double(x, &d) < 0) return NULL;
    return int_from_double(func(d));
}

static Object *math_floor(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("floor", nargs, kwnames) < 0) return NULL;
    return round_to_int("floor", args[0], S___floor__, floor);
}

static Object *math_ceil(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("ceil", nargs, kwnames) < 0) return NULL;
    return round_to_int("ceil", args[0], S___ceil__, ceil);
}

static Object *math_trunc(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("trunc", nargs, kwnames) < 0) return NULL;
    Object *x = args[0];
    if (FLOAT_CHECK_EXACT(x)) return int_from_double(trunc(float_value(x)));
    if (INT_CHECK_EXACT(x)) return NEWREF(x);
    if (!type_lookup(TYPE(x), S___trunc__))
        return vm_raise(Exc_TypeError, "type %s doesn't define __trunc__ method", type_name(TYPE(x)));
    return obj_call_method_obj(x, S___trunc__, NULL, 0);
}

// ---- Integer functions ---------------------------------------------------------------------

// The value of an index argument as an mpz (initialized here; clear it).
static int index_mpz(Object *o, mpz_t out) {
    Object *i = num_index(o);
    if (!i) return -1;
    mpz_init(out);
    int_to_mpz(i, out);
    DECREF(i);
    return 0;
}

static Object *factorial_of(Object *arg) {
    Object *i = num_index(arg);
    if (!i) return NULL;
    long n;
    int fits = int_as_long_fast(i, &n) == 0;
    int sign = int_sign(i);
    DECREF(i);
    if (sign < 0) return vm_raise(Exc_ValueError, "factorial() not defined for negative values");
    if (!fits) return vm_raise(Exc_OverflowError, "factorial() argument should not exceed %ld", (long)LONG_MAX);
    if (n <= 20) {
        long f = 1;
        for (long k = 2; k <= n; k++) f *= k;
        return int_from_long(f);
    }
    if (int_check_bits((double)n * log2((double)n)) < 0) return NULL;
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)n);
    Object *r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

static Object *math_factorial(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("factorial", nargs, kwnames) < 0) return NULL;
    return factorial_of(args[0]);
}

static Object *math_isqrt(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("isqrt", nargs, kwnames) < 0) return NULL;
    mpz_t z;
    if (index_mpz(args[0], z) < 0) return NULL;
    if (mpz_sgn(z) < 0) {
        mpz_clear(z);
        return vm_raise(Exc_ValueError, "isqrt() argument must be nonnegative");
    }
    mpz_sqrt(z, z);
    Object *r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

static Object *math_gcd(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (no_kw("gcd", kwnames) < 0) return NULL;
    mpz_t g, x;
    mpz_init(g);
    for (ssize_t i = 0; i < nargs; i++) {
        if (index_mpz(args[i], x) < 0) {
            mpz_clear(g);
            return NULL;
        }
        if (mpz_cmp_ui(g, 1) != 0) mpz_gcd(g, g, x);
        mpz_clear(x);
    }
    Object *r = int_from_mpz(g);
    mpz_clear(g);
    return r;
}

static Object *math_lcm(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (no_kw("lcm", kwnames) < 0) return NULL;
    mpz_t l, x;
    mpz_init_set_ui(l, 1);
    for (ssize_t i = 0; i < nargs; i++) {
        if (index_mpz(args[i], x) < 0) {
            mpz_clear(l);
            return NULL;
        }
        if (i == 0) mpz_abs(l, x);
        else if (mpz_sgn(l) != 0) mpz_lcm(l, l, x);
        mpz_clear(x);
    }
    Object *r = int_from_mpz(l);
    mpz_clear(l);
    return r;
}

// r = lo * (lo+1) * ... * (lo+count-1), by binary splitting.
static void range_product(mpz_t r, const mpz_t lo, unsigned long count) {
    if (count <= 16) {
        mpz_set_ui(r, 1);
        mpz_t t;
        mpz_init_set(t, lo);
        for (unsigned long i = 0; i < count; i++) {
            mpz_mul(r, r, t);
            mpz_add_ui(t, t, 1);
        }
        mpz_clear(t);
        return;
    }
    unsigned long half = count / 2;
    mpz_t a, mid;
    mpz_inits(a, mid, NULL);
    range_product(a, lo, half);
    mpz_add_ui(mid, lo, half);
    range_product(r, mid, count - half);
    mpz_mul(r, r, a);
    mpz_clears(a, mid, NULL);
}

// Validates n and k for comb/perm: both non-negative. 0 ok, -1 error.
static int comb_args(Object *const *args, mpz_t n, mpz_t k) {
    if (index_mpz(args[0], n) < 0) return -1;
    if (index_mpz(args[1], k) < 0) {
        mpz_clear(n);
        return -1;
    }
    const char *msg = mpz_sgn(n) < 0 ? "n must be a non-negative integer"
                      : mpz_sgn(k) < 0 ? "k must be a non-negative integer" : NULL;
    if (msg) {
        mpz_clears(n, k, NULL);
        vm_raise(Exc_ValueError, "%s", msg);
        return -1;
    }
    return 0;
}

static Object *math_comb(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_n("comb", nargs, kwnames, 2, 2) < 0) return NULL;
    mpz_t n, k;
    if (comb_args(args, n, k) < 0) return NULL;
    Object *r;
    if (mpz_cmp(k, n) > 0) {
        r = int_from_long(0);
    } else {
        mpz_t nk;
        mpz_init(nk);
        mpz_sub(nk, n, k);
        if (mpz_cmp(nk, k) < 0) mpz_set(k, nk);
        mpz_clear(nk);
        if (!mpz_fits_slong_p(k)) {
            r = vm_raise(Exc_OverflowError, "min(n - k, k) must not exceed %ld", (long)LONG_MAX);
        } else {
            // C(n, k) < n**k
            unsigned long kk = mpz_get_ui(k);
            if (int_check_bits((double)mpz_sizeinbase(n, 2) * (double)kk) < 0) {
                r = NULL;
            } else {
                mpz_bin_ui(n, n, kk);
                r = int_from_mpz(n);
            }
        }
    }
    mpz_clears(n, k, NULL);
    return r;
}

static Object *math_perm(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_n("perm", nargs, kwnames, 1, 2) < 0) return NULL;
    if (nargs == 1 || args[1] == None) return factorial_of(args[0]);
    mpz_t n, k;
    if (comb_args(args, n, k) < 0) return NULL;
    Object *r;
    if (mpz_cmp(k, n) > 0) {
        r = int_from_long(0);
    } else if (!mpz_fits_slong_p(k)) {
        r = vm_raise(Exc_OverflowError, "k must not exceed %ld", (long)LONG_MAX);
    } else {
        unsigned long kk = mpz_get_ui(k);
        mpz_sub_ui(n, n, kk);
        mpz_add_ui(n, n, 1);   // n-k+1 .. n
        if (int_check_bits((double)mpz_sizeinbase(n, 2) * (double)kk + (double)mpz_sizeinbase(k, 2)) < 0) {
            r = NULL;
        } else {
            mpz_t p;
            mpz_init(p);
            range_product(p, n, kk);
            r = int_from_mpz(p);
            mpz_clear(p);
        }
    }
    mpz_clears(n, k, NULL);
    return r;
}

// ---- prod, fsum ------------------------------------------------------------------------------

static Object *math_prod(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *start = NULL;
    ssize_t nk = kwnames ? TUPLE_SIZE(kwnames) : 0;
    if (nargs + nk > 2) return vm_raise(Exc_TypeError, "prod() takes at most 2 arguments (%zd given)", nargs + nk);
    for (ssize_t i = 0; i < nk; i++) {
        Object *key = TUPLE_ITEMS(kwnames)[i];
        if (strcmp(STR_DATA(key), "start") != 0)
            return vm_raise(Exc_TypeError, "'%U' is an invalid keyword argument for prod()", key);
        start = args[nargs + i];
    }
    if (nargs != 1) return vm_raise(Exc_TypeError, "prod() takes exactly 1 positional argument (%zd given)", nargs);
    Object *it = obj_getiter(args[0]);
    if (!it) return NULL;
    Object *result = NEWREF(start ? start : int_from_long(1));
    Object *item;
    while ((item = iter_next(it))) {
        long a, b, c;
        Object *r;
        if (INT_CHECK_EXACT(result) && INT_CHECK_EXACT(item) && int_as_long_fast(result, &a) == 0 &&
            int_as_long_fast(item, &b) == 0 && !__builtin_mul_overflow(a, b, &c)) {
            r = int_from_long(c);
        } else if (FLOAT_CHECK_EXACT(result) && FLOAT_CHECK_EXACT(item)) {
            r = float_from_double(float_value(result) * float_value(item));
        } else {
            r = num_binop(result, item, OP_MUL);
        }
        DECREF(item);
        DECREF(result);
        result = r;
        if (!result) break;
    }
    DECREF(it);
    if (result && err_occurred()) CLEAR(result);
    return result;
}

static Object *math_fsum(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("fsum", nargs, kwnames) < 0) return NULL;
    Object *it = obj_getiter(args[0]);
    if (!it) return NULL;
    double small[32], *p = small;
    ssize_t n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;
    Object *item, *result = NULL;
    while ((item = iter_next(it))) {
        double x, y, t;
        int e = as_double(item, &x);
        DECREF(item);
        if (e < 0) goto done;
        double xsave = x;
        ssize_t i = 0;
        for (ssize_t j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                // From a nan/inf summand, or an intermediate overflow.
                if (isfinite(xsave)) {
                    vm_raise(Exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= cap) {
                    ssize_t ncap = cap * 2;
                    double *np = p == small ? malloc(sizeof(double) * (size_t)ncap)
                                            : realloc(p, sizeof(double) * (size_t)ncap);
                    if (!np) {
                        vm_raise(Exc_MemoryError, "math.fsum partials");
                        goto done;
                    }
                    if (p == small) memcpy(np, small, sizeof small);
                    p = np;
                    cap = ncap;
                }
                p[n++] = x;
            }
        }
    }
    if (err_occurred()) goto done;
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) vm_raise(Exc_ValueError, "-inf + inf in fsum");
        else result = float_from_double(special_sum);
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        // Sum from the top down, stopping when the sum becomes inexact.
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        // Half-even rounding across partials: nudge when the rest of the
        // partials push the same way as lo.
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = float_from_double(hi);
done:
    DECREF(it);
    if (p != small) free(p);
    return result;
}

// ---- Logarithms ------------------------------------------------------------------------------

// Mantissa in [0.5, 1) and exponent of a positive int, correctly rounded
// to 53 bits (CPython's _PyLong_Frexp).
static double int_frexp(Object *o, long *e) {
    mpz_t z, q;
    mpz_inits(z, q, NULL);
    int_to_mpz(o, z);
    mpz_abs(z, z);
    size_t nbits = mpz_sizeinbase(z, 2);
    unsigned long shift = 0, bits;
    if (nbits > 55) {
        shift = nbits - 55;
        mpz_tdiv_q_2exp(q, z, shift);
        bits = mpz_get_ui(q);
        if (mpz_scan1(z, 0) < shift) bits |= 1;  // sticky bit
    } else {
        bits = mpz_get_ui(z);
    }
    mpz_clears(z, q, NULL);
    int e2;
    double m = frexp((double)bits, &e2);  // the conversion rounds half-even
    *e = e2 + (long)shift;
    return m;
}

static Object *loghelper(Object *arg, double (*func)(double)) {
    if (INT_CHECK(arg)) {
        if (int_sign(arg) <= 0) return vm_raise(Exc_ValueError, "math domain error");
        double x = int_as_double(arg);
        if (x == -1.0 && err_occurred()) {
            if (!err_matches(Exc_OverflowError)) return NULL;
            err_clear();
            long e;
            x = int_frexp(arg, &e);
            return fret(func(x) + func(2.0) * (double)e);
        }
        return fret(func(x));
    }
    return math_1(arg, func, 0);
}

static Object *math_log(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (no_kw("log", kwnames) < 0) return NULL;
    if (nargs < 1 || nargs > 2) return vm_raise(Exc_TypeError, "math.log requires 1 to 2 arguments");
    Object *num = loghelper(args[0], m_log);
    if (!num || nargs == 1) return num;
    Object *den = loghelper(args[1], m_log);
    if (!den) {
        DECREF(num);
        return NULL;
    }
    double a = float_value(num), b = float_value(den);
    DECREF(num);
    DECREF(den);
    if (b == 0.0) return vm_raise(Exc_ZeroDivisionError, "float division by zero");
    return fret(a / b);
}

static Object *math_log2(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("log2", nargs, kwnames) < 0) return NULL;
    return loghelper(args[0], m_log2);
}

static Object *math_log10(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("log10", nargs, kwnames) < 0) return NULL;
    return loghelper(args[0], m_log10);
}

// ---- Two-argument and miscellaneous float functions ------------------------------------------

static Object *math_fmod(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_n("fmod", nargs, kwnames, 2, 2) < 0) return NULL;
    double x, y;
    if (as_double(args[0], &x) < 0 || as_double(args[1], &y) < 0) return NULL;
    if (isinf(y) && isfinite(x)) return fret(x);
    errno = 0;
    double r = fmod(x, y);
    if (isnan(r)) errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    if (errno && is_error(r)) return NULL;
    return fret(r);
}

static Object *math_pow(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_n("pow", nargs, kwnames, 2, 2) < 0) return NULL;
    double x, y, r;
    if (as_double(args[0], &x) < 0 || as_double(args[1], &y) < 0) return NULL;
    errno = 0;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) r = y == 0. ? 1. : x;
        else if (isnan(y)) r = x == 1. ? 1. : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.) r = odd_y ? x : fabs(x);
            else if (y == 0.) r = 1.;
            else r = odd_y ? copysign(0., x) : 0.;
        } else {  // y infinite
            if (fabs(x) == 1.0) r = 1.;
            else if (y > 0. && fabs(x) > 1.0) r = y;
            else if (y < 0. && fabs(x) < 1.0) r = -y;
            else r = 0.;
        }
    } else {
        r = pow(x, y);
        errno = 0;
        if (isnan(r)) errno = EDOM;
        else if (isinf(r)) errno = x == 0. ? EDOM : ERANGE;
    }
    if (errno && is_error(r)) return NULL;
    return fret(r);
}

static Object *math_degrees(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("degrees", nargs, kwnames) < 0) return NULL;
    double x;
    if (as_double(args[0], &x) < 0) return NULL;
    return fret(x * (180.0 / PI));
}

static Object *math_radians(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("radians", nargs, kwnames) < 0) return NULL;
    double x;
    if (as_double(args[0], &x) < 0) return NULL;
    return fret(x * (PI / 180.0));
}

#define PRED1(name, expr)                                                                        \
    static Object *math_##name(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) { \
        if (check_one(#name, nargs, kwnames) < 0) return NULL;                                   \
        double x;                                                                                \
        if (as_double(args[0], &x) < 0) return NULL;                                             \
        return NEWREF(bool_from(expr));                                                          \
    }
PRED1(isnan, isnan(x))
PRED1(isinf, isinf(x))
PRED1(isfinite, isfinite(x))

static Object *math_isclose(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    Object *a[4] = {NULL, NULL, NULL, NULL};
    ssize_t nk = kwnames ? TUPLE_SIZE(kwnames) : 0;
    if (nargs > 2) return vm_raise(Exc_TypeError, "isclose() takes exactly 2 positional arguments (%zd given)", nargs);
    for (ssize_t i = 0; i < nargs; i++) a[i] = args[i];
    for (ssize_t i = 0; i < nk; i++) {
        Object *key = TUPLE_ITEMS(kwnames)[i];
        int j;
        for (j = 0; j < 4; j++)
            if (strcmp(STR_DATA(key), names[j]) == 0) break;
        if (j == 4) return vm_raise(Exc_TypeError, "'%U' is an invalid keyword argument for isclose()", key);
        if (a[j])
            return vm_raise(Exc_TypeError, "argument for isclose() given by name ('%s') and position (%d)", names[j],
                            j + 1);
        a[j] = args[nargs + i];
    }
    for (int j = 0; j < 2; j++)
        if (!a[j]) return vm_raise(Exc_TypeError, "isclose() missing required argument '%s' (pos %d)", names[j], j + 1);
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (as_double(a[0], &x) < 0 || as_double(a[1], &y) < 0) return NULL;
    if (a[2] && as_double(a[2], &rel_tol) < 0) return NULL;
    if (a[3] && as_double(a[3], &abs_tol) < 0) return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) return vm_raise(Exc_ValueError, "tolerances must be non-negative");
    if (x == y) return NEWREF(True);
    if (isinf(x) || isinf(y)) return NEWREF(False);
    double diff = fabs(y - x);
    bool r = diff <= fabs(rel_tol * y) || diff <= fabs(rel_tol * x) || diff <= abs_tol;
    return NEWREF(bool_from(r));
}

static Object *math_modf(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("modf", nargs, kwnames) < 0) return NULL;
    double x, ip, fp;
    if (as_double(args[0], &x) < 0) return NULL;
    if (isinf(x)) {
        fp = copysign(0., x);
        ip = x;
    } else if (isnan(x)) {
        fp = ip = x;
    } else {
        fp = modf(x, &ip);
    }
    Object *a = fret(fp), *b = fret(ip);
    Object *t = a && b ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return t;
}

static Object *math_frexp(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("frexp", nargs, kwnames) < 0) return NULL;
    double x;
    int e = 0;
    if (as_double(args[0], &x) < 0) return NULL;
    if (!(isnan(x) || isinf(x) || x == 0.0)) x = frexp(x, &e);
    Object *a = fret(x), *b = int_from_long(e);
    Object *t = a && b ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return t;
}

static Object *math_ldexp(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_n("ldexp", nargs, kwnames, 2, 2) < 0) return NULL;
    double x, r;
    if (as_double(args[0], &x) < 0) return NULL;
    Object *i = args[1];
    if (!INT_CHECK(i)) return vm_raise(Exc_TypeError, "Expected an int as second argument to ldexp.");
    long e;
    if (int_as_long_fast(i, &e) < 0) e = int_sign(i) < 0 ? LONG_MIN : LONG_MAX;
    errno = 0;
    if (x == 0. || !isfinite(x)) {
        r = x;
    } else if (e > INT_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    } else if (e < INT_MIN) {
        r = copysign(0., x);
    } else {
        r = ldexp(x, (int)e);
        errno = isinf(r) ? ERANGE : 0;
    }
    if (errno && is_error(r)) return NULL;
    return fret(r);
}

static Object *math_nextafter(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_n("nextafter", nargs, kwnames, 2, 2) < 0) return NULL;
    double x, y;
    if (as_double(args[0], &x) < 0 || as_double(args[1], &y) < 0) return NULL;
    return fret(nextafter(x, y));
}

static Object *math_ulp(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_one("ulp", nargs, kwnames) < 0) return NULL;
    double x;
    if (as_double(args[0], &x) < 0) return NULL;
    if (isnan(x)) return fret(x);
    x = fabs(x);
    if (isinf(x)) return fret(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) return fret(x - nextafter(x, -INFINITY));
    return fret(x2 - x);
}

// ---- hypot, dist ------------------------------------------------------------------------------

// sqrt(sum(x*x for x in vec)) for |x| <= max, accurately: power-of-two
// scaling, Veltkamp-Dekker squaring, compensated summation and a
// differential correction of the square root (CPython's vector_norm).
static double vector_norm(ssize_t n, const double *vec, double max, bool found_nan) {
    const double T27 = 134217729.0;  // 2**27 + 1
    volatile double csum = 1.0, oldcsum, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    double x, t, hi, lo, h, scale;
    int max_e;
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    frexp(max, &max_e);
    if (max_e >= -1023) {
        scale = ldexp(1.0, -max_e);
        for (ssize_t i = 0; i < n; i++) {
            x = vec[i] * scale;
            t = x * T27;
            hi = t - (t - x);
            lo = x - hi;
            x = hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = 2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            frac3 += lo * lo;
        }
        h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        x = h;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;
        x = -hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = -2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        x = -lo * lo;
        oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Subnormal max: scaling by 2**-max_e would overflow; divide instead.
    for (ssize_t i = 0; i < n; i++) {
        x = vec[i] / max;
        x = x * x;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    return max * sqrt(csum - 1.0 + frac1);
}

static Object *math_hypot(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (no_kw("hypot", kwnames) < 0) return NULL;
    double small[16] = {0}, *v = nargs <= 16 ? small : malloc(sizeof(double) * (size_t)nargs);
    if (!v) {
        err_no_memory();
        return NULL;
    }
    double max = 0.0;
    bool found_nan = false;
    for (ssize_t i = 0; i < nargs; i++) {
        double x;
        if (as_double(args[i], &x) < 0) {
            if (v != small) free(v);
            return NULL;
        }
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    double r = vector_norm(nargs, v, max, found_nan);
    if (v != small) free(v);
    return fret(r);
}

static Object *math_dist(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_n("dist", nargs, kwnames, 2, 2) < 0) return NULL;
    Object *p = TUPLE_CHECK(args[0]) ? NEWREF(args[0]) : tuple_from_iter(args[0]);
    if (!p) return NULL;
    Object *q = TUPLE_CHECK(args[1]) ? NEWREF(args[1]) : tuple_from_iter(args[1]);
    if (!q) {
        DECREF(p);
        return NULL;
    }
    Object *res = NULL;
    ssize_t n = TUPLE_SIZE(p);
    double small[16] = {0}, *v = small;
    if (TUPLE_SIZE(q) != n) {
        vm_raise(Exc_ValueError, "both points must have the same number of dimensions");
        goto out;
    }
    if (n > 16 && !(v = malloc(sizeof(double) * (size_t)n))) {
        err_no_memory();
        goto out;
    }
    double max = 0.0;
    bool found_nan = false;
    for (ssize_t i = 0; i < n; i++) {
        double px, qx;
        if (as_double(TUPLE_ITEMS(p)[i], &px) < 0 || as_double(TUPLE_ITEMS(q)[i], &qx) < 0) goto out;
        double x = fabs(px - qx);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    res = fret(vector_norm(n, v, max, found_nan));
out:
    if (v != small) free(v);
    DECREF(p);
    DECREF(q);
    return res;
}

// ---- The module -----------------------------------------------------------------------------

static const MethodDef math_functions[] = {
    {"acos", math_acos, 0, "Return the arc cosine (measured in radians) of x."},
    {"acosh", math_acosh, 0, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, 0, "Return the arc sine (measured in radians) of x."},
    {"asinh", math_asinh, 0, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, 0, "Return the arc tangent (measured in radians) of x."},
    {"atan2", math_atan2, 0, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", math_atanh, 0, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, 0, "Return the cube root of x."},
    {"ceil", math_ceil, 0, "Return the ceiling of x as an Integral."},
    {"comb", math_comb, 0, "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", math_copysign, 0, "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", math_cos, 0, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, 0, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, 0, "Convert angle x from radians to degrees."},
    {"dist", math_dist, 0, "Return the Euclidean distance between two points p and q."},
    {"erf", math_erf, 0, "Error function at x."},
    {"erfc", math_erfc, 0, "Complementary error function at x."},
    {"exp", math_exp, 0, "Return e raised to the power of x."},
    {"exp2", math_exp2, 0, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, 0, "Return exp(x)-1."},
    {"fabs", math_fabs, 0, "Return the absolute value of the float x."},
    {"factorial", math_factorial, 0, "Find x!."},
    {"floor", math_floor, 0, "Return the floor of x as an Integral."},
    {"fmod", math_fmod, 0, "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, 0, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", math_fsum, 0, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", math_gamma, 0, "Gamma function at x."},
    {"gcd", math_gcd, 0, "Greatest Common Divisor."},
    {"hypot", math_hypot, 0, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", math_isclose, 0, "Determine whether two floating point numbers are close in value."},
    {"isfinite", math_isfinite, 0, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, 0, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, 0, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", math_isqrt, 0, "Return the integer part of the square root of the input."},
    {"lcm", math_lcm, 0, "Least Common Multiple."},
    {"ldexp", math_ldexp, 0, "Return x * (2**i)."},
    {"lgamma", math_lgamma, 0, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", math_log, 0, "Return the logarithm of x to the given base."},
    {"log10", math_log10, 0, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, 0, "Return the natural logarithm of 1+x (base e)."},
    {"log2", math_log2, 0, "Return the base 2 logarithm of x."},
    {"modf", math_modf, 0, "Return the fractional and integer parts of x."},
    {"nextafter", math_nextafter, 0, "Return the next floating-point value after x towards y."},
    {"perm", math_perm, 0, "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", math_pow, 0, "Return x**y (x to the power of y)."},
    {"prod", math_prod, 0, "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, 0, "Convert angle x from degrees to radians."},
    {"remainder", math_remainder, 0, "Difference between x and the closest integer multiple of y."},
    {"sin", math_sin, 0, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, 0, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, 0, "Return the square root of x."},
    {"tan", math_tan, 0, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, 0, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, 0, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, 0, "Return the value of the least significant bit of the float x."},
    {NULL, NULL, 0, NULL}};

static int add_float(Object *m, const char *name, double v) {
    Object *f = float_from_double(v);
    if (!f) return -1;
    int r = module_add_object(m, name, f);
    DECREF(f);
    return r;
}

Object *module_init_math(void) {
    Object *m = module_new_cstr("math");
    if (!m) return NULL;
    Object *doc = str_from_cstr("This module provides access to the mathematical functions\n"
                                "defined by the C standard.");
    if (!doc || module_add_object(m, "__doc__", doc) < 0 || module_add_functions(m, math_functions) < 0 ||
        add_float(m, "pi", PI) < 0 || add_float(m, "e", 2.718281828459045235360287471352662498) < 0 ||
        add_float(m, "tau", 6.283185307179586476925286766559005768) < 0 || add_float(m, "inf", INFINITY) < 0 ||
        add_float(m, "nan", NAN) < 0) {
        XDECREF(doc);
        DECREF(m);
        return NULL;
    }
    DECREF(doc);
    return m;
}
