// Interpreter and thread state (CPython's PyInterpreterState and
// PyThreadState), and the interpreter frame (3.11's _PyInterpreterFrame).
//
// The interpreter (modules, builtins, the GIL, the eval breaker) is shared;
// each OS thread has a ThreadState holding its frame stack, the exception
// being raised, the exception being handled, and its recursion depth.
//
// Frames of ordinary calls are bump-allocated on the thread's data stack and
// popped on return. A generator or coroutine owns its frame (the frame lives
// inside the generator object), so suspending is returning from the dispatch
// loop with the frame kept, and resuming links it back onto the thread.
#ifndef MINIPY_STATE_H
#define MINIPY_STATE_H

#include <stdatomic.h>
#include <pthread.h>
#include <signal.h>

#include "object.h"
#include "objects/code.h"
#include "objects/func.h"

enum { FRAME_OWNED_BY_THREAD = 0, FRAME_OWNED_BY_GENERATOR = 1 };

// Frame states (CPython's genobject.c names them the same way).
enum { FRAME_CREATED = 0, FRAME_SUSPENDED, FRAME_EXECUTING, FRAME_COMPLETED, FRAME_CLEARED };

typedef struct Frame {
    FunctionObject *func;       // strong; NULL for module and class bodies run via exec
    CodeObject *code;           // strong
    Object *globals;            // borrowed from func, or strong when func is NULL
    Object *builtins;           // borrowed
    Object *locals;             // strong: dict for module/class bodies, else NULL
    struct Frame *previous;     // the caller, while linked on a thread
    CodeUnit *prev_instr;       // the instruction last executed (code - 1 before start)
    int stacktop;               // saved stack depth (index into localsplus) when not running
    uint8_t owner;
    uint8_t state;              // FRAME_CREATED ... FRAME_CLEARED
    bool is_entry;              // returning from this frame returns from eval
    struct GenObject *gen;      // the owning generator, for FRAME_OWNED_BY_GENERATOR
    struct FrameObject *frame_obj;  // its Python frame object, if one was asked for (borrowed)
    Object *localsplus[];       // nlocalsplus locals/cells/frees, then the value stack
} Frame;

static inline int frame_lasti(Frame *f) { return (int)(f->prev_instr - f->code->code); }

// The exception being handled by `except` blocks (sys.exc_info()).
// Generators keep their own item and link it while running.
typedef struct ExcInfo {
    Object *exc_value;          // or NULL / None
    struct ExcInfo *previous;
} ExcInfo;

// Frames live in chunks; a chunk is only freed when the thread ends, so
// pushing and popping frames is a pointer bump in the common case.
typedef struct DataChunk DataChunk;
struct DataChunk {
    DataChunk *previous;
    Object **limit;
    Object **top;       // saved top while a newer chunk is in use
    Object *data[];
};

// One recorded GIL span or instant (-X gil-trace): kind 'h' held, 'w'
// waiting, 'i' a drop request.
typedef struct {
    char kind;
    int64_t start, end;         // CLOCK_MONOTONIC nanoseconds
} GilEvent;

// Per-thread GIL statistics (-X gil-stats) and trace events.
typedef struct {
    char name[48];
    int64_t held_ns, wait_ns, held_since;
    unsigned long acquisitions, drops_on_request, forced_switches;
    GilEvent *events;
    int nevents, events_cap;
} GilStats;

#ifdef MINIPY_FT
// Deferred frees (vm/ft.c): a pointer (low bits tag raw memory or a revival)
// and the epoch it was released in.
typedef struct {
    uintptr_t p;
    uint64_t epoch;
} FtDeferred;

typedef struct {
    uint64_t *seen;             // its slot: epoch at the last quiescent point; UINT64_MAX: detached
    FtDeferred *items, *spare;
    size_t n, cap, spare_cap;
    size_t next_check;          // process the list when n reaches this
    bool processing;
    bool exited;                // ft_thread_exit ran: defer to the orphans
    int paused;                 // atomic: waiting in a lock spin for a stop-the-world to end
    int in_finalizer;           // running __del__ or a generator's finally: merge and free later
} FtThread;

// Biased reference counting (vm/brc.c): objects this thread owns whose
// shared count went negative, queued by other threads for it to merge.
typedef struct {
    uintptr_t tid;              // this thread's brc_tid; 0 until bound
    Object **objs;              // the queue (the bucket's mutex guards it)
    size_t n, cap;
    int pending;                // atomic: the queue is not empty
    struct ThreadState *bucket_next;
} BrcThread;
#endif

typedef struct ThreadState {
    struct Interp *interp;
    struct ThreadState *next;
    Frame *frame;               // the innermost running frame
    Object *curexc;             // the exception being raised, or NULL
    ExcInfo *exc_info;          // top of the handled-exception stack
    ExcInfo exc_base;
    int py_depth;               // Python frames + guarded C recursion
    int c_depth;
    char *stack_limit;          // C stack: below this address, raise RecursionError
    DataChunk *datastack;       // current chunk of frame memory
    Object **datastack_top;
    Object **datastack_limit;
    unsigned long thread_id;    // pthread_self(), _thread.get_ident()
    long native_id;             // gettid(), threading.get_native_id()
    Object *dict;               // threading.local storage etc.
    Object *asyncgen_firstiter; // sys.set_asyncgen_hooks(): strong, or NULL
    Object *asyncgen_finalizer;
    Object *context;            // contextvars: the current Context (strong), or NULL before first use
    int coro_origin_depth;      // sys.set_coroutine_origin_tracking_depth()
    Object *sentinel;           // _thread._set_sentinel(): a lock released when the thread has ended
    void *boot;                 // thread.c: what the thread was started with, until it has run
    GilStats gil_stats;
#ifdef MINIPY_FT
    FtThread ft;
    BrcThread brc;
#endif
} ThreadState;

