// The cycle collector (CPython's Modules/gcmodule.c, the 3.11 design).
//
// Notes on the implementation
// ---------------------------
// Reference counting frees an object as soon as its last reference goes,
// but objects that refer to each other in a cycle keep their counts above
// zero forever. The collector finds such groups by *trial deletion* over the
// container objects, the only ones that can be part of a cycle:
//
// - Tracking. Every object of a TPFLAGS_HAVE_GC type has a GCHead in front
//   of it (obj_alloc allocates it) and is linked into a generation list from
//   its allocation until its deallocation starts (obj_dealloc unlinks it
//   first, so a collection never sees a half-destroyed object). Objects
//   recycled through a freelist are unlinked when they go on the freelist and
//   linked again when they come off it.
//
// - Generations. New objects go to generation 0. Each collection of
//   generation i merges the younger generations into it, and the survivors
//   move to generation i+1 (generation 2 keeps its own). Collections start
//   automatically when allocations minus deallocations of GC objects exceed
//   threshold 0 (700); generation 1 is collected on every 10th collection of
//   generation 0, generation 2 on every 10th of generation 1, and then only
//   when the objects awaiting their first full collection are at least a
//   quarter of those that survived the last one (CPython's long_lived
//   heuristic, which keeps full collections linear overall). As in CPython
//   3.12, an allocation that crosses the threshold only sets a bit in the
//   eval breaker; the collection runs at the next eval breaker check (a
//   function entry or backward jump), where no C code is half-way through
//   building or changing an object.
//
// - Trial deletion (per collection). For each object in the generation,
//   gc_refs := its reference count (update_refs); then every object's
//   traverse function visits the objects it refers to, and each visited
//   object of the same generation gets gc_refs -= 1 (subtract_refs). What
//   remains in gc_refs are the references from outside the generation:
//   from older generations, untracked objects, C variables, frames on the
//   thread stacks. Objects with gc_refs > 0 are certainly reachable, and so
//   is everything they refer to (move_unreachable walks the list once,
//   moving objects that look unreachable aside and bringing them back when a
//   reachable object is found to refer to them). The rest is unreachable.
//
// - Finalizers (PEP 442). Unreachable objects with a finalize slot (a class
//   with __del__, a suspended generator) get it called once (GC_FINALIZED
//   marks them; a dying object's dealloc does not call __del__ again). A
//   finalizer may store a reference to its object, or to any other object
//   of the unreachable set, somewhere reachable: that *resurrects* it. So
//   after the finalizers the trial deletion is repeated over the unreachable
//   set alone (handle_resurrected); what is now reachable moves to the older
//   generation, and only what is still unreachable is destroyed.
//
// - Destruction. Each remaining object's clear slot drops the references it
//   holds (lists empty themselves, dicts clear, instances drop their
//   __dict__, cells their contents, generators their frame...). Breaking one
//   link per cycle is enough: reference counting frees the rest. The count
//   returned by gc.collect() is the number of objects found unreachable after
//   the resurrection check, as CPython's.
//
// - Traverse functions must visit exactly the references the object owns
//   (counted references). Visiting a borrowed pointer would make gc_refs too
//   small and free a live object. Two places needed care: a class's MRO
//   tuple holds the class itself as a borrowed reference, so that tuple is
//   left untracked and the class's traverse visits the other MRO entries
//   directly; and a generator that is executing has a value stack whose
//   depth is not saved, so its frame is not traversed (its references then
//   count as external, which is always safe).
//
// Threads. With the GIL, a collection runs in the thread that holds it; the
// trial deletion runs no Python code, so no other thread can change a list
// meanwhile. Finalizers run Python code, which may switch threads: objects
// are then only ever added to generation 0 or unlinked from whatever list
// holds them, and the collector keeps a reference to the object it is
// finalizing, so its own lists stay consistent (as in CPython 3.11). The
// `collecting` flag keeps collections from nesting.
//
// Free-threading (MINIPY_FT with ft_mode on, i.e. once a second thread runs
// without the GIL) collects with the world stopped, as CPython 3.13's
// free-threaded build (Python/gc_free_threading.c):
//
// - Tracking. CPython 3.13 keeps no lists at all: it finds the GC objects
//   by walking mimalloc's heaps, and tracking is a bit in the header.
//   minipy allocates with malloc, which cannot be walked, so it keeps the
//   lists, but not one shared list (a lock every container allocation takes
//   would serialize exactly the work free-threading is for): each thread
//   links the objects it makes into a young list of its own (GCYoung, one of
//   a fixed table; the thread claims one when it binds its thread state).
//   The list's number is stored in the upper bits of GCHead.bits (which hold
//   gc_refs only while a collection runs). Any thread may free an object,
//   so unlinking (which writes the neighbours) takes the lock of the list
//   the number names; the owner's own tracking takes the same lock, which
//   is a single uncontended atomic exchange in the common case. Objects
//   that survive a collection go to the shared older generations (number
//   0), whose lock is shared too; objects die young far more often. A list
//   outlives its thread: when a thread ends its list keeps its objects
//   (others may still unlink them) and is claimed again only once a
//   collection has emptied it. A thread that finds no free list (more than
//   GC_MAX_YOUNG - 1 at once) tracks into the shared generation 0.
//
// - Counting. Each thread counts the objects it tracks minus those it
//   untracks in a thread-local number and adds it to generation 0's count in
//   batches of GC_DELTA_BATCH; crossing the threshold sets BREAK_GC as with
//   the GIL, and the first thread whose eval breaker sees it collects. An
//   object whose deallocation is deferred (vm/ft.c) is untracked when it
//   dies, not when it is freed: dead objects neither trigger collections
//   nor slow them down.
//
// - Collecting. gc.collect() first settles what it can: the objects other
//   threads queued to its thread for merging (vm/brc.c) and the deferred
//   frees that are due (ft_collect). Then the collector stops the world (vm/ft.c
//   ft_stop_the_world): every other thread pauses at its eval breaker or
//   stays detached in a blocking call, so no count or container changes;
//   a pausing thread merges its own queue first. Generation 0 is all the
//   young lists plus the shared generation 0. Trial deletion runs as with
//   the GIL, reading each object's true count (biased counting: local +
//   shared). Two kinds of objects need care: an object queued to an owner
//   that has not merged it yet has one reference too many counted (the
//   queue's), which only makes it look externally referenced (safe); and an
//   object at count zero waiting on a deferred-free list is dead but still
//   holds its references: it was untracked when it died, so what it refers
//   to counts as referenced from outside until it is freed (and should one
//   still be found tracked, ob_ftqueued, it is treated the same way).
//   Before the world restarts the collector takes a reference to each
//   unreachable object, so no other thread can free one while it is in the
//   collector's private lists. Finalizers run with the world going (they run
//   Python code, which may wait for other threads); if any ran, the world is
//   stopped again for the resurrection check (each object's count less the
//   collector's reference). Clearing runs with the world going; each object
//   moves to the older generation (under its lock) before the collector
//   drops its reference, so its deallocation unlinks it from there.
//
// - One collection at a time: `collecting` is claimed with a compare and
//   swap; a thread that finds it taken returns 0 at once (as CPython).
//
// - At exit. With the GIL, releasing a module's namespace makes it garbage
//   together with the functions that refer to it, and the exit collection
//   finalizes and frees what only the program's names held. With free
//   threading the namespaces and functions are immortal, so releasing
//   frees nothing: vm_finalize_modules pins each detached namespace
//   (gc_pin_garbage), and the collector counts a pinned object as garbage
//   whatever refers to it. What only it holds is finalized and cleared as
//   with the GIL; the namespace itself is left as it is (immortal, it would
//   never be freed).
#include "runtime.h"
#include "gc.h"
#include "eval.h"
#include "objects/gen.h"

