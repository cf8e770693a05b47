// The waiting primitives of the select module (stdlib/selectmodule.c),
// exported for the C unit tests and for native code such as a future
// _asyncio. Each releases the GIL for the wait and retries after EINTR
// with the time left (PEP 475), running signal handlers in between.
#ifndef MINIPY_SELECTMODULE_H
#define MINIPY_SELECTMODULE_H

#include <poll.h>
#include <sys/epoll.h>

// poll(2) on fds[0..nfds) for at most timeout_ms (negative: forever).
// Returns the number of ready descriptors, 0 on timeout, or -1: with an
// exception set when a signal handler raised, else with errno set and no
// exception (the caller raises).
int select_poll_wait(struct pollfd *fds, unsigned long nfds, int timeout_ms);

// epoll_wait(2) on epfd, as select_poll_wait.
int select_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout_ms);

#endif
