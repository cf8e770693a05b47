// Exceptions: the built-in hierarchy (CPython's Objects/exceptions.c), the
// per-thread error indicator (Python/errors.c), traceback objects and the
// printing of uncaught exceptions in CPython's format (Python/traceback.c,
// Python/pythonrun.c).
#include "runtime.h"
#include "gc.h"
#include "eval.h"
#include "traceback.h"
#include "suggestions.h"

#include <errno.h>
#include <limits.h>
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

static TypeObject *oserror_subclass(int en);

static Object *exc_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    // OSError(errno, strerror, ...) picks the subclass for errno, as CPython.
    if (type == Exc_OSError && nargs >= 2 && INT_CHECK(args[0])) {
        long en;
        if (int_as_long_fast(args[0], &en) == 0 && en == (int)en) type = oserror_subclass((int)en);
    }
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
        // OSError(errno, strerror[, filename[, winerror[, filename2]]]).
        Object *en = None, *se = None, *fn = None, *fn2 = None;
        if (nargs >= 2 && nargs <= 5) {
            en = args[0];
            se = args[1];
            if (nargs >= 3) fn = args[2];
            if (nargs == 5) fn2 = args[4];
        }
        if (set_attr(self, "errno", en) < 0 || set_attr(self, "strerror", se) < 0 ||
            set_attr(self, "filename", fn) < 0 || set_attr(self, "filename2", fn2) < 0)
            return -1;
        // BlockingIOError(errno, strerror, characters_written).
        if (type_is_subtype(t, Exc_BlockingIOError) && nargs == 3 && INT_CHECK(args[2])) {
            if (set_attr(self, "characters_written", args[2]) < 0 || set_attr(self, "filename", None) < 0) return -1;
            return 0;  // args stays (errno, strerror, characters_written)
        }
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
    Object *fn2 = d ? dict_getitem_str(d, "filename2") : NULL;
    if (en && se && en != None && se != None) {
        if (fn && fn != None) {
            if (fn2 && fn2 != None) return str_from_format("[Errno %S] %S: %R -> %R", en, se, fn, fn2);
            return str_from_format("[Errno %S] %S: %R", en, se, fn);
        }
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

// OSError keeps errno, strerror and the file names in its __dict__ here
// (CPython has fields for them): they go back into the arguments, as
// CPython's OSError.__reduce__, and only the other attributes form the state.
static Object *oserror_reduce(Object *self) {
    BaseExceptionObject *e = (BaseExceptionObject *)self;
    Object *d = e->dict;
    Object *fn = d ? dict_getitem_str(d, "filename") : NULL;
    Object *fn2 = d ? dict_getitem_str(d, "filename2") : NULL;
    Object *args;
    if (fn && fn != None && e->args && TUPLE_SIZE(e->args) == 2) {
        Object *a0 = TUPLE_ITEMS(e->args)[0], *a1 = TUPLE_ITEMS(e->args)[1];
        args = fn2 && fn2 != None ? tuple_pack(5, a0, a1, fn, None, fn2) : tuple_pack(3, a0, a1, fn);
    } else {
        args = e->args ? NEWREF(e->args) : tuple_new(0);
    }
    if (!args) return NULL;
    Object *extra = d ? dict_copy(d) : NULL;
    if (extra) {
        static const char *const own[] = {"errno", "strerror", "filename", "filename2"};
        for (int i = 0; i < 4; i++) {
            Object *k = str_from_cstr(own[i]);
            if (!k || dict_pop(extra, k, NULL) < 0) err_clear();
            XDECREF(k);
        }
    }
    Object *r = extra && DICT_SIZE(extra) ? tuple_pack(3, (Object *)TYPE(self), args, extra)
                                          : tuple_pack(2, (Object *)TYPE(self), args);
    DECREF(args);
    XDECREF(extra);
    return r;
}

static Object *exc_reduce(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    BaseExceptionObject *e = (BaseExceptionObject *)self;
    if (type_is_subtype(TYPE(self), (TypeObject *)Exc_OSError)) return oserror_reduce(self);
    if (e->dict && DICT_SIZE(e->dict)) return tuple_pack(3, (Object *)TYPE(self), e->args, e->dict);
    return tuple_pack(2, (Object *)TYPE(self), e->args);
}

static const MethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, 0, NULL},
    {"add_note", exc_add_note, 0, NULL},
    {"__reduce__", exc_reduce, 0, NULL},
    {NULL, NULL, 0, NULL}};