#include <pthread.h>
#include <sched.h>

// Statically initialized: objects are allocated before vm_init runs.
#define GEN_INIT(i, t) {.head = {&gc_state.gens[i].head, &gc_state.gens[i].head, 0}, .threshold = (t)}
GCState gc_state = {
    .gens = {GEN_INIT(0, 700), GEN_INIT(1, 10), GEN_INIT(2, 10)},
    .permanent = {&gc_state.permanent, &gc_state.permanent, 0},
    .enabled = true,
};
#undef GEN_INIT

#define DEBUG_SAVEALL 32

// ---- Lists ---------------------------------------------------------------------------------

// With free threading, gc_is_tracked reads `next` without a lock while
// another thread may relink a neighbour: stores to it are atomic (relaxed:
// plain moves).
#ifdef MINIPY_FT
#define SET_NEXT(h, v) __atomic_store_n(&(h)->next, (v), __ATOMIC_RELAXED)
#else
#define SET_NEXT(h, v) ((h)->next = (v))
#endif

static void glist_init(GCHead *l) { l->next = l->prev = l; }

static bool glist_is_empty(GCHead *l) { return l->next == l; }

static void glist_unlink(GCHead *h) {
    SET_NEXT(h->prev, h->next);
    h->next->prev = h->prev;
}

static void glist_append(GCHead *h, GCHead *l) {
    GCHead *last = l->prev;
    SET_NEXT(h, l);
    h->prev = last;
    SET_NEXT(last, h);
    l->prev = h;
}

static void glist_move(GCHead *h, GCHead *to) {
    glist_unlink(h);
    glist_append(h, to);
}

