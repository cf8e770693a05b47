// Generators (CPython's Objects/genobject.c).
//
// Notes on the design
// -------------------
// A generator owns its frame: the frame's memory is allocated right after
// the GenObject, so creating a generator is one allocation. Calling a
// generator function binds the arguments into that frame and runs its
// prologue up to RETURN_GENERATOR (which copies free variables and makes
// cells), then returns the generator. Each send() pushes the sent value onto
// the frame's stack and re-enters the dispatch loop at the saved
// instruction; YIELD_VALUE returns from the loop leaving the frame
// SUSPENDED, RETURN_VALUE leaves it COMPLETED. A resume/yield round trip
// therefore allocates nothing: the sent value goes on the frame's own value
// stack, and the frame, its locals and its instruction pointer stay inside
// the generator (tests/unit/test_gen_leaks.c checks this).
//
// Frame states follow genobject.c: CREATED (not started), SUSPENDED (at a
// yield), EXECUTING, COMPLETED, CLEARED; gi_running is "EXECUTING". The
// generator keeps its own "exception being handled" (exc_state), linked onto
// the thread's stack while it runs, so `except` blocks inside the generator
// do not leak out, and an exception thrown in is chained to it.
//
// When the generator finishes its frame is cleared at once (locals, stack,
// function, code); the generator keeps its own reference to the code object
// for gi_code.
//
// `yield from` and `await` are a SEND loop in the caller's bytecode
// (GET_YIELD_FROM_ITER; SEND; YIELD_VALUE; RESUME 2; JUMP_BACKWARD_NO_INTERRUPT),
// so next() and send() reach the delegate through the dispatch loop. throw()
// and close() forward to the delegate found by gen_yf() (the top of the value
// stack while paused in that loop), as CPython's _gen_throw and gen_close
// do: a delegate that is not a generator gets throw()'s arguments unchanged
// and has its close() method called; when the delegate finishes, the
// generator resumes after the loop with its return value.
//
// A generator destroyed while SUSPENDED is closed first (CPython's
// _PyGen_Finalize), so its finally blocks run when the last reference goes;
// an error from that close() is printed as CPython's default
// sys.unraisablehook does ("Exception ignored in: <generator object ...>").
// A coroutine destroyed before it started gets CPython's "coroutine '...'
// was never awaited" RuntimeWarning instead, attributed (as in CPython) to
// the Python frame running when it is freed. The finalizer runs once per
// object (the GC_FINALIZED header bit, as PEP 442).
//
// Coroutines
// ----------
// `async def` makes a CoroType object: the same frame machinery, but not an
// iterator. `await x` is GET_AWAITABLE (x itself for a coroutine, else
// x.__await__(), which must return an iterator) followed by the SEND loop;
// coro.__await__() returns a coroutine_wrapper, an iterator over the
// coroutine for awaitables written in Python.
//
// Async generators
// ----------------
// `yield v` in an `async def` compiles to ASYNC_GEN_WRAP; YIELD_VALUE, so the
// async generator's frame yields two kinds of values: wrapped ones (its own
// `yield`) and plain ones (whatever an `await` inside it passes up to the
// event loop). It is driven only through awaitables, as CPython's:
// __anext__()/asend(v) return an async_generator_asend, athrow()/aclose()
// an async_generator_athrow. Sending into one of those resumes the async
// generator; a plain value passes straight through to whoever awaits, and a
// wrapped value ends the awaitable with StopIteration(value), which is how
// `await agen.__anext__()` produces the next item. The generator finishing
// becomes StopAsyncIteration. running_async guards against two awaitables
// driving one generator at once, and `closed` records aclose(). The first
// __anext__/asend/athrow/aclose calls sys.set_asyncgen_hooks()'s firstiter
// hook and remembers the finalizer hook, which is then called (instead of
// closing it here) if the generator is freed while suspended.
#include "runtime.h"
#include "gc.h"
#include "eval.h"
#include "objects/gen.h"
#include "objects/frameobject.h"
#include "traceback.h"
#include "opcodes.h"

#include <stdlib.h>
#include <string.h>

static size_t frame_bytes(CodeObject *co) { return sizeof(Frame) + sizeof(Object *) * (size_t)co->framesize; }

static bool is_coro(GenObject *g) { return TYPE(g) == &CoroType; }
static bool is_agen(GenObject *g) { return TYPE(g) == &AsyncGenType; }

// cr_origin (CPython's compute_cr_origin): the innermost `depth` frames of
// the creating thread, innermost first, as (filename, lineno, name).
static Object *coro_origin(ThreadState *ts, int depth) {
    int n = 0;
    for (Frame *f = ts->frame; f && n < depth; f = f->previous) n++;
    Object *t = tuple_new(n);
    if (!t) return NULL;
    Frame *f = ts->frame;
    for (int i = 0; i < n; i++, f = f->previous) {
        Object *line = int_from_long(frame_current_line(f));
        Object *e = line ? tuple_pack(3, f->code->filename, line, f->code->name) : NULL;
        XDECREF(line);
        if (!e) {
            DECREF(t);
            return NULL;
        }
        TUPLE_ITEMS(t)[i] = e;
    }
    return t;
}

Object *gen_new(FunctionObject *func, Object *const *args, ssize_t nargs, Object *kwnames) {
    CodeObject *co = func->code;
    TypeObject *t = (co->flags & CO_COROUTINE)         ? &CoroType
                    : (co->flags & CO_ASYNC_GENERATOR) ? &AsyncGenType
                                                       : &GenType;
    ThreadState *ts = tstate_get();
    Object *origin = NULL;
    if (t == &CoroType && ts->coro_origin_depth > 0 && !(origin = coro_origin(ts, ts->coro_origin_depth)))
        return NULL;
    // Only the object and the frame's header are cleared: the locals are
    // below, and the value stack above them is written before it is read.
    GenObject *g = (GenObject *)obj_alloc_uninit(t, (size_t)t->basicsize + frame_bytes(co),
                                                 (size_t)t->basicsize + sizeof(Frame));
    if (!g) {
        XDECREF(origin);
        return NULL;
    }
    Frame *f = (Frame *)((char *)g + t->basicsize);
    g->frame = f;
    if (t == &CoroType) ((CoroObject *)g)->origin = origin;
    g->name = NEWREF(func->name);
    g->qualname = NEWREF(func->qualname);
    g->code = (CodeObject *)NEWREF(co);
    f->func = (FunctionObject *)NEWREF(func);
    f->code = (CodeObject *)NEWREF(co);
    f->globals = func->globals;
    f->builtins = func->builtins;
    f->locals = NULL;
    f->prev_instr = co->code - 1;
    f->stacktop = co->nlocalsplus;
    f->owner = FRAME_OWNED_BY_GENERATOR;
    f->gen = g;
    f->frame_obj = NULL;
    memset(f->localsplus, 0, sizeof(Object *) * (size_t)co->nlocalsplus);
    if (eval_bind_args(ts, func, f->localsplus, args, nargs, kwnames) < 0) {
        DECREF(g);
        return NULL;
    }
    if (CU_OP(co->code[0]) == RETURN_GENERATOR) {
        // No prologue: stop at RETURN_GENERATOR as if it had run.
        f->prev_instr = co->code;
        f->state = FRAME_CREATED;
        return (Object *)g;
    }
    // Run the prologue (COPY_FREE_VARS, MAKE_CELL) up to RETURN_GENERATOR.
    Object *r = eval_frame(ts, f, NULL);
    if (!r) {
        DECREF(g);
        return NULL;
    }
    DECREF(r);
    f->state = FRAME_CREATED;
    return (Object *)g;
}

