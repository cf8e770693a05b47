# ValueError for float() of a non-numeric string.
float("x1")
# expect error: ValueError: could not convert string to float: 'x1'