// BaseException.__dict__ (pickle restores an exception's attributes through it).
static Object *exc_get_dict(Object *self, void *c) { return obj_get_dict(self); }

static int exc_set_dict(Object *self, Object *value, void *c) {
    Object **dp = obj_dict_ptr(self);
    if (!value) {
        vm_raise(Exc_TypeError, "__dict__ may not be deleted");
        return -1;
    }
    if (!DICT_CHECK(value)) {
        vm_raise(Exc_TypeError, "__dict__ must be a dictionary");
        return -1;
    }
    if (!dp) {
        vm_raise(Exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    SETREF(*dp, NEWREF(value));
    return 0;
}

static const GetSetDef exc_getset[] = {
    {"__dict__", exc_get_dict, exc_set_dict, NULL},
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
        obj_make_immortal((Object *)t);
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
    excgroup_init_type(&exc_types[EXCI_BaseExceptionGroup]);
    exc_types[EXCI_ExceptionGroup].basicsize = sizeof(BaseExceptionGroupObject);
#define EXC_PTR(name, base) Exc_##name = ptrs[EXCI_##name];
    EXC_LIST(EXC_PTR)
#undef EXC_PTR
    for (int i = 0; i < EXC_COUNT; i++) type_ready(&exc_types[i]);
    // ExceptionGroup(BaseExceptionGroup, Exception): the second base is
    // added by hand, as type_ready builds single-base MROs.
    TypeObject *eg = Exc_ExceptionGroup;
    Object *eg_bases = tuple_pack(2, (Object *)Exc_BaseExceptionGroup, (Object *)Exc_Exception);
    Object *mro = tuple_pack(5, (Object *)eg, (Object *)Exc_BaseExceptionGroup, (Object *)Exc_Exception,
                             (Object *)Exc_BaseException, (Object *)&BaseObjectType);
    if (!eg_bases || !mro) abort();
    SETREF(eg->bases, eg_bases);
    SETREF(eg->mro, mro);
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

// With a GC header (zeroed: never tracked), as every exception has one.
static struct {
    GCHead gc;
    BaseExceptionObject e;
} memory_error_inst;

void err_no_memory(void) {
    // Preallocated: raising must not need memory.
    BaseExceptionObject *e = &memory_error_inst.e;
    if (!e->ob_base.ob_type) {
        obj_make_immortal((Object *)e);
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

// The OSError subclass for an errno, as CPython's errnomap (PEP 3151).
static TypeObject *oserror_subclass(int en) {
    TypeObject *t = Exc_OSError;
    switch (en) {
    case EALREADY: case EINPROGRESS: t = Exc_BlockingIOError; break;
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK: t = Exc_BlockingIOError; break;
#endif
    case ESHUTDOWN: t = Exc_BrokenPipeError; break;
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
    return t;
}

Object *err_from_errno(Object *filename) { return err_from_errno2(filename, NULL); }

Object *err_from_errno2(Object *filename, Object *filename2) {
    int en = errno;
    TypeObject *t = oserror_subclass(en);
    Object *num = int_from_long(en), *msg = str_from_cstr(strerror(en));
    Object *args[5] = {num, msg, filename ? filename : None, None, filename2};
    ssize_t n = filename2 ? 5 : filename ? 3 : 2;
    Object *exc = num && msg ? exc_new(t, args, n) : NULL;
    XDECREF(num);
    XDECREF(msg);
    if (exc) {
        exc_chain_context(exc);
        err_restore(exc);
    }
    return NULL;
}

// ---- Printing -----------------------------------------------------------------------------
//
// CPython 3.11's Python/pythonrun.c (print_exception and friends) and the
// SystemExit / sys.excepthook handling of _PyErr_PrintEx. The text is built in
// one buffer and written to sys.stderr at once.

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

static void write_err_cstr(const char *s) {
    Object *t = str_from_cstr(s);
    if (t) {
        write_err(t);
        DECREF(t);
    } else {
        err_clear();
    }
}

static void flush_stream(Object *name) {
    Object *f = the_interp.sysdict ? dict_getitem(the_interp.sysdict, name) : NULL;
    if (f && f != None) {
        Object *r = obj_call_method_obj(f, S_flush, NULL, 0);
        if (r) DECREF(r);
        else err_clear();
    }
}

// Appends str(o) (or nothing when str() fails); returns -1 on failure.
static int put_str(StrBuf *sb, Object *o) {
    Object *s = obj_str(o);
    if (!s) {
        err_clear();
        return -1;
    }
    sb_putn(sb, STR_DATA(s), STR_NBYTES(s));
    DECREF(s);
    return 0;
}

// ---- Warnings (CPython's Python/_warnings.c with the default filters) -----------------------

// warnings.warn(message, category) from the innermost Python frame, as CPython
// does it with its default filters, whose action for the categories minipy
// warns with is "default": shown once per module, message, category and line.
// The module's __warningregistry__ dict records what was shown (key
// (message, category, lineno), plus 'version'), as in CPython. The text is
// warnings' default format: "FILE:LINE: Category: message", the source line
// stripped and indented by two spaces, and, when [source] is set (a warning
// about an object, e.g. a coroutine never awaited), the line suggesting
// tracemalloc. With no frame running (the interpreter shutting down) the
// location is "sys:1" and, as CPython's fallback printer, no suggestion.
int err_warn(TypeObject *category, Object *message, bool source) {
    ThreadState *ts = tstate_get();
    Frame *f = ts ? ts->frame : NULL;
    Object *saved = err_fetch();
    Object *globals, *filename;
    int lineno;
    if (f && f->code) {
        globals = f->globals;
        filename = NEWREF(f->code->filename);
        lineno = frame_current_line(f);
    } else {
        globals = the_interp.sysdict;
        filename = str_from_cstr("sys");
        lineno = 1;
    }
    int rc = -1;
    Object *key = NULL, *registry = NULL, *lineobj = int_from_long(lineno);
    if (!filename || !lineobj || !globals) goto done;
    Object *regname = str_intern_cstr("__warningregistry__"), *version = str_intern_cstr("version");
    registry = dict_getitem(globals, regname);
    if (registry && DICT_CHECK(registry)) {
        INCREF(registry);
    } else {
        registry = dict_new();
        if (!registry || dict_setitem(globals, regname, registry) < 0) goto done;
    }
    key = tuple_pack(3, message, (Object *)category, lineobj);
    if (!key) goto done;
    Object *v = dict_getitem(registry, version);
    long ver = -1;
    if (!v || !INT_CHECK_EXACT(v) || int_as_long_fast(v, &ver) < 0 || ver != 0) {
        dict_clear(registry);
        Object *zero = int_from_long(0);
        int e = zero ? dict_setitem(registry, version, zero) : -1;
        XDECREF(zero);
        if (e < 0) goto done;
    } else {
        Object *seen = dict_getitem(registry, key);
        if (seen && obj_istrue(seen) == 1) {
            rc = 0;
            goto done;
        }
    }
    if (dict_setitem(registry, key, True) < 0) goto done;
    Object *out = the_interp.sysdict ? dict_getitem(the_interp.sysdict, S_stderr) : NULL;
    if (!out || out == None) {
        rc = 0;
        goto done;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_putn(&sb, STR_DATA(filename), STR_NBYTES(filename));
    char num[32];
    snprintf(num, sizeof num, ":%d: ", lineno);
    sb_puts(&sb, num);
    sb_puts(&sb, type_name(category));
    sb_puts(&sb, ": ");
    put_str(&sb, message);
    sb_putc(&sb, '\n');
    char *line = source_line(STR_DATA(filename), lineno);
    if (line) {
        const char *b = line, *e = line + strlen(line);
        while (*b == ' ' || *b == '\t' || *b == '\f' || *b == '\v' || *b == '\r' || *b == '\n') b++;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\f' || e[-1] == '\v' || e[-1] == '\r' ||
                         e[-1] == '\n'))
            e--;
        if (e > b) {
            sb_puts(&sb, "  ");
            sb_putn(&sb, b, (size_t)(e - b));
            sb_putc(&sb, '\n');
        }
        free(line);
    }
    if (source && f && !atomic_load(&the_interp.finalizing)) {
        sb_puts(&sb, type_name(category));
        sb_puts(&sb, ": Enable tracemalloc to get the object allocation traceback\n");
    }
    Object *text = sb_finish(&sb);
    if (!text) goto done;
    Object *r = obj_call_method_obj(out, S_write, &text, 1);
    DECREF(text);
    if (r) DECREF(r);
    else err_clear();  // warnings ignores OSError; the caller cannot handle an error here
    rc = 0;
done:
    XDECREF(filename);
    XDECREF(lineobj);
    XDECREF(registry);
    XDECREF(key);
    if (rc < 0) {
        XDECREF(saved);
        return -1;
    }
    err_restore(saved);
    return 0;
}

// "module.Qualname", without the module when it is builtins or __main__,
// "<unknown>." when __module__ is not a str.
static void put_exc_type_name(StrBuf *sb, TypeObject *t) {
    Object *mod = obj_getattr((Object *)t, S___module__);
    if (!mod || !STR_CHECK(mod)) {
        if (!mod) err_clear();
        sb_puts(sb, "<unknown>.");
    } else if (strcmp(STR_DATA(mod), "builtins") != 0 && strcmp(STR_DATA(mod), "__main__") != 0) {
        sb_putn(sb, STR_DATA(mod), STR_NBYTES(mod));
        sb_putc(sb, '.');
    }
    XDECREF(mod);
    Object *qn = type_qualname(t);
    if (!qn || !STR_CHECK(qn)) {
        if (!qn) err_clear();
        sb_puts(sb, "<unknown>");
    } else {
        sb_putn(sb, STR_DATA(qn), STR_NBYTES(qn));
    }
    XDECREF(qn);
}

// An attribute as a Py_ssize_t (CPython's PyLong_AsSsize_t); -1 on failure.
static int attr_ssize(Object *exc, const char *name, bool none_ok, ssize_t none_value, ssize_t *out) {
    Object *v = obj_getattr_str(exc, name);
    if (!v) return -1;
    if (v == None && none_ok) {
        *out = none_value;
    } else if (INT_CHECK(v)) {
        *out = int_as_ssize(v);
        if (*out == -1 && err_occurred()) {
            DECREF(v);
            return -1;
        }
    } else {
        vm_raise(Exc_TypeError, "an integer is required");
        DECREF(v);
        return -1;
    }
    DECREF(v);
    return 0;
}

typedef struct {
    Object *message, *filename, *text;  // new references; text may be NULL
    ssize_t lineno, offset, end_lineno, end_offset;
} SyntaxInfo;

// parse_syntax_error: the location attributes of a SyntaxError(-like) object.
static int parse_syntax_error(Object *exc, SyntaxInfo *si) {
    memset(si, 0, sizeof *si);
    si->offset = si->end_offset = -1;
    if (!(si->message = obj_getattr_str(exc, "msg"))) goto fail;
    if (!(si->filename = obj_getattr_str(exc, "filename"))) goto fail;
    if (si->filename == None) {
        DECREF(si->filename);
        si->filename = str_from_cstr("<string>");
    }
    if (attr_ssize(exc, "lineno", false, 0, &si->lineno) < 0) goto fail;
    if (attr_ssize(exc, "offset", true, -1, &si->offset) < 0) goto fail;
    if (TYPE(exc) == Exc_SyntaxError) {
        if (attr_ssize(exc, "end_lineno", true, si->lineno, &si->end_lineno) < 0) goto fail;
        if (attr_ssize(exc, "end_offset", true, -1, &si->end_offset) < 0) goto fail;
    } else {
        si->end_lineno = si->lineno;
        si->end_offset = -1;
    }
    if (!(si->text = obj_getattr_str(exc, "text"))) goto fail;
    if (si->text == None || !STR_CHECK(si->text)) CLEAR(si->text);
    return 0;
fail:
    err_clear();
    XDECREF(si->message);
    XDECREF(si->filename);
    XDECREF(si->text);
    return -1;
}

// print_error_text: the offending line, stripped, and a caret line. The
// offsets are 1-based and used as byte offsets into the UTF-8 text, as CPython.
static void put_error_text(StrBuf *sb, ssize_t offset, ssize_t end_offset, Object *text_obj) {
    ssize_t carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    const char *text = STR_DATA(text_obj);
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    ssize_t len = (ssize_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    // Skip past newlines embedded in the text.
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (!nl) break;
        ssize_t inl = nl - text;
        if (inl >= offset) break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    sb_puts(sb, "    ");
    sb_puts(sb, text);
    if (text[len] != '\n') sb_putc(sb, '\n');
    if (offset < 0) return;
    sb_puts(sb, "    ");
    while (--offset >= 0) sb_putc(sb, ' ');
    for (ssize_t i = 0; i < carets; i++) sb_putc(sb, '^');
    sb_putc(sb, '\n');
}

// print_exception_file_and_line: for SyntaxErrors (objects with a
// print_file_and_line attribute), the location header. Returns the object
// whose str() is the message (new reference).
static Object *put_syntax_error_location(StrBuf *sb, Object *exc) {
    int err;
    Object *flag = obj_lookup_attr(exc, str_intern_cstr("print_file_and_line"), &err);
    if (!flag) {
        if (err) err_clear();
        return NEWREF(exc);
    }
    DECREF(flag);
    SyntaxInfo si;
    if (parse_syntax_error(exc, &si) < 0) return NEWREF(exc);
    sb_puts(sb, "  File \"");
    put_str(sb, si.filename);
    sb_printf(sb, "\", line %zd\n", si.lineno);
    if (si.text) {
        ssize_t line_size = STR_NBYTES(si.text);
        // A location over several lines: highlight to the end of the first.
        if (si.end_lineno > si.lineno) si.end_offset = line_size;
        if (si.end_offset > line_size + 1) si.end_offset = line_size + 1;
        put_error_text(sb, si.offset, si.end_offset, si.text);
    }
    DECREF(si.filename);
    XDECREF(si.text);
    return si.message;
}

// Is o a sequence (PySequence_Check): __getitem__ and not a dict.
static bool is_sequence(Object *o) {
    if (LIST_CHECK(o) || TUPLE_CHECK(o) || STR_CHECK(o)) return true;
    if (DICT_CHECK(o)) return false;
    return type_lookup(TYPE(o), S___getitem__) != NULL;
}

// The state of printing one uncaught exception (CPython's
// exception_print_context): the exceptions already printed, by identity, and
// the exception group nesting, which indents every line and draws the boxes.
typedef struct {
    StrBuf *sb;
    Object **seen;
    size_t nseen, capseen;
    int group_depth;    // nesting level of the exception group being printed
    bool need_close;    // a closing bottom line is owed
} PrintCtx;

#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10
#define PRINT_CHAIN_MAX_DEPTH 1000

static void put_indent(StrBuf *sb, int n) {
    for (int i = 0; i < n; i++) sb_putc(sb, ' ');
}

// _Py_WriteIndentedMargin: the indent of the group level and its "| ".
static void put_margin(PrintCtx *c) {
    put_indent(c->sb, 2 * c->group_depth);
    if (c->group_depth) sb_puts(c->sb, "| ");
}

// Appends text (whole lines) with the margin before each line.
static void put_lines(PrintCtx *c, const char *text, ssize_t n) {
    ssize_t i = 0;
    while (i < n) {
        ssize_t j = i;
        while (j < n && text[j] != '\n') j++;
        if (j < n) j++;
        put_margin(c);
        sb_putn(c->sb, text + i, j - i);
        i = j;
    }
}

// print_exception_notes (PEP 678): each line of each note behind the margin.
static void put_notes(PrintCtx *c, Object *exc) {
    StrBuf *sb = c->sb;
    if (!EXC_CHECK(exc)) return;
    int err;
    Object *notes = obj_lookup_attr(exc, str_intern_cstr("__notes__"), &err);
    if (!notes) {
        if (err) err_clear();
        return;
    }
    if (!is_sequence(notes)) {
        // As 3.11: the repr, and no newline after it.
        put_margin(c);
        Object *r = obj_repr(notes);
        if (!r) {
            err_clear();
            sb_puts(sb, "<__notes__ repr() failed>");
        } else {
            sb_putn(sb, STR_DATA(r), STR_NBYTES(r));
            DECREF(r);
        }
        DECREF(notes);
        return;
    }
    ssize_t n = obj_len(notes);
    if (n < 0) err_clear();
    for (ssize_t i = 0; i < n; i++) {
        Object *idx = int_from_long((long)i);
        Object *note = idx ? obj_getitem(notes, idx) : NULL;
        XDECREF(idx);
        if (!note) {
            err_clear();
            break;
        }
        Object *s = obj_str(note);
        DECREF(note);
        if (!s) {
            err_clear();
            sb_puts(sb, "<note str() failed>");
        } else {
            // str.splitlines(keepends=True): every line gets the margin.
            Object *keep = True;
            Object *lines = obj_call_method(s, "splitlines", &keep, 1);
            DECREF(s);
            if (!lines) {
                err_clear();
                break;
            }
            for (ssize_t k = 0; k < LIST_SIZE(lines); k++) {
                Object *line = LIST_ITEMS(lines)[k];
                put_margin(c);
                sb_putn(sb, STR_DATA(line), STR_NBYTES(line));
            }
            DECREF(lines);
        }
        sb_putc(sb, '\n');
    }
    DECREF(notes);
}

// print_exception_traceback: the header (for a group "Exception Group
// Traceback", with "+ " at the first level) and the entries.
static void put_traceback(PrintCtx *c, Object *exc) {
    Object *tb = exc_get_traceback(exc);
    if (!tb || tb == None) return;
    long limit = 1000;
    Object *lim = the_interp.sysdict ? dict_getitem_str(the_interp.sysdict, "tracebacklimit") : NULL;
    if (lim && INT_CHECK(lim)) {
        long v;
        if (int_as_long_fast(lim, &v) == 0) {
            if (v <= 0) return;
            limit = v;
        } else {
            // Too big for a long: unlimited if positive.
            Object *zero = int_from_long(0);
            int pos = zero ? obj_richcompare_bool(lim, zero, CMP_GT_OP) : -1;
            XDECREF(zero);
            if (pos < 0) err_clear();
            if (pos <= 0) return;
            limit = LONG_MAX;
        }
    }
    const char *header = "Traceback (most recent call last):\n";
    const char *header_margin = c->group_depth ? "| " : "";
    if (type_is_subtype(TYPE(exc), Exc_BaseExceptionGroup)) {
        header = "Exception Group Traceback (most recent call last):\n";
        if (c->group_depth == 1) header_margin = "+ ";
    }
    put_indent(c->sb, 2 * c->group_depth);
    sb_puts(c->sb, header_margin);
    sb_puts(c->sb, header);
    StrBuf lines;
    sb_init(&lines);
    traceback_format_limit(&lines, tb, limit);
    put_lines(c, lines.buf, lines.len);
    sb_free(&lines);
}

// print_exception: traceback, "Type: message", suggestion, notes.
static void print_one(PrintCtx *c, Object *exc) {
    StrBuf *sb = c->sb;
    put_traceback(c, exc);
    TypeObject *type = TYPE(exc);
    StrBuf loc;
    sb_init(&loc);
    Object *value = put_syntax_error_location(&loc, exc);
    put_lines(c, loc.buf, loc.len);
    sb_free(&loc);
    put_margin(c);
    put_exc_type_name(sb, type);
    if (value != None) {
        Object *s = obj_str(value);
        if (!s) {
            err_clear();
            sb_puts(sb, ": <exception str() failed>");
        } else {
            if (STR_NBYTES(s)) sb_puts(sb, ": ");
            sb_putn(sb, STR_DATA(s), STR_NBYTES(s));
            DECREF(s);
        }
    }
    if (EXC_CHECK(value)) {
        Object *sug = suggest_for_exception(value);
        if (sug) {
            sb_puts(sb, ". Did you mean: '");
            sb_putn(sb, STR_DATA(sug), STR_NBYTES(sug));
            sb_puts(sb, "'?");
            DECREF(sug);
        }
    }
    sb_putc(sb, '\n');
    put_notes(c, exc);
    DECREF(value);
}

static bool seen_has(PrintCtx *c, Object *o) {
    for (size_t i = 0; i < c->nseen; i++)
        if (c->seen[i] == o) return true;
    return false;
}

static void seen_add(PrintCtx *c, Object *o) {
    if (c->nseen == c->capseen) {
        size_t cap = c->capseen ? c->capseen * 2 : 16;
        Object **it = realloc(c->seen, cap * sizeof *it);
        if (!it) return;
        c->seen = it;
        c->capseen = cap;
    }
    c->seen[c->nseen++] = o;
}

static void print_recursive(PrintCtx *c, Object *exc, int depth);

// print_chained: the cause or context, then the sentence that links it.
static void print_chained(PrintCtx *c, Object *exc, const char *message, int depth) {
    bool need_close = c->need_close;
    print_recursive(c, exc, depth);
    c->need_close = need_close;
    put_margin(c);
    sb_putc(c->sb, '\n');
    put_margin(c);
    sb_puts(c->sb, message);
    put_margin(c);
    sb_putc(c->sb, '\n');
}

// print_exception_group: the group itself, then each member in a box.
static void print_group(PrintCtx *c, Object *exc, int depth) {
    StrBuf *sb = c->sb;
    if (c->group_depth > MAX_GROUP_DEPTH) {
        put_margin(c);
        sb_printf(sb, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (c->group_depth == 0) c->group_depth++;
    print_one(c, exc);
    Object *excs = ((BaseExceptionGroupObject *)exc)->excs;
    ssize_t num = excs ? TUPLE_SIZE(excs) : 0;
    ssize_t n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    c->need_close = false;
    for (ssize_t i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last) c->need_close = true;  // the closing line may be drawn by a nested group
        put_indent(sb, 2 * c->group_depth);
        bool truncated = i >= MAX_GROUP_WIDTH;
        if (!truncated) sb_printf(sb, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        else sb_printf(sb, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        c->group_depth++;
        if (!truncated) {
            print_recursive(c, TUPLE_ITEMS(excs)[i], depth + 1);
        } else {
            ssize_t rem = num - MAX_GROUP_WIDTH;
            put_margin(c);
            sb_printf(sb, "and %zd more exception%s\n", rem, rem > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            put_indent(sb, 2 * c->group_depth);
            sb_puts(sb, "+------------------------------------\n");
            c->need_close = false;
        }
        c->group_depth--;
    }
    if (c->group_depth == 1) c->group_depth--;
}

// print_exception_recursive: the cause or context first, then exc.
static void print_recursive(PrintCtx *c, Object *exc, int depth) {
    seen_add(c, exc);
    BaseExceptionObject *e = (BaseExceptionObject *)exc;
    if (depth < PRINT_CHAIN_MAX_DEPTH) {
        if (e->cause) {
            if (!seen_has(c, e->cause))
                print_chained(c, e->cause,
                              "The above exception was the direct cause of the following exception:\n", depth + 1);
        } else if (e->context && !e->suppress_context) {
            if (!seen_has(c, e->context))
                print_chained(c, e->context,
                              "During handling of the above exception, another exception occurred:\n", depth + 1);
        }
    }
    if (type_is_subtype(TYPE(exc), Exc_BaseExceptionGroup)) print_group(c, exc, depth);
    else print_one(c, exc);
}

void exc_print(Object *exc) {
    StrBuf sb;
    sb_init(&sb);
    Object *saved = err_fetch();
    PrintCtx c = {&sb, NULL, 0, 0, 0, false};
    print_recursive(&c, exc, 0);
    free(c.seen);
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

// CPython's default sys.unraisablehook, for an error no one can catch (in
// __del__, a generator's close() at destruction, ...): "<msg>: <repr obj>"
// ("Exception ignored in" by default), the traceback (or, when the exception
// has none, the current frame's line) and "Type: message", without chained
// exceptions. Steals exc; leaves the current error untouched.
void err_write_unraisable(const char *msg, Object *obj, Object *exc) {
    ThreadState *ts = tstate_get();
    Object *saved = err_fetch();
    BaseExceptionObject *e = (BaseExceptionObject *)exc;
    Frame *cur = ts->frame;
    if (!e->traceback && cur && cur->code)
        traceback_here_ex(exc, cur->code, frame_lasti(cur), cur->globals, cur->builtins);
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, msg ? msg : "Exception ignored in");
    if (obj) {
        Object *rep = obj_repr(obj);
        sb_puts(&sb, ": ");
        if (rep) {
            sb_putn(&sb, STR_DATA(rep), STR_NBYTES(rep));
            DECREF(rep);
        } else {
            err_clear();
            sb_puts(&sb, "<object repr() failed>");
        }
    }
    sb_putc(&sb, '\n');
    if (e->traceback) {
        sb_puts(&sb, "Traceback (most recent call last):\n");
        traceback_format(&sb, e->traceback);
    }
    TypeObject *t = TYPE(exc);
    Object *mod = obj_getattr((Object *)t, S___module__);
    if (mod && STR_CHECK(mod) && strcmp(STR_DATA(mod), "builtins") != 0 && strcmp(STR_DATA(mod), "__main__") != 0) {
        sb_putn(&sb, STR_DATA(mod), STR_NBYTES(mod));
        sb_putc(&sb, '.');
    }
    XDECREF(mod);
    err_clear();
    Object *qn = obj_getattr((Object *)t, S___qualname__);
    if (qn && STR_CHECK(qn)) sb_putn(&sb, STR_DATA(qn), STR_NBYTES(qn));
    else sb_puts(&sb, type_name(t));
    XDECREF(qn);
    err_clear();
    Object *text_msg = obj_str(exc);
    sb_puts(&sb, ": ");  // even for an empty message, as the hook does
    if (text_msg) sb_putn(&sb, STR_DATA(text_msg), STR_NBYTES(text_msg));
    else sb_puts(&sb, "<exception str() failed>");
    XDECREF(text_msg);
    err_clear();
    sb_putc(&sb, '\n');
    Object *text = sb_finish(&sb);
    flush_stream(S_stdout);
    if (text) write_err(text);
    flush_stream(S_stderr);
    err_clear();
    XDECREF(text);
    DECREF(exc);
    err_restore(saved);
}

// _Py_HandleSystemExit: the exit status for an uncaught SystemExit; prints a
// code that is neither None nor an int.
static int system_exit_status(Object *exc) {
    flush_stream(S_stdout);
    Object *code = obj_getattr(exc, S_code);
    if (!code) {
        err_clear();
        code = NEWREF(exc);
    }
    int status = 0;
    if (code == None) {
        status = 0;
    } else if (INT_CHECK(code)) {
        long v;
        if (int_as_long_fast(code, &v) == 0) {
            status = (int)v;
        } else {
            v = int_as_long(code);
            if (v == -1 && err_occurred()) err_clear();
            status = (int)v;
        }
    } else {
        Object *s = obj_str(code);
        if (s) {
            write_err(s);
            DECREF(s);
        } else {
            err_clear();
        }
        write_err_cstr("\n");
        status = 1;
    }
    DECREF(code);
    return status;
}

int exc_handle_uncaught(Object *exc) {
    if (type_is_subtype(TYPE(exc), Exc_SystemExit)) return system_exit_status(exc);
    Object *hook = the_interp.sysdict ? dict_getitem(the_interp.sysdict, S_excepthook) : NULL;
    Object *orig = the_interp.sysdict ? dict_getitem(the_interp.sysdict, S___excepthook__) : NULL;
    if (!hook) {
        write_err_cstr("sys.excepthook is missing\n");
        exc_print(exc);
    } else if (hook == orig) {
        exc_print(exc);
    } else {
        Object *tb = exc_get_traceback(exc);
        Object *args[3] = {(Object *)TYPE(exc), exc, tb ? tb : None};
        INCREF(hook);
        Object *r = obj_call(hook, args, 3, NULL);
        DECREF(hook);
        if (r) {
            DECREF(r);
        } else {
            Object *e2 = err_fetch();
            if (e2 && type_is_subtype(TYPE(e2), Exc_SystemExit)) {
                int st = system_exit_status(e2);
                DECREF(e2);
                return st;
            }
            flush_stream(S_stdout);
            write_err_cstr("Error in sys.excepthook:\n");
            if (e2) exc_print(e2);
            write_err_cstr("\nOriginal exception was:\n");
            XDECREF(e2);
            exc_print(exc);
        }
    }
    if (type_is_subtype(TYPE(exc), Exc_KeyboardInterrupt)) return 130;
    return 1;
}