// Releases everything the frame holds (CPython's _PyFrame_Clear for a
// generator frame). The generator keeps its own reference to the code.
static void gen_clear_frame(GenObject *g) {
    Frame *f = g->frame;
    if (f->state == FRAME_CLEARED) return;
    if (f->frame_obj) frame_detach_object(f);
    f->state = FRAME_CLEARED;
    for (int i = 0; i < f->stacktop; i++) CLEAR(f->localsplus[i]);
    f->stacktop = 0;
    CLEAR(f->func);
    CLEAR(f->code);
    CLEAR(g->exc_state.exc_value);
}

// The delegate of a `yield from`/`await` the generator is paused in (or is
// throwing into), else NULL (CPython's _PyGen_yf). Borrowed. The frame is
// paused in a send loop when the next instruction is `RESUME 2` (after
// YIELD_VALUE): the delegate is then on top of the value stack.
static Object *frame_yf(Frame *f, uint8_t state) {
    if (state == FRAME_CREATED || state >= FRAME_COMPLETED) return NULL;
    CodeUnit next = f->prev_instr[1];
    if (CU_OP(next) != RESUME || CU_ARG(next) < 2) return NULL;
    if (f->stacktop <= f->code->nlocalsplus) return NULL;
    return f->localsplus[f->stacktop - 1];
}

Object *gen_yf(GenObject *g) { return frame_yf(g->frame, g->frame->state); }

static inline void frame_set_state(Frame *f, uint8_t state) {
#ifdef MINIPY_FT
    __atomic_store_n(&f->state, state, __ATOMIC_RELEASE);
#else
    f->state = state;
#endif
}

// gen_yf for throw() and close(), which then work on the delegate while g
// is marked executing. With the GIL off another thread may be running g
// meanwhile, so its frame is claimed first (SUSPENDED -> EXECUTING, as
// gen_send_ex2 does) to hold its stack still; *claimed tells that the
// caller must give it back with frame_set_state(f, FRAME_SUSPENDED). A
// frame that is not suspended has no delegate: the send that follows
// reports "already executing" or finishes as usual. Borrowed.
static Object *gen_yf_claim(GenObject *g, bool *claimed) {
    *claimed = false;
#ifdef MINIPY_FT
    if (ft_mode) {
        Frame *f = g->frame;
        uint8_t expected = FRAME_SUSPENDED;
        if (!__atomic_compare_exchange_n(&f->state, &expected, FRAME_EXECUTING, false, __ATOMIC_ACQ_REL,
                                         __ATOMIC_ACQUIRE))
            return NULL;
        Object *yf = frame_yf(f, FRAME_SUSPENDED);
        if (yf) *claimed = true;
        else frame_set_state(f, FRAME_SUSPENDED);
        return yf;
    }
#endif
    return gen_yf(g);
}

bool gen_is_awaiting(GenObject *g) {
    bool claimed;
    Object *yf = gen_yf_claim(g, &claimed);
    if (claimed) frame_set_state(g->frame, FRAME_SUSPENDED);
    return yf != NULL;
}

static const char *gen_kind(GenObject *g) {
    return is_coro(g) ? "coroutine" : is_agen(g) ? "async generator" : "generator";
}

// The cases of gen_send_ex2 where the frame is not simply suspended: not
// started, running, or finished. GEN_NEXT means "go on and resume it";
// otherwise the result of the send.
static __attribute__((noinline)) SendResult gen_send_check(GenObject *g, Object *arg, Object *exc, bool closing,
                                                           Object **result) {
    Frame *f = g->frame;
    if (f->state == FRAME_CREATED && arg && arg != None && !exc) {
        vm_raise(Exc_TypeError, "can't send non-None value to a just-started %s", gen_kind(g));
        return GEN_ERROR;
    }
    if (f->state == FRAME_EXECUTING) {
        vm_raise(Exc_ValueError, "%s already executing", gen_kind(g));
        return GEN_ERROR;
    }
    if (f->state >= FRAME_COMPLETED) {
        if (is_coro(g) && !closing) {
            vm_raise(Exc_RuntimeError, "cannot reuse already awaited coroutine");
            return GEN_ERROR;
        }
        if (exc) {
            err_restore(NEWREF(exc));
            return GEN_ERROR;
        }
        *result = NEWREF(None);
        return GEN_RETURN;
    }
    return GEN_NEXT;
}

// The frame returned (r) or raised (r NULL): the generator is finished.
static __attribute__((noinline)) SendResult gen_finish(GenObject *g, Object *r, Object **result) {
    if (r) {
        gen_clear_frame(g);
        *result = r;
        return GEN_RETURN;
    }
    // PEP 479: StopIteration escaping the body becomes RuntimeError (and
    // StopAsyncIteration escaping an async generator, PEP 525).
    bool stop = err_matches(Exc_StopIteration);
    if (stop || (is_agen(g) && err_matches(Exc_StopAsyncIteration))) {
        Object *e = err_fetch();
        vm_raise(Exc_RuntimeError, "%s raised %s", gen_kind(g), stop ? "StopIteration" : "StopAsyncIteration");
        Object *ne = err_occurred();
        if (ne) {
            exc_set_cause(ne, NEWREF(e));
            exc_set_context(ne, e);
        } else {
            DECREF(e);
        }
    }
    gen_clear_frame(g);
    return GEN_ERROR;
}

