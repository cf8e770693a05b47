// The sys module (CPython's Python/sysmodule.c).
#include "../vm/runtime.h"
#include "../vm/eval.h"
#include "../vm/objects/fileobject.h"
#include "../vm/objects/frameobject.h"
#include "modules.h"
#include "../vm/gil.h"

#include <stdlib.h>
#include <string.h>

#define SYSFN(name) static Object *sys_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

SYSFN(exit) {
    if (args_count("exit", nargs, 0, 1) < 0) return NULL;
    err_set_value(Exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

SYSFN(getrecursionlimit) { return int_from_long(the_interp.recursion_limit); }

SYSFN(setrecursionlimit) {
    if (args_count("setrecursionlimit", nargs, 1, 1) < 0) return NULL;
    if (!INT_CHECK(args[0])) return vm_raise(Exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(args[0])));
    long n = int_as_long(args[0]);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 1) return vm_raise(Exc_ValueError, "recursion limit must be greater or equal than 1");
    ThreadState *ts = tstate_get();
    if (n <= ts->py_depth)
        return vm_raise(Exc_RecursionError, "cannot set the recursion limit to %ld at the recursion depth %d: the limit is too low",
                        n, ts->py_depth);
    if (n > 0x7fffffff) n = 0x7fffffff;
    the_interp.recursion_limit = (int)n;
    RETURN_NONE;
}

SYSFN(getrefcount) {
    if (args_count("getrefcount", nargs, 1, 1) < 0) return NULL;
    ssize_t r = REFCNT(args[0]);
    if (r >= IMMORTAL_REFCNT / 2) r = (ssize_t)0xFFFFFFFF;  // as CPython 3.12 reports immortals
    return int_from_ssize(r);
}

SYSFN(getsizeof) {
    if (args_count("getsizeof", nargs, 1, 2) < 0) return NULL;
    Object *r = obj_call_method(args[0], "__sizeof__", NULL, 0);
    if (!r) {
        if (nargs == 2) {
            err_clear();
            return NEWREF(args[1]);
        }
        return NULL;
    }
    return r;
}

SYSFN(intern) {
    if (args_count("intern", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK_EXACT(args[0])) return vm_raise(Exc_TypeError, "intern() argument must be str, not %s", type_name(TYPE(args[0])));
    return str_intern(NEWREF(args[0]));
}

SYSFN(exc_info) {
    ThreadState *ts = tstate_get();
    for (ExcInfo *ei = ts->exc_info; ei; ei = ei->previous) {
        Object *e = ei->exc_value;
        if (e && e != None) {
            Object *tb = exc_get_traceback(e);
            return tuple_pack(3, (Object *)TYPE(e), e, tb ? tb : None);
        }
    }
    return tuple_pack(3, None, None, None);
}

SYSFN(exception) {
    ThreadState *ts = tstate_get();
    for (ExcInfo *ei = ts->exc_info; ei; ei = ei->previous)
        if (ei->exc_value && ei->exc_value != None) return NEWREF(ei->exc_value);
    RETURN_NONE;
}

SYSFN(get_int_max_str_digits) { return int_from_long(int_max_str_digits); }

SYSFN(set_int_max_str_digits) {
    static const char *const names[] = {"maxdigits"};
    Object *a[1] = {NULL};
    if (args_parse("set_int_max_str_digits", args, nargs, kwnames, names, 1, 1, a) < 0) return NULL;
    long n = int_as_long(a[0]);
    if (n == -1 && err_occurred()) return NULL;
    if (n != 0 && n < 640) return vm_raise(Exc_ValueError, "maxdigits must be 0 or larger than 640");
    int_max_str_digits = (int)n;
    RETURN_NONE;
}

// ---- sys.version_info: a tuple subclass with named fields (CPython's structseq) ----------

static const char *const version_names[5] = {"major", "minor", "micro", "releaselevel", "serial"};

static Object *version_info_repr(Object *o) {
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "sys.version_info(");
    for (int i = 0; i < 5; i++) {
        if (i) sb_puts(&sb, ", ");
        sb_puts(&sb, version_names[i]);
        sb_putc(&sb, '=');
        if (sb_put_obj_repr(&sb, TUPLE_ITEMS(o)[i]) < 0) {
            sb_free(&sb);
            return NULL;
        }
    }
    sb_putc(&sb, ')');
    return sb_finish(&sb);
}

