// Helpers shared by the I/O modules; see iocommon.h.
#include "iocommon.h"

#include <limits.h>
#include <math.h>
#include <time.h>

int io_fileno(Object *o) {
    Object *num;
    if (INT_CHECK(o)) {
        num = NEWREF(o);
    } else {
        int err;
        Object *meth = obj_lookup_attr(o, S_fileno, &err);
        if (!meth) {
            if (!err) vm_raise(Exc_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        num = obj_call0(meth);
        DECREF(meth);
        if (!num) return -1;
        if (!INT_CHECK(num)) {
            DECREF(num);
            vm_raise(Exc_TypeError, "fileno() returned a non-integer");
            return -1;
        }
    }
    long fd;
    if (int_as_long_fast(num, &fd) < 0 || fd > INT_MAX || fd < INT_MIN) {
        DECREF(num);
        vm_raise(Exc_OverflowError, fd > 0 ? "Python int too large to convert to C int"
                                           : "Python int too large to convert to C int");
        return -1;
    }
    DECREF(num);
    if (fd < 0) {
        vm_raise(Exc_ValueError, "file descriptor cannot be a negative integer (%d)", (int)fd);
        return -1;
    }
    return (int)fd;
}

int io_path(Object *o, const char *fname, const char *argname, const char **out, Object **keep, bool *as_bytes) {
    Object *p = NULL;
    if (STR_CHECK(o) || BYTES_CHECK(o)) {
        p = NEWREF(o);
    } else {
        Object *fs = type_lookup(TYPE(o), S___fspath__);
        if (fs) {
            p = obj_call_method_obj(o, S___fspath__, NULL, 0);
            if (!p) return -1;
            if (!STR_CHECK(p) && !BYTES_CHECK(p)) {
                vm_raise(Exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                         type_name(TYPE(o)), type_name(TYPE(p)));
                DECREF(p);
                return -1;
            }
        }
    }
    if (!p) {
        vm_raise(Exc_TypeError, "%s: %s should be string, bytes or os.PathLike, not %s", fname, argname,
                 type_name(TYPE(o)));
        return -1;
    }
    const char *s;
    size_t n;
    if (STR_CHECK(p)) {
        s = STR_DATA(p);
        n = (size_t)STR_NBYTES(p);
        *as_bytes = false;
    } else {
        s = (const char *)BYTES_DATA(p);
        n = (size_t)BYTES_SIZE(p);
        *as_bytes = true;
    }
    if (strlen(s) != n) {
        DECREF(p);
        vm_raise(Exc_ValueError, "embedded null byte");
        return -1;
    }
    *out = s;
    *keep = p;
    return 0;
}

int io_timeout_arg(Object *o, const char *type_msg, const char *neg_msg, double *out) {
    if (o == None) {
        *out = -1;
        return 0;
    }
    double d;
    if (FLOAT_CHECK(o)) {
        d = float_value(o);
    } else if (INT_CHECK(o)) {
        d = int_as_double(o);
        if (d == -1.0 && err_occurred()) return -1;
    } else {
        Object *f = type_lookup(TYPE(o), S___float__) ? num_to_float(o) : NULL;
        if (!f) {
            if (!err_occurred()) {
                if (type_msg) vm_raise(Exc_TypeError, "%s", type_msg);
                else vm_raise(Exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(o)));
            }
            return -1;
        }
        d = float_value(f);
        DECREF(f);
    }
    if (isnan(d)) {
        vm_raise(Exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (d < 0) {
        vm_raise(Exc_ValueError, "%s", neg_msg);
        return -1;
    }
    *out = d;
    return 0;
}

double io_monotonic(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
