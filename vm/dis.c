// The disassembler behind `dis` (CPython's Lib/dis.py formatting, done in
// C): CPython 3.11's columns -- line number, jump-target marker, offset,
// opname, argument and its meaning -- and the exception table, recursing
// into nested code objects.
#include "runtime.h"
#include "opcodes.h"
#include "specialize.h"
#include "../stdlib/modules.h"

#include <stdio.h>
#include <string.h>

const char *const opcode_names[256] = {
#define OP_NAME(name, num, kind) [num] = #name,
    OPCODE_LIST(OP_NAME)
#undef OP_NAME
};

const unsigned char opcode_kinds[256] = {
#define OP_KIND(name, num, kind) [num] = OPK_##kind,
    OPCODE_LIST(OP_KIND)
#undef OP_KIND
};

const unsigned char opcode_caches[256] = {
#define OP_CACHES(name, n) [name] = n,
    CACHE_LIST(OP_CACHES)
#undef OP_CACHES
};

static const char *const nb_ops[2 * OP__COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};

static bool is_jump_kind(int kind) { return kind == OPK_JREL || kind == OPK_JBACK; }

// The name dis shows for the instruction at co->code[i]: with adaptive, the
// specialized form running there (CPython 3.11's dis(adaptive=True)); LOAD_GLOBAL
// keeps its dict-version cache in the base instruction and shows as
// LOAD_GLOBAL_MODULE or LOAD_GLOBAL_BUILTIN once the cache is filled.
static const char *shown_name(CodeObject *co, int i, bool adaptive) {
    int op = CU_OP(co->code[i]);
    if (!adaptive) op = opcode_deopt[op];
    if (adaptive && op == LOAD_GLOBAL && co->quickened && i + 5 < co->ncode && (co->code[i + 2] || co->code[i + 3]))
        return co->code[i + 4] || co->code[i + 5] ? "LOAD_GLOBAL_BUILTIN" : "LOAD_GLOBAL_MODULE";
    return opcode_all_names[op] ? opcode_all_names[op] : "<unknown>";
}

