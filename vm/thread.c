// OS threads running Python code (CPython's Modules/_threadmodule.c thread
// bootstrap and Python/pystate.c): starting a thread with its own thread
// state, releasing the GIL around blocking calls, and shutting down.
//
// Each thread gets a ThreadState (its frames, exceptions, recursion depth)
// before the OS thread starts. The new thread takes the GIL, runs the
// function, reports an uncaught exception, releases what it holds, and
// drops the GIL. SIGINT is blocked in every thread but the main one, so
// Ctrl-C always interrupts the main thread's waits (EINTR) as in CPython.
//
// At exit the main thread joins the non-daemon threads (threading._shutdown),
// then marks the interpreter as finalizing: a daemon thread that wants the
// GIL after that simply ends, so it never touches state that is going away.
#include "runtime.h"
#include "eval.h"
#include "gil.h"
#include "thread.h"
#include "../stdlib/modules.h"

#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

void vm_blocking_begin(void) {
    ThreadState *ts = tstate_get();
    if (!ts) return;
    gil_drop(ts);
#ifdef MINIPY_FT
    // Holding no borrowed pointers while blocked: others may free (vm/ft.c).
    ft_thread_detach(ts);
#endif
}

void vm_blocking_end(void) {
    ThreadState *ts = tstate_get();
    if (!ts) return;
#ifdef MINIPY_FT
    ft_thread_attach(ts);
#endif
    gil_take(ts);
    if (atomic_load(&the_interp.finalizing) && ts != the_interp.main_thread) thread_exit_finalizing(ts);
}

long thread_native_id(void) { return (long)syscall(SYS_gettid); }

void thread_exit_finalizing(ThreadState *ts) {
    // A daemon thread at interpreter exit: stop without touching objects.
#ifdef MINIPY_FT
    ft_thread_detach(ts);
#endif
    gil_drop(ts);
    pthread_exit(NULL);
}

typedef struct {
    ThreadState *ts;
    Object *func, *args, *kwargs;
} Boot;

void gil_stats_save(ThreadState *ts);
// Frees the calling thread's method cache (vm/type.c; free threading: one
// per thread, made on its first lookup).
void type_mcache_thread_fini(void);

static void *bootstrap(void *arg) {
    Boot *b = arg;
    ThreadState *ts = b->ts;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    ts->thread_id = (unsigned long)pthread_self();
    ts->native_id = thread_native_id();
    tstate_bind(ts);
#ifdef MINIPY_FT
    ft_thread_attach(ts);
#endif
    gil_take(ts);
    if (atomic_load(&the_interp.finalizing)) thread_exit_finalizing(ts);
    Object *r = obj_call_tuple_dict(b->func, b->args, b->kwargs);
    if (r) {
        DECREF(r);
    } else if (err_matches(Exc_SystemExit)) {
        err_clear();
    } else {
        // As CPython: "Exception ignored in thread started by: <func>".
        err_write_unraisable("Exception ignored in thread started by", b->func, err_fetch());
    }
    DECREF(b->func);
    DECREF(b->args);
    XDECREF(b->kwargs);
    ts->boot = NULL;
    free(b);
    tstate_clear(ts);
    atomic_fetch_sub(&the_interp.nthreads, 1);
    gil_stats_save(ts);
#ifdef MINIPY_FT
    // Merges and frees what is pending (vm/ft.c), which refills the freelists.
    ft_thread_exit(ts);
#endif
    tstate_clear_freelists();
    // join() returns from here on.
    thread_release_sentinel(ts);
    gil_drop(ts);
    tstate_delete(ts);
    type_mcache_thread_fini();  // last: deallocations above may still look methods up
    return NULL;
}

unsigned long thread_start(Object *func, Object *args, Object *kwargs) {
#ifdef MINIPY_FT
    // The first thread to run without the GIL switches to free threading.
    if (!gil_enabled()) ft_enable();
#endif
    ThreadState *ts = tstate_new(&the_interp);
    if (!ts) {
        err_no_memory();
        return 0;
    }
    Boot *b = malloc(sizeof(Boot));
    if (!b) {
        tstate_delete(ts);
        err_no_memory();
        return 0;
    }
    b->ts = ts;
    // Held by the thread state too: a daemon thread stopped at exit
    // (thread_exit_finalizing) never frees it, and leak checkers must not
    // take it for lost.
    ts->boot = b;
    b->func = NEWREF(func);
    b->args = NEWREF(args);
    b->kwargs = XNEWREF(kwargs);
    snprintf(ts->gil_stats.name, sizeof ts->gil_stats.name, "thread %d", atomic_load(&the_interp.nthreads) + 1);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 8 * 1024 * 1024);
    pthread_t tid;
    atomic_fetch_add(&the_interp.nthreads, 1);
    int r = pthread_create(&tid, &attr, bootstrap, b);
    pthread_attr_destroy(&attr);
    if (r != 0) {
        atomic_fetch_sub(&the_interp.nthreads, 1);
        DECREF(b->func);
        DECREF(b->args);
        XDECREF(b->kwargs);
        free(b);
        tstate_delete(ts);
        vm_raise(Exc_RuntimeError, "can't start new thread");
        return 0;
    }
    return (unsigned long)tid;
}

void thread_set_name(ThreadState *ts, const char *name) {
    snprintf(ts->gil_stats.name, sizeof ts->gil_stats.name, "%s", name);
}

// Called by the main thread at exit: join non-daemon threads, then stop
// daemon threads from running Python again.
void threads_shutdown(void) {
    Object *threading = dict_getitem_str(the_interp.modules, "threading");
    if (threading) {
        INCREF(threading);
        // A module attribute, not a method: obj_call_method looks on the type.
        Object *fn = obj_getattr_str(threading, "_shutdown");
        Object *r = fn ? obj_call0(fn) : NULL;
        XDECREF(fn);
        if (r) DECREF(r);
        else if (err_matches(Exc_AttributeError)) err_clear();
        else {
            Object *e = err_fetch();
            if (e) {
                exc_print(e);
                DECREF(e);
            }
        }
        DECREF(threading);
    }
    // atexit callbacks run while daemon threads may still run (CPython's
    // Py_FinalizeEx calls them before marking the runtime finalizing): they
    // may join them (multiprocessing's queue feeder threads).
    atexit_run_exitfuncs();
    atomic_store(&the_interp.finalizing, true);
    // Without the GIL, daemon threads are still running: have them stop at
    // their next eval breaker check.
    if (!gil_enabled()) atomic_fetch_or(&the_interp.eval_breaker, BREAK_FINALIZING);
}
