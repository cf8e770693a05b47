// The _socket module (CPython's Modules/socketmodule.c): BSD sockets for
// AF_INET, AF_INET6 and AF_UNIX. `socket` (stdlib/lib/socket.py) subclasses
// _socket.socket in minipy, as CPython's Lib/socket.py does, adding
// accept(), the context manager, repr and socketpair().
//
// Timeouts follow CPython's sock_call_ex. A socket's timeout is -1 (None:
// blocking), 0 (non-blocking) or positive; its descriptor is O_NONBLOCK
// whenever the timeout is not None. In blocking mode an operation simply
// runs with the GIL released. With a timeout, the socket first waits with
// poll() (GIL released) until it is ready or the deadline passes, then
// tries the operation, and goes back to waiting if the readiness was a
// false alarm (EAGAIN); when time runs out it raises TimeoutError("timed
// out") (socket.timeout is TimeoutError since 3.10). Non-blocking sockets
// try once and raise BlockingIOError. Signals interrupting any wait run
// their handlers and the wait resumes (PEP 475).
#include "iocommon.h"
#include "modules.h"
#include "selectmodule.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

typedef struct {
    OBJ_HEAD;
    int fd;             // -1 once closed or detached
    int family, type, proto;
    double timeout;     // seconds; -1: blocking (None)
} SocketObject;

TypeObject SocketType;
static TypeObject *Exc_gaierror, *Exc_herror;
static double default_timeout = -1;

typedef union {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_storage storage;
} SockAddr;

// ---- Errors ------------------------------------------------------------------------------

static Object *raise_timeout(void) { return vm_raise(Exc_TimeoutError, "timed out"); }

// socket.gaierror(code, message) for a getaddrinfo() failure.
static Object *raise_gaierror(int code) {
    if (code == EAI_SYSTEM) return err_from_errno(NULL);
    Object *n = int_from_long(code), *m = str_from_cstr(gai_strerror(code));
    Object *args[2] = {n, m};
    Object *e = n && m ? exc_new(Exc_gaierror, args, 2) : NULL;
    XDECREF(n);
    XDECREF(m);
    if (e) {
        exc_chain_context(e);
        err_restore(e);
    }
    return NULL;
}

// ---- Addresses ---------------------------------------------------------------------------

