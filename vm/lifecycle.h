// Start-up and shut-down of the interpreter (CPython's Python/pylifecycle.c).
#ifndef MINIPY_LIFECYCLE_H
#define MINIPY_LIFECYCLE_H

#include "object.h"

// Initialises types, builtins and sys. Returns -1 on failure (message printed).
int vm_init(void);
// Flushes sys.stdout/sys.stderr. Returns -1 if flushing stdout failed.
int vm_flush_std(void);
// At exit, after threads_shutdown(): run the finalizers of the objects in
// __main__ and clear the module namespaces (CPython's finalize_modules).
void vm_finalize_modules(void);
// Runs at exit: flush, and release what can be released.
void vm_fini(void);
// Creates the __main__ module (registered in sys.modules). Borrowed.
Object *vm_main_module(void);

#endif
