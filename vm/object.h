// The object model: every value is an Object with a reference count and a
// type, as in CPython (Include/object.h).
//
// Conventions (as CPython's):
// - A function returning Object* returns a NEW reference, or NULL with an
//   exception set, unless its comment says "borrowed".
// - Arguments are BORROWED unless the comment says "steals".
// - int-returning functions return 0/1 for false/true (or 0 for success) and
//   -1 with an exception set.
// - Callables use the vectorcall convention: args[0..nargs) are positional,
//   and when kwnames (a tuple of str) is not NULL, args[nargs + i] is the
//   value of keyword kwnames[i].
// - None, True, False, NotImplemented, Ellipsis, small ints and interned
//   strings are immortal: their count starts huge and never reaches zero.
#ifndef MINIPY_OBJECT_H
#define MINIPY_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "../compiler/ast.h"

typedef int64_t hash_t;
typedef struct Object Object;
typedef struct TypeObject TypeObject;

#define OBJ_HEAD Object ob_base
#define IMMORTAL_REFCNT ((ssize_t)1 << 60)

struct Object {
#ifdef MINIPY_FT
    // Biased reference counting (PEP 703; see "Reference counting" below).
    uintptr_t ob_tid;           // the owning thread (brc_tid), 0: none
    uint32_t ob_ref_local;      // the owner's count: plain stores, only by the owner
    uint8_t ob_ftqueued;        // on a deferred-free list (vm/ft.c)
    uint8_t ob_ftshared;        // was taken out of a slot other threads could read
    uint16_t ob_pad;
    ssize_t ob_ref_shared;      // other threads' count << 2 | BRC_QUEUED / BRC_MERGED; atomic
#else
    ssize_t ob_refcnt;
#endif
    TypeObject *ob_type;
};

#define TYPE(o) (((Object *)(o))->ob_type)
#define OBJ(o) ((Object *)(o))

void obj_dealloc(Object *o);

// ---- Reference counting ---------------------------------------------------------
//
// The minipy binary holds two builds of the VM (see CMakeLists.txt): the
// default one, for running with the GIL, where counts are plain increments
// and decrements of ob_refcnt; and the free-threading one (MINIPY_FT), which
// `-X gil=0` / MINIPY_GIL=0 selects at start-up, as CPython 3.13 ships a
// separate python3.13t.
//
// The free-threading build counts references the way CPython 3.13's does,
// with biased reference counting (PEP 703, vm/brc.c): each object has an
// owning thread (ob_tid, the thread that allocated it), a local count that
// only the owner touches, with plain loads and stores, and a shared count
// that other threads change with atomic instructions. Most objects are only
// ever used by the thread that made them, so most counting costs what it
// costs with the GIL. The true count is local + shared; the shared count
// alone may go negative (another thread releases a reference the owner
// took), and then the object is queued to its owner, which merges the two
// counts (vm/brc.c). When the owner's local count reaches zero it merges
// too: the object is freed if the shared count is zero, otherwise it gives
// up ownership (ob_tid = 0, BRC_MERGED) and from then on the shared count
// is the truth. Immortal objects (None, small ints, interned strings,
// types, and the functions, classes, modules and code the program's
// namespaces hold once threads start: vm/ft.c) have no owner and are not
// counted at all, so threads sharing them do not fight over their cache
// lines; immortality is told by the shared field.
//
// Until a second thread starts with the GIL off (`ft_mode` off) the
// free-threading build counts in ob_ref_local alone, plainly, as the
// default build does (one thread, or threads taking turns under the GIL);
// the objects then belong to the threads that made them, which is exactly
// the biased state. ft_mode is set before the second thread is created and
// never cleared, so reading it needs no synchronization.
#define IMMORTAL_MIN ((ssize_t)1 << 59)   // counts at or above this: immortal

#ifdef MINIPY_FT
extern bool ft_mode;

