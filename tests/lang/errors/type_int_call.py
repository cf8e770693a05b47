# TypeError when calling an int.
x = 3
x(1)
# expect error: TypeError: 'int' object is not callable