// Appends all of from to the end of to; from becomes empty.
static void glist_merge(GCHead *from, GCHead *to) {
    if (glist_is_empty(from)) return;
    GCHead *last = to->prev;
    SET_NEXT(last, from->next);
    from->next->prev = last;
    to->prev = from->prev;
    SET_NEXT(from->prev, to);
    glist_init(from);
}

static ssize_t glist_size(GCHead *l) {
    ssize_t n = 0;
    for (GCHead *h = l->next; h != l; h = h->next) n++;
    return n;
}

// ---- gc_refs ---------------------------------------------------------------------------------

// Counts above this (immortal objects) are clamped: they are roots anyway.
#define GC_REFS_MAX ((ssize_t)1 << 50)

static inline ssize_t gc_refs(GCHead *h) { return (ssize_t)h->bits >> GC_FLAG_BITS; }

static inline void gc_set_refs(GCHead *h, ssize_t refs, uintptr_t flags) {
    h->bits = ((uintptr_t)refs << GC_FLAG_BITS) | (h->bits & GC_FINALIZED) | flags;
}

// The header of o if o takes part in the running collection, else NULL.
static inline GCHead *collecting_head(Object *o) {
    if (!gc_is_gc(o)) return NULL;
    GCHead *h = GC_HEAD(o);
    return h->next && (h->bits & GC_COLLECTING) ? h : NULL;
}

static inline int traverse(Object *o, visitproc visit, void *arg) {
    traverseproc t = TYPE(o)->traverse;
    return t ? t(o, visit, arg) : 0;
}

// Immortal namespaces detached at exit with free threading (gc_pin_garbage):
// garbage whatever refers to them (the immortal functions of their module),
// but never cleared (see delete_garbage_ft); this array keeps them reachable
// for leak checkers.
static Object **pinned;
static size_t npinned, pinned_cap;

void gc_pin_garbage(Object *o) {
    if (!gc_is_gc(o) || !gc_is_tracked(o)) return;
    if (npinned == pinned_cap) {
        size_t nc = pinned_cap ? pinned_cap * 2 : 32;
        Object **np = realloc(pinned, nc * sizeof *np);
        if (!np) return;  // then it simply stays alive
        pinned = np;
        pinned_cap = nc;
    }
    pinned[npinned++] = o;
}

static bool is_pinned(Object *o) {
    if (!npinned || REFCNT(o) < IMMORTAL_MIN) return false;
    for (size_t i = 0; i < npinned; i++)
        if (pinned[i] == o) return true;
    return false;
}

// held: references the collector itself holds to each object (free threading).
static void update_refs(GCHead *list, ssize_t held) {
    for (GCHead *h = list->next; h != list; h = h->next) {
        Object *o = GC_OBJECT(h);
        ssize_t rc = REFCNT(o);
#ifdef MINIPY_FT
        // Dead, waiting for its deferred deallocation: keep what it holds.
        if (__atomic_load_n(&o->ob_ftqueued, __ATOMIC_ACQUIRE)) rc = 1 + held;
#endif
        rc -= held;
        if (is_pinned(o)) rc = 0;
        gc_set_refs(h, rc > GC_REFS_MAX ? GC_REFS_MAX : rc, GC_COLLECTING);
    }
}

static int visit_decref(Object *o, void *arg) {
    GCHead *h = collecting_head(o);
    if (h) h->bits -= (uintptr_t)1 << GC_FLAG_BITS;
    return 0;
}

static void subtract_refs(GCHead *list) {
    for (GCHead *h = list->next; h != list; h = h->next) traverse(GC_OBJECT(h), visit_decref, NULL);
}

// o is referred to by a reachable object: it is reachable too.
static int visit_reachable(Object *o, void *arg) {
    GCHead *list = arg;
    GCHead *h = collecting_head(o);
    if (!h) return 0;  // not in this collection, or already known reachable
    if (is_pinned(o)) return 0;
    if (h->bits & GC_UNREACHABLE) {
        // Moved aside earlier: back to the end of the list, to be scanned.
        glist_move(h, list);
        gc_set_refs(h, 1, GC_COLLECTING);
    } else if (gc_refs(h) <= 0) {
        // Further on in the list: it will be scanned as reachable.
        gc_set_refs(h, 1, GC_COLLECTING);
    }
    return 0;
}

// Splits list (after update_refs and subtract_refs) into its reachable
// objects, which stay in list with their collecting bits cleared, and the
// unreachable ones, which move to unreachable with GC_COLLECTING |
// GC_UNREACHABLE.
static void move_unreachable(GCHead *list, GCHead *unreachable) {
    GCHead *h = list->next;
    while (h != list) {
        if (gc_refs(h) > 0) {
            traverse(GC_OBJECT(h), visit_reachable, list);
            h->bits &= GC_FINALIZED;  // done: later visits ignore it
            h = h->next;
        } else {
            GCHead *next = h->next;
            glist_move(h, unreachable);
            h->bits |= GC_UNREACHABLE;
            h = next;
        }
    }
}

