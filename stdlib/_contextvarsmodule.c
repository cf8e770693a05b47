// The _contextvars module (CPython's Python/context.c, PEP 567): ContextVar,
// Token and Context; `contextvars` (stdlib/lib/contextvars.py) re-exports them.
//
// Each thread has a current Context (ThreadState.context, made on first use,
// empty in a new thread as in CPython 3.11). A Context maps ContextVars to
// values. CPython keeps the mapping in an immutable HAMT so that
// copy_context() is O(1); minipy keeps a dict shared copy-on-write: a copy
// shares its source's dict, and ContextVar.set() writes into the current
// context's dict in place only when no other Context (or view) holds it, and
// otherwise into a fresh copy. So copy_context() costs one small object, as
// asyncio needs (every Task and every callback handle takes a copy), and a
// set() after a copy costs a dict copy (the HAMT would cost O(log n)).
//
// Context.run(fn, *args) makes the context current for the call; a context
// can be entered by one caller at a time ("cannot enter context: ... is
// already entered"). ContextVar.set() returns a Token that reset() uses to
// restore the previous value, once, in the same context.
#include "../vm/runtime.h"
#include "../vm/objects/dict.h"
#include "../vm/gc.h"
#include "modules.h"

typedef struct {
    OBJ_HEAD;
    Object *vars;               // dict ContextVar -> value; shared copy-on-write
    Object *prev;               // while entered: the context that was current before
    bool entered;
} ContextObject;

typedef struct {
    OBJ_HEAD;
    Object *name;
    Object *default_value;      // or NULL
} ContextVarObject;

typedef struct {
    OBJ_HEAD;
    ContextObject *ctx;
    ContextVarObject *var;
    Object *old_value;          // Token.MISSING if the variable had no value
    bool used;
} TokenObject;

static TypeObject ContextType, ContextVarType, TokenType, TokenMissingType;
static Object token_missing = OBJ_HEAD_INIT(&TokenMissingType);

#define CONTEXT_CHECK(o) (TYPE(o) == &ContextType)
#define VAR_CHECK(o) (TYPE(o) == &ContextVarType)

static ContextObject *context_alloc(Object *vars) {
    ContextObject *c = (ContextObject *)obj_alloc(&ContextType, sizeof(ContextObject));
    if (!c) return NULL;
    c->vars = vars;
    c->prev = NULL;
    c->entered = false;
    return c;
}

static ContextObject *context_new_empty(void) {
    Object *d = dict_new();
    if (!d) return NULL;
    ContextObject *c = context_alloc(d);
    if (!c) DECREF(d);
    return c;
}

// The thread's current context (borrowed), made empty on first use.
static ContextObject *context_current(void) {
    ThreadState *ts = tstate_get();
    if (!ts->context && !(ts->context = (Object *)context_new_empty())) return NULL;
    return (ContextObject *)ts->context;
}

static ContextObject *context_copy(ContextObject *c) { return context_alloc(NEWREF(c->vars)); }

// Makes c's dict its own before a write (copy-on-write: see the top).
static int context_own_vars(ContextObject *c) {
    if (REFCNT(c->vars) == 1) return 0;
    Object *d = dict_copy(c->vars);
    if (!d) return -1;
    Object *old = c->vars;
    c->vars = d;
    ft_mark_shared(old);  // another thread may be reading the old dict
    DECREF(old);
    return 0;
}

static int check_var_key(Object *key) {
    if (VAR_CHECK(key)) return 0;
    vm_raise(Exc_TypeError, "a ContextVar key was expected, got %R", key);
    return -1;
}

// ---- Context ------------------------------------------------------------------------------

static Object *context_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
        return vm_raise(Exc_TypeError, "Context() does not accept any arguments");
    return (Object *)context_new_empty();
}

static void context_dealloc(Object *self) {
    ContextObject *c = (ContextObject *)self;
    XDECREF(c->vars);
    XDECREF(c->prev);
    obj_free(self);
}

static int context_traverse(Object *self, visitproc visit, void *arg) {
    ContextObject *c = (ContextObject *)self;
    if (c->vars && visit(c->vars, arg)) return -1;
    if (c->prev && visit(c->prev, arg)) return -1;
    return 0;
}

static int context_clear(Object *self) {
    ContextObject *c = (ContextObject *)self;
    CLEAR(c->vars);
    CLEAR(c->prev);
    return 0;
}

