# Chained comparisons evaluate the middle operand once and short-circuit; is/in chains.
def v(x):
    print("eval", x)
    return x
print(1 < v(2) < 3)
# expect: eval 2
# expect: True
print(v(3) < v(2) < v(1))
# expect: eval 3
# expect: eval 2
# expect: False
print(1 < 2 < 3 < 4, 1 < 3 < 2)  # expect: True False
print(1 == 1 == 1, 1 == 1 != 1)  # expect: True False
print(1 < 2 > 0, 5 > 3 >= 3)  # expect: True True
x = 5
print(0 <= x < 10, 0 <= x < 5)  # expect: True False
print("a" < "b" < "c", [1] < [2] <= [2])  # expect: True True
print(1 in [1] in [[1]])  # expect: True
a = b = [1]
print(a is b is a, a is not None)  # expect: True True
print(3 > 2 == 2)  # expect: True
print((3 > 2) == 2)  # expect: False
