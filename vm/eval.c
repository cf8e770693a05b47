// The dispatch loop (CPython's Python/ceval.c).
//
// Notes on the design
// -------------------
// One C call of eval_frame() runs an "entry" frame and every Python frame
// called from it: a CALL of a Python function pushes a new frame on the
// thread's data stack and jumps to its first instruction without recursing
// in C (as CPython 3.11 does); RETURN_VALUE pops it and resumes the caller.
// Only calls that pass through C (a builtin calling back into Python, a
// dunder slot) re-enter eval_frame.
//
// Hot state lives in locals: next_instr, stack_pointer, localsplus.
// frame->prev_instr always points at the instruction being executed, so
// tracebacks, super() and generators can read the frame at any time.
//
// Exceptions use 3.11's zero-cost table: when an instruction fails, the
// handler covering it is looked up; the stack is cut to the handler's depth,
// the exception pushed, and execution continues there. With no handler the
// frame is popped and the exception propagates to the caller frame.
//
// The eval breaker (an atomic word in the interpreter) is checked at RESUME
// (function entry) and on backward jumps; it carries pending signals and,
// later, GIL drop requests.
#include "runtime.h"
#include "eval.h"
#include "opcodes.h"
#include "traceback.h"
#include "objects/gen.h"
#include "import.h"
#include "suggestions.h"
#include "gil.h"
#include "fork.h"
#include "thread.h"
#include "gc.h"
#include "specialize.h"

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

// ---- Argument binding (CPython's initialize_locals) -------------------------------------------

static Object *func_qualname(FunctionObject *f) { return f->qualname; }

static void missing_args_error(FunctionObject *func, Object **localsplus, int start, int end, bool kwonly,
                               ssize_t ndefaults) {
    CodeObject *co = func->code;
    Object *names = list_new(0);
    if (!names) return;
    for (int i = start; i < end; i++) {
        if (localsplus[i]) continue;
        if (!kwonly && i >= end - ndefaults) continue;
        if (kwonly && func->kwdefaults && dict_getitem(func->kwdefaults, TUPLE_ITEMS(co->localsplusnames)[i]))
            continue;
        list_append(names, TUPLE_ITEMS(co->localsplusnames)[i]);
    }
    ssize_t n = LIST_SIZE(names);
    StrBuf sb;
    sb_init(&sb);
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0) sb_puts(&sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_put_obj_repr(&sb, LIST_ITEMS(names)[i]);
    }
    Object *s = sb_finish(&sb);
    vm_raise(Exc_TypeError, "%U() missing %zd required %s argument%s: %U", func_qualname(func), n,
             kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", s);
    XDECREF(s);
    DECREF(names);
}

