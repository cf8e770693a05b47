// The generic object protocol: allocation, repr/str/hash, comparison,
// attributes, items, iteration, calls and number operations dispatched
// through type slots (CPython's Objects/object.c and Objects/abstract.c).
#include "runtime.h"
#include "suggestions.h"
#include "gc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef NDEBUG
long obj_live_objects;
#endif

// The largest single allocation worth asking for: the machine's physical
// memory (set by vm_init). Bigger requests fail with MemoryError without
// calling malloc, which keeps absurd sizes ("a" * 2**40) away from allocators
// that abort instead of returning NULL (GMP, sanitizers).
size_t mem_max_request = SIZE_MAX / 2;

void mem_init_limit(void) {
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    if (pages > 0 && size > 0) mem_max_request = (size_t)pages * (size_t)size;
    mem_reserve_refill();
}

// The emergency reserve: a block held while memory is plentiful and freed
// when an allocation fails (err_no_memory), so that the code handling the
// MemoryError (an except clause, printing the traceback) finds memory even
// when the program used it all up in small pieces. A collection takes it
// back once memory is available again.
#define MEM_RESERVE_SIZE (8 * 1024 * 1024)  // over malloc's top pad (vm_init)
static void *mem_reserve;

void mem_reserve_release(void) { free(__atomic_exchange_n(&mem_reserve, NULL, __ATOMIC_ACQ_REL)); }

