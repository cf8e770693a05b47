// Free threading: running Python code in parallel threads without the GIL
// (the MINIPY_FT build, selected by -X gil=0; CPython 3.13's free-threaded
// build, PEP 703).
//
// Notes about the implementation
// ------------------------------
// Single-threaded, the free-threading build behaves like the default one:
// plain reference counts, no locking. When the first extra thread starts
// with the GIL off, ft_enable() switches the interpreter to `ft_mode`, for
// good:
//
// - Reference counts become atomic (object.h). Objects that every thread
//   touches all the time would make the counts of a few cache lines bounce
//   between cores, so they are made immortal first, as CPython 3.13 does
//   with deferred reference counting: the modules, their namespaces, and
//   the functions, classes, code objects and constants in them, plus (from
//   then on) every function or class stored in a module or class namespace.
//   Immortal objects are never freed; that is the price of sharing them.
//
// - Memory is freed late (quiescent-state-based reclamation, as CPython
//   3.13's QSBR). Without the GIL, a thread may hold a borrowed pointer (an
//   item it just read from a dict or list) while another thread removes
//   that item and drops its last reference. So in ft_mode an object whose
//   count reaches zero is not deallocated at once: it goes on the dropping
//   thread's deferred list, stamped with the global epoch, and is
//   deallocated only after every running thread has passed a quiescent
//   point since: the eval breaker check (function entry, backward jumps) or
//   a blocking call, the same places where a thread may lose the GIL in
//   the default build. A borrowed pointer is thus valid exactly as long as
//   under the GIL. Container storage (list item arrays, dict key tables,
//   set tables) is freed the same way, so a reader never follows a pointer
//   into freed memory. A thread that takes a new reference to an object
//   already counted down to zero (it read the pointer just before the
//   removal) revives it; the revival holds one extra reference until the
//   object's pending entry has been retired, so an object is never on two
//   deferred lists at once.
//
// - Mutable containers (dict, list, set, deque) take a per-object lock
//   around every operation, reads included, as PEP 703's critical sections
//   do, so concurrent appends or `d[k] = v` never corrupt memory. The lock
//   is a recursive spin lock (an owner and a depth): re-entrant, because
//   operations call back into Python (__eq__, __hash__) that may touch the
//   same container. Races in user code stay possible, exactly as in
//   free-threaded CPython: `counter += 1` on a shared global still loses
//   updates, it just never crashes.
//
// - Caches written while running (the type method cache) are per thread;
//   the string interning table has its own lock; LOAD_GLOBAL's inline cache
//   is checked against the entry's key before use, so a torn cache write by
//   two threads is a miss, not a wrong value.
#include "runtime.h"
#include "ft.h"
#include "gc.h"
#include "objects/code.h"
#include "objects/func.h"
#include "objects/gen.h"

#include <sched.h>
#include <time.h>

#ifdef MINIPY_FT

// ---- Immortalization --------------------------------------------------------------

static void immortalize_code(CodeObject *co);

// Makes o immortal if it is shared, read-mostly program structure; walks
// into what it holds.
void ft_immortalize(Object *o) {
    if (!o || REFCNT(o) >= IMMORTAL_MIN) return;
    TypeObject *t = TYPE(o);
    if (t == &FunctionType) {
        obj_make_immortal(o);
        FunctionObject *f = (FunctionObject *)o;
        immortalize_code(f->code);
        if (f->defaults) ft_immortalize(f->defaults);
    } else if (t == &CodeType) {
        immortalize_code((CodeObject *)o);
    } else if (t == &TypeType || type_is_subtype(t, &TypeType)) {
        obj_make_immortal(o);
        TypeObject *ty = (TypeObject *)o;
        if (ty->dict) {
            obj_make_immortal(ty->dict);
            ssize_t pos = 0;
            Object *k, *v;
            while (dict_next(ty->dict, &pos, &k, &v)) ft_immortalize(v);
        }
        if (ty->mro) obj_make_immortal(ty->mro);
        if (ty->bases) obj_make_immortal(ty->bases);
    } else if (t == &ModuleType) {
        obj_make_immortal(o);
        Object *d = module_dict(o);
        obj_make_immortal(d);
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(d, &pos, &k, &v)) ft_immortalize(v);
    } else if (t == &BuiltinFunctionType || t == &MethodDescrType || t == &ClassMethodDescrType ||
               t == &GetSetDescrType || t == &WrapperDescrType || t == &StaticMethodType ||
               t == &ClassMethodType || t == &PropertyType) {
        obj_make_immortal(o);
    } else if (t == &TupleType) {
        // Constant tuples (defaults, co_consts) of immutable things.
        obj_make_immortal(o);
        for (ssize_t i = 0; i < TUPLE_SIZE(o); i++) ft_immortalize(TUPLE_ITEMS(o)[i]);
    } else if (t == &StrType || t == &IntType || t == &FloatType || t == &BytesType) {
        obj_make_immortal(o);
    }
}

