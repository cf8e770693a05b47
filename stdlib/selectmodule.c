// The select module (CPython's Modules/selectmodule.c): select(), poll
// objects and epoll objects, the readiness primitives selectors and the
// asyncio event loop are built on.
//
// Every wait releases the GIL (vm_blocking_begin/end), so other threads run
// while one thread sleeps in the kernel. A wait interrupted by a signal runs
// the signal's handler (a Ctrl-C raises KeyboardInterrupt there) and goes
// back to waiting for the time left, as PEP 475 asks; select_poll_wait and
// select_epoll_wait hold that loop and are exported for C callers.
//
// A poll object keeps its registrations in a dict {fd: eventmask} and builds
// the pollfd array for each poll() call, as CPython's does. An epoll object
// owns an epoll descriptor (-1 once closed); the kernel keeps the
// registrations.
#include "iocommon.h"
#include "modules.h"
#include "selectmodule.h"

#include <limits.h>
#include <math.h>
#include <sys/select.h>
#include <unistd.h>

// ---- Waiting with the GIL released ------------------------------------------------------

// The milliseconds left until deadline (seconds on the monotonic clock), at least 0.
static int ms_left(double deadline) {
    double left = deadline - io_monotonic();
    if (left <= 0) return 0;
    double ms = ceil(left * 1000.0);
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

int select_poll_wait(struct pollfd *fds, unsigned long nfds, int timeout_ms) {
    double deadline = timeout_ms > 0 ? io_monotonic() + timeout_ms / 1000.0 : 0;
    for (;;) {
        vm_blocking_begin();
        int r = poll(fds, (nfds_t)nfds, timeout_ms);
        int e = errno;
        vm_blocking_end();
        if (r >= 0 || e != EINTR) {
            errno = e;
            return r;
        }
        if (eval_handle_breaker_public() < 0) return -1;
        if (timeout_ms > 0) timeout_ms = ms_left(deadline);
    }
}

int select_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout_ms) {
    double deadline = timeout_ms > 0 ? io_monotonic() + timeout_ms / 1000.0 : 0;
    for (;;) {
        vm_blocking_begin();
        int r = epoll_wait(epfd, events, maxevents, timeout_ms);
        int e = errno;
        vm_blocking_end();
        if (r >= 0 || e != EINTR) {
            errno = e;
            return r;
        }
        if (eval_handle_breaker_public() < 0) return -1;
        if (timeout_ms > 0) timeout_ms = ms_left(deadline);
    }
}

