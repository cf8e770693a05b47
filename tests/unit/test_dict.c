// Unit tests of vm/objects/dict.c: insert / lookup / delete, insertion
// order across deletes and re-inserts, resizing under many inserts, keys
// that compare equal across types (1, 1.0, True), colliding hashes,
// iteration with dict_next, copy / update / merge, the version tag, and
// errors raised by keys. Expected behaviour is CPython 3.11's.
#include "vm_helpers.h"

static Object *S(const char *s) { return str_from_cstr(s); }

// The keys of d, in iteration order, as repr text.
static const char *keys_repr(Object *d) { return repr_steal(dict_keys_list(d)); }

static Object *dict_entry_at(Object *d, ssize_t ix) { return ((DictObject *)d)->keys->entries[ix].value; }

START_TEST(test_basic) {
    Object *d = dict_new();
    ck_assert_int_eq(DICT_SIZE(d), 0);
    Object *k = S("key"), *v = int_from_long(12345), *v2 = S("other");
    ck_assert_ptr_null(dict_getitem(d, k));
    ck_assert_ptr_null(err_occurred());
    ck_assert_int_eq(dict_setitem(d, k, v), 0);
    ck_assert_int_eq(DICT_SIZE(d), 1);
    ck_assert_ptr_eq(dict_getitem(d, k), v);                // borrowed, the same object
    ck_assert_ptr_eq(dict_getitem_str(d, "key"), v);        // an equal, different str
    ck_assert_int_eq(dict_contains(d, k), 1);
    ck_assert_int_eq(REFCNT(v), 2);                         // the dict holds a reference
    ck_assert_int_eq(dict_setitem(d, k, v2), 0);            // replace
    ck_assert_int_eq(DICT_SIZE(d), 1);
    ck_assert_int_eq(REFCNT(v), 1);
    ck_assert_ptr_eq(dict_getitem(d, k), v2);
    ck_assert_int_eq(dict_setitem_str(d, "x", v), 0);
    ck_assert_int_eq(DICT_SIZE(d), 2);
    ck_assert_str_eq(repr_of(d), "{'key': 'other', 'x': 12345}");
    // delete
    ck_assert_int_eq(dict_delitem(d, k), 0);
    ck_assert_int_eq(DICT_SIZE(d), 1);
    ck_assert_int_eq(dict_contains(d, k), 0);
    ck_assert_int_eq(dict_delitem(d, k), -1);
    ck_assert_str_eq(exc_text(), "KeyError: 'key'");
    // pop
    Object *out = NULL;
    Object *x = S("x");
    ck_assert_int_eq(dict_pop(d, x, &out), 1);
    ck_assert_ptr_eq(out, v);
    DECREF(out);
    ck_assert_int_eq(dict_pop(d, x, &out), 0);
    ck_assert_ptr_null(err_occurred());
    ck_assert_int_eq(DICT_SIZE(d), 0);
    ck_assert_str_eq(repr_of(d), "{}");
    // clear
    dict_setitem(d, k, v);
    dict_setitem(d, x, v);
    dict_clear(d);
    ck_assert_int_eq(DICT_SIZE(d), 0);
    ck_assert_ptr_null(dict_getitem(d, k));
    ck_assert_int_eq(REFCNT(v), 1);
    dict_setitem(d, x, v);      // usable after clear
    ck_assert_int_eq(DICT_SIZE(d), 1);
    DECREF(d);
    ck_assert_int_eq(REFCNT(v), 1);
    DECREF(k);
    DECREF(v);
    DECREF(v2);
    DECREF(x);
}
END_TEST

