// Generators hold no memory once abandoned, and a resume/yield round trip
// allocates nothing (issue 3).
//
// Two instruments:
// - this executable replaces malloc/calloc/realloc/free with counting
//   wrappers around glibc's __libc_* functions, so that every build type can
//   count heap blocks: the number live, the high-water mark, and the number
//   of allocations (skipped under AddressSanitizer, which owns malloc);
// - obj_live_count(), the live object count of builds without NDEBUG.
//
// Each test compiles its Python source once, warms it up (caches, interned
// names, freelists, the thread's frame data stack), then measures one more
// run of the same code object in the same globals.
#include "vm_helpers.h"

#include "vm/objects/gen.h"

#if defined(__SANITIZE_ADDRESS__)
#define COUNT_MALLOC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COUNT_MALLOC 0
#endif
#endif
#ifndef COUNT_MALLOC
#if defined(__GLIBC__)
#define COUNT_MALLOC 1
#else
#define COUNT_MALLOC 0
#endif
#endif

// ---- Counting allocator ---------------------------------------------------------------------

static long heap_live;          // blocks allocated and not yet freed (while counting)
static long heap_peak;          // highest heap_live seen
static long heap_allocs;        // allocations made (malloc, calloc, realloc of NULL or moving)
static bool counting;

#if COUNT_MALLOC
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static void count_alloc(void) {
    if (!counting) return;
    heap_allocs++;
    if (++heap_live > heap_peak) heap_peak = heap_live;
}

void *malloc(size_t n) {
    void *p = __libc_malloc(n);
    if (p) count_alloc();
    return p;
}

void *calloc(size_t n, size_t size) {
    void *p = __libc_calloc(n, size);
    if (p) count_alloc();
    return p;
}

void *realloc(void *old, size_t n) {
    void *p = __libc_realloc(old, n);
    if (counting) {
        if (!old && p) count_alloc();
        else if (old && n == 0) heap_live--;
        else if (p && p != old) heap_allocs++;  // moved: one block for another
    }
    return p;
}

void free(void *p) {
    if (p && counting) heap_live--;
    __libc_free(p);
}
#endif

// Starts counting from zero.
static void count_start(void) {
    heap_live = heap_peak = heap_allocs = 0;
    counting = true;
}

static void count_stop(void) { counting = false; }

// ---- Helpers --------------------------------------------------------------------------------

static Object *compile_file(const char *src) {
    Object *fn = str_from_cstr("<test_gen_leaks>");
    Object *co = compile_source(src, strlen(src), fn, PARSE_FILE);
    DECREF(fn);
    ck_assert_msg(co != NULL, "compile failed: %s", exc_text());
    return co;
}

// Runs co in globals g with the global N set to n.
static void run_n(Object *co, Object *g, long n) {
    Object *key = str_from_cstr("N"), *val = int_from_long(n);
    dict_setitem(g, key, val);
    DECREF(key);
    DECREF(val);
    Object *r = eval_code((CodeObject *)co, g, g);
    ck_assert_msg(r != NULL, "run failed: %s", exc_text());
    DECREF(r);
}

static Object *global(Object *g, const char *name) {
    Object *key = str_from_cstr(name);
    Object *v = dict_getitem(g, key);
    DECREF(key);
    ck_assert_msg(v != NULL, "no global %s", name);
    return v;
}

// ---- Abandoned generators hold nothing ------------------------------------------------------

// Every kind of abandoned generator: suspended in a try/finally holding
// locals, suspended inside a yield from, a generator expression, and one
// never started. N of each per run.
static const char abandon_src[] =
    "def worker(n):\n"
    "    data = [n, str(n), {'k': n}]\n"
    "    try:\n"
    "        while True:\n"
    "            got = yield data\n"
    "    finally:\n"
    "        data.append('closed')\n"
    "def delegating(n):\n"
    "    r = yield from worker(n)\n"
    "    return r\n"
    "for i in range(N):\n"
    "    g = worker(i)\n"
    "    next(g)\n"
    "    g.send(i)\n"
    "    d = delegating(i)\n"
    "    next(d)\n"
    "    e = (x * 2 for x in [i, i + 1])\n"
    "    next(e)\n"
    "    u = worker(i)\n"
    "del g, d, e, u, i\n";

