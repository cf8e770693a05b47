// The cycle collector's per-object header and tracking (CPython's PyGC_Head
// and _PyObject_GC_TRACK / _PyObject_GC_UNTRACK). gc.c explains the design.
//
// Every object whose type has TPFLAGS_HAVE_GC is allocated by obj_alloc()
// with a GCHead in front of it, and is tracked (linked into the youngest
// generation) from its allocation until its deallocation starts. Statically
// allocated objects of such types (the built-in types themselves, which are
// instances of `type`) have no header; gc_is_gc() tells them apart, as
// CPython's type_is_gc does.
#ifndef MINIPY_GC_H
#define MINIPY_GC_H

#include <stdlib.h>

#include "object.h"

typedef struct GCHead {
    struct GCHead *next;        // NULL while the object is not tracked
    struct GCHead *prev;
    uintptr_t bits;             // GC_FINALIZED etc., and gc_refs while collecting
} GCHead;

// The object's __del__ (finalize slot) has run: never run it again (PEP 442).
#define GC_FINALIZED ((uintptr_t)1)
// The object is in the generation being collected (gc_refs is valid).
#define GC_COLLECTING ((uintptr_t)2)
// The object is in the collector's tentatively-unreachable list.
#define GC_UNREACHABLE ((uintptr_t)4)
#define GC_FLAG_BITS 3

#define GC_HEAD(o) ((GCHead *)(o) - 1)
#define GC_OBJECT(h) ((Object *)((GCHead *)(h) + 1))

#define GC_NGENS 3

typedef struct {
    GCHead head;                // sentinel of a circular doubly linked list
    long threshold;
    long count;                 // gen 0: allocations minus frees; older: collections of the younger one
} GCGeneration;

typedef struct {
    GCGeneration gens[GC_NGENS];
    GCHead permanent;           // gc.freeze()
    bool enabled;
    bool collecting;            // a collection is running (they do not nest)
    bool requested;             // the eval breaker has been asked to collect
    int debug;                  // gc.set_debug() flags
    long long_lived_total;      // objects that survived the last full collection
    long long_lived_pending;    // objects that survived a gen 1 collection since
    long collections[GC_NGENS]; // statistics for gc.get_stats()
    long collected[GC_NGENS];
    Object *garbage;            // gc.garbage and gc.callbacks (lists), created with the module
    Object *callbacks;
} GCState;

extern GCState gc_state;

// True when o carries a GC header (CPython's _PyObject_IS_GC).
static inline bool gc_is_gc(Object *o) {
    TypeObject *t = TYPE(o);
    if (!(t->flags & TPFLAGS_HAVE_GC)) return false;
    return !(t->flags & TPFLAGS_TYPE_SUBCLASS) || (((TypeObject *)o)->flags & TPFLAGS_HEAPTYPE);
}

static inline bool gc_is_tracked(Object *o) {
#ifdef MINIPY_FT
    return __atomic_load_n(&GC_HEAD(o)->next, __ATOMIC_RELAXED) != NULL;
#else
    return GC_HEAD(o)->next != NULL;
#endif
}

// Asks the eval breaker to run a collection (gen 0 is over its threshold).
void gc_request(void);

#ifdef MINIPY_FT
// While free-threading, each thread tracks the objects it makes in a young
// list of its own (gc.c): the upper bits of GCHead.bits name the list
// holding a tracked object (0: the shared generations, under one lock).
#define GC_MAX_YOUNG 256
// On a cache line of its own: threads tracking in parallel do not share one.
typedef struct {
    _Alignas(64) int lock;      // a spin lock: the owner tracks, anyone unlinks
    GCHead head;
    struct ThreadState *owner;  // NULL: free once empty (young_mu guards it)
} GCYoung;
extern GCYoung gc_young[GC_MAX_YOUNG];  // [0] is unused: number 0 is the shared lists
void gc_track_ft(Object *o);
void gc_untrack_ft(Object *o);
// Generation 0's count: tracked minus untracked objects, per thread, added
// to the shared count in batches.
extern _Thread_local long gc_alloc_delta;
void gc_flush_count(void);
#define GC_DELTA_BATCH 64
static inline void gc_count_ft(long d) {
    gc_alloc_delta += d;
    if (gc_alloc_delta >= GC_DELTA_BATCH || gc_alloc_delta <= -GC_DELTA_BATCH) gc_flush_count();
}
// A thread starts / ends using its young list (vm/state.c, vm/ft.c).
struct ThreadState;
void gc_thread_bind(struct ThreadState *ts);
void gc_thread_unbind(struct ThreadState *ts);
#endif

// Links o (a GC object, not tracked) at the end of the youngest generation
// (with free threading, this thread's young list: see gc.c).
static inline void gc_track(Object *o) {
#ifdef MINIPY_FT
    if (ft_mode) {
        gc_track_ft(o);
        return;
    }
#endif
    GCHead *h = GC_HEAD(o), *g = &gc_state.gens[0].head, *last = g->prev;
    h->next = g;
    h->prev = last;
    last->next = h;
    g->prev = h;
}

// Unlinks o from whichever list holds it; a no-op when it is not tracked.
static inline void gc_untrack(Object *o) {
    GCHead *h = GC_HEAD(o);
    if (ft_mode) {
#ifdef MINIPY_FT
        gc_untrack_ft(o);
#endif
        return;
    }
    if (!h->next) return;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->next = h->prev = NULL;
    h->bits &= GC_FINALIZED;
}

// Called by obj_alloc for each new GC object: tracks it and counts it.
static inline void gc_on_alloc(Object *o) {
#ifdef MINIPY_FT
    if (ft_mode) {
        gc_track_ft(o);  // counts it
        return;
    }
#endif
    gc_track(o);
    if (++gc_state.gens[0].count > gc_state.gens[0].threshold && !gc_state.requested) gc_request();
}

// Frees the memory of an untracked GC object that is kept on a freelist
// (the counterpart of the allocation in obj_alloc; no counting).
static inline void gc_free_memory(Object *o) { free(GC_HEAD(o)); }

// Runs a collection of generations 0..generation (CPython's gc_collect_main;
// while free-threading, with the world stopped). Returns the number of
// unreachable objects found, or 0 when a collection is already running.
// Never raises: errors in finalizers are reported as unraisable.
ssize_t gc_collect(int generation);
// The automatic collection the eval breaker runs (gc_collect_generations).
void gc_collect_auto(void);
// For the gc module: append the tracked objects (of one generation, or all
// when generation < 0) / the objects referring to one of the tuple targets
// to the list result; -1 with an exception.
int gc_get_objects(int generation, Object *result);
int gc_get_referrers(Object *targets, Object *result);
// gc.freeze(): moves every tracked object to a permanent generation that
// is never collected; gc.unfreeze() moves them back to the oldest one.
void gc_freeze(void);
void gc_unfreeze(void);
ssize_t gc_freeze_count(void);
// Collects at interpreter exit (after the modules' namespaces are
// released); gc_can_collect_at_exit() tells whether it will.
bool gc_can_collect_at_exit(void);
// At exit, with free threading: o, an immortal module namespace that has
// been detached, counts as garbage in the collections that follow, so what
// only it holds is finalized and freed as with the GIL.
void gc_pin_garbage(Object *o);
void gc_collect_at_exit(void);
// In the child after fork(): re-creates the collector's locks (vm/fork.c).
void gc_after_fork_child(void);
// gc.get_count(): generation i's count.
long gc_generation_count(int i);

#endif
