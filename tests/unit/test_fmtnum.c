// Unit tests of util/fmtnum.c against CPython 3.11's output.
//
// The table in fmtnum_cases.h was produced by CPython (tests/unit/fmtnum_cases.py header); the
// hand-written tests below cover what a table cannot (lengths, NUL bytes, bases, error kinds).
// Run with --stdin, this program is the driver of fmtnum_cases.py's differential run instead:
// it reads hex-encoded cases a line and writes hex-encoded results a line.
#define _POSIX_C_SOURCE 200809L   // getline, strdup

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fmtnum.h"

#include "fmtnum_cases.h"

// ---------------------------------------------------------------------------------------------
// Running one case of the table / the --stdin protocol

static char *error_text(const FmtError *err, size_t *outlen)
{
    static const char *names[] = {"OK", "ValueError", "OverflowError", "MemoryError"};
    size_t n = strlen(err->msg) + 32;
    char *s = malloc(n);
    snprintf(s, n, "!%s: %s", names[err->kind], err->msg);
    *outlen = strlen(s);
    return s;
}

// Parses "base:[-]digits".
static const char *int_value(const char *v, int *base, bool *negative)
{
    *base = (int)strtol(v, NULL, 10);
    const char *d = strchr(v, ':') + 1;
    *negative = *d == '-';
    return *negative ? d + 1 : d;
}

// Parses a printf spec "%[flags][width][.precision]conv".
static char printf_spec(const char *spec, unsigned *flags, long *width, long *prec)
{
    const char *p = spec + 1;
    *flags = 0;
    *width = -1;
    *prec = -1;
    for (;; p++) {
        if (*p == '-') *flags |= FMT_PF_LJUST;
        else if (*p == '+') *flags |= FMT_PF_SIGN;
        else if (*p == ' ') *flags |= FMT_PF_BLANK;
        else if (*p == '#') *flags |= FMT_PF_ALT;
        else if (*p == '0') *flags |= FMT_PF_ZERO;
        else break;
    }
    if (*p >= '0' && *p <= '9')
        *width = strtol(p, (char **)&p, 10);
    if (*p == '.') {
        p++;
        *prec = strtol(p, (char **)&p, 10);
    }
    return *p;
}

// Runs one case; returns the malloc'd result text, "!Kind: message" on failure.
static char *run_case(char kind, const char *value, size_t vlen, const char *spec, size_t slen,
                      size_t *outlen)
{
    FmtError err = {0};
    char *res = NULL;
    int base;
    bool neg;
    unsigned flags;
    long width, prec;
    const char *digits;
    switch (kind) {
    case 'F':
        res = fmt_format_float(strtod(value, NULL), spec, slen, "float", outlen, &err);
        break;
    case 'I':
        digits = int_value(value, &base, &neg);
        res = fmt_format_int(digits, base, neg, spec, slen, "int", outlen, &err);
        break;
    case 'S':
        res = fmt_format_str(value, vlen, spec, slen, "str", outlen, &err);
        break;
    case 'R':
        res = fmt_float_repr(strtod(value, NULL));
        *outlen = strlen(res);
        break;
    case 'V': {
        double x;
        res = malloc(32);
        if (fmt_parse_float(value, vlen, &x) < 0) {
            strcpy(res, "!invalid");
        } else {
            unsigned long long bits;
            memcpy(&bits, &x, sizeof bits);
            snprintf(res, 32, "%016llx", bits);
        }
        *outlen = strlen(res);
        break;
    }
    case 'Q': {
        char conv = printf_spec(spec, &flags, &width, &prec);
        res = fmt_printf_float(strtod(value, NULL), conv, flags, width, prec, outlen, &err);
        break;
    }
    case 'P': {
        char conv = printf_spec(spec, &flags, &width, &prec);
        digits = int_value(value, &base, &neg);
        res = fmt_printf_int(digits, base, neg, conv, flags, width, prec, outlen, &err);
        break;
    }
    case 'T': {
        char conv = printf_spec(spec, &flags, &width, &prec);
        res = fmt_printf_str(value, vlen, conv, flags, width, prec, outlen, &err);
        break;
    }
    default:
        res = strdup("!bad kind");
        *outlen = strlen(res);
        return res;
    }
    if (res == NULL)
        return error_text(&err, outlen);
    return res;
}

