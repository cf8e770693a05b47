// Helpers shared by the Check unit tests that link the VM (test_int,
// test_str, test_dict, test_list, test_compile, test_leaks): running source
// in a fresh namespace, evaluating expressions, and reading the pending
// exception as "Type: message".
//
// The VM is a process-wide singleton, so these tests run with CK_NOFORK and
// call vm_init() once from main (vm_test_main below).
#ifndef MINIPY_TEST_VM_HELPERS_H
#define MINIPY_TEST_VM_HELPERS_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "vm/eval.h"
#include "vm/lifecycle.h"
#include "vm/runtime.h"

// A fresh globals dict with __name__ set (class bodies read it).
static inline Object *fresh_globals(void) {
    Object *d = dict_new();
    ck_assert_ptr_nonnull(d);
    Object *n = str_from_cstr("__test__");
    dict_setitem(d, S___name__, n);
    DECREF(n);
    return d;
}

// Releases a namespace made by fresh_globals. Its functions point back to it
// (func.__globals__); the namespace is emptied first so that it goes at once
// rather than at the cycle collector's next run.
static inline void free_globals(Object *g) {
    dict_clear(g);
    DECREF(g);
}

// Compiles and runs src in globals g. Returns 0, or -1 with the exception set.
static inline int run_in(const char *src, Object *g) {
    Object *fn = str_from_cstr("<test>");
    Object *co = compile_source(src, strlen(src), fn, PARSE_FILE);
    DECREF(fn);
    if (!co) return -1;
    Object *r = eval_code((CodeObject *)co, g, g);
    DECREF(co);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

// Evaluates an expression in globals g (NULL: a fresh dict). New reference or NULL.
static inline Object *eval_in(const char *src, Object *g) {
    Object *own = NULL;
    if (!g) g = own = fresh_globals();
    Object *fn = str_from_cstr("<test>");
    Object *co = compile_source(src, strlen(src), fn, PARSE_EVAL);
    DECREF(fn);
    Object *r = NULL;
    if (co) {
        r = eval_code((CodeObject *)co, g, g);
        DECREF(co);
    }
    XDECREF(own);
    return r;
}

// "Type: message" of the pending exception, which is cleared; "" if none.
static inline const char *exc_text(void) {
    static char buf[4096];
    Object *exc = err_fetch();
    if (!exc) return "";
    Object *s = obj_str(exc);
    if (!s) {
        err_clear();
        snprintf(buf, sizeof buf, "%s: <str() failed>", type_name(TYPE(exc)));
    } else if (STR_NBYTES(s) == 0) {
        snprintf(buf, sizeof buf, "%s", type_name(TYPE(exc)));
    } else {
        snprintf(buf, sizeof buf, "%s: %s", type_name(TYPE(exc)), STR_DATA(s));
    }
    XDECREF(s);
    DECREF(exc);
    return buf;
}

// repr(o) in a rotating static buffer (so several may be used in one assert).
// Steals o (NULL: returns "<error Type: msg>").
static inline const char *repr_steal(Object *o) {
    static char bufs[8][8192];
    static int k;
    char *buf = bufs[k++ & 7];
    if (!o) {
        snprintf(buf, 8192, "<error %s>", exc_text());
        return buf;
    }
    Object *r = obj_repr(o);
    DECREF(o);
    if (!r) {
        snprintf(buf, 8192, "<repr error %s>", exc_text());
        return buf;
    }
    snprintf(buf, 8192, "%s", STR_DATA(r));
    DECREF(r);
    return buf;
}

static inline const char *repr_of(Object *o) { return repr_steal(NEWREF(o)); }

// repr(eval(src)) or "<error Type: msg>".
static inline const char *eval_repr(const char *src) { return repr_steal(eval_in(src, NULL)); }

#define EVAL_EQ(src, expected) ck_assert_str_eq(eval_repr(src), expected)

// Runs the suite without forking (the VM is a singleton) and returns the exit status.
static inline int vm_test_main(Suite *s) {
    if (vm_init() < 0) {
        fprintf(stderr, "vm_init failed\n");
        return EXIT_FAILURE;
    }
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
