// The cycle collector's internals (vm/gc.c): GC headers and tracking,
// generations, trial deletion with C-held references, tuple untracking,
// finalizers and resurrection, and the allocation count that triggers
// automatic collections.
#include "vm_helpers.h"

#include "vm/gc.h"

// Runs a full collection with nothing else pending.
static ssize_t full_collect(void) { return gc_collect(GC_NGENS - 1); }

// True if o is in the list of generation gen.
static bool in_generation(Object *o, int gen) {
    GCHead *l = &gc_state.gens[gen].head;
    for (GCHead *h = l->next; h != l; h = h->next)
        if (GC_OBJECT(h) == o) return true;
    return false;
}

START_TEST(test_header_and_tracking) {
    Object *l = list_new(0);
    ck_assert(gc_is_gc(l));
    ck_assert(gc_is_tracked(l));
    ck_assert(in_generation(l, 0));
    ck_assert_uint_eq((uintptr_t)GC_HEAD(l) % sizeof(void *), 0);
    ck_assert_ptr_eq(GC_OBJECT(GC_HEAD(l)), l);
    // Not containers: no header.
    Object *i = int_from_long(123456789);
    Object *s = str_from_cstr("text");
    ck_assert(!gc_is_gc(i));
    ck_assert(!gc_is_gc(s));
    // Built-in types are static: no header, never tracked.
    ck_assert(!gc_is_gc((Object *)&ListType));
    ck_assert(!gc_is_gc((Object *)&TypeType));
    DECREF(i);
    DECREF(s);
    DECREF(l);
}
END_TEST

START_TEST(test_freelist_retracks) {
    // A list freed onto the freelist is untracked; reused, it is tracked again.
    for (int round = 0; round < 3; round++) {
        Object *l = list_new(0);
        ck_assert(gc_is_tracked(l));
        ck_assert(in_generation(l, 0));
        DECREF(l);
    }
    Object *t = tuple_pack(2, None, None);
    ck_assert(gc_is_tracked(t));
    DECREF(t);
    Object *d = dict_new();
    ck_assert(gc_is_tracked(d));
    DECREF(d);
}
END_TEST

START_TEST(test_heap_types) {
    Object *g = fresh_globals();
    ck_assert_int_eq(run_in("class C:\n    pass\nc = C()\n", g), 0);
    Object *c = dict_getitem_str(g, "C");
    Object *inst = dict_getitem_str(g, "c");
    ck_assert(gc_is_gc(c));
    ck_assert(gc_is_tracked(c));
    ck_assert(gc_is_tracked(inst));
    // The MRO tuple holds the class itself without a reference: the
    // collector must not see it.
    ck_assert(!gc_is_tracked(((TypeObject *)c)->mro));
    free_globals(g);
}
END_TEST

START_TEST(test_self_cycle) {
    full_collect();
    Object *l = list_new(0);
    list_append(l, l);
    ck_assert_int_eq(REFCNT(l), 2);
    long live = obj_live_count();
    DECREF(l);  // only the cycle holds it now
    ck_assert_int_eq(full_collect(), 1);
    if (live >= 0) ck_assert_int_eq(obj_live_count(), live - 1);
    ck_assert_int_eq(full_collect(), 0);
}
END_TEST

START_TEST(test_c_reference_is_a_root) {
    full_collect();
    // a <-> b, and a C variable holds a: nothing is garbage.
    Object *a = list_new(0), *b = list_new(0);
    list_append(a, b);
    list_append(b, a);
    DECREF(b);
    ck_assert_int_eq(full_collect(), 0);
    ck_assert_int_eq(LIST_SIZE(a), 1);
    ck_assert_int_eq(LIST_SIZE(LIST_ITEMS(a)[0]), 1);
    // Survivors of a full collection stay in the oldest generation.
    ck_assert(in_generation(a, GC_NGENS - 1));
    DECREF(a);
    ck_assert_int_eq(full_collect(), 2);
}
END_TEST

START_TEST(test_generations) {
    full_collect();
    Object *l = list_new(0);
    list_append(l, l);
    ck_assert(in_generation(l, 0));
    ck_assert_int_eq(gc_collect(0), 0);  // reachable (held here): moves up
    ck_assert(in_generation(l, 1));
    ck_assert_int_eq(gc_collect(1), 0);
    ck_assert(in_generation(l, 2));
    DECREF(l);
    // Collecting the younger generations does not look at generation 2.
    ck_assert_int_eq(gc_collect(0), 0);
    ck_assert_int_eq(gc_collect(1), 0);
    ck_assert_int_eq(gc_collect(2), 1);
}
END_TEST

