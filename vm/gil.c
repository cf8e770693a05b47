// The global interpreter lock (CPython's Python/ceval_gil.c, the "new GIL"
// of Python 3.2).
//
// Notes about the implementation
// ------------------------------
// The GIL is a flag (`locked`) protected by a mutex, with a condition
// variable (`cond`) signalled whenever it is released. A thread that wants
// it waits on `cond` for at most the switch interval (5 ms by default,
// sys.setswitchinterval). If the interval passes and no switch happened in
// the meantime, the waiter sets the "drop request" bit of the eval breaker.
//
// The holder checks the eval breaker at function entry (RESUME) and on
// backward jumps, i.e. at least once per loop iteration, without any call
// or I/O. When it sees the drop request it drops the GIL and immediately
// asks for it again (gil_yield). On its own, that would often let the same
// thread re-take the GIL before the waiter wakes up (the "convoy effect"
// of the old GIL). Forced switching prevents it: after dropping on request,
// the holder waits on a second condition (`switch_cond`) until some other
// thread has actually taken the GIL (`last_holder` changed).
//
// Blocking calls (sleep, lock waits, I/O, select) release the GIL around
// the wait (vm_blocking_begin/end), so I/O-bound threads overlap.
//
// With the GIL off (-X gil=0, MINIPY_GIL=0) taking and dropping do nothing
// and threads run bytecode in parallel, as in CPython 3.13's free-threaded
// build.
//
// Observability: with -X gil-stats each thread counts time held and waited,
// acquisitions, drops on request and forced switches; with -X gil-trace=F
// every hold and wait span and every drop request is recorded and written
// in Chrome Trace Event format (open it in Perfetto or chrome://tracing).
#include "runtime.h"
#include "gil.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    pthread_mutex_t switch_mutex;
    pthread_cond_t switch_cond;
    atomic_int locked;
    atomic_ulong switch_number;
    ThreadState *_Atomic last_holder;
    atomic_long interval_us;
    atomic_bool enabled;
} Gil;

static Gil gil = {
    .mutex = PTHREAD_MUTEX_INITIALIZER,
    .switch_mutex = PTHREAD_MUTEX_INITIALIZER,
    .interval_us = 5000,
};

static bool stats_on, trace_on;
static char *trace_path;
static int64_t t0_ns;

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// ---- Statistics and trace -------------------------------------------------------

// Per-thread GIL records live in ThreadState->gil_stats (see state.h).
#define TRACE_MAX_EVENTS (1 << 20)

static pthread_mutex_t report_mutex = PTHREAD_MUTEX_INITIALIZER;
static GilStats *finished;       // stats of threads that have ended
static int nfinished, finished_cap;

static void trace_event(GilStats *s, char kind, int64_t start, int64_t end) {
    if (!trace_on || s->nevents >= TRACE_MAX_EVENTS) return;
    if (s->nevents == s->events_cap) {
        int cap = s->events_cap ? s->events_cap * 2 : 1024;
        GilEvent *e = realloc(s->events, sizeof(GilEvent) * (size_t)cap);
        if (!e) return;
        s->events = e;
        s->events_cap = cap;
    }
    s->events[s->nevents++] = (GilEvent){kind, start, end};
}

void gil_stats_enable(void) {
    stats_on = true;
    t0_ns = now_ns();
}

void gil_trace_enable(const char *path) {
    trace_on = true;
    free(trace_path);
    trace_path = strdup(path);
    t0_ns = now_ns();
}

// Keeps the records of a thread that ends (called from thread.c).
void gil_stats_save(ThreadState *ts) {
    if (!stats_on && !trace_on) return;
    pthread_mutex_lock(&report_mutex);
    if (nfinished == finished_cap) {
        int cap = finished_cap ? finished_cap * 2 : 16;
        GilStats *f = realloc(finished, sizeof(GilStats) * (size_t)cap);
        if (f) {
            finished = f;
            finished_cap = cap;
        }
    }
    if (nfinished < finished_cap) {
        finished[nfinished++] = ts->gil_stats;
        ts->gil_stats.events = NULL;  // moved
        ts->gil_stats.nevents = ts->gil_stats.events_cap = 0;
    }
    pthread_mutex_unlock(&report_mutex);
}

static void print_stats_line(const GilStats *s, const char *name) {
    fprintf(stderr, "%-22s %10.3f %10.3f %10lu %10lu %10lu\n", name, (double)s->held_ns / 1e6,
            (double)s->wait_ns / 1e6, s->acquisitions, s->drops_on_request, s->forced_switches);
}