void mem_reserve_refill(void) {
    if (__atomic_load_n(&mem_reserve, __ATOMIC_ACQUIRE)) return;
    void *p = malloc(MEM_RESERVE_SIZE), *expected = NULL;
    if (p && !__atomic_compare_exchange_n(&mem_reserve, &expected, p, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        free(p);
}

// Objects of GC types get a GCHead in front (gc.h) and are tracked at once.
// Only the first [zeroed] bytes of the object are cleared (all when zeroed
// is SIZE_MAX): a large buffer the caller fills at once (a recv) is not
// written twice.
static inline Object *alloc_impl(TypeObject *type, size_t size, size_t zeroed) {
    bool gc = (type->flags & TPFLAGS_HAVE_GC) != 0;
    size_t pre = gc ? sizeof(GCHead) : 0;
    if (size > mem_max_request) {
        err_no_memory();
        return NULL;
    }
    char *mem;
    if (zeroed >= size) {
        mem = calloc(1, size + pre);
    } else {
        mem = malloc(size + pre);
        if (mem) memset(mem, 0, pre + zeroed);
    }
    if (!mem) {
        err_no_memory();
        return NULL;
    }
    Object *o = (Object *)(mem + pre);
#ifdef MINIPY_FT
    assert(brc_tid != 0);  // the thread has bound its thread state
#endif
    obj_init_refcnt(o);
    o->ob_type = type;
    if (type->flags & TPFLAGS_HEAPTYPE) INCREF(type);
#ifndef NDEBUG
    obj_note_alloc();
#endif
    if (gc) gc_on_alloc(o);
    return o;
}

Object *obj_alloc(TypeObject *type, size_t size) { return alloc_impl(type, size, SIZE_MAX); }

Object *obj_alloc_uninit(TypeObject *type, size_t size, size_t zeroed) { return alloc_impl(type, size, zeroed); }

void obj_free(Object *o) {
#ifndef NDEBUG
    obj_note_free();
#endif
    if (TYPE(o)->flags & TPFLAGS_HAVE_GC) {
        gc_untrack(o);
        // (With free threading, untracking counted it: gc.c.)
        if (!ft_mode && gc_state.gens[0].count > 0) gc_state.gens[0].count--;
        free(GC_HEAD(o));
        return;
    }
    free(o);
}

long obj_live_count(void) {
#ifndef NDEBUG
    return __atomic_load_n(&obj_live_objects, __ATOMIC_RELAXED);
#else
    return -1;
#endif
}

Object *type_generic_alloc(TypeObject *type, ssize_t nitems) {
    return obj_alloc(type, (size_t)(type->basicsize + nitems * type->itemsize));
}

#ifdef MINIPY_FT
bool ft_mode;

// Immortality is told by the shared field: it goes first, so a racing
// owner's late store to the local count does not matter.
void obj_make_immortal(Object *o) {
    __atomic_store_n(&o->ob_ref_shared, IMMORTAL_REFCNT, __ATOMIC_RELAXED);
    __atomic_store_n(&o->ob_tid, BRC_IMMORTAL_TID, __ATOMIC_RELAXED);
    __atomic_store_n(&o->ob_ref_local, BRC_IMMORTAL_LOCAL, __ATOMIC_RELAXED);
}
// A dead object's link on the trashcan list; taken off it, the object is
// this thread's again (at count zero, so its finalizer counts locally).
#define TRASH_LINK(o) ((o)->ob_tid)
#define TRASH_UNLINK(o) ((o)->ob_tid = brc_tid)
#else
void obj_make_immortal(Object *o) { o->ob_refcnt = IMMORTAL_REFCNT; }
#define TRASH_LINK(o) ((o)->ob_refcnt)
#define TRASH_UNLINK(o) ((o)->ob_refcnt = 0)
#endif

// The trashcan (CPython's Py_TRASHCAN): freeing a deeply nested structure
// ([[[...]]] a million deep) would recurse once per level in C and overflow
// the stack. Past a nesting depth, container deallocations are deferred to
// a per-thread list and run from the outermost level, iteratively. A
// deferred object is dead (count 0), so a count field (the owner field with
// free threading) holds the link.
#define TRASHCAN_DEPTH 50
static _Thread_local int dealloc_depth;
static _Thread_local Object *trash_list;

#ifdef MINIPY_FT
#define DEALLOC_GC_ATTR __attribute__((noinline))
#else
#define DEALLOC_GC_ATTR
#endif

// The collector's part of deallocation; out of line with free threading so
// that obj_dealloc inlines into brc_merge_zero_local.
static DEALLOC_GC_ATTR void dealloc_gc(Object *o, TypeObject *t) {
    // Out of the collector's sight before anything is torn down (a
    // resurrecting dealloc tracks the object again).
    gc_untrack(o);
    if (dealloc_depth >= TRASHCAN_DEPTH) {
        TRASH_LINK(o) = (__typeof__(TRASH_LINK(o)))(uintptr_t)trash_list;
        trash_list = o;
        return;
    }
    dealloc_depth++;
    t->dealloc(o);
    dealloc_depth--;
    if (dealloc_depth == 0) {
        while (trash_list) {
            Object *d = trash_list;
            trash_list = (Object *)(uintptr_t)TRASH_LINK(d);
            TRASH_UNLINK(d);
            dealloc_depth++;
            TYPE(d)->dealloc(d);
            dealloc_depth--;
        }
    }
}

void obj_dealloc(Object *o) {
    TypeObject *t = TYPE(o);
    if (!(t->flags & TPFLAGS_HAVE_GC)) {
        t->dealloc(o);
        return;
    }
    dealloc_gc(o, t);
}

#ifdef MINIPY_FT
void brc_merge_zero_local_slow(Object *o);

// The owner's local count reached zero (object.h's DECREF). The common case
// first, inline: nobody else ever counted the object and no other thread
// can see it, so it goes at once (vm/brc.c).
void brc_merge_zero_local(Object *o) {
    if (__builtin_expect(__atomic_load_n(&o->ob_ref_shared, __ATOMIC_ACQUIRE) == 0 &&
                         !__atomic_load_n(&o->ob_ftshared, __ATOMIC_RELAXED), 1))
        obj_dealloc(o);
    else
        brc_merge_zero_local_slow(o);
}
#endif

// ---- Recursion guard -----------------------------------------------------------

int enter_recursive_call(const char *where) {
    ThreadState *ts = tstate_get();
    char here;
    if (++ts->py_depth > the_interp.recursion_limit || &here < ts->stack_limit) {
        ts->py_depth--;
        vm_raise(Exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void leave_recursive_call(void) { tstate_get()->py_depth--; }

int check_c_stack(void) {
    char here;
    ThreadState *ts = tstate_get();
    if (ts && &here < ts->stack_limit) {
        vm_raise(Exc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

// ---- repr / str / hash ------------------------------------------------------------

Object *obj_repr(Object *o) {
    TypeObject *t = TYPE(o);
    if (!t->repr)
        return str_from_format("<%s object at %p>", type_name(t), (void *)o);
    if (enter_recursive_call(" while getting the repr of an object")) return NULL;
    Object *r = t->repr(o);
    leave_recursive_call();
    if (r && !STR_CHECK(r)) {
        vm_raise(Exc_TypeError, "__repr__ returned non-string (type %s)", type_name(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

Object *obj_str(Object *o) {
    if (STR_CHECK_EXACT(o)) return NEWREF(o);
    TypeObject *t = TYPE(o);
    if (!t->str) return obj_repr(o);
    if (enter_recursive_call(" while getting the str of an object")) return NULL;
    Object *r = t->str(o);
    leave_recursive_call();
    if (r && !STR_CHECK(r)) {
        vm_raise(Exc_TypeError, "__str__ returned non-string (type %s)", type_name(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

Object *obj_ascii(Object *o) {
    Object *r = obj_repr(o);
    if (!r || STR_ASCII(r)) return r;
    StrBuf sb;
    sb_init(&sb);
    for (ssize_t i = 0; i < STR_LEN(r); i++) {
        uint32_t c = str_char_at(r, i);
        if (c < 0x80) sb_putc(&sb, (char)c);
        else if (c < 0x100) sb_printf(&sb, "\\x%02x", c);
        else if (c < 0x10000) sb_printf(&sb, "\\u%04x", c);
        else sb_printf(&sb, "\\U%08x", c);
    }
    DECREF(r);
    return sb_finish(&sb);
}

hash_t obj_hash(Object *o) {
    hashfunc h = TYPE(o)->hash;
    if (!h) {
        vm_raise(Exc_TypeError, "unhashable type: '%s'", type_name(TYPE(o)));
        return -1;
    }
    return h(o);
}

// ---- Comparison ---------------------------------------------------------------------

const char *const cmp_symbols[6] = {"<", "<=", "==", "!=", ">", ">="};
static const int swapped_op[6] = {CMP_GT_OP, CMP_GE_OP, CMP_EQ_OP, CMP_NE_OP, CMP_LT_OP, CMP_LE_OP};

static Object *do_richcompare(Object *v, Object *w, int op) {
    richcmpfunc f;
    Object *res;
    bool checked_reverse = false;
    if (TYPE(v) != TYPE(w) && type_is_subtype(TYPE(w), TYPE(v)) && (f = TYPE(w)->richcompare)) {
        checked_reverse = true;
        res = f(w, v, swapped_op[op]);
        if (res != NotImplemented) return res;
        DECREF(res);
    }
    if ((f = TYPE(v)->richcompare)) {
        res = f(v, w, op);
        if (res != NotImplemented) return res;
        DECREF(res);
    }
    if (!checked_reverse && (f = TYPE(w)->richcompare)) {
        res = f(w, v, swapped_op[op]);
        if (res != NotImplemented) return res;
        DECREF(res);
    }
    switch (op) {
    case CMP_EQ_OP: return bool_from(v == w);
    case CMP_NE_OP: return bool_from(v != w);
    default:
        return vm_raise(Exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                        cmp_symbols[op], type_name(TYPE(v)), type_name(TYPE(w)));
    }
}

Object *obj_richcompare(Object *v, Object *w, int op) {
    if (enter_recursive_call(" in comparison")) return NULL;
    Object *r = do_richcompare(v, w, op);
    leave_recursive_call();
    return r;
}

int obj_richcompare_bool(Object *v, Object *w, int op) {
    if (v == w) {
        if (op == CMP_EQ_OP) return 1;
        if (op == CMP_NE_OP) return 0;
    }
    Object *r = obj_richcompare(v, w, op);
    if (!r) return -1;
    int ok = (r == True) ? 1 : (r == False) ? 0 : obj_istrue(r);
    DECREF(r);
    return ok;
}

int obj_eq(Object *v, Object *w) {
    if (v == w) return 1;
    if (STR_CHECK_EXACT(v) && STR_CHECK_EXACT(w)) return str_eq(v, w);
    if (INT_CHECK_EXACT(v) && INT_CHECK_EXACT(w)) {
        long a, b;
        if (int_as_long_fast(v, &a) == 0 && int_as_long_fast(w, &b) == 0) return a == b;
        return int_compare(v, w) == 0;
    }
    return obj_richcompare_bool(v, w, CMP_EQ_OP);
}

// ---- Truth ---------------------------------------------------------------------------

int obj_istrue(Object *o) {
    if (o == True) return 1;
    if (o == False || o == None) return 0;
    TypeObject *t = TYPE(o);
    if (t->nb_bool) return t->nb_bool(o);
    if (t->sq_length) {
        ssize_t n = t->sq_length(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int obj_not(Object *o) {
    int r = obj_istrue(o);
    return r < 0 ? r : !r;
}

Object *bool_from(bool b) { return b ? True : False; }

// ---- Attributes ------------------------------------------------------------------------

Object **obj_dict_ptr(Object *o) {
    TypeObject *t = TYPE(o);
    ssize_t off = t->dictoffset;
    if (off == 0) return NULL;
    if (off > 0) return (Object **)((char *)o + off);
    // After the items of a variable-size built-in base.
    TypeObject *base = t;
    while (base->flags & TPFLAGS_HEAPTYPE) base = base->base;
    size_t end = (size_t)base->basicsize;
    if (TUPLE_CHECK(o)) end += sizeof(Object *) * (size_t)TUPLE_SIZE(o);
    else if (STR_CHECK(o)) end += (size_t)STR_NBYTES(o) + 1;
    else if (BYTES_CHECK(o)) end += (size_t)BYTES_SIZE(o) + 1;
    end = (end + sizeof(Object *) - 1) & ~(sizeof(Object *) - 1);
    return (Object **)((char *)o + end);
}

Object *obj_get_dict(Object *o) {
    Object **dp = obj_dict_ptr(o);
    if (!dp) return vm_raise(Exc_AttributeError, "'%s' object has no attribute '__dict__'", type_name(TYPE(o)));
    if (!*dp && !(*dp = dict_new())) return NULL;
    return NEWREF(*dp);
}

Object *obj_generic_getattr(Object *o, Object *name) {
    TypeObject *t = TYPE(o);
    Object *descr = type_lookup(t, name);
    descrgetfunc get = NULL;
    if (descr) {
        get = TYPE(descr)->descr_get;
        if (get && TYPE(descr)->descr_set) return get(descr, o, (Object *)t);
    }
    Object **dp = obj_dict_ptr(o);
    if (dp && *dp) {
        Object *v = dict_getitem(*dp, name);
        if (v) return NEWREF(v);
        if (err_occurred()) return NULL;
    }
    if (get) return get(descr, o, (Object *)t);
    if (descr) return NEWREF(descr);
    return vm_raise(Exc_AttributeError, "'%s' object has no attribute '%U'", type_name(t), name);
}

int obj_generic_setattr(Object *o, Object *name, Object *value) {
    TypeObject *t = TYPE(o);
    Object *descr = type_lookup(t, name);
    if (descr && TYPE(descr)->descr_set) return TYPE(descr)->descr_set(descr, o, value);
    Object **dp = obj_dict_ptr(o);
    if (!dp) {
        if (descr)
            vm_raise(Exc_AttributeError, "'%s' object attribute '%U' is read-only", type_name(t), name);
        else
            vm_raise(Exc_AttributeError, "'%s' object has no attribute '%U'", type_name(t), name);
        return -1;
    }
    if (!*dp && !(*dp = dict_new())) return -1;
    if (value) return dict_setitem(*dp, name, value);
    if (dict_pop(*dp, name, NULL) == 0) {
        vm_raise(Exc_AttributeError, "'%s' object has no attribute '%U'", type_name(t), name);
        return -1;
    }
    return 0;
}

Object *obj_getattr(Object *o, Object *name) {
    if (!STR_CHECK(name))
        return vm_raise(Exc_TypeError, "attribute name must be string, not '%s'", type_name(TYPE(name)));
    getattrofunc f = TYPE(o)->getattro;
    Object *r = f ? f(o, name) : obj_generic_getattr(o, name);
    if (!r) exc_set_attr_context(o, name);
    return r;
}

Object *obj_getattr_str(Object *o, const char *name) {
    Object *n = str_intern_cstr(name);
    return n ? obj_getattr(o, n) : NULL;
}

Object *obj_lookup_attr(Object *o, Object *name, int *error) {
    *error = 0;
    // No attribute-error context: a miss here is expected, not reported.
    Object *r;
    if (STR_CHECK(name)) {
        getattrofunc f = TYPE(o)->getattro;
        r = f ? f(o, name) : obj_generic_getattr(o, name);
    } else {
        r = obj_getattr(o, name);
    }
    if (!r) {
        if (err_matches(Exc_AttributeError)) err_clear();
        else *error = 1;
    }
    return r;
}

int obj_setattr(Object *o, Object *name, Object *value) {
    if (!STR_CHECK(name)) {
        vm_raise(Exc_TypeError, "attribute name must be string, not '%s'", type_name(TYPE(name)));
        return -1;
    }
    setattrofunc f = TYPE(o)->setattro;
    if (!f) {
        if (TYPE(o)->getattro == obj_generic_getattr || !TYPE(o)->getattro) {
            f = obj_generic_setattr;
        } else {
            vm_raise(Exc_AttributeError, "'%s' object has no attribute '%U'", type_name(TYPE(o)), name);
            return -1;
        }
    }
    return f(o, name, value);
}

int obj_setattr_str(Object *o, const char *name, Object *value) {
    Object *n = str_intern_cstr(name);
    return n ? obj_setattr(o, n, value) : -1;
}

int obj_hasattr(Object *o, Object *name) {
    int err;
    Object *r = obj_lookup_attr(o, name, &err);
    if (err) {
        err_clear();
        return 0;
    }
    if (!r) return 0;
    DECREF(r);
    return 1;
}

// ---- Items, length, containment, iteration -----------------------------------------------

Object *obj_getitem(Object *o, Object *key) {
    binaryfunc f = TYPE(o)->mp_subscript;
    if (f) return f(o, key);
    if (TYPE_CHECK(o)) {
        Object *m = type_lookup((TypeObject *)o, S___class_getitem__);
        if (m) return obj_call1(m, key);
        if ((TypeObject *)o == &TypeType) return NEWREF(o);
        return vm_raise(Exc_TypeError, "type '%s' is not subscriptable", type_name((TypeObject *)o));
    }
    return vm_raise(Exc_TypeError, "'%s' object is not subscriptable", type_name(TYPE(o)));
}

int obj_setitem(Object *o, Object *key, Object *value) {
    objobjargproc f = TYPE(o)->mp_ass_subscript;
    if (f) return f(o, key, value);
    vm_raise(Exc_TypeError, "'%s' object does not support item assignment", type_name(TYPE(o)));
    return -1;
}

int obj_delitem(Object *o, Object *key) {
    objobjargproc f = TYPE(o)->mp_ass_subscript;
    if (f) return f(o, key, NULL);
    vm_raise(Exc_TypeError, "'%s' object doesn't support item deletion", type_name(TYPE(o)));
    return -1;
}

ssize_t obj_len(Object *o) {
    lenfunc f = TYPE(o)->sq_length;
    if (f) return f(o);
    vm_raise(Exc_TypeError, "object of type '%s' has no len()", type_name(TYPE(o)));
    return -1;
}

int obj_contains(Object *container, Object *item) {
    objobjproc f = TYPE(container)->sq_contains;
    if (f) return f(container, item);
    TypeObject *t = TYPE(container);
    if (!t->iter && !t->mp_subscript) {
        vm_raise(Exc_TypeError, "argument of type '%s' is not iterable", type_name(t));
        return -1;
    }
    Object *it = obj_getiter(container);
    if (!it) return -1;
    Object *x;
    while ((x = iter_next(it))) {
        int eq = obj_eq(x, item);
        DECREF(x);
        if (eq != 0) {
            DECREF(it);
            return eq;
        }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

Object *obj_getiter(Object *o) {
    TypeObject *t = TYPE(o);
    if (t->iter) {
        Object *it = t->iter(o);
        if (it && !TYPE(it)->iternext) {
            vm_raise(Exc_TypeError, "iter() returned non-iterator of type '%s'", type_name(TYPE(it)));
            DECREF(it);
            return NULL;
        }
        return it;
    }
    if (t->mp_subscript && !DICT_CHECK(o)) return seqiter_new(o);
    return vm_raise(Exc_TypeError, "'%s' object is not iterable", type_name(t));
}

Object *iter_next(Object *it) {
    iternextfunc f = TYPE(it)->iternext;
    if (!f) return vm_raise(Exc_TypeError, "'%s' object is not an iterator", type_name(TYPE(it)));
    Object *r = f(it);
    if (!r && err_matches(Exc_StopIteration)) err_clear();
    return r;
}

bool obj_is_iterator(Object *o) { return TYPE(o)->iternext != NULL; }

bool obj_callable(Object *o) { return TYPE(o)->call != NULL; }

// ---- Calls --------------------------------------------------------------------------------

Object *obj_call(Object *callable, Object *const *args, ssize_t nargs, Object *kwnames) {
    vectorcallfunc f = TYPE(callable)->call;
    if (!f) return vm_raise(Exc_TypeError, "'%s' object is not callable", type_name(TYPE(callable)));
    if (enter_recursive_call(" while calling a Python object")) return NULL;
    Object *r = f(callable, args, nargs, kwnames);
    leave_recursive_call();
    return r;
}

Object *obj_call0(Object *c) { return obj_call(c, NULL, 0, NULL); }
Object *obj_call1(Object *c, Object *a) { return obj_call(c, &a, 1, NULL); }
Object *obj_call2(Object *c, Object *a, Object *b) {
    Object *args[2] = {a, b};
    return obj_call(c, args, 2, NULL);
}

Object *obj_call_tuple_dict(Object *callable, Object *args, Object *kwargs) {
    ssize_t np = args ? TUPLE_SIZE(args) : 0;
    ssize_t nk = kwargs ? DICT_SIZE(kwargs) : 0;
    if (nk == 0) return obj_call(callable, np ? TUPLE_ITEMS(args) : NULL, np, NULL);
    Object *small[16];
    Object **stack = np + nk <= 16 ? small : malloc(sizeof(Object *) * (size_t)(np + nk));
    if (!stack) {
        err_no_memory();
        return NULL;
    }
    Object *kwnames = tuple_new(nk);
    if (!kwnames) {
        if (stack != small) free(stack);
        return NULL;
    }
    for (ssize_t i = 0; i < np; i++) stack[i] = TUPLE_ITEMS(args)[i];
    ssize_t pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwargs, &pos, &k, &v)) {
        if (!STR_CHECK(k)) {
            DECREF(kwnames);
            if (stack != small) free(stack);
            return vm_raise(Exc_TypeError, "keywords must be strings");
        }
        TUPLE_ITEMS(kwnames)[i] = NEWREF(k);
        stack[np + i] = v;
        i++;
    }
    Object *r = obj_call(callable, stack, np, kwnames);
    DECREF(kwnames);
    if (stack != small) free(stack);
    return r;
}

Object *obj_call_method_obj(Object *o, Object *name, Object *const *args, ssize_t nargs) {
    Object *f = type_lookup(TYPE(o), name);
    if (!f) return vm_raise(Exc_AttributeError, "'%s' object has no attribute '%U'", type_name(TYPE(o)), name);
    Object *small[8];
    Object **stack = nargs < 8 ? small : malloc(sizeof(Object *) * (size_t)(nargs + 1));
    if (!stack) {
        err_no_memory();
        return NULL;
    }
    Object *r;
    if (TYPE(f) == &FunctionType || TYPE(f) == &MethodDescrType) {
        stack[0] = o;
        for (ssize_t i = 0; i < nargs; i++) stack[i + 1] = args[i];
        INCREF(f);
        r = obj_call(f, stack, nargs + 1, NULL);
        DECREF(f);
    } else {
        Object *bound;
        INCREF(f);
        if (TYPE(f)->descr_get) bound = TYPE(f)->descr_get(f, o, (Object *)TYPE(o));
        else bound = NEWREF(f);
        DECREF(f);
        r = bound ? obj_call(bound, args, nargs, NULL) : NULL;
        XDECREF(bound);
    }
    if (stack != small) free(stack);
    return r;
}

Object *obj_call_method(Object *o, const char *name, Object *const *args, ssize_t nargs) {
    Object *n = str_intern_cstr(name);
    return n ? obj_call_method_obj(o, n, args, nargs) : NULL;
}

// ---- Numbers ----------------------------------------------------------------------------------

const char *const binop_symbols[OP__COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
const char *const inplace_symbols[OP__COUNT] = {
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};

// Tries v's slot then w's (w's first when w's type is a subclass of v's),
// as CPython's binary_op1. Returns NotImplemented when neither handles it.
static Object *binary_op1(Object *v, Object *w, int op) {
    binaryfunc slotv = TYPE(v)->nb[op];
    binaryfunc slotw = NULL;
    if (TYPE(w) != TYPE(v)) {
        slotw = TYPE(w)->nb[op];
        if (slotw == slotv) slotw = NULL;
    }
    Object *x;
    if (slotv) {
        if (slotw && type_is_subtype(TYPE(w), TYPE(v))) {
            x = slotw(v, w);
            if (x != NotImplemented) return x;
            DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != NotImplemented) return x;
        DECREF(x);
    }
    if (slotw) return slotw(v, w);
    RETURN_NOTIMPL;
}

static bool is_sequence_type(Object *o) {
    return STR_CHECK(o) || LIST_CHECK(o) || TUPLE_CHECK(o) || BYTES_CHECK(o);
}

static Object *binop_type_error(Object *v, Object *w, int op, const char *sym) {
    if (op == OP_ADD && is_sequence_type(v) && !(TYPE(v) == TYPE(w))) {
        const char *vn = type_name(TYPE(v));
        if (STR_CHECK(v) || BYTES_CHECK(v) || LIST_CHECK(v) || TUPLE_CHECK(v))
            return vm_raise(Exc_TypeError, "can only concatenate %s (not \"%s\") to %s", vn,
                            type_name(TYPE(w)), vn);
    }
    if (op == OP_MUL && (is_sequence_type(v) || is_sequence_type(w))) {
        Object *other = is_sequence_type(v) ? w : v;
        return vm_raise(Exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                        type_name(TYPE(other)));
    }
    if (op == OP_POW)
        return vm_raise(Exc_TypeError, "unsupported operand type(s) for %s or pow(): '%s' and '%s'",
                        sym, type_name(TYPE(v)), type_name(TYPE(w)));
    return vm_raise(Exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                    type_name(TYPE(v)), type_name(TYPE(w)));
}

Object *num_binop(Object *v, Object *w, int op) {
    Object *r = binary_op1(v, w, op);
    if (r != NotImplemented) return r;
    DECREF(r);
    return binop_type_error(v, w, op, binop_symbols[op]);
}

Object *num_inplace(Object *v, Object *w, int op) {
    binaryfunc f = TYPE(v)->nb_inplace[op];
    if (f) {
        Object *r = f(v, w);
        if (r != NotImplemented) return r;
        DECREF(r);
    }
    Object *r = binary_op1(v, w, op);
    if (r != NotImplemented) return r;
    DECREF(r);
    return binop_type_error(v, w, op, inplace_symbols[op]);
}

#define UNARY(fname, slot, sym)                                                                  \
    Object *fname(Object *o) {                                                                   \
        unaryfunc f = TYPE(o)->slot;                                                             \
        if (f) return f(o);                                                                      \
        return vm_raise(Exc_TypeError, "bad operand type for " sym ": '%s'", type_name(TYPE(o))); \
    }
UNARY(num_negative, nb_negative, "unary -")
UNARY(num_positive, nb_positive, "unary +")
UNARY(num_invert, nb_invert, "unary ~")
UNARY(num_absolute, nb_absolute, "abs()")
#undef UNARY

Object *num_index(Object *o) {
    if (INT_CHECK(o)) return NEWREF(o);
    unaryfunc f = TYPE(o)->nb_index;
    if (!f)
        return vm_raise(Exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(o)));
    Object *r = f(o);
    if (r && !INT_CHECK(r)) {
        vm_raise(Exc_TypeError, "__index__ returned non-int (type %s)", type_name(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

ssize_t num_as_ssize(Object *o, TypeObject *exc_on_overflow) {
    long v;
    if (INT_CHECK(o) && int_as_long_fast(o, &v) == 0) return v;
    Object *i = num_index(o);
    if (!i) return -1;
    if (int_as_long_fast(i, &v) == 0) {
        DECREF(i);
        return v;
    }
    if (!exc_on_overflow) {
        // Clamp, as PyNumber_AsSsize_t(o, NULL) does.
        v = int_sign(i) < 0 ? (long)(-SSIZE_MAX - 1) : (long)SSIZE_MAX;
        DECREF(i);
        return v;
    }
    vm_raise(exc_on_overflow, "cannot fit '%s' into an index-sized integer", type_name(TYPE(o)));
    DECREF(i);
    return -1;
}

Object *num_to_int(Object *o) {
    if (INT_CHECK_EXACT(o)) return NEWREF(o);
    TypeObject *t = TYPE(o);
    if (t->nb_int) {
        Object *r = t->nb_int(o);
        if (r && !INT_CHECK(r)) {
            vm_raise(Exc_TypeError, "__int__ returned non-int (type %s)", type_name(TYPE(r)));
            DECREF(r);
            return NULL;
        }
        if (r && !INT_CHECK_EXACT(r)) {
            Object *x = int_from_mpz_obj(r);
            DECREF(r);
            return x;
        }
        return r;
    }
    if (t->nb_index) return num_index(o);
    Object *trunc = type_lookup(t, S___trunc__);
    if (trunc) return obj_call_method_obj(o, S___trunc__, NULL, 0);
    if (STR_CHECK(o)) return int_from_string(STR_DATA(o), STR_NBYTES(o), 10, o);
    if (BYTES_CHECK(o)) return int_from_string((char *)BYTES_DATA(o), BYTES_SIZE(o), 10, o);
    return vm_raise(Exc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    type_name(t));
}

Object *num_to_float(Object *o) {
    if (FLOAT_CHECK_EXACT(o)) return NEWREF(o);
    if (STR_CHECK(o)) return float_from_string(o);
    TypeObject *t = TYPE(o);
    if (!t->nb_float && !t->nb_index && !INT_CHECK(o) && !FLOAT_CHECK(o))
        return vm_raise(Exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                        type_name(t));
    double d = float_as_double(o);
    if (d == -1.0 && err_occurred()) return NULL;
    return float_from_double(d);
}
