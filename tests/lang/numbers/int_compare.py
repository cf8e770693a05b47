# int: comparisons between big and small ints, ints and floats, equality and hashing.
big = 2 ** 100
print(big > 1)  # expect: True
print(-big < -1)  # expect: True
print(big == 2 ** 100)  # expect: True
print(big != big + 1)  # expect: True
print(big > 2 ** 99)  # expect: True
print(-big < -(2 ** 99))  # expect: True
print(3 == 3.0)  # expect: True
print(1 < 1.5 < 2)  # expect: True
print(2 ** 53 + 1 == float(2 ** 53 + 1))  # expect: False
print(big == float(big))  # expect: True
print(10 ** 400 > 1e308)  # expect: True
print(0 == -0)  # expect: True
print(5 >= 5, 5 <= 4)  # expect: True False
print(hash(1) == hash(1.0) == hash(True))  # expect: True
print(hash(big) == hash(float(big)))  # expect: True
print(max(3, big, -big) == big)  # expect: True
print(min(3, big, -big) == -big)  # expect: True
print(sorted([big, -1, 0, -big, 7]) == [-big, -1, 0, 7, big])  # expect: True
print(1 == True, 0 == False)  # expect: True True
print(7 != "7")  # expect: True
