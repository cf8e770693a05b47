// The _thread module (CPython's Modules/_threadmodule.c): threads, locks,
// re-entrant locks and thread-local data. `threading` is written in minipy
// on top of it.
//
// Locks are POSIX semaphores, as CPython's on Linux: a wait releases the
// GIL, and Ctrl-C interrupts it in the main thread (the semaphore wait
// returns EINTR and the pending KeyboardInterrupt is raised).
#include "../vm/runtime.h"
#include "../vm/eval.h"
#include "../vm/thread.h"
#include "modules.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <semaphore.h>
#include <time.h>

#define TIMEOUT_MAX_SECONDS 4294967.0

// ---- Waiting on a semaphore ------------------------------------------------------------

// Acquires sem: timeout < 0 waits forever, 0 tries once. Returns 1 acquired,
// 0 timed out, -1 with an exception (KeyboardInterrupt).
static int sem_acquire(sem_t *sem, double timeout) {
    if (sem_trywait(sem) == 0) return 1;
    if (timeout == 0) return 0;
    struct timespec deadline;
    if (timeout > 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        double whole = floor(timeout);
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000;
        }
    }
    for (;;) {
        vm_blocking_begin();
        int r = timeout < 0 ? sem_wait(sem) : sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
        int e = errno;
        vm_blocking_end();
        if (r == 0) return 1;
        if (e == ETIMEDOUT) return 0;
        if (e == EINTR) {
            if (eval_handle_breaker_public() < 0) return -1;
            continue;
        }
        errno = e;
        err_from_errno(NULL);
        return -1;
    }
}

// Parses acquire()'s (blocking=True, timeout=-1) into a timeout (-1 forever).
static int parse_acquire_args(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames, double *timeout) {
    static const char *const names[] = {"blocking", "timeout"};
    Object *a[2] = {NULL, NULL};
    if (args_parse(fname, args, nargs, kwnames, names, 2, 0, a) < 0) return -1;
    int blocking = a[0] ? obj_istrue(a[0]) : 1;
    if (blocking < 0) return -1;
    double t = -1;
    if (a[1]) {
        t = float_as_double(a[1]);
        if (t == -1.0 && err_occurred()) return -1;
    }
    if (!blocking && t != -1) {
        vm_raise(Exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1) {
        vm_raise(Exc_ValueError, "timeout value must be a non-negative number");
        return -1;
    }
    if (t > TIMEOUT_MAX_SECONDS) {
        vm_raise(Exc_OverflowError, "timeout value is too large");
        return -1;
    }
    *timeout = blocking ? t : 0;
    return 0;
}

// ---- lock -----------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    sem_t sem;
    atomic_bool locked;
} LockObject;

static Object *lock_new(TypeObject *t) {
    LockObject *l = (LockObject *)type_generic_alloc(t, 0);
    if (!l) return NULL;
    sem_init(&l->sem, 0, 1);
    return (Object *)l;
}

static void lock_dealloc(Object *o) {
    sem_destroy(&((LockObject *)o)->sem);
    obj_free(o);
}

static Object *lock_acquire(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    double timeout;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &timeout) < 0) return NULL;
    LockObject *l = (LockObject *)self;
    int r = sem_acquire(&l->sem, timeout);
    if (r < 0) return NULL;
    if (r) atomic_store(&l->locked, true);
    return NEWREF(bool_from(r));
}

static Object *lock_release(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    LockObject *l = (LockObject *)self;
    if (!atomic_exchange(&l->locked, false)) return vm_raise(Exc_RuntimeError, "release unlocked lock");
    sem_post(&l->sem);
    RETURN_NONE;
}

static Object *lock_exit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return lock_release(self, NULL, 0, NULL);
}

static Object *lock_locked(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return NEWREF(bool_from(atomic_load(&((LockObject *)self)->locked)));
}

static Object *lock_at_fork_reinit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    LockObject *l = (LockObject *)self;
    sem_destroy(&l->sem);
    sem_init(&l->sem, 0, 1);
    atomic_store(&l->locked, false);
    RETURN_NONE;
}