// A timeout in milliseconds from seconds (epoll.poll) or milliseconds
// (poll.poll): None or negative means forever (-1); fractions round up.
static int timeout_to_ms(Object *o, double scale, const char *type_msg, int *out) {
    if (!o || o == None) {
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
        vm_raise(Exc_TypeError, "%s", type_msg);
        return -1;
    }
    if (isnan(d)) {
        vm_raise(Exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (d < 0) {
        *out = -1;
        return 0;
    }
    d = ceil(d * scale);
    if (d > INT_MAX) {
        vm_raise(Exc_OverflowError, "timeout is too large");
        return -1;
    }
    *out = (int)d;
    return 0;
}

// ---- select() ---------------------------------------------------------------------------

typedef struct {
    int fd;
    Object *obj;  // borrowed from the list the caller keeps
} FdEntry;

// Fills set and entries from the iterable; *list receives a list holding
// the objects (new reference). Returns the count, or -1.
static ssize_t seq_to_fdset(Object *iterable, fd_set *set, FdEntry **entries, Object **list, int *maxfd) {
    FD_ZERO(set);
    *entries = NULL;
    *list = list_from_iter(iterable);
    if (!*list) return -1;
    ssize_t n = LIST_SIZE(*list);
    *entries = malloc(sizeof(FdEntry) * (size_t)(n ? n : 1));
    if (!*entries) {
        err_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < n; i++) {
        Object *o = LIST_ITEMS(*list)[i];
        int fd = io_fileno(o);
        if (fd < 0) return -1;
        if (fd >= FD_SETSIZE) {
            vm_raise(Exc_ValueError, "filedescriptor out of range in select()");
            return -1;
        }
        FD_SET(fd, set);
        if (fd > *maxfd) *maxfd = fd;
        (*entries)[i].fd = fd;
        (*entries)[i].obj = o;
    }
    return n;
}

static Object *fdset_to_list(fd_set *set, FdEntry *entries, ssize_t n) {
    Object *r = list_new(0);
    if (!r) return NULL;
    for (ssize_t i = 0; i < n; i++) {
        if (FD_ISSET(entries[i].fd, set) && list_append(r, entries[i].obj) < 0) {
            DECREF(r);
            return NULL;
        }
    }
    return r;
}

static Object *select_select(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("select", kwnames) < 0 || args_count("select", nargs, 3, 4) < 0) return NULL;
    double timeout = -1;
    if (nargs == 4 && io_timeout_arg(args[3], "timeout must be a float or None", "timeout must be non-negative", &timeout) < 0)
        return NULL;
    fd_set sets[3];
    FdEntry *entries[3] = {NULL, NULL, NULL};
    Object *lists[3] = {NULL, NULL, NULL};
    ssize_t counts[3];
    Object *result = NULL;
    int maxfd = -1;
    for (int k = 0; k < 3; k++) {
        counts[k] = seq_to_fdset(args[k], &sets[k], &entries[k], &lists[k], &maxfd);
        if (counts[k] < 0) goto done;
    }
    double deadline = timeout > 0 ? io_monotonic() + timeout : 0;
    fd_set work[3];
    for (;;) {
        memcpy(work, sets, sizeof work);
        struct timeval tv, *tvp = NULL;
        if (timeout >= 0) {
            double left = timeout > 0 ? deadline - io_monotonic() : 0;
            if (left < 0) left = 0;
            tv.tv_sec = (time_t)left;
            tv.tv_usec = (suseconds_t)ceil((left - (double)tv.tv_sec) * 1e6);
            if (tv.tv_usec >= 1000000) {
                tv.tv_sec++;
                tv.tv_usec -= 1000000;
            }
            tvp = &tv;
        }
        vm_blocking_begin();
        int r = select(maxfd + 1, &work[0], &work[1], &work[2], tvp);
        int e = errno;
        vm_blocking_end();
        if (r >= 0) break;
        if (e != EINTR) {
            errno = e;
            err_from_errno(NULL);
            goto done;
        }
        if (eval_handle_breaker_public() < 0) goto done;
    }
    Object *outs[3] = {NULL, NULL, NULL};
    for (int k = 0; k < 3; k++) {
        if (!(outs[k] = fdset_to_list(&work[k], entries[k], counts[k]))) {
            for (int j = 0; j < k; j++) DECREF(outs[j]);
            goto done;
        }
    }
    result = tuple_pack(3, outs[0], outs[1], outs[2]);
    for (int k = 0; k < 3; k++) DECREF(outs[k]);
done:
    for (int k = 0; k < 3; k++) {
        free(entries[k]);
        XDECREF(lists[k]);
    }
    return result;
}

// ---- poll objects --------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    Object *fds;        // dict {fd: eventmask}
    bool polling;       // poll() running in some thread
} PollObject;

TypeObject PollType;

static void pollobj_dealloc(Object *o) {
    XDECREF(((PollObject *)o)->fds);
    obj_free(o);
}

static int pollobj_traverse(Object *o, visitproc visit, void *arg) {
    PollObject *p = (PollObject *)o;
    return p->fds && visit(p->fds, arg) ? -1 : 0;
}

