// The signal module (CPython's Modules/signalmodule.c), minimal: the signal
// numbers, signal() and getsignal() with SIG_DFL, SIG_IGN or a Python
// callable, default_int_handler, strsignal, raise_signal, alarm,
// set_wakeup_fd, siginterrupt, valid_signals.
//
// A Python handler never runs inside the C signal handler: that one only
// marks the signal as tripped and sets the eval breaker, and the main
// thread calls the handler at its next eval breaker check (or when a
// blocking call returns EINTR), as CPython does. SIGINT starts with the
// interpreter's own handler (vm/lifecycle.c), which getsignal() reports
// as default_int_handler.
#include "../vm/runtime.h"
#include "../vm/eval.h"
#include "modules.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define NSIGNALS 65

static Object *handlers[NSIGNALS];          // the Python callables (strong), or NULL
static volatile sig_atomic_t tripped[NSIGNALS];
static Object *default_int_handler_obj;     // signal.default_int_handler

// set_wakeup_fd(): each signal's number is written there as one byte, from
// the C handler (an event loop waiting in select() on the other end wakes
// up: asyncio's add_signal_handler). The fd is non-blocking; a full buffer
// drops the byte.
static volatile sig_atomic_t wakeup_fd = -1;

void signal_wakeup_write(int sig) {
    int fd = wakeup_fd;
    if (fd < 0) return;
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    ssize_t r = write(fd, &b, 1);
    (void)r;
    errno = saved;
}

static void trip_signal(int sig) {
    signal_wakeup_write(sig);
    if (sig > 0 && sig < NSIGNALS) tripped[sig] = 1;
    atomic_store(&eval_signals_tripped, 1);
    atomic_fetch_or(&the_interp.eval_breaker, BREAK_SIGNALS);
}

// Runs the handlers of the tripped signals (main thread, from the eval
// breaker). -1 with the exception a handler raised.
static int run_handlers(void) {
    atomic_store(&eval_signals_tripped, 0);
    for (int sig = 1; sig < NSIGNALS; sig++) {
        if (!tripped[sig]) continue;
        tripped[sig] = 0;
        Object *h = handlers[sig];
        if (!h) continue;
        INCREF(h);
        Object *num = int_from_long(sig);
        Object *argv[2] = {num, None};
        Object *r = num ? obj_call(h, argv, 2, NULL) : NULL;
        XDECREF(num);
        DECREF(h);
        if (!r) {
            // The others run at the next check.
            for (int s = sig + 1; s < NSIGNALS; s++)
                if (tripped[s]) atomic_store(&eval_signals_tripped, 1);
            return -1;
        }
        DECREF(r);
    }
    return 0;
}

// In the child after fork(): signals that arrived for the parent are not
// the child's (vm/fork.c).
void signal_after_fork_child(void) {
    for (int sig = 0; sig < NSIGNALS; sig++) tripped[sig] = 0;
}

static int signum_arg(Object *o, int *out) {
    ssize_t v = num_as_ssize(o, Exc_OverflowError);
    if (v == -1 && err_occurred()) return -1;
    if (v < 1 || v >= NSIGNALS) {
        vm_raise(Exc_ValueError, "signal number out of range");
        return -1;
    }
    *out = (int)v;
    return 0;
}

// The handler object for what the OS has installed for sig.
static Object *current_handler(int sig) {
    if (handlers[sig]) return NEWREF(handlers[sig]);
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0) return err_from_errno(NULL);
    if (sa.sa_handler == SIG_DFL) return int_from_long(0);
    if (sa.sa_handler == SIG_IGN) return int_from_long(1);
    if (sig == SIGINT) return NEWREF(default_int_handler_obj);
    RETURN_NONE;
}

#define FN(name) static Object *signal_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

FN(signal) {
    if (args_no_kw("signal", kwnames) < 0 || args_count("signal", nargs, 2, 2) < 0) return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0) return NULL;
    ThreadState *ts = tstate_get();
    if (ts != the_interp.main_thread)
        return vm_raise(Exc_ValueError, "signal only works in main thread of the main interpreter");
    Object *h = args[1];
    void (*c_handler)(int);
    bool python = false;
    if (INT_CHECK(h) && !obj_callable(h)) {
        ssize_t v = num_as_ssize(h, Exc_OverflowError);
        if (v == 0) c_handler = SIG_DFL;
        else if (v == 1) c_handler = SIG_IGN;
        else goto bad;
    } else if (obj_callable(h)) {
        c_handler = trip_signal;
        python = true;
    } else {
        goto bad;
    }
    Object *old = current_handler(sig);
    if (!old) return NULL;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = c_handler;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) < 0) {
        DECREF(old);
        return err_from_errno(NULL);
    }
    Object *prev = handlers[sig];
    handlers[sig] = python ? NEWREF(h) : NULL;
    XDECREF(prev);
    if (python) eval_run_signal_handlers = run_handlers;
    return old;
bad:
    return vm_raise(Exc_TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
}

FN(getsignal) {
    if (args_no_kw("getsignal", kwnames) < 0 || args_count("getsignal", nargs, 1, 1) < 0) return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0) return NULL;
    return current_handler(sig);
}

FN(default_int_handler) {
    err_set_object((Object *)Exc_KeyboardInterrupt);
    return NULL;
}

