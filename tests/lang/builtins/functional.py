# map, filter, sorted, min/max (key, default), sum (start), any, all.
print(list(map(str, [1, 2, 3])))  # expect: ['1', '2', '3']
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))  # expect: [4, 10]
print(list(filter(lambda x: x > 1, [0, 1, 2, 3])))  # expect: [2, 3]
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))  # expect: [1, 'a', [0]]
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True))  # expect: [1, 2, 3] [3, 2, 1]
print(sorted({"b": 1, "a": 2}))  # expect: ['a', 'b']
print(min(3, 1, 2), max([4, 9, 2]))  # expect: 1 9
print(min(["apple", "fig", "banana"], key=len))  # expect: fig
print(max(["apple", "fig", "banana"], key=len))  # expect: banana
print(max([], default="empty"), min([], default=None))  # expect: empty None
print(max([1, 3, 3], key=lambda x: -x))  # expect: 1
print(max([(1, "a"), (1, "b")]))  # expect: (1, 'b')
print(max("abc", "abd"))  # expect: abd
print(sum([1, 2, 3]), sum([1, 2], 10), sum([]))  # expect: 6 13 0
print(sum([0.1] * 10))  # expect: 0.9999999999999999
print(sum([[1], [2]], []))  # expect: [1, 2]
print(any([0, "", 3]), any([]), all([1, "a"]), all([]), all([1, 0]))  # expect: True False True True False
print(any([x > 2 for x in [1, 3]]), all([x > 2 for x in [1, 3]]))  # expect: True False
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))  # expect: 1 [2] []
try:
    max([])
except ValueError as e:
    print(e)  # expect: max() arg is an empty sequence
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)  # expect: sum() can't sum strings [use ''.join(seq) instead]
