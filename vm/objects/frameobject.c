// Frame objects: the Python-visible view of an interpreter frame
// (CPython's Objects/frameobject.c), for sys._getframe(), gi_frame and
// cr_frame.
//
// As in CPython 3.11, interpreter frames live on the thread's data stack
// (or inside a generator) and a frame object is created only when someone
// asks. While the interpreter frame runs, the object reads it directly; when
// the interpreter frame goes away (frame_pop, or a generator finishing), the
// object takes a snapshot of what it still needs (code, globals, builtins,
// line, locals) and forgets the interpreter frame.
#include "../runtime.h"
#include "frameobject.h"

static Object *frame_locals_dict(Frame *f) {
    if (f->locals) return NEWREF(f->locals);
    Object *d = dict_new();
    if (!d) return NULL;
    CodeObject *co = f->code;
    int n = f->stacktop < co->nlocalsplus ? f->stacktop : co->nlocalsplus;
    for (int i = 0; i < n; i++) {
        Object *v = f->localsplus[i];
        if (!v) continue;
        uint8_t k = co->localspluskinds[i];
        if (k & (CO_FAST_CELL | CO_FAST_FREE)) {
            if (TYPE(v) == &CellType) {
                v = ((CellObject *)v)->ref;
                if (!v) continue;
            } else if (!(k & CO_FAST_LOCAL)) {
                continue;
            }
        }
        if (dict_setitem(d, TUPLE_ITEMS(co->localsplusnames)[i], v) < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

Object *frame_get_object(Frame *f) {
    if (f->frame_obj) return NEWREF(f->frame_obj);
    FrameObject *fo = (FrameObject *)obj_alloc(&FrameType, sizeof(FrameObject));
    if (!fo) return NULL;
    fo->frame = f;
    f->frame_obj = fo;
    return (Object *)fo;
}

void frame_detach_object(Frame *f) {
    FrameObject *fo = f->frame_obj;
    f->frame_obj = NULL;
    if (!fo) return;
    Object *saved = err_fetch();
    fo->code = (CodeObject *)XNEWREF(f->code);
    fo->globals = XNEWREF(f->globals);
    fo->builtins = XNEWREF(f->builtins);
    fo->lineno = f->code ? frame_current_line(f) : 0;
    fo->lasti = f->code ? frame_lasti(f) : -1;
    fo->locals = f->code ? frame_locals_dict(f) : NULL;
    if (!fo->locals) err_clear();
    // f_back stays valid after the frame ends, as in CPython.
    if (f->previous && f->state != FRAME_SUSPENDED && f->owner == FRAME_OWNED_BY_THREAD) {
        fo->back = frame_get_object(f->previous);
        if (!fo->back) err_clear();
    }
    err_restore(saved);
    fo->frame = NULL;
}

static void frameobj_dealloc(Object *o) {
    FrameObject *fo = (FrameObject *)o;
    if (fo->frame) fo->frame->frame_obj = NULL;
    XDECREF(fo->code);
    XDECREF(fo->globals);
    XDECREF(fo->builtins);
    XDECREF(fo->locals);
    XDECREF(fo->back);
    obj_free(o);
}

static int frameobj_traverse(Object *o, visitproc visit, void *arg) {
    FrameObject *fo = (FrameObject *)o;
    Object *refs[] = {(Object *)fo->code, fo->globals, fo->builtins, fo->locals, fo->back};
    for (int i = 0; i < 5; i++)
        if (refs[i] && visit(refs[i], arg)) return -1;
    return 0;
}

static int frameobj_clear(Object *o) {
    FrameObject *fo = (FrameObject *)o;
    CLEAR(fo->locals);
    CLEAR(fo->back);
    return 0;
}

#define FO(o) ((FrameObject *)(o))

static Object *f_get_code(Object *o, void *c) {
    Frame *f = FO(o)->frame;
    return NEWREF(f ? (Object *)f->code : (Object *)FO(o)->code);
}
static Object *f_get_globals(Object *o, void *c) {
    Frame *f = FO(o)->frame;
    Object *g = f ? f->globals : FO(o)->globals;
    return NEWREF(g ? g : None);
}
static Object *f_get_builtins(Object *o, void *c) {
    Frame *f = FO(o)->frame;
    Object *b = f ? f->builtins : FO(o)->builtins;
    return NEWREF(b ? b : None);
}
static Object *f_get_locals(Object *o, void *c) {
    Frame *f = FO(o)->frame;
    if (f) return frame_locals_dict(f);
    return FO(o)->locals ? NEWREF(FO(o)->locals) : dict_new();
}
static Object *f_get_lineno(Object *o, void *c) {
    Frame *f = FO(o)->frame;
    return int_from_long(f ? frame_current_line(f) : FO(o)->lineno);
}
static Object *f_get_lasti(Object *o, void *c) {
    Frame *f = FO(o)->frame;
    int li = f ? frame_lasti(f) : FO(o)->lasti;
    return int_from_long(li < 0 ? -1 : 2 * li);
}
static Object *f_get_back(Object *o, void *c) {
    Frame *f = FO(o)->frame;
    if (!f) return NEWREF(FO(o)->back ? FO(o)->back : None);
    if (!f->previous || f->state == FRAME_SUSPENDED) RETURN_NONE;
    return frame_get_object(f->previous);
}
static Object *f_get_trace(Object *o, void *c) { RETURN_NONE; }

static Object *frameobj_repr(Object *o) {
    Frame *f = FO(o)->frame;
    CodeObject *co = f ? f->code : FO(o)->code;
    int line = f ? frame_current_line(f) : FO(o)->lineno;
    if (!co) return str_from_format("<frame at %p>", (void *)o);
    return str_from_format("<frame at %p, file '%U', line %d, code %U>", (void *)o, co->filename, line, co->name);
}

static const GetSetDef frameobj_getset[] = {
    {"f_code", f_get_code, NULL, NULL},
    {"f_globals", f_get_globals, NULL, NULL},
    {"f_builtins", f_get_builtins, NULL, NULL},
    {"f_locals", f_get_locals, NULL, NULL},
    {"f_lineno", f_get_lineno, NULL, NULL},
    {"f_lasti", f_get_lasti, NULL, NULL},
    {"f_back", f_get_back, NULL, NULL},
    {"f_trace", f_get_trace, NULL, NULL},
    {NULL, NULL, NULL, NULL}};

TypeObject FrameType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "frame",
    .basicsize = sizeof(FrameObject),
    .flags = TPFLAGS_HAVE_GC,
    .dealloc = frameobj_dealloc,
    .traverse = frameobj_traverse,
    .clear = frameobj_clear,
    .repr = frameobj_repr,
    .getset = frameobj_getset,
};