static Object *version_info_get(Object *o, void *closure) { return NEWREF(TUPLE_ITEMS(o)[(intptr_t)closure]); }

static Object *version_info_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    return vm_raise(Exc_TypeError, "cannot create 'sys.version_info' instances");
}

static const GetSetDef version_info_getset[] = {
    {"major", version_info_get, NULL, (void *)0},        {"minor", version_info_get, NULL, (void *)1},
    {"micro", version_info_get, NULL, (void *)2},        {"releaselevel", version_info_get, NULL, (void *)3},
    {"serial", version_info_get, NULL, (void *)4},       {NULL, NULL, NULL, NULL}};

static TypeObject VersionInfoType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "sys.version_info",
    .basicsize = sizeof(TupleObject),
    .itemsize = sizeof(Object *),
    .flags = TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_HAVE_GC,
    .doc = "sys.version_info\n\nVersion information as a named tuple.",
    .base = &TupleType,
    .repr = version_info_repr,
    .tp_new = version_info_new,
    .getset = version_info_getset,
};

static Object *make_version_info(void) {
    type_ready(&VersionInfoType);
    TupleObject *t = (TupleObject *)obj_alloc(&VersionInfoType, sizeof(TupleObject) + 5 * sizeof(Object *));
    if (!t) return NULL;
    t->size = 5;
    t->items[0] = int_from_long(3);
    t->items[1] = int_from_long(11);
    t->items[2] = int_from_long(7);
    t->items[3] = str_from_cstr("final");
    t->items[4] = int_from_long(0);
    for (int i = 0; i < 5; i++)
        if (!t->items[i]) {
            DECREF(t);
            return NULL;
        }
    return (Object *)t;
}

// Per thread, as CPython's: how many frames a new coroutine records as its
// cr_origin (vm/gen.c).
SYSFN(get_coroutine_origin_tracking_depth) { return int_from_long(tstate_get()->coro_origin_depth); }

SYSFN(set_coroutine_origin_tracking_depth) {
    static const char *const names[] = {"depth"};
    Object *a[1] = {NULL};
    if (args_parse("set_coroutine_origin_tracking_depth", args, nargs, kwnames, names, 1, 1, a) < 0) return NULL;
    long n = int_as_long(a[0]);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 0) return vm_raise(Exc_ValueError, "depth must be >= 0");
    if (n > INT_MAX) return vm_raise(Exc_OverflowError, "Python int too large to convert to C int");
    tstate_get()->coro_origin_depth = (int)n;
    RETURN_NONE;
}

SYSFN(displayhook) {
    if (args_count("displayhook", nargs, 1, 1) < 0) return NULL;
    Object *v = args[0];
    if (v == None) RETURN_NONE;
    Object *builtins = the_interp.builtins;
    if (dict_setitem(builtins, S__, None) < 0) return NULL;
    Object *out = dict_getitem(the_interp.sysdict, S_stdout);
    if (!out || out == None) return vm_raise(Exc_RuntimeError, "lost sys.stdout");
    Object *r = obj_repr(v);
    if (!r) return NULL;
    Object *line = str_concat(r, str_intern_cstr("\n"));
    DECREF(r);
    if (!line) return NULL;
    Object *w = obj_call_method_obj(out, S_write, &line, 1);
    DECREF(line);
    if (!w) return NULL;
    DECREF(w);
    if (dict_setitem(builtins, S__, v) < 0) return NULL;
    RETURN_NONE;
}

SYSFN(excepthook) {
    if (args_count("excepthook", nargs, 3, 3) < 0) return NULL;
    Object *v = args[1];
    if (!EXC_CHECK(v)) {
        if (TYPE_CHECK(args[0]) && EXC_TYPE_CHECK(args[0])) {
            Object *e = exc_new((TypeObject *)args[0], v == None ? NULL : &args[1], v == None ? 0 : 1);
            if (!e) return NULL;
            exc_print(e);
            DECREF(e);
            RETURN_NONE;
        }
        return vm_raise(Exc_TypeError, "excepthook: exception expected");
    }
    if (args[2] != None && TYPE(args[2]) == &TracebackType && !exc_get_traceback(v)) exc_set_traceback(v, args[2]);
    exc_print(v);
    RETURN_NONE;
}

