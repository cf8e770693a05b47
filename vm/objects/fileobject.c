// File objects: sys.stdin/stdout/stderr and open() (a compact stand-in for
// CPython's io.TextIOWrapper / io.BufferedReader stack). Text files are
// UTF-8 with universal newlines on input; binary files read and write bytes.
// Output is buffered, line-buffered on a terminal, and flushed at exit.
// Reads and writes are blocking calls: they release the GIL (vm_blocking_*).
#include "../runtime.h"
#include "fileobject.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// Writes out the buffered bytes. The buffer is taken out of the object
// first: while the GIL is released for write(), other threads append to a
// fresh buffer. write_lock is taken with the GIL held, so flushes happen in
// the order their bytes were buffered.
static int flush_buffer(FileObject *f) {
    if (f->wlen == 0) return 0;
    char *buf = f->wbuf;
    size_t len = f->wlen;
    char *fresh = malloc(f->wcap);
    if (!fresh) {
        err_no_memory();
        return -1;
    }
    f->wbuf = fresh;
    f->wlen = 0;
    pthread_mutex_lock(&f->write_lock);
    size_t off = 0;
    int e = 0;
    vm_blocking_begin();
    while (off < len) {
        ssize_t n = write(f->fd, buf + off, len - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            e = errno;
            break;
        }
        off += (size_t)n;
    }
    pthread_mutex_unlock(&f->write_lock);
    vm_blocking_end();
    free(buf);
    if (e) {
        errno = e;
        err_from_errno(NULL);
        return -1;
    }
    return 0;
}