START_TEST(test_abandoned_generators) {
    Object *co = compile_file(abandon_src);
    Object *g = fresh_globals();
    // Warm up at full size: freelists (ints, ...) fill up to what the loop needs.
    run_n(co, g, 100000);
    run_n(co, g, 100000);
    ck_assert_ptr_null(err_occurred());
    long objs_before = obj_live_count();
    count_start();
    run_n(co, g, 100000);
    count_stop();
    long objs_after = obj_live_count();
#if COUNT_MALLOC
    fprintf(stderr, "abandoned 4 x 100000 generators: %ld allocations, heap blocks %+ld at the end, peak %+ld\n",
            heap_allocs, heap_live, heap_peak);
    ck_assert_msg(heap_allocs >= 400000, "the loop ran (%ld allocations)", heap_allocs);
    // Flat: everything allocated was freed, and memory never grew with the number of generators.
    ck_assert_msg(heap_live == 0, "%ld heap blocks left after abandoning 400000 generators", heap_live);
    ck_assert_msg(heap_peak < 100, "heap grew by %ld blocks during the loop", heap_peak);
#endif
    if (objs_before >= 0)
        ck_assert_msg(objs_after == objs_before, "%ld objects left after abandoning 400000 generators",
                      objs_after - objs_before);
    dict_clear(g);
    free_globals(g);
    DECREF(co);
}
END_TEST

// A generator collected while suspended is closed: its finally block ran N times.
START_TEST(test_abandoned_generators_are_closed) {
    Object *co = compile_file(
        "closed = 0\n"
        "def worker():\n"
        "    global closed\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        closed += 1\n"
        "for i in range(N):\n"
        "    g = worker()\n"
        "    next(g)\n"
        "del g\n");
    Object *g = fresh_globals();
    run_n(co, g, 100000);
    Object *closed = global(g, "closed");
    ck_assert_str_eq(repr_of(closed), "100000");
    dict_clear(g);
    free_globals(g);
    DECREF(co);
}
END_TEST

// Coroutines suspended in an await two levels deep (and in `async with` /
// `async for`), async generators suspended at a yield and inside an
// __anext__ step, all abandoned: N of each per run, nothing left over.
static const char abandon_async_src[] =
    "class Pause:\n"
    "    def __await__(self):\n"
    "        yield self\n"
    "class CM:\n"
    "    async def __aenter__(self):\n"
    "        return self\n"
    "    async def __aexit__(self, *a):\n"
    "        return None\n"
    "class AIt:\n"
    "    def __aiter__(self):\n"
    "        return self\n"
    "    async def __anext__(self):\n"
    "        return await Pause()\n"
    "async def leaf(n):\n"
    "    data = [n, str(n)]\n"
    "    try:\n"
    "        await Pause()\n"
    "    finally:\n"
    "        data.append('closed')\n"
    "async def top(n):\n"
    "    async with CM():\n"
    "        async for x in AIt():\n"
    "            await leaf(n)\n"
    "async def agen(n):\n"
    "    data = [n]\n"
    "    try:\n"
    "        yield n\n"
    "        await Pause()\n"
    "    finally:\n"
    "        data.append('closed')\n"
    "for i in range(N):\n"
    "    c = top(i)\n"
    "    c.send(None)\n"
    "    c.send(None)\n"
    "    a = agen(i)\n"
    "    try:\n"
    "        a.__anext__().send(None)\n"
    "    except StopIteration:\n"
    "        pass\n"
    "    b = agen(i)\n"
    "    try:\n"
    "        b.__anext__().send(None)\n"
    "    except StopIteration:\n"
    "        pass\n"
    "    step = b.__anext__()\n"
    "    step.send(None)\n"
    "del c, a, b, step, i\n";

