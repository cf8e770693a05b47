// The minipy command line and REPL (CPython's Modules/main.c and the
// interactive loop of Python/pythonrun.c).
//
//   minipy [-X opt[=v]] [-i] (FILE | -c CODE | -m MODULE | -) [ARGS...]
//
// Exit status: 0 on success, 1 for an uncaught exception, the SystemExit code
// otherwise, 2 for bad usage. With no program and a terminal, the REPL runs
// with GNU readline; without a terminal the program is read from stdin.
#include "vm/runtime.h"
#include "vm/eval.h"
#include "vm/import.h"
#include "vm/lifecycle.h"
#include "vm/traceback.h"
#include "vm/objects/fileobject.h"
#include "compiler/compile.h"
#include "stdlib/embedded.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#define MINIPY_VERSION "0.1.0"

static void usage(FILE *f, const char *prog) {
    fprintf(f,
            "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
            "Options:\n"
            "-c cmd : program passed in as string (terminates option list)\n"
            "-h     : print this help message and exit (also -? or --help)\n"
            "-i     : inspect interactively after running script\n"
            "-m mod : run library module as a script (terminates option list)\n"
            "-V     : print the Python version number and exit (also --version)\n"
            "-X opt : set implementation-specific option: gil=0|1, gil-stats, gil-trace, dev\n"
            "file   : program read from script file\n"
            "-      : program read from stdin (default; interactive mode if a tty)\n"
            "arg ...: arguments passed to program in sys.argv[1:]\n",
            prog);
}

// An absolute, normalized version of path (os.path.abspath).
static char *abspath(const char *path) {
    char cwd[PATH_MAX];
    const char *base = "";
    if (path[0] != '/') {
        if (!getcwd(cwd, sizeof cwd)) return strdup(path);
        base = cwd;
    }
    size_t n = strlen(base) + strlen(path) + 2;
    char *joined = malloc(n);
    if (!joined) return NULL;
    snprintf(joined, n, "%s%s%s", base, *base ? "/" : "", path);
    // Normalize: collapse //, ., ..
    char *out = malloc(n + 1);
    if (!out) {
        free(joined);
        return NULL;
    }
    size_t olen = 0;
    char *save = NULL;
    for (char *tok = strtok_r(joined, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
        if (strcmp(tok, ".") == 0) continue;
        if (strcmp(tok, "..") == 0) {
            while (olen > 0 && out[olen - 1] != '/') olen--;
            if (olen > 0) olen--;
            continue;
        }
        out[olen++] = '/';
        size_t tl = strlen(tok);
        memcpy(out + olen, tok, tl);
        olen += tl;
    }
    if (olen == 0) out[olen++] = '/';
    out[olen] = '\0';
    free(joined);
    return out;
}

static void set_argv(int argc, char **argv, const char *argv0) {
    Object *l = list_new(0);
    Object *a0 = str_from_cstr(argv0);
    list_append(l, a0);
    DECREF(a0);
    for (int i = 0; i < argc; i++) {
        Object *s = str_from_cstr(argv[i]);
        if (!s) {
            err_clear();
            s = str_from_cstr("?");
        }
        list_append(l, s);
        DECREF(s);
    }
    dict_setitem(the_interp.sysdict, S_argv, l);
    DECREF(l);
}

static void set_path(const char *first) {
    Object *path = dict_getitem(the_interp.sysdict, S_path);
    Object *s = str_from_cstr(first);
    list_append(path, s);
    DECREF(s);
    const char *env = getenv("MINIPYPATH");
    if (env && *env) {
        char *copy = strdup(env), *save = NULL;
        for (char *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save)) {
            Object *d = str_from_cstr(tok);
            list_append(path, d);
            DECREF(d);
        }
        free(copy);
    }
}

// Handles the pending exception at top level; returns the exit status.
static int report_exception(void) {
    Object *exc = err_fetch();
    if (!exc) return 1;
    int status = exc_handle_uncaught(exc);
    DECREF(exc);
    return status;
}

static int run_source(const char *src, size_t len, const char *filename) {
    Object *main = vm_main_module();
    Object *fn = str_from_cstr(filename);
    if (!main || !fn) return report_exception();
    Object *d = module_dict(main);
    if (filename[0] != '<') dict_setitem(d, S___file__, fn);
    Object *co = compile_source(src, len, fn, PARSE_FILE);
    DECREF(fn);
    if (!co) return report_exception();
    Object *r = eval_code((CodeObject *)co, d, d);
    DECREF(co);
    if (!r) return report_exception();
    DECREF(r);
    return 0;
}