// Resumes g: arg (NULL: None) becomes the value of the paused yield
// expression, or exc (if not NULL) is raised there. Returns GEN_NEXT with
// the yielded value, GEN_RETURN with the return value, or GEN_ERROR
// (CPython's gen_send_ex2; [closing]: called by close(), which must stay
// silent on an exhausted coroutine). This is the resume half of a yield
// round trip, so the common case (a suspended frame) allocates nothing and
// stays inline in its callers.
static inline __attribute__((always_inline)) SendResult gen_send_ex2(GenObject *g, Object *arg, Object *exc,
                                                                     bool closing, Object **result) {
    Frame *f = g->frame;
    *result = NULL;
    if (__builtin_expect(f->state != FRAME_SUSPENDED, 0)) {
        SendResult s = gen_send_check(g, arg, exc, closing, result);
        if (s != GEN_NEXT) return s;
    }
#ifdef MINIPY_FT
    if (ft_mode) {
        // Without the GIL two threads may resume g at once: one wins.
        uint8_t expected = f->state;
        if (expected >= FRAME_EXECUTING ||
            !__atomic_compare_exchange_n(&f->state, &expected, FRAME_EXECUTING, false, __ATOMIC_ACQ_REL,
                                         __ATOMIC_RELAXED)) {
            vm_raise(Exc_ValueError, "%s already executing", gen_kind(g));
            return GEN_ERROR;
        }
    }
#endif
    ThreadState *ts = tstate_get();
    // Push the sent value (the result of the yield expression). The frame
    // has room: the value stack is sized for the deepest point of the code.
    f->localsplus[f->stacktop++] = NEWREF(arg ? arg : None);
    f->state = FRAME_EXECUTING;
    // Link the generator's handled-exception state onto the thread's.
    g->exc_state.previous = ts->exc_info;
    ts->exc_info = &g->exc_state;
    if (exc) {
        // Raised at the yield: chain it onto the exception the generator
        // was handling there (CPython's _PyErr_ChainStackItem).
        err_restore(NEWREF(exc));
        if (g->exc_state.exc_value && g->exc_state.exc_value != None) exc_chain_context(exc);
    }
    Object *r = eval_frame(ts, f, exc);
    ts->exc_info = g->exc_state.previous;
    g->exc_state.previous = NULL;
    if (__builtin_expect(f->state == FRAME_SUSPENDED && r != NULL, 1)) {
        *result = r;
        return GEN_NEXT;
    }
    return gen_finish(g, r, result);
}

SendResult gen_send_ex(GenObject *g, Object *arg, Object *exc, Object **result) {
    return gen_send_ex2(g, arg, exc, false, result);
}

static Object *coro_wrapper_target(Object *w);
static Object *asend_send_impl(Object *self, Object *arg);
static Object *athrow_send_impl(Object *self, Object *arg);

SendResult iter_send(Object *receiver, Object *arg, Object **result) {
    TypeObject *t = TYPE(receiver);
    if (t == &GenType || t == &CoroType) return gen_send_ex((GenObject *)receiver, arg, NULL, result);
    if (t == &CoroWrapperType) return gen_send_ex((GenObject *)coro_wrapper_target(receiver), arg, NULL, result);
    if (t == &AsyncGenASendType || t == &AsyncGenAThrowType) {
        *result = t == &AsyncGenASendType ? asend_send_impl(receiver, arg) : athrow_send_impl(receiver, arg);
        if (*result) return GEN_NEXT;
        if (err_fetch_stop_value(result) == 0) return GEN_RETURN;
        return GEN_ERROR;
    }
    if (arg == None && TYPE(receiver)->iternext) {
        *result = TYPE(receiver)->iternext(receiver);
    } else {
        *result = obj_call_method_obj(receiver, S_send, &arg, 1);
    }
    if (*result) return GEN_NEXT;
    if (err_fetch_stop_value(result) == 0) return GEN_RETURN;
    return GEN_ERROR;
}

// Sets StopIteration(value) for a generator that returned a value.
static void set_stop_iteration(Object *value) {
    if (value == None) {
        err_set_value(Exc_StopIteration, NULL);
    } else {
        // Wrap so a tuple value is not unpacked into args.
        Object *e = exc_new(Exc_StopIteration, &value, 1);
        if (e) err_restore(e);
    }
}

// gen_send_ex as a method result: the yielded value, or NULL with
// StopIteration(return value) or the error set (CPython's gen_send_ex).
// An async generator that finishes raises StopAsyncIteration instead.
static Object *gen_result(GenObject *g, Object *arg, Object *exc) {
    Object *r;
    SendResult s = gen_send_ex(g, arg, exc, &r);
    if (s == GEN_NEXT) return r;
    if (s == GEN_RETURN) {
        if (is_agen(g)) err_set_value(Exc_StopAsyncIteration, NULL);
        else set_stop_iteration(r);
        DECREF(r);
    }
    return NULL;
}

static Object *gen_iternext(Object *self) {
    Object *r;
    SendResult s = gen_send_ex((GenObject *)self, NULL, NULL, &r);
    if (s == GEN_NEXT) return r;
    if (s == GEN_RETURN) {
        if (r != None) set_stop_iteration(r);
        DECREF(r);
    }
    return NULL;
}

// Checks a method call's arguments the way CPython's METH_O / METH_NOARGS /
// METH_FASTCALL wrappers do ("generator.send() takes ..."). 0 or -1.
static int gen_check_args(Object *self, const char *meth, Object *kwnames, ssize_t nargs, ssize_t min, ssize_t max) {
    const char *kind = type_name(TYPE(self));
    if (kwnames && TUPLE_SIZE(kwnames) > 0) {
        vm_raise(Exc_TypeError, "%s.%s() takes no keyword arguments", kind, meth);
        return -1;
    }
    if (min == max && nargs != min) {
        if (min == 0)
            vm_raise(Exc_TypeError, "%s.%s() takes no arguments (%zd given)", kind, meth, nargs);
        else
            vm_raise(Exc_TypeError, "%s.%s() takes exactly one argument (%zd given)", kind, meth, nargs);
        return -1;
    }
    return args_count(meth, nargs, min, max);
}

static Object *gen_send(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "send", kwnames, nargs, 1, 1) < 0) return NULL;
    return gen_result((GenObject *)self, args[0], NULL);
}

// Closes a `yield from` delegate: gen.close(), or its close() method if it
// has one (CPython's gen_close_iter). 0, or -1 with the error set.
static Object *gen_close_impl(GenObject *g);
static int gen_close_iter(Object *yf) {
    Object *r;
    if (TYPE(yf) == &GenType || TYPE(yf) == &CoroType) {
        r = gen_close_impl((GenObject *)yf);
    } else {
        int err;
        Object *m = obj_lookup_attr(yf, S_close, &err);
        if (!m) return err ? -1 : 0;
        r = obj_call0(m);
        DECREF(m);
    }
    if (!r) return -1;
    DECREF(r);
    return 0;
}

// The delegate of g finished while we were throwing into it (it returned, or
// raised): pop it off g's stack, move g past its send loop, and resume g
// there with the return value, or raise the delegate's exception at that
// point (CPython's _gen_throw: "Termination repetition of SEND loop").
static Object *gen_resume_after_delegate(GenObject *g) {
    Frame *f = g->frame;
    Object *yf = f->localsplus[--f->stacktop];
    DECREF(yf);
    // prev_instr is the YIELD_VALUE right after SEND: jump to SEND's target.
    CodeUnit send = f->prev_instr[-1];
    f->prev_instr += CU_ARG(send) - 1;
    Object *val;
    if (err_fetch_stop_value(&val) == 0) {
        Object *r = gen_result(g, val, NULL);
        DECREF(val);
        return r;
    }
    Object *cur = err_fetch();
    Object *r = gen_result(g, None, cur);
    DECREF(cur);
    return r;
}

