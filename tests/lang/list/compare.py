# list: equality and lexicographic ordering, nested lists.
print([1, 2] == [1, 2], [1, 2] != [2, 1])  # expect: True True
print([1, 2] < [1, 3])  # expect: True
print([1, 2] < [1, 2, 0])  # expect: True
print([2] > [1, 100])  # expect: True
print([] < [0])  # expect: True
print([[1, 2], [3]] == [[1, 2], [3]])  # expect: True
print([1, [2, 3]] < [1, [2, 4]])  # expect: True
print([1, 2] == (1, 2))  # expect: False
print([1.0, 2] == [1, 2.0])  # expect: True
print(max([[1, 2], [1, 3], [0, 9]]))  # expect: [1, 3]
nested = [[1, [2, [3, [4]]]]]
print(nested[0][1][1][1][0])  # expect: 4
print(len(nested), len(nested[0]))  # expect: 1 2
