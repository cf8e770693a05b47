// The table of native modules (CPython's Modules/config.c). Helpers may add
// entries here as their modules land.
#include "modules.h"

#include <stddef.h>

const NativeModule native_modules[] = {
    {"sys", module_init_sys},
    {"time", module_init_time},
    {"math", module_init_math},
    {"_dis", module_init__dis},
    {"_thread", module_init__thread},
    {"_collections", module_init__collections},
    {"errno", module_init_errno},
    {"posix", module_init_posix},
    {"select", module_init_select},
    {"_socket", module_init__socket},
    {"gc", module_init_gc},
    {"signal", module_init_signal},
    {"atexit", module_init_atexit},
    {"_contextvars", module_init__contextvars},
    {"_weakref", module_init__weakref},
    {"_multiprocessing", module_init__multiprocessing},
    {"_asyncio", module_init__asyncio},
    {NULL, NULL},
};