// Throws into g at its yield, delegating through `yield from` (CPython's
// _gen_throw). typ/val/tb are throw()'s arguments as given (val and tb may
// be NULL): a delegate that is not a generator gets them unchanged, and they
// are turned into an exception only where it is raised.
static Object *gen_throw_impl(GenObject *g, bool close_on_genexit, Object *typ, Object *val, Object *tb) {
    Frame *f = g->frame;
    bool claimed;
    Object *yf = gen_yf_claim(g, &claimed);
    if (yf) {
        INCREF(yf);
        uint8_t state = claimed ? FRAME_SUSPENDED : f->state;
        Object *r;
        bool genexit = EXC_TYPE_CHECK(typ) ? type_is_subtype((TypeObject *)typ, Exc_GeneratorExit)
                                           : EXC_CHECK(typ) && type_is_subtype(TYPE(typ), Exc_GeneratorExit);
        if (genexit && close_on_genexit) {
            // Close the delegate, then raise GeneratorExit here.
            frame_set_state(f, FRAME_EXECUTING);
            int err = gen_close_iter(yf);
            frame_set_state(f, state);
            DECREF(yf);
            if (err < 0) {
                Object *cur = err_fetch();
                r = gen_result(g, None, cur);
                DECREF(cur);
                return r;
            }
            goto throw_here;
        }
        if (TYPE(yf) == &GenType || TYPE(yf) == &CoroType) {
            // Link g's frame while the delegate runs, so that the delegate's
            // f_back (and sys._getframe) sees g, as when resumed by SEND.
            ThreadState *ts = tstate_get();
            f->previous = ts->frame;
            ts->frame = f;
            frame_set_state(f, FRAME_EXECUTING);
            r = gen_throw_impl((GenObject *)yf, close_on_genexit, typ, val, tb);
            frame_set_state(f, state);
            ts->frame = f->previous;
            f->previous = NULL;
        } else {
            int err;
            Object *m = obj_lookup_attr(yf, S_throw, &err);
            if (!m) {
                DECREF(yf);
                if (err) return NULL;
                goto throw_here;
            }
            Object *argv[3] = {typ, val, tb};
            int n = !val ? 1 : !tb ? 2 : 3;
            frame_set_state(f, FRAME_EXECUTING);
            r = obj_call(m, argv, n, NULL);
            frame_set_state(f, state);
            DECREF(m);
        }
        DECREF(yf);
        if (r) return r;
        return gen_resume_after_delegate(g);
    }
throw_here:
    if (tb == None) tb = NULL;
    if (tb && TYPE(tb) != &TracebackType)
        return vm_raise(Exc_TypeError, "throw() third argument must be a traceback object");
    Object *exc;
    if (EXC_TYPE_CHECK(typ)) {
        // PyErr_NormalizeException: typ(), typ(val), typ(*val), or val itself.
        if (val && val != None && EXC_CHECK(val) && type_is_subtype(TYPE(val), (TypeObject *)typ)) {
            exc = NEWREF(val);
        } else if (val && val != None) {
            exc = TUPLE_CHECK(val) ? exc_new((TypeObject *)typ, TUPLE_ITEMS(val), TUPLE_SIZE(val))
                                   : exc_new((TypeObject *)typ, &val, 1);
        } else {
            exc = exc_new((TypeObject *)typ, NULL, 0);
        }
        // If making the exception failed, that error is what gets raised at
        // the yield (as in CPython, where normalizing replaces it).
        if (!exc) exc = err_fetch();
        if (!exc) return NULL;
    } else if (EXC_CHECK(typ)) {
        if (val && val != None)
            return vm_raise(Exc_TypeError, "instance exception may not have a separate value");
        exc = NEWREF(typ);
    } else {
        return vm_raise(Exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                        type_name(TYPE(typ)));
    }
    if (tb) exc_set_traceback(exc, tb);
    Object *r = gen_result(g, None, exc);
    DECREF(exc);
    return r;
}

static Object *gen_throw(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "throw", kwnames, nargs, 1, 3) < 0) return NULL;
    return gen_throw_impl((GenObject *)self, true, args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL);
}

// close(): GeneratorExit at the yield, after closing the delegate of a
// `yield from` (CPython's gen_close).
static Object *gen_close_impl(GenObject *g) {
    Frame *f = g->frame;
    if (f->state == FRAME_CREATED) {
        // GeneratorExit before the first instruction: nothing can catch it.
        gen_clear_frame(g);
        RETURN_NONE;
    }
    bool claimed;
    Object *yf = gen_yf_claim(g, &claimed);
    int err = 0;
    if (yf) {
        INCREF(yf);
        uint8_t state = claimed ? FRAME_SUSPENDED : f->state;
        frame_set_state(f, FRAME_EXECUTING);
        err = gen_close_iter(yf);
        frame_set_state(f, state);
        DECREF(yf);
    }
    Object *exc = err == 0 ? exc_new(Exc_GeneratorExit, NULL, 0) : err_fetch();
    if (!exc) return NULL;
    if (err == 0) exc_chain_context(exc);  // PyErr_SetNone chains, as any raise
    Object *r;
    SendResult s = gen_send_ex2(g, None, exc, true, &r);
    DECREF(exc);
    if (s == GEN_NEXT) {
        DECREF(r);
        return vm_raise(Exc_RuntimeError, "%s ignored GeneratorExit", gen_kind(g));
    }
    if (s == GEN_RETURN) {
        // Returned on GeneratorExit (a value is dropped, as 3.11 does). An
        // async generator that returns here reports StopAsyncIteration, as
        // CPython's gen_close does.
        DECREF(r);
        if (is_agen(g)) {
            err_set_value(Exc_StopAsyncIteration, NULL);
            return NULL;
        }
        RETURN_NONE;
    }
    if (err_matches(Exc_StopIteration) || err_matches(Exc_GeneratorExit)) {
        err_clear();
        RETURN_NONE;
    }
    return NULL;
}

static Object *gen_close(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "close", kwnames, nargs, 0, 0) < 0) return NULL;
    return gen_close_impl((GenObject *)self);
}

// The warning's text (CPython's warnings._warn_unawaited_coroutine): with an
// origin, followed by where the coroutine was created, outermost first, in
// traceback.format_list's layout.
static int sb_fmt(StrBuf *sb, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = sb_vformat(sb, fmt, ap);
    va_end(ap);
    return r;
}