// Appends the disassembly of one code object (not its children) to sb.
static int dis_code(StrBuf *sb, CodeObject *co, bool adaptive) {
    int n = co->ncode;
    bool *target = calloc((size_t)n + 1, sizeof(bool));
    int *args = calloc((size_t)n + 1, sizeof(int));
    if (!target || !args) {
        free(target);
        free(args);
        err_no_memory();
        return -1;
    }
    // Full arguments (with EXTENDED_ARG) and jump targets.
    int ext = 0;
    for (int i = 0; i < n; i++) {
        int op = opcode_deopt[CU_OP(co->code[i])];
        int arg = CU_ARG(co->code[i]) | ext;
        args[i] = arg;
        ext = op == EXTENDED_ARG ? arg << 8 : 0;
        int kind = opcode_kinds[op];
        if (op != EXTENDED_ARG && is_jump_kind(kind)) {
            int t = kind == OPK_JREL ? i + 1 + arg : i + 1 - arg;
            if (t >= 0 && t <= n) target[t] = true;
        }
        // Skip the inline caches by count: once the code has run they hold
        // data, not CACHE (0) words.
        i += opcode_caches[op];
    }
    for (int k = 0; k < co->nexctable; k++)
        if (co->exctable[k].target <= n) target[co->exctable[k].target] = true;
    int maxline = 0;
    for (int i = 0; i < n; i++)
        if (co->positions[i].lineno > maxline) maxline = co->positions[i].lineno;
    int lw = maxline >= 1000 ? snprintf(NULL, 0, "%d", maxline) : 3;
    int ow = 2 * n >= 10000 ? snprintf(NULL, 0, "%d", 2 * n) : 4;
    int prev_line = -1;
    for (int i = 0; i < n; i++) {
        int op = opcode_deopt[CU_OP(co->code[i])];
        int arg = args[i];
        if (op == CACHE) continue;  // shown only by dis(show_caches=True) in CPython
        int line = co->positions[i].lineno;
        bool starts = line != prev_line && line >= 0;
        if (starts && i > 0) sb_putc(sb, '\n');
        char field[64];
        if (starts) snprintf(field, sizeof field, "%*d", lw, line);
        else snprintf(field, sizeof field, "%*s", lw, "");
        if (starts) prev_line = line;
        StrBuf lb;
        sb_init(&lb);
        sb_puts(&lb, field);
        sb_puts(&lb, "     ");
        sb_puts(&lb, target[i] ? ">>" : "  ");
        sb_printf(&lb, " %*d ", ow, 2 * i);
        const char *name = shown_name(co, i, adaptive);
        int kind = opcode_kinds[op];
        if (op < HAVE_ARGUMENT && kind == OPK_NOARG) {
            sb_puts(&lb, name);
        } else {
            sb_printf(&lb, "%-20s %5d", name, arg);
            Object *rep = NULL;
            char buf[64] = "";
            switch (kind) {
            case OPK_CONST:
                if (arg < TUPLE_SIZE(co->consts)) rep = obj_repr(TUPLE_ITEMS(co->consts)[arg]);
                break;
            case OPK_NAME:
                if (arg < TUPLE_SIZE(co->names)) rep = NEWREF(TUPLE_ITEMS(co->names)[arg]);
                break;
            case OPK_GLOBAL:
                if ((arg >> 1) < TUPLE_SIZE(co->names)) {
                    Object *nm = TUPLE_ITEMS(co->names)[arg >> 1];
                    rep = (arg & 1) ? str_from_format("NULL + %U", nm) : NEWREF(nm);
                }
                break;
            case OPK_LOCAL:
            case OPK_FREE:
                if (arg < TUPLE_SIZE(co->localsplusnames)) rep = NEWREF(TUPLE_ITEMS(co->localsplusnames)[arg]);
                break;
            case OPK_JREL: snprintf(buf, sizeof buf, "to %d", 2 * (i + 1 + arg)); break;
            case OPK_JBACK: snprintf(buf, sizeof buf, "to %d", 2 * (i + 1 - arg)); break;
            case OPK_CMP:
                if (arg < 6) snprintf(buf, sizeof buf, "%s", cmp_symbols[arg]);
                break;
            case OPK_BINOP:
                if (arg < 2 * OP__COUNT) snprintf(buf, sizeof buf, "%s", nb_ops[arg]);
                break;
            case OPK_FORMAT: {
                static const char *const conv[] = {"", "str", "repr", "ascii"};
                snprintf(buf, sizeof buf, "%s%s%s", conv[arg & 3], (arg & 3) && (arg & 4) ? ", " : "",
                         (arg & 4) ? "with format" : "");
                break;
            }
            default:
                if (op == MAKE_FUNCTION && arg) {
                    static const char *const flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
                    for (int b = 0; b < 4; b++)
                        if (arg & (1 << b)) {
                            if (buf[0]) strcat(buf, ", ");
                            strcat(buf, flags[b]);
                        }
                }
                break;
            }
            if (op == KW_NAMES) CLEAR(rep);  // CPython 3.11's dis shows no meaning for KW_NAMES
            if (rep && STR_NBYTES(rep) == 0) CLEAR(rep);
            if (rep) {
                sb_putc(&lb, ' ');
                sb_putc(&lb, '(');
                sb_putn(&lb, STR_DATA(rep), STR_NBYTES(rep));
                sb_putc(&lb, ')');
                DECREF(rep);
            } else if (err_occurred()) {
                sb_free(&lb);
                free(target);
                free(args);
                return -1;
            } else if (buf[0]) {
                sb_printf(&lb, " (%s)", buf);
            }
        }
        // rstrip, as dis does.
        while (lb.len > 0 && lb.buf[lb.len - 1] == ' ') lb.len--;
        sb_putn(sb, lb.buf, lb.len);
        sb_putc(sb, '\n');
        sb_free(&lb);
        i += opcode_caches[op];
    }
    if (co->nexctable) {
        sb_puts(sb, "ExceptionTable:\n");
        for (int k = 0; k < co->nexctable; k++) {
            ExcTableEntry *e = &co->exctable[k];
            sb_printf(sb, "  %d to %d -> %d [%d]%s\n", 2 * e->start, 2 * (e->end - 1), 2 * e->target, e->depth,
                      e->lasti ? " lasti" : "");
        }
    }
    free(target);
    free(args);
    return 0;
}