static Object *lock_repr(Object *self) {
    LockObject *l = (LockObject *)self;
    return str_from_format("<%s %s object at %p>", atomic_load(&l->locked) ? "locked" : "unlocked",
                           type_name(TYPE(self)), (void *)self);
}

static Object *lock_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("lock", nargs, 0, 0) < 0 || args_no_kw("lock", kwnames) < 0) return NULL;
    return lock_new(t);
}

static const MethodDef lock_methods[] = {
    {"acquire", lock_acquire, 0, NULL},
    {"acquire_lock", lock_acquire, 0, NULL},
    {"release", lock_release, 0, NULL},
    {"release_lock", lock_release, 0, NULL},
    {"locked", lock_locked, 0, NULL},
    {"locked_lock", lock_locked, 0, NULL},
    {"__enter__", lock_acquire, 0, NULL},
    {"__exit__", lock_exit, 0, NULL},
    {"_at_fork_reinit", lock_at_fork_reinit, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject LockType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_thread.lock",
    .basicsize = sizeof(LockObject),
    .dealloc = lock_dealloc,
    .repr = lock_repr,
    .tp_new = lock_tp_new,
    .methods = lock_methods,
};

// ---- RLock ------------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    sem_t sem;
    atomic_ulong owner;         // thread ident, 0 when free
    unsigned long count;
} RLockObject;

static unsigned long current_ident(void) { return (unsigned long)pthread_self(); }

static Object *rlock_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    RLockObject *l = (RLockObject *)type_generic_alloc(t, 0);
    if (!l) return NULL;
    sem_init(&l->sem, 0, 1);
    return (Object *)l;
}

static void rlock_dealloc(Object *o) {
    sem_destroy(&((RLockObject *)o)->sem);
    obj_free(o);
}

static Object *rlock_acquire(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    double timeout;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &timeout) < 0) return NULL;
    RLockObject *l = (RLockObject *)self;
    unsigned long me = current_ident();
    if (atomic_load(&l->owner) == me) {
        if (l->count == ULONG_MAX) return vm_raise(Exc_OverflowError, "Internal lock count overflowed");
        l->count++;
        return NEWREF(True);
    }
    int r = sem_acquire(&l->sem, timeout);
    if (r < 0) return NULL;
    if (r) {
        atomic_store(&l->owner, me);
        l->count = 1;
    }
    return NEWREF(bool_from(r));
}

static Object *rlock_release(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    RLockObject *l = (RLockObject *)self;
    if (l->count == 0 || atomic_load(&l->owner) != current_ident())
        return vm_raise(Exc_RuntimeError, "cannot release un-acquired lock");
    if (--l->count == 0) {
        atomic_store(&l->owner, 0);
        sem_post(&l->sem);
    }
    RETURN_NONE;
}

static Object *rlock_exit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return rlock_release(self, NULL, 0, NULL);
}

static Object *rlock_is_owned(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    RLockObject *l = (RLockObject *)self;
    return NEWREF(bool_from(l->count > 0 && atomic_load(&l->owner) == current_ident()));
}

// Used by Condition.wait(): release completely, remembering the state.
static Object *rlock_release_save(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    RLockObject *l = (RLockObject *)self;
    if (l->count == 0) return vm_raise(Exc_RuntimeError, "cannot release un-acquired lock");
    unsigned long count = l->count, owner = atomic_load(&l->owner);
    l->count = 0;
    atomic_store(&l->owner, 0);
    sem_post(&l->sem);
    Object *c = int_from_ulong(count), *o = int_from_ulong(owner);
    Object *t = c && o ? tuple_pack(2, c, o) : NULL;
    XDECREF(c);
    XDECREF(o);
    return t;
}

