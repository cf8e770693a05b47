# Carets inside lambdas, comprehensions and generator expressions.
inverse = lambda x: 1 / x
values = [3, 2, 1, 0]
print([round(inverse(v), 2) for v in values[:3]])
result = sum(inverse(v) for v in values)

# expect: [0.33, 0.5, 1.0]
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 5, in <module>
# expect stderr:     result = sum(inverse(v) for v in values)
# expect stderr:              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 5, in <genexpr>
# expect stderr:     result = sum(inverse(v) for v in values)
# expect stderr:                  ^^^^^^^^^^
# expect stderr:   File "{FILE}", line 2, in <lambda>
# expect stderr:     inverse = lambda x: 1 / x
# expect stderr:                         ~~^~~
# expect error: ZeroDivisionError: division by zero
