// The minipy command line and REPL (CPython's Modules/main.c, the -m logic of
// Lib/runpy.py, the interactive loop of Python/pythonrun.c and the readline
// glue of Modules/readline.c with Lib/rlcompleter.py).
//
//   minipy [option] ... [-c cmd | -m mod | file | -] [arg] ...
//
// sys.argv[0] is the script as given, '-c', the module's file for -m, '-' or
// ''; sys.path[0] is the script's directory (symlinks resolved; a directory
// run for its __main__.py itself), the current directory for -m, '' otherwise. Exit status: 0 on success, 1 for an uncaught
// exception, the SystemExit code, 2 for bad usage or a script that cannot be
// opened; an uncaught KeyboardInterrupt ends the process with SIGINT, as
// CPython does, so shells see 130.
//
// The REPL runs when no program is given and stdin is a terminal (or with
// -i, after the program, also after an uncaught exception). With a terminal
// on stdin and stdout it uses GNU readline in callback mode, as CPython does:
// the process waits in select(), so Ctrl-C simply sets the VM's pending-signal
// flag (the same SIGINT handler as everywhere else), and the REPL drops the
// line and prints KeyboardInterrupt. Ctrl-C while code runs reaches the code
// through the eval breaker. Without a terminal, prompts go to stderr and lines
// come from sys.stdin, as in CPython.
//
// Whether an input is complete is the parser's decision (PARSE_SINGLE follows
// CPython's interactive tokenizer): a compound statement ends with an empty
// line, brackets and triple-quoted strings continue, EOF at `... ` ends the
// statement being typed.
//
// REPL tracebacks show no source lines for "<stdin>", as CPython 3.11
// (vm/traceback.c never looks "<...>" names up, except "<frozen NAME>").
#include "vm/runtime.h"
#include "vm/eval.h"
#include "vm/specialize.h"
#include "vm/import.h"
#include "vm/lifecycle.h"
#include "vm/gil.h"
#include "vm/thread.h"
#include "vm/traceback.h"
#include "vm/objects/fileobject.h"
#include "compiler/compile.h"
#include "stdlib/embedded.h"
#include "stdlib/modules.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#define MINIPY_VERSION "0.1.0"

static const char *progname = "minipy";
static bool exit_by_sigint;  // a KeyboardInterrupt reached the top level

// ---- Usage -----------------------------------------------------------------------------

static void usage_line(FILE *f) {
    fprintf(f, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", progname);
}

static void help(void) {
    usage_line(stdout);
    fputs("Options:\n"
          "-c cmd : program passed in as string (terminates option list)\n"
          "-E     : ignore MINIPYPATH\n"
          "-h     : print this help message and exit (also -? or --help)\n"
          "-i     : inspect interactively after running script; forces a prompt even\n"
          "         if stdin does not appear to be a terminal\n"
          "-I     : isolate minipy from the user's environment (implies -E and -P)\n"
          "-m mod : run library module as a script (terminates option list)\n"
          "-P     : don't prepend a potentially unsafe path to sys.path\n"
          "-q     : don't print version and copyright messages on interactive startup\n"
          "-u     : force the stdout and stderr streams to be unbuffered\n"
          "-V     : print the Python version number and exit (also --version)\n"
          "-X opt : set implementation-specific option (into sys._xoptions):\n"
          "         -X gil=0|1, -X gil-stats, -X gil-trace, -X dev,\n"
          "         -X nospecialize (no specializing of instructions)\n"
          "file   : program read from script file\n"
          "-      : program read from stdin (default; interactive mode if a tty)\n"
          "arg ...: arguments passed to program in sys.argv[1:]\n"
          "\n"
          "Accepted and ignored, for compatibility: -b -B -d -O -R -s -S -v -x -W arg\n"
          "\n"
          "Environment variables:\n"
          "MINIPYPATH : ':'-separated list of directories prefixed to the module search path\n"
          "MINIPY_GIL : 0 runs without the GIL (as -X gil=0)\n"
          "MINIPY_SPECIALIZE : 0 turns off the specializing interpreter (as -X nospecialize)\n"
          "PYTHONUNBUFFERED : if non-empty, same as -u\n",
          stdout);
}

static int usage_error(void) {
    usage_line(stderr);
    fprintf(stderr, "Try `%s -h' for more information.\n", progname);
    return 2;
}

// ---- Paths and sys ---------------------------------------------------------------------

// path made absolute by prefixing the current directory, without
// normalizing (CPython's _Py_abspath: `minipy ./../x.py` runs
// "/cwd/./../x.py"). malloc'd.
static char *abspath(const char *path) {
    char cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd)) return strdup(path);
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *out = malloc(n);
    if (out) snprintf(out, n, "%s/%s", cwd, path);
    return out;
}

// The directory part of an absolute path, in place ("/a/b" -> "/a", "/a" -> "/").
static void dirname_inplace(char *p) {
    char *slash = strrchr(p, '/');
    if (!slash) return;
    if (slash == p) slash[1] = '\0';
    else *slash = '\0';
}

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static void sys_set(const char *name, Object *value) {
    if (value) dict_setitem_str(the_interp.sysdict, name, value);
    else err_clear();
    XDECREF(value);
}

static Object *str_or_placeholder(const char *s) {
    Object *o = str_from_cstr(s);
    if (!o) {
        // Not UTF-8: keep the process going, as CPython's surrogateescape would.
        err_clear();
        o = str_from_cstr("?");
    }
    return o;
}

static Object *list_of_cstrs(int n, char **v) {
    Object *l = list_new(0);
    for (int i = 0; l && i < n; i++) {
        Object *s = str_or_placeholder(v[i]);
        if (s) list_append(l, s);
        XDECREF(s);
    }
    return l;
}

static void set_argv(int n, char **rest, const char *argv0) {
    Object *l = list_of_cstrs(n, rest);
    Object *a0 = str_or_placeholder(argv0);
    if (l && a0) list_insert(l, 0, a0);
    XDECREF(a0);
    sys_set("argv", l);
}