// An event mask argument: an unsigned short.
static int mask_arg(Object *o, unsigned long max, unsigned long *out) {
    if (FLOAT_CHECK(o)) {
        vm_raise(Exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    Object *i = num_index(o);
    if (!i) return -1;
    long v = 0;
    int fits = int_as_long_fast(i, &v) == 0;
    if (!fits) v = int_sign(i);
    DECREF(i);
    if (!fits || v < 0 || (unsigned long)v > max) {
        if (max == USHRT_MAX)
            vm_raise(Exc_OverflowError, v < 0 ? "can't convert negative int to unsigned"
                                              : "Python int too large for C unsigned short");
        else
            vm_raise(Exc_OverflowError, v < 0 ? "can't convert negative int to unsigned"
                                              : "Python int too large to convert to C unsigned long");
        return -1;
    }
    *out = (unsigned long)v;
    return 0;
}

static Object *pollobj_register(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("register", kwnames) < 0 || args_count("register", nargs, 1, 2) < 0) return NULL;
    int fd = io_fileno(args[0]);
    if (fd < 0) return NULL;
    unsigned long mask = POLLIN | POLLPRI | POLLOUT;
    if (nargs > 1 && mask_arg(args[1], USHRT_MAX, &mask) < 0) return NULL;
    Object *k = int_from_long(fd), *v = int_from_long((long)mask);
    int r = k && v ? dict_setitem(((PollObject *)self)->fds, k, v) : -1;
    XDECREF(k);
    XDECREF(v);
    if (r < 0) return NULL;
    RETURN_NONE;
}

static Object *pollobj_modify(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("modify", kwnames) < 0 || args_count("modify", nargs, 2, 2) < 0) return NULL;
    int fd = io_fileno(args[0]);
    if (fd < 0) return NULL;
    unsigned long mask;
    if (mask_arg(args[1], USHRT_MAX, &mask) < 0) return NULL;
    PollObject *p = (PollObject *)self;
    Object *k = int_from_long(fd);
    if (!k) return NULL;
    if (!dict_getitem(p->fds, k)) {
        DECREF(k);
        errno = ENOENT;
        return err_from_errno(NULL);
    }
    Object *v = int_from_long((long)mask);
    int r = v ? dict_setitem(p->fds, k, v) : -1;
    DECREF(k);
    XDECREF(v);
    if (r < 0) return NULL;
    RETURN_NONE;
}

static Object *pollobj_unregister(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("unregister", kwnames) < 0 || args_count("unregister", nargs, 1, 1) < 0) return NULL;
    int fd = io_fileno(args[0]);
    if (fd < 0) return NULL;
    Object *k = int_from_long(fd);
    if (!k) return NULL;
    int r = dict_delitem(((PollObject *)self)->fds, k);
    DECREF(k);
    if (r < 0) return NULL;
    RETURN_NONE;
}

static Object *pollobj_poll(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("poll", kwnames) < 0 || args_count("poll", nargs, 0, 1) < 0) return NULL;
    PollObject *p = (PollObject *)self;
    int timeout;
    if (timeout_to_ms(nargs ? args[0] : NULL, 1.0, "timeout must be an integer or None", &timeout) < 0) return NULL;
    if (p->polling) return vm_raise(Exc_RuntimeError, "concurrent poll() invocation");
    // Build the array from the dict now: registrations made while we wait
    // count from the next call.
    ssize_t n = DICT_SIZE(p->fds);
    struct pollfd *fds = malloc(sizeof(struct pollfd) * (size_t)(n ? n : 1));
    if (!fds) {
        err_no_memory();
        return NULL;
    }
    Object *items = dict_items_list(p->fds);
    if (!items) {
        free(fds);
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        Object *kv = LIST_ITEMS(items)[i];
        long fd = 0, ev = 0;
        int_as_long_fast(TUPLE_ITEMS(kv)[0], &fd);
        int_as_long_fast(TUPLE_ITEMS(kv)[1], &ev);
        fds[i].fd = (int)fd;
        fds[i].events = (short)ev;
        fds[i].revents = 0;
    }
    DECREF(items);
    INCREF(self);
    p->polling = true;
    int r = select_poll_wait(fds, (unsigned long)n, timeout);
    p->polling = false;
    DECREF(self);
    Object *result = NULL;
    if (r < 0) {
        if (!err_occurred()) err_from_errno(NULL);
        goto done;
    }
    if (!(result = list_new(0))) goto done;
    for (ssize_t i = 0; i < n && r > 0; i++) {
        if (!fds[i].revents) continue;
        r--;
        Object *a = int_from_long(fds[i].fd), *b = int_from_long((unsigned short)fds[i].revents);
        Object *t = a && b ? tuple_pack(2, a, b) : NULL;
        XDECREF(a);
        XDECREF(b);
        if (!t || list_append(result, t) < 0) {
            XDECREF(t);
            CLEAR(result);
            goto done;
        }
        DECREF(t);
    }
done:
    free(fds);
    return result;
}

static const MethodDef pollobj_methods[] = {
    {"register", pollobj_register, 0, "Register a file descriptor with the polling object."},
    {"modify", pollobj_modify, 0, "Modify an already registered file descriptor."},
    {"unregister", pollobj_unregister, 0, "Remove a file descriptor being tracked by the polling object."},
    {"poll", pollobj_poll, 0, "Polls the set of registered file descriptors."},
    {NULL, NULL, 0, NULL}};

