// Exceptions: the built-in hierarchy (CPython's Objects/exceptions.c), the
// per-thread error indicator (Python/errors.c), traceback objects and the
// printing of uncaught exceptions in CPython's format (Python/traceback.c,
// Python/pythonrun.c).
#include "runtime.h"
#include "eval.h"
#include "traceback.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXC_DEF(name, base) TypeObject *Exc_##name;
EXC_LIST(EXC_DEF)
#undef EXC_DEF

enum {
#define EXC_IDX(name, base) EXCI_##name,
    EXC_LIST(EXC_IDX)
#undef EXC_IDX
    EXC_COUNT
};
static TypeObject exc_types[EXC_COUNT];

// ---- BaseException ---------------------------------------------------------------------

static Object *exc_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    BaseExceptionObject *e = (BaseExceptionObject *)type_generic_alloc(type, 0);
    if (!e) return NULL;
    e->args = tuple_from_array(args, nargs);
    if (!e->args) {
        DECREF(e);
        return NULL;
    }
    return (Object *)e;
}

static int set_attr(Object *self, const char *name, Object *v) {
    return obj_generic_setattr(self, str_intern_cstr(name), v ? v : None);
}

// Sets the attributes particular to some built-in exception classes.
static int exc_special_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    TypeObject *t = TYPE(self);
    if (type_is_subtype(t, Exc_StopIteration)) return set_attr(self, "value", nargs ? args[0] : None);
    if (type_is_subtype(t, Exc_SystemExit)) {
        Object *code = nargs == 0 ? NEWREF(None) : nargs == 1 ? NEWREF(args[0]) : tuple_from_array(args, nargs);
        int r = set_attr(self, "code", code);
        DECREF(code);
        return r;
    }
    if (type_is_subtype(t, Exc_OSError)) {
        Object *en = None, *se = None, *fn = None;
        if (nargs >= 2 && nargs <= 5) {
            en = args[0];
            se = args[1];
            if (nargs >= 3) fn = args[2];
        }
        if (set_attr(self, "errno", en) < 0 || set_attr(self, "strerror", se) < 0 ||
            set_attr(self, "filename", fn) < 0 || set_attr(self, "filename2", None) < 0)
            return -1;
        if (nargs >= 3 && nargs <= 5) {
            // args keeps only (errno, strerror), as CPython.
            Object *a = tuple_pack(2, args[0], args[1]);
            if (!a) return -1;
            SETREF(((BaseExceptionObject *)self)->args, a);
        }
        return 0;
    }
    if (type_is_subtype(t, Exc_SyntaxError)) {
        Object *msg = nargs ? args[0] : None;
        Object *fn = None, *ln = None, *off = None, *text = None, *eln = None, *eoff = None;
        if (nargs == 2 && TUPLE_CHECK(args[1])) {
            Object *info = args[1];
            ssize_t n = TUPLE_SIZE(info);
            if (n < 4 || n > 6) {
                vm_raise(Exc_IndexError, "tuple index out of range");
                return -1;
            }
            fn = TUPLE_ITEMS(info)[0];
            ln = TUPLE_ITEMS(info)[1];
            off = TUPLE_ITEMS(info)[2];
            text = TUPLE_ITEMS(info)[3];
            if (n > 4) eln = TUPLE_ITEMS(info)[4];
            if (n > 5) eoff = TUPLE_ITEMS(info)[5];
        }
        if (set_attr(self, "msg", msg) < 0 || set_attr(self, "filename", fn) < 0 || set_attr(self, "lineno", ln) < 0 ||
            set_attr(self, "offset", off) < 0 || set_attr(self, "text", text) < 0 ||
            set_attr(self, "end_lineno", eln) < 0 || set_attr(self, "end_offset", eoff) < 0 ||
            set_attr(self, "print_file_and_line", None) < 0)
            return -1;
        return 0;
    }
    if (type_is_subtype(t, Exc_ImportError)) {
        static const char *const names[] = {"$name", "$path"};
        Object *a[2] = {NULL, NULL};
        if (args_parse(type_name(t), args + nargs, 0, kwnames, names, 2, 0, a) < 0) return -1;
        if (set_attr(self, "msg", nargs == 1 ? args[0] : None) < 0 || set_attr(self, "name", a[0]) < 0 ||
            set_attr(self, "path", a[1]) < 0)
            return -1;
        return 0;
    }
    if (type_is_subtype(t, Exc_NameError) || type_is_subtype(t, Exc_AttributeError)) {
        static const char *const names[] = {"$name", "$obj"};
        Object *a[2] = {NULL, NULL};
        if (args_parse(type_name(t), args + nargs, 0, kwnames, names, 2, 0, a) < 0) return -1;
        if (set_attr(self, "name", a[0]) < 0) return -1;
        if (type_is_subtype(t, Exc_AttributeError) && set_attr(self, "obj", a[1]) < 0) return -1;
        return 0;
    }
    return 0;
}

