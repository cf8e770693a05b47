#!/usr/bin/env python3
"""Generates compile_cases.h for test_compile.c from CPython 3.11.

For each source below, every code object (the module and, depth first, the
code objects in its co_consts) is described as CPython 3.11 compiles it:
the instruction sequence without CACHE entries, co_consts (nested code
objects written '<code NAME>'), co_names, the localsplus names with their
kinds, co_stacksize, co_flags, the argument counts, co_firstlineno and the
exception table in code units. For each syntax error source, the message
and location of the SyntaxError CPython raises.

Run with python3.11 from this directory: python3 compile_cases.py > compile_cases.h
"""
import dis
import sys

CODE_SOURCES = [
    ("add", "def f(a, b):\n    return a + b\n"),
    ("module", "import os\nx = [1, 2]\nprint(x, os.sep)\n"),
    ("try", "def f(x):\n    try:\n        x()\n    except ValueError:\n        return 1\n    return 2\n"),
    ("try_finally", "def f(x):\n    try:\n        return x()\n    finally:\n        x = None\n"),
    ("try_as", "def f(x):\n    try:\n        x()\n    except (KeyError, IndexError) as e:\n        x = e\n    else:\n        x = 0\n    return x\n"),
    ("closure", "def outer(a):\n    b = 1\n    def inner():\n        return a + b\n    return inner\n"),
    ("nonlocal", "def f():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n"),
    ("gen", "def g(n):\n    yield n\n    yield from n\n"),
    ("genexpr", "def f(xs):\n    return list(x * 2 for x in xs if x)\n"),
    ("listcomp", "def f(xs):\n    return [x for x in xs]\n"),
    ("stack", "def f(a):\n    return [a, a, a, a, (a, a, (a, a))]\n"),
    ("kw", "def f(a, /, b, *args, c, d=3, **kw):\n    return g(a, b, c=c)\n"),
    ("lambda", "f = lambda x: x\n"),
    ("with", "def f(m):\n    with m as x:\n        return x\n"),
    ("loop", "def f(xs):\n    t = 0\n    for x in xs:\n        if x: continue\n        t += x\n    return t\n"),
    ("while", "def f(n):\n    while n:\n        n -= 1\n    return n\n"),
    ("doc", "def f():\n    'doc'\n    return 1\n"),
    ("cls", "class C:\n    def m(self):\n        return __class__\n"),
    ("super", "class C(B):\n    def m(self):\n        return super().m()\n"),
    ("global", "def f():\n    global g\n    g = 1\n    return h\n"),
    ("chain", "def f(a, b, c):\n    return a < b < c\n"),
    ("boolops", "def f(a, b):\n    return a and b or not a\n"),
    ("fstring", "def f(x):\n    return f'{x!r:>{x}} {x}'\n"),
    ("starcall", "def f(g, a, k):\n    return g(1, *a, **k)\n"),
    ("subscript", "def f(a, i):\n    a[i] = a[i:]\n    del a[i]\n    return a[1:2:3]\n"),
    ("attr", "def f(o):\n    o.x += 1\n    return o.m(1)\n"),
    ("unpack", "def f(t):\n    a, (b, *c) = t\n    return a, b, c\n"),
    ("assert", "def f(x):\n    assert x, 'bad'\n"),
    ("raise", "def f(e):\n    raise ValueError(e) from e\n"),
    ("del", "def f(x):\n    del x\n"),
    ("defaults", "def f(a=1, *, b=2):\n    return a, b\n"),
    ("await", "async def f(x):\n    return await x\n"),
    ("async_with", "async def f(m):\n    async with m as x:\n        return x\n"),
    ("async_for", "async def f(xs):\n    t = 0\n    async for x in xs:\n        t += x\n    else:\n        t = -t\n    return t\n"),
    ("async_gen", "async def g(n):\n    await n\n    yield n\n"),
    ("async_comp", "async def f(xs):\n    return [await x async for x in xs], {x async for x in xs}\n"),
    ("async_genexpr", "def f(xs):\n    return (x async for x in xs)\n"),
]

