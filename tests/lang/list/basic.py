# list: literals, indexing, len, concatenation, repetition, membership, nesting.
a = [1, 2, 3]
print(a)  # expect: [1, 2, 3]
print(a[0], a[-1])  # expect: 1 3
print(len(a), len([]))  # expect: 3 0
print(a + [4, 5])  # expect: [1, 2, 3, 4, 5]
print(a * 2)  # expect: [1, 2, 3, 1, 2, 3]
print([0] * 3)  # expect: [0, 0, 0]
print(2 in a, 7 in a, 7 not in a)  # expect: True False True
print([])  # expect: []
print([1, "a", None, 2.5, [3]])  # expect: [1, 'a', None, 2.5, [3]]
grid = [[0] * 2 for _ in range(2)]
grid[0][1] = 5
print(grid)  # expect: [[0, 5], [0, 0]]
alias = [[0] * 2] * 2
alias[0][1] = 5
print(alias)  # expect: [[0, 5], [0, 5]]
a[1] = "two"
print(a)  # expect: [1, 'two', 3]
a[-1] += 10
print(a)  # expect: [1, 'two', 13]
b = a
b.append(0)
print(a is b, len(a))  # expect: True 4
print(list(range(4)))  # expect: [0, 1, 2, 3]
print(list("ab"), list((1, 2)))  # expect: ['a', 'b'] [1, 2]
x = [1, 2]
x += [3]
x *= 2
print(x)  # expect: [1, 2, 3, 1, 2, 3]
r = [1]
r.append(r)
print(r)  # expect: [1, [...]]
