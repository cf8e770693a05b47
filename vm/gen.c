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
// SUSPENDED, RETURN_VALUE leaves it COMPLETED.
//
// Frame states follow genobject.c: CREATED (not started), SUSPENDED (at a
// yield), EXECUTING, COMPLETED, CLEARED. The generator keeps its own
// "exception being handled" (exc_state), linked onto the thread's stack
// while it runs, so `except` blocks inside the generator do not leak.
//
// `yield from` and `await` are a SEND loop in the caller's bytecode;
// throw() and close() forward to the delegate found by gen_yf().
#include "runtime.h"
#include "eval.h"
#include "objects/gen.h"
#include "objects/frameobject.h"
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

// Releases everything the frame holds.
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

Object *gen_yf(GenObject *g) {
    Frame *f = g->frame;
    if (f->state != FRAME_SUSPENDED) return NULL;
    CodeUnit next = f->prev_instr[1];
    if (CU_OP(next) != RESUME || CU_ARG(next) < 2) return NULL;
    if (f->stacktop <= f->code->nlocalsplus) return NULL;
    return f->localsplus[f->stacktop - 1];
}

static const char *gen_kind(GenObject *g) { return is_coro(g) ? "coroutine" : "generator"; }

SendResult gen_send_ex(GenObject *g, Object *arg, Object *exc, Object **result) {
    Frame *f = g->frame;
    ThreadState *ts = tstate_get();
    *result = NULL;
    if (f->state == FRAME_CREATED && arg && arg != None && !exc) {
        vm_raise(Exc_TypeError, "can't send non-None value to a just-started %s", gen_kind(g));
        return GEN_ERROR;
    }
    if (g->running || f->state == FRAME_EXECUTING) {
        vm_raise(Exc_ValueError, "%s already executing", gen_kind(g));
        return GEN_ERROR;
    }
    if (f->state >= FRAME_COMPLETED) {
        if (is_coro(g) && !exc) {
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
    // Push the sent value (the result of the yield expression).
    f->localsplus[f->stacktop++] = NEWREF(arg ? arg : None);
    g->running = true;
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
    g->running = false;
    if (f->state == FRAME_SUSPENDED && r) {
        *result = r;
        return GEN_NEXT;
    }
    // Returned or raised: the generator is finished.
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
    Object *r;
    SendResult s = gen_send_ex((GenObject *)self, args[0], NULL, &r);
    if (s == GEN_NEXT) return r;
    if (s == GEN_RETURN) {
        set_stop_iteration(r);
        DECREF(r);
    }
    return NULL;
}

static Object *gen_close_impl(GenObject *g);

// Throws exc into the generator at its yield (delegating through yield from).
static Object *gen_throw_impl(GenObject *g, Object *exc, bool close_on_genexit) {
    Object *yf = gen_yf(g);
    if (yf) {
        INCREF(yf);
        Object *r = NULL;
        if (type_is_subtype(TYPE(exc), Exc_GeneratorExit) && close_on_genexit) {
            // Close the delegate first, then throw into this generator.
            g->running = true;
            Object *cr;
            if (TYPE(yf) == &GenType || TYPE(yf) == &CoroType) {
                cr = gen_close_impl((GenObject *)yf);
            } else {
                int err;
                Object *m = obj_lookup_attr(yf, S_close, &err);
                cr = m ? obj_call0(m) : (err ? NULL : NEWREF(None));
                XDECREF(m);
            }
            g->running = false;
            DECREF(yf);
            if (!cr) goto throw_here_current;
            DECREF(cr);
            goto throw_here;
        }
        g->running = true;
        if (TYPE(yf) == &GenType || TYPE(yf) == &CoroType) {
            r = gen_throw_impl((GenObject *)yf, exc, close_on_genexit);
        } else {
            int err;
            Object *m = obj_lookup_attr(yf, S_throw, &err);
            if (!m) {
                g->running = false;
                DECREF(yf);
                if (err) goto throw_here_current;
                goto throw_here;
            }
            r = obj_call1(m, exc);
            DECREF(m);
        }
        g->running = false;
        DECREF(yf);
        if (r) return r;
        // The delegate finished: pop it and resume after the SEND loop
        // with its return value (or the exception it raised).
        Frame *f = g->frame;
        Object *val;
        if (err_fetch_stop_value(&val) == 0) {
            // Pop the delegate; the SEND instruction's jump target is where
            // the value goes. Emulate: replace yf on the stack with val and
            // continue after the JUMP_BACKWARD_NO_INTERRUPT of the send loop.
            Object *old = f->localsplus[--f->stacktop];
            DECREF(old);
            // prev_instr is YIELD_VALUE; the loop is RESUME, JUMP_BACKWARD_NO_INTERRUPT, then the exit.
            f->prev_instr += 2;
            Object *res;
            SendResult s = gen_send_ex(g, val, NULL, &res);
            DECREF(val);
            if (s == GEN_NEXT) return res;
            if (s == GEN_RETURN) {
                set_stop_iteration(res);
                DECREF(res);
            }
            return NULL;
        }
        goto throw_here_current;
    }
throw_here:
    {
        Object *r;
        SendResult s = gen_send_ex(g, None, exc, &r);
        if (s == GEN_NEXT) return r;
        if (s == GEN_RETURN) {
            set_stop_iteration(r);
            DECREF(r);
        }
        return NULL;
    }
throw_here_current:
    {
        Object *cur = err_fetch();
        Object *r;
        SendResult s = gen_send_ex(g, None, cur, &r);
        DECREF(cur);
        if (s == GEN_NEXT) return r;
        if (s == GEN_RETURN) {
            set_stop_iteration(r);
            DECREF(r);
        }
        return NULL;
    }
}

static Object *gen_throw(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (gen_check_args(self, "throw", kwnames, nargs, 1, 3) < 0) return NULL;
    Object *typ = args[0], *val = nargs > 1 ? args[1] : NULL, *tb = nargs > 2 ? args[2] : NULL;
    if (tb == None) tb = NULL;
    if (tb && TYPE(tb) != &TracebackType)
        return vm_raise(Exc_TypeError, "throw() third argument must be a traceback object");
    Object *exc;
    if (EXC_TYPE_CHECK(typ)) {
        if (val && val != None && EXC_CHECK(val) && type_is_subtype(TYPE(val), (TypeObject *)typ)) {
            exc = NEWREF(val);
        } else if (val && val != None) {
            exc = TUPLE_CHECK(val) ? exc_new((TypeObject *)typ, TUPLE_ITEMS(val), TUPLE_SIZE(val))
                                   : exc_new((TypeObject *)typ, &val, 1);
        } else {
            exc = exc_new((TypeObject *)typ, NULL, 0);
        }
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
    Object *r = gen_throw_impl((GenObject *)self, exc, true);
    DECREF(exc);
    return r;
}

static Object *gen_close_impl(GenObject *g) {
    Frame *f = g->frame;
    if (f->state == FRAME_CREATED) {
        gen_clear_frame(g);
        f->state = FRAME_COMPLETED;
        RETURN_NONE;
    }
    if (f->state >= FRAME_COMPLETED) RETURN_NONE;
    Object *exc = exc_new(Exc_GeneratorExit, NULL, 0);
    if (!exc) return NULL;
    Object *r = gen_throw_impl(g, exc, true);
    DECREF(exc);
    if (r) {
        DECREF(r);
        return vm_raise(Exc_RuntimeError, "%s ignored GeneratorExit", gen_kind(g));
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

static void gen_dealloc(Object *self) {
    GenObject *g = (GenObject *)self;
    Frame *f = g->frame;
    if (f->state == FRAME_SUSPENDED || (f->state == FRAME_CREATED && is_coro(g))) {
        if (f->state == FRAME_SUSPENDED) {
            // Run finally blocks: close the generator (as CPython's finalizer does).
            self->ob_refcnt = 1;
            Object *saved = err_fetch();
            Object *r = gen_close_impl(g);
            if (r) DECREF(r);
            else {
                Object *e = err_fetch();
                if (e) {
                    // CPython reports it as unraisable.
                    exc_print(e);
                    DECREF(e);
                }
            }
            err_restore(saved);
            if (--self->ob_refcnt > 0) return;  // resurrected
        }
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
    if (f->state < FRAME_CLEARED) {
        for (int i = 0; i < f->stacktop; i++)
            if (f->localsplus[i] && visit(f->localsplus[i], arg)) return -1;
        if (f->func && visit((Object *)f->func, arg)) return -1;
    }
    if (g->exc_state.exc_value && visit(g->exc_state.exc_value, arg)) return -1;
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
static Object *gen_get_running(Object *o, void *c) { return NEWREF(bool_from(((GenObject *)o)->running)); }
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
    .ob_base = {IMMORTAL_REFCNT, &TypeType},
    .name = "generator",
    .basicsize = sizeof(GenObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
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
    .ob_base = {IMMORTAL_REFCNT, &TypeType},
    .name = "coroutine",
    .basicsize = sizeof(GenObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .repr = gen_repr,
    .methods = gen_methods,
    .getset = coro_getset,
};