// A tuple can only ever be part of a cycle through a tracked object among its
// items; a tuple of ints and strings never can, and it cannot change. Such
// tuples are untracked when a collection first sees them (CPython's
// _PyTuple_MaybeUntrack), so the many small tuples a program keeps alive
// (dict items, sort keys, records) do not slow down every later collection.
static void untrack_tuples(GCHead *list) {
    GCHead *h = list->next;
    while (h != list) {
        GCHead *next = h->next;
        Object *o = GC_OBJECT(h);
        if (TYPE(o) == &TupleType) {
            bool may_cycle = false;
            for (ssize_t i = 0; i < TUPLE_SIZE(o); i++) {
                Object *e = TUPLE_ITEMS(o)[i];
                if (!e || (gc_is_gc(e) && (TYPE(e) != &TupleType || gc_is_tracked(e)))) {
                    may_cycle = true;
                    break;
                }
            }
            if (!may_cycle) {
                // Not gc_untrack: with free threading the header's bits hold
                // gc_refs now, and the world is stopped.
                glist_unlink(h);
                __atomic_store_n(&h->next, NULL, __ATOMIC_RELAXED);
                h->prev = NULL;
                h->bits &= GC_FINALIZED;
            }
        }
        h = next;
    }
}

// ---- Finalizers, resurrection, destruction ----------------------------------------------------

// Calls the finalize slot (__del__, generator close) of each unreachable
// object once. A finalizer may free objects of the list (they unlink
// themselves) or make them reachable again (handled next).
static void finalize_garbage(GCHead *unreachable) {
    GCHead seen;
    glist_init(&seen);
    while (!glist_is_empty(unreachable)) {
        GCHead *h = unreachable->next;
        Object *o = GC_OBJECT(h);
        glist_move(h, &seen);
        destructor fin = TYPE(o)->finalize;
        if (fin && !(h->bits & GC_FINALIZED)) {
            h->bits |= GC_FINALIZED;
            INCREF(o);
            fin(o);
            DECREF(o);
        }
    }
    glist_merge(&seen, unreachable);
}

// Repeats the trial deletion over the unreachable set: objects that a
// finalizer made reachable again move to old; the rest go to
// still_unreachable.
static void handle_resurrected(GCHead *unreachable, GCHead *still_unreachable, GCHead *old) {
    update_refs(unreachable, 0);
    subtract_refs(unreachable);
    move_unreachable(unreachable, still_unreachable);
    glist_merge(unreachable, old);
}

// Breaks the cycles: clear slots drop references until reference counting
// frees the objects. Objects that survive their clear go to old.
static void delete_garbage(GCHead *garbage, GCHead *old) {
    while (!glist_is_empty(garbage)) {
        GCHead *h = garbage->next;
        Object *o = GC_OBJECT(h);
        if (gc_state.debug & DEBUG_SAVEALL) {
            if (gc_state.garbage) list_append(gc_state.garbage, o);
        } else if (TYPE(o)->clear) {
            INCREF(o);
            TYPE(o)->clear(o);
            if (err_occurred()) err_write_unraisable("Exception ignored in tp_clear of", o, err_fetch());
            DECREF(o);
        }
        if (garbage->next == h) {
            glist_move(h, old);
            h->bits &= GC_FINALIZED;
        }
    }
}

// ---- Collection -------------------------------------------------------------------------------

#ifdef MINIPY_FT
static ssize_t collect_main_ft(int generation);
#endif

// The thread running the collection, for fork (gc_after_fork_child).
static ThreadState *collector_thread;

// Claims the collector (false: a collection is running).
static bool begin_collecting(void) {
    bool expected = false;
    if (!__atomic_compare_exchange_n(&gc_state.collecting, &expected, true, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_RELAXED))
        return false;
    collector_thread = tstate_get();
    return true;
}

// In the child after fork(): a collection another thread was running (in
// its finalizers, which let other threads run) will never finish there.
// What it held in its private lists stays alive, out of the collector's sight.
static void collecting_after_fork_child(void) {
    if (gc_state.collecting && collector_thread != tstate_get()) gc_state.collecting = false;
}

static void end_collecting(void) { __atomic_store_n(&gc_state.collecting, false, __ATOMIC_RELEASE); }

