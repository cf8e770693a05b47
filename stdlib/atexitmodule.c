// The atexit module (CPython's Modules/atexitmodule.c): functions to call at
// interpreter exit, last registered first, after the non-daemon threads are
// joined (threading._shutdown) and before the modules are torn down. An
// exception in one is reported and the others still run. os._exit() and
// death by a signal skip them, as in CPython.
#include "../vm/runtime.h"
#include "modules.h"

// (func, args, kwargs-or-NULL) tuples, in registration order.
static Object *callbacks;

#define FN(name) static Object *atexit_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

FN(register) {
    if (nargs < 1) return vm_raise(Exc_TypeError, "register() takes at least 1 argument (0 given)");
    Object *func = args[0];
    if (!obj_callable(func)) return vm_raise(Exc_TypeError, "the first argument must be callable");
    if (!callbacks && !(callbacks = list_new(0))) return NULL;
    Object *pos = tuple_from_array(args + 1, nargs - 1);
    if (!pos) return NULL;
    Object *kw = NULL;
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    if (nkw) {
        kw = dict_new();
        if (!kw) {
            DECREF(pos);
            return NULL;
        }
        for (ssize_t i = 0; i < nkw; i++) {
            if (dict_setitem(kw, TUPLE_ITEMS(kwnames)[i], args[nargs + i]) < 0) {
                DECREF(pos);
                DECREF(kw);
                return NULL;
            }
        }
    }
    Object *entry = tuple_pack(3, func, pos, kw ? kw : None);
    DECREF(pos);
    XDECREF(kw);
    if (!entry) return NULL;
    int r = list_append(callbacks, entry);
    DECREF(entry);
    if (r < 0) return NULL;
    return NEWREF(func);
}

FN(unregister) {
    if (args_no_kw("unregister", kwnames) < 0 || args_count("unregister", nargs, 1, 1) < 0) return NULL;
    if (!callbacks) RETURN_NONE;
    Object *keep = list_new(0);
    if (!keep) return NULL;
    // Compared with ==, as CPython; an __eq__ may raise.
    for (ssize_t i = 0; i < LIST_SIZE(callbacks); i++) {
        Object *entry = LIST_ITEMS(callbacks)[i];
        int eq = obj_eq(TUPLE_ITEMS(entry)[0], args[0]);
        if (eq < 0) {
            DECREF(keep);
            return NULL;
        }
        if (!eq && list_append(keep, entry) < 0) {
            DECREF(keep);
            return NULL;
        }
    }
    Object *old = callbacks;
    callbacks = keep;
    DECREF(old);
    RETURN_NONE;
}

// Runs and forgets the callbacks, newest first.
void atexit_run_exitfuncs(void) {
    while (callbacks && LIST_SIZE(callbacks) > 0) {
        // Take the last entry off the list (it may grow while callbacks run).
        ListObject *l = (ListObject *)callbacks;
        Object *entry = l->items[--l->size];
        Object *func = TUPLE_ITEMS(entry)[0], *kw = TUPLE_ITEMS(entry)[2];
        Object *r = obj_call_tuple_dict(func, TUPLE_ITEMS(entry)[1], kw == None ? NULL : kw);
        if (r) {
            DECREF(r);
        } else if (err_matches(Exc_SystemExit)) {
            err_clear();
        } else {
            err_write_unraisable("Exception ignored in atexit callback", func, err_fetch());
        }
        DECREF(entry);
    }
}

FN(_run_exitfuncs) {
    atexit_run_exitfuncs();
    RETURN_NONE;
}

FN(_clear) {
    if (callbacks) {
        Object *old = callbacks;
        callbacks = NULL;
        DECREF(old);
    }
    RETURN_NONE;
}

FN(_ncallbacks) { return int_from_ssize(callbacks ? LIST_SIZE(callbacks) : 0); }

static const MethodDef atexit_functions[] = {
    {"register", atexit_register, 0, "Register a function to be executed upon normal program termination."},
    {"unregister", atexit_unregister, 0, "Unregister an exit function which was previously registered."},
    {"_run_exitfuncs", atexit__run_exitfuncs, 0, "Run all registered exit functions."},
    {"_clear", atexit__clear, 0, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", atexit__ncallbacks, 0, "Return the number of registered exit functions."},
    {NULL, NULL, 0, NULL}};

Object *module_init_atexit(void) {
    Object *m = module_new_cstr("atexit");
    if (!m) return NULL;
    if (module_add_functions(m, atexit_functions) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
