# Uncaught ZeroDivisionError from int division.
print("start")  # expect: start
x = 0
print(10 / x)
# expect error: ZeroDivisionError: division by zero
