import os
x = 1 + 2 * 3
def f(a, b=2, *args, c, d=4, **kw) -> int:
    """doc"""
    return a if b else c
class A(B, metaclass=M):
    @dec
    async def g(self):
        async with x as y, z:
            await foo(*a, **k)
        async for i in y: pass
for i, j in enumerate(x): print(f"{i!r:>{w}} {j=}")
while not x: break
else: continue
try:
    pass
except (A, B) as e:
    raise X from e
else: pass
finally: del a[1:2, ::3], b.c
with (a as b, c): pass
lambda x, /, y=1, *, z: (yield)
y = [i for i in range(10) if i % 2 for j in i]
z = {k: v for k, v in d.items()}; s = {1, 2}; g = (x for x in y)
print(-x ** -y, a < b <= c is not d not in e, a and b or not c)
global q; nonlocal r
from ..mod import (a as b, c,)
import a.b.c as d, e
x: int = 5
x += 1
a, *b = c
assert x, "msg"
"a" "b" if 0 else u"s"
0xff + 0o17 + 0b101 + 1_000 + 1.5e-3 + 2j + .5 + 1.
...
