# AttributeError for a missing attribute of a user class instance.
class A:
    pass
a = A()
print(a.x)
# expect error: AttributeError: 'A' object has no attribute 'x'