static ssize_t collect_main(int generation) {
    GCState *st = &gc_state;
#ifdef MINIPY_FT
    if (ft_mode) return collect_main_ft(generation);
#endif
    if (generation + 1 < GC_NGENS) st->gens[generation + 1].count++;
    for (int i = 0; i <= generation; i++) st->gens[i].count = 0;
    for (int i = 0; i < generation; i++) glist_merge(&st->gens[i].head, &st->gens[generation].head);
    GCHead *young = &st->gens[generation].head;
    GCHead *old = generation + 1 < GC_NGENS ? &st->gens[generation + 1].head : young;

    untrack_tuples(young);
    update_refs(young, 0);
    subtract_refs(young);
    GCHead unreachable;
    glist_init(&unreachable);
    move_unreachable(young, &unreachable);
    if (young != old) {
        if (generation == GC_NGENS - 2) st->long_lived_pending += glist_size(young);
        glist_merge(young, old);
    } else {
        st->long_lived_pending = 0;
        st->long_lived_total = glist_size(young);
    }

    Object *saved = err_fetch();
    finalize_garbage(&unreachable);
    GCHead final;
    glist_init(&final);
    handle_resurrected(&unreachable, &final, old);
    ssize_t n = glist_size(&final);
    delete_garbage(&final, old);
    err_restore(saved);

    st->collections[generation]++;
    st->collected[generation] += n;
    return n;
}

// Calls each of gc.callbacks with (phase, info), as CPython's
// invoke_gc_callback; errors are unraisable.
static void invoke_callbacks(const char *phase, int generation, ssize_t collected) {
    Object *cbs = gc_state.callbacks;
    if (!cbs || !LIST_CHECK(cbs) || LIST_SIZE(cbs) == 0) return;
    Object *saved = err_fetch();
    Object *info = dict_new();
    Object *ph = str_from_cstr(phase);
    Object *g = int_from_long(generation), *c = int_from_ssize(collected), *u = int_from_long(0);
    if (info && ph && g && c && u && dict_setitem_str(info, "generation", g) == 0 &&
        dict_setitem_str(info, "collected", c) == 0 && dict_setitem_str(info, "uncollectable", u) == 0) {
        INCREF(cbs);
        Object *copy = list_as_tuple(cbs);
        DECREF(cbs);
        for (ssize_t i = 0; copy && i < TUPLE_SIZE(copy); i++) {
            Object *cb = TUPLE_ITEMS(copy)[i];
            Object *r = obj_call2(cb, ph, info);
            if (r) DECREF(r);
            else err_write_unraisable(NULL, cb, err_fetch());
        }
        XDECREF(copy);
    }
    if (err_occurred()) err_clear();
    XDECREF(info);
    XDECREF(ph);
    XDECREF(g);
    XDECREF(c);
    XDECREF(u);
    err_restore(saved);
}

static ssize_t collect_with_callbacks(int generation) {
    invoke_callbacks("start", generation, 0);
    ssize_t n = collect_main(generation);
    invoke_callbacks("stop", generation, n);
    return n;
}

ssize_t gc_collect(int generation) {
#ifdef MINIPY_FT
    // First what waits for the other threads' quiescent points, and what
    // they queued to this thread (vm/ft.c): freed now if it can be.
    if (ft_mode) ft_collect();
#endif
    if (!begin_collecting()) return 0;
    ssize_t n = collect_with_callbacks(generation);
    end_collecting();
    // After a MemoryError, take the emergency reserve back once memory is there.
    mem_reserve_refill();
    return n;
}

// ---- Introspection for the gc module ------------------------------------------------------------

#ifdef MINIPY_FT
static void young_merge_all(GCHead *to, bool relabel);
static void world_stop(void) {
    if (ft_mode) ft_stop_the_world(tstate_get(), -1);
}
static void world_start(void) {
    if (ft_mode) ft_start_the_world();
}
#define YOUNG_FOR_EACH(i) for (int i = 1; i < GC_MAX_YOUNG; i++)
#else
static void world_stop(void) {}
static void world_start(void) {}
#endif

// Calls fn(o, arg) for each tracked object of generation (all when < 0)
// until it returns nonzero; the world is stopped meanwhile.
static int for_each_tracked(int generation, int (*fn)(Object *, void *), void *arg) {
    int r = 0;
    world_stop();
    for (int i = 0; i < GC_NGENS && !r; i++) {
        if (generation >= 0 && i != generation) continue;
        GCHead *l = &gc_state.gens[i].head;
        for (GCHead *h = l->next; h != l && !r; h = h->next) r = fn(GC_OBJECT(h), arg);
    }
#ifdef MINIPY_FT
    if (ft_mode && generation <= 0) {
        YOUNG_FOR_EACH(y) {
            GCHead *l = &gc_young[y].head;
            if (!l->next) continue;  // never used
            for (GCHead *h = l->next; h != l && !r; h = h->next) r = fn(GC_OBJECT(h), arg);
        }
    }
#endif
    world_start();
    return r;
}