static int exc_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    BaseExceptionObject *e = (BaseExceptionObject *)self;
    bool kw_ok = type_is_subtype(TYPE(self), Exc_ImportError) || type_is_subtype(TYPE(self), Exc_NameError) ||
                 type_is_subtype(TYPE(self), Exc_AttributeError);
    if (kwnames && TUPLE_SIZE(kwnames) && !kw_ok) {
        vm_raise(Exc_TypeError, "%s() takes no keyword arguments", type_name(TYPE(self)));
        return -1;
    }
    Object *a = tuple_from_array(args, nargs);
    if (!a) return -1;
    SETREF(e->args, a);
    return exc_special_init(self, args, nargs, kwnames);
}

static void exc_dealloc(Object *self) {
    BaseExceptionObject *e = (BaseExceptionObject *)self;
    XDECREF(e->dict);
    XDECREF(e->args);
    XDECREF(e->traceback);
    XDECREF(e->context);
    XDECREF(e->cause);
    obj_free(self);
}

static int exc_traverse(Object *self, visitproc visit, void *arg) {
    BaseExceptionObject *e = (BaseExceptionObject *)self;
    Object *refs[] = {e->dict, e->args, e->traceback, e->context, e->cause};
    for (int i = 0; i < 5; i++)
        if (refs[i] && visit(refs[i], arg)) return -1;
    return 0;
}

static int exc_clear(Object *self) {
    BaseExceptionObject *e = (BaseExceptionObject *)self;
    CLEAR(e->dict);
    CLEAR(e->args);
    CLEAR(e->traceback);
    CLEAR(e->context);
    CLEAR(e->cause);
    return 0;
}

static Object *exc_str(Object *self) {
    Object *args = ((BaseExceptionObject *)self)->args;
    ssize_t n = args ? TUPLE_SIZE(args) : 0;
    if (n == 0) return str_from_cstr("");
    if (n == 1) return obj_str(TUPLE_ITEMS(args)[0]);
    return obj_str(args);
}

static Object *exc_repr(Object *self) {
    Object *args = ((BaseExceptionObject *)self)->args;
    ssize_t n = args ? TUPLE_SIZE(args) : 0;
    const char *name = type_name(TYPE(self));
    if (n == 0) return str_from_format("%s()", name);
    if (n == 1) return str_from_format("%s(%R)", name, TUPLE_ITEMS(args)[0]);
    return str_from_format("%s%R", name, args);
}

static Object *keyerror_str(Object *self) {
    Object *args = ((BaseExceptionObject *)self)->args;
    if (args && TUPLE_SIZE(args) == 1) return obj_repr(TUPLE_ITEMS(args)[0]);
    return exc_str(self);
}

