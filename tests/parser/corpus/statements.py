import os
import os.path
import os.path as p, sys as s
from os import path
from os import path as p, sep
from os import (path, sep,)
from os import (path as p,
                sep as s)
from . import x
from .. import y
from ... import z
from .... import w
from .a.b import c
from ...a import *
from a import *
x = 1
x = y = z = 1
x, y = 1, 2
x, = 1,
[x, y] = [1, 2]
(x, y) = (1, 2)
(x) = 1
x.y = 1
x[0] = 1
x.y.z[0].w = 1
a, *b = c
*a, b = c
[a, *b] = c
a, (b, c) = d
a, [b, *c] = d
*a, = b
x += 1; x -= 1; x *= 1; x /= 1; x //= 1; x %= 1; x **= 1
x >>= 1; x <<= 1; x &= 1; x ^= 1; x |= 1; x @= 1
x.y += 1
x[0] += 1
(x) += 1
x: int
x: int = 1
x.y: int = 1
x[0]: int = 1
(x): int = 1
x: list[int] = []
x: "str"
del x
del x, y
del x.y, x[0]
del (x, y)
del [x, y]
del (x), [y]
pass
assert x
assert x, "msg"
global a
global a, b
def outer():
    x = 1
    def inner():
        nonlocal x
        nonlocal x, y
    return inner
def f():
    return
def g():
    return 1
def h():
    return 1, 2
def i():
    return *a, b
def j():
    yield
def k():
    yield 1
def l():
    yield 1, 2
def m():
    yield from x
def n():
    x = yield
    y = yield 1
    z = yield from w
    await_ = (yield)
raise
raise X
raise X from Y
raise X() from None
if a:
    pass
if a:
    pass
else:
    pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
if a: pass
elif b: pass
else: pass
while x:
    break
while x:
    continue
else:
    pass
for x in y:
    pass
for x, y in z:
    pass
for (x, y) in z:
    pass
for [x, y] in z:
    pass
for x, in y:
    pass
for x.y in z:
    pass
for x[0] in z:
    pass
for *x, y in z:
    pass
for x in *a, *b:
    pass
for x in y:
    pass
else:
    pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E, F) as e:
    pass
except E as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
with a:
    pass
with a as b:
    pass
with a as b, c as d:
    pass
with a as (b, c):
    pass
with a as b.c, d as e[0]:
    pass
with (a):
    pass
with (a, b):
    pass
with (a as b):
    pass
with (a as b, c as d):
    pass
with (a as b, c as d,):
    pass
with (a, b) as c:
    pass
with (a)(b) as c:
    pass
with (open(x)) as f, (g):
    pass
class A:
    pass
class A(B):
    pass
class A(B, C, metaclass=M, **kw):
    x = 1
    def f(self): pass
class A(*bases):
    pass
class A():
    pass
@d
def f(): pass
@d
@e.f
@g(h)
@i[j]
@(k := l)
@m if n else o
def f(): pass
@d
class A: pass
async def f():
    await x
    async for a in b:
        pass
    async for a in b:
        pass
    else:
        pass
    async with a as b, c:
        pass
    async with (a as b):
        pass
    [x async for x in y]
    {x: y async for x, y in z}
    {x async for x in y}
    (x async for x in y)
    [await x for x in y]
    await (await x)
    return await x
@d
async def g(): pass
x = 1; y = 2; z = 3;
if x: a = 1; b = 2
while x: a = 1; b = 2;
def f(): return 1
class C: x = 1
