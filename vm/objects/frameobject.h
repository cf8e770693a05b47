// Frame objects (sys._getframe(), gi_frame): see frameobject.c.
#ifndef MINIPY_FRAMEOBJECT_H
#define MINIPY_FRAMEOBJECT_H

#include "../state.h"

typedef struct FrameObject {
    OBJ_HEAD;
    Frame *frame;               // the live interpreter frame, or NULL
    // A snapshot taken when the interpreter frame went away:
    CodeObject *code;
    Object *globals, *builtins, *locals;
    Object *back;               // the caller's frame object, kept at detach
    int lineno, lasti;
} FrameObject;

extern TypeObject FrameType;

// The frame object of f, created on first use. New reference.
Object *frame_get_object(Frame *f);
// Called when f goes away while it has a frame object.
void frame_detach_object(Frame *f);

#endif