static void set_argv0(const char *argv0) {
    Object *argv = dict_getitem(the_interp.sysdict, S_argv);
    Object *a0 = str_or_placeholder(argv0);
    if (argv && LIST_CHECK(argv) && LIST_SIZE(argv) > 0 && a0) SETREF(LIST_ITEMS(argv)[0], a0);
    else XDECREF(a0);
}

// sys.path = [path0 (unless NULL), MINIPYPATH entries (unless ignore_env)].
static void set_path(const char *path0, bool ignore_env) {
    Object *path = dict_getitem(the_interp.sysdict, S_path);
    if (!path || !LIST_CHECK(path)) return;
    ssize_t at = 0;
    if (path0) {
        Object *s = str_or_placeholder(path0);
        if (s) list_insert(path, at++, s);
        XDECREF(s);
    }
    const char *env = ignore_env ? NULL : getenv("MINIPYPATH");
    if (env && *env) {
        char *copy = strdup(env), *save = NULL;
        for (char *tok = copy ? strtok_r(copy, ":", &save) : NULL; tok; tok = strtok_r(NULL, ":", &save)) {
            Object *d = str_or_placeholder(tok);
            if (d) list_insert(path, at++, d);
            XDECREF(d);
        }
        free(copy);
    }
}

static void set_executable(const char *argv0) {
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = '\0';
        sys_set("executable", str_from_cstr(buf));
        return;
    }
    if (strchr(argv0, '/') && realpath(argv0, buf)) sys_set("executable", str_from_cstr(buf));
}

// ---- Top-level exceptions --------------------------------------------------------------

// sys.last_type, sys.last_value, sys.last_traceback, as PyErr_Print sets them.
static void set_last_exception(Object *exc) {
    Object *tb = exc_get_traceback(exc);
    dict_setitem_str(the_interp.sysdict, "last_type", (Object *)TYPE(exc));
    dict_setitem_str(the_interp.sysdict, "last_value", exc);
    dict_setitem_str(the_interp.sysdict, "last_traceback", tb ? tb : None);
}

// Prints exc as PyErr_Print does, through sys.excepthook, and never exits:
// a SystemExit (from a script run with -i) is printed like any exception.
static void print_exception(Object *exc) {
    set_last_exception(exc);
    if (!type_is_subtype(TYPE(exc), Exc_SystemExit)) {
        exc_handle_uncaught(exc);
        return;
    }
    Object *hook = dict_getitem(the_interp.sysdict, S_excepthook);
    if (hook && hook != None) {
        Object *tb = exc_get_traceback(exc);
        Object *args[3] = {(Object *)TYPE(exc), exc, tb ? tb : None};
        Object *r = obj_call(hook, args, 3, NULL);
        if (r) {
            DECREF(r);
            return;
        }
        err_clear();
    }
    exc_print(exc);
}

// Handles the pending exception of the main program; returns the exit status.
// With -i the program's SystemExit does not exit: it is printed like any
// exception and the REPL follows (CPython's handle_system_exit under inspect).
static int handle_main_exception(bool inspect) {
    Object *exc = err_fetch();
    if (!exc) return 1;
    int status;
    if (inspect) {
        print_exception(exc);
        status = 1;
    } else {
        if (type_is_subtype(TYPE(exc), Exc_KeyboardInterrupt)) exit_by_sigint = true;
        if (!type_is_subtype(TYPE(exc), Exc_SystemExit)) set_last_exception(exc);
        status = exc_handle_uncaught(exc);
    }
    DECREF(exc);
    return status;
}

// ---- Running programs ------------------------------------------------------------------

static Object *main_dict(void) {
    Object *m = vm_main_module();
    return m ? module_dict(m) : NULL;
}

// Compiles src as a module and runs it in __main__. Returns the exit status.
// A script read from a file or standard input is bytes (compile_script);
// -c's command is text.
static int run_source(const char *src, size_t len, const char *filename, bool inspect, bool script) {
    Object *d = main_dict();
    Object *fn = d ? str_from_cstr(filename) : NULL;
    if (!fn) return handle_main_exception(inspect);
    Object *co = script ? compile_script(src, len, fn) : compile_source(src, len, fn, PARSE_FILE);
    DECREF(fn);
    if (!co) return handle_main_exception(inspect);
    Object *r = eval_code((CodeObject *)co, d, d);
    DECREF(co);
    if (!r) return handle_main_exception(inspect);
    DECREF(r);
    return 0;
}

// Runs the file at abs_path (absolute) as __main__.
static int run_path(const char *abs_path, bool inspect) {
    size_t len;
    char *src = read_file(abs_path, &len);
    if (!src) {
        int e = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", progname, abs_path, e, strerror(e));
        return 2;
    }
    Object *d = main_dict();
    Object *fn = d ? str_from_cstr(abs_path) : NULL;
    if (fn) dict_setitem(d, S___file__, fn);
    XDECREF(fn);
    source_register(abs_path, src, len);
    int status = run_source(src, len, abs_path, inspect, true);
    free(src);
    return status;
}

// `minipy FILE`: a script, or a directory with a __main__.py.
static int run_file(const char *file, bool inspect) {
    char *abs = abspath(file);
    if (!abs) return 1;
    int status;
    if (is_dir(abs)) {
        size_t n = strlen(abs) + 16;
        char *main_py = malloc(n);
        if (main_py) snprintf(main_py, n, "%s/__main__.py", abs);
        if (main_py && is_file(main_py)) {
            Object *d = main_dict();
            if (d) dict_setitem(d, S___package__, str_intern_cstr(""));
            status = run_path(main_py, inspect);
        } else {
            fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", progname, abs);
            status = 1;
        }
        free(main_py);
    } else {
        status = run_path(abs, inspect);
    }
    free(abs);
    return status;
}

// Where -m finds a module's code (runpy's module spec).
typedef struct {
    char *path;                  // a file, or NULL for an embedded module
    const EmbeddedModule *emb;
    bool is_package;
    bool native;
} ModSpec;