#define BRC_SHARED_SHIFT 2
#define BRC_QUEUED 1                  // queued to the owner for merging
#define BRC_MERGED 2                  // no owner: the shared count is the count
#define BRC_FLAGS 3
#define BRC_SHARED_ONE ((ssize_t)1 << BRC_SHARED_SHIFT)
// The owner field of immortal objects: no thread's. (Immortality itself is
// told by the shared field, IMMORTAL_REFCNT: obj_make_immortal.)
#define BRC_IMMORTAL_TID UINTPTR_MAX
#define BRC_IMMORTAL_LOCAL 0xC0000000u

// This thread's id: the ob_tid of the objects it owns, set when it binds
// its thread state (vm/brc.c). Ids are never reused.
extern _Thread_local uintptr_t brc_tid __attribute__((tls_model("local-exec")));
void brc_incref_shared(Object *o);
void brc_decref_shared(Object *o);
void brc_merge_zero_local(Object *o);

static inline __attribute__((always_inline)) bool brc_is_immortal(Object *o) {
    return __atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED) >= IMMORTAL_MIN;
}
static inline __attribute__((always_inline)) bool brc_owned(Object *o) {
    return __atomic_load_n(&o->ob_tid, __ATOMIC_RELAXED) == brc_tid;
}
// The owner's count changes with relaxed loads and stores (plain moves):
// other threads only read it (REFCNT, merging).
static inline __attribute__((always_inline)) void brc_local_add(Object *o, uint32_t d) {
    __atomic_store_n(&o->ob_ref_local, __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) + d, __ATOMIC_RELAXED);
}

// INCREF and DECREF test ownership first, with no test of ft_mode: one
// comparison of ob_tid with brc_tid, then a plain increment (relaxed
// atomic loads and stores are plain moves). Immortal objects (ob_tid
// BRC_IMMORTAL_TID) are not counted. What remains, another thread's
// object, goes out of line: plain counting in the local field while ft_mode
// is off (a single thread, or threads taking turns under the GIL), the
// shared count with free threading.
void brc_incref_other(Object *o);
void brc_decref_other(Object *o);

static inline __attribute__((always_inline)) void INCREF(void *p) {
    Object *o = (Object *)p;
    uintptr_t t = __atomic_load_n(&o->ob_tid, __ATOMIC_RELAXED);
    if (__builtin_expect(t == brc_tid, 1)) brc_local_add(o, 1);
    else if (t != BRC_IMMORTAL_TID) brc_incref_other(o);
}
static inline __attribute__((always_inline)) void DECREF(void *p) {
    Object *o = (Object *)p;
    uintptr_t t = __atomic_load_n(&o->ob_tid, __ATOMIC_RELAXED);
    if (__builtin_expect(t == brc_tid, 1)) {
        uint32_t l = __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED);
        __atomic_store_n(&o->ob_ref_local, l - 1, __ATOMIC_RELAXED);
        if (l == 1) brc_merge_zero_local(o);
    } else if (t != BRC_IMMORTAL_TID) {
        brc_decref_other(o);
    }
}
// The true count (local + shared); IMMORTAL_REFCNT for immortal objects.
static inline ssize_t obj_refcnt(Object *o) {
    ssize_t s = __atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED);
    if (s >= IMMORTAL_MIN) return IMMORTAL_REFCNT;
    return (ssize_t)__atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) + (s >> BRC_SHARED_SHIFT);
}
#define REFCNT(o) obj_refcnt((Object *)(o))

// An object leaves a slot other threads may read without a lock (a
// container item, a cell, an object's field): from now on its
// deallocation waits for them (vm/ft.c).
static inline void ft_mark_shared(void *p) {
    Object *o = (Object *)p;
    if (ft_mode && o && !__atomic_load_n(&o->ob_ftshared, __ATOMIC_RELAXED) && !brc_is_immortal(o))
        __atomic_store_n(&o->ob_ftshared, 1, __ATOMIC_RELAXED);
}