START_TEST(test_order) {
    Object *d = dict_new();
    const char *names[] = {"a", "b", "c", "d", "e"};
    Object *one = int_from_long(1);
    for (int i = 0; i < 5; i++) {
        Object *k = S(names[i]);
        dict_setitem(d, k, one);
        DECREF(k);
    }
    ck_assert_str_eq(keys_repr(d), "['a', 'b', 'c', 'd', 'e']");
    Object *b = S("b"), *d_ = S("d"), *a = S("a");
    dict_delitem(d, b);
    dict_delitem(d, d_);
    ck_assert_str_eq(keys_repr(d), "['a', 'c', 'e']");
    dict_setitem(d, b, one);                    // re-inserted keys go to the end
    ck_assert_str_eq(keys_repr(d), "['a', 'c', 'e', 'b']");
    Object *two = int_from_long(2);
    dict_setitem(d, a, two);                    // replacing keeps the position
    ck_assert_str_eq(keys_repr(d), "['a', 'c', 'e', 'b']");
    ck_assert_str_eq(repr_steal(dict_values_list(d)), "[2, 1, 1, 1]");
    ck_assert_str_eq(repr_steal(dict_items_list(d)), "[('a', 2), ('c', 1), ('e', 1), ('b', 1)]");
    dict_delitem(d, a);
    dict_setitem(d, a, two);
    ck_assert_str_eq(keys_repr(d), "['c', 'e', 'b', 'a']");
    // Many delete / re-insert rounds (forcing compaction) keep the order.
    for (int round = 0; round < 50; round++) {
        Object *k = S("c");
        dict_delitem(d, k);
        dict_setitem(d, k, one);
        DECREF(k);
    }
    ck_assert_str_eq(keys_repr(d), "['e', 'b', 'a', 'c']");
    DECREF(b);
    DECREF(d_);
    DECREF(a);
    DECREF(d);
    // The same at the Python level, including popitem (LIFO).
    EVAL_EQ("(lambda d: (d.pop('x'), d.update(x=9), list(d), d.popitem(), list(d)))"
            "({'x': 1, 'y': 2, 'z': 3})",
            "(1, None, ['y', 'z', 'x'], ('x', 9), ['y', 'z'])");
}
END_TEST

START_TEST(test_resize_many) {
    enum { N = 100000 };
    Object *d = dict_new();
    for (long i = 0; i < N; i++) {
        Object *k = int_from_long(i * 7919), *v = int_from_long(i);
        ck_assert_int_eq(dict_setitem(d, k, v), 0);
        DECREF(k);
        DECREF(v);
    }
    ck_assert_int_eq(DICT_SIZE(d), N);
    DictKeys *keys = ((DictObject *)d)->keys;
    ck_assert(keys->size >= N);
    ck_assert((keys->size & (keys->size - 1)) == 0);
    for (long i = 0; i < N; i++) {
        Object *k = int_from_long(i * 7919);
        Object *v = dict_getitem(d, k);
        ck_assert_ptr_nonnull(v);
        long got;
        ck_assert_int_eq(int_as_long_fast(v, &got), 0);
        ck_assert_int_eq(got, i);
        DECREF(k);
    }
    // Delete the even ones, check, then re-insert them (they go to the end).
    for (long i = 0; i < N; i += 2) {
        Object *k = int_from_long(i * 7919);
        ck_assert_int_eq(dict_delitem(d, k), 0);
        DECREF(k);
    }
    ck_assert_int_eq(DICT_SIZE(d), N / 2);
    for (long i = 0; i < N; i++) {
        Object *k = int_from_long(i * 7919);
        ck_assert_int_eq(dict_contains(d, k), (int)(i % 2));
        DECREF(k);
    }
    for (long i = 0; i < N; i += 2) {
        Object *k = int_from_long(i * 7919), *v = int_from_long(-i);
        ck_assert_int_eq(dict_setitem(d, k, v), 0);
        DECREF(k);
        DECREF(v);
    }
    ck_assert_int_eq(DICT_SIZE(d), N);
    ssize_t pos = 0, n = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        long kv = 0, vv = 0;
        int_as_long_fast(k, &kv);
        int_as_long_fast(v, &vv);
        long i = kv / 7919;
        if (n < N / 2) {
            ck_assert_int_eq(i, 2 * n + 1);     // the odd ones first, in order
            ck_assert_int_eq(vv, i);
        } else {
            ck_assert_int_eq(i, 2 * (n - N / 2));
            ck_assert_int_eq(vv, -i);
        }
        n++;
    }
    ck_assert_int_eq(n, N);
    DECREF(d);
    // String keys too, through the interpreter.
    EVAL_EQ("(lambda d: (len(d), d['k99999'], list(d)[:3]))({'k%d' % i: i for i in range(100000)})",
            "(100000, 99999, ['k0', 'k1', 'k2'])");
}
END_TEST

