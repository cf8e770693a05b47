// Number and string formatting as CPython 3.11 does it. See fmtnum.h for the design notes.
// CPython counterparts: Python/formatter_unicode.c (the mini-language), Python/pystrtod.c
// (PyOS_double_to_string, float parsing), Objects/unicodeobject.c (the '%' operator's output).
#include "fmtnum.h"

#include <ctype.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Errors

static void set_error(FmtError *err, FmtErrorKind kind, const char *fmt, ...)
{
    if (err == NULL)
        return;
    err->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

static void set_nomem(FmtError *err)
{
    set_error(err, FMT_MEMORY_ERROR, "%s", "");
}

// CPython's unknown_presentation_type().
static void unknown_type(FmtError *err, uint32_t type, const char *type_name)
{
    if (type > 32 && type < 128)
        set_error(err, FMT_VALUE_ERROR, "Unknown format code '%c' for object of type '%.200s'",
                  (char)type, type_name);
    else
        set_error(err, FMT_VALUE_ERROR, "Unknown format code '\\x%x' for object of type '%.200s'",
                  (unsigned)type, type_name);
}

// ---------------------------------------------------------------------------------------------
// A growable byte buffer. Running out of memory sets [oom]; later writes do nothing and
// buf_finish() reports MemoryError, so writers need not check every call.

typedef struct {
    char *p;
    size_t len, cap;
    bool oom;
} Buf;

static bool buf_reserve(Buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (extra > SIZE_MAX / 4 - b->len) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (p == NULL) {
        b->oom = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

static void buf_put(Buf *b, const char *s, size_t n)
{
    if (n == 0 || !buf_reserve(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void buf_putc(Buf *b, char c)
{
    buf_put(b, &c, 1);
}

static void buf_puts(Buf *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

// Appends [times] copies of the [n]-byte sequence [s]; nothing when times <= 0.
static void buf_repeat(Buf *b, const char *s, size_t n, long times)
{
    if (times <= 0 || n == 0)
        return;
    if ((unsigned long)times > (SIZE_MAX / 8) / n) {
        b->oom = true;
        return;
    }
    if (!buf_reserve(b, n * (size_t)times))
        return;
    if (n == 1) {
        memset(b->p + b->len, s[0], (size_t)times);
        b->len += (size_t)times;
    } else {
        for (long i = 0; i < times; i++) {
            memcpy(b->p + b->len, s, n);
            b->len += n;
        }
    }
}

// Hands the buffer over to the caller, NUL-terminated; NULL and MemoryError if it overflowed.
static char *buf_finish(Buf *b, size_t *outlen, FmtError *err)
{
    if (!buf_reserve(b, 0)) {
        free(b->p);
        set_nomem(err);
        return NULL;
    }
    b->p[b->len] = '\0';
    if (outlen)
        *outlen = b->len;
    return b->p;
}

// ---------------------------------------------------------------------------------------------
// UTF-8 and Unicode helpers

// Decodes the code point at [s] (n > 0 bytes available). Returns its length; an invalid byte
// decodes as itself with length 1.
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    size_t len;
    uint32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC0 && c < 0xE0) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c < 0xF0) {
        len = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c < 0xF8) {
        len = 4;
        v = c & 0x07;
    } else {
        *cp = c;
        return 1;
    }
    if (len > n) {
        *cp = c;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = c;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

// Encodes [cp] (< 0x110000; surrogates are encoded like any other code point).
static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

// Code points in [s, s+n): bytes that are not continuation bytes.
static long utf8_count(const char *s, size_t n)
{
    long count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

// Byte offset of code point number [ncp] in [s, s+n) (n when there are fewer).
static size_t utf8_offset(const char *s, size_t n, long ncp)
{
    long seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (seen == ncp)
                return i;
            seen++;
        }
    }
    return n;
}

// The code points whose decimal value is 0 (Unicode 14.0, as in CPython 3.11); each starts a
// run of ten consecutive digits 0..9.
static const uint32_t decimal_zeros[] = {
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
};

int fmt_unicode_decimal(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') ? (int)(cp - '0') : -1;
    size_t lo = 0, hi = sizeof decimal_zeros / sizeof decimal_zeros[0];
    while (lo < hi) {   // the last zero <= cp
        size_t mid = (lo + hi) / 2;
        if (decimal_zeros[mid] <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return -1;
    uint32_t zero = decimal_zeros[lo - 1];
    return cp - zero < 10 ? (int)(cp - zero) : -1;
}

// Python's str.isspace() for code points >= 128 (Py_UNICODE_ISSPACE).
static bool unicode_isspace_nonascii(uint32_t cp)
{
    switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

// Py_ISSPACE: the ASCII whitespace of C's isspace() in the "C" locale.
static bool ascii_isspace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// ---------------------------------------------------------------------------------------------
// Parsing the format spec (parse_internal_render_format_spec)

static bool is_align(unsigned char c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

// Reads a run of decimal digits (any Unicode decimal digit, as CPython's get_integer). Returns
// how many were read, or -1 with the error set on overflow.
static long get_integer(const unsigned char *s, size_t len, size_t *pos, long *result,
                        FmtError *err)
{
    long acc = 0, ndigits = 0;
    while (*pos < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + *pos, len - *pos, &cp);
        int d = fmt_unicode_decimal(cp);
        if (d < 0)
            break;
        if (acc > (LONG_MAX - d) / 10) {
            set_error(err, FMT_VALUE_ERROR, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        *pos += n;
        ndigits++;
    }
    *result = acc;
    return ndigits;
}

int fmt_parse_spec(const char *spec, size_t len, FmtKind kind, const char *type_name,
                   FormatSpec *out, FmtError *err)
{
    const unsigned char *s = (const unsigned char *)spec;
    char default_align = kind == FMT_KIND_STR ? '<' : '>';
    size_t pos = 0;
    bool fill_given = false;

    memset(out, 0, sizeof *out);
    out->fill[0] = ' ';
    out->fill_len = 1;
    out->align = default_align;
    out->width = -1;
    out->precision = -1;
    out->type = kind == FMT_KIND_INT ? 'd' : kind == FMT_KIND_STR ? 's' : 0;

    // If the second code point is an alignment token, the first is the fill.
    uint32_t cp;
    size_t n0 = len ? utf8_decode(s, len, &cp) : 0;
    if (len > n0 && is_align(s[n0])) {
        memcpy(out->fill, s, n0);
        out->fill[n0] = '\0';
        out->fill_len = n0;
        out->align = (char)s[n0];
        out->align_given = true;
        fill_given = true;
        pos = n0 + 1;
    } else if (len >= 1 && is_align(s[0])) {
        out->align = (char)s[0];
        out->align_given = true;
        pos = 1;
    }
    if (pos < len && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
        out->sign = (char)s[pos++];
    if (pos < len && s[pos] == 'z') {
        out->no_neg_0 = true;
        pos++;
    }
    if (pos < len && s[pos] == '#') {
        out->alternate = true;
        pos++;
    }
    // The '0' flag: zero fill, and '=' alignment for numbers unless an alignment was given.
    if (!fill_given && pos < len && s[pos] == '0') {
        out->fill[0] = '0';
        out->zero = true;
        if (!out->align_given && default_align == '>')
            out->align = '=';
        pos++;
    }
    long consumed = get_integer(s, len, &pos, &out->width, err);
    if (consumed < 0)
        return -1;
    if (consumed == 0)
        out->width = -1;
    if (pos < len && s[pos] == ',') {
        out->grouping = ',';
        pos++;
    }
    if (pos < len && s[pos] == '_') {
        if (out->grouping) {
            set_error(err, FMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
            return -1;
        }
        out->grouping = '_';
        pos++;
    }
    if (pos < len && s[pos] == ',' && out->grouping == '_') {
        set_error(err, FMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (pos < len && s[pos] == '.') {
        pos++;
        consumed = get_integer(s, len, &pos, &out->precision, err);
        if (consumed < 0)
            return -1;
        if (consumed == 0) {
            set_error(err, FMT_VALUE_ERROR, "Format specifier missing precision");
            return -1;
        }
    }
    // What is left must be at most one code point: the type.
    long rest = utf8_count(spec + pos, len - pos);
    if (rest > 1) {
        set_error(err, FMT_VALUE_ERROR, "Invalid format specifier '%.*s' for object of type '%.200s'",
                  (int)(len > 400 ? 400 : len), spec, type_name);
        return -1;
    }
    if (rest == 1)
        utf8_decode(s + pos, len - pos, &out->type);

    if (out->grouping) {
        switch (out->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (out->grouping == '_')
                break;   // every four digits, decided when formatting
            // fall through
        default:
            if (out->type > 32 && out->type < 128)
                set_error(err, FMT_VALUE_ERROR, "Cannot specify '%c' with '%c'.", out->grouping,
                          (char)out->type);
            else
                set_error(err, FMT_VALUE_ERROR, "Cannot specify '%c' with '\\x%x'.",
                          out->grouping, (unsigned)out->type);
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Laying out a number (calc_number_widths, fill_number, _PyUnicode_InsertThousandsGrouping)

// The pieces of a formatted number, before padding and grouping.
typedef struct {
    char sign_char;            // '-' when the number is negative, else 0
    const char *prefix;        // "0x" etc., already in its final case
    size_t n_prefix;
    const char *digits;        // the integer digits to group (ASCII)
    long n_digits;
    bool has_decimal;          // a '.' follows the digits
    const char *rem;           // after the '.' (or after the digits): fraction, exponent, '%'
    size_t rem_bytes;
    long n_rem;                // code points in rem
} NumParts;

// CPython's grouping walk. [sep] 0 means no grouping (the digits are only zero-padded up to
// [min_width]). Returns the code points the grouped digits take; when [out_end] is not NULL,
// writes them backwards so that they end just before out_end.
static long group_digits(char *out_end, const char *digits, long n_digits, long min_width,
                         char sep, long group)
{
    long count = 0, remaining = n_digits;
    bool use_sep = false, broken = false;
    const char *dpos = digits + n_digits;
    char *bpos = out_end;
    if (min_width < 0)
        min_width = 0;
    long len, n_zeros, n_chars;
#define FILL_GROUP()                                                        \
    do {                                                                    \
        count += (use_sep ? 1 : 0) + n_zeros + n_chars;                     \
        if (bpos) {                                                         \
            if (use_sep)                                                    \
                *--bpos = sep;                                              \
            bpos -= n_chars;                                                \
            dpos -= n_chars;                                                \
            memcpy(bpos, dpos, (size_t)n_chars);                            \
            bpos -= n_zeros;                                                \
            memset(bpos, '0', (size_t)n_zeros);                             \
        }                                                                   \
    } while (0)
    if (sep) {
        for (;;) {
            long m = remaining > min_width ? remaining : min_width;
            len = group < (m > 1 ? m : 1) ? group : (m > 1 ? m : 1);
            n_zeros = len - remaining > 0 ? len - remaining : 0;
            n_chars = remaining < len ? remaining : len;
            if (n_chars < 0)
                n_chars = 0;
            FILL_GROUP();
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if (remaining <= 0 && min_width <= 0) {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if (!broken) {
        long m = remaining > min_width ? remaining : min_width;
        len = m > 1 ? m : 1;
        n_zeros = len - remaining > 0 ? len - remaining : 0;
        n_chars = remaining < len ? remaining : len;
        if (n_chars < 0)
            n_chars = 0;
        FILL_GROUP();
    }
#undef FILL_GROUP
    return count;
}

// Widths beyond this are reported as MemoryError without trying (CPython would fail to
// allocate them too).
#define FMT_MAX_WIDTH (1L << 40)

static char *fill_number(const NumParts *np, const FormatSpec *spec, char sep, long group,
                         bool toupper_digits, size_t *outlen, FmtError *err)
{
    long width = spec->width;
    if (width > FMT_MAX_WIDTH) {
        set_nomem(err);
        return NULL;
    }
    char sign = 0;
    switch (spec->sign) {
    case '+':
        sign = np->sign_char == '-' ? '-' : '+';
        break;
    case ' ':
        sign = np->sign_char == '-' ? '-' : ' ';
        break;
    default:
        if (np->sign_char == '-')
            sign = '-';
    }
    long n_sign = sign ? 1 : 0;
    long n_decimal = np->has_decimal ? 1 : 0;
    long n_non_digit = n_sign + (long)np->n_prefix + n_decimal + np->n_rem;
    long min_width = 0;
    if (spec->fill_len == 1 && spec->fill[0] == '0' && spec->align == '=')
        min_width = width - n_non_digit;
    long n_grouped = 0;
    if (np->n_digits != 0)
        n_grouped = group_digits(NULL, np->digits, np->n_digits, min_width, sep, group);

    long lpad = 0, spad = 0, rpad = 0;
    long n_padding = width - (n_non_digit + n_grouped);
    if (n_padding > 0) {
        switch (spec->align) {
        case '<':
            rpad = n_padding;
            break;
        case '^':
            lpad = n_padding / 2;
            rpad = n_padding - lpad;
            break;
        case '=':
            spad = n_padding;
            break;
        default:
            lpad = n_padding;
            break;
        }
    }

    Buf b = {0};
    buf_repeat(&b, spec->fill, spec->fill_len, lpad);
    if (sign)
        buf_putc(&b, sign);
    buf_put(&b, np->prefix, np->n_prefix);
    buf_repeat(&b, spec->fill, spec->fill_len, spad);
    if (np->n_digits != 0 && buf_reserve(&b, (size_t)n_grouped)) {
        char *start = b.p + b.len;
        group_digits(start + n_grouped, np->digits, np->n_digits, min_width, sep, group);
        if (toupper_digits)
            for (long i = 0; i < n_grouped; i++)
                start[i] = (char)toupper((unsigned char)start[i]);
        b.len += (size_t)n_grouped;
    }
    if (np->has_decimal)
        buf_putc(&b, '.');
    buf_put(&b, np->rem, np->rem_bytes);
    buf_repeat(&b, spec->fill, spec->fill_len, rpad);
    return buf_finish(&b, outlen, err);
}

// ---------------------------------------------------------------------------------------------
// Float to digits (what _Py_dg_dtoa returns), from the C library's correctly rounded printf

// Writes the %e form of the [n] significant digits [d] (point after the first digit, value
// d.ddd * 10**(decpt-1)) plus [delta] (-1, 0 or +1) units in the last place, keeping n digits
// (decpt moves on a carry or a borrow).
static void neighbour(const char *d, long n, int decpt, int delta, char *out, size_t outsize)
{
    char t[24];
    memcpy(t, d, (size_t)n);
    long i = n - 1;
    if (delta > 0) {
        while (i >= 0 && t[i] == '9')
            t[i--] = '0';
        if (i >= 0) {
            t[i]++;
        } else {   // 99..9 + 1 = 100..0
            t[0] = '1';
            decpt++;
        }
    } else if (delta < 0) {
        while (i >= 0 && t[i] == '0')
            t[i--] = '9';
        if (i < 0) {   // d is all zeros: cannot happen for x > 0
            snprintf(out, outsize, "0");
            return;
        }
        t[i]--;
        if (t[0] == '0') {   // 100..0 - 1 = 99..9 (one digit shorter), keep n digits
            memmove(t, t + 1, (size_t)(n - 1));
            t[n - 1] = '9';
            decpt--;
        }
    }
    size_t k = 0;
    out[k++] = t[0];
    if (n > 1) {
        out[k++] = '.';
        memcpy(out + k, t + 1, (size_t)(n - 1));
        k += (size_t)(n - 1);
    }
    snprintf(out + k, outsize - k, "e%d", decpt - 1);
}

// Splits the %e text [buf] into its significant digits (all of them) and decimal point position.
static long split_e(const char *buf, char *d, int *decpt)
{
    long n = 0;
    const char *q = buf;
    for (; *q && *q != 'e'; q++)
        if (*q != '.')
            d[n++] = *q;
    *decpt = (int)strtol(q + 1, NULL, 10) + 1;
    return n;
}

// Reads "d.ddde+XX" (as printed by %e) into [digits] without trailing zeros (at least one
// digit stays), NUL-terminated, and returns their count; *decpt is where the point goes.
static long parse_e_output(const char *buf, char *digits, int *decpt)
{
    long n = split_e(buf, digits, decpt);
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    return n;
}

// True when the %e text [cand] reads back as [x]; otherwise, where the rounding interval of x
// is lopsided, tries the two decimal neighbours of cand and leaves the one that works in cand.
static bool round_trips(double x, char *cand, size_t size, bool lopsided)
{
    if (strtod(cand, NULL) == x)
        return true;
    if (!lopsided)
        return false;
    char d[24], nb[40];
    int dp;
    long n = split_e(cand, d, &dp);
    for (int delta = -1; delta <= 1; delta += 2) {
        neighbour(d, n, dp, delta, nb, sizeof nb);
        if (strtod(nb, NULL) == x) {
            snprintf(cand, size, "%s", nb);
            return true;
        }
    }
    return false;
}

// The shortest digits that round-trip to [x] (> 0, finite), nearest to x among the shortest:
// _Py_dg_dtoa mode 0. Writes at most 17 digits and a NUL into [digits].
static long shortest_digits(double x, char *digits, int *decpt)
{
    char buf[40], cand[40];
    // The interval of reals that round to x is lopsided (twice as wide above as below) only at
    // powers of two from 2**-1021 up. Elsewhere the nearest p-digit decimal is inside it
    // whenever any p-digit decimal is; at those powers a neighbour of the nearest may be.
    int exp2;
    bool lopsided = frexp(x, &exp2) == 0.5 && exp2 > -1021;
    if (x < DBL_MIN) {
        // Subnormals have wide intervals: search up from one digit.
        for (int p = 1; p <= 17; p++) {
            snprintf(cand, sizeof cand, "%.*e", p - 1, x);
            if (round_trips(x, cand, sizeof cand, lopsided))
                return parse_e_output(cand, digits, decpt);
        }
    }
    // For normal numbers the interval (one ulp < 2.3e-16 x wide) holds at most one 15-digit
    // decimal, so a 15-digit hit is the shortest string once its trailing zeros go; else try
    // 16 digits; 17 always round-trip. The 15- and 16-digit candidates are rounded from the
    // 17-digit one, except when that shows a tie ("...50" / "...5"), which may be false.
    char d17[24];
    int dp17;
    snprintf(buf, sizeof buf, "%.16e", x);
    split_e(buf, d17, &dp17);
    for (int p = 15; p <= 16; p++) {
        const char *tail = d17 + p;
        bool tie = tail[0] == '5' && (p == 16 || tail[1] == '0');
        if (tie) {
            snprintf(cand, sizeof cand, "%.*e", p - 1, x);
        } else {
            bool up = tail[0] > '5' || (tail[0] == '5' && tail[1] > '0');
            neighbour(d17, p, dp17, up ? 1 : 0, cand, sizeof cand);
        }
        if (round_trips(x, cand, sizeof cand, lopsided))
            return parse_e_output(cand, digits, decpt);
    }
    return parse_e_output(buf, digits, decpt);
}

// _Py_dg_dtoa(x, mode, ndigits) for finite x >= 0: mode 0 shortest round-trip, mode 2
// [ndigits] significant digits, mode 3 [ndigits] digits after the point; trailing zeros
// dropped. Returns a malloc'd digit string (possibly empty in mode 3 when x rounds to zero,
// then *decpt = -ndigits, as dtoa does) or NULL when out of memory.
static char *dtoa_digits(double x, int mode, long ndigits, int *decpt, long *ndig)
{
    char *digits;
    if (x == 0) {
        digits = malloc(2);
        if (digits) {
            strcpy(digits, "0");
            *decpt = 1;
            *ndig = 1;
        }
        return digits;
    }
    if (mode == 0) {
        digits = malloc(24);
        if (digits)
            *ndig = shortest_digits(x, digits, decpt);
        return digits;
    }
    if (mode == 2) {
        // A double has at most 767 significant decimal digits; asking for more only adds zeros.
        long prec = ndigits - 1 > 800 ? 800 : ndigits - 1;
        size_t size = (size_t)prec + 32;
        char *buf = malloc(size);
        digits = malloc(size);
        if (buf == NULL || digits == NULL) {
            free(buf);
            free(digits);
            return NULL;
        }
        snprintf(buf, size, "%.*e", (int)prec, x);
        *ndig = parse_e_output(buf, digits, decpt);
        free(buf);
        return digits;
    }
    // Mode 3. Fractions of a double end within 1074 places; more places only add zeros.
    long prec = ndigits > 1100 ? 1100 : ndigits;
    size_t size = (size_t)prec + 400;
    char *buf = malloc(size);
    digits = malloc(size);
    if (buf == NULL || digits == NULL) {
        free(buf);
        free(digits);
        return NULL;
    }
    snprintf(buf, size, "%.*f", (int)prec, x);
    long n = 0, point = -1;
    for (const char *q = buf; *q; q++) {
        if (*q == '.')
            point = n;
        else
            digits[n++] = *q;
    }
    if (point < 0)
        point = n;
    long lead = 0;
    while (lead < n && digits[lead] == '0')
        lead++;
    memmove(digits, digits + lead, (size_t)(n - lead));
    n -= lead;
    while (n > 0 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *decpt = (int)(point - lead);
    *ndig = n;
    free(buf);
    return digits;
}

// PyOS_double_to_string() with format_float_short(): [code] e E f F g G r.
static char *double_to_string(double val, char code, long precision, bool alt, bool add_dot_0,
                              bool no_neg_0)
{
    bool upper = false;
    int mode;
    switch (code) {
    case 'E':
        upper = true;
        code = 'e';
        // fall through
    case 'e':
        mode = 2;
        precision++;
        break;
    case 'F':
        upper = true;
        code = 'f';
        // fall through
    case 'f':
        mode = 3;
        break;
    case 'G':
        upper = true;
        code = 'g';
        // fall through
    case 'g':
        mode = 2;
        if (precision == 0)
            precision = 1;
        break;
    case 'r':
        mode = 0;
        precision = 0;
        break;
    default:
        return NULL;
    }

    Buf b = {0};
    bool sign = signbit(val) != 0;
    if (isnan(val) || isinf(val)) {
        if (isnan(val))
            sign = false;   // the sign of a nan is ignored
        if (sign)
            buf_putc(&b, '-');
        buf_puts(&b, isnan(val) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        return buf_finish(&b, NULL, NULL);
    }

    int decpt_i;
    long digits_len;
    char *digits = dtoa_digits(fabs(val), mode, precision, &decpt_i, &digits_len);
    if (digits == NULL)
        return NULL;
    long decpt = decpt_i;
    if (no_neg_0 && sign && (digits_len == 0 || (digits_len == 1 && digits[0] == '0')))
        sign = false;

    // Output the slice vdigits[vdigits_start:vdigits_end] of the digits padded with zeros on
    // both sides, with the point at decpt (see format_float_short).
    long vdigits_end = digits_len, exp = 0;
    bool use_exp = false;
    switch (code) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = true;
        if (alt)
            vdigits_end = precision;
        break;
    default:   // 'r': exponent from 1e16 on
        if (decpt <= -4 || decpt > 16)
            use_exp = true;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    long vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

    if (sign)
        buf_putc(&b, '-');
    if (decpt <= 0) {
        buf_repeat(&b, "0", 1, decpt - vdigits_start);
        buf_putc(&b, '.');
        buf_repeat(&b, "0", 1, -decpt);
    } else {
        buf_repeat(&b, "0", 1, -vdigits_start);
    }
    if (0 < decpt && decpt <= digits_len) {
        buf_put(&b, digits, (size_t)decpt);
        buf_putc(&b, '.');
        buf_put(&b, digits + decpt, (size_t)(digits_len - decpt));
    } else {
        buf_put(&b, digits, (size_t)digits_len);
    }
    if (digits_len < decpt) {
        buf_repeat(&b, "0", 1, decpt - digits_len);
        buf_putc(&b, '.');
        buf_repeat(&b, "0", 1, vdigits_end - decpt);
    } else {
        buf_repeat(&b, "0", 1, vdigits_end - digits_len);
    }
    free(digits);
    if (!b.oom && b.len > 0 && b.p[b.len - 1] == '.' && !alt)
        b.len--;
    if (use_exp) {
        char e[16];
        snprintf(e, sizeof e, "%c%+.02ld", upper ? 'E' : 'e', exp);
        buf_puts(&b, e);
    }
    return buf_finish(&b, NULL, NULL);
}

char *fmt_double_to_string(double x, char code, int precision, bool alternate, bool add_dot_0)
{
    return double_to_string(x, code, precision, alternate, add_dot_0, false);
}

char *fmt_float_repr(double x)
{
    return double_to_string(x, 'r', 0, false, true, false);
}

// ---------------------------------------------------------------------------------------------
// format() for floats (format_float_internal)

static char *format_float_internal(double val, const FormatSpec *spec, size_t *outlen,
                                   FmtError *err)
{
    if (spec->precision > INT_MAX) {
        set_error(err, FMT_VALUE_ERROR, "precision too big");
        return NULL;
    }
    long precision = spec->precision, default_precision = 6;
    char type = (char)spec->type;
    bool add_dot_0 = false, add_pct = false;
    if (type == 0) {
        // No type: like repr, or like 'g' with at least one digit after the point.
        add_dot_0 = true;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    if (spec->width > FMT_MAX_WIDTH || precision > FMT_MAX_WIDTH) {
        set_nomem(err);
        return NULL;
    }

    char *num = double_to_string(val, type, precision, spec->alternate, add_dot_0, spec->no_neg_0);
    if (num == NULL) {
        set_nomem(err);
        return NULL;
    }
    size_t n = strlen(num);
    if (add_pct) {
        char *grown = realloc(num, n + 2);
        if (grown == NULL) {
            free(num);
            set_nomem(err);
            return NULL;
        }
        num = grown;
        num[n++] = '%';
        num[n] = '\0';
    }

    NumParts np = {0};
    const char *p = num;
    if (*p == '-') {
        np.sign_char = '-';
        p++;
    }
    const char *end = num + n, *q = p;
    while (q < end && *q >= '0' && *q <= '9')
        q++;
    np.digits = p;
    np.n_digits = q - p;
    np.has_decimal = q < end && *q == '.';
    if (np.has_decimal)
        q++;
    np.rem = q;
    np.rem_bytes = (size_t)(end - q);
    np.n_rem = (long)(end - q);
    // 'n' uses the current locale, which is "C": no grouping.
    char sep = spec->type == 'n' ? 0 : spec->grouping;
    char *res = fill_number(&np, spec, sep, 3, false, outlen, err);
    free(num);
    return res;
}

char *fmt_float(double x, const FormatSpec *spec, const char *type_name, size_t *outlen,
                FmtError *err)
{
    switch (spec->type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_internal(x, spec, outlen, err);
    default:
        unknown_type(err, spec->type, type_name);
        return NULL;
    }
}

// ---------------------------------------------------------------------------------------------
// Base conversion for integers given as digit strings: natural numbers in 32-bit limbs

typedef struct {
    uint32_t *w;   // little-endian limbs
    size_t n;      // limbs in use (0 for zero)
} Nat;

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

static int bits_per_digit(int base)
{
    return base == 2 ? 1 : base == 8 ? 3 : 4;
}

// Parses [len] valid digits (no leading zeros needed) in [base]. False when out of memory.
static bool nat_from_digits(Nat *r, const char *s, size_t len, int base)
{
    r->n = 0;
    if (base == 10) {
        r->w = calloc(len / 9 + 2, sizeof(uint32_t));
        if (r->w == NULL)
            return false;
        size_t i = 0, take = len % 9 ? len % 9 : 9;
        while (i < len) {
            uint32_t chunk = 0, mul = 1;
            for (size_t k = 0; k < take; k++) {
                chunk = chunk * 10 + (uint32_t)(s[i + k] - '0');
                mul *= 10;
            }
            uint64_t carry = chunk;
            for (size_t k = 0; k < r->n; k++) {
                uint64_t t = (uint64_t)r->w[k] * mul + carry;
                r->w[k] = (uint32_t)t;
                carry = t >> 32;
            }
            if (carry)
                r->w[r->n++] = (uint32_t)carry;
            i += take;
            take = 9;
        }
        return true;
    }
    int bpd = bits_per_digit(base);
    size_t nlimbs = len * (size_t)bpd / 32 + 2;
    r->w = calloc(nlimbs, sizeof(uint32_t));
    if (r->w == NULL)
        return false;
    for (size_t k = 0; k < len; k++) {
        uint32_t v = (uint32_t)digit_value(s[len - 1 - k]);
        size_t bit = k * (size_t)bpd, limb = bit / 32, off = bit % 32;
        r->w[limb] |= v << off;
        if (off + (size_t)bpd > 32)
            r->w[limb + 1] |= v >> (32 - off);
    }
    r->n = nlimbs;
    while (r->n > 0 && r->w[r->n - 1] == 0)
        r->n--;
    return true;
}

// Prints [a] in [base] with lowercase letters; "0" for zero. Consumes (frees) a's limbs.
static char *nat_to_digits(Nat *a, int base, size_t *outlen)
{
    char *out;
    size_t len = 0;
    if (a->n == 0) {
        free(a->w);
        out = malloc(2);
        if (out) {
            strcpy(out, "0");
            *outlen = 1;
        }
        return out;
    }
    if (base != 10) {
        int bpd = bits_per_digit(base);
        size_t ndig = (a->n * 32 + (size_t)bpd - 1) / (size_t)bpd;
        out = malloc(ndig + 1);
        if (out == NULL) {
            free(a->w);
            return NULL;
        }
        for (size_t k = 0; k < ndig; k++) {
            size_t bit = k * (size_t)bpd, limb = bit / 32, off = bit % 32;
            uint32_t v = a->w[limb] >> off;
            if (off + (size_t)bpd > 32 && limb + 1 < a->n)
                v |= a->w[limb + 1] << (32 - off);
            v &= (1u << bpd) - 1;
            out[ndig - 1 - k] = "0123456789abcdef"[v];
        }
        size_t lead = 0;
        while (lead + 1 < ndig && out[lead] == '0')
            lead++;
        len = ndig - lead;
        memmove(out, out + lead, len);
        out[len] = '\0';
        free(a->w);
        *outlen = len;
        return out;
    }
    // Decimal: divide by 10^9 repeatedly, collecting 9-digit chunks from the low end.
    size_t nchunks = 0;
    uint32_t *chunks = malloc((a->n * 32 / 29 + 2) * sizeof(uint32_t));
    out = malloc(a->n * 10 + 2);
    if (chunks == NULL || out == NULL) {
        free(chunks);
        free(out);
        free(a->w);
        return NULL;
    }
    while (a->n > 0) {
        uint64_t rem = 0;
        for (size_t k = a->n; k-- > 0;) {
            uint64_t cur = (rem << 32) | a->w[k];
            a->w[k] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        chunks[nchunks++] = (uint32_t)rem;
        while (a->n > 0 && a->w[a->n - 1] == 0)
            a->n--;
    }
    len = (size_t)sprintf(out, "%u", (unsigned)chunks[nchunks - 1]);
    for (size_t k = nchunks - 1; k-- > 0;)
        len += (size_t)sprintf(out + len, "%09u", (unsigned)chunks[k]);
    free(chunks);
    free(a->w);
    *outlen = len;
    return out;
}

// Checks [digits] in [base] and returns the span without leading zeros ("0" for zero), or
// false if a character is not a digit of the base.
static bool normalize_digits(const char **digits, size_t *len, int base)
{
    const char *s = *digits;
    size_t n = strlen(s);
    if (base != 2 && base != 8 && base != 10 && base != 16)
        return false;
    for (size_t i = 0; i < n; i++)
        if (digit_value(s[i]) >= base)
            return false;
    while (n > 1 && s[0] == '0') {
        s++;
        n--;
    }
    if (n == 0) {
        s = "0";
        n = 1;
    }
    *digits = s;
    *len = n;
    return true;
}

// Converts [len] normalized digits from base [from] to base [to] (lowercase). Returns a
// malloc'd string, or NULL when out of memory.
static char *convert_base(const char *s, size_t len, int from, int to, size_t *outlen)
{
    if (from == to || (len == 1 && s[0] == '0')) {
        char *out = malloc(len + 1);
        if (out == NULL)
            return NULL;
        for (size_t i = 0; i < len; i++)
            out[i] = (char)tolower((unsigned char)s[i]);
        out[len] = '\0';
        *outlen = len;
        return out;
    }
    Nat a;
    if (!nat_from_digits(&a, s, len, from))
        return NULL;
    return nat_to_digits(&a, to, outlen);
}

static bool bad_digits(FmtError *err)
{
    set_error(err, FMT_VALUE_ERROR, "invalid digit string passed to fmt_int");
    return false;
}

// |n| as a C long (PyLong_AsLong); false with OverflowError when it does not fit.
static bool digits_to_long(const char *s, size_t len, int base, bool negative, long *out,
                           FmtError *err)
{
    unsigned long long mag = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned d = (unsigned)digit_value(s[i]);
        if (mag > (ULLONG_MAX - d) / (unsigned)base) {
            mag = ULLONG_MAX;
            break;
        }
        mag = mag * (unsigned)base + d;
    }
    if ((!negative && mag > (unsigned long long)LONG_MAX) ||
        (negative && mag > (unsigned long long)LONG_MAX + 1)) {
        set_error(err, FMT_OVERFLOW_ERROR, "Python int too large to convert to C long");
        return false;
    }
    *out = negative ? (long)(0 - mag) : (long)mag;
    return true;
}

// float(n) (PyLong_AsDouble): correctly rounded, OverflowError when too large.
static bool digits_to_double(const char *s, size_t len, int base, bool negative, double *out,
                             FmtError *err)
{
    size_t n;
    char *conv = convert_base(s, len, base, base == 10 ? 10 : 16, &n);
    if (conv == NULL) {
        set_nomem(err);
        return false;
    }
    char *text = malloc(n + 3);
    if (text == NULL) {
        free(conv);
        set_nomem(err);
        return false;
    }
    // glibc's strtod rounds both decimal and hexadecimal input correctly (half to even).
    snprintf(text, n + 3, "%s%s", base == 10 ? "" : "0x", conv);
    double v = strtod(text, NULL);
    free(conv);
    free(text);
    if (isinf(v)) {
        set_error(err, FMT_OVERFLOW_ERROR, "int too large to convert to float");
        return false;
    }
    *out = negative ? -v : v;
    return true;
}

// ---------------------------------------------------------------------------------------------
// format() for ints (format_long_internal)

int fmt_int_base(const FormatSpec *spec)
{
    switch (spec->type) {
    case 'b':
        return 2;
    case 'o':
        return 8;
    case 'x': case 'X':
        return 16;
    default:
        return 10;
    }
}

static char *format_long_internal(const char *s, size_t len, int base, bool negative,
                                  const FormatSpec *spec, size_t *outlen, FmtError *err)
{
    if (spec->precision != -1) {
        set_error(err, FMT_VALUE_ERROR, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (spec->no_neg_0) {
        set_error(err, FMT_VALUE_ERROR,
                  "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    NumParts np = {0};
    char chr[4];
    char *conv = NULL;
    char sep = spec->grouping;
    long group = 3;
    bool upper = false;
    if (spec->type == 'c') {
        if (spec->sign != 0) {
            set_error(err, FMT_VALUE_ERROR, "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (spec->alternate) {
            set_error(err, FMT_VALUE_ERROR,
                      "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        long x;
        if (!digits_to_long(s, len, base, negative, &x, err))
            return NULL;
        if (x < 0 || x > 0x10ffff) {
            set_error(err, FMT_OVERFLOW_ERROR, "%%c arg not in range(0x110000)");
            return NULL;
        }
        // Only "remainder" characters, copied as they are.
        np.rem = chr;
        np.rem_bytes = utf8_encode((uint32_t)x, chr);
        np.n_rem = 1;
    } else {
        int want = fmt_int_base(spec);
        size_t n;
        conv = convert_base(s, len, base, want, &n);
        if (conv == NULL) {
            set_nomem(err);
            return NULL;
        }
        if (negative)
            np.sign_char = '-';
        if (spec->alternate && want != 10) {
            np.prefix = want == 2 ? "0b" : want == 8 ? "0o" : spec->type == 'X' ? "0X" : "0x";
            np.n_prefix = 2;
        }
        np.digits = conv;
        np.n_digits = (long)n;
        upper = spec->type == 'X';
        if (want != 10)
            group = 4;
        if (spec->type == 'n')
            sep = 0;   // the "C" locale does not group
    }
    char *res = fill_number(&np, spec, sep, group, upper, outlen, err);
    free(conv);
    return res;
}

char *fmt_int(const char *digits, int base, bool negative, const FormatSpec *spec,
              const char *type_name, size_t *outlen, FmtError *err)
{
    size_t len;
    if (!normalize_digits(&digits, &len, base)) {
        bad_digits(err);
        return NULL;
    }
    if (len == 1 && digits[0] == '0')
        negative = false;
    switch (spec->type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_long_internal(digits, len, base, negative, spec, outlen, err);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double v;
        if (!digits_to_double(digits, len, base, negative, &v, err))
            return NULL;
        return format_float_internal(v, spec, outlen, err);
    }
    default:
        unknown_type(err, spec->type, type_name);
        return NULL;
    }
}

// ---------------------------------------------------------------------------------------------
// format() for strs (format_string_internal)

char *fmt_str(const char *s, size_t nbytes, const FormatSpec *spec, const char *type_name,
              size_t *outlen, FmtError *err)
{
    if (spec->type != 's') {
        unknown_type(err, spec->type, type_name);
        return NULL;
    }
    if (spec->sign == ' ') {
        set_error(err, FMT_VALUE_ERROR, "Space not allowed in string format specifier");
        return NULL;
    }
    if (spec->sign != 0) {
        set_error(err, FMT_VALUE_ERROR, "Sign not allowed in string format specifier");
        return NULL;
    }
    if (spec->no_neg_0) {
        set_error(err, FMT_VALUE_ERROR,
                  "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (spec->alternate) {
        set_error(err, FMT_VALUE_ERROR,
                  "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (spec->align == '=') {
        set_error(err, FMT_VALUE_ERROR, "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    if (spec->width > FMT_MAX_WIDTH) {
        set_nomem(err);
        return NULL;
    }
    long len = utf8_count(s, nbytes);
    if (spec->precision >= 0 && len >= spec->precision) {
        len = spec->precision;
        nbytes = utf8_offset(s, nbytes, len);
    }
    long total = spec->width > len ? spec->width : len;
    long lpad = spec->align == '>' ? total - len : spec->align == '^' ? (total - len) / 2 : 0;
    long rpad = total - len - lpad;
    Buf b = {0};
    buf_repeat(&b, spec->fill, spec->fill_len, lpad);
    buf_put(&b, s, nbytes);
    buf_repeat(&b, spec->fill, spec->fill_len, rpad);
    return buf_finish(&b, outlen, err);
}

// ---------------------------------------------------------------------------------------------
// One-call forms

char *fmt_format_float(double x, const char *spec, size_t len, const char *type_name,
                       size_t *outlen, FmtError *err)
{
    FormatSpec fs;
    if (fmt_parse_spec(spec, len, FMT_KIND_FLOAT, type_name, &fs, err) < 0)
        return NULL;
    return fmt_float(x, &fs, type_name, outlen, err);
}

char *fmt_format_int(const char *digits, int base, bool negative, const char *spec, size_t len,
                     const char *type_name, size_t *outlen, FmtError *err)
{
    FormatSpec fs;
    if (fmt_parse_spec(spec, len, FMT_KIND_INT, type_name, &fs, err) < 0)
        return NULL;
    return fmt_int(digits, base, negative, &fs, type_name, outlen, err);
}

char *fmt_format_str(const char *s, size_t nbytes, const char *spec, size_t len,
                     const char *type_name, size_t *outlen, FmtError *err)
{
    FormatSpec fs;
    if (fmt_parse_spec(spec, len, FMT_KIND_STR, type_name, &fs, err) < 0)
        return NULL;
    return fmt_str(s, nbytes, &fs, type_name, outlen, err);
}

// ---------------------------------------------------------------------------------------------
// float(str) (float_from_string_inner, _Py_string_to_number_with_underscores, _Py_dg_strtod)

// Case-insensitive match of the whole of [s, s+n) against lowercase [word].
static bool equals_nocase(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != word[i])
            return false;
    return true;
}

int fmt_parse_float(const char *s, size_t len, double *out)
{
    // Unicode spaces become ' ', Unicode digits ASCII digits, any other non-ASCII fails
    // (_PyUnicode_TransformDecimalAndSpaceToASCII); '_' is dropped where allowed.
    char *a = malloc(len + 1);
    if (a == NULL)
        return -1;
    size_t n = 0;
    char prev = 0;
    int rc = -1;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
        i += k;
        char c;
        if (cp < 127 && k == 1) {
            c = (char)cp;
        } else if (unicode_isspace_nonascii(cp)) {
            c = ' ';
        } else {
            int d = fmt_unicode_decimal(cp);
            if (d < 0)
                goto done;
            c = (char)('0' + d);
        }
        if (c == '\0')
            goto done;
        if (c == '_') {
            if (!(prev >= '0' && prev <= '9'))   // only after a digit
                goto done;
        } else {
            if (prev == '_' && !(c >= '0' && c <= '9'))   // and only before one
                goto done;
            a[n++] = c;
        }
        prev = c;
    }
    if (prev == '_')
        goto done;
    a[n] = '\0';

    // Strip whitespace.
    size_t start = 0, end = n;
    while (start < end && ascii_isspace(a[start]))
        start++;
    while (end > start && ascii_isspace(a[end - 1]))
        end--;
    if (start == end)
        goto done;
    const char *p = a + start;
    size_t m = end - start;
    bool negative = false;
    size_t i = 0;
    if (p[0] == '+' || p[0] == '-') {
        negative = p[0] == '-';
        i = 1;
    }
    if (equals_nocase(p + i, m - i, "inf") || equals_nocase(p + i, m - i, "infinity")) {
        *out = negative ? -INFINITY : INFINITY;
        rc = 0;
        goto done;
    }
    if (equals_nocase(p + i, m - i, "nan")) {
        *out = negative ? -NAN : NAN;
        rc = 0;
        goto done;
    }
    // digits [. digits] [(e|E) [sign] digits], with at least one mantissa digit.
    size_t ndigits = 0;
    while (i < m && p[i] >= '0' && p[i] <= '9') {
        i++;
        ndigits++;
    }
    if (i < m && p[i] == '.') {
        i++;
        while (i < m && p[i] >= '0' && p[i] <= '9') {
            i++;
            ndigits++;
        }
    }
    if (ndigits == 0)
        goto done;
    if (i < m && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < m && (p[i] == '+' || p[i] == '-'))
            i++;
        size_t edigits = 0;
        while (i < m && p[i] >= '0' && p[i] <= '9') {
            i++;
            edigits++;
        }
        if (edigits == 0)
            goto done;
    }
    if (i != m)
        goto done;
    a[end] = '\0';
    // The text is now plain decimal, which glibc's strtod rounds correctly; overflow gives
    // +-inf and underflow a (signed) zero or subnormal, as CPython's float() does.
    *out = strtod(p, NULL);
    rc = 0;
done:
    free(a);
    return rc;
}

// ---------------------------------------------------------------------------------------------
// The printf-style '%' operator (unicode_format_arg_output, formatfloat, _PyUnicode_FormatLong)

// Pads the converted text [str] as CPython does for conversion [ch]; [sign] is true for the
// numeric conversions, whose leading '-' or '+' is moved in front of zero padding.
static char *printf_output(const char *str, size_t nbytes, char ch, unsigned flags, long width,
                           long prec, bool sign, size_t *outlen, FmtError *err)
{
    if (width > FMT_MAX_WIDTH) {
        set_nomem(err);
        return NULL;
    }
    char fill = (sign && (flags & FMT_PF_ZERO)) ? '0' : ' ';
    long len = utf8_count(str, nbytes);
    if ((ch == 's' || ch == 'r' || ch == 'a') && prec >= 0 && len > prec)
        len = prec;
    size_t pindex = 0;
    char signchar = 0;
    if (sign) {
        if (nbytes > 0 && (str[0] == '-' || str[0] == '+')) {
            signchar = str[0];
            len--;
            pindex++;
        } else if (flags & FMT_PF_SIGN) {
            signchar = '+';
        } else if (flags & FMT_PF_BLANK) {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    if (width < len)
        width = len;

    Buf b = {0};
    if (sign) {
        if (fill != ' ')
            buf_putc(&b, signchar);
        if (width > len)
            width--;
    }
    bool prefix = (flags & FMT_PF_ALT) && (ch == 'x' || ch == 'X' || ch == 'o');
    if (prefix) {
        if (fill != ' ') {
            buf_putc(&b, '0');
            buf_putc(&b, ch);
            pindex += 2;
        }
        width -= 2;
        if (width < 0)
            width = 0;
        len -= 2;
    }
    if (width > len && !(flags & FMT_PF_LJUST)) {
        buf_repeat(&b, &fill, 1, width - len);
        width = len;
    }
    if (fill == ' ') {
        if (sign)
            buf_putc(&b, signchar);
        if (prefix) {
            buf_putc(&b, '0');
            buf_putc(&b, ch);
            pindex += 2;
        }
    }
    if (len > 0)
        buf_put(&b, str + pindex, utf8_offset(str + pindex, nbytes - pindex, len));
    if (width > len)
        buf_repeat(&b, " ", 1, width - len);
    return buf_finish(&b, outlen, err);
}

char *fmt_printf_float(double x, char conv, unsigned flags, long width, long precision,
                       size_t *outlen, FmtError *err)
{
    if (precision > FMT_MAX_WIDTH) {
        set_nomem(err);
        return NULL;
    }
    char *num = double_to_string(x, conv, precision < 0 ? 6 : precision,
                                 (flags & FMT_PF_ALT) != 0, false, false);
    if (num == NULL) {
        set_nomem(err);
        return NULL;
    }
    char *res = printf_output(num, strlen(num), conv, flags, width, precision, true, outlen, err);
    free(num);
    return res;
}

char *fmt_printf_int(const char *digits, int base, bool negative, char conv, unsigned flags,
                     long width, long precision, size_t *outlen, FmtError *err)
{
    if (precision > INT_MAX - 3) {
        set_error(err, FMT_OVERFLOW_ERROR, "precision too large");
        return NULL;
    }
    size_t len;
    if (!normalize_digits(&digits, &len, base)) {
        bad_digits(err);
        return NULL;
    }
    if (len == 1 && digits[0] == '0')
        negative = false;
    int want = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
    size_t n;
    char *conv_digits = convert_base(digits, len, base, want, &n);
    if (conv_digits == NULL) {
        set_nomem(err);
        return NULL;
    }
    Buf b = {0};
    if (negative)
        buf_putc(&b, '-');
    if ((flags & FMT_PF_ALT) && want != 10)
        buf_puts(&b, want == 8 ? "0o" : "0x");
    if (precision > (long)n)
        buf_repeat(&b, "0", 1, precision - (long)n);
    buf_put(&b, conv_digits, n);
    free(conv_digits);
    size_t blen;
    char *body = buf_finish(&b, &blen, err);
    if (body == NULL)
        return NULL;
    if (conv == 'X')
        for (size_t i = 0; i < blen; i++)
            body[i] = (char)toupper((unsigned char)body[i]);
    char *res = printf_output(body, blen, conv, flags, width, precision, true, outlen, err);
    free(body);
    return res;
}

char *fmt_printf_str(const char *s, size_t nbytes, char conv, unsigned flags, long width,
                     long precision, size_t *outlen, FmtError *err)
{
    return printf_output(s, nbytes, conv, flags, width, precision, false, outlen, err);
}
