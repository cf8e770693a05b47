// Functions and the callables around them (CPython's funcobject.c,
// classobject.c, cellobject.c, methodobject.c, descrobject.c): Python
// functions, bound methods, cells, builtin functions, method/getset
// descriptors, staticmethod, classmethod, property and super.
#include "../runtime.h"
#include "../gc.h"
#include "../eval.h"

#include <string.h>

// ---- function -----------------------------------------------------------------------

Object *func_new(CodeObject *code, Object *globals, Object *qualname) {
    FunctionObject *f = (FunctionObject *)obj_alloc(&FunctionType, sizeof(FunctionObject));
    if (!f) return NULL;
    f->code = (CodeObject *)NEWREF(code);
    f->globals = NEWREF(globals);
    Object *b = dict_getitem(globals, S___builtins__);
    if (b && TYPE(b) == &ModuleType) b = module_dict(b);
    if (!b || !DICT_CHECK(b)) b = the_interp.builtins;
    f->builtins = NEWREF(b);
    f->name = NEWREF(code->name);
    f->qualname = NEWREF(qualname ? qualname : code->qualname);
    Object *doc = code->has_docstring ? TUPLE_ITEMS(code->consts)[0] : None;
    f->doc = NEWREF(doc);
    Object *mod = dict_getitem(globals, S___name__);
    f->module = XNEWREF(mod);
    return (Object *)f;
}

static void func_dealloc(Object *o) {
    FunctionObject *f = (FunctionObject *)o;
    obj_clear_weakrefs(o);
    DECREF(f->code);
    DECREF(f->globals);
    DECREF(f->builtins);
    DECREF(f->name);
    DECREF(f->qualname);
    XDECREF(f->defaults);
    XDECREF(f->kwdefaults);
    XDECREF(f->closure);
    XDECREF(f->doc);
    XDECREF(f->dict);
    XDECREF(f->module);
    XDECREF(f->annotations);
    obj_free(o);
}

static int func_traverse(Object *o, visitproc visit, void *arg) {
    FunctionObject *f = (FunctionObject *)o;
    Object *refs[] = {(Object *)f->code, f->globals, f->builtins, f->defaults, f->kwdefaults,
                      f->closure, f->doc, f->dict, f->module, f->annotations};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i] && visit(refs[i], arg)) return -1;
    return 0;
}

static int func_clear(Object *o) {
    // code, globals, builtins, name and qualname stay: they are never NULL.
    // A cycle through the globals is broken by clearing the dict.
    FunctionObject *f = (FunctionObject *)o;
    CLEAR(f->defaults);
    CLEAR(f->kwdefaults);
    CLEAR(f->closure);
    CLEAR(f->doc);
    CLEAR(f->dict);
    CLEAR(f->module);
    CLEAR(f->annotations);
    return 0;
}

static Object *func_repr(Object *o) {
    FunctionObject *f = (FunctionObject *)o;
    return str_from_format("<function %U at %p>", f->qualname, (void *)o);
}

static Object *func_get(Object *descr, Object *obj, Object *type) {
    if (!obj) return NEWREF(descr);
    return method_new(descr, obj);
}

Object *func_vectorcall(Object *func, Object *const *args, ssize_t nargs, Object *kwnames) {
    return eval_call_function((FunctionObject *)func, args, nargs, kwnames);
}

#define FUNC_GETSET(field, pyname, nullable)                                     \
    static Object *func_get_##field(Object *o, void *c) {                        \
        Object *v = (Object *)((FunctionObject *)o)->field;                       \
        return NEWREF(v ? v : None);                                              \
    }
FUNC_GETSET(code, "__code__", 0)
FUNC_GETSET(globals, "__globals__", 0)
FUNC_GETSET(closure, "__closure__", 1)
FUNC_GETSET(defaults, "__defaults__", 1)
FUNC_GETSET(kwdefaults, "__kwdefaults__", 1)
FUNC_GETSET(name, "__name__", 0)
FUNC_GETSET(qualname, "__qualname__", 0)
FUNC_GETSET(doc, "__doc__", 1)
FUNC_GETSET(module, "__module__", 1)
#undef FUNC_GETSET

