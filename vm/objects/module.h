// Modules: a namespace dict with a name.
#ifndef MINIPY_MODULE_H
#define MINIPY_MODULE_H

#include "../object.h"

typedef struct {
    OBJ_HEAD;
    Object *dict;
    Object *name;
    Object *weaklist;
} ModuleObject;

Object *module_new(Object *name);
Object *module_new_cstr(const char *name);
Object *module_dict(Object *m);          // borrowed
// Adds functions from a NULL-terminated MethodDef table.
int module_add_functions(Object *m, const MethodDef *defs);
int module_add_object(Object *m, const char *name, Object *value);  // borrows value
int module_add_int(Object *m, const char *name, long v);

#endif
