# AttributeError for a missing attribute of an int.
n = 1
n.foo
# expect error: AttributeError: 'int' object has no attribute 'foo'
