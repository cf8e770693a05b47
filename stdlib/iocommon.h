// Helpers shared by the I/O modules (posix, select, _socket): turning
// arguments into file descriptors, paths and timeouts, and running system
// calls with the GIL released and PEP 475's retry on EINTR.
#ifndef MINIPY_IOCOMMON_H
#define MINIPY_IOCOMMON_H

#include "../vm/runtime.h"
#include "../vm/eval.h"

#include <errno.h>

// The file descriptor of o: an int, or the result of o.fileno()
// (CPython's PyObject_AsFileDescriptor). -1 with an exception.
int io_fileno(Object *o);

// A path argument (str, bytes or os.PathLike) as a C string, for function
// fname's argument argname. *keep receives a new reference that owns the
// string (release it with DECREF); *as_bytes tells whether the path was
// bytes (results such as listdir's then are bytes too). Returns -1 with
// TypeError or ValueError.
int io_path(Object *o, const char *fname, const char *argname, const char **out, Object **keep, bool *as_bytes);

// A timeout in seconds: None gives -1 (no timeout), a number >= 0 itself.
// Negative numbers raise ValueError(neg_msg), non-numbers TypeError(type_msg)
// (NULL: "must be real number, not T"). Returns -1 with an exception.
int io_timeout_arg(Object *o, const char *type_msg, const char *neg_msg, double *out);

// The monotonic clock in seconds.
double io_monotonic(void);

// Runs the system call EXPR with the GIL released, storing its result in
// RES; while it fails with EINTR, runs the pending signal handlers (a
// Ctrl-C raises there, ending the loop with RES < 0 and an exception set)
// and tries again, as PEP 475 asks. errno is preserved for the caller.
#define IO_CALL_RETRY(res, expr)                                                                  \
    for (;;) {                                                                                    \
        vm_blocking_begin();                                                                      \
        res = (expr);                                                                             \
        int io_errno_ = errno;                                                                    \
        vm_blocking_end();                                                                        \
        errno = io_errno_;                                                                        \
        if (!((res) < 0 && io_errno_ == EINTR)) break;                                            \
        if (eval_handle_breaker_public() < 0) break;                                              \
    }

#endif
