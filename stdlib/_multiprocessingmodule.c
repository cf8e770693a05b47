// The _multiprocessing module (CPython's Modules/_multiprocessing/semaphore.c):
// SemLock, the semaphore under multiprocessing's Lock, RLock, Semaphore,
// Condition and Event, and SharedBuffer, the memory under Value and Array.
//
// Both live in memory shared between processes: an anonymous MAP_SHARED
// mapping made before fork(), which every child inherits at the same
// address. A SemLock is a POSIX semaphore initialised process-shared in
// such a mapping (CPython uses a named semaphore, sem_open; with fork only
// an unnamed one needs no name to clean up). Each process unmaps its view
// when its object dies; the memory goes when the last process lets go.
//
// What the semaphore cannot know is who holds it: a SemLock keeps, per
// process, how many times the current owner acquired it and which thread
// (and process) that is, for RLock's recursion and _is_mine(). A child
// made by fork() starts owning nothing (the pid is part of the owner).
//
// Waiting releases the GIL; a signal interrupts the wait (EINTR) and its
// handler runs, as in _thread's locks.
#include "../vm/runtime.h"
#include "../vm/eval.h"
#include "modules.h"

#include <gmp.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define RECURSIVE_MUTEX 0
#define SEMAPHORE 1

static void *map_shared(size_t size) {
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

// ---- SemLock ------------------------------------------------------------------------------

typedef struct {
    OBJ_HEAD;
    sem_t *sem;                 // in a shared mapping of its own
    int kind;
    int maxvalue;
    // Per process, written by the thread that acquires or releases (atomic:
    // with the GIL off, threads acquiring a semaphore race on them).
    atomic_int count;           // acquisitions by the owner (this process)
    atomic_ulong last_tid;      // the owning thread
    atomic_int last_pid;        // ... in this process
} SemLockObject;

static bool semlock_is_mine(SemLockObject *s) {
    return atomic_load(&s->count) > 0 && atomic_load(&s->last_tid) == (unsigned long)pthread_self() &&
           atomic_load(&s->last_pid) == (int)getpid();
}

static Object *semlock_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"kind", "value", "maxvalue", "name", "unlink"};
    Object *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (args_parse("SemLock", args, nargs, kwnames, names, 5, 3, a) < 0) return NULL;
    ssize_t kind = num_as_ssize(a[0], Exc_OverflowError), value = num_as_ssize(a[1], Exc_OverflowError),
            maxvalue = num_as_ssize(a[2], Exc_OverflowError);
    if ((kind == -1 || value == -1 || maxvalue == -1) && err_occurred()) return NULL;
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) return vm_raise(Exc_ValueError, "unrecognized kind");
    if (value < 0 || value > SEM_VALUE_MAX) return vm_raise(Exc_ValueError, "invalid value");
    SemLockObject *s = (SemLockObject *)type_generic_alloc(t, 0);
    if (!s) return NULL;
    s->sem = map_shared(sizeof(sem_t));
    if (!s->sem || sem_init(s->sem, 1, (unsigned)value) < 0) {
        int e = errno;
        if (s->sem) munmap(s->sem, sizeof(sem_t));
        s->sem = NULL;
        DECREF(s);
        errno = e;
        return err_from_errno(NULL);
    }
    s->kind = (int)kind;
    s->maxvalue = (int)(maxvalue > INT_MAX ? INT_MAX : maxvalue);
    return (Object *)s;
}

static void semlock_dealloc(Object *o) {
    SemLockObject *s = (SemLockObject *)o;
    // Other processes may still use the semaphore: only this view goes.
    if (s->sem) munmap(s->sem, sizeof(sem_t));
    obj_free(o);
}

