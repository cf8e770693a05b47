// str: the core of the text type (CPython's Objects/unicodeobject.c):
// creation, UTF-8 validation, interning, hashing, comparison, indexing and
// slicing by code point, repr, and the StrBuf builder. The many str methods
// live in str_methods.c.
//
// Text is stored as UTF-8 with its code point count; `ascii` marks text
// where bytes and code points coincide so indexing is O(1). Non-ASCII
// indexing walks the bytes (iteration keeps a byte cursor, so it stays O(n)).
#include "../runtime.h"

#include <pthread.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Object *empty_str;
static Object *ascii_chars[128];
static Object *intern_table;   // dict: str -> the interned str

// ---- UTF-8 ----------------------------------------------------------------------

int utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
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

ssize_t utf8_count(const char *s, ssize_t n) {
    ssize_t c = 0;
    for (ssize_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

// Returns the byte index of the first invalid sequence, or -1 when s is valid.
// Surrogate code points (U+D800..U+DFFF) are allowed, as Python str may hold them.
static ssize_t utf8_check(const char *str, ssize_t n, const char **why) {
    const unsigned char *s = (const unsigned char *)str;
    ssize_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int len;
        uint32_t min;
        if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000;
        else {
            *why = "invalid start byte";
            return i;
        }
        if (i + len > n) {
            *why = "unexpected end of data";
            return i;
        }
        uint32_t cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                *why = "invalid continuation byte";
                return i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF) {
            *why = "invalid continuation byte";
            return i;
        }
        i += len;
    }
    return -1;
}

bool utf8_valid(const char *s, ssize_t n) {
    const char *why;
    return utf8_check(s, n, &why) < 0;
}

static inline uint32_t utf8_decode_at(const unsigned char *s, int *len) {
    unsigned char c = s[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c < 0xE0) {
        *len = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c < 0xF0) {
        *len = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) | ((uint32_t)(s[2] & 0x3F) << 6) |
           (s[3] & 0x3F);
}

uint32_t utf8_decode(const char *s, int *len) { return utf8_decode_at((const unsigned char *)s, len); }

// ---- Creation ---------------------------------------------------------------------

Object *str_new_raw(ssize_t nbytes) {
    StrObject *s = (StrObject *)obj_alloc(&StrType, sizeof(StrObject) + (size_t)nbytes + 1);
    if (!s) return NULL;
    s->nbytes = nbytes;
    s->length = nbytes;
    s->hash = -1;
    s->ascii = 1;
    s->data[nbytes] = '\0';
    return (Object *)s;
}

void str_finish(Object *o) {
    StrObject *s = (StrObject *)o;
    s->length = utf8_count(s->data, s->nbytes);
    s->ascii = s->length == s->nbytes;
}

Object *str_from_utf8_len(const char *p, ssize_t nbytes, ssize_t length) {
    if (nbytes == 0 && empty_str) return NEWREF(empty_str);
    if (nbytes == 1 && (unsigned char)p[0] < 128 && ascii_chars[(unsigned char)p[0]])
        return NEWREF(ascii_chars[(unsigned char)p[0]]);
    Object *o = str_new_raw(nbytes);
    if (!o) return NULL;
    StrObject *s = (StrObject *)o;
    memcpy(s->data, p, (size_t)nbytes);
    s->length = length;
    s->ascii = length == nbytes;
    return o;
}

Object *str_from_utf8(const char *p, ssize_t nbytes) {
    const char *why;
    ssize_t bad = utf8_check(p, nbytes, &why);
    if (bad >= 0) {
        return vm_raise(Exc_UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %zd: %s",
                        (unsigned char)p[bad], bad, why);
    }
    return str_from_utf8_len(p, nbytes, utf8_count(p, nbytes));
}

Object *str_from_cstr(const char *s) { return str_from_utf8(s, (ssize_t)strlen(s)); }

Object *str_from_codepoint(uint32_t cp) {
    if (cp < 128 && ascii_chars[cp]) return NEWREF(ascii_chars[cp]);
    char buf[4];
    int n = utf8_encode(cp, buf);
    return str_from_utf8_len(buf, n, 1);
}

void str_init(void) {
    empty_str = str_new_raw(0);
    obj_make_immortal(empty_str);
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        ascii_chars[c] = str_from_utf8_len(&ch, 1, 1);
        obj_make_immortal(ascii_chars[c]);
    }
    intern_table = dict_new();
}

