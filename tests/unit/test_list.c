// Unit tests of vm/objects/list.c: append / insert / extend, slicing and
// slice assignment, sorting (stability with keys and reverse, mixed int and
// float, errors from comparisons and key functions) and the check for a list
// mutated while it is being sorted. Expected behaviour is CPython 3.11's.
#include "vm_helpers.h"

static Object *L(const char *src) {
    Object *o = eval_in(src, NULL);
    ck_assert_msg(o && LIST_CHECK(o), "%s: %s", src, o ? "not a list" : exc_text());
    return o;
}

START_TEST(test_append_insert_extend) {
    Object *l = list_new(0);
    ck_assert_int_eq(LIST_SIZE(l), 0);
    for (long i = 0; i < 1000; i++) {
        Object *v = int_from_long(i);
        ck_assert_int_eq(list_append(l, v), 0);
        DECREF(v);
    }
    ck_assert_int_eq(LIST_SIZE(l), 1000);
    ck_assert(((ListObject *)l)->allocated >= 1000);
    long x;
    int_as_long_fast(LIST_ITEMS(l)[999], &x);
    ck_assert_int_eq(x, 999);
    DECREF(l);

    l = L("[1, 2, 3]");
    Object *a = str_from_cstr("xx"), *b = str_from_cstr("yy"), *c = str_from_cstr("zz");
    list_insert(l, -1, a);      // before the last item
    list_insert(l, 100, b);     // clamped to the end
    list_insert(l, -100, c);    // clamped to the start
    ck_assert_str_eq(repr_of(l), "['zz', 1, 2, 'xx', 3, 'yy']");
    ck_assert_int_eq(REFCNT(a), 2);
    DECREF(a);
    DECREF(b);
    DECREF(c);
    // extend with itself, a tuple, a generator, a string, a dict
    Object *l2 = L("[1, 2, 3]");
    ck_assert_int_eq(list_extend(l2, l2), 0);
    ck_assert_str_eq(repr_of(l2), "[1, 2, 3, 1, 2, 3]");
    Object *t = eval_in("(7, 8)", NULL), *gen = eval_in("(i * i for i in range(3))", NULL);
    Object *s = str_from_cstr("ab"), *d = eval_in("{'k': 1}", NULL);
    ck_assert_int_eq(list_extend(l2, t), 0);
    ck_assert_int_eq(list_extend(l2, gen), 0);
    ck_assert_int_eq(list_extend(l2, s), 0);
    ck_assert_int_eq(list_extend(l2, d), 0);
    ck_assert_str_eq(repr_of(l2), "[1, 2, 3, 1, 2, 3, 7, 8, 0, 1, 4, 'a', 'b', 'k']");
    Object *n = int_from_long(5);
    ck_assert_int_eq(list_extend(l2, n), -1);
    ck_assert_str_eq(exc_text(), "TypeError: 'int' object is not iterable");
    ck_assert_int_eq(LIST_SIZE(l2), 14);
    Object *tup = list_as_tuple(l2);
    ck_assert(TUPLE_CHECK_EXACT(tup));
    ck_assert_int_eq(TUPLE_SIZE(tup), 14);
    Object *l3 = list_from_iter(tup);
    ck_assert_int_eq(obj_eq(l3, l2), 1);
    ck_assert_ptr_ne(l3, l2);
    DECREF(tup);
    DECREF(l3);
    DECREF(n);
    DECREF(t);
    DECREF(gen);
    DECREF(s);
    DECREF(d);
    DECREF(l2);
    DECREF(l);
    EVAL_EQ("(lambda l: (l.insert(1, 'a'), l.pop(), l.pop(0), l))([1, 2, 3])", "(None, 3, 1, ['a', 2])");
    EVAL_EQ("[].pop()", "<error IndexError: pop from empty list>");
    EVAL_EQ("[1].index(2)", "<error ValueError: 2 is not in list>");
    EVAL_EQ("[1][5]", "<error IndexError: list index out of range>");
    EVAL_EQ("[1].remove(5)", "<error ValueError: list.remove(x): x not in list>");
    EVAL_EQ("(lambda l: (l.__imul__(2), l)[1])([1, 2])", "[1, 2, 1, 2]");
    EVAL_EQ("[0] * -1, [[]] * 2, [1, 2] + [3]", "([], [[], []], [1, 2, 3])");
}
END_TEST