TypeObject PollType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "select.poll",
    .basicsize = sizeof(PollObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = pollobj_dealloc,
    .traverse = pollobj_traverse,
    .methods = pollobj_methods,
};

static Object *select_poll(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("poll", kwnames) < 0 || args_count("poll", nargs, 0, 0) < 0) return NULL;
    PollObject *p = (PollObject *)type_generic_alloc(&PollType, 0);
    if (!p) return NULL;
    if (!(p->fds = dict_new())) {
        DECREF(p);
        return NULL;
    }
    return (Object *)p;
}

// ---- epoll objects -------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    int epfd;  // -1 once closed
} EpollObject;

TypeObject EpollType;

static void epoll_close_fd(EpollObject *e) {
    if (e->epfd >= 0) {
        int fd = e->epfd;
        e->epfd = -1;
        close(fd);
    }
}

static void epollobj_dealloc(Object *o) {
    epoll_close_fd((EpollObject *)o);
    obj_free(o);
}

static Object *epoll_with_fd(TypeObject *t, int fd) {
    EpollObject *e = (EpollObject *)type_generic_alloc(t, 0);
    if (!e) {
        close(fd);
        return NULL;
    }
    e->epfd = fd;
    return (Object *)e;
}

static Object *epollobj_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"sizehint", "flags"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("epoll", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    long sizehint = -1, flags = 0;
    if (a[0] && (sizehint = int_as_long(a[0])) == -1 && err_occurred()) return NULL;
    if (a[1] && (flags = int_as_long(a[1])) == -1 && err_occurred()) return NULL;
    if (sizehint == 0 || sizehint < -1) return vm_raise(Exc_ValueError, "negative sizehint");
    if (flags && flags != EPOLL_CLOEXEC) return vm_raise(Exc_OSError, "invalid flags");
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0) return err_from_errno(NULL);
    return epoll_with_fd(t, fd);
}

static int epoll_check_open(EpollObject *e) {
    if (e->epfd < 0) {
        vm_raise(Exc_ValueError, "I/O operation on closed epoll object");
        return -1;
    }
    return 0;
}

static Object *epollobj_close(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    epoll_close_fd((EpollObject *)self);
    RETURN_NONE;
}

static Object *epollobj_fileno(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    EpollObject *e = (EpollObject *)self;
    if (epoll_check_open(e) < 0) return NULL;
    return int_from_long(e->epfd);
}

static Object *epollobj_fromfd(Object *cls, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("fromfd", nargs, 1, 1) < 0) return NULL;
    long fd = int_as_long(args[0]);
    if (fd == -1 && err_occurred()) return NULL;
    return epoll_with_fd((TypeObject *)cls, (int)fd);
}

