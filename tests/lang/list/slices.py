# list: slicing, slice assignment (growing, shrinking, extended) and deletion.
a = list(range(10))
print(a[2:5], a[::3], a[::-2])  # expect: [2, 3, 4] [0, 3, 6, 9] [9, 7, 5, 3, 1]
b = a[:]
print(b == a, b is a)  # expect: True False
a[2:5] = ["x"]
print(a)  # expect: [0, 1, 'x', 5, 6, 7, 8, 9]
a[1:1] = [10, 11]
print(a)  # expect: [0, 10, 11, 1, 'x', 5, 6, 7, 8, 9]
a[:3] = []
print(a)  # expect: [1, 'x', 5, 6, 7, 8, 9]
a[::2] = [0, 0, 0, 0]
print(a)  # expect: [0, 'x', 0, 6, 0, 8, 0]
del a[1]
print(a)  # expect: [0, 0, 6, 0, 8, 0]
del a[::2]
print(a)  # expect: [0, 0, 0]
c = [1, 2, 3, 4, 5]
del c[1:3]
print(c)  # expect: [1, 4, 5]
del c[:]
print(c)  # expect: []
d = [1, 2, 3]
d[len(d):] = [4, 5]
print(d)  # expect: [1, 2, 3, 4, 5]
d[-2:] = "ab"
print(d)  # expect: [1, 2, 3, 'a', 'b']
print(d[10:20], d[-100:2])  # expect: [] [1, 2]
try:
    d[::2] = [1]
except ValueError as e:
    print(e)  # expect: attempt to assign sequence of size 1 to extended slice of size 3
