// bytes (CPython's Objects/bytesobject.c, Objects/bytes_methods.c and the
// stringlib routines they share): an immutable byte string with its data
// inline. The empty bytes and the 256 one-byte values are shared immortal
// singletons, as in CPython.
//
// Only `bytes` is a bytes-like object here (no bytearray or memoryview yet):
// every "buffer" argument goes through get_buf(), the one place to extend
// when those types arrive.
//
// Codecs: utf-8, ascii and latin-1, with the error handlers strict, ignore,
// replace and backslashreplace (and xmlcharrefreplace for encoding). The
// decoder reports the same error ranges and reasons as CPython's.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE  // memmem, memrchr
#endif
#include "../runtime.h"

#include <stdlib.h>
#include <string.h>

static Object *empty_bytes;
static Object *char_bytes[256];

// ---- Construction ------------------------------------------------------------------

Object *bytes_new_raw(ssize_t n) {
    if (n < 0 || (size_t)n > (size_t)SSIZE_MAX - sizeof(BytesObject) - 1) {
        err_no_memory();
        return NULL;
    }
    BytesObject *b = (BytesObject *)obj_alloc(&BytesType, sizeof(BytesObject) + (size_t)n + 1);
    if (!b) return NULL;
    b->size = n;
    b->hash = -1;
    b->data[n] = 0;
    return (Object *)b;
}

Object *bytes_new_uninit(ssize_t n) {
    if (n < 0 || (size_t)n > (size_t)SSIZE_MAX - sizeof(BytesObject) - 1) {
        err_no_memory();
        return NULL;
    }
    BytesObject *b = (BytesObject *)obj_alloc_uninit(&BytesType, sizeof(BytesObject) + (size_t)n + 1,
                                                     sizeof(BytesObject));
    if (!b) return NULL;
    b->size = n;
    b->hash = -1;
    b->data[n] = 0;
    return (Object *)b;
}

static Object *bytes_empty(void) {
    if (!empty_bytes) {
        Object *b = bytes_new_raw(0);
        if (!b) return NULL;
        obj_make_immortal(b);
        empty_bytes = b;
    }
    return NEWREF(empty_bytes);
}

static Object *bytes_char(unsigned char c) {
    if (!char_bytes[c]) {
        Object *b = bytes_new_raw(1);
        if (!b) return NULL;
        BYTES_DATA(b)[0] = c;
        obj_make_immortal(b);
        char_bytes[c] = b;
    }
    return NEWREF(char_bytes[c]);
}

Object *bytes_from(const void *data, ssize_t n) {
    if (n == 0) return bytes_empty();
    if (n == 1 && data) return bytes_char(*(const unsigned char *)data);
    Object *b = bytes_new_raw(n);
    if (b && data) memcpy(BYTES_DATA(b), data, (size_t)n);
    return b;
}

// self itself when it is an exact bytes, else an exact copy (return_self()).
static Object *bytes_self(Object *self) {
    if (TYPE(self) == &BytesType) return NEWREF(self);
    return bytes_from(BYTES_DATA(self), BYTES_SIZE(self));
}

// An instance of a bytes subclass holding b's data.
static Object *bytes_subtype_new(TypeObject *type, Object *b) {
    ssize_t n = BYTES_SIZE(b);
    BytesObject *r = (BytesObject *)type_generic_alloc(type, n + 1);
    if (!r) return NULL;
    r->size = n;
    r->hash = -1;
    memcpy(r->data, BYTES_DATA(b), (size_t)n);
    r->data[n] = 0;
    return (Object *)r;
}

static void bytes_dealloc(Object *o) { obj_free(o); }

// ---- Helpers -------------------------------------------------------------------------

typedef struct {
    const unsigned char *p;
    ssize_t n;
} Buf;

// The bytes-like view of o, or -1 with CPython's TypeError.
static int get_buf(Object *o, Buf *b) {
    if (BYTES_CHECK(o)) {
        b->p = BYTES_DATA(o);
        b->n = BYTES_SIZE(o);
        return 0;
    }
    vm_raise(Exc_TypeError, "a bytes-like object is required, not '%s'", type_name(TYPE(o)));
    return -1;
}

static inline bool is_buf(Object *o) { return BYTES_CHECK(o); }

static inline bool c_isspace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool c_islower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool c_isupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool c_isalpha(unsigned char c) { return c_islower(c) || c_isupper(c); }
static inline bool c_isdigit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline bool c_isalnum(unsigned char c) { return c_isalpha(c) || c_isdigit(c); }
static inline unsigned char c_tolower(unsigned char c) { return c_isupper(c) ? c + 32 : c; }
static inline unsigned char c_toupper(unsigned char c) { return c_islower(c) ? c - 32 : c; }

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 16;
}

// Argument-count errors worded as CPython's for each calling convention.
static int check_noargs(const char *name, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "bytes.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs) {
        vm_raise(Exc_TypeError, "bytes.%s() takes no arguments (%zd given)", name, nargs);
        return -1;
    }
    return 0;
}

static int check_onearg(const char *name, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "bytes.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        vm_raise(Exc_TypeError, "bytes.%s() takes exactly one argument (%zd given)", name, nargs);
        return -1;
    }
    return 0;
}

// Argument Clinic's positional-only check.
static int check_positional(const char *name, ssize_t nargs, Object *kwnames, ssize_t min, ssize_t max) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "bytes.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min) {
        if (min == max)
            vm_raise(Exc_TypeError, "%s expected %zd argument%s, got %zd", name, min, min == 1 ? "" : "s", nargs);
        else
            vm_raise(Exc_TypeError, "%s expected at least %zd argument%s, got %zd", name, min, min == 1 ? "" : "s",
                     nargs);
        return -1;
    }
    if (nargs > max) {
        if (min == max)
            vm_raise(Exc_TypeError, "%s expected %zd argument%s, got %zd", name, max, max == 1 ? "" : "s", nargs);
        else
            vm_raise(Exc_TypeError, "%s expected at most %zd argument%s, got %zd", name, max, max == 1 ? "" : "s",
                     nargs);
        return -1;
    }
    return 0;
}