static int run_file(const char *path) {
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        fprintf(stderr, "minipy: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return 2;
    }
    char *abs = abspath(path);
    source_register(abs, src, len);
    int status = run_source(src, len, abs);
    free(abs);
    free(src);
    return status;
}

static int run_module(const char *modname) {
    // Find the module's source without executing it, then run it as __main__.
    const char *last = strrchr(modname, '.');
    last = last ? last + 1 : modname;
    Object *path = dict_getitem(the_interp.sysdict, S_path);
    for (ssize_t i = 0; path && i < LIST_SIZE(path); i++) {
        Object *dir = LIST_ITEMS(path)[i];
        char p[PATH_MAX];
        snprintf(p, sizeof p, "%s/%s.py", STR_NBYTES(dir) ? STR_DATA(dir) : ".", modname);
        if (access(p, R_OK) == 0) {
            char *abs = abspath(p);
            Object *a0 = str_from_cstr(abs);
            Object *argv = dict_getitem(the_interp.sysdict, S_argv);
            SETREF(LIST_ITEMS(argv)[0], a0);
            int st = run_file(abs);
            free(abs);
            return st;
        }
    }
    for (const EmbeddedModule *m = embedded_modules; m->name; m++) {
        if (strcmp(m->name, modname) == 0 && !m->is_package) {
            char fname[256];
            snprintf(fname, sizeof fname, "<frozen %s>", modname);
            source_register(fname, m->source, m->len);
            return run_source(m->source, m->len, fname);
        }
    }
    (void)last;
    fprintf(stderr, "minipy: No module named %s\n", modname);
    return 1;
}

// ---- The REPL --------------------------------------------------------------------------

static sigjmp_buf repl_jmp;
static volatile sig_atomic_t in_readline;

static void repl_sigint(int sig) {
    if (in_readline) {
        siglongjmp(repl_jmp, 1);
    }
    the_interp.pending_sigint = 1;
    atomic_fetch_or(&the_interp.eval_breaker, BREAK_SIGNALS);
}

static char *history_path(void) {
    const char *home = getenv("HOME");
    if (!home) return NULL;
    size_t n = strlen(home) + 32;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/.minipy_history", home);
    return p;
}

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", NULL};

static Object *completions;