// acquire(block=True, timeout=None)
static Object *semlock_acquire(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"block", "timeout"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("acquire", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    SemLockObject *s = (SemLockObject *)self;
    int blocking = a[0] ? obj_istrue(a[0]) : 1;
    if (blocking < 0) return NULL;
    double timeout = -1;
    if (blocking && a[1] && a[1] != None) {
        timeout = float_as_double(a[1]);
        if (timeout == -1.0 && err_occurred()) return NULL;
        if (timeout < 0) timeout = 0;
    }
    if (s->kind == RECURSIVE_MUTEX && semlock_is_mine(s)) {
        atomic_fetch_add(&s->count, 1);
        return NEWREF(True);
    }
    struct timespec deadline;
    if (timeout >= 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        double whole = floor(timeout);
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000;
        }
    }
    int r = sem_trywait(s->sem);
    if (r < 0 && errno == EAGAIN && blocking && timeout != 0) {
        for (;;) {
            vm_blocking_begin();
            r = timeout < 0 ? sem_wait(s->sem) : sem_clockwait(s->sem, CLOCK_MONOTONIC, &deadline);
            int e = errno;
            vm_blocking_end();
            errno = e;
            if (r == 0 || e != EINTR) break;
            if (eval_handle_breaker_public() < 0) return NULL;
        }
    }
    if (r < 0) {
        if (errno == EAGAIN || errno == ETIMEDOUT) return NEWREF(False);
        return err_from_errno(NULL);
    }
    if (atomic_load(&s->last_pid) != (int)getpid()) atomic_store(&s->count, 0);
    atomic_fetch_add(&s->count, 1);
    atomic_store(&s->last_tid, (unsigned long)pthread_self());
    atomic_store(&s->last_pid, (int)getpid());
    return NEWREF(True);
}

static Object *semlock_release(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    SemLockObject *s = (SemLockObject *)self;
    if (s->kind == RECURSIVE_MUTEX) {
        if (!semlock_is_mine(s))
            return vm_raise(Exc_AssertionError, "attempt to release recursive lock not owned by thread");
        if (atomic_load(&s->count) > 1) {
            atomic_fetch_sub(&s->count, 1);
            RETURN_NONE;
        }
    } else {
        int value;
        if (sem_getvalue(s->sem, &value) < 0) return err_from_errno(NULL);
        if (value >= s->maxvalue) return vm_raise(Exc_ValueError, "semaphore or lock released too many times");
    }
    if (sem_post(s->sem) < 0) return err_from_errno(NULL);
    if (atomic_load(&s->count) > 0 && atomic_load(&s->last_pid) == (int)getpid()) atomic_fetch_sub(&s->count, 1);
    RETURN_NONE;
}

static Object *semlock_exit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return semlock_release(self, NULL, 0, NULL);
}

static Object *semlock_count(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    SemLockObject *s = (SemLockObject *)self;
    return int_from_long(atomic_load(&s->last_pid) == (int)getpid() ? atomic_load(&s->count) : 0);
}

static Object *semlock_is_mine_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return NEWREF(bool_from(semlock_is_mine((SemLockObject *)self)));
}

static Object *semlock_get_value(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    int value;
    if (sem_getvalue(((SemLockObject *)self)->sem, &value) < 0) return err_from_errno(NULL);
    return int_from_long(value < 0 ? 0 : value);
}

static Object *semlock_is_zero(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    int value;
    if (sem_getvalue(((SemLockObject *)self)->sem, &value) < 0) return err_from_errno(NULL);
    return NEWREF(bool_from(value <= 0));
}

static Object *semlock_after_fork(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    atomic_store(&((SemLockObject *)self)->count, 0);
    RETURN_NONE;
}

static Object *semlock_get_kind(Object *self, void *c) { return int_from_long(((SemLockObject *)self)->kind); }
static Object *semlock_get_maxvalue(Object *self, void *c) { return int_from_long(((SemLockObject *)self)->maxvalue); }
static Object *semlock_get_handle(Object *self, void *c) { return int_from_ssize((ssize_t)(uintptr_t)((SemLockObject *)self)->sem); }
static Object *semlock_get_name(Object *self, void *c) { RETURN_NONE; }

static const MethodDef semlock_methods[] = {
    {"acquire", semlock_acquire, 0, "Acquire the semaphore/lock."},
    {"release", semlock_release, 0, "Release the semaphore/lock."},
    {"__enter__", semlock_acquire, 0, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, 0, "Exit the semaphore/lock."},
    {"_count", semlock_count, 0, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine_m, 0, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, 0, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, 0, "Return whether semaphore has value zero."},
    {"_after_fork", semlock_after_fork, 0, "Rezero the net acquisition count after fork()."},
    {NULL, NULL, 0, NULL}};

