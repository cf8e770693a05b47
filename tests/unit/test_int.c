// Unit tests of vm/objects/int.c: the machine-word / GMP boundary and
// normalization (a value is big exactly when it does not fit in a long),
// arithmetic with overflow, floor division and modulo signs, pow, shifts,
// bitwise operations on negatives, int_from_string, hashing, conversion to
// and from double, and comparisons. Expected values are CPython 3.11's.
#include <limits.h>
#include <math.h>

#include "vm_helpers.h"

static bool is_big(Object *o) { return ((IntObject *)o)->is_big != 0; }

// An int from a Python expression (new reference).
static Object *I(const char *src) {
    Object *o = eval_in(src, NULL);
    ck_assert_msg(o != NULL, "eval %s: %s", src, exc_text());
    ck_assert_msg(INT_CHECK(o), "%s is not an int", src);
    return o;
}

// repr(v op w) with v, w given as Python expressions; "<error ...>" on error.
static const char *binop_s(const char *v, int op, const char *w) {
    Object *a = I(v), *b = I(w);
    Object *r = num_binop(a, b, op);
    DECREF(a);
    DECREF(b);
    return repr_steal(r);
}

// Checks v op w == expected, and that the result is small iff it fits in a long.
static void check_binop(const char *v, int op, const char *w, const char *expected) {
    Object *a = I(v), *b = I(w);
    Object *r = num_binop(a, b, op);
    DECREF(a);
    DECREF(b);
    ck_assert_msg(r != NULL, "%s %s %s raised %s", v, binop_symbols[op], w, exc_text());
    if (INT_CHECK(r)) {
        mpz_t z;
        mpz_init(z);
        int_to_mpz(r, z);
        bool fits = mpz_fits_slong_p(z) != 0;
        mpz_clear(z);
        ck_assert_msg(is_big(r) != fits, "%s %s %s: not normalized (is_big=%d)", v, binop_symbols[op], w,
                      ((IntObject *)r)->is_big);
    }
    const char *got = repr_steal(r);
    ck_assert_msg(strcmp(got, expected) == 0, "%s %s %s = %s, expected %s", v, binop_symbols[op], w, got, expected);
}

START_TEST(test_small_big_boundaries) {
    Object *mx = int_from_long(LONG_MAX), *mn = int_from_long(LONG_MIN);
    ck_assert(!is_big(mx));
    ck_assert(!is_big(mn));
    ck_assert_str_eq(repr_of(mx), "9223372036854775807");
    ck_assert_str_eq(repr_of(mn), "-9223372036854775808");
    Object *one = int_from_long(1);
    Object *above = num_binop(mx, one, OP_ADD);
    ck_assert(is_big(above));
    ck_assert_str_eq(repr_of(above), "9223372036854775808");
    long v = 0;
    ck_assert_int_eq(int_as_long_fast(above, &v), -1);
    // ... and back: the result fits, so it is small again.
    Object *back = num_binop(above, one, OP_SUB);
    ck_assert(!is_big(back));
    ck_assert_int_eq(int_as_long_fast(back, &v), 0);
    ck_assert(v == LONG_MAX);
    Object *below = num_binop(mn, one, OP_SUB);
    ck_assert(is_big(below));
    ck_assert_str_eq(repr_of(below), "-9223372036854775809");
    Object *back2 = num_binop(below, one, OP_ADD);
    ck_assert(!is_big(back2));
    ck_assert_str_eq(repr_of(back2), "-9223372036854775808");
    // int_as_long on a big value raises OverflowError.
    ck_assert(int_as_long(above) == -1);
    ck_assert_str_eq(exc_text(), "OverflowError: Python int too large to convert to C long");
    ck_assert(int_as_long(back2) == LONG_MIN);
    ck_assert_ptr_null(err_occurred());
    // unsigned long
    Object *u = int_from_ulong(ULONG_MAX);
    ck_assert(is_big(u));
    ck_assert_str_eq(repr_of(u), "18446744073709551615");
    Object *u2 = int_from_ulong((unsigned long)LONG_MAX);
    ck_assert(!is_big(u2));
    // int_from_mpz normalizes.
    mpz_t z;
    mpz_init_set_si(z, -42);
    Object *m = int_from_mpz(z);
    ck_assert(!is_big(m));
    ck_assert_str_eq(repr_of(m), "-42");
    mpz_ui_pow_ui(z, 2, 64);
    Object *m2 = int_from_mpz(z);
    ck_assert(is_big(m2));
    ck_assert_str_eq(repr_of(m2), "18446744073709551616");
    mpz_clear(z);
    ck_assert_int_eq(int_sign(m2), 1);
    ck_assert_int_eq(int_sign(below), -1);
    ck_assert_int_eq(int_sign(int_from_long(0)), 0);
    DECREF(mx);
    DECREF(mn);
    DECREF(above);
    DECREF(back);
    DECREF(below);
    DECREF(back2);
    DECREF(u);
    DECREF(u2);
    DECREF(m);
    DECREF(m2);
}
END_TEST