SYSFN(_getframe_lineno) {
    Frame *f = tstate_get()->frame;
    return int_from_long(f ? frame_current_line(f) : 0);
}

SYSFN(_getframe) {
    if (args_count("_getframe", nargs, 0, 1) < 0) return NULL;
    long depth = nargs ? int_as_long(args[0]) : 0;
    if (depth == -1 && err_occurred()) return NULL;
    Frame *f = tstate_get()->frame;
    // The caller of _getframe is the innermost frame.
    for (; f && depth > 0; depth--) f = f->previous;
    if (!f) return vm_raise(Exc_ValueError, "call stack is not deep enough");
    return frame_get_object(f);
}

SYSFN(getswitchinterval) { return float_from_double((double)gil_get_interval() / 1e6); }

SYSFN(setswitchinterval) {
    if (args_count("setswitchinterval", nargs, 1, 1) < 0) return NULL;
    double d = float_as_double(args[0]);
    if (d == -1.0 && err_occurred()) return NULL;
    if (d <= 0.0) return vm_raise(Exc_ValueError, "switch interval must be strictly positive");
    gil_set_interval((long)(d * 1e6));
    RETURN_NONE;
}

SYSFN(_is_gil_enabled) { return NEWREF(bool_from(gil_enabled())); }

SYSFN(_set_gil_enabled) {
    if (args_count("_set_gil_enabled", nargs, 1, 1) < 0) return NULL;
    int on = obj_istrue(args[0]);
    if (on < 0) return NULL;
    if (atomic_load(&the_interp.nthreads) > 0)
        return vm_raise(Exc_RuntimeError, "the GIL can only be switched while a single thread is running");
#ifndef MINIPY_FT
    // This process runs the build of the VM made for the GIL (plain
    // reference counts); only the free-threading build can drop it.
    if (!on)
        return vm_raise(Exc_RuntimeError,
                        "the GIL cannot be switched off in this process: start minipy with -X gil=0 "
                        "(or MINIPY_GIL=0), or use the interactive REPL");
#endif
    gil_set_enabled(on);
    the_interp.gil_enabled = on;
    RETURN_NONE;
}

// sys.set_asyncgen_hooks(firstiter, finalizer): per-thread hooks that
// async generators call on their first iteration and when freed unfinished
// (vm/gen.c). An argument left out keeps its hook; None removes it.
SYSFN(set_asyncgen_hooks) {
    static const char *const names[] = {"firstiter", "finalizer"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("set_asyncgen_hooks", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    ThreadState *ts = tstate_get();
    // As CPython, the finalizer is set before firstiter is checked.
    if (a[1] && a[1] != None && !obj_callable(a[1]))
        return vm_raise(Exc_TypeError, "callable finalizer expected, got %s", type_name(TYPE(a[1])));
    if (a[1]) SETREF(ts->asyncgen_finalizer, a[1] == None ? NULL : NEWREF(a[1]));
    if (a[0] && a[0] != None && !obj_callable(a[0]))
        return vm_raise(Exc_TypeError, "callable firstiter expected, got %s", type_name(TYPE(a[0])));
    if (a[0]) SETREF(ts->asyncgen_firstiter, a[0] == None ? NULL : NEWREF(a[0]));
    RETURN_NONE;
}

// sys.get_asyncgen_hooks(): (firstiter, finalizer), a plain tuple where
// CPython has a named structseq.
SYSFN(get_asyncgen_hooks) {
    if (args_count("get_asyncgen_hooks", nargs, 0, 0) < 0) return NULL;
    ThreadState *ts = tstate_get();
    return tuple_pack(2, ts->asyncgen_firstiter ? ts->asyncgen_firstiter : None,
                      ts->asyncgen_finalizer ? ts->asyncgen_finalizer : None);
}

SYSFN(getdefaultencoding) { return str_from_cstr("utf-8"); }
SYSFN(getfilesystemencoding) { return str_from_cstr("utf-8"); }

static const MethodDef sys_methods[] = {
    {"exit", sys_exit, 0, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, 0, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, 0, NULL},
    {"getrefcount", sys_getrefcount, 0, NULL},
    {"getsizeof", sys_getsizeof, 0, NULL},
    {"intern", sys_intern, 0, NULL},
    {"exc_info", sys_exc_info, 0, NULL},
    {"exception", sys_exception, 0, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, NULL},
    {"displayhook", sys_displayhook, 0, NULL},
    {"excepthook", sys_excepthook, 0, NULL},
    {"_getframe_lineno", sys__getframe_lineno, 0, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, 0, NULL},
    {"_getframe", sys__getframe, 0, NULL},
    {"getswitchinterval", sys_getswitchinterval, 0, NULL},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth, 0, NULL},
    {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth, 0, NULL},
    {"setswitchinterval", sys_setswitchinterval, 0, NULL},
    {"_is_gil_enabled", sys__is_gil_enabled, 0, NULL},
    {"_set_gil_enabled", sys__set_gil_enabled, 0, NULL},
    {"getfilesystemencoding", sys_getfilesystemencoding, 0, NULL},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks, 0, NULL},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, 0, NULL},
    {NULL, NULL, 0, NULL}};