uintptr_t brc_assign_tid(void);
// A new or recycled object (obj_alloc, freelists): count 1, owned by this
// thread (whose brc_tid its thread state's binding set, vm/state.c).
static inline void obj_init_refcnt(Object *o) {
    o->ob_tid = brc_tid;
    o->ob_ref_local = 1;
    o->ob_ftqueued = 0;
    o->ob_ftshared = 0;
    o->ob_pad = 0;
    o->ob_ref_shared = 0;
}
// The header of a statically allocated (immortal) object.
#define OBJ_HEAD_INIT(type) \
    {.ob_tid = BRC_IMMORTAL_TID, .ob_ref_local = BRC_IMMORTAL_LOCAL, .ob_ref_shared = IMMORTAL_REFCNT, .ob_type = (type)}

// A finalizer (__del__, closing a generator) runs on an object whose count
// reached zero: it holds a reference meanwhile, which must not count as a
// revival (vm/ft.c). obj_resurrect_end drops it and tells whether other
// references were made meanwhile; it never deallocates.
static inline void obj_resurrect_begin(Object *o) {
    if (!ft_mode || brc_owned(o)) brc_local_add(o, 1);
    else __atomic_fetch_add(&o->ob_ref_shared, BRC_SHARED_ONE, __ATOMIC_ACQ_REL);
}
bool obj_resurrect_end(Object *o);
#else
#define ft_mode false
#define ft_mark_shared(p) ((void)0)
static inline __attribute__((always_inline)) void INCREF(void *p) { ((Object *)p)->ob_refcnt++; }
static inline __attribute__((always_inline)) void DECREF(void *p) {
    Object *o = (Object *)p;
    if (--o->ob_refcnt == 0) obj_dealloc(o);
}
#define REFCNT(o) (((Object *)(o))->ob_refcnt)
static inline void obj_init_refcnt(Object *o) { o->ob_refcnt = 1; }
#define OBJ_HEAD_INIT(type) {.ob_refcnt = IMMORTAL_REFCNT, .ob_type = (type)}
static inline void obj_resurrect_begin(Object *o) { o->ob_refcnt++; }
static inline bool obj_resurrect_end(Object *o) { return --o->ob_refcnt > 0; }
#endif
// The caller's reference is the only one and no other thread can reach the
// object, so it may be changed in place (the eval loop reuses an int or
// float box for a result). With free threading that is brc.c's "freed at
// once" case: owned by this thread, local count 1, no shared count, never
// taken out of a slot other threads read (one that did may still be seen
// through a pointer another thread just read).
static inline __attribute__((always_inline)) bool obj_sole_ref(Object *o) {
#ifdef MINIPY_FT
    if (!ft_mode) return __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) == 1 &&
                         __atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED) == 0;
    return brc_owned(o) && __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) == 1 &&
           __atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED) == 0 &&
           !__atomic_load_n(&o->ob_ftshared, __ATOMIC_RELAXED);
#else
    return o->ob_refcnt == 1;
#endif
}

static inline void XINCREF(void *p) { if (p) INCREF(p); }
static inline void XDECREF(void *p) { if (p) DECREF(p); }
// Returns o with a new reference (for `return NEWREF(x);`).
static inline Object *NEWREF(void *o) { INCREF(o); return (Object *)o; }
static inline Object *XNEWREF(void *o) { XINCREF(o); return (Object *)o; }
#define CLEAR(p) do { Object *_tmp = OBJ(p); if (_tmp) { (p) = NULL; ft_mark_shared(_tmp); DECREF(_tmp); } } while (0)
// Replaces *pp with v (stolen), releasing the old value after the store.
#define SETREF(p, v) do { Object *_old = OBJ(p); (p) = (__typeof__(p))(v); ft_mark_shared(_old); XDECREF(_old); } while (0)
// Releases the reference a container slot or cell held (see ft_mark_shared).
static inline void DECREF_ITEM(void *p) { ft_mark_shared(p); DECREF(p); }
static inline void XDECREF_ITEM(void *p) { if (p) DECREF_ITEM(p); }

