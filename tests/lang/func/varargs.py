# *args, **kwargs, keyword-only and positional-only parameters.
def f(*args, **kwargs):
    return args, kwargs
print(f())  # expect: ((), {})
print(f(1, 2, a=3))  # expect: ((1, 2), {'a': 3})
def g(a, b=2, *rest, c, d=4, **kw):
    return (a, b, rest, c, d, kw)
print(g(1, c=3))  # expect: (1, 2, (), 3, 4, {})
print(g(1, 5, 6, 7, c=8, e=9))  # expect: (1, 5, (6, 7), 8, 4, {'e': 9})
def kwonly(a, *, key):
    return a, key
print(kwonly(1, key="k"))  # expect: (1, 'k')
def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, 3), posonly(1, 2, c=3))  # expect: 6 6
def mixed(a, /, b, *, c):
    return [a, b, c]
print(mixed(1, 2, c=3), mixed(1, b=2, c=3))  # expect: [1, 2, 3] [1, 2, 3]
def pos_kw_same_name(name, /, **kw):
    return name, kw
print(pos_kw_same_name("x", name="y"))  # expect: ('x', {'name': 'y'})
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1, 2, 3))  # expect: 0 6
try:
    kwonly(1, 2)
except TypeError as e:
    print(e)  # expect: kwonly() takes 1 positional argument but 2 were given
try:
    kwonly(1)
except TypeError as e:
    print(e)  # expect: kwonly() missing 1 required keyword-only argument: 'key'
try:
    posonly(a=1, b=2, c=3)
except TypeError as e:
    print(e)  # expect: posonly() got some positional-only arguments passed as keyword arguments: 'a, b'
try:
    f2 = lambda x: x
    f2(1, x=2)
except TypeError as e:
    print(e)  # expect: <lambda>() got multiple values for argument 'x'