static Object *oserror_str(Object *self) {
    Object **dp = obj_dict_ptr(self);
    Object *d = dp ? *dp : NULL;
    Object *en = d ? dict_getitem_str(d, "errno") : NULL;
    Object *se = d ? dict_getitem_str(d, "strerror") : NULL;
    Object *fn = d ? dict_getitem_str(d, "filename") : NULL;
    if (en && se && en != None && se != None) {
        if (fn && fn != None) return str_from_format("[Errno %S] %S: %R", en, se, fn);
        return str_from_format("[Errno %S] %S", en, se);
    }
    return exc_str(self);
}

static Object *syntaxerror_str(Object *self) {
    Object **dp = obj_dict_ptr(self);
    Object *d = dp ? *dp : NULL;
    Object *msg = d ? dict_getitem_str(d, "msg") : NULL;
    Object *fn = d ? dict_getitem_str(d, "filename") : NULL;
    Object *ln = d ? dict_getitem_str(d, "lineno") : NULL;
    if (!msg) return exc_str(self);
    bool has_fn = fn && STR_CHECK(fn), has_ln = ln && INT_CHECK(ln);
    if (has_fn) {
        const char *base = strrchr(STR_DATA(fn), '/');
        base = base ? base + 1 : STR_DATA(fn);
        if (has_ln) return str_from_format("%S (%s, line %S)", msg, base, ln);
        return str_from_format("%S (%s)", msg, base);
    }
    if (has_ln) return str_from_format("%S (line %S)", msg, ln);
    return obj_str(msg);
}

static Object *exc_get_args_attr(Object *self, void *c) {
    Object *a = ((BaseExceptionObject *)self)->args;
    return a ? NEWREF(a) : tuple_new(0);
}

static int exc_set_args_attr(Object *self, Object *v, void *c) {
    if (!v) {
        vm_raise(Exc_TypeError, "args may not be deleted");
        return -1;
    }
    Object *t = tuple_from_iter(v);
    if (!t) return -1;
    SETREF(((BaseExceptionObject *)self)->args, t);
    return 0;
}

static Object *exc_get_tb(Object *self, void *c) {
    Object *t = ((BaseExceptionObject *)self)->traceback;
    return NEWREF(t ? t : None);
}

