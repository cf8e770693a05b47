// Text formatting of objects (CPython's Python/formatter_unicode.c glue,
// Objects/stringlib/unicode_format.h, and the '%' operators of
// Objects/unicodeobject.c and Objects/bytesobject.c).
//
// The number and padding rules live in util/fmtnum.c; this file parses the
// templates (str.format, '%'), fetches the arguments, converts them, and
// turns fmtnum's errors into exceptions. Templates are scanned as UTF-8
// bytes: every syntax character ('{', '}', '%', '[', ...) is ASCII, so byte
// scanning is exact; code point positions are computed only for messages.
#include "runtime.h"
#include "../util/fmtnum.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

// ---- Helpers ---------------------------------------------------------------------

// An output buffer that starts on the stack: most formatted strings are short,
// and this saves a malloc/free pair per operation. Used in place only.
typedef struct {
    char *buf;
    ssize_t len, cap;
    char small[240];
} Out;

static void out_init(Out *o) {
    o->buf = o->small;
    o->len = 0;
    o->cap = (ssize_t)sizeof o->small;
}

static int out_grow(Out *o, ssize_t extra) {
    if (extra > SSIZE_MAX / 2 - o->len) {
        err_no_memory();
        return -1;
    }
    ssize_t cap = o->cap * 2;
    while (cap < o->len + extra) cap *= 2;
    char *p = o->buf == o->small ? malloc((size_t)cap) : realloc(o->buf, (size_t)cap);
    if (!p) {
        err_no_memory();
        return -1;
    }
    if (o->buf == o->small) memcpy(p, o->small, (size_t)o->len);
    o->buf = p;
    o->cap = cap;
    return 0;
}

static inline int out_put(Out *o, const char *s, ssize_t n) {
    if (n > o->cap - o->len && out_grow(o, n) < 0) return -1;
    memcpy(o->buf + o->len, s, (size_t)n);
    o->len += n;
    return 0;
}

static inline int out_putc(Out *o, char c) {
    if (o->len == o->cap && out_grow(o, 1) < 0) return -1;
    o->buf[o->len++] = c;
    return 0;
}

static void out_free(Out *o) {
    if (o->buf != o->small) free(o->buf);
    o->buf = o->small;
    o->len = 0;
}

static Object *out_finish(Out *o) {
    Object *r = str_from_utf8_len(o->buf, o->len, utf8_count(o->buf, o->len));
    out_free(o);
    return r;
}

static void *raise_fmt_error(const FmtError *err) {
    switch (err->kind) {
    case FMT_OVERFLOW_ERROR: vm_raise(Exc_OverflowError, "%s", err->msg); break;
    case FMT_MEMORY_ERROR:
        if (err->msg[0]) vm_raise(Exc_MemoryError, "%s", err->msg);
        else err_no_memory();
        break;
    default: vm_raise(Exc_ValueError, "%s", err->msg); break;
    }
    return NULL;
}

// Turns a malloc'd UTF-8 buffer from fmtnum into a str (frees buf).
static Object *str_from_fmt(char *buf, size_t n, const FmtError *err) {
    if (!buf) return raise_fmt_error(err);
    Object *r = str_from_utf8_len(buf, (ssize_t)n, utf8_count(buf, (ssize_t)n));
    free(buf);
    return r;
}

// Appends a fmtnum result to o (frees buf); -1 with an exception.
static int out_put_fmt(Out *sb, char *buf, size_t n, const FmtError *err) {
    if (!buf) {
        raise_fmt_error(err);
        return -1;
    }
    int r = out_put(sb, buf, (ssize_t)n);
    free(buf);
    return r;
}

static int out_put_str(Out *sb, Object *s) { return out_put(sb, STR_DATA(s), STR_NBYTES(s)); }

// The digits of |v| (an int) in base 2, 8, 10 or 16: machine-size values are
// converted on the stack, big ones by GMP (int_abs_digits, which also applies
// the decimal digit limit).
typedef struct {
    char buf[72];
    char *heap;
    const char *digits;
    bool negative;
} Digits;