// An index argument as a C ssize_t (Argument Clinic's Py_ssize_t converter).
static int arg_ssize(Object *o, ssize_t *out) {
    Object *i = num_index(o);
    if (!i) return -1;
    long v;
    if (int_as_long_fast(i, &v) < 0) {
        DECREF(i);
        vm_raise(Exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    DECREF(i);
    *out = v;
    return 0;
}

// start/end arguments of find() and friends: None or an index, clamped.
static int slice_index_arg(Object *o, ssize_t *out) {
    if (!o || o == None) return 0;
    if (!INT_CHECK(o) && !TYPE(o)->nb_index) {
        vm_raise(Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t v = num_as_ssize(o, NULL);
    if (v == -1 && err_occurred()) return -1;
    *out = v;
    return 0;
}

static void adjust_indices(ssize_t *start, ssize_t *end, ssize_t len) {
    if (*end > len) *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}

// Index of needle in hay[0:hn), or -1. Empty needle: 0.
static ssize_t find_fwd(const unsigned char *hay, ssize_t hn, const unsigned char *nd, ssize_t nn) {
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    if (nn == 1) {
        const unsigned char *q = memchr(hay, nd[0], (size_t)hn);
        return q ? q - hay : -1;
    }
    const unsigned char *q = memmem(hay, (size_t)hn, nd, (size_t)nn);
    return q ? q - hay : -1;
}

// Last index of needle in hay[0:hn), or -1. Empty needle: hn.
static ssize_t find_rev(const unsigned char *hay, ssize_t hn, const unsigned char *nd, ssize_t nn) {
    if (nn == 0) return hn;
    if (nn > hn) return -1;
    if (nn == 1) {
        const unsigned char *q = memrchr(hay, nd[0], (size_t)hn);
        return q ? q - hay : -1;
    }
    for (ssize_t i = hn - nn; i >= 0; i--)
        if (hay[i] == nd[0] && memcmp(hay + i, nd, (size_t)nn) == 0) return i;
    return -1;
}

// Non-overlapping occurrences, at most maxcount.
static ssize_t count_occ(const unsigned char *hay, ssize_t hn, const unsigned char *nd, ssize_t nn, ssize_t maxcount) {
    if (nn == 0) return hn + 1 < maxcount ? hn + 1 : maxcount;
    ssize_t c = 0, i = 0;
    while (c < maxcount) {
        ssize_t k = find_fwd(hay + i, hn - i, nd, nn);
        if (k < 0) break;
        c++;
        i += k + nn;
    }
    return c;
}

// ---- repr, hash, compare ------------------------------------------------------------------

Object *bytes_repr_of(Object *o) {
    const unsigned char *p = BYTES_DATA(o);
    ssize_t n = BYTES_SIZE(o);
    bool sq = memchr(p, '\'', (size_t)n) != NULL, dq = memchr(p, '"', (size_t)n) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    // Worst case 4 bytes per byte, plus b''.
    char *buf = malloc((size_t)n * 4 + 4);
    if (!buf) {
        err_no_memory();
        return NULL;
    }
    static const char hex[] = "0123456789abcdef";
    char *w = buf;
    *w++ = 'b';
    *w++ = quote;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == (unsigned char)quote || c == '\\') {
            *w++ = '\\';
            *w++ = (char)c;
        } else if (c == '\t') {
            *w++ = '\\';
            *w++ = 't';
        } else if (c == '\n') {
            *w++ = '\\';
            *w++ = 'n';
        } else if (c == '\r') {
            *w++ = '\\';
            *w++ = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            *w++ = '\\';
            *w++ = 'x';
            *w++ = hex[c >> 4];
            *w++ = hex[c & 15];
        } else {
            *w++ = (char)c;
        }
    }
    *w++ = quote;
    Object *r = str_from_utf8_len(buf, w - buf, w - buf);
    free(buf);
    return r;
}

static Object *bytes_repr(Object *o) { return bytes_repr_of(o); }

static hash_t bytes_hash(Object *o) {
    BytesObject *b = (BytesObject *)o;
    if (b->hash == -1) b->hash = hash_buffer(b->data, b->size);
    return b->hash;
}

static Object *bytes_richcompare(Object *v, Object *w, int op) {
    if (!BYTES_CHECK(v) || !BYTES_CHECK(w)) RETURN_NOTIMPL;
    ssize_t a = BYTES_SIZE(v), b = BYTES_SIZE(w);
    bool r;
    if (op == CMP_EQ_OP || op == CMP_NE_OP) {
        bool eq = v == w || (a == b && memcmp(BYTES_DATA(v), BYTES_DATA(w), (size_t)a) == 0);
        r = eq == (op == CMP_EQ_OP);
    } else {
        ssize_t m = a < b ? a : b;
        int c = m ? memcmp(BYTES_DATA(v), BYTES_DATA(w), (size_t)m) : 0;
        if (c == 0) c = (a > b) - (a < b);
        switch (op) {
        case CMP_LT_OP: r = c < 0; break;
        case CMP_LE_OP: r = c <= 0; break;
        case CMP_GT_OP: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return NEWREF(bool_from(r));
}

// ---- Sequence protocol ------------------------------------------------------------------

static ssize_t bytes_length(Object *o) { return BYTES_SIZE(o); }

static Object *bytes_subscript(Object *self, Object *key) {
    ssize_t n = BYTES_SIZE(self);
    if (TYPE(key) == &SliceType) {
        ssize_t start, stop, step;
        ssize_t len = slice_indices(key, n, &start, &stop, &step);
        if (len < 0) return NULL;
        if (step == 1) {
            if (len == n && TYPE(self) == &BytesType) return NEWREF(self);
            return bytes_from(BYTES_DATA(self) + start, len);
        }
        if (len == 0) return bytes_empty();
        if (len == 1) return bytes_char(BYTES_DATA(self)[start]);
        Object *r = bytes_new_raw(len);
        if (!r) return NULL;
        const unsigned char *src = BYTES_DATA(self);
        unsigned char *dst = BYTES_DATA(r);
        for (ssize_t k = 0, i = start; k < len; k++, i += step) dst[k] = src[i];
        return r;
    }
    if (INT_CHECK(key) || TYPE(key)->nb_index) {
        ssize_t i = num_as_ssize(key, Exc_IndexError);
        if (i == -1 && err_occurred()) return NULL;
        if (i < 0) i += n;
        if (i < 0 || i >= n) return vm_raise(Exc_IndexError, "index out of range");
        return int_from_long(BYTES_DATA(self)[i]);
    }
    return vm_raise(Exc_TypeError, "byte indices must be integers or slices, not %s", type_name(TYPE(key)));
}

static int bytes_contains(Object *self, Object *arg) {
    if (INT_CHECK(arg) || TYPE(arg)->nb_index) {
        ssize_t v = num_as_ssize(arg, NULL);
        if (v == -1 && err_occurred()) {
            err_clear();
        } else {
            if (v < 0 || v >= 256) {
                vm_raise(Exc_ValueError, "byte must be in range(0, 256)");
                return -1;
            }
            return memchr(BYTES_DATA(self), (int)v, (size_t)BYTES_SIZE(self)) != NULL;
        }
    }
    Buf b;
    if (get_buf(arg, &b) < 0) return -1;
    return find_fwd(BYTES_DATA(self), BYTES_SIZE(self), b.p, b.n) >= 0;
}

static Object *bytes_concat(Object *v, Object *w) {
    if (!BYTES_CHECK(v)) RETURN_NOTIMPL;
    if (!is_buf(w)) {
        // Leave room for a reflected __radd__ defined by a class.
        if ((TYPE(w)->flags & TPFLAGS_HEAPTYPE) && TYPE(w)->nb[OP_ADD]) RETURN_NOTIMPL;
        return vm_raise(Exc_TypeError, "can't concat %s to %s", type_name(TYPE(w)), type_name(TYPE(v)));
    }
    ssize_t a = BYTES_SIZE(v), b = BYTES_SIZE(w);
    if (b == 0 && TYPE(v) == &BytesType) return NEWREF(v);
    if (a == 0 && TYPE(w) == &BytesType) return NEWREF(w);
    if (a > SSIZE_MAX - b) {
        err_no_memory();
        return NULL;
    }
    Object *r = bytes_new_raw(a + b);
    if (!r) return NULL;
    memcpy(BYTES_DATA(r), BYTES_DATA(v), (size_t)a);
    memcpy(BYTES_DATA(r) + a, BYTES_DATA(w), (size_t)b);
    return r;
}

static Object *bytes_repeat(Object *v, Object *w) {
    Object *b, *n;
    if (BYTES_CHECK(v)) b = v, n = w;
    else b = w, n = v;
    if (!BYTES_CHECK(b) || FLOAT_CHECK(n) || !(INT_CHECK(n) || TYPE(n)->nb_index)) RETURN_NOTIMPL;
    ssize_t k = num_as_ssize(n, Exc_OverflowError);
    if (k == -1 && err_occurred()) return NULL;
    ssize_t m = BYTES_SIZE(b);
    if (k <= 0 || m == 0) return bytes_empty();
    if (k == 1 && TYPE(b) == &BytesType) return NEWREF(b);
    if (m > SSIZE_MAX / k) return vm_raise(Exc_OverflowError, "repeated bytes are too long");
    Object *r = bytes_new_raw(m * k);
    if (!r) return NULL;
    unsigned char *dst = BYTES_DATA(r);
    if (m == 1) {
        memset(dst, BYTES_DATA(b)[0], (size_t)k);
    } else {
        // Doubling copies, as CPython's _PyBytes_Repeat.
        ssize_t total = m * k, done = m;
        memcpy(dst, BYTES_DATA(b), (size_t)m);
        while (done < total) {
            ssize_t c = done <= total - done ? done : total - done;
            memcpy(dst + done, dst, (size_t)c);
            done += c;
        }
    }
    return r;
}

static Object *bytes_mod(Object *v, Object *w) {
    if (!BYTES_CHECK(v)) RETURN_NOTIMPL;
    return bytes_mod_format(v, w);
}

// ---- Iteration ------------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *seq;
    ssize_t index;
} BytesIterObject;

static void bytesiter_dealloc(Object *o) {
    XDECREF(((BytesIterObject *)o)->seq);
    obj_free(o);
}

static int bytesiter_traverse(Object *o, visitproc visit, void *arg) {
    BytesIterObject *it = (BytesIterObject *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static Object *bytesiter_next(Object *o) {
    BytesIterObject *it = (BytesIterObject *)o;
    if (!it->seq) return NULL;
    if (it->index < BYTES_SIZE(it->seq)) return int_from_long(BYTES_DATA(it->seq)[it->index++]);
    CLEAR(it->seq);
    return NULL;
}

static Object *bytesiter_length_hint(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    BytesIterObject *it = (BytesIterObject *)o;
    return int_from_ssize(it->seq ? BYTES_SIZE(it->seq) - it->index : 0);
}

static Object *self_iter(Object *o) { return NEWREF(o); }

static const MethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject BytesIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = bytesiter_dealloc,
    .traverse = bytesiter_traverse,
    .iter = self_iter,
    .iternext = bytesiter_next,
    .methods = bytesiter_methods,
};

static Object *bytes_iter(Object *self) {
    // Until the start-up list of static types includes BytesIterType.
    if (__builtin_expect(!BytesIterType.mro, 0)) type_ready(&BytesIterType);
    BytesIterObject *it = (BytesIterObject *)obj_alloc(&BytesIterType, sizeof(BytesIterObject));
    if (!it) return NULL;
    it->seq = NEWREF(self);
    return (Object *)it;
}

// ---- Codecs ---------------------------------------------------------------------------------

enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1 };
static const char *const enc_names[] = {"utf-8", "ascii", "latin-1"};

// Looks an encoding name up as CPython's codec registry normalizes it:
// lower case, with runs of other punctuation turned into '_'.
static int lookup_encoding(const char *name) {
    char norm[64];
    size_t k = 0;
    bool punct = false;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c_isalnum(c) || c == '.') {
            if (punct && k) {
                if (k + 1 >= sizeof norm) return -1;
                norm[k++] = '_';
            }
            punct = false;
            if (k + 1 >= sizeof norm) return -1;
            norm[k++] = (char)c_tolower(c);
        } else {
            punct = true;
        }
    }
    norm[k] = 0;
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "ansi_x3_4_1968",
                                        "ansi_x3.4_1986", "cp367", "csascii", "ibm367", "iso646_us",
                                        "iso_646.irv_1991", "iso_ir_6", NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1", "8859",
                                         "cp819", "iso_ir_100", "csisolatin1", "ibm819", "iso8859",
                                         "iso_8859_1_1987", NULL};
    const char *const *tables[] = {utf8, ascii, latin1};
    for (int t = 0; t < 3; t++)
        for (const char *const *n = tables[t]; *n; n++)
            if (strcmp(norm, *n) == 0) return t;
    return -1;
}

