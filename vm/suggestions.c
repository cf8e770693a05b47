// "Did you mean" suggestions (CPython 3.11's Python/suggestions.c).
//
// When an uncaught NameError or AttributeError is printed, the interpreter
// looks for the known name closest to the missing one by a Levenshtein
// distance over UTF-8 bytes in which every edit costs 2 and changing only the
// case of an ASCII letter costs 1. A candidate is taken when at most about a
// third of the characters involved need changing; the first closest one wins.
#include "runtime.h"
#include "suggestions.h"
#include "traceback.h"

#include <limits.h>
#include <stdint.h>

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static inline size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;  // not even a case flip
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

long suggestion_distance(const char *a, size_t a_size, const char *b, size_t b_size, size_t max_cost) {
    size_t row[MAX_STRING_SIZE];
    if (a == b) return 0;
    // Common prefixes and suffixes cost nothing.
    while (a_size && b_size && a[0] == b[0]) {
        a++, a_size--;
        b++, b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) a_size--, b_size--;
    if (a_size == 0 || b_size == 0) return (long)((a_size + b_size) * MOVE_COST);
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE) return (long)max_cost + 1;
    // Keep the row for the shorter string.
    if (b_size < a_size) {
        const char *t = a;
        a = b;
        b = t;
        size_t ts = a_size;
        a_size = b_size;
        b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost) return (long)max_cost + 1;
    for (size_t i = 0; i < a_size; i++) row[i] = (i + 1) * MOVE_COST;  // cost(b[:0], a[:i+1])
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;  // cost(b[:bi], a[:0])
        size_t minimum = SIZE_MAX;
        for (size_t ai = 0; ai < a_size; ai++) {
            // substitute, or delete from either side
            size_t substitute = distance + substitution_cost(code, a[ai]);
            distance = row[ai];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[ai] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return (long)max_cost + 1;  // the whole row is too far already
    }
    return (long)result;
}

// The closest of the candidate names (borrowed array), or NULL. Sets *bad when
// a candidate is not a str (CPython then gives up on this list).
static Object *closest(Object *const *items, ssize_t n, Object *name, bool *bad) {
    *bad = false;
    if (n >= MAX_CANDIDATE_ITEMS) return NULL;
    const char *ns = STR_DATA(name);
    size_t nlen = (size_t)STR_NBYTES(name);
    long best_distance = LONG_MAX;
    Object *best = NULL;
    for (ssize_t i = 0; i < n; i++) {
        Object *item = items[i];
        if (!STR_CHECK(item)) {
            *bad = true;
            return NULL;
        }
        const char *is = STR_DATA(item);
        size_t ilen = (size_t)STR_NBYTES(item);
        if (ilen == nlen && memcmp(is, ns, nlen) == 0) continue;
        // No more than a third of the characters involved may need changing,
        // and a match must beat the best one so far.
        long max_distance = (long)((nlen + ilen + 3) * MOVE_COST / 6);
        if (best_distance - 1 < max_distance) max_distance = best_distance - 1;
        if (max_distance < 0) continue;
        long d = suggestion_distance(ns, nlen, is, ilen, (size_t)max_distance);
        if (d > max_distance) continue;
        if (!best || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best ? NEWREF(best) : NULL;
}

static Object *closest_in_list(Object *list, Object *name) {
    bool bad;
    return closest(LIST_ITEMS(list), LIST_SIZE(list), name, &bad);
}

static Object *closest_in_dict(Object *d, Object *name) {
    if (!d || !DICT_CHECK(d)) return NULL;
    Object *keys = dict_keys_list(d);
    if (!keys) {
        err_clear();
        return NULL;
    }
    Object *r = closest_in_list(keys, name);
    DECREF(keys);
    return r;
}

static Object *dict_attr(Object *exc, const char *key) {
    Object **dp = obj_dict_ptr(exc);
    return dp && *dp ? dict_getitem_str(*dp, key) : NULL;
}

static Object *suggest_attribute(Object *exc) {
    Object *name = dict_attr(exc, "name"), *obj = dict_attr(exc, "obj");
    if (!name || !obj || !STR_CHECK_EXACT(name)) return NULL;
    // dir(obj), through the builtin (CPython's PyObject_Dir).
    Object *dirfn = the_interp.builtins ? dict_getitem_str(the_interp.builtins, "dir") : NULL;
    Object *dir = dirfn ? obj_call1(dirfn, obj) : NULL;
    if (!dir) {
        err_clear();
        return NULL;
    }
    Object *r = LIST_CHECK(dir) ? closest_in_list(dir, name) : NULL;
    DECREF(dir);
    return r;
}

static Object *suggest_name(Object *exc) {
    Object *name = dict_attr(exc, "name");
    TracebackObject *tb = (TracebackObject *)exc_get_traceback(exc);
    if (!name || !STR_CHECK_EXACT(name) || !tb) return NULL;
    while (tb->next) tb = tb->next;
    // The local variable names of the code (co_varnames), then the frame's
    // globals, then its builtins.
    CodeObject *co = tb->code;
    Object *varnames = list_new(0);
    if (!varnames) {
        err_clear();
        return NULL;
    }
    for (int i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & CO_FAST_LOCAL)
            if (list_append(varnames, TUPLE_ITEMS(co->localsplusnames)[i]) < 0) {
                err_clear();
                DECREF(varnames);
                return NULL;
            }
    Object *r = closest_in_list(varnames, name);
    DECREF(varnames);
    if (!r) r = closest_in_dict(tb->globals, name);
    if (!r) r = closest_in_dict(tb->builtins, name);
    return r;
}

Object *suggest_for_exception(Object *exc) {
    Object *saved = err_fetch();
    Object *r = NULL;
    if (TYPE(exc) == Exc_AttributeError) r = suggest_attribute(exc);
    else if (TYPE(exc) == Exc_NameError) r = suggest_name(exc);
    err_clear();
    err_restore(saved);
    return r;
}

void exc_set_attr_context(Object *obj, Object *name) {
    Object *exc = err_occurred();
    if (!exc || !type_is_subtype(TYPE(exc), Exc_AttributeError)) return;
    // Already augmented (or raised with name=...): keep it.
    Object **dp = obj_dict_ptr(exc);
    Object *old = dp && *dp ? dict_getitem(*dp, S_name) : NULL;
    if (old && old != None) return;
    static Object *s_obj;
    if (!s_obj) s_obj = str_intern_cstr("obj");
    INCREF(exc);
    int r;
    if (dp && *dp) {
        // The instance dict holds them (AttributeError.__init__ put None there).
        r = dict_setitem(*dp, S_name, name) < 0 || dict_setitem(*dp, s_obj, obj) < 0 ? -1 : 0;
    } else {
        r = obj_setattr(exc, S_name, name) < 0 || obj_setattr(exc, s_obj, obj) < 0 ? -1 : 0;
    }
    if (r < 0) err_restore(exc);  // keep the AttributeError, not a failure to augment it
    else DECREF(exc);
}