// ---------------------------------------------------------------------------------------------
// The differential driver

static char *unhex(const char *h, size_t n, size_t *outlen)
{
    char *s = malloc(n / 2 + 1);
    for (size_t i = 0; i + 1 < n + 1 && 2 * i < n; i++) {
        unsigned v;
        sscanf(h + 2 * i, "%2x", &v);
        s[i] = (char)v;
    }
    *outlen = n / 2;
    s[n / 2] = '\0';
    return s;
}

static int run_stdin(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        if (line[n - 1] == '\n')
            line[--n] = '\0';
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (t2 == NULL)
            return 2;
        size_t vlen, slen, rlen;
        char *value = unhex(t1 + 1, (size_t)(t2 - t1 - 1), &vlen);
        char *spec = unhex(t2 + 1, strlen(t2 + 1), &slen);
        char *res = run_case(line[0], value, vlen, spec, slen, &rlen);
        for (size_t i = 0; i < rlen; i++)
            printf("%02x", (unsigned char)res[i]);
        putchar('\n');
        free(value);
        free(spec);
        free(res);
    }
    free(line);
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Tests

START_TEST(test_table)
{
    size_t ncases = sizeof fmtnum_cases / sizeof fmtnum_cases[0];
    int failures = 0;
    for (size_t i = 0; i < ncases; i++) {
        size_t outlen;
        const char *v = fmtnum_cases[i].value, *s = fmtnum_cases[i].spec;
        char *got = run_case(fmtnum_cases[i].kind, v, strlen(v), s, strlen(s), &outlen);
        if (strcmp(got, fmtnum_cases[i].expected) != 0 || outlen != strlen(got)) {
            if (failures++ < 20)
                fprintf(stderr, "case %zu %c value=%s spec=%s\n  expected: %s\n  got:      %s\n", i,
                        fmtnum_cases[i].kind, v, s, fmtnum_cases[i].expected, got);
        }
        free(got);
    }
    ck_assert_int_eq(failures, 0);
    ck_assert_uint_ge(ncases, 300);
}
END_TEST

static void check_repr(double x, const char *want)
{
    char *s = fmt_float_repr(x);
    ck_assert_str_eq(s, want);
    free(s);
}

START_TEST(test_repr)
{
    check_repr(1.0, "1.0");
    check_repr(0.1 + 0.2, "0.30000000000000004");
    check_repr(1e16, "1e+16");
    check_repr(1e-05, "1e-05");
    check_repr(1.5e-07, "1.5e-07");
    check_repr(123456789012345.0, "123456789012345.0");
    check_repr(9999999999999998.0, "9999999999999998.0");
    check_repr(0.0001, "0.0001");
    check_repr(INFINITY, "inf");
    check_repr(-INFINITY, "-inf");
    check_repr(NAN, "nan");
    check_repr(-NAN, "nan");
    check_repr(-0.0, "-0.0");
    check_repr(0.0, "0.0");
    check_repr(5e-324, "5e-324");
    check_repr(1.7976931348623157e308, "1.7976931348623157e+308");
    check_repr(2.2250738585072014e-308, "2.2250738585072014e-308");
    // Powers of two, where the rounding interval is lopsided.
    check_repr(ldexp(1.0, -1022), "2.2250738585072014e-308");
    check_repr(ldexp(1.0, 1023), "8.98846567431158e+307");
    check_repr(ldexp(1.0, -1074) * 3, "1.5e-323");
}
END_TEST

static void check_float(double x, const char *spec, const char *want)
{
    FmtError err = {0};
    size_t n = 99;
    char *s = fmt_format_float(x, spec, strlen(spec), "float", &n, &err);
    ck_assert_msg(s != NULL, "format(%g, '%s') failed: %s", x, spec, err.msg);
    ck_assert_str_eq(s, want);
    ck_assert_uint_eq(n, strlen(want));
    free(s);
}

