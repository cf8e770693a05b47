// Exception groups (PEP 654): BaseExceptionGroup and ExceptionGroup, their
// split/subgroup/derive, and the two helpers behind `except*`
// (CPython 3.11's BaseExceptionGroup in Objects/exceptions.c and the
// CHECK_EG_MATCH / PREP_RERAISE_STAR support in Python/ceval.c).
//
// A group holds a message (a str) and a non-empty tuple of exceptions, which
// may be groups themselves: a tree whose leaves are plain exceptions.
// split(cond) walks the tree and rebuilds two trees, the leaves that match
// and the rest, each interior node rebuilt by derive() and given the
// original node's traceback, cause, context and a copy of its notes, so a
// part looks like the group it came from. `except*` is built on that:
// CHECK_EG_MATCH splits the exception being handled by the clause's type,
// and PREP_RERAISE_STAR puts what the handlers raised and what none of them
// handled back together once all clauses have run.
#include "runtime.h"

#include <stdlib.h>

static bool is_group(Object *o) { return type_is_subtype(TYPE(o), Exc_BaseExceptionGroup); }

// PySequence_Check: has __getitem__ and is not a dict.
static bool is_sequence(Object *o) {
    if (LIST_CHECK(o) || TUPLE_CHECK(o) || STR_CHECK(o)) return true;
    if (DICT_CHECK(o)) return false;
    return type_lookup(TYPE(o), S___getitem__) != NULL;
}

