// The _asyncio module (CPython's Modules/_asynciomodule.c): Future and Task
// in C, for asyncio's hot paths.
//
// Notes on the implementation
// ---------------------------
// asyncio/futures.py and asyncio/tasks.py define Future and Task in Python
// (_PyFuture, _PyTask) and then replace them by these types when this module
// imports, exactly as CPython does; the Python classes remain the
// reference for the semantics and for reading. Everything else (the loop,
// Handles, gather, the reprs) stays in Python.
//
// A Future is a state (PENDING, CANCELLED, FINISHED), a result or an
// exception, and a list of done callbacks. When the state changes each
// callback is scheduled with loop.call_soon(callback, future), never called
// directly. A callback without a context is stored as itself, one with a
// context as the pair (callback, context): a callback is never a tuple,
// since tuples are not callable, so the two cannot be confused, and the
// common case allocates nothing.
//
// `await future` calls __await__, which returns a FutureIter: its first
// step yields the future itself when it is pending (setting
// _asyncio_future_blocking), its next step returns the result by raising
// StopIteration(result), or raises the future's exception.
//
// A Task drives a coroutine: task_step sends None (or throws an exception)
// into it with gen_send_ex, and looks at what comes out:
//   - the coroutine returned: the task gets the result;
//   - it raised: the task gets the exception (CancelledError cancels it);
//   - it yielded a Future (from FutureIter): the task adds its wakeup
//     callback to that future and waits;
//   - it yielded None (a bare yield, asyncio.sleep(0)): the step is
//     scheduled again with call_soon.
// The step callable (TaskStepMethWrapper, as in CPython) and the bound
// task_wakeup method are made once per task and kept, so a switch between
// tasks allocates only the loop's Handle. cancel(), cancelling() and
// uncancel() follow 3.11 (a cancellation is delivered as CancelledError at
// the awaiting point; a task may refuse it).
//
// Tasks still pending are kept in the set _all_tasks (CPython keeps a
// WeakSet of every task; minipy has no weak references, so a task leaves
// the set when it finishes), and the task running on each loop in the dict
// _current_tasks; tasks.py uses these two objects.
//
// Destruction. A future whose exception nobody retrieved reports "Future
// exception was never retrieved" to its loop's exception handler, and a
// task freed while pending "Task was destroyed but it is pending!". That
// runs from the deallocation (or, for objects in a cycle, from the
// collector's finalize slot), once per object (GC_FINALIZED). With the GIL
// off (ft_mode) deallocations may be deferred to a moment when running
// Python code is not safe, so there the reports are skipped.
//
// Threads: like CPython's, these objects belong to their loop's thread.
// Fields are replaced with SETREF, which with the GIL off defers freeing
// the old value, so a reader in another thread (a repr, print_tasks) never
// sees freed memory, though it may see a state from just before.
#include "../vm/runtime.h"
#include "../vm/gc.h"
#include "../vm/import.h"
#include "../vm/objects/gen.h"
#include "modules.h"

enum { STATE_PENDING = 0, STATE_CANCELLED, STATE_FINISHED };

// What a Handle runs. Handles made from Python call callback(*args);
// those the C code makes for a task hold the task itself and its one
// argument, so a task switch allocates nothing but the Handle (the
// Python-visible _callback and _args are made when asked for).
enum {
    HK_CALL = 0,        // callback(*args), args a tuple
    HK_CALL1,           // callback(args): args is the only argument, NULL for none
    HK_TASK_STEP,       // callback is a Task: its step, with args the exception to throw or NULL
    HK_TASK_WAKEUP,     // callback is a Task: its task_wakeup(args), args the future
};

typedef struct {
    OBJ_HEAD;
    Object *loop;
    Object *callbacks;          // NULL, one entry, or a list of two or more entries (see below)
    Object *result;             // FINISHED without exception
    Object *exception;          // FINISHED with an exception
    Object *exception_tb;       // its traceback when it was set
    Object *source_tb;          // debug mode: where the future was made (a list)
    Object *cancel_msg;
    Object *cancelled_exc;      // the CancelledError a task's coroutine raised
    Object *dict;
    int state;
    bool log_tb;                // an exception nobody has looked at yet
    bool blocking;              // _asyncio_future_blocking
} FutureObject;

typedef struct TaskObject TaskObject;
struct TaskObject {
    FutureObject fut;
    Object *coro;
    Object *name;               // str, or NULL until asked for (then "Task-<name_num>")
    Object *fut_waiter;         // the future the coroutine waits on
    Object *context;
    Object *step_cb;            // this task's TaskStepMethWrapper (made on first use)
    Object *wakeup_cb;          // this task's bound task_wakeup (made on first use)
    long name_num;
    int32_t num_cancels;        // cancelling()
    bool must_cancel;           // throw CancelledError in at the next step
    bool log_destroy_pending;
};

typedef struct {
    OBJ_HEAD;
    Object *future;             // NULL once exhausted
} FutureIterObject;

typedef struct {
    OBJ_HEAD;
    Object *task;
} StepObject;

static TypeObject FutureType, TaskType, FutureIterType, StepType;

#define FUTURE_CHECK(o) (TYPE(o) == &FutureType || TYPE(o) == &TaskType || type_is_subtype(TYPE(o), &FutureType))
#define TASK_CHECK(o) (TYPE(o) == &TaskType || type_is_subtype(TYPE(o), &TaskType))

// ---- The Python parts this module uses ---------------------------------------------
//
// Imported on first use (this module is imported while asyncio itself is
// being imported); kept for the life of the process.

static Object *CancelledError, *InvalidStateError;
static Object *future_repr_func, *task_repr_func, *task_get_stack_func, *task_print_stack_func;
static Object *get_event_loop_func, *iscoroutine_func, *extract_stack_func;
static Object *all_tasks, *current_tasks;         // created by module init
static Object *S_call_soon, *S_add_done_callback, *S_cancel, *S_result, *S_get_debug,
    *S_call_exception_handler, *S_context, *S_msg, *S_asyncio_future_blocking, *S_get_loop,
    *S_str_pending, *S_str_cancelled, *S_str_finished;
static Object *context_kwnames, *msg_kwnames;
static bool refs_ready;

static Object *import_attr(const char *module, const char *name) {
    Object *m = import_cstr(module);
    if (!m) return NULL;
    Object *v = obj_getattr_str(m, name);
    DECREF(m);
    return v;
}

static int ensure_refs(void) {
    if (refs_ready) return 0;
    if (!(CancelledError = import_attr("asyncio.exceptions", "CancelledError")) ||
        !(InvalidStateError = import_attr("asyncio.exceptions", "InvalidStateError")) ||
        !(future_repr_func = import_attr("asyncio.base_futures", "_future_repr")) ||
        !(task_repr_func = import_attr("asyncio.base_tasks", "_task_repr")) ||
        !(task_get_stack_func = import_attr("asyncio.base_tasks", "_task_get_stack")) ||
        !(task_print_stack_func = import_attr("asyncio.base_tasks", "_task_print_stack")) ||
        !(get_event_loop_func = import_attr("asyncio.events", "_get_event_loop")) ||
        !(iscoroutine_func = import_attr("asyncio.coroutines", "iscoroutine")) ||
        !(extract_stack_func = import_attr("asyncio.format_helpers", "extract_stack")))
        return -1;
    refs_ready = true;
    return 0;
}

static Object *raise_invalid_state(const char *msg) {
    if (ensure_refs() < 0) return NULL;
    Object *m = str_from_cstr(msg);
    if (!m) return NULL;
    Object *e = obj_call1(InvalidStateError, m);
    DECREF(m);
    if (e) {
        err_set_object(e);
        DECREF(e);
    }
    return NULL;
}

static bool is_cancelled_error(Object *exc) {
    return exc && CancelledError && exc_matches(exc, CancelledError) > 0;
}

static int call_soon_fast(Object *loop, int kind, Object *fn, Object *arg, Object *ctx);
static Object *task_step_cb(TaskObject *task);
static Object *task_wakeup_cb(TaskObject *task);