static const GetSetDef semlock_getset[] = {
    {"kind", semlock_get_kind, NULL, NULL},
    {"maxvalue", semlock_get_maxvalue, NULL, NULL},
    {"handle", semlock_get_handle, NULL, NULL},
    {"name", semlock_get_name, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject SemLockType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_multiprocessing.SemLock",
    .basicsize = sizeof(SemLockObject),
    .flags = TPFLAGS_BASETYPE,
    .doc = "Semaphore/Mutex type",
    .dealloc = semlock_dealloc,
    .tp_new = semlock_tp_new,
    .methods = semlock_methods,
    .getset = semlock_getset,
};

// ---- SharedBuffer ---------------------------------------------------------------------------

// A block of shared memory holding an array of C values of one type code
// (as the array module's: b B h H i I l L q Q f d, and c for a byte).
typedef struct {
    OBJ_HEAD;
    char *data;
    size_t size;
} SharedBufferObject;

static Object *sharedbuffer_tp_new(TypeObject *t, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("SharedBuffer", kwnames) < 0 || args_count("SharedBuffer", nargs, 1, 1) < 0) return NULL;
    ssize_t size = num_as_ssize(args[0], Exc_OverflowError);
    if (size == -1 && err_occurred()) return NULL;
    if (size < 0) return vm_raise(Exc_ValueError, "negative size");
    SharedBufferObject *b = (SharedBufferObject *)type_generic_alloc(t, 0);
    if (!b) return NULL;
    b->size = (size_t)size;
    b->data = map_shared(size ? (size_t)size : 1);
    if (!b->data) {
        DECREF(b);
        return err_from_errno(NULL);
    }
    return (Object *)b;
}

static void sharedbuffer_dealloc(Object *o) {
    SharedBufferObject *b = (SharedBufferObject *)o;
    if (b->data) munmap(b->data, b->size ? b->size : 1);
    obj_free(o);
}

static int item_size(char code) {
    switch (code) {
    case 'b': case 'B': case 'c': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

// Parses (typecode, index) into a pointer to the item.
static char *item_ptr(SharedBufferObject *b, Object *code_obj, Object *index_obj, char *code) {
    if (!STR_CHECK(code_obj) || STR_NBYTES(code_obj) != 1 || !item_size(STR_DATA(code_obj)[0])) {
        vm_raise(Exc_ValueError, "bad typecode (must be b, B, c, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    *code = STR_DATA(code_obj)[0];
    ssize_t i = num_as_ssize(index_obj, Exc_IndexError);
    if (i == -1 && err_occurred()) return NULL;
    size_t sz = (size_t)item_size(*code);
    if (i < 0 || (size_t)i >= b->size / sz) {
        vm_raise(Exc_IndexError, "index out of range");
        return NULL;
    }
    return b->data + (size_t)i * sz;
}

// get(typecode, index)
static Object *sharedbuffer_get(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("get", kwnames) < 0 || args_count("get", nargs, 2, 2) < 0) return NULL;
    char code;
    char *p = item_ptr((SharedBufferObject *)self, args[0], args[1], &code);
    if (!p) return NULL;
    switch (code) {
    case 'b': return int_from_long(*(signed char *)p);
    case 'B': return int_from_long(*(unsigned char *)p);
    case 'c': return bytes_from(p, 1);
    case 'h': { short v; memcpy(&v, p, 2); return int_from_long(v); }
    case 'H': { unsigned short v; memcpy(&v, p, 2); return int_from_long(v); }
    case 'i': { int v; memcpy(&v, p, 4); return int_from_long(v); }
    case 'I': { unsigned v; memcpy(&v, p, 4); return int_from_ulong(v); }
    case 'l': case 'q': { long v; memcpy(&v, p, 8); return int_from_long(v); }
    case 'L': case 'Q': { unsigned long v; memcpy(&v, p, 8); return int_from_ulong(v); }
    case 'f': { float v; memcpy(&v, p, 4); return float_from_double(v); }
    default: { double v; memcpy(&v, p, 8); return float_from_double(v); }
    }
}

// set(typecode, index, value)
static Object *sharedbuffer_set(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("set", kwnames) < 0 || args_count("set", nargs, 3, 3) < 0) return NULL;
    char code;
    char *p = item_ptr((SharedBufferObject *)self, args[0], args[1], &code);
    if (!p) return NULL;
    Object *v = args[2];
    if (code == 'f' || code == 'd') {
        double d = float_as_double(v);
        if (d == -1.0 && err_occurred()) return NULL;
        if (code == 'f') {
            float f = (float)d;
            memcpy(p, &f, 4);
        } else {
            memcpy(p, &d, 8);
        }
        RETURN_NONE;
    }
    if (code == 'c') {
        if (!BYTES_CHECK(v) || BYTES_SIZE(v) != 1)
            return vm_raise(Exc_TypeError, "one character bytes, bytearray or integer expected");
        *p = BYTES_DATA(v)[0];
        RETURN_NONE;
    }
    if (!INT_CHECK(v)) return vm_raise(Exc_TypeError, "an integer is required (got type %s)", type_name(TYPE(v)));
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    // Wraps around like a C store, as ctypes does.
    unsigned long long bits = 0;
    mpz_t m;
    mpz_init(m);
    mpz_fdiv_r_2exp(m, z, 64);
    bits = (unsigned long long)mpz_get_ui(m);
    mpz_clear(m);
    mpz_clear(z);
    size_t sz = (size_t)item_size(code);
    memcpy(p, &bits, sz);  // little-endian: the low bytes
    RETURN_NONE;
}

// read(offset, n) -> bytes, write(offset, data): raw access.
static Object *sharedbuffer_read(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("read", kwnames) < 0 || args_count("read", nargs, 2, 2) < 0) return NULL;
    SharedBufferObject *b = (SharedBufferObject *)self;
    ssize_t off = num_as_ssize(args[0], Exc_OverflowError), n = num_as_ssize(args[1], Exc_OverflowError);
    if ((off == -1 || n == -1) && err_occurred()) return NULL;
    if (off < 0 || n < 0 || (size_t)(off + n) > b->size) return vm_raise(Exc_IndexError, "out of range");
    return bytes_from(b->data + off, n);
}

static Object *sharedbuffer_write(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("write", kwnames) < 0 || args_count("write", nargs, 2, 2) < 0) return NULL;
    SharedBufferObject *b = (SharedBufferObject *)self;
    ssize_t off = num_as_ssize(args[0], Exc_OverflowError);
    if (off == -1 && err_occurred()) return NULL;
    if (!BYTES_CHECK(args[1])) return vm_raise(Exc_TypeError, "a bytes-like object is required, not '%s'", type_name(TYPE(args[1])));
    ssize_t n = BYTES_SIZE(args[1]);
    if (off < 0 || (size_t)(off + n) > b->size) return vm_raise(Exc_IndexError, "out of range");
    memcpy(b->data + off, BYTES_DATA(args[1]), (size_t)n);
    RETURN_NONE;
}

