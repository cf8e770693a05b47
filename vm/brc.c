// Biased reference counting for the free-threading build (PEP 703; CPython
// 3.13's Objects/object.c _Py_IncRefShared, _Py_DecRefShared,
// _Py_MergeZeroLocalRefcount, _Py_ExplicitMergeRefcount, and Python/brc.c).
//
// Notes about the implementation
// ------------------------------
// Atomic read-modify-writes cost tens of cycles even on a cache line no
// other core wants, and reference counts change on nearly every
// instruction. But most objects never leave the thread that made them. So
// an object is biased towards its owner, the thread that allocated it
// (ob_tid): the owner counts in ob_ref_local with plain loads and stores
// (object.h's INCREF/DECREF compare ob_tid with the thread-local brc_tid);
// any other thread counts in ob_ref_shared with atomic instructions. The
// object's count is the sum. ob_ref_shared holds the shared count shifted
// left by two, and two state bits:
//
//   0            default: owned, the shared count is not negative
//   BRC_QUEUED   the shared count went negative: queued to the owner
//   BRC_MERGED   no owner (ob_tid 0, ob_ref_local 0): the shared count is
//                the count, changed atomically by every thread
//
// Another thread dropping a reference it got from the owner makes the
// shared count negative while the local one is still positive. The first
// such release does not decrement: it sets BRC_QUEUED and hands its
// reference to the owner's queue (brc_queue), so the object stays alive
// while queued. The owner merges its queue at its next eval breaker check
// (brc_merge_queued): the local count moves into the shared one, minus the
// queue's reference, the object becomes BRC_MERGED, and is freed if that
// makes zero.
//
// When the owner's local count reaches zero (brc_merge_zero_local) and no
// other thread ever counted, the object is freed at once: the common case,
// a temporary, costs no atomic instruction at all. Otherwise the owner
// gives up ownership: ob_tid = 0 first, then BRC_MERGED with one
// compare-and-swap; from then on the shared count alone decides, and
// whichever thread takes it to zero frees the object.
//
// Thread ids are numbers handed out once (brc_assign_tid), never reused.
// Each thread registers its id and queue in a bucket of a small hash table
// when it binds its thread state and removes them when it ends, after
// merging its queue for the last time. A thread that wants to queue an
// object whose owner is gone finds no entry and merges the object itself:
// with the owner gone, nobody touches the local count any more (the bucket
// mutex orders the owner's last stores before the merge).
//
// Freeing keeps vm/ft.c's rule: an object that was once taken out of a
// slot other threads read without a lock (ob_ftshared) may still be seen
// through a borrowed pointer, so it is merged first (a late reader's
// increment then lands in the shared count, where ft_revived notices the
// revival) and its deallocation waits for every thread's quiescent point.
//
// Until ft_mode turns on, INCREF and DECREF count in ob_ref_local alone,
// plainly, whoever the owner is (one thread, or threads taking turns under
// the GIL); ob_ref_shared stays zero. That is a valid biased state, so
// nothing has to be converted when the second thread starts.
#include "runtime.h"
#include "ft.h"

#include <pthread.h>

#ifdef MINIPY_FT

_Thread_local uintptr_t brc_tid __attribute__((tls_model("local-exec")));
static uintptr_t next_tid = 1;

uintptr_t brc_assign_tid(void) {
    if (!brc_tid) brc_tid = __atomic_fetch_add(&next_tid, 1, __ATOMIC_RELAXED);
    return brc_tid;
}

// ---- The registry of threads and their queues --------------------------------------

#define NBUCKETS 64

typedef struct {
    pthread_mutex_t mu;
    ThreadState *head;          // threads with tid % NBUCKETS == index
} Bucket;

static Bucket buckets[NBUCKETS] = {[0 ... NBUCKETS - 1] = {PTHREAD_MUTEX_INITIALIZER, NULL}};

static inline Bucket *bucket_of(uintptr_t tid) { return &buckets[tid % NBUCKETS]; }

static ThreadState *find_thread(Bucket *b, uintptr_t tid) {
    for (ThreadState *ts = b->head; ts; ts = ts->brc.bucket_next)
        if (ts->brc.tid == tid) return ts;
    return NULL;
}

void brc_thread_bind(ThreadState *ts) {
    ts->brc.tid = brc_assign_tid();
    Bucket *b = bucket_of(ts->brc.tid);
    pthread_mutex_lock(&b->mu);
    ts->brc.bucket_next = b->head;
    b->head = ts;
    pthread_mutex_unlock(&b->mu);
}

