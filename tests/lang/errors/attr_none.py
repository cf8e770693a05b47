# AttributeError on None.
x = None
x.append(1)
# expect error: AttributeError: 'NoneType' object has no attribute 'append'