// Dead objects waiting for their deferred deallocation are not shown.
static bool is_alive(Object *o) {
#ifdef MINIPY_FT
    if (__atomic_load_n(&o->ob_ftqueued, __ATOMIC_ACQUIRE)) return false;
#endif
    (void)o;
    return true;
}

static int append_object(Object *o, void *result) {
    if (o == result || !is_alive(o)) return 0;
    return list_append(result, o) < 0 ? -1 : 0;
}

int gc_get_objects(int generation, Object *result) {
    return for_each_tracked(generation, append_object, result) ? -1 : 0;
}

typedef struct {
    Object *targets;    // tuple
    Object *result;
    bool found;
} ReferrerSearch;

static int visit_find(Object *o, void *arg) {
    ReferrerSearch *rs = arg;
    for (ssize_t i = 0; i < TUPLE_SIZE(rs->targets); i++)
        if (TUPLE_ITEMS(rs->targets)[i] == o) {
            rs->found = true;
            return 1;
        }
    return 0;
}

static int find_referrer(Object *o, void *arg) {
    ReferrerSearch *rs = arg;
    if (o == rs->result || o == rs->targets || !is_alive(o)) return 0;
    rs->found = false;
    traverse(o, visit_find, rs);
    return rs->found && list_append(rs->result, o) < 0 ? -1 : 0;
}

int gc_get_referrers(Object *targets, Object *result) {
    ReferrerSearch rs = {targets, result, false};
    return for_each_tracked(-1, find_referrer, &rs) ? -1 : 0;
}

// Free-threading: other threads track and untrack at any moment (under the
// lists' spin locks, never held across an eval breaker check), so these
// stop the world.
void gc_freeze(void) {
    world_stop();
    for (int i = 0; i < GC_NGENS; i++) glist_merge(&gc_state.gens[i].head, &gc_state.permanent);
#ifdef MINIPY_FT
    if (ft_mode) young_merge_all(&gc_state.permanent, true);
#endif
    __atomic_store_n(&gc_state.gens[0].count, 0, __ATOMIC_RELAXED);
    world_start();
}

void gc_unfreeze(void) {
    world_stop();
    glist_merge(&gc_state.permanent, &gc_state.gens[GC_NGENS - 1].head);
    world_start();
}

ssize_t gc_freeze_count(void) {
    world_stop();
    ssize_t n = glist_size(&gc_state.permanent);
    world_start();
    return n;
}

// Fields other threads may change meanwhile when free-threading.
#define LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)

void gc_collect_auto(void) {
    GCState *st = &gc_state;
    __atomic_store_n(&st->requested, false, __ATOMIC_RELAXED);
    if (!LOAD(st->enabled) || LOAD(st->gens[0].threshold) == 0 || !begin_collecting()) return;
    for (int i = GC_NGENS - 1; i >= 0; i--) {
        if (LOAD(st->gens[i].count) > LOAD(st->gens[i].threshold)) {
            // A full collection only when enough new long-lived objects
            // have piled up (see the notes).
            if (i == GC_NGENS - 1 && st->long_lived_pending < st->long_lived_total / 4) continue;
            collect_with_callbacks(i);
            mem_reserve_refill();
            break;
        }
    }
    end_collecting();
}

void gc_request(void) {
    GCState *st = &gc_state;
    if (!LOAD(st->enabled) || LOAD(st->collecting) || LOAD(st->gens[0].threshold) == 0) return;
    __atomic_store_n(&st->requested, true, __ATOMIC_RELAXED);
    atomic_fetch_or(&the_interp.eval_breaker, BREAK_GC);
}

long gc_generation_count(int i) {
#ifdef MINIPY_FT
    if (ft_mode && i == 0) {
        gc_flush_count();
        long c = LOAD(gc_state.gens[0].count);
        return c < 0 ? 0 : c;
    }
#endif
    return LOAD(gc_state.gens[i].count);
}

bool gc_can_collect_at_exit(void) { return !LOAD(gc_state.collecting); }

void gc_collect_at_exit(void) {
#ifdef MINIPY_FT
    if (ft_mode) ft_collect();
#endif
    if (!begin_collecting()) return;
    // Finalizers may create more garbage: a few rounds, as CPython's
    // finalize_modules collects more than once.
    for (int i = 0; i < 3; i++)
        if (collect_with_callbacks(GC_NGENS - 1) == 0) break;
    end_collecting();
}

#ifdef MINIPY_FT
// ---- Free threading: young lists, locks, counting ----------------------------------------------

GCYoung gc_young[GC_MAX_YOUNG];
static pthread_mutex_t young_mu = PTHREAD_MUTEX_INITIALIZER;  // claiming a young list
static int ft_global_lock;      // the shared lists (generations, permanent)
static _Thread_local unsigned young_mine;  // this thread's young list, 0: none (the shared gen 0)
static unsigned young_used = 1;  // young lists [1, young_used) have been claimed; grows under young_mu
_Thread_local long gc_alloc_delta;

