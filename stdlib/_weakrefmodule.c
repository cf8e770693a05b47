// The _weakref module (CPython's Modules/_weakref.c): the ref type and the
// counting functions; stdlib/lib/weakref.py builds the rest on them.
#include "../vm/runtime.h"
#include "../vm/objects/weakref.h"
#include "modules.h"

#define FN(name) static Object *weakref_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

FN(getweakrefcount) {
    if (args_no_kw("getweakrefcount", kwnames) < 0 || args_count("getweakrefcount", nargs, 1, 1) < 0) return NULL;
    return int_from_ssize(weakref_count(args[0]));
}

FN(getweakrefs) {
    if (args_no_kw("getweakrefs", kwnames) < 0 || args_count("getweakrefs", nargs, 1, 1) < 0) return NULL;
    return weakref_list(args[0]);
}

static const MethodDef weakref_functions[] = {
    {"getweakrefcount", weakref_getweakrefcount, 0, "Return the number of weak references to 'object'."},
    {"getweakrefs", weakref_getweakrefs, 0, "Return a list of all weak reference objects pointing to 'object'."},
    {NULL, NULL, 0, NULL}};

Object *module_init__weakref(void) {
    type_ready(&WeakrefType);
    Object *m = module_new_cstr("_weakref");
    if (!m) return NULL;
    if (module_add_functions(m, weakref_functions) < 0 || module_add_object(m, "ref", (Object *)&WeakrefType) < 0 ||
        module_add_object(m, "ReferenceType", (Object *)&WeakrefType) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
