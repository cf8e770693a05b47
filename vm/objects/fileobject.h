// File objects (sys.std* and open()).
#ifndef MINIPY_FILEOBJECT_H
#define MINIPY_FILEOBJECT_H

#include <pthread.h>

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
    // Held across the system call while the GIL is released, so another
    // thread never writes into or reads from a buffer being flushed/filled.
    pthread_mutex_t write_lock, read_lock;
} FileObject;

extern TypeObject FileType;

Object *file_from_fd(int fd, Object *name, const char *mode, bool owns_fd);
Object *file_open(Object *file, Object *mode);
int file_write_bytes(FileObject *f, const char *s, size_t n);
int file_flush(FileObject *f);
int file_close(FileObject *f);

#endif