// register/modify/unregister: one epoll_ctl call.
static Object *epoll_ctl_call(Object *self, int op, const char *fname, Object *const *args, ssize_t nargs,
                              Object *kwnames) {
    static const char *const names[] = {"fd", "eventmask"};
    Object *a[2] = {NULL, NULL};
    int nreq = op == EPOLL_CTL_MOD ? 2 : 1;
    if (args_parse(fname, args, nargs, kwnames, names, op == EPOLL_CTL_DEL ? 1 : 2, nreq, a) < 0) return NULL;
    EpollObject *e = (EpollObject *)self;
    if (epoll_check_open(e) < 0) return NULL;
    int fd = io_fileno(a[0]);
    if (fd < 0) return NULL;
    unsigned long mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (a[1] && mask_arg(a[1], UINT_MAX, &mask) < 0) return NULL;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = (uint32_t)mask;
    ev.data.fd = fd;
    if (epoll_ctl(e->epfd, op, fd, &ev) < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

static Object *epollobj_register(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return epoll_ctl_call(self, EPOLL_CTL_ADD, "register", args, nargs, kwnames);
}

static Object *epollobj_modify(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return epoll_ctl_call(self, EPOLL_CTL_MOD, "modify", args, nargs, kwnames);
}

static Object *epollobj_unregister(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return epoll_ctl_call(self, EPOLL_CTL_DEL, "unregister", args, nargs, kwnames);
}

static Object *epollobj_poll(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"timeout", "maxevents"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("poll", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    EpollObject *e = (EpollObject *)self;
    if (epoll_check_open(e) < 0) return NULL;
    int timeout;
    if (timeout_to_ms(a[0], 1000.0, "timeout must be an integer or None", &timeout) < 0) return NULL;
    long maxevents = -1;
    if (a[1] && (maxevents = int_as_long(a[1])) == -1 && err_occurred()) return NULL;
    if (maxevents == -1) maxevents = FD_SETSIZE - 1;
    else if (maxevents < 1) return vm_raise(Exc_ValueError, "maxevents must be greater than 0, got %ld", maxevents);
    if (maxevents > 65536) maxevents = 65536;
    struct epoll_event *evs = malloc(sizeof(struct epoll_event) * (size_t)maxevents);
    if (!evs) {
        err_no_memory();
        return NULL;
    }
    INCREF(self);
    int r = select_epoll_wait(e->epfd, evs, (int)maxevents, timeout);
    DECREF(self);
    Object *result = NULL;
    if (r < 0) {
        if (!err_occurred()) err_from_errno(NULL);
        goto done;
    }
    if (!(result = list_new(0))) goto done;
    for (int i = 0; i < r; i++) {
        Object *f = int_from_long(evs[i].data.fd), *m = int_from_ulong(evs[i].events);
        Object *t = f && m ? tuple_pack(2, f, m) : NULL;
        XDECREF(f);
        XDECREF(m);
        if (!t || list_append(result, t) < 0) {
            XDECREF(t);
            CLEAR(result);
            goto done;
        }
        DECREF(t);
    }
done:
    free(evs);
    return result;
}

static Object *epollobj_enter(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (epoll_check_open((EpollObject *)self) < 0) return NULL;
    return NEWREF(self);
}

static Object *epollobj_exit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    epoll_close_fd((EpollObject *)self);
    RETURN_NONE;
}

static Object *epollobj_closed(Object *self, void *closure) {
    return NEWREF(bool_from(((EpollObject *)self)->epfd < 0));
}

static const MethodDef epollobj_methods[] = {
    {"close", epollobj_close, 0, "Close the epoll control file descriptor."},
    {"fileno", epollobj_fileno, 0, "Return the epoll control file descriptor."},
    {"fromfd", epollobj_fromfd, METH_CLASS, "Create an epoll object from a given control fd."},
    {"register", epollobj_register, 0, "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", epollobj_modify, 0, "Modify event mask for a registered file descriptor."},
    {"unregister", epollobj_unregister, 0, "Remove a registered file descriptor from the epoll object."},
    {"poll", epollobj_poll, 0, "Wait for events on the epoll file descriptor."},
    {"__enter__", epollobj_enter, 0, NULL},
    {"__exit__", epollobj_exit, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef epollobj_getset[] = {
    {"closed", epollobj_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject EpollType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "select.epoll",
    .basicsize = sizeof(EpollObject),
    .flags = TPFLAGS_BASETYPE,
    .doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object.",
    .dealloc = epollobj_dealloc,
    .tp_new = epollobj_new,
    .methods = epollobj_methods,
    .getset = epollobj_getset,
};

// ---- The module ------------------------------------------------------------------------------

static const MethodDef select_functions[] = {
    {"select", select_select, 0, "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, 0, "Returns a polling object."},
    {NULL, NULL, 0, NULL}};

static const struct {
    const char *name;
    long value;
} select_constants[] = {
    {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},
    {"POLLERR", POLLERR},       {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},
    {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM},
    {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},       {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN},       {"EPOLLOUT", EPOLLOUT},     {"EPOLLPRI", EPOLLPRI},
    {"EPOLLERR", EPOLLERR},     {"EPOLLHUP", EPOLLHUP},     {"EPOLLET", (long)(unsigned)EPOLLET},
    {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP},
    {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM},
    {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},   {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
    {"PIPE_BUF", PIPE_BUF},
    {NULL, 0}};

Object *module_init_select(void) {
    type_ready(&PollType);
    type_ready(&EpollType);
    Object *m = module_new_cstr("select");
    if (!m) return NULL;
    if (module_add_functions(m, select_functions) < 0 || module_add_object(m, "epoll", (Object *)&EpollType) < 0 ||
        module_add_object(m, "error", (Object *)Exc_OSError) < 0)
        goto fail;
    for (int i = 0; select_constants[i].name; i++)
        if (module_add_int(m, select_constants[i].name, select_constants[i].value) < 0) goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
