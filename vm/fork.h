// Forking the interpreter: see fork.c.
#ifndef MINIPY_FORK_H
#define MINIPY_FORK_H

#include <stdbool.h>

struct ThreadState;

// Around fork() (os.fork): fork_prepare() before it in the calling thread,
// then fork_parent() in the parent or fork_child() in the child. The caller
// holds the GIL (or is attached, with the GIL off) throughout.
void fork_prepare(void);
void fork_parent(void);
void fork_child(void);

// Stop-the-world for free threading: true while a fork is in progress;
// attaching threads wait in fork_wait_world() until it is over, running
// threads pause in fork_pause() from the eval breaker.
bool fork_world_stopped(void);
void fork_wait_world(void);
void fork_pause(struct ThreadState *ts);

#endif