static int digits_get(Digits *d, Object *v, int base) {
    long x;
    d->heap = NULL;
    d->negative = int_sign(v) < 0;
    if (int_as_long_fast(v, &x) == 0) {
        unsigned long u = x < 0 ? 0UL - (unsigned long)x : (unsigned long)x;
        char *p = d->buf + sizeof d->buf;
        *--p = '\0';
        do {
            *--p = "0123456789abcdef"[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u);
        d->digits = p;
        return 0;
    }
    d->heap = int_abs_digits(v, base);
    d->digits = d->heap;
    return d->heap ? 0 : -1;
}

static void digits_free(Digits *d) { free(d->heap); }

// Writes the decimal digits of |x| backwards ending at end; returns the start.
// (Faster than snprintf, which shows in f-strings and '%d'.)
static char *decimal_digits(long x, char *end) {
    unsigned long u = x < 0 ? 0UL - (unsigned long)x : (unsigned long)x;
    do {
        *--end = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    return end;
}

// Appends the decimal form of a machine-size int; false when v is big.
static bool out_put_small_int(Out *o, Object *v, int *rc) {
    long x;
    if (int_as_long_fast(v, &x) < 0) return false;
    char buf[24];
    char *p = decimal_digits(x, buf + sizeof buf);
    if (x < 0) *--p = '-';
    *rc = out_put(o, p, buf + sizeof buf - p);
    return true;
}

// ---- format(value, spec) for the built-in types ------------------------------------------

// format(x, spec) for a machine-size int and a plain decimal spec (fill,
// align, sign, width): the common f"{n:>8}" without a round trip through
// fmtnum's buffers. Lays out as calc_number_widths/fill_number do.
static Object *small_int_spec(long x, const FormatSpec *fs) {
    char dig[24];
    char *p = decimal_digits(x, dig + sizeof dig);
    ssize_t nd = dig + sizeof dig - p;
    char sign = x < 0 ? '-' : fs->sign == '+' ? '+' : fs->sign == ' ' ? ' ' : 0;
    ssize_t len = nd + (sign != 0);
    ssize_t pad = fs->width > len ? fs->width - len : 0;
    ssize_t lpad = fs->align == '>' ? pad : fs->align == '^' ? pad / 2 : 0;
    ssize_t spad = fs->align == '=' ? pad : 0;
    ssize_t rpad = pad - lpad - spad;
    Out o;
    out_init(&o);
    int rc = 0;
    for (ssize_t i = 0; i < lpad && rc == 0; i++) rc = out_put(&o, fs->fill, (ssize_t)fs->fill_len);
    if (sign && rc == 0) rc = out_putc(&o, sign);
    for (ssize_t i = 0; i < spad && rc == 0; i++) rc = out_put(&o, fs->fill, (ssize_t)fs->fill_len);
    if (rc == 0) rc = out_put(&o, p, nd);
    for (ssize_t i = 0; i < rpad && rc == 0; i++) rc = out_put(&o, fs->fill, (ssize_t)fs->fill_len);
    if (rc < 0) {
        out_free(&o);
        return NULL;
    }
    return out_finish(&o);
}

Object *int_format_spec(Object *value, Object *spec) {
    if (STR_NBYTES(spec) == 0) return obj_str(value);   // bool: 'True'/'False'
    const char *tname = type_name(TYPE(value));
    FormatSpec fs;
    FmtError err;
    if (fmt_parse_spec(STR_DATA(spec), (size_t)STR_NBYTES(spec), FMT_KIND_INT, tname, &fs, &err) < 0)
        return raise_fmt_error(&err);
    long x;
    if (fs.type == 'd' && !fs.grouping && !fs.alternate && !fs.no_neg_0 && fs.precision < 0 && fs.width < 4096 &&
        int_as_long_fast(value, &x) == 0)
        return small_int_spec(x, &fs);
    int base = fmt_int_base(&fs);
    // Decimal digits are limited to sys.get_int_max_str_digits(); CPython only
    // applies that limit where it prints decimal digits ('d', 'n').
    if (base == 10 && fs.type != 'd' && fs.type != 'n') base = 16;
    Digits d;
    if (digits_get(&d, value, base) < 0) return NULL;
    size_t n;
    char *out = fmt_int(d.digits, base, d.negative, &fs, tname, &n, &err);
    digits_free(&d);
    return str_from_fmt(out, n, &err);
}

Object *float_format_spec(Object *value, Object *spec) {
    if (STR_NBYTES(spec) == 0) return FLOAT_CHECK_EXACT(value) ? float_repr(value) : obj_str(value);
    double x = FLOAT_CHECK(value) ? float_value(value) : float_as_double(value);
    if (x == -1.0 && err_occurred()) return NULL;
    FmtError err;
    size_t n;
    char *out = fmt_format_float(x, STR_DATA(spec), (size_t)STR_NBYTES(spec), type_name(TYPE(value)), &n, &err);
    return str_from_fmt(out, n, &err);
}

Object *str_format_spec(Object *value, Object *spec) {
    if (STR_NBYTES(spec) == 0) return STR_CHECK_EXACT(value) ? NEWREF(value) : obj_str(value);
    FmtError err;
    size_t n;
    char *out = fmt_format_str(STR_DATA(value), (size_t)STR_NBYTES(value), STR_DATA(spec),
                               (size_t)STR_NBYTES(spec), type_name(TYPE(value)), &n, &err);
    return str_from_fmt(out, n, &err);
}

// PyObject_Format.
Object *obj_format(Object *value, Object *spec) {
    if (spec && !STR_CHECK(spec))
        return vm_raise(Exc_TypeError, "Format specifier must be a string, not %s", type_name(TYPE(spec)));
    if (!spec || STR_NBYTES(spec) == 0) {
        if (STR_CHECK_EXACT(value)) return NEWREF(value);
        if (INT_CHECK_EXACT(value)) {
            long x;
            if (int_as_long_fast(value, &x) == 0) {
                char buf[24];
                char *p = decimal_digits(x, buf + sizeof buf);
                if (x < 0) *--p = '-';
                ssize_t n = buf + sizeof buf - p;
                return str_from_utf8_len(p, n, n);
            }
            return obj_str(value);
        }
        if (FLOAT_CHECK_EXACT(value)) return float_repr(value);
    } else {
        if (STR_CHECK_EXACT(value)) return str_format_spec(value, spec);
        if (INT_CHECK_EXACT(value)) return int_format_spec(value, spec);
        if (FLOAT_CHECK_EXACT(value)) return float_format_spec(value, spec);
    }
    Object *empty = NULL;
    if (!spec) {
        empty = str_empty();
        spec = empty;
    }
    if (!type_lookup(TYPE(value), S___format__)) {
        XDECREF(empty);
        return vm_raise(Exc_TypeError, "Type %s doesn't define __format__", type_name(TYPE(value)));
    }
    Object *r = obj_call_method_obj(value, S___format__, &spec, 1);
    XDECREF(empty);
    if (r && !STR_CHECK(r)) {
        vm_raise(Exc_TypeError, "__format__ must return a str, not %s", type_name(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

// ---- str.format (Objects/stringlib/unicode_format.h) ----------------------------------------

typedef enum { ANS_INIT, ANS_AUTO, ANS_MANUAL } AutoNumberState;

typedef struct {
    Object *const *args;    // positional arguments, or NULL (format_map)
    ssize_t nargs;
    Object *kwnames;        // tuple of str or NULL (str.format)
    Object *const *kwvalues;
    Object *mapping;        // format_map's mapping, or NULL
    AutoNumberState an_state;
    ssize_t an_field_number;
} FormatCtx;

typedef struct {
    const char *p;
    ssize_t n;
} Sub;

// Decodes the code point at s (valid UTF-8) and returns its byte length in *len.
static inline uint32_t cp_at(const char *s, int *len) { return utf8_decode(s, len); }

// get_integer: the value of a field name made only of decimal digits, -1 if it
// is not one (or empty), -2 with ValueError on overflow.
static ssize_t get_integer(Sub s) {
    if (s.n <= 0) return -1;
    ssize_t acc = 0;
    for (ssize_t i = 0; i < s.n;) {
        int len;
        uint32_t c = cp_at(s.p + i, &len);
        int d = fmt_unicode_decimal(c);
        if (d < 0) return -1;
        if (acc > (SSIZE_MAX - d) / 10) {
            vm_raise(Exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
        i += len;
    }
    return acc;
}

static Object *sub_str(Sub s) { return str_from_utf8_len(s.p, s.n, utf8_count(s.p, s.n)); }

static Object *lookup_keyword(FormatCtx *ctx, Sub name) {
    Object *key = sub_str(name);
    if (!key) return NULL;
    Object *r = NULL;
    if (ctx->mapping) {
        r = obj_getitem(ctx->mapping, key);
    } else {
        ssize_t nk = ctx->kwnames ? TUPLE_SIZE(ctx->kwnames) : 0;
        for (ssize_t i = 0; i < nk; i++) {
            Object *k = TUPLE_ITEMS(ctx->kwnames)[i];
            if (STR_NBYTES(k) == name.n && memcmp(STR_DATA(k), name.p, (size_t)name.n) == 0) {
                r = NEWREF(ctx->kwvalues[i]);
                break;
            }
        }
        if (!r) err_set_value(Exc_KeyError, key);
    }
    DECREF(key);
    return r;
}

// get_field_object: resolves "first(.attr|[key])*" to an object (new reference).
static Object *get_field_object(FormatCtx *ctx, Sub field) {
    const char *p = field.p, *end = field.p + field.n;
    const char *q = p;
    while (q < end && *q != '.' && *q != '[') q++;
    Sub first = {p, q - p};
    ssize_t index = get_integer(first);
    if (index == -2) return NULL;
    bool empty = first.n == 0;
    bool numeric = empty || index != -1;
    if (numeric) {
        if (ctx->an_state == ANS_INIT) ctx->an_state = empty ? ANS_AUTO : ANS_MANUAL;
        if (ctx->an_state == ANS_MANUAL && empty)
            return vm_raise(Exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
        if (ctx->an_state != ANS_MANUAL && !empty)
            return vm_raise(Exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
        if (empty) index = ctx->an_field_number++;
    }

    Object *obj;
    if (index == -1) {
        obj = lookup_keyword(ctx, first);
        if (!obj) return NULL;
    } else {
        if (!ctx->args) return vm_raise(Exc_ValueError, "Format string contains positional fields");
        if (index >= ctx->nargs)
            return vm_raise(Exc_IndexError, "Replacement index %zd out of range for positional args tuple", index);
        obj = NEWREF(ctx->args[index]);
    }

    // The rest: .name or [key], repeatedly.
    p = q;
    while (p < end) {
        char c = *p++;
        Sub name;
        bool is_attr;
        if (c == '.') {
            is_attr = true;
            q = p;
            while (q < end && *q != '.' && *q != '[') q++;
            name.p = p;
            name.n = q - p;
            p = q;
        } else if (c == '[') {
            is_attr = false;
            q = p;
            while (q < end && *q != ']') q++;
            if (q >= end) {
                DECREF(obj);
                return vm_raise(Exc_ValueError, "Missing ']' in format string");
            }
            name.p = p;
            name.n = q - p;
            p = q + 1;
        } else {
            DECREF(obj);
            return vm_raise(Exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
        ssize_t idx = -1;
        if (!is_attr) {
            idx = get_integer(name);
            if (idx == -2) {
                DECREF(obj);
                return NULL;
            }
        }
        if (name.n == 0) {
            DECREF(obj);
            return vm_raise(Exc_ValueError, "Empty attribute in format string");
        }
        Object *key = idx >= 0 ? int_from_ssize(idx) : sub_str(name);
        if (!key) {
            DECREF(obj);
            return NULL;
        }
        Object *next = is_attr ? obj_getattr(obj, key) : obj_getitem(obj, key);
        DECREF(key);
        DECREF(obj);
        if (!next) return NULL;
        obj = next;
    }
    return obj;
}

static Object *build_string(FormatCtx *ctx, Sub input, int depth);

static Object *do_conversion(Object *obj, uint32_t conv) {
    switch (conv) {
    case 'r': return obj_repr(obj);
    case 's': return obj_str(obj);
    case 'a': return obj_ascii(obj);
    default:
        if (conv > 32 && conv < 127)
            return vm_raise(Exc_ValueError, "Unknown conversion specifier %c", (int)conv);
        return vm_raise(Exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
    }
}

// Formats one replacement field and appends it to out.
static int output_markup(FormatCtx *ctx, Sub field_name, Sub spec, bool spec_needs_expanding, uint32_t conv,
                         int depth, Out *out) {
    Object *obj = get_field_object(ctx, field_name);
    if (!obj) return -1;
    if (conv) {
        Object *t = do_conversion(obj, conv);
        DECREF(obj);
        if (!t) return -1;
        obj = t;
    }
    if (!spec_needs_expanding && spec.n == 0) {
        // format(x, '') of an exact str or int is the text itself.
        int rc;
        if (STR_CHECK_EXACT(obj)) {
            rc = out_put_str(out, obj);
            DECREF(obj);
            return rc;
        }
        if (INT_CHECK_EXACT(obj) && out_put_small_int(out, obj, &rc)) {
            DECREF(obj);
            return rc;
        }
    }
    Object *spec_obj = NULL;
    if (spec_needs_expanding || spec.n > 0) {
        spec_obj = spec_needs_expanding ? build_string(ctx, spec, depth - 1) : sub_str(spec);
        if (!spec_obj) {
            DECREF(obj);
            return -1;
        }
    }
    Object *r = obj_format(obj, spec_obj);   // NULL spec: ''
    XDECREF(spec_obj);
    DECREF(obj);
    if (!r) return -1;
    int rc = out_put_str(out, r);
    DECREF(r);
    return rc;
}

// MarkupIterator + parse_field + output_markup over the whole template.
static int do_markup(FormatCtx *ctx, Sub input, int depth, Out *out) {
    const char *p = input.p, *end = input.p + input.n;
    while (p < end) {
        // Literal text up to the first '{' or '}'.
        const char *start = p;
        char c = 0;
        bool markup_follows = false;
        while (p < end) {
            c = *p++;
            if (c == '{' || c == '}') {
                markup_follows = true;
                break;
            }
        }
        bool at_end = p >= end;
        ssize_t len = p - start;
        if (markup_follows && c == '}' && (at_end || *p != '}')) {
            vm_raise(Exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (markup_follows && at_end && c == '{') {
            vm_raise(Exc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (markup_follows) {
            if (*p == c) {
                // '{{' or '}}': literal text ending with one brace.
                p++;
                markup_follows = false;
            } else {
                len--;
            }
        }
        if (len > 0 && out_put(out, start, len) < 0) return -1;
        if (!markup_follows) continue;

        // parse_field: the field name ends at ':', '!' or '}'.
        Sub field_name = {p, 0}, spec = {NULL, 0};
        uint32_t conv = 0;
        bool needs_expanding = false;
        c = 0;
        while (p < end) {
            c = *p++;
            if (c == '{') {
                vm_raise(Exc_ValueError, "unexpected '{' in field name");
                return -1;
            }
            if (c == '[') {
                while (p < end && *p != ']') p++;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') break;
        }
        field_name.n = (p - 1) - field_name.p;
        if (c == '!' || c == ':') {
            bool done = false;
            if (c == '!') {
                if (p >= end) {
                    vm_raise(Exc_ValueError, "end of string while looking for conversion specifier");
                    return -1;
                }
                int clen;
                conv = cp_at(p, &clen);
                p += clen;
                if (p < end) {
                    char c2 = *p++;
                    if (c2 == '}') done = true;
                    else if (c2 != ':') {
                        vm_raise(Exc_ValueError, "expected ':' after conversion specifier");
                        return -1;
                    }
                }
            }
            if (!done) {
                spec.p = p;
                int count = 1;
                while (p < end) {
                    char d = *p++;
                    if (d == '{') {
                        needs_expanding = true;
                        count++;
                    } else if (d == '}') {
                        if (--count == 0) {
                            spec.n = (p - 1) - spec.p;
                            done = true;
                            break;
                        }
                    }
                }
                if (!done) {
                    vm_raise(Exc_ValueError, "unmatched '{' in format spec");
                    return -1;
                }
            }
        } else if (c != '}') {
            vm_raise(Exc_ValueError, "expected '}' before end of string");
            return -1;
        }
        if (!spec.p) spec.p = p;
        if (output_markup(ctx, field_name, spec, needs_expanding, conv, depth, out) < 0) return -1;
    }
    return 0;
}

static Object *build_string(FormatCtx *ctx, Sub input, int depth) {
    if (depth <= 0) return vm_raise(Exc_ValueError, "Max string recursion exceeded");
    Out sb;
    out_init(&sb);
    if (do_markup(ctx, input, depth, &sb) < 0) {
        out_free(&sb);
        return NULL;
    }
    return out_finish(&sb);
}

Object *str_format_method(Object *fmt, Object *const *args, ssize_t nargs, Object *kwnames) {
    // No fields and no braces: the template itself, as CPython's writer returns it.
    if (STR_CHECK_EXACT(fmt) && !memchr(STR_DATA(fmt), '{', (size_t)STR_NBYTES(fmt)) &&
        !memchr(STR_DATA(fmt), '}', (size_t)STR_NBYTES(fmt)))
        return NEWREF(fmt);
    FormatCtx ctx = {args, nargs, kwnames, args + nargs, NULL, ANS_INIT, 0};
    Sub input = {STR_DATA(fmt), STR_NBYTES(fmt)};
    return build_string(&ctx, input, 2);
}

// str.format_map(mapping): exported for str_methods.c.
Object *str_format_map(Object *fmt, Object *mapping) {
    FormatCtx ctx = {NULL, 0, NULL, NULL, mapping, ANS_INIT, 0};
    Sub input = {STR_DATA(fmt), STR_NBYTES(fmt)};
    return build_string(&ctx, input, 2);
}

// ---- The '%' operator (PyUnicode_Format and _PyBytes_FormatEx) ----------------------------

typedef struct {
    Object *args;           // the current argument source (owned when args_owned)
    bool args_owned;
    ssize_t arglen, argidx;
    Object *dict;           // the mapping for %(key)s, or NULL
} PctCtx;

static Object *pct_next_arg(PctCtx *ctx) {
    ssize_t i = ctx->argidx;
    if (i < ctx->arglen) {
        ctx->argidx++;
        if (ctx->arglen < 0) return ctx->args;
        return TUPLE_ITEMS(ctx->args)[i];
    }
    vm_raise(Exc_TypeError, "not enough arguments for format string");
    return NULL;
}

static void pct_release(PctCtx *ctx) {
    if (ctx->args_owned) {
        ctx->args_owned = false;
        DECREF(ctx->args);
    }
}

// PyNumber_Check.
static bool number_check(Object *v) {
    TypeObject *t = TYPE(v);
    return INT_CHECK(v) || FLOAT_CHECK(v) || t->nb_index || t->nb_int || t->nb_float;
}

// The flags/width/precision of one conversion.
typedef struct {
    unsigned flags;
    ssize_t width, prec;
    uint32_t ch;            // the conversion character
} PctArg;

// Parses "[(key)][flags][width][.prec][hlL]conv" starting at *pp (just after
// '%'). is_bytes selects the bytes variant (mapping keys are bytes).
// Returns 0, or -1 with an exception.
static int pct_parse(PctCtx *ctx, const char **pp, const char *end, PctArg *arg, bool is_bytes) {
    const char *p = *pp;
    if (p < end && *p == '(') {
        if (!ctx->dict) {
            vm_raise(Exc_TypeError, "format requires a mapping");
            return -1;
        }
        p++;
        const char *keystart = p;
        int pcount = 1;
        while (p < end && pcount > 0) {
            if (*p == ')') pcount--;
            else if (*p == '(') pcount++;
            p++;
        }
        if (pcount > 0) {
            vm_raise(Exc_ValueError, "incomplete format key");
            return -1;
        }
        ssize_t keylen = (p - 1) - keystart;
        Object *key = is_bytes ? bytes_from(keystart, keylen) : str_from_utf8_len(keystart, keylen, utf8_count(keystart, keylen));
        if (!key) return -1;
        pct_release(ctx);
        Object *v = obj_getitem(ctx->dict, key);
        DECREF(key);
        if (!v) return -1;
        ctx->args = v;
        ctx->args_owned = true;
        ctx->arglen = -1;
        ctx->argidx = -2;
    }
    arg->flags = 0;
    arg->width = -1;
    arg->prec = -1;
    char c = 0;
    bool have = false;
    // Flags.
    while (p < end) {
        c = *p++;
        have = true;
        if (c == '-') arg->flags |= FMT_PF_LJUST;
        else if (c == '+') arg->flags |= FMT_PF_SIGN;
        else if (c == ' ') arg->flags |= FMT_PF_BLANK;
        else if (c == '#') arg->flags |= FMT_PF_ALT;
        else if (c == '0') arg->flags |= FMT_PF_ZERO;
        else break;
        have = false;
    }
    // Width.
    if (have && c == '*') {
        Object *v = pct_next_arg(ctx);
        if (!v) return -1;
        if (!INT_CHECK(v)) {
            vm_raise(Exc_TypeError, "* wants int");
            return -1;
        }
        ssize_t w = int_as_ssize(v);
        if (w == -1 && err_occurred()) return -1;
        if (w < 0) {
            arg->flags |= FMT_PF_LJUST;
            w = -w;
        }
        arg->width = w;
        have = false;
        if (p < end) c = *p++, have = true;
    } else if (have && c >= '0' && c <= '9') {
        ssize_t w = c - '0';
        have = false;
        while (p < end) {
            c = *p++;
            have = true;
            if (c < '0' || c > '9') break;
            have = false;
            if (w > (SSIZE_MAX - (c - '0')) / 10) {
                vm_raise(Exc_ValueError, "width too big");
                return -1;
            }
            w = w * 10 + (c - '0');
        }
        arg->width = w;
    }
    // Precision.
    if (have && c == '.') {
        arg->prec = 0;
        have = false;
        if (p < end) c = *p++, have = true;
        if (have && c == '*') {
            Object *v = pct_next_arg(ctx);
            if (!v) return -1;
            if (!INT_CHECK(v)) {
                vm_raise(Exc_TypeError, "* wants int");
                return -1;
            }
            long pr;
            if (int_as_long_fast(v, &pr) < 0 || pr > INT_MAX || pr < INT_MIN) {
                vm_raise(Exc_OverflowError, "Python int too large to convert to C int");
                return -1;
            }
            arg->prec = pr < 0 ? 0 : pr;
            have = false;
            if (p < end) c = *p++, have = true;
        } else if (have && c >= '0' && c <= '9') {
            ssize_t pr = c - '0';
            have = false;
            while (p < end) {
                c = *p++;
                have = true;
                if (c < '0' || c > '9') break;
                have = false;
                if (pr > (INT_MAX - (c - '0')) / 10) {
                    vm_raise(Exc_ValueError, "precision too big");
                    return -1;
                }
                pr = pr * 10 + (c - '0');
            }
            arg->prec = pr;
        }
    }
    // Length modifiers are ignored.
    if (have && (c == 'h' || c == 'l' || c == 'L')) {
        have = false;
        if (p < end) c = *p++, have = true;
    }
    if (!have) {
        vm_raise(Exc_ValueError, "incomplete format");
        return -1;
    }
    if (!is_bytes && ((unsigned char)c & 0x80)) {
        // A non-ASCII conversion character: decode it whole.
        int len;
        arg->ch = utf8_decode(p - 1, &len);
        p += len - 1;
    } else {
        arg->ch = (unsigned char)c;
    }
    *pp = p;
    return 0;
}

// The digits of an integer argument for %d %i %u %o %x %X (mainformatlong /
// formatlong): fills *d (base 8, 10 or 16 by type), or -1 with an error.
static int pct_int_digits(Object *v, uint32_t type, Digits *d, int *base) {
    Object *iobj;
    if (!number_check(v)) goto wrongtype;
    if (INT_CHECK(v)) {
        iobj = NEWREF(v);
    } else {
        iobj = (type == 'o' || type == 'x' || type == 'X') ? num_index(v) : num_to_int(v);
        if (!iobj) {
            if (err_matches(Exc_TypeError)) {
                err_clear();
                goto wrongtype;
            }
            return -1;
        }
    }
    *base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    int r = digits_get(d, iobj, *base);
    DECREF(iobj);
    return r;
wrongtype:
    if (type == 'o' || type == 'x' || type == 'X')
        vm_raise(Exc_TypeError, "%%%c format: an integer is required, not %s", (int)type, type_name(TYPE(v)));
    else
        vm_raise(Exc_TypeError, "%%%c format: a real number is required, not %s", (int)type, type_name(TYPE(v)));
    return -1;
}

// Formats a numeric conversion (d i u o x X e E f F g G) of v into out.
static int pct_number(Out *out, Object *v, const PctArg *arg, bool is_bytes) {
    FmtError err;
    size_t n;
    char *res;
    uint32_t ch = arg->ch;
    if (ch == 'e' || ch == 'E' || ch == 'f' || ch == 'F' || ch == 'g' || ch == 'G') {
        double x = float_as_double(v);
        if (x == -1.0 && err_occurred()) {
            if (is_bytes) {
                // bytes' formatfloat replaces whatever went wrong.
                err_clear();
                vm_raise(Exc_TypeError, "float argument required, not %s", type_name(TYPE(v)));
            }
            return -1;
        }
        res = fmt_printf_float(x, (char)ch, arg->flags, arg->width, arg->prec, &n, &err);
    } else {
        int base;
        Digits d;
        if (pct_int_digits(v, ch, &d, &base) < 0) return -1;
        res = fmt_printf_int(d.digits, base, d.negative, (char)ch, arg->flags, arg->width, arg->prec, &n, &err);
        digits_free(&d);
    }
    return out_put_fmt(out, res, n, &err);
}

static bool is_number_conv(uint32_t ch) {
    switch (ch) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return true;
    default:
        return false;
    }
}

// formatchar: the code point for %c of a str.
static int64_t pct_char(Object *v) {
    if (STR_CHECK(v)) {
        if (STR_LEN(v) == 1) return str_char_at(v, 0);
        goto bad;
    }
    if (INT_CHECK(v) || TYPE(v)->nb_index) {
        Object *i = num_index(v);
        if (!i) return -1;
        long x;
        bool ok = int_as_long_fast(i, &x) == 0;
        DECREF(i);
        if (!ok || x < 0 || x > 0x10FFFF) {
            vm_raise(Exc_OverflowError, "%%c arg not in range(0x110000)");
            return -1;
        }
        return x;
    }
bad:
    vm_raise(Exc_TypeError, "%%c requires int or char");
    return -1;
}

Object *str_mod_format(Object *fmt, Object *args) {
    PctCtx ctx = {args, false, -1, -2, NULL};
    if (TUPLE_CHECK(args)) {
        ctx.arglen = TUPLE_SIZE(args);
        ctx.argidx = 0;
    }
    if (TYPE(args)->mp_subscript && !TUPLE_CHECK(args) && !STR_CHECK(args)) ctx.dict = args;

    const char *base = STR_DATA(fmt), *p = base, *end = base + STR_NBYTES(fmt);
    if (STR_CHECK_EXACT(fmt) && !memchr(base, '%', (size_t)(end - base))) {
        // Nothing to convert: the template itself, as CPython's writer returns it.
        if (ctx.argidx < ctx.arglen && !ctx.dict)
            return vm_raise(Exc_TypeError, "not all arguments converted during string formatting");
        return NEWREF(fmt);
    }
    Out sb;
    out_init(&sb);
    while (p < end) {
        const char *pct = memchr(p, '%', (size_t)(end - p));
        if (!pct) {
            if (out_put(&sb, p, end - p) < 0) goto fail;
            break;
        }
        if (pct > p && out_put(&sb, p, pct - p) < 0) goto fail;
        p = pct + 1;
        if (p < end && *p == '%') {
            if (out_putc(&sb, '%') < 0) goto fail;
            p++;
            continue;
        }
        PctArg arg;
        if (pct_parse(&ctx, &p, end, &arg, false) < 0) goto fail;
        Object *v = pct_next_arg(&ctx);
        if (!v) goto fail;
        uint32_t ch = arg.ch;
        bool plain = arg.width == -1 && arg.prec == -1 && arg.flags == 0;
        int rc;
        if (plain && ((ch == 's' && STR_CHECK_EXACT(v)))) {
            if (out_put_str(&sb, v) < 0) goto fail;
        } else if (plain && INT_CHECK_EXACT(v) && (ch == 'd' || ch == 'i' || ch == 'u' || ch == 's') &&
                   out_put_small_int(&sb, v, &rc)) {
            if (rc < 0) goto fail;
        } else if (ch == 's' || ch == 'r' || ch == 'a') {
            Object *s;
            if (ch == 's') s = STR_CHECK_EXACT(v) ? NEWREF(v) : obj_str(v);
            else if (ch == 'r') s = obj_repr(v);
            else s = obj_ascii(v);
            if (!s) goto fail;
            int rc;
            if (arg.width == -1 && arg.prec == -1) {
                rc = out_put_str(&sb, s);
            } else {
                FmtError err;
                size_t n;
                char *res = fmt_printf_str(STR_DATA(s), (size_t)STR_NBYTES(s), (char)ch, arg.flags, arg.width,
                                           arg.prec, &n, &err);
                rc = out_put_fmt(&sb, res, n, &err);
            }
            DECREF(s);
            if (rc < 0) goto fail;
        } else if (is_number_conv(ch)) {
            if (pct_number(&sb, v, &arg, false) < 0) goto fail;
        } else if (ch == 'c') {
            int64_t c = pct_char(v);
            if (c < 0) goto fail;
            char buf[4];
            int n = utf8_encode((uint32_t)c, buf);
            if (arg.width == -1) {
                if (out_put(&sb, buf, n) < 0) goto fail;
            } else {
                FmtError err;
                size_t outn;
                char *res = fmt_printf_str(buf, (size_t)n, 'c', arg.flags, arg.width, arg.prec, &outn, &err);
                if (out_put_fmt(&sb, res, outn, &err) < 0) goto fail;
            }
        } else {
            // The index is in code points, of the conversion character.
            ssize_t idx = utf8_count(base, p - base) - 1;
            vm_raise(Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                     (ch >= 31 && ch <= 126) ? (int)ch : '?', (unsigned)ch, idx);
            goto fail;
        }
        if (ctx.dict && ctx.argidx < ctx.arglen) {
            vm_raise(Exc_TypeError, "not all arguments converted during string formatting");
            goto fail;
        }
    }
    if (ctx.argidx < ctx.arglen && !ctx.dict) {
        vm_raise(Exc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    pct_release(&ctx);
    return out_finish(&sb);
fail:
    pct_release(&ctx);
    out_free(&sb);
    return NULL;
}

// ---- bytes % args -------------------------------------------------------------------------

// Appends [s, s+n) padded to width with spaces (bytes: width counts bytes).
static int bytes_put_padded(Out *sb, const char *s, ssize_t n, const PctArg *arg) {
    ssize_t pad = arg->width > n ? arg->width - n : 0;
    if (!(arg->flags & FMT_PF_LJUST))
        for (ssize_t i = 0; i < pad; i++)
            if (out_putc(sb, ' ') < 0) return -1;
    if (out_put(sb, s, n) < 0) return -1;
    if (arg->flags & FMT_PF_LJUST)
        for (ssize_t i = 0; i < pad; i++)
            if (out_putc(sb, ' ') < 0) return -1;
    return 0;
}

// format_obj: the bytes of v for %s / %b (a new reference to a bytes object).
static Object *bytes_format_obj(Object *v) {
    if (BYTES_CHECK(v)) return NEWREF(v);
    if (type_lookup(TYPE(v), S___bytes__)) {
        Object *r = obj_call_method_obj(v, S___bytes__, NULL, 0);
        if (!r) return NULL;
        if (!BYTES_CHECK(r)) {
            vm_raise(Exc_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(TYPE(r)));
            DECREF(r);
            return NULL;
        }
        return r;
    }
    return vm_raise(Exc_TypeError,
                    "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                    type_name(TYPE(v)));
}

// byte_converter: the byte for %c; -1 with an error.
static int bytes_char(Object *v) {
    if (BYTES_CHECK(v) && BYTES_SIZE(v) == 1) return BYTES_DATA(v)[0];
    if (INT_CHECK(v) || TYPE(v)->nb_index) {
        Object *i = num_index(v);
        if (!i) {
            if (err_matches(Exc_TypeError)) {
                err_clear();
                goto bad;
            }
            return -1;
        }
        long x;
        bool ok = int_as_long_fast(i, &x) == 0;
        DECREF(i);
        if (!ok || x < 0 || x > 255) {
            vm_raise(Exc_OverflowError, "%%c arg not in range(256)");
            return -1;
        }
        return (int)x;
    }
bad:
    vm_raise(Exc_TypeError, "%%c requires an integer in range(256) or a single byte");
    return -1;
}

Object *bytes_mod_format(Object *fmt, Object *args) {
    PctCtx ctx = {args, false, -1, -2, NULL};
    if (TUPLE_CHECK(args)) {
        ctx.arglen = TUPLE_SIZE(args);
        ctx.argidx = 0;
    }
    if (TYPE(args)->mp_subscript && !TUPLE_CHECK(args) && !BYTES_CHECK(args) && !STR_CHECK(args))
        ctx.dict = args;

    const char *base = (const char *)BYTES_DATA(fmt), *p = base, *end = base + BYTES_SIZE(fmt);
    Out sb;
    out_init(&sb);
    while (p < end) {
        const char *pct = memchr(p, '%', (size_t)(end - p));
        if (!pct) {
            if (out_put(&sb, p, end - p) < 0) goto fail;
            break;
        }
        if (pct > p && out_put(&sb, p, pct - p) < 0) goto fail;
        p = pct + 1;
        if (p < end && *p == '%') {
            if (out_putc(&sb, '%') < 0) goto fail;
            p++;
            continue;
        }
        PctArg arg;
        if (pct_parse(&ctx, &p, end, &arg, true) < 0) goto fail;
        Object *v = pct_next_arg(&ctx);
        if (!v) goto fail;
        uint32_t ch = arg.ch;
        if (ch == 'r' || ch == 'a') {
            Object *s = obj_ascii(v);
            if (!s) goto fail;
            ssize_t n = STR_NBYTES(s);
            if (arg.prec >= 0 && n > arg.prec) n = arg.prec;
            int rc = bytes_put_padded(&sb, STR_DATA(s), n, &arg);
            DECREF(s);
            if (rc < 0) goto fail;
        } else if (ch == 's' || ch == 'b') {
            Object *b = bytes_format_obj(v);
            if (!b) goto fail;
            ssize_t n = BYTES_SIZE(b);
            if (arg.prec >= 0 && n > arg.prec) n = arg.prec;
            int rc = bytes_put_padded(&sb, (const char *)BYTES_DATA(b), n, &arg);
            DECREF(b);
            if (rc < 0) goto fail;
        } else if (is_number_conv(ch)) {
            if (ch == 'i') arg.ch = 'd';   // bytes formatting treats %i as %d (and says so in errors)
            if (pct_number(&sb, v, &arg, true) < 0) goto fail;
        } else if (ch == 'c') {
            int c = bytes_char(v);
            if (c < 0) goto fail;
            char one = (char)c;
            if (bytes_put_padded(&sb, &one, 1, &arg) < 0) goto fail;
        } else {
            vm_raise(Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd", (int)ch, (unsigned)ch,
                     (ssize_t)(p - 1 - base));
            goto fail;
        }
        if (ctx.dict && ctx.argidx < ctx.arglen) {
            vm_raise(Exc_TypeError, "not all arguments converted during bytes formatting");
            goto fail;
        }
    }
    if (ctx.argidx < ctx.arglen && !ctx.dict) {
        vm_raise(Exc_TypeError, "not all arguments converted during bytes formatting");
        goto fail;
    }
    pct_release(&ctx);
    Object *r = bytes_from(sb.buf, sb.len);
    out_free(&sb);
    return r;
fail:
    pct_release(&ctx);
    out_free(&sb);
    return NULL;
}
