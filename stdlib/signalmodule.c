// The signal module (CPython's Modules/signalmodule.c), minimal: the signal
// numbers, signal() and getsignal() with SIG_DFL, SIG_IGN or a Python
// callable, default_int_handler, strsignal, raise_signal, alarm.
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
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define NSIGNALS 65

static Object *handlers[NSIGNALS];          // the Python callables (strong), or NULL
static volatile sig_atomic_t tripped[NSIGNALS];
static Object *default_int_handler_obj;     // signal.default_int_handler

static void trip_signal(int sig) {
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