static int encoding_or_raise(const char *name) {
    int e = lookup_encoding(name);
    if (e < 0) vm_raise(Exc_LookupError, "unknown encoding: %s", name);
    return e;
}

enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_XMLCHARREF, ERR_UNKNOWN };

static int lookup_errors(const char *errors) {
    if (!errors || strcmp(errors, "strict") == 0) return ERR_STRICT;
    if (strcmp(errors, "ignore") == 0) return ERR_IGNORE;
    if (strcmp(errors, "replace") == 0) return ERR_REPLACE;
    if (strcmp(errors, "backslashreplace") == 0) return ERR_BACKSLASH;
    if (strcmp(errors, "xmlcharrefreplace") == 0) return ERR_XMLCHARREF;
    return ERR_UNKNOWN;
}

// Raises a UnicodeDecodeError/UnicodeEncodeError carrying CPython's message
// and the encoding/object/start/end/reason attributes.
static void raise_unicode_error(TypeObject *type, const char *encoding, Object *object, ssize_t start, ssize_t end,
                                const char *reason, Object *msg) {
    if (!msg) return;
    Object *exc = exc_new(type, &msg, 1);
    DECREF(msg);
    if (!exc) return;
    Object *enc = str_from_cstr(encoding), *rs = str_from_cstr(reason);
    Object *st = int_from_ssize(start), *en = int_from_ssize(end);
    if (enc && rs && st && en) {
        obj_setattr_str(exc, "encoding", enc);
        obj_setattr_str(exc, "object", object);
        obj_setattr_str(exc, "start", st);
        obj_setattr_str(exc, "end", en);
        obj_setattr_str(exc, "reason", rs);
    }
    XDECREF(enc);
    XDECREF(rs);
    XDECREF(st);
    XDECREF(en);
    if (err_occurred()) err_clear();
    err_set_object(exc);
    DECREF(exc);
}

static void raise_decode_error(const char *encoding, Object *obj, const unsigned char *p, ssize_t start, ssize_t end,
                               const char *reason) {
    Object *msg;
    if (end - start == 1)
        msg = str_from_format("'%s' codec can't decode byte 0x%02x in position %zd: %s", encoding, (int)p[start],
                              start, reason);
    else
        msg = str_from_format("'%s' codec can't decode bytes in position %zd-%zd: %s", encoding, start, end - 1,
                              reason);
    raise_unicode_error(Exc_UnicodeDecodeError, encoding, obj, start, end, reason, msg);
}

static inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence at p[i] (1..4), or 0 with *err_end and
// *reason describing the error as CPython's decoder does.
static int utf8_check(const unsigned char *p, ssize_t i, ssize_t n, ssize_t *err_end, const char **reason) {
    static const char *const ic = "invalid continuation byte", *const eod = "unexpected end of data";
    unsigned char c = p[i];
    ssize_t left = n - i;
    if (c < 0x80) return 1;
    if (c < 0xC2 || c > 0xF4) {
        *err_end = i + 1;
        *reason = "invalid start byte";
        return 0;
    }
    if (left < 2) {
        *err_end = n;
        *reason = eod;
        return 0;
    }
    unsigned char c2 = p[i + 1];
    if (c < 0xE0) {
        if (!is_cont(c2)) goto ic1;
        return 2;
    }
    if (c < 0xF0) {
        if (!is_cont(c2) || (c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 >= 0xA0)) goto ic1;
        if (left < 3) {
            *err_end = n;
            *reason = eod;
            return 0;
        }
        if (!is_cont(p[i + 2])) {
            *err_end = i + 2;
            *reason = ic;
            return 0;
        }
        return 3;
    }
    if (!is_cont(c2) || (c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 >= 0x90)) goto ic1;
    if (left < 3) {
        *err_end = n;
        *reason = eod;
        return 0;
    }
    if (!is_cont(p[i + 2])) {
        *err_end = i + 2;
        *reason = ic;
        return 0;
    }
    if (left < 4) {
        *err_end = n;
        *reason = eod;
        return 0;
    }
    if (!is_cont(p[i + 3])) {
        *err_end = i + 3;
        *reason = ic;
        return 0;
    }
    return 4;
ic1:
    *err_end = i + 1;
    *reason = ic;
    return 0;
}

static int sb_put_hexbyte(StrBuf *sb, unsigned char c) { return sb_printf(sb, "\\x%02x", (unsigned)c); }

