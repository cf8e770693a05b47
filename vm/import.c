// The import system (a small importlib): sys.modules, native C modules,
// the stdlib embedded in the binary, and .py files and packages on sys.path.
//
// Search order for a top-level name: sys.modules, native modules (sys,
// time, math, ...), the directories of sys.path (the script's directory
// first, then MINIPYPATH), then the embedded stdlib. Submodules are looked
// up in their package's __path__ (or the embedded table for embedded
// packages). A module is put in sys.modules before its code runs, so
// circular imports see the partly initialised module as in CPython.
#include "runtime.h"
#include "eval.h"
#include "import.h"
#include "traceback.h"
#include "../compiler/compile.h"
#include "../stdlib/embedded.h"
#include "../stdlib/modules.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool file_exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return NULL;
    }
    for (;;) {
        if (n + 4096 > cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

Object *exec_source_in_module(Object *module, const char *src, size_t len, Object *filename) {
    Object *co = compile_source_bytes(src, len, filename, PARSE_FILE);
    if (!co) return NULL;
    Object *d = module_dict(module);
    Object *r = eval_code((CodeObject *)co, d, d);
    DECREF(co);
    return r;
}

static const EmbeddedModule *find_embedded(const char *name) {
    for (const EmbeddedModule *m = embedded_modules; m->name; m++)
        if (strcmp(m->name, name) == 0) return m;
    return NULL;
}

static ModuleInitFunc find_native(const char *name) {
    for (const NativeModule *m = native_modules; m->name; m++)
        if (strcmp(m->name, name) == 0) return m->init;
    return NULL;
}

// Creates the module for fullname, registers it, runs its code. New reference.
static Object *load_source_module(Object *fullname, const char *src, size_t len, Object *filename, Object *path_list,
                                  bool is_package, bool frozen) {
    Object *m = module_new(fullname);
    if (!m) return NULL;
    Object *d = module_dict(m);
    if (!frozen) dict_setitem(d, S___file__, filename);
    if (is_package && path_list) dict_setitem(d, S___path__, path_list);
    Object *pkg;
    if (is_package) {
        pkg = NEWREF(fullname);
    } else {
        const char *s = STR_DATA(fullname), *dot = strrchr(s, '.');
        pkg = dot ? str_from_utf8(s, dot - s) : str_empty();
    }
    dict_setitem(d, S___package__, pkg);
    DECREF(pkg);
    dict_setitem(d, S___builtins__, the_interp.builtins_module);
    if (dict_setitem(the_interp.modules, fullname, m) < 0) {
        DECREF(m);
        return NULL;
    }
    Object *r = exec_source_in_module(m, src, len, filename);
    if (!r) {
        Object *exc = err_fetch();
        dict_pop(the_interp.modules, fullname, NULL);
        err_restore(exc);
        DECREF(m);
        return NULL;
    }
    DECREF(r);
    // The module may have replaced itself in sys.modules.
    Object *final = dict_getitem(the_interp.modules, fullname);
    if (final && final != m) {
        DECREF(m);
        return NEWREF(final);
    }
    return m;
}

// Finds and loads `fullname` whose last component is `last`, searching the
// directories in path_list (a list of str) or the top-level search path.
static Object *find_and_load(Object *fullname, Object *path_list, bool top_level) {
    const char *name = STR_DATA(fullname);
    if (top_level) {
        ModuleInitFunc init = find_native(name);
        if (init) {
            Object *m = init();
            if (!m) return NULL;
            if (dict_setitem(the_interp.modules, fullname, m) < 0) {
                DECREF(m);
                return NULL;
            }
            return m;
        }
    }
    const char *last = strrchr(name, '.');
    last = last ? last + 1 : name;
    Object *search = path_list;
    if (!search && the_interp.sysdict) search = dict_getitem(the_interp.sysdict, S_path);
    if (search && LIST_CHECK(search)) {
        for (ssize_t i = 0; i < LIST_SIZE(search); i++) {
            Object *dir = LIST_ITEMS(search)[i];
            if (!STR_CHECK(dir)) continue;
            const char *ds = STR_NBYTES(dir) ? STR_DATA(dir) : ".";
            size_t n = strlen(ds) + strlen(last) + 32;
            char *p = malloc(n);
            if (!p) {
                err_no_memory();
                return NULL;
            }
            snprintf(p, n, "%s/%s/__init__.py", ds, last);
            bool pkg = file_exists(p);
            if (!pkg) snprintf(p, n, "%s/%s.py", ds, last);
            if (pkg || file_exists(p)) {
                size_t len;
                char *src = read_file(p, &len);
                if (!src) {
                    Object *fn = str_from_cstr(p);
                    free(p);
                    err_from_errno(fn);
                    XDECREF(fn);
                    return NULL;
                }
                Object *filename = str_from_cstr(p);
                Object *pl = NULL;
                if (pkg) {
                    snprintf(p, n, "%s/%s", ds, last);
                    Object *pd = str_from_cstr(p);
                    pl = list_new(0);
                    if (pl && pd) list_append(pl, pd);
                    XDECREF(pd);
                }
                free(p);
                Object *m = filename ? load_source_module(fullname, src, len, filename, pl, pkg, false) : NULL;
                free(src);
                XDECREF(filename);
                XDECREF(pl);
                return m;
            }
            free(p);
        }
    }
    const EmbeddedModule *em = find_embedded(name);
    if (em) {
        Object *filename = str_from_format("<frozen %s>", name);
        if (!filename) return NULL;
        source_register(STR_DATA(filename), em->source, em->len);
        Object *pl = em->is_package ? list_new(0) : NULL;
        Object *m = load_source_module(fullname, em->source, em->len, filename, pl, em->is_package, true);
        XDECREF(pl);
        DECREF(filename);
        return m;
    }
    return NULL;
}

static Object *not_found(Object *fullname) {
    vm_raise(Exc_ModuleNotFoundError, "No module named %R", fullname);
    Object *e = err_occurred();
    if (e) obj_generic_setattr(e, S_name, fullname);
    return NULL;
}

// The import lock: one thread loads modules at a time (re-entrant, since
// a module's code imports others). Waiting for it releases the GIL.
static pthread_mutex_t import_mutex = PTHREAD_MUTEX_INITIALIZER;
static atomic_ulong import_owner;  // read unlocked by threads asking whether they hold it
static int import_depth;

static void import_lock(void) {
    unsigned long me = (unsigned long)pthread_self();
    if (atomic_load_explicit(&import_owner, memory_order_relaxed) == me) {
        import_depth++;
        return;
    }
    if (pthread_mutex_trylock(&import_mutex) != 0) {
        vm_blocking_begin();
        pthread_mutex_lock(&import_mutex);
        vm_blocking_end();
    }
    atomic_store_explicit(&import_owner, me, memory_order_relaxed);
    import_depth = 1;
}

static void import_unlock(void) {
    if (--import_depth == 0) {
        atomic_store_explicit(&import_owner, 0, memory_order_relaxed);
        pthread_mutex_unlock(&import_mutex);
    }
}

// Around fork() (vm/fork.c, CPython's _PyImport_AcquireLock and
// _PyImport_ReInitLock): the forking thread holds the import lock, so no
// other thread is half-way through loading a module when the child is made.
void import_lock_acquire(void) { import_lock(); }
void import_lock_release(void) { import_unlock(); }

// In the child: this thread holds the lock (taken before fork()), and no
// other thread exists to wait for it: give back the hold taken for the
// fork (it stays held if the fork happened during an import).
void import_after_fork_child(void) {
    atomic_store_explicit(&import_owner, (unsigned long)pthread_self(), memory_order_relaxed);
    import_unlock();
}

static Object *import_module_locked(Object *fullname);

// Imports a fully qualified dotted name; returns the module for that name.
Object *import_module(Object *fullname) {
    Object *m = dict_getitem(the_interp.modules, fullname);
    if (m) return NEWREF(m);
    import_lock();
    m = import_module_locked(fullname);
    import_unlock();
    return m;
}

static Object *import_module_locked(Object *fullname) {
    Object *m = dict_getitem(the_interp.modules, fullname);
    if (m) return NEWREF(m);
    const char *s = STR_DATA(fullname);
    const char *dot = strrchr(s, '.');
    if (!dot) {
        m = find_and_load(fullname, NULL, true);
        if (!m && !err_occurred()) not_found(fullname);
        return m;
    }
    Object *parent_name = str_from_utf8(s, dot - s);
    if (!parent_name) return NULL;
    Object *parent = import_module(parent_name);
    if (!parent) {
        DECREF(parent_name);
        return NULL;
    }
    // Importing the parent may have imported us.
    m = dict_getitem(the_interp.modules, fullname);
    if (m) {
        DECREF(parent);
        DECREF(parent_name);
        return NEWREF(m);
    }
    int err;
    Object *path = obj_lookup_attr(parent, S___path__, &err);
    if (!path) {
        DECREF(parent);
        if (!err) {
            vm_raise(Exc_ModuleNotFoundError, "No module named %R; %R is not a package", fullname, parent_name);
            Object *e = err_occurred();
            if (e) obj_generic_setattr(e, S_name, fullname);
        }
        DECREF(parent_name);
        return NULL;
    }
    m = find_and_load(fullname, path, false);
    DECREF(path);
    if (m) {
        // Bind the submodule as an attribute of its package.
        Object *child = str_from_cstr(dot + 1);
        if (child) {
            obj_setattr(parent, child, m);
            DECREF(child);
        }
        err_clear();
    } else if (!err_occurred()) {
        not_found(fullname);
    }
    DECREF(parent);
    DECREF(parent_name);
    return m;
}

// The package relative imports in globals are resolved against.
static Object *resolve_name(Object *name, Object *globals, long level) {
    Object *package = dict_getitem(globals, S___package__);
    if (package && package != None) {
        INCREF(package);
    } else {
        Object *mn = dict_getitem(globals, S___name__);
        if (!mn || !STR_CHECK(mn)) return vm_raise(Exc_KeyError, "'__name__' not in globals");
        if (dict_getitem(globals, S___path__)) {
            package = NEWREF(mn);
        } else {
            const char *s = STR_DATA(mn), *dot = strrchr(s, '.');
            package = dot ? str_from_utf8(s, dot - s) : str_empty();
        }
    }
    if (!STR_CHECK(package) || STR_NBYTES(package) == 0) {
        XDECREF(package);
        return vm_raise(Exc_ImportError, "attempted relative import with no known parent package");
    }
    const char *s = STR_DATA(package);
    ssize_t end = STR_NBYTES(package);
    for (long i = 1; i < level; i++) {
        while (end > 0 && s[end - 1] != '.') end--;
        if (end == 0) {
            DECREF(package);
            return vm_raise(Exc_ImportError, "attempted relative import beyond top-level package");
        }
        end--;
    }
    Object *base = str_from_utf8(s, end);
    DECREF(package);
    if (!base) return NULL;
    if (STR_NBYTES(name) == 0) return base;
    Object *r = str_from_format("%U.%U", base, name);
    DECREF(base);
    return r;
}

Object *import_name(Frame *frame, Object *name, Object *fromlist, Object *level_obj) {
    long level = level_obj && INT_CHECK(level_obj) ? int_as_long(level_obj) : 0;
    Object *globals = frame ? frame->globals : NULL;
    // A user-replaced builtins.__import__ takes over.
    Object *imp = dict_getitem(the_interp.builtins, S___import__);
    if (imp && TYPE(imp) != &BuiltinFunctionType) {
        Object *args[5] = {name, globals ? globals : None, frame && frame->locals ? frame->locals : None,
                           fromlist ? fromlist : None, level_obj ? level_obj : int_from_long(0)};
        return obj_call(imp, args, 5, NULL);
    }
    return import_module_level(name, globals, fromlist, level);
}

Object *import_module_level(Object *name, Object *globals, Object *fromlist, long level) {
    Object *absname;
    if (level > 0) {
        if (!globals) return vm_raise(Exc_ImportError, "attempted relative import with no known parent package");
        absname = resolve_name(name, globals, level);
    } else {
        if (STR_NBYTES(name) == 0) return vm_raise(Exc_ValueError, "Empty module name");
        absname = NEWREF(name);
    }
    if (!absname) return NULL;
    Object *m = import_module(absname);
    if (!m) {
        DECREF(absname);
        return NULL;
    }
    bool has_from = fromlist && fromlist != None && obj_istrue(fromlist) > 0;
    if (!has_from) {
        DECREF(absname);
        if (level == 0 && strchr(STR_DATA(name), '.')) {
            // `import a.b.c` binds a: return the top-level package.
            const char *s = STR_DATA(name);
            Object *top = str_from_utf8(s, strchr(s, '.') - s);
            Object *t = top ? dict_getitem(the_interp.modules, top) : NULL;
            XDECREF(top);
            DECREF(m);
            if (!t) return vm_raise(Exc_KeyError, "top-level module missing");
            return NEWREF(t);
        }
        return m;
    }
    // from package import submodule: import submodules that are not attributes yet.
    Object *path = dict_getitem(module_dict(m), S___path__);
    if (TYPE(m) == &ModuleType && path && TUPLE_CHECK(fromlist)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(fromlist); i++) {
            Object *item = TUPLE_ITEMS(fromlist)[i];
            if (!STR_CHECK(item) || strcmp(STR_DATA(item), "*") == 0) continue;
            if (dict_getitem(module_dict(m), item)) continue;
            Object *sub = str_from_format("%U.%U", absname, item);
            Object *sm = sub ? import_module(sub) : NULL;
            if (!sm) {
                if (err_matches(Exc_ModuleNotFoundError)) err_clear();
                else {
                    XDECREF(sub);
                    DECREF(absname);
                    DECREF(m);
                    return NULL;
                }
            }
            XDECREF(sm);
            XDECREF(sub);
        }
    }
    DECREF(absname);
    return m;
}

Object *import_cstr(const char *name) {
    Object *n = str_from_cstr(name);
    if (!n) return NULL;
    Object *m = import_module(n);
    DECREF(n);
    return m;
}