static Object *rlock_acquire_restore(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("_acquire_restore", nargs, 1, 1) < 0) return NULL;
    Object *st = args[0];
    if (!TUPLE_CHECK(st) || TUPLE_SIZE(st) != 2) return vm_raise(Exc_TypeError, "_acquire_restore() argument must be a 2-tuple");
    RLockObject *l = (RLockObject *)self;
    int r = sem_acquire(&l->sem, -1);
    if (r < 0) return NULL;
    mpz_t z;
    mpz_init(z);
    int_to_mpz(TUPLE_ITEMS(st)[0], z);
    l->count = mpz_get_ui(z);
    int_to_mpz(TUPLE_ITEMS(st)[1], z);
    atomic_store(&l->owner, mpz_get_ui(z));
    mpz_clear(z);
    RETURN_NONE;
}

static Object *rlock_recursion_count(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    RLockObject *l = (RLockObject *)self;
    return int_from_ulong(atomic_load(&l->owner) == current_ident() ? l->count : 0);
}

static Object *rlock_at_fork_reinit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    RLockObject *l = (RLockObject *)self;
    sem_destroy(&l->sem);
    sem_init(&l->sem, 0, 1);
    atomic_store(&l->owner, 0);
    l->count = 0;
    RETURN_NONE;
}

static Object *rlock_repr(Object *self) {
    RLockObject *l = (RLockObject *)self;
    return str_from_format("<%s %s object owner=%lu count=%lu at %p>", l->count ? "locked" : "unlocked",
                           type_name(TYPE(self)), atomic_load(&l->owner), l->count, (void *)self);
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, 0, NULL},
    {"release", rlock_release, 0, NULL},
    {"__enter__", rlock_acquire, 0, NULL},
    {"__exit__", rlock_exit, 0, NULL},
    {"_is_owned", rlock_is_owned, 0, NULL},
    {"_release_save", rlock_release_save, 0, NULL},
    {"_acquire_restore", rlock_acquire_restore, 0, NULL},
    {"_recursion_count", rlock_recursion_count, 0, NULL},
    {"_at_fork_reinit", rlock_at_fork_reinit, 0, NULL},
    {NULL, NULL, 0, NULL}};

TypeObject RLockType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_thread.RLock",
    .basicsize = sizeof(RLockObject),
    .flags = TPFLAGS_BASETYPE,
    .dealloc = rlock_dealloc,
    .repr = rlock_repr,
    .tp_new = rlock_tp_new,
    .methods = rlock_methods,
};

// ---- _local -----------------------------------------------------------------------------

// A thread-local object: each thread sees its own __dict__, kept in the
// thread state's dict under a key unique to the object.
typedef struct {
    OBJ_HEAD;
    Object *key;                // str unique to this object
    Object *args, *kwargs;      // for __init__ in each new thread
} LocalObject;

static Object *local_dict(LocalObject *self, bool *created) {
    ThreadState *ts = tstate_get();
    *created = false;
    if (!ts->dict && !(ts->dict = dict_new())) return NULL;
    Object *d = dict_getitem(ts->dict, self->key);
    if (d) return d;
    d = dict_new();
    if (!d || dict_setitem(ts->dict, self->key, d) < 0) {
        XDECREF(d);
        return NULL;
    }
    DECREF(d);
    *created = true;
    return d;
}

