// bytes: an immutable byte string.
#ifndef MINIPY_BYTES_H
#define MINIPY_BYTES_H

#include "../object.h"

typedef struct {
    OBJ_HEAD;
    ssize_t size;
    hash_t hash;
    unsigned char data[];   // NUL-terminated for convenience
} BytesObject;

#define BYTES_DATA(o) (((BytesObject *)(o))->data)
#define BYTES_SIZE(o) (((BytesObject *)(o))->size)

Object *bytes_from(const void *data, ssize_t n);
Object *bytes_new_raw(ssize_t n);
// As bytes_new_raw, but the n data bytes are left uninitialised for the
// caller to fill (a read into a large buffer). New reference.
Object *bytes_new_uninit(ssize_t n);
Object *bytes_repr_of(Object *b);
// b.decode(encoding, errors): utf-8/ascii/latin-1 (and their aliases) with the
// strict/ignore/replace/backslashreplace handlers; NULL means the default.
Object *bytes_decode(Object *b, const char *encoding, const char *errors);
// s.encode(encoding, errors) for a str s: the same codecs, plus the
// xmlcharrefreplace handler. For str.encode.
Object *bytes_encode_str(Object *s, const char *encoding, const char *errors);

extern TypeObject BytesIterType;

#endif
