// The gc module (CPython's Modules/gcmodule.c, the Python-facing half): the
// collector itself is vm/gc.c.
#include "../vm/runtime.h"
#include "../vm/gc.h"
#include "modules.h"

#define FN(name) static Object *gc_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

FN(enable) {
    if (args_no_kw("enable", kwnames) < 0 || args_count("enable", nargs, 0, 0) < 0) return NULL;
    gc_state.enabled = true;
    RETURN_NONE;
}

FN(disable) {
    if (args_no_kw("disable", kwnames) < 0 || args_count("disable", nargs, 0, 0) < 0) return NULL;
    gc_state.enabled = false;
    RETURN_NONE;
}

FN(isenabled) {
    if (args_no_kw("isenabled", kwnames) < 0 || args_count("isenabled", nargs, 0, 0) < 0) return NULL;
    return NEWREF(bool_from(gc_state.enabled));
}

// Reads an optional generation argument; -1 for None (all). -2 on error.
static int parse_generation(Object *arg, int dflt) {
    if (!arg) return dflt;
    if (arg == None && dflt < 0) return -1;
    long g = num_as_ssize(arg, Exc_OverflowError);
    if (g == -1 && err_occurred()) return -2;
    if (g < 0 || g >= GC_NGENS) {
        vm_raise(Exc_ValueError, dflt < 0 ? "generation parameter must be less than the number of available generations (%i)"
                                          : "invalid generation",
                 GC_NGENS);
        return -2;
    }
    return (int)g;
}

FN(collect_fn) {
    static const char *const names[] = {"generation"};
    Object *a[1] = {NULL};
    if (args_parse("collect", args, nargs, kwnames, names, 1, 0, a) < 0) return NULL;
    int g = parse_generation(a[0], GC_NGENS - 1);
    if (g < 0) return NULL;
    return int_from_ssize(gc_collect(g));
}

FN(get_count) {
    if (args_no_kw("get_count", kwnames) < 0 || args_count("get_count", nargs, 0, 0) < 0) return NULL;
    Object *c[GC_NGENS];
    for (int i = 0; i < GC_NGENS; i++) c[i] = int_from_long(gc_generation_count(i));
    Object *t = tuple_pack(3, c[0], c[1], c[2]);
    for (int i = 0; i < GC_NGENS; i++) DECREF(c[i]);
    return t;
}

FN(get_threshold) {
    if (args_no_kw("get_threshold", kwnames) < 0 || args_count("get_threshold", nargs, 0, 0) < 0) return NULL;
    Object *c[GC_NGENS];
    for (int i = 0; i < GC_NGENS; i++) c[i] = int_from_long(gc_state.gens[i].threshold);
    Object *t = tuple_pack(3, c[0], c[1], c[2]);
    for (int i = 0; i < GC_NGENS; i++) DECREF(c[i]);
    return t;
}

FN(set_threshold) {
    if (args_no_kw("set_threshold", kwnames) < 0 || args_count("set_threshold", nargs, 1, GC_NGENS) < 0) return NULL;
    long v[GC_NGENS];
    for (ssize_t i = 0; i < nargs; i++) {
        if (FLOAT_CHECK(args[i])) return vm_raise(Exc_TypeError, "'float' object cannot be interpreted as an integer");
        v[i] = int_as_long(args[i]);
        if (v[i] == -1 && err_occurred()) return NULL;
    }
    for (ssize_t i = 0; i < nargs; i++) gc_state.gens[i].threshold = v[i];
    RETURN_NONE;
}

FN(get_objects_fn) {
    static const char *const names[] = {"generation"};
    Object *a[1] = {NULL};
    if (args_parse("get_objects", args, nargs, kwnames, names, 1, 0, a) < 0) return NULL;
    int g = parse_generation(a[0], -1);
    if (g < -1) return NULL;
    Object *result = list_new(0);
    if (!result) return NULL;
    if (gc_get_objects(g, result) < 0) {
        DECREF(result);
        return NULL;
    }
    return result;
}

FN(get_referrers_fn) {
    if (args_no_kw("get_referrers", kwnames) < 0) return NULL;
    Object *targets = tuple_from_array(args, nargs);
    Object *result = targets ? list_new(0) : NULL;
    if (result && gc_get_referrers(targets, result) < 0) CLEAR(result);
    XDECREF(targets);
    return result;
}

static int visit_append(Object *o, void *arg) { return list_append((Object *)arg, o) < 0 ? -1 : 0; }

FN(get_referents) {
    if (args_no_kw("get_referents", kwnames) < 0) return NULL;
    Object *result = list_new(0);
    if (!result) return NULL;
    for (ssize_t i = 0; i < nargs; i++) {
        if (!gc_is_gc(args[i]) || !TYPE(args[i])->traverse) continue;
        if (TYPE(args[i])->traverse(args[i], visit_append, result) < 0) {
            DECREF(result);
            return NULL;
        }
    }
    return result;
}

