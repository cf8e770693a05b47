# Uncaught ZeroDivisionError from integer floor division.
n = 0
print(7 // n)
# expect error: ZeroDivisionError: integer division or modulo by zero
