// Start-up and shut-down (CPython's Python/pylifecycle.c).
#include "runtime.h"
#include "lifecycle.h"
#include "traceback.h"
#include "objects/gen.h"
#include "objects/fileobject.h"
#include "objects/frameobject.h"
#include "gil.h"
#include "gc.h"
#include "eval.h"
#include "thread.h"
#include "../stdlib/modules.h"

#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#define STRCONST_DEF(n) Object *S_##n;
STRCONST_LIST(STRCONST_DEF)
#undef STRCONST_DEF

void int_init(void);
void tuple_init(void);
extern TypeObject StrIterType, ListIterType, ListRevIterType, TupleIterType, DictIterType, SetIterType;
extern TypeObject BytesIterType;
extern TypeObject EnumerateType, ZipType, MapType, FilterType, ReversedType;

char *(*vm_readline_hook)(const char *prompt, int *status);

static TypeObject *const static_types[] = {
    &TypeType, &BaseObjectType, &NoneType, &NotImplementedType, &EllipsisType, &IntType, &BoolType,
    &FloatType, &StrType, &StrIterType, &BytesType, &ListType, &ListIterType, &ListRevIterType, &TupleType,
    &TupleIterType, &DictType, &DictIterType, &DictKeysType, &DictValuesType, &DictItemsType, &SetType,
    &FrozenSetType, &SetIterType, &RangeType, &RangeIterType, &LongRangeIterType, &SliceType, &SeqIterType,
    &CallIterType, &FunctionType, &MethodType, &BuiltinFunctionType, &MethodDescrType, &ClassMethodDescrType,
    &GetSetDescrType, &WrapperDescrType, &StaticMethodType, &ClassMethodType, &PropertyType, &SuperType,
    &CodeType, &ModuleType, &CellType, &TracebackType, &GenType, &CoroType, &AsyncGenType, &CoroWrapperType,
    &AsyncGenASendType, &AsyncGenAThrowType, &AsyncGenWrappedValueType, &FileType, &EnumerateType,
    &ZipType, &MapType, &FilterType, &ReversedType, &BytesIterType, &FrameType,
};

void signal_wakeup_write(int sig);  // stdlib/signalmodule.c: set_wakeup_fd()

static void sigint_handler(int sig) {
    signal_wakeup_write(sig);
    the_interp.pending_sigint = 1;
    atomic_fetch_or(&the_interp.eval_breaker, BREAK_SIGNALS);
}

int vm_init(void) {
    // Unicode case mapping (towupper etc.) needs a UTF-8 LC_CTYPE; numbers
    // stay in the "C" LC_NUMERIC (util/fmtnum.c relies on it).
    setlocale(LC_CTYPE, "C.UTF-8");
    mem_init_limit();
    // Keep freed memory instead of returning it to the OS at once: object
    // churn otherwise spends its time in page faults (glibc's defaults trim
    // at 128 KiB).
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TOP_PAD, 4 * 1024 * 1024);
    ThreadState *ts = tstate_new(&the_interp);
    if (!ts) return -1;
    tstate_bind(ts);
    the_interp.main_thread = ts;
    ts->native_id = thread_native_id();
    thread_set_name(ts, "MainThread");
    gil_init(ts, the_interp.gil_enabled != 0);
    // Testing aid: MINIPY_GC_THRESHOLD=1 collects at nearly every eval
    // breaker check, which shakes out traverse functions that lie.
    const char *gct = getenv("MINIPY_GC_THRESHOLD");
    if (gct && *gct) gc_state.gens[0].threshold = atol(gct);
    the_interp.recursion_limit = 1000;
    // Testing aid: MINIPY_INSTR_BUDGET=N stops the program after N eval
    // breaker checks (eval_set_budget), as the fuzz_run harness does.
    const char *budget = getenv("MINIPY_INSTR_BUDGET");
    if (budget && *budget) eval_set_budget(atol(budget));
    int_init();
    str_init();
    tuple_init();
#define STRCONST_INIT(n) S_##n = str_intern_cstr(#n);
    STRCONST_LIST(STRCONST_INIT)
#undef STRCONST_INIT
    for (size_t i = 0; i < sizeof static_types / sizeof static_types[0]; i++) type_ready(static_types[i]);
    exc_init_types();
    the_interp.modules = dict_new();
    if (!the_interp.xoptions) the_interp.xoptions = dict_new();
    Object *b = module_init_builtins();
    if (!b) return -1;
    the_interp.builtins_module = b;
    the_interp.builtins = module_dict(b);
    dict_setitem_str(the_interp.modules, "builtins", b);
    Object *sys = module_init_sys();
    if (!sys) return -1;
    the_interp.sys_module = sys;
    the_interp.sysdict = module_dict(sys);
    dict_setitem_str(the_interp.modules, "sys", sys);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sigint_handler;
    sigemptyset(&sa.sa_mask);
    // As CPython: only take over SIGINT if it is at its default (a
    // background job started with SIGINT ignored keeps ignoring it).
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_DFL) sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    return 0;
}

