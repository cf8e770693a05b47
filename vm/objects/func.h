// Functions, bound methods, cells, and the descriptor objects that put
// C functions and Python callables on types (CPython's funcobject.c,
// classobject.c, cellobject.c, descrobject.c, methodobject.c).
#ifndef MINIPY_FUNC_H
#define MINIPY_FUNC_H

#include "../object.h"
#include "code.h"

typedef struct FunctionObject {
    OBJ_HEAD;
    CodeObject *code;
    Object *globals;            // dict
    Object *builtins;           // dict
    Object *name, *qualname;
    Object *defaults;           // tuple or NULL
    Object *kwdefaults;         // dict or NULL
    Object *closure;            // tuple of cells or NULL
    Object *doc;
    Object *dict;
    Object *module;
    Object *annotations;
    Object *weaklist;           // weakref list head (vm/objects/weakref.c)
} FunctionObject;

Object *func_new(CodeObject *code, Object *globals, Object *qualname);
Object *func_vectorcall(Object *func, Object *const *args, ssize_t nargs, Object *kwnames);

typedef struct {
    OBJ_HEAD;
    Object *func;
    Object *self;
    Object *weaklist;
} MethodObject;

Object *method_new(Object *func, Object *self);

typedef struct {
    OBJ_HEAD;
    Object *ref;                // contents or NULL (empty)
} CellObject;

Object *cell_new(Object *value);   // value may be NULL

// A C function bound to its module or instance (builtin_function_or_method).
typedef struct {
    OBJ_HEAD;
    const MethodDef *def;
    Object *self;               // or NULL
    Object *module;             // module name or NULL
    Object *weaklist;
} BuiltinFunctionObject;

Object *cfunc_new(const MethodDef *def, Object *self);

// A C method in a type's dict (method_descriptor, classmethod_descriptor).
typedef struct {
    OBJ_HEAD;
    const MethodDef *def;
    TypeObject *type;
} MethodDescrObject;

typedef struct {
    OBJ_HEAD;
    const GetSetDef *def;
    TypeObject *type;
} GetSetDescrObject;

// A slot wrapper: type.__add__ etc. for C types call through the slot.
typedef struct {
    OBJ_HEAD;
    const char *name;
    TypeObject *type;
    int kind;                   // which slot (see type.c)
} WrapperDescrObject;

Object *descr_new_method(TypeObject *type, const MethodDef *def);
Object *descr_new_getset(TypeObject *type, const GetSetDef *def);
Object *descr_new_classmethod(TypeObject *type, const MethodDef *def);
Object *staticmethod_new(Object *callable);
Object *classmethod_new(Object *callable);

// staticmethod / classmethod / property
typedef struct {
    OBJ_HEAD;
    Object *callable;
    Object *dict;
} StaticMethodObject;

typedef struct {
    OBJ_HEAD;
    Object *fget, *fset, *fdel, *doc;
} PropertyObject;

#endif