static void immortalize_code(CodeObject *co) {
    if (REFCNT(co) >= IMMORTAL_MIN) return;
    obj_make_immortal((Object *)co);
    ft_immortalize(co->consts);
    obj_make_immortal(co->names);
    obj_make_immortal(co->localsplusnames);
    obj_make_immortal(co->filename);
    obj_make_immortal(co->name);
    obj_make_immortal(co->qualname);
}

// ---- Per-object locks -------------------------------------------------------------

static _Thread_local char thread_token;  // its address identifies the thread

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static void pause_spinning(void);

void ft_lock_slow(ObjLock *l) {
    uintptr_t me = (uintptr_t)&thread_token;
    if (__atomic_load_n(&l->owner, __ATOMIC_RELAXED) == me) {
        l->depth++;
        return;
    }
    for (unsigned spins = 0;; spins++) {
        uintptr_t expected = 0;
        if (__atomic_load_n(&l->owner, __ATOMIC_RELAXED) == 0 &&
            __atomic_compare_exchange_n(&l->owner, &expected, me, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            l->depth = 1;
            return;
        }
        if (spins > 100) {
            // The holder may be paused for a stop-the-world: pause too.
            if (ft_world_stopped()) pause_spinning();
            sched_yield();
        } else {
            cpu_relax();
        }
    }
}

void ft_unlock_slow(ObjLock *l) {
    if (--l->depth == 0) __atomic_store_n(&l->owner, 0, __ATOMIC_RELEASE);
}

// ---- Deferred freeing -------------------------------------------------------------

#define OFFLINE UINT64_MAX
#define TAG_MEM 1u        // a raw block to free()
#define TAG_REVIVED 2u    // an extra reference held for a revived object

uint64_t ft_epoch = 1;

// Entries of threads that ended, and of frees done outside any thread
// state; adopted by the next thread that processes its list.
static pthread_mutex_t orphans_mu = PTHREAD_MUTEX_INITIALIZER;
static FtDeferred *orphans;
static size_t norphans, orphans_cap;

static void push(FtDeferred **items, size_t *n, size_t *cap, uintptr_t p, uint64_t epoch) {
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        FtDeferred *ni = realloc(*items, nc * sizeof *ni);
        if (!ni) {
            // Out of memory for the list itself: leak the object rather
            // than free it too early.
            return;
        }
        *items = ni;
        *cap = nc;
    }
    (*items)[*n] = (FtDeferred){p, epoch};
    __atomic_store_n(n, *n + 1, __ATOMIC_RELAXED);  // norphans is read without the mutex
}

static void defer(uintptr_t p) {
    uint64_t e = __atomic_load_n(&ft_epoch, __ATOMIC_SEQ_CST);
    ThreadState *ts = tstate_get();
    if (ts && !ts->ft.exited) {
        push(&ts->ft.items, &ts->ft.n, &ts->ft.cap, p, e);
        return;
    }
    pthread_mutex_lock(&orphans_mu);
    push(&orphans, &norphans, &orphans_cap, p, e);
    pthread_mutex_unlock(&orphans_mu);
}

bool gen_finalize(Object *self);
void obj_mark_finalized(Object *o);