// loop.call_soon(fn, arg) (arg may be NULL), with context=ctx unless ctx is
// NULL or None; kind is HK_CALL1, or HK_TASK_STEP / HK_TASK_WAKEUP with fn
// the task (the loop's call_soon then gets the task's step or wakeup
// callable). Returns 0, or -1 with an exception.
static int call_soon_kind(Object *loop, int kind, Object *fn, Object *arg, Object *ctx) {
    int fast = call_soon_fast(loop, kind, fn, arg, ctx);
    if (fast != 1) return fast;
    if (kind == HK_TASK_STEP) fn = task_step_cb((TaskObject *)fn);
    else if (kind == HK_TASK_WAKEUP) fn = task_wakeup_cb((TaskObject *)fn);
    if (!fn) return -1;
    Object *meth = obj_getattr(loop, S_call_soon);
    if (!meth) return -1;
    Object *args[3];
    ssize_t n = 0;
    args[n++] = fn;
    if (arg) args[n++] = arg;
    Object *r;
    if (ctx && ctx != None) {
        args[n] = ctx;
        r = obj_call(meth, args, n, context_kwnames);
    } else {
        r = obj_call(meth, args, n, NULL);
    }
    DECREF(meth);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int call_soon(Object *loop, Object *fn, Object *arg, Object *ctx) {
    return call_soon_kind(loop, HK_CALL1, fn, arg, ctx);
}

// ---- Future --------------------------------------------------------------------------

// The done callbacks. fut->callbacks is NULL, a single entry (the common
// case: no list is made), or a list of two or more entries. An entry is
// the pair (callback, context) (add_done_callback always has a context: a
// copy of the current one unless given), or an exact Task, which stands for
// that task's task_wakeup in the task's context (a task waiting on the
// future costs no bound method). A pair is an exact tuple, so the forms
// cannot be confused with each other or with a list.
#define TASK_TYPE_EXACT(o) (TYPE(o) == &TaskType)

static int cb_entry_schedule(FutureObject *fut, Object *entry) {
    if (TUPLE_CHECK_EXACT(entry))
        return call_soon(fut->loop, TUPLE_ITEMS(entry)[0], (Object *)fut, TUPLE_ITEMS(entry)[1]);
    if (TASK_TYPE_EXACT(entry))
        return call_soon_kind(fut->loop, HK_TASK_WAKEUP, entry, (Object *)fut, ((TaskObject *)entry)->context);
    return call_soon(fut->loop, entry, (Object *)fut, NULL);
}

// The callback of an entry as Python sees it. New reference.
static Object *cb_entry_callable(Object *entry) {
    if (TUPLE_CHECK_EXACT(entry)) return NEWREF(TUPLE_ITEMS(entry)[0]);
    if (TASK_TYPE_EXACT(entry)) {
        Object *m = task_wakeup_cb((TaskObject *)entry);
        return m ? NEWREF(m) : NULL;
    }
    return NEWREF(entry);
}

// Schedules every done callback and empties the list.
static int future_schedule_callbacks(FutureObject *fut) {
    Object *cbs = fut->callbacks;
    if (!cbs) return 0;
    fut->callbacks = NULL;
    int rc = 0;
    if (TYPE(cbs) != &ListType) {
        rc = cb_entry_schedule(fut, cbs);
    } else {
        for (ssize_t i = 0; i < LIST_SIZE(cbs); i++) {
            if (cb_entry_schedule(fut, LIST_ITEMS(cbs)[i]) < 0) {
                rc = -1;
                break;
            }
        }
    }
    ft_mark_shared(cbs);
    DECREF(cbs);
    return rc;
}

// The CancelledError to raise for a cancelled future: the one saved from
// the task's coroutine, or a new one with the cancel message. New reference.
static Object *future_make_cancelled_error(FutureObject *fut) {
    if (ensure_refs() < 0) return NULL;
    if (fut->cancelled_exc) {
        Object *e = fut->cancelled_exc;
        fut->cancelled_exc = NULL;
        return e;
    }
    if (!fut->cancel_msg || fut->cancel_msg == None) return obj_call0(CancelledError);
    return obj_call1(CancelledError, fut->cancel_msg);
}

static Object *raise_cancelled(FutureObject *fut) {
    Object *e = future_make_cancelled_error(fut);
    if (e) {
        err_set_object(e);
        DECREF(e);
    }
    return NULL;
}

// result(): a new reference, or NULL with the exception raised.
static Object *future_result_impl(FutureObject *fut) {
    if (fut->state == STATE_CANCELLED) return raise_cancelled(fut);
    if (fut->state != STATE_FINISHED) return raise_invalid_state("Result is not set.");
    fut->log_tb = false;
    if (fut->exception) {
        exc_set_traceback(fut->exception, fut->exception_tb ? fut->exception_tb : None);
        err_set_object(fut->exception);
        return NULL;
    }
    return NEWREF(fut->result);
}

static Object *future_set_result_impl(FutureObject *fut, Object *res) {
    if (fut->state != STATE_PENDING) return raise_invalid_state("invalid state");
    SETREF(fut->result, NEWREF(res));
    fut->state = STATE_FINISHED;
    if (future_schedule_callbacks(fut) < 0) return NULL;
    RETURN_NONE;
}

static Object *future_set_exception_impl(FutureObject *fut, Object *exc) {
    if (fut->state != STATE_PENDING) return raise_invalid_state("invalid state");
    Object *inst;
    if (TYPE_CHECK(exc)) {
        inst = obj_call0(exc);
        if (!inst) return NULL;
        if (!EXC_CHECK(inst)) {
            DECREF(inst);
            return vm_raise(Exc_TypeError, "exception must be an exception instance, not %T", inst);
        }
    } else {
        inst = NEWREF(exc);
    }
    if (!EXC_CHECK(inst)) {
        DECREF(inst);
        return vm_raise(Exc_TypeError, "invalid exception object");
    }
    if (TYPE(inst) == (TypeObject *)Exc_StopIteration) {
        DECREF(inst);
        return vm_raise(Exc_TypeError,
                        "StopIteration interacts badly with generators and cannot be raised into a Future");
    }
    SETREF(fut->exception, inst);
    Object *tb = exc_get_traceback(inst);
    SETREF(fut->exception_tb, tb ? NEWREF(tb) : NULL);
    fut->state = STATE_FINISHED;
    if (future_schedule_callbacks(fut) < 0) return NULL;
    fut->log_tb = true;
    RETURN_NONE;
}

static int future_cancel_impl(FutureObject *fut, Object *msg) {
    fut->log_tb = false;
    if (fut->state != STATE_PENDING) return 0;
    fut->state = STATE_CANCELLED;
    SETREF(fut->cancel_msg, msg && msg != None ? NEWREF(msg) : NULL);
    if (future_schedule_callbacks(fut) < 0) return -1;
    return 1;
}

// Adds an entry (stolen) to the done callbacks.
static int future_add_entry(FutureObject *fut, Object *entry) {
    Object *cbs = fut->callbacks;
    if (!cbs) {
        fut->callbacks = entry;
        return 0;
    }
    if (TYPE(cbs) != &ListType) {
        Object *l = list_new(0);
        if (!l || list_append(l, cbs) < 0 || list_append(l, entry) < 0) {
            XDECREF(l);
            DECREF(entry);
            return -1;
        }
        DECREF(entry);
        SETREF(fut->callbacks, l);
        return 0;
    }
    int r = list_append(cbs, entry);
    DECREF(entry);
    return r;
}

// Without a context the callback runs in a copy of the current one, taken
// now (CPython's Future.add_done_callback).
static int future_add_callback_impl(FutureObject *fut, Object *fn, Object *ctx) {
    Object *copy = NULL;
    if ((!ctx || ctx == None) && !(ctx = copy = context_copy_current())) return -1;
    int r;
    if (fut->state != STATE_PENDING) {
        r = call_soon(fut->loop, fn, (Object *)fut, ctx);
    } else {
        Object *entry = tuple_pack(2, fn, ctx);
        r = entry ? future_add_entry(fut, entry) : -1;
    }
    XDECREF(copy);
    return r;
}

// The task waits on the future: its task_wakeup becomes a done callback,
// run in the task's context.
static int future_add_wakeup(FutureObject *fut, TaskObject *task) {
    if (fut->state != STATE_PENDING)
        return call_soon_kind(fut->loop, HK_TASK_WAKEUP, (Object *)task, (Object *)fut, task->context);
    return future_add_entry(fut, NEWREF(task));
}

static int future_init_impl(FutureObject *fut, Object *loop) {
    if (ensure_refs() < 0) return -1;
    // __init__ may run again on a live future: start afresh.
    CLEAR(fut->callbacks);
    CLEAR(fut->result);
    CLEAR(fut->exception);
    CLEAR(fut->exception_tb);
    CLEAR(fut->source_tb);
    CLEAR(fut->cancel_msg);
    CLEAR(fut->cancelled_exc);
    fut->state = STATE_PENDING;
    fut->log_tb = false;
    fut->blocking = false;
    if (!loop || loop == None) {
        loop = obj_call0(get_event_loop_func);
        if (!loop) return -1;
    } else {
        INCREF(loop);
    }
    SETREF(fut->loop, loop);
    Object *dbg = obj_call_method_obj(loop, S_get_debug, NULL, 0);
    if (!dbg) return -1;
    int on = obj_istrue(dbg);
    DECREF(dbg);
    if (on < 0) return -1;
    if (on) {
        Object *stack = obj_call0(extract_stack_func);
        if (!stack) return -1;
        SETREF(fut->source_tb, stack);
    }
    return 0;
}

static Object *future_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    return type_generic_alloc(type, 0);
}

static int future_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"$loop"};
    Object *loop = NULL;
    if (args_parse("Future", args, nargs, kwnames, names, 1, 0, &loop) < 0) return -1;
    return future_init_impl((FutureObject *)self, loop);
}

// Reports an exception nobody retrieved, or a task destroyed while
// pending, to the loop's exception handler (the finalizer).
static void future_report(FutureObject *fut) {
    bool is_task = TASK_CHECK(fut);
    TaskObject *task = (TaskObject *)fut;
    bool pending_task = is_task && fut->state == STATE_PENDING && task->log_destroy_pending;
    if (!fut->loop || (!fut->log_tb && !pending_task)) return;
    Object *saved = err_fetch();
    for (int pass = 0; pass < 2; pass++) {
        Object *ctx = NULL, *msg = NULL;
        if (pass == 0 && pending_task) {
            msg = str_from_cstr("Task was destroyed but it is pending!");
            ctx = dict_new();
            if (!msg || !ctx || dict_setitem_str(ctx, "task", (Object *)fut) < 0) goto fail;
        } else if (pass == 1 && fut->log_tb && fut->exception) {
            fut->log_tb = false;
            Object *cls_name = obj_getattr((Object *)TYPE(fut), S___name__);
            msg = cls_name ? str_from_format("%U exception was never retrieved", cls_name) : NULL;
            XDECREF(cls_name);
            ctx = dict_new();
            if (!msg || !ctx || dict_setitem_str(ctx, "exception", fut->exception) < 0 ||
                dict_setitem_str(ctx, "future", (Object *)fut) < 0)
                goto fail;
        } else {
            continue;
        }
        if (dict_setitem_str(ctx, "message", msg) < 0) goto fail;
        if (fut->source_tb && dict_setitem_str(ctx, "source_traceback", fut->source_tb) < 0) goto fail;
        Object *r = obj_call_method_obj(fut->loop, S_call_exception_handler, &ctx, 1);
        if (!r) goto fail;
        DECREF(r);
        DECREF(ctx);
        DECREF(msg);
        continue;
    fail:
        XDECREF(ctx);
        XDECREF(msg);
        err_write_unraisable(NULL, (Object *)fut, err_fetch());
    }
    err_restore(saved);
}

// Runs the report once; true if the object was resurrected meanwhile.
static bool future_finalize_once(Object *self) {
    GCHead *h = GC_HEAD(self);
    if (h->bits & GC_FINALIZED) return false;
    h->bits |= GC_FINALIZED;
    FutureObject *fut = (FutureObject *)self;
    TaskObject *task = (TaskObject *)self;
    bool pending_task = TASK_CHECK(self) && fut->state == STATE_PENDING && task->log_destroy_pending;
    if (!fut->log_tb && !pending_task) return false;
    if (ft_mode) return false;
    obj_resurrect_begin(self);  // alive while the report runs
    future_report(fut);
    return obj_resurrect_end(self);
}

static void future_finalize_slot(Object *self) {
    // The collector has set GC_FINALIZED already.
    if (ft_mode) return;
    INCREF(self);
    future_report((FutureObject *)self);
    DECREF(self);
}

