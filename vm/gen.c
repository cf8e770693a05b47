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

Object *gen_new(FunctionObject *func, Object *const *args, ssize_t nargs, Object *kwnames) {
    CodeObject *co = func->code;
    TypeObject *t = (co->flags & CO_COROUTINE) ? &CoroType : &GenType;
    if (co->flags & CO_ASYNC_GENERATOR) return vm_raise(Exc_SystemError, "async generators are not supported yet");
    GenObject *g = (GenObject *)obj_alloc(t, sizeof(GenObject) + frame_bytes(co));
    if (!g) return NULL;
    Frame *f = (Frame *)(g + 1);
    g->frame = f;
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
    ThreadState *ts = tstate_get();
    if (eval_bind_args(ts, func, f->localsplus, args, nargs, kwnames) < 0) {
        DECREF(g);
        return NULL;
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
Object *gen_yf(GenObject *g) {
    Frame *f = g->frame;
    if (f->state == FRAME_CREATED || f->state >= FRAME_COMPLETED) return NULL;
    CodeUnit next = f->prev_instr[1];
    if (CU_OP(next) != RESUME || CU_ARG(next) < 2) return NULL;
    if (f->stacktop <= f->code->nlocalsplus) return NULL;
    return f->localsplus[f->stacktop - 1];
}

static const char *gen_kind(GenObject *g) { return is_coro(g) ? "coroutine" : "generator"; }

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
    // PEP 479: StopIteration escaping the body becomes RuntimeError.
    if (err_matches(Exc_StopIteration)) {
        Object *e = err_fetch();
        vm_raise(Exc_RuntimeError, "%s raised StopIteration", gen_kind(g));
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

SendResult iter_send(Object *receiver, Object *arg, Object **result) {
    if (TYPE(receiver) == &GenType || TYPE(receiver) == &CoroType)
        return gen_send_ex((GenObject *)receiver, arg, NULL, result);
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
static Object *gen_result(GenObject *g, Object *arg, Object *exc) {
    Object *r;
    SendResult s = gen_send_ex(g, arg, exc, &r);
    if (s == GEN_NEXT) return r;
    if (s == GEN_RETURN) {
        set_stop_iteration(r);
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
    const char *kind = gen_kind((GenObject *)self);
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
    Object *yf = gen_yf(g);
    if (yf) {
        INCREF(yf);
        uint8_t state = f->state;
        Object *r;
        bool genexit = EXC_TYPE_CHECK(typ) ? type_is_subtype((TypeObject *)typ, Exc_GeneratorExit)
                                           : EXC_CHECK(typ) && type_is_subtype(TYPE(typ), Exc_GeneratorExit);
        if (genexit && close_on_genexit) {
            // Close the delegate, then raise GeneratorExit here.
            f->state = FRAME_EXECUTING;
            int err = gen_close_iter(yf);
            f->state = state;
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
            f->state = FRAME_EXECUTING;
            r = gen_throw_impl((GenObject *)yf, close_on_genexit, typ, val, tb);
            f->state = state;
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
            f->state = FRAME_EXECUTING;
            r = obj_call(m, argv, n, NULL);
            f->state = state;
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
    Object *yf = gen_yf(g);
    int err = 0;
    if (yf) {
        INCREF(yf);
        uint8_t state = f->state;
        f->state = FRAME_EXECUTING;
        err = gen_close_iter(yf);
        f->state = state;
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
        // Returned a value on GeneratorExit (3.11 drops it), or was
        // already finished.
        DECREF(r);
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

// A generator destroyed while suspended is closed first, so its finally
// blocks run (CPython's _PyGen_Finalize); with reference counting this
// happens when the last reference goes. Errors from close() are
// unraisable.
// Returns true if the finally block resurrected the generator. Also the
// cycle collector's finalize slot (through gen_finalize_slot), called on
// unreachable generators.
bool gen_finalize(Object *self) {
    GenObject *g = (GenObject *)self;
    if (g->frame->state != FRAME_SUSPENDED) return false;
    obj_resurrect_begin(self);  // alive while close() runs
    Object *saved = err_fetch();
    Object *r = gen_close_impl(g);
    if (r) {
        DECREF(r);
    } else {
        Object *e = err_fetch();
        if (e) err_write_unraisable(NULL, self, e);
    }
    err_restore(saved);
    return obj_resurrect_end(self);
}

static void gen_finalize_slot(Object *self) { (void)gen_finalize(self); }

static void gen_dealloc(Object *self) {
    GenObject *g = (GenObject *)self;
    if (gen_finalize(self)) {
        gc_track(self);  // resurrected by the finally block
        return;
    }
    gen_clear_frame(g);
    XDECREF(g->name);
    XDECREF(g->qualname);
    XDECREF(g->code);
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
    return 0;
}

// Breaks cycles through the generator's frame (the collector has closed it
// already if it was suspended).
static int gen_clear(Object *self) {
    GenObject *g = (GenObject *)self;
    if (g->frame->state != FRAME_EXECUTING) gen_clear_frame(g);
    return 0;
}

static Object *gen_repr(Object *self) {
    GenObject *g = (GenObject *)self;
    return str_from_format("<%s object %U at %p>", gen_kind(g), g->qualname, (void *)self);
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
    Object *yf = gen_yf((GenObject *)o);
    return NEWREF(yf ? yf : None);
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

static const GetSetDef coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"cr_running", gen_get_running, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject CoroType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "coroutine",
    .basicsize = sizeof(GenObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .finalize = gen_finalize_slot,
    .repr = gen_repr,
    .methods = gen_methods,
    .getset = coro_getset,
};
