# len, range, enumerate (with start), zip (stops at shortest), reversed, list/tuple.
print(len([1, 2]), len("abc"), len({1: 2}), len(range(4)), len(b"xy"))  # expect: 2 3 1 4 2
print(list(enumerate("ab")))  # expect: [(0, 'a'), (1, 'b')]
print(list(enumerate("ab", start=1)))  # expect: [(1, 'a'), (2, 'b')]
print(list(enumerate("ab", 10)))  # expect: [(10, 'a'), (11, 'b')]
print(list(zip([1, 2, 3], "ab")))  # expect: [(1, 'a'), (2, 'b')]
print(list(zip([1, 2], [3, 4], [5, 6])))  # expect: [(1, 3, 5), (2, 4, 6)]
print(list(zip()))  # expect: []
print(list(zip([1], [])))  # expect: []
print(list(reversed([1, 2, 3])))  # expect: [3, 2, 1]
print(list(reversed("abc")), list(reversed(range(3))))  # expect: ['c', 'b', 'a'] [2, 1, 0]
print(tuple(reversed((1, 2))))  # expect: (2, 1)
for i, (a, b) in enumerate(zip("xy", "pq")):
    print(i, a, b)
# expect: 0 x p
# expect: 1 y q
print(list(range(3)), tuple(range(2)))  # expect: [0, 1, 2] (0, 1)
print(list({1: "a", 2: "b"}), tuple("hi"))  # expect: [1, 2] ('h', 'i')
print(len([[1, 2], [3]]))  # expect: 2
try:
    len(5)
except TypeError as e:
    print(e)  # expect: object of type 'int' has no len()