static inline void spin_lock(int *l) {
    while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE))
        while (__atomic_load_n(l, __ATOMIC_RELAXED)) sched_yield();
}

static inline void spin_unlock(int *l) { __atomic_store_n(l, 0, __ATOMIC_RELEASE); }

static inline unsigned list_id(GCHead *h) {
    uintptr_t id = h->bits >> GC_FLAG_BITS;
    return id < GC_MAX_YOUNG ? (unsigned)id : 0;
}

static inline int *list_lock(unsigned id) { return id ? &gc_young[id].lock : &ft_global_lock; }

void gc_track_ft(Object *o) {
    GCHead *h = GC_HEAD(o);
    // A finalizer that resurrected its object tracks it again; with free
    // threading the object may have stayed tracked (vm/ft.c finalize_now).
    if (gc_is_tracked(o)) return;
    unsigned id = young_mine;
    GCHead *l = id ? &gc_young[id].head : &gc_state.gens[0].head;
    int *lk = list_lock(id);
    spin_lock(lk);
    h->bits = (h->bits & GC_FINALIZED) | ((uintptr_t)id << GC_FLAG_BITS);
    GCHead *last = l->prev;
    h->prev = last;
    __atomic_store_n(&h->next, l, __ATOMIC_RELAXED);
    SET_NEXT(last, h);
    l->prev = h;
    spin_unlock(lk);
    gc_count_ft(1);
}

// Unlinks o, which may be in any thread's young list or a shared one: the
// list's number in its header names the lock. Only ever called for an
// object nobody else can reach (it is being deallocated or put on a
// freelist), so the number cannot change meanwhile (a collection changes it
// with the world stopped, or holds a reference).
void gc_untrack_ft(Object *o) {
    GCHead *h = GC_HEAD(o);
    if (!gc_is_tracked(o)) return;
    int *lk = list_lock(list_id(h));
    spin_lock(lk);
    bool was = h->next != NULL;
    if (was) {
        SET_NEXT(h->prev, h->next);
        h->next->prev = h->prev;
        __atomic_store_n(&h->next, NULL, __ATOMIC_RELAXED);
        h->prev = NULL;
        h->bits &= GC_FINALIZED;
    }
    spin_unlock(lk);
    if (was) gc_count_ft(-1);
}

