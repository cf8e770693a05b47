def f(a): pass
def g(a, *, k=1): pass
def h(a, b=2): pass
for call in [lambda: f(1, 2, c=3), lambda: f(1, 2, a=3), lambda: g(1, 2, k=3), lambda: h(1, 2, 3), lambda: h(1, 2, 3, b=4), lambda: f(1, 2), lambda: g(1,2,3,k=5,z=1)]:
    try: call()
    except TypeError as e: print(e)
# expect: f() got an unexpected keyword argument 'c'
# expect: f() got multiple values for argument 'a'
# expect: g() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given
# expect: h() takes from 1 to 2 positional arguments but 3 were given
# expect: h() got multiple values for argument 'b'
# expect: f() takes 1 positional argument but 2 were given
# expect: g() got an unexpected keyword argument 'z'
