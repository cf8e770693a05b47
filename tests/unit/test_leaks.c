// Reference leak checks: each snippet is compiled and run (compile_source +
// eval_code) in a fresh globals dict, which is then cleared and released.
// After two warm-up runs (caches, interned names, freelists, imported
// modules), one more run must leave obj_live_count() where it was.
//
// minipy has no cycle collector yet, so the harness clears the globals dict
// after each run: that breaks the usual function <-> globals cycles. The
// snippets otherwise avoid creating reference cycles, except the ones marked
// `cycle`, which are expected to leak until a collector exists; they are
// reported (on stderr) but do not fail.
//
// Only meaningful in builds without NDEBUG; elsewhere obj_live_count()
// returns -1 and every test passes trivially.
#include "vm_helpers.h"

typedef struct {
    const char *name;
    const char *src;
    bool raises;        // the snippet ends with an uncaught exception
    bool cycle;         // creates a reference cycle: leaks without a cycle collector
} Snippet;

static const Snippet snippets[] = {
    {"arith",
     "a = 2 ** 100\n"
     "b = a * a // 3 + a % 7 - (a >> 5) + (a << 3) - (a & 0xffff) + (a | 1) + (a ^ 5)\n"
     "c = -a, +a, ~a, abs(-a), divmod(a, 7), pow(3, 200, 7), pow(2, -2)\n"
     "d = 1.5 * 2 + 10 / 3 - 7 // 2 + 7 % 3 + 2.5 ** 2\n"
     "e = [i * i for i in range(2000)]\n"
     "f = sum(e) + max(e) - min(e)\n"
     "g = int('123456789012345678901234567890') + int('ff', 16) + int(3.9) + round(2.675, 2)\n"
     "h = float('1e300') * 10, 0.1 + 0.2, 1e-300 * 1e-300\n"
     "k = (9223372036854775807 + 1) - 1, -9223372036854775808 - 1, 3 ** 40 // 3 ** 38\n"
     "m = hash(a), hash(1.5), hash('x'), str(a), repr(d), hex(a), bin(-5), oct(8)\n",
     false, false},
    {"containers",
     "l = [3, 1, 2] * 10\n"
     "l.sort(); l.reverse(); l.append(4); l.insert(0, 5); l.extend(range(5)); l.pop(); l.remove(5)\n"
     "s = l[1:10:2]; l[2:4] = ['a', 'b', 'c']; del l[::3]\n"
     "t = tuple(l) + (1, 2); u = t[::-1]; v = t.count(1), t.index(2)\n"
     "d = {i: str(i) for i in range(100)}\n"
     "for i in range(0, 100, 3): del d[i]\n"
     "d.update({'x': 1}, y=2); d.setdefault('z', []).append(1); d.pop('x'); d.popitem()\n"
     "ks, vs, its = list(d.keys()), list(d.values()), list(d.items())\n"
     "d2 = dict(d); d2 |= {'q': 0}; d3 = d | d2\n"
     "st = {1, 2, 3} | {3, 4}; st2 = st & {1, 4}; st3 = st - {1}; st4 = st ^ {9}; st.add(7); st.discard(1)\n"
     "fs = frozenset(st) | frozenset([99])\n"
     "n = [[i, j] for i in range(10) for j in range(i)]\n"
     "z = list(zip(l, t)), list(enumerate(l)), list(map(str, l)), list(filter(None, l)), list(reversed(t))\n"
     "srt = sorted(d.items(), key=lambda kv: str(kv[1]), reverse=True)\n"
     "b = bytes(range(10)) + b'xyz'; bb = b[2:5], b[0], b.decode('latin-1'), list(b)\n"
     "r = range(0, 100, 7); rr = r[3], r[1:4], 14 in r, len(r), list(r)\n"
     "sl = slice(1, 10, 2); sli = l[sl]\n",
     false, false},
    {"strings",
     "x, y, name = 3.14159, 42, 'world'\n"
     "a = f'{x:.2f} {y:>5} {y:08b} {y:,} {name!r} {name:^11} {x!s:10.3}'\n"
     "b = '%s %d %05.1f %r %x %%' % (name, y, x, name, 255)\n"
     "c = '{} {:>4} {name}'.format(1, 'ab', name='n')\n"
     "d = 'a,b,,c'.split(','), ' x '.strip(), 'abc'.upper(), 'ABC'.lower(), 'x'.join('abc')\n"
     "e = 'h\\u00e9llo w\\u00f6rld'.replace('l', 'L'), '\\u20ac'.encode(), b'\\xe2\\x82\\xac'.decode()\n"
     "f = 'abc'.find('c'), 'abcabc'.count('a'), 'abc'.startswith('a'), 'abc'.endswith('c')\n"
     "g = 'x' * 1000 + 'y'; h = g[::-1][:10]; i = 'line1\\nline2'.splitlines(); j = '7'.zfill(4)\n"
     "k = repr('it\\'s \"q\"'), ascii('\\u00e9'), str(b'b'), '\\t'.isspace(), '12'.isdigit()\n"
     "m = ''.join([str(i) for i in range(500)])\n"
     "n = format(1234.5678, '.3e'), format(255, '#x'), format('s', '<3')\n"
     "o = [c for c in 'h\\u00e9llo'], 'h\\u00e9llo'[1], 'h\\u00e9llo'[1:3]\n",
     false, false},
    {"classes",
     "class Base:\n"
     "    count = 0\n"
     "    def __init__(self, v):\n"
     "        self.v = v\n"
     "        Base.count += 1\n"
     "    def __repr__(self): return 'B(%r)' % (self.v,)\n"
     "    def __eq__(self, o): return isinstance(o, Base) and o.v == self.v\n"
     "    def __hash__(self): return hash(self.v)\n"
     "    def __lt__(self, o): return self.v < o.v\n"
     "    def __add__(self, o): return type(self)(self.v + o.v)\n"
     "    def __len__(self): return 1\n"
     "    def __getitem__(self, i): return self.v * i\n"
     "    def __iter__(self): return iter([self.v])\n"
     "    def __call__(self, *a, **k): return a, k\n"
     "    @property\n"
     "    def double(self): return self.v * 2\n"
     "    @double.setter\n"
     "    def double(self, x): self.v = x // 2\n"
     "    @staticmethod\n"
     "    def st(x): return x\n"
     "    @classmethod\n"
     "    def cm(cls, x): return cls(x)\n"
     "class Child(Base):\n"
     "    def __init__(self, v, w=0):\n"
     "        Base.__init__(self, v)\n"
     "        self.w = w\n"
     "objs = [Child(i) for i in range(50)]\n"
     "objs.sort(reverse=True)\n"
     "o = objs[0] + objs[1]\n"
     "o.double = 10\n"
     "r = (repr(o), o.double, Base.st(1), Child.cm(3), o[3], len(o), list(o), o(1, k=2), o == Child(5),\n"
     "     {o: 1}, isinstance(o, Base), issubclass(Child, Base), getattr(o, 'w'), hasattr(o, 'zz'))\n"
     "setattr(o, 'extra', [1]); delattr(o, 'extra'); vars(o)\n"
     "del objs, o, r\n",
     false, false},
    {"exceptions_caught",
     "class MyError(ValueError):\n"
     "    pass\n"
     "def f(n):\n"
     "    if n == 0: raise MyError('zero')\n"
     "    if n == 1: raise KeyError(n)\n"
     "    if n == 2: return 1 / 0\n"
     "    if n == 3: return [][1]\n"
     "    if n == 4: return {}['k']\n"
     "    if n == 5: return int('x')\n"
     "    if n == 6: return undefined_name\n"
     "    if n == 7: return None + 1\n"
     "    if n == 8: return 'a'.nope\n"
     "    return n\n"
     "out = []\n"
     "for i in range(10):\n"
     "    try:\n"
     "        out.append(f(i))\n"
     "    except (MyError, KeyError) as e:\n"
     "        out.append(str(e))\n"
     "    except Exception as e:\n"
     "        out.append(type(e).__name__ + ': ' + str(e))\n"
     "    else:\n"
     "        out.append('ok')\n"
     "    finally:\n"
     "        out.append(i)\n"
     "def chain():\n"
     "    try:\n"
     "        try:\n"
     "            raise ValueError('inner')\n"
     "        except ValueError as e:\n"
     "            raise RuntimeError('outer') from e\n"
     "    except RuntimeError as e:\n"
     "        return repr(e.__cause__), repr(e.__context__), e.args\n"
     "c = chain()\n"
     "def ctx():\n"
     "    try:\n"
     "        try:\n"
     "            1 / 0\n"
     "        finally:\n"
     "            out.append('fin')\n"
     "    except ZeroDivisionError:\n"
     "        pass\n"
     "    try:\n"
     "        raise TypeError('t')\n"
     "    except TypeError:\n"
     "        try:\n"
     "            raise ValueError('v')\n"
     "        except ValueError as e2:\n"
     "            return e2.__context__ is not None\n"
     "ctx()\n"
     "def deep(n):\n"
     "    return deep(n + 1)\n"
     "try:\n"
     "    deep(0)\n"
     "except RecursionError as e:\n"
     "    rec = str(e)\n"
     "try:\n"
     "    assert False, 'msg'\n"
     "except AssertionError as e:\n"
     "    am = e.args\n"
     "del MyError\n",
     false, false},
    {"exception_uncaught",
     "def g(x):\n"
     "    return x['missing']\n"
     "def f():\n"
     "    data = [1, 2, 3] * 10\n"
     "    return g({'a': data})\n"
     "f()\n",
     true, false},
    {"exception_uncaught_chained",
     "try:\n"
     "    1 / 0\n"
     "except ZeroDivisionError as e:\n"
     "    raise ValueError('during handling') from e\n",
     true, false},
    {"syntax_error",
     "x = 1\n"
     "compile('def f(:\\n', '<s>', 'exec')\n",
     true, false},
    {"closures",
     "def make_adder(n):\n"
     "    def add(x):\n"
     "        return x + n\n"
     "    return add\n"
     "def counter():\n"
     "    c = 0\n"
     "    def inc():\n"
     "        nonlocal c\n"
     "        c += 1\n"
     "        return c\n"
     "    return inc\n"
     "def deco(fn):\n"
     "    def wrapper(*a, **k):\n"
     "        return fn(*a, **k) * 2\n"
     "    return wrapper\n"
     "@deco\n"
     "def twice(x, y=1, *, z=2):\n"
     "    return x + y + z\n"
     "adders = [make_adder(i) for i in range(20)]\n"
     "r = [a(1) for a in adders]\n"
     "inc = counter()\n"
     "for _ in range(10): inc()\n"
     "lams = [lambda x, i=i: x * i for i in range(5)]\n"
     "q = [l(2) for l in lams], twice(1), twice(1, 2, z=3), twice(*(1, 2), **{'z': 0})\n"
     "def outer():\n"
     "    v = [1, 2]\n"
     "    return (lambda: (lambda: v)())()\n"
     "w = outer()\n"
     "del adders, inc, lams, r\n",
     false, false},
    {"generators",
     "def gen(n):\n"
     "    for i in range(n):\n"
     "        x = yield i\n"
     "        if x: yield x\n"
     "    return 'done'\n"
     "def deleg():\n"
     "    r = yield from gen(3)\n"
     "    yield r\n"
     "a = list(gen(10))\n"
     "b = list(deleg())\n"
     "g = gen(5)\n"
     "first = next(g), g.send(None), g.send('sent'), next(g)\n"
     "g.close()\n"
     "h = gen(5)\n"
     "next(h)\n"
     "try:\n"
     "    h.throw(ValueError('boom'))\n"
     "except ValueError:\n"
     "    pass\n"
     "partial = gen(100)\n"
     "next(partial); next(partial)\n"
     "del partial\n"
     "s = sum(x * x for x in range(1000))\n"
     "ge = (c.upper() for c in 'abc')\n"
     "t = next(ge)\n"
     "del ge\n"
     "try:\n"
     "    next(iter(()))\n"
     "except StopIteration:\n"
     "    pass\n"
     "def stopper():\n"
     "    yield 1\n"
     "    return 5\n"
     "it = stopper(); next(it)\n"
     "try:\n"
     "    next(it)\n"
     "except StopIteration as e:\n"
     "    v = e.value\n"
     "del g, h, it\n",
     false, false},
    {"comprehensions",
     "xs = list(range(100))\n"
     "a = [x * 2 for x in xs if x % 3 if x % 5]\n"
     "b = {x: [y for y in range(x % 5)] for x in xs}\n"
     "c = {x % 7 for x in xs}\n"
     "d = [(x, y) for x in range(10) for y in range(x) if (x + y) % 2]\n"
     "e = [[z for z in range(3)] for _ in range(10)]\n"
     "f = list(x for x in xs if x > 50)\n"
     "g = {k: v for k, v in zip('abcdef', range(6))}\n"
     "h = [n for n in (str(i) for i in range(30)) if '1' in n]\n",
     false, false},
    {"with_and_iter",
     "class CM:\n"
     "    def __init__(self, log): self.log = log\n"
     "    def __enter__(self):\n"
     "        self.log.append('enter')\n"
     "        return self\n"
     "    def __exit__(self, t, v, tb):\n"
     "        self.log.append(t.__name__ if t else None)\n"
     "        return t is KeyError\n"
     "log = []\n"
     "with CM(log) as c1, CM(log) as c2:\n"
     "    log.append('body')\n"
     "with CM(log):\n"
     "    raise KeyError('suppressed')\n"
     "try:\n"
     "    with CM(log):\n"
     "        raise ValueError('passes')\n"
     "except ValueError:\n"
     "    pass\n"
     "class It:\n"
     "    def __init__(self, n): self.n = n\n"
     "    def __iter__(self): return self\n"
     "    def __next__(self):\n"
     "        if self.n <= 0: raise StopIteration\n"
     "        self.n -= 1\n"
     "        return self.n\n"
     "vals = list(It(20)) + sorted(It(5)) + [max(It(4)), min(It(4))]\n"
     "del c1, c2\n",
     false, false},
    {"unpacking_calls",
     "a, *b, c = range(10)\n"
     "(d, e), f = (1, 2), 3\n"
     "x, y = y, x = 1, 2\n"
     "def f(*args, **kwargs): return args, kwargs\n"
     "r = f(1, *[2, 3], k=4, **{'m': 5}), f(*(), **{})\n"
     "def g(a, b=2, /, c=3, *, d, e=5, **rest): return a + b + c + d + e + len(rest)\n"
     "s = g(1, d=4), g(1, 2, 3, d=4, e=5, z=6)\n"
     "try:\n"
     "    g()\n"
     "except TypeError as ex:\n"
     "    msg = str(ex)\n"
     "t = print, len, isinstance, getattr, min, max, abs, divmod, chr, ord, id, callable\n"
     "u = [fn.__name__ for fn in t]\n"
     "import sys, math\n"
     "m = math.sqrt(2), math.floor(2.5), sys.maxsize, len(sys.argv)\n",
     false, false},
    {"globals_and_del",
     "g1 = [1, 2, 3]\n"
     "def setter(v):\n"
     "    global g1\n"
     "    g1 = v\n"
     "setter({'a': [1]})\n"
     "del g1\n"
     "x = 5\n"
     "del x\n"
     "try:\n"
     "    x\n"
     "except NameError:\n"
     "    pass\n"
     "def unbound():\n"
     "    if False: y = 1\n"
     "    return y\n"
     "try:\n"
     "    unbound()\n"
     "except UnboundLocalError as e:\n"
     "    msg = str(e)\n",
     false, false},
    {"error_paths",
     "def catch(fn, *a, **k):\n"
     "    try:\n"
     "        return fn(*a, **k)\n"
     "    except Exception as e:\n"
     "        return type(e).__name__, str(e)\n"
     "def two(a, b): return a + b\n"
     "def kwonly(*, k): return k\n"
     "class Init:\n"
     "    def __init__(self, x): raise ValueError('in init %d' % x)\n"
     "class NoEnter:\n"
     "    def __enter__(self): raise RuntimeError('enter')\n"
     "    def __exit__(self, *a): return False\n"
     "class BadExit:\n"
     "    def __enter__(self): return [1, 2]\n"
     "    def __exit__(self, *a): raise KeyError('exit')\n"
     "def unpack2(x):\n"
     "    a, b = x\n"
     "    return a\n"
     "def with_noenter():\n"
     "    with NoEnter():\n"
     "        return 1\n"
     "def with_badexit():\n"
     "    with BadExit() as v:\n"
     "        raise ValueError(v)\n"
     "def gen_fin(log):\n"
     "    try:\n"
     "        yield [1]\n"
     "        yield [2]\n"
     "    finally:\n"
     "        log.append([3])\n"
     "def in_comp(xs):\n"
     "    return [1 // x for x in xs]\n"
     "def fmt(spec):\n"
     "    return format(3.5, spec)\n"
     "log = []\n"
     "g = gen_fin(log); next(g); g.close()\n"
     "g2 = gen_fin(log); next(g2)\n"
     "r = [catch(two, 1), catch(two, 1, 2, 3), catch(two, 1, c=2), catch(kwonly, 1), catch(kwonly),\n"
     "     catch(Init, 5), catch(with_noenter), catch(with_badexit), catch(unpack2, [1, 2, 3]),\n"
     "     catch(unpack2, [1]), catch(unpack2, 5), catch(in_comp, [1, 0]), catch(fmt, 'q'),\n"
     "     catch(lambda: '%d' % 'x'), catch(lambda: '%s %s' % (1,)), catch(lambda: '{0} {1}'.format(1)),\n"
     "     catch(lambda: f'{3.5:q}'), catch(lambda: int('12z')), catch(lambda: float('nan?')),\n"
     "     catch(lambda: [1, 2].index(5)), catch(lambda: {}.pop('x')), catch(lambda: [].pop()),\n"
     "     catch(lambda: sorted([1, 'a'])), catch(lambda: 'abc' + 1), catch(lambda: [1] * 'x'),\n"
     "     catch(lambda: {}[[]]), catch(lambda: getattr(1, 'nope')), catch(lambda: object().x),\n"
     "     catch(lambda: Init.nope), catch(lambda: (1).__class__.__dict__['zz']), catch(lambda: 1 < 'a'),\n"
     "     catch(lambda: next(iter([]))), catch(lambda: g2.throw(KeyError('t'))), catch(lambda: b'a' + 'b'),\n"
     "     catch(lambda: 'x'.encode('nope')), catch(lambda: b'\\xff'.decode()), catch(lambda: chr(-1)),\n"
     "     catch(lambda: ord('ab')), catch(lambda: range(0, 10, 0)), catch(lambda: [][1:2:0]),\n"
     "     catch(lambda: divmod(1, 0)), catch(lambda: 2 ** -1 ** 0.5), catch(lambda: 10 ** 10 ** 10 if False else 1 << -1),\n"
     "     catch(lambda: dict([(1, 2, 3)])), catch(lambda: set([[]])), catch(lambda: hash([])),\n"
     "     catch(lambda: iter(5)), catch(lambda: len(5)), catch(lambda: max([])), catch(lambda: sum(['a'], 0)),\n"
     "     catch(lambda: isinstance(1, 5)), catch(lambda: issubclass(1, int)), catch(lambda: type('X', (5,), {})),\n"
     "     catch(lambda: print(1, sep=5)), catch(lambda: str(b'x', 'nope')), catch(lambda: exec('1 +')),\n"
     "     catch(lambda: eval('undefined_thing')), catch(lambda: __import__('no_such_module_xyz'))]\n",
     false, false},
    {"uncaught_in_generator",
     "def gen():\n"
     "    buf = [1, 2, 3]\n"
     "    yield buf\n"
     "    raise KeyError('from generator')\n"
     "for x in gen():\n"
     "    pass\n",
     true, false},
    {"uncaught_deep",
     "def f(n, acc):\n"
     "    if n == 0:\n"
     "        return {'k': acc}['missing']\n"
     "    return f(n - 1, acc + [n])\n"
     "f(50, [])\n",
     true, false},
    {"recursion_uncaught",
     "def r(x):\n"
     "    return r([x])\n"
     "r(0)\n",
     true, false},
    {"builtins_and_methods",
     "s = 'Hello, W\\u00f6rld! 123'\n"
     "a = [s.split(), s.rsplit(',', 1), s.partition(','), s.rpartition(' '), s.title(), s.swapcase(),\n"
     "     s.casefold(), s.capitalize(), s.center(40, '*'), s.ljust(30), s.rjust(30), s.expandtabs(),\n"
     "     s.lstrip('H'), s.rstrip('3'), s.strip('H3'), s.removeprefix('He'), s.removesuffix('23'),\n"
     "     s.isalpha(), s.isalnum(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isupper(), s.islower(),\n"
     "     s.istitle(), s.isprintable(), s.index('W'), s.rfind('l'), s.rindex('l'), s.translate({72: 'h'}),\n"
     "     str.maketrans('ab', 'cd'), s.encode('utf-8').hex(), bytes.fromhex('41 42'), s.splitlines(True)]\n"
     "b = b'bytes and more bytes'\n"
     "c = [b.split(), b.upper(), b.replace(b'bytes', b'B'), b.find(b'and'), b.startswith(b'by'), b * 2,\n"
     "     b.strip(b'bs'), b.count(b'y'), b.hex(), b.decode(), list(b[:3]), b.join([b'1', b'2']), b in b]\n"
     "d = [abs(-3), all([1, 0]), any([0, 1]), bin(10), bool(0), callable(len), chr(955), dir([])[:3],\n"
     "     divmod(7.5, 2), enumerate('ab', 1), format(0.5, '%'), frozenset('ab'), hash((1, 'a')),\n"
     "     hex(255), id(s) > 0, isinstance(s, (int, str)), iter([1]), len(s), list(map(abs, [-1, 2])),\n"
     "     max('abc'), min([3, 1], key=lambda x: -x), next(iter('z')), oct(9), ord('\\u03bb'), pow(2, 100),\n"
     "     repr([s]), reversed([1, 2]), round(3.14159, 2), round(7), set('aab'), sorted('cba'),\n"
     "     str(1.5), sum([0.1] * 10), tuple('ab'), type(s), vars(type('T', (), {'x': 1})).get('x'),\n"
     "     zip('ab', 'cd'), getattr(s, 'upper')(), slice(1, 2), range(3), object(), NotImplemented, ...]\n"
     "e = eval('1 + 2 * 3'), eval('x + 1', {'x': 4}), exec('y = 2', {})\n"
     "co = compile('z = 5', '<s>', 'exec')\n"
     "ns = {}\n"
     "exec(co, ns)\n"
     "ns.clear()\n"
     "import sys\n"
     "f = [sys.getrecursionlimit(), sys.version[:1], sys.platform, sys.maxsize, sys.byteorder]\n"
     "st = {1, 2, 3}\n"
     "st.update([4, 5]); st.difference_update({1}); st.intersection_update({2, 3, 4, 9})\n"
     "st2 = st.union([7]), st.issubset({2, 3, 4, 5}), st.issuperset({2}), st.isdisjoint({8}), st.copy(), st.pop()\n",
     false, false},
    {"files",
     "path = '/tmp/minipy_test_leaks.txt'\n"
     "with open(path, 'w') as fh:\n"
     "    fh.write('line one\\nline two\\n' * 50)\n"
     "    print('printed', 1, 2, sep='-', file=fh)\n"
     "with open(path) as fh:\n"
     "    first = fh.readline()\n"
     "    rest = fh.read()\n"
     "with open(path) as fh:\n"
     "    lines = [l.rstrip() for l in fh]\n"
     "with open(path, 'rb') as fh:\n"
     "    raw = fh.read(10)\n"
     "try:\n"
     "    open('/nonexistent/dir/file')\n"
     "except OSError as e:\n"
     "    err = (e.errno, str(e))\n",
     false, false},
    // Storing a caught exception makes globals -> exception -> traceback -> globals,
    // which the harness breaks by clearing the globals.
    {"exception_stored",
     "try:\n"
     "    1 / 0\n"
     "except ZeroDivisionError as e:\n"
     "    saved = e\n",
     false, false},
    // Known cycles (no cycle collector yet): reported, not failed.
    {"class_with_super (cycle: class -> method -> __class__ cell -> class)",
     "class A:\n"
     "    def m(self): return 1\n"
     "class B(A):\n"
     "    def m(self): return super().m() + 1\n"
     "r = B().m()\n",
     false, true},
};