static Object *coro_unawaited_message(CoroObject *c) {
    StrBuf sb;
    sb_init(&sb);
    int ok = sb_fmt(&sb, "coroutine '%U' was never awaited", c->gen.qualname) == 0;
    if (ok && c->origin) {
        ok = sb_puts(&sb, "\nCoroutine created at (most recent call last)") == 0;
        for (ssize_t i = TUPLE_SIZE(c->origin) - 1; ok && i >= 0; i--) {
            Object **e = TUPLE_ITEMS(TUPLE_ITEMS(c->origin)[i]);
            long lineno = int_as_long(e[1]);
            ok = sb_fmt(&sb, "\n  File \"%U\", line %ld, in %U", e[0], lineno, e[2]) == 0;
            char *line = ok ? source_line(STR_DATA(e[0]), (int)lineno) : NULL;
            if (line) {
                char *p = line;
                while (*p == ' ' || *p == '\t' || *p == '\f') p++;
                size_t n = strlen(p);
                while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\f')) n--;
                if (n) ok = sb_puts(&sb, "\n    ") == 0 && sb_putn(&sb, p, (ssize_t)n) == 0;
                free(line);
            }
        }
    }
    if (!ok) {
        sb_free(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

// Finalizes a generator, coroutine or async generator (CPython's
// _PyGen_Finalize): a suspended one is closed, so its finally blocks run
// when the last reference goes (errors from close() are unraisable); a
// coroutine that never started warns that it was never awaited; an async
// generator with a finalizer hook is handed to the hook instead. Returns
// true if the object was resurrected.
static bool gen_finalize_body(Object *self) {
    GenObject *g = (GenObject *)self;
    uint8_t state = g->frame->state;
    if (state == FRAME_EXECUTING || state >= FRAME_COMPLETED) return false;
    AsyncGenObject *ag = is_agen(g) ? (AsyncGenObject *)g : NULL;
    bool hook = ag && ag->finalizer && !ag->closed;
    bool unawaited = is_coro(g) && state == FRAME_CREATED;
    // Closing a generator that never started only clears its frame, which
    // deallocation does anyway.
    if (state == FRAME_CREATED && !hook && !unawaited) return false;
    obj_resurrect_begin(self);  // alive while the finalizer runs
    Object *saved = err_fetch();
    if (hook) {
        Object *fin = NEWREF(ag->finalizer);
        Object *r = obj_call(fin, &self, 1, NULL);
        DECREF(fin);
        if (r) DECREF(r);
        else err_write_unraisable(NULL, self, err_fetch());
    } else if (unawaited) {
        Object *msg = coro_unawaited_message((CoroObject *)g);
        if (!msg || err_warn(Exc_RuntimeWarning, msg, true) < 0) err_write_unraisable(NULL, self, err_fetch());
        XDECREF(msg);
    } else {
        Object *r = gen_close_impl(g);
        if (r) {
            DECREF(r);
        } else {
            Object *e = err_fetch();
            if (e) err_write_unraisable(NULL, self, e);
        }
    }
    err_restore(saved);
    return obj_resurrect_end(self);
}

bool gen_finalize(Object *self) {
    GCHead *h = GC_HEAD(self);
    if (h->bits & GC_FINALIZED) return false;
    h->bits |= GC_FINALIZED;
    return gen_finalize_body(self);
}

// The cycle collector's finalize slot: the collector has set GC_FINALIZED.
static void gen_finalize_slot(Object *self) { (void)gen_finalize_body(self); }

static void gen_dealloc(Object *self) {
    GenObject *g = (GenObject *)self;
    if (gen_finalize(self)) {
        gc_track(self);  // resurrected by the finally block
        return;
    }
    obj_clear_weakrefs(self);
    gen_clear_frame(g);
    XDECREF(g->name);
    XDECREF(g->qualname);
    XDECREF(g->code);
    if (is_agen(g)) XDECREF(((AsyncGenObject *)g)->finalizer);
    if (is_coro(g)) XDECREF(((CoroObject *)g)->origin);
    obj_free(self);
}

static int gen_traverse(Object *self, visitproc visit, void *arg) {
    GenObject *g = (GenObject *)self;
    Frame *f = g->frame;
    // A running frame's stack depth is not saved (it lives in the dispatch
    // loop's locals): its references then count as external, which is safe.
    if (f->state < FRAME_CLEARED && f->state != FRAME_EXECUTING) {
        for (int i = 0; i < f->stacktop; i++)
            if (f->localsplus[i] && visit(f->localsplus[i], arg)) return -1;
        if (f->func && visit((Object *)f->func, arg)) return -1;
    }
    if (g->code && visit((Object *)g->code, arg)) return -1;
    if (g->exc_state.exc_value && visit(g->exc_state.exc_value, arg)) return -1;
    if (is_agen(g) && ((AsyncGenObject *)g)->finalizer && visit(((AsyncGenObject *)g)->finalizer, arg)) return -1;
    return 0;
}

// Breaks cycles through the generator's frame (the collector has closed it
// already if it was suspended).
static int gen_clear(Object *self) {
    GenObject *g = (GenObject *)self;
    if (g->frame->state != FRAME_EXECUTING) gen_clear_frame(g);
    if (is_agen(g)) CLEAR(((AsyncGenObject *)g)->finalizer);
    return 0;
}

static Object *gen_repr(Object *self) {
    GenObject *g = (GenObject *)self;
    const char *kind = is_agen(g) ? "async_generator" : gen_kind(g);
    return str_from_format("<%s object %U at %p>", kind, g->qualname, (void *)self);
}

static Object *self_iter(Object *o) { return NEWREF(o); }

static Object *gen_get_name(Object *o, void *c) { return NEWREF(((GenObject *)o)->name); }
static Object *gen_get_qualname(Object *o, void *c) { return NEWREF(((GenObject *)o)->qualname); }
static int gen_set_name(Object *o, Object *v, void *c) {
    if (!v || !STR_CHECK(v)) {
        vm_raise(Exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    SETREF(((GenObject *)o)->name, NEWREF(v));
    return 0;
}
static int gen_set_qualname(Object *o, Object *v, void *c) {
    if (!v || !STR_CHECK(v)) {
        vm_raise(Exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    SETREF(((GenObject *)o)->qualname, NEWREF(v));
    return 0;
}
static Object *gen_get_running(Object *o, void *c) {
    return NEWREF(bool_from(((GenObject *)o)->frame->state == FRAME_EXECUTING));
}
static Object *gen_get_suspended(Object *o, void *c) {
    return NEWREF(bool_from(((GenObject *)o)->frame->state == FRAME_SUSPENDED));
}
static Object *gen_get_code(Object *o, void *c) {
    // The generator keeps its own reference: the frame's goes when it ends.
    return NEWREF(((GenObject *)o)->code);
}
static Object *gen_get_frame(Object *o, void *c) {
    GenObject *g = (GenObject *)o;
    if (g->frame->state >= FRAME_COMPLETED) RETURN_NONE;
    return frame_get_object(g->frame);
}
static Object *gen_get_yieldfrom(Object *o, void *c) {
    bool claimed;
    Object *yf = gen_yf_claim((GenObject *)o, &claimed);
    yf = NEWREF(yf ? yf : None);
    if (claimed) frame_set_state(((GenObject *)o)->frame, FRAME_SUSPENDED);
    return yf;
}

static const MethodDef gen_methods[] = {
    {"send", gen_send, 0, NULL},
    {"throw", gen_throw, 0, NULL},
    {"close", gen_close, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"gi_running", gen_get_running, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject GenType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "generator",
    .basicsize = sizeof(GenObject),
    .weaklistoffset = offsetof(GenObject, weaklist),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .finalize = gen_finalize_slot,
    .repr = gen_repr,
    .iter = self_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getset = gen_getset,
};

// ---- Coroutines ------------------------------------------------------------------------------

// The arguments check of a slot method called from Python (__await__,
// __aiter__, __anext__), worded as CPython's slot wrappers.
static int slot_check_noargs(const char *name, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "wrapper %s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 0) {
        vm_raise(Exc_TypeError, "expected 0 arguments, got %zd", nargs);
        return -1;
    }
    return 0;
}

typedef struct {
    OBJ_HEAD;
    GenObject *coro;            // strong
} CoroWrapperObject;

static Object *coro_wrapper_target(Object *w) { return (Object *)((CoroWrapperObject *)w)->coro; }

// coro.__await__(): an iterator driving the coroutine. New reference.
static Object *coro_await(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (slot_check_noargs("__await__", nargs, kwnames) < 0) return NULL;
    CoroWrapperObject *w = (CoroWrapperObject *)obj_alloc(&CoroWrapperType, sizeof(CoroWrapperObject));
    if (!w) return NULL;
    w->coro = (GenObject *)NEWREF(self);
    return (Object *)w;
}

static const MethodDef coro_methods[] = {
    {"send", gen_send, 0, NULL},
    {"throw", gen_throw, 0, NULL},
    {"close", gen_close, 0, NULL},
    {"__await__", coro_await, 0, NULL},
    {NULL, NULL, 0, NULL}};

static Object *coro_get_origin(Object *o, void *c) {
    Object *origin = ((CoroObject *)o)->origin;
    return NEWREF(origin ? origin : None);
}

static const GetSetDef coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"cr_running", gen_get_running, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject CoroType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "coroutine",
    .basicsize = sizeof(CoroObject),
    .weaklistoffset = offsetof(GenObject, weaklist),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .finalize = gen_finalize_slot,
    .repr = gen_repr,
    .methods = coro_methods,
    .getset = coro_getset,
};

static void coro_wrapper_dealloc(Object *self) {
    XDECREF(((CoroWrapperObject *)self)->coro);
    obj_free(self);
}

static int coro_wrapper_traverse(Object *self, visitproc visit, void *arg) {
    CoroWrapperObject *w = (CoroWrapperObject *)self;
    return w->coro && visit((Object *)w->coro, arg) ? -1 : 0;
}

static Object *coro_wrapper_iternext(Object *self) { return gen_iternext(coro_wrapper_target(self)); }

static Object *coro_wrapper_send(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "send", kwnames, nargs, 1, 1) < 0) return NULL;
    return gen_result((GenObject *)coro_wrapper_target(self), args[0], NULL);
}

static Object *coro_wrapper_throw(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "throw", kwnames, nargs, 1, 3) < 0) return NULL;
    return gen_throw_impl((GenObject *)coro_wrapper_target(self), true, args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

static Object *coro_wrapper_close(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "close", kwnames, nargs, 0, 0) < 0) return NULL;
    return gen_close_impl((GenObject *)coro_wrapper_target(self));
}

static const MethodDef coro_wrapper_methods[] = {
    {"send", coro_wrapper_send, 0, NULL},
    {"throw", coro_wrapper_throw, 0, NULL},
    {"close", coro_wrapper_close, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject CoroWrapperType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "coroutine_wrapper",
    .basicsize = sizeof(CoroWrapperObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = coro_wrapper_dealloc,
    .traverse = coro_wrapper_traverse,
    .iter = self_iter,
    .iternext = coro_wrapper_iternext,
    .methods = coro_wrapper_methods,
};

// A generator whose code has CO_ITERABLE_COROUTINE (types.coroutine) counts
// as a coroutine for await (CPython's gen_is_coroutine).
static bool is_iterable_coroutine(Object *o) {
    return TYPE(o) == &GenType && (((GenObject *)o)->code->flags & CO_ITERABLE_COROUTINE);
}

Object *coro_get_awaitable_iter(Object *o) {
    TypeObject *t = TYPE(o);
    if (t == &CoroType || is_iterable_coroutine(o)) return NEWREF(o);
    if (t == &AsyncGenASendType || t == &AsyncGenAThrowType) return NEWREF(o);
    Object *meth = type_lookup(t, S___await__);
    if (!meth)
        return vm_raise(Exc_TypeError, "object %s can't be used in 'await' expression", type_name(t));
    Object *res;
    if (TYPE(meth)->descr_get) {
        Object *bound = TYPE(meth)->descr_get(meth, o, (Object *)t);
        if (!bound) return NULL;
        res = obj_call0(bound);
        DECREF(bound);
    } else {
        res = obj_call(meth, &o, 1, NULL);
    }
    if (!res) return NULL;
    if (TYPE(res) == &CoroType || is_iterable_coroutine(res)) {
        DECREF(res);
        return vm_raise(Exc_TypeError, "__await__() returned a coroutine");
    }
    if (!obj_is_iterator(res)) {
        vm_raise(Exc_TypeError, "__await__() returned non-iterator of type '%s'", type_name(TYPE(res)));
        DECREF(res);
        return NULL;
    }
    return res;
}

// ---- Async generators ------------------------------------------------------------------------

typedef enum { AWAITABLE_INIT, AWAITABLE_ITER, AWAITABLE_CLOSED } AwaitableState;

// __anext__()/asend(v): sendval NULL in __anext__ mode (asend(None)).
typedef struct {
    OBJ_HEAD;
    AsyncGenObject *gen;        // strong
    Object *sendval;            // strong or NULL
    uint8_t state;
} ASendObject;

// athrow(...)/aclose(): args NULL in aclose() mode (athrow(GeneratorExit)).
typedef struct {
    OBJ_HEAD;
    AsyncGenObject *gen;        // strong
    Object *args;               // strong tuple or NULL
    uint8_t state;
} AThrowObject;

typedef struct {
    OBJ_HEAD;
    Object *val;                // strong
} WrappedValueObject;

Object *async_gen_wrap_value(Object *v) {
    WrappedValueObject *w = (WrappedValueObject *)obj_alloc(&AsyncGenWrappedValueType, sizeof(WrappedValueObject));
    if (!w) {
        DECREF(v);
        return NULL;
    }
    w->val = v;
    return (Object *)w;
}

static void wrapped_dealloc(Object *self) {
    XDECREF(((WrappedValueObject *)self)->val);
    obj_free(self);
}

static int wrapped_traverse(Object *self, visitproc visit, void *arg) {
    Object *v = ((WrappedValueObject *)self)->val;
    return v && visit(v, arg) ? -1 : 0;
}

TypeObject AsyncGenWrappedValueType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "async_generator_wrapped_value",
    .basicsize = sizeof(WrappedValueObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = wrapped_dealloc,
    .traverse = wrapped_traverse,
};

// Calls the firstiter hook and records the finalizer hook, once (CPython's
// async_gen_init_hooks). 0, or -1 with the hook's error.
static int async_gen_init_hooks(AsyncGenObject *ag) {
    if (ag->hooks_inited) return 0;
    ag->hooks_inited = true;
    ThreadState *ts = tstate_get();
    if (ts->asyncgen_finalizer) ag->finalizer = NEWREF(ts->asyncgen_finalizer);
    if (ts->asyncgen_firstiter) {
        Object *hook = NEWREF(ts->asyncgen_firstiter);
        Object *self = (Object *)ag;
        Object *r = obj_call(hook, &self, 1, NULL);
        DECREF(hook);
        if (!r) return -1;
        DECREF(r);
    }
    return 0;
}

// The result of resuming the async generator, seen from its awaitable
// (CPython's async_gen_unwrap_value): a plain value passes through (an
// `await` inside the generator yielding to the event loop); a wrapped one is
// the generator's own `yield` and ends the awaitable with
// StopIteration(value); an error marks the generator closed when it is
// StopAsyncIteration or GeneratorExit. Steals result.
static Object *async_gen_unwrap_value(AsyncGenObject *ag, Object *result) {
    if (!result) {
        if (!err_occurred()) err_set_value(Exc_StopAsyncIteration, NULL);
        if (err_matches(Exc_StopAsyncIteration) || err_matches(Exc_GeneratorExit)) ag->closed = true;
        ag->running_async = false;
        return NULL;
    }
    if (TYPE(result) == &AsyncGenWrappedValueType) {
        set_stop_iteration(((WrappedValueObject *)result)->val);
        DECREF(result);
        ag->running_async = false;
        return NULL;
    }
    return result;
}

static Object *asend_new(AsyncGenObject *ag, Object *sendval) {
    ASendObject *o = (ASendObject *)obj_alloc(&AsyncGenASendType, sizeof(ASendObject));
    if (!o) return NULL;
    o->gen = (AsyncGenObject *)NEWREF(ag);
    o->sendval = sendval ? NEWREF(sendval) : NULL;
    o->state = AWAITABLE_INIT;
    return (Object *)o;
}

static Object *athrow_new(AsyncGenObject *ag, Object *args) {
    AThrowObject *o = (AThrowObject *)obj_alloc(&AsyncGenAThrowType, sizeof(AThrowObject));
    if (!o) return NULL;
    o->gen = (AsyncGenObject *)NEWREF(ag);
    o->args = args ? NEWREF(args) : NULL;
    o->state = AWAITABLE_INIT;
    return (Object *)o;
}

Object *async_gen_anext(Object *self) {
    AsyncGenObject *ag = (AsyncGenObject *)self;
    if (async_gen_init_hooks(ag) < 0) return NULL;
    return asend_new(ag, NULL);
}

static Object *agen_anext_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (slot_check_noargs("__anext__", nargs, kwnames) < 0) return NULL;
    return async_gen_anext(self);
}

static Object *agen_aiter_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (slot_check_noargs("__aiter__", nargs, kwnames) < 0) return NULL;
    return NEWREF(self);
}

static Object *agen_asend(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "asend", kwnames, nargs, 1, 1) < 0) return NULL;
    AsyncGenObject *ag = (AsyncGenObject *)self;
    if (async_gen_init_hooks(ag) < 0) return NULL;
    return asend_new(ag, args[0]);
}

