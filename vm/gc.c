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
// without the GIL) cannot share linked lists between threads without a lock
// on every container allocation, which would serialize exactly the work
// free-threading is for. So in ft_mode new objects are simply not tracked,
// objects tracked before are unlinked under a mutex when they die, and the
// collector is skipped (gc.collect() returns 0): collection is *skipped*,
// not stop-the-world. Cycles made while free-threading are therefore only
// reclaimed by the exit-time collection if they were tracked, i.e. made
// before ft_mode. Programs running with the GIL, and the free-threading
// build until its second thread starts, collect normally.
#include "runtime.h"
#include "gc.h"
#include "eval.h"
#include "objects/gen.h"

#include <pthread.h>

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

static void glist_init(GCHead *l) { l->next = l->prev = l; }

static bool glist_is_empty(GCHead *l) { return l->next == l; }

static void glist_unlink(GCHead *h) {
    h->prev->next = h->next;
    h->next->prev = h->prev;
}

static void glist_append(GCHead *h, GCHead *l) {
    GCHead *last = l->prev;
    h->next = l;
    h->prev = last;
    last->next = h;
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
    last->next = from->next;
    from->next->prev = last;
    to->prev = from->prev;
    from->prev->next = to;
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

static void update_refs(GCHead *list) {
    for (GCHead *h = list->next; h != list; h = h->next) {
        ssize_t rc = REFCNT(GC_OBJECT(h));
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
            if (!may_cycle) gc_untrack(o);
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
    update_refs(unreachable);
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

// Collecting is not possible while threads run without the GIL (see the notes).
static bool can_collect(void) { return !ft_mode; }

static ssize_t collect_main(int generation) {
    GCState *st = &gc_state;
    st->collecting = true;
    if (generation + 1 < GC_NGENS) st->gens[generation + 1].count++;
    for (int i = 0; i <= generation; i++) st->gens[i].count = 0;
    for (int i = 0; i < generation; i++) glist_merge(&st->gens[i].head, &st->gens[generation].head);
    GCHead *young = &st->gens[generation].head;
    GCHead *old = generation + 1 < GC_NGENS ? &st->gens[generation + 1].head : young;

    untrack_tuples(young);
    update_refs(young);
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
    st->collecting = false;
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
    // No cycle collection while free-threading; what waits for the other
    // threads' quiescent points is freed now if it can be (vm/ft.c).
    if (ft_mode) ft_collect();
#endif
    if (gc_state.collecting || !can_collect()) return 0;
    return collect_with_callbacks(generation);
}

// ---- Introspection for the gc module ------------------------------------------------------------

int gc_get_objects(int generation, Object *result) {
    if (ft_mode) return 0;
    for (int i = 0; i < GC_NGENS; i++) {
        if (generation >= 0 && i != generation) continue;
        GCHead *l = &gc_state.gens[i].head;
        for (GCHead *h = l->next; h != l; h = h->next) {
            Object *o = GC_OBJECT(h);
            if (o != result && list_append(result, o) < 0) return -1;
        }
    }
    return 0;
}

typedef struct {
    Object *targets;    // tuple
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

int gc_get_referrers(Object *targets, Object *result) {
    if (ft_mode) return 0;
    for (int i = 0; i < GC_NGENS; i++) {
        GCHead *l = &gc_state.gens[i].head;
        for (GCHead *h = l->next; h != l; h = h->next) {
            Object *o = GC_OBJECT(h);
            if (o == result || o == targets) continue;
            ReferrerSearch rs = {targets, false};
            traverse(o, visit_find, &rs);
            if (rs.found && list_append(result, o) < 0) return -1;
        }
    }
    return 0;
}

void gc_freeze(void) {
    if (ft_mode) return;
    for (int i = 0; i < GC_NGENS; i++) glist_merge(&gc_state.gens[i].head, &gc_state.permanent);
    gc_state.gens[0].count = 0;
}

void gc_unfreeze(void) {
    if (ft_mode) return;
    glist_merge(&gc_state.permanent, &gc_state.gens[GC_NGENS - 1].head);
}

ssize_t gc_freeze_count(void) { return ft_mode ? 0 : glist_size(&gc_state.permanent); }

void gc_collect_auto(void) {
    GCState *st = &gc_state;
    st->requested = false;
    if (!st->enabled || st->collecting || !can_collect() || st->gens[0].threshold == 0) return;
    for (int i = GC_NGENS - 1; i >= 0; i--) {
        if (st->gens[i].count > st->gens[i].threshold) {
            // A full collection only when enough new long-lived objects
            // have piled up (see the notes).
            if (i == GC_NGENS - 1 && st->long_lived_pending < st->long_lived_total / 4) continue;
            collect_with_callbacks(i);
            break;
        }
    }
}

void gc_request(void) {
    GCState *st = &gc_state;
    if (!st->enabled || st->collecting || st->gens[0].threshold == 0) return;
    st->requested = true;
    atomic_fetch_or(&the_interp.eval_breaker, BREAK_GC);
}

bool gc_can_collect_at_exit(void) { return !ft_mode && !gc_state.collecting; }

void gc_collect_at_exit(void) {
    // Not in ft_mode: deallocation is deferred there (vm/ft.c), so the
    // collector could not tell a dead object from a live one.
    if (!gc_can_collect_at_exit()) return;
    // Finalizers may create more garbage: a few rounds, as CPython's
    // finalize_modules collects more than once.
    for (int i = 0; i < 3; i++)
        if (collect_with_callbacks(GC_NGENS - 1) == 0) break;
}

#ifdef MINIPY_FT
static pthread_mutex_t ft_untrack_lock = PTHREAD_MUTEX_INITIALIZER;

// In the child after fork() (vm/fork.c): the lock is made afresh.
void gc_after_fork_child(void) { ft_untrack_lock = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER; }

// Objects tracked before ft_mode turned on can die in any thread: their
// unlinking (which writes to their neighbours) is serialized.
void gc_untrack_ft(Object *o) {
    GCHead *h = GC_HEAD(o);
    if (!gc_is_tracked(o)) return;
    pthread_mutex_lock(&ft_untrack_lock);
    if (h->next) {
        h->prev->next = h->next;
        h->next->prev = h->prev;
        __atomic_store_n(&h->next, NULL, __ATOMIC_RELAXED);
        h->prev = NULL;
        h->bits &= GC_FINALIZED;
    }
    pthread_mutex_unlock(&ft_untrack_lock);
}
#else
void gc_after_fork_child(void) {}
#endif