static int local_init_in_thread(LocalObject *self) {
    // A subclass's __init__ runs again in each thread that uses the object.
    Object *init = type_lookup(TYPE(self), S___init__);
    if (!init || TYPE(init) == &WrapperDescrType) return 0;
    Object *r = obj_call_method_obj((Object *)self, S___init__, TUPLE_ITEMS(self->args), TUPLE_SIZE(self->args));
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Object *local_getattro(Object *o, Object *name) {
    LocalObject *self = (LocalObject *)o;
    bool created;
    Object *d = local_dict(self, &created);
    if (!d) return NULL;
    if (created && local_init_in_thread(self) < 0) return NULL;
    if (str_eq(name, S___dict__)) return NEWREF(d);
    Object *descr = type_lookup(TYPE(o), name);
    if (descr && TYPE(descr)->descr_get && TYPE(descr)->descr_set) return TYPE(descr)->descr_get(descr, o, (Object *)TYPE(o));
    Object *v = dict_getitem(d, name);
    if (v) return NEWREF(v);
    if (descr) {
        if (TYPE(descr)->descr_get) return TYPE(descr)->descr_get(descr, o, (Object *)TYPE(o));
        return NEWREF(descr);
    }
    return vm_raise(Exc_AttributeError, "'%s' object has no attribute '%U'", type_name(TYPE(o)), name);
}

static int local_setattro(Object *o, Object *name, Object *value) {
    LocalObject *self = (LocalObject *)o;
    if (str_eq(name, S___dict__)) {
        vm_raise(Exc_AttributeError, "'%s' object attribute '__dict__' is read-only", type_name(TYPE(o)));
        return -1;
    }
    bool created;
    Object *d = local_dict(self, &created);
    if (!d) return -1;
    if (created && local_init_in_thread(self) < 0) return -1;
    Object *descr = type_lookup(TYPE(o), name);
    if (descr && TYPE(descr)->descr_set) return TYPE(descr)->descr_set(descr, o, value);
    if (value) return dict_setitem(d, name, value);
    if (dict_pop(d, name, NULL) <= 0) {
        if (!err_occurred()) vm_raise(Exc_AttributeError, "'%s' object has no attribute '%U'", type_name(TYPE(o)), name);
        return -1;
    }
    return 0;
}

static Object *local_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (t == (TypeObject *)NULL) return NULL;
    Object *init = type_lookup(t, S___init__);
    if ((nargs || (kwnames && TUPLE_SIZE(kwnames))) && (!init || TYPE(init) == &WrapperDescrType))
        return vm_raise(Exc_TypeError, "Initialization arguments are not supported");
    LocalObject *self = (LocalObject *)type_generic_alloc(t, 0);
    if (!self) return NULL;
    self->key = str_from_format("_thread._local.%p", (void *)self);
    self->args = tuple_from_array(args, nargs);
    if (!self->key || !self->args) {
        DECREF(self);
        return NULL;
    }
    // The creating thread gets its dict now (its __init__ runs via type_call).
    bool created;
    if (!local_dict(self, &created)) {
        DECREF(self);
        return NULL;
    }
    return (Object *)self;
}

static void local_dealloc(Object *o) {
    LocalObject *self = (LocalObject *)o;
    if (self->key) {
        // Forget this object's dict in every thread.
        pthread_mutex_lock(&the_interp.threads_mutex);
        for (ThreadState *t = the_interp.threads; t; t = t->next)
            if (t->dict && dict_pop(t->dict, self->key, NULL) < 0) err_clear();
        pthread_mutex_unlock(&the_interp.threads_mutex);
    }
    XDECREF(self->key);
    XDECREF(self->args);
    XDECREF(self->kwargs);
    obj_free(o);
}

TypeObject LocalType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_thread._local",
    .basicsize = sizeof(LocalObject),
    .flags = TPFLAGS_BASETYPE,
    .dealloc = local_dealloc,
    .getattro = local_getattro,
    .setattro = local_setattro,
    .tp_new = local_tp_new,
};

// ---- Functions -----------------------------------------------------------------------------

#define FN(name) static Object *thr_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

FN(start_new_thread) {
    if (args_no_kw("start_new_thread", kwnames) < 0 || args_count("start_new_thread", nargs, 2, 3) < 0) return NULL;
    if (!obj_callable(args[0])) return vm_raise(Exc_TypeError, "first arg must be callable");
    if (!TUPLE_CHECK(args[1])) return vm_raise(Exc_TypeError, "2nd arg must be a tuple");
    if (nargs > 2 && !DICT_CHECK(args[2])) return vm_raise(Exc_TypeError, "optional 3rd arg must be a dictionary");
    unsigned long id = thread_start(args[0], args[1], nargs > 2 ? args[2] : NULL);
    if (!id) return NULL;
    return int_from_ulong(id);
}