static int check_open(FileObject *f) {
    if (f->closed) {
        vm_raise(Exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

int file_write_bytes(FileObject *f, const char *s, size_t n) {
    if (check_open(f) < 0) return -1;
    if (!f->writable) {
        vm_raise(Exc_OSError, "not writable");
        return -1;
    }
    if (f->wlen + n > f->wcap) {
        if (f->wlen && flush_buffer(f) < 0) return -1;
        if (n > f->wcap) {
            size_t cap = f->wcap ? f->wcap : 8192;
            while (cap < n) cap *= 2;
            char *nb = realloc(f->wbuf, cap);
            if (!nb) {
                err_no_memory();
                return -1;
            }
            f->wbuf = nb;
            f->wcap = cap;
        }
    }
    memcpy(f->wbuf + f->wlen, s, n);
    f->wlen += n;
    if (f->unbuffered || (f->line_buffering && memchr(s, '\n', n))) return flush_buffer(f);
    return 0;
}

int file_flush(FileObject *f) {
    if (f->closed || !f->wlen) return 0;
    return flush_buffer(f);
}

// Fills the read buffer; returns bytes available, 0 at EOF, -1 on error.
static ssize_t fill(FileObject *f) {
    if (f->rpos < f->rlen) return (ssize_t)(f->rlen - f->rpos);
    f->rpos = f->rlen = 0;
    // After EOF a new read is tried again (a terminal can deliver more after
    // Ctrl-D), as CPython's io does.
    if (!f->rbuf) {
        f->rcap = 65536;
        f->rbuf = malloc(f->rcap);
        if (!f->rbuf) {
            err_no_memory();
            return -1;
        }
    }
    for (;;) {
        vm_blocking_begin();
        pthread_mutex_lock(&f->read_lock);
        ssize_t n = read(f->fd, f->rbuf, f->rcap);
        int e = errno;
        pthread_mutex_unlock(&f->read_lock);
        vm_blocking_end();
        if (n < 0) {
            if (e == EINTR) {
                if (eval_handle_breaker_public() < 0) return -1;
                continue;
            }
            errno = e;
            err_from_errno(NULL);
            return -1;
        }
        if (n == 0) f->eof = true;
        f->rlen = (size_t)n;
        return n;
    }
}

// Reads raw bytes: all (n < 0) or up to n. Appends to sb.
static int read_raw(FileObject *f, ssize_t n, StrBuf *sb) {
    while (n < 0 || sb->len < n) {
        ssize_t avail = fill(f);
        if (avail < 0) return -1;
        if (avail == 0) break;
        size_t take = (size_t)avail;
        if (n >= 0 && (ssize_t)take > n - sb->len) take = (size_t)(n - sb->len);
        if (sb_putn(sb, f->rbuf + f->rpos, (ssize_t)take) < 0) return -1;
        f->rpos += take;
    }
    return 0;
}

// Reads one line including its newline (raw bytes).
static int read_line_raw(FileObject *f, StrBuf *sb, ssize_t limit) {
    for (;;) {
        if (limit >= 0 && sb->len >= limit) return 0;
        ssize_t avail = fill(f);
        if (avail < 0) return -1;
        if (avail == 0) return 0;
        char *start = f->rbuf + f->rpos;
        size_t take = (size_t)avail;
        if (limit >= 0 && (ssize_t)take > limit - sb->len) take = (size_t)(limit - sb->len);
        char *nl = memchr(start, '\n', take);
        char *cr = f->binary ? NULL : memchr(start, '\r', take);
        char *stop = nl;
        if (cr && (!nl || cr < nl)) stop = cr;
        if (stop) {
            size_t k = (size_t)(stop - start) + 1;
            if (sb_putn(sb, start, (ssize_t)k) < 0) return -1;
            f->rpos += k;
            if (stop == cr) {
                // \r\n counts as one newline.
                if (fill(f) > 0 && f->rbuf[f->rpos] == '\n') {
                    f->rpos++;
                }
            }
            return 0;
        }
        if (sb_putn(sb, start, (ssize_t)take) < 0) return -1;
        f->rpos += take;
    }
}

// Text: universal newlines and UTF-8 decoding of raw bytes.
static Object *decode_text(FileObject *f, StrBuf *sb) {
    if (f->binary) {
        Object *b = bytes_from(sb->buf ? sb->buf : "", sb->len);
        sb_free(sb);
        return b;
    }
    ssize_t w = 0;
    for (ssize_t i = 0; i < sb->len; i++) {
        char c = sb->buf[i];
        if (c == '\r') {
            sb->buf[w++] = '\n';
            if (i + 1 < sb->len && sb->buf[i + 1] == '\n') i++;
        } else {
            sb->buf[w++] = c;
        }
    }
    sb->len = w;
    Object *s = str_from_utf8(sb->buf ? sb->buf : "", sb->len);
    sb_free(sb);
    return s;
}

// ---- Methods ---------------------------------------------------------------------------------

static FileObject *F(Object *o) { return (FileObject *)o; }

static Object *file_write(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    FileObject *f = F(self);
    if (args_count("write", nargs, 1, 1) < 0) return NULL;
    Object *s = args[0];
    if (f->binary) {
        if (!BYTES_CHECK(s))
            return vm_raise(Exc_TypeError, "a bytes-like object is required, not '%s'", type_name(TYPE(s)));
        if (file_write_bytes(f, (char *)BYTES_DATA(s), (size_t)BYTES_SIZE(s)) < 0) return NULL;
        return int_from_ssize(BYTES_SIZE(s));
    }
    if (!STR_CHECK(s)) return vm_raise(Exc_TypeError, "write() argument must be str, not %s", type_name(TYPE(s)));
    if (file_write_bytes(f, STR_DATA(s), (size_t)STR_NBYTES(s)) < 0) return NULL;
    return int_from_ssize(STR_LEN(s));
}

static Object *file_flush_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0 || file_flush(F(self)) < 0) return NULL;
    RETURN_NONE;
}

static Object *file_read(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    FileObject *f = F(self);
    if (args_count("read", nargs, 0, 1) < 0 || check_open(f) < 0) return NULL;
    if (!f->readable) return vm_raise(Exc_OSError, "not readable");
    ssize_t n = -1;
    if (nargs && args[0] != None) {
        n = num_as_ssize(args[0], Exc_OverflowError);
        if (n == -1 && err_occurred()) return NULL;
    }
    StrBuf sb;
    sb_init(&sb);
    if (f->binary || n < 0) {
        if (read_raw(f, n, &sb) < 0) {
            sb_free(&sb);
            return NULL;
        }
        return decode_text(f, &sb);
    }
    // Text with a count: n code points.
    ssize_t chars = 0;
    while (chars < n) {
        ssize_t before = sb.len;
        if (read_raw(f, sb.len + 1, &sb) < 0) {
            sb_free(&sb);
            return NULL;
        }
        if (sb.len == before) break;
        unsigned char c = (unsigned char)sb.buf[sb.len - 1];
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        if (extra && read_raw(f, sb.len + extra, &sb) < 0) {
            sb_free(&sb);
            return NULL;
        }
        chars++;
    }
    return decode_text(f, &sb);
}

static Object *file_readline(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    FileObject *f = F(self);
    if (args_count("readline", nargs, 0, 1) < 0 || check_open(f) < 0) return NULL;
    if (!f->readable) return vm_raise(Exc_OSError, "not readable");
    ssize_t limit = -1;
    if (nargs && args[0] != None) {
        limit = num_as_ssize(args[0], Exc_OverflowError);
        if (limit == -1 && err_occurred()) return NULL;
    }
    StrBuf sb;
    sb_init(&sb);
    if (read_line_raw(f, &sb, limit) < 0) {
        sb_free(&sb);
        return NULL;
    }
    return decode_text(f, &sb);
}

static Object *file_readlines(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *l = list_new(0);
    if (!l) return NULL;
    for (;;) {
        Object *line = file_readline(self, NULL, 0, NULL);
        if (!line) {
            DECREF(l);
            return NULL;
        }
        ssize_t len = F(self)->binary ? BYTES_SIZE(line) : STR_NBYTES(line);
        if (len == 0) {
            DECREF(line);
            return l;
        }
        int r = list_append(l, line);
        DECREF(line);
        if (r < 0) {
            DECREF(l);
            return NULL;
        }
    }
}

static Object *file_writelines(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("writelines", nargs, 1, 1) < 0) return NULL;
    Object *it = obj_getiter(args[0]);
    if (!it) return NULL;
    Object *x;
    while ((x = iter_next(it))) {
        Object *r = file_write(self, &x, 1, NULL);
        DECREF(x);
        if (!r) {
            DECREF(it);
            return NULL;
        }
        DECREF(r);
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    RETURN_NONE;
}

int file_close(FileObject *f) {
    if (f->closed) return 0;
    int r = file_flush(f);
    f->closed = true;
    if (f->owns_fd && f->fd > 2) close(f->fd);
    return r;
}

static Object *file_close_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (file_close(F(self)) < 0) return NULL;
    RETURN_NONE;
}

