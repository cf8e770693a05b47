// The global interpreter lock (CPython's Python/ceval_gil.c): see gil.c.
#ifndef MINIPY_GIL_H
#define MINIPY_GIL_H

#include <stdbool.h>
#include <stdint.h>

struct ThreadState;

// Initialises the GIL (enabled or not) and makes the calling thread its holder.
void gil_init(struct ThreadState *ts, bool enabled);
// Takes the GIL for ts, waiting as long as needed (no-op with the GIL off).
void gil_take(struct ThreadState *ts);
// Releases the GIL held by ts (no-op with the GIL off).
void gil_drop(struct ThreadState *ts);
// Called from the eval breaker when a drop was requested: drops the GIL and
// takes it back after another thread has had it (forced switching).
void gil_yield(struct ThreadState *ts);
bool gil_enabled(void);
// In the child after fork(): re-creates the lock, held by ts (vm/fork.c).
void gil_after_fork_child(struct ThreadState *ts);
// Switches the GIL on or off: only while a single thread runs.
void gil_set_enabled(bool on);
// The switch interval in microseconds (sys.setswitchinterval()).
long gil_get_interval(void);
void gil_set_interval(long us);
// True if ts holds the GIL (or the GIL is off).
bool gil_held_by(struct ThreadState *ts);

// -X gil-stats / -X gil-trace=FILE: statistics per thread and a Chrome
// Trace Event timeline (spans for holding and waiting, instants for drop
// requests).
void gil_stats_enable(void);
void gil_trace_enable(const char *path);
// Prints the statistics (to stderr) and writes the trace file, at exit.
void gil_report(void);

#endif