Object *str_empty(void) { return NEWREF(empty_str); }

// ---- Interning ---------------------------------------------------------------------

#ifdef MINIPY_FT
static pthread_mutex_t intern_mutex = PTHREAD_MUTEX_INITIALIZER;  // lookup-then-insert is one step
#endif

// In the child after fork() (vm/fork.c): the table's lock is made afresh.
void str_after_fork_child(void) {
#ifdef MINIPY_FT
    intern_mutex = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
#endif
}

Object *str_intern(Object *s) {
    if (((StrObject *)s)->interned) return s;
    if (!STR_CHECK_EXACT(s)) return s;
#ifdef MINIPY_FT
    bool locked = ft_mode;
    if (locked) pthread_mutex_lock(&intern_mutex);
#define INTERN_UNLOCK() do { if (locked) pthread_mutex_unlock(&intern_mutex); } while (0)
#else
#define INTERN_UNLOCK() ((void)0)
#endif
    Object *t = dict_getitem(intern_table, s);
    if (t) {
        INTERN_UNLOCK();
        INCREF(t);
        DECREF(s);
        return t;
    }
    if (dict_setitem(intern_table, s, s) < 0) {
        INTERN_UNLOCK();
        err_clear();
        return s;
    }
    ((StrObject *)s)->interned = 1;
    obj_make_immortal(s);
    INTERN_UNLOCK();
    return s;
}
#undef INTERN_UNLOCK

Object *str_intern_cstr(const char *cs) {
    Object *s = str_from_cstr(cs);
    if (!s) return NULL;
    return str_intern(s);
}

// ---- Hashing and comparison ------------------------------------------------------------

