// None, NotImplemented and Ellipsis (CPython's Objects/object.c and
// sliceobject.c): immortal singletons with their own types.
#include "../runtime.h"

static Object *none_repr(Object *o) { return str_from_cstr("None"); }
static int none_bool(Object *o) { return 0; }
static hash_t none_hash(Object *o) { return (hash_t)0xFCA86420; }
static Object *none_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames))) return vm_raise(Exc_TypeError, "NoneType takes no arguments");
    RETURN_NONE;
}

TypeObject NoneType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "NoneType",
    .basicsize = sizeof(Object),
    .repr = none_repr,
    .hash = none_hash,
    .nb_bool = none_bool,
    .tp_new = none_new,
};
Object NoneObj = OBJ_HEAD_INIT(&NoneType);

static Object *notimpl_repr(Object *o) { return str_from_cstr("NotImplemented"); }
static Object *notimpl_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
        return vm_raise(Exc_TypeError, "NotImplementedType takes no arguments");
    RETURN_NOTIMPL;
}

TypeObject NotImplementedType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "NotImplementedType",
    .basicsize = sizeof(Object),
    .repr = notimpl_repr,
    .tp_new = notimpl_new,
};
Object NotImplementedObj = OBJ_HEAD_INIT(&NotImplementedType);

static Object *ellipsis_repr(Object *o) { return str_from_cstr("Ellipsis"); }
static Object *ellipsis_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames))) return vm_raise(Exc_TypeError, "ellipsis takes no arguments");
    return NEWREF(Ellipsis);
}

TypeObject EllipsisType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "ellipsis",
    .basicsize = sizeof(Object),
    .repr = ellipsis_repr,
    .tp_new = ellipsis_new,
};
Object EllipsisObj = OBJ_HEAD_INIT(&EllipsisType);