static int func_set_str(Object **slot, Object *v, const char *what) {
    if (!v || !STR_CHECK(v)) {
        vm_raise(Exc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    SETREF(*slot, NEWREF(v));
    return 0;
}

static int func_set_name(Object *o, Object *v, void *c) {
    return func_set_str(&((FunctionObject *)o)->name, v, "__name__");
}
static int func_set_qualname(Object *o, Object *v, void *c) {
    return func_set_str(&((FunctionObject *)o)->qualname, v, "__qualname__");
}
static int func_set_doc(Object *o, Object *v, void *c) {
    SETREF(((FunctionObject *)o)->doc, NEWREF(v ? v : None));
    return 0;
}
static int func_set_module(Object *o, Object *v, void *c) {
    SETREF(((FunctionObject *)o)->module, NEWREF(v ? v : None));
    return 0;
}
static int func_set_defaults(Object *o, Object *v, void *c) {
    if (v == None) v = NULL;
    if (v && !TUPLE_CHECK(v)) {
        vm_raise(Exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    SETREF(((FunctionObject *)o)->defaults, XNEWREF(v));
    return 0;
}
static int func_set_kwdefaults(Object *o, Object *v, void *c) {
    if (v == None) v = NULL;
    if (v && !DICT_CHECK(v)) {
        vm_raise(Exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    SETREF(((FunctionObject *)o)->kwdefaults, XNEWREF(v));
    return 0;
}
static Object *func_get_dict(Object *o, void *c) {
    FunctionObject *f = (FunctionObject *)o;
    if (!f->dict && !(f->dict = dict_new())) return NULL;
    return NEWREF(f->dict);
}
static Object *func_get_annotations(Object *o, void *c) {
    FunctionObject *f = (FunctionObject *)o;
    if (!f->annotations && !(f->annotations = dict_new())) return NULL;
    return NEWREF(f->annotations);
}
// f.__code__ = code: the code must have as many free variables as the
// function has closure cells. Specialized call sites read func->code on
// every call, so nothing cached goes stale.
static int func_set_code(Object *o, Object *v, void *c) {
    FunctionObject *f = (FunctionObject *)o;
    if (!v || TYPE(v) != &CodeType) {
        vm_raise(Exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    ssize_t nclosure = f->closure ? TUPLE_SIZE(f->closure) : 0;
    if (((CodeObject *)v)->nfreevars != nclosure) {
        vm_raise(Exc_ValueError, "%U() requires a code object with %zd free vars, not %d", f->name, nclosure,
                 ((CodeObject *)v)->nfreevars);
        return -1;
    }
    Object *old = (Object *)f->code;
    f->code = (CodeObject *)NEWREF(v);
    ft_mark_shared(old);  // another thread may be calling f
    DECREF(old);
    return 0;
}

static int func_set_annotations(Object *o, Object *v, void *c) {
    SETREF(((FunctionObject *)o)->annotations, XNEWREF(v));
    return 0;
}

static const GetSetDef func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL},
    {"__globals__", func_get_globals, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL},
    {"__name__", func_get_name, func_set_name, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL},
    {"__module__", func_get_module, func_set_module, NULL},
    {"__dict__", func_get_dict, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject FunctionType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "function",
    .basicsize = sizeof(FunctionObject),
    .weaklistoffset = offsetof(FunctionObject, weaklist),
    .flags = TPFLAGS_HAVE_GC | TPFLAGS_METHOD_DESCRIPTOR,
    .dealloc = func_dealloc,
    .traverse = func_traverse,
    .clear = func_clear,
    .repr = func_repr,
    .call = func_vectorcall,
    .descr_get = func_get,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .dictoffset = offsetof(FunctionObject, dict),
    .getset = func_getset,
};

// ---- bound method --------------------------------------------------------------------

#define METHOD_FREELIST_MAX 64
static _Thread_local MethodObject *method_freelist[METHOD_FREELIST_MAX];
static _Thread_local int method_freelist_len;

Object *method_new(Object *func, Object *self) {
    MethodObject *m;
    if (method_freelist_len) {
        m = method_freelist[--method_freelist_len];
        obj_init_refcnt((Object *)m);
        obj_note_alloc();
        gc_track((Object *)m);
    } else {
        m = (MethodObject *)obj_alloc(&MethodType, sizeof(MethodObject));
        if (!m) return NULL;
    }
    m->func = NEWREF(func);
    m->self = NEWREF(self);
    return (Object *)m;
}

static void method_dealloc(Object *o) {
    MethodObject *m = (MethodObject *)o;
    obj_clear_weakrefs(o);
    DECREF(m->func);
    DECREF(m->self);
    if (method_freelist_len < METHOD_FREELIST_MAX) {
        method_freelist[method_freelist_len++] = m;
        obj_note_free();
        return;
    }
    obj_free(o);
}

void method_freelist_clear(void) {
    while (method_freelist_len) gc_free_memory((Object *)method_freelist[--method_freelist_len]);
}

static int method_traverse(Object *o, visitproc visit, void *arg) {
    MethodObject *m = (MethodObject *)o;
    if (m->func && visit(m->func, arg)) return -1;
    if (m->self && visit(m->self, arg)) return -1;
    return 0;
}

static Object *method_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    MethodObject *m = (MethodObject *)o;
    ssize_t total = nargs + (kwnames ? TUPLE_SIZE(kwnames) : 0);
    Object *small[9];
    Object **stack = total < 8 ? small : malloc(sizeof(Object *) * (size_t)(total + 1));
    if (!stack) {
        err_no_memory();
        return NULL;
    }
    stack[0] = m->self;
    if (total) memcpy(stack + 1, args, sizeof(Object *) * (size_t)total);
    Object *func = NEWREF(m->func), *self = NEWREF(m->self);
    Object *r = obj_call(func, stack, nargs + 1, kwnames);
    DECREF(func);
    DECREF(self);
    if (stack != small) free(stack);
    return r;
}

static Object *method_repr(Object *o) {
    MethodObject *m = (MethodObject *)o;
    Object *name = obj_getattr(m->func, S___qualname__);
    if (!name) {
        err_clear();
        name = obj_getattr(m->func, S___name__);
        if (!name) {
            err_clear();
            name = str_from_cstr("?");
        }
    }
    Object *r = str_from_format("<bound method %S of %R>", name, m->self);
    DECREF(name);
    return r;
}

static Object *method_richcompare(Object *v, Object *w, int op) {
    if (TYPE(w) != &MethodType || (op != CMP_EQ_OP && op != CMP_NE_OP)) RETURN_NOTIMPL;
    MethodObject *a = (MethodObject *)v, *b = (MethodObject *)w;
    int eq = a->self == b->self ? obj_eq(a->func, b->func) : 0;
    if (eq < 0) return NULL;
    return NEWREF(bool_from((op == CMP_EQ_OP) == (eq == 1)));
}

static hash_t method_hash(Object *o) {
    MethodObject *m = (MethodObject *)o;
    hash_t a = obj_hash(m->func);
    if (a == -1) return -1;
    hash_t h = a ^ (hash_t)((uintptr_t)m->self >> 4);
    return h == -1 ? -2 : h;
}

static Object *method_getattro(Object *o, Object *name) {
    TypeObject *t = TYPE(o);
    Object *descr = type_lookup(t, name);
    if (descr) {
        if (TYPE(descr)->descr_get) return TYPE(descr)->descr_get(descr, o, (Object *)t);
        return NEWREF(descr);
    }
    return obj_getattr(((MethodObject *)o)->func, name);
}

static Object *method_get_func(Object *o, void *c) { return NEWREF(((MethodObject *)o)->func); }
static Object *method_get_self(Object *o, void *c) { return NEWREF(((MethodObject *)o)->self); }

static const GetSetDef method_getset[] = {
    {"__func__", method_get_func, NULL, NULL},
    {"__self__", method_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

// method(function, instance): types.MethodType binds a callable by hand.
static Object *method_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    (void)type;
    if (args_no_kw("method", kwnames) < 0 || args_count("method", nargs, 2, 2) < 0) return NULL;
    if (!obj_callable(args[0])) return vm_raise(Exc_TypeError, "first argument must be callable");
    if (args[1] == None) return vm_raise(Exc_TypeError, "instance must not be None");
    return method_new(args[0], args[1]);
}

TypeObject MethodType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "method",
    .tp_new = method_tp_new,
    .basicsize = sizeof(MethodObject),
    .weaklistoffset = offsetof(MethodObject, weaklist),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = method_dealloc,
    .traverse = method_traverse,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .call = method_call,
    .getattro = method_getattro,
    .getset = method_getset,
};

// ---- cell -------------------------------------------------------------------------------

Object *cell_new(Object *value) {
    CellObject *c = (CellObject *)obj_alloc(&CellType, sizeof(CellObject));
    if (!c) return NULL;
    c->ref = XNEWREF(value);
    return (Object *)c;
}

static void cell_dealloc(Object *o) {
    XDECREF(((CellObject *)o)->ref);
    obj_free(o);
}

static int cell_traverse(Object *o, visitproc visit, void *arg) {
    Object *r = ((CellObject *)o)->ref;
    return r ? visit(r, arg) : 0;
}

static int cell_clear(Object *o) {
    CLEAR(((CellObject *)o)->ref);
    return 0;
}

static Object *cell_repr(Object *o) {
    Object *r = ((CellObject *)o)->ref;
    if (!r) return str_from_format("<cell at %p: empty>", (void *)o);
    return str_from_format("<cell at %p: %s object at %p>", (void *)o, type_name(TYPE(r)), (void *)r);
}

static Object *cell_get_contents(Object *o, void *c) {
    Object *r = ((CellObject *)o)->ref;
    if (!r) return vm_raise(Exc_ValueError, "Cell is empty");
    return NEWREF(r);
}

static int cell_set_contents(Object *o, Object *v, void *c) {
    SETREF(((CellObject *)o)->ref, XNEWREF(v));
    return 0;
}

static const GetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject CellType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "cell",
    .basicsize = sizeof(CellObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = cell_dealloc,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .repr = cell_repr,
    .getset = cell_getset,
};

// ---- builtin_function_or_method -----------------------------------------------------------

Object *cfunc_new(const MethodDef *def, Object *self) {
    BuiltinFunctionObject *f = (BuiltinFunctionObject *)obj_alloc(&BuiltinFunctionType, sizeof(BuiltinFunctionObject));
    if (!f) return NULL;
    f->def = def;
    f->self = XNEWREF(self);
    return (Object *)f;
}

static void cfunc_dealloc(Object *o) {
    BuiltinFunctionObject *f = (BuiltinFunctionObject *)o;
    obj_clear_weakrefs(o);
    XDECREF(f->self);
    XDECREF(f->module);
    obj_free(o);
}

static int cfunc_traverse(Object *o, visitproc visit, void *arg) {
    BuiltinFunctionObject *f = (BuiltinFunctionObject *)o;
    if (f->self && visit(f->self, arg)) return -1;
    return 0;
}

static Object *cfunc_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    BuiltinFunctionObject *f = (BuiltinFunctionObject *)o;
    return f->def->fn(f->self, args, nargs, kwnames);
}

static Object *cfunc_repr(Object *o) {
    BuiltinFunctionObject *f = (BuiltinFunctionObject *)o;
    if (!f->self || TYPE(f->self) == &ModuleType)
        return str_from_format("<built-in function %s>", f->def->name);
    return str_from_format("<built-in method %s of %s object at %p>", f->def->name, type_name(TYPE(f->self)),
                           (void *)f->self);
}

static Object *cfunc_get_name(Object *o, void *c) { return str_from_cstr(((BuiltinFunctionObject *)o)->def->name); }
static Object *cfunc_get_qualname(Object *o, void *c) {
    BuiltinFunctionObject *f = (BuiltinFunctionObject *)o;
    if (!f->self || TYPE(f->self) == &ModuleType) return str_from_cstr(f->def->name);
    TypeObject *t = TYPE_CHECK(f->self) ? (TypeObject *)f->self : TYPE(f->self);
    return str_from_format("%s.%s", t->name, f->def->name);
}
static Object *cfunc_get_self(Object *o, void *c) {
    Object *s = ((BuiltinFunctionObject *)o)->self;
    return NEWREF(s ? s : None);
}
static Object *cfunc_get_doc(Object *o, void *c) {
    const char *d = ((BuiltinFunctionObject *)o)->def->doc;
    return d ? str_from_cstr(d) : NEWREF(None);
}
static Object *cfunc_get_module(Object *o, void *c) {
    BuiltinFunctionObject *f = (BuiltinFunctionObject *)o;
    if (f->self && TYPE(f->self) == &ModuleType) return NEWREF(((ModuleObject *)f->self)->name);
    return NEWREF(f->module ? f->module : None);
}

static const GetSetDef cfunc_getset[] = {
    {"__name__", cfunc_get_name, NULL, NULL},
    {"__qualname__", cfunc_get_qualname, NULL, NULL},
    {"__self__", cfunc_get_self, NULL, NULL},
    {"__doc__", cfunc_get_doc, NULL, NULL},
    {"__module__", cfunc_get_module, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

static Object *cfunc_richcompare(Object *v, Object *w, int op) {
    if (TYPE(w) != &BuiltinFunctionType || (op != CMP_EQ_OP && op != CMP_NE_OP)) RETURN_NOTIMPL;
    BuiltinFunctionObject *a = (BuiltinFunctionObject *)v, *b = (BuiltinFunctionObject *)w;
    bool eq = a->def == b->def && a->self == b->self;
    return NEWREF(bool_from(eq == (op == CMP_EQ_OP)));
}

static hash_t cfunc_hash(Object *o) {
    BuiltinFunctionObject *f = (BuiltinFunctionObject *)o;
    hash_t h = (hash_t)((uintptr_t)f->def >> 3) ^ (hash_t)((uintptr_t)f->self >> 4);
    return h == -1 ? -2 : h;
}

TypeObject BuiltinFunctionType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "builtin_function_or_method",
    .basicsize = sizeof(BuiltinFunctionObject),
    .weaklistoffset = offsetof(BuiltinFunctionObject, weaklist),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = cfunc_dealloc,
    .traverse = cfunc_traverse,
    .repr = cfunc_repr,
    .hash = cfunc_hash,
    .richcompare = cfunc_richcompare,
    .call = cfunc_call,
    .getset = cfunc_getset,
};

// ---- method_descriptor / classmethod_descriptor ---------------------------------------------

Object *descr_new_method(TypeObject *type, const MethodDef *def) {
    MethodDescrObject *d = (MethodDescrObject *)obj_alloc(&MethodDescrType, sizeof(MethodDescrObject));
    if (!d) return NULL;
    d->def = def;
    d->type = type;
    return (Object *)d;
}

Object *descr_new_classmethod(TypeObject *type, const MethodDef *def) {
    MethodDescrObject *d = (MethodDescrObject *)obj_alloc(&ClassMethodDescrType, sizeof(MethodDescrObject));
    if (!d) return NULL;
    d->def = def;
    d->type = type;
    return (Object *)d;
}

static void descr_dealloc(Object *o) { obj_free(o); }

static Object *mdescr_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    MethodDescrObject *d = (MethodDescrObject *)o;
    if (nargs < 1)
        return vm_raise(Exc_TypeError, "unbound method %s.%s() needs an argument", d->type->name, d->def->name);
    Object *self = args[0];
    if (TYPE(self) != d->type && !type_is_subtype(TYPE(self), d->type))
        return vm_raise(Exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        d->def->name, d->type->name, type_name(TYPE(self)));
    return d->def->fn(self, args + 1, nargs - 1, kwnames);
}

static Object *mdescr_get(Object *o, Object *obj, Object *type) {
    MethodDescrObject *d = (MethodDescrObject *)o;
    if (!obj) return NEWREF(o);
    if (!type_is_subtype(TYPE(obj), d->type))
        return vm_raise(Exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        d->def->name, d->type->name, type_name(TYPE(obj)));
    return cfunc_new(d->def, obj);
}

static Object *mdescr_repr(Object *o) {
    MethodDescrObject *d = (MethodDescrObject *)o;
    return str_from_format("<method '%s' of '%s' objects>", d->def->name, d->type->name);
}

static Object *mdescr_get_name(Object *o, void *c) { return str_from_cstr(((MethodDescrObject *)o)->def->name); }
static Object *mdescr_get_qualname(Object *o, void *c) {
    MethodDescrObject *d = (MethodDescrObject *)o;
    return str_from_format("%s.%s", d->type->name, d->def->name);
}
static Object *mdescr_get_objclass(Object *o, void *c) { return NEWREF(((MethodDescrObject *)o)->type); }
static Object *mdescr_get_doc(Object *o, void *c) {
    const char *doc = ((MethodDescrObject *)o)->def->doc;
    return doc ? str_from_cstr(doc) : NEWREF(None);
}

static const GetSetDef mdescr_getset[] = {
    {"__name__", mdescr_get_name, NULL, NULL},
    {"__qualname__", mdescr_get_qualname, NULL, NULL},
    {"__objclass__", mdescr_get_objclass, NULL, NULL},
    {"__doc__", mdescr_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject MethodDescrType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "method_descriptor",
    .basicsize = sizeof(MethodDescrObject),
    .flags = TPFLAGS_METHOD_DESCRIPTOR,
    .dealloc = descr_dealloc,
    .repr = mdescr_repr,
    .call = mdescr_call,
    .descr_get = mdescr_get,
    .getset = mdescr_getset,
};

static Object *cmdescr_get(Object *o, Object *obj, Object *type) {
    MethodDescrObject *d = (MethodDescrObject *)o;
    if (!type) type = (Object *)TYPE(obj);
    return cfunc_new(d->def, type);
}

static Object *cmdescr_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    MethodDescrObject *d = (MethodDescrObject *)o;
    if (nargs < 1 || !TYPE_CHECK(args[0]))
        return vm_raise(Exc_TypeError, "descriptor '%s' of '%s' object needs a type", d->def->name, d->type->name);
    return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

TypeObject ClassMethodDescrType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "classmethod_descriptor",
    .basicsize = sizeof(MethodDescrObject),
    .dealloc = descr_dealloc,
    .repr = mdescr_repr,
    .call = cmdescr_call,
    .descr_get = cmdescr_get,
    .getset = mdescr_getset,
};

// ---- getset_descriptor -------------------------------------------------------------------------

Object *descr_new_getset(TypeObject *type, const GetSetDef *def) {
    GetSetDescrObject *d = (GetSetDescrObject *)obj_alloc(&GetSetDescrType, sizeof(GetSetDescrObject));
    if (!d) return NULL;
    d->def = def;
    d->type = type;
    return (Object *)d;
}

static Object *gsdescr_get(Object *o, Object *obj, Object *type) {
    GetSetDescrObject *d = (GetSetDescrObject *)o;
    if (!obj) return NEWREF(o);
    if (!type_is_subtype(TYPE(obj), d->type))
        return vm_raise(Exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        d->def->name, d->type->name, type_name(TYPE(obj)));
    return d->def->get(obj, d->def->closure);
}

static int gsdescr_set(Object *o, Object *obj, Object *value) {
    GetSetDescrObject *d = (GetSetDescrObject *)o;
    if (!d->def->set) {
        vm_raise(Exc_AttributeError, "attribute '%s' of '%s' objects is not writable", d->def->name, d->type->name);
        return -1;
    }
    return d->def->set(obj, value, d->def->closure);
}

static Object *gsdescr_repr(Object *o) {
    GetSetDescrObject *d = (GetSetDescrObject *)o;
    return str_from_format("<attribute '%s' of '%s' objects>", d->def->name, d->type->name);
}

TypeObject GetSetDescrType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "getset_descriptor",
    .basicsize = sizeof(GetSetDescrObject),
    .dealloc = descr_dealloc,
    .repr = gsdescr_repr,
    .descr_get = gsdescr_get,
    .descr_set = gsdescr_set,
};

// ---- staticmethod / classmethod ---------------------------------------------------------------

static Object *sm_make(TypeObject *t, Object *callable) {
    StaticMethodObject *s = (StaticMethodObject *)obj_alloc(t, sizeof(StaticMethodObject));
    if (!s) return NULL;
    s->callable = NEWREF(callable);
    return (Object *)s;
}

Object *staticmethod_new(Object *callable) { return sm_make(&StaticMethodType, callable); }
Object *classmethod_new(Object *callable) { return sm_make(&ClassMethodType, callable); }

static void sm_dealloc(Object *o) {
    StaticMethodObject *s = (StaticMethodObject *)o;
    XDECREF(s->callable);
    XDECREF(s->dict);
    obj_free(o);
}

static int sm_traverse(Object *o, visitproc visit, void *arg) {
    StaticMethodObject *s = (StaticMethodObject *)o;
    if (s->callable && visit(s->callable, arg)) return -1;
    if (s->dict && visit(s->dict, arg)) return -1;
    return 0;
}

static int sm_init(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw(type_name(TYPE(o)), kwnames) < 0 || args_count(type_name(TYPE(o)), nargs, 1, 1) < 0) return -1;
    SETREF(((StaticMethodObject *)o)->callable, NEWREF(args[0]));
    return 0;
}

static Object *sm_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    return type_generic_alloc(t, 0);
}

static Object *sm_get(Object *o, Object *obj, Object *type) { return NEWREF(((StaticMethodObject *)o)->callable); }

static Object *sm_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    return obj_call(((StaticMethodObject *)o)->callable, args, nargs, kwnames);
}

static Object *cm_get(Object *o, Object *obj, Object *type) {
    if (!type) type = (Object *)TYPE(obj);
    Object *c = ((StaticMethodObject *)o)->callable;
    if (TYPE(c)->descr_get && TYPE(c) != &FunctionType) return TYPE(c)->descr_get(c, type, NULL);
    return method_new(c, type);
}

static Object *sm_get_func(Object *o, void *c) { return NEWREF(((StaticMethodObject *)o)->callable); }
static Object *sm_get_isabstract(Object *o, void *c) {
    int err;
    Object *v = obj_lookup_attr(((StaticMethodObject *)o)->callable, str_intern_cstr("__isabstractmethod__"), &err);
    if (err) return NULL;
    if (!v) return NEWREF(False);
    return v;
}

static Object *sm_repr(Object *o) {
    return str_from_format("<%s(%R)>", type_name(TYPE(o)), ((StaticMethodObject *)o)->callable);
}

// The wrapped function's metadata shows through, as functools.wraps would.
static Object *sm_getattro(Object *o, Object *name) {
    Object *r = obj_generic_getattr(o, name);
    if (r || !err_matches(Exc_AttributeError)) return r;
    const char *n = STR_DATA(name);
    if (strcmp(n, "__name__") == 0 || strcmp(n, "__qualname__") == 0 || strcmp(n, "__doc__") == 0 ||
        strcmp(n, "__module__") == 0) {
        err_clear();
        return obj_getattr(((StaticMethodObject *)o)->callable, name);
    }
    return NULL;
}

static const GetSetDef sm_getset[] = {
    {"__func__", sm_get_func, NULL, NULL},
    {"__wrapped__", sm_get_func, NULL, NULL},
    {"__isabstractmethod__", sm_get_isabstract, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject StaticMethodType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "staticmethod",
    .basicsize = sizeof(StaticMethodObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .dealloc = sm_dealloc,
    .traverse = sm_traverse,
    .repr = sm_repr,
    .call = sm_call,
    .descr_get = sm_get,
    .getattro = sm_getattro,
    .tp_new = sm_tp_new,
    .init = sm_init,
    .dictoffset = offsetof(StaticMethodObject, dict),
    .getset = sm_getset,
};

TypeObject ClassMethodType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "classmethod",
    .basicsize = sizeof(StaticMethodObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .dealloc = sm_dealloc,
    .traverse = sm_traverse,
    .repr = sm_repr,
    .descr_get = cm_get,
    .getattro = sm_getattro,
    .tp_new = sm_tp_new,
    .init = sm_init,
    .dictoffset = offsetof(StaticMethodObject, dict),
    .getset = sm_getset,
};

// ---- property ------------------------------------------------------------------------------------

typedef struct {
    PropertyObject base;
    Object *name;
} PropertyFull;

static void prop_dealloc(Object *o) {
    PropertyFull *p = (PropertyFull *)o;
    XDECREF(p->base.fget);
    XDECREF(p->base.fset);
    XDECREF(p->base.fdel);
    XDECREF(p->base.doc);
    XDECREF(p->name);
    obj_free(o);
}

static int prop_traverse(Object *o, visitproc visit, void *arg) {
    PropertyFull *p = (PropertyFull *)o;
    Object *refs[] = {p->base.fget, p->base.fset, p->base.fdel, p->base.doc};
    for (int i = 0; i < 4; i++)
        if (refs[i] && visit(refs[i], arg)) return -1;
    return 0;
}

static Object *prop_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    return type_generic_alloc(t, 0);
}

static int prop_init(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Object *a[4] = {NULL, NULL, NULL, NULL};
    if (args_parse("property", args, nargs, kwnames, names, 4, 0, a) < 0) return -1;
    PropertyFull *p = (PropertyFull *)o;
    for (int i = 0; i < 4; i++)
        if (a[i] == None) a[i] = NULL;
    SETREF(p->base.fget, XNEWREF(a[0]));
    SETREF(p->base.fset, XNEWREF(a[1]));
    SETREF(p->base.fdel, XNEWREF(a[2]));
    Object *doc = a[3];
    if (!doc && a[0]) {
        int err;
        doc = obj_lookup_attr(a[0], S___doc__, &err);
        if (err) return -1;
        SETREF(p->base.doc, doc);
    } else {
        SETREF(p->base.doc, XNEWREF(doc));
    }
    if (a[0] && !p->name) {
        int err;
        p->name = obj_lookup_attr(a[0], S___name__, &err);
        if (err) err_clear();
    }
    return 0;
}

static Object *prop_name_for_error(PropertyFull *p) {
    return p->name ? NEWREF(p->name) : str_from_cstr("?");
}

static Object *prop_get(Object *o, Object *obj, Object *type) {
    PropertyFull *p = (PropertyFull *)o;
    if (!obj || obj == None) return NEWREF(o);
    if (!p->base.fget) {
        Object *n = prop_name_for_error(p);
        vm_raise(Exc_AttributeError, "property %R of '%s' object has no getter", n, type_name(TYPE(obj)));
        DECREF(n);
        return NULL;
    }
    return obj_call1(p->base.fget, obj);
}

static int prop_set(Object *o, Object *obj, Object *value) {
    PropertyFull *p = (PropertyFull *)o;
    Object *f = value ? p->base.fset : p->base.fdel;
    if (!f) {
        Object *n = prop_name_for_error(p);
        vm_raise(Exc_AttributeError, "property %R of '%s' object has no %s", n, type_name(TYPE(obj)),
                 value ? "setter" : "deleter");
        DECREF(n);
        return -1;
    }
    Object *r = value ? obj_call2(f, obj, value) : obj_call1(f, obj);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

// property.getter/setter/deleter: a copy with one accessor replaced.
static Object *prop_copy(Object *o, Object *get, Object *set, Object *del) {
    PropertyFull *p = (PropertyFull *)o;
    Object *args[4] = {get ? get : (p->base.fget ? p->base.fget : None),
                       set ? set : (p->base.fset ? p->base.fset : None),
                       del ? del : (p->base.fdel ? p->base.fdel : None), p->base.doc ? p->base.doc : None};
    Object *n = obj_call((Object *)TYPE(o), args, 4, NULL);
    if (n && TYPE(n) == &PropertyType && p->name && get == NULL) {
        PropertyFull *q = (PropertyFull *)n;
        SETREF(q->name, NEWREF(p->name));
    }
    return n;
}

static Object *prop_getter(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("getter", nargs, 1, 1) < 0) return NULL;
    return prop_copy(o, args[0], NULL, NULL);
}
static Object *prop_setter(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("setter", nargs, 1, 1) < 0) return NULL;
    return prop_copy(o, NULL, args[0], NULL);
}
static Object *prop_deleter(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("deleter", nargs, 1, 1) < 0) return NULL;
    return prop_copy(o, NULL, NULL, args[0]);
}
static Object *prop_set_name(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("__set_name__", nargs, 2, 2) < 0) return NULL;
    SETREF(((PropertyFull *)o)->name, NEWREF(args[1]));
    RETURN_NONE;
}