static Object *agen_athrow(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames))
        return vm_raise(Exc_TypeError, "async_generator.athrow() takes no keyword arguments");
    AsyncGenObject *ag = (AsyncGenObject *)self;
    if (async_gen_init_hooks(ag) < 0) return NULL;
    Object *t = tuple_from_array(args, nargs);
    if (!t) return NULL;
    Object *r = athrow_new(ag, t);
    DECREF(t);
    return r;
}

static Object *agen_aclose(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "aclose", kwnames, nargs, 0, 0) < 0) return NULL;
    AsyncGenObject *ag = (AsyncGenObject *)self;
    if (async_gen_init_hooks(ag) < 0) return NULL;
    return athrow_new(ag, NULL);
}

static Object *agen_get_running(Object *o, void *c) {
    return NEWREF(bool_from(((AsyncGenObject *)o)->running_async));
}

static const MethodDef agen_methods[] = {
    {"asend", agen_asend, 0, NULL},
    {"athrow", agen_athrow, 0, NULL},
    {"aclose", agen_aclose, 0, NULL},
    {"__aiter__", agen_aiter_meth, 0, NULL},
    {"__anext__", agen_anext_meth, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef agen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"ag_running", agen_get_running, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL},
    {"ag_frame", gen_get_frame, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject AsyncGenType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "async_generator",
    .basicsize = sizeof(AsyncGenObject),
    .weaklistoffset = offsetof(GenObject, weaklist),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .finalize = gen_finalize_slot,
    .repr = gen_repr,
    .methods = agen_methods,
    .getset = agen_getset,
};

// ---- async_generator_asend -------------------------------------------------------------------

static Object *asend_send_impl(Object *self, Object *arg) {
    ASendObject *o = (ASendObject *)self;
    if (o->state == AWAITABLE_CLOSED)
        return vm_raise(Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (o->state == AWAITABLE_INIT) {
        if (o->gen->running_async)
            return vm_raise(Exc_RuntimeError, "anext(): asynchronous generator is already running");
        if (!arg || arg == None) arg = o->sendval;
        o->state = AWAITABLE_ITER;
    }
    o->gen->running_async = true;
    Object *r = async_gen_unwrap_value(o->gen, gen_result((GenObject *)o->gen, arg, NULL));
    if (!r) o->state = AWAITABLE_CLOSED;
    return r;
}

static Object *asend_iternext(Object *self) { return asend_send_impl(self, NULL); }

static Object *asend_send(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "send", kwnames, nargs, 1, 1) < 0) return NULL;
    return asend_send_impl(self, args[0]);
}

