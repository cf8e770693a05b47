// Free threading (the MINIPY_FT build with the GIL off): per-object locks
// for mutable containers and deferred freeing. See ft.c for the design.
#ifndef MINIPY_FT_H
#define MINIPY_FT_H

#include "object.h"

struct ThreadState;

#ifdef MINIPY_FT

// A recursive spin lock: the owning thread (an address unique to it) and
// how many times it holds the lock.
typedef struct {
    uintptr_t owner;
    uint32_t depth;
} ObjLock;

void ft_lock_slow(ObjLock *l);
void ft_unlock_slow(ObjLock *l);

// Lock and unlock a container: no-ops until ft_mode is on. The bool that
// FT_LOCK returns must be passed to FT_UNLOCK, so a lock taken before
// ft_mode turned on (never) or skipped because it was off stays balanced.
static inline bool ft_lock(ObjLock *l) {
    if (__builtin_expect(!ft_mode, 1)) return false;
    ft_lock_slow(l);
    return true;
}
static inline void ft_unlock(ObjLock *l, bool held) {
    if (held) ft_unlock_slow(l);
}
#define FT_LOCK_FIELD ObjLock ft_lk;
#define FT_LOCK(o) ft_lock(&(o)->ft_lk)
#define FT_UNLOCK(o, held) ft_unlock(&(o)->ft_lk, (held))

// Deferred freeing (quiescent-state-based reclamation).
void ft_defer_obj(Object *o);
void ft_defer_mem(void *p);
static inline void ft_free_mem(void *p) {
    if (ft_mode) ft_defer_mem(p);
    else free(p);
}
extern uint64_t ft_epoch;
void ft_quiescent_slow(struct ThreadState *ts);
int ft_thread_init(struct ThreadState *ts);
void ft_thread_fini(struct ThreadState *ts);
void ft_thread_attach(struct ThreadState *ts);
void ft_thread_detach(struct ThreadState *ts);
void ft_thread_exit(struct ThreadState *ts);
void ft_enable(void);
// True while the thread is attached (running Python, not in a blocking call).
bool ft_thread_attached(struct ThreadState *ts);
// fork() support (vm/fork.c).
void ft_after_fork_child(void);
void ft_forget_thread(struct ThreadState *ts);
void ft_immortalize(Object *o);
void ft_finish(void);
void ft_collect(void);

// Stop-the-world (see ft.c): ft_stop_the_world() returns once no thread but
// `me` runs Python (or, with timeout >= 0 seconds, when that has passed:
// false then); ft_start_the_world() lets them go on. Stopped threads wait
// in ft_pause() (from the eval breaker) or ft_wait_world() (attaching).
bool ft_stop_the_world(struct ThreadState *me, double timeout);
void ft_start_the_world(void);
bool ft_world_stopped(void);
void ft_wait_world(void);
void ft_pause(struct ThreadState *ts);

// Biased reference counting (vm/brc.c).
void brc_thread_bind(struct ThreadState *ts);
void brc_thread_unbind(struct ThreadState *ts);
void brc_merge_queued(struct ThreadState *ts);

#else

#define FT_LOCK_FIELD
#define FT_LOCK(o) ((void)(o), false)
#define FT_UNLOCK(o, held) ((void)(o), (void)(held))
#define ft_free_mem(p) free(p)
#define ft_immortalize(o) ((void)(o))
#define ft_pause(ts) ((void)(ts))

#endif
#endif
