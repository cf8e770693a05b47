# Uncaught AssertionError without a message prints just the class name.
assert 1 > 2
# expect error: AssertionError