// At count zero, finalizers run at once, as with the GIL (a generator's
// finally blocks, __del__): programs see them when the last reference
// goes. Only the deallocation waits. Returns true if o was resurrected.
static bool finalize_now(Object *o) {
    TypeObject *t = TYPE(o);
    ThreadState *ts = tstate_get();
    bool resurrected = false;
    if (ts) ts->ft.in_finalizer++;
    if (t == &GenType || t == &CoroType || t == &AsyncGenType) {
        resurrected = gen_finalize(o);
    } else if ((t->flags & TPFLAGS_HEAPTYPE) && type_lookup(t, S___del__)) {
        resurrected = obj_call_finalizer(o);
        if (!resurrected) obj_mark_finalized(o);  // the deferred deallocation must not call it again
    }
    if (ts) ts->ft.in_finalizer--;
    return resurrected;
}

void ft_defer_obj(Object *o) {
    if (finalize_now(o)) return;
    // Dead: out of the cycle collector's sight at once (what it refers to
    // then counts as referenced from outside until it is freed), so
    // collections neither scan it nor count it (vm/gc.c).
    if (gc_is_gc(o)) gc_untrack(o);
    __atomic_store_n(&o->ob_ftqueued, 1, __ATOMIC_RELEASE);
    defer((uintptr_t)o);
}

void ft_defer_mem(void *p) {
    if (p) defer((uintptr_t)p | TAG_MEM);
}

// An object at count zero got a new reference (from a pointer read before
// its removal). Hold one more reference until its pending entry is retired.
void ft_revived(Object *o) {
    __atomic_fetch_add(&o->ob_ref_shared, BRC_SHARED_ONE, __ATOMIC_RELAXED);
    defer((uintptr_t)o | TAG_REVIVED);
}

// Each thread state owns a slot holding the epoch it last saw, on a cache
// line of its own; scanning them needs no lock.
#define MAX_SLOTS 4096
static struct {
    uint64_t seen;
    bool used;
    char pad[64 - sizeof(uint64_t) - sizeof(bool)];
} slots[MAX_SLOTS];
static int nslots;  // high-water mark
static pthread_mutex_t slots_mu = PTHREAD_MUTEX_INITIALIZER;

// The slot whose `seen` field is p. (Not p - &slots[0].seen: the slots are
// 64 bytes apart, so that difference is 8 times the index.)
static size_t slot_index(uint64_t *p) { return (size_t)((char *)p - (char *)&slots[0]) / sizeof slots[0]; }

int ft_thread_init(ThreadState *ts) {
    pthread_mutex_lock(&slots_mu);
    int i = 0;
    while (i < MAX_SLOTS && slots[i].used) i++;
    if (i == MAX_SLOTS) {
        pthread_mutex_unlock(&slots_mu);
        return -1;
    }
    slots[i].used = true;
    __atomic_store_n(&slots[i].seen, OFFLINE, __ATOMIC_SEQ_CST);
    if (i >= nslots) __atomic_store_n(&nslots, i + 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&slots_mu);
    ts->ft.seen = &slots[i].seen;
    return 0;
}

void ft_thread_fini(ThreadState *ts) {
    if (!ts->ft.seen) return;
    __atomic_store_n(ts->ft.seen, OFFLINE, __ATOMIC_SEQ_CST);
    pthread_mutex_lock(&slots_mu);
    slots[slot_index(ts->ft.seen)].used = false;
    pthread_mutex_unlock(&slots_mu);
    free(ts->ft.items);
    free(ts->ft.spare);
    __atomic_store_n(&ts->ft.seen, NULL, __ATOMIC_RELEASE);  // fork.c's stop-the-world reads it
}

// The oldest epoch some running thread may still hold pointers from.
static uint64_t min_seen(void) {
    uint64_t m = OFFLINE;
    int n = __atomic_load_n(&nslots, __ATOMIC_ACQUIRE);
    for (int i = 0; i < n; i++) {
        uint64_t s = __atomic_load_n(&slots[i].seen, __ATOMIC_SEQ_CST);
        if (s < m) m = s;
    }
    return m;
}