static void write_trace(FILE *f, const GilStats *s, int tid, bool *first) {
    fprintf(f, "%s{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":%d,\"args\":{\"name\":\"%s\"}}",
            *first ? "" : ",\n", tid, s->name[0] ? s->name : "thread");
    *first = false;
    for (int i = 0; i < s->nevents; i++) {
        const GilEvent *e = &s->events[i];
        double ts = (double)(e->start - t0_ns) / 1000.0;
        if (e->kind == 'i') {
            fprintf(f, ",\n{\"name\":\"drop request\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":%d,\"ts\":%.3f}", tid, ts);
        } else {
            double dur = (double)(e->end - e->start) / 1000.0;
            fprintf(f, ",\n{\"name\":\"%s\",\"cat\":\"gil\",\"ph\":\"X\",\"pid\":1,\"tid\":%d,\"ts\":%.3f,\"dur\":%.3f}",
                    e->kind == 'h' ? "GIL held" : "waiting for GIL", tid, ts, dur);
        }
    }
}

void gil_report(void) {
    if (!stats_on && !trace_on) return;
    pthread_mutex_lock(&report_mutex);
    // Live threads first (the main thread among them), then finished ones.
    int nlive = 0;
    for (ThreadState *t = the_interp.threads; t; t = t->next) nlive++;
    ThreadState *ts = tstate_get();
    if (ts && ts->gil_stats.held_since) {
        // Close the main thread's current hold.
        int64_t now = now_ns();
        ts->gil_stats.held_ns += now - ts->gil_stats.held_since;
        trace_event(&ts->gil_stats, 'h', ts->gil_stats.held_since, now);
        ts->gil_stats.held_since = now;
    }
    if (stats_on) {
        GilStats total = {0};
        fprintf(stderr, "\nGIL statistics (%s, switch interval %g ms):\n",
                atomic_load(&gil.enabled) ? "GIL on" : "GIL off", (double)atomic_load(&gil.interval_us) / 1000.0);
        fprintf(stderr, "%-22s %10s %10s %10s %10s %10s\n", "thread", "held ms", "waited ms", "acquired",
                "dropped", "forced");
        for (ThreadState *t = the_interp.threads; t; t = t->next) {
            print_stats_line(&t->gil_stats, t->gil_stats.name[0] ? t->gil_stats.name : "thread");
            total.held_ns += t->gil_stats.held_ns;
            total.wait_ns += t->gil_stats.wait_ns;
            total.acquisitions += t->gil_stats.acquisitions;
            total.drops_on_request += t->gil_stats.drops_on_request;
            total.forced_switches += t->gil_stats.forced_switches;
        }
        for (int i = 0; i < nfinished; i++) {
            print_stats_line(&finished[i], finished[i].name[0] ? finished[i].name : "thread");
            total.held_ns += finished[i].held_ns;
            total.wait_ns += finished[i].wait_ns;
            total.acquisitions += finished[i].acquisitions;
            total.drops_on_request += finished[i].drops_on_request;
            total.forced_switches += finished[i].forced_switches;
        }
        print_stats_line(&total, "total");
    }
    if (trace_on && trace_path) {
        FILE *f = fopen(trace_path, "w");
        if (!f) {
            fprintf(stderr, "minipy: cannot write GIL trace to %s: %s\n", trace_path, strerror(errno));
        } else {
            bool first = true;
            int tid = 1;
            fprintf(f, "{\"traceEvents\":[\n");
            for (ThreadState *t = the_interp.threads; t; t = t->next) write_trace(f, &t->gil_stats, tid++, &first);
            for (int i = 0; i < nfinished; i++) write_trace(f, &finished[i], tid++, &first);
            fprintf(f, "\n],\"displayTimeUnit\":\"ms\"}\n");
            fclose(f);
        }
    }
    (void)nlive;
    pthread_mutex_unlock(&report_mutex);
}

// ---- The lock ------------------------------------------------------------------------

static void set_drop_request(void) { atomic_fetch_or(&the_interp.eval_breaker, BREAK_GIL_DROP); }
static void reset_drop_request(void) { atomic_fetch_and(&the_interp.eval_breaker, ~BREAK_GIL_DROP); }
static bool drop_requested(void) { return (atomic_load(&the_interp.eval_breaker) & BREAK_GIL_DROP) != 0; }

void gil_init(ThreadState *ts, bool enabled) {
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&gil.cond, &attr);
    pthread_cond_init(&gil.switch_cond, &attr);
    pthread_condattr_destroy(&attr);
    atomic_store(&gil.enabled, enabled);
    atomic_store(&gil.locked, 0);
    if (enabled) gil_take(ts);
}

// In a child made by fork() (vm/fork.c, CPython's _PyEval_ReInitThreads):
// the forking thread held the GIL and is the only thread left. Threads
// that were waiting for it in the parent may have left its mutexes and
// conditions in any state, so they are made afresh, held by ts.
void gil_after_fork_child(ThreadState *ts) {
    gil.mutex = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    gil.switch_mutex = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    report_mutex = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&gil.cond, &attr);
    pthread_cond_init(&gil.switch_cond, &attr);
    pthread_condattr_destroy(&attr);
    atomic_fetch_and(&the_interp.eval_breaker, ~BREAK_GIL_DROP);
    if (atomic_load(&gil.enabled)) {
        atomic_store(&gil.locked, 1);
        atomic_store(&gil.last_holder, ts);
    }
}

