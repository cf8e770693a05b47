// The builtins module (CPython's Python/bltinmodule.c).
#include "../vm/runtime.h"
#include "../vm/eval.h"
#include "../vm/import.h"
#include "../vm/objects/fileobject.h"
#include "../compiler/compile.h"
#include "modules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUILTIN(name) static Object *builtin_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)

static Object *sys_get(Object *name) {
    return the_interp.sysdict ? dict_getitem(the_interp.sysdict, name) : NULL;
}

// Writes str to a file-like object (fast path for our own file objects).
static int write_str(Object *file, Object *s) {
    if (TYPE(file) == &FileType && !((FileObject *)file)->binary)
        return file_write_bytes((FileObject *)file, STR_DATA(s), (size_t)STR_NBYTES(s));
    Object *r = obj_call_method_obj(file, S_write, &s, 1);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

BUILTIN(print) {
    static const char *const names[] = {"$sep", "$end", "$file", "$flush"};
    Object *kw[4] = {NULL, NULL, NULL, NULL};
    if (kwnames && args_parse("print", args + nargs, 0, kwnames, names, 4, 0, kw) < 0) return NULL;
    Object *sep = kw[0], *end = kw[1], *file = kw[2], *flush = kw[3];
    if (!file || file == None) {
        file = sys_get(S_stdout);
        if (!file || file == None) RETURN_NONE;
    }
    if (sep == None) sep = NULL;
    if (end == None) end = NULL;
    if (sep && !STR_CHECK(sep))
        return vm_raise(Exc_TypeError, "sep must be None or a string, not %s", type_name(TYPE(sep)));
    if (end && !STR_CHECK(end))
        return vm_raise(Exc_TypeError, "end must be None or a string, not %s", type_name(TYPE(end)));
    INCREF(file);
    if (TYPE(file) == &FileType && !((FileObject *)file)->binary) {
        // Build the whole line, then one write.
        StrBuf sb;
        sb_init(&sb);
        for (ssize_t i = 0; i < nargs; i++) {
            if (i) {
                if (sep) sb_putn(&sb, STR_DATA(sep), STR_NBYTES(sep));
                else sb_putc(&sb, ' ');
            }
            if (STR_CHECK_EXACT(args[i])) {
                sb_putn(&sb, STR_DATA(args[i]), STR_NBYTES(args[i]));
            } else if (sb_put_obj_str(&sb, args[i]) < 0) {
                sb_free(&sb);
                DECREF(file);
                return NULL;
            }
        }
        if (end) sb_putn(&sb, STR_DATA(end), STR_NBYTES(end));
        else sb_putc(&sb, '\n');
        int r = file_write_bytes((FileObject *)file, sb.buf ? sb.buf : "", (size_t)sb.len);
        sb_free(&sb);
        if (r == 0 && flush && obj_istrue(flush) > 0) r = file_flush((FileObject *)file);
        DECREF(file);
        if (r < 0) return NULL;
        RETURN_NONE;
    }
    for (ssize_t i = 0; i < nargs; i++) {
        if (i) {
            Object *s = sep ? NEWREF(sep) : str_intern_cstr(" ");
            int r = write_str(file, s);
            DECREF(s);
            if (r < 0) goto fail;
        }
        Object *s = obj_str(args[i]);
        if (!s) goto fail;
        int r = write_str(file, s);
        DECREF(s);
        if (r < 0) goto fail;
    }
    {
        Object *s = end ? NEWREF(end) : str_intern_cstr("\n");
        int r = write_str(file, s);
        DECREF(s);
        if (r < 0) goto fail;
    }
    if (flush && obj_istrue(flush) > 0) {
        Object *r = obj_call_method_obj(file, S_flush, NULL, 0);
        if (!r) goto fail;
        DECREF(r);
    }
    DECREF(file);
    RETURN_NONE;
fail:
    DECREF(file);
    return NULL;
}


BUILTIN(input) {
    if (args_no_kw("input", kwnames) < 0 || args_count("input", nargs, 0, 1) < 0) return NULL;
    Object *out = sys_get(S_stdout), *in = sys_get(S_stdin);
    if (!in || in == None) return vm_raise(Exc_RuntimeError, "input(): lost sys.stdin");
    if (out && out != None) {
        Object *r = obj_call_method_obj(out, S_flush, NULL, 0);
        if (r) DECREF(r);
        else err_clear();
    }
    if (vm_readline_hook && TYPE(in) == &FileType && ((FileObject *)in)->fd == 0 && out && TYPE(out) == &FileType &&
        ((FileObject *)out)->fd == 1 && isatty(0) && isatty(1)) {
        Object *p = nargs ? obj_str(args[0]) : str_empty();
        if (!p) return NULL;
        int status;
        char *text = vm_readline_hook(STR_DATA(p), &status);
        DECREF(p);
        if (status == 2) {
            free(text);
            return NULL;
        }
        if (status == 1 || !text) {
            free(text);
            return vm_raise(Exc_EOFError, "EOF when reading a line");
        }
        Object *r = str_from_cstr(text);
        free(text);
        return r;
    }
    if (nargs && out && out != None) {
        Object *p = obj_str(args[0]);
        if (!p) return NULL;
        int r = write_str(out, p);
        DECREF(p);
        if (r < 0) return NULL;
        Object *fr = obj_call_method_obj(out, S_flush, NULL, 0);
        if (!fr) return NULL;
        DECREF(fr);
    }
    Object *line = obj_call_method_obj(in, S_readline, NULL, 0);
    if (!line) return NULL;
    if (!STR_CHECK(line)) {
        DECREF(line);
        return vm_raise(Exc_TypeError, "object.readline() returned non-string");
    }
    ssize_t n = STR_NBYTES(line);
    if (n == 0) {
        DECREF(line);
        return vm_raise(Exc_EOFError, "EOF when reading a line");
    }
    if (STR_DATA(line)[n - 1] == '\n') {
        Object *r = str_from_utf8(STR_DATA(line), n - 1);
        DECREF(line);
        return r;
    }
    return line;
}

BUILTIN(len) {
    if (args_no_kw("len", kwnames) < 0 || args_count("len", nargs, 1, 1) < 0) return NULL;
    ssize_t n = obj_len(args[0]);
    if (n < 0) return NULL;
    return int_from_ssize(n);
}

BUILTIN(repr) {
    if (args_no_kw("repr", kwnames) < 0 || args_count("repr", nargs, 1, 1) < 0) return NULL;
    return obj_repr(args[0]);
}

BUILTIN(ascii) {
    if (args_count("ascii", nargs, 1, 1) < 0) return NULL;
    return obj_ascii(args[0]);
}

BUILTIN(hash) {
    if (args_no_kw("hash", kwnames) < 0 || args_count("hash", nargs, 1, 1) < 0) return NULL;
    hash_t h = obj_hash(args[0]);
    if (h == -1 && err_occurred()) return NULL;
    return int_from_long((long)h);
}

BUILTIN(id) {
    if (args_count("id", nargs, 1, 1) < 0) return NULL;
    return int_from_ulong((unsigned long)(uintptr_t)args[0]);
}

BUILTIN(abs) {
    if (args_count("abs", nargs, 1, 1) < 0) return NULL;
    return num_absolute(args[0]);
}

Object *int_divmod(Object *v, Object *w);
Object *float_divmod(Object *v, Object *w);

BUILTIN(divmod) {
    if (args_count("divmod", nargs, 2, 2) < 0) return NULL;
    Object *a = args[0], *b = args[1];
    if (INT_CHECK(a) && INT_CHECK(b)) return int_divmod(a, b);
    if ((FLOAT_CHECK(a) || INT_CHECK(a)) && (FLOAT_CHECK(b) || INT_CHECK(b))) return float_divmod(a, b);
    Object *r = obj_call_method(a, "__divmod__", &b, 1);
    if (r && r != NotImplemented) return r;
    if (!r && !err_matches(Exc_AttributeError)) return NULL;
    err_clear();
    XDECREF(r);
    r = obj_call_method(b, "__rdivmod__", &a, 1);
    if (r && r != NotImplemented) return r;
    if (!r && !err_matches(Exc_AttributeError)) return NULL;
    err_clear();
    XDECREF(r);
    return vm_raise(Exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_name(TYPE(a)),
                    type_name(TYPE(b)));
}

BUILTIN(pow) {
    static const char *const names[] = {"base", "exp", "mod"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("pow", args, nargs, kwnames, names, 3, 2, a) < 0) return NULL;
    if (a[2] && a[2] != None) return int_pow3(a[0], a[1], a[2]);
    return num_binop(a[0], a[1], OP_POW);
}

BUILTIN(round) {
    static const char *const names[] = {"number", "ndigits"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("round", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
    Object *f = type_lookup(TYPE(a[0]), S___round__);
    if (!f) return vm_raise(Exc_TypeError, "type %s doesn't define __round__ method", type_name(TYPE(a[0])));
    if (a[1] && a[1] != None) return obj_call_method_obj(a[0], S___round__, &a[1], 1);
    return obj_call_method_obj(a[0], S___round__, NULL, 0);
}

// min()/max(): op is CMP_LT_OP for min, CMP_GT_OP for max.
static Object *min_max(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames, int op) {
    static const char *const names[] = {"$key", "$default"};
    Object *kw[2] = {NULL, NULL};
    if (kwnames && args_parse(fname, args + nargs, 0, kwnames, names, 2, 0, kw) < 0) return NULL;
    Object *key = kw[0] == None ? NULL : kw[0], *dflt = kw[1];
    if (nargs == 0) return vm_raise(Exc_TypeError, "%s expected at least 1 argument, got 0", fname);
    Object *it;
    if (nargs == 1) {
        it = obj_getiter(args[0]);
        if (!it) return NULL;
    } else {
        if (dflt)
            return vm_raise(Exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments",
                            fname);
        Object *t = tuple_from_array(args, nargs);
        it = t ? obj_getiter(t) : NULL;
        XDECREF(t);
        if (!it) return NULL;
    }
    Object *best = NULL, *bestkey = NULL, *item;
    while ((item = iter_next(it))) {
        Object *k = key ? obj_call1(key, item) : NEWREF(item);
        if (!k) {
            DECREF(item);
            goto fail;
        }
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        int c = obj_richcompare_bool(k, bestkey, op);
        if (c < 0) {
            DECREF(item);
            DECREF(k);
            goto fail;
        }
        if (c) {
            DECREF(best);
            DECREF(bestkey);
            best = item;
            bestkey = k;
        } else {
            DECREF(item);
            DECREF(k);
        }
    }
    if (err_occurred()) goto fail;
    DECREF(it);
    XDECREF(bestkey);
    if (!best) {
        if (dflt) return NEWREF(dflt);
        return vm_raise(Exc_ValueError, "%s() arg is an empty sequence", fname);
    }
    return best;
fail:
    DECREF(it);
    XDECREF(best);
    XDECREF(bestkey);
    return NULL;
}

BUILTIN(min) { return min_max("min", args, nargs, kwnames, CMP_LT_OP); }
BUILTIN(max) { return min_max("max", args, nargs, kwnames, CMP_GT_OP); }

BUILTIN(sum) {
    static const char *const names[] = {"", "start"};
    Object *a[2] = {NULL, NULL};
    if (args_parse("sum", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
    Object *result = a[1] ? NEWREF(a[1]) : int_from_long(0);
    if (a[1]) {
        if (STR_CHECK(a[1])) {
            DECREF(result);
            return vm_raise(Exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        }
        if (BYTES_CHECK(a[1])) {
            DECREF(result);
            return vm_raise(Exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        }
    }
    Object *it = obj_getiter(a[0]);
    if (!it) {
        DECREF(result);
        return NULL;
    }
    // Fast path: small ints accumulate in a C long.
    Object *item;
    while ((item = iter_next(it))) {
        long x, acc;
        if (TYPE(result) == &IntType && TYPE(item) == &IntType && int_as_long_fast(result, &acc) == 0 &&
            int_as_long_fast(item, &x) == 0 && !__builtin_add_overflow(acc, x, &acc)) {
            DECREF(item);
            DECREF(result);
            result = int_from_long(acc);
            continue;
        }
        if (TYPE(result) == &FloatType && (TYPE(item) == &FloatType || TYPE(item) == &IntType)) {
            double d = TYPE(item) == &FloatType ? float_value(item) : int_as_double(item);
            if (!(d == -1.0 && err_occurred())) {
                double s = float_value(result) + d;
                DECREF(item);
                DECREF(result);
                result = float_from_double(s);
                continue;
            }
            err_clear();
        }
        Object *r = num_binop(result, item, OP_ADD);
        DECREF(item);
        DECREF(result);
        result = r;
        if (!result) {
            DECREF(it);
            return NULL;
        }
    }
    DECREF(it);
    if (err_occurred()) {
        DECREF(result);
        return NULL;
    }
    return result;
}

static Object *any_all(Object *const *args, ssize_t nargs, const char *name, bool want) {
    if (args_count(name, nargs, 1, 1) < 0) return NULL;
    Object *it = obj_getiter(args[0]);
    if (!it) return NULL;
    Object *item;
    while ((item = iter_next(it))) {
        int t = obj_istrue(item);
        DECREF(item);
        if (t < 0) {
            DECREF(it);
            return NULL;
        }
        if ((bool)t == want) {
            DECREF(it);
            return NEWREF(bool_from(want));
        }
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    return NEWREF(bool_from(!want));
}

BUILTIN(any) { return any_all(args, nargs, "any", true); }
BUILTIN(all) { return any_all(args, nargs, "all", false); }

BUILTIN(sorted) {
    static const char *const names[] = {"", "$key", "$reverse"};
    Object *a[3] = {NULL, NULL, NULL};
    if (nargs != 1) {
        if (nargs == 0) return vm_raise(Exc_TypeError, "sorted expected 1 argument, got 0");
        return vm_raise(Exc_TypeError, "sorted expected 1 argument, got %zd", nargs);
    }
    if (args_parse("sorted", args, nargs, kwnames, names, 3, 1, a) < 0) return NULL;
    Object *l = list_from_iter(a[0]);
    if (!l) return NULL;
    ssize_t rev = a[2] ? num_as_ssize(a[2], Exc_OverflowError) : 0;
    if ((rev == -1 && err_occurred()) || list_sort(l, a[1], rev != 0) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

BUILTIN(isinstance) {
    if (args_count("isinstance", nargs, 2, 2) < 0) return NULL;
    int r = obj_isinstance(args[0], args[1]);
    if (r < 0) return NULL;
    return NEWREF(bool_from(r));
}

BUILTIN(issubclass) {
    if (args_count("issubclass", nargs, 2, 2) < 0) return NULL;
    int r = obj_issubclass(args[0], args[1]);
    if (r < 0) return NULL;
    return NEWREF(bool_from(r));
}

BUILTIN(getattr) {
    if (args_count("getattr", nargs, 2, 3) < 0) return NULL;
    if (!STR_CHECK(args[1])) return vm_raise(Exc_TypeError, "attribute name must be string, not '%s'", type_name(TYPE(args[1])));
    if (nargs == 3) {
        int err;
        Object *r = obj_lookup_attr(args[0], args[1], &err);
        if (r || err) return r;
        return NEWREF(args[2]);
    }
    return obj_getattr(args[0], args[1]);
}

BUILTIN(setattr) {
    if (args_count("setattr", nargs, 3, 3) < 0) return NULL;
    if (obj_setattr(args[0], args[1], args[2]) < 0) return NULL;
    RETURN_NONE;
}

BUILTIN(delattr) {
    if (args_count("delattr", nargs, 2, 2) < 0) return NULL;
    if (obj_setattr(args[0], args[1], NULL) < 0) return NULL;
    RETURN_NONE;
}

BUILTIN(hasattr) {
    if (args_count("hasattr", nargs, 2, 2) < 0) return NULL;
    if (!STR_CHECK(args[1])) return vm_raise(Exc_TypeError, "hasattr(): attribute name must be string");
    int err;
    Object *r = obj_lookup_attr(args[0], args[1], &err);
    if (err) return NULL;
    XDECREF(r);
    return NEWREF(bool_from(r != NULL));
}

BUILTIN(callable) {
    if (args_count("callable", nargs, 1, 1) < 0) return NULL;
    return NEWREF(bool_from(obj_callable(args[0])));
}

Object *calliter_new(Object *func, Object *sentinel);

BUILTIN(iter) {
    if (args_count("iter", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1) return obj_getiter(args[0]);
    if (!obj_callable(args[0])) return vm_raise(Exc_TypeError, "iter(v, w): v must be callable");
    return calliter_new(args[0], args[1]);
}

BUILTIN(next) {
    if (args_count("next", nargs, 1, 2) < 0) return NULL;
    Object *it = args[0];
    if (!TYPE(it)->iternext)
        return vm_raise(Exc_TypeError, "'%s' object is not an iterator", type_name(TYPE(it)));
    Object *r = TYPE(it)->iternext(it);
    if (r) return r;
    if (err_occurred()) {
        if (nargs < 2 || !err_matches(Exc_StopIteration)) return NULL;
        err_clear();
    }
    if (nargs == 2) return NEWREF(args[1]);
    err_set_value(Exc_StopIteration, NULL);
    return NULL;
}

BUILTIN(chr) {
    if (args_count("chr", nargs, 1, 1) < 0) return NULL;
    if (!INT_CHECK(args[0]) && !TYPE(args[0])->nb_index)
        return vm_raise(Exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(args[0])));
    long v = int_as_long(args[0]);
    if (v == -1 && err_occurred()) {
        err_clear();
        return vm_raise(Exc_OverflowError, "Python int too large to convert to C int");
    }
    if (v < 0 || v > 0x10FFFF) return vm_raise(Exc_ValueError, "chr() arg not in range(0x110000)");
    return str_from_codepoint((uint32_t)v);
}

BUILTIN(ord) {
    if (args_count("ord", nargs, 1, 1) < 0) return NULL;
    Object *o = args[0];
    if (STR_CHECK(o)) {
        if (STR_LEN(o) != 1)
            return vm_raise(Exc_TypeError, "ord() expected a character, but string of length %zd found", STR_LEN(o));
        return int_from_long(str_char_at(o, 0));
    }
    if (BYTES_CHECK(o)) {
        if (BYTES_SIZE(o) != 1)
            return vm_raise(Exc_TypeError, "ord() expected a character, but string of length %zd found", BYTES_SIZE(o));
        return int_from_long(BYTES_DATA(o)[0]);
    }
    return vm_raise(Exc_TypeError, "ord() expected string of length 1, but %s found", type_name(TYPE(o)));
}

static Object *int_base_builtin(Object *const *args, ssize_t nargs, const char *name, int base) {
    if (args_count(name, nargs, 1, 1) < 0) return NULL;
    Object *i = num_index(args[0]);
    if (!i) return NULL;
    Object *r = int_format_base(i, base);
    DECREF(i);
    return r;
}

BUILTIN(hex) { return int_base_builtin(args, nargs, "hex", 16); }
BUILTIN(oct) { return int_base_builtin(args, nargs, "oct", 8); }
BUILTIN(bin) { return int_base_builtin(args, nargs, "bin", 2); }

BUILTIN(format) {
    if (args_count("format", nargs, 1, 2) < 0) return NULL;
    if (nargs == 2 && !STR_CHECK(args[1]))
        return vm_raise(Exc_TypeError, "format() argument 2 must be str, not %s", type_name(TYPE(args[1])));
    return obj_format(args[0], nargs == 2 ? args[1] : NULL);
}

static Object *current_locals(void) {
    Frame *f = tstate_get()->frame;
    if (!f) return NULL;
    if (f->locals) return NEWREF(f->locals);
    // A function frame: a snapshot dict of its fast locals.
    Object *d = dict_new();
    if (!d) return NULL;
    CodeObject *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        Object *v = f->localsplus[i];
        if (!v) continue;
        uint8_t k = co->localspluskinds[i];
        if (k & (CO_FAST_CELL | CO_FAST_FREE)) {
            if (TYPE(v) != &CellType) {
                if (!(k & CO_FAST_LOCAL)) continue;
            } else {
                v = ((CellObject *)v)->ref;
                if (!v) continue;
            }
        }
        if (dict_setitem(d, TUPLE_ITEMS(co->localsplusnames)[i], v) < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

BUILTIN(vars) {
    if (args_count("vars", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return current_locals();
    int err;
    Object *d = obj_lookup_attr(args[0], S___dict__, &err);
    if (!d && !err) return vm_raise(Exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

BUILTIN(locals) { return current_locals(); }

BUILTIN(globals) {
    Object *g = eval_globals();
    if (!g) return vm_raise(Exc_SystemError, "no current frame");
    return NEWREF(g);
}

BUILTIN(dir) {
    if (args_count("dir", nargs, 0, 1) < 0) return NULL;
    Object *l;
    if (nargs == 0) {
        Object *d = current_locals();
        if (!d) return NULL;
        l = dict_keys_list(d);
        DECREF(d);
    } else {
        Object *o = args[0];
        Object *f = type_lookup(TYPE(o), S___dir__);
        if (TYPE_CHECK(o)) {
            // dir(class): the names of the class and its bases.
            Object *names = set_new(NULL);
            if (!names) return NULL;
            Object *mro = ((TypeObject *)o)->mro;
            for (ssize_t i = 0; i < TUPLE_SIZE(mro); i++)
                if (set_update(names, ((TypeObject *)TUPLE_ITEMS(mro)[i])->dict) < 0) {
                    DECREF(names);
                    return NULL;
                }
            l = list_from_iter(names);
            DECREF(names);
        } else if (f) {
            Object *r = obj_call_method_obj(o, S___dir__, NULL, 0);
            if (!r) return NULL;
            l = list_from_iter(r);
            DECREF(r);
        } else {
            l = list_new(0);
        }
    }
    if (l && list_sort(l, NULL, false) < 0) CLEAR(l);
    return l;
}

BUILTIN(open) {
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd"};
    Object *a[7] = {0};
    if (args_parse("open", args, nargs, kwnames, names, 7, 1, a) < 0) return NULL;
    if (a[1] && !STR_CHECK(a[1]))
        return vm_raise(Exc_TypeError, "open() argument 'mode' must be str, not %s", type_name(TYPE(a[1])));
    for (int i = 3; i <= 5; i++) {
        if (a[i] == None) a[i] = NULL;
        if (a[i] && !STR_CHECK(a[i]))
            return vm_raise(Exc_TypeError, "open() argument '%s' must be str or None, not %s", names[i],
                            type_name(TYPE(a[i])));
    }
    if (a[1] && strchr(STR_DATA(a[1]), 'b')) {
        if (a[3]) return vm_raise(Exc_ValueError, "binary mode doesn't take an encoding argument");
        if (a[4]) return vm_raise(Exc_ValueError, "binary mode doesn't take an errors argument");
        if (a[5]) return vm_raise(Exc_ValueError, "binary mode doesn't take a newline argument");
    }
    if (a[5]) {
        const char *nl = STR_DATA(a[5]);
        if (*nl && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n"))
            return vm_raise(Exc_ValueError, "illegal newline value: %s", nl);
    }
    if (a[3]) {
        const char *e = STR_DATA(a[3]);
        if (strcasecmp(e, "utf-8") != 0 && strcasecmp(e, "utf8") != 0 && strcasecmp(e, "ascii") != 0)
            return vm_raise(Exc_LookupError, "unknown encoding: %s", e);
    }
    return file_open(a[0], a[1]);
}

BUILTIN(__import__) {
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    Object *a[5] = {0};
    if (args_parse("__import__", args, nargs, kwnames, names, 5, 1, a) < 0) return NULL;
    if (!STR_CHECK(a[0])) return vm_raise(Exc_TypeError, "__import__() argument 1 must be str, not %s", type_name(TYPE(a[0])));
    long level = a[4] ? int_as_long(a[4]) : 0;
    if (level == -1 && err_occurred()) return NULL;
    Object *g = a[1] && DICT_CHECK(a[1]) ? a[1] : NULL;
    return import_module_level(a[0], g, a[3], level);
}

// exec/eval: source string or code object, optional globals/locals.
static Object *run_code_in(Object *src, Object *globals, Object *locals, ParseMode mode, const char *fname) {
    if (globals == None) globals = NULL;
    if (locals == None) locals = NULL;
    if (globals && !DICT_CHECK(globals))
        return vm_raise(Exc_TypeError, "%s() globals must be a dict, not %s", fname, type_name(TYPE(globals)));
    Object *owned_g = NULL;
    if (!globals) {
        Frame *f = tstate_get()->frame;
        globals = f ? f->globals : NULL;
        if (!locals) {
            locals = current_locals();
            if (!locals) return NULL;
        } else {
            INCREF(locals);
        }
        if (!globals) {
            XDECREF(locals);
            return vm_raise(Exc_SystemError, "%s(): no globals", fname);
        }
        INCREF(globals);
        owned_g = globals;
    } else {
        if (!locals) locals = globals;
        INCREF(locals);
    }
    if (!dict_getitem(globals, S___builtins__)) dict_setitem(globals, S___builtins__, the_interp.builtins_module);
    Object *co;
    if (TYPE(src) == &CodeType) {
        co = NEWREF(src);
    } else {
        const char *s;
        ssize_t n;
        if (STR_CHECK(src)) {
            s = STR_DATA(src);
            n = STR_NBYTES(src);
        } else if (BYTES_CHECK(src)) {
            s = (const char *)BYTES_DATA(src);
            n = BYTES_SIZE(src);
        } else {
            XDECREF(owned_g);
            DECREF(locals);
            return vm_raise(Exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
        }
        // eval() ignores leading spaces and tabs.
        if (mode == PARSE_EVAL)
            while (n > 0 && (*s == ' ' || *s == '\t')) s++, n--;
        Object *filename = str_intern_cstr("<string>");
        co = BYTES_CHECK(src) ? compile_source_bytes(s, (size_t)n, filename, mode)
                              : compile_source(s, (size_t)n, filename, mode);
        DECREF(filename);
    }
    Object *r = co ? eval_code((CodeObject *)co, globals, locals) : NULL;
    XDECREF(co);
    XDECREF(owned_g);
    DECREF(locals);
    return r;
}

BUILTIN(exec) {
    static const char *const names[] = {"source", "globals", "locals"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("exec", args, nargs, kwnames, names, 3, 1, a) < 0) return NULL;
    Object *r = run_code_in(a[0], a[1], a[2], PARSE_FILE, "exec");
    if (!r) return NULL;
    DECREF(r);
    RETURN_NONE;
}

BUILTIN(eval) {
    static const char *const names[] = {"source", "globals", "locals"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("eval", args, nargs, kwnames, names, 3, 1, a) < 0) return NULL;
    return run_code_in(a[0], a[1], a[2], PARSE_EVAL, "eval");
}

BUILTIN(compile) {
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize"};
    Object *a[6] = {0};
    if (args_parse("compile", args, nargs, kwnames, names, 6, 3, a) < 0) return NULL;
    if (!STR_CHECK(a[0]) && !BYTES_CHECK(a[0]))
        return vm_raise(Exc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    if (!STR_CHECK(a[2])) return vm_raise(Exc_TypeError, "compile() mode must be str");
    const char *m = STR_DATA(a[2]);
    ParseMode mode;
    if (strcmp(m, "exec") == 0) mode = PARSE_FILE;
    else if (strcmp(m, "eval") == 0) mode = PARSE_EVAL;
    else if (strcmp(m, "single") == 0) mode = PARSE_SINGLE;
    else return vm_raise(Exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    const char *s = STR_CHECK(a[0]) ? STR_DATA(a[0]) : (const char *)BYTES_DATA(a[0]);
    ssize_t n = STR_CHECK(a[0]) ? STR_NBYTES(a[0]) : BYTES_SIZE(a[0]);
    Object *fn = STR_CHECK(a[1]) ? a[1] : NULL;
    Object *tmp = fn ? NULL : obj_str(a[1]);
    Object *r = STR_CHECK(a[0]) ? compile_source(s, (size_t)n, fn ? fn : tmp, mode)
                                : compile_source_bytes(s, (size_t)n, fn ? fn : tmp, mode);
    XDECREF(tmp);
    return r;
}

BUILTIN(exit) {
    Object *code = nargs ? args[0] : None;
    err_set_value(Exc_SystemExit, nargs ? code : NULL);
    return NULL;
}

static const MethodDef builtin_methods[] = {
    {"__build_class__", builtin_build_class, 0, NULL},
    {"__import__", builtin___import__, 0, NULL},
    {"abs", builtin_abs, 0, "Return the absolute value of the argument."},
    {"all", builtin_all, 0, NULL},
    {"any", builtin_any, 0, NULL},
    {"ascii", builtin_ascii, 0, NULL},
    {"bin", builtin_bin, 0, NULL},
    {"callable", builtin_callable, 0, NULL},
    {"chr", builtin_chr, 0, NULL},
    {"compile", builtin_compile, 0, NULL},
    {"delattr", builtin_delattr, 0, NULL},
    {"dir", builtin_dir, 0, NULL},
    {"divmod", builtin_divmod, 0, NULL},
    {"eval", builtin_eval, 0, NULL},
    {"exec", builtin_exec, 0, NULL},
    {"format", builtin_format, 0, NULL},
    {"getattr", builtin_getattr, 0, NULL},
    {"globals", builtin_globals, 0, NULL},
    {"hasattr", builtin_hasattr, 0, NULL},
    {"hash", builtin_hash, 0, NULL},
    {"hex", builtin_hex, 0, NULL},
    {"id", builtin_id, 0, NULL},
    {"input", builtin_input, 0, NULL},
    {"isinstance", builtin_isinstance, 0, NULL},
    {"issubclass", builtin_issubclass, 0, NULL},
    {"iter", builtin_iter, 0, NULL},
    {"len", builtin_len, 0, "Return the number of items in a container."},
    {"locals", builtin_locals, 0, NULL},
    {"max", builtin_max, 0, NULL},
    {"min", builtin_min, 0, NULL},
    {"next", builtin_next, 0, NULL},
    {"oct", builtin_oct, 0, NULL},
    {"open", builtin_open, 0, NULL},
    {"ord", builtin_ord, 0, NULL},
    {"pow", builtin_pow, 0, NULL},
    {"print", builtin_print, 0, NULL},
    {"repr", builtin_repr, 0, NULL},
    {"round", builtin_round, 0, NULL},
    {"setattr", builtin_setattr, 0, NULL},
    {"sorted", builtin_sorted, 0, NULL},
    {"sum", builtin_sum, 0, NULL},
    {"vars", builtin_vars, 0, NULL},
    {NULL, NULL, 0, NULL}};

// exit() and quit() in the REPL: objects whose repr tells how to leave.
typedef struct {
    OBJ_HEAD;
    const char *name;
} QuitterObject;

static Object *quitter_repr(Object *self) {
    return str_from_format("Use %s() or Ctrl-D (i.e. EOF) to exit", ((QuitterObject *)self)->name);
}
static Object *quitter_call(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    Object *stdin_ = sys_get(S_stdin);
    if (stdin_ && TYPE(stdin_) == &FileType) file_close((FileObject *)stdin_);
    return builtin_exit(self, args, nargs, kwnames);
}
static TypeObject QuitterType = {
    .ob_base = OBJ_HEAD_INIT(&TypeType),
    .name = "_sitebuiltins.Quitter",
    .basicsize = sizeof(QuitterObject),
    .repr = quitter_repr,
    .call = quitter_call,
};
static QuitterObject exit_obj = {OBJ_HEAD_INIT(&QuitterType), "exit"};
static QuitterObject quit_obj = {OBJ_HEAD_INIT(&QuitterType), "quit"};

extern TypeObject EnumerateType, ZipType, MapType, FilterType, ReversedType;
int exc_add_to_builtins(Object *builtins);

Object *module_init_builtins(void) {
    Object *m = module_new_cstr("builtins");
    if (!m) return NULL;
    if (module_add_functions(m, builtin_methods) < 0) goto fail;
    struct {
        const char *name;
        Object *obj;
    } objs[] = {
        {"None", None}, {"True", True}, {"False", False}, {"Ellipsis", Ellipsis},
        {"NotImplemented", NotImplemented}, {"__debug__", True},
        {"object", (Object *)&BaseObjectType}, {"type", (Object *)&TypeType}, {"int", (Object *)&IntType},
        {"bool", (Object *)&BoolType}, {"float", (Object *)&FloatType}, {"str", (Object *)&StrType},
        {"bytes", (Object *)&BytesType}, {"list", (Object *)&ListType}, {"tuple", (Object *)&TupleType},
        {"dict", (Object *)&DictType}, {"set", (Object *)&SetType}, {"frozenset", (Object *)&FrozenSetType},
        {"range", (Object *)&RangeType}, {"slice", (Object *)&SliceType}, {"super", (Object *)&SuperType},
        {"staticmethod", (Object *)&StaticMethodType}, {"classmethod", (Object *)&ClassMethodType},
        {"property", (Object *)&PropertyType}, {"enumerate", (Object *)&EnumerateType},
        {"zip", (Object *)&ZipType}, {"map", (Object *)&MapType}, {"filter", (Object *)&FilterType},
        {"reversed", (Object *)&ReversedType}, {"exit", (Object *)&exit_obj}, {"quit", (Object *)&quit_obj},
    };
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        if (module_add_object(m, objs[i].name, objs[i].obj) < 0) goto fail;
    if (exc_add_to_builtins(module_dict(m)) < 0) goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