// Decodes p[0:n) (the data of obj, for the exception) to a str.
static Object *decode_buffer(Object *obj, const unsigned char *p, ssize_t n, int enc, const char *errors) {
    // Fast path: pure ASCII decodes the same under every supported codec.
    ssize_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    if (i == n) return str_from_utf8_len((const char *)p, n, n);
    int eh = -1;  // looked up at the first error
    StrBuf sb;
    sb_init(&sb);
    ssize_t ncp = 0, run = 0;  // code points so far; start of the pending run to copy
    if (enc == ENC_LATIN1) {
        for (i = 0; i < n; i++) {
            unsigned char c = p[i];
            if (c < 0x80) {
                sb_putc(&sb, (char)c);
            } else {
                sb_putc(&sb, (char)(0xC0 | (c >> 6)));
                sb_putc(&sb, (char)(0x80 | (c & 0x3F)));
            }
        }
        ncp = n;
        goto done;
    }
    i = 0;
    while (i < n) {
        ssize_t err_start = i, err_end;
        const char *reason;
        if (enc == ENC_ASCII) {
            if (p[i] < 0x80) {
                i++;
                ncp++;
                continue;
            }
            err_end = i + 1;
            reason = "ordinal not in range(128)";
        } else {
            int len = utf8_check(p, i, n, &err_end, &reason);
            if (len) {
                i += len;
                ncp++;
                continue;
            }
        }
        // Flush the valid run before the error.
        if (sb_putn(&sb, (const char *)p + run, err_start - run) < 0) goto fail;
        if (eh < 0) eh = lookup_errors(errors);
        switch (eh) {
        case ERR_STRICT:
            raise_decode_error(enc_names[enc], obj, p, err_start, err_end, reason);
            goto fail;
        case ERR_IGNORE:
            break;
        case ERR_REPLACE:
            sb_putn(&sb, "\xEF\xBF\xBD", 3);
            ncp++;
            break;
        case ERR_BACKSLASH:
            for (ssize_t k = err_start; k < err_end; k++) sb_put_hexbyte(&sb, p[k]);
            ncp += 4 * (err_end - err_start);
            break;
        case ERR_XMLCHARREF:
            vm_raise(Exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
            goto fail;
        default:
            vm_raise(Exc_LookupError, "unknown error handler name '%s'", errors);
            goto fail;
        }
        i = run = err_end;
    }
    if (sb_putn(&sb, (const char *)p + run, n - run) < 0) goto fail;
done:;
    Object *r = str_from_utf8_len(sb.buf ? sb.buf : "", sb.len, ncp);
    sb_free(&sb);
    return r;
fail:
    sb_free(&sb);
    return NULL;
}

Object *bytes_decode(Object *b, const char *encoding, const char *errors) {
    int enc = encoding_or_raise(encoding ? encoding : "utf-8");
    if (enc < 0) return NULL;
    Buf v;
    if (get_buf(b, &v) < 0) return NULL;
    return decode_buffer(b, v.p, v.n, enc, errors);
}

static void raise_encode_error(const char *encoding, Object *str, uint32_t ch, ssize_t start, ssize_t end,
                               const char *reason) {
    Object *msg;
    if (end - start == 1) {
        const char *fmt = ch <= 0xff     ? "'%s' codec can't encode character '\\x%02x' in position %zd: %s"
                          : ch <= 0xffff ? "'%s' codec can't encode character '\\u%04x' in position %zd: %s"
                                         : "'%s' codec can't encode character '\\U%08x' in position %zd: %s";
        msg = str_from_format(fmt, encoding, (int)ch, start, reason);
    } else {
        msg = str_from_format("'%s' codec can't encode characters in position %zd-%zd: %s", encoding, start, end - 1,
                              reason);
    }
    raise_unicode_error(Exc_UnicodeEncodeError, encoding, str, start, end, reason, msg);
}

Object *bytes_encode_str(Object *s, const char *encoding, const char *errors) {
    int enc = encoding_or_raise(encoding ? encoding : "utf-8");
    if (enc < 0) return NULL;
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    ssize_t n = STR_NBYTES(s);
    if (STR_ASCII(s)) return bytes_from(p, n);
    if (enc == ENC_UTF8) {
        // Our str holds UTF-8 already; only lone surrogates cannot be encoded.
        for (ssize_t i = 0, cp = 0; i < n; cp++) {
            unsigned char c = p[i];
            if (c == 0xED && i + 1 < n && p[i + 1] >= 0xA0) {
                uint32_t ch = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
                if (lookup_errors(errors) != ERR_IGNORE) {
                    raise_encode_error("utf-8", s, ch, cp, cp + 1, "surrogates not allowed");
                    return NULL;
                }
            }
            i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        }
        return bytes_from(p, n);
    }
    uint32_t limit = enc == ENC_ASCII ? 0x80 : 0x100;
    const char *reason = enc == ENC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)";
    StrBuf sb;
    sb_init(&sb);
    int eh = -1;
    ssize_t i = 0, cp = 0;
    while (i < n) {
        int len;
        uint32_t ch = utf8_decode((const char *)p + i, &len);
        if (ch < limit) {
            sb_putc(&sb, (char)ch);
            i += len;
            cp++;
            continue;
        }
        // The run of unencodable characters starting here.
        ssize_t rs = cp, j = i, rcp = cp;
        while (j < n) {
            int l2;
            uint32_t c2 = utf8_decode((const char *)p + j, &l2);
            if (c2 < limit) break;
            j += l2;
            rcp++;
        }
        if (eh < 0) eh = lookup_errors(errors);
        if (eh == ERR_STRICT) {
            raise_encode_error(enc_names[enc], s, ch, rs, rcp, reason);
            sb_free(&sb);
            return NULL;
        }
        if (eh == ERR_UNKNOWN) {
            vm_raise(Exc_LookupError, "unknown error handler name '%s'", errors);
            sb_free(&sb);
            return NULL;
        }
        for (ssize_t k = i; k < j;) {
            int l2;
            uint32_t c2 = utf8_decode((const char *)p + k, &l2);
            k += l2;
            if (eh == ERR_REPLACE) sb_putc(&sb, '?');
            else if (eh == ERR_BACKSLASH) {
                if (c2 <= 0xff) sb_printf(&sb, "\\x%02x", (unsigned)c2);
                else if (c2 <= 0xffff) sb_printf(&sb, "\\u%04x", (unsigned)c2);
                else sb_printf(&sb, "\\U%08x", (unsigned)c2);
            } else if (eh == ERR_XMLCHARREF) {
                sb_printf(&sb, "&#%u;", (unsigned)c2);
            }
        }
        i = j;
        cp = rcp;
    }
    Object *r = bytes_from(sb.buf, sb.len);
    sb_free(&sb);
    return r;
}

// ---- Constructor -------------------------------------------------------------------------------

// bytes(iterable of ints) / bytes(list) / bytes(tuple) (PyBytes_FromObject).
static Object *bytes_from_object(Object *x) {
    if (BYTES_CHECK(x)) return bytes_from(BYTES_DATA(x), BYTES_SIZE(x));
    Object *it = NULL;
    if (!STR_CHECK(x)) {
        it = obj_getiter(x);
        if (!it && !err_matches(Exc_TypeError)) return NULL;
        if (!it) err_clear();
    }
    if (!it) return vm_raise(Exc_TypeError, "cannot convert '%s' object to bytes", type_name(TYPE(x)));
    StrBuf sb;
    sb_init(&sb);
    Object *item;
    while ((item = iter_next(it))) {
        ssize_t v = num_as_ssize(item, NULL);
        DECREF(item);
        if (v == -1 && err_occurred()) goto fail;
        if (v < 0 || v >= 256) {
            vm_raise(Exc_ValueError, "bytes must be in range(0, 256)");
            goto fail;
        }
        if (sb_putc(&sb, (char)v) < 0) goto fail;
    }
    if (err_occurred()) goto fail;
    DECREF(it);
    Object *r = bytes_from(sb.buf, sb.len);
    sb_free(&sb);
    return r;
fail:
    DECREF(it);
    sb_free(&sb);
    return NULL;
}

static Object *bytes_make(Object *x, Object *encoding, Object *errors) {
    if (!x) {
        if (encoding || errors)
            return vm_raise(Exc_TypeError, encoding ? "encoding without a string argument"
                                                    : "errors without a string argument");
        return bytes_empty();
    }
    if (encoding && !STR_CHECK(encoding))
        return vm_raise(Exc_TypeError, "bytes() argument 'encoding' must be str, not %s",
                        type_name(TYPE(encoding)));
    if (errors && !STR_CHECK(errors))
        return vm_raise(Exc_TypeError, "bytes() argument 'errors' must be str, not %s", type_name(TYPE(errors)));
    if (encoding) {
        if (!STR_CHECK(x)) return vm_raise(Exc_TypeError, "encoding without a string argument");
        return bytes_encode_str(x, STR_DATA(encoding), errors ? STR_DATA(errors) : NULL);
    }
    if (errors)
        return vm_raise(Exc_TypeError,
                        STR_CHECK(x) ? "string argument without an encoding" : "errors without a string argument");
    Object *meth = type_lookup(TYPE(x), S___bytes__);
    if (meth) {
        Object *r = obj_call_method_obj(x, S___bytes__, NULL, 0);
        if (r && !BYTES_CHECK(r)) {
            vm_raise(Exc_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(TYPE(r)));
            DECREF(r);
            return NULL;
        }
        return r;
    }
    if (STR_CHECK(x)) return vm_raise(Exc_TypeError, "string argument without an encoding");
    if (INT_CHECK(x) || TYPE(x)->nb_index) {
        ssize_t n = num_as_ssize(x, Exc_OverflowError);
        if (n == -1 && err_occurred()) {
            if (!err_matches(Exc_TypeError)) return NULL;
            err_clear();
            return bytes_from_object(x);
        }
        if (n < 0) return vm_raise(Exc_ValueError, "negative count");
        if (n == 0) return bytes_empty();
        return bytes_new_raw(n);  // obj_alloc zeroes
    }
    return bytes_from_object(x);
}

static Object *bytes_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"source", "encoding", "errors"};
    Object *a[3] = {NULL, NULL, NULL};
    if (!kwnames && nargs <= 3) {
        for (ssize_t i = 0; i < nargs; i++) a[i] = args[i];
    } else if (args_parse("bytes", args, nargs, kwnames, names, 3, 0, a) < 0) {
        return NULL;
    }
    Object *r = bytes_make(a[0], a[1], a[2]);
    if (r && type != &BytesType) {
        Object *s = bytes_subtype_new(type, r);
        DECREF(r);
        r = s;
    }
    return r;
}

// ---- Methods: decoding, searching ----------------------------------------------------------------

