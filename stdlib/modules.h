// Native (C) modules of the standard library. Each stdlib/<name>module.c
// defines one init function that creates and fills its module object; the
// table in stdlib/modules.c maps import names to them (CPython's
// Modules/config.c inittab).
#ifndef MINIPY_MODULES_H
#define MINIPY_MODULES_H

#include "../vm/object.h"

typedef Object *(*ModuleInitFunc)(void);

typedef struct {
    const char *name;
    ModuleInitFunc init;
} NativeModule;

// NULL-terminated.
extern const NativeModule native_modules[];

Object *module_init_builtins(void);
Object *module_init_sys(void);
Object *module_init_time(void);
Object *module_init_math(void);
Object *module_init__dis(void);
Object *module_init__thread(void);
Object *module_init__collections(void);
Object *module_init_errno(void);
Object *module_init_posix(void);
Object *module_init_select(void);
Object *module_init__socket(void);
Object *module_init_gc(void);
Object *module_init_signal(void);
Object *module_init_atexit(void);
Object *module_init__multiprocessing(void);
// Runs the atexit callbacks (at exit, after threading._shutdown).
void atexit_run_exitfuncs(void);
Object *module_init__asyncio(void);
Object *module_init__contextvars(void);
Object *module_init__weakref(void);
// For _asyncio (stdlib/_contextvarsmodule.c): a copy of the thread's current
// context, whether o is a Context, and ctx.run(fn, *args).
Object *context_copy_current(void);
bool context_check(Object *o);
Object *context_run_vector(Object *ctx, Object *fn, Object *const *args, ssize_t nargs);
// Makes ctx (a Context) the thread's current context (-1 with RuntimeError
// if it is entered already), and back: what Context.run does around a call.
int context_enter(Object *ctx);
void context_exit(Object *ctx);

#endif