static hash_t hash_bytes(const unsigned char *p, ssize_t n) {
    // FNV-1a with a final avalanche (splitmix64).
    uint64_t h = 0xcbf29ce484222325ULL;
    for (ssize_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    hash_t r = (hash_t)h;
    return r == -1 ? -2 : r;
}

hash_t hash_buffer(const void *p, ssize_t n) { return hash_bytes(p, n); }

// The cached hash is written by whichever thread asks first; without the
// GIL two may compute it at once (the same value): relaxed atomics.
hash_t str_hash(Object *o) {
    StrObject *s = (StrObject *)o;
    hash_t h = __atomic_load_n(&s->hash, __ATOMIC_RELAXED);
    if (h != -1) return h;
    h = hash_bytes((const unsigned char *)s->data, s->nbytes);
    __atomic_store_n(&s->hash, h, __ATOMIC_RELAXED);
    return h;
}

bool str_eq(Object *a, Object *b) {
    if (a == b) return true;
    StrObject *x = (StrObject *)a, *y = (StrObject *)b;
    if (x->nbytes != y->nbytes) return false;
    hash_t hx = __atomic_load_n(&x->hash, __ATOMIC_RELAXED), hy = __atomic_load_n(&y->hash, __ATOMIC_RELAXED);
    if (hx != -1 && hy != -1 && hx != hy) return false;
    return memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

int str_compare(Object *a, Object *b) {
    StrObject *x = (StrObject *)a, *y = (StrObject *)b;
    ssize_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
    int c = memcmp(x->data, y->data, (size_t)n);
    if (c) return c < 0 ? -1 : 1;
    return (x->nbytes > y->nbytes) - (x->nbytes < y->nbytes);
}

static Object *str_richcompare(Object *v, Object *w, int op) {
    if (!STR_CHECK(w)) RETURN_NOTIMPL;
    bool r;
    if (op == CMP_EQ_OP || op == CMP_NE_OP) {
        r = str_eq(v, w) == (op == CMP_EQ_OP);
    } else {
        int c = str_compare(v, w);
        switch (op) {
        case CMP_LT_OP: r = c < 0; break;
        case CMP_LE_OP: r = c <= 0; break;
        case CMP_GT_OP: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return NEWREF(bool_from(r));
}

// ---- Indexing ---------------------------------------------------------------------------

ssize_t str_byte_offset(Object *o, ssize_t i) {
    StrObject *s = (StrObject *)o;
    if (s->ascii) return i;
    const unsigned char *p = (const unsigned char *)s->data;
    ssize_t b = 0;
    if (i > s->length / 2) {
        // Walk back from the end.
        b = s->nbytes;
        for (ssize_t k = s->length; k > i; k--) {
            do b--; while ((p[b] & 0xC0) == 0x80);
        }
        return b;
    }
    for (ssize_t k = 0; k < i; k++) {
        b++;
        while (b < s->nbytes && (p[b] & 0xC0) == 0x80) b++;
    }
    return b;
}

uint32_t str_char_at(Object *o, ssize_t i) {
    StrObject *s = (StrObject *)o;
    if (s->ascii) return (unsigned char)s->data[i];
    int len;
    return utf8_decode_at((const unsigned char *)s->data + str_byte_offset(o, i), &len);
}

Object *str_substr(Object *o, ssize_t start, ssize_t end) {
    StrObject *s = (StrObject *)o;
    if (start <= 0 && end >= s->length && STR_CHECK_EXACT(o)) return NEWREF(o);
    if (end <= start) return NEWREF(empty_str);
    ssize_t b0 = str_byte_offset(o, start);
    ssize_t b1 = s->ascii ? end : b0 + (str_byte_offset(o, end) - b0);
    return str_from_utf8_len(s->data + b0, b1 - b0, end - start);
}

static Object *str_subscript(Object *self, Object *key) {
    StrObject *s = (StrObject *)self;
    if (INT_CHECK(key) || (TYPE(key)->nb_index && TYPE(key) != &SliceType)) {
        ssize_t i = seq_index(key, s->length, "string index out of range");
        if (i < 0) return NULL;
        return str_from_codepoint(str_char_at(self, i));
    }
    if (TYPE(key) == &SliceType) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, s->length, &start, &stop, &step);
        if (n < 0) return NULL;
        if (step == 1) return str_substr(self, start, start + n);
        if (n == 0) return NEWREF(empty_str);
        StrBuf sb;
        sb_init(&sb);
        for (ssize_t k = 0, i = start; k < n; k++, i += step) {
            char buf[4];
            int len = utf8_encode(str_char_at(self, i), buf);
            if (sb_putn(&sb, buf, len) < 0) {
                sb_free(&sb);
                return NULL;
            }
        }
        return sb_finish(&sb);
    }
    return vm_raise(Exc_TypeError, "string indices must be integers, not '%s'", type_name(TYPE(key)));
}

static ssize_t str_length(Object *self) { return STR_LEN(self); }

ssize_t str_find_bytes(const char *hay, ssize_t hn, const char *needle, ssize_t nn) {
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    const char *p = memmem(hay, (size_t)hn, needle, (size_t)nn);
    return p ? p - hay : -1;
}

static int str_contains(Object *self, Object *item) {
    if (!STR_CHECK(item)) {
        vm_raise(Exc_TypeError, "'in <string>' requires string as left operand, not %s", type_name(TYPE(item)));
        return -1;
    }
    return str_find_bytes(STR_DATA(self), STR_NBYTES(self), STR_DATA(item), STR_NBYTES(item)) >= 0;
}

// ---- Operators ------------------------------------------------------------------------------

Object *str_concat(Object *a, Object *b) {
    StrObject *x = (StrObject *)a, *y = (StrObject *)b;
    if (x->nbytes == 0 && STR_CHECK_EXACT(b)) return NEWREF(b);
    if (y->nbytes == 0 && STR_CHECK_EXACT(a)) return NEWREF(a);
    Object *o = str_new_raw(x->nbytes + y->nbytes);
    if (!o) return NULL;
    StrObject *s = (StrObject *)o;
    memcpy(s->data, x->data, (size_t)x->nbytes);
    memcpy(s->data + x->nbytes, y->data, (size_t)y->nbytes);
    s->length = x->length + y->length;
    s->ascii = x->ascii && y->ascii;
    return o;
}

static Object *str_add(Object *v, Object *w) {
    if (!STR_CHECK(v) || !STR_CHECK(w)) RETURN_NOTIMPL;
    return str_concat(v, w);
}

static Object *str_repeat(Object *s, ssize_t n) {
    StrObject *x = (StrObject *)s;
    if (n <= 0 || x->nbytes == 0) return NEWREF(empty_str);
    if (n == 1 && STR_CHECK_EXACT(s)) return NEWREF(s);
    if (x->nbytes > SSIZE_MAX / n) return vm_raise(Exc_OverflowError, "repeated string is too long");
    Object *o = str_new_raw(x->nbytes * n);
    if (!o) return NULL;
    StrObject *r = (StrObject *)o;
    if (x->nbytes == 1) {
        memset(r->data, x->data[0], (size_t)n);
    } else {
        for (ssize_t i = 0; i < n; i++) memcpy(r->data + i * x->nbytes, x->data, (size_t)x->nbytes);
    }
    r->length = x->length * n;
    r->ascii = x->ascii;
    return o;
}

static Object *str_mul(Object *v, Object *w) {
    Object *s, *n;
    if (STR_CHECK(v)) s = v, n = w;
    else s = w, n = v;
    if (!STR_CHECK(s) || !(INT_CHECK(n) || TYPE(n)->nb_index) || FLOAT_CHECK(n)) RETURN_NOTIMPL;
    ssize_t k = num_as_ssize(n, Exc_OverflowError);
    if (k == -1 && err_occurred()) return NULL;
    return str_repeat(s, k);
}

static Object *str_mod(Object *v, Object *w) {
    if (!STR_CHECK(v)) RETURN_NOTIMPL;
    return str_mod_format(v, w);
}

// ---- repr --------------------------------------------------------------------------------

// A rough stand-in for Unicode's printable property: controls, separators
// and unassigned-looking ranges are escaped, as CPython's repr does.
static bool is_printable(uint32_t c) {
    if (c < 0x20 || c == 0x7F) return false;
    if (c >= 0x80 && c <= 0xA0) return false;
    if (c == 0xAD) return false;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    if (c == 0x2028 || c == 0x2029 || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF)
        return false;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000) return false;
    if (c >= 0xE000 && c <= 0xF8FF) return false;
    if ((c & 0xFFFE) == 0xFFFE) return false;
    if (c >= 0xF0000) return false;
    return true;
}

Object *str_repr_of(Object *o) {
    StrObject *s = (StrObject *)o;
    bool has_sq = memchr(s->data, '\'', (size_t)s->nbytes) != NULL;
    bool has_dq = memchr(s->data, '"', (size_t)s->nbytes) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, quote);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
    while (p < end) {
        int len;
        uint32_t c = utf8_decode_at(p, &len);
        if (c == (uint32_t)quote || c == '\\') {
            sb_putc(&sb, '\\');
            sb_putc(&sb, (char)c);
        } else if (c == '\n') sb_puts(&sb, "\\n");
        else if (c == '\r') sb_puts(&sb, "\\r");
        else if (c == '\t') sb_puts(&sb, "\\t");
        else if (c < 0x80 ? (c < 0x20 || c == 0x7F) : !is_printable(c)) {
            if (c < 0x100) sb_printf(&sb, "\\x%02x", c);
            else if (c < 0x10000) sb_printf(&sb, "\\u%04x", c);
            else sb_printf(&sb, "\\U%08x", c);
        } else {
            sb_putn(&sb, (const char *)p, len);
        }
        p += len;
    }
    sb_putc(&sb, quote);
    return sb_finish(&sb);
}