static int future_clear(Object *self) {
    FutureObject *fut = (FutureObject *)self;
    CLEAR(fut->loop);
    CLEAR(fut->callbacks);
    CLEAR(fut->result);
    CLEAR(fut->exception);
    CLEAR(fut->exception_tb);
    CLEAR(fut->source_tb);
    CLEAR(fut->cancel_msg);
    CLEAR(fut->cancelled_exc);
    CLEAR(fut->dict);
    return 0;
}

static int future_traverse(Object *self, visitproc visit, void *arg) {
    FutureObject *fut = (FutureObject *)self;
    Object *fields[] = {fut->loop, fut->callbacks, fut->result, fut->exception, fut->exception_tb,
                        fut->source_tb, fut->cancel_msg, fut->cancelled_exc, fut->dict};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && visit(fields[i], arg)) return -1;
    return 0;
}

static void future_dealloc(Object *self) {
    if (future_finalize_once(self)) {
        gc_track(self);  // resurrected by the exception handler
        return;
    }
    future_clear(self);
    obj_free(self);
}

static Object *future_repr(Object *self) {
    if (ensure_refs() < 0) return NULL;
    return obj_call1(future_repr_func, self);
}

#define FUT(o) ((FutureObject *)(o))

static Object *future_result(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("result", kwnames) < 0 || args_count("result", nargs, 0, 0) < 0) return NULL;
    return future_result_impl(FUT(self));
}

static Object *future_exception(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("exception", kwnames) < 0 || args_count("exception", nargs, 0, 0) < 0) return NULL;
    FutureObject *fut = FUT(self);
    if (fut->state == STATE_CANCELLED) return raise_cancelled(fut);
    if (fut->state != STATE_FINISHED) return raise_invalid_state("Exception is not set.");
    fut->log_tb = false;
    return NEWREF(fut->exception ? fut->exception : None);
}

static Object *future_set_result(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("set_result", kwnames) < 0 || args_count("set_result", nargs, 1, 1) < 0) return NULL;
    return future_set_result_impl(FUT(self), args[0]);
}

static Object *future_set_exception(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("set_exception", kwnames) < 0 || args_count("set_exception", nargs, 1, 1) < 0) return NULL;
    return future_set_exception_impl(FUT(self), args[0]);
}

static Object *future_add_done_callback(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"fn", "$context"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("add_done_callback", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
    if (future_add_callback_impl(FUT(self), a[0], a[1]) < 0) return NULL;
    RETURN_NONE;
}

static Object *future_remove_done_callback(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("remove_done_callback", kwnames) < 0 || args_count("remove_done_callback", nargs, 1, 1) < 0)
        return NULL;
    FutureObject *fut = FUT(self);
    Object *fn = args[0];
    if (!fut->callbacks) return int_from_long(0);
    Object *kept = list_new(0);
    if (!kept) return NULL;
    Object *old = NEWREF(fut->callbacks);
    bool one = TYPE(old) != &ListType;
    ssize_t removed = 0;
    for (ssize_t i = 0; i < (one ? 1 : LIST_SIZE(old)); i++) {
        Object *entry = one ? old : LIST_ITEMS(old)[i];
        Object *f = cb_entry_callable(entry);
        if (!f) goto fail;
        int eq = f == fn ? 1 : obj_richcompare_bool(f, fn, CMP_EQ_OP);
        DECREF(f);
        if (eq < 0) goto fail;
        if (eq) removed++;
        else if (list_append(kept, entry) < 0) goto fail;
    }
    if (removed) {
        if (LIST_SIZE(kept) > 1) SETREF(fut->callbacks, NEWREF(kept));
        else if (LIST_SIZE(kept) == 1) SETREF(fut->callbacks, NEWREF(LIST_ITEMS(kept)[0]));
        else CLEAR(fut->callbacks);
    }
    DECREF(old);
    DECREF(kept);
    return int_from_ssize(removed);
fail:
    DECREF(old);
    DECREF(kept);
    return NULL;
}

static Object *future_cancel(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"msg"};
    Object *msg = NULL;
    if (args_parse("cancel", args, nargs, kwnames, names, 1, 0, &msg) < 0) return NULL;
    int r = future_cancel_impl(FUT(self), msg);
    if (r < 0) return NULL;
    return bool_from(r);
}

static Object *future_cancelled(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("cancelled", kwnames) < 0 || args_count("cancelled", nargs, 0, 0) < 0) return NULL;
    return bool_from(FUT(self)->state == STATE_CANCELLED);
}

static Object *future_done(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("done", kwnames) < 0 || args_count("done", nargs, 0, 0) < 0) return NULL;
    return bool_from(FUT(self)->state != STATE_PENDING);
}

static Object *future_get_loop(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("get_loop", kwnames) < 0 || args_count("get_loop", nargs, 0, 0) < 0) return NULL;
    if (!FUT(self)->loop) return vm_raise(Exc_RuntimeError, "Future object is not initialized.");
    return NEWREF(FUT(self)->loop);
}

static Object *future_make_cancelled_error_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_make_cancelled_error", kwnames) < 0 || args_count("_make_cancelled_error", nargs, 0, 0) < 0)
        return NULL;
    return future_make_cancelled_error(FUT(self));
}

static Object *future_await(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("__await__", kwnames) < 0 || args_count("__await__", nargs, 0, 0) < 0) return NULL;
    FutureIterObject *it = (FutureIterObject *)type_generic_alloc(&FutureIterType, 0);
    if (!it) return NULL;
    it->future = NEWREF(self);
    return (Object *)it;
}

static Object *future_iter_slot(Object *self) { return future_await(self, NULL, 0, NULL); }

static const MethodDef future_methods[] = {
    {"result", future_result, 0, "The result; raises the exception if one was set."},
    {"exception", future_exception, 0, "The exception set, or None."},
    {"set_result", future_set_result, 0, "Mark the future done with a result."},
    {"set_exception", future_set_exception, 0, "Mark the future done with an exception."},
    {"add_done_callback", future_add_done_callback, 0, "Call fn(future) from the loop once done."},
    {"remove_done_callback", future_remove_done_callback, 0, "Remove every registration of fn."},
    {"cancel", future_cancel, 0, "Cancel the future and schedule its callbacks."},
    {"cancelled", future_cancelled, 0, "True if the future was cancelled."},
    {"done", future_done, 0, "True once the future has a result, an exception or was cancelled."},
    {"get_loop", future_get_loop, 0, "The loop the future is bound to."},
    {"_make_cancelled_error", future_make_cancelled_error_meth, 0, NULL},
    {"__await__", future_await, 0, NULL},
    {NULL, NULL, 0, NULL}};

static Object *state_name(int state) {
    return NEWREF(state == STATE_PENDING ? S_str_pending : state == STATE_CANCELLED ? S_str_cancelled : S_str_finished);
}

static Object *fget_state(Object *self, void *c) { return state_name(FUT(self)->state); }
static Object *fget_loop(Object *self, void *c) { return NEWREF(FUT(self)->loop ? FUT(self)->loop : None); }
static Object *fget_result(Object *self, void *c) { return NEWREF(FUT(self)->result ? FUT(self)->result : None); }
static Object *fget_exception(Object *self, void *c) {
    return NEWREF(FUT(self)->exception ? FUT(self)->exception : None);
}
static Object *fget_source_tb(Object *self, void *c) {
    return NEWREF(FUT(self)->source_tb ? FUT(self)->source_tb : None);
}
static Object *fget_cancel_msg(Object *self, void *c) {
    return NEWREF(FUT(self)->cancel_msg ? FUT(self)->cancel_msg : None);
}
static int fset_cancel_msg(Object *self, Object *v, void *c) {
    SETREF(FUT(self)->cancel_msg, v && v != None ? NEWREF(v) : NULL);
    return 0;
}

// _callbacks as the Python Future has it: a list of (callback, context)
// pairs, or None when there are none.
static Object *fget_callbacks(Object *self, void *c) {
    Object *cbs = FUT(self)->callbacks;
    if (!cbs) RETURN_NONE;
    bool one = TYPE(cbs) != &ListType;
    Object *out = list_new(0);
    if (!out) return NULL;
    for (ssize_t i = 0; i < (one ? 1 : LIST_SIZE(cbs)); i++) {
        Object *entry = one ? cbs : LIST_ITEMS(cbs)[i];
        Object *pair = NULL;
        if (TUPLE_CHECK_EXACT(entry)) {
            pair = NEWREF(entry);
        } else {
            Object *f = cb_entry_callable(entry);
            if (f) pair = tuple_pack(2, f, None);
            XDECREF(f);
        }
        if (!pair || list_append(out, pair) < 0) {
            XDECREF(pair);
            DECREF(out);
            return NULL;
        }
        DECREF(pair);
    }
    return out;
}

