# AttributeError for a missing class attribute.
class A:
    pass
A.nope
# expect error: AttributeError: type object 'A' has no attribute 'nope'