// ---- Slot signatures -------------------------------------------------------
typedef void (*destructor)(Object *);
typedef Object *(*unaryfunc)(Object *);
typedef Object *(*binaryfunc)(Object *, Object *);
typedef int (*inquiry)(Object *);
typedef ssize_t (*lenfunc)(Object *);
typedef hash_t (*hashfunc)(Object *);
typedef Object *(*richcmpfunc)(Object *, Object *, int op);
typedef Object *(*getattrofunc)(Object *, Object *name);
// value NULL deletes.
typedef int (*setattrofunc)(Object *, Object *name, Object *value);
typedef int (*objobjargproc)(Object *, Object *key, Object *value);
typedef int (*objobjproc)(Object *, Object *);
typedef Object *(*descrgetfunc)(Object *descr, Object *obj, Object *type);
typedef int (*descrsetfunc)(Object *descr, Object *obj, Object *value);
typedef Object *(*vectorcallfunc)(Object *callable, Object *const *args, ssize_t nargs, Object *kwnames);
typedef Object *(*newfunc)(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames);
typedef int (*initfunc)(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);
typedef int (*visitproc)(Object *, void *);
typedef int (*traverseproc)(Object *, visitproc, void *);
// For iternext: NULL without an exception set means "exhausted".
typedef Object *(*iternextfunc)(Object *);

// A C function or method: self is the module (functions), the instance
// (methods) or the type (class methods).
typedef Object *(*cfunction)(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);

#define METH_STATIC 0x1   // no self
#define METH_CLASS 0x2    // self is the type

typedef struct {
    const char *name;
    cfunction fn;
    int flags;
    const char *doc;
} MethodDef;

typedef Object *(*getter)(Object *self, void *closure);
typedef int (*setter)(Object *self, Object *value, void *closure);

typedef struct {
    const char *name;
    getter get;
    setter set;     // NULL: read-only
    void *closure;
} GetSetDef;

// Rich comparison ops (CPython's order).
enum { CMP_LT_OP = 0, CMP_LE_OP, CMP_EQ_OP, CMP_NE_OP, CMP_GT_OP, CMP_GE_OP };

// Type flags.
#define TPFLAGS_HEAPTYPE        (1UL << 9)
#define TPFLAGS_BASETYPE        (1UL << 10)
#define TPFLAGS_HAVE_GC         (1UL << 14)
#define TPFLAGS_IS_ABSTRACT     (1UL << 20)
#define TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)  // LOAD_METHOD may skip binding
#define TPFLAGS_INT_SUBCLASS    (1UL << 24)
#define TPFLAGS_LIST_SUBCLASS   (1UL << 25)
#define TPFLAGS_TUPLE_SUBCLASS  (1UL << 26)
#define TPFLAGS_BYTES_SUBCLASS  (1UL << 27)
#define TPFLAGS_STR_SUBCLASS    (1UL << 28)
#define TPFLAGS_DICT_SUBCLASS   (1UL << 29)
#define TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define TPFLAGS_TYPE_SUBCLASS   (1UL << 31)

struct TypeObject {
    OBJ_HEAD;
    const char *name;           // e.g. "int"; for heap types points into ht_name
    ssize_t basicsize;          // instance size in bytes
    ssize_t itemsize;           // per-item size for variable-size types, else 0
    unsigned long flags;
    const char *doc;

