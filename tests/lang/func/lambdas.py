# lambda: expressions, defaults, closures, immediately invoked, as key functions.
sq = lambda x: x * x
print(sq(7))  # expect: 49
print((lambda a, b=2: a + b)(1))  # expect: 3
print((lambda *a, **k: (a, k))(1, z=2))  # expect: ((1,), {'z': 2})
print((lambda: "no args")())  # expect: no args
print(sq.__name__)  # expect: <lambda>
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))  # expect: 5 6
print(sorted([(1, "b"), (2, "a")], key=lambda t: t[1]))  # expect: [(2, 'a'), (1, 'b')]
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))  # expect: 16 10
print(list(map(lambda x: x % 3, range(6))))  # expect: [0, 1, 2, 0, 1, 2]
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print(cond(5), cond(0), cond(-5))  # expect: pos zero neg
