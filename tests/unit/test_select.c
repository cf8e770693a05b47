// Check tests of the select module's C side (stdlib/selectmodule.c): the
// poll and epoll waits release the GIL while they block (another thread
// takes it during the wait), time out when nothing happens, and resume
// after a signal interrupts them (PEP 475); and the Python-level objects
// built on them report readiness of pipes and sockets.
#include <check.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "vm_helpers.h"
#include "vm/gil.h"
#include "vm/thread.h"
#include "stdlib/selectmodule.h"

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

// A second OS thread with its own thread state: after a delay it takes the
// GIL (possible only while the main thread's wait has released it), notes
// that it got it, drops it, and writes a byte to the pipe.
typedef struct {
    int wfd;
    int delay_ms;
    pthread_t signal_target;    // when set, sent SIGUSR1 before the write
    atomic_int got_gil;
    atomic_int wrote;
} Helper;

static void sleep_ms(int ms) {
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void *helper_main(void *arg) {
    Helper *h = arg;
    ThreadState *ts = tstate_new(&the_interp);
    tstate_bind(ts);
    sleep_ms(h->delay_ms);
    if (h->signal_target) {
        pthread_kill(h->signal_target, SIGUSR1);
        sleep_ms(h->delay_ms);
    }
    gil_take(ts);
    atomic_store(&h->got_gil, 1);
    gil_drop(ts);
    ssize_t r = write(h->wfd, "x", 1);
    atomic_store(&h->wrote, r == 1);
    tstate_delete(ts);
    return NULL;
}

static int signals_seen;
static void on_usr1(int sig) {
    (void)sig;
    signals_seen++;
}

START_TEST(test_poll_wait_releases_gil) {
    ck_assert(gil_enabled());
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    Helper h = {.wfd = fds[1], .delay_ms = 20};
    pthread_t t;
    pthread_create(&t, NULL, helper_main, &h);
    struct pollfd pfd = {fds[0], POLLIN, 0};
    double start = now_s();
    int r = select_poll_wait(&pfd, 1, 5000);
    double took = now_s() - start;
    pthread_join(t, NULL);
    // Had the wait kept the GIL, the helper could not have written before
    // the 5 s timeout: poll would have returned 0.
    ck_assert_int_eq(r, 1);
    ck_assert(pfd.revents & POLLIN);
    ck_assert_int_eq(atomic_load(&h.got_gil), 1);
    ck_assert_msg(took < 2.0, "poll took %.2f s", took);
    ck_assert(gil_held_by(tstate_get()));
    close(fds[0]);
    close(fds[1]);
}
END_TEST

START_TEST(test_epoll_wait_releases_gil) {
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    ck_assert_int_ge(ep, 0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[0]};
    ck_assert_int_eq(epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev), 0);
    Helper h = {.wfd = fds[1], .delay_ms = 20};
    pthread_t t;
    pthread_create(&t, NULL, helper_main, &h);
    struct epoll_event out[4];
    int r = select_epoll_wait(ep, out, 4, 5000);
    pthread_join(t, NULL);
    ck_assert_int_eq(r, 1);
    ck_assert_int_eq(out[0].data.fd, fds[0]);
    ck_assert(out[0].events & EPOLLIN);
    ck_assert_int_eq(atomic_load(&h.got_gil), 1);
    ck_assert(gil_held_by(tstate_get()));
    close(ep);
    close(fds[0]);
    close(fds[1]);
}
END_TEST

START_TEST(test_waits_time_out) {
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    struct pollfd pfd = {fds[0], POLLIN, 0};
    double start = now_s();
    ck_assert_int_eq(select_poll_wait(&pfd, 1, 50), 0);
    ck_assert_msg(now_s() - start >= 0.045, "poll returned early");
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[0]};
    epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
    struct epoll_event out[1];
    start = now_s();
    ck_assert_int_eq(select_epoll_wait(ep, out, 1, 50), 0);
    ck_assert_msg(now_s() - start >= 0.045, "epoll returned early");
    // A zero timeout does not wait at all.
    ck_assert_int_eq(select_poll_wait(&pfd, 1, 0), 0);
    close(ep);
    close(fds[0]);
    close(fds[1]);
}
END_TEST

