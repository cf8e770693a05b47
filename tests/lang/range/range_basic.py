# range: len, indexing, slicing, negative steps, membership, repr, equality.
r = range(10)
print(r)  # expect: range(0, 10)
print(range(1, 10, 2))  # expect: range(1, 10, 2)
print(len(r), len(range(1, 10, 2)), len(range(5, 0)))  # expect: 10 5 0
print(list(range(5, 0, -1)))  # expect: [5, 4, 3, 2, 1]
print(list(range(0, -10, -3)))  # expect: [0, -3, -6, -9]
print(list(range(-3, 3)))  # expect: [-3, -2, -1, 0, 1, 2]
print(r[3], r[-1])  # expect: 3 9
print(r[2:5])  # expect: range(2, 5)
print(r[::-1])  # expect: range(9, -1, -1)
print(list(r[::3]))  # expect: [0, 3, 6, 9]
print(range(0, 20, 5)[1:])  # expect: range(5, 20, 5)
print(5 in r, 10 in r, -1 in r)  # expect: True False False
print(4 in range(0, 10, 2), 5 in range(0, 10, 2))  # expect: True False
print(range(0, 3) == range(0, 3), range(0) == range(5, 2))  # expect: True True
print(range(10).index(7), range(10).count(3))  # expect: 7 1
print(range(10 ** 20)[-1])  # expect: 99999999999999999999
print(sum(range(101)))  # expect: 5050
print(list(range(3)) == [0, 1, 2])  # expect: True
print(range(3).start, range(1, 9, 4).step, range(7).stop)  # expect: 0 4 7
try:
    range(3)[3]
except IndexError as e:
    print(e)  # expect: range object index out of range
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)  # expect: range() arg 3 must not be zero
