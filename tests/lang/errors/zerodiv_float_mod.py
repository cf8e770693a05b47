# Uncaught ZeroDivisionError from float modulo.
z = 0.0
print(7.5 % z)
# expect error: ZeroDivisionError: float modulo