static Object *str_repr(Object *o) { return str_repr_of(o); }

static Object *str_str(Object *o) {
    if (STR_CHECK_EXACT(o)) return NEWREF(o);
    StrObject *s = (StrObject *)o;
    return str_from_utf8_len(s->data, s->nbytes, s->length);
}

// ---- Iteration ----------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *str;
    ssize_t pos;        // byte offset of the next character
} StrIterObject;

static void striter_dealloc(Object *o) {
    XDECREF(((StrIterObject *)o)->str);
    obj_free(o);
}

static Object *striter_next(Object *o) {
    StrIterObject *it = (StrIterObject *)o;
    if (!it->str) return NULL;
    StrObject *s = (StrObject *)it->str;
    if (it->pos >= s->nbytes) {
        CLEAR(it->str);
        return NULL;
    }
    int len;
    uint32_t c = utf8_decode_at((const unsigned char *)s->data + it->pos, &len);
    it->pos += len;
    return str_from_codepoint(c);
}

static Object *self_iter(Object *o) { return NEWREF(o); }

TypeObject StrIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIterObject),
    .dealloc = striter_dealloc,
    .iter = self_iter,
    .iternext = striter_next,
};

static Object *str_iter(Object *o) {
    StrIterObject *it = (StrIterObject *)obj_alloc(&StrIterType, sizeof(StrIterObject));
    if (!it) return NULL;
    it->str = NEWREF(o);
    return (Object *)it;
}

// ---- Constructor ----------------------------------------------------------------------------

Object *bytes_decode(Object *b, const char *encoding, const char *errors);

