// The dispatch loop (CPython's Python/ceval.c).
#ifndef MINIPY_EVAL_H
#define MINIPY_EVAL_H

#include "state.h"

// Runs frame f (already pushed and linked) until it returns. New reference or NULL.
Object *eval_frame(ThreadState *ts, Frame *f, Object *throwflag_exc);
// Runs a module- or class-level code object with the given globals/locals.
Object *eval_code(CodeObject *co, Object *globals, Object *locals);
// Calls a Python function.
Object *eval_call_function(FunctionObject *func, Object *const *args, ssize_t nargs, Object *kwnames);
// Binds arguments into a new frame's locals (CPython's initialize_locals).
int eval_bind_args(ThreadState *ts, FunctionObject *func, Object **localsplus,
                   Object *const *args, ssize_t nargs, Object *kwnames);
// Checks the eval breaker work (signals, GIL drop requests). -1 on exception.
int eval_handle_breaker(ThreadState *ts);
// Instruction budget (the fuzzers, MINIPY_INSTR_BUDGET): after n more eval
// breaker checks (function entries and backward jumps) every check raises
// RuntimeError("instruction budget exhausted") and no exception handler runs
// any more, so even `while 1: try: ... except: pass` ends. n < 0 switches
// the budget off (the default: nothing is counted).
void eval_set_budget(long n);
// Set when a signal with a Python handler arrived; the main thread then
// calls eval_run_signal_handlers (installed by the signal module).
extern atomic_int eval_signals_tripped;
extern int (*eval_run_signal_handlers)(void);
Object *eval_builtins(void);                // borrowed: the builtins dict
Object *eval_globals(void);                 // borrowed: the current frame's globals or NULL
// The builtin __build_class__.
Object *builtin_build_class(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);

#endif