static void check_error(char kind, const char *value, const char *spec, FmtErrorKind ek,
                        const char *msg)
{
    FmtError err = {0};
    char *s = NULL;
    if (kind == 'F') {
        s = fmt_format_float(strtod(value, NULL), spec, strlen(spec), "float", NULL, &err);
    } else if (kind == 'I') {
        bool neg = value[0] == '-';
        s = fmt_format_int(value + neg, 10, neg, spec, strlen(spec), "int", NULL, &err);
    } else {
        s = fmt_format_str(value, strlen(value), spec, strlen(spec), "str", NULL, &err);
    }
    ck_assert_msg(s == NULL, "format(%s, '%s') should fail", value, spec);
    ck_assert_int_eq(err.kind, ek);
    ck_assert_str_eq(err.msg, msg);
}

START_TEST(test_float_format)
{
    check_float(1e20, "", "1e+20");
    check_float(1.0, "", "1.0");
    check_float(1.2345, ".2", "1.2");
    check_float(1234.5, "010,.1f", "0,001,234.5");
    check_float(INFINITY, "05", "00inf");
    check_float(-NAN, "+", "+nan");
    check_float(1e16, "#", "1.e+16");
    check_float(0.5, ".0%", "50%");
    check_float(-0.0001, "z.2f", "0.00");
    check_float(-0.0001, ".2f", "-0.00");
    check_float(2.5, ".0f", "2");
    check_float(3.5, ".0f", "4");
    check_float(0.125, ".2", "0.12");
    char many[1010] = "1.";
    memset(many + 2, '0', 1000);
    many[1002] = '\0';
    check_float(1.0, ".1000f", many);
    check_float(1234567.0, "_g", "1.23457e+06");
    check_float(1234567.0, "_f", "1_234_567.000000");
    check_float(1.5, "é^7", "éé1.5éé");
    check_float(-1.5, "=+8", "-    1.5");
    check_float(1.5, "=+08", "+00001.5");
    check_float(12345.678, "0=+15,.2f", "+000,012,345.68");
    check_float(1e300, ".3", "1e+300");
    check_float(123.0, "n", "123");
    check_float(1.0, "G", "1");
    check_float(-INFINITY, "F", "-INF");
    check_float(1e-7, ".3E", "1.000E-07");
}
END_TEST