static const EmbeddedModule *find_embedded(const char *name) {
    for (const EmbeddedModule *m = embedded_modules; m->name; m++)
        if (strcmp(m->name, name) == 0) return m;
    return NULL;
}

// Looks for `last` in the directories of search (a list of str), then in the
// embedded stdlib under fullname. Mirrors the search order of vm/import.c.
static bool find_spec(const char *fullname, const char *last, Object *search, bool top_level, ModSpec *spec) {
    memset(spec, 0, sizeof *spec);
    if (top_level) {
        for (const NativeModule *m = native_modules; m->name; m++)
            if (strcmp(m->name, fullname) == 0) spec->native = true;
        if (strcmp(fullname, "sys") == 0 || strcmp(fullname, "builtins") == 0) spec->native = true;
        if (spec->native) return true;
    }
    for (ssize_t i = 0; search && LIST_CHECK(search) && i < LIST_SIZE(search); i++) {
        Object *dir = LIST_ITEMS(search)[i];
        if (!STR_CHECK(dir)) continue;
        const char *ds = STR_NBYTES(dir) ? STR_DATA(dir) : ".";
        size_t n = strlen(ds) + strlen(last) + 32;
        char *p = malloc(n);
        if (!p) return false;
        snprintf(p, n, "%s/%s/__init__.py", ds, last);
        if (is_file(p)) {
            spec->is_package = true;
            spec->path = p;
            return true;
        }
        snprintf(p, n, "%s/%s.py", ds, last);
        if (is_file(p)) {
            spec->path = p;
            return true;
        }
        free(p);
    }
    spec->emb = find_embedded(fullname);
    if (spec->emb) spec->is_package = spec->emb->is_package;
    return spec->emb != NULL;
}

// "Error while finding module specification for 'x' (ModuleNotFoundError: ...)"
static int spec_error(const char *modname) {
    Object *exc = err_fetch();
    if (exc && !type_is_subtype(TYPE(exc), Exc_ImportError)) {
        // Not an ImportError: the traceback of the failing package import.
        err_restore(exc);
        return handle_main_exception(false);
    }
    Object *msg = exc ? obj_str(exc) : NULL;
    if (!msg) err_clear();
    fprintf(stderr, "%s: Error while finding module specification for '%s' (%s: %s)\n", progname, modname,
            exc ? TYPE(exc)->name : "ImportError", msg ? STR_DATA(msg) : "");
    XDECREF(msg);
    XDECREF(exc);
    return 1;
}

// `minipy -m MODULE` (runpy._run_module_as_main).
static int run_module(const char *modname, bool inspect) {
    if (modname[0] == '.') {
        fprintf(stderr, "%s: Relative module names not supported\n", progname);
        return 1;
    }
    const char *dot = strrchr(modname, '.');
    const char *last = dot ? dot + 1 : modname;
    Object *search = NULL;
    char *parent = NULL;
    if (dot) {
        parent = strndup(modname, (size_t)(dot - modname));
        Object *pname = parent ? str_from_cstr(parent) : NULL;
        Object *pkg = pname ? import_module(pname) : NULL;
        XDECREF(pname);
        if (!pkg) {
            free(parent);
            return spec_error(modname);
        }
        int err;
        search = obj_lookup_attr(pkg, S___path__, &err);
        DECREF(pkg);
        if (!search) {
            if (!err) {
                vm_raise(Exc_ModuleNotFoundError, "__path__ attribute not found on '%s' while trying to find '%s'",
                         parent, modname);
            }
            free(parent);
            return spec_error(modname);
        }
    } else {
        search = XNEWREF(dict_getitem(the_interp.sysdict, S_path));
    }
    ModSpec spec;
    memset(&spec, 0, sizeof spec);
    bool found = *modname && find_spec(modname, last, search, dot == NULL, &spec);
    XDECREF(search);
    int status;
    if (!found) {
        fprintf(stderr, "%s: No module named %s\n", progname, modname);
        status = 1;
    } else if (spec.native) {
        fprintf(stderr, "%s: No code object available for %s\n", progname, modname);
        status = 1;
    } else if (spec.is_package) {
        // Import the package, then run its __main__ submodule.
        size_t n = strlen(modname) + 16;
        char *sub = malloc(n);
        snprintf(sub, n, "%s.__main__", modname);
        Object *name = str_from_cstr(modname);
        Object *pkg = name ? import_module(name) : NULL;
        XDECREF(name);
        if (!pkg) {
            status = spec_error(sub);
        } else {
            int err;
            Object *p = obj_lookup_attr(pkg, S___path__, &err);
            if (err) err_clear();
            DECREF(pkg);
            ModSpec sub_spec;
            bool ok = find_spec(sub, "__main__", p, false, &sub_spec) && !sub_spec.is_package;
            free(sub_spec.path);
            XDECREF(p);
            if (ok) {
                status = run_module(sub, inspect);
            } else {
                fprintf(stderr, "%s: No module named %s; '%s' is a package and cannot be directly executed\n",
                        progname, sub, modname);
                status = 1;
            }
        }
        free(sub);
    } else {
        Object *d = main_dict();
        Object *pk = str_from_cstr(parent ? parent : "");
        if (d && pk) dict_setitem(d, S___package__, pk);
        XDECREF(pk);
        if (spec.path) {
            char *abs = abspath(spec.path);
            set_argv0(abs);
            status = run_path(abs, inspect);
            free(abs);
        } else {
            char fname[512];
            snprintf(fname, sizeof fname, "<frozen %s>", modname);
            set_argv0(fname);
            source_register(fname, spec.emb->source, spec.emb->len);
            status = run_source(spec.emb->source, spec.emb->len, fname, inspect, true);
        }
    }
    free(spec.path);
    free(parent);
    return status;
}

