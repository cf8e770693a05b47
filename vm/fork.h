// Forking the interpreter: see fork.c.
#ifndef MINIPY_FORK_H
#define MINIPY_FORK_H

// Around fork() (os.fork): fork_prepare() before it in the calling thread,
// then fork_parent() in the parent or fork_child() in the child. The caller
// holds the GIL (or is attached, with the GIL off) throughout.
void fork_prepare(void);
void fork_parent(void);
void fork_child(void);

#endif
