# Star-args and double-star at call sites, combined with normal arguments.
def show(a, b, c=0, *rest, **kw):
    return f"a={a} b={b} c={c} rest={rest} kw={kw}"
args = [1, 2, 3, 4]
print(show(*args))  # expect: a=1 b=2 c=3 rest=(4,) kw={}
print(show(0, *[5]))  # expect: a=0 b=5 c=0 rest=() kw={}
print(show(*(1, 2), *[3], 9))  # expect: a=1 b=2 c=3 rest=(9,) kw={}
opts = {"c": 7, "z": 8}
print(show(1, 2, **opts))  # expect: a=1 b=2 c=7 rest=() kw={'z': 8}
print(show(**{"a": "x", "b": "y"}))  # expect: a=x b=y c=0 rest=() kw={}
print(show(1, *[2], **{"q": 1}, r=2))  # expect: a=1 b=2 c=0 rest=() kw={'q': 1, 'r': 2}
print(max(*[3, 9, 2]))  # expect: 9
print(*"abc")  # expect: a b c
print(*[1, 2], sep="-")  # expect: 1-2
print(*range(3), *"xy")  # expect: 0 1 2 x y
def kw_only(*, x, y):
    return x - y
print(kw_only(**{"y": 1, "x": 10}))  # expect: 9
pairs = [(1, 2), (3, 4)]
print(list(zip(*pairs)))  # expect: [(1, 3), (2, 4)]
try:
    show(1, 2, **{"a": 5})
except TypeError as e:
    print(e)  # expect: show() got multiple values for argument 'a'
