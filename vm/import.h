// The import system.
#ifndef MINIPY_IMPORT_H
#define MINIPY_IMPORT_H

#include "state.h"

// IMPORT_NAME: name, fromlist (tuple or None), level (int). New reference.
Object *import_name(Frame *frame, Object *name, Object *fromlist, Object *level);
// __import__ semantics without the builtins hook.
Object *import_module_level(Object *name, Object *globals, Object *fromlist, long level);
// Imports a dotted absolute name and returns that (sub)module.
Object *import_module(Object *fullname);
Object *import_cstr(const char *name);
// Reads a whole file (NUL-terminated, malloc'd); NULL with errno on failure.
char *read_file(const char *path, size_t *len);
// Compiles and runs source in the module's namespace.
Object *exec_source_in_module(Object *module, const char *src, size_t len, Object *filename);
// fork() support (vm/fork.c): hold the import lock across fork(), then
// release it in the parent or re-create it in the child.
void import_lock_acquire(void);
void import_lock_release(void);
void import_after_fork_child(void);

#endif
