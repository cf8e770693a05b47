// Interpreter and thread states, and frame allocation on each thread's data
// stack (CPython's Python/pystate.c and the _PyThreadState_PushFrame part of
// ceval.c).
#include "runtime.h"
#include "gc.h"
#include "objects/frameobject.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

Interp the_interp = {.threads_mutex = PTHREAD_MUTEX_INITIALIZER, .gil_enabled = 1};
_Thread_local ThreadState *tstate_current;

#define DATA_CHUNK_SIZE (16 * 1024)   // in pointers

ThreadState *tstate_new(Interp *interp) {
    ThreadState *ts = calloc(1, sizeof(ThreadState));
    if (!ts) return NULL;
    ts->interp = interp;
    ts->exc_info = &ts->exc_base;
    ts->thread_id = (unsigned long)pthread_self();
#ifdef MINIPY_FT
    if (ft_thread_init(ts) < 0) {
        free(ts);
        return NULL;
    }
#endif
    pthread_mutex_lock(&interp->threads_mutex);
    ts->next = interp->threads;
    interp->threads = ts;
    pthread_mutex_unlock(&interp->threads_mutex);
    return ts;
}

void tstate_clear(ThreadState *ts) {
    CLEAR(ts->curexc);
    CLEAR(ts->exc_base.exc_value);
    CLEAR(ts->dict);
    CLEAR(ts->asyncgen_firstiter);
    CLEAR(ts->asyncgen_finalizer);
    CLEAR(ts->context);
}

// The object freelists are per thread: a thread that ends gives them back
// (called by the ending thread itself; its objects are all released).
void int_freelist_clear(void), float_freelist_clear(void), tuple_freelist_clear(void);
void list_freelist_clear(void), dict_freelist_clear(void), method_freelist_clear(void);

void tstate_clear_freelists(void) {
    int_freelist_clear();
    float_freelist_clear();
    tuple_freelist_clear();
    list_freelist_clear();
    dict_freelist_clear();
    method_freelist_clear();
}

void tstate_delete(ThreadState *ts) {
    Interp *interp = ts->interp;
#ifdef MINIPY_FT
    ft_thread_fini(ts);
#endif
    pthread_mutex_lock(&interp->threads_mutex);
    for (ThreadState **p = &interp->threads; *p; p = &(*p)->next) {
        if (*p == ts) {
            *p = ts->next;
            break;
        }
    }
    pthread_mutex_unlock(&interp->threads_mutex);
    DataChunk *c = ts->datastack;
    while (c) {
        DataChunk *prev = c->previous;
        free(c);
        c = prev;
    }
    free(ts->gil_stats.events);
    if (tstate_current == ts) tstate_current = NULL;
    free(ts);
}

// In the child after fork() (vm/fork.c, CPython's _PyThreadState_DeleteExcept):
// only ts, the forking thread, survives, and it becomes the main thread.
// The other thread states are unlinked but not freed: their frames and
// what they reference are left as they were, kept reachable from this
// list, so a frame object or generator that still points into them stays
// valid. None of their code runs again.
static ThreadState *forked_away;

void tstate_after_fork_child(ThreadState *ts) {
    Interp *interp = ts->interp;
    ThreadState *t = interp->threads;
    while (t) {
        ThreadState *next = t->next;
        if (t != ts) {
#ifdef MINIPY_FT
            ft_forget_thread(t);
#endif
            t->next = forked_away;
            forked_away = t;
        }
        t = next;
    }
    ts->next = NULL;
    interp->threads = ts;
    interp->main_thread = ts;
    atomic_store(&interp->nthreads, 0);
    // Held by this thread since fork_prepare().
    pthread_mutex_unlock(&interp->threads_mutex);
}

void tstate_bind(ThreadState *ts) {
    tstate_current = ts;
#ifdef MINIPY_FT
    brc_thread_bind(ts);
    gc_thread_bind(ts);
#endif
    tstate_set_stack_limit(ts);
}

void tstate_set_stack_limit(ThreadState *ts) {
    // Leave a margin below the current position for C frames that do not check.
    pthread_attr_t attr;
    void *addr;
    size_t size;
    char here;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
            size_t margin = size / 8 < 256 * 1024 ? size / 8 : 256 * 1024;
            ts->stack_limit = (char *)addr + margin;
        }
        pthread_attr_destroy(&attr);
    }
    if (!ts->stack_limit || (uintptr_t)ts->stack_limit > (uintptr_t)&here)
        ts->stack_limit = (char *)((uintptr_t)&here - 1024 * 1024);
}