// Reads all of stdin.
static char *read_all_stdin(size_t *len) {
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        ssize_t r = read(0, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR) {
            if (the_interp.pending_sigint) break;
            continue;
        }
        if (r <= 0) break;
        n += (size_t)r;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

// ---- Readline: line input --------------------------------------------------------------

static bool use_readline;           // stdin and stdout are terminals
static bool readline_ready;
static char *history_file;
static volatile sig_atomic_t winch_pending, cont_pending;

// Remaining lines of a multi-line readline result (bracketed paste).
static char *pending_text;
static size_t pending_pos;

static char *rl_got_line;
static bool rl_line_done;

static void rl_handler(char *line) {
    rl_got_line = line;
    rl_line_done = true;
    rl_callback_handler_remove();
}

static void on_sigwinch(int sig) {
    (void)sig;
    winch_pending = 1;
}

static void on_sigcont(int sig) {
    (void)sig;
    cont_pending = 1;
}

// Takes a pending Ctrl-C (the VM's SIGINT flag) if there is one.
static bool take_sigint(void) {
    if (!the_interp.pending_sigint) return false;
    the_interp.pending_sigint = 0;
    atomic_fetch_and(&the_interp.eval_breaker, ~BREAK_SIGNALS);
    return true;
}

static void add_to_history(const char *line) {
    if (!*line) return;
    HIST_ENTRY *h = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (h && h->line && strcmp(h->line, line) == 0) return;
    add_history(line);
}

// LINE_INTR: the line was dropped and an exception (KeyboardInterrupt) is set.
typedef enum { LINE_OK, LINE_EOF, LINE_INTR } LineStatus;

// Runs what a pending signal asks for, as CPython's PyErr_CheckSignals does
// while readline waits: true if that raised (KeyboardInterrupt for Ctrl-C).
static bool signal_raised(void) {
    return the_interp.pending_sigint && eval_handle_breaker_public() < 0;
}

// One line with GNU readline in callback mode (Modules/readline.c's
// readline_until_enter_or_signal). *out is malloc'd, without the newline.
static LineStatus rl_read(const char *prompt, char **out) {
    *out = NULL;
    cont_pending = 0;
    rl_line_done = false;
    rl_got_line = NULL;
    fflush(stdout);
    rl_callback_handler_install(prompt, rl_handler);
    while (!rl_line_done) {
        if (signal_raised()) {
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_cleanup_after_signal();
            rl_callback_handler_remove();
            return LINE_INTR;
        }
        if (winch_pending) {
            winch_pending = 0;
            rl_resize_terminal();
        }
        if (cont_pending) {
            // Back from Ctrl-Z and `fg`: the shell left the terminal in its
            // own mode; set readline's again and redraw the line.
            cont_pending = 0;
            (*rl_deprep_term_function)();
            (*rl_prep_term_function)(1);
            rl_on_new_line();
            rl_forced_update_display();
        }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fileno(rl_instream), &fds);
        struct timeval tv = {0, 100000};
        vm_blocking_begin();
        int r = select(fileno(rl_instream) + 1, &fds, NULL, NULL, &tv);
        int e = errno;
        vm_blocking_end();
        if (r > 0) {
            rl_callback_read_char();
        } else if (r < 0 && e != EINTR) {
            rl_callback_handler_remove();
            return LINE_EOF;
        }
    }
    if (!rl_got_line) return LINE_EOF;
    add_to_history(rl_got_line);
    *out = rl_got_line;
    return LINE_OK;
}

// A file object remembers EOF (vm/objects/fileobject.c), but on a terminal
// Ctrl-D ends one read only, as for CPython's io: forget it there.
static void unstick_terminal_eof(void) {
    Object *in = dict_getitem_str(the_interp.sysdict, "__stdin__");
    if (in && TYPE(in) == &FileType && ((FileObject *)in)->eof && isatty(((FileObject *)in)->fd))
        ((FileObject *)in)->eof = false;
}

// One line from sys.stdin without a terminal; the prompt goes to stderr.
static LineStatus stdio_read(const char *prompt, char **out) {
    *out = NULL;
    vm_flush_std();
    fputs(prompt, stderr);
    fflush(stderr);
    if (signal_raised()) return LINE_INTR;
    unstick_terminal_eof();
    Object *in = dict_getitem_str(the_interp.sysdict, "__stdin__");
    if (!in || in == None) in = dict_getitem(the_interp.sysdict, S_stdin);
    if (!in || in == None) return LINE_EOF;
    Object *line = obj_call_method_obj(in, S_readline, NULL, 0);
    if (!line) {
        if (err_matches(Exc_KeyboardInterrupt)) return LINE_INTR;
        err_clear();
        return LINE_EOF;
    }
    if (!STR_CHECK(line) || STR_NBYTES(line) == 0) {
        DECREF(line);
        return LINE_EOF;
    }
    ssize_t n = STR_NBYTES(line);
    if (STR_DATA(line)[n - 1] == '\n') n--;
    *out = strndup(STR_DATA(line), (size_t)n);
    DECREF(line);
    return *out ? LINE_OK : LINE_EOF;
}

// The next input line: pasted text first, then the terminal or stdin.
static LineStatus read_input_line(const char *prompt, char **out) {
    if (pending_text) {
        char *start = pending_text + pending_pos;
        char *nl = strchr(start, '\n');
        if (nl) {
            *out = strndup(start, (size_t)(nl - start));
            pending_pos += (size_t)(nl - start) + 1;
        } else {
            *out = strdup(start);
            pending_pos += strlen(start);
        }
        if (!pending_text[pending_pos]) {
            free(pending_text);
            pending_text = NULL;
        }
        return LINE_OK;
    }
    LineStatus st = use_readline ? rl_read(prompt, out) : stdio_read(prompt, out);
    if (st == LINE_OK) {
        char *nl = strchr(*out, '\n');
        if (nl) {
            // A paste of several lines arrives as one: feed them one by one.
            *nl = '\0';
            if (nl[1]) {
                pending_text = strdup(nl + 1);
                pending_pos = 0;
            }
        }
    }
    return st;
}

static void drop_pending_text(void) {
    free(pending_text);
    pending_text = NULL;
}

// Where the REPL's own newlines go: the prompt's stream.
static void prompt_newline(void) {
    FILE *f = use_readline ? stdout : stderr;
    fputc('\n', f);
    fflush(f);
}

// ---- Readline: completion (Lib/rlcompleter.py) -----------------------------------------

