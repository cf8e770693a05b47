// str: immutable Unicode text stored as UTF-8, with the code point count and
// an ASCII flag so indexing ASCII text is O(1). Identifiers are interned.
#ifndef MINIPY_STR_H
#define MINIPY_STR_H

#include "../object.h"

typedef struct {
    OBJ_HEAD;
    ssize_t length;         // code points
    ssize_t nbytes;         // UTF-8 bytes (excluding the NUL)
    hash_t hash;            // -1 until computed
    uint8_t ascii;          // every byte < 0x80
    uint8_t interned;
    char data[];            // NUL-terminated
} StrObject;

#define STR_DATA(o) (((StrObject *)(o))->data)
#define STR_LEN(o) (((StrObject *)(o))->length)
#define STR_NBYTES(o) (((StrObject *)(o))->nbytes)
#define STR_ASCII(o) (((StrObject *)(o))->ascii)

// New strings from UTF-8 (validated: invalid UTF-8 raises UnicodeDecodeError).
Object *str_from_cstr(const char *s);
Object *str_from_utf8(const char *s, ssize_t nbytes);
// Trusted UTF-8 with a known code point count (no validation).
Object *str_from_utf8_len(const char *s, ssize_t nbytes, ssize_t length);
Object *str_from_format(const char *fmt, ...);   // vm_raise's format codes
// An uninitialized string of nbytes to fill; call str_finish() after writing.
Object *str_new_raw(ssize_t nbytes);
void str_finish(Object *s);                     // computes length/ascii
Object *str_from_codepoint(uint32_t cp);
Object *str_intern(Object *s);                  // steals s, returns the interned instance
Object *str_intern_cstr(const char *s);         // new reference to an interned string (immortal)
hash_t str_hash(Object *s);
bool str_eq(Object *a, Object *b);
int str_compare(Object *a, Object *b);           // -1/0/1 by code point
Object *str_concat(Object *a, Object *b);
Object *str_join(Object *sep, Object *iterable);
Object *str_repr_of(Object *s);                  // repr(s)
Object *str_substr(Object *s, ssize_t start, ssize_t end);  // by code point
uint32_t str_char_at(Object *s, ssize_t i);      // code point i (0 <= i < length)
ssize_t str_byte_offset(Object *s, ssize_t i);  // byte offset of code point i

void str_init(void);
// In the child after fork(): re-creates the interning lock (vm/fork.c).
void str_after_fork_child(void);
Object *str_empty(void);                         // new reference to ''
extern TypeObject StrIterType;
// Byte index of needle in hay, or -1.
ssize_t str_find_bytes(const char *hay, ssize_t hn, const char *needle, ssize_t nn);
hash_t hash_buffer(const void *p, ssize_t n);

// UTF-8 helpers.
uint32_t utf8_decode(const char *s, int *len);   // s must hold a valid sequence
int utf8_encode(uint32_t cp, char *out);        // returns byte count
ssize_t utf8_count(const char *s, ssize_t nbytes);
bool utf8_valid(const char *s, ssize_t nbytes);

// A growable byte buffer for building strings.
typedef struct {
    char *buf;
    ssize_t len, cap;
} StrBuf;
void sb_init(StrBuf *sb);
int sb_putn(StrBuf *sb, const char *s, ssize_t n);  // -1 on MemoryError
int sb_puts(StrBuf *sb, const char *s);
int sb_putc(StrBuf *sb, char c);
int sb_printf(StrBuf *sb, const char *fmt, ...);
int sb_put_obj_str(StrBuf *sb, Object *o);          // str(o)
int sb_put_obj_repr(StrBuf *sb, Object *o);         // repr(o)
#include <stdarg.h>
int sb_vformat(StrBuf *sb, const char *fmt, va_list ap);  // vm_raise's format codes
Object *sb_finish(StrBuf *sb);                      // to a str; frees the buffer
void sb_free(StrBuf *sb);

#endif
