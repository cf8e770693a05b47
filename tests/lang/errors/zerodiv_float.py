# Uncaught ZeroDivisionError from float division.
y = 0.0
print(1.5 / y)
# expect error: ZeroDivisionError: float division by zero