START_TEST(test_abandoned_coroutines) {
    Object *co = compile_file(abandon_async_src);
    Object *g = fresh_globals();
    run_n(co, g, 20000);
    run_n(co, g, 20000);
    ck_assert_msg(!err_occurred(), "%s", exc_text());
    long objs_before = obj_live_count();
    count_start();
    run_n(co, g, 20000);
    count_stop();
    long objs_after = obj_live_count();
#if COUNT_MALLOC
    fprintf(stderr, "abandoned 3 x 20000 coroutines/async generators: %ld allocations, heap blocks %+ld, peak %+ld\n",
            heap_allocs, heap_live, heap_peak);
    ck_assert_msg(heap_live == 0, "%ld heap blocks left after abandoning 60000 coroutines", heap_live);
    ck_assert_msg(heap_peak < 200, "heap grew by %ld blocks during the loop", heap_peak);
#endif
    if (objs_before >= 0)
        ck_assert_msg(objs_after == objs_before, "%ld objects left after abandoning 60000 coroutines",
                      objs_after - objs_before);
    dict_clear(g);
    free_globals(g);
    DECREF(co);
}
END_TEST

// ---- A resume/yield round trip allocates nothing --------------------------------------------

// An await round trip: send() into a coroutine suspended two awaits deep
// (coroutine -> coroutine -> generator-based __await__) allocates nothing.
START_TEST(test_await_round_trip) {
    Object *co = compile_file("class Pause:\n"
                              "    def __await__(self):\n"
                              "        while True:\n"
                              "            yield\n"
                              "async def inner():\n"
                              "    await Pause()\n"
                              "async def outer():\n"
                              "    await inner()\n"
                              "coro = outer()\n"
                              "coro.send(None)\n");
    Object *g = fresh_globals();
    run_n(co, g, 0);
    GenObject *coro = (GenObject *)global(g, "coro");
    ck_assert_ptr_eq(TYPE(coro), &CoroType);
    Object *r;
    for (int i = 0; i < 10; i++) {  // warm up
        ck_assert_int_eq(gen_send_ex(coro, None, NULL, &r), GEN_NEXT);
        DECREF(r);
    }
    long objs_before = obj_live_count();
    count_start();
    for (int i = 0; i < 100000; i++) {
        SendResult s = gen_send_ex(coro, None, NULL, &r);
        if (s != GEN_NEXT || r != None) break;
        DECREF(r);
    }
    count_stop();
    ck_assert_msg(!err_occurred(), "round trip failed: %s", exc_text());
    ck_assert_msg(heap_allocs == 0, "100000 await round trips made %ld allocations", heap_allocs);
    if (objs_before >= 0) ck_assert_int_eq(obj_live_count(), objs_before);
    dict_clear(g);
    free_globals(g);
    DECREF(co);
}
END_TEST

static const char round_trip_src[] =
    "def echo():\n"
    "    x = None\n"
    "    while True:\n"
    "        x = yield x\n"
    "def inner():\n"
    "    while True:\n"
    "        yield None\n"
    "def outer():\n"
    "    yield from inner()\n"
    "def middle():\n"
    "    yield from outer()\n"
    "items = [None] * 100\n"
    "gen = echo()\n"
    "next(gen)\n"
    "deleg = middle()\n"
    "next(deleg)\n"
    "def loop(n):\n"
    "    g = echo()\n"
    "    next(g)\n"
    "    d = middle()\n"
    "    next(d)\n"
    "    s = g.send\n"
    "    for v in items:\n"
    "        g.send(v)\n"
    "        s(v)\n"
    "        next(g)\n"
    "        next(d)\n"
    "        d.send(None)\n"
    "    for v in echo():\n"
    "        break\n"
    "    for v in (x for x in items):\n"
    "        pass\n";

