// Generators and coroutines (CPython's Objects/genobject.c). A generator
// owns its frame: the frame memory follows the object, and suspending is
// returning from the dispatch loop with the frame kept.
#ifndef MINIPY_GEN_H
#define MINIPY_GEN_H

#include "../state.h"

typedef struct GenObject {
    OBJ_HEAD;
    Object *name, *qualname;
    CodeObject *code;           // strong: gi_code outlives the frame (the frame drops its code when it ends)
    ExcInfo exc_state;          // the exception being handled inside the generator
    Frame *frame;               // points just past this struct; frame->state is the
                                // generator's state (gi_running: FRAME_EXECUTING)
} GenObject;

extern TypeObject GenType, CoroType;

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

#endif
