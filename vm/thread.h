// OS threads running Python code: see thread.c.
#ifndef MINIPY_THREAD_H
#define MINIPY_THREAD_H

#include "state.h"

// Starts func(*args, **kwargs) in a new OS thread. Returns its ident, or 0
// with an exception set.
unsigned long thread_start(Object *func, Object *args, Object *kwargs);
long thread_native_id(void);
// Ends the calling (non-main) thread at interpreter exit.
void thread_exit_finalizing(ThreadState *ts) __attribute__((noreturn));
// Names a thread in GIL statistics and traces.
void thread_set_name(ThreadState *ts, const char *name);
// Releases the lock _thread._set_sentinel() gave this thread, once it has
// ended (stdlib/_threadmodule.c).
void thread_release_sentinel(ThreadState *ts);
// At exit: joins non-daemon threads, runs the atexit callbacks, then stops
// daemon threads safely.
void threads_shutdown(void);

#endif