#define NSNIPPETS ((int)(sizeof snippets / sizeof snippets[0]))

// Runs a snippet once in a fresh namespace; returns the text of an uncaught
// exception ("" when none).
static const char *run_snippet(const Snippet *s) {
    static char buf[4200];
    buf[0] = '\0';
    Object *g = fresh_globals();
    if (run_in(s->src, g) < 0) snprintf(buf, sizeof buf, "%s", exc_text());
    dict_clear(g);
    free_globals(g);
    return buf;
}

START_TEST(test_snippet_leaks) {
    const Snippet *s = &snippets[_i];
    if (obj_live_count() < 0) return;   // release build: nothing to count
    for (int warm = 0; warm < 2; warm++) {
        const char *err = run_snippet(s);
        if (s->raises) ck_assert_msg(*err, "[%s] expected an uncaught exception", s->name);
        else ck_assert_msg(!*err, "[%s] raised %s", s->name, err);
    }
    ck_assert_ptr_null(err_occurred());
    long before = obj_live_count();
    run_snippet(s);
    long after = obj_live_count();
    if (after == before) return;
    // Confirm with more runs and report the leak per run.
    const int N = 10;
    for (int i = 0; i < N; i++) run_snippet(s);
    long more = obj_live_count();
    double per_run = (double)(more - after) / N;
    if (s->cycle) {
        fprintf(stderr, "note: [%s] leaks %.1f objects per run (a reference cycle; expected until there is a "
                        "cycle collector)\n", s->name, per_run);
        return;
    }
    fprintf(stderr, "LEAK: [%s] %ld objects after one more run, %.1f per run over %d runs\n", s->name,
            after - before, per_run, N);
    ck_assert_msg(per_run <= 0, "[%s] leaks %.1f objects per run (%ld -> %ld -> %ld)", s->name, per_run, before,
                  after, more);
}
END_TEST

// The harness itself: an empty snippet, and plain C object churn, are balanced.
START_TEST(test_baseline) {
    if (obj_live_count() < 0) return;
    Snippet empty = {"empty", "pass\n", false, false};
    run_snippet(&empty);
    run_snippet(&empty);
    long before = obj_live_count();
    run_snippet(&empty);
    ck_assert_int_eq(obj_live_count(), before);
    before = obj_live_count();
    for (int i = 0; i < 1000; i++) {
        Object *l = list_new(0), *d = dict_new(), *n = int_from_long(100000 + i), *s = str_from_format("%d", i);
        list_append(l, n);
        dict_setitem(d, s, l);
        DECREF(l);
        DECREF(d);
        DECREF(n);
        DECREF(s);
    }
    ck_assert_int_eq(obj_live_count(), before);
}
END_TEST

static Suite *leaks_suite(void) {
    Suite *s = suite_create("leaks");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_baseline);
    tcase_add_loop_test(tc, test_snippet_leaks, 0, NSNIPPETS);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    if (obj_live_count() < 0) fprintf(stderr, "test_leaks: release build (NDEBUG), object counting is off\n");
    return vm_test_main(leaks_suite());
}
