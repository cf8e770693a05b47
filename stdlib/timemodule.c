// The time module (CPython's Modules/timemodule.c): clocks, sleep, and the
// struct_time conversions.
//
// time.sleep() releases the GIL (vm_blocking_begin/end) and waits with
// clock_nanosleep() on an absolute monotonic deadline, so a signal handler
// interrupting it (EINTR) neither loses nor adds time; after each
// interruption it runs the eval breaker's pending work (a Ctrl-C raises
// KeyboardInterrupt there) and goes back to sleep.
//
// struct_time is a tuple subclass of 9 visible items; tm_zone and
// tm_gmtoff ride along in two hidden slots after them.
#include "../vm/runtime.h"
#include "modules.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NS_PER_SEC 1000000000LL

// ---- Clocks -------------------------------------------------------------------------

static int check_noargs(const char *name, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "time.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs) {
        vm_raise(Exc_TypeError, "time.%s() takes no arguments (%zd given)", name, nargs);
        return -1;
    }
    return 0;
}

static long long clock_ns_of(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (long long)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

// Seconds as a float, as _PyTime_AsSecondsDouble: exact when whole.
static Object *seconds_from_ns(long long ns) {
    if (ns % NS_PER_SEC == 0) return float_from_double((double)(ns / NS_PER_SEC));
    return float_from_double((double)ns / 1e9);
}

#define CLOCK_FUNCS(name, clock)                                                                   \
    static Object *time_##name(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {   \
        if (check_noargs(#name, nargs, kwnames) < 0) return NULL;                                  \
        return seconds_from_ns(clock_ns_of(clock));                                                \
    }                                                                                              \
    static Object *time_##name##_ns(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) { \
        if (check_noargs(#name "_ns", nargs, kwnames) < 0) return NULL;                            \
        return int_from_long((long)clock_ns_of(clock));                                            \
    }

CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

// ---- sleep -----------------------------------------------------------------------------

// A timeout in seconds (int or float) as nanoseconds, rounded away from zero
// (CPython's _PyTime_FromSecondsObject with _PyTime_ROUND_TIMEOUT).
static int timeout_ns(Object *o, long long *out) {
    if (FLOAT_CHECK(o)) {
        double d = float_value(o);
        if (isnan(d)) {
            vm_raise(Exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d *= 1e9;
        d = d >= 0 ? ceil(d) : floor(d);
        if (!(d >= (double)LLONG_MIN && d < (double)LLONG_MAX)) {
            vm_raise(Exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (long long)d;
        return 0;
    }
    Object *i = num_index(o);
    if (!i) return -1;
    long v;
    int fits = int_as_long_fast(i, &v) == 0;
    DECREF(i);
    long long ns;
    if (!fits || __builtin_mul_overflow((long long)v, NS_PER_SEC, &ns)) {
        vm_raise(Exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *out = ns;
    return 0;
}

static Object *time_sleep(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) return vm_raise(Exc_TypeError, "time.sleep() takes no keyword arguments");
    if (nargs != 1) return vm_raise(Exc_TypeError, "time.sleep() takes exactly one argument (%zd given)", nargs);
    long long ns;
    if (timeout_ns(args[0], &ns) < 0) return NULL;
    if (ns < 0) return vm_raise(Exc_ValueError, "sleep length must be non-negative");
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    long long total = (long long)deadline.tv_nsec + ns % NS_PER_SEC;
    deadline.tv_sec += (time_t)(ns / NS_PER_SEC + total / NS_PER_SEC);
    deadline.tv_nsec = (long)(total % NS_PER_SEC);
    for (;;) {
        // A Ctrl-C that arrived before the wait started must not wait for it.
        if (the_interp.pending_sigint && eval_handle_breaker_public() < 0) return NULL;
        // Other threads run while we wait: no object may be touched here.
        vm_blocking_begin();
        int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        vm_blocking_end();
        if (r == 0) break;
        if (r != EINTR) {
            errno = r;
            return err_from_errno(NULL);
        }
        // A signal arrived: run its handler (Ctrl-C raises here), then resume.
        if (eval_handle_breaker_public() < 0) return NULL;
    }
    RETURN_NONE;
}

// ---- struct_time ----------------------------------------------------------------------------

#define ST_VISIBLE 9
#define ST_FIELDS 11

static const char *const st_names[ST_FIELDS] = {"tm_year", "tm_mon",   "tm_mday", "tm_hour",  "tm_min",
                                                "tm_sec",  "tm_wday",  "tm_yday", "tm_isdst", "tm_zone",
                                                "tm_gmtoff"};

TypeObject StructTimeType;

static Object *struct_time_alloc(void) {
    TupleObject *t = (TupleObject *)obj_alloc(&StructTimeType, sizeof(TupleObject) + ST_FIELDS * sizeof(Object *));
    if (!t) return NULL;
    t->size = ST_VISIBLE;
    return (Object *)t;
}

static void struct_time_dealloc(Object *o) {
    TupleObject *t = (TupleObject *)o;
    XDECREF(t->items[ST_VISIBLE]);
    XDECREF(t->items[ST_VISIBLE + 1]);
    t->items[ST_VISIBLE] = t->items[ST_VISIBLE + 1] = NULL;
    TupleType.dealloc(o);
}

static int struct_time_traverse(Object *o, visitproc visit, void *arg) {
    TupleObject *t = (TupleObject *)o;
    for (int i = 0; i < ST_FIELDS; i++)
        if (t->items[i] && visit(t->items[i], arg)) return -1;
    return 0;
}

static Object *struct_time_repr(Object *o) {
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "time.struct_time(");
    for (int i = 0; i < ST_VISIBLE; i++) {
        if (i) sb_puts(&sb, ", ");
        sb_puts(&sb, st_names[i]);
        sb_putc(&sb, '=');
        if (sb_put_obj_repr(&sb, TUPLE_ITEMS(o)[i]) < 0) {
            sb_free(&sb);
            return NULL;
        }
    }
    sb_putc(&sb, ')');
    return sb_finish(&sb);
}

static Object *struct_time_get(Object *o, void *closure) {
    Object *v = ((TupleObject *)o)->items[(intptr_t)closure];
    return NEWREF(v ? v : None);
}

static Object *struct_time_new(TypeObject *type, Object *const *args, ssize_t nargs, Object *kwnames) {
    if ((kwnames && TUPLE_SIZE(kwnames)) || nargs != 1)
        return vm_raise(Exc_TypeError, "time.struct_time() takes exactly one argument (the sequence)");
    Object *seq = args[0];
    if (!LIST_CHECK(seq) && !TUPLE_CHECK(seq) && !TYPE(seq)->mp_subscript)
        return vm_raise(Exc_TypeError, "constructor requires a sequence");
    Object *t = tuple_from_iter(seq);
    if (!t) return NULL;
    ssize_t n = TUPLE_SIZE(t);
    Object *r = NULL;
    if (n < ST_VISIBLE) {
        vm_raise(Exc_TypeError, "time.struct_time() takes an at least 9-sequence (%zd-sequence given)", n);
    } else if (n > ST_FIELDS) {
        vm_raise(Exc_TypeError, "time.struct_time() takes an at most 11-sequence (%zd-sequence given)", n);
    } else if ((r = struct_time_alloc())) {
        for (ssize_t i = 0; i < ST_FIELDS; i++) ((TupleObject *)r)->items[i] = NEWREF(i < n ? TUPLE_ITEMS(t)[i] : None);
    }
    DECREF(t);
    return r;
}

static const GetSetDef struct_time_getset[] = {
    {"tm_year", struct_time_get, NULL, (void *)0},   {"tm_mon", struct_time_get, NULL, (void *)1},
    {"tm_mday", struct_time_get, NULL, (void *)2},   {"tm_hour", struct_time_get, NULL, (void *)3},
    {"tm_min", struct_time_get, NULL, (void *)4},    {"tm_sec", struct_time_get, NULL, (void *)5},
    {"tm_wday", struct_time_get, NULL, (void *)6},   {"tm_yday", struct_time_get, NULL, (void *)7},
    {"tm_isdst", struct_time_get, NULL, (void *)8},  {"tm_zone", struct_time_get, NULL, (void *)9},
    {"tm_gmtoff", struct_time_get, NULL, (void *)10}, {NULL, NULL, NULL, NULL}};

TypeObject StructTimeType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "time.struct_time",
    .basicsize = sizeof(TupleObject),
    .itemsize = sizeof(Object *),
    .flags = TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_HAVE_GC,
    .doc = "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
           " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
           " sequence of 9 integers.",
    .base = &TupleType,
    .dealloc = struct_time_dealloc,
    .traverse = struct_time_traverse,
    .repr = struct_time_repr,
    .tp_new = struct_time_new,
    .getset = struct_time_getset,
};

static Object *struct_time_from_tm(const struct tm *tm) {
    Object *r = struct_time_alloc();
    if (!r) return NULL;
    long v[ST_VISIBLE] = {tm->tm_year + 1900L, tm->tm_mon + 1L, tm->tm_mday, tm->tm_hour, tm->tm_min,
                          tm->tm_sec, (tm->tm_wday + 6) % 7, tm->tm_yday + 1L, tm->tm_isdst};
    Object **items = ((TupleObject *)r)->items;
    for (int i = 0; i < ST_VISIBLE; i++) {
        if (!(items[i] = int_from_long(v[i]))) goto fail;
    }
    items[9] = tm->tm_zone ? str_from_cstr(tm->tm_zone) : NEWREF(None);
    items[10] = int_from_long(tm->tm_gmtoff);
    if (!items[9] || !items[10]) goto fail;
    return r;
fail:
    for (int i = 0; i < ST_FIELDS; i++)
        if (!items[i]) items[i] = NEWREF(None);
    DECREF(r);
    return NULL;
}

// ---- Conversions --------------------------------------------------------------------------

// A timestamp argument (None or absent: now) as time_t, floored.
static int timestamp_arg(Object *o, time_t *out) {
    if (!o || o == None) {
        *out = time(NULL);
        return 0;
    }
    if (FLOAT_CHECK(o)) {
        double d = float_value(o);
        if (isnan(d)) {
            vm_raise(Exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            vm_raise(Exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    Object *i = num_index(o);
    if (!i) return -1;
    long v;
    int fits = int_as_long_fast(i, &v) == 0;
    DECREF(i);
    if (!fits) {
        vm_raise(Exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

static Object *tm_convert(const char *name, Object *const *args, ssize_t nargs, Object *kwnames, bool local) {
    if (kwnames && TUPLE_SIZE(kwnames)) return vm_raise(Exc_TypeError, "%s() takes no keyword arguments", name);
    if (nargs > 1) return vm_raise(Exc_TypeError, "%s() takes at most 1 argument (%zd given)", name, nargs);
    time_t t;
    if (timestamp_arg(nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    errno = 0;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm))) {
        if (errno == 0) errno = EINVAL;
        return err_from_errno(NULL);
    }
    return struct_time_from_tm(&tm);
}

static Object *time_gmtime(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    return tm_convert("gmtime", args, nargs, kwnames, false);
}

static Object *time_localtime(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    return tm_convert("localtime", args, nargs, kwnames, true);
}

// A struct_time or 9-tuple as a struct tm (CPython's gettmarg). The zone
// string, when present, stays owned by the struct_time.
static int tm_arg(Object *o, struct tm *tm, const char *fname) {
    memset(tm, 0, sizeof *tm);
    if (!TUPLE_CHECK(o)) {
        vm_raise(Exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (TUPLE_SIZE(o) != ST_VISIBLE) {
        vm_raise(Exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[ST_VISIBLE];
    for (int i = 0; i < ST_VISIBLE; i++) {
        Object *x = TUPLE_ITEMS(o)[i];
        if (FLOAT_CHECK(x)) {
            vm_raise(Exc_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        ssize_t n = num_as_ssize(x, Exc_OverflowError);
        if (n == -1 && err_occurred()) return -1;
        if (n > INT_MAX || n < INT_MIN) {
            vm_raise(Exc_OverflowError, n > 0 ? "signed integer is greater than maximum"
                                              : "signed integer is less than minimum");
            return -1;
        }
        v[i] = (int)n;
    }
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    if (TYPE(o) == &StructTimeType) {
        Object *zone = ((TupleObject *)o)->items[9], *off = ((TupleObject *)o)->items[10];
        if (zone && STR_CHECK(zone)) tm->tm_zone = STR_DATA(zone);
        if (off && INT_CHECK(off)) {
            long g;
            if (int_as_long_fast(off, &g) == 0) tm->tm_gmtoff = g;
        }
    }
    return 0;
}

// Range checks before handing a struct tm to libc (CPython's checktm).
static int checktm(struct tm *tm) {
    const char *msg = NULL;
    if (tm->tm_mon == -1) tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) msg = "month out of range";
    if (!msg) {
        if (tm->tm_mday == 0) tm->tm_mday = 1;
        else if (tm->tm_mday < 0 || tm->tm_mday > 31) msg = "day of month out of range";
    }
    if (!msg && (tm->tm_hour < 0 || tm->tm_hour > 23)) msg = "hour out of range";
    if (!msg && (tm->tm_min < 0 || tm->tm_min > 59)) msg = "minute out of range";
    if (!msg && (tm->tm_sec < 0 || tm->tm_sec > 61)) msg = "seconds out of range";
    if (!msg && tm->tm_wday < 0) msg = "day of week out of range";
    if (!msg) {
        if (tm->tm_yday == -1) tm->tm_yday = 0;
        else if (tm->tm_yday < 0 || tm->tm_yday > 365) msg = "day of year out of range";
    }
    if (msg) {
        vm_raise(Exc_ValueError, "%s", msg);
        return -1;
    }
    return 0;
}

// The time tuple argument, or the local time now when absent.
static int tm_arg_or_now(Object *o, struct tm *tm, const char *fname) {
    if (o) return tm_arg(o, tm, fname);
    time_t t = time(NULL);
    if (!localtime_r(&t, tm)) {
        err_from_errno(NULL);
        return -1;
    }
    return 0;
}

static Object *time_mktime(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) return vm_raise(Exc_TypeError, "time.mktime() takes no keyword arguments");
    if (nargs != 1) return vm_raise(Exc_TypeError, "time.mktime() takes exactly one argument (%zd given)", nargs);
    struct tm tm;
    if (tm_arg(args[0], &tm, "mktime") < 0) return NULL;
    tm.tm_wday = -1;  // sentinel: mktime() sets it on success
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) return vm_raise(Exc_OverflowError, "mktime argument out of range");
    return float_from_double((double)t);
}

static Object *time_strftime(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) return vm_raise(Exc_TypeError, "strftime() takes no keyword arguments");
    if (nargs < 1) return vm_raise(Exc_TypeError, "strftime() takes at least 1 argument (%zd given)", nargs);
    if (nargs > 2) return vm_raise(Exc_TypeError, "strftime() takes at most 2 arguments (%zd given)", nargs);
    Object *fmt = args[0];
    if (!STR_CHECK(fmt))
        return vm_raise(Exc_TypeError, "strftime() argument 1 must be str, not %s", type_name(TYPE(fmt)));
    struct tm tm;
    if (tm_arg_or_now(nargs > 1 ? args[1] : NULL, &tm, "strftime") < 0) return NULL;
    if (nargs > 1 && checktm(&tm) < 0) return NULL;
    if (tm.tm_isdst < -1) tm.tm_isdst = -1;
    else if (tm.tm_isdst > 1) tm.tm_isdst = 1;
    const char *f = STR_DATA(fmt);
    size_t flen = (size_t)STR_NBYTES(fmt);
    if (strlen(f) != flen) return vm_raise(Exc_ValueError, "embedded null character");
    if (flen == 0) return str_from_cstr("");
    // strftime() cannot tell "too small" from "empty result": grow, then give up.
    for (size_t size = 1024;; size += size) {
        char *buf = malloc(size);
        if (!buf) {
            err_no_memory();
            return NULL;
        }
        size_t n = strftime(buf, size, f, &tm);
        if (n > 0 || size >= 256 * flen) {
            Object *r = str_from_utf8(buf, (ssize_t)n);
            free(buf);
            return r;
        }
        free(buf);
    }
}

static Object *format_asctime(const struct tm *tm) {
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %ld", wday[tm->tm_wday], mon[tm->tm_mon], tm->tm_mday,
             tm->tm_hour, tm->tm_min, tm->tm_sec, 1900L + tm->tm_year);
    return str_from_cstr(buf);
}

static Object *time_asctime(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) return vm_raise(Exc_TypeError, "asctime() takes no keyword arguments");
    if (nargs > 1) return vm_raise(Exc_TypeError, "asctime() takes at most 1 argument (%zd given)", nargs);
    struct tm tm;
    if (tm_arg_or_now(nargs ? args[0] : NULL, &tm, "asctime") < 0) return NULL;
    if (nargs && checktm(&tm) < 0) return NULL;
    return format_asctime(&tm);
}

static Object *time_ctime(Object *m, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) return vm_raise(Exc_TypeError, "ctime() takes no keyword arguments");
    if (nargs > 1) return vm_raise(Exc_TypeError, "ctime() takes at most 1 argument (%zd given)", nargs);
    time_t t;
    if (timestamp_arg(nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    errno = 0;
    if (!localtime_r(&t, &tm)) {
        if (errno == 0) errno = EINVAL;
        return err_from_errno(NULL);
    }
    return format_asctime(&tm);
}

// ---- The module ------------------------------------------------------------------------------

static const MethodDef time_functions[] = {
    {"time", time_time, 0, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, 0, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", time_monotonic, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, 0, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", time_perf_counter, 0, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, 0, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", time_process_time, 0, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, 0, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, 0, "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", time_thread_time_ns, 0, "Thread time for profiling as nanoseconds."},
    {"sleep", time_sleep, 0, "Delay execution for a given number of seconds."},
    {"gmtime", time_gmtime, 0, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, 0, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, 0, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", time_strftime, 0, "Convert a time tuple to a string according to a format specification."},
    {"asctime", time_asctime, 0, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, 0, "Convert a time in seconds since the Epoch to a string in local time."},
    {NULL, NULL, 0, NULL}};

static int add_owned(Object *m, const char *name, Object *v) {
    if (!v) return -1;
    int r = module_add_object(m, name, v);
    DECREF(v);
    return r;
}

// timezone, altzone, daylight and tzname, from the local time in January
// and July of this year (CPython's init_timezone).
static int init_timezone(Object *m) {
    tzset();
    const time_t YEAR = (365 * 24 + 6) * 3600;
    time_t t = (time(NULL) / YEAR) * YEAR;
    struct tm p;
    char jan[16] = "", jul[16] = "";
    long janoff = 0, juloff = 0;
    if (localtime_r(&t, &p)) {
        snprintf(jan, sizeof jan, "%s", p.tm_zone ? p.tm_zone : "");
        janoff = -p.tm_gmtoff;
    }
    t += YEAR / 2;
    if (localtime_r(&t, &p)) {
        snprintf(jul, sizeof jul, "%s", p.tm_zone ? p.tm_zone : "");
        juloff = -p.tm_gmtoff;
    }
    bool south = janoff < juloff;  // DST in January: southern hemisphere
    long tz = south ? juloff : janoff, alt = south ? janoff : juloff;
    Object *n1 = str_from_cstr(south ? jul : jan), *n2 = str_from_cstr(south ? jan : jul);
    Object *names = n1 && n2 ? tuple_pack(2, n1, n2) : NULL;
    XDECREF(n1);
    XDECREF(n2);
    if (add_owned(m, "tzname", names) < 0 || module_add_int(m, "timezone", tz) < 0 ||
        module_add_int(m, "altzone", alt) < 0 || module_add_int(m, "daylight", janoff != juloff) < 0)
        return -1;
    return 0;
}

Object *module_init_time(void) {
    type_ready(&StructTimeType);
    Object *m = module_new_cstr("time");
    if (!m) return NULL;
    if (module_add_functions(m, time_functions) < 0 ||
        module_add_object(m, "struct_time", (Object *)&StructTimeType) < 0 || init_timezone(m) < 0 ||
        module_add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        module_add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0) {
        DECREF(m);
        return NULL;
    }
    // struct_time's class attributes, as structseq defines them.
    Object *d = StructTimeType.dict;
    if (!dict_getitem_str(d, "n_fields")) {
        dict_setitem_str(d, "n_sequence_fields", int_from_long(ST_VISIBLE));
        dict_setitem_str(d, "n_fields", int_from_long(ST_FIELDS));
        dict_setitem_str(d, "n_unnamed_fields", int_from_long(0));
        type_modified(&StructTimeType);
    }
    return m;
}