void gc_flush_count(void) {
    long d = gc_alloc_delta;
    if (!d) return;
    gc_alloc_delta = 0;
    long c = __atomic_add_fetch(&gc_state.gens[0].count, d, __ATOMIC_RELAXED);
    // Not below zero, as with the GIL: the objects a collection frees were
    // counted before it reset the count.
    if (c < 0) __atomic_compare_exchange_n(&gc_state.gens[0].count, &c, 0, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
    if (d > 0 && c > LOAD(gc_state.gens[0].threshold) && !LOAD(gc_state.requested)) gc_request();
}

// Claims a young list that no thread uses and that is empty (a list that
// still holds objects of a thread that ended waits for a collection).
void gc_thread_bind(ThreadState *ts) {
    pthread_mutex_lock(&young_mu);
    young_mine = 0;
    YOUNG_FOR_EACH(i) {
        GCYoung *y = &gc_young[i];
        if (y->owner) continue;
        spin_lock(&y->lock);
        if (!y->head.next) glist_init(&y->head);
        bool empty = glist_is_empty(&y->head);
        spin_unlock(&y->lock);
        if (empty) {
            y->owner = ts;
            young_mine = (unsigned)i;
            if ((unsigned)i >= young_used) __atomic_store_n(&young_used, (unsigned)i + 1, __ATOMIC_RELEASE);
            break;
        }
    }
    pthread_mutex_unlock(&young_mu);
}

// The thread ends: its list stays, with its objects, until a collection.
void gc_thread_unbind(ThreadState *ts) {
    gc_flush_count();
    pthread_mutex_lock(&young_mu);
    YOUNG_FOR_EACH(i)
    if (gc_young[i].owner == ts) gc_young[i].owner = NULL;
    young_mine = 0;
    pthread_mutex_unlock(&young_mu);
}

// Moves every young list to the end of `to` (world stopped). relabel: the
// objects now belong to a shared list (number 0); a collection need not,
// it overwrites the bits.
static void young_merge_all(GCHead *to, bool relabel) {
    unsigned used = __atomic_load_n(&young_used, __ATOMIC_ACQUIRE);
    for (unsigned i = 1; i < used; i++) {
        GCHead *l = &gc_young[i].head;
        if (!l->next) continue;
        if (relabel)
            for (GCHead *h = l->next; h != l; h = h->next) h->bits &= GC_FINALIZED;
        glist_merge(l, to);
    }
}

// In the child after fork() (vm/fork.c): the locks are made afresh and the
// young lists of the threads that are gone are given up.
void gc_after_fork_child(void) {
    collecting_after_fork_child();
    young_mu = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    ft_global_lock = 0;
    ThreadState *me = tstate_get();
    YOUNG_FOR_EACH(i) {
        gc_young[i].lock = 0;
        if (gc_young[i].owner != me) gc_young[i].owner = NULL;
    }
}

// ---- Free threading: the collection -----------------------------------------------------------

// Moves h from a private list of the collector to the shared list `to`,
// while other threads may be unlinking objects from it.
static void move_to_shared(GCHead *h, GCHead *to) {
    spin_lock(&ft_global_lock);
    glist_move(h, to);
    h->bits &= GC_FINALIZED;
    spin_unlock(&ft_global_lock);
}

// The objects found reachable again after the finalizers: back to old, and
// the collector's references dropped.
static void release_resurrected(GCHead *list, GCHead *old) {
    while (!glist_is_empty(list)) {
        GCHead *h = list->next;
        move_to_shared(h, old);
        DECREF(GC_OBJECT(h));
    }
}

static bool finalize_garbage_ft(GCHead *unreachable) {
    bool ran = false;
    GCHead seen;
    glist_init(&seen);
    while (!glist_is_empty(unreachable)) {
        GCHead *h = unreachable->next;
        Object *o = GC_OBJECT(h);
        glist_move(h, &seen);
        destructor fin = TYPE(o)->finalize;
        if (fin && !(h->bits & GC_FINALIZED)) {
            h->bits |= GC_FINALIZED;
            ran = true;
            fin(o);  // o stays alive: the collector holds a reference
        }
    }
    glist_merge(&seen, unreachable);
    return ran;
}

// Returns how many objects it went through.
static ssize_t delete_garbage_ft(GCHead *garbage, GCHead *old) {
    ssize_t n = 0;
    while (!glist_is_empty(garbage)) {
        n++;
        GCHead *h = garbage->next;
        Object *o = GC_OBJECT(h);
        if (gc_state.debug & DEBUG_SAVEALL) {
            if (gc_state.garbage) list_append(gc_state.garbage, o);
        } else if (TYPE(o)->clear && !is_pinned(o)) {
            // (A pinned namespace is left as it is: immortal, it would
            // never be freed, and what it holds would be lost instead. What
            // only it refers to is garbage too, and cleared.)
            TYPE(o)->clear(o);
            if (err_occurred()) err_write_unraisable("Exception ignored in tp_clear of", o, err_fetch());
        }
        move_to_shared(h, old);
        DECREF(o);  // may free it: it unlinks itself from old
    }
    return n;
}

static ssize_t collect_main_ft(int generation) {
    GCState *st = &gc_state;
    ThreadState *me = tstate_get();
    ft_stop_the_world(me, -1);
    if (generation + 1 < GC_NGENS) st->gens[generation + 1].count++;
    for (int i = 0; i <= generation; i++) __atomic_store_n(&st->gens[i].count, 0, __ATOMIC_RELAXED);
    GCHead *young = &st->gens[generation].head;
    GCHead *old = generation + 1 < GC_NGENS ? &st->gens[generation + 1].head : young;
    young_merge_all(young, false);
    for (int i = 0; i < generation; i++) glist_merge(&st->gens[i].head, young);

    untrack_tuples(young);
    update_refs(young, 0);
    subtract_refs(young);
    GCHead unreachable;
    glist_init(&unreachable);
    move_unreachable(young, &unreachable);
    if (young != old) {
        if (generation == GC_NGENS - 2) st->long_lived_pending += glist_size(young);
        glist_merge(young, old);
    } else {
        st->long_lived_pending = 0;
        st->long_lived_total = glist_size(young);
    }
    // From here on no other thread can free an unreachable object.
    for (GCHead *h = unreachable.next; h != &unreachable; h = h->next) INCREF(GC_OBJECT(h));
    ft_start_the_world();

    Object *saved = err_fetch();
    GCHead final;
    glist_init(&final);
    if (finalize_garbage_ft(&unreachable)) {
        // The finalizers ran Python code, in parallel with the other
        // threads: anything may have been made reachable again.
        ft_stop_the_world(me, -1);
        update_refs(&unreachable, 1);
        subtract_refs(&unreachable);
        move_unreachable(&unreachable, &final);
        ft_start_the_world();
        release_resurrected(&unreachable, old);
    } else {
        glist_merge(&unreachable, &final);
    }
    ssize_t n = delete_garbage_ft(&final, old);
    err_restore(saved);

    st->collections[generation]++;
    st->collected[generation] += n;
    return n;
}
#else
void gc_after_fork_child(void) { collecting_after_fork_child(); }
#endif