static char **cands;
static size_t ncands, cands_cap, cand_index;

static void cands_clear(void) {
    for (size_t i = 0; i < ncands; i++) free(cands[i]);
    ncands = 0;
}

static void cand_add(const char *s, size_t n, const char *suffix) {
    if (ncands == cands_cap) {
        size_t cap = cands_cap ? cands_cap * 2 : 64;
        char **nc = realloc(cands, cap * sizeof *nc);
        if (!nc) return;
        cands = nc;
        cands_cap = cap;
    }
    size_t sl = strlen(suffix);
    char *c = malloc(n + sl + 1);
    if (!c) return;
    memcpy(c, s, n);
    memcpy(c + n, suffix, sl + 1);
    cands[ncands++] = c;
}

static bool cand_seen(const char *s, size_t n) {
    for (size_t i = 0; i < ncands; i++)
        if (strncmp(cands[i], s, n) == 0 && (cands[i][n] == '\0' || cands[i][n] == '(' || cands[i][n] == ' ' ||
                                             cands[i][n] == ':'))
            return true;
    return false;
}

// Number of parameters of a Python function, or -1 if unknown.
static int func_params(Object *f) {
    if (TYPE(f) != &FunctionType) return -1;
    CodeObject *co = ((FunctionObject *)f)->code;
    return co->argcount + co->kwonlyargcount + !!(co->flags & CO_VARARGS) + !!(co->flags & CO_VARKEYWORDS);
}

// Parameters of a bound method's function without self; -1 if unknown.
static int bound_params(Object *f) {
    int n = func_params(f);
    if (n < 0) return -1;
    return ((FunctionObject *)f)->code->argcount > 0 ? n - 1 : n;
}

// rlcompleter's _callable_postfix: "(" for callables, "()" when
// inspect.signature would show no parameters (Python functions, methods and
// classes whose __init__ and __new__ are object's or take nothing).
static const char *callable_postfix(Object *v) {
    if (!obj_callable(v)) return "";
    int n = -1;
    if (TYPE(v) == &FunctionType) {
        n = func_params(v);
    } else if (TYPE(v) == &MethodType) {
        n = bound_params(((MethodObject *)v)->func);
    } else if (type_is_subtype(TYPE(v), &TypeType)) {
        TypeObject *t = (TypeObject *)v;
        Object *init = type_lookup(t, S___init__), *new_ = type_lookup(t, S___new__);
        Object *obj_init = type_lookup(&BaseObjectType, S___init__);
        Object *obj_new = type_lookup(&BaseObjectType, S___new__);
        if (new_ == obj_new) {
            if (init == obj_init) n = 0;
            else if (init) n = bound_params(init);
        }
    }
    return n == 0 ? "()" : "(";
}

static const char *const kwlist[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "_", "case", "match", NULL};

static bool is_word_char(unsigned char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Completions of a plain name: keywords, then __main__'s names, then builtins.
static void global_matches(const char *text, size_t n) {
    for (int i = 0; kwlist[i]; i++) {
        const char *w = kwlist[i];
        if (strncmp(w, text, n) != 0) continue;
        const char *suffix = " ";
        if (!strcmp(w, "finally") || !strcmp(w, "try")) suffix = ":";
        else if (!strcmp(w, "False") || !strcmp(w, "None") || !strcmp(w, "True") || !strcmp(w, "break") ||
                 !strcmp(w, "continue") || !strcmp(w, "pass") || !strcmp(w, "else") || !strcmp(w, "_"))
            suffix = "";
        cand_add(w, strlen(w), suffix);
    }
    Object *spaces[2] = {main_dict(), the_interp.builtins};
    for (int k = 0; k < 2; k++) {
        if (!spaces[k]) continue;
        ssize_t pos = 0;
        Object *key, *val;
        while (dict_next(spaces[k], &pos, &key, &val)) {
            if (!STR_CHECK(key)) continue;
            const char *w = STR_DATA(key);
            size_t wl = (size_t)STR_NBYTES(key);
            if (wl < n || strncmp(w, text, n) != 0 || strcmp(w, "__builtins__") == 0 || cand_seen(w, wl)) continue;
            cand_add(w, wl, callable_postfix(val));
        }
    }
}

// Completions of expr.attr where expr is a dotted name: evaluates expr.
static void attr_matches(const char *text, const char *dot) {
    // expr must be \w+(\.\w+)*, attr \w*.
    for (const char *p = text; p < dot; p++) {
        if (*p == '.' ? (p == text || p[-1] == '.') : !is_word_char((unsigned char)*p)) return;
    }
    if (dot == text || dot[-1] == '.') return;
    for (const char *p = dot + 1; *p; p++)
        if (!is_word_char((unsigned char)*p)) return;
    Object *d = main_dict();
    Object *src = str_from_utf8(text, dot - text);
    Object *co = src ? compile_source(STR_DATA(src), (size_t)STR_NBYTES(src), str_intern_cstr("<completion>"),
                                      PARSE_EVAL)
                     : NULL;
    XDECREF(src);
    Object *obj = co && d ? eval_code((CodeObject *)co, d, d) : NULL;
    XDECREF(co);
    if (!obj) return;
    Object *dirf = dict_getitem_str(the_interp.builtins, "dir");
    Object *names = dirf ? obj_call1(dirf, obj) : NULL;
    if (names && LIST_CHECK(names)) {
        const char *attr = dot + 1;
        size_t n = strlen(attr);
        // Private names only when asked for: no '_' names for "x.", no '__' for "x._".
        const char *noprefix = n == 0 ? "_" : (n == 1 && attr[0] == '_') ? "__" : NULL;
        size_t before = ncands;
        for (;;) {
            for (ssize_t i = 0; i < LIST_SIZE(names); i++) {
                Object *name = LIST_ITEMS(names)[i];
                if (!STR_CHECK(name)) continue;
                const char *w = STR_DATA(name);
                if (strncmp(w, attr, n) != 0 || strcmp(w, "__builtins__") == 0) continue;
                if (noprefix && strncmp(w, noprefix, strlen(noprefix)) == 0) continue;
                size_t elen = (size_t)(dot - text);
                size_t wl = (size_t)STR_NBYTES(name);
                char *full = malloc(elen + wl + 2);
                if (!full) continue;
                memcpy(full, text, elen + 1);
                memcpy(full + elen + 1, w, wl + 1);
                // A property is not evaluated (bpo-44752); other values get "(" if callable.
                Object *descr = type_lookup(TYPE(obj), name);
                const char *suffix = "";
                if (!(descr && TYPE(descr) == &PropertyType)) {
                    int err;
                    Object *v = obj_lookup_attr(obj, name, &err);
                    if (err) err_clear();
                    if (v && v != None) suffix = callable_postfix(v);
                    XDECREF(v);
                }
                cand_add(full, elen + 1 + wl, suffix);
                free(full);
            }
            if (ncands > before || !noprefix) break;
            noprefix = noprefix[1] ? NULL : "__";
        }
    }
    XDECREF(names);
    DECREF(obj);
}

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char *completion_generator(const char *text, int state) {
    if (state == 0) {
        cands_clear();
        cand_index = 0;
        Object *saved = err_fetch();
        const char *dot = strrchr(text, '.');
        if (dot) attr_matches(text, dot);
        else global_matches(text, strlen(text));
        err_clear();
        err_restore(saved);
        if (dot) qsort(cands, ncands, sizeof *cands, cmp_cstr);
    }
    return cand_index < ncands ? strdup(cands[cand_index++]) : NULL;
}

static char *empty_generator(const char *text, int state) {
    (void)text;
    return state == 0 ? strdup("") : NULL;
}

static char **repl_complete(const char *text, int start, int end) {
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1;
    rl_completion_append_character = '\0';
    rl_completion_suppress_append = 0;
    if (text[strspn(text, " \t")] == '\0') {
        // Tab on an empty word indents (rlcompleter inserts a tab).
        rl_insert_text("\t");
        return rl_completion_matches(text, empty_generator);
    }
    return rl_completion_matches(text, completion_generator);
}

static void readline_setup(void) {
    if (readline_ready) return;
    readline_ready = true;
    rl_readline_name = "minipy";
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_attempted_completion_function = repl_complete;
    rl_completer_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    rl_instream = stdin;
    rl_outstream = stdout;
    rl_initialize();
    // As CPython (bpo-42819): pasted lines arrive one by one, and readline
    // 8.1+ does not write "\e[?2004l\r" after each accepted line.
    rl_variable_bind("enable-bracketed-paste", "off");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigwinch;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGWINCH, &sa, NULL);
    sa.sa_handler = on_sigcont;
    sigaction(SIGCONT, &sa, NULL);
    using_history();
    const char *home = getenv("HOME");
    if (home && *home) {
        size_t n = strlen(home) + 32;
        history_file = malloc(n);
        if (history_file) {
            snprintf(history_file, n, "%s/.minipy_history", home);
            read_history(history_file);
        }
    }
}

