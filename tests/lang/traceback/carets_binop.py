# PEP 657 carets for a binary operation: the operator is '^', the operands '~'.
def ratio(a, b):
    return a / b


def mean(values):
    total = sum(values)
    return ratio(total, len(values))


print("before")
mean([])

# expect: before
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 12, in <module>
# expect stderr:     mean([])
# expect stderr:   File "{FILE}", line 8, in mean
# expect stderr:     return ratio(total, len(values))
# expect stderr:            ^^^^^^^^^^^^^^^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 3, in ratio
# expect stderr:     return a / b
# expect stderr:            ~~^~~
# expect error: ZeroDivisionError: division by zero
