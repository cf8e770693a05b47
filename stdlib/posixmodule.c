// The posix module (CPython's Modules/posixmodule.c): the operating system
// calls `os` (stdlib/lib/os.py) is written on top of — processes, the
// environment, file descriptors, pipes, and files and directories by path.
//
// Every call that can block (read, write, open, close) runs with the GIL
// released, and calls interrupted by a signal are retried after the
// signal's handler ran (PEP 475), unless the handler raised. Errors raise
// OSError or the subclass its errno picks (FileNotFoundError, ...), with
// the path as `filename` where one was given.
//
// stat_result is a tuple subclass, as CPython's structseq: ten visible
// items (st_mode ... st_ctime as whole seconds) and hidden named fields
// after them (the float times, the nanosecond times, st_blksize, ...).
#include "iocommon.h"
#include "modules.h"
#include "../vm/fork.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <unistd.h>

extern char **environ;

#define FN(name) static Object *posix_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

// An int argument that must fit a C int.
static int int_arg(Object *o, int *out) {
    ssize_t v = num_as_ssize(o, Exc_OverflowError);
    if (v == -1 && err_occurred()) return -1;
    if (v > INT_MAX || v < INT_MIN) {
        vm_raise(Exc_OverflowError, v > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

// A file descriptor argument: an int (no fileno() here, as CPython's os).
static int fd_arg(Object *o, int *out) {
    if (FLOAT_CHECK(o)) {
        vm_raise(Exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    return int_arg(o, out);
}

// Raises from errno with one path (the object as the caller gave it).
static Object *raise_path(Object *path) { return err_from_errno(path); }

// ---- Processes ----------------------------------------------------------------------

FN(getpid) { return int_from_long((long)getpid()); }
FN(getppid) { return int_from_long((long)getppid()); }
FN(getuid) { return int_from_long((long)getuid()); }
FN(geteuid) { return int_from_long((long)geteuid()); }
FN(getgid) { return int_from_long((long)getgid()); }

FN(cpu_count) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) RETURN_NONE;
    return int_from_long(n);
}

FN(kill) {
    if (args_no_kw("kill", kwnames) < 0 || args_count("kill", nargs, 2, 2) < 0) return NULL;
    int pid, sig;
    if (int_arg(args[0], &pid) < 0 || int_arg(args[1], &sig) < 0) return NULL;
    if (kill((pid_t)pid, sig) < 0) return err_from_errno(NULL);
    // The signal may be for us: run its handler now, as CPython does.
    if (eval_handle_breaker_public() < 0) return NULL;
    RETURN_NONE;
}

FN(_exit) {
    if (args_count("_exit", nargs, 1, 1) < 0) return NULL;
    int st;
    if (int_arg(args[0], &st) < 0) return NULL;
    _exit(st);
}

// ---- exec (CPython's os.execv, os.execve) ------------------------------------------------

// Converts an execv argument list or execve environment entry list into a
// NULL-terminated C array. Each item is a path-like (str, bytes,
// os.PathLike) turned into a C string by io_path; the objects owning the
// strings are appended to keep, which must outlive the array. Returns the
// malloc'ed array (free it, not its strings) or NULL with an exception.
static char **exec_argv(Object *seq, const char *fname, Object *keep) {
    if (!LIST_CHECK(seq) && !TUPLE_CHECK(seq)) {
        vm_raise(Exc_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return NULL;
    }
    Object *items = tuple_from_iter(seq);
    if (!items) return NULL;
    ssize_t n = TUPLE_SIZE(items);
    if (n < 1) {
        vm_raise(Exc_ValueError, "%s() arg 2 must not be empty", fname);
        DECREF(items);
        return NULL;
    }
    char **argv = malloc(sizeof(char *) * (size_t)(n + 1));
    if (!argv) {
        DECREF(items);
        err_no_memory();
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        const char *s;
        Object *owner = NULL;
        bool b;
        if (io_path(TUPLE_ITEMS(items)[i], fname, "args", &s, &owner, &b) < 0 || list_append(keep, owner) < 0) {
            if (!err_occurred()) err_no_memory();
            XDECREF(owner);
            goto fail;
        }
        DECREF(owner);
        if (i == 0 && s[0] == '\0') {
            vm_raise(Exc_ValueError, "%s() arg 2 first element cannot be empty", fname);
            goto fail;
        }
        argv[i] = (char *)s;
    }
    argv[n] = NULL;
    DECREF(items);
    return argv;
fail:
    free(argv);
    DECREF(items);
    return NULL;
}

// The "KEY=VALUE" strings of an execve environment mapping (its keys()
// and, for each key, its item), in a NULL-terminated malloc'ed array whose
// strings keep owns.
static char **exec_envp(Object *env, Object *keep) {
    Object *keys = obj_call_method(env, "keys", NULL, 0);
    Object *list = keys ? list_from_iter(keys) : NULL;
    XDECREF(keys);
    if (!list) return NULL;
    ssize_t n = LIST_SIZE(list);
    char **envp = malloc(sizeof(char *) * (size_t)(n + 1));
    if (!envp) {
        DECREF(list);
        err_no_memory();
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        Object *k = LIST_ITEMS(list)[i], *v = obj_getitem(env, k);
        const char *ks = NULL, *vs = NULL;
        Object *ko = NULL, *vo = NULL;
        bool b;
        int r = v ? io_path(k, "execve", "env", &ks, &ko, &b) : -1;
        if (r == 0) r = io_path(v, "execve", "env", &vs, &vo, &b);
        XDECREF(v);
        if (r == 0 && (ks[0] == '\0' || strchr(ks + 1, '='))) {
            vm_raise(Exc_ValueError, "illegal environment variable name");
            r = -1;
        }
        Object *kv = r == 0 ? str_from_format("%s=%s", ks, vs) : NULL;
        XDECREF(ko);
        XDECREF(vo);
        if (!kv || list_append(keep, kv) < 0) {
            XDECREF(kv);
            free(envp);
            DECREF(list);
            return NULL;
        }
        envp[i] = (char *)STR_DATA(kv);
        DECREF(kv);
    }
    envp[n] = NULL;
    DECREF(list);
    return envp;
}

// os.execv(path, args) and os.execve(path, args, env): replace the process
// image. Only returns (raising OSError) if the exec failed. As in CPython,
// buffered output not yet flushed is lost, and descriptors stay open only
// if inheritable.
static Object *do_exec(const char *fname, Object *path, Object *args, Object *env) {
    const char *p;
    Object *owner;
    bool b;
    if (io_path(path, fname, "path", &p, &owner, &b) < 0) return NULL;
    Object *keep = list_new(0);
    char **argv = keep ? exec_argv(args, fname, keep) : NULL;
    char **envp = NULL;
    if (argv && env) {
        envp = exec_envp(env, keep);
        if (!envp) {
            free(argv);
            argv = NULL;
        }
    }
    if (argv) {
        if (envp)
            execve(p, argv, envp);
        else
            execv(p, argv);
        err_from_errno(NULL);
    }
    free(argv);
    free(envp);
    XDECREF(keep);
    DECREF(owner);
    return NULL;
}

FN(execv) {
    static const char *const names[] = {"path", "argv"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("execv", args, nargs, kwnames, names, 2, 2, a) < 0) return NULL;
    return do_exec("execv", a[0], a[1], NULL);
}

FN(execve) {
    static const char *const names[] = {"path", "argv", "env"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("execve", args, nargs, kwnames, names, 3, 3, a) < 0) return NULL;
    return do_exec("execve", a[0], a[1], a[2]);
}

// os._getrusage(who) (stdlib/lib/resource.py makes the struct_rusage): the
// sixteen numbers of getrusage(2), the two times as float seconds.
FN(_getrusage) {
    if (args_count("getrusage", nargs, 1, 1) < 0) return NULL;
    int who;
    if (int_arg(args[0], &who) < 0) return NULL;
    struct rusage ru;
    if (getrusage(who, &ru) < 0) {
        if (errno == EINVAL) {
            vm_raise(Exc_ValueError, "invalid who parameter");
            return NULL;
        }
        return err_from_errno(NULL);
    }
    long v[14] = {ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss,  ru.ru_isrss,    ru.ru_minflt,   ru.ru_majflt, ru.ru_nswap,
                  ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd, ru.ru_msgrcv, ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw};
    Object *tup = tuple_new(16);
    if (!tup) return NULL;
    TUPLE_ITEMS(tup)[0] = float_from_double((double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6);
    TUPLE_ITEMS(tup)[1] = float_from_double((double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6);
    for (int i = 0; i < 14; i++) TUPLE_ITEMS(tup)[2 + i] = int_from_long(v[i]);
    for (int i = 0; i < 16; i++)
        if (!TUPLE_ITEMS(tup)[i]) {
            DECREF(tup);
            return NULL;
        }
    return tup;
}

// ---- fork and wait (CPython's os.fork, os.register_at_fork, os.waitpid) ------------------

// The callables of os.register_at_fork(): lists, created on first use.
static Object *at_fork_before, *at_fork_parent, *at_fork_child;

static int add_at_fork(Object **list, Object *func) {
    if (!*list && !(*list = list_new(0))) return -1;
    return list_append(*list, func);
}

FN(register_at_fork) {
    static const char *const names[] = {"$before", "$after_in_child", "$after_in_parent"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("register_at_fork", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
    if (!a[0] && !a[1] && !a[2]) return vm_raise(Exc_TypeError, "At least one argument is required.");
    static const char *const what[] = {"before", "after_in_child", "after_in_parent"};
    for (int i = 0; i < 3; i++)
        if (a[i] && !obj_callable(a[i]))
            return vm_raise(Exc_TypeError, "'%s' must be callable, not %s", what[i], type_name(TYPE(a[i])));
    if ((a[0] && add_at_fork(&at_fork_before, a[0]) < 0) || (a[1] && add_at_fork(&at_fork_child, a[1]) < 0) ||
        (a[2] && add_at_fork(&at_fork_parent, a[2]) < 0))
        return NULL;
    RETURN_NONE;
}

// Calls the registered callables (newest first for `before`); an exception
// is reported as unraisable and the others still run, as CPython's
// run_at_forkers.
static void run_at_fork(Object *list, bool reverse) {
    if (!list || LIST_SIZE(list) == 0) return;
    Object *copy = list_new(0);
    if (!copy) {
        err_clear();
        return;
    }
    for (ssize_t i = 0; i < LIST_SIZE(list); i++) list_append(copy, LIST_ITEMS(list)[i]);
    ssize_t n = LIST_SIZE(copy);
    for (ssize_t k = 0; k < n; k++) {
        Object *fn = LIST_ITEMS(copy)[reverse ? n - 1 - k : k];
        Object *r = obj_call0(fn);
        if (r) DECREF(r);
        else err_write_unraisable(NULL, fn, err_fetch());
    }
    DECREF(copy);
}

FN(fork) {
    if (args_count("fork", nargs, 0, 0) < 0 || args_no_kw("fork", kwnames) < 0) return NULL;
    run_at_fork(at_fork_before, true);
    fork_prepare();
    pid_t pid = fork();
    int saved = errno;
    if (pid == 0) {
        fork_child();
        run_at_fork(at_fork_child, false);
    } else {
        fork_parent();
        run_at_fork(at_fork_parent, false);
    }
    if (pid < 0) {
        errno = saved;
        return err_from_errno(NULL);
    }
    return int_from_long((long)pid);
}

// os.times() (stdlib/lib/os.py makes the times_result): the CPU times of
// this process and of its waited-for children, and the elapsed real time,
// in seconds.
FN(_times) {
    if (args_count("times", nargs, 0, 0) < 0) return NULL;
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) return err_from_errno(NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    double v[5] = {(double)t.tms_utime / tick, (double)t.tms_stime / tick, (double)t.tms_cutime / tick,
                   (double)t.tms_cstime / tick, (double)c / tick};
    Object *tup = tuple_new(5);
    if (!tup) return NULL;
    for (int i = 0; i < 5; i++) {
        Object *f = float_from_double(v[i]);
        if (!f) {
            DECREF(tup);
            return NULL;
        }
        TUPLE_ITEMS(tup)[i] = f;
    }
    return tup;
}

FN(waitpid) {
    if (args_no_kw("waitpid", kwnames) < 0 || args_count("waitpid", nargs, 2, 2) < 0) return NULL;
    int pid, options, status = 0;
    if (int_arg(args[0], &pid) < 0 || int_arg(args[1], &options) < 0) return NULL;
    pid_t r;
    IO_CALL_RETRY(r, waitpid((pid_t)pid, &status, options));
    if (r < 0) return err_occurred() ? NULL : err_from_errno(NULL);
    Object *p = int_from_long((long)r), *st = int_from_long(status);
    Object *t = p && st ? tuple_pack(2, p, st) : NULL;
    XDECREF(p);
    XDECREF(st);
    return t;
}

FN(wait) {
    if (args_count("wait", nargs, 0, 0) < 0 || args_no_kw("wait", kwnames) < 0) return NULL;
    int status = 0;
    pid_t r;
    IO_CALL_RETRY(r, wait(&status));
    if (r < 0) return err_occurred() ? NULL : err_from_errno(NULL);
    Object *p = int_from_long((long)r), *st = int_from_long(status);
    Object *t = p && st ? tuple_pack(2, p, st) : NULL;
    XDECREF(p);
    XDECREF(st);
    return t;
}

// The wait status macros: one int argument named `status`.
static int status_arg(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames, int *st) {
    static const char *const names[] = {"status"};
    Object *a[1] = {NULL};
    if (args_parse(fname, args, nargs, kwnames, names, 1, 1, a) < 0) return -1;
    if (FLOAT_CHECK(a[0])) {
        vm_raise(Exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    return int_arg(a[0], st);
}

#define WAIT_MACRO(name, expr, conv)                                         \
    FN(name) {                                                               \
        int status;                                                          \
        if (status_arg(#name, args, nargs, kwnames, &status) < 0) return NULL; \
        return conv(expr);                                                   \
    }
static Object *bool_new(int v) { return NEWREF(bool_from(v != 0)); }
WAIT_MACRO(WIFEXITED, WIFEXITED(status), bool_new)
WAIT_MACRO(WEXITSTATUS, WEXITSTATUS(status), int_from_long)
WAIT_MACRO(WIFSIGNALED, WIFSIGNALED(status), bool_new)
WAIT_MACRO(WTERMSIG, WTERMSIG(status), int_from_long)
WAIT_MACRO(WIFSTOPPED, WIFSTOPPED(status), bool_new)
WAIT_MACRO(WSTOPSIG, WSTOPSIG(status), int_from_long)
WAIT_MACRO(WIFCONTINUED, WIFCONTINUED(status), bool_new)
WAIT_MACRO(WCOREDUMP, WCOREDUMP(status), bool_new)

FN(waitstatus_to_exitcode) {
    int status;
    if (status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &status) < 0) return NULL;
    if (WIFEXITED(status)) return int_from_long(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return int_from_long(-WTERMSIG(status));
    if (WIFSTOPPED(status)) return vm_raise(Exc_ValueError, "process stopped by delivery of signal %d", WSTOPSIG(status));
    return vm_raise(Exc_ValueError, "invalid wait status: %d", status);
}

// ---- The environment --------------------------------------------------------------------

// Checks an environment variable name or value: str without NUL.
static const char *env_str(Object *o, const char *fname, bool is_name) {
    if (!STR_CHECK(o)) {
        vm_raise(Exc_TypeError, "%s: argument must be str, not %s", fname, type_name(TYPE(o)));
        return NULL;
    }
    const char *s = STR_DATA(o);
    if ((ssize_t)strlen(s) != STR_NBYTES(o)) {
        vm_raise(Exc_ValueError, "embedded null character");
        return NULL;
    }
    if (is_name && (s[0] == '\0' || strchr(s, '='))) {
        vm_raise(Exc_ValueError, "illegal environment variable name");
        return NULL;
    }
    return s;
}

FN(putenv) {
    if (args_no_kw("putenv", kwnames) < 0 || args_count("putenv", nargs, 2, 2) < 0) return NULL;
    const char *name = env_str(args[0], "putenv", true);
    const char *value = name ? env_str(args[1], "putenv", false) : NULL;
    if (!value) return NULL;
    if (setenv(name, value, 1) < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

FN(unsetenv) {
    if (args_no_kw("unsetenv", kwnames) < 0 || args_count("unsetenv", nargs, 1, 1) < 0) return NULL;
    const char *name = env_str(args[0], "unsetenv", true);
    if (!name) return NULL;
    if (unsetenv(name) < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

// The process environment at start-up as a dict of str (CPython's posix
// environ holds bytes; minipy's os.environ is built from this one).
static Object *environ_dict(void) {
    Object *d = dict_new();
    if (!d) return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) continue;
        if (!utf8_valid(*e, (ssize_t)strlen(*e))) continue;
        Object *k = str_from_utf8(*e, eq - *e), *v = str_from_cstr(eq + 1);
        int r = k && v ? (dict_contains(d, k) ? 0 : dict_setitem(d, k, v)) : -1;
        XDECREF(k);
        XDECREF(v);
        if (r < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

// ---- File descriptors ---------------------------------------------------------------------

FN(open) {
    static const char *const names[] = {"path", "flags", "mode", "$dir_fd"};
    Object *a[4] = {NULL, NULL, NULL, NULL};
    if (args_parse("open", args, nargs, kwnames, names, 4, 2, a) < 0) return NULL;
    int flags, mode = 0777;
    if (int_arg(a[1], &flags) < 0 || (a[2] && int_arg(a[2], &mode) < 0)) return NULL;
    const char *path;
    Object *keep;
    bool b;
    if (io_path(a[0], "open", "path", &path, &keep, &b) < 0) return NULL;
    int fd;
    IO_CALL_RETRY(fd, open(path, flags | O_CLOEXEC, mode));
    DECREF(keep);
    if (fd < 0) return err_occurred() ? NULL : raise_path(a[0]);
    return int_from_long(fd);
}

FN(close) {
    static const char *const names[] = {"fd"};
    Object *a[1] = {NULL};
    if (args_parse("close", args, nargs, kwnames, names, 1, 1, a) < 0) return NULL;
    int fd;
    if (fd_arg(a[0], &fd) < 0) return NULL;
    // close() is not retried on EINTR: the descriptor is gone either way.
    vm_blocking_begin();
    int r = close(fd);
    int e = errno;
    vm_blocking_end();
    if (r < 0 && e != EINTR) {
        errno = e;
        return err_from_errno(NULL);
    }
    RETURN_NONE;
}

FN(read) {
    if (args_no_kw("read", kwnames) < 0 || args_count("read", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0) return NULL;
    ssize_t n = num_as_ssize(args[1], Exc_OverflowError);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 0) {
        errno = EINVAL;
        return err_from_errno(NULL);
    }
    Object *buf = bytes_new_uninit(n);
    if (!buf) return NULL;
    ssize_t r;
    IO_CALL_RETRY(r, read(fd, BYTES_DATA(buf), (size_t)n));
    if (r < 0) {
        DECREF(buf);
        return err_occurred() ? NULL : err_from_errno(NULL);
    }
    if (r == n) return buf;
    Object *res = bytes_from(BYTES_DATA(buf), r);
    DECREF(buf);
    return res;
}

FN(write) {
    if (args_no_kw("write", kwnames) < 0 || args_count("write", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0) return NULL;
    Object *data = args[1];
    if (!BYTES_CHECK(data)) return vm_raise(Exc_TypeError, "a bytes-like object is required, not '%s'", type_name(TYPE(data)));
    ssize_t r;
    IO_CALL_RETRY(r, write(fd, BYTES_DATA(data), (size_t)BYTES_SIZE(data)));
    if (r < 0) return err_occurred() ? NULL : err_from_errno(NULL);
    return int_from_ssize(r);
}

FN(pipe) {
    if (args_count("pipe", nargs, 0, 0) < 0) return NULL;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) return err_from_errno(NULL);
    Object *r = int_from_long(fds[0]), *w = int_from_long(fds[1]);
    Object *t = r && w ? tuple_pack(2, r, w) : NULL;
    XDECREF(r);
    XDECREF(w);
    return t;
}

FN(pipe2) {
    if (args_count("pipe2", nargs, 1, 1) < 0) return NULL;
    int flags, fds[2];
    if (int_arg(args[0], &flags) < 0) return NULL;
    if (pipe2(fds, flags) < 0) return err_from_errno(NULL);
    Object *r = int_from_long(fds[0]), *w = int_from_long(fds[1]);
    Object *t = r && w ? tuple_pack(2, r, w) : NULL;
    XDECREF(r);
    XDECREF(w);
    return t;
}

FN(dup) {
    if (args_count("dup", nargs, 1, 1) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0) return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) return err_from_errno(NULL);
    return int_from_long(r);
}

FN(dup2) {
    static const char *const names[] = {"fd", "fd2", "inheritable"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("dup2", args, nargs, kwnames, names, 3, 2, a) < 0) return NULL;
    int fd, fd2, inh = 1;
    if (fd_arg(a[0], &fd) < 0 || fd_arg(a[1], &fd2) < 0) return NULL;
    if (a[2] && (inh = obj_istrue(a[2])) < 0) return NULL;
    int r = inh ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0) return err_from_errno(NULL);
    return int_from_long(r);
}

FN(get_blocking) {
    if (args_count("get_blocking", nargs, 1, 1) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0) return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return err_from_errno(NULL);
    return NEWREF(bool_from(!(fl & O_NONBLOCK)));
}

FN(set_blocking) {
    if (args_count("set_blocking", nargs, 2, 2) < 0) return NULL;
    int fd, blocking;
    if (fd_arg(args[0], &fd) < 0 || (blocking = obj_istrue(args[1])) < 0) return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return err_from_errno(NULL);
    int nfl = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
    if (nfl != fl && fcntl(fd, F_SETFL, nfl) < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

FN(get_inheritable) {
    if (args_count("get_inheritable", nargs, 1, 1) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0) return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0) return err_from_errno(NULL);
    return NEWREF(bool_from(!(fl & FD_CLOEXEC)));
}

FN(set_inheritable) {
    if (args_count("set_inheritable", nargs, 2, 2) < 0) return NULL;
    int fd, inh;
    if (fd_arg(args[0], &fd) < 0 || (inh = obj_istrue(args[1])) < 0) return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0) return err_from_errno(NULL);
    if (fcntl(fd, F_SETFD, inh ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC) < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

FN(lseek) {
    if (args_count("lseek", nargs, 3, 3) < 0) return NULL;
    int fd, how;
    if (fd_arg(args[0], &fd) < 0) return NULL;
    ssize_t pos = num_as_ssize(args[1], Exc_OverflowError);
    if ((pos == -1 && err_occurred()) || int_arg(args[2], &how) < 0) return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0) return err_from_errno(NULL);
    return int_from_ssize((ssize_t)r);
}

FN(isatty) {
    if (args_count("isatty", nargs, 1, 1) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0) return NULL;
    return NEWREF(bool_from(isatty(fd)));
}

// ---- stat_result ------------------------------------------------------------------------

#define STAT_VISIBLE 10
#define STAT_FIELDS 19

// The visible integer times print under the float fields' names.
static const char *const stat_repr_names[STAT_VISIBLE] = {"st_mode", "st_ino",  "st_dev",   "st_nlink", "st_uid",
                                                          "st_gid",  "st_size", "st_atime", "st_mtime", "st_ctime"};

TypeObject StatResultType;

static void stat_result_dealloc(Object *o) {
    TupleObject *t = (TupleObject *)o;
    for (int i = STAT_VISIBLE; i < STAT_FIELDS; i++) CLEAR(t->items[i]);
    TupleType.dealloc(o);
}

static int stat_result_traverse(Object *o, visitproc visit, void *arg) {
    TupleObject *t = (TupleObject *)o;
    for (int i = 0; i < STAT_FIELDS; i++)
        if (t->items[i] && visit(t->items[i], arg)) return -1;
    return 0;
}

static Object *stat_result_repr(Object *o) {
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "os.stat_result(");
    for (int i = 0; i < STAT_VISIBLE; i++) {
        if (i) sb_puts(&sb, ", ");
        sb_puts(&sb, stat_repr_names[i]);
        sb_putc(&sb, '=');
        if (sb_put_obj_repr(&sb, TUPLE_ITEMS(o)[i]) < 0) {
            sb_free(&sb);
            return NULL;
        }
    }
    sb_putc(&sb, ')');
    return sb_finish(&sb);
}

static Object *stat_result_get(Object *o, void *closure) {
    Object *v = ((TupleObject *)o)->items[(intptr_t)closure];
    return NEWREF(v ? v : None);
}

static const GetSetDef stat_result_getset[] = {
    {"st_mode", stat_result_get, NULL, (void *)0},      {"st_ino", stat_result_get, NULL, (void *)1},
    {"st_dev", stat_result_get, NULL, (void *)2},       {"st_nlink", stat_result_get, NULL, (void *)3},
    {"st_uid", stat_result_get, NULL, (void *)4},       {"st_gid", stat_result_get, NULL, (void *)5},
    {"st_size", stat_result_get, NULL, (void *)6},      {"st_atime", stat_result_get, NULL, (void *)10},
    {"st_mtime", stat_result_get, NULL, (void *)11},    {"st_ctime", stat_result_get, NULL, (void *)12},
    {"st_atime_ns", stat_result_get, NULL, (void *)13}, {"st_mtime_ns", stat_result_get, NULL, (void *)14},
    {"st_ctime_ns", stat_result_get, NULL, (void *)15}, {"st_blksize", stat_result_get, NULL, (void *)16},
    {"st_blocks", stat_result_get, NULL, (void *)17},   {"st_rdev", stat_result_get, NULL, (void *)18},
    {NULL, NULL, NULL, NULL}};

TypeObject StatResultType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "os.stat_result",
    .basicsize = sizeof(TupleObject),
    .itemsize = sizeof(Object *),
    .flags = TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_HAVE_GC,
    .doc = "stat_result: Result from stat, fstat, or lstat.",
    .base = &TupleType,
    .dealloc = stat_result_dealloc,
    .traverse = stat_result_traverse,
    .repr = stat_result_repr,
    .getset = stat_result_getset,
};

static Object *ns_of(const struct timespec *ts) {
    return int_from_ssize((ssize_t)ts->tv_sec * 1000000000 + ts->tv_nsec);
}

static Object *stat_result_from(const struct stat *st) {
    TupleObject *t = (TupleObject *)obj_alloc(&StatResultType, sizeof(TupleObject) + STAT_FIELDS * sizeof(Object *));
    if (!t) return NULL;
    t->size = STAT_VISIBLE;
    Object **it = t->items;
    it[0] = int_from_long((long)st->st_mode);
    it[1] = int_from_ulong((unsigned long)st->st_ino);
    it[2] = int_from_ulong((unsigned long)st->st_dev);
    it[3] = int_from_long((long)st->st_nlink);
    it[4] = int_from_long((long)st->st_uid);
    it[5] = int_from_long((long)st->st_gid);
    it[6] = int_from_ssize((ssize_t)st->st_size);
    it[7] = int_from_long((long)st->st_atim.tv_sec);
    it[8] = int_from_long((long)st->st_mtim.tv_sec);
    it[9] = int_from_long((long)st->st_ctim.tv_sec);
    it[10] = float_from_double((double)st->st_atim.tv_sec + st->st_atim.tv_nsec * 1e-9);
    it[11] = float_from_double((double)st->st_mtim.tv_sec + st->st_mtim.tv_nsec * 1e-9);
    it[12] = float_from_double((double)st->st_ctim.tv_sec + st->st_ctim.tv_nsec * 1e-9);
    it[13] = ns_of(&st->st_atim);
    it[14] = ns_of(&st->st_mtim);
    it[15] = ns_of(&st->st_ctim);
    it[16] = int_from_long((long)st->st_blksize);
    it[17] = int_from_long((long)st->st_blocks);
    it[18] = int_from_ulong((unsigned long)st->st_rdev);
    for (int i = 0; i < STAT_FIELDS; i++) {
        if (!it[i]) {
            for (int j = 0; j < STAT_FIELDS; j++)
                if (!it[j]) it[j] = NEWREF(None);
            DECREF(t);
            return NULL;
        }
    }
    return (Object *)t;
}

FN(fstat) {
    if (args_count("fstat", nargs, 1, 1) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0) return NULL;
    struct stat st;
    int r;
    IO_CALL_RETRY(r, fstat(fd, &st));
    if (r < 0) return err_occurred() ? NULL : err_from_errno(NULL);
    return stat_result_from(&st);
}

static Object *do_stat(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames, bool follow) {
    static const char *const names[] = {"path", "$dir_fd", "$follow_symlinks"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse(fname, args, nargs, kwnames, names, 3, 1, a) < 0) return NULL;
    if (a[2]) {
        int f = obj_istrue(a[2]);
        if (f < 0) return NULL;
        follow = follow && f;
    }
    struct stat st;
    int r;
    if (INT_CHECK(a[0]) && strcmp(fname, "stat") == 0) {
        int fd;
        if (fd_arg(a[0], &fd) < 0) return NULL;
        IO_CALL_RETRY(r, fstat(fd, &st));
        if (r < 0) return err_occurred() ? NULL : err_from_errno(NULL);
        return stat_result_from(&st);
    }
    const char *path;
    Object *keep;
    bool b;
    if (!STR_CHECK(a[0]) && !BYTES_CHECK(a[0]) && !type_lookup(TYPE(a[0]), S___fspath__)) {
        return vm_raise(Exc_TypeError, "%s: path should be string, bytes, os.PathLike%s, not %s", fname,
                        strcmp(fname, "stat") == 0 ? " or integer" : "", type_name(TYPE(a[0])));
    }
    if (io_path(a[0], fname, "path", &path, &keep, &b) < 0) return NULL;
    IO_CALL_RETRY(r, follow ? stat(path, &st) : lstat(path, &st));
    DECREF(keep);
    if (r < 0) return err_occurred() ? NULL : raise_path(a[0]);
    return stat_result_from(&st);
}

FN(stat) { return do_stat("stat", args, nargs, kwnames, true); }
FN(lstat) { return do_stat("lstat", args, nargs, kwnames, false); }

// ---- Files and directories -----------------------------------------------------------------

FN(getcwd) {
    if (args_count("getcwd", nargs, 0, 0) < 0) return NULL;
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) return err_from_errno(NULL);
    return str_from_cstr(buf);
}

// One path argument, then a system call on it. The macro keeps the ten
// small functions below to one line each.
#define PATH_CALL(fname, expr)                                                                   \
    FN(fname) {                                                                                  \
        static const char *const names[] = {"path", "$dir_fd"};                                  \
        Object *a[2] = {NULL, NULL};                                                             \
        if (args_parse(#fname, args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;          \
        const char *path;                                                                        \
        Object *keep;                                                                            \
        bool b;                                                                                  \
        if (io_path(a[0], #fname, "path", &path, &keep, &b) < 0) return NULL;                    \
        int r = (expr);                                                                          \
        DECREF(keep);                                                                            \
        if (r < 0) return raise_path(a[0]);                                                      \
        RETURN_NONE;                                                                             \
    }

PATH_CALL(remove, unlink(path))
PATH_CALL(unlink, unlink(path))
PATH_CALL(rmdir, rmdir(path))
PATH_CALL(chdir, chdir(path))

FN(mkdir) {
    static const char *const names[] = {"path", "mode", "$dir_fd"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("mkdir", args, nargs, kwnames, names, 3, 1, a) < 0) return NULL;
    int mode = 0777;
    if (a[1] && int_arg(a[1], &mode) < 0) return NULL;
    const char *path;
    Object *keep;
    bool b;
    if (io_path(a[0], "mkdir", "path", &path, &keep, &b) < 0) return NULL;
    int r = mkdir(path, (mode_t)mode);
    DECREF(keep);
    if (r < 0) return raise_path(a[0]);
    RETURN_NONE;
}

static Object *rename_impl(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"src", "dst", "$src_dir_fd", "$dst_dir_fd"};
    Object *a[4] = {NULL, NULL, NULL, NULL};
    if (args_parse(fname, args, nargs, kwnames, names, 4, 2, a) < 0) return NULL;
    const char *src, *dst;
    Object *k1, *k2;
    bool b;
    if (io_path(a[0], fname, "src", &src, &k1, &b) < 0) return NULL;
    if (io_path(a[1], fname, "dst", &dst, &k2, &b) < 0) {
        DECREF(k1);
        return NULL;
    }
    int r = rename(src, dst);
    DECREF(k1);
    DECREF(k2);
    if (r < 0) return err_from_errno2(a[0], a[1]);
    RETURN_NONE;
}

FN(rename) { return rename_impl("rename", args, nargs, kwnames); }
FN(replace) { return rename_impl("replace", args, nargs, kwnames); }

FN(access) {
    static const char *const names[] = {"path", "mode", "$dir_fd", "$effective_ids", "$follow_symlinks"};
    Object *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (args_parse("access", args, nargs, kwnames, names, 5, 2, a) < 0) return NULL;
    int mode;
    if (int_arg(a[1], &mode) < 0) return NULL;
    const char *path;
    Object *keep;
    bool b;
    if (io_path(a[0], "access", "path", &path, &keep, &b) < 0) return NULL;
    int r = access(path, mode);
    DECREF(keep);
    return NEWREF(bool_from(r == 0));
}

FN(listdir) {
    static const char *const names[] = {"path"};
    Object *a[1] = {NULL};
    if (args_parse("listdir", args, nargs, kwnames, names, 1, 0, a) < 0) return NULL;
    const char *path = ".";
    Object *keep = NULL;
    bool as_bytes = false;
    DIR *dir;
    if (a[0] && a[0] != None && INT_CHECK(a[0])) {
        int fd;
        if (fd_arg(a[0], &fd) < 0) return NULL;
        int fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (fd2 < 0) return err_from_errno(NULL);
        dir = fdopendir(fd2);
        if (!dir) {
            int e = errno;
            close(fd2);
            errno = e;
            return err_from_errno(NULL);
        }
        rewinddir(dir);
    } else {
        if (a[0] && a[0] != None) {
            if (!STR_CHECK(a[0]) && !BYTES_CHECK(a[0]) && !type_lookup(TYPE(a[0]), S___fspath__))
                return vm_raise(Exc_TypeError, "listdir: path should be string, bytes, os.PathLike, integer or None, not %s",
                                type_name(TYPE(a[0])));
            if (io_path(a[0], "listdir", "path", &path, &keep, &as_bytes) < 0) return NULL;
        }
        dir = opendir(path);
        XDECREF(keep);
        if (!dir) return raise_path(a[0] && a[0] != None ? a[0] : NULL);
    }
    Object *list = list_new(0);
    if (!list) {
        closedir(dir);
        return NULL;
    }
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(dir);
        if (!de) {
            if (errno) {
                closedir(dir);
                DECREF(list);
                return err_from_errno(a[0]);
            }
            break;
        }
        const char *n = de->d_name;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0) continue;
        Object *item = as_bytes ? bytes_from(n, (ssize_t)strlen(n)) : str_from_cstr(n);
        if (!item || list_append(list, item) < 0) {
            XDECREF(item);
            closedir(dir);
            DECREF(list);
            return NULL;
        }
        DECREF(item);
    }
    closedir(dir);
    return list;
}

// ---- Miscellaneous ---------------------------------------------------------------------------

FN(strerror) {
    if (args_count("strerror", nargs, 1, 1) < 0) return NULL;
    int code;
    if (int_arg(args[0], &code) < 0) return NULL;
    return str_from_cstr(strerror(code));
}

FN(urandom) {
    if (args_count("urandom", nargs, 1, 1) < 0) return NULL;
    ssize_t n = num_as_ssize(args[0], Exc_OverflowError);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 0) return vm_raise(Exc_ValueError, "negative argument not allowed");
    Object *b = bytes_new_raw(n);
    if (!b) return NULL;
    ssize_t got = 0;
    while (got < n) {
        ssize_t r;
        IO_CALL_RETRY(r, getrandom(BYTES_DATA(b) + got, (size_t)(n - got), 0));
        if (r < 0) {
            DECREF(b);
            return err_occurred() ? NULL : err_from_errno(NULL);
        }
        got += r;
    }
    return b;
}

static const MethodDef posix_functions[] = {
    {"getpid", posix_getpid, 0, "Return the current process id."},
    {"getppid", posix_getppid, 0, "Return the parent's process id."},
    {"getuid", posix_getuid, 0, "Return the current process's user id."},
    {"geteuid", posix_geteuid, 0, "Return the current process's effective user id."},
    {"getgid", posix_getgid, 0, "Return the current process's group id."},
    {"cpu_count", posix_cpu_count, 0, "Return the number of CPUs in the system; return None if indeterminable."},
    {"kill", posix_kill, 0, "Kill a process with a signal."},
    {"fork", posix_fork, 0, "Fork a child process."},
    {"register_at_fork", posix_register_at_fork, 0, "Register callables to be called when forking a new process."},
    {"waitpid", posix_waitpid, 0, "Wait for completion of a given child process."},
    {"_times", posix__times, 0, "The five numbers of os.times()."},
    {"_getrusage", posix__getrusage, 0, "The sixteen numbers of resource.getrusage()."},
    {"execv", posix_execv, 0, "Execute an executable path with arguments, replacing current process."},
    {"execve", posix_execve, 0, "Execute an executable path with arguments and environment, replacing current process."},
    {"wait", posix_wait, 0, "Wait for completion of a child process."},
    {"WIFEXITED", posix_WIFEXITED, 0, "Return True if the process returning status exited via the exit() system call."},
    {"WEXITSTATUS", posix_WEXITSTATUS, 0, "Return the process return code from status."},
    {"WIFSIGNALED", posix_WIFSIGNALED, 0, "Return True if the process returning status was terminated by a signal."},
    {"WTERMSIG", posix_WTERMSIG, 0, "Return the signal that terminated the process that provided the status value."},
    {"WIFSTOPPED", posix_WIFSTOPPED, 0, "Return True if the process returning status was stopped."},
    {"WSTOPSIG", posix_WSTOPSIG, 0, "Return the signal that stopped the process that provided the status value."},
    {"WIFCONTINUED", posix_WIFCONTINUED, 0, "Return True if a particular process was continued from a job control stop."},
    {"WCOREDUMP", posix_WCOREDUMP, 0, "Return True if the process returning status was dumped to a core file."},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode, 0, "Convert a wait status to an exit code."},
    {"_exit", posix__exit, 0, "Exit to the system with specified status, without normal exit processing."},
    {"putenv", posix_putenv, 0, "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, 0, "Delete an environment variable."},
    {"open", posix_open, 0, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", posix_close, 0, "Close a file descriptor."},
    {"read", posix_read, 0, "Read from a file descriptor.  Returns a bytes object."},
    {"write", posix_write, 0, "Write a bytes object to a file descriptor."},
    {"pipe", posix_pipe, 0, "Create a pipe."},
    {"pipe2", posix_pipe2, 0, "Create a pipe with flags set atomically."},
    {"dup", posix_dup, 0, "Return a duplicate of a file descriptor."},
    {"dup2", posix_dup2, 0, "Duplicate file descriptor."},
    {"get_blocking", posix_get_blocking, 0, "Get the blocking mode of the file descriptor."},
    {"set_blocking", posix_set_blocking, 0, "Set the blocking mode of the specified file descriptor."},
    {"get_inheritable", posix_get_inheritable, 0, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", posix_set_inheritable, 0, "Set the inheritable flag of the specified file descriptor."},
    {"lseek", posix_lseek, 0, "Set the position of a file descriptor.  Return the new position."},
    {"isatty", posix_isatty, 0, "Return True if the fd is connected to a terminal."},
    {"fstat", posix_fstat, 0, "Perform a stat system call on the given file descriptor."},
    {"stat", posix_stat, 0, "Perform a stat system call on the given path."},
    {"lstat", posix_lstat, 0, "Perform a stat system call on the given path, without following symbolic links."},
    {"getcwd", posix_getcwd, 0, "Return a unicode string representing the current working directory."},
    {"chdir", posix_chdir, 0, "Change the current working directory to the specified path."},
    {"listdir", posix_listdir, 0, "Return a list containing the names of the files in the directory."},
    {"remove", posix_remove, 0, "Remove a file (same as unlink())."},
    {"unlink", posix_unlink, 0, "Remove a file (same as remove())."},
    {"rmdir", posix_rmdir, 0, "Remove a directory."},
    {"mkdir", posix_mkdir, 0, "Create a directory."},
    {"rename", posix_rename, 0, "Rename a file or directory."},
    {"replace", posix_replace, 0, "Rename a file or directory, overwriting the destination."},
    {"access", posix_access, 0, "Use the real uid/gid to test for access to a path."},
    {"strerror", posix_strerror, 0, "Translate an error code to a message string."},
    {"urandom", posix_urandom, 0, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {NULL, NULL, 0, NULL}};

static const struct {
    const char *name;
    long value;
} posix_constants[] = {
    {"O_RDONLY", O_RDONLY},     {"O_WRONLY", O_WRONLY},   {"O_RDWR", O_RDWR},         {"O_APPEND", O_APPEND},
    {"O_CREAT", O_CREAT},       {"O_EXCL", O_EXCL},       {"O_TRUNC", O_TRUNC},       {"O_NONBLOCK", O_NONBLOCK},
    {"O_NDELAY", O_NDELAY},     {"O_CLOEXEC", O_CLOEXEC}, {"O_NOCTTY", O_NOCTTY},     {"O_SYNC", O_SYNC},
    {"O_DIRECTORY", O_DIRECTORY}, {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR},     {"SEEK_END", SEEK_END},
    {"F_OK", F_OK},             {"R_OK", R_OK},           {"W_OK", W_OK},             {"X_OK", X_OK},
    {"EX_OK", 0},               {"WNOHANG", WNOHANG},     {"WUNTRACED", WUNTRACED},   {"WCONTINUED", WCONTINUED},
    {NULL, 0}};

Object *module_init_posix(void) {
    type_ready(&StatResultType);
    Object *m = module_new_cstr("posix");
    if (!m) return NULL;
    if (module_add_functions(m, posix_functions) < 0 ||
        module_add_object(m, "stat_result", (Object *)&StatResultType) < 0)
        goto fail;
    for (int i = 0; posix_constants[i].name; i++)
        if (module_add_int(m, posix_constants[i].name, posix_constants[i].value) < 0) goto fail;
    Object *env = environ_dict();
    if (!env || module_add_object(m, "environ", env) < 0) {
        XDECREF(env);
        goto fail;
    }
    DECREF(env);
    Object *d = StatResultType.dict;
    if (!dict_getitem_str(d, "n_fields")) {
        Object *a = int_from_long(STAT_VISIBLE), *b = int_from_long(STAT_FIELDS), *c = int_from_long(3);
        dict_setitem_str(d, "n_sequence_fields", a);
        dict_setitem_str(d, "n_fields", b);
        dict_setitem_str(d, "n_unnamed_fields", c);
        XDECREF(a);
        XDECREF(b);
        XDECREF(c);
        type_modified(&StatResultType);
    }
    return m;
fail:
    DECREF(m);
    return NULL;
}
