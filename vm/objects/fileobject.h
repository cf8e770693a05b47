// File objects (sys.std* and open()).
#ifndef MINIPY_FILEOBJECT_H
#define MINIPY_FILEOBJECT_H

#include "../object.h"

typedef struct {
    OBJ_HEAD;
    int fd;
    Object *name, *mode;
    bool readable, writable, binary, closed, owns_fd, line_buffering, unbuffered, eof;
    char *wbuf;
    size_t wlen, wcap;
    char *rbuf;
    size_t rpos, rlen, rcap;
} FileObject;

extern TypeObject FileType;

Object *file_from_fd(int fd, Object *name, const char *mode, bool owns_fd);
Object *file_open(Object *file, Object *mode);
int file_write_bytes(FileObject *f, const char *s, size_t n);
int file_flush(FileObject *f);
int file_close(FileObject *f);

#endif
