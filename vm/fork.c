// Forking the interpreter (CPython's PyOS_BeforeFork, PyOS_AfterFork_Parent
// and PyOS_AfterFork_Child in Modules/posixmodule.c, with the stop-the-world
// pause of 3.13's free-threaded build, _PyEval_StopTheWorldAll).
//
// Notes about the implementation
// ------------------------------
// fork() copies the whole process but only the calling thread: every other
// thread simply does not exist in the child, frozen wherever it was. What
// those threads held stays held: a mutex locked by one of them is locked
// forever in the child, a list they were unlinking is half unlinked. So the
// forking thread makes sure the interpreter's own structures are consistent
// at the moment of the fork, and the child repairs what it cannot control:
//
// - The forking thread holds the GIL across fork() (it is running Python),
//   so with the GIL on no other thread is in the middle of an object
//   operation. Threads waiting for the GIL may be inside its mutex: the
//   child re-creates the GIL's mutexes and conditions, held by itself.
//
// - With the GIL off, other threads run Python in parallel. The forking
//   thread stops the world first (vm/ft.c's ft_stop_the_world, which the
//   cycle collector uses too): running threads pause at their next eval
//   breaker check (where they hold no container lock and no borrowed
//   pointer) by detaching, and threads in blocking calls stay detached.
//   When no other thread is attached, the fork is taken. In the parent the
//   world restarts at once.
//
// - The import lock is held across fork() (CPython does the same), so no
//   module is half-loaded in the child; the child re-creates it, still
//   held if it forked from inside an import.
//
// - The thread list's mutex is held across fork() so the list is
//   consistent; in the child every other thread state is unlinked (see
//   tstate_after_fork_child: their frames are left alone, never run again)
//   and the forking thread becomes the main thread. The locks the forking
//   thread held across fork() (import, thread list) are simply released;
//   the ones another thread may have held at that moment (the GIL's, the
//   interning lock, the collector's lock and the deferred-free lists of
//   free threading, the locks of the standard streams) are made afresh.
//
// Python-level work comes after, in os.fork(): the os.register_at_fork
// callables (before, then after_in_parent or after_in_child), among them
// threading._after_fork, which marks every other Thread object stopped and
// makes the current one the main thread.
#include "runtime.h"
#include "fork.h"
#include "gc.h"
#include "gil.h"
#include "import.h"
#include "thread.h"
#include "eval.h"
#include "objects/fileobject.h"
#include "objects/weakref.h"

#include <pthread.h>
#include <signal.h>

void signal_after_fork_child(void);  // stdlib/signalmodule.c

// ---- Before and after fork() ---------------------------------------------------------------

void fork_prepare(void) {
    import_lock_acquire();
#ifdef MINIPY_FT
    // A thread that never reaches an eval breaker check (a long C loop)
    // would hold the fork up forever: after a few seconds it goes ahead
    // anyway, as it would without the pause.
    if (ft_mode) ft_stop_the_world(tstate_get(), 4.0);
#endif
    pthread_mutex_lock(&the_interp.threads_mutex);
}

void fork_parent(void) {
    pthread_mutex_unlock(&the_interp.threads_mutex);
#ifdef MINIPY_FT
    if (ft_mode) ft_start_the_world();
#endif
    import_lock_release();
}

// Another thread may have been writing to a standard stream (holding its
// lock across the write, with the GIL released) at the moment of the fork.
static void reinit_file_locks(void) {
    static const char *const names[] = {"stdin", "stdout", "stderr", "__stdin__", "__stdout__", "__stderr__"};
    if (!the_interp.sysdict) return;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        Object *f = dict_getitem_str(the_interp.sysdict, names[i]);
        if (!f || TYPE(f) != &FileType) continue;
        FileObject *fo = (FileObject *)f;
        fo->write_lock = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
        fo->read_lock = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    }
}

void fork_child(void) {
    ThreadState *ts = tstate_get();
    ts->native_id = thread_native_id();
    gil_after_fork_child(ts);
#ifdef MINIPY_FT
    ft_after_fork_child();
#endif
    str_after_fork_child();
    gc_after_fork_child();
    tstate_after_fork_child(ts);
    import_after_fork_child();
    reinit_file_locks();
    weakref_after_fork_child();
    // This thread is the main thread now: it takes Ctrl-C, and signals
    // that arrived for the parent are the parent's (_PySignal_AfterFork).
    the_interp.pending_sigint = 0;
    atomic_store(&eval_signals_tripped, 0);
    signal_after_fork_child();
    atomic_fetch_and(&the_interp.eval_breaker, ~BREAK_SIGNALS);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}