START_TEST(test_counts) {
    full_collect();
    ck_assert_int_eq(gc_state.gens[0].count, 0);
    ck_assert_int_eq(gc_state.gens[1].count, 0);
    // A generation 2 collection counts nowhere; a generation 0 one counts
    // in generation 1.
    gc_collect(0);
    ck_assert_int_eq(gc_state.gens[1].count, 1);
    long before = gc_state.gens[0].count;
    Object *objs[10];
    for (int i = 0; i < 10; i++) objs[i] = (Object *)obj_alloc(&ListType, sizeof(ListObject));
    ck_assert_int_eq(gc_state.gens[0].count, before + 10);
    for (int i = 0; i < 10; i++) obj_free(objs[i]);
    ck_assert_int_eq(gc_state.gens[0].count, before);
}
END_TEST

START_TEST(test_untrack_tuples) {
    full_collect();
    Object *atoms = tuple_pack(2, None, S___name__);
    Object *l = list_new(0);
    Object *holds_list = tuple_pack(1, l);
    Object *nested = tuple_pack(1, atoms);
    ck_assert(gc_is_tracked(atoms));
    full_collect();
    ck_assert(!gc_is_tracked(atoms));
    ck_assert(gc_is_tracked(holds_list));
    // Scanned after atoms in the same collection: its item is untracked.
    ck_assert(!gc_is_tracked(nested));
    DECREF(nested);
    DECREF(holds_list);
    DECREF(l);
    DECREF(atoms);
}
END_TEST

START_TEST(test_finalizer_once_and_resurrection) {
    full_collect();
    Object *g = fresh_globals();
    const char *src =
        "calls = []\n"
        "saved = []\n"
        "class D:\n"
        "    def __del__(self):\n"
        "        calls.append(self.name)\n"
        "        if self.name == 'r':\n"
        "            saved.append(self)\n"
        "def make(name):\n"
        "    o = D()\n"
        "    o.name = name\n"
        "    o.me = o\n"
        "make('x')\n"
        "make('r')\n";
    ck_assert_int_eq(run_in(src, g), 0);
    full_collect();
    ck_assert_str_eq(repr_of(dict_getitem_str(g, "calls")), "['x', 'r']");
    Object *saved = dict_getitem_str(g, "saved");
    ck_assert_int_eq(LIST_SIZE(saved), 1);
    Object *r = LIST_ITEMS(saved)[0];
    ck_assert(GC_HEAD(r)->bits & GC_FINALIZED);
    ck_assert(gc_is_tracked(r));
    // Dropped again: collected without a second __del__.
    ck_assert_int_eq(run_in("saved.clear()\n", g), 0);
    ck_assert(full_collect() > 0);
    ck_assert_str_eq(repr_of(dict_getitem_str(g, "calls")), "['x', 'r']");
    free_globals(g);
}
END_TEST

START_TEST(test_namespace_cycle) {
    // A module-like namespace whose function points back to it through
    // __globals__: garbage once the last outside reference goes.
    full_collect();
    Object *g = fresh_globals();
    ck_assert_int_eq(run_in("def f():\n    return f\nclass K:\n    def m(self):\n        pass\n", g), 0);
    DECREF(g);
    ck_assert(full_collect() >= 3);
    ck_assert_int_eq(full_collect(), 0);
}
END_TEST

START_TEST(test_collect_does_not_nest) {
    gc_state.collecting = true;
    Object *l = list_new(0);
    list_append(l, l);
    DECREF(l);
    ck_assert_int_eq(gc_collect(2), 0);
    gc_state.collecting = false;
    ck_assert_int_eq(gc_collect(2), 1);
}
END_TEST

START_TEST(test_automatic_request) {
    full_collect();
    long saved = gc_state.gens[0].threshold;
    gc_state.gens[0].threshold = 5;
    gc_state.requested = false;
    atomic_fetch_and(&the_interp.eval_breaker, ~BREAK_GC);
    // (Fresh allocations count; freelist reuse does not, as in CPython.)
    Object *objs[8];
    for (int i = 0; i < 8; i++) objs[i] = obj_alloc(&ListType, sizeof(ListObject));
    ck_assert(atomic_load(&the_interp.eval_breaker) & BREAK_GC);
    ck_assert(gc_state.requested);
    // The eval breaker runs it; here, by hand.
    atomic_fetch_and(&the_interp.eval_breaker, ~BREAK_GC);
    gc_collect_auto();
    ck_assert(!gc_state.requested);
    ck_assert_int_eq(gc_state.gens[0].count, 0);
    for (int i = 0; i < 8; i++) obj_free(objs[i]);
    gc_state.gens[0].threshold = saved;
}
END_TEST

static Suite *gc_suite(void) {
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_header_and_tracking);
    tcase_add_test(tc, test_freelist_retracks);
    tcase_add_test(tc, test_heap_types);
    tcase_add_test(tc, test_self_cycle);
    tcase_add_test(tc, test_c_reference_is_a_root);
    tcase_add_test(tc, test_generations);
    tcase_add_test(tc, test_counts);
    tcase_add_test(tc, test_untrack_tuples);
    tcase_add_test(tc, test_finalizer_once_and_resurrection);
    tcase_add_test(tc, test_namespace_cycle);
    tcase_add_test(tc, test_collect_does_not_nest);
    tcase_add_test(tc, test_automatic_request);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return vm_test_main(gc_suite()); }