static void readline_finish(void) {
    if (history_file) {
        write_history(history_file);
        free(history_file);
        history_file = NULL;
    }
}

// ---- The REPL --------------------------------------------------------------------------

// str(sys.ps1) or str(sys.ps2). malloc'd.
static char *get_prompt(const char *which, const char *dflt) {
    Object *p = dict_getitem_str(the_interp.sysdict, which);
    if (!p) return strdup(dflt);
    Object *s = obj_str(p);
    if (!s) {
        err_clear();
        return strdup("");
    }
    char *r = strdup(STR_DATA(s));
    DECREF(s);
    return r;
}

// Reads one statement: a code object, or NULL with *eof, or with an
// exception set (SyntaxError, KeyboardInterrupt), or nothing for empty input.
static Object *read_statement(bool *eof, StrBuf *buf, Object *fname) {
    *eof = false;
    bool first = true;
    for (;;) {
        char *prompt = first ? get_prompt("ps1", ">>> ") : get_prompt("ps2", "... ");
        char *line = NULL;
        LineStatus st = read_input_line(prompt ? prompt : "", &line);
        free(prompt);
        if (st == LINE_INTR) {
            prompt_newline();
            drop_pending_text();
            return NULL;
        }
        if (st == LINE_EOF) {
            prompt_newline();
            if (first) {
                *eof = true;
                return NULL;
            }
            // EOF ends the statement being typed (the tokenizer's ENDMARKER);
            // a block that the parser wants closed by an empty line gets one.
            Object *co = compile_source(buf->buf, (size_t)buf->len, fname, PARSE_SINGLE);
            if (!co) {
                Object *exc = err_fetch();
                sb_putc(buf, '\n');
                bool incomplete = false;
                co = compile_interactive(buf->buf, (size_t)buf->len, fname, &incomplete);
                err_clear();
                if (co) XDECREF(exc);
                else err_restore(exc);
                if (!co && !err_occurred()) vm_raise(Exc_SyntaxError, "unexpected EOF while parsing");
            }
            return co;
        }
        first = false;
        sb_puts(buf, line);
        sb_putc(buf, '\n');
        free(line);
        if (buf->len == 1) return NULL;  // an empty line at the primary prompt
        bool incomplete = false;
        Object *co = compile_interactive(buf->buf, (size_t)buf->len, fname, &incomplete);
        if (!incomplete) return co;
    }
}

// input() through readline while the REPL runs (see vm_readline_hook).
static char *input_readline(const char *prompt, int *status) {
    char *line = NULL;
    LineStatus st = rl_read(prompt, &line);
    *status = st == LINE_OK ? 0 : st == LINE_EOF ? 1 : 2;
    return line;
}

