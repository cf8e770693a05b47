# Generator expressions: lazy, their own scope, and allowed as a sole call argument without parentheses.

data = [3, 1, 4, 1, 5]
squares = (x * x for x in data)
print(type(squares).__name__, squares.__name__, repr(squares).split(" ")[2])  # expect: generator <genexpr> <genexpr>
print(list(squares))  # expect: [9, 1, 16, 1, 25]
print(list(squares))  # exhausted after one pass  # expect: []


# Laziness: nothing is computed until someone asks.
def noisy(n):
    for i in range(n):
        print("  producing", i)
        yield i


lazy = (v * 10 for v in noisy(3))
print("created")  # expect: created
print(next(lazy))
# expect:   producing 0
# expect: 0
print(next(lazy))
# expect:   producing 1
# expect: 10
lazy.close()


# ... except the outermost iterable, which is evaluated at once (so errors show up there).
def source():
    print("source() called")
    return [1, 2]


ge = (x for x in source())  # expect: source() called
print("after creating")  # expect: after creating
try:
    (x for x in 42)
except TypeError as e:
    print("at creation:", e)  # expect: at creation: 'int' object is not iterable
try:
    ge2 = (1 / x for x in [1, 0])
    print("created fine")  # expect: created fine
    print(list(ge2))
except ZeroDivisionError as e:
    print("while iterating:", e)  # expect: while iterating: division by zero

# Inner iterables and conditions are evaluated lazily, for each item.
pairs = ((a, b) for a in range(3) for b in range(a) if (a + b) % 2)
print(list(pairs))  # expect: [(1, 0), (2, 1)]

# Sole argument: no extra parentheses needed.
print(sum(x for x in range(10)))  # expect: 45
print(max(len(w) for w in ["a", "abc", "ab"]))  # expect: 3
print("".join(c.upper() for c in "gen"))  # expect: GEN
print(sorted((x % 3 for x in range(6)), reverse=True))  # with other arguments it needs them  # expect: [2, 2, 1, 1, 0, 0]
try:
    exec("sum(x for x in range(3), 0)")
except SyntaxError as e:
    print(e.msg)  # expect: Generator expression must be parenthesized


# Their own scope: the loop variable does not leak, and outer names are read when the value is made.
x = "outer x"
ge = (x for x in "ab")
print(list(ge), x)  # expect: ['a', 'b'] outer x

factor = 2
scaled = (v * factor for v in [1, 2, 3])
print(next(scaled))  # expect: 2
factor = 100
print(list(scaled))  # expect: [200, 300]


def make_adders():
    return [(lambda y, k=k: y + k) for k in range(3)]


print([f(10) for f in make_adders()])  # expect: [10, 11, 12]


# Closures over the enclosing function's variables.
def scaled_by(n):
    return (i * n for i in range(3))


print(list(scaled_by(5)))  # expect: [0, 5, 10]


def late_binding():
    gens = [(i * k for i in range(2)) for k in range(3)]
    return [list(g) for g in gens]


print(late_binding())  # k is read when the values are made, after the loop  # expect: [[0, 2], [0, 2], [0, 2]]


# In a class body, only the outermost iterable sees class variables.
class Config:
    values = [1, 2, 3]
    doubled = list(v * 2 for v in values)


print(Config.doubled)  # expect: [2, 4, 6]
try:
    class Broken:
        scale = 3
        scaled = list(v * scale for v in [1])
except NameError as e:
    print(e)  # expect: name 'scale' is not defined

# A generator expression supports send/throw/close like any generator.
ge = (x for x in range(5))
print(next(ge), ge.send(None), ge.gi_running, ge.gi_frame is not None)  # expect: 0 1 False True
ge.close()
print(next(ge, "closed"), ge.gi_frame)  # expect: closed None
ge = (x for x in range(5))
try:
    ge.send(1)
except TypeError as e:
    print(e)  # expect: can't send non-None value to a just-started generator
ge = (x for x in range(5))
next(ge)
try:
    ge.throw(KeyError("in genexp"))
except KeyError as e:
    print("propagated", e)  # expect: propagated 'in genexp'

# Nested generator expressions.
matrix = [[1, 2], [3, 4]]
print(list(sum(row) for row in matrix), list(x for row in matrix for x in row))  # expect: [3, 7] [1, 2, 3, 4]
print(sum(sum(x for x in row) for row in matrix))  # expect: 10
print(list((y for y in (x + 1 for x in range(3)))))  # expect: [1, 2, 3]

# Walrus and conditional expressions inside.
print(list(y for x in range(6) if (y := x * x) % 2))  # expect: [1, 9, 25]
print(list("even" if n % 2 == 0 else "odd" for n in range(3)))  # expect: ['even', 'odd', 'even']