START_TEST(test_equal_keys_across_types) {
    Object *d = dict_new();
    Object *i1 = int_from_long(1), *f1 = float_from_double(1.0);
    Object *a = S("a"), *b = S("b"), *c = S("c");
    dict_setitem(d, i1, a);
    dict_setitem(d, f1, b);
    ck_assert_int_eq(DICT_SIZE(d), 1);
    ck_assert_ptr_eq(dict_getitem(d, True), b);
    dict_setitem(d, True, c);
    ck_assert_int_eq(DICT_SIZE(d), 1);
    // The first key object is kept; only the value changes.
    ck_assert_str_eq(repr_of(d), "{1: 'c'}");
    ck_assert_int_eq(dict_delitem(d, f1), 0);
    ck_assert_int_eq(DICT_SIZE(d), 0);
    // 0, 0.0, False and -0.0 are one key too; 2**64 and 2.0**64 as well.
    Object *mz = float_from_double(-0.0);
    dict_setitem(d, False, a);
    dict_setitem(d, mz, b);
    ck_assert_int_eq(DICT_SIZE(d), 1);
    ck_assert_str_eq(repr_of(d), "{False: 'b'}");
    DECREF(i1);
    DECREF(f1);
    DECREF(mz);
    DECREF(a);
    DECREF(b);
    DECREF(c);
    DECREF(d);
    EVAL_EQ("{1: 'a', 1.0: 'b', True: 'c'}", "{1: 'c'}");
    EVAL_EQ("len({2**64: 1, 2.0**64: 2, 18446744073709551616: 3})", "1");
    EVAL_EQ("{0: 1}[0.0], {0.0: 1}[False], {-0.0: 1}[0]", "(1, 1, 1)");
    EVAL_EQ("1.5 in {1: 0}, 'a' in {b'a': 0}", "(False, False)");
    // -1 and -2 share a hash (hash(-1) == -2) but are different keys.
    EVAL_EQ("hash(-1) == hash(-2), {-1: 'x', -2: 'y'}", "(True, {-1: 'x', -2: 'y'})");
}
END_TEST

START_TEST(test_collisions) {
    // A class whose instances all hash alike: the dict must still tell them apart.
    Object *g = fresh_globals();
    ck_assert_int_eq(run_in("class K:\n"
                            "    def __init__(self, n): self.n = n\n"
                            "    def __hash__(self): return 42\n"
                            "    def __eq__(self, o): return isinstance(o, K) and o.n == self.n\n"
                            "    def __repr__(self): return 'K(%d)' % self.n\n"
                            "d = {K(i): i for i in range(200)}\n"
                            "for i in range(0, 200, 3): del d[K(i)]\n"
                            "ok = all((K(i) in d) == (i % 3 != 0) for i in range(200))\n"
                            "vals = [d[K(i)] for i in range(1, 200, 3)]\n",
                            g),
                     0);
    ck_assert_str_eq(repr_steal(eval_in("ok, len(d), vals[:3], list(d)[:2]", g)), "(True, 133, [1, 4, 7], [K(1), K(2)])");
    // __eq__ that raises propagates out of lookup.
    ck_assert_int_eq(run_in("class Bad:\n"
                            "    def __hash__(self): return 42\n"
                            "    def __eq__(self, o): raise ValueError('eq failed')\n",
                            g),
                     0);
    ck_assert_str_eq(repr_steal(eval_in("{Bad(): 1}[K(1)]", g)), "<error ValueError: eq failed>");
    // Unhashable keys.
    ck_assert_str_eq(repr_steal(eval_in("{[]: 1}", g)), "<error TypeError: unhashable type: 'list'>");
    ck_assert_str_eq(repr_steal(eval_in("{}.get({})", g)), "<error TypeError: unhashable type: 'dict'>");
    Object *d = dict_new(), *l = list_new(0);
    ck_assert_int_eq(dict_setitem(d, l, l), -1);
    ck_assert_str_eq(exc_text(), "TypeError: unhashable type: 'list'");
    ck_assert_int_eq(dict_contains(d, l), -1);
    err_clear();
    DECREF(d);
    DECREF(l);
    // An __eq__ that mutates the dict during lookup must not crash.
    ck_assert_int_eq(run_in("class M:\n"
                            "    def __init__(self, d): self.d = d\n"
                            "    def __hash__(self): return 7\n"
                            "    def __eq__(self, o):\n"
                            "        self.d.clear()\n"
                            "        return False\n"
                            "dd = {}\n"
                            "dd[M(dd)] = 1\n"
                            "r = M(dd) in dd\n",
                            g),
                     0);
    ck_assert_str_eq(repr_steal(eval_in("r, len(dd)", g)), "(False, 0)");
    free_globals(g);
}
END_TEST