// ---- Merging ---------------------------------------------------------------------------

// Frees o, whose count reached zero: at once, or after every thread's next
// quiescent point if other threads may still read it (vm/ft.c).
static void brc_dealloc(Object *o) {
    if (__atomic_load_n(&o->ob_ftshared, __ATOMIC_RELAXED)) ft_defer_obj(o);
    else obj_dealloc(o);
}

// Moves the local count into the shared one, adds `extra`, and makes o
// ownerless. Only the owner may call this, or anyone once the owner has
// ended. Returns the resulting count.
static ssize_t explicit_merge(Object *o, ssize_t extra) {
    ssize_t local = (ssize_t)__atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED);
    // Before the shared count says "merged": after that, another thread
    // may free o.
    __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&o->ob_ref_local, 0, __ATOMIC_RELAXED);
    ssize_t s = __atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED), rc, ns;
    do {
        if (s >= IMMORTAL_MIN) return IMMORTAL_REFCNT;
        rc = (s >> BRC_SHARED_SHIFT) + local + extra;
        ns = (rc << BRC_SHARED_SHIFT) | BRC_MERGED;
    } while (!__atomic_compare_exchange_n(&o->ob_ref_shared, &s, ns, true, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    return rc;
}

// The owner's local count reached zero: gives up ownership and returns the
// shared count (BRC_MERGED is set), or returns 0 without touching the
// shared field when nobody else ever counted.
static ssize_t merge_zero_local(Object *o) {
    ssize_t s = __atomic_load_n(&o->ob_ref_shared, __ATOMIC_ACQUIRE);
    if (s >= IMMORTAL_MIN) return IMMORTAL_REFCNT;   // made immortal meanwhile
    if (s == 0 && !__atomic_load_n(&o->ob_ftshared, __ATOMIC_RELAXED)) return 0;
    __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
    ssize_t ns;
    do {
        if (s >= IMMORTAL_MIN) return IMMORTAL_REFCNT;
        ns = (s & ~(ssize_t)BRC_FLAGS) | BRC_MERGED;
    } while (!__atomic_compare_exchange_n(&o->ob_ref_shared, &s, ns, true, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
    return ns >> BRC_SHARED_SHIFT;
}

// The owner's local count reached zero and another thread counted the
// object or may still see it (the common case is object.c's
// brc_merge_zero_local).
void brc_merge_zero_local_slow(Object *o) {
    if (merge_zero_local(o) == 0) brc_dealloc(o);
}

bool obj_resurrect_end(Object *o) {
    if (!ft_mode) {
        brc_local_add(o, (uint32_t)-1);
        return __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) > 0;
    }
    if (brc_owned(o)) {
        uint32_t l = __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) - 1;
        __atomic_store_n(&o->ob_ref_local, l, __ATOMIC_RELAXED);
        return l > 0 || merge_zero_local(o) > 0;
    }
    ssize_t ns = __atomic_sub_fetch(&o->ob_ref_shared, BRC_SHARED_ONE, __ATOMIC_ACQ_REL);
    // Not merged: its owner still counts it.
    return !(ns & BRC_MERGED) || ns >= IMMORTAL_MIN || (ns >> BRC_SHARED_SHIFT) > 0;
}

// ---- Other threads' counting -------------------------------------------------------------

void ft_revived(Object *o);

// Counting another thread's object, or an object of this thread's that
// another thread made immortal meanwhile. Until ft_mode, every thread
// counts in the local field (one thread, or threads under the GIL).
void brc_incref_other(Object *o) {
    if (!ft_mode) brc_local_add(o, 1);
    else brc_incref_shared(o);
}

void brc_decref_other(Object *o) {
    if (!ft_mode) {
        uint32_t l = __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) - 1;
        __atomic_store_n(&o->ob_ref_local, l, __ATOMIC_RELAXED);
        if (l == 0) obj_dealloc(o);
    } else {
        brc_decref_shared(o);
    }
}

void brc_incref_shared(Object *o) {
    if (brc_is_immortal(o)) return;
    // From zero while merged: the object was released after this thread
    // read a pointer to it (still valid memory: vm/ft.c); it lives on.
    if (__atomic_fetch_add(&o->ob_ref_shared, BRC_SHARED_ONE, __ATOMIC_RELAXED) == BRC_MERGED) ft_revived(o);
}