FN(strsignal) {
    if (args_no_kw("strsignal", kwnames) < 0 || args_count("strsignal", nargs, 1, 1) < 0) return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0) return NULL;
    const char *s = strsignal(sig);
    if (!s || strncmp(s, "Unknown signal", 14) == 0 || strncmp(s, "Real-time signal", 16) == 0) RETURN_NONE;
    return str_from_cstr(s);
}

FN(raise_signal) {
    if (args_no_kw("raise_signal", kwnames) < 0 || args_count("raise_signal", nargs, 1, 1) < 0) return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0) return NULL;
    if (raise(sig) != 0) return err_from_errno(NULL);
    if (eval_handle_breaker_public() < 0) return NULL;
    RETURN_NONE;
}

FN(set_wakeup_fd) {
    static const char *const names[] = {"", "$warn_on_full_buffer"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("set_wakeup_fd", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
    ssize_t fd = num_as_ssize(a[0], Exc_OverflowError);
    if (fd == -1 && err_occurred()) return NULL;
    if (tstate_get() != the_interp.main_thread)
        return vm_raise(Exc_ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
    if (fd != -1) {
        int flags = fd < 0 || fd > INT_MAX ? -1 : fcntl((int)fd, F_GETFL);
        if (flags < 0) return err_from_errno(NULL);
        if (!(flags & O_NONBLOCK)) return vm_raise(Exc_ValueError, "the fd %zd must be in non-blocking mode", fd);
    }
    long old = wakeup_fd;
    wakeup_fd = (sig_atomic_t)fd;
    return int_from_long(old);
}

FN(siginterrupt) {
    if (args_no_kw("siginterrupt", kwnames) < 0 || args_count("siginterrupt", nargs, 2, 2) < 0) return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0) return NULL;
    int flag = obj_istrue(args[1]);
    if (flag < 0) return NULL;
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0) return err_from_errno(NULL);
    if (flag) sa.sa_flags &= ~SA_RESTART;
    else sa.sa_flags |= SA_RESTART;
    if (sigaction(sig, &sa, NULL) < 0) return err_from_errno(NULL);
    RETURN_NONE;
}

// Every signal number the system has, minus the two real-time signals
// glibc keeps for itself (32, 33), as CPython's valid_signals on Linux.
FN(valid_signals) {
    if (args_no_kw("valid_signals", kwnames) < 0 || args_count("valid_signals", nargs, 0, 0) < 0) return NULL;
    Object *s = set_new(NULL);
    if (!s) return NULL;
    for (int sig = 1; sig < NSIGNALS; sig++) {
        if (sig == 32 || sig == 33) continue;
        Object *n = int_from_long(sig);
        if (!n || set_add(s, n) < 0) {
            XDECREF(n);
            DECREF(s);
            return NULL;
        }
        DECREF(n);
    }
    return s;
}

FN(alarm) {
    if (args_no_kw("alarm", kwnames) < 0 || args_count("alarm", nargs, 1, 1) < 0) return NULL;
    ssize_t v = num_as_ssize(args[0], Exc_OverflowError);
    if (v == -1 && err_occurred()) return NULL;
    return int_from_long((long)alarm((unsigned)v));
}

static const MethodDef signal_functions[] = {
    {"signal", signal_signal, 0, "Set the action for the given signal."},
    {"getsignal", signal_getsignal, 0, "Return the current action for the given signal."},
    {"default_int_handler", signal_default_int_handler, 0, "The default handler for SIGINT installed by Python."},
    {"strsignal", signal_strsignal, 0, "Return the system description of the given signal."},
    {"raise_signal", signal_raise_signal, 0, "Send a signal to the executing process."},
    {"alarm", signal_alarm, 0, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"set_wakeup_fd", signal_set_wakeup_fd, 0, "Sets the fd to be written to (with the signal number) when a signal comes in."},
    {"siginterrupt", signal_siginterrupt, 0, "Change system call restart behaviour."},
    {"valid_signals", signal_valid_signals, 0, "Return a set of valid signal numbers on this platform."},
    {NULL, NULL, 0, NULL}};

static const struct {
    const char *name;
    int value;
} signal_constants[] = {
    {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},   {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},   {"SIGTRAP", SIGTRAP},
    {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT},   {"SIGBUS", SIGBUS},   {"SIGFPE", SIGFPE},   {"SIGKILL", SIGKILL},
    {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG},   {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
    {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL},
    {"SIGPWR", SIGPWR},   {"SIGSYS", SIGSYS},   {"SIGRTMIN", 34},     {"SIGRTMAX", 64},     {"NSIG", NSIGNALS},
    {"SIG_DFL", 0},       {"SIG_IGN", 1},       {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK},
    {"SIG_SETMASK", SIG_SETMASK},
    {NULL, 0}};

Object *module_init_signal(void) {
    Object *m = module_new_cstr("signal");
    if (!m) return NULL;
    if (module_add_functions(m, signal_functions) < 0) goto fail;
    for (int i = 0; signal_constants[i].name; i++)
        if (module_add_int(m, signal_constants[i].name, signal_constants[i].value) < 0) goto fail;
    if (!default_int_handler_obj) {
        default_int_handler_obj = dict_getitem_str(module_dict(m), "default_int_handler");
        XINCREF(default_int_handler_obj);
    }
    return m;
fail:
    DECREF(m);
    return NULL;
}
