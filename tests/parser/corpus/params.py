def f(): pass
def f(a): pass
def f(a,): pass
def f(a, b): pass
def f(a=1): pass
def f(a, b=1): pass
def f(a=1, b=2,): pass
def f(*a): pass
def f(*a,): pass
def f(**a): pass
def f(**a,): pass
def f(*a, **b): pass
def f(*, a): pass
def f(*, a=1): pass
def f(*, a, b=1, c): pass
def f(*a, b): pass
def f(*a, b=1, **c): pass
def f(a, /): pass
def f(a, /,): pass
def f(a, /, b): pass
def f(a=1, /, b=2): pass
def f(a, b=1, /, c=2, *d, e, f=3, **g): pass
def f(a, /, *, b): pass
def f(a: int, b: str = "x", *c: int, d: float, e: bool = True, **f: dict) -> None: pass
def f(a: "int" = 1) -> "str": pass
def f(*args: *Ts): pass
def f(a, b, /, c, d, *, e, f): pass
def f(self, x=lambda y: y, z=[1, 2]): pass
def f(a=(1, 2), b={1: 2}, c={1}, d=f(x)): pass
async def f(a, *, b): pass
