// libFuzzer target: source bytes -> compile and run, with an instruction
// budget (eval_set_budget: a fixed number of eval breaker checks, that is
// function entries and loop iterations) so that every input ends.
//
// The fuzzed program runs in a fresh namespace whose __builtins__ is a copy
// of a restricted builtins dict: no open(), input(), and __import__ only
// allows a few modules without I/O, threads or sleeping (FUZZ_MODULES). They
// are imported once at start-up. After each input the VM is put back as it
// was: the namespace is cleared, the collector run (LeakSanitizer then sees
// no cycles left behind), the gc and sys settings restored. Besides crashes
// and sanitizer reports, the harness aborts on broken VM invariants: an
// error return without an exception, a result with an exception set, or a
// thread state (frames, handled exceptions, data stack) not back where it
// started.
#include "fuzz_common.h"

// Checks of the eval breaker allowed per input.
#define FUZZ_BUDGET 20000

static const char *const FUZZ_MODULES[] = {
    "math", "heapq", "collections", "collections.abc", "_collections", "abc", "gc", "errno", "stat", "dis",
    NULL,
};

static Object *pristine_builtins;   // the restricted builtins, copied for each input
static Object *real_import;         // builtins.__import__
static Object *sys_snapshot;        // a copy of sys.__dict__
static GCState gc_saved;

// __import__ for fuzzed programs: absolute imports of FUZZ_MODULES only. It
// is a Python function because the VM only hands imports to a replaced
// builtins.__import__ that is not a builtin function (vm/import.c).
static const char FUZZ_IMPORT_SRC[] =
    "def _make(real, allowed):\n"
    "    def __import__(name, globals=None, locals=None, fromlist=(), level=0):\n"
    "        if level or name not in allowed:\n"
    "            raise ImportError('import of %s is not allowed in the fuzzer' % (name,))\n"
    "        return real(name, globals, locals, fromlist, level)\n"
    "    return __import__\n";

static Object *make_fuzz_import(Object *real) {
    Object *g = dict_new();
    Object *fn = str_from_cstr("<fuzz_import>");
    Object *co = compile_source(FUZZ_IMPORT_SRC, sizeof FUZZ_IMPORT_SRC - 1, fn, PARSE_FILE);
    if (!g || !fn || !co) return NULL;
    dict_setitem(g, S___builtins__, the_interp.builtins_module);
    Object *r = eval_code((CodeObject *)co, g, g);
    if (!r) return NULL;
    DECREF(r);
    Object *allowed = set_new(NULL);
    for (int i = 0; allowed && FUZZ_MODULES[i]; i++) {
        Object *m = str_from_cstr(FUZZ_MODULES[i]);
        if (!m || set_add(allowed, m) < 0) return NULL;
        DECREF(m);
    }
    Object *args[2] = {real, allowed};
    Object *imp = obj_call(dict_getitem_str(g, "_make"), args, 2, NULL);
    DECREF(allowed);
    DECREF(co);
    DECREF(fn);
    DECREF(g);
    return imp;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fuzz_vm_init();
    for (int i = 0; FUZZ_MODULES[i]; i++) {
        Object *m = import_cstr(FUZZ_MODULES[i]);
        if (!m) {
            fprintf(stderr, "fuzz_run: cannot import %s\n", FUZZ_MODULES[i]);
            abort();
        }
        DECREF(m);
    }
    Object *b = the_interp.builtins;
    real_import = NEWREF(dict_getitem_str(b, "__import__"));
    static const char *const removed[] = {"open", "input", "breakpoint", "help", NULL};
    for (int i = 0; removed[i]; i++)
        if (dict_getitem_str(b, removed[i])) {
            Object *k = str_from_cstr(removed[i]);
            if (!k || dict_delitem(b, k) < 0) abort();
            DECREF(k);
        }
    Object *imp = make_fuzz_import(real_import);
    if (!imp || dict_setitem_str(b, "__import__", imp) < 0) abort();
    DECREF(imp);
    // Unraisable exceptions (__del__ errors, ...) go to sys.stderr: send them
    // to /dev/null with the rest of the output; fd 2 keeps the reports.
    Object *out = dict_getitem_str(the_interp.sysdict, "stdout");
    if (!out || dict_setitem_str(the_interp.sysdict, "stderr", out) < 0) abort();
    pristine_builtins = dict_copy(b);
    sys_snapshot = dict_copy(the_interp.sysdict);
    if (!pristine_builtins || !sys_snapshot) abort();
    gc_saved = gc_state;
    gc_collect(2);
    return 0;
}