START_TEST(test_errors)
{
    check_error('F', "1", "d", FMT_VALUE_ERROR, "Unknown format code 'd' for object of type 'float'");
    check_error('F', "1", ",n", FMT_VALUE_ERROR, "Cannot specify ',' with 'n'.");
    check_error('F', "1", "abc", FMT_VALUE_ERROR,
                "Invalid format specifier 'abc' for object of type 'float'");
    check_error('F', "1", ".", FMT_VALUE_ERROR, "Format specifier missing precision");
    check_error('F', "1", "99999999999999999999", FMT_VALUE_ERROR,
                "Too many decimal digits in format string");
    check_error('F', "1", ".2147483648f", FMT_VALUE_ERROR, "precision too big");
    check_error('I', "1", ",_", FMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
    check_error('I', "1", "_,", FMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
    check_error('I', "1", ",x", FMT_VALUE_ERROR, "Cannot specify ',' with 'x'.");
    check_error('I', "1", ".2", FMT_VALUE_ERROR, "Precision not allowed in integer format specifier");
    check_error('I', "1", "z", FMT_VALUE_ERROR,
                "Negative zero coercion (z) not allowed in integer format specifier");
    check_error('I', "65", "+c", FMT_VALUE_ERROR, "Sign not allowed with integer format specifier 'c'");
    check_error('I', "65", "#c", FMT_VALUE_ERROR,
                "Alternate form (#) not allowed with integer format specifier 'c'");
    check_error('I', "-1", "c", FMT_OVERFLOW_ERROR, "%c arg not in range(0x110000)");
    check_error('I', "1114112", "c", FMT_OVERFLOW_ERROR, "%c arg not in range(0x110000)");
    check_error('I', "9223372036854775808", "c", FMT_OVERFLOW_ERROR,
                "Python int too large to convert to C long");
    check_error('I', "1", "q", FMT_VALUE_ERROR, "Unknown format code 'q' for object of type 'int'");
    check_error('I', "1", "\xc3\xa9", FMT_VALUE_ERROR,
                "Unknown format code '\\xe9' for object of type 'int'");
    check_error('I', "1", "\x01", FMT_VALUE_ERROR, "Unknown format code '\\x1' for object of type 'int'");
    check_error('S', "x", " ", FMT_VALUE_ERROR, "Space not allowed in string format specifier");
    check_error('S', "x", "+", FMT_VALUE_ERROR, "Sign not allowed in string format specifier");
    check_error('S', "x", "#", FMT_VALUE_ERROR,
                "Alternate form (#) not allowed in string format specifier");
    check_error('S', "x", "=", FMT_VALUE_ERROR, "'=' alignment not allowed in string format specifier");
    check_error('S', "x", "d", FMT_VALUE_ERROR, "Unknown format code 'd' for object of type 'str'");
    check_error('S', "x", ",", FMT_VALUE_ERROR, "Cannot specify ',' with 's'.");

    // int -> float overflow is an OverflowError.
    char big[400];
    memset(big, '9', 399);
    big[399] = '\0';
    check_error('I', big, "f", FMT_OVERFLOW_ERROR, "int too large to convert to float");

    // The type name is the caller's (subclasses, bool).
    FmtError err = {0};
    ck_assert_ptr_null(fmt_format_int("1", 10, false, "s", 1, "bool", NULL, &err));
    ck_assert_str_eq(err.msg, "Unknown format code 's' for object of type 'bool'");
    ck_assert_ptr_null(fmt_format_float(1.0, "xyz", 3, "MyFloat", NULL, &err));
    ck_assert_str_eq(err.msg, "Invalid format specifier 'xyz' for object of type 'MyFloat'");

    // Widths nobody can allocate are a MemoryError, not a crash.
    ck_assert_ptr_null(fmt_format_int("1", 10, false, "99999999999999", 14, "int", NULL, &err));
    ck_assert_int_eq(err.kind, FMT_MEMORY_ERROR);
    ck_assert_ptr_null(fmt_format_str("x", 1, "99999999999999", 14, "str", NULL, &err));
    ck_assert_int_eq(err.kind, FMT_MEMORY_ERROR);
}
END_TEST

static void check_int(const char *digits, int base, bool neg, const char *spec, const char *want)
{
    FmtError err = {0};
    size_t n;
    char *s = fmt_format_int(digits, base, neg, spec, strlen(spec), "int", &n, &err);
    ck_assert_msg(s != NULL, "format(%s, '%s') failed: %s", digits, spec, err.msg);
    ck_assert_str_eq(s, want);
    ck_assert_uint_eq(n, strlen(want));
    free(s);
}

START_TEST(test_int_format)
{
    check_int("1234", 10, false, "x<010,", "1,234xxxxx");
    check_int("1", 10, false, "0=10,", "00,000,001");
    check_int("255", 10, false, "#x", "0xff");
    check_int("255", 10, true, "#X", "-0XFF");
    check_int("255", 10, false, "#011_b", "0b1111_1111");
    check_int("255", 10, false, "#012_b", "0b0_1111_1111");
    check_int("123456789", 10, true, "015,", "-00,123,456,789");
    check_int("0", 10, true, "+d", "+0");
    check_int("65", 10, false, "^5c", "  A  ");
    check_int("233", 10, false, "c", "\xc3\xa9");
    check_int("119070", 10, false, "0>3c", "00\xf0\x9d\x84\x9e");
    check_int("1", 10, false, "\xd9\xa1\xd9\xa0", "         1");   // Arabic-Indic width 10
    check_int("1", 10, false, "", "1");
    check_int("000", 10, false, "", "0");
    check_int("1", 10, false, "e", "1.000000e+00");
    check_int("9007199254740993", 10, false, ".0f", "9007199254740992");
    check_int("12345", 10, false, "n", "12345");
    // Digits may come in any base; the formatter converts.
    check_int("FF", 16, false, "d", "255");
    check_int("ff", 16, false, "o", "377");
    check_int("777", 8, true, "_b", "-1_1111_1111");
    check_int("101", 2, false, "#x", "0x5");
    check_int("1fffffffffffff", 16, false, ",", "9,007,199,254,740,991");
    check_int("20000000000001", 16, false, "e", "9.007199e+15");
    // 2**200 in every direction.
    const char *dec = "1606938044258990275541962092341162602522202993782792835301376";
    char hex[64] = "1";
    memset(hex + 1, '0', 50);
    hex[51] = '\0';
    check_int(dec, 10, false, "x", hex);
    check_int(hex, 16, false, "d", dec);
    char oct[80] = "4";   // 2**200 = 4 * 8**66
    memset(oct + 1, '0', 66);
    oct[67] = '\0';
    check_int(dec, 10, false, "o", oct);
    check_int(hex, 16, false, "o", oct);
    char bin[210] = "1";
    memset(bin + 1, '0', 200);
    bin[201] = '\0';
    check_int(oct, 8, false, "b", bin);
    check_int(bin, 2, false, "d", dec);
    // NUL fill: the length tells.
    FmtError err = {0};
    size_t n;
    char *s = fmt_format_int("7", 10, false, "\0>3", 3, "int", &n, &err);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(n, 3);
    ck_assert(memcmp(s, "\0\0" "7", 3) == 0);
    free(s);
    // fmt_int_base tells the caller which digits to produce.
    FormatSpec fs;
    ck_assert_int_eq(fmt_parse_spec("#x", 2, FMT_KIND_INT, "int", &fs, &err), 0);
    ck_assert_int_eq(fmt_int_base(&fs), 16);
    ck_assert_int_eq(fmt_parse_spec("_b", 2, FMT_KIND_INT, "int", &fs, &err), 0);
    ck_assert_int_eq(fmt_int_base(&fs), 2);
    ck_assert_int_eq(fmt_parse_spec("", 0, FMT_KIND_INT, "int", &fs, &err), 0);
    ck_assert_int_eq(fmt_int_base(&fs), 10);
    ck_assert_int_eq(fs.type, 'd');
    ck_assert_int_eq(fs.align, '>');
    // Bad digits are refused, not misread.
    ck_assert_ptr_null(fmt_format_int("12a", 10, false, "d", 1, "int", NULL, &err));
}
END_TEST

START_TEST(test_int_base_roundtrip)
{
    // Random big numbers: decimal -> hex -> decimal, octal and binary agree.
    srand(12345);
    for (int t = 0; t < 200; t++) {
        char dec[600];
        int len = 1 + rand() % 580;
        dec[0] = (char)('1' + rand() % 9);
        for (int i = 1; i < len; i++)
            dec[i] = (char)('0' + rand() % 10);
        dec[len] = '\0';
        FmtError err = {0};
        char *hex = fmt_format_int(dec, 10, false, "x", 1, "int", NULL, &err);
        char *oct = fmt_format_int(hex, 16, false, "o", 1, "int", NULL, &err);
        char *bin = fmt_format_int(oct, 8, false, "b", 1, "int", NULL, &err);
        char *back = fmt_format_int(bin, 2, false, "d", 1, "int", NULL, &err);
        ck_assert_str_eq(back, dec);
        free(hex);
        free(oct);
        free(bin);
        free(back);
    }
}
END_TEST

static void check_str(const char *s, const char *spec, const char *want)
{
    FmtError err = {0};
    char *r = fmt_format_str(s, strlen(s), spec, strlen(spec), "str", NULL, &err);
    ck_assert_msg(r != NULL, "format('%s', '%s') failed: %s", s, spec, err.msg);
    ck_assert_str_eq(r, want);
    free(r);
}

START_TEST(test_str_format)
{
    check_str("ab", "05", "ab000");
    check_str("ab", "^05", "0ab00");
    check_str("h\xc3\xa9llo", ".2", "h\xc3\xa9");
    check_str("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "*^8.2", "***\xe6\x97\xa5\xe6\x9c\xac***");
    check_str("abc", "\xc3\xa9>6", "\xc3\xa9\xc3\xa9\xc3\xa9" "abc");
    check_str("abc", "", "abc");
    check_str("abc", "s", "abc");
    check_str("abc", "<2", "abc");
    check_str("", "3", "   ");
    // Embedded NUL bytes survive.
    FmtError err = {0};
    size_t n;
    char *r = fmt_format_str("a\0b", 3, ">5", 2, "str", &n, &err);
    ck_assert_uint_eq(n, 5);
    ck_assert(memcmp(r, "  a\0b", 5) == 0);
    free(r);
}
END_TEST

static void check_parse(const char *s, double want)
{
    double x = 12345;
    ck_assert_msg(fmt_parse_float(s, strlen(s), &x) == 0, "float('%s') failed", s);
    if (isnan(want))
        ck_assert_msg(isnan(x) && signbit(x) == signbit(want), "float('%s')", s);
    else
        ck_assert_msg(x == want && signbit(x) == signbit(want), "float('%s') = %.17g", s, x);
}

static void check_parse_fails(const char *s, size_t len)
{
    double x;
    ck_assert_msg(fmt_parse_float(s, len, &x) < 0, "float('%s') should fail", s);
}

START_TEST(test_parse_float)
{
    check_parse("1", 1.0);
    check_parse("  1.5\t\n", 1.5);
    check_parse("1_000.000_1", 1000.0001);
    check_parse("1e1_0", 1e10);
    check_parse(".5", 0.5);
    check_parse("1.", 1.0);
    check_parse("-0", -0.0);
    check_parse("+1E-5", 1e-5);
    check_parse("inf", INFINITY);
    check_parse("-Infinity", -INFINITY);
    check_parse("+iNf", INFINITY);
    check_parse("nan", NAN);
    check_parse("-NaN", -NAN);
    check_parse("1e400", INFINITY);
    check_parse("-1e-400", -0.0);
    check_parse("4.9e-324", 5e-324);
    check_parse("0.1", 0.1);
    check_parse("9007199254740993", 9007199254740992.0);
    check_parse("\xd9\xa1\xd9\xa2.\xd9\xa5", 12.5);              // Arabic-Indic digits
    check_parse("\xe2\x80\x83" "1.5\xe3\x80\x80", 1.5);         // Unicode spaces
    const char *bad[] = {"", " ", ".", "-", "+", "1e", "1e+", "e5", "0x10", "0x1p3", "1__0", "_1",
                         "1_", "1_.5", "1._5", "1_e5", "1e_5", "1 2", "+-1", "--1", "infinit",
                         "nan(1)", "in f", "i_nf", "\0341", "\xc2\xbd", "1\xe2\x80\x8b", "1,5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        check_parse_fails(bad[i], strlen(bad[i]));
    check_parse_fails("1\0", 2);
    // Differential agreement with repr: parsing what repr prints gives the number back.
    srand(7);
    for (int i = 0; i < 20000; i++) {
        unsigned long long bits = ((unsigned long long)rand() << 40) ^ ((unsigned long long)rand() << 20) ^
                                  (unsigned long long)rand();
        double x;
        memcpy(&x, &bits, sizeof x);
        if (!isfinite(x))
            continue;
        char *r = fmt_float_repr(x);
        double y;
        ck_assert_int_eq(fmt_parse_float(r, strlen(r), &y), 0);
        ck_assert_msg(memcmp(&x, &y, sizeof x) == 0, "repr %s does not round-trip", r);
        free(r);
    }
}
END_TEST

START_TEST(test_unicode_decimal)
{
    ck_assert_int_eq(fmt_unicode_decimal('0'), 0);
    ck_assert_int_eq(fmt_unicode_decimal('9'), 9);
    ck_assert_int_eq(fmt_unicode_decimal('a'), -1);
    ck_assert_int_eq(fmt_unicode_decimal(0x663), 3);     // ARABIC-INDIC DIGIT THREE
    ck_assert_int_eq(fmt_unicode_decimal(0xFF19), 9);    // FULLWIDTH DIGIT NINE
    ck_assert_int_eq(fmt_unicode_decimal(0x1FBF9), 9);   // SEGMENTED DIGIT NINE
    ck_assert_int_eq(fmt_unicode_decimal(0xBD), -1);     // VULGAR FRACTION ONE HALF
    ck_assert_int_eq(fmt_unicode_decimal(0x2F), -1);
    ck_assert_int_eq(fmt_unicode_decimal(0x10FFFF), -1);
}
END_TEST

static void check_pf(double x, char conv, unsigned flags, long width, long prec, const char *want)
{
    FmtError err = {0};
    char *s = fmt_printf_float(x, conv, flags, width, prec, NULL, &err);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, want);
    free(s);
}

START_TEST(test_printf)
{
    check_pf(3.14159, 'f', 0, 5, 2, " 3.14");
    check_pf(-3.0, 'e', FMT_PF_BLANK | FMT_PF_ZERO, 8, 2, "-3.00e+00");
    check_pf(3.0, 'e', FMT_PF_BLANK | FMT_PF_ZERO, 10, 2, " 03.00e+00");
    check_pf(2.0, 'f', FMT_PF_ALT, -1, 0, "2.");
    check_pf(2.0, 'g', FMT_PF_ALT, -1, -1, "2.00000");
    check_pf(INFINITY, 'f', FMT_PF_ZERO, 5, -1, "00inf");
    check_pf(1.5, 'f', FMT_PF_LJUST | FMT_PF_ZERO, 5, 1, "1.5  ");
    check_pf(NAN, 'g', FMT_PF_SIGN, -1, 3, "+nan");
    check_pf(1e100, 'G', 0, -1, -1, "1E+100");
    check_pf(0.5, 'f', 0, -1, -1, "0.500000");
    FmtError err = {0};
    char *s = fmt_printf_int("8", 10, false, 'o', FMT_PF_ALT | FMT_PF_ZERO, 8, -1, NULL, &err);
    ck_assert_str_eq(s, "0o000010");
    free(s);
    s = fmt_printf_int("ff", 16, false, 'X', FMT_PF_ALT | FMT_PF_SIGN, 8, -1, NULL, &err);
    ck_assert_str_eq(s, "   +0XFF");
    free(s);
    s = fmt_printf_int("5", 10, true, 'd', FMT_PF_SIGN | FMT_PF_ZERO, 8, 3, NULL, &err);
    ck_assert_str_eq(s, "-0000005");
    free(s);
    ck_assert_ptr_null(fmt_printf_int("5", 10, false, 'd', 0, -1, 2147483645L, NULL, &err));
    ck_assert_int_eq(err.kind, FMT_OVERFLOW_ERROR);
    ck_assert_str_eq(err.msg, "precision too large");
    s = fmt_printf_str("h\xc3\xa9llo", 6, 's', FMT_PF_LJUST, 8, 3, NULL, &err);
    ck_assert_str_eq(s, "h\xc3\xa9l     ");
    free(s);
    s = fmt_printf_str("x", 1, 'c', FMT_PF_ZERO | FMT_PF_SIGN, 3, -1, NULL, &err);
    ck_assert_str_eq(s, "  x");
    free(s);
}
END_TEST

START_TEST(test_double_to_string)
{
    char *s = fmt_double_to_string(1e22, 'r', 0, false, false);
    ck_assert_str_eq(s, "1e+22");
    free(s);
    s = fmt_double_to_string(100.0, 'r', 0, false, false);
    ck_assert_str_eq(s, "100");
    free(s);
    s = fmt_double_to_string(100.0, 'g', 17, false, true);
    ck_assert_str_eq(s, "100.0");
    free(s);
    s = fmt_double_to_string(-2.5, 'E', 3, true, false);
    ck_assert_str_eq(s, "-2.500E+00");
    free(s);
}
END_TEST

static Suite *fmtnum_suite(void)
{
    Suite *s = suite_create("fmtnum");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_table);
    tcase_add_test(tc, test_repr);
    tcase_add_test(tc, test_float_format);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_int_format);
    tcase_add_test(tc, test_int_base_roundtrip);
    tcase_add_test(tc, test_str_format);
    tcase_add_test(tc, test_parse_float);
    tcase_add_test(tc, test_unicode_decimal);
    tcase_add_test(tc, test_printf);
    tcase_add_test(tc, test_double_to_string);
    suite_add_tcase(s, tc);
    return s;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--stdin") == 0)
        return run_stdin();
    SRunner *sr = srunner_create(fmtnum_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
