# Deep recursion in user code raises RecursionError (and the program goes on),
# whether it recurses through plain calls, dunder methods called from C,
# properties, generators or class construction.
import sys

def f(n):
    return f(n + 1)

try:
    f(0)
except RecursionError as e:
    print("plain:", e)
# expect: plain: maximum recursion depth exceeded

class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("repr:", type(e).__name__)
# expect: repr: RecursionError

class E:
    def __eq__(self, other):
        return self == other
try:
    E() == E()
except RecursionError as e:
    print("eq:", type(e).__name__)
# expect: eq: RecursionError

class G:
    def __getattr__(self, name):
        return self.missing
try:
    G().x
except RecursionError as e:
    print("getattr:", type(e).__name__)
# expect: getattr: RecursionError

class P:
    @property
    def x(self):
        return self.x
try:
    P().x
except RecursionError as e:
    print("property:", type(e).__name__)
# expect: property: RecursionError

def gen(n):
    yield from gen(n + 1)
try:
    next(gen(0))
except RecursionError as e:
    print("yield from:", type(e).__name__)
# expect: yield from: RecursionError

class H:
    def __hash__(self):
        return hash(self)
try:
    {H(): 1}
except RecursionError as e:
    print("hash:", type(e).__name__)
# expect: hash: RecursionError

class I:
    def __iter__(self):
        return iter(self)
try:
    list(I())
except RecursionError as e:
    print("iter:", type(e).__name__)
# expect: iter: RecursionError

def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return sorted([1, 2], key=lambda x: mutual_a(n))
try:
    mutual_a(0)
except RecursionError as e:
    print("through sorted:", type(e).__name__)
# expect: through sorted: RecursionError

# The limit can be raised and lowered; the interpreter keeps working.
old = sys.getrecursionlimit()
sys.setrecursionlimit(5000)
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print(depth(4000))
# expect: 4000
sys.setrecursionlimit(old)
try:
    depth(4000)
except RecursionError:
    print("lowered again")
# expect: lowered again
print(depth(500))
# expect: 500