FN(is_tracked_fn) {
    if (args_no_kw("is_tracked", kwnames) < 0 || args_count("is_tracked", nargs, 1, 1) < 0) return NULL;
    return NEWREF(bool_from(gc_is_gc(args[0]) && gc_is_tracked(args[0])));
}

FN(is_finalized) {
    if (args_no_kw("is_finalized", kwnames) < 0 || args_count("is_finalized", nargs, 1, 1) < 0) return NULL;
    return NEWREF(bool_from(gc_is_gc(args[0]) && (GC_HEAD(args[0])->bits & GC_FINALIZED)));
}

FN(freeze_fn) {
    if (args_no_kw("freeze", kwnames) < 0 || args_count("freeze", nargs, 0, 0) < 0) return NULL;
    gc_freeze();
    RETURN_NONE;
}

FN(unfreeze_fn) {
    if (args_no_kw("unfreeze", kwnames) < 0 || args_count("unfreeze", nargs, 0, 0) < 0) return NULL;
    gc_unfreeze();
    RETURN_NONE;
}

FN(get_freeze_count) {
    if (args_no_kw("get_freeze_count", kwnames) < 0 || args_count("get_freeze_count", nargs, 0, 0) < 0) return NULL;
    return int_from_ssize(gc_freeze_count());
}

FN(get_debug) {
    if (args_no_kw("get_debug", kwnames) < 0 || args_count("get_debug", nargs, 0, 0) < 0) return NULL;
    return int_from_long(gc_state.debug);
}

FN(set_debug) {
    if (args_no_kw("set_debug", kwnames) < 0 || args_count("set_debug", nargs, 1, 1) < 0) return NULL;
    long v = int_as_long(args[0]);
    if (v == -1 && err_occurred()) return NULL;
    gc_state.debug = (int)v;
    RETURN_NONE;
}

FN(get_stats) {
    if (args_no_kw("get_stats", kwnames) < 0 || args_count("get_stats", nargs, 0, 0) < 0) return NULL;
    Object *result = list_new(0);
    for (int i = 0; result && i < GC_NGENS; i++) {
        Object *d = dict_new();
        Object *a = int_from_long(gc_state.collections[i]), *b = int_from_long(gc_state.collected[i]);
        Object *c = int_from_long(0);
        if (!d || !a || !b || !c || dict_setitem_str(d, "collections", a) < 0 ||
            dict_setitem_str(d, "collected", b) < 0 || dict_setitem_str(d, "uncollectable", c) < 0 ||
            list_append(result, d) < 0)
            CLEAR(result);
        XDECREF(d);
        XDECREF(a);
        XDECREF(b);
        XDECREF(c);
    }
    return result;
}

static const MethodDef gc_functions[] = {
    {"enable", gc_enable, 0, "Enable automatic garbage collection."},
    {"disable", gc_disable, 0, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, 0, "Returns true if automatic garbage collection is enabled."},
    {"collect", gc_collect_fn, 0, "Run the garbage collector."},
    {"get_count", gc_get_count, 0, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, 0, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, 0, "Set the collection thresholds."},
    {"get_objects", gc_get_objects_fn, 0, "Return a list of objects tracked by the collector."},
    {"get_referrers", gc_get_referrers_fn, 0, "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, 0, "Return the list of objects that are directly referred to by objs."},
    {"is_tracked", gc_is_tracked_fn, 0, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, 0, "Returns true if the object has been already finalized by the GC."},
    {"freeze", gc_freeze_fn, 0, "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze_fn, 0, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, 0, "Return the number of objects in the permanent generation."},
    {"get_debug", gc_get_debug, 0, "Get the garbage collection debugging flags."},
    {"set_debug", gc_set_debug, 0, "Set the garbage collection debugging flags."},
    {"get_stats", gc_get_stats, 0, "Return a list of dictionaries containing per-generation statistics."},
    {NULL, NULL, 0, NULL}};

Object *module_init_gc(void) {
    Object *m = module_new_cstr("gc");
    if (!m) return NULL;
    if (!gc_state.garbage && !(gc_state.garbage = list_new(0))) goto fail;
    if (!gc_state.callbacks && !(gc_state.callbacks = list_new(0))) goto fail;
    if (module_add_functions(m, gc_functions) < 0 || module_add_object(m, "garbage", gc_state.garbage) < 0 ||
        module_add_object(m, "callbacks", gc_state.callbacks) < 0 || module_add_int(m, "DEBUG_STATS", 1) < 0 ||
        module_add_int(m, "DEBUG_COLLECTABLE", 2) < 0 || module_add_int(m, "DEBUG_UNCOLLECTABLE", 4) < 0 ||
        module_add_int(m, "DEBUG_SAVEALL", 32) < 0 || module_add_int(m, "DEBUG_LEAK", 38) < 0)
        goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
