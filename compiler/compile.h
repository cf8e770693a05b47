// The compiler: AST -> code objects (CPython's Python/compile.c).
#ifndef MINIPY_COMPILE_H
#define MINIPY_COMPILE_H

#include <stddef.h>

#include "../vm/object.h"
#include "parser.h"

// Parses and compiles src. On a syntax error raises SyntaxError (or
// IndentationError/TabError) with filename, line, offset and text, and
// returns NULL. filename is borrowed. New reference to a code object.
Object *compile_source(const char *src, size_t len, Object *filename, ParseMode mode);

// Like compile_source, for source that came as bytes (a file, an imported
// module, compile()/exec() of bytes): as CPython's tokenizer without a
// coding declaration, the parser's SyntaxError offsets count bytes, not
// characters (with a declaration, characters).
Object *compile_source_bytes(const char *src, size_t len, Object *filename, ParseMode mode);

// The main script (a file or standard input, named filename): as
// compile_source_bytes, but UTF-8 that does not decode is reported as
// CPython's file tokenizer does, before any parsing: "Non-UTF-8 code
// starting with '\xNN' in file NAME on line N, but no encoding declared".
Object *compile_script(const char *src, size_t len, Object *filename);

// Like compile_source, but for the REPL: *incomplete is set (and no error
// raised) when the input ended too early and more lines may complete it.
Object *compile_interactive(const char *src, size_t len, Object *filename, bool *incomplete);

// Raises SyntaxError-like `kind` with msg at (lineno, byte col / end col) of
// src; the offsets become characters unless the source came as bytes.
void raise_syntax_error(const char *kind, const char *msg, Object *filename, const char *src, size_t len,
                        int lineno, int col, int end_lineno, int end_col);

#endif
