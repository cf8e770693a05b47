# tuple: creation, single-element syntax, indexing, slicing, methods, comparison, hashing.
t = (1, 2, 3)
print(t)  # expect: (1, 2, 3)
print((5,), ())  # expect: (5,) ()
print(type((5)).__name__, type((5,)).__name__)  # expect: int tuple
u = 4, 5
print(u)  # expect: (4, 5)
print(t[0], t[-1], t[1:])  # expect: 1 3 (2, 3)
print(t[::-1])  # expect: (3, 2, 1)
print(t + (4,))  # expect: (1, 2, 3, 4)
print(t * 2)  # expect: (1, 2, 3, 1, 2, 3)
print(len(t), 2 in t)  # expect: 3 True
print((1, 2, 2, 2).count(2), (1, 2, 3).index(3))  # expect: 3 2
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9))  # expect: True True True
print((1, 2) == (1, 2))  # expect: True
print(tuple([1, 2]), tuple("ab"))  # expect: (1, 2) ('a', 'b')
d = {(1, 2): "pair"}
print(d[(1, 2)], d[1, 2])  # expect: pair pair
print(hash((1, 2)) == hash((1, 2)))  # expect: True
print(((1, 2), (3,)))  # expect: ((1, 2), (3,))
print(("a",))  # expect: ('a',)
m = ([1], 2)
m[0].append(9)
print(m)  # expect: ([1, 9], 2)
try:
    t[0] = 5
except TypeError as e:
    print(e)  # expect: 'tuple' object does not support item assignment
