# List/dict/set comprehensions: nested for/if, conditions, scope of the loop variable.
print([x * 2 for x in range(5)])  # expect: [0, 2, 4, 6, 8]
print([x for x in range(10) if x % 3 == 0])  # expect: [0, 3, 6, 9]
print([(x, y) for x in range(3) for y in range(x)])  # expect: [(1, 0), (2, 0), (2, 1)]
print([x + y for x in "ab" for y in "12" if y != "2"])  # expect: ['a1', 'b1']
print([[i * j for j in range(3)] for i in range(3)])  # expect: [[0, 0, 0], [0, 1, 2], [0, 2, 4]]
print([x if x % 2 else -x for x in range(4)])  # expect: [0, 1, -2, 3]
print([x for x in range(20) if x % 2 if x % 3])  # expect: [1, 5, 7, 11, 13, 17, 19]
print({x: x ** 2 for x in range(4)})  # expect: {0: 0, 1: 1, 2: 4, 3: 9}
print({v: k for k, v in {"a": 1, "b": 2}.items()})  # expect: {1: 'a', 2: 'b'}
print({x % 4 for x in range(10)})  # expect: {0, 1, 2, 3}
print(sorted({w[0] for w in ["apple", "avocado", "banana"]}))  # expect: ['a', 'b']
x = "outer"
print([x for x in range(2)], x)  # expect: [0, 1] outer
print([row[0] for row in [[1, 2], [3, 4]]])  # expect: [1, 3]
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])  # expect: [[1, 4], [2, 5], [3, 6]]
print([n for row in matrix for n in row])  # expect: [1, 2, 3, 4, 5, 6]
def scale(k):
    return [k * v for v in range(3)]
print(scale(5))  # expect: [0, 5, 10]
class C:
    base = [1, 2]
    doubled = [v * 2 for v in base]
print(C.doubled)  # expect: [2, 4]
print([(a, b) for a, b in zip("xy", [1, 2])])  # expect: [('x', 1), ('y', 2)]
print([c for c in "hello" if c not in "l"])  # expect: ['h', 'e', 'o']