static Object *fget_blocking(Object *self, void *c) { return bool_from(FUT(self)->blocking); }
static int fset_blocking(Object *self, Object *v, void *c) {
    if (!v) {
        vm_raise(Exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int t = obj_istrue(v);
    if (t < 0) return -1;
    FUT(self)->blocking = t;
    return 0;
}

static Object *fget_log_tb(Object *self, void *c) { return bool_from(FUT(self)->log_tb); }
static int fset_log_tb(Object *self, Object *v, void *c) {
    if (!v) {
        vm_raise(Exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int t = obj_istrue(v);
    if (t < 0) return -1;
    if (t) {
        vm_raise(Exc_ValueError, "_log_traceback can only be set to False");
        return -1;
    }
    FUT(self)->log_tb = false;
    return 0;
}

static const GetSetDef future_getset[] = {
    {"_state", fget_state, NULL, NULL},
    {"_loop", fget_loop, NULL, NULL},
    {"_result", fget_result, NULL, NULL},
    {"_exception", fget_exception, NULL, NULL},
    {"_callbacks", fget_callbacks, NULL, NULL},
    {"_source_traceback", fget_source_tb, NULL, NULL},
    {"_cancel_message", fget_cancel_msg, fset_cancel_msg, NULL},
    {"_asyncio_future_blocking", fget_blocking, fset_blocking, NULL},
    {"_log_traceback", fget_log_tb, fset_log_tb, NULL},
    {NULL, NULL, NULL, NULL}};

static TypeObject FutureType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_asyncio.Future",
    .basicsize = sizeof(FutureObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "A result that is set later, bound to one event loop (asyncio.Future in C).",
    .dealloc = future_dealloc,
    .repr = future_repr,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .iter = future_iter_slot,
    .tp_new = future_tp_new,
    .init = future_init,
    .traverse = future_traverse,
    .clear = future_clear,
    .finalize = future_finalize_slot,
    .methods = future_methods,
    .getset = future_getset,
    .dictoffset = offsetof(FutureObject, dict),
};

// ---- FutureIter: what `await future` drives ----------------------------------------

static void set_stop_value(Object *value) {
    if (value == None) {
        err_set_value(Exc_StopIteration, NULL);
    } else {
        Object *e = exc_new(Exc_StopIteration, &value, 1);
        if (e) err_restore(e);
    }
}

static Object *futureiter_next(Object *self) {
    FutureIterObject *it = (FutureIterObject *)self;
    FutureObject *fut = (FutureObject *)it->future;
    if (!fut) return NULL;
    if (fut->state == STATE_PENDING) {
        if (!fut->blocking) {
            fut->blocking = true;
            return NEWREF(fut);   // the Task receives the future and waits on it
        }
        return vm_raise(Exc_RuntimeError, "await wasn't used with future");
    }
    it->future = NULL;
    Object *res = future_result_impl(fut);
    DECREF(fut);
    if (!res) return NULL;
    set_stop_value(res);
    DECREF(res);
    return NULL;
}

static Object *futureiter_send(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("send", kwnames) < 0 || args_count("send", nargs, 1, 1) < 0) return NULL;
    if (args[0] != None) return vm_raise(Exc_TypeError, "can't send non-None value to a FutureIter");
    Object *r = futureiter_next(self);
    if (!r && !err_occurred()) err_set_value(Exc_StopIteration, NULL);
    return r;
}

static Object *futureiter_throw(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("throw", kwnames) < 0 || args_count("throw", nargs, 1, 3) < 0) return NULL;
    Object *type = args[0], *val = nargs > 1 ? args[1] : None, *tb = nargs > 2 ? args[2] : None;
    Object *exc;
    if (EXC_CHECK(type)) {
        if (val != None) return vm_raise(Exc_TypeError, "instance exception may not have a separate value");
        exc = NEWREF(type);
    } else if (EXC_TYPE_CHECK(type)) {
        exc = val == None ? obj_call0(type) : EXC_CHECK(val) ? NEWREF(val) : obj_call1(type, val);
        if (!exc) return NULL;
    } else {
        return vm_raise(Exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %T",
                        type);
    }
    if (tb != None) exc_set_traceback(exc, tb);
    CLEAR(((FutureIterObject *)self)->future);
    err_set_object(exc);
    DECREF(exc);
    return NULL;
}

static Object *futureiter_close(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    CLEAR(((FutureIterObject *)self)->future);
    RETURN_NONE;
}

static Object *futureiter_self(Object *self) { return NEWREF(self); }

static void futureiter_dealloc(Object *self) {
    CLEAR(((FutureIterObject *)self)->future);
    obj_free(self);
}

static int futureiter_traverse(Object *self, visitproc visit, void *arg) {
    Object *f = ((FutureIterObject *)self)->future;
    return f ? visit(f, arg) : 0;
}

static int futureiter_clear(Object *self) {
    CLEAR(((FutureIterObject *)self)->future);
    return 0;
}

static const MethodDef futureiter_methods[] = {
    {"send", futureiter_send, 0, NULL},
    {"throw", futureiter_throw, 0, NULL},
    {"close", futureiter_close, 0, NULL},
    {NULL, NULL, 0, NULL}};

static TypeObject FutureIterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_asyncio.FutureIter",
    .basicsize = sizeof(FutureIterObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = futureiter_dealloc,
    .getattro = obj_generic_getattr,
    .iter = futureiter_self,
    .iternext = futureiter_next,
    .traverse = futureiter_traverse,
    .clear = futureiter_clear,
    .methods = futureiter_methods,
};

// ---- The task registry --------------------------------------------------------------

static int enter_task(Object *loop, Object *task) {
    Object *cur = dict_getitem(current_tasks, loop);
    if (cur) {
        vm_raise(Exc_RuntimeError, "Cannot enter into task %R while another task %R is being executed.", task, cur);
        return -1;
    }
    if (err_occurred()) return -1;
    return dict_setitem(current_tasks, loop, task);
}

static int leave_task(Object *loop, Object *task) {
    Object *cur = dict_getitem(current_tasks, loop);
    if (cur != task) {
        if (err_occurred()) return -1;
        vm_raise(Exc_RuntimeError, "Leaving task %R does not match the current task %R.", task, cur ? cur : None);
        return -1;
    }
    return dict_delitem(current_tasks, loop);
}

static Object *mod_register_task(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_register_task", kwnames) < 0 || args_count("_register_task", nargs, 1, 1) < 0) return NULL;
    if (set_add(all_tasks, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Object *mod_unregister_task(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_unregister_task", kwnames) < 0 || args_count("_unregister_task", nargs, 1, 1) < 0) return NULL;
    if (set_discard(all_tasks, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Object *mod_enter_task(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_enter_task", kwnames) < 0 || args_count("_enter_task", nargs, 2, 2) < 0) return NULL;
    if (enter_task(args[0], args[1]) < 0) return NULL;
    RETURN_NONE;
}

static Object *mod_leave_task(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_leave_task", kwnames) < 0 || args_count("_leave_task", nargs, 2, 2) < 0) return NULL;
    if (leave_task(args[0], args[1]) < 0) return NULL;
    RETURN_NONE;
}

// ---- Task ------------------------------------------------------------------------------

#define TASK(o) ((TaskObject *)(o))

static Object *task_step(TaskObject *task, Object *exc);

static long task_name_counter;

// The step callable, made once per task.
static Object *task_step_cb(TaskObject *task) {
    if (!task->step_cb) {
        StepObject *s = (StepObject *)type_generic_alloc(&StepType, 0);
        if (!s) return NULL;
        s->task = NEWREF(task);
        task->step_cb = (Object *)s;
    }
    return task->step_cb;   // borrowed
}

static Object *task_wakeup_cb(TaskObject *task) {
    if (!task->wakeup_cb) {
        Object *m = obj_getattr_str((Object *)task, "task_wakeup");
        if (!m) return NULL;
        task->wakeup_cb = m;
    }
    return task->wakeup_cb;   // borrowed
}

static int task_schedule_step(TaskObject *task, Object *exc) {
    return call_soon_kind(task->fut.loop, HK_TASK_STEP, (Object *)task, exc, task->context);
}

static int task_init_impl(TaskObject *task, Object *coro, Object *loop, Object *name, Object *context) {
    if (future_init_impl(&task->fut, loop) < 0) return -1;
    task->log_destroy_pending = true;
    bool is_coro = TYPE(coro) == &CoroType || TYPE(coro) == &GenType;
    if (!is_coro) {
        Object *r = obj_call1(iscoroutine_func, coro);
        if (!r) return -1;
        int t = obj_istrue(r);
        DECREF(r);
        if (t < 0) return -1;
        if (!t) {
            task->log_destroy_pending = false;
            vm_raise(Exc_TypeError, "a coroutine was expected, got %R", coro);
            return -1;
        }
    }
    if (name && name != None) {
        Object *s = STR_CHECK_EXACT(name) ? NEWREF(name) : obj_str(name);
        if (!s) return -1;
        SETREF(task->name, s);
    } else {
        CLEAR(task->name);
        task->name_num = __atomic_add_fetch(&task_name_counter, 1, __ATOMIC_RELAXED);
    }
    task->num_cancels = 0;
    task->must_cancel = false;
    CLEAR(task->fut_waiter);
    SETREF(task->coro, NEWREF(coro));
    // Every step runs in the task's context: a copy of the creator's unless given.
    Object *ctx = context && context != None ? NEWREF(context) : context_copy_current();
    if (!ctx) return -1;
    SETREF(task->context, ctx);
    if (task_schedule_step(task, NULL) < 0) return -1;
    return set_add(all_tasks, (Object *)task);
}

static int task_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"coro", "$loop", "$name", "$context"};
    Object *a[4] = {NULL, NULL, NULL, NULL};
    if (args_parse("Task", args, nargs, kwnames, names, 4, 1, a) < 0) return -1;
    return task_init_impl(TASK(self), a[0], a[1], a[2], a[3]);
}

static Object *task_get_name_impl(TaskObject *task) {
    if (!task->name) {
        task->name = str_from_format("Task-%ld", task->name_num);
        if (!task->name) return NULL;
    }
    return NEWREF(task->name);
}

static int task_cancel_impl(TaskObject *task, Object *msg);

// waiter.cancel(msg=msg) (msg NULL or None: no argument): 1 if it was
// cancelled, 0 if not, -1 on error. The exact C types are cancelled
// directly; anything else (a subclass may override cancel) by the method.
static int cancel_waiter(Object *waiter, Object *msg) {
    if (TYPE(waiter) == &TaskType) return task_cancel_impl(TASK(waiter), msg);
    if (TYPE(waiter) == &FutureType) return future_cancel_impl(FUT(waiter), msg);
    Object *r;
    if (msg && msg != None) {
        Object *meth = obj_getattr(waiter, S_cancel);
        if (!meth) return -1;
        Object *a[1] = {msg};
        r = obj_call(meth, a, 0, msg_kwnames);
        DECREF(meth);
    } else {
        r = obj_call_method_obj(waiter, S_cancel, NULL, 0);
    }
    if (!r) return -1;
    int t = obj_istrue(r);
    DECREF(r);
    return t;
}

// Task.cancel(msg=None).
static int task_cancel_impl(TaskObject *task, Object *msg) {
    task->fut.log_tb = false;
    if (task->fut.state != STATE_PENDING) return 0;
    task->num_cancels++;
    if (task->fut_waiter) {
        Object *waiter = NEWREF(task->fut_waiter);
        int t = cancel_waiter(waiter, msg);
        DECREF(waiter);
        if (t < 0) return -1;
        if (t) return 1;   // keep fut_waiter: it may refuse, to be cancelled again later
    }
    task->must_cancel = true;
    SETREF(task->fut.cancel_msg, msg && msg != None ? NEWREF(msg) : NULL);
    return 1;
}

// What the coroutine yielded: a future to wait on, None (run again next
// iteration), or something that is an error (thrown back in next step).
static int task_handle_yield(TaskObject *task, Object *result) {
    Object *loop = task->fut.loop;
    if (result == None) return task_schedule_step(task, NULL);

    int blocking = -1;   // -1: not a future
    bool cfut = FUTURE_CHECK(result);
    if (cfut) {
        blocking = FUT(result)->blocking;
    } else {
        int error = 0;
        Object *b = obj_lookup_attr(result, S_asyncio_future_blocking, &error);
        if (error) return -1;
        if (b) {
            if (b != None) {
                blocking = obj_istrue(b);
                if (blocking < 0) {
                    DECREF(b);
                    return -1;
                }
            }
            DECREF(b);
        }
    }

    Object *new_exc = NULL;
    if (blocking >= 0) {
        Object *rloop;
        if (cfut) {
            rloop = NEWREF(FUT(result)->loop ? FUT(result)->loop : None);
        } else {
            int error = 0;
            Object *gl = obj_lookup_attr(result, S_get_loop, &error);
            if (error) return -1;
            if (gl) {
                rloop = obj_call0(gl);
                DECREF(gl);
            } else {
                rloop = obj_getattr_str(result, "_loop");
            }
            if (!rloop) return -1;
        }
        bool same = rloop == loop;
        DECREF(rloop);
        if (!same) {
            new_exc = str_from_format("Task %R got Future %R attached to a different loop", task, result);
        } else if (blocking) {
            if (result == (Object *)task) {
                new_exc = str_from_format("Task cannot await on itself: %R", task);
            } else {
                Object *wake = task->context || !cfut ? task_wakeup_cb(task) : NULL;
                if (!wake && (task->context || !cfut)) return -1;
                if (cfut) {
                    FUT(result)->blocking = false;
                    int r = task->context ? future_add_callback_impl(FUT(result), wake, task->context)
                                          : future_add_wakeup(FUT(result), task);
                    if (r < 0) return -1;
                } else {
                    if (obj_setattr(result, S_asyncio_future_blocking, False) < 0) return -1;
                    Object *meth = obj_getattr(result, S_add_done_callback);
                    if (!meth) return -1;
                    Object *r;
                    if (task->context) {
                        Object *a[2] = {wake, task->context};
                        r = obj_call(meth, a, 1, context_kwnames);
                    } else {
                        r = obj_call(meth, &wake, 1, NULL);
                    }
                    DECREF(meth);
                    if (!r) return -1;
                    DECREF(r);
                }
                SETREF(task->fut_waiter, NEWREF(result));
                if (task->must_cancel) {
                    // Cancelled while running: pass it on to what we wait for.
                    int t = cancel_waiter(result, task->fut.cancel_msg);
                    if (t < 0) return -1;
                    if (t) task->must_cancel = false;
                }
                return 0;
            }
        } else {
            new_exc = str_from_format("yield was used instead of yield from in task %R with %R", task, result);
        }
    } else if (TYPE(result) == &GenType) {
        new_exc = str_from_format("yield was used instead of yield from for generator in task %R with %R", task,
                                  result);
    } else {
        new_exc = str_from_format("Task got bad yield: %R", result);
    }
    if (!new_exc) return -1;
    Object *e = exc_new(Exc_RuntimeError, &new_exc, 1);
    DECREF(new_exc);
    if (!e) return -1;
    int r = task_schedule_step(task, e);
    DECREF(e);
    return r;
}

// One step of the task: resumes the coroutine with None or exc (borrowed).
// Returns None, or NULL with KeyboardInterrupt/SystemExit (which also
// finish the task) or an internal error.
static Object *task_step_impl(TaskObject *task, Object *exc) {
    FutureObject *fut = &task->fut;
    if (fut->state != STATE_PENDING) {
        if (!exc) exc = None;
        Object *msg = str_from_format("_step(): already done: %R, %R", task, exc);
        if (!msg) return NULL;
        raise_invalid_state(STR_DATA(msg));
        DECREF(msg);
        return NULL;
    }
    Object *owned_exc = NULL;
    if (task->must_cancel) {
        if (!exc || !is_cancelled_error(exc)) {
            owned_exc = future_make_cancelled_error(fut);
            if (!owned_exc) return NULL;
            exc = owned_exc;
        }
        task->must_cancel = false;
    }
    CLEAR(task->fut_waiter);

    Object *loop = NEWREF(fut->loop);
    if (enter_task(loop, (Object *)task) < 0) {
        DECREF(loop);
        XDECREF(owned_exc);
        return NULL;
    }

    Object *coro = task->coro;
    Object *result = NULL;
    SendResult sr;
    if (!exc) {
        if (TYPE(coro) == &CoroType || TYPE(coro) == &GenType)
            sr = gen_send_ex((GenObject *)coro, None, NULL, &result);
        else
            sr = iter_send(coro, None, &result);
    } else {
        // coro.throw(exc): delegates to what the coroutine awaits, as a
        // Python-level throw() does.
        result = obj_call_method_obj(coro, S_throw, &exc, 1);
        if (result) sr = GEN_NEXT;
        else sr = err_fetch_stop_value(&result) == 0 ? GEN_RETURN : GEN_ERROR;
    }
    XDECREF(owned_exc);

    Object *ret = None;   // what this function returns (None: fine)
    Object *reraise = NULL;
    if (sr == GEN_RETURN) {
        Object *r;
        if (task->must_cancel) {
            // Cancelled just as the coroutine returned.
            task->must_cancel = false;
            r = future_cancel_impl(fut, fut->cancel_msg) < 0 ? NULL : NEWREF(None);
        } else {
            r = future_set_result_impl(fut, result);
        }
        DECREF(result);
        set_discard(all_tasks, (Object *)task);
        if (!r) ret = NULL;
        else DECREF(r);
    } else if (sr == GEN_ERROR) {
        Object *e = err_fetch();
        set_discard(all_tasks, (Object *)task);
        if (ensure_refs() == 0 && is_cancelled_error(e)) {
            SETREF(fut->cancelled_exc, e);   // re-raised by result() later
            if (future_cancel_impl(fut, NULL) < 0) ret = NULL;
        } else {
            Object *r = future_set_exception_impl(fut, e);
            if (!r) ret = NULL;
            else DECREF(r);
            if (exc_matches(e, (Object *)Exc_KeyboardInterrupt) > 0 || exc_matches(e, (Object *)Exc_SystemExit) > 0)
                reraise = NEWREF(e);
            DECREF(e);
        }
    } else {
        if (task_handle_yield(task, result) < 0) ret = NULL;
        DECREF(result);
    }

    Object *pending = ret ? NULL : err_fetch();
    if (leave_task(loop, (Object *)task) < 0) {
        XDECREF(pending);
        XDECREF(reraise);
        DECREF(loop);
        return NULL;
    }
    DECREF(loop);
    if (pending) {
        XDECREF(reraise);
        err_restore(pending);
        return NULL;
    }
    if (reraise) {
        err_set_object(reraise);
        DECREF(reraise);
        return NULL;
    }
    RETURN_NONE;
}

static Object *task_step(TaskObject *task, Object *exc) {
    INCREF(task);   // the step may drop the last other references
    Object *r = task_step_impl(task, exc);
    DECREF(task);
    return r;
}

// task_wakeup(future): the future the task waited on is done.
static Object *task_wakeup_impl(TaskObject *task, Object *f) {
    Object *r;
    if (FUTURE_CHECK(f)) {
        FutureObject *fut = FUT(f);
        if (fut->state == STATE_FINISHED && !fut->exception) return task_step(task, NULL);
        r = future_result_impl(fut);
    } else {
        r = obj_call_method_obj(f, S_result, NULL, 0);
    }
    if (r) {
        DECREF(r);
        return task_step(task, NULL);
    }
    Object *e = err_fetch();
    Object *out = task_step(task, e);
    DECREF(e);
    return out;
}

static Object *task_wakeup(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("task_wakeup", kwnames) < 0 || args_count("task_wakeup", nargs, 1, 1) < 0) return NULL;
    return task_wakeup_impl(TASK(self), args[0]);
}

static Object *task_repr(Object *self) {
    if (ensure_refs() < 0) return NULL;
    return obj_call1(task_repr_func, self);
}

static Object *task_get_coro(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("get_coro", kwnames) < 0 || args_count("get_coro", nargs, 0, 0) < 0) return NULL;
    return NEWREF(TASK(self)->coro ? TASK(self)->coro : None);
}

static Object *task_get_context(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("get_context", kwnames) < 0 || args_count("get_context", nargs, 0, 0) < 0) return NULL;
    return NEWREF(TASK(self)->context ? TASK(self)->context : None);
}

static Object *task_get_name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("get_name", kwnames) < 0 || args_count("get_name", nargs, 0, 0) < 0) return NULL;
    return task_get_name_impl(TASK(self));
}

static Object *task_set_name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("set_name", kwnames) < 0 || args_count("set_name", nargs, 1, 1) < 0) return NULL;
    Object *s = STR_CHECK_EXACT(args[0]) ? NEWREF(args[0]) : obj_str(args[0]);
    if (!s) return NULL;
    SETREF(TASK(self)->name, s);
    RETURN_NONE;
}