static int dis_recursive(StrBuf *sb, CodeObject *co, bool recursive, bool adaptive) {
    if (dis_code(sb, co, adaptive) < 0) return -1;
    if (!recursive) return 0;
    for (ssize_t i = 0; i < TUPLE_SIZE(co->consts); i++) {
        Object *c = TUPLE_ITEMS(co->consts)[i];
        if (TYPE(c) != &CodeType) continue;
        Object *r = obj_repr(c);
        if (!r) return -1;
        sb_printf(sb, "\nDisassembly of %s:\n", STR_DATA(r));
        DECREF(r);
        if (dis_recursive(sb, (CodeObject *)c, true, adaptive) < 0) return -1;
    }
    return 0;
}

// _dis.disassemble(code, recursive=True, adaptive=False) -> str
static Object *dis_disassemble(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"code", "recursive", "adaptive"};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("disassemble", args, nargs, kwnames, names, 3, 1, a) < 0) return NULL;
    if (TYPE(a[0]) != &CodeType)
        return vm_raise(Exc_TypeError, "disassemble() argument must be a code object, not %s", type_name(TYPE(a[0])));
    bool rec = !a[1] || obj_istrue(a[1]) > 0;
    bool adaptive = a[2] && obj_istrue(a[2]) > 0;
    StrBuf sb;
    sb_init(&sb);
    if (dis_recursive(&sb, (CodeObject *)a[0], rec, adaptive) < 0) {
        sb_free(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

// _dis.instructions(code) -> list of (offset, opname, arg or None, line or None)
static Object *dis_instructions(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    if (args_count("instructions", nargs, 1, 1) < 0) return NULL;
    if (TYPE(args[0]) != &CodeType) return vm_raise(Exc_TypeError, "expected a code object");
    CodeObject *co = (CodeObject *)args[0];
    Object *l = list_new(0);
    if (!l) return NULL;
    int ext = 0, prev_line = -1;
    for (int i = 0; i < co->ncode; i++) {
        int op = opcode_deopt[CU_OP(co->code[i])];
        int arg = CU_ARG(co->code[i]) | ext;
        ext = op == EXTENDED_ARG ? arg << 8 : 0;
        int line = co->positions[i].lineno;
        Object *off = int_from_long(2 * i);
        Object *name = str_from_cstr(opcode_names[op] ? opcode_names[op] : "<unknown>");
        Object *a = op >= HAVE_ARGUMENT ? int_from_long(arg) : NEWREF(None);
        Object *ln = line != prev_line ? int_from_long(line) : NEWREF(None);
        prev_line = line;
        Object *t = tuple_pack(4, off, name, a, ln);
        XDECREF(off);
        XDECREF(name);
        XDECREF(a);
        XDECREF(ln);
        if (!t || list_append(l, t) < 0) {
            XDECREF(t);
            DECREF(l);
            return NULL;
        }
        DECREF(t);
    }
    return l;
}

static const MethodDef dis_methods[] = {
    {"disassemble", dis_disassemble, 0, NULL},
    {"instructions", dis_instructions, 0, NULL},
    {NULL, NULL, 0, NULL}};

Object *module_init__dis(void) {
    Object *m = module_new_cstr("_dis");
    if (!m) return NULL;
    if (module_add_functions(m, dis_methods) < 0) goto fail;
    Object *opname = list_new(256), *opmap = dict_new();
    if (!opname || !opmap) {
        XDECREF(opname);
        XDECREF(opmap);
        goto fail;
    }
    for (int i = 0; i < 256; i++) {
        Object *s = opcode_names[i] ? str_from_cstr(opcode_names[i]) : str_from_format("<%d>", i);
        LIST_ITEMS(opname)[i] = s;
        if (opcode_names[i]) {
            Object *n = int_from_long(i);
            dict_setitem(opmap, s, n);
            DECREF(n);
        }
    }
    module_add_object(m, "opname", opname);
    module_add_object(m, "opmap", opmap);
    module_add_int(m, "HAVE_ARGUMENT", HAVE_ARGUMENT);
    DECREF(opname);
    DECREF(opmap);
    return m;
fail:
    DECREF(m);
    return NULL;
}