static Object *bytes_decode_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    Object *a[2] = {NULL, NULL};
    if (kwnames || nargs > 2) {
        if (args_parse("decode", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    } else {
        for (ssize_t i = 0; i < nargs; i++) a[i] = args[i];
    }
    for (int i = 0; i < 2; i++)
        if (a[i] && !STR_CHECK(a[i]))
            return vm_raise(Exc_TypeError, "decode() argument '%s' must be str, not %s", names[i],
                            type_name(TYPE(a[i])));
    return bytes_decode(self, a[0] ? STR_DATA(a[0]) : "utf-8", a[1] ? STR_DATA(a[1]) : "strict");
}

// Parses (sub[, start[, end]]) where sub is bytes or an int byte value.
// On success *sub and *start/*end are set (start/end adjusted to len).
static int parse_find_args(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                           Buf *sub, unsigned char *byte, ssize_t *start, ssize_t *end) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "bytes.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < 1) {
        vm_raise(Exc_TypeError, "%s() takes at least 1 argument (%zd given)", name, nargs);
        return -1;
    }
    if (nargs > 3) {
        vm_raise(Exc_TypeError, "%s() takes at most 3 arguments (%zd given)", name, nargs);
        return -1;
    }
    *start = 0;
    *end = SSIZE_MAX;
    if (nargs > 1 && slice_index_arg(args[1], start) < 0) return -1;
    if (nargs > 2 && slice_index_arg(args[2], end) < 0) return -1;
    Object *s = args[0];
    if (is_buf(s)) {
        get_buf(s, sub);
    } else if (INT_CHECK(s) || TYPE(s)->nb_index) {
        ssize_t v = num_as_ssize(s, NULL);
        if (v == -1 && err_occurred()) return -1;
        if (v < 0 || v >= 256) {
            vm_raise(Exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (unsigned char)v;
        sub->p = byte;
        sub->n = 1;
    } else {
        vm_raise(Exc_TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(TYPE(s)));
        return -1;
    }
    adjust_indices(start, end, BYTES_SIZE(self));
    return 0;
}

// -2 on error, -1 not found, else the index.
static ssize_t do_find(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames, int dir) {
    Buf sub;
    unsigned char byte;
    ssize_t start, end;
    if (parse_find_args(name, self, args, nargs, kwnames, &sub, &byte, &start, &end) < 0) return -2;
    if (end - start < sub.n) return -1;
    const unsigned char *p = BYTES_DATA(self) + start;
    ssize_t r = dir > 0 ? find_fwd(p, end - start, sub.p, sub.n) : find_rev(p, end - start, sub.p, sub.n);
    return r < 0 ? -1 : r + start;
}

static Object *bytes_find(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ssize_t r = do_find("find", self, args, nargs, kwnames, 1);
    return r == -2 ? NULL : int_from_ssize(r);
}

static Object *bytes_rfind(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ssize_t r = do_find("rfind", self, args, nargs, kwnames, -1);
    return r == -2 ? NULL : int_from_ssize(r);
}

static Object *bytes_index(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ssize_t r = do_find("index", self, args, nargs, kwnames, 1);
    if (r == -2) return NULL;
    if (r == -1) return vm_raise(Exc_ValueError, "subsection not found");
    return int_from_ssize(r);
}

static Object *bytes_rindex(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ssize_t r = do_find("rindex", self, args, nargs, kwnames, -1);
    if (r == -2) return NULL;
    if (r == -1) return vm_raise(Exc_ValueError, "subsection not found");
    return int_from_ssize(r);
}

static Object *bytes_count(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Buf sub;
    unsigned char byte;
    ssize_t start, end;
    if (parse_find_args("count", self, args, nargs, kwnames, &sub, &byte, &start, &end) < 0) return NULL;
    if (end - start < sub.n) return int_from_long(0);
    return int_from_ssize(count_occ(BYTES_DATA(self) + start, end - start, sub.p, sub.n, SSIZE_MAX));
}

// startswith/endswith: dir < 0 matches at the start.
static int tailmatch(Object *self, Buf *sub, ssize_t start, ssize_t end, int dir) {
    ssize_t len = BYTES_SIZE(self);
    adjust_indices(&start, &end, len);
    if (dir < 0) {
        if (start > len - sub->n) return 0;
    } else {
        if (end - start < sub->n || start > len) return 0;
        if (end - sub->n > start) start = end - sub->n;
    }
    if (end - start < sub->n) return 0;
    return memcmp(BYTES_DATA(self) + start, sub->p, (size_t)sub->n) == 0;
}

static Object *startsendswith(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                              int dir) {
    if (kwnames && TUPLE_SIZE(kwnames)) return vm_raise(Exc_TypeError, "bytes.%s() takes no keyword arguments", name);
    if (nargs < 1) return vm_raise(Exc_TypeError, "%s() takes at least 1 argument (%zd given)", name, nargs);
    if (nargs > 3) return vm_raise(Exc_TypeError, "%s() takes at most 3 arguments (%zd given)", name, nargs);
    ssize_t start = 0, end = SSIZE_MAX;
    if (nargs > 1 && slice_index_arg(args[1], &start) < 0) return NULL;
    if (nargs > 2 && slice_index_arg(args[2], &end) < 0) return NULL;
    Object *x = args[0];
    Buf sub;
    if (TUPLE_CHECK(x)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(x); i++) {
            if (get_buf(TUPLE_ITEMS(x)[i], &sub) < 0) return NULL;
            if (tailmatch(self, &sub, start, end, dir)) return NEWREF(True);
        }
        return NEWREF(False);
    }
    if (!is_buf(x))
        return vm_raise(Exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                        type_name(TYPE(x)));
    get_buf(x, &sub);
    return NEWREF(bool_from(tailmatch(self, &sub, start, end, dir)));
}

static Object *bytes_startswith(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return startsendswith("startswith", self, args, nargs, kwnames, -1);
}

static Object *bytes_endswith(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return startsendswith("endswith", self, args, nargs, kwnames, 1);
}

// ---- Methods: join, split, strip, replace, partition -------------------------------------------

static Object *bytes_join(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_onearg("join", nargs, kwnames) < 0) return NULL;
    Object *seq;
    if (LIST_CHECK(args[0]) || TUPLE_CHECK(args[0])) {
        seq = NEWREF(args[0]);
    } else {
        TypeObject *t = TYPE(args[0]);
        if (!t->iter && !t->mp_subscript) return vm_raise(Exc_TypeError, "can only join an iterable");
        seq = list_from_iter(args[0]);
        if (!seq) return NULL;
    }
    ssize_t n = LIST_CHECK(seq) ? LIST_SIZE(seq) : TUPLE_SIZE(seq);
    Object **items = LIST_CHECK(seq) ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
    Object *r = NULL;
    if (n == 1 && TYPE(items[0]) == &BytesType) {
        r = NEWREF(items[0]);
        goto out;
    }
    ssize_t seplen = BYTES_SIZE(self), total = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (!is_buf(items[i])) {
            vm_raise(Exc_TypeError, "sequence item %zd: expected a bytes-like object, %s found", i,
                     type_name(TYPE(items[i])));
            goto out;
        }
        ssize_t add = BYTES_SIZE(items[i]) + (i ? seplen : 0);
        if (total > SSIZE_MAX - add) {
            vm_raise(Exc_OverflowError, "join() result is too long");
            goto out;
        }
        total += add;
    }
    if (total == 0) {
        r = bytes_empty();
        goto out;
    }
    r = bytes_new_raw(total);
    if (!r) goto out;
    unsigned char *w = BYTES_DATA(r);
    for (ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            memcpy(w, BYTES_DATA(self), (size_t)seplen);
            w += seplen;
        }
        // The list may not change under us: items are bytes, no user code runs.
        ssize_t m = BYTES_SIZE(items[i]);
        memcpy(w, BYTES_DATA(items[i]), (size_t)m);
        w += m;
    }
out:
    DECREF(seq);
    return r;
}

static int list_add_slice(Object *list, Object *self, ssize_t i, ssize_t j) {
    Object *b;
    if (i == 0 && j == BYTES_SIZE(self) && TYPE(self) == &BytesType) b = NEWREF(self);
    else b = bytes_from(BYTES_DATA(self) + i, j - i);
    if (!b) return -1;
    int r = list_append(list, b);
    DECREF(b);
    return r;
}