static void brc_queue(Object *o);

void brc_decref_shared(Object *o) {
    ssize_t s = __atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED);
    if (s >= IMMORTAL_MIN) return;
    if (s & BRC_MERGED) {
        // Release: this thread's writes to o happen before its
        // deallocation by whichever thread frees it (acquire).
        if (__atomic_sub_fetch(&o->ob_ref_shared, BRC_SHARED_ONE, __ATOMIC_ACQ_REL) == BRC_MERGED) brc_dealloc(o);
        return;
    }
    bool queue;
    ssize_t ns;
    do {
        if (s >= IMMORTAL_MIN) return;
        // The first release that would take the shared count below zero
        // hands its reference to the owner's queue instead.
        queue = s == 0;
        ns = queue ? BRC_QUEUED : s - BRC_SHARED_ONE;
    } while (!__atomic_compare_exchange_n(&o->ob_ref_shared, &s, ns, true, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    if (queue) brc_queue(o);
    else if (ns == BRC_MERGED) brc_dealloc(o);
}

// o holds the reference this thread released: queue it to its owner.
static void brc_queue(Object *o) {
    uintptr_t tid = __atomic_load_n(&o->ob_tid, __ATOMIC_RELAXED);
    if (tid == 0) {
        // The owner merged meanwhile: the shared count decides now.
        brc_decref_shared(o);
        return;
    }
    Bucket *b = bucket_of(tid);
    pthread_mutex_lock(&b->mu);
    ThreadState *ts = find_thread(b, tid);
    if (!ts) {
        // The owner has ended: merge here, without the queue's reference.
        ssize_t rc = explicit_merge(o, -1);
        pthread_mutex_unlock(&b->mu);
        if (rc == 0) brc_dealloc(o);
        return;
    }
    BrcThread *q = &ts->brc;
    if (q->n == q->cap) {
        size_t nc = q->cap ? q->cap * 2 : 64;
        Object **no = realloc(q->objs, nc * sizeof *no);
        if (!no) {
            // No memory for the queue: the object is never freed.
            pthread_mutex_unlock(&b->mu);
            return;
        }
        q->objs = no;
        q->cap = nc;
    }
    q->objs[q->n++] = o;
    __atomic_store_n(&q->pending, 1, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&b->mu);
}

// Called by the owner at quiescent points: merges what other threads queued.
// Not while this thread runs a finalizer (see ft_quiescent_slow).
void brc_merge_queued(ThreadState *ts) {
    BrcThread *q = &ts->brc;
    if (!q->tid || ts->ft.in_finalizer) return;
    Bucket *b = bucket_of(q->tid);
    pthread_mutex_lock(&b->mu);
    Object **objs = q->objs;
    size_t n = q->n;
    q->objs = NULL;
    q->n = q->cap = 0;
    __atomic_store_n(&q->pending, 0, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&b->mu);
    for (size_t i = 0; i < n; i++) {
        Object *o = objs[i];
        // Less the queue's reference.
        if (explicit_merge(o, -1) == 0) brc_dealloc(o);
    }
    free(objs);
}

// The thread ends: merges its queue for the last time and leaves the
// registry, so that others merge its objects themselves from now on. After
// this the thread must not count references.
void brc_thread_unbind(ThreadState *ts) {
    BrcThread *q = &ts->brc;
    if (!q->tid) {
        if (ft_mode && ts->ft.n) ft_quiescent_slow(ts);
        return;
    }
    Bucket *b = bucket_of(q->tid);
    for (;;) {
        brc_merge_queued(ts);
        if (ft_mode && ts->ft.n) ft_quiescent_slow(ts);
        pthread_mutex_lock(&b->mu);
        if (q->n == 0) {
            for (ThreadState **p = &b->head; *p; p = &(*p)->brc.bucket_next) {
                if (*p == ts) {
                    *p = ts->brc.bucket_next;
                    break;
                }
            }
            pthread_mutex_unlock(&b->mu);
            break;
        }
        pthread_mutex_unlock(&b->mu);
    }
    free(q->objs);
    q->objs = NULL;
    q->cap = 0;
    q->tid = 0;
    // What this thread still counts (the sentinel lock join waits on) it
    // counts as a stranger to its former objects, whose owner is gone.
    brc_tid = __atomic_fetch_add(&next_tid, 1, __ATOMIC_RELAXED);
}

#endif