// The interactive loop (PyRun_InteractiveLoop). Returns the exit status.
static int repl(bool banner) {
    the_interp.interactive = true;
    use_readline = isatty(0) && isatty(1);
    if (use_readline) {
        readline_setup();
        vm_readline_hook = input_readline;
    }
    if (!dict_getitem_str(the_interp.sysdict, "ps1")) sys_set("ps1", str_from_cstr(">>> "));
    if (!dict_getitem_str(the_interp.sysdict, "ps2")) sys_set("ps2", str_from_cstr("... "));
    if (banner) {
        Object *v = dict_getitem_str(the_interp.sysdict, "version");
        Object *plat = dict_getitem_str(the_interp.sysdict, "platform");
        fprintf(stderr, "Python %s on %s\nType \"exit()\" or Ctrl-D (i.e. EOF) to exit.\n",
                v && STR_CHECK(v) ? STR_DATA(v) : "3.11", plat && STR_CHECK(plat) ? STR_DATA(plat) : "linux");
        // The GIL mode, and how to switch it (free-threading build: see main()).
        fprintf(stderr, "GIL %s: sys._set_gil_enabled(%s) switches it %s.\n", gil_enabled() ? "on" : "off",
                gil_enabled() ? "False" : "True", gil_enabled() ? "off" : "on");
    }
    Object *d = main_dict();
    int status = 0;
    for (;;) {
        vm_flush_std();
        StrBuf buf;
        sb_init(&buf);
        bool eof = false;
        Object *fname = str_from_cstr("<stdin>");
        Object *co = fname ? read_statement(&eof, &buf, fname) : NULL;
        sb_free(&buf);
        XDECREF(fname);
        if (eof) break;
        Object *r = NULL;
        if (co) {
            unstick_terminal_eof();
            r = d ? eval_code((CodeObject *)co, d, d) : NULL;
            DECREF(co);
        }
        if (r) {
            DECREF(r);
            continue;
        }
        // A SyntaxError, a Ctrl-C at the prompt, or an exception of the code.
        Object *exc = err_fetch();
        if (!exc) continue;
        if (type_is_subtype(TYPE(exc), Exc_SystemExit)) {
            status = exc_handle_uncaught(exc);
            DECREF(exc);
            break;
        }
        print_exception(exc);
        DECREF(exc);
    }
    vm_flush_std();
    drop_pending_text();
    if (use_readline) readline_finish();
    return status;
}

// ---- main ------------------------------------------------------------------------------

#ifdef MINIPY_FT
// The free-threading build's entry point (see CMakeLists.txt): main() of the
// default build hands over to it when the GIL is to be off.
__attribute__((visibility("default")))
#else
int minipy_main_ft(int argc, char **argv);
#endif
int main(int argc, char **argv) {
    progname = argc > 0 && argv[0] ? argv[0] : "minipy";
    const char *command = NULL, *module = NULL, *file = NULL;
    bool inspect = false, quiet = false, ignore_env = false, safe_path = false, unbuffered = false;
    const char **xopts = calloc((size_t)argc + 1, sizeof *xopts);
    int nx = 0;
    int i = 1;
#define EARLY_EXIT(status) \
    do {                   \
        free(xopts);       \
        return (status);   \
    } while (0)
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') break;  // the script, or "-"
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            if (strcmp(a, "--help") == 0) {
                help();
                EARLY_EXIT(0);
            }
            if (strcmp(a, "--version") == 0) {
                printf("Python 3.11.7 (minipy %s)\n", MINIPY_VERSION);
                EARLY_EXIT(0);
            }
            fprintf(stderr, "unknown option %s\n", a);
            EARLY_EXIT(usage_error());
        }
        bool stop = false;
        for (int j = 1; a[j] && !stop; j++) {
            char c = a[j];
            if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
                const char *arg = a[j + 1] ? a + j + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!arg) {
                    fprintf(stderr, "Argument expected for the -%c option\n", c);
                    EARLY_EXIT(usage_error());
                }
                if (c == 'c') command = arg;
                else if (c == 'm') module = arg;
                else if (c == 'X') xopts[nx++] = arg;
                stop = true;
                continue;
            }
            switch (c) {
            case 'h':
            case '?': help(); EARLY_EXIT(0);
            case 'V': printf("Python 3.11.7 (minipy %s)\n", MINIPY_VERSION); EARLY_EXIT(0);
            case 'i': inspect = true; break;
            case 'q': quiet = true; break;
            case 'E': ignore_env = true; break;
            case 'P': safe_path = true; break;
            case 'I': ignore_env = safe_path = true; break;
            case 'u': unbuffered = true; break;
            case 'b': case 'B': case 'd': case 'O': case 'R': case 's': case 'S': case 'v': case 'x':
                break;
            default:
                fprintf(stderr, "Unknown option: -%c\n", c);
                EARLY_EXIT(usage_error());
            }
        }
        if (command || module) {
            i++;
            break;
        }
    }
