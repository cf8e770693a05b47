# Uncaught ZeroDivisionError from integer modulo (3.11 says "integer modulo by zero").
n = 0
print(7 % n)
# expect error: ZeroDivisionError: integer modulo by zero