START_TEST(test_slicing) {
    Object *g = fresh_globals();
    ck_assert_int_eq(run_in("a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n", g), 0);
    static const struct { const char *expr, *want; } get[] = {
        {"a[2:5]", "[2, 3, 4]"},
        {"a[-3:]", "[7, 8, 9]"},
        {"a[:-7]", "[0, 1, 2]"},
        {"a[::3]", "[0, 3, 6, 9]"},
        {"a[::-1]", "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]"},
        {"a[8:2:-2]", "[8, 6, 4]"},
        {"a[100:]", "[]"},
        {"a[-100:2]", "[0, 1]"},
        {"a[5:2]", "[]"},
        {"a[::0]", "<error ValueError: slice step cannot be zero>"},
        {"a[1:2:None]", "[1]"},
        {"a['x']", "<error TypeError: list indices must be integers or slices, not str>"},
        {"a[2**64]", "<error IndexError: cannot fit 'int' into an index-sized integer>"},
        {"a[2**64:]", "[]"},
        {"a[-(2**64):1]", "[0]"},
    };
    for (size_t i = 0; i < sizeof get / sizeof get[0]; i++) {
        const char *got = repr_steal(eval_in(get[i].expr, g));
        ck_assert_msg(strcmp(got, get[i].want) == 0, "%s = %s, expected %s", get[i].expr, got, get[i].want);
    }
    // A slice is a new list sharing the items.
    Object *a = dict_getitem_str(g, "a");
    Object *s = eval_in("a[:]", g);
    ck_assert_ptr_ne(s, a);
    ck_assert_int_eq(obj_eq(s, a), 1);
    ck_assert_ptr_eq(LIST_ITEMS(s)[0], LIST_ITEMS(a)[0]);
    DECREF(s);
    static const struct { const char *code, *want; } set[] = {
        {"b = a[:]; b[1:3] = [9]", "[0, 9, 3, 4, 5, 6, 7, 8, 9]"},
        {"b = a[:]; b[1:1] = 'xy'", "[0, 'x', 'y', 1, 2, 3, 4, 5, 6, 7, 8, 9]"},
        {"b = a[:]; b[::2] = 'abcde'", "['a', 1, 'b', 3, 'c', 5, 'd', 7, 'e', 9]"},
        {"b = a[:]; del b[::-2]", "[0, 2, 4, 6, 8]"},
        {"b = a[:]; del b[2:]", "[0, 1]"},
        {"b = a[:]; b[:] = []", "[]"},
        {"b = [1, 2, 3]; b[1:1] = b", "[1, 1, 2, 3, 2, 3]"},
        {"b = [1, 2, 3]; b[:] = b", "[1, 2, 3]"},
        {"b = [1, 2, 3]; b[5:] = [4]", "[1, 2, 3, 4]"},
        {"b = [1, 2, 3]; b[-1] = 0", "[1, 2, 0]"},
        {"b = [1, 2, 3]; b[::-1] = b", "[3, 2, 1]"},
        {"b = a[:]; b[::2] = [1, 2]", "<error ValueError: attempt to assign sequence of size 2 to extended slice of size 5>"},
        {"b = [1]; b[3] = 0", "<error IndexError: list assignment index out of range>"},
        {"b = [1]; b[0:1] = 5", "<error TypeError: can only assign an iterable>"},
        {"b = [1]; del b[3]", "<error IndexError: list assignment index out of range>"},
    };
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++) {
        const char *got = run_in(set[i].code, g) == 0 ? repr_steal(eval_in("b", g)) : repr_steal(NULL);
        ck_assert_msg(strcmp(got, set[i].want) == 0, "%s -> %s, expected %s", set[i].code, got, set[i].want);
    }
    free_globals(g);
}
END_TEST