int context_enter(Object *ctx) {
    ContextObject *c = (ContextObject *)ctx;
    if (c->entered) {
        vm_raise(Exc_RuntimeError, "cannot enter context: %R is already entered", ctx);
        return -1;
    }
    ThreadState *ts = tstate_get();
    c->prev = ts->context;  // takes over the thread's reference
    c->entered = true;
    ts->context = NEWREF(c);
    return 0;
}

// The call in between may have entered other contexts, but run() and the
// event loop leave them again before returning: ts->context is c again.
void context_exit(Object *ctx) {
    ContextObject *c = (ContextObject *)ctx;
    ThreadState *ts = tstate_get();
    DECREF(ts->context);
    ts->context = c->prev;
    c->prev = NULL;
    c->entered = false;
}

// Runs fn(*args, **kw) with c as the thread's current context.
static Object *context_run_impl(ContextObject *c, Object *fn, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (context_enter((Object *)c) < 0) return NULL;
    Object *r = obj_call(fn, args, nargs, kwnames);
    context_exit((Object *)c);
    return r;
}

static Object *context_run(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs < 1) return vm_raise(Exc_TypeError, "run() missing 1 required positional argument");
    return context_run_impl((ContextObject *)self, args[0], args + 1, nargs - 1, kwnames);
}

static Object *context_copy_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("copy", kwnames) < 0 || args_count("copy", nargs, 0, 0) < 0) return NULL;
    return (Object *)context_copy((ContextObject *)self);
}

static Object *context_get(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("get", kwnames) < 0 || args_count("get", nargs, 1, 2) < 0) return NULL;
    if (check_var_key(args[0]) < 0) return NULL;
    Object *v = dict_getitem(((ContextObject *)self)->vars, args[0]);
    if (v) return NEWREF(v);
    if (err_occurred()) return NULL;
    return NEWREF(nargs > 1 ? args[1] : None);
}

static Object *context_subscript(Object *self, Object *key) {
    if (check_var_key(key) < 0) return NULL;
    Object *v = dict_getitem(((ContextObject *)self)->vars, key);
    if (v) return NEWREF(v);
    if (!err_occurred()) err_set_value(Exc_KeyError, key);
    return NULL;
}

static int context_contains(Object *self, Object *key) {
    if (check_var_key(key) < 0) return -1;
    return dict_contains(((ContextObject *)self)->vars, key);
}

static ssize_t context_length(Object *self) { return DICT_SIZE(((ContextObject *)self)->vars); }

// Iteration and the views see the mapping as it is now: the view holds the
// dict, so a later set() in this context writes into a copy.
static Object *context_iter(Object *self) { return obj_getiter(((ContextObject *)self)->vars); }

static Object *context_view(Object *self, const char *name) {
    Object *vars = ((ContextObject *)self)->vars;
    return obj_call_method(vars, name, NULL, 0);
}

static Object *context_keys(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("keys", kwnames) < 0 || args_count("keys", nargs, 0, 0) < 0) return NULL;
    return context_view(self, "keys");
}

static Object *context_values(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("values", kwnames) < 0 || args_count("values", nargs, 0, 0) < 0) return NULL;
    return context_view(self, "values");
}

static Object *context_items(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("items", kwnames) < 0 || args_count("items", nargs, 0, 0) < 0) return NULL;
    return context_view(self, "items");
}

static Object *context_richcompare(Object *a, Object *b, int op) {
    if (!CONTEXT_CHECK(b) || (op != CMP_EQ_OP && op != CMP_NE_OP)) return NEWREF(NotImplemented);
    return obj_richcompare(((ContextObject *)a)->vars, ((ContextObject *)b)->vars, op);
}

static const MethodDef context_methods[] = {
    {"run", context_run, 0, NULL},
    {"copy", context_copy_method, 0, NULL},
    {"get", context_get, 0, NULL},
    {"keys", context_keys, 0, NULL},
    {"values", context_values, 0, NULL},
    {"items", context_items, 0, NULL},
    {NULL, NULL, 0, NULL}};

static TypeObject ContextType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_contextvars.Context",
    .basicsize = sizeof(ContextObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = context_dealloc,
    .traverse = context_traverse,
    .clear = context_clear,
    .richcompare = context_richcompare,
    .getattro = obj_generic_getattr,
    .iter = context_iter,
    .tp_new = context_tp_new,
    .sq_length = context_length,
    .mp_subscript = context_subscript,
    .sq_contains = context_contains,
    .methods = context_methods,
};