START_TEST(test_wait_resumes_after_signal) {
    // A handler without SA_RESTART makes poll() fail with EINTR; the wait
    // must go on and still see the byte written after the signal.
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, &old);
    signals_seen = 0;
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    Helper h = {.wfd = fds[1], .delay_ms = 30, .signal_target = pthread_self()};
    pthread_t t;
    pthread_create(&t, NULL, helper_main, &h);
    struct pollfd pfd = {fds[0], POLLIN, 0};
    int r = select_poll_wait(&pfd, 1, 5000);
    pthread_join(t, NULL);
    sigaction(SIGUSR1, &old, NULL);
    ck_assert_int_eq(signals_seen, 1);
    ck_assert_int_eq(r, 1);
    ck_assert(!err_occurred());
    close(fds[0]);
    close(fds[1]);
}
END_TEST

// Ctrl-C during a wait: the handler flags it (as the one vm_init()
// installs; Check replaces that one with its own, so the test puts a copy
// in place), the interrupted wait runs the eval breaker, which raises
// KeyboardInterrupt, and the wait returns -1 instead of resuming.
static void vm_like_sigint(int sig) {
    (void)sig;
    the_interp.pending_sigint = 1;
    atomic_fetch_or(&the_interp.eval_breaker, BREAK_SIGNALS);
}

static void *send_sigint(void *arg) {
    sleep_ms(30);
    pthread_kill(*(pthread_t *)arg, SIGINT);
    return NULL;
}

START_TEST(test_ctrl_c_ends_wait) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = vm_like_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pthread_t me = pthread_self(), t;
    pthread_create(&t, NULL, send_sigint, &me);
    struct pollfd pfd = {fds[0], POLLIN, 0};
    double start = now_s();
    int r = select_poll_wait(&pfd, 1, 5000);
    pthread_join(t, NULL);
    sigaction(SIGINT, &old, NULL);
    ck_assert_int_eq(r, -1);
    ck_assert(now_s() - start < 2.0);
    ck_assert_str_eq(exc_text(), "KeyboardInterrupt");
    close(fds[0]);
    close(fds[1]);
}
END_TEST

START_TEST(test_python_objects) {
    Object *g = fresh_globals();
    int rc = run_in(
        "import os, select, socket\n"
        "r, w = os.pipe()\n"
        "ep = select.epoll()\n"
        "ep.register(r, select.EPOLLIN)\n"
        "empty = ep.poll(0)\n"
        "os.write(w, b'x')\n"
        "ready = ep.poll(1)\n"
        "ep.close()\n"
        "p = select.poll()\n"
        "p.register(r)\n"
        "polled = p.poll(100)\n"
        "sel = select.select([r], [], [], 1)[0]\n"
        "a, b = socket.socketpair()\n"
        "a.sendall(b'hello')\n"
        "got = b.recv(10)\n"
        "a.close(); b.close(); os.close(r); os.close(w)\n"
        "result = (empty == [] and ready == [(r, select.EPOLLIN)] and polled == [(r, select.POLLIN)]\n"
        "          and sel == [r] and got == b'hello' and ep.closed)\n",
        g);
    if (rc < 0) ck_abort_msg("%s", exc_text());
    ck_assert_ptr_eq(dict_getitem_str(g, "result"), True);
    free_globals(g);
}
END_TEST

START_TEST(test_errors) {
    EVAL_EQ("__import__('select').epoll().poll(0, 0)", "<error ValueError: maxevents must be greater than 0, got 0>");
    EVAL_EQ("__import__('select').select([-1], [], [])",
            "<error ValueError: file descriptor cannot be a negative integer (-1)>");
    EVAL_EQ("__import__('select').poll().unregister(0)", "<error KeyError: 0>");
    EVAL_EQ("__import__('os').read(-1, 1)", "<error OSError: [Errno 9] Bad file descriptor>");
}
END_TEST

int main(void) {
    Suite *s = suite_create("select");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_poll_wait_releases_gil);
    tcase_add_test(tc, test_epoll_wait_releases_gil);
    tcase_add_test(tc, test_waits_time_out);
    tcase_add_test(tc, test_wait_resumes_after_signal);
    tcase_add_test(tc, test_ctrl_c_ends_wait);
    tcase_add_test(tc, test_python_objects);
    tcase_add_test(tc, test_errors);
    suite_add_tcase(s, tc);
    return vm_test_main(s);
}