int eval_bind_args(ThreadState *ts, FunctionObject *func, Object **localsplus, Object *const *args, ssize_t nargs,
                   Object *kwnames) {
    CodeObject *co = func->code;
    int argcount = co->argcount, kwonly = co->kwonlyargcount;
    int total = argcount + kwonly;
    Object *kwdict = NULL;
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    int i;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new();
        if (!kwdict) return -1;
        int idx = total + ((co->flags & CO_VARARGS) ? 1 : 0);
        localsplus[idx] = kwdict;
    }
    ssize_t n = nargs < argcount ? nargs : argcount;
    for (i = 0; i < n; i++) localsplus[i] = NEWREF(args[i]);
    if (co->flags & CO_VARARGS) {
        Object *u = nargs > argcount ? tuple_from_array(args + argcount, nargs - argcount) : tuple_new(0);
        if (!u) return -1;
        localsplus[total] = u;
    }
    // Keyword arguments.
    for (ssize_t k = 0; k < nkw; k++) {
        Object *name = TUPLE_ITEMS(kwnames)[k];
        Object *value = args[nargs + k];
        int j;
        for (j = co->posonlyargcount; j < total; j++) {
            Object *pn = TUPLE_ITEMS(co->localsplusnames)[j];
            if (pn == name || str_eq(pn, name)) break;
        }
        if (j >= total) {
            if (!kwdict) {
                // Positional-only passed by keyword? Name them all.
                StrBuf sb;
                sb_init(&sb);
                for (ssize_t k2 = 0; k2 < nkw; k2++) {
                    Object *n2 = TUPLE_ITEMS(kwnames)[k2];
                    for (int p = 0; p < co->posonlyargcount; p++)
                        if (str_eq(TUPLE_ITEMS(co->localsplusnames)[p], n2)) {
                            if (sb.len) sb_puts(&sb, ", ");
                            sb_putn(&sb, STR_DATA(n2), STR_NBYTES(n2));
                        }
                }
                if (sb.len) {
                    Object *names = sb_finish(&sb);
                    if (names) {
                        vm_raise(Exc_TypeError,
                                 "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                                 func_qualname(func), names);
                        DECREF(names);
                    }
                    return -1;
                }
                sb_free(&sb);
                vm_raise(Exc_TypeError, "%U() got an unexpected keyword argument '%U'", func_qualname(func), name);
                return -1;
            }
            if (dict_setitem(kwdict, name, value) < 0) return -1;
            continue;
        }
        if (localsplus[j]) {
            vm_raise(Exc_TypeError, "%U() got multiple values for argument '%U'", func_qualname(func), name);
            return -1;
        }
        localsplus[j] = NEWREF(value);
    }
    // Too many positional arguments (reported after keyword errors, as CPython).
    if (nargs > argcount && !(co->flags & CO_VARARGS)) {
        // Too many positional arguments.
        ssize_t ndef = func->defaults ? TUPLE_SIZE(func->defaults) : 0;
        int kwonly_given = 0;
        for (ssize_t k = 0; k < nkw; k++) {
            Object *name = TUPLE_ITEMS(kwnames)[k];
            for (int j = argcount; j < total; j++)
                if (str_eq(name, TUPLE_ITEMS(co->localsplusnames)[j])) kwonly_given++;
        }
        char given[128] = "";
        if (kwonly_given)
            snprintf(given, sizeof given, " positional argument%s (and %d keyword-only argument%s)",
                     nargs == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
        if (ndef) {
            vm_raise(Exc_TypeError, "%U() takes from %zd to %d positional arguments but %zd%s %s given",
                     func_qualname(func), argcount - ndef, argcount, nargs, kwonly_given ? given : "",
                     nargs == 1 && !kwonly_given ? "was" : "were");
        } else {
            vm_raise(Exc_TypeError, "%U() takes %d positional argument%s but %zd%s %s given", func_qualname(func),
                     argcount, argcount == 1 ? "" : "s", nargs, kwonly_given ? given : "",
                     nargs == 1 && !kwonly_given ? "was" : "were");
        }
        return -1;
    }
    // Defaults for missing positional arguments.
    if (nargs < argcount) {
        ssize_t ndef = func->defaults ? TUPLE_SIZE(func->defaults) : 0;
        ssize_t m = argcount - ndef;
        for (i = (int)nargs; i < m; i++) {
            if (!localsplus[i]) {
                missing_args_error(func, localsplus, (int)nargs, argcount, false, ndef);
                return -1;
            }
        }
        for (i = (int)(nargs > m ? nargs : m); i < argcount; i++) {
            if (!localsplus[i]) localsplus[i] = NEWREF(TUPLE_ITEMS(func->defaults)[i - m]);
        }
    }
    // Keyword-only defaults.
    if (kwonly) {
        bool missing = false;
        for (i = argcount; i < total; i++) {
            if (localsplus[i]) continue;
            Object *name = TUPLE_ITEMS(co->localsplusnames)[i];
            Object *d = func->kwdefaults ? dict_getitem(func->kwdefaults, name) : NULL;
            if (d) localsplus[i] = NEWREF(d);
            else missing = true;
        }
        if (missing) {
            missing_args_error(func, localsplus, argcount, total, true, 0);
            return -1;
        }
    }
    return 0;
}

// ---- Helpers for opcodes ----------------------------------------------------------------------

static void format_exc_unbound(CodeObject *co, int idx) {
    Object *name = TUPLE_ITEMS(co->localsplusnames)[idx];
    if (co->localspluskinds[idx] & CO_FAST_FREE)
        vm_raise(Exc_NameError, "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
    else
        vm_raise(Exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value", name);
}

static void name_error(Object *name) {
    vm_raise(Exc_NameError, "name '%U' is not defined", name);
    Object *exc = err_occurred();
    if (exc) obj_generic_setattr(exc, S_name, name);
}

static int unpack_iterable(Object *v, int argcnt, int argcntafter, Object **sp) {
    // Fills sp[0..] bottom-up so the first item ends on top.
    Object *it = obj_getiter(v);
    if (!it) {
        if (err_matches(Exc_TypeError) && !TYPE(v)->iter && !TYPE(v)->mp_subscript) {
            err_clear();
            vm_raise(Exc_TypeError, "cannot unpack non-iterable %s object", type_name(TYPE(v)));
        }
        return -1;
    }
    Object **out = sp + argcnt + (argcntafter >= 0 ? argcntafter + 1 : 0);
    int i;
    for (i = 0; i < argcnt; i++) {
        Object *w = iter_next(it);
        if (!w) {
            if (!err_occurred()) {
                if (argcntafter < 0)
                    vm_raise(Exc_ValueError, "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    vm_raise(Exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                             argcnt + argcntafter, i);
            }
            goto error;
        }
        *--out = w;
    }
    if (argcntafter < 0) {
        Object *w = iter_next(it);
        if (!w) {
            if (err_occurred()) goto error;
            DECREF(it);
            return 0;
        }
        DECREF(w);
        if (LIST_CHECK(v) || TUPLE_CHECK(v) || DICT_CHECK(v)) {
            ssize_t n = obj_len(v);
            (void)n;
            vm_raise(Exc_ValueError, "too many values to unpack (expected %d)", argcnt);
        } else {
            vm_raise(Exc_ValueError, "too many values to unpack (expected %d)", argcnt);
        }
        goto error;
    }
    Object *l = list_from_iter(it);
    if (!l) goto error;
    *--out = l;
    i++;
    ssize_t ll = LIST_SIZE(l);
    if (ll < argcntafter) {
        vm_raise(Exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)", argcnt + argcntafter,
                 argcnt + ll);
        goto error;
    }
    for (int j = argcntafter; j > 0; j--, i++) *--out = LIST_ITEMS(l)[ll - j];
    ((ListObject *)l)->size = ll - argcntafter;
    DECREF(it);
    return 0;
error:
    for (; i > 0; i--) XDECREF(*out++);
    DECREF(it);
    return -1;
}

// RAISE_VARARGS. Returns 1 when re-raising (no new traceback entry).
static int do_raise(ThreadState *ts, Object *exc, Object *cause) {
    if (!exc) {
        Object *handled = NULL;
        for (ExcInfo *ei = ts->exc_info; ei; ei = ei->previous)
            if (ei->exc_value && ei->exc_value != None) {
                handled = ei->exc_value;
                break;
            }
        if (!handled) {
            vm_raise(Exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        err_restore(NEWREF(handled));
        return 1;
    }
    Object *value;
    if (TYPE_CHECK(exc) && type_has_flag((TypeObject *)exc, TPFLAGS_BASE_EXC_SUBCLASS)) {
        value = obj_call0(exc);
        if (!value) goto fail;
        if (!EXC_CHECK(value)) {
            vm_raise(Exc_TypeError, "calling %R should have returned an instance of BaseException, not %s", exc,
                     type_name(TYPE(value)));
            DECREF(value);
            goto fail;
        }
    } else if (EXC_CHECK(exc)) {
        value = NEWREF(exc);
    } else {
        vm_raise(Exc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause) {
        Object *fixed;
        if (TYPE_CHECK(cause) && type_has_flag((TypeObject *)cause, TPFLAGS_BASE_EXC_SUBCLASS)) {
            fixed = obj_call0(cause);
            if (!fixed) {
                DECREF(value);
                goto fail;
            }
        } else if (EXC_CHECK(cause)) {
            fixed = NEWREF(cause);
        } else if (cause == None) {
            fixed = NULL;
        } else {
            vm_raise(Exc_TypeError, "exception causes must derive from BaseException");
            DECREF(value);
            goto fail;
        }
        exc_set_cause(value, fixed);
    }
    err_set_object(value);
    DECREF(value);
    DECREF(exc);
    XDECREF(cause);
    return 0;
fail:
    DECREF(exc);
    XDECREF(cause);
    return 0;
}

// The type of an except* clause: exception classes (or a tuple of them), and
// no exception group class (check_except_star_type_valid).
static int check_except_star_type(Object *right) {
    Object *const *items = TUPLE_CHECK(right) ? TUPLE_ITEMS(right) : &right;
    ssize_t n = TUPLE_CHECK(right) ? TUPLE_SIZE(right) : 1;
    for (ssize_t i = 0; i < n; i++) {
        if (!EXC_TYPE_CHECK(items[i])) {
            vm_raise(Exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }
    }
    for (ssize_t i = 0; i < n; i++) {
        if (type_is_subtype((TypeObject *)items[i], Exc_BaseExceptionGroup)) {
            vm_raise(Exc_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return -1;
        }
    }
    return 0;
}

static Object *import_from(Object *module, Object *name) {
    int err;
    Object *x = obj_lookup_attr(module, name, &err);
    if (x || err) return x;
    // A submodule not yet bound as an attribute: try sys.modules.
    Object *pkgname = obj_getattr(module, S___name__);
    if (pkgname && STR_CHECK(pkgname)) {
        Object *full = str_from_format("%U.%U", pkgname, name);
        x = full ? dict_getitem(the_interp.modules, full) : NULL;
        XDECREF(full);
        if (x) {
            DECREF(pkgname);
            return NEWREF(x);
        }
    }
    err_clear();
    Object *file = NULL;
    int e2;
    file = obj_lookup_attr(module, S___file__, &e2);
    if (e2) err_clear();
    if (pkgname && STR_CHECK(pkgname)) {
        if (file && STR_CHECK(file))
            vm_raise(Exc_ImportError, "cannot import name '%U' from '%U' (%U)", name, pkgname, file);
        else
            vm_raise(Exc_ImportError, "cannot import name '%U' from '%U' (unknown location)", name, pkgname);
    } else {
        vm_raise(Exc_ImportError, "cannot import name '%U'", name);
    }
    XDECREF(file);
    XDECREF(pkgname);
    return NULL;
}

static int import_all_from(Object *locals, Object *module) {
    int err;
    Object *all = obj_lookup_attr(module, S___all__, &err);
    if (err) return -1;
    bool skip_private = false;
    if (!all) {
        Object *d = obj_lookup_attr(module, S___dict__, &err);
        if (!d) {
            if (!err) vm_raise(Exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = dict_keys_list(d);
        DECREF(d);
        if (!all) return -1;
        skip_private = true;
    }
    Object *it = obj_getiter(all);
    DECREF(all);
    if (!it) return -1;
    Object *name;
    while ((name = iter_next(it))) {
        if (!STR_CHECK(name)) {
            vm_raise(Exc_TypeError, "Item in %s.__all__ must be str, not %s", "module", type_name(TYPE(name)));
            DECREF(name);
            DECREF(it);
            return -1;
        }
        if (skip_private && STR_DATA(name)[0] == '_') {
            DECREF(name);
            continue;
        }
        Object *v = obj_getattr(module, name);
        int r = v ? obj_setitem(locals, name, v) : -1;
        XDECREF(v);
        DECREF(name);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

// "mod.qualname()" for error messages, as CPython's _PyObject_FunctionStr.
static Object *func_str(Object *func) {
    Object *saved = err_fetch();
    int err;
    Object *qn = func ? obj_lookup_attr(func, S___qualname__, &err) : NULL;
    Object *r = NULL;
    if (qn && STR_CHECK(qn)) {
        Object *mod = obj_lookup_attr(func, S___module__, &err);
        if (mod && STR_CHECK(mod) && strcmp(STR_DATA(mod), "builtins") != 0)
            r = str_from_format("%U.%U()", mod, qn);
        else
            r = str_from_format("%U()", qn);
        XDECREF(mod);
    }
    XDECREF(qn);
    if (!r) {
        err_clear();
        r = func ? str_from_format("%s object", type_name(TYPE(func))) : str_from_cstr("function");
    }
    err_clear();
    err_restore(saved);
    return r;
}

static Object *format_value(Object *value, int which) {
    Object *v;
    switch (which & FVC_MASK) {
    case FVC_STR: v = obj_str(value); break;
    case FVC_REPR: v = obj_repr(value); break;
    case FVC_ASCII: v = obj_ascii(value); break;
    default: v = NEWREF(value); break;
    }
    return v;
}

// The LOAD_METHOD fast path: an unbound method found on the type that the
// instance dict does not shadow.
static Object *lookup_method(Object *obj, Object *name, bool *is_method) {
    TypeObject *t = TYPE(obj);
    *is_method = false;
    if (t->getattro != obj_generic_getattr) return obj_getattr(obj, name);
    Object *descr = type_lookup(t, name);
    if (descr && type_has_flag(TYPE(descr), TPFLAGS_METHOD_DESCRIPTOR)) {
        Object **dp = obj_dict_ptr(obj);
        Object *shadow = dp && *dp ? dict_getitem(*dp, name) : NULL;
        if (!shadow) {
            *is_method = true;
            return NEWREF(descr);
        }
        return NEWREF(shadow);
    }
    return obj_generic_getattr(obj, name);
}

// The instruction budget: checks left, and whether it ran out (then handlers
// are skipped while unwinding). Only the fuzzers and tests set it.
static long eval_budget = -1;
static bool eval_budget_spent;

void eval_set_budget(long n) {
    eval_budget = n;
    eval_budget_spent = false;
    if (n >= 0) atomic_fetch_or(&the_interp.eval_breaker, BREAK_BUDGET);
    else atomic_fetch_and(&the_interp.eval_breaker, ~BREAK_BUDGET);
}
// Python-level signal handlers that are due (stdlib/signalmodule.c sets
// the flag from its C handler and installs the function that runs them).
atomic_int eval_signals_tripped;
int (*eval_run_signal_handlers)(void);

int eval_handle_breaker(ThreadState *ts) {
    Interp *in = ts->interp;
    if ((atomic_load(&in->eval_breaker) & BREAK_BUDGET) && eval_budget >= 0 && --eval_budget < 0) {
        eval_budget = 0;
        eval_budget_spent = true;
        vm_raise(Exc_RuntimeError, "instruction budget exhausted");
        return -1;
    }
    if (atomic_load(&in->finalizing) && ts != in->main_thread) thread_exit_finalizing(ts);
    // Another thread asked for the GIL: let it run (forced switching).
    if (atomic_load(&in->eval_breaker) & BREAK_GIL_DROP) gil_yield(ts);
    // Without the GIL: another thread stops the world (vm/ft.c).
    if (atomic_load(&in->eval_breaker) & BREAK_STOP_WORLD) ft_pause(ts);
    // An allocation pushed generation 0 over its threshold (gc.c).
    if (atomic_load(&in->eval_breaker) & BREAK_GC) {
        atomic_fetch_and(&in->eval_breaker, ~BREAK_GC);
        gc_collect_auto();
    }
    if (atomic_load(&eval_signals_tripped) && ts == in->main_thread && eval_run_signal_handlers() < 0) return -1;
    if (in->pending_sigint) {
        // Signals are handled in the main thread only; others leave the bit set.
        if (ts != in->main_thread) return 0;
        in->pending_sigint = 0;
        atomic_fetch_and(&in->eval_breaker, ~BREAK_SIGNALS);
        err_set_object((Object *)Exc_KeyboardInterrupt);
        return -1;
    }
    if (!atomic_load(&eval_signals_tripped) || ts == in->main_thread) atomic_fetch_and(&in->eval_breaker, ~BREAK_SIGNALS);
    return 0;
}

Object *eval_builtins(void) { return the_interp.builtins; }

Object *eval_globals(void) {
    ThreadState *ts = tstate_get();
    return ts && ts->frame ? ts->frame->globals : NULL;
}

// ---- The loop -----------------------------------------------------------------------------------

#if defined(MINIPY_COMPUTED_GOTO) && defined(__GNUC__)
#define USE_COMPUTED_GOTO 1
#else
#define USE_COMPUTED_GOTO 0
#endif

Object *eval_frame(ThreadState *ts, Frame *frame, Object *throwflag) {
#if USE_COMPUTED_GOTO
    static void *opcode_targets[256];
    static bool targets_ready;
    if (!targets_ready) {
        for (int i = 0; i < 256; i++) opcode_targets[i] = &&TARGET_unknown;
#define OP_TARGET(name, num, kind) opcode_targets[num] = &&TARGET_##name;
        OPCODE_LIST(OP_TARGET)
#undef OP_TARGET
#define SPEC_TARGET(name, num, base) opcode_targets[num] = &&TARGET_##name;
        SPECIALIZED_LIST(SPEC_TARGET)
#undef SPEC_TARGET
        targets_ready = true;
    }
#endif
    frame->is_entry = true;
    frame->previous = ts->frame;
    ts->frame = frame;
    if (++ts->py_depth > the_interp.recursion_limit) {
        ts->py_depth--;
        ts->frame = frame->previous;
        vm_raise(Exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    {
        char here;
        if (&here < ts->stack_limit) {
            ts->py_depth--;
            ts->frame = frame->previous;
            vm_raise(Exc_RecursionError, "maximum recursion depth exceeded");
            return NULL;
        }
    }

    CodeObject *co;
    CodeUnit *first_instr;
    CodeUnit *next_instr;
    Object **localsplus;
    Object **stack_pointer;
    Object *consts, *names;
    Object *kwnames = NULL;
    int opcode, oparg;
    Object *retval = NULL;

#define LOAD_FRAME()                                              \
    do {                                                          \
        co = frame->code;                                         \
        first_instr = co->code;                                   \
        next_instr = frame->prev_instr + 1;                       \
        localsplus = frame->localsplus;                           \
        stack_pointer = localsplus + frame->stacktop;             \
        consts = co->consts;                                      \
        names = co->names;                                        \
    } while (0)
#define SAVE_SP() (frame->stacktop = (int)(stack_pointer - localsplus))
#define TOP() (stack_pointer[-1])
#define SECOND() (stack_pointer[-2])
#define THIRD() (stack_pointer[-3])
#define PEEK(n) (stack_pointer[-(n)])
#define SET_TOP(v) (stack_pointer[-1] = (v))
#define SET_SECOND(v) (stack_pointer[-2] = (v))
#define PUSH(v) (*stack_pointer++ = (v))
#define POP() (*--stack_pointer)
#define STACK_SHRINK(n) (stack_pointer -= (n))
#define STACK_GROW(n) (stack_pointer += (n))
#define GETLOCAL(i) (localsplus[i])
#define SETLOCAL(i, v)                 \
    do {                               \
        Object *_tmp = localsplus[i];  \
        localsplus[i] = (v);           \
        XDECREF(_tmp);                 \
    } while (0)
#define JUMPBY(n) (next_instr += (n))
#define JUMPTO(x) (next_instr = first_instr + (x))
#define GETITEM(t, i) (TUPLE_ITEMS(t)[i])
#define NEXTOPARG()                               \
    do {                                          \
        CodeUnit word = *next_instr;              \
        opcode = CU_OP(word);                     \
        oparg = CU_ARG(word);                     \
    } while (0)
#if USE_COMPUTED_GOTO
#define TARGET(op) TARGET_##op: __attribute__((unused));
#define DISPATCH()                                \
    do {                                          \
        NEXTOPARG();                              \
        frame->prev_instr = next_instr++;         \
        goto *opcode_targets[opcode];             \
    } while (0)
#define DISPATCH_SAME_OPARG()                     \
    do {                                          \
        opcode = CU_OP(*next_instr);              \
        frame->prev_instr = next_instr++;         \
        goto *opcode_targets[opcode];             \
    } while (0)
#else
#define TARGET(op) case op: TARGET_##op: __attribute__((unused));
#define DISPATCH() goto dispatch
#define DISPATCH_SAME_OPARG()                     \
    do {                                          \
        opcode = CU_OP(*next_instr);              \
        goto dispatch_same_oparg;                 \
    } while (0)
#endif
#define CHECK_BREAKER()                                                             \
    do {                                                                            \
        if (atomic_load_explicit(&ts->interp->eval_breaker, memory_order_relaxed)) { \
            if (eval_handle_breaker(ts) < 0) goto error;                            \
        }                                                                           \
        FT_QUIESCENT(ts);                                                           \
    } while (0)
#ifdef MINIPY_FT
// A quiescent point for deferred freeing (vm/ft.c): this thread holds no
// borrowed pointers here, exactly where it could lose the GIL.
#define FT_QUIESCENT(ts)                                                            \
    do {                                                                            \
        if (ft_mode) {                                                              \
            uint64_t e_ = __atomic_load_n(&ft_epoch, __ATOMIC_SEQ_CST);             \
            if (*ts->ft.seen != e_) __atomic_store_n(ts->ft.seen, e_, __ATOMIC_SEQ_CST); \
            if (ts->ft.n >= ts->ft.next_check) ft_quiescent_slow(ts);               \
            if (__atomic_load_n(&ts->brc.pending, __ATOMIC_RELAXED)) brc_merge_queued(ts); \
        }                                                                           \
    } while (0)
#else
#define FT_QUIESCENT(ts) ((void)0)
#endif

    LOAD_FRAME();
    if (throwflag) goto resume_with_error;
    DISPATCH();

start_frame:
    // A new Python frame was pushed by CALL.
    if (++ts->py_depth > the_interp.recursion_limit) {
        ts->py_depth--;
        vm_raise(Exc_RecursionError, "maximum recursion depth exceeded");
        // The new frame has not run: pop it and raise in the caller.
        Frame *dying = frame;
        frame = dying->previous;
        ts->frame = frame;
        frame_pop(ts, dying);
        LOAD_FRAME();
        goto error;
    }
    LOAD_FRAME();
    DISPATCH();

#if !USE_COMPUTED_GOTO
dispatch:
    NEXTOPARG();
dispatch_same_oparg:
    frame->prev_instr = next_instr++;
    switch (opcode) {
#endif
    {
        TARGET(NOP) { DISPATCH(); }
        TARGET(CACHE) { DISPATCH(); }

        TARGET(RESUME) {
            if (!co->quickened && !ft_mode) specialize_quicken(co);
            CHECK_BREAKER();
            DISPATCH();
        }

        TARGET(LOAD_FAST) {
            Object *v = GETLOCAL(oparg);
            if (!v) {
                format_exc_unbound(co, oparg);
                goto error;
            }
            INCREF(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(LOAD_CONST) {
            Object *v = GETITEM(consts, oparg);
            INCREF(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_FAST) {
            Object *v = POP();
            SETLOCAL(oparg, v);
            DISPATCH();
        }

        TARGET(DELETE_FAST) {
            Object *v = GETLOCAL(oparg);
            if (!v) {
                format_exc_unbound(co, oparg);
                goto error;
            }
            SETLOCAL(oparg, NULL);
            DISPATCH();
        }

        TARGET(POP_TOP) {
            Object *v = POP();
            DECREF(v);
            DISPATCH();
        }

        TARGET(PUSH_NULL) {
            PUSH(NULL);
            DISPATCH();
        }

        TARGET(COPY) {
            Object *v = PEEK(oparg);
            INCREF(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(SWAP) {
            Object *top = TOP();
            SET_TOP(PEEK(oparg));
            PEEK(oparg) = top;
            DISPATCH();
        }

        TARGET(UNARY_POSITIVE) {
            Object *v = TOP();
            Object *r = num_positive(v);
            DECREF(v);
            SET_TOP(r);
            if (!r) goto error;
            DISPATCH();
        }

        TARGET(UNARY_NEGATIVE) {
            Object *v = TOP();
            Object *r = num_negative(v);
            DECREF(v);
            SET_TOP(r);
            if (!r) goto error;
            DISPATCH();
        }

        TARGET(UNARY_NOT) {
            Object *v = TOP();
            int t = obj_istrue(v);
            DECREF(v);
            if (t < 0) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(NEWREF(t ? False : True));
            DISPATCH();
        }

        TARGET(UNARY_INVERT) {
            Object *v = TOP();
            Object *r = num_invert(v);
            DECREF(v);
            SET_TOP(r);
            if (!r) goto error;
            DISPATCH();
        }

        TARGET(BINARY_OP) {
            JUMPBY(INLINE_CACHE_ENTRIES_BINARY_OP);
            Object *rhs = POP();
            Object *lhs = TOP();
            Object *res;
            long a = 0, b = 0, r;
            double d;
            if (TYPE(lhs) == &IntType && TYPE(rhs) == &IntType && int_as_long_fast(lhs, &a) == 0 &&
                int_as_long_fast(rhs, &b) == 0) {
                switch (oparg) {
                case OP_ADD: case OP_ADD + OP__COUNT:
                    if (!__builtin_add_overflow(a, b, &r)) goto int_result;
                    break;
                case OP_SUB: case OP_SUB + OP__COUNT:
                    if (!__builtin_sub_overflow(a, b, &r)) goto int_result;
                    break;
                case OP_MUL: case OP_MUL + OP__COUNT:
                    if (!__builtin_mul_overflow(a, b, &r)) goto int_result;
                    break;
                case OP_BITAND: case OP_BITAND + OP__COUNT: r = a & b; goto int_result;
                case OP_BITOR: case OP_BITOR + OP__COUNT: r = a | b; goto int_result;
                case OP_BITXOR: case OP_BITXOR + OP__COUNT: r = a ^ b; goto int_result;
                case OP_MOD: case OP_MOD + OP__COUNT:
                    if (b > 0 && a >= 0) {
                        r = a % b;
                        goto int_result;
                    }
                    break;
                case OP_FLOORDIV: case OP_FLOORDIV + OP__COUNT:
                    if (b > 0 && a >= 0) {
                        r = a / b;
                        goto int_result;
                    }
                    break;
                case OP_RSHIFT: case OP_RSHIFT + OP__COUNT:
                    if (b >= 0 && b < 63) {
                        r = a >> b;
                        goto int_result;
                    }
                    break;
                default: break;
                }
            } else if ((TYPE(lhs) == &FloatType && (TYPE(rhs) == &FloatType || (TYPE(rhs) == &IntType && int_as_long_fast(rhs, &b) == 0))) ||
                       (TYPE(rhs) == &FloatType && TYPE(lhs) == &IntType && int_as_long_fast(lhs, &a) == 0)) {
                // Float arithmetic, with a small int operand converted (exact below 2**53).
                double x = TYPE(lhs) == &FloatType ? float_value(lhs) : (double)a;
                double y = TYPE(rhs) == &FloatType ? float_value(rhs) : (double)b;
                if ((TYPE(lhs) == &IntType && (a > (1L << 53) || a < -(1L << 53))) ||
                    (TYPE(rhs) == &IntType && (b > (1L << 53) || b < -(1L << 53))))
                    goto binop_generic;
                switch (oparg) {
                case OP_POW: case OP_POW + OP__COUNT:
                    if (x > 0.0 && TYPE(rhs) == &FloatType) {
                        d = pow(x, y);
                        if (isfinite(d)) goto float_result;
                    }
                    break;
                case OP_ADD: case OP_ADD + OP__COUNT: d = x + y; goto float_result;
                case OP_SUB: case OP_SUB + OP__COUNT: d = x - y; goto float_result;
                case OP_MUL: case OP_MUL + OP__COUNT: d = x * y; goto float_result;
                case OP_TRUEDIV: case OP_TRUEDIV + OP__COUNT:
                    if (y != 0.0) {
                        d = x / y;
                        goto float_result;
                    }
                    break;
                default: break;
                }
            } else if (TYPE(lhs) == &StrType && TYPE(rhs) == &StrType && (oparg == OP_ADD || oparg == OP_ADD + OP__COUNT)) {
                res = str_concat(lhs, rhs);
                goto binop_done;
            }
        binop_generic:
            res = oparg < OP__COUNT ? num_binop(lhs, rhs, oparg) : num_inplace(lhs, rhs, oparg - OP__COUNT);
            goto binop_done;
        int_result:
            // lhs (TOS) and rhs (popped) are exact ints here.
            if (!ft_mode && (r < INT_SMALL_MIN || r > INT_SMALL_MAX) && REFCNT(lhs) == 1) {
                ((IntObject *)lhs)->u.v = r;
                DECREF(rhs);
                DISPATCH();
            }
            res = int_from_long(r);
            goto binop_done;
        float_result:
            if (REFCNT(lhs) == 1 && TYPE(lhs) == &FloatType) {
                ((FloatObject *)lhs)->v = d;
                DECREF(rhs);
                DISPATCH();
            }
            res = float_from_double(d);
        binop_done:
            DECREF(lhs);
            DECREF(rhs);
            SET_TOP(res);
            if (!res) goto error;
            DISPATCH();
        }

        TARGET(BINARY_SUBSCR) {
            JUMPBY(INLINE_CACHE_ENTRIES_BINARY_SUBSCR);
            Object *sub = POP();
            Object *container = TOP();
            Object *res;
            long i;
            // With free threading, lists go through their locked slots.
            if (TYPE(container) == &ListType && !ft_mode && TYPE(sub) == &IntType && int_as_long_fast(sub, &i) == 0) {
                ListObject *l = (ListObject *)container;
                if (i < 0) i += l->size;
                if (i >= 0 && i < l->size) {
                    res = NEWREF(l->items[i]);
                    goto subscr_done;
                }
            } else if (TYPE(container) == &TupleType && TYPE(sub) == &IntType && int_as_long_fast(sub, &i) == 0) {
                ssize_t n = TUPLE_SIZE(container);
                if (i < 0) i += n;
                if (i >= 0 && i < n) {
                    res = NEWREF(TUPLE_ITEMS(container)[i]);
                    goto subscr_done;
                }
            } else if (TYPE(container) == &DictType) {
                Object *v = dict_getitem(container, sub);
                if (v) {
                    res = NEWREF(v);
                    goto subscr_done;
                }
                if (err_occurred()) {
                    res = NULL;
                    goto subscr_done;
                }
                err_set_value(Exc_KeyError, sub);
                res = NULL;
                goto subscr_done;
            }
            res = obj_getitem(container, sub);
        subscr_done:
            DECREF(container);
            DECREF(sub);
            SET_TOP(res);
            if (!res) goto error;
            DISPATCH();
        }

        TARGET(STORE_SUBSCR) {
            JUMPBY(INLINE_CACHE_ENTRIES_STORE_SUBSCR);
            Object *sub = TOP(), *container = SECOND(), *v = THIRD();
            STACK_SHRINK(3);
            int err;
            long i;
            if (TYPE(container) == &ListType && !ft_mode && TYPE(sub) == &IntType && int_as_long_fast(sub, &i) == 0 && i >= 0 &&
                i < LIST_SIZE(container)) {
                Object *old = LIST_ITEMS(container)[i];
                LIST_ITEMS(container)[i] = v;
                DECREF(old);
                DECREF(container);
                DECREF(sub);
                DISPATCH();
            }
            if (TYPE(container) == &DictType) err = dict_setitem(container, sub, v);
            else err = obj_setitem(container, sub, v);
            DECREF(v);
            DECREF(container);
            DECREF(sub);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(DELETE_SUBSCR) {
            Object *sub = TOP(), *container = SECOND();
            STACK_SHRINK(2);
            int err = obj_delitem(container, sub);
            DECREF(container);
            DECREF(sub);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(PRINT_EXPR) {
            Object *value = POP();
            Object *hook = the_interp.sysdict ? dict_getitem(the_interp.sysdict, S_displayhook) : NULL;
            if (!hook) {
                vm_raise(Exc_RuntimeError, "lost sys.displayhook");
                DECREF(value);
                goto error;
            }
            Object *res = obj_call1(hook, value);
            DECREF(value);
            if (!res) goto error;
            DECREF(res);
            DISPATCH();
        }

        TARGET(RAISE_VARARGS) {
            Object *cause = NULL, *exc = NULL;
            switch (oparg) {
            case 2: cause = POP(); /* fall through */
            case 1: exc = POP(); /* fall through */
            case 0:
                if (do_raise(ts, exc, cause)) goto exception_unwind;
                break;
            default:
                vm_raise(Exc_SystemError, "bad RAISE_VARARGS oparg");
                break;
            }
            goto error;
        }

        TARGET(RETURN_VALUE) {
            retval = POP();
            frame->state = FRAME_COMPLETED;
            SAVE_SP();
            ts->py_depth--;
            if (frame->is_entry) {
                ts->frame = frame->previous;
                return retval;
            }
            Frame *dying = frame;
            frame = dying->previous;
            ts->frame = frame;
            frame_pop_inline(ts, dying);
            LOAD_FRAME();
            PUSH(retval);
            DISPATCH();
        }

        TARGET(GET_ITER) {
            Object *iterable = TOP();
            Object *iter = obj_getiter(iterable);
            DECREF(iterable);
            SET_TOP(iter);
            if (!iter) goto error;
            DISPATCH();
        }

        TARGET(GET_YIELD_FROM_ITER) {
            Object *iterable = TOP();
            if (TYPE(iterable) == &CoroType) {
                if (!(co->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                    vm_raise(Exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                    goto error;
                }
            } else if (TYPE(iterable) != &GenType) {
                Object *iter = obj_getiter(iterable);
                DECREF(iterable);
                SET_TOP(iter);
                if (!iter) goto error;
            }
            DISPATCH();
        }

        TARGET(FOR_ITER) {
            Object *iter = TOP();
            Object *next;
            if (TYPE(iter) == &RangeIterType) {
                RangeIterObject *r = (RangeIterObject *)iter;
                if (r->remaining > 0) {
                    long v = r->next;
                    r->next += r->step;
                    r->remaining--;
                    next = int_from_long(v);
                    PUSH(next);
                    DISPATCH();
                }
                goto for_iter_exhausted;
            }
            next = TYPE(iter)->iternext(iter);
            if (next) {
                PUSH(next);
                DISPATCH();
            }
            if (err_occurred()) {
                if (!err_matches(Exc_StopIteration)) goto error;
                err_clear();
            }
        for_iter_exhausted:
            STACK_SHRINK(1);
            DECREF(iter);
            JUMPBY(oparg);
            DISPATCH();
        }

        TARGET(LOAD_BUILD_CLASS) {
            Object *bc = dict_getitem(frame->builtins, S___build_class__);
            if (!bc) {
                vm_raise(Exc_NameError, "__build_class__ not found");
                goto error;
            }
            PUSH(NEWREF(bc));
            DISPATCH();
        }

        TARGET(LOAD_ASSERTION_ERROR) {
            PUSH(NEWREF(Exc_AssertionError));
            DISPATCH();
        }

        TARGET(STORE_NAME) {
            Object *name = GETITEM(names, oparg);
            Object *v = POP();
            Object *ns = frame->locals;
            if (!ns) {
                vm_raise(Exc_SystemError, "no locals found when storing %R", name);
                DECREF(v);
                goto error;
            }
            int err = DICT_CHECK_EXACT(ns) ? dict_setitem(ns, name, v) : obj_setitem(ns, name, v);
            DECREF(v);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(DELETE_NAME) {
            Object *name = GETITEM(names, oparg);
            Object *ns = frame->locals;
            int err = obj_delitem(ns, name);
            if (err < 0) {
                if (err_matches(Exc_KeyError)) {
                    err_clear();
                    name_error(name);
                }
                goto error;
            }
            DISPATCH();
        }

        TARGET(UNPACK_SEQUENCE) {
            JUMPBY(INLINE_CACHE_ENTRIES_UNPACK_SEQUENCE);
            Object *seq = POP();
            if (TYPE(seq) == &TupleType && TUPLE_SIZE(seq) == oparg) {
                Object **items = TUPLE_ITEMS(seq);
                while (oparg--) PUSH(NEWREF(items[oparg]));
            } else if (TYPE(seq) == &ListType && !ft_mode && LIST_SIZE(seq) == oparg) {
                Object **items = LIST_ITEMS(seq);
                while (oparg--) PUSH(NEWREF(items[oparg]));
            } else if (unpack_iterable(seq, oparg, -1, stack_pointer) == 0) {
                STACK_GROW(oparg);
            } else {
                DECREF(seq);
                goto error;
            }
            DECREF(seq);
            DISPATCH();
        }

        TARGET(UNPACK_EX) {
            int total = 1 + (oparg & 0xFF) + (oparg >> 8);
            Object *seq = POP();
            if (unpack_iterable(seq, oparg & 0xFF, oparg >> 8, stack_pointer) == 0) {
                STACK_GROW(total);
                DECREF(seq);
                DISPATCH();
            }
            DECREF(seq);
            goto error;
        }

        TARGET(STORE_ATTR) {
            JUMPBY(INLINE_CACHE_ENTRIES_STORE_ATTR);
            Object *name = GETITEM(names, oparg);
            Object *owner = TOP(), *v = SECOND();
            STACK_SHRINK(2);
            int err = obj_setattr(owner, name, v);
            DECREF(v);
            DECREF(owner);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(DELETE_ATTR) {
            Object *name = GETITEM(names, oparg);
            Object *owner = POP();
            int err = obj_setattr(owner, name, NULL);
            DECREF(owner);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(STORE_GLOBAL) {
            Object *name = GETITEM(names, oparg);
            Object *v = POP();
            int err = dict_setitem(frame->globals, name, v);
            DECREF(v);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(DELETE_GLOBAL) {
            Object *name = GETITEM(names, oparg);
            int err = dict_pop(frame->globals, name, NULL);
            if (err <= 0) {
                if (err == 0) name_error(name);
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_NAME) {
            Object *name = GETITEM(names, oparg);
            Object *ns = frame->locals, *v;
            if (ns) {
                if (DICT_CHECK_EXACT(ns)) {
                    v = dict_getitem(ns, name);
                    if (v) INCREF(v);
                    else if (err_occurred()) goto error;
                } else {
                    v = obj_getitem(ns, name);
                    if (!v) {
                        if (!err_matches(Exc_KeyError)) goto error;
                        err_clear();
                    }
                }
                if (v) {
                    PUSH(v);
                    DISPATCH();
                }
            }
            v = dict_getitem(frame->globals, name);
            if (!v) v = dict_getitem(frame->builtins, name);
            if (!v) {
                if (!err_occurred()) name_error(name);
                goto error;
            }
            PUSH(NEWREF(v));
            DISPATCH();
        }

        // Cache words may be read and written by threads running without the
        // GIL at once: relaxed atomics (plain moves), checked on use.
#define CACHE_LD(w) __atomic_load_n(&(w), __ATOMIC_RELAXED)
#define CACHE_ST(w, v) __atomic_store_n(&(w), (v), __ATOMIC_RELAXED)
        TARGET(LOAD_GLOBAL) {
            // Inline cache: [0] entry index, [1..2] globals keys version,
            // [3..4] builtins keys version (0: the name is in globals).
            CodeUnit *cache = next_instr;
            JUMPBY(INLINE_CACHE_ENTRIES_LOAD_GLOBAL);
            Object *v;
            uint32_t gv = (uint32_t)CACHE_LD(cache[1]) | ((uint32_t)CACHE_LD(cache[2]) << 16);
            DictKeys *gk = __atomic_load_n(&((DictObject *)frame->globals)->keys, __ATOMIC_ACQUIRE);
            if (gv && gk && __atomic_load_n(&gk->version, __ATOMIC_RELAXED) == gv && DICT_CHECK_EXACT(frame->globals)) {
                uint32_t bv = (uint32_t)CACHE_LD(cache[3]) | ((uint32_t)CACHE_LD(cache[4]) << 16);
                DictKeys *k = gk;
                if (bv != 0) {
                    k = __atomic_load_n(&((DictObject *)frame->builtins)->keys, __ATOMIC_ACQUIRE);
                    if (!k || __atomic_load_n(&k->version, __ATOMIC_RELAXED) != bv) goto load_global_slow;
                }
#ifdef MINIPY_FT
                if (ft_mode) {
                    // Unlocked read: another thread may be changing the dict
                    // or have half-written this cache. Trust the entry only
                    // if it holds this name (its memory stays valid: ft.c).
                    if (CACHE_LD(cache[0]) >= __atomic_load_n(&k->nentries, __ATOMIC_ACQUIRE) ||
                        __atomic_load_n(&k->entries[CACHE_LD(cache[0])].key, __ATOMIC_ACQUIRE) != GETITEM(names, oparg >> 1))
                        goto load_global_slow;
                    v = __atomic_load_n(&k->entries[CACHE_LD(cache[0])].value, __ATOMIC_ACQUIRE);
                    if (!v) goto load_global_slow;
                    goto load_global_hit;
                }
#endif
                v = k->entries[cache[0]].value;
                goto load_global_hit;
            }
        load_global_slow: {
                Object *name = GETITEM(names, oparg >> 1);
                hash_t h = __atomic_load_n(&((StrObject *)name)->hash, __ATOMIC_RELAXED);
                if (h == -1) h = str_hash(name);
                ssize_t ix;
                uint32_t ver, bver;
                v = dict_lookup_cached(frame->globals, name, h, &ix, &ver);
                if (v) {
                    if (ix <= 0xFFFF && DICT_CHECK_EXACT(frame->globals) && ver) {
                        CACHE_ST(cache[0], (CodeUnit)ix);
                        CACHE_ST(cache[1], (CodeUnit)(ver & 0xFFFF));
                        CACHE_ST(cache[2], (CodeUnit)(ver >> 16));
                        CACHE_ST(cache[3], 0);
                        CACHE_ST(cache[4], 0);
                    }
                } else {
                    if (err_occurred()) goto error;
                    v = dict_lookup_cached(frame->builtins, name, h, &ix, &bver);
                    if (!v) {
                        if (!err_occurred()) name_error(name);
                        goto error;
                    }
                    if (ix <= 0xFFFF && DICT_CHECK_EXACT(frame->globals) && ver && bver) {
                        CACHE_ST(cache[0], (CodeUnit)ix);
                        CACHE_ST(cache[1], (CodeUnit)(ver & 0xFFFF));
                        CACHE_ST(cache[2], (CodeUnit)(ver >> 16));
                        CACHE_ST(cache[3], (CodeUnit)(bver & 0xFFFF));
                        CACHE_ST(cache[4], (CodeUnit)(bver >> 16));
                    }
                }
            }
        load_global_hit:
            if (oparg & 1) PUSH(NULL);
            PUSH(NEWREF(v));
            DISPATCH();
        }

        TARGET(BUILD_TUPLE) {
            Object *t = tuple_new(oparg);
            if (!t) goto error;
            while (--oparg >= 0) TUPLE_ITEMS(t)[oparg] = POP();
            PUSH(t);
            DISPATCH();
        }

        TARGET(BUILD_LIST) {
            Object *l = list_new(oparg);
            if (!l) goto error;
            while (--oparg >= 0) LIST_ITEMS(l)[oparg] = POP();
            PUSH(l);
            DISPATCH();
        }

        TARGET(LIST_TO_TUPLE) {
            Object *l = TOP();
            Object *t = list_as_tuple(l);
            DECREF(l);
            SET_TOP(t);
            if (!t) goto error;
            DISPATCH();
        }

        TARGET(LIST_EXTEND) {
            Object *iterable = POP();
            Object *l = PEEK(oparg);
            if (list_extend(l, iterable) < 0) {
                if (err_matches(Exc_TypeError) && !TYPE(iterable)->iter && !TYPE(iterable)->mp_subscript) {
                    err_clear();
                    vm_raise(Exc_TypeError, "Value after * must be an iterable, not %s", type_name(TYPE(iterable)));
                }
                DECREF(iterable);
                goto error;
            }
            DECREF(iterable);
            DISPATCH();
        }

        TARGET(SET_UPDATE) {
            Object *iterable = POP();
            Object *s = PEEK(oparg);
            int err = set_update(s, iterable);
            DECREF(iterable);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(BUILD_SET) {
            Object *s = set_new(NULL);
            if (!s) goto error;
            int err = 0;
            for (int i = oparg; i > 0; i--) {
                Object *item = PEEK(i);
                if (err == 0) err = set_add(s, item);
                DECREF(item);
            }
            STACK_SHRINK(oparg);
            if (err) {
                DECREF(s);
                goto error;
            }
            PUSH(s);
            DISPATCH();
        }

        TARGET(BUILD_MAP) {
            Object *d = dict_new();
            if (!d) goto error;
            int err = 0;
            for (int i = oparg; i > 0; i--) {
                if (err == 0) err = dict_setitem(d, PEEK(2 * i), PEEK(2 * i - 1));
            }
            for (int i = 0; i < 2 * oparg; i++) DECREF(POP());
            if (err) {
                DECREF(d);
                goto error;
            }
            PUSH(d);
            DISPATCH();
        }

        TARGET(BUILD_CONST_KEY_MAP) {
            Object *keys = TOP();
            Object *d = dict_new();
            if (!d) goto error;
            int err = 0;
            for (int i = 0; i < oparg && err == 0; i++)
                err = dict_setitem(d, TUPLE_ITEMS(keys)[i], PEEK(oparg + 1 - i));
            DECREF(POP());
            for (int i = 0; i < oparg; i++) DECREF(POP());
            if (err) {
                DECREF(d);
                goto error;
            }
            PUSH(d);
            DISPATCH();
        }

        TARGET(DICT_UPDATE) {
            Object *update = POP();
            Object *d = PEEK(oparg);
            if (dict_update(d, update) < 0) {
                if (err_matches(Exc_AttributeError)) {
                    err_clear();
                    vm_raise(Exc_TypeError, "'%s' object is not a mapping", type_name(TYPE(update)));
                }
                DECREF(update);
                goto error;
            }
            DECREF(update);
            DISPATCH();
        }

        TARGET(DICT_MERGE) {
            Object *update = POP();
            Object *d = PEEK(oparg);
            // Keyword argument merging: duplicates are an error.
            if (!DICT_CHECK(update)) {
                int err;
                Object *keys = obj_lookup_attr(update, S_keys, &err);
                if (!keys) {
                    if (!err) {
                        Object *fname = func_str(PEEK(oparg + 2));
                        vm_raise(Exc_TypeError, "%U argument after ** must be a mapping, not %s", fname,
                                 type_name(TYPE(update)));
                        XDECREF(fname);
                    }
                    DECREF(update);
                    goto error;
                }
                DECREF(keys);
            }
            Object *tmp = dict_new();
            if (!tmp || dict_update(tmp, update) < 0) {
                XDECREF(tmp);
                DECREF(update);
                goto error;
            }
            ssize_t pos = 0;
            Object *k, *v;
            while (dict_next(tmp, &pos, &k, &v)) {
                int c = dict_contains(d, k);
                if (c) {
                    if (c > 0) {
                        Object *fname = func_str(PEEK(oparg + 2));
                        vm_raise(Exc_TypeError, "%U got multiple values for keyword argument '%S'", fname, k);
                        XDECREF(fname);
                    }
                    DECREF(tmp);
                    DECREF(update);
                    goto error;
                }
                if (dict_setitem(d, k, v) < 0) {
                    DECREF(tmp);
                    DECREF(update);
                    goto error;
                }
            }
            DECREF(tmp);
            DECREF(update);
            DISPATCH();
        }

        TARGET(MAP_ADD) {
            Object *value = TOP(), *key = SECOND();
            STACK_SHRINK(2);
            Object *d = PEEK(oparg);
            int err = dict_setitem(d, key, value);
            DECREF(value);
            DECREF(key);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(LIST_APPEND) {
            Object *v = POP();
            Object *l = PEEK(oparg);
            int err = list_append(l, v);
            DECREF(v);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(SET_ADD) {
            Object *v = POP();
            Object *s = PEEK(oparg);
            int err = set_add(s, v);
            DECREF(v);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(LOAD_ATTR) {
            JUMPBY(INLINE_CACHE_ENTRIES_LOAD_ATTR);
            Object *name = GETITEM(names, oparg);
            Object *owner = TOP();
            Object *res;
            TypeObject *t = TYPE(owner);
            if (t->getattro == obj_generic_getattr && t->dictoffset > 0) {
                // Instance attribute fast path: the instance dict, unless a data descriptor wins.
                Object *d = *(Object **)((char *)owner + t->dictoffset);
                Object *descr = type_lookup(t, name);
                if (d && (!descr || !TYPE(descr)->descr_set)) {
                    Object *v = dict_getitem(d, name);
                    if (v) {
                        res = NEWREF(v);
                        goto load_attr_done;
                    }
                }
            }
            res = obj_getattr(owner, name);
        load_attr_done:
            DECREF(owner);
            SET_TOP(res);
            if (!res) goto error;
            DISPATCH();
        }

        TARGET(LOAD_METHOD) {
            JUMPBY(INLINE_CACHE_ENTRIES_LOAD_METHOD);
            Object *name = GETITEM(names, oparg);
            Object *obj = TOP();
            bool is_method;
            Object *meth = lookup_method(obj, name, &is_method);
            if (!meth) {
                exc_set_attr_context(obj, name);
                goto error;
            }
            if (is_method) {
                SET_TOP(meth);
                PUSH(obj);
            } else {
                DECREF(obj);
                SET_TOP(NULL);
                PUSH(meth);
            }
            DISPATCH();
        }

        TARGET(COMPARE_OP) {
            JUMPBY(INLINE_CACHE_ENTRIES_COMPARE_OP);
            Object *right = POP();
            Object *left = TOP();
            Object *res;
            long a, b;
            if (TYPE(left) == &IntType && TYPE(right) == &IntType && int_as_long_fast(left, &a) == 0 &&
                int_as_long_fast(right, &b) == 0) {
                bool r;
                switch (oparg) {
                case CMP_LT_OP: r = a < b; break;
                case CMP_LE_OP: r = a <= b; break;
                case CMP_EQ_OP: r = a == b; break;
                case CMP_NE_OP: r = a != b; break;
                case CMP_GT_OP: r = a > b; break;
                default: r = a >= b; break;
                }
                res = NEWREF(bool_from(r));
            } else if (TYPE(left) == &FloatType && TYPE(right) == &FloatType) {
                double x = float_value(left), y = float_value(right);
                bool r;
                switch (oparg) {
                case CMP_LT_OP: r = x < y; break;
                case CMP_LE_OP: r = x <= y; break;
                case CMP_EQ_OP: r = x == y; break;
                case CMP_NE_OP: r = x != y; break;
                case CMP_GT_OP: r = x > y; break;
                default: r = x >= y; break;
                }
                res = NEWREF(bool_from(r));
            } else if (TYPE(left) == &StrType && TYPE(right) == &StrType && (oparg == CMP_EQ_OP || oparg == CMP_NE_OP)) {
                res = NEWREF(bool_from(str_eq(left, right) == (oparg == CMP_EQ_OP)));
            } else {
                res = obj_richcompare(left, right, oparg);
            }
            DECREF(left);
            DECREF(right);
            SET_TOP(res);
            if (!res) goto error;
            DISPATCH();
        }

        TARGET(IS_OP) {
            Object *right = POP(), *left = TOP();
            bool r = (left == right) ^ oparg;
            DECREF(left);
            DECREF(right);
            SET_TOP(NEWREF(bool_from(r)));
            DISPATCH();
        }

        TARGET(CONTAINS_OP) {
            Object *right = POP(), *left = TOP();
            int r = DICT_CHECK_EXACT(right) ? dict_contains(right, left) : obj_contains(right, left);
            DECREF(left);
            DECREF(right);
            if (r < 0) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(NEWREF(bool_from(r ^ oparg)));
            DISPATCH();
        }

        TARGET(IMPORT_NAME) {
            Object *name = GETITEM(names, oparg);
            Object *fromlist = POP();
            Object *level = TOP();
            Object *res = import_name(frame, name, fromlist, level);
            DECREF(level);
            DECREF(fromlist);
            SET_TOP(res);
            if (!res) goto error;
            DISPATCH();
        }

        TARGET(IMPORT_STAR) {
            Object *from = POP();
            if (!frame->locals) {
                vm_raise(Exc_SystemError, "no locals found during 'import *'");
                DECREF(from);
                goto error;
            }
            int err = import_all_from(frame->locals, from);
            DECREF(from);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(IMPORT_FROM) {
            Object *name = GETITEM(names, oparg);
            Object *from = TOP();
            Object *res = import_from(from, name);
            if (!res) goto error;
            PUSH(res);
            DISPATCH();
        }

        TARGET(JUMP_FORWARD) {
            JUMPBY(oparg);
            DISPATCH();
        }

        TARGET(JUMP_BACKWARD) {
            if (!co->quickened && !ft_mode) specialize_quicken(co);
            JUMPBY(-oparg);
            CHECK_BREAKER();
            DISPATCH();
        }

        TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
            JUMPBY(-oparg);
            DISPATCH();
        }

#define POP_JUMP_IF(cond_true, delta)                              \
    do {                                                            \
        Object *cond = POP();                                       \
        if (cond == True) {                                         \
            if (cond_true) JUMPBY(delta);                           \
        } else if (cond == False) {                                 \
            if (!(cond_true)) JUMPBY(delta);                        \
        } else {                                                    \
            int t = obj_istrue(cond);                               \
            DECREF(cond);                                           \
            if (t < 0) goto error;                                  \
            if (t == (cond_true)) JUMPBY(delta);                    \
            DISPATCH();                                             \
        }                                                           \
        DECREF(cond);                                               \
        DISPATCH();                                                 \
    } while (0)

        TARGET(POP_JUMP_FORWARD_IF_FALSE) { POP_JUMP_IF(0, oparg); }
        TARGET(POP_JUMP_FORWARD_IF_TRUE) { POP_JUMP_IF(1, oparg); }
        TARGET(POP_JUMP_BACKWARD_IF_FALSE) {
            CHECK_BREAKER();
            POP_JUMP_IF(0, -oparg);
        }
        TARGET(POP_JUMP_BACKWARD_IF_TRUE) {
            CHECK_BREAKER();
            POP_JUMP_IF(1, -oparg);
        }

        TARGET(POP_JUMP_FORWARD_IF_NONE) {
            Object *v = POP();
            if (v == None) JUMPBY(oparg);
            DECREF(v);
            DISPATCH();
        }
        TARGET(POP_JUMP_FORWARD_IF_NOT_NONE) {
            Object *v = POP();
            if (v != None) JUMPBY(oparg);
            DECREF(v);
            DISPATCH();
        }
        TARGET(POP_JUMP_BACKWARD_IF_NONE) {
            Object *v = POP();
            if (v == None) JUMPBY(-oparg);
            DECREF(v);
            CHECK_BREAKER();
            DISPATCH();
        }
        TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) {
            Object *v = POP();
            if (v != None) JUMPBY(-oparg);
            DECREF(v);
            CHECK_BREAKER();
            DISPATCH();
        }

        TARGET(JUMP_IF_FALSE_OR_POP) {
            Object *cond = TOP();
            int t = cond == True ? 1 : cond == False ? 0 : obj_istrue(cond);
            if (t < 0) goto error;
            if (!t) {
                JUMPBY(oparg);
            } else {
                STACK_SHRINK(1);
                DECREF(cond);
            }
            DISPATCH();
        }

        TARGET(JUMP_IF_TRUE_OR_POP) {
            Object *cond = TOP();
            int t = cond == True ? 1 : cond == False ? 0 : obj_istrue(cond);
            if (t < 0) goto error;
            if (t) {
                JUMPBY(oparg);
            } else {
                STACK_SHRINK(1);
                DECREF(cond);
            }
            DISPATCH();
        }

        TARGET(MAKE_CELL) {
            Object *initial = GETLOCAL(oparg);
            Object *cell = cell_new(initial);
            if (!cell) goto error;
            SETLOCAL(oparg, cell);
            DISPATCH();
        }

        TARGET(COPY_FREE_VARS) {
            Object *closure = frame->func->closure;
            int offset = co->nlocalsplus - oparg;
            for (int i = 0; i < oparg; i++) localsplus[offset + i] = NEWREF(TUPLE_ITEMS(closure)[i]);
            DISPATCH();
        }

        TARGET(LOAD_CLOSURE) {
            Object *cell = GETLOCAL(oparg);
            if (!cell) {
                format_exc_unbound(co, oparg);
                goto error;
            }
            PUSH(NEWREF(cell));
            DISPATCH();
        }

        TARGET(LOAD_DEREF) {
            Object *cell = GETLOCAL(oparg);
            Object *v = ((CellObject *)cell)->ref;
            if (!v) {
                format_exc_unbound(co, oparg);
                goto error;
            }
            PUSH(NEWREF(v));
            DISPATCH();
        }

        TARGET(LOAD_CLASSDEREF) {
            Object *name = TUPLE_ITEMS(co->localsplusnames)[oparg];
            Object *v = frame->locals ? dict_getitem(frame->locals, name) : NULL;
            if (!v) {
                if (err_occurred()) goto error;
                v = ((CellObject *)GETLOCAL(oparg))->ref;
                if (!v) {
                    format_exc_unbound(co, oparg);
                    goto error;
                }
            }
            PUSH(NEWREF(v));
            DISPATCH();
        }

        TARGET(STORE_DEREF) {
            Object *v = POP();
            CellObject *cell = (CellObject *)GETLOCAL(oparg);
            Object *old = cell->ref;
            cell->ref = v;
            XDECREF_ITEM(old);
            DISPATCH();
        }

        TARGET(DELETE_DEREF) {
            CellObject *cell = (CellObject *)GETLOCAL(oparg);
            Object *old = cell->ref;
            if (!old) {
                format_exc_unbound(co, oparg);
                goto error;
            }
            cell->ref = NULL;
            DECREF_ITEM(old);
            DISPATCH();
        }

        TARGET(BUILD_STRING) {
            StrBuf sb;
            sb_init(&sb);
            for (int i = oparg; i > 0; i--) {
                Object *s = PEEK(i);
                sb_putn(&sb, STR_DATA(s), STR_NBYTES(s));
            }
            for (int i = 0; i < oparg; i++) DECREF(POP());
            Object *s = sb_finish(&sb);
            if (!s) goto error;
            PUSH(s);
            DISPATCH();
        }

        TARGET(FORMAT_VALUE) {
            Object *spec = (oparg & FVS_HAVE_SPEC) ? POP() : NULL;
            Object *value = POP();
            Object *v = format_value(value, oparg);
            DECREF(value);
            if (!v) {
                XDECREF(spec);
                goto error;
            }
            Object *res;
            if (STR_CHECK_EXACT(v) && (!spec || STR_NBYTES(spec) == 0)) {
                res = v;
            } else {
                res = obj_format(v, spec);
                DECREF(v);
            }
            XDECREF(spec);
            if (!res) goto error;
            PUSH(res);
            DISPATCH();
        }

        TARGET(BUILD_SLICE) {
            Object *step = oparg == 3 ? POP() : NULL;
            Object *stop = POP(), *start = TOP();
            Object *s = slice_new(start, stop, step);
            DECREF(start);
            DECREF(stop);
            XDECREF(step);
            SET_TOP(s);
            if (!s) goto error;
            DISPATCH();
        }

        TARGET(KW_NAMES) {
            kwnames = GETITEM(consts, oparg);
            DISPATCH();
        }

        TARGET(PRECALL) {
            JUMPBY(INLINE_CACHE_ENTRIES_PRECALL);
            Object *function = PEEK(oparg + 1);
            if (PEEK(oparg + 2) == NULL && TYPE(function) == &MethodType) {
                // Unpack a bound method into (function, self).
                Object *self = ((MethodObject *)function)->self;
                Object *meth = ((MethodObject *)function)->func;
                INCREF(self);
                INCREF(meth);
                PEEK(oparg + 1) = self;
                PEEK(oparg + 2) = meth;
                DECREF(function);
            }
            DISPATCH();
        }

        TARGET(CALL) {
            JUMPBY(INLINE_CACHE_ENTRIES_CALL);
            int is_meth = PEEK(oparg + 2) != NULL;
            int total_args = oparg + is_meth;
            Object *callable = PEEK(total_args + 1);
            Object **args = stack_pointer - total_args;
            Object *kw = kwnames;
            kwnames = NULL;
            ssize_t nkw = kw ? TUPLE_SIZE(kw) : 0;
            if (TYPE(callable) == &FunctionType) {
                FunctionObject *func = (FunctionObject *)callable;
                CodeObject *fco = func->code;
                if (!(fco->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
                    Frame *nf = frame_push_inline(ts, func, fco);
                    if (!nf) goto error;
                    ssize_t npos = total_args - nkw;
                    if (!kw && npos == fco->argcount && !(fco->flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
                        fco->kwonlyargcount == 0) {
                        // Move the arguments into the new frame.
                        for (ssize_t i = 0; i < npos; i++) nf->localsplus[i] = args[i];
                    } else {
                        int err = eval_bind_args(ts, func, nf->localsplus, args, npos, kw);
                        for (int i = 0; i < total_args; i++) DECREF(args[i]);
                        if (err < 0) {
                            STACK_SHRINK(total_args);
                            DECREF(callable);
                            STACK_SHRINK(1);
                            if (!is_meth) STACK_SHRINK(1);
                            frame_pop(ts, nf);
                            goto error;
                        }
                    }
                    STACK_SHRINK(total_args + 1);
                    if (!is_meth) STACK_SHRINK(1);
                    DECREF(callable);
                    SAVE_SP();
                    // Resume after the inline caches when the callee returns.
                    frame->prev_instr = next_instr - 1;
                    nf->previous = frame;
                    ts->frame = nf;
                    frame = nf;
                    goto start_frame;
                }
            }
            Object *res;
            vectorcallfunc f = TYPE(callable)->call;
            if (f) {
                SAVE_SP();
                res = f(callable, args, total_args - nkw, kw);
            } else {
                res = vm_raise(Exc_TypeError, "'%s' object is not callable", type_name(TYPE(callable)));
            }
            for (int i = 0; i < total_args; i++) DECREF(args[i]);
            STACK_SHRINK(total_args);
            DECREF(callable);
            STACK_SHRINK(1);
            if (!is_meth) STACK_SHRINK(1);  // the NULL
            if (!res) goto error;
            PUSH(res);
            CHECK_BREAKER();
            DISPATCH();
        }

        TARGET(CALL_FUNCTION_EX) {
            Object *kwargs = (oparg & 1) ? POP() : NULL;
            Object *callargs = POP();
            Object *func = TOP();
            Object *res;
            if (!TUPLE_CHECK_EXACT(callargs)) {
                Object *t = tuple_from_iter(callargs);
                if (!t) {
                    if (err_matches(Exc_TypeError)) {
                        err_clear();
                        Object *fname = func_str(func);
                        vm_raise(Exc_TypeError, "%U argument after * must be an iterable, not %s", fname,
                                 type_name(TYPE(callargs)));
                        XDECREF(fname);
                    }
                    res = NULL;
                    goto call_ex_done;
                }
                DECREF(callargs);
                callargs = t;
            }
            SAVE_SP();
            res = obj_call_tuple_dict(func, callargs, kwargs);
        call_ex_done:
            DECREF(callargs);
            XDECREF(kwargs);
            DECREF(func);
            STACK_SHRINK(1);
            {
                Object *null = POP();
                XDECREF(null);
            }
            if (!res) goto error;
            PUSH(res);
            CHECK_BREAKER();
            DISPATCH();
        }

        TARGET(MAKE_FUNCTION) {
            Object *codeobj = POP();
            FunctionObject *func = (FunctionObject *)func_new((CodeObject *)codeobj, frame->globals, NULL);
            DECREF(codeobj);
            if (!func) goto error;
            if (oparg & MKFN_CLOSURE) func->closure = POP();
            if (oparg & MKFN_ANNOTATIONS) func->annotations = POP();
            if (oparg & MKFN_KWDEFAULTS) func->kwdefaults = POP();
            if (oparg & MKFN_DEFAULTS) func->defaults = POP();
            PUSH((Object *)func);
            DISPATCH();
        }

        TARGET(RETURN_GENERATOR) {
            // Reached only from gen_new: the frame is the generator's.
            frame->state = FRAME_CREATED;
            SAVE_SP();
            ts->py_depth--;
            ts->frame = frame->previous;
            return NEWREF(None);
        }

        TARGET(YIELD_VALUE) {
            retval = POP();
            frame->state = FRAME_SUSPENDED;
            SAVE_SP();
            ts->py_depth--;
            ts->frame = frame->previous;
            return retval;
        }

        TARGET(SEND) {
            Object *v = POP();
            Object *receiver = TOP();
            Object *res;
            SAVE_SP();
            SendResult r = iter_send(receiver, v, &res);
            DECREF(v);
            if (r == GEN_ERROR) goto error;
            if (r == GEN_RETURN) {
                DECREF(receiver);
                SET_TOP(res);
                JUMPBY(oparg);
                DISPATCH();
            }
            PUSH(res);
            DISPATCH();
        }

        TARGET(ASYNC_GEN_WRAP) {
            // Marks TOS as the async generator's own `yield` (vm/gen.c).
            Object *w = async_gen_wrap_value(TOP());
            SET_TOP(w);
            if (!w) goto error;
            DISPATCH();
        }

        TARGET(GET_AWAITABLE) {
            // TOS = the iterator `await TOS` drives; oparg 1/2: the result
            // of __aenter__/__aexit__ in `async with`.
            Object *iterable = TOP();
            SAVE_SP();
            Object *iter = coro_get_awaitable_iter(iterable);
            if (!iter) {
                if (oparg && err_matches(Exc_TypeError) && !type_lookup(TYPE(iterable), S___await__) &&
                    TYPE(iterable) != &CoroType && TYPE(iterable) != &AsyncGenASendType &&
                    TYPE(iterable) != &AsyncGenAThrowType) {
                    err_clear();
                    vm_raise(Exc_TypeError,
                             "'async with' received an object from __a%s__ that does not implement __await__: %s",
                             oparg == 1 ? "enter" : "exit", type_name(TYPE(iterable)));
                }
            } else if (TYPE(iter) == &CoroType && gen_is_awaiting((GenObject *)iter)) {
                // The coroutine is suspended in an await already.
                CLEAR(iter);
                vm_raise(Exc_RuntimeError, "coroutine is being awaited already");
            }
            DECREF(iterable);
            SET_TOP(iter);
            if (!iter) goto error;
            DISPATCH();
        }

        TARGET(GET_AITER) {
            // TOS = TOS.__aiter__(), which must have __anext__.
            Object *obj = TOP();
            TypeObject *type = TYPE(obj);
            Object *iter;
            SAVE_SP();
            if (type == &AsyncGenType) {
                iter = NEWREF(obj);
            } else if (type_lookup(type, S___aiter__)) {
                iter = obj_call_method_obj(obj, S___aiter__, NULL, 0);
            } else {
                iter = vm_raise(Exc_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                                type_name(type));
            }
            DECREF(obj);
            if (iter && TYPE(iter) != &AsyncGenType && !type_lookup(TYPE(iter), S___anext__)) {
                vm_raise(Exc_TypeError,
                         "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                         type_name(TYPE(iter)));
                CLEAR(iter);
            }
            SET_TOP(iter);
            if (!iter) goto error;
            DISPATCH();
        }

        TARGET(GET_ANEXT) {
            // Pushes the awaitable of TOS.__anext__() (TOS stays).
            Object *aiter = TOP();
            TypeObject *type = TYPE(aiter);
            Object *awaitable;
            SAVE_SP();
            if (type == &AsyncGenType) {
                awaitable = async_gen_anext(aiter);
                if (!awaitable) goto error;
            } else {
                if (!type_lookup(type, S___anext__)) {
                    vm_raise(Exc_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                             type_name(type));
                    goto error;
                }
                Object *next_iter = obj_call_method_obj(aiter, S___anext__, NULL, 0);
                if (!next_iter) goto error;
                awaitable = coro_get_awaitable_iter(next_iter);
                if (!awaitable) {
                    Object *cause = err_fetch();
                    vm_raise(Exc_TypeError, "'async for' received an invalid object from __anext__: %s",
                             type_name(TYPE(next_iter)));
                    Object *e = err_occurred();
                    if (e && cause) {
                        exc_set_cause(e, NEWREF(cause));
                        exc_set_context(e, cause);
                    } else {
                        XDECREF(cause);
                    }
                    DECREF(next_iter);
                    goto error;
                }
                DECREF(next_iter);
            }
            PUSH(awaitable);
            DISPATCH();
        }

        TARGET(BEFORE_ASYNC_WITH) {
            // Replaces the context manager by its bound __aexit__ and pushes
            // the result of __aenter__() (awaited next).
            Object *mgr = TOP();
            TypeObject *t = TYPE(mgr);
            Object *enter = type_lookup(t, S___aenter__);
            if (!enter) {
                vm_raise(Exc_TypeError, "'%s' object does not support the asynchronous context manager protocol",
                         type_name(t));
                goto error;
            }
            Object *exit = type_lookup(t, S___aexit__);
            if (!exit) {
                vm_raise(Exc_TypeError,
                         "'%s' object does not support the asynchronous context manager protocol "
                         "(missed __aexit__ method)",
                         type_name(t));
                goto error;
            }
            Object *bound_exit =
                TYPE(exit)->descr_get ? TYPE(exit)->descr_get(exit, mgr, (Object *)t) : NEWREF(exit);
            if (!bound_exit) goto error;
            SAVE_SP();
            Object *res = obj_call_method_obj(mgr, S___aenter__, NULL, 0);
            if (!res) {
                DECREF(bound_exit);
                goto error;
            }
            SET_TOP(bound_exit);
            DECREF(mgr);
            PUSH(res);
            DISPATCH();
        }

        TARGET(END_ASYNC_FOR) {
            // The handler of an `async for`'s __anext__: StopAsyncIteration
            // ends the loop (pops it and the async iterator), any other
            // exception propagates.
            Object *exc = POP();
            if (type_is_subtype(TYPE(exc), Exc_StopAsyncIteration)) {
                DECREF(exc);
                Object *aiter = POP();
                DECREF(aiter);
                DISPATCH();
            }
            err_restore(exc);
            goto exception_unwind;
        }

        TARGET(SETUP_ANNOTATIONS) {
            if (frame->locals && !dict_getitem(frame->locals, S___annotations__)) {
                Object *d = dict_new();
                if (!d || dict_setitem(frame->locals, S___annotations__, d) < 0) {
                    XDECREF(d);
                    goto error;
                }
                DECREF(d);
            }
            DISPATCH();
        }

        TARGET(PUSH_EXC_INFO) {
            Object *value = TOP();
            ExcInfo *ei = ts->exc_info;
            Object *prev = ei->exc_value ? ei->exc_value : NEWREF(None);
            SET_TOP(prev);
            ei->exc_value = NEWREF(value);
            PUSH(value);
            DISPATCH();
        }

        TARGET(POP_EXCEPT) {
            ExcInfo *ei = ts->exc_info;
            Object *v = ei->exc_value;
            Object *prev = POP();
            ei->exc_value = prev == None ? (DECREF(prev), NULL) : prev;
            XDECREF(v);
            DISPATCH();
        }

        TARGET(CHECK_EXC_MATCH) {
            Object *right = POP();
            Object *left = TOP();
            if (TUPLE_CHECK(right)) {
                for (ssize_t i = 0; i < TUPLE_SIZE(right); i++) {
                    Object *t = TUPLE_ITEMS(right)[i];
                    if (!EXC_TYPE_CHECK(t)) {
                        vm_raise(Exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
                        DECREF(right);
                        goto error;
                    }
                }
            } else if (!EXC_TYPE_CHECK(right)) {
                vm_raise(Exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
                DECREF(right);
                goto error;
            }
            int r = exc_matches(left, right);
            DECREF(right);
            PUSH(NEWREF(bool_from(r)));
            DISPATCH();
        }

        TARGET(CHECK_EG_MATCH) {
            Object *type = POP();
            if (check_except_star_type(type) < 0) {
                DECREF(type);
                goto error;
            }
            Object *exc = TOP(), *match, *rest;
            int r = excgroup_match(exc, type, &match, &rest);
            DECREF(type);
            if (r < 0) goto error;
            if (match == None) {
                DECREF(rest);
                PUSH(match);
            } else {
                // [exc] -> [rest, match]; the match is the exception being handled.
                SET_TOP(rest);
                DECREF(exc);
                PUSH(match);
                ExcInfo *ei = ts->exc_info;
                Object *old = ei->exc_value;
                ei->exc_value = NEWREF(match);
                XDECREF(old);
            }
            DISPATCH();
        }

        TARGET(PREP_RERAISE_STAR) {
            Object *excs = POP();
            Object *orig = POP();
            Object *val = excgroup_prep_reraise_star(orig, excs);
            DECREF(excs);
            DECREF(orig);
            if (!val) goto error;
            PUSH(val);
            DISPATCH();
        }

        TARGET(RERAISE) {
            Object *exc = POP();
            if (oparg) {
                Object *lasti = PEEK(oparg);
                long li;
                if (INT_CHECK(lasti) && int_as_long_fast(lasti, &li) == 0) frame->prev_instr = first_instr + li;
            }
            err_restore(exc);
            goto exception_unwind;
        }

        TARGET(BEFORE_WITH) {
            Object *mgr = TOP();
            Object *enter = type_lookup(TYPE(mgr), S___enter__);
            Object *exit = enter ? type_lookup(TYPE(mgr), S___exit__) : NULL;
            if (!enter || !exit) {
                vm_raise(Exc_TypeError, "'%s' object does not support the context manager protocol",
                         type_name(TYPE(mgr)));
                goto error;
            }
            Object *bound_exit = TYPE(exit)->descr_get ? TYPE(exit)->descr_get(exit, mgr, (Object *)TYPE(mgr))
                                                        : NEWREF(exit);
            if (!bound_exit) goto error;
            Object *res = obj_call_method_obj(mgr, S___enter__, NULL, 0);
            if (!res) {
                DECREF(bound_exit);
                goto error;
            }
            SET_TOP(bound_exit);
            DECREF(mgr);
            PUSH(res);
            DISPATCH();
        }

        TARGET(WITH_EXCEPT_START) {
            // [exit, lasti, prev_exc, exc] -> calls exit(type, exc, tb)
            Object *val = TOP();
            Object *exit_func = PEEK(4);
            Object *tb = exc_get_traceback(val);
            Object *args[3] = {(Object *)TYPE(val), val, tb ? tb : None};
            Object *res = obj_call(exit_func, args, 3, NULL);
            if (!res) goto error;
            PUSH(res);
            DISPATCH();
        }

        // ---- Adaptive and specialized instructions (vm/specialize.c) ----------------------------
        // An adaptive instruction counts down in its first cache entry and, at
        // zero, specializes itself and runs again; meanwhile (and always with
        // free threading on, when code is read-only) it runs its base form.
#define ADAPTIVE(base, specialize_call)                                    \
    do {                                                                    \
        if (!ft_mode) {                                                     \
            if (spec_counter_is_zero(*next_instr)) {                        \
                specialize_call;                                            \
                next_instr--;                                               \
                DISPATCH_SAME_OPARG();                                      \
            }                                                               \
            *next_instr -= SPEC_VALUE_ONE;                                  \
        }                                                                   \
        goto TARGET_##base;                                                 \
    } while (0)
        // A guard failed: run the base instruction (spec_miss, below the loop).
#define DEOPT_IF(cond)              \
    do {                            \
        if (cond) goto spec_miss;   \
    } while (0)

        TARGET(BINARY_OP_ADAPTIVE) { ADAPTIVE(BINARY_OP, specialize_binary_op(next_instr - 1, SECOND(), TOP(), oparg)); }
        TARGET(BINARY_SUBSCR_ADAPTIVE) { ADAPTIVE(BINARY_SUBSCR, specialize_binary_subscr(next_instr - 1, SECOND(), TOP())); }
        TARGET(COMPARE_OP_ADAPTIVE) { ADAPTIVE(COMPARE_OP, specialize_compare_op(next_instr - 1, SECOND(), TOP(), oparg)); }
        TARGET(LOAD_ATTR_ADAPTIVE) { ADAPTIVE(LOAD_ATTR, specialize_load_attr(next_instr - 1, TOP(), GETITEM(names, oparg))); }
        TARGET(LOAD_METHOD_ADAPTIVE) { ADAPTIVE(LOAD_METHOD, specialize_load_method(next_instr - 1, TOP(), GETITEM(names, oparg))); }
        TARGET(STORE_ATTR_ADAPTIVE) { ADAPTIVE(STORE_ATTR, specialize_store_attr(next_instr - 1, TOP(), GETITEM(names, oparg))); }
        TARGET(STORE_SUBSCR_ADAPTIVE) { ADAPTIVE(STORE_SUBSCR, specialize_store_subscr(next_instr - 1, SECOND(), TOP())); }
        TARGET(CALL_ADAPTIVE) {
            ADAPTIVE(CALL, specialize_call(next_instr - 1, PEEK(oparg + 1 + (PEEK(oparg + 2) != NULL)),
                                           oparg + (PEEK(oparg + 2) != NULL), kwnames));
        }
        TARGET(UNPACK_SEQUENCE_ADAPTIVE) { ADAPTIVE(UNPACK_SEQUENCE, specialize_unpack_sequence(next_instr - 1, TOP(), oparg)); }

        // Small int arithmetic; an overflow takes the base path (big ints).
        // REUSE_INT_BOX: a result outside the small-int cache goes into an
        // operand's box when the stack holds its only reference (as floats
        // do): no allocation for acc = acc * 31 + i. Pops the operands.
#define REUSE_INT_BOX(lhs, rhs, r)                                                            \
    ((((r) < INT_SMALL_MIN || (r) > INT_SMALL_MAX) &&                                          \
     ((obj_sole_ref(lhs) && (((IntObject *)(lhs))->u.v = (r), DECREF(rhs), true)) ||           \
      (obj_sole_ref(rhs) && (((IntObject *)(rhs))->u.v = (r), DECREF(lhs), SET_SECOND(rhs), true)))) && \
     (STACK_SHRINK(1), true))
#define BINARY_OP_INT(builtin_op)                                                             \
    do {                                                                                       \
        Object *rhs = TOP(), *lhs = SECOND();                                                  \
        long a, b, r;                                                                          \
        DEOPT_IF(TYPE(lhs) != &IntType || TYPE(rhs) != &IntType);                              \
        DEOPT_IF(int_as_long_fast(lhs, &a) != 0 || int_as_long_fast(rhs, &b) != 0);            \
        DEOPT_IF(builtin_op(a, b, &r));                                                        \
        JUMPBY(INLINE_CACHE_ENTRIES_BINARY_OP);                                                \
        if (REUSE_INT_BOX(lhs, rhs, r)) DISPATCH();                                            \
        Object *res = int_from_long(r);                                                        \
        STACK_SHRINK(1);                                                                       \
        DECREF(lhs);                                                                           \
        DECREF(rhs);                                                                           \
        SET_TOP(res);                                                                          \
        if (!res) goto error;                                                                  \
        DISPATCH();                                                                            \
    } while (0)
        TARGET(BINARY_OP_ADD_INT) { BINARY_OP_INT(__builtin_add_overflow); }
        TARGET(BINARY_OP_SUBTRACT_INT) { BINARY_OP_INT(__builtin_sub_overflow); }
        TARGET(BINARY_OP_MULTIPLY_INT) { BINARY_OP_INT(__builtin_mul_overflow); }

        // Float arithmetic; an operand's box is reused when the stack holds
        // its only reference and no other thread can see it (obj_sole_ref).
#define BINARY_OP_FLOAT(op)                                                                   \
    do {                                                                                       \
        Object *rhs = TOP(), *lhs = SECOND();                                                  \
        DEOPT_IF(TYPE(lhs) != &FloatType || TYPE(rhs) != &FloatType);                          \
        JUMPBY(INLINE_CACHE_ENTRIES_BINARY_OP);                                                \
        double d = float_value(lhs) op float_value(rhs);                                       \
        STACK_SHRINK(1);                                                                       \
        if (obj_sole_ref(lhs)) {                                                               \
            ((FloatObject *)lhs)->v = d;                                                       \
            float_decref(rhs);                                                                 \
            DISPATCH();                                                                        \
        }                                                                                      \
        if (obj_sole_ref(rhs)) {                                                               \
            ((FloatObject *)rhs)->v = d;                                                       \
            float_decref(lhs);                                                                 \
            SET_TOP(rhs);                                                                      \
            DISPATCH();                                                                        \
        }                                                                                      \
        Object *res = float_from_double_inline(d);                                             \
        float_decref(lhs);                                                                     \
        float_decref(rhs);                                                                     \
        SET_TOP(res);                                                                          \
        if (!res) goto error;                                                                  \
        DISPATCH();                                                                            \
    } while (0)
        TARGET(BINARY_OP_ADD_FLOAT) { BINARY_OP_FLOAT(+); }
        TARGET(BINARY_OP_SUBTRACT_FLOAT) { BINARY_OP_FLOAT(-); }
        TARGET(BINARY_OP_MULTIPLY_FLOAT) { BINARY_OP_FLOAT(*); }

        TARGET(BINARY_OP_ADD_UNICODE) {
            Object *rhs = TOP(), *lhs = SECOND();
            DEOPT_IF(TYPE(lhs) != &StrType || TYPE(rhs) != &StrType);
            JUMPBY(INLINE_CACHE_ENTRIES_BINARY_OP);
            Object *res = str_concat(lhs, rhs);
            STACK_SHRINK(1);
            DECREF(lhs);
            DECREF(rhs);
            SET_TOP(res);
            if (!res) goto error;
            DISPATCH();
        }

        TARGET(BINARY_SUBSCR_LIST_INT) {
            // With free threading, lists go through their locked slots.
            Object *sub = TOP(), *container = SECOND();
            long i;
            DEOPT_IF(TYPE(container) != &ListType || ft_mode);
            DEOPT_IF(TYPE(sub) != &IntType || int_as_long_fast(sub, &i) != 0);
            ListObject *l = (ListObject *)container;
            if (i < 0) i += l->size;
            DEOPT_IF(i < 0 || i >= l->size);
            JUMPBY(INLINE_CACHE_ENTRIES_BINARY_SUBSCR);
            Object *res = NEWREF(l->items[i]);
            STACK_SHRINK(1);
            DECREF(container);
            DECREF(sub);
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(BINARY_SUBSCR_TUPLE_INT) {
            Object *sub = TOP(), *container = SECOND();
            long i;
            DEOPT_IF(TYPE(container) != &TupleType);
            DEOPT_IF(TYPE(sub) != &IntType || int_as_long_fast(sub, &i) != 0);
            ssize_t n = TUPLE_SIZE(container);
            if (i < 0) i += n;
            DEOPT_IF(i < 0 || i >= n);
            JUMPBY(INLINE_CACHE_ENTRIES_BINARY_SUBSCR);
            Object *res = NEWREF(TUPLE_ITEMS(container)[i]);
            STACK_SHRINK(1);
            DECREF(container);
            DECREF(sub);
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(BINARY_SUBSCR_DICT) {
            Object *sub = TOP(), *container = SECOND();
            DEOPT_IF(TYPE(container) != &DictType);
            JUMPBY(INLINE_CACHE_ENTRIES_BINARY_SUBSCR);
            Object *v = dict_getitem(container, sub);
            Object *res = v ? NEWREF(v) : NULL;
            if (!v && !err_occurred()) err_set_value(Exc_KeyError, sub);
            STACK_SHRINK(1);
            DECREF(container);
            DECREF(sub);
            SET_TOP(res);
            if (!res) goto error;
            DISPATCH();
        }

        TARGET(STORE_SUBSCR_LIST_INT) {
            // list[i] = v for 0 <= i < len (with free threading, the locked path).
            Object *sub = TOP(), *container = SECOND(), *v = THIRD();
            long i;
            DEOPT_IF(TYPE(container) != &ListType || ft_mode);
            DEOPT_IF(TYPE(sub) != &IntType || int_as_long_fast(sub, &i) != 0);
            DEOPT_IF(i < 0 || i >= LIST_SIZE(container));
            JUMPBY(INLINE_CACHE_ENTRIES_STORE_SUBSCR);
            STACK_SHRINK(3);
            Object *old = LIST_ITEMS(container)[i];
            LIST_ITEMS(container)[i] = v;
            DECREF(old);
            DECREF(container);
            DECREF(sub);
            DISPATCH();
        }

        TARGET(STORE_SUBSCR_DICT) {
            Object *sub = TOP(), *container = SECOND(), *v = THIRD();
            DEOPT_IF(TYPE(container) != &DictType);
            JUMPBY(INLINE_CACHE_ENTRIES_STORE_SUBSCR);
            STACK_SHRINK(3);
            int err = dict_setitem(container, sub, v);
            DECREF(v);
            DECREF(container);
            DECREF(sub);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(CALL_PY_EXACT_ARGS) {
            // A Python function (not a generator) called with exactly its
            // positional parameters: the arguments move into its new frame.
            int is_meth = PEEK(oparg + 2) != NULL;
            int total_args = oparg + is_meth;
            Object *callable = PEEK(total_args + 1);
            DEOPT_IF(kwnames != NULL || TYPE(callable) != &FunctionType);
            FunctionObject *func = (FunctionObject *)callable;
            CodeObject *fco = func->code;
            DEOPT_IF(fco->argcount != total_args || fco->kwonlyargcount != 0 ||
                     (fco->flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)));
            JUMPBY(INLINE_CACHE_ENTRIES_CALL);
            Frame *nf = frame_push_inline(ts, func, fco);
            if (!nf) goto error;
            Object **args = stack_pointer - total_args;
            for (int i = 0; i < total_args; i++) nf->localsplus[i] = args[i];
            STACK_SHRINK(total_args + 1);
            if (!is_meth) STACK_SHRINK(1);
            DECREF(callable);
            SAVE_SP();
            // Resume after the inline caches when the callee returns.
            frame->prev_instr = next_instr - 1;
            nf->previous = frame;
            ts->frame = nf;
            frame = nf;
            goto start_frame;
        }

        // A comparison fused with the conditional jump after it: the mask in
        // the cache says which outcomes jump, and backward or forward.
#define COMPARE_AND_JUMP(outcome)                                                             \
    do {                                                                                       \
        int mask_ = next_instr[1];                                                             \
        STACK_SHRINK(2);                                                                       \
        DECREF(left);                                                                          \
        DECREF(right);                                                                         \
        JUMPBY(INLINE_CACHE_ENTRIES_COMPARE_OP);                                               \
        NEXTOPARG();                                                                           \
        JUMPBY(1);                                                                             \
        if ((outcome) & mask_) {                                                               \
            if (mask_ & SPEC_CMP_BACKWARD) {                                                   \
                JUMPBY(-oparg);                                                                \
                CHECK_BREAKER();                                                               \
            } else {                                                                           \
                JUMPBY(oparg);                                                                 \
            }                                                                                  \
        }                                                                                      \
        DISPATCH();                                                                            \
    } while (0)

        TARGET(COMPARE_OP_INT_JUMP) {
            Object *right = TOP(), *left = SECOND();
            long a, b;
            DEOPT_IF(TYPE(left) != &IntType || TYPE(right) != &IntType);
            DEOPT_IF(int_as_long_fast(left, &a) != 0 || int_as_long_fast(right, &b) != 0);
            COMPARE_AND_JUMP(SPEC_CMP_OUTCOME(a, b));
        }

        TARGET(COMPARE_OP_FLOAT_JUMP) {
            Object *right = TOP(), *left = SECOND();
            DEOPT_IF(TYPE(left) != &FloatType || TYPE(right) != &FloatType);
            double x = float_value(left), y = float_value(right);
            COMPARE_AND_JUMP(SPEC_CMP_OUTCOME(x, y));
        }

        TARGET(COMPARE_OP_STR_JUMP) {
            // Only == and != are specialized: unequal counts as "less".
            Object *right = TOP(), *left = SECOND();
            DEOPT_IF(TYPE(left) != &StrType || TYPE(right) != &StrType);
            int outcome = str_eq(left, right) ? SPEC_CMP_EQ : SPEC_CMP_LT;
            COMPARE_AND_JUMP(outcome);
        }

        TARGET(LOAD_ATTR_INSTANCE_VALUE) {
            // The type (so no data descriptor appeared) and the entry index in
            // the instance dict, looked up by hash when the hint is wrong.
            Object *owner = TOP();
            TypeObject *t = TYPE(owner);
            DEOPT_IF(t->version_tag != spec_read_u32(next_instr + 1) || ft_mode);
            Object *d = *(Object **)((char *)owner + t->dictoffset);
            DEOPT_IF(!d);
            Object *name = GETITEM(names, oparg);
            DictKeys *k = ((DictObject *)d)->keys;
            unsigned ix = next_instr[3];
            Object *v;
            if (k && ix < k->nentries && k->entries[ix].key == name) {
                v = k->entries[ix].value;
            } else {
                v = dict_getitem_hash(d, name, ((StrObject *)name)->hash);
                if (!v && err_occurred()) goto error;
            }
            DEOPT_IF(!v);
            JUMPBY(INLINE_CACHE_ENTRIES_LOAD_ATTR);
            INCREF(v);
            SET_TOP(v);
            DECREF(owner);
            DISPATCH();
        }

        // A module attribute: the module dict's keys version and entry index.
#define MODULE_ATTR_LOOKUP(v)                                                                 \
    do {                                                                                       \
        DEOPT_IF(TYPE(owner) != &ModuleType || ft_mode);                                       \
        DictKeys *k_ = ((DictObject *)((ModuleObject *)owner)->dict)->keys;                    \
        DEOPT_IF(!k_ || k_->version != spec_read_u32(next_instr + 1));                         \
        v = k_->entries[next_instr[3]].value;                                                  \
        DEOPT_IF(!v);                                                                          \
    } while (0)

        TARGET(LOAD_ATTR_MODULE) {
            Object *owner = TOP(), *v;
            MODULE_ATTR_LOOKUP(v);
            JUMPBY(INLINE_CACHE_ENTRIES_LOAD_ATTR);
            INCREF(v);
            SET_TOP(v);
            DECREF(owner);
            DISPATCH();
        }

        TARGET(LOAD_METHOD_MODULE) {
            Object *owner = TOP(), *v;
            MODULE_ATTR_LOOKUP(v);
            JUMPBY(INLINE_CACHE_ENTRIES_LOAD_METHOD);
            INCREF(v);
            SET_TOP(NULL);
            PUSH(v);
            DECREF(owner);
            DISPATCH();
        }

        TARGET(LOAD_METHOD_NO_DICT) {
            // A method of a type whose instances have no dict.
            Object *owner = TOP();
            DEOPT_IF(TYPE(owner)->version_tag != spec_read_u32(next_instr + 1));
            Object *descr = spec_read_ptr(next_instr + 6);
            JUMPBY(INLINE_CACHE_ENTRIES_LOAD_METHOD);
            SET_TOP(NEWREF(descr));
            PUSH(owner);
            DISPATCH();
        }

        TARGET(LOAD_METHOD_WITH_VALUES) {
            // A method that the instance dict does not shadow.
            Object *owner = TOP();
            TypeObject *t = TYPE(owner);
            DEOPT_IF(t->version_tag != spec_read_u32(next_instr + 1));
            Object *d = *(Object **)((char *)owner + t->dictoffset);
            if (d && DICT_SIZE(d)) {
                Object *name = GETITEM(names, oparg);
                Object *shadow = dict_getitem_hash(d, name, ((StrObject *)name)->hash);
                if (!shadow && err_occurred()) goto error;
                DEOPT_IF(shadow);
            }
            Object *descr = spec_read_ptr(next_instr + 6);
            JUMPBY(INLINE_CACHE_ENTRIES_LOAD_METHOD);
            SET_TOP(NEWREF(descr));
            PUSH(owner);
            DISPATCH();
        }

        TARGET(STORE_ATTR_INSTANCE_VALUE) {
            // The type (no data descriptor for the name) and the entry index
            // in the instance dict; a new attribute goes through dict_setitem.
            Object *owner = TOP(), *v = SECOND();
            TypeObject *t = TYPE(owner);
            DEOPT_IF(t->version_tag != spec_read_u32(next_instr + 1) || ft_mode);
            Object **dp = (Object **)((char *)owner + t->dictoffset);
            if (!*dp && !(*dp = dict_new())) goto error;  // the first attribute (as obj_generic_setattr)
            Object *d = *dp;
            Object *name = GETITEM(names, oparg);
            DictKeys *k = ((DictObject *)d)->keys;
            unsigned ix = next_instr[3];
            JUMPBY(INLINE_CACHE_ENTRIES_STORE_ATTR);
            STACK_SHRINK(2);
            if (k && ix < k->nentries && k->entries[ix].key == name && k->entries[ix].value) {
                Object *old = k->entries[ix].value;
                k->entries[ix].value = v;
                DECREF(old);
                DECREF(owner);
                DISPATCH();
            }
            int err = dict_setitem(d, name, v);
            DECREF(v);
            DECREF(owner);
            if (err < 0) goto error;
            DISPATCH();
        }

        TARGET(UNPACK_SEQUENCE_TWO_TUPLE) {
            Object *seq = TOP();
            DEOPT_IF(TYPE(seq) != &TupleType || TUPLE_SIZE(seq) != 2);
            JUMPBY(INLINE_CACHE_ENTRIES_UNPACK_SEQUENCE);
            SET_TOP(NEWREF(TUPLE_ITEMS(seq)[1]));
            PUSH(NEWREF(TUPLE_ITEMS(seq)[0]));
            DECREF(seq);
            DISPATCH();
        }

        TARGET(UNPACK_SEQUENCE_TUPLE) {
            Object *seq = TOP();
            DEOPT_IF(TYPE(seq) != &TupleType || TUPLE_SIZE(seq) != oparg);
            JUMPBY(INLINE_CACHE_ENTRIES_UNPACK_SEQUENCE);
            STACK_SHRINK(1);
            Object **items = TUPLE_ITEMS(seq);
            while (oparg--) PUSH(NEWREF(items[oparg]));
            DECREF(seq);
            DISPATCH();
        }

        TARGET(UNPACK_SEQUENCE_LIST) {
            Object *seq = TOP();
            DEOPT_IF(TYPE(seq) != &ListType || ft_mode || LIST_SIZE(seq) != oparg);
            JUMPBY(INLINE_CACHE_ENTRIES_UNPACK_SEQUENCE);
            STACK_SHRINK(1);
            Object **items = LIST_ITEMS(seq);
            while (oparg--) PUSH(NEWREF(items[oparg]));
            DECREF(seq);
            DISPATCH();
        }

        TARGET(EXTENDED_ARG) {
            int prev = oparg;
            NEXTOPARG();
            oparg |= prev << 8;
            DISPATCH_SAME_OPARG();
        }

#if USE_COMPUTED_GOTO
        TARGET_unknown:
#else
        default:
#endif
        {
            vm_raise(Exc_SystemError, "unknown opcode %d", opcode);
            goto error;
        }
    }
#if !USE_COMPUTED_GOTO
    }
#endif

spec_miss: {
    // A specialized instruction's guard failed: count the miss (with free
    // threading code is read-only) and run the base instruction.
    CodeUnit *instr = frame->prev_instr;
    if (!ft_mode) specialize_miss(instr);
    opcode = opcode_deopt[opcode];
    next_instr = instr;
#if USE_COMPUTED_GOTO
    frame->prev_instr = next_instr++;
    goto *opcode_targets[opcode];
#else
    goto dispatch_same_oparg;
#endif
}

error:
    if (!err_occurred()) vm_raise(Exc_SystemError, "error return without exception set");
    {
        Object *exc = err_occurred();
        traceback_here_ex(exc, co, frame_lasti(frame), frame->globals, frame->builtins);
    }
exception_unwind: {
    // The handler is found from the instruction executing now; the pushed
    // lasti is frame->prev_instr, which RERAISE may have set back to the
    // instruction that first raised (so tracebacks keep the original line).
    int offset = (int)(next_instr - 1 - first_instr);
    const ExcTableEntry *h = eval_budget_spent ? NULL : code_find_handler(co, offset);
    if (!h) {
        // No handler here: pop the frame and continue in the caller.
        while (stack_pointer > localsplus + co->nlocalsplus) {
            Object *o = POP();
            XDECREF(o);
        }
        SAVE_SP();
        frame->state = FRAME_COMPLETED;
        ts->py_depth--;
        kwnames = NULL;
        if (frame->is_entry) {
            ts->frame = frame->previous;
            return NULL;
        }
        Frame *dying = frame;
        frame = dying->previous;
        ts->frame = frame;
        frame_pop(ts, dying);
        LOAD_FRAME();
        goto error;
    }
    Object **level = localsplus + co->nlocalsplus + h->depth;
    while (stack_pointer > level) {
        Object *o = POP();
        XDECREF(o);
    }
    if (h->lasti) {
        Object *li = int_from_long(frame_lasti(frame));
        if (!li) goto error;
        PUSH(li);
    }
    Object *exc = err_fetch();
    PUSH(exc);
    kwnames = NULL;
    JUMPTO(h->target);
    DISPATCH();
}

resume_with_error:
    goto error;
}

// ---- Entry points ---------------------------------------------------------------------------------

Object *eval_call_function(FunctionObject *func, Object *const *args, ssize_t nargs, Object *kwnames) {
    CodeObject *co = func->code;
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) return gen_new(func, args, nargs, kwnames);
    ThreadState *ts = tstate_get();
    Frame *f = frame_push_inline(ts, func, co);
    if (!f) return NULL;
    if (!kwnames && nargs == co->argcount && !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
        co->kwonlyargcount == 0) {
        // Exactly the positional parameters (as CALL's fast path).
        for (ssize_t i = 0; i < nargs; i++) f->localsplus[i] = NEWREF(args[i]);
    } else if (eval_bind_args(ts, func, f->localsplus, args, nargs, kwnames) < 0) {
        frame_pop(ts, f);
        return NULL;
    }
    Object *r = eval_frame(ts, f, NULL);
    frame_pop_inline(ts, f);
    return r;
}

Object *eval_code(CodeObject *co, Object *globals, Object *locals) {
    ThreadState *ts = tstate_get();
    Frame *f = frame_push(ts, NULL, co);
    if (!f) return NULL;
    f->globals = NEWREF(globals);
    Object *b = dict_getitem(globals, S___builtins__);
    if (b && TYPE(b) == &ModuleType) b = module_dict(b);
    f->builtins = b && DICT_CHECK(b) ? b : the_interp.builtins;
    f->locals = NEWREF(locals);
    Object *r = eval_frame(ts, f, NULL);
    frame_pop(ts, f);
    return r;
}

// __build_class__(func, name, *bases, metaclass=None, **kwds)
Object *builtin_build_class(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs < 2) return vm_raise(Exc_TypeError, "__build_class__: not enough arguments");
    Object *func = args[0], *name = args[1];
    if (TYPE(func) != &FunctionType) return vm_raise(Exc_TypeError, "__build_class__: func must be a function");
    if (!STR_CHECK(name)) return vm_raise(Exc_TypeError, "__build_class__: name is not a string");
    Object *bases = tuple_from_array(args + 2, nargs - 2);
    if (!bases) return NULL;
    Object *meta = NULL;
    Object *kwds = dict_new();
    if (!kwds) {
        DECREF(bases);
        return NULL;
    }
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        Object *k = TUPLE_ITEMS(kwnames)[i];
        if (strcmp(STR_DATA(k), "metaclass") == 0) meta = args[nargs + i];
        else dict_setitem(kwds, k, args[nargs + i]);
    }
    if (!meta) {
        meta = TUPLE_SIZE(bases) ? (Object *)TYPE(TUPLE_ITEMS(bases)[0]) : (Object *)&TypeType;
        // The most derived metaclass of the bases.
        for (ssize_t i = 1; i < TUPLE_SIZE(bases); i++) {
            TypeObject *bt = TYPE(TUPLE_ITEMS(bases)[i]);
            if (type_is_subtype(bt, (TypeObject *)meta)) meta = (Object *)bt;
        }
    }
    Object *ns = dict_new();
    Object *result = NULL;
    if (!ns) goto done;
    // Run the class body with the namespace as its locals.
    {
        FunctionObject *f = (FunctionObject *)func;
        ThreadState *ts = tstate_get();
        Frame *fr = frame_push(ts, f, f->code);
        if (!fr) goto done;
        fr->locals = NEWREF(ns);
        Object *r = eval_frame(ts, fr, NULL);
        frame_pop(ts, fr);
        if (!r) goto done;
        Object *cell = r;
        Object *margs[3] = {name, bases, ns};
        Object *cls;
        if (DICT_SIZE(kwds)) {
            Object *t = tuple_from_array(margs, 3);
            cls = t ? obj_call_tuple_dict(meta, t, kwds) : NULL;
            XDECREF(t);
        } else {
            cls = obj_call(meta, margs, 3, NULL);
        }
        if (cls && TYPE(cell) == &CellType) {
            Object *cv = ((CellObject *)cell)->ref;
            if (!cv) {
                ((CellObject *)cell)->ref = NEWREF(cls);
            } else if (cv != cls) {
                vm_raise(Exc_TypeError, "__class__ set to %R defining %R as %R", cv, name, cls);
                CLEAR(cls);
            }
        }
        DECREF(r);
        result = cls;
    }
done:
    XDECREF(ns);
    DECREF(kwds);
    DECREF(bases);
    return result;
}

int eval_handle_breaker_public(void) {
    ThreadState *ts = tstate_get();
    if (the_interp.pending_sigint || atomic_load(&eval_signals_tripped))
        atomic_fetch_or(&the_interp.eval_breaker, BREAK_SIGNALS);
    if (atomic_load(&the_interp.eval_breaker)) return eval_handle_breaker(ts);
    return 0;
}
