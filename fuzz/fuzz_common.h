// Shared set-up of the libFuzzer targets (fuzz_compile.c, fuzz_run.c).
//
// The VM is a process-wide singleton: LLVMFuzzerInitialize starts it once
// (fuzz_vm_init) and every input then runs against it. Standard output goes
// to /dev/null (fuzzed programs print); standard error stays, so that the
// fuzzer's own reports and sanitizer reports are seen.
#ifndef MINIPY_FUZZ_COMMON_H
#define MINIPY_FUZZ_COMMON_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compiler/compile.h"
#include "vm/eval.h"
#include "vm/gc.h"
#include "vm/import.h"
#include "vm/lifecycle.h"
#include "vm/runtime.h"

// The largest single allocation a fuzzed program may ask for: bigger ones
// raise MemoryError at once (see mem_max_request in vm/object.c), which keeps
// "a" * 10**9 from tripping libFuzzer's malloc limit.
#define FUZZ_MAX_REQUEST (64u * 1024 * 1024)

static inline void fuzz_vm_init(void) {
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
        dup2(null, 1);
        close(null);
    }
    if (vm_init() < 0) {
        fprintf(stderr, "fuzz: vm_init failed\n");
        abort();
    }
    mem_max_request = FUZZ_MAX_REQUEST;
    if (!vm_main_module()) abort();
}

// Parse mode chosen by the first byte of the input when it is one of these
// control characters (the rest of the input is the source); anything else
// is a whole module. The seed corpus uses plain modules.
static inline ParseMode fuzz_mode(const uint8_t **data, size_t *size) {
    if (*size > 0 && (**data == 0x01 || **data == 0x02)) {
        ParseMode m = **data == 0x01 ? PARSE_EVAL : PARSE_SINGLE;
        (*data)++;
        (*size)--;
        return m;
    }
    return PARSE_FILE;
}

#endif