// ---- ContextVar ---------------------------------------------------------------------------

static Object *var_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"name", "$default"};
    Object *a[2] = {NULL, NULL};
    if (nargs > 1) return vm_raise(Exc_TypeError, "ContextVar() takes at most 1 positional argument (%zd given)", nargs);
    if (args_parse("ContextVar", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
    if (!STR_CHECK(a[0])) return vm_raise(Exc_TypeError, "context variable name must be a str");
    ContextVarObject *v = (ContextVarObject *)obj_alloc(&ContextVarType, sizeof(ContextVarObject));
    if (!v) return NULL;
    v->name = NEWREF(a[0]);
    v->default_value = a[1] ? NEWREF(a[1]) : NULL;
    return (Object *)v;
}

static void var_dealloc(Object *self) {
    ContextVarObject *v = (ContextVarObject *)self;
    XDECREF(v->name);
    XDECREF(v->default_value);
    obj_free(self);
}

static int var_traverse(Object *self, visitproc visit, void *arg) {
    ContextVarObject *v = (ContextVarObject *)self;
    return v->default_value && visit(v->default_value, arg) ? -1 : 0;
}

static int var_clear(Object *self) {
    CLEAR(((ContextVarObject *)self)->default_value);
    return 0;
}

static Object *var_repr(Object *self) {
    ContextVarObject *v = (ContextVarObject *)self;
    if (v->default_value)
        return str_from_format("<ContextVar name=%R default=%R at %p>", v->name, v->default_value, (void *)self);
    return str_from_format("<ContextVar name=%R at %p>", v->name, (void *)self);
}

static Object *var_get(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("get", kwnames) < 0 || args_count("get", nargs, 0, 1) < 0) return NULL;
    ContextObject *c = context_current();
    if (!c) return NULL;
    Object *v = dict_getitem(c->vars, self);
    if (v) return NEWREF(v);
    if (err_occurred()) return NULL;
    if (nargs) return NEWREF(args[0]);
    ContextVarObject *var = (ContextVarObject *)self;
    if (var->default_value) return NEWREF(var->default_value);
    err_set_value(Exc_LookupError, self);
    return NULL;
}

// Sets (value != NULL) or removes the variable in the current context.
static int var_store(ContextVarObject *var, Object *value) {
    ContextObject *c = context_current();
    if (!c || context_own_vars(c) < 0) return -1;
    if (value) return dict_setitem(c->vars, (Object *)var, value);
    int r = dict_pop(c->vars, (Object *)var, NULL);
    return r < 0 ? -1 : 0;
}

static Object *var_set(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("set", kwnames) < 0 || args_count("set", nargs, 1, 1) < 0) return NULL;
    ContextObject *c = context_current();
    if (!c) return NULL;
    Object *old = dict_getitem(c->vars, self);
    if (!old && err_occurred()) return NULL;
    TokenObject *t = (TokenObject *)obj_alloc(&TokenType, sizeof(TokenObject));
    if (!t) return NULL;
    t->ctx = (ContextObject *)NEWREF(c);
    t->var = (ContextVarObject *)NEWREF(self);
    t->old_value = NEWREF(old ? old : &token_missing);
    t->used = false;
    if (var_store((ContextVarObject *)self, args[0]) < 0) {
        DECREF(t);
        return NULL;
    }
    return (Object *)t;
}

static Object *var_reset(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("reset", kwnames) < 0 || args_count("reset", nargs, 1, 1) < 0) return NULL;
    if (TYPE(args[0]) != &TokenType)
        return vm_raise(Exc_TypeError, "expected an instance of Token, got %R", args[0]);
    TokenObject *t = (TokenObject *)args[0];
    if (t->used) return vm_raise(Exc_RuntimeError, "%R has already been used once", (Object *)t);
    if ((Object *)t->var != self) return vm_raise(Exc_ValueError, "%R was created by a different ContextVar", (Object *)t);
    ContextObject *c = context_current();
    if (!c) return NULL;
    if (t->ctx != c) return vm_raise(Exc_ValueError, "%R was created in a different Context", (Object *)t);
    t->used = true;
    if (var_store(t->var, t->old_value == &token_missing ? NULL : t->old_value) < 0) return NULL;
    RETURN_NONE;
}