static int list_reverse_inplace(Object *list) {
    Object **a = LIST_ITEMS(list);
    for (ssize_t i = 0, j = LIST_SIZE(list) - 1; i < j; i++, j--) {
        Object *t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
    return 0;
}

static Object *split_impl(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                          int dir) {
    static const char *const names[] = {"sep", "maxsplit"};
    Object *a[2] = {NULL, NULL};
    if (kwnames || nargs > 2) {
        if (args_parse(name, args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    } else {
        for (ssize_t i = 0; i < nargs; i++) a[i] = args[i];
    }
    ssize_t maxcount = -1;
    if (a[1] && arg_ssize(a[1], &maxcount) < 0) return NULL;
    if (maxcount < 0) maxcount = SSIZE_MAX;
    const unsigned char *s = BYTES_DATA(self);
    ssize_t n = BYTES_SIZE(self);
    Object *list = list_new(0);
    if (!list) return NULL;
    if (!a[0] || a[0] == None) {
        if (dir > 0) {
            ssize_t i = 0, j;
            while (maxcount-- > 0) {
                while (i < n && c_isspace(s[i])) i++;
                if (i == n) break;
                j = i;
                i++;
                while (i < n && !c_isspace(s[i])) i++;
                if (list_add_slice(list, self, j, i) < 0) goto fail;
            }
            if (i < n) {
                while (i < n && c_isspace(s[i])) i++;
                if (i != n && list_add_slice(list, self, i, n) < 0) goto fail;
            }
        } else {
            ssize_t i = n - 1, j;
            while (maxcount-- > 0) {
                while (i >= 0 && c_isspace(s[i])) i--;
                if (i < 0) break;
                j = i;
                i--;
                while (i >= 0 && !c_isspace(s[i])) i--;
                if (list_add_slice(list, self, i + 1, j + 1) < 0) goto fail;
            }
            if (i >= 0) {
                while (i >= 0 && c_isspace(s[i])) i--;
                if (i >= 0 && list_add_slice(list, self, 0, i + 1) < 0) goto fail;
            }
            list_reverse_inplace(list);
        }
        return list;
    }
    Buf sep;
    if (get_buf(a[0], &sep) < 0) goto fail;
    if (sep.n == 0) {
        vm_raise(Exc_ValueError, "empty separator");
        goto fail;
    }
    if (dir > 0) {
        ssize_t i = 0;
        while (maxcount-- > 0) {
            ssize_t pos = find_fwd(s + i, n - i, sep.p, sep.n);
            if (pos < 0) break;
            if (list_add_slice(list, self, i, i + pos) < 0) goto fail;
            i = i + pos + sep.n;
        }
        if (list_add_slice(list, self, i, n) < 0) goto fail;
    } else {
        ssize_t j = n;
        while (maxcount-- > 0) {
            ssize_t pos = find_rev(s, j, sep.p, sep.n);
            if (pos < 0) break;
            if (list_add_slice(list, self, pos + sep.n, j) < 0) goto fail;
            j = pos;
        }
        if (list_add_slice(list, self, 0, j) < 0) goto fail;
        list_reverse_inplace(list);
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}

static Object *bytes_split(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return split_impl("split", self, args, nargs, kwnames, 1);
}

static Object *bytes_rsplit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return split_impl("rsplit", self, args, nargs, kwnames, -1);
}

static Object *bytes_splitlines(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"keepends"};
    Object *a[1] = {NULL};
    if (args_parse("splitlines", args, nargs, kwnames, names, 1, 0, a) < 0) return NULL;
    int keep = 0;
    if (a[0]) {
        keep = obj_istrue(a[0]);
        if (keep < 0) return NULL;
    }
    const unsigned char *s = BYTES_DATA(self);
    ssize_t n = BYTES_SIZE(self);
    Object *list = list_new(0);
    if (!list) return NULL;
    for (ssize_t i = 0; i < n;) {
        ssize_t j = i;
        while (i < n && s[i] != '\n' && s[i] != '\r') i++;
        ssize_t eol = i;
        if (i < n) {
            if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') i += 2;
            else i++;
            if (keep) eol = i;
        }
        if (list_add_slice(list, self, j, eol) < 0) {
            DECREF(list);
            return NULL;
        }
    }
    return list;
}

// strip kinds: 1 left, 2 right, 3 both.
static Object *strip_impl(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                          int kind) {
    if (check_positional(name, nargs, kwnames, 0, 1) < 0) return NULL;
    const unsigned char *s = BYTES_DATA(self);
    ssize_t n = BYTES_SIZE(self), i = 0, j = n;
    if (nargs == 0 || args[0] == None) {
        if (kind & 1)
            while (i < j && c_isspace(s[i])) i++;
        if (kind & 2)
            while (j > i && c_isspace(s[j - 1])) j--;
    } else {
        Buf chars;
        if (get_buf(args[0], &chars) < 0) return NULL;
        bool set[256] = {false};
        for (ssize_t k = 0; k < chars.n; k++) set[chars.p[k]] = true;
        if (kind & 1)
            while (i < j && set[s[i]]) i++;
        if (kind & 2)
            while (j > i && set[s[j - 1]]) j--;
    }
    if (i == 0 && j == n) return bytes_self(self);
    return bytes_from(s + i, j - i);
}

static Object *bytes_strip(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return strip_impl("strip", self, args, nargs, kwnames, 3);
}
static Object *bytes_lstrip(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return strip_impl("lstrip", self, args, nargs, kwnames, 1);
}
static Object *bytes_rstrip(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return strip_impl("rstrip", self, args, nargs, kwnames, 2);
}

static Object *bytes_replace(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_positional("replace", nargs, kwnames, 2, 3) < 0) return NULL;
    Buf from, to;
    if (get_buf(args[0], &from) < 0 || get_buf(args[1], &to) < 0) return NULL;
    ssize_t maxcount = -1;
    if (nargs > 2 && arg_ssize(args[2], &maxcount) < 0) return NULL;
    if (maxcount < 0) maxcount = SSIZE_MAX;
    const unsigned char *s = BYTES_DATA(self);
    ssize_t n = BYTES_SIZE(self);
    if (maxcount == 0 || (from.n == 0 && to.n == 0)) return bytes_self(self);
    if (from.n == 0) {
        // Insert `to` before every byte and at the end, count times.
        ssize_t count = maxcount <= n ? maxcount : n + 1;
        if (to.n > (SSIZE_MAX - n) / count) return vm_raise(Exc_OverflowError, "replace bytes is too long");
        Object *r = bytes_new_raw(count * to.n + n);
        if (!r) return NULL;
        unsigned char *w = BYTES_DATA(r);
        memcpy(w, to.p, (size_t)to.n);
        w += to.n;
        ssize_t i;
        for (i = 0; i < count - 1; i++) {
            *w++ = s[i];
            memcpy(w, to.p, (size_t)to.n);
            w += to.n;
        }
        memcpy(w, s + i, (size_t)(n - i));
        return r;
    }
    if (n == 0) return bytes_self(self);
    ssize_t count = count_occ(s, n, from.p, from.n, maxcount);
    if (count == 0) return bytes_self(self);
    ssize_t delta = to.n - from.n;
    if (delta > 0 && count > (SSIZE_MAX - n) / delta) return vm_raise(Exc_OverflowError, "replace bytes is too long");
    ssize_t total = n + count * delta;
    if (total == 0) return bytes_empty();
    Object *r = bytes_new_raw(total);
    if (!r) return NULL;
    unsigned char *w = BYTES_DATA(r);
    ssize_t i = 0;
    for (ssize_t k = 0; k < count; k++) {
        ssize_t pos = find_fwd(s + i, n - i, from.p, from.n);
        memcpy(w, s + i, (size_t)pos);
        w += pos;
        memcpy(w, to.p, (size_t)to.n);
        w += to.n;
        i += pos + from.n;
    }
    memcpy(w, s + i, (size_t)(n - i));
    return r;
}

static Object *partition_impl(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                              int dir) {
    if (check_onearg(name, nargs, kwnames) < 0) return NULL;
    Buf sep;
    if (get_buf(args[0], &sep) < 0) return NULL;
    if (sep.n == 0) return vm_raise(Exc_ValueError, "empty separator");
    const unsigned char *s = BYTES_DATA(self);
    ssize_t n = BYTES_SIZE(self);
    ssize_t pos = dir > 0 ? find_fwd(s, n, sep.p, sep.n) : find_rev(s, n, sep.p, sep.n);
    Object *parts[3] = {NULL, NULL, NULL};
    if (pos < 0) {
        Object *e1 = bytes_empty(), *e2 = bytes_empty(), *me = bytes_self(self);
        Object *t = e1 && e2 && me ? (dir > 0 ? tuple_pack(3, me, e1, e2) : tuple_pack(3, e1, e2, me)) : NULL;
        XDECREF(e1);
        XDECREF(e2);
        XDECREF(me);
        return t;
    }
    parts[0] = bytes_from(s, pos);
    parts[1] = TYPE(args[0]) == &BytesType ? NEWREF(args[0]) : bytes_from(sep.p, sep.n);
    parts[2] = bytes_from(s + pos + sep.n, n - pos - sep.n);
    Object *t = parts[0] && parts[1] && parts[2] ? tuple_pack(3, parts[0], parts[1], parts[2]) : NULL;
    for (int i = 0; i < 3; i++) XDECREF(parts[i]);
    return t;
}

static Object *bytes_partition(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return partition_impl("partition", self, args, nargs, kwnames, 1);
}

static Object *bytes_rpartition(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return partition_impl("rpartition", self, args, nargs, kwnames, -1);
}

static Object *bytes_removeprefix(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_onearg("removeprefix", nargs, kwnames) < 0) return NULL;
    Buf p;
    if (get_buf(args[0], &p) < 0) return NULL;
    ssize_t n = BYTES_SIZE(self);
    if (p.n <= n && p.n > 0 && memcmp(BYTES_DATA(self), p.p, (size_t)p.n) == 0)
        return bytes_from(BYTES_DATA(self) + p.n, n - p.n);
    return bytes_self(self);
}

static Object *bytes_removesuffix(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_onearg("removesuffix", nargs, kwnames) < 0) return NULL;
    Buf p;
    if (get_buf(args[0], &p) < 0) return NULL;
    ssize_t n = BYTES_SIZE(self);
    if (p.n <= n && p.n > 0 && memcmp(BYTES_DATA(self) + n - p.n, p.p, (size_t)p.n) == 0)
        return bytes_from(BYTES_DATA(self), n - p.n);
    return bytes_self(self);
}