static ssize_t sharedbuffer_len(Object *self) { return (ssize_t)((SharedBufferObject *)self)->size; }

static const MethodDef sharedbuffer_methods[] = {
    {"get", sharedbuffer_get, 0, "get(typecode, index): the item at index of an array of typecode."},
    {"set", sharedbuffer_set, 0, "set(typecode, index, value): store an item."},
    {"read", sharedbuffer_read, 0, "read(offset, n): n bytes from offset."},
    {"write", sharedbuffer_write, 0, "write(offset, data): store bytes at offset."},
    {NULL, NULL, 0, NULL}};

TypeObject SharedBufferType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_multiprocessing.SharedBuffer",
    .basicsize = sizeof(SharedBufferObject),
    .doc = "SharedBuffer(size): memory shared with the processes forked after its creation",
    .dealloc = sharedbuffer_dealloc,
    .tp_new = sharedbuffer_tp_new,
    .methods = sharedbuffer_methods,
    .sq_length = sharedbuffer_len,
};

// ---- The module -----------------------------------------------------------------------------

static Object *mp_itemsize(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("itemsize", nargs, 1, 1) < 0) return NULL;
    int n = STR_CHECK(args[0]) && STR_NBYTES(args[0]) == 1 ? item_size(STR_DATA(args[0])[0]) : 0;
    if (!n) return vm_raise(Exc_ValueError, "bad typecode (must be b, B, c, h, H, i, I, l, L, q, Q, f or d)");
    return int_from_long(n);
}

static const MethodDef mp_functions[] = {
    {"itemsize", mp_itemsize, 0, "The size in bytes of one item of a type code."},
    {NULL, NULL, 0, NULL}};

Object *module_init__multiprocessing(void) {
    type_ready(&SemLockType);
    type_ready(&SharedBufferType);
    Object *m = module_new_cstr("_multiprocessing");
    if (!m) return NULL;
    if (module_add_functions(m, mp_functions) < 0 || module_add_object(m, "SemLock", (Object *)&SemLockType) < 0 ||
        module_add_object(m, "SharedBuffer", (Object *)&SharedBufferType) < 0)
        goto fail;
    Object *d = SemLockType.dict;
    Object *vmax = int_from_long(SEM_VALUE_MAX);
    if (!vmax || dict_setitem_str(d, "SEM_VALUE_MAX", vmax) < 0) {
        XDECREF(vmax);
        goto fail;
    }
    DECREF(vmax);
    type_modified(&SemLockType);
    if (module_add_int(m, "RECURSIVE_MUTEX", RECURSIVE_MUTEX) < 0 || module_add_int(m, "SEMAPHORE", SEMAPHORE) < 0)
        goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
