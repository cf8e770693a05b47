# assignment: tuple/list unpacking, star unpacking, nested unpacking, chained, swap.
a, b = 1, 2
print(a, b)  # expect: 1 2
a, b = b, a
print(a, b)  # expect: 2 1
[c, d] = "xy"
print(c, d)  # expect: x y
first, *rest = [1, 2, 3, 4]
print(first, rest)  # expect: 1 [2, 3, 4]
*init, last = (1, 2, 3)
print(init, last)  # expect: [1, 2] 3
h, *mid, t = range(5)
print(h, mid, t)  # expect: 0 [1, 2, 3] 4
p, *q = [9]
print(p, q)  # expect: 9 []
(x, y), z = (1, 2), 3
print(x, y, z)  # expect: 1 2 3
(i, (j, k)), m = [(1, (2, 3)), 4]
print(i, j, k, m)  # expect: 1 2 3 4
u = v = w = []
u.append(1)
print(u, v, w, u is w)  # expect: [1] [1] [1] True
n = o = 5
n += 1
print(n, o)  # expect: 6 5
for idx, (key, val) in enumerate([("a", 1), ("b", 2)]):
    print(idx, key, val)
# expect: 0 a 1
# expect: 1 b 2
lst = [0, 0, 0]
lst[0], lst[2] = 7, 8
print(lst)  # expect: [7, 0, 8]
class O:
    pass
obj = O()
obj.a, obj.b = "A", "B"
print(obj.a + obj.b)  # expect: AB
print([*range(3), *"ab"])  # expect: [0, 1, 2, 'a', 'b']
print((*[1, 2], 3))  # expect: (1, 2, 3)
print({**{"a": 1}, "b": 2, **{"a": 3}})  # expect: {'a': 3, 'b': 2}
print({*[1, 2], 2, 3})  # expect: {1, 2, 3}
x: int = 5
print(x)  # expect: 5
