# list: sort and sorted with key and reverse; sorting is stable.
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)  # expect: [1, 2, 5, 5, 6, 9]
a.sort(reverse=True)
print(a)  # expect: [9, 6, 5, 5, 2, 1]
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words))  # expect: ['Apple', 'banana', 'cherry', 'date']
print(sorted(words, key=str.lower))  # expect: ['Apple', 'banana', 'cherry', 'date']
print(sorted(words, key=len))  # expect: ['date', 'Apple', 'banana', 'cherry']
print(sorted(words, key=len, reverse=True))  # expect: ['banana', 'cherry', 'Apple', 'date']
pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 1)]
print(sorted(pairs, key=lambda p: p[1]))  # expect: [('c', 1), ('d', 1), ('b', 2), ('a', 2)]
print(sorted(pairs, key=lambda p: p[1], reverse=True))  # expect: [('b', 2), ('a', 2), ('c', 1), ('d', 1)]
print(sorted(pairs))  # expect: [('a', 2), ('b', 2), ('c', 1), ('d', 1)]
print(sorted([3, 1.5, 2, -1]))  # expect: [-1, 1.5, 2, 3]
print(sorted([[2, 1], [1, 9], [2, 0]]))  # expect: [[1, 9], [2, 0], [2, 1]]
nums = [-3, 2, -1, 4]
nums.sort(key=abs)
print(nums)  # expect: [-1, 2, -3, 4]
print(a.sort())  # expect: None
big = list(range(100, 0, -1))
big.sort()
print(big[:3], big[-1])  # expect: [1, 2, 3] 100
print(sorted("cab", reverse=True))  # expect: ['c', 'b', 'a']
print(sorted([]))  # expect: []
try:
    [1, "a"].sort()
except TypeError as e:
    print(e)  # expect: '<' not supported between instances of 'str' and 'int'
