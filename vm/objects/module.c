// Modules (CPython's Objects/moduleobject.c): a namespace dict with a name.
#include "../runtime.h"

#include <string.h>

Object *module_new(Object *name) {
    ModuleObject *m = (ModuleObject *)obj_alloc(&ModuleType, sizeof(ModuleObject));
    if (!m) return NULL;
    m->dict = dict_new();
    if (!m->dict) {
        DECREF(m);
        return NULL;
    }
    m->name = NEWREF(name);
    if (dict_setitem(m->dict, S___name__, name) < 0 || dict_setitem(m->dict, S___doc__, None) < 0 ||
        dict_setitem(m->dict, S___package__, None) < 0 || dict_setitem(m->dict, S___loader__, None) < 0 ||
        dict_setitem(m->dict, S___spec__, None) < 0) {
        DECREF(m);
        return NULL;
    }
    return (Object *)m;
}

Object *module_new_cstr(const char *name) {
    Object *n = str_from_cstr(name);
    if (!n) return NULL;
    Object *m = module_new(n);
    DECREF(n);
    return m;
}

Object *module_dict(Object *m) { return ((ModuleObject *)m)->dict; }

int module_add_functions(Object *m, const MethodDef *defs) {
    for (const MethodDef *d = defs; d->name; d++) {
        Object *f = cfunc_new(d, m);
        if (!f) return -1;
        int r = dict_setitem_str(module_dict(m), d->name, f);
        DECREF(f);
        if (r < 0) return -1;
    }
    return 0;
}

int module_add_object(Object *m, const char *name, Object *value) {
    return dict_setitem_str(module_dict(m), name, value);
}

int module_add_int(Object *m, const char *name, long v) {
    Object *o = int_from_long(v);
    if (!o) return -1;
    int r = module_add_object(m, name, o);
    DECREF(o);
    return r;
}

static void module_dealloc(Object *o) {
    ModuleObject *m = (ModuleObject *)o;
    obj_clear_weakrefs(o);
    XDECREF(m->dict);
    XDECREF(m->name);
    obj_free(o);
}

static int module_traverse(Object *o, visitproc visit, void *arg) {
    ModuleObject *m = (ModuleObject *)o;
    return m->dict ? visit(m->dict, arg) : 0;
}

static Object *module_repr(Object *o) {
    ModuleObject *m = (ModuleObject *)o;
    Object *file = dict_getitem(m->dict, S___file__);
    Object *name = dict_getitem(m->dict, S___name__);
    if (!name) name = m->name;
    if (file && STR_CHECK(file)) return str_from_format("<module %R from %R>", name, file);
    return str_from_format("<module %R (built-in)>", name);
}

static Object *module_getattro(Object *o, Object *name) {
    ModuleObject *m = (ModuleObject *)o;
    Object *v = dict_getitem(m->dict, name);
    if (v) return NEWREF(v);
    Object *r = obj_generic_getattr(o, name);
    if (r || !err_matches(Exc_AttributeError)) return r;
    err_clear();
    Object *ga = dict_getitem(m->dict, S___getattr__);
    if (ga) return obj_call1(ga, name);
    Object *mn = dict_getitem(m->dict, S___name__);
    if (mn && STR_CHECK(mn)) return vm_raise(Exc_AttributeError, "module '%U' has no attribute '%U'", mn, name);
    return vm_raise(Exc_AttributeError, "module has no attribute '%U'", name);
}

static Object *module_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("module", nargs, 1, 2) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return vm_raise(Exc_TypeError, "module.__init__() argument 'name' must be str, not %s", type_name(TYPE(args[0])));
    Object *m = module_new(args[0]);
    if (m && nargs > 1) dict_setitem(module_dict(m), S___doc__, args[1]);
    return m;
}

static Object *module_dir(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *l = dict_keys_list(module_dict(self));
    if (l && list_sort(l, NULL, false) < 0) CLEAR(l);
    return l;
}

static const MethodDef module_methods[] = {{"__dir__", module_dir, 0, NULL}, {NULL, NULL, 0, NULL}};

static Object *module_get_dict(Object *self, void *c) { return NEWREF(module_dict(self)); }

static const GetSetDef module_getset[] = {{"__dict__", module_get_dict, NULL, NULL}, {NULL, NULL, NULL, NULL}};

TypeObject ModuleType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "module",
    .basicsize = sizeof(ModuleObject),
    .weaklistoffset = offsetof(ModuleObject, weaklist),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .dealloc = module_dealloc,
    .traverse = module_traverse,
    .repr = module_repr,
    .getattro = module_getattro,
    .setattro = obj_generic_setattr,
    .tp_new = module_tp_new,
    .dictoffset = offsetof(ModuleObject, dict),
    .methods = module_methods,
    .getset = module_getset,
};
