# ValueError for int() of a non-numeric string.
int("abc")
# expect error: ValueError: invalid literal for int() with base 10: 'abc'