static Object *file_enter(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    return NEWREF(self);
}

static Object *file_exit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (file_close(F(self)) < 0) return NULL;
    RETURN_NONE;
}

static Object *file_fileno(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    return int_from_long(F(self)->fd);
}

static Object *file_isatty(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    return NEWREF(bool_from(isatty(F(self)->fd)));
}

static Object *file_readable(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    return NEWREF(bool_from(F(self)->readable));
}

static Object *file_writable(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    return NEWREF(bool_from(F(self)->writable));
}

static Object *file_seek(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    FileObject *f = F(self);
    if (args_count("seek", nargs, 1, 2) < 0 || check_open(f) < 0 || file_flush(f) < 0) return NULL;
    long off = int_as_long(args[0]);
    if (off == -1 && err_occurred()) return NULL;
    int whence = nargs > 1 ? (int)int_as_long(args[1]) : 0;
    // Discard buffered input, accounting for it when seeking relative.
    if (whence == 1) off -= (long)(f->rlen - f->rpos);
    f->rpos = f->rlen = 0;
    f->eof = false;
    off_t r = lseek(f->fd, off, whence);
    if (r < 0) return err_from_errno(NULL);
    return int_from_long((long)r);
}

static Object *file_tell(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    FileObject *f = F(self);
    if (check_open(f) < 0 || file_flush(f) < 0) return NULL;
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) return err_from_errno(NULL);
    return int_from_long((long)r - (long)(f->rlen - f->rpos));
}

static Object *file_iternext(Object *self) {
    Object *line = file_readline(self, NULL, 0, NULL);
    if (!line) return NULL;
    ssize_t len = F(self)->binary ? BYTES_SIZE(line) : STR_NBYTES(line);
    if (len == 0) {
        DECREF(line);
        return NULL;
    }
    return line;
}

static Object *file_iter(Object *self) {
    if (check_open(F(self)) < 0) return NULL;
    return NEWREF(self);
}

static Object *file_repr(Object *self) {
    FileObject *f = F(self);
    if (f->binary) return str_from_format("<_io.BufferedIOBase name=%R>", f->name);
    return str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding='utf-8'>", f->name, f->mode);
}

static void file_dealloc(Object *self) {
    FileObject *f = F(self);
    Object *saved = err_fetch();
    if (file_close(f) < 0) err_clear();
    err_restore(saved);
    free(f->wbuf);
    free(f->rbuf);
    pthread_mutex_destroy(&f->write_lock);
    pthread_mutex_destroy(&f->read_lock);
    XDECREF(f->name);
    XDECREF(f->mode);
    obj_free(self);
}