static Object *task_set_result(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return vm_raise(Exc_RuntimeError, "Task does not support set_result operation");
}

static Object *task_set_exception(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return vm_raise(Exc_RuntimeError, "Task does not support set_exception operation");
}

static Object *task_cancel(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"msg"};
    Object *msg = NULL;
    if (args_parse("cancel", args, nargs, kwnames, names, 1, 0, &msg) < 0) return NULL;
    int r = task_cancel_impl(TASK(self), msg);
    if (r < 0) return NULL;
    return bool_from(r);
}

static Object *task_cancelling(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("cancelling", kwnames) < 0 || args_count("cancelling", nargs, 0, 0) < 0) return NULL;
    return int_from_long(TASK(self)->num_cancels);
}

static Object *task_uncancel(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("uncancel", kwnames) < 0 || args_count("uncancel", nargs, 0, 0) < 0) return NULL;
    TaskObject *t = TASK(self);
    if (t->num_cancels > 0) t->num_cancels--;
    return int_from_long(t->num_cancels);
}

static Object *task_get_stack(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"$limit"};
    Object *limit = NULL;
    if (args_parse("get_stack", args, nargs, kwnames, names, 1, 0, &limit) < 0) return NULL;
    if (ensure_refs() < 0) return NULL;
    return obj_call2(task_get_stack_func, self, limit ? limit : None);
}