// Bits of the eval breaker word.
#define BREAK_SIGNALS 0x1
#define BREAK_GIL_DROP 0x2
#define BREAK_ASYNC_EXC 0x4
#define BREAK_FINALIZING 0x8
#define BREAK_GC 0x10           // gc.c: generation 0 is over its threshold
#define BREAK_BUDGET 0x20       // eval.c: an instruction budget is set (fuzzing); stays set
#define BREAK_STOP_WORLD 0x40   // ft.c: pause until the world restarts (fork, cycle collection)

typedef struct Interp {
    Object *modules;            // sys.modules
    Object *builtins;           // the builtins module dict
    Object *builtins_module;
    Object *sysdict;
    Object *sys_module;
    atomic_int eval_breaker;
    volatile sig_atomic_t pending_sigint;
    int recursion_limit;
    ThreadState *threads;
    ThreadState *main_thread;
    Object *main_module;
    bool interactive;
    bool inspect;               // -i
    Object *xoptions;           // dict of -X options
    int gil_enabled;
    pthread_mutex_t threads_mutex;  // protects the threads list
    atomic_int nthreads;        // threads started by _thread and still running
    atomic_bool finalizing;     // the main thread is shutting down
} Interp;

extern Interp the_interp;
extern _Thread_local ThreadState *tstate_current;

static inline ThreadState *tstate_get(void) { return tstate_current; }

// Frame memory on the thread's data stack.
Frame *frame_push(ThreadState *ts, FunctionObject *func, CodeObject *code);
void frame_pop(ThreadState *ts, Frame *f);
// Releases the references a frame holds (locals, stack, code, func).
void frame_clear(Frame *f);

// frame_push and frame_pop for the eval loop's calls and returns of Python
// functions, inlined: a pointer bump when the chunk has room, and a frame
// with no frame object or locals dict to release.
static inline __attribute__((always_inline)) Frame *frame_push_inline(ThreadState *ts, FunctionObject *func,
                                                                        CodeObject *code) {
    size_t words = (sizeof(Frame) + sizeof(Object *) - 1) / sizeof(Object *) + (size_t)code->framesize;
    Object **base = ts->datastack_top;
    if (__builtin_expect(!base || base + words > ts->datastack_limit, 0)) return frame_push(ts, func, code);
    ts->datastack_top = base + words;
    Frame *f = (Frame *)base;
    INCREF(func);
    INCREF(code);
    f->func = func;
    f->code = code;
    f->globals = func->globals;
    f->builtins = func->builtins;
    f->locals = NULL;
    f->previous = NULL;
    f->prev_instr = code->code - 1;
    f->stacktop = code->nlocalsplus;
    f->owner = FRAME_OWNED_BY_THREAD;
    f->is_entry = false;
    f->frame_obj = NULL;
    for (int i = 0; i < code->nlocalsplus; i++) f->localsplus[i] = NULL;
    return f;
}

static inline __attribute__((always_inline)) void frame_pop_inline(ThreadState *ts, Frame *f) {
    if (__builtin_expect(f->frame_obj || f->locals || !f->func ||
                             ((Object **)f == ts->datastack->data && ts->datastack->previous), 0)) {
        frame_pop(ts, f);
        return;
    }
    for (int i = 0; i < f->stacktop; i++) XDECREF(f->localsplus[i]);
    f->stacktop = 0;
    f->globals = NULL;
    Object *func = (Object *)f->func, *code = (Object *)f->code;
    f->func = NULL;
    f->code = NULL;
    DECREF(func);
    DECREF(code);
    ts->datastack_top = (Object **)f;
}
int frame_current_line(Frame *f);

// Around a call that may block (I/O, sleep, lock waits): releases the GIL
// so other threads run, and takes it back after (CPython's
// Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS). No Python objects may be
// touched in between.
void vm_blocking_begin(void);
void vm_blocking_end(void);
// Checks pending signals after an interrupted wait; -1 with an exception.
int eval_handle_breaker_public(void);

// Set by the REPL once GNU readline is active: input() then reads its line
// with readline (line editing, history), as CPython's input() does with the
// readline module loaded. Returns a malloc'd line without the newline;
// *status is 0 for a line, 1 at EOF, 2 when an exception (KeyboardInterrupt)
// was raised.
extern char *(*vm_readline_hook)(const char *prompt, int *status);

ThreadState *tstate_new(Interp *interp);
// Unlinks ts from the interpreter and frees it (its objects must be released).
void tstate_delete(ThreadState *ts);
// Releases the objects a thread state holds (needs the GIL).
void tstate_clear(ThreadState *ts);
// Frees the calling thread's object freelists (at the end of a thread).
void tstate_clear_freelists(void);
// In the child after fork(): ts is the only thread left (vm/fork.c);
// releases the thread list's mutex, held across fork().
void tstate_after_fork_child(ThreadState *ts);
void tstate_bind(ThreadState *ts);      // makes ts current for this OS thread
void tstate_set_stack_limit(ThreadState *ts);

#endif