static Object *str_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"object", "encoding", "errors"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("str", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
    Object *r;
    if (!a[0]) {
        r = NEWREF(empty_str);
    } else if (a[1] || a[2]) {
        for (int i = 1; i < 3; i++)
            if (a[i] && !STR_CHECK(a[i]))
                return vm_raise(Exc_TypeError, "str() argument '%s' must be str, not %s", names[i],
                                type_name(TYPE(a[i])));
        if (!BYTES_CHECK(a[0]))
            return vm_raise(Exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                            type_name(TYPE(a[0])));
        r = bytes_decode(a[0], a[1] ? STR_DATA(a[1]) : "utf-8", a[2] ? STR_DATA(a[2]) : "strict");
    } else {
        r = obj_str(a[0]);
    }
    if (!r || type == &StrType) return r;
    StrObject *s = (StrObject *)r;
    StrObject *o = (StrObject *)type_generic_alloc(type, s->nbytes + 1);
    if (o) {
        memcpy(o->data, s->data, (size_t)s->nbytes + 1);
        o->nbytes = s->nbytes;
        o->length = s->length;
        o->ascii = s->ascii;
        o->hash = -1;
    }
    DECREF(r);
    return (Object *)o;
}

static void str_dealloc(Object *o) { obj_free(o); }

extern const MethodDef str_methods[];

TypeObject StrType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "str",
    .basicsize = sizeof(StrObject),
    .itemsize = 1,
    .flags = TPFLAGS_BASETYPE | TPFLAGS_STR_SUBCLASS,
    .doc = "str(object='') -> str",
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash,
    .richcompare = str_richcompare,
    .getattro = obj_generic_getattr,
    .iter = str_iter,
    .tp_new = str_new,
    .nb = {[OP_ADD] = str_add, [OP_MUL] = str_mul, [OP_MOD] = str_mod},
    .sq_length = str_length,
    .mp_subscript = str_subscript,
    .sq_contains = str_contains,
    .methods = str_methods,
};

// ---- StrBuf ---------------------------------------------------------------------------------

void sb_init(StrBuf *sb) {
    sb->buf = NULL;
    sb->len = sb->cap = 0;
}

static int sb_grow(StrBuf *sb, ssize_t extra) {
    ssize_t need = sb->len + extra + 1;
    if (need <= sb->cap) return 0;
    ssize_t cap = sb->cap ? sb->cap : 64;
    while (cap < need) cap *= 2;
    char *p = realloc(sb->buf, (size_t)cap);
    if (!p) {
        err_no_memory();
        return -1;
    }
    sb->buf = p;
    sb->cap = cap;
    return 0;
}

int sb_putn(StrBuf *sb, const char *s, ssize_t n) {
    if (n <= 0) return 0;
    if (sb_grow(sb, n) < 0) return -1;
    memcpy(sb->buf + sb->len, s, (size_t)n);
    sb->len += n;
    return 0;
}

int sb_puts(StrBuf *sb, const char *s) { return sb_putn(sb, s, (ssize_t)strlen(s)); }

int sb_putc(StrBuf *sb, char c) {
    if (sb_grow(sb, 1) < 0) return -1;
    sb->buf[sb->len++] = c;
    return 0;
}

static int sb_vprintf(StrBuf *sb, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || sb_grow(sb, n) < 0) return -1;
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += n;
    return 0;
}

int sb_printf(StrBuf *sb, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = sb_vprintf(sb, fmt, ap);
    va_end(ap);
    return r;
}

int sb_put_obj_str(StrBuf *sb, Object *o) {
    Object *s = obj_str(o);
    if (!s) return -1;
    int r = sb_putn(sb, STR_DATA(s), STR_NBYTES(s));
    DECREF(s);
    return r;
}

int sb_put_obj_repr(StrBuf *sb, Object *o) {
    Object *s = obj_repr(o);
    if (!s) return -1;
    int r = sb_putn(sb, STR_DATA(s), STR_NBYTES(s));
    DECREF(s);
    return r;
}

Object *sb_finish(StrBuf *sb) {
    Object *r = str_from_utf8_len(sb->buf ? sb->buf : "", sb->len, utf8_count(sb->buf ? sb->buf : "", sb->len));
    sb_free(sb);
    return r;
}

void sb_free(StrBuf *sb) {
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
}