FN(allocate_lock) { return lock_new(&LockType); }
FN(get_ident) { return int_from_ulong(current_ident()); }
FN(get_native_id) { return int_from_long(thread_native_id()); }
FN(_count) { return int_from_long(atomic_load(&the_interp.nthreads)); }
FN(exit) {
    err_set_value(Exc_SystemExit, NULL);
    return NULL;
}
FN(interrupt_main) {
    the_interp.pending_sigint = 1;
    atomic_fetch_or(&the_interp.eval_breaker, BREAK_SIGNALS);
    RETURN_NONE;
}
FN(stack_size) {
    if (nargs && (!INT_CHECK(args[0]) || int_sign(args[0]) != 0))
        return vm_raise(Exc_ValueError, "setting the stack size is not supported");
    return int_from_long(0);
}
// The lock threading.Thread.join waits on (CPython's _thread._set_sentinel):
// the thread acquires it, and the runtime releases it when the thread has
// finished everything, C-level clean-up included (thread_release_sentinel).
// Without it join would return while the thread still releases its objects
// and, with the GIL off, before it has merged its reference counts or left
// the deferred-free scheme (vm/brc.c, vm/ft.c).
FN(_set_sentinel) {
    ThreadState *ts = tstate_get();
    Object *l = lock_new(&LockType);
    if (!l) return NULL;
    SETREF(ts->sentinel, NEWREF(l));
    return l;
}

void thread_release_sentinel(ThreadState *ts) {
    LockObject *l = (LockObject *)ts->sentinel;
    if (!l) return;
    ts->sentinel = NULL;
    if (atomic_exchange(&l->locked, false)) sem_post(&l->sem);
    DECREF(l);
}

FN(_set_thread_name) {
    if (args_count("_set_thread_name", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0])) return vm_raise(Exc_TypeError, "name must be str");
    thread_set_name(tstate_get(), STR_DATA(args[0]));
    RETURN_NONE;
}

static const MethodDef thread_functions[] = {
    {"start_new_thread", thr_start_new_thread, 0, NULL},
    {"start_new", thr_start_new_thread, 0, NULL},
    {"allocate_lock", thr_allocate_lock, 0, NULL},
    {"allocate", thr_allocate_lock, 0, NULL},
    {"get_ident", thr_get_ident, 0, NULL},
    {"get_native_id", thr_get_native_id, 0, NULL},
    {"_count", thr__count, 0, NULL},
    {"exit", thr_exit, 0, NULL},
    {"exit_thread", thr_exit, 0, NULL},
    {"interrupt_main", thr_interrupt_main, 0, NULL},
    {"stack_size", thr_stack_size, 0, NULL},
    {"_set_thread_name", thr__set_thread_name, 0, NULL},
    {"_set_sentinel", thr__set_sentinel, 0, NULL},
    {NULL, NULL, 0, NULL}};

Object *module_init__thread(void) {
    type_ready(&LockType);
    type_ready(&RLockType);
    type_ready(&LocalType);
    Object *m = module_new_cstr("_thread");
    if (!m) return NULL;
    if (module_add_functions(m, thread_functions) < 0) goto fail;
    Object *tmax = float_from_double(TIMEOUT_MAX_SECONDS);
    if (!tmax || module_add_object(m, "TIMEOUT_MAX", tmax) < 0 || module_add_object(m, "LockType", (Object *)&LockType) < 0 ||
        module_add_object(m, "lock", (Object *)&LockType) < 0 || module_add_object(m, "RLock", (Object *)&RLockType) < 0 ||
        module_add_object(m, "_local", (Object *)&LocalType) < 0 ||
        module_add_object(m, "error", (Object *)Exc_RuntimeError) < 0) {
        XDECREF(tmax);
        goto fail;
    }
    DECREF(tmax);
    return m;
fail:
    DECREF(m);
    return NULL;
}