static Object *file_get_closed(Object *o, void *c) { return NEWREF(bool_from(F(o)->closed)); }
static Object *file_get_name(Object *o, void *c) { return NEWREF(F(o)->name); }
static Object *file_get_mode(Object *o, void *c) { return NEWREF(F(o)->mode); }
static Object *file_get_encoding(Object *o, void *c) { return str_from_cstr("utf-8"); }
static Object *file_get_line_buffering(Object *o, void *c) { return NEWREF(bool_from(F(o)->line_buffering)); }

static const MethodDef file_methods[] = {
    {"write", file_write, 0, NULL},
    {"writelines", file_writelines, 0, NULL},
    {"flush", file_flush_m, 0, NULL},
    {"read", file_read, 0, NULL},
    {"readline", file_readline, 0, NULL},
    {"readlines", file_readlines, 0, NULL},
    {"close", file_close_m, 0, NULL},
    {"fileno", file_fileno, 0, NULL},
    {"isatty", file_isatty, 0, NULL},
    {"readable", file_readable, 0, NULL},
    {"writable", file_writable, 0, NULL},
    {"seek", file_seek, 0, NULL},
    {"tell", file_tell, 0, NULL},
    {"__enter__", file_enter, 0, NULL},
    {"__exit__", file_exit, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef file_getset[] = {
    {"closed", file_get_closed, NULL, NULL},
    {"name", file_get_name, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL},
    {"encoding", file_get_encoding, NULL, NULL},
    {"line_buffering", file_get_line_buffering, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject FileType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(FileObject),
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .iternext = file_iternext,
    .methods = file_methods,
    .getset = file_getset,
};

Object *file_from_fd(int fd, Object *name, const char *mode, bool owns_fd) {
    FileObject *f = (FileObject *)obj_alloc(&FileType, sizeof(FileObject));
    if (!f) return NULL;
    f->fd = fd;
    f->name = NEWREF(name);
    f->mode = str_from_cstr(mode);
    f->readable = strchr(mode, 'r') || strchr(mode, '+');
    f->writable = strchr(mode, 'w') || strchr(mode, 'a') || strchr(mode, 'x') || strchr(mode, '+');
    f->binary = strchr(mode, 'b') != NULL;
    f->owns_fd = owns_fd;
    f->line_buffering = isatty(fd);
    pthread_mutex_init(&f->write_lock, NULL);
    pthread_mutex_init(&f->read_lock, NULL);
    f->wcap = 8192;
    f->wbuf = malloc(f->wcap);
    if (!f->wbuf || !f->mode) {
        DECREF(f);
        err_no_memory();
        return NULL;
    }
    return (Object *)f;
}

Object *file_open(Object *file, Object *mode_obj) {
    const char *mode = mode_obj ? STR_DATA(mode_obj) : "r";
    int flags = 0;
    int nrw = 0;
    bool plus = strchr(mode, '+') != NULL;
    for (const char *p = mode; *p; p++) {
        switch (*p) {
        case 'r': nrw++; flags = plus ? O_RDWR : O_RDONLY; break;
        case 'w': nrw++; flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC; break;
        case 'a': nrw++; flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND; break;
        case 'x': nrw++; flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL; break;
        case 'b': case 't': case '+': break;
        default: return vm_raise(Exc_ValueError, "invalid mode: '%s'", mode);
        }
    }
    if (nrw != 1 || (strchr(mode, 'b') && strchr(mode, 't')))
        return vm_raise(Exc_ValueError, "must have exactly one of create/read/write/append mode");
    int fd;
    if (INT_CHECK(file)) {
        fd = (int)int_as_long(file);
        return file_from_fd(fd, file, mode, true);
    }
    if (!STR_CHECK(file))
        return vm_raise(Exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(TYPE(file)));
    vm_blocking_begin();
    fd = open(STR_DATA(file), flags | O_CLOEXEC, 0666);
    int e = errno;
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);  // reading a directory only fails later; CPython refuses at open
        fd = -1;
        e = EISDIR;
    }
    vm_blocking_end();
    if (fd < 0) {
        errno = e;
        return err_from_errno(file);
    }
    Object *f = file_from_fd(fd, file, mode, true);
    if (f) F(f)->line_buffering = false;
    return f;
}