START_TEST(test_sort_basic) {
    Object *l = L("[5, 3, 9, 1, 7, 3, -2]");
    ck_assert_int_eq(list_sort(l, NULL, false), 0);
    ck_assert_str_eq(repr_of(l), "[-2, 1, 3, 3, 5, 7, 9]");
    ck_assert_int_eq(list_sort(l, NULL, true), 0);
    ck_assert_str_eq(repr_of(l), "[9, 7, 5, 3, 3, 1, -2]");
    DECREF(l);
    Object *e = list_new(0);
    ck_assert_int_eq(list_sort(e, NULL, false), 0);
    ck_assert_int_eq(list_sort(e, None, true), 0);
    DECREF(e);
    // Strings by code point; big ints.
    l = L("['b', '\xc3\xa9', 'B', 'a', '', 'ab']");
    ck_assert_int_eq(list_sort(l, NULL, false), 0);
    ck_assert_str_eq(repr_of(l), "['', 'B', 'a', 'ab', 'b', '\xc3\xa9']");
    DECREF(l);
    l = L("[2**64, -1, 2**63 - 1, -(2**63), -(2**100), 0]");
    ck_assert_int_eq(list_sort(l, NULL, false), 0);
    ck_assert_str_eq(repr_of(l), "[-1267650600228229401496703205376, -9223372036854775808, -1, 0, "
                                 "9223372036854775807, 18446744073709551616]");
    DECREF(l);
    // Long lists take the merge path; compare with a known order.
    EVAL_EQ("sorted([(i * 7919) % 1009 for i in range(1009)]) == list(range(1009))", "True");
    EVAL_EQ("sorted(range(2000), reverse=True) == list(range(1999, -1, -1))", "True");
    EVAL_EQ("sorted([3.5, 1e-300, -0.0, 2.25]), sorted([(2, 'b'), (1, 'z'), (2, 'a')])",
            "([-0.0, 1e-300, 2.25, 3.5], [(1, 'z'), (2, 'a'), (2, 'b')])");
}
END_TEST

START_TEST(test_sort_stability) {
    Object *g = fresh_globals();
    // Pairs (key, original index): equal keys must keep their original order,
    // also with reverse=True (which is not the same as reversing the result).
    ck_assert_int_eq(run_in("import_keys = [(i * 37) % 10 for i in range(500)]\n"
                            "items = [(k, i) for i, k in enumerate(import_keys)]\n"
                            "s = sorted(items, key=lambda p: p[0])\n"
                            "ok1 = all(s[j][0] < s[j + 1][0] or (s[j][0] == s[j + 1][0] and s[j][1] < s[j + 1][1])\n"
                            "          for j in range(len(s) - 1))\n"
                            "r = sorted(items, key=lambda p: p[0], reverse=True)\n"
                            "ok2 = all(r[j][0] > r[j + 1][0] or (r[j][0] == r[j + 1][0] and r[j][1] < r[j + 1][1])\n"
                            "          for j in range(len(r) - 1))\n"
                            "words = ['bb', 'a', 'ccc', 'dd', 'e', 'fff', 'g']\n"
                            "w1 = sorted(words, key=len)\n"
                            "w2 = sorted(words, key=len, reverse=True)\n",
                            g),
                     0);
    ck_assert_str_eq(repr_steal(eval_in("ok1, ok2", g)), "(True, True)");
    ck_assert_str_eq(repr_steal(eval_in("w1", g)), "['a', 'e', 'g', 'bb', 'dd', 'ccc', 'fff']");
    ck_assert_str_eq(repr_steal(eval_in("w2", g)), "['ccc', 'fff', 'bb', 'dd', 'a', 'e', 'g']");
    // Through the C API with a key: the key is called once per item.
    ck_assert_int_eq(run_in("calls = []\n"
                            "def key(x):\n"
                            "    calls.append(x)\n"
                            "    return x % 3\n"
                            "lst = [5, 4, 3, 2, 1, 0]\n",
                            g),
                     0);
    Object *lst = dict_getitem_str(g, "lst"), *key = dict_getitem_str(g, "key");
    ck_assert_int_eq(list_sort(lst, key, false), 0);
    ck_assert_str_eq(repr_of(lst), "[3, 0, 4, 1, 5, 2]");
    ck_assert_str_eq(repr_steal(eval_in("len(calls)", g)), "6");
    ck_assert_int_eq(list_sort(lst, key, true), 0);
    ck_assert_str_eq(repr_of(lst), "[5, 2, 4, 1, 3, 0]");
    free_globals(g);
}
END_TEST