// Resolves host (a str or bytes) to an IPv4/IPv6 address in addr, as
// CPython's setipaddr: '' is the any address, '<broadcast>' the broadcast
// address, numbers are parsed, anything else goes to getaddrinfo() with
// the GIL released.
static int set_ip_addr(Object *host, int family, SockAddr *addr, socklen_t *len) {
    const char *name;
    if (STR_CHECK(host)) name = STR_DATA(host);
    else if (BYTES_CHECK(host)) name = (const char *)BYTES_DATA(host);
    else {
        vm_raise(Exc_TypeError, "str, bytes or bytearray expected, not %s", type_name(TYPE(host)));
        return -1;
    }
    memset(addr, 0, sizeof *addr);
    if (family == AF_INET) {
        addr->in4.sin_family = AF_INET;
        *len = sizeof addr->in4;
        if (name[0] == '\0') {
            addr->in4.sin_addr.s_addr = htonl(INADDR_ANY);
            return 0;
        }
        if (strcmp(name, "<broadcast>") == 0 || strcmp(name, "255.255.255.255") == 0) {
            addr->in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
            return 0;
        }
        if (inet_pton(AF_INET, name, &addr->in4.sin_addr) == 1) return 0;
    } else {
        addr->in6.sin6_family = AF_INET6;
        *len = sizeof addr->in6;
        if (name[0] == '\0') {
            addr->in6.sin6_addr = in6addr_any;
            return 0;
        }
        if (inet_pton(AF_INET6, name, &addr->in6.sin6_addr) == 1) return 0;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    char *copy = strdup(name);
    if (!copy) {
        err_no_memory();
        return -1;
    }
    vm_blocking_begin();
    int r = getaddrinfo(copy, NULL, &hints, &res);
    vm_blocking_end();
    free(copy);
    if (r != 0) {
        raise_gaierror(r);
        return -1;
    }
    if (family == AF_INET) addr->in4.sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
    else addr->in6.sin6_addr = ((struct sockaddr_in6 *)res->ai_addr)->sin6_addr;
    freeaddrinfo(res);
    return 0;
}

static int port_arg(Object *o, const char *caller, int *out) {
    long p;
    Object *i = num_index(o);
    if (!i) return -1;
    int fits = int_as_long_fast(i, &p) == 0;
    DECREF(i);
    if (!fits || p < 0 || p > 65535) {
        vm_raise(Exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    *out = (int)p;
    return 0;
}

// CPython's getsockaddrarg: a Python address for the socket's family.
static int sockaddr_arg(SocketObject *s, Object *o, const char *caller, SockAddr *addr, socklen_t *len) {
    memset(addr, 0, sizeof *addr);
    switch (s->family) {
    case AF_UNIX: {
        const char *p;
        ssize_t n;
        if (STR_CHECK(o)) {
            p = STR_DATA(o);
            n = STR_NBYTES(o);
        } else if (BYTES_CHECK(o)) {
            p = (const char *)BYTES_DATA(o);
            n = BYTES_SIZE(o);
        } else {
            Object *fs = type_lookup(TYPE(o), S___fspath__) ? obj_call_method_obj(o, S___fspath__, NULL, 0) : NULL;
            if (fs) {
                int r = sockaddr_arg(s, fs, caller, addr, len);
                DECREF(fs);
                return r;
            }
            if (!err_occurred())
                vm_raise(Exc_TypeError, "a bytes-like object is required, not '%s'", type_name(TYPE(o)));
            return -1;
        }
        if ((size_t)n >= sizeof addr->un.sun_path) {
            vm_raise(Exc_OSError, "AF_UNIX path too long");
            return -1;
        }
        addr->un.sun_family = AF_UNIX;
        memcpy(addr->un.sun_path, p, (size_t)n);
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)n + (n > 0 && p[0] != '\0'));
        return 0;
    }
    case AF_INET:
    case AF_INET6: {
        const char *fam = s->family == AF_INET ? "AF_INET" : "AF_INET6";
        if (!TUPLE_CHECK(o)) {
            vm_raise(Exc_TypeError, "%s(): %s address must be tuple, not %s", caller, fam, type_name(TYPE(o)));
            return -1;
        }
        ssize_t n = TUPLE_SIZE(o);
        if (s->family == AF_INET ? n != 2 : (n < 2 || n > 4)) {
            if (s->family == AF_INET) vm_raise(Exc_TypeError, "AF_INET address must be a pair (host, port)");
            else vm_raise(Exc_TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            return -1;
        }
        int port;
        if (port_arg(TUPLE_ITEMS(o)[1], caller, &port) < 0) return -1;
        if (set_ip_addr(TUPLE_ITEMS(o)[0], s->family, addr, len) < 0) return -1;
        if (s->family == AF_INET) {
            addr->in4.sin_port = htons((uint16_t)port);
        } else {
            addr->in6.sin6_port = htons((uint16_t)port);
            if (n > 2) {
                long v = int_as_long(TUPLE_ITEMS(o)[2]);
                if (v == -1 && err_occurred()) return -1;
                addr->in6.sin6_flowinfo = htonl((uint32_t)v);
            }
            if (n > 3) {
                long v = int_as_long(TUPLE_ITEMS(o)[3]);
                if (v == -1 && err_occurred()) return -1;
                addr->in6.sin6_scope_id = (uint32_t)v;
            }
        }
        return 0;
    }
    default:
        vm_raise(Exc_OSError, "%s(): bad family", caller);
        return -1;
    }
}

// CPython's makesockaddr: the Python form of an address.
static Object *sockaddr_to_obj(const SockAddr *addr, socklen_t len) {
    if (len == 0) RETURN_NONE;
    switch (addr->sa.sa_family) {
    case AF_INET: {
        char buf[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &addr->in4.sin_addr, buf, sizeof buf);
        Object *h = str_from_cstr(buf), *p = int_from_long(ntohs(addr->in4.sin_port));
        Object *t = h && p ? tuple_pack(2, h, p) : NULL;
        XDECREF(h);
        XDECREF(p);
        return t;
    }
    case AF_INET6: {
        char buf[INET6_ADDRSTRLEN];
        inet_ntop(AF_INET6, &addr->in6.sin6_addr, buf, sizeof buf);
        Object *h = str_from_cstr(buf), *p = int_from_long(ntohs(addr->in6.sin6_port));
        Object *f = int_from_ulong(ntohl(addr->in6.sin6_flowinfo)), *sc = int_from_ulong(addr->in6.sin6_scope_id);
        Object *t = h && p && f && sc ? tuple_pack(4, h, p, f, sc) : NULL;
        XDECREF(h);
        XDECREF(p);
        XDECREF(f);
        XDECREF(sc);
        return t;
    }
    case AF_UNIX: {
        ssize_t n = (ssize_t)len - (ssize_t)offsetof(struct sockaddr_un, sun_path);
        if (n <= 0) return str_empty();
        const char *p = addr->un.sun_path;
        if (p[0] == '\0') return bytes_from(p, n);  // Linux abstract namespace
        return str_from_utf8(p, (ssize_t)strnlen(p, (size_t)n));
    }
    default: {
        Object *f = int_from_long(addr->sa.sa_family), *d = bytes_from(addr->sa.sa_data, sizeof addr->sa.sa_data);
        Object *t = f && d ? tuple_pack(2, f, d) : NULL;
        XDECREF(f);
        XDECREF(d);
        return t;
    }
    }
}

// ---- Waiting and calling ------------------------------------------------------------------

static int set_fd_blocking(int fd, bool blocking) {
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return -1;
    int nfl = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
    if (nfl != fl && fcntl(fd, F_SETFL, nfl) < 0) return -1;
    return 0;
}

// One attempt of a socket operation, run with the GIL released: returns
// >= 0 on success, -1 with errno set.
typedef ssize_t (*SockFunc)(int fd, void *data);

// CPython's sock_call_ex: runs func on s following the socket's timeout
// (see the notes at the top). Returns func's result, or -1 with an
// exception set (TimeoutError, BlockingIOError, OSError, or whatever a
// signal handler raised).
static ssize_t sock_call(SocketObject *s, bool writing, SockFunc func, void *data, double timeout) {
    int fd = s->fd;
    double deadline = timeout > 0 ? io_monotonic() + timeout : 0;
    bool wait_first = timeout > 0;
    for (;;) {
        if (wait_first) {
            double left = deadline - io_monotonic();
            if (left <= 0) {
                raise_timeout();
                return -1;
            }
            struct pollfd pfd = {fd, writing ? POLLOUT : POLLIN, 0};
            double ms = ceil(left * 1000.0);
            int r = select_poll_wait(&pfd, 1, ms > INT_MAX ? INT_MAX : (int)ms);
            if (r < 0) {
                if (!err_occurred()) err_from_errno(NULL);
                return -1;
            }
            if (r == 0) {
                raise_timeout();
                return -1;
            }
        }
        vm_blocking_begin();
        ssize_t r = func(fd, data);
        int e = errno;
        vm_blocking_end();
        if (r >= 0) return r;
        if (e == EINTR) {
            if (eval_handle_breaker_public() < 0) return -1;
            continue;
        }
        if (timeout > 0 && (e == EAGAIN || e == EWOULDBLOCK)) {
            wait_first = true;  // a false alarm: wait again
            continue;
        }
        errno = e;
        err_from_errno(NULL);
        return -1;
    }
}

// ---- The socket type --------------------------------------------------------------------------

#define METH(name) static Object *sock_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
#define SELF ((SocketObject *)self)

static Object *sock_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)type_generic_alloc(t, 0);
    if (!s) return NULL;
    s->fd = -1;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->timeout = -1;
    return (Object *)s;
}