// ---- Methods: case, padding, classification ----------------------------------------------------

static Object *map_bytes(Object *self, unsigned char (*f)(unsigned char)) {
    ssize_t n = BYTES_SIZE(self);
    Object *r = bytes_new_raw(n);
    if (!r) return NULL;
    for (ssize_t i = 0; i < n; i++) BYTES_DATA(r)[i] = f(BYTES_DATA(self)[i]);
    return r;
}

static unsigned char c_swap(unsigned char c) { return c_isupper(c) ? c_tolower(c) : c_toupper(c); }

static Object *bytes_upper(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_noargs("upper", nargs, kwnames) < 0) return NULL;
    return map_bytes(self, c_toupper);
}

static Object *bytes_lower(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_noargs("lower", nargs, kwnames) < 0) return NULL;
    return map_bytes(self, c_tolower);
}

static Object *bytes_swapcase(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_noargs("swapcase", nargs, kwnames) < 0) return NULL;
    return map_bytes(self, c_swap);
}

static Object *bytes_capitalize(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_noargs("capitalize", nargs, kwnames) < 0) return NULL;
    Object *r = map_bytes(self, c_tolower);
    if (r && BYTES_SIZE(r)) BYTES_DATA(r)[0] = c_toupper(BYTES_DATA(r)[0]);
    return r;
}

static Object *bytes_title(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_noargs("title", nargs, kwnames) < 0) return NULL;
    ssize_t n = BYTES_SIZE(self);
    Object *r = bytes_new_raw(n);
    if (!r) return NULL;
    bool prev_cased = false;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = BYTES_DATA(self)[i];
        if (c_islower(c)) {
            if (!prev_cased) c = c_toupper(c);
            prev_cased = true;
        } else if (c_isupper(c)) {
            if (prev_cased) c = c_tolower(c);
            prev_cased = true;
        } else {
            prev_cased = false;
        }
        BYTES_DATA(r)[i] = c;
    }
    return r;
}

typedef bool (*bytepred)(unsigned char);

static Object *all_bytes(const char *name, Object *self, ssize_t nargs, Object *kwnames, bytepred f) {
    if (check_noargs(name, nargs, kwnames) < 0) return NULL;
    ssize_t n = BYTES_SIZE(self);
    if (n == 0) return NEWREF(False);
    for (ssize_t i = 0; i < n; i++)
        if (!f(BYTES_DATA(self)[i])) return NEWREF(False);
    return NEWREF(True);
}

static Object *bytes_isdigit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return all_bytes("isdigit", self, nargs, kwnames, c_isdigit);
}
static Object *bytes_isalpha(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return all_bytes("isalpha", self, nargs, kwnames, c_isalpha);
}
static Object *bytes_isalnum(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return all_bytes("isalnum", self, nargs, kwnames, c_isalnum);
}
static Object *bytes_isspace(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return all_bytes("isspace", self, nargs, kwnames, c_isspace);
}

static Object *bytes_isascii(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_noargs("isascii", nargs, kwnames) < 0) return NULL;
    for (ssize_t i = 0; i < BYTES_SIZE(self); i++)
        if (BYTES_DATA(self)[i] >= 0x80) return NEWREF(False);
    return NEWREF(True);
}

// isupper (want_upper) / islower: some cased byte, none of the other case.
static Object *cased_check(const char *name, Object *self, ssize_t nargs, Object *kwnames, bool want_upper) {
    if (check_noargs(name, nargs, kwnames) < 0) return NULL;
    bool cased = false;
    for (ssize_t i = 0; i < BYTES_SIZE(self); i++) {
        unsigned char c = BYTES_DATA(self)[i];
        if (want_upper ? c_islower(c) : c_isupper(c)) return NEWREF(False);
        if (want_upper ? c_isupper(c) : c_islower(c)) cased = true;
    }
    return NEWREF(bool_from(cased));
}

static Object *bytes_isupper(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return cased_check("isupper", self, nargs, kwnames, true);
}
static Object *bytes_islower(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return cased_check("islower", self, nargs, kwnames, false);
}

static Object *bytes_istitle(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_noargs("istitle", nargs, kwnames) < 0) return NULL;
    bool cased = false, prev_cased = false;
    for (ssize_t i = 0; i < BYTES_SIZE(self); i++) {
        unsigned char c = BYTES_DATA(self)[i];
        if (c_isupper(c)) {
            if (prev_cased) return NEWREF(False);
            prev_cased = cased = true;
        } else if (c_islower(c)) {
            if (!prev_cased) return NEWREF(False);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return NEWREF(bool_from(cased));
}

// The fill byte argument of ljust/rjust/center.
static int fill_arg(const char *name, Object *const *args, ssize_t nargs, unsigned char *fill) {
    *fill = ' ';
    if (nargs < 2) return 0;
    Object *f = args[1];
    if (!BYTES_CHECK(f) || BYTES_SIZE(f) != 1) {
        vm_raise(Exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                 type_name(TYPE(f)));
        return -1;
    }
    *fill = BYTES_DATA(f)[0];
    return 0;
}

static Object *pad(Object *self, ssize_t left, ssize_t right, unsigned char fill) {
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return bytes_self(self);
    ssize_t n = BYTES_SIZE(self);
    Object *r = bytes_new_raw(left + n + right);
    if (!r) return NULL;
    memset(BYTES_DATA(r), fill, (size_t)left);
    memcpy(BYTES_DATA(r) + left, BYTES_DATA(self), (size_t)n);
    memset(BYTES_DATA(r) + left + n, fill, (size_t)right);
    return r;
}

static Object *justify(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                       int kind) {
    if (check_positional(name, nargs, kwnames, 1, 2) < 0) return NULL;
    ssize_t width;
    unsigned char fill;
    if (arg_ssize(args[0], &width) < 0 || fill_arg(name, args, nargs, &fill) < 0) return NULL;
    ssize_t n = BYTES_SIZE(self);
    if (n >= width) return bytes_self(self);
    ssize_t marg = width - n;
    if (kind == 0) return pad(self, 0, marg, fill);     // ljust
    if (kind == 1) return pad(self, marg, 0, fill);     // rjust
    ssize_t left = marg / 2 + (marg & width & 1);        // center
    return pad(self, left, marg - left, fill);
}

static Object *bytes_ljust(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return justify("ljust", self, args, nargs, kwnames, 0);
}
static Object *bytes_rjust(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return justify("rjust", self, args, nargs, kwnames, 1);
}
static Object *bytes_center(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return justify("center", self, args, nargs, kwnames, 2);
}

static Object *bytes_zfill(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_onearg("zfill", nargs, kwnames) < 0) return NULL;
    ssize_t width;
    if (arg_ssize(args[0], &width) < 0) return NULL;
    ssize_t n = BYTES_SIZE(self);
    if (n >= width) return bytes_self(self);
    ssize_t fill = width - n;
    Object *r = pad(self, fill, 0, '0');
    if (!r) return NULL;
    unsigned char *p = BYTES_DATA(r);
    if (p[fill] == '+' || p[fill] == '-') {
        p[0] = p[fill];
        p[fill] = '0';
    }
    return r;
}

static Object *bytes_expandtabs(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"tabsize"};
    Object *a[1] = {NULL};
    if (args_parse("expandtabs", args, nargs, kwnames, names, 1, 0, a) < 0) return NULL;
    ssize_t tabsize = 8;
    if (a[0] && arg_ssize(a[0], &tabsize) < 0) return NULL;
    StrBuf sb;
    sb_init(&sb);
    ssize_t col = 0;
    for (ssize_t i = 0; i < BYTES_SIZE(self); i++) {
        unsigned char c = BYTES_DATA(self)[i];
        if (c == '\t') {
            if (tabsize > 0) {
                ssize_t k = tabsize - col % tabsize;
                col += k;
                while (k--) sb_putc(&sb, ' ');
            }
        } else {
            sb_putc(&sb, (char)c);
            col++;
            if (c == '\n' || c == '\r') col = 0;
        }
    }
    Object *r = bytes_from(sb.buf, sb.len);
    sb_free(&sb);
    return r;
}

// ---- Methods: hex, translate, misc ----------------------------------------------------------------