static Object *task_print_stack(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"$limit", "$file"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("print_stack", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    if (ensure_refs() < 0) return NULL;
    Object *call_args[3] = {self, a[0] ? a[0] : None, a[1] ? a[1] : None};
    return obj_call(task_print_stack_func, call_args, 3, NULL);
}

static const MethodDef task_methods[] = {
    {"get_coro", task_get_coro, 0, NULL},
    {"get_context", task_get_context, 0, NULL},
    {"get_name", task_get_name, 0, NULL},
    {"set_name", task_set_name, 0, NULL},
    {"set_result", task_set_result, 0, NULL},
    {"set_exception", task_set_exception, 0, NULL},
    {"cancel", task_cancel, 0, "Ask the task to cancel itself (CancelledError at its await)."},
    {"cancelling", task_cancelling, 0, "The number of pending cancellation requests."},
    {"uncancel", task_uncancel, 0, "Take back one cancellation request."},
    {"get_stack", task_get_stack, 0, NULL},
    {"print_stack", task_print_stack, 0, NULL},
    {"task_wakeup", task_wakeup, 0, NULL},
    {NULL, NULL, 0, NULL}};

static Object *tget_coro(Object *self, void *c) { return NEWREF(TASK(self)->coro ? TASK(self)->coro : None); }
static Object *tget_fut_waiter(Object *self, void *c) {
    return NEWREF(TASK(self)->fut_waiter ? TASK(self)->fut_waiter : None);
}
static Object *tget_must_cancel(Object *self, void *c) { return bool_from(TASK(self)->must_cancel); }
static Object *tget_log_destroy_pending(Object *self, void *c) { return bool_from(TASK(self)->log_destroy_pending); }
static int tset_log_destroy_pending(Object *self, Object *v, void *c) {
    if (!v) {
        vm_raise(Exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int t = obj_istrue(v);
    if (t < 0) return -1;
    TASK(self)->log_destroy_pending = t;
    return 0;
}
static Object *tget_num_cancels(Object *self, void *c) { return int_from_long(TASK(self)->num_cancels); }

static const GetSetDef task_getset[] = {
    {"_coro", tget_coro, NULL, NULL},
    {"_fut_waiter", tget_fut_waiter, NULL, NULL},
    {"_must_cancel", tget_must_cancel, NULL, NULL},
    {"_log_destroy_pending", tget_log_destroy_pending, tset_log_destroy_pending, NULL},
    {"_num_cancels_requested", tget_num_cancels, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

static int task_clear(Object *self) {
    TaskObject *t = TASK(self);
    CLEAR(t->coro);
    CLEAR(t->name);
    CLEAR(t->fut_waiter);
    CLEAR(t->context);
    CLEAR(t->step_cb);
    CLEAR(t->wakeup_cb);
    return future_clear(self);
}

static int task_traverse(Object *self, visitproc visit, void *arg) {
    TaskObject *t = TASK(self);
    Object *fields[] = {t->coro, t->name, t->fut_waiter, t->context, t->step_cb, t->wakeup_cb};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && visit(fields[i], arg)) return -1;
    return future_traverse(self, visit, arg);
}

static void task_dealloc(Object *self) {
    if (future_finalize_once(self)) {
        gc_track(self);
        return;
    }
    task_clear(self);
    obj_free(self);
}

static TypeObject TaskType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_asyncio.Task",
    .basicsize = sizeof(TaskObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "A coroutine wrapped in a Future, run by the loop one step at a time (asyncio.Task in C).",
    .dealloc = task_dealloc,
    .repr = task_repr,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .tp_new = future_tp_new,
    .init = task_init,
    .traverse = task_traverse,
    .clear = task_clear,
    .finalize = future_finalize_slot,
    .methods = task_methods,
    .getset = task_getset,
    .base = &FutureType,
    .dictoffset = offsetof(FutureObject, dict),
};

// ---- TaskStepMethWrapper: the callable the loop runs for a step ----------------------

static Object *step_call(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("TaskStepMethWrapper", kwnames) < 0 || args_count("TaskStepMethWrapper", nargs, 0, 1) < 0)
        return NULL;
    Object *task = ((StepObject *)self)->task;
    if (!task) return vm_raise(Exc_RuntimeError, "the task of this step is gone");
    return task_step(TASK(task), nargs ? args[0] : NULL);
}

static Object *step_get_self(Object *self, void *c) {
    Object *t = ((StepObject *)self)->task;
    return NEWREF(t ? t : None);
}

static void step_dealloc(Object *self) {
    CLEAR(((StepObject *)self)->task);
    obj_free(self);
}

static int step_traverse(Object *self, visitproc visit, void *arg) {
    Object *t = ((StepObject *)self)->task;
    return t ? visit(t, arg) : 0;
}

static int step_clear(Object *self) {
    CLEAR(((StepObject *)self)->task);
    return 0;
}

static const GetSetDef step_getset[] = {
    {"__self__", step_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

static TypeObject StepType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "TaskStepMethWrapper",
    .basicsize = sizeof(StepObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = step_dealloc,
    .getattro = obj_generic_getattr,
    .call = step_call,
    .traverse = step_traverse,
    .clear = step_clear,
    .getset = step_getset,
};


// ---- Handle and TimerHandle: the loop's scheduled calls ---------------------------------
//
// asyncio/events.py defines them in Python and takes these instead when this
// module is there (CPython keeps its Handles in Python; minipy's Python
// objects each carry a dict, which made a Handle ten times bigger). The
// reprs and the error report of a failing callback are Python functions in
// events.py (_handle_repr_info, _handle_report_error).


typedef struct {
    OBJ_HEAD;
    Object *callback;           // NULL once cancelled
    Object *args;               // see kind; NULL once cancelled
    Object *loop;
    Object *context;
    Object *debug;              // debug mode: where the handle was made (a list, or NULL);
                                // after cancel() the pair (repr from before, that list or None)
    Object *when_obj;           // TimerHandle: the loop time it is due at, unless an exact float
    double when;
    bool cancelled;
    bool scheduled;             // TimerHandle: in the loop's heap
    uint8_t kind;               // HK_CALL ...
} HandleObject;

static TypeObject HandleType, TimerHandleType;
static int handle_run_failed(HandleObject *h);
#define HANDLE(o) ((HandleObject *)(o))
#define HANDLE_CHECK(o) (TYPE(o) == &HandleType || TYPE(o) == &TimerHandleType || type_is_subtype(TYPE(o), &HandleType))
#define TIMER_CHECK(o) (TYPE(o) == &TimerHandleType || type_is_subtype(TYPE(o), &TimerHandleType))

static Object *handle_repr_info_func, *handle_report_error_func;
static Object *S__debug, *S__timer_handle_cancelled, *S_run;

static int ensure_handle_refs(void) {
    if (handle_repr_info_func) return 0;
    if (ensure_refs() < 0) return -1;
    if (!(handle_report_error_func = import_attr("asyncio.events", "_handle_report_error")) ||
        !(handle_repr_info_func = import_attr("asyncio.events", "_handle_repr_info")))
        return -1;
    return 0;
}

// loop._debug (or loop.get_debug() for a loop without the attribute).
static int loop_debug(Object *loop) {
    int error = 0;
    Object *d = obj_lookup_attr(loop, S__debug, &error);
    if (error) return -1;
    if (!d) d = obj_call_method_obj(loop, S_get_debug, NULL, 0);
    if (!d) return -1;
    int t = obj_istrue(d);
    DECREF(d);
    return t;
}

// The callable the handle runs, as Python sees it (_callback); h->callback
// must be set. New reference.
static Object *handle_callable(HandleObject *h) {
    Object *f;
    switch (h->kind) {
    case HK_TASK_STEP: f = task_step_cb(TASK(h->callback)); break;
    case HK_TASK_WAKEUP: f = task_wakeup_cb(TASK(h->callback)); break;
    default: f = h->callback; break;
    }
    return f ? NEWREF(f) : NULL;
}

// The arguments as a tuple (_args); h->callback must be set. New reference.
static Object *handle_args(HandleObject *h) {
    if (h->kind == HK_CALL) return NEWREF(h->args ? h->args : None);
    return h->args ? tuple_pack(1, h->args) : tuple_new(0);
}

// A TimerHandle's when(): the object it was given, kept only when that was
// not an exact float. New reference.
static Object *handle_when(HandleObject *h) {
    if (h->when_obj) return NEWREF(h->when_obj);
    return TIMER_CHECK(h) ? float_from_double(h->when) : NEWREF(None);
}

static int handle_setup(HandleObject *h, Object *callback, Object *args, Object *loop, Object *context) {
    if (ensure_handle_refs() < 0) return -1;
    SETREF(h->callback, NEWREF(callback));
    if (TUPLE_CHECK_EXACT(args) && TUPLE_SIZE(args) <= 1) {
        // One argument or none: kept without the tuple (_args makes it again).
        SETREF(h->args, TUPLE_SIZE(args) ? NEWREF(TUPLE_ITEMS(args)[0]) : NULL);
        h->kind = HK_CALL1;
    } else {
        SETREF(h->args, NEWREF(args));
        h->kind = HK_CALL;
    }
    SETREF(h->loop, NEWREF(loop));
    // The callback runs in a copy of the current context unless given one.
    Object *ctx = context && context != None ? NEWREF(context) : context_copy_current();
    if (!ctx) return -1;
    SETREF(h->context, ctx);
    h->cancelled = false;
    int dbg = loop_debug(loop);
    if (dbg < 0) return -1;
    if (dbg) {
        Object *stack = obj_call0(extract_stack_func);
        if (!stack) return -1;
        SETREF(h->debug, stack);
    } else {
        CLEAR(h->debug);
    }
    return 0;
}

static int handle_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"callback", "args", "loop", "context"};
    Object *a[4] = {NULL, NULL, NULL, NULL};
    if (args_parse("Handle", args, nargs, kwnames, names, 4, 3, a) < 0) return -1;
    return handle_setup(HANDLE(self), a[0], a[1], a[2], a[3]);
}

static int timerhandle_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"when", "callback", "args", "loop", "context"};
    Object *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (args_parse("TimerHandle", args, nargs, kwnames, names, 5, 4, a) < 0) return -1;
    HandleObject *h = HANDLE(self);
    double w = FLOAT_CHECK_EXACT(a[0]) ? float_value(a[0]) : float_as_double(a[0]);
    if (w == -1.0 && err_occurred()) return -1;
    if (handle_setup(h, a[1], a[2], a[3], a[4]) < 0) return -1;
    if (h->debug && LIST_CHECK(h->debug) && LIST_SIZE(h->debug) > 0) {
        // Drop TimerHandle.__init__'s caller frame, as the Python class does.
        Object *cut = obj_call_method(h->debug, "pop", NULL, 0);
        if (!cut) return -1;
        DECREF(cut);
    }
    h->when = w;
    SETREF(h->when_obj, FLOAT_CHECK_EXACT(a[0]) ? NULL : NEWREF(a[0]));
    h->scheduled = false;
    return 0;
}

static Object *handle_tp_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    return type_generic_alloc(type, 0);
}