#define MINIPY_VERSION "0.1.0"

Object *module_init_sys(void) {
    Object *m = module_new_cstr("sys");
    if (!m) return NULL;
    if (module_add_functions(m, sys_methods) < 0) goto fail;
    Object *d = module_dict(m);
    dict_setitem(d, S_modules, the_interp.modules);
    // Keep the originals reachable, as CPython's sys.__displayhook__ etc.
    dict_setitem_str(d, "__displayhook__", dict_getitem(d, S_displayhook));
    dict_setitem_str(d, "__excepthook__", dict_getitem(d, S_excepthook));
    Object *o;
#define ADD(name, expr)                                  \
    do {                                                 \
        o = (expr);                                      \
        if (!o || module_add_object(m, name, o) < 0) {   \
            XDECREF(o);                                  \
            goto fail;                                   \
        }                                                \
        DECREF(o);                                       \
    } while (0)
    ADD("version", str_from_cstr("3.11.7 (minipy " MINIPY_VERSION ")"));
    ADD("version_info", make_version_info());
    ADD("hexversion", int_from_long(0x030B07F0));
    ADD("platform", str_from_cstr("linux"));
    ADD("byteorder", str_from_cstr("little"));
    ADD("maxsize", int_from_long(SSIZE_MAX));
    ADD("maxunicode", int_from_long(0x10FFFF));
    ADD("executable", str_from_cstr(""));
    ADD("prefix", str_from_cstr(""));
    ADD("copyright", str_from_cstr("minipy: a small Python in C"));
    ADD("argv", list_new(0));
    ADD("path", list_new(0));
    ADD("builtin_module_names", tuple_from_array(NULL, 0));
    ADD("stdin", file_from_fd(0, str_intern_cstr("<stdin>"), "r", false));
    ADD("stdout", file_from_fd(1, str_intern_cstr("<stdout>"), "w", false));
    ADD("stderr", file_from_fd(2, str_intern_cstr("<stderr>"), "w", false));
    {
        // stderr is line buffered, as in CPython.
        Object *err = dict_getitem(d, S_stderr);
        ((FileObject *)err)->line_buffering = true;
        dict_setitem_str(d, "__stdin__", dict_getitem(d, S_stdin));
        dict_setitem_str(d, "__stdout__", dict_getitem(d, S_stdout));
        dict_setitem_str(d, "__stderr__", dict_getitem(d, S_stderr));
    }
    ADD("_xoptions", NEWREF(the_interp.xoptions));
    ADD("dont_write_bytecode", NEWREF(True));
    ADD("implementation_name", str_from_cstr("minipy"));
#undef ADD
    return m;
fail:
    DECREF(m);
    return NULL;
}