START_TEST(test_iteration) {
    Object *d = dict_new();
    for (long i = 0; i < 10; i++) {
        Object *k = int_from_long(i), *v = int_from_long(i * i);
        dict_setitem(d, k, v);
        DECREF(k);
        DECREF(v);
    }
    for (long i = 0; i < 10; i += 3) {
        Object *k = int_from_long(i);
        dict_delitem(d, k);
        DECREF(k);
    }
    ssize_t pos = 0;
    Object *k, *v;
    long expect[] = {1, 2, 4, 5, 7, 8};
    int n = 0;
    while (dict_next(d, &pos, &k, &v)) {
        long kv = 0, vv = 0;
        int_as_long_fast(k, &kv);
        int_as_long_fast(v, &vv);
        ck_assert_int_lt(n, 6);
        ck_assert_int_eq(kv, expect[n]);
        ck_assert_int_eq(vv, expect[n] * expect[n]);
        n++;
    }
    ck_assert_int_eq(n, 6);
    ck_assert(!dict_next(d, &pos, &k, &v));     // stays at the end
    // NULL out-parameters are allowed.
    pos = 0;
    ck_assert(dict_next(d, &pos, NULL, NULL));
    DECREF(d);
    Object *e = dict_new();
    pos = 0;
    ck_assert(!dict_next(e, &pos, &k, &v));
    DECREF(e);
    // Changing the size while iterating raises, as in CPython.
    EVAL_EQ("(lambda d: [d.__setitem__(k + 10, 0) for k in d])({1: 1, 2: 2})",
            "<error RuntimeError: dictionary changed size during iteration>");
    EVAL_EQ("(lambda d: [d.pop(k) for k in d])({1: 1, 2: 2})",
            "<error RuntimeError: dictionary changed size during iteration>");
    EVAL_EQ("(lambda d: ([d.__setitem__(k, 0) for k in d], d)[1])({1: 1, 2: 2})", "{1: 0, 2: 0}");
    EVAL_EQ("list(reversed({1: 1, 2: 2, 3: 3}))", "[3, 2, 1]");
    EVAL_EQ("list({'a': 1, 'b': 2}.items())", "[('a', 1), ('b', 2)]");
}
END_TEST