START_TEST(test_sort_mixed_numbers) {
    Object *l = L("[3, 1.5, 2, -1, 2.0, True, 0, False, -0.5]");
    ck_assert_int_eq(list_sort(l, NULL, false), 0);
    // Equal values keep their order: 0 before False, 2 before 2.0.
    ck_assert_str_eq(repr_of(l), "[-1, -0.5, 0, False, True, 1.5, 2, 2.0, 3]");
    DECREF(l);
    l = L("[2**64, 1e19, 1.8e19, -2**70, float('inf'), -1e300, 2**53 + 1, 2.0**53]");
    ck_assert_int_eq(list_sort(l, NULL, false), 0);
    ck_assert_str_eq(repr_of(l), "[-1e+300, -1180591620717411303424, 9007199254740992.0, 9007199254740993, 1e+19, "
                                 "1.8e+19, 18446744073709551616, inf]");
    DECREF(l);
    l = L("[1, 1.0, True, 1, 0.5]");
    ck_assert_int_eq(list_sort(l, NULL, true), 0);
    ck_assert_str_eq(repr_of(l), "[1, 1.0, True, 1, 0.5]");
    DECREF(l);
}
END_TEST

START_TEST(test_sort_errors) {
    // Incomparable items: TypeError, and the list still holds every item.
    Object *l = L("[3, 'a', 1]");
    ck_assert_int_eq(list_sort(l, NULL, false), -1);
    ck_assert_str_eq(exc_text(), "TypeError: '<' not supported between instances of 'str' and 'int'");
    ck_assert_int_eq(LIST_SIZE(l), 3);
    DECREF(l);
    Object *g = fresh_globals();
    ck_assert_int_eq(run_in("l = [3, 'a', 1] * 20\n"
                            "try:\n"
                            "    l.sort()\n"
                            "except TypeError:\n"
                            "    pass\n"
                            "same = sorted(l, key=str) == sorted([3, 'a', 1] * 20, key=str)\n",
                            g),
                     0);
    ck_assert_str_eq(repr_steal(eval_in("same", g)), "True");
    // A key function that raises: the exception propagates, the list is unchanged.
    ck_assert_int_eq(run_in("k = [3, 1, 2]\n"
                            "def bad(x):\n"
                            "    if x == 1: raise KeyError('boom')\n"
                            "    return x\n",
                            g),
                     0);
    Object *k = dict_getitem_str(g, "k"), *bad = dict_getitem_str(g, "bad");
    ck_assert_int_eq(list_sort(k, bad, false), -1);
    ck_assert_str_eq(exc_text(), "KeyError: 'boom'");
    ck_assert_str_eq(repr_of(k), "[3, 1, 2]");
    // A comparison that raises part-way through a long merge.
    ck_assert_int_eq(run_in("class C:\n"
                            "    def __init__(self, v): self.v = v\n"
                            "    def __lt__(self, o):\n"
                            "        if self.v == 77 or o.v == 77: raise ValueError('cmp')\n"
                            "        return self.v < o.v\n"
                            "cs = [C((i * 31) % 100) for i in range(100)]\n"
                            "try:\n"
                            "    cs.sort()\n"
                            "    err = None\n"
                            "except ValueError as e:\n"
                            "    err = str(e)\n"
                            "kept = sorted(c.v for c in cs) == list(range(100))\n",
                            g),
                     0);
    ck_assert_str_eq(repr_steal(eval_in("err, kept", g)), "('cmp', True)");
    // reverse must be an int-like, as in CPython.
    ck_assert_str_eq(repr_steal(eval_in("sorted([1, 2], key=None, reverse=True)", g)), "[2, 1]");
    free_globals(g);
}
END_TEST