bool gil_enabled(void) { return atomic_load(&gil.enabled); }

void gil_set_enabled(bool on) {
    ThreadState *ts = tstate_get();
    if (on == atomic_load(&gil.enabled)) return;
    if (on) {
        atomic_store(&gil.enabled, true);
        gil_take(ts);
    } else {
        gil_drop(ts);
        atomic_store(&gil.enabled, false);
    }
}

long gil_get_interval(void) { return atomic_load(&gil.interval_us); }
void gil_set_interval(long us) { atomic_store(&gil.interval_us, us < 1 ? 1 : us); }

bool gil_held_by(ThreadState *ts) {
    return !atomic_load(&gil.enabled) || (atomic_load(&gil.locked) && atomic_load(&gil.last_holder) == ts);
}

void gil_take(ThreadState *ts) {
    if (!atomic_load(&gil.enabled)) return;
    int64_t wait_start = (stats_on || trace_on) ? now_ns() : 0;
    pthread_mutex_lock(&gil.mutex);
    while (atomic_load(&gil.locked)) {
        unsigned long saved = atomic_load(&gil.switch_number);
        struct timespec deadline;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        long us = atomic_load(&gil.interval_us);
        deadline.tv_sec += us / 1000000;
        deadline.tv_nsec += (us % 1000000) * 1000;
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000;
        }
        int r = pthread_cond_timedwait(&gil.cond, &gil.mutex, &deadline);
        // The interval passed without a switch: ask the holder to drop it.
        if (r == ETIMEDOUT && atomic_load(&gil.locked) && atomic_load(&gil.switch_number) == saved) {
            set_drop_request();
            if (trace_on) trace_event(&ts->gil_stats, 'i', now_ns(), 0);
        }
    }
    // Forced switching: tell a thread that dropped on request that we have it.
    pthread_mutex_lock(&gil.switch_mutex);
    atomic_store(&gil.locked, 1);
    if (atomic_load(&gil.last_holder) != ts) atomic_store(&gil.last_holder, ts);
    atomic_fetch_add(&gil.switch_number, 1);
    pthread_cond_signal(&gil.switch_cond);
    pthread_mutex_unlock(&gil.switch_mutex);
    if (drop_requested()) reset_drop_request();
    // Pending signals for the main thread: make sure it looks at them now.
    if (the_interp.pending_sigint) atomic_fetch_or(&the_interp.eval_breaker, BREAK_SIGNALS);
    pthread_mutex_unlock(&gil.mutex);
    if (stats_on || trace_on) {
        int64_t now = now_ns();
        GilStats *s = &ts->gil_stats;
        s->acquisitions++;
        s->wait_ns += now - wait_start;
        if (now - wait_start > 1000) trace_event(s, 'w', wait_start, now);
        s->held_since = now;
    }
}

static void drop_gil_impl(ThreadState *ts, bool on_request) {
    if (stats_on || trace_on) {
        int64_t now = now_ns();
        GilStats *s = &ts->gil_stats;
        if (s->held_since) {
            s->held_ns += now - s->held_since;
            trace_event(s, 'h', s->held_since, now);
            s->held_since = 0;
        }
        if (on_request) s->drops_on_request++;
    }
    pthread_mutex_lock(&gil.mutex);
    atomic_store(&gil.locked, 0);
    pthread_cond_signal(&gil.cond);
    pthread_mutex_unlock(&gil.mutex);
    if (on_request && drop_requested()) {
        pthread_mutex_lock(&gil.switch_mutex);
        // Not switched yet: wait until another thread took the GIL.
        if (atomic_load(&gil.last_holder) == ts) {
            reset_drop_request();
            if (stats_on || trace_on) ts->gil_stats.forced_switches++;
            while (atomic_load(&gil.last_holder) == ts && atomic_load(&gil.enabled)) {
                // Bounded wait: a waiter that gave up (e.g. a thread that
                // ended) must not leave us here forever.
                struct timespec deadline;
                clock_gettime(CLOCK_MONOTONIC, &deadline);
                deadline.tv_nsec += 50 * 1000000;
                if (deadline.tv_nsec >= 1000000000) {
                    deadline.tv_sec++;
                    deadline.tv_nsec -= 1000000000;
                }
                if (pthread_cond_timedwait(&gil.switch_cond, &gil.switch_mutex, &deadline) == ETIMEDOUT) break;
            }
        }
        pthread_mutex_unlock(&gil.switch_mutex);
    }
}

void gil_drop(ThreadState *ts) {
    if (!atomic_load(&gil.enabled)) return;
    drop_gil_impl(ts, false);
}

void gil_yield(ThreadState *ts) {
    if (!atomic_load(&gil.enabled)) {
        reset_drop_request();
        return;
    }
    drop_gil_impl(ts, true);
    gil_take(ts);
}
