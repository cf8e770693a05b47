# BINARY_OP sites that specialize for one kind of operand and then see
# others: each result must be what the generic operation gives.


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


for i in range(100):
    add(i, 1)
    sub(i, 1)
    mul(i, 2)
print(add(2, 3), sub(2, 3), mul(2, 3))  # expect: 5 -1 6
# The int site now sees floats, strings, lists, bools and big results.
print(add(1.5, 2.25), sub(1.5, 2), mul(2, 0.5))  # expect: 3.75 -0.5 1.0
print(add("ab", "cd"), add([1], [2]), mul("ab", 3))  # expect: abcd [1, 2] ababab
print(add(True, True), sub(True, 5), mul(True, 7))  # expect: 2 -4 7
print(add(2**62, 2**62), sub(-2**63, 1), mul(2**40, 2**40))  # expect: 9223372036854775808 -9223372036854775809 1208925819614629174706176
print(add(10**30, 1), mul(-(10**20), 10**20))  # expect: 1000000000000000000000000000001 -10000000000000000000000000000000000000000
# After many misses the site re-specializes for floats.
t = 0.0
for i in range(300):
    t = add(t, 0.5)
print(t, add(1, 2))  # expect: 150.0 3

# Float sites: the left operand's box may be reused only when nothing else holds it.
for i in range(100):
    mul(1.5, 2.0)
x = 3.0
y = mul(x, 2.0)
z = sub(x, x)
print(x, y, z, add(x, x))  # expect: 3.0 6.0 0.0 6.0
vals = [1.0, 2.0, 3.0]
acc = 0.0
for v in vals * 50:
    acc = acc + v * v
print(acc, vals)  # expect: 700.0 [1.0, 2.0, 3.0]
print(mul(float("inf"), 0.0) != mul(float("inf"), 0.0))  # expect: True
print(sub(0.1, 0.3), add(1e308, 1e308))  # expect: -0.19999999999999998 inf
# Int subclasses and overloaded operators take the generic path.


class MyInt(int):
    def __add__(self, other):
        return "MyInt.add"


class Vec:
    def __init__(self, x):
        self.x = x

    def __sub__(self, other):
        return Vec(self.x - other.x)

    def __rmul__(self, k):
        return Vec(self.x * k)


print(add(MyInt(1), 2), sub(Vec(5), Vec(2)).x, mul(3, Vec(4)).x)  # expect: MyInt.add 3 12
# String concatenation site, then a str subclass and a type error.


class S(str):
    def __add__(self, other):
        return "S.add"


for i in range(100):
    add("a", "b")
print(add("x", "y"), add(S("x"), "y"))  # expect: xy S.add
try:
    add("x", 1)
except TypeError as e:
    print(e)  # expect: can only concatenate str (not "int") to str
try:
    sub(1, "x")
except TypeError as e:
    print(e)  # expect: unsupported operand type(s) for -: 'int' and 'str'
# In-place forms.
s = 0
f = 0.0
for i in range(200):
    s += i
    s -= 1
    f += 0.5
    f *= 1.0
print(s, f)  # expect: 19700 100.0
# Int results outside the small-int cache may reuse a temporary operand's
# box: values that names, lists and dicts hold never change.
acc = 0
keep = []
for i in range(2000, 2100):
    acc = (acc * 31 + i) % 1000003
    keep.append(acc)
    big = i * 3 - 1
    keep.append(big)
x = 5000
y = x + 1
z = (x + 0) * 2 - y
print(acc, keep[:4], keep[-2:], x, y, z)  # expect: 55968 [2000, 5999, 64001, 6002] [55968, 6296] 5000 5001 4999
d = {}
for i in range(3000, 3005):
    k = i * 2
    d[k] = k + 1
print(list(d.items())[:2], 6000 in d, (3000 + 3000) in d)  # expect: [(6000, 6001), (6002, 6003)] True True
# Float temporaries on either side may hold the result; named values stay.
px, py = 1.5, 2.5
for i in range(100):
    r = px * px + (py * py + px * py)
print(r, px, py, (px + 0.0) - (py * 2.0), 2.0 * (px + py))  # expect: 12.25 1.5 2.5 -3.5 8.0
