# list: append, extend, insert, pop, remove, index, count, reverse, clear, copy.
a = [3, 1, 2]
a.append(4)
print(a)  # expect: [3, 1, 2, 4]
a.extend([5, 6])
a.extend("xy")
print(a)  # expect: [3, 1, 2, 4, 5, 6, 'x', 'y']
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "pen")
print(a)  # expect: ['first', 3, 1, 2, 4, 5, 6, 'x', 'y', 'pen', 'last']
print(a.pop())  # expect: last
print(a.pop(0))  # expect: first
print(a.pop(-2))  # expect: y
print(a)  # expect: [3, 1, 2, 4, 5, 6, 'x', 'pen']
a.remove("x")
a.remove("pen")
print(a)  # expect: [3, 1, 2, 4, 5, 6]
print(a.index(4))  # expect: 3
print([1, 2, 1, 2].index(2, 2))  # expect: 3
print([1, 2, 1, 1].count(1))  # expect: 3
a.reverse()
print(a)  # expect: [6, 5, 4, 2, 1, 3]
c = a.copy()
c.clear()
print(c, len(a))  # expect: [] 6
print(a.append(9))  # expect: None
try:
    [].pop()
except IndexError as e:
    print(e)  # expect: pop from empty list
try:
    [1].index(5)
except ValueError as e:
    print(e)  # expect: 5 is not in list