static Object *asend_throw(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "throw", kwnames, nargs, 1, 3) < 0) return NULL;
    ASendObject *o = (ASendObject *)self;
    if (o->state == AWAITABLE_CLOSED)
        return vm_raise(Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    Object *r = gen_throw_impl((GenObject *)o->gen, true, args[0], nargs > 1 ? args[1] : NULL,
                               nargs > 2 ? args[2] : NULL);
    r = async_gen_unwrap_value(o->gen, r);
    if (!r) o->state = AWAITABLE_CLOSED;
    return r;
}

static Object *awaitable_close(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "close", kwnames, nargs, 0, 0) < 0) return NULL;
    // asend and athrow objects keep their state at the same place.
    if (TYPE(self) == &AsyncGenASendType) ((ASendObject *)self)->state = AWAITABLE_CLOSED;
    else ((AThrowObject *)self)->state = AWAITABLE_CLOSED;
    RETURN_NONE;
}

static Object *awaitable_await(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (slot_check_noargs("__await__", nargs, kwnames) < 0) return NULL;
    return NEWREF(self);
}

static void asend_dealloc(Object *self) {
    ASendObject *o = (ASendObject *)self;
    XDECREF(o->gen);
    XDECREF(o->sendval);
    obj_free(self);
}

static int asend_traverse(Object *self, visitproc visit, void *arg) {
    ASendObject *o = (ASendObject *)self;
    if (o->gen && visit((Object *)o->gen, arg)) return -1;
    if (o->sendval && visit(o->sendval, arg)) return -1;
    return 0;
}