static int exc_set_tb(Object *self, Object *v, void *c) {
    if (!v) {
        vm_raise(Exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != None && TYPE(v) != &TracebackType) {
        vm_raise(Exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    SETREF(((BaseExceptionObject *)self)->traceback, v == None ? NULL : NEWREF(v));
    return 0;
}

static Object *exc_get_context(Object *self, void *c) {
    Object *t = ((BaseExceptionObject *)self)->context;
    return NEWREF(t ? t : None);
}

static int exc_set_context_attr(Object *self, Object *v, void *c) {
    if (!v) {
        vm_raise(Exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v != None && !EXC_CHECK(v)) {
        vm_raise(Exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    SETREF(((BaseExceptionObject *)self)->context, v == None ? NULL : NEWREF(v));
    return 0;
}

static Object *exc_get_cause(Object *self, void *c) {
    Object *t = ((BaseExceptionObject *)self)->cause;
    return NEWREF(t ? t : None);
}

static int exc_set_cause_attr(Object *self, Object *v, void *c) {
    if (!v) {
        vm_raise(Exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v != None && !EXC_CHECK(v)) {
        vm_raise(Exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    BaseExceptionObject *e = (BaseExceptionObject *)self;
    SETREF(e->cause, v == None ? NULL : NEWREF(v));
    e->suppress_context = true;
    return 0;
}

static Object *exc_get_suppress(Object *self, void *c) {
    return NEWREF(bool_from(((BaseExceptionObject *)self)->suppress_context));
}

static int exc_set_suppress(Object *self, Object *v, void *c) {
    int t = v ? obj_istrue(v) : 0;
    if (t < 0) return -1;
    ((BaseExceptionObject *)self)->suppress_context = t;
    return 0;
}

static Object *exc_with_traceback(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("with_traceback", nargs, 1, 1) < 0) return NULL;
    if (exc_set_tb(self, args[0], NULL) < 0) return NULL;
    return NEWREF(self);
}

static Object *exc_add_note(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("add_note", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return vm_raise(Exc_TypeError, "note must be a str, not '%s'", type_name(TYPE(args[0])));
    Object *name = str_intern_cstr("__notes__");
    int err;
    Object *notes = obj_lookup_attr(self, name, &err);
    if (err) return NULL;
    if (!notes) {
        notes = list_new(0);
        if (!notes || obj_setattr(self, name, notes) < 0) {
            XDECREF(notes);
            return NULL;
        }
    }
    int r = LIST_CHECK(notes) ? list_append(notes, args[0]) : -1;
    if (r < 0 && !err_occurred()) vm_raise(Exc_TypeError, "Cannot add note: __notes__ is not a list");
    DECREF(notes);
    if (r < 0) return NULL;
    RETURN_NONE;
}

static Object *exc_reduce(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    BaseExceptionObject *e = (BaseExceptionObject *)self;
    if (e->dict && DICT_SIZE(e->dict)) return tuple_pack(3, (Object *)TYPE(self), e->args, e->dict);
    return tuple_pack(2, (Object *)TYPE(self), e->args);
}

static const MethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, 0, NULL},
    {"add_note", exc_add_note, 0, NULL},
    {"__reduce__", exc_reduce, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef exc_getset[] = {
    {"args", exc_get_args_attr, exc_set_args_attr, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL},
    {"__context__", exc_get_context, exc_set_context_attr, NULL},
    {"__cause__", exc_get_cause, exc_set_cause_attr, NULL},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL},
    {NULL, NULL, NULL, NULL}};

void exc_init_types(void) {
    static const int bases[EXC_COUNT] = {
#define EXC_BASE(name, base) [EXCI_##name] = EXCI_##base,
#define EXCI_NULL (-1)
        EXC_LIST(EXC_BASE)
#undef EXC_BASE
    };
    static const char *const names[EXC_COUNT] = {
#define EXC_NAME(name, base) #name,
        EXC_LIST(EXC_NAME)
#undef EXC_NAME
    };
    TypeObject *ptrs[EXC_COUNT];
    for (int i = 0; i < EXC_COUNT; i++) {
        TypeObject *t = &exc_types[i];
        t->ob_base.ob_refcnt = IMMORTAL_REFCNT;
        t->ob_base.ob_type = &TypeType;
        t->name = names[i];
        t->basicsize = sizeof(BaseExceptionObject);
        t->flags = TPFLAGS_BASETYPE | TPFLAGS_BASE_EXC_SUBCLASS | TPFLAGS_HAVE_GC;
        t->base = bases[i] >= 0 ? &exc_types[bases[i]] : &BaseObjectType;
        ptrs[i] = t;
    }
    TypeObject *be = &exc_types[EXCI_BaseException];
    be->dealloc = exc_dealloc;
    be->traverse = exc_traverse;
    be->clear = exc_clear;
    be->repr = exc_repr;
    be->str = exc_str;
    be->getattro = obj_generic_getattr;
    be->setattro = obj_generic_setattr;
    be->tp_new = exc_tp_new;
    be->init = exc_init;
    be->dictoffset = offsetof(BaseExceptionObject, dict);
    be->methods = exc_methods;
    be->getset = exc_getset;
    be->doc = "Common base class for all exceptions";
    exc_types[EXCI_KeyError].str = keyerror_str;
    exc_types[EXCI_OSError].str = oserror_str;
    exc_types[EXCI_SyntaxError].str = syntaxerror_str;
#define EXC_PTR(name, base) Exc_##name = ptrs[EXCI_##name];
    EXC_LIST(EXC_PTR)
#undef EXC_PTR
    for (int i = 0; i < EXC_COUNT; i++) type_ready(&exc_types[i]);
}

// Adds every exception class to the builtins dict.
int exc_add_to_builtins(Object *builtins) {
    for (int i = 0; i < EXC_COUNT; i++)
        if (dict_setitem_str(builtins, exc_types[i].name, (Object *)&exc_types[i]) < 0) return -1;
    // Aliases kept by CPython.
    if (dict_setitem_str(builtins, "EnvironmentError", (Object *)Exc_OSError) < 0 ||
        dict_setitem_str(builtins, "IOError", (Object *)Exc_OSError) < 0)
        return -1;
    return 0;
}

// ---- The error indicator ----------------------------------------------------------------

Object *exc_new(TypeObject *cls, Object *const *args, ssize_t nargs) {
    return type_call((Object *)cls, args, nargs, NULL);
}

Object *exc_get_args(Object *exc) { return ((BaseExceptionObject *)exc)->args; }

void exc_set_context(Object *exc, Object *context) {
    SETREF(((BaseExceptionObject *)exc)->context, context);
}

void exc_set_cause(Object *exc, Object *cause) {
    BaseExceptionObject *e = (BaseExceptionObject *)exc;
    SETREF(e->cause, cause);
    e->suppress_context = true;
}

Object *exc_get_traceback(Object *exc) { return ((BaseExceptionObject *)exc)->traceback; }

void exc_set_traceback(Object *exc, Object *tb) {
    SETREF(((BaseExceptionObject *)exc)->traceback, XNEWREF(tb));
}

// Sets exc.__context__ to the exception being handled, avoiding cycles.
void exc_chain_context(Object *exc) {
    ThreadState *ts = tstate_get();
    Object *handled = NULL;
    for (ExcInfo *ei = ts->exc_info; ei; ei = ei->previous)
        if (ei->exc_value && ei->exc_value != None) {
            handled = ei->exc_value;
            break;
        }
    if (!handled || handled == exc) return;
    // Break a cycle: if exc is in handled's context chain, cut it there.
    Object *o = handled;
    while (o) {
        BaseExceptionObject *b = (BaseExceptionObject *)o;
        if (b->context == exc) {
            CLEAR(b->context);
            break;
        }
        o = b->context;
    }
    exc_set_context(exc, NEWREF(handled));
}

void err_restore(Object *exc) {
    ThreadState *ts = tstate_get();
    Object *old = ts->curexc;
    ts->curexc = exc;
    XDECREF(old);
}

void err_set_object(Object *exc_or_type) {
    Object *exc;
    if (TYPE_CHECK(exc_or_type)) {
        exc = exc_new((TypeObject *)exc_or_type, NULL, 0);
        if (!exc) return;
    } else {
        exc = NEWREF(exc_or_type);
    }
    exc_chain_context(exc);
    err_restore(exc);
}

void err_set_value(TypeObject *type, Object *value) {
    Object *exc = value ? exc_new(type, &value, 1) : exc_new(type, NULL, 0);
    if (!exc) return;
    exc_chain_context(exc);
    err_restore(exc);
}

Object *vm_raise(TypeObject *type, const char *fmt, ...) {
    StrBuf sb;
    sb_init(&sb);
    va_list ap;
    va_start(ap, fmt);
    int r = sb_vformat(&sb, fmt, ap);
    va_end(ap);
    if (r < 0) {
        sb_free(&sb);
        return NULL;
    }
    Object *msg = sb_finish(&sb);
    if (!msg) return NULL;
    err_set_value(type, msg);
    DECREF(msg);
    return NULL;
}

static BaseExceptionObject memory_error_inst;

void err_no_memory(void) {
    // Preallocated: raising must not need memory.
    BaseExceptionObject *e = &memory_error_inst;
    if (!e->ob_base.ob_type) {
        e->ob_base.ob_refcnt = IMMORTAL_REFCNT;
        e->ob_base.ob_type = Exc_MemoryError;
    }
    if (!e->args) e->args = tuple_new(0);
    CLEAR(e->traceback);
    CLEAR(e->context);
    err_restore(NEWREF(e));
}

Object *err_occurred(void) { return tstate_get()->curexc; }

bool err_matches(TypeObject *type) {
    Object *e = tstate_get()->curexc;
    return e && type_is_subtype(TYPE(e), type);
}

void err_clear(void) { err_restore(NULL); }

Object *err_fetch(void) {
    ThreadState *ts = tstate_get();
    Object *e = ts->curexc;
    ts->curexc = NULL;
    return e;
}

int exc_matches(Object *exc, Object *cls) {
    if (TUPLE_CHECK(cls)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(cls); i++)
            if (exc_matches(exc, TUPLE_ITEMS(cls)[i])) return 1;
        return 0;
    }
    if (TYPE_CHECK(cls)) return type_is_subtype(TYPE(exc), (TypeObject *)cls);
    return 0;
}

int err_fetch_stop_value(Object **value) {
    Object *e = err_occurred();
    if (!e) {
        *value = NEWREF(None);
        return 0;
    }
    if (!type_is_subtype(TYPE(e), Exc_StopIteration)) return -1;
    e = err_fetch();
    Object *args = ((BaseExceptionObject *)e)->args;
    *value = NEWREF(args && TUPLE_SIZE(args) ? TUPLE_ITEMS(args)[0] : None);
    DECREF(e);
    return 0;
}

Object *err_from_errno(Object *filename) {
    int en = errno;
    TypeObject *t = Exc_OSError;
    switch (en) {
    case ENOENT: t = Exc_FileNotFoundError; break;
    case EEXIST: t = Exc_FileExistsError; break;
    case EISDIR: t = Exc_IsADirectoryError; break;
    case ENOTDIR: t = Exc_NotADirectoryError; break;
    case EACCES: case EPERM: t = Exc_PermissionError; break;
    case EAGAIN: t = Exc_BlockingIOError; break;
    case EINTR: t = Exc_InterruptedError; break;
    case EPIPE: t = Exc_BrokenPipeError; break;
    case ECONNREFUSED: t = Exc_ConnectionRefusedError; break;
    case ECONNRESET: t = Exc_ConnectionResetError; break;
    case ECONNABORTED: t = Exc_ConnectionAbortedError; break;
    case ETIMEDOUT: t = Exc_TimeoutError; break;
    case ESRCH: t = Exc_ProcessLookupError; break;
    case ECHILD: t = Exc_ChildProcessError; break;
    }
    Object *num = int_from_long(en), *msg = str_from_cstr(strerror(en));
    Object *args[3] = {num, msg, filename};
    Object *exc = num && msg ? exc_new(t, args, filename ? 3 : 2) : NULL;
    XDECREF(num);
    XDECREF(msg);
    if (exc) {
        exc_chain_context(exc);
        err_restore(exc);
    }
    return NULL;
}

// ---- Printing -----------------------------------------------------------------------------

// Writes text to sys.stderr (or the C stderr when sys.stderr is unusable).
static void write_err(Object *text) {
    Object *f = the_interp.sysdict ? dict_getitem(the_interp.sysdict, S_stderr) : NULL;
    if (f && f != None) {
        Object *r = obj_call_method_obj(f, S_write, &text, 1);
        if (r) {
            DECREF(r);
            return;
        }
        err_clear();
    }
    fwrite(STR_DATA(text), 1, (size_t)STR_NBYTES(text), stderr);
}

static void flush_stream(Object *name) {
    Object *f = the_interp.sysdict ? dict_getitem(the_interp.sysdict, name) : NULL;
    if (f && f != None) {
        Object *r = obj_call_method_obj(f, S_flush, NULL, 0);
        if (r) DECREF(r);
        else err_clear();
    }
}

// "module.Qualname" unless the module is builtins or __main__.
static int put_exc_type_name(StrBuf *sb, TypeObject *t) {
    Object *mod = type_lookup(t, S___module__);
    if (t->flags & TPFLAGS_HEAPTYPE) mod = dict_getitem(t->dict, S___module__);
    else mod = NULL;
    Object *qn = type_qualname(t);
    if (!qn) return -1;
    if (mod && STR_CHECK(mod) && strcmp(STR_DATA(mod), "builtins") != 0 && strcmp(STR_DATA(mod), "__main__") != 0) {
        sb_putn(sb, STR_DATA(mod), STR_NBYTES(mod));
        sb_putc(sb, '.');
    }
    sb_putn(sb, STR_DATA(qn), STR_NBYTES(qn));
    DECREF(qn);
    return 0;
}

// The SyntaxError header: File line, the source text and a caret.
static void put_syntax_error_location(StrBuf *sb, Object *exc) {
    Object **dp = obj_dict_ptr(exc);
    Object *d = dp ? *dp : NULL;
    if (!d) return;
    Object *fn = dict_getitem_str(d, "filename"), *ln = dict_getitem_str(d, "lineno");
    Object *text = dict_getitem_str(d, "text"), *off = dict_getitem_str(d, "offset");
    Object *eoff = dict_getitem_str(d, "end_offset"), *eln = dict_getitem_str(d, "end_lineno");
    if (!fn || fn == None || !ln || !INT_CHECK(ln)) return;
    sb_printf(sb, "  File \"%s\", line %ld\n", STR_CHECK(fn) ? STR_DATA(fn) : "<unknown>", int_as_long(ln));
    if (!text || !STR_CHECK(text)) return;
    // Strip leading whitespace and the trailing newline; adjust the offsets.
    const char *s = STR_DATA(text);
    ssize_t n = STR_NBYTES(text);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    ssize_t lead = 0;
    while (lead < n && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\f')) lead++;
    sb_puts(sb, "    ");
    sb_putn(sb, s + lead, n - lead);
    sb_putc(sb, '\n');
    if (!off || !INT_CHECK(off)) return;
    // As CPython's print_error_text: 1-based offsets; only exact SyntaxError
    // uses the end offset (subclasses get one caret); a caret left of the
    // stripped text is not printed.
    long o = int_as_long(off);
    long eo = -1;
    if (TYPE(exc) == Exc_SyntaxError) {
        eo = eoff && INT_CHECK(eoff) ? int_as_long(eoff) : -1;
        if (eln && INT_CHECK(eln) && int_as_long(eln) > int_as_long(ln)) eo = (long)STR_LEN(text);
        if (eo > (long)STR_LEN(text) + 1) eo = (long)STR_LEN(text) + 1;
    }
    long ncar = (eo > 0 && eo > o) ? eo - o : 1;
    long lead_chars = (long)utf8_count(s, lead);
    long col = o - 1 - lead_chars;
    long visible = (long)utf8_count(s + lead, n - lead);
    if (col > visible) col = visible;
    if (col < 0) return;
    sb_puts(sb, "    ");
    for (long i = 0; i < col; i++) sb_putc(sb, ' ');
    for (long i = 0; i < ncar; i++) sb_putc(sb, '^');
    sb_putc(sb, '\n');
}

static int put_exception_only(StrBuf *sb, Object *exc) {
    TypeObject *t = TYPE(exc);
    bool syntax = type_is_subtype(t, Exc_SyntaxError);
    if (syntax) put_syntax_error_location(sb, exc);
    put_exc_type_name(sb, t);
    Object *s;
    if (syntax) {
        Object **dp = obj_dict_ptr(exc);
        Object *msg = dp && *dp ? dict_getitem_str(*dp, "msg") : NULL;
        s = msg ? obj_str(msg) : obj_str(exc);
    } else {
        s = obj_str(exc);
    }
    if (!s) {
        err_clear();
        sb_puts(sb, ": <exception str() failed>");
    } else {
        if (STR_NBYTES(s)) {
            sb_puts(sb, ": ");
            sb_putn(sb, STR_DATA(s), STR_NBYTES(s));
        }
        DECREF(s);
    }
    sb_putc(sb, '\n');
    // PEP 678 notes.
    Object **dp = obj_dict_ptr(exc);
    Object *notes = dp && *dp ? dict_getitem_str(*dp, "__notes__") : NULL;
    if (notes && LIST_CHECK(notes)) {
        for (ssize_t i = 0; i < LIST_SIZE(notes); i++) {
            Object *ns = obj_str(LIST_ITEMS(notes)[i]);
            if (!ns) {
                err_clear();
                continue;
            }
            sb_putn(sb, STR_DATA(ns), STR_NBYTES(ns));
            sb_putc(sb, '\n');
            DECREF(ns);
        }
    }
    return 0;
}

static void print_one(StrBuf *sb, Object *exc) {
    Object *tb = exc_get_traceback(exc);
    if (tb) {
        sb_puts(sb, "Traceback (most recent call last):\n");
        traceback_format(sb, tb);
    }
    put_exception_only(sb, exc);
}

// Prints exc with its cause/context chain, oldest first.
static void print_chain(StrBuf *sb, Object *exc, Object *seen) {
    if (set_add(seen, exc) < 0) {
        err_clear();
        return;
    }
    BaseExceptionObject *e = (BaseExceptionObject *)exc;
    if (e->cause) {
        if (!set_contains(seen, e->cause)) {
            print_chain(sb, e->cause, seen);
            sb_puts(sb, "\nThe above exception was the direct cause of the following exception:\n\n");
        }
    } else if (e->context && !e->suppress_context) {
        if (!set_contains(seen, e->context)) {
            print_chain(sb, e->context, seen);
            sb_puts(sb, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    print_one(sb, exc);
}

void exc_print(Object *exc) {
    StrBuf sb;
    sb_init(&sb);
    Object *saved = err_fetch();
    Object *seen = set_new(NULL);
    if (seen) {
        print_chain(&sb, exc, seen);
        DECREF(seen);
    }
    flush_stream(S_stdout);
    Object *text = sb_finish(&sb);
    if (text) {
        write_err(text);
        DECREF(text);
    }
    flush_stream(S_stderr);
    err_clear();
    err_restore(saved);
}

int exc_handle_uncaught(Object *exc) {
    if (type_is_subtype(TYPE(exc), Exc_SystemExit)) {
        int err;
        Object *code = obj_lookup_attr(exc, S_code, &err);
        if (err) err_clear();
        int status = 0;
        if (code && code != None) {
            if (INT_CHECK(code)) {
                long v;
                status = int_as_long_fast(code, &v) == 0 ? (int)v : -1;
            } else {
                flush_stream(S_stdout);
                Object *s = obj_str(code);
                if (s) {
                    Object *nl = str_concat(s, str_intern_cstr("\n"));
                    if (nl) {
                        write_err(nl);
                        DECREF(nl);
                    }
                    DECREF(s);
                }
                err_clear();
                status = 1;
            }
        }
        XDECREF(code);
        return status;
    }
    // sys.excepthook, if the user replaced it.
    Object *hook = the_interp.sysdict ? dict_getitem(the_interp.sysdict, S_excepthook) : NULL;
    Object *orig = the_interp.sysdict ? dict_getitem(the_interp.sysdict, S___excepthook__) : NULL;
    if (hook && hook != orig && hook != None) {
        Object *tb = exc_get_traceback(exc);
        Object *args[3] = {(Object *)TYPE(exc), exc, tb ? tb : None};
        Object *r = obj_call(hook, args, 3, NULL);
        if (r) {
            DECREF(r);
        } else {
            Object *e2 = err_fetch();
            if (e2) {
                write_err(str_intern_cstr("Error in sys.excepthook:\n"));
                exc_print(e2);
                write_err(str_intern_cstr("\nOriginal exception was:\n"));
                DECREF(e2);
            }
            exc_print(exc);
        }
    } else {
        exc_print(exc);
    }
    if (type_is_subtype(TYPE(exc), Exc_KeyboardInterrupt)) return 130;
    return 1;
}