static Object *var_get_name(Object *o, void *c) { return NEWREF(((ContextVarObject *)o)->name); }

static const MethodDef var_methods[] = {
    {"get", var_get, 0, NULL},
    {"set", var_set, 0, NULL},
    {"reset", var_reset, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef var_getset[] = {
    {"name", var_get_name, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

static TypeObject ContextVarType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_contextvars.ContextVar",
    .basicsize = sizeof(ContextVarObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = var_dealloc,
    .traverse = var_traverse,
    .clear = var_clear,
    .repr = var_repr,
    .getattro = obj_generic_getattr,
    .tp_new = var_tp_new,
    .methods = var_methods,
    .getset = var_getset,
};

// ---- Token --------------------------------------------------------------------------------

static void token_dealloc(Object *self) {
    TokenObject *t = (TokenObject *)self;
    XDECREF(t->ctx);
    XDECREF(t->var);
    XDECREF(t->old_value);
    obj_free(self);
}

static int token_traverse(Object *self, visitproc visit, void *arg) {
    TokenObject *t = (TokenObject *)self;
    if (t->ctx && visit((Object *)t->ctx, arg)) return -1;
    if (t->var && visit((Object *)t->var, arg)) return -1;
    if (t->old_value && visit(t->old_value, arg)) return -1;
    return 0;
}

static int token_clear(Object *self) {
    TokenObject *t = (TokenObject *)self;
    CLEAR(t->ctx);
    CLEAR(t->var);
    CLEAR(t->old_value);
    return 0;
}

static Object *token_repr(Object *self) {
    TokenObject *t = (TokenObject *)self;
    return str_from_format("<Token%s var=%R at %p>", t->used ? " used" : "", (Object *)t->var, (void *)self);
}

static Object *token_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    return vm_raise(Exc_RuntimeError, "Tokens can only be created by ContextVars");
}

static Object *token_get_var(Object *o, void *c) { return NEWREF(((TokenObject *)o)->var); }
static Object *token_get_old_value(Object *o, void *c) { return NEWREF(((TokenObject *)o)->old_value); }

static const GetSetDef token_getset[] = {
    {"var", token_get_var, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

static TypeObject TokenType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_contextvars.Token",
    .basicsize = sizeof(TokenObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = token_dealloc,
    .traverse = token_traverse,
    .clear = token_clear,
    .repr = token_repr,
    .getattro = obj_generic_getattr,
    .tp_new = token_tp_new,
    .getset = token_getset,
};

static Object *missing_repr(Object *self) { return str_from_cstr("<Token.MISSING>"); }

static TypeObject TokenMissingType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "Token.MISSING",
    .basicsize = sizeof(Object),
    .repr = missing_repr,
    .getattro = obj_generic_getattr,
};

// ---- The module ---------------------------------------------------------------------------

static Object *cv_copy_context(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("copy_context", kwnames) < 0 || args_count("copy_context", nargs, 0, 0) < 0) return NULL;
    ContextObject *c = context_current();
    return c ? (Object *)context_copy(c) : NULL;
}

Object *context_copy_current(void) {
    ContextObject *c = context_current();
    return c ? (Object *)context_copy(c) : NULL;
}

bool context_check(Object *o) { return CONTEXT_CHECK(o); }

Object *context_run_vector(Object *ctx, Object *fn, Object *const *args, ssize_t nargs) {
    return context_run_impl((ContextObject *)ctx, fn, args, nargs, NULL);
}

static const MethodDef cv_functions[] = {
    {"copy_context", cv_copy_context, 0, NULL},
    {NULL, NULL, 0, NULL}};

Object *module_init__contextvars(void) {
    type_ready(&ContextType);
    type_ready(&ContextVarType);
    type_ready(&TokenType);
    type_ready(&TokenMissingType);
    if (dict_setitem_str(TokenType.dict, "MISSING", &token_missing) < 0) return NULL;
    Object *m = module_new_cstr("_contextvars");
    if (!m) return NULL;
    if (module_add_functions(m, cv_functions) < 0 || module_add_object(m, "Context", (Object *)&ContextType) < 0 ||
        module_add_object(m, "ContextVar", (Object *)&ContextVarType) < 0 ||
        module_add_object(m, "Token", (Object *)&TokenType) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