Object *vm_main_module(void) {
    if (the_interp.main_module) return the_interp.main_module;
    Object *m = module_new(S___main__);
    if (!m) return NULL;
    dict_setitem(module_dict(m), S___builtins__, the_interp.builtins_module);
    dict_setitem(the_interp.modules, S___main__, m);
    the_interp.main_module = m;
    return m;
}

int vm_flush_std(void) {
    int status = 0;
    if (!the_interp.sysdict) return 0;
    Object *names[2] = {S_stdout, S_stderr};
    for (int i = 0; i < 2; i++) {
        Object *f = dict_getitem(the_interp.sysdict, names[i]);
        if (!f || f == None) continue;
        Object *r = obj_call_method_obj(f, S_flush, NULL, 0);
        if (r) {
            DECREF(r);
        } else {
            if (i == 0) status = -1;
            err_clear();
        }
    }
    return status;
}

// At exit, after the other threads are joined (CPython's finalize_modules).
// CPython drops the modules from sys.modules and lets the cycle collector
// finalize what only they held: __del__ methods run and suspended
// generators are closed, in creation order (the collector's list order),
// while every namespace is still intact (PEP 442 finalizes all unreachable
// objects before clearing any); then the namespaces of the modules still
// alive are cleared, in reverse import order, and collected again.
//
// Here each module's namespace is detached from its module (the module
// gets an empty dict, so code that still reaches the module finds no
// names) and released: __main__'s first, then the others (except sys and
// builtins, which printing and flushing still need) in reverse import
// order, with a full collection after each step. A namespace that nothing
// else holds (no function defined in it) dies at once, its values released
// in order; one in a cycle with its functions is found by the collector.
// The memory of the program's objects is thus freed at exit, which keeps
// LeakSanitizer quiet about cycles.
static void detach_namespace(Object *m) {
    ModuleObject *mod = (ModuleObject *)m;
    Object *fresh = dict_new();
    if (!fresh) {
        err_clear();
        return;
    }
    Object *old = mod->dict;
    mod->dict = fresh;
    // With free threading the namespace was made immortal: releasing it
    // frees nothing, so the collector is told it is garbage (vm/gc.c).
    if (old && ft_mode && REFCNT(old) >= IMMORTAL_MIN) gc_pin_garbage(old);
    XDECREF(old);
}

// Without a collector (free-threading with threads still alive), the
// objects that only __main__'s namespace holds are finalized in the
// namespace's order, which is the same order for names bound once; the
// namespaces are left alone.
static void finalize_value(Object *v) {
    if (REFCNT(v) != 1) return;
    if (gen_check_any(v)) {
        // Closes it, or warns about a coroutine never awaited (once).
        INCREF(v);
        gen_finalize(v);
        DECREF(v);
    } else if (TYPE(v)->flags & TPFLAGS_HEAPTYPE) {
        obj_call_finalizer(v);
    }
}

void vm_finalize_modules(void) {
    Object *main_mod = the_interp.main_module;
    Object *saved = err_fetch();
    if (!gc_can_collect_at_exit()) {
        if (main_mod) {
            Object *d = module_dict(main_mod);
            ssize_t pos = 0;
            Object *k, *v;
            while (dict_next(d, &pos, &k, &v)) finalize_value(v);
        }
        err_clear();
        err_restore(saved);
        return;
    }
    // An uncaught exception's traceback holds its frames' namespaces.
    static const char *const last[] = {"last_type", "last_value", "last_traceback"};
    for (int i = 0; i < 3; i++)
        if (dict_getitem_str(the_interp.sysdict, last[i])) dict_setitem_str(the_interp.sysdict, last[i], None);
    if (main_mod) {
        detach_namespace(main_mod);
        gc_collect_at_exit();
    }
    // The other modules, newest first.
    Object *mods = dict_values_list(the_interp.modules);
    if (mods) {
        for (ssize_t i = LIST_SIZE(mods) - 1; i >= 0; i--) {
            Object *m = LIST_ITEMS(mods)[i];
            if (TYPE(m) != &ModuleType && !type_is_subtype(TYPE(m), &ModuleType)) continue;
            if (m == main_mod || m == the_interp.sys_module || m == the_interp.builtins_module) continue;
            detach_namespace(m);
        }
        DECREF(mods);
        gc_collect_at_exit();
    }
    err_clear();
    err_restore(saved);
}

void vm_fini(void) {
    threads_shutdown();
    vm_finalize_modules();
    vm_flush_std();
    gil_report();
}