// Frees what every thread has stopped seeing. Called at quiescent points
// only (this thread holds no borrowed pointers).
static void process(ThreadState *ts, bool all) {
    FtThread *f = &ts->ft;
    if (f->processing) return;
    f->processing = true;
    if (__atomic_load_n(&norphans, __ATOMIC_RELAXED)) {
        pthread_mutex_lock(&orphans_mu);
        for (size_t i = 0; i < norphans; i++) push(&f->items, &f->n, &f->cap, orphans[i].p, orphans[i].epoch);
        __atomic_store_n(&norphans, 0, __ATOMIC_RELAXED);
        pthread_mutex_unlock(&orphans_mu);
    }
    __atomic_store_n(f->seen, __atomic_load_n(&ft_epoch, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
    uint64_t safe = all ? OFFLINE : min_seen();
    // Swap in the spare list: deallocations below defer more.
    FtDeferred *items = f->items;
    size_t n = f->n, cap = f->cap;
    f->items = f->spare;
    f->cap = f->spare_cap;
    f->n = 0;
    size_t keep = 0;
    for (size_t i = 0; i < n; i++) {
        FtDeferred it = items[i];
        if (it.epoch >= safe) {
            items[keep++] = it;
            continue;
        }
        if (it.p & TAG_MEM) {
            free((void *)(it.p & ~(uintptr_t)TAG_MEM));
            continue;
        }
        if (it.p & TAG_REVIVED) {
            Object *o = (Object *)(it.p & ~(uintptr_t)TAG_REVIVED);
            if (__atomic_load_n(&o->ob_ftqueued, __ATOMIC_ACQUIRE)) items[keep++] = it;
            else DECREF(o);
            continue;
        }
        Object *o = (Object *)it.p;
        __atomic_store_n(&o->ob_ftqueued, 0, __ATOMIC_RELEASE);
        // Deferred objects are merged (vm/brc.c): the shared count is the count.
        if (__atomic_load_n(&o->ob_ref_shared, __ATOMIC_ACQUIRE) != BRC_MERGED) {
            // Revived: alive again, and tracked again.
            if (gc_is_gc(o)) gc_track(o);
            continue;
        }
        obj_dealloc(o);
    }
    // Keep what is not yet safe, with what the deallocations deferred meanwhile.
    for (size_t i = 0; i < keep; i++) push(&f->items, &f->n, &f->cap, items[i].p, items[i].epoch);
    f->spare = items;
    f->spare_cap = cap;
    if (keep && !all) {
        // Let the other threads' next quiescent points move past what is
        // still pending.
        __atomic_fetch_add(&ft_epoch, 1, __ATOMIC_SEQ_CST);
    }
    // Small batches: freed objects go back to the per-thread freelists
    // (256 ints, floats...) while they are still warm.
    f->next_check = f->n + f->n / 8 + 256;
    f->processing = false;
}

// Not while this thread runs a finalizer: freeing may run more finalizers,
// nested in the first one, which may hold a lock they want (a __del__
// counting under a threading.Lock would deadlock on itself).
void ft_quiescent_slow(ThreadState *ts) {
    if (!ts->ft.in_finalizer) process(ts, false);
}

void ft_thread_attach(ThreadState *ts) {
    for (;;) {
        __atomic_store_n(ts->ft.seen, __atomic_load_n(&ft_epoch, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
        // Announce first, then look (the forking thread does the reverse):
        // while another thread forks with the world stopped, stay detached.
        if (!ft_world_stopped()) return;
        __atomic_store_n(ts->ft.seen, OFFLINE, __ATOMIC_SEQ_CST);
        ft_wait_world();
    }
}

bool ft_thread_attached(ThreadState *ts) {
    uint64_t *seen = __atomic_load_n(&ts->ft.seen, __ATOMIC_ACQUIRE);
    return seen && __atomic_load_n(seen, __ATOMIC_SEQ_CST) != OFFLINE;
}

// ---- Stopping the world ----------------------------------------------------------------
//
// Some work needs every other thread out of the way: fork() (vm/fork.c)
// and the cycle collector's trial deletion (vm/gc.c), which reads every
// container and reference count. As CPython 3.13's
// _PyEval_StopTheWorld, the stopping thread raises a flag and sets the
// eval breaker bit BREAK_STOP_WORLD, and waits until no other thread is
// attached:
//
// - a running thread pauses at its next eval breaker check (ft_pause): it
//   detaches, where it holds no container lock and no borrowed pointer, and
//   waits for the restart;
// - a thread in a blocking call is detached already; when it comes back,
//   ft_thread_attach announces it and then looks at the flag (the stopping
//   thread does the reverse: raises the flag, then looks at the threads),
//   so one of the two sees the other, and the thread waits detached;
// - a thread spinning for a container lock that a paused thread holds
//   would never reach its eval breaker: ft_lock_slow pauses it too, with
//   its `paused` flag (it stays attached for deferred freeing: it may hold
//   borrowed pointers).
//
// One thread at a time stops the world (stw_owner); a second one waits
// for the first to finish, detached, so the first does not wait for it.

static pthread_mutex_t stw_owner = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stw_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t stw_cond = PTHREAD_COND_INITIALIZER;
static bool stw_requested;  // atomic; written under stw_mu

bool ft_world_stopped(void) { return __atomic_load_n(&stw_requested, __ATOMIC_SEQ_CST); }

void ft_wait_world(void) {
    pthread_mutex_lock(&stw_mu);
    while (__atomic_load_n(&stw_requested, __ATOMIC_SEQ_CST)) pthread_cond_wait(&stw_cond, &stw_mu);
    pthread_mutex_unlock(&stw_mu);
}

void ft_pause(ThreadState *ts) {
    // Settle the counts other threads queued to this one first, so that a
    // cycle collection sees them right (vm/gc.c).
    if (__atomic_load_n(&ts->brc.pending, __ATOMIC_RELAXED)) brc_merge_queued(ts);
    ft_thread_detach(ts);
    ft_wait_world();
    ft_thread_attach(ts);
}

// A thread spinning in ft_lock_slow while the world is to stop.
static void pause_spinning(void) {
    ThreadState *ts = tstate_get();
    if (!ts) return;
    while (ft_world_stopped()) {
        __atomic_store_n(&ts->ft.paused, 1, __ATOMIC_SEQ_CST);
        ft_wait_world();
        __atomic_store_n(&ts->ft.paused, 0, __ATOMIC_SEQ_CST);
    }
}

static bool running(ThreadState *t) { return ft_thread_attached(t) && !__atomic_load_n(&t->ft.paused, __ATOMIC_SEQ_CST); }

bool ft_stop_the_world(ThreadState *me, double timeout) {
    // At a quiescent point: wait for another stopping thread detached.
    if (me && me->ft.seen) ft_thread_detach(me);
    pthread_mutex_lock(&stw_owner);
    pthread_mutex_lock(&stw_mu);
    __atomic_store_n(&stw_requested, true, __ATOMIC_SEQ_CST);
    pthread_mutex_unlock(&stw_mu);
    atomic_fetch_or(&the_interp.eval_breaker, BREAK_STOP_WORLD);
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    bool stopped = false;
    for (unsigned round = 0;; round++) {
        stopped = true;
        pthread_mutex_lock(&the_interp.threads_mutex);
        for (ThreadState *t = the_interp.threads; t; t = t->next)
            if (t != me && running(t)) stopped = false;
        pthread_mutex_unlock(&the_interp.threads_mutex);
        if (stopped) break;
        // The others are usually a few instructions away from a check.
        if (round < 64) {
            sched_yield();
            continue;
        }
        if (timeout >= 0) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            if ((double)(now.tv_sec - start.tv_sec) + (double)(now.tv_nsec - start.tv_nsec) * 1e-9 > timeout) break;
        }
        struct timespec pause = {0, 20 * 1000};
        nanosleep(&pause, NULL);
    }
    // Attached again, without waiting: this thread stopped the world.
    if (me && me->ft.seen) __atomic_store_n(me->ft.seen, __atomic_load_n(&ft_epoch, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
    return stopped;
}

void ft_start_the_world(void) {
    pthread_mutex_lock(&stw_mu);
    __atomic_store_n(&stw_requested, false, __ATOMIC_SEQ_CST);
    atomic_fetch_and(&the_interp.eval_breaker, ~BREAK_STOP_WORLD);
    pthread_cond_broadcast(&stw_cond);
    pthread_mutex_unlock(&stw_mu);
    pthread_mutex_unlock(&stw_owner);
}

// In the child after fork(), which happened with the world stopped.
static void stw_after_fork_child(void) {
    stw_owner = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    stw_mu = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_init(&stw_cond, NULL);
    __atomic_store_n(&stw_requested, false, __ATOMIC_SEQ_CST);
    atomic_fetch_and(&the_interp.eval_breaker, ~BREAK_STOP_WORLD);
}

void ft_thread_detach(ThreadState *ts) { __atomic_store_n(ts->ft.seen, OFFLINE, __ATOMIC_SEQ_CST); }

// A thread ends: what it could not free yet is left to the others.
void ft_thread_exit(ThreadState *ts) {
    FtThread *f = &ts->ft;
    // Merges the objects queued to it and processes the deferred list.
    brc_thread_unbind(ts);
    gc_thread_unbind(ts);
    ft_thread_detach(ts);
    f->exited = true;  // what it frees from now on is left to the others
    if (f->n) {
        pthread_mutex_lock(&orphans_mu);
        for (size_t i = 0; i < f->n; i++) push(&orphans, &norphans, &orphans_cap, f->items[i].p, f->items[i].epoch);
        pthread_mutex_unlock(&orphans_mu);
    }
    f->n = 0;
}

// At exit, with no other thread running Python: free everything pending.
void ft_finish(void) {
    ThreadState *ts = tstate_get();
    if (!ts || !ft_mode || atomic_load(&the_interp.nthreads) > 0) return;
    for (int round = 0; round < 16; round++) {
        brc_merge_queued(ts);
        if (!ts->ft.n && !__atomic_load_n(&norphans, __ATOMIC_RELAXED)) break;
        process(ts, true);
    }
}

// gc.collect() with free threading (the cycle collector is off): frees
// what this thread's deferred list and the orphans hold, as far as the
// other threads' quiescent points allow, and merges the objects queued to
// this thread (vm/brc.c). Called at a quiescent point of this thread.
void ft_collect(void) {
    ThreadState *ts = tstate_get();
    if (!ts || !ft_mode || !ts->ft.seen) return;
    // Freeing an object may defer what it held: rounds until nothing is
    // left (or what is left waits for threads that are running); each round
    // moves the epoch on, and threads blocked or detached hold nothing back.
    for (int round = 0; round < 64; round++) {
        brc_merge_queued(ts);
        if (!ts->ft.n && !__atomic_load_n(&norphans, __ATOMIC_RELAXED)) break;
        __atomic_fetch_add(&ft_epoch, 1, __ATOMIC_SEQ_CST);
        process(ts, false);
    }
}

// In the child after fork() (vm/fork.c): the locks are made afresh.
void ft_after_fork_child(void) {
    stw_after_fork_child();
    orphans_mu = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    slots_mu = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
}

// In the child after fork(): ts belonged to a thread that does not exist
// here. Its slot is given up and what it had deferred goes to the orphans.
void ft_forget_thread(ThreadState *ts) {
    FtThread *f = &ts->ft;
    for (size_t i = 0; i < f->n; i++) push(&orphans, &norphans, &orphans_cap, f->items[i].p, f->items[i].epoch);
    f->n = 0;
    if (f->seen) {
        __atomic_store_n(f->seen, OFFLINE, __ATOMIC_SEQ_CST);
        slots[slot_index(f->seen)].used = false;
        f->seen = NULL;
    }
}

void ft_enable(void) {
    if (ft_mode) return;
    ssize_t pos = 0;
    Object *k, *v;
    obj_make_immortal(the_interp.modules);
    while (dict_next(the_interp.modules, &pos, &k, &v)) ft_immortalize(v);
    obj_make_immortal(the_interp.builtins);
    ThreadState *ts = tstate_get();
    if (ts) ft_thread_attach(ts);
    // Published to the new thread by pthread_create.
    ft_mode = true;
}

#endif