SYNTAX_SOURCES = [
    "return 1\n",
    "break\n",
    "continue\n",
    "nonlocal x\n",
    "def f(a, a): pass\n",
    "def f():\n    nonlocal x\n",
    "def f():\n    x = 1\n    global x\n",
    "def f(x):\n    global x\n",
    "yield 1\n",
    "class C:\n    return 1\n",
    "def f():\n    class C:\n        yield\n",
    "while 1:\n    def g():\n        break\n",
    "for x in y:\n    pass\nelse:\n    continue\n",
    "a, *b, *c = d\n",
    "*a = b\n",
    "def f():\n    x = 1\n    nonlocal x\n",
    "def f(a):\n    def g():\n        nonlocal a\n        global a\n",
    "def f():\n    from os import *\n",
    "f(a=1, a=2)\n",
    "while 1:\n    class C:\n        break\n",
    "x = [i for i in range(3) if (yield)]\n",
    "def f(**a, ):\n    def g(a, b, *, a): pass\n",
    "".join("    " * i + "for x%d in y:\n" % i for i in range(21)) + "    " * 21 + "pass\n",
    "await x\n",
    "def f():\n    await x\n",
    "async def f():\n    return lambda: await x\n",
    "def f():\n    async with x:\n        pass\n",
    "def f():\n    async for x in y:\n        pass\n",
    "def f():\n    return [x async for x in y]\n",
    "def f():\n    return [[x async for x in y] for z in w]\n",
    "async def f():\n    yield from x\n",
    "async def f():\n    yield 1\n    return 2\n",
]


def c_str(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.extend("\\x%02x" % b for b in ch.encode())
    return '"' + "".join(out) + '"'


def ops(co):
    out = []
    for i in dis.get_instructions(co):
        if i.opname == "CACHE":
            continue
        out.append(i.opname if i.arg is None else "%s %d" % (i.opname, i.arg))
    return "; ".join(out)


def localsplus(co):
    names = list(co.co_varnames) + [c for c in co.co_cellvars if c not in co.co_varnames] + list(co.co_freevars)
    out = []
    for n in names:
        kind = ""
        if n in co.co_varnames:
            kind += "L"
        if n in co.co_cellvars:
            kind += "C"
        if n in co.co_freevars:
            kind = "F"
        out.append("%s:%s" % (n, kind))
    return " ".join(out)


def consts(co):
    return repr(tuple("<code %s>" % c.co_name if hasattr(c, "co_code") else c for c in co.co_consts))


def exctable(co):
    return " ".join("%d-%d>%d[%d]%s" % (e.start // 2, e.end // 2, e.target // 2, e.depth, "L" if e.lasti else "")
                    for e in dis._parse_exception_table(co))


def walk(co, path, rows):
    rows.append((path, co))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(c, path + "/" + c.co_name, rows)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("needs CPython 3.11")
    print("// Generated by compile_cases.py from CPython %s; do not edit." % sys.version.split()[0])
    print("// {label, source, path, ops, consts, names, localsplus, stacksize, flags,")
    print("//  argcount, posonlyargcount, kwonlyargcount, nlocals, firstlineno, exctable}")
    print("static const CodeCase code_cases[] = {")
    for label, src in CODE_SOURCES:
        rows = []
        walk(compile(src, "<test>", "exec"), "", rows)
        for path, co in rows:
            print("    {%s, %s, %s," % (c_str(label), c_str(src), c_str(path)))
            print("     %s," % c_str(ops(co)))
            print("     %s, %s, %s," % (c_str(consts(co)), c_str(repr(co.co_names)), c_str(localsplus(co))))
            print("     %d, 0x%x, %d, %d, %d, %d, %d, %s}," % (
                co.co_stacksize, co.co_flags, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
                co.co_nlocals, co.co_firstlineno, c_str(exctable(co))))
    print("};")
    print()
    print("// {source, kind, msg, lineno, offset, end_lineno, end_offset} (offsets 1-based, as SyntaxError's)")
    print("static const SyntaxCase syntax_cases[] = {")
    for src in SYNTAX_SOURCES:
        try:
            compile(src, "<test>", "exec")
            sys.exit("no error: %r" % src)
        except SyntaxError as e:
            print("    {%s, %s, %s, %d, %d, %d, %d}," % (c_str(src), c_str(type(e).__name__), c_str(e.msg), e.lineno,
                                                        e.offset, e.end_lineno, e.end_offset))
    print("};")


if __name__ == "__main__":
    main()