    destructor dealloc;
    unaryfunc repr, str;
    hashfunc hash;
    richcmpfunc richcompare;
    getattrofunc getattro;
    setattrofunc setattro;
    vectorcallfunc call;
    unaryfunc iter;
    iternextfunc iternext;
    descrgetfunc descr_get;
    descrsetfunc descr_set;
    newfunc tp_new;
    initfunc init;
    traverseproc traverse;
    inquiry clear;
    // PEP 442's tp_finalize (__del__, closing a suspended generator): the
    // cycle collector calls it once before destroying unreachable objects.
    destructor finalize;

    // Number protocol: binary ops indexed by OperatorKind (ast.h). Each slot
    // gets (v, w) where either operand may be of this type, and returns
    // NotImplemented for operands it does not handle.
    binaryfunc nb[OP__COUNT];
    binaryfunc nb_inplace[OP__COUNT];
    unaryfunc nb_negative, nb_positive, nb_invert, nb_absolute;
    unaryfunc nb_int, nb_float, nb_index;
    inquiry nb_bool;

    // Sequence and mapping protocol.
    lenfunc sq_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;  // value NULL deletes
    objobjproc sq_contains;

    // Tables turned into descriptors in dict by type_ready().
    const MethodDef *methods;
    const GetSetDef *getset;

    TypeObject *base;
    Object *bases;              // tuple
    Object *mro;                // tuple
    Object *dict;               // attributes
    struct TypeObject **subclasses;  // borrowed: heap subclasses, for cache invalidation
    int nsubclasses, subclasses_cap;
    ssize_t dictoffset;         // offset of the instance __dict__ pointer, or 0
    ssize_t weaklistoffset;     // offset of the instances' weakref list head, or 0: not weakly referenceable
    Object *weaklist;           // the weakrefs to this type (heap types; vm/objects/weakref.c)
    unsigned int version_tag;   // changes whenever an attribute of this type or a base changes

    // Heap types (classes created by `class`).
    Object *ht_name, *ht_qualname, *ht_module;
};

// Clears the weakrefs to o and calls their callbacks (vm/objects/weakref.c):
// the deallocator of a weakly referenceable type calls obj_clear_weakrefs
// first (after __del__ for classes).
void weakref_clear_refs(Object *o);
static inline void obj_clear_weakrefs(Object *o) {
    ssize_t off = o->ob_type->weaklistoffset;
    if (off > 0 && *(Object **)((char *)o + off)) weakref_clear_refs(o);
}

// ---- Core builtin types -------------------------------------------------------
extern TypeObject TypeType, BaseObjectType, NoneType, NotImplementedType, EllipsisType;
extern TypeObject IntType, BoolType, FloatType, StrType, BytesType, ListType, TupleType;
extern TypeObject DictType, SetType, FrozenSetType, RangeType, SliceType;
extern TypeObject FunctionType, MethodType, BuiltinFunctionType, MethodDescrType;
extern TypeObject ClassMethodDescrType, GetSetDescrType, WrapperDescrType;
extern TypeObject StaticMethodType, ClassMethodType, PropertyType, SuperType;
extern TypeObject CodeType, ModuleType, CellType, TracebackType;
extern TypeObject EnumerateType, ZipType, MapType, FilterType, ReversedType;
extern TypeObject SeqIterType, CallIterType;
extern TypeObject DictKeysType, DictValuesType, DictItemsType;

extern Object NoneObj, NotImplementedObj, EllipsisObj;
#define None (&NoneObj)
#define NotImplemented (&NotImplementedObj)
#define Ellipsis (&EllipsisObj)