START_TEST(test_copy_update_merge) {
    Object *g = fresh_globals();
    ck_assert_int_eq(run_in("a = {'x': 1, 'y': 2, 'z': 3}\n"
                            "del a['y']\n"
                            "class Map:\n"
                            "    def keys(self): return ['k1', 'x']\n"
                            "    def __getitem__(self, k): return k.upper()\n",
                            g),
                     0);
    Object *a = dict_getitem_str(g, "a");
    Object *c = dict_copy(a);
    ck_assert_ptr_ne(c, a);
    ck_assert_str_eq(repr_of(c), "{'x': 1, 'z': 3}");
    ck_assert_int_eq(obj_eq(c, a), 1);
    Object *w = S("w"), *zero = int_from_long(0);
    dict_setitem(c, w, zero);                   // the copy is independent
    ck_assert_int_eq(DICT_SIZE(a), 2);
    ck_assert_int_eq(DICT_SIZE(c), 3);
    // update from a dict: overrides, appends new keys in order
    Object *o = dict_new();
    Object *x = S("x"), *n = S("n"), *ten = int_from_long(10), *twenty = int_from_long(20);
    dict_setitem(o, n, ten);
    dict_setitem(o, x, twenty);
    ck_assert_int_eq(dict_update(c, o), 0);
    ck_assert_str_eq(repr_of(c), "{'x': 20, 'z': 3, 'w': 0, 'n': 10}");
    // merge without override keeps existing values
    Object *c2 = dict_copy(a);
    ck_assert_int_eq(dict_merge(c2, o, 0), 0);
    ck_assert_str_eq(repr_of(c2), "{'x': 1, 'z': 3, 'n': 10}");
    ck_assert_int_eq(dict_merge(c2, o, 1), 0);
    ck_assert_str_eq(repr_of(c2), "{'x': 20, 'z': 3, 'n': 10}");
    ck_assert_int_eq(dict_merge(c2, c2, 1), 0);     // with itself: no change
    ck_assert_str_eq(repr_of(c2), "{'x': 20, 'z': 3, 'n': 10}");
    // update from a mapping (keys() + __getitem__) and from pairs
    Object *m = eval_in("Map()", g);
    ck_assert_int_eq(dict_update(c2, m), 0);
    ck_assert_str_eq(repr_of(c2), "{'x': 'X', 'z': 3, 'n': 10, 'k1': 'K1'}");
    Object *c3 = dict_copy(a);
    ck_assert_int_eq(dict_merge(c3, m, 0), 0);
    ck_assert_str_eq(repr_of(c3), "{'x': 1, 'z': 3, 'k1': 'K1'}");
    Object *pairs = eval_in("[('p', 1), ['q', 2], 'rs']", g);
    ck_assert_int_eq(dict_update(c3, pairs), 0);
    ck_assert_str_eq(repr_of(c3), "{'x': 1, 'z': 3, 'k1': 'K1', 'p': 1, 'q': 2, 'r': 's'}");
    Object *badpairs = eval_in("[('p', 1, 2)]", g);
    ck_assert_int_eq(dict_update(c3, badpairs), -1);
    ck_assert_str_eq(exc_text(), "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    Object *badpairs2 = eval_in("[1]", g);
    ck_assert_int_eq(dict_update(c3, badpairs2), -1);
    ck_assert_str_eq(exc_text(), "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    // A copy of a dict with many deleted entries is compact and equal.
    ck_assert_int_eq(run_in("big = {i: i for i in range(1000)}\n"
                            "for i in range(0, 1000, 2): del big[i]\n"
                            "cp = big.copy()\n"
                            "same = cp == big and list(cp) == list(big)\n",
                            g),
                     0);
    ck_assert_str_eq(repr_steal(eval_in("same, len(cp)", g)), "(True, 500)");
    ck_assert_str_eq(repr_steal(eval_in("{**a, 'x': 0} | {'q': 1}", g)), "{'x': 0, 'z': 3, 'q': 1}");
    ck_assert_str_eq(repr_steal(eval_in("dict(a, y=5), dict([(1, 2)], **{'k': 3})", g)),
                     "({'x': 1, 'z': 3, 'y': 5}, {1: 2, 'k': 3})");
    DECREF(c);
    DECREF(c2);
    DECREF(c3);
    DECREF(o);
    DECREF(m);
    DECREF(pairs);
    DECREF(badpairs);
    DECREF(badpairs2);
    DECREF(w);
    DECREF(zero);
    DECREF(x);
    DECREF(n);
    DECREF(ten);
    DECREF(twenty);
    free_globals(g);
}
END_TEST

START_TEST(test_version) {
    // Keys versions (LOAD_GLOBAL's cache): unique per keys table, kept while
    // only values change, new once a key is added or removed.
    Object *d = dict_new(), *d2 = dict_new();
    Object *k = S("k"), *k2 = S("k2"), *v = int_from_long(1), *v2 = int_from_long(2);
    ck_assert_uint_eq(dict_keys_version(d), 0);  // no keys table yet
    dict_setitem(d, k, v);
    dict_setitem(d2, k, v);
    uint32_t v1 = dict_keys_version(d);
    ck_assert_uint_ne(v1, 0);
    ck_assert_uint_ne(v1, dict_keys_version(d2));
    ck_assert_uint_eq(dict_keys_version(d), v1);  // stable when asked again
    ck_assert_ptr_nonnull(dict_getitem(d, k));     // lookups don't change it
    ssize_t pos = 0;
    Object *kk, *vv;
    while (dict_next(d, &pos, &kk, &vv)) {}
    ck_assert_uint_eq(dict_keys_version(d), v1);
    dict_setitem(d, k, v2);                        // replacing a value: same keys
    ck_assert_uint_eq(dict_keys_version(d), v1);
    dict_setitem(d, k2, v2);                       // a new key
    uint32_t v3 = dict_keys_version(d);
    ck_assert_uint_ne(v3, v1);
    dict_delitem(d, k2);                           // a deletion
    uint32_t v4 = dict_keys_version(d);
    ck_assert_uint_ne(v4, v3);
    ssize_t ix;
    uint32_t ver;
    ck_assert_ptr_eq(dict_lookup_cached(d, k, str_hash(k), &ix, &ver), v2);
    ck_assert_uint_eq(ver, v4);
    ck_assert_ptr_eq(dict_entry_at(d, ix), v2);
    ck_assert_ptr_null(dict_lookup_cached(d, k2, str_hash(k2), &ix, &ver));
    ck_assert_int_lt(ix, 0);
    DECREF(d);
    DECREF(d2);
    DECREF(k);
    DECREF(k2);
    DECREF(v);
    DECREF(v2);
}
END_TEST

static Suite *dict_suite(void) {
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_basic);
    tcase_add_test(tc, test_order);
    tcase_add_test(tc, test_resize_many);
    tcase_add_test(tc, test_equal_keys_across_types);
    tcase_add_test(tc, test_collisions);
    tcase_add_test(tc, test_iteration);
    tcase_add_test(tc, test_copy_update_merge);
    tcase_add_test(tc, test_version);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return vm_test_main(dict_suite()); }
