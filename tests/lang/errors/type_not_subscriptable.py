# TypeError when subscripting an int.
n = 5
print(n[0])
# expect error: TypeError: 'int' object is not subscriptable
