// Argument checking for C functions (a small PyArg_Parse*): counts, and
// binding positional and keyword arguments to names.
#include "runtime.h"

#include <string.h>

int args_no_kw(const char *fname, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int args_count(const char *fname, ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs >= min && nargs <= max) return 0;
    if (min == max) {
        if (min == 0) vm_raise(Exc_TypeError, "%s() takes no arguments (%zd given)", fname, nargs);
        else if (min == 1) vm_raise(Exc_TypeError, "%s() takes exactly one argument (%zd given)", fname, nargs);
        else vm_raise(Exc_TypeError, "%s expected %zd arguments, got %zd", fname, min, nargs);
    } else if (nargs < min) {
        vm_raise(Exc_TypeError, "%s expected at least %zd argument%s, got %zd", fname, min, min == 1 ? "" : "s", nargs);
    } else {
        vm_raise(Exc_TypeError, "%s expected at most %zd argument%s, got %zd", fname, max, max == 1 ? "" : "s", nargs);
    }
    return -1;
}

int args_parse(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
               const char *const *names, int n, int nreq, Object **out) {
    // Names: "" positional-only (unnamed), "$x" keyword-only, "x" either.
    int npos = 0;
    while (npos < n && names[npos][0] != '$') npos++;
    if (nargs > npos) {
        if (npos == 0)
            vm_raise(Exc_TypeError, "%s() takes no positional arguments", fname);
        else if (npos == nreq)
            vm_raise(Exc_TypeError, "%s() takes exactly %d positional argument%s (%zd given)", fname, npos,
                     npos == 1 ? "" : "s", nargs);
        else
            vm_raise(Exc_TypeError, "%s() takes at most %d positional argument%s (%zd given)", fname, npos,
                     npos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < n; i++) out[i] = i < nargs ? args[i] : NULL;
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    for (ssize_t k = 0; k < nkw; k++) {
        Object *kn = TUPLE_ITEMS(kwnames)[k];
        const char *ks = STR_DATA(kn);
        int found = -1;
        for (int i = 0; i < n; i++) {
            const char *nm = names[i][0] == '$' ? names[i] + 1 : names[i];
            if (nm[0] && strcmp(nm, ks) == 0) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            vm_raise(Exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, ks);
            return -1;
        }
        if (out[found]) {
            vm_raise(Exc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, ks, found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nreq; i++) {
        if (!out[i]) {
            const char *nm = names[i][0] == '$' ? names[i] + 1 : names[i];
            if (nm[0])
                vm_raise(Exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, nm, i + 1);
            else
                vm_raise(Exc_TypeError, "%s() takes at least %d positional argument%s (%zd given)", fname, nreq,
                         nreq == 1 ? "" : "s", nargs);
            return -1;
        }
    }
    return 0;
}