// Collects candidate names for `text` (a name or dotted.prefix).
static void build_completions(const char *text) {
    CLEAR(completions);
    completions = list_new(0);
    if (!completions) return;
    const char *dot = strrchr(text, '.');
    Object *saved = err_fetch();
    if (dot) {
        // Evaluate the object part only if it is a plain dotted name.
        for (const char *p = text; p < dot; p++)
            if (!(*p == '.' || *p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9'))) {
                err_restore(saved);
                return;
            }
        Object *src = str_from_utf8(text, dot - text);
        Object *fn = str_intern_cstr("<completion>");
        Object *co = src ? compile_source(STR_DATA(src), (size_t)STR_NBYTES(src), fn, PARSE_EVAL) : NULL;
        Object *d = module_dict(vm_main_module());
        Object *obj = co ? eval_code((CodeObject *)co, d, d) : NULL;
        XDECREF(co);
        XDECREF(src);
        if (obj) {
            Object *b = dict_getitem(the_interp.builtins, str_intern_cstr("dir"));
            Object *names = b ? obj_call1(b, obj) : NULL;
            if (names) {
                for (ssize_t i = 0; i < LIST_SIZE(names); i++) {
                    Object *full = str_from_format("%s.%U", "", LIST_ITEMS(names)[i]);
                    Object *cand = str_from_utf8(text, dot - text);
                    Object *joined = cand && full ? str_concat(cand, full) : NULL;
                    if (joined) list_append(completions, joined);
                    XDECREF(joined);
                    XDECREF(cand);
                    XDECREF(full);
                }
                DECREF(names);
            }
            DECREF(obj);
        }
        err_clear();
        err_restore(saved);
        return;
    }
    for (int i = 0; keywords[i]; i++) {
        Object *s = str_from_cstr(keywords[i]);
        list_append(completions, s);
        DECREF(s);
    }
    Object *dicts[2] = {module_dict(vm_main_module()), the_interp.builtins};
    for (int k = 0; k < 2; k++) {
        Object *keys = dict_keys_list(dicts[k]);
        if (keys) {
            list_extend(completions, keys);
            DECREF(keys);
        }
    }
    err_clear();
    err_restore(saved);
}

static char *completion_generator(const char *text, int state) {
    static ssize_t index;
    static size_t len;
    if (state == 0) {
        build_completions(text);
        index = 0;
        len = strlen(text);
    }
    while (completions && index < LIST_SIZE(completions)) {
        Object *s = LIST_ITEMS(completions)[index++];
        if (STR_CHECK(s) && strncmp(STR_DATA(s), text, len) == 0) return strdup(STR_DATA(s));
    }
    return NULL;
}

static char **repl_complete(const char *text, int start, int end) {
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1;
    return rl_completion_matches(text, completion_generator);
}

// Reads one line with the prompt; NULL on EOF. Ctrl-C raises KeyboardInterrupt state via longjmp.
static char *read_line(const char *prompt, bool *interrupted) {
    *interrupted = false;
    if (sigsetjmp(repl_jmp, 1)) {
        in_readline = 0;
        rl_free_line_state();
        rl_cleanup_after_signal();
        rl_reset_after_signal();
        rl_crlf();
        *interrupted = true;
        return NULL;
    }
    in_readline = 1;
    char *line = readline(prompt);
    in_readline = 0;
    return line;
}

// Does the buffered input need an empty line to finish (a compound statement)?
static bool needs_blank_line(const char *buf) {
    const char *nl = strchr(buf, '\n');
    size_t first_len = nl ? (size_t)(nl - buf) : strlen(buf);
    // Strip trailing spaces and comments from the first line.
    ssize_t e = (ssize_t)first_len - 1;
    const char *hash = memchr(buf, '#', first_len);
    if (hash) e = hash - buf - 1;
    while (e >= 0 && (buf[e] == ' ' || buf[e] == '\t')) e--;
    if (e >= 0 && buf[e] == ':') return true;
    // Any indented continuation line means a block.
    for (const char *p = nl; p && *p; p = strchr(p + 1, '\n'))
        if (p[1] == ' ' || p[1] == '\t') return true;
    return false;
}

static int repl(void) {
    Object *main = vm_main_module();
    Object *d = module_dict(main);
    bool tty = isatty(0);
    char *hist = NULL;
    if (tty) {
        fprintf(stderr, "minipy %s (Python 3.11 semantics) on linux\n"
                        "Type \"exit()\" or Ctrl-D to leave.\n",
                MINIPY_VERSION);
        rl_readline_name = "minipy";
        rl_attempted_completion_function = repl_complete;
        rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(";
        using_history();
        hist = history_path();
        if (hist) read_history(hist);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = repl_sigint;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, NULL);
        rl_catch_signals = 0;
    }
    int counter = 0;
    int status = 0;
    for (;;) {
        vm_flush_std();
        StrBuf buf;
        sb_init(&buf);
        bool interrupted = false, eof = false;
        const char *prompt = ">>> ";
        Object *co = NULL;
        char fname[32];
        snprintf(fname, sizeof fname, "<stdin>");
        for (;;) {
            char *line = read_line(prompt, &interrupted);
            if (interrupted) break;
            if (!line) {
                eof = true;
                break;
            }
            if (*line && tty) add_history(line);
            sb_puts(&buf, line);
            sb_putc(&buf, '\n');
            bool blank = line[strspn(line, " \t")] == '\0';
            free(line);
            if (buf.len == 1) break;  // an empty line at the primary prompt
            // Complete input: a one-line statement, or a block ended by a blank line.
            sb_putc(&buf, '\0');
            buf.len--;
            bool incomplete = false;
            Object *fn = str_intern_cstr(fname);
            co = compile_interactive(buf.buf, (size_t)buf.len, fn, &incomplete);
            if (co && needs_blank_line(buf.buf) && !blank) {
                CLEAR(co);
                incomplete = true;
            }
            if (!incomplete) break;
            if (!co) err_clear();
            prompt = "... ";
        }
        if (interrupted) {
            sb_free(&buf);
            fprintf(stderr, "KeyboardInterrupt\n");
            continue;
        }
        if (eof) {
            sb_free(&buf);
            if (tty) fputc('\n', stdout);
            break;
        }
        if (!co) {
            if (err_occurred()) {
                counter++;
                report_exception();
            }
            sb_free(&buf);
            continue;
        }
        source_register(fname, buf.buf, (size_t)buf.len);
        sb_free(&buf);
        Object *r = eval_code((CodeObject *)co, d, d);
        DECREF(co);
        if (!r) {
            if (err_matches(Exc_SystemExit)) {
                status = report_exception();
                goto done;
            }
            report_exception();
        } else {
            DECREF(r);
        }
    }
done:
    if (hist) {
        write_history(hist);
        free(hist);
    }
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
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += (size_t)r;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    const char *command = NULL, *module = NULL, *file = NULL;
    bool inspect = false, stdin_prog = false;
    int i = 1;
    Object *xopts = NULL;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            if (strcmp(a, "-") == 0) stdin_prog = true;
            else file = a;
            i++;
            break;
        }
        if (strcmp(a, "--") == 0) {
            if (i + 1 < argc) file = argv[++i];
            i++;
            break;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "-?") == 0) {
            usage(stdout, argv[0]);
            return 0;
        }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("Python 3.11.7 (minipy %s)\n", MINIPY_VERSION);
            return 0;
        }
        if (strcmp(a, "-i") == 0) {
            inspect = true;
            continue;
        }
        if (strncmp(a, "-c", 2) == 0) {
            command = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!command) {
                fprintf(stderr, "Argument expected for the -c option\n");
                usage(stderr, argv[0]);
                return 2;
            }
            i++;
            break;
        }
        if (strncmp(a, "-m", 2) == 0) {
            module = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!module) {
                fprintf(stderr, "Argument expected for the -m option\n");
                usage(stderr, argv[0]);
                return 2;
            }
            i++;
            break;
        }
        if (strncmp(a, "-X", 2) == 0) {
            const char *opt = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!opt) {
                fprintf(stderr, "Argument expected for the -X option\n");
                return 2;
            }
            if (!xopts) {
                // Created before the VM: only plain C strings are kept.
            }
            (void)opt;
            continue;
        }
        if (strcmp(a, "-u") == 0 || strcmp(a, "-B") == 0 || strcmp(a, "-E") == 0 || strcmp(a, "-s") == 0 ||
            strcmp(a, "-S") == 0 || strcmp(a, "-O") == 0)
            continue;
        fprintf(stderr, "Unknown option: %s\n", a);
        usage(stderr, argv[0]);
        return 2;
    }
    if (vm_init() < 0) {
        fprintf(stderr, "minipy: fatal error during start-up\n");
        return 1;
    }
    // -X options go into sys._xoptions (value True, or the text after '=').
    for (int k = 1; k < i && k < argc; k++) {
        if (strncmp(argv[k], "-X", 2) != 0) continue;
        const char *opt = argv[k][2] ? argv[k] + 2 : argv[k + 1];
        if (!opt) continue;
        const char *eq = strchr(opt, '=');
        Object *key = eq ? str_from_utf8(opt, eq - opt) : str_from_cstr(opt);
        Object *val = eq ? str_from_cstr(eq + 1) : NEWREF(True);
        if (key && val) dict_setitem(the_interp.xoptions, key, val);
        XDECREF(key);
        XDECREF(val);
        if (!argv[k][2]) k++;
    }
    setlocale(LC_CTYPE, "C.UTF-8");
    int status;
    if (command) {
        set_argv(argc - i, argv + i, "-c");
        set_path("");
        status = run_source(command, strlen(command), "<string>");
    } else if (module) {
        set_argv(argc - i, argv + i, module);
        set_path("");
        status = run_module(module);
    } else if (file) {
        set_argv(argc - i, argv + i, file);
        char *abs = abspath(file);
        char *slash = strrchr(abs, '/');
        if (slash == abs) slash[1] = '\0';
        else if (slash) *slash = '\0';
        set_path(abs);
        free(abs);
        status = run_file(file);
    } else {
        set_argv(argc - i, argv + i, stdin_prog ? "-" : "");
        set_path("");
        if (isatty(0) && !stdin_prog) {
            status = repl();
            inspect = false;
        } else {
            size_t len;
            char *src = read_all_stdin(&len);
            status = src ? run_source(src, len, "<stdin>") : 1;
            free(src);
        }
    }
    if (inspect && isatty(0)) status = repl();
    if (vm_flush_std() < 0 && status == 0) status = 120;
    fflush(stdout);
    fflush(stderr);
    return status;
}