START_TEST(test_small_cache) {
    // -5..1024 are cached and immortal.
    ck_assert_ptr_eq(int_from_long(-5), int_from_long(-5));
    ck_assert_ptr_eq(int_from_long(1024), int_from_long(1024));
    ck_assert(REFCNT(int_from_long(0)) >= IMMORTAL_REFCNT / 2);
    // A big result equal to a cached value comes back as the cached object.
    Object *r = eval_in("(2**100 + 5) - 2**100", NULL);
    ck_assert_ptr_eq(r, int_from_long(5));
    DECREF(r);
    Object *big = I("2**64"), *big2 = I("2**64");
    ck_assert_ptr_ne(big, big2);
    ck_assert_int_eq(obj_eq(big, big2), 1);
    DECREF(big);
    DECREF(big2);
}
END_TEST

START_TEST(test_add_sub_mul_overflow) {
    check_binop("9223372036854775807", OP_ADD, "9223372036854775807", "18446744073709551614");
    check_binop("9223372036854775807", OP_MUL, "2", "18446744073709551614");
    check_binop("18446744073709551614", OP_FLOORDIV, "2", "9223372036854775807");
    check_binop("-9223372036854775808", OP_SUB, "1", "-9223372036854775809");
    check_binop("-9223372036854775808", OP_MUL, "-1", "9223372036854775808");
    check_binop("-9223372036854775808", OP_MUL, "1", "-9223372036854775808");
    check_binop("4611686018427387904", OP_MUL, "2", "9223372036854775808");
    check_binop("4611686018427387904", OP_MUL, "-2", "-9223372036854775808");
    check_binop("3037000500", OP_MUL, "3037000500", "9223372037000250000");
    check_binop("2**100", OP_SUB, "2**100", "0");
    check_binop("2**100 + 12345", OP_SUB, "2**100", "12345");
    check_binop("-(2**100)", OP_ADD, "2**100 - 7", "-7");
    check_binop("2**64", OP_MUL, "2**64", "340282366920938463463374607431768211456");
    check_binop("2**64", OP_MUL, "0", "0");
    check_binop("10**20", OP_SUB, "10**20 - 9223372036854775807", "9223372036854775807");
    // Unary minus at the boundaries.
    Object *mn = int_from_long(LONG_MIN);
    Object *neg = num_negative(mn);
    ck_assert(is_big(neg));
    ck_assert_str_eq(repr_of(neg), "9223372036854775808");
    Object *neg2 = num_negative(neg);
    ck_assert(!is_big(neg2));
    ck_assert_str_eq(repr_of(neg2), "-9223372036854775808");
    Object *ab = num_absolute(mn);
    ck_assert(is_big(ab));
    ck_assert_str_eq(repr_of(ab), "9223372036854775808");
    Object *inv = num_invert(mn);
    ck_assert(!is_big(inv));
    ck_assert_str_eq(repr_of(inv), "9223372036854775807");
    DECREF(mn);
    DECREF(neg);
    DECREF(neg2);
    DECREF(ab);
    DECREF(inv);
    EVAL_EQ("-9223372036854775807 - 1 == -2**63", "True");
    EVAL_EQ("sum([2**62] * 4)", "18446744073709551616");
}
END_TEST