// Runs the callback; an exception other than SystemExit/KeyboardInterrupt
// goes to the loop's exception handler. Returns 0, or -1 with those two.
static int handle_run_impl(HandleObject *h) {
    if (!h->callback) return 0;
    Object *r;
    if (h->kind != HK_CALL && (!h->context || context_check(h->context))) {
        // The common forms, without making the callable and its arguments;
        // a Context is entered directly (as Context.run).
        Object *ctx = h->context ? NEWREF(h->context) : NULL;
        if (ctx && context_enter(ctx) < 0) {
            DECREF(ctx);
            return handle_run_failed(h);
        }
        Object *cb = NEWREF(h->callback), *arg = h->args ? NEWREF(h->args) : NULL;
        switch (h->kind) {
        case HK_TASK_STEP: r = task_step(TASK(cb), arg); break;
        case HK_TASK_WAKEUP: r = task_wakeup_impl(TASK(cb), arg); break;
        default: r = arg ? obj_call(cb, &arg, 1, NULL) : obj_call0(cb); break;
        }
        DECREF(cb);
        XDECREF(arg);
        if (ctx) {
            context_exit(ctx);
            DECREF(ctx);
        }
        if (r) {
            DECREF(r);
            return 0;
        }
        return handle_run_failed(h);
    }
    Object *cb = handle_callable(h);
    if (!cb) return handle_run_failed(h);
    Object *args = handle_args(h);
    if (!args) {
        DECREF(cb);
        return handle_run_failed(h);
    }
    Object *const *items = TUPLE_CHECK(args) ? TUPLE_ITEMS(args) : NULL;
    ssize_t n = items ? TUPLE_SIZE(args) : 0;
    if (h->context && items && context_check(h->context)) {
        r = context_run_vector(h->context, cb, items, n);
    } else if (h->context) {
        int error = 0;
        Object *run = obj_lookup_attr(h->context, S_run, &error);
        if (run) {
            Object *all = tuple_new(n + 1);
            if (all) {
                TUPLE_ITEMS(all)[0] = NEWREF(cb);
                for (ssize_t i = 0; i < n; i++) TUPLE_ITEMS(all)[i + 1] = NEWREF(items[i]);
                r = obj_call(run, TUPLE_ITEMS(all), n + 1, NULL);
                DECREF(all);
            } else {
                r = NULL;
            }
            DECREF(run);
        } else if (error) {
            r = NULL;
        } else {
            r = items ? obj_call(cb, items, n, NULL) : obj_call_tuple_dict(cb, args, NULL);
        }
    } else {
        r = items ? obj_call(cb, items, n, NULL) : obj_call_tuple_dict(cb, args, NULL);
    }
    if (r) {
        DECREF(r);
        DECREF(cb);
        DECREF(args);
        return 0;
    }
    DECREF(cb);
    DECREF(args);
    return handle_run_failed(h);
}

// The callback raised (the exception is set): SystemExit and
// KeyboardInterrupt propagate (-1), anything else goes to the loop's
// exception handler (0).
static int handle_run_failed(HandleObject *h) {
    Object *e = err_fetch();
    if (exc_matches(e, (Object *)Exc_KeyboardInterrupt) > 0 || exc_matches(e, (Object *)Exc_SystemExit) > 0) {
        err_restore(e);
        return -1;
    }
    Object *cb = handle_callable(h), *args = cb ? handle_args(h) : NULL;
    Object *r = NULL;
    if (args) {
        Object *call_args[4] = {(Object *)h, e, cb, args};
        r = ensure_handle_refs() < 0 ? NULL : obj_call(handle_report_error_func, call_args, 4, NULL);
    }
    XDECREF(cb);
    XDECREF(args);
    DECREF(e);
    if (!r) {
        Object *e2 = err_fetch();
        if (exc_matches(e2, (Object *)Exc_KeyboardInterrupt) > 0 || exc_matches(e2, (Object *)Exc_SystemExit) > 0) {
            err_restore(e2);
            return -1;
        }
        err_write_unraisable("Exception in the exception handler of", (Object *)h, e2);
        return 0;
    }
    DECREF(r);
    return 0;
}

static Object *handle_run(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_run", kwnames) < 0 || args_count("_run", nargs, 0, 0) < 0) return NULL;
    INCREF(self);
    int r = handle_run_impl(HANDLE(self));
    DECREF(self);
    if (r < 0) return NULL;
    RETURN_NONE;
}

static int handle_cancel_impl(HandleObject *h) {
    if (h->cancelled) return 0;
    if (TIMER_CHECK(h) && h->loop) {
        Object *r = obj_call_method_obj(h->loop, S__timer_handle_cancelled, (Object **)&h, 1);
        if (!r) return -1;
        DECREF(r);
    }
    h->cancelled = true;
    if (h->loop) {
        int dbg = loop_debug(h->loop);
        if (dbg < 0) return -1;
        if (dbg) {
            // Keep the text with the callback in it for debug reports.
            Object *rep = obj_repr((Object *)h);
            if (!rep) return -1;
            Object *pair = tuple_pack(2, rep, h->debug && !TUPLE_CHECK_EXACT(h->debug) ? h->debug : None);
            DECREF(rep);
            if (!pair) return -1;
            SETREF(h->debug, pair);
        }
    }
    CLEAR(h->callback);
    CLEAR(h->args);
    return 0;
}

static Object *handle_cancel(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("cancel", kwnames) < 0 || args_count("cancel", nargs, 0, 0) < 0) return NULL;
    if (handle_cancel_impl(HANDLE(self)) < 0) return NULL;
    RETURN_NONE;
}

static Object *handle_cancelled(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("cancelled", kwnames) < 0 || args_count("cancelled", nargs, 0, 0) < 0) return NULL;
    return bool_from(HANDLE(self)->cancelled);
}

static Object *handle_get_context(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("get_context", kwnames) < 0 || args_count("get_context", nargs, 0, 0) < 0) return NULL;
    return NEWREF(HANDLE(self)->context ? HANDLE(self)->context : None);
}

static Object *handle_repr_info(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_repr_info", kwnames) < 0 || args_count("_repr_info", nargs, 0, 0) < 0) return NULL;
    if (ensure_handle_refs() < 0) return NULL;
    return obj_call1(handle_repr_info_func, self);
}

static Object *handle_repr(Object *self) {
    HandleObject *h = HANDLE(self);
    if (h->debug && TUPLE_CHECK_EXACT(h->debug)) return NEWREF(TUPLE_ITEMS(h->debug)[0]);
    Object *info = obj_call_method(self, "_repr_info", NULL, 0);
    if (!info) return NULL;
    Object *sep = str_from_cstr(" ");
    Object *joined = sep ? obj_call_method(sep, "join", &info, 1) : NULL;
    XDECREF(sep);
    DECREF(info);
    if (!joined) return NULL;
    Object *r = str_from_format("<%U>", joined);
    DECREF(joined);
    return r;
}

static Object *timerhandle_when(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("when", kwnames) < 0 || args_count("when", nargs, 0, 0) < 0) return NULL;
    return handle_when(HANDLE(self));
}

static hash_t timerhandle_hash(Object *self) { return hash_double(HANDLE(self)->when); }

static Object *timerhandle_richcompare(Object *v, Object *w, int op) {
    if (!TIMER_CHECK(v) || !TIMER_CHECK(w)) RETURN_NOTIMPL;
    HandleObject *a = HANDLE(v), *b = HANDLE(w);
    int eq = -1;   // computed when needed
    if (op == CMP_EQ_OP || op == CMP_NE_OP || op == CMP_LE_OP || op == CMP_GE_OP) {
        eq = a->when == b->when && a->cancelled == b->cancelled;
        if (eq) {
            Object *ca = a->callback ? a->callback : None, *cb = b->callback ? b->callback : None;
            int c = ca == cb ? 1 : obj_richcompare_bool(ca, cb, CMP_EQ_OP);
            if (c < 0) return NULL;
            if (c && (a->callback || b->callback)) {
                // The argument tuples as Python sees them (a handle may keep its one argument bare).
                Object *xa = a->callback ? handle_args(a) : NEWREF(None);
                Object *xb = xa && b->callback ? handle_args(b) : (xa ? NEWREF(None) : NULL);
                c = !xb ? -1 : xa == xb ? 1 : obj_richcompare_bool(xa, xb, CMP_EQ_OP);
                XDECREF(xa);
                XDECREF(xb);
                if (c < 0) return NULL;
            }
            eq = c;
        }
    }
    switch (op) {
    case CMP_LT_OP: return bool_from(a->when < b->when);
    case CMP_GT_OP: return bool_from(a->when > b->when);
    case CMP_LE_OP: return bool_from(a->when < b->when || eq);
    case CMP_GE_OP: return bool_from(a->when > b->when || eq);
    case CMP_EQ_OP: return bool_from(eq);
    default: return bool_from(!eq);
    }
}

static int handle_clear(Object *self) {
    HandleObject *h = HANDLE(self);
    CLEAR(h->callback);
    CLEAR(h->args);
    CLEAR(h->loop);
    CLEAR(h->context);
    CLEAR(h->debug);
    CLEAR(h->when_obj);
    return 0;
}

static int handle_traverse(Object *self, visitproc visit, void *arg) {
    HandleObject *h = HANDLE(self);
    Object *fields[] = {h->callback, h->args, h->loop, h->context, h->debug, h->when_obj};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && visit(fields[i], arg)) return -1;
    return 0;
}

