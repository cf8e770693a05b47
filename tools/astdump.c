// mp_astdump: prints the AST of a Python file as CPython's ast.dump() does.
//
// Usage: mp_astdump [-a] [-e] [-q] [-m file|single|eval] FILE
//   -a  include attributes (line and column numbers), as ast.dump(...,
//       include_attributes=True)
//   -q  parse only and print the time the parse took (for benchmarking)
//   -e  report errors in a tab-separated form for tests/parser_oracle.py:
//       ERROR<TAB>kind<TAB>msg<TAB>line<TAB>col<TAB>end_line<TAB>end_col<TAB>incomplete
//   -m  the parse mode (default: file)
// FILE may be "-" for standard input. On a syntax error prints
// "Kind: msg (line L, col C)" and exits with status 1.
#define _POSIX_C_SOURCE 200809L     // clock_gettime

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compiler/ast.h"
#include "compiler/parser.h"

static char *read_all(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b) { free(buf); return NULL; }
            buf = b;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    bool attrs = false, machine = false, timing = false;
    ParseMode mode = PARSE_FILE;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-a") == 0) attrs = true;
        else if (strcmp(argv[i], "-e") == 0) machine = true;
        else if (strcmp(argv[i], "-q") == 0) timing = true;
        else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            mode = strcmp(m, "single") == 0 ? PARSE_SINGLE : strcmp(m, "eval") == 0 ? PARSE_EVAL : PARSE_FILE;
        } else path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: mp_astdump [-a] [-e] [-q] [-m file|single|eval] FILE\n");
        return 2;
    }
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) { perror(path); return 2; }
    size_t len = 0;
    char *src = read_all(f, &len);
    if (f != stdin) fclose(f);
    if (!src) { fprintf(stderr, "out of memory\n"); return 2; }

    Arena arena;
    arena_init(&arena);
    ParseError err;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    Module *m = parse_source(&arena, src, len, mode, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int status = 0;
    if (m && timing) {
        double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        printf("parsed %zu bytes in %.2f ms\n", len, ms);
    } else if (m) {
        const char *dump = ast_dump_module_ex(&arena, m, attrs);
        if (dump) puts(dump);
        else { fprintf(stderr, "out of memory\n"); status = 2; }
    } else if (machine) {
        printf("ERROR\t%s\t%s\t%d\t%d\t%d\t%d\t%d\n", err.kind, err.msg, err.lineno, err.col_offset,
               err.end_lineno, err.end_col_offset, err.incomplete ? 1 : 0);
        status = 1;
    } else {
        printf("%s: %s (line %d, col %d)\n", err.kind, err.msg, err.lineno, err.col_offset);
        status = 1;
    }
    arena_free(&arena);
    free(src);
    return status;
}
