# Division by zero in every numeric operator: /, //, %, divmod() and
# pow() with a zero base and a negative exponent, for int, bool, big int and
# float operands and their mixtures, binary and augmented; CPython's messages.
def show(label, f):
    try:
        r = f()
        print(label, "=", r)
    except ZeroDivisionError as e:
        print(label, "ZeroDivisionError:", e)
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)


ops = [
    ("/", lambda a, b: a / b),
    ("//", lambda a, b: a // b),
    ("%", lambda a, b: a % b),
    ("divmod", lambda a, b: divmod(a, b)),
]
for a in [7, -3, True, 10**30, 7.5]:
    for b in [0, False, 0.0, -0.0]:
        for name, f in ops:
            show("%r %s %r" % (a, name, b), lambda: f(a, b))

# expect: 7 / 0 ZeroDivisionError: division by zero
# expect: 7 // 0 ZeroDivisionError: integer division or modulo by zero
# expect: 7 % 0 ZeroDivisionError: integer modulo by zero
# expect: 7 divmod 0 ZeroDivisionError: integer division or modulo by zero
# expect: 7 / False ZeroDivisionError: division by zero
# expect: 7 // False ZeroDivisionError: integer division or modulo by zero
# expect: 7 % False ZeroDivisionError: integer modulo by zero
# expect: 7 divmod False ZeroDivisionError: integer division or modulo by zero
# expect: 7 / 0.0 ZeroDivisionError: float division by zero
# expect: 7 // 0.0 ZeroDivisionError: float floor division by zero
# expect: 7 % 0.0 ZeroDivisionError: float modulo
# expect: 7 divmod 0.0 ZeroDivisionError: float divmod()
# expect: 7 / -0.0 ZeroDivisionError: float division by zero
# expect: 7 // -0.0 ZeroDivisionError: float floor division by zero
# expect: 7 % -0.0 ZeroDivisionError: float modulo
# expect: 7 divmod -0.0 ZeroDivisionError: float divmod()
# expect: -3 / 0 ZeroDivisionError: division by zero
# expect: -3 // 0 ZeroDivisionError: integer division or modulo by zero
# expect: -3 % 0 ZeroDivisionError: integer modulo by zero
# expect: -3 divmod 0 ZeroDivisionError: integer division or modulo by zero
# expect: -3 / False ZeroDivisionError: division by zero
# expect: -3 // False ZeroDivisionError: integer division or modulo by zero
# expect: -3 % False ZeroDivisionError: integer modulo by zero
# expect: -3 divmod False ZeroDivisionError: integer division or modulo by zero
# expect: -3 / 0.0 ZeroDivisionError: float division by zero
# expect: -3 // 0.0 ZeroDivisionError: float floor division by zero
# expect: -3 % 0.0 ZeroDivisionError: float modulo
# expect: -3 divmod 0.0 ZeroDivisionError: float divmod()
# expect: -3 / -0.0 ZeroDivisionError: float division by zero
# expect: -3 // -0.0 ZeroDivisionError: float floor division by zero
# expect: -3 % -0.0 ZeroDivisionError: float modulo
# expect: -3 divmod -0.0 ZeroDivisionError: float divmod()
# expect: True / 0 ZeroDivisionError: division by zero
# expect: True // 0 ZeroDivisionError: integer division or modulo by zero
# expect: True % 0 ZeroDivisionError: integer modulo by zero
# expect: True divmod 0 ZeroDivisionError: integer division or modulo by zero
# expect: True / False ZeroDivisionError: division by zero
# expect: True // False ZeroDivisionError: integer division or modulo by zero
# expect: True % False ZeroDivisionError: integer modulo by zero
# expect: True divmod False ZeroDivisionError: integer division or modulo by zero
# expect: True / 0.0 ZeroDivisionError: float division by zero
# expect: True // 0.0 ZeroDivisionError: float floor division by zero
# expect: True % 0.0 ZeroDivisionError: float modulo
# expect: True divmod 0.0 ZeroDivisionError: float divmod()
# expect: True / -0.0 ZeroDivisionError: float division by zero
# expect: True // -0.0 ZeroDivisionError: float floor division by zero
# expect: True % -0.0 ZeroDivisionError: float modulo
# expect: True divmod -0.0 ZeroDivisionError: float divmod()
# expect: 1000000000000000000000000000000 / 0 ZeroDivisionError: division by zero
# expect: 1000000000000000000000000000000 // 0 ZeroDivisionError: integer division or modulo by zero
# expect: 1000000000000000000000000000000 % 0 ZeroDivisionError: integer modulo by zero
# expect: 1000000000000000000000000000000 divmod 0 ZeroDivisionError: integer division or modulo by zero
# expect: 1000000000000000000000000000000 / False ZeroDivisionError: division by zero
# expect: 1000000000000000000000000000000 // False ZeroDivisionError: integer division or modulo by zero
# expect: 1000000000000000000000000000000 % False ZeroDivisionError: integer modulo by zero
# expect: 1000000000000000000000000000000 divmod False ZeroDivisionError: integer division or modulo by zero
# expect: 1000000000000000000000000000000 / 0.0 ZeroDivisionError: float division by zero
# expect: 1000000000000000000000000000000 // 0.0 ZeroDivisionError: float floor division by zero
# expect: 1000000000000000000000000000000 % 0.0 ZeroDivisionError: float modulo
# expect: 1000000000000000000000000000000 divmod 0.0 ZeroDivisionError: float divmod()
# expect: 1000000000000000000000000000000 / -0.0 ZeroDivisionError: float division by zero
# expect: 1000000000000000000000000000000 // -0.0 ZeroDivisionError: float floor division by zero
# expect: 1000000000000000000000000000000 % -0.0 ZeroDivisionError: float modulo
# expect: 1000000000000000000000000000000 divmod -0.0 ZeroDivisionError: float divmod()
# expect: 7.5 / 0 ZeroDivisionError: float division by zero
# expect: 7.5 // 0 ZeroDivisionError: float floor division by zero
# expect: 7.5 % 0 ZeroDivisionError: float modulo
# expect: 7.5 divmod 0 ZeroDivisionError: float divmod()
# expect: 7.5 / False ZeroDivisionError: float division by zero
# expect: 7.5 // False ZeroDivisionError: float floor division by zero
# expect: 7.5 % False ZeroDivisionError: float modulo
# expect: 7.5 divmod False ZeroDivisionError: float divmod()
# expect: 7.5 / 0.0 ZeroDivisionError: float division by zero
# expect: 7.5 // 0.0 ZeroDivisionError: float floor division by zero
# expect: 7.5 % 0.0 ZeroDivisionError: float modulo
# expect: 7.5 divmod 0.0 ZeroDivisionError: float divmod()
# expect: 7.5 / -0.0 ZeroDivisionError: float division by zero
# expect: 7.5 // -0.0 ZeroDivisionError: float floor division by zero
# expect: 7.5 % -0.0 ZeroDivisionError: float modulo
# expect: 7.5 divmod -0.0 ZeroDivisionError: float divmod()

# Zero to a negative power, through ** and pow().
for a in [0, False, 0.0, -0.0]:
    for b in [-1, -2, -1.0, -0.5, -10**30]:
        show("%r ** %r" % (a, b), lambda: a ** b)
print(pow(0, 5), pow(0, 0), pow(0.0, 0), 0 ** 0.0)
show("pow(0, -1)", lambda: pow(0, -1))
show("pow(5, 2, 0)", lambda: pow(5, 2, 0))
show("pow(0, -1, 7)", lambda: pow(0, -1, 7))
show("pow(2, -1, 4)", lambda: pow(2, -1, 4))
# expect: 0 ** -1 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0 ** -2 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0 ** -1.0 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0 ** -0.5 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0 ** -1000000000000000000000000000000 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: False ** -1 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: False ** -2 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: False ** -1.0 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: False ** -0.5 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: False ** -1000000000000000000000000000000 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0.0 ** -1 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0.0 ** -2 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0.0 ** -1.0 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0.0 ** -0.5 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0.0 ** -1000000000000000000000000000000 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: -0.0 ** -1 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: -0.0 ** -2 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: -0.0 ** -1.0 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: -0.0 ** -0.5 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: -0.0 ** -1000000000000000000000000000000 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 0 1 1.0 1.0
# expect: pow(0, -1) ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: pow(5, 2, 0) ValueError: pow() 3rd argument cannot be 0
# expect: pow(0, -1, 7) ValueError: base is not invertible for the given modulus
# expect: pow(2, -1, 4) ValueError: base is not invertible for the given modulus

# Augmented assignment goes through the same operators.
def aug(kind, x, y):
    try:
        if kind == "/=":
            x /= y
        elif kind == "//=":
            x //= y
        elif kind == "%=":
            x %= y
        else:
            x **= y
        print(kind, x)
    except ZeroDivisionError as e:
        print(kind, "ZeroDivisionError:", e)


for x, y in [(5, 0), (5.0, 0), (5, 0.0), (10**40, False)]:
    for kind in ["/=", "//=", "%="]:
        aug(kind, x, y)
aug("**=", 0, -1)
aug("**=", 0.0, -3)
# expect: /= ZeroDivisionError: division by zero
# expect: //= ZeroDivisionError: integer division or modulo by zero
# expect: %= ZeroDivisionError: integer modulo by zero
# expect: /= ZeroDivisionError: float division by zero
# expect: //= ZeroDivisionError: float floor division by zero
# expect: %= ZeroDivisionError: float modulo
# expect: /= ZeroDivisionError: float division by zero
# expect: //= ZeroDivisionError: float floor division by zero
# expect: %= ZeroDivisionError: float modulo
# expect: /= ZeroDivisionError: division by zero
# expect: //= ZeroDivisionError: integer division or modulo by zero
# expect: %= ZeroDivisionError: integer modulo by zero
# expect: **= ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: **= ZeroDivisionError: 0.0 cannot be raised to a negative power

# Constant expressions are not folded into a compile-time error: the
# exception comes when the line runs, and it can be caught.
try:
    x = 1 / 0
except ZeroDivisionError as e:
    print("caught", e)
try:
    x = 1 % 0.0
except ZeroDivisionError as e:
    print("caught", e)
# expect: caught division by zero
# expect: caught float modulo