// Applies the timeout to the descriptor's blocking mode.
static int sock_apply_timeout(SocketObject *s, double timeout) {
    s->timeout = timeout;
    if (s->fd >= 0 && set_fd_blocking(s->fd, timeout < 0) < 0) {
        err_from_errno(NULL);
        return -1;
    }
    return 0;
}

static int int_or_default(Object *o, int dflt, int *out) {
    if (!o || o == None) {
        *out = dflt;
        return 0;
    }
    long v = int_as_long(o);
    if (v == -1 && err_occurred()) return -1;
    *out = (int)v;
    return 0;
}

static int sock_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"family", "type", "proto", "fileno"};
    Object *a[4] = {NULL, NULL, NULL, NULL};
    if (args_parse("socket", args, nargs, kwnames, names, 4, 0, a) < 0) return -1;
    int family, type, proto;
    if (int_or_default(a[0], -1, &family) < 0 || int_or_default(a[1], -1, &type) < 0 ||
        int_or_default(a[2], -1, &proto) < 0)
        return -1;
    int fd;
    if (a[3] && a[3] != None) {
        if (FLOAT_CHECK(a[3])) {
            vm_raise(Exc_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        long v = int_as_long(a[3]);
        if (v == -1 && err_occurred()) return -1;
        if (v < 0) {
            vm_raise(Exc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
        socklen_t sl = sizeof(int);
        int tmp;
        if (family == -1) {
            if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &tmp, &sl) < 0) goto fd_error;
            family = tmp;
        }
        if (type == -1) {
            sl = sizeof(int);
            if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &tmp, &sl) < 0) goto fd_error;
            type = tmp;
        }
        if (proto == -1) {
            sl = sizeof(int);
            if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &tmp, &sl) < 0) goto fd_error;
            proto = tmp;
        }
    } else {
        if (family == -1) family = AF_INET;
        if (type == -1) type = SOCK_STREAM;
        if (proto == -1) proto = 0;
        vm_blocking_begin();
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        int e = errno;
        vm_blocking_end();
        if (fd < 0) {
            errno = e;
            err_from_errno(NULL);
            return -1;
        }
    }
    SocketObject *s = SELF;
    if (s->fd >= 0) close(s->fd);
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    double timeout = (type & SOCK_NONBLOCK) ? 0 : default_timeout;
    return sock_apply_timeout(s, timeout);
fd_error:
    err_from_errno(NULL);
    return -1;
}

static void sock_dealloc(Object *self) {
    if (SELF->fd >= 0) close(SELF->fd);
    SELF->fd = -1;
    obj_free(self);
}

static Object *sock_repr(Object *self) {
    return str_from_format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", SELF->fd, SELF->family, SELF->type,
                           SELF->proto);
}

METH(fileno) { return int_from_long(SELF->fd); }

METH(close) {
    int fd = SELF->fd;
    if (fd >= 0) {
        SELF->fd = -1;
        vm_blocking_begin();
        int r = close(fd);
        int e = errno;
        vm_blocking_end();
        // As CPython: ECONNRESET on close means the peer went first; fine.
        if (r < 0 && e != ECONNRESET && e != EINTR) {
            errno = e;
            return err_from_errno(NULL);
        }
    }
    RETURN_NONE;
}

METH(detach) {
    int fd = SELF->fd;
    SELF->fd = -1;
    return int_from_long(fd);
}

