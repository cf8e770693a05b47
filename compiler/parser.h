// The parser: source text -> AST (compiler/ast.h).
//
// A hand-written recursive-descent parser over the token stream of
// compiler/lexer.c, with precedence climbing for binary operators. It accepts
// the Python 3.11 grammar minus `match`, and reports
// errors with CPython 3.11's messages and locations.
#ifndef MINIPY_PARSER_H
#define MINIPY_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"

typedef enum {
    PARSE_FILE,     // a module: statements until end of input
    PARSE_SINGLE,   // one REPL input: statements, and the REPL echoes expression values
    PARSE_EVAL      // one expression (eval()); the Module holds one S_EXPR
} ParseMode;

typedef struct {
    // Exception class name: "SyntaxError", "IndentationError" or "TabError";
    // "MemoryError" (out of memory, or parse recursion too deep; msg empty)
    // or "RecursionError" (AST too deep) are not syntax errors.
    const char *kind;
    // CPython's message, e.g. "invalid syntax", "expected ':'",
    // "'(' was never closed", "unterminated string literal (detected at line 3)".
    char msg[256];
    // Where the caret goes: 1-based line, 0-based byte column; end_* may equal
    // the start. For errors that CPython reports without a column, col_offset is -1.
    int lineno, col_offset, end_lineno, end_col_offset;
    // True when the input ended too early (open bracket, block header without
    // a body, unterminated triple-quoted string, trailing backslash): the REPL
    // then asks for another line instead of reporting the error.
    bool incomplete;
} ParseError;

// Limits of the calling thread's next parse_source (the VM sets them from
// the recursion limit and the thread's C stack, compiler/compile.c): an AST
// deeper than parse_max_ast_depth is a RecursionError, parse recursion that
// reaches below the C stack address parse_stack_limit a MemoryError (NULL:
// 1 MiB below parse_source's own frame).
#define PARSE_DEFAULT_MAX_AST_DEPTH 3000
extern _Thread_local int parse_max_ast_depth;
extern _Thread_local const char *parse_stack_limit;
// A decimal integer literal with more digits than this is a SyntaxError, as
// CPython 3.11's parser applies sys.get_int_max_str_digits() to literals
// (0: no limit). The VM sets it from sys before each parse.
#define PARSE_DEFAULT_INT_MAX_STR_DIGITS 4300
extern _Thread_local int parse_int_max_str_digits;

// Parses src (UTF-8, len bytes, need not be NUL-terminated). Returns the
// module allocated in arena a, or NULL with *err filled in.
Module *parse_source(Arena *a, const char *src, size_t len, ParseMode mode, ParseError *err);

#endif