// Appends the expansion of fmt (vm_raise's format codes) to sb.
int sb_vformat(StrBuf *sb, const char *fmt, va_list ap) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            if (sb_putc(sb, *p) < 0) return -1;
            continue;
        }
        p++;
        int r = 0;
        // Length modifiers.
        bool l = false, z = false;
        if (*p == 'l') l = true, p++;
        else if (*p == 'z') z = true, p++;
        int width = 0;
        bool zero = false;
        if (*p == '0') zero = true, p++;
        while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
        if (*p == 'l') l = true, p++;
        switch (*p) {
        case 's': r = sb_puts(sb, va_arg(ap, const char *)); break;
        case 'd':
            if (l) r = sb_printf(sb, zero ? "%0*ld" : "%*ld", width, va_arg(ap, long));
            else if (z) r = sb_printf(sb, "%*zd", width, va_arg(ap, ssize_t));
            else r = sb_printf(sb, zero ? "%0*d" : "%*d", width, va_arg(ap, int));
            break;
        case 'u': r = sb_printf(sb, "%u", va_arg(ap, unsigned)); break;
        case 'x': r = sb_printf(sb, zero ? "%0*x" : "%*x", width, va_arg(ap, unsigned)); break;
        case 'c': {
            char buf[4];
            int n = utf8_encode((uint32_t)va_arg(ap, int), buf);
            r = sb_putn(sb, buf, n);
            break;
        }
        case 'p': r = sb_printf(sb, "%p", va_arg(ap, void *)); break;
        case 'R': r = sb_put_obj_repr(sb, va_arg(ap, Object *)); break;
        case 'S': r = sb_put_obj_str(sb, va_arg(ap, Object *)); break;
        case 'U': {
            Object *o = va_arg(ap, Object *);
            r = sb_putn(sb, STR_DATA(o), STR_NBYTES(o));
            break;
        }
        case 'T': r = sb_puts(sb, type_name(TYPE(va_arg(ap, Object *)))); break;
        case '%': r = sb_putc(sb, '%'); break;
        default: r = sb_putc(sb, *p); break;
        }
        if (r < 0) return -1;
    }
    return 0;
}

Object *str_from_format(const char *fmt, ...) {
    StrBuf sb;
    sb_init(&sb);
    va_list ap;
    va_start(ap, fmt);
    int r = sb_vformat(&sb, fmt, ap);
    va_end(ap);
    if (r < 0) {
        sb_free(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

// ---- join -----------------------------------------------------------------------------------

Object *str_join(Object *sep, Object *iterable) {
    Object *seq;
    if (LIST_CHECK_EXACT(iterable) || TUPLE_CHECK_EXACT(iterable)) seq = NEWREF(iterable);
    else if (!(seq = list_from_iter(iterable))) return NULL;
    ssize_t n = LIST_CHECK_EXACT(seq) ? LIST_SIZE(seq) : TUPLE_SIZE(seq);
    Object **items = LIST_CHECK_EXACT(seq) ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
    if (n == 1 && STR_CHECK_EXACT(items[0])) {
        Object *r = NEWREF(items[0]);
        DECREF(seq);
        return r;
    }
    StrObject *s = (StrObject *)sep;
    ssize_t total = 0, length = 0;
    bool ascii = s->ascii;
    for (ssize_t i = 0; i < n; i++) {
        if (!STR_CHECK(items[i])) {
            vm_raise(Exc_TypeError, "sequence item %zd: expected str instance, %s found", i,
                     type_name(TYPE(items[i])));
            DECREF(seq);
            return NULL;
        }
        StrObject *x = (StrObject *)items[i];
        total += x->nbytes;
        length += x->length;
        ascii = ascii && x->ascii;
    }
    if (n > 1) {
        total += s->nbytes * (n - 1);
        length += s->length * (n - 1);
    }
    Object *o = str_new_raw(total);
    if (!o) {
        DECREF(seq);
        return NULL;
    }
    char *p = STR_DATA(o);
    for (ssize_t i = 0; i < n; i++) {
        if (i && s->nbytes) {
            memcpy(p, s->data, (size_t)s->nbytes);
            p += s->nbytes;
        }
        StrObject *x = (StrObject *)items[i];
        memcpy(p, x->data, (size_t)x->nbytes);
        p += x->nbytes;
    }
    ((StrObject *)o)->length = length;
    ((StrObject *)o)->ascii = ascii;
    DECREF(seq);
    return o;
}