static void handle_dealloc(Object *self) {
    handle_clear(self);
    obj_free(self);
}

static Object *hget_callback(Object *self, void *c) { return HANDLE(self)->callback ? handle_callable(HANDLE(self)) : NEWREF(None); }
static Object *hget_args(Object *self, void *c) { return HANDLE(self)->callback ? handle_args(HANDLE(self)) : NEWREF(None); }
static Object *hget_loop(Object *self, void *c) { return NEWREF(HANDLE(self)->loop ? HANDLE(self)->loop : None); }
static Object *hget_context(Object *self, void *c) { return NEWREF(HANDLE(self)->context ? HANDLE(self)->context : None); }
static Object *hget_cancelled(Object *self, void *c) { return bool_from(HANDLE(self)->cancelled); }
static Object *hget_source_tb(Object *self, void *c) {
    Object *d = HANDLE(self)->debug;
    if (d && TUPLE_CHECK_EXACT(d)) d = TUPLE_ITEMS(d)[1];
    return NEWREF(d ? d : None);
}
static Object *hget_repr(Object *self, void *c) {
    Object *d = HANDLE(self)->debug;
    return NEWREF(d && TUPLE_CHECK_EXACT(d) ? TUPLE_ITEMS(d)[0] : None);
}
static Object *hget_when(Object *self, void *c) { return handle_when(HANDLE(self)); }
static Object *hget_scheduled(Object *self, void *c) { return bool_from(HANDLE(self)->scheduled); }
static int hset_scheduled(Object *self, Object *v, void *c) {
    if (!v) {
        vm_raise(Exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int t = obj_istrue(v);
    if (t < 0) return -1;
    HANDLE(self)->scheduled = t;
    return 0;
}

static const GetSetDef handle_getset[] = {
    {"_callback", hget_callback, NULL, NULL},
    {"_args", hget_args, NULL, NULL},
    {"_loop", hget_loop, NULL, NULL},
    {"_context", hget_context, NULL, NULL},
    {"_cancelled", hget_cancelled, NULL, NULL},
    {"_source_traceback", hget_source_tb, NULL, NULL},
    {"_repr", hget_repr, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

static const GetSetDef timerhandle_getset[] = {
    {"_when", hget_when, NULL, NULL},
    {"_scheduled", hget_scheduled, hset_scheduled, NULL},
    {NULL, NULL, NULL, NULL}};

static const MethodDef handle_methods[] = {
    {"cancel", handle_cancel, 0, "Cancel the call if it has not run yet."},
    {"cancelled", handle_cancelled, 0, NULL},
    {"get_context", handle_get_context, 0, NULL},
    {"_run", handle_run, 0, NULL},
    {"_repr_info", handle_repr_info, 0, NULL},
    {NULL, NULL, 0, NULL}};

static const MethodDef timerhandle_methods[] = {
    {"when", timerhandle_when, 0, "The loop time the callback is due at."},
    {NULL, NULL, 0, NULL}};

static TypeObject HandleType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "asyncio.events.Handle",
    .basicsize = sizeof(HandleObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "A callback and its arguments, scheduled on a loop.",
    .dealloc = handle_dealloc,
    .repr = handle_repr,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .tp_new = handle_tp_new,
    .init = handle_init,
    .traverse = handle_traverse,
    .clear = handle_clear,
    .methods = handle_methods,
    .getset = handle_getset,
};

static TypeObject TimerHandleType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "asyncio.events.TimerHandle",
    .basicsize = sizeof(HandleObject),
    .flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC,
    .doc = "A Handle due at a loop time; orders by that time.",
    .dealloc = handle_dealloc,
    .repr = handle_repr,
    .hash = timerhandle_hash,
    .richcompare = timerhandle_richcompare,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .tp_new = handle_tp_new,
    .init = timerhandle_init,
    .traverse = handle_traverse,
    .clear = handle_clear,
    .methods = timerhandle_methods,
    .getset = timerhandle_getset,
    .base = &HandleType,
};


// call_soon without calling BaseEventLoop.call_soon (the same thing done
// here) when the loop's class has not replaced that method and the loop is
// neither closed nor in debug mode. Returns 0 (done), -1 (error) or 1 (not
// applicable: take the normal path).
static Object *base_call_soon, *S__ready, *S__closed;

static int call_soon_fast(Object *loop, int kind, Object *fn, Object *arg, Object *ctx) {
    if (!base_call_soon) {
        base_call_soon = import_attr("asyncio.base_events", "BaseEventLoop");
        if (!base_call_soon) return -1;
        Object *f = obj_getattr(base_call_soon, S_call_soon);
        DECREF(base_call_soon);
        base_call_soon = f;
        if (!f) return -1;
        if (ensure_handle_refs() < 0) return -1;
    }
    if (type_lookup(TYPE(loop), S_call_soon) != base_call_soon) return 1;
    Object **dp = obj_dict_ptr(loop);
    if (!dp || !*dp) return 1;
    Object *closed = dict_getitem(*dp, S__closed), *debug = dict_getitem(*dp, S__debug);
    if (!closed || !debug || closed != False || debug != False) return 1;
    Object *ready = dict_getitem(*dp, S__ready);
    if (!ready) return 1;
    Object *append = type_lookup(TYPE(ready), S_append);   // deque.append, unbound
    if (!append) return 1;
    HandleObject *h = (HandleObject *)type_generic_alloc(&HandleType, 0);
    if (!h) return -1;
    h->kind = (uint8_t)kind;
    h->callback = NEWREF(fn);
    h->args = arg ? NEWREF(arg) : NULL;
    h->loop = NEWREF(loop);
    h->context = ctx && ctx != None ? NEWREF(ctx) : NULL;
    INCREF(ready);
    INCREF(append);
    Object *call_args[2] = {ready, (Object *)h};
    Object *r = obj_call(append, call_args, 2, NULL);
    DECREF(append);
    DECREF(ready);
    DECREF(h);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

// _run_ready(ready, n): the loop's inner loop without debug mode: pop n
// handles off the deque and run those not cancelled.
static Object *S_popleft;

static Object *mod_run_ready(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_no_kw("_run_ready", kwnames) < 0 || args_count("_run_ready", nargs, 2, 2) < 0) return NULL;
    Object *ready = args[0];
    ssize_t n = num_as_ssize(args[1], Exc_OverflowError);
    if (n == -1 && err_occurred()) return NULL;
    Object *popleft = obj_getattr(ready, S_popleft);
    if (!popleft) return NULL;
    for (ssize_t i = 0; i < n; i++) {
        Object *h = obj_call0(popleft);
        if (!h) goto fail;
        int r;
        if (HANDLE_CHECK(h) && type_lookup(TYPE(h), S_run) == type_lookup(&HandleType, S_run)) {
            r = HANDLE(h)->cancelled ? 0 : handle_run_impl(HANDLE(h));
        } else {
            Object *c = obj_getattr_str(h, "_cancelled");
            int t = c ? obj_istrue(c) : -1;
            XDECREF(c);
            if (t < 0) {
                r = -1;
            } else if (t) {
                r = 0;
            } else {
                Object *res = obj_call_method_obj(h, S_run, NULL, 0);
                r = res ? 0 : -1;
                XDECREF(res);
            }
        }
        DECREF(h);
        if (r < 0) goto fail;
    }
    DECREF(popleft);
    RETURN_NONE;
fail:
    DECREF(popleft);
    return NULL;
}

// ---- The module ------------------------------------------------------------------------

static const MethodDef asyncio_functions[] = {
    {"_register_task", mod_register_task, 0, "Register a new task."},
    {"_unregister_task", mod_unregister_task, 0, "Unregister a task."},
    {"_enter_task", mod_enter_task, 0, "Mark task as running on loop."},
    {"_leave_task", mod_leave_task, 0, "Mark task as no longer running on loop."},
    {"_run_ready", mod_run_ready, 0, "Run n handles off the loop's ready deque."},
    {NULL, NULL, 0, NULL}};

Object *module_init__asyncio(void) {
    type_ready(&FutureType);
    type_ready(&TaskType);
    type_ready(&FutureIterType);
    type_ready(&StepType);
    type_ready(&HandleType);
    type_ready(&TimerHandleType);
    if (!all_tasks) {
        S_call_soon = str_intern_cstr("call_soon");
        S_add_done_callback = str_intern_cstr("add_done_callback");
        S_cancel = str_intern_cstr("cancel");
        S_result = str_intern_cstr("result");
        S_get_debug = str_intern_cstr("get_debug");
        S_call_exception_handler = str_intern_cstr("call_exception_handler");
        S_context = str_intern_cstr("context");
        S_msg = str_intern_cstr("msg");
        S_asyncio_future_blocking = str_intern_cstr("_asyncio_future_blocking");
        S_get_loop = str_intern_cstr("get_loop");
        S__debug = str_intern_cstr("_debug");
        S__timer_handle_cancelled = str_intern_cstr("_timer_handle_cancelled");
        S_run = str_intern_cstr("_run");
        S_popleft = str_intern_cstr("popleft");
        S__ready = str_intern_cstr("_ready");
        S__closed = str_intern_cstr("_closed");
        S_str_pending = str_intern_cstr("PENDING");
        S_str_cancelled = str_intern_cstr("CANCELLED");
        S_str_finished = str_intern_cstr("FINISHED");
        context_kwnames = tuple_pack(1, S_context);
        msg_kwnames = tuple_pack(1, S_msg);
        all_tasks = set_new(NULL);
        current_tasks = dict_new();
        if (!context_kwnames || !msg_kwnames || !all_tasks || !current_tasks) return NULL;
    }
    Object *m = module_new_cstr("_asyncio");
    if (!m) return NULL;
    if (module_add_functions(m, asyncio_functions) < 0 ||
        module_add_object(m, "Future", (Object *)&FutureType) < 0 ||
        module_add_object(m, "Task", (Object *)&TaskType) < 0 ||
        module_add_object(m, "Handle", (Object *)&HandleType) < 0 ||
        module_add_object(m, "TimerHandle", (Object *)&TimerHandleType) < 0 ||
        module_add_object(m, "_all_tasks", all_tasks) < 0 ||
        module_add_object(m, "_current_tasks", current_tasks) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
