# Uncaught AssertionError with a message.
a, b = 1, 2
assert a == b, f"values differ: {a} != {b}"
# expect error: AssertionError: values differ: 1 != 2
