// Generators, coroutines and async generators (CPython's
// Objects/genobject.c). A generator owns its frame: the frame memory follows
// the object, and suspending is returning from the dispatch loop with the
// frame kept.
#ifndef MINIPY_GEN_H
#define MINIPY_GEN_H

#include "../state.h"

typedef struct GenObject {
    OBJ_HEAD;
    Object *name, *qualname;
    CodeObject *code;           // strong: gi_code outlives the frame (the frame drops its code when it ends)
    ExcInfo exc_state;          // the exception being handled inside the generator
    Object *weaklist;           // weakref list head (vm/objects/weakref.c)
    Frame *frame;               // points just past the object (TYPE(gen)->basicsize bytes in);
                                // frame->state is the generator's state (gi_running: FRAME_EXECUTING)
} GenObject;

// A coroutine: a generator plus where it was created, recorded while
// sys.set_coroutine_origin_tracking_depth() is above zero (asyncio's debug
// mode sets it) for the "was never awaited" warning.
typedef struct CoroObject {
    GenObject gen;
    Object *origin;             // strong: cr_origin, a tuple of (filename, lineno, name), or NULL
} CoroObject;

// An async generator: a generator whose `yield`s are wrapped by
// ASYNC_GEN_WRAP, driven through the awaitables asend()/athrow() return.
typedef struct AsyncGenObject {
    GenObject gen;
    Object *finalizer;          // strong: sys.get_asyncgen_hooks().finalizer at the first iteration, or NULL
    bool hooks_inited;          // the firstiter hook has been called
    bool closed;                // aclose() started, or the generator finished
    bool running_async;         // an asend()/athrow() awaitable is driving it (ag_running)
} AsyncGenObject;

extern TypeObject GenType, CoroType, AsyncGenType;
// coro.__await__()'s iterator, async_generator_asend, async_generator_athrow,
// and the internal wrapper ASYNC_GEN_WRAP puts around an async yield.
extern TypeObject CoroWrapperType, AsyncGenASendType, AsyncGenAThrowType, AsyncGenWrappedValueType;

static inline bool gen_check_any(Object *o) {
    TypeObject *t = TYPE(o);
    return t == &GenType || t == &CoroType || t == &AsyncGenType;
}

// Creates the generator for a call of a generator function (runs the
// prologue up to RETURN_GENERATOR). New reference.
Object *gen_new(FunctionObject *func, Object *const *args, ssize_t nargs, Object *kwnames);

typedef enum { GEN_ERROR = -1, GEN_RETURN = 0, GEN_NEXT = 1 } SendResult;
// Resumes gen (CPython's gen_send_ex2): [arg] (borrowed; NULL for next(),
// which is send(None)) becomes the value of the paused yield, or [exc]
// (borrowed; NULL for none) is raised there. *result gets a new reference to
// the yielded value (GEN_NEXT) or the return value (GEN_RETURN); GEN_ERROR
// with an exception set. Resuming a suspended generator allocates nothing.
SendResult gen_send_ex(GenObject *gen, Object *arg, Object *exc, Object **result);
// PyIter_Send: works for generators and any iterator/object with send().
SendResult iter_send(Object *receiver, Object *arg, Object **result);
// The object a generator delegates to with `yield from`/`await`, or NULL (borrowed).
Object *gen_yf(GenObject *gen);
// True if the coroutine is suspended in an await (GET_AWAITABLE refuses to
// await it again). Safe with the GIL off while another thread runs it.
bool gen_is_awaiting(GenObject *gen);
// The iterator `await o` drives (CPython's _PyCoro_GetAwaitableIter): o
// itself for a coroutine, else o.__await__(), which must be an iterator.
// New reference, or NULL with TypeError.
Object *coro_get_awaitable_iter(Object *o);
// Wraps a value yielded by an async generator (ASYNC_GEN_WRAP). Steals v; new reference.
Object *async_gen_wrap_value(Object *v);
// The awaitable of an async generator's __anext__() (GET_ANEXT's fast path). New reference.
Object *async_gen_anext(Object *agen);
// Runs the finalizer of a generator, coroutine or async generator whose
// count reached zero (closes a suspended one, warns about a coroutine never
// awaited, calls the async generator finalizer hook). Returns true if it was
// resurrected. Runs once per object.
bool gen_finalize(Object *self);

#endif