static inline bool type_has_flag(TypeObject *t, unsigned long f) { return (t->flags & f) != 0; }
#define INT_CHECK(o) type_has_flag(TYPE(o), TPFLAGS_INT_SUBCLASS)
#define INT_CHECK_EXACT(o) (TYPE(o) == &IntType)
#define BOOL_CHECK(o) (TYPE(o) == &BoolType)
#define FLOAT_CHECK(o) (TYPE(o) == &FloatType || type_is_subtype(TYPE(o), &FloatType))
#define FLOAT_CHECK_EXACT(o) (TYPE(o) == &FloatType)
#define STR_CHECK(o) type_has_flag(TYPE(o), TPFLAGS_STR_SUBCLASS)
#define STR_CHECK_EXACT(o) (TYPE(o) == &StrType)
#define BYTES_CHECK(o) type_has_flag(TYPE(o), TPFLAGS_BYTES_SUBCLASS)
#define LIST_CHECK(o) type_has_flag(TYPE(o), TPFLAGS_LIST_SUBCLASS)
#define LIST_CHECK_EXACT(o) (TYPE(o) == &ListType)
#define TUPLE_CHECK(o) type_has_flag(TYPE(o), TPFLAGS_TUPLE_SUBCLASS)
#define TUPLE_CHECK_EXACT(o) (TYPE(o) == &TupleType)
#define DICT_CHECK(o) type_has_flag(TYPE(o), TPFLAGS_DICT_SUBCLASS)
#define DICT_CHECK_EXACT(o) (TYPE(o) == &DictType)
#define TYPE_CHECK(o) type_has_flag(TYPE(o), TPFLAGS_TYPE_SUBCLASS)
#define EXC_CHECK(o) type_has_flag(TYPE(o), TPFLAGS_BASE_EXC_SUBCLASS)
#define EXC_TYPE_CHECK(o) (TYPE_CHECK(o) && type_has_flag((TypeObject *)(o), TPFLAGS_BASE_EXC_SUBCLASS))
#define ANYSET_CHECK(o) (TYPE(o) == &SetType || TYPE(o) == &FrozenSetType || \
                         type_is_subtype(TYPE(o), &SetType) || type_is_subtype(TYPE(o), &FrozenSetType))

// ---- Allocation ----------------------------------------------------------------
// Returns a new zeroed object of `size` bytes with refcount 1, or NULL with
// MemoryError set. All object memory goes through these two.
Object *obj_alloc(TypeObject *type, size_t size);
// obj_alloc that clears only the first [zeroed] bytes of the object (at
// least its fixed fields): the caller fills the rest. New reference.
Object *obj_alloc_uninit(TypeObject *type, size_t size, size_t zeroed);
// Requests above this many bytes fail with MemoryError before malloc.
extern size_t mem_max_request;
// The emergency reserve for MemoryError handling (object.c): released when
// an allocation fails, refilled by the cycle collector.
void mem_reserve_release(void);
void mem_reserve_refill(void);
void mem_init_limit(void);
void obj_free(Object *o);
// Allocates an instance of type using its basicsize (+ nitems * itemsize).
Object *type_generic_alloc(TypeObject *type, ssize_t nitems);
// Makes o immortal.
void obj_make_immortal(Object *o);
// Number of live objects (debug builds count; release returns -1).
long obj_live_count(void);
// Freelists call these when they recycle memory, to keep the count honest.
#ifndef NDEBUG
extern long obj_live_objects;
// Relaxed atomics: threads may run without the GIL.
static inline void obj_note_alloc(void) { __atomic_fetch_add(&obj_live_objects, 1, __ATOMIC_RELAXED); }
static inline void obj_note_free(void) { __atomic_fetch_sub(&obj_live_objects, 1, __ATOMIC_RELAXED); }
#else
static inline void obj_note_alloc(void) {}
static inline void obj_note_free(void) {}
#endif