static const MethodDef asend_methods[] = {
    {"send", asend_send, 0, NULL},
    {"throw", asend_throw, 0, NULL},
    {"close", awaitable_close, 0, NULL},
    {"__await__", awaitable_await, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject AsyncGenASendType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "async_generator_asend",
    .basicsize = sizeof(ASendObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = asend_dealloc,
    .traverse = asend_traverse,
    .iter = self_iter,
    .iternext = asend_iternext,
    .methods = asend_methods,
};

// ---- async_generator_athrow ------------------------------------------------------------------

#define ASYNC_GEN_IGNORED_EXIT_MSG "async generator ignored GeneratorExit"

// aclose() ends with StopIteration when the generator closed itself, and
// raises RuntimeError if it yielded instead (CPython's check_error and
// yield_close).
static Object *athrow_aclose_error(AThrowObject *o) {
    o->gen->running_async = false;
    o->state = AWAITABLE_CLOSED;
    if (err_matches(Exc_StopAsyncIteration) || err_matches(Exc_GeneratorExit)) {
        if (!o->args) {
            err_clear();
            err_set_value(Exc_StopIteration, NULL);
        }
    }
    return NULL;
}

static Object *athrow_yield_close(AThrowObject *o) {
    o->gen->running_async = false;
    o->state = AWAITABLE_CLOSED;
    return vm_raise(Exc_RuntimeError, ASYNC_GEN_IGNORED_EXIT_MSG);
}

static Object *athrow_send_impl(Object *self, Object *arg) {
    AThrowObject *o = (AThrowObject *)self;
    GenObject *g = (GenObject *)o->gen;
    if (o->state == AWAITABLE_CLOSED)
        return vm_raise(Exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (g->frame->state >= FRAME_COMPLETED) {
        o->state = AWAITABLE_CLOSED;
        err_set_value(Exc_StopIteration, NULL);
        return NULL;
    }
    if (!arg) arg = None;
    Object *r;
    if (o->state == AWAITABLE_INIT) {
        if (o->gen->running_async) {
            o->state = AWAITABLE_CLOSED;
            return vm_raise(Exc_RuntimeError, "%s(): asynchronous generator is already running",
                            o->args ? "athrow" : "aclose");
        }
        if (o->gen->closed) {
            o->state = AWAITABLE_CLOSED;
            err_set_value(Exc_StopAsyncIteration, NULL);
            return NULL;
        }
        if (arg != None) return vm_raise(Exc_RuntimeError, "can't send non-None value to a just-started coroutine");
        o->state = AWAITABLE_ITER;
        o->gen->running_async = true;
        if (!o->args) {
            // aclose(): GeneratorExit is thrown in, not close()d into a delegate.
            o->gen->closed = true;
            r = gen_throw_impl(g, false, (Object *)Exc_GeneratorExit, NULL, NULL);
            if (r && TYPE(r) == &AsyncGenWrappedValueType) {
                DECREF(r);
                return athrow_yield_close(o);
            }
        } else {
            ssize_t n = TUPLE_SIZE(o->args);
            if (n < 1 || n > 3) {
                if (n < 1) vm_raise(Exc_TypeError, "athrow expected at least 1 argument, got 0");
                else vm_raise(Exc_TypeError, "athrow expected at most 3 arguments, got %zd", n);
                return NULL;
            }
            Object **a = TUPLE_ITEMS(o->args);
            r = gen_throw_impl(g, false, a[0], n > 1 ? a[1] : NULL, n > 2 ? a[2] : NULL);
            r = async_gen_unwrap_value(o->gen, r);
        }
        if (!r) return athrow_aclose_error(o);
        return r;
    }
    r = gen_result(g, arg, NULL);
    if (o->args) return async_gen_unwrap_value(o->gen, r);
    if (!r) return athrow_aclose_error(o);
    if (TYPE(r) == &AsyncGenWrappedValueType) {
        DECREF(r);
        return athrow_yield_close(o);
    }
    return r;
}

static Object *athrow_iternext(Object *self) { return athrow_send_impl(self, None); }

static Object *athrow_send(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "send", kwnames, nargs, 1, 1) < 0) return NULL;
    return athrow_send_impl(self, args[0]);
}

static Object *athrow_throw(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "throw", kwnames, nargs, 1, 3) < 0) return NULL;
    AThrowObject *o = (AThrowObject *)self;
    if (o->state == AWAITABLE_CLOSED)
        return vm_raise(Exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    Object *r = gen_throw_impl((GenObject *)o->gen, true, args[0], nargs > 1 ? args[1] : NULL,
                               nargs > 2 ? args[2] : NULL);
    if (o->args) return async_gen_unwrap_value(o->gen, r);
    // aclose() mode.
    if (r && TYPE(r) == &AsyncGenWrappedValueType) {
        DECREF(r);
        return athrow_yield_close(o);
    }
    if (!r && (err_matches(Exc_StopAsyncIteration) || err_matches(Exc_GeneratorExit))) {
        err_clear();
        err_set_value(Exc_StopIteration, NULL);
    }
    return r;
}

static void athrow_dealloc(Object *self) {
    AThrowObject *o = (AThrowObject *)self;
    XDECREF(o->gen);
    XDECREF(o->args);
    obj_free(self);
}

static int athrow_traverse(Object *self, visitproc visit, void *arg) {
    AThrowObject *o = (AThrowObject *)self;
    if (o->gen && visit((Object *)o->gen, arg)) return -1;
    if (o->args && visit(o->args, arg)) return -1;
    return 0;
}

static const MethodDef athrow_methods[] = {
    {"send", athrow_send, 0, NULL},
    {"throw", athrow_throw, 0, NULL},
    {"close", awaitable_close, 0, NULL},
    {"__await__", awaitable_await, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject AsyncGenAThrowType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "async_generator_athrow",
    .basicsize = sizeof(AThrowObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = athrow_dealloc,
    .traverse = athrow_traverse,
    .iter = self_iter,
    .iternext = athrow_iternext,
    .methods = athrow_methods,
};