METH(bind) {
    if (args_no_kw("bind", kwnames) < 0 || args_count("bind", nargs, 1, 1) < 0) return NULL;
    SockAddr addr;
    socklen_t len;
    if (sockaddr_arg(SELF, args[0], "bind", &addr, &len) < 0) return NULL;
    if (bind(SELF->fd, &addr.sa, len) < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

METH(listen) {
    if (args_no_kw("listen", kwnames) < 0 || args_count("listen", nargs, 0, 1) < 0) return NULL;
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (nargs) {
        long v = int_as_long(args[0]);
        if (v == -1 && err_occurred()) return NULL;
        backlog = v < 0 ? 0 : (int)v;
    }
    if (listen(SELF->fd, backlog) < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

typedef struct {
    SockAddr addr;
    socklen_t len;
    int newfd;
} AcceptData;

static ssize_t accept_func(int fd, void *data) {
    AcceptData *d = data;
    d->len = sizeof d->addr;
    d->newfd = accept4(fd, &d->addr.sa, &d->len, SOCK_CLOEXEC);
    return d->newfd;
}

// _accept() -> (fd, address): socket.accept() wraps the descriptor.
METH(_accept) {
    AcceptData d;
    if (sock_call(SELF, false, accept_func, &d, SELF->timeout) < 0) return NULL;
    Object *fd = int_from_long(d.newfd), *addr = sockaddr_to_obj(&d.addr, d.len);
    Object *t = fd && addr ? tuple_pack(2, fd, addr) : NULL;
    XDECREF(fd);
    XDECREF(addr);
    if (!t) close(d.newfd);
    return t;
}

static ssize_t so_error_func(int fd, void *data) {
    int err = 0;
    socklen_t sl = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &sl) < 0) return -1;
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}

// CPython's internal_connect: returns 0 or an errno (raise: -1 with an
// exception set for errors connect_ex does not report, such as timeouts).
static int do_connect(SocketObject *s, Object *address, const char *caller, bool raise) {
    SockAddr addr;
    socklen_t len;
    if (sockaddr_arg(s, address, caller, &addr, &len) < 0) return -1;
    int fd = s->fd;
    int r, e;
    for (;;) {
        vm_blocking_begin();
        r = connect(fd, &addr.sa, len);
        e = errno;
        vm_blocking_end();
        if (r == 0) return 0;
        if (e != EINTR) break;
        if (eval_handle_breaker_public() < 0) return -1;
        if (s->timeout == 0) return EINTR;
        // An interrupted blocking connect goes on in the background: wait
        // for it as for EINPROGRESS.
        e = EINPROGRESS;
        break;
    }
    if (e == EINPROGRESS && s->timeout != 0) {
        // Wait for the connection with the socket's timeout (forever when
        // blocking), then read its outcome.
        double timeout = s->timeout < 0 ? -1 : s->timeout;
        if (timeout < 0) {
            struct pollfd pfd = {fd, POLLOUT, 0};
            int pr = select_poll_wait(&pfd, 1, -1);
            if (pr < 0) {
                if (!err_occurred()) err_from_errno(NULL);
                return -1;
            }
            errno = 0;
            if (so_error_func(fd, NULL) < 0) e = errno;
            else return 0;
        } else {
            ssize_t rr = sock_call(s, true, so_error_func, NULL, timeout);
            if (rr >= 0) return 0;
            if (raise || err_matches(Exc_TimeoutError) || !err_matches(Exc_OSError)) return -1;
            Object *exc = err_fetch();
            Object *en = obj_getattr_str(exc, "errno");
            long v = en && INT_CHECK(en) ? int_as_long(en) : -1;
            XDECREF(en);
            if (v < 0) {
                err_restore(exc);
                return -1;
            }
            DECREF(exc);
            return (int)v;
        }
    }
    if (raise) {
        errno = e;
        err_from_errno(NULL);
        return -1;
    }
    return e;
}

METH(connect) {
    if (args_no_kw("connect", kwnames) < 0 || args_count("connect", nargs, 1, 1) < 0) return NULL;
    int r = do_connect(SELF, args[0], "connect", true);
    if (r < 0) return NULL;
    if (r > 0) {
        errno = r;
        return err_from_errno(NULL);
    }
    RETURN_NONE;
}

METH(connect_ex) {
    if (args_no_kw("connect_ex", kwnames) < 0 || args_count("connect_ex", nargs, 1, 1) < 0) return NULL;
    int r = do_connect(SELF, args[0], "connect_ex", false);
    if (r < 0) return NULL;
    return int_from_long(r);
}

typedef struct {
    const void *buf;
    size_t len;
    int flags;
    const SockAddr *addr;
    socklen_t addrlen;
} SendData;

static ssize_t send_func(int fd, void *data) {
    SendData *d = data;
    if (d->addr) return sendto(fd, d->buf, d->len, d->flags | MSG_NOSIGNAL, &d->addr->sa, d->addrlen);
    return send(fd, d->buf, d->len, d->flags | MSG_NOSIGNAL);
}

static int data_arg(Object *o) {
    if (!BYTES_CHECK(o)) {
        vm_raise(Exc_TypeError, "a bytes-like object is required, not '%s'", type_name(TYPE(o)));
        return -1;
    }
    return 0;
}

static int flags_arg(Object *o, int *out) {
    if (!o) {
        *out = 0;
        return 0;
    }
    long v = int_as_long(o);
    if (v == -1 && err_occurred()) return -1;
    *out = (int)v;
    return 0;
}

METH(send) {
    if (args_no_kw("send", kwnames) < 0 || args_count("send", nargs, 1, 2) < 0) return NULL;
    if (data_arg(args[0]) < 0) return NULL;
    SendData d = {BYTES_DATA(args[0]), (size_t)BYTES_SIZE(args[0]), 0, NULL, 0};
    if (flags_arg(nargs > 1 ? args[1] : NULL, &d.flags) < 0) return NULL;
    ssize_t r = sock_call(SELF, true, send_func, &d, SELF->timeout);
    if (r < 0) return NULL;
    return int_from_ssize(r);
}

METH(sendall) {
    if (args_no_kw("sendall", kwnames) < 0 || args_count("sendall", nargs, 1, 2) < 0) return NULL;
    if (data_arg(args[0]) < 0) return NULL;
    Object *data = NEWREF(args[0]);
    SendData d = {BYTES_DATA(data), (size_t)BYTES_SIZE(data), 0, NULL, 0};
    if (flags_arg(nargs > 1 ? args[1] : NULL, &d.flags) < 0) {
        DECREF(data);
        return NULL;
    }
    // The timeout bounds the whole call, not each send().
    double deadline = SELF->timeout > 0 ? io_monotonic() + SELF->timeout : 0;
    while (d.len > 0) {
        double timeout = SELF->timeout;
        if (timeout > 0) {
            timeout = deadline - io_monotonic();
            if (timeout <= 0) {
                DECREF(data);
                return raise_timeout();
            }
        }
        ssize_t r = sock_call(SELF, true, send_func, &d, timeout);
        if (r < 0) {
            DECREF(data);
            return NULL;
        }
        d.buf = (const char *)d.buf + r;
        d.len -= (size_t)r;
        // Let signal handlers run between chunks, as CPython.
        if (d.len && eval_handle_breaker_public() < 0) {
            DECREF(data);
            return NULL;
        }
    }
    DECREF(data);
    RETURN_NONE;
}

METH(sendto) {
    if (args_no_kw("sendto", kwnames) < 0 || args_count("sendto", nargs, 2, 3) < 0) return NULL;
    if (data_arg(args[0]) < 0) return NULL;
    SendData d = {BYTES_DATA(args[0]), (size_t)BYTES_SIZE(args[0]), 0, NULL, 0};
    if (nargs == 3 && flags_arg(args[1], &d.flags) < 0) return NULL;
    SockAddr addr;
    if (sockaddr_arg(SELF, args[nargs - 1], "sendto", &addr, &d.addrlen) < 0) return NULL;
    d.addr = &addr;
    ssize_t r = sock_call(SELF, true, send_func, &d, SELF->timeout);
    if (r < 0) return NULL;
    return int_from_ssize(r);
}

typedef struct {
    void *buf;
    size_t len;
    int flags;
    SockAddr addr;
    socklen_t addrlen;
    bool from;
} RecvData;

static ssize_t recv_func(int fd, void *data) {
    RecvData *d = data;
    if (d->from) {
        d->addrlen = sizeof d->addr;
        return recvfrom(fd, d->buf, d->len, d->flags, &d->addr.sa, &d->addrlen);
    }
    return recv(fd, d->buf, d->len, d->flags);
}

static Object *do_recv(SocketObject *s, const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
                       bool from) {
    if (args_no_kw(fname, kwnames) < 0 || args_count(fname, nargs, 1, 2) < 0) return NULL;
    ssize_t n = num_as_ssize(args[0], Exc_OverflowError);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 0) return vm_raise(Exc_ValueError, "negative buffersize in %s", fname);
    RecvData d;
    memset(&d, 0, sizeof d);
    if (flags_arg(nargs > 1 ? args[1] : NULL, &d.flags) < 0) return NULL;
    Object *buf = bytes_new_uninit(n);
    if (!buf) return NULL;
    d.buf = BYTES_DATA(buf);
    d.len = (size_t)n;
    d.from = from;
    ssize_t r = sock_call(s, false, recv_func, &d, s->timeout);
    if (r < 0) {
        DECREF(buf);
        return NULL;
    }
    if (r != n) {
        Object *b = bytes_from(BYTES_DATA(buf), r);
        DECREF(buf);
        if (!(buf = b)) return NULL;
    }
    if (!from) return buf;
    Object *addr = sockaddr_to_obj(&d.addr, d.addrlen);
    Object *t = addr ? tuple_pack(2, buf, addr) : NULL;
    DECREF(buf);
    XDECREF(addr);
    return t;
}

METH(recv) { return do_recv(SELF, "recv", args, nargs, kwnames, false); }
METH(recvfrom) { return do_recv(SELF, "recvfrom", args, nargs, kwnames, true); }

METH(shutdown) {
    if (args_count("shutdown", nargs, 1, 1) < 0) return NULL;
    long how = int_as_long(args[0]);
    if (how == -1 && err_occurred()) return NULL;
    if (shutdown(SELF->fd, (int)how) < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

METH(setblocking) {
    if (args_count("setblocking", nargs, 1, 1) < 0) return NULL;
    int b = obj_istrue(args[0]);
    if (b < 0) return NULL;
    if (sock_apply_timeout(SELF, b ? -1 : 0) < 0) return NULL;
    RETURN_NONE;
}

METH(getblocking) {
    if (args_count("getblocking", nargs, 0, 0) < 0) return NULL;
    return NEWREF(bool_from(SELF->timeout != 0));
}

METH(settimeout) {
    if (args_count("settimeout", nargs, 1, 1) < 0) return NULL;
    double t;
    if (io_timeout_arg(args[0], NULL, "Timeout value out of range", &t) < 0) return NULL;
    if (sock_apply_timeout(SELF, t) < 0) return NULL;
    RETURN_NONE;
}

static Object *timeout_obj(double t) {
    if (t < 0) RETURN_NONE;
    return float_from_double(t);
}

METH(gettimeout) {
    if (args_count("gettimeout", nargs, 0, 0) < 0) return NULL;
    return timeout_obj(SELF->timeout);
}

METH(setsockopt) {
    if (args_no_kw("setsockopt", kwnames) < 0 || args_count("setsockopt", nargs, 3, 3) < 0) return NULL;
    long level = int_as_long(args[0]);
    if (level == -1 && err_occurred()) return NULL;
    long opt = int_as_long(args[1]);
    if (opt == -1 && err_occurred()) return NULL;
    int r;
    if (BYTES_CHECK(args[2])) {
        r = setsockopt(SELF->fd, (int)level, (int)opt, BYTES_DATA(args[2]), (socklen_t)BYTES_SIZE(args[2]));
    } else {
        long v = int_as_long(args[2]);
        if (v == -1 && err_occurred()) return NULL;
        int iv = (int)v;
        r = setsockopt(SELF->fd, (int)level, (int)opt, &iv, sizeof iv);
    }
    if (r < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

METH(getsockopt) {
    if (args_no_kw("getsockopt", kwnames) < 0 || args_count("getsockopt", nargs, 2, 3) < 0) return NULL;
    long level = int_as_long(args[0]);
    if (level == -1 && err_occurred()) return NULL;
    long opt = int_as_long(args[1]);
    if (opt == -1 && err_occurred()) return NULL;
    if (nargs == 2) {
        int v = 0;
        socklen_t sl = sizeof v;
        if (getsockopt(SELF->fd, (int)level, (int)opt, &v, &sl) < 0) return err_from_errno(NULL);
        return int_from_long(v);
    }
    long buflen = int_as_long(args[2]);
    if (buflen == -1 && err_occurred()) return NULL;
    if (buflen <= 0 || buflen > 1024) return vm_raise(Exc_OSError, "getsockopt buflen out of range");
    char buf[1024];
    socklen_t sl = (socklen_t)buflen;
    if (getsockopt(SELF->fd, (int)level, (int)opt, buf, &sl) < 0) return err_from_errno(NULL);
    return bytes_from(buf, (ssize_t)sl);
}

METH(getsockname) {
    if (args_count("getsockname", nargs, 0, 0) < 0) return NULL;
    SockAddr addr;
    memset(&addr, 0, sizeof addr);
    socklen_t len = sizeof addr;
    if (getsockname(SELF->fd, &addr.sa, &len) < 0) return err_from_errno(NULL);
    return sockaddr_to_obj(&addr, len);
}

METH(getpeername) {
    if (args_count("getpeername", nargs, 0, 0) < 0) return NULL;
    SockAddr addr;
    memset(&addr, 0, sizeof addr);
    socklen_t len = sizeof addr;
    if (getpeername(SELF->fd, &addr.sa, &len) < 0) return err_from_errno(NULL);
    return sockaddr_to_obj(&addr, len);
}

static Object *sock_get_family(Object *self, void *c) { return int_from_long(SELF->family); }
static Object *sock_get_type(Object *self, void *c) { return int_from_long(SELF->type); }
static Object *sock_get_proto(Object *self, void *c) { return int_from_long(SELF->proto); }
static Object *sock_get_timeout(Object *self, void *c) { return timeout_obj(SELF->timeout); }

static const MethodDef sock_methods[] = {
    {"fileno", sock_fileno, 0, "Return the integer file descriptor of the socket."},
    {"close", sock_close, 0, "Close the socket."},
    {"detach", sock_detach, 0, "Close the socket object without closing the underlying file descriptor."},
    {"bind", sock_bind, 0, "Bind the socket to a local address."},
    {"listen", sock_listen, 0, "Enable a server to accept connections."},
    {"_accept", sock__accept, 0, "Wait for an incoming connection; return (fd, address)."},
    {"connect", sock_connect, 0, "Connect the socket to a remote address."},
    {"connect_ex", sock_connect_ex, 0, "Like connect(address), but return an error code instead of raising."},
    {"send", sock_send, 0, "Send a data string to the socket."},
    {"sendall", sock_sendall, 0, "Send a data string to the socket, until all data is sent."},
    {"sendto", sock_sendto, 0, "Like send(data, flags) but allows specifying the destination address."},
    {"recv", sock_recv, 0, "Receive up to buffersize bytes from the socket."},
    {"recvfrom", sock_recvfrom, 0, "Like recv(buffersize, flags) but also return the sender's address info."},
    {"shutdown", sock_shutdown, 0, "Shut down the reading side of the socket, the writing side, or both."},
    {"setblocking", sock_setblocking, 0, "Set the socket to blocking (flag is true) or non-blocking (false)."},
    {"getblocking", sock_getblocking, 0, "Return True if socket is in blocking mode, or False if it is non-blocking."},
    {"settimeout", sock_settimeout, 0, "Set a timeout on socket operations."},
    {"gettimeout", sock_gettimeout, 0, "Returns the timeout in seconds (float) associated with socket operations."},
    {"setsockopt", sock_setsockopt, 0, "Set a socket option."},
    {"getsockopt", sock_getsockopt, 0, "Get a socket option."},
    {"getsockname", sock_getsockname, 0, "Return the address of the local endpoint."},
    {"getpeername", sock_getpeername, 0, "Return the address of the remote endpoint."},
    {NULL, NULL, 0, NULL}};

static const GetSetDef sock_getset[] = {
    {"family", sock_get_family, NULL, NULL},
    {"type", sock_get_type, NULL, NULL},
    {"proto", sock_get_proto, NULL, NULL},
    {"timeout", sock_get_timeout, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject SocketType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_socket.socket",
    .basicsize = sizeof(SocketObject),
    .flags = TPFLAGS_BASETYPE,
    .doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object",
    .dealloc = sock_dealloc,
    .repr = sock_repr,
    .tp_new = sock_tp_new,
    .init = sock_init,
    .methods = sock_methods,
    .getset = sock_getset,
};

// ---- Module functions -------------------------------------------------------------------------

#define FN(name) static Object *socket_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

static Object *socket_from_fd(int fd, int family, int type, int proto) {
    SocketObject *s = (SocketObject *)sock_tp_new(&SocketType, NULL, 0, NULL);
    if (!s) {
        close(fd);
        return NULL;
    }
    s->fd = fd;
    s->family = family;
    s->type = type;
    s->proto = proto;
    if (sock_apply_timeout(s, default_timeout) < 0) {
        DECREF(s);
        return NULL;
    }
    return (Object *)s;
}

FN(socketpair) {
    static const char *const names[] = {"family", "type", "proto"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("socketpair", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
    int family, type, proto;
    if (int_or_default(a[0], AF_UNIX, &family) < 0 || int_or_default(a[1], SOCK_STREAM, &type) < 0 ||
        int_or_default(a[2], 0, &proto) < 0)
        return NULL;
    int sv[2];
    if (socketpair(family, type | SOCK_CLOEXEC, proto, sv) < 0) return err_from_errno(NULL);
    Object *x = socket_from_fd(sv[0], family, type, proto);
    Object *y = socket_from_fd(sv[1], family, type, proto);
    Object *t = x && y ? tuple_pack(2, x, y) : NULL;
    XDECREF(x);
    XDECREF(y);
    return t;
}

FN(gethostname) {
    if (args_count("gethostname", nargs, 0, 0) < 0) return NULL;
    char buf[1024];
    if (gethostname(buf, sizeof buf - 1) < 0) return err_from_errno(NULL);
    buf[sizeof buf - 1] = '\0';
    return str_from_cstr(buf);
}

FN(getdefaulttimeout) { return timeout_obj(default_timeout); }

FN(setdefaulttimeout) {
    if (args_count("setdefaulttimeout", nargs, 1, 1) < 0) return NULL;
    double t;
    if (io_timeout_arg(args[0], NULL, "Timeout value out of range", &t) < 0) return NULL;
    default_timeout = t;
    RETURN_NONE;
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0): a list of
// (family, type, proto, canonname, sockaddr), resolved with the GIL released.
FN(getaddrinfo) {
    static const char *const names[] = {"host", "port", "family", "type", "proto", "flags"};
    Object *a[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    if (args_parse("getaddrinfo", args, nargs, kwnames, names, 6, 2, a) < 0) return NULL;
    char *host = NULL, *port = NULL;
    Object *result = NULL;
    if (a[0] != None) {
        if (STR_CHECK(a[0])) host = strdup(STR_DATA(a[0]));
        else if (BYTES_CHECK(a[0])) host = strdup((const char *)BYTES_DATA(a[0]));
        else return vm_raise(Exc_TypeError, "getaddrinfo() argument 1 must be string or None");
    }
    if (a[1] != None) {
        if (INT_CHECK(a[1])) {
            long p = int_as_long(a[1]);
            if (p == -1 && err_occurred()) goto done;
            char buf[32];
            snprintf(buf, sizeof buf, "%ld", p);
            port = strdup(buf);
        } else if (STR_CHECK(a[1])) {
            port = strdup(STR_DATA(a[1]));
        } else if (BYTES_CHECK(a[1])) {
            port = strdup((const char *)BYTES_DATA(a[1]));
        } else {
            vm_raise(Exc_OSError, "Int or String expected");
            goto done;
        }
    }
    int family, type, proto, flags;
    if (int_or_default(a[2], 0, &family) < 0 || int_or_default(a[3], 0, &type) < 0 ||
        int_or_default(a[4], 0, &proto) < 0 || int_or_default(a[5], 0, &flags) < 0)
        goto done;
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = type;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    vm_blocking_begin();
    int r = getaddrinfo(host, port, &hints, &res);
    vm_blocking_end();
    if (r != 0) {
        raise_gaierror(r);
        goto done;
    }
    if (!(result = list_new(0))) goto free_res;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        SockAddr sa;
        memset(&sa, 0, sizeof sa);
        memcpy(&sa, ai->ai_addr, ai->ai_addrlen < sizeof sa ? ai->ai_addrlen : sizeof sa);
        Object *f = int_from_long(ai->ai_family), *t = int_from_long(ai->ai_socktype);
        Object *p = int_from_long(ai->ai_protocol);
        Object *cn = str_from_cstr(ai->ai_canonname ? ai->ai_canonname : "");
        Object *ad = sockaddr_to_obj(&sa, ai->ai_addrlen);
        Object *item = f && t && p && cn && ad ? tuple_pack(5, f, t, p, cn, ad) : NULL;
        XDECREF(f);
        XDECREF(t);
        XDECREF(p);
        XDECREF(cn);
        XDECREF(ad);
        if (!item || list_append(result, item) < 0) {
            XDECREF(item);
            CLEAR(result);
            break;
        }
        DECREF(item);
    }
free_res:
    freeaddrinfo(res);
done:
    free(host);
    free(port);
    return result;
}

FN(gethostbyname) {
    if (args_count("gethostbyname", nargs, 1, 1) < 0) return NULL;
    SockAddr addr;
    socklen_t len;
    if (!STR_CHECK(args[0])) return vm_raise(Exc_TypeError, "gethostbyname() argument 1 must be str, not %s", type_name(TYPE(args[0])));
    if (set_ip_addr(args[0], AF_INET, &addr, &len) < 0) return NULL;
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &addr.in4.sin_addr, buf, sizeof buf);
    return str_from_cstr(buf);
}

static Object *swap16(Object *const *args, ssize_t nargs, const char *fname, bool to_net) {
    if (args_count(fname, nargs, 1, 1) < 0) return NULL;
    long v = int_as_long(args[0]);
    if (v == -1 && err_occurred()) return NULL;
    if (v < 0 || v > 0xffff) return vm_raise(Exc_OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", fname);
    return int_from_long(to_net ? htons((uint16_t)v) : ntohs((uint16_t)v));
}

static Object *swap32(Object *const *args, ssize_t nargs, const char *fname, bool to_net) {
    if (args_count(fname, nargs, 1, 1) < 0) return NULL;
    long v = int_as_long(args[0]);
    if (v == -1 && err_occurred()) return NULL;
    if (v < 0 || v > 0xffffffffL) return vm_raise(Exc_OverflowError, "int larger than 32 bits");
    return int_from_ulong(to_net ? htonl((uint32_t)v) : ntohl((uint32_t)v));
}

FN(htons) { return swap16(args, nargs, "htons", true); }
FN(ntohs) { return swap16(args, nargs, "ntohs", false); }
FN(htonl) { return swap32(args, nargs, "htonl", true); }
FN(ntohl) { return swap32(args, nargs, "ntohl", false); }

static const MethodDef socket_functions[] = {
    {"socketpair", socket_socketpair, 0, "Create a pair of socket objects from the sockets returned by socketpair()."},
    {"gethostname", socket_gethostname, 0, "Return the current host name."},
    {"gethostbyname", socket_gethostbyname, 0, "Return the IP address (a string of the form '255.255.255.255') for a host."},
    {"getaddrinfo", socket_getaddrinfo, 0, "Resolve host and port into addrinfo struct."},
    {"getdefaulttimeout", socket_getdefaulttimeout, 0, "Returns the default timeout in seconds (float) for new socket objects."},
    {"setdefaulttimeout", socket_setdefaulttimeout, 0, "Set the default timeout in seconds (float) for new socket objects."},
    {"htons", socket_htons, 0, "Convert a 16-bit unsigned integer from host to network byte order."},
    {"ntohs", socket_ntohs, 0, "Convert a 16-bit unsigned integer from network to host byte order."},
    {"htonl", socket_htonl, 0, "Convert a 32-bit integer from host to network byte order."},
    {"ntohl", socket_ntohl, 0, "Convert a 32-bit integer from network to host byte order."},
    {NULL, NULL, 0, NULL}};

static const struct {
    const char *name;
    long value;
} socket_constants[] = {
    {"AF_UNSPEC", AF_UNSPEC},       {"AF_INET", AF_INET},         {"AF_INET6", AF_INET6},
    {"AF_UNIX", AF_UNIX},           {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM},
    {"SOCK_RAW", SOCK_RAW},         {"SOCK_SEQPACKET", SOCK_SEQPACKET},
    {"SOCK_NONBLOCK", SOCK_NONBLOCK}, {"SOCK_CLOEXEC", SOCK_CLOEXEC},
    {"SOL_SOCKET", SOL_SOCKET},     {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT},
    {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_BROADCAST", SO_BROADCAST}, {"SO_ERROR", SO_ERROR},
    {"SO_TYPE", SO_TYPE},           {"SO_RCVBUF", SO_RCVBUF},     {"SO_SNDBUF", SO_SNDBUF},
    {"SO_LINGER", SO_LINGER},       {"SO_DOMAIN", SO_DOMAIN},     {"SO_PROTOCOL", SO_PROTOCOL},
    {"SO_ACCEPTCONN", SO_ACCEPTCONN},
    {"IPPROTO_IP", IPPROTO_IP},     {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP},
    {"IPPROTO_IPV6", IPPROTO_IPV6}, {"TCP_NODELAY", TCP_NODELAY}, {"TCP_KEEPIDLE", TCP_KEEPIDLE},
    {"IPV6_V6ONLY", IPV6_V6ONLY},
    {"SHUT_RD", SHUT_RD},           {"SHUT_WR", SHUT_WR},         {"SHUT_RDWR", SHUT_RDWR},
    {"SOMAXCONN", SOMAXCONN},
    {"MSG_PEEK", MSG_PEEK},         {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL},
    {"MSG_OOB", MSG_OOB},           {"MSG_NOSIGNAL", MSG_NOSIGNAL},
    {"AI_PASSIVE", AI_PASSIVE},     {"AI_CANONNAME", AI_CANONNAME}, {"AI_NUMERICHOST", AI_NUMERICHOST},
    {"AI_NUMERICSERV", AI_NUMERICSERV}, {"AI_ADDRCONFIG", AI_ADDRCONFIG},
    {"NI_NUMERICHOST", NI_NUMERICHOST}, {"NI_NUMERICSERV", NI_NUMERICSERV},
    {"EAI_NONAME", EAI_NONAME},     {"EAI_AGAIN", EAI_AGAIN},     {"EAI_FAIL", EAI_FAIL},
    {"INADDR_ANY", INADDR_ANY},     {"INADDR_LOOPBACK", INADDR_LOOPBACK},
    {NULL, 0}};

// A subclass of OSError made at start-up, as socket.gaierror and socket.herror.
static TypeObject *new_error_class(const char *name) {
    Object *n = str_from_cstr(name), *bases = tuple_pack(1, (Object *)Exc_OSError), *d = dict_new();
    Object *mod = str_from_cstr("socket");
    Object *cls = NULL;
    if (n && bases && d && mod && dict_setitem(d, S___module__, mod) == 0)
        cls = type_new_class(&TypeType, n, bases, d);
    XDECREF(n);
    XDECREF(bases);
    XDECREF(d);
    XDECREF(mod);
    return (TypeObject *)cls;
}

Object *module_init__socket(void) {
    type_ready(&SocketType);
    Object *m = module_new_cstr("_socket");
    if (!m) return NULL;
    // The error classes live as long as the process (like static types).
    if (!Exc_gaierror && !(Exc_gaierror = new_error_class("gaierror"))) goto fail;
    if (!Exc_herror && !(Exc_herror = new_error_class("herror"))) goto fail;
    if (module_add_functions(m, socket_functions) < 0 || module_add_object(m, "socket", (Object *)&SocketType) < 0 ||
        module_add_object(m, "SocketType", (Object *)&SocketType) < 0 ||
        module_add_object(m, "error", (Object *)Exc_OSError) < 0 ||
        module_add_object(m, "timeout", (Object *)Exc_TimeoutError) < 0 ||
        module_add_object(m, "gaierror", (Object *)Exc_gaierror) < 0 ||
        module_add_object(m, "herror", (Object *)Exc_herror) < 0)
        goto fail;
    for (int i = 0; socket_constants[i].name; i++)
        if (module_add_int(m, socket_constants[i].name, socket_constants[i].value) < 0) goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