// ---- Generic object protocol (object.c) ------------------------------------------
Object *obj_repr(Object *o);
Object *obj_str(Object *o);
Object *obj_ascii(Object *o);
hash_t obj_hash(Object *o);                 // -1 on error
Object *obj_richcompare(Object *v, Object *w, int op);
int obj_richcompare_bool(Object *v, Object *w, int op);  // identity implies EQ for containers
int obj_eq(Object *v, Object *w);           // obj_richcompare_bool(v, w, EQ) with an identity shortcut
int obj_istrue(Object *o);
int obj_not(Object *o);
Object *obj_getattr(Object *o, Object *name);
Object *obj_getattr_str(Object *o, const char *name);
// Like obj_getattr, but returns NULL *without* an exception when the
// attribute is missing (AttributeError swallowed); other errors propagate.
// Sets *found accordingly.
Object *obj_lookup_attr(Object *o, Object *name, int *error);
int obj_setattr(Object *o, Object *name, Object *value);
int obj_setattr_str(Object *o, const char *name, Object *value);
int obj_hasattr(Object *o, Object *name);
Object *obj_generic_getattr(Object *o, Object *name);
int obj_generic_setattr(Object *o, Object *name, Object *value);
// The address of the instance __dict__ slot, or NULL if the type has none.
Object **obj_dict_ptr(Object *o);
Object *obj_get_dict(Object *o);            // creates on demand; new reference

Object *obj_getitem(Object *o, Object *key);
int obj_setitem(Object *o, Object *key, Object *value);
int obj_delitem(Object *o, Object *key);
ssize_t obj_len(Object *o);
int obj_contains(Object *container, Object *item);  // the `in` operator
Object *obj_getiter(Object *o);
// Returns the next item (new ref), or NULL: exhausted when !err_occurred().
Object *iter_next(Object *it);
bool obj_is_iterator(Object *o);
bool obj_callable(Object *o);

Object *obj_call(Object *callable, Object *const *args, ssize_t nargs, Object *kwnames);
Object *obj_call0(Object *callable);
Object *obj_call1(Object *callable, Object *a);
Object *obj_call2(Object *callable, Object *a, Object *b);
// Calls with a tuple of positional args and an optional dict of keywords.
Object *obj_call_tuple_dict(Object *callable, Object *args, Object *kwargs);
// Looks up name on o's type (bypassing the instance) and calls it bound to o.
Object *obj_call_method(Object *o, const char *name, Object *const *args, ssize_t nargs);
Object *obj_call_method_obj(Object *o, Object *name, Object *const *args, ssize_t nargs);

// Binary / unary number operations: op is an OperatorKind.
Object *num_binop(Object *v, Object *w, int op);
Object *num_inplace(Object *v, Object *w, int op);
Object *num_negative(Object *o);
Object *num_positive(Object *o);
Object *num_invert(Object *o);
Object *num_absolute(Object *o);
Object *num_index(Object *o);               // __index__: an int, or TypeError
ssize_t num_as_ssize(Object *o, TypeObject *exc_on_overflow); // via __index__; -1 with error
Object *num_to_int(Object *o);              // int(x)
Object *num_to_float(Object *o);            // float(x)
extern const char *const binop_symbols[OP__COUNT];      // "+", "&", ...
extern const char *const inplace_symbols[OP__COUNT];    // "+=", ...
extern const char *const cmp_symbols[6];               // "<", "<=", ...

// ---- Types (type.c) ---------------------------------------------------------------
// Fills in a static type's dict, mro and inherited slots. Aborts on failure
// (only called at start-up).
void type_ready(TypeObject *t);
bool type_is_subtype(TypeObject *a, TypeObject *b);
// Looks name up along t's MRO. Borrowed reference or NULL (no exception).
Object *type_lookup(TypeObject *t, Object *name);
// Runs type(o).__del__(o) once per object; true when o was resurrected
// during its deallocation and must not be freed.
bool obj_call_finalizer(Object *o);
Object *type_lookup_str(TypeObject *t, const char *name);
const char *type_name(TypeObject *t);
Object *type_qualname(TypeObject *t);        // new reference
// type(name, bases, dict): creates a heap type.
Object *type_new_class(TypeObject *meta, Object *name, Object *bases, Object *dict);
int obj_isinstance(Object *inst, Object *cls);   // cls may be a tuple
int obj_issubclass(Object *derived, Object *cls);
void type_modified(TypeObject *t);              // invalidates caches for t and subclasses
int type_call_init_subclass(TypeObject *t, Object *kwargs);
Object *type_call(Object *callable, Object *const *args, ssize_t nargs, Object *kwnames);