// From C: next() and send() straight into a suspended generator.
START_TEST(test_round_trip_from_c) {
    Object *co = compile_file(round_trip_src);
    Object *g = fresh_globals();
    run_n(co, g, 0);
    GenObject *gen = (GenObject *)global(g, "gen");
    GenObject *deleg = (GenObject *)global(g, "deleg");
    ck_assert_ptr_eq(TYPE(gen), &GenType);
    Object *value = str_from_cstr("sent value");
    Object *r;
    for (int i = 0; i < 10; i++) {  // warm up
        ck_assert_int_eq(gen_send_ex(gen, value, NULL, &r), GEN_NEXT);
        DECREF(r);
    }
    long objs_before = obj_live_count();
    count_start();
    for (int i = 0; i < 100000; i++) {
        SendResult s = gen_send_ex(gen, value, NULL, &r);
        if (s != GEN_NEXT || r != value) break;
        DECREF(r);
        r = TYPE(gen)->iternext((Object *)gen);  // next(): yields the None it was sent
        if (r != None) break;
        DECREF(r);
        r = TYPE(deleg)->iternext((Object *)deleg);  // through two levels of yield from
        if (r != None) break;
        DECREF(r);
        s = gen_send_ex(deleg, value, NULL, &r);  // send() through them: inner yields None
        if (s != GEN_NEXT || r != None) break;
        DECREF(r);
    }
    count_stop();
    ck_assert_msg(!err_occurred(), "round trip failed: %s", exc_text());
    ck_assert_msg(heap_allocs == 0, "400000 resume/yield round trips made %ld allocations", heap_allocs);
    if (objs_before >= 0) ck_assert_int_eq(obj_live_count(), objs_before);
    DECREF(value);
    dict_clear(g);
    free_globals(g);
    DECREF(co);
}
END_TEST

// From Python code: g.send(v), a bound send, next(g), yield from, for over a
// generator and over a generator expression.
START_TEST(test_round_trip_from_python) {
    Object *co = compile_file(round_trip_src);
    Object *g = fresh_globals();
    run_n(co, g, 0);
    Object *loop = global(g, "loop");
    Object *arg = int_from_long(0);
    for (int i = 0; i < 3; i++) {  // warm up
        Object *r = obj_call(loop, &arg, 1, NULL);
        ck_assert_msg(r != NULL, "loop failed: %s", exc_text());
        DECREF(r);
    }
    // loop() itself creates generators, a bound method and iterators, and
    // closes the generators at the end: the same work with 100 items as with
    // none, so any difference would be made by the 600 round trips.
    Object *saved = NEWREF(global(g, "items"));
    count_start();
    Object *r = obj_call(loop, &arg, 1, NULL);
    count_stop();
    ck_assert_msg(r != NULL, "loop failed: %s", exc_text());
    DECREF(r);
    long with_items = heap_allocs;
    Object *key = str_from_cstr("items");
    Object *empty = list_new(0);
    dict_setitem(g, key, empty);
    r = obj_call(loop, &arg, 1, NULL);
    XDECREF(r);
    count_start();
    r = obj_call(loop, &arg, 1, NULL);
    count_stop();
    ck_assert_msg(r != NULL, "loop failed: %s", exc_text());
    DECREF(r);
    long without_items = heap_allocs;
    fprintf(stderr, "loop(): %ld allocations with 100 items (600 round trips), %ld with none\n", with_items,
            without_items);
    ck_assert_msg(with_items == without_items, "600 round trips from Python code made %ld allocations",
                  with_items - without_items);
    dict_setitem(g, key, saved);
    DECREF(key);
    DECREF(empty);
    DECREF(saved);
    DECREF(arg);
    dict_clear(g);
    free_globals(g);
    DECREF(co);
}
END_TEST

static Suite *gen_leaks_suite(void) {
    Suite *s = suite_create("gen_leaks");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_abandoned_generators);
    tcase_add_test(tc, test_abandoned_generators_are_closed);
    tcase_add_test(tc, test_abandoned_coroutines);
    tcase_add_test(tc, test_await_round_trip);
    tcase_add_test(tc, test_round_trip_from_c);
    tcase_add_test(tc, test_round_trip_from_python);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    if (!COUNT_MALLOC) fprintf(stderr, "test_gen_leaks: heap counting is off (sanitizer or not glibc)\n");
    if (obj_live_count() < 0) fprintf(stderr, "test_gen_leaks: release build (NDEBUG), object counting is off\n");
    return vm_test_main(gen_leaks_suite());
}
