# set: operators | & - ^, comparisons, membership; printed with small ints or sorted().
a = {1, 2, 3}
b = {2, 3, 4}
print(a | b)  # expect: {1, 2, 3, 4}
print(a & b)  # expect: {2, 3}
print(a - b)  # expect: {1}
print(a ^ b)  # expect: {1, 4}
print(set())  # expect: set()
print({1, 1, 2, 2})  # expect: {1, 2}
print(len({1, 2, 2, 3}))  # expect: 3
print(2 in a, 9 in a, 9 not in a)  # expect: True False True
print({1, 2} <= a, {1, 2} < a, a < a, a <= a)  # expect: True True False True
print(a >= {1}, a > {1, 2, 3})  # expect: True False
print({1, 2} == {2, 1}, {1} != {1})  # expect: True False
print(sorted({"pear", "apple", "fig"}))  # expect: ['apple', 'fig', 'pear']
print({1, 1.0, True})  # expect: {1}
print(set([3, 1, 2]) == {1, 2, 3})  # expect: True
c = {1, 2}
c |= {5}
c &= {1, 5, 7}
print(c)  # expect: {1, 5}
c -= {1}
c ^= {6}
print(c)  # expect: {5, 6}
print(sorted(set("mississippi")))  # expect: ['i', 'm', 'p', 's']
print({x % 3 for x in range(10)})  # expect: {0, 1, 2}