// Puts the VM back as it was before the input.
static void restore_vm(void) {
    Object *saved = err_fetch();
    if (saved) DECREF(saved);
    the_interp.recursion_limit = 1000;
    dict_clear(the_interp.sysdict);
    if (dict_update(the_interp.sysdict, sys_snapshot) < 0) abort();
    dict_clear(the_interp.builtins);
    if (dict_update(the_interp.builtins, pristine_builtins) < 0) abort();
    gc_unfreeze();
    gc_state.enabled = true;
    gc_state.debug = 0;
    for (int g = 0; g < GC_NGENS; g++) gc_state.gens[g].threshold = gc_saved.gens[g].threshold;
    Object *lists[2] = {gc_state.callbacks, gc_state.garbage};
    for (int i = 0; i < 2; i++) {
        if (!lists[i]) continue;
        Object *r = obj_call_method(lists[i], "clear", NULL, 0);
        if (r) DECREF(r);
    }
    gc_collect(2);
    err_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    ParseMode mode = fuzz_mode(&data, &size);
    ThreadState *ts = tstate_get();
    ExcInfo *exc_info = ts->exc_info;
    Frame *frame = ts->frame;
    int depth = ts->py_depth;
    Object **top = ts->datastack_top;

    Object *fn = str_from_cstr("<fuzz>");
    Object *co = compile_source((const char *)data, size, fn, mode);
    DECREF(fn);
    if (!co) {
        if (!err_occurred()) {
            fprintf(stderr, "fuzz_run: compile returned NULL without an exception\n");
            abort();
        }
        err_clear();
        return 0;
    }
    Object *g = dict_new();
    Object *bcopy = dict_copy(pristine_builtins);
    Object *name = str_from_cstr("__main__");
    if (!g || !bcopy || !name) abort();
    dict_setitem(g, S___builtins__, bcopy);
    dict_setitem(g, S___name__, name);
    DECREF(bcopy);
    DECREF(name);

    eval_set_budget(FUZZ_BUDGET);
    Object *r = eval_code((CodeObject *)co, g, g);
    if (r) {
        if (err_occurred()) {
            fprintf(stderr, "fuzz_run: result returned with an exception set\n");
            abort();
        }
        DECREF(r);
    } else if (!err_occurred()) {
        fprintf(stderr, "fuzz_run: NULL returned without an exception\n");
        abort();
    } else {
        // Formatting the exception runs __str__ methods of the program too.
        Object *exc = err_fetch();
        Object *s = obj_str(exc);
        if (s) DECREF(s);
        err_clear();
        DECREF(exc);
    }
    DECREF(co);
    // Finalizers (__del__) still run with what is left of the budget.
    dict_clear(g);
    DECREF(g);
    eval_set_budget(-1);
    restore_vm();
    if (ts->exc_info != exc_info || ts->frame != frame || ts->py_depth != depth || ts->datastack_top != top) {
        fprintf(stderr, "fuzz_run: thread state not restored (exc_info %p/%p frame %p/%p depth %d/%d)\n",
                (void *)ts->exc_info, (void *)exc_info, (void *)ts->frame, (void *)frame, ts->py_depth, depth);
        abort();
    }
    return 0;
}
