// libFuzzer target: source bytes -> compile to a code object (lexer, parser,
// symbol table, code generator, assembler), nothing is executed. Any
// outcome is fine except a crash, a sanitizer report, a leak, or an error
// return without an exception set.
//
//   cmake -S . -B build-fuzz -DMINIPY_FUZZ=ON -DCMAKE_C_COMPILER=clang && cmake --build build-fuzz -j2
//   build-fuzz/fuzz_compile CORPUS_DIR -dict=fuzz/python.dict
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fuzz_vm_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    ParseMode mode = fuzz_mode(&data, &size);
    Object *fn = str_from_cstr("<fuzz>");
    Object *co = compile_source((const char *)data, size, fn, mode);
    DECREF(fn);
    if (co) {
        if (err_occurred()) {
            fprintf(stderr, "fuzz_compile: code object returned with an exception set\n");
            abort();
        }
        DECREF(co);
    } else {
        if (!err_occurred()) {
            fprintf(stderr, "fuzz_compile: NULL returned without an exception\n");
            abort();
        }
        // Formatting the error exercises SyntaxError's attributes and str().
        Object *exc = err_fetch();
        Object *s = obj_str(exc);
        if (s) DECREF(s);
        else err_clear();
        DECREF(exc);
    }
    return 0;
}
