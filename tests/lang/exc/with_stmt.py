# with: __enter__ return value, __exit__ arguments, suppression, multiple items, order.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with CM("a") as v:
    print("body", v)
# expect: enter a
# expect: body A
# expect: exit a None None
with CM("b", suppress=True):
    raise ValueError("oops")
print("after suppressed")
# expect: enter b
# expect: exit b ValueError oops
# expect: after suppressed
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
# expect: enter c
# expect: exit c KeyError 'k'
# expect: propagated 'k'
with CM("x") as x, CM("y") as y:
    print(x, y)
# expect: enter x
# expect: enter y
# expect: X Y
# expect: exit y None None
# expect: exit x None None
def f():
    with CM("r"):
        return "returned"
print(f())
# expect: enter r
# expect: exit r None None
# expect: returned