static Object *bytes_hex(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"sep", "bytes_per_sep"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("hex", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    char sep = 0;
    if (a[0] && a[0] != None) {
        if (STR_CHECK(a[0])) {
            if (STR_LEN(a[0]) != 1) return vm_raise(Exc_ValueError, "sep must be length 1.");
            if (!STR_ASCII(a[0])) return vm_raise(Exc_ValueError, "sep must be ASCII.");
            sep = STR_DATA(a[0])[0];
        } else if (BYTES_CHECK(a[0])) {
            if (BYTES_SIZE(a[0]) != 1) return vm_raise(Exc_ValueError, "sep must be length 1.");
            sep = (char)BYTES_DATA(a[0])[0];
            if ((unsigned char)sep >= 0x80) return vm_raise(Exc_ValueError, "sep must be ASCII.");
        } else {
            return vm_raise(Exc_TypeError, "object of type '%s' has no len()", type_name(TYPE(a[0])));
        }
    }
    ssize_t per = 1;
    if (a[1] && arg_ssize(a[1], &per) < 0) return NULL;
    ssize_t n = BYTES_SIZE(self);
    const unsigned char *p = BYTES_DATA(self);
    static const char hex[] = "0123456789abcdef";
    if (!a[0] || a[0] == None || per == 0 || n == 0) {
        Object *r = str_new_raw(2 * n);
        if (!r) return NULL;
        char *w = STR_DATA(r);
        for (ssize_t i = 0; i < n; i++) {
            *w++ = hex[p[i] >> 4];
            *w++ = hex[p[i] & 15];
        }
        *w = 0;
        str_finish(r);
        return r;
    }
    ssize_t absper = per < 0 ? -per : per;
    ssize_t nsep = (n - 1) / absper;
    Object *r = str_new_raw(2 * n + nsep);
    if (!r) return NULL;
    char *w = STR_DATA(r);
    // Groups are counted from the right for a positive bytes_per_sep: the
    // first group is then the short one.
    ssize_t first = per < 0 ? absper : (n % absper ? n % absper : absper);
    for (ssize_t i = 0; i < n; i++) {
        if (i >= first && (i - first) % absper == 0) *w++ = sep;
        *w++ = hex[p[i] >> 4];
        *w++ = hex[p[i] & 15];
    }
    *w = 0;
    str_finish(r);
    return r;
}

static Object *bytes_fromhex(Object *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_onearg("fromhex", nargs, kwnames) < 0) return NULL;
    Object *s = args[0];
    if (!STR_CHECK(s))
        return vm_raise(Exc_TypeError, "fromhex() argument must be str, not %s", type_name(TYPE(s)));
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    ssize_t n = STR_NBYTES(s);
    Object *r = bytes_new_raw(n / 2);
    if (!r) return NULL;
    unsigned char *w = BYTES_DATA(r);
    ssize_t i = 0, bad = -1;
    while (i < n) {
        if (c_isspace(p[i])) {
            i++;
            continue;
        }
        int hi = hexval(p[i]);
        if (hi >= 16) {
            bad = i;
            break;
        }
        int lo = i + 1 < n ? hexval(p[i + 1]) : 16;
        if (lo >= 16) {
            bad = i + 1;
            break;
        }
        *w++ = (unsigned char)(hi * 16 + lo);
        i += 2;
    }
    if (bad >= 0) {
        DECREF(r);
        ssize_t pos = STR_ASCII(s) ? bad : utf8_count((const char *)p, bad);
        return vm_raise(Exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", pos);
    }
    ssize_t len = w - BYTES_DATA(r);
    Object *res = bytes_from(BYTES_DATA(r), len);
    DECREF(r);
    if (res && (TypeObject *)type != &BytesType) {
        Object *x = obj_call1(type, res);
        DECREF(res);
        res = x;
    }
    return res;
}

static Object *bytes_translate(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"table", "delete"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("translate", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
    const unsigned char *table = NULL;
    if (a[0] != None) {
        Buf t;
        if (get_buf(a[0], &t) < 0) return NULL;
        if (t.n != 256) return vm_raise(Exc_ValueError, "translation table must be 256 characters long");
        table = t.p;
    }
    bool del[256] = {false};
    if (a[1]) {
        Buf d;
        if (get_buf(a[1], &d) < 0) return NULL;
        for (ssize_t i = 0; i < d.n; i++) del[d.p[i]] = true;
    }
    ssize_t n = BYTES_SIZE(self), k = 0;
    Object *r = bytes_new_raw(n);
    if (!r) return NULL;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = BYTES_DATA(self)[i];
        if (del[c]) continue;
        BYTES_DATA(r)[k++] = table ? table[c] : c;
    }
    if (k == n && !table && TYPE(self) == &BytesType) {
        DECREF(r);
        return NEWREF(self);
    }
    Object *res = bytes_from(BYTES_DATA(r), k);
    DECREF(r);
    return res;
}

static Object *bytes_maketrans(Object *unused, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_positional("maketrans", nargs, kwnames, 2, 2) < 0) return NULL;
    Buf f, t;
    if (get_buf(args[0], &f) < 0 || get_buf(args[1], &t) < 0) return NULL;
    if (f.n != t.n) return vm_raise(Exc_ValueError, "maketrans arguments must have same length");
    Object *r = bytes_new_raw(256);
    if (!r) return NULL;
    for (int i = 0; i < 256; i++) BYTES_DATA(r)[i] = (unsigned char)i;
    for (ssize_t i = 0; i < f.n; i++) BYTES_DATA(r)[f.p[i]] = t.p[i];
    return r;
}

static Object *bytes_getnewargs(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_noargs("__getnewargs__", nargs, kwnames) < 0) return NULL;
    Object *b = bytes_from(BYTES_DATA(self), BYTES_SIZE(self));
    if (!b) return NULL;
    Object *t = tuple_pack(1, b);
    DECREF(b);
    return t;
}

static Object *bytes_bytes(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_noargs("__bytes__", nargs, kwnames) < 0) return NULL;
    return bytes_self(self);
}

static Object *bytes_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return int_from_ssize((ssize_t)sizeof(BytesObject) + BYTES_SIZE(self) + 1);
}

static const MethodDef bytes_methods[] = {
    {"decode", bytes_decode_m, 0, NULL},
    {"count", bytes_count, 0, NULL},
    {"find", bytes_find, 0, NULL},
    {"rfind", bytes_rfind, 0, NULL},
    {"index", bytes_index, 0, NULL},
    {"rindex", bytes_rindex, 0, NULL},
    {"startswith", bytes_startswith, 0, NULL},
    {"endswith", bytes_endswith, 0, NULL},
    {"join", bytes_join, 0, NULL},
    {"split", bytes_split, 0, NULL},
    {"rsplit", bytes_rsplit, 0, NULL},
    {"splitlines", bytes_splitlines, 0, NULL},
    {"strip", bytes_strip, 0, NULL},
    {"lstrip", bytes_lstrip, 0, NULL},
    {"rstrip", bytes_rstrip, 0, NULL},
    {"replace", bytes_replace, 0, NULL},
    {"partition", bytes_partition, 0, NULL},
    {"rpartition", bytes_rpartition, 0, NULL},
    {"removeprefix", bytes_removeprefix, 0, NULL},
    {"removesuffix", bytes_removesuffix, 0, NULL},
    {"upper", bytes_upper, 0, NULL},
    {"lower", bytes_lower, 0, NULL},
    {"swapcase", bytes_swapcase, 0, NULL},
    {"capitalize", bytes_capitalize, 0, NULL},
    {"title", bytes_title, 0, NULL},
    {"isdigit", bytes_isdigit, 0, NULL},
    {"isalpha", bytes_isalpha, 0, NULL},
    {"isalnum", bytes_isalnum, 0, NULL},
    {"isspace", bytes_isspace, 0, NULL},
    {"isupper", bytes_isupper, 0, NULL},
    {"islower", bytes_islower, 0, NULL},
    {"istitle", bytes_istitle, 0, NULL},
    {"isascii", bytes_isascii, 0, NULL},
    {"ljust", bytes_ljust, 0, NULL},
    {"rjust", bytes_rjust, 0, NULL},
    {"center", bytes_center, 0, NULL},
    {"zfill", bytes_zfill, 0, NULL},
    {"expandtabs", bytes_expandtabs, 0, NULL},
    {"hex", bytes_hex, 0, NULL},
    {"fromhex", bytes_fromhex, METH_CLASS, NULL},
    {"translate", bytes_translate, 0, NULL},
    {"maketrans", bytes_maketrans, METH_STATIC, NULL},
    {"__getnewargs__", bytes_getnewargs, 0, NULL},
    {"__bytes__", bytes_bytes, 0, NULL},
    {"__sizeof__", bytes_sizeof, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject BytesType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "bytes",
    .basicsize = sizeof(BytesObject),
    .itemsize = 1,
    .flags = TPFLAGS_BASETYPE | TPFLAGS_BYTES_SUBCLASS,
    .doc = "bytes(iterable_of_ints) -> bytes\n"
           "bytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object",
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .getattro = obj_generic_getattr,
    .iter = bytes_iter,
    .tp_new = bytes_tp_new,
    .nb = {[OP_ADD] = bytes_concat, [OP_MUL] = bytes_repeat, [OP_MOD] = bytes_mod},
    .sq_length = bytes_length,
    .mp_subscript = bytes_subscript,
    .sq_contains = bytes_contains,
    .methods = bytes_methods,
};
