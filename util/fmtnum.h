// Formatting of numbers and strings exactly as CPython 3.11 does it, in pure C with no VM
// dependency: format(x, spec) for int, float and str (PEP 3101's mini-language), repr(float),
// float(str), and the conversions of the printf-style '%' operator.
//
// Notes about the implementation
// ------------------------------
// The mini-language is a port of Python/formatter_unicode.c: fmt_parse_spec() is
// parse_internal_render_format_spec(), and every formatter lays the result out as
// calc_number_widths()/fill_number() do:
//
//     <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
//
// so zero padding flows into the grouping ('0,001,234.5') exactly as in CPython.
//
// Floats are turned into digits the way Python/pystrtod.c's format_float_short() expects them
// from David Gay's _Py_dg_dtoa(), but the digits come from the C library: glibc's printf is
// correctly rounded (round-half-even on the exact binary value), which is what dtoa's modes 2
// (n significant digits) and 3 (n digits after the point) compute. Mode 0 (the shortest string
// that round-trips, used by repr) checks with strtod() the nearest 15-, 16- and 17-digit
// decimals (at most one 15-digit decimal fits in a double's rounding interval, so a hit there is
// the shortest once trailing zeros go), plus their neighbours at powers of two where the
// interval is lopsided; subnormals search up from one digit. The rest of
// format_float_short() (where the point goes, when to switch to an exponent, '#', 'z') is ported
// line for line. This relies on LC_NUMERIC being "C": CPython only ever sets LC_CTYPE, and the
// VM must not call setlocale(LC_NUMERIC, ...) or setlocale(LC_ALL, ...) either.
//
// Integers are given as a string of digits of their absolute value (the VM owns the bignum and
// GMP prints any base cheaply). fmt_int_base() says which base a spec wants; when the caller
// passes another base, fmt_int() converts with schoolbook arithmetic on 32-bit limbs (quadratic,
// fine for a few thousand digits; pass the wanted base for huge numbers).
//
// Strings are UTF-8. Widths, precisions and fill characters count code points, as in CPython.
//
// Ownership: every function returning char * returns a new malloc'd, NUL-terminated buffer that
// the caller frees; the length in bytes is also stored in *outlen when outlen is not NULL (the
// result may contain NUL bytes if the input or the fill character does). On failure they return
// NULL and fill *err: the caller raises err->kind's exception with err->msg, which is CPython's
// exact message text. Nothing here keeps global state; all functions are thread-safe.
#ifndef MINIPY_FMTNUM_H
#define MINIPY_FMTNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The exception the caller must raise when a function fails.
typedef enum {
    FMT_OK = 0,
    FMT_VALUE_ERROR,      // ValueError (bad spec, unknown format code, ...)
    FMT_OVERFLOW_ERROR,   // OverflowError ('int too large to convert to float', '%c arg ...')
    FMT_MEMORY_ERROR,     // MemoryError (the result does not fit in memory)
} FmtErrorKind;

typedef struct {
    FmtErrorKind kind;
    // CPython's message, e.g. "Unknown format code 'd' for object of type 'float'" (a spec
    // quoted in "Invalid format specifier '...'" is cut after 400 bytes).
    char msg[512];
} FmtError;

// Which object's spec is parsed: it fixes the default type and alignment, as in CPython.
typedef enum {
    FMT_KIND_INT,         // default type 'd', default alignment '>' (also bool with a non-empty spec)
    FMT_KIND_FLOAT,       // default type none (0), default alignment '>'
    FMT_KIND_STR,         // default type 's', default alignment '<'
} FmtKind;

// A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type].
// Defaults are resolved by fmt_parse_spec(), so every field holds what the formatter uses.
typedef struct {
    char fill[5];         // UTF-8 of the fill code point, NUL-terminated ("0" after the '0' flag)
    size_t fill_len;      // bytes of fill (1..4; a NUL fill code point has length 1)
    char align;           // '<' '>' '=' '^' (the kind's default when absent)
    bool align_given;     // the spec named an alignment
    char sign;            // '+' '-' ' ' or 0
    bool no_neg_0;        // 'z': coerce negative zero to zero (floats only)
    bool alternate;       // '#'
    bool zero;            // the '0' flag before the width
    long width;           // -1 if absent
    char grouping;        // ',' or '_' or 0
    long precision;       // -1 if absent
    uint32_t type;        // presentation type code point (the kind's default when absent)
} FormatSpec;

// Parses [spec, spec+len) (the part after ':' in a replacement field, UTF-8) for an object of
// [kind]; [type_name] (e.g. "int", "bool", "MyFloat") only appears in error messages. Returns 0,
// or -1 with *err set ("Invalid format specifier 'abc' for object of type 'int'",
// "Format specifier missing precision", "Too many decimal digits in format string",
// "Cannot specify both ',' and '_'.", "Cannot specify ',' with 'x'.").
// An empty spec parses to the defaults; CPython's format(x, '') is str(x), which for exact int,
// float and str equals what the formatters below produce for it (bool: the caller returns
// 'True'/'False' for an empty spec and formats as int otherwise).
int fmt_parse_spec(const char *spec, size_t len, FmtKind kind, const char *type_name,
                   FormatSpec *out, FmtError *err);

