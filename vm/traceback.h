// Traceback objects and their printing (CPython's Python/traceback.c).
#ifndef MINIPY_TRACEBACK_H
#define MINIPY_TRACEBACK_H

#include "object.h"
#include "objects/code.h"
#include "objects/str.h"

typedef struct TracebackObject {
    OBJ_HEAD;
    struct TracebackObject *next;   // toward the frame where the exception was raised
    CodeObject *code;
    Object *frame;                  // a frame object, or NULL
    int lasti;                      // code unit index of the failing instruction
    int lineno;
    // The frame's globals and builtins (strong, or NULL): CPython's NameError
    // suggestions look them up through the frame of the innermost entry.
    Object *globals, *builtins;
} TracebackObject;

// Prepends an entry for (code, lasti) to the traceback of exc.
int traceback_here(Object *exc, CodeObject *code, int lasti);
// The same, recording the frame's globals and builtins (borrowed; either may be
// NULL) so that an uncaught NameError can say "Did you mean: ...?".
int traceback_here_ex(Object *exc, CodeObject *code, int lasti, Object *globals, Object *builtins);
// Appends the "  File ..." lines of a traceback chain to sb (CPython's
// tb_printinternal): at most `limit` innermost entries, runs of one repeated
// entry collapsed.
void traceback_format_limit(StrBuf *sb, Object *tb, long limit);
// traceback_format_limit with CPython's default limit (1000).
void traceback_format(StrBuf *sb, Object *tb);
// Reads line `lineno` (1-based) of a source file; NULL if unavailable. malloc'd.
char *source_line(const char *filename, int lineno);
// Registers source text for a pseudo-file (e.g. "<stdin>" inputs in the REPL).
void source_register(const char *filename, const char *text, size_t len);

#endif