// BaseExceptionGroup.__new__(cls, message, exceptions): validates the
// arguments and picks the class (BaseExceptionGroup of Exceptions only
// makes an ExceptionGroup). Keyword arguments are left to __init__.
static Object *eg_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    (void)kwnames;
    if (nargs != 2)
        return vm_raise(Exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)", nargs);
    Object *message = args[0], *seq = args[1];
    if (!STR_CHECK(message))
        return vm_raise(Exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        TYPE(message) == &NoneType ? "None" : type_name(TYPE(message)));
    if (!is_sequence(seq)) return vm_raise(Exc_TypeError, "second argument (exceptions) must be a sequence");
    Object *excs = tuple_from_iter(seq);
    if (!excs) return NULL;
    ssize_t n = TUPLE_SIZE(excs);
    if (n == 0) {
        DECREF(excs);
        return vm_raise(Exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    }
    bool nested_base = false;
    for (ssize_t i = 0; i < n; i++) {
        Object *e = TUPLE_ITEMS(excs)[i];
        if (!EXC_CHECK(e)) {
            DECREF(excs);
            return vm_raise(Exc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
        }
        if (!type_is_subtype(TYPE(e), Exc_Exception)) nested_base = true;
    }
    TypeObject *cls = type;
    if (cls == Exc_BaseExceptionGroup) {
        if (!nested_base) cls = Exc_ExceptionGroup;
    } else if (cls == Exc_ExceptionGroup) {
        if (nested_base) {
            DECREF(excs);
            return vm_raise(Exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if (nested_base && type_is_subtype(cls, Exc_Exception)) {
        DECREF(excs);
        return vm_raise(Exc_TypeError, "Cannot nest BaseExceptions in '%s'", type_name(cls));
    }
    BaseExceptionGroupObject *eg = (BaseExceptionGroupObject *)type_generic_alloc(cls, 0);
    if (!eg) {
        DECREF(excs);
        return NULL;
    }
    eg->base.args = tuple_from_array(args, nargs);
    if (!eg->base.args) {
        DECREF(excs);
        DECREF(eg);
        return NULL;
    }
    eg->msg = NEWREF(message);
    eg->excs = excs;
    return (Object *)eg;
}

static void eg_dealloc(Object *self) {
    BaseExceptionGroupObject *eg = (BaseExceptionGroupObject *)self;
    CLEAR(eg->msg);
    CLEAR(eg->excs);
    Exc_BaseException->dealloc(self);
}

static int eg_traverse(Object *self, visitproc visit, void *arg) {
    BaseExceptionGroupObject *eg = (BaseExceptionGroupObject *)self;
    if (eg->msg && visit(eg->msg, arg)) return -1;
    if (eg->excs && visit(eg->excs, arg)) return -1;
    return Exc_BaseException->traverse(self, visit, arg);
}

static int eg_clear(Object *self) {
    BaseExceptionGroupObject *eg = (BaseExceptionGroupObject *)self;
    CLEAR(eg->msg);
    CLEAR(eg->excs);
    return Exc_BaseException->clear(self);
}

// "msg (N sub-exceptions)".
static Object *eg_str(Object *self) {
    BaseExceptionGroupObject *eg = (BaseExceptionGroupObject *)self;
    ssize_t n = eg->excs ? TUPLE_SIZE(eg->excs) : 0;
    return str_from_format("%S (%zd sub-exception%s)", eg->msg ? eg->msg : None, n, n > 1 ? "s" : "");
}

static Object *eg_get_message(Object *self, void *c) {
    (void)c;
    Object *m = ((BaseExceptionGroupObject *)self)->msg;
    return NEWREF(m ? m : None);
}

static Object *eg_get_exceptions(Object *self, void *c) {
    (void)c;
    Object *e = ((BaseExceptionGroupObject *)self)->excs;
    return NEWREF(e ? e : None);
}

// The members are read-only, as CPython's READONLY members.
static int eg_set_readonly(Object *self, Object *v, void *c) {
    (void)self, (void)v, (void)c;
    vm_raise(Exc_AttributeError, "readonly attribute");
    return -1;
}

// derive(excs): a group like this one (same message) holding excs.
static Object *eg_derive(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("derive", kwnames) < 0 || args_count("derive", nargs, 1, 1) < 0) return NULL;
    Object *msg = ((BaseExceptionGroupObject *)self)->msg;
    Object *a[2] = {msg ? msg : None, args[0]};
    return type_call((Object *)Exc_BaseExceptionGroup, a, 2, NULL);
}

typedef enum { MATCH_BY_TYPE, MATCH_PREDICATE, MATCH_INSTANCE_IDS } MatcherKind;

// The leaves kept by PREP_RERAISE_STAR, by identity.
typedef struct {
    Object **items;
    size_t n, cap;
} LeafSet;

static int matcher_kind(Object *value, MatcherKind *kind) {
    if (TYPE(value) == &FunctionType) {
        *kind = MATCH_PREDICATE;
        return 0;
    }
    if (EXC_TYPE_CHECK(value)) {
        *kind = MATCH_BY_TYPE;
        return 0;
    }
    if (TUPLE_CHECK_EXACT(value)) {
        bool ok = true;
        for (ssize_t i = 0; i < TUPLE_SIZE(value) && ok; i++) ok = EXC_TYPE_CHECK(TUPLE_ITEMS(value)[i]);
        if (ok) {
            *kind = MATCH_BY_TYPE;
            return 0;
        }
    }
    vm_raise(Exc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

// 1 if exc matches, 0 if not, -1 on error.
static int check_match(Object *exc, MatcherKind kind, Object *value, LeafSet *ids) {
    switch (kind) {
    case MATCH_BY_TYPE:
        return exc_matches(exc, value);
    case MATCH_PREDICATE: {
        Object *r = obj_call(value, &exc, 1, NULL);
        if (!r) return -1;
        int t = obj_istrue(r);
        DECREF(r);
        return t;
    }
    case MATCH_INSTANCE_IDS:
        if (is_group(exc)) return 0;
        for (size_t i = 0; i < ids->n; i++)
            if (ids->items[i] == exc) return 1;
        return 0;
    }
    return 0;
}

// exceptiongroup_subset: orig.derive(excs) with orig's traceback, cause,
// context and a copy of its notes; *result NULL when excs is empty.
static int eg_subset(Object *orig, Object *excs, Object **result) {
    *result = NULL;
    if (LIST_SIZE(excs) == 0) return 0;
    Object *eg = obj_call_method(orig, "derive", &excs, 1);
    if (!eg) return -1;
    if (!is_group(eg)) {
        DECREF(eg);
        vm_raise(Exc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return -1;
    }
    BaseExceptionObject *o = (BaseExceptionObject *)orig;
    if (o->traceback) exc_set_traceback(eg, o->traceback);
    exc_set_context(eg, XNEWREF(o->context));
    exc_set_cause(eg, XNEWREF(o->cause));  // and __suppress_context__, as PyException_SetCause
    int err;
    Object *notes = obj_lookup_attr(orig, str_intern_cstr("__notes__"), &err);
    if (err) {
        DECREF(eg);
        return -1;
    }
    if (notes) {
        if (is_sequence(notes)) {
            Object *copy = list_from_iter(notes);
            int r = copy ? obj_setattr(eg, str_intern_cstr("__notes__"), copy) : -1;
            XDECREF(copy);
            if (r < 0) {
                DECREF(notes);
                DECREF(eg);
                return -1;
            }
        }
        DECREF(notes);
    }
    *result = eg;
    return 0;
}

// exceptiongroup_split_recursive: *match and (when want_rest) *rest get new
// references or NULL.
static int split_recursive(Object *exc, MatcherKind kind, Object *value, LeafSet *ids, bool want_rest,
                           Object **match, Object **rest) {
    *match = NULL;
    *rest = NULL;
    int m = check_match(exc, kind, value, ids);
    if (m < 0) return -1;
    if (m) {
        *match = NEWREF(exc);
        return 0;
    }
    if (!is_group(exc)) {
        if (want_rest) *rest = NEWREF(exc);
        return 0;
    }
    // A partial match: split each member, then rebuild both sides.
    Object *excs = ((BaseExceptionGroupObject *)exc)->excs;
    Object *match_list = list_new(0), *rest_list = want_rest ? list_new(0) : NULL;
    int ret = -1;
    if (!match_list || (want_rest && !rest_list)) goto done;
    INCREF(excs);
    for (ssize_t i = 0; i < TUPLE_SIZE(excs); i++) {
        Object *rm, *rr;
        if (enter_recursive_call(" in exceptiongroup_split_recursive") < 0) {
            DECREF(excs);
            goto done;
        }
        int r = split_recursive(TUPLE_ITEMS(excs)[i], kind, value, ids, want_rest, &rm, &rr);
        leave_recursive_call();
        if (r < 0) {
            DECREF(excs);
            goto done;
        }
        int bad = (rm && list_append(match_list, rm) < 0) || (rr && list_append(rest_list, rr) < 0);
        XDECREF(rm);
        XDECREF(rr);
        if (bad) {
            DECREF(excs);
            goto done;
        }
    }
    DECREF(excs);
    if (eg_subset(exc, match_list, match) < 0) goto done;
    if (want_rest && eg_subset(exc, rest_list, rest) < 0) {
        CLEAR(*match);
        goto done;
    }
    ret = 0;
done:
    XDECREF(match_list);
    XDECREF(rest_list);
    return ret;
}

static Object *eg_split(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("split", kwnames) < 0 || args_count("split", nargs, 1, 1) < 0) return NULL;
    MatcherKind kind;
    if (matcher_kind(args[0], &kind) < 0) return NULL;
    Object *match, *rest;
    if (split_recursive(self, kind, args[0], NULL, true, &match, &rest) < 0) return NULL;
    Object *r = tuple_pack(2, match ? match : None, rest ? rest : None);
    XDECREF(match);
    XDECREF(rest);
    return r;
}

static Object *eg_subgroup(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("subgroup", kwnames) < 0 || args_count("subgroup", nargs, 1, 1) < 0) return NULL;
    MatcherKind kind;
    if (matcher_kind(args[0], &kind) < 0) return NULL;
    Object *match, *rest;
    if (split_recursive(self, kind, args[0], NULL, false, &match, &rest) < 0) return NULL;
    return match ? match : NEWREF(None);
}

static const MethodDef eg_methods[] = {
    {"derive", eg_derive, 0, NULL},
    {"split", eg_split, 0, NULL},
    {"subgroup", eg_subgroup, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const GetSetDef eg_getset[] = {
    {"message", eg_get_message, eg_set_readonly, NULL},
    {"exceptions", eg_get_exceptions, eg_set_readonly, NULL},
    {NULL, NULL, NULL, NULL}};

void excgroup_init_type(TypeObject *t) {
    t->basicsize = sizeof(BaseExceptionGroupObject);
    t->tp_new = eg_tp_new;
    t->dealloc = eg_dealloc;
    t->traverse = eg_traverse;
    t->clear = eg_clear;
    t->str = eg_str;
    t->methods = eg_methods;
    t->getset = eg_getset;
    t->doc = "A combination of multiple unrelated exceptions.";
}

// ---- except* -------------------------------------------------------------------------------

// BaseExceptionGroup("", excs) (a tuple or list, borrowed).
static Object *make_group(Object *excs) {
    Object *a[2] = {str_from_cstr(""), excs};
    if (!a[0]) return NULL;
    Object *r = type_call((Object *)Exc_BaseExceptionGroup, a, 2, NULL);
    DECREF(a[0]);
    return r;
}

int excgroup_match(Object *exc, Object *type, Object **match, Object **rest) {
    *match = *rest = NULL;
    if (exc == None) {
        *match = NEWREF(None);
        *rest = NEWREF(None);
        return 0;
    }
    if (exc_matches(exc, type)) {
        if (is_group(exc)) {
            *match = NEWREF(exc);
        } else {
            // A naked exception: wrapped in a group with an empty message.
            Object *t = tuple_pack(1, exc);
            *match = t ? make_group(t) : NULL;
            XDECREF(t);
            if (!*match) return -1;
        }
        *rest = NEWREF(None);
        return 0;
    }
    if (is_group(exc)) {
        Object *pair = obj_call_method(exc, "split", &type, 1);
        if (!pair) return -1;
        if (!TUPLE_CHECK(pair) || TUPLE_SIZE(pair) != 2) {
            DECREF(pair);
            vm_raise(Exc_TypeError, "split must return a 2-tuple");
            return -1;
        }
        *match = NEWREF(TUPLE_ITEMS(pair)[0]);
        *rest = NEWREF(TUPLE_ITEMS(pair)[1]);
        DECREF(pair);
        return 0;
    }
    *match = NEWREF(None);
    *rest = NEWREF(None);
    return 0;
}

// Adds the leaves of exc (a group or a leaf) to ids.
static int collect_leaves(Object *exc, LeafSet *ids) {
    if (exc == None) return 0;
    if (!is_group(exc)) {
        if (ids->n == ids->cap) {
            size_t cap = ids->cap ? ids->cap * 2 : 8;
            Object **it = realloc(ids->items, cap * sizeof *it);
            if (!it) {
                err_no_memory();
                return -1;
            }
            ids->items = it;
            ids->cap = cap;
        }
        ids->items[ids->n++] = exc;
        return 0;
    }
    Object *excs = ((BaseExceptionGroupObject *)exc)->excs;
    for (ssize_t i = 0; i < TUPLE_SIZE(excs); i++) {
        if (enter_recursive_call(" in collect_exception_group_leaf_ids") < 0) return -1;
        int r = collect_leaves(TUPLE_ITEMS(excs)[i], ids);
        leave_recursive_call();
        if (r < 0) return -1;
    }
    return 0;
}

// The part of group eg whose leaves are among the leaves of the groups in
// keep (a list), with eg's structure and metadata; None when there is none.
static Object *projection(Object *eg, Object *keep) {
    LeafSet ids = {NULL, 0, 0};
    for (ssize_t i = 0; i < LIST_SIZE(keep); i++) {
        if (collect_leaves(LIST_ITEMS(keep)[i], &ids) < 0) {
            free(ids.items);
            return NULL;
        }
    }
    Object *match, *rest;
    int r = split_recursive(eg, MATCH_INSTANCE_IDS, NULL, &ids, false, &match, &rest);
    free(ids.items);
    if (r < 0) return NULL;
    return match ? match : NEWREF(None);
}

// Was e re-raised from orig (a bare `raise` in a handler) rather than raised anew?
static bool same_metadata(Object *e, Object *orig) {
    BaseExceptionObject *a = (BaseExceptionObject *)e, *b = (BaseExceptionObject *)orig;
    return a->traceback == b->traceback && a->cause == b->cause && a->context == b->context;
}

Object *excgroup_prep_reraise_star(Object *orig, Object *excs) {
    ssize_t n = LIST_SIZE(excs);
    if (n == 0) return NEWREF(None);
    if (!is_group(orig)) {
        // A naked exception was caught (wrapped): at most one clause ran,
        // so there is at most one exception to raise.
        return NEWREF(LIST_ITEMS(excs)[0]);
    }
    Object *raised = list_new(0), *reraised = list_new(0), *result = NULL, *reraised_eg = NULL;
    if (!raised || !reraised) goto done;
    for (ssize_t i = 0; i < n; i++) {
        Object *e = LIST_ITEMS(excs)[i];
        if (e == None) continue;
        if (list_append(same_metadata(e, orig) ? reraised : raised, e) < 0) goto done;
    }
    reraised_eg = projection(orig, reraised);
    if (!reraised_eg) goto done;
    if (LIST_SIZE(raised) == 0) {
        result = NEWREF(reraised_eg);
    } else {
        if (reraised_eg != None && list_append(raised, reraised_eg) < 0) goto done;
        if (LIST_SIZE(raised) > 1) result = make_group(raised);
        else result = NEWREF(LIST_ITEMS(raised)[0]);
    }
done:
    XDECREF(raised);
    XDECREF(reraised);
    XDECREF(reraised_eg);
    return result;
}