// format(x, spec) for a float: types e E f F g G n % and none; [spec] parsed with FMT_KIND_FLOAT.
char *fmt_float(double x, const FormatSpec *spec, const char *type_name, size_t *outlen,
                FmtError *err);

// Which base fmt_int() wants the digits in for [spec]: 2, 8, 16, or 10 (d n c none and the
// float types e E f F g G %).
int fmt_int_base(const FormatSpec *spec);

// format(n, spec) for an int: types b c d o x X n, the float types e E f F g G %, and none.
// [digits] is |n| in [base] (2, 8, 10 or 16; either case of hex letters; no sign, no prefix,
// leading zeros allowed), [negative] its sign. Any base works; fmt_int_base()'s is fastest.
// The float types convert to float first: FMT_OVERFLOW_ERROR "int too large to convert to float".
// 'c' fails with FMT_OVERFLOW_ERROR "%c arg not in range(0x110000)".
char *fmt_int(const char *digits, int base, bool negative, const FormatSpec *spec,
              const char *type_name, size_t *outlen, FmtError *err);

// format(s, spec) for a str of [nbytes] bytes of UTF-8: type 's' or none.
char *fmt_str(const char *s, size_t nbytes, const FormatSpec *spec, const char *type_name,
              size_t *outlen, FmtError *err);

// One-call forms: parse [spec, spec+len) and format. type_name is "float", "int", "str" unless
// the caller passes a subclass name.
char *fmt_format_float(double x, const char *spec, size_t len, const char *type_name,
                       size_t *outlen, FmtError *err);
char *fmt_format_int(const char *digits, int base, bool negative, const char *spec, size_t len,
                     const char *type_name, size_t *outlen, FmtError *err);
char *fmt_format_str(const char *s, size_t nbytes, const char *spec, size_t len,
                     const char *type_name, size_t *outlen, FmtError *err);

// repr(x) and str(x) for a float: the shortest string that round-trips, '1.0', '1e+16',
// '1e-05', '0.30000000000000004', 'inf', '-inf', 'nan', '-0.0'. Returns NULL only when out of
// memory.
char *fmt_float_repr(double x);

// The general PyOS_double_to_string(x, code, precision, flags): [code] is one of e E f F g G r
// ('r' = repr digits, precision must be 0); [alternate] keeps the point and trailing zeros;
// [add_dot_0] makes integral 'r'/'g' results end in '.0'. Sign only for negative numbers.
// Useful for the VM's own needs (e.g. complex.__repr__, round()). NULL when out of memory.
char *fmt_double_to_string(double x, char code, int precision, bool alternate, bool add_dot_0);

// float(s): parses [s, s+len) of UTF-8 as CPython's float() does: surrounding whitespace,
// Unicode digits and spaces, '_' only between digits, [sign] (inf | infinity | nan) in any case,
// decimal with optional exponent; no hex. Returns 0 and stores *out, or -1 when the text is not
// a float (the caller raises "could not convert string to float: <repr(s)>").
int fmt_parse_float(const char *s, size_t len, double *out);

// The decimal value (0..9) of a Unicode code point that has one (Python's
// Py_UNICODE_TODECIMAL), or -1. Useful for int(str) too.
int fmt_unicode_decimal(uint32_t cp);

// The printf-style '%' operator's conversion flags (the characters after '%').
enum {
    FMT_PF_LJUST = 1,     // '-'
    FMT_PF_SIGN = 2,      // '+'
    FMT_PF_BLANK = 4,     // ' '
    FMT_PF_ALT = 8,       // '#'
    FMT_PF_ZERO = 16,     // '0'
};

// '%e' '%E' '%f' '%F' '%g' '%G' % x ([conv] must be one of those) with [flags] (FMT_PF_*), [width] and [precision] (-1 when
// absent; the caller resolves '*' like CPython: a negative width sets FMT_PF_LJUST, a negative
// precision becomes 0).
char *fmt_printf_float(double x, char conv, unsigned flags, long width, long precision,
                       size_t *outlen, FmtError *err);

// '%d' '%i' '%u' '%o' '%x' '%X' % n, n given as for fmt_int() (the caller converts a float
// argument with int() first, as CPython does). Fails with FMT_OVERFLOW_ERROR
// "precision too large" when precision > INT_MAX - 3.
char *fmt_printf_int(const char *digits, int base, bool negative, char conv, unsigned flags,
                     long width, long precision, size_t *outlen, FmtError *err);

// '%s' '%r' '%a' '%c' % v, given the already converted text (str(v), repr(v), ascii(v), or the
// character): precision truncates for s r a, width pads with spaces.
char *fmt_printf_str(const char *s, size_t nbytes, char conv, unsigned flags, long width,
                     long precision, size_t *outlen, FmtError *err);

#endif