static Object *prop_get_fget(Object *o, void *c) { Object *v = ((PropertyObject *)o)->fget; return NEWREF(v ? v : None); }
static Object *prop_get_fset(Object *o, void *c) { Object *v = ((PropertyObject *)o)->fset; return NEWREF(v ? v : None); }
static Object *prop_get_fdel(Object *o, void *c) { Object *v = ((PropertyObject *)o)->fdel; return NEWREF(v ? v : None); }
static Object *prop_get_doc(Object *o, void *c) { Object *v = ((PropertyObject *)o)->doc; return NEWREF(v ? v : None); }
static int prop_set_doc(Object *o, Object *v, void *c) {
    SETREF(((PropertyObject *)o)->doc, XNEWREF(v));
    return 0;
}

static const MethodDef prop_methods[] = {
    {"getter", prop_getter, 0, NULL},
    {"setter", prop_setter, 0, NULL},
    {"deleter", prop_deleter, 0, NULL},
    {"__set_name__", prop_set_name, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef prop_getset[] = {
    {"fget", prop_get_fget, NULL, NULL},
    {"fset", prop_get_fset, NULL, NULL},
    {"fdel", prop_get_fdel, NULL, NULL},
    {"__doc__", prop_get_doc, prop_set_doc, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject PropertyType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "property",
    .basicsize = sizeof(PropertyFull),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .dealloc = prop_dealloc,
    .traverse = prop_traverse,
    .descr_get = prop_get,
    .descr_set = prop_set,
    .tp_new = prop_tp_new,
    .init = prop_init,
    .methods = prop_methods,
    .getset = prop_getset,
};

// ---- super ----------------------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    TypeObject *type;       // the class where the lookup starts (after it)
    Object *obj;            // the instance or class, or NULL
    TypeObject *obj_type;   // type(obj), or obj when it is a class
} SuperObject;

static void super_dealloc(Object *o) {
    SuperObject *s = (SuperObject *)o;
    XDECREF(s->type);
    XDECREF(s->obj);
    XDECREF(s->obj_type);
    obj_free(o);
}

static int super_traverse(Object *o, visitproc visit, void *arg) {
    SuperObject *s = (SuperObject *)o;
    if (s->obj && visit(s->obj, arg)) return -1;
    return 0;
}

static TypeObject *super_check(TypeObject *type, Object *obj) {
    if (TYPE_CHECK(obj) && type_is_subtype((TypeObject *)obj, type)) return (TypeObject *)NEWREF(obj);
    if (type_is_subtype(TYPE(obj), type)) return (TypeObject *)NEWREF(TYPE(obj));
    int err;
    Object *cls = obj_lookup_attr(obj, S___class__, &err);
    if (cls && TYPE_CHECK(cls) && (TypeObject *)cls != TYPE(obj) && type_is_subtype((TypeObject *)cls, type))
        return (TypeObject *)cls;
    XDECREF(cls);
    if (!err)
        vm_raise(Exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static Object *super_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    return type_generic_alloc(t, 0);
}

static int super_init(Object *o, Object *const *args, ssize_t nargs, Object *kwnames) {
    SuperObject *s = (SuperObject *)o;
    if (args_no_kw("super", kwnames) < 0 || args_count("super", nargs, 0, 2) < 0) return -1;
    Object *type = nargs > 0 ? args[0] : NULL, *obj = nargs > 1 ? args[1] : NULL;
    if (!type) {
        // Zero-argument form: __class__ cell and the first argument of the caller.
        Frame *f = tstate_get()->frame;
        if (!f || !f->code || f->code->argcount == 0) {
            vm_raise(Exc_RuntimeError, "super(): no arguments");
            return -1;
        }
        CodeObject *co = f->code;
        Object *first = f->localsplus[0];
        if (first && (co->localspluskinds[0] & CO_FAST_CELL) && TYPE(first) == &CellType)
            first = ((CellObject *)first)->ref;
        if (!first) {
            vm_raise(Exc_RuntimeError, "super(): arg[0] deleted");
            return -1;
        }
        Object *cls = NULL;
        for (int i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus; i++) {
            Object *nm = TUPLE_ITEMS(co->localsplusnames)[i];
            if (strcmp(STR_DATA(nm), "__class__") == 0) {
                Object *cell = f->localsplus[i];
                if (!cell || TYPE(cell) != &CellType) {
                    vm_raise(Exc_RuntimeError, "super(): bad __class__ cell");
                    return -1;
                }
                cls = ((CellObject *)cell)->ref;
                if (!cls) {
                    vm_raise(Exc_RuntimeError, "super(): empty __class__ cell");
                    return -1;
                }
                break;
            }
        }
        if (!cls) {
            vm_raise(Exc_RuntimeError, "super(): __class__ cell not found");
            return -1;
        }
        type = cls;
        obj = first;
    }
    if (!TYPE_CHECK(type)) {
        vm_raise(Exc_TypeError, "super() argument 1 must be a type, not %s", type_name(TYPE(type)));
        return -1;
    }
    TypeObject *ot = NULL;
    if (obj == None) obj = NULL;
    if (obj && !(ot = super_check((TypeObject *)type, obj))) return -1;
    SETREF(s->type, NEWREF(type));
    SETREF(s->obj, XNEWREF(obj));
    SETREF(s->obj_type, (Object *)ot);
    return 0;
}

static Object *super_getattro(Object *o, Object *name) {
    SuperObject *s = (SuperObject *)o;
    TypeObject *start = s->obj_type;
    if (start && !(STR_NBYTES(name) == 9 && strcmp(STR_DATA(name), "__class__") == 0)) {
        Object *mro = start->mro;
        ssize_t n = TUPLE_SIZE(mro), i = 0;
        while (i < n && TUPLE_ITEMS(mro)[i] != (Object *)s->type) i++;
        for (i++; i < n; i++) {
            Object *dict = ((TypeObject *)TUPLE_ITEMS(mro)[i])->dict;
            Object *res = dict_getitem(dict, name);
            if (res) {
                descrgetfunc f = TYPE(res)->descr_get;
                if (f) return f(res, s->obj == (Object *)start ? NULL : s->obj, (Object *)start);
                return NEWREF(res);
            }
        }
    }
    Object *r = obj_generic_getattr(o, name);
    if (!r && err_matches(Exc_AttributeError)) {
        err_clear();
        vm_raise(Exc_AttributeError, "'super' object has no attribute '%U'", name);
    }
    return r;
}

static Object *super_repr(Object *o) {
    SuperObject *s = (SuperObject *)o;
    if (s->obj_type)
        return str_from_format("<super: <class '%s'>, <%s object>>", s->type ? s->type->name : "NULL",
                               s->obj_type->name);
    return str_from_format("<super: <class '%s'>, NULL>", s->type ? s->type->name : "NULL");
}

static Object *super_get_thisclass(Object *o, void *c) {
    Object *t = (Object *)((SuperObject *)o)->type;
    return NEWREF(t ? t : None);
}
static Object *super_get_self(Object *o, void *c) {
    Object *t = ((SuperObject *)o)->obj;
    return NEWREF(t ? t : None);
}

static const GetSetDef super_getset[] = {
    {"__thisclass__", super_get_thisclass, NULL, NULL},
    {"__self__", super_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject SuperType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "super",
    .basicsize = sizeof(SuperObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .dealloc = super_dealloc,
    .traverse = super_traverse,
    .repr = super_repr,
    .getattro = super_getattro,
    .tp_new = super_tp_new,
    .init = super_init,
    .getset = super_getset,
};
