# TypeError for int + str.
x = 1
y = "2"
print(x + y)
# expect error: TypeError: unsupported operand type(s) for +: 'int' and 'str'