// ---- Argument checking helpers (args.c) ------------------------------------------
// Raise the TypeError CPython raises when the counts don't fit; return -1 then.
int args_no_kw(const char *fname, Object *kwnames);
int args_count(const char *fname, ssize_t nargs, ssize_t min, ssize_t max);
// Parses positional and keyword arguments into out[0..n) by name. names has n
// entries; the first `npos_only` are positional-only, entries after `nreq`
// are optional (out left NULL when absent). Names starting with '$' are
// keyword-only. Borrowed references are stored. Returns -1 with TypeError.
int args_parse(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
               const char *const *names, int n, int nreq, Object **out);

// ---- Singletons & misc ------------------------------------------------------------
#define RETURN_NONE return NEWREF(None)
#define RETURN_NOTIMPL return NEWREF(NotImplemented)
Object *bool_from(bool b);                   // new reference to True or False
extern struct IntObject TrueObj, FalseObj;
#define True ((Object *)&TrueObj)
#define False ((Object *)&FalseObj)

// Recursion guard for C-level recursion (repr of nested containers, compare):
// returns -1 with RecursionError when too deep.
int enter_recursive_call(const char *where);
void leave_recursive_call(void);
// C stack guard for C code that recurses through its arguments without
// counting depth (hashing a nested tuple, next() of nested map/zip/filter):
// -1 with RecursionError when the thread's C stack is nearly used up.
int check_c_stack(void);

// Interned attribute / dunder names, created at start-up. Borrowed.
#define STRCONST_LIST(X) \
    X(__init__) X(__new__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__) \
    X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__len__) X(__bool__) X(__getitem__) \
    X(__setitem__) X(__delitem__) X(__contains__) X(__iter__) X(__next__) X(__call__) \
    X(__enter__) X(__exit__) X(__name__) X(__qualname__) X(__module__) X(__doc__) \
    X(__dict__) X(__class__) X(__get__) X(__set__) X(__delete__) X(__getattr__) \
    X(__getattribute__) X(__setattr__) X(__delattr__) X(__neg__) X(__pos__) X(__invert__) \
    X(__abs__) X(__int__) X(__float__) X(__index__) X(__builtins__) X(__file__) \
    X(__main__) X(__build_class__) X(__import__) X(__all__) X(__path__) X(__package__) \
    X(__format__) X(__round__) X(__reversed__) X(__missing__) X(__set_name__) \
    X(__init_subclass__) X(__class_getitem__) X(__mro__) X(__bases__) X(__base__) \
    X(__annotations__) X(__spec__) X(__loader__) X(__cached__) X(__await__) \
    X(__aiter__) X(__anext__) X(__aenter__) X(__aexit__) X(__del__) X(__trunc__) \
    X(__floor__) X(__ceil__) X(__length_hint__) X(__slots__) X(__classcell__) \
    X(__instancecheck__) X(__subclasscheck__) X(__copy__) X(__deepcopy__) X(__sizeof__) \
    X(__dir__) X(__complex__) X(__bytes__) X(__fspath__) X(__weakref__) \
    X(__debug__) X(__excepthook__) X(__origin__) \
    X(_) X(args) X(keys) X(items) X(values) X(append) X(send) X(throw) X(close) \
    X(write) X(flush) X(read) X(readline) X(encoding) X(mro) X(code) X(value) \
    X(stdout) X(stderr) X(stdin) X(excepthook) X(displayhook) X(end) X(sep) X(file) \
    X(key) X(reverse) X(default) X(start) X(fileno) X(name) X(modules) X(path) X(argv)

#define STRCONST_DECL(n) extern Object *S_##n;
STRCONST_LIST(STRCONST_DECL)
#undef STRCONST_DECL

#endif