START_TEST(test_sort_mutation) {
    Object *g = fresh_globals();
    // Appending from the key function: ValueError, and the list ends up
    // sorted with the additions discarded (as in CPython).
    ck_assert_int_eq(run_in("L = [3, 1, 2]\n"
                            "def k(x):\n"
                            "    L.append(1)\n"
                            "    return x\n"
                            "try:\n"
                            "    L.sort(key=k)\n"
                            "    e1 = None\n"
                            "except ValueError as e:\n"
                            "    e1 = str(e)\n"
                            "N = [5, 3, 1]\n"
                            "seen = []\n"
                            "def look(x):\n"
                            "    seen.append(len(N))\n"
                            "    return x\n"
                            "N.sort(key=look)\n",
                            g),
                     0);
    ck_assert_str_eq(repr_steal(eval_in("e1, L", g)), "('list modified during sort', [1, 2, 3])");
    // While sorting, the list looks empty.
    ck_assert_str_eq(repr_steal(eval_in("seen, N", g)), "([0, 0, 0], [1, 3, 5])");
    free_globals(g);
}
END_TEST

// A key function that grows the list and shrinks it back to empty (append
// then clear, insert then pop); CPython still detects the mutation (it marks
// the list while sorting).
START_TEST(test_sort_mutation_shrink) {
    Object *g = fresh_globals();
    ck_assert_int_eq(run_in("M = [5, 4, 6]\n"
                            "def cmp_mut(x):\n"
                            "    M.insert(0, 9)\n"
                            "    M.pop()\n"
                            "    return x\n"
                            "try:\n"
                            "    M.sort(key=cmp_mut)\n"
                            "    e2 = None\n"
                            "except ValueError as e:\n"
                            "    e2 = str(e)\n"
                            "L = [3, 1, 2]\n"
                            "def k(x):\n"
                            "    L.append(1)\n"
                            "    L.clear()\n"
                            "    return x\n"
                            "try:\n"
                            "    L.sort(key=k)\n"
                            "    e = None\n"
                            "except ValueError as ex:\n"
                            "    e = str(ex)\n",
                            g),
                     0);
    ck_assert_str_eq(repr_steal(eval_in("e2, M", g)), "('list modified during sort', [4, 5, 6])");
    ck_assert_str_eq(repr_steal(eval_in("e, L", g)), "('list modified during sort', [1, 2, 3])");
    free_globals(g);
}
END_TEST

// sort(reverse=None) is a TypeError in CPython (reverse is parsed as an int).
START_TEST(test_sort_reverse_type) {
    EVAL_EQ("[2, 1].sort(reverse=None)", "<error TypeError: 'NoneType' object cannot be interpreted as an integer>");
}
END_TEST

static Suite *list_suite(void) {
    Suite *s = suite_create("list");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_append_insert_extend);
    tcase_add_test(tc, test_slicing);
    tcase_add_test(tc, test_sort_basic);
    tcase_add_test(tc, test_sort_stability);
    tcase_add_test(tc, test_sort_mixed_numbers);
    tcase_add_test(tc, test_sort_errors);
    tcase_add_test(tc, test_sort_mutation);
    tcase_add_test(tc, test_sort_mutation_shrink);
    tcase_add_test(tc, test_sort_reverse_type);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return vm_test_main(list_suite()); }