#undef EARLY_EXIT
    bool stdin_prog = false;
    if (!command && !module && i < argc) {
        if (strcmp(argv[i], "-") == 0) stdin_prog = true;
        else file = argv[i];
        i++;
    }

    // UTF-8 text for readline; CPython coerces the C locale to C.UTF-8 too.
    setlocale(LC_CTYPE, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");

    // The GIL: on unless -X gil=0 or MINIPY_GIL=0 (CPython 3.13's PYTHON_GIL);
    // -X gil=1 / MINIPY_GIL=1 force it on. -X gil-stats, -X gil-trace=FILE.
    the_interp.gil_enabled = 1;
    const char *genv = ignore_env ? NULL : getenv("MINIPY_GIL");
    if (genv && (strcmp(genv, "0") == 0 || strcmp(genv, "1") == 0)) the_interp.gil_enabled = genv[0] == '1';
    else if (genv && *genv) {
        fprintf(stderr, "%s: MINIPY_GIL must be 0 or 1, not %s\n", progname, genv);
        free(xopts);
        return 2;
    }
    // The specializing interpreter (vm/specialize.c): on unless -X nospecialize
    // or MINIPY_SPECIALIZE=0.
    const char *senv = ignore_env ? NULL : getenv("MINIPY_SPECIALIZE");
    if (senv && strcmp(senv, "0") == 0) spec_enabled = false;
    for (int k = 0; k < nx; k++) {
        if (strncmp(xopts[k], "gil=", 4) == 0) {
            const char *v = xopts[k] + 4;
            if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
                fprintf(stderr, "%s: -X gil must be 0 or 1\n", progname);
                free(xopts);
                return 2;
            }
            the_interp.gil_enabled = v[0] == '1';
        } else if (strcmp(xopts[k], "gil-stats") == 0) {
            gil_stats_enable();
        } else if (strncmp(xopts[k], "gil-trace=", 10) == 0 && xopts[k][10]) {
            gil_trace_enable(xopts[k] + 10);
        } else if (strcmp(xopts[k], "gil-trace") == 0) {
            gil_trace_enable("minipy-gil-trace.json");
        } else if (strcmp(xopts[k], "nospecialize") == 0) {
            spec_enabled = false;
        }
    }

    // The int/str conversion limit: PYTHONINTMAXSTRDIGITS, then -X
    // int_max_str_digits=N (0, or 640 and more), as CPython 3.11.
    const char *lim = ignore_env ? NULL : getenv("PYTHONINTMAXSTRDIGITS");
    const char *lim_src = "PYTHONINTMAXSTRDIGITS";
    if (lim && !*lim) lim = NULL;
    for (int k = 0; k < nx; k++) {
        if (strncmp(xopts[k], "int_max_str_digits", 18) == 0 && (!xopts[k][18] || xopts[k][18] == '=')) {
            lim = xopts[k][18] ? xopts[k] + 19 : "";
            lim_src = "-X int_max_str_digits";
        }
    }
    if (lim) {
        char *end;
        errno = 0;
        long n = strtol(lim, &end, 10);
        if (!*lim || *end || errno || n < 0 || n > INT_MAX || (n > 0 && n < 640)) {
            fprintf(stderr, "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; "
                            "must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n", lim_src);
            free(xopts);
            return 1;
        }
        int_max_str_digits = (int)n;
    }

#ifndef MINIPY_FT
    // Without the GIL, the free-threading build of the VM runs the program
    // (as CPython 3.13 needs python3.13t for PYTHON_GIL=0). The interactive
    // REPL always runs in it, so that sys._set_gil_enabled() can switch the
    // GIL off and on while the session lasts.
    if (!the_interp.gil_enabled || (!file && !command && !module && (inspect || isatty(0)))) {
        free(xopts);
        return minipy_main_ft(argc, argv);
    }
#endif
    if (vm_init() < 0) {
        fprintf(stderr, "%s: fatal error during start-up\n", progname);
        free(xopts);
        return 1;
    }
    the_interp.inspect = inspect;
    // -X name[=value] into sys._xoptions: True, or the text after '='.
    for (int k = 0; k < nx; k++) {
        const char *eq = strchr(xopts[k], '=');
        Object *key = eq ? str_from_utf8(xopts[k], eq - xopts[k]) : str_from_cstr(xopts[k]);
        Object *val = eq ? str_from_cstr(eq + 1) : NEWREF(True);
        if (key && val) dict_setitem(the_interp.xoptions, key, val);
        else err_clear();
        XDECREF(key);
        XDECREF(val);
    }
    free(xopts);
    set_executable(progname);
    sys_set("orig_argv", list_of_cstrs(argc, argv));
    // -u or PYTHONUNBUFFERED: every write to stdout and stderr goes out at
    // once (as CPython's write_through), so nothing is lost to an exec or
    // interleaved out of order with a child's output.
    const char *ub = ignore_env ? NULL : getenv("PYTHONUNBUFFERED");
    if (unbuffered || (ub && *ub)) {
        Object *names[2] = {S_stdout, S_stderr};
        for (int k = 0; k < 2; k++) {
            Object *f = dict_getitem(the_interp.sysdict, names[k]);
            if (f && TYPE(f) == &FileType) ((FileObject *)f)->unbuffered = true;
        }
    }

    int status = 0;
    bool banner = false;
    if (command) {
        set_argv(argc - i, argv + i, "-c");
        set_path(safe_path ? NULL : "", ignore_env);
        status = run_source(command, strlen(command), "<string>", inspect, false);
    } else if (module) {
        set_argv(argc - i, argv + i, "-m");
        char cwd[PATH_MAX];
        set_path(safe_path ? NULL : getcwd(cwd, sizeof cwd) ? cwd : "", ignore_env);
        status = run_module(module, inspect);
    } else if (file) {
        set_argv(argc - i, argv + i, file);
        // A script's directory, symlinks resolved; a directory itself, as given.
        char *abs = abspath(file);
        char real[PATH_MAX];
        char *dir = !abs || is_dir(abs) ? abs : realpath(abs, real) ? strdup(real) : strdup(abs);
        if (dir != abs) {
            free(abs);
            if (dir) dirname_inplace(dir);
        }
        set_path(safe_path || !dir ? NULL : dir, ignore_env);
        free(dir);
        status = run_file(file, inspect);
    } else {
        set_argv(argc - i, argv + i, stdin_prog ? "-" : "");
        set_path(safe_path ? NULL : "", ignore_env);
        if (isatty(0) || inspect) {
            inspect = true;
            banner = !quiet;
        } else {
            size_t len;
            char *src = read_all_stdin(&len);
            if (!src) status = 1;
            else if (take_sigint()) {
                err_set_object((Object *)Exc_KeyboardInterrupt);
                status = handle_main_exception(false);
            } else {
                status = run_source(src, len, "<stdin>", false, true);
            }
            free(src);
        }
    }
    // -i: the REPL follows the program, whatever happened to it (even a
    // script that could not be opened, as in CPython).
    if (inspect) {
        exit_by_sigint = false;
        status = repl(banner);
    }
    // Join the other threads, flush, report GIL statistics.
    threads_shutdown();
    vm_finalize_modules();
#ifdef MINIPY_FT
    ft_finish();
#endif
    if (vm_flush_std() < 0 && status == 0) status = 120;
    gil_report();
    fflush(stdout);
    fflush(stderr);
    if (exit_by_sigint) {
        // As CPython: die of SIGINT so the parent sees the interrupt.
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        return 130;
    }
    return status;
}