static int push_chunk(ThreadState *ts, size_t need) {
    size_t n = need > DATA_CHUNK_SIZE ? need * 2 : DATA_CHUNK_SIZE;
    DataChunk *c = malloc(sizeof(DataChunk) + n * sizeof(Object *));
    if (!c) {
        err_no_memory();
        return -1;
    }
    if (ts->datastack) ts->datastack->top = ts->datastack_top;
    c->previous = ts->datastack;
    c->limit = c->data + n;
    c->top = c->data;
    ts->datastack = c;
    ts->datastack_top = c->data;
    ts->datastack_limit = c->limit;
    return 0;
}

Frame *frame_push(ThreadState *ts, FunctionObject *func, CodeObject *code) {
    size_t words = (sizeof(Frame) + sizeof(Object *) - 1) / sizeof(Object *) + (size_t)code->framesize;
    if (!ts->datastack_top || ts->datastack_top + words > ts->datastack_limit) {
        if (push_chunk(ts, words + 1) < 0) return NULL;
    }
    Object **base = ts->datastack_top;
    ts->datastack_top = base + words;
    Frame *f = (Frame *)base;
    f->func = func ? (FunctionObject *)NEWREF(func) : NULL;
    f->code = (CodeObject *)NEWREF(code);
    f->globals = func ? func->globals : NULL;
    f->builtins = func ? func->builtins : the_interp.builtins;
    f->locals = NULL;
    f->previous = NULL;
    f->prev_instr = code->code - 1;
    f->stacktop = code->nlocalsplus;
    f->owner = FRAME_OWNED_BY_THREAD;
    f->state = FRAME_EXECUTING;  // read by frame.f_back (a generator's frame sets its own)
    f->is_entry = false;
    f->frame_obj = NULL;
    memset(f->localsplus, 0, sizeof(Object *) * (size_t)code->nlocalsplus);
    return f;
}

void frame_clear(Frame *f) {
    if (f->frame_obj) frame_detach_object(f);
    for (int i = 0; i < f->stacktop; i++) XDECREF(f->localsplus[i]);
    f->stacktop = 0;
    CLEAR(f->locals);
    if (!f->func) XDECREF(f->globals);
    f->globals = NULL;
    CLEAR(f->func);
    CLEAR(f->code);
}

void frame_pop(ThreadState *ts, Frame *f) {
    frame_clear(f);
    Object **base = (Object **)f;
    DataChunk *c = ts->datastack;
    if (base == c->data && c->previous) {
        // The first frame of this chunk: go back to the previous chunk.
        ts->datastack = c->previous;
        ts->datastack_top = c->previous->top;
        ts->datastack_limit = c->previous->limit;
        free(c);
        return;
    }
    ts->datastack_top = base;
}

int frame_current_line(Frame *f) {
    int line = code_addr2line(f->code, frame_lasti(f) < 0 ? 0 : frame_lasti(f));
    // Prologue instructions have no line: a generator not started yet is at its def.
    return line < 0 ? f->code->firstlineno : line;
}

// ---- Repr recursion guard (CPython's Py_ReprEnter) ----------------------------------------

int repr_enter(Object *o) {
    ThreadState *ts = tstate_get();
    if (!ts->dict) {
        ts->dict = dict_new();
        if (!ts->dict) return -1;
    }
    Object *key = str_intern_cstr("Py_Repr");
    Object *l = dict_getitem(ts->dict, key);
    if (!l) {
        l = list_new(0);
        if (!l || dict_setitem(ts->dict, key, l) < 0) {
            XDECREF(l);
            return -1;
        }
        DECREF(l);
    }
    for (ssize_t i = LIST_SIZE(l) - 1; i >= 0; i--)
        if (LIST_ITEMS(l)[i] == o) return 1;
    return list_append(l, o) < 0 ? -1 : 0;
}

void repr_leave(Object *o) {
    ThreadState *ts = tstate_get();
    if (!ts->dict) return;
    Object *l = dict_getitem(ts->dict, str_intern_cstr("Py_Repr"));
    if (!l) return;
    ListObject *lst = (ListObject *)l;
    for (ssize_t i = lst->size - 1; i >= 0; i--) {
        if (lst->items[i] == o) {
            Object *x = lst->items[i];
            memmove(lst->items + i, lst->items + i + 1, sizeof(Object *) * (size_t)(lst->size - i - 1));
            lst->size--;
            DECREF(x);
            return;
        }
    }
}