START_TEST(test_floordiv_mod_signs) {
    static const struct { const char *a, *b, *q, *r; } cases[] = {
        {"7", "2", "3", "1"},
        {"7", "-2", "-4", "-1"},
        {"-7", "2", "-4", "1"},
        {"-7", "-2", "3", "-1"},
        {"6", "-3", "-2", "0"},
        {"-6", "3", "-2", "0"},
        {"0", "-5", "0", "0"},
        {"-9223372036854775808", "-1", "9223372036854775808", "0"},
        {"-9223372036854775808", "1", "-9223372036854775808", "0"},
        {"-9223372036854775808", "3", "-3074457345618258603", "1"},
        {"-9223372036854775808", "-3", "3074457345618258602", "-2"},
        {"9223372036854775807", "-1", "-9223372036854775807", "0"},
        {"10**30 + 7", "3", "333333333333333333333333333335", "2"},
        {"10**30 + 7", "-3", "-333333333333333333333333333336", "-1"},
        {"-(10**30 + 7)", "3", "-333333333333333333333333333336", "1"},
        {"-(10**30 + 7)", "-3", "333333333333333333333333333335", "-2"},
        {"7", "10**30", "0", "7"},
        {"-7", "10**30", "-1", "999999999999999999999999999993"},
        {"7", "-(10**30)", "-1", "-999999999999999999999999999993"},
        {"2**64", "2**32", "4294967296", "0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check_binop(cases[i].a, OP_FLOORDIV, cases[i].b, cases[i].q);
        check_binop(cases[i].a, OP_MOD, cases[i].b, cases[i].r);
        char src[256];
        snprintf(src, sizeof src, "divmod(%s, %s) == (%s, %s)", cases[i].a, cases[i].b, cases[i].q, cases[i].r);
        ck_assert_msg(strcmp(eval_repr(src), "True") == 0, "%s", src);
    }
    ck_assert_str_eq(binop_s("1", OP_FLOORDIV, "0"), "<error ZeroDivisionError: integer division or modulo by zero>");
    ck_assert_str_eq(binop_s("1", OP_MOD, "0"), "<error ZeroDivisionError: integer modulo by zero>");
    ck_assert_str_eq(binop_s("2**70", OP_FLOORDIV, "0"),
                     "<error ZeroDivisionError: integer division or modulo by zero>");
    ck_assert_str_eq(binop_s("2**70", OP_MOD, "0"), "<error ZeroDivisionError: integer modulo by zero>");
    EVAL_EQ("divmod(1, 0)", "<error ZeroDivisionError: integer division or modulo by zero>");
    ck_assert_str_eq(binop_s("1", OP_TRUEDIV, "0"), "<error ZeroDivisionError: division by zero>");
    ck_assert_str_eq(binop_s("-7", OP_TRUEDIV, "2"), "-3.5");
}
END_TEST

START_TEST(test_pow) {
    check_binop("2", OP_POW, "100", "1267650600228229401496703205376");
    check_binop("-2", OP_POW, "63", "-9223372036854775808");
    check_binop("2", OP_POW, "63", "9223372036854775808");
    check_binop("-2", OP_POW, "64", "18446744073709551616");
    check_binop("7", OP_POW, "22", "3909821048582988049");
    check_binop("0", OP_POW, "0", "1");
    check_binop("1", OP_POW, "10**30", "1");
    check_binop("-1", OP_POW, "10**30 + 1", "-1");
    check_binop("-1", OP_POW, "10**30", "1");
    check_binop("0", OP_POW, "10**30", "0");
    check_binop("2**64", OP_POW, "2", "340282366920938463463374607431768211456");
    ck_assert_str_eq(binop_s("2", OP_POW, "-1"), "0.5");
    ck_assert_str_eq(binop_s("-2", OP_POW, "-2"), "0.25");
    ck_assert_str_eq(binop_s("0", OP_POW, "-1"), "<error ZeroDivisionError: 0.0 cannot be raised to a negative power>");
    EVAL_EQ("pow(3, 200, 7)", "2");
    EVAL_EQ("pow(3, -1, 7)", "5");
    EVAL_EQ("pow(2, 10, -7)", "-5");
    EVAL_EQ("pow(2**100, 2**100, 10**9 + 7) == pow(2**100 % (10**9 + 7), 2**100, 10**9 + 7)", "True");
    EVAL_EQ("pow(2, 3, 0)", "<error ValueError: pow() 3rd argument cannot be 0>");
    EVAL_EQ("pow(2, -1, 4)", "<error ValueError: base is not invertible for the given modulus>");
}
END_TEST

START_TEST(test_shifts) {
    check_binop("1", OP_LSHIFT, "62", "4611686018427387904");
    check_binop("1", OP_LSHIFT, "63", "9223372036854775808");
    check_binop("1", OP_LSHIFT, "64", "18446744073709551616");
    check_binop("-1", OP_LSHIFT, "63", "-9223372036854775808");
    check_binop("-1", OP_LSHIFT, "64", "-18446744073709551616");
    check_binop("3", OP_LSHIFT, "62", "13835058055282163712");
    EVAL_EQ("(1 << 200) == 2**200", "True");
}
END_TEST

START_TEST(test_shifts_more) {
    EVAL_EQ("1 << 200 == 2**200", "True");
    check_binop("2**100", OP_RSHIFT, "99", "2");
    check_binop("-1", OP_RSHIFT, "100", "-1");
    check_binop("-(2**100)", OP_RSHIFT, "200", "-1");
    check_binop("2**100", OP_RSHIFT, "200", "0");
    check_binop("-(2**100)", OP_RSHIFT, "1", "-633825300114114700748351602688");
    check_binop("5", OP_RSHIFT, "10**30", "0");
    check_binop("-5", OP_RSHIFT, "10**30", "-1");
    check_binop("-7", OP_RSHIFT, "1", "-4");
    check_binop("-9223372036854775808", OP_RSHIFT, "63", "-1");
    check_binop("9223372036854775807", OP_RSHIFT, "62", "1");
    check_binop("0", OP_LSHIFT, "10**30", "0");
    check_binop("2**64", OP_RSHIFT, "1", "9223372036854775808");
    check_binop("2**64", OP_RSHIFT, "2", "4611686018427387904");
    ck_assert_str_eq(binop_s("1", OP_LSHIFT, "-1"), "<error ValueError: negative shift count>");
    ck_assert_str_eq(binop_s("1", OP_RSHIFT, "-1"), "<error ValueError: negative shift count>");
    ck_assert_str_eq(binop_s("1", OP_LSHIFT, "10**30"), "<error OverflowError: too many digits in integer>");
}
END_TEST

START_TEST(test_bitwise_negatives) {
    check_binop("-1", OP_BITAND, "255", "255");
    check_binop("-(2**70)", OP_BITAND, "2**70 - 1", "0");
    check_binop("-(2**70)", OP_BITOR, "5", "-1180591620717411303419");
    check_binop("-5", OP_BITXOR, "2**80", "-1208925819614629174706181");
    check_binop("2**100 + 3", OP_BITAND, "15", "3");
    check_binop("-1", OP_BITAND, "-(2**70)", "-1180591620717411303424");
    check_binop("-(2**64)", OP_BITXOR, "-(2**64)", "0");
    check_binop("2**64 - 1", OP_BITAND, "-(2**63)", "9223372036854775808");
    check_binop("-6", OP_BITAND, "-3", "-8");
    check_binop("-6", OP_BITOR, "3", "-5");
    check_binop("-6", OP_BITXOR, "3", "-7");
    EVAL_EQ("~(2**80)", "-1208925819614629174706177");
    EVAL_EQ("~-(2**80)", "1208925819614629174706175");
    EVAL_EQ("~0", "-1");
}
END_TEST

static const char *from_str(const char *s, int base) {
    return repr_steal(int_from_string(s, strlen(s), base, NULL));
}

START_TEST(test_from_string) {
    static const struct { const char *s; int base; const char *v; } ok[] = {
        {"123", 10, "123"},
        {"-0x1F", 0, "-31"},
        {"0b101", 0, "5"},
        {"0o17", 0, "15"},
        {"1_000", 10, "1000"},
        {"0x_ff", 16, "255"},
        {"0x_ff", 0, "255"},
        {"  42  ", 10, "42"},
        {"\t-42\n", 10, "-42"},
        {"z", 36, "35"},
        {"ZZ", 36, "1295"},
        {"123456789012345678901234567890", 10, "123456789012345678901234567890"},
        {"00", 0, "0"},
        {"0_0", 0, "0"},
        {"+7", 0, "7"},
        {"-0", 10, "0"},
        {"ff", 16, "255"},
        {"0xff", 16, "255"},
        {"1111111111111111111111111111111111111111", 2, "1099511627775"},
        {"7fffffffffffffff", 16, "9223372036854775807"},
        {"8000000000000000", 16, "9223372036854775808"},
        {"-8000000000000000", 16, "-9223372036854775808"},
        {"zzzzzzzzzzzzz", 36, "170581728179578208255"},
        {"999999999999999999", 10, "999999999999999999"},
        {"9223372036854775807", 10, "9223372036854775807"},
        {"-9223372036854775808", 10, "-9223372036854775808"},
        {"9223372036854775808", 10, "9223372036854775808"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        const char *got = from_str(ok[i].s, ok[i].base);
        ck_assert_msg(strcmp(got, ok[i].v) == 0, "int(%s, %d) = %s, expected %s", ok[i].s, ok[i].base, got, ok[i].v);
    }
    // Normalization of parsed values.
    Object *o = int_from_string("-9223372036854775808", 20, 10, NULL);
    ck_assert(!is_big(o));
    DECREF(o);
    o = int_from_string("8000000000000000", 16, 16, NULL);
    ck_assert(is_big(o));
    DECREF(o);

    static const struct { const char *s; int base; const char *err; } bad[] = {
        {"12a", 10, "ValueError: invalid literal for int() with base 10: '12a'"},
        {"1__0", 10, "ValueError: invalid literal for int() with base 10: '1__0'"},
        {"_1", 10, "ValueError: invalid literal for int() with base 10: '_1'"},
        {"1_", 10, "ValueError: invalid literal for int() with base 10: '1_'"},
        {"", 10, "ValueError: invalid literal for int() with base 10: ''"},
        {"0x", 16, "ValueError: invalid literal for int() with base 16: '0x'"},
        {"08", 0, "ValueError: invalid literal for int() with base 0: '08'"},
        {"0b2", 0, "ValueError: invalid literal for int() with base 0: '0b2'"},
        {"0x1g", 16, "ValueError: invalid literal for int() with base 16: '0x1g'"},
        {" ", 10, "ValueError: invalid literal for int() with base 10: ' '"},
        {"- 1", 10, "ValueError: invalid literal for int() with base 10: '- 1'"},
        {"0_x1", 0, "ValueError: invalid literal for int() with base 0: '0_x1'"},
        {"1_000_", 0, "ValueError: invalid literal for int() with base 0: '1_000_'"},
        {"12", 1, "ValueError: int() base must be >= 2 and <= 36, or 0"},
        {"12", 37, "ValueError: int() base must be >= 2 and <= 36, or 0"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Object *r = int_from_string(bad[i].s, strlen(bad[i].s), bad[i].base, NULL);
        ck_assert_msg(r == NULL, "int(%s, %d) should fail", bad[i].s, bad[i].base);
        const char *got = exc_text();
        ck_assert_msg(strcmp(got, bad[i].err) == 0, "int(%s, %d): %s, expected %s", bad[i].s, bad[i].base, got,
                      bad[i].err);
    }
    // Through the int() builtin, with the original object quoted.
    EVAL_EQ("int('  0x10  ', 16)", "16");
    EVAL_EQ("int('abc')", "<error ValueError: invalid literal for int() with base 10: 'abc'>");
    EVAL_EQ("int(b'12')", "12");
    EVAL_EQ("int(b'1x')", "<error ValueError: invalid literal for int() with base 10: b'1x'>");
    EVAL_EQ("int('1' * 5000)",
            "<error ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 "
            "digits; use sys.set_int_max_str_digits() to increase the limit>");
    EVAL_EQ("str(10**5000)",
            "<error ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit>");
    EVAL_EQ("len(hex(10**5000))", "4155");
}
END_TEST

// int() accepts Unicode decimal digits and whitespace, as CPython does.
START_TEST(test_from_string_unicode) {
    EVAL_EQ("int('\u0661\u0662')", "12");
    EVAL_EQ("int(' 12\u3000')", "12");
}
END_TEST

START_TEST(test_hash) {
    static const struct { const char *x; const char *h; } cases[] = {
        {"2**64", "8"},
        {"2**61", "1"},
        {"-(2**61)", "-2"},
        {"-1", "-2"},
        {"2**61 - 1", "0"},
        {"2**62 - 2", "0"},
        {"2**63", "4"},
        {"-(2**63)", "-4"},
        {"10**30", "465258685558744706"},
        {"-(10**30)", "-465258685558744706"},
        {"12345", "12345"},
        {"-12345", "-12345"},
        {"0", "0"},
        {"True", "1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char src[128];
        snprintf(src, sizeof src, "hash(%s)", cases[i].x);
        const char *got = eval_repr(src);
        ck_assert_msg(strcmp(got, cases[i].h) == 0, "%s = %s, expected %s", src, got, cases[i].h);
    }
    // Equal numbers hash equal across int, float and bool.
    EVAL_EQ("hash(2**64) == hash(float(2**64)) == hash(2.0**64)", "True");
    EVAL_EQ("hash(2**100) == hash(2.0**100)", "True");
    EVAL_EQ("hash(-(2**70)) == hash(-(2.0**70))", "True");
    EVAL_EQ("hash(1) == hash(1.0) == hash(True)", "True");
    // C level agrees with the builtin, and big/small values of a range agree.
    Object *a = I("2**64");
    ck_assert(int_hash_value(a) == 8);
    ck_assert(obj_hash(a) == 8);
    DECREF(a);
    Object *mn = int_from_long(LONG_MIN);
    ck_assert(obj_hash(mn) == -4);
    DECREF(mn);
}
END_TEST

static const char *as_double_s(const char *src) {
    Object *o = I(src);
    double d = int_as_double(o);
    DECREF(o);
    if (d == -1.0 && err_occurred()) {
        static char buf[4200];
        snprintf(buf, sizeof buf, "<error %s>", exc_text());
        return buf;
    }
    return repr_steal(float_from_double(d));
}

START_TEST(test_double_conversion) {
    ck_assert_str_eq(as_double_s("2**53 + 1"), "9007199254740992.0");
    ck_assert_str_eq(as_double_s("2**53 + 3"), "9007199254740996.0");
    ck_assert_str_eq(as_double_s("2**64 - 1"), "1.8446744073709552e+19");
    ck_assert_str_eq(as_double_s("2**100 + 1"), "1.2676506002282294e+30");
    ck_assert_str_eq(as_double_s("2**1024 - 2**971"), "1.7976931348623157e+308");
    ck_assert_str_eq(as_double_s("2**1024"), "<error OverflowError: int too large to convert to float>");
    ck_assert_str_eq(as_double_s("2**1024 - 2**970"), "<error OverflowError: int too large to convert to float>");
    ck_assert_str_eq(as_double_s("-(2**63)"), "-9.223372036854776e+18");
    ck_assert_str_eq(as_double_s("9223372036854775807"), "9.223372036854776e+18");
    // Round half to even above 2**64: 2**65 + 2**12 is exactly halfway.
    ck_assert_str_eq(as_double_s("2**65 + 2**12"), "3.6893488147419103e+19");
    ck_assert_str_eq(as_double_s("2**65 + 2**12 + 1"), "3.689348814741911e+19");
    ck_assert_str_eq(as_double_s("2**65 + 3 * 2**12"), "3.689348814741912e+19");

    ck_assert_str_eq(repr_steal(int_from_double(1e20)), "100000000000000000000");
    ck_assert_str_eq(repr_steal(int_from_double(-2.5)), "-2");
    ck_assert_str_eq(repr_steal(int_from_double(9.3e18)), "9300000000000000000");
    Object *m = int_from_double(-9223372036854775808.0);
    ck_assert_str_eq(repr_of(m), "-9223372036854775808");
    ck_assert(!is_big(m));
    DECREF(m);
    ck_assert_str_eq(repr_steal(int_from_double(INFINITY)), "<error OverflowError: cannot convert float infinity to integer>");
    ck_assert_str_eq(repr_steal(int_from_double(NAN)), "<error ValueError: cannot convert float NaN to integer>");
    ck_assert_str_eq(repr_steal(int_from_double(1e300)),
                     "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864"
                     "043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
    // True division is correctly rounded.
    EVAL_EQ("10**30 / 3", "3.333333333333333e+29");
    EVAL_EQ("(2**53 + 1) / 1", "9007199254740992.0");
    EVAL_EQ("1 / 10**400", "0.0");
    EVAL_EQ("10**400 / 10**399", "10.0");
    EVAL_EQ("-(10**400) / 10**399", "-10.0");
    EVAL_EQ("10**400 / 1", "<error OverflowError: integer division result too large for a float>");
    EVAL_EQ("float(2**64)", "1.8446744073709552e+19");
    EVAL_EQ("int(2.0**70)", "1180591620717411303424");
}
END_TEST

START_TEST(test_compare) {
    Object *big = I("2**64"), *nbig = I("-(2**64)");
    Object *mx = int_from_long(LONG_MAX), *mn = int_from_long(LONG_MIN);
    ck_assert_int_eq(int_compare(big, mx), 1);
    ck_assert_int_eq(int_compare(mx, big), -1);
    ck_assert_int_eq(int_compare(nbig, mn), -1);
    ck_assert_int_eq(int_compare(mn, nbig), 1);
    ck_assert_int_eq(int_compare(mn, mx), -1);
    ck_assert_int_eq(int_compare(big, nbig), 1);
    ck_assert_int_eq(obj_richcompare_bool(big, mx, CMP_GT_OP), 1);
    ck_assert_int_eq(obj_richcompare_bool(big, mx, CMP_EQ_OP), 0);
    ck_assert_int_eq(obj_richcompare_bool(nbig, mn, CMP_LE_OP), 1);
    Object *big2 = I("2**64");
    ck_assert_int_eq(int_compare(big, big2), 0);
    ck_assert_int_eq(obj_richcompare_bool(big, big2, CMP_EQ_OP), 1);
    ck_assert_int_eq(obj_richcompare_bool(big, big2, CMP_NE_OP), 0);
    DECREF(big);
    DECREF(big2);
    DECREF(nbig);
    DECREF(mx);
    DECREF(mn);
    // Against floats: exact, not via rounding the int.
    EVAL_EQ("(2**53 + 1) == float(2**53 + 1)", "False");
    EVAL_EQ("(2**53 + 1) > float(2**53 + 1)", "True");
    EVAL_EQ("2**64 == float(2**64)", "True");
    EVAL_EQ("2**1100 > 1e308", "True");
    EVAL_EQ("-(2**1100) < -1e308", "True");
    EVAL_EQ("2**1100 < float('inf')", "True");
    EVAL_EQ("10**20 == 1e20", "True");
    EVAL_EQ("sorted([2**64, -1, 2**63 - 1, -(2**63), -(2**64), 0])",
            "[-18446744073709551616, -9223372036854775808, -1, 0, 9223372036854775807, 18446744073709551616]");
    EVAL_EQ("1 < 2**64 < 2**65", "True");
}
END_TEST

START_TEST(test_text) {
    EVAL_EQ("hex(-(2**64))", "'-0x10000000000000000'");
    EVAL_EQ("bin(-5)", "'-0b101'");
    EVAL_EQ("oct(2**64)", "'0o2000000000000000000000'");
    EVAL_EQ("str(-9223372036854775808)", "'-9223372036854775808'");
    EVAL_EQ("(2**64).bit_length()", "65");
    EVAL_EQ("(-(2**63)).bit_length()", "64");
    EVAL_EQ("f'{2**64:,}'", "'18,446,744,073,709,551,616'");
    EVAL_EQ("f'{-255:#x}'", "'-0xff'");
}
END_TEST

static Suite *int_suite(void) {
    Suite *s = suite_create("int");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_small_big_boundaries);
    tcase_add_test(tc, test_small_cache);
    tcase_add_test(tc, test_add_sub_mul_overflow);
    tcase_add_test(tc, test_floordiv_mod_signs);
    tcase_add_test(tc, test_pow);
    tcase_add_test(tc, test_shifts);
    tcase_add_test(tc, test_shifts_more);
    tcase_add_test(tc, test_bitwise_negatives);
    tcase_add_test(tc, test_from_string);
    tcase_add_test(tc, test_from_string_unicode);
    tcase_add_test(tc, test_hash);
    tcase_add_test(tc, test_double_conversion);
    tcase_add_test(tc, test_compare);
    tcase_add_test(tc, test_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return vm_test_main(int_suite()); }
