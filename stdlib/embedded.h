// The stdlib modules written in minipy, embedded in the binary at build time
// by stdlib/embed.cmake from stdlib/lib/**/*.py.
#ifndef MINIPY_EMBEDDED_H
#define MINIPY_EMBEDDED_H
#include <stddef.h>

typedef struct {
    const char *name;     // dotted module name; NULL ends the table
    int is_package;       // from a package's __init__.py
    const char *source;
    size_t len;
} EmbeddedModule;

extern const EmbeddedModule embedded_modules[];

#endif
